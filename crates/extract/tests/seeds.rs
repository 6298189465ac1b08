//! Golden tests on the two seed articles: every quote with its speaker, the
//! title, the kicker, the date and the people.

use broadsheet_extract::{extract, Article, DateProvenance, EntityKind, QuoteKind};

fn seed(name: &str) -> Article {
    let path = format!("{}/../../seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    extract(&path, &std::fs::read(&path).expect("seed file"))
}

/// (start of the quote's text, kind, speaker key) for every quote, in order.
fn quotes(a: &Article) -> Vec<(String, QuoteKind, Option<String>)> {
    a.quotes
        .iter()
        .map(|q| {
            let inner: String = q.span.text(&a.text).chars().skip(1).take(25).collect();
            (inner, q.kind, q.speaker.clone())
        })
        .collect()
}

fn people(a: &Article) -> Vec<&str> {
    let mut p: Vec<&str> = a.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.key.as_str()).collect();
    p.sort();
    p
}

#[test]
fn interview_with_inline_date_header() {
    let a = seed("000_36cf100171f11d27.txt");
    assert_eq!(a.id, "000_36cf100171f11d27");
    assert!(a.title.derived);
    assert!(a.title.text.starts_with("Belarus President Alexander Lukashenko on Thursday said"), "{}", a.title.text);
    assert_eq!(a.date.iso.as_deref(), Some("2022-05-05"));
    assert_eq!(a.date.provenance, DateProvenance::Header);
    assert!(a.paragraphs[0].text(&a.text).starts_with("Belarus President"));
    let luka = Some("alexander-lukashenko".to_string());
    use QuoteKind::*;
    assert_eq!(
        quotes(&a),
        vec![
            // The lead is also the derived headline, and it is body text all the same.
            ("everything”".into(), Partial, luka.clone()),
            ("military operation”".into(), Partial, luka.clone()),
            ("drag on this way”".into(), Partial, luka.clone()),
            ("We categorically do not a".into(), Full, luka.clone()),
            ("provoking Russia”".into(), Partial, luka.clone()),
            ("interested”".into(), Partial, luka.clone()),
            ("Why is Ukraine, on whose ".into(), Full, luka.clone()),
            ("We do not threaten anyone".into(), Full, luka.clone()),
            ("trying to destroy”".into(), Partial, Some("ukraine".into())),
            ("focusing on blocking and ".into(), Partial, Some("kyiv".into())),
        ]
    );
    // "the Belarus President told AP": the mention as written, resolved to him.
    let why = &a.quotes[6];
    assert_eq!(why.speaker_mention.unwrap().text(&a.text), "the Belarus President");
    assert_eq!(people(&a), ["alexander-lukashenko", "emmanuel-macron", "vladimir-putin"]);
    let thursday = a.dates.iter().find(|d| d.span.text(&a.text) == "Thursday").expect("Thursday");
    assert_eq!(thursday.value, "2022-05-05");
    let ap = a.entities.iter().find(|e| e.key == "associated-press").expect("AP");
    assert_eq!(ap.mentions.len(), 4, "the acronym joins the full name");
}

#[test]
fn kremlin_article_with_title_kicker_and_inferred_date() {
    let a = seed("002_3b104472c2dad064.txt");
    assert!(!a.title.derived);
    assert_eq!(a.title.text, "War in Ukraine: Kremlin rules out any truce proposed by Belarus");
    assert_eq!(a.kicker.map(|k| k.text(&a.text)), Some("End of inadmissibility"));
    assert!(a.paragraphs[0].text(&a.text).starts_with("End of inadmissibility. On Friday March 31"));
    assert_eq!(a.date.iso.as_deref(), Some("2023-03-31"));
    assert_eq!(a.date.provenance, DateProvenance::Inferred);
    let luka = Some("alexander-lukashenko".to_string());
    let putin = Some("vladimir-putin".to_string());
    use QuoteKind::*;
    assert_eq!(
        quotes(&a),
        vec![
            ("As for Ukraine, nothing c".into(), Full, Some("dmitry-peskov".into())),
            ("truce\"".into(), Partial, luka.clone()),
            ("no preconditions\"".into(), Partial, luka.clone()),
            ("We have to stop now, befo".into(), Full, luka.clone()),
            ("It is possible - and must".into(), Full, luka.clone()),
            ("nuclear\"".into(), Partial, luka.clone()),
            (" tactics\"".into(), Partial, putin.clone()),
            ("Because of the United Sta".into(), Full, luka.clone()),
            ("nuclear fires lie in wait".into(), Partial, luka.clone()),
            ("You all understand and kn".into(), Full, luka.clone()),
            ("military-industrial compl".into(), Partial, luka.clone()),
            ("flooded with Western weap".into(), Partial, luka.clone()),
            ("escalation\"".into(), Partial, luka.clone()),
            ("tactical\"".into(), Partial, putin.clone()),
        ]
    );
    assert_eq!(people(&a), ["alexander-lukashenko", "dmitry-peskov", "vladimir-putin"]);
    let kyiv = a.entities.iter().find(|e| e.key == "kyiv").expect("Kyiv");
    assert!(kyiv.aliases.iter().any(|x| x == "Kiev"), "{:?}", kyiv.aliases);
    let march_26 = a.dates.iter().find(|d| d.span.text(&a.text) == "March 26").expect("March 26");
    assert_eq!(march_26.value, "2023-03-26");
}
