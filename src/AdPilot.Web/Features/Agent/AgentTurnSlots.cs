using System.Collections.Concurrent;
using AdPilot.Core.Common;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The per-user limit on turns running at once on this node (<see cref="AgentOptions.MaxConcurrentTurnsPerUser"/>): a
/// turn takes a slot when it starts and gives it back when it ends, however it ends.
/// </summary>
public sealed class AgentTurnSlots
{
    private readonly ConcurrentDictionary<long, int> _running = new();

    public IDisposable Take(long userId, int limit)
    {
        while (true)
        {
            var current = _running.GetOrAdd(userId, 0);
            if (current >= limit)
            {
                throw new ConflictException("turn_in_progress",
                    limit == 1 ? "The agent is still answering your previous message. Wait for it or stop it, then send again." : $"The agent is already answering {current} of your messages. Wait for one to finish, then send again.");
            }

            if (_running.TryUpdate(userId, current + 1, current))
            {
                return new Slot(this, userId);
            }
        }
    }

    private void Release(long userId)
    {
        while (_running.TryGetValue(userId, out var current))
        {
            if (current <= 1 ? _running.TryRemove(new KeyValuePair<long, int>(userId, current)) : _running.TryUpdate(userId, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Slot(AgentTurnSlots owner, long userId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(userId);
            }
        }
    }
}
