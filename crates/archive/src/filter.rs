//! Filters and facet counts on the linked table, with no text and no article in memory: the
//! page's engine (OR within a facet, AND across facets, each facet counted with the *other*
//! filters applied, article facets counted per article) over [`Linked`]'s columns.
//!
//! One pass gives each item (an article, or a quote in the quotes view) the set of filters it
//! fails; results are the items failing none, and a facet's counts come from the items failing
//! nothing but that facet. What depends only on the article (the opened article, the dates,
//! people, places, organisations) is decided once per article.

use super::table::{Linked, QuoteColumns, ABOUT, KIND_FULL, KIND_PARTIAL, ORG, PERSON, PLACE, SPEAKER};

/// The facets that belong to a whole article (a quote has its article's) and to each quote
/// (an article has those of all its quotes).
const ARTICLE_FACETS: [usize; 3] = [PERSON, PLACE, ORG];
const QUOTE_FACETS: [usize; 2] = [SPEAKER, ABOUT];

/// Bits of an item's mask beside the facets' (bits 0–4).
const KIND_BIT: u8 = 1 << 5;
const OTHER_BIT: u8 = 1 << 6;

/// A set of item numbers, one bit each: what a search matched.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Bits(pub Vec<u64>);

impl Bits {
    pub fn new(len: usize) -> Bits {
        Bits(vec![0; len.div_ceil(64)])
    }

    pub fn insert(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// The order of the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Corpus,
    Oldest,
    Newest,
}

/// What a view selects, in the table's terms (the page's `ViewState` once its keys are ids).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Selection {
    pub quotes_view: bool,
    /// The opened article; `Some(None)` for an id the index does not have, which nothing is.
    pub article: Option<Option<usize>>,
    /// Inclusive bounds on the day ([`day_bound`]); an undated article is outside any.
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// A quote kind's bit.
    pub kind: Option<u8>,
    /// Per facet (in the page's order): the chosen key ids, `None` when the facet is not filtered
    /// (keys the index does not know are left out, so a list of them matches nothing).
    pub facets: [Option<Vec<u32>>; 5],
    /// The items a search matched (articles, or quotes in the quotes view).
    pub search: Option<Bits>,
    pub order: Order,
}

/// What [`run`] finds.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Counts {
    /// The items (article or quote numbers) in the order asked for.
    pub items: Vec<u32>,
    /// Per facet, per key id: how many items it would have were the facet's own filter lifted.
    /// The article view counts no "about".
    pub facets: [Vec<u32>; 5],
    /// Items of each kind with every other filter applied: (full, partial).
    pub kinds: (usize, usize),
    /// Whose voices the view has: per key id, the quotes of the items that pass every filter
    /// but the speaker's (in the article view, all quotes of such articles) said by that key,
    /// and how many such quotes there are, `voice_total`.
    pub voices: Vec<u32>,
    pub voice_total: usize,
}

/// A `from` (`end` false) or `to` bound of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a day number:
/// `from=2021-04` is 2021-04-00, `to=2021-04` is 2021-04-99, so days compare as the page's
/// dates do on the bound's precision.
pub fn day_bound(date: &str, end: bool) -> Option<u32> {
    let digits = |s: &str| (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    let mut parts = date.split('-');
    let year = parts.next().filter(|y| y.len() == 4).and_then(digits)?;
    let (month, day) = (parts.next(), parts.next());
    let fill = if end { 99 } else { 0 };
    let month = match month {
        Some(m) => Some(digits(m).filter(|_| m.len() == 2)?),
        None => None,
    };
    let day = match day {
        Some(d) => Some(digits(d).filter(|_| d.len() == 2)?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(year * 10_000 + month.unwrap_or(fill) * 100 + day.unwrap_or(fill))
}

/// The articles by day, oldest first and newest first, undated last and ties in corpus order:
/// a counting sort over the distinct days.
pub fn date_orders(days: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let keyed: Vec<u32> = days.iter().map(|&d| if d == 0 { u32::MAX } else { d }).collect();
    let mut distinct = keyed.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let rank: Vec<usize> = keyed.iter().map(|d| distinct.partition_point(|x| x < d)).collect();
    let mut starts = vec![0; distinct.len() + 1];
    for &r in &rank {
        starts[r + 1] += 1;
    }
    for r in 1..starts.len() {
        starts[r] += starts[r - 1];
    }
    let mut oldest_first = vec![0; days.len()];
    let mut next = starts.clone();
    for (a, &r) in rank.iter().enumerate() {
        oldest_first[next[r]] = a as u32;
        next[r] += 1;
    }
    let dated = distinct.len() - usize::from(distinct.last() == Some(&u32::MAX));
    let newest_first = (0..dated).rev().chain(dated..distinct.len()).flat_map(|r| oldest_first[starts[r]..starts[r + 1]].iter().copied()).collect();
    (oldest_first, newest_first)
}

/// The items `selection` selects from the table `t` of an index with `keys` keys, and every
/// facet's counts. `orders` is [`date_orders`] of the table's days (made once per index).
/// `None` for the quotes view while the per-quote columns are still to come; the articles view
/// needs none of them.
pub fn run(t: &Linked, keys: usize, orders: &(Vec<u32>, Vec<u32>), s: &Selection) -> Option<Counts> {
    let quote_columns = t.quote_columns();
    let no_columns = QuoteColumns { speaker: Vec::new(), about: Default::default(), kinds: Vec::new() };
    let q = match (s.quotes_view, quote_columns) {
        (true, None) => return None,
        (_, columns) => columns.unwrap_or(&no_columns),
    };
    let bit = |f: usize| 1u8 << f;
    let fails = |f: usize, ids: &[u32]| s.facets[f].as_ref().is_some_and(|chosen| !ids.iter().any(|k| chosen.contains(k)));
    let dated = s.from.is_some() || s.to.is_some();
    // The facets an article is tested on: its own, and in the articles view its quotes'; only
    // those filtered.
    let article_filters: Vec<usize> =
        ARTICLE_FACETS.into_iter().chain(QUOTE_FACETS.into_iter().filter(|_| !s.quotes_view)).filter(|&f| s.facets[f].is_some()).collect();
    let article_masks: Vec<u8> = (0..t.articles())
        .map(|a| {
            let day = t.days[a];
            let mut m = 0;
            if s.article.is_some_and(|w| w != Some(a)) || (dated && (day == 0 || s.from.is_some_and(|f| day < f) || s.to.is_some_and(|to| day > to)))
            {
                m |= OTHER_BIT;
            }
            for &f in &article_filters {
                if fails(f, t.facets[f].get(a)) {
                    m |= bit(f);
                }
            }
            m
        })
        .collect();
    let n = if s.quotes_view { t.quotes() } else { t.articles() };
    let kinds_of = if s.quotes_view { &q.kinds } else { &t.article_kinds };
    let quote_keys = |i: usize, f: usize| if f == SPEAKER { std::slice::from_ref(&q.speaker[i]) } else { q.about.get(i) };
    // In the quotes view a quote is tested on its own speaker and what it names, where filtered.
    let quote_filters: Vec<usize> = QUOTE_FACETS.into_iter().filter(|&f| s.quotes_view && s.facets[f].is_some()).collect();
    let mut masks = vec![0u8; n];
    let mut article = 0;
    for (i, mask) in masks.iter_mut().enumerate() {
        if s.quotes_view {
            while t.quote_starts[article + 1] as usize <= i {
                article += 1;
            }
        } else {
            article = i;
        }
        let mut m = article_masks[article];
        if s.search.as_ref().is_some_and(|found| !found.contains(i)) {
            m |= OTHER_BIT;
        }
        if s.kind.is_some_and(|k| kinds_of[i] & k == 0) {
            m |= KIND_BIT;
        }
        for &f in &quote_filters {
            if fails(f, quote_keys(i, f)) {
                m |= bit(f);
            }
        }
        *mask = m;
    }
    let article_of = |i: usize| if s.quotes_view { t.article_of(i) } else { i };
    let (counts, kinds, voices, voice_total) = match s.quotes_view {
        false => count_articles(t, keys, &masks),
        true => count_quotes(t, q, keys, &masks),
    };
    let items: Vec<u32> = (0..n as u32).filter(|&i| masks[i as usize] == 0).collect();
    let items = match s.order {
        Order::Corpus => items,
        Order::Oldest => in_article_order(&items, article_of, &orders.0),
        Order::Newest => in_article_order(&items, article_of, &orders.1),
    };
    Some(Counts { items, facets: counts, kinds, voices, voice_total })
}

/// What [`run`] counts: per facet, per key id, the items that fail no filter but the facet's
/// own; the items of each kind failing none but the kind's; who is quoted and in how many quotes.
type Counted = ([Vec<u32>; 5], (usize, usize), Vec<u32>, usize);

/// Adds `by` to the count of each of `ids` (ids out of range are no key's).
fn add(counts: &mut [u32], ids: &[u32], by: u32) {
    for &k in ids {
        if let Some(count) = counts.get_mut(k as usize) {
            *count += by;
        }
    }
}

/// The articles view's counts, one pass over the articles' masks: an article counts for a
/// facet when it fails no filter but that facet's (so one failing two counts for none); who
/// is quoted from each article's speakers and their numbers of quotes.
fn count_articles(t: &Linked, keys: usize, masks: &[u8]) -> Counted {
    let mut counts: [Vec<u32>; 5] = std::array::from_fn(|_| vec![0; keys]);
    let (mut kinds, mut voices, mut voice_total) = ((0, 0), vec![0u32; keys], 0);
    let speakers = &t.facets[SPEAKER];
    for (a, &m) in masks.iter().enumerate() {
        if m.count_ones() > 1 {
            continue;
        }
        for f in [SPEAKER, PERSON, PLACE, ORG] {
            if m & !(1 << f) == 0 {
                add(&mut counts[f], t.facets[f].get(a), 1);
            }
        }
        if m & !KIND_BIT == 0 {
            kinds.0 += usize::from(t.article_kinds[a] & KIND_FULL != 0);
            kinds.1 += usize::from(t.article_kinds[a] & KIND_PARTIAL != 0);
        }
        if m & !(1 << SPEAKER) == 0 {
            voice_total += t.quotes_of(a).len();
            let row = speakers.starts[a] as usize..speakers.starts[a + 1] as usize;
            for (&k, &quotes) in speakers.items[row.clone()].iter().zip(&t.speaker_quotes[row]) {
                add(&mut voices, &[k], quotes);
            }
        }
    }
    (counts, kinds, voices, voice_total)
}

/// The quotes view's counts: a quote's own facets (speaker, what it names) per quote; its
/// article's, per article, by how many of its quotes count.
fn count_quotes(t: &Linked, q: &QuoteColumns, keys: usize, masks: &[u8]) -> Counted {
    let mut counts: [Vec<u32>; 5] = std::array::from_fn(|_| vec![0; keys]);
    let mut kinds = (0, 0);
    for a in 0..t.articles() {
        // Per facet of the article's own: how many of its quotes count.
        let mut of_article = [0u32; 3];
        for i in t.quotes_of(a) {
            let m = masks[i];
            if m.count_ones() > 1 {
                continue;
            }
            for (slot, f) in ARTICLE_FACETS.into_iter().enumerate() {
                if m & !(1 << f) == 0 {
                    of_article[slot] += 1;
                }
            }
            if m & !(1 << SPEAKER) == 0 {
                add(&mut counts[SPEAKER], std::slice::from_ref(&q.speaker[i]), 1);
            }
            if m & !(1 << ABOUT) == 0 {
                add(&mut counts[ABOUT], q.about.get(i), 1);
            }
            if m & !KIND_BIT == 0 {
                kinds.0 += usize::from(q.kinds[i] & KIND_FULL != 0);
                kinds.1 += usize::from(q.kinds[i] & KIND_PARTIAL != 0);
            }
        }
        for (slot, f) in ARTICLE_FACETS.into_iter().enumerate() {
            if of_article[slot] > 0 {
                add(&mut counts[f], t.facets[f].get(a), of_article[slot]);
            }
        }
    }
    let voice_total = masks.iter().filter(|&&m| m & !(1 << SPEAKER) == 0).count();
    let voices = counts[SPEAKER].clone();
    (counts, kinds, voices, voice_total)
}

/// `items` (ascending, so each article's are one run) with the articles' runs put in `order`.
fn in_article_order(items: &[u32], article_of: impl Fn(usize) -> usize, order: &[u32]) -> Vec<u32> {
    let mut runs = vec![0..0; order.len()];
    let mut k = 0;
    while k < items.len() {
        let (article, start) = (article_of(items[k] as usize), k);
        while k < items.len() && article_of(items[k] as usize) == article {
            k += 1;
        }
        runs[article] = start..k;
    }
    order.iter().flat_map(|&a| items[runs[a as usize].clone()].iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_take_the_precision_they_are_given() {
        assert_eq!(day_bound("2021", false), Some(20210000));
        assert_eq!(day_bound("2021", true), Some(20219999));
        assert_eq!(day_bound("2021-04", true), Some(20210499));
        assert_eq!(day_bound("2021-04-05", false), Some(20210405));
        for bad in ["", "21", "2021-4", "2021-04-05-01", "2021-xx", "２０２１"] {
            assert_eq!(day_bound(bad, false), None, "{bad}");
        }
    }

    #[test]
    fn dates_order_with_undated_last_and_ties_in_corpus_order() {
        let (oldest, newest) = date_orders(&[0, 20210601, 20220101, 20210601, 20201231]);
        assert_eq!(oldest, [4, 1, 3, 2, 0]);
        assert_eq!(newest, [2, 1, 3, 4, 0]);
    }
}
