//! Text as scrapers deliver it, repaired before extraction.
//!
//! A page whose UTF-8 bytes were read as Windows-1252 (or Latin-1) and written out again shows
//! "â€™" for "’", "â€œ" for "“", "Ã©" for "é"; read that way twice, "Ã¢â‚¬â„¢". Left as it is,
//! its quotation marks are no quotation marks and its names are cut at the first such letter
//! ("Putinâ"). Each such run of characters is mapped back to the bytes it was made from and, when
//! those are valid UTF-8, replaced by what they say. The commonest loss is kept too: the closing
//! mark "”" ends in a byte Windows-1252 has no character for, so it often arrives as a bare "â€".
//!
//! The repaired text is what extraction reads; [`SourceMap`] takes its byte offsets back to the
//! text as it came, for callers that report offsets into their own input.

/// Where the repaired text's bytes came from: a byte offset into the repaired text to one into
/// the text as it came.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// (offset in the repaired text, offset in the original) at the start and the end of every
    /// repair, in order; between two of them the texts are the same.
    breaks: Vec<(usize, usize)>,
}

impl SourceMap {
    /// The offset in the original text of `pos`, an offset in the repaired one.
    pub fn to_source(&self, pos: usize) -> usize {
        let i = self.breaks.partition_point(|&(repaired, _)| repaired <= pos);
        match i.checked_sub(1) {
            Some(i) => self.breaks[i].1 + (pos - self.breaks[i].0),
            None => pos,
        }
    }

    /// `self` (from an intermediate text to the original) after `later` (from the final text to
    /// the intermediate one): a map from the final text to the original.
    fn after(&self, later: &SourceMap) -> SourceMap {
        let mut breaks: Vec<(usize, usize)> = later.breaks.iter().map(|&(fin, mid)| (fin, self.to_source(mid))).collect();
        // The earlier repairs' breaks, where the later text has them.
        let later_inverse = |mid: usize| {
            let i = later.breaks.partition_point(|&(_, m)| m <= mid);
            match i.checked_sub(1) {
                Some(i) => later.breaks[i].0 + (mid - later.breaks[i].1),
                None => mid,
            }
        };
        breaks.extend(self.breaks.iter().map(|&(mid, orig)| (later_inverse(mid), orig)));
        breaks.sort_unstable();
        breaks.dedup_by_key(|b| b.0);
        SourceMap { breaks }
    }
}

/// A text with its mis-decodings repaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired {
    pub text: String,
    /// How many characters were repaired.
    pub count: usize,
    pub map: SourceMap,
}

/// The byte Windows-1252 shows as `c`, for the characters a mis-decoding leaves (Latin-1 for the
/// rest of the first 256, and the controls Latin-1 gives the bytes Windows-1252 leaves empty).
fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{0}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// How many bytes a UTF-8 sequence that starts with `lead` has (only leads of two to four).
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// Repairs `text`, or `None` when it holds nothing to repair (as nearly every text does: every
/// mis-decoded sequence starts with a character whose UTF-8 starts with byte C3 or C2, which
/// are found without decoding).
pub fn mojibake(text: &str) -> Option<Repaired> {
    let mut current: Option<Repaired> = None;
    // Text mis-decoded twice is repaired in two rounds; a third never changes anything real.
    for round in 0..3 {
        let input = current.as_ref().map_or(text, |r| r.text.as_str());
        // A text read wrongly twice still shows the marks of it after one repair; without them, a
        // second round would take correct letters for a sequence ("ñ…" is no four-byte character).
        if round > 0 && !still_misread(input) {
            break;
        }
        let Some((fixed, count, map)) = one_round(input) else { break };
        current = Some(match current {
            None => Repaired { text: fixed, count, map },
            Some(earlier) => Repaired { text: fixed, count: earlier.count + count, map: earlier.map.after(&map) },
        });
    }
    current
}

/// "Ã" or "Â" before a character that continues a sequence, or "â€": what a text read wrongly
/// shows, and correct text almost never does.
fn still_misread(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let continues = next.and_then(cp1252_byte).is_some_and(|b| (0x80..=0xBF).contains(&b));
        if matches!(c, 'Ã' | 'Â') && continues || c == 'â' && next == Some('€') {
            return true;
        }
    }
    false
}

/// Characters a repair may give: letters and signs of the scripts news is written in, not the
/// rarely used planes that a chance sequence of accented letters would decode to.
fn plausible(c: char) -> bool {
    let c = c as u32;
    (0x80..0x3000).contains(&c) || (0x3000..0xA000).contains(&c) || (0xAC00..0xD7B0).contains(&c) || (0x1F300..0x1FB00).contains(&c)
}

/// One round of repairs: the text, how many characters it repaired, and its map.
fn one_round(text: &str) -> Option<(String, usize, SourceMap)> {
    let bytes = text.as_bytes();
    // A lead character is U+00C2..U+00F4: UTF-8 C3 82..C3 B4 (and C2 for none of them).
    memchr::memchr(0xC3, bytes)?;
    let mut out = String::new();
    let mut map = SourceMap::default();
    let mut count = 0;
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = memchr::memchr(0xC3, &bytes[i..]).map(|k| i + k) {
        i = at + 1;
        let Some((repaired, consumed)) = repair_at(&text[at..]) else { continue };
        out.push_str(&text[copied..at]);
        map.breaks.push((out.len(), at));
        out.push_str(&repaired);
        map.breaks.push((out.len(), at + consumed));
        copied = at + consumed;
        i = copied;
        count += repaired.chars().count();
    }
    if count == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some((out, count, map))
}

/// The characters that the mis-decoded run at the start of `s` stood for, and how many bytes of
/// `s` it takes: one or more whole UTF-8 sequences, each of two to four characters.
fn repair_at(s: &str) -> Option<(String, usize)> {
    let mut repaired = String::new();
    let mut consumed = 0;
    let mut chars = s.char_indices().peekable();
    while let Some(&(start, lead)) = chars.peek() {
        let Some(len) = cp1252_byte(lead).and_then(sequence_len) else { break };
        let mut seq = [0u8; 4];
        seq[0] = cp1252_byte(lead)?;
        let mut ahead = chars.clone();
        ahead.next();
        let mut got = 1;
        let mut end = start + lead.len_utf8();
        while got < len {
            match ahead.peek().and_then(|&(_, c)| cp1252_byte(c).map(|b| (c, b))) {
                Some((c, b @ 0x80..=0xBF)) => {
                    seq[got] = b;
                    got += 1;
                    end += c.len_utf8();
                    ahead.next();
                }
                _ => break,
            }
        }
        // "â€" then nothing: a closing mark whose last byte (9D) has no character to show.
        if got == 2 && len == 3 && seq[..2] == [0xE2, 0x80] {
            seq[2] = 0x9D;
            got = 3;
        }
        let decoded = (got == len).then(|| std::str::from_utf8(&seq[..len]).ok()).flatten();
        // Only characters beyond Latin-1's first half: "Ã©" is "é", but "Ã" before a letter is a letter.
        let Some(decoded) = decoded.filter(|d| d.chars().all(plausible)) else { break };
        repaired.push_str(decoded);
        consumed = end;
        chars = ahead;
    }
    (consumed > 0).then_some((repaired, consumed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `s` as a page that read its UTF-8 as Windows-1252 shows it: every byte as its character,
    /// the bytes Windows-1252 has none for as Latin-1's controls.
    fn misread(s: &str) -> String {
        let shown = |b: u8| (0x100u32..0x2200).filter_map(char::from_u32).find(|&c| cp1252_byte(c) == Some(b)).unwrap_or(char::from(b));
        s.bytes().map(shown).collect()
    }

    #[test]
    fn quotes_apostrophes_dashes_and_accents_come_back() {
        let page = "â€œWe will winâ€™s prize,â€\u{9d} said RenÃ©e â€” and Putinâ€™s aide.";
        let r = mojibake(page).expect("repairs");
        assert_eq!(r.text, "“We will win’s prize,” said Renée — and Putin’s aide.");
        assert_eq!(r.count, 6);
        // A closing mark that lost its last byte.
        assert_eq!(mojibake("â€œYes,â€ she said.").expect("repairs").text, "“Yes,” she said.");
        // Twice mis-decoded.
        assert_eq!(mojibake(&misread(&misread("Basáñez’s"))).expect("repairs").text, "Basáñez’s");
    }

    #[test]
    fn correct_text_is_left_alone() {
        for s in ["“Renée,” she said — à bientôt, Ã", "Plain ASCII.", "Ãx and Ã rner", "naïve café São Paulo Øresund"] {
            assert_eq!(mojibake(s), None, "{s}");
        }
    }

    #[test]
    fn offsets_map_back_to_the_page() {
        let page = "Xâ€œYes,â€ Ã© Z";
        let r = mojibake(page).expect("repairs");
        assert_eq!(r.text, "X“Yes,” é Z");
        for (word, source) in [("X", "X"), ("Yes", "Yes"), ("Z", "Z"), ("é", "Ã©"), ("“", "â€œ")] {
            let at = r.text.find(word).expect("in the repaired text");
            let from = r.map.to_source(at);
            let to = r.map.to_source(at + word.len());
            assert_eq!(&page[from..to], source);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_misread_text_comes_back_whole(s in "[a-zA-Z ,.éüñøÅßœ€“”‘’—–…«»]{0,40}") {
            let page = misread(&s);
            let got = mojibake(&page).map_or(page.clone(), |r| r.text);
            proptest::prop_assert_eq!(got, s);
        }

        #[test]
        fn any_text_repairs_to_char_boundaries(s in "\\PC{0,60}") {
            if let Some(r) = mojibake(&s) {
                for (at, _) in r.text.char_indices().chain([(r.text.len(), ' ')]) {
                    proptest::prop_assert!(s.is_char_boundary(r.map.to_source(at)));
                }
            }
        }
    }
}
