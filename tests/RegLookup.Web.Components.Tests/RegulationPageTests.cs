using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Regulations;

namespace RegLookup.Web.Components.Tests;

public sealed class RegulationPageTests(PortalData data) : PortalComponentTest(data)
{
    [Fact]
    public void Shows_the_regulation_with_its_document_business_lines_and_Markdown_content()
    {
        var cut = RenderPage("BCT-XD-0001");

        Assert.Equal("Điều kiện đối với thương nhân đầu mối kinh doanh xăng dầu", cut.Find("h1").TextContent);
        Assert.Equal("Điều kiện kinh doanh", cut.Find("article .meta .chip-kind").TextContent);
        Assert.Equal("Đang áp dụng", cut.Find("article .meta .chip-status-in_force").TextContent);
        var document = cut.Find("a[href='/documents/nd-83-2014']");
        Assert.Equal("83/2014/NĐ-CP", document.TextContent);
        var line = Assert.Single(cut.FindAll(".facts .tags a"));
        Assert.Equal("Kinh doanh xăng dầu", line.TextContent);
        Assert.Equal("/business-lines/kinh-doanh-xang-dau", line.GetAttribute("href"));
        Assert.Equal("Bộ Công Thương", cut.Find("a[href='/agencies/BCT']").TextContent);
        Assert.Equal("cầu cảng chuyên dụng", cut.Find(".content strong").TextContent);
        Assert.DoesNotContain("**", cut.Find(".content").TextContent);
    }

    [Fact]
    public void Lists_the_proposals_that_target_it_with_the_action_and_the_others_of_its_business_line()
    {
        var cut = RenderPage("BCT-XD-0001");

        var proposal = cut.Find("a[href='/proposals/PA-BCT-XD-2026-01']");
        Assert.Equal("Phương án cắt giảm điều kiện kinh doanh xăng dầu", proposal.TextContent);
        var meta = proposal.ParentElement!.QuerySelector(".meta")!;
        Assert.Equal("Đang lấy ý kiến", meta.QuerySelector(".chip-status-consultation")!.TextContent);
        Assert.Contains("Bãi bỏ yêu cầu cầu cảng", meta.TextContent);
        Assert.Equal(["/regulations/BCT-XD-0002", "/regulations/BCT-XD-0003"],
            cut.FindAll(".columns .link-list a[href^='/regulations/']").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Has_a_citation_line_with_title_article_document_agency_and_address()
    {
        var cut = RenderPage("BCT-XD-0001");

        Assert.Equal(
            "Điều kiện đối với thương nhân đầu mối kinh doanh xăng dầu. Điều 7, khoản 1, 83/2014/NĐ-CP. Bộ Công Thương. http://localhost/regulations/BCT-XD-0001",
            cut.Find(".cite").TextContent);
    }

    [Fact]
    public async Task Markdown_content_cannot_carry_script_or_javascript_links()
    {
        var regulations = Services.GetRequiredService<RegulationStore>();
        await Data.Db.WriteAsync(s => regulations.UpsertAsync(s, new Regulation
        {
            Id = "TEST-XSS-0001", DocumentId = "nd-83-2014", Agency = "BCT", Kind = "other", Status = "in_force",
            Title = "Quy định thử nội dung không an toàn",
            Content = "Trước <script>alert(1)</script> sau.\n\n[x](javascript:alert(1)) và [y](https://vbpl.vn/)",
        }));

        var cut = RenderPage("TEST-XSS-0001");

        var content = cut.Find(".content");
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("<script>alert(1)</script>", content.TextContent); // shown as text
        Assert.DoesNotContain(cut.FindAll("a[href]"), a => a.GetAttribute("href")!.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("https://vbpl.vn/", Assert.Single(content.QuerySelectorAll("a[href]")).GetAttribute("href"));
    }

    [Fact]
    public void An_unknown_id_is_not_found_and_renders_nothing()
    {
        var notFound = false;
        Navigation.OnNotFound += (_, _) => notFound = true;

        var cut = Render<RegulationPage>(p => p.Add(x => x.Id, "KHONG-CO-0001"));

        cut.WaitForAssertion(() => Assert.True(notFound));
        Assert.Equal("", cut.Markup.Trim());
    }

    /// <summary>The page at its address, once its records are read.</summary>
    private IRenderedComponent<RegulationPage> RenderPage(string id)
    {
        Navigation.NavigateTo($"/regulations/{id}");
        var cut = Render<RegulationPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("h1");
        return cut;
    }
}
