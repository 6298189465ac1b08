//! The shape of an article file: header, title, kicker, paragraphs.
//!
//! Three shapes occur: an inline ` date YYYY-MM-DD ` prefix on the lead's line;
//! a `key: value` header block (title, date, source, url, author); or no header,
//! where a short first line is the title, possibly followed by a kicker and the
//! title once more. Repeated title and kicker lines are folded away.

use crate::{page, tokens, Span, Title};

#[derive(Debug, Default, Clone)]
pub struct Layout {
    /// The date given by the header, as written.
    pub header_date: Option<Span>,
    pub title: Option<Span>,
    pub kicker: Option<Span>,
    pub paragraphs: Vec<Span>,
    /// A dateline at the start of the first paragraph ("LONDON, Feb. 2 (Reuters) —").
    pub dateline: Option<Span>,
    /// Bylines and credits inside the paragraphs ([`page::credits`]): their names speak no quote.
    pub credits: Vec<Span>,
}

const HEADER_KEYS: &[&str] = &[
    "title",
    "headline",
    "date",
    "published",
    "source",
    "url",
    "link",
    "author",
    "byline",
    "kicker",
    "section",
    "publisher",
    "id",
    "tags",
    "language",
    "lang",
];

/// Non-blank lines of `text`, trimmed, as spans; `unicode_break`: whether the text holds U+2028
/// or U+2029 ([`Signs`]).
fn lines(text: &str, unicode_break: bool) -> Vec<Span> {
    let bytes = text.as_bytes();
    // Room for a line every 256 bytes and a few more, which news texts seldom outgrow: the list
    // is not regrown line after line.
    let mut out = Vec::with_capacity(bytes.len() / 256 + 16);
    // Line breaks are `\n`, `\r`, U+2028 and U+2029 (E2 80 A8, E2 80 A9): whole texts are
    // scanned, so bytes are read, not chars decoded. Most texts have neither of the last two,
    // and then the search need not stop at every curly quotation mark (E2 80 9x).
    let next_break = |from: usize| {
        let rest = &bytes[from..];
        let found = if unicode_break { memchr::memchr3(b'\n', b'\r', 0xE2, rest) } else { memchr::memchr2(b'\n', b'\r', rest) };
        found.map(|k| from + k)
    };
    let (mut start, mut from) = (0, 0);
    while let Some(i) = next_break(from) {
        let break_len = match bytes[i] {
            b'\n' | b'\r' => 1,
            0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => 3,
            _ => {
                from = i + 1;
                continue;
            }
        };
        if let Some(span) = trim(text, Span::new(start, i)) {
            out.push(span);
        }
        start = i + break_len;
        // Paragraphs are most often parted by a blank line: the breaks that follow at once part
        // nothing but blank lines, and are stepped over without another search.
        while matches!(bytes.get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        from = start;
    }
    if let Some(span) = trim(text, Span::new(start, bytes.len())) {
        out.push(span);
    }
    out
}

/// What a text holds that the layout asks of it before its lines: U+2028 or U+2029 (E2 80 A8,
/// E2 80 A9), line breaks that most texts have none of, and © (C2 A9), a footer's mark, which
/// most texts have none of either: then no line is searched for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Signs {
    unicode_break: bool,
    copyright: bool,
}

/// The [`Signs`] of `bytes`: one search for the last bytes A8 and A9, which continue few
/// characters of news text ("é" is C3 A9), each find checked for the bytes before it. The text
/// is read once, not once for each sign.
fn signs(bytes: &[u8]) -> Signs {
    let mut signs = Signs { unicode_break: false, copyright: false };
    for i in memchr::memchr2_iter(0xA8, 0xA9, bytes) {
        let before = &bytes[..i];
        if bytes[i] == 0xA9 && before.ends_with(&[0xC2]) {
            signs.copyright = true;
        } else if before.ends_with(&[0xE2, 0x80]) {
            signs.unicode_break = true;
        }
        if signs.unicode_break && signs.copyright {
            break;
        }
    }
    signs
}

/// The span without surrounding whitespace (NBSP and BOM included), or `None` when blank.
pub fn trim(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.start..span.end];
    // Most lines begin and end with an ASCII character that is no space: nothing to trim.
    if let (Some(first), Some(last)) = (s.as_bytes().first(), s.as_bytes().last()) {
        if first.is_ascii_graphic() && last.is_ascii_graphic() {
            return Some(span);
        }
    }
    let is_blank = |c: char| c.is_whitespace() || c == '\u{FEFF}';
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let body = s.trim_matches(is_blank);
    (!body.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + body.len()))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Has `s` at most `n` words? They are counted only as far as that.
fn at_most_words(s: &str, n: usize) -> bool {
    page::words(s).nth(n).is_none()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| crate::quotes::is_quote_char(c) || c == ')').ends_with(['.', '!', '?', ':', ';', ','])
}

/// "Senator Says ‘No Deal’ If the Vote Fails Again.": a headline in title case,
/// whose words (short function words aside) nearly all begin with a capital.
pub(crate) fn is_title_case(s: &str) -> bool {
    let (mut capitalised, mut lower) = (0, 0);
    for word in s.split_whitespace() {
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next().filter(|c| c.is_alphabetic()) else { continue };
        if first.is_uppercase() {
            capitalised += 1;
        } else if word.len() > 3 {
            lower += 1;
        }
    }
    capitalised >= 4 && lower * 10 <= capitalised
}

fn same_line_text(text: &str, a: Span, b: Span) -> bool {
    let (a, b) = (a.text(text), b.text(text));
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    crate::lexicon::folded_chars(a).eq(crate::lexicon::folded_chars(b))
}

/// Does `line`, folded, begin with `prefix` folded?
fn folded_starts_with(line: &str, prefix: &str) -> bool {
    let mut line = crate::lexicon::folded_chars(line);
    crate::lexicon::folded_chars(prefix).all(|c| line.next() == Some(c))
}

pub fn analyse(text: &str) -> Layout {
    let mut layout = Layout::default();
    // A page run together on one line is split into its paragraphs, and what is no part of the
    // article (navigation, lists of other headlines, footers) is left out.
    let signs = signs(text.as_bytes());
    let mut lines = page::split_run_together(text, lines(text, signs.unicode_break));
    let mut in_list = false;
    lines.retain(|l| {
        let s = l.text(text);
        let (boilerplate, marker) = page::boilerplate_and_marker(s, in_list, signs.copyright);
        in_list = marker || in_list && boilerplate;
        !boilerplate
    });
    let mut next = 0;

    // ` date 2022-05-05 Lead starts here…`
    if let Some(&first) = lines.first() {
        let s = first.text(text);
        if let Some(rest) = s.strip_prefix("date ").or_else(|| s.strip_prefix("Date ")) {
            let rest_trim = rest.trim_start();
            let date_at = first.start + (s.len() - rest_trim.len());
            if rest_trim.len() >= 10 && is_iso_date(&rest_trim[..10]) {
                layout.header_date = Some(Span::new(date_at, date_at + 10));
                match trim(text, Span::new(date_at + 10, first.end)) {
                    Some(lead) => lines[0] = lead,
                    None => next = 1,
                }
            }
        }
    }

    // `key: value` block.
    if layout.header_date.is_none() {
        let mut i = 0;
        while let Some(&line) = lines.get(i) {
            let s = line.text(text);
            let Some((key, value)) = s.split_once(':') else { break };
            let key = key.trim().to_ascii_lowercase();
            if !HEADER_KEYS.contains(&key.as_str()) {
                break;
            }
            let colon = s.len() - value.len() - 1;
            if let Some(v) = trim(text, Span::new(line.start + colon + 1, line.end)) {
                match key.as_str() {
                    "title" | "headline" => layout.title = Some(v),
                    "date" | "published" => layout.header_date = Some(v),
                    "kicker" => layout.kicker = Some(v),
                    _ => {}
                }
            }
            i += 1;
        }
        if i > 0 {
            next = i;
        }
    }

    let body = &lines[next.min(lines.len())..];
    let mut skip = 0;
    let lead_shares_header_line = next == 0 && layout.header_date.is_some();
    if layout.title.is_none() && body.len() >= 2 && !lead_shares_header_line {
        let first = body[0].text(text);
        let looks_like_title = first.len() <= 200 && !first.starts_with(|c: char| crate::quotes::is_quote_char(c)) && {
            // Its words counted once, as far as a title's most.
            let words = page::words(first).take(26).count();
            words <= 25 && (!ends_sentence(first) || words <= 15 || is_title_case(first))
        };
        if looks_like_title {
            layout.title = Some(body[0]);
            skip = 1;
        }
    }
    // A kicker: a short line after the title that the next lines repeat or begin with.
    if let (Some(title), None) = (layout.title, layout.kicker) {
        if let Some(&candidate) = body.get(skip) {
            let s = candidate.text(text);
            // The words of a line too long or a sentence are not counted.
            let short = s.len() <= 80 && !ends_sentence(s) && at_most_words(s, 8);
            let title_again = body.get(skip + 1).is_some_and(|&l| same_line_text(text, l, title));
            let lead_repeats = body.get(skip + 1).is_some_and(|&l| folded_starts_with(l.text(text), s));
            if short && (title_again || lead_repeats) {
                layout.kicker = Some(candidate);
                skip += 1;
            }
        }
    }
    // Fold repeats of the title or kicker near the top.
    let repeats =
        |line: Span| layout.title.is_some_and(|t| same_line_text(text, line, t)) || layout.kicker.is_some_and(|k| same_line_text(text, line, k));
    let mut i = skip;
    while i < body.len() && i < skip + 3 && repeats(body[i]) {
        i += 1;
    }
    layout.paragraphs = body[i.min(body.len())..].to_vec();
    layout.dateline = layout.paragraphs.first().and_then(|&p| dateline(text, p));
    for &p in &layout.paragraphs {
        page::credits(text, p, &mut layout.credits);
    }
    // The agency a dateline names ("(Reuters)") is the outlet, not a speaker.
    if let Some(d) = layout.dateline {
        let s = d.text(text);
        if let (Some(open), Some(close)) = (s.find('('), s.rfind(')')) {
            if open < close {
                layout.credits.push(Span::new(d.start + open, d.start + close + 1));
            }
        }
    }
    layout.credits.sort_unstable();
    layout
}

/// The longest prefix length of `s` no longer than `max` bytes that ends on a char boundary.
pub fn prefix_len(s: &str, max: usize) -> usize {
    let mut n = max.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// `LOS ANGELES, Feb. 2 (UPI) — …` → the span up to and including the dash.
fn dateline(text: &str, paragraph: Span) -> Option<Span> {
    let s = paragraph.text(text);
    let head = &s[..prefix_len(s, 80)];
    let dash = head.find(['—', '–']).or_else(|| head.find(" - ").map(|i| i + 1))?;
    let before = &s[..dash];
    let place = before.split(',').next()?;
    let caps = place.split_whitespace().all(tokens::is_all_caps) && !place.trim().is_empty();
    if !caps || !at_most_words(before, 10) {
        return None;
    }
    let dash_len = s[dash..].chars().next()?.len_utf8();
    Some(Span::new(paragraph.start, paragraph.start + dash + dash_len))
}

impl Layout {
    /// The title as written, or one derived from the lead.
    pub fn title(&self, text: &str) -> Title {
        if let Some(span) = self.title {
            return Title { text: span.text(text).to_string(), span: Some(span), derived: false };
        }
        Title { text: self.derived_title(text), span: None, derived: true }
    }

    /// A headline made from the lead: its first sentence without asides, cut to a headline's length.
    fn derived_title(&self, text: &str) -> String {
        const MAX_WORDS: usize = 14;
        let Some(&first) = self.paragraphs.first() else { return String::new() };
        let start = self.dateline.map_or(first.start, |d| d.end);
        let Some(lead) = trim(text, Span::new(start, first.end)) else { return String::new() };
        let sentence = tokens::sentences(text, lead, &[]).first().copied().unwrap_or(lead);
        let s = sentence.text(text).trim_end_matches(['.', ' ']);
        let plain = without_asides(s);
        let words: Vec<&str> = plain.split_whitespace().collect();
        if words.len() <= MAX_WORDS {
            return words.join(" ");
        }
        let mut title = words[..MAX_WORDS].join(" ");
        title = title.trim_end_matches([',', ';', ':']).to_string();
        title.push('…');
        title
    }
}

/// Drops parentheses and short comma-fenced asides: "X, in an interview to Y (Z), said" → "X said".
fn without_asides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let parts: Vec<&str> = out.split(", ").collect();
    if parts.len() >= 3 && parts[1].split_whitespace().count() <= 12 {
        let mut joined = parts[0].to_string();
        for p in &parts[2..] {
            joined.push(' ');
            joined.push_str(p);
        }
        return joined;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| s.text(text).to_string()).collect()
    }

    /// The lines of `text` as plainly as they can be found: cut at every break, char by char.
    fn lines_plainly(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices().chain([(text.len(), '\n')]) {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                out.extend(trim(text, Span::new(start, i)));
                start = i + c.len_utf8();
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn spans_are_trimmed_as_by_characters(text in "[ a.\t\u{a0}\u{feff}\u{2003}é]{0,12}|\\PC{0,12}") {
            let is_blank = |c: char| c.is_whitespace() || c == '\u{FEFF}';
            let body = text.trim_matches(is_blank);
            let lead = text.len() - text.trim_start_matches(is_blank).len();
            let by_characters = (!body.is_empty()).then(|| Span::new(lead, lead + body.len()));
            proptest::prop_assert_eq!(trim(&text, Span::new(0, text.len())), by_characters);
        }

        #[test]
        fn unicode_breaks_and_copyright_signs_are_found_as_by_characters(text in "[a é©\u{2026}\u{2028}\u{2029}\u{80a8}\u{80a9}]{0,12}|\\PC{0,30}") {
            let by_characters = Signs { unicode_break: text.contains(['\u{2028}', '\u{2029}']), copyright: text.contains('©') };
            proptest::prop_assert_eq!(signs(text.as_bytes()), by_characters);
        }

        #[test]
        fn lines_are_cut_at_every_break(text in "[a “”’\u{2026}\u{2028}\u{2029}\n\r]{0,30}|\\PC{0,30}") {
            proptest::prop_assert_eq!(lines(&text, signs(text.as_bytes()).unicode_break), lines_plainly(&text));
        }
    }

    #[test]
    fn inline_date_prefix() {
        let t = " date 2021-03-04 The mayor of Springfield opened a bridge on Monday.\n\nIt rained.";
        let l = analyse(t);
        assert_eq!(l.header_date.unwrap().text(t), "2021-03-04");
        assert_eq!(texts(t, &l.paragraphs), ["The mayor of Springfield opened a bridge on Monday.", "It rained."]);
        let title = l.title(t);
        assert!(title.derived);
        assert_eq!(title.text, "The mayor of Springfield opened a bridge on Monday");
        let l = analyse("Jo Bloggs, a baker from Leeds (UK), on Monday sold the last loaf she had baked in the old oven.");
        assert_eq!(
            l.title("Jo Bloggs, a baker from Leeds (UK), on Monday sold the last loaf she had baked in the old oven.").text,
            "Jo Bloggs on Monday sold the last loaf she had baked in the old…"
        );
    }

    #[test]
    fn a_long_headline_in_title_case_is_a_title_even_with_a_full_stop() {
        let t = "Harbour Master: ‘No Ferry’ Will Sail If the Council Cuts the Dredging Budget Again This Winter.\n\nThe harbour master said on Monday that the ferries would stop.";
        let l = analyse(t);
        assert_eq!(
            texts(t, &[l.title.unwrap()]),
            ["Harbour Master: ‘No Ferry’ Will Sail If the Council Cuts the Dredging Budget Again This Winter."]
        );
        assert_eq!(l.paragraphs.len(), 1);
        // A long first sentence in ordinary case stays the lead.
        let t = "The harbour master said on Monday that no ferry would sail if the council cut the dredging budget again.\n\nIt rained.";
        assert!(analyse(t).title.is_none());
    }

    #[test]
    fn key_value_header_with_crlf() {
        let t = "Title: Rain in Spain\r\nDate: 2020-01-02\r\nSource: Wire\r\n\r\nIt rained.\r\n";
        let l = analyse(t);
        assert_eq!(l.title.unwrap().text(t), "Rain in Spain");
        assert_eq!(l.header_date.unwrap().text(t), "2020-01-02");
        assert_eq!(texts(t, &l.paragraphs), ["It rained."]);
    }

    #[test]
    fn title_kicker_and_repeat_folded() {
        let t = "Storm hits coast\n\nNight of wind\n\nStorm hits coast\n\nNight of wind. Trees fell overnight.";
        let l = analyse(t);
        assert_eq!(l.title.unwrap().text(t), "Storm hits coast");
        assert_eq!(l.kicker.unwrap().text(t), "Night of wind");
        assert_eq!(texts(t, &l.paragraphs), ["Night of wind. Trees fell overnight."]);
    }

    #[test]
    fn repeats_match_across_case_and_accents_and_unicode_breaks_end_lines() {
        let t = "Café Reopens\u{2028}\u{2028}NIGHT OF JAZZ\u{2029}CAFÉ REOPENS\r\rnight of jazz and more. Crowds came.";
        let l = analyse(t);
        assert_eq!(l.title.unwrap().text(t), "Café Reopens");
        assert_eq!(l.kicker.unwrap().text(t), "NIGHT OF JAZZ");
        assert_eq!(texts(t, &l.paragraphs), ["night of jazz and more. Crowds came."]);
    }

    #[test]
    fn dateline_is_found() {
        let t = "Big news today\n\nOSLO, May 2 (Wire) — The fjord froze.";
        let l = analyse(t);
        assert_eq!(l.dateline.unwrap().text(t), "OSLO, May 2 (Wire) —");
    }

    #[test]
    fn empty_text() {
        let l = analyse("");
        assert!(l.paragraphs.is_empty());
        assert_eq!(l.title("").text, "");
    }
}
