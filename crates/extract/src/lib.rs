//! Broadsheet's extraction engine: one news article in, structured data out.
//!
//! [`extract`] takes a file name and its raw bytes; [`extract_given`] takes an
//! id and raw bytes with the title and date a corpus gives beside them (a JSONL
//! line's); [`extract_text`] takes text that is already decoded. All return an [`Article`]: title, kicker,
//! publication date, paragraphs, quotes with their speakers, people / places /
//! organisations, and date mentions. Every span is a pair of UTF-8 byte offsets
//! into [`Article::text`], always on char boundaries.
//!
//! The engine is rule-based and runs in linear time. The stages, in order:
//! [`decode`] → [`layout`] (header, title, paragraphs) → [`entities`] (names and
//! their clusters) → [`quotes`] (quotation marks paired into spans) →
//! [`attribution`] (speakers) → [`dates`]. [`corpus`] then gives the same person
//! the same key across articles.
//!
//! The library has no web dependencies so that it builds for the host and for
//! `wasm32-unknown-unknown` alike.

pub mod attribution;
pub mod corpus;
pub mod dates;
pub mod decode;
pub mod entities;
pub mod json;
pub mod jsonl;
pub mod keys;
pub mod layout;
pub mod lexicon;
pub mod page;
pub mod quotes;
pub mod repair;
pub mod resolve;
pub mod shard;
pub mod synthetic;
pub mod tokens;

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into [`Article::text`].
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// One article, as the engine understood it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Article {
    /// From the file name, without folder and extension.
    pub id: String,
    /// The decoded text every span points into (BOM removed, invalid UTF-8 replaced).
    pub text: String,
    pub title: Title,
    /// A short line printed above the headline, when the file has one.
    pub kicker: Option<Span>,
    pub date: PublicationDate,
    /// Body paragraphs, in order; header, title and repeated title/kicker lines are not among them.
    pub paragraphs: Vec<Span>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
    /// Problems with the input that the reader should know of (e.g. invalid UTF-8).
    pub warnings: Vec<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Title {
    pub text: String,
    /// Where the title stands in the text; `None` for a derived title.
    pub span: Option<Span>,
    /// True when the file has no title and this one was made from the lead.
    pub derived: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PublicationDate {
    /// ISO `YYYY-MM-DD`, when known.
    pub iso: Option<String>,
    pub provenance: DateProvenance,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DateProvenance {
    /// A `date` header line or an inline ` date YYYY-MM-DD` prefix.
    Header,
    /// A dateline such as `LONDON, March 3 (Reuters) -`.
    Dateline,
    /// Worked out from the dates the article mentions.
    Inferred,
    Unknown,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Whole sentences in quotation marks.
    Full,
    /// A quoted fragment inside paraphrase.
    Partial,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quotation, its marks included.
    pub span: Span,
    pub kind: QuoteKind,
    /// The speaker as written next to this quote ("he", "the Belarus President"), if found.
    pub speaker_mention: Option<Span>,
    /// Key of the entity that said it; `None` means unattributed.
    pub speaker: Option<String>,
    /// The verb that introduces the quote ("said", "told", "according to").
    pub cue: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable across the corpus: the slug of the canonical name.
    pub key: String,
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<Span>,
    /// Other ways the article names it ("Lukashenko", "the Belarusian leader").
    pub aliases: Vec<String>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DateMention {
    pub span: Span,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by precision.
    pub value: String,
    pub precision: DatePrecision,
    /// True for "on Thursday", "last year": resolved against the publication date.
    pub relative: bool,
}

/// What a corpus may say of an article beside its text: a JSONL line's
/// `title` and `date`. They are data, not text: spans still point into the
/// text as given, and the title and date are not read from it again.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Given<'a> {
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
}

/// Extracts one article from a file's raw bytes.
pub fn extract(file_name: &str, bytes: &[u8]) -> Article {
    extract_given(&id_from_file_name(file_name), bytes, Given::default())
}

/// Extracts one article from raw bytes, with the title and date a corpus gives beside them.
///
/// A given title is the article's title. The text's first line is then body
/// text, unless it gives the title's words (as many texts begin): then it is
/// read as the title, names and all; a title found nowhere in the text has no
/// span, and no names are looked for in it. A given date is the
/// publication date, against which the text's relative dates are resolved; one
/// that cannot be read as a date is flagged and the date is read from the text.
pub fn extract_given(id: &str, bytes: &[u8], given: Given<'_>) -> Article {
    extract_given_mapped(id, bytes, given).0
}

/// [`extract_given`], with the map from the article's text back to the decoded bytes' (see
/// [`extract_text_mapped`]).
pub fn extract_given_mapped(id: &str, bytes: &[u8], given: Given<'_>) -> (Article, repair::SourceMap) {
    let decoded = decode::decode(bytes);
    let (mut article, map) = extract_repairing(id, decoded.text, given);
    article.warnings.extend(decoded.warnings);
    (article, map)
}

/// Extracts one article from decoded text.
pub fn extract_text(id: &str, text: String) -> Article {
    extract_text_mapped(id, text).0
}

/// Extracts one article from decoded text, and maps the offsets of its text back to `text`'s:
/// characters that a scraper mis-decoded are repaired first ([`repair`]), so the article's
/// text may differ from the text given.
pub fn extract_text_mapped(id: &str, text: String) -> (Article, repair::SourceMap) {
    extract_repairing(id, text, Given::default())
}

fn extract_repairing(id: &str, text: String, given: Given<'_>) -> (Article, repair::SourceMap) {
    let (text, map, repaired) = match repair::mojibake(&text) {
        Some(r) => (r.text, r.map, r.count),
        None => (text, repair::SourceMap::default(), 0),
    };
    let mut article = extract_laid_out(id, text, given);
    if repaired > 0 {
        article.warnings.push(format!("{repaired} character(s) read with the wrong encoding (UTF-8 as Windows-1252) were repaired"));
    }
    (article, map)
}

/// Extracts one article from text with nothing left to repair.
fn extract_laid_out(id: &str, text: String, given: Given<'_>) -> Article {
    let mut layout = layout::analyse(&text);
    let given_title = given.title.map(single_spaced).filter(|t| !t.is_empty());
    // A title the layout found on a line of its own stays where it stands when it gives the given
    // title's words (or its first line's); otherwise it is the body's first line. One from the
    // text's `title:` header gives way.
    if let (Some(title), Some(found)) = (&given_title, layout.title) {
        let line_start = text[..found.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let own_line = text[line_start..found.start].trim().is_empty();
        if !(own_line && begins_title(found.text(&text), title)) {
            layout.title = None;
            if own_line {
                layout.paragraphs.insert(0, found);
            }
        }
    }
    // Tokenised once; every later stage reads these.
    // Every paragraph's tokens in one list, made once: room for all of them at once, as
    // `tokenize_into` reserves it for each, so that the list is never copied to grow.
    let mut all_tokens = Vec::with_capacity(layout.paragraphs.iter().map(|p| p.len() / 4 + 1).sum());
    let bounds: Vec<(usize, usize)> = layout
        .paragraphs
        .iter()
        .map(|&p| {
            let start = all_tokens.len();
            tokens::tokenize_into(&mut all_tokens, &text, p);
            (start, all_tokens.len())
        })
        .collect();
    let paragraph_tokens: Vec<&[tokens::Token]> = bounds.iter().map(|&(start, end)| &all_tokens[start..end]).collect();
    let mut found = entities::recognise(&text, &layout, &paragraph_tokens);
    let spans = quotes::find_in_tokens(&text, &layout.paragraphs, &paragraph_tokens);
    let quotes = attribution::attribute(&text, &layout, &paragraph_tokens, &spans, &layout.credits, &mut found);
    let mut warnings = Vec::new();
    let given_date = given.date.map(str::trim).filter(|d| !d.is_empty());
    let (date, dates) = match given_date {
        Some(date) => {
            if dates::parse_value(date).is_none() {
                warnings.push(format!("the date given with it, “{date}”, is not a date; the date was read from the text"));
            }
            // The given date is read as a header's date would be.
            dates::resolve_with_header(&text, &layout, &paragraph_tokens, Some(date))
        }
        None => dates::resolve(&text, &layout, &paragraph_tokens),
    };
    if text.trim().is_empty() {
        warnings.push("the file is empty".to_string());
    }
    let title = match given_title {
        Some(given) => Title { text: given, span: layout.title, derived: false },
        None => layout.title(&text),
    };
    Article {
        id: id.to_string(),
        title,
        kicker: layout.kicker,
        date,
        paragraphs: layout.paragraphs,
        quotes,
        entities: found.into_entities(),
        dates,
        warnings,
        text,
    }
}

/// The words of `title` with one space between each two: written straight into one string, not
/// gathered in a list and joined.
fn single_spaced(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Does `line` give the first words of `title`, or all of them (letters and digits, folded)?
/// Both are most often ASCII, whose letters fold to their lowercase: then bytes are compared.
fn begins_title(line: &str, title: &str) -> bool {
    if !(line.is_ascii() && title.is_ascii()) {
        return begins_title_folded(line, title);
    }
    fn letters(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase())
    }
    let mut title = letters(title);
    let mut line = letters(line).peekable();
    line.peek().is_some() && line.all(|b| title.next() == Some(b))
}

/// [`begins_title`], each character folded.
fn begins_title_folded(line: &str, title: &str) -> bool {
    let words = |s| lexicon::folded_chars(s).filter(|c| c.is_alphanumeric());
    let mut title = words(title);
    let mut line = words(line).peekable();
    line.peek().is_some() && line.all(|c| title.next() == Some(c))
}

/// `seeds/000_36cf.txt` → `000_36cf`.
pub fn id_from_file_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match base.rfind('.') {
        Some(dot) if dot > 0 => base[..dot].to_string(),
        _ => base.to_string(),
    }
}

pub use keys::{is_key, slug};

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn a_title_is_begun_in_bytes_as_in_folded_characters(line in "[A-Za-z0-9 ,.:'-]{0,30}|[A-Za-zé ]{0,12}", title in "[A-Za-z0-9 ,.:'-]{0,40}|[A-Za-zÉé ]{0,14}", cut in 0..40usize) {
            // A line that gives the title's first words, as written or in other case, and others.
            let cut = title.char_indices().nth(cut).map_or(title.len(), |(i, _)| i);
            for line in [line.clone(), title[..cut].to_string(), title[..cut].to_uppercase()] {
                proptest::prop_assert_eq!(super::begins_title(&line, &title), super::begins_title_folded(&line, &title), "{:?} {:?}", line, title);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn titles_are_single_spaced_as_their_words_joined(title in "[a-z \t\n\u{a0}é]{0,20}") {
            proptest::prop_assert_eq!(super::single_spaced(&title), title.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

    #[test]
    fn ids_come_from_file_names() {
        assert_eq!(super::id_from_file_name("seeds/000_ab.txt"), "000_ab");
    }
}
