using Extract.Recognition.Achievements;
using Extract.Recognition.Names;

namespace Extract.Tests.Recognition.Achievements;

/// <summary>The per-document indexes ActorResolver builds so that a long document costs its length, not its square.</summary>
public sealed class ActorResolverIndexTests
{
    [Fact]
    public void A_span_is_held_only_by_a_longer_span_around_it()
    {
        // 紫荆湾社区 [0,5) inside 紫荆湾社区党委 [0,7); 党委 [5,7) inside it too; a twin [10,12) twice is held by neither
        // copy; [9,13) holds the twins; [12,15) crosses [9,13) and is held by nothing.
        TextSpan[] spans = [new(0, 5), new(0, 7), new(5, 7), new(10, 12), new(10, 12), new(9, 13), new(12, 15)];

        NameText.HeldByLonger(spans).Should().Equal(true, false, true, true, true, false, false);
        NameText.HeldByLonger([new(3, 6), new(3, 6)]).Should().Equal(false, false);
        NameText.HeldByLonger([]).Should().BeEmpty();
    }

    [Fact]
    public void The_held_spans_are_those_the_pairwise_definition_gives()
    {
        var random = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            var spans = Enumerable.Range(0, random.Next(0, 30)).Select(_ =>
            {
                var start = random.Next(0, 20);
                return new TextSpan(start, start + random.Next(1, 6));
            }).ToArray();
            var pairwise = spans.Select(r => spans.Any(o => o.Start <= r.Start && r.End <= o.End && o.Length > r.Length));

            NameText.HeldByLonger(spans).Should().Equal(pairwise);
        }
    }

    [Fact]
    public void Breaks_before_counts_each_break_character_once_at_every_position()
    {
        var before = BodyBreaks.Before("甲，乙。丙，", ['，', '。']);

        before.Should().Equal(0, 0, 1, 1, 2, 2, 3);
    }

    [Fact]
    public void Body_breaks_answer_as_a_scan_back_to_the_last_break_would()
    {
        var random = new Random(11);
        var alphabet = "甲乙，。；！,:：\n其中";
        for (var round = 0; round < 40; round++)
        {
            var body = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var breaks = new BodyBreaks(body);
            for (var position = 0; position <= body.Length; position++)
            {
                breaks.SentenceStart(position).Should().Be(ScanBack(body, BodyBreaks.Sentence, position));
                breaks.ClauseStart(position).Should().Be(ScanBack(body, BodyBreaks.Clause, position));
                var start = random.Next(0, position + 1);
                breaks.Sentences(start, position).Should().Be(body[start..position].Count(c => BodyBreaks.Sentence.Contains(c)));
                breaks.Clauses(start, position).Should().Be(body[start..position].Count(c => BodyBreaks.Clause.Contains(c)));
                breaks.Commas(start, position).Should().Be(body[start..position].Count(c => c is '，' or ','));
            }
        }

        static int ScanBack(string text, char[] set, int position) =>
            position <= 0 ? 0 : text.LastIndexOfAny(set, position - 1) + 1;
    }
}
