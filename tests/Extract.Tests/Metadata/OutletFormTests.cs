using Extract.Metadata;
using Extract.Page;
using Extract.Resources;
using Extract.Text;

namespace Extract.Tests.Metadata;

/// <summary>One test per class of form that names the outlet; the outlets and names are invented.</summary>
public sealed class OutletFormTests
{
    private const string Body = "全市秋收工作会议今天召开，会议部署了下一阶段的工作任务，要求各地抓好落实。";

    private static MetadataLine? Parse(string line) => MetadataLines.TryParse(line, Surnames.Default);

    private static CleanText Run(string text) =>
        new TextStage(Surnames.Default).Process(PageContent.FromPlainText(text), CancellationToken.None);

    [Theory]
    [InlineData("news.example.com 2021年10月22日09:30 来源：[ 某某日报 ]")]
    [InlineData("HTTP://NEWS.EXAMPLE.COM.CN 2021-10-22 09:30:00 来源: 某某日报 网友评论 12 条")]
    public void A_host_name_before_the_dateline_is_layout(string line)
    {
        var meta = Parse(line);
        meta.Should().NotBeNull();
        meta!.Outlet.Should().Be("某某日报");
        meta.PublishedAt.Should().Be("2021-10-22T09:30");
    }

    [Theory]
    [InlineData("2021年10月22日 09:30 某某晚报", "某某晚报")]
    [InlineData("2021年10月22日09:30  某某科技   我有话说(1307人参与)", "某某科技")]
    [InlineData("www.example.com 2021年10月22日 09:30 《某某周刊》", "某某周刊")]
    public void A_name_stamped_beside_the_date_and_time_is_the_outlet(string line, string outlet)
    {
        var meta = Parse(line);
        meta.Should().NotBeNull();
        (meta!.Outlet ?? meta.Stamped).Should().Be(outlet);
        meta.PublishedAt.Should().Be("2021-10-22T09:30");
        Run("全市秋收工作会议召开\n" + line + "\n" + Body).Outlet.Should().Be(outlet);
    }

    [Fact]
    public void A_stamped_name_far_below_the_headline_is_a_list_not_the_outlet()
    {
        var clean = Run("全市秋收工作会议召开\n" + Body + "\n" + Body + "\n" + Body + "\n2021年10月21日 09:30 科技前沿");
        clean.Outlet.Should().BeNull();
    }

    [Theory]
    [InlineData("2021年10月22日 09:30 王建国")]
    [InlineData("2021年10月22日起施行")]
    public void A_person_or_a_sentence_beside_a_date_is_no_outlet(string line)
    {
        var meta = Parse(line);
        (meta?.Outlet ?? meta?.Stamped).Should().BeNull();
    }

    [Theory]
    [InlineData("——《某某周刊》2001年第3期", "某某周刊")]
    [InlineData("转自《某某科技报》", "某某科技报")]
    [InlineData("出自[某某出版社]", "某某出版社")]
    [InlineData("来源于：某某办事处", "某某办事处")]
    [InlineData("出版社：某某出版社 作者：王建国", "某某出版社")]
    public void Attributions_and_source_keys_name_the_outlet(string line, string outlet)
    {
        Parse(line)!.Outlet.Should().Be(outlet);
    }

    [Fact]
    public void A_person_beside_a_keyed_dateline_is_the_author()
    {
        var meta = Parse("news.example.com 2021年10月22日09:30 [ 王建国 ] 来源：[ 某某日报 ]");
        meta!.Authors.Should().Equal("王建国");
        meta.Outlet.Should().Be("某某日报");
    }

    [Fact]
    public void A_broken_date_before_the_keys_is_layout()
    {
        var meta = Parse("22日09:30 作者： 王建国 出自[某某出版社]");
        meta!.Authors.Should().Equal("王建国");
        meta.Outlet.Should().Be("某某出版社");
    }

    [Fact]
    public void A_sentence_quoting_a_book_is_content()
    {
        Parse("出自《某某集》的这句话，至今仍被人们传诵。").Should().BeNull();
    }

    [Fact]
    public void The_masthead_before_a_reporter_role_is_the_outlet_when_no_line_states_one()
    {
        Run("全市秋收工作会议召开\n某某日报记者 王建国\n" + Body).Outlet.Should().Be("某某日报");
        Run("全市秋收工作会议召开\n来源：某某网 某某日报记者 王建国\n" + Body).Outlet.Should().Be("某某网");
    }

    [Theory]
    [InlineData("某某社北京10月22日电 ", "某某社")]
    [InlineData("据某某网10月22日消息，", "某某网")]
    [InlineData("某某科技讯 ", "某某科技")]
    [InlineData("本报讯 ", null)]
    public void An_opening_dateline_names_the_outlet_when_nothing_else_does(string opening, string? outlet)
    {
        Run("全市秋收工作会议召开\n" + opening + Body).Outlet.Should().Be(outlet);
    }

    [Fact]
    public void The_fuller_reading_of_one_outlet_wins()
    {
        var clean = Run("全市秋收工作会议召开\n2021-10-22 09:30 来源：某某晚报\n" + Body + "\n本文来源：某某网-某某晚报");
        clean.Outlet.Should().Be("某某网-某某晚报");
    }
}
