using Extract.Recognition;
using Extract.Recognition.Dates;
using Extract.Recognition.Numbers;
using Extract.Calendar;

namespace Extract.Tests.Recognition.Numbers;

public sealed class QuantityRecognizerTests
{
    [Fact]
    public void Dates_are_not_quantities()
    {
        const string body = "11月4日至5日，派出12名志愿者，工作10个小时。";
        var document = new DocumentText(body, [new TextSpan(0, body.Length)], [], new ReferenceDates(new DateOnly(2022, 11, 20), null, null, null));
        var withDates = new DateRecognizer().Recognize(document, Mentions.Empty, CancellationToken.None);

        var quantities = new QuantityRecognizer().Recognize(document, withDates, CancellationToken.None).Quantities;

        quantities.Select(q => (q.Span, q.Text, q.Value, q.Unit)).Should().Equal(
            (new TextSpan(11, 14), "12名", 12m, "名"),
            (new TextSpan(20, 25), "10个小时", 10m, "小时"));
    }
}
