using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AdPilot.Core.Agent;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Web.Features.Mcp;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// One turn, started by <see cref="AgentService.StartAsync"/>: streams the answer while the model and the tools work,
/// then charges the tokens actually used (one ledger entry with the model and token counts, keyed by the turn so it is
/// charged once) and stores the answer. A turn that fails, times out or is cancelled is stored as such and charges
/// nothing. Dispose it (the transports use <c>await using</c>) so its slot and scope are released whatever happens.
/// </summary>
public sealed class AgentTurn : IAsyncDisposable
{
    private readonly AgentService _agent;
    private readonly AgentTurnScope _turn;
    private readonly AsyncServiceScope _scope;
    private readonly IDisposable _slot;
    private readonly List<ChatMessage> _messages;
    private readonly ChatOptions _options;
    private int _started;

    internal AgentTurn(AgentService agent, AgentTurnScope turn, AsyncServiceScope scope, IDisposable slot, List<ChatMessage> messages, ChatOptions options, long userMessageId)
    {
        _agent = agent;
        _turn = turn;
        _scope = scope;
        _slot = slot;
        _messages = messages;
        _options = options;
        UserMessageId = userMessageId;
        MessageId = "msg_" + Guid.NewGuid().ToString("N");
    }

    public long ConversationId => _turn.ConversationId;
    public long UserMessageId { get; }

    /// <summary>The answer's id: the AI SDK message id and the credit charge's idempotency key.</summary>
    public string MessageId { get; }

    /// <summary>The turn's events, ending with <see cref="TurnFinished"/> or <see cref="TurnFailed"/>. Can be read once.</summary>
    public async IAsyncEnumerable<AgentEvent> RunAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A turn runs once.");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_agent.Options.TurnTimeoutSeconds), _agent.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        _agent.Metrics.TurnStarted();
        _turn.Emit(new TurnStarted(ConversationId, UserMessageId, MessageId));
        var work = Task.Run(() => ProduceAsync(() => timeout.IsCancellationRequested, linked.Token), CancellationToken.None);
        try
        {
            await foreach (var e in _turn.Events.ReadAllAsync(CancellationToken.None))
            {
                yield return e;
            }
        }
        finally
        {
            // A reader that stops early (it broke out, or its transport failed) stops the turn too: nobody would see the
            // answer, so it must not run on and be charged, and the scope it uses is about to be disposed.
            if (!work.IsCompleted)
            {
                await linked.CancelAsync();
            }

            await work;
        }
    }

    private async Task ProduceAsync(Func<bool> timedOut, CancellationToken ct)
    {
        var text = new StringBuilder();
        var usage = new UsageDetails();
        var started = Stopwatch.GetTimestamp();
        var firstToken = true;
        string? textId = null;
        var blocks = 0;
        var outcome = "finished";
        try
        {
            await foreach (var update in _agent.Client().GetStreamingResponseAsync(_messages, _options, ct))
            {
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent { Text.Length: > 0 } t:
                            if (firstToken)
                            {
                                firstToken = false;
                                _agent.Metrics.FirstToken(Stopwatch.GetElapsedTime(started));
                            }

                            textId ??= $"text_{++blocks}";
                            text.Append(t.Text);
                            _turn.Emit(new TextDelta(textId, t.Text));
                            break;
                        case FunctionCallContent:
                            textId = null; // text after a tool call is a new block
                            break;
                        case UsageContent u:
                            usage.Add(u.Details);
                            break;
                        case ChartContent chart:
                            _turn.Emit(new DataShown("chart", $"chart-{++blocks}", JsonSerializer.SerializeToNode(chart.Chart, McpJson.Options)!));
                            break;
                        case TableContent table:
                            _turn.Emit(new DataShown("table", $"table-{++blocks}", JsonSerializer.SerializeToNode(table.Table, McpJson.Options)!));
                            break;
                    }
                }
            }

            await FinishAsync(text.ToString(), usage);
        }
        catch (Exception ex)
        {
            var (code, message) = Failure(ex, ct.IsCancellationRequested, timedOut());
            outcome = code;
            if (code == "provider_error")
            {
                _agent.Logger.LogWarning("Agent turn {MessageId} failed: {Error}", MessageId, ex.GetType().Name);
            }

            await StoreAsync(text.ToString(), code == "cancelled" ? MessageStatuses.Cancelled : MessageStatuses.Failed, usage, 0m, null);
            _turn.Emit(new TurnFailed(code, message));
        }
        finally
        {
            _agent.Metrics.TurnEnded(outcome);
            _turn.Complete();
        }
    }

    /// <summary>Charges what the turn used, once (keyed by the message id), stores the answer, and says what it cost.</summary>
    private async Task FinishAsync(string text, UsageDetails usage)
    {
        var model = _agent.Options.Model;
        var input = (int)(usage.InputTokenCount ?? _messages.Sum(m => AgentTokens.Count(m.Text)));
        var output = (int)(usage.OutputTokenCount ?? AgentTokens.Count(text));
        CreditTransactionView charge;
        try
        {
            charge = await _agent.Credits.DeductAsync(_turn.UserId, new DeductRequest
            {
                Operation = AgentService.ChatOperation,
                Model = model,
                InputTokens = input,
                OutputTokens = output,
                ReferenceId = $"{MeteredWork.ReferencePrefix}chat:{ConversationId}:{MessageId}",
                IdempotencyKey = "chat:" + MessageId,
            }, CancellationToken.None);
        }
        catch (InsufficientCreditsException)
        {
            // Only when other spending used the balance while this turn ran (the start checked it covered the most the turn
            // could cost). The answer was shown; it is not charged, and never overdraws (docs/decisions/023).
            _agent.Logger.LogWarning("Agent turn {MessageId} was not charged: the balance ran out during the turn", MessageId);
            await StoreAsync(text, MessageStatuses.Complete, usage, 0m, null, input, output);
            _turn.Emit(new TurnFinished(model, input, output, 0m, (await _agent.Credits.GetBalanceAsync(_turn.UserId, CancellationToken.None)).Total));
            return;
        }

        try
        {
            await StoreAsync(text, MessageStatuses.Complete, usage, -charge.Amount, charge.Id, input, output);
        }
        catch
        {
            await _agent.Credits.RefundAsync(_turn.UserId, charge.ReferenceId!, null, "chat:" + MessageId + ":refund", CancellationToken.None);
            throw;
        }

        _turn.Emit(new TurnFinished(model, input, output, -charge.Amount, charge.BalanceAfter));
    }

    private Task<long> StoreAsync(string text, string status, UsageDetails usage, decimal credits, long? transactionId, int? input = null, int? output = null) =>
        _agent.Conversations.AddAssistantMessageAsync(_turn.UserId, ConversationId, new AssistantMessage(
            text, _turn.Parts().ToJsonString(), status, _agent.Options.Model,
            input ?? (int)(usage.InputTokenCount ?? 0), output ?? (int)(usage.OutputTokenCount ?? 0), credits, transactionId), CancellationToken.None);

    private static (string Code, string Message) Failure(Exception ex, bool cancelled, bool timedOut) => ex switch
    {
        OperationCanceledException when timedOut => ("timeout", "The agent took too long to answer and was stopped. Nothing was charged; try again."),
        OperationCanceledException when cancelled => ("cancelled", "Stopped. Nothing was charged."),
        DomainException d => (d.Code, d.Message),
        _ => ("provider_error", "The AI model failed to answer. Nothing was charged; try again in a moment."),
    };

    public async ValueTask DisposeAsync()
    {
        _slot.Dispose();
        await _scope.DisposeAsync();
    }
}
