//! Reading a format 3 index: what is loaded up front (manifest, dictionary, and the table —
//! or for a page the table's facts linked, [`Index::of_facts`] — checked against each other),
//! and which chunk holds an article, a quote or a term.
//!
//! [`Index`] is the part a page holds: it reads nothing itself, so the page fetches the chunks
//! it names however it likes, and it takes their payloads already inflated (a browser inflates
//! gzip natively, so the page carries no inflater). [`Reader`] reads an index folder from disk
//! with it (merge, tests), inflating each file first.

use std::path::{Path, PathBuf};

use super::chunk::{self, ChunkRef, Kind};
use super::content::Card;
use super::dictionary::{Dictionary, Links};
use super::manifest::Manifest;
use super::table::{ArticleFacts, Linked, QuoteColumns, QuoteFacts, Table};
use super::words::{self, Term, WordChunk};
use super::Error;
use broadsheet_extract::lexicon::FastMap;
use broadsheet_extract::Article;

/// What a reader holds of an index once the table and dictionary are in.
pub struct Index {
    pub manifest: Manifest,
    pub table: Table,
    pub dictionary: Dictionary,
    /// Per batch: its first article and first quote (then the totals).
    batch_starts: Vec<(u32, u32)>,
}

/// Where an article or a quote is: its batch and its place in the batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub batch: usize,
    pub at: usize,
}

impl Index {
    /// The index of a manifest and its table's and dictionary's payloads ([`chunk::inflate`]d).
    pub fn new(manifest: Manifest, table: &[u8], dictionary: &[u8]) -> Result<Index, Error> {
        let table: Table = chunk::decode(Kind::Table, &manifest.table, table)?;
        let dictionary: Dictionary = chunk::decode(Kind::Dictionary, &manifest.dictionary, dictionary)?;
        Index::checked(manifest, table, dictionary)
    }

    fn checked(manifest: Manifest, table: Table, dictionary: Dictionary) -> Result<Index, Error> {
        let file = manifest.table.file_name(Kind::Table);
        table.check(dictionary.entries.len()).map_err(|why| Error::new(&file, why))?;
        Index::agreeing(manifest, table, dictionary, file)
    }

    /// The index as a page reads it: the manifest and the payloads of its article facts and
    /// its dictionary, checked; its linked columns, the per-quote ones to come
    /// ([`Index::quote_columns`]).
    pub fn of_facts(manifest: Manifest, article_facts: &[u8], dictionary: &[u8]) -> Result<(Index, Linked), Error> {
        let mut facts: ArticleFacts = chunk::decode(Kind::ArticleFacts, &manifest.article_facts, article_facts)?;
        let dictionary: Dictionary = chunk::decode(Kind::Dictionary, &manifest.dictionary, dictionary)?;
        let file = manifest.article_facts.file_name(Kind::ArticleFacts);
        facts.check(dictionary.entries.len()).map_err(|why| Error::new(&file, why))?;
        let (directory, linked) = facts.into_linked();
        Ok((Index::agreeing(manifest, directory, dictionary, file)?, linked))
    }

    /// The per-quote columns from the payload of the index's quote facts, checked.
    pub fn quote_columns(&self, payload: &[u8]) -> Result<QuoteColumns, Error> {
        let facts: QuoteFacts = chunk::decode(Kind::QuoteFacts, &self.manifest.quote_facts, payload)?;
        let file = self.manifest.quote_facts.file_name(Kind::QuoteFacts);
        facts.check(self.dictionary.entries.len(), self.manifest.quotes as usize).map_err(|why| Error::new(file, why))?;
        Ok(facts.into_columns())
    }

    /// `table` (checked) as the index of `manifest`, if they agree; `file` is the table's.
    fn agreeing(manifest: Manifest, table: Table, dictionary: Dictionary, file: String) -> Result<Index, Error> {
        if (table.articles() as u64, table.counted_quotes() as u64) != (manifest.articles, manifest.quotes) {
            return Err(Error::new(file, "its counts of articles and quotes are not the manifest's"));
        }
        if table.batches.iter().any(|b| b.articles_chunk.is_some() != manifest.texts) {
            return Err(Error::new(file, "its batches disagree with the manifest on whether the index has texts"));
        }
        Ok(Index { batch_starts: table.batch_starts(), manifest, table, dictionary })
    }

    /// The batch that holds article `a` (its cards, quotes and articles chunks).
    pub fn article(&self, a: usize) -> Option<Place> {
        self.table.batch_of_article(&self.batch_starts, a).map(|(batch, at)| Place { batch, at })
    }

    /// The batch that holds quote `q` (its text is in that batch's quotes chunk).
    pub fn quote(&self, q: usize) -> Option<Place> {
        self.table.batch_of_quote(&self.batch_starts, q).map(|(batch, at)| Place { batch, at })
    }

    /// The word chunk that holds `term`, when any may.
    pub fn term(&self, term: &str) -> Option<&WordChunk> {
        words::chunk_of_term(&self.table.words, term).map(|i| &self.table.words[i])
    }

    /// The word chunks that hold the terms beginning with `prefix`.
    pub fn terms_beginning(&self, prefix: &str) -> &[WordChunk] {
        &self.table.words[words::chunks_of_prefix(&self.table.words, prefix)]
    }

    /// The keys linked across the corpus, and the table's columns with them.
    pub fn linked(&self) -> (Links, Linked) {
        let links = self.dictionary.links();
        let linked = self.table.linked(&links);
        (links, linked)
    }

    /// The cards of batch `batch` from its chunk's payload; the number of cards is checked.
    pub fn cards(&self, batch: usize, payload: &[u8]) -> Result<Vec<Card>, Error> {
        let b = self.batch(batch)?;
        let cards: Vec<Card> = chunk::decode(Kind::Cards, &b.cards, payload)?;
        counted(cards, b.articles, &b.cards, Kind::Cards)
    }

    /// The quote texts of batch `batch`.
    pub fn quote_texts(&self, batch: usize, payload: &[u8]) -> Result<Vec<String>, Error> {
        let b = self.batch(batch)?;
        let texts: Vec<String> = chunk::decode(Kind::Quotes, &b.quotes_chunk, payload)?;
        counted(texts, b.quotes, &b.quotes_chunk, Kind::Quotes)
    }

    /// The articles of batch `batch`, linked with `links` (from [`Index::linked`]; `ids` is
    /// [`Dictionary::ids`]). `None` when the index has no texts.
    pub fn articles(&self, batch: usize, payload: &[u8], links: &Links, ids: &FastMap<String, u32>) -> Option<Result<Vec<Article>, Error>> {
        let b = self.table.batches.get(batch)?;
        let chunk = b.articles_chunk?;
        Some(chunk::decode(Kind::Articles, &chunk, payload).and_then(|articles: Vec<Article>| {
            let mut articles = counted(articles, b.articles, &chunk, Kind::Articles)?;
            for a in &mut articles {
                links.link_article(&self.dictionary, ids, a);
            }
            Ok(articles)
        }))
    }

    /// The terms of a word chunk from its bytes.
    pub fn words(&self, chunk: &WordChunk, payload: &[u8]) -> Result<Vec<Term>, Error> {
        let terms: Vec<Term> = chunk::decode(Kind::Words, &chunk.chunk, payload)?;
        if terms.first().is_none_or(|t| t.term != chunk.first) || terms.windows(2).any(|w| w[0].term >= w[1].term) {
            return Err(Error::new(chunk.chunk.file_name(Kind::Words), "its terms are not the ones the table lists, in order"));
        }
        Ok(terms)
    }
}

impl Index {
    fn batch(&self, batch: usize) -> Result<&super::table::Batch, Error> {
        self.table.batches.get(batch).ok_or_else(|| Error::new(format!("batch {batch}"), "the index has no such batch"))
    }
}

fn counted<T>(items: Vec<T>, expected: u32, chunk: &ChunkRef, kind: Kind) -> Result<Vec<T>, Error> {
    match items.len() == expected as usize {
        true => Ok(items),
        false => Err(Error::new(chunk.file_name(kind), format!("it holds {} items where the table says {expected}", items.len()))),
    }
}

/// An index folder on disk.
pub struct Reader {
    pub dir: PathBuf,
    pub index: Index,
}

impl std::ops::Deref for Reader {
    type Target = Index;
    fn deref(&self) -> &Index {
        &self.index
    }
}

impl Reader {
    /// Reads `dir/index.json`, the table and the dictionary.
    pub fn open(dir: &Path) -> Result<Reader, Error> {
        let manifest_path = dir.join("index.json");
        let name = manifest_path.display().to_string();
        let text = std::fs::read_to_string(&manifest_path).map_err(|e| Error::new(&name, e.to_string()))?;
        let manifest = Manifest::parse(&text).map_err(|why| Error::new(&name, why))?;
        let table = Reader::payload(dir, Kind::Table, &manifest.table)?;
        let dictionary = Reader::payload(dir, Kind::Dictionary, &manifest.dictionary)?;
        Ok(Reader { dir: dir.to_path_buf(), index: Index::new(manifest, &table, &dictionary)? })
    }

    /// The index as a page reads it ([`Index::of_facts`]), its per-quote columns read too.
    pub fn facts(&self) -> Result<(Index, Linked), Error> {
        let m = &self.manifest;
        let article_facts = Reader::payload(&self.dir, Kind::ArticleFacts, &m.article_facts)?;
        let dictionary = Reader::payload(&self.dir, Kind::Dictionary, &m.dictionary)?;
        let (index, linked) = Index::of_facts(m.clone(), &article_facts, &dictionary)?;
        let quotes = index.quote_columns(&Reader::payload(&self.dir, Kind::QuoteFacts, &m.quote_facts)?)?;
        let _ = linked.quotes.set(quotes);
        Ok((index, linked))
    }

    /// A chunk's file read and inflated.
    fn payload(dir: &Path, kind: Kind, chunk: &ChunkRef) -> Result<Vec<u8>, Error> {
        let name = chunk.file_name(kind);
        let bytes = std::fs::read(dir.join(&name)).map_err(|e| Error::new(name, e.to_string()))?;
        chunk::inflate(kind, chunk, bytes)
    }

    pub fn cards(&self, batch: usize) -> Result<Vec<Card>, Error> {
        self.index.cards(batch, &Reader::payload(&self.dir, Kind::Cards, &self.table.batches[batch].cards)?)
    }

    pub fn quote_texts(&self, batch: usize) -> Result<Vec<String>, Error> {
        self.index.quote_texts(batch, &Reader::payload(&self.dir, Kind::Quotes, &self.table.batches[batch].quotes_chunk)?)
    }

    pub fn articles(&self, batch: usize, links: &Links, ids: &FastMap<String, u32>) -> Option<Result<Vec<Article>, Error>> {
        let chunk = self.table.batches[batch].articles_chunk?;
        match Reader::payload(&self.dir, Kind::Articles, &chunk) {
            Ok(payload) => self.index.articles(batch, &payload, links, ids),
            Err(e) => Some(Err(e)),
        }
    }

    pub fn words(&self, chunk: &WordChunk) -> Result<Vec<Term>, Error> {
        self.index.words(chunk, &Reader::payload(&self.dir, Kind::Words, &chunk.chunk)?)
    }
}
