//! JSONL corpora, one `{"id", "title"?, "date"?, "text"}` object a line: the
//! one reader of them for the command line (`jsonl`, `index`) and the app's
//! loader, so all three accept the same lines and say the same of bad ones.

use crate::json::{self, Json};
use crate::{Article, Given};

/// One line of a JSONL corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The article's id: a string's value, or a number as it is written.
    pub id: String,
    /// The id was written as a number (the command line writes it back as one).
    pub numeric_id: bool,
    pub title: Option<String>,
    pub date: Option<String>,
    pub text: String,
}

impl Line {
    /// The title and date, passed to extraction as data.
    pub fn given(&self) -> Given<'_> {
        Given { title: self.title.as_deref(), date: self.date.as_deref() }
    }

    pub fn extract(&self) -> Article {
        self.extract_mapped().0
    }

    /// [`Line::extract`], with the map from the article's text back to the line's (see
    /// [`crate::extract_text_mapped`]).
    pub fn extract_mapped(&self) -> (Article, crate::repair::SourceMap) {
        crate::extract_given_mapped(&self.id, self.text.as_bytes(), self.given())
    }
}

/// The members of a line that are read; a corpus's lines may carry more (annotations, sources),
/// which are checked as JSON but not kept.
const MEMBERS: [&str; 4] = ["id", "text", "title", "date"];

/// Reads one line, or says what is wrong with it.
pub fn read_line(line: &str) -> Result<Line, String> {
    let value = json::parse_members(line, &MEMBERS).map_err(|e| e.to_string())?;
    let Json::Object(mut members) = value else {
        return Err(format!("the line is {}", value.kind()));
    };
    let mut take = |field: &str| members.iter_mut().find(|(k, _)| k == field).map(|(_, v)| std::mem::replace(v, Json::Null));
    let (id, numeric_id) = match take("id") {
        Some(Json::String(s)) => (s, false),
        Some(Json::Number(n)) => (n, true),
        Some(other) => return Err(format!("\"id\" is {}, not a string or a number", other.kind())),
        None => return Err("it has no \"id\"".to_string()),
    };
    let text = match take("text") {
        Some(Json::String(s)) => s,
        Some(other) => return Err(format!("\"text\" is {}, not a string", other.kind())),
        None => return Err("it has no \"text\"".to_string()),
    };
    let mut optional = |field: &str| match take(field) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("\"{field}\" is {}, not a string", other.kind())),
    };
    Ok(Line { id, numeric_id, title: optional("title")?, date: optional("date")?, text })
}

/// Every line of a JSONL body that is not blank, with its number (from 1).
pub fn read(body: &str) -> impl Iterator<Item = (usize, Result<Line, String>)> + '_ {
    body.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()).map(|(i, line)| (i + 1, read_line(line)))
}

/// What is said of a line that could not be read.
pub fn problem(number: usize, error: &str) -> String {
    format!("line {number}: not an {{\"id\", \"text\"}} object ({error})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_date_are_data_and_offsets_stay_in_the_text() {
        let line = read_line(r#"{"id": "a-1", "title": "Rain", "date": "2024-01-02", "text": "“It rained on Monday,” said Anna Berg."}"#).unwrap();
        assert_eq!((line.id.as_str(), line.numeric_id), ("a-1", false));
        let article = line.extract();
        assert_eq!(article.text, line.text, "nothing is written in front of the text");
        assert_eq!(article.title.text, "Rain");
        assert_eq!(article.title.span, None, "a title that is not in the text has no place in it");
        assert_eq!(article.date.iso.as_deref(), Some("2024-01-02"));
        assert_eq!(article.date.provenance, crate::DateProvenance::Header);
        // "Monday" is resolved against the given date.
        assert_eq!(article.dates.iter().map(|d| d.value.as_str()).collect::<Vec<_>>(), ["2024-01-01"]);
        assert_eq!(article.quotes[0].span.text(&article.text), "“It rained on Monday,”");
        let numeric = read_line(r#"{"id": 17, "text": "x", "title": null}"#).unwrap();
        assert_eq!((numeric.id.as_str(), numeric.numeric_id), ("17", true));
    }

    #[test]
    fn a_given_title_leaves_the_first_line_to_the_body_unless_it_repeats_it() {
        let with = |title: &str, text: &str| Line { id: "x".into(), numeric_id: false, title: Some(title.into()), date: None, text: text.into() };
        let article = with("Harbour reopens", "Crews return\n\nThe pier opened on Monday.").extract();
        assert_eq!(article.title.text, "Harbour reopens");
        let paragraphs: Vec<&str> = article.paragraphs.iter().map(|p| p.text(&article.text)).collect();
        assert_eq!(paragraphs, ["Crews return", "The pier opened on Monday."]);
        // A text that begins with the title (as many do), in its own case and punctuation, or
        // with the first of its lines: that line is the title, where it stands.
        for (title, text) in [
            ("Harbour  reopens\n", "HARBOUR REOPENS.\n\nThe pier opened on Monday."),
            ("Harbour reopens; crews return", "Harbour reopens;\ncrews return\n\nThe pier opened on Monday."),
        ] {
            let article = with(title, text).extract();
            assert_eq!(article.title.text, title.split_whitespace().collect::<Vec<_>>().join(" "));
            assert_eq!(article.title.span.map(|s| s.start), Some(0), "{text}");
            let paragraphs: Vec<&str> = article.paragraphs.iter().map(|p| p.text(&article.text)).collect();
            assert_eq!(paragraphs.last(), Some(&"The pier opened on Monday."), "{text}");
            assert!(!paragraphs.contains(&"HARBOUR REOPENS.") && !paragraphs.contains(&"Harbour reopens;"), "{paragraphs:?}");
        }
        // A blank title is no title: the text's own is found as before.
        let article = with(" ", "Crews return\n\nThe pier opened on Monday.").extract();
        assert_eq!(article.title.text, "Crews return");
    }

    #[test]
    fn a_given_date_that_is_no_date_is_flagged_and_the_text_decides() {
        let line = read_line(r#"{"id": "d", "date": "soon", "text": "OSLO, May 2, 2023 (Wire) — The fjord froze."}"#).unwrap();
        let article = line.extract();
        assert_eq!(article.date.iso.as_deref(), Some("2023-05-02"));
        assert!(article.warnings.iter().any(|w| w.contains("“soon”, is not a date")), "{:?}", article.warnings);
    }

    #[test]
    fn lines_are_numbered_and_blank_ones_skipped() {
        let body = "{\"id\": \"a\", \"text\": \"x\"}\n\n  \nnot json\n{\"id\": \"b\", \"text\": \"y\"}";
        let read: Vec<(usize, bool)> = read(body).map(|(n, line)| (n, line.is_ok())).collect();
        assert_eq!(read, [(1, true), (4, false), (5, true)]);
        assert_eq!(problem(4, "oops"), "line 4: not an {\"id\", \"text\"} object (oops)");
    }

    #[test]
    fn says_what_is_wrong_with_a_line() {
        for (line, says) in [
            (r#"{"text": "x"}"#, "no \"id\""),
            (r#"{"id": "a"}"#, "no \"text\""),
            (r#"{"id": true, "text": "x"}"#, "\"id\" is true or false"),
            (r#"{"id": "a", "text": 3}"#, "\"text\" is a number"),
            (r#"{"id": "a", "text": "x", "date": 2024}"#, "\"date\" is a number"),
            (r#"["a", "x"]"#, "the line is a list"),
            (r#"{"id": "a", "text": "x""#, "expected ',' or '}'"),
        ] {
            let error = read_line(line).unwrap_err();
            assert!(error.contains(says), "{line}: {error}");
        }
    }
}
