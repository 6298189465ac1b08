// What the seed page transfers: every file it fetches until its cards are shown
// and the network is quiet, each gzipped at level 9 as a server would send it.
// The first line of browser.mjs, and the size gate (size-gate.mjs).
import zlib from 'node:zlib';

export async function seedPageBytes(browser, url) {
  const page = await browser.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => zlib.gzipSync(b, { level: 9 }).length, () => 0)));
  await page.goto(url);
  await page.waitForSelector('.card');
  await page.waitForLoadState('networkidle');
  page.removeAllListeners('response');
  const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await page.close();
  return { bytes, files: bodies.length };
}
