// Trunk's post-build hook (Trunk.toml): minifies the JS glue and the stylesheet
// of a release build with esbuild. Part of what keeps the page within its size
// budget (BENCHMARKS.md). Trunk's own minifier cannot read wasm-bindgen's glue,
// so it is not used; the build has no integrity hashes to update (`no_sri`).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

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

// Recursively: wasm-bindgen's snippets (js/page.js) sit in snippets/.
for (const name of fs.readdirSync(staging, { recursive: true })) {
  const loader = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
  if (!loader) continue;
  const file = path.join(staging, name);
  const { code } = esbuild.transformSync(fs.readFileSync(file, 'utf8'), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' });
  fs.writeFileSync(file, code);
}
