//! The quote-kind filter: any, full sentences or fragments, with counts.

use broadsheet_extract::QuoteKind;
use leptos::prelude::*;

use super::use_ctx;
use crate::state::ViewState;

#[component]
pub fn KindFilter() -> impl IntoView {
    let option = move |kind: Option<QuoteKind>, label: &'static str| {
        let ctx = use_ctx();
        let href = move || ctx.href(&ViewState { kind, ..ctx.state.get() });
        let current = move || (ctx.state.get().kind == kind).then_some("true");
        let count = move || {
            let (full, partial) = ctx.results.with(|r| r.kinds);
            match kind {
                Some(QuoteKind::Full) => full.to_string(),
                Some(QuoteKind::Partial) => partial.to_string(),
                None => String::new(),
            }
        };
        view! {
            <li><a class="facet-value" href=href aria-current=current data-noscroll=""><span class="name">{label}</span><span class="count">{count}</span></a></li>
        }
    };
    view! {
        <section class="facet" aria-labelledby="facet-kind">
            <h2 id="facet-kind">{"Quote kind"}</h2>
            <ul>
                {option(None, "Any")}
                {option(Some(QuoteKind::Full), "Full sentences")}
                {option(Some(QuoteKind::Partial), "Fragments")}
            </ul>
        </section>
    }
}
