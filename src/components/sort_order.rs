//! The lists' order: the corpus's own, newest first or oldest first (`sort=`).

use leptos::prelude::*;

use super::use_ctx;
use crate::state::{Sort, ViewState};

/// Three links, the current order marked; each keeps the rest of the view.
#[component]
pub fn SortOrder() -> impl IntoView {
    let ctx = use_ctx();
    let link = move |order: Sort| {
        let href = move || ctx.href(&ViewState { sort: order, ..ctx.state.get() });
        let current = move || ctx.state.with(|s| s.sort == order).then_some("true");
        view! { <a class="toggle" href=href aria-current=current>{order.label()}</a> }
    };
    view! { <span class="sort-order" role="group" aria-label="Order">{Sort::ALL.map(link)}</span> }
}
