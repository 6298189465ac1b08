//! Facet controls: one multi-select list per entity facet, the quote kind and the date range.
//! Every choice is a link, so it pushes one history entry and can be opened in a new tab.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::use_ctx;
use crate::state::{is_iso_date, Facet, ViewState};
use broadsheet_extract::QuoteKind;

/// Values shown before "Show all".
const SHORT_LIST: usize = 8;

#[component]
pub fn FacetGroup(facet: Facet) -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(false);
    let values = move || ctx.results.with(|r| r.facets[facet as usize].clone());
    let heading_id = format!("facet-{}", facet.param());
    view! {
        <section class="facet" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{facet.label()}</h2>
            <Show when=move || values().is_empty()>
                <p class="none">"None"</p>
            </Show>
            <ul>
                {move || {
                    let ctx = use_ctx();
                    let all = values();
                    let limit = if expanded.get() { all.len() } else { SHORT_LIST };
                    all.into_iter()
                        .enumerate()
                        .filter(|(i, v)| *i < limit || v.selected)
                        .map(|(_, v)| {
                            let key = v.key.clone();
                            let href = move || ctx.href(&ctx.state.get().toggled(facet, &key));
                            let pressed = if v.selected { "true" } else { "false" };
                            view! {
                                <li>
                                    <a class="facet-value" href=href aria-pressed=pressed class:zero=v.count == 0>
                                        <span class="name">{v.name}</span>
                                        <span class="count">{v.count}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Show when=move || { values().len() > SHORT_LIST }>
                <button type="button" class="link" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {}", values().len()) }}
                </button>
            </Show>
        </section>
    }
}

#[component]
pub fn KindFilter() -> impl IntoView {
    let option = move |kind: Option<QuoteKind>, label: &'static str| {
        let ctx = use_ctx();
        let href = move || ctx.href(&ViewState { kind, ..ctx.state.get() });
        let pressed = move || if ctx.state.get().kind == kind { "true" } else { "false" };
        let count = move || {
            let (full, partial) = ctx.results.with(|r| r.kinds);
            match kind {
                Some(QuoteKind::Full) => full.to_string(),
                Some(QuoteKind::Partial) => partial.to_string(),
                None => String::new(),
            }
        };
        view! {
            <li><a class="facet-value" href=href aria-pressed=pressed><span class="name">{label}</span><span class="count">{count}</span></a></li>
        }
    };
    view! {
        <section class="facet" aria-labelledby="facet-kind">
            <h2 id="facet-kind">"Quote kind"</h2>
            <ul>
                {option(None, "Any")}
                {option(Some(QuoteKind::Full), "Full sentences")}
                {option(Some(QuoteKind::Partial), "Fragments")}
            </ul>
        </section>
    }
}

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
            <h2 id="facet-dates">"Published"</h2>
            <label>"From" <input type="date" prop:value=move || ctx.state.get().from.unwrap_or_default()
                on:change=move |ev| set("from", event_target_value(&ev))/></label>
            <label>"To" <input type="date" prop:value=move || ctx.state.get().to.unwrap_or_default()
                on:change=move |ev| set_to("to", event_target_value(&ev))/></label>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}
