// End-to-end: the built dist/, served under a sub-path with the page's own
// Content-Security-Policy as a header too, driven in headless Chromium.
// Run by .ci/test after `trunk build`; screenshots land in target/screenshots/.
// A page error, a dialog or a CSP violation (reported by the page, or to the
// server's report-uri) fails the test it happens in.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, pagePolicy } from './serve.mjs';
import { fixtures, wire, hostile, hostileArticles, describeViolation, launchChromium } from './fixtures.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.join(here, '../../dist');
const { chromium } = await import(path.join(here, '../../tools/node_modules/playwright-core/index.mjs'));
const shots = path.join(here, '../../target/screenshots');
fs.mkdirSync(shots, { recursive: true });

let server, base, browser, reports;
const errors = [];
const violations = [];
// Violations a test provokes on purpose, as patterns of their description; cleared after each test.
let expected = [];

before(async () => {
  ({ server, url: base, reports } = await serve(8799, fixtures));
  browser = await launchChromium(chromium);
});
after(async () => {
  await browser?.close();
  server?.close();
});
afterEach(async () => {
  // Reports are posted by the browser on its own time.
  await new Promise((resolve) => setTimeout(resolve, 250));
  const seen = [...violations.splice(0), ...reports.splice(0).map(describeViolation)];
  const unexpected = seen.filter((v) => !expected.some((pattern) => pattern.test(v)));
  expected = [];
  assert.deepEqual(unexpected, [], 'Content-Security-Policy violations');
});

// A page of its own whose errors, dialogs and policy violations fail the run; `init` runs in it before any page script.
async function fresh({ viewport = { width: 1280, height: 900 }, init } = {}) {
  const context = await browser.newContext({ viewport });
  await context.exposeBinding('reportViolation', (_, v) => violations.push(describeViolation(v)));
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
    window.reportViolation({ effectiveDirective: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample, sourceFile: e.sourceFile })));
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  return page;
}

async function open(query = '', viewport, ready = '.summary') {
  const page = await fresh({ viewport });
  await page.goto(base + query);
  await page.waitForSelector(ready);
  return page;
}

// Cards and quotes skip rendering until they are on screen (`content-visibility: auto`), and
// innerText reads what is rendered: right after a list is drawn, text is read from the DOM.
const quoteTexts = (page) => page.locator('.quote-item blockquote').allTextContents();
const speakers = (page) => page.locator('.quote-item .speaker').allTextContents();

test('the example link lists exactly the Lukashenko quotes about negotiations, from both articles', async () => {
  const page = await open('?view=quotes&speaker=alexander-lukashenko&q=negotiations');
  const texts = await quoteTexts(page);
  assert.equal(texts.length, 3, texts.join('\n'));
  for (const t of texts) assert.match(t.toLowerCase(), /negotiations/);
  assert.deepEqual([...new Set(await speakers(page))], ['Alexander Lukashenko']);
  const titles = new Set(await page.locator('.quote-item .meta > a:not(.speaker)').allTextContents());
  assert.equal(titles.size, 2, [...titles].join(' | '));
  assert.ok((await page.locator('.quote-item mark').count()) >= 3, 'matches are highlighted');
  await page.screenshot({ path: path.join(shots, 'quotes-desktop.png'), fullPage: true });
  await page.context().close();
});

test('quotes about a place are those that name it in their own words; a click on the facet picks it', async () => {
  const page = await open('?view=quotes');
  await page.locator('#facet-about ~ ul .facet-value', { hasText: 'Russia' }).click();
  await page.waitForURL(/about=russia/);
  const texts = await quoteTexts(page);
  assert.equal(texts.length, 3, texts.join('\n'));
  for (const t of texts) assert.match(t, /Russia/);
  assert.match(await page.locator('.chips').innerText(), /Quotes about: Russia/);
  // Each quote says what it names, and a name there leads to the quotes about it.
  for (const about of await page.locator('.quote-item .about').allTextContents()) assert.match(about, /about .*Russia/);
  await page.locator('.quote-item .about a', { hasText: 'Ukraine' }).first().click();
  await page.waitForURL(/about=russia,ukraine/);
  // In the article list, an article is about whoever its quotes name.
  await page.goto(base + '?about=russia');
  await page.waitForSelector('.card');
  assert.equal(await page.locator('.card').count(), 2);
  await page.context().close();
});

test('a quote list downloads as CSV: every quote of the view, not only the ones shown', async () => {
  const csvOf = async (page) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.download[data-export=csv]').click()]);
    assert.equal(download.suggestedFilename(), 'broadsheet-quotes.csv');
    return fs.readFileSync(await download.path(), 'utf8');
  };
  const page = await open('?view=quotes&speaker=alexander-lukashenko&q=negotiations');
  const csv = await csvOf(page);
  assert.ok(csv.startsWith('\ufeff"quote","speaker","speaker_key","kind","cue","article_id","article_title","date","start","end"\r\n'));
  const rows = csv.trim().split('\r\n').slice(1);
  assert.equal(rows.length, 3);
  for (const row of rows) assert.match(row, /^"“[^]*negotiations[^]*","Alexander Lukashenko","alexander-lukashenko","full",/i);
  await page.goto(base + '?view=quotes');
  await page.waitForSelector('.quote-item');
  const shown = await page.locator('.quote-item').count();
  const all = (await csvOf(page)).trim().split('\r\n').length - 1;
  assert.match(await page.locator('.summary').innerText(), new RegExp(`^${all} of ${all} quotes`));
  assert.ok(all > shown, `${all} quotes in the file, ${shown} on screen`);
  await page.context().close();
});

test('typing a search replaces the URL, and Back restores the view before it', async () => {
  const page = await open();
  await page.locator('a.tab', { hasText: 'Quotes' }).click();
  await page.waitForURL(/view=quotes/);
  const afterClick = page.url();
  const length = await page.evaluate(() => history.length);
  await page.locator('#q').fill('threaten');
  await page.waitForURL(/q=threaten/);
  assert.equal(await page.evaluate(() => history.length), length, 'typing does not push history entries');
  assert.ok((await quoteTexts(page)).every((t) => /threaten/i.test(t)));
  // A click pushes one entry; Back returns to the search result.
  await page.locator('.facet-value', { hasText: 'Alexander Lukashenko' }).first().click();
  await page.waitForURL(/speaker=alexander-lukashenko/);
  await page.goBack();
  await page.waitForURL((u) => !u.href.includes('speaker='));
  assert.match(page.url(), /q=threaten/);
  assert.equal(await page.inputValue('#q'), 'threaten');
  // Typing replaced the entry of the Quotes click, so one more Back is the first page.
  await page.goBack();
  await page.waitForURL((u) => !u.href.includes('q='));
  assert.equal(page.url(), base);
  assert.equal(await page.inputValue('#q'), '');
  assert.ok(afterClick.includes('view=quotes'));
  await page.context().close();
});

test('an opened article highlights and labels every quote', async () => {
  const page = await open();
  await page.locator('.card .title a').first().click();
  await page.waitForSelector('.reader');
  assert.match(page.url(), /article=000_36cf100171f11d27/);
  assert.equal(await page.locator('.reader .speaker-label').count(), 10);
  assert.ok((await page.locator('.reader .quote').count()) >= 10);
  const labels = await page.locator('.reader .speaker-label').allInnerTexts();
  assert.ok(labels.filter((l) => l === 'Alexander Lukashenko').length >= 7, labels.join(', '));
  assert.ok((await page.locator('.reader .ent.place').count()) > 0, 'entity mentions are marked');
  await page.screenshot({ path: path.join(shots, 'article-desktop.png'), fullPage: true });
  await page.context().close();
});

test('a filter picked in the sidebar keeps the page where it was scrolled', async () => {
  const page = await open('', { width: 1280, height: 420 });
  const facet = page.locator('#facet-place ~ ul .facet-value').first();
  await facet.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => scrollY);
  assert.ok(before > 0, 'the facet is below the fold');
  const heading = page.locator('#facet-place');
  const top = (await heading.boundingBox()).y;
  await facet.click();
  await page.waitForURL(/place=/);
  // Not back at the top: the facet group stays in view where it was (the browser may
  // shift the page by the height of the filter chips that appear above).
  assert.ok(await page.evaluate(() => scrollY) > 0);
  assert.ok(Math.abs((await heading.boundingBox()).y - top) < 60, 'the facet group stays in view');
  await page.context().close();
});

test('lists can be ordered by publication date, and the order is part of the link', async () => {
  const page = await open('?sort=newest');
  const titles = () => page.locator('.card .title a').allTextContents();
  const newest = await titles();
  assert.equal(newest.length, 2);
  assert.equal(await page.locator('.sort-order [aria-current="true"]').textContent(), 'Newest first');
  await page.locator('.sort-order a', { hasText: 'Oldest first' }).click();
  await page.waitForURL(/sort=oldest/);
  assert.deepEqual(await titles(), [...newest].reverse());
  // The quote list keeps the order: its first quote is from the oldest article.
  await page.locator('a.tab', { hasText: 'Quotes' }).click();
  await page.waitForURL(/view=quotes&sort=oldest|sort=oldest&view=quotes|view=quotes.*sort=oldest/);
  assert.equal(await page.locator('.quote-item .meta > a:not(.speaker)').first().textContent(), newest[1]);
  await page.locator('.sort-order a', { hasText: 'Corpus order' }).click();
  await page.waitForURL((url) => !url.search.includes('sort='));
  await page.context().close();
});

test('a copied link opened fresh shows the same view', async () => {
  const page = await open('?view=quotes&place=kyiv&kind=partial');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.copy button').click();
  await page.waitForSelector('.toast:has-text("Link copied")');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url());
  const before = await quoteTexts(page);
  const fresh = await open(link.slice(base.length));
  assert.deepEqual(await quoteTexts(fresh), before);
  assert.ok(before.length > 0);
  await page.context().close();
  await fresh.context().close();
});

test('a hostile parameter changes nothing and is reported as text', async () => {
  const plain = await open();
  const cards = await plain.locator('.card').count();
  await plain.context().close();
  const page = await open('?speaker=%3Cscript%3Ealert(1)%3C%2Fscript%3E&article=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E&bogus=1');
  assert.equal(await page.locator('.card').count(), cards);
  assert.equal(await page.locator('main script, main img, .notices script, .notices img').count(), 0);
  const notice = await page.locator('.notices').innerText();
  assert.match(notice, /<script>/);
  assert.match(notice, /bogus/);
  await page.context().close();
});

test('phone width: no horizontal scrolling, screenshots of the main views', async () => {
  for (const [name, query] of [['articles', ''], ['quotes', '?view=quotes&group=speaker']]) {
    const page = await open(query, { width: 360, height: 780 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name} overflows by ${overflow}px at 360px`);
    await page.screenshot({ path: path.join(shots, `${name}-phone.png`), fullPage: true });
    await page.context().close();
  }
  const page = await open();
  await page.screenshot({ path: path.join(shots, 'articles-desktop.png'), fullPage: true });
  await page.context().close();
});

test('corpus= loads a manifest, keeps it in the URL, and reports a missing file', async () => {
  const page = await open('?corpus=fixtures/manifest.json');
  await page.waitForSelector('.load-status.ok');
  assert.deepEqual((await page.locator('.card .title a').allTextContents()).sort(), ['Ferry strike ends', 'Harbour bridge reopens']);
  assert.match(await page.locator('.load-status').innerText(), /gone\.txt was not found \(404\)/);
  await page.locator('a.tab', { hasText: 'Quotes' }).click();
  await page.waitForURL(/view=quotes/);
  assert.match(page.url(), /corpus=fixtures%2Fmanifest\.json/);
  assert.deepEqual((await speakers(page)).sort(), ['Ingrid Olsen', 'Tomas Berg']);
  await page.context().close();
});

test('a JSONL corpus loads its good lines and names the bad one', async () => {
  const page = await open('?corpus=fixtures/corpus.jsonl&view=quotes');
  await page.waitForSelector('.load-status.ok');
  assert.deepEqual(await speakers(page), ['Nora Lind']);
  assert.match(await page.locator('.load-status').innerText(), /line 2/);
  await page.context().close();
});

test('a corpus of many articles is extracted in workers, every article in order', async () => {
  const page = await open();
  const warnings = [];
  let workers = 0;
  page.on('console', (m) => { if (m.type() === 'warning' && /extraction/.test(m.text())) warnings.push(m.text()); });
  page.on('worker', () => { workers += 1; });
  await page.goto(base + '?corpus=fixtures/wire.jsonl&view=quotes&q=shipment%20237');
  await page.waitForSelector('.load-status.ok');
  assert.ok(workers >= 1, 'a worker was started');
  assert.deepEqual(warnings, []);
  assert.match(await page.locator('.load-status').innerText(), /Loaded 240 articles/);
  assert.deepEqual(await quoteTexts(page), ['“Shipment 237 is on its way,”']);
  assert.deepEqual(await speakers(page), ['Lena Sorensen']);
  await page.locator('#q').fill('"shipment 0 is"');
  await page.waitForURL(/q=%22shipment/);
  assert.deepEqual(await speakers(page), ['Lena Sorensensdottir']);
  await page.context().close();
});

test('a long facet lists its first values, finds a value by name, and shows more on demand', async () => {
  const page = await open('?corpus=fixtures/council.jsonl&view=quotes');
  await page.waitForSelector('.load-status.ok');
  const rows = page.locator('#facet-speaker ~ ul .facet-value');
  const more = page.locator('#facet-speaker ~ .facet-more button', { hasText: 'more' });
  assert.equal(await rows.count(), 8);
  assert.equal(await more.innerText(), 'Show 50 more of 80');
  await more.click();
  assert.equal(await rows.count(), 58);
  assert.equal(await more.innerText(), 'Show 22 more of 80');
  await more.click();
  assert.equal(await rows.count(), 80);
  assert.equal(await more.count(), 0);
  await page.locator('#facet-speaker ~ .facet-more button', { hasText: 'Show fewer' }).click();
  assert.equal(await rows.count(), 8);
  // Finding is case- and accent-insensitive and lists only the names that hold the text.
  await page.locator('#find-speaker').fill('HÖLM');
  assert.equal(await more.innerText(), 'Show 2 more of 10');
  assert.ok((await rows.allInnerTexts()).every((t) => /Holm/.test(t)));
  // A chosen value stays listed whatever is typed, and finding changes no URL.
  await rows.first().click();
  await page.waitForURL(/speaker=/);
  const url = page.url();
  await page.locator('#find-speaker').fill('zzz');
  assert.match(await page.locator('#facet-speaker ~ .none').innerText(), /No name holds “zzz”/);
  assert.equal(await rows.count(), 1);
  assert.equal(page.url(), url);
  await page.context().close();
});

test('without workers the page extracts the corpus itself and says so in the console', async () => {
  // A browser that refuses to start workers.
  const page = await fresh({ init: () => { window.Worker = function () { throw new Error('workers are disabled here'); }; } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(base + '?corpus=fixtures/wire.jsonl&view=quotes&q=shipment%20237');
  await page.waitForSelector('.load-status.ok');
  assert.match(await page.locator('.load-status').innerText(), /Loaded 240 articles/);
  assert.deepEqual(await speakers(page), ['Lena Sorensen']);
  assert.ok(warnings.some((w) => /stays on the main thread/.test(w)), warnings.join('\n'));
  await page.context().close();
});

test('a pre-extracted index loads shard by shard and names the shard it could not read', async () => {
  const page = await open('?corpus=fixtures/index/index.json');
  await page.waitForSelector('.load-status.ok');
  assert.deepEqual((await page.locator('.card .title a').allTextContents()).sort(), ['Wire story 0', 'Wire story 1', 'Wire story 4']);
  assert.match(await page.locator('.load-status').innerText(), /shard-00001\.bin was not found \(404\)/);
  await page.context().close();
});

test('a link to one article of an index fetches only its shard until the reader leaves the article, and the corpus keeps its order', async () => {
  const page = await fresh();
  const shards = [];
  page.on('request', (r) => { const m = /slow-index\/(shard-\d+)\.bin/.exec(r.url()); if (m) shards.push(m[1]); });
  await page.goto(base + '?corpus=fixtures/slow-index/index.json&article=w4');
  await page.waitForSelector('.reader .title');
  assert.equal(await page.locator('.reader .title').innerText(), 'Wire story 4');
  await page.waitForSelector('.load-status >> text=the rest once you leave this article');
  assert.match(await page.locator('.load-status').innerText(), /1 \/ 5/);
  // Its quotes need nothing more either.
  await page.locator('.reader-nav a', { hasText: 'Only this article' }).click();
  await page.waitForURL(/view=quotes/);
  await page.waitForTimeout(300);
  assert.deepEqual(shards, ['shard-00002'], 'only the shard that holds the article');
  // Leaving the article fetches the rest.
  await page.evaluate(() => { history.pushState(null, '', location.href.replace(/&article=w4/, '').replace(/view=quotes&?/, '')); dispatchEvent(new PopStateEvent('popstate')); });
  await page.waitForSelector('.load-status.ok');
  assert.deepEqual([...shards].sort(), ['shard-00000', 'shard-00001', 'shard-00002']);
  await page.waitForSelector('.card');
  assert.deepEqual(await page.locator('.card .title a').allTextContents(), [0, 1, 2, 3, 4].map((i) => `Wire story ${i}`));
  await page.context().close();
});

test('the seed page never fetches the extractor; the first corpus opened fetches it once, and its loss is reported', async () => {
  const page = await fresh();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(base + '?view=quotes');
  await page.waitForSelector('.quote-item');
  assert.deepEqual(fetched.filter((f) => /extractor/.test(f)), [], 'the bundled corpus needs no extractor');
  await page.goto(base + '?corpus=fixtures/wire.jsonl');
  await page.waitForSelector('.load-status.ok');
  assert.deepEqual(fetched.filter((f) => /extractor_bg\.wasm$/.test(f)).length, 1, 'compiled once for every worker');
  // A site that lost the extractor's file: the load fails with the reason, and the corpus stays.
  await page.route(/broadsheet-extractor_bg\.wasm\?v=[0-9a-f]{16}$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(base);
  await page.waitForSelector('.card');
  await page.locator('.loader summary').click();
  await page.locator('.loader input[type=file][multiple]').setInputFiles([{ name: 'local.txt', mimeType: 'text/plain', buffer: Buffer.from('Dam opens\n\nWater for all.') }]);
  await page.waitForSelector('.load-status.failed');
  assert.match(await page.locator('.load-status.failed').innerText(), /extractor \(broadsheet-extractor_bg\.wasm\) could not be loaded: .*404/);
  assert.equal(await page.locator('.card').count(), 2, 'the seed corpus stays');
  await page.context().close();
});

test('the seed page never fetches the code that opens a corpus; the first load fetches it once, and its loss is reported', async () => {
  const page = await fresh();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // A site that lost the loading module: the load fails with the reason, and the corpus stays.
  const loadingModule = /broadsheet-loading-[0-9a-f]{16}\.wasm$/;
  await page.route(loadingModule, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(base + '?view=quotes');
  await page.waitForSelector('.quote-item');
  assert.deepEqual(fetched.filter((f) => /broadsheet-loading-/.test(f)), [], 'the bundled corpus needs no loading code');
  await page.locator('.loader summary').click();
  await page.locator('.loader input[type=file][multiple]').setInputFiles([{ name: 'local.txt', mimeType: 'text/plain', buffer: Buffer.from('Dam opens\n\nWater for all.') }]);
  await page.waitForSelector('.load-status.failed');
  assert.match(await page.locator('.load-status.failed').innerText(), /code for opening a corpus could not be fetched; check the connection and try again/);
  assert.equal(await page.locator('.quote-item').count(), 12, 'the seed corpus stays');
  // A failure is not kept: once the file is back, the next load fetches it and opens the corpus.
  await page.unroute(loadingModule);
  await page.locator('.loader input[type=file][multiple]').setInputFiles([{ name: 'local.txt', mimeType: 'text/plain', buffer: Buffer.from('Dam opens\n\nWater for all.') }]);
  await page.waitForSelector('.load-status.ok');
  await page.goto(base + '?corpus=fixtures/wire.jsonl');
  await page.waitForSelector('.load-status.ok');
  assert.equal(fetched.filter((f) => loadingModule.test(f)).length, 3, 'once a page: the failed fetch, the one after it, the new page\'s');
  await page.context().close();
});

test('markup in a corpus shows as text in the cards and the quotes', async () => {
  const page = await open('?corpus=fixtures/markup.txt', undefined, '.load-status.ok');
  assert.equal(await page.locator('.card .title a').textContent(), 'Harbour <img src=x onerror="alert(1)"> & news');
  assert.equal(await page.locator('main img, main b').count(), 0, 'no element made from the text');
  await page.goto(base + '?corpus=fixtures/markup.txt&view=quotes');
  await page.waitForSelector('.load-status.ok');
  assert.equal(await page.locator('.quote-item blockquote').textContent(), '“We will <b>reopen</b> the pier,”');
  assert.equal(await page.locator('main img, main b').count(), 0, 'no element made from the text');
  await page.context().close();
});

test('quotes grouped by speaker say how many each speaker has when a page shows only some', async () => {
  const page = await open('?corpus=fixtures/wire.jsonl&view=quotes&group=speaker', undefined, '.load-status.ok');
  const heads = await page.locator('.group h2').allTextContents();
  // 240 quotes, half for each spelling of the name; a page shows 12.
  assert.deepEqual(heads.map((h) => h.replace(/^.*? (\d+ of \d+|\d+)$/, '$1')), ['6 of 120', '6 of 120'], heads.join(' | '));
  await page.locator('button.more').click();
  await page.waitForFunction(() => document.querySelector('.group h2 .count')?.textContent === '12 of 120');
  await page.context().close();
});

test('a site whose policy forbids workers still gets its corpus extracted, on the page', async () => {
  expected = [/^worker-src /];
  const page = await fresh();
  await page.route(/\/broadsheet\/(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" } });
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(base);
  await page.waitForSelector('.card');
  await page.locator('.loader summary').click();
  await page.locator('.loader input[type=file][multiple]').setInputFiles([{ name: 'local.txt', mimeType: 'text/plain', buffer: Buffer.from('Dam opens\n\n“Water for all,” engineer Sara Holm said.') }]);
  await page.waitForSelector('.load-status.ok');
  assert.deepEqual(await page.locator('.card .title a').allTextContents(), ['Dam opens']);
  assert.ok(warnings.some((w) => /(stays on|moves to) the main thread/.test(w)), warnings.join('\n'));
  await page.context().close();
});

test('the page ships a strict policy, served as a header too, and the browser holds the page to it', async () => {
  const policy = pagePolicy();
  for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
    "require-trusted-types-for 'script'", 'trusted-types broadsheet', 'connect-src ']) {
    assert.ok(policy.includes(directive), `${directive} in ${policy}`);
  }
  assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'|blob:|script-src[^;]*data:/);
  const page = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  // No code of the page sets HTML from a string but the policy's own module.
  for (const file of fs.readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.js'))) {
    assert.doesNotMatch(fs.readFileSync(path.join(dist, file), 'utf8'), /innerHTML|outerHTML|insertAdjacentHTML|document\.write|srcdoc|createContextualFragment|new Function|eval\(/, file);
  }
  expected = [/trusted-types|require-trusted-types-for|script-src/];
  const tab = await open();
  const response = await tab.goto(base);
  assert.equal(response.headers()['content-security-policy'].split('; report-uri')[0], policy);
  await tab.waitForSelector('.card');
  const held = await tab.evaluate(() => {
    const attempt = (f) => { try { f(); return 'allowed'; } catch (e) { return e.name; } };
    return {
      innerHTML: attempt(() => { document.createElement('div').innerHTML = '<b>x</b>'; }),
      otherPolicy: attempt(() => trustedTypes.createPolicy('other', { createHTML: (s) => s })),
      inline: attempt(() => { const s = document.createElement('script'); s.textContent = 'window.pwned = 1'; document.body.append(s); }),
      handler: attempt(() => { document.body.setAttribute('onclick', 'window.pwned = 1'); document.body.click(); }),
    };
  });
  assert.deepEqual(held, { innerHTML: 'TypeError', otherPolicy: 'TypeError', inline: 'TypeError', handler: 'TypeError' });
  // Each refusal is reported, to the page and to the server, so a violation anywhere else would be seen.
  await new Promise((resolve) => setTimeout(resolve, 250));
  assert.ok(violations.some((v) => /^trusted-types/.test(v)), violations.join('\n'));
  assert.ok(reports.some((r) => /^require-trusted-types-for/.test(describeViolation(r))), reports.map(describeViolation).join('\n'));
  assert.equal(await tab.evaluate(() => window.pwned), undefined);
  await tab.context().close();
});

test('a hostile corpus runs no script and shows every vector as written', async () => {
  const page = await open('?corpus=fixtures/hostile.jsonl', undefined, '.load-status.ok');
  const noScriptRan = async () => {
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'no script ran');
    // The page's own drawings (the charts) are the only svg.
    assert.equal(await page.locator('main img, main svg:not([data-timeline], .bar), main b, main script, aside img, aside svg, .load-status img').count(), 0, 'no element made from the text');
  };
  assert.match(await page.locator('.load-status').innerText(), /Loaded 3 articles/);
  const titles = await page.locator('.card .title a').allTextContents();
  assert.deepEqual(titles, hostileArticles.map((a) => a.title));
  const sources = await page.locator('.card .source').allTextContents();
  assert.deepEqual(sources, hostileArticles.map((a) => `${a.id}.txt`));
  // A direction override in a title or an id reorders nothing outside it.
  for (const element of ['.card .title a', '.card .source']) {
    assert.equal(await page.locator(element).first().evaluate((e) => getComputedStyle(e).unicodeBidi), 'isolate', element);
  }
  // A date that is no date is said as written, on the card.
  assert.ok((await page.locator('.card .warning').allTextContents()).some((w) => w.includes(`“${hostile.script}”, is not a date`)));
  // Hovering and focusing what an attribute breaker would have made live does nothing.
  await page.locator('.card .title a').first().hover();
  await page.keyboard.press('Tab');
  await noScriptRan();
  await page.screenshot({ path: path.join(shots, 'hostile-articles.png'), fullPage: true });

  await page.locator('a.tab', { hasText: 'Quotes' }).click();
  await page.waitForURL(/view=quotes/);
  const quotes = await quoteTexts(page);
  assert.ok(quotes.includes(`“Open the ${hostile.svg} gate ${hostile.template},”`), quotes.join('\n'));
  assert.ok(quotes.includes(`“We stay ${hostile.single} and ${hostile.img},”`), quotes.join('\n'));
  assert.ok(quotes.includes(`“Nothing ${hostile.script} happens,”`), quotes.join('\n'));
  assert.ok((await speakers(page)).includes("Mira O'Hara-Smith"));
  const speakerRows = await page.locator('#facet-speaker ~ ul .facet-value .name').allTextContents();
  assert.ok(speakerRows.includes("Mira O'Hara-Smith"), speakerRows.join(' | '));
  await page.locator('#facet-speaker ~ ul .facet-value', { hasText: "Mira O'Hara-Smith" }).click();
  await page.waitForURL(/speaker=mira-ohara-smith/);
  assert.match(await page.locator('.chips').innerText(), /Mira O'Hara-Smith/);
  await noScriptRan();

  // The one article whose id can be linked, opened: its text, marks and all, as written.
  await page.goto(base + '?corpus=fixtures/hostile.jsonl&article=plain-2');
  await page.waitForSelector('.reader .title');
  assert.equal(await page.locator('.reader .title').textContent(), hostile.link);
  assert.match(await page.locator('.reader .body').textContent(), new RegExp(`${hostile.script.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ${hostile.rtl}`));
  await noScriptRan();

  // A manifest that lists a javascript: link and a file named with markup: each named, as text.
  await page.goto(base + '?corpus=fixtures/hostile-manifest.json');
  await page.waitForSelector('.load-status.ok');
  const status = await page.locator('.load-status').innerText();
  assert.ok(status.includes(`${hostile.link} is not served over https`), status);
  assert.ok(status.includes(`${new URL(`${hostile.img}.txt`, `${base}fixtures/`).href} was not found (404)`), status);
  assert.deepEqual(await page.locator('.card .title a').allTextContents(), [hostile.template]);
  await noScriptRan();

  // A local file named with markup.
  await page.goto(base);
  await page.waitForSelector('.card');
  await page.locator('.loader summary').click();
  await page.locator('.loader input[type=file][multiple]').setInputFiles([{ name: `${hostile.img}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${hostile.svg}\n\nBody ${hostile.rtl}.`) }]);
  await page.waitForSelector('.load-status.ok');
  assert.equal(await page.locator('.load-status p').first().textContent(), `Loaded 1 article from ${hostile.img}.txt.`);
  assert.equal(await page.locator('.card .source').textContent(), `${hostile.img}.txt`);
  assert.equal(await page.locator('.card .title a').textContent(), hostile.svg);
  await noScriptRan();
  await page.context().close();
});

test('a picked file that is not text is refused with the reason, and the corpus stays', async () => {
  const page = await open();
  await page.locator('.loader summary').click();
  await page.locator('.loader input[type=file][multiple]').setInputFiles([{ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }]);
  await page.waitForSelector('.load-status.failed');
  assert.match(await page.locator('.load-status.failed').innerText(), /photo\.txt was skipped: it is not text \(it holds NUL bytes/);
  assert.equal(await page.locator('.card').count(), 2, 'the seed corpus stays');
  await page.context().close();
});

test('a failed load says why and keeps the corpus on screen', async () => {
  for (const [query, reason] of [
    ['?corpus=fixtures/nothing.txt', /not found \(404\)/],
    ['?corpus=fixtures/page.html', /text\/html/],
    ['?corpus=fixtures/empty/index.json', /no article/],
    ['?corpus=fixtures/file.bin', /fixtures\/file\.bin is application\/octet-stream, not text\./],
    ['?corpus=fixtures/nul.txt', /fixtures\/nul\.txt is not text: it holds NUL bytes/],
    ['?corpus=http://example.org/c.jsonl', /http:\/\/example\.org\/c\.jsonl is not served over https/],
  ]) {
    const page = await open(query);
    await page.waitForSelector('.load-status.failed');
    assert.match(await page.locator('.load-status.failed').innerText(), reason);
    assert.match(await page.locator('.load-status.failed').innerText(), /kept/);
    assert.equal(await page.locator('.card').count(), 2, 'the seed corpus stays');
    await page.context().close();
  }
});

test('local files and folders are read in the browser', async () => {
  const page = await open();
  await page.locator('.loader summary').click();
  await page.locator('.loader input[type=file][multiple]').setInputFiles([
    { name: 'local.txt', mimeType: 'text/plain', buffer: Buffer.from('Dam opens\n\n“Water for all,” engineer Sara Holm said.') },
  ]);
  await page.waitForSelector('.load-status.ok');
  assert.deepEqual(await page.locator('.card .title a').allTextContents(), ['Dam opens']);
  // A folder: its .txt and .jsonl files are read, anything else is named and skipped.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-folder-'));
  fs.writeFileSync(path.join(folder, 'a.txt'), 'Canal opens\n\n“Boats first,” lock keeper Ivo Dahl said.');
  fs.writeFileSync(path.join(folder, 'b.jsonl'), JSON.stringify({ id: 'b1', title: 'Bridge closes', text: '“Cars wait,” said Ada Wik.' }));
  fs.writeFileSync(path.join(folder, 'notes.md'), '# not a corpus');
  await page.locator('.loader input[type=file]:not([multiple])').setInputFiles(folder);
  await page.waitForSelector('.load-status.ok >> text=Loaded 2 articles from 3 local files');
  assert.deepEqual((await page.locator('.card .title a').allTextContents()).sort(), ['Bridge closes', 'Canal opens']);
  assert.match(await page.locator('.load-status').innerText(), /notes\.md was skipped: only \.txt and \.jsonl files are read/);
  fs.rmSync(folder, { recursive: true });
  await page.context().close();
});

test('the single-file build works opened straight from disk', async () => {
  const file = path.join(dist, 'broadsheet.html');
  assert.ok(fs.existsSync(file), 'run .ci/single-file.mjs after trunk build');
  // Its own policy: its inline code allowed by hash, nothing else inline, workers from blobs it makes.
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(fs.readFileSync(file, 'utf8'))[1];
  assert.match(policy, /script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval';/);
  assert.match(policy, /worker-src blob:;/);
  assert.match(policy, /require-trusted-types-for 'script'; trusted-types broadsheet/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  const page = await fresh();
  await page.goto('file://' + file);
  await page.waitForSelector('.card');
  assert.equal(await page.locator('.card').count(), 2);
  await page.locator('a.tab', { hasText: 'Quotes' }).click();
  await page.waitForURL(/view=quotes/);
  // A page of 12, and the rest behind "Show more".
  assert.equal(await page.locator('.quote-item').count(), 12);
  await page.locator('button.more', { hasText: 'Show more (12 left)' }).click();
  assert.equal(await page.locator('.quote-item').count(), 24);
  // A corpus of several batches goes to the workers here too; nothing is fetched from a server.
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' && /extraction/.test(m.text())) warnings.push(m.text()); });
  await page.locator('.loader summary').click();
  await page.locator('.loader input[type=file][multiple]').setInputFiles([{ name: 'wire.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(wire) }]);
  await page.waitForSelector('.load-status.ok');
  assert.match(await page.locator('.load-status').innerText(), /Loaded 240 articles/);
  assert.deepEqual(warnings, []);
  await page.context().close();
});

// The timeline of a view: a bar per period, its count said on hover and focus, a click or a
// drag sets the date range, the undated counted apart, a table as its text alternative.
const timeline = (page) => page.locator('.charts svg[data-timeline="timeline"]');
// Captions are set in capitals by the stylesheet: their text is read as written.
const caption = (page) => page.locator('.charts .timeline figcaption').textContent();

test('the timeline counts the view by period; hover and focus say a bar, a click or a drag sets the dates', async () => {
  for (const corpus of ['fixtures/dated.jsonl', 'fixtures/dated-index/index.json']) {
    const page = await open(`?corpus=${corpus}&view=quotes`, undefined, '.load-status.ok');
    // Six quotes: five dated from January to March 2024 (weeks), one undated.
    assert.equal(await caption(page), 'Quotes per week, week of 8 January 2024 – week of 18 March 2024 · 1 undated', corpus);
    const bars = timeline(page).locator('a');
    assert.equal(await bars.count(), 3);
    assert.deepEqual(await bars.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label'))),
      ['week of 8 January 2024: 2 quotes', 'week of 12 February 2024: 2 quotes', 'week of 18 March 2024: 1 quotes']);
    // The table says the same, and the undated.
    // The table is written when it is opened, and the focus stays on its summary.
    assert.equal(await page.locator('.charts .timeline table').count(), 0);
    await page.locator('.charts .timeline summary').click();
    await page.waitForSelector('.charts .timeline details[open] tbody tr');
    await page.waitForFunction(() => document.activeElement?.matches('.charts .timeline summary'));
    assert.deepEqual(await page.locator('.charts .timeline tbody tr').allInnerTexts(),
      ['week of 8 January 2024\t2', 'week of 12 February 2024\t2', 'week of 18 March 2024\t1', 'undated\t1']);
    await bars.nth(1).hover();
    assert.equal(await page.locator('.charts .readout').innerText(), 'week of 12 February 2024: 2');
    // A click: that week.
    await bars.nth(1).click();
    await page.waitForURL(/from=2024-02-12&to=2024-02-18/);
    assert.deepEqual(await quoteTexts(page), ['“The crane is late,”', '“Bergen waits,”']);
    assert.match(await page.locator('.chips').innerText(), /2024-02-12/);
    // The article view counts articles.
    await page.goto(base + `?corpus=${corpus}`);
    await page.waitForSelector('.load-status.ok');
    assert.equal(await caption(page), 'Articles per week, week of 8 January 2024 – week of 18 March 2024 · 1 undated');
    // A drag from the first bar to the last: the three weeks.
    const box = await timeline(page).boundingBox();
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
    assert.match(await page.locator('.charts .readout').innerText(), /^week of 8 January 2024 – week of/);
    await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2);
    await page.mouse.up();
    await page.waitForURL(/from=2024-01-08&to=2024-03-24/);
    assert.equal(await page.locator('.card').count(), 3);
    // The keyboard: one tab stop, the arrows move along the bars, Enter shows that period.
    await page.goto(base + `?corpus=${corpus}&view=quotes`);
    await page.waitForSelector('.load-status.ok');
    await timeline(page).locator('a').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.charts .readout').innerText(), 'week of 18 March 2024: 1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/from=2024-03-18&to=2024-03-24/);
    assert.deepEqual(await quoteTexts(page), ['“It is here at last,”']);
    await page.context().close();
  }
  // Nothing dated: no bars, and the count of the undated is said.
  const page = await open('?corpus=fixtures/wire.jsonl', undefined, '.load-status.ok');
  assert.equal(await caption(page), 'No dated articles · 240 undated');
  assert.equal(await timeline(page).count(), 0);
  await page.context().close();
});

test('one speaker has a profile: names as written, roles, first and last quote, whom they talk about, who else speaks, the articles', async () => {
  const page = await open('?view=quotes&speaker=alexander-lukashenko');
  const profile = page.locator('.profile');
  assert.equal(await profile.locator('h2').textContent(), 'Alexander Lukashenko person');
  assert.match(await profile.locator('.facts').innerText(), /^Quoted 19 times in 2 articles, first on 5 May 2022, last on 31 March 2023\./);
  const row = async (term) => profile.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText();
  const written = await row('Written as');
  for (const variant of ['Lukashenko 10', 'Alexander Lukashenko 5', 'Belarus President Alexander Lukashenko 1']) assert.ok(written.includes(variant), written);
  assert.equal(await profile.locator('dd q').first().textContent(), 'Lukashenko');
  assert.match(await row('Titles and roles'), /Belarus President/);
  assert.match(await row('Talks most about'), /^Russia 3, Ukraine 2/);
  assert.match(await row('Quoted alongside'), /Dmitry Peskov 1/);
  assert.equal(await profile.locator('.profile-articles li').count(), 2);
  // Its own small timeline, named and with a table.
  assert.equal(await profile.locator('.timeline figcaption').textContent(), 'Quotes per month, May 2022 – March 2023');
  assert.equal(await profile.locator('svg[data-timeline="profile-timeline"]').getAttribute('aria-labelledby'), 'profile-timeline-caption');
  await page.screenshot({ path: path.join(shots, 'profile-speaker-desktop.png'), fullPage: true });
  // What they talk about is a link to those quotes.
  await profile.locator('dd a', { hasText: 'Russia' }).click();
  await page.waitForURL(/speaker=alexander-lukashenko&about=russia/);
  assert.equal(await page.locator('.quote-item').count(), 3);
  // The first quote's date opens its article at that quote.
  await page.goto(base + '?view=quotes&speaker=alexander-lukashenko');
  await profile.locator('.facts a', { hasText: '31 March 2023' }).first().click();
  await page.waitForSelector('.reader .quote.marked');
  assert.match(page.url(), /quote=002_3b104472c2dad064%3A\d+|quote=002_3b104472c2dad064:\d+/);
  await page.context().close();
  // In an opened corpus and in an index.
  for (const corpus of ['fixtures/dated.jsonl', 'fixtures/dated-index/index.json']) {
    const opened = await open(`?corpus=${corpus}&view=quotes&speaker=ola-strand`, { width: 390, height: 844 }, '.load-status.ok');
    const p = opened.locator('.profile');
    assert.match(await p.locator('.facts').innerText(), /^Quoted 3 times in 3 articles, first on 10 January 2024, last on 20 March 2024\./, corpus);
    assert.match(await p.innerText(), /harbour master/);
    assert.match(await p.locator('dt', { hasText: 'Quoted alongside' }).locator('xpath=following-sibling::dd[1]').innerText(), /^Eva Nyberg 2$/);
    assert.match(await p.locator('dt', { hasText: 'Talked about by' }).locator('xpath=following-sibling::dd[1]').innerText(), /^Eva Nyberg 1$/);
    if (corpus.endsWith('.jsonl')) await opened.screenshot({ path: path.join(shots, 'profile-speaker-phone.png'), fullPage: true });
    await opened.context().close();
  }
});

test('one place, person or organisation has a profile: how often and where it is named, who talks about it', async () => {
  const page = await open('?place=russia');
  const profile = page.locator('.profile');
  assert.equal(await profile.locator('h2').textContent(), 'Russia place');
  assert.match(await profile.locator('.facts').innerText(), /Named \d+ times in 2 articles, first on 5 May 2022, last on 31 March 2023\. Named in 3 quotes/);
  assert.match(await profile.locator('dt', { hasText: 'Talked about by' }).locator('xpath=following-sibling::dd[1]').innerText(), /^Alexander Lukashenko 3$/);
  assert.match(await profile.locator('.timeline figcaption').textContent(), /^Articles per month/);
  await page.screenshot({ path: path.join(shots, 'profile-place-desktop.png'), fullPage: true });
  await profile.locator('.facts a', { hasText: 'the quotes about it' }).click();
  await page.waitForURL(/view=quotes&about=russia/);
  assert.equal(await page.locator('.quote-item').count(), 3);
  // Two chosen: no profile.
  await page.goto(base + '?place=russia&org=kremlin');
  await page.waitForSelector('.card');
  assert.equal(await profile.count(), 0);
  // A key this corpus does not know says so.
  await page.goto(base + '?person=nobody-here');
  await page.waitForSelector('.summary');
  assert.equal(await profile.locator('h2').innerText(), 'Not in this corpus');
  await page.context().close();
});

test('who is quoted: the speakers of the view with their share, a click chooses one, the facet stays', async () => {
  const page = await open('?view=quotes');
  const voices = page.locator('.voices .voice');
  const rows = await voices.allInnerTexts();
  assert.match(await page.locator('.voices-total').innerText(), /^Share of the 24 quotes listed$/);
  assert.match(rows[0], /^Alexander Lukashenko\s+19 · 79%$/);
  assert.ok(rows.length >= 2 && rows.length <= 8, rows.join(' | '));
  assert.equal(await page.locator('.voices h2').textContent(), 'Who is quoted');
  await voices.filter({ hasText: 'Vladimir Putin' }).click();
  await page.waitForURL(/speaker=vladimir-putin/);
  assert.equal(await page.locator('.voices .voice[aria-current="true"]').innerText().then((t) => t.replace(/\s+/g, ' ')), 'Vladimir Putin 2 · 8%');
  assert.ok((await speakers(page)).every((s) => s === 'Vladimir Putin'));
  assert.ok(await page.locator('#facet-speaker ~ ul .facet-value').count() >= 2, 'the facet list stays');
  await page.screenshot({ path: path.join(shots, 'who-is-quoted-desktop.png') });
  await page.context().close();
});

test('a quote is a link: it opens the article scrolled to the quote and marked; Copy gives it with its citation', async () => {
  const page = await open('?view=quotes&speaker=vladimir-putin', { width: 1280, height: 700 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const first = page.locator('.quote-item').first();
  const quote = await first.locator('blockquote').textContent();
  const href = await first.locator('.meta > a:not(.speaker)').getAttribute('href');
  assert.match(href, /\?quote=[^&]+(%3A|:)\d+$/);
  await first.locator('.copy-quote').click();
  await page.waitForSelector('.toast:has-text("Quote copied")');
  const [text, html] = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return Promise.all(['text/plain', 'text/html'].map(async (t) => (await item.getType(t)).text()));
  });
  const [cited, link] = text.split('\n');
  // A quote that ends in no punctuation of its own gets a comma.
  assert.ok(cited.startsWith(quote.trim()) && /^,? Vladimir Putin, War in Ukraine: /.test(cited.slice(quote.trim().length)), cited);
  assert.match(cited, /, 31 March 2023$/);
  assert.ok(link.startsWith('http://') && link.includes('quote='), link);
  assert.match(html, /^<p>.*Vladimir Putin, <cite><a href="http:[^"]*quote=[^"]*">[^<]+<\/a><\/cite>, 31 March 2023<\/p>$/);
  // The link, opened fresh: the article, its quote marked and in view.
  const opened = await open(link.slice(link.indexOf('?')), { width: 1280, height: 700 }, '.reader .quote.marked');
  const marked = opened.locator('.reader .quote.marked').first();
  assert.equal(await opened.locator('.reader .quote.marked').allTextContents().then((t) => t.join('')), quote);
  await opened.waitForFunction(() => { const r = document.querySelector('.reader .quote.marked').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(await marked.isVisible());
  await opened.screenshot({ path: path.join(shots, 'quote-link-desktop.png') });
  // A link to no quote of the article says so and shows the article.
  await opened.goto(base + '?quote=002_3b104472c2dad064:1');
  await opened.waitForSelector('.reader .notice');
  assert.match(await opened.locator('.reader .notice').innerText(), /No quote of this article starts at byte 1/);
  await opened.context().close();
  await page.context().close();
  // A browser that refuses the clipboard: the reason, and the link to copy by hand.
  const refused = await fresh({ init: () => { navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')); } });
  await refused.goto(base + '?view=quotes');
  await refused.locator('.copy-quote').first().click();
  await refused.waitForSelector('.toast:has-text("could not be copied")');
  assert.match(await refused.locator('.toast').innerText(), /Write permission denied\.\). Its link: http:\/\/\S+quote=/);
  await refused.context().close();
});

test('a quote link keeps an opened corpus and an index, and opens the quote in it', async () => {
  for (const corpus of ['fixtures/dated.jsonl', 'fixtures/dated-index/index.json']) {
    const page = await open(`?corpus=${corpus}&view=quotes&speaker=eva-nyberg`, undefined, '.load-status.ok');
    const href = await page.locator('.quote-item .meta > a:not(.speaker)').last().getAttribute('href');
    assert.match(href, /corpus=fixtures%2Fdated/, href);
    assert.match(href, /quote=d2(:|%3A)58/, href);
    await page.locator('.quote-item .meta > a:not(.speaker)').last().click();
    await page.waitForSelector('.reader .quote.marked');
    assert.equal(await page.locator('.reader .quote.marked').textContent(), '“Bergen waits,”');
    assert.equal(await page.locator('.reader .title').textContent(), 'Crane delayed');
    await page.context().close();
  }
});

test('a view exports its quotes as JSON and its articles as JSONL that opens again as the same corpus', async () => {
  const page = await open('?view=quotes&speaker=alexander-lukashenko&q=negotiations');
  const save = async (what) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button.download[data-export=${what}]`).click()]);
    return [download.suggestedFilename(), fs.readFileSync(await download.path(), 'utf8')];
  };
  const [name, json] = await save('json');
  assert.equal(name, 'broadsheet-quotes.json');
  const quotes = JSON.parse(json);
  assert.equal(quotes.length, 3);
  for (const q of quotes) {
    assert.deepEqual(Object.keys(q), ['quote', 'speaker', 'speaker_key', 'kind', 'cue', 'about', 'article_id', 'article_title', 'date', 'start', 'end', 'speaker_start', 'speaker_end', 'link']);
    assert.equal(q.speaker_key, 'alexander-lukashenko');
    assert.match(q.quote, /negotiations/i);
    assert.ok(q.end > q.start && q.link.includes(`quote=${q.article_id}`), JSON.stringify(q));
  }
  const [jsonlName, jsonl] = await save('jsonl');
  assert.equal(jsonlName, 'broadsheet-articles.jsonl');
  assert.equal(jsonl.trim().split('\n').length, 2, 'the two articles of the view');
  // Opened again, from a link: the same articles and the same quotes.
  const before = { titles: await page.locator('.quote-item .meta > a:not(.speaker)').allTextContents(), quotes: await quoteTexts(page) };
  await page.route(/\/fixtures\/shared\.jsonl$/, (route) => route.fulfill({ contentType: 'application/x-ndjson', body: jsonl }));
  await page.goto(base + '?corpus=fixtures/shared.jsonl&view=quotes&speaker=alexander-lukashenko&q=negotiations');
  await page.waitForSelector('.load-status.ok');
  assert.match(await page.locator('.load-status').innerText(), /Loaded 2 articles/);
  assert.deepEqual({ titles: await page.locator('.quote-item .meta > a:not(.speaker)').allTextContents(), quotes: await quoteTexts(page) }, before);
  await page.goto(base + '?corpus=fixtures/shared.jsonl&view=quotes');
  await page.waitForSelector('.load-status.ok');
  assert.match(await page.locator('.summary').innerText(), /^24 of 24 quotes/);
  // The article view exports its articles too; a view of no quote gives an empty list.
  await page.goto(base + '?q=zzzzqq&view=quotes');
  await page.waitForSelector('.empty');
  assert.deepEqual(JSON.parse((await save('json'))[1]), []);
  await page.context().close();
});

test('on a phone the results come first, the filters open from "Filters (n)", the chips stay above the results', async () => {
  const phone = { width: 390, height: 844 };
  const page = await open('?view=quotes&speaker=alexander-lukashenko&kind=full', phone);
  const toggle = page.locator('#filters-toggle');
  assert.equal(await toggle.innerText(), 'Filters (2)');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#filters').isVisible(), false, 'the filters are closed');
  assert.ok(await page.locator('.chips').isVisible());
  assert.ok((await page.locator('.chips').boundingBox()).y < (await page.locator('.quote-item').first().boundingBox()).y);
  assert.ok((await page.locator('main').boundingBox()).y < phone.height * 0.6, 'the results start on the first screen');
  await page.screenshot({ path: path.join(shots, 'phone-filters-closed.png') });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.locator('#filters').isVisible());
  await page.screenshot({ path: path.join(shots, 'phone-filters-open.png') });
  await page.locator('#facet-place ~ ul .facet-value', { hasText: 'Russia' }).click();
  await page.waitForURL(/place=russia/);
  assert.equal(await toggle.innerText(), 'Filters (3)');
  // Escape closes the panel and gives the focus back to its button.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#filters').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'filters-toggle');
  await toggle.click();
  await page.locator('.close-filters').click();
  assert.equal(await page.locator('#filters').isVisible(), false);
  // Wide screens show the filters beside the results, with no button.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(await page.locator('#filters').isVisible());
  assert.equal(await toggle.isVisible(), false);
  await page.context().close();
});

test('the keyboard: focus stays on the filter that was chosen, "/" goes to the search box', async () => {
  const page = await open('?view=quotes');
  const putin = page.locator('#facet-speaker ~ ul .facet-value', { hasText: 'Vladimir Putin' });
  await putin.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/speaker=vladimir-putin/);
  await page.waitForFunction(() => document.activeElement?.dataset?.focus === 'vladimir-putin');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true');
  // And again to leave it: the same control keeps the focus.
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.href.includes('speaker='));
  await page.waitForFunction(() => document.activeElement?.dataset?.focus === 'vladimir-putin');
  // A mouse click on a chart's speaker too.
  await page.locator('.voices .voice', { hasText: 'Dmitry Peskov' }).click();
  await page.waitForURL(/speaker=dmitry-peskov/);
  await page.waitForFunction(() => document.activeElement?.closest('.voices') && document.activeElement.dataset.focus === 'dmitry-peskov');
  // "/" focuses the search box, but types a slash in a field.
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('a/b');
  assert.equal(await page.inputValue('#q'), 'a/b');
  await page.context().close();
});

test('axe-core finds no violation on any main view, at desktop and phone width, light and dark', async () => {
  const axe = fs.readFileSync(path.join(here, '../../tools/node_modules/axe-core/axe.min.js'), 'utf8');
  const views = { articles: '', quotes: '?view=quotes', grouped: '?view=quotes&group=speaker', speaker: '?view=quotes&speaker=alexander-lukashenko',
    place: '?place=russia', quote: '?quote=002_3b104472c2dad064:432', article: '?article=000_36cf100171f11d27&q=war',
    opened: '?corpus=fixtures/dated.jsonl&view=quotes&speaker=ola-strand' };
  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      for (const [name, view] of Object.entries(views)) {
        await page.goto(base + view);
        await page.waitForSelector(view.includes('corpus=') ? '.load-status.ok' : '.summary, .reader');
        // axe is added as a script of the test's own (the page's policy is for the page's scripts).
        await page.evaluate(axe);
        const found = await page.evaluate(async () => (await window.axe.run(document)).violations
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
        assert.deepEqual(found, [], `${view || 'articles'} at ${viewport.width}px, ${colorScheme}`);
        await page.screenshot({ path: path.join(shots, `view-${name}-${viewport.width < 700 ? 'phone' : 'desktop'}-${colorScheme}.png`) });
        if (viewport.width < 700 && !view.includes('corpus')) {
          // The phone's filters panel, opened.
          const toggle = page.locator('#filters-toggle');
          if (await toggle.isVisible()) {
            await toggle.click();
            const open = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => v.id));
            assert.deepEqual(open, [], `${view} with the filters open, ${colorScheme}`);
          }
        }
      }
      await context.close();
    }
  }
});

test('no page errors were raised', () => {
  assert.deepEqual(errors, []);
});
