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

/// An inverted index of folded words.
///
/// Each article is indexed by its searched text (title and body, what the
/// articles view searches) and by other texts its quotes are found by (its
/// speakers' names). The index answers two questions:
/// - [`matching`](WordIndex::matching): which articles' searched text holds
///   every needle, exactly as [`Query::matches`] would on each text, but from
///   the words in order and where each word occurs, without reading any text;
/// - [`candidates`](WordIndex::candidates): which articles may have a quote
///   holding every needle, a superset the quotes view then reads.
///
/// A folded text is words joined by single spaces, so a needle of pieces
/// `p0 p1 … pk` occurs in it where a word ends with `p0`, the next words are
/// `p1 …` exactly, and the last begins with `pk`; a needle of one piece occurs
/// where a word holds it.
#[derive(Debug, PartialEq)]
pub struct WordIndex {
    /// Every distinct word, each followed by a newline (which no folded word holds).
    vocabulary: String,
    /// Where each word starts in `vocabulary`.
    starts: Vec<u32>,
    /// Per word, ascending: the articles that have it, [`ONLY_ALSO`] marking
    /// those that have it only outside their searched text.
    postings: Vec<Vec<u32>>,
    articles: usize,
    /// The word ids of every article's searched text, in order, article after article.
    sequence: Vec<u32>,
    /// Where each article's words start in `sequence`, and where the last one ends.
    sequence_starts: Vec<u32>,
    /// Per word, ascending: its positions in `sequence`.
    occurrences: Vec<Vec<u32>>,
}

/// Stands in `sequence` for the empty word between two spaces; it is in no posting list.
const EMPTY_WORD: u32 = u32::MAX;

/// Set in a posting when the article has the word only in its other texts.
const ONLY_ALSO: u32 = 1 << 31;

/// How many words of a text a scan reads in the time one word's occurrence is
/// followed to its neighbours (a jump to anywhere in `sequence`).
const SCAN_WORDS_PER_JUMP: usize = 32;

/// A set of article ids, one bit each.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleSet(Vec<u64>);

impl ArticleSet {
    fn empty(len: usize) -> ArticleSet {
        ArticleSet(vec![0; len.div_ceil(64)])
    }

    fn full(len: usize) -> ArticleSet {
        ArticleSet(vec![u64::MAX; len.div_ceil(64)])
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
pub struct WordIndexBuilder {
    ids: FastMap<Box<str>, u32>,
    postings: Vec<Vec<u32>>,
    articles: usize,
    sequence: Vec<u32>,
    sequence_starts: Vec<u32>,
    occurrences: Vec<Vec<u32>>,
}

impl Default for WordIndexBuilder {
    fn default() -> Self {
        WordIndexBuilder {
            ids: FastMap::default(),
            postings: Vec::new(),
            articles: 0,
            sequence: Vec::new(),
            sequence_starts: vec![0],
            occurrences: Vec::new(),
        }
    }
}

impl WordIndexBuilder {
    /// Adds the next article: `searched`, the folded text the articles view
    /// searches, and `also`, more folded texts its quotes are found by.
    pub fn add<'a>(&mut self, searched: &str, also: impl IntoIterator<Item = &'a str>) {
        let article = self.articles as u32;
        for word in searched.split(' ') {
            let id = if word.is_empty() { EMPTY_WORD } else { self.note(word, article) };
            if let Some(positions) = self.occurrences.get_mut(id as usize) {
                positions.push(self.sequence.len() as u32);
            }
            self.sequence.push(id);
        }
        self.sequence_starts.push(self.sequence.len() as u32);
        for word in also.into_iter().flat_map(|text| text.split(' ')).filter(|w| !w.is_empty()) {
            self.note(word, article | ONLY_ALSO);
        }
        self.articles += 1;
    }

    /// Notes that the article being added has `word`, and gives the word's id.
    fn note(&mut self, word: &str, posting: u32) -> u32 {
        let id = match self.ids.get(word) {
            Some(&id) => id,
            None => {
                self.postings.push(Vec::new());
                self.occurrences.push(Vec::new());
                let id = self.postings.len() as u32 - 1;
                self.ids.insert(word.into(), id);
                id
            }
        };
        let list = &mut self.postings[id as usize];
        // Articles arrive in order and their searched text first, so a repeat is always the last entry.
        if list.last().is_none_or(|&last| last & !ONLY_ALSO != posting & !ONLY_ALSO) {
            list.push(posting);
        }
        id
    }

    /// How many articles were added.
    pub fn articles(&self) -> usize {
        self.articles
    }

    pub fn finish(self) -> WordIndex {
        // Ids are given in order from 0, so each word has its place without a sort.
        let mut words: Vec<Box<str>> = vec![Box::default(); self.ids.len()];
        for (word, id) in self.ids {
            words[id as usize] = word;
        }
        let mut vocabulary = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        let mut starts = Vec::with_capacity(words.len());
        for word in words {
            starts.push(vocabulary.len() as u32);
            vocabulary.push_str(&word);
            vocabulary.push('\n');
        }
        WordIndex {
            vocabulary,
            starts,
            postings: self.postings,
            articles: self.articles,
            sequence: self.sequence,
            sequence_starts: self.sequence_starts,
            occurrences: self.occurrences,
        }
    }
}

impl WordIndex {
    /// Indexes one folded text per article, the one each is searched by.
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> WordIndex {
        let mut builder = WordIndexBuilder::default();
        for text in texts {
            builder.add(text, []);
        }
        builder.finish()
    }

    /// The articles that may have a quote holding every needle of `query` (all
    /// articles for an empty query): those having, in any of their texts, for
    /// every piece of every needle, a word that holds it.
    pub fn candidates(&self, query: &Query) -> ArticleSet {
        let mut all = ArticleSet::full(self.articles);
        for piece in query.needles.iter().flat_map(|n| n.split(' ')).filter(|p| !p.is_empty()) {
            let mut having = ArticleSet::empty(self.articles);
            self.each_word_holding(piece, |word, _| {
                for &posting in &self.postings[word] {
                    having.insert(posting & !ONLY_ALSO);
                }
            });
            all.keep_only(&having);
        }
        all
    }

    /// The articles whose searched text holds every needle of `query`:
    /// the same answer as [`Query::matches`] on each of those texts.
    pub fn matching(&self, query: &Query) -> ArticleSet {
        self.matching_by(query, |words_read, jumps| words_read <= jumps.saturating_mul(SCAN_WORDS_PER_JUMP))
    }

    /// [`matching`](WordIndex::matching), reading the texts that may match when
    /// `read(words to read, places to look around)` says so, and otherwise looking around each place.
    fn matching_by(&self, query: &Query, read: impl Fn(usize, usize) -> bool) -> ArticleSet {
        let mut all = ArticleSet::full(self.articles);
        for needle in &query.needles {
            let having = match self.word_tests(needle) {
                Some(tests) => self.holding(&tests, &read),
                None => ArticleSet::empty(self.articles),
            };
            all.keep_only(&having);
        }
        all
    }

    /// One test per piece of `needle`; `None` when no text can hold it.
    fn word_tests(&self, needle: &str) -> Option<Vec<WordTest>> {
        let pieces: Vec<&str> = needle.split(' ').collect();
        let last = pieces.len() - 1;
        let mut tests = Vec::with_capacity(pieces.len());
        for (i, piece) in pieces.iter().enumerate() {
            let inner = 0 < i && i < last;
            let mut words = Vec::new();
            if piece.is_empty() {
                tests.push(if inner { WordTest::Empty } else { WordTest::Any });
                continue;
            } else if i == 0 && i != last {
                let ending = format!("{piece}\n");
                for (at, _) in self.vocabulary.match_indices(ending.as_str()) {
                    words.push(self.word_at(at));
                }
            } else {
                // A word's first match is its earliest, so a word that begins with the piece is seen at 0.
                self.each_word_holding(piece, |word, offset| {
                    let fits = if inner { offset == 0 && self.word(word).len() == piece.len() } else { i == 0 || offset == 0 };
                    if fits {
                        words.push(word as u32);
                    }
                });
            }
            tests.push(match words[..] {
                // No text has such a word, so none holds the needle.
                [] => return None,
                [word] if inner => WordTest::Is(word),
                _ => WordTest::one_of(words, self.starts.len()),
            });
        }
        Some(tests)
    }

    /// The articles where consecutive words of the searched text pass `tests`, one test per word.
    fn holding(&self, tests: &[WordTest], read: impl Fn(usize, usize) -> bool) -> ArticleSet {
        // The articles whose searched text has a word for every piece, from the posting lists.
        let mut maybe = ArticleSet::full(self.articles);
        for test in tests.iter().filter(|t| !t.words().is_empty()) {
            let mut with = ArticleSet::empty(self.articles);
            for &word in test.words() {
                for &posting in self.postings.get(word as usize).into_iter().flatten() {
                    if posting & ONLY_ALSO == 0 {
                        with.insert(posting);
                    }
                }
            }
            maybe.keep_only(&with);
        }
        // A needle of one piece occurs wherever a word holds it.
        if let [_] = tests {
            return maybe;
        }
        let mut having = ArticleSet::empty(self.articles);
        // The rarest piece that is not empty; a needle of spaces alone has none, and every text is read.
        let pieces = tests.iter().enumerate().filter(|(_, t)| !t.words().is_empty());
        let anchor = pieces.map(|(offset, t)| (offset, t, self.cost(t))).min_by_key(|&(_, _, cost)| cost);
        let maybe: Vec<usize> = (0..self.articles).filter(|&a| maybe.contains(a)).collect();
        // Then either read their words, or look around each place the rarest piece occurs at.
        let reading: usize = maybe.iter().map(|&a| self.words_of(a).len()).sum();
        let look_around = anchor.filter(|&(_, _, cost)| !read(reading, cost));
        if let Some((offset, anchor, _)) = look_around {
            for &word in anchor.words() {
                let mut article = 0;
                for &position in self.occurrences_of(word) {
                    // Positions ascend, and so do the articles they are in.
                    if self.sequence_starts[article + 1] <= position {
                        article += self.sequence_starts[article..].partition_point(|&s| s <= position) - 1;
                    }
                    let Some(start) = (position as usize).checked_sub(offset) else { continue };
                    let article_start = self.sequence_starts[article] as usize;
                    if start >= article_start && fits(tests, &self.words_of(article)[start - article_start..]) {
                        having.insert(article as u32);
                    }
                }
            }
        } else {
            for article in maybe {
                let words = self.words_of(article);
                if (0..words.len()).any(|start| fits(tests, &words[start..])) {
                    having.insert(article as u32);
                }
            }
        }
        having
    }

    /// How many places of the searched texts a test's words occur at.
    fn cost(&self, test: &WordTest) -> usize {
        test.words().iter().map(|&w| self.occurrences_of(w).len()).sum()
    }

    fn occurrences_of(&self, word: u32) -> &[u32] {
        self.occurrences.get(word as usize).map_or(&[], Vec::as_slice)
    }

    /// The word ids of an article's searched text, in order.
    fn words_of(&self, article: usize) -> &[u32] {
        &self.sequence[self.sequence_starts[article] as usize..self.sequence_starts[article + 1] as usize]
    }

    /// Calls `found(word id, offset of the piece in the word)` once for each word holding `piece` (not empty),
    /// at the piece's first place in the word.
    fn each_word_holding(&self, piece: &str, mut found: impl FnMut(usize, usize)) {
        let mut last_word = usize::MAX;
        for (at, _) in self.vocabulary.match_indices(piece) {
            let word = self.word_at(at) as usize;
            if word != last_word {
                last_word = word;
                found(word, at - self.starts[word] as usize);
            }
        }
    }

    /// The id of the word at byte `at` of `vocabulary`.
    fn word_at(&self, at: usize) -> u32 {
        self.starts.partition_point(|&s| s as usize <= at) as u32 - 1
    }

    fn word(&self, id: usize) -> &str {
        let rest = &self.vocabulary[self.starts[id] as usize..];
        &rest[..rest.find('\n').unwrap_or(rest.len())]
    }
}

/// True when `words` begins with a run that passes `tests`, one test per word.
fn fits(tests: &[WordTest], words: &[u32]) -> bool {
    words.len() >= tests.len() && tests.iter().zip(words).all(|(t, &w)| t.accepts(w))
}

/// What a word of the text must be for one piece of a needle to match it.
enum WordTest {
    /// Any word, even an empty one: an empty piece at either end of a needle.
    Any,
    /// The empty word between two spaces: an empty piece inside a needle.
    Empty,
    Is(u32),
    /// One of the listed words, which are also set in `bits`.
    OneOf {
        words: Vec<u32>,
        bits: Vec<u64>,
    },
}

impl WordTest {
    fn one_of(words: Vec<u32>, vocabulary: usize) -> WordTest {
        let mut bits = vec![0u64; vocabulary.div_ceil(64)];
        for &w in &words {
            bits[w as usize / 64] |= 1 << (w % 64);
        }
        WordTest::OneOf { words, bits }
    }

    fn accepts(&self, word: u32) -> bool {
        match self {
            WordTest::Any => true,
            WordTest::Empty => word == EMPTY_WORD,
            WordTest::Is(id) => *id == word,
            WordTest::OneOf { bits, .. } => bits.get(word as usize / 64).is_some_and(|b| b & (1 << (word % 64)) != 0),
        }
    }

    fn words(&self) -> &[u32] {
        match self {
            WordTest::Any | WordTest::Empty => &[],
            WordTest::Is(word) => std::slice::from_ref(word),
            WordTest::OneOf { words, .. } => words,
        }
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
        let index = WordIndex::build(texts.iter().copied());
        let ids = |q: &str| (0..texts.len()).filter(|&i| index.candidates(&Query::parse(q)).contains(i)).collect::<Vec<_>>();
        assert_eq!(ids("peace"), [0, 1, 2]);
        assert_eq!(ids("keep"), [1]);
        // Pieces of a phrase are looked up one by one; reading the text settles the rest.
        assert_eq!(ids("\"peace talks\""), [0, 2]);
        assert_eq!(ids("talks nothing"), Vec::<usize>::new());
        assert_eq!(ids(""), [0, 1, 2, 3]);
    }

    /// Texts of few letters, so that needles cut from one text occur in others,
    /// whole or in part, at word edges and inside words.
    fn scrambled_texts(seed: &mut u64, count: usize) -> Vec<String> {
        let alphabet: Vec<char> = "ab  .\"".chars().collect();
        (0..count)
            .map(|i| {
                (0..i % 23)
                    .map(|_| {
                        *seed ^= *seed << 13;
                        *seed ^= *seed >> 7;
                        *seed ^= *seed << 17;
                        alphabet[(*seed % alphabet.len() as u64) as usize]
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn matching_articles_are_those_whose_text_matches() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for round in 0..40 {
            let texts = scrambled_texts(&mut seed, 60);
            let names = scrambled_texts(&mut seed, 60);
            let mut builder = WordIndexBuilder::default();
            for (text, name) in texts.iter().zip(&names) {
                builder.add(text, [name.as_str()]);
            }
            let index = builder.finish();
            for (i, source) in texts.iter().enumerate().filter(|(i, _)| i % 3 == round % 3) {
                for (from, to) in [(0, source.len()), (1, source.len()), (0, source.len() / 2), (source.len() / 3, source.len() * 2 / 3)] {
                    let needle = source[from.min(to)..to].to_string();
                    let query = Query { needles: vec![needle.clone()] };
                    if query.needles.iter().any(|n| n.is_empty()) {
                        continue;
                    }
                    let matching = index.matching(&query);
                    let by_reading = index.matching_by(&query, |_, _| true);
                    let by_looking_around = index.matching_by(&query, |_, _| false);
                    let candidates = index.candidates(&query);
                    for (a, text) in texts.iter().enumerate() {
                        let expected = query.matches(text);
                        assert_eq!(matching.contains(a), expected, "{needle:?} in {text:?} (text {i})");
                        assert_eq!(by_reading.contains(a), expected, "{needle:?} in {text:?} (text {i}), read");
                        assert_eq!(by_looking_around.contains(a), expected, "{needle:?} in {text:?} (text {i}), looked around");
                        let quote = format!("{text} {}", names[a]);
                        if query.matches(&quote) {
                            assert!(candidates.contains(a), "{needle:?} in {quote:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn phrases_match_across_word_edges_and_not_across_gaps() {
        let texts = ["the peace talks begin", "ceasefire talks, then peace", " peace  talks", "peacetalks"];
        let index = WordIndex::build(texts);
        let ids = |q: &str| (0..texts.len()).filter(|&i| index.matching(&Query::parse(q)).contains(i)).collect::<Vec<_>>();
        assert_eq!(ids("\"peace talks\""), [0]);
        assert_eq!(ids("\"fire talks\""), [1]);
        assert_eq!(ids("\"e talks, th\""), [1]);
        assert_eq!(ids("\"talks begin now\""), Vec::<usize>::new());
        assert_eq!(ids("talks peace"), [0, 1, 2, 3]);
        assert_eq!(ids("eta"), [3]);
    }

    #[test]
    fn unclosed_phrase_is_words() {
        assert_eq!(Query::parse("\"open phrase").needles, ["open", "phrase"]);
    }
}
