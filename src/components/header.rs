//! Masthead: corpus name and counts, the two views, the search box and "Copy link".

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::search_box::SearchBox;
use super::use_ctx;
use crate::share;
use crate::state::{View, ViewState};

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let archive = use_context::<crate::load::Loader>().map(|l| l.archive.archive);
    let counts = move || {
        if let Some(a) = archive.and_then(|a| a.get()) {
            return format!("{} articles · {} quotes · {} speakers", a.articles(), a.quotes(), a.speakers());
        }
        let corpus = ctx.corpus();
        format!("{} articles · {} quotes · {} speakers", corpus.articles.len(), corpus.quotes.len(), corpus.speakers())
    };
    let tab = move |view: View, label: &'static str| {
        let ctx = use_ctx();
        let href = move || {
            let s = ctx.state.get();
            ctx.href(&ViewState { view, article: None, ..s })
        };
        let current = move || (ctx.state.get().view == view).then_some("page");
        view! { <a class="tab" href=href aria-current=current>{label}</a> }
    };
    let home = ctx.href(&ViewState::default());
    view! {
        <header class="masthead">
            <div class="brand">
                <h1><a href=home>"Broadsheet"</a></h1>
                <p class="counts">{counts}</p>
            </div>
            <nav class="views" aria-label="Views">
                {tab(View::Articles, "Articles")}
                {tab(View::Quotes, "Quotes")}
            </nav>
            <SearchBox/>
            <div class="copy">
                <button type="button" on:click=move |_| {
                    let url = window().location().href().unwrap_or_default();
                    spawn_local(async move {
                        // Where the page may not copy, the link is shown to copy by hand.
                        ctx.say(match share::copy(&url, None).await {
                            Ok(()) => "Link copied.".to_string(),
                            Err(why) => format!("Copy this link: {url} ({why})"),
                        });
                    });
                }>"Copy link"</button>
            </div>
        </header>
    }
}
