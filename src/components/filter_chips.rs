//! The active filters as removable chips, with "Clear all".

use leptos::prelude::*;

use super::use_ctx;
use crate::state::{Facet, ViewState};

#[component]
pub fn FilterChips() -> impl IntoView {
    let ctx = use_ctx();
    let archive_signal = use_context::<crate::load::Loader>().map(|l| l.archive.archive);
    move || {
        let s = ctx.state.get();
        let corpus = ctx.corpus();
        let archive = archive_signal.and_then(|a| a.get());
        let name_of = |key: &str| archive.as_ref().map_or_else(|| corpus.name_of(key), |a| a.name_of(key));
        if !s.has_filters() {
            return None;
        }
        let mut chips: Vec<(String, ViewState)> = Vec::new();
        if !s.q.is_empty() {
            chips.push((format!("Search: {}", s.q), ViewState { q: String::new(), ..s.clone() }));
        }
        for f in Facet::ALL {
            for key in s.facet(f) {
                chips.push((format!("{}: {}", f.label(), name_of(key)), s.toggled(f, key)));
            }
        }
        if let Some(a) = &s.article {
            let title = match &archive {
                Some(_) => a.clone(),
                None => corpus.article_by_id(a).map_or_else(|| a.clone(), |i| corpus.articles[i].title.text.clone()),
            };
            chips.push((format!("Article: {title}"), ViewState { article: None, ..s.clone() }));
        }
        if let Some(d) = &s.from {
            chips.push((format!("From {d}"), ViewState { from: None, ..s.clone() }));
        }
        if let Some(d) = &s.to {
            chips.push((format!("To {d}"), ViewState { to: None, ..s.clone() }));
        }
        if let Some(k) = s.kind {
            let label = if k == broadsheet_extract::QuoteKind::Full { "Full sentences" } else { "Fragments" };
            chips.push((label.to_string(), ViewState { kind: None, ..s.clone() }));
        }
        let clear = ctx.href(&s.cleared());
        Some(view! {
            <section class="chips" aria-label="Active filters" data-focus-group="chips">
                <ul>
                    {chips.into_iter().map(|(label, without)| {
                        let aria = format!("Remove filter {label}");
                        let focus_key = label.clone();
                        view! { <li><a class="chip" href=ctx.href(&without) aria-label=aria data-focus=focus_key>{label}<span aria-hidden="true">{" ×"}</span></a></li> }
                    }).collect_view()}
                </ul>
                <a class="clear" href=clear>"Clear all"</a>
            </section>
        })
    }
}
