using System.Globalization;
using System.IO.Compression;
using Extract.Resources;
using Extract.Segmentation.Resources;
using Microsoft.ML.Data;

namespace Extract.Learning;

/// <summary>
/// The <c>extract-decision.txt</c> entry the trainers add beside ML.NET's own in a decision model's zip: <c>key=value</c>
/// lines holding the feature layout version and the thresholds. One reader and one loader for every learned decision
/// (entities, achievements, actors), so a model loads, checks its layout and fails the same way for each.
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
        return Parse(reader.ReadToEnd(), layoutVersion);
    }

    /// <summary>The entry's text (its copy in a flat model too) as values, checked against <paramref name="layoutVersion"/> like <see cref="Read"/>.</summary>
    public static Dictionary<string, string> Parse(string text, int layoutVersion)
    {
        if (text.Length == 0)
        {
            throw new InvalidDataException($"no {Name}");
        }

        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!values.TryGetValue("version", out var version) || version != layoutVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"feature layout {version ?? "missing"}, this build reads {layoutVersion}");
        }

        return values;
    }

    /// <summary>The entry's text in the zip in <paramref name="zip"/> (left open), or empty when it has none: what <c>flatten-trees</c> copies into the flat form.</summary>
    public static string TextOf(Stream zip)
    {
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.GetEntry(Name) is not { } entry)
        {
            return "";
        }

        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Reads a decision model saved by <paramref name="layout"/>'s trainer, as its zip or its flat form (<see cref="FlatTrees"/>,
    /// told apart by the first bytes): the stream is copied once, the entry's values are checked against the layout version
    /// and parsed by <paramref name="settings"/> (an <see cref="InvalidDataException"/>, <see cref="KeyNotFoundException"/>
    /// or <see cref="FormatException"/> it throws becomes "Model resource 'NAME' is not an KIND model of this build: …;
    /// retrain it with TRAINER."), then the model is loaded and its feature vector must have the layout's size. Every
    /// failure throws naming <paramref name="name"/>. A flat form named after an embedded zip (<see cref="Embedded"/>)
    /// keeps that zip for ML.NET's engine, read only if asked for.
    /// </summary>
    public static (LearnedModel<TRow, TScore> Model, TSettings Settings) Load<TRow, TScore, TSettings>(
        Stream stream, string name, DecisionLayout layout, Func<Dictionary<string, string>, TSettings> settings)
        where TRow : class
        where TScore : class, new()
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return FlatTrees.IsFlat(buffer) ? LoadFlat<TRow, TScore, TSettings>(buffer, name, layout, settings) : LoadZip<TRow, TScore, TSettings>(buffer, name, layout, settings);
    }

    private static (LearnedModel<TRow, TScore> Model, TSettings Settings) LoadFlat<TRow, TScore, TSettings>(
        Stream flat, string name, DecisionLayout layout, Func<Dictionary<string, string>, TSettings> settings)
        where TRow : class
        where TScore : class, new()
    {
        var model = FlatTrees.Read(flat, name);
        var parsed = Settings(name, layout, () => settings(Parse(model.Decision, layout.Version)));
        if (model.FeatureCount != layout.Count)
        {
            throw SizeError(name, layout);
        }

        Func<Stream>? zip = EmbeddedResource.Exists(name) ? () => EmbeddedResource.Open(name) : null;
        return (LearnedModel<TRow, TScore>.FromFlat(model.Trees, name, zip), parsed);
    }

    private static (LearnedModel<TRow, TScore> Model, TSettings Settings) LoadZip<TRow, TScore, TSettings>(
        Stream buffer, string name, DecisionLayout layout, Func<Dictionary<string, string>, TSettings> settings)
        where TRow : class
        where TScore : class, new()
    {
        var parsed = Settings(name, layout, () => settings(Read(buffer, layout.Version)));
        buffer.Position = 0;
        var model = LearnedModel<TRow, TScore>.FromStream(buffer, name);
        if (model.InputSchema.GetColumnOrNull(layout.Column) is not { Type: VectorDataViewType { Size: var size } } || size != layout.Count)
        {
            throw SizeError(name, layout);
        }

        return (model, parsed);
    }

    private static TSettings Settings<TSettings>(string name, DecisionLayout layout, Func<TSettings> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is InvalidDataException or KeyNotFoundException or FormatException)
        {
            throw new InvalidOperationException($"Model resource '{name}' is not an {layout.Kind} model of this build: {e.Message}; retrain it with {layout.Trainer}.", e);
        }
    }

    private static InvalidOperationException SizeError(string name, DecisionLayout layout)
    {
        var version = layout.NameVersion ? string.Create(CultureInfo.InvariantCulture, $" (layout version {layout.Version})") : "";
        return new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Model resource '{name}' does not read {layout.Count} {layout.Features} features{version}; retrain it with {layout.Trainer}."));
    }

    /// <summary>
    /// The one holder of an embedded model: <paramref name="fromStream"/> over the model embedded as <paramref name="resourceName"/>
    /// (a zip), run once on first use (<see cref="LazyThreadSafetyMode.ExecutionAndPublication"/>); a failure names the
    /// resource. When the build embeds the zip's flat form beside it (<see cref="FlatTrees.BesideZip"/>), that is what is
    /// read, under the zip's name.
    /// </summary>
    public static Lazy<T> Embedded<T>(string resourceName, Func<Stream, string, T> fromStream) => new(
        () => ResourceLoading.Guard(() =>
        {
            using var stream = FlatTrees.OpenBeside(resourceName) ?? EmbeddedResource.Open(resourceName);
            return fromStream(stream, resourceName);
        }),
        LazyThreadSafetyMode.ExecutionAndPublication);
}

/// <summary>What <see cref="DecisionEntry.Load"/> checks a decision model against, and names in its errors.</summary>
/// <param name="Kind">The model's kind in "is not an … model" (entity-decision).</param>
/// <param name="Features">The features' name in "does not read N … features" (entity).</param>
/// <param name="Trainer">The command that retrains it (train-entities).</param>
/// <param name="Version">The feature layout version the entry must state.</param>
/// <param name="Count">The feature column's size.</param>
/// <param name="Column">The feature column's name in the model's input schema.</param>
/// <param name="NameVersion">Whether the size error states the layout version too.</param>
internal sealed record DecisionLayout(string Kind, string Features, string Trainer, int Version, int Count, string Column, bool NameVersion = false);
