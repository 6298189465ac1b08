// Serves dist/ under a sub-path (as GitHub Pages serves a project site), every
// response with the page's own Content-Security-Policy as a header too (read
// from dist/index.html), which reports each violation back here:
//   node tests/e2e/serve.mjs [port] [sub-path]    → http://127.0.0.1:PORT/SUB-PATH/
// BROADSHEET_DIST serves another build instead (benchmarks compare builds with it).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.env.BROADSHEET_DIST || path.join(path.dirname(new URL(import.meta.url).pathname), '../../dist'));
const port = Number(process.argv[2] || 8765);
const base = '/' + (process.argv[3] || 'broadsheet').replace(/^\/|\/$/g, '') + '/';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png' };
const REPORTS = '/csp-report';

/** The policy dist/index.html carries in its <meta>, as a host would send it (null for a build without one). */
export function pagePolicy(dir = root) {
  const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1] ?? null;
}

// extra: { '/path/under/base': { body, type, delay? } } served as they are (after `delay` ms), for corpus fixtures;
// dir: the build to serve. Returns the server, the page's URL, and `reports`: every CSP violation report received.
export function serve(p = port, extra = {}, dir = root) {
  const policy = pagePolicy(dir) && `${pagePolicy(dir)}; report-uri ${REPORTS}`;
  const reports = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'POST' && url.pathname === REPORTS) {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => { reports.push(JSON.parse(body)['csp-report'] ?? body); res.writeHead(204); res.end(); });
      return;
    }
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, ...(policy && { 'content-security-policy': policy }) });
      if (typeof body?.pipe === 'function') body.pipe(res); else res.end(body);
    };
    const fixture = extra[url.pathname.slice(base.length - 1)];
    if (fixture) {
      setTimeout(() => send(200, fixture.type, fixture.body), fixture.delay || 0);
      return;
    }
    if (!url.pathname.startsWith(base)) { send(404, 'text/plain', 'not under ' + base); return; }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { send(404, 'text/plain', 'not found'); return; }
    send(200, types[path.extname(file)] || 'application/octet-stream', fs.createReadStream(file));
  });
  return new Promise((resolve) => server.listen(p, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${p}${base}`, reports })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().then(({ url }) => console.log(`serving dist/ at ${url}`));
}
