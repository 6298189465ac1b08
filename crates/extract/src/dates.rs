//! Publication date and date mentions, relative ones resolved.
//!
//! The publication date comes from the header, else from a dateline with a
//! year, else it is inferred: a weekday written with a month and day ("on
//! Friday March 31") fixes the year, taken as the first year, from the latest
//! year the article names, in which that day falls on that weekday. Mentions
//! without a year, weekdays ("on Thursday") and "last year" are then resolved
//! against the publication date.

use crate::layout::Layout;
use crate::lexicon;
use crate::tokens;
use crate::{DateMention, DatePrecision, DateProvenance, PublicationDate, Span};

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// Monday = 0.
pub fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn valid(y: i64, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn iso(y: i64, m: u32, d: u32) -> String {
    let mut out = year(y);
    push_two_digits(&mut out, m);
    push_two_digits(&mut out, d);
    out
}

/// `YYYY-MM`.
fn iso_month(y: i64, m: u32) -> String {
    let mut out = year(y);
    push_two_digits(&mut out, m);
    out
}

/// `YYYY`: the year as `format!("{y:04}")` writes it, with room for a month and a day. Every
/// mention's value is written so, a year of four digits (all a news text names) by hand, not
/// through the formatting machinery.
fn year(y: i64) -> String {
    let mut out = String::with_capacity(10);
    match u16::try_from(y) {
        Ok(y) if y <= 9999 => {
            for place in [1000, 100, 10, 1] {
                out.push(char::from(b'0' + (y / place % 10) as u8));
            }
        }
        _ => out.push_str(&format!("{y:04}")),
    }
    out
}

/// Appends `-` and `n` as `format!("-{n:02}")` writes it.
fn push_two_digits(out: &mut String, n: u32) {
    out.push('-');
    if n < 100 {
        out.push(char::from(b'0' + (n / 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
    } else {
        out.push_str(&n.to_string());
    }
}

/// A date expression as written, before resolution.
#[derive(Clone, Debug, PartialEq)]
enum Expr {
    Full {
        y: i64,
        m: u32,
        d: u32,
    },
    MonthDay {
        m: u32,
        d: u32,
        weekday: Option<u32>,
    },
    MonthYear {
        y: i64,
        m: u32,
    },
    Year(i64),
    Weekday(u32),
    /// Days from the publication date: today 0, yesterday -1.
    DayOffset(i64),
    /// Years from the publication year: last year -1.
    YearOffset(i64),
}

/// The number of up to four digits that `s` is, letters after it aside ("31st" → 31). Every word
/// that may start a date is read so, most of them no number: the digits are read by hand, a byte
/// at a time, not parsed.
fn number(s: &str) -> Option<i64> {
    let digits = &s.as_bytes()[..s.len() - s.bytes().rev().take_while(u8::is_ascii_alphabetic).count()];
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.iter().try_fold(0, |n, &b| b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0')))
}

fn day_number(s: &str) -> Option<u32> {
    // A day starts with a digit: most words asked do not, and are settled at once.
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // Most that do are digits alone, with no ending to cut: a day is one or two of them.
    let bytes = s.as_bytes();
    if bytes.iter().all(u8::is_ascii_digit) {
        let n = match *bytes {
            [ones] => u32::from(ones - b'0'),
            [tens, ones] => u32::from(tens - b'0') * 10 + u32::from(ones - b'0'),
            _ => return None,
        };
        return (1..=31).contains(&n).then_some(n);
    }
    // Ordinal endings in any case ("5th", "31ST"), each taken as often as it repeats.
    let mut digits = s.as_bytes();
    for ending in [*b"st", *b"nd", *b"rd", *b"th"] {
        while let [rest @ .., a, b] = digits {
            if [a.to_ascii_lowercase(), b.to_ascii_lowercase()] != ending {
                break;
            }
            digits = rest;
        }
    }
    // Only ASCII letters were cut, so the digits end on a char boundary.
    let digits = &s[..digits.len()];
    let n = number(digits)?;
    (digits.len() <= 2 && (1..=31).contains(&n)).then_some(n as u32)
}

fn year_number(s: &str) -> Option<i64> {
    let n = number(s)?;
    (s.len() == 4 && (1800..=2199).contains(&n)).then_some(n)
}

/// Parses "2022-05-05", "March 5, 2022", "5 March 2022" as a whole value (header dates).
pub fn parse_value(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() >= 10 {
        let b = s.as_bytes();
        if b[4] == b'-' && b[7] == b'-' {
            let (y, m, d) = (number(&s[..4])?, number(&s[5..7])? as u32, number(&s[8..10])? as u32);
            return valid(y, m, d).then(|| iso(y, m, d));
        }
    }
    let words: Vec<_> = tokens::tokenize(s, Span::new(0, s.len())).iter().map(|t| lexicon::folded(t.text(s))).collect();
    let (expr, _) = (0..words.len()).find_map(|i| parse_at(|k| words.get(k).map(|w| &**w), i))?;
    match expr {
        Expr::Full { y, m, d } => Some(iso(y, m, d)),
        _ => None,
    }
}

fn introduces_year(w: &str) -> bool {
    matches!(w, "in" | "since" | "of" | "until" | "by" | "from" | "during" | "early" | "late" | "mid" | "before" | "after" | "through" | "to")
}

/// Could this folded word begin a date expression? A cheap test before parsing:
/// a number, a month, a weekday or a relative word. (The tokenizer notes it of every word:
/// [`tokens::Token::may_start_date`].)
pub(crate) fn may_start_date(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's' | b't' | b'w' | b'y' | b'l') => {
            lexicon::weekday_number(w).is_some()
                || lexicon::month_number(w).is_some()
                || matches!(w, "today" | "yesterday" | "tomorrow" | "last" | "this" | "next")
        }
        _ => false,
    }
}

/// The words around where a date may start, each folded when parsing first reads it: most are
/// never read. (Parsing reads a word that is no month, weekday, number, relative word, "year" or
/// word introducing a year only to find it is none of them, which its fold tells as well as its
/// letters as written: every word is folded, as [`lexicon::folded`] does at little cost, borrowing
/// a word already folded.)
struct DateWords<'t> {
    text: &'t str,
    toks: &'t [tokens::Token],
    words: [std::cell::OnceCell<lexicon::Folded<'t>>; LONGEST_DATE + 1],
}

impl<'t> DateWords<'t> {
    fn new(text: &'t str, toks: &'t [tokens::Token]) -> Self {
        DateWords { text, toks, words: Default::default() }
    }

    fn get(&self, k: usize) -> Option<&str> {
        let token = self.toks.get(k)?;
        let word = token.text(self.text);
        // A mark of one ASCII byte (the commas and stops parsing skips) folds to itself, and so
        // does a word of ASCII without a capital (most words parsing reads: numbers, "on", "of").
        if token.kind == tokens::TokenKind::Punct && word.len() == 1 || token.is_ascii_word() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(word);
        }
        Some(self.words.get(k)?.get_or_init(|| lexicon::folded(word)))
    }
}

/// How many tokens [`parse_at`] reads from where a date starts, at most:
/// "Friday , March 31 , 2023" and one more.
const LONGEST_DATE: usize = 8;

/// The date expression starting at word `i` (`word(k)` gives word `k` folded, with the
/// one before the start when there is one), and how many tokens it covers.
fn parse_at<'w>(word: impl Fn(usize) -> Option<&'w str> + Copy, i: usize) -> Option<(Expr, usize)> {
    if !word(i).is_some_and(may_start_date) {
        return None;
    }
    parse_from(word, i)
}

/// [`parse_at`] of a word `i` that may start a date ([`may_start_date`]), as the tokenizer
/// noted of every word ([`tokens::Token::may_start_date`]): it is not asked again.
fn parse_from<'w>(word: impl Fn(usize) -> Option<&'w str> + Copy, i: usize) -> Option<(Expr, usize)> {
    let w0 = word(i)?;
    let skip_punct = |k: usize| if word(k).is_some_and(|w| w == "," || w == ".") { k + 1 } else { k };

    if w0.len() == 10 && w0.as_bytes()[4] == b'-' && w0.as_bytes()[7] == b'-' {
        let y = number(&w0[..4])?;
        let (m, d) = (number(&w0[5..7])? as u32, number(&w0[8..10])? as u32);
        return valid(y, m, d).then_some((Expr::Full { y, m, d }, 1));
    }
    // [Weekday[,]] Month[.] Day[,] [Year]  |  [Weekday[,]] Day Month [Year]
    let mut k = i;
    let mut wd = None;
    if let Some(n) = lexicon::weekday_number(w0) {
        wd = Some(n);
        k = skip_punct(i + 1);
    }
    let wk = word(k);
    if let Some(m) = wk.and_then(lexicon::month_number) {
        let mut j = skip_punct(k + 1);
        if let Some(d) = word(j).and_then(day_number) {
            j += 1;
            let jj = skip_punct(j);
            if let Some(y) = word(jj).and_then(year_number) {
                if valid(y, m, d) {
                    return Some((Expr::Full { y, m, d }, jj + 1 - i));
                }
            }
            if d <= days_in_month(2024, m) {
                return Some((Expr::MonthDay { m, d, weekday: wd }, j - i));
            }
        }
        // "May" alone is too often a verb; a month needs a year to count on its own.
        if let Some(y) = word(j).and_then(year_number) {
            return Some((Expr::MonthYear { y, m }, j + 1 - i));
        }
    }
    if let Some(d) = wk.and_then(day_number) {
        if let Some(m) = word(k + 1).and_then(lexicon::month_number) {
            if let Some(y) = word(k + 2).and_then(year_number) {
                if valid(y, m, d) {
                    return Some((Expr::Full { y, m, d }, k + 3 - i));
                }
            }
            return Some((Expr::MonthDay { m, d, weekday: wd }, k + 2 - i));
        }
    }
    if let Some(n) = wd {
        return Some((Expr::Weekday(n), 1));
    }
    match w0 {
        "today" => return Some((Expr::DayOffset(0), 1)),
        "yesterday" => return Some((Expr::DayOffset(-1), 1)),
        "tomorrow" => return Some((Expr::DayOffset(1), 1)),
        "last" | "this" | "next" if word(i + 1) == Some("year") => {
            let off = match w0 {
                "last" => -1,
                "this" => 0,
                _ => 1,
            };
            return Some((Expr::YearOffset(off), 2));
        }
        _ => {}
    }
    if let Some(y) = year_number(w0) {
        // The word before is read only here, for the few words that are years.
        let introduced = i.checked_sub(1).and_then(word).is_some_and(introduces_year);
        if introduced {
            return Some((Expr::Year(y), 1));
        }
    }
    None
}

pub fn resolve(text: &str, layout: &Layout, paragraph_tokens: &[&[tokens::Token]]) -> (PublicationDate, Vec<DateMention>) {
    resolve_with_header(text, layout, paragraph_tokens, layout.header_date.map(|h| h.text(text)))
}

/// [`resolve`], with `header_date` (as written) read as the header's date: a corpus gives it
/// beside the text, and the text need not be copied to hold it.
pub fn resolve_with_header(
    text: &str,
    layout: &Layout,
    paragraph_tokens: &[&[tokens::Token]],
    header_date: Option<&str>,
) -> (PublicationDate, Vec<DateMention>) {
    // Every expression in text order (room for the few most articles have).
    let mut found: Vec<(Span, Expr)> = Vec::with_capacity(16);
    let title_tokens = layout.title.map(|t| tokens::tokenize(text, t));
    for toks in title_tokens.iter().map(Vec::as_slice).chain(paragraph_tokens.iter().copied()) {
        let mut i = 0;
        // Few words can start a date (the tokenizer noted which): only around those are the
        // words folded and parsed.
        while let Some(start) = tokens::next_date_start(toks, i) {
            i = start;
            let from = i.saturating_sub(1);
            let window = DateWords::new(text, &toks[from..(i + LONGEST_DATE).min(toks.len())]);
            match parse_from(|k| window.get(k), i - from) {
                Some((expr, n)) => {
                    let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
                    found.push((span, expr));
                    i += n;
                }
                None => i += 1,
            }
        }
    }

    let mut publication = PublicationDate { iso: None, provenance: DateProvenance::Unknown };
    if let Some(v) = header_date.and_then(parse_value) {
        publication = PublicationDate { iso: Some(v), provenance: DateProvenance::Header };
    } else if let Some(d) = layout.dateline.and_then(|d| found.iter().find(|(s, e)| d.contains(*s) && matches!(e, Expr::Full { .. }))) {
        if let Expr::Full { y, m, d } = d.1 {
            publication = PublicationDate { iso: Some(iso(y, m, d)), provenance: DateProvenance::Dateline };
        }
    } else if let Some(v) = infer(&found) {
        publication = PublicationDate { iso: Some(v), provenance: DateProvenance::Inferred };
    }

    let pub_days = publication.iso.as_deref().map(|v| {
        let (y, m, d) = (number(&v[..4]).unwrap_or(1970), number(&v[5..7]).unwrap_or(1) as u32, number(&v[8..10]).unwrap_or(1) as u32);
        days_from_civil(y, m, d)
    });
    let mentions = found
        .into_iter()
        .filter_map(|(span, expr)| {
            let (value, precision, relative) = match expr {
                Expr::Full { y, m, d } => (iso(y, m, d), DatePrecision::Day, false),
                Expr::MonthYear { y, m } => (iso_month(y, m), DatePrecision::Month, false),
                Expr::Year(y) => (year(y), DatePrecision::Year, false),
                Expr::MonthDay { m, d, .. } => {
                    let (py, pm, pd) = civil_from_days(pub_days?);
                    // A day later in the year than publication is taken as last year's.
                    let y = if (m, d) > (pm, pd + 7) { py - 1 } else { py };
                    if !valid(y, m, d) {
                        return None;
                    }
                    (iso(y, m, d), DatePrecision::Day, true)
                }
                Expr::Weekday(n) => {
                    let p = pub_days?;
                    let back = (weekday(p) as i64 - n as i64).rem_euclid(7);
                    let (y, m, d) = civil_from_days(p - back);
                    (iso(y, m, d), DatePrecision::Day, true)
                }
                Expr::DayOffset(o) => {
                    let (y, m, d) = civil_from_days(pub_days? + o);
                    (iso(y, m, d), DatePrecision::Day, true)
                }
                Expr::YearOffset(o) => {
                    let (py, _, _) = civil_from_days(pub_days?);
                    (year(py + o), DatePrecision::Year, true)
                }
            };
            Some(DateMention { span, value, precision, relative })
        })
        .collect();
    (publication, mentions)
}

/// A publication date from the text alone: the latest full date, or a
/// month-day-weekday whose year is the first one, from the latest year named,
/// where that day is that weekday.
fn infer(found: &[(Span, Expr)]) -> Option<String> {
    let latest_year = found
        .iter()
        .filter_map(|(_, e)| match e {
            Expr::Full { y, .. } | Expr::MonthYear { y, .. } | Expr::Year(y) => Some(*y),
            _ => None,
        })
        .max();
    for (_, e) in found {
        if let Expr::MonthDay { m, d, weekday: Some(w) } = *e {
            let from = latest_year?;
            for y in from..from + 7 {
                if valid(y, m, d) && weekday(days_from_civil(y, m, d)) == w {
                    return Some(iso(y, m, d));
                }
            }
        }
    }
    found
        .iter()
        .filter_map(|(_, e)| match *e {
            Expr::Full { y, m, d } => Some((y, m, d)),
            _ => None,
        })
        .max()
        .map(|(y, m, d)| iso(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word as date parsing first read it: folded when it is one that parsing looks
    /// at (a month, a weekday, a number, a relative word, a word introducing a
    /// year), else as written — most words are neither, and are not copied.
    fn date_word(w: &str) -> lexicon::Folded<'_> {
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return lexicon::Folded::Borrowed(w);
        }
        if lexicon::with_folded(w, |f| may_start_date(f) || f == "year" || introduces_year(f)) {
            lexicon::folded(w)
        } else {
            lexicon::Folded::Borrowed(w)
        }
    }

    proptest::proptest! {
        #[test]
        fn dates_parse_from_folded_words_as_from_words_folded_only_where_parsing_looks(
            words in proptest::collection::vec("[0-9]{1,4}|[0-9]{1,2}(st|ND|rd|th)|20[0-9]{2}-[01][0-9]-[0-3][0-9]|(this|Last|NEXT|year|Year|YEAR|in|In|Since|May|MARCH|Sept|Friday|The|Mayor|,|\\.|é|Éte|x)", 0..12),
        ) {
            let text = words.join(" ");
            let toks = tokens::tokenize(&text, Span::new(0, text.len()));
            for i in 0..toks.len() {
                let from = i.saturating_sub(1);
                let near = &toks[from..(i + LONGEST_DATE).min(toks.len())];
                let window = DateWords::new(&text, near);
                let words_as_read: Vec<lexicon::Folded> = near.iter().map(|t| date_word(t.text(&text))).collect();
                proptest::prop_assert_eq!(
                    parse_at(|k| window.get(k), i - from),
                    parse_at(|k| words_as_read.get(k).map(|w| &**w), i - from),
                    "{:?} at {}", text, i
                );
            }
        }
    }

    #[test]
    fn marks_of_one_ascii_byte_fold_to_themselves() {
        for b in (0u8..128).filter(|b| b.is_ascii_graphic()) {
            let mark = char::from(b).to_string();
            let toks = tokens::tokenize(&mark, Span::new(0, 1));
            if toks.first().is_some_and(|t| t.kind == tokens::TokenKind::Punct) {
                assert_eq!(*lexicon::folded(&mark), *mark);
            }
        }
    }

    #[test]
    fn days_are_numbers_with_ordinal_endings_in_any_case() {
        let days: Vec<Option<u32>> =
            ["5", "5th", "1ST", "22nd", "3Rd", "31", "32nd", "0", "Thursday", "2023"].iter().map(|w| day_number(w)).collect();
        assert_eq!(days, [Some(5), Some(5), Some(1), Some(22), Some(3), Some(31), None, None, None, None]);
        assert_eq!(["Sept", "sept.", "may", "Mayor"].map(|w| lexicon::month_number(&lexicon::fold(w))), [Some(9), Some(9), Some(5), None]);
    }

    #[test]
    fn the_listed_words_that_start_dates_are_those_parsing_starts_from() {
        let listed = ["january", "Feb", "MARCH", "Sept", "may", "monday", "THURSDAY", "Today", "yesterday", "tomorrow", "Last", "this", "NEXT"];
        let unlisted = ["Mayor", "the", "That", "a", "I", "Juni", "", "-", "Sé", "marchers"];
        for w in listed {
            assert!(may_start_date(&lexicon::fold(w)) && lexicon::listed_as_written(w).is(lexicon::WordList::DateStart), "{w:?}");
        }
        for w in unlisted {
            assert!(!may_start_date(&lexicon::fold(w)) && !lexicon::listed_as_written(w).is(lexicon::WordList::DateStart), "{w:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_read_as_parsing_reads_them(s in "[0-9]{0,6}[a-zA-Z]{0,3}|[0-9a-zé+ -]{0,8}|\\PC{0,8}") {
            let trimmed = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let parsed = (!trimmed.is_empty() && trimmed.len() <= 4 && trimmed.bytes().all(|b| b.is_ascii_digit())).then(|| trimmed.parse().ok()).flatten();
            proptest::prop_assert_eq!(number(&s), parsed, "{:?}", s);
        }
    }

    proptest::proptest! {
        #[test]
        fn days_are_read_as_by_cutting_endings_from_the_string(s in "[0-9]{0,3}([sSnNrRtT][tTdDhH]){0,3}[a-zé]{0,2}") {
            let mut digits = s.as_str();
            for ending in ["st", "nd", "rd", "th"] {
                while digits.len() >= 2 && digits.as_bytes()[digits.len() - 2..].eq_ignore_ascii_case(ending.as_bytes()) {
                    digits = &digits[..digits.len() - 2];
                }
            }
            let by_string = number(digits).filter(|n| digits.len() <= 2 && (1..=31).contains(n)).map(|n| n as u32);
            proptest::prop_assert_eq!(day_number(&s), by_string, "{:?}", s);
        }

        #[test]
        fn values_are_written_as_formatting_writes_them(y in -20_000i64..20_000, m in 0u32..150, d in 0u32..150) {
            proptest::prop_assert_eq!(iso(y, m, d), format!("{y:04}-{m:02}-{d:02}"));
            proptest::prop_assert_eq!(iso_month(y, m), format!("{y:04}-{m:02}"));
            proptest::prop_assert_eq!(year(y), format!("{y:04}"));
        }
    }

    fn run(t: &str) -> (PublicationDate, Vec<(String, String)>) {
        let layout = crate::layout::analyse(t);
        let paragraph_tokens: Vec<_> = layout.paragraphs.iter().map(|&p| tokens::tokenize(t, p)).collect();
        let paragraph_tokens: Vec<&[tokens::Token]> = paragraph_tokens.iter().map(Vec::as_slice).collect();
        let (p, m) = resolve(t, &layout, &paragraph_tokens);
        (p, m.into_iter().map(|d| (d.span.text(t).to_string(), d.value)).collect())
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(weekday(days_from_civil(2000, 1, 1)), 5); // a Saturday
    }

    #[test]
    fn weekday_with_month_day_fixes_the_year() {
        let (p, m) = run("A headline\n\nThe vote of 2019 was close. On Tuesday May 3 the mayor resigned.");
        // 2022-05-03 is the first Tuesday May 3 from 2019 on.
        assert_eq!(p.iso.as_deref(), Some("2022-05-03"));
        assert_eq!(p.provenance, DateProvenance::Inferred);
        assert!(m.contains(&("Tuesday May 3".to_string(), "2022-05-03".to_string())));
    }

    #[test]
    fn relative_dates_follow_the_header() {
        let (p, m) = run(" date 2021-06-10 On Thursday the council met. Last year it did not. In 2019 it met twice on June 2.");
        assert_eq!(p.provenance, DateProvenance::Header);
        assert!(m.contains(&("Thursday".to_string(), "2021-06-10".to_string())), "{m:?}");
        assert!(m.contains(&("Last year".to_string(), "2020".to_string())), "{m:?}");
        assert!(m.contains(&("2019".to_string(), "2019".to_string())), "{m:?}");
        assert!(m.contains(&("June 2".to_string(), "2021-06-02".to_string())), "{m:?}");
    }

    #[test]
    fn header_values_in_words() {
        assert_eq!(parse_value("March 5, 2022").as_deref(), Some("2022-03-05"));
        assert_eq!(parse_value("5 March 2022").as_deref(), Some("2022-03-05"));
        assert_eq!(parse_value("2022-02-30"), None);
    }
}
