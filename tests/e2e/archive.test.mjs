// End-to-end: an index in format 3 (see crates/archive) in the built dist/, served
// under a sub-path with the page's policy, in headless Chromium. The page fetches the manifest,
// the article facts and the dictionary, then the quote facts, then only the chunks each view
// needs (never the table itself: that is for `merge`); every request is counted.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from './serve.mjs';
import { wire, describeViolation, launchChromium } from './fixtures.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.join(here, '../..');
const { chromium } = await import(path.join(root, 'tools/node_modules/playwright-core/index.mjs'));

/** `jsonl` indexed by the command-line program in format 3, ten articles a batch: { file: bytes }. */
function indexed(jsonl, extra = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-archive-'));
  fs.writeFileSync(path.join(dir, 'in.jsonl'), jsonl);
  execFileSync('cargo', ['run', '-q', '-p', 'broadsheet-cli', '--', 'index', path.join(dir, 'out'), path.join(dir, 'in.jsonl'), '--batch', '10', ...extra],
    { cwd: root, stdio: 'ignore' });
  const files = Object.fromEntries(fs.readdirSync(path.join(dir, 'out')).map((f) => [f, fs.readFileSync(path.join(dir, 'out', f))]));
  fs.rmSync(dir, { recursive: true });
  return files;
}

// The wire corpus (240 articles, 24 batches), with and without texts; and again without the
// cards chunk of its first batch, which is the only cards chunk of an index of those ten articles.
const lines = wire.split('\n');
const whole = indexed(wire);
const bare = indexed(wire, ['--no-text']);
const firstBatchCards = Object.keys(indexed(lines.slice(0, 10).join('\n'))).find((f) => f.startsWith('cards-'));
assert.ok(whole[firstBatchCards], 'the first batch of the whole index has the cards of its first ten articles');
const fixtures = {};
const add = (folder, files, skip = '') => {
  for (const [f, body] of Object.entries(files)) {
    if (f !== skip) fixtures[`/fixtures/${folder}/${f}`] = { type: f.endsWith('.json') ? 'application/json' : 'application/octet-stream', body };
  }
};
add('archive', whole);
add('archive-bare', bare);
add('archive-broken', whole, firstBatchCards);
const quoteFacts = Object.keys(whole).find((f) => f.startsWith('quote-facts-'));
add('archive-no-quote-facts', whole, quoteFacts);
// The same index, its article facts slow to arrive, or its quote facts: the progress bar shows meanwhile.
for (const [folder, slow] of [['archive-slow', 'article-facts-'], ['archive-quotes-slow', 'quote-facts-']]) {
  for (const [f, body] of Object.entries(whole)) {
    fixtures[`/fixtures/${folder}/${f}`] = { type: f.endsWith('.json') ? 'application/json' : 'application/octet-stream', body, delay: f.startsWith(slow) ? 1500 : 0 };
  }
}

let server, base, browser, reports;
const errors = [];
const violations = [];

before(async () => {
  ({ server, url: base, reports } = await serve(8797, fixtures));
  browser = await launchChromium(chromium);
});
after(async () => {
  await browser?.close();
  server?.close();
});
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 250));
  const seen = [...violations.splice(0), ...reports.splice(0).map(describeViolation)];
  assert.deepEqual(seen, [], 'Content-Security-Policy violations');
  assert.deepEqual(errors.splice(0), [], 'page errors');
});

/** A fresh page, and the files of the index folder `folder` it asks for, in order (by kind: `table`, `cards`…). */
async function fresh(folder) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.exposeBinding('reportViolation', (_, v) => violations.push(describeViolation(v)));
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
    window.reportViolation({ effectiveDirective: e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample, sourceFile: e.sourceFile })));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  const asked = [];
  page.on('request', (r) => {
    const m = new RegExp(`/fixtures/${folder}/([^?]+)`).exec(r.url());
    if (m) asked.push(m[1]);
  });
  const kinds = (kind) => asked.filter((f) => f.startsWith(`${kind}-`) || f === kind);
  return { page, asked, kinds };
}

const titles = (page) => page.locator('.card .title a').allTextContents();

test('an index in format 3 loads its facts up front and fetches content chunks only for the page of results shown', async () => {
  const { page, asked, kinds } = await fresh('archive');
  await page.goto(base + '?corpus=fixtures/archive/index.json');
  await page.waitForSelector('.card .title a >> text=Wire story 11');
  await page.waitForSelector('.load-status.ok');
  assert.deepEqual(await titles(page), Array.from({ length: 12 }, (_, i) => `Wire story ${i}`));
  assert.match(await page.locator('header').innerText(), /240 articles · 240 quotes · 2 speakers/);
  // Facets come from the table: both speakers, counted over all 240 articles.
  assert.deepEqual(await page.locator('#facet-speaker ~ ul .count').allTextContents(), ['120', '120']);
  // Who is quoted and the timeline come from the table too: the two speakers, half each.
  assert.deepEqual(await page.locator('.charts .voices .count').allTextContents(), ['120 · 50%', '120 · 50%']);
  assert.equal(await page.locator('.charts .timeline figcaption').count(), 1);
  assert.deepEqual(kinds('index.json').length, 1);
  assert.equal(kinds('article-facts').length, 1);
  assert.equal(kinds('quote-facts').length, 1);
  assert.equal(kinds('dictionary').length, 1);
  assert.deepEqual(kinds('table'), [], 'the table is for merge; the page reads the facts linked');
  assert.equal(kinds('cards').length, 2, `the cards of batches 0 and 1 only: ${asked}`);
  assert.deepEqual([...kinds('quotes'), ...kinds('articles'), ...kinds('words')], []);
  // The next page of cards needs one more batch.
  await page.locator('button.more').click();
  await page.waitForSelector('.card .title a >> text=Wire story 23');
  assert.equal(kinds('cards').length, 3);
  // A facet click filters in memory: no chunk but the cards of what it lists.
  await page.locator('#facet-speaker ~ ul a.facet-value').first().click();
  await page.waitForSelector('.chips');
  assert.match(await page.locator('.summary').innerText(), /^120 of 240 articles/);
  assert.deepEqual([...kinds('quotes'), ...kinds('articles'), ...kinds('words')], []);
  await page.context().close();
});

test('a search fetches the word chunks of the words typed, then the quotes it lists', async () => {
  const { page, kinds } = await fresh('archive');
  await page.goto(base + '?corpus=fixtures/archive/index.json&view=quotes&q=shipment%20237');
  await page.waitForSelector('.quote-item blockquote >> text=Shipment 237 is on its way');
  assert.match(await page.locator('.summary').innerText(), /^1 of 240 quotes/);
  assert.ok(kinds('words').length >= 1, 'the words typed');
  // The quote's own batch (articles 230–239): its quotes and its cards (for the title).
  assert.equal(kinds('quotes').length, 1);
  assert.equal(kinds('cards').length, 1);
  assert.deepEqual(kinds('articles'), []);
  assert.equal(await page.locator('.quote-item .meta a').last().innerText(), 'Wire story 237');
  await page.context().close();
});

test('a shared link to one article fetches only the chunk that holds it', async () => {
  const { page, asked, kinds } = await fresh('archive');
  await page.goto(base + '?corpus=fixtures/archive/index.json&article=w57');
  await page.waitForSelector('.reader .title');
  assert.equal(await page.locator('.reader .title').innerText(), 'Wire story 57');
  assert.match(await page.locator('.reader .body').innerText(), /Shipment 57 is on its way/);
  await page.waitForTimeout(300);
  assert.equal(kinds('articles').length, 1, `${asked}`);
  assert.deepEqual([...kinds('cards'), ...kinds('quotes'), ...kinds('words')], [], `${asked}`);
  // Its quotes are a link away, and need only their own batch.
  await page.locator('.reader-nav a', { hasText: 'Only this article' }).click();
  await page.waitForSelector('.quote-item blockquote >> text=Shipment 57 is on its way');
  assert.equal(kinds('quotes').length, 1);
  await page.context().close();
});

test('a quote\'s own link opens its article at the quote, fetching only what holds it', async () => {
  let { page } = await fresh('archive');
  let kinds, asked;
  // In the quote list, a quote links to its own place; so does its label in the opened article.
  await page.goto(base + '?corpus=fixtures/archive/index.json&view=quotes&q=shipment%2057');
  await page.waitForSelector('.quote-item blockquote >> text=Shipment 57 is on its way');
  assert.match(await page.locator('.quote-item .meta a').last().getAttribute('href'), /quote=w57(:|%3A)\d+/);
  await page.goto(base + '?corpus=fixtures/archive/index.json&article=w57');
  const link = await page.locator('.reader .speaker-label').first().getAttribute('href');
  assert.match(link, /quote=w57(:|%3A)\d+/);
  await page.context().close();
  // Shared: the article's own chunk, and nothing else; the quote marked.
  ({ page, kinds, asked } = await fresh('archive'));
  await page.goto(new URL(link, base).href);
  await page.waitForSelector('.reader .quote.marked');
  assert.match((await page.locator('.reader .quote.marked').allInnerTexts()).join(''), /Shipment 57 is on its way/);
  await page.waitForTimeout(300);
  assert.equal(kinds('articles').length, 1, `${asked}`);
  assert.deepEqual([...kinds('cards'), ...kinds('quotes'), ...kinds('words')], [], `${asked}`);
  await page.context().close();
  // Without texts the article's quotes are listed, that one marked; a start no quote has is said.
  ({ page, kinds } = await fresh('archive-bare'));
  const bare = new URL(link.replace(/archive(%2F|\/)index/, 'archive-bare$1index'), base).href;
  await page.goto(bare);
  await page.waitForSelector('.reader .quote-item[aria-current="true"] blockquote >> text=Shipment 57 is on its way');
  assert.deepEqual(kinds('articles'), []);
  await page.goto(bare.replace(/(quote=w57(:|%3A))\d+/, '$1999999'));
  await page.waitForSelector('.reader .notice >> text=/No quote of this article starts at byte 999999/');
  await page.context().close();
});

test('without texts a card links to where the article is published, and an opened article shows its quotes', async () => {
  const { page, kinds } = await fresh('archive-bare');
  await page.goto(base + '?corpus=fixtures/archive-bare/index.json&article=w3');
  await page.waitForSelector('.reader .quote-item blockquote >> text=Shipment 3 is on its way');
  assert.equal(await page.locator('.reader .title').innerText(), 'Wire story 3');
  assert.deepEqual(kinds('articles'), []);
  await page.context().close();
});

test('a chunk that cannot be read is named, and the rest of the index keeps working', async () => {
  const { page } = await fresh('archive-broken');
  await page.goto(base + '?corpus=fixtures/archive-broken/index.json');
  await page.waitForSelector('.chunk-errors');
  assert.match(await page.locator('.chunk-errors').innerText(), new RegExp(`${firstBatchCards.replace('.', '\\.')} was not found \\(404\\)`));
  await page.waitForSelector('.card .title a >> text=Wire story 11');
  assert.deepEqual((await titles(page)).slice(10), ['Wire story 10', 'Wire story 11']);
  assert.equal(await page.locator('.card .lead.failed').count(), 10);
  // The quotes view reads other chunks: it works, and says nothing of the cards it does not need.
  await page.locator('a.tab', { hasText: 'Quotes' }).click();
  await page.waitForSelector('.quote-item blockquote >> text=Shipment 0 is on its way');
  await page.waitForSelector('.chunk-errors');
  await page.context().close();
});

test('the progress bar shows while the table arrives', async () => {
  const { page } = await fresh('archive-slow');
  await page.goto(base + '?corpus=fixtures/archive-slow/index.json');
  // Before the manifest is read the status counts the one file asked for; then the table's kilobytes.
  await page.waitForSelector('.load-status >> text=/its table, kB/');
  assert.equal(await page.locator('.load-status progress').count(), 1);
  await page.waitForSelector('.card .title a >> text=Wire story 0');
  await page.context().close();
});

test('the articles view shows before the quote facts arrive; the quotes view waits for them', async () => {
  const { page } = await fresh('archive-quotes-slow');
  await page.goto(base + '?corpus=fixtures/archive-quotes-slow/index.json&view=quotes');
  await page.waitForSelector('.load-status >> text=/its quotes, kB/');
  assert.match(await page.locator('.summary').innerText(), /^240 quotes, loading…/);
  await page.waitForSelector('.list .pending');
  await page.waitForSelector('.quote-item blockquote >> text=Shipment 0 is on its way');
  assert.match(await page.locator('.summary').innerText(), /^240 of 240 quotes/);
  await page.goto(base + '?corpus=fixtures/archive-quotes-slow/index.json');
  await page.waitForSelector('.load-status >> text=/its quotes, kB/');
  await page.waitForSelector('.card .title a >> text=Wire story 11');
  // Who is quoted is counted per article: it does not wait.
  assert.deepEqual(await page.locator('.charts .voices .count').allTextContents(), ['120 · 50%', '120 · 50%']);
  assert.match(await page.locator('.load-status').innerText(), /its quotes, kB/);
  await page.context().close();
});

test('quote facts that cannot be read are named; the articles view keeps working', async () => {
  const { page } = await fresh('archive-no-quote-facts');
  await page.goto(base + '?corpus=fixtures/archive-no-quote-facts/index.json');
  await page.waitForSelector('.load-status >> text=/its quotes could not be read/');
  assert.match(await page.locator('.load-status').innerText(), new RegExp(`${quoteFacts.replace('.', '\\.')} was not found \\(404\\)`));
  await page.waitForSelector('.card .title a >> text=Wire story 11');
  await page.locator('#facet-speaker ~ ul a.facet-value').first().click();
  await page.waitForSelector('.chips');
  assert.match(await page.locator('.summary').innerText(), /^120 of 240 articles/);
  // The quote list cannot be answered: it says why rather than wait.
  await page.locator('a.tab', { hasText: 'Quotes' }).click();
  await page.waitForSelector(`.chunk-errors >> text=/${quoteFacts.replace('.', '\\.')}/`);
  assert.equal(await page.locator('.list .pending').count(), 0);
  await page.context().close();
});
