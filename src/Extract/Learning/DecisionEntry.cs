using System.Globalization;
using System.IO.Compression;

namespace Extract.Learning;

/// <summary>
/// The <c>extract-decision.txt</c> entry the trainers add beside ML.NET's own in a decision model's zip: <c>key=value</c>
/// lines holding the feature layout version and the thresholds. One reader for every learned decision (entities,
/// achievements), so a layout check reads and fails the same way for each.
/// </summary>
internal static class DecisionEntry
{
    /// <summary>The zip entry's name.</summary>
    public const string Name = "extract-decision.txt";

    /// <summary>
    /// The entry's values from the model zip in <paramref name="zip"/> (left open and positioned anywhere); throws
    /// <see cref="InvalidDataException"/> when the entry is missing or its <c>version</c> is not <paramref name="layoutVersion"/>.
    /// </summary>
    public static Dictionary<string, string> Read(Stream zip, int layoutVersion)
    {
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var entry = archive.GetEntry(Name) ?? throw new InvalidDataException($"no {Name}");
        using var reader = new StreamReader(entry.Open());
        var values = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!values.TryGetValue("version", out var version) || version != layoutVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"feature layout {version ?? "missing"}, this build reads {layoutVersion}");
        }

        return values;
    }
}
