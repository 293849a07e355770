using System.Globalization;
using System.IO.Compression;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Localization;
using RegLookup.Data.Interchange;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Consultations;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Tracking;

/// <summary>The open-data routes of http-api.md: statistics, CSV and dataset exports, Atom feeds.</summary>
public static class OpenDataEndpoints
{
    public static readonly string[] CsvEntities = ["regulations", "proposals", "comments"];

    public static void MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Open data").WithDataVersion();

        api.MapGet("/stats/agencies", (StatsStore stats, AgencyStore agencies) => AgencyStats.LoadAsync(stats, agencies))
            .WithSummary("Per agency: regulations by status and kind, proposals by status, cut rate against Resolution 68/NQ-CP");

        api.MapGet("/export/{file}", async (string file, HttpContext http, IStringLocalizer<Messages> text, RegulationStore regulations,
            ProposalStore proposals, CommentStore comments) =>
        {
            var entity = file.EndsWith(".csv", StringComparison.Ordinal) ? file[..^4] : null;
            if (entity is null || !CsvEntities.Contains(entity)) return PublicData.NotFound(text, "export", file);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"reglookup-{entity}.csv\"";
            var body = http.Response.Body;
            await (entity switch
            {
                "regulations" => CsvExport.WriteAsync(body, RegulationColumns, regulations.StreamAsync(), r => [r.Id, r.DocumentId, r.Article,
                    r.Agency, r.Sector, string.Join("; ", r.BusinessLines), r.Kind, r.Status, r.Title, r.Content, r.ComplianceCostVnd, r.UpdatedAt]),
                "proposals" => CsvExport.WriteAsync(body, ProposalColumns, proposals.StreamAsync(), p => [p.Id, p.Agency, p.Title, p.Status,
                    p.OpensOn, p.ClosesOn, string.Join("; ", p.Targets.Select(t => $"{t.RegulationId}:{t.Action}")), p.EstimatedSavingVnd, p.EstimatedSavingDays]),
                _ => CsvExport.WriteAsync(body, CommentColumns, comments.StreamAsync(), c => [c.Id, c.ProposalId, c.ParentId, c.RegulationId,
                    c.Author, c.Organization, c.RespondentType, c.Stance, c.Body, c.CreatedAt, c.Response?.Decision, c.Response?.Body,
                    c.Response?.By, c.Response?.At]),
            });
            return Results.Empty;
        })
        .WithSummary("CSV export (UTF-8 with BOM) of regulations.csv, proposals.csv or comments.csv");

        app.MapGet("/api/export/dataset.zip", async (HttpContext http, DatasetExporter exporter) =>
        {
            var folder = Directory.CreateTempSubdirectory("reglookup-export-");
            try
            {
                await exporter.ExportAsync(folder.FullName, includeDrafts: false);
                http.Response.ContentType = "application/zip";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"reglookup-dataset.zip\"";
                // ZipArchive writes synchronously; buffer it before sending.
                using var buffer = new MemoryStream();
                using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
                    foreach (var path in Directory.GetFiles(folder.FullName).Order())
                        zip.CreateEntryFromFile(path, Path.GetFileName(path), CompressionLevel.Optimal);
                buffer.Position = 0;
                await buffer.CopyToAsync(http.Response.Body);
                return Results.Empty;
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }).WithTags("Open data").WithDataVersion().WithSummary("The whole public dataset in the interchange format (data-format.md)");

        var feeds = app.MapGroup("/feeds").WithTags("Feeds").WithDataVersion();
        feeds.MapGet("/consultations.atom", async (HttpContext http, ProposalStore proposals, IStringLocalizer<Messages> text) =>
            await WriteAtomAsync(http, Consultations(await proposals.ListAsync(), http, text, text["Feed.Consultations"], "consultations")))
            .WithSummary("Atom feed of consultations opened");
        feeds.MapGet("/agencies/{file}", async (string file, HttpContext http, AgencyStore agencies, ProposalStore proposals, IStringLocalizer<Messages> text) =>
        {
            var code = file.EndsWith(".atom", StringComparison.Ordinal) ? file[..^5] : "";
            if (await agencies.GetAsync(code) is not { } agency) return PublicData.NotFound(text, "agency", code);
            return await WriteAtomAsync(http, Consultations(await proposals.ListAsync(agency: code), http, text,
                text["Feed.AgencyConsultations", agency.Name], $"agencies/{code}"));
        }).WithSummary("Atom feed of consultations opened by one agency ({code}.atom)");
        feeds.MapGet("/proposals/{file}", async (string file, HttpContext http, ProposalStore proposals, CommentStore comments, IStringLocalizer<Messages> text, Labels labels) =>
        {
            var id = file.EndsWith(".atom", StringComparison.Ordinal) ? file[..^5] : "";
            if (await proposals.GetAsync(id) is not { IsPublic: true } proposal) return PublicData.NotFound(text, "proposal", id);
            var answered = (await comments.ListByProposalAsync(id)).Where(c => c.Response is not null).OrderByDescending(c => c.Response!.At);
            var feed = Feed(http, text["Feed.Responses", proposal.Title], $"proposals/{id}",
                answered.Select(c => new SyndicationItem(
                    $"{labels.Decision(c.Response!.Decision)} — {c.Author}{(c.Organization is null ? "" : $", {c.Organization}")}",
                    c.Response.Body, new Uri($"{Origin(http)}/proposals/{Uri.EscapeDataString(id)}#{c.Id}"), $"urn:reglookup:response:{c.Id}", c.Response.At)));
            return await WriteAtomAsync(http, feed);
        }).WithSummary("Atom feed of a proposal's new responses ({id}.atom)");
    }

    private static SyndicationFeed Consultations(IEnumerable<Proposal> proposals, HttpContext http, IStringLocalizer<Messages> text, string title, string path)
    {
        var origin = Origin(http);
        return Feed(http, title, path, proposals
            .Where(p => p.OpensOn is not null && p.OpensOn <= ProposalEndpoints.Today)
            .OrderByDescending(p => p.OpensOn).ThenBy(p => p.Id).Take(50)
            .Select(p => new SyndicationItem(p.Title,
                text["Feed.EntrySummary", RegLookup.Indexing.DocumentMapper.PlainText(p.Summary), Labels.Date(p.OpensOn), Labels.Date(p.ClosesOn)],
                new Uri($"{origin}/proposals/{Uri.EscapeDataString(p.Id)}"), $"urn:reglookup:proposal:{p.Id}",
                new DateTimeOffset(p.OpensOn!.Value.ToDateTime(TimeOnly.MinValue), Vocabulary.VietnamOffset))));
    }

    private static SyndicationFeed Feed(HttpContext http, string title, string path, IEnumerable<SyndicationItem> items)
    {
        var list = items.ToList();
        var feed = new SyndicationFeed(title, title, new Uri($"{Origin(http)}/"), $"urn:reglookup:feed:{path}",
            list.Count > 0 ? list.Max(i => i.LastUpdatedTime) : new DateTimeOffset(2020, 5, 12, 0, 0, 0, Vocabulary.VietnamOffset), list);
        feed.Links.Add(new SyndicationLink(new Uri($"{Origin(http)}/feeds/{path}.atom")) { RelationshipType = "self" });
        feed.Authors.Add(new SyndicationPerson { Name = "RegLookup" });
        return feed;
    }

    private static async Task<IResult> WriteAtomAsync(HttpContext http, SyndicationFeed feed)
    {
        http.Response.ContentType = "application/atom+xml; charset=utf-8";
        await using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body);
        return Results.Empty;
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static readonly string[] RegulationColumns =
        ["id", "documentId", "article", "agency", "sector", "businessLines", "kind", "status", "title", "content", "complianceCostVnd", "updatedAt"];
    private static readonly string[] ProposalColumns =
        ["id", "agency", "title", "status", "opensOn", "closesOn", "targets", "estimatedSavingVnd", "estimatedSavingDays"];
    private static readonly string[] CommentColumns =
        ["id", "proposalId", "parentId", "regulationId", "author", "organization", "respondentType", "stance", "body", "createdAt",
         "responseDecision", "responseBody", "responseBy", "responseAt"];
}
