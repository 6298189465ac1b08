// Trunk's post-build hook (Trunk.toml). Trunk runs a stage's hooks side by side,
// so this one hook does both steps in order: first, in every build, it cuts the
// page's module in two (./split-module.mjs); then, for release builds, it
// - minifies the JS (the glue, js/ files, wasm-bindgen's snippets) and the
//   stylesheet with esbuild. Part of what keeps the page within its size budget
//   (BENCHMARKS.md). Trunk's own minifier cannot read wasm-bindgen's glue, so it
//   is not used; the build has no integrity hashes to update (`no_sri`).
// - names each snippet's folder after its contents: wasm-bindgen names it after
//   the crate, so a changed js/page.js would keep its URL, and a browser could
//   pair a new glue with the snippet it cached from another build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

await import('./split-module.mjs');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let esbuild;
try {
  esbuild = createRequire(path.join(root, 'tools/package.json'))('esbuild');
} catch {
  console.error('esbuild is missing from tools/node_modules: run `bash .ci/install` first');
  process.exit(1);
}

for (const name of fs.readdirSync(staging, { recursive: true })) {
  const loader = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
  if (!loader) continue;
  const file = path.join(staging, name);
  const { code } = esbuild.transformSync(fs.readFileSync(file, 'utf8'), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' });
  fs.writeFileSync(file, code);
}

const snippets = path.join(staging, 'snippets');
for (const folder of fs.existsSync(snippets) ? fs.readdirSync(snippets) : []) {
  const hash = crypto.createHash('sha256');
  for (const name of fs.readdirSync(path.join(snippets, folder), { recursive: true }).sort()) {
    const file = path.join(snippets, folder, name);
    if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
  }
  const named = `${folder}-${hash.digest('hex').slice(0, 16)}`;
  fs.renameSync(path.join(snippets, folder), path.join(snippets, named));
  // The glue imports the snippet (its wasm module still names its imports after the old
  // folder, so only the import statements change) and index.html preloads it.
  const at = (before) => new RegExp(`(${before}\\s*["']\\./snippets/)${folder}/`, 'g');
  for (const name of fs.readdirSync(staging).filter((n) => n.endsWith('.js') || n.endsWith('.html'))) {
    const file = path.join(staging, name);
    const text = fs.readFileSync(file, 'utf8');
    const renamed = text.replace(at(name.endsWith('.js') ? 'from' : 'href='), `$1${named}/`);
    if (renamed !== text) fs.writeFileSync(file, renamed);
  }
}
