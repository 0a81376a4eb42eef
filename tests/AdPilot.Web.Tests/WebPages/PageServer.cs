using System.Text;
using AdPilot.Web.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace AdPilot.Web.Tests.WebPages;

/// <summary>
/// A Kestrel server on 127.0.0.1 with the pages the link tool is tried on: a landing page, a redirect to a loopback
/// address the test allow-list does not cover, a PDF, an oversized page, a page that never comes, a 404.
/// </summary>
public sealed class PageServer : FakeApiServer
{
    public const string Landing =
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <title>Trail Runner X – lightweight running shoes</title>
        <meta name="description" content="The Trail Runner X weighs 220 g, grips wet rock and ships free. Order today, return within 100 days.">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta property="og:title" content="Trail Runner X"><meta property="og:image" content="https://cdn.example.com/x.jpg">
        <script>alert("never run")</script></head>
        <body><h1>Trail Runner X</h1><p>Light, fast and made for mud.</p><a class="cta" href="/buy">Buy now</a>
        <h2>Specs</h2><p>220 g. 6 mm drop. Vibram sole.</p></body></html>
        """;

    public static async Task<PageServer> ServeAsync()
    {
        var server = new PageServer();
        await server.StartAsync();
        return server;
    }

    public string Url(string path) => BaseUrl + path;

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        var response = context.Response;
        switch (context.Request.Path.Value)
        {
            case "/landing":
                await WriteAsync(response, "text/html; charset=utf-8", Landing);
                break;
            case "/to-loopback":
                response.Redirect($"http://127.0.0.2:{context.Connection.LocalPort}/landing"); // 302
                break;
            case "/to-metadata":
                response.Redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
                break;
            case "/brochure.pdf":
                await WriteAsync(response, "application/pdf", "%PDF-1.7");
                break;
            case "/huge":
                await WriteAsync(response, "text/html", "<html><body>" + new string('x', 3 * 1024 * 1024) + "</body></html>");
                break;
            case "/slow":
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                await WriteAsync(response, "text/html", "<h1>Not found</h1>");
                break;
        }
    }

    private static Task WriteAsync(HttpResponse response, string contentType, string text)
    {
        response.ContentType = contentType;
        return response.Body.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();
    }
}
