using System.Diagnostics.CodeAnalysis;
using Extract.Page;

namespace Extract;

/// <summary>
/// A learned page-block decision (which blocks of an HTML page are the article), as <c>train-page</c> writes it
/// (<c>models/page/page.zip</c>: an ML.NET model over the block features). Give one to
/// <see cref="ExtractorOptions.PageModel"/> to use a retrained model instead of the embedded one. Immutable and
/// thread-safe: load once, share across extractors.
/// </summary>
[RequiresUnreferencedCode(ArticleExtractor.TrimmingUnsupported)]
[RequiresDynamicCode(ArticleExtractor.TrimmingUnsupported)]
public sealed class PageModel
{
    private PageModel(PageBlockModel decision, string name)
    {
        Decision = decision;
        Name = name;
    }

    /// <summary>Where the model was read from (the name given, or the file's path), for messages.</summary>
    public string Name { get; }

    internal PageBlockModel Decision { get; }

    /// <summary>Reads a model written by <c>train-page</c> from <paramref name="stream"/> (left open).</summary>
    /// <param name="stream">The model's zip.</param>
    /// <param name="name">A name for messages; "stream" when null.</param>
    /// <exception cref="InvalidOperationException">The stream holds no page-block model, or one of another feature layout.</exception>
    public static PageModel FromStream(Stream stream, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        name ??= "stream";
        return new PageModel(PageBlockModel.FromStream(stream, name), name);
    }

    /// <summary>Reads a model written by <c>train-page</c> from the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The file holds no page-block model, or one of another feature layout.</exception>
    public static PageModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return FromStream(stream, path);
    }
}
