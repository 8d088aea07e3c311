namespace Extract.Segmentation.Hmm;

/// <summary>
/// Jieba's <c>posseg</c> HMM: states are (position, tag) pairs such as <c>B-nr</c>, numbered in
/// ordinal order of their names so that Python's tuple tie-breaking maps to "larger index wins".
/// Per character, the allowed states (<c>char_state_tab</c>) and the emissions are stored as
/// compressed rows; characters absent from <c>char_state_tab</c> allow every state.
/// </summary>
internal sealed class PosHmmModel
{
    /// <summary>Python's <c>float("-inf")</c>, Jieba's <c>MIN_INF</c>.</summary>
    public const double MinInf = double.NegativeInfinity;

    private readonly int[] _allowedRow;   // char -> row index or -1
    private readonly int[] _allowedStart; // row -> offset into _allowedStates (rows + 1)
    private readonly short[] _allowedStates;
    private readonly double[] _allowedEmit; // emission of each allowed state, parallel to _allowedStates
    private readonly int[] _emitRow;      // char -> row index or -1
    private readonly int[] _emitStart;
    private readonly short[] _emitStates; // sorted within a row
    private readonly double[] _emitValues;

    public PosHmmModel(
        string[] stateNames,
        double[] start,
        double[] trans,
        short[][] successors,
        char[] allowedChars,
        int[] allowedStart,
        short[] allowedStates,
        char[] emitChars,
        int[] emitStart,
        short[] emitStates,
        double[] emitValues)
    {
        var n = stateNames.Length;
        if (start.Length != n || trans.Length != n * n || successors.Length != n)
        {
            throw new InvalidDataException("Jieba posseg tables have wrong sizes.");
        }

        StateCount = n;
        StateNames = stateNames;
        Position = new char[n];
        Tag = new string[n];
        for (var i = 0; i < n; i++)
        {
            var name = stateNames[i];
            Position[i] = name[0];
            Tag[i] = string.Intern(name[2..]);
        }

        Start = start;
        Trans = trans;
        Successors = successors;
        var preds = new List<short>[n];
        for (var i = 0; i < n; i++)
        {
            preds[i] = [];
        }

        for (short from = 0; from < n; from++)
        {
            foreach (var to in successors[from])
            {
                preds[to].Add(from);
            }
        }

        Predecessors = new short[n][];
        PredecessorTrans = new double[n][];
        for (var y = 0; y < n; y++)
        {
            Predecessors[y] = [.. preds[y]];
            PredecessorTrans[y] = [.. preds[y].Select(from => trans[(from * n) + y])];
        }
        _allowedRow = BuildRowIndex(allowedChars);
        _allowedStart = allowedStart;
        _allowedStates = allowedStates;
        _emitRow = BuildRowIndex(emitChars);
        _emitStart = emitStart;
        _emitStates = emitStates;
        _emitValues = emitValues;
        AllStates = new short[n];
        for (short i = 0; i < n; i++)
        {
            AllStates[i] = i;
        }

        _allowedEmit = new double[allowedStates.Length];
        for (var row = 0; row < allowedChars.Length; row++)
        {
            for (var i = allowedStart[row]; i < allowedStart[row + 1]; i++)
            {
                _allowedEmit[i] = Emit(allowedStates[i], allowedChars[row]);
            }
        }
    }

    public int StateCount { get; }

    public string[] StateNames { get; }

    /// <summary>B, E, M or S per state.</summary>
    public char[] Position { get; }

    /// <summary>POS tag per state.</summary>
    public string[] Tag { get; }

    public double[] Start { get; }

    /// <summary>Transitions <c>[from * n + to]</c>, <see cref="MinInf"/> where Jieba has none.</summary>
    public double[] Trans { get; }

    /// <summary>Per state, the states it has a transition to (Jieba's <c>trans_p[x].keys()</c>).</summary>
    public short[][] Successors { get; }

    /// <summary>Per state, the states with a transition to it (Jieba's finite <c>trans_p[y0][y]</c>).</summary>
    public short[][] Predecessors { get; }

    /// <summary>Per state, the transition log-probabilities from <see cref="Predecessors"/>, in the same order.</summary>
    public double[][] PredecessorTrans { get; }

    /// <summary>Every state, in index order.</summary>
    public short[] AllStates { get; }

    /// <summary>Allowed states of <paramref name="c"/> (Jieba's <c>char_state_tab.get(c, all_states)</c>).</summary>
    public ReadOnlySpan<short> Allowed(char c)
    {
        var row = _allowedRow[c];
        return row < 0 ? AllStates : _allowedStates.AsSpan(_allowedStart[row], _allowedStart[row + 1] - _allowedStart[row]);
    }

    /// <summary>
    /// Emissions of <paramref name="c"/> in the states of <see cref="Allowed"/>, in the same order; empty when
    /// <paramref name="c"/> has no row (every state is allowed; use <see cref="Emit"/>).
    /// </summary>
    public ReadOnlySpan<double> AllowedEmit(char c)
    {
        var row = _allowedRow[c];
        return row < 0 ? default : _allowedEmit.AsSpan(_allowedStart[row], _allowedStart[row + 1] - _allowedStart[row]);
    }

    /// <summary>Emission log-probability of <paramref name="c"/> in <paramref name="state"/>, or Jieba's MIN_FLOAT.</summary>
    public double Emit(int state, char c)
    {
        var row = _emitRow[c];
        if (row >= 0)
        {
            var lo = _emitStart[row];
            var i = _emitStates.AsSpan(lo, _emitStart[row + 1] - lo).BinarySearch((short)state);
            if (i >= 0)
            {
                return _emitValues[lo + i];
            }
        }

        return FinalSegModel.MinFloat;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int[] BuildRowIndex(char[] chars)
    {
        var index = new int[65536];
        Array.Fill(index, -1);
        for (var i = 0; i < chars.Length; i++)
        {
            index[chars[i]] = i;
        }

        return index;
    }
}
