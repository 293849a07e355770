using Microsoft.Extensions.Options;
using RegLookup.Data;
using RegLookup.Data.Model;
using RegLookup.Data.Stores;
using RegLookup.Web.Platform;

namespace RegLookup.Web.Accounts;

/// <summary>What happened, for the notification list (its label is localized when shown).</summary>
public static class NotificationKinds
{
    public const string NewComment = "comment";
    public const string Reply = "reply";
    public const string Response = "response";
    public const string ProposalChanged = "proposal";
    public const string ConsultationOpened = "consultation_opened";
    public const string ConsultationClosed = "consultation_closed";
    public const string RegulationChanged = "regulation";
}

/// <summary>
/// Tells the people concerned about a change, inside the transaction that makes it: followers of the item (and of
/// its agency, target regulations and sectors), the author of the comment replied to or answered. The person who
/// acted is not told about their own act. With SMTP configured, the same goes out by e-mail through the outbox.
/// </summary>
public sealed class Notifier(NotificationStore notifications, OutboxStore outbox, UserStore users, IOptions<RegLookupOptions> options)
{
    /// <summary>A comment or reply was posted: the author of the comment replied to hears of it as a reply, the followers
    /// of the proposal (and of the regulation the comment is about) as a new comment — nobody twice.</summary>
    public async Task CommentPostedAsync(DbSession s, Comment comment, Proposal proposal, string? actorUserId, string? parentAuthorUserId)
    {
        var url = CommentUrl(proposal, comment);
        if (parentAuthorUserId is not null && parentAuthorUserId != actorUserId)
            await ToUserAsync(s, parentAuthorUserId, NotificationKinds.Reply, Entities.Comment, comment.Id, proposal.Title, url);
        var followed = new List<(string, string)> { (Entities.Proposal, proposal.Id) };
        if (comment.RegulationId is not null) followed.Add((Entities.Regulation, comment.RegulationId));
        await ToFollowersAsync(s, followed, [actorUserId, parentAuthorUserId], NotificationKinds.NewComment,
            Entities.Comment, comment.Id, proposal.Title, url);
    }

    public async Task ResponseRecordedAsync(DbSession s, Comment comment, Proposal proposal, string? actorUserId, string? commentAuthorUserId)
    {
        var url = CommentUrl(proposal, comment);
        if (commentAuthorUserId is not null && commentAuthorUserId != actorUserId)
            await ToUserAsync(s, commentAuthorUserId, NotificationKinds.Response, Entities.Comment, comment.Id, proposal.Title, url);
    }

    /// <summary>A proposal was created, edited or moved through its lifecycle (<paramref name="kind"/> says which).
    /// <paramref name="alreadyTold"/>: people who heard of the same move more precisely (a regulation they follow).</summary>
    public async Task ProposalChangedAsync(DbSession s, Proposal proposal, IReadOnlyCollection<Regulation> targets, string kind, string? actorUserId,
        IReadOnlyCollection<string>? alreadyTold = null)
    {
        var url = FollowTargets.Url(Entities.Proposal, proposal.Id);
        var followed = new List<(string, string)> { (Entities.Proposal, proposal.Id), (Entities.Agency, proposal.Agency) };
        followed.AddRange(targets.Select(r => (Entities.Regulation, r.Id)));
        followed.AddRange(targets.Where(r => r.Sector is not null).Select(r => (Entities.Sector, r.Sector!)));
        await ToFollowersAsync(s, followed, [actorUserId, .. alreadyTold ?? []], kind, Entities.Proposal, proposal.Id, proposal.Title, url);
    }

    /// <summary>A regulation changed status (cut or simplified when a proposal is implemented): its own followers
    /// hear of it. Followers of its agency or sector hear of the proposal instead, once for all its targets.</summary>
    /// <returns>Who was told.</returns>
    public async Task<IReadOnlyCollection<string>> RegulationChangedAsync(DbSession s, Regulation regulation, string? actorUserId)
    {
        var url = FollowTargets.Url(Entities.Regulation, regulation.Id);
        return await ToFollowersAsync(s, [(Entities.Regulation, regulation.Id)], [actorUserId], NotificationKinds.RegulationChanged,
            Entities.Regulation, regulation.Id, regulation.Title, url);
    }

    /// <summary>?comment= opens the screen of a long thread that holds the comment; the fragment scrolls to it.</summary>
    private static string CommentUrl(Proposal proposal, Comment comment) =>
        $"{FollowTargets.Url(Entities.Proposal, proposal.Id)}?comment={Uri.EscapeDataString(comment.Id)}#{comment.Id}";

    private async Task<IReadOnlyCollection<string>> ToFollowersAsync(DbSession s, IReadOnlyCollection<(string, string)> followed,
        IReadOnlyCollection<string?> except, string kind, string entity, string entityId, string title, string url)
    {
        var told = await notifications.NotifyFollowersAsync(s, followed, except, kind, entity, entityId, title, url);
        await EmailAsync(s, told, kind, title, url);
        return told;
    }

    private async Task ToUserAsync(DbSession s, string userId, string kind, string entity, string entityId, string title, string url)
    {
        await notifications.NotifyAsync(s, userId, kind, entity, entityId, title, url);
        await EmailAsync(s, [userId], kind, title, url);
    }

    /// <summary>Queues the e-mail for each person whose address is confirmed (an unconfirmed one may not be theirs).</summary>
    private async Task EmailAsync(DbSession s, IReadOnlyCollection<string> userIds, string kind, string title, string url)
    {
        if (!options.Value.Email.Enabled || userIds.Count == 0) return;
        foreach (var user in (await users.FindManyAsync(s, userIds)).Where(u => u.EmailConfirmed))
            await outbox.EnqueueAsync(s, user.Email, EmailText.Subject(kind, title), EmailText.Body(kind, title, options.Value.Email.PublicUrl + url));
    }
}

/// <summary>Notification e-mails, in Vietnamese (the portal's language; the in-app list follows each person's choice).</summary>
public static class EmailText
{
    public static string Subject(string kind, string title) => $"[Cổng tham vấn] {Headline(kind)}: {title}";

    public static string Body(string kind, string title, string link) =>
        $"{Headline(kind)}.\n\n{title}\n\nXem chi tiết: {link}\n\nBạn nhận thư này vì đã theo dõi nội dung trên Cổng tham vấn và tra cứu quy định kinh doanh.";

    private static string Headline(string kind) => kind switch
    {
        NotificationKinds.NewComment => "Có ý kiến góp ý mới",
        NotificationKinds.Reply => "Có trả lời mới cho ý kiến của bạn",
        NotificationKinds.Response => "Cơ quan soạn thảo đã giải trình, tiếp thu ý kiến của bạn",
        NotificationKinds.ConsultationOpened => "Bắt đầu lấy ý kiến",
        NotificationKinds.ConsultationClosed => "Kết thúc lấy ý kiến",
        NotificationKinds.RegulationChanged => "Quy định đã thay đổi",
        _ => "Phương án đã được cập nhật",
    };
}
