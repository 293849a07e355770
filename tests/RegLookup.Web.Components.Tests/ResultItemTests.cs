using RegLookup.Indexing.Querying;
using RegLookup.Web.Search;

namespace RegLookup.Web.Components.Tests;

public sealed class ResultItemTests(PortalData data) : PortalComponentTest(data)
{
    private static readonly SearchHit Hit = new()
    {
        Id = "BCT-XD-0002",
        Type = "regulation",
        Title = "Điều kiện đối với cửa hàng bán lẻ xăng dầu",
        // As the engine gives it: the text escaped, the matched words in <mark>.
        Snippet = "Cửa hàng &lt;b&gt;bán lẻ&lt;/b&gt; <mark>xăng</mark> dầu",
        Kind = "business_condition",
        Status = "proposed_cut",
        Agency = "BCT",
        DocumentNumber = "83/2014/NĐ-CP",
    };

    [Theory]
    [InlineData("regulation", "/regulations/BCT-XD-0002")]
    [InlineData("proposal", "/proposals/BCT-XD-0002")]
    [InlineData("document", "/documents/BCT-XD-0002")]
    public void The_title_links_to_the_page_of_the_hit_type(string type, string href)
    {
        var cut = Render<ResultItem>(p => p.Add(x => x.Hit, Hit with { Type = type }));

        var title = cut.Find("h2 a");
        Assert.Equal(href, title.GetAttribute("href"));
        Assert.Equal(Hit.Title, title.TextContent);
    }

    [Fact]
    public void The_snippet_keeps_its_marks_and_shows_other_markup_as_text()
    {
        var cut = Render<ResultItem>(p => p.Add(x => x.Hit, Hit));

        var snippet = cut.Find("p.snippet");
        Assert.Equal("xăng", Assert.Single(snippet.QuerySelectorAll("mark")).TextContent);
        Assert.Empty(snippet.QuerySelectorAll("b"));
        Assert.Equal("Cửa hàng <b>bán lẻ</b> xăng dầu", snippet.TextContent);
    }

    [Fact]
    public void Kind_and_status_chips_are_in_Vietnamese()
    {
        var cut = Render<ResultItem>(p => p.Add(x => x.Hit, Hit));

        Assert.Equal("Điều kiện kinh doanh", cut.Find(".chip-kind").TextContent);
        Assert.Equal("Đề xuất cắt giảm", cut.Find(".chip-status-proposed_cut").TextContent);
        Assert.Equal("/agencies/BCT", cut.Find(".meta a").GetAttribute("href"));
    }

    [Fact]
    public void Kind_and_status_chips_are_in_English_in_the_English_culture()
    {
        UseCulture("en");

        var cut = Render<ResultItem>(p => p.Add(x => x.Hit, Hit));

        Assert.Equal("Business condition", cut.Find(".chip-kind").TextContent);
        Assert.Equal("Proposed for cutting", cut.Find(".chip-status-proposed_cut").TextContent);
    }

    [Fact]
    public void A_hit_without_a_kind_shows_its_type()
    {
        var cut = Render<ResultItem>(p => p.Add(x => x.Hit, Hit with { Type = "proposal", Kind = null, Status = "consultation" }));

        Assert.Equal("Phương án", cut.Find(".chip-kind").TextContent);
        Assert.Equal("Đang lấy ý kiến", cut.Find(".chip-status-consultation").TextContent);
    }
}
