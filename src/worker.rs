//! Extraction off the main thread: a pool of Web Workers running the
//! extractor, a wasm module of its own (`crates/extract-worker`).
//!
//! The page's module does not hold the extractor: the bundled corpus was
//! extracted when the app was built, so a reader who only browses it never
//! downloads it. The first corpus a reader opens has the page fetch and
//! compile the extractor once ([`Extractor::load`]) and hand the compiled
//! module to each worker, which runs `js/extract-worker.js` and answers
//! batches of articles with one encoded [`Article`] each, without its text.
//! The JavaScript that starts them is a file too (`js/page.js`), so the page
//! makes no code from text.
//!
//! Batches go round-robin to the workers, which answer in the order they were
//! asked, so results come back in corpus order. When workers cannot start
//! (an old browser, a site that forbids them) or one fails, the caller runs the
//! same module on the main thread ([`InPage`]): the pool is a speed-up, never a requirement.

use std::cell::RefCell;

use broadsheet_extract::shard::decode_without_text;
use broadsheet_extract::Article;
use futures::channel::mpsc;
use futures::StreamExt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::loader::ArticleFile;

/// The extractor's module beside the page, as trunk names a worker's output.
const EXTRACTOR_WASM: &str = "broadsheet-extractor_bg.wasm";

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    /// Resolves to the extractor's `init` (`{glue, module}`), fetched and compiled once
    /// for every worker; asked for with the build's `version`, so a cached extractor
    /// of another build is never used.
    #[wasm_bindgen(js_name = locateExtractor)]
    fn locate_extractor(version: &str) -> js_sys::Promise;

    /// A new worker running `js/extract-worker.js`.
    #[wasm_bindgen(js_name = extractionWorker, catch)]
    fn extraction_worker(version: &str) -> Result<web_sys::Worker, JsValue>;

    /// Resolves to the extractor's bindings, started on the page.
    #[wasm_bindgen(js_name = extractorOnPage)]
    fn extractor_on_page(init: &JsValue) -> js_sys::Promise;
}

/// The build's fingerprint of the extractor's sources (build.rs).
const VERSION: &str = env!("EXTRACTOR_VERSION");

/// What a thrown JS value says.
fn message(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error.as_string().unwrap_or_else(|| "an unknown error".to_string())
}

/// The extractor's arguments for `file`: id, bytes, title and date (undefined when not given).
fn arguments(file: &ArticleFile) -> js_sys::Array {
    let optional = |value: &Option<String>| value.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
    js_sys::Array::of4(&file.id.as_str().into(), &js_sys::Uint8Array::from(file.bytes.as_slice()), &optional(&file.title), &optional(&file.date))
}

/// An answer of the extractor's that does not decode: a page and an extractor
/// from different builds (a half-updated site).
fn unreadable(id: &str) -> String {
    format!("the extractor's answer for article {id} could not be read (is the site half updated? reload the page)")
}

fn set(target: &js_sys::Object, field: &str, value: &JsValue) -> Result<(), String> {
    js_sys::Reflect::set(target, &field.into(), value).map(|_| ()).map_err(|e| message(&e))
}

/// The extractor's code, ready to start: the `init` every worker (or the page) gets.
pub struct Extractor {
    init: js_sys::Object,
}

thread_local! {
    /// The extractor once asked for: every load after the first reuses its compiled module.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// The extractor's `init`, being located by the first call and shared by every later one.
fn loading() -> js_sys::Promise {
    LOADING.with(|cell| cell.borrow_mut().get_or_insert_with(|| locate_extractor(VERSION)).clone())
}

impl Extractor {
    /// The extractor, ready for workers or the page; a failed attempt is
    /// forgotten, so the next load tries again.
    pub async fn load() -> Result<Extractor, String> {
        let located = JsFuture::from(loading()).await;
        located.map(|init| Extractor { init: init.unchecked_into() }).map_err(|error| {
            LOADING.with(|cell| cell.borrow_mut().take());
            format!("the extractor ({EXTRACTOR_WASM}) could not be loaded: {}", message(&error))
        })
    }

    /// Starts loading the extractor while the corpus itself is still being
    /// fetched or read, so its first articles do not wait for it (a promise
    /// runs by itself; a failure is reported by the load that awaits it).
    pub fn preload() {
        let _started = loading();
    }
}

/// The extractor run on the main thread, for a browser without workers.
pub struct InPage {
    bindings: JsValue,
    extract: js_sys::Function,
}

impl InPage {
    pub async fn start(extractor: &Extractor) -> Result<InPage, String> {
        let bindings =
            JsFuture::from(extractor_on_page(&extractor.init)).await.map_err(|e| format!("the extractor could not start: {}", message(&e)))?;
        let extract = js_sys::Reflect::get(&bindings, &"extract_article".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or("the extractor has no extract_article")?;
        Ok(InPage { bindings, extract })
    }

    pub fn extract(&self, file: &ArticleFile) -> Result<Article, String> {
        let answer = self
            .extract
            .apply(&self.bindings, &arguments(file))
            .map_err(|e| format!("the extractor failed on article {}: {}", file.id, message(&e)))?;
        let encoded = answer.dyn_into::<js_sys::Uint8Array>().map_err(|_| "the extractor answered in an unknown shape".to_string())?;
        decode_without_text(&encoded.to_vec(), &file.bytes).map_err(|_| unreadable(&file.id))
    }
}

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
        // Events already queued must not reach the closures dropped with it.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// A set of extraction workers; dropping it stops them.
pub struct Pool {
    workers: Vec<Worker>,
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
    /// Starts `size` workers running `extractor`, or says why it cannot.
    pub fn start(extractor: &Extractor, size: usize) -> Result<Pool, String> {
        let init = js_sys::Object::new();
        set(&init, "init", &extractor.init)?;
        let mut workers = Vec::with_capacity(size);
        for _ in 0..size.max(1) {
            let worker = extraction_worker(VERSION).map_err(|e| message(&e))?;
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
            worker.post_message(&init).map_err(|e| message(&e))?;
            workers.push(Worker { worker, replies, _on_message: on_message, _on_error: on_error });
        }
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
                for argument in arguments(file) {
                    files.push(&argument);
                }
            }
            let request = js_sys::Object::new();
            set(&request, "batch", &files)?;
            let worker = &self.workers[i % self.workers.len()].worker;
            worker.post_message(&request).map_err(|e| message(&e))?;
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
        reply.iter().zip(batch).map(|(encoded, file)| decode_without_text(encoded, &file.bytes).map_err(|_| unreadable(&file.id))).collect()
    }
}
