//! Bundles every `seeds/*.txt` into the app: any file dropped there appears
//! after a rebuild, with no code change.

use std::{env, fs, path::PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let seeds = root.join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&seeds)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect())
        .unwrap_or_default();
    files.sort();
    let mut code = String::from("/// Seed articles bundled at build time: (file name, bytes).\npub static SEEDS: &[(&str, &[u8])] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        code.push_str(&format!("    ({name:?}, include_bytes!({:?})),\n", f.display().to_string()));
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
