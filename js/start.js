// Starts the page: imports the app's glue (made by wasm-bindgen) and starts its
// wasm module. Trunk names both files after their contents and passes the names
// in this script's own URL (`pattern_script` in Trunk.toml), so the page holds
// no inline script and its Content-Security-Policy needs no hash.
const names = new URL(import.meta.url).searchParams;
const glue = new URL(names.get('glue'), import.meta.url);
const wasm = new URL(names.get('wasm'), import.meta.url);

const { default: init } = await import(glue.href);
const instance = await init({ module_or_path: wasm });
// As trunk's own loader does: benchmarks read the module's memory from it.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
