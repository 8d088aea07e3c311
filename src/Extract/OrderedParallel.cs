using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Extract;

/// <summary>Maps a stream through a function on a bounded number of workers, yielding results in input order.</summary>
internal static class OrderedParallel
{
    public static async IAsyncEnumerable<TOut> Map<TIn, TOut>(
        IAsyncEnumerable<TIn> items,
        Func<TIn, CancellationToken, TOut> map,
        int degree,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = Math.Max(1, degree);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var pending = Channel.CreateBounded<Task<TOut>>(window * 2);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    // Not disposed: a worker still running when the consumer stops early releases it after the producer has
                    // gone (SemaphoreSlim holds no unmanaged handle unless AvailableWaitHandle is read).
                    var gate = new SemaphoreSlim(window);
                    await foreach (var item in items.WithCancellation(token).ConfigureAwait(false))
                    {
                        await gate.WaitAsync(token).ConfigureAwait(false);
                        var task = Task.Run(
                            () =>
                            {
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
                        await pending.Writer.WriteAsync(task, token).ConfigureAwait(false);
                    }

                    pending.Writer.Complete();
                }
                catch (Exception e)
                {
                    pending.Writer.Complete(e);
                }
            },
            token);

        try
        {
            await foreach (var task in pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return await task.ConfigureAwait(false);
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            // The consumer stopped early or failed: stop the producer so no worker is left waiting.
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
