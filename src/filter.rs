//! Filtering and facet counts: OR within a facet, AND across facets, and each
//! facet counted with the *other* filters applied, so choosing one speaker
//! never drops the other speakers' counts to zero.

use std::collections::HashMap;

use broadsheet_extract::QuoteKind;

use crate::corpus::{Corpus, QuoteRef};
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

/// Which filter to leave out when counting a facet.
#[derive(Clone, Copy, PartialEq)]
enum Skip {
    Nothing,
    Facet(Facet),
    Kind,
}

struct Filter<'a> {
    corpus: &'a Corpus,
    state: &'a ViewState,
    query: Query,
    article: Option<Option<usize>>,
}

fn within(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    // Compare on the precision of the bound: to=2023-03 takes all of March.
    from.is_none_or(|f| d >= f) && to.is_none_or(|t| &d[..t.len().min(d.len())] <= t)
}

impl<'a> Filter<'a> {
    fn keys(&self, item: usize, f: Facet) -> Vec<&'a str> {
        match self.state.view {
            View::Articles => self.corpus.article_keys[item][f as usize].iter().map(String::as_str).collect(),
            View::Quotes => self.corpus.quote_keys(self.corpus.quotes[item], f),
        }
    }

    fn article_of(&self, item: usize) -> usize {
        match self.state.view {
            View::Articles => item,
            View::Quotes => self.corpus.quotes[item].article,
        }
    }

    fn has_kind(&self, item: usize, kind: QuoteKind) -> bool {
        match self.state.view {
            View::Articles => self.corpus.articles[item].quotes.iter().any(|q| q.kind == kind),
            View::Quotes => self.corpus.quote_kind(self.corpus.quotes[item]) == kind,
        }
    }

    fn passes(&self, item: usize, skip: Skip) -> bool {
        let a = self.article_of(item);
        if let Some(wanted) = self.article {
            if wanted != Some(a) {
                return false;
            }
        }
        let date = self.corpus.articles[a].date.iso.as_deref();
        if !within(date, self.state.from.as_deref(), self.state.to.as_deref()) {
            return false;
        }
        if skip != Skip::Kind {
            if let Some(k) = self.state.kind {
                if !self.has_kind(item, k) {
                    return false;
                }
            }
        }
        for f in Facet::ALL {
            let selected = self.state.facet(f);
            if selected.is_empty() || skip == Skip::Facet(f) {
                continue;
            }
            let keys = self.keys(item, f);
            if !selected.iter().any(|s| keys.contains(&s.as_str())) {
                return false;
            }
        }
        if !self.query.is_empty() {
            let text = match self.state.view {
                View::Articles => &self.corpus.article_text[item].text,
                View::Quotes => &self.corpus.quote_text[item].text,
            };
            let speaker_hit = self.state.view == View::Quotes && {
                let QuoteRef { .. } = self.corpus.quotes[item];
                let names: String = self.keys(item, Facet::Speaker).iter().map(|k| self.corpus.name_of(k)).collect::<Vec<_>>().join(" ");
                self.query.matches(&format!("{text} {}", broadsheet_extract::lexicon::fold(&names)))
            };
            if !self.query.matches(text) && !speaker_hit {
                return false;
            }
        }
        true
    }
}

pub fn run(corpus: &Corpus, state: &ViewState) -> Results {
    let filter = Filter {
        corpus,
        state,
        query: Query::parse(&state.q),
        article: state.article.as_ref().map(|id| corpus.article_by_id(id)),
    };
    let n = match state.view {
        View::Articles => corpus.articles.len(),
        View::Quotes => corpus.quotes.len(),
    };
    let items: Vec<usize> = (0..n).filter(|&i| filter.passes(i, Skip::Nothing)).collect();

    let mut facets: [Vec<FacetValue>; 4] = Default::default();
    for f in Facet::ALL {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for i in (0..n).filter(|&i| filter.passes(i, Skip::Facet(f))) {
            for k in filter.keys(i, f) {
                *counts.entry(k).or_default() += 1;
            }
        }
        // Selected keys stay listed even at zero, so they can be removed.
        for k in state.facet(f) {
            counts.entry(k.as_str()).or_default();
        }
        let mut values: Vec<FacetValue> = counts
            .into_iter()
            .map(|(k, count)| FacetValue {
                key: k.to_string(),
                name: corpus.name_of(k),
                count,
                selected: state.facet(f).iter().any(|s| s == k),
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        facets[f as usize] = values;
    }
    let mut kinds = (0, 0);
    for i in (0..n).filter(|&i| filter.passes(i, Skip::Kind)) {
        if filter.has_kind(i, QuoteKind::Full) {
            kinds.0 += 1;
        }
        if filter.has_kind(i, QuoteKind::Partial) {
            kinds.1 += 1;
        }
    }
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
