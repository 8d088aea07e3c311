using System.Runtime.InteropServices;

namespace Extract.Cli;

/// <summary>
/// SIGINT and SIGTERM as a cancellation: the run stops taking documents, writes what is finished (the output ends on a
/// whole line, the store on a whole batch) and the command exits 130 (SIGINT) or 143 (SIGTERM), without a stack trace.
/// A second signal ends the process at once.
/// </summary>
internal sealed class Stop : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _exitCode;

    public Stop(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, 130));
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, 143));
    }

    /// <summary>Cancelled on the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>128 + the signal's number once a signal arrived; null otherwise.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is var code and > 0 ? code : null;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context, int code)
    {
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0)
        {
            return; // a second signal: the default action ends the process
        }

        context.Cancel = true;
        _source.Cancel();
    }
}
