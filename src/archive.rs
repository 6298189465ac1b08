//! An index in format 3 on the page: the table's facts as the indexer linked them (per article
//! first, per quote right after) and the dictionary, loaded up front, answer every filter and
//! facet count in memory; what a view shows of texts comes from chunks fetched for it
//! ([`crate::chunks`]).
//!
//! The page's [`ViewState`] is turned into the crate's [`Selection`] (keys to ids, dates to day
//! numbers) and its [`Counts`] into the page's [`Results`], so the sidebar, the chips and the
//! links are the same whatever the corpus came from. A search matches each typed word against
//! the words of the index that begin with it (as Pagefind does), in the word chunks of those
//! words only; every word must match (a phrase's words too, wherever they stand).

use std::sync::Arc;

use broadsheet_archive::content::Card;
use broadsheet_archive::dictionary::Links;
use broadsheet_archive::filter::{self as engine, Bits, Counts, Order, Selection};
use broadsheet_archive::manifest::Manifest;
use broadsheet_archive::reader::Index;
use broadsheet_archive::table::{iso_day, kind_bit, Linked, NO_SPEAKER, SPEAKER};
use broadsheet_archive::words::{self, Term};
use broadsheet_archive::Error;
use broadsheet_extract::lexicon::{fold_text_into, FastMap};
use broadsheet_extract::EntityKind;

use crate::filter::{FacetValue, Results};
use crate::state::{Facet, Sort, View, ViewState};
use crate::timeline::{self, Timeline};

/// A format 3 index as the page holds it.
pub struct Archive {
    /// Where `index.json` was read: every chunk's file is beside it.
    pub url: String,
    pub index: Index,
    pub links: Links,
    pub linked: Linked,
    /// The articles oldest first and newest first.
    orders: (Vec<u32>, Vec<u32>),
    /// Per article: its day as the timeline counts days ([`timeline::day_number`]), made once:
    /// a timeline of a million articles read it for each (37 ms a view in the page, measured).
    article_days: Vec<Option<i32>>,
    /// The first of those days and how many days from it to the last.
    day_span: (i32, usize),
    /// Why the per-quote facts could not be read, if they could not.
    quote_facts_failed: std::sync::OnceLock<String>,
    /// Every key's id (the dictionary's order), and per id its key, name and place in the
    /// alphabetical order of names.
    pub ids: FastMap<String, u32>,
    keys: Vec<Arc<str>>,
    names: Vec<Arc<str>>,
    name_rank: Vec<u32>,
}

/// How a search stands with the word chunks it needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Search {
    /// No search typed.
    None,
    /// Word chunks still on their way.
    Waiting,
    /// The items (articles, or quotes in the quotes view) holding every word.
    Found(Bits),
    /// A chunk the search needs could not be read: the message names it.
    Failed(String),
}

impl Archive {
    /// The index of `manifest` (read at `url`) from its article facts' and dictionary's payloads,
    /// which are let go once read: a wasm memory never shrinks, so what is freed before the
    /// next step is memory the page never grows by. The per-quote facts come later
    /// ([`Archive::add_quote_facts`]).
    pub fn new(url: String, manifest: Manifest, article_facts: Vec<u8>, dictionary: Vec<u8>) -> Result<Archive, Error> {
        let (index, linked) = Index::of_facts(manifest, &article_facts, &dictionary)?;
        drop((article_facts, dictionary));
        let links = index.dictionary.links();
        let orders = engine::date_orders(&linked.days);
        let article_days: Vec<Option<i32>> = linked.days.iter().map(|&d| timeline::day_number(d)).collect();
        let (first, last) = article_days.iter().flatten().fold((i32::MAX, i32::MIN), |(f, l), &d| (f.min(d), l.max(d)));
        let day_span = (first, if first <= last { (last as i64 - first as i64 + 1) as usize } else { 0 });
        let keys: Vec<Arc<str>> = index.dictionary.entries.iter().map(|e| Arc::from(e.key.as_str())).collect();
        let ids = index.dictionary.ids();
        let names: Vec<Arc<str>> = links.names.iter().map(|(name, _)| Arc::from(name.as_str())).collect();
        let name_rank = crate::corpus::name_ranks(&keys, &names);
        Ok(Archive { url, index, links, linked, orders, article_days, day_span, quote_facts_failed: Default::default(), ids, keys, names, name_rank })
    }

    /// Reads the per-quote facts (speaker, kind, what each quote names) from their payload:
    /// the quotes view and who is quoted wait for them. Read once; a second payload is ignored.
    pub fn add_quote_facts(&self, payload: Vec<u8>) -> Result<(), Error> {
        let columns = self.index.quote_columns(&payload)?;
        drop(payload);
        let _ = self.linked.quotes.set(columns);
        Ok(())
    }

    /// Notes that the per-quote facts could not be read, and why: the quotes view says so
    /// rather than wait.
    pub fn fail_quote_facts(&self, why: String) {
        let _ = self.quote_facts_failed.set(why);
    }

    /// Why the per-quote facts could not be read, if they could not.
    pub fn quote_facts_failure(&self) -> Option<&str> {
        self.quote_facts_failed.get().map(String::as_str)
    }

    /// True once the per-quote facts are read.
    pub fn has_quote_facts(&self) -> bool {
        self.linked.quote_columns().is_some()
    }

    pub fn articles(&self) -> usize {
        self.linked.articles()
    }

    pub fn quotes(&self) -> usize {
        self.linked.quotes()
    }

    /// How many people and bodies speak in the corpus (the articles' speakers: known before the
    /// per-quote facts are).
    pub fn speakers(&self) -> usize {
        let mut speaks = vec![false; self.keys.len()];
        for &id in &self.linked.facets[SPEAKER].items {
            if let Some(s) = speaks.get_mut(id as usize) {
                *s = true;
            }
        }
        speaks.into_iter().filter(|&s| s).count()
    }

    /// The article whose id is `id`: a pass over the table's ids, a few milliseconds for a million
    /// (a map of them would cost more memory than the table's own column, and time to load).
    pub fn article_by_id(&self, id: &str) -> Option<usize> {
        self.index.table.article_by_id(id)
    }

    /// The name a key is shown by (the key itself when the index does not know it).
    pub fn name_of(&self, key: &str) -> String {
        self.ids.get(key).and_then(|&id| self.names.get(id as usize)).map_or_else(|| key.to_string(), |n| n.to_string())
    }

    /// Key id `id` as (key, name).
    pub fn key(&self, id: u32) -> Option<(&str, &str)> {
        Some((self.keys.get(id as usize)?, self.names.get(id as usize)?))
    }

    /// An article's day as `YYYY-MM-DD`, or `None` when it has none.
    pub fn date(&self, article: usize) -> Option<String> {
        self.linked.days.get(article).filter(|&&d| d > 0).map(|&d| iso_day(d))
    }

    /// `card` with its people linked as the table's are.
    pub fn linked_card(&self, card: &Card) -> Card {
        let mut card = card.clone();
        card.link(&self.links, &self.index.dictionary, &self.ids);
        card
    }

    /// What `state` selects, in the table's terms; `search` is what its search found.
    pub fn selection(&self, state: &ViewState, search: Option<Bits>) -> Selection {
        Selection {
            quotes_view: state.view == View::Quotes,
            article: state.article.as_ref().map(|id| self.article_by_id(id)),
            from: state.from.as_deref().and_then(|d| engine::day_bound(d, false)),
            to: state.to.as_deref().and_then(|d| engine::day_bound(d, true)),
            kind: state.kind.map(kind_bit),
            facets: Facet::ALL.map(|f| {
                let keys = state.facet(f);
                (!keys.is_empty()).then(|| keys.iter().filter_map(|k| self.ids.get(k.as_str()).copied()).collect())
            }),
            search,
            order: match state.sort {
                Sort::Corpus => Order::Corpus,
                Sort::Oldest => Order::Oldest,
                Sort::Newest => Order::Newest,
            },
        }
    }

    /// The results of `state` as the page shows any corpus's: items, facets with names, in
    /// the page's order (most results first, then by name), selected keys always listed.
    pub fn results(&self, state: &ViewState, search: Option<Bits>) -> Results {
        let selection = self.selection(state, search);
        let Some(Counts { items, facets: counts, kinds, voices, voice_total }) = engine::run(&self.linked, self.keys.len(), &self.orders, &selection)
        else {
            return Results { view: state.view, waiting: self.quote_facts_failure().is_none(), ..Results::default() };
        };
        let facets = Facet::ALL.map(|f| {
            let chosen = selection.facets[f as usize].as_deref().unwrap_or_default();
            let mut values: Vec<(u32, FacetValue)> = counts[f as usize]
                .iter()
                .enumerate()
                .filter(|&(id, &count)| count > 0 || chosen.contains(&(id as u32)))
                .map(|(id, &count)| {
                    let value = FacetValue {
                        key: self.keys[id].clone(),
                        name: self.names[id].clone(),
                        count: count as usize,
                        selected: chosen.contains(&(id as u32)),
                    };
                    (self.name_rank[id], value)
                })
                .collect();
            for k in state.facet(f).iter().filter(|k| !self.ids.contains_key(k.as_str())) {
                let key: Arc<str> = k.as_str().into();
                values.push((u32::MAX, FacetValue { key: key.clone(), name: key, count: 0, selected: true }));
            }
            crate::filter::in_facet_order(values)
        });
        let voices: Vec<usize> = voices.into_iter().map(|c| c as usize).collect();
        let chosen_speakers = selection.facets[Facet::Speaker as usize].as_deref().unwrap_or_default();
        let voices = crate::filter::top_voices(&self.keys, &self.names, &self.name_rank, &voices, chosen_speakers);
        Results { view: state.view, items: items.into_iter().map(|i| i as usize).collect(), facets, kinds, voices, voice_total, waiting: false }
    }

    /// The timeline of a view's items, as [`Timeline::of_results`] makes a corpus's: articles
    /// by their date, quotes by their article's (a quote's article found once per run of them).
    pub fn timeline(&self, results: &Results) -> Timeline {
        let t = &self.linked;
        let quotes = results.view == View::Quotes;
        let mut article = 0;
        let days = results.items.iter().map(move |&i| {
            let a = if !quotes {
                i
            } else {
                let within = |a: usize| t.quote_starts.get(a..a + 2).is_some_and(|r| r[0] as usize <= i && i < r[1] as usize);
                if !within(article) {
                    article = t.article_of(i);
                }
                article
            };
            self.article_days.get(a).copied().flatten()
        });
        // Counted per day first: a million items make a few thousand days to put in periods.
        let (first, span) = self.day_span;
        if span > COUNTED_BY_DAY {
            let days: Vec<Option<i32>> = days.collect();
            return Timeline::of_days(|| days.iter().copied());
        }
        let (mut per_day, mut undated) = (vec![0usize; span], 0);
        for day in days {
            match day.and_then(|d| per_day.get_mut((d - first) as usize)) {
                Some(n) => *n += 1,
                None => undated += 1,
            }
        }
        let undated = (undated > 0).then_some((None, undated));
        Timeline::of_counted_days(|| per_day.iter().enumerate().filter(|&(_, &n)| n > 0).map(|(i, &n)| (Some(first + i as i32), n)).chain(undated))
    }

    /// The word chunks (places in the table's list) that hold the words beginning with each of `terms`.
    pub fn word_chunks(&self, terms: &[String]) -> Vec<usize> {
        let mut chunks: Vec<usize> = Vec::new();
        for i in terms.iter().flat_map(|t| words::chunks_of_prefix(&self.index.table.words, t)) {
            if !chunks.contains(&i) {
                chunks.push(i);
            }
        }
        chunks
    }

    /// What a search for `terms` finds in the quotes (`quotes_view`) or the articles, once
    /// `chunk(i)` gives the terms of word chunk `i` (`None` while it is on its way; `Err`
    /// when it failed).
    pub fn search<'a>(&self, terms: &[String], quotes_view: bool, chunk: impl Fn(usize) -> Option<Result<&'a [Term], String>>) -> Search {
        if terms.is_empty() {
            return Search::None;
        }
        let n = if quotes_view { self.quotes() } else { self.articles() };
        let mut found: Option<Bits> = None;
        for term in terms {
            let mut holds = Bits::new(n);
            for i in words::chunks_of_prefix(&self.index.table.words, term) {
                let terms = match chunk(i) {
                    None => return Search::Waiting,
                    Some(Err(why)) => return Search::Failed(why),
                    Some(Ok(terms)) => terms,
                };
                for t in words::terms_beginning(terms, term) {
                    let list = if quotes_view { &t.quotes } else { &t.articles };
                    match words::ids(list) {
                        Ok(ids) => ids.into_iter().filter(|&id| (id as usize) < n).for_each(|id| holds.insert(id as usize)),
                        Err(why) => return Search::Failed(format!("{}: {why}", self.index.table.words[i].chunk.file_name(KIND_WORDS))),
                    }
                }
            }
            found = Some(match found {
                None => holds,
                Some(before) => Bits(before.0.iter().zip(&holds.0).map(|(a, b)| a & b).collect()),
            });
        }
        found.map_or(Search::None, Search::Found)
    }

    /// The kind of a key (for a chip's look): as the dictionary names it.
    pub fn kind_of(&self, id: u32) -> Option<EntityKind> {
        self.links.names.get(id as usize).map(|(_, kind)| *kind)
    }
}

impl Archive {
    /// Quotes `items` grouped by speaker (key ids; unattributed last), largest group first, equal
    /// ones in the order they first appear: as the page groups any corpus's quotes.
    pub fn group_by_speaker(&self, items: &[usize]) -> Vec<(Option<u32>, Vec<usize>)> {
        let mut groups: Vec<(Option<u32>, Vec<usize>)> = Vec::new();
        let speakers = self.linked.quote_columns().map_or(&[][..], |c| &c.speaker);
        for &q in items {
            let speaker = speakers.get(q).copied().filter(|&s| s != NO_SPEAKER);
            match groups.iter_mut().find(|(s, _)| *s == speaker) {
                Some((_, group)) => group.push(q),
                None => groups.push((speaker, vec![q])),
            }
        }
        // Each group put in its place (a page holds few): no sort of its own in the page's code.
        let mut sorted: Vec<(Option<u32>, Vec<usize>)> = Vec::with_capacity(groups.len());
        for group in groups {
            let at =
                sorted.partition_point(|placed| (placed.0.is_none(), usize::MAX - placed.1.len()) <= (group.0.is_none(), usize::MAX - group.1.len()));
            sorted.insert(at, group);
        }
        sorted
    }
}

const KIND_WORDS: broadsheet_archive::chunk::Kind = broadsheet_archive::chunk::Kind::Words;

/// The longest span of days an archive's timeline counts day by day (about 270 years): an index
/// whose dates span more (a stray year 0001) is counted item by item.
const COUNTED_BY_DAY: usize = 100_000;

/// The terms of a search box, as the index folds and cuts text: each must begin a word.
pub fn search_terms(q: &str) -> Vec<String> {
    let mut folded = String::new();
    fold_text_into(&mut folded, q);
    let mut terms: Vec<String> = Vec::new();
    for term in words::terms(&folded) {
        if !terms.iter().any(|t| t == term) {
            terms.push(term.to_string());
        }
    }
    terms
}

/// A small index in format 3 made on the host, as the page holds it.
#[cfg(test)]
pub(crate) mod testing {
    use std::path::PathBuf;

    use broadsheet_archive::build::{make_batch, Builder};
    use broadsheet_archive::chunk::{self, ChunkRef, Kind};
    use broadsheet_archive::manifest::Manifest;
    use broadsheet_extract::Article;

    use super::Archive;

    pub fn articles(n: usize) -> Vec<Article> {
        broadsheet_extract::synthetic::corpus(n, 7).iter().map(|(name, text)| broadsheet_extract::extract(name, text.as_bytes())).collect()
    }

    /// `articles` indexed in batches of `batch` into a new folder, read back: the folder and the index.
    pub fn archive(articles: &[Article], batch: usize, texts: bool) -> (PathBuf, Archive) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!("broadsheet-page-archive-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
        let _ = std::fs::remove_dir_all(&dir);
        let mut builder = Builder::new(&dir, texts).unwrap();
        let with_urls: Vec<(Article, Option<String>)> = articles.iter().map(|a| (a.clone(), Some(format!("https://example.org/{}", a.id)))).collect();
        for part in with_urls.chunks(batch) {
            builder.add_batch(make_batch(part, texts)).unwrap();
        }
        let manifest = builder.finish(None).unwrap();
        let archive = opened_before_its_quotes(&dir, manifest.clone());
        archive.add_quote_facts(payload(&dir, Kind::QuoteFacts, &manifest.quote_facts)).unwrap();
        (dir, archive)
    }

    /// The index in `dir` as the page shows it first: its per-quote facts not read yet.
    pub fn opened_before_its_quotes(dir: &std::path::Path, manifest: Manifest) -> Archive {
        let (facts, dictionary) = (payload(dir, Kind::ArticleFacts, &manifest.article_facts), payload(dir, Kind::Dictionary, &manifest.dictionary));
        Archive::new("https://example.org/i/index.json".into(), manifest, facts, dictionary).unwrap()
    }

    /// A chunk's file in `dir`, inflated as a browser does.
    pub fn payload(dir: &std::path::Path, kind: Kind, c: &ChunkRef) -> Vec<u8> {
        chunk::inflate(kind, c, std::fs::read(dir.join(c.file_name(kind))).unwrap()).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{archive, articles, payload};
    use super::*;
    use crate::chunks::{self, ChunkId, Chunks};
    use crate::corpus::Corpus;
    use crate::state::decode_query;

    fn state(query: &str) -> ViewState {
        let pairs = decode_query(query);
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).0
    }

    /// Facet values as (key, name, count, selected): what the sidebar shows.
    fn values(values: &[FacetValue]) -> Vec<(String, String, usize, bool)> {
        values.iter().map(|v| (v.key.to_string(), v.name.to_string(), v.count, v.selected)).collect()
    }

    fn facets(r: &Results) -> Vec<Vec<(String, String, usize, bool)>> {
        r.facets.iter().map(|f| values(f)).collect()
    }

    /// The table's answer is the corpus's: the same items in the same order, the same facets,
    /// who is quoted and the same timeline, for every kind of filter, in both views.
    #[test]
    fn results_on_the_table_are_the_corpus_results() {
        let articles = articles(60);
        let corpus = Corpus::from_articles(articles.clone());
        let (_, archive) = archive(&articles, 7, true);
        let speaker = corpus.quote_speaker.iter().flatten().next().map(|&id| corpus.keys[id as usize].to_string()).unwrap();
        let place = corpus.article_keys.iter().find_map(|k| k[Facet::Place as usize].first().cloned()).unwrap();
        let person = corpus.article_keys.iter().find_map(|k| k[Facet::Person as usize].first().cloned()).unwrap();
        let dated = corpus.articles.iter().find_map(|a| a.date.iso.clone()).unwrap();
        let queries = [
            String::new(),
            "view=quotes".into(),
            format!("speaker={speaker}"),
            format!("view=quotes&speaker={speaker}&sort=newest"),
            format!("place={place}&person={person}"),
            format!("view=quotes&about={person}"),
            format!("from={}&sort=oldest", &dated[..7]),
            format!("to={dated}&kind=partial"),
            "view=quotes&kind=full&sort=newest".into(),
            format!("article={}", corpus.articles[3].id),
            "speaker=nobody-at-all".into(),
        ];
        for q in queries {
            let s = state(&q);
            let (want, got) = (crate::filter::run(&corpus, &s), archive.results(&s, None));
            assert_eq!(got.items, want.items, "{q}");
            assert_eq!(got.kinds, want.kinds, "{q}");
            assert_eq!(facets(&got), facets(&want), "{q}");
            assert_eq!((got.voice_total, values(&got.voices)), (want.voice_total, values(&want.voices)), "{q}");
            assert_eq!(archive.timeline(&got), Timeline::of_results(&corpus, &want), "{q}");
        }
        assert_eq!(archive.speakers(), corpus.speakers());
        // Grouped by speaker as the corpus groups them.
        let quotes = archive.results(&state("view=quotes"), None).items;
        let named =
            |groups: Vec<(Option<String>, Vec<usize>)>| groups.into_iter().map(|(s, g)| (s.map(|k| corpus.name_of(&k)), g)).collect::<Vec<_>>();
        let grouped = archive.group_by_speaker(&quotes).into_iter().map(|(s, g)| (s.map(|id| archive.key(id).unwrap().0.to_string()), g)).collect();
        assert_eq!(named(grouped), named(crate::filter::group_by_speaker(&corpus, &quotes)));
        assert_eq!(archive.name_of(&speaker), corpus.name_of(&speaker));
    }

    /// Shown before its per-quote facts are read, an index answers the articles view as it will
    /// after (who is quoted included), and the quotes view waits; then it answers everything.
    #[test]
    fn the_articles_view_is_answered_before_the_quote_facts_arrive() {
        let articles = articles(30);
        let (dir, full) = archive(&articles, 4, false);
        let early = super::testing::opened_before_its_quotes(&dir, full.index.manifest.clone());
        assert!(!early.has_quote_facts());
        assert_eq!(early.speakers(), full.speakers());
        let speaker = full.key(full.linked.facets[SPEAKER].items[0]).unwrap().0.to_string();
        for q in [String::new(), format!("speaker={speaker}&sort=newest"), "kind=partial".into()] {
            let (before, after) = (early.results(&state(&q), None), full.results(&state(&q), None));
            assert!(!before.waiting, "{q}");
            assert_eq!((&before.items, facets(&before), before.kinds), (&after.items, facets(&after), after.kinds), "{q}");
            assert_eq!((before.voice_total, values(&before.voices)), (after.voice_total, values(&after.voices)), "{q}");
        }
        for q in ["view=quotes", "view=quotes&speaker=x"] {
            let before = early.results(&state(q), None);
            assert!(before.waiting && before.items.is_empty(), "{q}");
        }
        early.add_quote_facts(payload(&dir, broadsheet_archive::chunk::Kind::QuoteFacts, &early.index.manifest.quote_facts)).unwrap();
        for q in ["", "view=quotes", "view=quotes&kind=full&sort=oldest"] {
            let (now, after) = (early.results(&state(q), None), full.results(&state(q), None));
            assert_eq!(
                (&now.items, facets(&now), now.voice_total, values(&now.voices)),
                (&after.items, facets(&after), after.voice_total, values(&after.voices)),
                "{q}"
            );
        }
        // Damaged quote facts are refused by name, and the index keeps answering the articles view.
        let other = super::testing::opened_before_its_quotes(&dir, full.index.manifest.clone());
        let error = other.add_quote_facts(b"not a chunk".to_vec()).unwrap_err();
        assert!(error.file.starts_with("quote-facts-"), "{error}");
        assert!(other.results(&state("view=quotes"), None).waiting);
        other.fail_quote_facts(error.to_string());
        let failed = other.results(&state("view=quotes"), None);
        assert!(!failed.waiting && failed.items.is_empty());
        assert_eq!(other.results(&state(""), None).items, full.results(&state(""), None).items);
    }

    /// Dates spanning more days than are counted one by one (a stray year 1) make the same
    /// timeline as a corpus's.
    #[test]
    fn a_timeline_over_a_stray_date_is_the_corpus_timeline() {
        let mut articles = articles(20);
        articles[3].date.iso = Some("0001-01-01".into());
        let corpus = Corpus::from_articles(articles.clone());
        let (_, archive) = archive(&articles, 6, false);
        assert!(archive.day_span.1 > COUNTED_BY_DAY);
        for q in ["", "view=quotes"] {
            let (want, got) = (crate::filter::run(&corpus, &state(q)), archive.results(&state(q), None));
            assert_eq!(archive.timeline(&got), Timeline::of_results(&corpus, &want), "{q}");
        }
    }

    /// A search finds the articles (or quotes) with a word beginning with each typed word, from
    /// the word chunks of those words alone.
    #[test]
    fn a_search_reads_only_the_word_chunks_of_its_words() {
        let articles = articles(40);
        let (dir, archive) = archive(&articles, 10, true);
        let word = |a: &broadsheet_extract::Article| {
            let mut folded = String::new();
            fold_text_into(&mut folded, &a.text);
            let long = words::terms(&folded).find(|t| t.len() > 6).map(str::to_string);
            long.unwrap()
        };
        let typed = word(&articles[5]);
        let prefix = &typed[..typed.len() - 2];
        let terms = search_terms(&format!("  {}  ", prefix.to_uppercase()));
        assert_eq!(terms, [prefix]);
        let needed = archive.word_chunks(&terms);
        assert!(!needed.is_empty() && needed.len() <= archive.index.table.words.len());
        let mut store = Chunks::default();
        assert_eq!(archive.search(&terms, false, |i| store.words(i)), Search::Waiting);
        for &i in &needed {
            let id = ChunkId::Words(i);
            let (kind, c) = id.chunk(&archive).unwrap();
            store.arrived(id, chunks::read(&archive, id, &payload(&dir, kind, &c)));
        }
        let Search::Found(found) = archive.search(&terms, false, |i| store.words(i)) else { panic!("no answer") };
        for (n, a) in articles.iter().enumerate() {
            let mut folded = String::new();
            fold_text_into(&mut folded, &a.title.text);
            folded.push(' ');
            fold_text_into(&mut folded, &a.text);
            assert_eq!(found.contains(n), words::terms(&folded).any(|t| t.starts_with(prefix)), "article {n}");
        }
        // The same search with a word no article has finds nothing, whatever chunk it reads.
        let none = search_terms(&format!("{prefix} zzzzqqq"));
        for &i in &archive.word_chunks(&none) {
            let id = ChunkId::Words(i);
            let (kind, c) = id.chunk(&archive).unwrap();
            store.arrived(id, chunks::read(&archive, id, &payload(&dir, kind, &c)));
        }
        assert_eq!(archive.search(&none, false, |i| store.words(i)), Search::Found(Bits::new(articles.len())));
        // A failed chunk is the search's answer, by its name.
        let mut failing = Chunks::default();
        failing.arrived(ChunkId::Words(needed[0]), Err("words-00.bin: it is damaged".into()));
        assert_eq!(archive.search(&terms, false, |i| failing.words(i)), Search::Failed("words-00.bin: it is damaged".into()));
        assert_eq!(archive.search(&[], true, |i| failing.words(i)), Search::None);
    }
}
