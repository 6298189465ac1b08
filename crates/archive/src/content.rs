//! Content chunks: what a page shows of the articles and quotes it lists, fetched a batch at a
//! time when a page of results or an opened article needs them.
//!
//! A batch is a run of articles in corpus order (the table's directory says how many articles
//! and quotes each holds). Its `cards` chunk is a `Vec<Card>`, its `quotes` chunk the texts of its
//! quotes in order (`Vec<String>`), and, with texts, its `articles` chunk the articles as
//! extracted (`Vec<Article>`). Keys in them are as extraction gave them: a reader links them
//! with the dictionary ([`super::dictionary::Links`]).

use serde::{Deserialize, Serialize};

use super::dictionary::{Dictionary, Links};
use broadsheet_extract::lexicon::FastMap;
use broadsheet_extract::{Article, EntityKind};

/// How many characters of the lead a card keeps (the page shows fewer).
pub const LEAD_CHARS: usize = 400;

/// What an article's card shows.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub id: String,
    pub title: String,
    /// The title was made from the lead.
    pub title_derived: bool,
    /// Where the article is published, when the corpus says (a JSONL line's `url`).
    pub url: Option<String>,
    /// The kicker or the first paragraph, cut at [`LEAD_CHARS`]; empty without texts.
    pub lead: String,
    pub warnings: Vec<String>,
    /// The article's entities: key, kind, how many times it names them.
    pub entities: Vec<(String, EntityKind, u32)>,
    /// Where each of its quotes starts in its text (bytes): what a quote's own link
    /// (`quote=<id>:<start>`) names, known without the article's text.
    pub quote_starts: Vec<u32>,
}

impl Card {
    pub fn of(article: &Article, url: Option<String>, texts: bool) -> Card {
        let lead = match texts {
            true => article.kicker.or(article.paragraphs.first().copied()).map_or("", |s| s.text(&article.text)).chars().take(LEAD_CHARS).collect(),
            false => String::new(),
        };
        Card {
            id: article.id.clone(),
            title: article.title.text.clone(),
            title_derived: article.title.derived,
            url,
            lead,
            warnings: article.warnings.clone(),
            entities: article.entities.iter().map(|e| (e.key.clone(), e.kind, e.mentions.len() as u32)).collect(),
            quote_starts: article.quotes.iter().map(|q| q.span.start as u32).collect(),
        }
    }

    /// Links the card's people as [`Links::link_article`] links its article.
    pub fn link(&mut self, links: &Links, dictionary: &Dictionary, ids: &FastMap<String, u32>) {
        for (key, kind, _) in self.entities.iter_mut() {
            if *kind != EntityKind::Person || key.contains('-') {
                continue;
            }
            if let Some(&id) = ids.get(key.as_str()) {
                let to = links.person[id as usize];
                if let (true, Some(full)) = (to != id, dictionary.entries.get(to as usize)) {
                    *key = full.key.clone();
                }
            }
        }
    }
}
