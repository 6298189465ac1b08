//! Profiles: what the whole corpus says of one speaker, person, place or organisation.
//!
//! A view filtered to exactly one speaker (`speaker=x`) — or, with no speaker chosen, to one
//! person, place, organisation or subject (`person=`, `place=`, `org=`, `about=`) — shows a
//! profile of that key above its list: the names it appeared as, the titles and roles the
//! articles give it, its quotes and what they name, who else speaks beside it, where it is
//! mentioned and who talks about it. A profile reads the corpus, not the view's other
//! filters: it is the person, not the search. Built once per key and corpus.

use broadsheet_extract::lexicon::FastMap;
use broadsheet_extract::EntityKind;

use crate::corpus::Corpus;
use crate::state::{Facet, ViewState};
use crate::timeline::Timeline;

/// The key a view is about, and the facet that chose it: one speaker, or else one key
/// of all the other entity facets together.
pub fn subject(state: &ViewState) -> Option<(Facet, &str)> {
    match state.facet(Facet::Speaker) {
        [one] => return Some((Facet::Speaker, one)),
        [] => {}
        _ => return None,
    }
    let mut chosen = Facet::ALL[1..].iter().flat_map(|&f| state.facet(f).iter().map(move |k| (f, k.as_str())));
    match (chosen.next(), chosen.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// Everything a profile shows of one key. Lists of keys are `(key id, count)`, most first;
/// lists of articles are `(article, count)`, newest first (undated last).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Profile {
    pub key: String,
    pub name: String,
    pub kind: Option<EntityKind>,
    /// Every way it was written — as a name in the text or as the speaker of a quote ("the
    /// Belarusian leader") — with how often; pronouns left out.
    pub variants: Vec<(String, usize)>,
    /// The titles and roles its names and descriptions give a person ("Belarus President").
    pub roles: Vec<String>,
    /// The quotes it said (indexes into `Corpus::quotes`, in corpus order), the first and the
    /// last by date, and their timeline.
    pub quotes: Vec<usize>,
    pub first_quote: Option<usize>,
    pub last_quote: Option<usize>,
    pub quote_timeline: Timeline,
    /// What its quotes name, and who else is quoted in the articles it speaks in (by articles shared).
    pub about: Vec<(u32, usize)>,
    pub alongside: Vec<(u32, usize)>,
    /// The articles it speaks in, with its quotes there.
    pub quoted_in: Vec<(usize, usize)>,
    /// How often the text names it, the articles that do (with their mentions) and their timeline.
    pub mentions: usize,
    pub mentioned_in: Vec<(usize, usize)>,
    pub mention_timeline: Timeline,
    /// The quotes that name it, and who said them.
    pub named_by_quotes: usize,
    pub talked_about_by: Vec<(u32, usize)>,
}

/// Words that stand for someone without naming them: a speaker written so is no variant.
const PRONOUNS: [&str; 14] = ["he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you", "who"];

/// Honorifics before a name are no title of office.
const HONORIFICS: [&str; 7] = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss"];

/// Counts one more `text` in `variants`, spaces as one and pronouns left out.
fn add_variant(variants: &mut Vec<(String, usize)>, text: &str) {
    let written = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if written.is_empty() || PRONOUNS.iter().any(|p| written.eq_ignore_ascii_case(p)) {
        return;
    }
    match variants.iter_mut().find(|(v, _)| *v == written) {
        Some((_, n)) => *n += 1,
        None => variants.push((written, 1)),
    }
}

/// The titles and roles a person's variants give: the words before the name or the surname
/// ("Belarus President Alexander Lukashenko", "President Lukashenko") and descriptions that
/// name no part of it ("the Belarusian leader"), each once, in the variants' order.
pub fn roles(name: &str, variants: &[(String, usize)]) -> Vec<String> {
    let surname = name.split_whitespace().last().unwrap_or(name);
    let mut roles: Vec<String> = Vec::new();
    for (variant, _) in variants {
        let described = variant.strip_prefix("the ").or_else(|| variant.strip_prefix("The "));
        let plain = described.unwrap_or(variant);
        let before = plain.strip_suffix(name).or_else(|| plain.strip_suffix(surname)).filter(|b| b.is_empty() || b.ends_with(' '));
        let role = match before {
            Some(title) => title.trim().trim_end_matches(',').trim(),
            None if described.is_some() && !name.split_whitespace().any(|w| plain.split_whitespace().any(|v| v == w)) => plain,
            None => "",
        };
        if !role.is_empty()
            && !HONORIFICS.iter().any(|h| role.eq_ignore_ascii_case(h))
            && !role.contains('\'')
            && !roles.iter().any(|r| r.eq_ignore_ascii_case(role))
        {
            roles.push(role.to_string());
        }
    }
    roles
}

/// Places `(count, tie)` pairs most first, ties by `tie`, and returns their order. Sorted as
/// plain pairs of numbers, with the one sort the page has for them (`search`'s hits): each
/// sort of other things would add its own code to the page.
fn most_first(pairs: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize)> = pairs.map(|(count, tie)| (usize::MAX - count, tie)).collect();
    order.sort_unstable();
    order.into_iter().map(|(count, tie)| (usize::MAX - count, tie)).collect()
}

/// `(key id, count)` pairs most first, ties by name.
fn ranked(corpus: &Corpus, counts: FastMap<u32, usize>) -> Vec<(u32, usize)> {
    let by_rank: FastMap<u32, u32> = counts.keys().map(|&id| (corpus.name_rank[id as usize], id)).collect();
    most_first(counts.iter().map(|(&id, &n)| (n, corpus.name_rank[id as usize] as usize)))
        .into_iter()
        .map(|(n, rank)| (by_rank[&(rank as u32)], n))
        .collect()
}

/// Per-article counts as `(article, count)`, newest first.
fn newest_first(corpus: &Corpus, per_article: &[usize]) -> Vec<(usize, usize)> {
    corpus.newest_first.iter().map(|&a| a as usize).filter_map(|a| per_article.get(a).filter(|&&n| n > 0).map(|&n| (a, n))).collect()
}

/// The profile of `key` in `corpus`, or `None` when the corpus does not know the key.
pub fn build(corpus: &Corpus, key: &str) -> Option<Profile> {
    let id = *corpus.key_id.get(key)?;
    let day_of = |a: usize| corpus.article_day.get(a).copied().flatten();
    let mut variants = Vec::new();
    let (name, kind) = match corpus.names.get(key) {
        Some((name, kind)) => (name.clone(), Some(*kind)),
        None => (corpus.key_names[id as usize].to_string(), None),
    };

    // What it said.
    let quotes: Vec<usize> = (0..corpus.quotes.len()).filter(|&q| corpus.quote_speaker[q] == Some(id)).collect();
    let mut about = FastMap::default();
    let mut quotes_in = vec![0; corpus.articles.len()];
    for &q in &quotes {
        let r = corpus.quotes[q];
        let quote = corpus.quote(r);
        if let Some(phrase) = quote.speaker_mention {
            add_variant(&mut variants, phrase.text(&corpus.articles[r.article].text));
        }
        for &named in corpus.quote_about(q).iter().filter(|&&k| k != id) {
            *about.entry(named).or_insert(0) += 1;
        }
        quotes_in[r.article] += 1;
    }
    let dated_quotes = || quotes.iter().filter_map(|&q| day_of(corpus.quotes[q].article).map(|d| (d, q)));
    let first_quote = dated_quotes().min().map(|(_, q)| q);
    let last_quote = dated_quotes().max_by_key(|&(d, q)| (d, std::cmp::Reverse(q))).map(|(_, q)| q);
    let mut alongside = FastMap::default();
    for (a, _) in quotes_in.iter().enumerate().filter(|(_, &n)| n > 0) {
        for &other in corpus.article_key_ids[a][Facet::Speaker as usize].iter().filter(|&&k| k != id) {
            *alongside.entry(other).or_insert(0) += 1;
        }
    }

    // Where it is named.
    let mut mentions_in = vec![0; corpus.articles.len()];
    for (a, article) in corpus.articles.iter().enumerate() {
        let ids = &corpus.article_key_ids[a];
        if [Facet::Person, Facet::Place, Facet::Org].iter().any(|&f| ids[f as usize].contains(&id)) {
            for entity in article.entities.iter().filter(|e| e.key == key) {
                mentions_in[a] += entity.mentions.len();
                for m in &entity.mentions {
                    add_variant(&mut variants, m.text(&article.text));
                }
                // Names the article gives it that are not written as a mention of it ("the Belarusian leader").
                for alias in &entity.aliases {
                    if !variants.iter().any(|(v, _)| v == alias) {
                        add_variant(&mut variants, alias);
                    }
                }
            }
        }
    }
    let mut talked_about_by = FastMap::default();
    let mut named_by_quotes = 0;
    for q in 0..corpus.quotes.len() {
        if corpus.quote_about(q).contains(&id) {
            named_by_quotes += 1;
            if let Some(speaker) = corpus.quote_speaker[q].filter(|&s| s != id) {
                *talked_about_by.entry(speaker).or_insert(0) += 1;
            }
        }
    }

    // Most written first; ties in the order they were first seen.
    let mut order = most_first(variants.iter().enumerate().map(|(i, (_, n))| (*n, i))).into_iter();
    let variants: Vec<(String, usize)> = std::iter::from_fn(|| order.next().map(|(_, i)| std::mem::take(&mut variants[i]))).collect();
    let roles = if kind == Some(EntityKind::Person) { roles(&name, &variants) } else { Vec::new() };
    let quote_timeline = Timeline::of_days(|| quotes.iter().map(|&q| day_of(corpus.quotes[q].article)));
    let mentioned_in = newest_first(corpus, &mentions_in);
    let mention_timeline = Timeline::of_days(|| mentioned_in.iter().map(|&(a, _)| day_of(a)));
    Some(Profile {
        key: key.to_string(),
        name,
        kind,
        variants,
        roles,
        first_quote,
        last_quote,
        quote_timeline,
        about: ranked(corpus, about),
        alongside: ranked(corpus, alongside),
        quoted_in: newest_first(corpus, &quotes_in),
        quotes,
        mentions: mentions_in.iter().sum(),
        mentioned_in,
        mention_timeline,
        named_by_quotes,
        talked_about_by: ranked(corpus, talked_about_by),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::decode_query;

    fn state(q: &str) -> ViewState {
        let pairs = decode_query(q);
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).0
    }

    #[test]
    fn a_view_is_about_one_speaker_or_else_one_entity() {
        let about = |q: &str| subject(&state(q)).map(|(f, k)| (f, k.to_string()));
        assert_eq!(about("view=quotes&speaker=ola-berg&about=oslo&q=pier"), Some((Facet::Speaker, "ola-berg".into())));
        assert_eq!(about("place=oslo&from=2023"), Some((Facet::Place, "oslo".into())));
        assert_eq!(about("about=oslo"), Some((Facet::About, "oslo".into())));
        assert_eq!(about("speaker=a,b"), None);
        assert_eq!(about("speaker=a,b&place=oslo"), None);
        assert_eq!(about("place=oslo&org=acme"), None);
        assert_eq!(about("q=x"), None);
    }

    #[test]
    fn titles_and_roles_come_from_the_names_a_person_is_given() {
        let variants: Vec<(String, usize)> = [
            "Alexander Lukashenko",
            "Belarus President Alexander Lukashenko",
            "the Belarus President",
            "Lukashenko",
            "President Lukashenko",
            "the Belarusian leader",
            "Mr Lukashenko",
            "Lukashenko's office",
            "the Lukashenko government",
        ]
        .iter()
        .map(|v| (v.to_string(), 1))
        .collect();
        assert_eq!(roles("Alexander Lukashenko", &variants), ["Belarus President", "President", "Belarusian leader"]);
        assert!(roles("Alexander Lukashenko", &[]).is_empty());
    }

    fn corpus() -> Corpus {
        Corpus::from_files([
            (
                "a.txt",
                "title: Pier opens\ndate: 2021-04-01\n\n“We will build the pier in Oslo,” Mayor Anna Berg said. “Olaf Dahl agrees,” she added.\n\n\
                 “The pier is late,” Olaf Dahl said."
                    .as_bytes(),
            ),
            ("b.txt", "title: Tolls\ndate: 2022-06-10\n\n“Oslo pays,” Anna Berg said. The mayor spoke in Oslo.".as_bytes()),
            ("c.txt", "title: Roads\n\n“Roads first,” Olaf Dahl told Anna Berg in Bergen.".as_bytes()),
        ])
    }

    #[test]
    fn a_speakers_profile_gathers_their_quotes_names_and_company() {
        let c = corpus();
        let p = build(&c, "anna-berg").unwrap();
        let name = |id: u32| c.key_names[id as usize].to_string();
        assert_eq!(p.name, "Anna Berg");
        assert_eq!(p.kind, Some(EntityKind::Person));
        assert_eq!(p.quotes.len(), 3);
        let variants: Vec<&str> = p.variants.iter().map(|(v, _)| v.as_str()).collect();
        assert!(variants.contains(&"Mayor Anna Berg") && variants.contains(&"Anna Berg"), "{variants:?}");
        assert!(!variants.iter().any(|v| v.eq_ignore_ascii_case("she")), "{variants:?}");
        assert_eq!(p.roles, ["Mayor"]);
        // First and last by date; the quotes of the undated article are neither.
        let date = |q: usize| c.articles[c.quotes[q].article].date.iso.clone();
        assert_eq!((date(p.first_quote.unwrap()), date(p.last_quote.unwrap())), (Some("2021-04-01".into()), Some("2022-06-10".into())));
        assert_eq!(p.quote_timeline.dated, 3);
        assert_eq!(p.about.iter().map(|&(k, n)| (name(k), n)).collect::<Vec<_>>(), [("Oslo".to_string(), 2), ("Olaf Dahl".to_string(), 1)]);
        assert_eq!(p.alongside.iter().map(|&(k, n)| (name(k), n)).collect::<Vec<_>>(), [("Olaf Dahl".to_string(), 1)]);
        // Newest first: b (2022), then a (2021).
        assert_eq!(p.quoted_in.iter().map(|&(a, n)| (c.articles[a].id.as_str(), n)).collect::<Vec<_>>(), [("b", 1), ("a", 2)]);
        assert_eq!(p.mentioned_in.iter().map(|&(a, _)| c.articles[a].id.as_str()).collect::<Vec<_>>(), ["b", "a", "c"]);
        assert_eq!(p.mentions, p.mentioned_in.iter().map(|&(_, n)| n).sum::<usize>());
        assert_eq!(p.mention_timeline.undated, 1);
        assert!(build(&c, "nobody-known").is_none());
    }

    #[test]
    fn a_places_profile_says_where_it_is_named_and_who_talks_about_it() {
        let c = corpus();
        let p = build(&c, "oslo").unwrap();
        assert_eq!(p.kind, Some(EntityKind::Place));
        assert!(p.quotes.is_empty() && p.roles.is_empty());
        assert_eq!(p.mentioned_in.iter().map(|&(a, n)| (c.articles[a].id.as_str(), n)).collect::<Vec<_>>(), [("b", 2), ("a", 1)]);
        assert_eq!(p.mentions, 3);
        assert_eq!(p.named_by_quotes, 2);
        assert_eq!(p.talked_about_by.iter().map(|&(k, n)| (c.keys[k as usize].to_string(), n)).collect::<Vec<_>>(), [("anna-berg".to_string(), 2)]);
    }
}
