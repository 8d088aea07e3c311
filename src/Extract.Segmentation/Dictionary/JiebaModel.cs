using System.Runtime.CompilerServices;
using Extract.Segmentation.Hmm;

namespace Extract.Segmentation.Dictionary;

/// <summary>
/// The compiled Jieba data: prefix dictionary and <c>finalseg</c> HMM (<c>jieba.bin</c>), and the <c>posseg</c> HMM
/// (<c>jieba-pos.bin</c>, read on first POS use). Immutable; the embedded copy is loaded once, lazily and thread-safely,
/// by <see cref="Embedded"/>.
/// </summary>
internal sealed class JiebaModel
{
    /// <summary>Marker written after the last section.</summary>
    public const int EndMarker = 0x00444E45; // "END"

    private static readonly Lazy<JiebaModel> EmbeddedModel = new(() => Resources.ResourceLoading.Guard(LoadEmbedded), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<PosHmmModel> _posHmm;

    public JiebaModel(PrefixTrie trie, FinalSegModel finalSeg, Func<PosHmmModel> posHmm)
    {
        Trie = trie;
        FinalSeg = finalSeg;
        _posHmm = new Lazy<PosHmmModel>(posHmm, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The model embedded in this assembly.</summary>
    public static JiebaModel Embedded => EmbeddedModel.Value;

    public PrefixTrie Trie { get; }

    public FinalSegModel FinalSeg { get; }

    public PosHmmModel PosHmm => _posHmm.Value;

    /// <summary>Reads a compiled model (the format of <see cref="ModelFormat"/>).</summary>
    /// <param name="stream">The dictionary + finalseg file (<c>jieba.bin</c>).</param>
    /// <param name="openPos">Opens the posseg file (<c>jieba-pos.bin</c>) when POS tagging is first used.</param>
    /// <param name="name">Name used in error messages.</param>
    // Loading runs once per process: compile it optimised straight away rather than through tier-0 code,
    // whose loops over half a million trie nodes cost more than the decompression.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JiebaModel FromStream(Stream stream, Func<Stream> openPos, string name = "jieba.bin")
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
            var freqs = DecodeVarints(ModelFormat.ReadArray<byte>(s, ModelFormat.ReadInt32(s)), nodeCount);
            var tags = ModelFormat.ReadArray<byte>(s, nodeCount);
            var childCounts = ModelFormat.ReadArray<ushort>(s, nodeCount);
            var firstChild = GC.AllocateUninitializedArray<int>(nodeCount + 1);
            var next = 1;
            for (var i = 0; i < nodeCount; i++)
            {
                firstChild[i] = next;
                next += childCounts[i];
            }

            firstChild[nodeCount] = next;
            if (next != nodeCount)
            {
                throw new InvalidDataException($"'{name}' has an inconsistent trie.");
            }

            var trie = new PrefixTrie(chars, freqs, tags, firstChild, tagNames, total);

            var start = ModelFormat.ReadArray<double>(s, 4);
            var trans = ModelFormat.ReadArray<double>(s, 16);
            var rows = new ushort[65536];
            var emitChars = new char[4][];
            var emitValues = new double[4][];
            var rowCount = 1;
            for (var state = 0; state < 4; state++)
            {
                var count = ModelFormat.ReadInt32(s);
                emitChars[state] = ModelFormat.ReadArray<char>(s, count);
                emitValues[state] = ModelFormat.ReadArray<double>(s, count);
                foreach (var c in emitChars[state])
                {
                    if (rows[c] == 0)
                    {
                        rows[c] = checked((ushort)rowCount++);
                    }
                }
            }

            var emit = GC.AllocateUninitializedArray<double>(rowCount * 4);
            Array.Fill(emit, FinalSegModel.MinFloat);
            for (var state = 0; state < 4; state++)
            {
                var ec = emitChars[state];
                var ev = emitValues[state];
                for (var i = 0; i < ec.Length; i++)
                {
                    emit[(rows[ec[i]] * 4) + state] = ev[i];
                }
            }

            var finalSeg = new FinalSegModel(start, trans, rows, emit);
            if (ModelFormat.ReadInt32(s) != EndMarker)
            {
                throw new InvalidDataException($"'{name}' is truncated or corrupt (no end marker).");
            }

            return new JiebaModel(trie, finalSeg, () => ReadPosHmm(openPos));
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"'{name}' is truncated or corrupt: {ex.Message}", ex);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] DecodeVarints(byte[] bytes, int count)
    {
        var values = GC.AllocateUninitializedArray<int>(count);
        var p = 0;
        for (var i = 0; i < count; i++)
        {
            uint v = 0;
            var shift = 0;
            byte b;
            do
            {
                b = bytes[p++];
                v |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            values[i] = (int)v;
        }

        if (p != bytes.Length)
        {
            throw new InvalidDataException("Jieba trie frequencies are inconsistent.");
        }

        return values;
    }

    private static PosHmmModel ReadPosHmm(Func<Stream> openPos)
    {
        using var stream = openPos();
        const string name = "jieba-pos.bin";
        try
        {
            using var s = ModelFormat.OpenRead(stream, ModelFormat.PosMagic, name);
            var model = ReadPosHmm(s);
            if (ModelFormat.ReadInt32(s) != EndMarker)
            {
                throw new InvalidDataException($"'{name}' is truncated or corrupt (no end marker).");
            }

            return model;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"'{name}' is truncated or corrupt: {ex.Message}", ex);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        using var stream = OpenResource(ModelFormat.ModelResource);
        return FromStream(stream, () => OpenResource(ModelFormat.PosResource), ModelFormat.ModelResource);
    }

    /// <summary>Opens an embedded resource of this assembly, or throws naming it.</summary>
    internal static Stream OpenResource(string name) =>
        typeof(JiebaModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(JiebaModel).Assembly.GetName().Name}.");
}
