//! `broadsheet-extract index`, `merge` and `generate`: folders and JSONL in, an index out.

use std::process::Command;

use broadsheet_extract::Article;

#[test]
fn a_folder_becomes_format_2_shards_with_keys_linked_across_them() {
    let dir = std::env::temp_dir().join(format!("broadsheet-index-test-{}", std::process::id()));
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("nested")).unwrap();
    std::fs::write(input.join("a.txt"), "Harbour talks\n\n“We will sign,” Minister Petra Novak said on Monday.").unwrap();
    std::fs::write(input.join("nested/b.txt"), "Talks stall\n\n“Not yet,” Novak told reporters.").unwrap();
    std::fs::write(input.join("notes.md"), "not an article").unwrap();
    std::fs::write(dir.join("more.jsonl"), "{\"id\": \"c\", \"title\": \"Third\", \"text\": \"Body.\"}\nbroken line\n").unwrap();
    let out = dir.join("out");

    let run = Command::new(env!("CARGO_BIN_EXE_broadsheet-extract"))
        .args(["index", out.to_str().unwrap(), input.to_str().unwrap(), dir.join("more.jsonl").to_str().unwrap(), "--format", "2", "--shard", "2"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "a broken input line makes the exit status a failure");
    assert!(stderr.contains("line 2"), "{stderr}");

    let index: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("index.json")).unwrap()).unwrap();
    assert_eq!(index["broadsheet_index"], 2);
    assert_eq!(index["articles"], 3);
    let shards: Vec<Vec<Article>> = index["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| broadsheet_extract::shard::decode(&std::fs::read(out.join(s["url"].as_str().unwrap())).unwrap()).unwrap())
        .collect();
    assert_eq!(shards.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1]);
    // Each shard lists the ids of its articles, in order.
    for (listed, shard) in index["shards"].as_array().unwrap().iter().zip(&shards) {
        let ids: Vec<&str> = listed["ids"].as_array().unwrap().iter().map(|id| id.as_str().unwrap()).collect();
        assert_eq!(ids, shard.iter().map(|a| a.id.as_str()).collect::<Vec<_>>());
    }
    let articles: Vec<&Article> = shards.iter().flatten().collect();
    assert_eq!(articles.iter().map(|a| a.title.text.as_str()).collect::<Vec<_>>(), ["Harbour talks", "Talks stall", "Third"]);
    // "Novak" alone in the second article is the Petra Novak of the first.
    assert_eq!(articles[1].quotes[0].speaker.as_deref(), Some("petra-novak"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet-extract")).args(args).output().unwrap()
}

#[test]
fn generate_streams_jsonl_and_writes_files_on_request() {
    let dir = std::env::temp_dir().join(format!("broadsheet-generate-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let run = cli(&["generate", "5", dir.join("a").to_str().unwrap(), "--seed", "3"]);
    assert!(run.status.success());
    let jsonl = std::fs::read_to_string(dir.join("a/corpus.jsonl")).unwrap();
    let lines: Vec<broadsheet_extract::jsonl::Line> = broadsheet_extract::jsonl::read(&jsonl).map(|(_, l)| l.unwrap()).collect();
    let expected = broadsheet_extract::synthetic::corpus(5, 3);
    assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), expected.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>());
    assert_eq!(lines[4].url.as_deref(), Some("https://example.org/news/synthetic_00004"));
    let bytes: usize = expected.iter().map(|(_, t)| t.len()).sum();
    assert!(String::from_utf8_lossy(&run.stderr).contains(&format!("5 articles, {bytes} bytes of text")));
    assert!(!dir.join("a/manifest.json").exists(), "files only on request");
    assert!(cli(&["generate", "2", dir.join("b").to_str().unwrap(), "--files"]).status.success());
    let names: Vec<String> = serde_json::from_slice(&std::fs::read(dir.join("b/manifest.json")).unwrap()).unwrap();
    assert_eq!(names, ["synthetic_00000.txt", "synthetic_00001.txt"]);
    assert_eq!(std::fs::read_to_string(dir.join("b").join(&names[1])).unwrap(), broadsheet_extract::synthetic::corpus(2, 1)[1].1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parts_indexed_apart_and_merged_are_the_corpus() {
    use broadsheet_archive::reader::Reader;
    let dir = std::env::temp_dir().join(format!("broadsheet-parts-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let corpus = dir.join("gen");
    assert!(cli(&["generate", "40", corpus.to_str().unwrap()]).status.success());
    let input = corpus.join("corpus.jsonl");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let run = cli(&["index", &path("whole"), input.to_str().unwrap(), "--batch", "8"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    // Three parts, given to merge out of order: they are put back in the order of the parts.
    for k in 1..=3 {
        let run = cli(&["index", &path(&format!("part{k}")), input.to_str().unwrap(), "--part", &format!("{k}/3"), "--batch", "8"]);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    }
    let run = cli(&["merge", &path("merged"), &path("part3"), &path("part1"), &path("part2")]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let whole = Reader::open(&dir.join("whole")).unwrap();
    let merged = Reader::open(&dir.join("merged")).unwrap();
    let parts: Vec<usize> = (1..=3).map(|k| Reader::open(&dir.join(format!("part{k}"))).unwrap().table.articles()).collect();
    assert!(parts.iter().all(|&n| (8..=18).contains(&n)), "the parts are about a third each: {parts:?}");
    assert_eq!(merged.table.articles(), 40);
    let ids = |r: &Reader| (0..r.table.articles()).map(|a| r.table.id(a).to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&merged), ids(&whole));
    assert_eq!(merged.linked().1, whole.linked().1);
    assert_eq!(merged.dictionary, whole.dictionary);
    // A missing part is said, and the rest still merged.
    let run = cli(&["merge", &path("two"), &path("part1"), &path("part3")]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("parts 2 of 3 are missing"));
    // Without texts: no articles chunks, cards that link to the article's url.
    assert!(cli(&["index", &path("bare"), input.to_str().unwrap(), "--no-text"]).status.success());
    let bare = Reader::open(&dir.join("bare")).unwrap();
    assert!(!bare.manifest.texts && bare.table.batches.iter().all(|b| b.articles_chunk.is_none()));
    let card = &bare.cards(0).unwrap()[3];
    assert_eq!((card.url.as_deref(), card.lead.as_str()), (Some("https://example.org/news/synthetic_00003"), ""));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_and_jsonl_become_a_format_3_index_with_keys_linked_across_it() {
    use broadsheet_archive::reader::Reader;
    let dir = std::env::temp_dir().join(format!("broadsheet-index3-test-{}", std::process::id()));
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("nested")).unwrap();
    std::fs::write(input.join("a.txt"), "Harbour talks\n\n“We will sign,” Minister Petra Novak said on Monday.").unwrap();
    std::fs::write(input.join("nested/b.txt"), "Talks stall\n\n“Not yet,” Novak told reporters.").unwrap();
    std::fs::write(
        dir.join("more.jsonl"),
        "{\"id\": \"c\", \"title\": \"Third\", \"url\": \"https://example.org/c\", \"text\": \"Body.\"}\nbroken line\n",
    )
    .unwrap();
    let out = dir.join("out");
    let run = cli(&["index", out.to_str().unwrap(), input.to_str().unwrap(), dir.join("more.jsonl").to_str().unwrap(), "--batch", "2"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "a broken input line makes the exit status a failure");
    assert!(stderr.contains("more.jsonl: line 2: not an {\"id\", \"text\"} object"), "{stderr}");
    let index = Reader::open(&out).unwrap();
    assert_eq!((0..3).map(|a| index.table.id(a)).collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(index.table.batches.len(), 2);
    let (links, linked) = index.linked();
    let speaker = linked.quote_columns().unwrap().speaker[1];
    assert_eq!(index.dictionary.entries[speaker as usize].key, "petra-novak", "“Novak” alone is the Petra Novak of the first article");
    // The page reads the same, linked by the indexer.
    assert_eq!(index.facts().unwrap().1, linked);
    assert_eq!(links.names[speaker as usize].0, "Petra Novak");
    assert_eq!(index.cards(1).unwrap()[0].url.as_deref(), Some("https://example.org/c"));
    std::fs::remove_dir_all(&dir).unwrap();
}
