using MudBlazor;

namespace RegLookup.Web.Components.Layout;

/// <summary>A sober government-portal palette: deep red-brown primary, readable contrast.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#9b1c1c",
            Secondary = "#1f4e79",
            AppbarBackground = "#9b1c1c",
            Background = "#f7f7f5",
        },
    };
}
