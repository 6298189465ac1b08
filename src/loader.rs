//! The reader's own corpus: what a fetched or dropped file holds, decided by
//! plain functions so every error message is tested on the host.
//!
//! A corpus is a single `.txt` article, a JSONL file of
//! `{"id", "title"?, "date"?, "text"}` lines, or a `manifest.json` listing
//! article files relative to it. Nothing leaves the reader's machine.

use broadsheet_archive::manifest::Manifest;
use broadsheet_extract::json::{self, Json};
use broadsheet_extract::jsonl;
use broadsheet_extract::shard::INDEX_FORMAT;

/// Largest corpus loaded in the browser, in bytes (texts added up).
pub const MAX_CORPUS_BYTES: usize = 50 * 1024 * 1024;

/// Largest pre-extracted index loaded in the browser, in bytes of shards
/// (about 59,000 news articles; 50,000 were measured: see BENCHMARKS.md).
pub const MAX_INDEX_BYTES: usize = 300 * 1024 * 1024;

/// One article to extract: its id, its bytes, and the title and date a JSONL
/// line gives beside its text (passed to extraction as data).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ArticleFile {
    pub id: String,
    pub bytes: Vec<u8>,
    pub title: Option<String>,
    pub date: Option<String>,
}

impl ArticleFile {
    /// A `.txt` file: its id is its name without the extension.
    pub fn text_file(name: &str, bytes: Vec<u8>) -> ArticleFile {
        ArticleFile { id: broadsheet_extract::id_from_file_name(name), bytes, ..ArticleFile::default() }
    }
}

/// One shard of a pre-extracted index: its articles, in postcard's binary form.
#[derive(Clone, Debug, PartialEq)]
pub struct ShardRef {
    pub url: String,
    pub articles: usize,
    pub bytes: usize,
    /// The ids of its articles (indexes written before they were listed have none).
    pub ids: Vec<String>,
}

/// What a fetched body turned out to be.
#[derive(Debug, PartialEq)]
pub enum Parsed {
    Articles(Vec<ArticleFile>, Vec<String>),
    /// A manifest: the article files it lists, as written (relative to it, or absolute).
    Manifest(Vec<String>),
    /// A pre-extracted index: the shards to fetch, their URLs as written (relative to it, or absolute).
    Index(Vec<ShardRef>),
    /// An index in format 3: its manifest (its chunks are beside it).
    Archive(Manifest),
}

/// The article files a manifest lists: `["a.txt", …]` or `{"files": ["a.txt", …]}`.
fn manifest_files(manifest: &Json) -> Result<Vec<String>, String> {
    let list = manifest.get("files").unwrap_or(manifest);
    let items = list.as_array().ok_or_else(|| format!("it is {}, with no list of files", list.kind()))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| item.as_str().map(str::to_string).ok_or_else(|| format!("file {} is {}, not a name", i + 1, item.kind())))
        .collect()
}

/// A shard as `index.json` lists it: `{"url", "articles", "bytes", "ids"?}`.
fn shard_ref(shard: &Json) -> Result<ShardRef, String> {
    let count = |field: &str| -> Result<usize, String> {
        let value = shard.get(field).ok_or_else(|| format!("a shard has no \"{field}\""))?;
        value.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or_else(|| format!("a shard's \"{field}\" is {}, not a count", value.kind()))
    };
    let url = shard.get("url").and_then(Json::as_str).ok_or("a shard has no \"url\"")?.to_string();
    let ids = match shard.get("ids") {
        None => Vec::new(),
        Some(ids) => ids
            .as_array()
            .and_then(|ids| ids.iter().map(|id| id.as_str().map(str::to_string)).collect::<Option<Vec<_>>>())
            .ok_or("a shard's \"ids\" is not a list of names")?,
    };
    Ok(ShardRef { url, articles: count("articles")?, bytes: count("bytes")?, ids })
}

/// `n` bytes in MB with one decimal, rounded to the nearest tenth (integer arithmetic
/// keeps float formatting out of the wasm).
fn megabytes(n: usize) -> String {
    let tenths = (n as u64 * 10 + (1 << 19)) >> 20;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

pub fn too_big(total: usize) -> Option<String> {
    (total > MAX_CORPUS_BYTES).then(|| {
        format!(
            "This corpus is {}; Broadsheet reads at most {} in the browser. Pre-process it with broadsheet-extract instead.",
            megabytes(total),
            megabytes(MAX_CORPUS_BYTES)
        )
    })
}

/// The last path segment of a URL or file path, without query or fragment.
pub fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/').find(|s| !s.is_empty()).unwrap_or(path)
}

/// Whether this page may read a corpus at `url` (already resolved): from its
/// own site, from any https site, and over plain http only from this machine.
/// That is what the page's Content-Security-Policy lets it fetch (`connect-src`
/// in index.html); a link elsewhere is refused with the reason rather than
/// failing as an unreachable server.
pub fn reachable(url: &str, protocol: &str, hostname: &str, same_origin: bool) -> Result<(), String> {
    // A Content-Security-Policy cannot name an IPv6 address, so [::1] is not among them.
    let loopback = matches!(hostname, "localhost" | "127.0.0.1");
    if same_origin || protocol == "https:" || (protocol == "http:" && loopback) {
        return Ok(());
    }
    Err(format!(
        "{url} is not served over https, so this page may not read it: Broadsheet reads corpora from https sites, \
         from its own site, and over http only from this machine (localhost, 127.0.0.1)."
    ))
}

/// What to link to instead, said after every refusal of a file's kind.
const WHAT_TO_LINK: &str = "Link to a .txt article, a .jsonl file or a manifest.json.";

/// How much of a file's beginning is read for control characters: enough to
/// tell what kind of file it is, little enough to cost nothing on a corpus of
/// many megabytes (or on each of its JSONL lines).
const SNIFFED: usize = 1024;

/// Why `bytes` cannot be text, if they cannot: a NUL byte anywhere (binary
/// files have them, and so does UTF-16 text), or control characters (other than
/// tab, line and page breaks) in more than a quarter of its beginning — text
/// has next to none, and a quarter is far past any text and short of what
/// binary data holds.
pub fn not_text(bytes: &[u8]) -> Option<String> {
    if bytes.contains(&0) {
        return Some("it holds NUL bytes, as binary files (and text saved as UTF-16) do".to_string());
    }
    let head = &bytes[..bytes.len().min(SNIFFED)];
    let control = head.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')) || b == 0x7f).count();
    let of = if head.len() < bytes.len() { "its first kilobyte" } else { "it" };
    (control * 4 > head.len()).then(|| format!("{} % of {of} is control characters", control * 100 / head.len()))
}

/// Whether a response of this content type (lowercase, without parameters)
/// can hold a corpus: text, JSON or JSON lines. No type at all is judged by the bytes.
fn is_text_type(ct: &str) -> bool {
    ct.is_empty()
        || ct.starts_with("text/")
        || ct == "application/json"
        || ct.ends_with("+json")
        || ["jsonl", "ndjson", "json-seq", "jsonlines"].iter().any(|t| ct.contains(t))
}

/// Reads a fetched body. `content_type` is the response's header, if any.
pub fn parse(url: &str, content_type: Option<&str>, body: &[u8]) -> Result<Parsed, String> {
    if let Some(msg) = too_big(body.len()) {
        return Err(msg);
    }
    let name = file_name(url);
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ct.starts_with("text/html") && !name.ends_with(".txt") {
        return Err(format!("{url} sent a web page (text/html), not a corpus. {WHAT_TO_LINK}"));
    }
    let essence = ct.split(';').next().unwrap_or("").trim();
    // A server that does not know a file's type calls it `application/octet-stream`: a file
    // named as a corpus is then judged by its bytes.
    let unknown_type_of_a_corpus = essence == "application/octet-stream" && [".txt", ".jsonl", ".json"].iter().any(|ext| name.ends_with(ext));
    if !(is_text_type(essence) || unknown_type_of_a_corpus) {
        return Err(format!("{url} is {essence}, not text. {WHAT_TO_LINK}"));
    }
    if let Some(why) = not_text(body) {
        return Err(format!("{url} is not text: {why}. {WHAT_TO_LINK}"));
    }
    if name.ends_with(".json") || ct.starts_with("application/json") {
        let text = std::str::from_utf8(body).map_err(|_| format!("{name} is not valid UTF-8, so it cannot be a manifest."))?;
        if text.contains("\"broadsheet_index\"") {
            return parse_index(url, text);
        }
        let files = json::parse(text)
            .map_err(|e| e.to_string())
            .and_then(|manifest| manifest_files(&manifest))
            .map_err(|e| format!("{name} is not a manifest (a JSON list of article files, or {{\"files\": [...]}}): {e}"))?;
        if files.is_empty() {
            return Err(format!("{name} lists no article files."));
        }
        return Ok(Parsed::Manifest(files));
    }
    if name.ends_with(".jsonl") || ct.contains("jsonl") || ct.contains("ndjson") {
        return parse_jsonl(body).map(|(a, w)| Parsed::Articles(a, w));
    }
    Ok(Parsed::Articles(vec![ArticleFile::text_file(name, body.to_vec())], Vec::new()))
}

fn parse_index(url: &str, text: &str) -> Result<Parsed, String> {
    let name = file_name(url);
    let not_an_index = |e: String| format!("{name} is not a Broadsheet index: {e}");
    let index = json::parse(text).map_err(|e| not_an_index(e.to_string()))?;
    let format = index.get("broadsheet_index").and_then(Json::as_u64).ok_or_else(|| not_an_index("it has no format number".to_string()))?;
    if format == u64::from(broadsheet_archive::FORMAT) {
        return Manifest::parse(text).map(Parsed::Archive).map_err(not_an_index);
    }
    if format != u64::from(INDEX_FORMAT) {
        return Err(format!(
            "{name} is a Broadsheet index in format {format}; this page reads formats {INDEX_FORMAT} and {}. Rebuild it with this version of broadsheet-extract.",
            broadsheet_archive::FORMAT
        ));
    }
    let shards = index.get("shards").and_then(Json::as_array).ok_or_else(|| not_an_index("it has no list of shards".to_string()))?;
    let shards = shards.iter().map(shard_ref).collect::<Result<Vec<_>, _>>().map_err(not_an_index)?;
    if shards.is_empty() {
        return Err(format!("{name} lists no shards."));
    }
    let total: usize = shards.iter().map(|s| s.bytes).sum();
    if total > MAX_INDEX_BYTES {
        return Err(format!(
            "This index is {}; Broadsheet loads at most {} of index in the browser. Split the corpus into several indexes.",
            megabytes(total),
            megabytes(MAX_INDEX_BYTES)
        ));
    }
    Ok(Parsed::Index(shards))
}

/// The articles of one fetched shard.
pub fn parse_shard(url: &str, body: &[u8]) -> Result<Vec<broadsheet_extract::Article>, String> {
    // Postcard's reasons speak of its own internals; what matters here is that the file is not a shard.
    broadsheet_extract::shard::decode(body)
        .map_err(|_| format!("{} is not a shard of this index: it is cut short, damaged, or from another version", file_name(url)))
}

/// JSONL lines to article files; bad lines are reported and skipped.
pub fn parse_jsonl(body: &[u8]) -> Result<(Vec<ArticleFile>, Vec<String>), String> {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in jsonl::read(&String::from_utf8_lossy(body)) {
        match line {
            Ok(line) => match not_text(line.text.as_bytes()) {
                None => articles.push(ArticleFile { id: line.id, bytes: line.text.into_bytes(), title: line.title, date: line.date }),
                Some(why) => problems.push(format!("line {n}: its \"text\" is not text ({why})")),
            },
            Err(e) => problems.push(jsonl::problem(n, &e)),
        }
    }
    if articles.is_empty() {
        return Err(match problems.first() {
            Some(p) => format!("No article could be read from this JSONL file; {p}."),
            None => "This JSONL file is empty.".to_string(),
        });
    }
    if problems.len() > 3 {
        let more = problems.len() - 3;
        problems.truncate(3);
        problems.push(format!("and {more} more lines were skipped"));
    }
    Ok((articles, problems))
}

/// Why a file the reader picked or dropped is not read at all: only `.txt` and `.jsonl` files are.
pub fn not_a_corpus_file(name: &str) -> Option<String> {
    (!(name.ends_with(".txt") || name.ends_with(".jsonl"))).then(|| format!("{name} was skipped: only .txt and .jsonl files are read"))
}

/// The articles of a file the reader picked or dropped, and the problems met
/// in it; or why none could be read from it.
pub fn local_file(name: &str, bytes: Vec<u8>) -> Result<(Vec<ArticleFile>, Vec<String>), String> {
    if let Some(why) = not_text(&bytes) {
        return Err(format!("{name} was skipped: it is not text ({why})"));
    }
    if name.ends_with(".jsonl") {
        let (articles, problems) = parse_jsonl(&bytes).map_err(|e| format!("{name}: {e}"))?;
        return Ok((articles, problems.into_iter().map(|p| format!("{name}: {p}")).collect()));
    }
    Ok((vec![ArticleFile::text_file(name, bytes)], Vec::new()))
}

/// The message for an HTTP status that is not a success.
pub fn status_error(url: &str, status: u16, status_text: &str) -> String {
    match status {
        404 => format!("{url} was not found (404). Check the link."),
        401 | 403 => format!("{url} refused access ({status} {status_text})."),
        _ => format!("{url} answered {status} {status_text}."),
    }
}

/// The message for a fetch that failed before any answer: offline, or a CORS refusal.
pub fn network_error(url: &str) -> String {
    format!(
        "The browser could not read {url}: the server is unreachable, or it does not allow other sites to read it \
         (CORS: it must send Access-Control-Allow-Origin)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a worker makes of `file`.
    fn extracted(file: &ArticleFile) -> broadsheet_extract::Article {
        let given = broadsheet_extract::Given { title: file.title.as_deref(), date: file.date.as_deref() };
        broadsheet_extract::extract_given(&file.id, &file.bytes, given)
    }

    #[test]
    fn an_index_lists_the_ids_of_its_shards() {
        let body = br#"{"broadsheet_index": 2, "shards": [{"url": "s.bin", "articles": 1, "bytes": 2, "ids": ["x"]}]}"#;
        match parse("i/index.json", None, body) {
            Ok(Parsed::Index(read)) => assert_eq!(read[0].ids, ["x"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sizes_are_in_megabytes_to_a_tenth() {
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(1_572_864), "1.5 MB");
        assert_eq!(megabytes(1_048_576 * 3 - 1), "3.0 MB");
        assert_eq!(megabytes(1_100_000), "1.0 MB");
    }

    #[test]
    fn a_text_file_is_one_article() {
        let got = parse("https://x.org/c/a.txt", Some("text/plain"), b"Title\n\nBody.").unwrap();
        assert_eq!(got, Parsed::Articles(vec![ArticleFile::text_file("a.txt", b"Title\n\nBody.".to_vec())], vec![]));
        assert_eq!(ArticleFile::text_file("dir/x.y.txt", Vec::new()).id, "x.y");
    }

    #[test]
    fn a_manifest_lists_its_files_as_written() {
        let got = parse("https://x.org/c/manifest.json?v=2", None, br#"{"files": ["a.txt", "sub/b.txt", "https://y.org/c.txt"]}"#).unwrap();
        assert_eq!(got, Parsed::Manifest(vec!["a.txt".into(), "sub/b.txt".into(), "https://y.org/c.txt".into()]));
        assert!(parse("https://x.org/m.json", None, b"[]").unwrap_err().contains("no article"));
        assert!(parse("https://x.org/m.json", None, b"{oops").unwrap_err().contains("not a manifest"));
        assert!(parse("https://x.org/m.json", None, br#"{"files": "a.txt"}"#).unwrap_err().contains("a string, with no list of files"));
        assert!(parse("https://x.org/m.json", None, br#"["a.txt", 2]"#).unwrap_err().contains("file 2 is a number"));
    }

    #[test]
    fn corpora_are_read_from_https_the_own_site_and_this_machine_only() {
        assert!(reachable("https://news.example/c.jsonl", "https:", "news.example", false).is_ok());
        assert!(reachable("http://127.0.0.1:8000/c.jsonl", "http:", "127.0.0.1", false).is_ok());
        assert!(reachable("http://localhost/c.jsonl", "http:", "localhost", false).is_ok());
        assert!(reachable("http://[::1]:9/c.jsonl", "http:", "[::1]", false).is_err());
        assert!(reachable("http://intranet/c.jsonl", "http:", "intranet", true).is_ok(), "the page's own site");
        let refused = reachable("http://news.example/c.jsonl", "http:", "news.example", false).unwrap_err();
        assert!(refused.starts_with("http://news.example/c.jsonl is not served over https"), "{refused}");
    }

    #[test]
    fn an_index_lists_its_shards_and_checks_its_format() {
        let body = br#"{"broadsheet_index": 2, "articles": 3, "quotes": 0, "shards": [{"url": "shard-00000.bin", "articles": 3, "bytes": 10}]}"#;
        let got = parse("https://x.org/big/index.json", Some("application/json"), body).unwrap();
        assert_eq!(got, Parsed::Index(vec![ShardRef { url: "shard-00000.bin".into(), articles: 3, bytes: 10, ids: Vec::new() }]));
        for other in ["1", "4"] {
            let body = format!(r#"{{"broadsheet_index": {other}, "shards": []}}"#);
            let error = parse("i/index.json", None, body.as_bytes()).unwrap_err();
            assert!(error.contains(&format!("format {other}; this page reads formats 2 and 3")), "{error}");
        }
        // Format 3: its manifest, checked by the extractor's reader.
        let manifest = Manifest {
            articles: 1,
            quotes: 0,
            texts: true,
            table: Default::default(),
            dictionary: Default::default(),
            article_facts: Default::default(),
            quote_facts: Default::default(),
            part: None,
        };
        assert_eq!(parse("i/index.json", None, manifest.to_json().as_bytes()), Ok(Parsed::Archive(manifest)));
        let broken = r#"{"broadsheet_index": 3, "articles": 1}"#;
        let error = parse("i/index.json", None, broken.as_bytes()).unwrap_err();
        assert!(error.contains("not a Broadsheet index") && error.contains("\"texts\" is not true or false"), "{error}");
        let huge = format!(r#"{{"broadsheet_index": 2, "shards": [{{"url": "s.bin", "articles": 1, "bytes": {}}}]}}"#, MAX_INDEX_BYTES + 1);
        assert!(parse("i/index.json", None, huge.as_bytes()).unwrap_err().contains("at most 300.0 MB"));
        for (shards, says) in [
            (r#"[{"articles": 1, "bytes": 2}]"#, "a shard has no \"url\""),
            (r#"[{"url": "s.bin", "articles": -1, "bytes": 2}]"#, "\"articles\" is a number, not a count"),
            (r#"[{"url": "s.bin", "articles": 1, "bytes": 2, "ids": [3]}]"#, "\"ids\" is not a list of names"),
            (r#"{}"#, "no list of shards"),
        ] {
            let body = format!(r#"{{"broadsheet_index": 2, "shards": {shards}}}"#);
            let error = parse("i/index.json", None, body.as_bytes()).unwrap_err();
            assert!(error.contains("not a Broadsheet index") && error.contains(says), "{error}");
        }
        let article = broadsheet_extract::extract("a.txt", b"Title\n\nBody.");
        let shard = broadsheet_extract::shard::encode(std::slice::from_ref(&article)).unwrap();
        assert_eq!(parse_shard("s.bin", &shard).unwrap(), vec![article]);
        assert!(parse_shard("s.bin", &shard[..shard.len() - 3]).unwrap_err().contains("not a shard"));
        assert!(parse_shard("s.bin", b"[]").unwrap_err().contains("not a shard"), "JSON shards of format 1 are refused");
    }

    #[test]
    fn jsonl_keeps_good_lines_and_reports_bad_ones() {
        let body = b"{\"id\": 1, \"title\": \"T\", \"date\": \"2020-02-02\", \"text\": \"Body.\"}\nnot json\n\n{\"id\": \"b\", \"text\": \"x\"}\n";
        let Parsed::Articles(a, problems) = parse("c.jsonl", None, body).unwrap() else { panic!("articles") };
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].id, "1");
        let article = extracted(&a[0]);
        assert_eq!(article.title.text, "T");
        assert_eq!(article.date.iso.as_deref(), Some("2020-02-02"));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("line 2"));
        assert!(parse_jsonl(b"nope").unwrap_err().contains("line 1"));
    }

    #[test]
    fn wrong_types_and_sizes_are_refused_with_the_reason() {
        assert!(parse("https://x.org/", Some("text/html; charset=utf-8"), b"<html>").unwrap_err().contains("text/html"));
        assert!(parse("https://x.org/p.png", Some("image/png"), b"\x89PNG").unwrap_err().contains("image/png"));
        for (url, ct) in
            [("https://x.org/file.bin", "application/octet-stream"), ("https://x.org/a.txt", "application/zip"), ("https://x.org/f", "font/woff2")]
        {
            let error = parse(url, Some(ct), b"plain words").unwrap_err();
            assert_eq!(error, format!("{url} is {ct}, not text. {WHAT_TO_LINK}"));
        }
        // A server that does not know the type of a file named as a corpus: its bytes decide.
        let jsonl = br#"{"id": "a", "text": "x"}"#;
        assert!(matches!(parse("https://x.org/c.jsonl", Some("application/octet-stream"), jsonl), Ok(Parsed::Articles(..))));
        assert!(matches!(parse("https://x.org/c.txt", Some("text/plain; charset=utf-8"), b"x"), Ok(Parsed::Articles(..))));
        assert!(matches!(parse("https://x.org/c", Some("application/x-ndjson"), jsonl), Ok(Parsed::Articles(..))));
        let msg = too_big(MAX_CORPUS_BYTES + 1).unwrap();
        assert!(msg.contains("50.0 MB"), "{msg}");
        assert!(status_error("u", 404, "Not Found").contains("not found"));
    }

    #[test]
    fn binary_bodies_and_lines_are_refused_with_the_reason() {
        let error = parse("https://x.org/c/story.txt", None, b"PK\x03\x04\x00\x00 zip").unwrap_err();
        assert!(error.starts_with("https://x.org/c/story.txt is not text: it holds NUL bytes"), "{error}");
        let utf16 = "Hi".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
        assert!(parse("a.txt", Some("text/plain"), &utf16).unwrap_err().contains("UTF-16"));
        let noise: Vec<u8> = (0..400u32).map(|i| if i % 3 == 0 { b'a' } else { (i % 31 + 1) as u8 }).filter(|b| !b"\t\n\x0c\r".contains(b)).collect();
        let error = parse("https://x.org/c/noise.txt", Some("application/octet-stream"), &noise).unwrap_err();
        assert!(error.contains("noise.txt is not text:") && error.contains("% of it is control characters"), "{error}");
        // A few escapes in real text are fine; tabs and line and page breaks are text.
        assert_eq!(not_text(b"Title\r\n\r\n\tBody \x1b[1mbold\x1b[0m.\x0c"), None);
        assert_eq!(not_text(b""), None);
        // A large body is judged by its beginning, and by a NUL anywhere.
        let mut big = noise.repeat(10);
        big.extend(b"text ".repeat(1000));
        assert_eq!(not_text(&big).as_deref().map(|why| why.ends_with("of its first kilobyte is control characters")), Some(true));
        let mut late_nul = b"text ".repeat(1000);
        late_nul.push(0);
        assert!(not_text(&late_nul).is_some_and(|why| why.contains("NUL")));
        let lines = b"{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"text\": \"\\u0000\\u0001\"}\n";
        let Parsed::Articles(a, problems) = parse("c.jsonl", None, lines).unwrap() else { panic!("articles") };
        assert_eq!(a.len(), 1);
        assert!(problems[0].starts_with("line 2: its \"text\" is not text (it holds NUL bytes"), "{problems:?}");
    }

    #[test]
    fn local_files_are_read_by_their_name_and_refused_when_they_are_not_text() {
        assert_eq!(not_a_corpus_file("photo.png").as_deref(), Some("photo.png was skipped: only .txt and .jsonl files are read"));
        assert_eq!(not_a_corpus_file("a.txt"), None);
        let (articles, problems) = local_file("pier.txt", b"Pier\n\nIt opened.".to_vec()).unwrap();
        assert_eq!((articles[0].id.as_str(), problems.len()), ("pier", 0));
        let (articles, problems) = local_file("c.jsonl", b"{\"id\": \"a\", \"text\": \"x\"}\nnope\n".to_vec()).unwrap();
        assert_eq!(articles.len(), 1);
        assert!(problems[0].starts_with("c.jsonl: line 2: not an {\"id\", \"text\"} object"), "{problems:?}");
        assert!(local_file("c.jsonl", b"nope".to_vec()).unwrap_err().starts_with("c.jsonl: No article could be read"));
        let error = local_file("blob.txt", vec![0x89, b'P', b'N', b'G', 0, 0]).unwrap_err();
        assert!(error.starts_with("blob.txt was skipped: it is not text (it holds NUL bytes"), "{error}");
    }

    #[test]
    fn invalid_utf8_text_still_loads_and_is_flagged() {
        let Parsed::Articles(a, _) = parse("bad.txt", None, b"T\n\n\xff body").unwrap() else { panic!("articles") };
        let article = extracted(&a[0]);
        assert!(!article.warnings.is_empty());
    }
}
