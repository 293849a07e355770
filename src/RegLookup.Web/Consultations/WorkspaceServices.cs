using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using RegLookup.Data.Stores;
using RegLookup.Web.Accounts;
using RegLookup.Web.Platform;
using RegLookup.Web.Tracking;

namespace RegLookup.Web.Consultations;

/// <summary>The drafter workspace (<c>/workspace</c>) and the synthesis report downloads
/// (<c>/workspace/proposals/{id}/report.xlsx|.docx|.csv</c>).</summary>
public static class WorkspaceServices
{
    public static IServiceCollection AddWorkspace(this IServiceCollection services) => services
        .AddScoped<ResponseService>()
        .AddScoped<SynthesisReportBuilder>();

    /// <summary>
    /// Downloads for drafters of the proposal's agency. Anonymous visitors are sent to sign in; anyone else signed in
    /// gets 403 (policy <see cref="PortalAction.DownloadReport"/> with the proposal's agency).
    /// </summary>
    public static void MapSynthesisReports(this IEndpointRouteBuilder app) =>
        app.MapGet("/workspace/proposals/{id}/report.{format}", async (string id, string format, HttpContext http,
                ProposalStore proposals, IAuthorizationService authorization, SynthesisReportBuilder builder, IStringLocalizer<Messages> text) =>
            {
                if (format is not ("xlsx" or "docx" or "csv") || await proposals.GetAsync(id) is not { } proposal)
                    return PublicData.NotFound(text, "proposal", id);
                if (!(await authorization.AuthorizeAsync(http.User, proposal.Agency, nameof(PortalAction.DownloadReport))).Succeeded)
                    return Results.Problem(title: text["Workspace.Forbidden"], statusCode: StatusCodes.Status403Forbidden);

                var report = await builder.BuildAsync(proposal, ProposalEndpoints.Today);
                return format switch
                {
                    "xlsx" => Results.File(SynthesisReportXlsx.Write(report), SynthesisReportXlsx.ContentType, report.FileName(format)),
                    "docx" => Results.File(SynthesisReportDocx.Write(report), SynthesisReportDocx.ContentType, report.FileName(format)),
                    _ => Results.Stream(stream => WriteCsvAsync(stream, report), "text/csv; charset=utf-8", report.FileName(format)),
                };
            })
            .RequireAuthorization()
            .ExcludeFromDescription();

    /// <summary>One line per comment, its group named in the second column (a flat file has no group rows).</summary>
    private static Task WriteCsvAsync(Stream stream, SynthesisReport report)
    {
        var header = report.Columns.Select(c => c.Header).ToList();
        header.Insert(1, report.GroupHeader);
        var rows = report.Groups.SelectMany(g => g.Rows.Select(r => (g.Heading, Row: r)));
        return CsvExport.WriteAsync(stream, header, rows.ToAsyncEnumerable(),
            line => line.Row.Cells.Take(1).Append(line.Heading).Concat(line.Row.Cells.Skip(1)));
    }
}
