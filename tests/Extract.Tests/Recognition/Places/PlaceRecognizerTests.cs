using Extract.Recognition.Places;

namespace Extract.Tests.Recognition.Places;

public sealed class PlaceRecognizerTests
{
    [Fact]
    public void Administrative_chain_splits_into_atomic_places_with_codes_and_paths()
    {
        var places = EntityPipeline.Run("宿州市埇桥区开展排查。").Places;

        places.Select(p => (p.Name, p.Span.Start, p.Span.End)).Should().Equal(("宿州市", 0, 3), ("埇桥区", 3, 6));
        places[1].Level.Should().Be(PlaceLevel.County);
        places[1].Code.Should().Be("341302");
        places[1].Path.Should().Equal("安徽省", "宿州市", "埇桥区");
    }

    [Fact]
    public void Chain_below_township_splits_and_the_community_inherits_the_path()
    {
        var places = EntityPipeline.Run("西安市未央区汉城街道全家社区物资紧张。").Places;

        places.Select(p => (p.Name, p.Span.Start, p.Span.End)).Should().Equal(
            ("西安市", 0, 3), ("未央区", 3, 6), ("汉城街道", 6, 10), ("全家社区", 10, 14));
        places[2].Code.Should().Be("610112010");
        places[3].Level.Should().Be(PlaceLevel.Community);
        places[3].Path.Should().Equal("陕西省", "西安市", "未央区", "汉城街道", "全家社区");
    }

    [Theory]
    [InlineData("石家庄市召开会议，新华区参加。", "130105")]
    [InlineData("沧州市召开会议，新华区参加。", "130902")]
    [InlineData("平顶山市召开会议，新华区参加。", "410402")]
    public void Ambiguous_county_resolves_under_the_city_the_article_names(string text, string code)
    {
        var place = EntityPipeline.Run(text).Places.Single(p => p.Name == "新华区");

        place.Span.Should().Be(new TextSpan(text.IndexOf('，') + 1, text.IndexOf('，') + 4));
        place.Code.Should().Be(code);
    }

    [Fact]
    public void Former_name_resolves_to_todays_unit_and_keeps_the_name_as_written()
    {
        var place = EntityPipeline.Run("1995年，襄樊市举办了博览会。").Places.Single();

        place.Name.Should().Be("襄樊市");
        place.Span.Should().Be(new TextSpan(6, 9));
        place.Form.Should().Be(NameForm.Former);
        place.CurrentName.Should().Be("襄阳市");
        place.Code.Should().Be("420600");
    }

    [Fact]
    public void Short_forms_resolve_when_the_article_supports_them()
    {
        var places = EntityPipeline.Run("永州市零陵区发生疫情，零陵实行静默管理。").Places;

        places.Select(p => (p.Name, p.Span.Start, p.Span.End)).Should().Equal(("永州市", 0, 3), ("零陵区", 3, 6), ("零陵", 11, 13));
        places[2].Code.Should().Be("431102");
        places[2].Form.Should().Be(NameForm.Short);
    }

    [Fact]
    public void Unsupported_county_short_form_is_a_word_not_a_place()
    {
        EntityPipeline.Run("大家同心协力，共克时艰。").Places.Should().BeEmpty();
    }

    [Fact]
    public void Venue_keeps_the_city_name_it_starts_with()
    {
        var places = EntityPipeline.Run("驻马店市党员为驻马店南站送去物资。").Places;

        places.Select(p => (p.Name, p.Level, p.Span.Start, p.Span.End)).Should().Equal(
            ("驻马店市", PlaceLevel.City, 0, 4), ("驻马店南站", PlaceLevel.Venue, 7, 12));
    }

    [Fact]
    public void Names_inside_a_document_title_are_not_places()
    {
        EntityPipeline.Run("学习《河南省人民政府关于加强防控工作的通告》。").Places.Should().BeEmpty();
    }

    [Fact]
    public void Generic_heads_are_not_places()
    {
        EntityPipeline.Run("他们回到隔离酒店，走访老旧小区和所在社区。").Places.Should().BeEmpty();
    }

    [Theory]
    [InlineData("党员志愿者1100余人次清理路障、消杀防疫。")]
    [InlineData("带领6名民警、辅警兵分三路赶赴现场。")]
    [InlineData("工人们连夜修补路面，更换路灯。")]
    public void Words_that_end_in_a_road_suffix_are_not_roads(string text)
    {
        EntityPipeline.Run(text).Places.Should().BeEmpty();
    }

    [Theory]
    [InlineData("电力突击队连夜检修水电线路。")]
    [InlineData("合作社帮助农户打通销路。")]
    [InlineData("法官进村开展普法宣传。")]
    [InlineData("今年全镇新增就业岗位。")]
    [InlineData("医疗队定期送医下乡。")]
    [InlineData("全县38个脱贫村全部通了硬化路。")]
    [InlineData("今年新修产业路12公里。")]
    public void A_suffix_that_ends_a_word_of_its_own_makes_no_place(string text)
    {
        EntityPipeline.Run(text).Places.Should().BeEmpty();
    }

    [Theory]
    [InlineData("志愿者在中山路设点服务。", "中山路")]
    [InlineData("工作队来到岭下村走访。", "岭下村")]
    [InlineData("交警在新华西路疏导车辆。", "新华西路")]
    public void Names_that_end_in_a_common_word_stay_places(string text, string place)
    {
        EntityPipeline.Run(text).Places.Select(p => p.Name).Should().Contain(place);
    }

    [Fact]
    public void A_doubled_suffix_ends_the_place_at_the_first()
    {
        EntityPipeline.Run("工作队来到云峰村村委会座谈。").Places.Select(p => p.Name).Should().Equal("云峰村");
    }

    [Fact]
    public void A_numbered_road_is_still_a_road()
    {
        EntityPipeline.Run("志愿者在解放二路设点服务。").Places.Select(p => p.Name).Should().Contain("解放二路");
    }

    [Fact]
    public void Coordinated_heads_share_the_suffix()
    {
        var places = EntityPipeline.Run("下沉到东岗、建铁和并四社区。").Places;

        places.Select(p => (p.Name, p.Span.Start, p.Span.End)).Should().Equal(("东岗", 3, 5), ("建铁", 6, 8), ("并四社区", 9, 13));
    }

    [Fact]
    public void Corrupt_gazetteer_throws_naming_the_resource()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        var load = () => Gazetteer.FromStream(stream, "test.bin");

        load.Should().Throw<InvalidOperationException>().WithMessage("*test.bin*");
    }
}
