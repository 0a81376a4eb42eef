// The chat transports' benchmark client (bench/chat.sh starts the app and its instant fake model, then runs this).
//   idle N   — opens N idle /ws/chat connections (bearer token in the header, at most 200 handshakes at a time),
//              prints "open N in S s", waits for a line on stdin, closes them and prints "closed".
//   latency N — N sequential turns of the same text-only question, after 10 untimed: POST /api/chat (time to the
//              response headers, to the first text-delta, to [DONE]) and /ws/chat on one socket (to turn_started, to
//              the first text_delta, to turn_finished); plus the fake model alone and GET /api/v1/credits/balance as
//              floors. Prints a Markdown table of p50/p95 in ms.
// Environment: ADPILOT_URL, ADPILOT_TOKEN and ADPILOT_WS_TOKEN (bearer tokens of two users), ADPILOT_MODEL_URL (the fake's base URL), ADPILOT_CHAT_MODULES (node_modules/ws).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import readline from 'node:readline';

// Two users, because each turn spends credits and a new user has the signup gift only: one for /api/chat, one for /ws/chat.
const { ADPILOT_URL: base, ADPILOT_TOKEN: token, ADPILOT_WS_TOKEN: wsToken = token, ADPILOT_MODEL_URL: model, ADPILOT_CHAT_MODULES: modules } = process.env;
const WebSocket = createRequire(join(modules ?? process.cwd(), 'resolve.js'))('ws');
const wsUrl = `${base.replace(/^http/, 'ws')}/ws/chat`;
const auth = { Authorization: `Bearer ${token}` };
const now = () => Number(process.hrtime.bigint()) / 1e6;
const [mode, countText] = process.argv.slice(2);
const count = Number(countText);

function open() {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, { headers: { Authorization: `Bearer ${wsToken}` }, perMessageDeflate: false });
    socket.on('open', () => resolve(socket));
    socket.on('error', reject);
    socket.on('unexpected-response', (_, res) => reject(new Error(`refused ${res.statusCode}`)));
    socket.on('message', (data) => { if (String(data).includes('"ping"')) socket.send('{"type":"pong"}'); });
  });
}

async function idle() {
  const sockets = [];
  const started = now();
  let next = 0;
  const worker = async () => { while (next < count) { next++; sockets.push(await open()); } };
  await Promise.all(Array.from({ length: Math.min(200, count) }, worker));
  console.log(`open ${sockets.length} in ${((now() - started) / 1000).toFixed(1)} s`);
  await new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
  await Promise.all(sockets.map((s) => new Promise((resolve) => { s.once('close', resolve); s.close(1000); setTimeout(resolve, 5000); })));
  console.log('closed');
  process.exit(0);
}

const question = { id: 'bench', messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'hello' }] }], trigger: 'submit-message' };

async function apiChat() {
  const t0 = now();
  const response = await fetch(`${base}/api/chat`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(question) });
  const headers = now() - t0;
  if (response.status !== 200) throw new Error(`/api/chat ${response.status}: ${await response.text()}`);
  let firstText; let text = '';
  const decoder = new TextDecoder();
  for await (const bytes of response.body) {
    text += decoder.decode(bytes, { stream: true });
    firstText ??= text.includes('"text-delta"') ? now() - t0 : undefined;
  }
  if (!text.endsWith('data: [DONE]\n\n') || text.includes('"type":"error"')) throw new Error(`bad stream: ${text.slice(-300)}`);
  return [headers, firstText, now() - t0];
}

function wsChat(socket, id) {
  return new Promise((resolve, reject) => {
    const t0 = now(); let started; let firstText;
    const onMessage = (data) => {
      const m = JSON.parse(data);
      if (m.id !== id) return;
      if (m.type === 'turn_started') started = now() - t0;
      if (m.type === 'text_delta') firstText ??= now() - t0;
      if (m.type === 'turn_finished') { socket.off('message', onMessage); resolve([started, firstText, now() - t0]); }
      if (m.type === 'turn_failed' || m.type === 'error') { socket.off('message', onMessage); reject(new Error(String(data))); }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'chat', id, text: 'hello' }));
  });
}

async function timed(fn) { const t0 = now(); await fn(); return [now() - t0]; }

const pct = (values, p) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

async function latency() {
  const socket = await open();
  const cases = [
    ['fake model alone: POST /v1/chat/completions (stream), total', () => timed(async () => {
      const r = await fetch(`${model}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'hello' }] }) });
      await r.text();
    }), ['total']],
    ['GET /api/v1/credits/balance (bearer PAT), total', () => timed(async () => { await (await fetch(`${base}/api/v1/credits/balance`, { headers: auth })).text(); }), ['total']],
    ['POST /api/chat', apiChat, ['headers', 'first text-delta', '[DONE]']],
    ['/ws/chat (one open socket)', (i) => wsChat(socket, `b${i}`), ['turn_started', 'first text_delta', 'turn_finished']],
  ];
  console.log(`| case | measure | p50 ms | p95 ms | n |\n|---|---|---:|---:|---:|`);
  for (const [name, run, measures] of cases) {
    for (let i = 0; i < 10; i++) await run(`w${i}`);
    const samples = [];
    for (let i = 0; i < count; i++) samples.push(await run(i));
    measures.forEach((measure, k) => {
      const values = samples.map((s) => s[k]);
      console.log(`| ${name} | ${measure} | ${pct(values, 50).toFixed(1)} | ${pct(values, 95).toFixed(1)} | ${values.length} |`);
    });
  }
  socket.close(1000);
}

if (mode === 'idle') await idle(); else await latency();
