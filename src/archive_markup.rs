//! What a format 3 index shows, as HTML made by [`Html`] (markup written in the code, every
//! value escaped): article cards from its cards chunks, quotes from its quotes chunks, an
//! opened article from its articles chunk. An item whose chunk has not arrived shows what the
//! table knows (its id or date) and a note; one whose chunk failed says so, and the message
//! naming the chunk is shown above the list.

use broadsheet_archive::content::Card;
use broadsheet_archive::table::{KIND_FULL, NO_SPEAKER, SPEAKER};
use broadsheet_extract::{Article, EntityKind};

use crate::archive::Archive;
use crate::chunks::Have;
use crate::highlight::segments;
use crate::markup::{self, Html};
use crate::search::{Folded, Query};
use crate::state::Facet;

/// How much of the lead a card shows, and how many mentions it lists (as the page's own cards).
const LEAD_CHARS: usize = 220;
const MENTION_CHIPS: usize = 6;
const ABOUT_SHOWN: usize = 3;

fn link(out: &mut Html, class: &'static str, href: &str, text: &str) {
    out.markup(match class {
        "" => "<a href=\"",
        _ => "<a class=\"",
    });
    if !class.is_empty() {
        out.markup(class).markup("\" href=\"");
    }
    out.text(href).markup("\">").text(text).markup("</a>");
}

fn facet_class(kind: EntityKind) -> (Facet, &'static str) {
    match kind {
        EntityKind::Person => (Facet::Person, "chip person"),
        EntityKind::Place => (Facet::Place, "chip place"),
        EntityKind::Organization => (Facet::Org, "chip org"),
    }
}

fn date_shown(archive: &Archive, article: usize) -> String {
    archive.date(article).unwrap_or_else(|| "date unknown".to_string())
}

/// The card of article `a`, from its card when it has arrived. `open` opens the article;
/// `chip_href` is where a chip for (facet, key) leads.
pub fn card(out: &mut Html, archive: &Archive, a: usize, card: Have<Card>, open: &str, chip_href: &dyn Fn(Facet, &str) -> String) {
    out.markup(r#"<li class="card"><article><h2 class="title">"#);
    match &card {
        Have::Ready(c) => link(out, "", open, &c.title),
        _ => link(out, "", open, archive.index.table.id(a)),
    }
    out.markup("</h2>");
    let url = match &card {
        Have::Ready(c) => c.url.as_deref(),
        _ => None,
    };
    meta(out, archive, a, url);
    let c = match card {
        Have::Ready(c) => c,
        Have::Waiting => {
            out.markup(r#"<p class="lead pending">Loading…</p></article></li>"#);
            return;
        }
        Have::Failed => {
            out.markup(r#"<p class="lead failed">This card could not be loaded (see above).</p></article></li>"#);
            return;
        }
    };
    if !c.lead.is_empty() {
        out.markup(r#"<p class="lead">"#);
        if c.lead.chars().count() > LEAD_CHARS {
            out.text(c.lead.chars().take(LEAD_CHARS).collect::<String>().trim_end()).markup("…");
        } else {
            out.text(&c.lead);
        }
        out.markup("</p>");
    }
    if !c.warnings.is_empty() {
        out.markup(r#"<p class="warning">"#).text(&c.warnings.join(" ")).markup("</p>");
    }
    let speakers = archive.linked.facets[SPEAKER].get(a);
    if !speakers.is_empty() {
        out.markup(r#"<p class="chipset"><span class="chip-label">Speakers</span>"#);
        for &id in speakers {
            if let Some((key, name)) = archive.key(id) {
                link(out, "chip speaker", &chip_href(Facet::Speaker, key), name);
            }
        }
        out.markup("</p>");
    }
    let mentions = ranked_mentions(c);
    if !mentions.is_empty() {
        out.markup(r#"<p class="chipset"><span class="chip-label">Mentions</span>"#);
        for &(key, kind) in mentions.iter().take(MENTION_CHIPS) {
            let (facet, class) = facet_class(kind);
            link(out, class, &chip_href(facet, key), &archive.name_of(key));
        }
        let more = mentions.len().saturating_sub(MENTION_CHIPS);
        if more > 0 {
            link(out, "more-mentions", open, &format!("+{more} more"));
        }
        out.markup("</p>");
    }
    out.markup("</article></li>");
}

/// Article `a`'s date, id and number of quotes, and a link to where it is published (`url`).
pub fn meta(out: &mut Html, archive: &Archive, a: usize, url: Option<&str>) {
    let quotes = archive.linked.quotes_of(a).len();
    out.markup(r#"<p class="meta"><time>"#).text(&date_shown(archive, a)).markup(r#"</time> · <span class="source">"#);
    out.text(archive.index.table.id(a)).markup("</span> · ").count(quotes).markup(if quotes == 1 { " quote" } else { " quotes" });
    if let Some(url) = url {
        out.markup(" · ");
        link(out, "source-link", url, "read it where it was published");
    }
    out.markup("</p>");
}

/// A card's entities, most mentioned first, each key once.
fn ranked_mentions(c: &Card) -> Vec<(&str, EntityKind)> {
    let mut ranked: Vec<(&str, EntityKind, u32)> = Vec::new();
    for (key, kind, mentions) in &c.entities {
        match ranked.iter_mut().find(|(k, _, _)| k == key) {
            Some(entry) => entry.2 += mentions,
            None => ranked.push((key, *kind, *mentions)),
        }
    }
    // Each name put in its place (a card names few): no sort of its own in the page's code.
    let mut sorted: Vec<(&str, EntityKind, u32)> = Vec::with_capacity(ranked.len());
    for name in ranked {
        let at = sorted.partition_point(|placed| placed.2 > name.2 || (placed.2 == name.2 && placed.0 < name.0));
        sorted.insert(at, name);
    }
    sorted.into_iter().map(|(key, kind, _)| (key, kind)).collect()
}

/// Quote `q` (its text when its chunk has arrived), with its speaker, kind, what it names and
/// its article (`title` when the article's card has arrived). `in_context` opens the article at it
/// (none inside the article, where the quote a link names is `marked`).
#[allow(clippy::too_many_arguments)]
pub fn quote(
    out: &mut Html,
    archive: &Archive,
    q: usize,
    text: Have<String>,
    title: Option<&str>,
    query: &Query,
    in_context: Option<&str>,
    marked: bool,
    chip_href: &dyn Fn(Facet, &str) -> String,
) {
    let a = archive.linked.article_of(q);
    let Some(columns) = archive.linked.quote_columns() else {
        out.markup(r#"<li class="quote-item"><span class="pending">Loading…</span></li>"#);
        return;
    };
    out.markup(if marked { r#"<li class="quote-item" aria-current="true"><blockquote>"# } else { r#"<li class="quote-item"><blockquote>"# });
    match text {
        Have::Ready(text) => {
            markup::with_hits_marked(out, text, query);
        }
        Have::Waiting => {
            out.markup(r#"<span class="pending">Loading…</span>"#);
        }
        Have::Failed => {
            out.markup(r#"<span class="failed">This quote could not be loaded (see above).</span>"#);
        }
    }
    out.markup(r#"</blockquote><p class="meta">— "#);
    match columns.speaker.get(q).filter(|&&s| s != NO_SPEAKER).and_then(|&s| archive.key(s)) {
        Some((key, name)) => link(out, "speaker", &chip_href(Facet::Speaker, key), name),
        None => {
            out.markup(r#"<span class="speaker unattributed">unattributed</span>"#);
        }
    }
    out.markup(match columns.kinds.get(q) {
        Some(&KIND_FULL) => r#" · <span class="kind full">full</span>"#,
        _ => r#" · <span class="kind partial">partial</span>"#,
    });
    let about = columns.about.get(q);
    if !about.is_empty() {
        out.markup(r#"<span class="about"> · about"#);
        for (i, &id) in about.iter().take(ABOUT_SHOWN).enumerate() {
            out.markup(if i == 0 { " " } else { ", " });
            if let Some((key, name)) = archive.key(id) {
                link(out, "", &chip_href(Facet::About, key), name);
            }
        }
        out.markup("</span>");
    }
    let title = title.unwrap_or(archive.index.table.id(a));
    match in_context {
        Some(href) => {
            out.markup(" · ");
            link(out, "", href, title);
        }
        None => {
            out.markup(" · ").text(title);
        }
    }
    out.markup(" · <time>").text(&date_shown(archive, a)).markup("</time></p></li>");
}

/// An opened article's paragraphs, each quote marked and labelled with its speaker (named by
/// `name_of`) and anchored `q-N`, entities marked, the hits of `query` highlighted.
pub fn article_body(
    out: &mut Html,
    a: &Article,
    query: &Query,
    name_of: &dyn Fn(&str) -> String,
    marked: Option<Result<usize, usize>>,
    quote_href: &dyn Fn(usize) -> String,
) {
    if let Some(Err(start)) = marked {
        markup::no_quote_at(out, start);
    }
    let marked = marked.and_then(Result::ok);
    let hits = if query.is_empty() { Vec::new() } else { Folded::new(&a.text).hits(query) };
    for &p in &a.paragraphs {
        out.markup("<p>");
        for s in segments(a, p, &hits) {
            if let Some(qi) = s.quote.filter(|_| s.quote_starts) {
                let name = a.quotes[qi].speaker.as_deref().map_or_else(|| "unattributed".to_string(), name_of);
                out.markup(r#"<a class="speaker-label" id="q-"#).count(qi).markup(r#"" href=""#).text(&quote_href(qi)).markup(r#"">"#);
                out.text(&name).markup("</a>");
            }
            out.markup(if s.hit { "<mark class=\"" } else { "<span class=\"" });
            if let Some(qi) = s.quote {
                out.markup(if marked == Some(qi) { "quote marked " } else { "quote " });
            }
            if let Some((kind, _)) = s.entity {
                out.markup(match kind {
                    EntityKind::Person => "ent person",
                    EntityKind::Place => "ent place",
                    EntityKind::Organization => "ent org",
                });
            }
            out.markup("\">").text(s.span.text(&a.text)).markup(if s.hit { "</mark>" } else { "</span>" });
        }
        out.markup("</p>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_rank_by_count_and_keep_each_key_once() {
        let card = Card {
            id: "a".into(),
            title: "T".into(),
            title_derived: false,
            url: None,
            lead: String::new(),
            warnings: Vec::new(),
            entities: vec![("oslo".into(), EntityKind::Place, 1), ("anna-berg".into(), EntityKind::Person, 2), ("oslo".into(), EntityKind::Place, 2)],
            quote_starts: Vec::new(),
        };
        assert_eq!(ranked_mentions(&card), [("oslo", EntityKind::Place), ("anna-berg", EntityKind::Person)]);
    }

    #[test]
    fn links_escape_what_they_carry() {
        let mut out = Html::default();
        link(&mut out, "chip", "/b/?q=<x>&y", "A & <b>");
        link(&mut out, "", "/", "x");
        assert_eq!(out.as_str(), r#"<a class="chip" href="/b/?q=&lt;x&gt;&amp;y">A &amp; &lt;b&gt;</a><a href="/">x</a>"#);
    }
}
