using System.CommandLine;
using Microsoft.Extensions.Localization;
using RegLookup.Data;
using RegLookup.Data.Migrations;

namespace RegLookup.Web.Accounts;

/// <summary>
/// <c>grant-role &lt;email&gt; &lt;role&gt; [--agency CODE] [--confirm-email]</c>: how a production deployment gets its first
/// administrator (there is no seeded one outside Development). The person registers on the site, then the operator
/// runs this on the server; it is audited as <c>cli:&lt;login&gt;</c>.
/// </summary>
public static class GrantRoleCommand
{
    public static Command Create(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var email = new Argument<string>("email") { Description = "Thư điện tử của tài khoản / the account's e-mail address" };
        var role = new Argument<string>("role") { Description = "member | drafter | moderator | admin" };
        var agency = new Option<string?>("--agency") { Description = "Mã cơ quan, bắt buộc với drafter / agency code, required for drafter" };
        var confirm = new Option<bool>("--confirm-email")
        {
            Description = "Xác nhận luôn thư điện tử (khi chưa gửi được thư) / also confirm the e-mail address (when no e-mail can be sent yet)",
        };
        var command = new Command("grant-role", "Cấp vai trò cho một tài khoản / grant a role to an account") { email, role, agency, confirm };
        command.SetAction(async (parse, ct) =>
        {
            await Migrator.MigrateAsync(services.GetRequiredService<Database>(), ct);
            var text = services.GetRequiredService<IStringLocalizer<Messages>>();
            var admin = ActivatorUtilities.CreateInstance<UserAdministration>(services);
            var address = parse.GetValue(email)!;
            if (await admin.FindByEmailAsync(address) is not { } user)
            {
                await error.WriteLineAsync(text["Account.Cli.NoAccount", address]);
                return 1;
            }
            var actor = AdminActor.CommandLine();
            if (parse.GetValue(confirm)) await admin.ConfirmEmailAsync(actor, user.Id);
            var outcome = await admin.GrantAsync(actor, user.Id, parse.GetValue(role)!, parse.GetValue(agency));
            var message = $"{address}: {text[$"Account.Admin.Outcome.{outcome}"]}";
            if (outcome is AdminOutcome.Done or AdminOutcome.AlreadyInRole)
            {
                await output.WriteLineAsync(message);
                return 0;
            }
            await error.WriteLineAsync(message);
            return 1;
        });
        return command;
    }
}
