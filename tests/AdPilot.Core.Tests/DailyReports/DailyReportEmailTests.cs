using AdPilot.Core.DailyReports;
using AdPilot.Core.Email;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdPilot.Core.Tests.DailyReports;

/// <summary>The report e-mail as a mail client receives it: HTML, text and the chart as an inline PNG, in the user's language.</summary>
public sealed class DailyReportEmailTests
{
    private static readonly DateOnly Day = new(2026, 11, 29);

    private static async Task<(TestDatabase Db, ReportWorld World, long NotificationId, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock)> SentAsync(string language)
    {
        var db = await TestDatabase.CreateAsync();
        var world = await DailyReportWorld.UserAsync(db, $"{language}@example.com", "UTC", language);
        await world.SaveAsync(ReportWorld.Row(world.Usd.Ads[0], Day, 60m, conversions: 2, revenue: 180m), ReportWorld.Row(world.Usd.Ads[0], Day.AddDays(-1), 30m, revenue: 30m));
        var clock = DailyReportWorld.Clock();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var channels = new RecordingNotificationChannels();
        await DailyReportWorld.Job(db, clock, channels).RunAsync();
        return (db, world, Assert.Single(channels.QueuedEmails), clock);
    }

    private static NotificationEmailDelivery Delivery(TestDatabase db, TimeProvider clock, IEmailSender sender) =>
        new(db, sender, Options.Create(new EmailOptions { LinkBaseUrl = "https://app.adpilot.example" }), clock,
            NullLogger<NotificationEmailDelivery>.Instance, [new DailyReportEmailComposer(db)]);

    private static async Task<MimeMessage> MailFolderAsync(string language)
    {
        var (db, _, notificationId, clock) = await SentAsync(language);
        await using var _ = db;
        var folder = Directory.CreateTempSubdirectory("adpilot-daily-mail-").FullName;
        try
        {
            var sender = new MailFolderEmailSender(Options.Create(new EmailOptions { Folder = folder }), clock);
            Assert.True(await Delivery(db, clock, sender).DeliverAsync(notificationId));
            return await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Deliver_MailFolder_HtmlTextAndInlinePngChart()
    {
        var mail = await MailFolderAsync("en");

        Assert.Equal("Your AdPilot daily report for 2026-11-29", mail.Subject);
        var png = Assert.Single(mail.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        Assert.False(string.IsNullOrEmpty(png.ContentId));
        Assert.Contains($"cid:{png.ContentId}", mail.HtmlBody);
        await using var bytes = new MemoryStream();
        await png.Content!.DecodeToAsync(bytes);
        var info = SixLabors.ImageSharp.Image.Identify(bytes.ToArray());
        Assert.Equal((DailyReportChart.Width, DailyReportChart.Height), (info.Width, info.Height));
        Assert.Contains("https://app.adpilot.example/reports?range=custom&amp;from=2026-11-29&amp;to=2026-11-29", mail.HtmlBody);
        Assert.Contains("60.00 USD", mail.HtmlBody);
        Assert.Contains("Spend: 60.00 USD (vs day before +100 %, vs last week –)", mail.TextBody);
        Assert.Contains("ROAS: 3.00", mail.TextBody);
        Assert.Contains("No anomalies were detected.", mail.TextBody);
    }

    [Fact]
    public async Task Deliver_ChineseUser_ChineseSubjectAndText()
    {
        var mail = await MailFolderAsync("zh-CN");

        Assert.Equal("AdPilot 每日报告：2026-11-29", mail.Subject);
        Assert.Contains("花费: 60.00 USD（较前一天 +100 %", mail.TextBody!.Replace(" (", "（"));
        Assert.Contains("未发现异常。", mail.TextBody);
        Assert.Contains("打开报告", mail.HtmlBody);
    }

    [Fact]
    public async Task Deliver_Smtp_CarriesTheInlineChartToo()
    {
        var (db, _, notificationId, clock) = await SentAsync("en");
        await using var _ = db;
        await using var smtp = LocalSmtpServer.Start();
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", Timeout = TimeSpan.FromSeconds(5) } }));

        Assert.True(await Delivery(db, clock, sender).DeliverAsync(notificationId));

        var mail = await smtp.WaitForMessageAsync();
        Assert.Contains(mail.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png" && mail.HtmlBody!.Contains($"cid:{p.ContentId}"));
        Assert.False(string.IsNullOrEmpty(mail.TextBody));
    }
}
