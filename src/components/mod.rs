//! One component per file. Components read [`Ctx`] and the current
//! [`ViewState`], and turn clicks into links.
//!
//! Text inside an element that is otherwise static is written as a block,
//! `<h2 id="x">{"Heading"}</h2>`: Leptos builds a wholly static element from a
//! string of HTML (its `InertElement`, parsed through a `<template>`'s
//! `innerHTML`), which the page's Trusted Types policy refuses, and one refused
//! element stops the page. The end-to-end tests check that the page's code
//! sets no `innerHTML` outside the policy, and that no view breaks it.

pub mod app;
pub mod archive_results;
pub mod article_cards;
pub mod article_view;
pub mod date_range;
pub mod downloads;
pub mod facet_group;
pub mod filter_chips;
pub mod filters_toggle;
pub mod header;
pub mod keyboard;
pub mod kind_filter;
pub mod loader_panel;
pub mod notices;
pub mod overview;
pub mod page;
pub mod quote_list;
pub mod results;
pub mod search_box;
pub mod show_more;
pub mod sort_order;

use std::sync::Arc;

use leptos::prelude::*;

use crate::corpus::Corpus;
use crate::filter::Results;
use crate::state::ViewState;

/// What every component may read; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The corpus on screen: the bundled seeds, or one the reader loaded.
    pub corpus_signal: RwSignal<Arc<Corpus>>,
    /// The path the page is served from (leaked once: it lives as long as the page).
    pub base: &'static str,
    pub state: Memo<ViewState>,
    pub results: Memo<Results>,
    /// What the page says of the reader's last action (a link or a quote copied, a file
    /// saved, or why not), shown for a few seconds and read out by screen readers.
    pub said: RwSignal<String>,
}

impl Ctx {
    /// The corpus on screen (tracked: a reactive closure re-runs when another corpus loads).
    pub fn corpus(&self) -> Arc<Corpus> {
        self.corpus_signal.get()
    }

    /// The link to `state`: a real URL, so every view can be opened in a new tab or shared.
    pub fn href(&self, state: &ViewState) -> String {
        let q = state.to_query();
        if q.is_empty() {
            self.base.to_string()
        } else {
            format!("{}?{}", self.base, q)
        }
    }

    /// The link to quote `index` of `corpus` (`quote=`): its article opened at it, the
    /// corpus kept and the search `q` still marked.
    pub fn quote_href(&self, corpus: &Corpus, index: usize, q: &str) -> String {
        let (article, start) = corpus.quote_param(index).unwrap_or_default();
        self.quote_at_href(article, start, q)
    }

    /// The link to the quote starting at byte `start` of article `article` (`quote=`), of any
    /// corpus: see [`Ctx::quote_href`].
    pub fn quote_at_href(&self, article: String, start: usize, q: &str) -> String {
        let corpus = self.state.with_untracked(|s| s.corpus.clone());
        self.href(&ViewState { article: Some(article), quote: Some(start), q: q.to_string(), corpus, ..ViewState::default() })
    }

    /// Says `text` for a few seconds (see `said`).
    pub fn say(&self, text: String) {
        let said = self.said;
        said.set(text.clone());
        set_timeout(
            move || {
                said.update(|now| {
                    if *now == text {
                        now.clear()
                    }
                })
            },
            std::time::Duration::from_secs(6),
        );
    }

    /// `href` as a whole URL, to copy or save where this page is not.
    pub fn absolute(&self, href: &str) -> String {
        window().location().origin().map(|origin| origin + href).unwrap_or_else(|_| href.to_string())
    }
}

pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("Ctx is provided by Page")
}
