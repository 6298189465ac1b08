// Browser benchmarks (not a test: figures for BENCHMARKS.md). Needs dist/ built.
//   node tests/bench/browser.mjs [N ...]      default N = 100 1000 10000
//   node tests/bench/browser.mjs seed         the seed page only (BENCH_SEED_RUNS navigations, default 5;
//                                             BENCH_COMPARE=DIR: another build's dist/ too, in turn)
// For each N: a synthetic corpus (broadsheet-extract generate) loaded with corpus=,
// time to the first card and to fully extracted, filter latency p50/p95, JS heap and the
// page's wasm linear memory.
// Also the seed page: bytes transferred (gzip) and time to its cards. Everything is served
// with the page's Content-Security-Policy as a header (tests/e2e/serve.mjs); BROADSHEET_DIST=DIR
// measures the build in DIR instead of dist/.
// BENCH_INDEX_ONLY=1: only the sharded indexes, with filter latency and memory measured on them
// (for corpora past the page's 50 MB limit on a corpus it extracts itself).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../e2e/serve.mjs';
import { seedPageBytes } from './seed-page.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = await import(path.join(root, 'tools/node_modules/playwright-core/index.mjs'));
const seedOnly = process.argv[2] === 'seed';
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = seedOnly ? [] : sizes.length ? sizes : [100, 1000, 10000];

const bin = path.join(root, 'target/release/broadsheet-extract');
execFileSync('cargo', ['build', '--release', '-q', '-p', 'broadsheet-cli'], { cwd: root, stdio: 'inherit' });

const fixtures = {};
const indexOnly = process.env.BENCH_INDEX_ONLY === '1';
for (const n of counts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `broadsheet-${n}-`));
  execFileSync(bin, ['generate', String(n), dir]);
  if (!indexOnly) fixtures[`/synthetic/${n}.jsonl`] = { type: 'application/x-ndjson', body: fs.readFileSync(path.join(dir, 'corpus.jsonl')) };
  // The same articles pre-extracted natively into a sharded index (format 2, which the page reads).
  execFileSync(bin, ['index', path.join(dir, 'index'), path.join(dir, 'corpus.jsonl'), '--format', '2'], { stdio: 'ignore' });
  for (const f of fs.readdirSync(path.join(dir, 'index'))) {
    fixtures[`/synthetic/${n}/${f}`] = { type: f.endsWith('.json') ? 'application/json' : 'application/octet-stream', body: fs.readFileSync(path.join(dir, 'index', f)) };
  }
  fs.rmSync(dir, { recursive: true });
}
const { server, url: base } = await serve(8811, fixtures);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-precise-memory-info'],
});

const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const rows = [];

// Opens the seed page, then switches to `query` as a shared link would; times are from the switch.
async function load(page, query) {
  // Trunk announces the instance when it starts; its exports hold the linear memory.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.benchWasm = e.detail.wasm; }));
  await page.goto(base);
  await page.waitForSelector('.card');
  const t0 = await page.evaluate(() => performance.now());
  await page.evaluate((q) => { history.pushState(null, '', q); dispatchEvent(new PopStateEvent('popstate')); }, query);
  await page.waitForFunction(() => !document.querySelector('.counts')?.textContent.startsWith('2 articles'), null, { timeout: 300000 });
  const first = await page.evaluate(() => performance.now()) - t0;
  await page.waitForSelector('.load-status.ok', { timeout: 300000 });
  const loaded = await page.evaluate(() => performance.now()) - t0;
  return { first, loaded };
}

// The seed page: what it transfers (seed-page.mjs), and the time to its cards. With
// BENCH_COMPARE=DIR, the build in DIR too, its navigations taken in turn with this build's
// in one browser, so both see the same minutes of this shared machine.
{
  const builds = [['this build', base]];
  let other;
  if (process.env.BENCH_COMPARE) {
    other = await serve(8813, {}, path.resolve(process.env.BENCH_COMPARE));
    builds.push([process.env.BENCH_COMPARE, other.url]);
  }
  const runs = Number(process.env.BENCH_SEED_RUNS) || 5;
  const pages = await Promise.all(builds.map(() => browser.newPage()));
  const times = builds.map(() => []);
  for (let i = 0; i < runs; i++) {
    // Each build goes first in every other round: the first of a round is slower by a few ms.
    const order = builds.map((_, b) => b);
    for (const b of i % 2 ? order.reverse() : order) {
      const url = builds[b][1];
      await pages[b].goto(url + '?bench=' + i, { waitUntil: 'commit' });
      await pages[b].waitForSelector('.card');
      times[b].push(await pages[b].evaluate(() => performance.now()));
    }
  }
  for (const [b, [name, url]] of builds.entries()) {
    const { bytes, files } = await seedPageBytes(browser, url);
    const label = builds.length > 1 ? `seed page (${name})` : 'seed page';
    rows.push(`${label}: ${bytes} bytes (${files} files) gzipped in total; cards shown ${percentile(times[b], 0.5).toFixed(0)} ms after navigation (median of ${runs}, loopback)`);
    await pages[b].close();
  }
  other?.server.close();
}

for (const n of counts) {
  // A pre-extracted index of the same articles: fetched shard by shard, nothing extracted.
  const shardBytes = Object.entries(fixtures).filter(([k]) => k.startsWith(`/synthetic/${n}/`)).reduce((sum, [, f]) => sum + f.body.length, 0);
  const indexRow = (first, loaded) => `N=${n} as a sharded index (${(shardBytes / 1048576).toFixed(1)} MB of shards): first cards after ${first.toFixed(0)} ms; ` +
    `all shards loaded after ${loaded.toFixed(0)} ms`;
  if (!indexOnly) {
    const page = await browser.newPage();
    const { first, loaded } = await load(page, `?corpus=synthetic/${n}/index.json`);
    rows.push(indexRow(first, loaded));
    await page.close();
  }
  const page = await browser.newPage();
  const { first, loaded } = await load(page, indexOnly ? `?corpus=synthetic/${n}/index.json` : `?corpus=synthetic/${n}.jsonl`);
  const bytes = indexOnly ? 0 : fixtures[`/synthetic/${n}.jsonl`].body.length;
  // Filter latency, measured in the page from a change of filter:
  // - to the last DOM change it causes (a MutationObserver notes the time of each change;
  //   the list, the counts and every facet are done by then), and
  // - to the frame that shows it: a requestAnimationFrame after the DOM is done, then a task
  //   after that frame, so style, layout and paint of the new list are included.
  // A change is a click on the first speaker facet value (it toggles), or a search typed into
  // the URL as a shared link or the search box would set it (alternating with no search).
  async function latency(change) {
    const dom = [];
    const painted = [];
    for (let i = 0; i < 40; i++) {
      const [d, p] = await page.evaluate(async ([change, i]) => {
        const before = document.querySelector('.summary')?.textContent;
        let last = 0;
        const observer = new MutationObserver(() => { last = performance.now(); });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const t = performance.now();
        if (change === 'click') {
          document.querySelector('#facet-speaker ~ ul .facet-value').click();
        } else {
          const url = new URL(location.href);
          if (i % 2 === 0) url.searchParams.set('q', change); else url.searchParams.delete('q');
          history.pushState(null, '', url);
          dispatchEvent(new PopStateEvent('popstate'));
        }
        while (document.querySelector('.summary')?.textContent === before) await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const frame = performance.now() - t;
        // Later changes would still be counted: nothing in the page changes the DOM on a timer.
        await new Promise((r) => setTimeout(r, 50));
        observer.disconnect();
        return [last - t, frame];
      }, [change, i]);
      dom.push(d);
      painted.push(p);
    }
    return `p50 ${percentile(dom, 0.5).toFixed(0)} ms, p95 ${percentile(dom, 0.95).toFixed(0)} ms ` +
      `(→ painted frame p50 ${percentile(painted, 0.5).toFixed(0)} ms, p95 ${percentile(painted, 0.95).toFixed(0)} ms)`;
  }
  // The search index is built in idle time after a load; give it that time.
  await page.waitForTimeout(1000);
  const click = await latency('click');
  const word = await latency('bridge');
  const phrase = await latency('"talks must go on"');
  const heap = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : 0);
  const wasmMemory = await page.evaluate(() => window.benchWasm?.memory?.buffer.byteLength ?? 0);
  const measured = indexOnly ? indexRow(first, loaded) : `N=${n}: ${(bytes / 1048576).toFixed(1)} MB; first cards after ${first.toFixed(0)} ms; ` +
    `fully extracted after ${loaded.toFixed(0)} ms (${(bytes / 1048576 / (loaded / 1000)).toFixed(1)} MB/s including fetch and indexing)`;
  rows.push(`${measured}; filter click → last DOM change ${click}; search for a word ${word}; for a phrase ${phrase}; JS heap ${(heap / 1048576).toFixed(1)} MB; ` +
    `wasm memory of the page ${(wasmMemory / 1048576).toFixed(0)} MB (workers not counted)`);
  await page.close();
}
// The extractor itself in wasm, on the dev texts (read at run time from ../shared/eval when
// present): the same work as the native `corpus_encoded` criterion bench — extraction and the
// encoded article — through the export the workers call, the module loaded as they load it.
// Best of six passes.
const devPath = path.join(root, '../shared/eval/polnear-dev.jsonl');
if (!seedOnly && fs.existsSync(devPath)) {
  const texts = fs.readFileSync(devPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForSelector('.card');
  const { ms, bytes } = await page.evaluate(async (texts) => {
    const extractor = await import(new URL('broadsheet-extractor.js', document.baseURI).href);
    await extractor.default({ module_or_path: new URL('broadsheet-extractor_bg.wasm', document.baseURI).href });
    const encoded = texts.map((t) => new TextEncoder().encode(t));
    const bytes = encoded.reduce((n, b) => n + b.length, 0);
    let ms = Infinity;
    // The first passes also wait for the engine to finish optimising the module.
    for (let pass = 0; pass < 6; pass++) {
      const t = performance.now();
      for (const b of encoded) extractor.extract_article('bench', b);
      ms = Math.min(ms, performance.now() - t);
    }
    return { ms, bytes };
  }, texts);
  rows.push(`wasm extraction (dev texts, ${(bytes / 1048576).toFixed(2)} MB, extraction + encoding per article): ${ms.toFixed(0)} ms per pass, ` +
    `${(bytes / 1048576 / (ms / 1000)).toFixed(1)} MiB/s — compare with \`cargo bench -p broadsheet-extract --bench extract\` (corpus_encoded)`);
  await page.close();
}
await browser.close();
server.close();
console.log(rows.join('\n'));
