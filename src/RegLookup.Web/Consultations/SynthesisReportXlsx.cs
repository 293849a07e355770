using ClosedXML.Excel;

namespace RegLookup.Web.Consultations;

/// <summary>The synthesis report as an Excel workbook: the comments grouped by regulation on the first sheet (wrapped
/// text, fixed widths, header row frozen and repeated on every printed page, A4 landscape), the counts on the second.</summary>
public static class SynthesisReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CommentsSheet = "Tổng hợp ý kiến";
    public const string TalliesSheet = "Thống kê";

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#D9E2F3");
    private static readonly XLColor GroupFill = XLColor.FromHtml("#F2F2F2");

    public static byte[] Write(SynthesisReport report)
    {
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = "Times New Roman";
        workbook.Style.Font.FontSize = 11;
        WriteComments(workbook.Worksheets.Add(CommentsSheet), report);
        WriteTallies(workbook.Worksheets.Add(TalliesSheet), report);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteComments(IXLWorksheet sheet, SynthesisReport report)
    {
        var width = report.Columns.Count;
        var title = sheet.Range(1, 1, 1, width).Merge();
        // SetValue keeps text as text: a comment starting with "=" must never become a formula.
        title.FirstCell().SetValue(report.Title);
        title.Style.Font.SetBold().Font.SetFontSize(14).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

        var row = 2;
        foreach (var fact in report.Facts)
        {
            sheet.Range(row, 1, row, width).Merge().FirstCell().SetValue($"{fact.Label}: {fact.Value}");
            row++;
        }

        var header = ++row;
        for (var c = 0; c < width; c++)
        {
            sheet.Column(c + 1).Width = report.Columns[c].Width;
            sheet.Cell(header, c + 1).SetValue(report.Columns[c].Header);
        }
        sheet.Range(header, 1, header, width).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill)
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);

        foreach (var group in report.Groups)
        {
            var heading = sheet.Range(++row, 1, row, width).Merge();
            heading.FirstCell().SetValue(group.Heading);
            heading.Style.Font.SetBold().Fill.SetBackgroundColor(GroupFill);
            foreach (var line in group.Rows)
            {
                row++;
                sheet.Cell(row, 1).SetValue(line.Number).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
                for (var c = 1; c < width; c++) sheet.Cell(row, c + 1).SetValue(line.Cells[c]);
                sheet.Row(row).Height = Height(line.Cells, report.Columns);
            }
        }

        var table = sheet.Range(header, 1, row, width).Style;
        table.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        table.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        sheet.SheetView.FreezeRows(header);
        sheet.PageSetup.SetPaperSize(XLPaperSize.A4Paper).SetPageOrientation(XLPageOrientation.Landscape).FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(header, header);
    }

    /// <summary>
    /// The height in points that shows every wrapped line of the row. Excel only fits a row's height to wrapped text
    /// when someone edits it, and measuring fonts needs GDI+ (not on Linux), so lines are counted at about 1.2
    /// characters of proportional text per unit of column width.
    /// </summary>
    private static double Height(IReadOnlyList<string> cells, IReadOnlyList<ReportColumn> columns)
    {
        const double CharactersPerUnit = 1.2, PointsPerLine = 15, MaxHeight = 409;
        var lines = cells.Select((text, i) => text.Split('\n')
            .Sum(paragraph => Math.Max(1, (int)Math.Ceiling(paragraph.Length / (columns[i].Width * CharactersPerUnit))))).Max();
        return Math.Min(MaxHeight, lines * PointsPerLine + 3);
    }

    private static void WriteTallies(IXLWorksheet sheet, SynthesisReport report)
    {
        sheet.Column(1).Width = 40;
        sheet.Column(2).Width = 14;
        var row = 1;
        foreach (var tally in report.Tallies)
        {
            sheet.Cell(row, 1).SetValue(tally.Caption).Style.Font.SetBold();
            var top = ++row;
            sheet.Cell(row, 1).SetValue(tally.KeyHeader);
            sheet.Cell(row, 2).SetValue(tally.CountHeader);
            sheet.Range(row, 1, row, 2).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill);
            foreach (var count in tally.Counts)
            {
                sheet.Cell(++row, 1).SetValue(count.Label);
                sheet.Cell(row, 2).SetValue(count.Count);
            }
            sheet.Cell(++row, 1).SetValue(tally.TotalLabel);
            sheet.Cell(row, 2).SetValue(tally.Total);
            sheet.Range(row, 1, row, 2).Style.Font.SetBold();
            sheet.Range(top, 1, row, 2).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
            row += 2;
        }
    }
}
