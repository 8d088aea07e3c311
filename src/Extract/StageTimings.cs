using System.Diagnostics;

namespace Extract;

/// <summary>
/// Time and allocated bytes per stage of <see cref="ArticleExtractor"/>'s pipeline, summed over the documents of one
/// thread (<c>extract bench --stages</c>). Not thread-safe: one instance per measuring thread.
/// </summary>
internal sealed class StageTimings
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (long Ticks, long Bytes)> _totals = new(StringComparer.Ordinal);
    private string? _current;
    private long _startTicks;
    private long _startBytes;

    /// <summary>The stages in the order first met, with their summed time and allocation.</summary>
    public IEnumerable<(string Stage, TimeSpan Time, long Bytes)> Stages =>
        _order.Select(name => (name, Stopwatch.GetElapsedTime(0, _totals[name].Ticks), _totals[name].Bytes));

    /// <summary>Ends the stage in progress (if any) and starts <paramref name="stage"/>.</summary>
    public void Enter(string stage)
    {
        var ticks = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        Close(ticks, bytes);
        _current = stage;
        _startTicks = ticks;
        _startBytes = bytes;
    }

    /// <summary>Ends the stage in progress.</summary>
    public void Stop() => Close(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Times <paramref name="action"/> as <paramref name="stage"/> (a stage outside the extractor, such as JSON).</summary>
    public T Time<T>(string stage, Func<T> action)
    {
        Enter(stage);
        var result = action();
        Stop();
        return result;
    }

    private void Close(long ticks, long bytes)
    {
        if (_current is null)
        {
            return;
        }

        if (!_totals.TryGetValue(_current, out var total))
        {
            _order.Add(_current);
        }

        _totals[_current] = (total.Ticks + (ticks - _startTicks), total.Bytes + (bytes - _startBytes));
        _current = null;
    }
}
