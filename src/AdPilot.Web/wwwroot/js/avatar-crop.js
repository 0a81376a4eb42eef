// Profile picture cropping: the chosen picture is shown in a square canvas; drag, the arrow keys, the wheel or +/- move and
// zoom it; result() draws the square at 512 px and hands the PNG bytes to .NET. Nothing leaves the browser until then.
const SIZE = 512;

export function attach(input, canvas) {
  const state = { image: null, scale: 1, x: 0, y: 0, min: 1 };
  canvas._avatar = state;
  const ctx = canvas.getContext("2d");

  const clamp = () => {
    const w = state.image.width * state.scale, h = state.image.height * state.scale;
    state.x = Math.min(0, Math.max(canvas.width - w, state.x));
    state.y = Math.min(0, Math.max(canvas.height - h, state.y));
  };
  const draw = () => {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!state.image) return;
    clamp();
    ctx.drawImage(state.image, state.x, state.y, state.image.width * state.scale, state.image.height * state.scale);
  };
  const zoom = (factor) => {
    if (!state.image) return;
    const cx = canvas.width / 2, cy = canvas.height / 2;
    const next = Math.max(state.min, Math.min(state.min * 8, state.scale * factor));
    state.x = cx - (cx - state.x) * (next / state.scale);
    state.y = cy - (cy - state.y) * (next / state.scale);
    state.scale = next;
    draw();
  };
  const move = (dx, dy) => { state.x += dx; state.y += dy; draw(); };

  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      state.image = image;
      state.min = state.scale = Math.max(canvas.width / image.width, canvas.height / image.height); // cover the square
      state.x = (canvas.width - image.width * state.scale) / 2;
      state.y = (canvas.height - image.height * state.scale) / 2;
      draw();
      canvas.dispatchEvent(new CustomEvent("avatarloaded", { bubbles: true }));
    };
    image.onerror = () => { URL.revokeObjectURL(url); state.image = null; draw(); canvas.dispatchEvent(new CustomEvent("avatarfailed", { bubbles: true })); };
    image.src = url;
  });

  canvas.addEventListener("keydown", (e) => {
    const step = e.shiftKey ? 40 : 10;
    const actions = { ArrowLeft: () => move(step, 0), ArrowRight: () => move(-step, 0), ArrowUp: () => move(0, step), ArrowDown: () => move(0, -step),
      "+": () => zoom(1.1), "=": () => zoom(1.1), "-": () => zoom(1 / 1.1) };
    if (actions[e.key]) { e.preventDefault(); actions[e.key](); }
  });
  canvas.addEventListener("wheel", (e) => { e.preventDefault(); zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1); }, { passive: false });
  let drag = null;
  canvas.addEventListener("pointerdown", (e) => { drag = { x: e.clientX, y: e.clientY }; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    move((e.clientX - drag.x) * ratio, (e.clientY - drag.y) * ratio);
    drag = { x: e.clientX, y: e.clientY };
  });
  canvas.addEventListener("pointerup", () => { drag = null; });
}

export function zoom(canvas, factor) {
  canvas.dispatchEvent(new KeyboardEvent("keydown", { key: factor > 1 ? "+" : "-" }));
}

/** The visible square at 512 px as PNG bytes, or null when no picture is loaded. */
export async function result(canvas) {
  const state = canvas._avatar;
  if (!state?.image) return null;
  const out = document.createElement("canvas");
  out.width = out.height = SIZE;
  const ratio = SIZE / canvas.width;
  out.getContext("2d").drawImage(state.image, state.x * ratio, state.y * ratio, state.image.width * state.scale * ratio, state.image.height * state.scale * ratio);
  const blob = await new Promise((resolve) => out.toBlob(resolve, "image/png"));
  return new Uint8Array(await blob.arrayBuffer());
}

export function choose(input) {
  input.click();
}
