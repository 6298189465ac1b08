// Makes dist/broadsheet.html: one file with the stylesheet, the code and the
// bundled corpus inside, that works when opened straight from disk (file://)
// and can be mailed. Run after `trunk build --release --offline`.
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
const files = fs.readdirSync(dist);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`dist/ has no file matching ${re}; run trunk build first`);
  return path.join(dist, f);
};
const css = fs.readFileSync(pick(/^main-.*\.css$/), 'utf8');
const glue = fs.readFileSync(pick(/^broadsheet-[0-9a-f]+\.js$/), 'utf8');
const wasm = fs.readFileSync(pick(/^broadsheet-[0-9a-f]+_bg\.wasm$/)).toString('base64');

// The glue is an ES module; a blob URL lets the page import it without a server.
const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Broadsheet — who said what, about whom, when</title>
<link rel="icon" href="data:,">
<style>${css}</style>
<script type="application/octet-stream" id="broadsheet-wasm">${wasm}</script>
<script type="text/plain" id="broadsheet-glue">${glue.replaceAll('</script', '<\\/script')}</script>
<script type="module">
const glue = document.getElementById('broadsheet-glue').textContent;
const url = URL.createObjectURL(new Blob([glue], { type: 'text/javascript' }));
const { default: init } = await import(url);
const bytes = Uint8Array.from(atob(document.getElementById('broadsheet-wasm').textContent), (c) => c.charCodeAt(0));
await init({ module_or_path: bytes });
</script>
</head>
<body>
<noscript>Broadsheet needs JavaScript and WebAssembly to read the articles.</noscript>
</body>
</html>
`;
fs.writeFileSync(path.join(dist, 'broadsheet.html'), html);
console.log(`dist/broadsheet.html: ${(html.length / 1024).toFixed(0)} KB`);
