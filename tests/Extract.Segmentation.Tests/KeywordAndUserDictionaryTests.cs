using System.Text.Json;

namespace Extract.Segmentation.Tests;

/// <summary>TF-IDF keywords and user dictionaries against Python jieba (Reference/keywords_userdict.json).</summary>
public sealed class KeywordAndUserDictionaryTests
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "keywords_userdict.json")))
            .RootElement.EnumerateArray().ToArray());

    private static readonly string[] AllowPos = ["ns", "n", "vn", "v", "nr"];

    [Fact]
    public void Tfidf_keywords_and_weights_match_python_jieba()
    {
        foreach (var c in Cases.Value.Where(c => c.TryGetProperty("text", out _)))
        {
            var text = c.GetProperty("text").GetString()!;
            Check(TfidfExtractor.Default.ExtractTagsWithWeight(text, 20), c.GetProperty("tags"));
            Check(TfidfExtractor.Default.ExtractTagsWithWeight(text, 10, AllowPos), c.GetProperty("tags_pos"));
            TfidfExtractor.Default.ExtractTags(text, 5).Should().Equal(
                c.GetProperty("tags").EnumerateArray().Take(5).Select(e => e[0].GetString()));
        }

        static void Check(IReadOnlyList<(string Word, double Weight)> actual, JsonElement expected)
        {
            var exp = expected.EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetDouble())).ToList();
            actual.Select(a => a.Word).Should().Equal(exp.Select(e => e.Item1));
            for (var i = 0; i < exp.Count; i++)
            {
                actual[i].Weight.Should().BeApproximately(exp[i].Item2, 1e-12);
            }
        }
    }

    [Fact]
    public void AddWord_SuggestFreq_DeleteWord_follow_python_jieba()
    {
        var r = Cases.Value.Single(c => c.TryGetProperty("userdict", out _)).GetProperty("userdict");
        var seg = new JiebaSegmenter();
        const string s1 = "李小福是创新办主任也是云计算方面的专家";
        seg.Cut(s1).Should().Equal(Strings(r.GetProperty("before")));
        seg.AddWord("创新办", 3, "i");
        seg.AddWord("云计算", 5);
        seg.Cut(s1).Should().Equal(Strings(r.GetProperty("after_add")));
        seg.SuggestFreq("台中").Should().Be(r.GetProperty("suggest_台中").GetInt32());
        const string s2 = "「台中」正确应该不会被切开";
        seg.Cut(s2, hmm: false).Should().Equal(Strings(r.GetProperty("s2_before")));
        seg.SuggestFreq("台中", tune: true);
        seg.Cut(s2, hmm: false).Should().Equal(Strings(r.GetProperty("s2_after")));
        seg.DeleteWord("专家");
        seg.Cut(s1).Should().Equal(Strings(r.GetProperty("after_del")));
        new PosSegmenter(seg).Tokenize(s1).Select(t => t.Word + "/" + t.Tag).Should().Equal(
            r.GetProperty("pos_after").EnumerateArray().Select(e => e[0].GetString() + "/" + e[1].GetString()));

        // The shared default dictionary is untouched.
        JiebaSegmenter.Default.Cut(s1).Should().Equal(Strings(r.GetProperty("before")));
    }

    [Fact]
    public void LoadUserDictionary_follows_python_jieba()
    {
        var r = Cases.Value.Single(c => c.TryGetProperty("userdict", out _)).GetProperty("userdict");
        var seg = new JiebaSegmenter();
        seg.LoadUserDictionary(new StringReader("\uFEFF创新办 3 i\n云计算 5\n凱特琳 nz\n\n台中\n"));
        const string text = "李小福是创新办主任也是云计算方面的专家; 什么是八一双鹿\n例如我输入一个带“韩玉赏鉴”的标题，在自定义词库中也增加了此词为N类\n「台中」正確應該不會被切開。mac上可分出「石墨烯」；此時又可以分出來凱特琳了。";
        seg.Cut(text).Should().Equal(Strings(r.GetProperty("userdict_cut")));
        var freqs = r.GetProperty("userdict_freqs").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        string[] words = ["创新办", "云计算", "凱特琳", "台中"];
        for (var i = 0; i < words.Length; i++)
        {
            seg.View.Freq(words[i]).Should().Be(freqs[i], words[i]);
        }

        seg.View.Total.Should().Be(r.GetProperty("userdict_total").GetInt64());
        new PosSegmenter(seg).Tokenize("凱特琳和创新办").Should().Contain(new TaggedToken("凱特琳", "nz", 0, 3))
            .And.Contain(new TaggedToken("创新办", "i", 4, 7));
    }

    [Fact]
    public void Default_is_read_only()
    {
        var act = () => JiebaSegmenter.Default.AddWord("云计算");
        act.Should().Throw<InvalidOperationException>().WithMessage("*read-only*new JiebaSegmenter()*");
        ((Action)(() => JiebaSegmenter.Default.DeleteWord("专家"))).Should().Throw<InvalidOperationException>();
        ((Action)(() => JiebaSegmenter.Default.LoadUserDictionary(new StringReader("a 1")))).Should().Throw<InvalidOperationException>();
        JiebaSegmenter.Default.SuggestFreq("台中").Should().BePositive();
        JiebaSegmenter.Default.IsReadOnly.Should().BeTrue();
        new JiebaSegmenter().IsReadOnly.Should().BeFalse();
    }

    [Fact]
    public void Instances_do_not_share_user_words()
    {
        var a = new JiebaSegmenter();
        var b = new JiebaSegmenter();
        a.AddWord("云计算方面", 100000);
        a.Cut("云计算方面的专家").Should().StartWith("云计算方面");
        b.Cut("云计算方面的专家").Should().NotContain("云计算方面");
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!);
}
