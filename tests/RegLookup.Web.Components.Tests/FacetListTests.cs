using RegLookup.Indexing.Querying;
using RegLookup.Web.Search;

namespace RegLookup.Web.Components.Tests;

public sealed class FacetListTests(PortalData data) : PortalComponentTest(data)
{
    private static readonly SearchRequest Request = new()
    {
        Query = "xăng dầu",
        Page = 3,
        Filters = new Dictionary<string, IReadOnlyList<string>> { ["kind"] = ["procedure"] },
    };

    [Fact]
    public void A_value_not_selected_links_to_the_search_with_it_added()
    {
        var cut = RenderKinds();

        var link = LinkOf(cut, "Điều kiện kinh doanh");
        var query = QueryOf(link.GetAttribute("href"));
        Assert.StartsWith("/search?", link.GetAttribute("href"));
        Assert.Equal(["xăng dầu"], query["q"]);
        Assert.Equal(["procedure", "business_condition"], query["kind"]);
        Assert.False(query.ContainsKey("page"), "a changed filter goes back to page 1");
        Assert.Null(link.GetAttribute("aria-current"));
        Assert.Equal("☐", link.QuerySelector(".check")!.TextContent);
    }

    [Fact]
    public void A_selected_value_links_to_the_search_without_it_and_is_marked_current()
    {
        var cut = RenderKinds();

        var link = LinkOf(cut, "Thủ tục hành chính");
        var query = QueryOf(link.GetAttribute("href"));
        Assert.Equal(["xăng dầu"], query["q"]);
        Assert.False(query.ContainsKey("kind"));
        Assert.Equal("true", link.GetAttribute("aria-current"));
        Assert.Equal("☑", link.QuerySelector(".check")!.TextContent);
        Assert.True(cut.Find("details").HasAttribute("open"), "a facet with a selected value is open");
    }

    [Fact]
    public void Shows_the_facet_name_and_the_counts_in_Vietnamese_number_format()
    {
        var cut = RenderKinds();

        Assert.Equal("Loại quy định", cut.Find("summary").TextContent);
        Assert.Equal(["1.200", "3"], cut.FindAll(".count").Select(c => c.TextContent).ToArray());
    }

    [Fact]
    public void Agency_values_show_the_names_given_and_the_code_when_there_is_none()
    {
        var cut = Render<FacetList>(p => p
            .Add(x => x.Key, "agency")
            .Add(x => x.Values, [new FacetValue("BCT", 3), new FacetValue("XYZ", 1)])
            .Add(x => x.Request, Request)
            .Add(x => x.AgencyNames, new Dictionary<string, string> { ["BCT"] = "Bộ Công Thương" }));

        Assert.Equal("Cơ quan", cut.Find("summary").TextContent);
        var query = QueryOf(LinkOf(cut, "Bộ Công Thương").GetAttribute("href"));
        Assert.Equal(["BCT"], query["agency"]);
        Assert.Equal(["procedure"], query["kind"]); // the other facets' filters are kept
        Assert.NotNull(LinkOf(cut, "XYZ"));
        Assert.False(cut.Find("details").HasAttribute("open"));
    }

    [Fact]
    public void Renders_nothing_for_no_values()
    {
        var cut = Render<FacetList>(p => p
            .Add(x => x.Key, "kind")
            .Add(x => x.Values, [])
            .Add(x => x.Request, Request));

        Assert.Equal("", cut.Markup.Trim());
    }

    private IRenderedComponent<FacetList> RenderKinds() => Render<FacetList>(p => p
        .Add(x => x.Key, "kind")
        .Add(x => x.Values, [new FacetValue("business_condition", 1200), new FacetValue("procedure", 3)])
        .Add(x => x.Request, Request));

    /// <summary>The link whose label (the text after the check box) is <paramref name="label"/>.</summary>
    private static AngleSharp.Dom.IElement LinkOf(IRenderedComponent<FacetList> cut, string label) =>
        Assert.Single(cut.FindAll("li a"), a => a.QuerySelector(".check")!.NextSibling?.TextContent == label);
}
