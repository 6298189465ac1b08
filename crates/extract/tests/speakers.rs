//! Golden tests of speaker resolution: the invented articles of `tests/speakers/*.txt` (format in
//! `tests/speakers/README.md`), each with the speaker a careful reader gives every quote.
//!
//! Every expectation is checked and every miss is printed. The test fails when the share of the
//! names given that are right falls below [`PRECISION_FLOOR`] (over all files, and over the
//! scraped pages alone: a wrong speaker costs more than a missing one), when fewer quotes than
//! [`RECALL_FLOOR`] get their expected name, and on any "he" or "she" given to a non-person.
//! The floors sit just under what the extractor does now, so a change that makes resolution
//! worse fails.

use broadsheet_extract::{extract_text, slug, Article, EntityKind};

/// The least share of names given that must be right.
const PRECISION_FLOOR: f64 = 0.90;
/// The least share of quotes expected to be named that must be named right.
const RECALL_FLOOR: f64 = 0.83;

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

impl Tally {
    fn add(&mut self, t: Tally) {
        self.named += t.named;
        self.right += t.right;
        self.wrong += t.wrong;
        self.given += t.given;
    }

    fn precision(&self) -> f64 {
        self.right as f64 / (self.right + self.wrong).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.right as f64 / self.named.max(1) as f64
    }
}

/// Quotes of `article` whose speaker is "he" or "she" and is given to something not a person.
fn pronouns_for_non_people(article: &Article) -> Vec<String> {
    article
        .quotes
        .iter()
        .filter_map(|q| Some((q.speaker_mention?, q.speaker.as_deref()?)))
        .filter(|(m, _)| matches!(m.text(&article.text).to_lowercase().as_str(), "he" | "she"))
        .filter(|(_, key)| article.entities.iter().find(|e| e.key == *key).is_none_or(|e| e.kind != EntityKind::Person))
        .map(|(m, key)| format!("{:?} given to {key}", m.text(&article.text)))
        .collect()
}

fn check(case: &Case, misses: &mut Vec<String>, pronoun_faults: &mut Vec<String>) -> Tally {
    let article = extract_text(&case.name, case.article.clone());
    pronoun_faults.extend(pronouns_for_non_people(&article).into_iter().map(|f| format!("{} / {}: {f}", case.file, case.name)));
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
    let mut pronoun_faults = Vec::new();
    let mut total = Tally::default();
    let mut by_file: Vec<(String, Tally)> = Vec::new();
    for case in cases() {
        let t = check(&case, &mut misses, &mut pronoun_faults);
        match by_file.last_mut() {
            Some((file, sum)) if *file == case.file => sum.add(t),
            _ => by_file.push((case.file.clone(), t)),
        }
        total.add(t);
    }
    for (file, t) in &by_file {
        println!("{file:20} named right {:3} of {:3}; wrong {:2}; precision {:.3}", t.right, t.named, t.wrong, t.precision());
    }
    println!("{}", misses.join("\n"));
    println!("all: named right {} of {}; wrong {}; names given {}", total.right, total.named, total.wrong, total.given);
    assert!(pronoun_faults.is_empty(), "a pronoun speaks for a non-person: {pronoun_faults:#?}");
    assert!(total.precision() >= PRECISION_FLOOR, "precision {:.3} below {PRECISION_FLOOR}", total.precision());
    assert!(total.recall() >= RECALL_FLOOR, "recall {:.3} below {RECALL_FLOOR}", total.recall());
    let scraped = by_file.iter().find(|(f, _)| f == "scraped.txt").map(|(_, t)| *t).expect("scraped pages are tested");
    assert!(scraped.precision() >= PRECISION_FLOOR, "scraped pages: precision {:.3} below {PRECISION_FLOOR}", scraped.precision());
}
