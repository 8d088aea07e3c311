using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Extract.Json;

namespace Extract.Batch;

/// <summary>
/// Runs the extractor over a stream of documents: takes one shard, skips what the store already holds (resume), writes
/// each record as a JSON line and/or to the store in batches, reports progress, and on cancellation writes what is
/// finished so the output ends on a whole line and the store on a whole batch.
/// </summary>
/// <remarks>
/// Memory is flat in the number of documents: the run holds at most two batches of records (one being written to the
/// store while the next fills), a look-up chunk of
/// <see cref="LookupChunk"/> inputs when resuming, and the extractor's in-flight window. Output keeps input order.
/// At each batch boundary the JSON Lines output is flushed first and the store transaction committed second, so a run
/// killed outright loses at most the batch in progress, and every record the store holds is also in the output.
/// </remarks>
public sealed class BatchRunner
{
    /// <summary>Inputs checked against the store in one round trip when resuming.</summary>
    internal const int LookupChunk = 64;

    private readonly ArticleExtractor _extractor;
    private readonly BatchOptions _options;

    /// <summary>A runner over <paramref name="extractor"/> (its <see cref="ExtractorOptions.MaxDegreeOfParallelism"/> sets the workers).</summary>
    public BatchRunner(ArticleExtractor extractor, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        options ??= new BatchOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        _extractor = extractor;
        _options = options;
    }

    /// <summary>
    /// Extracts <paramref name="inputs"/> to <paramref name="output"/> (one <c>extract.article/1</c> line or error line per
    /// document) and/or <paramref name="store"/>. Cancellation ends the run early without throwing: the returned progress
    /// says <see cref="BatchProgress.Cancelled"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No output, store or <see cref="BatchOptions.Record"/> callback, or <see cref="BatchOptions.Resume"/> without a store.</exception>
    public async Task<BatchProgress> RunAsync(
        IAsyncEnumerable<BatchInput> inputs,
        TextWriter? output,
        IArticleStore? store,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (output is null && store is null && _options.Record is null)
        {
            throw new ArgumentException("a batch run needs an output, a store or a record callback");
        }

        if (_options.Resume && store is null)
        {
            throw new ArgumentException("resume needs a store: it skips the documents the store already holds");
        }

        var counters = new Counters();
        var clock = Stopwatch.StartNew();
        var pending = new ConcurrentQueue<Admitted>();
        var batch = new List<ArticleRecord>(Math.Min(_options.BatchSize, 4096));
        var lastReport = TimeSpan.Zero;
        var cancelled = false;
        Task? writing = null;

        var sources = Admit(inputs, store, counters, pending, cancellationToken);
        try
        {
            await foreach (var result in _extractor.ExtractAsync(sources, cancellationToken).ConfigureAwait(false))
            {
                // ExtractAsync yields one result per source in order: the queue holds what each source came with.
                if (!pending.TryDequeue(out var admitted))
                {
                    throw new InvalidOperationException("the extractor returned more results than it was given sources");
                }

                var record = new ArticleRecord(
                    admitted.ContentHash,
                    admitted.LoadError is { } error ? ExtractionResult.Failure(admitted.Id, error, ExtractionErrorKind.InvalidInput, "input") : result);
                batch.Add(record);
                _options.Record?.Invoke(record);
                if (output is not null)
                {
                    // Not cancellable: a line is written whole or not at all.
                    await output.WriteLineAsync(ArticleJson.Serialize(record.Result)).ConfigureAwait(false);
                }

                counters.Processed++;
                if (!record.Result.IsSuccess)
                {
                    counters.Failed++;
                }

                if (batch.Count >= _options.BatchSize)
                {
                    writing = await CommitAsync(batch, writing, output, store).ConfigureAwait(false);
                }

                if (_options.Progress is { } progress && clock.Elapsed - lastReport >= _options.ProgressInterval)
                {
                    lastReport = clock.Elapsed;
                    progress(Snapshot(counters, clock.Elapsed, final: false, cancelled: false));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch (Exception) when (writing is not null || counters.Lookup is not null)
        {
            // The run fails: let the store work in flight end before the caller disposes the store.
            await Task.WhenAll(new[] { writing, counters.Lookup }.OfType<Task>().Select(t => Task.WhenAny(t))).ConfigureAwait(false);
            throw;
        }

        // The extractor's producer is not awaited when the run stops early: its look-up may still be running.
        if (counters.Lookup is { } pendingLookup)
        {
            await Task.WhenAny(pendingLookup).ConfigureAwait(false);
        }

        var last = await CommitAsync(batch, writing, output, store).ConfigureAwait(false);
        if (last is not null)
        {
            await last.ConfigureAwait(false);
        }

        var final = Snapshot(counters, clock.Elapsed, final: true, cancelled);
        _options.Progress?.Invoke(final);
        return final;
    }

    /// <summary>
    /// Flushes the output, then starts the store transaction for <paramref name="batch"/> without waiting for it: the
    /// extractor goes on while the store writes. The previous transaction is awaited first, so at most one is in flight
    /// (memory: two batches) and a store error stops the run at the next batch.
    /// </summary>
    private static async Task<Task?> CommitAsync(List<ArticleRecord> batch, Task? previous, TextWriter? output, IArticleStore? store)
    {
        if (previous is not null)
        {
            await previous.ConfigureAwait(false);
        }

        if (output is not null)
        {
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        Task? write = null;
        if (store is not null && batch.Count > 0)
        {
            var records = batch.ToArray();
            write = Task.Run(async () => await store.WriteAsync(records, CancellationToken.None).ConfigureAwait(false), CancellationToken.None);
        }

        batch.Clear();
        return write;
    }

    private BatchProgress Snapshot(Counters counters, TimeSpan elapsed, bool final, bool cancelled) => new()
    {
        Processed = counters.Processed,
        Failed = counters.Failed,
        Skipped = Interlocked.Read(ref counters.Skipped),
        OtherShards = Interlocked.Read(ref counters.OtherShards),
        Total = _options.Total,
        Elapsed = elapsed,
        Final = final,
        Cancelled = cancelled,
    };

    /// <summary>The inputs of this shard not already stored, loaded and hashed, in input order.</summary>
    private async IAsyncEnumerable<ArticleSource> Admit(
        IAsyncEnumerable<BatchInput> inputs,
        IArticleStore? store,
        Counters counters,
        ConcurrentQueue<Admitted> pending,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<(Admitted Admitted, ArticleSource Source)>(LookupChunk);
        await foreach (var input in inputs.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (_options.Shard is { } shard && !shard.Contains(input.Id))
            {
                Interlocked.Increment(ref counters.OtherShards);
                continue;
            }

            chunk.Add(Load(input));
            if (!_options.Resume)
            {
                foreach (var item in Release(chunk, pending))
                {
                    yield return item;
                }
            }
            else if (chunk.Count >= LookupChunk)
            {
                var lookup = DropStoredAsync(chunk, store!, counters, cancellationToken);
                counters.Lookup = lookup;
                await lookup.ConfigureAwait(false);
                foreach (var item in Release(chunk, pending))
                {
                    yield return item;
                }
            }
        }

        if (_options.Resume && chunk.Count > 0)
        {
            var lookup = DropStoredAsync(chunk, store!, counters, cancellationToken);
            counters.Lookup = lookup;
            await lookup.ConfigureAwait(false);
        }

        foreach (var item in Release(chunk, pending))
        {
            yield return item;
        }
    }

    private static List<ArticleSource> Release(List<(Admitted Admitted, ArticleSource Source)> chunk, ConcurrentQueue<Admitted> pending)
    {
        var sources = new List<ArticleSource>(chunk.Count);
        foreach (var (admitted, source) in chunk)
        {
            pending.Enqueue(admitted);
            sources.Add(source);
        }

        chunk.Clear();
        return sources;
    }

    private static async Task DropStoredAsync(
        List<(Admitted Admitted, ArticleSource Source)> chunk,
        IArticleStore store,
        Counters counters,
        CancellationToken cancellationToken)
    {
        var keys = chunk.Where(c => c.Admitted.LoadError is null).Select(c => new RecordKey(c.Admitted.Id, c.Admitted.ContentHash)).ToArray();
        var stored = await store.ContainingAsync(keys, cancellationToken).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            return;
        }

        var removed = chunk.RemoveAll(c => c.Admitted.LoadError is null && stored.Contains(c.Admitted.Id));
        Interlocked.Add(ref counters.Skipped, removed);
    }

    private static (Admitted, ArticleSource) Load(BatchInput input)
    {
        try
        {
            var source = input.Load();
            return (new Admitted(source.Id, ContentHash.Of(source), null), source);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // The extractor still gets a (trivial) source so results stay one per input; the error replaces its result.
            // An unread document has no content hash: a resumed run reads it again.
            return (new Admitted(input.Id, "", $"cannot read the document: {e.Message}"), ArticleSource.FromText(input.Id, ""));
        }
    }

    private sealed record Admitted(string Id, string ContentHash, string? LoadError);

    private sealed class Counters
    {
        public long Processed;
        public long Failed;
        public long Skipped;
        public long OtherShards;

        /// <summary>The producer's last store look-up: a run that ends early waits for it before the caller may dispose the store.</summary>
        public volatile Task? Lookup;
    }
}
