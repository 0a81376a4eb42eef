// Helpers of the chat's messages, imported as a module by the components (the Content-Security-Policy allows no inline script).

// Copies a message's text; false when the browser refuses (no permission, not a secure context).
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// Saves text as a file (a table's CSV); a byte-order mark lets spreadsheet programs read non-Latin text as UTF-8.
export function download(fileName, text, type) {
  const blob = new Blob(["\uFEFF", text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
