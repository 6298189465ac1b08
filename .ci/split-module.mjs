// Run by .ci/post-build.mjs (trunk's post_build hook) before anything else:
// cuts the page's module in two, so the page that shows the bundled corpus
// does not carry the code that loads a reader's own corpus (src/load.rs,
// `run_load`, built with the `split` feature), nor what only a loaded index in
// format 3 or a download runs (the other `wasm_split(corpus_loading)`
// functions). That code and everything only it calls becomes a module of its
// own, fetched the first time it is needed — the way Leptos' `#[lazy]` works
// with cargo-leptos, whose splitter this is (wasm-split-cli, pinned in .ci/install).
//
// Trunk builds the module in one piece and cannot split it, so this hook redoes
// its last steps from cargo's output (linked with relocations: build.rs):
//   wasm-split-cli → the main module, the loading module and the JS that fetches it;
//   wasm-bindgen on the main module (keeping the exports the loading module links to);
//   wasm-opt on both (release builds; index.html turns trunk's own off for this module,
//   whose output is replaced anyway);
// then puts them in place of trunk's glue and module (same names, which start.js
// is given), names the loading module and its JS after their contents, and
// points the glue at that JS. .ci/post-build.mjs then minifies them all.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// wasm-opt for both modules: optimised for size, as the rest of the page is.
const SIZE_OPTIMISED = ['-Oz'];
// The main module's memory starts zeroed and its first kilobyte is unused (a Rust module's stack
// sits at the bottom); not so for the loading module, which imports that memory in use.
const MAIN_MODULE_MEMORY = ['--zero-filled-memory', '--low-memory-unused'];

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// The page's module as index.html has trunk build it: its cargo profile and wasm-opt settings.
const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const link = html.match(/<link data-trunk rel="rust" data-bin="broadsheet"[^>]*>/)?.[0];
if (!link) throw new Error('index.html has no <link data-trunk rel="rust" data-bin="broadsheet">');
const attribute = (name) => link.match(new RegExp(`${name}="([^"]*)"`))?.[1];
if (!(attribute('data-cargo-features') ?? '').split(/[ ,]/).includes('split')) {
  throw new Error('index.html must build the page with data-cargo-features="split"');
}
const profile = attribute('data-cargo-profile') ?? (release ? 'release' : 'debug');
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
const built = path.join(targetDir, 'wasm32-unknown-unknown', profile, 'broadsheet.wasm');

const glueName = fs.readdirSync(staging).find((n) => /^broadsheet-[0-9a-f]+\.js$/.test(n));
if (!glueName) throw new Error(`trunk left no broadsheet-<hash>.js in ${staging}`);
const stem = glueName.slice(0, -'.js'.length);

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const version = (command) => execFileSync(command, ['--version'], { encoding: 'utf8' }).trim();
if (!version('wasm-bindgen').includes('0.2.130')) throw new Error('wasm-bindgen 0.2.130 is needed: run `bash .ci/install`');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-split-'));
try {
  // The link JS imports `initSync` from the main module's glue, named here as trunk named it.
  run('wasm-split-cli', [built, work, '--out-name', stem]);
  const split = fs.readdirSync(work);
  const chunks = split.filter((n) => n.endsWith('.wasm') && n !== `${stem}.wasm`);
  if (chunks.length !== 1 || !split.includes('__wasm_split.js')) {
    throw new Error(`wasm-split-cli made ${split.join(', ')}: expected ${stem}.wasm, one split module and __wasm_split.js`);
  }
  const bindgen = path.join(work, 'bindgen');
  run('wasm-bindgen', ['--target=web', '--no-typescript', '--keep-lld-exports', '--no-demangle', `--out-dir=${bindgen}`, `--out-name=${stem}`, path.join(work, `${stem}.wasm`)]);

  const mainWasm = path.join(staging, `${stem}_bg.wasm`);
  const chunkWasm = path.join(work, 'chunk.wasm');
  if (release) {
    run('wasm-opt', [...SIZE_OPTIMISED, ...MAIN_MODULE_MEMORY, path.join(bindgen, `${stem}_bg.wasm`), `--output=${mainWasm}`]);
    run('wasm-opt', [...SIZE_OPTIMISED, path.join(work, chunks[0]), `--output=${chunkWasm}`]);
  } else {
    fs.copyFileSync(path.join(bindgen, `${stem}_bg.wasm`), mainWasm);
    fs.copyFileSync(path.join(work, chunks[0]), chunkWasm);
  }

  // Names after contents, so a browser never pairs files of two builds.
  const contentName = (prefix, bytes, extension) => `${prefix}-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${extension}`;
  const chunkBytes = fs.readFileSync(chunkWasm);
  const chunkName = contentName('broadsheet-loading', chunkBytes, 'wasm');
  fs.writeFileSync(path.join(staging, chunkName), chunkBytes);
  const linkText = fs.readFileSync(path.join(work, '__wasm_split.js'), 'utf8');
  const linkTo = linkText.replace(`"./${chunks[0]}"`, `"./${chunkName}"`);
  if (linkTo === linkText) throw new Error(`__wasm_split.js does not fetch ./${chunks[0]}`);
  const linkName = contentName('broadsheet-split', linkTo, 'js');
  fs.writeFileSync(path.join(staging, linkName), linkTo);

  // The glue imports the link JS as an ES module; the wasm's import names stay as they are.
  const glue = fs.readFileSync(path.join(bindgen, `${stem}.js`), 'utf8');
  const importOf = /(from\s*["'])\.\/__wasm_split\.js(["'])/g;
  if (!importOf.test(glue)) throw new Error('the glue does not import ./__wasm_split.js');
  fs.writeFileSync(path.join(staging, glueName), glue.replace(importOf, `$1./${linkName}$2`));
  for (const [, snippet] of glue.matchAll(/from\s*["']\.\/(snippets\/[^"']+)["']/g)) {
    if (!fs.existsSync(path.join(staging, snippet))) throw new Error(`the glue imports ${snippet}, which trunk did not stage`);
  }
  console.log(`split the page's module: ${stem}_bg.wasm and ${chunkName} (loading a corpus), fetched by ${linkName}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
