using Extract.Cli.Commands;

namespace Extract.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        Console.OutputEncoding = new System.Text.UTF8Encoding(false);
        var root = ExtractCommand.Create();
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(SummarizeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(SegmentCommands.Segment());
        root.Subcommands.Add(SegmentCommands.EvalSeg());
        return Run(root.Parse(args));
    }

    /// <summary>Invokes the parsed command; a damaged embedded resource ends the process with one line and exit code 3.</summary>
    internal static async Task<int> Run(System.CommandLine.ParseResult parsed, TextWriter? error = null)
    {
        try
        {
            return await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Extract.Segmentation.Resources.DamagedResourceException e)
        {
            // A damaged build (an embedded model or table that does not read) is one line to the user, not a stack trace.
            await (error ?? Console.Error).WriteLineAsync($"extract: cannot start: {e.Message}").ConfigureAwait(false);
            return 3;
        }
    }
}
