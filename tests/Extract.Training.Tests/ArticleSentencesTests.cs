using Extract.Evaluation;
using Extract.Recognition;
using Extract.Recognition.Tagging;
using Extract.Training.Ner;

namespace Extract.Training.Tests;

/// <summary>Annotated articles as tagger training sentences (text and gold written for the test).</summary>
public sealed class ArticleSentencesTests
{
    [Fact]
    public void Occurrences_are_labelled_longest_first_without_overlap()
    {
        (string, NameType)[] surfaces = [("零陵区税务局", NameType.Organization), ("零陵区", NameType.Location), ("蒋文锋", NameType.Person)];

        var names = ArticleSentences.Label("零陵区税务局党委书记蒋文锋到零陵区调研，蒋文锋说", surfaces);

        names.Should().Equal(
            (new TextSpan(0, 6), NameType.Organization),
            (new TextSpan(10, 13), NameType.Person),
            (new TextSpan(14, 17), NameType.Location),
            (new TextSpan(20, 23), NameType.Person));
    }

    [Fact]
    public void An_article_gives_the_taggers_sentences_with_its_gold_names_and_no_one_character_people()
    {
        var directory = Directory.CreateTempSubdirectory("article-sentences-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "x01.txt"), "城南街道开展志愿服务\n\n3月20日，城南街道组织志愿者走进幸福社区。社区书记王永芳说，江老师也来了。");
            File.WriteAllText(Path.Combine(directory.FullName, "x01.gold.json"), """
                {"id":"x01","publishedAt":null,"yearHint":2022,"title":"城南街道开展志愿服务","outlet":null,"authors":[],"editors":[],
                 "boilerplateLines":[],"people":[{"name":"王永芳","roles":["社区书记"]},{"name":"江","roles":[]}],
                 "organizations":[],"places":["城南街道","幸福社区"],"dates":[],"achievements":[]}
                """);
            var gold = GoldSet.Load(directory.FullName).Single();
            var preparer = new ArticleExtractor(ExtractorOptions.Default with { Entities = EntityStrategy.Rules });

            var sentences = ArticleSentences.FromArticle(preparer, gold).ToList();

            sentences.Should().HaveCountGreaterThan(1, "the body is cut into the tagger's sentences");
            var labelled = sentences.SelectMany(s => s.Names.Select(n => (s.Text[n.Span.Start..n.Span.End], n.Type))).ToList();
            labelled.Should().Contain(("王永芳", NameType.Person)).And.Contain(("幸福社区", NameType.Location)).And.Contain(("城南街道", NameType.Location));
            labelled.Should().NotContain(n => n.Item1 == "江", "a one-character person is never a name the record lists");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
