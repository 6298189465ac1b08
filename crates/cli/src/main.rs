//! `broadsheet-extract`: the engine from the command line.
//!
//! ```text
//! broadsheet-extract jsonl < in.jsonl > out.jsonl     {"id","title"?,"date"?,"text"} lines in, one result line out
//! broadsheet-extract files seeds/*.txt [--pretty]     one result per file
//! broadsheet-extract generate N DIR [--seed S] [--files]   N synthetic articles as DIR/corpus.jsonl (benchmarks, load tests)
//! broadsheet-extract index OUT INPUT... [--no-text] [--part K/N] [--batch N]   an index the app loads with corpus=OUT/index.json
//! broadsheet-extract merge OUT PART...                 partial indexes (index --part) joined into one
//! ```
//! Output lines carry byte offsets into the input text, in the shape both
//! evaluation scorers read. A bad input line is reported on stderr with its
//! number and the rest are still processed.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use broadsheet_extract::repair::SourceMap;
use broadsheet_extract::{extract_given_mapped, id_from_file_name, jsonl, Article, Given};
use serde::Serialize;

mod index;

#[derive(Serialize)]
struct OutQuote<'a> {
    start: usize,
    end: usize,
    kind: broadsheet_extract::QuoteKind,
    speaker: Option<&'a str>,
    speaker_key: Option<&'a str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    cue: Option<&'a str>,
}

#[derive(Serialize)]
struct OutEntity<'a> {
    key: &'a str,
    name: &'a str,
    kind: broadsheet_extract::EntityKind,
    mentions: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct OutDate<'a> {
    start: usize,
    end: usize,
    value: &'a str,
    precision: broadsheet_extract::DatePrecision,
    relative: bool,
}

#[derive(Serialize)]
struct OutLine<'a> {
    id: serde_json::Value,
    title: &'a str,
    title_derived: bool,
    date: Option<&'a str>,
    date_provenance: broadsheet_extract::DateProvenance,
    quotes: Vec<OutQuote<'a>>,
    entities: Vec<OutEntity<'a>>,
    dates: Vec<OutDate<'a>>,
    warnings: &'a [String],
}

/// The output line of one article, its offsets into the text as it came (`map`).
fn out_line<'a>(id: serde_json::Value, a: &'a Article, map: &SourceMap) -> OutLine<'a> {
    let at = |pos: usize| map.to_source(pos);
    let name_of = |key: &str| a.entities.iter().find(|e| e.key == key).map(|e| e.name.as_str());
    OutLine {
        id,
        title: &a.title.text,
        title_derived: a.title.derived,
        date: a.date.iso.as_deref(),
        date_provenance: a.date.provenance,
        quotes: a
            .quotes
            .iter()
            .map(|q| OutQuote {
                start: at(q.span.start),
                end: at(q.span.end),
                kind: q.kind,
                speaker: q.speaker.as_deref().and_then(name_of),
                speaker_key: q.speaker.as_deref(),
                speaker_start: q.speaker_mention.map(|s| at(s.start)),
                speaker_end: q.speaker_mention.map(|s| at(s.end)),
                cue: q.cue.as_deref(),
            })
            .collect(),
        entities: a
            .entities
            .iter()
            .map(|e| OutEntity { key: &e.key, name: &e.name, kind: e.kind, mentions: e.mentions.iter().map(|m| [at(m.start), at(m.end)]).collect() })
            .collect(),
        dates: a
            .dates
            .iter()
            .map(|d| OutDate { start: at(d.span.start), end: at(d.span.end), value: &d.value, precision: d.precision, relative: d.relative })
            .collect(),
        warnings: &a.warnings,
    }
}

const USAGE: &str = "usage: broadsheet-extract jsonl < in.jsonl > out.jsonl
       broadsheet-extract files FILE... [--pretty]
       broadsheet-extract generate N DIR [--seed S] [--files]
       broadsheet-extract index OUT INPUT... [--no-text] [--part K/N] [--batch N]   (INPUT: folders, .txt or .jsonl files)
       broadsheet-extract index OUT INPUT... --format 2 [--shard N]   (the shards of format 2)
       broadsheet-extract merge OUT PART...   (PART: folders written by index --part)";

/// Writes `n` synthetic articles into `dir` as one corpus.jsonl, each line with a `url`, as
/// they are made, so any number takes little memory; with `--files`, also a file per article
/// and a manifest.json listing them.
fn run_generate(args: &[String]) -> io::Result<bool> {
    let n: usize = args.first().and_then(|a| a.parse().ok()).ok_or_else(|| io::Error::other("generate needs a count"))?;
    let dir = std::path::Path::new(args.get(1).ok_or_else(|| io::Error::other("generate needs a folder"))?);
    let seed = args.iter().position(|a| a == "--seed").and_then(|i| args.get(i + 1)).and_then(|s| s.parse().ok()).unwrap_or(1);
    let files = args.iter().any(|a| a == "--files");
    std::fs::create_dir_all(dir)?;
    let mut jsonl = BufWriter::new(std::fs::File::create(dir.join("corpus.jsonl"))?);
    let mut manifest = match files {
        true => Some(BufWriter::new(std::fs::File::create(dir.join("manifest.json"))?)),
        false => None,
    };
    let mut text_bytes = 0;
    for (i, (name, text)) in broadsheet_extract::synthetic::articles(seed).take(n).enumerate() {
        text_bytes += text.len();
        let id = broadsheet_extract::id_from_file_name(&name);
        let url = format!("https://example.org/news/{id}");
        serde_json::to_writer(&mut jsonl, &serde_json::json!({ "id": id, "url": url, "text": text })).map_err(io::Error::other)?;
        jsonl.write_all(b"\n")?;
        if let Some(manifest) = manifest.as_mut() {
            std::fs::write(dir.join(&name), &text)?;
            manifest.write_all(if i == 0 { b"[" } else { b"," })?;
            serde_json::to_writer(&mut *manifest, &name).map_err(io::Error::other)?;
        }
    }
    jsonl.flush()?;
    if let Some(mut manifest) = manifest {
        manifest.write_all(if n == 0 { b"[]" } else { b"]" })?;
        manifest.flush()?;
    }
    eprintln!("{}: {n} articles, {text_bytes} bytes of text", dir.join("corpus.jsonl").display());
    Ok(true)
}

/// Writes `value` as JSON and a line break, straight into `out` (no string of it is made first).
fn write_json<T: Serialize>(out: &mut impl Write, value: &T, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")
}

fn run_jsonl() -> io::Result<bool> {
    let mut stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all_ok = true;
    // One buffer for every line, as `lines()` would read them (without "\n" or "\r\n"), so that
    // a long line is not grown again for each.
    let mut buffer = String::new();
    for n in 0.. {
        buffer.clear();
        if stdin.read_line(&mut buffer)? == 0 {
            break;
        }
        let line = buffer.strip_suffix('\n').map_or(buffer.as_str(), |l| l.strip_suffix('\r').unwrap_or(l));
        if line.trim().is_empty() {
            continue;
        }
        match jsonl::read_line(line) {
            Ok(input) => {
                let (article, map) = input.extract_mapped();
                // An id written as a number is written back as one.
                let id = match input.numeric_id {
                    true => serde_json::from_str(&input.id).unwrap_or(serde_json::Value::String(input.id)),
                    false => serde_json::Value::String(input.id),
                };
                write_json(&mut out, &out_line(id, &article, &map), false)?;
            }
            Err(e) => {
                all_ok = false;
                eprintln!("{}", jsonl::problem(n + 1, &e));
            }
        }
    }
    out.flush()?;
    Ok(all_ok)
}

fn run_files(paths: &[String], pretty: bool) -> io::Result<bool> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all_ok = true;
    for path in paths {
        match std::fs::read(path) {
            Ok(bytes) => {
                let (article, map) = extract_given_mapped(&id_from_file_name(path), &bytes, Given::default());
                let id = serde_json::Value::String(article.id.clone());
                write_json(&mut out, &out_line(id, &article, &map), pretty)?;
            }
            Err(e) => {
                all_ok = false;
                eprintln!("{path}: {e}");
            }
        }
    }
    out.flush()?;
    Ok(all_ok)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("jsonl") => run_jsonl(),
        Some("generate") => run_generate(&args[1..]),
        Some("index") => index::run(&args[1..]),
        Some("merge") => index::merge(&args[1..]),
        Some("files") => {
            let pretty = args.iter().any(|a| a == "--pretty");
            let paths: Vec<String> = args[1..].iter().filter(|a| *a != "--pretty").cloned().collect();
            run_files(&paths, pretty)
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
