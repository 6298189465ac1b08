// What the page's own wasm module needs of JavaScript, imported by its glue
// (a wasm-bindgen snippet): the page's one Trusted Types policy, and starting
// the extractor — its module fetched and compiled once for every worker, Web
// Workers that run extract-worker.js, or the extractor on the page itself.
// A file of its own, not code made from text, so that the page's
// Content-Security-Policy needs neither 'unsafe-eval' nor blob: scripts.
//
// The single-file build (broadsheet.html, .ci/single-file.mjs) has no files
// beside it: it carries the extractor's module in base64, its glue as an
// inline script that defines `broadsheetExtractorGlue`, and the worker's
// source, and workers are started from a blob made of those two scripts.

/* global broadsheetExtractorGlue */

const WORKER = 'extract-worker.js';
const EXTRACTOR_GLUE = 'broadsheet-extractor.js';
const EXTRACTOR_WASM = 'broadsheet-extractor_bg.wasm';

/** The element of the single-file build that holds `what`, if this is that build. */
const carried = (what) => document.getElementById(`broadsheet-${what}`);

/** A file beside the page, asked for with the build's version so no cached file of another build is used. */
const beside = (file, version) => new URL(`${file}?v=${version}`, document.baseURI).href;

/** Blob URLs made here for workers: with the worker's script, the only URLs the policy lets start one. */
const workerBlobs = new Set();

function isWorkerScript(url) {
  if (workerBlobs.has(url)) return true;
  const asked = new URL(url, document.baseURI);
  const script = new URL(WORKER, document.baseURI);
  return asked.origin === script.origin && asked.pathname === script.pathname;
}

// The page's policy, `broadsheet`, the only one its Content-Security-Policy
// allows. Its HTML comes only from the page's Html builder (src/markup.rs),
// whose markup is the code's own and whose every value is escaped; its script
// URLs only name the extraction worker. Without Trusted Types (or with a host
// policy that forbids this one) strings are used as they are.
let policy;
try {
  policy = globalThis.trustedTypes?.createPolicy('broadsheet', {
    createHTML: (html) => html,
    createScriptURL: (url) => {
      if (!isWorkerScript(url)) throw new TypeError(`${url} is not the extraction worker's script`);
      return url;
    },
  });
} catch (error) {
  console.warn(`Broadsheet could not make its Trusted Types policy: ${error}`);
}

/** `html`, made by src/markup.rs's Html, as a TrustedHTML for innerHTML. */
export function trustedHtml(html) {
  return policy ? policy.createHTML(html) : html;
}

/**
 * Resolves to what starts the extractor, `{glue, module}`: its glue's URL and
 * its compiled module, fetched and compiled once for every worker; in the
 * single-file build, the module's bytes (a file:// page cannot hand a
 * compiled module to a worker).
 */
export function locateExtractor(version) {
  const wasm = carried('extractor-wasm');
  if (wasm) return Promise.resolve({ module: Uint8Array.from(atob(wasm.textContent), (c) => c.charCodeAt(0)) });
  const url = beside(EXTRACTOR_WASM, version);
  const located = fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
      return response.arrayBuffer();
    })
    .then((bytes) => WebAssembly.compile(bytes))
    .then((module) => ({ glue: beside(EXTRACTOR_GLUE, version), module }));
  // Started early (while the corpus is fetched); a failure is reported by whoever awaits it.
  located.catch(() => {});
  return located;
}

/** A new extraction worker (extract-worker.js); throws when the browser or the site's policy refuses it. */
export function extractionWorker(version) {
  const source = carried('extract-worker');
  if (!source) {
    const url = beside(WORKER, version);
    return new Worker(policy ? policy.createScriptURL(url) : url);
  }
  const script = new Blob([carried('extractor-glue').textContent, '\n', source.textContent], { type: 'text/javascript' });
  const url = URL.createObjectURL(script);
  workerBlobs.add(url);
  try {
    return new Worker(policy ? policy.createScriptURL(url) : url);
  } finally {
    // The worker has its script by now; the URL is not needed again.
    workerBlobs.delete(url);
    URL.revokeObjectURL(url);
  }
}

/** The extractor started on the page itself, for a browser that cannot start workers. */
export async function extractorOnPage({ glue, module }) {
  const bindings = typeof broadsheetExtractorGlue === 'object' ? broadsheetExtractorGlue : await import(glue);
  await bindings.default({ module_or_path: module });
  return bindings;
}

/**
 * The payload of a chunk of an index in format 3 (see crates/archive): its bytes as
 * they arrive (`progress(bytesSoFar)` after each piece, when given), inflated by the browser's own
 * DecompressionStream when they are still gzip, so the page's module carries no inflater. A
 * server that sent the file with `Content-Encoding: gzip` hands over the payload itself.
 * Rejects with `{status, statusText}` for an HTTP error, or with the browser's error.
 */
export async function fetchPayload(url, progress) {
  const response = await fetch(url);
  if (!response.ok) throw { status: response.status, statusText: response.statusText };
  const pieces = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pieces.push(value);
    received += value.length;
    if (progress) progress(received);
  }
  let bytes = new Uint8Array(received);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  }
  return bytes;
}
