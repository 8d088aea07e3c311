namespace Extract.Batch;

/// <summary>What a store keeps for one document: the extraction result (article or error) and the input's content hash.</summary>
/// <param name="ContentHash">The <see cref="Batch.ContentHash"/> of the input.</param>
/// <param name="Result">The article, or the error that replaced it.</param>
public sealed record ArticleRecord(string ContentHash, ExtractionResult Result)
{
    /// <summary>The document id.</summary>
    public string Id => Result.Id;
}

/// <summary>A document id with the content hash it was stored with.</summary>
/// <param name="Id">The document id.</param>
/// <param name="ContentHash">The <see cref="Batch.ContentHash"/> of its input.</param>
public readonly record struct RecordKey(string Id, string ContentHash);

/// <summary>Where batch runs and workers write records: an upsert by id, with the content hash kept for resume.</summary>
public interface IArticleStore
{
    /// <summary>True when the store holds a record for <paramref name="id"/> made from input with <paramref name="contentHash"/>.</summary>
    ValueTask<bool> ContainsAsync(string id, string contentHash, CancellationToken cancellationToken = default);

    /// <summary>The ids among <paramref name="keys"/> that the store holds with the same content hash (one round trip).</summary>
    ValueTask<IReadOnlySet<string>> ContainingAsync(IReadOnlyCollection<RecordKey> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="records"/> in one transaction: each replaces every row the store held for its id.
    /// Either all are stored or none.
    /// </summary>
    ValueTask WriteAsync(IReadOnlyList<ArticleRecord> records, CancellationToken cancellationToken = default);
}
