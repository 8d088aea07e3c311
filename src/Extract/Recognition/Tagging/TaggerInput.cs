using Extract.Recognition.Names;
using Extract.Recognition.Places;
using Extract.Resources;
using Extract.Tokens;

namespace Extract.Recognition.Tagging;

/// <summary>
/// What the name features read about one stretch of text: its characters and, per character, the segmenter word it
/// sits in (with its POS tag and lexicon class), its place in a gazetteer name, and whether a surname starts there.
/// Built once per stretch; positions are relative to the stretch.
/// </summary>
internal sealed class TaggerInput
{
    private TaggerInput(string text, int start, int length)
    {
        Text = text;
        Start = start;
        Length = length;
        Word = new int[length];
        Gazetteer = new byte[length];
        Surname = new byte[length];
    }

    /// <summary>The whole text; the stretch is [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>).</summary>
    public string Text { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>Index into <see cref="Words"/> of the word each character sits in.</summary>
    public int[] Word { get; }

    public WordInfo[] Words { get; private set; } = [];

    /// <summary>Per character: 0 outside gazetteer names, else position (1 B, 2 M, 3 E, 4 S) + 8 × the level of the name.</summary>
    public byte[] Gazetteer { get; }

    /// <summary>Per character: the length of the surname starting there (0 when none).</summary>
    public byte[] Surname { get; }

    public char CharAt(int i) => i < 0 ? '\u0002' : i >= Length ? '\u0003' : Text[Start + i];

    /// <summary>
    /// Builds the input for [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/> from the
    /// segmenter's <paramref name="tokens"/> (offsets into <paramref name="text"/>; tokens outside the stretch are ignored).
    /// </summary>
    public static TaggerInput Create(string text, int start, int end, IReadOnlyList<WordToken> tokens, TaggerResources resources)
    {
        var input = new TaggerInput(text, start, end - start);
        input.FillWords(tokens, resources.Lexicons);
        input.FillGazetteer(resources.Gazetteer);
        input.FillSurnames(resources.Surnames);
        return input;
    }

    private void FillWords(IReadOnlyList<WordToken> tokens, EntityLexicons lexicons)
    {
        var words = new List<WordInfo>();
        var covered = 0;
        foreach (var token in tokens)
        {
            var from = Math.Max(token.Start, Start) - Start;
            var to = Math.Min(token.End, Start + Length) - Start;
            if (to <= from || from < covered)
            {
                continue;
            }

            // Characters no token covers (should not happen with the segmenter) become one-character words.
            for (; covered < from; covered++)
            {
                Word[covered] = words.Count;
                words.Add(new WordInfo(Text.Substring(Start + covered, 1), "x", covered, covered + 1, 0));
            }

            var word = from == token.Start - Start && to == token.End - Start ? token.Word : Text.Substring(Start + from, to - from);
            for (var i = from; i < to; i++)
            {
                Word[i] = words.Count;
            }

            words.Add(new WordInfo(word, token.Tag, from, to, ClassOf(word, lexicons)));
            covered = to;
        }

        for (; covered < Length; covered++)
        {
            Word[covered] = words.Count;
            words.Add(new WordInfo(Text.Substring(Start + covered, 1), "x", covered, covered + 1, 0));
        }

        Words = [.. words];
    }

    private static byte ClassOf(string word, EntityLexicons lexicons) =>
        lexicons.OrgSuffixes.Contains(word) ? (byte)1
        : lexicons.PlaceSuffixes.Contains(word) ? (byte)2
        : lexicons.Titles.Contains(word) ? (byte)3
        : lexicons.GenericHeads.Contains(word) ? (byte)4
        : (byte)0;

    private void FillGazetteer(Places.Gazetteer gazetteer)
    {
        var i = 0;
        while (i < Length)
        {
            if (!NameText.IsCjk(Text[Start + i]))
            {
                i++;
                continue;
            }

            var best = 0;
            var level = 0;
            foreach (var (length, names) in gazetteer.Names.PrefixesAt(Text, Start + i))
            {
                if (length >= 2 && i + length <= Length)
                {
                    best = length;
                    level = (int)gazetteer[names[0].Division].Level;
                }
            }

            if (best == 0)
            {
                i++;
                continue;
            }

            var tag = (byte)(8 * Math.Min(level, 15));
            Gazetteer[i] = (byte)(tag + (best == 1 ? 4 : 1));
            for (var j = i + 1; j < i + best - 1; j++)
            {
                Gazetteer[j] = (byte)(tag + 2);
            }

            Gazetteer[i + best - 1] = (byte)(tag + 3);
            i += best;
        }
    }

    private void FillSurnames(Surnames surnames)
    {
        for (var i = 0; i < Length; i++)
        {
            if (NameText.IsCjk(Text[Start + i]))
            {
                Surname[i] = (byte)surnames.SurnameLength(Text.AsSpan(Start + i, Math.Min(5, Length - i)));
            }
        }
    }
}

/// <summary>A segmenter word of the stretch: text, POS tag, span relative to the stretch and lexicon class.</summary>
/// <param name="Class">0 none, 1 organisation suffix, 2 place suffix, 3 title, 4 generic head.</param>
internal readonly record struct WordInfo(string Text, string Tag, int Start, int End, byte Class);

/// <summary>The shared resources the tagger's features read.</summary>
internal sealed record TaggerResources(Places.Gazetteer Gazetteer, Surnames Surnames, EntityLexicons Lexicons)
{
    public static TaggerResources Default => new(Places.Gazetteer.Default, Surnames.Default, EntityLexicons.Default);
}
