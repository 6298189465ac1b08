//! "Open a corpus": a link to load (kept in the URL), local files or a folder
//! (picked or dropped; they never leave the machine), progress and errors.
//! A failed load keeps the corpus already on screen.

use std::sync::Arc;

use futures::channel::mpsc;
use futures::StreamExt;

use broadsheet_extract::Article;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::use_ctx;
use crate::corpus::Corpus;
use crate::fetch::{self, Fetched, Loaded};
use crate::loader::{shard_order, ArticleFile, ShardRef};
use crate::search::WordIndexBuilder;
use crate::state::ViewState;
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

/// Shared by the panel and the page, which starts loads from the URL.
#[derive(Clone, Copy)]
pub struct Loader {
    pub status: RwSignal<LoadStatus>,
    /// Counts loads started; a load whose number is no longer the latest stops
    /// touching the page, so the last load the reader asked for wins.
    pub generation: StoredValue<u64>,
    /// The article the view opens (`article=`), as the page last said ([`Loader::article_is`]).
    article: StoredValue<Option<String>>,
    /// An index load waiting for the reader to leave the one article it shows
    /// (see [`Loader::finish_index`]): that article, and the sender whose drop wakes it.
    waiting: StoredValue<Option<(String, mpsc::UnboundedSender<()>)>>,
}

impl Default for Loader {
    fn default() -> Loader {
        Loader {
            status: RwSignal::new(LoadStatus::Idle),
            generation: StoredValue::new(0),
            article: StoredValue::new(None),
            waiting: StoredValue::new(None),
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
        self.generation.update_value(|g| *g += 1);
        self.status.set(LoadStatus::Loading { what: what.to_string(), done: 0, total });
        self.generation.get_value()
    }

    /// Stops any load under way from touching the page.
    pub fn cancel(self) {
        self.resume();
        self.generation.update_value(|g| *g += 1);
        self.status.set(LoadStatus::Idle);
    }

    fn is_current(self, generation: u64) -> bool {
        self.generation.get_value() == generation
    }

    /// On success extracts the articles in batches — in Web Workers when they
    /// start, on the main thread otherwise — showing results from the first
    /// batch on and the progress after each; on failure keeps the corpus and says why.
    pub async fn finish(self, generation: u64, corpus: RwSignal<Arc<Corpus>>, what: String, result: Result<Loaded, String>) {
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
        let first = FIRST_BATCH.min(files.len());
        let batches: Vec<&[ArticleFile]> = std::iter::once(&files[..first]).chain(files[first..].chunks(EXTRACT_BATCH)).collect();
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
    /// page shows the first shard as soon as it arrives. When the link opens
    /// `article`, that first shard is the one holding it, and the others are
    /// fetched only once the reader leaves the article (or asks for them): a
    /// shared link to one article of a large index costs one shard. A shard
    /// that fails after the first is reported and the others still load.
    async fn finish_index(self, generation: u64, corpus: RwSignal<Arc<Corpus>>, what: String, shards: Vec<ShardRef>, article: Option<String>) {
        let total = shards.iter().map(|s| s.articles).sum();
        let mut shown = Arriving::new(self, generation, corpus, what, total);
        let mut problems = Vec::new();
        let order = shard_order(&shards, article.as_deref());
        let holds_article = |i: usize| article.as_ref().is_some_and(|id| shards[i].ids.contains(id));
        let mut received = vec![0; shards.len()];
        for (n, &i) in order.iter().enumerate() {
            if n == 1 && holds_article(order[0]) && !shown.is_empty() && self.article.get_value() == article {
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
        // The corpus keeps the index's order, whichever shard came first.
        if let Some(&first) = order.first().filter(|&&first| first > 0) {
            let before: usize = received[..first].iter().sum();
            shown.articles[..before + received[first]].rotate_left(received[first]);
        }
        shown.done(problems);
    }

    /// Loads the corpus at `url`; `article` is the article the link opens, if any.
    pub fn load_url(self, corpus: RwSignal<Arc<Corpus>>, url: String, article: Option<String>) {
        let status = self.status;
        let generation = self.begin(&url, 1);
        // A `.json` is a manifest or a pre-extracted index, which needs no extractor.
        if !crate::loader::file_name(&url).ends_with(".json") {
            Extractor::preload();
        }
        spawn_local(async move {
            let what = url.clone();
            let progress = move |done, total| {
                if self.is_current(generation) {
                    status.set(LoadStatus::Loading { what: what.clone(), done, total });
                }
            };
            match fetch::fetch_corpus(&url, progress).await {
                Ok(Fetched::Index(shards)) => self.finish_index(generation, corpus, url, shards, article).await,
                Ok(Fetched::Files(loaded)) => self.finish(generation, corpus, url, Ok(loaded)).await,
                Err(error) => self.finish(generation, corpus, url, Err(error)).await,
            }
        });
    }

    fn load_files(self, corpus: RwSignal<Arc<Corpus>>, files: Vec<web_sys::File>) {
        let what = match files.len() {
            1 => files[0].name(),
            n => format!("{n} local files"),
        };
        let generation = self.begin(&what, files.len());
        Extractor::preload();
        spawn_local(async move {
            let result = fetch::read_files(files).await;
            self.finish(generation, corpus, what, result).await;
        });
    }
}

/// Articles as they arrive, from workers or shards: the progress after each
/// batch, and the corpus shown at the first batch and then each time the count
/// has grown [`SHOWN_GROWTH`] times while more than half is still to come — the
/// page is usable at once, and the re-indexing on the way costs less than the
/// final index (showing at every doubling cost up to twice it, and it competes
/// with the workers for the cores).
struct Arriving {
    loader: Loader,
    generation: u64,
    corpus: RwSignal<Arc<Corpus>>,
    what: String,
    total: usize,
    articles: Vec<Article>,
    shown: usize,
}

impl Arriving {
    fn new(loader: Loader, generation: u64, corpus: RwSignal<Arc<Corpus>>, what: String, total: usize) -> Arriving {
        Arriving { loader, generation, corpus, what, total, articles: Vec::with_capacity(total), shown: 0 }
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
        // The first batch at once; later ones while more than half is still to come.
        let worth_showing = self.shown == 0 || (2 * done <= self.total && done >= SHOWN_GROWTH * self.shown);
        if done > 0 && done < self.total && worth_showing {
            self.show(self.articles.clone());
            self.shown = done.max(1);
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
        // The search index is built once the page has drawn the loaded corpus, in
        // slices between frames, so neither the page nor the first search waits for it.
        let signal = self.corpus;
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

    /// Puts `articles` on screen.
    fn show(&self, articles: Vec<Article>) {
        self.corpus.set(Arc::new(Corpus::from_articles(articles)));
    }
}

fn start_pool(extractor: &Extractor, batches: &[&[ArticleFile]]) -> Option<Pool> {
    let started = Pool::start(extractor, Pool::default_size()).and_then(|pool| pool.submit(batches).map(|()| pool));
    started.map_err(|e| warn(&format!("extraction stays on the main thread: {e}"))).ok()
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

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
                <p>"The corpus on screen was kept."</p>
            </div>
        }
        .into_any(),
    };
    view! {
        <details class="loader" class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=dropped>
            <summary>"Open your own corpus"</summary>
            <form on:submit=submit>
                <label for="corpus-url">"Link to a .txt article, a .jsonl file or a manifest.json"</label>
                <div class="row">
                    <input id="corpus-url" type="url" inputmode="url" placeholder="https://example.org/news/manifest.json"
                        prop:value=move || url_draft.get()
                        on:input=move |ev| url_draft.set(event_target_value(&ev))/>
                    <button type="submit">"Load"</button>
                </div>
            </form>
            <div class="row">
                <label class="file">"Files" <input type="file" multiple accept=".txt,.jsonl" on:change=picked/></label>
                <label class="file">"A folder" <input type="file" node_ref=folder_input on:change=picked/></label>
            </div>
            <p class="hint">"…or drop files here. Local files are read in this browser and never uploaded; a link to this view opens the bundled corpus."</p>
        </details>
        {status_view}
    }
}
