using System.Text.Json;
using Extract.Json;

namespace Extract.Tests.Json;

public sealed class ArticleJsonTests
{
    private static Article Sample() => new()
    {
        Id = "a1",
        Url = "http://example.cn/2022-03/24/c_1.htm",
        Title = "标题",
        Outlet = "永州日报",
        PublishedAt = "2022-03-20T18:39",
        Authors = ["彭沛", "黎俊"],
        Editors = ["陈小婷"],
        Body = "蒋文锋在市司法局工作。\n第二段",
        Removed = ["当前位置:"],
        Keywords = ["司法"],
        People = [new Person { Name = "蒋文锋", Roles = ["科长"], Organization = "市司法局", Mentions = [new TextSpan(0, 3)] }],
        Organizations = [new Organization { Name = "市司法局", Kind = OrganizationKind.Government, Mentions = [new TextSpan(4, 8)] }],
        Places = [new Place { Name = "零陵区", Level = PlaceLevel.County, Code = "431102", Path = ["湖南省", "永州市", "零陵区"] }],
        Dates =
        [
            new DateMention { Text = "2022-03-20", Value = "2022-03-20", Span = null },
            new DateMention { Text = "11月2日", Value = "2022-11-02", Span = new TextSpan(57, 62) },
        ],
        Achievements = [new Achievement { Text = "采集核酸5463人次", Value = 5463, Unit = "人次", Actor = "蒋文锋", Action = "采集核酸", Span = new TextSpan(1, 11) }],
    };

    [Fact]
    public void Writes_the_contract_field_names_in_order()
    {
        var json = ArticleJson.Serialize(Sample());
        using var document = JsonDocument.Parse(json);
        document.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(
            "schema", "id", "url", "title", "outlet", "publishedAt", "authors", "editors", "body", "removed",
            "keywords", "people", "organizations", "places", "dates", "achievements");
        document.RootElement.GetProperty("schema").GetString().Should().Be("extract.article/1");
    }

    [Fact]
    public void Writes_mentions_as_pairs_and_metadata_dates_with_null_offsets()
    {
        using var document = JsonDocument.Parse(ArticleJson.Serialize(Sample()));
        var root = document.RootElement;
        root.GetProperty("people")[0].GetProperty("mentions")[0].EnumerateArray().Select(e => e.GetInt32()).Should().Equal(0, 3);
        root.GetProperty("organizations")[0].GetProperty("kind").GetString().Should().Be("government");
        root.GetProperty("places")[0].GetProperty("level").GetString().Should().Be("county");
        root.GetProperty("dates")[0].GetProperty("start").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("dates")[1].GetProperty("start").GetInt32().Should().Be(57);
        root.GetProperty("achievements")[0].GetProperty("value").GetDecimal().Should().Be(5463);
    }

    [Fact]
    public void Writes_null_for_unknown_values_and_empty_lists_for_empty_collections()
    {
        using var document = JsonDocument.Parse(ArticleJson.Serialize(new Article { Id = "x" }));
        var root = document.RootElement;
        foreach (var name in new[] { "url", "title", "outlet", "publishedAt" })
        {
            root.GetProperty(name).ValueKind.Should().Be(JsonValueKind.Null, name);
        }

        foreach (var name in new[] { "authors", "editors", "removed", "keywords", "people", "organizations", "places", "dates", "achievements" })
        {
            root.GetProperty(name).GetArrayLength().Should().Be(0, name);
        }

        root.GetProperty("body").GetString().Should().BeEmpty();
        root.TryGetProperty("isArticle", out _).Should().BeFalse("the flag is written only for non-articles");
    }

    [Fact]
    public void Writes_chinese_unescaped()
    {
        ArticleJson.Serialize(Sample()).Should().Contain("永州日报").And.NotContain("\\u");
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var original = Sample();
        var json = ArticleJson.Serialize(original);
        var back = ArticleJson.Deserialize(json);
        ArticleJson.Serialize(back).Should().Be(json);
        back.Should().BeEquivalentTo(original);
    }

    [Fact]
    public void Round_trips_a_non_article_flag()
    {
        var json = ArticleJson.Serialize(new Article { Id = "list", IsArticle = false });
        json.Should().Contain("\"isArticle\":false");
        ArticleJson.Deserialize(json).IsArticle.Should().BeFalse();
    }

    [Fact]
    public void Rejects_another_schema()
    {
        var act = () => ArticleJson.Deserialize("""{"schema":"other/1","id":"x"}""");
        act.Should().Throw<JsonException>().WithMessage("*other/1*");
    }

    [Fact]
    public void Writes_error_lines()
    {
        using var document = JsonDocument.Parse(ArticleJson.SerializeError("doc-7", "input too large"));
        document.RootElement.GetProperty("id").GetString().Should().Be("doc-7");
        document.RootElement.GetProperty("error").GetString().Should().Be("input too large");
    }

    [Fact]
    public void Title_mentions_are_written_only_when_there_are_some_and_read_back()
    {
        var plain = ArticleJson.Serialize(Sample());
        plain.Should().NotContain("titleMentions").And.NotContain("titleSpan");

        var withTitle = Sample() with
        {
            People = [new Person { Name = "蒋文锋", TitleMentions = [new TextSpan(0, 3)] }],
            Dates = [new DateMention { Text = "11月2日", Value = "2022-11-02", TitleSpan = new TextSpan(3, 8) }],
            Achievements = [new Achievement { Text = "采集核酸5463人次", Value = 5463, Unit = "人次", TitleSpan = new TextSpan(0, 10) }],
        };
        var json = ArticleJson.Serialize(withTitle);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("people")[0].GetProperty("mentions").GetArrayLength().Should().Be(0);
        root.GetProperty("people")[0].GetProperty("titleMentions")[0].EnumerateArray().Select(e => e.GetInt32()).Should().Equal(0, 3);
        root.GetProperty("dates")[0].GetProperty("start").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("dates")[0].GetProperty("titleSpan").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(3, 8);

        var read = ArticleJson.Deserialize(json);
        read.People[0].TitleMentions.Should().Equal(new TextSpan(0, 3));
        read.Dates[0].TitleSpan.Should().Be(new TextSpan(3, 8));
        read.Dates[0].Span.Should().BeNull();
        read.Achievements[0].TitleSpan.Should().Be(new TextSpan(0, 10));
    }

    [Fact]
    public void A_record_written_before_title_mentions_existed_reads_with_none()
    {
        var old = """{"schema":"extract.article/1","id":"a","url":null,"title":"t","outlet":null,"publishedAt":null,"authors":[],"editors":[],"body":"蒋文锋","removed":[],"keywords":[],"people":[{"name":"蒋文锋","roles":[],"organization":null,"mentions":[[0,3]]}],"organizations":[],"places":[],"dates":[{"text":"x","value":"2022-01-01","start":null,"end":null}],"achievements":[]}""";
        var read = ArticleJson.Deserialize(old);
        read.People[0].TitleMentions.Should().BeEmpty();
        read.People[0].Mentions.Should().Equal(new TextSpan(0, 3));
        read.Dates[0].TitleSpan.Should().BeNull();
    }
}
