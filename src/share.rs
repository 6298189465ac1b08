//! Browser I/O that hands what the reader found on: files saved from the page (a view's
//! quotes and articles) and the clipboard (a link, or a quote with its citation).
//!
//! HTML goes to the clipboard only as a `text/html` blob made from [`Html`], whose values
//! are escaped by construction; nothing here sets HTML in the page.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::markup::Html;

fn text_of(e: JsValue) -> String {
    e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into())).unwrap_or_else(|| "the browser refused".into())
}

fn blob(text: &str, kind: &str) -> Result<JsValue, String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &options).map(Into::into).map_err(text_of)
}

/// Hands `text` to the browser as a download named `name`, of type `kind`.
pub fn save(name: &str, kind: &str, text: &str) -> Result<(), String> {
    let blob: web_sys::Blob = blob(text, kind)?.unchecked_into();
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(text_of)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("there is no document")?;
    let link: web_sys::HtmlElement = document.create_element("a").map_err(text_of)?.unchecked_into();
    link.set_attribute("href", &url).map_err(text_of)?;
    link.set_attribute("download", name).map_err(text_of)?;
    link.click();
    // The download has started from the URL by the time this runs; then it can go.
    leptos::prelude::set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(10));
    Ok(())
}

/// Copies `text`, and `html` beside it where the browser takes both (`ClipboardItem`), so a
/// word processor pastes the HTML and a text field the text. Says why when it cannot: the
/// page is not in a secure context, the browser refused, or it has no clipboard at all.
pub async fn copy(text: &str, html: Option<&Html>) -> Result<(), String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let navigator = window.navigator();
    if !Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined()) {
        return Err("this browser gives the page no clipboard".into());
    }
    let clipboard = navigator.clipboard();
    let rich = html.filter(|_| Reflect::has(&window, &"ClipboardItem".into()).unwrap_or(false));
    let promise = match rich {
        Some(html) => {
            let record = Object::new();
            Reflect::set(&record, &"text/plain".into(), &blob(text, "text/plain")?).map_err(text_of)?;
            Reflect::set(&record, &"text/html".into(), &blob(html.as_str(), "text/html")?).map_err(text_of)?;
            let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record).map_err(text_of)?;
            clipboard.write(&Array::of1(&item))
        }
        None => clipboard.write_text(text),
    };
    JsFuture::from(promise).await.map(drop).map_err(text_of)
}
