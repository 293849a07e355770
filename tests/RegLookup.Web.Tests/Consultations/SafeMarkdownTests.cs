using System.Text.RegularExpressions;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Tests.Consultations;

/// <summary>Comment bodies are Markdown from strangers: real XSS payloads must come out inert.</summary>
public class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(document.cookie)</script>")]
    [InlineData("[bấm vào đây](javascript:alert(1))")]
    [InlineData("[bấm](JaVaScRiPt:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("![ảnh](x\" onerror=\"alert(1))")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">chữ</p>")]
    [InlineData("<iframe src=\"https://evil.example/\"></iframe>")]
    [InlineData("[tải](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![ảnh](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<style>body{display:none}</style>")]
    public void A_payload_renders_without_script_handlers_styles_or_frames(string payload)
    {
        var html = SafeMarkdown.Render($"Góp ý {payload} hết.").Value;

        // Text may still read "onerror=" (escaped, harmless); what matters is what the real tags carry.
        var tags = string.Join(" ", Regex.Matches(html, "<[^>]*>").Select(m => m.Value));
        foreach (var forbidden in new[] { "<script", "<iframe", "<style", "<svg", " on", "style=", "javascript:", "vbscript:", "data:" })
            Assert.DoesNotContain(forbidden, tags, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Góp ý", html);
    }

    [Fact]
    public void Ordinary_markdown_and_https_links_survive()
    {
        var html = SafeMarkdown.Render("**Đậm** và [Nghị định](https://vbpl.vn/nd-83-2014)").Value;

        Assert.Contains("<strong>Đậm</strong>", html);
        Assert.Contains("href=\"https://vbpl.vn/nd-83-2014\"", html);
    }
}
