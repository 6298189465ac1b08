//! One line of a JSONL corpus, `{"id", "title"?, "date"?, "text"}`, as an
//! article: the command line's `index` and the app's loader read corpora alike.

use crate::json::{self, Json};

/// The id of the article on `line` (a number is written as it stands) and its
/// text, with the title and date in front as the header block
/// [`layout::analyse`](crate::layout::analyse) reads.
pub fn article_of_line(line: &str) -> Result<(String, String), String> {
    let value = json::parse(line).map_err(|e| e.to_string())?;
    if !matches!(value, Json::Object(_)) {
        return Err(format!("the line is {}", value.kind()));
    }
    let id = match value.get("id") {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(n)) => n.clone(),
        Some(other) => return Err(format!("\"id\" is {}, not a string or a number", other.kind())),
        None => return Err("it has no \"id\"".to_string()),
    };
    let text = match value.get("text") {
        Some(Json::String(s)) => s,
        Some(other) => return Err(format!("\"text\" is {}, not a string", other.kind())),
        None => return Err("it has no \"text\"".to_string()),
    };
    let optional = |field: &str| match value.get(field) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.as_str())),
        Some(other) => Err(format!("\"{field}\" is {}, not a string", other.kind())),
    };
    Ok((id, crate::layout::with_header(optional("title")?, optional("date")?, text)))
}

#[cfg(test)]
mod tests {
    use super::article_of_line;

    #[test]
    fn reads_the_id_and_puts_title_and_date_in_a_header() {
        let (id, text) = article_of_line(r#"{"id": "a-1", "title": "Rain", "date": "2024-01-02", "text": "It rained."}"#).unwrap();
        assert_eq!(id, "a-1");
        let article = crate::extract_text(&id, text);
        assert_eq!(article.title.text, "Rain");
        assert_eq!(article.date.iso.as_deref(), Some("2024-01-02"));
        assert_eq!(article_of_line(r#"{"id": 17, "text": "x", "title": null}"#).unwrap().0, "17");
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
            let error = article_of_line(line).unwrap_err();
            assert!(error.contains(says), "{line}: {error}");
        }
    }
}
