using System.Text.Json.Nodes;
using AdPilot.Core.Agent;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AdPilot.Web.Features.Chat;

/// <summary>
/// The chat of one browser tab (scoped to the Blazor circuit, so it lives on while the user moves between pages): the
/// open conversation, its entries, the turn being answered, the messages waiting to be sent, and whether an answer
/// arrived while the window was closed. The floating window and the /chat page are two views of it.
/// </summary>
public sealed class ChatSession(
    AgentService agent,
    ConversationService conversations,
    AgentActions actions,
    CreditService credits,
    AuthenticationStateProvider auth,
    NavigationManager navigation,
    TimeProvider clock,
    ILogger<ChatSession> logger) : IDisposable
{
    /// <summary>The plan's response timeout: an answer not finished within 60 s is stopped and can be retried.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(60);

    private CancellationTokenSource? _stop;
    private Task? _sending;
    private OutgoingMessage? _last;
    private int _generation;

    /// <summary>Something shown changed: views re-render.</summary>
    public event Action? Changed;

    public ChatTranscript Transcript { get; private set; } = new();
    public long? ConversationId { get; private set; }
    public bool Loaded { get; private set; }
    public bool Busy => _stop is not null;
    public ChatOutbox Outbox { get; } = new();

    /// <summary>A message refused by the outbox (it was full), for the composer to say so.</summary>
    public bool OutboxFull { get; private set; }

    /// <summary>The window (or the /chat page) is showing the conversation.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>An answer finished while nobody was looking: the chat button shows a badge.</summary>
    public bool HasUnread { get; private set; }

    public void SetOpen(bool open)
    {
        IsOpen = open;
        HasUnread &= !open;
        Notify();
    }

    /// <summary>Reopens the conversation the browser remembers, else the newest one; once per circuit.</summary>
    public async Task EnsureLoadedAsync(long? remembered, CancellationToken ct = default)
    {
        if (Loaded)
        {
            return;
        }

        var userId = await UserIdAsync();
        ConversationView? conversation = null;
        if (remembered is { } id)
        {
            conversation = await TryGetAsync(userId, id, ct);
        }

        if (conversation is null && (await conversations.ListAsync(userId, new ConversationQuery { PageSize = 1 }, ct)).Items is [var newest])
        {
            conversation = await TryGetAsync(userId, newest.Id, ct);
        }

        if (!Loaded && ConversationId is null && Transcript.Entries.Count == 0 && conversation is not null)
        {
            await ShowAsync(userId, conversation, ct);
        }

        Loaded = true;
        Notify();
    }

    public async Task OpenAsync(long conversationId, CancellationToken ct = default)
    {
        Stop();
        var userId = await UserIdAsync();
        await ShowAsync(userId, await conversations.GetAsync(userId, conversationId, ct), ct);
        Loaded = true;
        Notify();
    }

    public void NewConversation()
    {
        Stop();
        _generation++;
        Outbox.Clear();
        Transcript = new ChatTranscript();
        ConversationId = null;
        _last = null;
        Loaded = true;
        Notify();
    }

    /// <summary>Sends a message, or queues it while an answer is still being written; false when the queue is full.</summary>
    public bool Send(string text, IReadOnlyList<AgentAttachment>? attachments = null)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        OutboxFull = !Outbox.TryAdd(new OutgoingMessage(text, attachments ?? []));
        Notify();
        if (!OutboxFull && _sending is null)
        {
            _sending = SendWaitingAsync();
        }

        return !OutboxFull;
    }

    /// <summary>Completes when every message sent so far has been answered (or failed).</summary>
    public Task IdleAsync() => _sending ?? Task.CompletedTask;

    /// <summary>Stops the answer being written (nothing is charged).</summary>
    public void Stop()
    {
        try
        {
            _stop?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the turn ended meanwhile
        }
    }

    /// <summary>Sends the last message again, after a timeout or a failure.</summary>
    public bool Retry()
    {
        if (_last is not { } last || Busy)
        {
            return false;
        }

        if (Transcript.Entries is [.., { Role: MessageRoles.User }, { Status: ChatEntryStatus.Failed or ChatEntryStatus.Cancelled }])
        {
            Transcript.Entries.RemoveRange(Transcript.Entries.Count - 2, 2);
        }

        return Send(last.Text, last.Attachments);
    }

    public void Notify() => Changed?.Invoke();

    /// <summary>
    /// Sends what waits, one turn at a time. A new conversation empties the outbox, so whatever is taken after it was
    /// sent for the new one (its turns start once the stopped one has ended).
    /// </summary>
    private async Task SendWaitingAsync()
    {
        while (Outbox.TryTake(out var message))
        {
            OutboxFull = false;
            await AnswerAsync(message, _generation);
        }

        _sending = null;
        Notify();
    }

    private async Task AnswerAsync(OutgoingMessage message, int generation)
    {
        _last = message;
        Transcript.AddUser(message.Text, message.Attachments, Now);
        var transcript = Transcript;
        using var stop = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(ResponseTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, timeout.Token);
        _stop = stop;
        Notify();
        try
        {
            var user = (await auth.GetAuthenticationStateAsync()).User;
            await using var turn = await agent.StartAsync(user, new AgentTurnRequest
            {
                ConversationId = ConversationId,
                Text = message.Text,
                Page = ChatPages.For(navigation.Uri),
                Attachments = message.Attachments.Count == 0 ? null : message.Attachments,
            }, linked.Token);
            if (generation == _generation)
            {
                ConversationId = turn.ConversationId;
            }

            await foreach (var e in turn.RunAsync(linked.Token))
            {
                transcript.Apply(e is TurnFailed { Code: "cancelled" } && timeout.IsCancellationRequested ? TimedOut() : e, Now);
                Notify();
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            transcript.Apply(timeout.IsCancellationRequested ? TimedOut() : new TurnFailed("cancelled", "Stopped."), Now);
        }
        catch (InsufficientCreditsException ex)
        {
            transcript.Apply(new TurnFailed(ex.Code, ex.Message, new JsonObject { ["required"] = ex.Required, ["available"] = ex.Available }), Now);
        }
        catch (DomainException ex)
        {
            transcript.Apply(new TurnFailed(ex.Code, ex.Message), Now);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A chat turn failed in the Blazor chat");
            transcript.Apply(new TurnFailed("internal_error", "Something went wrong on our side. Try again."), Now);
        }
        finally
        {
            _stop = null;
        }

        await AddBalanceAsync(transcript);
        HasUnread |= !IsOpen;
        Notify();
    }

    /// <summary>A turn refused for credits during the turn says nothing of the balance: look it up, so the window can show it.</summary>
    private async Task AddBalanceAsync(ChatTranscript transcript)
    {
        if (transcript.Entries is [.., { ErrorCode: "insufficient_credits" } failed] && failed.ErrorDetails?["available"] is null)
        {
            var balance = await credits.GetBalanceAsync(await UserIdAsync());
            failed.ErrorDetails ??= [];
            failed.ErrorDetails["available"] = balance.Total;
        }
    }

    private static TurnFailed TimedOut() => new("timeout", "The agent took too long to answer and was stopped. Nothing was charged; try again.");

    /// <summary>
    /// A stored conversation, its action cards as they are now: stored with the answer, a card says "proposed" even once
    /// it was applied, dismissed or undone since.
    /// </summary>
    private async Task ShowAsync(long userId, ConversationView conversation, CancellationToken ct)
    {
        var transcript = ChatTranscript.From(conversation);
        foreach (var action in await actions.ListAsync(userId, conversation.Id, ct))
        {
            transcript.Update(action);
        }

        _generation++;
        Outbox.Clear();
        Transcript = transcript;
        ConversationId = conversation.Id;
        _last = null;
    }

    private async Task<ConversationView?> TryGetAsync(long userId, long id, CancellationToken ct)
    {
        try
        {
            return await conversations.GetAsync(userId, id, ct);
        }
        catch (NotFoundException)
        {
            return null; // deleted since, or another user's id left in this browser
        }
    }

    private async Task<long> UserIdAsync() => (await auth.GetAuthenticationStateAsync()).User.UserId();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public void Dispose()
    {
        _generation++;
        Outbox.Clear();
        Stop();
    }
}
