using System.Runtime.CompilerServices;

namespace Extract;

/// <summary>Maps a stream through a function on a bounded number of workers, yielding results in input order.</summary>
/// <remarks>
/// The consumer pulls: it starts up to twice <c>degree</c> items ahead (a gate lets <c>degree</c> of them run at once) and
/// awaits the oldest. Whatever way the consumer leaves — the end, a break, an exception, cancellation — every started
/// worker is cancelled and awaited before the enumerator finishes, so no worker outlives it and no task fault goes
/// unobserved. The gate is never disposed (a <see cref="SemaphoreSlim"/> without a wait handle holds nothing to free),
/// so a worker finishing late cannot throw <see cref="ObjectDisposedException"/>.
/// </remarks>
internal static class OrderedParallel
{
    public static async IAsyncEnumerable<TOut> Map<TIn, TOut>(
        IAsyncEnumerable<TIn> items,
        Func<TIn, CancellationToken, TOut> map,
        int degree,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parallel = Math.Max(1, degree);
        var ahead = parallel * 2;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var gate = new SemaphoreSlim(parallel);
        var started = new Queue<Task<TOut>>(ahead);
        var source = items.GetAsyncEnumerator(token);
        try
        {
            var more = true;
            while (true)
            {
                // Once the caller cancels, no further result is handed out, even one already computed.
                cancellationToken.ThrowIfCancellationRequested();
                while (more && started.Count < ahead)
                {
                    more = await Throwing(source.MoveNextAsync(), cancellationToken).ConfigureAwait(false);
                    if (more)
                    {
                        started.Enqueue(Start(source.Current, map, gate, token));
                    }
                }

                if (started.Count == 0)
                {
                    break;
                }

                var result = await Throwing(new ValueTask<TOut>(started.Peek()), cancellationToken).ConfigureAwait(false);
                _ = started.Dequeue();
                yield return result;
            }
        }
        finally
        {
            // The end, a break, a failure or cancellation: stop the workers still queued or running and wait for them,
            // observing their faults (the consumer's own exception, if any, is the one that propagates).
            await stop.CancelAsync().ConfigureAwait(false);
            while (started.TryDequeue(out var task))
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Observed on purpose: the caller already left; its outcome is the exception (or end) it saw.
                }
            }

            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task<TOut> Start<TIn, TOut>(TIn item, Func<TIn, CancellationToken, TOut> map, SemaphoreSlim gate, CancellationToken token) =>
        Task.Run(
            async () =>
            {
                await gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    return map(item, token);
                }
                finally
                {
                    gate.Release();
                }
            },
            token);

    /// <summary>Awaits <paramref name="pending"/>; a cancellation the caller asked for surfaces with the caller's token.</summary>
    private static async ValueTask<T> Throwing<T>(ValueTask<T> pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }
}
