namespace Extract.Fleet;

/// <summary>Where the fleet's queue lives and how its workers behave.</summary>
public sealed record FleetOptions
{
    /// <summary>The Redis Stream documents are pushed to (default <c>extract:documents</c>).</summary>
    public string Stream { get; init; } = "extract:documents";

    /// <summary>The consumer group every worker reads through (default <c>extract</c>).</summary>
    public string Group { get; init; } = "extract";

    /// <summary>This worker's consumer name; unique per worker (default: machine name and process id).</summary>
    public string Consumer { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Where a document goes after <see cref="MaxAttempts"/> deliveries without a committed record (default <c>extract:dead</c>).</summary>
    public string DeadLetterStream { get; init; } = "extract:dead";

    /// <summary>Deliveries a document gets before it is dead-lettered (default 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Messages read, extracted and committed together (one PostgreSQL transaction; default 16).</summary>
    public int ReadCount { get; init; } = 16;

    /// <summary>
    /// How long a message must sit unacknowledged in another consumer's pending list before this worker claims it
    /// (XAUTOCLAIM); longer than the slowest batch takes (default 60 s).
    /// </summary>
    public TimeSpan ClaimIdle { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The pause when the stream has nothing new (default 500 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Stop when the stream has nothing new and no message is pending in the group (batch runs, tests); default false: wait for more.</summary>
    public bool ExitWhenDrained { get; init; }
}

/// <summary>What a worker did.</summary>
public sealed record WorkerReport
{
    /// <summary>Records committed (articles and error records) and acknowledged.</summary>
    public long Committed { get; init; }

    /// <summary>Of <see cref="Committed"/>, error records (the document could not be extracted).</summary>
    public long Failed { get; init; }

    /// <summary>Messages taken over from other consumers' pending lists (XAUTOCLAIM).</summary>
    public long Claimed { get; init; }

    /// <summary>Messages sent to the dead-letter stream.</summary>
    public long DeadLettered { get; init; }

    /// <summary>True when the worker stopped on cancellation.</summary>
    public bool Cancelled { get; init; }
}
