using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data.Stores;
using RegLookup.Web.Consultations;

namespace RegLookup.Web.Components.Tests;

public sealed class CommentThreadTests(PortalData data) : PortalComponentTest(data)
{
    [Fact]
    public async Task Nests_replies_inside_the_item_of_their_parent()
    {
        var cut = await RenderThreadAsync("PA-BCT-XD-2026-01");

        Assert.Single(cut.Find("ul.thread").Children); // only c-0001 is at the top
        Assert.Single(cut.FindAll(".thread > li > #c-0001 ~ .thread > li > #c-0002"));
        Assert.Single(cut.FindAll("#c-0002 ~ .thread > li > #c-0003"));
        Assert.Empty(cut.FindAll("#c-0001 ~ .thread > li > #c-0003"));
        Assert.Empty(cut.FindAll("article article"));
    }

    [Theory]
    [InlineData("vi", "Ẩn danh")]
    [InlineData("en", "Anonymous")]
    public async Task An_anonymous_comment_is_shown_as_anonymous_in_the_language_of_the_page(string culture, string anonymous)
    {
        UseCulture(culture);

        var cut = await RenderThreadAsync("PA-BCT-XD-2026-01");

        var comment = cut.Find("#c-0002");
        Assert.Equal(anonymous, comment.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal(anonymous, comment.GetAttribute("aria-label"));
        Assert.Equal("Nguyễn Văn Hùng", cut.Find("#c-0001 .comment-author").TextContent);
    }

    [Theory]
    [InlineData("PA-BCT-XD-2026-01", "c-0001", "Tiếp thu", "in_force", "Vụ Thị trường trong nước")]
    [InlineData("PA-BYT-TP-2020-01", "c-0004", "Không tiếp thu, giải trình", "cut", "Cục An toàn thực phẩm")]
    public async Task A_response_shows_the_decision_in_Vietnamese_and_who_gave_it(string proposal, string comment, string decision, string decisionClass, string by)
    {
        var cut = await RenderThreadAsync(proposal);

        var response = cut.Find($"#{comment} .response");
        Assert.Equal("Giải trình, tiếp thu của cơ quan soạn thảo", response.QuerySelector("strong")!.TextContent);
        Assert.Equal(decision, response.QuerySelector($".chip-status-{decisionClass}")!.TextContent);
        Assert.Contains(by, response.TextContent);
        Assert.Single(cut.FindAll(".response"));
    }

    [Fact]
    public async Task Comment_bodies_are_rendered_from_Markdown()
    {
        var cut = await RenderThreadAsync("PA-BCT-XD-2026-01");

        Assert.Equal("ủng hộ", cut.Find("#c-0001 > div:not(.comment-head):not(.response) strong").TextContent);
    }

    private async Task<IRenderedComponent<CommentThread>> RenderThreadAsync(string proposalId)
    {
        var comments = await Services.GetRequiredService<CommentStore>().ListByProposalAsync(proposalId);
        return Render<CommentThread>(p => p.Add(x => x.Nodes, CommentNode.Nest(comments)));
    }
}
