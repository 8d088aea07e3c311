using System.IO.Compression;

namespace Extract.Training;

/// <summary>ML.NET model zips as the repository keeps them.</summary>
internal static class ModelZip
{
    /// <summary>
    /// The same zip with every entry's timestamp fixed, plus <paramref name="extra"/> entries (name, text): ML.NET stamps
    /// entries with the time of saving, so two runs with the same seed would otherwise differ in bytes (and sha256)
    /// while holding the same trees.
    /// </summary>
    public static byte[] Reproducible(byte[] zip, params (string Name, string Text)[] extra)
    {
        var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }

            foreach (var (name, text) in extra)
            {
                var added = target.CreateEntry(name, CompressionLevel.Optimal);
                added.LastWriteTime = stamp;
                using var writer = new StreamWriter(added.Open());
                writer.Write(text);
            }
        }

        return output.ToArray();
    }
}
