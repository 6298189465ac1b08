//! Extraction off the main thread: a pool of Web Workers running this same
//! wasm module.
//!
//! No second build is needed. The page already holds the compiled
//! `WebAssembly.Module` and knows the URL of its JS glue; each worker is a
//! small script (made from a blob) that imports the glue, instantiates
//! the module it is sent, and then answers batches of files with one encoded
//! [`Article`] each, without its text ([`extract_article`]). `main` sees it has no window
//! in a worker and mounts nothing there.
//!
//! Batches go round-robin to the workers, which answer in the order they were
//! asked, so results come back in corpus order. When workers cannot start
//! (an old browser, a page whose glue has no URL) or one fails, the caller
//! extracts the rest on the main thread: the pool is a speed-up, never a
//! requirement.

use broadsheet_extract::Article;
use futures::channel::mpsc;
use futures::StreamExt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::loader::ArticleFile;

/// Extracts one article in a worker: its [`Article`], its text left out, in
/// postcard's compact binary form — the page reads that back several times
/// faster than JSON, and reading the workers' answers is most of the page's
/// share of a load.
#[wasm_bindgen]
pub fn extract_article(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut article = broadsheet_extract::extract(name, bytes);
    // The text is most of an article and the page already has its bytes:
    // it decodes them again itself (`article_from_worker`).
    article.text = String::new();
    // Plain data with no skipped fields always encodes; empty bytes would be reported by the reader.
    postcard::to_allocvec(&article).unwrap_or_default()
}

/// The article a worker answered for `file`, with its text put back.
fn article_from_worker(encoded: &[u8], file: &ArticleFile) -> Result<Article, String> {
    let mut article: Article = postcard::from_bytes(encoded).map_err(|e| format!("the worker's answer could not be read: {e}"))?;
    article.text = broadsheet_extract::decode::decode(&file.bytes).text;
    Ok(article)
}

/// The worker's whole script. `{init: {glue | glueSource, module}}` carries
/// the glue (its URL or its source) and the compiled module (or its bytes); every `{batch: [name, bytes, …]}`
/// is answered, in order, `{ok: [bytes, …]}` or `{error: "…"}` — also when the
/// start failed, so the page never waits on a worker that cannot work.
const WORKER_SCRIPT: &str = r#"
const failed = (why) => { const p = Promise.reject(new Error(why)); p.catch(() => {}); return p; };
let ready = failed('the worker was not started');
onmessage = (event) => {
  const { init, batch } = event.data;
  if (init) {
    // A glue given as source is imported from a blob of this worker's own making:
    // under file:// the page's blob URLs belong to another (opaque) origin.
    const glue = init.glueSource ? URL.createObjectURL(new Blob([init.glueSource], { type: 'text/javascript' })) : init.glue;
    ready = import(glue).then(async (bindings) => {
      await bindings.default({ module_or_path: init.module });
      return bindings;
    });
    ready.catch(() => {});
    return;
  }
  ready.then((bindings) => {
    const ok = [];
    for (let i = 0; i < batch.length; i += 2) ok.push(bindings.extract_article(batch[i], batch[i + 1]));
    postMessage({ ok }, ok.map((answer) => answer.buffer));
  }).catch((error) => postMessage({ error: String(error) }));
};
onmessageerror = () => { ready = failed('this browser could not hand the code to a worker'); };
"#;

type Reply = Result<Vec<Vec<u8>>, String>;

struct Worker {
    worker: web_sys::Worker,
    replies: mpsc::UnboundedReceiver<Reply>,
    // Kept alive as long as the worker may call them.
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// A set of extraction workers; dropping it stops them.
pub struct Pool {
    workers: Vec<Worker>,
}

/// How a worker finds the page's JS glue: the single-file build keeps its
/// source in the page (`broadsheetGlueSource`); otherwise trunk preloads it
/// with a `modulepreload` link, whose URL a worker can import.
fn glue() -> Option<(&'static str, String)> {
    let window = web_sys::window()?;
    if let Some(source) = js_sys::Reflect::get(&window, &"broadsheetGlueSource".into()).ok().and_then(|v| v.as_string()) {
        return Some(("glueSource", source));
    }
    let document = window.document()?;
    let href = document.query_selector("link[rel=modulepreload]").ok()??.get_attribute("href")?;
    let url = web_sys::Url::new_with_base(&href, &document.base_uri().ok()??).ok()?.href();
    Some(("glue", url))
}

/// What a worker instantiates: the page's compiled module, or, in the
/// single-file build (whose page has an opaque origin, so a module cannot be
/// shared with a worker), the wasm bytes it keeps.
fn module_source() -> JsValue {
    let bytes = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"broadsheetWasm".into()).ok());
    bytes.filter(|b| !b.is_undefined()).unwrap_or_else(wasm_bindgen::module)
}

fn reply_of(data: &JsValue) -> Reply {
    let field = |name: &str| js_sys::Reflect::get(data, &name.into()).ok().filter(|v| !v.is_undefined());
    if let Some(ok) = field("ok") {
        let list: js_sys::Array = ok.dyn_into().map_err(|_| "the worker answered in an unknown shape".to_string())?;
        return list
            .iter()
            .map(|answer| answer.dyn_into::<js_sys::Uint8Array>().map(|bytes| bytes.to_vec()))
            .collect::<Result<_, _>>()
            .map_err(|_| "the worker answered in an unknown shape".to_string());
    }
    Err(field("error").and_then(|e| e.as_string()).unwrap_or_else(|| "the worker failed".to_string()))
}

impl Pool {
    /// Starts `size` workers, or says why it cannot.
    pub fn start(size: usize) -> Result<Pool, String> {
        let (glue_field, glue) = glue().ok_or("the page's code has no URL a worker can load")?;
        let blob_parts = js_sys::Array::of1(&WORKER_SCRIPT.into());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&blob_parts, &options).map_err(|e| format!("{e:?}"))?;
        let script = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
        let start = js_sys::Object::new();
        js_sys::Reflect::set(&start, &glue_field.into(), &glue.into()).map_err(|e| format!("{e:?}"))?;
        js_sys::Reflect::set(&start, &"module".into(), &module_source()).map_err(|e| format!("{e:?}"))?;
        let init = js_sys::Object::new();
        js_sys::Reflect::set(&init, &"init".into(), &start).map_err(|e| format!("{e:?}"))?;
        let mut workers = Vec::with_capacity(size);
        for _ in 0..size.max(1) {
            let worker = web_sys::Worker::new(&script).map_err(|e| format!("{e:?}"))?;
            let (sender, replies) = mpsc::unbounded();
            let to_error = sender.clone();
            let on_message = Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
                let _ = sender.unbounded_send(reply_of(&event.data()));
            });
            // A script that fails to load raises a plain Event, without a message.
            let on_error = Closure::<dyn FnMut(_)>::new(move |event: web_sys::Event| {
                event.prevent_default();
                let message = js_sys::Reflect::get(&event, &"message".into()).ok().and_then(|m| m.as_string());
                let _ = to_error.unbounded_send(Err(message.unwrap_or_else(|| "the worker could not start".to_string())));
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            worker.post_message(&init).map_err(|e| format!("{e:?}"))?;
            workers.push(Worker { worker, replies, _on_message: on_message, _on_error: on_error });
        }
        web_sys::Url::revoke_object_url(&script).ok();
        Ok(Pool { workers })
    }

    /// One worker per core, up to four: the main thread only parses and
    /// indexes what they send, so it needs no core of its own.
    pub fn default_size() -> usize {
        let cores = web_sys::window().map_or(2.0, |w| w.navigator().hardware_concurrency()) as usize;
        cores.clamp(1, 4)
    }

    /// Sends every batch at once (each worker queues its share), so no worker
    /// waits on the main thread between batches.
    pub fn submit(&self, batches: &[&[ArticleFile]]) -> Result<(), String> {
        for (i, batch) in batches.iter().enumerate() {
            let files = js_sys::Array::new();
            for file in batch.iter() {
                files.push(&file.name.as_str().into());
                files.push(&js_sys::Uint8Array::from(file.bytes.as_slice()));
            }
            let message = js_sys::Object::new();
            js_sys::Reflect::set(&message, &"batch".into(), &files).map_err(|e| format!("{e:?}"))?;
            let worker = &self.workers[i % self.workers.len()].worker;
            worker.post_message(&message).map_err(|e| format!("{e:?}"))?;
        }
        Ok(())
    }

    /// The articles of batch `index` (`batch`, as submitted), once its worker
    /// answers. Batches must be awaited in order.
    pub async fn next(&mut self, index: usize, batch: &[ArticleFile]) -> Result<Vec<Article>, String> {
        let len = self.workers.len();
        let reply = self.workers[index % len].replies.next().await.unwrap_or_else(|| Err("the worker stopped".to_string()))?;
        if reply.len() != batch.len() {
            return Err(format!("the worker answered {} articles for {}", reply.len(), batch.len()));
        }
        reply.iter().zip(batch).map(|(encoded, file)| article_from_worker(encoded, file)).collect()
    }
}

#[cfg(test)]
mod tests {
    /// What a worker sends is what the page would have extracted itself.
    #[test]
    fn an_article_survives_the_trip_from_a_worker() {
        let odd = b"\xef\xbb\xbftitle: T\r\n\r\n\xff \xe2\x80\x9cHalf a quote, said nobody.".to_vec();
        let files = broadsheet_extract::synthetic::corpus(40, 7).into_iter().map(|(name, text)| (name, text.into_bytes()));
        for (name, bytes) in files.chain([("odd.txt".to_string(), odd)]) {
            let sent = super::extract_article(&name, &bytes);
            let file = super::ArticleFile { name, bytes };
            let received = super::article_from_worker(&sent, &file).expect("the worker's JSON reads back");
            assert_eq!(received, broadsheet_extract::extract(&file.name, &file.bytes));
            assert!(super::article_from_worker(&sent[..sent.len() / 2], &file).is_err(), "a cut answer is an error");
        }
    }
}
