using System.Diagnostics.CodeAnalysis;
using Extract.Recognition.Achievements;

namespace Extract;

/// <summary>
/// A learned achievement decision (which quantities are achievements), as <c>train-achievements</c> writes it
/// (<c>models/achievements/achievements.zip</c>: an ML.NET model plus its thresholds). Give one to
/// <see cref="ExtractorOptions.AchievementModel"/> to use a retrained model instead of the embedded one. Immutable and
/// thread-safe: load once, share across extractors.
/// </summary>
[RequiresUnreferencedCode(ArticleExtractor.TrimmingUnsupported)]
[RequiresDynamicCode(ArticleExtractor.TrimmingUnsupported)]
public sealed class AchievementModel
{
    private AchievementModel(AchievementDecisionModel decision, string name)
    {
        Decision = decision;
        Name = name;
    }

    /// <summary>Where the model was read from (the name given, or the file's path), for messages.</summary>
    public string Name { get; }

    internal AchievementDecisionModel Decision { get; }

    /// <summary>Reads a model written by <c>train-achievements</c> from <paramref name="stream"/> (left open).</summary>
    /// <param name="stream">The model's zip.</param>
    /// <param name="name">A name for messages; "stream" when null.</param>
    /// <exception cref="InvalidOperationException">The stream holds no achievement model, or one of another feature layout.</exception>
    public static AchievementModel FromStream(Stream stream, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        name ??= "stream";
        return new AchievementModel(AchievementDecisionModel.FromStream(stream, name), name);
    }

    /// <summary>Reads a model written by <c>train-achievements</c> from the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The file holds no achievement model, or one of another feature layout.</exception>
    public static AchievementModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return FromStream(stream, path);
    }
}
