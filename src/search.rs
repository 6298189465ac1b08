//! Free-text search: words and "exact phrases", case- and accent-insensitive.

use broadsheet_extract::lexicon::fold;

/// A parsed search box: every term and phrase must occur.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Query {
    /// Folded needles: single words and whole phrases.
    pub needles: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut needles = Vec::new();
        let mut rest = q;
        while let Some(open) = rest.find(['"', '“', '”']) {
            needles.extend(rest[..open].split_whitespace().map(fold));
            let after = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
            match after.find(['"', '“', '”']) {
                Some(close) => {
                    let phrase = fold(after[..close].trim());
                    if !phrase.is_empty() {
                        needles.push(phrase.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                    rest = &after[close + after[close..].chars().next().map_or(1, char::len_utf8)..];
                }
                None => {
                    rest = after;
                }
            }
        }
        needles.extend(rest.split_whitespace().map(fold));
        needles.retain(|n| !n.is_empty());
        Query { needles }
    }

    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// True when every needle occurs in the folded haystack.
    pub fn matches(&self, folded: &str) -> bool {
        self.needles.iter().all(|n| folded.contains(n.as_str()))
    }
}

/// Text folded for search, with a map from each folded byte back to the original text.
pub struct Folded {
    pub text: String,
    origin: Vec<usize>,
    len: usize,
}

/// Calls `emit(i, piece)` for each folded piece of `original`, `i` being the
/// byte offset of the character it came from: lowercase, accents folded as
/// [`fold`] does, and each run of whitespace one space, so phrases match across
/// line breaks. No allocation per character: this runs over the whole corpus.
fn fold_pieces(original: &str, mut emit: impl FnMut(usize, &str)) {
    let mut buf = [0u8; 4];
    let mut in_space = false;
    for (i, c) in original.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                emit(i, " ");
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if c.is_ascii() {
            emit(i, c.to_ascii_lowercase().encode_utf8(&mut buf));
            continue;
        }
        broadsheet_extract::lexicon::fold_each(c, |f| emit(i, f.encode_utf8(&mut buf)));
    }
}

/// Appends `original`, folded for search, to `out`.
pub fn fold_into(out: &mut String, original: &str) {
    fold_pieces(original, |_, piece| out.push_str(piece));
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        fold_pieces(original, |i, piece| {
            text.push_str(piece);
            origin.extend(std::iter::repeat_n(i, piece.len()));
        });
        Folded { text, origin, len: original.len() }
    }

    /// Byte ranges of the original text where any needle of the query occurs.
    pub fn hits(&self, query: &Query) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for n in &query.needles {
            let mut from = 0;
            while let Some(at) = self.text[from..].find(n.as_str()) {
                let s = from + at;
                let e = s + n.len();
                let os = self.origin[s];
                let oe = self.origin.get(e).copied().unwrap_or(self.len);
                out.push((os, oe.max(os + 1).min(self.len)));
                from = e;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases() {
        let q = Query::parse("Peace \"Talks  begin\" now");
        assert_eq!(q.needles, ["peace", "talks begin", "now"]);
        assert!(q.matches(&Folded::new("Now the peace talks\nbegin.").text));
        assert!(!q.matches(&Folded::new("Peace now, talks later").text));
    }

    #[test]
    fn accents_and_case_fold() {
        let q = Query::parse("zelensky CAFE");
        assert!(q.matches(&Folded::new("Zelénsky at the café").text));
    }

    #[test]
    fn hits_map_back_to_the_original() {
        let t = "A café in Kyïv, the CAFÉ.";
        let f = Folded::new(t);
        let hits = f.hits(&Query::parse("cafe"));
        let found: Vec<&str> = hits.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, ["café", "CAFÉ"]);
    }

    #[test]
    fn folding_for_search_matches_query_folding() {
        let mut out = String::new();
        fold_into(&mut out, "Straße  ÉLAN\n\t Œuvre");
        assert_eq!(out, "strasse elan oeuvre");
        assert!(Query::parse("\"elan oeuvre\" STRASSE").matches(&out));
    }

    #[test]
    fn unclosed_phrase_is_words() {
        assert_eq!(Query::parse("\"open phrase").needles, ["open", "phrase"]);
    }
}
