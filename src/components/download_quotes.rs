//! "Download CSV": every quote of the current list (not only the ones shown) as a file,
//! made in the browser like everything else.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::use_ctx;
use crate::export::quotes_csv;
use crate::state::View;

const FILE_NAME: &str = "broadsheet-quotes.csv";

#[component]
pub fn DownloadQuotes() -> impl IntoView {
    let ctx = use_ctx();
    let problem = RwSignal::new(None::<String>);
    let download = move |_| {
        let csv =
            ctx.results
                .with_untracked(|r| if r.view == View::Quotes { quotes_csv(&ctx.corpus_signal.get_untracked(), &r.items) } else { String::new() });
        problem.set(save(FILE_NAME, &csv).err().map(|e| format!("The file could not be saved: {e}")));
    };
    view! {
        <button type="button" class="link download" on:click=download>"Download CSV"</button>
        {move || problem.get().map(|p| view! { <span class="copy-status" role="alert">{p}</span> })}
    }
}

/// Hands `text` to the browser as a download named `name`.
fn save(name: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&text.into()), &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link = document().create_element("a").map_err(fail)?;
    link.set_attribute("href", &url).map_err(fail)?;
    link.set_attribute("download", name).map_err(fail)?;
    link.dyn_into::<web_sys::HtmlElement>().map_err(|_| "no link element".to_string())?.click();
    // The download has started from the URL by the time this runs; then it can go.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(10));
    Ok(())
}
