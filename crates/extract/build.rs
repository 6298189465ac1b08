//! Turns `data/given_names.tsv` into tables compiled into the crate (`given_names.rs` in
//! `OUT_DIR`), so that no program builds the table of some 34,000 names when it starts.
//!
//! A name is a number: five bits a letter (a = 1 … z = 26, first letter highest), then two bits
//! for its gender. Names of up to 6 letters fit in a `u32`, of up to 12 in a `u64`, longer ones
//! in a `u128`; each table is sorted, and [`lexicon::given_names`](src/lexicon.rs) finds a name
//! by halving it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::{env, fs, path::PathBuf};

fn main() {
    let data = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("data/given_names.tsv");
    println!("cargo:rerun-if-changed={}", data.display());
    let tsv = fs::read_to_string(&data).unwrap_or_else(|e| panic!("cannot read {}: {e}", data.display()));
    // Folded name → gender code (0 male, 1 female, 2 unknown); a name given twice keeps its last.
    let mut names: BTreeMap<String, u128> = BTreeMap::new();
    for line in tsv.lines() {
        let Some((name, g)) = line.split_once('\t') else { continue };
        let gender = match g {
            "m" => 0,
            "f" => 1,
            _ => 2,
        };
        // An ASCII name folds to its lowercase: the letters are all the table can hold.
        assert!(name.bytes().all(|b| b.is_ascii_alphabetic()), "given name {name:?} is not all ASCII letters: the table cannot hold it");
        assert!(name.len() <= 25, "given name {name:?} is longer than the table's longest");
        names.insert(name.to_ascii_lowercase(), gender);
    }
    let number = |name: &str, gender: u128| name.bytes().fold(0u128, |n, b| n << 5 | u128::from(b - b'a' + 1)) << 2 | gender;
    let mut out = String::new();
    for (table, ty, letters) in
        [("GIVEN_NAMES_UP_TO_6", "u32", 1..=6), ("GIVEN_NAMES_UP_TO_12", "u64", 7..=12), ("GIVEN_NAMES_LONGER", "u128", 13..=25)]
    {
        let mut numbers: Vec<u128> = names.iter().filter(|(n, _)| letters.contains(&n.len())).map(|(n, &g)| number(n, g)).collect();
        numbers.sort_unstable();
        writeln!(out, "static {table}: [{ty}; {}] = [", numbers.len()).unwrap_or_default();
        for chunk in numbers.chunks(8) {
            let row: Vec<String> = chunk.iter().map(|n| format!("{n:#x}")).collect();
            writeln!(out, "    {},", row.join(", ")).unwrap_or_default();
        }
        out.push_str("];\n");
    }
    let path = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("given_names.rs");
    fs::write(path, out).expect("OUT_DIR is writable");
}
