//! Cuts a paragraph into segments that share the same marks (quote, entity,
//! search hit), so the article view can render highlights as flat spans.

use broadsheet_extract::{Article, EntityKind, Span};

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub span: Span,
    /// Index of the quote this text belongs to.
    pub quote: Option<usize>,
    /// True for the first segment of a quote: where its speaker label goes.
    pub quote_starts: bool,
    pub entity: Option<(EntityKind, usize)>,
    pub hit: bool,
}

pub fn segments(article: &Article, paragraph: Span, hits: &[(usize, usize)]) -> Vec<Segment> {
    // Offsets as u32 (an article is far smaller than 4 GB): the page's code
    // then sorts them with the sort it already has for ids.
    let offset = |at: usize| at.clamp(paragraph.start, paragraph.end) as u32;
    let mut cuts = vec![offset(paragraph.start), offset(paragraph.end)];
    let quotes: Vec<(usize, Span)> =
        article.quotes.iter().enumerate().filter(|(_, q)| q.span.overlaps(paragraph)).map(|(i, q)| (i, q.span)).collect();
    let mentions: Vec<(EntityKind, usize, Span)> = article
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().filter(|m| paragraph.contains(**m)).map(move |m| (e.kind, i, *m)))
        .collect();
    let hits: Vec<Span> = hits.iter().map(|&(s, e)| Span::new(s, e)).filter(|h| h.overlaps(paragraph)).collect();
    for s in quotes.iter().map(|q| q.1).chain(mentions.iter().map(|m| m.2)).chain(hits.iter().copied()) {
        cuts.push(offset(s.start));
        cuts.push(offset(s.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let span = Span::new(w[0] as usize, w[1] as usize);
        if span.is_empty() || !article.text.is_char_boundary(span.start) || !article.text.is_char_boundary(span.end) {
            continue;
        }
        let quote = quotes.iter().find(|(_, q)| q.contains(span)).map(|&(i, _)| i);
        let quote_starts = quotes.iter().any(|(_, q)| q.start == span.start);
        let entity = mentions.iter().find(|(_, _, m)| m.contains(span)).map(|&(k, i, _)| (k, i));
        let hit = hits.iter().any(|h| h.contains(span));
        out.push(Segment { span, quote, quote_starts, entity, hit });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_the_paragraph_and_mark_quotes() {
        let a = broadsheet_extract::extract_text("t", "Headline\n\n“We build,” Anna Kowalski said in Oslo.".into());
        let p = a.paragraphs[0];
        let hit_at = a.text.find("build").unwrap();
        let segs = segments(&a, p, &[(hit_at, hit_at + 5)]);
        assert_eq!(segs.first().unwrap().span.start, p.start);
        assert_eq!(segs.last().unwrap().span.end, p.end);
        assert!(segs.windows(2).all(|w| w[0].span.end == w[1].span.start));
        assert!(segs.iter().any(|s| s.quote == Some(0) && s.quote_starts));
        assert!(segs.iter().any(|s| s.hit && s.span.text(&a.text) == "build"));
        assert!(segs.iter().any(|s| s.entity.is_some_and(|(k, _)| k == EntityKind::Place) && s.span.text(&a.text) == "Oslo"));
    }
}
