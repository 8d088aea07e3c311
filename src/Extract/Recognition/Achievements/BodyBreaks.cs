namespace Extract.Recognition.Achievements;

/// <summary>
/// Where the sentences and clauses of one body break, read once: the start of the sentence or clause holding a position
/// and the breaks or commas between two positions cost O(1), so that resolving every quantity of a body that is one
/// endless sentence stays linear in its length (a scan back to the last break per quantity made it quadratic).
/// </summary>
internal sealed class BodyBreaks
{
    /// <summary>What ends a sentence.</summary>
    public static readonly char[] Sentence = ['。', '！', '？', '!', '?', '\n', '；', ';'];

    /// <summary>What ends a clause (every sentence break, commas and colons).</summary>
    public static readonly char[] Clause = ['，', '。', '；', '！', '？', ',', ';', '!', '?', '\n', '：', ':'];

    private readonly string _body;
    private int[]? _sentenceStarts;
    private int[]? _clauseStarts;
    private int[]? _sentencesBefore;
    private int[]? _clausesBefore;
    private int[]? _commasBefore;

    public BodyBreaks(string body) => _body = body;

    /// <summary>One past the last sentence break before <paramref name="position"/> (0 when none): where its sentence starts.</summary>
    public int SentenceStart(int position) => Start(_sentenceStarts ??= Starts(_body, Sentence), position);

    /// <summary>One past the last clause break before <paramref name="position"/> (0 when none): where its clause starts.</summary>
    public int ClauseStart(int position) => Start(_clauseStarts ??= Starts(_body, Clause), position);

    /// <summary>How many sentence breaks lie in [start, end).</summary>
    public int Sentences(int start, int end) => Between(_sentencesBefore ??= Before(_body, Sentence), start, end);

    /// <summary>How many clause breaks lie in [start, end).</summary>
    public int Clauses(int start, int end) => Between(_clausesBefore ??= Before(_body, Clause), start, end);

    /// <summary>How many commas (，or ,) lie in [start, end).</summary>
    public int Commas(int start, int end) => Between(_commasBefore ??= Before(_body, ['，', ',']), start, end);

    /// <summary>Per position i of <paramref name="text"/> (0 to its length), how many of <paramref name="breaks"/> come before i.</summary>
    internal static int[] Before(string text, char[] breaks)
    {
        var before = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            before[i + 1] = before[i] + (Array.IndexOf(breaks, text[i]) >= 0 ? 1 : 0);
        }

        return before;
    }

    /// <summary>Per position i (0 to the length), one past the last of <paramref name="breaks"/> before i, else 0.</summary>
    private static int[] Starts(string text, char[] breaks)
    {
        var starts = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            starts[i + 1] = Array.IndexOf(breaks, text[i]) >= 0 ? i + 1 : starts[i];
        }

        return starts;
    }

    private static int Start(int[] starts, int position) => position <= 0 ? 0 : starts[Math.Min(position, starts.Length - 1)];

    private static int Between(int[] before, int start, int end) => end <= start ? 0 : before[end] - before[start];
}
