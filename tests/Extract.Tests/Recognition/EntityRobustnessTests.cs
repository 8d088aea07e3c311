namespace Extract.Tests.Recognition;

public sealed class EntityRobustnessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_text_neither_throws_nor_reports_spans_outside_the_body(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "市区县镇乡村社区街道小区路党委支部书记主任王李张刘陈的了在和、，。“”《》()0123456789ab 新华朝阳永州零陵集团公司局科队员者说";
        var text = new string([.. Enumerable.Range(0, 20_000).Select(_ => alphabet[random.Next(alphabet.Length)])]);

        var mentions = EntityPipeline.Run(text);

        mentions.Places.Should().OnlyContain(p => p.Span.Start >= 0 && p.Span.End <= text.Length && text.Substring(p.Span.Start, p.Span.Length) == p.Name);
        mentions.Organizations.Should().OnlyContain(o => o.Span.End <= text.Length && text.Substring(o.Span.Start, o.Span.Length) == o.Name);
        mentions.People.Should().OnlyContain(p => p.Span!.Value.End <= text.Length && text.Substring(p.Span.Value.Start, p.Span.Value.Length) == p.Name);
    }
}
