//! The keyboard, page-wide: `/` goes to the search box, and focus survives a filter change.
//!
//! The lists that change with a filter are written anew (see `markup`), so the link that
//! was clicked is replaced and the focus would fall back to the page. Controls that can be
//! replaced carry `data-focus` (what they are, e.g. a facet value's key) inside an element
//! with `data-focus-group`; after a change the focus goes back to the control with the same
//! `data-focus`, else to the first control of its group, else to the results.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::use_ctx;

/// Focuses `element` if it is one that can take focus.
fn focus(element: Option<web_sys::Element>) -> bool {
    let focusable = element.and_then(|e| {
        e.dyn_into::<web_sys::HtmlElement>().map(|e| e.focus()).or_else(|e| e.dyn_into::<web_sys::SvgElement>().map(|e| e.focus())).ok()
    });
    focusable.is_some_and(|done| done.is_ok())
}

#[component]
pub fn Keyboard() -> impl IntoView {
    let ctx = use_ctx();
    // The focused control's `data-focus` and its group's name, while a control that has them is focused.
    let focused = StoredValue::new(None::<(String, Option<String>)>);
    let on_focus = window_event_listener(ev::focusin, move |e| {
        let element = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        focused.set_value(element.and_then(|e| {
            let group = e.closest("[data-focus-group]").ok().flatten().and_then(|g| g.get_attribute("data-focus-group"));
            e.get_attribute("data-focus").map(|key| (key, group))
        }));
    });
    let on_key = window_event_listener(ev::keydown, move |e| {
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.closest("input, textarea, select, [contenteditable]").ok().flatten().is_some());
        if e.key() == "/" && !typing && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
            e.prevent_default();
            if let Some(input) = document().get_element_by_id("q").and_then(|q| q.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                let _ = input.focus();
                input.select();
            }
        }
    });
    on_cleanup(move || {
        on_focus.remove();
        on_key.remove();
    });
    Effect::new(move |_| {
        ctx.state.track();
        // After the page has drawn the change: only when the focused control is gone.
        request_animation_frame(move || {
            let lost = document().active_element().is_none_or(|e| e.tag_name() == "BODY");
            let Some((key, group)) = focused.get_value().filter(|_| lost) else { return };
            let document = document();
            let all = |within: &web_sys::Element| -> Vec<web_sys::Element> {
                within
                    .query_selector_all("[data-focus]")
                    .map_or_else(|_| Vec::new(), |l| (0..l.length()).filter_map(|i| l.get(i)?.dyn_into().ok()).collect())
            };
            let same = |list: &[web_sys::Element]| list.iter().find(|e| e.get_attribute("data-focus").as_deref() == Some(&key)).cloned();
            // The same control in its own group first (a speaker is in the facet and in the chart), then anywhere.
            let container = group.as_deref().and_then(|g| document.query_selector(&format!("[data-focus-group=\"{g}\"]")).ok().flatten());
            let in_group = container.as_ref().map(all).unwrap_or_default();
            let everywhere = || document.document_element().map(|root| all(&root)).unwrap_or_default();
            if !focus(same(&in_group)) && !focus(same(&everywhere())) && !focus(in_group.first().cloned()) {
                focus(document.get_element_by_id("results"));
            }
        });
    });
}
