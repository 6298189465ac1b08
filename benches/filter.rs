//! Filter and facet-count latency on a big synthetic corpus (10,000 articles):
//! the cost of one filter change, which the page pays on every click.

use broadsheet::corpus::Corpus;
use broadsheet::filter;
use broadsheet::search::WordIndex;
use broadsheet::state::{decode_query, ViewState};
use criterion::{criterion_group, criterion_main, Criterion};

fn state(q: &str) -> ViewState {
    let pairs = decode_query(q);
    ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).0
}

fn bench(c: &mut Criterion) {
    let articles = broadsheet_extract::synthetic::corpus(10_000, 1);
    let corpus = Corpus::from_files(articles.iter().map(|(n, t)| (n.as_str(), t.as_bytes())));
    eprintln!("corpus: {} articles, {} quotes", corpus.articles.len(), corpus.quotes.len());
    let mut group = c.benchmark_group("filter-10k");
    group.sample_size(20);
    for (name, q) in [
        ("articles", ""),
        ("quotes", "view=quotes"),
        ("quotes+speaker", "view=quotes&speaker=anna-kowalski"),
        ("quotes+search", "view=quotes&q=%22the+bridge%22"),
        ("articles+place+dates", "place=oslo&from=2018&to=2021-06"),
        ("articles+search", "q=bridge"),
        ("articles+phrase", "q=%22talks+must+go+on%22"),
    ] {
        let s = state(q);
        group.bench_function(name, |b| b.iter(|| std::hint::black_box(filter::run(&corpus, &s))));
    }
    // Built once per corpus, when the page is idle after a load or at the first search.
    let searched: Vec<String> = (0..corpus.articles.len()).map(|i| corpus.searched_text(i)).collect();
    group.bench_function("word-index", |b| b.iter(|| std::hint::black_box(WordIndex::build(searched.iter().map(String::as_str)))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
