//! Words and punctuation with byte offsets, and sentence boundaries.

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
    /// What the tokenizer saw of a word's first letters (bits below): every stage asks
    /// of every token, and need not look at the text again.
    shape: u8,
}

const CAPITALIZED: u8 = 1;
const LOWERCASE_ASCII: u8 = 2;
const MAY_START_DATE: u8 = 4;

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
    /// False when the word cannot begin a date ([`crate::dates`] says which can).
    #[inline]
    pub fn may_start_date(&self) -> bool {
        self.shape & MAY_START_DATE != 0
    }
}

/// The shape bits of the word `word`, whose first character is `first`.
fn word_shape(word: &[u8], first: char) -> u8 {
    let case = if first.is_ascii_lowercase() {
        LOWERCASE_ASCII
    } else if first.is_uppercase() {
        CAPITALIZED
    } else {
        0
    };
    case | if crate::dates::may_start_date_bytes(word) { MAY_START_DATE } else { 0 }
}

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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
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

/// How many of the eight bytes, from the first, are ASCII letters or digits (bytes beyond
/// ASCII count as neither), tested all at once in one 64-bit number.
fn ascii_alnum_prefix(eight: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut word = [0u8; 8];
    word.copy_from_slice(eight);
    let word = u64::from_le_bytes(word);
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

/// Splits `text[range]` into tokens.
pub fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(&mut out, text, range);
    out
}

/// [`tokenize`], adding the tokens to `out`.
pub fn tokenize_into(out: &mut Vec<Token>, text: &str, range: Span) {
    let slice = &text[range.start..range.end];
    let bytes = slice.as_bytes();
    // News text has a token every five or six bytes; room for one every four saves regrowing.
    out.reserve(slice.len() / 4 + 1);
    let first = out.len();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            i += 1;
            continue;
        }
        let (c, len) = char_at(slice, i);
        let start = range.start + i;
        // Most tokens are words that start with an ASCII letter or digit: no more to ask of them.
        if !b.is_ascii_alphanumeric() && c.is_whitespace() {
            i += len;
            continue;
        }
        if !b.is_ascii_alphanumeric() && !is_alphanumeric(c) {
            if is_apostrophe(c) {
                let mut rest = slice[i + len..].chars();
                if matches!(rest.next(), Some('s') | Some('S')) && !rest.next().is_some_and(is_alphanumeric) {
                    let possessive = out[first..].last().is_some_and(|t: &Token| t.span.end == start && t.kind == TokenKind::Word);
                    if possessive {
                        out.push(Token { span: Span::new(start, start + len + 1), kind: TokenKind::Possessive, shape: 0 });
                        i += len + 1;
                        continue;
                    }
                }
            }
            out.push(Token { span: Span::new(start, start + len), kind: TokenKind::Punct, shape: 0 });
            i += len;
            continue;
        }
        let mut end = i + len;
        let mut segment_letters = 1usize;
        let mut dotted = false;
        while end < bytes.len() {
            // Eight bytes at a time while they hold letters and digits: most words end
            // within the first eight, found without a test (and a guess) per byte.
            if let Some(eight) = bytes.get(end..end + 8) {
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
        out.push(Token { span: Span::new(start, range.start + end), kind: TokenKind::Word, shape: word_shape(&bytes[i..end], c) });
        i = end;
    }
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
    let mut start = paragraph.start;
    let mut p = protected.iter().peekable();
    for (i, t) in tokens.iter().enumerate() {
        // A stop is one ASCII character: its byte tells, without slicing the text.
        if t.kind != TokenKind::Punct || !matches!(text.as_bytes().get(t.span.start), Some(b'.' | b'!' | b'?')) {
            continue;
        }
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
            out.push(Span::new(start, end));
            start = tokens.get(j).map_or(paragraph.end, |n| n.span.start);
        }
    }
    if start < paragraph.end && !text[start..paragraph.end].trim().is_empty() {
        out.push(Span::new(start, paragraph.end));
    }
    out
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
            assert_eq!(ascii_alnum_prefix(&bytes), one_at_a_time, "{bytes:?}");
        }
    }

    #[test]
    fn alphanumerics_are_those_of_the_standard_library() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
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
            proptest::prop_assert_eq!(ascii_alnum_prefix(&bytes), bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count());
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
}
