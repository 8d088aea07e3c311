using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extract.Segmentation.Dictionary;
using Extract.Segmentation.Hmm;

namespace Extract.Training;

/// <summary>
/// <c>compile-jieba --data DIR --out DIR</c>: compiles Python jieba 0.42.1's dict.txt, idf.txt and HMM tables
/// (as JSON, see ../shared/data/jieba/PROVENANCE.md) into <c>jieba.bin</c> and <c>jieba-idf.bin</c>.
/// </summary>
internal static class JiebaCompiler
{
    public static int Run(string[] args)
    {
        string? data = null;
        string? output = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--data")
            {
                data = args[++i];
            }
            else if (args[i] == "--out")
            {
                output = args[++i];
            }
        }

        if (data is null || output is null)
        {
            Console.Error.WriteLine("usage: compile-jieba --data <python-jieba dir> --out <models/jieba>");
            return 2;
        }

        Directory.CreateDirectory(output);
        var modelPath = Path.Combine(output, "jieba.bin");
        var posPath = Path.Combine(output, "jieba-pos.bin");
        var idfPath = Path.Combine(output, "jieba-idf.bin");
        using (var f = File.Create(modelPath))
        {
            CompileModel(data, f);
        }

        using (var f = File.Create(posPath))
        {
            using var s = ModelFormat.OpenWrite(f, ModelFormat.PosMagic);
            WritePosHmm(Path.Combine(data, "posseg"), s);
            ModelFormat.WriteInt32(s, JiebaModel.EndMarker);
        }

        using (var f = File.Create(idfPath))
        {
            CompileIdf(data, f);
        }

        var sums = new StringBuilder();
        foreach (var p in new[] { modelPath, posPath, idfPath })
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p)));
            sums.Append(hash).Append("  ").Append(Path.GetFileName(p)).Append('\n');
            Console.Error.WriteLine($"{p}: {new FileInfo(p).Length:N0} bytes, sha256 {hash}");
        }

        File.WriteAllText(Path.Combine(output, "SHA256SUMS"), sums.ToString());
        return 0;
    }

    private static IEnumerable<string> ReadGzLines(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static void CompileModel(string data, Stream output)
    {
        // Python: FREQ[word] = freq (last line wins), total += freq for every line, word_tag_tab[word] = tag (last wins).
        var freq = new Dictionary<string, int>(StringComparer.Ordinal);
        var tag = new Dictionary<string, string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var raw in ReadGzLines(Path.Combine(data, "dict.txt.gz")))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ');
            var f = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            freq[parts[0]] = f;
            total += f;
            if (parts.Length >= 3)
            {
                tag[parts[0]] = parts[2];
            }
        }

        var tagNames = new List<string> { string.Empty };
        tagNames.AddRange(tag.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (tagNames.Count > 255)
        {
            throw new InvalidDataException("too many tags");
        }

        var tagIndex = tagNames.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => (byte)x.i, StringComparer.Ordinal);

        // Build a pointer trie, then lay it out breadth-first.
        var root = new BuildNode();
        foreach (var (word, f) in freq)
        {
            var node = root;
            foreach (var c in word)
            {
                node = node.Children.TryGetValue(c, out var child) ? child : node.Children[c] = new BuildNode();
            }

            node.Freq = f;
            node.IsWord = true;
            node.Tag = tag.TryGetValue(word, out var t) ? tagIndex[t] : (byte)0;
        }

        var chars = new List<char> { '\0' };
        var freqs = new List<int> { 0 };
        var tags = new List<byte> { 0 };
        var firstChild = new List<int>();
        var queue = new List<BuildNode> { root };
        for (var qi = 0; qi < queue.Count; qi++)
        {
            firstChild.Add(chars.Count);
            foreach (var (c, child) in queue[qi].Children.OrderBy(kv => kv.Key))
            {
                chars.Add(c);
                freqs.Add(child.Freq);
                tags.Add(child.Tag);
                queue.Add(child);
            }
        }

        firstChild.Add(chars.Count);
        Console.Error.WriteLine($"dict: {freq.Count:N0} words, total {total:N0}, {chars.Count:N0} trie nodes, {tagNames.Count - 1} tags");

        using var s = ModelFormat.OpenWrite(output, ModelFormat.ModelMagic);
        ModelFormat.WriteInt64(s, total);
        ModelFormat.WriteInt32(s, tagNames.Count);
        foreach (var t in tagNames)
        {
            ModelFormat.WriteShortString(s, t);
        }

        ModelFormat.WriteInt32(s, chars.Count);
        ModelFormat.WriteArray<char>(s, chars.ToArray());
        var varints = new List<byte>();
        foreach (var f in freqs)
        {
            var v = checked((uint)f);
            while (v >= 0x80)
            {
                varints.Add((byte)(v | 0x80));
                v >>= 7;
            }

            varints.Add((byte)v);
        }

        ModelFormat.WriteInt32(s, varints.Count);
        ModelFormat.WriteArray<byte>(s, varints.ToArray());
        ModelFormat.WriteArray<byte>(s, tags.ToArray());
        // Children are laid out breadth-first, so child counts give the first-child offsets by a running sum.
        var counts = new ushort[chars.Count];
        for (var i = 0; i < chars.Count; i++)
        {
            counts[i] = checked((ushort)(firstChild[i + 1] - firstChild[i]));
        }

        ModelFormat.WriteArray<ushort>(s, counts);

        // finalseg
        var states = "BEMS";
        var fs = Path.Combine(data, "finalseg");
        var start = ReadJson<Dictionary<string, double>>(Path.Combine(fs, "prob_start.json"));
        var trans = ReadJson<Dictionary<string, Dictionary<string, double>>>(Path.Combine(fs, "prob_trans.json"));
        var emit = ReadJson<Dictionary<string, Dictionary<string, double>>>(Path.Combine(fs, "prob_emit.json"));
        ModelFormat.WriteArray<double>(s, states.Select(st => start[st.ToString()]).ToArray());
        var t16 = new double[16];
        for (var a = 0; a < 4; a++)
        {
            for (var b = 0; b < 4; b++)
            {
                t16[(a * 4) + b] = trans[states[a].ToString()].TryGetValue(states[b].ToString(), out var v) ? v : FinalSegModel.MinFloat;
            }
        }

        ModelFormat.WriteArray<double>(s, t16);
        foreach (var st in states)
        {
            var e = emit[st.ToString()].OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            ModelFormat.WriteInt32(s, e.Count);
            ModelFormat.WriteArray<char>(s, e.Select(kv => SingleChar(kv.Key)).ToArray());
            ModelFormat.WriteArray<double>(s, e.Select(kv => kv.Value).ToArray());
        }

        ModelFormat.WriteInt32(s, JiebaModel.EndMarker);
    }

    private static void WritePosHmm(string dir, Stream s)
    {
        var start = ReadJson<Dictionary<string, double>>(Path.Combine(dir, "prob_start.json"));
        var trans = ReadJson<Dictionary<string, Dictionary<string, double>>>(Path.Combine(dir, "prob_trans.json"));
        var emit = ReadJson<Dictionary<string, Dictionary<string, double>>>(Path.Combine(dir, "prob_emit.json"));
        var tab = ReadJson<Dictionary<string, List<string>>>(Path.Combine(dir, "char_state_tab.json"));
        var names = trans.Keys.Union(start.Keys).Union(emit.Keys).Order(StringComparer.Ordinal).ToArray();
        var id = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => (short)x.i, StringComparer.Ordinal);
        ModelFormat.WriteInt32(s, names.Length);
        foreach (var n in names)
        {
            ModelFormat.WriteShortString(s, n);
        }

        ModelFormat.WriteArray<double>(s, names.Select(n => start.TryGetValue(n, out var v) ? v : PosHmmModel.MinInf).ToArray());
        var tl = trans.SelectMany(kv => kv.Value.Select(kv2 => (from: id[kv.Key], to: id[kv2.Key], v: kv2.Value))).ToList();
        ModelFormat.WriteInt32(s, tl.Count);
        ModelFormat.WriteArray<short>(s, tl.Select(x => x.from).ToArray());
        ModelFormat.WriteArray<short>(s, tl.Select(x => x.to).ToArray());
        ModelFormat.WriteArray<double>(s, tl.Select(x => x.v).ToArray());

        var rows = tab.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        ModelFormat.WriteInt32(s, rows.Count);
        ModelFormat.WriteArray<char>(s, rows.Select(kv => SingleChar(kv.Key)).ToArray());
        var offsets = new List<int> { 0 };
        var all = new List<short>();
        foreach (var (_, list) in rows)
        {
            all.AddRange(list.Select(n => id[n]));
            offsets.Add(all.Count);
        }

        ModelFormat.WriteArray<int>(s, offsets.ToArray());
        ModelFormat.WriteInt32(s, all.Count);
        ModelFormat.WriteArray<short>(s, all.ToArray());

        var byChar = new SortedDictionary<char, List<(short State, double Value)>>();
        foreach (var (state, map) in emit)
        {
            foreach (var (ch, v) in map)
            {
                var c = SingleChar(ch);
                if (!byChar.TryGetValue(c, out var l))
                {
                    byChar[c] = l = [];
                }

                l.Add((id[state], v));
            }
        }

        ModelFormat.WriteInt32(s, byChar.Count);
        ModelFormat.WriteArray<char>(s, byChar.Keys.ToArray());
        var eo = new List<int> { 0 };
        var es = new List<short>();
        var ev = new List<double>();
        foreach (var l in byChar.Values)
        {
            foreach (var (st, v) in l.OrderBy(x => x.State))
            {
                es.Add(st);
                ev.Add(v);
            }

            eo.Add(es.Count);
        }

        ModelFormat.WriteArray<int>(s, eo.ToArray());
        ModelFormat.WriteInt32(s, es.Count);
        ModelFormat.WriteArray<short>(s, es.ToArray());
        ModelFormat.WriteArray<double>(s, ev.ToArray());
        Console.Error.WriteLine($"posseg: {names.Length} states, {tl.Count} transitions, {rows.Count} char rows, {es.Count} emissions");
    }

    private static void CompileIdf(string data, Stream output)
    {
        var idf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in ReadGzLines(Path.Combine(data, "idf.txt.gz")))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ');
            idf[parts[0]] = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        var values = idf.Values.ToArray();
        Array.Sort(values);
        var median = values[values.Length / 2];
        var words = idf.Keys.Order(StringComparer.Ordinal).ToArray();
        var offsets = new int[words.Length + 1];
        var sb = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            offsets[i] = sb.Length;
            sb.Append(words[i]);
        }

        offsets[words.Length] = sb.Length;
        using var s = ModelFormat.OpenWrite(output, ModelFormat.IdfMagic);
        ModelFormat.WriteInt32(s, words.Length);
        ModelFormat.WriteArray<double>(s, [median]);
        ModelFormat.WriteArray<int>(s, offsets);
        ModelFormat.WriteInt32(s, sb.Length);
        ModelFormat.WriteArray<char>(s, sb.ToString().ToCharArray());
        ModelFormat.WriteArray<double>(s, words.Select(w => idf[w]).ToArray());
        ModelFormat.WriteInt32(s, JiebaModel.EndMarker);
        Console.Error.WriteLine($"idf: {words.Length:N0} words, median {median}");
    }

    private static char SingleChar(string s) =>
        s.Length == 1 ? s[0] : throw new InvalidDataException($"HMM key '{s}' is not one UTF-16 unit");

    private static T ReadJson<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path)) ?? throw new InvalidDataException(path);

    private sealed class BuildNode
    {
        public Dictionary<char, BuildNode> Children { get; } = [];

        public int Freq { get; set; }

        public bool IsWord { get; set; }

        public byte Tag { get; set; }
    }
}
