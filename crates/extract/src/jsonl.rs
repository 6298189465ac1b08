//! One line of a JSONL corpus, `{"id", "title"?, "date"?, "text"}`, as an
//! article: the command line's `index` and the app's loader read corpora alike.

use serde::Deserialize;

#[derive(Deserialize)]
struct Line {
    id: serde_json::Value,
    title: Option<String>,
    date: Option<String>,
    text: String,
}

/// The id of the article on `line` (a number is written as it stands) and its
/// text, with the title and date in front as the header block
/// [`layout::analyse`](crate::layout::analyse) reads.
pub fn article_of_line(line: &str) -> Result<(String, String), serde_json::Error> {
    let a: Line = serde_json::from_str(line)?;
    let id = match a.id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    Ok((id, crate::layout::with_header(a.title.as_deref(), a.date.as_deref(), &a.text)))
}
