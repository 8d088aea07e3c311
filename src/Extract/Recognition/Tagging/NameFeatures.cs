namespace Extract.Recognition.Tagging;

/// <summary>
/// The tagger's feature templates: for each character, <see cref="Count"/> 64-bit hashes of (template, values) —
/// character uni- and bigrams in a ±2 window, character types, the segmenter word the character sits in with its
/// position (B/M/E/S), POS tag and length, the neighbouring words and tags, gazetteer and surname membership and the
/// lexicon class of the words around. Every template emits exactly one feature per character, so feature arrays
/// are dense (characters × <see cref="Count"/>). Changing a template changes <see cref="Version"/>.
/// </summary>
internal static class NameFeatures
{
    public const int Count = 37;

    /// <summary>Stored in the model header: a model trained with other templates is refused.</summary>
    public const int Version = 5;

    public static void Extract(TaggerInput input, int i, Span<ulong> features)
    {
        var c0 = input.CharAt(i);
        var cm1 = input.CharAt(i - 1);
        var cm2 = input.CharAt(i - 2);
        var cp1 = input.CharAt(i + 1);
        var cp2 = input.CharAt(i + 2);
        var wordIndex = input.Word[i];
        var word = input.Words[wordIndex];
        var position = PositionInWord(word, i);
        var previous = wordIndex > 0 ? input.Words[wordIndex - 1] : default;
        var next = wordIndex + 1 < input.Words.Length ? input.Words[wordIndex + 1] : default;

        features[0] = Hash(1, cm2);
        features[1] = Hash(2, cm1);
        features[2] = Hash(3, c0);
        features[3] = Hash(4, cp1);
        features[4] = Hash(5, cp2);
        features[5] = Hash(6, cm2, cm1);
        features[6] = Hash(7, cm1, c0);
        features[7] = Hash(8, c0, cp1);
        features[8] = Hash(9, cp1, cp2);
        features[9] = Hash(10, cm1, cp1);
        features[10] = Hash(11, TypeOf(cm1), TypeOf(c0), TypeOf(cp1));
        features[11] = Mix(Hash(12, position), word.Text);
        features[12] = Mix(Hash(13, position), word.Tag);
        features[13] = Mix(Hash(14, position, c0), word.Tag);
        features[14] = Mix(Hash(15, position), previous.Text);
        features[15] = Mix(Hash(16, position), next.Text);
        features[16] = Mix(Hash(17, position, (char)Math.Min(word.End - word.Start, 6)), word.Tag);
        features[17] = Mix(Mix(Hash(18, position), previous.Tag), word.Tag);
        features[18] = Mix(Mix(Hash(19, position), word.Tag), next.Tag);
        features[19] = Hash(20, (char)input.Gazetteer[i], (char)input.Gazetteer[Math.Max(i - 1, 0)], (char)(i + 1 < input.Length ? input.Gazetteer[i + 1] : 0));
        features[20] = Hash(21, (char)input.Surname[i], position, (char)(word.End - word.Start));
        features[21] = Hash(22, (char)(i > 0 ? input.Surname[i - 1] : 0), (char)(i > 1 ? input.Surname[i - 2] : 0), position);
        features[22] = Hash(23, (char)word.Class, position);
        features[23] = Hash(24, (char)previous.Class, (char)next.Class, position);
        features[24] = Hash(25, c0, position);
        features[25] = Hash(26, cm1, c0, cp1);
        features[26] = Hash(27, '\0');
        features[27] = Hash(28, cm2, cm1, c0);
        features[28] = Hash(29, c0, cp1, cp2);
        features[29] = Mix(Mix(Hash(30, position), previous.Text), word.Text);
        features[30] = Mix(Hash(31, position, (char)input.Gazetteer[i]), word.Tag);
        features[31] = Hash(32, input.CharAt(i - 3));
        features[32] = Hash(33, input.CharAt(i + 3));
        features[34] = Hash(35, (char)input.LexiconAt(i), (char)input.LexiconAt(i + 1), position);
        features[35] = Hash(36, (char)input.LexiconAt(i - 1), (char)input.LexiconAt(i), TypeOf(c0));
        features[36] = Hash(37, (char)(input.LexiconAt(i) & 3), c0);
        features[33] = Hash(34, (char)input.SurnameAt(i), (char)(input.SurnameAt(i - 2) + (8 * input.SurnameAt(i - 3))), (char)(input.SurnameAt(i + 2) + (8 * input.SurnameAt(i + 3))));
    }

    private static char PositionInWord(WordInfo word, int i) =>
        word.End - word.Start == 1 ? 'S' : i == word.Start ? 'B' : i == word.End - 1 ? 'E' : 'M';

    private static char TypeOf(char c) => c switch
    {
        '\u0002' or '\u0003' => 'P',
        >= '0' and <= '9' or >= '０' and <= '９' => 'D',
        '〇' or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '百' or '千' or '万' or '亿' or '两' => 'N',
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= 'ａ' and <= 'ｚ' or >= 'Ａ' and <= 'Ｚ' => 'L',
        >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' => 'H',
        _ when char.IsPunctuation(c) || char.IsSymbol(c) => 'W',
        _ => 'O',
    };

    private static ulong Hash(int template, char a) => Step(Step(0x51_7C_C1_B7_27_22_0A_95UL, (ulong)template), a);

    private static ulong Hash(int template, char a, char b) => Step(Hash(template, a), b);

    private static ulong Hash(int template, char a, char b, char c) => Step(Hash(template, a, b), c);

    private static ulong Mix(ulong hash, string? text)
    {
        hash = Step(hash, 0xFFFF);
        foreach (var c in text ?? "")
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    private static ulong Step(ulong hash, ulong value)
    {
        hash ^= value + 0x9E37_79B9_7F4A_7C15UL + (hash << 6) + (hash >> 2);
        hash *= 0xBF58_476D_1CE4_E5B9UL;
        return hash ^ (hash >> 31);
    }
}
