using MudBlazor;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Web.Tracking;

namespace RegLookup.Web.Components.Tests;

public sealed class DashboardComponentTests : PortalComponentTest
{
    public DashboardComponentTests(PortalData data) : base(data)
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose; // MudChart measures itself through JS in a browser; here it only renders
    }

    [Theory]
    [InlineData(0.093, "Chưa đạt mục tiêu", "9,3")]
    [InlineData(0.25, "Đạt mục tiêu", "25,0")]
    public void Target_progress_says_whether_the_20_percent_is_reached(double rate, string verdict, string shown)
    {
        var cut = Render<TargetProgress>(p => p
            .Add(x => x.Label, "Tỷ lệ quy định đã cắt giảm, đơn giản hóa").Add(x => x.Rate, rate)
            .Add(x => x.Detail, "67 / 720").Add(x => x.Href, "/search?status=cut"));

        Assert.Contains(verdict, cut.Markup);
        Assert.Contains(shown, cut.Find(".target-value").TextContent);
        var bar = cut.Find("[role=progressbar]");
        Assert.Equal(((int)Math.Round(rate * 100)).ToString(), bar.GetAttribute("aria-valuenow"));
        Assert.Equal("/search?status=cut", cut.Find("a").GetAttribute("href"));
        Assert.Contains("left:20%", cut.Find(".target-mark").GetAttribute("style"));
    }

    [Fact]
    public void A_chart_has_a_table_twin_with_every_figure_linked()
    {
        var rows = new List<(string, long, string?)> { ("Đang áp dụng", 600, "/search?status=in_force"), ("Đã bãi bỏ", 30, "/search?status=cut"), ("Khác", 5, null) };
        var cut = Render<CountChart>(p => p.Add(x => x.Caption, "Quy định theo tình trạng").Add(x => x.Rows, rows).Add(x => x.Type, ChartType.Donut));

        Assert.Equal("Quy định theo tình trạng", cut.Find("figcaption").TextContent);
        Assert.NotEmpty(cut.FindAll("svg"));
        var cells = cut.FindAll("tbody tr");
        Assert.Equal(3, cells.Count);
        Assert.Equal("/search?status=in_force", cells[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("600", cells[0].QuerySelector("a")!.TextContent);
        Assert.Null(cells[2].QuerySelector("a"));
    }

    [Fact]
    public void An_empty_chart_keeps_its_caption_and_draws_nothing()
    {
        var cut = Render<CountChart>(p => p.Add(x => x.Caption, "Ý kiến theo quan điểm").Add(x => x.Rows, new List<(string, long, string?)>()));
        Assert.Empty(cut.FindAll("svg"));
        Assert.Empty(cut.FindAll("tbody tr"));
        Assert.Contains("Ý kiến theo quan điểm", cut.Markup);
    }
}
