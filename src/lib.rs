//! Broadsheet: who said what, about whom, when — a news reader that runs
//! extraction in the browser.
//!
//! The plain modules hold every decision and are tested on the host:
//! [`state`] (the URL contract), [`search`], [`filter`] (results, facet
//! counts and whose voices a view has), [`timeline`] (items per day, week, month or year),
//! [`profile`] (one speaker or entity across the corpus), [`highlight`], [`export`] (quotes as CSV
//! and JSON, articles as JSONL), [`loader`] (the reader's own corpus), [`load`]
//! (which load may change the page, in what batches and order a corpus arrives), [`markup`]
//! (the rows rewritten on every change and citations, as escaped HTML) and [`corpus`] (extraction
//! and indexes, built once per corpus); for an index in format 3, [`archive`] (filters and facets on
//! its table), [`chunks`] (which chunks a view needs) and [`archive_markup`].
//! [`components`] only wires signals to them; [`fetch`], [`worker`] and [`share`] (downloads,
//! the clipboard) are the browser I/O they call.

pub mod archive;
pub mod archive_markup;
pub mod archive_session;
pub mod chunks;
pub mod components;
pub mod corpus;
pub mod export;
pub mod fetch;
pub mod filter;
pub mod highlight;
pub mod load;
pub mod loader;
pub mod markup;
pub mod profile;
pub mod search;
pub mod share;
pub mod state;
pub mod timeline;
pub mod worker;

/// Mounts the app on the page's body.
pub fn mount() {
    // The same module runs in the extraction workers, which have no page to mount on.
    if web_sys::window().is_none() {
        return;
    }
    // A panic is a bug; say where it happened instead of a bare "unreachable".
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&format!("Broadsheet bug: {info}").into())));
    #[cfg(feature = "split")]
    load::fetch_code_early(&web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default());
    leptos::mount::mount_to_body(components::app::App);
}
