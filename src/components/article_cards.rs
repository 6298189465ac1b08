//! The article cards of the current results, paged.

use leptos::prelude::*;

use super::downloads::Downloads;
use super::show_more::{ShowMore, PAGE_SIZE};
use super::sort_order::SortOrder;
use super::use_ctx;
use crate::markup;
use crate::state::{View, ViewState};

#[component]
pub fn ArticleCards() -> impl IntoView {
    let ctx = use_ctx();
    let shown = RwSignal::new(PAGE_SIZE);
    // The cards of the page as one piece of HTML: see `markup`.
    let cards = move || {
        let corpus = ctx.corpus();
        let mut out = markup::Html::default();
        ctx.results.with(|r| {
            ctx.state.with(|s| {
                let items = if r.view == View::Articles { &r.items[..r.items.len().min(shown.get())] } else { &[] };
                for &i in items {
                    let Some(a) = corpus.articles.get(i) else { continue };
                    let open = ctx.href(&ViewState { article: Some(a.id.clone()), ..s.clone() });
                    markup::article_card(&mut out, &corpus, i, &open, &|facet, key| ctx.href(&s.toggled(facet, key)));
                }
            })
        });
        out.into_trusted()
    };
    let articles = move || ctx.corpus().articles.len();
    let total = move || ctx.results.with(|r| r.items.len());
    let clear = move || ctx.href(&ctx.state.get().cleared());
    view! {
        <div class="list-head">
            <p class="summary" role="status">{move || format!("{} of {} articles", total(), articles())}</p>
            <span class="list-actions">
                <Downloads quotes=false/>
                <SortOrder/>
            </span>
        </div>
        <Show when=move || total() == 0>
            <p class="empty">"No article matches these filters. " <a href=clear>"Clear all filters"</a></p>
        </Show>
        <ol class="cards" prop:innerHTML=cards></ol>
        <ShowMore shown=shown total=Signal::derive(total)/>
    }
}
