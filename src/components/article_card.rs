//! One article in the list: title, date, source, lead, quote count and chips that filter.

use leptos::prelude::*;

use super::use_ctx;
use broadsheet_extract::EntityKind;

use crate::state::{Facet, ViewState};

const LEAD_CHARS: usize = 220;
/// Mention chips on a card, most mentioned first; the opened article marks every mention.
/// Long articles name dozens of places and bodies, and a card is a summary.
const MENTION_CHIPS: usize = 6;

/// The article's entities as (facet, key), most mentioned first, each key once.
fn ranked_mentions(a: &broadsheet_extract::Article) -> Vec<(Facet, &str)> {
    let mut ranked: Vec<(Facet, &str, usize)> = Vec::new();
    for e in &a.entities {
        let facet = match e.kind {
            EntityKind::Person => Facet::Person,
            EntityKind::Place => Facet::Place,
            EntityKind::Organization => Facet::Org,
        };
        match ranked.iter_mut().find(|(_, key, _)| *key == e.key) {
            Some(entry) => entry.2 += e.mentions.len(),
            None => ranked.push((facet, &e.key, e.mentions.len())),
        }
    }
    // Each name put in its place, most mentioned first: an article names few, and the page's
    // code then needs no other sort.
    let mut sorted: Vec<(Facet, &str, usize)> = Vec::with_capacity(ranked.len());
    for name in ranked {
        let at = sorted.partition_point(|placed| placed.2 > name.2 || (placed.2 == name.2 && placed.1 < name.1));
        sorted.insert(at, name);
    }
    sorted.into_iter().map(|(facet, key, _)| (facet, key)).collect()
}

#[component]
pub fn ArticleCard(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let corpus = ctx.corpus_signal.get_untracked();
    // A list of the corpus that was just replaced may still ask for an old index.
    let (Some(a), Some(keys)) = (corpus.articles.get(index), corpus.article_keys.get(index)) else {
        return ().into_any();
    };
    let id = a.id.clone();
    let open = move || ctx.href(&ViewState { article: Some(id.clone()), ..ctx.state.get() });
    // "+N more" opens the article too: it marks every mention.
    let open_all = open.clone();
    let lead_source = a.kicker.or(a.paragraphs.first().copied()).map(|s| s.text(&a.text).to_string()).unwrap_or_default();
    let lead: String = if lead_source.chars().count() > LEAD_CHARS {
        format!("{}…", lead_source.chars().take(LEAD_CHARS).collect::<String>().trim_end())
    } else {
        lead_source
    };
    let chip = |f: Facet, k: &str| {
        let key = k.to_string();
        let href = move || ctx.state.with(|s| ctx.href(&s.toggled(f, &key)));
        let class = match f {
            Facet::Speaker => "chip speaker",
            Facet::About => "chip",
            Facet::Person => "chip person",
            Facet::Place => "chip place",
            Facet::Org => "chip org",
        };
        view! { <a class=class href=href>{corpus.name_of(k)}</a> }
    };
    let speakers = keys[Facet::Speaker as usize].iter().map(|k| chip(Facet::Speaker, k)).collect_view();
    let mentions = ranked_mentions(a);
    let more = mentions.len().saturating_sub(MENTION_CHIPS);
    let mention_chips = mentions.iter().take(MENTION_CHIPS).map(|&(f, k)| chip(f, k)).collect_view();
    let quotes = a.quotes.len();
    let title_class = if a.title.derived { "title derived" } else { "title" };
    let derived_note = a.title.derived.then(|| view! { <span class="derived-note">" (headline from the lead)"</span> });
    let warnings = a.warnings.join(" ");
    view! {
        <li class="card">
            <article>
                <h2 class=title_class><a href=open>{a.title.text.clone()}</a>{derived_note}</h2>
                <p class="meta">
                    <time>{a.date.iso.clone().unwrap_or_else(|| "date unknown".into())}</time>
                    " · " <span class="source">{format!("{}.txt", a.id)}</span>
                    " · " {format!("{quotes} quote{}", if quotes == 1 { "" } else { "s" })}
                </p>
                <p class="lead">{lead}</p>
                {(!warnings.is_empty()).then(|| view! { <p class="warning">{warnings}</p> })}
                // Chips sit straight in their row: a card is rebuilt on every filter change
                // that brings it into the list, and every element costs.
                {(!keys[Facet::Speaker as usize].is_empty()).then(|| view! {
                    <p class="chipset"><span class="chip-label">"Speakers"</span>{speakers}</p>
                })}
                {(!mentions.is_empty()).then(|| view! {
                    <p class="chipset"><span class="chip-label">"Mentions"</span>
                        {mention_chips}
                        {(more > 0).then(|| view! { <a class="more-mentions" href=open_all>{format!("+{more} more")}</a> })}
                    </p>
                })}
            </article>
        </li>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_rank_by_count_and_keep_each_key_once() {
        let text = "Oslo. Anna Berg met Berg in Oslo and Oslo again; the Harbour Authority said.";
        let a = broadsheet_extract::extract("t.txt", text.as_bytes());
        let ranked = ranked_mentions(&a);
        let keys: Vec<&str> = ranked.iter().map(|(_, k)| *k).collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{keys:?}");
        let count = |key: &str| a.entities.iter().filter(|e| e.key == key).map(|e| e.mentions.len()).sum::<usize>();
        assert!(ranked.windows(2).all(|w| count(w[0].1) >= count(w[1].1)), "{keys:?}");
        assert_eq!(ranked.first().map(|(f, k)| (*f, *k)), Some((Facet::Place, "oslo")), "{keys:?}");
    }
}
