//! `broadsheet-extract index`: folders and JSONL in, an index and its shards out.

use std::process::Command;

use broadsheet_extract::Article;

#[test]
fn a_folder_becomes_shards_with_keys_linked_across_them() {
    let dir = std::env::temp_dir().join(format!("broadsheet-index-test-{}", std::process::id()));
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("nested")).unwrap();
    std::fs::write(input.join("a.txt"), "Harbour talks\n\n“We will sign,” Minister Petra Novak said on Monday.").unwrap();
    std::fs::write(input.join("nested/b.txt"), "Talks stall\n\n“Not yet,” Novak told reporters.").unwrap();
    std::fs::write(input.join("notes.md"), "not an article").unwrap();
    std::fs::write(dir.join("more.jsonl"), "{\"id\": \"c\", \"title\": \"Third\", \"text\": \"Body.\"}\nbroken line\n").unwrap();
    let out = dir.join("out");

    let run = Command::new(env!("CARGO_BIN_EXE_broadsheet-extract"))
        .args(["index", out.to_str().unwrap(), input.to_str().unwrap(), dir.join("more.jsonl").to_str().unwrap(), "--shard", "2"])
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
