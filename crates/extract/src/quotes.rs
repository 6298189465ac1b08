//! Quotation marks paired into quote spans.
//!
//! Double marks (“ ” " „ « ») pair with each other in any mix, since “…" and
//! "…” both occur in real copy. Single marks (‘ ’ ') count only where they
//! cannot be apostrophes. Marks nest; only the outermost pair makes a quote.
//! A quote never runs past its paragraph: when a paragraph ends inside a quote
//! and the next paragraph opens with a mark (the convention for a quote that
//! runs on), the open part is a quote of its own; any other unclosed mark is
//! ignored, so one stray mark never swallows the rest of the article.

use crate::tokens::Token;
use crate::Span;

/// One quoted stretch, marks included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    pub span: Span,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
    /// True when it carries on a quote left open at the end of the previous paragraph.
    pub continues_previous: bool,
    /// True when it was left open at the end of its paragraph and carries on in the next.
    pub runs_on: bool,
}

pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '‟' | '‹' | '›')
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Open,
    Close,
    /// Could be either: a straight mark between two spaces, or inside a word.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    double: bool,
    role: Role,
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«' | '„'),
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, ')' | ']' | '}' | ',' | '.' | ';' | ':' | '!' | '?' | '—' | '–' | '-' | '…' | '”' | '’' | '»' | '/')
        }
    }
}

/// Where the next bytes that may begin a quotation mark are in the text: each is kept from one
/// paragraph to the next, so a search runs on through the paragraphs (and what lies between them)
/// to its find, no byte is searched twice, and a paragraph without marks costs no search at all.
struct MarkSearch {
    /// The next `"`, `'` or E2 (the first byte of the curly marks), from `from` on.
    next_other: Option<usize>,
    /// The next C2 (the first byte of « and »), from `from` on.
    next_c2: Option<usize>,
    /// Where the finds were last asked from: both hold from there on (a search made from there
    /// or before, whose find is not before it).
    from: usize,
}

impl MarkSearch {
    fn new(text: &str, from: usize) -> Self {
        let bytes = text.as_bytes();
        MarkSearch { next_other: Self::other(bytes, from), next_c2: Self::c2(bytes, from), from }
    }

    fn other(bytes: &[u8], from: usize) -> Option<usize> {
        memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..]).map(|offset| from + offset)
    }

    fn c2(bytes: &[u8], from: usize) -> Option<usize> {
        memchr::memchr(0xC2, &bytes[from..]).map(|offset| from + offset)
    }

    /// The first byte at or after `at` that may begin a mark, searching on where a find kept was
    /// passed (and afresh when asked from further back than before).
    fn next(&mut self, text: &str, at: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        if at < self.from {
            *self = MarkSearch::new(text, at);
        }
        self.from = at;
        if self.next_other.is_some_and(|found| found < at) {
            self.next_other = Self::other(bytes, at);
        }
        if self.next_c2.is_some_and(|found| found < at) {
            self.next_c2 = Self::c2(bytes, at);
        }
        self.next_other.into_iter().chain(self.next_c2).min()
    }
}

/// The marks of one paragraph, each with the role its surroundings allow, into `out`; `search`
/// holds the finds of the paragraphs before.
fn marks(text: &str, paragraph: Span, out: &mut Vec<Mark>, search: &mut MarkSearch) {
    let s = paragraph.text(text);
    out.clear();
    // Every mark is '"', '\'', or starts with byte C2 (« ») or E2 (the rest): only at those
    // bytes, which never continue a character, is a character decoded.
    let mut i = 0;
    while let Some(at) = search.next(text, paragraph.start + i).filter(|&at| at < paragraph.end) {
        i = at - paragraph.start;
        let Some(c) = s[i..].chars().next() else { break };
        out.extend(mark(s, paragraph.start, i, c));
        i += c.len_utf8();
    }
}

/// [`marks`], read from the paragraph's tokens: the tokenizer noted which are quotation marks,
/// so no byte of the text is searched again. (A mark inside a word, an apostrophe, takes no role.)
fn marks_of_tokens(text: &str, paragraph: Span, toks: &[Token], out: &mut Vec<Mark>) {
    let s = paragraph.text(text);
    out.clear();
    let mut from = 0;
    while let Some(k) = crate::tokens::next_quote_mark(toks, from) {
        let at = toks[k].span.start - paragraph.start;
        from = k + 1;
        let Some(c) = s[at..].chars().next() else { break };
        out.extend(mark(s, paragraph.start, at, c));
    }
}

/// The character `c` at byte `at` of the paragraph `s` (which starts at byte `start` of the
/// text) as a mark, with the role its surroundings allow; `None` for an apostrophe or another
/// character.
fn mark(s: &str, start: usize, at: usize, c: char) -> Option<Mark> {
    let bytes = s.as_bytes();
    let i = at + c.len_utf8();
    // An apostrophe between two letters ("don’t", "O'Brien") is the commonest mark and
    // never a quotation's: settled by the bytes around it.
    let inside_word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    if matches!(c, '’' | '\'') && inside_word(at.checked_sub(1).and_then(|p| bytes.get(p))) && inside_word(bytes.get(i)) {
        return None;
    }
    if !is_quote_char(c) {
        return None;
    }
    let prev = s[..at].chars().next_back();
    let next = s[i..].chars().next();
    let before_ok = is_open_context(prev);
    let after_ok = is_close_context(next);
    let role = match c {
        // “ closes in German („ja“); ” opens in Swedish (”ja”).
        '“' if !before_ok && after_ok => Role::Close,
        '”' if before_ok && !after_ok => Role::Open,
        '“' | '„' | '«' | '‟' | '‹' => Role::Open,
        '”' | '»' | '›' => Role::Close,
        '"' => match (before_ok, after_ok) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => Role::Either,
        },
        // Single marks: an opener must start a word; a closer must end one
        // and not run on into letters (which would make it an apostrophe).
        '‘' | '\'' | '’' => {
            let starts_word = before_ok && next.is_some_and(|n| n.is_alphanumeric() || n == '"' || n == '“');
            let ends_word = prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphanumeric);
            match (starts_word && c != '’', ends_word && c != '‘') {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(Mark { at: start + at, len: c.len_utf8(), double: !matches!(c, '‘' | '’' | '\'' | '‹' | '›'), role })
}

/// Pairs the marks of one paragraph. Returns the closed quotes, and the start
/// of a quote left open at the end, if any.
fn pair(marks: &[Mark], closers_after: &mut Vec<[usize; 2]>) -> (Vec<Span>, Option<usize>) {
    if marks.is_empty() {
        return (Vec::new(), None);
    }
    let mut quotes = Vec::new();
    // The outer quote's opening mark, and how deep same-kind marks nest inside it.
    let mut outer: Option<Mark> = None;
    let mut depth = 0usize;
    // closers_after[i][double as usize]: marks after i that can close a quote of that kind.
    closers_after.clear();
    closers_after.resize(marks.len() + 1, [0; 2]);
    for i in (0..marks.len()).rev() {
        closers_after[i] = closers_after[i + 1];
        if marks[i].role != Role::Open {
            closers_after[i][marks[i].double as usize] += 1;
        }
    }
    for (i, m) in marks.iter().enumerate() {
        let closers_ahead = closers_after[i + 1][m.double as usize];
        let Some(open) = outer else {
            if m.role == Role::Close {
                continue;
            }
            // A single mark opens a quote only if a closing single mark follows in the paragraph.
            if !m.double && closers_ahead == 0 {
                continue;
            }
            outer = Some(*m);
            depth = 0;
            continue;
        };
        // Marks of the other kind inside a quote are nested quotes: part of it.
        if m.double != open.double {
            continue;
        }
        match m.role {
            // An opener inside an open quote is nesting when enough closers follow,
            // otherwise the outer quote lost its closer and this one starts afresh.
            Role::Open if closers_ahead > depth + 1 => depth += 1,
            Role::Open => outer = Some(*m),
            Role::Close | Role::Either if depth > 0 => depth -= 1,
            Role::Close | Role::Either => {
                if m.at > open.at + open.len {
                    quotes.push(Span::new(open.at, m.at + m.len));
                    outer = None;
                }
            }
        }
    }
    (quotes, outer.filter(|o| o.double).map(|o| o.at))
}

/// Every quote of the article, paragraph by paragraph, in text order.
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<QuoteSpan> {
    let mut search = MarkSearch::new(text, paragraphs.first().map_or(text.len(), |p| p.start));
    quotes_of_marks(text, paragraphs, |_, paragraph, out| marks(text, paragraph, out, &mut search))
}

/// [`find`], with the marks read from the paragraphs' tokens (`paragraph_tokens`, one list for
/// each of `paragraphs`).
pub fn find_in_tokens(text: &str, paragraphs: &[Span], paragraph_tokens: &[&[Token]]) -> Vec<QuoteSpan> {
    quotes_of_marks(text, paragraphs, |index, paragraph, out| marks_of_tokens(text, paragraph, paragraph_tokens[index], out))
}

/// The quotes of `paragraphs`, whose marks `marks_of` gives (a paragraph's index and span, and
/// the list to fill), one paragraph after another.
fn quotes_of_marks(text: &str, paragraphs: &[Span], mut marks_of: impl FnMut(usize, Span, &mut Vec<Mark>)) -> Vec<QuoteSpan> {
    // Room for a quote a paragraph, and for a paragraph's marks, which few articles outgrow:
    // the lists are not regrown quote after quote.
    let mut out = Vec::with_capacity(paragraphs.len());
    let mut carried = false;
    // Buffers for each paragraph in turn.
    let (mut marks_buf, mut closers_after) = (Vec::with_capacity(16), Vec::new());
    for (index, &paragraph) in paragraphs.iter().enumerate() {
        marks_of(index, paragraph, &mut marks_buf);
        let (closed, open_at) = pair(&marks_buf, &mut closers_after);
        let first_closed = closed.first().copied();
        for (k, span) in closed.into_iter().enumerate() {
            out.push(QuoteSpan { span, paragraph: index, continues_previous: carried && k == 0 && span.start == paragraph.start, runs_on: false });
        }
        let next_opens = paragraphs.get(index + 1).is_some_and(|p| p.text(text).starts_with(['“', '"', '„', '«']));
        carried = false;
        if let Some(at) = open_at {
            if next_opens {
                out.push(QuoteSpan {
                    span: Span::new(at, paragraph.end),
                    paragraph: index,
                    continues_previous: first_closed.is_none() && at == paragraph.start && index > 0,
                    runs_on: true,
                });
                carried = true;
            }
        }
    }
    // Mark the first quote of a paragraph after a run-on quote as its continuation.
    for i in 1..out.len() {
        if out[i - 1].runs_on && out[i].paragraph == out[i - 1].paragraph + 1 {
            let starts_paragraph = paragraphs[out[i].paragraph].start == out[i].span.start;
            out[i].continues_previous |= starts_paragraph;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_of(t: &str) -> Vec<&str> {
        let paragraphs = crate::layout::analyse(&format!("T\n\n{t}")).paragraphs;
        let full = format!("T\n\n{t}");
        let found = find(&full, &paragraphs);
        found.iter().map(|q| &t[q.span.start - 3..q.span.end - 3]).collect()
    }

    /// Paragraphs of `text` between `cuts` (those on char boundaries), every third left out.
    fn paragraphs_between(text: &str, cuts: &[usize]) -> Vec<Span> {
        let mut bounds: Vec<usize> = cuts.iter().map(|&c| c.min(text.len())).filter(|&c| text.is_char_boundary(c)).collect();
        bounds.push(0);
        bounds.push(text.len());
        bounds.sort_unstable();
        bounds.dedup();
        bounds.windows(2).map(|w| Span::new(w[0], w[1])).enumerate().filter(|(k, _)| k % 3 != 2).map(|(_, p)| p).collect()
    }

    /// The marks of each paragraph, each searched for on its own from its start.
    fn marks_paragraph_by_paragraph(text: &str, paragraphs: &[Span]) -> Vec<Vec<(usize, usize, bool, Role)>> {
        paragraphs
            .iter()
            .map(|&p| {
                let mut out = Vec::new();
                marks(text, p, &mut out, &mut MarkSearch::new(text, p.start));
                out.iter().map(|m| (m.at, m.len, m.double, m.role)).collect()
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn marks_found_by_searches_kept_across_paragraphs_are_those_found_paragraph_by_paragraph(
            text in "([a-z ]{0,6}|[\"'’“”«»„]|\u{a0}|é|\n)*",
            cuts in proptest::collection::vec(0..80usize, 0..8),
        ) {
            // Paragraphs between cuts, some left out, one maybe out of order.
            let mut paragraphs = paragraphs_between(&text, &cuts);
            if paragraphs.len() > 2 && cuts.len() % 2 == 1 {
                paragraphs.swap(0, 1);
            }
            let mut search = MarkSearch::new(&text, paragraphs.first().map_or(text.len(), |p| p.start));
            let kept: Vec<Vec<(usize, usize, bool, Role)>> = paragraphs
                .iter()
                .map(|&p| {
                    let mut out = Vec::new();
                    marks(&text, p, &mut out, &mut search);
                    out.iter().map(|m| (m.at, m.len, m.double, m.role)).collect()
                })
                .collect();
            proptest::prop_assert_eq!(kept, marks_paragraph_by_paragraph(&text, &paragraphs), "{:?} {:?}", text, paragraphs);
        }
    }

    proptest::proptest! {
        #[test]
        fn quotes_found_from_tokens_are_those_found_in_the_bytes(
            text in "([a-zA-Z0-9]{0,6}|[ .,!?():—-]|[\"'’‘“”«»„‹›‟]|\u{a0}|é|\n)*",
            cuts in proptest::collection::vec(0..80usize, 0..8),
        ) {
            let paragraphs = paragraphs_between(&text, &cuts);
            let tokens: Vec<Vec<Token>> = paragraphs.iter().map(|&p| crate::tokens::tokenize(&text, p)).collect();
            let tokens: Vec<&[Token]> = tokens.iter().map(Vec::as_slice).collect();
            proptest::prop_assert_eq!(find_in_tokens(&text, &paragraphs, &tokens), find(&text, &paragraphs), "{:?} {:?}", text, paragraphs);
        }
    }

    #[test]
    fn curly_and_straight_and_mixed() {
        assert_eq!(quotes_of("He said “yes” and \"no\"."), ["“yes”", "\"no\""]);
        assert_eq!(quotes_of("“Mixed one,\" she said, \"and again.”"), ["“Mixed one,\"", "\"and again.”"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(quotes_of("The players’ union said Oslo’s mayor can’t come."), Vec::<&str>::new());
        assert_eq!(quotes_of("She called it ‘a farce’ on Monday."), ["‘a farce’"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(quotes_of("“He told me ‘no way’ twice,” she said."), ["“He told me ‘no way’ twice,”"]);
    }

    #[test]
    fn guillemets_and_low_marks() {
        assert_eq!(quotes_of("Il a dit «non» puis „ja“ hier."), ["«non»", "„ja“"]);
    }

    #[test]
    fn unbalanced_mark_stays_in_its_paragraph() {
        assert_eq!(quotes_of("A stray “mark here.\n\nNext paragraph “fine” ok."), ["“fine”"]);
    }

    #[test]
    fn quote_running_over_paragraphs() {
        let t = "“First part of it.\n\n“Second part,” he said.";
        assert_eq!(quotes_of(t), ["“First part of it.", "“Second part,”"]);
    }
}
