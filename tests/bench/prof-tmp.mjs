import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../e2e/serve.mjs';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = await import(path.join(root, 'tools/node_modules/playwright-core/index.mjs'));
const n = Number(process.argv[2] || 10000);
const dir = '/tmp/g';
if (!fs.existsSync(dir)) { fs.mkdirSync(dir); execFileSync(path.join(root, 'target/release/broadsheet-extract'), ['generate', String(n), dir]); }
const fixtures = { [`/synthetic/${n}.jsonl`]: { type: 'application/x-ndjson', body: fs.readFileSync(path.join(dir, 'corpus.jsonl')) } };
const { server, url: base } = await serve(8816, fixtures);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const page = await browser.newPage();
page.on('crash', () => console.log('CRASH'));
page.on('pageerror', (e) => console.log('pageerror', String(e).slice(0, 300)));
browser.on('disconnected', () => console.log('DISCONNECTED'));
await page.goto(base + `?corpus=synthetic/${n}.jsonl`);
await page.waitForSelector('.load-status.ok', { timeout: 300000 });
await page.waitForTimeout(3000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (!process.env.NOPROF) await cdp.send('Profiler.start');
const N=Number(process.env.CLICKS||20);
const lat = [];
const sel = process.env.SEL || '#facet-speaker ~ ul .facet-value';
for (let i = 0; i < N; i++) {
  lat.push(await page.evaluate(async ([sel, i]) => {
    const before = document.querySelector('.summary')?.textContent;
    let last = 0;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const t = performance.now();
    if (sel.startsWith('?')) { const u = i % 2 ? location.pathname : sel; history.pushState(null, '', u); dispatchEvent(new PopStateEvent('popstate')); } else document.querySelector(sel).click();
    while (document.querySelector('.summary')?.textContent === before) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    return last - t;
  }, [sel, i]));
}
console.log('lat', lat.map((x) => x.toFixed(0)).join(' '));
const srt=[...lat].sort((a,b)=>a-b); console.log('p50', srt[Math.floor(N*0.5)].toFixed(1), 'p95', srt[Math.min(N-1,Math.floor(N*0.95))].toFixed(1));
if (process.env.NOPROF) { await browser.close(); server.close(); process.exit(0); }
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
const counts = new Map();
profile.samples.forEach((id, i) => { counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)); });
for (const [id, t] of counts) { const nd = byId.get(id); const name = nd.callFrame.functionName || '(anon ' + nd.callFrame.url.split('/').pop() + ')'; self.set(name, (self.get(name) || 0) + t); total += t; }
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 45);
for (const [k, v] of rows) console.log((v / 1000).toFixed(1).padStart(8), 'ms', k.slice(0, 150));
// inclusive per top-level function
const parent = new Map(); for (const nd of profile.nodes) for (const c of nd.children || []) parent.set(c, nd.id);
const incl = new Map();
for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur) { const nm = byId.get(cur).callFrame.functionName; if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) || 0) + t); } cur = parent.get(cur); } }
console.log('--- inclusive');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((v / 1000).toFixed(1).padStart(8), 'ms', k.slice(0, 150));
await browser.close(); server.close();
