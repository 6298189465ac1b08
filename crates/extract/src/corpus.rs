//! Keys that hold across articles.
//!
//! Within one article a person is keyed by the slug of the longest name it
//! gives. An article that only ever says "Lukashenko" would key him
//! `lukashenko`; across the corpus that key is folded into the one full name
//! that ends in it, so the same person keeps the same key everywhere.

use crate::lexicon::FastMap;
use crate::{Article, EntityKind};

/// Rewrites surname-only person keys to the corpus's one full name ending in that surname.
pub fn link(articles: &mut [Article]) {
    let mut full_by_surname: FastMap<String, Option<(String, String)>> = FastMap::default();
    for e in articles.iter().flat_map(|a| &a.entities) {
        if e.kind != EntityKind::Person || !e.key.contains('-') {
            continue;
        }
        let surname = e.key.rsplit('-').next().unwrap_or_default().to_string();
        let entry = full_by_surname.entry(surname).or_insert_with(|| Some((e.key.clone(), e.name.clone())));
        if entry.as_ref().is_some_and(|(k, _)| *k != e.key) {
            *entry = None; // two people share the surname: leave short keys alone
        }
    }
    for a in articles.iter_mut() {
        let mut renamed: FastMap<String, String> = FastMap::default();
        for e in a.entities.iter_mut() {
            if e.kind != EntityKind::Person || e.key.contains('-') {
                continue;
            }
            if let Some(Some((key, name))) = full_by_surname.get(&e.key) {
                renamed.insert(e.key.clone(), key.clone());
                if !e.aliases.contains(&e.name) {
                    e.aliases.push(e.name.clone());
                }
                e.key = key.clone();
                e.name = name.clone();
            }
        }
        for q in a.quotes.iter_mut() {
            if let Some(new) = q.speaker.as_ref().and_then(|s| renamed.get(s)) {
                q.speaker = Some(new.clone());
            }
        }
    }
}
