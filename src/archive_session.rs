//! A format 3 index on the page: the signals that hold it and its chunks, and the fetches that
//! fill them. Which chunks a view needs is decided in [`crate::chunks`]; what results a view
//! has, in [`crate::archive`]; this only connects them to the browser.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::archive::{search_terms, Archive, Search};
use crate::chunks::{self, ChunkId, Chunks};
use crate::fetch;
use crate::filter::Results;
use crate::load::LoadingCodeUnavailable;
use crate::state::{View, ViewState};
use crate::timeline::Timeline;

/// The index on screen, if the corpus is one in format 3, and the chunks fetched for it: word
/// chunks apart from content chunks, so that a card arriving never re-runs the filters.
#[derive(Clone, Copy)]
pub struct ArchiveSession {
    pub archive: RwSignal<Option<Arc<Archive>>>,
    pub words: RwSignal<Chunks>,
    pub content: RwSignal<Chunks>,
}

impl Default for ArchiveSession {
    fn default() -> ArchiveSession {
        ArchiveSession { archive: RwSignal::new(None), words: RwSignal::new(Chunks::default()), content: RwSignal::new(Chunks::default()) }
    }
}

impl ArchiveSession {
    /// Puts `archive` on screen (or none), with no chunk fetched yet.
    pub fn show(self, archive: Option<Archive>) {
        self.words.set(Chunks::default());
        self.content.set(Chunks::default());
        self.archive.set(archive.map(Arc::new));
    }

    /// True while an index in format 3 is on screen (tracked).
    pub fn is_shown(self) -> bool {
        self.archive.with(Option::is_some)
    }

    /// The results of `state` on the index `archive`: its search as far as its word chunks
    /// have come (while they come, the results shown before stay: `before`).
    pub fn results(self, archive: &Archive, state: &ViewState, before: Option<&Results>) -> Results {
        let terms = search_terms(&state.q);
        let search = self.words.with(|w| archive.search(&terms, state.view == View::Quotes, |i| w.words(i)));
        match search {
            Search::None => archive.results(state, None),
            Search::Found(bits) => archive.results(state, Some(bits)),
            Search::Waiting => match before {
                Some(before) => before.clone(),
                None => archive.results(state, Some(Default::default())),
            },
            // Nothing is found; the list says which chunk failed.
            Search::Failed(_) => archive.results(state, Some(Default::default())),
        }
    }

    /// The word chunks the search of `state` needs.
    pub fn words_needed(archive: &Archive, state: &ViewState) -> Vec<ChunkId> {
        archive.word_chunks(&search_terms(&state.q)).into_iter().map(ChunkId::Words).collect()
    }

    /// Fetches those of `needed` that were never asked for into `store`; each arrives on its own,
    /// and one that fails is kept as its message.
    pub fn fetch(self, archive: &Arc<Archive>, store: RwSignal<Chunks>, needed: &[ChunkId]) {
        let missing = store.with_untracked(|c| c.missing(needed));
        if missing.is_empty() {
            return;
        }
        store.update(|c| c.asked(&missing));
        for id in missing {
            let archive = archive.clone();
            spawn_local(async move {
                let read = match id.file_name(&archive) {
                    Some(file) => fetch::fetch_chunk(&archive.url, &file, None).await.and_then(|payload| chunks::read(&archive, id, &payload)),
                    None => Err(format!("the index lists no chunk {id:?}")),
                };
                // An index replaced meanwhile keeps nothing of this one.
                let current = self.archive.with_untracked(|shown| shown.as_ref().is_some_and(|a| Arc::ptr_eq(a, &archive)));
                if current {
                    store.update(|c| c.arrived(id, read));
                }
            });
        }
    }
}

/// The results of `state` on the index on screen ([`ArchiveSession::results`]). Like all the
/// page's code for an index in format 3, it is in the loading module (the `split` feature):
/// only a load puts such an index on screen. Called through [`crate::loaded!`].
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(corpus_loading, wasm_split_path = ::leptos::wasm_split, fallible, preload(ready_archive_results))
)]
pub fn archive_results(
    session: ArchiveSession,
    archive: &Archive,
    state: &ViewState,
    before: Option<&Results>,
) -> Result<Results, LoadingCodeUnavailable> {
    Ok(session.results(archive, state, before))
}

/// The timeline of a view's items on the index on screen ([`Archive::timeline`]); in the
/// loading module like [`archive_results`].
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(corpus_loading, wasm_split_path = ::leptos::wasm_split, fallible, preload(ready_archive_timeline))
)]
pub fn archive_timeline(archive: &Archive, results: &Results) -> Result<Timeline, LoadingCodeUnavailable> {
    Ok(archive.timeline(results))
}

/// Readies the page's calls into the code for an index in format 3 before one is shown:
/// each such function learns that its module is there on its first call, a step later, so
/// they are all asked once here and then answer at once ([`crate::loaded!`]).
pub async fn ready_archive_code() -> Result<(), LoadingCodeUnavailable> {
    #[cfg(feature = "split")]
    {
        ready_archive_results().await?;
        ready_archive_timeline().await?;
        crate::components::archive_results::ready_archive_results_view().await?;
    }
    Ok(())
}
