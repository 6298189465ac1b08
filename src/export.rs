//! What a view exports: its quotes as CSV (for a spreadsheet) or as JSON (for a newsroom's
//! own tools), and its articles as JSONL that Broadsheet itself opens again (`corpus=`), so a
//! filtered sub-corpus can be shared. Made in the browser; nothing is sent anywhere.
//!
//! JSON is written here, not with serde_json: the page reads JSON with the extractor's small
//! reader for the same reason (serde_json cost the page 29 KB gzipped, see BENCHMARKS.md).

use broadsheet_extract::QuoteKind;

use crate::corpus::Corpus;
use crate::filter::Results;
use crate::state::View;

/// The file's columns; offsets are UTF-8 byte offsets into the article's text.
const HEADER: [&str; 10] = ["quote", "speaker", "speaker_key", "kind", "cue", "article_id", "article_title", "date", "start", "end"];

/// One row per item of the quote list (indexes into `corpus.quotes`), in its order,
/// after a header. RFC 4180: every field quoted, lines ended with CRLF; a byte order
/// mark first, so spreadsheets read the file as UTF-8.
pub fn quotes_csv(corpus: &Corpus, items: &[usize]) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, HEADER);
    for r in items.iter().filter_map(|&i| corpus.quotes.get(i)) {
        let a = &corpus.articles[r.article];
        let q = &a.quotes[r.quote];
        let kind = kind_name(q.kind);
        let speaker = q.speaker.as_deref().map(|k| corpus.name_of(k)).unwrap_or_default();
        let (start, end) = (q.span.start.to_string(), q.span.end.to_string());
        push_row(
            &mut out,
            [
                q.span.text(&a.text),
                &speaker,
                q.speaker.as_deref().unwrap_or(""),
                kind,
                q.cue.as_deref().unwrap_or(""),
                &a.id,
                &a.title.text,
                a.date.iso.as_deref().unwrap_or(""),
                &start,
                &end,
            ],
        );
    }
    out
}

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Full => "full",
        QuoteKind::Partial => "partial",
    }
}

/// Appends `s` as a JSON string: quoted, with `"`, `\\` and control characters escaped.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `"name":` and `value` as a JSON string, or `null`.
fn json_field(out: &mut String, name: &str, value: Option<&str>) {
    json_string(out, name);
    out.push(':');
    match value {
        Some(v) => json_string(out, v),
        None => out.push_str("null"),
    }
}

/// Appends `"name":` and a number, or `null`.
fn json_number(out: &mut String, name: &str, value: Option<usize>) {
    json_string(out, name);
    out.push(':');
    match value {
        Some(n) => out.push_str(&n.to_string()),
        None => out.push_str("null"),
    }
}

/// The quotes `items` (indexes into `corpus.quotes`) as a JSON list, one object a line:
/// the quote, its speaker (name and key), kind and cue, the entities it names (`about`),
/// its article (id, title, date), the byte offsets of the quote and of the speaker as
/// written in the article's text, and `link`, where `link_of` says the quote is shown.
pub fn quotes_json(corpus: &Corpus, items: &[usize], link_of: &dyn Fn(usize) -> String) -> String {
    let mut out = String::from("[");
    for (n, &i) in items.iter().enumerate() {
        let Some(r) = corpus.quotes.get(i) else { continue };
        let a = &corpus.articles[r.article];
        let q = &a.quotes[r.quote];
        out.push_str(if n == 0 { "\n{" } else { ",\n{" });
        json_field(&mut out, "quote", Some(q.span.text(&a.text)));
        out.push(',');
        json_field(&mut out, "speaker", q.speaker.as_deref().map(|k| corpus.name_of(k)).as_deref());
        out.push(',');
        json_field(&mut out, "speaker_key", q.speaker.as_deref());
        out.push(',');
        json_field(&mut out, "kind", Some(kind_name(q.kind)));
        out.push(',');
        json_field(&mut out, "cue", q.cue.as_deref());
        out.push_str(",\"about\":[");
        for (k, &id) in corpus.quote_about(i).iter().enumerate() {
            out.push_str(if k == 0 { "{" } else { ",{" });
            json_field(&mut out, "key", Some(&corpus.keys[id as usize]));
            out.push(',');
            json_field(&mut out, "name", Some(&corpus.key_names[id as usize]));
            out.push('}');
        }
        out.push_str("],");
        json_field(&mut out, "article_id", Some(&a.id));
        out.push(',');
        json_field(&mut out, "article_title", Some(&a.title.text));
        out.push(',');
        json_field(&mut out, "date", a.date.iso.as_deref());
        out.push(',');
        json_number(&mut out, "start", Some(q.span.start));
        out.push(',');
        json_number(&mut out, "end", Some(q.span.end));
        out.push(',');
        json_number(&mut out, "speaker_start", q.speaker_mention.map(|m| m.start));
        out.push(',');
        json_number(&mut out, "speaker_end", q.speaker_mention.map(|m| m.end));
        out.push(',');
        json_field(&mut out, "link", Some(&link_of(i)));
        out.push('}');
    }
    out.push_str("\n]\n");
    out
}

/// The articles of a view, each once, in the view's order: its items in the articles view,
/// the articles of its quotes in the quote list.
pub fn view_articles(corpus: &Corpus, results: &Results) -> Vec<usize> {
    match results.view {
        View::Articles => results.items.clone(),
        View::Quotes => {
            let mut seen = vec![false; corpus.articles.len()];
            results
                .items
                .iter()
                .filter_map(|&i| corpus.quotes.get(i))
                .map(|r| r.article)
                .filter(|&a| !std::mem::replace(&mut seen[a], true))
                .collect()
        }
    }
}

/// The articles `articles` as a JSONL corpus, one `{"id", "title"?, "date"?, "text"}` line
/// each, that Broadsheet reads back as the same articles. A title the text holds, or one
/// made from the lead, is left out, so it is found or made again as before (a title given
/// with the text would stand apart from it and lose its names); a known date is given as
/// data, so one inferred from the text is kept as it was.
pub fn articles_jsonl(corpus: &Corpus, articles: &[usize]) -> String {
    let mut out = String::new();
    for a in articles.iter().filter_map(|&a| corpus.articles.get(a)) {
        out.push('{');
        json_field(&mut out, "id", Some(&a.id));
        if !a.title.derived && a.title.span.is_none() {
            out.push(',');
            json_field(&mut out, "title", Some(&a.title.text));
        }
        if let Some(date) = &a.date.iso {
            out.push(',');
            json_field(&mut out, "date", Some(date));
        }
        out.push(',');
        json_field(&mut out, "text", Some(&a.text));
        out.push_str("}\n");
    }
    out
}

fn push_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        // A cell that starts like a formula would run as one in a spreadsheet: make it text.
        if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            out.push('\'');
        }
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quote_is_a_row_with_its_speaker_and_article() {
        let corpus = Corpus::from_files([
            ("a.txt", "title: Pier opens\ndate: 2024-05-02\n\n“It is open,” said Anna Berg. “Come, \"all\" of you.”".as_bytes()),
            ("b.txt", "Tolls\n\n=SUM(A1) was on the sign, said Olaf Dahl: “-No tolls.”".as_bytes()),
        ]);
        let csv = quotes_csv(&corpus, &(0..corpus.quotes.len()).collect::<Vec<_>>());
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], r#""quote","speaker","speaker_key","kind","cue","article_id","article_title","date","start","end""#);
        assert_eq!(lines.len(), corpus.quotes.len() + 2, "a header, a row per quote, and the final line break");
        assert!(lines[1].starts_with(r#""“It is open,”","Anna Berg","anna-berg","full","said","a","Pier opens","2024-05-02","#), "{}", lines[1]);
        assert!(lines[2].contains(r#""“Come, ""all"" of you.”""#), "quotes inside a field are doubled: {}", lines[2]);
        assert!(csv.starts_with('\u{feff}') && csv.ends_with("\r\n"));
    }

    #[test]
    fn quotes_as_json_carry_what_they_name_and_where_they_are() {
        let corpus = Corpus::from_files([(
            "a.txt",
            "title: Pier \"opens\"\ndate: 2024-05-02\n\n“Oslo pays for the pier,” said Anna Berg.\n\n“Tab\there,” someone said.".as_bytes(),
        )]);
        let json = quotes_json(&corpus, &[0, 1], &|i| format!("https://x.org/?q{i}"));
        let parsed = broadsheet_extract::json::parse(&json).unwrap();
        let quotes = parsed.as_array().unwrap();
        assert_eq!(quotes.len(), 2);
        let first = &quotes[0];
        let field = |q: &broadsheet_extract::json::Json, name: &str| q.get(name).and_then(|v| v.as_str()).map(str::to_string);
        assert_eq!(field(first, "quote").as_deref(), Some("“Oslo pays for the pier,”"));
        assert_eq!(field(first, "speaker").as_deref(), Some("Anna Berg"));
        assert_eq!(field(first, "speaker_key").as_deref(), Some("anna-berg"));
        assert_eq!(field(first, "kind").as_deref(), Some("full"));
        assert_eq!(field(first, "cue").as_deref(), Some("said"));
        assert_eq!(field(first, "article_title").as_deref(), Some("Pier \"opens\""));
        assert_eq!(field(first, "date").as_deref(), Some("2024-05-02"));
        assert_eq!(field(first, "link").as_deref(), Some("https://x.org/?q0"));
        assert_eq!(
            first.get("about").and_then(|a| a.as_array()).map(|a| a.iter().map(|e| field(e, "key").unwrap()).collect::<Vec<_>>()),
            Some(vec!["oslo".to_string()])
        );
        let text = &corpus.articles[0].text;
        let offsets = |q: &broadsheet_extract::json::Json, a: &str, b: &str| {
            (q.get(a).and_then(|v| v.as_u64()).unwrap() as usize, q.get(b).and_then(|v| v.as_u64()).unwrap() as usize)
        };
        let (start, end) = offsets(first, "start", "end");
        assert_eq!(&text[start..end], "“Oslo pays for the pier,”");
        let (start, end) = offsets(first, "speaker_start", "speaker_end");
        assert_eq!(&text[start..end], "Anna Berg");
        assert_eq!(field(&quotes[1], "quote").as_deref(), Some("“Tab\there,”"));
        assert!(json.contains("\\t"), "a tab is escaped: {json}");
        assert_eq!(quotes_json(&corpus, &[], &|_| String::new()), "[\n]\n");
    }

    #[test]
    fn articles_as_jsonl_open_again_as_the_same_articles() {
        let mut files: Vec<(String, String)> = broadsheet_extract::synthetic::corpus(30, 3);
        for seed in ["000_36cf100171f11d27", "002_3b104472c2dad064"] {
            let path = format!("{}/seeds/{seed}.txt", env!("CARGO_MANIFEST_DIR"));
            files.push((format!("{seed}.txt"), std::fs::read_to_string(path).unwrap()));
        }
        files.push(("no-title.txt".into(), "“We open at nine,” said Anna Berg, who runs the \"market\".\r\n\tThe end.".into()));
        let corpus = Corpus::from_files(files.iter().map(|(n, t)| (n.as_str(), t.as_bytes())));
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let jsonl = articles_jsonl(&corpus, &all);
        let again: Vec<_> = broadsheet_extract::jsonl::read(&jsonl).map(|(_, line)| line.unwrap().extract()).collect();
        for (a, b) in Corpus::from_articles(again).articles.iter().zip(&corpus.articles) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.title, b.title, "{}", a.id);
            // The same date; one the text only implied now comes with it.
            assert_eq!(a.date.iso, b.date.iso, "{}", a.id);
            assert_eq!(a.kicker, b.kicker, "{}", a.id);
            assert_eq!(a.paragraphs, b.paragraphs, "{}", a.id);
            assert_eq!(a.quotes, b.quotes, "{}", a.id);
            assert_eq!(a.entities, b.entities, "{}", a.id);
            assert_eq!(a.dates, b.dates, "{}", a.id);
            assert_eq!(a.warnings, b.warnings, "{}", a.id);
        }
        // A view's articles: each once, in its order.
        let results =
            crate::filter::run(&corpus, &crate::state::ViewState { view: View::Quotes, sort: crate::state::Sort::Newest, ..Default::default() });
        let articles = view_articles(&corpus, &results);
        assert_eq!(articles, corpus.newest_first.iter().map(|&a| a as usize).filter(|&a| !corpus.articles[a].quotes.is_empty()).collect::<Vec<_>>());
    }

    #[test]
    fn a_field_that_looks_like_a_formula_is_text() {
        let mut row = String::new();
        push_row(&mut row, ["=1+1", "-2", "plain", "@x"]);
        assert_eq!(row, "\"'=1+1\",\"'-2\",\"plain\",\"'@x\"\r\n");
    }
}
