using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extract.Tests.Page;

/// <summary>
/// Golden page cases: each corpus/&lt;case&gt;/source.html against expected.json, holding the page-level fields
/// (title, outlet, publishedAt, authors, editors, body, isArticle). EXTRACT_UPDATE_GOLDEN=1 rewrites the files.
/// </summary>
public sealed class PageGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepoPaths.Root, "corpus")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "source.html")))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Page_fields_match_the_golden_file(string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "corpus", name);
        var result = ArticleExtractor.Default.Extract(ArticleSource.FromBytes(name, File.ReadAllBytes(Path.Combine(dir, "source.html")), isHtml: true));
        result.IsSuccess.Should().BeTrue(result.Error);
        var article = result.Article!;
        var actual = new JsonObject
        {
            ["title"] = article.Title,
            ["outlet"] = article.Outlet,
            ["publishedAt"] = article.PublishedAt,
            ["authors"] = new JsonArray([.. article.Authors.Select(a => (JsonNode)a!)]),
            ["editors"] = new JsonArray([.. article.Editors.Select(a => (JsonNode)a!)]),
            ["body"] = article.Body,
            ["isArticle"] = article.IsArticle,
        };
        var text = actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var expectedPath = Path.Combine(dir, "expected.json");
        if (Environment.GetEnvironmentVariable("EXTRACT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, text);
        }

        JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(expectedPath)), JsonNode.Parse(text)).Should().BeTrue($"{name} changed:\n{text}");
    }
}
