using System.Runtime.CompilerServices;

namespace Extract.Tests.Robustness;

/// <summary>
/// The batch API stops cleanly: cancellation surfaces as <see cref="OperationCanceledException"/>, leaving the loop early
/// stops every worker before the loop statement ends, and no worker's fault goes unobserved. Each case runs 100 times:
/// these are races, and one pass proves little.
/// </summary>
[Collection(UnobservedExceptions.Collection)]
public sealed class CancellationTests
{
    private const int Rounds = 100;

    private static readonly ArticleExtractor Extractor = new(ExtractorOptions.Default with { MaxDegreeOfParallelism = 4 });

    [Fact]
    public async Task Cancelling_mid_stream_throws_OperationCanceledException_and_stops_the_workers()
    {
        using var watch = new UnobservedExceptions();
        for (var round = 0; round < Rounds; round++)
        {
            var workers = new Workers();
            using var cts = new CancellationTokenSource();
            var seen = 0;
            var act = async () =>
            {
                await foreach (var value in OrderedParallel.Map(Endless(), workers.WaitThenReturn, 4, cts.Token))
                {
                    value.Should().Be(seen++, "results come in input order");
                    if (seen == 3)
                    {
                        await cts.CancelAsync();
                    }
                }
            };

            var thrown = await act.Should().ThrowAsync<OperationCanceledException>();
            thrown.Which.CancellationToken.Should().Be(cts.Token, "the caller's own token is the one reported");
            workers.Running.Should().Be(0, $"no worker outlives the loop (round {round})");
        }

        watch.Count().Should().Be(0);
    }

    [Fact]
    public async Task Breaking_out_early_stops_the_workers_and_leaves_no_unobserved_fault()
    {
        using var watch = new UnobservedExceptions();
        for (var round = 0; round < Rounds; round++)
        {
            var workers = new Workers();
            await foreach (var value in OrderedParallel.Map(Endless(), workers.FaultWhenCancelled, 4, CancellationToken.None))
            {
                value.Should().Be(0);
                break;
            }

            workers.Running.Should().Be(0, $"no worker outlives the loop (round {round})");
            var started = workers.Started;
            await Task.Delay(1);
            workers.Started.Should().Be(started, "nothing starts after the loop ended");
        }

        watch.Count().Should().Be(0);
    }

    [Fact]
    public async Task A_worker_fault_reaches_the_consumer_and_the_other_workers_are_observed()
    {
        using var watch = new UnobservedExceptions();
        for (var round = 0; round < Rounds; round++)
        {
            var workers = new Workers();
            var act = async () =>
            {
                await foreach (var _ in OrderedParallel.Map(Endless(), workers.FaultOnSecond, 4, CancellationToken.None))
                {
                }
            };

            (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("second");
            workers.Running.Should().Be(0);
        }

        watch.Count().Should().Be(0);
    }

    [Fact]
    public async Task The_extractor_cancelled_mid_batch_throws_OperationCanceledException()
    {
        using var watch = new UnobservedExceptions();
        var sources = Sources(200);
        for (var round = 0; round < Rounds; round++)
        {
            using var cts = new CancellationTokenSource();
            var seen = 0;
            var act = async () =>
            {
                await foreach (var result in Extractor.ExtractAsync(sources, cts.Token))
                {
                    result.Id.Should().Be(sources[seen++].Id);
                    if (seen == 2)
                    {
                        await cts.CancelAsync();
                    }
                }
            };

            await act.Should().ThrowAsync<OperationCanceledException>();
            seen.Should().Be(2);
        }

        watch.Count().Should().Be(0);
    }

    [Fact]
    public async Task The_extractor_left_early_leaves_no_unobserved_fault()
    {
        using var watch = new UnobservedExceptions();
        var sources = Sources(200);
        for (var round = 0; round < Rounds; round++)
        {
            await foreach (var result in Extractor.ExtractAsync(sources))
            {
                result.IsSuccess.Should().BeTrue(result.Error);
                break;
            }
        }

        watch.Count().Should().Be(0);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_batch_throws_before_any_result()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var act = async () =>
        {
            await foreach (var _ in Extractor.ExtractAsync(Sources(3), cts.Token))
            {
                throw new InvalidOperationException("no result is expected");
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => Extractor.ExtractAsync(Sources(1)[0], cts.Token)).Should().ThrowAsync<OperationCanceledException>();
    }

    private static List<ArticleSource> Sources(int count)
    {
        // A short article (the first lines of a corpus text): a hundred rounds must stay cheap.
        var text = string.Join('\n', File.ReadLines(Path.Combine(RepoPaths.Root, "corpus", "entities", "a01.txt")).Take(10));
        return [.. Enumerable.Range(0, count).Select(i => ArticleSource.FromText($"doc{i}", text))];
    }

    private static async IAsyncEnumerable<int> Endless([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % 8 == 0)
            {
                await Task.Yield();
            }

            yield return i;
        }
    }

    /// <summary>Fake workers that count how many are running, so a test can see that none outlives the loop.</summary>
    private sealed class Workers
    {
        private int _running;
        private int _started;

        public int Running => Volatile.Read(ref _running);

        public int Started => Volatile.Read(ref _started);

        public int WaitThenReturn(int item, CancellationToken cancellationToken) => Run(() =>
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(item % 3));
            cancellationToken.ThrowIfCancellationRequested();
            return item;
        });

        public int FaultWhenCancelled(int item, CancellationToken cancellationToken) => Run(() =>
        {
            if (item == 0)
            {
                return 0;
            }

            // Short waits only: a worker that blocks a pool thread for long starves the consumer on a small machine.
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(2));
            return cancellationToken.IsCancellationRequested ? throw new InvalidOperationException("a worker fault after the consumer left") : item;
        });

        public int FaultOnSecond(int item, CancellationToken cancellationToken) => Run(() =>
        {
            if (item == 1)
            {
                throw new InvalidOperationException("second");
            }

            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(1));
            return item;
        });

        private int Run(Func<int> work)
        {
            Interlocked.Increment(ref _started);
            Interlocked.Increment(ref _running);
            try
            {
                return work();
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}

/// <summary>Counts <see cref="TaskScheduler.UnobservedTaskException"/> events while it lives (after forcing the finalisers that raise them).</summary>
internal sealed class UnobservedExceptions : IDisposable
{
    /// <summary>Tests that count unobserved exceptions run alone, so another test's fault cannot be counted.</summary>
    public const string Collection = "Unobserved task exceptions";

    private readonly List<Exception> _seen = [];

    public UnobservedExceptions()
    {
        Collect();
        TaskScheduler.UnobservedTaskException += OnUnobserved;
    }

    public int Count()
    {
        Collect();
        lock (_seen)
        {
            return _seen.Count;
        }
    }

    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    private static void Collect()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        lock (_seen)
        {
            _seen.Add(e.Exception);
        }
    }
}

[CollectionDefinition(UnobservedExceptions.Collection, DisableParallelization = true)]
public sealed class UnobservedExceptionsCollection;
