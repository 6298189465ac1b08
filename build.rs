//! Extracts every `seeds/*.txt` into the app when it is built: any file dropped
//! there appears after a rebuild, with no code change, and the page, already
//! holding their articles, needs no extractor until a reader opens a corpus of
//! their own.

use std::{env, fs, path::PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let seeds = root.join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&seeds)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect())
        .unwrap_or_default();
    files.sort();
    let mut articles = Vec::with_capacity(files.len());
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let bytes = fs::read(f).unwrap_or_else(|e| panic!("cannot read {}: {e}", f.display()));
        articles.push(broadsheet_extract::extract(name, &bytes));
    }
    let shard = broadsheet_extract::shard::encode(&articles).expect("extracted articles always encode");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.bin");
    fs::write(out, shard).expect("OUT_DIR is writable");
}
