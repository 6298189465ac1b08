//! The one page: parses the URL into a [`ViewState`], runs the filter, and lays out the views.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::article_card::ArticleCard;
use super::article_view::ArticleView;
use super::facet_group::{DateRange, FacetGroup, KindFilter};
use super::filter_chips::FilterChips;
use super::header::Header;
use super::loader_panel::{LoadStatus, Loader, LoaderPanel};
use super::notices::Notices;
use super::quote_list::QuoteList;
use super::{use_ctx, Ctx};
use crate::corpus::Corpus;
use crate::filter;
use crate::state::{decode_query, Facet, View, ViewState};

/// Items shown before "Show more": keeps the DOM small on big corpora.
pub const PAGE_SIZE: usize = 60;

#[component]
pub fn Page() -> impl IntoView {
    let location = use_location();
    let bundled = Arc::new(Corpus::bundled());
    let corpus_signal = RwSignal::new(bundled.clone());
    let base: &'static str = Box::leak(window().location().pathname().unwrap_or_else(|_| "/".to_string()).into_boxed_str());
    let parsed = Memo::new(move |_| {
        let pairs = decode_query(&location.search.get());
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    });
    let state = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let notices = Signal::derive(move || parsed.with(|p| p.1.clone()));
    let results = Memo::new(move |_| corpus_signal.with(|c| state.with(|s| filter::run(c, s))));
    provide_context(Ctx { corpus_signal, base, state, results });
    let loader = Loader { status: RwSignal::new(LoadStatus::Idle) };
    provide_context(loader);

    // corpus= in the URL: load it when it changes; without it, the bundled seeds.
    let loaded_from = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let wanted = state.with(|s| s.corpus.clone());
        if wanted == loaded_from.get_value() {
            return;
        }
        loaded_from.set_value(wanted.clone());
        match wanted {
            Some(url) => loader.load_url(corpus_signal, url),
            None => {
                corpus_signal.set(bundled.clone());
                loader.status.set(LoadStatus::Idle);
            }
        }
    });

    view! {
        <a class="skip" href="#results">"Skip to results"</a>
        <Header/>
        <LoaderPanel/>
        <Notices notices=notices/>
        <div class="layout">
            <aside class="filters" aria-label="Filters">
                <FilterChips/>
                <KindFilter/>
                <DateRange/>
                {Facet::ALL.into_iter().map(|f| view! { <FacetGroup facet=f/> }).collect_view()}
            </aside>
            <main id="results" tabindex="-1">
                <Results/>
            </main>
        </div>
    }
}

#[component]
fn Results() -> impl IntoView {
    let ctx = use_ctx();
    // Rebuilt only when the view or the opened article changes; lists update in place.
    let mode = Memo::new(move |_| ctx.state.with(|s| (s.view, s.article.clone())));
    move || {
        let (view, article) = mode.get();
        let corpus = ctx.corpus();
        match (view, article) {
            (View::Articles, Some(id)) => match corpus.article_by_id(&id) {
                Some(index) => view! { <ArticleView index=index/> }.into_any(),
                None => {
                    let back = move || ctx.href(&ViewState { article: None, ..ctx.state.get() });
                    view! {
                        <p class="empty">"There is no article “" {id} "” in this corpus. "
                            <a href=back>"Back to all articles"</a>
                        </p>
                    }
                    .into_any()
                }
            },
            (View::Articles, None) => view! { <ArticleCards/> }.into_any(),
            (View::Quotes, _) => view! { <QuoteList/> }.into_any(),
        }
    }
}

#[component]
fn ArticleCards() -> impl IntoView {
    let ctx = use_ctx();
    let shown = RwSignal::new(PAGE_SIZE);
    let items = move || ctx.results.with(|r| if r.view == View::Articles { r.items.clone() } else { Vec::new() });
    let articles = move || ctx.corpus().articles.len();
    let total = move || ctx.results.with(|r| r.items.len());
    let clear = move || ctx.href(&ctx.state.get().cleared());
    view! {
        <p class="summary" role="status">{move || format!("{} of {} articles", total(), articles())}</p>
        <Show when=move || total() == 0>
            <p class="empty">"No article matches these filters. " <a href=clear>"Clear all filters"</a></p>
        </Show>
        <ol class="cards">
            <For each=move || items().into_iter().take(shown.get()) key=|i| *i children=move |i| view! { <ArticleCard index=i/> }/>
        </ol>
        <Show when=move || { total() > shown.get() }>
            <button class="more" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>
                {move || format!("Show more ({} left)", total() - shown.get())}
            </button>
        </Show>
    }
}
