namespace RegLookup.Web.Platform;

public static class LocalUrls
{
    /// <summary>Only paths on this site ("/…", not "//host" or "/\host"): redirecting anywhere a request names would be
    /// an open redirect that lends the portal's address to a phishing link.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");

    public static string LocalOr(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
