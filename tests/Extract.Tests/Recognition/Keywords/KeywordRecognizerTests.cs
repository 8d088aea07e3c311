using Extract.Recognition;
using Extract.Recognition.Keywords;
using Extract.Segmentation;
using Extract.Calendar;

namespace Extract.Tests.Recognition.Keywords;

public sealed class KeywordRecognizerTests
{
    private static DocumentText Document(string body) =>
        new(body, [new TextSpan(0, body.Length)], [], new ReferenceDates(null, null, null, null));

    [Fact]
    public void Keeps_topic_words_and_drops_numbers()
    {
        const string body = "11月2日,志愿者上门采集核酸。11日,志愿者继续开展核酸检测,志愿者配送物资11份。";
        var keywords = new KeywordRecognizer(TfidfExtractor.Default, 5).Recognize(Document(body), Mentions.Empty, CancellationToken.None).Keywords;
        keywords.Should().Contain("志愿者").And.Contain("核酸");
        keywords.Should().OnlyContain(k => k.Any(char.IsLetter));
        keywords.Length.Should().BeLessThanOrEqualTo(5);
    }

    [Fact]
    public void Zero_count_gives_no_keywords()
    {
        new KeywordRecognizer(TfidfExtractor.Default, 0).Recognize(Document("志愿者上门采集核酸。"), Mentions.Empty, CancellationToken.None)
            .Keywords.Should().BeEmpty();
    }
}
