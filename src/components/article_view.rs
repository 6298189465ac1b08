//! An opened article: the full text with every quote highlighted and labelled
//! with its speaker, entity mentions marked and search hits highlighted. A link
//! to one quote (`quote=`) marks it and scrolls to it; each quote's label is such a link.

use leptos::prelude::*;

use super::use_ctx;
use crate::markup;
use crate::search::{Folded, Query};
use crate::state::{Facet, View, ViewState};

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
    // The quote a link names, as its place in the article; `Err` holds an offset no quote starts at.
    let first_quote = corpus.quotes_of(index).start;
    let marked = Memo::new(move |_| {
        let start = ctx.state.with(|s| s.quote)?;
        let corpus = ctx.corpus_signal.get_untracked();
        Some(corpus.quote_at(index, start).map(|i| i - first_quote).ok_or(start))
    });
    let paragraphs = move || {
        let query = Query::parse(&q.get());
        let a = &for_body.articles[index];
        let hits = if query.is_empty() { Vec::new() } else { Folded::new(&a.text).hits(&query) };
        markup::article_body(&for_body, index, &hits, marked.get(), &|qi| ctx.quote_href(&for_body, first_quote + qi, &q.get_untracked()))
            .into_trusted()
    };
    // Scrolled to the marked quote once the page has drawn it.
    Effect::new(move |_| {
        if let Some(Ok(qi)) = marked.get() {
            request_animation_frame(move || {
                if let Some(label) = document().get_element_by_id(&format!("q-{qi}")) {
                    label.scroll_into_view();
                }
            });
        }
    });

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
            <div class="body" prop:innerHTML=paragraphs></div>
        </article>
    }
    .into_any()
}
