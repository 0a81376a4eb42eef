// Real-time notifications: one SignalR connection per page, forwarding each pushed notification to the bell.
window.adpilotNotifications = (() => {
  let connection = null;
  let listener = null;

  const start = async () => {
    connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/notifications")
      .withAutomaticReconnect()
      .build();
    connection.on("notification", (n) => listener?.invokeMethodAsync("OnPushed", n));
    connection.onreconnected(() => listener?.invokeMethodAsync("OnReconnected"));
    connection.onclose(() => { document.documentElement.dataset.notificationsLive = "0"; });
    await connection.start();
    document.documentElement.dataset.notificationsLive = "1";
  };

  return {
    // The bell registers itself; a later bell (after navigation) replaces the earlier one.
    connect: async (dotnet) => {
      listener = dotnet;
      if (!connection) {
        try { await start(); } catch (e) { connection = null; console.warn("Live notifications unavailable", e); }
      }
    },
    disconnect: (dotnet) => { if (listener === dotnet) listener = null; },
  };
})();
