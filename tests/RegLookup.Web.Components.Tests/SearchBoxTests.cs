using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using RegLookup.Web.Search;

namespace RegLookup.Web.Components.Tests;

public sealed class SearchBoxTests : PortalComponentTest
{
    public SearchBoxTests(PortalData data) : base(data) => Live(true);

    /// <summary>Whether the box renders in a live circuit (true) or as the server's prerendered HTML (false).</summary>
    private void Live(bool interactive) => Renderer.SetRendererInfo(new RendererInfo("Server", interactive));

    [Fact]
    public void Only_the_live_box_is_marked_live_for_the_script_that_keeps_early_typing()
    {
        Live(false);
        Assert.False(Render<SearchBox>().Find("input").HasAttribute("data-live"));
        Live(true);
        Assert.Equal("true", Render<SearchBox>().Find("input").GetAttribute("data-live"));
    }

    [Fact]
    public void Renders_a_get_form_to_the_search_page_with_the_query_in_q()
    {
        var cut = Render<SearchBox>(p => p.Add(x => x.Query, "xăng dầu"));

        var form = cut.Find("form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        var input = cut.Find("form input[name=q]");
        Assert.Equal("xăng dầu", input.GetAttribute("value"));
        Assert.Equal("combobox", input.GetAttribute("role"));
        Assert.Equal("false", input.GetAttribute("aria-expanded"));
        Assert.Equal(input.Id, cut.Find("label").GetAttribute("for"));
        Assert.Equal("Tìm kiếm", cut.Find("button[type=submit]").TextContent);
        Assert.Empty(cut.FindAll("[role=listbox]"));
    }

    [Fact]
    public void Typing_shows_a_listbox_of_suggestions_that_link_to_their_pages()
    {
        var cut = Render<SearchBox>();

        cut.Find("input").Input("kinh doanh x");

        var listbox = cut.Find("[role=listbox]");
        var input = cut.Find("input");
        Assert.Equal("true", input.GetAttribute("aria-expanded"));
        Assert.Equal(listbox.Id, input.GetAttribute("aria-controls"));
        var first = cut.Find("[role=listbox] > [role=option]:first-child a");
        Assert.Equal("Kinh doanh xăng dầu", first.FirstChild!.TextContent);
        Assert.Equal("/business-lines/kinh-doanh-xang-dau", first.GetAttribute("href"));
        Assert.Equal("Ngành, nghề kinh doanh", first.QuerySelector(".kind")!.TextContent);
    }

    [Fact]
    public void Arrow_keys_move_the_active_option_and_escape_closes_the_list()
    {
        var cut = Render<SearchBox>();
        cut.Find("input").Input("kinh doanh x");
        var count = cut.FindAll("[role=option]").Count;
        Assert.True(count >= 2, $"expected several suggestions, got {count}");
        Assert.Null(cut.Find("input").GetAttribute("aria-activedescendant"));

        cut.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        AssertActive(cut, 0);

        cut.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        AssertActive(cut, 1);

        cut.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });
        cut.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });
        AssertActive(cut, count - 1); // up from the first option wraps to the last

        cut.Find("input").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(cut.FindAll("[role=listbox]"));
        Assert.Equal("false", cut.Find("input").GetAttribute("aria-expanded"));
        Assert.Null(cut.Find("input").GetAttribute("aria-activedescendant"));
    }

    [Fact]
    public void The_active_option_that_Enter_opens_is_the_highlighted_link()
    {
        var cut = Render<SearchBox>();
        cut.Find("input").Input("kinh doanh x");
        cut.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });

        var active = cut.Find("input").GetAttribute("aria-activedescendant");
        Assert.Equal("/business-lines/kinh-doanh-xang-dau", cut.Find($"#{active} a").GetAttribute("href"));
    }

    [Fact]
    public void One_letter_shows_no_suggestions()
    {
        var cut = Render<SearchBox>();
        cut.Find("input").Input("kinh doanh x");
        Assert.NotEmpty(cut.FindAll("[role=option]"));

        cut.Find("input").Input("k");

        Assert.Empty(cut.FindAll("[role=listbox]"));
        Assert.Equal("false", cut.Find("input").GetAttribute("aria-expanded"));
    }

    private static void AssertActive(IRenderedComponent<SearchBox> cut, int index)
    {
        var options = cut.FindAll("[role=option]");
        for (var i = 0; i < options.Count; i++)
            Assert.Equal(i == index ? "true" : "false", options[i].GetAttribute("aria-selected"));
        Assert.Equal(options[index].Id, cut.Find("input").GetAttribute("aria-activedescendant"));
    }
}
