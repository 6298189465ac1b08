//! One entity facet (speakers, people, places or organisations) as a multi-select list with counts.
//! Every choice is a link, so it pushes one history entry and can be opened in a new tab.

use leptos::prelude::*;

use super::use_ctx;
use crate::state::Facet;

/// Values shown before "Show all".
const SHORT_LIST: usize = 8;

#[component]
pub fn FacetGroup(facet: Facet) -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(false);
    let value_count = move || ctx.results.with(|r| r.facets[facet as usize].len());
    let shown = move || {
        let limit = if expanded.get() { usize::MAX } else { SHORT_LIST };
        ctx.results.with(|r| {
            r.facets[facet as usize].iter().enumerate().filter(|(i, v)| *i < limit || v.selected).map(|(_, v)| v.clone()).collect::<Vec<_>>()
        })
    };
    let heading_id = format!("facet-{}", facet.param());
    view! {
        <section class="facet" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{facet.label()}</h2>
            <Show when=move || value_count() == 0>
                <p class="none">"None"</p>
            </Show>
            <ul>
                // Keyed by what a row shows, so rows whose count did not change keep their DOM.
                <For each=shown key=|v| (v.key.clone(), v.count, v.selected) children=move |v| {
                    let key = v.key.clone();
                    let href = move || ctx.state.with(|s| ctx.href(&s.toggled(facet, &key)));
                    let pressed = if v.selected { "true" } else { "false" };
                    view! {
                        <li>
                            // The sidebar stays where the reader scrolled it.
                            <a class="facet-value" href=href aria-pressed=pressed class:zero=v.count == 0 data-noscroll="">
                                <span class="name">{v.name}</span>
                                <span class="count">{v.count}</span>
                            </a>
                        </li>
                    }
                }/>
            </ul>
            <Show when=move || { value_count() > SHORT_LIST }>
                <button type="button" class="link" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {}", value_count()) }}
                </button>
            </Show>
        </section>
    }
}
