using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using RegLookup.Data.Stores;

using RegLookup.Web.Platform;

namespace RegLookup.Web.Accounts;

/// <summary>
/// The two form posts of following and notifications. Plain HTML forms with an antiforgery token, answered with a
/// redirect back to the page, so they work without JavaScript and a reload does not post again.
/// </summary>
public static class FollowEndpoints
{
    public const string NotificationsPath = "/account/notifications";
    public const string FollowPath = "/follows";
    public const string MarkReadPath = "/account/notifications/read";

    /// <summary>Sent back to the notifications page when there is nothing of that name to follow.</summary>
    public const string RefusedParameter = "refused";

    public const string FollowAction = "follow";
    public const string UnfollowAction = "unfollow";

    private const int MaxIdLength = 300;

    /// <summary>The e-mail sender, on every node (it does nothing unless SMTP is configured).</summary>
    public static IServiceCollection AddFollowing(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }

    /// <summary>The follow form's fields; settable properties, so a post that leaves one out is judged by the endpoint
    /// (a clear refusal, or the record's own page as the way back) instead of failing to bind with a bare 400.</summary>
    public sealed class FollowForm
    {
        public string? Entity { get; set; }
        public string? Id { get; set; }
        public string? Action { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public static void MapFollowEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(FollowPath, async ([FromForm] FollowForm form, HttpContext http, NotificationStore follows) =>
            {
                var back = LocalUrls.LocalOr(form.ReturnUrl, form is { Entity: { } e, Id: { } i } ? FollowTargets.Url(e, i) : "/");
                // Signing in first is the answer to an anonymous click, then back to the page to click again.
                if (Permissions.UserIdOf(http.User) is not { } userId || !Permissions.Can(http.User, PortalAction.Follow))
                    return SignIn(back);
                if (form is not { Entity: { } entity, Id: { Length: > 0 and <= MaxIdLength } id }) return Refused();
                switch (form.Action)
                {
                    case FollowAction:
                        if (!await follows.FollowAsync(userId, entity, id)) return Refused();
                        break;
                    case UnfollowAction:
                        await follows.UnfollowAsync(userId, entity, id);
                        break;
                    default:
                        return Refused();
                }
                return Results.Redirect(back);
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

        // upTo: the newest notification on the person's screen; without it, everything.
        app.MapPost(MarkReadPath, async ([FromForm] long? upTo, HttpContext http, NotificationStore notifications) =>
            {
                if (Permissions.UserIdOf(http.User) is not { } userId) return SignIn(NotificationsPath);
                await notifications.MarkAllReadAsync(userId, upTo ?? long.MaxValue);
                return Results.Redirect(NotificationsPath);
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
    }

    private static IResult SignIn(string returnUrl) => Results.Redirect($"{AccountServices.LoginPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

    private static IResult Refused() => Results.Redirect($"{NotificationsPath}?{RefusedParameter}=1");
}
