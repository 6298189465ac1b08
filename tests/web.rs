//! Component tests in headless Chromium (wasm-bindgen-test): the app mounted
//! on a real DOM, driven through the URL it starts from.
#![cfg(target_arch = "wasm32")]

use broadsheet::components::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Starts the app at `query` in a fresh container and returns the container.
fn mount_at(query: &str) -> web_sys::HtmlElement {
    let window = web_sys::window().expect("a window");
    let path = window.location().pathname().expect("a path");
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    window.history().expect("history").replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).expect("replaceState");
    let doc = document();
    let container: web_sys::HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body().expect("body").append_child(&container).expect("append");
    let handle = leptos::mount::mount_to(container.clone(), App);
    handle.forget();
    container
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("valid selector").length()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector).ok().flatten().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
fn default_view_shows_one_card_per_seed() {
    let root = mount_at("");
    assert_eq!(count(&root, ".card"), 2);
    assert!(text(&root, ".counts").starts_with("2 articles"), "{}", text(&root, ".counts"));
    assert_eq!(count(&root, ".notices"), 0);
    root.remove();
}

#[wasm_bindgen_test]
fn quote_view_filters_by_speaker_and_search() {
    let root = mount_at("view=quotes&speaker=alexander-lukashenko&q=negotiations");
    assert_eq!(count(&root, ".quote-item"), 3);
    assert_eq!(count(&root, ".chips .chip"), 2, "search and speaker chips");
    assert_eq!(count(&root, ".facet-value[aria-current=true]"), 2, "speaker value and 'Any' kind are current");
    root.remove();
}

#[wasm_bindgen_test]
fn unknown_parameters_give_a_notice_not_a_blank_page() {
    let root = mount_at("speaker=%3Cb%3Ebold%3C%2Fb%3E&view=nonsense");
    assert_eq!(count(&root, ".card"), 2);
    let notice = text(&root, ".notices");
    assert!(notice.contains("<b>bold</b>"), "shown as text: {notice}");
    assert_eq!(count(&root, ".notices b"), 0, "never as HTML");
    root.remove();
}

#[wasm_bindgen_test]
fn an_opened_article_labels_its_quotes() {
    let root = mount_at("article=002_3b104472c2dad064");
    assert_eq!(count(&root, ".reader .speaker-label"), 14);
    assert_eq!(text(&root, ".reader .kicker"), "End of inadmissibility");
    let to_quotes = root.query_selector(".reader-nav a:last-child").ok().flatten().and_then(|a| a.get_attribute("href")).unwrap_or_default();
    assert!(to_quotes.ends_with("?view=quotes&article=002_3b104472c2dad064"), "{to_quotes}");
    root.remove();
}

#[wasm_bindgen_test]
fn an_unknown_article_says_so() {
    let root = mount_at("article=no_such_article");
    assert!(text(&root, "main .empty").contains("no_such_article"));
    root.remove();
}

#[wasm_bindgen_test]
fn links_in_a_manifest_resolve_against_it_with_the_browsers_url_parser() {
    let base = "https://x.org/c/manifest.json?v=2#top";
    let resolved = |relative: &str| broadsheet::fetch::resolve(base, relative).map(|url| url.href());
    for (relative, expected) in [
        ("a.txt", "https://x.org/c/a.txt"),
        ("sub/b.txt", "https://x.org/c/sub/b.txt"),
        ("../up.txt", "https://x.org/up.txt"),
        ("/root.txt", "https://x.org/root.txt"),
        ("./same.txt?x=1#p", "https://x.org/c/same.txt?x=1#p"),
        ("a file.txt", "https://x.org/c/a%20file.txt"),
        ("//cdn.y.org/d.txt", "https://cdn.y.org/d.txt"),
        ("https://y.org/e.txt", "https://y.org/e.txt"),
    ] {
        assert_eq!(resolved(relative).as_deref(), Ok(expected), "{relative}");
    }
    assert!(resolved("https://[bad").unwrap_err().contains("is not a link"));
}
