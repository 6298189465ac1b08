//! The shards of a pre-extracted index: what `broadsheet-extract index` writes
//! and the app reads, so both sides share one format and its version.

use crate::Article;

/// The version of the index layout (`index.json` and its shards); a reader
/// refuses versions it does not know. Version 2: shards in postcard's binary form.
pub const INDEX_FORMAT: u32 = 2;

/// A shard's bytes: its articles, text included, in postcard's binary form —
/// a browser reads that back several times faster than JSON, at about 40 % of its size.
pub fn encode(articles: &[Article]) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(articles)
}

/// The articles of a shard's bytes.
pub fn decode(bytes: &[u8]) -> Result<Vec<Article>, postcard::Error> {
    postcard::from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_shard_reads_back_as_written() {
        let articles = vec![crate::extract("a.txt", "Title\n\n“Yes,” Anna Berg said.".as_bytes())];
        let bytes = super::encode(&articles).unwrap();
        assert_eq!(super::decode(&bytes).unwrap(), articles);
        assert!(super::decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
