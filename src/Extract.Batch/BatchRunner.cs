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
/// Memory is flat in the number of documents: the run holds at most one batch of records, a look-up chunk of
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
    /// <exception cref="ArgumentException">Neither an output nor a store, or <see cref="BatchOptions.Resume"/> without a store.</exception>
    public async Task<BatchProgress> RunAsync(
        IAsyncEnumerable<BatchInput> inputs,
        TextWriter? output,
        IArticleStore? store,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (output is null && store is null)
        {
            throw new ArgumentException("a batch run needs an output, a store or both");
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
                    admitted.LoadError is { } error ? ExtractionResult.Failure(admitted.Id, error) : result);
                batch.Add(record);
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
                    await CommitAsync(batch, output, store, CancellationToken.None).ConfigureAwait(false);
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

        await CommitAsync(batch, output, store, CancellationToken.None).ConfigureAwait(false);
        var last = Snapshot(counters, clock.Elapsed, final: true, cancelled);
        _options.Progress?.Invoke(last);
        return last;
    }

    private static async Task CommitAsync(List<ArticleRecord> batch, TextWriter? output, IArticleStore? store, CancellationToken cancellationToken)
    {
        if (output is not null)
        {
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (store is not null && batch.Count > 0)
        {
            await store.WriteAsync(batch.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        batch.Clear();
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
                await DropStoredAsync(chunk, store!, counters, cancellationToken).ConfigureAwait(false);
                foreach (var item in Release(chunk, pending))
                {
                    yield return item;
                }
            }
        }

        if (_options.Resume && chunk.Count > 0)
        {
            await DropStoredAsync(chunk, store!, counters, cancellationToken).ConfigureAwait(false);
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
    }
}
