using Extract.Evaluation;
using Extract.Recognition;
using Extract.Recognition.Tagging;

namespace Extract.Training.Ner;

/// <summary>
/// Annotated articles (NAME.txt + NAME.gold.json, ANNOTATION.md) as tagger training sentences: each article through the
/// product's stages 1–4 (the text the tagger reads at run time), cut into the tagger's sentences, and every occurrence
/// of a gold surface labelled with its type — longest first, so an organisation keeps the places written inside it
/// (MSRA's convention for the tagger; the record's places inside organisations come from the rule layer). People need
/// two characters or more; an occurrence that overlaps a longer one already labelled is left out.
/// </summary>
internal static class ArticleSentences
{
    public static List<NerSentence> Read(string directory)
    {
        var preparer = new ArticleExtractor(ExtractorOptions.Default with { Entities = EntityStrategy.Rules, MaxDegreeOfParallelism = 1 });
        var sentences = new List<NerSentence>();
        foreach (var gold in GoldSet.Load(directory))
        {
            sentences.AddRange(FromArticle(preparer, gold));
        }

        return sentences;
    }

    public static IEnumerable<NerSentence> FromArticle(ArticleExtractor preparer, GoldCase gold)
    {
        var (_, document) = preparer.Prepare(gold.Source(), CancellationToken.None);
        var surfaces = gold.Gold.People.Select(p => (Text: p.Name, Type: NameType.Person))
            .Concat(gold.Gold.Organizations.Select(o => (Text: o, Type: NameType.Organization)))
            .Concat(gold.Gold.Places.Select(p => (Text: p, Type: NameType.Location)))
            .Where(s => s.Text.Length >= (s.Type == NameType.Person ? 2 : 1))
            .DistinctBy(s => s.Text)
            .OrderByDescending(s => s.Text.Length)
            .ToList();
        var text = document.Body;
        foreach (var paragraph in document.Paragraphs)
        {
            foreach (var sentence in NameTagRecognizer.Sentences(text, paragraph))
            {
                var piece = text.Substring(sentence.Start, sentence.Length);
                yield return new NerSentence(piece, Label(piece, surfaces));
            }
        }
    }

    /// <summary>Every occurrence of the surfaces in <paramref name="sentence"/>, longest first, none overlapping.</summary>
    public static List<(TextSpan Span, NameType Type)> Label(string sentence, IReadOnlyList<(string Text, NameType Type)> surfaces)
    {
        var taken = new bool[sentence.Length];
        var names = new List<(TextSpan Span, NameType Type)>();
        foreach (var (surface, type) in surfaces)
        {
            for (var at = sentence.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                if (Array.IndexOf(taken, true, at, surface.Length) >= 0)
                {
                    continue;
                }

                Array.Fill(taken, true, at, surface.Length);
                names.Add((new TextSpan(at, at + surface.Length), type));
            }
        }

        names.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return names;
    }
}
