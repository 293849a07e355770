using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Components.Tests;

/// <summary>
/// A bUnit context with the portal's services as Program.cs registers them, over the shared sample database and
/// search index, in Vietnamese (the site's default) unless a test switches to English.
/// </summary>
[Collection(PortalCollection.Name)]
public abstract class PortalComponentTest : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected PortalComponentTest(PortalData data)
    {
        Data = data;
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddRegLookupData(new ConfigurationBuilder().Build());
        Services.AddSingleton(data.Db); // registered last, so it replaces the Database of the configuration
        Services.AddSingleton(data.Search);
        Services.AddScoped<Labels>();
        Services.AddSingleton<AgencyNames>();
        UseCulture("vi");
    }

    protected PortalData Data { get; }

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>The query parameters of a link such as /search?q=…&amp;kind=….</summary>
    protected static Dictionary<string, string[]> QueryOf(string? href)
    {
        Assert.NotNull(href);
        var question = href.IndexOf('?');
        return QueryHelpers.ParseQuery(question < 0 ? "" : href[question..])
            .ToDictionary(p => p.Key, p => p.Value.Select(v => v ?? "").ToArray());
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        base.Dispose(disposing);
    }
}
