// The chat's browser side (docs/decisions/028): starts Blazor with the plan's reconnection (1 s, 2 s, 4 s, at most 3
// attempts, then "Connection lost" with a manual retry), keeps the connection state on <html data-connection> for the
// status dot, queues messages typed while offline (sessionStorage, at most the composer's limit) and hands them over
// on reconnect, owns the composer's Enter key, link detection and image paste/drop, and the Ctrl+K / ⌘K shortcut.
window.adpilotChat = (() => {
  const delays = [1000, 2000, 4000];
  const queueKey = "adpilot.chat.queue";
  let composer = null; // { dotnet, input, limit }
  let launcher = null;

  const root = document.documentElement;
  const setState = (state) => { root.dataset.connection = state; };
  const online = () => (root.dataset.connection ?? "up") === "up";
  const banner = () => document.getElementById("components-reconnect-modal");
  const queued = () => { try { return JSON.parse(sessionStorage.getItem(queueKey) || "[]"); } catch { return []; } };
  const note = (name, count) => {
    const el = banner()?.querySelector(`[data-chat-${name}]`);
    if (el) el.textContent = count ? el.dataset.template.replace("{0}", count) : "";
  };
  const save = (items) => {
    if (items.length) sessionStorage.setItem(queueKey, JSON.stringify(items)); else sessionStorage.removeItem(queueKey);
    note("queued", items.length);
  };

  // Hands the messages typed offline to the circuit; kept if it cannot take them yet (the next attach tries again).
  const flush = async () => {
    const items = queued();
    if (!items.length || !composer || !online()) return;
    try {
      await composer.dotnet.invokeMethodAsync("SendQueued", items);
      save([]);
      note("full", 0);
    } catch { /* a stale reference after the circuit was replaced */ }
  };

  const submit = async () => {
    const c = composer;
    const text = c?.input.value.trim();
    if (!text) return;
    if (!online()) {
      const items = queued();
      if (items.length >= c.limit) { note("full", c.limit); return; }
      items.push(text);
      save(items);
      c.input.value = "";
      return;
    }
    try {
      clearTimeout(linkTimer); // a link pasted just before Enter still becomes an attachment
      await links(c);
      if (await c.dotnet.invokeMethodAsync("Submit", text)) c.input.value = "";
    } catch { /* the connection dropped during the call: the text stays for the user to send again */ }
  };

  const linkPattern = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;
  const links = (c) => c.dotnet.invokeMethodAsync("Links", c.input.value.match(linkPattern) ?? []);
  let linkTimer = 0;
  const reportLinks = () => {
    clearTimeout(linkTimer);
    linkTimer = setTimeout(() => {
      const c = composer;
      if (c && online()) links(c).catch(() => {});
    }, 300);
  };

  document.addEventListener("components-reconnect-state-changed", (e) => {
    const state = e.detail?.state;
    if (state === "hide") { setState("up"); flush(); }
    else if (state === "show" || state === "retrying" || state === "paused") setState("reconnecting");
    else setState("lost"); // failed, rejected, resume-failed
  }, true);

  document.addEventListener("click", async (e) => {
    if (!(e.target instanceof Element) || !e.target.closest("[data-chat-reconnect]")) return;
    setState("reconnecting");
    try {
      if (await Blazor.reconnect() || await Blazor.resumeCircuit()) return;
    } catch { setState("lost"); return; }
    location.reload(); // the server no longer has this page's session; the queue survives in sessionStorage
  });

  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k" && launcher) {
      e.preventDefault();
      launcher.invokeMethodAsync("Toggle").catch(() => {});
    }
  });

  document.addEventListener("DOMContentLoaded", () => note("queued", queued().length));

  Blazor.start({
    circuit: { reconnectionOptions: { maxRetries: delays.length, retryIntervalMilliseconds: (attempt) => delays[attempt] ?? null } },
  });

  return {
    delays,
    launcher: (dotnet) => { launcher = dotnet; },
    remember: (key, id) => { if (id) localStorage.setItem(key, String(id)); else localStorage.removeItem(key); },
    recall: (key) => localStorage.getItem(key),
    focus: (el) => el?.focus(),
    attach: (zone, input, picker, files, dotnet, limit) => {
      composer = { dotnet, input, limit };
      if (!input.dataset.chatBound) {
        input.dataset.chatBound = "1";
        input.addEventListener("keydown", (e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
        });
        input.addEventListener("input", reportLinks);
        input.addEventListener("paste", (e) => {
          const images = Array.from(e.clipboardData?.files ?? []).filter((f) => f.type.startsWith("image/"));
          if (images.length) { e.preventDefault(); window.adpilotUploads.send(composer.dotnet, images); }
        });
        zone.addEventListener("click", (e) => { if (e.target instanceof Element && e.target.closest("[data-chat-send]")) submit(); });
        zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("dragging"); });
        zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
        zone.addEventListener("drop", (e) => {
          e.preventDefault();
          zone.classList.remove("dragging");
          window.adpilotUploads.send(composer.dotnet, e.dataTransfer.files);
        });
        picker?.addEventListener("click", () => files.click());
        files.addEventListener("change", () => { window.adpilotUploads.send(composer.dotnet, files.files); files.value = ""; });
      }
      flush();
    },
    detach: (dotnet) => { if (composer?.dotnet === dotnet) composer = null; },
  };
})();
