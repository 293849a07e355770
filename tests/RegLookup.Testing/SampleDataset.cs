using System.Text;

namespace RegLookup.Testing;

/// <summary>
/// A small, valid dataset folder of real records (taken from the real decrees on petroleum and food safety),
/// for tests that need to know every line. Tests change one line to see one error.
/// </summary>
public sealed class SampleDataset
{
    public Dictionary<string, List<string>> Files { get; } = new()
    {
        ["agencies.jsonl"] =
        [
            """{"code":"CP","name":"Chính phủ","nameEn":"Government"}""",
            """{"code":"BCT","name":"Bộ Công Thương","nameEn":"Ministry of Industry and Trade"}""",
            """{"code":"BYT","name":"Bộ Y tế","nameEn":"Ministry of Health"}""",
        ],
        ["documents.jsonl"] =
        [
            """{"id":"nd-83-2014","number":"83/2014/NĐ-CP","type":"nghi_dinh","title":"Nghị định về kinh doanh xăng dầu","issuer":"CP","issuedOn":"2014-09-03","effectiveOn":"2014-11-01","status":"amended"}""",
            """{"id":"nd-15-2018","number":"15/2018/NĐ-CP","type":"nghi_dinh","title":"Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm","issuer":"CP","issuedOn":"2018-02-02","effectiveOn":"2018-02-02","status":"in_force"}""",
        ],
        ["regulations.jsonl"] =
        [
            """{"id":"BCT-XD-0001","documentId":"nd-83-2014","article":"Điều 7, khoản 1","agency":"BCT","sector":"Xăng dầu","businessLines":["Kinh doanh xăng dầu"],"kind":"business_condition","title":"Điều kiện đối với thương nhân đầu mối kinh doanh xăng dầu","content":"Thương nhân phải có **cầu cảng chuyên dụng** nằm trong hệ thống cảng quốc tế của Việt Nam, bảo đảm tiếp nhận được tàu chở xăng dầu hoặc phương tiện vận tải xăng dầu khác có trọng tải tối thiểu 7.000 tấn.","status":"in_force","complianceCostVnd":125000000,"updatedAt":"2021-06-30"}""",
            """{"id":"BCT-XD-0002","documentId":"nd-83-2014","article":"Điều 24, khoản 1","agency":"BCT","sector":"Xăng dầu","businessLines":["Kinh doanh xăng dầu"],"kind":"business_condition","title":"Điều kiện đối với cửa hàng bán lẻ xăng dầu","content":"Cửa hàng bán lẻ xăng dầu phải được cơ quan có thẩm quyền cấp Giấy chứng nhận đủ điều kiện; có cán bộ quản lý, nhân viên được đào tạo về phòng cháy và chữa cháy và bảo vệ môi trường.","status":"proposed_cut","updatedAt":"2022-01-15"}""",
            """{"id":"BCT-XD-0003","documentId":"nd-83-2014","article":"Điều 39","agency":"BCT","sector":"Xăng dầu","businessLines":["Kinh doanh xăng dầu"],"kind":"reporting","title":"Báo cáo định kỳ của thương nhân đầu mối về tồn kho xăng dầu","content":"Thương nhân đầu mối báo cáo Bộ Công Thương số lượng xăng dầu nhập khẩu, sản xuất, tồn kho trước ngày 20 hằng tháng.","status":"in_force","complianceCostVnd":18000000}""",
            """{"id":"BYT-TP-0001","documentId":"nd-15-2018","article":"Điều 4","agency":"BYT","sector":"An toàn thực phẩm","businessLines":["Sản xuất, kinh doanh thực phẩm thuộc lĩnh vực quản lý chuyên ngành của Bộ Y tế"],"kind":"procedure","title":"Tự công bố sản phẩm thực phẩm","content":"Tổ chức, cá nhân sản xuất, kinh doanh thực phẩm tự công bố sản phẩm trên phương tiện thông tin đại chúng hoặc trang thông tin điện tử của mình và nộp 01 bản qua đường bưu điện hoặc trực tiếp đến cơ quan quản lý nhà nước có thẩm quyền.","status":"simplified"}""",
        ],
        ["proposals.jsonl"] =
        [
            """{"id":"PA-BCT-XD-2026-01","agency":"BCT","title":"Phương án cắt giảm điều kiện kinh doanh xăng dầu","summary":"Bãi bỏ yêu cầu **cầu cảng chuyên dụng** và đơn giản hóa điều kiện cửa hàng bán lẻ.","status":"consultation","opensOn":"2026-10-01","closesOn":"2027-01-31","targets":[{"regulationId":"BCT-XD-0001","action":"abolish","note":"Bãi bỏ yêu cầu cầu cảng"},{"regulationId":"BCT-XD-0002","action":"simplify"}],"estimatedSavingVnd":48000000000,"estimatedSavingDays":120000}""",
            """{"id":"PA-BYT-TP-2020-01","agency":"BYT","title":"Phương án đơn giản hóa thủ tục tự công bố sản phẩm","summary":"Cho phép nộp hồ sơ tự công bố trực tuyến.","status":"implemented","opensOn":"2020-06-01","closesOn":"2020-07-15","targets":[{"regulationId":"BYT-TP-0001","action":"simplify"}]}""",
        ],
        ["comments.jsonl"] =
        [
            """{"id":"c-0001","proposalId":"PA-BCT-XD-2026-01","parentId":null,"regulationId":"BCT-XD-0001","author":"Nguyễn Văn Hùng","organization":"Hiệp hội Xăng dầu Việt Nam","respondentType":"association","stance":"support","body":"Hiệp hội **ủng hộ** bãi bỏ yêu cầu cầu cảng.","createdAt":"2026-10-05T09:30:00+07:00","response":{"decision":"accepted","body":"Tiếp thu.","by":"Vụ Thị trường trong nước","at":"2026-10-20T10:00:00+07:00"}}""",
            """{"id":"c-0002","proposalId":"PA-BCT-XD-2026-01","parentId":"c-0001","author":"Ẩn danh","respondentType":"individual","stance":"oppose","body":"Cần giữ yêu cầu để bảo đảm an ninh năng lượng.","createdAt":"2026-10-06T14:00:00"}""",
            """{"id":"c-0003","proposalId":"PA-BCT-XD-2026-01","parentId":"c-0002","author":"Trần Thị Lan","organization":"Công ty Cổ phần Xăng dầu Miền Nam","respondentType":"enterprise","stance":"amend","body":"Đề nghị chỉ áp dụng với thương nhân nhập khẩu.","createdAt":"2026-10-07T08:15:00+07:00"}""",
            """{"id":"c-0004","proposalId":"PA-BYT-TP-2020-01","parentId":null,"regulationId":"BYT-TP-0001","author":"Lê Minh","organization":"Viện Dinh dưỡng","respondentType":"expert","stance":"neutral","body":"Đề nghị làm rõ hồ sơ trực tuyến.","createdAt":"2020-06-10T10:00:00+07:00","response":{"decision":"rejected","body":"Đã quy định tại Điều 5.","by":"Cục An toàn thực phẩm","at":"2020-07-01T09:00:00+07:00"}}""",
        ],
    };

    public int RecordCount => Files.Values.Sum(lines => lines.Count);

    public SampleDataset Replace(string file, int line, string text)
    {
        Files[file][line - 1] = text;
        return this;
    }

    /// <summary>Writes the files to a new temporary folder and returns its path.</summary>
    public string WriteToTemp()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reglookup-tests", "ds-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        foreach (var (file, lines) in Files)
            File.WriteAllText(Path.Combine(folder, file), string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return folder;
    }
}
