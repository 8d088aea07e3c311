using StackExchange.Redis;

namespace Extract.Fleet;

/// <summary>Pushes documents into the fleet's stream (XADD, pipelined) and creates the consumer group.</summary>
public sealed class StreamEnqueuer
{
    private const int Pipeline = 256;

    private readonly IDatabase _redis;
    private readonly FleetOptions _options;

    /// <summary>An enqueuer on <paramref name="redis"/> for the stream of <paramref name="options"/>.</summary>
    public StreamEnqueuer(IDatabase redis, FleetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _options = options ?? new FleetOptions();
    }

    /// <summary>
    /// Creates the stream and the consumer group when missing. A new group starts at the beginning of the stream, so
    /// documents pushed before any worker started are read too.
    /// </summary>
    public Task EnsureGroupAsync() => Groups.EnsureAsync(_redis, _options);

    /// <summary>Pushes <paramref name="sources"/> (one stream entry each), creating the group first; returns the count pushed.</summary>
    public async Task<long> EnqueueAsync(IAsyncEnumerable<ArticleSource> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        await EnsureGroupAsync().ConfigureAwait(false);
        var inFlight = new List<Task>(Pipeline);
        var count = 0L;
        await foreach (var source in sources.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            inFlight.Add(_redis.StreamAddAsync(_options.Stream, StreamMessages.ToFields(source)));
            count++;
            if (inFlight.Count >= Pipeline)
            {
                await Task.WhenAll(inFlight).ConfigureAwait(false);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        return count;
    }
}

internal static class Groups
{
    public static async Task EnsureAsync(IDatabase redis, FleetOptions options)
    {
        try
        {
            await redis.StreamCreateConsumerGroupAsync(options.Stream, options.Group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: another worker or enqueuer made it.
        }
    }
}
