// ESLint (installed in tools/ by .ci/install --test, run by .ci/test) over the
// project's JavaScript: the page's own scripts in js/, the tests and the build scripts.
import { createRequire } from 'node:module';

const tools = createRequire(new URL('./tools/package.json', import.meta.url));
const js = tools('@eslint/js');
const globals = tools('globals');

export default [
  { ignores: ['dist/', 'target/', 'tools/'] },
  js.configs.recommended,
  { files: ['js/**/*.js'], languageOptions: { sourceType: 'module', globals: globals.browser } },
  // The worker is a classic script (the single-file build puts the extractor's glue before it).
  { files: ['js/extract-worker.js'], languageOptions: { sourceType: 'script', globals: globals.worker } },
  // Node scripts that also hand functions to the browser to run.
  { files: ['**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
