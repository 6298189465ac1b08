//! The main column: an opened article, or a list (article cards or quotes) under the profile
//! of the one speaker or entity it is filtered to and the charts of its items: the timeline
//! and who is quoted.

use leptos::prelude::*;

use super::archive_results::archive_results_view;
use super::article_cards::ArticleCards;
use super::article_view::ArticleView;
use super::overview::Overview;
use super::quote_list::QuoteList;
use super::use_ctx;
use crate::load::Loader;
use crate::state::{View, ViewState};

#[component]
pub fn Results() -> impl IntoView {
    let ctx = use_ctx();
    // Rebuilt only when the view or the opened article changes; lists update in place.
    let mode = Memo::new(move |_| ctx.state.with(|s| (s.view, s.article.clone())));
    let archive = use_context::<Loader>().map(|l| l.archive);
    move || {
        if archive.is_some_and(|a| a.is_shown()) {
            return crate::loaded!(archive_results_view()).unwrap_or_else(|| ().into_any());
        }
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
            (View::Articles, None) => view! { <Overview/><ArticleCards/> }.into_any(),
            (View::Quotes, _) => view! { <Overview/><QuoteList/> }.into_any(),
        }
    }
}
