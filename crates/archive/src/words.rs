//! The word index of format 3, split by term into chunks fetched for the words typed.
//!
//! A term is a run of letters and digits in text folded for search
//! ([`broadsheet_extract::lexicon::fold_text_into`]: lowercase, accents folded). Each term lists the articles
//! whose title or text holds it and the quotes whose own words do, ascending. Terms are sorted
//! and cut into chunks of about [`CHUNK_BYTES`]; the table's directory gives each chunk's first
//! term, so the chunk that holds a term, or the chunks that hold the terms beginning with some
//! letters, are found without fetching any other ([`chunk_of_term`], [`chunks_of_prefix`]).
//! A search then matches words by their beginnings, as Pagefind does: "budg" finds "budget".
//!
//! A list is stored as the gaps between its ids in LEB128 varints, written here: postcard writes
//! varints only through serde, and a list is kept as bytes while the index grows and is read
//! lazily, only for the terms a search asks.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::chunk::ChunkRef;
use broadsheet_extract::lexicon::FastMap;

/// About how many bytes of lists a word chunk holds (one term's lists may be more).
pub const CHUNK_BYTES: usize = 256 * 1024;

/// The terms of a folded text, in order, repeats included.
pub fn terms(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty())
}

/// One term of a word chunk and its lists (gaps in varints; see [`ids`]).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub term: String,
    pub articles: Vec<u8>,
    pub quotes: Vec<u8>,
}

/// A word chunk as the table's directory lists it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct WordChunk {
    /// Its first term; the chunk holds the terms from it up to the next chunk's first.
    pub first: String,
    pub chunk: ChunkRef,
}

/// The chunk that holds `term` if any does: the last whose first term is not after it.
pub fn chunk_of_term(chunks: &[WordChunk], term: &str) -> Option<usize> {
    chunks.partition_point(|c| c.first.as_str() <= term).checked_sub(1)
}

/// The chunks that hold the terms beginning with `prefix`, in order.
pub fn chunks_of_prefix(chunks: &[WordChunk], prefix: &str) -> Range<usize> {
    let end = chunks.partition_point(|c| c.first.as_str() < prefix || c.first.starts_with(prefix));
    let start = chunk_of_term(chunks, prefix).unwrap_or(0);
    start..end.max(start)
}

/// The terms of a chunk (sorted) that begin with `prefix`.
pub fn terms_beginning<'a>(chunk: &'a [Term], prefix: &'a str) -> impl Iterator<Item = &'a Term> {
    let from = chunk.partition_point(|t| t.term.as_str() < prefix);
    chunk[from..].iter().take_while(move |t| t.term.starts_with(prefix))
}

/// Appends id `id` to a list whose last id is `last`; ids must ascend, and one that does not
/// is left out (a list is a set).
pub fn push_id(list: &mut Vec<u8>, last: &mut Option<u32>, id: u32) {
    let gap = match *last {
        None => id,
        Some(before) if id > before => id - before - 1,
        Some(_) => return,
    };
    *last = Some(id);
    let mut rest = gap;
    while rest >= 0x80 {
        list.push((rest as u8 & 0x7f) | 0x80);
        rest >>= 7;
    }
    list.push(rest as u8);
}

/// The ids of a list, or why its bytes are no list.
pub fn ids(list: &[u8]) -> Result<Vec<u32>, &'static str> {
    let mut out = Vec::with_capacity(list.len());
    let mut last: Option<u32> = None;
    let mut at = 0;
    while at < list.len() {
        let mut gap: u64 = 0;
        let mut shift = 0;
        loop {
            let Some(&byte) = list.get(at) else { return Err("a list of ids is cut short") };
            at += 1;
            gap |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
            if shift > 28 {
                return Err("a list of ids has a number too long");
            }
        }
        let id = match last {
            None => gap,
            Some(before) => u64::from(before) + gap + 1,
        };
        let id = u32::try_from(id).map_err(|_| "a list of ids goes past the largest id")?;
        out.push(id);
        last = Some(id);
    }
    Ok(out)
}

/// A term's lists as they grow.
#[derive(Default)]
struct Growing {
    articles: Vec<u8>,
    last_article: Option<u32>,
    quotes: Vec<u8>,
    last_quote: Option<u32>,
}

/// The word index of a corpus as it grows, article after article, kept as compact lists
/// (about a byte per article or quote a term is in) until it is cut into chunks.
#[derive(Default)]
pub struct WordsBuilder {
    terms: FastMap<Box<str>, Growing>,
}

impl WordsBuilder {
    fn growing(&mut self, term: &str) -> &mut Growing {
        if !self.terms.contains_key(term) {
            self.terms.insert(term.into(), Growing::default());
        }
        self.terms.get_mut(term).expect("inserted above")
    }

    /// Notes that articles `ids` (ascending, after any given before) hold `term`.
    pub fn add_articles(&mut self, term: &str, ids: impl IntoIterator<Item = u32>) {
        let g = self.growing(term);
        for id in ids {
            push_id(&mut g.articles, &mut g.last_article, id);
        }
    }

    /// Notes that quotes `ids` (ascending, after any given before) hold `term`.
    pub fn add_quotes(&mut self, term: &str, ids: impl IntoIterator<Item = u32>) {
        let g = self.growing(term);
        for id in ids {
            push_id(&mut g.quotes, &mut g.last_quote, id);
        }
    }

    /// The terms in order, cut into chunks of about [`CHUNK_BYTES`] of lists.
    pub fn into_chunks(self) -> impl Iterator<Item = Vec<Term>> {
        let mut sorted: Vec<(Box<str>, Growing)> = self.terms.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut terms = sorted.into_iter().peekable();
        std::iter::from_fn(move || {
            terms.peek()?;
            let mut chunk = Vec::new();
            let mut bytes = 0;
            while bytes < CHUNK_BYTES {
                let Some((term, g)) = terms.next() else { break };
                bytes += term.len() + g.articles.len() + g.quotes.len();
                chunk.push(Term { term: term.into(), articles: g.articles, quotes: g.quotes });
            }
            Some(chunk)
        })
    }
}

/// The terms of a batch of articles, with the batch's own article and quote numbers (from 0):
/// what a worker hands on for the index to add at the batch's place.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct BatchTerms {
    /// Each term's place in `lists`: one lookup per word of the text, the lists apart.
    ids: FastMap<String, u32>,
    /// Per term: its articles and its quotes.
    lists: Vec<(Vec<u32>, Vec<u32>)>,
}

impl BatchTerms {
    fn lists(&mut self, term: &str) -> &mut (Vec<u32>, Vec<u32>) {
        let id = match self.ids.get(term) {
            Some(&id) => id,
            None => {
                self.lists.push(Default::default());
                self.ids.insert(term.to_string(), self.lists.len() as u32 - 1);
                self.lists.len() as u32 - 1
            }
        };
        &mut self.lists[id as usize]
    }

    /// Notes the article `article`'s title and text (not folded yet). Articles come in order,
    /// so a term already noted for this one is its list's last entry.
    pub fn add_article(&mut self, article: u32, title: &str, text: &str, folded: &mut String) {
        folded.clear();
        broadsheet_extract::lexicon::fold_text_into(folded, title);
        folded.push(' ');
        broadsheet_extract::lexicon::fold_text_into(folded, text);
        for term in terms(folded) {
            let list = &mut self.lists(term).0;
            if list.last() != Some(&article) {
                list.push(article);
            }
        }
    }

    /// Notes quote `quote`'s text; quotes come in order.
    pub fn add_quote(&mut self, quote: u32, text: &str, folded: &mut String) {
        folded.clear();
        broadsheet_extract::lexicon::fold_text_into(folded, text);
        for term in terms(folded) {
            let list = &mut self.lists(term).1;
            if list.last() != Some(&quote) {
                list.push(quote);
            }
        }
    }

    /// Adds the batch to `words`, its first article and quote being `first_article` and `first_quote`.
    pub fn add_to(mut self, words: &mut WordsBuilder, first_article: u32, first_quote: u32) {
        for (term, id) in self.ids {
            let (articles, quotes) = std::mem::take(&mut self.lists[id as usize]);
            let g = words.growing(&term);
            for a in articles {
                push_id(&mut g.articles, &mut g.last_article, a + first_article);
            }
            for q in quotes {
                push_id(&mut g.quotes, &mut g.last_quote, q + first_quote);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_runs_of_letters_and_digits_folded() {
        let mut folded = String::new();
        broadsheet_extract::lexicon::fold_text_into(&mut folded, "“Zelénsky’s CAFÉ,” 2024 — U.S. café");
        assert_eq!(terms(&folded).collect::<Vec<_>>(), ["zelensky", "s", "cafe", "2024", "u", "s", "cafe"]);
    }

    #[test]
    fn a_prefix_finds_its_chunks() {
        let chunk = |first: &str| WordChunk { first: first.into(), chunk: ChunkRef::default() };
        let chunks = [chunk("apple"), chunk("apricot"), chunk("banana"), chunk("bandit"), chunk("peach")];
        assert_eq!(chunk_of_term(&chunks, "apple"), Some(0));
        assert_eq!(chunk_of_term(&chunks, "april"), Some(1));
        assert_eq!(chunk_of_term(&chunks, "aardvark"), None);
        assert_eq!(chunks_of_prefix(&chunks, "ap"), 0..2);
        // A chunk holds the terms from its first up to the next one's: "apra" would be in the
        // first, "ban" itself in the second, "bane" after "bandit".
        assert_eq!(chunks_of_prefix(&chunks, "apr"), 0..2);
        assert_eq!(chunks_of_prefix(&chunks, "ban"), 1..4);
        assert_eq!(chunks_of_prefix(&chunks, "bane"), 3..4);
        assert_eq!(chunks_of_prefix(&chunks, "q"), 4..5);
        assert_eq!(chunks_of_prefix(&chunks, "a"), 0..2);
        assert_eq!(chunks_of_prefix(&[], "a"), 0..0);
    }

    proptest::proptest! {
        #[test]
        fn lists_read_back_as_written(mut ids_in in proptest::collection::vec(proptest::num::u32::ANY, 0..60)) {
            ids_in.sort_unstable();
            ids_in.dedup();
            let (mut list, mut last) = (Vec::new(), None);
            for &id in &ids_in {
                push_id(&mut list, &mut last, id);
            }
            proptest::prop_assert_eq!(ids(&list).unwrap(), ids_in);
        }

        #[test]
        fn any_bytes_are_a_list_or_an_error(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            if let Ok(read) = ids(&bytes) {
                proptest::prop_assert!(read.windows(2).all(|w| w[0] < w[1]));
            }
        }

        /// Every term is found in the one chunk that `chunk_of_term` names, and every prefix of
        /// it leads to that chunk among others.
        #[test]
        fn every_term_is_in_the_chunk_named(words in proptest::collection::btree_set("[a-d]{1,6}", 1..200), per_chunk in 1usize..9) {
            let words: Vec<String> = words.into_iter().collect();
            let chunks: Vec<&[String]> = words.chunks(per_chunk).collect();
            let directory: Vec<WordChunk> = chunks.iter().map(|c| WordChunk { first: c[0].clone(), chunk: ChunkRef::default() }).collect();
            for (i, chunk) in chunks.iter().enumerate() {
                for word in chunk.iter() {
                    proptest::prop_assert_eq!(chunk_of_term(&directory, word), Some(i));
                    for end in 1..=word.len() {
                        let prefix = &word[..end];
                        let range = chunks_of_prefix(&directory, prefix);
                        proptest::prop_assert!(range.contains(&i), "{} in {:?}", prefix, range);
                        // No chunk outside the range holds a word with that prefix.
                        for (j, other) in chunks.iter().enumerate() {
                            if !range.contains(&j) {
                                proptest::prop_assert!(other.iter().all(|w| !w.starts_with(prefix)));
                            }
                        }
                    }
                }
            }
        }
    }
}
