namespace Extract.Batch;

/// <summary>
/// One document of a batch run: its id, known before the content is read (so shards skip without reading), and how
/// to read it. A read that throws becomes that document's error record, not the end of the run.
/// </summary>
public sealed record BatchInput
{
    private readonly Func<ArticleSource> _load;

    private BatchInput(string id, Func<ArticleSource> load)
    {
        Id = id;
        _load = load;
    }

    /// <summary>The document id.</summary>
    public string Id { get; }

    /// <summary>A document already in memory.</summary>
    public static BatchInput From(ArticleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new BatchInput(source.Id, () => source);
    }

    /// <summary>A document read when the run reaches it (a file, a line to parse).</summary>
    /// <param name="id">The id; the loaded source should carry the same one.</param>
    /// <param name="load">Reads the document; an exception becomes the document's error record.</param>
    public static BatchInput Deferred(string id, Func<ArticleSource> load)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(load);
        return new BatchInput(id, load);
    }

    /// <summary>Reads the document.</summary>
    public ArticleSource Load() => _load();
}
