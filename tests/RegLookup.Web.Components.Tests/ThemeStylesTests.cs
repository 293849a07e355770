using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using RegLookup.Web.Components.Layout;

namespace RegLookup.Web.Components.Tests;

/// <summary>The layout writes the theme's styles rendered once; they must be what the provider itself writes.</summary>
public sealed class ThemeStylesTests : PortalComponentTest
{
    public ThemeStylesTests(PortalData data) : base(data)
    {
        Services.AddMudServices();
        Services.AddSingleton(sp => new ThemeStyles(sp.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void The_layout_writes_what_the_theme_provider_writes(string language)
    {
        UseCulture(language);

        var provider = Render<MudThemeProvider>(p => p.Add(x => x.Theme, PortalTheme.Theme));
        var cached = Render<PortalThemeStyles>();

        Assert.Contains("--mud-palette-primary: rgba(155,28,28,1)", cached.Markup);
        Assert.Equal(provider.Markup, cached.Markup);
    }
}
