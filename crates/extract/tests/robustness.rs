//! Arbitrary input never panics, and every span the engine reports is sound.

use broadsheet_extract::{extract, Article, Span};
use proptest::prelude::*;

fn check(a: &Article) {
    let ok = |s: Span| s.start <= s.end && s.end <= a.text.len() && a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end);
    for q in &a.quotes {
        assert!(ok(q.span), "quote span {:?}", q.span);
        if let Some(m) = q.speaker_mention {
            assert!(ok(m), "speaker span {m:?}");
        }
        if let Some(k) = &q.speaker {
            assert!(a.entities.iter().any(|e| &e.key == k), "speaker {k} is an entity");
        }
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "quotes overlap: {:?} {:?}", w[0].span, w[1].span);
    }
    for e in &a.entities {
        assert!(e.mentions.iter().all(|&m| ok(m)));
    }
    for d in &a.dates {
        assert!(ok(d.span));
    }
    for &p in &a.paragraphs {
        assert!(ok(p));
    }
    if let Some(k) = a.kicker {
        assert!(ok(k));
    }
}

/// Text made of the pieces that trip extractors: marks of every kind, names, verbs, breaks.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\u{a0}",
        ".",
        ",",
        ":",
        "—",
        "said",
        "told reporters",
        "he",
        "she",
        "Mr.",
        "President",
        "Anna Kowalski",
        "Oslo",
        "Kiev",
        "the Acme Group",
        "Friday",
        "March 31",
        "2021",
        "last year",
        "é",
        "漢",
        "\u{FEFF}",
        "date 2020-01-01 ",
        "Title: x\n",
        "according to",
    ]);
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(&extract("fuzz.txt", &bytes));
    }

    #[test]
    fn newsy_text(text in newsy()) {
        check(&extract("fuzz.txt", text.as_bytes()));
    }
}

#[test]
fn invalid_utf8_is_flagged() {
    let a = extract("bad.txt", b"Headline\n\n\xff\xfe \"Hello,\" he said.");
    assert!(a.warnings.iter().any(|w| w.contains("not valid UTF-8")));
    check(&a);
}

#[test]
fn empty_file_is_flagged() {
    let a = extract("empty.txt", b"");
    assert!(a.warnings.iter().any(|w| w.contains("empty")));
    assert!(a.quotes.is_empty());
}

#[test]
fn a_megabyte_of_capitalised_words_and_offices_in_one_run() {
    // One run of capitals with an office every other word: each office may split a name
    // from the body before it, and that must neither recurse along the run nor rescan it.
    let line = format!("Harbour news\n\n{}Quist said.", "Xavo Minister ".repeat(1_000_000 / 14));
    check(&extract("run.txt", line.as_bytes()));
}

#[test]
fn five_megabytes_of_unbalanced_marks_in_one_line() {
    // A correctness check at scale (no timing here; speed lives in the bench):
    // one stray opener per sentence must not produce a quote that swallows the line.
    let line = "He said “this never closes and Mr. Smith said \"neither does this. ".repeat(5_000_000 / 66);
    let a = extract("big.txt", line.as_bytes());
    check(&a);
    assert!(a.quotes.iter().all(|q| q.span.len() < 200), "no quote runs away");
}

#[test]
fn megabytes_of_no_break_spaces_inside_one_quote() {
    // A no-break space begins with the byte that « and » begin with: finding the quotation
    // marks must not search the text again from each of them.
    let line = format!("“{}” said Anna Berg.", "word\u{a0}".repeat(1_000_000));
    let a = extract("nbsp.txt", line.as_bytes());
    check(&a);
    assert_eq!(a.quotes.len(), 1);
}
