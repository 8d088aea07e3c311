namespace Extract.Training;

/// <summary>Entry point of the training and data-compilation tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Extract.Training <command> [options]   (commands are added by the data and model issues)");
            return 2;
        }

        if (args[0] == "eval-page")
        {
            return PageEvaluation.EvalPageCommand.Run(args[1..]);
        }

        Console.Error.WriteLine($"unknown command: {args[0]}");
        return 2;
    }
}
