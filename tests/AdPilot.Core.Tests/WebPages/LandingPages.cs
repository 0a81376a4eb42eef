namespace AdPilot.Core.Tests.WebPages;

/// <summary>HTML documents for the web page tests.</summary>
internal static class LandingPages
{
    /// <summary>A good landing page, with things that must never come out of it: a script, a style, hidden text, a javascript: link, invisible characters.</summary>
    public const string Good =
        """
        <!doctype html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Spring Sale – 30% off running shoes</title>
          <meta name="description" content="Every running shoe 30% off until Sunday. Free delivery and 100-day returns on all orders.">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta property="og:title" content="Spring Sale">
          <meta property="og:image" content="https://cdn.example.com/spring.jpg">
          <style>body { color: red } .secret { content: "STYLE-TEXT" }</style>
          <script>document.write("SCRIPT-TEXT"); fetch("http://169.254.169.254/");</script>
        </head>
        <body>
          <header><a href="/">Home</a> <a href="javascript:alert(1)">Evil</a> <a class="btn btn-primary" href="/shop">Shop the sale</a></header>
          <main>
            <h1>Spring Sale: 30% off every running shoe</h1>
            <p>Our lightest trainers, now at the lowest price of the year.&#8203;&#8238; Built for long runs.</p>
            <div hidden>HIDDEN-TEXT</div>
            <noscript>NOSCRIPT-TEXT</noscript>
            <h2>Why runners love them</h2>
            <p>Cushioned soles, breathable uppers and a fit that lasts a marathon.</p>
            <img src="/a.jpg" alt="Shoe"><img src="/b.jpg">
            <form action="/subscribe" method="post"><input type="email" name="email"><input type="hidden" name="t" value="x"><button type="submit">Get the deal</button></form>
          </main>
          <footer><a href="https://partner.example.org/about">About our partner</a></footer>
        </body>
        </html>
        """;

    public const string Bare = "<html><body><p>Hello</p></body></html>";
}
