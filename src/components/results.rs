//! The main column: the article cards, an opened article or the quote list.

use leptos::prelude::*;

use super::archive_results::ArchiveResults;
use super::article_cards::ArticleCards;
use super::article_view::ArticleView;
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
            return view! { <ArchiveResults/> }.into_any();
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
            (View::Articles, None) => view! { <ArticleCards/> }.into_any(),
            (View::Quotes, _) => view! { <QuoteList/> }.into_any(),
        }
    }
}
