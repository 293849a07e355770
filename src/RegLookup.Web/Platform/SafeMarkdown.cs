using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace RegLookup.Web.Platform;

/// <summary>
/// Renders regulation, proposal and comment Markdown to HTML that cannot carry script or styles: Markdig escapes
/// raw HTML, and HtmlSanitizer then removes what Markdown itself can express (javascript: links, odd schemes).
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static MarkupString Render(string? markdown) =>
        new(Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline)));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
