using System.CommandLine;
using Extract.Segmentation;
using Extract.Segmentation.Cli;

namespace Extract.Cli.Commands;

/// <summary><c>extract segment</c> (stdin lines → tokens) and <c>extract eval-seg</c> (SIGHAN 2005 scores).</summary>
internal static class SegmentCommands
{
    public static Command Segment()
    {
        var pos = new Option<bool>("--pos") { Description = "Write word/tag" };
        var mode = new Option<string>("--mode") { Description = "default, search or full", DefaultValueFactory = _ => "default" };
        mode.AcceptOnlyFromAmong("default", "search", "full");
        var noHmm = new Option<bool>("--no-hmm") { Description = "Dictionary words only, no HMM for unknown words" };
        var command = new Command("segment", "Segment standard-input lines into space-separated tokens (Jieba-compatible)") { pos, mode, noHmm };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(pos) && parse.GetValue(mode) != "default")
            {
                Console.Error.WriteLine("extract segment: --pos works with --mode default only");
                return Task.FromResult(Program.UserError);
            }

            Console.InputEncoding = System.Text.Encoding.UTF8;
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false));
            SegmentRunner.Run(Console.In, stdout, parse.GetValue(pos), parse.GetValue(mode)!, !parse.GetValue(noHmm), ct);
            return Task.FromResult(0);
        });
        return command;
    }

    public static Command EvalSeg()
    {
        var data = new Option<string>("--data") { Description = "The SIGHAN 2005 data set's folder (testing/, gold/)", Required = true };
        var noHmm = new Option<bool>("--no-hmm") { Description = "Dictionary words only" };
        var command = new Command("eval-seg", "Score segmentation on the SIGHAN 2005 PKU and MSR test sets") { data, noHmm };
        command.SetAction(parse => EvaluateSighan(parse.GetValue(data)!, !parse.GetValue(noHmm), Console.Out, Console.Error));
        return command;
    }

    internal static int EvaluateSighan(string dir, bool hmm, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(dir))
        {
            stderr.WriteLine($"extract eval-seg: not found: {dir}");
            return Program.UserError;
        }

        SighanScorer.WriteReport(dir, stdout, JiebaSegmenter.Default, hmm);
        return 0;
    }
}
