using Extract.Json;

namespace Extract.JiebaNet.Tests;

/// <summary>
/// jieba.NET 0.42.2 through <see cref="JiebaNetTokenizer"/> against Extract's built-in segmenter (the same algorithm and
/// dictionary), on the repository's corpus/entities articles: the records must be the same, but for documented
/// jieba.NET divergences.
/// </summary>
public sealed class JiebaNetTokenizerTests
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Extract.sln not found above " + AppContext.BaseDirectory);
    });

    private static global::JiebaNet.Segmenter.JiebaSegmenter NewJieba()
    {
        global::JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba-net");
        return new global::JiebaNet.Segmenter.JiebaSegmenter();
    }

    /// <summary>
    /// jieba.NET 0.42.2's posseg departs from Python jieba (which Extract's segmenter follows) in one place: a run of
    /// single characters that together form a dictionary word but were cut apart by the DAG (约/谈: 约谈 is in the
    /// dictionary but rarer than 约 and 谈) gets the tag <c>x</c> on every character (PosSegmenter.AddBufferToWordList),
    /// where Python's <c>posseg</c> gives each character its own tag (约/d 谈/v). Two smaller ones: a letters-and-digits
    /// word (G322) is <c>m</c>, not <c>eng</c> (its number regex is not anchored at the start, as Python's re.match is);
    /// words next to <c>·</c>/<c>%</c>/<c>-</c> are tagged from a longer block (3·15: 3/m, not 3/x; 买买提江·艾山:
    /// 江/ns, not 江/nr), since its block regex takes those characters in and Python's does not. The words are the same everywhere; an
    /// article whose tokens differ only that way may get a different record (an achievement's action that starts after
    /// the x-tagged characters), and every other article must get the same record.
    /// </summary>
    [Fact]
    public void Records_match_the_built_in_segmenter_on_the_entity_corpus_but_for_jieba_net_tag_divergences()
    {
        var files = Directory.GetFiles(Path.Combine(Root.Value, "corpus", "entities"), "*.txt").Order(StringComparer.Ordinal).ToList();
        files.Should().HaveCountGreaterThanOrEqualTo(100);
        var tokenizer = new JiebaNetTokenizer(NewJieba());
        var theirs = new ArticleExtractor(ExtractorOptions.Default with { Tokenizer = tokenizer });
        var fetchedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var problems = new List<string>();
        var divergent = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var source = ArticleSource.FromText(name, File.ReadAllText(file)) with { FetchedAt = fetchedAt };
            var ours = ArticleExtractor.Default.Extract(source);
            var body = ours.Article!.Body;
            var builtIn = Extract.Segmentation.PosSegmenter.Default.Tokenize(body);
            var jieba = tokenizer.Tokenize(body);
            builtIn.Select(t => t.Word).Should().Equal(jieba.Select(t => t.Word), $"jieba.NET cuts {name} as we do");
            var tagDifferences = builtIn.Zip(jieba).Where(p => p.First.Tag != p.Second.Tag).ToList();
            problems.AddRange(tagDifferences.Where(p => !KnownDivergence(body, p.First.Tag, p.Second)).Select(p => $"{name} {p.Second.Word} {p.First.Tag}→{p.Second.Tag}"));
            if (tagDifferences.Count > 0)
            {
                divergent++;
                continue;
            }

            var a = ArticleJson.Serialize(ours);
            var b = ArticleJson.Serialize(theirs.Extract(source));
            if (a != b)
            {
                var at = 0;
                while (at < Math.Min(a.Length, b.Length) && a[at] == b[at])
                {
                    at++;
                }

                var from = Math.Max(0, at - 80);
                problems.Add($"{name} from offset {at}\n  built-in:  {a[from..Math.Min(a.Length, at + 200)]}\n  jieba.NET: {b[from..Math.Min(b.Length, at + 200)]}");
            }
        }

        problems.Should().BeEmpty($"{files.Count - divergent} of {files.Count} articles have the same tokens:\n{string.Join("\n", problems)}\n");
        (files.Count - divergent).Should().BeGreaterThanOrEqualTo(20, "enough articles must be compared record for record");
    }

    private static bool KnownDivergence(string body, string ours, Token theirs) =>
        (theirs.Tag == "x" && theirs.Word.Length == 1 && char.IsLetter(theirs.Word[0]))
        || (ours == "eng" && theirs.Tag == "m" && theirs.Word.Any(char.IsAsciiDigit) && !char.IsAsciiDigit(theirs.Word[0]))
        || NextToBlockCharacter(body, theirs);

    // jieba.NET's block regex takes in · % - (Python's does not), so the words around them are cut from a longer block.
    private static bool NextToBlockCharacter(string body, Token token) =>
        (token.Start > 0 && "·%-".Contains(body[token.Start - 1], StringComparison.Ordinal))
        || (token.End < body.Length && "·%-".Contains(body[token.End], StringComparison.Ordinal));

    [Fact]
    public void Tokens_tile_the_text_with_utf16_offsets()
    {
        const string text = "9月7日，翠微坪社区党员冲在前。𠀋字 ABC 12.5%\n下一行";
        var tokens = new JiebaNetTokenizer(NewJieba()).Tokenize(text);
        tokens.Should().NotBeEmpty();
        var at = 0;
        foreach (var token in tokens)
        {
            token.Start.Should().Be(at);
            text[token.Start..token.End].Should().Be(token.Word);
            at = token.End;
        }

        at.Should().Be(text.Length);
    }

    [Fact]
    public void A_user_word_in_the_jieba_segmenter_changes_the_tokens()
    {
        // jieba.NET's dictionary is process-wide (AddWord reaches every JiebaSegmenter): the word is one the corpus lacks.
        const string text = "翠微坪社区党员冲在前。";
        var plain = new JiebaNetTokenizer(NewJieba()).Tokenize(text);
        var jieba = NewJieba();
        jieba.AddWord("翠微坪社区", 0, "ns");
        var withWord = new JiebaNetTokenizer(jieba).Tokenize(text);

        plain.Should().NotContain(new Token("翠微坪社区", "ns", 0, 5));
        withWord.Should().Contain(new Token("翠微坪社区", "ns", 0, 5));
    }

    [Fact]
    public void A_tokenizer_that_does_not_tile_the_text_fails_the_document_naming_it()
    {
        var extractor = new ArticleExtractor(ExtractorOptions.Default with { Tokenizer = new GappyTokenizer() });
        var result = extractor.Extract(ArticleSource.FromText("t", "党员冲在前\n9月7日，翠微坪社区党员冲在前。"));
        result.Article.Should().BeNull();
        result.Error.Should().Contain(nameof(GappyTokenizer));
    }

    private sealed class GappyTokenizer : ITokenizer
    {
        public IReadOnlyList<Token> Tokenize(string text) => [new Token(text[1..], "x", 1, text.Length)];
    }
}
