//! Filtering and facet counts: OR within a facet, AND across facets, and each
//! facet counted with the *other* filters applied, so choosing one speaker
//! never drops the other speakers' counts to zero.

use std::sync::Arc;

use crate::corpus::{kind_bit, Corpus, KIND_FULL, KIND_PARTIAL};
use crate::search::Query;
use crate::state::{Facet, Sort, View, ViewState};

#[derive(Clone, Debug, PartialEq)]
pub struct FacetValue {
    /// Shared with the corpus: results are rebuilt on every filter change, and
    /// cloning or comparing a shared string costs nothing.
    pub key: Arc<str>,
    pub name: Arc<str>,
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Results {
    /// The view the items belong to: a list rendered for the other view must not read them.
    pub view: View,
    /// Article indexes (articles view) or quote indexes into `Corpus::quotes` (quotes view).
    pub items: Vec<usize>,
    pub facets: [Vec<FacetValue>; 5],
    /// Items of each quote kind with every other filter applied: (full, partial).
    pub kinds: (usize, usize),
    /// Whose voices the view has: the quotes of the items that pass every filter but the
    /// speaker's (in the articles view, all quotes of such articles), `voice_total` of them,
    /// and the speakers with the most of those quotes, [`VOICES`] of them and every chosen one,
    /// most first. Counted like a facet, so choosing a speaker shows their share of the rest.
    pub voices: Vec<FacetValue>,
    pub voice_total: usize,
    /// An index in format 3 whose per-quote facts are still on their way, for a view that needs
    /// them (the quotes view): nothing is counted yet, and the list says it is loading.
    pub waiting: bool,
}

/// How many speakers the "who is quoted" chart shows, besides any chosen one.
pub const VOICES: usize = 8;

/// Criteria, one bit each in an item's mask of the filters it fails
/// (bits 0–4 are the facets, by their place in `Facet::ALL`).
const KIND_BIT: u8 = 1 << 5;
const OTHER_BIT: u8 = 1 << 6;

fn facet_bit(f: Facet) -> u8 {
    1 << (f as u8)
}

/// The facets that are properties of a whole article: a quote has its article's.
const ARTICLE_FACETS: [Facet; 3] = [Facet::Person, Facet::Place, Facet::Org];

/// The facets that are properties of each quote; an article has those of all its quotes.
const QUOTE_FACETS: [Facet; 2] = [Facet::Speaker, Facet::About];

/// A quote's keys in a quote facet (none in the others, which belong to its article).
fn quote_keys(corpus: &Corpus, quote: usize, f: Facet) -> &[u32] {
    match f {
        Facet::Speaker => corpus.quote_speaker[quote].as_slice(),
        Facet::About => corpus.quote_about(quote),
        Facet::Person | Facet::Place | Facet::Org => &[],
    }
}

fn within(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    // Compare on the precision of the bound: to=2023-03 takes all of March.
    from.is_none_or(|f| d >= f) && to.is_none_or(|t| &d[..t.len().min(d.len())] <= t)
}

/// One pass over the items computes, for each, the set of filters it fails;
/// results are the items failing none, and a facet's counts come from the
/// items failing nothing but that facet. What depends only on the article
/// (the opened article, dates, people, places, organisations) is decided once
/// per article, and those facets are counted per article, so the quote list
/// costs little more than the article list.
pub fn run(corpus: &Corpus, state: &ViewState) -> Results {
    let query = Query::parse(&state.q);
    let wanted_article = state.article.as_ref().map(|id| corpus.article_by_id(id));
    // Selected keys as ids; a key the corpus does not know matches nothing.
    let selected: [Option<Vec<u32>>; 5] = Facet::ALL.map(|f| {
        let keys = state.facet(f);
        (!keys.is_empty()).then(|| keys.iter().filter_map(|k| corpus.key_id.get(k).copied()).collect())
    });
    let quotes_view = state.view == View::Quotes;
    let fails = |f: Facet, keys: &[u32]| selected[f as usize].as_ref().is_some_and(|sel| !keys.iter().any(|k| sel.contains(k)));
    let article_masks: Vec<u8> = (0..corpus.articles.len())
        .map(|a| {
            let mut m = 0;
            if wanted_article.is_some_and(|w| w != Some(a))
                || !within(corpus.articles[a].date.iso.as_deref(), state.from.as_deref(), state.to.as_deref())
            {
                m |= OTHER_BIT;
            }
            let keys = &corpus.article_key_ids[a];
            for f in ARTICLE_FACETS {
                if fails(f, &keys[f as usize]) {
                    m |= facet_bit(f);
                }
            }
            for f in QUOTE_FACETS {
                if !quotes_view && fails(f, &keys[f as usize]) {
                    m |= facet_bit(f);
                }
            }
            m
        })
        .collect();
    let n = if quotes_view { corpus.quotes.len() } else { corpus.articles.len() };
    let article_of = |i: usize| if quotes_view { corpus.quotes[i].article } else { i };
    let item_kinds = if quotes_view { &corpus.quote_kinds } else { &corpus.article_kinds };
    let kinds_of = |i: usize| item_kinds[i];
    let wanted_kind = state.kind.map(kind_bit);

    // The index settles which articles match, and in the quotes view which articles
    // may have matching quotes: those quotes' texts are then read.
    let search = (!query.is_empty()).then(|| {
        let words = corpus.words();
        if quotes_view {
            words.candidates(&query)
        } else {
            words.matching(&query)
        }
    });
    let mut masks = vec![0u8; n];
    for (i, mask) in masks.iter_mut().enumerate() {
        let a = article_of(i);
        let mut m = article_masks[a];
        if let Some(articles) = search.as_ref().filter(|_| m & OTHER_BIT == 0) {
            if !articles.contains(a) || (quotes_view && !query.matches(&corpus.quote_haystack[i])) {
                m |= OTHER_BIT;
            }
        }
        if wanted_kind.is_some_and(|k| kinds_of(i) & k == 0) {
            m |= KIND_BIT;
        }
        for f in QUOTE_FACETS {
            if quotes_view && fails(f, quote_keys(corpus, i, f)) {
                m |= facet_bit(f);
            }
        }
        *mask = m;
    }

    let items: Vec<usize> = (0..n).filter(|&i| masks[i] == 0).collect();
    let items = match state.sort {
        Sort::Corpus => items,
        Sort::Oldest => in_article_order(&items, article_of, &corpus.oldest_first),
        Sort::Newest => in_article_order(&items, article_of, &corpus.newest_first),
    };
    let mut counts: [Vec<usize>; 5] = Default::default();
    for c in counts.iter_mut() {
        c.resize(corpus.keys.len(), 0);
    }
    // Article facets: how many items of each article count, then each of its keys once.
    let mut per_article = vec![[0usize; 3]; corpus.articles.len()];
    let mut kinds = (0, 0);
    for (i, &m) in masks.iter().enumerate() {
        for (slot, f) in ARTICLE_FACETS.into_iter().enumerate() {
            if m & !facet_bit(f) == 0 {
                per_article[article_of(i)][slot] += 1;
            }
        }
        for f in QUOTE_FACETS {
            // The article list does not offer "about", so its counts are not made there.
            if m & !facet_bit(f) == 0 && (quotes_view || f != Facet::About) {
                let keys = if quotes_view { quote_keys(corpus, i, f) } else { &corpus.article_key_ids[i][f as usize] };
                for &k in keys {
                    counts[f as usize][k as usize] += 1;
                }
            }
        }
        if m & !KIND_BIT == 0 {
            let bits = kinds_of(i);
            kinds.0 += (bits & KIND_FULL != 0) as usize;
            kinds.1 += (bits & KIND_PARTIAL != 0) as usize;
        }
    }
    for (a, items_of_article) in per_article.iter().enumerate() {
        for (slot, f) in ARTICLE_FACETS.into_iter().enumerate() {
            if items_of_article[slot] > 0 {
                for &k in &corpus.article_key_ids[a][f as usize] {
                    counts[f as usize][k as usize] += items_of_article[slot];
                }
            }
        }
    }

    let chosen_speakers = selected[Facet::Speaker as usize].as_deref().unwrap_or_default();
    let (voices, voice_total) = if quotes_view {
        let pool = masks.iter().filter(|&&m| m & !facet_bit(Facet::Speaker) == 0).count();
        (top_voices(&corpus.keys, &corpus.key_names, &corpus.name_rank, &counts[Facet::Speaker as usize], chosen_speakers), pool)
    } else {
        // The quotes of the articles that pass every filter but the speaker's.
        let mut by_speaker = vec![0; corpus.keys.len()];
        let mut total = 0;
        for (a, &m) in masks.iter().enumerate() {
            if m & !facet_bit(Facet::Speaker) == 0 {
                let quotes = corpus.quotes_of(a);
                total += quotes.len();
                for &id in corpus.quote_speaker[quotes].iter().flatten() {
                    by_speaker[id as usize] += 1;
                }
            }
        }
        (top_voices(&corpus.keys, &corpus.key_names, &corpus.name_rank, &by_speaker, chosen_speakers), total)
    };

    let facets = Facet::ALL.map(|f| {
        let chosen = selected[f as usize].as_deref().unwrap_or_default();
        let mut values: Vec<(u32, FacetValue)> = counts[f as usize]
            .iter()
            .enumerate()
            .filter(|(id, &count)| count > 0 || chosen.contains(&(*id as u32)))
            .map(|(id, &count)| {
                let value =
                    FacetValue { key: corpus.keys[id].clone(), name: corpus.key_names[id].clone(), count, selected: chosen.contains(&(id as u32)) };
                (corpus.name_rank[id], value)
            })
            .collect();
        // Selected keys stay listed even at zero, so they can be removed; the
        // corpus may not know them at all (a link made for another corpus).
        for k in state.facet(f) {
            if !corpus.key_id.contains_key(k) {
                let key: Arc<str> = k.as_str().into();
                values.push((u32::MAX, FacetValue { key: key.clone(), name: key, count: 0, selected: true }));
            }
        }
        in_facet_order(values)
    });
    Results { view: state.view, items, facets, kinds, voices, voice_total, waiting: false }
}

/// A share in whole percent ("33%"), with "<1%" for one too small to round up to one.
pub fn percent(count: usize, total: usize) -> String {
    match (count * 100 + total / 2).checked_div(total) {
        Some(0) if count > 0 => "<1%".to_string(),
        Some(p) => format!("{p}%"),
        None => "0%".to_string(),
    }
}

/// The [`VOICES`] keys with the largest `counts` (ties by name), and every `chosen` one
/// wherever it ranks, most first: one pass that keeps the few best in order. Keys are ids
/// into `keys`, their `names` and their places in the names' order (`name_rank`).
pub fn top_voices(keys: &[Arc<str>], names: &[Arc<str>], name_rank: &[u32], counts: &[usize], chosen: &[u32]) -> Vec<FacetValue> {
    let mut best: Vec<(usize, u32, u32)> = Vec::with_capacity(VOICES + 1);
    let ahead = |a: &(usize, u32, u32), b: &(usize, u32, u32)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
    for (id, &count) in counts.iter().enumerate() {
        let id = id as u32;
        if count == 0 || chosen.contains(&id) {
            continue;
        }
        let entry = (count, name_rank[id as usize], id);
        if best.len() < VOICES || best.last().is_some_and(|last| ahead(&entry, last)) {
            let at = best.partition_point(|placed| ahead(placed, &entry));
            best.insert(at, entry);
            best.truncate(VOICES);
        }
    }
    for &id in chosen {
        let entry = (counts.get(id as usize).copied().unwrap_or(0), name_rank[id as usize], id);
        let at = best.partition_point(|placed| ahead(placed, &entry));
        best.insert(at, entry);
    }
    best.into_iter()
        .map(|(count, _, id)| FacetValue { key: keys[id as usize].clone(), name: names[id as usize].clone(), count, selected: chosen.contains(&id) })
        .collect()
}

/// A facet's values, each with its key's name rank, in the facet's order: most results first,
/// then by name. Shared by every kind of corpus.
pub fn in_facet_order(mut values: Vec<(u32, FacetValue)>) -> Vec<FacetValue> {
    values.sort_unstable_by(|(rank_a, a), (rank_b, b)| b.count.cmp(&a.count).then(rank_a.cmp(rank_b)).then_with(|| a.key.cmp(&b.key)));
    values.into_iter().map(|(_, v)| v).collect()
}

/// `items` (ascending, so each article's items are one run) with the articles'
/// runs put in `order`: one pass, the items of an article keeping their order.
fn in_article_order(items: &[usize], article_of: impl Fn(usize) -> usize, order: &[u32]) -> Vec<usize> {
    let mut runs = vec![0..0; order.len()];
    let mut k = 0;
    while k < items.len() {
        let (article, start) = (article_of(items[k]), k);
        while k < items.len() && article_of(items[k]) == article {
            k += 1;
        }
        runs[article] = start..k;
    }
    order.iter().flat_map(|&a| items[runs[a as usize].clone()].iter().copied()).collect()
}

/// Quote indexes grouped by speaker (unattributed last), largest group first.
pub fn group_by_speaker(corpus: &Corpus, items: &[usize]) -> Vec<(Option<String>, Vec<usize>)> {
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for &i in items {
        let speaker = corpus.quote(corpus.quotes[i]).speaker.clone();
        match groups.iter_mut().find(|(s, _)| *s == speaker) {
            Some((_, g)) => g.push(i),
            None => groups.push((speaker, vec![i])),
        }
    }
    // Each group put in its place (equal ones in the order they first appeared): the
    // groups of a page are few, and the page's code then needs no other sort.
    let order =
        |a: &(Option<String>, Vec<usize>), b: &(Option<String>, Vec<usize>)| a.0.is_none().cmp(&b.0.is_none()).then(b.1.len().cmp(&a.1.len()));
    let mut sorted: Vec<(Option<String>, Vec<usize>)> = Vec::with_capacity(groups.len());
    for group in groups {
        let at = sorted.partition_point(|placed| order(placed, &group).is_le());
        sorted.insert(at, group);
    }
    sorted
}

/// How many of the results a speaker has (`None`: how many are unattributed), a group's
/// total when a page shows only part of it. Read from the speaker facet's counts: they are
/// counted under every filter but the speaker's, and a quote has one speaker at most, so with
/// no speaker chosen they are the results' own (with one chosen, no unattributed quote is left).
pub fn speaker_total(results: &Results, speaker: Option<&str>) -> usize {
    let values = &results.facets[Facet::Speaker as usize];
    match speaker {
        Some(key) => values.iter().find(|v| &*v.key == key).map_or(0, |v| v.count),
        None if values.iter().any(|v| v.selected) => 0,
        None => results.items.len().saturating_sub(values.iter().map(|v| v.count).sum()),
    }
}

/// How many values a facet lists at first, and how many more each "Show more" adds:
/// a big corpus has thousands of people, and a list of them all is no use to read.
pub const FACET_FIRST: usize = 8;
pub const FACET_MORE: usize = 50;

/// The values a facet lists: those whose name holds `find` (case- and
/// accent-insensitive), the first `limit` of them in their order, and every
/// selected value wherever it ranks, so a choice never hides. Also how many
/// values hold `find`.
pub fn facet_rows(values: &[FacetValue], find: &str, limit: usize) -> (Vec<FacetValue>, usize) {
    let needle = broadsheet_extract::lexicon::fold(find.trim());
    let mut name = String::new();
    let mut matching = 0;
    let mut rows = Vec::new();
    for v in values {
        let holds = needle.is_empty() || {
            name.clear();
            crate::search::fold_into(&mut name, &v.name);
            name.contains(needle.as_str())
        };
        if holds {
            matching += 1;
        }
        if (holds && matching <= limit) || v.selected {
            rows.push(v.clone());
        }
    }
    (rows, matching)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::decode_query;
    use broadsheet_extract::QuoteKind;

    #[test]
    fn a_facet_lists_the_values_found_and_every_selected_one() {
        let value = |name: &str, selected: bool| FacetValue { key: name.to_lowercase().into(), name: name.into(), count: 1, selected };
        let values = [value("Anna Kowalski", false), value("Jean Müller", false), value("Anders Holm", true), value("Annette Ruiz", false)];
        let names = |(rows, matching): (Vec<FacetValue>, usize)| (rows.iter().map(|v| v.name.to_string()).collect::<Vec<_>>(), matching);
        assert_eq!(names(facet_rows(&values, "", 2)), (vec!["Anna Kowalski".into(), "Jean Müller".into(), "Anders Holm".into()], 4));
        assert_eq!(names(facet_rows(&values, " ANN ", 10)), (vec!["Anna Kowalski".into(), "Anders Holm".into(), "Annette Ruiz".into()], 2));
        assert_eq!(names(facet_rows(&values, "muller", 10)), (vec!["Jean Müller".into(), "Anders Holm".into()], 1));
        assert_eq!(names(facet_rows(&values, "nobody", 10)), (vec!["Anders Holm".into()], 0));
    }

    /// Items, each facet's (key, count) pairs, and the (full, partial) counts.
    type Expected = (Vec<usize>, [Vec<(String, usize)>; 5], (usize, usize));

    fn corpus() -> Corpus {
        Corpus::from_files([
            ("a.txt", " date 2021-04-01 Mayor Anna Kowalski visited Oslo. “We will build the bridge,” Kowalski said. “Peace talks matter,” she added.\n\nJohn Smith of the Acme Group said “no comment” on the plan.".as_bytes()),
            ("b.txt", "Port deal signed\n\nThe Acme Group opened an office in Oslo on Friday March 5, 2021. “Peace talks are over,” John Smith told reporters.".as_bytes()),
        ])
    }

    fn state(q: &str) -> ViewState {
        let pairs = decode_query(q);
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).0
    }

    fn count(r: &Results, f: Facet, key: &str) -> usize {
        r.facets[f as usize].iter().find(|v| &*v.key == key).map_or(0, |v| v.count)
    }

    #[test]
    fn speaker_and_search_select_exact_quotes() {
        let c = corpus();
        let r = run(&c, &state("view=quotes&speaker=anna-kowalski&q=peace"));
        let texts: Vec<&str> = r.items.iter().map(|&i| c.quote(c.quotes[i]).span.text(&c.articles[c.quotes[i].article].text)).collect();
        assert_eq!(texts, ["“Peace talks matter,”"]);
    }

    #[test]
    fn lists_sort_by_date_with_undated_last_and_ties_in_corpus_order() {
        let c = Corpus::from_files([
            ("undated.txt", "Notes\n\n“One,” Anna Berg said.".as_bytes()),
            ("mid.txt", "title: Mid\ndate: 2021-06-01\n\n“Two,” Anna Berg said. “Three,” she added.".as_bytes()),
            ("late.txt", "title: Late\ndate: 2022-01-01\n\n“Four,” Anna Berg said.".as_bytes()),
            ("mid-too.txt", "title: Mid too\ndate: 2021-06-01\n\n“Five,” Anna Berg said.".as_bytes()),
            ("early.txt", "title: Early\ndate: 2020-12-31\n\n“Six,” Anna Berg said.".as_bytes()),
        ]);
        let ids = |q: &str| run(&c, &state(q)).items.iter().map(|&a| c.articles[a].id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(""), ["undated", "mid", "late", "mid-too", "early"]);
        assert_eq!(ids("sort=oldest"), ["early", "mid", "mid-too", "late", "undated"]);
        assert_eq!(ids("sort=newest"), ["late", "mid", "mid-too", "early", "undated"]);
        // Quotes follow their articles, each article's in its own order; filters apply first.
        let quotes = |q: &str| {
            let r = run(&c, &state(q));
            r.items.iter().map(|&i| c.quote(c.quotes[i]).span.text(&c.articles[c.quotes[i].article].text).to_string()).collect::<Vec<_>>()
        };
        assert_eq!(quotes("view=quotes&sort=newest"), ["“Four,”", "“Two,”", "“Three,”", "“Five,”", "“Six,”", "“One,”"]);
        assert_eq!(quotes("view=quotes&sort=oldest&from=2021"), ["“Two,”", "“Three,”", "“Five,”", "“Four,”"]);
    }

    #[test]
    fn facet_counts_ignore_their_own_selection() {
        let c = corpus();
        let all = run(&c, &state("view=quotes"));
        let one = run(&c, &state("view=quotes&speaker=anna-kowalski"));
        assert_eq!(count(&one, Facet::Speaker, "john-smith"), count(&all, Facet::Speaker, "john-smith"));
        assert!(count(&one, Facet::Speaker, "john-smith") > 0);
        assert!(one.items.len() < all.items.len());
        // OR within a facet.
        let both = run(&c, &state("view=quotes&speaker=anna-kowalski,john-smith"));
        assert_eq!(both.items.len(), count(&all, Facet::Speaker, "anna-kowalski") + count(&all, Facet::Speaker, "john-smith"));
    }

    #[test]
    fn quotes_about_someone_name_them_in_their_own_words() {
        let c = Corpus::from_files([
            (
                "p.txt",
                "Pier news\n\n“Oslo will pay for the pier,” Anna Berg said. “Olaf Dahl agrees,” she added.\n\nOlaf Dahl said: “The pier is late.”"
                    .as_bytes(),
            ),
            ("q.txt", "Roads\n\n“The road is done,” Olaf Dahl said in Oslo.".as_bytes()),
        ]);
        let texts = |q: &str| {
            let r = run(&c, &state(q));
            r.items.iter().map(|&i| c.quote(c.quotes[i]).span.text(&c.articles[c.quotes[i].article].text).to_string()).collect::<Vec<_>>()
        };
        assert_eq!(texts("view=quotes&about=oslo"), ["“Oslo will pay for the pier,”"]);
        assert_eq!(texts("view=quotes&about=olaf-dahl"), ["“Olaf Dahl agrees,”"]);
        // An article is about whoever its quotes name.
        assert_eq!(run(&c, &state("about=oslo")).items, [0]);
        assert_eq!(count(&run(&c, &state("view=quotes")), Facet::About, "olaf-dahl"), 1);
    }

    #[test]
    fn and_across_facets_and_dates() {
        let c = corpus();
        assert_eq!(run(&c, &state("place=oslo&org=acme-group")).items.len(), 2);
        assert_eq!(run(&c, &state("place=oslo&from=2021-04")).items, vec![0]);
        assert_eq!(run(&c, &state("to=2021-03")).items, vec![1]);
        assert!(run(&c, &state("q=%22bridge+now%22")).items.is_empty());
    }

    /// The definition, item by item and facet by facet, with no shared work:
    /// what the one-pass masks must agree with.
    fn by_definition(c: &Corpus, s: &ViewState) -> Expected {
        let quotes_view = s.view == View::Quotes;
        let n = if quotes_view { c.quotes.len() } else { c.articles.len() };
        let article = |i: usize| if quotes_view { c.quotes[i].article } else { i };
        // The entities a quote names: those with a mention inside its span.
        let named = |a: &broadsheet_extract::Article, q: &broadsheet_extract::Quote| -> Vec<String> {
            a.entities.iter().filter(|e| e.mentions.iter().any(|m| q.span.start <= m.start && m.end <= q.span.end)).map(|e| e.key.clone()).collect()
        };
        let keys = |i: usize, f: Facet| -> Vec<String> {
            let a = &c.articles[article(i)];
            let mut keys = match (quotes_view, f) {
                (true, Facet::Speaker) => c.quote(c.quotes[i]).speaker.iter().cloned().collect(),
                (true, Facet::About) => named(a, c.quote(c.quotes[i])),
                (false, Facet::About) => a.quotes.iter().flat_map(|q| named(a, q)).collect(),
                _ => c.article_keys[article(i)][f as usize].clone(),
            };
            keys.sort();
            keys.dedup();
            keys
        };
        let kinds = |i: usize| -> Vec<QuoteKind> {
            if quotes_view {
                vec![c.quote(c.quotes[i]).kind]
            } else {
                c.articles[i].quotes.iter().map(|q| q.kind).collect()
            }
        };
        let query = Query::parse(&s.q);
        let text = |i: usize| {
            if quotes_view {
                c.quote_haystack[i].clone()
            } else {
                c.searched_text(i)
            }
        };
        // `skip`: a facet (0–4) or the kind (5) left out.
        let passes = |i: usize, skip: Option<usize>| {
            let a = &c.articles[article(i)];
            s.article.as_ref().is_none_or(|id| *id == a.id)
                && within(a.date.iso.as_deref(), s.from.as_deref(), s.to.as_deref())
                && query.matches(&text(i))
                && (skip == Some(5) || s.kind.is_none_or(|k| kinds(i).contains(&k)))
                && Facet::ALL.iter().all(|&f| skip == Some(f as usize) || s.facet(f).is_empty() || keys(i, f).iter().any(|k| s.facet(f).contains(k)))
        };
        let items = (0..n).filter(|&i| passes(i, None)).collect();
        let facets = Facet::ALL.map(|f| {
            let mut counts: Vec<(String, usize)> = Vec::new();
            for i in (0..n).filter(|&i| passes(i, Some(f as usize)) && (quotes_view || f != Facet::About)) {
                for k in keys(i, f) {
                    match counts.iter_mut().find(|(key, _)| *key == k) {
                        Some(entry) => entry.1 += 1,
                        None => counts.push((k, 1)),
                    }
                }
            }
            counts.sort();
            counts
        });
        let kinded = |k: QuoteKind| (0..n).filter(|&i| passes(i, Some(5)) && kinds(i).contains(&k)).count();
        (items, facets, (kinded(QuoteKind::Full), kinded(QuoteKind::Partial)))
    }

    #[test]
    fn one_pass_agrees_with_the_definition() {
        let texts = broadsheet_extract::synthetic::corpus(40, 11);
        let c = Corpus::from_files(texts.iter().map(|(n, t)| (n.as_str(), t.as_bytes())));
        let pick = |f: Facet, nth: usize| c.article_keys.iter().flat_map(|k| k[f as usize].iter()).nth(nth).cloned().unwrap_or_default();
        // What quotes name is kept as ids only.
        let pick_about = |nth: usize| {
            let ids = c.article_key_ids.iter().flat_map(|k| k[Facet::About as usize].iter());
            ids.map(|&id| c.keys[id as usize].to_string()).nth(nth).unwrap_or_default()
        };
        let (speaker, person, place, org) = (pick(Facet::Speaker, 3), pick(Facet::Person, 5), pick(Facet::Place, 2), pick(Facet::Org, 1));
        let (about, about_too) = (pick_about(2), pick_about(6));
        assert!(!about.is_empty() && about != about_too, "the synthetic quotes name people and places");
        assert_ne!(run(&c, &state("sort=oldest")).items, run(&c, &state("")).items, "the synthetic articles are not in date order");
        let mut checked = 0;
        for view in ["", "view=quotes&"] {
            for filters in [
                String::new(),
                format!("speaker={speaker}"),
                format!("speaker={speaker},{}&place={place}", pick(Facet::Speaker, 9)),
                format!("person={person}&kind=partial"),
                format!("org={org}&q=talks&from=2018&to=2022-06"),
                format!("place={place}&person=nobody-known"),
                "kind=full&q=%22the+budget%22".to_string(),
                format!("q={}", &speaker[..4]),
                "q=dget+%22we+agree+that%22".to_string(),
                "q=%22must+go%22+na%C3%AFve".to_string(),
                "q=E+o".to_string(),
                format!("article={}", c.articles[7].id),
                format!("about={about}"),
                format!("about={about},{about_too}&speaker={speaker}&kind=full"),
                format!("about={about}&place={place}&q=the"),
            ] {
                let s = state(&format!("{view}{filters}"));
                let r = run(&c, &s);
                let (items, facets, kinds) = by_definition(&c, &s);
                assert_eq!(r.items, items, "{view}{filters}");
                // Sorted by date: the same items, undated last, ties in corpus order.
                let date = |i: usize| c.articles[if view.is_empty() { i } else { c.quotes[i].article }].date.iso.clone();
                for (order, newest) in [("sort=oldest", false), ("sort=newest", true)] {
                    let mut expected = items.clone();
                    expected.sort_by(|&x, &y| match (date(x), date(y)) {
                        (Some(a), Some(b)) if newest => b.cmp(&a),
                        (a, b) => a.is_none().cmp(&b.is_none()).then(a.cmp(&b)),
                    });
                    assert_eq!(run(&c, &state(&format!("{view}{filters}&{order}"))).items, expected, "{view}{filters}&{order}");
                }
                assert_eq!(r.kinds, kinds, "{view}{filters}");
                // Whose voices: the quotes of what passes every filter but the speaker's.
                let mut any_speaker = s.clone();
                any_speaker.keys[Facet::Speaker as usize].clear();
                let passing = by_definition(&c, &any_speaker).0;
                let pool: Vec<usize> = if view.is_empty() { passing.iter().flat_map(|&a| c.quotes_of(a)).collect() } else { passing };
                assert_eq!(r.voice_total, pool.len(), "{view}{filters}");
                let said_by = |key: &str| pool.iter().filter(|&&q| c.quote(c.quotes[q]).speaker.as_deref() == Some(key)).count();
                assert!(r.voices.iter().all(|v| v.count == said_by(&v.key)), "{view}{filters}");
                assert!(r.voices.windows(2).all(|w| w[0].count >= w[1].count), "{view}{filters}");
                assert!(s.facet(Facet::Speaker).iter().all(|k| r.voices.iter().any(|v| &*v.key == k && v.selected)));
                let listed = r.voices.iter().filter(|v| !v.selected).count();
                assert_eq!(
                    listed,
                    VOICES.min(c.keys.iter().filter(|k| !s.facet(Facet::Speaker).iter().any(|x| x == &***k) && said_by(k) > 0).count())
                );
                let least = r.voices.iter().filter(|v| !v.selected).map(|v| v.count).min().unwrap_or(0);
                assert!(c.keys.iter().filter(|k| !r.voices.iter().any(|v| v.key == **k)).all(|k| said_by(k) <= least), "{view}{filters}");
                for f in Facet::ALL {
                    let mut counted: Vec<(String, usize)> =
                        r.facets[f as usize].iter().filter(|v| v.count > 0).map(|v| (v.key.to_string(), v.count)).collect();
                    counted.sort();
                    assert_eq!(counted, facets[f as usize], "{view}{filters}: {f:?}");
                    // Every selected key is listed, so it can be removed.
                    assert!(s.facet(f).iter().all(|k| r.facets[f as usize].iter().any(|v| &*v.key == k && v.selected)));
                }
                checked += r.items.len();
            }
        }
        assert!(checked > 100, "the states select something");
    }

    #[test]
    fn shares_round_to_whole_percent_and_small_ones_show() {
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(2, 3), "67%");
        assert_eq!(percent(1, 500), "<1%");
        assert_eq!(percent(0, 500), "0%");
        assert_eq!(percent(5, 0), "0%");
    }

    #[test]
    fn grouping_by_speaker() {
        let c = corpus();
        let r = run(&c, &state("view=quotes"));
        let groups = group_by_speaker(&c, &r.items);
        assert_eq!(groups[0].0.as_deref(), Some("anna-kowalski"));
        assert_eq!(groups.iter().map(|g| g.1.len()).sum::<usize>(), r.items.len());
        // Largest first, equal ones in the order they first speak, the unattributed last.
        let c = Corpus::from_files([(
            "g.txt",
            "Notes\n\n“I disagree,” Eva Dahl said.\n\n“Nobody told us,” one resident said.\n\n“We start now,” Ola Berg said.\n\n\
             “The plan is late,” Nils Lund said.\n\n“It will cost more,” Nils Lund added.\n\n“We finish in May,” Ola Berg said."
                .as_bytes(),
        )]);
        let r = run(&c, &state("view=quotes"));
        let order: Vec<(Option<String>, usize)> = group_by_speaker(&c, &r.items).into_iter().map(|(s, g)| (s, g.len())).collect();
        let named = |k: &str, n| (Some(k.to_string()), n);
        assert_eq!(order, [named("ola-berg", 2), named("nils-lund", 2), named("eva-dahl", 1), (None, 1)]);
        // A group's total counts the results a page does not show yet.
        let totals: Vec<usize> = ["ola-berg", "nils-lund", "eva-dahl"].iter().map(|k| speaker_total(&r, Some(k))).collect();
        assert_eq!((totals, speaker_total(&r, None)), (vec![2, 2, 1], 1));
        let r = run(&c, &state("view=quotes&speaker=ola-berg&speaker=eva-dahl"));
        assert_eq!((speaker_total(&r, Some("ola-berg")), speaker_total(&r, Some("eva-dahl")), r.items.len()), (2, 1, 3));
    }
}
