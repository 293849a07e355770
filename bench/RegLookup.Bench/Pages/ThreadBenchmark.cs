using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;

namespace RegLookup.Bench.Pages;

/// <summary>
/// A consultation with a long thread: a proposal open for comment with N generated comments (Vietnamese sentences,
/// replies nested up to eight levels, deterministic for a seed), written straight into the portal's database,
/// then the first screen of its page and the "more" pages measured under load. Generated data, for benchmarks only.
/// </summary>
public static class ThreadBenchmark
{
    public const string ProposalId = "PA-BENCH-THREAD";

    private static readonly string[] Openings =
    [
        "Hiệp hội đề nghị", "Doanh nghiệp chúng tôi kiến nghị", "Đề nghị Ban soạn thảo", "Chúng tôi thống nhất với phương án và đề nghị",
        "Qua thực tiễn áp dụng, đề nghị", "Về quy định này, đề nghị",
    ];
    private static readonly string[] Asks =
    [
        "bãi bỏ yêu cầu nộp bản sao chứng thực", "giảm tần suất báo cáo từ hằng tháng xuống hằng quý",
        "cho phép nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia", "làm rõ tiêu chí xác định cơ sở đủ điều kiện",
        "rút ngắn thời hạn giải quyết thủ tục xuống 10 ngày làm việc", "bỏ điều kiện về diện tích kho chứa tối thiểu",
        "thống nhất mẫu biểu báo cáo giữa các bộ, ngành", "áp dụng cơ chế hậu kiểm thay cho tiền kiểm",
    ];
    private static readonly string[] Reasons =
    [
        "vì chi phí tuân thủ hiện nay chiếm tới **15%** chi phí vận hành của doanh nghiệp nhỏ.",
        "do yêu cầu này trùng lặp với quy định tại Nghị định 83/2014/NĐ-CP.",
        "nhằm bảo đảm thống nhất với Luật Đầu tư năm 2020.",
        "để giảm thời gian đi lại của hộ kinh doanh ở vùng sâu, vùng xa.",
        "vì dữ liệu đã có trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.",
    ];
    private static readonly (string Name, string? Organization, string Type)[] Authors =
    [
        ("Nguyễn Văn Hùng", "Hiệp hội Xăng dầu Việt Nam", "association"), ("Trần Thị Lan", "Công ty Cổ phần Xăng dầu Miền Nam", "enterprise"),
        ("Ẩn danh", null, "individual"), ("Lê Minh", "Viện Nghiên cứu Chính sách", "expert"), ("Phạm Quốc Bảo", "Phòng Thương mại và Công nghiệp Việt Nam", "association"),
        ("Hoàng Thu Hà", null, "individual"), ("Vũ Đức Thắng", "Công ty TNHH Vận tải Thắng Lợi", "enterprise"),
    ];
    private static readonly string[] Stances = ["support", "oppose", "amend", "neutral"];

    /// <summary>Writes the proposal and its comments into the portal's SQLite database; returns the thread count.</summary>
    public static async Task<int> SeedAsync(string databaseFile, int comments, int seed)
    {
        await using var db = new Database($"Data Source={databaseFile}");
        var targets = (await db.ReadAsync(c => c.QueryAsync<string>("SELECT id FROM regulations WHERE agency = 'BCT' ORDER BY id LIMIT 3"))).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var generated = Generate(comments, seed, targets);
        await db.WriteAsync(async s =>
        {
            await new ProposalStore(db).UpsertAsync(s, new Proposal
            {
                Id = ProposalId, Agency = "BCT", Title = "Phương án cắt giảm điều kiện kinh doanh (luồng ý kiến dài để đo hiệu năng)",
                Summary = "Dữ liệu sinh tự động cho phép đo.", Status = "consultation", OpensOn = today.AddDays(-30), ClosesOn = today.AddDays(30),
                Targets = targets.Select(t => new ProposalTarget { RegulationId = t, Action = "simplify" }).ToList(),
            });
            var store = new CommentStore(db);
            foreach (var c in generated) await store.UpsertAsync(s, c);
        });
        return generated.Count(c => c.ParentId is null);
    }

    /// <summary>One comment in five starts a thread; the others answer a recent comment, often the latest reply, so
    /// that threads grow deep as real discussions do.</summary>
    private static List<Comment> Generate(int count, int seed, IReadOnlyList<string> targets)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(DateTime.UtcNow.AddDays(-20), TimeSpan.Zero);
        var list = new List<Comment>(count);
        var depth = new Dictionary<string, int>();
        var regulationOf = new Dictionary<string, string?>();
        for (var i = 0; i < count; i++)
        {
            string? parent = null;
            if (i > 0 && random.Next(5) != 0)
            {
                var candidate = list[Math.Max(0, list.Count - 1 - random.Next(Math.Min(list.Count, 30)))];
                if (depth[candidate.Id] < 8) parent = candidate.Id;
            }
            var author = Authors[random.Next(Authors.Length)];
            var body = new StringBuilder();
            for (var p = 0; p < 1 + random.Next(3); p++)
                body.Append($"{Openings[random.Next(Openings.Length)]} {Asks[random.Next(Asks.Length)]} {Reasons[random.Next(Reasons.Length)]}\n\n");
            var id = $"c-bench-{i:D5}";
            depth[id] = parent is null ? 0 : depth[parent] + 1;
            // A reply speaks to its thread's regulation; half the threads speak to one.
            regulationOf[id] = parent is not null ? regulationOf[parent] : random.Next(2) == 0 ? targets[random.Next(targets.Count)] : null;
            list.Add(new Comment
            {
                Id = id, ProposalId = ProposalId, ParentId = parent, RegulationId = regulationOf[id],
                Author = author.Name, Organization = author.Organization, RespondentType = author.Type, Stance = Stances[random.Next(Stances.Length)],
                Body = body.ToString().TrimEnd(), CreatedAt = start.AddMinutes(i * 7),
                Response = random.Next(4) == 0
                    ? new CommentResponse { Decision = "partially_accepted", Body = "Tiếp thu một phần; sẽ chỉnh sửa tại dự thảo.", By = "Vụ Pháp chế", At = start.AddMinutes(i * 7 + 600) }
                    : null,
            });
        }
        return list;
    }

    /// <summary>The first screen's HTML size and comment count, and how many screens the thread has ("Trang 1/N").</summary>
    public static async Task<(int Bytes, int Comments, int Screens)> WeighAsync(Uri server, string path)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server };
        var html = await http.GetStringAsync(path);
        var screens = Regex.Match(html, "Trang 1/(\\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        return (Encoding.UTF8.GetByteCount(html), Regex.Count(html, "<article class=\"comment"), screens);
    }

    public static string Kb(int bytes) => (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KiB";
}
