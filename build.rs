//! Extracts every `seeds/*.txt` into the app when it is built: any file dropped
//! there appears after a rebuild, with no code change, and the page, already
//! holding their articles, needs no extractor until a reader opens a corpus of
//! their own.
//!
//! Also fingerprints the extractor's sources and its worker's script
//! (`EXTRACTOR_VERSION`): the page asks for those files with it, so a browser
//! never pairs a new page with an old extractor or worker it has cached (their
//! files keep one name from build to build).
//!
//! And, for the page's build (the `split` feature on wasm), has the linker keep
//! its relocations in the page's module, which wasm-split-cli needs to cut it in
//! two (.ci/split-module.mjs); no other build carries them.

use std::{
    env, fs,
    path::{Path, PathBuf},
};

/// FNV-1a over the files under `dirs` (recursively, in path order) and `files`.
fn fingerprint(root: &Path, dirs: &[&str], files: &[&str]) -> u64 {
    fn collect(dir: &Path, into: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, into);
            } else {
                into.push(path);
            }
        }
    }
    let mut paths: Vec<PathBuf> = files.iter().map(|f| root.join(f)).collect();
    for dir in dirs {
        let dir = root.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        collect(&dir, &mut paths);
    }
    paths.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &paths {
        for byte in fs::read(path).unwrap_or_default() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn main() {
    if env::var_os("CARGO_FEATURE_SPLIT").is_some() && env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
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

    println!("cargo:rerun-if-changed={}", root.join("Cargo.lock").display());
    println!("cargo:rerun-if-changed={}", root.join("js/extract-worker.js").display());
    let version = fingerprint(
        &root,
        &["crates/extract/src", "crates/extract/data", "crates/extract-worker/src"],
        &["Cargo.lock", "js/extract-worker.js", "crates/extract/build.rs"],
    );
    println!("cargo:rustc-env=EXTRACTOR_VERSION={version:016x}");
}
