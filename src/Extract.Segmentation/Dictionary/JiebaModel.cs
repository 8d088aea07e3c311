using Extract.Segmentation.Hmm;

namespace Extract.Segmentation.Dictionary;

/// <summary>
/// The compiled Jieba data: prefix dictionary, <c>finalseg</c> HMM and <c>posseg</c> HMM.
/// Immutable; the embedded copy is loaded once, lazily and thread-safely, by <see cref="Embedded"/>.
/// </summary>
internal sealed class JiebaModel
{
    /// <summary>Marker written after the last section.</summary>
    public const int EndMarker = 0x00444E45; // "END"

    private static readonly Lazy<JiebaModel> EmbeddedModel = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    public JiebaModel(PrefixTrie trie, FinalSegModel finalSeg, PosHmmModel posHmm)
    {
        Trie = trie;
        FinalSeg = finalSeg;
        PosHmm = posHmm;
    }

    /// <summary>The model embedded in this assembly.</summary>
    public static JiebaModel Embedded => EmbeddedModel.Value;

    public PrefixTrie Trie { get; }

    public FinalSegModel FinalSeg { get; }

    public PosHmmModel PosHmm { get; }

    /// <summary>Reads a compiled model (the format of <see cref="ModelFormat"/>).</summary>
    /// <param name="stream">The model file.</param>
    /// <param name="name">Name used in error messages.</param>
    public static JiebaModel FromStream(Stream stream, string name = "jieba.bin")
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var s = ModelFormat.OpenRead(stream, ModelFormat.ModelMagic, name);
            var total = ModelFormat.ReadInt64(s);
            var tagCount = ModelFormat.ReadInt32(s);
            var tagNames = new string[tagCount];
            for (var i = 0; i < tagCount; i++)
            {
                tagNames[i] = string.Intern(ModelFormat.ReadShortString(s));
            }

            var nodeCount = ModelFormat.ReadInt32(s);
            var chars = ModelFormat.ReadArray<char>(s, nodeCount);
            var freqs = ModelFormat.ReadArray<int>(s, nodeCount);
            var tags = ModelFormat.ReadArray<byte>(s, nodeCount);
            var firstChild = ModelFormat.ReadArray<int>(s, nodeCount + 1);
            var trie = new PrefixTrie(chars, freqs, tags, firstChild, tagNames, total);

            var start = ModelFormat.ReadArray<double>(s, 4);
            var trans = ModelFormat.ReadArray<double>(s, 16);
            var emit = GC.AllocateUninitializedArray<double>(65536 * 4);
            Array.Fill(emit, FinalSegModel.MinFloat);
            for (var state = 0; state < 4; state++)
            {
                var count = ModelFormat.ReadInt32(s);
                var ec = ModelFormat.ReadArray<char>(s, count);
                var ev = ModelFormat.ReadArray<double>(s, count);
                for (var i = 0; i < count; i++)
                {
                    emit[(ec[i] * 4) + state] = ev[i];
                }
            }

            var finalSeg = new FinalSegModel(start, trans, emit);
            var posHmm = ReadPosHmm(s);
            if (ModelFormat.ReadInt32(s) != EndMarker)
            {
                throw new InvalidDataException($"'{name}' is truncated or corrupt (no end marker).");
            }

            return new JiebaModel(trie, finalSeg, posHmm);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"'{name}' is truncated or corrupt: {ex.Message}", ex);
        }
    }

    private static PosHmmModel ReadPosHmm(Stream s)
    {
        var n = ModelFormat.ReadInt32(s);
        var names = new string[n];
        for (var i = 0; i < n; i++)
        {
            names[i] = ModelFormat.ReadShortString(s);
        }

        var start = ModelFormat.ReadArray<double>(s, n);
        var tcount = ModelFormat.ReadInt32(s);
        var from = ModelFormat.ReadArray<short>(s, tcount);
        var to = ModelFormat.ReadArray<short>(s, tcount);
        var tv = ModelFormat.ReadArray<double>(s, tcount);
        var trans = new double[n * n];
        Array.Fill(trans, PosHmmModel.MinInf);
        var succ = new List<short>[n];
        for (var i = 0; i < n; i++)
        {
            succ[i] = [];
        }

        for (var i = 0; i < tcount; i++)
        {
            trans[(from[i] * n) + to[i]] = tv[i];
            succ[from[i]].Add(to[i]);
        }

        var successors = new short[n][];
        for (var i = 0; i < n; i++)
        {
            successors[i] = [.. succ[i]];
        }

        var allowedRows = ModelFormat.ReadInt32(s);
        var allowedChars = ModelFormat.ReadArray<char>(s, allowedRows);
        var allowedStart = ModelFormat.ReadArray<int>(s, allowedRows + 1);
        var allowedStates = ModelFormat.ReadArray<short>(s, ModelFormat.ReadInt32(s));
        var emitRows = ModelFormat.ReadInt32(s);
        var emitChars = ModelFormat.ReadArray<char>(s, emitRows);
        var emitStart = ModelFormat.ReadArray<int>(s, emitRows + 1);
        var emitTotal = ModelFormat.ReadInt32(s);
        var emitStates = ModelFormat.ReadArray<short>(s, emitTotal);
        var emitValues = ModelFormat.ReadArray<double>(s, emitTotal);
        return new PosHmmModel(names, start, trans, successors, allowedChars, allowedStart, allowedStates, emitChars, emitStart, emitStates, emitValues);
    }

    private static JiebaModel LoadEmbedded()
    {
        using var stream = typeof(JiebaModel).Assembly.GetManifestResourceStream(ModelFormat.ModelResource)
            ?? throw new InvalidOperationException($"Embedded resource '{ModelFormat.ModelResource}' is missing from {typeof(JiebaModel).Assembly.GetName().Name}.");
        return FromStream(stream, ModelFormat.ModelResource);
    }
}
