//! "Show more": lists render a page at a time, so the DOM stays small on big corpora.

use leptos::prelude::*;

/// Items shown at first, and added by each "Show more": a screenful or two, so a
/// filter change renders little (and fills a grid of two, three or four columns).
pub const PAGE_SIZE: usize = 12;

/// The button under a paged list; `shown` is how many items the list renders.
#[component]
pub fn ShowMore(shown: RwSignal<usize>, #[prop(into)] total: Signal<usize>) -> impl IntoView {
    view! {
        <Show when=move || { total.get() > shown.get() }>
            <button class="more" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>
                {move || format!("Show more ({} left)", total.get() - shown.get())}
            </button>
        </Show>
    }
}
