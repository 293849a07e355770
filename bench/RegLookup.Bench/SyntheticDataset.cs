using System.Text;
using System.Text.Json;
using RegLookup.Data.Interchange;
using RegLookup.Data.Model;

namespace RegLookup.Bench;

/// <summary>
/// Writes a synthetic dataset of N regulations in the interchange format, from Vietnamese legal vocabulary and a
/// fixed seed, so that every run writes the same bytes. For benchmarks only: the portal ships real seed-data.
/// </summary>
public sealed class SyntheticDataset(int regulations, int seed)
{
    private static readonly (string Code, string Name)[] Agencies =
    [
        ("QH", "Quốc hội"), ("CP", "Chính phủ"), ("TTg", "Thủ tướng Chính phủ"), ("BCT", "Bộ Công Thương"), ("BYT", "Bộ Y tế"),
        ("BTC", "Bộ Tài chính"), ("BXD", "Bộ Xây dựng"), ("BGTVT", "Bộ Giao thông vận tải"), ("BCA", "Bộ Công an"),
        ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"), ("BTTTT", "Bộ Thông tin và Truyền thông"), ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("BTNMT", "Bộ Tài nguyên và Môi trường"), ("BGDDT", "Bộ Giáo dục và Đào tạo"), ("BLDTBXH", "Bộ Lao động - Thương binh và Xã hội"),
        ("NHNN", "Ngân hàng Nhà nước Việt Nam"), ("BTP", "Bộ Tư pháp"), ("BKHCN", "Bộ Khoa học và Công nghệ"),
    ];

    private static readonly (string Sector, string Line)[] Lines =
    [
        ("Xăng dầu", "Kinh doanh xăng dầu"), ("Kinh doanh khí", "Kinh doanh khí"), ("Hóa chất", "Kinh doanh hóa chất"),
        ("Rượu và thuốc lá", "Kinh doanh rượu"), ("Dược phẩm", "Kinh doanh dược"), ("An toàn thực phẩm", "Kinh doanh thực phẩm"),
        ("Du lịch", "Kinh doanh dịch vụ lữ hành"), ("Karaoke, vũ trường", "Kinh doanh dịch vụ karaoke, vũ trường"),
        ("Vận tải đường bộ", "Kinh doanh vận tải bằng xe ô tô"), ("Xây dựng", "Kinh doanh dịch vụ hoạt động xây dựng"),
        ("Kinh doanh bất động sản", "Kinh doanh bất động sản"), ("An ninh, trật tự", "Kinh doanh dịch vụ bảo vệ"),
        ("Phòng cháy, chữa cháy", "Kinh doanh dịch vụ phòng cháy, chữa cháy"), ("Giáo dục và đào tạo", "Kinh doanh dịch vụ giáo dục"),
        ("Lao động và việc làm", "Kinh doanh dịch vụ cho thuê lại lao động"), ("Viễn thông", "Kinh doanh dịch vụ viễn thông"),
        ("Quảng cáo", "Kinh doanh dịch vụ quảng cáo"), ("Chứng khoán", "Kinh doanh chứng khoán"), ("Kinh doanh bảo hiểm", "Kinh doanh bảo hiểm"),
        ("Môi trường", "Kinh doanh dịch vụ xử lý chất thải nguy hại"), ("Thủy sản", "Kinh doanh thủy sản"), ("Ngân hàng", "Kinh doanh dịch vụ trung gian thanh toán"),
    ];

    private static readonly string[] Subjects =
        ["Thương nhân", "Doanh nghiệp", "Tổ chức, cá nhân", "Cơ sở kinh doanh", "Hộ kinh doanh", "Chủ đầu tư", "Đơn vị cung cấp dịch vụ"];
    private static readonly string[] Duties = ["phải có", "phải bảo đảm", "có trách nhiệm duy trì", "phải đáp ứng", "phải bố trí"];
    private static readonly string[] Requirements =
    [
        "kho chứa có tổng dung tích tối thiểu {0}.000 m³", "vốn pháp định tối thiểu {0} tỷ đồng", "ít nhất {0} nhân viên có chứng chỉ hành nghề",
        "hệ thống phòng cháy và chữa cháy đáp ứng QCVN 06:2022/BXD", "địa điểm kinh doanh có diện tích tối thiểu {0}0 m²",
        "người quản lý có trình độ đại học chuyên ngành và {0} năm kinh nghiệm", "phương tiện vận chuyển chuyên dụng đã được kiểm định",
        "hợp đồng bảo hiểm trách nhiệm dân sự với mức tối thiểu {0} tỷ đồng", "giấy chứng nhận đủ điều kiện do cơ quan có thẩm quyền cấp",
        "khoản ký quỹ {0}00 triệu đồng tại ngân hàng thương mại", "hệ thống camera giám sát lưu trữ dữ liệu tối thiểu {0}0 ngày",
    ];
    private static readonly string[] Closings =
    [
        "trước khi hoạt động", "trong suốt quá trình kinh doanh", "và báo cáo định kỳ trước ngày {0} hằng tháng",
        "theo hướng dẫn của bộ quản lý ngành", "và lưu giữ hồ sơ tối thiểu {0} năm", "đối với từng địa điểm kinh doanh",
    ];
    private static readonly string[] Topics =
        ["điều kiện về cơ sở vật chất", "điều kiện về nhân sự", "thủ tục cấp giấy phép", "chế độ báo cáo định kỳ", "kiểm tra chuyên ngành", "điều kiện về vốn", "tiêu chuẩn kỹ thuật"];
    private static readonly string[] DocumentSuffixes = ["NĐ-CP", "TT-BCT", "TT-BYT", "TT-BTC", "QĐ-TTg", "TT-BXD", "TT-BGTVT"];
    private static readonly string[] People = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung", "Hoàng Minh Đức", "Vũ Thị Hà"];

    /// <summary>What a person would type to search this data: the sectors, business lines, requirements and topics
    /// the generator writes from.</summary>
    internal static IEnumerable<string> SearchPhrases =>
        Lines.SelectMany(l => new[] { l.Sector, l.Line }).Concat(Requirements).Concat(Topics);

    /// <summary>The agencies regulations are given (the generator never gives QH, CP or TTg).</summary>
    internal static IReadOnlyList<string> RegulationAgencies => Agencies.Skip(3).Select(a => a.Code).ToList();

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var documentCount = Math.Max(1, regulations / 20);
        var proposalCount = Math.Max(1, regulations / 200);

        WriteLines(folder, DatasetJson.Agencies, Agencies.Select(a => new Agency { Code = a.Code, Name = a.Name }));
        WriteLines(folder, DatasetJson.Documents, Enumerable.Range(1, documentCount).Select(i =>
        {
            var year = 2005 + i % 20;
            var suffix = DocumentSuffixes[i % DocumentSuffixes.Length];
            return new LegalDocument
            {
                Id = $"vb-{i:D7}", Number = $"{i % 300 + 1}/{year}/{suffix}", Type = suffix == "NĐ-CP" ? "nghi_dinh" : suffix == "QĐ-TTg" ? "quyet_dinh" : "thong_tu",
                Title = $"Quy định {Topics[i % Topics.Length]} trong lĩnh vực {Lines[i % Lines.Length].Sector.ToLowerInvariant()}",
                Issuer = suffix == "NĐ-CP" ? "CP" : suffix == "QĐ-TTg" ? "TTg" : Agencies[3 + i % (Agencies.Length - 3)].Code,
                IssuedOn = new DateOnly(year, 1 + i % 12, 1 + i % 28), Status = i % 7 == 0 ? "amended" : "in_force",
            };
        }));
        WriteLines(folder, DatasetJson.Regulations, Enumerable.Range(1, regulations).Select(i =>
        {
            var (sector, line) = Lines[random.Next(Lines.Length)];
            string Pick(string[] words) => string.Format(words[random.Next(words.Length)], random.Next(2, 30));
            var content = $"{Pick(Subjects)} kinh doanh {line.ToLowerInvariant()[10..]} {Pick(Duties)} {Pick(Requirements)}, {Pick(Requirements)} {Pick(Closings)}.";
            return new Regulation
            {
                Id = $"SYN-{i:D7}", DocumentId = $"vb-{random.Next(1, documentCount + 1):D7}", Article = $"Điều {random.Next(3, 60)}, khoản {random.Next(1, 6)}",
                Agency = Agencies[3 + random.Next(Agencies.Length - 3)].Code, Sector = sector, BusinessLines = [line],
                Kind = Vocabulary.RegulationKinds[random.Next(Vocabulary.RegulationKinds.Count)],
                Title = $"{char.ToUpperInvariant(Topics[random.Next(Topics.Length)][0])}{Topics[random.Next(Topics.Length)][1..]} đối với {line.ToLowerInvariant()} ({i})",
                Content = content, Status = random.Next(10) == 0 ? "cut" : "in_force",
                ComplianceCostVnd = random.Next(3) == 0 ? random.Next(1, 500) * 1_000_000L : null,
            };
        }));
        WriteLines(folder, DatasetJson.Proposals, Enumerable.Range(1, proposalCount).Select(i => new Proposal
        {
            Id = $"PA-SYN-{i:D6}", Agency = Agencies[3 + i % (Agencies.Length - 3)].Code, Title = $"Phương án cắt giảm {Topics[i % Topics.Length]} ({i})",
            Summary = "Cắt giảm, đơn giản hóa điều kiện kinh doanh không cần thiết.", Status = Vocabulary.ProposalStatuses[i % Vocabulary.ProposalStatuses.Count],
            OpensOn = new DateOnly(2021, 1 + i % 12, 1), ClosesOn = new DateOnly(2021, 1 + i % 12, 28),
            Targets = [new ProposalTarget { RegulationId = $"SYN-{(i * 37) % regulations + 1:D7}", Action = Vocabulary.TargetActions[i % 4] }],
        }));
        WriteLines(folder, DatasetJson.Comments, Enumerable.Range(1, proposalCount * 5).Select(i => new Comment
        {
            Id = $"c-syn-{i:D7}", ProposalId = $"PA-SYN-{(i - 1) / 5 + 1:D6}", ParentId = i % 5 == 1 ? null : $"c-syn-{i - 1:D7}",
            Author = People[i % People.Length], RespondentType = Vocabulary.RespondentTypes[i % 5], Stance = Vocabulary.Stances[i % 4],
            Body = "Đề nghị cơ quan soạn thảo xem xét lại yêu cầu này.", CreatedAt = new DateTimeOffset(2021, 1 + ((i - 1) / 5 + 1) % 12, 10, 9, 0, 0, Vocabulary.VietnamOffset),
        }));
    }

    private static void WriteLines<T>(string folder, string file, IEnumerable<T> items)
    {
        using var writer = new StreamWriter(Path.Combine(folder, file), false, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var item in items) writer.WriteLine(JsonSerializer.Serialize(item, DatasetJson.Options));
    }
}
