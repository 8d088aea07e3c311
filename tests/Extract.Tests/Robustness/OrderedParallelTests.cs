namespace Extract.Tests.Robustness;

/// <summary>The batch map: a consumer that stops early leaves no worker failing on a disposed semaphore (issues #20 and #24).</summary>
public sealed class OrderedParallelTests
{
    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    [Fact]
    public async Task Stopping_early_leaves_every_worker_to_finish_without_an_unobserved_exception()
    {
        var unobserved = new List<Exception>();
        void Handler(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            lock (unobserved)
            {
                unobserved.AddRange(e.Exception.Flatten().InnerExceptions.Where(x => x is ObjectDisposedException or SemaphoreFullException));
            }

            e.SetObserved();
        }

        TaskScheduler.UnobservedTaskException += Handler;
        try
        {
            for (var run = 0; run < 20; run++)
            {
                int started = 0, finished = 0;
                var seen = new List<int>();
                await foreach (var n in OrderedParallel.Map(Numbers(200), (i, _) => { Interlocked.Increment(ref started); Thread.Sleep(1); Interlocked.Increment(ref finished); return i; }, 4, CancellationToken.None))
                {
                    seen.Add(n);
                    if (n == 2)
                    {
                        break;
                    }
                }

                seen.Should().Equal(0, 1, 2);
                SpinWait.SpinUntil(() => Volatile.Read(ref finished) == Volatile.Read(ref started), 30_000).Should().BeTrue();
            }

            await Task.Delay(200); // the last workers release the gate just after they count themselves finished
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            unobserved.Should().BeEmpty();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Handler;
        }
    }

    [Fact]
    public async Task Results_keep_input_order_whatever_the_degree()
    {
        foreach (var degree in new[] { 1, 2, 8 })
        {
            var results = new List<int>();
            await foreach (var n in OrderedParallel.Map(Numbers(100), (i, _) => { Thread.Sleep((i * 7) % 3); return i * 2; }, degree, CancellationToken.None))
            {
                results.Add(n);
            }

            results.Should().Equal(Enumerable.Range(0, 100).Select(i => i * 2));
        }
    }
}
