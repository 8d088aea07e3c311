using System.Collections.Immutable;
using Extract.Recognition;
using Extract.Recognition.Organizations;
using Extract.Recognition.People;
using Extract.Recognition.Places;

namespace Extract.Training;

/// <summary>
/// <c>eval-ner --msra testright1.txt [--limit N]</c>: runs the place, organisation and person recognisers over each
/// sentence of the MSRA NER test set (SIGHAN 2006 format, text/TAG chunks) and prints per-type precision, recall and F1
/// with exact span match (places → LOC, organisations → ORG, people → PER). Research data: read, never shipped.
/// </summary>
internal static class EvalNerCommand
{
    private static readonly string[] Types = ["PER", "LOC", "ORG"];

    public static int Run(string[] args)
    {
        var path = args.SkipWhile(a => a != "--msra").Skip(1).FirstOrDefault() ?? "../shared/data/msra-ner/original/testright1.txt";
        var limit = int.Parse(args.SkipWhile(a => a != "--limit").Skip(1).FirstOrDefault() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var showType = args.SkipWhile(a => a != "--show").Skip(1).FirstOrDefault();
        IRecognizer[] recognizers = [new PlaceRecognizer(), new OrganizationRecognizer(), new PersonRecognizer()];
        var counts = Types.ToDictionary(t => t, _ => new ScoreSeedsCommand.Counts(), StringComparer.Ordinal);
        var references = ReferenceDates.Create(null, null, null, null);
        var sentences = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (limit > 0 && sentences >= limit)
            {
                break;
            }

            var (text, gold) = Parse(line);
            if (text.Length == 0)
            {
                continue;
            }

            sentences++;
            var document = new DocumentText(text, [new TextSpan(0, text.Length)], [], references);
            var mentions = Mentions.Empty;
            foreach (var recognizer in recognizers)
            {
                mentions = recognizer.Recognize(document, mentions, CancellationToken.None);
            }

            var predicted = new HashSet<(int, int, string)>();
            predicted.UnionWith(mentions.Places.Select(p => (p.Span.Start, p.Span.End, "LOC")));
            predicted.UnionWith(mentions.Organizations.Select(o => (o.Span.Start, o.Span.End, "ORG")));
            predicted.UnionWith(mentions.People.Where(p => p.Span.HasValue).Select(p => (p.Span!.Value.Start, p.Span.Value.End, "PER")));
            foreach (var type in Types)
            {
                var got = predicted.Where(p => p.Item3 == type).ToHashSet();
                var want = gold.Where(g => g.Item3 == type).ToHashSet();
                counts[type] = counts[type].Add(got.Count(want.Contains), got.Count, want.Count);
                if (showType == type)
                {
                    foreach (var (s, e, _) in got.Except(want))
                    {
                        Console.WriteLine($"FP {type} {text[s..e]}");
                    }

                    foreach (var (s, e, _) in want.Except(got))
                    {
                        Console.WriteLine($"FN {type} {text[s..e]}");
                    }
                }
            }
        }

        Console.WriteLine($"MSRA NER test, {sentences} sentences, exact span match");
        Console.WriteLine($"{"type",-6} {"P",6} {"R",6} {"F1",6}   (tp/got/gold)");
        var total = new ScoreSeedsCommand.Counts();
        foreach (var type in Types)
        {
            var c = counts[type];
            total = total.Add(c.Correct, c.Got, c.Gold);
            Console.WriteLine($"{type,-6} {c.Precision,6:F3} {c.Recall,6:F3} {c.F1,6:F3}   ({c.Correct}/{c.Got}/{c.Gold})");
        }

        Console.WriteLine($"{"all",-6} {total.Precision,6:F3} {total.Recall,6:F3} {total.F1,6:F3}   ({total.Correct}/{total.Got}/{total.Gold})");
        if (CommandArgs.Option(args, "--model") is { } model)
        {
            using var errors = CommandArgs.Option(args, "--errors") is { } errorPath ? new StreamWriter(errorPath) : null;
            var tagger = new Recognition.Tagging.NameTagger(Recognition.Tagging.NameTagger.Load(File.OpenRead(model), model), Recognition.Tagging.TaggerResources.Default);
            var sentencesRead = Ner.NerCorpus.ReadMsra(path);
            Ner.NerScoring.Print("model only", Ner.NerScoring.Score(limit > 0 ? sentencesRead.Take(limit).ToList() : sentencesRead, tagger, errors));
        }

        return 0;
    }

    private static (string Text, ImmutableArray<(int, int, string)> Gold) Parse(string line)
    {
        var text = new System.Text.StringBuilder();
        var gold = ImmutableArray.CreateBuilder<(int, int, string)>();
        foreach (var chunk in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = chunk.LastIndexOf('/');
            if (slash <= 0)
            {
                continue;
            }

            var word = chunk[..slash];
            var type = chunk[(slash + 1)..] switch { "nr" => "PER", "ns" => "LOC", "nt" => "ORG", _ => null };
            if (type is not null)
            {
                gold.Add((text.Length, text.Length + word.Length, type));
            }

            text.Append(word);
        }

        return (text.ToString(), gold.ToImmutable());
    }
}
