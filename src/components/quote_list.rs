//! The quote list, flat or grouped by speaker with counts. Each quote's "Copy" puts it on the
//! clipboard with its citation and link, in text and in HTML.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use super::downloads::Downloads;
use super::show_more::{ShowMore, PAGE_SIZE};
use super::sort_order::SortOrder;
use super::{use_ctx, Ctx};
use crate::corpus::Corpus;
use crate::filter::{group_by_speaker, speaker_total};
use crate::markup::{self, citation, Html};
use crate::search::Query;
use crate::share;
use crate::state::{View, ViewState};

/// The quotes `items` of `corpus` as list items (see `markup`), ready for `innerHTML`, their links made for `state`
/// and the hits of its search (`query`) marked.
fn quote_items(ctx: Ctx, corpus: &Corpus, items: &[usize], state: &ViewState, query: &Query) -> JsValue {
    let mut out = Html::default();
    // The quote a link names (`quote=`), marked in the list.
    let marked = state.article.as_deref().and_then(|id| corpus.article_by_id(id)).zip(state.quote).and_then(|(a, start)| corpus.quote_at(a, start));
    for &i in items {
        // The article opened at the quote, with the search still marked in it.
        let in_context = ctx.quote_href(corpus, i, &state.q);
        markup::quote_item(&mut out, corpus, i, query, &in_context, marked == Some(i), &|facet, key| ctx.href(&state.toggled(facet, key)));
    }
    out.into_trusted()
}

#[component]
pub fn QuoteList() -> impl IntoView {
    let ctx = use_ctx();
    let shown = RwSignal::new(PAGE_SIZE);
    let total = move || ctx.results.with(|r| r.items.len());
    let grouped = move || ctx.state.get().group_by_speaker;
    let toggle_group = move || {
        let s = ctx.state.get();
        ctx.href(&ViewState { group_by_speaker: !s.group_by_speaker, ..s })
    };
    let clear = move || ctx.href(&ctx.state.get().cleared());
    let shown_items =
        move || ctx.results.with(|r| if r.view == View::Quotes { r.items.iter().copied().take(shown.get()).collect() } else { Vec::new() });
    let list = move || {
        let corpus = ctx.corpus();
        let items: Vec<usize> = shown_items();
        ctx.state.with(|state| {
            let query = Query::parse(&state.q);
            if !state.group_by_speaker {
                let html = quote_items(ctx, &corpus, &items, state, &query);
                return view! { <ol class="quotes" prop:innerHTML=html></ol> }.into_any();
            }
            group_by_speaker(&corpus, &items)
                .into_iter()
                .map(|(speaker, ids)| {
                    let name = speaker.as_deref().map_or_else(|| "Unattributed".to_string(), |k| corpus.name_of(k));
                    // A page may show only part of a group: say of how many.
                    let total = ctx.results.with(|r| speaker_total(r, speaker.as_deref()));
                    let count = if total > ids.len() { format!("{} of {total}", ids.len()) } else { ids.len().to_string() };
                    let html = quote_items(ctx, &corpus, &ids, state, &query);
                    view! {
                        <section class="group">
                            <h2>{name} " " <span class="count">{count}</span></h2>
                            <ol class="quotes" prop:innerHTML=html></ol>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    // A click on a quote's "Copy" (the lists are HTML: one listener for all of them).
    let copy = move |ev: leptos::ev::MouseEvent| {
        let button = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest(".copy-quote").ok().flatten());
        let Some(index) = button.and_then(|b| b.get_attribute("data-quote")).and_then(|i| i.parse::<usize>().ok()) else { return };
        let corpus = ctx.corpus_signal.get_untracked();
        let link = ctx.absolute(&ctx.quote_href(&corpus, index, ""));
        let Some((text, html)) = citation(&corpus, index, &link) else { return };
        spawn_local(async move {
            ctx.say(match share::copy(&text, Some(&html)).await {
                Ok(()) => "Quote copied with its citation.".to_string(),
                Err(why) => format!("The quote could not be copied ({why}). Its link: {link}"),
            });
        });
    };
    view! {
        <div class="list-head">
            <p class="summary" role="status">{move || format!("{} of {} quotes", total(), ctx.corpus().quotes.len())}</p>
            <span class="list-actions">
                <Downloads quotes=true/>
                <a class="toggle" href=toggle_group aria-current=move || grouped().then_some("true")>"Group by speaker"</a>
                <SortOrder/>
            </span>
        </div>
        <Show when=move || total() == 0>
            <p class="empty">"No quote matches these filters. " <a href=clear>"Clear all filters"</a></p>
        </Show>
        <div class="quote-lists" on:click=copy>{list}</div>
        <ShowMore shown=shown total=Signal::derive(total)/>
    }
}
