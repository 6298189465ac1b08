//! Filter and facet-count latency on a big synthetic corpus (10,000 articles):
//! the cost of one filter change, which the page pays on every click; and what the
//! charts and a profile above the lists add to it.

use broadsheet::corpus::Corpus;
use broadsheet::filter;
use broadsheet::markup;
use broadsheet::profile;
use broadsheet::search::WordIndex;
use broadsheet::state::{decode_query, ViewState};
use broadsheet::timeline::Timeline;
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

    // What a filter change adds above the list: the timeline counted and drawn, who is quoted
    // drawn (counted in `filter::run`, above), and a profile's text; the profile itself is
    // built once per key and corpus.
    let mut overview = c.benchmark_group("overview-10k");
    overview.sample_size(20);
    for (name, q) in [("articles", ""), ("quotes", "view=quotes"), ("quotes+speaker", "view=quotes&speaker=anna-kowalski")] {
        let s = state(q);
        let results = filter::run(&corpus, &s);
        overview.bench_function(format!("charts/{name}"), |b| {
            b.iter(|| {
                let t = Timeline::of_results(&corpus, &results);
                let mut html = markup::timeline(&t, "quotes", "timeline", false, &|i| format!("?from={i}"));
                html.append(markup::voices(&results.voices, results.voice_total, "share", &|k| format!("?speaker={k}")));
                std::hint::black_box(html)
            })
        });
    }
    overview.bench_function("profile-build/anna-kowalski", |b| b.iter(|| std::hint::black_box(profile::build(&corpus, "anna-kowalski"))));
    let p = profile::build(&corpus, "anna-kowalski").expect("a speaker of the synthetic corpus");
    let s = state("view=quotes&speaker=anna-kowalski");
    overview
        .bench_function("profile-text/anna-kowalski", |b| b.iter(|| std::hint::black_box(markup::profile(&corpus, &p, true, &s, &|v| v.to_query()))));
    overview.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
