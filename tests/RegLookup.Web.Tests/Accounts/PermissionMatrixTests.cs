using System.Security.Claims;
using RegLookup.Data.Model;
using RegLookup.Testing;
using RegLookup.Web.Accounts;

namespace RegLookup.Web.Tests.Accounts;

/// <summary>The README's role table is the specification: every cell is checked against <see cref="Permissions.Can"/>.</summary>
public class PermissionMatrixTests
{
    private const string Agency = "BCT";

    /// <summary>The columns of the README table, left to right, as the people they name.</summary>
    private static readonly (string Column, ClaimsPrincipal User)[] People =
    [
        ("anonymous", new ClaimsPrincipal(new ClaimsIdentity())),
        ("member", Person(Roles.Member)),
        ("drafter of the agency", Person(Roles.Drafter, Agency)),
        ("drafter of another agency", Person(Roles.Drafter, "BYT")),
        ("moderator", Person(Roles.Moderator)),
        ("admin", Person(Roles.Admin)),
    ];

    public static TheoryData<string, int, bool> Cells()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var (action, allowed) in ReadmeTable())
            for (var i = 0; i < allowed.Count; i++)
                data.Add(action, i, allowed[i]);
        return data;
    }

    [Theory, MemberData(nameof(Cells))]
    public void The_readme_table_is_what_the_code_allows(string action, int column, bool allowed)
    {
        var person = People[column];
        Assert.True(allowed == Permissions.Can(person.User, Enum.Parse<PortalAction>(action), Agency),
            $"{action} for {person.Column}: README says {(allowed ? "allowed" : "refused")}");
    }

    [Fact]
    public void The_readme_lists_every_action_once_with_every_column()
    {
        var table = ReadmeTable();
        Assert.Equal(Enum.GetNames<PortalAction>().Order(), table.Select(r => r.Action).Order());
        Assert.All(table, r => Assert.Equal(People.Length, r.Allowed.Count));
    }

    [Fact]
    public void A_drafter_without_an_agency_is_no_drafter()
    {
        Assert.False(Permissions.Can(Person(Roles.Drafter), PortalAction.ViewWorkspace));
        Assert.False(Permissions.Can(Person(Roles.Drafter), PortalAction.ManageProposal, Agency));
    }

    private static List<(string Action, List<bool> Allowed)> ReadmeTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| action (`PortalAction`)", StringComparison.Ordinal));
        Assert.True(header >= 0, "README has no role table");
        Assert.Equal(People.Select(p => p.Column), lines[header].Split('|', StringSplitOptions.TrimEntries)[2..^1]);
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l =>
        {
            var cells = l.Split('|', StringSplitOptions.TrimEntries)[1..^1];
            var action = cells[0][(cells[0].LastIndexOf("(`", StringComparison.Ordinal) + 2)..cells[0].LastIndexOf("`)", StringComparison.Ordinal)];
            return (action, cells[1..].Select(c => c == "✓").ToList());
        }).ToList();
    }

    private static ClaimsPrincipal Person(string role, string? agency = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString("N")), new(ClaimTypes.Role, role) };
        if (agency is not null) claims.Add(new Claim(Permissions.AgencyClaim, agency));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
