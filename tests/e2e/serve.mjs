// Serves dist/ under a sub-path (as GitHub Pages serves a project site):
//   node tests/e2e/serve.mjs [port] [sub-path]    → http://127.0.0.1:PORT/SUB-PATH/
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist');
const port = Number(process.argv[2] || 8765);
const base = '/' + (process.argv[3] || 'broadsheet').replace(/^\/|\/$/g, '') + '/';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png' };

// extra: { '/path/under/base': { body, type, delay? } } served as they are (after `delay` ms), for corpus fixtures.
export function serve(p = port, extra = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const fixture = extra[url.pathname.slice(base.length - 1)];
    if (fixture) {
      setTimeout(() => { res.writeHead(200, { 'content-type': fixture.type }); res.end(fixture.body); }, fixture.delay || 0);
      return;
    }
    if (!url.pathname.startsWith(base)) { res.writeHead(404); res.end('not under ' + base); return; }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(p, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${p}${base}` })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().then(({ url }) => console.log(`serving dist/ at ${url}`));
}
