using System.Globalization;
using System.Text.Json;
using Extract.Json;
using Extract.Recognition.Tagging;
using Extract.Text;

namespace Extract.Training.Ner;

/// <summary>
/// <c>eval-ner-cli --msra testright1.txt --write FILE.jsonl</c> writes one <c>{"id","text"}</c> document per MSRA test
/// sentence, as a new user would feed the <c>extract</c> tool; <c>eval-ner-cli --msra testright1.txt --records OUT.jsonl</c>
/// scores the tool's records against the sentences' gold. A sentence often becomes the record's title, so every mention
/// counts, in the title or the body. The match is by surface form and type per document (the tool's offsets index its
/// normalised title and body, not the sentence): each gold name matches at most one predicted mention of the same
/// normalised text and type. Research data: read, never shipped.
/// </summary>
internal static class EvalNerCliCommand
{
    public static int Run(string[] args)
    {
        var path = CommandArgs.Option(args, "--msra") ?? "../shared/data/msra-ner/original/testright1.txt";
        var sentences = NerCorpus.ReadMsra(path);
        if (CommandArgs.Option(args, "--write") is { } output)
        {
            using var writer = new StreamWriter(output);
            for (var i = 0; i < sentences.Count; i++)
            {
                writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = Id(i), ["text"] = sentences[i].Text }));
            }

            Console.WriteLine($"{sentences.Count} documents written to {output}");
            return 0;
        }

        if (CommandArgs.Option(args, "--records") is not { } records)
        {
            Console.Error.WriteLine("usage: eval-ner-cli [--msra FILE] (--write OUT.jsonl | --records EXTRACT_OUTPUT.jsonl)");
            return 2;
        }

        var byId = new Dictionary<string, Article>(StringComparer.Ordinal);
        var errors = 0;
        foreach (var line in File.ReadLines(records))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("error", out _))
            {
                errors++;
                continue;
            }

            var article = ArticleJson.Deserialize(line);
            byId[article.Id] = article;
        }

        var counts = new Dictionary<NameType, ScoreSeedsCommand.Counts>();
        int emptyBody = 0, missing = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var gold = sentence.Names.Select(n => (Key(sentence.Text[n.Span.Start..n.Span.End]), n.Type)).ToList();
            if (!byId.TryGetValue(Id(i), out var article))
            {
                missing++;
                Add(counts, [], gold);
                continue;
            }

            emptyBody += article.Body.Length == 0 ? 1 : 0;
            Add(counts, [.. Predicted(article)], gold);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"MSRA NER test through the tool ({Path.GetFileName(path)}): {sentences.Count} documents, {byId.Count} records, {errors} errors, {missing} missing, {emptyBody} with an empty body"));
        NerScoring.Print("by surface form and type per document, title and body", counts);
        return 0;
    }

    private static string Id(int index) => string.Create(CultureInfo.InvariantCulture, $"msra-{index:D5}");

    private static string Key(string text) => TextNormalizer.Normalize(text).Text.Replace(" ", "", StringComparison.Ordinal);

    // Every mention of every name, in the title or the body, as (surface, type).
    private static IEnumerable<(string Text, NameType Type)> Predicted(Article article)
    {
        IEnumerable<(string, NameType)> Of(string name, IEnumerable<TextSpan> body, IEnumerable<TextSpan> title, NameType type) =>
            body.Select(s => (Key(article.Body[s.Start..s.End]), type))
                .Concat(title.Select(s => (Key(article.Title![s.Start..s.End]), type)));
        return article.People.SelectMany(p => Of(p.Name, p.Mentions, p.TitleMentions, NameType.Person))
            .Concat(article.Organizations.SelectMany(o => Of(o.Name, o.Mentions, o.TitleMentions, NameType.Organization)))
            .Concat(article.Places.SelectMany(p => Of(p.Name, p.Mentions, p.TitleMentions, NameType.Location)));
    }

    // Multiset match per type: each gold (text, type) consumes one equal prediction.
    private static void Add(Dictionary<NameType, ScoreSeedsCommand.Counts> counts, List<(string Text, NameType Type)> predicted, List<(string Text, NameType Type)> gold)
    {
        foreach (var type in NerScoring.Types)
        {
            var left = predicted.Where(p => p.Type == type).GroupBy(p => p.Text).ToDictionary(g => g.Key, g => g.Count());
            var want = gold.Where(g => g.Type == type).ToList();
            var correct = 0;
            foreach (var (text, _) in want)
            {
                if (left.TryGetValue(text, out var n) && n > 0)
                {
                    left[text] = n - 1;
                    correct++;
                }
            }

            counts[type] = counts.GetValueOrDefault(type).Add(correct, predicted.Count(p => p.Type == type), want.Count);
        }
    }
}
