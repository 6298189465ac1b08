// Makes dist/broadsheet.html: one file with the stylesheet, the code and the
// bundled corpus inside, that works when opened straight from disk (file://)
// and can be mailed. Run after `trunk build --release --offline`; it starts
// from trunk's dist/index.html and inlines what that page would fetch.
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
const files = fs.readdirSync(dist);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`dist/ has no file matching ${re}; run trunk build first`);
  return path.join(dist, f);
};
const page = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const css = fs.readFileSync(pick(/^main-.*\.css$/), 'utf8');
const glue = fs.readFileSync(pick(/^broadsheet-[0-9a-f]+\.js$/), 'utf8');
const wasm = fs.readFileSync(pick(/^broadsheet-[0-9a-f]+_bg\.wasm$/)).toString('base64');
const extractorGlue = fs.readFileSync(pick(/^broadsheet-extractor\.js$/), 'utf8');
const extractorWasm = fs.readFileSync(pick(/^broadsheet-extractor_bg\.wasm$/)).toString('base64');
const scriptText = (js) => js.replaceAll('</script', '<\\/script');

// The glue is an ES module; a blob URL lets the page import it without a server.
const inline = `<style>${css}</style>
<script type="application/octet-stream" id="broadsheet-wasm">${wasm}</script>
<script type="text/plain" id="broadsheet-glue">${scriptText(glue)}</script>
<script type="application/octet-stream" id="broadsheet-extractor-wasm">${extractorWasm}</script>
<script type="text/plain" id="broadsheet-extractor-glue">${scriptText(extractorGlue)}</script>
<script type="module">
const text = (id) => document.getElementById(id).textContent;
const bytes = (id) => Uint8Array.from(atob(text(id)), (c) => c.charCodeAt(0));
// The extractor runs in workers, which import its glue from source and instantiate its bytes
// (see src/worker.rs); they are decoded the first time a corpus is opened, not at every start.
window.broadsheetExtractorGlue = text('broadsheet-extractor-glue');
let extractorWasm;
Object.defineProperty(window, 'broadsheetExtractorWasm', { get: () => (extractorWasm ??= bytes('broadsheet-extractor-wasm')) });
const url = URL.createObjectURL(new Blob([text('broadsheet-glue')], { type: 'text/javascript' }));
const { default: init } = await import(url);
await init({ module_or_path: bytes('broadsheet-wasm') });
</script>
</head>`;
const stripped = page
  .replace(/<link rel="stylesheet"[^>]*>/, '')
  .replace(/<script type="module">[\s\S]*?<\/script>/, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
if (stripped.includes('./broadsheet-') || stripped.includes('./main-')) throw new Error('dist/index.html has an unexpected shape');
const html = stripped.replace('</head>', () => inline);
fs.writeFileSync(path.join(dist, 'broadsheet.html'), html);
console.log(`dist/broadsheet.html: ${(html.length / 1024).toFixed(0)} KB`);
