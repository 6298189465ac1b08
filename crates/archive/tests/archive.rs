//! Index format 3 end to end: articles in, chunks out, and what a reader makes of them is what
//! the whole corpus, linked at once by `corpus::link`, says.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use broadsheet_archive::build::{make_batch, Builder};
use broadsheet_archive::chunk::{self, ChunkRef, Kind};
use broadsheet_archive::dictionary::Dictionary;
use broadsheet_archive::manifest::Manifest;
use broadsheet_archive::reader::{Index, Reader};
use broadsheet_archive::table::{self, Batch, Counted, Table, NO_SPEAKER};
use broadsheet_archive::words;
use broadsheet_extract::{Article, EntityKind};
use proptest::prelude::*;

fn temp(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("broadsheet-archive-{}-{name}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn build(dir: &Path, articles: &[Article], batch: usize, texts: bool, part: Option<(u32, u32)>) -> Manifest {
    let mut builder = Builder::new(dir, texts).unwrap();
    let with_urls: Vec<(Article, Option<String>)> = articles.iter().map(|a| (a.clone(), Some(format!("https://example.org/{}", a.id)))).collect();
    for chunk in with_urls.chunks(batch) {
        builder.add_batch(make_batch(chunk, texts)).unwrap();
    }
    builder.finish(part).unwrap()
}

/// What the page's corpus makes of linked articles, keyed by strings.
#[derive(Debug, PartialEq)]
struct Facts {
    /// Per article: speakers, about, people, places, organisations (the page's facet order).
    facets: Vec<[Vec<String>; 5]>,
    quote_speaker: Vec<Option<String>>,
    quote_about: Vec<Vec<String>>,
    kinds: Vec<u8>,
    days: Vec<u32>,
}

fn sorted(keys: impl IntoIterator<Item = String>) -> Vec<String> {
    keys.into_iter().collect::<BTreeSet<_>>().into_iter().collect()
}

/// The facts by definition, from articles linked across the corpus.
fn facts_of(linked: &[Article]) -> (Facts, BTreeMap<String, (String, EntityKind)>) {
    let mut names = BTreeMap::new();
    let mut facts = Facts { facets: Vec::new(), quote_speaker: Vec::new(), quote_about: Vec::new(), kinds: Vec::new(), days: Vec::new() };
    for a in linked {
        for e in &a.entities {
            names.entry(e.key.clone()).or_insert((e.name.clone(), e.kind));
        }
        let of_kind = |k: EntityKind| sorted(a.entities.iter().filter(|e| e.kind == k).map(|e| e.key.clone()));
        let mut about_all = Vec::new();
        for q in &a.quotes {
            let about = sorted(
                a.entities.iter().filter(|e| e.mentions.iter().any(|m| q.span.start <= m.start && m.end <= q.span.end)).map(|e| e.key.clone()),
            );
            about_all.extend(about.clone());
            facts.quote_about.push(about);
            facts.quote_speaker.push(q.speaker.clone());
            facts.kinds.push(table::kind_bit(q.kind));
        }
        facts.facets.push([
            sorted(a.quotes.iter().filter_map(|q| q.speaker.clone())),
            sorted(about_all),
            of_kind(EntityKind::Person),
            of_kind(EntityKind::Place),
            of_kind(EntityKind::Organization),
        ]);
        facts.days.push(a.date.iso.as_deref().and_then(table::day_number).unwrap_or(0));
    }
    (facts, names)
}

/// The facts as a reader of the index gets them.
fn facts_read(index: &Index) -> (Facts, Vec<(String, EntityKind)>) {
    let (links, linked) = index.linked();
    let quotes = linked.quote_columns().unwrap();
    let key = |id: &u32| index.dictionary.entries[*id as usize].key.clone();
    let facts = Facts {
        facets: (0..linked.articles()).map(|a| std::array::from_fn(|f| sorted(linked.facets[f].get(a).iter().map(key)))).collect(),
        quote_speaker: quotes.speaker.iter().map(|s| (*s != NO_SPEAKER).then(|| key(s))).collect(),
        quote_about: (0..linked.quotes()).map(|q| sorted(quotes.about.get(q).iter().map(key))).collect(),
        kinds: quotes.kinds.clone(),
        days: linked.days.clone(),
    };
    (facts, links.names)
}

fn extract_all(texts: &[(String, String)]) -> Vec<Article> {
    texts.iter().map(|(name, text)| broadsheet_extract::extract(name, text.as_bytes())).collect()
}

/// Checks everything a reader can ask of the index in `dir` against the raw `articles`.
fn check_index(dir: &Path, articles: &[Article], texts: bool) {
    let mut linked_articles = articles.to_vec();
    broadsheet_extract::corpus::link(&mut linked_articles);
    let reader = Reader::open(dir).unwrap();
    assert_eq!(reader.manifest.texts, texts);
    let (expected, names) = facts_of(&linked_articles);
    let (read, read_names) = facts_read(&reader);
    for a in 0..expected.facets.len() {
        assert_eq!(read.facets[a], expected.facets[a], "article {a}");
    }
    assert_eq!(read, expected);
    // What a page reads, linked by the indexer, is the table linked on reading.
    let (page, page_linked) = reader.facts().unwrap();
    assert_eq!(page_linked, reader.linked().1);
    assert_eq!(
        (&page.table.id_text, &page.table.id_ends, &page.table.batches),
        (&reader.table.id_text, &reader.table.id_ends, &reader.table.batches)
    );
    assert_eq!(page.table.words, reader.table.words);
    // Every key an entity gives is named as the page names it.
    for (key, name) in &names {
        let id = reader.dictionary.entries.iter().position(|e| &e.key == key).unwrap();
        assert_eq!(&read_names[id], name, "{key}");
    }
    // Every article and quote is in the batch the table names, and its content there.
    let (links, _) = reader.linked();
    let ids = reader.dictionary.ids();
    let mut quote = 0;
    for (a, article) in linked_articles.iter().enumerate() {
        assert_eq!(reader.table.id(a), article.id);
        assert_eq!(reader.table.article_by_id(&article.id), Some(articles.iter().position(|x| x.id == article.id).unwrap()));
        let place = reader.article(a).unwrap();
        let card = &reader.cards(place.batch).unwrap()[place.at];
        assert_eq!((card.id.as_str(), card.title.as_str()), (article.id.as_str(), article.title.text.as_str()));
        assert_eq!(card.url.as_deref(), Some(format!("https://example.org/{}", article.id).as_str()));
        assert_eq!(card.lead.is_empty(), !texts || article.paragraphs.is_empty() && article.kicker.is_none());
        match reader.articles(place.batch, &links, &ids) {
            Some(stored) => assert_eq!(&stored.unwrap()[place.at], article, "an article read back is the article linked with the corpus"),
            None => assert!(!texts),
        }
        for q in &article.quotes {
            let at = reader.quote(quote).unwrap();
            assert_eq!(reader.quote_texts(at.batch).unwrap()[at.at], q.span.text(&article.text));
            quote += 1;
        }
    }
    assert_eq!(reader.article(articles.len()), None);
    assert_eq!(reader.quote(quote), None);
    // Every term is in the chunk the table names, with exactly the articles and quotes holding it.
    let mut expected_terms: BTreeMap<String, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
    let mut folded = String::new();
    let mut q = 0;
    for (a, article) in articles.iter().enumerate() {
        folded.clear();
        broadsheet_extract::lexicon::fold_text_into(&mut folded, &article.title.text);
        folded.push(' ');
        broadsheet_extract::lexicon::fold_text_into(&mut folded, &article.text);
        for term in words::terms(&folded).collect::<BTreeSet<_>>() {
            expected_terms.entry(term.to_string()).or_default().0.push(a as u32);
        }
        for quote in &article.quotes {
            folded.clear();
            broadsheet_extract::lexicon::fold_text_into(&mut folded, quote.span.text(&article.text));
            for term in words::terms(&folded).collect::<BTreeSet<_>>() {
                expected_terms.entry(term.to_string()).or_default().1.push(q);
            }
            q += 1;
        }
    }
    let mut found = 0;
    for (i, chunk) in reader.table.words.iter().enumerate() {
        for t in reader.words(chunk).unwrap() {
            assert_eq!(reader.term(&t.term), Some(chunk), "{}", t.term);
            assert!(reader.terms_beginning(&t.term[..t.term.chars().next().unwrap().len_utf8()]).contains(chunk));
            let lists = (words::ids(&t.articles).unwrap(), words::ids(&t.quotes).unwrap());
            assert_eq!(Some(&lists), expected_terms.get(&t.term), "term {} in chunk {i}", t.term);
            found += 1;
        }
    }
    assert_eq!(found, expected_terms.len());
}

/// Articles whose people are named in full in some and by surname alone in others, some
/// surnames shared by two people: what linking is about.
fn linking_corpus(picks: &[(u8, u8, u8)]) -> Vec<(String, String)> {
    const GIVEN: [&str; 4] = ["Anna", "Petra", "Olaf", "Marek"];
    const FAMILY: [&str; 4] = ["Novak", "Berg", "Dahl", "Lind"];
    picks
        .iter()
        .enumerate()
        .map(|(i, &(template, given, family))| {
            let (g, f) = (GIVEN[given as usize % 4], FAMILY[family as usize % 4]);
            let text = match template % 5 {
                0 => format!("Harbour talks {i}\n\n“We will sign the deal,” Minister {g} {f} said in Oslo on Monday."),
                1 => format!("Talks stall {i}\n\n“Not yet,” {f} told reporters in Bergen."),
                2 => format!("title: Budget {i}\ndate: 2021-03-0{}\n\n“{f} is wrong about the budget,” {g} Holm said.", 1 + i % 9),
                3 => format!("Port news {i}\n\nThe {f} Shipping Company opened an office. “We grow,” its chief {g} Strand said."),
                _ => format!("Notes {i}\n\n“Ask {g} {f},” one resident said. {f} declined to comment."),
            };
            (format!("l{i:03}.txt"), text)
        })
        .collect()
}

#[test]
fn an_index_reads_back_as_the_corpus_linked_whole() {
    let mut texts = broadsheet_extract::synthetic::corpus(40, 5);
    texts.extend(linking_corpus(&(0..30).map(|i| (i % 5, i / 5 % 4, i * 7 % 4)).collect::<Vec<_>>()));
    let articles = extract_all(&texts);
    for (batch, texts_kept) in [(7, true), (16, false), (1000, true)] {
        let dir = temp("whole");
        let manifest = build(&dir, &articles, batch, texts_kept, None);
        assert_eq!((manifest.articles, manifest.texts), (articles.len() as u64, texts_kept));
        check_index(&dir, &articles, texts_kept);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn surnames_link_across_batches_as_across_the_corpus() {
    // "Novak" alone in the second article is the Petra Novak of the first, in another batch.
    let articles = extract_all(&[
        ("a.txt".into(), "Harbour talks\n\n“We will sign,” Minister Petra Novak said on Monday.".into()),
        ("b.txt".into(), "Talks stall\n\n“Not yet,” Novak told reporters.".into()),
    ]);
    assert_eq!(articles[1].quotes[0].speaker.as_deref(), Some("novak"), "extraction keys an article's people alone");
    let dir = temp("novak");
    build(&dir, &articles, 1, true, None);
    let reader = Reader::open(&dir).unwrap();
    let (read, _) = facts_read(&reader);
    assert_eq!(read.quote_speaker[1].as_deref(), Some("petra-novak"));
    check_index(&dir, &articles, true);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parts_merged_are_the_index_of_the_whole() {
    let articles = extract_all(&broadsheet_extract::synthetic::corpus(30, 9));
    let whole = temp("whole");
    build(&whole, &articles, 4, true, None);
    // Parts cut at batch boundaries: the merged index is the very same, byte for byte.
    let parts: Vec<PathBuf> = [0..8, 8..20, 20..30]
        .into_iter()
        .enumerate()
        .map(|(k, range)| {
            let dir = temp("part");
            build(&dir, &articles[range], 4, true, Some((k as u32 + 1, 3)));
            dir
        })
        .collect();
    let merged = temp("merged");
    let mut builder = Builder::new(&merged, true).unwrap();
    for p in &parts {
        builder.append_index(p).unwrap();
    }
    builder.finish(None).unwrap();
    assert_eq!(std::fs::read_to_string(merged.join("index.json")).unwrap(), std::fs::read_to_string(whole.join("index.json")).unwrap());
    check_index(&merged, &articles, true);
    // A part with no texts does not join one with.
    let no_text = temp("no-text");
    build(&no_text, &articles[..3], 4, false, None);
    let mut builder = Builder::new(&temp("refused"), true).unwrap();
    let refused = builder.append_index(&no_text).unwrap_err();
    assert!(refused.to_string().contains("has no texts (--no-text)"), "{refused}");
    for dir in parts.iter().chain([&whole, &merged, &no_text]) {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

/// Any combination of people named in full or by surname, cut into any batches and parts:
/// the index reads back as the corpus linked whole.
#[test]
fn linking_by_dictionary_is_linking_the_corpus() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 24, ..ProptestConfig::default() });
    let strategy = (proptest::collection::vec((0u8..5, 0u8..4, 0u8..4), 1..18), 1usize..6, 1usize..4);
    runner
        .run(&strategy, |(picks, batch, cut)| {
            let articles = extract_all(&linking_corpus(&picks));
            let cut = cut.min(articles.len());
            let first = temp("first");
            let second = temp("second");
            build(&first, &articles[..cut], batch, true, Some((1, 2)));
            build(&second, &articles[cut..], batch, true, Some((2, 2)));
            let merged = temp("linked");
            let mut builder = Builder::new(&merged, true).unwrap();
            builder.append_index(&first).unwrap();
            builder.append_index(&second).unwrap();
            builder.finish(None).unwrap();
            check_index(&merged, &articles, true);
            for dir in [first, second, merged] {
                std::fs::remove_dir_all(dir).unwrap();
            }
            Ok(())
        })
        .unwrap();
}

fn small_index() -> (PathBuf, Vec<Article>) {
    let articles = extract_all(&broadsheet_extract::synthetic::corpus(6, 3));
    let dir = temp("small");
    build(&dir, &articles, 2, true, None);
    (dir, articles)
}

/// Reads every chunk of the index in `dir`; the first error, if any.
fn read_everything(dir: &Path) -> Result<(), broadsheet_archive::Error> {
    let reader = Reader::open(dir)?;
    reader.facts()?;
    let (links, _) = reader.linked();
    let ids = reader.dictionary.ids();
    for b in 0..reader.table.batches.len() {
        reader.cards(b)?;
        reader.quote_texts(b)?;
        reader.articles(b, &links, &ids).transpose()?;
    }
    for w in &reader.table.words {
        reader.words(w)?;
    }
    Ok(())
}

#[test]
fn a_damaged_or_missing_chunk_is_named() {
    let (dir, _) = small_index();
    let mut files: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    for name in files.iter().filter(|f| f.ends_with(".bin")) {
        let path = dir.join(name);
        let good = std::fs::read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        let error = read_everything(&dir).unwrap_err();
        assert_eq!(&error.file, name, "a missing file");
        let mut bad = good.clone();
        let middle = bad.len() / 2;
        bad[middle] ^= 0x55;
        std::fs::write(&path, &bad).unwrap();
        assert_eq!(&read_everything(&dir).unwrap_err().file, name, "a damaged file");
        std::fs::write(&path, &good[..good.len() - 1]).unwrap();
        assert_eq!(&read_everything(&dir).unwrap_err().file, name, "a cut file");
        std::fs::write(&path, &good).unwrap();
    }
    read_everything(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A table or dictionary whose hash is right but whose values are anything at all: the
/// reader refuses it, naming it, or reads it and answers every question without panicking.
#[test]
fn hostile_tables_are_refused_or_read_safely() {
    let small = proptest::collection::vec(0u32..12, 0..10);
    let counted = (small.clone(), small.clone()).prop_map(|(counts, items)| Counted { counts, items });
    let chunk = ChunkRef::default();
    let batches = proptest::collection::vec((0u32..5, 0u32..12, proptest::bool::ANY), 0..4).prop_map(move |bs| {
        bs.into_iter()
            .map(|(articles, quotes, texts)| Batch { articles, quotes, cards: chunk, quotes_chunk: chunk, articles_chunk: texts.then_some(chunk) })
            .collect::<Vec<_>>()
    });
    let table = (
        ("[a-c]{0,6}", small.clone(), small.clone(), small.clone()),
        (counted.clone(), counted.clone(), counted.clone(), counted),
        (small.clone(), proptest::collection::vec(0u8..4, 0..10), batches),
    )
        .prop_map(|((id_text, id_ends, days, quote_counts), (people, places, orgs, about), (speakers, kinds, batches))| Table {
            id_text,
            id_ends,
            days,
            quote_counts,
            people,
            places,
            orgs,
            speakers,
            kinds,
            about,
            batches,
            words: Vec::new(),
        });
    let keys = proptest::collection::vec(("[a-c]{1,3}(-[a-c]{1,3})?", proptest::bool::ANY), 0..6);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 256, ..ProptestConfig::default() });
    runner
        .run(&(table, keys, 0u64..12, 0u64..12, proptest::bool::ANY), |(table, keys, articles, quotes, texts)| {
            let dictionary = Dictionary {
                entries: keys
                    .iter()
                    .enumerate()
                    .map(|(i, (key, person))| broadsheet_archive::dictionary::Entry {
                        key: key.clone(),
                        person: person.then(|| broadsheet_archive::dictionary::Seen {
                            article: i as u32,
                            entity: 0,
                            name: key.to_uppercase(),
                            kind: EntityKind::Person,
                        }),
                        other: None,
                    })
                    .collect(),
            };
            let (sealed_table, sealed_dictionary) = (chunk::seal(Kind::Table, &table), chunk::seal(Kind::Dictionary, &dictionary));
            let manifest = Manifest {
                articles,
                quotes,
                texts,
                table: sealed_table.chunk,
                dictionary: sealed_dictionary.chunk,
                article_facts: Default::default(),
                quote_facts: Default::default(),
                part: None,
            };
            let inflated = |s: &chunk::Sealed| chunk::inflate(s.kind, &s.chunk, s.file.clone()).unwrap();
            // The same columns as the facts a page reads: refused by name, or read safely.
            let facts = table::ArticleFacts {
                ids: table::front_code((0..table.id_ends.len()).map(|a| table.id(a))),
                facets: [table.about.clone(), table.people.clone(), table.people.clone(), table.places.clone(), table.orgs.clone()],
                speaker_quotes: table.about.items.clone(),
                kinds: table.kinds.clone(),
                directory: Table { id_text: String::new(), id_ends: Vec::new(), ..table.clone() },
            };
            let quote_facts = table::QuoteFacts { speakers: table.speakers.clone(), kinds: table.kinds.clone(), about: table.about.clone() };
            let (sealed_facts, sealed_quotes) = (chunk::seal(Kind::ArticleFacts, &facts), chunk::seal(Kind::QuoteFacts, &quote_facts));
            let page_manifest = Manifest { article_facts: sealed_facts.chunk, quote_facts: sealed_quotes.chunk, ..manifest.clone() };
            match Index::of_facts(page_manifest, &inflated(&sealed_facts), &inflated(&sealed_dictionary)) {
                Err(e) => prop_assert_eq!(e.file, sealed_facts.chunk.file_name(Kind::ArticleFacts)),
                Ok((index, linked)) => {
                    match index.quote_columns(&inflated(&sealed_quotes)) {
                        Err(e) => prop_assert_eq!(e.file, sealed_quotes.chunk.file_name(Kind::QuoteFacts)),
                        Ok(columns) => {
                            let _ = linked.quotes.set(columns);
                        }
                    }
                    for a in 0..=linked.articles() {
                        let _ = (index.article(a), index.table.id(a), linked.facets.iter().map(|f| f.get(a).len()).sum::<usize>());
                    }
                    for q in 0..=linked.quotes() {
                        let _ = (index.quote(q), linked.quote_columns().map(|c| (c.about.get(q), c.speaker.get(q), c.kinds.get(q))));
                    }
                }
            }
            match Index::new(manifest, &inflated(&sealed_table), &inflated(&sealed_dictionary)) {
                Err(e) => prop_assert_eq!(e.file, sealed_table.chunk.file_name(Kind::Table)),
                Ok(index) => {
                    let (_, linked) = index.linked();
                    for a in 0..=linked.articles() {
                        let _ = (index.article(a), index.table.id(a), linked.facets.iter().map(|f| f.get(a).len()).sum::<usize>());
                    }
                    for q in 0..=linked.quotes() {
                        let _ = (index.quote(q), linked.quote_columns().unwrap().about.get(q));
                    }
                }
            }
            Ok(())
        })
        .unwrap();
}

/// Keys chosen per facet, day bounds, a kind, an opened article, a search.
type Chosen = (Vec<(usize, Vec<String>)>, Option<(u32, u32)>, Option<u8>, Option<usize>, bool);

/// The filter engine on the table against the definition, item by item and facet by facet,
/// on the facts of the corpus linked whole.
#[test]
fn filters_and_facet_counts_on_the_table_are_the_definition() {
    use broadsheet_archive::filter::{self, Bits, Order, Selection};
    let mut texts = broadsheet_extract::synthetic::corpus(40, 11);
    texts.extend(linking_corpus(&(0..10).map(|i| (i % 5, i % 4, i * 3 % 4)).collect::<Vec<_>>()));
    let articles = extract_all(&texts);
    let dir = temp("filter");
    build(&dir, &articles, 9, false, None);
    let reader = Reader::open(&dir).unwrap();
    let (_, linked) = reader.linked();
    let keys = reader.dictionary.entries.len();
    let orders = filter::date_orders(&linked.days);
    let mut linked_articles = articles.clone();
    broadsheet_extract::corpus::link(&mut linked_articles);
    let (facts, _) = facts_of(&linked_articles);
    let id = |key: &str| reader.dictionary.entries.iter().position(|e| e.key == key).unwrap() as u32;
    let quote_article: Vec<usize> = linked_articles.iter().enumerate().flat_map(|(a, x)| std::iter::repeat_n(a, x.quotes.len())).collect();
    let pick = |f: usize, nth: usize| facts.facets.iter().flat_map(|k| k[f].iter()).nth(nth).cloned().unwrap();
    let mut checked = 0;
    for quotes_view in [false, true] {
        let n = if quotes_view { quote_article.len() } else { articles.len() };
        let article_of = |i: usize| if quotes_view { quote_article[i] } else { i };
        // Every third item matched by a "search".
        let searched = |i: usize| i % 3 != 1;
        let selections: Vec<Chosen> = vec![
            (vec![], None, None, None, false),
            (vec![(0, vec![pick(0, 3)])], None, None, None, false),
            (vec![(0, vec![pick(0, 3), pick(0, 9)]), (3, vec![pick(3, 2)])], None, None, None, false),
            (vec![(2, vec![pick(2, 5)])], None, Some(table::KIND_PARTIAL), None, false),
            (vec![(4, vec![pick(4, 1)])], Some((20180000, 20220699)), None, None, true),
            (vec![(3, vec![pick(3, 2)]), (2, vec![])], None, None, None, false),
            (vec![(1, vec![pick(1, 2), pick(1, 6)]), (0, vec![pick(0, 1)])], None, Some(table::KIND_FULL), None, false),
            (vec![], Some((20210000, 20219999)), None, None, true),
            (vec![], None, None, Some(7), false),
        ];
        for (chosen, days, kind, article, search) in selections {
            let mut selection = Selection { quotes_view, kind, article: article.map(Some), search: None, ..Selection::default() };
            for (f, keys) in &chosen {
                selection.facets[*f] = Some(keys.iter().map(|k| id(k)).collect());
            }
            (selection.from, selection.to) = (days.map(|d| d.0), days.map(|d| d.1));
            if search {
                let mut bits = Bits::new(n);
                (0..n).filter(|&i| searched(i)).for_each(|i| bits.insert(i));
                selection.search = Some(bits);
            }
            // The definition: `skip` is a facet (0–4) or the kind (5) left out.
            let keys_of = |i: usize, f: usize| -> Vec<String> {
                match (quotes_view, f) {
                    (true, 0) => facts.quote_speaker[i].iter().cloned().collect(),
                    (true, 1) => facts.quote_about[i].clone(),
                    _ => facts.facets[article_of(i)][f].clone(),
                }
            };
            let kinds = |i: usize| if quotes_view { facts.kinds[i] } else { linked.article_kinds[i] };
            let passes = |i: usize, skip: Option<usize>| {
                let a = article_of(i);
                let day = facts.days[a];
                article.is_none_or(|w| w == a)
                    && days.is_none_or(|(from, to)| day != 0 && from <= day && day <= to)
                    && (!search || searched(i))
                    && (skip == Some(5) || kind.is_none_or(|k| kinds(i) & k != 0))
                    && chosen.iter().all(|(f, keys)| skip == Some(*f) || keys_of(i, *f).iter().any(|k| keys.contains(k)))
            };
            let result = filter::run(&linked, keys, &orders, &selection).unwrap();
            // Before the per-quote columns are read: the quotes view waits, the articles view
            // is the same.
            let pending = table::Linked { quotes: Default::default(), ..linked.clone() };
            match filter::run(&pending, keys, &orders, &selection) {
                None => assert!(quotes_view),
                Some(early) => {
                    assert!(!quotes_view);
                    assert_eq!(early, result);
                }
            }
            // Who is quoted: the quotes of the items passing every filter but the speaker's.
            let voiced: Vec<usize> =
                (0..n).filter(|&i| passes(i, Some(0))).flat_map(|i| if quotes_view { i..i + 1 } else { linked.quotes_of(i) }).collect();
            let mut voices: BTreeMap<String, u32> = BTreeMap::new();
            for q in &voiced {
                if let Some(k) = &facts.quote_speaker[*q] {
                    *voices.entry(k.clone()).or_default() += 1;
                }
            }
            let got: BTreeMap<String, u32> =
                result.voices.iter().enumerate().filter(|(_, &c)| c > 0).map(|(k, &c)| (reader.dictionary.entries[k].key.clone(), c)).collect();
            assert_eq!((got, result.voice_total), (voices, voiced.len()), "{quotes_view} {chosen:?}");
            let expected: Vec<u32> = (0..n).filter(|&i| passes(i, None)).map(|i| i as u32).collect();
            assert_eq!(result.items, expected, "{quotes_view} {chosen:?}");
            for f in 0..5 {
                let mut counted: BTreeMap<String, u32> = BTreeMap::new();
                if quotes_view || f != 1 {
                    for i in (0..n).filter(|&i| passes(i, Some(f))) {
                        for k in keys_of(i, f) {
                            *counted.entry(k).or_default() += 1;
                        }
                    }
                }
                let got: BTreeMap<String, u32> = result.facets[f]
                    .iter()
                    .enumerate()
                    .filter(|(_, &c)| c > 0)
                    .map(|(k, &c)| (reader.dictionary.entries[k].key.clone(), c))
                    .collect();
                assert_eq!(got, counted, "{quotes_view} {chosen:?} facet {f}");
            }
            let kinded = |k: u8| (0..n).filter(|&i| passes(i, Some(5)) && kinds(i) & k != 0).count();
            assert_eq!(result.kinds, (kinded(table::KIND_FULL), kinded(table::KIND_PARTIAL)));
            // In date order: the same items, each article's together, undated last.
            for (order, newest) in [(Order::Oldest, false), (Order::Newest, true)] {
                let sorted = filter::run(&linked, keys, &orders, &Selection { order, ..selection.clone() }).unwrap();
                let mut by_day = expected.clone();
                by_day.sort_by_key(|&i| {
                    let day = facts.days[article_of(i as usize)];
                    (day == 0, if newest { u32::MAX - day } else { day })
                });
                assert_eq!(sorted.items, by_day);
            }
            checked += expected.len();
        }
    }
    assert!(checked > 100, "the selections select something");
    std::fs::remove_dir_all(&dir).unwrap();
}
