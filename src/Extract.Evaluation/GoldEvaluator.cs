using System.Collections.Immutable;

namespace Extract.Evaluation;

/// <summary>Runs an extractor over a gold set and scores every case.</summary>
internal static class GoldEvaluator
{
    public static EvalReport Evaluate(ArticleExtractor extractor, ImmutableArray<GoldCase> cases, CancellationToken cancellationToken = default)
    {
        var scores = ImmutableArray.CreateBuilder<ArticleScore>(cases.Length);
        var failures = ImmutableArray.CreateBuilder<(string, string, string)>();
        foreach (var gold in cases)
        {
            var result = extractor.Extract(gold.Source(), cancellationToken);
            if (!result.IsSuccess)
            {
                failures.Add((gold.Id, result.ErrorKind is { } kind ? Json.ArticleJson.Name(kind) : "error", result.Error ?? ""));
            }

            var article = result.Article ?? new Article { Id = gold.Id };
            var text = gold.SourcePath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? File.ReadAllText(gold.SourcePath) : null;
            scores.Add(GoldScorer.Score(article, gold.Gold, text));
        }

        return new EvalReport(scores.MoveToImmutable()) { Failures = failures.ToImmutable() };
    }
}
