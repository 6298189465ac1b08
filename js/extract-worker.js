// The extraction worker: runs the extractor (crates/extract-worker, a wasm
// module of its own) on the batches of articles the page sends it, off the
// main thread (src/worker.rs starts it).
//
// The page's first message, {init: {glue, module}}, starts it: the extractor's
// glue imported from `glue` — or, in the single-file build, defined before
// this script as `broadsheetExtractorGlue` — and its compiled module, or its
// bytes. Every {batch: [id, bytes, title, date, …]} after that is answered, in
// order, {ok: [bytes, …]} (each article without its text) or {error: '…'}:
// also when the start failed, so the page never waits on a worker that cannot work.

/* global broadsheetExtractorGlue */

const failed = (why) => {
  const promise = Promise.reject(new Error(why));
  promise.catch(() => {});
  return promise;
};

let ready = failed('the worker was not started');

async function start({ glue, module }) {
  const bindings = typeof broadsheetExtractorGlue === 'object' ? broadsheetExtractorGlue : await import(glue);
  await bindings.default({ module_or_path: module });
  return bindings;
}

onmessage = ({ data: { init, batch } }) => {
  if (init) {
    ready = start(init);
    ready.catch(() => {});
    return;
  }
  ready
    .then((bindings) => {
      const ok = [];
      for (let i = 0; i < batch.length; i += 4) ok.push(bindings.extract_article(batch[i], batch[i + 1], batch[i + 2], batch[i + 3]));
      postMessage({ ok }, ok.map((answer) => answer.buffer));
    })
    .catch((error) => postMessage({ error: String(error) }));
};

onmessageerror = () => {
  ready = failed('this browser could not hand the code to a worker');
};
