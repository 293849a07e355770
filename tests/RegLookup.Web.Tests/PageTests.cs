using System.Net;

namespace RegLookup.Web.Tests;

/// <summary>Every public page answers for the seed data with what a person came for, and 404 for what is not there.</summary>
public class PageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    [Theory]
    [InlineData("/", "Tra cứu quy định kinh doanh", "Phương án đang lấy ý kiến")]
    [InlineData("/search?q=dieu+kien+kinh+doanh+xang+dau", "<mark>xăng</mark>", "Điều kiện đối với cửa hàng bán lẻ xăng dầu")]
    [InlineData("/search?q=83%2F2014&agency=BCT&kind=business_condition", "83/2014/NĐ-CP", "Xóa tất cả bộ lọc")]
    [InlineData("/search?q=xang+dau&type=proposal", "Phương án", "/proposals/PA-BCT-XD-")]
    [InlineData("/search?q=karaoke&type=all&sort=date&page=1", "Mới nhất", "karaoke")]
    [InlineData("/regulations/BCT-XD-0001", "Điều kiện về cầu cảng chuyên dụng", "/documents/nd-83-2014")]
    [InlineData("/documents/nd-83-2014", "83/2014/NĐ-CP", "/regulations/BCT-XD-0001")]
    [InlineData("/agencies/BCT", "Bộ Công Thương", "/regulations/BCT-XD-0001")]
    [InlineData("/sectors", "Các lĩnh vực", "/sectors/xang-dau")]
    [InlineData("/sectors/xang-dau", "Lĩnh vực: Xăng dầu", "/regulations/BCT-XD-0001")]
    [InlineData("/business-lines", "Ngành, nghề đầu tư kinh doanh có điều kiện", "/business-lines/kinh-doanh-xang-dau")]
    [InlineData("/business-lines/kinh-doanh-xang-dau", "Ngành, nghề: Kinh doanh xăng dầu", "/regulations/BCT-XD-0001")]
    [InlineData("/open-data", "Dữ liệu mở và API", "/api/regulations/BCT-XD-0001")]
    [InlineData("/dashboard", "Theo dõi kết quả cắt giảm, đơn giản hóa quy định kinh doanh", "Mục tiêu: 20")]
    [InlineData("/dashboard?from=2026-01-01&to=2026-12-31&agency=BCA", "Bộ Công an", "Ý kiến theo đối tượng")]
    [InlineData("/proposals/PA-BCT-HC-2021-01", "Phương án cắt giảm, đơn giản hóa điều kiện sản xuất, kinh doanh hóa chất", "Ý kiến góp ý")]
    public async Task A_public_page_shows_its_content(string url, string first, string second)
    {
        var response = await portal.Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(first, html);
        Assert.Contains(second, html);
        Assert.Matches("<title>[^<]{5,}</title>", html);
        Assert.Contains("<meta name=\"description\"", html);
    }

    [Theory]
    [InlineData("/regulations/BCT-XD-9999")]
    [InlineData("/documents/nd-0-0000")]
    [InlineData("/agencies/XYZ")]
    [InlineData("/sectors/khong-co-linh-vuc")]
    [InlineData("/business-lines/khong-co-nganh")]
    [InlineData("/proposals/PA-0")]
    [InlineData("/khong-co-trang-nay")]
    public async Task An_unknown_id_is_a_friendly_404(string url)
    {
        var response = await portal.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_search_parameter_is_explained_on_the_page()
    {
        var response = await portal.Client.GetAsync("/search?q=xang&page=-1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tham số page phải là số nguyên từ 1 trở lên.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/dashboard?from=31/12/2025", "Ngày '31/12/2025' không hợp lệ; dùng dạng YYYY-MM-DD.")]
    [InlineData("/dashboard?agency=XYZ", "Không tìm thấy cơ quan 'XYZ'.")]
    public async Task A_bad_dashboard_filter_is_explained(string url, string message)
    {
        var response = await portal.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Every_example_on_the_open_data_page_answers()
    {
        var html = await portal.Client.GetStringAsync("/open-data");
        var examples = System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"([^\"]+)\"><code>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.True(examples.Count >= 14, $"{examples.Count} examples");
        foreach (var url in examples)
            Assert.True((await portal.Client.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
    }

    [Fact]
    public async Task Every_dashboard_figure_links_to_the_list_behind_it()
    {
        var html = await portal.Client.GetStringAsync("/dashboard");
        Assert.Contains("href=\"/search?agency=BCT&amp;status=cut&amp;status=simplified\"", html);
        Assert.Contains("href=\"/search?status=in_force\"", html);
        Assert.Contains("href=\"/search?type=proposal&amp;status=implemented\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("role=\"progressbar\"", html);
    }

    [Fact]
    public async Task Nothing_found_offers_suggestions_not_a_blank_page()
    {
        var html = await portal.Client.GetStringAsync("/search?q=zzqxw");
        Assert.Contains("Không tìm thấy kết quả phù hợp với “zzqxw”", html);
        Assert.Contains("Thử tìm:", html);
        Assert.Contains("/business-lines/", html);
    }

    [Fact]
    public async Task English_is_one_click_away_and_content_stays_as_written()
    {
        var switched = await portal.Client.GetAsync("/culture/en?redirect=%2Fregulations%2FBCT-XD-0001");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture"));

        var request = new HttpRequestMessage(HttpMethod.Get, switched.Headers.Location);
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await portal.Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("Administering agency", html);
        Assert.Contains("Điều kiện về cầu cảng chuyên dụng", html);
        Assert.Contains("Business condition", html);
    }

    [Fact]
    public async Task The_language_switch_only_redirects_within_the_site()
    {
        var response = await portal.Client.GetAsync("/culture/en?redirect=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
