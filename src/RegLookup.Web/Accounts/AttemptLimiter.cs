using System.Threading.RateLimiting;

namespace RegLookup.Web.Accounts;

/// <summary>
/// How often one client address may send each account form. Identity's lockout guards one account against
/// password guessing; this keeps one address from trying passwords across accounts, creating accounts or sending
/// reset mail in bulk. A sliding window per form and address (System.Threading.RateLimiting). Behind a reverse
/// proxy, the proxy must pass the client's address on (forwarded headers), or everyone shares its address.
/// </summary>
public sealed class AttemptLimiter : IDisposable
{
    public const int PerWindow = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = PerWindow,
            Window = Window,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        }));

    /// <summary>False, with 429 as the response's status, when the address has used up its attempts at this
    /// form. Without a request or its address (a component test, the in-process test host) nothing is counted.</summary>
    public bool TryAttempt(string form, HttpContext? http)
    {
        if (http?.Connection.RemoteIpAddress is not { } address) return true;
        using var lease = _limiter.AttemptAcquire($"{form} {address}");
        if (!lease.IsAcquired) http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
