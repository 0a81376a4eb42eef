using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Agent;

/// <summary>The user's conversations with the agent, kept server-side: list, open, rename, delete, and the turns' messages.</summary>
public sealed class ConversationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How many earlier messages a turn sends the model (the newest), so a long conversation stays affordable.</summary>
    public const int HistoryWindow = 20;

    public async Task<Paged<ConversationSummary>> ListAsync(long userId, ConversationQuery query, CancellationToken ct = default)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Conversations.AsNoTracking().Where(c => c.UserId == userId);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => new ConversationSummary(c.Id, c.Title, c.CreatedAt, c.UpdatedAt))
            .ToListAsync(ct);
        return new Paged<ConversationSummary>(page, query.Page, query.PageSize, total);
    }

    public async Task<ConversationView> GetAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct)
            ?? throw new NotFoundException("Conversation", id);
        var messages = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == id && m.UserId == userId)
            .OrderBy(m => m.Id)
            .Select(m => new ConversationMessageView(m.Id, m.Role, m.Text, m.PartsJson, m.Status, m.Model, m.InputTokens, m.OutputTokens, m.Credits, m.CreatedAt))
            .ToListAsync(ct);
        return new ConversationView(conversation.Id, conversation.Title, conversation.CreatedAt, conversation.UpdatedAt, messages);
    }

    /// <summary>The newest complete messages of a conversation, oldest first: what the model is reminded of.</summary>
    public async Task<IReadOnlyList<ConversationMessageView>> HistoryAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var newest = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == id && m.UserId == userId && m.Status == MessageStatuses.Complete)
            .OrderByDescending(m => m.Id).Take(HistoryWindow)
            .Select(m => new ConversationMessageView(m.Id, m.Role, m.Text, m.Role == MessageRoles.User ? m.PartsJson : null, // a user's parts are their attachments
                m.Status, m.Model, m.InputTokens, m.OutputTokens, m.Credits, m.CreatedAt))
            .ToListAsync(ct);
        newest.Reverse();
        return newest;
    }

    public async Task<ConversationSummary> RenameAsync(long userId, long id, RenameConversationRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct)
            ?? throw new NotFoundException("Conversation", id);
        conversation.Title = request.Title.Trim();
        await db.SaveChangesAsync(ct);
        return new ConversationSummary(conversation.Id, conversation.Title, conversation.CreatedAt, conversation.UpdatedAt);
    }

    /// <summary>Deletes a conversation and its messages; the actions it proposed stay in the action log (applied ones) without it.</summary>
    public async Task DeleteAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.Conversations.Where(c => c.Id == id && c.UserId == userId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            throw new NotFoundException("Conversation", id);
        }
    }

    /// <summary>Deletes every conversation of the user ("Clear history").</summary>
    public async Task<int> DeleteAllAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Conversations.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Stores the user's message, in a new conversation titled after it when <paramref name="conversationId"/> is null.</summary>
    /// <param name="partsJson">What the user attached (the message's non-text parts), as a JSON array.</param>
    public async Task<(long ConversationId, long MessageId)> AddUserMessageAsync(long userId, long? conversationId, string text, string? partsJson = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Conversation conversation;
        if (conversationId is { } id)
        {
            conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct)
                ?? throw new NotFoundException("Conversation", id);
        }
        else
        {
            conversation = new Conversation { UserId = userId, Title = Title(text), CreatedAt = now, UpdatedAt = now };
            db.Add(conversation);
            await db.SaveChangesAsync(ct);
        }

        conversation.UpdatedAt = now;
        var message = new ConversationMessage { ConversationId = conversation.Id, UserId = userId, Role = MessageRoles.User, Text = text, PartsJson = partsJson, CreatedAt = now };
        db.Add(message);
        await db.SaveChangesAsync(ct);
        return (conversation.Id, message.Id);
    }

    public async Task<long> AddAssistantMessageAsync(long userId, long conversationId, AssistantMessage answer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = new ConversationMessage
        {
            ConversationId = conversationId, UserId = userId, Role = MessageRoles.Assistant, Text = answer.Text, PartsJson = answer.PartsJson,
            Status = answer.Status, Model = answer.Model, InputTokens = answer.InputTokens, OutputTokens = answer.OutputTokens,
            Credits = answer.Credits, CreditTransactionId = answer.CreditTransactionId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(message);
        await db.Conversations.Where(c => c.Id == conversationId && c.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, message.CreatedAt), ct);
        await db.SaveChangesAsync(ct);
        return message.Id;
    }

    private static string Title(string text)
    {
        var line = text.Trim().ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..57].TrimEnd() + "…";
    }
}
