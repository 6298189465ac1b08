//! Free-text search: words and "exact phrases", case- and accent-insensitive.

use broadsheet_extract::lexicon::{fold, FastMap};

/// A parsed search box: every term and phrase must occur.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Query {
    /// Folded needles: single words and whole phrases.
    pub needles: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut needles = Vec::new();
        let mut rest = q;
        while let Some(open) = rest.find(['"', '“', '”']) {
            needles.extend(rest[..open].split_whitespace().map(fold));
            let after = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
            match after.find(['"', '“', '”']) {
                Some(close) => {
                    let phrase = fold(after[..close].trim());
                    if !phrase.is_empty() {
                        needles.push(phrase.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                    rest = &after[close + after[close..].chars().next().map_or(1, char::len_utf8)..];
                }
                None => {
                    rest = after;
                }
            }
        }
        needles.extend(rest.split_whitespace().map(fold));
        needles.retain(|n| !n.is_empty());
        Query { needles }
    }

    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// True when every needle occurs in the folded haystack.
    pub fn matches(&self, folded: &str) -> bool {
        self.needles.iter().all(|n| folded.contains(n.as_str()))
    }
}

/// An inverted index of folded words: which articles may contain a needle, so
/// a search reads only their texts instead of the whole corpus.
///
/// A needle occurs in a folded text only if each of its space-separated pieces
/// occurs inside one of the text's words, so the articles having, for every
/// piece, some word that contains it are a superset of the matches; the search
/// still checks each candidate's text, so results are the same as a full scan.
#[derive(Debug, PartialEq)]
pub struct WordIndex {
    /// Every distinct word, each followed by a newline (which no folded word holds).
    vocabulary: String,
    /// Where each word starts in `vocabulary`.
    starts: Vec<u32>,
    /// Per word: the ids of the articles that have it, ascending.
    postings: Vec<Vec<u32>>,
    articles: usize,
}

/// A set of article ids, one bit each.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleSet(Vec<u64>);

impl ArticleSet {
    fn empty(len: usize) -> ArticleSet {
        ArticleSet(vec![0; len.div_ceil(64)])
    }

    fn insert(&mut self, id: u32) {
        self.0[id as usize / 64] |= 1 << (id % 64);
    }

    pub fn contains(&self, id: usize) -> bool {
        self.0.get(id / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    fn keep_only(&mut self, other: &ArticleSet) {
        for (w, o) in self.0.iter_mut().zip(&other.0) {
            *w &= o;
        }
    }
}

/// Builds a [`WordIndex`] an article at a time, so a page can build it in
/// slices between frames.
#[derive(Default)]
pub struct WordIndexBuilder {
    ids: FastMap<Box<str>, u32>,
    postings: Vec<Vec<u32>>,
    articles: usize,
}

impl WordIndexBuilder {
    /// Adds the next article, given its folded texts.
    pub fn add<'a>(&mut self, texts: impl IntoIterator<Item = &'a str>) {
        let article = self.articles as u32;
        self.articles += 1;
        for text in texts {
            for word in text.split(' ').filter(|w| !w.is_empty()) {
                let id = match self.ids.get(word) {
                    Some(&id) => id,
                    None => {
                        self.postings.push(Vec::new());
                        let id = self.postings.len() as u32 - 1;
                        self.ids.insert(word.into(), id);
                        id
                    }
                };
                let list = &mut self.postings[id as usize];
                // Articles arrive in order, so a repeat is always the last entry.
                if list.last() != Some(&article) {
                    list.push(article);
                }
            }
        }
    }

    /// How many articles were added.
    pub fn articles(&self) -> usize {
        self.articles
    }

    pub fn finish(self) -> WordIndex {
        let mut words: Vec<(Box<str>, u32)> = self.ids.into_iter().collect();
        words.sort_unstable_by_key(|&(_, id)| id);
        let mut vocabulary = String::with_capacity(words.iter().map(|(w, _)| w.len() + 1).sum());
        let mut starts = Vec::with_capacity(words.len());
        for (word, _) in words {
            starts.push(vocabulary.len() as u32);
            vocabulary.push_str(&word);
            vocabulary.push('\n');
        }
        WordIndex { vocabulary, starts, postings: self.postings, articles: self.articles }
    }
}

impl WordIndex {
    /// `texts` gives, for each article in order, the folded texts to index.
    pub fn build<'a, T: IntoIterator<Item = &'a str>>(texts: impl IntoIterator<Item = T>) -> WordIndex {
        let mut builder = WordIndexBuilder::default();
        for article in texts {
            builder.add(article);
        }
        builder.finish()
    }

    /// The articles that may match every needle of `query` (all articles for an empty query).
    pub fn candidates(&self, query: &Query) -> ArticleSet {
        let mut all = ArticleSet(vec![u64::MAX; self.articles.div_ceil(64)]);
        for piece in query.needles.iter().flat_map(|n| n.split(' ')).filter(|p| !p.is_empty()) {
            let mut having = ArticleSet::empty(self.articles);
            let mut last_word = usize::MAX;
            for (at, _) in self.vocabulary.match_indices(piece) {
                let word = self.starts.partition_point(|&s| s as usize <= at) - 1;
                if word != last_word {
                    last_word = word;
                    for &article in &self.postings[word] {
                        having.insert(article);
                    }
                }
            }
            all.keep_only(&having);
        }
        all
    }
}

/// Text folded for search, with a map from each folded byte back to the original text.
pub struct Folded {
    pub text: String,
    origin: Vec<usize>,
    len: usize,
}

/// Calls `emit(i, piece)` for each folded piece of `original`, `i` being the
/// byte offset of the character it came from: lowercase, accents folded as
/// [`fold`] does, and each run of whitespace one space, so phrases match across
/// line breaks. No allocation per character: this runs over the whole corpus.
fn fold_pieces(original: &str, mut emit: impl FnMut(usize, &str)) {
    let mut buf = [0u8; 4];
    let mut in_space = false;
    for (i, c) in original.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                emit(i, " ");
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if c.is_ascii() {
            emit(i, c.to_ascii_lowercase().encode_utf8(&mut buf));
            continue;
        }
        broadsheet_extract::lexicon::fold_each(c, |f| emit(i, f.encode_utf8(&mut buf)));
    }
}

/// Appends `original`, folded for search, to `out`: the same text as [`Folded`]
/// gives, made faster for whole corpora by the extractor's word folding.
pub use broadsheet_extract::lexicon::fold_text_into as fold_into;

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        fold_pieces(original, |i, piece| {
            text.push_str(piece);
            origin.extend(std::iter::repeat_n(i, piece.len()));
        });
        Folded { text, origin, len: original.len() }
    }

    /// Byte ranges of the original text where any needle of the query occurs.
    pub fn hits(&self, query: &Query) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for n in &query.needles {
            let mut from = 0;
            while let Some(at) = self.text[from..].find(n.as_str()) {
                let s = from + at;
                let e = s + n.len();
                let os = self.origin[s];
                let oe = self.origin.get(e).copied().unwrap_or(self.len);
                out.push((os, oe.max(os + 1).min(self.len)));
                from = e;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases() {
        let q = Query::parse("Peace \"Talks  begin\" now");
        assert_eq!(q.needles, ["peace", "talks begin", "now"]);
        assert!(q.matches(&Folded::new("Now the peace talks\nbegin.").text));
        assert!(!q.matches(&Folded::new("Peace now, talks later").text));
    }

    #[test]
    fn accents_and_case_fold() {
        let q = Query::parse("zelensky CAFE");
        assert!(q.matches(&Folded::new("Zelénsky at the café").text));
    }

    #[test]
    fn hits_map_back_to_the_original() {
        let t = "A café in Kyïv, the CAFÉ.";
        let f = Folded::new(t);
        let hits = f.hits(&Query::parse("cafe"));
        let found: Vec<&str> = hits.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, ["café", "CAFÉ"]);
    }

    #[test]
    fn folding_for_search_matches_query_folding() {
        let mut out = String::new();
        fold_into(&mut out, "Straße  ÉLAN\n\t Œuvre");
        assert_eq!(out, "strasse elan oeuvre");
        assert!(Query::parse("\"elan oeuvre\" STRASSE").matches(&out));
    }

    /// Search runs on `fold_into`'s text and highlighting on `Folded`'s: they must agree.
    #[test]
    fn corpus_folding_equals_highlight_folding() {
        let alphabet: Vec<char> = "aZ09 \t\n\r\u{b}\u{c}.,“”\"éÉßŒİıﬁ\u{a0}\u{85}\u{2003}кЖ中😀\u{301}".chars().collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..400 {
            let text: String = (0..len % 40)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let mut fast = String::from("kept ");
            fold_into(&mut fast, &text);
            assert_eq!(fast, format!("kept {}", Folded::new(&text).text), "{text:?}");
        }
    }

    #[test]
    fn word_index_keeps_every_article_a_needle_may_be_in() {
        let texts = ["the peace talks begin", "peacekeepers arrived", "talks, then peace", "nothing here"];
        let index = WordIndex::build(texts.iter().map(|t| [*t]));
        let ids = |q: &str| (0..texts.len()).filter(|&i| index.candidates(&Query::parse(q)).contains(i)).collect::<Vec<_>>();
        assert_eq!(ids("peace"), [0, 1, 2]);
        assert_eq!(ids("keep"), [1]);
        // Pieces of a phrase are looked up one by one; reading the text settles the rest.
        assert_eq!(ids("\"peace talks\""), [0, 2]);
        assert_eq!(ids("talks nothing"), Vec::<usize>::new());
        assert_eq!(ids(""), [0, 1, 2, 3]);
    }

    #[test]
    fn unclosed_phrase_is_words() {
        assert_eq!(Query::parse("\"open phrase").needles, ["open", "phrase"]);
    }
}
