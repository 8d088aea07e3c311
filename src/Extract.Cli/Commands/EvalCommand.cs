using System.CommandLine;
using Extract.Evaluation;

namespace Extract.Cli.Commands;

/// <summary><c>extract eval --gold DIR [--verbose]</c>: per-field scores against a folder of NAME.txt + NAME.gold.json.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Folder of NAME.txt|html + NAME.gold.json (+ optional meta.json)", Required = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Per-article misses and spurious items" };
        var command = new Command("eval", "Score the extractor against annotated articles (ANNOTATION.md)") { gold, verbose };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse.GetValue(gold)!, parse.GetValue(verbose), Console.Out, Console.Error, cancellationToken)));
        return command;
    }

    internal static int Run(string goldDirectory, bool verbose, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            var cases = GoldSet.Load(goldDirectory);
            if (cases.IsEmpty)
            {
                stderr.WriteLine($"extract eval: no NAME.gold.json files in {goldDirectory}");
                return 1;
            }

            var report = GoldEvaluator.Evaluate(ArticleExtractor.Default, cases, cancellationToken);
            stdout.Write(report.Format(verbose));
            return 0;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            stderr.WriteLine($"extract eval: {e.Message}");
            return 2;
        }
    }
}
