//! The root: a router (for the query string only; there are no path routes) around the page.

use leptos::prelude::*;
use leptos_router::components::Router;

use super::page::Page;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Page/>
        </Router>
    }
}
