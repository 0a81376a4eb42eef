// Creative uploads straight to storage: each file gets a presigned PUT from the server, the browser sends the bytes
// with XHR (so progress is real), then the server checks the stored file and makes it a creative.
window.adpilotUploads = (() => {
  let next = 0;
  const bound = new WeakSet();

  const upload = async (dotnet, file) => {
    const id = `u${++next}`;
    const ticket = await dotnet.invokeMethodAsync("Begin", id, file.name, file.type || "application/octet-stream", file.size);
    if (!ticket) return;
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, ticket.uploadUrl);
    for (const [name, value] of Object.entries(ticket.headers || {})) xhr.setRequestHeader(name, value);
    let last = -1;
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.floor((e.loaded * 100) / e.total);
      if (percent >= last + 5 || percent === 100) { last = percent; dotnet.invokeMethodAsync("Progress", id, percent); }
    };
    xhr.onload = () => xhr.status >= 200 && xhr.status < 300
      ? dotnet.invokeMethodAsync("Uploaded", id)
      : dotnet.invokeMethodAsync("Failed", id, `HTTP ${xhr.status}`);
    xhr.onerror = () => dotnet.invokeMethodAsync("Failed", id, "network");
    xhr.send(file);
  };

  return {
    // Uploads files for another drop zone (the chat's composer), reporting to its own .NET callbacks.
    send: (dotnet, files) => { for (const file of Array.from(files)) upload(dotnet, file); },
    bind: (zone, input, dotnet) => {
      if (!zone || !input || bound.has(zone)) return;
      bound.add(zone);
      const start = (files) => { for (const file of Array.from(files)) upload(dotnet, file); };
      zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("dragging"); });
      zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
      zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("dragging"); start(e.dataTransfer.files); });
      zone.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
      zone.addEventListener("click", () => input.click());
      input.addEventListener("change", () => { start(input.files); input.value = ""; });
    },
  };
})();
