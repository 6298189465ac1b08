//! The quote list, flat or grouped by speaker with counts.

use leptos::prelude::*;

use super::download_quotes::DownloadQuotes;
use super::quote_item::QuoteItem;
use super::show_more::{ShowMore, PAGE_SIZE};
use super::sort_order::SortOrder;
use super::use_ctx;
use crate::filter::group_by_speaker;
use crate::state::{View, ViewState};

#[component]
pub fn QuoteList() -> impl IntoView {
    let ctx = use_ctx();
    let shown = RwSignal::new(PAGE_SIZE);
    let total = move || ctx.results.with(|r| r.items.len());
    let grouped = move || ctx.state.get().group_by_speaker;
    let toggle_group = move || {
        let s = ctx.state.get();
        ctx.href(&ViewState {
            group_by_speaker: !s.group_by_speaker,
            ..s
        })
    };
    let clear = move || ctx.href(&ctx.state.get().cleared());
    let flat_items = move || {
        let q = ctx.state.with(|s| s.q.clone());
        ctx.results.with(|r| {
            if r.view != View::Quotes {
                return Vec::new();
            }
            r.items
                .iter()
                .take(shown.get())
                .map(|&i| (i, q.clone()))
                .collect::<Vec<_>>()
        })
    };
    let list = move || {
        if !grouped() {
            // Keyed by the search too: an item's highlights depend on it.
            return view! {
                <ol class="quotes">
                    <For each=flat_items key=|k| k.clone() children=move |(i, _)| view! { <QuoteItem index=i/> }/>
                </ol>
            }
            .into_any();
        }
        let ctx = use_ctx();
        let corpus = ctx.corpus();
        let items: Vec<usize> = ctx.results.with(|r| {
            if r.view != View::Quotes {
                return Vec::new();
            }
            r.items.iter().copied().take(shown.get()).collect()
        });
        group_by_speaker(&corpus, &items)
            .into_iter()
            .map(|(speaker, ids)| {
                let name = speaker.as_deref().map_or_else(|| "Unattributed".to_string(), |k| corpus.name_of(k));
                let count = ids.len();
                view! {
                    <section class="group">
                        <h2>{name} <span class="count">{count}</span></h2>
                        <ol class="quotes">{ids.into_iter().map(|i| view! { <QuoteItem index=i/> }).collect_view()}</ol>
                    </section>
                }
            })
            .collect_view()
            .into_any()
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
