//! The one page: parses the URL into a [`ViewState`], runs the filter, and lays out the views.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use super::date_range::DateRange;
use super::facet_group::FacetGroup;
use super::filter_chips::FilterChips;
use super::filters_toggle::FiltersToggle;
use super::header::Header;
use super::keyboard::Keyboard;
use super::kind_filter::KindFilter;
use super::loader_panel::LoaderPanel;
use super::notices::Notices;
use super::results::Results;
use super::Ctx;
use crate::archive_session::archive_results;
use crate::corpus::Corpus;
use crate::filter;
use crate::load::Loader;
use crate::state::{decode_query, Facet, View, ViewState};

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
    let loader = Loader::default();
    // An index in format 3 answers from its table; any other corpus from its articles.
    let results = Memo::new(move |before: Option<&filter::Results>| match loader.archive.archive.get() {
        Some(archive) => state.with(|s| crate::loaded!(archive_results(loader.archive, &archive, s, before)).unwrap_or_default()),
        None => corpus_signal.with(|c| state.with(|s| filter::run(c, s))),
    });
    let said = RwSignal::new(String::new());
    provide_context(Ctx { corpus_signal, base, state, results, said });
    provide_context(loader);
    Effect::new(move |_| state.with(|s| loader.article_is(s.article.as_deref())));

    // corpus= in the URL: load it when it changes; without it, the bundled seeds.
    let loaded_from = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let wanted = state.with(|s| s.corpus.clone());
        if wanted == loaded_from.get_value() {
            return;
        }
        loaded_from.set_value(wanted.clone());
        match wanted {
            Some(url) => loader.load_url(corpus_signal, url, state.with_untracked(|s| s.article.clone())),
            None => {
                loader.cancel();
                loader.archive.show(None);
                corpus_signal.set(bundled.clone());
            }
        }
    });

    // The filters' panel on a phone: closed until "Filters (n)" opens it.
    let filters_open = RwSignal::new(false);
    let close_filters = move || {
        filters_open.set(false);
        if let Some(results) = document().get_element_by_id("results").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = results.focus();
        }
    };
    view! {
        <Keyboard/>
        <a class="skip" href="#results">{"Skip to results"}</a>
        <Header/>
        // Every part of the page is in a landmark: this one holds what a corpus and a link say.
        <section class="status-area" aria-label="Corpus and link">
            <LoaderPanel/>
            <Notices notices=notices/>
        </section>
        <div class="layout" class:filters-open=move || filters_open.get()>
            <div class="filter-bar">
                <FiltersToggle open=filters_open/>
                <FilterChips/>
            </div>
            <aside id="filters" class="filters" aria-label="Filters"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" && filters_open.get_untracked() {
                    filters_open.set(false);
                    if let Some(toggle) = document().get_element_by_id("filters-toggle").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = toggle.focus();
                    }
                }>
                <button type="button" class="close-filters" on:click=move |_| close_filters()>{"Show the results"}</button>
                <KindFilter/>
                <DateRange/>
                <FacetGroup facet=Facet::Speaker/>
                // What quotes name is a property of quotes: it is listed with the quote list.
                <Show when=move || state.with(|s| s.view == View::Quotes)>
                    <FacetGroup facet=Facet::About/>
                </Show>
                {[Facet::Person, Facet::Place, Facet::Org].map(|f| view! { <FacetGroup facet=f/> }).collect_view()}
            </aside>
            <main id="results" tabindex="-1">
                <Results/>
                <p class="toast" role="status">{move || said.get()}</p>
            </main>
        </div>
    }
}
