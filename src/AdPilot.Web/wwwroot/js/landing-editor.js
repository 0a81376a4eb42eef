// The landing page editor's browser side (docs/decisions/032): shortcuts, leave warning, drag-and-drop (SortableJS),
// rich text (Squire), image pick/paste/drop with resizing before upload, and the scaled preview. The document itself
// lives on the server (Blazor); this module only reports what the user did. Its libraries load on first use.
const api = (() => {
  const loaded = {};
  const load = (src) => loaded[src] ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.appendChild(script);
  });

  const isTyping = (target) => target instanceof Element
    && (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null);

  // ---- shortcuts and the leave warning -------------------------------------------------------------------------
  let page = null;
  const onKey = (e) => {
    if (!page || !(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === "z" && !e.shiftKey) { e.preventDefault(); page.invokeMethodAsync("UndoFromKeyboard"); }
    else if ((key === "z" && e.shiftKey) || key === "y") { e.preventDefault(); page.invokeMethodAsync("RedoFromKeyboard"); }
  };
  let dirty = false;
  const onLeave = (e) => { if (dirty) { e.preventDefault(); e.returnValue = ""; } };

  // ---- rich text ---------------------------------------------------------------------------------------------
  // What Squire may turn into DOM (pasted or set HTML); the server's sanitiser is the authority on save.
  const allowed = { P: [], BR: [], STRONG: [], B: [], EM: [], I: [], U: [], A: ["href"], SPAN: ["style"], UL: [], OL: [], LI: [], DIV: [] };
  const dropped = new Set(["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "TEMPLATE", "SVG", "MATH", "NOSCRIPT"]);
  const safeHref = (href) => /^(https?:|mailto:|tel:|#)/i.test(href.trim()) ? href.trim() : null;
  const safeStyle = (style) => {
    const color = /(?:^|;)\s*color\s*:\s*(#[0-9a-f]{3,8}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\))\s*(?:;|$)/i.exec(style);
    return color ? `color:${color[1]}` : null;
  };
  const sanitize = (html) => {
    const source = new DOMParser().parseFromString(html, "text/html"); // inert: nothing in it runs or loads
    const fragment = document.createDocumentFragment();
    const copy = (from, to) => {
      for (const node of Array.from(from.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) { to.appendChild(document.createTextNode(node.data)); continue; }
        if (node.nodeType !== Node.ELEMENT_NODE || dropped.has(node.tagName.toUpperCase())) continue;
        const names = allowed[node.tagName];
        if (!names) { copy(node, to); continue; }
        const element = document.createElement(node.tagName);
        for (const name of names) {
          const value = node.getAttribute(name);
          const safe = value === null ? null : name === "href" ? safeHref(value) : safeStyle(value);
          if (safe) element.setAttribute(name, safe);
        }
        copy(node, element);
        to.appendChild(element);
      }
    };
    copy(source.body, fragment);
    return fragment;
  };
  const editors = new WeakMap();

  // ---- images ------------------------------------------------------------------------------------------------
  const maxSide = 1600;
  const encode = (canvas, type) => new Promise((resolve) => canvas.toBlob(resolve, type, 0.85));
  // Longest side at most 1600 px; photos become JPEG, pictures that may be transparent WebP (PNG where the browser
  // cannot encode WebP). GIFs are sent as they are, to keep their animation. The server checks whatever arrives.
  const prepare = async (file) => {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
    let bitmap;
    try { bitmap = await createImageBitmap(file); } catch { return file; }
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size < 500_000) { bitmap.close(); return file; }
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const transparent = file.type !== "image/jpeg";
    const blob = await encode(canvas, transparent ? "image/webp" : "image/jpeg") ?? await encode(canvas, "image/png");
    if (!blob || (scale === 1 && blob.size >= file.size)) return file;
    const ext = blob.type === "image/jpeg" ? "jpg" : blob.type.split("/")[1];
    return new File([blob], `image.${ext}`, { type: blob.type });
  };
  const problemText = (xhr) => {
    try {
      const problem = JSON.parse(xhr.responseText);
      return problem.errors?.file?.[0] ?? problem.detail ?? `HTTP ${xhr.status}`;
    } catch { return `HTTP ${xhr.status}`; }
  };
  const upload = async (dotnet, url, original) => {
    dotnet.invokeMethodAsync("ImageProgress", 0);
    const file = await prepare(original);
    const form = new FormData();
    form.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    let last = -1;
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.floor((e.loaded * 100) / e.total);
      if (percent >= last + 10 || percent === 100) { last = percent; dotnet.invokeMethodAsync("ImageProgress", percent); }
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        const body = JSON.parse(xhr.responseText);
        dotnet.invokeMethodAsync("ImageUploaded", body.ref, body.url);
      } else {
        dotnet.invokeMethodAsync("ImageFailed", problemText(xhr));
      }
    };
    xhr.onerror = () => dotnet.invokeMethodAsync("ImageFailed", "network");
    xhr.send(form);
  };
  const firstImage = (items) => Array.from(items || []).find((f) => f.type?.startsWith("image/") || f.kind === "file");

  return {
    init: (dotnet) => {
      page = dotnet;
      document.addEventListener("keydown", onKey);
      window.addEventListener("beforeunload", onLeave);
    },
    dispose: () => {
      page = null;
      dirty = false;
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("beforeunload", onLeave);
    },
    setDirty: (value) => { dirty = value; },
    copy: (text) => navigator.clipboard?.writeText(text),
    focus: (selector) => document.querySelector(selector)?.focus(),

    // Reorders by dragging a block's handle. Sortable's DOM move is undone at once: Blazor owns the list and re-renders
    // it in the new order from the document.
    sortable: async (list, dotnet) => {
      if (!list || list.dataset.sortable) return;
      await load("lib/sortablejs/Sortable.min.js");
      list.dataset.sortable = "1";
      window.Sortable.create(list, {
        handle: ".block-handle",
        draggable: ".block-item",
        animation: 120,
        onEnd: (e) => {
          if (e.oldIndex === e.newIndex) return;
          e.from.removeChild(e.item);
          e.from.insertBefore(e.item, e.from.children[e.oldIndex] ?? null);
          dotnet.invokeMethodAsync("Dropped", e.oldIndex, e.newIndex);
        },
      });
    },

    richText: async (host, html, dotnet) => {
      await load("lib/squire/squire.js");
      const editor = new window.Squire(host, { blockTag: "P", sanitizeToDOMFragment: sanitize });
      editor.setHTML(html || "");
      let timer = 0;
      editor.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => dotnet.invokeMethodAsync("HtmlChanged", editor.getHTML()), 300);
      });
      editors.set(host, editor);
    },
    setHtml: (host, html) => {
      const editor = editors.get(host);
      if (editor && editor.getHTML() !== html) editor.setHTML(html || "");
    },
    format: (host, command, value) => {
      const editor = editors.get(host);
      if (!editor) return;
      if (command === "bold") editor.hasFormat("B") ? editor.removeBold() : editor.bold();
      else if (command === "italic") editor.hasFormat("I") ? editor.removeItalic() : editor.italic();
      else if (command === "link") value ? editor.makeLink(value) : editor.removeLink();
      else if (command === "color") editor.setTextColor(value);
      else if (command === "list") editor.makeUnorderedList();
      editor.focus();
    },
    destroyRichText: (host) => { editors.get(host)?.destroy(); editors.delete(host); },

    // One drop zone per image field: click or Enter/Space picks a file, or drop one, or paste one while it has focus.
    imageZone: (zone, input, dotnet, url) => {
      if (!zone || zone.dataset.bound) return;
      zone.dataset.bound = "1";
      const start = (file) => { if (file) upload(dotnet, url, file.getAsFile ? file.getAsFile() : file); };
      zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("dragging"); });
      zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
      zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("dragging"); start(firstImage(e.dataTransfer.files)); });
      zone.addEventListener("paste", (e) => {
        const item = Array.from(e.clipboardData?.items || []).find((i) => i.kind === "file" && i.type.startsWith("image/"));
        if (item) { e.preventDefault(); start(item); }
      });
      zone.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
      zone.addEventListener("click", () => input.click());
      input.addEventListener("change", () => { start(input.files[0]); input.value = ""; });
    },

    // Shows the page at a device width, scaled down to the pane's width (never up).
    fitPreview: (wrap) => {
      if (!wrap || wrap.dataset.fitted) return;
      wrap.dataset.fitted = "1";
      const fit = () => {
        const frame = wrap.querySelector("iframe");
        if (!frame) return;
        const width = Number(frame.dataset.width) || 1280;
        const scale = Math.min(1, wrap.clientWidth / width);
        frame.style.width = `${width}px`;
        frame.style.height = `${Math.round(wrap.clientHeight / scale)}px`;
        frame.style.transform = `scale(${scale})`;
      };
      new ResizeObserver(fit).observe(wrap);
      new MutationObserver(fit).observe(wrap, { subtree: true, attributes: true, attributeFilter: ["data-width"] });
      fit();
    },
  };
})();

export const { init, dispose, setDirty, copy, focus, sortable, richText, setHtml, format, destroyRichText, imageZone, fitPreview } = api;
