//! `broadsheet-extract index` and `merge`: a corpus extracted natively, on every core, into an
//! index the app loads instead of extracting in the browser.
//!
//! Format 3 (the default; see [`broadsheet_archive`]) is written as the inputs are read:
//! a reader thread cuts them into batches of articles, a worker per core extracts each batch and
//! seals its chunks, and the builder takes the batches in input order, so memory holds a few
//! batches at a time besides the table, the dictionary and the word index. `--no-text` leaves the
//! articles' texts out. `--part K/N` indexes the K-th of N parts of the inputs (cut by bytes at
//! line and file boundaries, so each part reads only its own), and `merge` joins such partial
//! indexes into one: any tool that runs a command per part does the rest.
//!
//! Format 2 (`--format 2`: shards of whole articles, see [`broadsheet_extract::shard`]) is
//! extracted whole before it is written, person keys linked across the corpus first, each
//! shard listing its articles' ids so a link to one article fetches its shard first.
//! Chunk and shard URLs are relative to `index.json`; the folder can be served from anywhere.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

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

/// The files of the inputs, folders searched for .txt and .jsonl files; problems are reported
/// on stderr (false) and the rest still listed.
fn list_files(inputs: &[String]) -> (Vec<PathBuf>, bool) {
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
    (files, all_ok)
}

/// Reads every input; problems are reported on stderr and the rest still read.
fn read_sources(inputs: &[String]) -> (Vec<Source>, bool) {
    let (files, mut all_ok) = list_files(inputs);
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

/// Format 2: the whole corpus extracted, linked, then cut into shards of `shard_size` articles.
fn run_format2(out: &str, inputs: &[String], shard_size: usize) -> io::Result<bool> {
    let (sources, all_ok) = read_sources(inputs);
    if sources.is_empty() {
        return Err(io::Error::other("no article found in the inputs"));
    }
    let mut articles = extract_all(&sources);
    drop(sources);
    broadsheet_extract::corpus::link(&mut articles);

    let out = Path::new(out);
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

/// Articles per batch by default: with news, a batch's texts are half a megabyte before
/// compression and its quotes and cards a few tens of kilobytes after.
const DEFAULT_BATCH: usize = 128;

/// The value after option `name`, if given.
fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

/// The arguments that are neither options nor their values.
fn positional(args: &[String]) -> Vec<String> {
    const WITH_VALUE: [&str; 4] = ["--shard", "--format", "--part", "--batch"];
    let mut out = Vec::new();
    let mut skip = false;
    for a in args {
        if std::mem::take(&mut skip) {
            continue;
        }
        if WITH_VALUE.contains(&a.as_str()) {
            skip = true;
        } else if !a.starts_with("--") {
            out.push(a.clone());
        }
    }
    out
}

fn positive(args: &[String], name: &str, default: usize) -> io::Result<usize> {
    match option(args, name) {
        Some(n) => n.parse().ok().filter(|&n| n > 0).ok_or_else(|| io::Error::other(format!("{name} needs a positive number"))),
        None => Ok(default),
    }
}

pub fn run(args: &[String]) -> io::Result<bool> {
    let positional = positional(args);
    let (out, inputs) = positional.split_first().ok_or_else(|| io::Error::other("index needs an output folder and inputs"))?;
    if inputs.is_empty() {
        return Err(io::Error::other("index needs at least one input: a folder, a .txt or a .jsonl file"));
    }
    match option(args, "--format") {
        None | Some("3") => {}
        Some("2") => return run_format2(out, inputs, positive(args, "--shard", DEFAULT_SHARD)?),
        Some(other) => return Err(io::Error::other(format!("--format {other}: this version writes formats 2 and 3"))),
    }
    let part = match option(args, "--part") {
        None => None,
        Some(p) => {
            let parsed = p.split_once('/').and_then(|(k, n)| Some((k.parse::<u32>().ok()?, n.parse::<u32>().ok()?)));
            Some(parsed.filter(|&(k, n)| 1 <= k && k <= n).ok_or_else(|| io::Error::other(format!("--part {p}: give K/N with 1 ≤ K ≤ N")))?)
        }
    };
    let texts = !args.iter().any(|a| a == "--no-text");
    let batch = positive(args, "--batch", DEFAULT_BATCH)?;
    let (files, listed) = list_files(inputs);
    let out = Path::new(out);
    let (manifest, read_all) = stream(&files, part, batch, texts, out)?;
    eprintln!(
        "{}: {} articles, {} quotes{}{}",
        out.join("index.json").display(),
        manifest.articles,
        manifest.quotes,
        if texts { "" } else { ", without texts" },
        part.map_or(String::new(), |(k, n)| format!(", part {k} of {n}"))
    );
    if manifest.articles == 0 && part.is_none() {
        return Err(io::Error::other("no article found in the inputs"));
    }
    Ok(listed && read_all)
}

/// One input article, read but not yet extracted.
enum Item {
    File {
        path: String,
        bytes: Vec<u8>,
    },
    /// A JSONL line, and where it is, for messages.
    Line {
        place: String,
        bytes: Vec<u8>,
    },
}

/// The byte range of part `k` of `n` of inputs of `total` bytes.
fn part_range(part: Option<(u32, u32)>, total: u64) -> std::ops::Range<u64> {
    match part {
        None => 0..u64::MAX,
        Some((k, n)) => {
            let at = |i: u32| (u128::from(total) * u128::from(i) / u128::from(n)) as u64;
            at(k - 1)..at(k)
        }
    }
}

/// Reads the articles of `files` that begin in `range` of their bytes (taken one after
/// another) and sends them in batches of `batch`, numbered in order. False when a file could
/// not be read.
fn read_batches(
    files: &[PathBuf],
    range: std::ops::Range<u64>,
    batch: usize,
    send: &std::sync::mpsc::SyncSender<(usize, Vec<Item>)>,
    stop: &AtomicBool,
) -> bool {
    use std::io::{BufRead, Seek};
    let mut all_ok = true;
    let mut items = Vec::with_capacity(batch);
    let mut sent = 0;
    let mut flush = |items: &mut Vec<Item>, at_least: usize| {
        if items.len() >= at_least.max(1) {
            // The receiver stops only when the builder failed, which is reported there.
            let _ = send.send((sent, std::mem::replace(items, Vec::with_capacity(batch))));
            sent += 1;
        }
    };
    let mut file_start = 0u64;
    for path in files {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let name = path.display().to_string();
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        let start = file_start;
        file_start += size;
        let jsonl = path.extension().is_some_and(|e| e == "jsonl");
        if !jsonl {
            if range.contains(&start) {
                match std::fs::read(path) {
                    Ok(bytes) => items.push(Item::File { path: name, bytes }),
                    Err(e) => {
                        eprintln!("{name}: {e}");
                        all_ok = false;
                    }
                }
                flush(&mut items, batch);
            }
            continue;
        }
        if start + size <= range.start || start >= range.end {
            continue;
        }
        let read = (|| -> io::Result<()> {
            let mut reader = io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
            let mut at = 0u64;
            let mut line_number = Some(1usize);
            if range.start > start {
                // A line belongs to the part its first byte is in: skip the rest of the line
                // that the byte before the range is in.
                at = range.start - start - 1;
                reader.seek(io::SeekFrom::Start(at))?;
                at += reader.skip_until(b'\n')? as u64;
                line_number = None;
            }
            let mut line = Vec::new();
            while start + at < range.end && !stop.load(Ordering::Relaxed) {
                line.clear();
                let read = reader.read_until(b'\n', &mut line)?;
                if read == 0 {
                    break;
                }
                let place = match line_number {
                    Some(n) => format!("{name}: line {n}"),
                    None => format!("{name}: the line at byte {at}"),
                };
                at += read as u64;
                line_number = line_number.map(|n| n + 1);
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                items.push(Item::Line { place, bytes: std::mem::take(&mut line) });
                flush(&mut items, batch);
            }
            Ok(())
        })();
        if let Err(e) = read {
            eprintln!("{name}: {e}");
            all_ok = false;
        }
    }
    flush(&mut items, 1);
    all_ok
}

/// Extracts a batch's items into a batch of the index, and what was wrong with any of them.
fn extract_batch(items: Vec<Item>, texts: bool) -> (Option<broadsheet_archive::build::BatchOut>, Vec<String>) {
    let mut articles = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    for item in items {
        match item {
            Item::File { path, bytes } => articles.push((extract(&path, &bytes), None)),
            Item::Line { place, bytes } => match broadsheet_extract::jsonl::read_line(&String::from_utf8_lossy(&bytes)) {
                Ok(line) => {
                    let article = line.extract();
                    articles.push((article, line.url));
                }
                Err(e) => problems.push(format!("{place}: not an {{\"id\", \"text\"}} object ({e})")),
            },
        }
    }
    let batch = (!articles.is_empty()).then(|| broadsheet_archive::build::make_batch(&articles, texts));
    (batch, problems)
}

/// Reads, extracts and writes the index: a reader thread, a worker per core, and the builder
/// here taking the batches in order. Gives the manifest, and false when an input had problems.
fn stream(
    files: &[PathBuf],
    part: Option<(u32, u32)>,
    batch: usize,
    texts: bool,
    out: &Path,
) -> io::Result<(broadsheet_archive::manifest::Manifest, bool)> {
    use std::sync::{mpsc, Mutex};
    let total = files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len())).sum();
    let range = part_range(part, total);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut builder = broadsheet_archive::build::Builder::new(out, texts)?;
    // A few batches queue at each step: memory holds those, whatever the corpus's size.
    let (send_items, items) = mpsc::sync_channel::<(usize, Vec<Item>)>(workers * 2);
    let items = Mutex::new(items);
    let items = &items;
    let stop = &AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (send_done, done) = mpsc::sync_channel(workers * 2);
        let reader = scope.spawn(move || read_batches(files, range, batch, &send_items, stop));
        for _ in 0..workers {
            let send_done = send_done.clone();
            scope.spawn(move || loop {
                let next = items.lock().map_err(|_| ()).and_then(|r| r.recv().map_err(|_| ()));
                let Ok((n, batch_items)) = next else { break };
                // When the builder has stopped, the reader is told to, and what it sent is dropped.
                if stop.load(Ordering::Relaxed) || send_done.send((n, extract_batch(batch_items, texts))).is_err() {
                    stop.store(true, Ordering::Relaxed);
                }
            });
        }
        drop(send_done);
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        let mut all_ok = true;
        let mut failed = None;
        for (n, made) in done {
            waiting.insert(n, made);
            while let Some((batch, problems)) = waiting.remove(&next) {
                next += 1;
                for p in &problems {
                    eprintln!("{p}");
                }
                all_ok &= problems.is_empty();
                if let (Some(batch), None) = (batch, &failed) {
                    failed = builder.add_batch(batch).err();
                }
            }
            if failed.is_some() {
                break;
            }
        }
        all_ok &= reader.join().unwrap_or(false);
        match failed {
            Some(e) => Err(e),
            None => Ok(all_ok),
        }
    })
    .and_then(|all_ok| Ok((builder.finish(part)?, all_ok)))
}

/// `merge OUT PART...`: partial indexes joined into one at OUT, in the order of their parts
/// (as given when they are not all parts of one cut).
pub fn merge(args: &[String]) -> io::Result<bool> {
    use broadsheet_archive::manifest::Manifest;
    let (out, parts) = args.split_first().ok_or_else(|| io::Error::other("merge needs an output folder and the indexes to join"))?;
    if parts.is_empty() {
        return Err(io::Error::other("merge needs at least one index to join"));
    }
    let mut read: Vec<(PathBuf, Manifest)> = Vec::new();
    for p in parts {
        let path = PathBuf::from(p);
        let text = std::fs::read_to_string(path.join("index.json")).map_err(|e| io::Error::other(format!("{p}/index.json: {e}")))?;
        let manifest = Manifest::parse(&text).map_err(|e| io::Error::other(format!("{p}/index.json: {e}")))?;
        read.push((path, manifest));
    }
    let cuts: Vec<(u32, u32)> = read.iter().filter_map(|(_, m)| m.part).collect();
    let mut all_ok = true;
    if cuts.len() == read.len() && cuts.iter().all(|c| c.1 == cuts[0].1) {
        read.sort_by_key(|(_, m)| m.part);
        let n = cuts[0].1;
        let missing: Vec<String> = (1..=n).filter(|k| !cuts.iter().any(|c| c.0 == *k)).map(|k| k.to_string()).collect();
        if !missing.is_empty() || cuts.len() != n as usize {
            eprintln!("merge: parts {} of {n} are missing or given twice; the index holds the parts given", missing.join(", "));
            all_ok = false;
        }
    }
    let texts = read[0].1.texts;
    let mut builder = broadsheet_archive::build::Builder::new(Path::new(out), texts)?;
    for (path, _) in &read {
        builder.append_index(path).map_err(io::Error::other)?;
    }
    let manifest = builder.finish(None)?;
    eprintln!(
        "{}: {} articles, {} quotes from {} parts",
        Path::new(out).join("index.json").display(),
        manifest.articles,
        manifest.quotes,
        read.len()
    );
    Ok(all_ok)
}
