namespace RegLookup.Web.Platform;

/// <summary>The deployment settings of http-api.md: <c>RegLookup__DataPath</c>, <c>RegLookup__SeedPath</c>.</summary>
public sealed class RegLookupOptions
{
    public const string Section = "RegLookup";

    /// <summary>Folder for the SQLite file and the search index; relative paths start at the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Dataset folder imported on first start when the database is empty; default: the repo's seed-data.</summary>
    public string? SeedPath { get; set; }

    /// <summary>Notification e-mail (<c>RegLookup__Email__SmtpHost</c> …); off unless an SMTP host is set.</summary>
    public EmailOptions Email { get; set; } = new();
}

public sealed class EmailOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseSsl { get; set; }
    public string From { get; set; } = "Cổng tham vấn quy định kinh doanh <no-reply@reglookup.local>";
    /// <summary>The portal's public address, for links in e-mails.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5005";
    /// <summary>How often each node looks for e-mail to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Attempts per message before it is given up (its last error stays in the outbox).</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Wait after the first failure; it doubles after each further one, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);
}
