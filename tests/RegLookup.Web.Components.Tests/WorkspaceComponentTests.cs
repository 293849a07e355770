using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data.Stores;
using RegLookup.Web.Consultations;

namespace RegLookup.Web.Components.Tests;

/// <summary>The drafter workspace's filter form, comment list and progress, over the sample data (BCT's proposal has
/// c-0001 answered, c-0002 and c-0003 not).</summary>
public sealed class WorkspaceComponentTests(PortalData data) : PortalComponentTest(data)
{
    private WorkspaceStore Store => Services.GetRequiredService<WorkspaceStore>();

    [Fact]
    public async Task The_filter_form_is_a_get_form_that_shows_the_current_filters()
    {
        var query = WorkspaceQuery.Parse("PA-BCT-XD-2026-01", null, "oppose", null, "unanswered", null, out _);
        var proposals = await Store.ProgressAsync("BCT");
        var regulations = await Store.CommentedRegulationsAsync("BCT", null);

        var cut = Render<WorkspaceFilters>(p => p
            .Add(x => x.Query, query)
            .Add(x => x.Proposals, proposals)
            .Add(x => x.Regulations, regulations));

        var form = cut.Find("form");
        Assert.Equal(("get", "/workspace"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(["proposal", "regulation", "stance", "respondent", "state"], cut.FindAll("select").Select(s => s.GetAttribute("name")));
        Assert.Equal("PA-BCT-XD-2026-01", Selected(cut, "proposal").GetAttribute("value"));
        Assert.Equal("Phản đối", Selected(cut, "stance").TextContent);
        Assert.Equal("Chưa trả lời", Selected(cut, "state").TextContent);
        Assert.Empty(cut.FindAll("select[name=respondent] option[selected]"));
        Assert.Equal(["Tất cả", "BCT-XD-0001 — Điều kiện đối với thương nhân đầu mối kinh doanh xăng dầu"],
            cut.FindAll("select[name=regulation] option").Select(o => o.TextContent));
        Assert.Equal("/workspace", cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public async Task The_filter_form_speaks_english_when_asked()
    {
        UseCulture("en");
        var query = WorkspaceQuery.Parse(null, null, "amend", "expert", "answered", null, out _);
        var proposals = await Store.ProgressAsync("BCT");

        var cut = Render<WorkspaceFilters>(p => p
            .Add(x => x.Query, query)
            .Add(x => x.Proposals, proposals)
            .Add(x => x.Regulations, []));

        Assert.Equal(("Proposes changes", "Expert", "Answered"),
            (Selected(cut, "stance").TextContent, Selected(cut, "respondent").TextContent, Selected(cut, "state").TextContent));
        Assert.Equal("Filter", cut.Find("button[type=submit]").TextContent);
    }

    [Fact]
    public async Task Each_listed_comment_has_its_checkbox_stamp_state_and_own_answer_fields()
    {
        var items = (await Store.ListAsync(new WorkspaceFilter { Agency = "BCT" }, 1, 20)).Items;

        var cut = Render<WorkspaceList>(p => p.Add(x => x.Items, items));

        Assert.Equal(["w-c-0001", "w-c-0002", "w-c-0003"], cut.FindAll("li.workspace-item").Select(li => li.Id));
        Assert.Equal(["c-0001", "c-0002", "c-0003"], cut.FindAll("input[type=checkbox][name='Input.Selected']").Select(i => i.GetAttribute("value")));
        Assert.StartsWith("accepted@", cut.Find("input[name='Input.Seen[c-0001]']").GetAttribute("value"));
        Assert.Equal("", cut.Find("input[name='Input.Seen[c-0002]']").GetAttribute("value"));

        var answered = cut.Find("#w-c-0001");
        Assert.Equal("true", answered.GetAttribute("data-answered"));
        Assert.Equal("Tiếp thu", answered.QuerySelector(".response .chip-decision-accepted")!.TextContent);
        Assert.Equal("accepted", answered.QuerySelector("select[name='Input.Decision[c-0001]'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Tiếp thu.", answered.QuerySelector("textarea[name='Input.Explanation[c-0001]']")!.TextContent);
        Assert.Equal("Sửa câu trả lời", answered.QuerySelector("summary")!.TextContent);

        var waiting = cut.Find("#w-c-0002");
        Assert.Equal("Ẩn danh", waiting.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal("Chưa trả lời", waiting.QuerySelector(".chip-unanswered")!.TextContent);
        Assert.Null(waiting.QuerySelector("option[selected]"));
        Assert.Equal("c-0002", waiting.QuerySelector("button[name='Input.Respond']")!.GetAttribute("value"));
        Assert.False(waiting.QuerySelector("details")!.HasAttribute("open"));
    }

    [Fact]
    public async Task A_refused_answer_stays_open_with_what_was_typed_and_the_reason()
    {
        var items = (await Store.ListAsync(new WorkspaceFilter { Agency = "BCT", Answered = false }, 1, 20)).Items;
        var form = new ResponseForm { Respond = "c-0003", Decision = { ["c-0003"] = "rejected" }, Explanation = { ["c-0003"] = "Chưa đủ cơ sở" }, Selected = ["c-0002"] };

        var cut = Render<WorkspaceList>(p => p
            .Add(x => x.Items, items)
            .Add(x => x.Form, form)
            .Add(x => x.Notices, new Dictionary<string, RowNotice> { ["c-0003"] = new("Vui lòng nhập nội dung giải trình.", true) }));

        var row = cut.Find("#w-c-0003");
        Assert.True(row.QuerySelector("details")!.HasAttribute("open"));
        Assert.Equal("Vui lòng nhập nội dung giải trình.", row.QuerySelector(".form-error[role=alert]")!.TextContent);
        Assert.Equal("rejected", row.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal("Chưa đủ cơ sở", row.QuerySelector("textarea")!.TextContent);
        Assert.True(cut.Find("#pick-c-0002").HasAttribute("checked"));
        Assert.False(cut.Find("#pick-c-0003").HasAttribute("checked"));
    }

    [Fact]
    public void An_empty_list_says_so()
    {
        var cut = Render<WorkspaceList>(p => p.Add(x => x.Items, []));

        Assert.Equal("Không có ý kiến góp ý nào phù hợp với bộ lọc.", cut.Find(".workspace-empty").TextContent);
    }

    [Fact]
    public async Task Progress_counts_answers_per_proposal_and_overall_with_the_report_links()
    {
        var progress = await Store.ProgressAsync("BCT");

        var cut = Render<WorkspaceProgress>(p => p.Add(x => x.Items, progress));

        Assert.Equal(["PA-BCT-XD-2026-01"], progress.Select(p => p.ProposalId));
        Assert.Equal("Đã trả lời 1/3 ý kiến", cut.Find(".workspace-overall span").TextContent);
        var bar = cut.Find("tr[data-proposal='PA-BCT-XD-2026-01'] progress");
        Assert.Equal(("1", "3"), (bar.GetAttribute("value"), bar.GetAttribute("max")));
        Assert.Equal("/workspace?proposal=PA-BCT-XD-2026-01", cut.Find("tr[data-proposal] th a").GetAttribute("href"));
        Assert.Equal(new[] { "xlsx", "docx", "csv" }.Select(f => $"/workspace/proposals/PA-BCT-XD-2026-01/report.{f}"),
            cut.FindAll(".report-links a").Select(a => a.GetAttribute("href")));
    }

    private static AngleSharp.Dom.IElement Selected(IRenderedComponent<WorkspaceFilters> cut, string name) =>
        cut.Find($"select[name={name}] option[selected]");
}
