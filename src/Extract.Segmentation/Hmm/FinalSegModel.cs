namespace Extract.Segmentation.Hmm;

/// <summary>
/// Jieba's <c>finalseg</c> HMM (states B, E, M, S; indices ordered like the letters so that
/// Python's tuple tie-breaking maps to "larger index wins"). Emissions are rows of four values
/// (<c>Emit[row * 4 + state]</c>, row from <see cref="Row"/>); row 0 is all <see cref="MinFloat"/>,
/// the row of every character without emissions.
/// </summary>
internal sealed class FinalSegModel
{
    /// <summary>Jieba's <c>MIN_FLOAT</c>.</summary>
    public const double MinFloat = -3.14e100;

    public const int B = 0;
    public const int E = 1;
    public const int M = 2;
    public const int S = 3;

    private readonly ushort[] _rows;

    public FinalSegModel(double[] start, double[] trans, ushort[] rows, double[] emit)
    {
        if (start.Length != 4 || trans.Length != 16 || rows.Length != 65536 || emit.Length % 4 != 0)
        {
            throw new InvalidDataException("Jieba finalseg tables have wrong sizes.");
        }

        Start = start;
        Trans = trans;
        _rows = rows;
        Emit = emit;
    }

    /// <summary>Offset of <paramref name="c"/>'s emissions in <see cref="Emit"/>.</summary>
    public int Row(char c) => _rows[c] * 4;

    /// <summary>Start log-probabilities by state.</summary>
    public double[] Start { get; }

    /// <summary>Transition log-probabilities, <c>[from * 4 + to]</c>.</summary>
    public double[] Trans { get; }

    /// <summary>Emission log-probabilities, <c>[Row(char) + state]</c>.</summary>
    public double[] Emit { get; }
}
