//! The quote list, flat or grouped by speaker with counts.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::download_quotes::DownloadQuotes;
use super::show_more::{ShowMore, PAGE_SIZE};
use super::sort_order::SortOrder;
use super::{use_ctx, Ctx};
use crate::corpus::Corpus;
use crate::filter::{group_by_speaker, speaker_total};
use crate::markup::{self, Html};
use crate::search::Query;
use crate::state::{View, ViewState};

/// The quotes `items` of `corpus` as list items (see `markup`), ready for `innerHTML`, their links made for `state`
/// and the hits of its search (`query`) marked.
fn quote_items(ctx: Ctx, corpus: &Corpus, items: &[usize], state: &ViewState, query: &Query) -> JsValue {
    let mut out = Html::default();
    for &i in items {
        let Some(r) = corpus.quotes.get(i) else { continue };
        // The article opened at the quote, with the search still marked in it.
        let article = ViewState {
            view: View::Articles,
            article: Some(corpus.articles[r.article].id.clone()),
            q: state.q.clone(),
            corpus: state.corpus.clone(),
            ..ViewState::default()
        };
        let in_context = format!("{}#q-{}", ctx.href(&article), r.quote);
        markup::quote_item(&mut out, corpus, i, query, &in_context, &|facet, key| ctx.href(&state.toggled(facet, key)));
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
    view! {
        <div class="list-head">
            <p class="summary" role="status">{move || format!("{} of {} quotes", total(), ctx.corpus().quotes.len())}</p>
            <span class="list-actions">
                <Show when=move || { total() > 0 }><DownloadQuotes/></Show>
                <a class="toggle" href=toggle_group aria-pressed=move || if grouped() { "true" } else { "false" }>"Group by speaker"</a>
                <SortOrder/>
            </span>
        </div>
        <Show when=move || total() == 0>
            <p class="empty">"No quote matches these filters. " <a href=clear>"Clear all filters"</a></p>
        </Show>
        {list}
        <ShowMore shown=shown total=Signal::derive(total)/>
    }
}
