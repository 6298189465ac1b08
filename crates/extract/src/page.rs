//! What a web page holds besides its article: navigation, bylines, credits, lists of other
//! headlines, footers.
//!
//! Scrapers deliver news pages with all of it, often on one line whose paragraphs are run
//! together with two spaces. [`split_run_together`] cuts such a line where the page's own
//! signals say a paragraph ends; [`is_boilerplate`] says which paragraphs are no part of the
//! article (they are dropped, so their names are no entities and their words no headline);
//! [`credits`] finds the bylines and credits that stay in the text but whose names are never a
//! quote's speaker.

use crate::Span;

/// No marker ("Advertisement", "Sign up for our newsletter") is longer than this.
const LONGEST_MARKER: usize = 40;

/// No navigation line, marker, timestamp, list of headlines or byline is longer than this.
const LONGEST_FURNITURE: usize = 300;

/// A line this long in a text of a few lines is a page run together, not a paragraph.
const RUN_TOGETHER: usize = 600;

/// `s.split_whitespace()`, read a byte at a time: an ASCII byte (most of news text) is told
/// from whitespace by a match, and only other characters are decoded.
pub(crate) fn words(s: &str) -> Words<'_> {
    Words { s, next: 0 }
}

/// The words of a text, as [`words`] finds them: an iterator of its own, so that callers, which
/// read a few words of many lines, have each word found inline rather than through a call.
pub(crate) struct Words<'a> {
    s: &'a str,
    /// Where the search for the next word starts.
    next: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        let s = self.s;
        let mut i = self.next;
        while i < s.len() && is_space_at(s, i) {
            i += utf8_len(s.as_bytes()[i]);
        }
        let start = i;
        while i < s.len() {
            // Eight bytes at a time while they are plain ASCII, neither space nor control.
            if let Some(eight) = s.as_bytes().get(i..i + 8) {
                let plain = plain_ascii_prefix(u64::from_le_bytes(eight.try_into().unwrap_or_default()));
                i += plain;
                if plain == 8 {
                    continue;
                }
            }
            if i >= s.len() || is_space_at(s, i) {
                break;
            }
            i += utf8_len(s.as_bytes()[i]);
        }
        self.next = i;
        (i > start).then(|| &s[start..i])
    }
}

/// How many of the eight bytes (the first in the lowest) are, from the first, ASCII characters
/// from `!` to DEL, none of which is whitespace.
/// Tested all at once.
#[inline(always)]
fn plain_ascii_prefix(eight: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    // A byte's high bit, its own cleared, is set by adding 0x5F when it is at least 0x21 (no
    // byte carries into the next).
    let at_least_bang = ((eight & !HIGHS) + ONES * (0x80 - 0x21)) & HIGHS;
    let plain = at_least_bang & !eight;
    (!plain & HIGHS).trailing_zeros() as usize / 8
}

/// Is the character at byte `i` of `s` (a char boundary) whitespace?
#[inline(always)]
fn is_space_at(s: &str, i: usize) -> bool {
    match s.as_bytes()[i] {
        // The ASCII characters `char::is_whitespace` accepts.
        b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => true,
        b if b.is_ascii() => false,
        _ => s[i..].chars().next().is_some_and(char::is_whitespace),
    }
}

/// The length of the UTF-8 character whose first byte is `b`.
#[inline(always)]
fn utf8_len(b: u8) -> usize {
    match b {
        0..0xE0 => 1 + usize::from(b >= 0x80),
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// `s.contains(['“', '”', '"'])`, by bytes: `"` is one, and the curly marks are E2 80 9C and
/// E2 80 9D.
fn has_double_quote(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, b).any(|i| b[i] == b'"' || matches!(b.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])))
}

/// `s.contains(',')`, by bytes, with `memchr`: asked of most paragraphs, which are short.
fn has_comma(s: &str) -> bool {
    memchr::memchr(b',', s.as_bytes()).is_some()
}

/// `s.contains('©')`, by bytes: © is C2 A9, and A9 follows C2 in no other character.
fn has_copyright_sign(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(0xA9, b).any(|i| i > 0 && b[i - 1] == 0xC2)
}

/// Splits the lines of a page whose paragraphs were run together: at runs of two or more
/// spaces, or, on a line that has none, at the ends of sentences outside quotation marks.
/// Other texts keep their lines.
pub fn split_run_together(text: &str, lines: Vec<Span>) -> Vec<Span> {
    if lines.len() > 3 || lines.iter().all(|l| l.len() < RUN_TOGETHER) {
        return lines;
    }
    let mut out = Vec::new();
    for line in lines {
        if line.len() < RUN_TOGETHER {
            out.push(line);
            continue;
        }
        let pieces = split_at_wide_spaces(text, line);
        if pieces.len() > 1 {
            out.extend(pieces);
        } else {
            out.extend(split_at_sentence_ends(text, line));
        }
    }
    out
}

/// The pieces of `line` between runs of two or more whitespace characters.
fn split_at_wide_spaces(text: &str, line: Span) -> Vec<Span> {
    let s = line.text(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut run_start = None;
    let mut run_len = 0;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if run_start.is_none() {
                run_start = Some(i);
            }
            run_len += 1;
            continue;
        }
        if let Some(rs) = run_start.take() {
            if run_len >= 2 && rs > start {
                out.push(Span::new(line.start + start, line.start + rs));
                start = i;
            }
        }
        run_len = 0;
    }
    out.push(Span::new(line.start + start, line.end));
    out.into_iter().filter_map(|p| crate::layout::trim(text, p)).collect()
}

/// The sentences of a page run together with single spaces: a stop (and the closing marks after
/// it) before a capital ends one, outside quotation marks; so does a closing mark that a capital
/// follows with no space ("…win.”The council").
fn split_at_sentence_ends(text: &str, line: Span) -> Vec<Span> {
    let s = line.text(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut open = false;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '“' => open = true,
            '”' => open = false,
            '"' => open = !open,
            _ => {}
        }
        let next = chars.peek().map(|&(_, n)| n);
        let stop = matches!(c, '.' | '!' | '?') && !open;
        let closes = matches!(c, '”' | '"') && !open;
        let end = i + c.len_utf8();
        let boundary = match next {
            Some(' ') if stop || closes && s[..i].ends_with(['.', '!', '?', ',']) => {
                let rest = s[end..].trim_start();
                rest.starts_with(|n: char| n.is_uppercase() || matches!(n, '“' | '"'))
            }
            Some(n) if closes && n.is_uppercase() => true,
            _ => false,
        };
        if boundary && end > start {
            out.push(Span::new(line.start + start, line.start + end));
            start = end;
        }
    }
    out.push(Span::new(line.start + start, line.end));
    out.into_iter().filter_map(|p| crate::layout::trim(text, p)).collect()
}

/// Words of a site's navigation and section labels.
fn is_navigation_word(w: &str) -> bool {
    if w.len() > 14 {
        return false;
    }
    let mut lower = [0u8; 14];
    lower[..w.len()].copy_from_slice(w.as_bytes());
    lower[..w.len()].make_ascii_lowercase();
    // Matched as bytes: every navigation word is ASCII.
    matches!(
        &lower[..w.len()],
        b"home"
            | b"news"
            | b"sport"
            | b"sports"
            | b"business"
            | b"opinion"
            | b"culture"
            | b"subscribe"
            | b"sign"
            | b"in"
            | b"log"
            | b"login"
            | b"menu"
            | b"search"
            | b"weather"
            | b"politics"
            | b"world"
            | b"local"
            | b"lifestyle"
            | b"entertainment"
            | b"video"
            | b"videos"
            | b"podcasts"
            | b"newsletters"
            | b"more"
            | b"life"
            | b"puzzles"
            | b"travel"
            | b"tech"
            | b"science"
            | b"health"
            | b"arts"
            | b"books"
            | b"music"
            | b"film"
            | b"tv"
            | b"food"
            | b"money"
            | b"markets"
            | b"courts"
            | b"crime"
            | b"education"
            | b"environment"
            | b"climate"
            | b"football"
            | b"rugby"
            | b"cricket"
            | b"tennis"
            | b"golf"
            | b"results"
            | b"fixtures"
            | b"basketball"
            | b"hockey"
            | b"racing"
            | b"baseball"
            | b"chess"
            | b"obituaries"
            | b"events"
            | b"jobs"
            | b"classifieds"
            | b"contact"
            | b"about"
            | b"us"
            | b"terms"
            | b"privacy"
            | b"register"
            | b"account"
            | b"&"
            | b"|"
            | b"and"
            | b"skip"
            | b"to"
            | b"main"
            | b"content"
            | b"latest"
            | b"live"
            | b"uk"
            | b"national"
            | b"international"
            | b"economy"
            | b"property"
            | b"motoring"
            | b"technology"
            | b"style"
            | b"magazine"
            | b"comment"
            | b"letters"
            | b"weekend"
    )
}

/// Lines that open a list of other stories, or stand for a page's furniture.
pub fn is_marker(line: &str) -> bool {
    let l = line.trim_end_matches([':', '.']).trim();
    // Markers are short: longer lines are passed over at once.
    if l.len() > LONGEST_MARKER {
        return false;
    }
    // Lowered on the stack: lowering ASCII letters leaves UTF-8 valid.
    let mut lowered = [0u8; LONGEST_MARKER];
    lowered[..l.len()].copy_from_slice(l.as_bytes());
    lowered[..l.len()].make_ascii_lowercase();
    let lower = std::str::from_utf8(&lowered[..l.len()]).unwrap_or_default();
    matches!(
        lower,
        "advertisement"
            | "related"
            | "related stories"
            | "related articles"
            | "read more"
            | "most read"
            | "most popular"
            | "trending"
            | "share"
            | "share this article"
            | "share this"
            | "skip to main content"
            | "sign in"
            | "subscribe"
            | "sign up"
            | "newsletter"
            | "you might also like"
            | "don't miss"
            | "don’t miss"
            | "recommended"
            | "top stories"
            | "latest news"
            | "more on this story"
            | "follow us"
            | "more stories"
            | "popular"
            | "editor's picks"
            | "editor’s picks"
            | "what to read next"
            | "in other news"
            | "more news"
            | "also read"
            | "see also"
            | "watch"
            | "listen"
            | "comments"
            | "story continues below advertisement"
            | "continue reading"
    ) || lower.starts_with("more from ")
        || lower.starts_with("share ") && l.split_whitespace().count() <= 6
        || lower.starts_with("related:")
        || lower.starts_with("read more:")
        || lower.starts_with("sign up for")
        || lower.starts_with("subscribe to")
}

/// [`is_boilerplate`] of `line`, and [`is_marker`]: a line no longer than furniture that is a
/// marker is boilerplate already, so the marker is looked for only in a line that may be one.
/// `text_has_copyright`: whether the line's text holds © anywhere (when not, no line is searched
/// for it).
pub fn boilerplate_and_marker(line: &str, after_list: bool, text_has_copyright: bool) -> (bool, bool) {
    let boilerplate = boilerplate_in(line, after_list, text_has_copyright);
    (boilerplate, (boilerplate || line.len() > LONGEST_FURNITURE) && is_marker(line))
}

/// Is the paragraph `line` (whose predecessor was boilerplate if `after_list`) no part of the
/// article: navigation, a marker, a list of other headlines, a timestamp, a footer?
pub fn is_boilerplate(line: &str, after_list: bool) -> bool {
    boilerplate_in(line, after_list, true)
}

/// [`is_boilerplate`] of a line of a text that holds © somewhere if `text_has_copyright`.
fn boilerplate_in(line: &str, after_list: bool, text_has_copyright: bool) -> bool {
    let holds_copyright_sign = |line| text_has_copyright && has_copyright_sign(line);
    // A paragraph of the article's length is no furniture; only a footer's mark settles it.
    if line.len() > LONGEST_FURNITURE {
        return holds_copyright_sign(line);
    }
    let Some(first) = words(line).next() else { return true };
    if is_marker(line) {
        return true;
    }
    // "© 2025 Harbour Times Media. All rights reserved."
    if holds_copyright_sign(line) || line.starts_with("Copyright ") || line.trim_end_matches('.').ends_with("rights reserved") {
        return true;
    }
    // "Published 3:14 PM EST, Tue March 4, 2025", "Updated 19:42 GMT".
    let stamp = matches!(first.trim_end_matches(':'), "Published" | "Updated" | "Posted" | "Modified");
    if stamp && words(line).nth(14).is_none() && line.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    // What remains is furniture only if it ends no sentence and quotes nobody.
    let ends_sentence = line.trim_end_matches(['”', '"', ')', '’']).ends_with(['.', '!', '?']);
    if ends_sentence || has_double_quote(line) {
        return false;
    }
    // The words and the navigation words among them, counted in one pass.
    let (n, navigation) = words(line).fold((0, 0), |(n, navigation), w| (n + 1, navigation + usize::from(is_navigation_word(w))));
    // "Home News Sport Business Opinion", "Harbour Times | Sport | Football".
    let bars = line.bytes().filter(|&b| b == b'|').count();
    if n >= 3 && (bars >= 2 || navigation * 10 >= n * 6) {
        return true;
    }
    // The headlines of a list of other stories: short, no stop, no quotation.
    after_list && n <= 14
}

/// Words for a journalist's job in a byline ("Sam Ekwueme, Sports Reporter").
fn is_journalist_word(w: &str) -> bool {
    matches!(
        w.trim_end_matches([',', '.']).to_ascii_lowercase().as_str(),
        "reporter"
            | "correspondent"
            | "editor"
            | "writer"
            | "columnist"
            | "journalist"
            | "photographer"
            | "contributor"
            | "staff"
            | "producer"
            | "critic"
            | "reporters"
            | "correspondents"
            | "editors"
            | "writers"
            | "desk"
    )
}

/// The spans of `paragraph` that credit the article's makers rather than report: a byline ("By
/// Jane Roe", "Jane Roe, Staff Reporter"), a photo or video credit ("(Photo: Tom Poe/Harbour
/// Times)"), "(Reporting by …; Editing by …)", an editor's note, an author's note ("Jane Roe is a
/// reporter covering city hall."), a dateline's agency ("(Reuters)").
pub fn credits(text: &str, paragraph: Span, out: &mut Vec<Span>) {
    let s = paragraph.text(text);
    if s.len() > LONGEST_FURNITURE {
        labelled_credits(s, paragraph, out);
        return;
    }
    // Bylines, staff lines, notes and author notes show themselves in their first words.
    let may_credit = s.starts_with("By ") || s.starts_with("BY ") || s.starts_with("Editor") || s.starts_with("Reporting") || {
        let comma = has_comma(s);
        first_words_may_credit(s, comma).unwrap_or_else(|| first_words_may_credit_plainly(s, comma))
    };
    if !may_credit {
        labelled_credits(s, paragraph, out);
        return;
    }
    // A word takes two bytes at least, with its space: room for all at once.
    let mut words: Vec<&str> = Vec::with_capacity(s.len() / 2 + 1);
    words.extend(self::words(s));
    let n = words.len();
    let whole = |out: &mut Vec<Span>| out.push(paragraph);
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    // "By Jane Roe", "By Jane Roe and Tom Poe, Harbour Times".
    if let Some(rest) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) {
        let names = rest.split([',', '|']).next().unwrap_or("");
        if n <= 16 && !has_double_quote(s) && names.split_whitespace().all(|w| capitalised(&w) || w == "and") {
            whole(out);
            return;
        }
    }
    // "Jane Roe, Staff Reporter", "Mia Lindqvist, Business Reporter".
    if n <= 8 && s.contains(',') && words.iter().any(|w| is_journalist_word(w)) && words.iter().all(|w| capitalised(w) || *w == "and") {
        whole(out);
        return;
    }
    let lower_start = s[..crate::layout::prefix_len(s, 20)].to_ascii_lowercase();
    if lower_start.starts_with("editor's note") || lower_start.starts_with("editor’s note") || lower_start.starts_with("reporting by") {
        whole(out);
        return;
    }
    // "Jane Roe is a reporter covering city hall.", "Sam Ekwueme covers football for the Harbour Times."
    if n <= 30 && !has_double_quote(s) {
        if let Some(v) = words.iter().position(|w| matches!(*w, "is" | "covers" | "writes" | "reports")) {
            let named = (2..=4).contains(&v) && words[..v].iter().all(capitalised);
            let rest = &words[v + 1..];
            let about_the_job = if words[v] == "is" {
                rest.iter().take(6).any(|w| is_journalist_word(w))
            } else {
                rest.windows(2).any(|w| w[0] == "for" && (w[1] == "the" || capitalised(&w[1])))
            };
            if named && about_the_job {
                whole(out);
                return;
            }
        }
    }
    labelled_credits(s, paragraph, out);
}

/// Do the first words of `s` (as [`words`] finds them) say it may be a credit: fewer than nine,
/// with a comma (`comma`), or one of the first five a verb of a note ("Jane Roe is a reporter")?
/// One pass over the words; without a comma, words after the fifth can change nothing.
fn first_words_may_credit_plainly(s: &str, comma: bool) -> bool {
    let (mut count, mut noted) = (0, false);
    for w in words(s).take(if comma { 9 } else { 5 }) {
        if count < 5 && is_note_verb(w) {
            noted = true;
            break;
        }
        count += 1;
    }
    comma && count < 9 || noted
}

fn is_note_verb(w: &str) -> bool {
    matches!(w, "is" | "covers" | "writes" | "reports")
}

/// [`first_words_may_credit_plainly`], told from where the words start, eight bytes at a time:
/// asked of most paragraphs, whose first words are ASCII, it finds them without cutting each
/// out. `None` when a byte beyond ASCII comes first (then the words are read one by one).
fn first_words_may_credit(s: &str, comma: bool) -> Option<bool> {
    let bytes = s.as_bytes();
    let wanted = if comma { 9 } else { 5 };
    let (mut count, mut after_space) = (0, true);
    let mut at = 0;
    while at < bytes.len() {
        let eight = crate::tokens::eight_from(bytes, at);
        if eight & 0x8080_8080_8080_8080 != 0 {
            return None;
        }
        let spaces = ascii_space_bits(eight);
        // Past the end: no word starts, and no space.
        let inside = if bytes.len() - at >= 8 { 0xFF } else { (1u8 << (bytes.len() - at)) - 1 };
        // A word starts at a byte that is no space, after a space or at the text's start.
        let mut starts = !spaces & (spaces << 1 | u8::from(after_space)) & inside;
        after_space = spaces & 0x80 != 0;
        while starts != 0 {
            if count < 5 {
                let word_start = at + starts.trailing_zeros() as usize;
                if starts_note_verb(s, word_start) {
                    return Some(true);
                }
            }
            count += 1;
            if count == wanted {
                // Nine words with a comma; five without, none of them a verb of a note.
                return Some(false);
            }
            starts &= starts - 1;
        }
        at += 8;
    }
    Some(comma && count < 9)
}

/// Does the word at byte `at` of `s` (where a word starts, after an ASCII space or at the start)
/// equal a verb of a note ([`is_note_verb`])? The verb's bytes, then a space or the end.
fn starts_note_verb(s: &str, at: usize) -> bool {
    // Matched as bytes, not compared as strings (a call each).
    let len = match s.as_bytes()[at..] {
        [b'i', b's', ..] => 2,
        [b'c', b'o', b'v', b'e', b'r', b's', ..] | [b'w', b'r', b'i', b't', b'e', b's', ..] => 6,
        [b'r', b'e', b'p', b'o', b'r', b't', b's', ..] => 7,
        _ => return false,
    };
    at + len == s.len() || is_space_at(s, at + len)
}

/// A bit for each of eight ASCII bytes (the first the lowest) that is whitespace: a space or a
/// control from tab to carriage return, as [`char::is_whitespace`] says of ASCII.
#[inline]
fn ascii_space_bits(eight: u64) -> u8 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    // High bit of each byte set where the byte (below 0x80) is at least `from`: no carries.
    let at_least = |from: u8| eight + ONES * u64::from(0x80 - from);
    let control = at_least(0x09) & !at_least(0x0E);
    // A space: zero once 0x20 is taken away, so adding 0x7F sets no high bit.
    let space = !((eight ^ (ONES * 0x20)) + ONES * 0x7F);
    // The high bits gathered into one byte, the first byte's lowest.
    (((control | space) & HIGHS) >> 7).wrapping_mul(0x0102_0408_1020_4080).to_le_bytes()[7]
}

/// The credits a paragraph holds in brackets or after a label: "(Photo: Tom Poe/Harbour
/// Times)", "(Reporting by …)", "Photo: …", "Photo by Tom Poe". Each is found from the bracket,
/// colon or capital it needs, all looked for in one pass, so a paragraph without one is passed
/// over at once.
fn labelled_credits(s: &str, paragraph: Span, out: &mut Vec<Span>) {
    const BRACKETED: &[&str] =
        &["Photo", "Photograph", "Picture", "Image", "Video", "Credit", "Reporting by", "Editing by", "Writing by", "Additional reporting"];
    const LABELLED: &[&str] = &["Photo:", "Photograph:", "Image:", "Credit:", "Video:", "Pictures:"];
    const PHOTO_BY: &str = "Photo by ";
    let bytes = s.as_bytes();
    // Found in text order; added bracketed ones first, then labelled ones, then the first
    // "Photo by", each unless one added before holds it.
    let (mut bracketed, mut labelled, mut photo_by) = (Vec::new(), Vec::new(), None);
    for at in memchr::memchr3_iter(b'(', b':', PHOTO_BY.as_bytes()[0], bytes) {
        match bytes[at] {
            b'(' => {
                if BRACKETED.iter().any(|label| s[at + 1..].starts_with(label)) {
                    bracketed.push((at, s[at..].find(')').map_or(s.len(), |k| at + k + 1)));
                }
            }
            b':' => {
                let start = s[..at].char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(k, c)| k + c.len_utf8());
                if LABELLED.iter().any(|label| s[start..].starts_with(label)) {
                    labelled.push((start, s[at..].find([')', '\n']).map_or(s.len(), |k| at + k)));
                }
            }
            _ => {
                if photo_by.is_none() && s[at..].starts_with(PHOTO_BY) {
                    photo_by = Some((at, s[at..].find([')', '\n']).map_or(s.len(), |k| at + k)));
                }
            }
        }
    }
    for (from, to) in bracketed.into_iter().chain(labelled).chain(photo_by) {
        let span = Span::new(paragraph.start + from, paragraph.start + to);
        if !out.iter().any(|o| o.contains(span)) {
            out.push(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn eight_plain_bytes_at_once_count_as_one_at_a_time() {
        for b in 0..=255u8 {
            let mut eight = [b'a'; 8];
            eight[3] = b;
            let one_at_a_time = eight.iter().take_while(|&&c| (b'!'..=0x7f).contains(&c)).count();
            assert_eq!(plain_ascii_prefix(u64::from_le_bytes(eight)), one_at_a_time, "{b:#x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_and_marks_are_found_as_the_standard_library_finds_them(s in "[ a-zA-Z,.!~\"“”©é\t\n\r\u{1}\u{b}\u{c}\u{1f}\u{7f}\u{85}\u{a0}\u{2003}\u{3000}]{0,40}|[a-z]{0,20}|\\PC{0,40}") {
            proptest::prop_assert_eq!(words(&s).collect::<Vec<_>>(), s.split_whitespace().collect::<Vec<_>>());
            proptest::prop_assert_eq!(has_double_quote(&s), s.contains(['“', '”', '"']));
            proptest::prop_assert_eq!(has_copyright_sign(&s), s.contains('©'));
            proptest::prop_assert_eq!(has_comma(&s), s.contains(','));
        }

        #[test]
        fn markers_are_found_among_boilerplate_as_by_asking_of_every_line(
            s in "((Advertisement|Related|Most read|Share|Sign up|News|Home|\\||©|\"|Published|3)[ .:]{0,2}){0,4}|[ a-z.:]{0,40}|[ a.:]{290,320}|(Advertisement|Related)[.:]{290,300}",
            after_list: bool,
        ) {
            let plainly = (is_boilerplate(&s, after_list), is_marker(&s));
            proptest::prop_assert_eq!(boilerplate_and_marker(&s, after_list, true), plainly, "{:?}", s);
            proptest::prop_assert_eq!(boilerplate_and_marker(&s, after_list, s.contains('©')), plainly, "{:?}", s);
        }
    }

    #[test]
    fn space_bits_are_the_ascii_whitespace_bytes() {
        for b in 0..0x80u8 {
            for k in 0..8 {
                let mut eight = [b'a'; 8];
                eight[k] = b;
                let plainly: u8 = eight.iter().enumerate().map(|(i, &c)| u8::from(char::from(c).is_whitespace()) << i).sum();
                assert_eq!(ascii_space_bits(u64::from_le_bytes(eight)), plainly, "{b:#x} at {k}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn first_words_note_a_credit_eight_bytes_at_once_as_one_by_one(
            s in "((is|covers|writes|reports|Jane|Roe|a|,)[ \t\n]{1,2}){0,12}(is|[a-z]{0,9})[ ,é]?([a-z ,]{0,30}|\\PC{0,20})",
            comma: bool,
        ) {
            if let Some(fast) = first_words_may_credit(&s, comma) {
                proptest::prop_assert_eq!(fast, first_words_may_credit_plainly(&s, comma), "{:?}", s);
            }
        }
    }

    /// The credits of `s`, looked for kind by kind in passes of their own: what the one pass must equal.
    fn labelled_credits_kind_by_kind(s: &str) -> Vec<Span> {
        const BRACKETED: &[&str] =
            &["Photo", "Photograph", "Picture", "Image", "Video", "Credit", "Reporting by", "Editing by", "Writing by", "Additional reporting"];
        const LABELLED: &[&str] = &["Photo:", "Photograph:", "Image:", "Credit:", "Video:", "Pictures:"];
        let mut out: Vec<Span> = Vec::new();
        let mut push = |from: usize, to: usize| {
            if !out.iter().any(|o| o.contains(Span::new(from, to))) {
                out.push(Span::new(from, to));
            }
        };
        for (at, _) in s.match_indices('(') {
            if BRACKETED.iter().any(|label| s[at + 1..].starts_with(label)) {
                push(at, s[at..].find(')').map_or(s.len(), |k| at + k + 1));
            }
        }
        for (colon, _) in s.match_indices(':') {
            let start = s[..colon].char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(k, c)| k + c.len_utf8());
            if LABELLED.iter().any(|label| s[start..].starts_with(label)) {
                push(start, s[colon..].find([')', '\n']).map_or(s.len(), |k| colon + k));
            }
        }
        if let Some(at) = s.find("Photo by ") {
            push(at, s[at..].find([')', '\n']).map_or(s.len(), |k| at + k));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn credits_found_in_one_pass_are_those_found_kind_by_kind(
            s in "((Photo|Photograph|Image|Video|Credit|Pictures|Reporting by|Photo by|P|é) ?|[(): \nxé]|Tom Poe)*"
        ) {
            let mut out = Vec::new();
            labelled_credits(&s, Span::new(0, s.len()), &mut out);
            proptest::prop_assert_eq!(out, labelled_credits_kind_by_kind(&s), "{:?}", s);
        }
    }

    #[test]
    fn a_page_run_together_is_split_at_its_wide_spaces() {
        let page = format!("Home News  Council splits over pier  By Jane Roe  {}  “It rots,” she said.", "The council argued. ".repeat(40));
        let lines = split_run_together(&page, vec![Span::new(0, page.len())]);
        let got = texts(&page, &lines);
        assert_eq!(got[..3], ["Home News", "Council splits over pier", "By Jane Roe"]);
        assert_eq!(got.last(), Some(&"“It rots,” she said."));
        // A text of many lines keeps them.
        let lines = vec![Span::new(0, 4), Span::new(5, 9), Span::new(10, 14), Span::new(15, page.len())];
        assert_eq!(split_run_together(&page, lines.clone()), lines);
    }

    #[test]
    fn a_page_with_single_spaces_is_split_at_sentence_ends_outside_quotes() {
        let page = format!("{}“We lost. It hurts,” he said. The club agreed.”Next came rain.", "Rovers won again. ".repeat(40));
        let lines = split_run_together(&page, vec![Span::new(0, page.len())]);
        let got = texts(&page, &lines);
        assert!(got.contains(&"“We lost. It hurts,” he said."), "{got:?}");
        assert!(got.contains(&"Next came rain."), "{got:?}");
    }

    #[test]
    fn navigation_markers_lists_and_footers_are_boilerplate() {
        for line in [
            "Home News Sport Business Opinion Culture Subscribe Sign in",
            "Harbour Times | Sport | Football | Rugby",
            "Advertisement",
            "Related:",
            "Most read",
            "Share Facebook Twitter Email",
            "© 2025 Harbour Times Media. All rights reserved. About us Contact",
            "Published 3:14 PM EST, Tue March 4, 2025",
        ] {
            assert!(is_boilerplate(line, false), "{line}");
        }
        assert!(is_boilerplate("Council votes on pier budget", true));
        for line in ["Harbour councillors argued for three hours on Monday.", "Council votes on pier budget", "“We will win,” she said"] {
            assert!(!is_boilerplate(line, false), "{line}");
        }
    }

    #[test]
    fn bylines_and_credits_are_found() {
        let got = |s: &str| {
            let mut out = Vec::new();
            credits(s, Span::new(0, s.len()), &mut out);
            texts(s, &out).into_iter().map(str::to_string).collect::<Vec<_>>()
        };
        assert_eq!(got("By Jane Roe"), ["By Jane Roe"]);
        assert_eq!(got("Mia Lindqvist, Business Reporter"), ["Mia Lindqvist, Business Reporter"]);
        assert_eq!(got("Jane Roe is a reporter covering city hall."), ["Jane Roe is a reporter covering city hall."]);
        assert_eq!(got("Sam Ekwueme covers football for the Harbour Times."), ["Sam Ekwueme covers football for the Harbour Times."]);
        assert_eq!(got("Mayor Petra Lind speaks. (Photo: Tom Poe/Harbour Times)"), ["(Photo: Tom Poe/Harbour Times)"]);
        assert_eq!(got("The talks failed. (Reporting by Jan Kowal; Editing by Tom Poe)"), ["(Reporting by Jan Kowal; Editing by Tom Poe)"]);
        assert!(got("By Monday the pier had reopened, and the mayor said so.").is_empty());
        assert!(got("Marta Quist is a harbour master.").is_empty());
    }
}
