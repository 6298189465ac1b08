//! An opened article: the full text with every quote highlighted and labelled
//! with its speaker, entity mentions marked and search hits highlighted.

use broadsheet_extract::EntityKind;
use leptos::prelude::*;

use super::use_ctx;
use crate::corpus::Corpus;
use crate::highlight::segments;
use crate::search::{Folded, Query};
use crate::state::{Facet, View, ViewState};

/// The article's paragraphs with every mark; search hits follow `q`.
fn body(corpus: &Corpus, index: usize, q: &str) -> impl IntoView {
    let a = &corpus.articles[index];
    let query = Query::parse(q);
    let hits = if query.is_empty() { Vec::new() } else { Folded::new(&a.text).hits(&query) };
    let speaker_name = |qi: usize| a.quotes[qi].speaker.as_deref().map(|k| corpus.name_of(k));
    a.paragraphs
        .iter()
        .map(|&p| {
            let parts = segments(a, p, &hits)
                .into_iter()
                .map(|s| {
                    let text = s.span.text(&a.text).to_string();
                    let mut class = String::new();
                    if s.quote.is_some() {
                        class.push_str("quote ");
                    }
                    if let Some((kind, _)) = s.entity {
                        class.push_str(match kind {
                            EntityKind::Person => "ent person ",
                            EntityKind::Place => "ent place ",
                            EntityKind::Organization => "ent org ",
                        });
                    }
                    let label = s.quote.filter(|_| s.quote_starts).map(|qi| {
                        let name = speaker_name(qi).unwrap_or_else(|| "unattributed".into());
                        let id = format!("q-{qi}");
                        view! { <span class="speaker-label" id=id>{name}</span> }
                    });
                    let body = if s.hit {
                        view! { <mark class=class>{text}</mark> }.into_any()
                    } else {
                        view! { <span class=class>{text}</span> }.into_any()
                    };
                    view! { {label}{body} }
                })
                .collect_view();
            view! { <p>{parts}</p> }
        })
        .collect_view()
}

#[component]
pub fn ArticleView(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let corpus = ctx.corpus_signal.get_untracked();
    let Some(a) = corpus.articles.get(index) else { return ().into_any() };
    let back = move || ctx.href(&ViewState { article: None, ..ctx.state.get() });
    let id = a.id.clone();
    let quotes_here = move || ctx.href(&ViewState { view: View::Quotes, article: Some(id.clone()), ..ctx.state.get() });
    let for_body = corpus.clone();
    let q = Memo::new(move |_| ctx.state.with(|s| s.q.clone()));
    let paragraphs = move || body(&for_body, index, &q.get());
    let speakers = corpus.article_keys[index][Facet::Speaker as usize]
        .iter()
        .map(|k| {
            let key = k.clone();
            let href = move || ctx.href(&ViewState { article: None, ..ctx.state.get() }.toggled(Facet::Speaker, &key));
            view! { <li><a class="chip speaker" href=href>{corpus.name_of(k)}</a></li> }
        })
        .collect_view();
    let kicker = a.kicker.map(|k| k.text(&a.text).to_string());
    view! {
        <article class="reader">
            <p class="reader-nav">
                <a href=back class="back">"← All articles"</a>
                <a href=quotes_here>"Only this article's quotes →"</a>
            </p>
            {kicker.map(|k| view! { <p class="kicker">{k}</p> })}
            <h2 class=if a.title.derived { "title derived" } else { "title" }>{a.title.text.clone()}</h2>
            <p class="meta">
                <time>{a.date.iso.clone().unwrap_or_else(|| "date unknown".into())}</time>
                " · " {format!("{}.txt", a.id)} " · " {format!("{} quotes", a.quotes.len())}
            </p>
            <div class="chipset"><span class="chip-label">{"Speakers"}</span><ul>{speakers}</ul></div>
            <p class="legend">
                <span class="quote">{"quote"}</span> " " <span class="ent person">{"person"}</span> " "
                <span class="ent place">{"place"}</span> " " <span class="ent org">{"organisation"}</span>
            </p>
            <div class="body">{paragraphs}</div>
        </article>
    }
    .into_any()
}
