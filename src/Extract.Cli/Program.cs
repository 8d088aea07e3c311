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
        return root.Parse(args).InvokeAsync();
    }
}
