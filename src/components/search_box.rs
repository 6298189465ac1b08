//! The search box: typing replaces the current history entry after a pause,
//! so Back skips keystrokes; the box follows the URL when Back changes it.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::use_ctx;
use crate::state::ViewState;

const DEBOUNCE: Duration = Duration::from_millis(250);

#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    let draft = RwSignal::new(ctx.state.get_untracked().q);
    let last_sent = StoredValue::new(ctx.state.get_untracked().q);
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);

    // Back/Forward (or a link) changed q: show it, unless it is what we typed.
    Effect::new(move |_| {
        let q = ctx.state.get().q;
        if q != last_sent.get_value() {
            last_sent.set_value(q.clone());
            draft.set(q);
        }
    });

    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        draft.set(value.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let navigate = navigate.clone();
        let handle = set_timeout_with_handle(
            move || {
                let next = ViewState { q: value.trim().to_string(), ..ctx.state.get_untracked() };
                last_sent.set_value(next.q.clone());
                navigate(&ctx.href(&next), NavigateOptions { replace: true, scroll: false, ..Default::default() });
            },
            DEBOUNCE,
        );
        pending.set_value(handle.ok());
    };

    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="q">{"Search quotes and articles"}</label>
            <input id="q" name="q" type="search" autocomplete="off" spellcheck="false"
                placeholder="words or \"exact phrase\""
                prop:value=move || draft.get() on:input=on_input/>
        </form>
    }
}
