using System.IO.Compression;
using System.Text;

namespace Extract.Training;

/// <summary>
/// <c>compile-opencc --data ../shared/data/opencc --out models/opencc/t2s.tsv.gz</c>: OpenCC 1.4.1's traditional→simplified
/// phrase and character tables, first (default) value, keeping only entries whose simplified form has the same length,
/// so converted text keeps every offset of the original.
/// </summary>
internal static class CompileOpenCcCommand
{
    public static int Run(string[] args)
    {
        var data = CommandArgs.Option(args, "--data");
        var output = CommandArgs.Option(args, "--out");
        if (data is null || output is null)
        {
            Console.Error.WriteLine("usage: compile-opencc --data <opencc dir> --out <t2s.tsv.gz>");
            return 2;
        }

        var lines = new List<string>();
        int kept = 0, skipped = 0;
        foreach (var file in new[] { "TSPhrases.txt", "TSCharacters.txt" })
        {
            foreach (var line in File.ReadLines(Path.Combine(data, file)))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var parts = line.Split('\t');
                var key = parts[0];
                var value = parts[1].Split(' ')[0];
                if (key == value)
                {
                    continue;
                }

                if (key.Length != value.Length)
                {
                    skipped++;
                    continue;
                }

                lines.Add($"{key}\t{value}");
                kept++;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var stream = File.Create(output))
        using (var gzip = new GZipStream(stream, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            foreach (var line in lines.Order(StringComparer.Ordinal))
            {
                writer.WriteLine(line);
            }
        }

        Console.WriteLine($"{kept} entries written to {output}; {skipped} skipped (simplified form of another length)");
        return 0;
    }
}
