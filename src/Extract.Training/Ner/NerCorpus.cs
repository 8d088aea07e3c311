using System.IO.Compression;
using System.Text;
using Extract.Recognition;
using Extract.Recognition.Tagging;

namespace Extract.Training.Ner;

/// <summary>A sentence of an annotated corpus with its gold names (spans into <see cref="Text"/>).</summary>
internal sealed record NerSentence(string Text, List<(TextSpan Span, NameType Type)> Names);

/// <summary>
/// Readers of the annotated corpora the tagger trains and is evaluated on: MSRA NER (SIGHAN 2006, <c>text/TAG</c>
/// chunks with nr/ns/nt) and People's Daily 1998 (PKU POS tags, <c>[…]nt</c> compounds as organisations, surname and
/// given name joined into one person). Files may be GZip-compressed (<c>.gz</c>). Research data: read, never shipped.
/// </summary>
internal static class NerCorpus
{
    public static IEnumerable<string> Lines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    public static List<NerSentence> ReadMsra(string path) =>
        [.. Lines(path).Select(ParseMsra).Where(s => s.Text.Length > 0)];

    public static List<NerSentence> ReadPeoplesDaily(string path) =>
        [.. Lines(path).Select(ParsePeoplesDaily).Where(s => s.Text.Length > 0)];

    /// <summary>One MSRA line: space-separated <c>text/TAG</c> chunks, TAG ∈ o, nr, ns, nt.</summary>
    public static NerSentence ParseMsra(string line)
    {
        var text = new StringBuilder();
        var names = new List<(TextSpan, NameType)>();
        foreach (var chunk in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = chunk.LastIndexOf('/');
            if (slash <= 0)
            {
                continue;
            }

            var word = chunk[..slash];
            if (TypeOf(chunk[(slash + 1)..]) is { } type)
            {
                names.Add((new TextSpan(text.Length, text.Length + word.Length), type));
            }

            text.Append(word);
        }

        return new NerSentence(text.ToString(), names);
    }

    /// <summary>
    /// One People's Daily line: an ID token, then <c>word/TAG</c> tokens; <c>[w/t  w/t]nt</c> brackets a compound.
    /// Runs of nr tokens (江/nr 泽民/nr) make one person; nt and ns tokens or compounds make organisations and places.
    /// </summary>
    public static NerSentence ParsePeoplesDaily(string line)
    {
        var text = new StringBuilder();
        var names = new List<(TextSpan, NameType)>();
        var compoundStart = -1;
        var personStart = -1;
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var t = 1; t < tokens.Length; t++)
        {
            var token = tokens[t];
            if (token.StartsWith('[') && token.Length > 1)
            {
                compoundStart = text.Length;
                token = token[1..];
            }

            string? compoundTag = null;
            var close = token.LastIndexOf(']');
            if (close > 0 && compoundStart >= 0)
            {
                compoundTag = token[(close + 1)..];
                token = token[..close];
            }

            var slash = token.LastIndexOf('/');
            if (slash <= 0)
            {
                continue;
            }

            var word = token[..slash];
            var tag = token[(slash + 1)..];
            var start = text.Length;
            if (tag == "nr" && compoundStart < 0)
            {
                personStart = personStart < 0 ? start : personStart;
            }
            else
            {
                ClosePerson(names, ref personStart, start);
                if (compoundStart < 0 && TypeOf(tag) is { } type)
                {
                    names.Add((new TextSpan(start, start + word.Length), type));
                }
            }

            text.Append(word);
            if (compoundTag is not null)
            {
                if (TypeOf(compoundTag) is { } compoundType and not NameType.Person)
                {
                    names.Add((new TextSpan(compoundStart, text.Length), compoundType));
                }

                compoundStart = -1;
            }
        }

        ClosePerson(names, ref personStart, text.Length);
        return new NerSentence(text.ToString(), names);
    }

    private static void ClosePerson(List<(TextSpan, NameType)> names, ref int personStart, int end)
    {
        if (personStart >= 0)
        {
            names.Add((new TextSpan(personStart, end), NameType.Person));
            personStart = -1;
        }
    }

    private static NameType? TypeOf(string tag) => tag switch
    {
        "nr" => NameType.Person,
        "ns" => NameType.Location,
        "nt" => NameType.Organization,
        _ => null,
    };
}
