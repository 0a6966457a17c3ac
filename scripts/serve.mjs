#!/usr/bin/env node
// Serves the built app (`npm run build` first) on HOST:PORT (default 0.0.0.0:3000).
// A thin server around Next's request handler, so the client address used for sign-in rate limits
// and the audit log comes from the socket: a client-sent X-Forwarded-For is dropped unless
// TRUST_PROXY=1 (the app runs behind our own reverse proxy, which sets it).
import http from 'node:http';
import next from 'next';

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV = 'production';
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '0.0.0.0';
const trustProxy = process.env.TRUST_PROXY === '1';

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (!trustProxy) delete req.headers['x-forwarded-for'];
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`E-Health is serving on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
