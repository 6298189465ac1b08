//! The corpus as the app holds it: extracted articles and indexes built once.

use std::sync::{Arc, OnceLock};

use broadsheet_extract::lexicon::FastMap;
use broadsheet_extract::{Article, EntityKind, Span};

use crate::search::{fold_into, WordIndex, WordIndexBuilder};
use crate::state::Facet;

/// The seed articles, extracted when the app was built (`build.rs`), in the shard format.
static SEEDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/seeds.bin"));

/// Bits of [`Corpus::article_kinds`] and [`Corpus::quote_kinds`], as an index in format 3 keeps them.
pub use broadsheet_archive::table::{kind_bit, KIND_FULL, KIND_PARTIAL};

/// One quote, addressed by article and position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuoteRef {
    pub article: usize,
    pub quote: usize,
}

pub struct Corpus {
    pub articles: Vec<Article>,
    pub quotes: Vec<QuoteRef>,
    /// Display name and kind of every entity key.
    pub names: FastMap<String, (String, EntityKind)>,
    /// Per article: the keys of each facet (speaker, person, place, org), sorted, deduplicated;
    /// what its quotes name ("about") is kept as ids only, in `article_key_ids`.
    pub article_keys: Vec<[Vec<String>; 5]>,
    /// Index for filtering: every entity key interned once.
    pub key_id: FastMap<String, u32>,
    pub keys: Vec<Arc<str>>,
    /// Per key id: the display name, and its place in the alphabetical order of names.
    pub key_names: Vec<Arc<str>>,
    pub name_rank: Vec<u32>,
    /// Per article: which quote kinds it has ([`KIND_FULL`] and [`KIND_PARTIAL`] bits);
    /// per quote (index into `quotes`): its kind's bit. Kept apart from the articles
    /// so a filter pass reads them in order instead of chasing every quote.
    pub article_kinds: Vec<u8>,
    pub quote_kinds: Vec<u8>,
    /// Per article, per facet: interned keys.
    pub article_key_ids: Vec<[Vec<u32>; 5]>,
    /// Per quote (index into `quotes`): its speaker, interned.
    pub quote_speaker: Vec<Option<u32>>,
    /// The entities each quote names in its own words (a mention inside its span), interned,
    /// sorted, quote after quote: see [`Corpus::quote_about`].
    quote_about: Vec<u32>,
    quote_about_starts: Vec<u32>,
    /// Per quote: folded quote text and speaker name, what a search in the quote list looks in.
    pub quote_haystack: Vec<String>,
    /// Per article: where its quotes begin in `quotes` (one more entry at the end), so an
    /// article's quotes are `quotes[article_quotes[a]..article_quotes[a + 1]]`.
    pub article_quotes: Vec<u32>,
    /// Per article: its publication date as a day number ([`crate::timeline::day`]), if it has one.
    pub article_day: Vec<Option<i32>>,
    /// The articles by publication date, oldest first and newest first; either way ties keep
    /// the corpus's order and undated articles come last.
    pub oldest_first: Vec<u32>,
    pub newest_first: Vec<u32>,
    /// Built after a load in slices between frames, or at once by the first search: see [`Corpus::words`].
    words: OnceLock<WordIndex>,
}

impl Corpus {
    /// The seed articles bundled into the build. Both ends of the shard are
    /// this build's, so it always reads; were it ever not to, the page starts
    /// empty rather than failing.
    pub fn bundled() -> Corpus {
        Corpus::from_articles(broadsheet_extract::shard::decode(SEEDS).unwrap_or_default())
    }

    /// Extracts `(file name, bytes)` pairs here, on this thread: for tests and
    /// benchmarks; the page itself extracts in workers.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Corpus {
        Corpus::from_articles(files.into_iter().map(|(n, b)| broadsheet_extract::extract(n, b)).collect())
    }

    /// A corpus of articles already extracted: keys linked across them, then indexed.
    /// A corpus that arrives in batches is re-indexed several times, so nothing
    /// here reads the articles' texts: the word index, which does, is built once.
    pub fn from_articles(mut articles: Vec<Article>) -> Corpus {
        broadsheet_extract::corpus::link(&mut articles);
        Corpus::index(articles)
    }

    fn index(articles: Vec<Article>) -> Corpus {
        let mut names = FastMap::default();
        let mut quotes = Vec::new();
        let mut article_quotes = Vec::with_capacity(articles.len() + 1);
        let mut article_keys = Vec::with_capacity(articles.len());
        let mut quote_haystack = Vec::new();
        // Per quote, the entities (indexes into its article's) that it names.
        let mut named = Vec::new();
        let mut named_starts = vec![0u32];
        let mut mentions: Vec<(Span, u32)> = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            mentions.clear();
            mentions.extend(a.entities.iter().enumerate().flat_map(|(e, entity)| entity.mentions.iter().map(move |&m| (m, e as u32))));
            mentions.sort_unstable();
            let mut keys: [Vec<String>; 5] = Default::default();
            for e in &a.entities {
                names.entry(e.key.clone()).or_insert_with(|| (e.name.clone(), e.kind));
                let f = match e.kind {
                    EntityKind::Person => Facet::Person,
                    EntityKind::Place => Facet::Place,
                    EntityKind::Organization => Facet::Org,
                };
                keys[f as usize].push(e.key.clone());
            }
            article_quotes.push(quotes.len() as u32);
            for (qi, q) in a.quotes.iter().enumerate() {
                quotes.push(QuoteRef { article: ai, quote: qi });
                let mut haystack = String::with_capacity(q.span.len() + 24);
                fold_into(&mut haystack, q.span.text(&a.text));
                quote_haystack.push(haystack);
                if let Some(s) = &q.speaker {
                    keys[Facet::Speaker as usize].push(s.clone());
                }
                let from = mentions.partition_point(|(m, _)| m.start < q.span.start);
                let inside = mentions[from..].iter().take_while(|(m, _)| m.start < q.span.end).filter(|(m, _)| m.end <= q.span.end);
                named.extend(inside.map(|&(_, e)| e));
                named_starts.push(named.len() as u32);
            }
            for k in keys.iter_mut() {
                k.sort_unstable();
                k.dedup();
            }
            article_keys.push(keys);
        }
        article_quotes.push(quotes.len() as u32);
        let mut key_id: FastMap<String, u32> = FastMap::default();
        let mut keys: Vec<Arc<str>> = Vec::new();
        let mut intern = |k: &str| -> u32 {
            if let Some(&id) = key_id.get(k) {
                return id;
            }
            keys.push(k.into());
            key_id.insert(k.to_string(), keys.len() as u32 - 1);
            keys.len() as u32 - 1
        };
        let mut article_key_ids: Vec<[Vec<u32>; 5]> =
            article_keys.iter().map(|ks| ks.each_ref().map(|v| v.iter().map(|k| intern(k)).collect())).collect();
        let quote_speaker: Vec<Option<u32>> =
            quotes.iter().map(|r| articles[r.article].quotes[r.quote].speaker.as_deref().map(&mut intern)).collect();
        // What each quote names, as key ids; an article names what its quotes do.
        let mut quote_about = Vec::with_capacity(named.len());
        let mut quote_about_starts = Vec::with_capacity(quotes.len() + 1);
        quote_about_starts.push(0);
        let (mut entity_ids, mut ids) = (Vec::new(), Vec::new());
        for (qi, r) in quotes.iter().enumerate() {
            if r.quote == 0 {
                entity_ids.clear();
                entity_ids.extend(articles[r.article].entities.iter().map(|e| intern(&e.key)));
            }
            ids.clear();
            ids.extend(named[named_starts[qi] as usize..named_starts[qi + 1] as usize].iter().map(|&e| entity_ids[e as usize]));
            ids.sort_unstable();
            ids.dedup();
            quote_about.extend_from_slice(&ids);
            quote_about_starts.push(quote_about.len() as u32);
            article_key_ids[r.article][Facet::About as usize].extend_from_slice(&ids);
        }
        for ids in &mut article_key_ids {
            let about = &mut ids[Facet::About as usize];
            about.sort_unstable();
            about.dedup();
        }
        // A search in the quote list also finds the speaker's name.
        for (haystack, r) in quote_haystack.iter_mut().zip(&quotes) {
            let speaker = articles[r.article].quotes[r.quote].speaker.as_deref();
            if let Some((name, _)) = speaker.and_then(|k| names.get(k)) {
                haystack.push(' ');
                fold_into(haystack, name);
            }
        }
        let key_names: Vec<Arc<str>> = keys.iter().map(|k| names.get(&**k).map_or_else(|| k.clone(), |(n, _)| n.as_str().into())).collect();
        let name_rank = name_ranks(&keys, &key_names);
        let article_kinds = articles.iter().map(|a| a.quotes.iter().fold(0, |bits, q| bits | kind_bit(q.kind))).collect();
        let quote_kinds = quotes.iter().map(|r| kind_bit(articles[r.article].quotes[r.quote].kind)).collect();
        let (oldest_first, newest_first) = date_orders(&articles);
        let article_day = articles.iter().map(|a| a.date.iso.as_deref().and_then(crate::timeline::day)).collect();
        Corpus {
            article_quotes,
            article_day,
            oldest_first,
            newest_first,
            articles,
            quotes,
            names,
            article_keys,
            key_id,
            keys,
            key_names,
            name_rank,
            article_kinds,
            quote_kinds,
            article_key_ids,
            quote_speaker,
            quote_about,
            quote_about_starts,
            quote_haystack,
            words: OnceLock::new(),
        }
    }

    /// The words of each article, its title and the names of its speakers:
    /// everything a search in either view looks in (a quote's text is part of
    /// its article's), so candidates found here hold every match.
    pub fn words(&self) -> &WordIndex {
        self.words.get_or_init(|| {
            let mut builder = WordIndexBuilder::default();
            while self.add_words(&mut builder) {}
            builder.finish()
        })
    }

    /// The entities quote `quote` (an index into `quotes`) names in its own words, as key ids.
    pub fn quote_about(&self, quote: usize) -> &[u32] {
        match self.quote_about_starts.get(quote..quote + 2) {
            Some(&[from, to]) => &self.quote_about[from as usize..to as usize],
            _ => &[],
        }
    }

    /// An article's title and text folded for search: what the articles view searches.
    pub fn searched_text(&self, article: usize) -> String {
        let a = &self.articles[article];
        let mut folded = String::with_capacity(a.title.text.len() + a.text.len() + 1);
        fold_into(&mut folded, &a.title.text);
        folded.push(' ');
        fold_into(&mut folded, &a.text);
        folded
    }

    /// Adds the next article to `builder`; false once all are in.
    pub fn add_words(&self, builder: &mut WordIndexBuilder) -> bool {
        let a = builder.articles();
        if a >= self.articles.len() {
            return false;
        }
        let text = self.searched_text(a);
        let names: Vec<String> = self.article_key_ids[a][Facet::Speaker as usize]
            .iter()
            .map(|&id| {
                let mut folded = String::new();
                fold_into(&mut folded, &self.key_names[id as usize]);
                folded
            })
            .collect();
        builder.add(&text, names.iter().map(String::as_str));
        true
    }

    /// Keeps an index built in slices by [`add_words`](Corpus::add_words), unless a search built one meanwhile.
    pub fn keep_words(&self, built: WordIndexBuilder) {
        if self.words.get().is_none() && built.articles() == self.articles.len() {
            let _ = self.words.set(built.finish());
        }
    }

    /// True once the word index exists.
    pub fn has_words(&self) -> bool {
        self.words.get().is_some()
    }

    pub fn name_of(&self, key: &str) -> String {
        self.names.get(key).map_or_else(|| key.to_string(), |(n, _)| n.clone())
    }

    /// How many people and bodies speak in the corpus.
    pub fn speakers(&self) -> usize {
        let mut speaks = vec![false; self.keys.len()];
        for &id in self.quote_speaker.iter().flatten() {
            speaks[id as usize] = true;
        }
        speaks.into_iter().filter(|&s| s).count()
    }

    pub fn quote(&self, r: QuoteRef) -> &broadsheet_extract::Quote {
        &self.articles[r.article].quotes[r.quote]
    }

    pub fn article_by_id(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// The quotes of article `article`, as indexes into `quotes`.
    pub fn quotes_of(&self, article: usize) -> std::ops::Range<usize> {
        match self.article_quotes.get(article..article + 2) {
            Some(&[from, to]) => from as usize..to as usize,
            _ => 0..0,
        }
    }

    /// The quote of article `article` that starts at byte `start`, as an index into `quotes`.
    pub fn quote_at(&self, article: usize, start: usize) -> Option<usize> {
        self.quotes_of(article).find(|&i| self.quote(self.quotes[i]).span.start == start)
    }

    /// What `quote=` says of quote `index`: its article's id and where it starts.
    pub fn quote_param(&self, index: usize) -> Option<(String, usize)> {
        let r = self.quotes.get(index)?;
        Some((self.articles[r.article].id.clone(), self.quote(*r).span.start))
    }
}

/// Each key's place in the alphabetical order of names (ties by key): the order of a facet's
/// values of equal count. Shared by every kind of corpus, so the page carries one such sort.
pub fn name_ranks(keys: &[Arc<str>], names: &[Arc<str>]) -> Vec<u32> {
    let mut by_name: Vec<u32> = (0..keys.len() as u32).collect();
    by_name.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]).then_with(|| keys[a as usize].cmp(&keys[b as usize])));
    let mut name_rank = vec![0; keys.len()];
    for (rank, &id) in by_name.iter().enumerate() {
        name_rank[id as usize] = rank as u32;
    }
    name_rank
}

/// `YYYY-MM-DD` as the number `YYYYMMDD`, which orders as the dates do.
fn day_number(iso: &str) -> Option<u32> {
    let part = |from: usize, to: usize| iso.get(from..to)?.parse::<u32>().ok();
    Some(part(0, 4)? * 10_000 + part(5, 7)? * 100 + part(8, 10)?)
}

/// The articles oldest first and newest first (see [`Corpus::oldest_first`]),
/// undated last: the same counting sort an index in format 3 orders its articles by.
fn date_orders(articles: &[Article]) -> (Vec<u32>, Vec<u32>) {
    let days: Vec<u32> = articles.iter().map(|a| a.date.iso.as_deref().and_then(day_number).unwrap_or(0)).collect();
    broadsheet_archive::filter::date_orders(&days)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seeds `build.rs` extracted read back whole: every `seeds/*.txt`, as
    /// the extractor reads it now, linked across the corpus.
    #[test]
    fn the_bundled_seeds_are_every_seed_file_extracted() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut files: Vec<_> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        files.sort();
        let mut expected: Vec<Article> =
            files.iter().map(|p| broadsheet_extract::extract(&p.file_name().unwrap().to_string_lossy(), &std::fs::read(p).unwrap())).collect();
        broadsheet_extract::corpus::link(&mut expected);
        assert!(!expected.is_empty());
        assert_eq!(Corpus::bundled().articles, expected);
    }

    fn articles(range: std::ops::Range<usize>) -> Vec<Article> {
        broadsheet_extract::synthetic::corpus(range.end, 5)[range]
            .iter()
            .map(|(name, text)| broadsheet_extract::extract(name, text.as_bytes()))
            .collect()
    }

    /// The index a page builds in slices is the one a search would build at once.
    #[test]
    fn word_index_in_slices_is_the_whole_index() {
        let sliced = Corpus::from_articles(articles(0..12));
        let mut builder = WordIndexBuilder::default();
        while sliced.add_words(&mut builder) {}
        assert!(!sliced.has_words());
        sliced.keep_words(builder);
        assert!(sliced.has_words());
        assert_eq!(sliced.words(), Corpus::from_articles(articles(0..12)).words());
        // An unfinished index is not kept.
        let partial = Corpus::from_articles(articles(0..12));
        let mut builder = WordIndexBuilder::default();
        partial.add_words(&mut builder);
        partial.keep_words(builder);
        assert!(!partial.has_words());
    }
}
