//! Quiet notices about parts of the URL that were ignored.

use leptos::prelude::*;

#[component]
pub fn Notices(#[prop(into)] notices: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || !notices.with(Vec::is_empty)>
            <div class="notices" role="status">
                <p>{"Some of this link was not understood:"}</p>
                <ul>{move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}
