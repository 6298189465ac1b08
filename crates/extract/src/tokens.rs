//! Words and punctuation with byte offsets, and sentence boundaries.
//!
//! Every later stage reads every word's shape (capitalised, lowercase, can begin a date) and what
//! the word lists say of it (cue verb, title, pronoun…), so the tokenizer notes them once, as
//! it makes each word, and no stage looks a word up again.

use crate::lexicon::{self, Pronoun, WordInfo, WordList};
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner hyphens, apostrophes ("don't") and dotted initials ("U.S.").
    Word,
    /// A possessive ending, `'s` or `’s`, split off its word.
    Possessive,
    /// Any other single character that is not whitespace.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// What the tokenizer saw of a word (bits below): every stage asks of every token, and
    /// need not look at the text again.
    shape: u8,
    /// What the word lists say of a word, folded ([`lexicon::listed`]); a pronoun only of a word
    /// written in ASCII ("hé" is none). Nothing for punctuation.
    info: WordInfo,
}

const CAPITALIZED: u8 = 1;
const LOWERCASE_ASCII: u8 = 2;
const MAY_START_DATE: u8 = 4;
const ASCII: u8 = 8;
/// Of a mark: a full stop, a question mark or an exclamation mark, which may end a sentence.
const STOP: u8 = 16;
/// Of a mark: a sentence may open at the token after it ([`opens_sentence`]). The mark is a stop,
/// a colon, a dash, an opening bracket or an ellipsis (but not the dot of an initial, "Olaf J.
/// Brenner"), or a quotation mark at which a sentence may open. Noted of the mark, so that a word
/// costs the tokenizer nothing for it.
const OPENS_AFTER: u8 = 32;
/// Of a mark: a quotation mark or an apostrophe ([`crate::quotes::is_quote_char`]).
const QUOTE_MARK: u8 = 64;

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// A word that starts with a capital: what names are made of.
    #[inline]
    pub fn is_capitalized_word(&self) -> bool {
        self.shape & CAPITALIZED != 0
    }
    /// A word that starts with a lowercase ASCII letter.
    #[inline]
    pub fn starts_lowercase(&self) -> bool {
        self.shape & LOWERCASE_ASCII != 0
    }
    /// A word that, folded, can begin a date: a number, a month, a weekday, "today", "last"…
    /// ([`crate::dates`] reads on from it).
    #[inline]
    pub fn may_start_date(&self) -> bool {
        self.shape & MAY_START_DATE != 0
    }
    /// A full stop, a question mark or an exclamation mark: what may end a sentence.
    #[inline]
    pub fn is_stop(&self) -> bool {
        self.shape & STOP != 0
    }
    /// A word written in ASCII alone, which folds to its lowercase.
    #[inline]
    pub fn is_ascii_word(&self) -> bool {
        self.shape & ASCII != 0
    }
    /// What the word lists say of the word, folded (nothing for punctuation).
    #[inline]
    pub fn info(&self) -> WordInfo {
        self.info
    }
    /// What the word lists say of the token, folded: noted already of a word, looked up for a mark.
    #[inline]
    pub fn listed(&self, text: &str) -> WordInfo {
        if self.kind == TokenKind::Word {
            self.info
        } else {
            mark_listed(self.text(text))
        }
    }
    /// The pronoun the word is, as written in ASCII ("her", "Its"), and whether it is a possessive.
    #[inline]
    pub fn pronoun(&self) -> Option<(Pronoun, bool)> {
        self.info.pronoun()
    }
    /// Is the word, folded, `folded` (a lowercase word)? A word of ASCII is compared as it is written.
    #[inline(always)]
    pub fn is_folded(&self, text: &str, folded: &str) -> bool {
        let word = self.text(text);
        if self.shape & ASCII != 0 {
            word.eq_ignore_ascii_case(folded)
        } else {
            *lexicon::folded(word) == *folded
        }
    }
    /// Is the word, folded, one of `folded` (lowercase words)? A word of ASCII is compared as it
    /// is written, and not folded first.
    #[inline(always)]
    pub fn is_folded_any(&self, text: &str, folded: &[&str]) -> bool {
        let word = self.text(text);
        if self.shape & ASCII != 0 {
            folded.iter().any(|f| word.eq_ignore_ascii_case(f))
        } else {
            folded.contains(&&*lexicon::folded(word))
        }
    }
}

/// The marks beyond ASCII that news text has most, and possessive endings: what the word lists
/// say of them is looked up once, not folded again at each ask.
const COMMON_MARKS: [&str; 8] = ["’s", "’S", "“", "”", "’", "‘", "—", "–"];

/// [`lexicon::listed_as_written`] of a mark or a possessive ending.
fn mark_listed(mark: &str) -> WordInfo {
    if mark.is_ascii() {
        return lexicon::listed_as_written(mark);
    }
    static COMMON: std::sync::OnceLock<[WordInfo; COMMON_MARKS.len()]> = std::sync::OnceLock::new();
    match COMMON_MARKS.iter().position(|&m| m == mark) {
        Some(k) => COMMON.get_or_init(|| COMMON_MARKS.map(lexicon::listed_as_written))[k],
        None => lexicon::listed_as_written(mark),
    }
}

/// The shape and word-list facts of the word `word` (not empty), whose first character is `first`.
fn word_token(span: Span, word: &str, first: char) -> Token {
    let case = if first.is_ascii_lowercase() {
        LOWERCASE_ASCII
    } else if first.is_uppercase() {
        CAPITALIZED
    } else {
        0
    };
    let (shape, info) = match lexicon::lowered_key(word.as_bytes()) {
        Some(key) => ascii_facts(lexicon::listed_table(), key, word.as_bytes()[0]),
        // Longer than a key, or beyond ASCII: the word is folded (few are), once for both
        // questions ([`lexicon::listed_as_written`] of a word with no key is `listed` of its fold).
        None => {
            let ascii = if word.is_ascii() { ASCII } else { 0 };
            let (may_start_date, info) = lexicon::with_folded(word, |folded| (crate::dates::may_start_date(folded), lexicon::listed(folded)));
            let date = if may_start_date { MAY_START_DATE } else { 0 };
            (ascii | date, if ascii != 0 { info } else { info.without_pronoun() })
        }
    };
    Token { span, kind: TokenKind::Word, shape: case | shape, info }
}

/// The shape bits, and the word-list facts (from `lists`), of a word of ASCII whose
/// [`lexicon::lowered_key`] is `key` and whose first byte is `first`.
#[inline]
fn ascii_facts(lists: &lexicon::ListedTable, key: u128, first: u8) -> (u8, WordInfo) {
    let info = lists.get(key);
    let date = if info.is(WordList::DateStart) { MAY_START_DATE } else { 0 };
    (ASCII | FIRST_BYTE_SHAPE[usize::from(first)] | date, info)
}

/// The shape bits a word of ASCII takes from its first byte, looked up rather than tested: its
/// case, and a digit's date bit.
const FIRST_BYTE_SHAPE: [u8; 256] = {
    let mut shapes = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        shapes[b] = if byte.is_ascii_lowercase() {
            LOWERCASE_ASCII
        } else if byte.is_ascii_uppercase() {
            CAPITALIZED
        } else if byte.is_ascii_digit() {
            MAY_START_DATE
        } else {
            0
        };
        b += 1;
    }
    shapes
};

/// What the tokenizer's loop asks first of the byte a token may start at, looked up rather than
/// tested: is it an ASCII letter or digit ([`BYTE_ALNUM`]), or ASCII whitespace ([`BYTE_SPACE`])?
const BYTE_CLASS: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_alphanumeric() {
            BYTE_ALNUM
        } else if is_ascii_space(byte) {
            BYTE_SPACE
        } else {
            0
        };
        b += 1;
    }
    classes
};
const BYTE_ALNUM: u8 = 1;
const BYTE_SPACE: u8 = 2;

/// [`char::is_alphanumeric`], answered at once for the characters beyond ASCII that news text
/// has most (quotation marks and dashes, accented Latin letters), which the standard library
/// looks up in its tables.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        // Latin-1 letters and Latin Extended-A and -B: letters all, but for two signs.
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        // General Punctuation: quotation marks, dashes, spaces, no letter.
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The combining accents of Latin, Greek and Cyrillic letters ("e" and U+0301 for "é"): part of
/// the word they are written in, and dropped where words are folded or keyed, as the accents of
/// precomposed letters are.
pub fn is_combining_accent(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The ASCII characters [`char::is_whitespace`] accepts.
#[inline]
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The char at byte `i` of `s`, which is on a char boundary, and its length.
/// Most of news text is ASCII, so a byte is looked at before any decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// How many of the eight bytes of `word` (the first in its lowest byte) are, from the first, ASCII
/// letters or digits (bytes beyond ASCII count as neither), tested all at once.
#[inline]
fn ascii_alnum_prefix(word: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let low = word & !HIGHS;
    // High bit of each byte set where the byte, its high bit cleared, is at least `from`
    // (no byte carries into the next: each sum stays below 0x100).
    let at_least = |x: u64, from: u8| x + ONES * u64::from(0x80 - from);
    let in_range = |x: u64, from: u8, to: u8| at_least(x, from) & !at_least(x, to + 1);
    let letters = in_range(low | (ONES * 0x20), b'a', b'z');
    let digits = in_range(low, b'0', b'9');
    let alnum = (letters | digits) & !word & HIGHS;
    (!alnum & HIGHS).trailing_zeros() as usize / 8
}

/// The eight bytes of `bytes` from `at`, the first in the lowest byte, if there are eight.
#[inline]
fn eight_at(bytes: &[u8], at: usize) -> Option<u64> {
    // The bytes from `at` first, then their first eight: `at + 8` is never computed, so there is
    // no overflow to test for, and `at` is most often known to be inside `bytes` already.
    Some(u64::from_le_bytes(bytes.get(at..)?.get(..8)?.try_into().ok()?))
}

/// The eight bytes of `bytes` from `at`, the first in the lowest byte, with zeros (which are no
/// letters) past the end.
#[inline]
pub(crate) fn eight_from(bytes: &[u8], at: usize) -> u64 {
    eight_at(bytes, at).unwrap_or_else(|| gathered(bytes.get(at..).unwrap_or_default()))
}

/// The bytes of `rest` (fewer than eight), the first in the lowest byte.
fn gathered(rest: &[u8]) -> u64 {
    rest.iter().rev().fold(0, |eight, &b| eight << 8 | u64::from(b))
}

/// Eight ASCII letters and digits lowered: `0x20` set in every byte, which makes a capital small
/// and is set in every digit already (`0x30..=0x39`).
#[inline]
fn alnum_lowered(word: u64) -> u64 {
    word | 0x2020_2020_2020_2020
}

/// The lowest `n` bytes of `word` (`n` below 8), the rest zero.
#[inline]
fn low_bytes(word: u64, n: usize) -> u64 {
    word & ((1u64 << (8 * n)) - 1)
}

/// What the byte after a word of ASCII letters and digits may join to it, looked up at once, as
/// most bytes there (a space, a comma) join nothing: a hyphen, an apostrophe or a byte beyond
/// ASCII may ([`JOINS`]); a dot may ([`DOT`]), after a single letter.
const MAY_JOIN: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'-' | b'\'' | 0x80.. => JOINS,
            b'.' => DOT,
            _ => 0,
        };
        b += 1;
    }
    table
};
const JOINS: u8 = 1;
const DOT: u8 = 2;

/// The word at byte `at` of `bytes` (an ASCII letter or digit) when it is one of at most 15 ASCII
/// letters and digits that the next byte joins nothing more to: its length, its
/// [`lexicon::lowered_key`], read eight bytes at a time, and whether that next byte (read already)
/// is a space.
#[inline]
fn plain_ascii_word(bytes: &[u8], at: usize) -> Option<(usize, u128, bool)> {
    let first = eight_from(bytes, at);
    let len = ascii_alnum_prefix(first);
    // What may join more: a hyphen, an apostrophe, a letter beyond ASCII, or the dot of an
    // initial ("U.S."), which follows a single letter. A possessive ending joins nothing: it is
    // split off ("Trump’s").
    let joins = |next: u8, len: usize| match MAY_JOIN[usize::from(next)] {
        0 => false,
        DOT => len == 1,
        _ => !possessive_at(bytes, at + len),
    };
    if len < 8 {
        // Most words: the byte after the word is among the eight read (zero past the end,
        // which joins nothing), and there is no second half to lower.
        let next = (first >> (8 * len)) as u8;
        if joins(next, len) {
            return None;
        }
        let high = (len as u64) << 56;
        return Some((len, u128::from(low_bytes(alnum_lowered(first), len)) | u128::from(high) << 64, next == b' '));
    }
    let second = eight_from(bytes, at + 8);
    let more = ascii_alnum_prefix(second);
    let len = 8 + more;
    if more == 8 {
        return None;
    }
    // The byte after the word is among the sixteen read (zero past the end).
    let next = (second >> (8 * more)) as u8;
    if joins(next, len) {
        return None;
    }
    let key = u128::from(alnum_lowered(first)) | u128::from(low_bytes(alnum_lowered(second), more) | (len as u64) << 56) << 64;
    Some((len, key, next == b' '))
}

/// Does a possessive ending (`'s` or `’s`, in either case) that nothing joins more to begin at
/// byte `at` of `bytes`? Then [`word_end`] ends the word before it at `at`. Told by bytes: a
/// character beyond ASCII after the `s`, which may be a letter, is left to [`word_end`] (no here).
#[inline]
fn possessive_at(bytes: &[u8], at: usize) -> bool {
    let after = match bytes.get(at..).unwrap_or_default() {
        [b'\'', b's' | b'S', after @ ..] | [0xE2, 0x80, 0x99, b's' | b'S', after @ ..] => after,
        _ => return false,
    };
    after.first().is_none_or(|&b| b.is_ascii() && !b.is_ascii_alphanumeric())
}

/// Splits `text[range]` into tokens.
pub fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(&mut out, text, range);
    out
}

/// [`tokenize`], adding the tokens to `out`.
pub fn tokenize_into(tokens: &mut Vec<Token>, text: &str, range: Span) {
    // Filled as a list of its own, whose length the compiler can keep at hand rather than read
    // and write through the reference at every token, and handed back at the end.
    let mut out = std::mem::take(tokens);
    let slice = &text[range.start..range.end];
    let bytes = slice.as_bytes();
    // News text has a token every five or six bytes; room for one every four saves regrowing.
    out.reserve(slice.len() / 4 + 1);
    let first = out.len();
    let lists = lexicon::listed_table();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = range.start + i;
        let class = BYTE_CLASS[usize::from(b)];
        if class & BYTE_ALNUM != 0 {
            // Most words are letters and digits of ASCII that nothing joins more to: read,
            // lowered and looked up at once.
            if let Some((len, key, spaced)) = plain_ascii_word(bytes, i) {
                let (shape, info) = ascii_facts(lists, key, b);
                out.push(Token { span: Span::new(start, start + len), kind: TokenKind::Word, shape, info });
                // Most words are followed by one space, stepped over here at once.
                i += len + usize::from(spaced);
                continue;
            }
            let end = word_end(slice, i, 1);
            out.push(word_token(Span::new(start, range.start + end), &slice[i..end], b as char));
            i = end;
            continue;
        }
        if class & BYTE_SPACE != 0 {
            i += 1;
            continue;
        }
        let (c, len) = char_at(slice, i);
        if !b.is_ascii() {
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if is_alphanumeric(c) {
                let end = word_end(slice, i, len);
                out.push(word_token(Span::new(start, range.start + end), &slice[i..end], c));
                i = end;
                continue;
            }
        }
        if is_apostrophe(c) {
            let mut rest = slice[i + len..].chars();
            if matches!(rest.next(), Some('s') | Some('S')) && !rest.next().is_some_and(is_alphanumeric) {
                let possessive = out[first..].last().is_some_and(|t: &Token| t.span.end == start && t.kind == TokenKind::Word);
                if possessive {
                    out.push(Token { span: Span::new(start, start + len + 1), kind: TokenKind::Possessive, shape: 0, info: WordInfo::default() });
                    i += len + 1;
                    continue;
                }
            }
        }
        let stop = if matches!(b, b'.' | b'!' | b'?') { STOP } else { 0 };
        // The dot of an initial: a single capital just before it.
        let after_initial = c == '.' && out[first..].last().is_some_and(|t| t.span.len() == 1 && t.is_capitalized_word() && t.span.end == start);
        let quote = crate::quotes::is_quote_char(c);
        let opens_after = match c {
            // A quotation mark passes on what the token before it says (a word's: no).
            _ if quote => out[first..].last().is_none_or(|t| t.shape & OPENS_AFTER != 0),
            '.' if after_initial => false,
            '.' | '!' | '?' | ':' | '—' | '–' | '-' | '(' | '…' => true,
            _ => false,
        };
        let shape = stop | if quote { QUOTE_MARK } else { 0 } | if opens_after { OPENS_AFTER } else { 0 };
        out.push(Token { span: Span::new(start, start + len), kind: TokenKind::Punct, shape, info: WordInfo::default() });
        i += len;
    }
    *tokens = out;
}

/// Where the word that starts at byte `start` of `slice`, with a letter or digit `first_len`
/// bytes long, ends: letters and digits, joined by inner hyphens, apostrophes and initials' dots.
fn word_end(slice: &str, start: usize, first_len: usize) -> usize {
    let bytes = slice.as_bytes();
    let mut end = start + first_len;
    let mut segment_letters = 1usize;
    let mut dotted = false;
    while end < bytes.len() {
        // Eight bytes at a time while they hold letters and digits: most words end
        // within the first eight, found without a test (and a guess) per byte.
        if let Some(eight) = eight_at(bytes, end) {
            let alnum = ascii_alnum_prefix(eight);
            end += alnum;
            segment_letters += alnum;
            if alnum == 8 {
                continue;
            }
        }
        let b = bytes[end];
        if b.is_ascii_alphanumeric() {
            end += 1;
            segment_letters += 1;
            continue;
        }
        // Most words end at a space or a plain stop: only a hyphen, an apostrophe, a dot
        // or a character beyond ASCII can join more to the word.
        if b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.') {
            break;
        }
        let (d, d_len) = char_at(slice, end);
        if is_alphanumeric(d) {
            end += d_len;
            segment_letters += 1;
            continue;
        }
        // "José" written as "e" and a combining acute (as some systems and scrapers write it) is
        // one word, and the accent no letter of its own.
        if is_combining_accent(d) {
            end += d_len;
            continue;
        }
        let after = &slice[end + d_len..];
        let next = after.chars().next();
        let joins = match d {
            '-' | '\u{2011}' => next.is_some_and(is_alphanumeric),
            '\'' | '’' => {
                // "don't", "O'Brien" stay one word; a possessive "'s" is split off.
                let possessive = matches!(next, Some('s' | 'S')) && !after[1..].chars().next().is_some_and(is_alphanumeric);
                next.is_some_and(char::is_alphabetic) && !possessive
            }
            '.' => {
                // Initials with dots: "U.S.", "U.N.", but not "end.Next".
                segment_letters == 1 && (dotted || next.is_some_and(|n| n.is_alphabetic()))
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end += d_len;
        if d == '.' {
            dotted = true;
            // A trailing dot closes initials ("U.S."): take it and stop.
            let Some(letter) = next.filter(|n| n.is_alphabetic()) else { break };
            end += letter.len_utf8();
            segment_letters = 1;
        } else {
            segment_letters = 0;
        }
    }
    end
}

/// Does a sentence open at `toks[i]` (`toks` a paragraph's tokens), as far as the tokens before it
/// say? Back to the paragraph's start, the first token before it that is no quotation mark is a
/// stop, a colon, a dash, an opening bracket or an ellipsis (but not the dot of an initial), or
/// there is none. (A capitalised word at which none opens is capitalised mid-sentence.)
#[inline]
pub fn opens_sentence(toks: &[Token], i: usize) -> bool {
    i == 0 || toks[i - 1].shape & OPENS_AFTER != 0
}

/// The index of the first of `toks` from `from` on with any of the shape bits `bits`: the tokens
/// are read four at a time, their bits taken together, as most have none of them (stages look
/// for stops, quotation marks and words that may start a date among all the words).
#[inline]
fn first_with_shape(toks: &[Token], from: usize, bits: u8) -> Option<usize> {
    let rest = toks.get(from..)?;
    let fours = rest.chunks_exact(4).position(|four| (four[0].shape | four[1].shape | four[2].shape | four[3].shape) & bits != 0);
    let at = 4 * fours.unwrap_or(rest.len() / 4);
    rest[at..].iter().position(|t| t.shape & bits != 0).map(|k| from + at + k)
}

/// The index of the first stop ([`Token::is_stop`]) of `toks` from `from` on.
pub fn next_stop(toks: &[Token], from: usize) -> Option<usize> {
    first_with_shape(toks, from, STOP)
}

/// The index of the first quotation mark or apostrophe that is no part of a word (what
/// [`crate::quotes`] pairs) of `toks` from `from` on.
pub fn next_quote_mark(toks: &[Token], from: usize) -> Option<usize> {
    first_with_shape(toks, from, QUOTE_MARK)
}

/// The index of the first word of `toks` from `from` on that may start a date
/// ([`Token::may_start_date`]).
pub fn next_date_start(toks: &[Token], from: usize) -> Option<usize> {
    first_with_shape(toks, from, MAY_START_DATE)
}

/// The index of the first of `toks` (sorted) from `from` on that starts at `at` or later, or
/// `toks.len()`: what `toks.partition_point(|t| t.span.start < at)` gives when no token before
/// `from` starts at `at` or later, found by reading on from `from`, which for the end of a name
/// or a phrase of a few words costs less than halving the whole list.
pub fn first_starting_from(toks: &[Token], from: usize, at: usize) -> usize {
    from + toks[from..].iter().take_while(|t| t.span.start < at).count()
}

/// The tokens of `all` (sorted, non-overlapping) that lie inside `span`.
pub fn within(all: &[Token], span: Span) -> &[Token] {
    let from = all.partition_point(|t| t.span.start < span.start);
    let to = all.partition_point(|t| t.span.end <= span.end);
    &all[from..to.max(from)]
}

/// True when the word starts with an uppercase letter.
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// True when every letter of the word is uppercase and it has at least two.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "rev", "hon", "no", "vs", "etc",
    "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept",
    "univ", "fig", "pres", "adm", "maj", "cmdr",
];

const LONGEST_ABBREVIATION: usize = 6;

/// [`ABBREVIATIONS`] as numbers, a byte each letter from the lowest (see [`lowered_key`]): a word
/// is compared with all of them a number at a time, not a letter at a time.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        let letters = ABBREVIATIONS[i].as_bytes();
        let mut j = 0;
        while j < letters.len() {
            keys[i] |= (letters[j] as u64) << (8 * j);
            j += 1;
        }
        i += 1;
    }
    keys
};

/// The word's bytes, ASCII capitals lowered, as one number, a byte each from the lowest, for a
/// word of at most eight bytes. (No byte of a word is zero, so words of different lengths differ.)
fn lowered_key(word: &[u8]) -> u64 {
    word.iter().rev().fold(0, |key, b| key << 8 | u64::from(b.to_ascii_lowercase()))
}

/// Is `w` one of the [`ABBREVIATIONS`], in any case?
fn is_abbreviation(w: &str) -> bool {
    w.len() <= LONGEST_ABBREVIATION && ABBREVIATION_KEYS.contains(&lowered_key(w.as_bytes()))
}

/// Sentence spans of a paragraph. Stops inside `protected` spans (quotations)
/// never end a sentence, so a quote is never cut in two.
pub fn sentences(text: &str, paragraph: Span, protected: &[Span]) -> Vec<Span> {
    sentences_in(text, paragraph, &tokenize(text, paragraph), protected)
}

/// [`sentences`] over the paragraph's tokens, already made.
pub fn sentences_in(text: &str, paragraph: Span, tokens: &[Token], protected: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    sentences_into(text, paragraph, tokens, protected, &mut out);
    out.into_iter().map(|s| s.span).collect()
}

/// A sentence of a paragraph, and where its tokens are among the paragraph's: the finder knows
/// them as it goes, so a reader of the sentence's words need not search for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// The paragraph's tokens `first..end` are those [`within`] the sentence.
    first: usize,
    end: usize,
}

impl Sentence {
    /// The sentence's tokens, of the paragraph's `all` it was found in.
    pub fn tokens<'t>(&self, all: &'t [Token]) -> &'t [Token] {
        &all[self.first..self.end]
    }
}

/// [`sentences_in`] with each sentence's tokens, into `out` (cleared first), so that a caller
/// reading paragraph after paragraph keeps one buffer.
pub fn sentences_into(text: &str, paragraph: Span, tokens: &[Token], protected: &[Span], out: &mut Vec<Sentence>) {
    out.clear();
    // Room for a sentence every sixteen tokens, which few paragraphs outgrow.
    out.reserve(tokens.len() / 16 + 1);
    let mut start = paragraph.start;
    // The first token that starts at or after `start`: a sentence's first token. Tokens are in
    // order and never empty, so a sentence that ends at token `j - 1`'s end holds those before `j`.
    let mut first = tokens.partition_point(|t| t.span.start < start);
    let mut p = protected.iter().peekable();
    let mut from = 0;
    // The tokenizer noted which marks are stops: the search for the next asks nothing else.
    while let Some(i) = next_stop(tokens, from) {
        from = i + 1;
        let t = &tokens[i];
        let s = t.text(text);
        while p.peek().is_some_and(|q| q.end <= t.span.start) {
            p.next();
        }
        if p.peek().is_some_and(|q| q.start <= t.span.start && t.span.end <= q.end) {
            continue;
        }
        if s == "." && i > 0 {
            let prev = tokens[i - 1];
            if prev.is_word() && prev.span.end == t.span.start {
                let w = prev.text(text);
                if is_abbreviation(w) || (w.chars().count() == 1 && is_capitalized(w)) {
                    continue;
                }
            }
        }
        // A stop ends the sentence only before a capital, a digit, a quote mark or the end.
        let mut end = t.span.end;
        let mut j = i + 1;
        while j < tokens.len() && tokens[j].kind == TokenKind::Punct && tokens[j].span.start == end && is_closing_punct(tokens[j].text(text)) {
            end = tokens[j].span.end;
            j += 1;
        }
        let next_ok = match tokens.get(j) {
            None => true,
            Some(n) => {
                let ns = n.text(text);
                let c = ns.chars().next().unwrap_or(' ');
                c.is_uppercase() || c.is_ascii_digit() || crate::quotes::is_quote_char(c) || c == '(' || c == '['
            }
        };
        if next_ok && end > start {
            out.push(Sentence { span: Span::new(start, end), first, end: j.max(first) });
            (start, first) = match tokens.get(j) {
                Some(n) => (n.span.start, j),
                None => (paragraph.end, tokens.partition_point(|t| t.span.start < paragraph.end)),
            };
        }
    }
    if start < paragraph.end && !text[start..paragraph.end].trim().is_empty() {
        let end = tokens.partition_point(|t| t.span.end <= paragraph.end);
        out.push(Sentence { span: Span::new(start, paragraph.end), first, end: end.max(first) });
    }
}

fn is_closing_punct(s: &str) -> bool {
    matches!(s, ")" | "]" | "\"" | "”" | "’" | "'" | "»")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, Span::new(0, s.len())).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn eight_bytes_at_once_count_letters_and_digits_as_one_at_a_time() {
        for bytes in [*b"abcdefgh", *b"Zz09AZaz", *b"ab cdefg", *b"@[`{/:az", *b"xyz\xc3\xa9abc", *b"0123456-", *b" abcdefg", *b"AZ`az{09"] {
            let one_at_a_time = bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            assert_eq!(ascii_alnum_prefix(u64::from_le_bytes(bytes)), one_at_a_time, "{bytes:?}");
        }
    }

    #[test]
    fn bytes_are_classed_and_lowered_as_tested_one_by_one() {
        for b in 0..=255u8 {
            let class = BYTE_CLASS[usize::from(b)];
            assert_eq!(class & BYTE_ALNUM != 0, b.is_ascii_alphanumeric(), "{b:#x}");
            assert_eq!(class & BYTE_SPACE != 0, b.is_ascii() && char::from(b).is_whitespace(), "{b:#x}");
            if b.is_ascii_alphanumeric() {
                assert_eq!(alnum_lowered(u64::from(b)) as u8, b.to_ascii_lowercase(), "{b:#x}");
            }
        }
    }

    #[test]
    fn bytes_that_may_join_a_word_are_looked_up_as_tested_one_by_one() {
        for b in 0..=255u8 {
            let plainly = match b {
                b'-' | b'\'' => JOINS,
                b'.' => DOT,
                _ if !b.is_ascii() => JOINS,
                _ => 0,
            };
            assert_eq!(MAY_JOIN[usize::from(b)], plainly, "{b:#x}");
        }
    }

    #[test]
    fn a_word_with_combining_accents_is_one_word_and_keys_as_its_composed_form() {
        let decomposed = "Jose\u{301} Ordo\u{301}n\u{303}ez said";
        let words: Vec<&str> = tokenize(decomposed, Span::new(0, decomposed.len())).iter().map(|t| t.text(decomposed)).collect();
        assert_eq!(words, ["Jose\u{301}", "Ordo\u{301}n\u{303}ez", "said"]);
        let article = |name: &str| crate::extract_text("t", format!("Harbour news\n\n“We will win,” said {name} on Monday."));
        let (composed, decomposed) = (article("José Ordóñez"), article("Jose\u{301} Ordo\u{301}n\u{303}ez"));
        assert_eq!(decomposed.quotes[0].speaker.as_deref(), Some("jose-ordonez"));
        assert_eq!(composed.quotes[0].speaker, decomposed.quotes[0].speaker);
    }

    #[test]
    fn alphanumerics_are_those_of_the_standard_library() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_paragraph_is_tokenized_as_if_the_text_ended_with_it(
            before in "[A-Za-z0-9 .'-]{0,12}",
            paragraph in "([A-Za-z0-9]{1,17}|[ .,'’-]|U\\.S\\.|é)*",
            after in "[A-Za-z0-9.'’-]{0,20}",
        ) {
            // Words are read eight bytes at a time, gathered one by one near the paragraph's end:
            // what follows the paragraph must change nothing.
            let text = format!("{before}{paragraph}{after}");
            let range = Span::new(before.len(), before.len() + paragraph.len());
            let alone: Vec<Token> = tokenize(&paragraph, Span::new(0, paragraph.len()))
                .into_iter()
                .map(|t| Token { span: Span::new(t.span.start + range.start, t.span.end + range.start), ..t })
                .collect();
            proptest::prop_assert_eq!(tokenize(&text, range), alone, "{:?}", text);
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_with_a_shape_are_found_four_at_a_time_as_one_at_a_time(s in "[a-z0-9 .“”!]{0,60}", from in 0..40usize) {
            let toks = tokenize(&s, Span::new(0, s.len()));
            let from = from.min(toks.len());
            for bits in [STOP, QUOTE_MARK, MAY_START_DATE] {
                let one_at_a_time = toks[from..].iter().position(|t| t.shape & bits != 0).map(|k| from + k);
                proptest::prop_assert_eq!(first_with_shape(&toks, from, bits), one_at_a_time, "{:?} {}", s, bits);
            }
        }

        #[test]
        fn reading_on_finds_the_first_token_from_a_point_as_halving_does(s in "[a-z .,'’]{0,60}", from in 0..40usize, at in 0..70usize) {
            let toks = tokenize(&s, Span::new(0, s.len()));
            let from = from.min(toks.len());
            // Reading on starts where no earlier token starts at `at` or later.
            let from = from.min(toks.partition_point(|t| t.span.start < at));
            proptest::prop_assert_eq!(first_starting_from(&toks, from, at), toks.partition_point(|t| t.span.start < at));
        }
    }

    proptest::proptest! {
        #[test]
        fn abbreviations_are_found_by_number_as_by_their_letters(word in "[a-zA-Z.é]{0,7}", pick in 0..ABBREVIATIONS.len(), capitals in 0..64u32) {
            let listed: String = ABBREVIATIONS[pick].chars().enumerate().map(|(i, c)| if capitals >> i & 1 == 1 { c.to_ascii_uppercase() } else { c }).collect();
            for w in [word.as_str(), &listed] {
                let by_letters = w.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w));
                proptest::prop_assert_eq!(is_abbreviation(w), by_letters, "{:?}", w);
            }
        }

        #[test]
        fn eight_bytes_at_once_agree_with_one_at_a_time(bytes in proptest::array::uniform8(proptest::prelude::any::<u8>())) {
            proptest::prop_assert_eq!(ascii_alnum_prefix(u64::from_le_bytes(bytes)), bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count());
        }

        #[test]
        fn tokens_are_those_made_one_character_at_a_time(
            s in "([A-Za-z0-9]{1,12}|[ .,'’\\-‑“”!?:(—–…\"]|'s|’S|U\\.S\\.|[A-Z]\\.|é|ß|İ|É|\t|\u{a0}|\u{2003})*|\\PC{0,30}",
            words in proptest::collection::vec((0..DATE_AND_PRONOUN_WORDS.len(), 0..256u32, "[ .,'\\-]"), 0..8),
        ) {
            // Words the facts name (months, weekdays, pronouns), in any case, between other text.
            let mut text = s.clone();
            for (pick, capitals, gap) in &words {
                let word: String = DATE_AND_PRONOUN_WORDS[*pick].chars().enumerate()
                    .map(|(i, c)| if capitals >> (i % 8) & 1 == 1 { c.to_ascii_uppercase() } else { c }).collect();
                text.push_str(&word);
                text.push_str(gap);
            }
            for text in [&s, &text] {
                let whole = Span::new(0, text.len());
                let toks = tokenize(text, whole);
                for i in 0..toks.len() {
                    proptest::prop_assert_eq!(opens_sentence(&toks, i), opens_sentence_plainly(text, &toks, i), "{:?} at {}", text, i);
                }
                proptest::prop_assert_eq!(toks, tokenize_plainly(text), "{:?}", text);
            }
        }
    }

    /// Words whose facts the tokenizer must not miss, however they are written.
    const DATE_AND_PRONOUN_WORDS: &[&str] = &[
        "march",
        "may",
        "sept",
        "sep",
        "december",
        "monday",
        "today",
        "last",
        "this",
        "next",
        "he",
        "her",
        "hers",
        "themselves",
        "its",
        "i",
        "us",
        "mayor",
        "marches",
        "2023",
        "31st",
        "news",
        "the",
        "said",
        "minister",
    ];

    /// The tokens of `text`, made one character at a time, each word's facts found by folding it
    /// and looking the fold up: what the tokenizer must equal.
    fn tokenize_plainly(text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let offset = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
        let none = WordInfo::default();
        let mut out: Vec<Token> = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let (start, c) = chars[k];
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            if !c.is_alphanumeric() {
                let possessive = (c == '\'' || c == '’')
                    && matches!(at(k + 1), Some('s' | 'S'))
                    && !at(k + 2).is_some_and(char::is_alphanumeric)
                    && out.last().is_some_and(|t| t.kind == TokenKind::Word && t.span.end == start);
                let (kind, next) = if possessive { (TokenKind::Possessive, k + 2) } else { (TokenKind::Punct, k + 1) };
                let stop = if kind == TokenKind::Punct && matches!(c, '.' | '!' | '?') { STOP } else { 0 };
                let quote = if kind == TokenKind::Punct && crate::quotes::is_quote_char(c) { QUOTE_MARK } else { 0 };
                out.push(Token { span: Span::new(start, offset(next)), kind, shape: stop | quote, info: none });
                k = next;
                continue;
            }
            let (mut j, mut segment, mut dotted) = (k + 1, 1, false);
            while let Some(d) = at(j) {
                if d.is_alphanumeric() {
                    j += 1;
                    segment += 1;
                    continue;
                }
                if super::is_combining_accent(d) {
                    j += 1;
                    continue;
                }
                let next = at(j + 1);
                let joins = match d {
                    '-' | '\u{2011}' => next.is_some_and(char::is_alphanumeric),
                    '\'' | '’' => {
                        // A possessive "'s" is split off.
                        let possessive = matches!(next, Some('s' | 'S')) && !at(j + 2).is_some_and(char::is_alphanumeric);
                        next.is_some_and(char::is_alphabetic) && !possessive
                    }
                    '.' => segment == 1 && (dotted || next.is_some_and(char::is_alphabetic)),
                    _ => false,
                };
                if !joins {
                    break;
                }
                j += 1;
                if d == '.' {
                    dotted = true;
                    if !next.is_some_and(char::is_alphabetic) {
                        break;
                    }
                    j += 1;
                    segment = 1;
                } else {
                    segment = 0;
                }
            }
            let word = &text[start..offset(j)];
            let fold = lexicon::fold(word);
            let case = if c.is_ascii_lowercase() {
                LOWERCASE_ASCII
            } else if c.is_uppercase() {
                CAPITALIZED
            } else {
                0
            };
            let ascii = if word.is_ascii() { ASCII } else { 0 };
            let date = if crate::dates::may_start_date(&fold) { MAY_START_DATE } else { 0 };
            let info = lexicon::listed(&fold).without_pronoun();
            let token = Token { span: Span::new(start, offset(j)), kind: TokenKind::Word, shape: case | ascii | date, info };
            // A pronoun, as resolution first read them: ASCII bytes, lowered.
            let pronoun = match word.to_ascii_lowercase().as_str() {
                _ if !word.is_ascii() => None,
                "he" | "him" | "himself" => Some((Pronoun::He, false)),
                "his" => Some((Pronoun::He, true)),
                "she" | "herself" => Some((Pronoun::She, false)),
                "her" | "hers" => Some((Pronoun::She, true)),
                "it" | "itself" => Some((Pronoun::It, false)),
                "its" => Some((Pronoun::It, true)),
                "they" | "them" | "themselves" => Some((Pronoun::They, false)),
                "their" => Some((Pronoun::They, true)),
                "i" | "me" | "myself" => Some((Pronoun::I, false)),
                "my" => Some((Pronoun::I, true)),
                "we" | "us" => Some((Pronoun::We, false)),
                "our" => Some((Pronoun::We, true)),
                _ => None,
            };
            let info = if pronoun.is_some() { lexicon::listed(&fold) } else { info };
            assert_eq!(Token { info, ..token }.pronoun(), pronoun, "{word:?}");
            out.push(Token { info, ..token });
            k = j;
        }
        // A sentence may open after a token when it may open at the next (after a word it never does).
        let opens_after: Vec<bool> = (0..out.len()).map(|i| opens_sentence_plainly(text, &out, i + 1)).collect();
        for (t, opens_after) in out.iter_mut().zip(opens_after) {
            if opens_after {
                t.shape |= OPENS_AFTER;
            }
        }
        out
    }

    /// Does a sentence open at `toks[i]`, read back from the tokens before it (as name recognition
    /// first read it of every capitalised word)?
    fn opens_sentence_plainly(text: &str, toks: &[Token], i: usize) -> bool {
        let mut j = i;
        while j > 0 {
            // Only punctuation ends a sentence: after a word, there is nothing to read.
            if toks[j - 1].kind != TokenKind::Punct {
                return false;
            }
            let p = toks[j - 1].text(text);
            if crate::quotes::is_quote_char(p.chars().next().unwrap_or(' ')) {
                j -= 1;
                continue;
            }
            // The dot of a middle initial ("Olaf J. Brenner") ends no sentence.
            let after_initial = p == "." && j >= 2 && {
                let initial = toks[j - 2].text(text);
                initial.len() == 1 && toks[j - 2].is_capitalized_word() && toks[j - 2].span.end == toks[j - 1].span.start
            };
            return matches!(p, "." | "!" | "?" | ":" | "—" | "–" | "-" | "(" | "…") && !after_initial;
        }
        true
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_compared_with_folded_words_as_their_folds_are(
            s in "([A-Za-z]{1,4}|[Tt][Hh][Ee]|[Tt][Oo]|[Ww][Hh][Oo]|[ .,'é]|É[Nn]|ÀT)*",
            pick in proptest::collection::vec(0..FOLDED_WORDS.len(), 0..4),
        ) {
            let words: Vec<&str> = pick.iter().map(|&i| FOLDED_WORDS[i]).collect();
            for t in tokenize(&s, Span::new(0, s.len())) {
                let fold = lexicon::fold(t.text(&s));
                proptest::prop_assert_eq!(t.is_folded_any(&s, &words), words.contains(&fold.as_str()), "{:?} {:?}", t.text(&s), words);
                for w in &words {
                    proptest::prop_assert_eq!(t.is_folded(&s, w), fold == *w, "{:?} {:?}", t.text(&s), w);
                }
            }
        }
    }

    /// Lowercase words that tokens are compared with, one beyond ASCII.
    const FOLDED_WORDS: &[&str] = &["the", "to", "who", "a", "en", "at", ",", "."];

    #[test]
    fn marks_are_listed_as_when_looked_up_as_written() {
        for mark in COMMON_MARKS.iter().chain(&["'s", ",", ".", "«", "…", "-"]) {
            assert_eq!(mark_listed(mark), lexicon::listed_as_written(mark), "{mark:?}");
        }
    }

    #[test]
    fn splits_possessives_and_keeps_contractions() {
        assert_eq!(words("Oslo’s mayor can't go"), ["Oslo", "’s", "mayor", "can't", "go"]);
        assert_eq!(words("the U.S. and pro-EU groups."), ["the", "U.S.", "and", "pro-EU", "groups", "."]);
    }

    #[test]
    fn abbreviations_are_no_longer_than_the_test_on_them_reads() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= LONGEST_ABBREVIATION));
        let s = "Troops left Mt. Olive at dawn. APPROX. three hours later, Sgt. Lee spoke.";
        let got: Vec<&str> = sentences(s, Span::new(0, s.len()), &[]).iter().map(|x| x.text(s)).collect();
        assert_eq!(got, ["Troops left Mt. Olive at dawn.", "APPROX. three hours later, Sgt. Lee spoke."]);
    }

    #[test]
    fn sentences_skip_abbreviations_and_quotes() {
        let s = "Mr. Brown left. \"Stop. Now,\" she said. Then rain.";
        let q = s.find('"').unwrap();
        let qe = s[q + 1..].find('"').unwrap() + q + 2;
        let got: Vec<&str> = sentences(s, Span::new(0, s.len()), &[Span::new(q, qe)]).iter().map(|x| x.text(s)).collect();
        assert_eq!(got, ["Mr. Brown left.", "\"Stop. Now,\" she said.", "Then rain."]);
    }

    proptest::proptest! {
        #[test]
        fn a_sentences_tokens_are_those_halving_finds_within_it(
            before in "[A-Za-z .]{0,8}",
            paragraph in "([A-Z][a-z]{0,6}|[a-z]{1,6}|[0-9]{1,3}|Mr|U\\.S\\.|[ .!?,)”’\"“]|  )*",
            after in "[A-Za-z .]{0,8}",
            quote in (0..80usize, 0..30usize),
        ) {
            let text = format!("{before}{paragraph}{after}");
            let range = Span::new(before.len(), before.len() + paragraph.len());
            let toks = tokenize(&text, range);
            // A protected span from token to token, as quotes are.
            let protected: Vec<Span> = toks.get(quote.0 % toks.len().max(1)).map(|first| {
                let last = toks[(quote.0 % toks.len() + quote.1).min(toks.len() - 1)];
                Span::new(first.span.start, last.span.end)
            }).into_iter().collect();
            let mut found = Vec::new();
            sentences_into(&text, range, &toks, &protected, &mut found);
            for sentence in &found {
                proptest::prop_assert_eq!(sentence.tokens(&toks), within(&toks, sentence.span), "{:?} {:?}", text, sentence.span);
            }
        }
    }
}
