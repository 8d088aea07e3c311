using Extract.Segmentation.Cli;

namespace Extract.Training;

/// <summary><c>segment [--pos] [--mode default|search|full] [--no-hmm]</c>: stdin lines to segmented stdout lines (for checks).</summary>
internal static class SegmentCommand
{
    public static int Run(string[] args)
    {
        var pos = args.Contains("--pos");
        var hmm = !args.Contains("--no-hmm");
        var i = Array.IndexOf(args, "--mode");
        var mode = i >= 0 && i + 1 < args.Length ? args[i + 1] : "default";
        Console.InputEncoding = System.Text.Encoding.UTF8;
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false));
        SegmentRunner.Run(Console.In, stdout, pos, mode, hmm, CancellationToken.None);
        return 0;
    }

    /// <summary><c>eval-seg --data DIR [--no-hmm]</c>: SIGHAN 2005 PKU and MSR scores (DIR = ../shared/data/sighan2005).</summary>
    public static int Evaluate(string[] args)
    {
        var i = Array.IndexOf(args, "--data");
        if (i < 0 || i + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: eval-seg --data <sighan2005 dir> [--no-hmm]");
            return 2;
        }

        var dir = args[i + 1];
        var hmm = !args.Contains("--no-hmm");
        SighanScorer.WriteReport(dir, Console.Out, hmm: hmm);
        return 0;
    }
}
