//! The lists the page rewrites on every filter change (a facet's rows, the
//! article cards, the quotes), written as HTML text.
//!
//! They change with every click; building each list as one string and setting
//! it at once costs less than creating every node through the framework (see
//! BENCHMARKS.md). Names, titles, quotes and links come from the reader's
//! corpus, so the HTML is made only by [`Html`]: its markup can only be text
//! written in the code (`&'static str`), and everything else goes in escaped.
//! A forgotten escape does not compile. The page hands the result to the
//! browser through its one Trusted Types policy ([`Html::into_trusted`]); a
//! string made any other way is refused by the browser.

use broadsheet_extract::{Article, EntityKind, QuoteKind};
use wasm_bindgen::prelude::*;

use crate::corpus::Corpus;
use crate::filter::FacetValue;
use crate::search::{Folded, Query};
use crate::state::Facet;

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

/// The `<li>` rows of a facet: each value a link (`href_of` gives where it
/// leads) that says whether it is chosen and how many results it has.
pub fn facet_rows(rows: &[FacetValue], href_of: impl Fn(&FacetValue) -> String) -> Html {
    let mut out = Html::with_capacity(rows.len() * 160);
    for v in rows {
        // The sidebar stays where the reader scrolled it (`data-noscroll`).
        out.markup(if v.count == 0 { r#"<li><a class="facet-value zero" href=""# } else { r#"<li><a class="facet-value" href=""# });
        out.text(&href_of(v));
        out.markup(if v.selected { r#"" aria-pressed="true""# } else { r#"" aria-pressed="false""# });
        out.markup(r#" data-noscroll=""><span class="name">"#).text(&v.name).markup(r#"</span><span class="count">"#);
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
pub fn quote_item(out: &mut Html, corpus: &Corpus, index: usize, query: &Query, in_context: &str, chip_href: &dyn Fn(Facet, &str) -> String) {
    // A list of the corpus that was just replaced may still ask for an old index.
    let Some(&r) = corpus.quotes.get(index) else { return };
    let a = &corpus.articles[r.article];
    let q = &a.quotes[r.quote];
    let text = q.span.text(&a.text);
    out.markup(r#"<li class="quote-item"><blockquote>"#);
    // Hits are found in the quote's own folded text; offsets are relative to the quote.
    let hits = if query.is_empty() { Vec::new() } else { Folded::new(text).hits(query) };
    let mut at = 0;
    for (start, end) in hits {
        if start < at || end > text.len() {
            continue;
        }
        out.markup("<span>").text(&text[at..start]).markup("</span><mark>").text(&text[start..end]).markup("</mark>");
        at = end;
    }
    out.markup("<span>").text(&text[at..]).markup(r#"</span></blockquote><p class="meta">— "#);
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
    out.markup(" · ").link("", in_context, &a.title.text).markup(" · <time>").text(date_shown(a)).markup("</time></p></li>");
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
        quote_item(&mut out, &corpus, 0, &Query::parse("reopen"), "/b/?article=pier#q-0", &|facet, key| format!("/b/?{}={key}", facet.param()));
        assert_eq!(
            out.as_str(),
            concat!(
                r#"<li class="quote-item"><blockquote><span>“We will </span><mark>reopen</mark><span> the &lt;pier&gt; soon,”</span></blockquote>"#,
                r#"<p class="meta">— <a class="speaker" href="/b/?speaker=marta-quist">Marta Quist</a> · <span class="kind full">full</span>"#,
                r#" · <a href="/b/?article=pier#q-0">Harbour news</a> · <time>date unknown</time></p></li>"#,
            )
        );
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
                r#"<li><a class="facet-value" href="/b/?speaker=Anna &lt;b&gt;&amp;q=x" aria-pressed="true" data-noscroll="">"#,
                r#"<span class="name">Anna &lt;b&gt;</span><span class="count">3</span></a></li>"#,
                r#"<li><a class="facet-value zero" href="/b/?speaker=Jo&amp;q=x" aria-pressed="false" data-noscroll="">"#,
                r#"<span class="name">Jo</span><span class="count">0</span></a></li>"#,
            )
        );
    }
}
