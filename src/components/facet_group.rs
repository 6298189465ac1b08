//! One entity facet (speakers, people, places or organisations) as a multi-select list with counts.
//! Every choice is a link, so it pushes one history entry and can be opened in a new tab.
//!
//! A long list shows its first values, a box to find a value by name, and "Show more"; what
//! is typed there and how far the list is opened are the reader's way through the list, not
//! part of the view, so they stay out of the URL.

use leptos::prelude::*;

use super::use_ctx;
use crate::filter::{facet_rows, FACET_FIRST, FACET_MORE};
use crate::markup;
use crate::state::Facet;

#[component]
pub fn FacetGroup(facet: Facet) -> impl IntoView {
    let ctx = use_ctx();
    let limit = RwSignal::new(FACET_FIRST);
    let find = RwSignal::new(String::new());
    let value_count = move || ctx.results.with(|r| r.facets[facet as usize].len());
    let rows = Memo::new(move |_| find.with(|f| ctx.results.with(|r| facet_rows(&r.facets[facet as usize], f, limit.get()))));
    let matching = move || rows.with(|(_, matching)| *matching);
    let heading_id = format!("facet-{}", facet.param());
    let find_id = format!("find-{}", facet.param());
    let find_label = format!("Find {}", facet.label().to_lowercase());
    view! {
        <section class="facet" aria-labelledby=heading_id.clone() data-focus-group=facet.param()>
            <h2 id=heading_id.clone()>{facet.label()}</h2>
            <Show when=move || value_count() == 0>
                <p class="none">{"None"}</p>
            </Show>
            <Show when=move || { value_count() > FACET_FIRST }>
                <input id=find_id.clone() class="facet-find" type="search" autocomplete="off" spellcheck="false"
                    placeholder=find_label.clone() aria-label=find_label.clone()
                    prop:value=move || find.get()
                    on:input=move |ev| {
                        find.set(event_target_value(&ev));
                        limit.set(FACET_FIRST);
                    }/>
            </Show>
            <Show when=move || { matching() == 0 && value_count() > 0 }>
                <p class="none">"No name holds “" {move || find.get().trim().to_string()} "”."</p>
            </Show>
            <ul prop:innerHTML=move || {
                rows.with(|(rows, _)| ctx.state.with(|s| markup::facet_rows(rows, |v| ctx.href(&s.toggled(facet, &v.key))))).into_trusted()
            }></ul>
            <p class="facet-more">
                <Show when=move || { matching() > limit.get() }>
                    <button type="button" class="link" on:click=move |_| limit.update(|l| *l += FACET_MORE)>
                        {move || format!("Show {} more of {}", (matching() - limit.get()).min(FACET_MORE), matching())}
                    </button>
                </Show>
                <Show when=move || { limit.get() > FACET_FIRST }>
                    <button type="button" class="link" on:click=move |_| limit.set(FACET_FIRST)>"Show fewer"</button>
                </Show>
            </p>
        </section>
    }
}
