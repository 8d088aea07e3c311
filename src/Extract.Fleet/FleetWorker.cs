using Extract.Batch;
using Extract.Json;
using StackExchange.Redis;

namespace Extract.Fleet;

/// <summary>
/// One worker of the fleet: reads documents from the stream through the consumer group, extracts them, writes the
/// records to the store in one transaction per read, and acknowledges the messages only after the commit.
/// At-least-once delivery plus the store's idempotent upsert: no document is lost and none is stored twice.
/// </summary>
/// <remarks>
/// Each turn first claims messages that sat unacknowledged for <see cref="FleetOptions.ClaimIdle"/> in any consumer's
/// pending list (XAUTOCLAIM: a worker that died, or a batch this worker could not commit), then reads new ones. A claimed
/// message delivered more than <see cref="FleetOptions.MaxAttempts"/> times goes to the dead-letter stream with its
/// fields, an <c>error</c> field holding the error record (<c>{"id":…,"error":…}</c>), <c>attempts</c> and
/// <c>messageId</c>, atomically with its acknowledgement. A message whose fields are malformed goes there at once.
/// A document the extractor fails on is not a failed delivery: its error record is stored like an article.
/// </remarks>
public sealed class FleetWorker
{
    private readonly IDatabase _redis;
    private readonly IArticleStore _store;
    private readonly ArticleExtractor _extractor;
    private readonly FleetOptions _options;
    private readonly Action<string>? _log;
    private readonly Dictionary<string, string> _lastErrors = new(StringComparer.Ordinal);
    private RedisValue _claimCursor = "0-0";
    private long _committed;
    private long _failed;
    private long _claimed;
    private long _deadLettered;

    /// <summary>A worker reading the stream of <paramref name="options"/> and writing to <paramref name="store"/>.</summary>
    /// <param name="redis">The Redis database holding the stream.</param>
    /// <param name="store">Where records go (a <see cref="PostgresArticleStore"/> in a fleet).</param>
    /// <param name="extractor">The extractor; its <see cref="ExtractorOptions.MaxDegreeOfParallelism"/> documents of a read are extracted at once.</param>
    /// <param name="options">Stream, group, consumer name and retry settings.</param>
    /// <param name="log">Receives one line per store failure and dead letter (null: silent).</param>
    public FleetWorker(IDatabase redis, IArticleStore store, ArticleExtractor extractor, FleetOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(extractor);
        _redis = redis;
        _store = store;
        _extractor = extractor;
        _options = options ?? new FleetOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ReadCount, 1, nameof(options));
        _log = log;
    }

    /// <summary>
    /// Works until <paramref name="cancellationToken"/> is cancelled (or, with <see cref="FleetOptions.ExitWhenDrained"/>,
    /// until nothing is new or pending). Cancellation does not throw; messages not yet committed stay pending for another worker.
    /// </summary>
    public async Task<WorkerReport> RunAsync(CancellationToken cancellationToken = default)
    {
        await Groups.EnsureAsync(_redis, _options).ConfigureAwait(false);
        var cancelled = false;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entries = await ClaimAsync().ConfigureAwait(false);
                if (entries.Count == 0)
                {
                    entries = [.. await _redis.StreamReadGroupAsync(_options.Stream, _options.Group, _options.Consumer, StreamPosition.NewMessages, _options.ReadCount).ConfigureAwait(false)];
                }

                if (entries.Count == 0)
                {
                    if (_options.ExitWhenDrained && (await _redis.StreamPendingAsync(_options.Stream, _options.Group).ConfigureAwait(false)).PendingMessageCount == 0)
                    {
                        break;
                    }

                    await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await ProcessAsync(entries, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        return new WorkerReport
        {
            Committed = _committed,
            Failed = _failed,
            Claimed = _claimed,
            DeadLettered = _deadLettered,
            Cancelled = cancelled,
        };
    }

    /// <summary>Messages idle in any pending list long enough to be taken over; those past their attempts are dead-lettered.</summary>
    private async Task<List<StreamEntry>> ClaimAsync()
    {
        var result = await _redis.StreamAutoClaimAsync(
            _options.Stream, _options.Group, _options.Consumer, (long)_options.ClaimIdle.TotalMilliseconds, _claimCursor, _options.ReadCount).ConfigureAwait(false);
        _claimCursor = result.NextStartId;
        var claimed = result.ClaimedEntries.Where(e => !e.IsNull).ToList();
        if (claimed.Count == 0)
        {
            return claimed;
        }

        _claimed += claimed.Count;
        var deliveries = await Task.WhenAll(claimed.Select(e =>
            _redis.StreamPendingMessagesAsync(_options.Stream, _options.Group, 1, _options.Consumer, e.Id, e.Id))).ConfigureAwait(false);
        var live = new List<StreamEntry>(claimed.Count);
        for (var i = 0; i < claimed.Count; i++)
        {
            var attempts = deliveries[i] is [var info, ..] ? info.DeliveryCount : 0;
            if (attempts > _options.MaxAttempts)
            {
                var error = _lastErrors.GetValueOrDefault(claimed[i].Id!)
                    ?? "no record was committed for it (the workers that took it died or could not write it)";
                await DeadLetterAsync(claimed[i], $"delivered {attempts} times, {error}", attempts - 1).ConfigureAwait(false);
            }
            else
            {
                live.Add(claimed[i]);
            }
        }

        return live;
    }

    private async Task ProcessAsync(List<StreamEntry> entries, CancellationToken cancellationToken)
    {
        var records = new ArticleRecord?[entries.Count];
        var malformed = new string?[entries.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _extractor.Options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), parallel, (i, token) =>
        {
            try
            {
                var source = StreamMessages.FromEntry(entries[i]);
                records[i] = new ArticleRecord(ContentHash.Of(source), _extractor.Extract(source, token));
            }
            catch (FormatException e)
            {
                malformed[i] = e.Message;
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        for (var i = 0; i < entries.Count; i++)
        {
            if (malformed[i] is { } error)
            {
                await DeadLetterAsync(entries[i], "malformed message: " + error, attempts: 1).ConfigureAwait(false);
            }
        }

        var ready = Enumerable.Range(0, entries.Count).Where(i => records[i] is not null).ToList();
        if (ready.Count == 0)
        {
            return;
        }

        try
        {
            await _store.WriteAsync([.. ready.Select(i => records[i]!)], cancellationToken).ConfigureAwait(false);
            await AcknowledgeAsync(ready.Select(i => (entries[i], records[i]!))).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One bad record must not hold back the others: write them one by one; what still fails stays pending
            // and comes back through XAUTOCLAIM until its attempts run out.
            foreach (var i in ready)
            {
                try
                {
                    await _store.WriteAsync([records[i]!], cancellationToken).ConfigureAwait(false);
                    await AcknowledgeAsync([(entries[i], records[i]!)]).ConfigureAwait(false);
                }
                catch (Exception single) when (single is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    var message = $"the store refused the record: {single.GetType().Name}: {single.Message}";
                    if (_lastErrors.Count > 10_000)
                    {
                        _lastErrors.Clear();
                    }

                    _lastErrors[entries[i].Id!] = message;
                    _log?.Invoke($"{_options.Consumer}: {records[i]!.Id} ({entries[i].Id}): {message}");
                }
            }
        }
    }

    private async Task AcknowledgeAsync(IEnumerable<(StreamEntry Entry, ArticleRecord Record)> done)
    {
        var list = done.ToList();
        await _redis.StreamAcknowledgeAsync(_options.Stream, _options.Group, [.. list.Select(d => d.Entry.Id)]).ConfigureAwait(false);
        foreach (var (entry, record) in list)
        {
            _lastErrors.Remove(entry.Id!);
            _committed++;
            if (!record.Result.IsSuccess)
            {
                _failed++;
            }
        }
    }

    private async Task DeadLetterAsync(StreamEntry entry, string error, long attempts)
    {
        var id = StreamMessages.IdOf(entry);
        var fields = entry.Values
            .Where(v => v.Name != "error" && v.Name != "attempts" && v.Name != "messageId")
            .Append(new NameValueEntry("error", ArticleJson.SerializeError(id, error)))
            .Append(new NameValueEntry("attempts", attempts))
            .Append(new NameValueEntry("messageId", entry.Id))
            .ToArray();
        var transaction = _redis.CreateTransaction();
        _ = transaction.StreamAddAsync(_options.DeadLetterStream, fields);
        _ = transaction.StreamAcknowledgeAsync(_options.Stream, _options.Group, entry.Id);
        await transaction.ExecuteAsync().ConfigureAwait(false);
        _lastErrors.Remove(entry.Id!);
        _deadLettered++;
        _log?.Invoke($"{_options.Consumer}: {id} ({entry.Id}) dead-lettered to {_options.DeadLetterStream}: {error}");
    }
}
