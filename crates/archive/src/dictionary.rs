//! The dictionary chunk: every entity key of the corpus, interned (its place in the list is its
//! id in the table), with the first entity the corpus gives it as a person and as anything else.
//!
//! That is all linking needs ([`broadsheet_extract::corpus::link`] folds a surname-only person key into the
//! one full name of the corpus that ends in it): which keys are people, and where each is first
//! named. So the indexer keeps no article to link, parts of a corpus indexed apart join by
//! merging their dictionaries, and a reader links on loading ([`Dictionary::links`]).

use serde::{Deserialize, Serialize};

use broadsheet_extract::lexicon::FastMap;
use broadsheet_extract::{Article, EntityKind};

/// An entity that gives a key: its article (in corpus order), its place among the article's
/// entities, its name and kind.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    pub article: u32,
    pub entity: u32,
    pub name: String,
    pub kind: EntityKind,
}

impl Seen {
    fn at(&self) -> (u32, u32) {
        (self.article, self.entity)
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// The first entity of a person with this key.
    pub person: Option<Seen>,
    /// The first entity of a place or organisation with this key.
    pub other: Option<Seen>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Dictionary {
    pub entries: Vec<Entry>,
}

/// What linking makes of the dictionary's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Links {
    /// Per id: the id a person of that key is read as (its own when it is not linked).
    pub person: Vec<u32>,
    /// Per id: the name and kind a reader shows for the key (the key itself when no entity
    /// gives it after linking: a speaker with no entity, or a surname read as a full name).
    pub names: Vec<(String, EntityKind)>,
}

impl Dictionary {
    /// Each key's id.
    pub fn ids(&self) -> FastMap<String, u32> {
        self.entries.iter().enumerate().map(|(id, e)| (e.key.clone(), id as u32)).collect()
    }

    /// Links the keys as [`broadsheet_extract::corpus::link`] does across all the articles: a person keyed by
    /// a surname alone ("berg") is read as the one full name of a person in the corpus that ends
    /// in it ("anna-berg"), unless two do; each key is then named by the first entity that
    /// gives it, in corpus order.
    pub fn links(&self) -> Links {
        // Per surname: the one full person key ending in it, or None when several do.
        let mut full_by_surname: FastMap<&str, Option<u32>> = FastMap::default();
        for (id, e) in self.entries.iter().enumerate() {
            if e.person.is_some() && e.key.contains('-') {
                let surname = e.key.rsplit('-').next().unwrap_or_default();
                let entry = full_by_surname.entry(surname).or_insert(Some(id as u32));
                if *entry != Some(id as u32) {
                    *entry = None;
                }
            }
        }
        let person: Vec<u32> = self
            .entries
            .iter()
            .enumerate()
            .map(|(id, e)| match full_by_surname.get(e.key.as_str()) {
                Some(&Some(full)) if e.person.is_some() && !e.key.contains('-') => full,
                _ => id as u32,
            })
            .collect();
        // The first entity giving each key after linking: its own (a person only when not linked
        // away), or a linked surname's, which then bears the full name's first name as a person.
        let mut first: Vec<Option<FirstGiven>> = vec![None; self.entries.len()];
        for (id, e) in self.entries.iter().enumerate() {
            let mut candidates: Vec<(usize, (u32, u32), &str, EntityKind)> = Vec::with_capacity(2);
            if let Some(seen) = &e.other {
                candidates.push((id, seen.at(), &seen.name, seen.kind));
            }
            if let Some(seen) = &e.person {
                let to = person[id] as usize;
                match self.entries[to].person.as_ref() {
                    Some(full) if to != id => candidates.push((to, seen.at(), &full.name, EntityKind::Person)),
                    _ => candidates.push((id, seen.at(), &seen.name, EntityKind::Person)),
                }
            }
            for (to, at, name, kind) in candidates {
                if first[to].is_none_or(|(earliest, _, _)| at < earliest) {
                    first[to] = Some((at, name, kind));
                }
            }
        }
        let names = first
            .iter()
            .zip(&self.entries)
            .map(|(first, e)| first.map_or_else(|| (e.key.clone(), EntityKind::Person), |(_, name, kind)| (name.to_string(), kind)))
            .collect();
        Links { person, names }
    }
}

impl Links {
    /// Links one article of a content chunk as the dictionary links the table, and so as
    /// [`broadsheet_extract::corpus::link`] links the whole corpus: its people keyed by a linked surname get
    /// the full name's key and name, and the quotes they speak follow. `ids` is
    /// [`Dictionary::ids`].
    pub fn link_article(&self, dictionary: &Dictionary, ids: &FastMap<String, u32>, article: &mut Article) {
        let mut renamed: FastMap<String, String> = FastMap::default();
        for e in article.entities.iter_mut() {
            if e.kind != EntityKind::Person || e.key.contains('-') {
                continue;
            }
            let Some(&id) = ids.get(&e.key) else { continue };
            let to = self.person[id as usize] as usize;
            let (Some(full), true) = (dictionary.entries.get(to), to != id as usize) else { continue };
            let Some(full_name) = full.person.as_ref().map(|s| s.name.clone()) else { continue };
            renamed.insert(e.key.clone(), full.key.clone());
            if !e.aliases.contains(&e.name) {
                e.aliases.push(e.name.clone());
            }
            e.key = full.key.clone();
            e.name = full_name;
        }
        for q in article.quotes.iter_mut() {
            if let Some(new) = q.speaker.as_ref().and_then(|s| renamed.get(s)) {
                q.speaker = Some(new.clone());
            }
        }
    }
}

/// Where an entity first gives a key after linking (article, entity), under which name and kind.
type FirstGiven<'a> = ((u32, u32), &'a str, EntityKind);

/// Interns keys as a corpus gives them, in order, noting where each is first given.
#[derive(Default)]
pub struct DictionaryBuilder {
    ids: FastMap<String, u32>,
    dictionary: Dictionary,
}

impl DictionaryBuilder {
    /// The id of `key`, interned if new.
    pub fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.dictionary.entries.len() as u32;
        self.ids.insert(key.to_string(), id);
        self.dictionary.entries.push(Entry { key: key.to_string(), person: None, other: None });
        id
    }

    /// Interns `key` and notes that `seen` gives it, if no earlier entity did.
    pub fn see(&mut self, key: &str, seen: Seen) -> u32 {
        let id = self.intern(key);
        let entry = &mut self.dictionary.entries[id as usize];
        let slot = if seen.kind == EntityKind::Person { &mut entry.person } else { &mut entry.other };
        if slot.as_ref().is_none_or(|s| seen.at() < s.at()) {
            *slot = Some(seen);
        }
        id
    }

    /// Interns every key of `other`, a dictionary of articles that begin at article `first`
    /// of this one, and gives each of its ids the id here.
    pub fn append(&mut self, other: &Dictionary, first: u32) -> Vec<u32> {
        other
            .entries
            .iter()
            .map(|e| {
                let mut id = self.intern(&e.key);
                for seen in [&e.person, &e.other].into_iter().flatten() {
                    id = self.see(&e.key, Seen { article: seen.article.saturating_add(first), ..seen.clone() });
                }
                id
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.dictionary.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dictionary.entries.is_empty()
    }

    pub fn finish(self) -> Dictionary {
        self.dictionary
    }
}
