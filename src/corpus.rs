//! The corpus as the app holds it: extracted articles and indexes built once.

use std::collections::HashMap;

use broadsheet_extract::{Article, EntityKind};

use crate::search::fold_into;
use crate::state::Facet;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// One quote, addressed by article and position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuoteRef {
    pub article: usize,
    pub quote: usize,
}

pub struct Corpus {
    pub articles: Vec<Article>,
    pub quotes: Vec<QuoteRef>,
    /// Display name and kind of every entity key.
    pub names: HashMap<String, (String, EntityKind)>,
    /// Per article: the keys of each facet (speaker, person, place, org), sorted, deduplicated.
    pub article_keys: Vec<[Vec<String>; 4]>,
    /// Per article: title and text folded for search.
    pub article_text: Vec<String>,
    /// Index for filtering: every entity key interned once.
    pub key_id: HashMap<String, u32>,
    pub keys: Vec<String>,
    /// Per article, per facet: interned keys.
    pub article_key_ids: Vec<[Vec<u32>; 4]>,
    /// Per quote (index into `quotes`): its speaker, interned.
    pub quote_speaker: Vec<Option<u32>>,
    /// Per quote: folded quote text and speaker name, what a search in the quote list looks in.
    pub quote_haystack: Vec<String>,
}

impl Corpus {
    /// The seed articles bundled into the build.
    pub fn bundled() -> Corpus {
        Corpus::from_files(bundled::SEEDS.iter().map(|(name, bytes)| (*name, *bytes)))
    }

    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Corpus {
        Corpus::from_articles(files.into_iter().map(|(n, b)| broadsheet_extract::extract(n, b)).collect())
    }

    /// A corpus of articles already extracted: keys linked across them, then indexed.
    pub fn from_articles(mut articles: Vec<Article>) -> Corpus {
        broadsheet_extract::corpus::link(&mut articles);
        Corpus::index(articles)
    }

    fn index(articles: Vec<Article>) -> Corpus {
        let mut names = HashMap::new();
        let mut quotes = Vec::new();
        let mut article_keys = Vec::with_capacity(articles.len());
        let mut quote_haystack = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            let mut keys: [Vec<String>; 4] = Default::default();
            for e in &a.entities {
                names.entry(e.key.clone()).or_insert_with(|| (e.name.clone(), e.kind));
                let f = match e.kind {
                    EntityKind::Person => Facet::Person,
                    EntityKind::Place => Facet::Place,
                    EntityKind::Organization => Facet::Org,
                };
                keys[f as usize].push(e.key.clone());
            }
            for (qi, q) in a.quotes.iter().enumerate() {
                quotes.push(QuoteRef { article: ai, quote: qi });
                let mut haystack = String::with_capacity(q.span.len() + 24);
                fold_into(&mut haystack, q.span.text(&a.text));
                quote_haystack.push(haystack);
                if let Some(s) = &q.speaker {
                    keys[Facet::Speaker as usize].push(s.clone());
                }
            }
            for k in keys.iter_mut() {
                k.sort();
                k.dedup();
            }
            article_keys.push(keys);
        }
        let article_text = articles
            .iter()
            .map(|a| {
                let mut folded = String::with_capacity(a.title.text.len() + a.text.len() + 1);
                fold_into(&mut folded, &a.title.text);
                folded.push(' ');
                fold_into(&mut folded, &a.text);
                folded
            })
            .collect();
        let mut key_id: HashMap<String, u32> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut intern = |k: &str| -> u32 {
            if let Some(&id) = key_id.get(k) {
                return id;
            }
            keys.push(k.to_string());
            key_id.insert(k.to_string(), keys.len() as u32 - 1);
            keys.len() as u32 - 1
        };
        let article_key_ids: Vec<[Vec<u32>; 4]> =
            article_keys.iter().map(|ks| ks.clone().map(|v| v.iter().map(|k| intern(k)).collect())).collect();
        let quote_speaker: Vec<Option<u32>> =
            quotes.iter().map(|r| articles[r.article].quotes[r.quote].speaker.as_deref().map(&mut intern)).collect();
        // A search in the quote list also finds the speaker's name.
        for (haystack, r) in quote_haystack.iter_mut().zip(&quotes) {
            let speaker = articles[r.article].quotes[r.quote].speaker.as_deref();
            if let Some((name, _)) = speaker.and_then(|k| names.get(k)) {
                haystack.push(' ');
                fold_into(haystack, name);
            }
        }
        Corpus { articles, quotes, names, article_keys, article_text, key_id, keys, article_key_ids, quote_speaker, quote_haystack }
    }

    pub fn name_of(&self, key: &str) -> String {
        self.names.get(key).map_or_else(|| key.to_string(), |(n, _)| n.clone())
    }

    pub fn speakers(&self) -> usize {
        let mut s: Vec<&String> = self.article_keys.iter().flat_map(|k| &k[Facet::Speaker as usize]).collect();
        s.sort();
        s.dedup();
        s.len()
    }

    pub fn quote(&self, r: QuoteRef) -> &broadsheet_extract::Quote {
        &self.articles[r.article].quotes[r.quote]
    }

    pub fn article_by_id(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }
}
