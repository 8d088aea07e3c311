namespace Extract.Batch;

/// <summary>How a <see cref="BatchRunner"/> runs.</summary>
public sealed record BatchOptions
{
    /// <summary>Records per store transaction and per output flush (default 256). Memory does not grow with it beyond the records it holds.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Only the documents of this shard; null for all.</summary>
    public Shard? Shard { get; init; }

    /// <summary>Skip documents the store already holds with the same content hash (needs a store).</summary>
    public bool Resume { get; init; }

    /// <summary>The number of input documents when known, for the ETA.</summary>
    public long? Total { get; init; }

    /// <summary>Called from the run's own thread at most once per <see cref="ProgressInterval"/>, and once at the end.</summary>
    public Action<BatchProgress>? Progress { get; init; }

    /// <summary>
    /// Called from the run's own thread for each record, in input order, before it is written (the CLI prints failures
    /// to stderr from here, or writes a format other than JSON Lines). A run may have this as its only sink.
    /// </summary>
    public Action<ArticleRecord>? Record { get; init; }

    /// <summary>The least time between two progress reports (default 2 s; zero reports every record).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);
}
