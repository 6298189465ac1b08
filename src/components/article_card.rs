//! One article in the list: title, date, source, lead, quote count and chips that filter.

use leptos::prelude::*;

use super::use_ctx;
use crate::state::{Facet, ViewState};

const LEAD_CHARS: usize = 220;

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
    let lead_source = a.kicker.or(a.paragraphs.first().copied()).map(|s| s.text(&a.text).to_string()).unwrap_or_default();
    let lead: String = if lead_source.chars().count() > LEAD_CHARS {
        format!("{}…", lead_source.chars().take(LEAD_CHARS).collect::<String>().trim_end())
    } else {
        lead_source
    };
    let chips = |f: Facet, class: &'static str| {
        let ctx = use_ctx();
        keys[f as usize]
            .iter()
            .map(|k| {
                let key = k.clone();
                let href = move || ctx.state.with(|s| ctx.href(&s.toggled(f, &key)));
                let name = corpus.name_of(k);
                view! { <li><a class=format!("chip {class}") href=href>{name}</a></li> }
            })
            .collect_view()
    };
    let quotes = a.quotes.len();
    let title_class = if a.title.derived { "title derived" } else { "title" };
    let derived_note = a.title.derived.then(|| view! { <span class="derived-note">" (headline from the lead)"</span> });
    let warnings = a.warnings.join(" ");
    let has_entities = keys[Facet::Person as usize].len() + keys[Facet::Place as usize].len() + keys[Facet::Org as usize].len() > 0;
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
                {(!keys[Facet::Speaker as usize].is_empty()).then(|| view! {
                    <div class="chipset"><span class="chip-label">"Speakers"</span><ul>{chips(Facet::Speaker, "speaker")}</ul></div>
                })}
                {has_entities.then(|| view! {
                    <div class="chipset"><span class="chip-label">"Mentions"</span>
                        <ul>{chips(Facet::Person, "person")}{chips(Facet::Place, "place")}{chips(Facet::Org, "org")}</ul>
                    </div>
                })}
            </article>
        </li>
    }
    .into_any()
}
