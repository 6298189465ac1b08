//! The article cards of the current results, paged.

use leptos::prelude::*;

use super::article_card::ArticleCard;
use super::show_more::{ShowMore, PAGE_SIZE};
use super::sort_order::SortOrder;
use super::use_ctx;
use crate::state::View;

#[component]
pub fn ArticleCards() -> impl IntoView {
    let ctx = use_ctx();
    let shown = RwSignal::new(PAGE_SIZE);
    let items = move || {
        ctx.results.with(|r| if r.view == View::Articles { r.items.iter().copied().take(shown.get()).collect() } else { Vec::new() })
    };
    let articles = move || ctx.corpus().articles.len();
    let total = move || ctx.results.with(|r| r.items.len());
    let clear = move || ctx.href(&ctx.state.get().cleared());
    view! {
        <div class="list-head">
            <p class="summary" role="status">{move || format!("{} of {} articles", total(), articles())}</p>
            <SortOrder/>
        </div>
        <Show when=move || total() == 0>
            <p class="empty">"No article matches these filters. " <a href=clear>"Clear all filters"</a></p>
        </Show>
        <ol class="cards">
            <For each=items key=|i| *i children=move |i| view! { <ArticleCard index=i/> }/>
        </ol>
        <ShowMore shown=shown total=Signal::derive(total)/>
    }
}
