using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Testing;

namespace RegLookup.Web.Tests.Accounts;

/// <summary><c>grant-role</c>, run as a separate process the way an operator bootstraps a production deployment.</summary>
public class GrantRoleCommandTests
{
    private static async Task<PortalUser> RegisteredAsync(Database db, string email)
    {
        var user = new PortalUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Trần Quốc Bảo" };
        await new UserStore(db).CreateAsync(user);
        return user;
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Grants_a_role_and_an_agency_to_a_registered_account_and_audits_the_operator(DbEngine engine)
    {
        await using var t = await TestDatabase.CreateLoadedAsync(engine);
        var user = await RegisteredAsync(t.Db, "bao.tran@mpi.gov.vn");

        var (exit, output, error) = await CommandLineTests.RunAsync(t.Db.ConnectionString, "grant-role", "Bao.Tran@mpi.gov.vn", "admin", "--confirm-email");
        Assert.True(exit == 0, error);
        Assert.Contains("bao.tran@mpi.gov.vn", output, StringComparison.OrdinalIgnoreCase);
        (exit, _, error) = await CommandLineTests.RunAsync(t.Db.ConnectionString, "grant-role", "bao.tran@mpi.gov.vn", "drafter", "--agency", "BCT");
        Assert.True(exit == 0, error);

        var users = new UserStore(t.Db);
        Assert.Equal([Roles.Admin, Roles.Drafter], await users.RolesAsync(user.Id));
        var stored = (await users.FindByIdAsync(user.Id))!;
        Assert.Equal("BCT", stored.Agency);
        Assert.True(stored.EmailConfirmed);
        var audit = await new AuditLog(t.Db).ListForAsync("user", user.Id);
        Assert.Equal(["user.confirm_email", "role.grant", "role.grant"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith("cli:", e.Actor));
    }

    // The operator's locale picks the language (Vietnamese where none is set), so either text is right.
    [Theory]
    [InlineData("nobody@example.vn", "admin", null, "Không có tài khoản với thư điện tử nobody@example.vn|no account with the e-mail address nobody@example.vn")]
    [InlineData("bao.tran@mpi.gov.vn", "drafter", null, "Vui lòng chọn cơ quan|Please choose the agency")]
    [InlineData("bao.tran@mpi.gov.vn", "drafter", "XYZ", "Không có cơ quan với mã này|There is no agency with this code")]
    [InlineData("bao.tran@mpi.gov.vn", "superuser", null, "Vai trò không hợp lệ|Unknown role")]
    public async Task Refuses_with_a_message_and_changes_nothing(string email, string role, string? agency, string message)
    {
        await using var t = await TestDatabase.CreateLoadedAsync(DbEngine.Sqlite);
        var user = await RegisteredAsync(t.Db, "bao.tran@mpi.gov.vn");

        var (exit, _, error) = await CommandLineTests.RunAsync(t.Db.ConnectionString,
            agency is null ? ["grant-role", email, role] : ["grant-role", email, role, "--agency", agency]);

        Assert.Equal(1, exit);
        Assert.Matches(message, error);
        Assert.Empty(await new UserStore(t.Db).RolesAsync(user.Id));
        Assert.Empty(await new AuditLog(t.Db).ListForAsync("user", user.Id));
    }
}
