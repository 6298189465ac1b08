//! Loading the reader's own corpus: which load may change the page, in what
//! batches articles are extracted, when a growing corpus is shown again (and
//! so re-indexed), which shard of an index comes first, and the search index
//! built afterwards between frames.
//!
//! The decisions are plain functions and structs, tested on the host; [`Loader`]
//! runs them against the browser ([`crate::fetch`], [`crate::worker`]) and the
//! page's signals. A failed load keeps the corpus already on screen, and only
//! the latest load may change it.

use std::ops::Range;
use std::sync::Arc;

use broadsheet_extract::Article;
use futures::channel::mpsc;
use futures::StreamExt;
use leptos::prelude::*;
use leptos::task::spawn_local;

use broadsheet_archive::chunk::Kind;
use broadsheet_archive::manifest::Manifest;

use crate::archive::Archive;
use crate::archive_session::ArchiveSession;
use crate::corpus::Corpus;
use crate::fetch::{self, Fetched, Loaded};
use crate::loader::{ArticleFile, ShardRef};
use crate::search::WordIndexBuilder;
use crate::state::decode_query;
use crate::worker::{Extractor, InPage, Pool};

/// Articles in one batch: a worker's unit of work, or the main thread's between two yields to the browser.
const EXTRACT_BATCH: usize = 100;
/// Articles in the first batch: few, so the first cards wait only for them,
/// while the extractor's code is still being optimised.
const FIRST_BATCH: usize = 20;
/// How much a loading corpus grows between two showings of it.
const SHOWN_GROWTH: usize = 4;
/// Articles added to the search index between two yields to the browser (a few milliseconds).
const WORD_INDEX_SLICE: usize = 250;

/// The batches `count` articles are extracted in: a small first one, so the
/// first cards come soon, then [`EXTRACT_BATCH`] each.
pub fn batches(count: usize) -> Vec<Range<usize>> {
    let first = FIRST_BATCH.min(count);
    let rest = (first..count).step_by(EXTRACT_BATCH).map(|start| start..(start + EXTRACT_BATCH).min(count));
    (first > 0).then_some(0..first).into_iter().chain(rest).collect()
}

/// When a corpus that is still arriving is put on screen (and so indexed):
/// at the first batch, then each time the count has grown [`SHOWN_GROWTH`]
/// times while more than half is still to come. The page is usable at once,
/// and the re-indexing on the way costs less than the final index (showing at
/// every doubling cost up to twice it, and it competes with the workers for the cores).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Showings {
    total: usize,
    shown: usize,
}

impl Showings {
    pub fn new(total: usize) -> Showings {
        Showings { total, shown: 0 }
    }

    /// Whether the corpus should be shown now that `done` articles have arrived
    /// (the whole corpus is shown once at the end, not here).
    pub fn after(&mut self, done: usize) -> bool {
        let worth_showing = self.shown == 0 || (2 * done <= self.total && done >= SHOWN_GROWTH * self.shown);
        let show = done > 0 && done < self.total && worth_showing;
        if show {
            self.shown = done;
        }
        show
    }
}

/// Loads in the order they were asked for: each gets a number, and only the
/// latest may change the page — an older one stops as soon as it sees it is
/// no longer current, so the last load the reader asked for wins.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Generations {
    latest: u64,
}

impl Generations {
    /// A new load, which makes every earlier one stale.
    pub fn begin(&mut self) -> u64 {
        self.latest += 1;
        self.latest
    }

    pub fn is_current(&self, generation: u64) -> bool {
        generation == self.latest
    }
}

/// The order to fetch an index's shards in: the one holding `article` (the
/// article a link opens) first, so the link shows it at once, then the rest in order.
pub fn shard_order(shards: &[ShardRef], article: Option<&str>) -> Vec<usize> {
    let first = article.and_then(|id| shards.iter().position(|s| s.ids.iter().any(|x| x == id)));
    first.into_iter().chain((0..shards.len()).filter(|&i| Some(i) != first)).collect()
}

/// Whether an index load should stop after its first shard until the reader
/// leaves the article: when the link opened an article, that shard holds it,
/// something arrived, and the view still shows it. A shared link to one
/// article of a large index then costs one shard.
pub fn waits_for_reader(link_article: Option<&str>, first_holds_it: bool, arrived: bool, viewed_article: Option<&str>) -> bool {
    link_article.is_some() && first_holds_it && arrived && viewed_article == link_article
}

/// Puts the articles of an index back in its order: `order` is the order the
/// shards were fetched in, `received[i]` how many articles shard `i` gave.
/// Only the first shard can be out of place (see [`shard_order`]).
pub fn restore_index_order(articles: &mut [Article], order: &[usize], received: &[usize]) {
    if let Some(&first) = order.first().filter(|&&first| first > 0) {
        let before: usize = received[..first].iter().sum();
        articles[..before + received[first]].rotate_left(received[first]);
    }
}

/// Where the loading stands, for the status line.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LoadStatus {
    #[default]
    Idle,
    Loading {
        what: String,
        done: usize,
        total: usize,
    },
    Loaded {
        what: String,
        articles: usize,
        problems: Vec<String>,
    },
    Failed {
        what: String,
        error: String,
    },
}

/// Runs loads for the page: shared by the panel and the page, which starts loads from the URL.
#[derive(Clone, Copy)]
pub struct Loader {
    pub status: RwSignal<LoadStatus>,
    generations: StoredValue<Generations>,
    /// The article the view opens (`article=`), as the page last said ([`Loader::article_is`]).
    article: StoredValue<Option<String>>,
    /// An index load waiting for the reader to leave the one article it shows
    /// (see [`waits_for_reader`]): that article, and the sender whose drop wakes it.
    waiting: StoredValue<Option<(String, mpsc::UnboundedSender<()>)>>,
    /// An index in format 3 on screen, and its chunks.
    pub archive: ArchiveSession,
}

impl Default for Loader {
    fn default() -> Loader {
        Loader {
            status: RwSignal::new(LoadStatus::Idle),
            generations: StoredValue::new(Generations::default()),
            article: StoredValue::new(None),
            waiting: StoredValue::new(None),
            archive: ArchiveSession::default(),
        }
    }
}

impl Loader {
    /// Lets a waiting index load fetch the rest of its shards.
    fn resume(self) {
        self.waiting.set_value(None);
    }

    /// Told the view's article on every change of view: a load waiting for the
    /// reader to leave the article it shows goes on once the view opens another
    /// one, or none.
    pub fn article_is(self, current: Option<&str>) {
        self.article.set_value(current.map(str::to_string));
        if self.waiting.with_value(|w| w.as_ref().is_some_and(|(shown, _)| Some(shown.as_str()) != current)) {
            self.resume();
        }
    }

    fn begin(self, what: &str, total: usize) -> u64 {
        self.resume();
        let mut generations = self.generations.get_value();
        let generation = generations.begin();
        self.generations.set_value(generations);
        self.status.set(LoadStatus::Loading { what: what.to_string(), done: 0, total });
        generation
    }

    /// Stops any load under way from touching the page.
    pub fn cancel(self) {
        self.resume();
        self.generations.update_value(|g| {
            g.begin();
        });
        self.status.set(LoadStatus::Idle);
    }

    fn is_current(self, generation: u64) -> bool {
        self.generations.with_value(|g| g.is_current(generation))
    }

    /// On success extracts the articles in batches — in Web Workers when they
    /// start, on the main thread otherwise — showing results from the first
    /// batch on and the progress after each; on failure keeps the corpus and says why.
    async fn finish(self, generation: u64, corpus: RwSignal<Arc<Corpus>>, what: String, result: Result<Loaded, String>) {
        if !self.is_current(generation) {
            return;
        }
        let (files, problems) = match result {
            Ok(loaded) => loaded,
            Err(error) => {
                self.status.set(LoadStatus::Failed { what, error });
                return;
            }
        };
        if files.is_empty() {
            // Nothing to extract: `done` says why, and the corpus on screen stays.
            return Arriving::new(self, generation, corpus, what, 0).done(problems);
        }
        let extractor = Extractor::load().await;
        if !self.is_current(generation) {
            return;
        }
        let extractor = match extractor {
            Ok(extractor) => extractor,
            Err(error) => {
                self.status.set(LoadStatus::Failed { what, error });
                return;
            }
        };
        let mut shown = Arriving::new(self, generation, corpus, what, files.len());
        let batches: Vec<&[ArticleFile]> = batches(files.len()).into_iter().map(|range| &files[range]).collect();
        let mut pool = start_pool(&extractor, &batches);
        let mut in_page: Option<InPage> = None;
        for (i, batch) in batches.iter().enumerate() {
            let from_worker = match pool.as_mut() {
                Some(p) => p.next(i, batch).await.map_err(|e| warn(&format!("extraction moves to the main thread: {e}"))).ok(),
                None => None,
            };
            let extracted = match from_worker {
                Some(extracted) => Ok(extracted),
                None => {
                    pool = None;
                    let on_page = match in_page.take() {
                        Some(started) => started,
                        None => match InPage::start(&extractor).await {
                            Ok(started) => started,
                            Err(error) => return shown.fail(error),
                        },
                    };
                    let extracted = batch.iter().map(|f| on_page.extract(f)).collect();
                    in_page = Some(on_page);
                    fetch::yield_to_browser().await;
                    extracted
                }
            };
            match extracted {
                Ok(extracted) => {
                    if !shown.add(extracted) {
                        return;
                    }
                }
                Err(error) => return shown.fail(error),
            }
        }
        shown.done(problems);
    }

    /// Loads a pre-extracted index shard by shard: nothing to extract, the
    /// page shows the first shard as soon as it arrives, the one holding the
    /// article the link opens first ([`shard_order`], [`waits_for_reader`]). A
    /// shard that fails after the first is reported and the others still load.
    async fn finish_index(self, generation: u64, corpus: RwSignal<Arc<Corpus>>, what: String, shards: Vec<ShardRef>, article: Option<String>) {
        let total = shards.iter().map(|s| s.articles).sum();
        let mut shown = Arriving::new(self, generation, corpus, what, total);
        let mut problems = Vec::new();
        let order = shard_order(&shards, article.as_deref());
        let mut received = vec![0; shards.len()];
        for (n, &i) in order.iter().enumerate() {
            let first_holds_it = article.as_ref().is_some_and(|id| shards[order[0]].ids.contains(id));
            let viewed = self.article.get_value();
            if n == 1 && waits_for_reader(article.as_deref(), first_holds_it, !shown.is_empty(), viewed.as_deref()) {
                let (wake, mut woken) = mpsc::unbounded();
                self.waiting.set_value(article.clone().map(|id| (id, wake)));
                // Said as a load that pauses, with its progress bar standing still.
                let what = format!("{} — the rest once you leave this article", shown.what);
                self.status.set(LoadStatus::Loading { what, done: received[order[0]], total });
                // Resumed by the reader, or by a newer load (which this one then leaves alone).
                let _ = woken.next().await;
                if !self.is_current(generation) {
                    return;
                }
            }
            match fetch::fetch_shard(&shards[i]).await {
                Ok(articles) => {
                    received[i] = articles.len();
                    if !shown.add(articles) {
                        return;
                    }
                }
                Err(error) if shown.is_empty() => return shown.fail(error),
                Err(error) => problems.push(error),
            }
        }
        restore_index_order(&mut shown.articles, &order, &received);
        shown.done(problems);
    }

    /// Loads an index in format 3 (its manifest read at `at`): its article facts and dictionary,
    /// with the progress in kilobytes as they arrive, then shows it and reads its quote facts the
    /// same way; every other chunk is fetched when a view needs it.
    async fn finish_archive(self, generation: u64, what: String, at: String, manifest: Manifest) {
        let status = self.status;
        // The progress in kilobytes of `files` arriving together, under `label`.
        let progress = move |label: String, total: u64, files: usize| {
            let arrived = StoredValue::new(vec![0usize; files]);
            move |which: usize| {
                let label = label.clone();
                Box::new(move |bytes: usize| {
                    arrived.update_value(|a| a[which] = bytes);
                    if self.is_current(generation) {
                        let done = arrived.with_value(|a| a.iter().sum::<usize>());
                        status.set(LoadStatus::Loading { what: label.clone(), done: done / 1000, total: total as usize / 1000 });
                    }
                }) as Box<dyn Fn(usize)>
            }
        };
        let first = progress(format!("{what} (its table, kB)"), manifest.article_facts.bytes.saturating_add(manifest.dictionary.bytes), 2);
        let (facts_file, dictionary_file) = (manifest.article_facts.file_name(Kind::ArticleFacts), manifest.dictionary.file_name(Kind::Dictionary));
        let (facts, dictionary) =
            futures::future::join(fetch::fetch_chunk(&at, &facts_file, Some(first(0))), fetch::fetch_chunk(&at, &dictionary_file, Some(first(1))))
                .await;
        if !self.is_current(generation) {
            return;
        }
        let quote_facts = manifest.quote_facts;
        let opened = facts
            .and_then(|facts| dictionary.map(|dictionary| (facts, dictionary)))
            .and_then(|(facts, dictionary)| Archive::new(at.clone(), manifest, facts, dictionary).map_err(|e| format!("{e}")));
        let opened = match opened {
            Ok(archive) => crate::archive_session::ready_archive_code().await.map(|()| archive).map_err(|LoadingCodeUnavailable| {
                "the page's code for this index could not be fetched; check the connection and try again".to_string()
            }),
            Err(error) => Err(error),
        };
        if !self.is_current(generation) {
            return;
        }
        let articles = match opened {
            Ok(archive) => {
                let articles = archive.articles();
                self.archive.show(Some(archive));
                articles
            }
            Err(error) => return self.status.set(LoadStatus::Failed { what, error }),
        };
        // The first view is on screen; the quotes view and who is quoted wait for these.
        let label = format!("{what} (its quotes, kB)");
        self.status.set(LoadStatus::Loading { what: label.clone(), done: 0, total: quote_facts.bytes as usize / 1000 });
        let quotes = progress(label, quote_facts.bytes, 1);
        let payload = fetch::fetch_chunk(&at, &quote_facts.file_name(Kind::QuoteFacts), Some(quotes(0))).await;
        let Some(archive) = self.archive.archive.get_untracked().filter(|_| self.is_current(generation)) else { return };
        match payload.and_then(|payload| archive.add_quote_facts(payload).map_err(|e| format!("{e}"))) {
            Ok(()) => {
                // The same index, now able to answer every view.
                self.archive.archive.update(|_| {});
                self.status.set(LoadStatus::Loaded { what, articles, problems: Vec::new() });
            }
            Err(error) => {
                archive.fail_quote_facts(error.clone());
                self.archive.archive.update(|_| {});
                self.status.set(LoadStatus::Failed { what, error: format!("its quotes could not be read: {error}") });
            }
        }
    }

    /// Loads the corpus at `url`; `article` is the article the link opens, if any.
    pub fn load_url(self, corpus: RwSignal<Arc<Corpus>>, url: String, article: Option<String>) {
        let what = url.clone();
        self.start(corpus, what, 1, LoadRequest::Url { url, article });
    }

    /// Loads files the reader picked or dropped; they never leave the machine.
    pub fn load_files(self, corpus: RwSignal<Arc<Corpus>>, files: Vec<web_sys::File>) {
        let what = match files.len() {
            1 => files[0].name(),
            n => format!("{n} local files"),
        };
        let total = files.len();
        self.start(corpus, what, total, LoadRequest::Files(files));
    }

    /// Begins a load and hands it to the loading code ([`run_load`]), which the
    /// page's build fetches as a module of its own the first time (the `split`
    /// feature); if that fetch fails, the load fails with a message and the
    /// corpus on screen stays.
    fn start(self, corpus: RwSignal<Arc<Corpus>>, what: String, total: usize, request: LoadRequest) {
        let generation = self.begin(&what, total);
        #[cfg(feature = "split")]
        spawn_local(async move {
            if let Err(LoadingCodeUnavailable) = run_load(self, generation, corpus, what.clone(), request).await {
                if self.is_current(generation) {
                    let error = "the page's code for opening a corpus could not be fetched; check the connection and try again".to_string();
                    self.status.set(LoadStatus::Failed { what, error });
                }
            }
        });
        #[cfg(not(feature = "split"))]
        let _always_available: Result<(), LoadingCodeUnavailable> = run_load(self, generation, corpus, what, request);
    }
}

/// Whether the page's link opens a corpus of its own (`corpus=` in `search`,
/// the query string as the page was opened with).
pub fn link_opens_corpus(search: &str) -> bool {
    decode_query(search).iter().any(|(key, _)| key == "corpus")
}

/// Asks for the loading code at once when the page's link opens a corpus: the
/// request goes out before the bundled corpus is drawn, so the load, which
/// starts after that, does not wait for it. (Without the `split` feature the
/// code is in the page already.)
#[cfg(feature = "split")]
pub fn fetch_code_early(search: &str) {
    use std::future::Future;
    if !link_opens_corpus(search) {
        return;
    }
    let mut fetching = Box::pin(fetch_loading_code());
    // Its first step asks the browser for the module; the rest goes on as a task.
    let first_step = fetching.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
    if first_step.is_pending() {
        // The page's executor is set up only when it mounts, after this.
        wasm_bindgen_futures::spawn_local(async move {
            // A failure is said by the load itself, which asks again.
            let _ = fetching.await;
        });
    }
}

/// The answer of a function of the loading module called once a load has put what it needs
/// on screen (an index in format 3), so the module is there: its first step answers. `None`
/// if the module is not there after all. Used through [`loaded!`].
#[cfg(feature = "split")]
pub fn answered<T>(call: impl std::future::Future<Output = Result<T, LoadingCodeUnavailable>>) -> Option<T> {
    let mut call = std::pin::pin!(call);
    match call.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(answer) => answer.ok(),
        std::task::Poll::Pending => None,
    }
}

/// Calls a function of the loading module (a `wasm_split(corpus_loading)` function) from the
/// page, where only a load can have fetched it: `Some(answer)`, or `None` without the module.
/// Without the `split` feature the function is the page's own and simply answers.
#[macro_export]
macro_rules! loaded {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let answer = $crate::load::answered($call);
        #[cfg(not(feature = "split"))]
        let answer = $call.ok();
        answer
    }};
}

/// What a load reads: a link, or the reader's own files.
pub enum LoadRequest {
    Url { url: String, article: Option<String> },
    Files(Vec<web_sys::File>),
}

/// The page's loading code could not be fetched (its build fetches that code
/// the first time a corpus is opened; see [`Loader::start`]).
#[derive(Debug)]
pub struct LoadingCodeUnavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for LoadingCodeUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> LoadingCodeUnavailable {
        LoadingCodeUnavailable
    }
}

/// Everything a load does once begun: fetching, reading the files, extracting
/// in workers, fetching an index's shards. The bundled corpus never runs it,
/// so with the `split` feature this function and all it alone calls become a
/// module of their own (wasm_split, as Leptos' `#[lazy]` does), which keeps
/// the page that first shows the bundled corpus smaller.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(corpus_loading, wasm_split_path = ::leptos::wasm_split, fallible, preload(fetch_loading_code))
)]
fn run_load(
    loader: Loader,
    generation: u64,
    corpus: RwSignal<Arc<Corpus>>,
    what: String,
    request: LoadRequest,
) -> Result<(), LoadingCodeUnavailable> {
    match request {
        LoadRequest::Url { url, article } => {
            // A `.json` is a manifest or a pre-extracted index, which needs no extractor.
            if !crate::loader::file_name(&url).ends_with(".json") {
                Extractor::preload();
            }
            let status = loader.status;
            spawn_local(async move {
                let progress = move |done, total| {
                    if loader.is_current(generation) {
                        status.set(LoadStatus::Loading { what: what.clone(), done, total });
                    }
                };
                match fetch::fetch_corpus(&url, progress).await {
                    Ok(Fetched::Index(shards)) => loader.finish_index(generation, corpus, url, shards, article).await,
                    Ok(Fetched::Archive(at, manifest)) => loader.finish_archive(generation, url, at, manifest).await,
                    Ok(Fetched::Files(loaded)) => loader.finish(generation, corpus, url, Ok(loaded)).await,
                    Err(error) => loader.finish(generation, corpus, url, Err(error)).await,
                }
            });
        }
        LoadRequest::Files(files) => {
            Extractor::preload();
            spawn_local(async move {
                let result = fetch::read_files(files).await;
                loader.finish(generation, corpus, what, result).await;
            });
        }
    }
    Ok(())
}

/// Articles as they arrive, from workers or shards: the progress after each
/// batch, and the corpus shown when [`Showings`] says so.
struct Arriving {
    loader: Loader,
    generation: u64,
    corpus: RwSignal<Arc<Corpus>>,
    what: String,
    total: usize,
    articles: Vec<Article>,
    showings: Showings,
}

impl Arriving {
    fn new(loader: Loader, generation: u64, corpus: RwSignal<Arc<Corpus>>, what: String, total: usize) -> Arriving {
        Arriving { loader, generation, corpus, what, total, articles: Vec::with_capacity(total), showings: Showings::new(total) }
    }

    fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// False once a later load has taken over: the caller stops.
    fn add(&mut self, batch: Vec<Article>) -> bool {
        if !self.loader.is_current(self.generation) {
            return false;
        }
        self.articles.extend(batch);
        let done = self.articles.len();
        self.loader.status.set(LoadStatus::Loading { what: self.what.clone(), done, total: self.total });
        if self.showings.after(done) {
            self.show(self.articles.clone());
        }
        true
    }

    /// Stops the load and says why; whatever is on screen stays.
    fn fail(self, error: String) {
        if self.loader.is_current(self.generation) {
            self.loader.status.set(LoadStatus::Failed { what: self.what, error });
        }
    }

    fn done(mut self, problems: Vec<String>) {
        if !self.loader.is_current(self.generation) {
            return;
        }
        let articles = self.articles.len();
        if articles == 0 {
            // Nothing to show: the corpus on screen stays.
            let error = problems.first().cloned().unwrap_or_else(|| "It holds no article.".to_string());
            self.loader.status.set(LoadStatus::Failed { what: self.what, error });
            return;
        }
        let all = std::mem::take(&mut self.articles);
        self.show(all);
        self.loader.status.set(LoadStatus::Loaded { what: self.what, articles, problems });
        index_words_between_frames(self.corpus);
    }

    /// Puts `articles` on screen.
    fn show(&self, articles: Vec<Article>) {
        self.corpus.set(Arc::new(Corpus::from_articles(articles)));
        if self.loader.archive.archive.with_untracked(Option::is_some) {
            self.loader.archive.show(None);
        }
    }
}

/// Builds the search index of the corpus on screen once the page has drawn it,
/// in slices between frames, so neither the page nor the first search waits
/// for it; it stops when another corpus is shown or a search has built it.
fn index_words_between_frames(signal: RwSignal<Arc<Corpus>>) {
    spawn_local(async move {
        let corpus = signal.get_untracked();
        let mut builder = WordIndexBuilder::default();
        loop {
            fetch::yield_to_browser().await;
            let still_shown = signal.with_untracked(|shown| Arc::ptr_eq(shown, &corpus));
            if !still_shown || corpus.has_words() {
                return;
            }
            for _ in 0..WORD_INDEX_SLICE {
                if !corpus.add_words(&mut builder) {
                    corpus.keep_words(builder);
                    return;
                }
            }
        }
    });
}

fn start_pool(extractor: &Extractor, batches: &[&[ArticleFile]]) -> Option<Pool> {
    let started = Pool::start(extractor, Pool::default_size()).and_then(|pool| pool.submit(batches).map(|()| pool));
    started.map_err(|e| warn(&format!("extraction stays on the main thread: {e}"))).ok()
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loading_code_is_asked_for_early_only_by_a_link_that_opens_a_corpus() {
        assert!(link_opens_corpus("?corpus=wire.jsonl"));
        assert!(link_opens_corpus("?view=quotes&corpus=https%3A%2F%2Fexample.org%2Findex.json&article=a"));
        assert!(!link_opens_corpus(""));
        assert!(!link_opens_corpus("?view=quotes&q=corpus"));
        assert!(!link_opens_corpus("?speaker=corpus-x"));
    }

    #[test]
    fn batches_start_small_and_cover_every_article_once() {
        let bounds = |count| batches(count).into_iter().map(|r| (r.start, r.end)).collect::<Vec<_>>();
        assert_eq!(bounds(0), []);
        assert_eq!(bounds(7), [(0, 7)]);
        assert_eq!(bounds(20), [(0, 20)]);
        assert_eq!(bounds(250), [(0, 20), (20, 120), (120, 220), (220, 250)]);
        for count in [1, 19, 21, 119, 120, 121, 1001] {
            let ranges = batches(count);
            assert_eq!(ranges[0].len(), FIRST_BATCH.min(count));
            assert!(ranges.windows(2).all(|w| w[0].end == w[1].start && w[1].len() <= EXTRACT_BATCH && !w[1].is_empty()));
            assert_eq!(ranges.last().map(|r| r.end), Some(count));
        }
    }

    #[test]
    fn a_growing_corpus_is_shown_first_then_at_fourfold_growth_while_half_is_to_come() {
        let mut showings = Showings::new(10_000);
        let shown: Vec<usize> = batches(10_000).iter().map(|r| r.end).filter(|&done| showings.after(done)).collect();
        assert_eq!(shown, [20, 120, 520, 2120]);
        // A corpus of one batch is shown once, whole, at the end.
        let mut small = Showings::new(20);
        assert!(!small.after(20));
        // Shards of an index: the first at once, the last never before the end.
        let mut index = Showings::new(3000);
        assert_eq!([1000, 2000, 3000].map(|done| index.after(done)), [true, false, false]);
        assert!(!Showings::new(5).after(0), "nothing arrived, nothing shown");
    }

    #[test]
    fn only_the_latest_load_may_change_the_page() {
        let mut generations = Generations::default();
        let first = generations.begin();
        assert!(generations.is_current(first));
        let second = generations.begin();
        assert!(!generations.is_current(first), "a newer load takes over");
        assert!(generations.is_current(second));
        generations.begin(); // a cancel
        assert!(!generations.is_current(second));
    }

    fn shard(ids: &[&str]) -> ShardRef {
        ShardRef { url: String::new(), articles: ids.len(), bytes: 1, ids: ids.iter().map(|s| s.to_string()).collect() }
    }

    #[test]
    fn the_shard_of_the_opened_article_is_fetched_first() {
        let shards = [shard(&["a", "b"]), shard(&["c"]), shard(&["d", "e"])];
        assert_eq!(shard_order(&shards, Some("e")), [2, 0, 1]);
        assert_eq!(shard_order(&shards, Some("a")), [0, 1, 2]);
        assert_eq!(shard_order(&shards, Some("nowhere")), [0, 1, 2]);
        assert_eq!(shard_order(&shards, None), [0, 1, 2]);
    }

    #[test]
    fn an_index_waits_only_while_the_reader_stays_on_the_linked_article() {
        assert!(waits_for_reader(Some("e"), true, true, Some("e")));
        assert!(!waits_for_reader(Some("e"), true, true, None), "the reader left the article");
        assert!(!waits_for_reader(Some("e"), true, true, Some("d")), "another article is open");
        assert!(!waits_for_reader(Some("e"), false, true, Some("e")), "no shard holds it");
        assert!(!waits_for_reader(Some("e"), true, false, Some("e")), "its shard failed: nothing to show");
        assert!(!waits_for_reader(None, true, true, None), "a list view needs every shard");
    }

    #[test]
    fn an_index_keeps_its_order_whichever_shard_came_first() {
        let article = |id: &str| broadsheet_extract::extract_given(id, b"Title\n\nBody.", Default::default());
        let ids = |articles: &[Article]| articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        // Shards [a b] [c] [d e], the last fetched first.
        let mut articles: Vec<Article> = ["d", "e", "a", "b", "c"].map(article).to_vec();
        restore_index_order(&mut articles, &[2, 0, 1], &[2, 1, 2]);
        assert_eq!(ids(&articles), ["a", "b", "c", "d", "e"]);
        // The middle one first, with the first shard lost on the way.
        let mut articles: Vec<Article> = ["c", "d", "e"].map(article).to_vec();
        restore_index_order(&mut articles, &[1, 0, 2], &[0, 1, 2]);
        assert_eq!(ids(&articles), ["c", "d", "e"]);
        let mut articles: Vec<Article> = ["a", "b", "c"].map(article).to_vec();
        restore_index_order(&mut articles, &[0, 1], &[2, 1]);
        assert_eq!(ids(&articles), ["a", "b", "c"]);
    }
}
