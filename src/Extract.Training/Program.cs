namespace Extract.Training;

/// <summary>Entry point of the training and data-compilation tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Extract.Training <command> [options]   (commands: compile-jieba, bench-seg, segment, eval-seg, eval-page)");
            return 2;
        }

        switch (args[0])
        {
            case "compile-jieba": return JiebaCompiler.Run(args[1..]);
            case "bench-seg": return SegBenchmark.Run(args[1..]);
            case "segment": return SegmentCommand.Run(args[1..]);
            case "eval-seg": return SegmentCommand.Evaluate(args[1..]);
            case "eval-page": return PageEvaluation.EvalPageCommand.Run(args[1..]);
        }

        Console.Error.WriteLine($"unknown command: {args[0]}");
        return 2;
    }
}
