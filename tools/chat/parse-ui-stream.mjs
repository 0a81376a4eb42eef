// POST /api/chat of a running AdPilot and read the answer with the AI SDK's own parser (npm `ai` 7:
// parseJsonEventStream with uiMessageChunkSchema, then readUIMessageStream as useChat does). Fails on a chunk that
// does not validate, a missing header or [DONE], an error chunk, or tool and text parts out of order.
// Usage: ADPILOT_URL=http://127.0.0.1:5000 ADPILOT_TOKEN=adp_pat_… ADPILOT_CHAT_MODULES=<folder with node_modules/ai> \
//        node parse-ui-stream.mjs ["question"]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { ADPILOT_URL: base, ADPILOT_TOKEN: token, ADPILOT_CHAT_MODULES: modules } = process.env;
const question = process.argv[2] ?? 'Which ad accounts do I have?';
const resolve = createRequire(join(modules ?? process.cwd(), 'resolve.js')).resolve;
const { parseJsonEventStream, uiMessageChunkSchema, readUIMessageStream } = await import(pathToFileURL(resolve('ai')).href);

const fail = (message) => {
  console.error(`[chat-stream] FAILED: ${message}`);
  process.exit(1);
};

const response = await fetch(`${base}/api/chat`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  // What useChat sends: the chat id, its UI messages with parts, the trigger; AdPilot reads the last user message.
  body: JSON.stringify({ id: 'chat-check', messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: question }] }], trigger: 'submit-message' }),
});
if (response.status !== 200) fail(`status ${response.status}: ${await response.text()}`);
if (!response.headers.get('content-type')?.startsWith('text/event-stream')) fail(`content-type ${response.headers.get('content-type')}`);
if (response.headers.get('x-vercel-ai-ui-message-stream') !== 'v1') fail('no x-vercel-ai-ui-message-stream: v1 header');

const [forParser, forText] = response.body.tee();
const rawText = new Response(forText).text();
const chunks = [];
for await (const part of parseJsonEventStream({ stream: forParser, schema: uiMessageChunkSchema })) {
  if (!part.success) fail(`a chunk does not validate: ${part.error?.message ?? part.error}\n${JSON.stringify(part.rawValue)}`);
  chunks.push(part.value);
}
if (!(await rawText).endsWith('data: [DONE]\n\n')) fail('the stream does not end with data: [DONE]');

const types = chunks.map((c) => c.type);
const errors = chunks.filter((c) => c.type === 'error');
if (errors.length) fail(`error chunk: ${errors[0].errorText}`);
if (types[0] !== 'start' || typeof chunks[0].messageMetadata?.conversationId !== 'number') fail(`first chunk ${JSON.stringify(chunks[0])}`);
if (types.at(-1) !== 'finish') fail(`last chunk ${types.at(-1)}`);
const at = (type) => types.indexOf(type);
const toolIn = at('tool-input-available');
const toolOut = at('tool-output-available');
const textStart = at('text-start');
if (toolIn < 0 || toolOut < toolIn || textStart < toolOut) fail(`tool and text parts out of order: ${types.join(', ')}`);
if (chunks[toolOut].toolCallId !== chunks[toolIn].toolCallId) fail('the tool output names another call');
if (at('text-end') < types.lastIndexOf('text-delta')) fail('text-end before the last text-delta');

// Assemble the message as useChat does; it throws on a stream it cannot follow (a delta without its start…).
let message;
const chunkStream = new ReadableStream({ start(c) { chunks.forEach((x) => c.enqueue(x)); c.close(); } });
for await (const snapshot of readUIMessageStream({ stream: chunkStream, onError: (e) => fail(`readUIMessageStream: ${e}`) })) message = snapshot;
const parts = message.parts.map((p) => (p.type.startsWith('tool-') ? `${p.type}:${p.state}` : p.type));
const tool = parts.findIndex((p) => p.startsWith('tool-'));
const text = message.parts.findIndex((p) => p.type === 'text');
if (tool < 0 || text < tool || !parts[tool].endsWith(':output-available')) fail(`message parts ${parts.join(', ')}`);
console.log(`[chat-stream] /api/chat: ${chunks.length} chunks validate (${[...new Set(types)].join(', ')}); message parts: ${parts.join(', ')}; text: ${JSON.stringify(message.parts[text].text)}`);
