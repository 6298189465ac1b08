//! Index format 3: a corpus of any size as a static folder that a page reads only as far as a
//! view needs.
//!
//! Format 2 (see [`broadsheet_extract::shard`]) is every article, text included, in shards a page must all
//! fetch before the corpus is whole: about a fifth of a gigabyte per 50,000 news articles, held
//! in memory. Format 3 splits what a view needs first from what it needs only for what it shows,
//! as Pagefind does for search on static hosts: a small table is loaded up front, and chunks named
//! by their content are fetched when a page of results, an opened article or a search asks.
//!
//! ```text
//! OUT/index.json                  the manifest: {"broadsheet_index": 3, "articles", "quotes", "texts",
//!                                 "table": CHUNK, "dictionary": CHUNK, "article_facts": CHUNK,
//!                                 "quote_facts": CHUNK, "part"?: {"k", "n"}};
//!                                 CHUNK = {"file", "bytes", "payload", "hash"}
//! OUT/table-HASH.bin              read by merge: every article's id, day, people, places, organisations
//!                                 and number of quotes; every quote's speaker, kind and what it names;
//!                                 the directory of every other chunk (see table::Table)
//! OUT/dictionary-HASH.bin         loaded up front: every entity key, with where and under which name and
//!                                 kind the corpus first gives it, so names and links follow (dictionary)
//! OUT/article-facts-HASH.bin      what a page loads first: per article, the table's facts with keys linked
//!                                 across the corpus, its ids front-coded, and the directory (table::ArticleFacts)
//! OUT/quote-facts-HASH.bin        what a page loads next: per quote, its speaker, kind and what it names,
//!                                 linked (table::QuoteFacts)
//! OUT/cards-HASH.bin              per batch of articles: what a card shows (id, title, url, lead,
//!                                 warnings, entities by mentions, where each quote starts) (content::Card)
//! OUT/quotes-HASH.bin             per batch: its quotes' texts
//! OUT/articles-HASH.bin           per batch, with texts only: the articles as extracted (what an opened
//!                                 article shows)
//! OUT/words-HASH.bin              per range of terms: each term's articles and quotes (words)
//! ```
//!
//! Every `.bin` is a chunk ([`chunk`]): a payload (a magic number, the chunk's kind, then
//! postcard's binary form of its value) compressed with gzip. Its file is named by the XXH3-64 of
//! its payload, and the manifest or the table gives that hash and the file's and payload's sizes
//! beside the name, so a reader checks every chunk it fetches: a chunk of another build, a cut
//! download or a damaged file is refused with a message that names it, and never mixed in. A
//! browser that was sent the chunk with `Content-Encoding: gzip` hands over the payload itself,
//! which reads the same.
//!
//! Keys in the table and the dictionary are as extraction gave them, article by article; they
//! are linked across the corpus from the dictionary and the table alone
//! ([`dictionary::Dictionary::links`], [`table::Table::linked`]), with the same result as
//! [`broadsheet_extract::corpus::link`] on all the articles. So the indexer never needs the whole
//! corpus at once: it links when it finishes, and writes the result as the facts a page reads.
//! Partial indexes of parts of a corpus join by concatenating their tables
//! ([`build::Builder::append_index`]) and are linked as one when `merge` finishes.
//!
//! `--no-text` leaves the article texts out (no `articles` chunks, cards without a lead): cards
//! then link to each article's `url`. Quote texts stay: they are what the page is for.

pub mod build;
pub mod chunk;
pub mod content;
pub mod dictionary;
pub mod filter;
pub mod manifest;
pub mod reader;
pub mod table;
pub mod words;

use std::fmt;

/// The format number in `index.json`.
pub const FORMAT: u32 = 3;

/// What is wrong with one file of an index: its name and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub file: String,
    pub why: String,
}

impl Error {
    pub fn new(file: impl Into<String>, why: impl Into<String>) -> Error {
        Error { file: file.into(), why: why.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.why)
    }
}

impl std::error::Error for Error {}
