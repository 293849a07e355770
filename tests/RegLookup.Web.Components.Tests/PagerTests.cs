using RegLookup.Indexing.Querying;
using RegLookup.Web.Search;

namespace RegLookup.Web.Components.Tests;

public sealed class PagerTests(PortalData data) : PortalComponentTest(data)
{
    private static readonly SearchRequest Request = new()
    {
        Query = "xăng dầu",
        Type = "all",
        Sort = "date",
        PageSize = 10,
        Filters = new Dictionary<string, IReadOnlyList<string>> { ["agency"] = ["BCT"], ["kind"] = ["business_condition", "reporting"] },
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    public void A_single_page_has_no_navigation(int total)
    {
        var cut = RenderPager(page: 1, total);

        Assert.Empty(cut.FindAll("nav"));
    }

    [Fact]
    public void Links_keep_the_query_and_filters_and_change_only_the_page()
    {
        var cut = RenderPager(page: 2, total: 35);

        var links = cut.FindAll("nav a");
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var href = link.GetAttribute("href");
            Assert.StartsWith("/search?", href);
            var query = QueryOf(href);
            Assert.Equal(["xăng dầu"], query["q"]);
            Assert.Equal(["all"], query["type"]);
            Assert.Equal(["date"], query["sort"]);
            Assert.Equal(["BCT"], query["agency"]);
            Assert.Equal(["business_condition", "reporting"], query["kind"]);
            Assert.Equal(["10"], query["pageSize"]);
        }
        Assert.Equal(["1", "3", "4"], cut.FindAll("nav a:not([rel])").Select(a => PageOf(a.GetAttribute("href"))));
        Assert.Equal("1", PageOf(cut.Find("a[rel=prev]").GetAttribute("href")));
        Assert.Equal("3", PageOf(cut.Find("a[rel=next]").GetAttribute("href")));
    }

    [Fact]
    public void The_current_page_is_marked_and_not_a_link()
    {
        var cut = RenderPager(page: 2, total: 35);

        var current = cut.Find("[aria-current=page]");
        Assert.Equal("SPAN", current.TagName);
        Assert.Equal("2", current.TextContent);
        Assert.Equal("Trang 2", current.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(1, new[] { 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(6, new[] { 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(20, new[] { 14, 15, 16, 17, 18, 19, 20 })]
    public void Shows_at_most_seven_numbered_pages_around_the_current_one(int page, int[] shown)
    {
        var cut = RenderPager(page, total: 200);

        Assert.Equal(shown.Select(n => n.ToString()), cut.FindAll("nav li > :not([rel])").Select(e => e.TextContent));
    }

    [Theory]
    [InlineData(1, false, true)]
    [InlineData(2, true, true)]
    [InlineData(4, true, false)]
    public void Previous_and_next_are_there_only_where_there_is_a_page_to_go_to(int page, bool previous, bool next)
    {
        var cut = RenderPager(page, total: 35);

        Assert.Equal(previous, cut.FindAll("a[rel=prev]").Count == 1);
        Assert.Equal(next, cut.FindAll("a[rel=next]").Count == 1);
    }

    private IRenderedComponent<Pager> RenderPager(int page, int total) =>
        Render<Pager>(p => p.Add(x => x.Request, Request with { Page = page }).Add(x => x.Total, total));

    /// <summary>The page a link goes to; page 1 is the link without a page parameter.</summary>
    private static string PageOf(string? href) => QueryOf(href).TryGetValue("page", out var page) ? Assert.Single(page) : "1";
}
