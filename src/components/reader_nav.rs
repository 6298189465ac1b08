//! The links above an opened article, of any corpus: back to the list, or to its quotes alone.

use leptos::prelude::*;

/// `back`: the view the article was opened from; `quotes_here`: the quote list of this article.
#[component]
pub fn ReaderNav(#[prop(into)] back: Signal<String>, #[prop(into)] quotes_here: Signal<String>) -> impl IntoView {
    view! {
        <p class="reader-nav">
            <a href=back class="back">"← All articles"</a>
            <a href=quotes_here>"Only this article's quotes →"</a>
        </p>
    }
}
