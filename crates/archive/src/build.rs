//! Writing a format 3 index a batch at a time, so that nothing but the table, the dictionary
//! and the word index grows with the corpus.
//!
//! A worker turns a batch of extracted articles into a [`BatchOut`] ([`make_batch`]): its
//! content chunks sealed, and its rows of the table, its dictionary and its terms numbered
//! within the batch. The [`Builder`] takes batches in corpus order, writes their chunks, and
//! gives their keys the index's ids; a whole index (a part of a corpus indexed elsewhere) is
//! taken the same way ([`Builder::append_index`]). [`Builder::finish`] writes the word chunks,
//! the table, the dictionary, the table linked for a page (`ArticleFacts`, `QuoteFacts`) and
//! `index.json`.

use std::path::{Path, PathBuf};

use super::chunk::{self, Kind, Sealed};
use super::content::Card;
use super::dictionary::{Dictionary, DictionaryBuilder, Seen};
use super::manifest::Manifest;
use super::reader::Reader;
use super::table::{day_number, kind_bit, ArticleFacts, Batch, QuoteFacts, Table};
use super::words::{self, BatchTerms, WordChunk, WordsBuilder};
use super::Error;
use broadsheet_extract::{Article, EntityKind, Span};

/// A batch of articles made ready for the index by a worker.
pub struct BatchOut {
    pub cards: Sealed,
    pub quotes: Sealed,
    pub articles: Option<Sealed>,
    /// The batch's rows, keyed by ids into `dictionary`, articles numbered from 0.
    pub table: Table,
    pub dictionary: Dictionary,
    pub terms: BatchTerms,
}

/// Makes a batch of articles (each with its `url`, if the corpus gives one), texts kept or not.
pub fn make_batch(articles: &[(Article, Option<String>)], texts: bool) -> BatchOut {
    let mut dictionary = DictionaryBuilder::default();
    let mut table = Table::default();
    let mut terms = BatchTerms::default();
    let mut folded = String::new();
    let mut quote_texts = Vec::new();
    let mut mentions: Vec<(Span, u32)> = Vec::new();
    for (i, (a, _)) in articles.iter().enumerate() {
        table.id_text.push_str(&a.id);
        table.id_ends.push(table.id_text.len() as u32);
        table.days.push(a.date.iso.as_deref().and_then(day_number).unwrap_or(0));
        table.quote_counts.push(a.quotes.len() as u32);
        let mut by_kind: [Vec<u32>; 3] = Default::default();
        // Per entity of the article: its id << 1, plus 1 for a person.
        let mut entity_ids = Vec::with_capacity(a.entities.len());
        for (n, e) in a.entities.iter().enumerate() {
            let seen = Seen { article: i as u32, entity: n as u32, name: e.name.clone(), kind: e.kind };
            let id = dictionary.see(&e.key, seen);
            by_kind[e.kind as usize].push(id);
            entity_ids.push(id << 1 | u32::from(e.kind == EntityKind::Person));
        }
        for (ids, column) in by_kind.iter_mut().zip([&mut table.people, &mut table.places, &mut table.orgs]) {
            ids.sort_unstable();
            ids.dedup();
            column.push(ids.iter().copied());
        }
        terms.add_article(i as u32, &a.title.text, &a.text, &mut folded);
        mentions.clear();
        mentions.extend(a.entities.iter().enumerate().flat_map(|(n, e)| e.mentions.iter().map(move |&m| (m, n as u32))));
        mentions.sort_unstable();
        for q in &a.quotes {
            table.speakers.push(q.speaker.as_deref().map_or(0, |s| dictionary.intern(s) + 1));
            table.kinds.push(kind_bit(q.kind));
            // The entities with a mention inside the quote's span.
            let from = mentions.partition_point(|(m, _)| m.start < q.span.start);
            let inside = mentions[from..].iter().take_while(|(m, _)| m.start < q.span.end).filter(|(m, _)| m.end <= q.span.end);
            let mut named: Vec<u32> = inside.map(|&(_, n)| entity_ids[n as usize]).collect();
            named.sort_unstable();
            named.dedup();
            table.about.push(named);
            let text = a.text.get(q.span.start..q.span.end).unwrap_or_default();
            terms.add_quote(quote_texts.len() as u32, text, &mut folded);
            quote_texts.push(text.to_string());
        }
    }
    let cards: Vec<Card> = articles.iter().map(|(a, url)| Card::of(a, url.clone(), texts)).collect();
    let stored: Option<Vec<&Article>> = texts.then(|| articles.iter().map(|(a, _)| a).collect());
    BatchOut {
        cards: chunk::seal(Kind::Cards, &cards),
        quotes: chunk::seal(Kind::Quotes, &quote_texts),
        articles: stored.map(|a| chunk::seal(Kind::Articles, &a)),
        table,
        dictionary: dictionary.finish(),
        terms,
    }
}

/// A format 3 index as it is written.
pub struct Builder {
    out: PathBuf,
    texts: bool,
    dictionary: DictionaryBuilder,
    table: Table,
    words: WordsBuilder,
}

impl Builder {
    /// An index to be written into the folder `out` (made if missing), with texts or not.
    pub fn new(out: &Path, texts: bool) -> std::io::Result<Builder> {
        std::fs::create_dir_all(out)?;
        Ok(Builder {
            out: out.to_path_buf(),
            texts,
            dictionary: DictionaryBuilder::default(),
            table: Table::default(),
            words: WordsBuilder::default(),
        })
    }

    pub fn articles(&self) -> usize {
        self.table.articles()
    }

    pub fn quotes(&self) -> usize {
        self.table.quotes()
    }

    /// Appends the rows of `table`, whose keys `remap` gives the ids of here.
    fn append_table(&mut self, table: &Table, remap: &[u32]) {
        let t = &mut self.table;
        let id_base = t.id_text.len() as u32;
        t.id_text.push_str(&table.id_text);
        t.id_ends.extend(table.id_ends.iter().map(|&e| e + id_base));
        t.days.extend_from_slice(&table.days);
        t.quote_counts.extend_from_slice(&table.quote_counts);
        let key = |id: u32| remap[id as usize];
        t.people.append(&table.people, key);
        t.places.append(&table.places, key);
        t.orgs.append(&table.orgs, key);
        t.speakers.extend(table.speakers.iter().map(|&s| if s == 0 { 0 } else { key(s - 1) + 1 }));
        t.kinds.extend_from_slice(&table.kinds);
        t.about.append(&table.about, |i| key(i >> 1) << 1 | (i & 1));
    }

    /// Adds the next batch of the corpus.
    pub fn add_batch(&mut self, batch: BatchOut) -> std::io::Result<()> {
        for sealed in [Some(&batch.cards), Some(&batch.quotes), batch.articles.as_ref()].into_iter().flatten() {
            sealed.write_into(&self.out)?;
        }
        let (first_article, first_quote) = (self.articles() as u32, self.quotes() as u32);
        let remap = self.dictionary.append(&batch.dictionary, first_article);
        self.append_table(&batch.table, &remap);
        self.table.batches.push(Batch {
            articles: batch.table.articles() as u32,
            quotes: batch.table.quotes() as u32,
            cards: batch.cards.chunk,
            quotes_chunk: batch.quotes.chunk,
            articles_chunk: batch.articles.map(|a| a.chunk),
        });
        batch.terms.add_to(&mut self.words, first_article, first_quote);
        Ok(())
    }

    /// Appends the index in folder `dir` (a part of the corpus indexed apart), after what is
    /// here: its content chunks are copied, its keys interned, its words added.
    pub fn append_index(&mut self, dir: &Path) -> Result<(), Error> {
        let part = Reader::open(dir)?;
        if part.manifest.texts != self.texts {
            let has = |texts: bool| if texts { "has the articles' texts" } else { "has no texts (--no-text)" };
            return Err(Error::new(
                dir.join("index.json").display().to_string(),
                format!("it {}, and the index it joins {}", has(part.manifest.texts), has(self.texts)),
            ));
        }
        let kinds = [(Kind::Cards, 0), (Kind::Quotes, 1), (Kind::Articles, 2)];
        for b in &part.table.batches {
            for (kind, chunk) in kinds.iter().filter_map(|&(k, i)| [Some(b.cards), Some(b.quotes_chunk), b.articles_chunk][i].map(|c| (k, c))) {
                let name = chunk.file_name(kind);
                let to = self.out.join(&name);
                if dir.join(&name) != to && to.metadata().map_or(true, |m| m.len() != chunk.bytes) {
                    std::fs::copy(dir.join(&name), &to).map_err(|e| Error::new(dir.join(&name).display().to_string(), e.to_string()))?;
                }
            }
        }
        let (first_article, first_quote) = (self.articles() as u32, self.quotes() as u32);
        let remap = self.dictionary.append(&part.dictionary, first_article);
        self.append_table(&part.table, &remap);
        self.table.batches.extend_from_slice(&part.table.batches);
        for w in &part.table.words {
            let terms = part.words(w)?;
            let file = w.chunk.file_name(Kind::Words);
            for t in terms {
                let (articles, quotes) = match (words::ids(&t.articles), words::ids(&t.quotes)) {
                    (Ok(a), Ok(q)) => (a, q),
                    (Err(why), _) | (_, Err(why)) => return Err(Error::new(file, format!("term “{}”: {why}", t.term))),
                };
                if articles.last().is_some_and(|&a| a as usize >= part.table.articles())
                    || quotes.last().is_some_and(|&q| q as usize >= part.table.quotes())
                {
                    return Err(Error::new(file, format!("term “{}” lists an article or quote the index does not have", t.term)));
                }
                self.words.add_articles(&t.term, articles.into_iter().map(|a| a + first_article));
                self.words.add_quotes(&t.term, quotes.into_iter().map(|q| q + first_quote));
            }
        }
        Ok(())
    }

    /// Writes the word chunks, the table, the dictionary, the facts a page reads and
    /// `index.json`; `part` marks a partial index (K of N).
    pub fn finish(mut self, part: Option<(u32, u32)>) -> std::io::Result<Manifest> {
        let words = std::mem::take(&mut self.words);
        for terms in words.into_chunks() {
            let first = terms[0].term.clone();
            let sealed = chunk::seal(Kind::Words, &terms);
            sealed.write_into(&self.out)?;
            self.table.words.push(WordChunk { first, chunk: sealed.chunk });
        }
        let dictionary = self.dictionary.finish();
        // What a page reads, linked here once (a partial index is linked as itself; `merge`
        // links the parts' tables as one).
        let linked = self.table.linked(&dictionary.links());
        let article_facts = chunk::seal(Kind::ArticleFacts, &ArticleFacts::of(&self.table, &linked));
        let quote_facts = chunk::seal(Kind::QuoteFacts, &QuoteFacts::of(&linked));
        drop(linked);
        let table = chunk::seal(Kind::Table, &self.table);
        let dictionary = chunk::seal(Kind::Dictionary, &dictionary);
        for sealed in [&table, &dictionary, &article_facts, &quote_facts] {
            sealed.write_into(&self.out)?;
        }
        let manifest = Manifest {
            articles: self.table.articles() as u64,
            quotes: self.table.quotes() as u64,
            texts: self.texts,
            table: table.chunk,
            dictionary: dictionary.chunk,
            article_facts: article_facts.chunk,
            quote_facts: quote_facts.chunk,
            part,
        };
        std::fs::write(self.out.join("index.json"), manifest.to_json())?;
        Ok(manifest)
    }
}
