//! "Filters (n)": on a phone (below 700 px) the results come first and the filters open as a
//! panel from this button, which says how many filters are active. Wider screens show the
//! filters beside the results and hide the button (in the stylesheet).

use leptos::prelude::*;

use super::use_ctx;

#[component]
pub fn FiltersToggle(open: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let label = move || format!("Filters ({})", ctx.state.with(|s| s.active_filters()));
    view! {
        <button type="button" id="filters-toggle" class="filters-toggle" aria-controls="filters"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            on:click=move |_| open.update(|o| *o = !*o)>{label}</button>
    }
}
