//! The table chunk: every fact that filters and facet counts need, in columns, loaded up front;
//! and the directory of every other chunk.
//!
//! Per article: its id, its day, how many quotes it has (its quotes follow those of the article
//! before), and the keys of the people, places and organisations it names. Per quote: its
//! speaker, its kind and the entities it names in its own words. Keys are ids into the
//! dictionary, as extraction gave them; [`Table::linked`] links them across the corpus and gives
//! the columns the page's filter engine reads ([`Linked`]), each facet in the page's order
//! ([`SPEAKER`], [`ABOUT`], [`PERSON`], [`PLACE`], [`ORG`]).

use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::chunk::ChunkRef;
use super::dictionary::Links;
use super::words::WordChunk;
use broadsheet_extract::QuoteKind;

/// The facets, by their place in the page's `Facet::ALL`.
pub const SPEAKER: usize = 0;
pub const ABOUT: usize = 1;
pub const PERSON: usize = 2;
pub const PLACE: usize = 3;
pub const ORG: usize = 4;

/// A quote's kind as a bit, as the page keeps it; an article has the bits of its quotes' kinds.
pub const KIND_FULL: u8 = 1;
pub const KIND_PARTIAL: u8 = 2;

pub fn kind_bit(kind: QuoteKind) -> u8 {
    match kind {
        QuoteKind::Full => KIND_FULL,
        QuoteKind::Partial => KIND_PARTIAL,
    }
}

/// `YYYY-MM-DD` as the number `YYYYMMDD`, which orders as the dates do; 0 is no date.
pub fn day_number(iso: &str) -> Option<u32> {
    let b = iso.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !iso.bytes().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) {
        return None;
    }
    let part = |from: usize, to: usize| iso[from..to].parse::<u32>().ok();
    let day = part(0, 4)? * 10_000 + part(5, 7)? * 100 + part(8, 10)?;
    (day > 0).then_some(day)
}

/// A day number as `YYYY-MM-DD`.
pub fn iso_day(day: u32) -> String {
    format!("{:04}-{:02}-{:02}", day / 10_000, day / 100 % 100, day % 100)
}

/// A list per row (article or quote) as stored: each row's count, then every row's items.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Counted {
    pub counts: Vec<u32>,
    pub items: Vec<u32>,
}

impl Counted {
    pub fn push(&mut self, items: impl IntoIterator<Item = u32>) {
        let before = self.items.len();
        self.items.extend(items);
        self.counts.push((self.items.len() - before) as u32);
    }

    /// Appends the rows of `other` with each item mapped by `map`, each row sorted again.
    pub fn append(&mut self, other: &Counted, map: impl Fn(u32) -> u32) {
        let mut items = other.items.iter();
        for &count in &other.counts {
            let from = self.items.len();
            self.items.extend(items.by_ref().take(count as usize).map(|&i| map(i)));
            self.items[from..].sort_unstable();
            self.counts.push((self.items.len() - from) as u32);
        }
    }

    /// Where each row starts in `items` (then the end), or why the counts and items disagree.
    pub fn starts(&self) -> Result<Vec<u32>, String> {
        let mut starts = Vec::with_capacity(self.counts.len() + 1);
        let mut at = 0u64;
        starts.push(0);
        for &c in &self.counts {
            at += u64::from(c);
            starts.push(u32::try_from(at).map_err(|_| "a list column is too long".to_string())?);
        }
        if at != self.items.len() as u64 {
            return Err(format!("a list column counts {at} items but holds {}", self.items.len()));
        }
        Ok(starts)
    }

    /// The rows as [`Lists`], or why the counts and items disagree.
    pub fn lists(&self) -> Result<Lists, String> {
        Ok(Lists { starts: self.starts()?, items: self.items.clone() })
    }

    /// The rows as [`Lists`] without a copy of the items.
    pub fn into_lists(self) -> Result<Lists, String> {
        let starts = self.starts()?;
        Ok(Lists { starts, items: self.items })
    }

    /// `lists` as stored.
    pub fn of_lists(lists: &Lists) -> Counted {
        Counted { counts: lists.starts.windows(2).map(|w| w[1] - w[0]).collect(), items: lists.items.clone() }
    }

    /// Checks the counts against the items and against `rows` rows, and every item against `keys`
    /// (`shift` bits of flags below each id): a column that passes is safe to index with.
    fn check(&self, name: &str, rows: usize, keys: usize, shift: u32) -> Result<(), String> {
        if self.counts.len() != rows {
            return Err(format!("its {name} have {} rows for {rows}", self.counts.len()));
        }
        self.starts().map_err(|e| format!("its {name}: {e}"))?;
        if self.items.iter().any(|&id| (id >> shift) as usize >= keys) {
            return Err(format!("its {name} name a key the dictionary does not have"));
        }
        Ok(())
    }
}

/// A list per row, in memory: row `i`'s items are `items[starts[i]..starts[i + 1]]`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Lists {
    pub starts: Vec<u32>,
    pub items: Vec<u32>,
}

impl Lists {
    pub fn get(&self, row: usize) -> &[u32] {
        match self.starts.get(row..row + 2) {
            Some(&[from, to]) => &self.items[from as usize..to as usize],
            _ => &[],
        }
    }

    pub fn rows(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// No rows yet, with room for `rows` rows of `items` items in all.
    fn with_rows(rows: usize, items: usize) -> Lists {
        let mut starts = Vec::with_capacity(rows + 1);
        starts.push(0);
        Lists { starts, items: Vec::with_capacity(items) }
    }

    /// Appends `row` as the next row, sorted and without repeats, and to `repeats` how many
    /// times each of its items was there.
    fn push_counted_row(&mut self, row: &mut [u32], repeats: &mut Vec<u32>) {
        row.sort_unstable();
        for run in row.chunk_by(|a, b| a == b) {
            self.items.push(run[0]);
            repeats.push(run.len() as u32);
        }
        self.starts.push(self.items.len() as u32);
    }

    fn push_row(&mut self, row: &mut Vec<u32>) {
        row.sort_unstable();
        row.dedup();
        self.items.extend_from_slice(row);
        self.starts.push(self.items.len() as u32);
    }
}

/// A run of articles whose content is in one chunk of each kind.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Batch {
    pub articles: u32,
    pub quotes: u32,
    pub cards: ChunkRef,
    /// The texts of the batch's quotes.
    pub quotes_chunk: ChunkRef,
    /// The articles themselves; only in an index with texts.
    pub articles_chunk: Option<ChunkRef>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Table {
    /// Every article's id, one after the other; `id_ends[a]` is where article `a`'s ends.
    pub id_text: String,
    pub id_ends: Vec<u32>,
    /// Per article: its publication day ([`day_number`]), 0 when unknown.
    pub days: Vec<u32>,
    /// Per article: how many quotes it has.
    pub quote_counts: Vec<u32>,
    /// Per article: the keys of its people, places and organisations (ids, sorted).
    pub people: Counted,
    pub places: Counted,
    pub orgs: Counted,
    /// Per quote: its speaker's id + 1, 0 when unattributed.
    pub speakers: Vec<u32>,
    /// Per quote: its kind's bit.
    pub kinds: Vec<u8>,
    /// Per quote: the entities it names in its own words, each `id << 1`, plus 1 when the
    /// entity is a person (whom linking may rename).
    pub about: Counted,
    /// The content chunks, batch after batch, and the word chunks, in term order.
    pub batches: Vec<Batch>,
    pub words: Vec<WordChunk>,
}

impl Table {
    pub fn articles(&self) -> usize {
        self.days.len()
    }

    /// The quotes of the per-quote columns (none in an [`ArticleFacts`]'s table: see
    /// [`Table::counted_quotes`]).
    pub fn quotes(&self) -> usize {
        self.speakers.len()
    }

    /// Article `a`'s id.
    pub fn id(&self, a: usize) -> &str {
        let from = if a == 0 { 0 } else { self.id_ends.get(a - 1).map_or(0, |&e| e as usize) };
        let to = self.id_ends.get(a).map_or(from, |&e| e as usize);
        self.id_text.get(from..to).unwrap_or_default()
    }

    /// The article whose id is `id`.
    pub fn article_by_id(&self, id: &str) -> Option<usize> {
        (0..self.articles()).find(|&a| self.id(a) == id)
    }

    /// Every article's first quote, and the number of quotes after the last.
    pub fn quote_starts(&self) -> Vec<u32> {
        let mut starts = Vec::with_capacity(self.quote_counts.len() + 1);
        let mut at = 0u32;
        starts.push(0);
        for &c in &self.quote_counts {
            at = at.saturating_add(c);
            starts.push(at);
        }
        starts
    }

    /// Per batch: its first article and first quote, and the totals after the last.
    pub fn batch_starts(&self) -> Vec<(u32, u32)> {
        let mut starts = vec![(0u32, 0u32)];
        let mut at = (0u32, 0u32);
        for b in &self.batches {
            at = (at.0.saturating_add(b.articles), at.1.saturating_add(b.quotes));
            starts.push(at);
        }
        starts
    }

    /// Checks that every column agrees with the others and every id is one of the
    /// dictionary's `keys`: a table that passes never makes a reader index out of bounds.
    pub fn check(&self, keys: usize) -> Result<(), String> {
        self.check_directory()?;
        let (articles, quotes) = (self.articles(), self.counted_quotes());
        if self.quotes() != quotes || self.kinds.len() != quotes || self.about.counts.len() != quotes {
            return Err(format!(
                "its articles have {quotes} quotes, its quote columns {}, {} and {} rows",
                self.quotes(),
                self.kinds.len(),
                self.about.counts.len()
            ));
        }
        for (name, column) in [("people", &self.people), ("places", &self.places), ("organisations", &self.orgs)] {
            column.check(name, articles, keys, 0)?;
        }
        self.about.check("quotes' entities", quotes, keys, 1)?;
        if self.speakers.iter().any(|&s| s as usize > keys) {
            return Err("its quotes name a key the dictionary does not have".to_string());
        }
        check_kinds(&self.kinds)
    }

    /// Checks what does not depend on keys: ids, quote counts, batches and word chunks agree.
    /// All a [`ArticleFacts`]'s table has.
    pub fn check_directory(&self) -> Result<(), String> {
        let articles = self.articles();
        if self.quote_counts.len() != articles || self.id_ends.len() != articles {
            return Err(format!("it has {articles} days but {} quote counts and {} ids", self.quote_counts.len(), self.id_ends.len()));
        }
        let quotes: u64 = self.quote_counts.iter().map(|&c| u64::from(c)).sum();
        if quotes > u64::from(u32::MAX) || articles > u32::MAX as usize {
            return Err("it has more articles or quotes than a table can number".to_string());
        }
        let mut from = 0;
        for &end in &self.id_ends {
            let end = end as usize;
            if end < from || !self.id_text.is_char_boundary(end) || end > self.id_text.len() {
                return Err("its article ids are out of place".to_string());
            }
            from = end;
        }
        let (in_batches, quotes_in_batches) = self.batch_starts().last().copied().unwrap_or_default();
        if in_batches as usize != articles || quotes_in_batches as u64 != quotes || self.batches.iter().any(|b| b.articles == 0) {
            return Err(format!("its batches hold {in_batches} articles and {quotes_in_batches} quotes, not {articles} and {quotes}"));
        }
        if self.words.windows(2).any(|w| w[0].first >= w[1].first) {
            return Err("its word chunks are not in the order of their terms".to_string());
        }
        Ok(())
    }

    /// How many quotes the articles have, by their counts.
    pub fn counted_quotes(&self) -> usize {
        self.quote_counts.iter().map(|&c| c as usize).sum()
    }

    /// The batch that holds article `a`, and its place there.
    pub fn batch_of_article(&self, starts: &[(u32, u32)], a: usize) -> Option<(usize, usize)> {
        let batch = starts.partition_point(|s| s.0 as usize <= a).checked_sub(1)?;
        (batch < self.batches.len()).then(|| (batch, a - starts[batch].0 as usize))
    }

    /// The batch that holds quote `q`, and its place there.
    pub fn batch_of_quote(&self, starts: &[(u32, u32)], q: usize) -> Option<(usize, usize)> {
        // Batches without quotes share their start with the next: the last of them holds it.
        let batch = starts.partition_point(|s| s.1 as usize <= q).checked_sub(1)?;
        (batch < self.batches.len()).then(|| (batch, q - starts[batch].1 as usize))
    }

    /// The columns with keys linked across the corpus: what filters and facet counts read.
    /// The table must have passed [`Table::check`] against the dictionary `links` came from.
    /// Built row by row into flat lists (no list per quote: a million articles have ten million
    /// quotes), so it costs a few passes over the columns.
    pub fn linked(&self, links: &Links) -> Linked {
        let quote_starts = self.quote_starts();
        let [places, orgs] = [&self.places, &self.orgs].map(|c| c.lists().unwrap_or_default());
        // Read in place: only their rows' starts are made.
        let people = self.people.starts().unwrap_or_default();
        let about = self.about.starts().unwrap_or_default();
        let people_of = |a: usize| people.get(a..a + 2).map_or(&[][..], |s| &self.people.items[s[0] as usize..s[1] as usize]);
        let about_of = |q: usize| about.get(q..q + 2).map_or(&[][..], |s| &self.about.items[s[0] as usize..s[1] as usize]);
        let person = |id: u32| links.person.get(id as usize).copied().unwrap_or(id);
        let mut quote_speaker = Vec::with_capacity(self.quotes());
        let mut quote_about = Lists::with_rows(self.quotes(), self.about.items.len());
        let mut article_speakers = Lists::with_rows(self.articles(), 0);
        let mut speaker_quotes = Vec::new();
        let mut article_about = Lists::with_rows(self.articles(), 0);
        let mut linked_people = Lists::with_rows(self.articles(), self.people.items.len());
        let (mut speakers, mut named, mut row) = (Vec::new(), Vec::new(), Vec::new());
        for a in 0..self.articles() {
            let raw_people = people_of(a);
            let quotes = quote_starts[a] as usize..quote_starts[a + 1] as usize;
            speakers.clear();
            named.clear();
            for q in quotes {
                // A speaker is renamed where the article has a person of that key.
                let speaker = self.speakers[q].checked_sub(1).map(|s| if raw_people.binary_search(&s).is_ok() { person(s) } else { s });
                quote_speaker.push(speaker.unwrap_or(NO_SPEAKER));
                speakers.extend(speaker);
                row.clear();
                row.extend(about_of(q).iter().map(|&i| if i & 1 == 1 { person(i >> 1) } else { i >> 1 }));
                named.extend_from_slice(&row);
                quote_about.push_row(&mut row);
            }
            article_speakers.push_counted_row(&mut speakers, &mut speaker_quotes);
            article_about.push_row(&mut named);
            row.clear();
            row.extend(raw_people.iter().map(|&id| person(id)));
            linked_people.push_row(&mut row);
        }
        let article_kinds = (0..self.articles())
            .map(|a| self.kinds[quote_starts[a] as usize..quote_starts[a + 1] as usize].iter().fold(0, |bits, k| bits | k))
            .collect();
        Linked {
            facets: [article_speakers, article_about, linked_people, places, orgs],
            speaker_quotes,
            article_kinds,
            days: self.days.clone(),
            quote_starts,
            quotes: OnceLock::from(QuoteColumns { speaker: quote_speaker, about: quote_about, kinds: self.kinds.clone() }),
        }
    }
}

/// [`QuoteColumns::speaker`] of an unattributed quote.
pub const NO_SPEAKER: u32 = u32::MAX;

/// The table's columns with keys linked: what the page's filter engine runs on. The per-quote
/// columns may come later than the rest ([`ArticleFacts`] before [`QuoteFacts`]): until they
/// are set, what needs them waits ([`Linked::quote_columns`] is `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linked {
    /// Per article, per facet (in the page's order, [`SPEAKER`]…[`ORG`]): its key ids, sorted.
    /// An article's speakers and what it is about are those of its quotes.
    pub facets: [Lists; 5],
    /// Beside each of the articles' speakers (`facets[SPEAKER]`'s items): how many of the
    /// article's quotes are theirs. Who is quoted in the articles view is counted from these, a
    /// third of the reads the quotes themselves would take, and before they are read.
    pub speaker_quotes: Vec<u32>,
    /// Per article: its quotes' kinds' bits.
    pub article_kinds: Vec<u8>,
    /// Per article: its day ([`day_number`], 0 when unknown).
    pub days: Vec<u32>,
    /// Per article: its first quote; then the number of quotes.
    pub quote_starts: Vec<u32>,
    /// Per quote: set once, when read.
    pub quotes: OnceLock<QuoteColumns>,
}

/// Per quote, keys linked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteColumns {
    /// Its speaker, [`NO_SPEAKER`] when unattributed.
    pub speaker: Vec<u32>,
    /// What it names in its own words, sorted.
    pub about: Lists,
    /// Its kind's bit.
    pub kinds: Vec<u8>,
}

impl Linked {
    pub fn articles(&self) -> usize {
        self.days.len()
    }

    pub fn quotes(&self) -> usize {
        self.quote_starts.last().map_or(0, |&n| n as usize)
    }

    /// The per-quote columns, once they are read.
    pub fn quote_columns(&self) -> Option<&QuoteColumns> {
        self.quotes.get()
    }

    /// The quotes of article `a`.
    pub fn quotes_of(&self, a: usize) -> Range<usize> {
        self.quote_starts[a] as usize..self.quote_starts[a + 1] as usize
    }

    /// The article of quote `q`.
    pub fn article_of(&self, q: usize) -> usize {
        self.quote_starts.partition_point(|&s| s as usize <= q) - 1
    }
}

/// What a page reads first of an index, written with it: per article, the table's facts with keys
/// linked across the corpus ([`Table::linked`]'s), and the table's ids, counts and directory.
///
/// Linking is the indexer's work, once, because a page linking a million articles' table took
/// longer than fetching it (0.7–0.95 s of about 3.4 s to the first results, measured 2026-12-05);
/// and the per-quote columns, over half the table, are a chunk of their own ([`QuoteFacts`]),
/// fetched after the first view: the articles view needs none of them. The table itself (keys as
/// extraction gave them) is what `merge` relinks across parts; a page never fetches it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct ArticleFacts {
    /// The table without its keys and ids: days, quote counts, batches and word chunks.
    pub directory: Table,
    /// The article ids, front-coded ([`front_code`]).
    pub ids: Vec<u8>,
    /// Per facet (in the page's order), per article: its key ids, sorted.
    pub facets: [Counted; 5],
    /// [`Linked::speaker_quotes`].
    pub speaker_quotes: Vec<u32>,
    /// Per article: its quotes' kinds' bits.
    pub kinds: Vec<u8>,
}

/// Per quote, what the quotes view and who is quoted read: [`QuoteColumns`] as stored.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct QuoteFacts {
    /// Its speaker's id + 1, 0 when unattributed.
    pub speakers: Vec<u32>,
    pub kinds: Vec<u8>,
    pub about: Counted,
}

impl ArticleFacts {
    /// The facts of `table`, whose columns linked are `linked`.
    pub fn of(table: &Table, linked: &Linked) -> ArticleFacts {
        let directory = Table {
            days: table.days.clone(),
            quote_counts: table.quote_counts.clone(),
            batches: table.batches.clone(),
            words: table.words.clone(),
            ..Table::default()
        };
        let ids = front_code((0..table.articles()).map(|a| table.id(a)));
        ArticleFacts {
            directory,
            ids,
            facets: linked.facets.each_ref().map(Counted::of_lists),
            speaker_quotes: linked.speaker_quotes.clone(),
            kinds: linked.article_kinds.clone(),
        }
    }

    /// Checks every column against the others and every id against the dictionary's `keys`,
    /// and decodes the ids into the directory.
    pub fn check(&mut self, keys: usize) -> Result<(), String> {
        let articles = self.directory.articles();
        (self.directory.id_text, self.directory.id_ends) = front_decoded(&std::mem::take(&mut self.ids), articles)?;
        self.directory.check_directory()?;
        let articles = self.directory.articles();
        for (f, name) in ["speakers", "quotes' entities", "people", "places", "organisations"].into_iter().enumerate() {
            self.facets[f].check(name, articles, keys, 0)?;
        }
        if self.speaker_quotes.len() != self.facets[SPEAKER].items.len() {
            return Err("its speakers' quotes are not one per speaker of an article".to_string());
        }
        // Each speaker of an article has at least one of its quotes, and they have no more than
        // it has: who is quoted then adds up to the number of quotes, which fits.
        let mut quotes = self.speaker_quotes.iter();
        for (&speakers, &has) in self.facets[SPEAKER].counts.iter().zip(&self.directory.quote_counts) {
            let theirs = quotes.by_ref().take(speakers as usize).try_fold(0u64, |sum, &n| (n > 0).then_some(sum + u64::from(n)));
            if theirs.is_none_or(|theirs| theirs > u64::from(has)) {
                return Err("its speakers have more quotes than their articles".to_string());
            }
        }
        let d = &self.directory;
        if [&d.people, &d.places, &d.orgs, &d.about].iter().any(|c| !c.counts.is_empty() || !c.items.is_empty())
            || !d.speakers.is_empty()
            || !d.kinds.is_empty()
        {
            return Err("its directory holds columns it should not".to_string());
        }
        if self.kinds.len() != articles || self.kinds.iter().any(|&k| k & !(KIND_FULL | KIND_PARTIAL) != 0) {
            return Err("its articles' kinds of quotes are not one per article".to_string());
        }
        Ok(())
    }

    /// The directory (ids decoded) and the linked columns, the per-quote ones still to come;
    /// `self` must have passed [`ArticleFacts::check`]. The lists' items are moved, not copied.
    pub fn into_linked(self) -> (Table, Linked) {
        let ArticleFacts { directory, facets, speaker_quotes, kinds, .. } = self;
        let facets = facets.map(|c| c.into_lists().unwrap_or_default());
        let quote_starts = directory.quote_starts();
        let linked = Linked { facets, speaker_quotes, article_kinds: kinds, days: directory.days.clone(), quote_starts, quotes: OnceLock::new() };
        (directory, linked)
    }
}

impl QuoteFacts {
    pub fn of(linked: &Linked) -> QuoteFacts {
        let columns = linked.quote_columns();
        QuoteFacts {
            speakers: columns.map(|c| c.speaker.iter().map(|&s| if s == NO_SPEAKER { 0 } else { s + 1 }).collect()).unwrap_or_default(),
            kinds: columns.map(|c| c.kinds.clone()).unwrap_or_default(),
            about: columns.map(|c| Counted::of_lists(&c.about)).unwrap_or_default(),
        }
    }

    /// Checks the columns against `quotes` quotes and every id against `keys`.
    pub fn check(&self, keys: usize, quotes: usize) -> Result<(), String> {
        if self.speakers.len() != quotes || self.kinds.len() != quotes {
            return Err(format!("it has {} speakers and {} kinds for {quotes} quotes", self.speakers.len(), self.kinds.len()));
        }
        self.about.check("quotes' entities", quotes, keys, 0)?;
        if self.speakers.iter().any(|&s| s as usize > keys) {
            return Err("its quotes name a key the dictionary does not have".to_string());
        }
        check_kinds(&self.kinds)
    }

    /// The columns as the filter engine reads them; `self` must have passed [`QuoteFacts::check`].
    pub fn into_columns(self) -> QuoteColumns {
        QuoteColumns {
            speaker: self.speakers.into_iter().map(|s| s.checked_sub(1).unwrap_or(NO_SPEAKER)).collect(),
            about: self.about.into_lists().unwrap_or_default(),
            kinds: self.kinds,
        }
    }
}

/// Ids front-coded: each as the number of bytes it shares with the one before, the number of
/// bytes that follow, then those bytes (the numbers as LEB128 varints). An archive's ids are
/// mostly numbered or share a site's path: a million synthetic ids (`synthetic_000123`) take
/// 4.0 MB so against 19.7 MB as text and ends (measured 2026-12-05). Written here rather than
/// taken from a crate: a few lines, and postcard's varints are not public.
pub fn front_code<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut before: &[u8] = &[];
    for id in ids {
        let id = id.as_bytes();
        let shared = before.iter().zip(id).take_while(|(a, b)| a == b).count();
        put_varint(&mut out, shared as u64);
        put_varint(&mut out, (id.len() - shared) as u64);
        out.extend_from_slice(&id[shared..]);
        before = id;
    }
    out
}

/// The longest article id a page reads, and the most bytes of ids in all.
pub const MAX_ID_BYTES: usize = 2048;
pub const MAX_IDS_BYTES: usize = 512 << 20;

/// `articles` ids from [`front_code`]'s bytes, as one text and each id's end, or why they
/// cannot be.
pub fn front_decoded(coded: &[u8], articles: usize) -> Result<(String, Vec<u32>), String> {
    let broken = || "its article ids are broken".to_string();
    let (mut text, mut ends) = (Vec::with_capacity(coded.len() * 4), Vec::with_capacity(articles));
    let (mut at, mut before) = (0, 0..0);
    for _ in 0..articles {
        let shared = take_varint(coded, &mut at).ok_or_else(broken)?;
        let rest = take_varint(coded, &mut at).ok_or_else(broken)?;
        let suffix = usize::try_from(rest).ok().and_then(|r| coded.get(at..at.checked_add(r)?)).ok_or_else(broken)?;
        let shared = usize::try_from(shared).ok().filter(|&s| s <= before.len()).ok_or_else(broken)?;
        // Each id copies what it shares, so a few bytes could stand for a long id again and
        // again: ids and their total are bounded before anything is copied.
        if shared + suffix.len() > MAX_ID_BYTES || text.len() + shared + suffix.len() > MAX_IDS_BYTES {
            return Err("its article ids are longer than a page holds".to_string());
        }
        let start = text.len();
        text.extend_from_within(before.start..before.start + shared);
        text.extend_from_slice(suffix);
        at += suffix.len();
        before = start..text.len();
        ends.push(u32::try_from(text.len()).map_err(|_| broken())?);
    }
    if at != coded.len() {
        return Err(broken());
    }
    Ok((String::from_utf8(text).map_err(|_| broken())?, ends))
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn take_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

fn check_kinds(kinds: &[u8]) -> Result<(), String> {
    match kinds.iter().all(|&k| k == KIND_FULL || k == KIND_PARTIAL) {
        true => Ok(()),
        false => Err("a quote has no kind".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_front_coded_take_what_they_share_from_the_one_before() {
        let ids = ["synthetic_00009", "synthetic_00010", "a", "", "café-1", "café-2", "cafè"];
        let coded = front_code(ids.into_iter());
        assert!(coded.len() < ids.iter().map(|i| i.len()).sum::<usize>());
        let (text, ends) = front_decoded(&coded, ids.len()).unwrap();
        assert_eq!(text, ids.concat());
        assert_eq!(ends, [15, 30, 31, 31, 38, 45, 50]);
        assert!(front_decoded(&coded, ids.len() - 1).is_err(), "bytes left over");
        assert!(front_decoded(&coded, ids.len() + 1).is_err(), "bytes missing");
    }

    #[test]
    fn ids_that_copy_more_than_a_page_holds_are_refused() {
        let long = "x".repeat(MAX_ID_BYTES);
        let mut coded = front_code([long.as_str()].into_iter());
        assert!(front_decoded(&coded, 1).is_ok());
        // Each further id shares the whole long one and adds a byte.
        coded.extend([0x80, (MAX_ID_BYTES >> 7) as u8, 1, b'y']);
        assert_eq!(front_decoded(&coded, 2), Err("its article ids are longer than a page holds".to_string()));
    }

    proptest::proptest! {
        #[test]
        fn any_ids_come_back_as_they_were(ids in proptest::collection::vec("\\PC{0,12}", 0..40)) {
            let coded = front_code(ids.iter().map(String::as_str));
            let (text, ends) = front_decoded(&coded, ids.len()).unwrap();
            proptest::prop_assert_eq!(text, ids.concat());
            let lengths: Vec<usize> = ends.iter().scan(0, |at, &e| { let l = e as usize - *at; *at = e as usize; Some(l) }).collect();
            proptest::prop_assert_eq!(lengths, ids.iter().map(|i| i.len()).collect::<Vec<_>>());
        }

        #[test]
        fn any_bytes_decode_to_ids_or_a_reason(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200), n in 0usize..50) {
            let _ = front_decoded(&bytes, n);
        }
    }
}
