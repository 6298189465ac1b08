// Makes dist/broadsheet.html: one file with the stylesheet, the code and the
// bundled corpus inside, that works when opened straight from disk (file://)
// and can be mailed. Run after `trunk build --release --offline`; it starts
// from trunk's dist/index.html and puts in it what that page would fetch.
//
// It carries a Content-Security-Policy of its own, made from the page's: the
// two inline scripts and the stylesheet allowed by their hashes, computed
// here, and workers from blob: URLs (there are no files beside it; the page's
// js/page.js makes them from the carried worker script).
//   - an inline module: js/single-file.js bundled with the app's glue and its
//     snippets (esbuild), which starts the app from its carried wasm;
//   - an inline script: the extractor's glue as a script that defines
//     `broadsheetExtractorGlue`, for extraction on the page and, with
//     js/extract-worker.js after it, in workers;
//   - data that is not run: the wasm modules in base64 (the page's, its loading
//     module, which the bundled split JS takes from here instead of fetching
//     it, and the extractor's) and the worker's script.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const esbuild = createRequire(path.join(root, 'tools/package.json'))('esbuild');
const files = fs.readdirSync(dist);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`dist/ has no file matching ${re}; run trunk build first`);
  return path.join(dist, f);
};
const read = (file) => fs.readFileSync(file, 'utf8');
const base64 = (file) => fs.readFileSync(file).toString('base64');
// Text inside a <script> or <style> element must not close it.
const inElement = (text) => text.replaceAll('</script', '<\\/script').replaceAll('</style', '<\\/style');
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const page = read(path.join(dist, 'index.html'));
const css = inElement(read(pick(/^main-.*\.css$/)));
// The page's loading module (.ci/split-module.mjs) is fetched by its split JS; here it is carried.
const loadingModule = pick(/^broadsheet-loading-[0-9a-f]+\.wasm$/);
const fetchOfLoading = new RegExp(`fetch\\(\\s*new URL\\(\\s*["']\\./${path.basename(loadingModule).replaceAll('.', '\\.')}["']\\s*,\\s*import\\.meta\\.url\\s*\\)\\s*\\)`);
const carriedLoading = {
  name: 'carried-loading-module',
  setup(build) {
    build.onLoad({ filter: /broadsheet-split-[0-9a-f]+\.js$/ }, (args) => {
      const text = read(args.path);
      if (!fetchOfLoading.test(text)) throw new Error(`${args.path} does not fetch ${path.basename(loadingModule)}`);
      const carried = `Promise.resolve(new Response(Uint8Array.from(atob(document.getElementById('broadsheet-loading-wasm').textContent), (c) => c.charCodeAt(0)), { headers: { 'Content-Type': 'application/wasm' } }))`;
      return { contents: text.replace(fetchOfLoading, carried), loader: 'js' };
    });
  },
};
const start = await esbuild.build({
  entryPoints: [path.join(root, 'js/single-file.js')],
  alias: { 'broadsheet:glue': pick(/^broadsheet-[0-9a-f]+\.js$/) },
  plugins: [carriedLoading],
  bundle: true, format: 'esm', minify: true, legalComments: 'none', write: false, logLevel: 'error',
});
const app = inElement(start.outputFiles[0].text);
const extractorGlue = inElement(esbuild.transformSync(read(pick(/^broadsheet-extractor\.js$/)), {
  format: 'iife', globalName: 'broadsheetExtractorGlue', minify: true, legalComments: 'none', logLevel: 'error',
}).code);
const worker = inElement(read(path.join(dist, 'extract-worker.js')));

// The page's own policy, with what a file that fetches nothing needs instead.
const policyOf = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
const served = policyOf.exec(page);
if (!served) throw new Error('dist/index.html has no Content-Security-Policy');
const directives = new Map(served[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
directives.set('default-src', ["'none'"]);
directives.set('script-src', [hash(app), hash(extractorGlue), "'wasm-unsafe-eval'"]);
directives.set('style-src', [hash(css)]);
directives.set('worker-src', ['blob:']);
const policy = [...directives].map(([name, values]) => [name, ...values].join(' ')).join('; ');

const inline = `<style>${css}</style>
<script type="application/octet-stream" id="broadsheet-wasm">${base64(pick(/^broadsheet-[0-9a-f]+_bg\.wasm$/))}</script>
<script type="application/octet-stream" id="broadsheet-loading-wasm">${base64(loadingModule)}</script>
<script type="application/octet-stream" id="broadsheet-extractor-wasm">${base64(pick(/^broadsheet-extractor_bg\.wasm$/))}</script>
<script type="text/plain" id="broadsheet-extract-worker">${worker}</script>
<script id="broadsheet-extractor-glue">${extractorGlue}</script>
<script type="module">${app}</script>
</head>`;
const stripped = page
  .replace(policyOf, () => `<meta http-equiv="Content-Security-Policy" content="${policy}">`)
  .replace(/<link rel="stylesheet"[^>]*>/, '')
  .replace(/<script type="module" src="[^"]*"><\/script>/, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
if (/\.\/(broadsheet-|main-|start\.js|snippets\/)/.test(stripped)) throw new Error('dist/index.html has an unexpected shape');
const html = stripped.replace('</head>', () => inline);
fs.writeFileSync(path.join(dist, 'broadsheet.html'), html);
console.log(`dist/broadsheet.html: ${(html.length / 1024).toFixed(0)} KB`);
