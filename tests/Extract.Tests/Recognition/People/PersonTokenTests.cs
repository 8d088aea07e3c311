using Extract.Recognition;
using Extract.Recognition.People;
using Extract.Tokens;
using Extract.Calendar;

namespace Extract.Tests.Recognition.People;

public sealed class PersonTokenTests
{
    [Fact]
    public void Segmenter_nr_tag_is_evidence_when_tokens_are_present()
    {
        const string text = "昨天钱志远来到村里。";
        var tokens = new WordToken[] { new("昨天", "t", 0, 2), new("钱志远", "nr", 2, 5), new("来到", "v", 5, 7), new("村里", "s", 7, 9), new("。", "x", 9, 10) };
        var document = new DocumentText(text, [new TextSpan(0, text.Length)], [.. tokens], ReferenceDates.Create(null, null, null, null));

        var people = new PersonRecognizer().Recognize(document, Mentions.Empty, CancellationToken.None).People;

        people.Select(p => (p.Name, p.Span)).Should().Equal(("钱志远", (TextSpan?)new TextSpan(2, 5)));
    }

    [Fact]
    public void Without_tokens_or_context_a_bare_name_is_not_guessed()
    {
        EntityPipeline.Run("昨天钱志远来到村里。").People.Should().BeEmpty();
    }
}
