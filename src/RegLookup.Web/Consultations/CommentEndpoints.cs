using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Consultations;

public static class CommentEndpoints
{
    public static string AttachmentUrl(string id) => $"/attachments/{Uri.EscapeDataString(id)}";

    /// <summary>Writing in consultation threads: the rules, attachments, and the live news of new comments.</summary>
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<CommentThreadReader>();
        services.AddSingleton<CommentService>();
        services.AddSingleton<CommentEvents>();
        return services;
    }

    /// <summary><c>GET /attachments/{id}</c>: a comment's file, as a download of its real type. The file of a hidden
    /// comment is served to moderators only.</summary>
    public static void MapCommentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/attachments/{id}", async (string id, HttpContext http, AttachmentStore attachments, IStringLocalizer<Messages> text) =>
            {
                if (await attachments.GetAsync(id) is not { } file || (file.CommentHidden && !Permissions.Can(http.User, PortalAction.Moderate)))
                    return PublicData.NotFound(text, "attachment", id);
                // Never rendered by the browser as a page of this site, whatever a file turns out to hold.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "sandbox";
                http.Response.Headers.CacheControl = "private, no-cache";
                return Results.File(file.Content, file.Info.ContentType, file.Info.FileName);
            })
            .WithTags("Consultations")
            .WithSummary("A file attached to a comment (PDF, DOCX or XLSX)");
}
