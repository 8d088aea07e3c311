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
        Lexicon = new byte[length];
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

    /// <summary>
    /// Per character, flags of lexicon words at its edges: 1 an organisation suffix ends here, 2 a place suffix ends
    /// here, 4 a title ends here, 8 a title starts here, 16 a name-follow word (说, 同志…) starts here, 32 a boundary
    /// word (verb, preposition) ends here.
    /// </summary>
    public byte[] Lexicon { get; }

    /// <summary>The surname length starting at <paramref name="i"/>, 0 outside the stretch.</summary>
    public int SurnameAt(int i) => i < 0 || i >= Length ? 0 : Surname[i];

    /// <summary>The lexicon flags of <paramref name="i"/>, 0 outside the stretch.</summary>
    public int LexiconAt(int i) => i < 0 || i >= Length ? 0 : Lexicon[i];

    /// <summary>
    /// The character at <paramref name="i"/> as the features see it: full-width ASCII forms (１, Ａ, ，) fold to ASCII, so
    /// a model trained on full-width newswire reads normalised bodies alike; \u0002 and \u0003 pad the edges.
    /// </summary>
    public char CharAt(int i) => i < 0 ? '\u0002' : i >= Length ? '\u0003' : Fold(Text[Start + i]);

    private static string Fold(string word)
    {
        foreach (var c in word)
        {
            if (Fold(c) != c)
            {
                return string.Create(word.Length, word, static (span, w) =>
                {
                    for (var i = 0; i < w.Length; i++)
                    {
                        span[i] = Fold(w[i]);
                    }
                });
            }
        }

        return word;
    }

    private static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;

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
        input.FillLexicon(resources.Lexicons);
        return input;
    }

    private void FillWords(IReadOnlyList<WordToken> tokens, EntityLexicons lexicons)
    {
        var words = new List<WordInfo>(Math.Min(tokens.Count, Length) + 1);
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

            var word = Fold(from == token.Start - Start && to == token.End - Start ? token.Word : Text.Substring(Start + from, to - from));
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

            var best = gazetteer.Names.LongestPrefix(Text, Start + i, Start + Length, 2, out var first);
            if (best == 0)
            {
                i++;
                continue;
            }

            var tag = (byte)(8 * Math.Min((int)gazetteer[first.Division].Level, 15));
            Gazetteer[i] = (byte)(tag + (best == 1 ? 4 : 1));
            for (var j = i + 1; j < i + best - 1; j++)
            {
                Gazetteer[j] = (byte)(tag + 2);
            }

            Gazetteer[i + best - 1] = (byte)(tag + 3);
            i += best;
        }
    }

    private void FillLexicon(EntityLexicons lexicons)
    {
        for (var i = 0; i < Length; i++)
        {
            if (!NameText.IsCjk(Text[Start + i]))
            {
                continue;
            }

            var end = Start + i + 1;
            var flags = 0;
            flags |= lexicons.OrgSuffixes.LongestEndingAt(Text, end) > 0 ? 1 : 0;
            flags |= lexicons.PlaceSuffixes.LongestEndingAt(Text, end) > 0 ? 2 : 0;
            flags |= lexicons.Titles.LongestEndingAt(Text, end) > 0 ? 4 : 0;
            flags |= lexicons.Titles.LongestAt(Text, Start + i) > 0 ? 8 : 0;
            flags |= lexicons.NameFollowWords.LongestAt(Text, Start + i) > 0 ? 16 : 0;
            flags |= lexicons.BoundaryWords.LongestEndingAt(Text, end) > 0 ? 32 : 0;
            Lexicon[i] = (byte)flags;
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
/// <param name="Text">The word.</param>
/// <param name="Tag">Its POS tag.</param>
/// <param name="Start">Its start in the stretch.</param>
/// <param name="End">Its end in the stretch (exclusive).</param>
/// <param name="Class">0 none, 1 organisation suffix, 2 place suffix, 3 title, 4 generic head.</param>
internal readonly record struct WordInfo(string Text, string Tag, int Start, int End, byte Class);

/// <summary>The shared resources the tagger's features read.</summary>
internal sealed record TaggerResources(Places.Gazetteer Gazetteer, Surnames Surnames, EntityLexicons Lexicons)
{
    public static TaggerResources Default => new(Places.Gazetteer.Default, Surnames.Default, EntityLexicons.Default);
}
