using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>One request as a fake platform received it.</summary>
public sealed record RecordedRequest(string Method, string Path, IQueryCollection Query, string Body, IHeaderDictionary Headers);

/// <summary>Hosting shared by the ad-platform fakes: a Kestrel app on a free port that records every request.</summary>
public abstract class FakeApiServer : IAsyncDisposable
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The next N API calls fail as throttled; then calls succeed.</summary>
    public int ThrottleTimes { get; set; }

    /// <summary>The next N API calls fail with HTTP 503.</summary>
    public int ServerErrorTimes { get; set; }

    /// <summary>Every API call fails as an expired or revoked token.</summary>
    public bool TokenExpired { get; set; }

    protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            // Kestrel reuses header and query collections between requests: keep copies.
            var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
            var query = new QueryCollection(context.Request.Query.ToDictionary(q => q.Key, q => q.Value));
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", query, body, headers));
            await HandleAsync(context, body);
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
    }

    protected abstract Task HandleAsync(HttpContext context, string body);

    protected bool TakeThrottle() => TakeOne(() => ThrottleTimes, v => ThrottleTimes = v);

    protected bool TakeServerError() => TakeOne(() => ServerErrorTimes, v => ServerErrorTimes = v);

    private readonly Lock _gate = new();

    private bool TakeOne(Func<int> read, Action<int> write)
    {
        lock (_gate)
        {
            var left = read();
            if (left <= 0)
            {
                return false;
            }

            write(left - 1);
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
