using System.IO.Compression;
using Extract.Recognition;
using Extract.Recognition.Names;
using Extract.Recognition.Tagging;
using Extract.Resources;
using Extract.Tokens;
using Extract.Segmentation;
using Extract.Calendar;

namespace Extract.Tests.Recognition.Tagging;

public sealed class NameTaggerTests
{
    private static List<WordToken> Tokens(string text) =>
        [.. PosSegmenter.Default.Tokenize(text).Select(t => new WordToken(t.Word, t.Tag, t.Start, t.End))];

    private static List<(string Text, NameType Type, int Start, int End)> Tag(string text) =>
        [.. NameTagger.Default.Tag(text, 0, text.Length, Tokens(text)).Select(n => (text[n.Span.Start..n.Span.End], n.Type, n.Span.Start, n.Span.End))];

    [Fact]
    public void The_embedded_model_loads_with_its_features_and_transitions()
    {
        var model = NameTagger.Default.Model;
        model.FeatureCount.Should().BeGreaterThan(10_000);
        model.Transitions.Should().HaveCount((EntityLabels.Count + 1) * EntityLabels.Count);
    }

    [Fact]
    public void Finds_a_person_a_place_and_an_organisation_with_offsets()
    {
        var names = Tag("国务院总理李鹏今天在北京会见了美国客人。");
        names.Should().Contain(("李鹏", NameType.Person, 5, 7));
        names.Should().Contain(("北京", NameType.Location, 10, 12));
        names.Should().Contain(("美国", NameType.Location, 15, 17));
        names.Should().Contain(("国务院", NameType.Organization, 0, 3));
    }

    [Fact]
    public void Spans_of_a_stretch_are_offsets_into_the_whole_text()
    {
        const string text = "第一句话。记者王小明在上海报道。";
        var start = text.IndexOf('记', StringComparison.Ordinal);
        var names = NameTagger.Default.Tag(text, start, text.Length, Tokens(text));
        names.Should().OnlyContain(n => n.Span.Start >= start && n.Span.End <= text.Length);
        names.Select(n => text[n.Span.Start..n.Span.End]).Should().Contain("王小明").And.Contain("上海");
    }

    [Theory]
    [InlineData("“红马甲”突击队", true)]
    [InlineData("中国石油（长庆油田）分公司", true)]
    [InlineData("热依拉·吐尔逊", true)]
    [InlineData("!”供应公司行政科", false)]
    [InlineData("供应公司”", false)]
    [InlineData("“红马甲突击队", false)]
    [InlineData("市委、市政府", false)]
    [InlineData("北京，上海", false)]
    [InlineData("《人民日报", false)]
    [InlineData("社区\n党委", false)]
    public void A_name_holds_no_clause_punctuation_and_pairs_its_quotes(string surface, bool wellFormed) =>
        NameText.IsWellFormed(surface).Should().Be(wellFormed);

    [Theory]
    [InlineData("据英国《泰晤士报》报道", 1, 9, "泰晤士报")]
    [InlineData("《星报》编辑部", 0, 7, "《星报》编辑部")]
    [InlineData("《人民日报》", 0, 6, "人民日报")]
    [InlineData("北京市政府", 0, 5, "北京市政府")]
    [InlineData("《论语》和《孟子》", 0, 9, null)]
    [InlineData("书名《》", 0, 4, null)]
    [InlineData("!”供应公司行政科", 0, 9, null)]
    public void A_run_ending_with_a_book_title_names_the_title_inside(string text, int start, int end, string? name)
    {
        var span = NameText.NameSpan(text, new TextSpan(start, end));
        (span is { } s ? text[s.Start..s.End] : null).Should().Be(name);
    }

    [Fact]
    public void The_tagger_never_returns_a_name_ending_in_a_book_title_mark()
    {
        const string text = "英国《金融时报》和美国《纽约时报》报道，法国《队报》也发表了评论。";
        Tag(text).Should().OnlyContain(n => !n.Text.EndsWith('》'));
    }

    [Theory]
    [InlineData("小秦", true)]
    [InlineData("老王", true)]
    [InlineData("阿张", true)]
    [InlineData("小的", false)]
    [InlineData("王小明", false)]
    [InlineData("秦", false)]
    public void A_form_of_address_is_told_from_a_name(string surface, bool address) =>
        NameText.IsFormOfAddress(surface, TaggerResources.Default.Surnames).Should().Be(address);

    [Fact]
    public void The_tagger_never_returns_a_name_read_across_punctuation()
    {
        const string text = "“我们供应公司的志愿者先上!”供应公司行政科科长刘锦鹏代表同志们主动请缨，北京、上海、广州的党员也来了。";
        Tag(text).Should().OnlyContain(n => NameText.IsWellFormed(n.Text)).And.Contain(n => n.Text == "刘锦鹏");
    }

    [Fact]
    public void Full_width_and_ascii_forms_tag_alike()
    {
        var ascii = Tag("1998年,江苏省南京市政府召开会议。").Select(n => (n.Type, n.Start, n.End));
        var fullWidth = Tag("１９９８年，江苏省南京市政府召开会议。").Select(n => (n.Type, n.Start, n.End));
        ascii.Should().BeEquivalentTo(fullWidth);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("。", true)]
    [InlineData("\u0000\uFFFD\uD800", true)]
    [InlineData("abc 123 !!! ＡＢＣ", false)]
    public void Odd_text_gives_well_formed_output(string text, bool empty)
    {
        var names = NameTagger.Default.Tag(text, 0, text.Length, Tokens(text));
        names.All(n => n.Span.Start >= 0 && n.Span.End <= text.Length && n.Span.Start < n.Span.End).Should().BeTrue();
        if (empty)
        {
            names.Should().BeEmpty();
        }
    }

    [Fact]
    public void The_embedded_model_is_the_shipped_gzip_inflated()
    {
        using var inflated = new MemoryStream();
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(RepoPaths.Root, "models", "ner", "ner.bin.gz")), CompressionMode.Decompress))
        {
            gzip.CopyTo(inflated);
        }

        using var embedded = new MemoryStream();
        using (var source = EmbeddedResource.Open(NameTagger.ResourceName))
        {
            source.CopyTo(embedded);
        }

        embedded.ToArray().Should().Equal(inflated.ToArray(), "the build inflates models/ner/ner.bin.gz into the assembly");
        NameTagger.Default.Model.FeatureCount.Should().Be(NameTagger.Load(File.OpenRead(Path.Combine(RepoPaths.Root, "models", "ner", "ner.bin.gz")), "ner.bin.gz").FeatureCount);
    }

    [Fact]
    public void A_damaged_model_is_refused_naming_the_resource()
    {
        using var raw = new MemoryStream();
        using (var source = EmbeddedResource.Open(NameTagger.ResourceName))
        {
            source.CopyTo(raw);
        }

        var bytes = raw.ToArray();
        var truncated = () => PerceptronModel.Read(bytes.AsSpan(0, bytes.Length / 2), "custom.bin");
        truncated.Should().Throw<InvalidDataException>().WithMessage("*custom.bin*");

        var foreign = bytes.ToArray();
        foreign[0] = (byte)'X';
        var wrongMagic = () => PerceptronModel.Read(foreign, "custom.bin");
        wrongMagic.Should().Throw<InvalidDataException>().WithMessage("*custom.bin*not a name-tagger model*");

        var otherTemplates = bytes.ToArray();
        otherTemplates[12]++;
        var wrongVersion = () => PerceptronModel.Read(otherTemplates, "custom.bin");
        wrongVersion.Should().Throw<InvalidDataException>().WithMessage("*feature templates*");

        var notGzip = () => NameTagger.Load(new MemoryStream(bytes), "plain.bin");
        notGzip.Should().Throw<InvalidDataException>().WithMessage("*plain.bin*");
    }

    [Fact]
    public void The_inflated_size_is_read_from_the_gzip_trailer_and_the_stream_left_in_place()
    {
        var data = new byte[5000];
        new Random(7).NextBytes(data);
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        packed.Position = 0;
        NameTagger.InflatedSize(packed).Should().Be(data.Length);
        packed.Position.Should().Be(0);
        NameTagger.InflatedSize(new MemoryStream(new byte[10])).Should().Be(0, "too short for a GZip header and trailer");
        using var forward = new GZipStream(new MemoryStream(packed.ToArray()), CompressionMode.Decompress);
        NameTagger.InflatedSize(forward).Should().Be(0, "a stream that cannot seek has no trailer to read first");
    }

    [Fact]
    public void Sentences_split_after_enders_and_at_the_length_cap()
    {
        const string text = "一句。二句！三句";
        NameTagRecognizer.Sentences(text, new TextSpan(0, text.Length)).Should().Equal(new TextSpan(0, 3), new TextSpan(3, 6), new TextSpan(6, 8));
        var longText = new string('字', (NameTagRecognizer.MaxSentence * 2) + 5);
        var parts = NameTagRecognizer.Sentences(longText, new TextSpan(0, longText.Length)).ToList();
        parts.Should().HaveCount(3);
        parts.Should().OnlyContain(p => p.Length <= NameTagRecognizer.MaxSentence);
        parts[^1].End.Should().Be(longText.Length);
    }

    [Fact]
    public void The_recogniser_tags_every_paragraph_with_body_offsets()
    {
        const string body = "新华社北京电。\n记者张建国报道，上海市人民政府召开会议。";
        var paragraphs = new[] { new TextSpan(0, 7), new TextSpan(8, body.Length) };
        var document = new DocumentText(body, [.. paragraphs], [.. Tokens(body)], ReferenceDates.Create(null, null, null, null));
        var found = new NameTagRecognizer(NameTagger.Default).Recognize(document, Mentions.Empty, CancellationToken.None);
        found.TaggedNames.Select(n => body[n.Span.Start..n.Span.End]).Should().Contain(["北京", "张建国"]);
        found.TaggedNames.Should().OnlyContain(n => n.Margin >= 0);
    }
}
