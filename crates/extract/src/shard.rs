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

/// An article for a page that already holds its file (a worker's answer): the
/// text, most of an article, left out.
pub fn encode_without_text(mut article: Article) -> Vec<u8> {
    article.text = String::new();
    // Plain data with no skipped fields always encodes; empty bytes would be refused by the reader.
    postcard::to_allocvec(&article).unwrap_or_default()
}

/// The article of [`encode_without_text`]'s bytes, its text decoded again from the file's bytes.
pub fn decode_without_text(bytes: &[u8], file: &[u8]) -> Result<Article, postcard::Error> {
    let mut article: Article = postcard::from_bytes(bytes)?;
    article.text = crate::decode::decode(file).text;
    Ok(article)
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

    /// What a worker sends is what the page would have extracted itself.
    #[test]
    fn an_article_without_its_text_reads_back_whole() {
        let odd = b"\xef\xbb\xbftitle: T\r\n\r\n\xff \xe2\x80\x9cHalf a quote, said nobody.".to_vec();
        let files = crate::synthetic::corpus(40, 7).into_iter().map(|(name, text)| (name, text.into_bytes()));
        for (name, file) in files.chain([("odd.txt".to_string(), odd)]) {
            let article = crate::extract(&name, &file);
            let sent = super::encode_without_text(article.clone());
            assert_eq!(super::decode_without_text(&sent, &file).unwrap(), article);
            assert!(super::decode_without_text(&sent[..sent.len() / 2], &file).is_err(), "a cut answer is an error");
        }
    }
}
