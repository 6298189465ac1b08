//! Extraction throughput over a corpus (bytes per second, one core).
//!
//! The corpus is the dev set named by `BROADSHEET_BENCH_JSONL` (one `{"id","text"}`
//! object per line; default `../shared/eval/polnear-dev.jsonl`) when it exists,
//! and the seed articles otherwise. The texts are read at run time, never stored.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let path = std::env::var("BROADSHEET_BENCH_JSONL").unwrap_or_else(|_| format!("{root}/../shared/eval/polnear-dev.jsonl"));
    if let Ok(data) = std::fs::read_to_string(&path) {
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
        if !texts.is_empty() {
            eprintln!("bench corpus: {path} ({} texts)", texts.len());
            return texts;
        }
    }
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(format!("{root}/seeds")).expect("seeds/ exists") {
        let path = entry.expect("readable seeds/").path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(&path).expect("utf-8 seed"));
        }
    }
    eprintln!("bench corpus: seeds/ ({} texts)", texts.len());
    texts
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(broadsheet_extract::extract_text("bench", t.clone()));
            }
        })
    });
    // What a browser worker does per article (`extract_article` in the app):
    // extraction plus the article without its text, encoded with postcard. The browser bench runs the same.
    group.bench_function("corpus_encoded", |b| {
        b.iter(|| {
            for t in &texts {
                let mut article = broadsheet_extract::extract("bench", t.as_bytes());
                article.text = String::new();
                std::hint::black_box(postcard::to_allocvec(&article).unwrap_or_default());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
