using System.Globalization;
using AdPilot.Core.Identity;
using StackExchange.Redis;

namespace AdPilot.Web.Hosting;

/// <summary>
/// Tells every node that a user's sessions were revoked, over Redis pub/sub, so they drop their cached view at once.
/// Best effort: a message lost during a Redis outage only leaves another node's view stale for
/// <see cref="SessionValidator.SnapshotLifetime"/>.
/// </summary>
internal sealed class RedisSessionRevocationBus(IConnectionMultiplexer redis, ILogger<RedisSessionRevocationBus> logger) : ISessionRevocationBus
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("adpilot:sessions:revoked");

    public async Task PublishAsync(long userId)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, userId.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Could not tell other nodes about a session revocation (Redis unavailable): {Error}", ex.Message);
        }
    }

    /// <summary>Listens for revocations from other nodes; the multiplexer re-subscribes by itself after a reconnect.</summary>
    internal sealed class Subscriber(IConnectionMultiplexer redis, SessionValidator sessions, ILogger<Subscriber> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
                {
                    if (long.TryParse(message.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
                    {
                        sessions.Forget(userId);
                    }
                });
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Not subscribed to session revocations yet (Redis unavailable): {Error}", ex.Message);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
