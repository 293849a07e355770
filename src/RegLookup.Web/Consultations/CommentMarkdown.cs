using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Consultations;

/// <summary>
/// Comment and response bodies rendered through <see cref="SafeMarkdown"/> once and kept: sanitizing is most of the
/// cost of a long thread's page (measured in bench/results/thread.md), and the same bodies are shown again and again.
/// The text itself is the key, so an edited comment is rendered anew.
/// </summary>
public static class CommentMarkdown
{
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public static MarkupString Render(string markdown) =>
        Rendered.GetOrCreate(markdown, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return SafeMarkdown.Render(markdown);
        });
}
