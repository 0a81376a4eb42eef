// One chat turn over /ws/chat of a running AdPilot, printing each message, as a non-browser client does it: a bearer
// token in the Authorization header (never in the URL). Exits non-zero unless the turn finishes.
// Usage: ADPILOT_URL=http://127.0.0.1:5000 ADPILOT_TOKEN=adp_pat_… ADPILOT_CHAT_MODULES=<folder with node_modules/ws> \
//        node ws-chat.mjs ["question"]
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { ADPILOT_URL: base, ADPILOT_TOKEN: token, ADPILOT_CHAT_MODULES: modules } = process.env;
const WebSocket = createRequire(join(modules ?? process.cwd(), 'resolve.js'))('ws');
const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws/chat`, { headers: { Authorization: `Bearer ${token}` } });
const timer = setTimeout(() => { console.error('[ws-chat] no answer in 30 s'); process.exit(1); }, 30_000);

socket.on('open', () => socket.send(JSON.stringify({ type: 'chat', id: 'q1', text: process.argv[2] ?? 'Which ad accounts do I have?' })));
socket.on('message', (data) => {
  const message = JSON.parse(data);
  console.log(`[ws-chat] ${data}`.slice(0, 300));
  if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
  if (message.type === 'turn_finished' || message.type === 'turn_failed' || message.type === 'error') {
    clearTimeout(timer);
    socket.close(1000);
    process.exitCode = message.type === 'turn_finished' ? 0 : 1;
  }
});
socket.on('unexpected-response', (_, res) => { console.error(`[ws-chat] refused: ${res.statusCode}`); process.exit(1); });
socket.on('error', (e) => { console.error(`[ws-chat] ${e.message}`); process.exit(1); });
