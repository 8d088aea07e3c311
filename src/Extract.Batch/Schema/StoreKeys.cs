namespace Extract.Batch;

/// <summary>
/// What both record stores do with ids before they touch a table: keep one record per id from a batch, and match the
/// (id, content hash) rows a store reads back against the keys asked for.
/// </summary>
internal static class StoreKeys
{
    /// <summary>
    /// One record per id, the later one winning as it would across batches, in ordinal id order (so two writers lock
    /// the same rows in the same order).
    /// </summary>
    public static IReadOnlyList<ArticleRecord> LatestPerId(IReadOnlyList<ArticleRecord> records)
    {
        var latest = new SortedDictionary<string, ArticleRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            latest[record.Id] = record;
        }

        return [.. latest.Values];
    }

    /// <summary>The content hash asked for, by id (a key asked for twice: the later one).</summary>
    public static Dictionary<string, string> Wanted(IReadOnlyCollection<RecordKey> keys)
    {
        var wanted = new Dictionary<string, string>(keys.Count, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            wanted[key.Id] = key.ContentHash;
        }

        return wanted;
    }

    /// <summary>Adds <paramref name="id"/> to <paramref name="found"/> when the store holds it with the hash asked for.</summary>
    public static void Match(IReadOnlyDictionary<string, string> wanted, string id, string storedHash, ISet<string> found)
    {
        if (wanted.TryGetValue(id, out var hash) && hash == storedHash)
        {
            found.Add(id);
        }
    }
}
