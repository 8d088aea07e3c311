namespace Extract.Batch;

/// <summary>Where a batch run stands: reported through <see cref="BatchOptions.Progress"/> and returned at the end.</summary>
public sealed record BatchProgress
{
    /// <summary>Documents extracted and written (articles and error records).</summary>
    public long Processed { get; init; }

    /// <summary>Of <see cref="Processed"/>, those that became error records.</summary>
    public long Failed { get; init; }

    /// <summary>Documents skipped because the store already held them with the same content hash (resume).</summary>
    public long Skipped { get; init; }

    /// <summary>Documents of other shards, passed over.</summary>
    public long OtherShards { get; init; }

    /// <summary>How many input documents there are, when known (<see cref="BatchOptions.Total"/>).</summary>
    public long? Total { get; init; }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Processed documents per second of elapsed time.</summary>
    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;

    /// <summary>Input documents seen so far: processed, skipped or in other shards.</summary>
    public long Seen => Processed + Skipped + OtherShards;

    /// <summary>
    /// Estimated time to the end when the total is known: the documents not yet seen at the current rate. The rate counts
    /// processed documents only, so a run that mostly skips (resume) or mostly belongs to other shards estimates high.
    /// </summary>
    public TimeSpan? Eta => Total is { } total && DocumentsPerSecond > 0
        ? TimeSpan.FromSeconds(Math.Max(0, total - Seen) / DocumentsPerSecond)
        : null;

    /// <summary>True in the last report of a run.</summary>
    public bool Final { get; init; }

    /// <summary>True when the run stopped on cancellation (what was finished is written, the output ends on a whole line).</summary>
    public bool Cancelled { get; init; }
}
