//! "Download": the current view as files made in the browser — its quotes as CSV or JSON
//! (every quote of the view, not only those shown) and its articles as JSONL, which opens
//! again here (`corpus=`), so a filtered part of a corpus can be shared.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{use_ctx, Ctx};
use crate::export::{articles_jsonl, quotes_csv, quotes_json, view_articles};
use crate::load::LoadingCodeUnavailable;
use crate::share::save;
use crate::state::View;

/// Saves the view as `what` names it (`csv`, `json`, anything else: the articles as JSONL) and
/// says so if it cannot. Making the files is work the seed page rarely asks for, so it is in
/// the loading module (the `split` feature), fetched by the first download if no corpus
/// was opened before.
#[cfg_attr(feature = "split", leptos::wasm_split::wasm_split(corpus_loading, wasm_split_path = ::leptos::wasm_split, fallible))]
fn save_view(ctx: Ctx, what: String) -> Result<(), LoadingCodeUnavailable> {
    let corpus = ctx.corpus_signal.get_untracked();
    let saved = ctx.results.with_untracked(|r| {
        let quotes: &[usize] = if r.view == View::Quotes { &r.items } else { &[] };
        match what.as_str() {
            "csv" => save("broadsheet-quotes.csv", "text/csv;charset=utf-8", &quotes_csv(&corpus, quotes)),
            "json" => {
                let json = quotes_json(&corpus, quotes, &|i| ctx.absolute(&ctx.quote_href(&corpus, i, "")));
                save("broadsheet-quotes.json", "application/json", &json)
            }
            _ => save("broadsheet-articles.jsonl", "application/x-ndjson", &articles_jsonl(&corpus, &view_articles(&corpus, r))),
        }
    });
    if let Err(e) = saved {
        ctx.say(format!("The file could not be saved: {e}"));
    }
    Ok(())
}

/// `quotes`: the quote list's, which saves its quotes too.
#[component]
pub fn Downloads(quotes: bool) -> impl IntoView {
    let ctx = use_ctx();
    // One listener for the buttons, each named by what it saves (`data-export`).
    let download = move |ev: leptos::ev::MouseEvent| {
        let what = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|b| b.get_attribute("data-export"));
        let Some(what) = what else { return };
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async move {
            if save_view(ctx, what).await.is_err() {
                ctx.say("The page's code for downloads could not be fetched; check the connection and try again".to_string());
            }
        });
        #[cfg(not(feature = "split"))]
        let _always_there: Result<(), LoadingCodeUnavailable> = save_view(ctx, what);
    };
    view! {
        <span class="downloads" role="group" aria-label="Download this view" on:click=download>
            <span class="label">{"Download"}</span>
            {quotes.then(|| view! {
                <button type="button" class="link download" data-export="csv">{"CSV"}</button>
                <button type="button" class="link download" data-export="json">{"JSON"}</button>
            })}
            <button type="button" class="link download" data-export="jsonl">{"Articles (JSONL)"}</button>
        </span>
    }
}
