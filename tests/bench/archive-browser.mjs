// The page on an archive (index format 3) of N synthetic articles, 1,000,000 by default (not a
// test: figures for BENCHMARKS.md). Builds the index with index-million.mjs unless DIR has it,
// serves dist/ with the index beside it (tests/e2e/serve.mjs, the page's policy as a header) and
// prints, in headless Chromium on loopback:
// - first results: from navigation to the first page of cards shown with their chunk's content;
// - the renderer's memory (resident, every renderer process of the browser) and the page's JS
//   heap and wasm memory;
// - a facet click: from the click to the last DOM change it causes (p50, p95 of 40);
// - a one-word search set in the URL as a shared link or the search box would, each word a new
//   one, so its word chunks are fetched: to the results shown (p50, p95 of 20);
// - an opened article: from the click on a card to its text shown (p50, p95 of 20).
//
//   node tests/bench/archive-browser.mjs [N] [--dir DIR] [--no-text]
//
// DIR defaults to target/million (kept: the corpus and both indexes, about 6 GB per million).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../e2e/serve.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = await import(path.join(root, 'tools/node_modules/playwright-core/index.mjs'));
const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const dir = path.resolve(dirAt >= 0 ? args[dirAt + 1] : path.join(root, 'target/million'));
const n = Number(args.find((a, i) => /^\d+$/.test(a) && (dirAt < 0 || i !== dirAt + 1)) ?? 1_000_000);
const bare = args.includes('--no-text');
const index = path.join(dir, bare ? 'index-no-text' : 'index');

if (!fs.existsSync(path.join(index, 'index.json'))) {
  execFileSync('node', [path.join(root, 'tests/bench/index-million.mjs'), String(n), '--keep', dir], { stdio: 'inherit' });
}
const manifest = JSON.parse(fs.readFileSync(path.join(index, 'index.json'), 'utf8'));

// dist/ and the index as one folder, of links.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-archive-site-'));
const dist = path.resolve(process.env.BROADSHEET_DIST || path.join(root, 'dist'));
for (const f of fs.readdirSync(dist)) fs.symlinkSync(path.join(dist, f), path.join(site, f));
fs.symlinkSync(index, path.join(site, 'archive'));
const { server, url: base } = await serve(8813, {}, site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-precise-memory-info'],
});

const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const spread = (xs) => `p50 ${percentile(xs, 0.5).toFixed(0)} ms, p95 ${percentile(xs, 0.95).toFixed(0)} ms`;

/** Resident bytes of the renderer processes this script's browser started (descendants started as `--type=renderer`). */
function rendererBytes() {
  const children = new Map();
  const cmd = new Map();
  const rss = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(pid);
      cmd.set(pid, fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      rss.set(pid, Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024);
    } catch { /* gone meanwhile */ }
  }
  let total = 0;
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      if (cmd.get(child)?.includes('--type=renderer')) total += rss.get(child);
      walk(child);
    }
  };
  walk(String(process.pid));
  return total;
}

/**
 * Resolves in the page with `performance.now()` once the view is `ready` — 'cards' (a page of
 * cards with their chunk's content), 'searched' (the search `arg` answered: the summary changed
 * from `window.benchBefore`, no search under way, its cards shown) or 'article' (an opened
 * article's text, or without texts its quotes) — checked after each DOM change. (Predicates are
 * written here, not passed as code: the page's policy allows no code made from text.)
 */
const when = (page, ready, arg) => page.evaluate(([ready, arg, bare]) => new Promise((resolve) => {
  const tests = {
    cards: () => document.querySelectorAll('.cards .card').length > 0 && !document.querySelector('.cards .pending'),
    searched: () => new URL(location.href).searchParams.get('q') === arg && !document.querySelector('.searching') &&
      document.querySelector('.summary')?.textContent !== window.benchBefore && !document.querySelector('.cards .pending'),
    article: () => !!document.querySelector(bare ? '.reader .quote-item blockquote span' : '.reader .body p'),
  };
  if (tests[ready]()) { resolve(performance.now()); return; }
  const observer = new MutationObserver(() => { if (tests[ready]()) { observer.disconnect(); resolve(performance.now()); } });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}), [ready, arg, bare]);

// Words to search for: twenty of the distinct long words of the first articles, spread over the
// alphabet (so over the word chunks), none searched twice.
const head = Buffer.alloc(400_000);
const corpus = fs.openSync(path.join(dir, 'corpus.jsonl'), 'r');
fs.readSync(corpus, head, 0, head.length, 0);
fs.closeSync(corpus);
const distinct = [...new Set(head.toString('utf8').split('\n').slice(0, 100)
  .flatMap((line) => { try { return JSON.parse(line).text.toLowerCase().match(/[a-z]{6,}/g) ?? []; } catch { return []; } }))].sort();
const words = Array.from({ length: 20 }, (_, i) => distinct[Math.floor((i * distinct.length) / 20)]);

const rows = [];
const say = (row) => { rows.push(row); console.log(row); };
say(`${os.cpus().length} cores; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${manifest.articles.toLocaleString('en')} articles, ` +
  `${manifest.quotes.toLocaleString('en')} quotes, ${bare ? 'without' : 'with'} texts; table ${(manifest.table.bytes / 1e6).toFixed(1)} MB, dictionary ${(manifest.dictionary.bytes / 1e6).toFixed(2)} MB`);

// First results, five fresh pages (each its own context: nothing cached): the index's first page
// of cards with their content (told from the seed corpus's by the summary's count), then the
// index whole (its quote facts read: the status says it is loaded).
const firsts = [];
const wholes = [];
let page;
for (let run = 0; run < 5; run++) {
  await page?.close();
  page = await browser.newPage();
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.benchWasm = e.detail.wasm; }));
  await page.goto(base + '?corpus=archive/index.json', { waitUntil: 'commit' });
  await page.waitForFunction((n) => document.querySelector('.summary')?.textContent.includes(` of ${n} articles`), manifest.articles, { timeout: 600000, polling: 10 });
  firsts.push(await when(page, 'cards'));
  await page.waitForFunction(() => document.querySelector('.load-status.ok'), null, { timeout: 600000, polling: 10 });
  wholes.push(await page.evaluate(() => performance.now()));
}
say(`first results (cards with their content) after navigation: ${firsts.map((t) => t.toFixed(0)).join(', ')} ms (goal ≤ 1500: ${percentile(firsts, 0.5) <= 1500 ? 'met' : 'NOT MET'} at the median); ` +
  `the quote facts read too (the quotes view ready): ${wholes.map((t) => t.toFixed(0)).join(', ')} ms`);

// Facet clicks: the first speaker, on and off.
const clicks = [];
for (let i = 0; i < 40; i++) {
  clicks.push(await page.evaluate(async () => {
    const before = document.querySelector('.summary')?.textContent;
    let last = 0;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const t = performance.now();
    document.querySelector('#facet-speaker ~ ul .facet-value').click();
    while (document.querySelector('.summary')?.textContent === before) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return last - t;
  }));
}
say(`facet click → last DOM change: ${spread(clicks)} (goal p95 ≤ 100: ${percentile(clicks, 0.95) <= 100 ? 'met' : 'NOT MET'})`);

// One-word searches, each a word not searched before, set as a link would set it.
const searches = [];
for (const word of words) {
  const t = await page.evaluate((word) => {
    window.benchBefore = document.querySelector('.summary')?.textContent;
    const url = new URL(location.href);
    url.searchParams.set('q', word);
    history.pushState(null, '', url);
    const t = performance.now();
    dispatchEvent(new PopStateEvent('popstate'));
    return t;
  }, word);
  const done = await when(page, 'searched', word);
  searches.push(done - t);
}
await page.evaluate(() => { history.pushState(null, '', location.pathname + '?corpus=archive/index.json'); dispatchEvent(new PopStateEvent('popstate')); });
say(`one-word search, its word chunks fetched, → results with their cards: ${spread(searches)} (goal p95 ≤ 300: ${percentile(searches, 0.95) <= 300 ? 'met' : 'NOT MET'}; words ${words.join(' ')})`);

// Opened articles: a card of the first page of the oldest-first or newest-first list (articles
// of many batches), clicked once that page is shown.
const opened = [];
for (let i = 0; i < 20; i++) {
  await page.evaluate((i) => { history.pushState(null, '', `${location.pathname}?corpus=archive/index.json&sort=${i % 2 ? 'newest' : 'oldest'}`); dispatchEvent(new PopStateEvent('popstate')); }, i);
  await when(page, 'cards');
  const t = await page.evaluate((i) => { const t = performance.now(); document.querySelectorAll('.card .title a')[i % 12].click(); return t; }, i);
  const shown = await when(page, 'article');
  opened.push(shown - t);
}
say(`opened article (a click on a card → its text shown): ${spread(opened)} (goal p95 ≤ 200: ${percentile(opened, 0.95) <= 200 ? 'met' : 'NOT MET'})`);

const heap = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : 0);
const wasmMemory = await page.evaluate(() => window.benchWasm?.memory?.buffer.byteLength ?? 0);
const renderer = rendererBytes();
say(`memory after all that: renderer ${(renderer / 1e9).toFixed(2)} GB resident (goal ≤ 1: ${renderer <= 1e9 ? 'met' : 'NOT MET'}); ` +
  `JS heap ${(heap / 1048576).toFixed(0)} MB; wasm memory of the page ${(wasmMemory / 1048576).toFixed(0)} MB`);

await browser.close();
server.close();
fs.rmSync(site, { recursive: true });
