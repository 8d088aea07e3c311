using System.Diagnostics;
using System.Globalization;
using Extract.Decoding;
using Extract.Learning;
using Extract.Page;
using Extract.Training.PageEvaluation;
using Extract.Layout;

namespace Extract.Training.PageLearning;

/// <summary>
/// <c>bench-page-model [--model FILE] DIR…</c> (gold sets, or any folders of .html pages): how long the page-block model takes to load (cold, in this process)
/// and, over the pages' walked layouts, the cost of the features alone and of scoring them three ways: pooled
/// prediction engines (what the library does), one engine per thread, and one batch Transform over an IDataView per page.
/// </summary>
internal static class BenchPageModelCommand
{
    public static int Run(string[] args)
    {
        var modelPath = CommandArgs.Option(args, "--model");
        var folders = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--model")).ToList();
        var load = Stopwatch.StartNew();
        var model = modelPath is null ? PageBlockModel.Default : PageTrainer.Load(File.ReadAllBytes(modelPath), modelPath);
        load.Stop();
        var again = Stopwatch.StartNew();
        using (var stream = Extract.Resources.EmbeddedResource.Open(PageBlockModel.ResourceName))
        {
            PageBlockModel.FromStream(stream, PageBlockModel.ResourceName);
        }

        again.Stop();
        var engine = Stopwatch.StartNew();
        model.Model.Return(model.Model.Rent());
        engine.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load (cold, first in process): {load.Elapsed.TotalMilliseconds:F0} ms; a second load (warm code): {again.Elapsed.TotalMilliseconds:F0} ms; first prediction engine: {engine.Elapsed.TotalMilliseconds:F0} ms"));

        var pages = new List<(PageLayout Layout, string? Title, ContentArea Area)>();
        var htmls = new List<string>();
        foreach (var page in folders.SelectMany(Pages))
        {
            var decoded = new DocumentDecoder().Decode(ArticleSource.FromBytes(page.Id, File.ReadAllBytes(page.HtmlPath), isHtml: true), ExtractorOptions.Default, CancellationToken.None);
            htmls.Add(decoded.Content);
            if (HtmlPageExtractor.Layout(decoded.Content, ExtractorOptions.Default, CancellationToken.None) is { } layout)
            {
                pages.Add((layout, PageTitle.Choose(layout), ContentScorer.Choose(layout, CancellationToken.None)));
            }
        }

        // Whole page runs (decode → page → text), the slowest pages with the model against the heuristic.
        var gold = folders.SelectMany(Pages).ToList();
        var withModel = PageRun.WithModel(model);
        var alone = PageRun.Heuristic();
        var costs = new List<(string Id, double Model, double Heuristic)>();
        foreach (var page in gold)
        {
            var bytes = File.ReadAllBytes(page.HtmlPath);
            double Best(PageRun run)
            {
                var best = double.MaxValue;
                for (var r = 0; r < 5; r++)
                {
                    var w = Stopwatch.StartNew();
                    run.Run(bytes, page.Url);
                    best = Math.Min(best, w.Elapsed.TotalMilliseconds);
                }

                return best;
            }

            costs.Add((page.Id, Best(withModel), Best(alone)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole page runs, best of 5 each: model {costs.Sum(c => c.Model):F0} ms, heuristic {costs.Sum(c => c.Heuristic):F0} ms for {costs.Count} pages"));
        foreach (var (id, m, h) in costs.OrderByDescending(c => c.Model - c.Heuristic).Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {id,-40} model {m,7:F1} ms  heuristic {h,7:F1} ms"));
        }

        var blocks = pages.Sum(p => p.Layout.Lines.Length);
        Console.WriteLine($"{pages.Count} pages, {blocks} blocks");
        var learned = new HtmlPageExtractor(model);
        var heuristicOptions = ExtractorOptions.Default with { UseLearnedPageBlocks = false };
        var index = 0;
        Time("page stage, heuristic alone", pages, blocks, _ => learned.Extract(htmls[index++ % htmls.Count], null, heuristicOptions, CancellationToken.None));
        index = 0;
        Time("page stage, model", pages, blocks, _ => learned.Extract(htmls[index++ % htmls.Count], null, ExtractorOptions.Default, CancellationToken.None));
        index = 0;
        Time("parse + walk + title + area", pages, blocks, _ =>
        {
            var layout = HtmlPageExtractor.Layout(htmls[index++ % htmls.Count], ExtractorOptions.Default, CancellationToken.None)!;
            PageTitle.Choose(layout);
            ContentScorer.Choose(layout, CancellationToken.None);
        });
        index = 0;
        Time("parse + walk + title + area + score", pages, blocks, _ =>
        {
            var layout = HtmlPageExtractor.Layout(htmls[index++ % htmls.Count], ExtractorOptions.Default, CancellationToken.None)!;
            model.Score(layout, PageTitle.Choose(layout), ContentScorer.Choose(layout, CancellationToken.None), CancellationToken.None);
        });
        Time("features only", pages, blocks, p =>
        {
            var buffer = new float[p.Layout.Lines.Length * PageBlockFeatures.Count];
            PageBlockFeatures.Write(p.Layout, p.Title, p.Area, buffer);
        });
        Time("features + pooled engines (library)", pages, blocks, p => model.Score(p.Layout, p.Title, p.Area, CancellationToken.None));
        using var perThread = new ThreadLocal<Microsoft.ML.PredictionEngine<PageBlockRow, BinaryScore>>(() => model.Model.Rent(), trackAllValues: false);
        Time("features + per-thread engine", pages, blocks, p =>
        {
            var buffer = new float[p.Layout.Lines.Length * PageBlockFeatures.Count];
            PageBlockFeatures.Write(p.Layout, p.Title, p.Area, buffer);
            var engine = perThread.Value!;
            var row = new PageBlockRow();
            var score = new BinaryScore();
            for (var i = 0; i < p.Layout.Lines.Length; i++)
            {
                buffer.AsSpan(i * PageBlockFeatures.Count, PageBlockFeatures.Count).CopyTo(row.Features);
                engine.Predict(row, ref score);
            }
        });
        Time("features + batch Transform per page", pages, blocks, p =>
        {
            var buffer = new float[p.Layout.Lines.Length * PageBlockFeatures.Count];
            PageBlockFeatures.Write(p.Layout, p.Title, p.Area, buffer);
            var rows = Enumerable.Range(0, p.Layout.Lines.Length).Select(i => new PageBlockRow { Features = buffer.AsSpan(i * PageBlockFeatures.Count, PageBlockFeatures.Count).ToArray() });
            foreach (var unused in model.Model.Transform(rows))
            {
            }
        });
        return 0;
    }

    /// <summary>A gold set's pages, or for any other folder every .html under it (no gold is needed to time).</summary>
    private static IReadOnlyList<GoldPage> Pages(string folder)
    {
        try
        {
            return GoldSets.Load(folder);
        }
        catch (InvalidOperationException)
        {
            return [.. Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new GoldPage(Path.GetFileName(folder), f, f, null, "", null, []))];
        }
    }

    private static void Time(string name, List<(PageLayout Layout, string? Title, ContentArea Area)> pages, int blocks, Action<(PageLayout Layout, string? Title, ContentArea Area)> action)
    {
        for (var pass = 0; pass < 3; pass++)
        {
            pages.ForEach(action);
        }

        var watch = Stopwatch.StartNew();
        var passes = 0;
        while (passes < 3 || watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            pages.ForEach(action);
            passes++;
        }

        var seconds = watch.Elapsed.TotalSeconds / passes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {seconds * 1000 / pages.Count,7:F2} ms/page {seconds * 1e6 / blocks,7:F2} µs/block {pages.Count / seconds,8:F0} pages/s"));
    }
}
