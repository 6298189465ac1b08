//! The main column for an index in format 3: article cards, the quote list or an opened article,
//! each drawn from the chunks its view needs ([`chunks::needed`]), which it asks for as the view
//! changes. What has not arrived shows as loading; a chunk that failed is named above the list,
//! and everything else keeps working.

use leptos::prelude::*;

use super::overview::Overview;
use super::show_more::{ShowMore, PAGE_SIZE};
use super::sort_order::SortOrder;
use super::use_ctx;
use crate::archive_markup;
use crate::archive_session::ArchiveSession;
use crate::chunks::{self, Have};
use crate::filter::speaker_total;
use crate::load::{Loader, LoadingCodeUnavailable};
use crate::markup::Html;
use crate::search::Query;
use crate::state::{View, ViewState};

/// The main column for an index in format 3 ([`ArchiveResults`]), in the loading module like
/// all the page's code for such an index (see [`crate::archive_session::archive_results`]).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(corpus_loading, wasm_split_path = ::leptos::wasm_split, fallible, preload(ready_archive_results_view))
)]
pub fn archive_results_view() -> Result<AnyView, LoadingCodeUnavailable> {
    Ok(view! { <ArchiveResults/> }.into_any())
}

#[component]
pub fn ArchiveResults() -> impl IntoView {
    let ctx = use_ctx();
    let Some(session) = use_context::<Loader>().map(|l| l.archive) else { return ().into_any() };
    let shown = RwSignal::new(PAGE_SIZE);
    let needed = Memo::new(move |_| {
        session.archive.with(|a| a.as_ref().map(|a| ctx.state.with(|s| ctx.results.with(|r| chunks::needed(a, s, r, shown.get())))))
    });
    let words_needed = Memo::new(move |_| session.archive.with(|a| a.as_ref().map(|a| ctx.state.with(|s| ArchiveSession::words_needed(a, s)))));
    Effect::new(move |_| {
        let ids = needed.get().unwrap_or_default();
        if let Some(a) = session.archive.get_untracked() {
            session.fetch(&a, session.content, &ids);
        }
    });
    Effect::new(move |_| {
        let ids = words_needed.get().unwrap_or_default();
        if let Some(a) = session.archive.get_untracked() {
            session.fetch(&a, session.words, &ids);
        }
    });
    let failures = move || {
        let mut failed = session.content.with(|c| c.failures(&needed.get().unwrap_or_default()));
        // The quotes view cannot be answered without the per-quote facts.
        if ctx.state.with(|s| s.view == View::Quotes) {
            failed.extend(session.archive.with(|a| a.as_ref().and_then(|a| a.quote_facts_failure().map(str::to_string))));
        }
        failed.extend(session.words.with(|w| w.failures(&words_needed.get().unwrap_or_default())));
        failed
    };
    let searching = move || session.words.with(|w| w.waiting_for(&words_needed.get().unwrap_or_default()));
    let mode = Memo::new(move |_| ctx.state.with(|s| (s.view, s.article.clone())));
    let total = move || ctx.results.with(|r| r.items.len());
    let waiting = move || ctx.results.with(|r| r.waiting);
    let clear = move || ctx.href(&ctx.state.get().cleared());

    // The listed items as one piece of HTML (see `markup`), the quotes grouped by speaker when asked.
    let list = move || {
        let mut out = Html::default();
        let Some(a) = session.archive.get() else { return out.into_trusted() };
        session.content.with(|c| {
            ctx.results.with(|r| {
                ctx.state.with(|s| {
                    let chip_href = |facet, key: &str| ctx.href(&s.toggled(facet, key));
                    let query = Query::parse(&s.q);
                    let write = |out: &mut Html, items: &[usize]| {
                        for &i in items {
                            match s.view {
                                View::Articles => {
                                    let open = ctx.href(&ViewState { article: Some(a.index.table.id(i).to_string()), ..s.clone() });
                                    archive_markup::card(out, &a, i, c.card(&a, i), &open, &chip_href);
                                }
                                View::Quotes => {
                                    let article = a.linked.article_of(i);
                                    let id = a.index.table.id(article).to_string();
                                    let card = match c.card(&a, article) {
                                        Have::Ready(card) => Some(card),
                                        _ => None,
                                    };
                                    // The quote's own link (`quote=`), once its card says where it starts.
                                    let start = card.and_then(|card| card.quote_starts.get(i - a.linked.quotes_of(article).start));
                                    let in_context = match start {
                                        Some(&start) => ctx.quote_at_href(id, start as usize, &s.q),
                                        None => {
                                            let at =
                                                ViewState { article: Some(id), q: s.q.clone(), corpus: s.corpus.clone(), ..ViewState::default() };
                                            format!("{}#q-{}", ctx.href(&at), i - a.linked.quotes_of(article).start)
                                        }
                                    };
                                    let title = card.map(|card| card.title.as_str());
                                    archive_markup::quote(out, &a, i, c.quote_text(&a, i), title, &query, Some(&in_context), false, &chip_href);
                                }
                            }
                        }
                    };
                    if r.waiting {
                        out.markup(r#"<p class="pending">Loading what each quote says and names…</p>"#);
                        return;
                    }
                    let items = if r.view == s.view { &r.items[..r.items.len().min(shown.get())] } else { &[] };
                    if !(s.view == View::Quotes && s.group_by_speaker) {
                        out.markup(if s.view == View::Quotes { r#"<ol class="quotes">"# } else { r#"<ol class="cards">"# });
                        write(&mut out, items);
                        out.markup("</ol>");
                        return;
                    }
                    for (speaker, group) in a.group_by_speaker(items) {
                        let (key, name) = speaker.and_then(|id| a.key(id)).unwrap_or(("", "Unattributed"));
                        // A page may show only part of a group: say of how many.
                        let total = speaker_total(r, speaker.map(|_| key));
                        out.markup(r#"<section class="group"><h2>"#).text(name).markup(r#" <span class="count">"#);
                        if total > group.len() {
                            out.count(group.len()).markup(" of ").count(total);
                        } else {
                            out.count(group.len());
                        }
                        out.markup(r#"</span></h2><ol class="quotes">"#);
                        write(&mut out, &group);
                        out.markup("</ol></section>");
                    }
                })
            })
        });
        out.into_trusted()
    };

    let opened = move |id: String| {
        let Some(a) = session.archive.get() else { return ().into_any() };
        let back = ctx.href(&ViewState { article: None, ..ctx.state.get_untracked() });
        let Some(index) = a.article_by_id(&id) else {
            return view! {
                <p class="empty">"There is no article “" {id} "” in this index. " <a href=back>"Back to all articles"</a></p>
            }
            .into_any();
        };
        let quotes_here = ctx.href(&ViewState { view: View::Quotes, article: Some(id.clone()), ..ctx.state.get_untracked() });
        let for_body = a.clone();
        let body = move || {
            let mut out = Html::default();
            let name_of = |key: &str| for_body.name_of(key);
            // The quote a link names (`quote=`), as its place among the article's quotes (`Err`:
            // an offset no quote starts at).
            let marked = |starts: Vec<usize>| {
                let start = ctx.state.with(|s| s.quote)?;
                Some(starts.iter().position(|&s| s == start).ok_or(start))
            };
            session.content.with(|c| {
                let query = ctx.state.with(|s| Query::parse(&s.q));
                match (for_body.index.manifest.texts, c.article(&for_body, index), c.card(&for_body, index)) {
                    (true, Have::Ready(article), _) => {
                        out.markup(r#"<h2 class="title">"#).text(&article.title.text).markup("</h2>");
                        archive_markup::meta(&mut out, &for_body, index, None);
                        let marked = marked(article.quotes.iter().map(|q| q.span.start).collect());
                        let q = ctx.state.with_untracked(|s| s.q.clone());
                        let quote_href = |qi: usize| ctx.quote_at_href(article.id.clone(), article.quotes[qi].span.start, &q);
                        archive_markup::article_body(&mut out, article, &query, &name_of, marked, &quote_href);
                    }
                    (false, _, Have::Ready(card)) => {
                        out.markup(r#"<h2 class="title">"#).text(&card.title).markup("</h2>");
                        archive_markup::meta(&mut out, &for_body, index, card.url.as_deref());
                        let marked = marked(card.quote_starts.iter().map(|&s| s as usize).collect());
                        if let Some(Err(start)) = marked {
                            crate::markup::no_quote_at(&mut out, start);
                        }
                        out.markup(r#"<ol class="quotes">"#);
                        for (qi, q) in for_body.linked.quotes_of(index).enumerate() {
                            let chip_href =
                                |facet, key: &str| ctx.href(&ViewState { article: None, ..ctx.state.get_untracked() }.toggled(facet, key));
                            let text = c.quote_text(&for_body, q);
                            archive_markup::quote(&mut out, &for_body, q, text, Some(&card.title), &query, None, marked == Some(Ok(qi)), &chip_href);
                        }
                        out.markup("</ol>");
                    }
                    (true, Have::Failed, _) | (false, _, Have::Failed) => {
                        out.markup(r#"<p class="empty">This article could not be loaded (see above).</p>"#);
                    }
                    _ => {
                        out.markup(r#"<p class="pending">Loading the article…</p>"#);
                    }
                }
            });
            out.into_trusted()
        };
        // Scrolled to the quote a link names once its chunk has drawn it.
        Effect::new(move |_| {
            let named = ctx.state.with(|s| s.quote.is_some());
            let drawn = session.content.with(|c| matches!(c.article(&a, index), Have::Ready(_)) || matches!(c.card(&a, index), Have::Ready(_)));
            if named && drawn {
                request_animation_frame(|| {
                    if let Ok(Some(quote)) = document().query_selector(r#".reader .quote.marked, .reader [aria-current="true"]"#) {
                        quote.scroll_into_view();
                    }
                });
            }
        });
        view! {
            <article class="reader">
                <p class="reader-nav">
                    <a href=back class="back">"← All articles"</a>
                    <a href=quotes_here>"Only this article's quotes →"</a>
                </p>
                <div class="body" prop:innerHTML=body></div>
            </article>
        }
        .into_any()
    };

    let main = move || {
        let (view, article) = mode.get();
        match (view, article) {
            (View::Articles, Some(id)) => opened(id),
            (view, _) => {
                let noun = if view == View::Quotes { "quotes" } else { "articles" };
                let of = move || session.archive.with(|a| a.as_ref().map_or(0, |a| if view == View::Quotes { a.quotes() } else { a.articles() }));
                let grouped = move || ctx.state.with(|s| s.group_by_speaker);
                let toggle_group = move || {
                    let s = ctx.state.get();
                    ctx.href(&ViewState { group_by_speaker: !s.group_by_speaker, ..s })
                };
                view! {
                    <Overview/>
                    <div class="list-head">
                        <p class="summary" role="status">{move || match waiting() {
                            true => format!("{} {noun}, loading…", of()),
                            false => format!("{} of {} {noun}", total(), of()),
                        }}
                            <Show when=searching><span class="searching">{" · searching…"}</span></Show>
                        </p>
                        <span class="list-actions">
                            <Show when=move || view == View::Quotes>
                                <a class="toggle" href=toggle_group aria-pressed=move || if grouped() { "true" } else { "false" }>"Group by speaker"</a>
                            </Show>
                            <SortOrder/>
                        </span>
                    </div>
                    <Show when=move || total() == 0 && !searching() && !waiting()>
                        <p class="empty">"No " {noun} " match these filters. " <a href=clear>"Clear all filters"</a></p>
                    </Show>
                    <div class="list" prop:innerHTML=list></div>
                    <ShowMore shown=shown total=Signal::derive(total)/>
                }
                .into_any()
            }
        }
    };
    view! {
        <Show when=move || !failures().is_empty()>
            <ul class="chunk-errors" role="alert">
                {move || failures().into_iter().map(|why| view! { <li>{format!("Could not load {why}")}</li> }).collect_view()}
            </ul>
        </Show>
        {main}
    }
    .into_any()
}
