using System.CommandLine;
using Extract.Cli.Commands;

namespace Extract.Cli;

/// <summary>
/// The <c>extract</c> tool. Exit codes: 0 every document extracted; 1 none extracted (every one failed); 2 a user
/// error (bad arguments, a path that is not there, no input documents, an output that cannot be written); 3 the tool
/// cannot start (a damaged embedded resource); 4 some documents extracted and some failed. Every user error is one
/// line on standard error, never a stack trace.
/// </summary>
internal static class Program
{
    /// <summary>Exit code: every document extracted (or the command succeeded).</summary>
    public const int Ok = 0;

    /// <summary>Exit code: no document could be extracted.</summary>
    public const int NothingExtracted = 1;

    /// <summary>Exit code: a user error — bad arguments, missing paths, no input, an unwritable output.</summary>
    public const int UserError = 2;

    /// <summary>Exit code: the tool cannot start (a damaged embedded resource).</summary>
    public const int CannotStart = 3;

    /// <summary>Exit code: some documents failed, others were extracted.</summary>
    public const int SomeFailed = 4;

    private static Task<int> Main(string[] args)
    {
        Console.OutputEncoding = new System.Text.UTF8Encoding(false);
        return Run(CreateRoot().Parse(args));
    }

    /// <summary>The root command with every subcommand.</summary>
    internal static RootCommand CreateRoot()
    {
        var root = ExtractCommand.Create();
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(SummarizeCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(FleetCommands.Enqueue());
        root.Subcommands.Add(FleetCommands.Worker());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(SegmentCommands.Segment());
        root.Subcommands.Add(SegmentCommands.EvalSeg());
        return root;
    }

    /// <summary>
    /// Invokes the parsed command. A parse error is one line and exit code 2 (not the whole help); a damaged embedded
    /// resource is one line and exit code 3; a file-system error the command did not handle is one line and exit code 2.
    /// </summary>
    internal static async Task<int> Run(ParseResult parsed, TextWriter? error = null)
    {
        error ??= Console.Error;
        if (parsed.Errors.Count > 0)
        {
            var message = string.Join(' ', parsed.Errors[0].Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
            message = System.Text.RegularExpressions.Regex.Replace(message, @" as expected type '[^']*'", "", System.Text.RegularExpressions.RegexOptions.NonBacktracking);
            await error.WriteLineAsync($"{CommandName(parsed)}: {message} (see {CommandName(parsed)} --help)").ConfigureAwait(false);
            return UserError;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }).ConfigureAwait(false);
        }
        catch (Extract.Segmentation.Resources.DamagedResourceException e)
        {
            // A damaged build (an embedded model or table that does not read) is one line to the user, not a stack trace.
            await error.WriteLineAsync($"extract: cannot start: {e.Message}").ConfigureAwait(false);
            return CannotStart;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{CommandName(parsed)}: {e.Message}").ConfigureAwait(false);
            return UserError;
        }
    }

    private static string CommandName(ParseResult parsed) =>
        parsed.CommandResult.Command is RootCommand or null ? "extract" : $"extract {parsed.CommandResult.Command.Name}";
}
