using Extract.Decoding;
using Extract.Learning;
using Extract.Page;
using Extract.Text;
using Extract.Training.PageEvaluation;

namespace Extract.Training.PageLearning;

/// <summary>
/// Training rows of one gold page: its blocks' features (the library's own <see cref="PageBlockFeatures"/>, over the
/// layout the page stage sees) and labels from the gold text. A block is article text when most of its letters and
/// digits lie in runs of at least <see cref="Gram"/> characters that the gold main text also contains (a short block:
/// when the whole block is in the gold). Each page's weights sum to 100, spread over its blocks by their letters, so a
/// long page does not outweigh a short one and a misjudged paragraph costs what it costs the main-text score.
/// </summary>
internal static class PageRows
{
    private const int Gram = 6;
    private const float PageWeight = 100;

    public static List<PageBlockRow> Build(GoldPage page)
    {
        var options = ExtractorOptions.Default;
        var decoded = new DocumentDecoder().Decode(ArticleSource.FromBytes(page.Id, File.ReadAllBytes(page.HtmlPath), isHtml: true), options, CancellationToken.None);
        var rows = new List<PageBlockRow>();
        if (HtmlPageExtractor.Layout(decoded.Content, options, CancellationToken.None) is not { Lines.Length: > 0 } layout)
        {
            return rows;
        }

        var title = PageTitle.Choose(layout);
        var area = ContentScorer.Choose(layout, CancellationToken.None);
        var n = layout.Lines.Length;
        var features = new float[n * PageBlockFeatures.Count];
        PageBlockFeatures.Write(layout, title, area, features);

        var gold = Normalize(page.Text);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + Gram <= gold.Length; i++)
        {
            grams.Add(gold.Substring(i, Gram));
        }

        var totalChars = layout.Lines.Sum(l => l.Chars) + n;
        for (var i = 0; i < n; i++)
        {
            var line = layout.Lines[i];
            rows.Add(new PageBlockRow
            {
                Features = features.AsSpan(i * PageBlockFeatures.Count, PageBlockFeatures.Count).ToArray(),
                Label = InGold(Normalize(line.Text), gold, grams),
                Weight = PageWeight * (line.Chars + 1) / totalChars,
            });
        }

        return rows;
    }

    private static bool InGold(string text, string gold, HashSet<string> grams)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Length < Gram)
        {
            return gold.Contains(text, StringComparison.Ordinal);
        }

        var covered = new bool[text.Length];
        for (var i = 0; i + Gram <= text.Length; i++)
        {
            if (grams.Contains(text.Substring(i, Gram)))
            {
                Array.Fill(covered, true, i, Gram);
            }
        }

        return covered.Count(c => c) * 2 > text.Length;
    }

    /// <summary>Letters and digits only, width-folded and lower-cased, as the main-text score counts them.</summary>
    internal static string Normalize(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            var mapped = TextNormalizer.Map(c);
            if (char.IsLetterOrDigit(mapped))
            {
                builder.Append(char.ToLowerInvariant(mapped));
            }
        }

        return builder.ToString();
    }
}
