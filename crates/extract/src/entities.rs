//! People, places and organisations: names found, classified and clustered.
//!
//! A name is a run of capitalised words (with connectors such as "of", "de",
//! "bin"). Leading titles and demonyms are peeled off and kept as the person's
//! role ("Belarusian President Alexander Lukashenko" → Alexander Lukashenko,
//! president, Belarus). A run is a place when the gazetteer knows it, an
//! organisation when it ends in an organisation word or is an acronym, and a
//! person when a title, a given name, a speech verb or an earlier full name
//! says so. Within the article, "Lukashenko" joins the cluster of
//! "Alexander Lukashenko"; "Kiev" joins "Kyiv".

use std::borrow::Cow;

use crate::layout::Layout;
use crate::lexicon::{self, Gender, PlaceKind, WordInfo, WordList};
use crate::tokens::{self, Token, TokenKind};
use crate::{slug, Entity, EntityKind, Span};

/// What is known about a person's office: "president" of "Belarus".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub noun: String,
    /// A country or organisation, folded ("belarus", "kremlin").
    pub affiliation: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Cluster {
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<Span>,
    pub aliases: Aliases,
    pub gender: Gender,
    /// The gender comes from a title ("Mr", "Congresswoman"), not from a given name's usual one.
    pub titled: bool,
    pub roles: Vec<Role>,
    /// The age the article gives ("Marta Quist, 52,", "the 52-year-old").
    pub age: Option<u32>,
    /// The country a demonym says a person is from ("a Polish qualifier"), folded.
    pub nation: Option<String>,
    /// What kind of body an organisation is, from its name or its description.
    pub body: Option<lexicon::BodyKind>,
    /// For a person: something says it is one — a given name, a title, a role, an age, the
    /// pronouns the article uses for it. Capitalised words without any ("Lower Mainland",
    /// "Economic Development") are no person.
    pub evidence: bool,
    /// Named as the speaker of a quote ("“…,” Maddow said"): kept as a person without other evidence.
    pub speaks: bool,
}

/// A cluster's other names, in order and each once: a sorted list, as most clusters have none
/// or one (a `BTreeSet` would allocate a node for the first, and be copied into a list at the end).
#[derive(Clone, Debug, Default)]
pub struct Aliases(Vec<String>);

impl Aliases {
    pub fn contains(&self, alias: &str) -> bool {
        self.0.binary_search_by(|a| a.as_str().cmp(alias)).is_ok()
    }

    pub fn insert(&mut self, alias: String) {
        if let Err(at) = self.0.binary_search(&alias) {
            self.0.insert(at, alias);
        }
    }

    pub fn remove(&mut self, alias: &str) {
        if let Ok(at) = self.0.binary_search_by(|a| a.as_str().cmp(alias)) {
            self.0.remove(at);
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }
}

/// The entities of one article, and what attribution needs to resolve speakers.
#[derive(Clone, Debug, Default)]
pub struct Found {
    pub clusters: Vec<Cluster>,
    /// Every name mention in text order: (span, cluster index).
    pub mentions: Vec<(Span, usize)>,
    /// The article's text with its ASCII letters made small, as recognition made it: the later
    /// stages read a word written in ASCII folded from it (see [`Found::folded`]) rather than
    /// fold it again.
    lowered: String,
    /// The keys made so far, by cluster (see [`Found::key`]): a speaker's key is made once for
    /// all its quotes, and its entity takes it rather than make it again.
    keys: Vec<Option<String>>,
}

/// A candidate name before clustering.
#[derive(Clone, Debug)]
struct Run<'t> {
    span: Span,
    /// The words as written, joined by single spaces ("Alexander Lukashenko"):
    /// borrowed from the text when it is written so, as most names are.
    name: Cow<'t, str>,
    /// How many words `name` has.
    words: usize,
    kind: EntityKind,
    /// Boxed: few runs have one, and runs are many and moved often.
    role: Option<Box<Role>>,
    /// Canonical form from the gazetteer, for places; empty for a lone
    /// capitalised word that only clustering can decide on.
    canonical: Option<&'static str>,
    /// Followed by a lowercase noun, as a name used as an adjective.
    modifies_noun: bool,
    /// The gender a title before the name gives ("Mr", "spokeswoman").
    gender: Gender,
    /// For a person: a given name or a title says it is one. A run of capitalised words without
    /// either is a person only if the article says so otherwise (see [`Cluster::evidence`]).
    evidence: bool,
    /// `name` is the text at `span`, written in ASCII: its fold is the lowered text there. Noted
    /// when the name is made, where classification often knows it already.
    in_lowered: bool,
    /// What the given names say of the first word of `name`, for a person's name of several words,
    /// as classification looked it up: clustering asks it again (a family name written first, the
    /// person's gender), and a look-up costs some two hundred instructions.
    first_given: FirstGiven,
}

/// Whether the first word of a run's name of several words is a given name, and its gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FirstGiven {
    /// Not noted: clustering looks it up if it asks.
    Unknown,
    /// Not a given name.
    No,
    /// A given name, of this usual gender.
    Yes(Gender),
}

impl FirstGiven {
    /// The usual gender of `first` (folded), the first word of a run's name, if it is a given
    /// name: as noted, or looked up when it is not.
    fn gender_or_look_up(self, first: &str) -> Option<Gender> {
        match self {
            FirstGiven::Unknown => lexicon::given_names().get(first).copied(),
            FirstGiven::No => None,
            FirstGiven::Yes(gender) => Some(gender),
        }
    }
}

/// Is `name`, of a run at `span`, the text there (borrowed from it, not a copy), written in ASCII?
fn is_in_lowered(text: &str, span: Span, name: &str) -> bool {
    let written = span.text(text);
    std::ptr::eq(name, written) && written.is_ascii()
}

impl<'t> Run<'t> {
    /// A place the gazetteer knows, as `words` name it at `span`.
    fn place<'w>(text: &'t str, span: Span, words: impl Iterator<Item = &'w str> + Clone, place: &lexicon::Place) -> Run<'t> {
        let name = joined_name(text, span, words.clone());
        Run {
            span,
            words: words.count(),
            in_lowered: is_in_lowered(text, span, &name),
            first_given: FirstGiven::Unknown,
            name,
            kind: EntityKind::Place,
            role: None,
            canonical: Some(place.canonical),
            modifies_noun: false,
            gender: Gender::Unknown,
            evidence: false,
        }
    }

    /// A team named in a line of results.
    fn team(text: &'t str, toks: &[Token]) -> Run<'t> {
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).filter(|w| *w != ".").collect();
        let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
        let name = joined_name(text, span, words.iter().copied());
        Run {
            span,
            in_lowered: is_in_lowered(text, span, &name),
            first_given: FirstGiven::Unknown,
            name,
            words: words.len(),
            kind: EntityKind::Organization,
            role: None,
            canonical: None,
            modifies_noun: false,
            gender: Gender::Unknown,
            evidence: false,
        }
    }
}

/// `words` joined by single spaces (a plural's apostrophe joins the word before it, as in
/// "Employers' Association"): the text at `span` itself when it is written so.
fn joined_name<'t, 'w>(text: &'t str, span: Span, words: impl Iterator<Item = &'w str> + Clone) -> Cow<'t, str> {
    let written = span.text(text);
    let mut rest = written;
    let mut as_written = true;
    let spaced = |i: usize, w: &str| i > 0 && !matches!(w, "'" | "’");
    for (i, w) in words.clone().enumerate() {
        let Some(after) = (if spaced(i, w) { rest.strip_prefix(' ') } else { Some(rest) }).and_then(|r| r.strip_prefix(w)) else {
            as_written = false;
            break;
        };
        rest = after;
    }
    if as_written && rest.is_empty() {
        return Cow::Borrowed(written);
    }
    let mut name = String::with_capacity(written.len());
    for (i, w) in words.enumerate() {
        if spaced(i, w) {
            name.push(' ');
        }
        name.push_str(w);
    }
    Cow::Owned(name)
}

/// A line of sports results, whose names are teams: a score ("Harbour Rovers 2 Quayside
/// United 1", with anything after it in brackets), a fixture ("Harbour Rovers v Quayside",
/// "ROVERS AT QUAYSIDE") or a row of a league table ("Quayside 4 2 1 1 7 5 7", "QUAYSIDE
/// 73 63 .537 4 1/2"). Returns the token ranges of the names.
fn results_line(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
    let word = |t: &Token| t.text(text);
    // Lengths are read from the spans: most tokens are ruled out before their text is sliced.
    let is_number = |t: &Token| t.is_word() && t.span.len() <= 3 && word(t).bytes().all(|b| b.is_ascii_digit());
    let is_name_part = |t: &Token| t.is_capitalized_word() || word(t) == "." || t.is_word() && is_connector_as_written(word(t));
    let is_name = |(from, to): (usize, usize)| from < to && toks[from].is_capitalized_word() && toks[from..to].iter().all(is_name_part);
    // A final stop, and the brackets after a score ("(halftime 1-0)"), say nothing of who played.
    let mut end = toks.len();
    if end > 0 && word(&toks[end - 1]) == "." {
        end -= 1;
    }
    if end > 0 && word(&toks[end - 1]) == ")" {
        if let Some(open) = toks[..end].iter().rposition(|t| t.span.len() == 1 && word(t) == "(") {
            end = open;
        }
    }
    let toks = &toks[..end];
    // Every kind ends in a figure or a name: most lines are ruled out by their last word.
    let Some(last) = toks.last() else { return Vec::new() };
    if !is_number(last) && !last.is_capitalized_word() {
        return Vec::new();
    }
    // Either kind opens with a name, ended by "v" or a figure: a line whose opening words are no
    // name's before it ("The Rovers beat…") is ruled out at the first word that is none.
    if !is_number(last) {
        // A fixture: "v" or "vs" between two names, or "at" between two names in capitals.
        let is_v = |t: &Token| t.is_word() && t.span.len() <= 2 && matches!(word(t), "v" | "vs" | "AT");
        let Some(v) = toks.iter().position(|t| is_v(t) || !is_name_part(t)).filter(|&v| is_v(&toks[v])) else { return Vec::new() };
        let second = if toks.get(v + 1).is_some_and(|t| word(t) == ".") { v + 2 } else { v + 1 };
        let names = [(0, v), (second, toks.len())];
        let in_capitals = |(from, to): (usize, usize)| toks[from..to].iter().all(|t| !t.is_word() || tokens::is_all_caps(word(t)));
        // "Anna Berg v Eva Dahl" is a match between players.
        let a_person =
            |(from, to): (usize, usize)| to - from >= 2 && lexicon::with_folded(word(&toks[from]), |w| lexicon::given_names().contains_key(w));
        let fits = (word(&toks[v]) != "AT" || names.into_iter().all(in_capitals)) && !names.into_iter().any(a_person);
        return if fits && names.into_iter().all(is_name) { names.to_vec() } else { Vec::new() };
    }
    let Some(first_number) = toks.iter().position(|t| is_number(t) || !is_name_part(t)).filter(|&n| is_number(&toks[n])) else { return Vec::new() };
    let rest = &toks[first_number..];
    // A table row: a name, then its figures (negative ones, fractions and a ratio such as ".537"
    // too), and nothing else. A person's row ("Anna Berg 67 70 70 67 274") has fewer figures,
    // or a given name.
    let figures = rest.iter().filter(|t| is_number(t)).count();
    let ratio = rest.windows(2).any(|w| word(&w[0]) == "." && is_number(&w[1]));
    let only_figures = rest.iter().all(|t| is_number(t) || matches!(word(t), "-" | "." | "/"));
    let a_person = first_number >= 2 && lexicon::with_folded(word(&toks[0]), |w| lexicon::given_names().contains_key(w));
    if only_figures && (figures >= 6 || figures >= 3 && ratio) && is_name((0, first_number)) && !a_person {
        return vec![(0, first_number)];
    }
    // A score: a name and its score, twice.
    if let [_, .., second_number] = rest {
        let second_name = (first_number + 1, first_number + rest.len() - 1);
        if is_number(second_number) && is_name((0, first_number)) && is_name(second_name) {
            return vec![(0, first_number), second_name];
        }
    }
    Vec::new()
}

/// Buffers [`classify`] reuses from one name to the next.
struct Scratch<'l> {
    /// The words of a shouted run title-cased (see [`Surface`]).
    shouted: Vec<String>,
    folded: FoldedWords<'l>,
    /// The indices of the words of the name proper, without initials' dots.
    kept: Vec<usize>,
    /// The name as shown.
    name: String,
}

impl<'l> Scratch<'l> {
    /// Buffers for the names of a text whose ASCII letters `lowered` has made small.
    fn new(lowered: &'l str) -> Self {
        Scratch {
            shouted: Vec::new(),
            folded: FoldedWords { lowered, borrowed: None, joined: String::new(), words: Vec::new() },
            kept: Vec::new(),
            name: String::new(),
        }
    }
}

/// The words of a run as written: its tokens' text, read where it is asked (most words are read
/// once or twice, many never), or title-cased in a shouted line ("JOHN" → "John"), so that
/// shouted headlines can be looked up.
#[derive(Clone, Copy)]
struct Surface<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The words title-cased, in a shouted line.
    shouted: Option<&'a [String]>,
}

impl<'a> Surface<'a> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    #[inline]
    fn get(&self, k: usize) -> &'a str {
        match self.shouted {
            Some(words) => &words[k],
            None => self.toks[k].text(self.text),
        }
    }

    /// Words `from..to`.
    fn slice(&self, from: usize, to: usize) -> Surface<'a> {
        Surface { text: self.text, toks: &self.toks[from..to], shouted: self.shouted.map(|words| &words[from..to]) }
    }

    fn iter(self) -> impl Iterator<Item = &'a str> + Clone {
        (0..self.len()).map(move |k| self.get(k))
    }
}

/// The words of a name folded and joined by single spaces, so that any run of
/// them is one slice to look up ("new york") without a copy per word.
struct FoldedWords<'l> {
    /// The text the names are found in, its ASCII letters made small: the fold of the words of
    /// a run written in ASCII with a space between each two, which most are.
    lowered: &'l str,
    /// The words folded and joined, when they are a slice of `lowered`; `None` when they are
    /// `joined`.
    borrowed: Option<&'l str>,
    joined: String,
    /// Each word's place in `joined` and what is known of it, kept together: one push a word.
    words: Vec<FoldedWord>,
}

struct FoldedWord {
    /// Where the word starts and ends in `joined`: a word or a range of them is one slice, with
    /// no sum or branch to find its end.
    start: usize,
    end: usize,
    /// What the hand-written word lists say of the word, looked up once.
    info: WordInfo,
    /// Whether the word is a given name, and its usual gender, looked up the first time it is
    /// asked (a run's first word is asked several times): `None` until then.
    given: std::cell::Cell<Option<Option<Gender>>>,
}

impl FoldedWords<'_> {
    /// Folds the words of `toks`, written as `surface`: a slice of the lowered text when they are
    /// ASCII written with a space between each two and not title-cased, otherwise a fold of
    /// each word. A word as written is one the tokenizer looked up already; a shouted word
    /// title-cased, or a mark, is looked up again.
    fn fill(&mut self, toks: &[Token], surface: Surface, shouting: bool) {
        self.words.clear();
        let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
        let lowered = self.lowered.as_bytes();
        let spaced = || toks.windows(2).all(|pair| pair[1].span.start == pair[0].span.end + 1 && lowered[pair[0].span.end] == b' ');
        // Written in ASCII, as its tokens say: a word by its shape, a mark of one byte always.
        let ascii = |t: &Token| t.is_ascii_word() || t.span.len() == 1 || lowered[t.span.start..t.span.end].is_ascii();
        if !shouting && spaced() && toks.iter().all(ascii) {
            let joined = &self.lowered[span.start..span.end];
            self.borrowed = Some(joined);
            for t in toks {
                let (start, end) = (t.span.start - span.start, t.span.end - span.start);
                let info = if t.is_word() { t.info() } else { lexicon::listed(&joined[start..end]) };
                self.words.push(FoldedWord { start, end, info, given: std::cell::Cell::new(None) });
            }
            return;
        }
        self.borrowed = None;
        self.joined.clear();
        let words = surface.iter().zip(toks).map(|(w, t)| (w, (!shouting && t.is_word()).then(|| t.info())));
        for (w, info) in words {
            if !self.words.is_empty() {
                self.joined.push(' ');
            }
            let start = self.joined.len();
            lexicon::fold_into(&mut self.joined, w);
            let info = info.unwrap_or_else(|| lexicon::listed(&self.joined[start..]));
            self.words.push(FoldedWord { start, end: self.joined.len(), info, given: std::cell::Cell::new(None) });
        }
    }

    /// [`FoldedWords::fill`] of the one word `t` of `text`, not shouted: a word the token says is
    /// written in ASCII is its slice of the lowered text, with no byte read to tell.
    fn fill_word(&mut self, text: &str, t: &Token) {
        self.words.clear();
        let end = if t.is_ascii_word() {
            self.borrowed = Some(&self.lowered[t.span.start..t.span.end]);
            t.span.len()
        } else {
            self.borrowed = None;
            self.joined.clear();
            lexicon::fold_into(&mut self.joined, t.text(text));
            self.joined.len()
        };
        self.words.push(FoldedWord { start: 0, end, info: t.info(), given: std::cell::Cell::new(None) });
    }

    #[inline]
    fn info(&self, i: usize) -> WordInfo {
        self.words[i].info
    }

    /// Is word `i` the ASCII mark `mark` (".")?
    #[inline]
    fn is_mark(&self, i: usize, mark: u8) -> bool {
        let FoldedWord { start, end, .. } = self.words[i];
        end == start + 1 && self.joined().as_bytes()[start] == mark
    }

    /// The place the gazetteer knows by word `i` alone.
    fn place(&self, i: usize) -> Option<&'static lexicon::Place> {
        place_named(self.word(i))
    }

    fn is_given_name(&self, i: usize) -> bool {
        self.given_name(i).is_some()
    }

    /// The usual gender of word `i`, if it is a given name.
    fn given_name(&self, i: usize) -> Option<Gender> {
        let known = &self.words[i].given;
        known.get().unwrap_or_else(|| {
            let given = lexicon::given_names().get(self.word(i)).copied();
            known.set(Some(given));
            given
        })
    }

    /// Token `t` of `text` folded: the lowered text where it is written in ASCII.
    fn token<'s>(&'s self, text: &'s str, t: &Token) -> lexicon::Folded<'s> {
        let lowered = &self.lowered[t.span.start..t.span.end];
        // A word's token says whether it is written in ASCII; a mark's bytes are read.
        if t.is_ascii_word() || lowered.is_ascii() {
            lexicon::Folded::Borrowed(lowered)
        } else {
            lexicon::folded(t.text(text))
        }
    }

    /// The words folded and joined.
    #[inline]
    fn joined(&self) -> &str {
        match self.borrowed {
            Some(joined) => joined,
            None => &self.joined,
        }
    }

    /// Words `from..to`, folded and joined. Folding never makes a space, so the
    /// slice is the fold of the words joined.
    #[inline]
    fn range(&self, from: usize, to: usize) -> &str {
        &self.joined()[self.words[from].start..self.words[to - 1].end]
    }

    #[inline]
    fn word(&self, i: usize) -> &str {
        let FoldedWord { start, end, .. } = self.words[i];
        &self.joined()[start..end]
    }
}

fn is_connector(folded: &str) -> bool {
    is_connector_bytes(folded.as_bytes())
}

/// [`is_connector`] of a word's bytes: one `match`, a switch on the length, then a comparison or two.
fn is_connector_bytes(folded: &[u8]) -> bool {
    matches!(
        folded,
        b"of"
            | b"de"
            | b"da"
            | b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"du"
            | b"la"
            | b"le"
            | b"al"
            | b"bin"
            | b"ibn"
            | b"el"
            | b"di"
            | b"dos"
            | b"das"
            | b"&"
    )
}

/// [`is_connector`] of the word folded, without folding most words: an ASCII word folds
/// to as many bytes, lowered, and no character folds to a letter from more than three.
fn is_connector_as_written(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() <= 3 && bytes.is_ascii() {
        // Lowered a byte at a time: a copy of a length known only now would be a call.
        let mut lower = [0u8; 3];
        for (l, b) in lower.iter_mut().zip(bytes) {
            *l = b.to_ascii_lowercase();
        }
        return is_connector_bytes(&lower[..bytes.len()]);
    }
    !bytes.is_ascii() && bytes.len() <= 9 && lexicon::with_folded(word, is_connector)
}

/// Is token `t` of `text` a word that [`is_connector_as_written`]? Most words are ruled out by
/// their length, which the token knows: a connector written in ASCII has at most three letters,
/// and one written otherwise at most nine bytes.
#[inline]
fn is_connector_token(text: &str, t: &Token) -> bool {
    let len = t.span.len();
    t.is_word() && (len <= 3 || !t.is_ascii_word() && len <= 9) && is_connector_as_written(t.text(text))
}

fn is_shouting(text: &str, tokens: &[Token]) -> bool {
    let (mut words, mut shouted) = (0, 0);
    // Most lines are settled early: a line is shouted only if at most 40 % of its words are not.
    let word_tokens = tokens.iter().filter(|t| t.is_word()).count();
    for w in tokens.iter().filter(|t| t.is_word()).map(|t| t.text(text)) {
        // Most words start with a lowercase letter, or a capital and then one: a word, and not shouted.
        let not_shouted = match w.as_bytes() {
            [first, ..] if first.is_ascii_lowercase() => true,
            [first, second, ..] => first.is_ascii_uppercase() && second.is_ascii_lowercase(),
            _ => false,
        };
        if not_shouted || w.chars().any(char::is_alphabetic) {
            words += 1;
            shouted += usize::from(!not_shouted && tokens::is_all_caps(w));
            if (words - shouted) * 10 > word_tokens * 4 {
                return false;
            }
        }
    }
    words >= 3 && shouted * 10 >= words * 6
}

/// "JOHN" → "John", so shouted headlines can be looked up.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn place_named(folded: &str) -> Option<&'static lexicon::Place> {
    lexicon::places().get(folded)
}

/// Does a place of two or three words start at word `at` ("New York Times", "South Carolina
/// Republican")? Then its first word is no common word to peel off.
fn starts_place(folded: &FoldedWords, at: usize) -> bool {
    (2..=3).any(|len| at + len <= folded.words.len() && place_named(folded.range(at, at + len)).is_some())
}

/// Names in the title, the kicker and the paragraphs (whose tokens are given).
pub fn recognise(text: &str, layout: &Layout, paragraph_tokens: &[&[Token]]) -> Found {
    let heads: Vec<Vec<Token>> = layout.title.iter().chain(layout.kicker.iter()).map(|&z| tokens::tokenize(text, z)).collect();
    let tokenized: Vec<&[Token]> = heads.iter().map(Vec::as_slice).chain(paragraph_tokens.iter().copied()).collect();

    // Words seen capitalised in mid-sentence: evidence that a sentence-initial word is a name.
    // The same pass keeps where each line's capitalised words are, which is where runs start.
    let token_count: usize = tokenized.iter().map(|toks| toks.len()).sum();
    let mut mid_sentence_caps = lexicon::WrittenWords::with_capacity(token_count / 16);
    // The capitalised words of every line, one line after another.
    let mut capitalized = Vec::with_capacity(token_count / 4);
    let scans: Vec<LineScan> = tokenized
        .iter()
        .map(|&toks| {
            let mut scan = LineScan { capitalized: capitalized.len()..capitalized.len(), ..LineScan::default() };
            for (i, t) in toks.iter().enumerate() {
                if !t.is_word() {
                    continue;
                }
                scan.words += 1;
                if t.starts_lowercase() {
                    scan.lowercase += 1;
                } else if t.is_capitalized_word() {
                    capitalized.push(i);
                    // The tokenizer noted where sentences may open. "“…,” Cruz said": a word between
                    // a quote's close and a speech verb is a name, though a sentence may open there.
                    if !tokens::opens_sentence(toks, i) || names_a_speaker_after_quote(text, toks, i) {
                        mid_sentence_caps.insert(t.text(text));
                    }
                }
            }
            scan.capitalized.end = capitalized.len();
            scan
        })
        .collect();

    // A headline in title case capitalises every word, so its runs of capitals are no names
    // ("Harbour Master Quist Reopens Old Pier"): it is read last, for the names the body has.
    let is_headline_case = |toks: &[Token]| {
        let line = toks.first().zip(toks.last()).map_or("", |(a, b)| &text[a.span.start..b.span.end]);
        crate::layout::is_title_case(line) && !is_shouting(text, toks)
    };
    let headline_case: Vec<bool> = heads.iter().map(|toks| is_headline_case(toks)).collect();

    // Most capitalised words start a run, and a run gives a name or none (a few give two).
    let mut runs = Vec::with_capacity(capitalized.len());
    // The text with its ASCII letters made small: the fold of most names' words, sliced, not copied.
    let lowered = text.to_ascii_lowercase();
    let mut scratch = Scratch::new(&lowered);
    for (index, (&toks, scan)) in tokenized.iter().zip(&scans).enumerate() {
        if headline_case.get(index).copied().unwrap_or(false) {
            continue;
        }
        // A title or a kicker is no line of results ("Trump vs Clinton").
        let teams = if index < heads.len() { Vec::new() } else { results_line(text, toks) };
        if !teams.is_empty() {
            runs.extend(teams.into_iter().map(|(from, to)| Run::team(text, &toks[from..to])));
            continue;
        }
        let shouting = scan.may_be_shouting() && is_shouting(text, toks);
        let mut i = 0;
        for &start in &capitalized[scan.capitalized.clone()] {
            if start < i {
                continue;
            }
            let end = run_end(text, toks, start);
            // Most one-word runs are a capitalised common word opening a sentence ("The",
            // "But"): classify would drop them, so they are dropped here without copies.
            let common = end == start + 1 && {
                let info = toks[start].listed(text);
                info.is(WordList::CommonWord) && !info.is_listed_place()
            };
            if !common {
                classify(text, toks, (start, end), shouting, &mid_sentence_caps, &mut scratch, &mut runs);
            }
            i = end;
        }
    }
    if headline_case.contains(&true) {
        let known = known_names(&runs);
        let mut head_runs = Vec::new();
        for (toks, _) in heads.iter().zip(&headline_case).filter(|(_, &case)| case) {
            head_runs.extend(known_names_in(text, &lowered, toks, &known));
        }
        // Heads come first in the article, and their runs first in the list.
        runs.splice(0..0, head_runs);
    }
    let mut found = cluster(&lowered, runs);
    found.lowered = lowered;
    found
}

/// Where the run of name words that starts at the capitalised `toks[start]` ends: capitalised
/// words, connectors between them ("Bank of England") and middle initials ("George W. Bush").
fn run_end(text: &str, toks: &[Token], start: usize) -> usize {
    let mut end = start + 1;
    while end < toks.len() {
        let t = &toks[end];
        if t.is_capitalized_word() && t.span.start > toks[end - 1].span.end {
            let w = t.text(text);
            if !is_weekday(w) && !opens_a_sentence(w) {
                end += 1;
                continue;
            }
        }
        // Most runs end at a word that is no connector: it is asked once. Nor is it one of the
        // marks that join a name ("&", ".", "'", "’"), which are shorter: its text is not read.
        let connector = is_connector_token(text, t);
        if !connector && t.span.len() > "’".len() {
            break;
        }
        let w = t.text(text);
        if (connector || w == "&") && toks.get(end + 1).is_some_and(|n| n.is_capitalized_word()) {
            end += 2;
        } else if connector
            && toks.get(end + 1).is_some_and(|n| is_connector_token(text, n))
            && toks.get(end + 2).is_some_and(|n| n.is_capitalized_word())
        {
            // "Ana de la Cruz", "Joost van der Linde".
            end += 3;
        } else if w == "."
            && (is_one_character(toks[end - 1].text(text)) || is_abbreviated_title(toks[end - 1].text(text)))
            && toks.get(end + 1).is_some_and(|n| n.is_capitalized_word())
        {
            // A middle initial ("George W. Bush") or an abbreviated title ("Ms. Okafor").
            end += 1;
        } else if matches!(w, "'" | "’")
            && t.span.start == toks[end - 1].span.end
            && toks[end - 1].text(text).ends_with('s')
            && toks.get(end + 1).is_some_and(|n| n.is_capitalized_word() && n.listed(text).is(WordList::OrgWord))
        {
            // A plural's apostrophe inside a body's name: "the Calder Bay Employers' Association".
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// "Oscar-winning", "Kremlin-backed", "Venezuelan-born": a capitalised compound that goes on
/// in lowercase, which describes a name and is none.
fn is_descriptor(word: &str) -> bool {
    // The first hyphen, found a byte at a time: names are short, and most have none.
    let Some(hyphen) = word.bytes().position(|b| b == b'-') else { return false };
    let rest = &word[hyphen + 1..];
    rest.len() >= 3 && rest.starts_with(|c: char| c.is_lowercase())
}

/// "Mr", "Sen", "Gov": a title written short, with a full stop after it, before a name.
fn is_abbreviated_title(word: &str) -> bool {
    word.len() <= 4
        && matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Col"
                | "Lt"
                | "Capt"
                | "Sgt"
                | "Adm"
                | "Maj"
                | "Prof"
                | "Rev"
                | "Hon"
                | "Cmdr"
                | "Supt"
                | "Insp"
                | "Det"
                | "Cpl"
                | "Pvt"
                | "Mme"
                | "Messrs"
        )
}

/// A word that names a job or a role, by its ending ("councillor", "mountaineer") or as a word
/// for one ("chef", "guard", "candidates").
fn is_job_word(w: &str) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    w.len() >= 5 && ["er", "or", "ant", "ent", "ist", "ian", "man", "woman", "eer", "ive", "ary", "ess"].iter().any(|end| w.ends_with(end))
        || [w, singular].into_iter().any(crate::resolve::is_description_head)
}

/// "W", "É": a word of one character, asked without counting them all.
fn is_one_character(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// "GOP", "NASA": a word of three to five capitals.
fn is_acronym(word: &str) -> bool {
    (3..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// "Yet", "But", "She": a word that capitalised inside a run of names opens a new sentence that
/// a scraper ran on ("… said John Robinson Yet Mamdani"), and is no part of a name.
fn opens_a_sentence(word: &str) -> bool {
    word.len() <= 9
        && matches!(
            word,
            "But"
                | "Yet"
                | "And"
                | "Or"
                | "So"
                | "He"
                | "She"
                | "It"
                | "They"
                | "We"
                | "His"
                | "Her"
                | "Their"
                | "Its"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "When"
                | "While"
                | "If"
                | "However"
                | "Meanwhile"
                | "Also"
                | "Still"
                | "Then"
                | "More"
                | "Read"
                | "Related"
                | "Opinion"
                | "Advertisement"
                | "Trending"
                | "Share"
                | "Watch"
                | "Listen"
        )
}

/// A weekday is no part of a name: "MSNBC Monday" is a broadcaster and a day.
fn is_weekday(word: &str) -> bool {
    (6..=9).contains(&word.len())
        && word.as_bytes()[word.len() - 3..].eq_ignore_ascii_case(b"day")
        && lexicon::with_folded(word, |w| lexicon::weekday_number(w).is_some())
}

/// What one pass over a line's tokens learns for [`recognise`].
#[derive(Default)]
struct LineScan {
    /// Where, in the list of every line's capitalised words, this line's are (by their index
    /// among its tokens): where runs of names start.
    capitalized: std::ops::Range<usize>,
    words: usize,
    /// Words that start with a lowercase ASCII letter: words, and not shouted.
    lowercase: usize,
}

impl LineScan {
    /// False when too few words can be in capitals for [`is_shouting`] to hold: it needs
    /// 60 % of the words shouted, and a lowercase word is never shouted, so at least one and
    /// a half times as many words that are not lowercase as lowercase ones.
    fn may_be_shouting(&self) -> bool {
        2 * (self.words - self.lowercase) >= 3 * self.lowercase
    }
}

/// The names the body's runs give, as written, with their kind; a person's surname names
/// them too. (A headline writes a name as the body does: no folding, no copies.)
fn known_names<'a>(runs: &'a [Run]) -> lexicon::NameMap<'a, Option<EntityKind>> {
    let mut known: lexicon::NameMap<Option<EntityKind>> = lexicon::NameMap::with_capacity(runs.len());
    for run in runs.iter().filter(|r| r.canonical != Some("")) {
        if run.kind == EntityKind::Person && run.words >= 2 {
            known.entry_or_default(last_word(&run.name)).get_or_insert(run.kind);
        }
        known.entry_or_default(&run.name).get_or_insert(run.kind);
    }
    known
}

/// The runs of a headline in title case: the longest stretches of capitalised words that the
/// body names (`known`) or the gazetteer knows as places.
fn known_names_in<'t>(text: &'t str, lowered: &str, toks: &[Token], known: &lexicon::NameMap<Option<EntityKind>>) -> Vec<Run<'t>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Only stretches of capitalised words are asked, up to four words long.
        let capitalized = toks[i..].iter().take(4).take_while(|t| t.is_capitalized_word()).count();
        let longest = (1..=capitalized).rev().find_map(|len| {
            let words = &toks[i..i + len];
            let span = Span::new(words[0].span.start, words[len - 1].span.end);
            let name = joined_name(text, span, words.iter().map(|t| t.text(text)));
            // A name written so is the text at its span: in ASCII, folded in the lowered text.
            let in_lowered = matches!(name, Cow::Borrowed(_)) && lowered.as_bytes()[span.start..span.end].is_ascii();
            let folded = if in_lowered { lexicon::Folded::Borrowed(&lowered[span.start..span.end]) } else { lexicon::folded(&name) };
            if let Some(p) = place_named(&folded) {
                return Some((len, Run::place(text, span, words.iter().map(|t| t.text(text)), p)));
            }
            let kind = (*known.get(&name)?)?;
            let run = Run {
                span,
                name,
                words: len,
                kind,
                role: None,
                canonical: None,
                modifies_noun: false,
                gender: Gender::Unknown,
                evidence: false,
                in_lowered,
                first_given: FirstGiven::Unknown,
            };
            Some((len, run))
        });
        match longest {
            Some((len, run)) => {
                out.push(run);
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// The most words a person's name has that nothing but capitals explain ("Maria de la Cruz Lopez").
const LONGEST_UNEXPLAINED_NAME: usize = 4;

/// The most words a body, an office and a person's name take together ("Federal Air
/// Traffic Control Administration Director Branko Bilbija" is eight).
const LONGEST_NAME_WITH_OFFICE: usize = 12;

/// Turns the name words `toks[start..end]` into zero or more runs, added to `out`: the run is
/// split where it holds more than one name (an office's domain, an office inside it, a home place),
/// then the kind rules ([`decide_kind`]) decide each name's kind. Returns the name of the step or
/// rule that decided (for tests). A run of one word outside a shouted line, as most are, takes
/// [`classify_word`]'s shorter way to the same decision.
fn classify<'t>(
    text: &'t str,
    toks: &[Token],
    (start, end): (usize, usize),
    shouting: bool,
    mid_sentence_caps: &lexicon::WrittenWords,
    scratch: &mut Scratch<'_>,
    out: &mut Vec<Run<'t>>,
) -> &'static str {
    if end == start + 1 && !shouting {
        classify_word(text, toks, start, mid_sentence_caps, scratch, out)
    } else {
        classify_run(text, toks, (start, end), shouting, mid_sentence_caps, scratch, out)
    }
}

/// [`classify_run`] of the one word `toks[at]` outside a shouted line. A word alone is never
/// split, and of the peeling only this is left: a demonym, a title (unless the word names a body),
/// a common word or a connector is a word peeled, and leaves no name.
fn classify_word<'t>(
    text: &'t str,
    toks: &[Token],
    at: usize,
    mid_sentence_caps: &lexicon::WrittenWords,
    scratch: &mut Scratch<'_>,
    out: &mut Vec<Run<'t>>,
) -> &'static str {
    let Scratch { folded, name, .. } = scratch;
    let surface = Surface { text, toks: &toks[at..at + 1], shouted: None };
    folded.fill_word(text, &toks[at]);
    let folded = &*folded;
    let w = folded.word(0);
    if let Some(p) = place_named(w) {
        out.push(Run::place(text, toks[at].span, surface.iter(), p));
        return "whole-run-place";
    }
    let info = folded.info(0);
    let peeled = info.demonym().is_some() || !info.is(WordList::OrgWord) && info.is(WordList::TitleWord) || info.is(WordList::CommonWord);
    if peeled || w == "." || is_connector(w) {
        return "only-titles";
    }
    let run = RunFacts {
        text,
        toks,
        start: at,
        end: at + 1,
        first: 0,
        last: 1,
        kept: &[0],
        surface,
        folded,
        shouting: false,
        had_title: false,
        gender: Gender::Unknown,
        mid_sentence_caps,
    };
    let (rule, verdict) = decide_kind(&run);
    run.apply(verdict, None, name, out);
    rule
}

/// [`classify`] of any run: split, peeled, then decided.
fn classify_run<'t>(
    text: &'t str,
    toks: &[Token],
    (start, end): (usize, usize),
    shouting: bool,
    mid_sentence_caps: &lexicon::WrittenWords,
    scratch: &mut Scratch<'_>,
    out: &mut Vec<Run<'t>>,
) -> &'static str {
    let Scratch { shouted, folded, kept, name } = scratch;
    if shouting {
        shouted.clear();
        shouted.extend(toks[start..end].iter().map(|t| title_case(t.text(text))));
    }
    let surface = Surface { text, toks: &toks[start..end], shouted: shouting.then_some(&shouted[..]) };
    folded.fill(&toks[start..end], surface, shouting);
    let folded = &*folded;

    // A whole run the gazetteer knows ("New York", "Czech Republic") is kept as it is.
    if let Some(p) = place_named(folded.range(0, surface.len())) {
        let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
        out.push(Run::place(text, span, surface.iter(), p));
        return "whole-run-place";
    }
    // Peel leading common words, titles and demonyms, remembering the role they give.
    let org_tail = folded.info(surface.len() - 1).is(WordList::OrgWord);
    // "Oscar-winning actress …", "Venezuelan-born economist …": a compound that goes on in
    // lowercase describes the name after it and is no part of it, nor is anything before it.
    let mut first = (0..surface.len() - 1).rev().find(|&k| is_descriptor(surface.get(k))).map_or(0, |k| k + 1);
    let mut role_noun: Option<String> = None;
    let mut affiliation: Option<String> = None;
    let mut title_gender = Gender::Unknown;
    let is_office = |k: usize| lexicon::with_folded(toks[k].text(text), lexicon::is_title_word);
    while first < surface.len() {
        let w = folded.word(first);
        // "Secretary of State Anna Kowalski", "Governor of Texas …": the office's domain, when a
        // name follows it ("secretary of State Anna Kowalski" too, the office in lowercase).
        let domain = if w == "of" && first > 0 && first + 2 < surface.len() && !org_tail && folded.info(first - 1).is(WordList::TitleWord) {
            Some(first + 1)
        } else if first == 0 && surface.len() >= 3 && !org_tail && start >= 2 && toks[start - 1].text(text) == "of" && is_office(start - 2) {
            Some(0)
        } else {
            None
        };
        if let Some(d) = domain {
            if let Some(p) = folded.place(d) {
                affiliation = Some(lexicon::fold(p.canonical));
                out.push(Run::place(text, toks[start + d].span, surface.slice(d, d + 1).iter(), p));
            }
            first = d + 1;
            continue;
        }
        let info = folded.info(first);
        if let Some(country) = info.demonym() {
            affiliation = Some(lexicon::fold(country));
        } else if !org_tail && info.is(WordList::TitleWord) {
            if let g @ (Gender::Male | Gender::Female) = lexicon::title_gender(w) {
                title_gender = g;
            }
            if info.is(WordList::RoleNoun) {
                role_noun = Some(lexicon::office(first.checked_sub(1).map(|k| folded.word(k)), w).to_string());
            }
        } else if w == "." || info.is(WordList::CommonWord) && !starts_place(folded, first) {
            // nothing to remember
        } else if first + 2 < surface.len() && !org_tail && info.is_party_label() {
            // "Democrat Anna Kowalski": a party label before a name is no part of it.
        } else if first == 0 && first + 1 < surface.len() && w.len() > 5 && w.ends_with("ing") && !w.contains('-') && !folded.is_given_name(first) {
            // "Impeaching Trump", "Playing Trump": a verb opening a heading is no part of a name
            // ("Mei-Ling Soh" is a name).
        } else if first + 1 < surface.len() && !org_tail && !shouting && is_acronym(surface.get(first)) {
            // "NFL Commissioner …", "GOP Sen. …": an acronym before a name is the body it belongs to.
            affiliation = Some(w.to_string());
            out.push(Run::team(text, &toks[start + first..start + first + 1]));
        } else if let Some(p) =
            (first + 1 < surface.len() && !org_tail && folded.info(first + 1).is(WordList::TitleWord)).then(|| folded.place(first)).flatten()
        {
            // "Belarus President", "Oslo Mayor Novak": a place before a title is an affiliation.
            affiliation = Some(lexicon::fold(p.canonical));
            out.push(Run::place(text, toks[start + first].span, std::iter::once(p.canonical), p));
        } else {
            break;
        }
        first += 1;
    }
    // Drop trailing connectors and dots.
    let mut last = surface.len();
    while last > first && (is_connector(folded.word(last - 1)) || folded.word(last - 1) == ".") {
        last -= 1;
    }
    if first >= last {
        return "only-titles";
    }
    // "Harbour Board Chairman Olaf Brenner": an office inside the run. The person is
    // named after it, and what comes before it is a name of its own. Only in a run as
    // short as a name and an office are: each part is classified again, and a long run
    // of capitals must not make that deep or slow.
    let office = (last - first <= LONGEST_NAME_WITH_OFFICE)
        .then(|| (first + 1..last.saturating_sub(1)).rev().find(|&k| folded.info(k).is(WordList::TitleWord) && folded.info(k).is(WordList::RoleNoun)))
        .flatten();
    if let Some(k) = office.filter(|_| !org_tail && !shouting) {
        // The office's own titles go with it: "Harbour Board Senior Adviser …".
        let mut split = k;
        while split > first + 1 && folded.info(split - 1).is(WordList::TitleWord) {
            split -= 1;
        }
        classify(text, toks, (start + first, start + split), shouting, mid_sentence_caps, scratch, out);
        classify(text, toks, (start + split, end), shouting, mid_sentence_caps, scratch, out);
        return "office-inside";
    }
    // "Anna Kowalski of Oslo": a name, then the place it is from. A name that begins or ends
    // like a body's ("Bank of England", "University of Oslo") stays whole.
    let from_place = (last - first <= LONGEST_NAME_WITH_OFFICE && !org_tail && !shouting && !folded.info(first).is(WordList::OrgWord))
        .then(|| {
            (first + 1..last.saturating_sub(1))
                .find_map(|k| (folded.word(k) == "of").then(|| place_named(folded.range(k + 1, last)).map(|p| (k, p))).flatten())
        })
        .flatten();
    if let Some((k, p)) = from_place {
        let span = Span::new(toks[start + k + 1].span.start, toks[start + last - 1].span.end);
        out.push(Run::place(text, span, surface.slice(k + 1, last).iter(), p));
        classify(text, toks, (start + first, start + k), shouting, mid_sentence_caps, scratch, out);
        return "home-place";
    }
    // "Bettina Kruger of Marwood Capital": a person's name, then the body they are of.
    // Whether the name opens with a given name is asked last: most runs are settled before,
    // and many never need it.
    let person_first = || folded.info(first).is(WordList::TitleWord) || folded.is_given_name(first);
    let of_body = (org_tail && !shouting && last - first <= LONGEST_NAME_WITH_OFFICE && person_first())
        .then(|| (first + 2..last.saturating_sub(1)).find(|&k| folded.word(k) == "of"))
        .flatten();
    // "Donald Hartley of Madison": a given name and a surname, then where they are from, even a
    // place no list knows.
    let of_somewhere = (!org_tail && !shouting && last - first <= LONGEST_NAME_WITH_OFFICE).then_some(first + 2).filter(|&k| {
        k + 1 < last
            && folded.word(k) == "of"
            && !folded.info(first + 1).is(WordList::OrgWord)
            && !folded.info(first + 1).is(WordList::TitleWord)
            && folded.is_given_name(first)
    });
    if let Some(k) = of_body.or(of_somewhere) {
        classify(text, toks, (start + first, start + k), shouting, mid_sentence_caps, scratch, out);
        let tail = out.len();
        classify(text, toks, (start + k + 1, end), shouting, mid_sentence_caps, scratch, out);
        if of_body.is_some() {
            return "person-of-body";
        }
        // Where someone is from is a place, unless it shows itself a body.
        for run in out[tail..].iter_mut().filter(|r| r.kind == EntityKind::Person && !r.evidence) {
            run.kind = EntityKind::Place;
        }
        return "person-from-somewhere";
    }
    // "Councillor Imran Siddiqui", "Political Affairs Wendy Sherman": capitalised words before a
    // given name that a surname follows describe the person, or name a body of their own.
    // A title and a given name and a surname make three words at least.
    let given_inside = (!org_tail && !shouting && (3..=LONGEST_NAME_WITH_OFFICE).contains(&(last - first)) && !folded.is_given_name(first))
        .then(|| {
            (first + 1..last.saturating_sub(1)).find(|&k| {
                // Not after an initial's dot ("W. Bush"), but after a title's ("Gen. Norman Ham").
                let after_initial = folded.word(k - 1) == "." && (k < first + 2 || !is_abbreviated_title(surface.get(k - 2)));
                // "South Carolina Republican", "New York City Public Advocate Trish James": a given
                // name that is part of a place's name is none.
                let in_place =
                    || (first..k).any(|j| (2..=3).any(|len| j + len > k && j + len <= last && place_named(folded.range(j, j + len)).is_some()));
                folded.is_given_name(k) && !is_connector(folded.word(k - 1)) && !after_initial && !in_place()
            })
        })
        .flatten();
    let mut described = false;
    match given_inside {
        // One word before the name is its title: "Councillor", "Mountaineer".
        // One word before the name is its title when it reads as a word for a job ("Councillor",
        // "Mountaineer"); a family name written first ("Nguyen Thi Lan") is no title.
        Some(k) if k == first + 1 && is_job_word(folded.word(first)) => {
            role_noun = Some(folded.word(first).to_string());
            described = true;
            first = k;
        }
        Some(k) if k > first + 1 => {
            classify(text, toks, (start + first, start + k), shouting, mid_sentence_caps, scratch, out);
            classify(text, toks, (start + k, end), shouting, mid_sentence_caps, scratch, out);
            return "given-name-inside";
        }
        _ => {}
    }
    // The name's words, without its initials' dots: what the rules read.
    kept.clear();
    for k in first..last {
        if !folded.is_mark(k, b'.') {
            kept.push(k);
        }
    }
    let had_title = described || first > 0 && role_noun.is_some() || (0..first).any(|k| folded.info(k).is(WordList::TitleWord));
    let run = RunFacts { text, toks, start, end, first, last, kept, surface, folded, shouting, had_title, gender: title_gender, mid_sentence_caps };
    let (rule, verdict) = decide_kind(&run);
    let role = role_noun.map(|noun| Box::new(Role { noun, affiliation }));
    run.apply(verdict, role, name, out);
    rule
}

/// What is known of a run of name words once its titles are peeled: what the kind rules read.
struct RunFacts<'a, 't> {
    text: &'t str,
    toks: &'a [Token],
    /// The run's tokens, before peeling.
    start: usize,
    end: usize,
    /// The name proper among the run's words, titles peeled and trailing connectors dropped.
    first: usize,
    last: usize,
    /// The indices of the name's words, without its initials' dots.
    kept: &'a [usize],
    surface: Surface<'a>,
    folded: &'a FoldedWords<'a>,
    shouting: bool,
    /// A title or an office stood before the name ("Mayor", "Prime Minister").
    had_title: bool,
    /// The gender its titles give ("Mr", "Congresswoman").
    gender: Gender,
    mid_sentence_caps: &'a lexicon::WrittenWords<'a>,
}

/// What a kind rule decides for a run.
enum Verdict {
    /// No name: a common word, an event, a people.
    Drop,
    /// A name of this kind (a person keeps the role its titles give).
    Kind(EntityKind),
    /// A place the gazetteer knows, under its canonical name.
    Gazetteer(&'static lexicon::Place),
    /// A shouted line: only the places the gazetteer knows in it.
    PlacesWithin,
    /// "a South Carolina Republican": the place before the party label, and no person.
    PlaceBeforeLabel,
    /// A lone capitalised word that only clustering can decide on.
    Lone { modifies_noun: bool },
}

/// The kind rules, each a name (for tests) and a decision, or `None` to let the next rule decide:
/// [`decide_kind`] asks them in order, and the first that decides wins. Each is a direct call,
/// which the compiler may inline, not a call through a function pointer from a table.
macro_rules! kind_rules {
    ($(($name:literal, $decide:ident)),* $(,)?) => {
        /// The kind rules' names, in order.
        #[cfg(test)]
        const KIND_RULES: &[&str] = &[$($name),*];

        /// The name of the first kind rule that decides, and its verdict.
        fn decide_kind(run: &RunFacts) -> (&'static str, Verdict) {
            $(
                if let Some(verdict) = $decide(run) {
                    return ($name, verdict);
                }
            )*
            ("none", Verdict::Drop)
        }
    };
}

kind_rules!(
    ("place-once-peeled", place_once_peeled),
    ("letter-or-event", letter_or_event),
    ("organisation-word", organisation_word),
    ("map-feature", map_feature),
    ("acronym", acronym),
    ("shouted-line", shouted_line),
    ("title-or-given-name", title_or_given_name),
    ("sentence-initial-word", sentence_initial_word),
    ("party-member", party_member),
    ("people", people),
    ("faith-month-or-weekday", faith_month_or_weekday),
    ("country-in-name", country_in_name),
    ("what-a-body-has", what_a_body_has),
    ("several-words-or-speaks", several_words_or_speaks),
    ("after-a-place-preposition", after_a_place_preposition),
    ("lone-word", lone_word),
);

impl<'t> RunFacts<'_, 't> {
    #[inline]
    fn n_words(&self) -> usize {
        self.kept.len()
    }
    #[inline]
    fn one_word(&self) -> bool {
        self.kept.len() == 1
    }
    #[inline]
    fn word(&self, i: usize) -> &str {
        self.surface.get(self.kept[i])
    }
    #[inline]
    fn wfold(&self, i: usize) -> &str {
        self.folded.word(self.kept[i])
    }
    #[inline]
    fn winfo(&self, i: usize) -> WordInfo {
        self.folded.info(self.kept[i])
    }
    #[inline]
    fn given_at(&self, i: usize) -> bool {
        self.folded.is_given_name(self.kept[i])
    }
    #[inline]
    fn last_word(&self) -> &str {
        self.wfold(self.n_words() - 1)
    }
    /// The word after the run, folded.
    fn next(&self) -> Option<lexicon::Folded<'_>> {
        self.toks.get(self.end).map(|t| self.folded.token(self.text, t))
    }
    /// The word before the run, folded.
    fn prev(&self) -> Option<lexicon::Folded<'_>> {
        self.start.checked_sub(1).map(|i| self.folded.token(self.text, &self.toks[i]))
    }
    /// The word after the next, folded.
    fn then(&self) -> Option<lexicon::Folded<'_>> {
        self.toks.get(self.end + 1).map(|t| self.folded.token(self.text, t))
    }
    fn span(&self) -> Span {
        Span::new(self.toks[self.start + self.first].span.start, self.toks[self.start + self.last - 1].span.end)
    }
    /// The name opens its sentence, where any word is capitalised (asked only of a lone word).
    fn sentence_initial(&self) -> bool {
        self.first == 0 && tokens::opens_sentence(self.toks, self.start)
    }

    /// The name as shown, with its initials' dots ("George W. Bush"); slugs drop them, so keys
    /// do not change. Made only for a run that is kept: many are dropped. Also whether it is the
    /// text at its span written in ASCII ([`Run::in_lowered`]).
    fn name(&self, buffer: &mut String) -> (Cow<'t, str>, bool) {
        // Words written in ASCII with a space between each two (their folds a slice of the
        // lowered text) and no initial's dot or plural's apostrophe are the name as written.
        if self.folded.borrowed.is_some() && (self.first..self.last).all(|k| !self.folded.is_mark(k, b'.') && !self.folded.is_mark(k, b'\'')) {
            return (Cow::Borrowed(self.span().text(self.text)), true);
        }
        buffer.clear();
        for k in self.first..self.last {
            let word = self.surface.get(k);
            if word == "." {
                let initial = k > self.first
                    && is_one_character(self.surface.get(k - 1))
                    && self.toks[self.start + k - 1].span.end == self.toks[self.start + k].span.start;
                if initial {
                    buffer.push('.');
                }
                continue;
            }
            // A plural's apostrophe joins its word: "Employers' Association".
            if !buffer.is_empty() && !matches!(word, "'" | "’") {
                buffer.push(' ');
            }
            buffer.push_str(word);
        }
        let written = self.span().text(self.text);
        if *buffer == *written {
            (Cow::Borrowed(written), written.is_ascii())
        } else {
            (Cow::Owned(buffer.clone()), false)
        }
    }

    /// [`Run::first_given`] of the name `name` that the run gives as a `kind`: noted for a
    /// person's name of several words that opens with the word the name proper starts with (not
    /// an initial's "G."), when the kind rules looked it up (as they mostly have).
    fn first_given(&self, name: &str, kind: EntityKind) -> FirstGiven {
        // The name opens with the word at `first` (no mark is left there). Its words are joined by
        // single spaces: a space after that word ends the name's first word, and there are more.
        if kind != EntityKind::Person || self.one_word() || name.as_bytes().get(self.surface.get(self.first).len()) != Some(&b' ') {
            return FirstGiven::Unknown;
        }
        // Only an answer the kind rules looked up is noted: clustering asks of few runs.
        match self.folded.words[self.first].given.get() {
            None => FirstGiven::Unknown,
            Some(None) => FirstGiven::No,
            Some(Some(gender)) => FirstGiven::Yes(gender),
        }
    }

    /// Adds the runs `verdict` gives to `out`.
    fn apply(&self, verdict: Verdict, role: Option<Box<Role>>, buffer: &mut String, out: &mut Vec<Run<'t>>) {
        let run = |(name, in_lowered), kind, role, canonical, modifies_noun| Run {
            span: self.span(),
            first_given: FirstGiven::Unknown,
            name,
            in_lowered,
            words: self.n_words(),
            kind,
            role,
            canonical,
            modifies_noun,
            gender: self.gender,
            evidence: kind == EntityKind::Person && (self.had_title || self.gender != Gender::Unknown || self.n_words() >= 2 && self.given_at(0)),
        };
        match verdict {
            Verdict::Drop => {}
            Verdict::Kind(kind) => {
                let role = if kind == EntityKind::Person { role } else { None };
                let mut run = run(self.name(buffer), kind, role, None, false);
                // Only such a run names a person in several words (a lone word's is one).
                run.first_given = self.first_given(&run.name, kind);
                out.push(run);
            }
            Verdict::Gazetteer(place) => out.push(run(self.name(buffer), EntityKind::Place, None, Some(place.canonical), false)),
            Verdict::Lone { modifies_noun } => out.push(run(self.name(buffer), EntityKind::Person, None, Some(""), modifies_noun)),
            Verdict::PlacesWithin => {
                // Every word is capitalised, so a run spans the line ("ROMANIA BEAT LITHUANIA"):
                // the places in it are picked out, longest first.
                let mut i = self.first;
                while i < self.last {
                    let found = (1..=(self.last - i).min(4)).rev().find_map(|len| place_named(self.folded.range(i, i + len)).map(|p| (len, p)));
                    match found {
                        Some((len, p)) => {
                            let span = Span::new(self.toks[self.start + i].span.start, self.toks[self.start + i + len - 1].span.end);
                            out.push(Run::place(self.text, span, self.surface.slice(i, i + len).iter(), p));
                            i += len;
                        }
                        None => i += 1,
                    }
                }
            }
            Verdict::PlaceBeforeLabel => {
                let (first, last) = (self.first, self.last);
                if let Some(p) = (self.n_words() >= 2).then(|| place_named(self.folded.range(first, last - 1))).flatten() {
                    let span = Span::new(self.toks[self.start + first].span.start, self.toks[self.start + last - 2].span.end);
                    out.push(Run::place(self.text, span, self.surface.slice(first, last - 1).iter(), p));
                }
            }
        }
    }
}

/// A name shorter than its run, once titles are peeled, that the gazetteer knows ("Mayor of
/// Oslo" → "Oslo") — unless a title, or a given name before a city's, says it is a person's.
fn place_once_peeled(run: &RunFacts) -> Option<Verdict> {
    // The whole run was looked up first; only a shorter name needs a second look.
    if run.n_words() == run.surface.len() {
        return None;
    }
    let p = if run.n_words() == run.last - run.first {
        place_named(run.folded.range(run.first, run.last))
    } else {
        place_named(&(0..run.n_words()).map(|i| run.wfold(i)).collect::<Vec<_>>().join(" "))
    }?;
    let as_person = run.had_title || (run.n_words() >= 2 && run.given_at(0) && p.kind == PlaceKind::City);
    (!as_person).then_some(Verdict::Gazetteer(p))
}

/// A lone letter ("B", a table's column) is no name; "the World Cup", "the U.S. Open" are
/// events, and "World War II" is named by the word before its numeral.
fn letter_or_event(run: &RunFacts) -> Option<Verdict> {
    if run.one_word() {
        // A token of more than four bytes has two characters at least (and title-cased, as
        // many): its text is read only when it is shorter.
        let short = run.toks[run.start + run.kept[0]].span.len() <= 4;
        return (short && is_one_character(run.word(0))).then_some(Verdict::Drop);
    }
    let last = run.n_words() - 1;
    let named_by = if is_roman_numeral(run.wfold(last)) { last - 1 } else { last };
    run.winfo(named_by).is(WordList::EventWord).then_some(Verdict::Drop)
}

/// "Acme Group", "Bank of England", "Real Quayside", or one word that names an organisation by
/// itself ("Kremlin", "Reuters").
fn organisation_word(run: &RunFacts) -> Option<Verdict> {
    let last_info = run.winfo(run.n_words() - 1);
    let org_suffix = last_info.is(WordList::OrgWord) && !run.one_word() || run.one_word() && last_info.is(WordList::OrgName);
    // Asked only when the name has no suffix, as most have not: a lone word has none of these.
    let org_of = || (0..run.n_words()).any(|i| run.wfold(i) == "of") && (0..run.n_words()).any(|i| run.winfo(i).is(WordList::OrgWord));
    // A word that opens a sports club's name.
    let club = || {
        matches!(
            run.wfold(0),
            "real" | "sporting" | "dynamo" | "dinamo" | "spartak" | "lokomotiv" | "atletico" | "olympique" | "borussia" | "fc" | "ac"
        )
    };
    (org_suffix || !run.one_word() && (org_of() || club())).then_some(Verdict::Kind(EntityKind::Organization))
}

/// "Wall Street", "Heathrow Airport", "Hudson River": a name that ends in a word for a feature
/// of the map is a place.
fn map_feature(run: &RunFacts) -> Option<Verdict> {
    (!run.one_word() && run.winfo(run.n_words() - 1).is(WordList::MapFeature) && !run.shouting).then_some(Verdict::Kind(EntityKind::Place))
}

/// A short word in capitals in ordinary text: an acronym, an organisation's ("WTO").
fn acronym(run: &RunFacts) -> Option<Verdict> {
    // Only a lone word in ordinary text is asked: its text is read only then.
    if run.shouting || !run.one_word() {
        return None;
    }
    let w = run.word(0);
    // A lowercase ASCII letter second ("Kyiv") rules a word out before its characters are read.
    let lowercase_second = matches!(w.as_bytes(), [_, second, ..] if second.is_ascii_lowercase());
    let short_caps = !lowercase_second && tokens::is_all_caps(w) && w.chars().filter(|c| c.is_alphabetic()).count() <= 6;
    short_caps.then_some(Verdict::Kind(EntityKind::Organization))
}

/// In a shouted line only the gazetteer is trusted.
fn shouted_line(run: &RunFacts) -> Option<Verdict> {
    run.shouting.then_some(Verdict::PlacesWithin)
}

/// A title before the name, or a given name opening a name of two words or more: a person.
fn title_or_given_name(run: &RunFacts) -> Option<Verdict> {
    (run.had_title || (run.n_words() >= 2 && run.given_at(0))).then_some(Verdict::Kind(EntityKind::Person))
}

/// One word opening a sentence, never seen capitalised mid-sentence: capitalised as a
/// sentence's first word, not as a name.
fn sentence_initial_word(run: &RunFacts) -> Option<Verdict> {
    (run.one_word() && run.sentence_initial() && !run.mid_sentence_caps.contains(run.word(0))).then_some(Verdict::Drop)
}

/// "a South Carolina Republican": a party's member, described, not named.
fn party_member(run: &RunFacts) -> Option<Verdict> {
    let last = run.last_word();
    (run.winfo(run.n_words() - 1).is_party_label() || matches!(last, "republicans" | "democrats")).then_some(Verdict::PlaceBeforeLabel)
}

/// "Iraqi", "Iraqis": a people, not a person.
fn people(run: &RunFacts) -> Option<Verdict> {
    let last = run.last_word();
    let demonym = run.winfo(run.n_words() - 1).demonym().or_else(|| last.strip_suffix('s').and_then(lexicon::demonym_country));
    let demonym = demonym.or_else(|| crate::resolve::nation_word(last).then_some(""));
    demonym.is_some().then_some(Verdict::Drop)
}

/// A faith, a people no country names, or a lone month or weekday.
fn faith_month_or_weekday(run: &RunFacts) -> Option<Verdict> {
    if !run.one_word() {
        return None;
    }
    let last = run.last_word();
    // Every month and weekday is a word a date starts with (a short form may keep its dot), so
    // only such a word is looked for among them.
    let may_be_date = run.winfo(0).is(WordList::DateStart) || last.ends_with('.');
    let date_word = may_be_date && (lexicon::month_number(last).is_some() || lexicon::weekday_number(last).is_some());
    // The word lists note a people or a faith of a word short enough to pack.
    let people_or_faith = run.winfo(0).is_people_or_faith() || last.len() > lexicon::LONGEST_PACKED && lexicon::is_people_or_faith(last);
    (people_or_faith || date_word).then_some(Verdict::Drop)
}

/// "Air France", "Bank Austria": a name with a country in it and no given name is a body.
fn country_in_name(run: &RunFacts) -> Option<Verdict> {
    let names_a_country =
        run.n_words() >= 2 && (0..run.n_words()).any(|i| run.folded.place(run.kept[i]).is_some_and(|p| p.kind == PlaceKind::Country));
    (names_a_country && !(0..run.n_words()).any(|i| run.given_at(i))).then_some(Verdict::Kind(EntityKind::Organization))
}

/// "Acme said its profit rose", "Acme's shares fell", "the Tanjug news agency": a name that
/// speaks of itself as "its", has what only a company has, or stands before a noun for a kind of
/// body, is an organisation.
fn what_a_body_has(run: &RunFacts) -> Option<Verdict> {
    // "Calder Hydro said it had 140 crews", "Norrland Timber said on Monday that it would close":
    // the next word's lists were noted when it was read.
    let speaks_of_its = run.toks.get(run.end).is_some_and(is_cue_verb)
        && run.toks.iter().skip(run.end + 1).take(5).take_while(|t| t.is_word()).any(|t| matches!(t.text(run.text), "it" | "its"));
    if speaks_of_its {
        return Some(Verdict::Kind(EntityKind::Organization));
    }
    // Only a possessive ending folds to "'s"; a word's facts say whether it is a body's noun.
    let next = run.toks.get(run.end);
    let company_asset = next.is_some_and(|t| t.kind == TokenKind::Possessive)
        && run.next().as_deref() == Some("'s")
        && run.then().as_deref().is_some_and(|w| {
            matches!(w, "shares" | "shareholders" | "stock" | "profit" | "profits" | "earnings" | "revenue" | "revenues" | "subsidiary" | "sales")
        });
    // Only a word is a body's noun, or "news".
    let is_body_noun = |t: &Token| t.is_word() && t.info().is_body_noun();
    let names_a_body = next
        .filter(|t| t.is_word())
        .is_some_and(|t| is_body_noun(t) || t.is_folded(run.text, "news") && run.toks.get(run.end + 1).is_some_and(is_body_noun));
    (company_asset || names_a_body).then_some(Verdict::Kind(EntityKind::Organization))
}

/// Two words or more, or a name next to a speech verb: a person.
fn several_words_or_speaks(run: &RunFacts) -> Option<Verdict> {
    // Five capitalised words that no title, given name or body's word explain are a heading or
    // a list, not a person's name ("Anchor Expressed Fear About Future Prejudice").
    if run.n_words() > LONGEST_UNEXPLAINED_NAME {
        return Some(Verdict::Drop);
    }
    let speaks = || run.toks.get(run.end).is_some_and(is_cue_verb) || run.start.checked_sub(1).is_some_and(|i| is_cue_verb(&run.toks[i]));
    (run.n_words() >= 2 || speaks()).then_some(Verdict::Kind(EntityKind::Person))
}

/// A speech verb ("said", "told"): a word, whose lists the tokenizer noted. No mark or
/// possessive is one, so none is looked up.
fn is_cue_verb(t: &Token) -> bool {
    t.is_word() && t.info().is(WordList::CueVerb)
}

/// Prepositions after which a name is where something is or happened ("in Bristol").
pub const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "across", "outside"];

/// "in Nordvik", "at Quayside": a lone word after a preposition of place.
fn after_a_place_preposition(run: &RunFacts) -> Option<Verdict> {
    // "in Mamdani's district" is someone's.
    let possessed = run.toks.get(run.end).is_some_and(|t| t.kind == TokenKind::Possessive);
    let place_word = || run.prev().as_deref().is_some_and(|p| PLACE_PREPOSITIONS.contains(&p));
    (!possessed && place_word()).then_some(Verdict::Kind(EntityKind::Place))
}

/// A lone capitalised word: a surname seen elsewhere, decided when clustering. It is kept
/// only where it never modifies a noun ("the Azovstal plant"); "Kurdish rebels", "Maltese
/// ships": an adjective's noun may end in "s" like a verb does.
fn lone_word(run: &RunFacts) -> Option<Verdict> {
    let last = run.last_word();
    let adjectival = (last.ends_with("ish") && last.len() > 4) || (last.ends_with("ese") && last.len() > 5);
    let modifies_noun = run.toks.get(run.end).is_some_and(|t| {
        if !t.is_word() || t.is_capitalized_word() {
            return false;
        }
        let w = t.text(run.text);
        let info = t.info();
        let common = info.is(WordList::CommonWord);
        // Function words and verbs ("-ed", "-s") can follow a name without making it a modifier.
        let noun = if adjectival { !common } else { !(common || w.ends_with("ed") || w.ends_with('s')) };
        !info.is(WordList::CueVerb) && noun
    });
    Some(Verdict::Lone { modifies_noun })
}

/// "II", "XVI": a numeral that ends a king's name, or a war's.
fn is_roman_numeral(w: &str) -> bool {
    w.len() <= 4 && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
}

/// Is `acronym` the initials of `name` ("AP", "Associated Press")?
fn is_initials_of(acronym: &str, name: &str) -> bool {
    initials(name).eq(acronym.chars())
}

/// The first letters of a name's capitalised words ("Associated Press": "AP").
fn initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split_whitespace().filter(|w| tokens::is_capitalized(w)).filter_map(|w| w.chars().next())
}

/// The organisation an acronym abbreviates: the first cluster, in cluster order, whose name's
/// initials it spells. A news article's few clusters are read in turn; past [`ByInitials::READ_UP_TO`]
/// (an article of thousands of names has hundreds of acronyms) they are indexed by their initials
/// as they come, so that finding one stays a look-up and the whole stays linear.
#[derive(Default)]
struct ByInitials {
    /// A hash of the initials ([`initials_hash`]) → the organisations that have initials of that
    /// hash, in cluster order; an acronym's are checked letter by letter.
    index: lexicon::FastMap<u64, Clusters>,
    /// How many clusters the index has read.
    indexed: usize,
}

impl ByInitials {
    const READ_UP_TO: usize = 256;

    fn organisation(&mut self, acronym: &str, clusters: &[Cluster]) -> Option<usize> {
        let spelt = |c: &usize| clusters[*c].kind == EntityKind::Organization && is_initials_of(acronym, &clusters[*c].name);
        if clusters.len() <= Self::READ_UP_TO {
            return (0..clusters.len()).find(spelt);
        }
        for (c, cluster) in clusters.iter().enumerate().skip(self.indexed).filter(|(_, cl)| cl.kind == EntityKind::Organization) {
            self.index.entry(initials_hash(initials(&cluster.name))).or_default().push(c);
        }
        self.indexed = clusters.len();
        self.index.get(&initials_hash(acronym.chars())).and_then(|candidates| candidates.as_slice().iter().copied().find(spelt))
    }
}

/// A hash of a sequence of letters: a name's initials, or an acronym's letters.
fn initials_hash(letters: impl Iterator<Item = char>) -> u64 {
    use std::hash::Hasher;
    let mut hasher = lexicon::WordHasher::default();
    for c in letters {
        hasher.write_u32(u32::from(c));
    }
    hasher.finish()
}

/// The kind of body an organisation's name, folded, says it is ("westmarch police service":
/// police): the most telling of its words (joined by single spaces, as a name's are).
fn body_kind_of(folded: &str) -> Option<lexicon::BodyKind> {
    use lexicon::BodyKind::*;
    let rank = |k: lexicon::BodyKind| {
        [Police, Union, Club, School, Health, Court, Party, Media, Army, Council, Company, Government, Agency, Group].iter().position(|&r| r == k)
    };
    folded.split(' ').filter_map(lexicon::body_kind).min_by_key(|&k| rank(k))
}

/// The gender a person's given name tells: only a name of two words or more has one ("Clinton"
/// alone is a family name, whatever it gives as a first name).
fn person_gender(name: &str) -> Gender {
    // A name's words are joined by single spaces.
    let first = name.split_once(' ').map(|(first, _)| first);
    first.and_then(|w| lexicon::given_names().get(&lexicon::folded(w)).copied()).unwrap_or(Gender::Unknown)
}

/// How many words a name has: its words are joined by single spaces (a token holds no whitespace).
fn words_in(name: &str) -> usize {
    1 + name.bytes().filter(|&b| b == b' ').count()
}

/// A name's first word: its words are joined by single spaces.
fn first_word(name: &str) -> &str {
    name.bytes().position(|b| b == b' ').map_or(name, |space| &name[..space])
}

/// A name's last word: its words are joined by single spaces.
fn last_word(name: &str) -> &str {
    name.bytes().rposition(|b| b == b' ').map_or(name, |space| &name[space + 1..])
}

/// "Councillor Maeve Preston … Preston said": a lone word the gazetteer knows as a place, after
/// the article named a person of that surname something says is one, is that person's surname
/// before it is a town; clustering's second pass gives it to them. Not after a preposition of
/// place ("operators in Preston") nor speaking through "it" ("Preston said it would").
fn is_surname_before_place(run: &Run, folded: &str, lowered: &str, by_surname: &lexicon::NameMap<Clusters>, found: &Found) -> bool {
    let place_word_before = || {
        let before = lowered[..run.span.start].trim_end();
        let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        PLACE_PREPOSITIONS.contains(&word) || matches!(word, "from" | "to" | "of")
    };
    // "Dallas said it would …": a place speaks through "it".
    let speaks_as_it = || {
        let mut after = lowered[run.span.end..].split(|c: char| !c.is_ascii_lowercase()).filter(|w| !w.is_empty());
        after.next().is_some_and(lexicon::is_cue_verb) && after.next().is_some_and(|w| matches!(w, "it" | "its"))
    };
    run.kind == EntityKind::Place
        && run.words == 1
        && by_surname.get(folded).is_some_and(|people| people.as_slice().iter().any(|&c| found.clusters[c].evidence))
        && !place_word_before()
        && !speaks_as_it()
}

/// "“…,” Cruz said": a lone word right before a speech verb is someone who speaks, however
/// seldom the article names them; the lowered text is read at `at`, where the word ends.
fn before_speech_verb(lowered: &str, at: usize) -> bool {
    let rest = lowered[at..].strip_prefix(' ').unwrap_or("");
    let verb = rest.split(|c: char| !c.is_ascii_lowercase()).next().unwrap_or("");
    !verb.is_empty() && lexicon::is_cue_verb(verb)
}

/// Is `toks[i]` a word between the closing mark of a quote and a speech verb ("“…,” Cruz said")?
/// Not a common word or a word for people ("“…!” Witnesses said", "Analysts say"), nor its plural.
fn names_a_speaker_after_quote(text: &str, toks: &[Token], i: usize) -> bool {
    let after_quote = i > 0 && matches!(toks[i - 1].text(text), "”" | "\"" | "’" | "'" | "»");
    let before_cue = || toks.get(i + 1).is_some_and(|n| n.starts_lowercase() && n.info().is(WordList::CueVerb));
    let says_who = |info: WordInfo| info.is(WordList::CommonWord) || info.is(WordList::RoleNoun) || info.is(WordList::PersonNoun);
    let a_noun = || {
        let word = lexicon::folded(toks[i].text(text));
        let singular = |suffix: &str| word.strip_suffix(suffix).is_some_and(|w| says_who(lexicon::listed(w)));
        says_who(toks[i].info()) || singular("s") || singular("es")
    };
    after_quote && before_cue() && !a_noun()
}

/// The clusters that share a surname or a family name written first, in the order they were
/// added, each once: most names have one, which is kept without an allocation.
#[derive(Default)]
enum Clusters {
    #[default]
    None,
    One(usize),
    Many(Vec<usize>),
}

impl Clusters {
    fn as_slice(&self) -> &[usize] {
        match self {
            Clusters::None => &[],
            Clusters::One(c) => std::slice::from_ref(c),
            Clusters::Many(cs) => cs,
        }
    }

    fn push(&mut self, c: usize) {
        *self = match std::mem::take(self) {
            Clusters::None => Clusters::One(c),
            Clusters::One(first) => Clusters::Many(vec![first, c]),
            Clusters::Many(mut cs) => {
                cs.push(c);
                Clusters::Many(cs)
            }
        };
    }
}

/// Groups the runs of a text (whose ASCII letters `lowered` has made small) into clusters: full
/// names first, then short forms by surname.
fn cluster(lowered: &str, runs: Vec<Run>) -> Found {
    // At most one cluster a run: room for them all at once, as a cluster is large to move.
    let mut found = Found { clusters: Vec::with_capacity(runs.len()), ..Found::default() };
    // Every run's name folded; a person's words are the pieces between its spaces. A name that is
    // the text at its span, written in ASCII, is folded there already (`lowered`); the others are
    // folded into one string. A place is known by its gazetteer name.
    let mut all_folded = String::with_capacity(runs.iter().map(|r| r.name.len() + r.canonical.map_or(0, str::len)).sum());
    // Where each run's folded name is in `all_folded` (`None`: in `lowered`, at its span), and its
    // folded canonical name.
    let mut ranges = Vec::with_capacity(runs.len());
    for run in &runs {
        let start = all_folded.len();
        let name = (!run.in_lowered).then(|| {
            lexicon::fold_into(&mut all_folded, &run.name);
            start..all_folded.len()
        });
        let canonical_start = all_folded.len();
        // A lone word's canonical name is empty: nothing to fold.
        if let Some(canonical) = run.canonical.filter(|c| !c.is_empty()) {
            lexicon::fold_into(&mut all_folded, canonical);
        }
        ranges.push((name, canonical_start..all_folded.len()));
    }
    let folded_names: Vec<&str> = runs
        .iter()
        .zip(&ranges)
        .map(|(run, (name, _))| match name {
            Some(name) => &all_folded[name.clone()],
            None => &lowered[run.span.start..run.span.end],
        })
        .collect();
    // Folded name → the cluster of each kind that bears it.
    let mut by_name: lexicon::NameMap<[Option<usize>; 3]> = lexicon::NameMap::with_capacity(runs.len());
    let mut by_surname: lexicon::NameMap<Clusters> = lexicon::NameMap::with_capacity(runs.len());
    // The first word of a person's name that opens with no given name: a family name written
    // first ("Park Ji-woo", "Nguyen Thi Lan"), which the name alone may stand for later.
    let mut by_family_first: lexicon::NameMap<Clusters> = lexicon::NameMap::with_capacity(0);
    // Organisations by their initials, for the acronyms of a long article ([`ByInitials`]).
    let mut by_initials = ByInitials::default();
    let mut assigned: Vec<Option<usize>> = vec![None; runs.len()];
    // How many runs `assigned` gives each cluster so far, kept as it is filled (a cluster a run at most).
    let mut assigned_count: Vec<usize> = vec![0; runs.len()];

    // What the given names say of the first word of each cluster's name, as its run noted it.
    let mut first_given_of_name = Vec::with_capacity(runs.len());
    // A cluster named `name` (`folded`, folded), the name of a run that noted `first_given` of it.
    let mut new_cluster = |found: &mut Found, name: String, folded: &str, kind: EntityKind, first_given: FirstGiven| -> usize {
        first_given_of_name.push(first_given);
        let body = if kind == EntityKind::Organization { body_kind_of(folded) } else { None };
        found.clusters.push(Cluster {
            gender: Gender::Unknown,
            titled: false,
            name,
            kind,
            mentions: Vec::new(),
            aliases: Aliases::default(),
            roles: Vec::new(),
            age: None,
            nation: None,
            body,
            evidence: false,
            speaks: false,
        });
        found.clusters.len() - 1
    };

    // Pass 1: places, organisations and multi-word person names; names that something says
    // are a person's first, so that a run of capitals no given name or title explains can join a
    // person it ends like ("Liberal Campaigner Quist" after "Marta Quist").
    let unexplained = |run: &Run| run.kind == EntityKind::Person && !run.evidence;
    for (i, run) in runs.iter().enumerate().filter(|(_, r)| !unexplained(r)).chain(runs.iter().enumerate().filter(|(_, r)| unexplained(r))) {
        let is_lone = run.canonical == Some("");
        if is_lone || (run.kind == EntityKind::Person && run.words < 2) {
            continue;
        }
        if is_surname_before_place(run, folded_names[i], lowered, &by_surname, &found) {
            continue;
        }
        let key = run.canonical.map_or(folded_names[i], |_| &all_folded[ranges[i].1.clone()]);
        // The name's slot is found once, for the look-up and for a new cluster's entry.
        let slot = &mut by_name.entry_or_default(key)[run.kind as usize];
        let c = match *slot {
            Some(c) => c,
            None => {
                // A longer form of a known person ("John Smith" after "John A. Smith") joins it by
                // surname and first name. Only a person joins by surname, and a person's surname
                // lists the cluster it ends in: its entry is found once, for both.
                let same_surname = (run.kind == EntityKind::Person).then(|| by_surname.entry_or_default(last_word(folded_names[i])));
                let joined = same_surname.as_deref().map(Clusters::as_slice).and_then(|by_last| {
                    by_last
                        .iter()
                        .copied()
                        .find(|&c| *lexicon::folded(found.clusters[c].name.split_whitespace().next().unwrap_or("")) == *first_word(folded_names[i]))
                        .or_else(|| {
                            unexplained(run)
                                .then(|| by_last.iter().copied().filter(|&c| found.clusters[c].evidence).collect::<Vec<_>>())
                                .filter(|cs| cs.len() == 1)
                                .map(|cs| cs[0])
                        })
                });
                let (name, first_given) = match run.canonical {
                    Some(canonical) => (canonical, FirstGiven::Unknown),
                    None => (&*run.name, run.first_given),
                };
                let acronym_of = (run.kind == EntityKind::Organization && run.words == 1 && tokens::is_all_caps(name))
                    .then(|| by_initials.organisation(name, &found.clusters))
                    .flatten();
                let c = joined.or(acronym_of).unwrap_or_else(|| new_cluster(&mut found, name.to_string(), key, run.kind, first_given));
                *slot = Some(c);
                if let Some(same_surname) = same_surname {
                    if !same_surname.as_slice().contains(&c) {
                        same_surname.push(c);
                    }
                    let first = first_word(folded_names[i]);
                    // "Chen Xiaoling": a first word that is a given name elsewhere may still be the
                    // family name, when the last word is no given name.
                    let family_first = run.first_given.gender_or_look_up(first).is_none()
                        || run.words == 2 && !lexicon::given_names().contains_key(last_word(folded_names[i]));
                    if run.words >= 2 && family_first {
                        let same_first = by_family_first.entry_or_default(first);
                        if !same_first.as_slice().contains(&c) {
                            same_first.push(c);
                        }
                    }
                }
                c
            }
        };
        found.clusters[c].evidence |= run.evidence;
        assigned[i] = Some(c);
        assigned_count[c] += 1;
    }
    // Pass 2: single words join a person by surname (or first name), or a known name.
    let mut lone_uses: lexicon::NameMap<(usize, bool)> = lexicon::NameMap::with_capacity(runs.len());
    // Only a name of one word can be a lone word's: a name with a space is not counted. A run of
    // one word has none (a token holds no space, nor does its fold); only longer ones are read.
    let one_word = |r: &Run, f: &str| r.words == 1 || f.bytes().all(|b| b != b' ');
    for (r, f) in runs.iter().zip(&folded_names).filter(|(r, f)| one_word(r, f)) {
        let e = lone_uses.entry_or_default(f);
        e.0 += 1;
        e.1 |= r.modifies_noun;
    }
    for (i, run) in runs.iter().enumerate() {
        if assigned[i].is_some() {
            continue;
        }
        let f = &folded_names[i];
        // The one person of that surname; of several, the one something says is a person, or the
        // one the article names by full name clearly most often (the article's "Woods" is Dorothy
        // Woods, whom it is about, not her husband named once).
        let by_last = by_surname.get(f).map(Clusters::as_slice).and_then(|cs| match cs {
            [c] => Some(*c),
            _ => {
                let explained: Vec<usize> = cs.iter().copied().filter(|&c| found.clusters[c].evidence).collect();
                match explained.as_slice() {
                    [c] => Some(*c),
                    _ => {
                        let named = |c: usize| assigned_count[c];
                        let mut by_count: Vec<(usize, usize)> = explained.iter().map(|&c| (named(c), c)).collect();
                        by_count.sort_unstable_by(|a, b| b.cmp(a));
                        match by_count.as_slice() {
                            [(most, c), (next, _), ..] if *most >= 2 * next.max(&1) => Some(*c),
                            _ => None,
                        }
                    }
                }
            }
        });
        let any_kind = by_name
            .get(f)
            .and_then(|slots| [EntityKind::Person, EntityKind::Organization, EntityKind::Place].iter().find_map(|&k| slots[k as usize]));
        let by_last = by_last.or_else(|| {
            by_family_first.get(f).and_then(|cs| match cs.as_slice() {
                [c] if found.clusters[*c].evidence => Some(*c),
                _ => None,
            })
        });
        let c = match (by_last, any_kind) {
            (Some(c), _) | (None, Some(c)) => c,
            (None, None) => {
                let is_lone = run.canonical == Some("");
                if is_lone {
                    // An unexplained single capitalised word: keep it only if it recurs
                    // and never stands as a modifier ("the Azovstal plant").
                    // Every one-word name is counted.
                    let (uses, as_modifier) = lone_uses.get(f).copied().unwrap_or_default();
                    if as_modifier || uses < 2 && !before_speech_verb(lowered, run.span.end) {
                        continue;
                    }
                }
                let c = new_cluster(&mut found, run.name.to_string(), f, run.kind, run.first_given);
                by_name.entry_or_default(f)[run.kind as usize] = Some(c);
                if run.kind == EntityKind::Person {
                    by_surname.entry_or_default(f).push(c);
                }
                c
            }
        };
        assigned[i] = Some(c);
        assigned_count[c] += 1;
    }
    // Each cluster's mentions were counted as runs were given to it: each list is made once at its size.
    for (cl, &count) in found.clusters.iter_mut().zip(&assigned_count) {
        cl.mentions = Vec::with_capacity(count);
    }
    found.mentions.reserve_exact(runs.len());
    // The gender the titles of each cluster's mentions give: `None` until one does, `Unknown`
    // when two disagree.
    let mut titled: Vec<Option<Gender>> = vec![None; found.clusters.len()];
    for (run, c) in runs.iter().zip(assigned) {
        let Some(c) = c else { continue };
        if run.gender != Gender::Unknown {
            titled[c] = Some(match titled[c] {
                Some(g) if g != run.gender => Gender::Unknown,
                _ => run.gender,
            });
        }
        let cl = &mut found.clusters[c];
        cl.evidence |= run.evidence;
        cl.mentions.push(run.span);
        // The cluster's own name is no alias of it: most clusters have no other.
        if *run.name != cl.name && !cl.aliases.contains(&run.name) {
            cl.aliases.insert(run.name.to_string());
        }
        if let Some(role) = run.role.as_deref() {
            if !cl.roles.contains(role) {
                cl.roles.push(role.clone());
            }
        }
        found.mentions.push((run.span, c));
    }
    // Runs come in text order, but for a few (a heading's, a place split off a name): most
    // articles' mentions need no sorting.
    if !found.mentions.is_sorted_by_key(|(s, _)| s.start) {
        found.mentions.sort_by_key(|(s, _)| s.start);
    }
    // The longest person name is the canonical one (of equals, the last in order).
    for ((cl, titled), first_given) in found.clusters.iter_mut().zip(titled).zip(first_given_of_name) {
        if cl.kind == EntityKind::Person {
            let rank = |a: &String| (words_in(a), a.len());
            let longest = cl.aliases.iter().filter(|a| (rank(a), a.as_str()) > (rank(&cl.name), cl.name.as_str())).max_by_key(|a| rank(a));
            // The run that named the cluster noted what the given names say of its name's first word.
            let mut first_given = first_given;
            if let Some(longest) = longest.cloned() {
                cl.aliases.remove(&longest);
                let shorter = std::mem::replace(&mut cl.name, longest);
                cl.aliases.insert(shorter);
                first_given = FirstGiven::Unknown;
            }
            // A title says more than a given name does ("Mr. Robin Hale").
            cl.titled = titled.is_some_and(|g| g != Gender::Unknown);
            cl.gender = titled.unwrap_or_else(|| match first_given {
                FirstGiven::Unknown => person_gender(&cl.name),
                FirstGiven::No => Gender::Unknown,
                FirstGiven::Yes(gender) => gender,
            });
        }
    }
    found
}

impl Found {
    /// The stable key of cluster `c`, the slug of its name: made only for a cluster that is
    /// reported, once its name is final (clustering made it so), and only once.
    pub fn key(&mut self, c: usize) -> String {
        if self.keys.len() <= c {
            self.keys.resize(self.clusters.len(), None);
        }
        let name = &self.clusters[c].name;
        self.keys[c].get_or_insert_with(|| slug(name)).clone()
    }

    /// Token `t` of `text` (the text these names were found in) folded: a slice of the lowered
    /// text where the word is written in ASCII, [`lexicon::folded`] otherwise.
    #[inline]
    pub fn folded<'s>(&'s self, text: &'s str, t: &Token) -> lexicon::Folded<'s> {
        if t.is_ascii_word() {
            lexicon::Folded::Borrowed(&self.lowered[t.span.start..t.span.end])
        } else {
            lexicon::folded(t.text(text))
        }
    }

    /// Records a role learnt from context ("its spokesman Dmitry Peskov").
    pub fn add_role(&mut self, cluster: usize, role: Role) {
        let roles = &mut self.clusters[cluster].roles;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }

    /// Name mentions inside `span`, in order.
    pub fn within(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let from = self.mentions.partition_point(|(s, _)| s.start < span.start);
        self.mentions[from..].iter().take_while(move |(s, _)| s.end <= span.end).copied()
    }

    /// Name mentions that end before `pos`, nearest first.
    pub fn before(&self, pos: usize) -> impl Iterator<Item = (Span, usize)> + '_ {
        let upto = self.mentions.partition_point(|(s, _)| s.end <= pos);
        self.mentions[..upto].iter().rev().copied()
    }

    pub fn add_alias(&mut self, cluster: usize, alias: &str) {
        let cl = &mut self.clusters[cluster];
        if alias != cl.name {
            cl.aliases.insert(alias.to_string());
        }
    }

    /// The clusters as output entities, with stable keys.
    pub fn into_entities(self) -> Vec<Entity> {
        let mut keys = self.keys.into_iter();
        self.clusters
            .into_iter()
            .map(|c| (keys.next().flatten(), c))
            .filter(|(_, c)| !c.mentions.is_empty() && (c.kind != EntityKind::Person || c.evidence || c.speaks))
            .map(|(key, c)| {
                let mut mentions = c.mentions;
                mentions.sort();
                mentions.dedup();
                let key = key.unwrap_or_else(|| slug(&c.name));
                Entity { key, name: c.name, kind: c.kind, mentions, aliases: c.aliases.0 }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(t: &str) -> Vec<(String, EntityKind, usize)> {
        let article = crate::extract_text("t", t.to_string());
        article.entities.into_iter().map(|e| (e.name, e.kind, e.mentions.len())).collect()
    }

    #[test]
    fn speech_verbs_are_words_and_no_mark_is_one() {
        let cues = "said says told added Said ";
        let marks: String = (b'!'..=b'~').filter(|b| !b.is_ascii_alphanumeric()).map(|b| format!("{} ", char::from(b))).collect();
        let text = format!("{cues}{marks}Acme's Acme’s “ ” ‘ ’ — – … « » ¿ ¡ saying's");
        let toks = tokens::tokenize(&text, Span::new(0, text.len()));
        for t in &toks {
            assert_eq!(is_cue_verb(t), t.listed(&text).is(WordList::CueVerb), "{:?}", t.text(&text));
        }
        assert!(toks.iter().filter(|t| is_cue_verb(t)).count() >= 5);
    }

    proptest::proptest! {
        #[test]
        fn a_body_kind_read_from_the_folded_name_is_read_from_its_words_folded(
            words in proptest::collection::vec("Police|POLICE|Union|Club|Times|Bank|Group|Ministry|Agency|[A-Za-zÉé]{1,8}", 1..5),
        ) {
            let name = words.join(" ");
            let by_word = name.split_whitespace().filter_map(|w| lexicon::body_kind(&lexicon::folded(w))).min_by_key(|&k| {
                use lexicon::BodyKind::*;
                [Police, Union, Club, School, Health, Court, Party, Media, Army, Council, Company, Government, Agency, Group].iter().position(|&r| r == k)
            });
            proptest::prop_assert_eq!(body_kind_of(&lexicon::fold(&name)), by_word);
        }

        /// A common word opening a run is a place's name as its token says as the gazetteer says.
        #[test]
        fn a_common_word_is_a_place_as_its_token_says(line in "((The|But|Reading|Nice|Chad|Georgia|Jordan|Mobile|March|IT|It)|[A-Za-zé]{1,8}|[ .,])*") {
            let toks = tokens::tokenize(&line, Span::new(0, line.len()));
            for t in toks.iter().filter(|t| t.is_word()) {
                let info = t.listed(&line);
                let plainly = info.is(WordList::CommonWord) && lexicon::places().get(&lexicon::fold(t.text(&line))).is_none();
                proptest::prop_assert_eq!(info.is(WordList::CommonWord) && !info.is_listed_place(), plainly, "{:?}", t.text(&line));
            }
        }

        #[test]
        fn a_token_folded_by_found_equals_its_fold(line in "[A-Za-z' .,-]{0,40}|[A-Za-zÉéß’İ .-]{0,30}") {
            let toks = tokens::tokenize(&line, Span::new(0, line.len()));
            let found = Found { lowered: line.to_ascii_lowercase(), ..Found::default() };
            for t in &toks {
                proptest::prop_assert_eq!(&*found.folded(&line, t), &*lexicon::folded(t.text(&line)));
            }
        }

        #[test]
        fn words_folded_from_the_lowered_text_equal_their_folds(line in "[A-Za-z' .,-]{0,40}|[A-Za-zÉéß’ .-]{0,30}", from in 0..12usize, len in 1..5usize) {
            let toks = tokens::tokenize(&line, Span::new(0, line.len()));
            proptest::prop_assume!(from + len <= toks.len());
            let lowered = line.to_ascii_lowercase();
            let mut scratch = Scratch::new(&lowered);
            for t in &toks {
                proptest::prop_assert_eq!(&*scratch.folded.token(&line, t), lexicon::fold(t.text(&line)));
            }
            // A run's words, however they are folded: each word's fold, joined by single spaces.
            let run = &toks[from..from + len];
            let surface = Surface { text: &line, toks: run, shouted: None };
            scratch.folded.fill(run, surface, false);
            let plain: Vec<String> = run.iter().map(|t| lexicon::fold(t.text(&line))).collect();
            proptest::prop_assert_eq!(scratch.folded.range(0, len), plain.join(" "));
            for (i, t) in run.iter().enumerate() {
                proptest::prop_assert_eq!(scratch.folded.word(i), plain[i].as_str());
                proptest::prop_assert_eq!(scratch.folded.info(i), if t.is_word() { t.info() } else { lexicon::listed(&plain[i]) });
            }
        }

        #[test]
        fn connectors_as_written_agree_with_folding_first(w in "[a-zA-Zéèüßó’&K]{0,5}") {
            proptest::prop_assert_eq!(is_connector_as_written(&w), lexicon::with_folded(&w, is_connector));
        }

        /// The first hyphen found a byte at a time is the one a split at it finds.
        #[test]
        fn descriptors_are_found_as_a_split_finds_them(w in "[A-Za-zé]{0,6}(-[a-zA-ZéÉ]{0,5}){0,2}") {
            let split = w.split_once('-').is_some_and(|(_, rest)| rest.len() >= 3 && rest.starts_with(|c: char| c.is_lowercase()));
            proptest::prop_assert_eq!(is_descriptor(&w), split);
        }

        /// A token's length rules out only words that are no connector.
        #[test]
        fn connector_tokens_are_the_connector_words(line in "[a-zA-Zéèüßó’&K .]{0,30}") {
            let toks = tokens::tokenize(&line, Span::new(0, line.len()));
            for t in &toks {
                proptest::prop_assert_eq!(is_connector_token(&line, t), t.is_word() && is_connector_as_written(t.text(&line)));
            }
        }

        /// What a run notes of its name's first word is what the given names say of it, folded.
        #[test]
        fn a_runs_first_given_name_is_the_look_up_of_its_names_first_word(
            line in "((Anna|ANNA|Marta|Élodie|John|G|W|Mr|President|Councillor|Quist|Bush|Nguyen|Employers|Association|of|de|said|the|[A-Za-zé]{1,9})[ .,'’]{1,2}){0,12}",
        ) {
            let toks = tokens::tokenize(&line, Span::new(0, line.len()));
            let lowered = line.to_ascii_lowercase();
            let mut scratch = Scratch::new(&lowered);
            let shouting = is_shouting(&line, &toks);
            let mut runs = Vec::new();
            let mut i = 0;
            while i < toks.len() {
                if !toks[i].is_capitalized_word() {
                    i += 1;
                    continue;
                }
                let end = run_end(&line, &toks, i);
                classify(&line, &toks, (i, end), shouting, &lexicon::WrittenWords::default(), &mut scratch, &mut runs);
                i = end;
            }
            for run in runs.iter().filter(|r| r.first_given != FirstGiven::Unknown) {
                let folded = lexicon::fold(&run.name);
                proptest::prop_assert!(folded.contains(' '), "{:?}", run.name);
                let looked_up = lexicon::given_names().get(first_word(&folded)).copied();
                proptest::prop_assert_eq!(run.first_given.gender_or_look_up(""), looked_up, "{:?}", run.name);
            }
        }

        /// A lone word takes the short way to the decision, and the names, that the whole way gives.
        #[test]
        fn a_lone_word_is_classified_as_any_run_is(
            line in "((The|But|Mr|President|Chairman|American|Iraqis|Oslo|Georgia|Bank|Group|Street|De|Al|NATO|UN|B|É|March|Monday|Muslims|Frenchman|Republican|Democrats|Reuters|Kremlin|Anna|Quist|Rovers|Brightwave|Kurdish|Élodie|O’Brien|said|told|in|at|near|its|it|'s|’s|shares|agency|news|plant|ships|the|[A-Za-zé]{1,9})[ .,:]{1,2}){0,12}",
        ) {
            let toks = tokens::tokenize(&line, Span::new(0, line.len()));
            let mut mid_sentence_caps = lexicon::WrittenWords::default();
            for (i, t) in toks.iter().enumerate() {
                if t.is_capitalized_word() && !tokens::opens_sentence(&toks, i) {
                    mid_sentence_caps.insert(t.text(&line));
                }
            }
            let lowered = line.to_ascii_lowercase();
            let mut scratch = Scratch::new(&lowered);
            for at in (0..toks.len()).filter(|&i| toks[i].is_capitalized_word()) {
                let (mut short, mut whole) = (Vec::new(), Vec::new());
                let rule = classify_word(&line, &toks, at, &mid_sentence_caps, &mut scratch, &mut short);
                let whole_rule = classify_run(&line, &toks, (at, at + 1), false, &mid_sentence_caps, &mut scratch, &mut whole);
                proptest::prop_assert_eq!(rule, whole_rule);
                proptest::prop_assert_eq!(format!("{short:?}"), format!("{whole:?}"));
            }
        }
    }

    /// The kind rules look up a given name that opens a name ("Anna Quist"), and the run notes it
    /// (what the property test above compares is not always `Unknown`).
    #[test]
    fn a_run_notes_the_given_name_the_rules_looked_up() {
        let line = "Yesterday Anna Quist said it.";
        let toks = tokens::tokenize(line, Span::new(0, line.len()));
        let lowered = line.to_ascii_lowercase();
        let mut runs = Vec::new();
        classify(line, &toks, (1, 3), false, &lexicon::WrittenWords::default(), &mut Scratch::new(&lowered), &mut runs);
        assert_eq!(runs.len(), 1);
        let given = lexicon::given_names().get("anna").copied();
        assert!(given.is_some());
        assert_eq!(runs[0].first_given, FirstGiven::Yes(given.unwrap_or(Gender::Unknown)));
    }

    /// The runs of name words in `line` (one paragraph): each as written, the step or rule that
    /// decided it, and the names it gave with their kinds.
    /// A run as written, the step or rule that decided it, and the names it gave.
    type Decided = (String, &'static str, Vec<(String, EntityKind)>);

    fn decided(line: &str) -> Vec<Decided> {
        let toks = tokens::tokenize(line, Span::new(0, line.len()));
        let mut mid_sentence_caps = lexicon::WrittenWords::default();
        for (i, t) in toks.iter().enumerate() {
            if t.is_capitalized_word() && !tokens::opens_sentence(&toks, i) {
                mid_sentence_caps.insert(t.text(line));
            }
        }
        let shouting = is_shouting(line, &toks);
        let lowered = line.to_ascii_lowercase();
        let mut scratch = Scratch::new(&lowered);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].is_capitalized_word() {
                i += 1;
                continue;
            }
            let end = run_end(line, &toks, i);
            let mut runs = Vec::new();
            let rule = classify(line, &toks, (i, end), shouting, &mid_sentence_caps, &mut scratch, &mut runs);
            let written = line[toks[i].span.start..toks[end - 1].span.end].to_string();
            out.push((written, rule, runs.into_iter().map(|r| (r.name.into_owned(), r.kind)).collect()));
            i = end;
        }
        out
    }

    /// One example for every kind rule and splitting step: (paragraph, run as written, the rule
    /// that decides it, the names it gives).
    type RuleExample = (&'static str, &'static str, &'static str, &'static [(&'static str, EntityKind)]);

    const RULE_EXAMPLES: &[RuleExample] = {
        use EntityKind::{Organization as O, Person as P, Place as L};
        &[
            ("Ships sailed from New York at dawn.", "New York", "whole-run-place", &[("New York", L)]),
            ("The pier was opened by the Prime Minister on Monday.", "Prime Minister", "only-titles", &[]),
            (
                "The Harbour Board Chairman Olaf Brenner spoke.",
                "The Harbour Board Chairman Olaf Brenner",
                "office-inside",
                &[("Harbour Board", O), ("Olaf Brenner", P)],
            ),
            ("Later, Anna Kowalski of Norway arrived.", "Anna Kowalski of Norway", "home-place", &[("Norway", L), ("Anna Kowalski", P)]),
            (
                "The call came from Bettina Kruger of Marwood Capital today.",
                "Bettina Kruger of Marwood Capital",
                "person-of-body",
                &[("Bettina Kruger", P), ("Marwood Capital", O)],
            ),
            (
                "Cheers came from Donald Hartley of Marwick on Monday.",
                "Donald Hartley of Marwick",
                "person-from-somewhere",
                &[("Donald Hartley", P), ("Marwick", L)],
            ),
            ("The call came from Councillor Imran Siddiqui today.", "Councillor Imran Siddiqui", "title-or-given-name", &[("Imran Siddiqui", P)]),
            (
                "The call came from Political Affairs Wendy Sherman today.",
                "Political Affairs Wendy Sherman",
                "given-name-inside",
                &[("Political Affairs", P), ("Wendy Sherman", P)],
            ),
            ("The crews sailed to Western Oslo at noon.", "Western Oslo", "place-once-peeled", &[("Oslo", L)]),
            ("The crowds came for the Harbour Cup again.", "Harbour Cup", "letter-or-event", &[]),
            ("Staff at Northern Grain Company left early.", "Northern Grain Company", "organisation-word", &[("Northern Grain Company", O)]),
            ("Traders on Quay Street watched the ships.", "Quay Street", "map-feature", &[("Quay Street", L)]),
            ("The report came from the UNHCR on Monday.", "UNHCR", "acronym", &[("UNHCR", O)]),
            ("ROWING - NORWAY EDGE PAST GENOA", "ROWING", "shouted-line", &[]),
            ("The pier was opened by Mayor Quist today.", "Mayor Quist", "title-or-given-name", &[("Quist", P)]),
            ("Rain fell again. Storms came at night.", "Storms", "sentence-initial-word", &[]),
            ("He met a South Carolina Republican there.", "South Carolina Republican", "party-member", &[("South Carolina", L)]),
            ("The talks were held by the Norwegians alone.", "Norwegians", "people", &[]),
            ("The leaders met Muslims in the hall.", "Muslims", "faith-month-or-weekday", &[]),
            ("The crews flew Fly Denmark on Monday.", "Fly Denmark", "country-in-name", &[("Fly Denmark", O)]),
            ("The ferry operator Brightwave said its profit rose.", "Brightwave", "what-a-body-has", &[("Brightwave", O)]),
            ("The talks were led by Quist Brenner on Monday.", "Quist Brenner", "several-words-or-speaks", &[("Quist Brenner", P)]),
            ("The crews were stranded in Nordvik overnight.", "Nordvik", "after-a-place-preposition", &[("Nordvik", L)]),
            ("The plan was backed by Quist on Monday.", "Quist", "lone-word", &[("Quist", P)]),
        ]
    };

    #[test]
    fn every_kind_rule_decides_its_example() {
        let mut wrong = Vec::new();
        for &(line, run, rule, names) in RULE_EXAMPLES {
            let got = decided(line);
            let names: Vec<(String, EntityKind)> = names.iter().map(|&(n, k)| (n.to_string(), k)).collect();
            if !got.iter().any(|(written, r, found)| written == run && *r == rule && *found == names) {
                wrong.push(format!("{line:?}: {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
        // Every rule and step has its example.
        for rule in KIND_RULES.iter().copied().chain([
            "whole-run-place",
            "only-titles",
            "office-inside",
            "home-place",
            "person-of-body",
            "person-from-somewhere",
            "given-name-inside",
        ]) {
            assert!(RULE_EXAMPLES.iter().any(|&(_, _, r, _)| r == rule), "{rule} has no example");
        }
    }

    #[test]
    fn titles_are_peeled_and_surnames_join() {
        let got = entities("Headline here\n\nFrench President Jacques Martin visited Lyon on Monday. Martin said little.");
        assert!(got.contains(&("Jacques Martin".to_string(), EntityKind::Person, 2)), "{got:?}");
        assert!(got.contains(&("Lyon".to_string(), EntityKind::Place, 1)), "{got:?}");
    }

    #[test]
    fn a_surname_that_names_a_place_is_the_persons_but_not_after_in() {
        let got = entities(
            "Harbour news\n\nCouncillor Maeve Preston spoke first. Preston, who chairs the panel, said little. Shops in Preston stayed shut.",
        );
        assert!(got.contains(&("Maeve Preston".to_string(), EntityKind::Person, 2)), "{got:?}");
        assert!(got.contains(&("Preston".to_string(), EntityKind::Place, 1)), "{got:?}");
        // A town that speaks through "it" is still the town.
        let got = entities("Harbour news\n\nCouncillor Maeve Preston spoke first. Preston said it would close the road.");
        assert!(got.contains(&("Preston".to_string(), EntityKind::Place, 1)), "{got:?}");
        // A town named before anyone of that name is still the town.
        let got = entities("Harbour news\n\nPreston voted on Monday. Councillor Maeve Preston said little.");
        assert!(got.contains(&("Preston".to_string(), EntityKind::Place, 1)), "{got:?}");
    }

    #[test]
    fn a_surname_alone_between_a_quote_and_said_speaks() {
        let body = "Harbour news\n\nThe senator spoke on Tuesday.\n\n“We are tired of being told no!” Okonjo said.";
        let a = crate::extract_text("t", body.to_string());
        assert_eq!(a.quotes.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(), [Some("okonjo")]);
        // Once, and not before a speech verb: a sentence's first word, no name.
        let got = entities("Harbour news\n\n“We are tired,” Okonjo painted on the wall.");
        assert!(got.is_empty(), "{got:?}");
        // Nor a word for people, or its plural.
        let got = entities("Harbour news\n\n“It was terrifying.” Witnesses said the bus had flipped twice.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_place_before_a_title_is_an_affiliation_not_part_of_the_name() {
        let got = entities("Harbour news\n\nGenoa Mayor Lucia Ferrante opened the pier. Later, Genoa Mayor Ferrante said it would stay open.");
        assert!(got.contains(&("Lucia Ferrante".to_string(), EntityKind::Person, 2)), "{got:?}");
        assert!(got.contains(&("Genoa".to_string(), EntityKind::Place, 2)), "{got:?}");
        assert!(!got.iter().any(|(n, _, _)| n.contains("Mayor")), "{got:?}");
    }

    #[test]
    fn places_are_picked_out_of_a_shouted_headline() {
        let got = entities("Harbour news\n\nROWING - NORWAY EDGE PAST NEW ZEALAND IN GENOA FINAL\n\nThe crews met on a calm lake.");
        for place in ["Norway", "New Zealand", "Genoa"] {
            assert!(got.iter().any(|(n, k, _)| n == place && *k == EntityKind::Place), "{place}: {got:?}");
        }
        assert!(!got.iter().any(|(n, _, _)| n.contains("Edge") || n.contains("Final")), "{got:?}");
    }

    #[test]
    fn events_letters_and_peoples_are_not_people() {
        let got =
            entities("Harbour news\n\nThe Harbour Cup and the Coastal Open drew crowds, Syrians and Iraqis among them. The scores were in column B.");
        assert!(got.iter().all(|(_, k, _)| *k != EntityKind::Person), "{got:?}");
        let got =
            entities("Harbour news\n\nThe crews met Flemish traders at dawn. Later, Flemish ships left with Maltese sailors and Maltese cargoes.");
        assert!(got.iter().all(|(_, k, _)| *k != EntityKind::Person), "{got:?}");
    }

    #[test]
    fn a_name_that_speaks_of_its_profit_is_an_organisation() {
        let got = entities("Harbour news\n\nThe ferry operator Brightwave said its profit rose. Later Brightwave's shares fell.");
        assert!(got.contains(&("Brightwave".to_string(), EntityKind::Organization, 2)), "{got:?}");
    }

    #[test]
    fn a_name_with_a_country_in_it_is_a_body_unless_a_given_name_says_person() {
        let got = entities("Harbour news\n\nFly Denmark opened a route to Oslo, and Anna Norway flew first.");
        assert!(got.contains(&("Fly Denmark".to_string(), EntityKind::Organization, 1)), "{got:?}");
        assert!(got.contains(&("Anna Norway".to_string(), EntityKind::Person, 1)), "{got:?}");
    }

    #[test]
    fn streets_waters_and_airports_are_places() {
        let got = entities("Harbour news\n\nTraders on Quay Street watched ships on the Amber River from Nordby Airport.");
        for name in ["Quay Street", "Amber River", "Nordby Airport"] {
            assert!(got.contains(&(name.to_string(), EntityKind::Place, 1)), "{name}: {got:?}");
        }
    }

    #[test]
    fn the_names_of_results_lines_are_teams() {
        let got = entities("Harbour league\n\nResults on Saturday:\n\nHarbour Rovers 2 Quayside 1\n\nQuayside 0 Lyon 3\n\nQuayside had won twice.");
        assert!(got.contains(&("Harbour Rovers".to_string(), EntityKind::Organization, 1)), "{got:?}");
        // The team keeps its kind where the article names it again.
        assert!(got.contains(&("Quayside".to_string(), EntityKind::Organization, 3)), "{got:?}");
        assert!(got.contains(&("Lyon".to_string(), EntityKind::Organization, 1)), "{got:?}");
        // A row of a league table: the name, then played, won, drawn, lost, goals and points.
        let got = entities("Harbour league\n\nStandings:\n\nHarbour Rovers 4 3 1 0 9 2 10\n\nQuayside 4 0 1 3 2 9 1");
        assert!(got.contains(&("Harbour Rovers".to_string(), EntityKind::Organization, 1)), "{got:?}");
        assert!(got.contains(&("Quayside".to_string(), EntityKind::Organization, 1)), "{got:?}");
        // A score with its half-time in brackets, fixtures, and a row with a ratio and a fraction.
        let got = entities(
            "Harbour league\n\nNordvik 3 Quayside 2 (halftime 1-0)\n\nNordvik v Harbour Rovers\n\nSALTHAM AT NORDVIK\n\nSALTHAM 73 63 .537 4 1/2",
        );
        assert!(got.contains(&("Nordvik".to_string(), EntityKind::Organization, 3)), "{got:?}");
        assert!(got.contains(&("SALTHAM".to_string(), EntityKind::Organization, 2)), "{got:?}");
        assert!(got.contains(&("Harbour Rovers".to_string(), EntityKind::Organization, 1)), "{got:?}");
        // Players are people, and a title is no results line.
        let got = entities("Nordvik v Saltham\n\nFinal:\n\nAnna Berg v Eva Dahl");
        assert!(got.contains(&("Anna Berg".to_string(), EntityKind::Person, 1)), "{got:?}");
        assert!(got.iter().all(|(_, k, _)| *k != EntityKind::Organization), "{got:?}");
        // A golfer's row of rounds is a person's.
        let got = entities("Harbour open\n\nLeading scores:\n\nMarta Quist 67 70 70 67 274 14");
        assert!(got.contains(&("Marta Quist".to_string(), EntityKind::Person, 1)), "{got:?}");
        // Scores in running text are not a results line.
        let got = entities("Harbour league\n\nMarta Quist scored 2 goals in 10 minutes.");
        assert!(got.contains(&("Marta Quist".to_string(), EntityKind::Person, 1)), "{got:?}");
    }

    #[test]
    fn a_party_label_before_a_name_is_not_part_of_it() {
        let got = entities("Harbour news\n\nDemocrat Anna Kowalski met Republican John Smith in Oslo. Later Kowalski said the talks went well.");
        assert!(got.contains(&("Anna Kowalski".to_string(), EntityKind::Person, 2)), "{got:?}");
        assert!(got.contains(&("John Smith".to_string(), EntityKind::Person, 1)), "{got:?}");
    }

    #[test]
    fn offices_and_home_places_are_not_part_of_a_name() {
        let got = entities(
            "Harbour news\n\nSecretary of State Anna Kowalski and the secretary of State Jan Nowak met Olaf Brenner of Norway \
             and House Speaker Marta Quist, a Quayside Republican, in Oslo. Later Kowalski, Nowak, Brenner and Quist left.",
        );
        for name in ["Anna Kowalski", "Jan Nowak", "Olaf Brenner", "Marta Quist"] {
            assert!(got.contains(&(name.to_string(), EntityKind::Person, 2)), "{name}: {got:?}");
        }
        assert!(got.contains(&("Norway".to_string(), EntityKind::Place, 1)), "{got:?}");
        assert!(got.iter().all(|(name, _, _)| !name.contains("Republican") && !name.starts_with("State")), "{got:?}");
    }

    #[test]
    fn a_headline_in_title_case_names_only_what_the_body_names() {
        let a = crate::extract_text(
            "t",
            "Harbour Master Quist Reopens Old Pier In Oslo After Storm\n\nMarta Quist, the harbour master, reopened the pier on Monday.".to_string(),
        );
        let mut names: Vec<(&str, usize)> = a.entities.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
        names.sort();
        assert_eq!(names, [("Marta Quist", 2), ("Oslo", 1)], "{names:?}");
        // Its names are found where the headline has them.
        let quist = a.entities.iter().find(|e| e.name == "Marta Quist").expect("Quist");
        assert_eq!(quist.mentions[0].text(&a.text), "Quist");
    }

    #[test]
    fn a_place_of_several_words_keeps_its_first_word() {
        let got = entities("Harbour news\n\nThe story ran in the New York Herald and the South Carolina Gazette on Monday.");
        assert!(got.contains(&("New York Herald".to_string(), EntityKind::Organization, 1)), "{got:?}");
        assert!(got.contains(&("South Carolina Gazette".to_string(), EntityKind::Organization, 1)), "{got:?}");
    }

    #[test]
    fn faiths_peoples_months_and_a_name_after_from_are_no_places_or_people() {
        let got = entities(
            "Harbour news\n\nMuslims and Hispanics met Jewish and Catholic leaders in Oslo. Support came from Marta Quist, \
             and Quist thanked Muslims again on Feb. 3. Hispanics and Catholic groups met in Feb.",
        );
        assert!(got.iter().all(|(name, _, _)| ["Marta Quist", "Oslo"].contains(&name.as_str())), "{got:?}");
        assert!(got.contains(&("Marta Quist".to_string(), EntityKind::Person, 2)), "{got:?}");
    }

    #[test]
    fn initials_keep_their_dots_in_the_name_and_not_in_the_key() {
        let a = crate::extract_text("t", "Harbour news\n\nOlaf J. Brenner opened the pier, and Brenner was pleased.".to_string());
        let olaf = a.entities.iter().find(|e| e.kind == EntityKind::Person).expect("a person");
        assert_eq!((olaf.name.as_str(), olaf.key.as_str(), olaf.mentions.len()), ("Olaf J. Brenner", "olaf-j-brenner", 2));
    }

    #[test]
    fn laws_meetings_and_wars_are_not_people() {
        let got =
            entities("Harbour news\n\nThe Harbour Protection Act passed before the Coastal Convention met, as in World War II, said Marta Quist.");
        assert!(got.iter().all(|(name, k, _)| *k != EntityKind::Person || name == "Marta Quist"), "{got:?}");
    }

    #[test]
    fn an_office_inside_a_name_separates_the_person_from_the_body() {
        let got = entities("Harbour news\n\nOn Monday the Quayside Port Administration Director Olaf Brenner closed the pier.");
        assert!(got.contains(&("Olaf Brenner".to_string(), EntityKind::Person, 1)), "{got:?}");
        assert!(got.contains(&("Quayside Port Administration".to_string(), EntityKind::Organization, 1)), "{got:?}");
    }

    #[test]
    fn organisations_by_suffix_and_acronym() {
        let got = entities("Headline here\n\nThe Northern Grain Company hired staff, the WTO said.");
        assert!(got.iter().any(|(n, k, _)| n == "Northern Grain Company" && *k == EntityKind::Organization), "{got:?}");
        assert!(got.iter().any(|(n, k, _)| n == "WTO" && *k == EntityKind::Organization), "{got:?}");
        // Clubs: "Quayside United", "Real Nordvik".
        let got = entities("Headline here\n\nQuayside United drew with Real Nordvik on Saturday.");
        assert!(got.iter().any(|(n, k, _)| n == "Quayside United" && *k == EntityKind::Organization), "{got:?}");
        assert!(got.iter().any(|(n, k, _)| n == "Real Nordvik" && *k == EntityKind::Organization), "{got:?}");
        // A name before a noun for a kind of body: "the Nordvik news agency", "the Harbourline company".
        let got = entities("Headline here\n\nThe Nordvik news agency said the Harbourline company had won the tender.");
        assert!(got.iter().any(|(n, k, _)| n == "Nordvik" && *k == EntityKind::Organization), "{got:?}");
        assert!(got.iter().any(|(n, k, _)| n == "Harbourline" && *k == EntityKind::Organization), "{got:?}");
        // A body's word anywhere in a name "of" something: "the Coastal Institute of Marine Research".
        let got = entities("Headline here\n\nThe study by the Coastal Institute of Marine Research was published.");
        assert!(got.iter().any(|(n, k, _)| n == "Coastal Institute of Marine Research" && *k == EntityKind::Organization), "{got:?}");
    }

    #[test]
    fn place_variants_share_a_key() {
        let a = crate::extract_text("t", "Headline here\n\nTroops left Kiev. Kyiv was calm.".to_string());
        let kyiv: Vec<_> = a.entities.iter().filter(|e| e.key == "kyiv").collect();
        assert_eq!(kyiv.len(), 1);
        assert_eq!(kyiv[0].mentions.len(), 2);
        // A country the gazetteer's source calls "The Netherlands" is found as running text writes it.
        let a = crate::extract_text("t", "Headline here\n\nShips sailed to the Netherlands and to Holland.".to_string());
        let dutch: Vec<_> = a.entities.iter().filter(|e| e.key == "netherlands").collect();
        assert_eq!(dutch.len(), 1, "{:?}", a.entities);
        assert_eq!(dutch[0].mentions.len(), 2);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let got = entities("Headline here\n\nHowever, nothing changed. Moreover it rained.");
        assert!(got.is_empty(), "{got:?}");
    }

    proptest::proptest! {
        /// Aliases kept in a sorted list are those a set keeps, in its order.
        #[test]
        fn aliases_are_kept_as_a_set_keeps_them(ops in proptest::collection::vec((proptest::bool::ANY, "[ab ]{0,3}"), 0..12)) {
            let mut set = std::collections::BTreeSet::new();
            let mut aliases = Aliases::default();
            for (insert, alias) in ops {
                if insert {
                    set.insert(alias.clone());
                    aliases.insert(alias.clone());
                } else {
                    set.remove(&alias);
                    aliases.remove(&alias);
                }
                proptest::prop_assert_eq!(aliases.contains(&alias), set.contains(&alias));
            }
            proptest::prop_assert_eq!(aliases.iter().collect::<Vec<_>>(), set.iter().collect::<Vec<_>>());
        }

        /// An acronym finds by the initials' index the organisation reading every cluster
        /// finds, however many clusters there are and whenever it is asked.
        #[test]
        fn acronyms_find_by_the_index_what_reading_every_cluster_finds(
            steps in proptest::collection::vec(
                (proptest::collection::vec(0..4usize, 1..4), proptest::bool::ANY, 0..5usize),
                1..600,
            ),
        ) {
            const WORDS: [&str; 4] = ["Alder", "Birch", "Cedar", "Émile"];
            const ACRONYMS: [&str; 5] = ["AB", "ABC", "BA", "AÉ", "ABCDABCDA"];
            let mut clusters: Vec<Cluster> = Vec::new();
            let mut by_initials = ByInitials::default();
            for (words, organisation, acronym) in steps {
                let acronym = ACRONYMS[acronym];
                let read = clusters.iter().position(|c| c.kind == EntityKind::Organization && is_initials_of(acronym, &c.name));
                proptest::prop_assert_eq!(by_initials.organisation(acronym, &clusters), read);
                let name = words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
                let kind = if organisation { EntityKind::Organization } else { EntityKind::Person };
                clusters.push(Cluster {
                    name,
                    kind,
                    mentions: Vec::new(),
                    aliases: Aliases::default(),
                    gender: Gender::Unknown,
                    titled: false,
                    roles: Vec::new(),
                    age: None,
                    nation: None,
                    body: None,
                    evidence: false,
                    speaks: false,
                });
            }
        }

        /// A name's clusters read back as a vector of them pushed in the same order does.
        #[test]
        fn clusters_kept_inline_read_back_as_a_vector(pushed in proptest::collection::vec(0..100usize, 0..6)) {
            let mut clusters = Clusters::default();
            for (n, &c) in pushed.iter().enumerate() {
                clusters.push(c);
                proptest::prop_assert_eq!(clusters.as_slice(), &pushed[..=n]);
            }
            proptest::prop_assert_eq!(clusters.as_slice(), pushed.as_slice());
        }

        /// The lone-word rule asks for months and weekdays only of a word a date can start with
        /// or one ending in a dot: every month and weekday, in any form, is one of those.
        #[test]
        fn every_month_and_weekday_is_a_date_start_or_ends_in_a_dot(word in "[a-z]{1,10}\\.{0,2}|\\PC{0,12}", pick in 0..200usize, dots in 0..3usize) {
            let forms = ["january", "may", "sept", "sep", "dec", "monday", "sunday", "jan", "mar", "nov", "oct", "friday"];
            let picked = format!("{}{}", forms[pick % forms.len()], ".".repeat(dots));
            for w in [word.as_str(), picked.as_str()] {
                let folded = lexicon::fold(w);
                if lexicon::month_number(&folded).is_some() || lexicon::weekday_number(&folded).is_some() {
                    proptest::prop_assert!(lexicon::listed(&folded).is(WordList::DateStart) || folded.ends_with('.'), "{:?}", w);
                }
            }
        }
    }
}
