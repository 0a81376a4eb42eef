// An OpenAI-compatible chat-completions server that answers at once, for checking and benchmarking the chat transports
// without a real model. Streaming only (the agent always streams). A request whose last user message mentions
// "accounts" and that has no tool result yet is answered with a tool call to list_ad_accounts; everything else with a
// short text in three deltas. Usage: node fake-openai.mjs PORT  (prints "fake openai on PORT" when listening).
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
let calls = 0;

function chunk(res, choices, extra = {}) {
  res.write(`data: ${JSON.stringify({ id: `chatcmpl-${calls}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: 'gpt-4o-mini', choices, ...extra })}\n\n`);
}

function answer(req, res, body) {
  calls++;
  const messages = body.messages ?? [];
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const text = JSON.stringify(messages[lastUser]?.content ?? '');
  const toolResultSeen = messages.slice(lastUser + 1).some((m) => m.role === 'tool');
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (/accounts/i.test(text) && !toolResultSeen) {
    chunk(res, [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: `call_${calls}`, type: 'function', function: { name: 'list_ad_accounts', arguments: '' } }] }, finish_reason: null }]);
    chunk(res, [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{}' } }] }, finish_reason: null }]);
    chunk(res, [{ index: 0, delta: {}, finish_reason: 'tool_calls' }]);
  } else {
    const parts = toolResultSeen ? ['Here are ', 'your ad ', 'accounts.'] : ['Hello! ', 'Ask me about ', 'your campaigns.'];
    parts.forEach((content, i) => chunk(res, [{ index: 0, delta: i === 0 ? { role: 'assistant', content } : { content }, finish_reason: null }]));
    chunk(res, [{ index: 0, delta: {}, finish_reason: 'stop' }]);
  }
  chunk(res, [], { usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 } });
  res.end('data: [DONE]\n\n');
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
    return;
  }
  let raw = '';
  req.on('data', (d) => { raw += d; });
  req.on('end', () => {
    try {
      answer(req, res, JSON.parse(raw));
    } catch (e) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: String(e) } }));
    }
  });
});
server.listen(port, '127.0.0.1', () => console.log(`fake openai on ${server.address().port}`));
