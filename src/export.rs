//! The quotes of a view as a CSV file, for a spreadsheet or a newsroom's own tools.

use broadsheet_extract::QuoteKind;

use crate::corpus::Corpus;

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
        let kind = match q.kind {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
        };
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
    fn a_field_that_looks_like_a_formula_is_text() {
        let mut row = String::new();
        push_row(&mut row, ["=1+1", "-2", "plain", "@x"]);
        assert_eq!(row, "\"'=1+1\",\"'-2\",\"plain\",\"'@x\"\r\n");
    }
}
