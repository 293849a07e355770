using RegLookup.Web.Consultations;

namespace RegLookup.Web.Components.Tests;

public sealed class CommentFormTests(PortalData data) : PortalComponentTest(data)
{
    private static readonly IReadOnlyList<(string, string)> Targets =
        [("BCT-XD-0001", "Điều kiện đối với thương nhân đầu mối kinh doanh xăng dầu"), ("BCT-XD-0002", "Điều kiện đối với cửa hàng bán lẻ xăng dầu")];

    [Fact]
    public void Offers_the_four_stances_the_targets_and_attachments_in_a_multipart_form()
    {
        var cut = Render(new CommentInput());

        Assert.Equal("multipart/form-data", cut.Find("form").GetAttribute("enctype"));
        Assert.Equal(["Ủng hộ", "Phản đối", "Đề nghị sửa đổi", "Ý kiến khác"],
            cut.FindAll(".stance-choice label").Select(l => l.TextContent.Trim()));
        Assert.Equal(["support", "oppose", "amend", "neutral"], cut.FindAll("input[name='Comment.Stance']").Select(i => i.GetAttribute("value")));
        Assert.Equal(["", "BCT-XD-0001", "BCT-XD-0002"], cut.FindAll("select[name='Comment.RegulationId'] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Toàn bộ phương án", cut.Find("select option").TextContent);
        Assert.Equal("10000", cut.Find("textarea[name='Comment.Body']").GetAttribute("maxlength"));
        var files = cut.Find("input[type=file]");
        Assert.True(files.HasAttribute("multiple"));
        Assert.Contains(".pdf,.docx,.xlsx", files.GetAttribute("accept"));
        Assert.Contains("tối đa 5 tệp, mỗi tệp không quá 10 MB", cut.Markup);
        Assert.Equal("t-body", cut.Find("textarea").Id); // its label points at it
        Assert.Single(cut.FindAll("label[for='t-body']"));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Only_an_individual_is_offered_to_publish_anonymously(bool individual, int checkboxes)
    {
        var cut = Render(new CommentInput(), allowAnonymous: individual);

        Assert.Equal(checkboxes, cut.FindAll("input[type=checkbox][name='Comment.Anonymous']").Count);
    }

    [Fact]
    public void A_refused_comment_shows_its_message_as_an_alert_and_keeps_what_was_typed()
    {
        var cut = Render(new CommentInput { Stance = "amend", Body = "Đề nghị giảm tần suất", RegulationId = "BCT-XD-0002", Anonymous = true },
            error: "Nội dung góp ý dài tối đa 10000 ký tự (hiện có 10001).", allowAnonymous: true);

        Assert.Equal("Nội dung góp ý dài tối đa 10000 ký tự (hiện có 10001).", cut.Find("[role=alert]").TextContent);
        Assert.True(cut.Find("input[value=amend]").HasAttribute("checked"));
        Assert.False(cut.Find("input[value=support]").HasAttribute("checked"));
        Assert.True(cut.Find("option[value='BCT-XD-0002']").HasAttribute("selected"));
        Assert.Equal("Đề nghị giảm tần suất", cut.Find("textarea").TextContent);
        Assert.True(cut.Find("input[type=checkbox]").HasAttribute("checked"));
    }

    [Fact]
    public void The_edit_form_has_no_attachments_or_targets()
    {
        var cut = Render<CommentForm>(p => p.Add(x => x.Model, new CommentInput()).Add(x => x.FormName, "comment-edit")
            .Add(x => x.Heading, "Sửa").Add(x => x.SubmitLabel, "Lưu").Add(x => x.ShowFiles, false));

        Assert.Empty(cut.FindAll("input[type=file]"));
        Assert.Empty(cut.FindAll("select"));
        Assert.Equal(4, cut.FindAll("input[type=radio]").Count);
    }

    private IRenderedComponent<CommentForm> Render(CommentInput input, string? error = null, bool allowAnonymous = false) =>
        Render<CommentForm>(p => p.Add(x => x.Model, input).Add(x => x.FormName, "comment-new").Add(x => x.Heading, "Gửi ý kiến")
            .Add(x => x.SubmitLabel, "Gửi").Add(x => x.Targets, Targets).Add(x => x.Error, error).Add(x => x.AllowAnonymous, allowAnonymous)
            .Add(x => x.IdPrefix, "t"));
}
