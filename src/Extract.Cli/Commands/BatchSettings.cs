using System.Globalization;
using Extract.Batch;
using Spectre.Console;

namespace Extract.Cli.Commands;

/// <summary>The batch options of the extract command: a store, resume, a shard, and progress on standard error (null: quiet).</summary>
internal sealed record BatchSettings(string? Db, bool Resume, Shard? Shard, ProgressReporter? Progress);

/// <summary>
/// Progress on standard error: a Spectre.Console live bar when standard error is a terminal, otherwise one line per
/// report (the runner reports every <see cref="BatchOptions.ProgressInterval"/>): documents, docs/s, failures, ETA when
/// the total is known.
/// </summary>
internal sealed class ProgressReporter(TextWriter stderr, bool terminal)
{
    private ProgressTask? _task;
    private long _total = -1;

    /// <summary>The number of input documents once a count ahead of the run has finished (for the ETA); null before.</summary>
    public long? Total
    {
        get => Interlocked.Read(ref _total) is >= 0 and var total ? total : null;
        set => Interlocked.Exchange(ref _total, value ?? -1);
    }

    /// <summary>Runs <paramref name="run"/>, with the live bar around it on a terminal.</summary>
    public async Task<BatchProgress> RunAsync(Func<Task<BatchProgress>> run)
    {
        if (!terminal)
        {
            return await run().ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        BatchProgress result = new();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _task = context.AddTask("extract: starting");
                _task.IsIndeterminate = true;
                result = await run().ConfigureAwait(false);
                _task.StopTask();
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>One report from the runner (its own thread).</summary>
    public void Report(BatchProgress progress)
    {
        if (progress.Total is null && Total is { } known)
        {
            progress = progress with { Total = known };
        }

        if (progress.Final)
        {
            if (_task is { } done)
            {
                done.Description = Markup.Escape(Line(progress));
                done.IsIndeterminate = false;
                done.MaxValue = Math.Max(1, progress.Seen);
                done.Value = done.MaxValue;
            }

            return; // the command's summary line follows
        }

        var line = Line(progress);
        if (_task is { } task)
        {
            task.Description = Markup.Escape(line);
            if (progress.Total is { } total && total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total;
                task.Value = progress.Seen;
            }
        }
        else
        {
            stderr.WriteLine($"extract: {line}");
        }
    }

    /// <summary>"1200 documents, 35.2 docs/s, 3 failed, ETA 0:01:10".</summary>
    internal static string Line(BatchProgress progress)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{progress.Processed} documents, {progress.DocumentsPerSecond:0.0} docs/s, {progress.Failed} failed");
        if (progress.Skipped > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {progress.Skipped} already stored");
        }

        if (progress.Eta is { } eta)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", ETA {eta:h\\:mm\\:ss}");
        }

        return line;
    }
}
