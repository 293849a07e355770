using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data.Model;
using RegLookup.Web.Accounts;
using RegLookup.Web.Consultations;

namespace RegLookup.Web.Components.Tests;

public sealed class ProposalActionsTests : PortalComponentTest
{
    private readonly BunitAuthorizationContext _auth;

    public ProposalActionsTests(PortalData data) : base(data)
    {
        Services.AddSingleton<Notifier>();
        Services.AddSingleton<ProposalLifecycle>();
        _auth = AddAuthorization();
    }

    [Fact]
    public void A_drafter_of_the_agency_may_edit_a_draft_open_its_consultation_with_a_window_or_withdraw_it()
    {
        SignInAsDrafterOf("BCT");

        var cut = Render<ProposalActions>(p => p.Add(x => x.Proposal, Proposal("draft")));

        Assert.Equal("/workspace/proposals/PA-BCT-2026-01/edit", cut.Find("a.lifecycle-edit").GetAttribute("href"));
        Assert.Equal(["consultation", "withdrawn"], Moves(cut));
        Assert.Equal("2026-12-15", cut.Find("input[name='Move.OpensOn']").GetAttribute("value"));
        Assert.Equal("2027-01-31", cut.Find("input[name='Move.ClosesOn']").GetAttribute("value"));
        Assert.Equal("checkbox", cut.Find("input[name='Move.Confirm']").GetAttribute("type"));
        Assert.Equal("Mở lấy ý kiến", cut.Find("button[value='consultation']").TextContent);
    }

    [Theory]
    [InlineData("consultation", "closed", "Kết thúc lấy ý kiến")]
    [InlineData("closed", "submitted", "Đã trình")]
    [InlineData("submitted", "approved", "Đã phê duyệt")]
    [InlineData("approved", "implemented", "Đã thực thi")]
    public void After_the_draft_the_next_step_is_offered_with_withdrawal_and_no_edit_link(string status, string next, string button)
    {
        SignInAsDrafterOf("BCT");

        var cut = Render<ProposalActions>(p => p.Add(x => x.Proposal, Proposal(status)));

        Assert.Equal([next, "withdrawn"], Moves(cut));
        Assert.Equal(button, cut.Find($"button[value='{next}']").TextContent);
        Assert.Empty(cut.FindAll("a.lifecycle-edit"));
        Assert.Equal(next == "implemented", cut.FindAll("input[name='Move.DocumentId']").Count == 1);
    }

    [Theory]
    [InlineData("implemented")]
    [InlineData("withdrawn")]
    public void A_proposal_at_its_end_offers_no_move(string status)
    {
        SignInAsDrafterOf("BCT");

        var cut = Render<ProposalActions>(p => p.Add(x => x.Proposal, Proposal(status)));

        Assert.Empty(Moves(cut));
        Assert.Contains("trạng thái cuối", cut.Find(".lifecycle-actions").TextContent);
    }

    [Fact]
    public void Anyone_but_the_agency_s_drafters_sees_nothing()
    {
        Assert.Empty(Render<ProposalActions>(p => p.Add(x => x.Proposal, Proposal("consultation"))).Markup.Trim());

        SignInAsDrafterOf("BYT");
        Assert.Empty(Render<ProposalActions>(p => p.Add(x => x.Proposal, Proposal("consultation"))).Markup.Trim());

        _auth.SetAuthorized("Nguyễn Thị Lan").SetRoles(Roles.Member);
        Assert.Empty(Render<ProposalActions>(p => p.Add(x => x.Proposal, Proposal("consultation"))).Markup.Trim());
    }

    private void SignInAsDrafterOf(string agency) =>
        _auth.SetAuthorized("Vụ Thị trường trong nước").SetRoles(Roles.Drafter)
            .SetClaims(new Claim(Permissions.AgencyClaim, agency), new Claim(ClaimTypes.NameIdentifier, "u-1"));

    private static string[] Moves(IRenderedComponent<ProposalActions> cut) =>
        cut.FindAll("button[name='Move.To']").Select(b => b.GetAttribute("value")!).ToArray();

    private static Proposal Proposal(string status) => new()
    {
        Id = "PA-BCT-2026-01", Agency = "BCT", Title = "Phương án cắt giảm điều kiện kinh doanh xăng dầu", Status = status,
        OpensOn = new DateOnly(2026, 12, 15), ClosesOn = new DateOnly(2027, 1, 31),
        Targets = [new ProposalTarget { RegulationId = "BCT-XD-0001", Action = "abolish" }],
    };
}
