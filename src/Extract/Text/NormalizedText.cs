using System.Text;

namespace Extract.Text;

/// <summary>A normalised string with, for each of its code units, the index of the code unit it came from in the input.</summary>
/// <param name="Text">The normalised text.</param>
/// <param name="SourceIndex">SourceIndex[i] is the input index of Text[i].</param>
internal sealed record NormalizedText(string Text, int[] SourceIndex);

/// <summary>
/// Normalises one line: full-width ASCII letters, digits and space to ASCII; NBSP and other spaces to
/// a space; zero-width characters and soft hyphens removed; whitespace runs collapsed; trimmed. CJK
/// punctuation (，。：) is kept as written: it is content, and users search the body as published.
/// </summary>
internal static class TextNormalizer
{
    public static NormalizedText Normalize(string input)
    {
        var builder = new StringBuilder(input.Length);
        var map = new List<int>(input.Length);
        var pendingSpace = -1;
        for (var i = 0; i < input.Length; i++)
        {
            var c = Map(input[i]);
            if (c == '\0')
            {
                continue;
            }

            if (c == ' ')
            {
                if (pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            if (pendingSpace >= 0 && builder.Length > 0)
            {
                builder.Append(' ');
                map.Add(pendingSpace);
            }

            pendingSpace = -1;
            builder.Append(c);
            map.Add(i);
        }

        return new NormalizedText(builder.ToString(), [.. map]);
    }

    /// <summary>The normalised form of one character; '\0' drops it.</summary>
    internal static char Map(char c) => c switch
    {
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => '\0',
        '\t' or '\u00A0' or '\u3000' or '\u2002' or '\u2003' or '\u2009' or '\u202F' or '\u205F' or '\r' or '\n' or '\f' or '\v' => ' ',
        >= '\uFF10' and <= '\uFF19' => (char)(c - '\uFF10' + '0'),
        >= '\uFF21' and <= '\uFF3A' => (char)(c - '\uFF21' + 'A'),
        >= '\uFF41' and <= '\uFF5A' => (char)(c - '\uFF41' + 'a'),
        < ' ' => '\0',
        _ => c,
    };
}
