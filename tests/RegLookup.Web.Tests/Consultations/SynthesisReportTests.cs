using System.Net;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.VisualBasic.FileIO;
using Microsoft.Extensions.DependencyInjection;
using RegLookup.Data;
using RegLookup.Data.Stores;
using RegLookup.Testing;
using static RegLookup.Web.Tests.Consultations.WorkspacePortal;

namespace RegLookup.Web.Tests.Consultations;

/// <summary>The synthesis report downloaded as a drafter would, opened with ClosedXML and the Open XML SDK, and checked
/// against the comments in the database.</summary>
public class SynthesisReportTests
{
    private const string General = "Ý kiến chung";
    private const string OnPort = "Quy định BCT-XD-0001: Điều kiện đối với thương nhân đầu mối kinh doanh xăng dầu";
    private const string OnRetail = "Quy định BCT-XD-0002: Điều kiện đối với cửa hàng bán lẻ xăng dầu";

    private static readonly string[] Columns =
        ["STT", "Người góp ý", "Tổ chức", "Loại đối tượng", "Quan điểm", "Nội dung góp ý", "Tiếp thu/giải trình", "Nội dung giải trình", "Tệp đính kèm"];

    private static readonly Dictionary<string, string> RespondentNames = new()
    {
        ["association"] = "Hiệp hội", ["enterprise"] = "Doanh nghiệp", ["individual"] = "Cá nhân", ["agency"] = "Cơ quan nhà nước", ["expert"] = "Chuyên gia",
    };

    private static readonly Dictionary<string, string> DecisionNames = new()
    {
        ["accepted"] = "Tiếp thu", ["partially_accepted"] = "Tiếp thu một phần", ["rejected"] = "Không tiếp thu, giải trình", ["noted"] = "Ghi nhận",
    };

    /// <summary>Groups as the report must show them: general comments first, then the targets in the proposal's order; replies
    /// with no regulation of their own under their thread's, right after what they answer; the hidden c-1003 nowhere.</summary>
    private static readonly (string Group, string[] Authors)[] ExpectedGroups =
    [
        (General, ["Hoàng Thu Hà"]),
        (OnPort, ["Nguyễn Văn Hùng", "Ẩn danh", "Trần Thị Lan"]),
        (OnRetail, ["Lê Văn Tâm"]),
    ];

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_xlsx_groups_the_comments_by_regulation_with_responses_attachments_and_counts(DbEngine engine)
    {
        await using var portal = await ReadyAsync(engine);
        var (bytes, response) = await DownloadAsync(portal, "xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"tong-hop-y-kien-{ProposalId}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet("Tổng hợp ý kiến");
        Assert.Equal("BẢN TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", sheet.Cell(1, 1).GetString());
        var facts = Enumerable.Range(2, 6).Select(r => sheet.Cell(r, 1).GetString()).ToList();
        Assert.Contains("Phương án: Phương án cắt giảm điều kiện kinh doanh xăng dầu", facts);
        Assert.Contains("Cơ quan chủ trì soạn thảo: Bộ Công Thương", facts);
        Assert.Contains("Thời gian lấy ý kiến: 01/10/2026 – 31/01/2027", facts);
        Assert.Contains($"Ngày lập báo cáo: {DateTime.UtcNow.AddHours(7):dd/MM/yyyy}", facts);
        Assert.Contains("Tổng số ý kiến: 5 (đã giải trình 2)", facts);

        var header = sheet.Column(1).CellsUsed().First(c => c.GetString() == "STT").Address.RowNumber;
        Assert.Equal(Columns, Enumerable.Range(1, 9).Select(c => sheet.Cell(header, c).GetString()));
        Assert.Equal(55, sheet.Column(6).Width);
        Assert.True(sheet.Cell(header + 2, 6).Style.Alignment.WrapText);

        var groups = new List<(string Group, List<IXLRow> Rows)>();
        foreach (var row in sheet.Rows(header + 1, sheet.LastRowUsed().RowNumber()))
        {
            if (row.Cell(1).IsMerged()) groups.Add((row.Cell(1).GetString(), []));
            else groups[^1].Rows.Add(row);
        }
        Assert.Equal(ExpectedGroups.Select(g => g.Group), groups.Select(g => g.Group));
        Assert.Equal(ExpectedGroups.Select(g => g.Authors), groups.Select(g => g.Rows.Select(r => r.Cell(2).GetString()).ToArray()));
        var rows = groups.SelectMany(g => g.Rows).ToList();
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.Cell(1).GetValue<int>()));

        string[] Cells(IXLRow row) => Enumerable.Range(1, 9).Select(c => row.Cell(c).GetString()).ToArray();
        Assert.Equal(["5", "Lê Văn Tâm", "Viện Nghiên cứu Quản lý Kinh tế Trung ương", "Chuyên gia", "Ý kiến khác",
            "Đề nghị đánh giá tác động trước khi đơn giản hóa.\nXem báo cáo kèm theo.", "Không tiếp thu, giải trình",
            "Yêu cầu đã được đánh giá tại Tờ trình số 12.", "Báo cáo đánh giá tác động.pdf"], Cells(rows[4]));
        Assert.Equal(["3", "Ẩn danh", "", "Cá nhân", "Phản đối", "(Trả lời ý kiến số 2) Cần giữ yêu cầu để bảo đảm an ninh năng lượng.",
            "Chưa giải trình", "", ""], Cells(rows[2]));
        Assert.Equal("Tiếp thu", rows[1].Cell(7).GetString());
        // A comment that looks like a formula stays text.
        Assert.False(rows[0].Cell(6).HasFormula);
        Assert.StartsWith("=HYPERLINK", rows[0].Cell(6).GetString());

        var expected = await ExpectedCountsAsync(portal);
        var tallies = workbook.Worksheet("Thống kê");
        var counted = tallies.RowsUsed().Where(r => !r.Cell(2).IsEmpty() && r.Cell(2).GetString() != "Số ý kiến")
            .Select(r => (r.Cell(1).GetString(), r.Cell(2).GetValue<int>())).ToList();
        Assert.Equal(expected, counted);
        Assert.DoesNotContain(PersonalData, p => workbook.Worksheets.SelectMany(w => w.CellsUsed()).Any(c => c.GetString().Contains(p)));
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_docx_has_one_table_with_group_rows_and_the_counts(DbEngine engine)
    {
        await using var portal = await ReadyAsync(engine);
        var (bytes, response) = await DownloadAsync(portal, "docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Equal("BẢN TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", body.Elements<Paragraph>().First().InnerText);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "Cơ quan chủ trì soạn thảo: Bộ Công Thương");
        Assert.Equal(PageOrientationValues.Landscape, body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!.Orient!.Value);

        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        var rows = tables[0].Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(Columns, rows[0].Elements<TableCell>().Select(c => c.InnerText));

        var groups = new List<(string Group, List<string[]> Rows)>();
        foreach (var row in rows.Skip(1))
        {
            var cells = row.Elements<TableCell>().ToList();
            if (cells.Count == 1)
            {
                Assert.Equal(9, cells[0].TableCellProperties!.GetFirstChild<GridSpan>()!.Val!.Value);
                groups.Add((cells[0].InnerText, []));
            }
            else groups[^1].Rows.Add(cells.Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToArray());
        }
        Assert.Equal(ExpectedGroups.Select(g => g.Group), groups.Select(g => g.Group));
        Assert.Equal(ExpectedGroups.Select(g => g.Authors), groups.Select(g => g.Rows.Select(r => r[1]).ToArray()));
        var retail = groups[2].Rows.Single();
        Assert.Equal(("Đề nghị đánh giá tác động trước khi đơn giản hóa.\nXem báo cáo kèm theo.", "Không tiếp thu, giải trình", "Báo cáo đánh giá tác động.pdf"),
            (retail[5], retail[6], retail[8]));

        var counted = tables.Skip(1).SelectMany(t => t.Elements<TableRow>().Skip(1))
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())
            .Select(c => (c[0], int.Parse(c[1]))).ToList();
        Assert.Equal(await ExpectedCountsAsync(portal), counted);
        Assert.DoesNotContain(PersonalData, body.InnerText.Contains);
    }

    [Theory, MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_csv_has_a_bom_and_one_row_per_comment_with_its_group(DbEngine engine)
    {
        await using var portal = await ReadyAsync(engine);
        var (bytes, response) = await DownloadAsync(portal, "csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var lines = new List<string[]>();
        while (!parser.EndOfData) lines.Add(parser.ReadFields()!);
        Assert.Equal(["STT", "Nhóm ý kiến", .. Columns[1..]], lines[0]);
        Assert.Equal(ExpectedGroups.SelectMany(g => g.Authors.Select(a => (g.Group, a))), lines.Skip(1).Select(l => (l[1], l[2])));
        Assert.Equal(["1", "2", "3", "4", "5"], lines.Skip(1).Select(l => l[0]));
        // Excel must not run a comment as a formula.
        Assert.StartsWith("'=HYPERLINK", lines[1][6]);
        Assert.DoesNotContain(PersonalData, Encoding.UTF8.GetString(bytes).Contains);
    }

    /// <summary>The portal with c-1001 rejected with an explanation through the workspace (c-0001 is answered in the sample).</summary>
    private static async Task<WorkspacePortal> ReadyAsync(DbEngine engine)
    {
        var portal = await WorkspacePortal.CreateAsync(engine);
        var drafter = await portal.SignInAsync(Drafter);
        var answer = await RespondAsync(drafter, await OpenAsync(drafter), "c-1001", "rejected", "Yêu cầu đã được đánh giá tại **Tờ trình số 12**.");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return portal;
    }

    private static async Task<(byte[] Bytes, HttpResponseMessage Response)> DownloadAsync(WorkspacePortal portal, string format)
    {
        var response = await (await portal.SignInAsync(Drafter)).GetAsync($"/workspace/proposals/{ProposalId}/report.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    /// <summary>The counts the report must give, worked out from the comments as stored (the hidden one left out).</summary>
    private static async Task<List<(string, int)>> ExpectedCountsAsync(WorkspacePortal portal)
    {
        var visible = (await portal.Comments.ListByProposalAsync(ProposalId)).Where(c => c.Id != "c-1003").ToList();
        var counts = RespondentNames.Select(t => (t.Value, visible.Count(c => c.RespondentType == t.Key))).ToList();
        counts.Add(("Tổng cộng", visible.Count));
        counts.AddRange(DecisionNames.Select(d => (d.Value, visible.Count(c => c.Response?.Decision == d.Key))));
        counts.Add(("Chưa giải trình", visible.Count(c => c.Response is null)));
        counts.Add(("Tổng cộng", visible.Count));
        return counts;
    }

    private static readonly string[] PersonalData = [Member, Drafter, MemberPhone, MemberTaxCode];
}
