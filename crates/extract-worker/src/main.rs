//! The extractor as a wasm module of its own, which the page's Web Workers
//! load (see `src/worker.rs` in the app).
//!
//! Keeping it out of the page's module is what keeps the page small: the
//! bundled corpus is extracted when the app is built, so a reader who only
//! browses it never downloads the extractor. It is fetched the first time a
//! reader opens a corpus of their own.

use wasm_bindgen::prelude::*;

/// Extracts one article (its id, its bytes, and the title and date a corpus
/// may give beside them): its [`Article`](broadsheet_extract::Article) without
/// its text, which the page already has
/// ([`encode_without_text`](broadsheet_extract::shard::encode_without_text)).
#[wasm_bindgen]
pub fn extract_article(id: &str, bytes: &[u8], title: Option<String>, date: Option<String>) -> Vec<u8> {
    let given = broadsheet_extract::Given { title: title.as_deref(), date: date.as_deref() };
    broadsheet_extract::shard::encode_without_text(broadsheet_extract::extract_given(id, bytes, given))
}

/// A worker is driven by messages; there is nothing to do at start.
fn main() {}
