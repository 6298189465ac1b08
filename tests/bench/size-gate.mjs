// The seed page's size budget (issue 14): fails when the page transfers more
// than 240 KB (240,000 bytes) gzipped. Run by .ci/test after the build; the
// figures and how they moved are in BENCHMARKS.md.
import path from 'node:path';
import { serve } from '../e2e/serve.mjs';
import { seedPageBytes } from './seed-page.mjs';

const BUDGET = 240_000;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = await import(path.join(root, 'tools/node_modules/playwright-core/index.mjs'));
const { server, url } = await serve(8812);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const { bytes, files } = await seedPageBytes(browser, url);
await browser.close();
server.close();
const within = bytes <= BUDGET;
console.log(`seed page: ${bytes.toLocaleString('en')} bytes gzipped in ${files} files; budget ${BUDGET.toLocaleString('en')}: ${within ? 'within' : 'OVER'}`);
process.exit(within ? 0 : 1);
