//! Golden tests of speaker resolution: the invented articles of `tests/speakers/*.txt` (format in
//! `tests/speakers/README.md`), each with the speaker a careful reader gives every quote.
//!
//! Every expectation is checked and every miss is printed. The test fails on any name given
//! where the expected name differs (a wrong speaker costs more than a missing one), and when
//! fewer quotes than the floor below get their expected name.

use broadsheet_extract::{extract_text, slug, Article};

/// One invented article and what a careful reader expects of its quotes.
struct Case {
    file: String,
    name: String,
    article: String,
    expectations: Vec<Expectation>,
}

enum Expectation {
    /// The quote holding this snippet is reported with this speaker.
    Named { snippet: String, name: String },
    /// The quote holding this snippet has no name: nobody is named, or a reader cannot tell.
    Unnamed { snippet: String },
    /// No quote of the case goes to this name (a byline, a credit, the outlet).
    NotASpeaker { name: String },
}

fn parse(file: &str, source: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(name) = line.strip_prefix("=== case:") else { continue };
        let mut article = Vec::new();
        for line in lines.by_ref() {
            if line == "--- expect" {
                break;
            }
            // Comments under the header say what the case covers; they are no part of the article.
            if article.is_empty() && line.starts_with('#') {
                continue;
            }
            article.push(line);
        }
        while article.last().is_some_and(|l| l.trim().is_empty()) {
            article.pop();
        }
        let mut expectations = Vec::new();
        while let Some(line) = lines.next_if(|l| !l.starts_with("=== case:")) {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let expectation = if let Some(name) = line.strip_prefix("not a speaker:") {
                Expectation::NotASpeaker { name: name.trim().to_string() }
            } else {
                let (snippet, name) = line.split_once(" => ").unwrap_or_else(|| panic!("{file}: {name}: bad line {line:?}"));
                let snippet = snippet.trim().to_string();
                match name.trim() {
                    "?" => Expectation::Unnamed { snippet },
                    name => Expectation::Named { snippet, name: name.to_string() },
                }
            };
            expectations.push(expectation);
        }
        cases.push(Case { file: file.to_string(), name: name.trim().to_string(), article: article.join("\n"), expectations });
    }
    cases
}

fn cases() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/speakers");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/speakers exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|path| {
            let source = std::fs::read_to_string(path).expect("utf-8 test file");
            parse(&path.file_name().unwrap_or_default().to_string_lossy(), &source)
        })
        .collect()
}

/// The speaker key of the quote that holds `snippet`: `None` when no quote holds it,
/// `Some(None)` when one does and has no speaker.
fn speaker_of<'a>(article: &'a Article, snippet: &str) -> Option<Option<&'a str>> {
    article.quotes.iter().find(|q| q.span.text(&article.text).contains(snippet)).map(|q| q.speaker.as_deref())
}

/// What the checks found, over all cases or one file.
#[derive(Default, Debug, Clone, Copy)]
struct Tally {
    /// Quotes expected to be named.
    named: usize,
    /// ... and named right.
    right: usize,
    /// Names given that are wrong: another name, a name for an unnamed quote, a non-speaker.
    wrong: usize,
    /// Names given at all, to quotes with an expectation.
    given: usize,
}

fn check(case: &Case, misses: &mut Vec<String>) -> Tally {
    let article = extract_text(&case.name, case.article.clone());
    let name_of = |key: &str| article.entities.iter().find(|e| e.key == key).map_or(key.to_string(), |e| e.name.clone());
    let mut tally = Tally::default();
    let mut miss = |what: String| misses.push(format!("{} / {}: {what}", case.file, case.name));
    for expectation in &case.expectations {
        match expectation {
            Expectation::Named { snippet, name } => {
                tally.named += 1;
                match speaker_of(&article, snippet) {
                    None => miss(format!("no quote holds {snippet:?} (expected {name})")),
                    Some(None) => miss(format!("{snippet:?}: no name (expected {name})")),
                    Some(Some(key)) => {
                        tally.given += 1;
                        if key == slug(name) {
                            tally.right += 1;
                        } else {
                            tally.wrong += 1;
                            miss(format!("{snippet:?}: WRONG {} (expected {name})", name_of(key)));
                        }
                    }
                }
            }
            Expectation::Unnamed { snippet } => {
                if let Some(Some(key)) = speaker_of(&article, snippet) {
                    tally.given += 1;
                    tally.wrong += 1;
                    miss(format!("{snippet:?}: WRONG {} (nobody is named)", name_of(key)));
                }
            }
            Expectation::NotASpeaker { name } => {
                let key = slug(name);
                let said = article.quotes.iter().filter(|q| q.speaker.as_deref() == Some(key.as_str())).count();
                if said > 0 {
                    tally.wrong += 1;
                    miss(format!("WRONG: {name} is given {said} quote(s) but is no speaker"));
                }
            }
        }
    }
    tally
}

#[test]
fn the_test_files_are_well_formed() {
    let cases = cases();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    for case in &cases {
        assert!(!case.article.trim().is_empty() && !case.expectations.is_empty(), "{} / {}", case.file, case.name);
        for e in &case.expectations {
            if let Expectation::Named { snippet, .. } | Expectation::Unnamed { snippet } = e {
                assert_eq!(case.article.matches(snippet.as_str()).count(), 1, "{} / {}: {snippet:?}", case.file, case.name);
            }
        }
    }
}

#[test]
fn speakers_are_named_as_a_careful_reader_names_them() {
    let mut misses = Vec::new();
    let mut total = Tally::default();
    let mut by_file: Vec<(String, Tally)> = Vec::new();
    for case in cases() {
        let t = check(&case, &mut misses);
        match by_file.last_mut() {
            Some((file, sum)) if *file == case.file => {
                sum.named += t.named;
                sum.right += t.right;
                sum.wrong += t.wrong;
                sum.given += t.given;
            }
            _ => by_file.push((case.file.clone(), t)),
        }
        total.named += t.named;
        total.right += t.right;
        total.wrong += t.wrong;
        total.given += t.given;
    }
    for (file, t) in &by_file {
        println!("{file:20} named right {:3} of {:3}; wrong {:2}", t.right, t.named, t.wrong);
    }
    println!("{}", misses.join("\n"));
    println!("all: named right {} of {}; wrong {}; names given {}", total.right, total.named, total.wrong, total.given);
}
