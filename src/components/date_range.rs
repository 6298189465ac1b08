//! The publication date range. A value that is not a date is refused with a
//! message and the range stays as it was.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::use_ctx;
use crate::state::is_iso_date;

#[component]
pub fn DateRange() -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let error = RwSignal::new(String::new());
    let set = move |which: &'static str, value: String| {
        let ctx = use_ctx();
        let value = value.trim().to_string();
        if !value.is_empty() && !is_iso_date(&value) {
            error.set(format!("“{value}” is not a date like 2023-03-31; the range was left as it was."));
            return;
        }
        error.set(String::new());
        let mut next = ctx.state.get_untracked();
        let v = (!value.is_empty()).then_some(value);
        if which == "from" {
            next.from = v;
        } else {
            next.to = v;
        }
        navigate(&ctx.href(&next), Default::default());
    };
    let set_to = set.clone();
    view! {
        <section class="facet dates" aria-labelledby="facet-dates">
            <h2 id="facet-dates">{"Published"}</h2>
            <label>"From" <input type="date" prop:value=move || ctx.state.get().from.unwrap_or_default()
                on:change=move |ev| set("from", event_target_value(&ev))/></label>
            <label>"To" <input type="date" prop:value=move || ctx.state.get().to.unwrap_or_default()
                on:change=move |ev| set_to("to", event_target_value(&ev))/></label>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}
