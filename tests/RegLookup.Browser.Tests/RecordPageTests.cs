using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RegLookup.Testing;
using static Microsoft.Playwright.Assertions;

namespace RegLookup.Browser.Tests;

[Collection(PortalCollection.Name)]
public class RecordPageTests(PortalServer server, ChromiumBrowser chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task A_result_opens_its_regulation_whose_document_lists_it()
    {
        var page = await OpenAsync("/search?q=" + Uri.EscapeDataString("cầu cảng chuyên dụng xăng dầu"));
        var link = page.Locator("article.result h2 a").First;
        var title = await link.InnerTextAsync();
        var href = (await link.GetAttributeAsync("href"))!;
        Assert.Matches("^/regulations/[^/]+$", href);

        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page).ToHaveTitleAsync(new Regex("^" + Regex.Escape(title)));
        var documentLink = page.Locator("dl.facts a[href^='/documents/']");
        // A document number such as 83/2014/NĐ-CP.
        await Expect(documentLink).ToHaveTextAsync(new Regex(@"^\d+/\d{4}/\S+$"));
        var number = await documentLink.InnerTextAsync();
        var documentHref = (await documentLink.GetAttributeAsync("href"))!;
        await ScreenshotAsync(page);

        await documentLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(documentHref) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^" + Regex.Escape(number) + " — "));
        await Expect(page.Locator($"main a[href='{href}']")).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task A_proposal_shows_its_comments_as_nested_threads_with_the_drafters_responses()
    {
        const string proposal = "PA-BCA-PCCC-2026-01";
        var comments = File.ReadLines(Path.Combine(RepoPaths.SeedData, "comments.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(c => c.GetProperty("proposalId").GetString() == proposal)
            .ToList();
        var replies = comments.Where(c => c.GetProperty("parentId").ValueKind == JsonValueKind.String).ToList();
        var answered = comments.Where(c => c.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object).ToList();
        Assert.True(replies.Count > 0 && answered.Count > 0, $"{proposal} in seed-data should have replies and responses");

        var page = await OpenAsync("/proposals/" + proposal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("phòng cháy, chữa cháy");
        await Expect(page.Locator("#comments h2")).ToHaveTextAsync($"Ý kiến góp ý ({comments.Count})");
        await Expect(page.Locator("#comments article.comment")).ToHaveCountAsync(comments.Count);

        // Every reply sits in the thread under its parent's comment, not at the top level.
        foreach (var reply in replies)
        {
            var id = reply.GetProperty("id").GetString();
            var parent = reply.GetProperty("parentId").GetString();
            await Expect(page.Locator($"#comments li:has(> article[id='{parent}']) > ul.thread > li > article[id='{id}']")).ToHaveCountAsync(1);
        }
        var topLevel = comments.Count - replies.Count;
        await Expect(page.Locator("#comments > ul.thread > li > article.comment")).ToHaveCountAsync(topLevel);

        // The drafting agency's answer is shown under the comment it answers, with who answered.
        foreach (var comment in answered)
        {
            var response = page.Locator($"article[id='{comment.GetProperty("id").GetString()}'] > .response");
            await Expect(response).ToContainTextAsync("Giải trình, tiếp thu của cơ quan soạn thảo");
            await Expect(response).ToContainTextAsync(comment.GetProperty("response").GetProperty("by").GetString()!);
        }
        await Expect(page.Locator("#comments .response")).ToHaveCountAsync(answered.Count);
        await ScreenshotAsync(page);
    }
}
