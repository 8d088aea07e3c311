using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using Extract.Recognition.Tagging;

namespace Extract.Training.Ner;

/// <summary>
/// <c>prune-ner --model in.bin.gz --out out.bin.gz --min W</c>: drops every stored weight whose magnitude is below W (and
/// features left with none) from a trained tagger model, to trade size and speed against accuracy without retraining.
/// </summary>
internal static class PruneNerCommand
{
    public static int Run(string[] args)
    {
        if (CommandArgs.Option(args, "--model") is not { } input || CommandArgs.Option(args, "--out") is not { } output
            || CommandArgs.Option(args, "--min") is not { } minText)
        {
            Console.Error.WriteLine("usage: prune-ner --model in.bin.gz --out out.bin.gz --min W");
            return 2;
        }

        var min = float.Parse(minText, CultureInfo.InvariantCulture);
        var (rows, transitions) = ReadRows(input);
        var kept = rows
            .Select(r => new KeyValuePair<ulong, float[]>(r.Key, [.. r.Value.Select(w => Math.Abs(w) < min ? 0 : w)]))
            .Where(r => r.Value.Any(w => w != 0))
            .ToList();
        using (var file = File.Create(output))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            PerceptronModel.Write(gzip, kept, transitions);
        }

        Console.WriteLine($"{rows.Count} → {kept.Count} features; wrote {output}: {new FileInfo(output).Length / 1024.0 / 1024.0:F2} MB");
        return 0;
    }

    /// <summary>The rows of a model file as written (feature hash → dense label weights) and its transitions.</summary>
    public static (List<KeyValuePair<ulong, float[]>> Rows, float[] Transitions) ReadRows(string path)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        {
            gzip.CopyTo(buffer);
        }

        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        _ = PerceptronModel.Read(data, path); // validates the header and the layout
        const int L = EntityLabels.Count;
        var scale = BinaryPrimitives.ReadSingleLittleEndian(data[20..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(data[24..]);
        var offset = 28;
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++, offset += 4)
        {
            transitions[i] = BinaryPrimitives.ReadSingleLittleEndian(data[offset..]);
        }

        var rows = new List<KeyValuePair<ulong, float[]>>(count);
        for (var f = 0; f < count; f++)
        {
            var key = BinaryPrimitives.ReadUInt64LittleEndian(data[offset..]);
            int n = data[offset + 8];
            offset += 9;
            var row = new float[L];
            for (var j = 0; j < n; j++, offset += 3)
            {
                row[data[offset]] = BinaryPrimitives.ReadInt16LittleEndian(data[(offset + 1)..]) * scale;
            }

            rows.Add(new(key, row));
        }

        return (rows, transitions);
    }
}
