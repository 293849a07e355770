using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RegLookup.Web.Consultations;

/// <summary>The synthesis report as a Word document (A4 landscape, Times New Roman as Vietnamese administrative
/// documents use): the header facts, one table of the comments with a row per regulation group and the header row
/// repeated on every page, then the counts as two small tables.</summary>
public static class SynthesisReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 landscape in twentieths of a point, with 2 cm margins.
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 1134;
    private const int TextWidth = PageWidth - 2 * Margin;
    private const int MinColumn = 800;
    // Tables in 11 pt, the body in 12 pt (half-points).
    private const int TableFontSize = 22;
    private const string HeaderFill = "D9E2F3", GroupFill = "F2F2F2";

    public static byte[] Write(SynthesisReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddDefaultStyle(main);
            var body = new Body();
            body.Append(Line(report.Title, bold: true, size: 28, center: true));
            foreach (var fact in report.Facts)
                body.Append(new Paragraph(TextRun(fact.Label + ": ", bold: true), TextRun(fact.Value)));
            body.Append(new Paragraph());
            body.Append(CommentsTable(report));
            foreach (var tally in report.Tallies)
            {
                body.Append(new Paragraph());
                body.Append(Line(tally.Caption, bold: true));
                body.Append(TallyTable(tally));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Table CommentsTable(SynthesisReport report)
    {
        var widths = Apportion(report.Columns.Select(c => c.Width).ToList());
        var table = NewTable(widths);
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(report.Columns.Select((c, i) => Cell(c.Header, widths[i], bold: true, fill: HeaderFill)));
        table.Append(header);
        foreach (var group in report.Groups)
        {
            var heading = Cell(group.Heading, TextWidth, bold: true, fill: GroupFill);
            heading.TableCellProperties!.Append(new GridSpan { Val = widths.Count });
            table.Append(new TableRow(heading));
            foreach (var row in group.Rows)
                table.Append(new TableRow(row.Cells.Select((text, i) => Cell(text, widths[i]))));
        }
        return table;
    }

    /// <summary>The text width shared by the columns' Excel widths, no column narrower than a short word needs:
    /// what the narrow ones gain, the others give up in proportion.</summary>
    private static List<int> Apportion(IReadOnlyList<double> widths)
    {
        var narrow = widths.Select(w => TextWidth * w / widths.Sum() < MinColumn).ToList();
        var rest = widths.Where((_, i) => !narrow[i]).Sum();
        var left = TextWidth - MinColumn * narrow.Count(n => n);
        return widths.Select((w, i) => narrow[i] ? MinColumn : (int)(left * w / rest)).ToList();
    }

    private static Table TallyTable(ReportTally tally)
    {
        int[] widths = [5000, 1800];
        var table = NewTable(widths);
        table.Append(new TableRow(Cell(tally.KeyHeader, widths[0], bold: true, fill: HeaderFill),
            Cell(tally.CountHeader, widths[1], bold: true, fill: HeaderFill)));
        foreach (var count in tally.Counts)
            table.Append(new TableRow(Cell(count.Label, widths[0]), Cell(count.Count.ToString(), widths[1])));
        table.Append(new TableRow(Cell(tally.TotalLabel, widths[0], bold: true), Cell(tally.Total.ToString(), widths[1], bold: true)));
        return table;
    }

    private static Table NewTable(IReadOnlyList<int> widths)
    {
        BorderType Border<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" };
        return new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                    Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>())),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
    }

    /// <summary>A cell with one paragraph per line of <paramref name="text"/> (a cell must hold at least one).</summary>
    private static TableCell Cell(string text, int width, bool bold = false, string? fill = null)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (fill is not null) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        var cell = new TableCell(properties);
        cell.Append(text.Split('\n').Select(line => new Paragraph(TextRun(line, bold, TableFontSize))));
        return cell;
    }

    private static Paragraph Line(string text, bool bold = false, int? size = null, bool center = false)
    {
        var paragraph = new Paragraph(TextRun(text, bold, size));
        if (center) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }

    private static Run TextRun(string text, bool bold = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (size is not null) properties.Append(new FontSize { Val = size.ToString() });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>Times New Roman 12 pt, Vietnamese, no space after paragraphs (tables stay compact).</summary>
    private static void AddDefaultStyle(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "24" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60" }))));
    }
}
