using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Extract.Training;

/// <summary>
/// <c>compile-common-words --jieba dict.txt.gz --out FILE [--min-freq 20]</c>: writes the Jieba dictionary words (MIT)
/// of two to four CJK characters with frequency ≥ min-freq that are not tagged as person names (nr*, unless a frequent two-character word: 文明) — the words a
/// surname-based name candidate must not be or run into (管理, 统计, 义无反顾) — sorted, one per line, GZip.
/// </summary>
internal static class CompileCommonWordsCommand
{
    public static int Run(string[] args)
    {
        var jieba = CommandArgs.Option(args, "--jieba") ?? "../shared/data/jieba/python-jieba/dict.txt.gz";
        var output = CommandArgs.Option(args, "--out") ?? "models/commonwords/common-words.txt.gz";
        var minFrequency = int.Parse(CommandArgs.Option(args, "--min-freq") ?? "20", System.Globalization.CultureInfo.InvariantCulture);

        var words = new SortedSet<string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(jieba), CompressionMode.Decompress), Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split(' ');
                if (fields.Length < 3 || fields[0].Length is not (2 or 3 or 4) || (fields[2].StartsWith("nr", StringComparison.Ordinal) && (fields[0].Length > 2 || int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) < 1000))
                    || int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) < minFrequency
                    || !fields[0].All(c => c is >= '\u4e00' and <= '\u9fff'))
                {
                    continue;
                }

                words.Add(fields[0]);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            foreach (var word in words)
            {
                writer.WriteLine(word);
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output)));
        File.WriteAllText(output + ".sha256", $"{hash}  {Path.GetFileName(output)}\n");
        Console.WriteLine($"{words.Count} words, {new FileInfo(output).Length:N0} bytes, sha256 {hash}");
        return 0;
    }
}
