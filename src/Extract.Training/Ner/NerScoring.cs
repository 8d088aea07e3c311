using Extract.Recognition;
using Extract.Recognition.Tagging;

namespace Extract.Training.Ner;

/// <summary>Exact-span scoring of name spans per type, and the table the NER commands print.</summary>
internal static class NerScoring
{
    public static readonly NameType[] Types = [NameType.Person, NameType.Location, NameType.Organization];

    public static string Label(NameType type) => type switch
    {
        NameType.Person => "PER",
        NameType.Location => "LOC",
        _ => "ORG",
    };

    /// <summary>Adds one sentence's predictions against its gold to <paramref name="counts"/> (per type).</summary>
    public static void Add(Dictionary<NameType, ScoreSeedsCommand.Counts> counts, IEnumerable<(TextSpan Span, NameType Type)> predicted, IEnumerable<(TextSpan Span, NameType Type)> gold)
    {
        var got = predicted.ToHashSet();
        var want = gold.ToHashSet();
        foreach (var type in Types)
        {
            var g = got.Where(p => p.Type == type).ToList();
            var w = want.Count(p => p.Type == type);
            var current = counts.GetValueOrDefault(type);
            counts[type] = current.Add(g.Count(want.Contains), g.Count, w);
        }
    }

    /// <summary>Tags every sentence with <paramref name="tagger"/> (the product's path: POS cut, features, Viterbi).</summary>
    public static Dictionary<NameType, ScoreSeedsCommand.Counts> Score(IReadOnlyList<NerSentence> sentences, NameTagger tagger, TextWriter? errors = null)
    {
        var counts = new Dictionary<NameType, ScoreSeedsCommand.Counts>();
        foreach (var sentence in sentences)
        {
            var names = tagger.Tag(sentence.Text, 0, sentence.Text.Length, TrainNerCommand.Tokens(sentence.Text)).Select(n => (n.Span, n.Type)).ToList();
            Add(counts, names, sentence.Names);
            if (errors is not null)
            {
                WriteErrors(errors, sentence, names);
            }
        }

        return counts;
    }

    /// <summary>One line per false positive (FP) and false negative (FN), with the sentence around it.</summary>
    public static void WriteErrors(TextWriter errors, NerSentence sentence, List<(TextSpan Span, NameType Type)> predicted)
    {
        var gold = sentence.Names.ToHashSet();
        foreach (var (kind, list) in new[] { ("FP", predicted.Where(p => !gold.Contains(p))), ("FN", sentence.Names.Where(g => !predicted.Contains(g))) })
        {
            foreach (var (span, type) in list)
            {
                var left = sentence.Text[Math.Max(0, span.Start - 8)..span.Start];
                var right = sentence.Text[span.End..Math.Min(sentence.Text.Length, span.End + 8)];
                errors.WriteLine($"{kind}\t{Label(type)}\t{sentence.Text[span.Start..span.End]}\t{left}[{sentence.Text[span.Start..span.End]}]{right}");
            }
        }
    }

    /// <summary>Precision and recall of the names whose margin is at least t, for a range of t: how far margins rank names.</summary>
    public static void PrintMargins(string title, IReadOnlyList<NerSentence> sentences, NameTagger tagger)
    {
        var names = new List<(float Margin, bool Correct)>();
        var gold = 0;
        foreach (var sentence in sentences)
        {
            var want = sentence.Names.ToHashSet();
            gold += want.Count;
            names.AddRange(tagger.Tag(sentence.Text, 0, sentence.Text.Length, TrainNerCommand.Tokens(sentence.Text))
                .Select(n => (n.Margin, want.Contains((n.Span, n.Type)))));
        }

        Console.WriteLine(title);
        var median = names.Count == 0 ? 0 : names.Select(n => n.Margin).Order().ElementAt(names.Count / 2);
        Console.WriteLine($"  median margin {median:F1}");
        foreach (var t in new[] { 0f, 1, 2, 5, 10, 20, 50, 100, 200 })
        {
            var kept = names.Where(n => n.Margin >= t).ToList();
            var correct = kept.Count(n => n.Correct);
            Console.WriteLine($"  t {t,5:F0}: kept {kept.Count,6}  P {(kept.Count == 0 ? 0 : (double)correct / kept.Count):F4}  R {(gold == 0 ? 0 : (double)correct / gold):F4}");
        }
    }

    public static void Print(string title, Dictionary<NameType, ScoreSeedsCommand.Counts> counts)
    {
        Console.WriteLine(title);
        Console.WriteLine($"{"type",-6} {"P",6} {"R",6} {"F1",6}   (tp/got/gold)");
        var total = new ScoreSeedsCommand.Counts();
        foreach (var type in Types)
        {
            var c = counts.GetValueOrDefault(type);
            total = total.Add(c.Correct, c.Got, c.Gold);
            Console.WriteLine($"{Label(type),-6} {c.Precision,6:F4} {c.Recall,6:F4} {c.F1,6:F4}   ({c.Correct}/{c.Got}/{c.Gold})");
        }

        Console.WriteLine($"{"all",-6} {total.Precision,6:F4} {total.Recall,6:F4} {total.F1,6:F4}   ({total.Correct}/{total.Got}/{total.Gold})");
    }
}
