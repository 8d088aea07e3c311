namespace Extract.Segmentation.Hmm;

/// <summary>
/// Jieba's <c>finalseg</c> HMM (states B, E, M, S; indices ordered like the letters so that
/// Python's tuple tie-breaking maps to "larger index wins"). Emissions are a dense table
/// indexed by <c>char * 4 + state</c>; missing entries hold <see cref="MinFloat"/>.
/// </summary>
internal sealed class FinalSegModel
{
    /// <summary>Jieba's <c>MIN_FLOAT</c>.</summary>
    public const double MinFloat = -3.14e100;

    public const int B = 0;
    public const int E = 1;
    public const int M = 2;
    public const int S = 3;

    public FinalSegModel(double[] start, double[] trans, double[] emit)
    {
        if (start.Length != 4 || trans.Length != 16 || emit.Length != 65536 * 4)
        {
            throw new InvalidDataException("Jieba finalseg tables have wrong sizes.");
        }

        Start = start;
        Trans = trans;
        Emit = emit;
    }

    /// <summary>Start log-probabilities by state.</summary>
    public double[] Start { get; }

    /// <summary>Transition log-probabilities, <c>[from * 4 + to]</c>.</summary>
    public double[] Trans { get; }

    /// <summary>Emission log-probabilities, <c>[char * 4 + state]</c>.</summary>
    public double[] Emit { get; }
}
