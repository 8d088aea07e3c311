using System.Diagnostics.CodeAnalysis;
using Extract.Recognition.Entities;

namespace Extract;

/// <summary>
/// A learned entity decision (which people, places and organisations are kept), as <c>train-entities</c> writes it
/// (<c>models/entities/entities.zip</c>: an ML.NET model plus its thresholds). Give one to
/// <see cref="ExtractorOptions.EntityModel"/> to use a retrained model instead of the embedded one. Immutable and
/// thread-safe: load once, share across extractors.
/// </summary>
[RequiresUnreferencedCode(ArticleExtractor.TrimmingUnsupported)]
[RequiresDynamicCode(ArticleExtractor.TrimmingUnsupported)]
public sealed class EntityModel
{
    private EntityModel(EntityDecisionModel decision, string name)
    {
        Decision = decision;
        Name = name;
    }

    /// <summary>Where the model was read from (the name given, or the file's path), for messages.</summary>
    public string Name { get; }

    internal EntityDecisionModel Decision { get; }

    /// <summary>Reads a model written by <c>train-entities</c> from <paramref name="stream"/> (left open).</summary>
    /// <param name="stream">The model's zip.</param>
    /// <param name="name">A name for messages; "stream" when null.</param>
    /// <exception cref="InvalidOperationException">The stream holds no entity model, or one of another feature layout.</exception>
    public static EntityModel FromStream(Stream stream, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        name ??= "stream";
        return new EntityModel(EntityDecisionModel.FromStream(stream, name), name);
    }

    /// <summary>Reads a model written by <c>train-entities</c> from the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The file holds no entity model, or one of another feature layout.</exception>
    public static EntityModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return FromStream(stream, path);
    }
}
