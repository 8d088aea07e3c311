using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Extract.Json;

namespace Extract.Tests.Robustness;

/// <summary>A text built from pieces that wake every recogniser (dates, quantities, names, markup, broken surrogates, long digit runs).</summary>
public sealed record Pieces(string Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text.Length > 200 ? $"{Text[..200]}… ({Text.Length} chars)" : Text;
}

/// <summary>The generators of the pipeline properties.</summary>
public static class HostileArbitraries
{
    private static readonly string[] Tokens =
    [
        "2022年", "11月2日", "3月28日-4月1日", "上午9点", "当天", "5人次", "1100余人次", "22.16万元", "第三名", "，", "。", "；", "\n", "、", "：",
        "志愿者", "服务群众", "朝阳区人民政府", "零陵区税务局", "党支部书记", "蒋文锋", "热依拉·吐尔逊", "他们", "累计", "来源：永州日报", "记者 彭沛",
        "<p>", "</p>", "<div class=\"TRS_Editor\">", "</div>", "<title>", "</title>", "<script>var a=1;</script>", "&amp;", "<br>",
        "\ud800", "\udc00", "\ud83d\ude00", "1234567890", "０１２", "一二三四五六七八九十", " ", "\t", "\u200b", "\0",
    ];

    /// <summary>Texts of 0 to a few hundred pieces, with now and then any UTF-16 code unit.</summary>
    public static Arbitrary<Pieces> PiecesArbitrary() =>
        Gen.Frequency(
                (9, Gen.Elements(Tokens)),
                (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())))
            .ListOf()
            .Select(parts => new Pieces(string.Concat(parts)))
            .ToArbitrary();
}

/// <summary>
/// Issue #20's invariants over any input: exactly one result with the given id; a failure has a kind and a message; every
/// offset lies inside the body and every date and achievement text is the body's slice; the same input gives the same
/// record twice.
/// </summary>
public sealed class PipelineProperties
{
    private static readonly ArticleExtractor Extractor = ArticleExtractor.Default;

    private static bool Holds(ExtractionResult result, string id)
    {
        if (result.Id != id)
        {
            return false;
        }

        if (!result.IsSuccess)
        {
            return result.ErrorKind is not null && !string.IsNullOrEmpty(result.Error) && result.Stage is not null;
        }

        var article = result.Article;
        var body = article.Body;
        bool Inside(TextSpan s) => 0 <= s.Start && s.Start <= s.End && s.End <= body.Length;
        return article.Dates.All(d => d.Span is not { } s || (Inside(s) && body[s.Start..s.End] == d.Text))
            && article.Achievements.All(a => a.Span is not { } s || (Inside(s) && body[s.Start..s.End] == a.Text))
            && article.People.All(p => p.Mentions.All(Inside))
            && article.Organizations.All(o => o.Mentions.All(Inside))
            && article.Places.All(p => p.Mentions.All(Inside))
            && body.Length <= Extractor.Options.MaxBodyLength;
    }

    [Property(MaxTest = 60)]
    public bool Any_string_as_text_gives_one_result_that_holds(string? text) =>
        Holds(Extractor.Extract(ArticleSource.FromText("t", text ?? "")), "t");

    [Property(MaxTest = 60)]
    public bool Any_string_as_html_gives_one_result_that_holds(string? html) =>
        Holds(Extractor.Extract(ArticleSource.FromHtml("h", html ?? "")), "h");

    [Property(MaxTest = 60)]
    public bool Any_bytes_give_one_result_that_holds(byte[]? bytes) =>
        Holds(Extractor.Extract(ArticleSource.FromBytes("b", bytes ?? [])), "b");

    [Property(MaxTest = 80, Arbitrary = [typeof(HostileArbitraries)])]
    public bool Recogniser_rich_text_gives_one_result_that_holds_and_is_deterministic(Pieces pieces)
    {
        var first = Extractor.Extract(ArticleSource.FromText("p", pieces.Text));
        var again = Extractor.Extract(ArticleSource.FromText("p", pieces.Text));
        return Holds(first, "p") && ArticleJson.Serialize(first) == ArticleJson.Serialize(again);
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(HostileArbitraries)])]
    public bool Recogniser_rich_html_and_its_utf8_bytes_give_one_result_that_holds(Pieces pieces)
    {
        var html = $"<html><body><div>{pieces.Text}</div></body></html>";
        return Holds(Extractor.Extract(ArticleSource.FromHtml("h", html)), "h")
            && Holds(Extractor.Extract(ArticleSource.FromBytes("b", System.Text.Encoding.UTF8.GetBytes(html))), "b");
    }
}
