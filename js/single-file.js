// Starts the single-file build (broadsheet.html, made by .ci/single-file.mjs):
// the app's glue is bundled with this script into one inline module, and its
// wasm module is carried in the page in base64 — a page opened from disk
// (file://) can fetch nothing beside it.
import init from 'broadsheet:glue';

const carried = document.getElementById('broadsheet-wasm').textContent;
await init({ module_or_path: Uint8Array.from(atob(carried), (c) => c.charCodeAt(0)) });
