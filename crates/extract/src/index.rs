//! `broadsheet-extract index`: a corpus extracted natively, on every core,
//! into shards the app fetches instead of extracting in the browser.
//!
//! ```text
//! OUT/index.json          {"broadsheet_index": 2, "articles": N, "shards": [{"url", "articles", "bytes", "ids"}, …]}
//! OUT/shard-00000.bin     the shard's extracted articles (text included), a Vec<Article> in postcard's binary form
//! ```
//! Shards are written by [`broadsheet_extract::shard`], which the app reads them with.
//! A shard lists the ids of its articles, so a link to one article can have
//! its shard fetched first. Person keys are linked across the whole corpus before sharding, so a key
//! means the same person in every shard. Shard URLs are relative to
//! `index.json`; the folder can be served from anywhere.

use std::io;
use std::path::{Path, PathBuf};

use broadsheet_extract::{extract, Article};
use serde::Serialize;

/// Articles per shard by default: a shard of news is then a few megabytes.
const DEFAULT_SHARD: usize = 1000;

#[derive(Serialize)]
struct Index {
    broadsheet_index: u32,
    articles: usize,
    quotes: usize,
    shards: Vec<Shard>,
}

#[derive(Serialize)]
struct Shard {
    url: String,
    articles: usize,
    bytes: usize,
    ids: Vec<String>,
}

/// An input: a `.txt` file (named by its path) or a JSONL line.
enum Source {
    File { path: String, bytes: Vec<u8> },
    Line(broadsheet_extract::jsonl::Line),
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<io::Result<_>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt" || e == "jsonl") {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads every input; problems are reported on stderr and the rest still read.
fn read_sources(inputs: &[String]) -> (Vec<Source>, bool) {
    let mut files = Vec::new();
    let mut all_ok = true;
    for input in inputs {
        let path = PathBuf::from(input);
        if path.is_dir() {
            if let Err(e) = collect_txt(&path, &mut files) {
                eprintln!("{input}: {e}");
                all_ok = false;
            }
        } else {
            files.push(path);
        }
    }
    let mut sources = Vec::new();
    for path in files {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                all_ok = false;
                continue;
            }
        };
        if path.extension().is_some_and(|e| e == "jsonl") {
            for (n, line) in broadsheet_extract::jsonl::read(&String::from_utf8_lossy(&bytes)) {
                match line {
                    Ok(line) => sources.push(Source::Line(line)),
                    Err(e) => {
                        eprintln!("{}: {}", path.display(), broadsheet_extract::jsonl::problem(n, &e));
                        all_ok = false;
                    }
                }
            }
        } else {
            sources.push(Source::File { path: path.to_string_lossy().into_owned(), bytes });
        }
    }
    (sources, all_ok)
}

/// Extracts on every core; the result keeps the input order.
fn extract_all(sources: &[Source]) -> Vec<Article> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(sources.len().max(1));
    let per_thread = sources.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|source| match source {
                            Source::File { path, bytes } => extract(path, bytes),
                            Source::Line(line) => line.extract(),
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("extraction does not panic")).collect()
    })
}

pub fn run(args: &[String]) -> io::Result<bool> {
    let shard_size = match args.iter().position(|a| a == "--shard") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|&n| n > 0)
            .ok_or_else(|| io::Error::other("--shard needs a positive number of articles"))?,
        None => DEFAULT_SHARD,
    };
    let positional: Vec<&String> = {
        let skip = args.iter().position(|a| a == "--shard").map(|i| [i, i + 1]);
        args.iter().enumerate().filter(|(i, _)| skip.is_none_or(|s| !s.contains(i))).map(|(_, a)| a).collect()
    };
    let (out, inputs) = positional.split_first().ok_or_else(|| io::Error::other("index needs an output folder and inputs"))?;
    if inputs.is_empty() {
        return Err(io::Error::other("index needs at least one input: a folder, a .txt or a .jsonl file"));
    }
    let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
    let (sources, all_ok) = read_sources(&inputs);
    if sources.is_empty() {
        return Err(io::Error::other("no article found in the inputs"));
    }
    let mut articles = extract_all(&sources);
    drop(sources);
    broadsheet_extract::corpus::link(&mut articles);

    let out = Path::new(out.as_str());
    std::fs::create_dir_all(out)?;
    let mut shards = Vec::new();
    for (i, chunk) in articles.chunks(shard_size).enumerate() {
        let url = format!("shard-{i:05}.bin");
        let encoded = broadsheet_extract::shard::encode(chunk).map_err(io::Error::other)?;
        std::fs::write(out.join(&url), &encoded)?;
        shards.push(Shard { url, articles: chunk.len(), bytes: encoded.len(), ids: chunk.iter().map(|a| a.id.clone()).collect() });
    }
    let index = Index {
        broadsheet_index: broadsheet_extract::shard::INDEX_FORMAT,
        articles: articles.len(),
        quotes: articles.iter().map(|a| a.quotes.len()).sum(),
        shards,
    };
    std::fs::write(out.join("index.json"), serde_json::to_string_pretty(&index).map_err(io::Error::other)?)?;
    eprintln!("{}: {} articles, {} quotes, {} shards", out.join("index.json").display(), index.articles, index.quotes, index.shards.len());
    Ok(all_ok)
}
