//! "Open a corpus": a link to load (kept in the URL), local files or a folder
//! (picked or dropped; they never leave the machine), progress and errors.
//! The loading itself is [`crate::load`]'s.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::use_ctx;
use crate::load::{LoadStatus, Loader};
use crate::state::ViewState;

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn LoaderPanel() -> impl IntoView {
    let ctx = use_ctx();
    let loader = use_context::<Loader>().expect("Loader is provided by Page");
    let navigate = use_navigate();
    let url_draft = RwSignal::new(ctx.state.get_untracked().corpus.unwrap_or_default());
    let dragging = RwSignal::new(false);
    // The folder picker's attribute is not in the HTML standard, so it is set by hand.
    let folder_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder_input.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = url_draft.get_untracked().trim().to_string();
        let next = ViewState { corpus: (!url.is_empty()).then_some(url), ..ViewState::default() };
        navigate(&ctx.href(&next), Default::default());
    };
    let picked = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let files = file_list(input.as_ref().and_then(|i| i.files()));
        if !files.is_empty() {
            loader.load_files(ctx.corpus_signal, files);
        }
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = file_list(ev.data_transfer().and_then(|d| d.files()));
        if !files.is_empty() {
            loader.load_files(ctx.corpus_signal, files);
        }
    };
    let status_view = move || match loader.status.get() {
        LoadStatus::Idle => ().into_any(),
        LoadStatus::Loading { what, done, total } => view! {
            <p class="load-status">"Loading " {what} "…"
                <progress max=total.max(1) value=done aria-label="Articles read">{format!("{done} / {total}")}</progress>
                <span class="progress-count">{format!(" {done} / {total}")}</span>
            </p>
        }
        .into_any(),
        LoadStatus::Loaded { what, articles, problems } => view! {
            <div class="load-status ok">
                <p>{format!("Loaded {articles} article{} from {what}.", if articles == 1 { "" } else { "s" })}</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        LoadStatus::Failed { what, error } => view! {
            <div class="load-status failed" role="alert">
                <p>{format!("Could not load {what}.")}</p>
                <p>{error}</p>
                <p>{"The corpus on screen was kept."}</p>
            </div>
        }
        .into_any(),
    };
    view! {
        <details class="loader" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=dropped>
            <summary>{"Open your own corpus"}</summary>
            <form on:submit=submit>
                <label for="corpus-url">{"Link to a .txt article, a .jsonl file or a manifest.json"}</label>
                <div class="row">
                    <input id="corpus-url" type="url" inputmode="url" placeholder="https://example.org/news/manifest.json"
                        prop:value=move || url_draft.get()
                        on:input=move |ev| url_draft.set(event_target_value(&ev))/>
                    <button type="submit">{"Load"}</button>
                </div>
            </form>
            <div class="row">
                <label class="file">"Files" <input type="file" multiple accept=".txt,.jsonl" on:change=picked/></label>
                <label class="file">"A folder" <input type="file" node_ref=folder_input on:change=picked/></label>
            </div>
            <p class="hint">{"…or drop files here. Local files are read in this browser and never uploaded; a link to this view opens the bundled corpus."}</p>
        </details>
        {status_view}
    }
}
