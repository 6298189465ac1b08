// End-to-end in a second engine: the main flows in headless Firefox ESR, driven
// over WebDriver (geckodriver, from selenium-webdriver), on dist/ served with
// the page's Content-Security-Policy as a header. A page error, a dialog or a
// policy violation (reported to the server, or seen by the page) fails the test.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';
import { fixtures, hostile, hostileArticles, describeViolation } from './fixtures.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, '../../tools/package.json'));
const { Builder, By, until } = require('selenium-webdriver');
const firefox = require('selenium-webdriver/firefox');
const shots = path.join(here, '../../target/screenshots');
fs.mkdirSync(shots, { recursive: true });
// Nothing is downloaded: the browser and its driver are the ones .ci/install put here.
process.env.SE_OFFLINE = 'true';

// geckodriver as `cargo install` put it: on the PATH, or in ~/.cargo/bin.
const geckodriver = () => [...(process.env.PATH ?? '').split(path.delimiter), path.join(os.homedir(), '.cargo/bin')]
  .map((dir) => path.join(dir, 'geckodriver')).find((file) => fs.existsSync(file)) ?? 'geckodriver';

let server, base, reports, driver;
let expected = [];

before(async () => {
  ({ server, url: base, reports } = await serve(8798, fixtures));
  const options = new firefox.Options().setBinary(process.env.FIREFOX || '/usr/bin/firefox-esr').addArguments('-headless').windowSize({ width: 1280, height: 900 });
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER || geckodriver());
  driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
});
after(async () => {
  await driver?.quit();
  server?.close();
});
afterEach(async () => {
  const seen = await driver.executeScript('return window.seen ? window.seen.splice(0) : []');
  await driver.sleep(250);
  const all = [...seen.map((s) => s.startsWith('violation: ') ? s : `page error: ${s}`), ...reports.splice(0).map((r) => `violation: ${describeViolation(r)}`)];
  const unexpected = all.filter((v) => !expected.some((pattern) => pattern.test(v)));
  expected = [];
  assert.deepEqual(unexpected, [], 'page errors, dialogs or Content-Security-Policy violations');
});

// What the page shows: the text of every element `selector` matches.
const texts = (selector) => driver.executeScript('return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent)', selector);
const waitFor = (selector) => driver.wait(until.elementLocated(By.css(selector)), 20000);
const waitForUrl = (pattern) => driver.wait(async () => pattern.test(await driver.getCurrentUrl()), 10000);

// Opens `query` and starts watching for errors, dialogs and violations (WebDriver runs
// scripts only once a page has loaded, so the page's first moments are left to the reports).
async function open(query = '', ready = '.summary') {
  await driver.get(base + query);
  await waitFor(ready);
  await driver.executeScript(() => {
    window.seen = [];
    addEventListener('error', (e) => window.seen.push(e.message));
    addEventListener('unhandledrejection', (e) => window.seen.push(String(e.reason)));
    document.addEventListener('securitypolicyviolation', (e) => window.seen.push(`violation: ${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
    window.alert = window.confirm = window.prompt = (message) => window.seen.push(`dialog: ${message}`);
  });
}

// Follows a link as the page's router does, without reloading (so the watchers stay).
const go = (query) => driver.executeScript((q) => { history.pushState(null, '', q); dispatchEvent(new PopStateEvent('popstate')); }, query);

test('Firefox: the seed views, the example link and the quote list', async () => {
  await open();
  assert.equal((await texts('.card')).length, 2);
  fs.writeFileSync(path.join(shots, 'firefox-articles.png'), await driver.takeScreenshot(), 'base64');
  await go('?view=quotes&speaker=alexander-lukashenko&q=negotiations');
  await driver.wait(async () => (await texts('.quote-item')).length === 3, 10000);
  for (const quote of await texts('.quote-item blockquote')) assert.match(quote.toLowerCase(), /negotiations/);
  assert.deepEqual([...new Set(await texts('.quote-item .speaker'))], ['Alexander Lukashenko']);
  await go('?view=quotes');
  await driver.wait(async () => (await texts('.quote-item')).length === 12, 10000);
  fs.writeFileSync(path.join(shots, 'firefox-quotes.png'), await driver.takeScreenshot(), 'base64');
});

test('Firefox: a search typed in the box filters the quotes and is kept in the URL', async () => {
  await open('?view=quotes');
  await driver.findElement(By.css('#q')).sendKeys('threaten');
  await waitForUrl(/q=threaten/);
  await driver.wait(async () => { const q = await texts('.quote-item blockquote'); return q.length > 0 && q.every((t) => /threaten/i.test(t)); }, 10000);
});

test('Firefox: an opened article highlights and labels every quote', async () => {
  await open();
  await driver.findElement(By.css('.card .title a')).click();
  await waitFor('.reader');
  await waitForUrl(/article=000_36cf100171f11d27/);
  assert.equal((await texts('.reader .speaker-label')).length, 10);
  assert.ok((await texts('.reader .ent.place')).length > 0, 'entity mentions are marked');
});

test('Firefox: a corpus of many articles is extracted in workers', async () => {
  await open();
  // Count the workers the page starts and what it warns of from here on.
  await driver.executeScript(() => {
    window.workers = 0;
    window.warnings = [];
    const Worker = window.Worker;
    window.Worker = function (...args) { window.workers += 1; return new Worker(...args); };
    const warn = console.warn;
    console.warn = (...args) => { window.warnings.push(args.join(' ')); warn(...args); };
  });
  await go('?corpus=fixtures/wire.jsonl&view=quotes&q=shipment%20237');
  await waitFor('.load-status.ok');
  assert.match((await texts('.load-status'))[0], /Loaded 240 articles/);
  assert.ok(await driver.executeScript('return window.workers') >= 1, 'a worker was started');
  assert.deepEqual(await driver.executeScript('return window.warnings'), []);
  await driver.wait(async () => (await texts('.quote-item blockquote')).join() === '“Shipment 237 is on its way,”', 10000);
  assert.deepEqual(await texts('.quote-item .speaker'), ['Lena Sorensen']);
});

test('Firefox: the strict policy is served and held to; a hostile corpus shows as text and runs nothing', async () => {
  await open();
  const response = await fetch(base);
  assert.match(response.headers.get('content-security-policy'), /require-trusted-types-for 'script'; trusted-types broadsheet/);
  expected = [/violation: (trusted-types|require-trusted-types-for)/];
  const held = await driver.executeScript(() => {
    try { document.createElement('div').innerHTML = '<b>x</b>'; return 'allowed'; } catch (e) { return e.name; }
  });
  assert.equal(held, 'TypeError', 'Trusted Types are enforced');
  // And the refusal is reported, so a violation anywhere else would be seen.
  await driver.wait(async () => reports.some((r) => /trusted-types/.test(describeViolation(r))), 5000);
  await go('?corpus=fixtures/hostile.jsonl');
  await waitFor('.load-status.ok');
  await driver.wait(async () => (await texts('.card .title a')).length === hostileArticles.length, 10000);
  assert.deepEqual(await texts('.card .title a'), hostileArticles.map((a) => a.title));
  await go('?corpus=fixtures/hostile.jsonl&view=quotes');
  await driver.wait(async () => (await texts('.quote-item blockquote')).includes(`“Nothing ${hostile.script} happens,”`), 10000);
  assert.equal(await driver.executeScript('return window.pwned'), null);
  // The page's own drawings (the charts) are the only svg.
  assert.equal((await texts('main img, main svg:not([data-timeline], .bar), main script, main b')).length, 0);
});
