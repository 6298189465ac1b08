//! One quote in the list: text (search hits marked), speaker, kind, what it names, and its article.

use broadsheet_extract::QuoteKind;
use leptos::prelude::*;

use super::use_ctx;
use crate::search::{Folded, Query};
use crate::state::{Facet, View, ViewState};

/// Names shown for what a quote is about; the "Quotes about" list has them all.
const ABOUT_SHOWN: usize = 3;

#[component]
pub fn QuoteItem(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let corpus = ctx.corpus_signal.get_untracked();
    // A list of the corpus that was just replaced may still ask for an old index.
    let Some(&r) = corpus.quotes.get(index) else { return ().into_any() };
    let a = &corpus.articles[r.article];
    let q = &a.quotes[r.quote];
    let text = q.span.text(&a.text);
    let query = Query::parse(&ctx.state.get_untracked().q);
    // Hits are found in the quote's own folded text; offsets are relative to the quote.
    let hits = if query.is_empty() { Vec::new() } else { Folded::new(text).hits(&query) };
    let mut parts = Vec::new();
    let mut at = 0;
    for (s, e) in hits {
        if s < at || e > text.len() {
            continue;
        }
        parts.push(view! { <span>{text[at..s].to_string()}</span> }.into_any());
        parts.push(view! { <mark>{text[s..e].to_string()}</mark> }.into_any());
        at = e;
    }
    parts.push(view! { <span>{text[at..].to_string()}</span> }.into_any());

    let speaker = match &q.speaker {
        Some(k) => {
            let key = k.clone();
            let href = move || ctx.state.with(|s| ctx.href(&s.toggled(Facet::Speaker, &key)));
            view! { <a class="speaker" href=href>{corpus.name_of(k)}</a> }.into_any()
        }
        None => view! { <span class="speaker unattributed">"unattributed"</span> }.into_any(),
    };
    // What the quote names in its own words: each a link to the quotes about it.
    let about: Vec<_> = corpus
        .quote_about(index)
        .iter()
        .take(ABOUT_SHOWN)
        .enumerate()
        .map(|(i, &id)| {
            let key = corpus.keys[id as usize].to_string();
            let href = move || ctx.state.with(|s| ctx.href(&s.toggled(Facet::About, &key)));
            view! { {if i == 0 { " " } else { ", " }} <a href=href>{corpus.key_names[id as usize].to_string()}</a> }
        })
        .collect();
    let about = (!about.is_empty()).then(|| view! { <span class="about">" · about" {about}</span> });
    let kind = match q.kind {
        QuoteKind::Full => "full",
        QuoteKind::Partial => "partial",
    };
    let in_context = format!(
        "{}#q-{}",
        ctx.href(&ctx.state.with_untracked(|s| ViewState { view: View::Articles, article: Some(a.id.clone()), q: s.q.clone(), corpus: s.corpus.clone(), ..ViewState::default() })),
        r.quote
    );
    view! {
        <li class="quote-item">
            <blockquote>{parts}</blockquote>
            <p class="meta">
                "— " {speaker} " · " <span class=format!("kind {kind}")>{kind}</span> {about} " · "
                <a href=in_context>{a.title.text.clone()}</a>
                " · " <time>{a.date.iso.clone().unwrap_or_else(|| "date unknown".into())}</time>
            </p>
        </li>
    }
    .into_any()
}
