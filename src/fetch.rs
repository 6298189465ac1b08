//! Browser I/O for the reader's corpus: fetching URLs with gloo-net and
//! reading local files. Every decision about the bytes is in [`crate::loader`].

use broadsheet_archive::manifest::Manifest;
use gloo_net::http::Request;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::loader::{self, ArticleFile, Parsed, ShardRef};

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    /// A chunk's payload, inflated by the browser (`progress(bytes so far)` as it arrives).
    #[wasm_bindgen(js_name = fetchPayload, catch)]
    async fn fetch_payload(url: &str, progress: Option<&js_sys::Function>) -> Result<JsValue, JsValue>;
}

/// Articles and the problems met on the way (skipped lines, files that failed).
pub type Loaded = (Vec<ArticleFile>, Vec<String>);

/// What a corpus URL led to: article files to extract, or a pre-extracted index.
pub enum Fetched {
    Files(Loaded),
    Index(Vec<ShardRef>),
    /// An index in format 3: where its manifest was read, and the manifest.
    Archive(String, Manifest),
}

/// `relative` resolved against `base` by the browser's own URL parser.
pub fn resolve(base: &str, relative: &str) -> Result<web_sys::Url, String> {
    web_sys::Url::new_with_base(relative, base).map_err(|_| format!("{relative} is not a link that can be followed from {base}"))
}

/// `relative` resolved against `base`, if this page may read it ([`loader::reachable`]).
fn resolve_reachable(base: &str, relative: &str) -> Result<String, String> {
    let url = resolve(base, relative)?;
    let page_origin = web_sys::window().and_then(|w| w.location().origin().ok());
    let href = url.href();
    loader::reachable(&href, &url.protocol(), &url.hostname(), page_origin.as_deref() == Some(url.origin().as_str()))?;
    Ok(href)
}

async fn fetch_one(url: &str) -> Result<(Option<String>, Vec<u8>), String> {
    let response = Request::get(url).send().await.map_err(|_| loader::network_error(url))?;
    if !response.ok() {
        return Err(loader::status_error(url, response.status(), &response.status_text()));
    }
    let content_type = response.headers().get("content-type");
    let body = response.binary().await.map_err(|_| loader::network_error(url))?;
    Ok((content_type, body))
}

/// Loads `corpus` (a `corpus=` link, relative to the page or absolute): a .txt
/// article, a .jsonl file, a manifest of article files or an index (whose
/// shards the caller fetches one by one with [`fetch_shard`]). The files a
/// manifest lists and an index's shards are resolved against its URL.
/// `progress(done, total)` is called as manifest entries arrive.
pub async fn fetch_corpus(corpus: &str, progress: impl Fn(usize, usize)) -> Result<Fetched, String> {
    let page = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let url = resolve_reachable(&page, corpus)?;
    let (content_type, body) = fetch_one(&url).await?;
    match loader::parse(&url, content_type.as_deref(), &body)? {
        Parsed::Articles(a, problems) => Ok(Fetched::Files((a, problems))),
        Parsed::Archive(manifest) => Ok(Fetched::Archive(url, manifest)),
        Parsed::Index(shards) => {
            let resolved = shards.into_iter().map(|s| resolve_reachable(&url, &s.url).map(|url| ShardRef { url, ..s })).collect::<Result<_, _>>();
            resolved.map(Fetched::Index).map_err(|e| format!("{} lists a shard that cannot be read: {e}", loader::file_name(&url)))
        }
        Parsed::Manifest(files) => {
            let mut articles = Vec::new();
            let mut problems = Vec::new();
            let mut total_bytes = 0;
            for (i, file) in files.iter().enumerate() {
                progress(i, files.len());
                let fetched = match resolve_reachable(&url, file) {
                    Ok(u) => fetch_one(&u).await.and_then(|(ct, b)| loader::parse(&u, ct.as_deref(), &b)),
                    Err(e) => Err(e),
                };
                match fetched {
                    Ok(Parsed::Articles(a, p)) => {
                        total_bytes += a.iter().map(|f| f.bytes.len()).sum::<usize>();
                        if let Some(msg) = loader::too_big(total_bytes) {
                            return Err(msg);
                        }
                        articles.extend(a);
                        problems.extend(p);
                    }
                    Ok(Parsed::Manifest(_) | Parsed::Index(_) | Parsed::Archive(_)) => {
                        problems.push(format!("{file} is another manifest or an index; a manifest lists article files only"))
                    }
                    Err(e) => problems.push(e),
                }
            }
            progress(files.len(), files.len());
            if articles.is_empty() {
                return Err(format!(
                    "None of the {} files in the manifest could be read. {}",
                    files.len(),
                    problems.first().cloned().unwrap_or_default()
                ));
            }
            Ok(Fetched::Files((articles, problems)))
        }
    }
}

/// The extracted articles of one shard of an index.
pub async fn fetch_shard(shard: &ShardRef) -> Result<Vec<broadsheet_extract::Article>, String> {
    let (_, body) = fetch_one(&shard.url).await?;
    loader::parse_shard(&shard.url, &body)
}

/// The payload of the chunk `file` of the index whose manifest is at `index_url`;
/// `progress(bytes so far)` is told as it arrives. An error names the file.
pub async fn fetch_chunk(index_url: &str, file: &str, progress: Option<Box<dyn Fn(usize)>>) -> Result<Vec<u8>, String> {
    let url = resolve_reachable(index_url, file)?;
    // Kept until the fetch has answered: the browser calls it until then.
    let told = progress.map(|p| Closure::<dyn Fn(f64)>::new(move |bytes: f64| p(bytes as usize)));
    let answer = fetch_payload(&url, told.as_ref().map(|c| c.as_ref().unchecked_ref())).await;
    drop(told);
    match answer {
        Ok(bytes) => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
        Err(error) => {
            let status = js_sys::Reflect::get(&error, &"status".into()).ok().and_then(|s| s.as_f64());
            let text = js_sys::Reflect::get(&error, &"statusText".into()).ok().and_then(|s| s.as_string()).unwrap_or_default();
            Err(match status {
                Some(status) => loader::status_error(&url, status as u16, &text),
                None => loader::network_error(&url),
            })
        }
    }
}

/// Reads files the reader picked or dropped (.txt articles, .jsonl corpora).
pub async fn read_files(files: Vec<web_sys::File>) -> Result<Loaded, String> {
    let total: f64 = files.iter().map(|f| f.size()).sum();
    if let Some(msg) = loader::too_big(total as usize) {
        return Err(msg);
    }
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        let name = file.name();
        if let Some(skipped) = loader::not_a_corpus_file(&name) {
            problems.push(skipped);
            continue;
        }
        let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("{name} could not be read"))?;
        match loader::local_file(&name, js_sys::Uint8Array::new(buffer.unchecked_ref()).to_vec()) {
            Ok((a, p)) => {
                articles.extend(a);
                problems.extend(p);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if articles.is_empty() {
        return Err(format!("No article could be read. {}", problems.first().cloned().unwrap_or_default()));
    }
    Ok((articles, problems))
}

/// Lets the browser paint and handle input before the next piece of work.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}
