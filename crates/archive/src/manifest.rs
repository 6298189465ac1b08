//! `index.json` of a format 3 index: what a reader fetches first. JSON, so that a page tells an
//! index from a manifest of files or a corpus by looking, and says which format it is; small,
//! since the directory of the other chunks is in the table.

use super::chunk::{ChunkRef, Kind};
use broadsheet_extract::json::{self, Json};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub articles: u64,
    pub quotes: u64,
    /// The index has the articles' texts (it was not built with `--no-text`).
    pub texts: bool,
    /// The table, keys as extraction gave them: what `merge` reads.
    pub table: ChunkRef,
    pub dictionary: ChunkRef,
    /// What a page reads: per article, then per quote, keys linked (`table::ArticleFacts`,
    /// `table::QuoteFacts`).
    pub article_facts: ChunkRef,
    pub quote_facts: ChunkRef,
    /// For a partial index (`index --part K/N`): K and N.
    pub part: Option<(u32, u32)>,
}

fn chunk_json(kind: Kind, c: &ChunkRef) -> serde_json::Value {
    serde_json::json!({ "file": c.file_name(kind), "bytes": c.bytes, "payload": c.payload, "hash": format!("{:016x}", c.hash) })
}

impl Manifest {
    pub fn to_json(&self) -> String {
        let mut value = serde_json::json!({
            "broadsheet_index": super::FORMAT,
            "articles": self.articles,
            "quotes": self.quotes,
            "texts": self.texts,
            "table": chunk_json(Kind::Table, &self.table),
            "dictionary": chunk_json(Kind::Dictionary, &self.dictionary),
            "article_facts": chunk_json(Kind::ArticleFacts, &self.article_facts),
            "quote_facts": chunk_json(Kind::QuoteFacts, &self.quote_facts),
        });
        if let Some((k, n)) = self.part {
            value["part"] = serde_json::json!({ "k": k, "n": n });
        }
        serde_json::to_string_pretty(&value).unwrap_or_default()
    }

    /// Reads `index.json`, or says why it is not the manifest of a format 3 index.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let value = json::parse(text).map_err(|e| format!("it is not JSON: {e}"))?;
        let format = value.get("broadsheet_index").and_then(Json::as_u64).ok_or("it has no format number")?;
        if format != u64::from(super::FORMAT) {
            return Err(format!("it is an index in format {format}, not {}", super::FORMAT));
        }
        let count = |field: &str| value.get(field).and_then(Json::as_u64).ok_or_else(|| format!("its \"{field}\" is not a count"));
        let chunk = |field: &str| -> Result<ChunkRef, String> {
            let c = value.get(field).ok_or_else(|| format!("it has no \"{field}\""))?;
            let number = |name: &str| c.get(name).and_then(Json::as_u64).ok_or_else(|| format!("its {field}'s \"{name}\" is not a count"));
            let hash = c.get("hash").and_then(Json::as_str).filter(|h| h.len() == 16).and_then(|h| u64::from_str_radix(h, 16).ok());
            Ok(ChunkRef {
                hash: hash.ok_or_else(|| format!("its {field}'s \"hash\" is not 16 hex digits"))?,
                bytes: number("bytes")?,
                payload: number("payload")?,
            })
        };
        if value.get("article_facts").is_none() && value.get("table").is_some() {
            return Err("it was written by an older broadsheet-extract (it has no \"article_facts\"): rebuild it with this version".to_string());
        }
        let texts = match value.get("texts") {
            Some(Json::Bool(b)) => *b,
            _ => return Err("its \"texts\" is not true or false".to_string()),
        };
        let part = match value.get("part") {
            None | Some(Json::Null) => None,
            Some(p) => {
                let n = |name: &str| p.get(name).and_then(Json::as_u64).and_then(|n| u32::try_from(n).ok());
                match (n("k"), n("n")) {
                    (Some(k), Some(n)) if 1 <= k && k <= n => Some((k, n)),
                    _ => return Err("its \"part\" is not {\"k\", \"n\"} with 1 ≤ k ≤ n".to_string()),
                }
            }
        };
        Ok(Manifest {
            articles: count("articles")?,
            quotes: count("quotes")?,
            texts,
            table: chunk("table")?,
            dictionary: chunk("dictionary")?,
            article_facts: chunk("article_facts")?,
            quote_facts: chunk("quote_facts")?,
            part,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_and_says_what_is_wrong() {
        let m = Manifest {
            articles: 3,
            quotes: 7,
            texts: false,
            table: ChunkRef { hash: u64::MAX, bytes: 10, payload: 30 },
            dictionary: ChunkRef { hash: 1, bytes: 2, payload: 3 },
            article_facts: ChunkRef { hash: 4, bytes: 5, payload: 6 },
            quote_facts: ChunkRef { hash: 7, bytes: 8, payload: 9 },
            part: Some((2, 5)),
        };
        let text = m.to_json();
        assert!(text.contains("\"file\": \"table-ffffffffffffffff.bin\""), "{text}");
        assert!(text.contains("\"file\": \"quote-facts-0000000000000007.bin\""), "{text}");
        assert_eq!(Manifest::parse(&text), Ok(m));
        assert_eq!(Manifest::parse(r#"{"broadsheet_index": 2, "shards": []}"#), Err("it is an index in format 2, not 3".to_string()));
        let older = r#"{"broadsheet_index": 3, "articles": 1, "quotes": 0, "texts": true, "table": {}, "dictionary": {}}"#;
        assert!(Manifest::parse(older).unwrap_err().contains("older broadsheet-extract"));
        let broken = text.replace("\"ffffffffffffffff\"", "\"xyz\"");
        assert_eq!(Manifest::parse(&broken), Err("its table's \"hash\" is not 16 hex digits".to_string()));
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_a_manifest_or_a_reason(text in "\\PC{0,200}") {
            let _ = Manifest::parse(&text);
        }
    }
}
