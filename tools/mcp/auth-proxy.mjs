// A loopback reverse proxy that adds "Authorization: Bearer $MCP_BEARER" to every request and streams the answer back.
// The MCP conformance suite connects without credentials (it has no header option), so it talks to AdPilot through
// this proxy: the app's real authentication stays on. Host and Origin are passed through unchanged, so the
// DNS-rebinding scenario still tests the app's own checks. Usage: node auth-proxy.mjs LISTEN_PORT TARGET_PORT
import http from "node:http";

const [listenPort, targetPort] = process.argv.slice(2).map(Number);
const bearer = process.env.MCP_BEARER;
if (!listenPort || !targetPort || !bearer) {
  console.error("usage: MCP_BEARER=token node auth-proxy.mjs LISTEN_PORT TARGET_PORT");
  process.exit(2);
}

http.createServer((req, res) => {
  const upstream = http.request(
    { host: "127.0.0.1", port: targetPort, method: req.method, path: req.url, headers: { ...req.headers, authorization: `Bearer ${bearer}` } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
  upstream.on("error", (err) => {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(`proxy: ${err.message}`);
  });
  req.pipe(upstream);
}).listen(listenPort, "127.0.0.1", () => console.log(`auth proxy on 127.0.0.1:${listenPort} -> 127.0.0.1:${targetPort}`));
