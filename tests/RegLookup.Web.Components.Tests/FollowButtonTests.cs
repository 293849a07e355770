using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Components.Tests;

public sealed class FollowButtonTests(PortalData data) : PortalComponentTest(data)
{
    [Fact]
    public void An_anonymous_visitor_gets_a_sign_in_link_that_comes_back_to_the_page()
    {
        Navigation.NavigateTo("/sectors/xang-dau");

        var cut = Render<FollowButton>(p => p.Add(x => x.Entity, Entities.Sector).Add(x => x.EntityId, "Xăng dầu"));

        var link = cut.Find("a.follow-signin");
        Assert.Equal("Đăng nhập để theo dõi", link.TextContent);
        Assert.Equal("/account/login?ReturnUrl=%2Fsectors%2Fxang-dau", link.GetAttribute("href"));
        Assert.Empty(cut.FindAll("form"));
    }

    [Fact]
    public async Task A_signed_in_person_gets_a_follow_form_and_once_following_an_unfollow_form()
    {
        var user = await SignedInUserAsync();
        Navigation.NavigateTo("/regulations/BCT-XD-0003");

        var cut = Render<FollowButton>(p => p.Add(x => x.Entity, Entities.Regulation).Add(x => x.EntityId, "BCT-XD-0003"));

        cut.WaitForElement("form");
        Assert.Equal("/follows", cut.Find("form").GetAttribute("action"));
        Assert.Equal("post", cut.Find("form").GetAttribute("method"));
        Assert.Equal("Theo dõi", cut.Find("button[type=submit]").TextContent);
        Assert.Equal("follow", Hidden(cut, "action"));
        Assert.Equal(Entities.Regulation, Hidden(cut, "entity"));
        Assert.Equal("BCT-XD-0003", Hidden(cut, "id"));
        Assert.Equal("/regulations/BCT-XD-0003", Hidden(cut, "returnUrl"));
        Assert.Empty(cut.FindAll(".follow-state"));

        Assert.True(await Services.GetRequiredService<NotificationStore>().FollowAsync(user.Id, Entities.Regulation, "BCT-XD-0003"));
        var following = Render<FollowButton>(p => p.Add(x => x.Entity, Entities.Regulation).Add(x => x.EntityId, "BCT-XD-0003"));

        following.WaitForAssertion(() => Assert.Equal("Bỏ theo dõi", following.Find("button[type=submit]").TextContent));
        Assert.Equal("unfollow", Hidden(following, "action"));
        Assert.Equal("Bạn đang theo dõi mục này.", following.Find(".follow-state").TextContent);
    }

    [Fact]
    public async Task Labels_follow_the_English_interface()
    {
        await SignedInUserAsync();
        UseCulture("en");

        var cut = Render<FollowButton>(p => p.Add(x => x.Entity, Entities.Agency).Add(x => x.EntityId, "BYT"));

        cut.WaitForElement("form");
        Assert.Equal("Follow", cut.Find("button[type=submit]").TextContent);
    }

    private static string? Hidden(IRenderedComponent<FollowButton> cut, string name) =>
        cut.Find($"input[type=hidden][name={name}]").GetAttribute("value");

    /// <summary>A new account in the shared database, signed in for this test's components.</summary>
    private async Task<PortalUser> SignedInUserAsync()
    {
        var user = new PortalUser
        {
            Email = $"{Guid.NewGuid():N}@example.vn", DisplayName = "Người theo dõi",
        };
        user.NormalizedEmail = user.Email.ToUpperInvariant();
        // Services are added before the first is resolved.
        AddAuthorization().SetAuthorized(user.DisplayName).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        await Services.GetRequiredService<UserStore>().CreateAsync(user);
        return user;
    }
}
