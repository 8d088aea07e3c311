using System.CommandLine;
using Extract.Evaluation;

namespace Extract.Cli.Commands;

/// <summary><c>extract eval --gold DIR [--verbose] [--entities learned|merged|rules|tagger]</c>: per-field scores against a folder of NAME.txt + NAME.gold.json.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Folder of NAME.txt|html + NAME.gold.json (+ optional meta.json)", Required = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Per-article misses and spurious items" };
        var entities = CliOptions.Entities("Which entity layer to score");
        var command = new Command("eval", "Score the extractor against annotated articles (ANNOTATION.md)") { gold, verbose, entities };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse.GetValue(gold)!, parse.GetValue(verbose), Console.Out, Console.Error, cancellationToken, CliOptions.Parse(parse.GetValue(entities), ExtractorOptions.Default.Entities))));
        return command;
    }

    internal static int Run(string goldDirectory, bool verbose, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, EntityStrategy? entities = null)
    {
        try
        {
            var cases = GoldSet.Load(goldDirectory);
            if (cases.IsEmpty)
            {
                stderr.WriteLine($"extract eval: no NAME.gold.json files in {goldDirectory}");
                return Program.UserError;
            }

            var extractor = entities is not { } chosen || chosen == ExtractorOptions.Default.Entities ? ArticleExtractor.Default : new ArticleExtractor(ExtractorOptions.Default with { Entities = chosen });
            var report = GoldEvaluator.Evaluate(extractor, cases, cancellationToken);
            stdout.Write(report.Format(verbose));
            foreach (var (id, kind, message) in report.Failures)
            {
                stderr.WriteLine($"extract eval: {id} failed ({kind}): {message}");
            }

            // As for extraction: 4 when some documents failed (their figures count as empty records).
            return report.Failures.IsDefaultOrEmpty ? 0 : Program.SomeFailed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
        {
            stderr.WriteLine($"extract eval: {e.Message}");
            return 2;
        }
    }
}
