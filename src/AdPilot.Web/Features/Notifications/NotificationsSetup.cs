using AdPilot.Core.Email;
using AdPilot.Core.Notifications;
using AdPilot.Web.Hosting;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace AdPilot.Web.Features.Notifications;

internal static class NotificationsSetup
{
    /// <summary>E-mail (mail folder by default, SMTP when <c>Email:Smtp:Host</c> is set) and real-time push (SignalR, Redis backplane with Redis).</summary>
    public static void AddNotifications(this WebApplicationBuilder builder, AppPaths paths)
    {
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section))
            .PostConfigure(o => o.Folder = Path.GetFullPath(o.Folder, paths.Root))
            .ValidatePlainly()
            .ValidateOnStart();
        if (builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() is { UsesSmtp: true })
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender, MailFolderEmailSender>();
        }

        builder.Services.AddSingleton<INotificationEmailQueue, HangfireNotificationEmailQueue>();
        builder.Services.AddTransient<NotificationEmailJob>();
        builder.Services.AddSingleton<INotificationPush, SignalRNotificationPush>();
        builder.Services.AddScoped<LiveNotifications>();
        builder.Services.AddSingleton<IUserIdProvider, UserIdClaimProvider>();
        var signalR = builder.Services.AddSignalR();
        if (builder.Configuration.RedisConnectionString() is { } redis)
        {
            signalR.AddStackExchangeRedis(redis, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal("adpilot:signalr");
                o.Configuration.ApplyOutageSettings();
            });
        }
    }

    public static void MapNotificationHub(this IEndpointRouteBuilder app) => app.MapHub<NotificationHub>(NotificationHub.Path);
}
