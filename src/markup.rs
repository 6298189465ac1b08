//! The lists the page rewrites on every filter change (a facet's rows, the
//! article cards, the quotes, a profile, the charts — a timeline's SVG bars and
//! its table, who is quoted), written as HTML text; and a quote's citation as
//! the clipboard takes it.
//!
//! They change with every click; building each list as one string and setting
//! it at once costs less than creating every node through the framework (see
//! BENCHMARKS.md). The charts are written the same way, by a few functions here
//! rather than a chart library: as view nodes they cost the page more bytes and
//! the 16 ms filter budget more time, and their components only wire them in. Names, titles, quotes and links come from the reader's
//! corpus, so the HTML is made only by [`Html`]: its markup can only be text
//! written in the code (`&'static str`), and everything else goes in escaped.
//! A forgotten escape does not compile. The page hands the result to the
//! browser through its one Trusted Types policy ([`Html::into_trusted`]); a
//! string made any other way is refused by the browser.

use broadsheet_extract::{Article, EntityKind, QuoteKind};
use wasm_bindgen::prelude::*;

use crate::corpus::Corpus;
use crate::filter::FacetValue;
use crate::profile::Profile;
use crate::search::{Folded, Query};
use crate::state::{Facet, View, ViewState};
use crate::timeline::{self, Timeline};

/// How much of the lead a card shows.
const LEAD_CHARS: usize = 220;
/// Names shown for what a quote is about; the "Quotes about" list has them all.
const ABOUT_SHOWN: usize = 3;
/// Mention chips on a card, most mentioned first; the opened article marks every mention.
/// Long articles name dozens of places and bodies, and a card is a summary.
const MENTION_CHIPS: usize = 6;

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    /// The page's Trusted Types policy (`broadsheet`) made `html` a TrustedHTML;
    /// a plain string where the browser has no Trusted Types.
    #[wasm_bindgen(js_name = trustedHtml)]
    fn trusted_html(html: &str) -> JsValue;
}

/// A quote's text with the search's hits marked (`<mark>`), found in the quote's own folded
/// text, so offsets are relative to the quote; the rest in `<span>`s.
pub fn with_hits_marked(out: &mut Html, text: &str, query: &Query) {
    let hits = if query.is_empty() { Vec::new() } else { Folded::new(text).hits(query) };
    let mut at = 0;
    for (start, end) in hits {
        if start < at || end > text.len() {
            continue;
        }
        out.markup("<span>").text(&text[at..start]).markup("</span><mark>").text(&text[start..end]).markup("</mark>");
        at = end;
    }
    out.markup("<span>").text(&text[at..]).markup("</span>");
}

/// HTML made of the code's own markup and escaped text, and nothing else.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Html(String);

impl Html {
    pub fn with_capacity(bytes: usize) -> Html {
        Html(String::with_capacity(bytes))
    }

    /// Appends markup written in the code: a `&'static str`, so no text made while
    /// the page runs (a name, a title, a link) can reach the markup unescaped:
    ///
    /// ```compile_fail
    /// let name = String::from("<img src=x onerror=alert(1)>");
    /// broadsheet::markup::Html::default().markup(&name);
    /// ```
    ///
    /// ```
    /// let name = String::from("<img src=x onerror=alert(1)>");
    /// let mut html = broadsheet::markup::Html::default();
    /// html.markup("<b>").text(&name).markup("</b>");
    /// assert_eq!(html.as_str(), "<b>&lt;img src=x onerror=alert(1)&gt;</b>");
    /// ```
    pub fn markup(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Appends `text` with the characters HTML gives a meaning escaped, so it reads as
    /// the same text in an element and in a quoted attribute.
    pub fn text(&mut self, text: &str) -> &mut Html {
        let mut rest = text;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            self.0.push_str(&rest[..at]);
            self.0.push_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            });
            rest = &rest[at + 1..];
        }
        self.0.push_str(rest);
        self
    }

    /// Appends HTML made the same way.
    pub fn append(&mut self, html: Html) -> &mut Html {
        self.0.push_str(&html.0);
        self
    }

    /// Appends a count.
    pub fn count(&mut self, n: usize) -> &mut Html {
        self.0.push_str(&n.to_string());
        self
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The HTML as the browser accepts it for `innerHTML` under the page's policy.
    pub fn into_trusted(self) -> JsValue {
        trusted_html(&self.0)
    }

    /// Appends a link to `href` that reads `text` (both escaped), with `class` when there is one.
    fn link(&mut self, class: &'static str, href: &str, text: &str) -> &mut Html {
        self.markup("<a ");
        if !class.is_empty() {
            self.markup("class=\"").markup(class).markup("\" ");
        }
        self.markup("href=\"").text(href).markup("\">").text(text).markup("</a>")
    }
}

/// When an article was published, as a card and a quote show it.
fn date_shown(a: &Article) -> &str {
    a.date.iso.as_deref().unwrap_or("date unknown")
}

/// When an article was published, as a reader writes it ("5 May 2022"), if it is known.
fn date_spoken(a: &Article) -> Option<String> {
    a.date.iso.as_deref().and_then(timeline::day).map(timeline::spoken)
}

/// The `<li>` rows of a facet: each value a link (`href_of` gives where it
/// leads) that says whether it is chosen and how many results it has.
pub fn facet_rows(rows: &[FacetValue], href_of: impl Fn(&FacetValue) -> String) -> Html {
    let mut out = Html::with_capacity(rows.len() * 180);
    for v in rows {
        // The sidebar stays where the reader scrolled it (`data-noscroll`); the focus comes
        // back to the value by its key when the rows are written anew (`data-focus`).
        out.markup(if v.count == 0 { r#"<li><a class="facet-value zero" href=""# } else { r#"<li><a class="facet-value" href=""# });
        out.text(&href_of(v));
        // A chosen value is the current one of its set (a link cannot be a pressed button).
        out.markup(if v.selected { r#"" aria-current="true""# } else { r#"""# });
        out.markup(r#" data-noscroll="" data-focus=""#).text(&v.key);
        out.markup(r#""><span class="name">"#).text(&v.name).markup(r#"</span><span class="count">"#);
        out.count(v.count).markup("</span></a></li>");
    }
    out
}

/// The article's entities as (facet, key), most mentioned first, each key once.
fn ranked_mentions(a: &Article) -> Vec<(Facet, &str)> {
    let mut ranked: Vec<(Facet, &str, usize)> = Vec::new();
    for e in &a.entities {
        let facet = match e.kind {
            EntityKind::Person => Facet::Person,
            EntityKind::Place => Facet::Place,
            EntityKind::Organization => Facet::Org,
        };
        match ranked.iter_mut().find(|(_, key, _)| *key == e.key) {
            Some(entry) => entry.2 += e.mentions.len(),
            None => ranked.push((facet, &e.key, e.mentions.len())),
        }
    }
    // Each name put in its place, most mentioned first: an article names few, and the page's
    // code then needs no other sort.
    let mut sorted: Vec<(Facet, &str, usize)> = Vec::with_capacity(ranked.len());
    for name in ranked {
        let at = sorted.partition_point(|placed| placed.2 > name.2 || (placed.2 == name.2 && placed.1 < name.1));
        sorted.insert(at, name);
    }
    sorted.into_iter().map(|(facet, key, _)| (facet, key)).collect()
}

/// The card of article `index` of `corpus`, appended to `out` as `<li class="card">`:
/// title, date, source, lead, quote count, and chips that filter. `open` is the link
/// that opens the article; `chip_href` where a chip for (facet, key) leads.
pub fn article_card(out: &mut Html, corpus: &Corpus, index: usize, open: &str, chip_href: &dyn Fn(Facet, &str) -> String) {
    // A list of the corpus that was just replaced may still ask for an old index.
    let (Some(a), Some(keys)) = (corpus.articles.get(index), corpus.article_keys.get(index)) else { return };
    let chip = |out: &mut Html, facet: Facet, key: &str| {
        let class = match facet {
            Facet::Speaker => "chip speaker",
            Facet::About => "chip",
            Facet::Person => "chip person",
            Facet::Place => "chip place",
            Facet::Org => "chip org",
        };
        out.link(class, &chip_href(facet, key), &corpus.name_of(key));
    };
    out.markup(if a.title.derived {
        r#"<li class="card"><article><h2 class="title derived">"#
    } else {
        r#"<li class="card"><article><h2 class="title">"#
    });
    out.link("", open, &a.title.text);
    if a.title.derived {
        out.markup(r#"<span class="derived-note"> (headline from the lead)</span>"#);
    }
    out.markup(r#"</h2><p class="meta"><time>"#).text(date_shown(a)).markup(r#"</time> · <span class="source">"#);
    let quotes = a.quotes.len();
    out.text(&a.id).markup(".txt</span> · ").count(quotes).markup(if quotes == 1 { " quote" } else { " quotes" });
    out.markup("</p><p class=\"lead\">");
    let lead = a.kicker.or(a.paragraphs.first().copied()).map_or("", |s| s.text(&a.text));
    if lead.chars().count() > LEAD_CHARS {
        out.text(lead.chars().take(LEAD_CHARS).collect::<String>().trim_end()).markup("…");
    } else {
        out.text(lead);
    }
    out.markup("</p>");
    if !a.warnings.is_empty() {
        out.markup(r#"<p class="warning">"#).text(&a.warnings.join(" ")).markup("</p>");
    }
    let speakers = &keys[Facet::Speaker as usize];
    if !speakers.is_empty() {
        out.markup(r#"<p class="chipset"><span class="chip-label">Speakers</span>"#);
        for key in speakers {
            chip(out, Facet::Speaker, key);
        }
        out.markup("</p>");
    }
    let mentions = ranked_mentions(a);
    if !mentions.is_empty() {
        out.markup(r#"<p class="chipset"><span class="chip-label">Mentions</span>"#);
        for &(facet, key) in mentions.iter().take(MENTION_CHIPS) {
            chip(out, facet, key);
        }
        // "+N more" opens the article too: it marks every mention.
        let more = mentions.len().saturating_sub(MENTION_CHIPS);
        if more > 0 {
            out.link("more-mentions", open, &format!("+{more} more"));
        }
        out.markup("</p>");
    }
    out.markup("</article></li>");
}

/// Quote `index` of `corpus`, appended to `out` as `<li class="quote-item">`: its text
/// with the hits of `query` marked, speaker, kind, what it names, and its article.
/// `in_context` opens the article at the quote; `chip_href` is where a link to
/// (facet, key) leads.
pub fn quote_item(
    out: &mut Html,
    corpus: &Corpus,
    index: usize,
    query: &Query,
    in_context: &str,
    marked: bool,
    chip_href: &dyn Fn(Facet, &str) -> String,
) {
    // A list of the corpus that was just replaced may still ask for an old index.
    let Some(&r) = corpus.quotes.get(index) else { return };
    let a = &corpus.articles[r.article];
    let q = &a.quotes[r.quote];
    let text = q.span.text(&a.text);
    // The quote a link names (`quote=`) is marked.
    out.markup(if marked { r#"<li class="quote-item" aria-current="true"><blockquote>"# } else { r#"<li class="quote-item"><blockquote>"# });
    with_hits_marked(out, text, query);
    out.markup(r#"</blockquote><p class="meta">— "#);
    match &q.speaker {
        Some(key) => out.link("speaker", &chip_href(Facet::Speaker, key), &corpus.name_of(key)),
        None => out.markup(r#"<span class="speaker unattributed">unattributed</span>"#),
    };
    out.markup(match q.kind {
        QuoteKind::Full => r#" · <span class="kind full">full</span>"#,
        QuoteKind::Partial => r#" · <span class="kind partial">partial</span>"#,
    });
    // What the quote names in its own words: each a link to the quotes about it.
    let about = corpus.quote_about(index);
    if !about.is_empty() {
        out.markup(r#"<span class="about"> · about"#);
        for (i, &id) in about.iter().take(ABOUT_SHOWN).enumerate() {
            out.markup(if i == 0 { " " } else { ", " });
            out.link("", &chip_href(Facet::About, &corpus.keys[id as usize]), &corpus.key_names[id as usize]);
        }
        out.markup("</span>");
    }
    out.markup(" · ").link("", in_context, &a.title.text).markup(" · <time>").text(date_shown(a)).markup("</time> · ");
    // The page copies the quote with its citation when this is clicked (`data-quote`: its index).
    out.markup(r#"<button type="button" class="link copy-quote" data-quote=""#).count(index);
    out.markup(r#"" title="Copy the quote with its speaker, article, date and link">Copy</button></p></li>"#);
}

/// Quote `index` of `corpus` with its citation, as the clipboard takes it, in text and in HTML:
/// `“…,” Name, Title of the article, 5 May 2022` and `link`, where the quote is shown. A quote
/// that does not end in punctuation gets a comma after it; an unattributed quote has no name,
/// an undated article no date.
pub fn citation(corpus: &Corpus, index: usize, link: &str) -> Option<(String, Html)> {
    let r = corpus.quotes.get(index)?;
    let a = &corpus.articles[r.article];
    let q = &a.quotes[r.quote];
    let quote = q.span.text(&a.text).trim();
    let last_word = quote.trim_end_matches(['”', '"', '’', '\'', '»', '«', '“']);
    let separator = if last_word.ends_with([',', '.', '!', '?', '…', ';', ':', '—', '-']) { " " } else { ", " };
    let mut text = format!("{quote}{separator}");
    let mut html = Html::with_capacity(quote.len() + link.len() + 200);
    html.markup("<p>").text(quote).markup(if separator == " " { " " } else { ", " });
    if let Some(name) = q.speaker.as_deref().map(|k| corpus.name_of(k)) {
        text.push_str(&name);
        text.push_str(", ");
        html.text(&name).markup(", ");
    }
    text.push_str(&a.title.text);
    html.markup("<cite>").link("", link, &a.title.text).markup("</cite>");
    if let Some(date) = date_spoken(a) {
        text.push_str(", ");
        text.push_str(&date);
        html.markup(", ").text(&date);
    }
    text.push('\n');
    text.push_str(link);
    html.markup("</p>");
    Some((text, html))
}

/// The width of one period in a timeline's drawing, and the height of its tallest bar.
pub const TIMELINE_SLOT: usize = 10;
pub const TIMELINE_HEIGHT: usize = 100;

/// A timeline as a figure (what it counts: [`crate::timeline`]): its caption, an `<svg>` of
/// bars (the `<svg>` named `name`, with how many periods it spans), a line that says what
/// the pointer or the focus is on, and a table of the counts, its text alternative (written
/// only when `open`). Each bar is a link (`href_of` a period: where it leads) named by its period and
/// count (`noun`: "quotes" or "articles"), with `data-i` its period and `data-focus` to find
/// it again after a change; the first bar is the one the Tab key reaches. The charts change
/// with every filter, so they are written here as the lists are, and set at once.
pub fn timeline(t: &Timeline, noun: &'static str, name: &'static str, open: bool, href_of: &dyn Fn(usize) -> String) -> Html {
    let mut out = Html::with_capacity(t.periods.len() * 220 + 600);
    out.markup(r#"<figure class="timeline" data-focus-group=""#).markup(name).markup(r#""><figcaption id=""#).markup(name);
    out.markup(r#"-caption">"#).text(&t.caption(noun)).markup("</figcaption>");
    if !t.periods.is_empty() {
        out.markup(r#"<svg viewBox="0 0 "#).count(t.periods.len() * TIMELINE_SLOT).markup(" ").count(TIMELINE_HEIGHT);
        out.markup(r#"" preserveAspectRatio="none" role="group" aria-labelledby=""#).markup(name).markup(r#"-caption" data-timeline=""#).markup(name);
        out.markup(r#"" data-periods=""#).count(t.periods.len()).markup(r#""><rect class="selection" x="0" y="0" width="0" height=""#);
        out.count(TIMELINE_HEIGHT).markup(r#""></rect>"#);
        let mut first = true;
        for (i, p) in t.periods.iter().enumerate().filter(|(_, p)| p.count > 0) {
            let height = (p.count * TIMELINE_HEIGHT / t.max.max(1)).max(3);
            out.markup(r#"<a href=""#)
                .text(&href_of(i))
                .markup(r#"" aria-label=""#)
                .text(&t.label(i))
                .markup(": ")
                .count(p.count)
                .markup(" ")
                .markup(noun);
            out.markup(r#"" data-i=""#).count(i).markup(if first { r#"" tabindex="0" data-focus=""# } else { r#"" tabindex="-1" data-focus=""# });
            out.markup(name).markup(":").text(&p.start.to_string()).markup(r#""><rect x=""#).count(i * TIMELINE_SLOT + 1);
            out.markup(r#"" y=""#).count(TIMELINE_HEIGHT - height).markup(r#"" width=""#).count(TIMELINE_SLOT - 2).markup(r#"" height=""#);
            out.count(height).markup(r#""></rect></a>"#);
            first = false;
        }
        out.markup(r#"</svg><p class="readout">Click a bar, or drag across several, to show that period.</p>"#);
    }
    // The table is written only while it is open: every filter change draws the charts anew,
    // and a closed table shows nothing (each bar says its period and count too).
    if !open {
        out.markup(r#"<details><summary data-focus="table">Table</summary></details></figure>"#);
        return out;
    }
    out.markup(r#"<details open><summary data-focus="table">Table</summary><table><thead><tr><th scope="col">"#)
        .markup(t.unit.noun())
        .markup(r#"</th><th scope="col">"#)
        .markup(noun);
    out.markup("</th></tr></thead><tbody>");
    for (i, p) in t.periods.iter().enumerate().filter(|(_, p)| p.count > 0) {
        out.markup("<tr><td>").text(&t.label(i)).markup("</td><td>").count(p.count).markup("</td></tr>");
    }
    if t.undated > 0 {
        out.markup("<tr><td>undated</td><td>").count(t.undated).markup("</td></tr>");
    }
    out.markup("</tbody></table></details></figure>");
    out
}

/// "Who is quoted": the speakers of [`crate::filter::Results::voices`], each a link (`href_of`
/// a key: where choosing or leaving it leads) with its count, its share of `total` quotes
/// and a bar of that share; `summary` says what the shares are of.
pub fn voices(voices: &[FacetValue], total: usize, summary: &str, href_of: &dyn Fn(&str) -> String) -> Html {
    let mut out = Html::with_capacity(voices.len() * 300 + 200);
    out.markup(r#"<section class="voices" aria-labelledby="voices-heading" data-focus-group="voices"><h2 id="voices-heading">Who is quoted</h2>"#);
    out.markup(r#"<p class="voices-total">"#).text(summary).markup("</p><ol>");
    for v in voices {
        out.markup(r#"<li><a class="voice" href=""#).text(&href_of(&v.key));
        out.markup(if v.selected { r#"" aria-current="true" data-noscroll="" data-focus=""# } else { r#"" data-noscroll="" data-focus=""# });
        out.text(&v.key).markup(r#""><span class="name">"#).text(&v.name).markup(r#"</span><span class="count">"#).count(v.count);
        out.markup(" · ").text(&crate::filter::percent(v.count, total));
        // The bar's length in thousandths of the whole.
        out.markup(r#"</span><svg class="bar" viewBox="0 0 1000 2" preserveAspectRatio="none" aria-hidden="true"><rect height="2" width=""#);
        out.count(v.count * 1000 / total.max(1)).markup(r#""></rect></svg></a></li>"#);
    }
    out.markup("</ol></section>");
    out
}

/// What an opened article says when a link's quote (`quote=`) starts nowhere in it.
pub fn no_quote_at(out: &mut Html, start: usize) {
    out.markup(r#"<p class="notice">No quote of this article starts at byte "#).count(start);
    out.markup(": the link may have been made for another version of it.</p>");
}

/// The paragraphs of article `index`: every quote highlighted and labelled with its speaker
/// (the label a link to the quote: `quote_href` gives it for a quote's index in the article),
/// the quote a link names (`marked`: its index in the article, or `Err` with the offset no
/// quote starts at, which is said) marked, names marked by kind and the search's `hits`
/// (byte ranges) highlighted.
pub fn article_body(
    corpus: &Corpus,
    index: usize,
    hits: &[(usize, usize)],
    marked: Option<Result<usize, usize>>,
    quote_href: &dyn Fn(usize) -> String,
) -> Html {
    let Some(a) = corpus.articles.get(index) else { return Html::default() };
    let mut out = Html::with_capacity(a.text.len() * 2);
    if let Some(Err(start)) = marked {
        no_quote_at(&mut out, start);
    }
    let marked = marked.and_then(Result::ok);
    for &p in &a.paragraphs {
        out.markup("<p>");
        for s in crate::highlight::segments(a, p, hits) {
            if let Some(qi) = s.quote.filter(|_| s.quote_starts) {
                let name = a.quotes[qi].speaker.as_deref().map_or_else(|| "unattributed".to_string(), |k| corpus.name_of(k));
                out.markup(r#"<a class="speaker-label" id="q-"#).count(qi).markup(r#"" href=""#).text(&quote_href(qi)).markup(r#"">"#);
                out.text(&name).markup("</a>");
            }
            out.markup(if s.hit { r#"<mark class=""# } else { r#"<span class=""# });
            if let Some(qi) = s.quote {
                out.markup(if marked == Some(qi) { "quote marked " } else { "quote " });
            }
            out.markup(match s.entity {
                Some((EntityKind::Person, _)) => "ent person",
                Some((EntityKind::Place, _)) => "ent place",
                Some((EntityKind::Organization, _)) => "ent org",
                None => "",
            });
            out.markup(r#"">"#).text(s.span.text(&a.text)).markup(if s.hit { "</mark>" } else { "</span>" });
        }
        out.markup("</p>");
    }
    out
}

/// How many names a profile lists in each of its lists, and how many articles.
const PROFILE_NAMES: usize = 8;
const PROFILE_ARTICLES: usize = 10;

/// Appends `(key id, count)` pairs as links (`href_of` gives where a key leads), the first
/// [`PROFILE_NAMES`] of them, with "and N more".
fn named_counts(out: &mut Html, corpus: &Corpus, list: &[(u32, usize)], href_of: &dyn Fn(&str) -> String) {
    for (i, &(id, n)) in list.iter().take(PROFILE_NAMES).enumerate() {
        out.markup(if i == 0 { "" } else { ", " });
        out.link("", &href_of(&corpus.keys[id as usize]), &corpus.key_names[id as usize]);
        out.markup(r#" <span class="count">"#).count(n).markup("</span>");
    }
    if list.len() > PROFILE_NAMES {
        out.markup(" and ").count(list.len() - PROFILE_NAMES).markup(" more");
    }
}

/// Appends `n` and the noun, singular or plural: "1 quote", "3 quotes".
fn counted(out: &mut Html, n: usize, one: &'static str, many: &'static str) {
    out.count(n).markup(" ").markup(if n == 1 { one } else { many });
}

/// A profile's text (see [`crate::profile`]): its name and kind, its quotes (first and last
/// linked), where it is named, the ways it is written, titles and roles, what its quotes
/// name, who else speaks beside it, who talks about it, and its articles, all linked.
/// `as_speaker`: the view chose it as a speaker. Links keep `state`'s corpus and order.
pub fn profile(corpus: &Corpus, p: &Profile, as_speaker: bool, state: &ViewState, href: &dyn Fn(&ViewState) -> String) -> Html {
    let mut out = Html::with_capacity(4096);
    let view = |view: View, facets: &[(Facet, &str)]| {
        let mut s = ViewState { view, corpus: state.corpus.clone(), sort: state.sort, ..ViewState::default() };
        for &(f, key) in facets {
            s.keys[f as usize].push(key.to_string());
        }
        href(&s)
    };
    let open = |article: usize, quote: Option<usize>| {
        let a = &corpus.articles[article];
        let quote = quote.and_then(|q| corpus.quotes.get(q)).map(|r| corpus.quote(*r).span.start);
        href(&ViewState { article: Some(a.id.clone()), quote, corpus: state.corpus.clone(), ..ViewState::default() })
    };
    let first_and_last = |out: &mut Html, first: (usize, Option<usize>), last: (usize, Option<usize>)| {
        let day = |a: usize| date_spoken(&corpus.articles[a]).unwrap_or_default();
        if first == last {
            out.markup(", on ").link("", &open(first.0, first.1), &day(first.0));
        } else {
            out.markup(", first on ").link("", &open(first.0, first.1), &day(first.0));
            out.markup(", last on ").link("", &open(last.0, last.1), &day(last.0));
        }
    };
    let kind = match p.kind {
        Some(EntityKind::Person) => "person",
        Some(EntityKind::Place) => "place",
        Some(EntityKind::Organization) => "organisation",
        None => "name",
    };
    out.markup(r#"<h2 id="profile-name">"#).text(&p.name).markup(r#" <span class="kind">"#).markup(kind).markup("</span></h2>");
    out.markup(r#"<p class="facts">"#);
    if !p.quotes.is_empty() {
        out.markup("Quoted ");
        counted(&mut out, p.quotes.len(), "time", "times");
        out.markup(" in ");
        counted(&mut out, p.quoted_in.len(), "article", "articles");
        if let (Some(first), Some(last)) = (p.first_quote, p.last_quote) {
            first_and_last(&mut out, (corpus.quotes[first].article, Some(first)), (corpus.quotes[last].article, Some(last)));
        }
        if !as_speaker {
            out.markup(" (").link("", &view(View::Quotes, &[(Facet::Speaker, &p.key)]), "their quotes").markup(")");
        }
        out.markup(". ");
    } else if as_speaker {
        out.markup("Not quoted in this corpus. ");
    }
    if p.mentions > 0 {
        out.markup("Named ");
        counted(&mut out, p.mentions, "time", "times");
        out.markup(" in ");
        counted(&mut out, p.mentioned_in.len(), "article", "articles");
        // Newest first, undated last.
        let dated: Vec<usize> = p.mentioned_in.iter().map(|&(a, _)| a).filter(|&a| corpus.articles[a].date.iso.is_some()).collect();
        if let (Some(&last), Some(&first)) = (dated.first(), dated.last()) {
            first_and_last(&mut out, (first, None), (last, None));
        }
        out.markup(". ");
    }
    if p.named_by_quotes > 0 {
        out.markup("Named in ");
        counted(&mut out, p.named_by_quotes, "quote", "quotes");
        out.markup(" (").link("", &view(View::Quotes, &[(Facet::About, &p.key)]), "the quotes about it").markup(").");
    }
    out.markup("</p><dl>");
    if !p.variants.is_empty() {
        out.markup("<dt>Written as</dt><dd>");
        for (i, (variant, n)) in p.variants.iter().enumerate() {
            out.markup(if i == 0 { "<q>" } else { ", <q>" }).text(variant).markup(r#"</q> <span class="count">"#).count(*n).markup("</span>");
        }
        out.markup("</dd>");
    }
    if !p.roles.is_empty() {
        out.markup("<dt>Titles and roles</dt><dd>");
        for (i, role) in p.roles.iter().enumerate() {
            out.markup(if i == 0 { "" } else { ", " }).text(role);
        }
        out.markup("</dd>");
    }
    if !p.about.is_empty() {
        out.markup("<dt>Talks most about</dt><dd>");
        named_counts(&mut out, corpus, &p.about, &|k| view(View::Quotes, &[(Facet::Speaker, &p.key), (Facet::About, k)]));
        out.markup("</dd>");
    }
    if !p.alongside.is_empty() {
        out.markup("<dt>Quoted alongside</dt><dd>");
        named_counts(&mut out, corpus, &p.alongside, &|k| view(View::Quotes, &[(Facet::Speaker, k)]));
        out.markup("</dd>");
    }
    if !p.talked_about_by.is_empty() {
        out.markup("<dt>Talked about by</dt><dd>");
        named_counts(&mut out, corpus, &p.talked_about_by, &|k| view(View::Quotes, &[(Facet::Speaker, k), (Facet::About, &p.key)]));
        out.markup("</dd>");
    }
    // The articles it speaks in (chosen as a speaker, or never named), or else those that name it.
    let facet = match p.kind {
        _ if as_speaker || p.mentioned_in.is_empty() => Facet::Speaker,
        Some(EntityKind::Place) => Facet::Place,
        Some(EntityKind::Organization) => Facet::Org,
        _ => Facet::Person,
    };
    let (articles, one, many) = if facet == Facet::Speaker { (&p.quoted_in, "quote", "quotes") } else { (&p.mentioned_in, "mention", "mentions") };
    if !articles.is_empty() {
        out.markup(r#"<dt>Articles</dt><dd><ul class="profile-articles">"#);
        for &(a, n) in articles.iter().take(PROFILE_ARTICLES) {
            // A speaker's article opens at their first quote there (their quotes are in article order).
            let first_quote = p.quotes.get(p.quotes.partition_point(|&q| corpus.quotes[q].article < a)).copied();
            let link = open(a, first_quote.filter(|&q| facet == Facet::Speaker && corpus.quotes[q].article == a));
            out.markup("<li>").link("", &link, &corpus.articles[a].title.text);
            out.markup(" <time>").text(date_shown(&corpus.articles[a])).markup("</time> · ");
            counted(&mut out, n, one, many);
            out.markup("</li>");
        }
        out.markup("</ul>");
        if articles.len() > PROFILE_ARTICLES {
            out.link("", &view(View::Articles, &[(facet, &p.key)]), &format!("All {} articles", articles.len()));
        }
        out.markup("</dd>");
    }
    out.markup("</dl>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_rank_by_count_and_keep_each_key_once() {
        let text = "Oslo. Anna Berg met Berg in Oslo and Oslo again; the Harbour Authority said.";
        let a = broadsheet_extract::extract("t.txt", text.as_bytes());
        let ranked = ranked_mentions(&a);
        let keys: Vec<&str> = ranked.iter().map(|(_, k)| *k).collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{keys:?}");
        let count = |key: &str| a.entities.iter().filter(|e| e.key == key).map(|e| e.mentions.len()).sum::<usize>();
        assert!(ranked.windows(2).all(|w| count(w[0].1) >= count(w[1].1)), "{keys:?}");
        assert_eq!(ranked.first().map(|(f, k)| (*f, *k)), Some((Facet::Place, "oslo")), "{keys:?}");
    }

    #[test]
    fn a_card_links_its_article_and_chips_and_escapes_the_corpus_text() {
        let text = "Harbour <b>news</b> & views\n\n“We will reopen the pier,” said Marta Quist in Oslo on Monday.";
        let corpus = Corpus::from_files([("pier.txt", text.as_bytes())]);
        let mut html = Html::default();
        article_card(&mut html, &corpus, 0, "/b/?article=pier", &|facet, key| format!("/b/?{}={key}", facet.param()));
        let out = html.as_str();
        assert!(
            out.starts_with(
                r#"<li class="card"><article><h2 class="title"><a href="/b/?article=pier">Harbour &lt;b&gt;news&lt;/b&gt; &amp; views</a></h2>"#
            ),
            "{out}"
        );
        assert!(out.contains(r#"<span class="source">pier.txt</span> · 1 quote</p>"#), "{out}");
        assert!(
            out.contains(r#"<span class="chip-label">Speakers</span><a class="chip speaker" href="/b/?speaker=marta-quist">Marta Quist</a></p>"#),
            "{out}"
        );
        assert!(out.contains(r#"<a class="chip place" href="/b/?place=oslo">Oslo</a>"#), "{out}");
        assert!(out.ends_with("</article></li>"), "{out}");
        // An index the corpus no longer has adds nothing.
        let before = html.clone();
        article_card(&mut html, &corpus, 7, "", &|_, _| String::new());
        assert_eq!(html, before);
    }

    #[test]
    fn a_quote_marks_the_search_hits_and_links_its_speaker_and_article() {
        let text = "Harbour news\n\n“We will reopen the <pier> soon,” said Marta Quist in Oslo.";
        let corpus = Corpus::from_files([("pier.txt", text.as_bytes())]);
        let mut out = Html::default();
        quote_item(&mut out, &corpus, 0, &Query::parse("reopen"), "/b/?quote=pier:14", false, &|facet, key| format!("/b/?{}={key}", facet.param()));
        assert_eq!(
            out.as_str(),
            concat!(
                r#"<li class="quote-item"><blockquote><span>“We will </span><mark>reopen</mark><span> the &lt;pier&gt; soon,”</span></blockquote>"#,
                r#"<p class="meta">— <a class="speaker" href="/b/?speaker=marta-quist">Marta Quist</a> · <span class="kind full">full</span>"#,
                r#" · <a href="/b/?quote=pier:14">Harbour news</a> · <time>date unknown</time> · "#,
                r#"<button type="button" class="link copy-quote" data-quote="0" title="Copy the quote with its speaker, article, date and link">Copy</button></p></li>"#,
            )
        );
        // The quote a link names is marked.
        let mut marked = Html::default();
        quote_item(&mut marked, &corpus, 0, &Query::default(), "", true, &|_, _| String::new());
        assert!(marked.as_str().starts_with(r#"<li class="quote-item" aria-current="true">"#));
    }

    #[test]
    fn markup_in_names_stays_text() {
        let mut out = Html::default();
        out.markup("<b>").text(r#"<img src=x onerror="alert('x')"> & co"#).markup("</b>");
        assert_eq!(out.as_str(), "<b>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co</b>");
    }

    #[test]
    fn facet_rows_are_links_with_their_state_and_count() {
        let value = |name: &str, count, selected| FacetValue { key: name.into(), name: name.into(), count, selected };
        let html = facet_rows(&[value("Anna <b>", 3, true), value("Jo", 0, false)], |v| format!("/b/?speaker={}&q=x", v.key));
        assert_eq!(
            html.as_str(),
            concat!(
                r#"<li><a class="facet-value" href="/b/?speaker=Anna &lt;b&gt;&amp;q=x" aria-current="true" data-noscroll="" data-focus="Anna &lt;b&gt;">"#,
                r#"<span class="name">Anna &lt;b&gt;</span><span class="count">3</span></a></li>"#,
                r#"<li><a class="facet-value zero" href="/b/?speaker=Jo&amp;q=x" data-noscroll="" data-focus="Jo">"#,
                r#"<span class="name">Jo</span><span class="count">0</span></a></li>"#,
            )
        );
    }
}
