//! Filtering and facet counts: OR within a facet, AND across facets, and each
//! facet counted with the *other* filters applied, so choosing one speaker
//! never drops the other speakers' counts to zero.

use broadsheet_extract::QuoteKind;

use crate::corpus::Corpus;
use crate::search::Query;
use crate::state::{Facet, View, ViewState};

#[derive(Clone, Debug, PartialEq)]
pub struct FacetValue {
    pub key: String,
    pub name: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Results {
    /// The view the items belong to: a list rendered for the other view must not read them.
    pub view: View,
    /// Article indexes (articles view) or quote indexes into `Corpus::quotes` (quotes view).
    pub items: Vec<usize>,
    pub facets: [Vec<FacetValue>; 4],
    /// Items of each quote kind with every other filter applied: (full, partial).
    pub kinds: (usize, usize),
}

/// Criteria, one bit each in an item's mask of the filters it fails.
const KIND_BIT: u8 = 1 << 4;
const OTHER_BIT: u8 = 1 << 5;

fn facet_bit(f: Facet) -> u8 {
    1 << (f as u8)
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
/// items failing nothing but that facet.
pub fn run(corpus: &Corpus, state: &ViewState) -> Results {
    let query = Query::parse(&state.q);
    let wanted_article = state.article.as_ref().map(|id| corpus.article_by_id(id));
    // Selected keys as ids; a key the corpus does not know matches nothing.
    let selected: [Option<Vec<u32>>; 4] = Facet::ALL.map(|f| {
        let keys = state.facet(f);
        (!keys.is_empty()).then(|| keys.iter().filter_map(|k| corpus.key_id.get(k).copied()).collect())
    });
    let n = match state.view {
        View::Articles => corpus.articles.len(),
        View::Quotes => corpus.quotes.len(),
    };
    let article_of = |i: usize| match state.view {
        View::Articles => i,
        View::Quotes => corpus.quotes[i].article,
    };
    let has_kind = |i: usize, kind: QuoteKind| match state.view {
        View::Articles => corpus.articles[i].quotes.iter().any(|q| q.kind == kind),
        View::Quotes => corpus.quote(corpus.quotes[i]).kind == kind,
    };
    let keys_of = |i: usize, f: Facet| -> &[u32] {
        match (state.view, f) {
            (View::Quotes, Facet::Speaker) => corpus.quote_speaker[i].as_slice(),
            _ => &corpus.article_key_ids[article_of(i)][f as usize],
        }
    };

    let mut masks = vec![0u8; n];
    for (i, mask) in masks.iter_mut().enumerate() {
        let a = article_of(i);
        let mut m = 0;
        if wanted_article.is_some_and(|w| w != Some(a))
            || !within(corpus.articles[a].date.iso.as_deref(), state.from.as_deref(), state.to.as_deref())
        {
            m |= OTHER_BIT;
        }
        if m == 0 && !query.is_empty() {
            let haystack = match state.view {
                View::Articles => &corpus.article_text[i],
                View::Quotes => &corpus.quote_haystack[i],
            };
            if !query.matches(haystack) {
                m |= OTHER_BIT;
            }
        }
        if state.kind.is_some_and(|k| !has_kind(i, k)) {
            m |= KIND_BIT;
        }
        for f in Facet::ALL {
            if let Some(sel) = &selected[f as usize] {
                if !keys_of(i, f).iter().any(|k| sel.contains(k)) {
                    m |= facet_bit(f);
                }
            }
        }
        *mask = m;
    }

    let items: Vec<usize> = (0..n).filter(|&i| masks[i] == 0).collect();
    let mut counts: [Vec<usize>; 4] = Default::default();
    for c in counts.iter_mut() {
        c.resize(corpus.keys.len(), 0);
    }
    let mut kinds = (0, 0);
    for (i, &m) in masks.iter().enumerate() {
        for f in Facet::ALL {
            if m & !facet_bit(f) == 0 {
                for &k in keys_of(i, f) {
                    counts[f as usize][k as usize] += 1;
                }
            }
        }
        if m & !KIND_BIT == 0 {
            kinds.0 += has_kind(i, QuoteKind::Full) as usize;
            kinds.1 += has_kind(i, QuoteKind::Partial) as usize;
        }
    }
    let facets = Facet::ALL.map(|f| {
        let mut values: Vec<FacetValue> = counts[f as usize]
            .iter()
            .enumerate()
            .filter(|(_, &count)| count > 0)
            .map(|(id, &count)| {
                let key = &corpus.keys[id];
                FacetValue { key: key.clone(), name: corpus.name_of(key), count, selected: state.facet(f).contains(key) }
            })
            .collect();
        // Selected keys stay listed even at zero, so they can be removed.
        for k in state.facet(f) {
            if !values.iter().any(|v| &v.key == k) {
                values.push(FacetValue { key: k.clone(), name: corpus.name_of(k), count: 0, selected: true });
            }
        }
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        values
    });
    Results { view: state.view, items, facets, kinds }
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
    groups.sort_by(|a, b| a.0.is_none().cmp(&b.0.is_none()).then(b.1.len().cmp(&a.1.len())));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::decode_query;

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
        r.facets[f as usize].iter().find(|v| v.key == key).map_or(0, |v| v.count)
    }

    #[test]
    fn speaker_and_search_select_exact_quotes() {
        let c = corpus();
        let r = run(&c, &state("view=quotes&speaker=anna-kowalski&q=peace"));
        let texts: Vec<&str> = r.items.iter().map(|&i| c.quote(c.quotes[i]).span.text(&c.articles[c.quotes[i].article].text)).collect();
        assert_eq!(texts, ["“Peace talks matter,”"]);
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
    fn and_across_facets_and_dates() {
        let c = corpus();
        assert_eq!(run(&c, &state("place=oslo&org=acme-group")).items.len(), 2);
        assert_eq!(run(&c, &state("place=oslo&from=2021-04")).items, vec![0]);
        assert_eq!(run(&c, &state("to=2021-03")).items, vec![1]);
        assert!(run(&c, &state("q=%22bridge+now%22")).items.is_empty());
    }

    #[test]
    fn grouping_by_speaker() {
        let c = corpus();
        let r = run(&c, &state("view=quotes"));
        let groups = group_by_speaker(&c, &r.items);
        assert_eq!(groups[0].0.as_deref(), Some("anna-kowalski"));
        assert_eq!(groups.iter().map(|g| g.1.len()).sum::<usize>(), r.items.len());
    }
}
