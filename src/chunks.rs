//! The chunks of a format 3 index that a view needs, and those the page holds.
//!
//! A page of results needs the content chunks of what it lists (a page of 12 quotes, only the
//! chunks of their batches), an opened article its batch's articles chunk (or its cards, in an
//! index without texts), a search the word chunks of the words typed. [`needed`] and
//! [`Archive::word_chunks`] decide that from the view alone; [`Chunks`] keeps what was fetched,
//! what is on its way and what failed (with the message that names it), so each chunk is
//! fetched once and a failed one is reported without stopping the others.

use std::sync::Arc;

use broadsheet_archive::chunk::{ChunkRef, Kind};
use broadsheet_archive::content::Card;
use broadsheet_archive::words::Term;
use broadsheet_extract::lexicon::FastMap;
use broadsheet_extract::Article;

use crate::archive::Archive;
use crate::filter::Results;
use crate::state::{View, ViewState};

/// A chunk other than the table and the dictionary: its kind and its place in the table's directory
/// (a batch, or a word chunk).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChunkId {
    Cards(usize),
    Quotes(usize),
    Articles(usize),
    Words(usize),
}

impl ChunkId {
    /// Its kind and where the table says it is; `None` when the table has no such chunk.
    pub fn chunk(self, archive: &Archive) -> Option<(Kind, ChunkRef)> {
        let table = &archive.index.table;
        match self {
            ChunkId::Cards(b) => table.batches.get(b).map(|b| (Kind::Cards, b.cards)),
            ChunkId::Quotes(b) => table.batches.get(b).map(|b| (Kind::Quotes, b.quotes_chunk)),
            ChunkId::Articles(b) => table.batches.get(b).and_then(|b| b.articles_chunk).map(|c| (Kind::Articles, c)),
            ChunkId::Words(i) => table.words.get(i).map(|w| (Kind::Words, w.chunk)),
        }
    }

    /// Its file's name, relative to `index.json`.
    pub fn file_name(self, archive: &Archive) -> Option<String> {
        self.chunk(archive).map(|(kind, chunk)| chunk.file_name(kind))
    }
}

/// What a chunk holds, read.
#[derive(Debug, PartialEq)]
pub enum Content {
    /// Cards linked as the table is.
    Cards(Vec<Card>),
    Quotes(Vec<String>),
    /// Articles linked as the table is.
    Articles(Vec<Article>),
    Words(Vec<Term>),
}

/// Reads chunk `id` of `archive` from its payload (inflated), or says why not, naming it.
pub fn read(archive: &Archive, id: ChunkId, payload: &[u8]) -> Result<Content, String> {
    let index = &archive.index;
    let read = match id {
        ChunkId::Cards(b) => index.cards(b, payload).map(|cards| Content::Cards(cards.iter().map(|c| archive.linked_card(c)).collect())),
        ChunkId::Quotes(b) => index.quote_texts(b, payload).map(Content::Quotes),
        ChunkId::Articles(b) => match index.articles(b, payload, &archive.links, &archive.ids) {
            Some(read) => read.map(Content::Articles),
            None => return Err(format!("batch {b} has no articles chunk: the index was built without texts")),
        },
        ChunkId::Words(i) => match index.table.words.get(i) {
            Some(chunk) => index.words(chunk, payload).map(Content::Words),
            None => return Err(format!("the index has no word chunk {i}")),
        },
    };
    read.map_err(|e| e.to_string())
}

/// Where a chunk stands on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    Waiting,
    Ready(Arc<Content>),
    Failed(String),
}

/// The chunks the page has asked for, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chunks {
    slots: FastMap<ChunkId, Slot>,
}

impl Chunks {
    /// Of `needed`, those never asked for (each once, in their order): what to fetch now.
    pub fn missing(&self, needed: &[ChunkId]) -> Vec<ChunkId> {
        let mut missing: Vec<ChunkId> = Vec::new();
        for &id in needed {
            if !self.slots.contains_key(&id) && !missing.contains(&id) {
                missing.push(id);
            }
        }
        missing
    }

    /// Notes that `ids` are on their way.
    pub fn asked(&mut self, ids: &[ChunkId]) {
        for &id in ids {
            self.slots.entry(id).or_insert(Slot::Waiting);
        }
    }

    /// Keeps what chunk `id` turned out to be.
    pub fn arrived(&mut self, id: ChunkId, read: Result<Content, String>) {
        self.slots.insert(id, read.map_or_else(Slot::Failed, |c| Slot::Ready(Arc::new(c))));
    }

    pub fn get(&self, id: ChunkId) -> Option<&Slot> {
        self.slots.get(&id)
    }

    /// The content of chunk `id` once it has arrived.
    pub fn ready(&self, id: ChunkId) -> Option<&Content> {
        match self.slots.get(&id) {
            Some(Slot::Ready(content)) => Some(content),
            _ => None,
        }
    }

    /// The terms of word chunk `i`: `None` while on its way, the message when it failed.
    pub fn words(&self, i: usize) -> Option<Result<&[Term], String>> {
        match self.slots.get(&ChunkId::Words(i))? {
            Slot::Waiting => None,
            Slot::Ready(content) => match &**content {
                Content::Words(terms) => Some(Ok(terms)),
                _ => Some(Err(format!("word chunk {i} holds something else"))),
            },
            Slot::Failed(why) => Some(Err(why.clone())),
        }
    }

    /// Why each of `needed` that failed did, in order.
    pub fn failures(&self, needed: &[ChunkId]) -> Vec<String> {
        let mut seen = Vec::new();
        for id in needed {
            if let Some(Slot::Failed(why)) = self.slots.get(id) {
                if !seen.contains(why) {
                    seen.push(why.clone());
                }
            }
        }
        seen
    }

    /// True while any of `needed` is on its way.
    pub fn waiting_for(&self, needed: &[ChunkId]) -> bool {
        needed.iter().any(|id| matches!(self.slots.get(id), Some(Slot::Waiting)))
    }
}

/// What the page has of one item's chunk.
#[derive(Debug, PartialEq)]
pub enum Have<'a, T> {
    Ready(&'a T),
    Waiting,
    Failed,
}

impl Chunks {
    /// The item at `at` of chunk `id`, as far as the page has it; `pick` finds it in the content.
    pub fn item<'a, T>(&'a self, id: ChunkId, at: usize, pick: impl Fn(&'a Content) -> Option<&'a [T]>) -> Have<'a, T> {
        match self.slots.get(&id) {
            Some(Slot::Ready(content)) => pick(content).and_then(|items| items.get(at)).map_or(Have::Failed, Have::Ready),
            Some(Slot::Failed(_)) => Have::Failed,
            Some(Slot::Waiting) | None => Have::Waiting,
        }
    }

    /// Article `a`'s card.
    pub fn card(&self, archive: &Archive, a: usize) -> Have<'_, Card> {
        match archive.index.article(a) {
            Some(p) => self.item(ChunkId::Cards(p.batch), p.at, |c| if let Content::Cards(v) = c { Some(v) } else { None }),
            None => Have::Failed,
        }
    }

    /// Quote `q`'s text.
    pub fn quote_text(&self, archive: &Archive, q: usize) -> Have<'_, String> {
        match archive.index.quote(q) {
            Some(p) => self.item(ChunkId::Quotes(p.batch), p.at, |c| if let Content::Quotes(v) = c { Some(v) } else { None }),
            None => Have::Failed,
        }
    }

    /// Article `a` itself (from an index with texts).
    pub fn article(&self, archive: &Archive, a: usize) -> Have<'_, Article> {
        match archive.index.article(a) {
            Some(p) => self.item(ChunkId::Articles(p.batch), p.at, |c| if let Content::Articles(v) = c { Some(v) } else { None }),
            None => Have::Failed,
        }
    }
}

/// The content chunks the view `state` shows from, given its `results` and how many of them
/// the list shows (`shown`): an opened article's batch (its articles, or its cards without
/// texts); the cards of the listed articles' batches; the quotes and cards of the listed
/// quotes' batches (a quote names its article's title). Without texts an opened article needs
/// its batch's cards and quotes.
pub fn needed(archive: &Archive, state: &ViewState, results: &Results, shown: usize) -> Vec<ChunkId> {
    let mut needed = Vec::new();
    let texts = archive.index.manifest.texts;
    match (state.view, &state.article) {
        (View::Articles, Some(id)) => {
            if let Some(place) = archive.article_by_id(id).and_then(|a| archive.index.article(a)) {
                match texts {
                    true => needed.push(ChunkId::Articles(place.batch)),
                    // Without its text, an article shows its card and its quotes.
                    false => needed.extend([ChunkId::Cards(place.batch), ChunkId::Quotes(place.batch)]),
                }
            }
        }
        (view, _) if view == results.view => {
            for &item in results.items.iter().take(shown) {
                match view {
                    View::Articles => needed.extend(archive.index.article(item).map(|p| ChunkId::Cards(p.batch))),
                    View::Quotes => {
                        if let Some(p) = archive.index.quote(item) {
                            needed.push(ChunkId::Quotes(p.batch));
                            needed.extend(archive.index.article(archive.linked.article_of(item)).map(|a| ChunkId::Cards(a.batch)));
                        }
                    }
                }
            }
        }
        _ => {}
    }
    let mut unique = Vec::with_capacity(needed.len());
    for id in needed {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::testing::{archive, articles, payload};
    use crate::state::decode_query;

    fn state(query: &str) -> ViewState {
        let pairs = decode_query(query);
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).0
    }

    /// A page of results needs the chunks of what it lists and nothing else; an opened article
    /// its own batch's.
    #[test]
    fn a_view_needs_the_chunks_of_what_it_shows() {
        let articles = articles(50);
        let (_, texts) = archive(&articles, 4, true);
        let quotes = state("view=quotes");
        let results = texts.results(&quotes, None);
        let page: Vec<usize> = results.items.iter().take(12).copied().collect();
        let page_needs = needed(&texts, &quotes, &results, 12);
        let mut batches: Vec<usize> = page.iter().map(|&q| texts.index.quote(q).unwrap().batch).collect();
        batches.dedup();
        let expected: Vec<ChunkId> = batches.iter().flat_map(|&b| [ChunkId::Quotes(b), ChunkId::Cards(b)]).collect();
        assert_eq!(page_needs, expected);
        assert!(batches.len() < texts.index.table.batches.len(), "a page of quotes reads only some batches");

        let list = state("sort=newest");
        let results = texts.results(&list, None);
        let needed_cards = needed(&texts, &list, &results, 5);
        let mut expected: Vec<ChunkId> = results.items[..5].iter().map(|&a| ChunkId::Cards(texts.index.article(a).unwrap().batch)).collect();
        let mut seen = Vec::new();
        expected.retain(|id| {
            !seen.contains(id) && {
                seen.push(*id);
                true
            }
        });
        assert_eq!(needed_cards, expected);

        // A link to one article: its batch's articles chunk; without texts, its card and quotes.
        let opened = state(&format!("article={}", articles[9].id));
        let batch = texts.index.article(9).unwrap().batch;
        assert_eq!(needed(&texts, &opened, &texts.results(&opened, None), 12), [ChunkId::Articles(batch)]);
        let (_, bare) = archive(&articles, 4, false);
        assert_eq!(needed(&bare, &opened, &bare.results(&opened, None), 12), [ChunkId::Cards(batch), ChunkId::Quotes(batch)]);
        let unknown = state("article=no-such-article");
        assert!(needed(&texts, &unknown, &texts.results(&unknown, None), 12).is_empty());
        // Results of the other view (the page switching views) need nothing yet.
        assert!(needed(&texts, &quotes, &texts.results(&list, None), 12).is_empty());
    }

    /// Each chunk is fetched once; what arrived is read from its place; a failure is kept by name
    /// and only where it is needed.
    #[test]
    fn the_store_fetches_each_chunk_once_and_keeps_failures_by_name() {
        let articles = articles(20);
        let (dir, archive) = archive(&articles, 5, true);
        let mut store = Chunks::default();
        let wanted = [ChunkId::Cards(1), ChunkId::Quotes(1), ChunkId::Cards(1)];
        assert_eq!(store.missing(&wanted), [ChunkId::Cards(1), ChunkId::Quotes(1)]);
        store.asked(&store.missing(&wanted));
        assert!(store.missing(&wanted).is_empty());
        assert!(store.waiting_for(&wanted));
        assert_eq!(store.card(&archive, 6), Have::Waiting);
        let (kind, c) = ChunkId::Cards(1).chunk(&archive).unwrap();
        store.arrived(ChunkId::Cards(1), read(&archive, ChunkId::Cards(1), &payload(&dir, kind, &c)));
        match store.card(&archive, 6) {
            Have::Ready(card) => assert_eq!(card.id, articles[6].id),
            other => panic!("{other:?}"),
        }
        // The bytes of another chunk are refused with the name of the one asked for.
        let why = read(&archive, ChunkId::Quotes(1), &payload(&dir, kind, &c)).unwrap_err();
        assert!(why.starts_with(&ChunkId::Quotes(1).file_name(&archive).unwrap()), "{why}");
        store.arrived(ChunkId::Quotes(1), Err(why.clone()));
        assert_eq!(store.quote_text(&archive, archive.linked.quotes_of(6).start), Have::Failed);
        assert_eq!(store.failures(&wanted), [why]);
        assert!(store.failures(&[ChunkId::Cards(1)]).is_empty());
        assert!(!store.waiting_for(&wanted));
        assert_eq!(store.article(&archive, 6), Have::Waiting);
    }
}
