//! Word lists: the engine's general knowledge of English news writing.
//!
//! Places and given names come from `data/*.tsv`, generated from general-purpose
//! gazetteer packages by `data/generate.py`. The short lists below are written by
//! hand from general knowledge of the language.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Accent folding for matching and slugs: "é" → "e", "ß" → "ss".
pub fn fold_char(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "C",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' | 'ģ' => "g",
        'Ğ' | 'Ģ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'Ł' | 'Ľ' | 'Ĺ' | 'Ļ' => "L",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'ř' | 'ŕ' => "r",
        'Ř' | 'Ŕ' => "R",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        '’' | '‘' => "'",
        _ => "",
    }
}

/// Lowercase with accents folded: the form used for every lookup.
pub fn fold(s: &str) -> String {
    folded(s).into_owned()
}

/// A word folded for lookup: borrowed when it already was folded, as most words of
/// running text are, kept inline when it is short ASCII, and allocated only otherwise.
/// Dereferences to the folded `str`.
pub enum Folded<'a> {
    Borrowed(&'a str),
    Inline { bytes: [u8; INLINE_FOLDED], len: u8 },
    Owned(String),
}

/// The longest word [`Folded`] keeps without allocating; few words are longer.
const INLINE_FOLDED: usize = 22;

impl std::ops::Deref for Folded<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Folded::Borrowed(s) => s,
            // Only whole encoded characters are stored inline, so it is always valid UTF-8.
            Folded::Inline { bytes, len } => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            Folded::Owned(s) => s,
        }
    }
}

impl Folded<'_> {
    pub fn into_owned(self) -> String {
        match self {
            Folded::Owned(s) => s,
            other => other.to_string(),
        }
    }

    /// The folded word's bytes, read without the UTF-8 check a `str` needs.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Folded::Borrowed(s) => s.as_bytes(),
            Folded::Inline { bytes, len } => &bytes[..usize::from(*len)],
            Folded::Owned(s) => s.as_bytes(),
        }
    }
}

impl PartialEq<&str> for Folded<'_> {
    fn eq(&self, other: &&str) -> bool {
        // Two strings are equal when their bytes are.
        self.as_bytes() == other.as_bytes()
    }
}

/// A word folded for lookup in the word lists: a `str`, or a [`Folded`] read as its bytes, which
/// spares the UTF-8 check its `str` needs.
pub trait FoldedWord {
    fn folded_bytes(&self) -> &[u8];
}

impl FoldedWord for str {
    fn folded_bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl FoldedWord for String {
    fn folded_bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl FoldedWord for Folded<'_> {
    fn folded_bytes(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl<W: FoldedWord + ?Sized> FoldedWord for &W {
    fn folded_bytes(&self) -> &[u8] {
        (**self).folded_bytes()
    }
}

impl AsRef<str> for Folded<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

/// [`fold`] without a copy for most words: see [`Folded`].
pub fn folded(s: &str) -> Folded<'_> {
    // Most words are short: packed into a number, they are tested and lowered all at once.
    if let Some(key) = packed(s.as_bytes()) {
        if key & u128::from_le_bytes([0x80; 16]) != 0 {
            return folded_non_ascii(s);
        }
        let lowered = ascii_lowercase(key);
        if lowered == key {
            return Folded::Borrowed(s);
        }
        let mut bytes = [0u8; INLINE_FOLDED];
        bytes[..16].copy_from_slice(&lowered.to_le_bytes());
        return Folded::Inline { bytes, len: s.len() as u8 };
    }
    // One pass decides: most words are lowercase ASCII and are borrowed as they are.
    let mut needs_lowering = false;
    for &b in s.as_bytes() {
        if !b.is_ascii() {
            return folded_non_ascii(s);
        }
        needs_lowering |= b.is_ascii_uppercase();
    }
    if !needs_lowering {
        Folded::Borrowed(s)
    } else if s.len() <= INLINE_FOLDED {
        let mut bytes = [0u8; INLINE_FOLDED];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        bytes[..s.len()].make_ascii_lowercase();
        Folded::Inline { bytes, len: s.len() as u8 }
    } else {
        Folded::Owned(s.to_ascii_lowercase())
    }
}

/// Calls `f` with the word folded.
pub fn with_folded<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    f(&folded(word))
}

/// The characters one character folds to: lowercase, accents removed ("É" → "e", "ß" → "ss").
pub fn fold_each(c: char, mut emit: impl FnMut(char)) {
    let plain = fold_char(c);
    if crate::tokens::is_combining_accent(c) {
        // "e" and a combining acute fold as "é" does.
    } else if plain.is_empty() {
        c.to_lowercase().for_each(emit);
    } else {
        plain.chars().for_each(|p| emit(p.to_ascii_lowercase()));
    }
}

/// The characters of [`fold`]`(s)`, one at a time, for comparing folds without making them.
/// An ASCII character (most of news text) is lowered as it is read; only the others are folded
/// by [`fold_each`], which makes at most three characters of one.
pub fn folded_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = s.chars();
    // The characters one character beyond ASCII folded to after its first, not yet given.
    let (mut pending, mut pending_len, mut next_pending) = (['\0'; 2], 0, 0);
    std::iter::from_fn(move || {
        if next_pending < pending_len {
            next_pending += 1;
            return Some(pending[next_pending - 1]);
        }
        loop {
            let c = chars.next()?;
            if c.is_ascii() {
                return Some(c.to_ascii_lowercase());
            }
            let mut first = None;
            (pending_len, next_pending) = (0, 0);
            fold_each(c, |f| {
                if first.is_none() {
                    first = Some(f);
                } else {
                    pending[pending_len] = f;
                    pending_len += 1;
                }
            });
            if first.is_some() {
                return first;
            }
        }
    })
}

/// Appends `text` folded for search to `out`: each character as [`fold_each`]
/// folds it, and each run of whitespace as one space, so phrases match across
/// line breaks. Runs over whole corpora, so ASCII (most of news text) is copied
/// and lowercased a run at a time, and only the rest goes character by character.
pub fn fold_text_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut in_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() && !is_ascii_space(b) {
            let run = i + bytes[i..].iter().position(|&b| !b.is_ascii() || is_ascii_space(b)).unwrap_or(bytes.len() - i);
            let start = out.len();
            out.push_str(&text[i..run]);
            out[start..].make_ascii_lowercase();
            in_space = false;
            i = run;
            continue;
        }
        // `i` is on a char boundary: ASCII runs end before a non-ASCII byte or at a space.
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            fold_each(c, |f| out.push(f));
            in_space = false;
        }
        i += c.len_utf8();
    }
}

/// The ASCII characters `char::is_whitespace` accepts.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// [`folded`] of a word with letters beyond ASCII (or a quotation mark): inline
/// when its fold is short, whole characters at a time so that it stays UTF-8.
fn folded_non_ascii(s: &str) -> Folded<'_> {
    let mut bytes = [0u8; INLINE_FOLDED];
    let mut len = 0;
    let mut fits = true;
    for c in s.chars() {
        fold_each(c, |f| {
            if fits && len + f.len_utf8() <= INLINE_FOLDED {
                len += f.encode_utf8(&mut bytes[len..]).len();
            } else {
                fits = false;
            }
        });
        if !fits {
            let mut out = String::with_capacity(s.len());
            fold_into(&mut out, s);
            return Folded::Owned(out);
        }
    }
    if s.len() == len && s.as_bytes() == &bytes[..len] {
        return Folded::Borrowed(s);
    }
    Folded::Inline { bytes, len: len as u8 }
}

/// Appends [`fold`]`(s)` to `out`.
pub fn fold_into(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    } else {
        for c in s.chars() {
            fold_each(c, |f| out.push(f));
        }
    }
}

/// A fast, non-cryptographic hasher for the word lists (FxHash's mixing).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }
    /// A `str` key ends with this byte: one step, not a slice of one.
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
    /// A packed word: its two halves, as `write` would take its sixteen bytes.
    fn write_u128(&mut self, key: u128) {
        self.add(key as u64);
        self.add((key >> 64) as u64);
    }
}

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The last one to seven bytes of a key as one little-endian number, zeros above them: what a copy
/// into eight zeroed bytes gives, made by loads that may overlap (as in [`packed`]), since a copy
/// of a length known only now is a call to `memcpy` for every key hashed.
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let u32_at = |at: usize| u64::from(u32::from_le_bytes(rest[at..at + 4].try_into().unwrap_or_default()));
    match rest.len() {
        len @ 4.. => u32_at(0) | u32_at(len - 4) << (8 * (len - 4)),
        _ => rest.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)),
    }
}

/// A map with the word hasher, for tables keyed by words.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type WordMap<V> = FastMap<String, V>;
pub type WordSet<K = &'static str> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// A set of words as written (not folded), such as the words a text capitalises: a [`NameMap`]
/// with nothing for each word.
pub struct WrittenWords<'a>(NameMap<'a, ()>);

impl Default for WrittenWords<'_> {
    fn default() -> Self {
        WrittenWords::with_capacity(0)
    }
}

impl<'a> WrittenWords<'a> {
    /// Room for `words` short words.
    pub fn with_capacity(words: usize) -> Self {
        WrittenWords(NameMap::with_capacity(words))
    }

    pub fn insert(&mut self, word: &'a str) {
        self.0.entry_or_default(word);
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.get(word).is_some()
    }
}

/// A map keyed by words or names borrowed from a text, folded or as written: a key of at most
/// 15 bytes (most) is packed into a number (see [`packed`]), so it is hashed and compared as one number, with
/// no string hashed and no call to compare one; longer keys by their text.
pub struct NameMap<'a, V> {
    short: FastMap<u128, V>,
    long: FastMap<&'a str, V>,
}

impl<'a, V: Default> NameMap<'a, V> {
    /// Room for `keys` short keys.
    pub fn with_capacity(keys: usize) -> Self {
        NameMap { short: FastMap::with_capacity_and_hasher(keys, Default::default()), long: FastMap::default() }
    }

    /// The value of `key`, a default one put there first if it has none.
    pub fn entry_or_default(&mut self, key: &'a str) -> &mut V {
        match packed(key.as_bytes()) {
            Some(packed) => self.short.entry(packed).or_default(),
            None => self.long.entry(key).or_default(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        match packed(key.as_bytes()) {
            Some(packed) => self.short.get(&packed),
            None => self.long.get(key),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    State,
    City,
    Region,
}

pub struct Place {
    pub canonical: &'static str,
    pub kind: PlaceKind,
}

/// Folded words, or names of several words, to what is known of them. Most names have at
/// most 15 bytes and are keyed packed into a number, as the word lists are (see [`packed`]);
/// a lookup then follows no pointer. Longer ones are keyed by their text.
pub struct WordTable<V> {
    short: FastMap<u128, V>,
    /// A bit for the hash of each key of `short` ([`WordTable::bit`]): most words asked are not
    /// in the table, and a word whose bit is clear is known absent without probing the map.
    short_bits: Box<[u64]>,
    long: WordMap<V>,
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable::with_capacity(0)
    }
}

impl<V> WordTable<V> {
    /// How many bits [`WordTable::bit`] gives: 16 KB of them, so that a table of some 6,000
    /// places sets one in twenty.
    const BITS: u32 = 17;

    fn with_capacity(short: usize) -> Self {
        WordTable {
            short: FastMap::with_capacity_and_hasher(short, Default::default()),
            short_bits: vec![0; 1 << (Self::BITS - 6)].into_boxed_slice(),
            long: WordMap::default(),
        }
    }

    /// The bit of `short_bits` for a packed key: its two halves mixed and multiplied (Fibonacci
    /// hashing, as [`ListedTable`] places its keys).
    #[inline]
    fn bit(key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    /// Adds or replaces the value of `folded` (made a `String` only when it is too long to pack).
    fn insert(&mut self, folded: Folded<'_>, value: V) {
        match packed(folded.as_bytes()) {
            Some(key) => {
                let bit = Self::bit(key);
                self.short_bits[bit / 64] |= 1 << (bit % 64);
                self.short.insert(key, value)
            }
            None => self.long.insert(folded.into_owned(), value),
        };
    }

    pub fn get(&self, folded: &str) -> Option<&V> {
        match packed(folded.as_bytes()) {
            Some(key) => {
                let bit = Self::bit(key);
                (self.short_bits[bit / 64] & 1 << (bit % 64) != 0).then(|| self.short.get(&key)).flatten()
            }
            None => self.long.get(folded),
        }
    }

    pub fn contains_key(&self, folded: &str) -> bool {
        self.get(folded).is_some()
    }
}

/// Places by folded name.
pub fn places() -> &'static WordTable<Place> {
    static PLACES: OnceLock<WordTable<Place>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let tsv = include_str!("../data/places.tsv");
        let lines = memchr::memchr_iter(b'\n', tsv.as_bytes()).count();
        let mut map = WordTable::with_capacity(lines);
        for line in tsv.lines() {
            let (name, Some(rest)) = before_tab(line) else { continue };
            let (kind, rest) = before_tab(rest);
            let kind = match kind {
                "c" => PlaceKind::Country,
                "s" => PlaceKind::State,
                "r" => PlaceKind::Region,
                _ => PlaceKind::City,
            };
            let canonical = rest.map_or(name, |rest| before_tab(rest).0);
            map.insert(folded(name), Place { canonical, kind });
        }
        map
    })
}

/// The column that opens `line`, up to its first tab, and the columns after that tab: what
/// `split('\t')` gives one at a time, found with one byte search (the gazetteer's thousands of
/// lines are read so once, before the first article).
fn before_tab(line: &str) -> (&str, Option<&str>) {
    match memchr::memchr(b'\t', line.as_bytes()) {
        Some(tab) => (&line[..tab], Some(&line[tab + 1..])),
        None => (line, None),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Common given names with their usual gender, by folded name.
pub fn given_names() -> &'static GivenNames {
    &GivenNames
}

include!(concat!(env!("OUT_DIR"), "/given_names.rs"));

/// The given names of `data/given_names.tsv`, compiled in by `build.rs` as sorted numbers:
/// nothing is built when a program starts.
pub struct GivenNames;

impl GivenNames {
    /// The usual gender of the given name `folded`, if it is one.
    pub fn get(&self, folded: &(impl FoldedWord + ?Sized)) -> Option<&'static Gender> {
        const GENDERS: [Gender; 4] = [Gender::Male, Gender::Female, Gender::Unknown, Gender::Unknown];
        // The name as `build.rs` numbers it: five bits a letter, a = 1.
        let bytes = folded.folded_bytes();
        if bytes.is_empty() || bytes.len() > 25 {
            return None;
        }
        let mut number = 0u128;
        for &b in bytes {
            if !b.is_ascii_lowercase() {
                return None;
            }
            number = number << 5 | u128::from(b - b'a' + 1);
        }
        let gender = match bytes.len() {
            len @ 1..=6 => gender_bits(&GIVEN_NAMES_UP_TO_6, Some((&UP_TO_6_STARTS, 1)), number, len),
            len @ 7..=12 => gender_bits(&GIVEN_NAMES_UP_TO_12, Some((&UP_TO_12_STARTS, 7)), number, len),
            len => gender_bits(&GIVEN_NAMES_LONGER, None, number, len),
        }?;
        Some(&GENDERS[gender])
    }

    pub fn contains_key(&self, folded: &(impl FoldedWord + ?Sized)) -> bool {
        self.get(folded).is_some()
    }
}

/// A table's names of each length fall into this many buckets, one for each first two letters
/// (five bits each).
const BUCKETS_PER_LENGTH: usize = 1024;

/// The bucket of a name of `len` letters numbered `letters` (five bits a letter, the first
/// highest) in a table whose shortest names have `shortest` letters: its length and first two
/// letters.
const fn bucket(letters: u128, len: usize, shortest: usize) -> usize {
    let first_two = if len == 1 { letters << 5 } else { letters >> (5 * (len - 2)) };
    (len - shortest) * BUCKETS_PER_LENGTH + first_two as usize
}

/// Where each bucket's names start in a sorted table of names of `shortest` to `longest` letters
/// (and, last, where the table ends), counted when the crate is compiled. A table sorted by
/// number is sorted by length, then by letters (the first letter, at least 1, sets a name's
/// highest bits): each bucket's names lie together. A search then halves one bucket, a few
/// dozen names in a cache line or two, rather than the whole table (some 150 KB), whose every
/// halving would miss the cache.
macro_rules! bucket_starts {
    ($table:ident, $shortest:expr, $longest:expr) => {{
        let mut starts = [0u16; ($longest - $shortest + 1) * BUCKETS_PER_LENGTH + 1];
        // Each bucket's names counted, after its start; then the counts summed.
        let mut i = 0;
        while i < $table.len() {
            let letters = ($table[i] >> 2) as u128;
            let len = (128 - letters.leading_zeros() as usize).div_ceil(5);
            starts[bucket(letters, len, $shortest) + 1] += 1;
            i += 1;
        }
        let mut b = 1;
        while b < starts.len() {
            starts[b] += starts[b - 1];
            b += 1;
        }
        starts
    }};
}

static UP_TO_6_STARTS: [u16; 6 * BUCKETS_PER_LENGTH + 1] = bucket_starts!(GIVEN_NAMES_UP_TO_6, 1, 6);
static UP_TO_12_STARTS: [u16; 6 * BUCKETS_PER_LENGTH + 1] = bucket_starts!(GIVEN_NAMES_UP_TO_12, 7, 12);

/// The two gender bits of the name of `len` letters numbered `number` in a sorted table of names,
/// if it is there. `buckets`, for a big table, are its [`bucket_starts!`] and its shortest names'
/// length: only the name's bucket is searched.
fn gender_bits<T: Copy + Ord + Into<u128> + TryFrom<u128>>(table: &[T], buckets: Option<(&[u16], usize)>, number: u128, len: usize) -> Option<usize> {
    // The name's smallest entry, with gender 0: the name is the first entry not below it, if any.
    let least = T::try_from(number << 2).ok()?;
    let names = match buckets {
        Some((starts, shortest)) => {
            let b = bucket(number, len, shortest);
            &table[usize::from(starts[b])..usize::from(starts[b + 1])]
        }
        None => table,
    };
    let found: u128 = (*names.get(names.partition_point(|&n| n < least))?).into();
    (found >> 2 == number).then_some((found & 3) as usize)
}

/// The first entry not below `least` in a sorted table, found by halving the whole table: what
/// [`gender_bits`]'s search in a bucket must find.
#[cfg(test)]
fn first_not_below<T: Copy + Ord>(table: &[T], least: T) -> Option<T> {
    table.get(table.partition_point(|&n| n < least)).copied()
}

/// What the hand-written word lists say of one folded word, found with one lookup:
/// the lists it is on, the country it names as a demonym, the pronoun it is, and whether the
/// gazetteer names a place by it. Four bytes, so that the table of them is small (and a token
/// has room for them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// A bit for each list the word is on ([`WordList::bit`]), and [`LISTED_PLACE`].
    lists: u16,
    /// One more than the word's index in `DEMONYMS` (zero for no demonym) in the low seven
    /// bits ([`DEMONYM_INDEX`]); above them, whether the word is a party label ([`PARTY_LABEL`]).
    demonym: u8,
    /// One more than the word's index in [`PRONOUNS`] (zero for no pronoun) in the low five bits
    /// ([`PRONOUN_INDEX`]); above them, the nouns the name rules ask of a word
    /// ([`NAMES_A_BODY`], [`PEOPLE_OR_FAITH`], [`BODY_NOUN`]).
    pronoun: u8,
}

/// The bits of [`WordInfo::pronoun`] that say which pronoun the word is.
const PRONOUN_INDEX: u8 = 0b1_1111;
const _: () = assert!(PRONOUNS.len() < PRONOUN_INDEX as usize, "a pronoun's index would reach the nouns' bits");
/// The bit of [`WordInfo::pronoun`] for a word [`body_kind`] knows.
const NAMES_A_BODY: u8 = 1 << 5;
/// The bit of [`WordInfo::pronoun`] for a word [`is_people_or_faith`] holds.
const PEOPLE_OR_FAITH: u8 = 1 << 6;
/// The bit of [`WordInfo::pronoun`] for a word of [`BODY_NOUNS`].
const BODY_NOUN: u8 = 1 << 7;
/// The bit of [`WordInfo::demonym`] for a party label ([`PARTY_LABELS`]); the bits below it are
/// the demonym's index.
const PARTY_LABEL: u8 = 1 << 7;
const DEMONYM_INDEX: u8 = PARTY_LABEL - 1;
const _: () = assert!(DEMONYMS.len() < DEMONYM_INDEX as usize, "a demonym's index would reach the party label's bit");

/// The bit of [`WordInfo::lists`] that no list has: the word, on a list, is also alone a place's
/// name in the gazetteer. A sentence that opens with a common word asks this of it rather than
/// the gazetteer.
const LISTED_PLACE: u16 = 1 << 15;
const _: () = assert!(WORD_LISTS.len() <= 15, "a list's bit would be LISTED_PLACE");

impl WordInfo {
    pub fn is(&self, list: WordList) -> bool {
        self.lists & list.bit() != 0
    }

    /// Is the word, on one of the word lists, also a place's name ([`places`])? Always `false`
    /// for a word on no list.
    pub fn is_listed_place(&self) -> bool {
        self.lists & LISTED_PLACE != 0
    }

    /// The country a demonym points to ("belarusian" → "Belarus").
    pub fn demonym(&self) -> Option<&'static str> {
        usize::from(self.demonym & DEMONYM_INDEX).checked_sub(1).and_then(|i| DEMONYMS.get(i)).map(|&(_, country)| country)
    }

    /// The pronoun the word is ("him", "her", "its"), and whether it is a possessive.
    pub fn pronoun(&self) -> Option<(Pronoun, bool)> {
        usize::from(self.pronoun & PRONOUN_INDEX).checked_sub(1).and_then(|i| PRONOUNS.get(i)).map(|&(_, pronoun, possessive)| (pronoun, possessive))
    }

    /// The same facts without the pronoun.
    pub fn without_pronoun(self) -> WordInfo {
        WordInfo { pronoun: self.pronoun & !PRONOUN_INDEX, ..self }
    }

    /// Does the word name a kind of body ([`body_kind`])?
    pub fn names_a_body(&self) -> bool {
        self.pronoun & NAMES_A_BODY != 0
    }

    /// Is the word a lowercase noun for a kind of body ([`BODY_NOUNS`]: "agency", "union")?
    pub fn is_body_noun(&self) -> bool {
        self.pronoun & BODY_NOUN != 0
    }

    /// Is the word a party label ([`PARTY_LABELS`]: "democrat", "tory")?
    pub fn is_party_label(&self) -> bool {
        self.demonym & PARTY_LABEL != 0
    }

    /// Is the word a people or a faith that no country names ([`is_people_or_faith`]), for a
    /// word of at most [`LONGEST_PACKED`] bytes?
    pub fn is_people_or_faith(&self) -> bool {
        self.pronoun & PEOPLE_OR_FAITH != 0
    }
}

/// A pronoun that can stand for a speaker or a referent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    It,
    They,
    I,
    We,
}

impl Pronoun {
    pub fn gender(self) -> Gender {
        match self {
            Pronoun::He => Gender::Male,
            Pronoun::She => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// The pronouns, each with whether it is a possessive ("his", "their").
#[rustfmt::skip]
const PRONOUNS: &[(&str, Pronoun, bool)] = &[
    ("he", Pronoun::He, false), ("him", Pronoun::He, false), ("himself", Pronoun::He, false), ("his", Pronoun::He, true),
    ("she", Pronoun::She, false), ("herself", Pronoun::She, false), ("her", Pronoun::She, true), ("hers", Pronoun::She, true),
    ("it", Pronoun::It, false), ("itself", Pronoun::It, false), ("its", Pronoun::It, true),
    ("they", Pronoun::They, false), ("them", Pronoun::They, false), ("themselves", Pronoun::They, false), ("their", Pronoun::They, true),
    ("i", Pronoun::I, false), ("me", Pronoun::I, false), ("myself", Pronoun::I, false), ("my", Pronoun::I, true),
    ("we", Pronoun::We, false), ("us", Pronoun::We, false), ("our", Pronoun::We, true),
];

/// What the hand-written lists (and the demonyms) say of `folded`. They are asked
/// of many words, so they are one small table, apart from the big gazetteer.
pub fn listed(folded: &(impl FoldedWord + ?Sized)) -> WordInfo {
    packed(folded.folded_bytes()).map_or_else(WordInfo::default, |key| listed_table().get(key))
}

/// The table behind [`listed`], by [`packed`] word: a caller that looks up every word of a text
/// takes it once.
pub fn listed_table() -> &'static ListedTable {
    static LISTED: OnceLock<ListedTable> = OnceLock::new();
    LISTED.get_or_init(|| {
        let mut words = FastMap::<u128, WordInfo>::default();
        for &(list, members) in WORD_LISTS {
            for &word in members {
                if let Some(key) = packed(word.as_bytes()) {
                    let info = words.entry(key).or_default();
                    info.lists |= list.bit();
                    if places().get(word).is_some() {
                        info.lists |= LISTED_PLACE;
                    }
                }
            }
        }
        for (i, &(demonym, _)) in DEMONYMS.iter().enumerate() {
            if let Some(key) = packed(demonym.as_bytes()) {
                words.entry(key).or_default().demonym |= u8::try_from(i + 1).unwrap_or(0);
            }
        }
        for (i, &(pronoun, ..)) in PRONOUNS.iter().enumerate() {
            if let Some(key) = packed(pronoun.as_bytes()) {
                words.entry(key).or_default().pronoun |= u8::try_from(i + 1).unwrap_or(0);
            }
        }
        for &word in BODY_KIND_WORDS {
            if let Some(key) = packed(word.as_bytes()) {
                words.entry(key).or_default().pronoun |= NAMES_A_BODY;
            }
        }
        for &word in BODY_NOUNS {
            if let Some(key) = packed(word.as_bytes()) {
                words.entry(key).or_default().pronoun |= BODY_NOUN;
            }
        }
        for &word in PARTY_LABELS {
            if let Some(key) = packed(word.as_bytes()) {
                words.entry(key).or_default().demonym |= PARTY_LABEL;
            }
        }
        // A people's or a faith's word, and its plural.
        for &word in PEOPLES_AND_FAITHS {
            for key in [packed(word.as_bytes()), packed(format!("{word}s").as_bytes())].into_iter().flatten() {
                words.entry(key).or_default().pronoun |= PEOPLE_OR_FAITH;
            }
        }
        ListedTable::new(&words)
    })
}

/// The word lists by packed word, for the lookup the tokenizer makes for every word of every
/// article. Written here rather than taken from `HashMap` (hashbrown): a general map probes
/// groups of tags before it compares a key, which for a small table that never changes costs
/// three times the instructions of open addressing at a quarter full, where most lookups hash
/// once and compare one key.
///
/// A slot holds its word and the word's facts side by side, and an empty slot holds no word and
/// no facts: a lookup stops at the first slot that holds its word or none and returns that
/// slot's facts, with one test for both (a word the lists miss is most words asked, and costs
/// no more than one they hold). The table's size is fixed, so that a slot's index, the top bits
/// of a hash, needs no bounds check.
pub struct ListedTable {
    slots: Box<[ListedSlot; LISTED_SLOTS]>,
}

/// One slot of [`ListedTable`]: a packed word's two halves (both zero for an empty slot: no
/// listed word packs to zero, its length byte is not zero) and its facts.
#[derive(Clone, Copy, Default)]
struct ListedSlot {
    low: u64,
    high: u64,
    info: WordInfo,
}

/// How many bits a [`ListedTable`] slot's index has: room for four times the listed words
/// (a test checks it), so that most lookups compare one slot.
const LISTED_SLOT_BITS: u32 = 14;
const LISTED_SLOTS: usize = 1 << LISTED_SLOT_BITS;

impl ListedTable {
    fn new(words: &FastMap<u128, WordInfo>) -> Self {
        assert!(4 * words.len() <= LISTED_SLOTS, "the listed words outgrew their table: raise LISTED_SLOT_BITS");
        let mut slots: Box<[ListedSlot; LISTED_SLOTS]> =
            vec![ListedSlot::default(); LISTED_SLOTS].into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!("made with LISTED_SLOTS slots"));
        for (&key, &info) in words {
            let mut slot = Self::slot(key);
            while slots[slot].low | slots[slot].high != 0 {
                slot = (slot + 1) % LISTED_SLOTS;
            }
            slots[slot] = ListedSlot { low: key as u64, high: (key >> 64) as u64, info };
        }
        ListedTable { slots }
    }

    /// Where the search for `key` starts: its two halves mixed and multiplied (Fibonacci hashing).
    #[inline]
    fn slot(key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LISTED_SLOT_BITS)) as usize
    }

    /// [`listed`] of the word whose [`lowered_key`] (or [`packed`] fold) is `key`.
    #[inline]
    pub fn get(&self, key: u128) -> WordInfo {
        let (low, high) = (key as u64, (key >> 64) as u64);
        let mut slot = Self::slot(key);
        loop {
            let s = &self.slots[slot];
            // The word's slot, or an empty one, whose facts are none.
            if (s.low ^ low) | (s.high ^ high) == 0 || s.low | s.high == 0 {
                return s.info;
            }
            slot = (slot + 1) % LISTED_SLOTS;
        }
    }
}

/// [`listed`] of the word folded: a short ASCII word is lowercased as it is packed, and not
/// folded first.
pub fn listed_as_written(word: &str) -> WordInfo {
    match lowered_key(word.as_bytes()) {
        Some(key) => listed_by_key(key),
        None => with_folded(word, listed),
    }
}

/// [`listed`] of the word whose [`lowered_key`] is `key`.
#[inline]
pub fn listed_by_key(key: u128) -> WordInfo {
    listed_table().get(key)
}

/// The [`packed`] key of a word of ASCII (of at most 15 bytes) lowered, which is its fold: made
/// in two 64-bit halves, each loaded at once and lowered at once. `None` for a longer word or
/// one beyond ASCII.
#[inline]
pub fn lowered_key(word: &[u8]) -> Option<u128> {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let len = word.len();
    // Loads that may overlap, as in `packed`: the bytes they share are the same.
    let u64_at = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().unwrap_or_default());
    let u32_at = |at: usize| u64::from(u32::from_le_bytes(word[at..at + 4].try_into().unwrap_or_default()));
    let (low, high) = match len {
        16.. => return None,
        // The bytes after the first eight are the last `len - 8` of the last eight.
        9.. => (u64_at(0), u64_at(len - 8) >> (8 * (16 - len))),
        8 => (u64_at(0), 0),
        4.. => (u32_at(0) | u32_at(len - 4) << (8 * (len - 4)), 0),
        _ => (word.iter().rev().fold(0, |key, &b| key << 8 | u64::from(b)), 0),
    };
    if (low | high) & HIGHS != 0 {
        return None;
    }
    // The length byte, below 16, is no capital.
    Some(u128::from(ascii_lowercase_u64(low)) | u128::from(ascii_lowercase_u64(high) | (len as u64) << 56) << 64)
}

/// Eight ASCII bytes with their capitals made small, all at once (see [`ascii_lowercase`]).
#[inline]
pub fn ascii_lowercase_u64(key: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = ONES * 0x80;
    let at_least = |from: u8| key + ONES * u64::from(0x80 - from);
    let capitals = at_least(b'A') & !at_least(b'Z' + 1) & HIGHS;
    key | capitals >> 2
}

/// A packed ASCII word (see [`packed`]) with its capitals made small: 0x20 added to every
/// byte from `A` to `Z`, all bytes at once. (Its length byte, below 16, is no capital.)
fn ascii_lowercase(key: u128) -> u128 {
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    const HIGHS: u128 = ONES * 0x80;
    // High bit of each byte set where the byte is at least `from`: ASCII bytes never carry.
    let at_least = |from: u8| key + ONES * u128::from(0x80 - from);
    let capitals = at_least(b'A') & !at_least(b'Z' + 1) & HIGHS;
    key | capitals >> 2
}

/// A word of at most 15 bytes and its length, packed into one number: a key hashed and
/// compared at once, with no pointer to follow. (No word of the hand-written lists is longer.)
/// The longest word [`packed`] packs.
pub const LONGEST_PACKED: usize = 15;

fn packed(bytes: &[u8]) -> Option<u128> {
    let len = bytes.len();
    // Two loads that may overlap, not a copy of a length known only now: the bytes they
    // share are the same, so or-ing them is harmless.
    let u32_at = |at: usize| u128::from(u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default()));
    let u64_at = |at: usize| u128::from(u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default()));
    let text = match len {
        16.. => return None,
        8.. => u64_at(0) | u64_at(len - 8) << (8 * (len - 8)),
        4.. => u32_at(0) | u32_at(len - 4) << (8 * (len - 4)),
        _ => bytes.iter().rev().fold(0, |key, &b| key << 8 | u128::from(b)),
    };
    Some(text | (len as u128) << 120)
}

macro_rules! word_lists {
    ($(($list:ident, $fn_name:ident, $const_name:ident, $doc:literal, [$($w:literal),* $(,)?])),* $(,)?) => {
        /// The hand-written word lists, each a bit of [`WordInfo`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum WordList { $($list),* }

        impl WordList {
            fn bit(self) -> u16 {
                1 << self as u16
            }
        }

        $(
            const $const_name: &[&str] = &[$($w),*];
            #[doc = $doc]
            pub fn $fn_name(folded: &(impl FoldedWord + ?Sized)) -> bool {
                listed(folded).is(WordList::$list)
            }
        )*

        const WORD_LISTS: &[(WordList, &[&str])] = &[$((WordList::$list, $const_name)),*];
    };
}

#[rustfmt::skip]
word_lists!(
    (CueVerb, is_cue_verb, CUE_VERBS, "Verbs that introduce reported speech, in every tense news uses.", [
        "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "adding",
        "ask", "asks", "asked", "asking", "explain", "explains", "explained", "explaining", "notes", "noted",
        "noting", "states", "stated", "stating", "write", "writes", "wrote", "writing", "declare", "declares",
        "declared", "insists", "insisted", "insisting", "argue", "argues", "argued", "arguing", 
        "claims", "claimed", "claiming", "continue", "continues", "continued", "warn", "warns", "warned", 
        "stresses", "stressed", "stressing", "replies", "replied", "respond", "responds",
        "responded", "recall", "recalls", "recalled", "recalling", "remarks", "remarked", "announce",
        "announces", "announced", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
        "concede", "concedes", "conceded", "conclude", "concludes", "concluded", "complain", "complains",
        "complained", "suggest", "suggests", "suggested", "suggesting", "observe", "observes", "observed", 
        "quips", "quipped", "jokes", "joked", "tweets", "tweeted", "tweeting", "posted",
        "shouts", "shouted", "exclaim", "exclaimed", "urge", "urges", "urged", "urging", "maintain",
        "maintains", "maintained", "contend", "contends", "contended", "countered", "predict", "predicts",
        "predicted", "promises", "promised", "promising", "vows", "vowed", "vowing", "indicate",
        "indicates", "indicated", "emphasize", "emphasized", "emphasizes", "emphasise", "emphasised", "emphasises",
        "emphasizing", "emphasising", "reiterate", "reiterated", "reiterates", "testify", "testified", 
        "commented", "mused", "boasted", "boasts", "cautioned", "lamented",
        "agree", "agreed", "agrees", "calls", "called", "calling", "describe", "describes", "described",
        "describing", "accuse", "accused", "accuses", "accusing", "believe", "believes", "believed", "believing",
        "think", "thinks", "thought", "worry", "worried", "worries", "feared", "fears", "hoped",
        "hopes", "proclaim", "proclaimed", "pledged", "pledges", "confirm", "confirmed", "confirms",
        "deny", "denied", "denies", "reported", "reports", "demanded", "demands",
        "charged", "assert", "asserted", "asserts", "recount", "recounted", "reveal",
        "revealed", "reveals", "pointed", "points", "brag", "bragged", "sighed", 
        "laughed", "scoffed", "snapped", "thundered", "retorted", "begin",
        "began", "went", "chime", "chimed", "explain", "elaborate", "elaborated", "clarify", "clarified", 
        "questioned", "wonder", "wondered", "wonders", "conclude", "speculate", "speculated", "pleaded", 
        "told", "reads", "stated", "write", "opine", "opined", "insisted", "criticize", "criticized",
        "criticised", "slam", "slammed", "blast", "blasted", "praise", "praised", "dismiss", "dismissed",
        "labeled", "labelled", "branded", "dubbed", "termed", 
        "barked", "yelled", "screamed", "cried", "whispered", 
        "answered", "answers", "interject", "interjected", "interrupt", "interrupted", "protested",
        "objected", "fumed", "gushed", "cracked", "teased", 
        "griped", "grumble", "grumbled", "deadpanned", "chanted", "texted", 
        "emailed", "blogged", "repeat", "repeated", "repeats", "raged", "marveled",
        "marvelled", "raved", "beamed", "intone", "intoned", "muttered", 
        "sneered", "smiled", "exulted", "announce", "reminisce", "reminisced", "explain",
        "insist", "shout", "yell", "scream", "whisper", "mutter", "plead", "reply", "muse", "exult", "fume", "gush",
        "deadpan", "bark", "remark", "stress", "echo", "echoed", "echoes", "react", "reacted", "reacts", "written",
        "boom", "boomed", "booms", "thunder", "chanting", "shouting", "yelling", "screaming", "declaring", "warning",
        "wondering",
        "comment", "note", "point", "claim", "state", "report", "promise", "answer", "question", "charge", "demand",
        "call", "hope", "fear", "read", "tweet", "vow", "pledge", "joke", "quip", "laugh", "sigh", "smile", "cry",
    ]),

    (PersonPronoun, is_person_pronoun, PERSON_PRONOUNS, "Pronouns that can stand for a speaker.", [
        "he", "she", "they", "i", "we",
    ]),

    (RoleNoun, is_role_noun, ROLE_NOUNS, "Nouns for what a person is; heads of descriptions such as \"the Belarusian leader\".", [
        "president", "leader", "spokesman", "spokeswoman", "spokesperson", "minister", "chancellor", "premier",
        "secretary", "chief", "head", "ambassador", "general", "governor", "mayor", "senator", "candidate", "judge",
        "coach", "official", "diplomat", "envoy", "chairman", "chairwoman", "chair", "director", "executive", "ceo",
        "founder", "king", "queen", "prince", "princess", "pope", "commander", "prosecutor", "lawyer", "attorney",
        "congressman", "congresswoman", "lawmaker", "representative", "nominee", "frontrunner", "manager",
        "striker", "captain", "player", "midfielder", "defender", "goalkeeper", "analyst", "economist", "author",
        "professor", "activist", "actor", "actress", "singer", "frontman", "dictator", "monarch", "emir", "sheikh",
        "ayatollah", "cardinal", "bishop", "archbishop", "priest", "rabbi", "imam", "politician", "billionaire",
        "businessman", "businesswoman", "adviser", "advisor", "aide", "strategist", "pollster", "officer",
        "counterpart", "ally", "opponent", "rival", "incumbent", "challenger", "governor", "strongman", "tycoon",
        "mogul", "star", "veteran", "host", "anchor", "journalist", "reporter", "editor", "columnist", "writer",
        "scientist", "expert", "researcher", "doctor", "surgeon", "physician", "nurse", "teacher", "student",
        "witness", "victim", "suspect", "defendant", "plaintiff", "owner", "investor", "boss", "deputy",
        "vice-president", "speaker", "whip", "mp", "legislator", "delegate", "commissioner", "superintendent",
        "sheriff", "detective", "sergeant", "colonel", "lieutenant", "admiral", "marshal", "economist",
    ]),

    (TitleWord, is_title_word, TITLE_WORDS, "Words that stand before a person's name as a title.", [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "reverend",
        "president", "vice", "prime", "minister", "chancellor", "premier", "senator", "sen", "rep", "gov",
        "governor", "mayor", "king", "queen", "prince", "princess", "pope", "general", "gen", "col", "colonel",
        "lt", "lieutenant", "capt", "captain", "sgt", "sergeant", "admiral", "adm", "judge", "justice", "chief",
        "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "sheikh", "emir", "ayatollah",
        "cardinal", "bishop", "archbishop", "rabbi", "imam", "father", "sister", "brother", "saint", "st",
        "congressman", "congresswoman", "commissioner", "chairman", "chairwoman", "director", "coach", "leader",
        "foreign", "defence", "defense", "interior", "finance", "economy", "health", "justice", "deputy",
        "former", "late", "then", "acting", "outgoing", "incoming", "first", "lady", "crown", "grand", "duke",
        "duchess", "count", "countess", "marshal", "field", "major", "maj", "president-elect", "candidate",
        "striker", "midfielder", "defender", "goalkeeper", "manager", "frontman", "singer", "actor", "actress",
        "author", "attorney", "counsel", "detective", "officer", "sheriff", "superintendent", "nominee",
        "presidential", "hopeful", "businessman", "billionaire", "mogul", "tycoon", "ceo", "executive", "speaker",
        "adviser", "advisor", "aide", "strategist", "senior", "ag",
    ]),

    (OrgWord, is_org_word, ORG_WORDS, "Words that mark a name as an organisation's.", [
        "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "group", "bank", "party", "ministry", "administration",
        "council", "committee", "commission", "association", "union", "university", "college", "school", "agency",
        "army", "navy", "police", "court", "parliament", "assembly", "government", "times", "post", "news",
        "press", "club", "fc", "airlines", "airways", "institute", "foundation", "federation", "league",
        "department", "office", "service", "services", "board", "fund", "organisation", "organization", "front",
        "movement", "exchange", "reserve", "senate", "congress", "cabinet", "authority", "bureau", "church",
        "society", "trust", "partners", "holdings", "industries", "motors", "systems", "technologies", "network",
        "telegraph", "herald", "journal", "tribune", "gazette", "guardian", "daily", "broadcasting", "radio",
        "television", "tv", "channel", "media", "studios", "records", "pictures", "capital", "securities",
        "investments", "insurance", "energy", "oil", "petroleum", "gas", "mining", "pharmaceuticals", "labs",
        "laboratories", "hospital", "clinic", "academy", "centre", "center", "forces", "guard", "brigade",
        "battalion", "regiment", "command", "secretariat", "tribunal", "alliance", "coalition", "campaign",
        "caucus", "unit", "brothers", "bros", "stores", "markets", "enterprises", "consortium", "cooperative",
        "ag", "sa", "nv", "gmbh", "spa", "bv", "ab", "kk", "pte", "bhd", "tbk", "ministries", "house", "council",
        "software", "logistics", "steel", "timber", "foods", "brewing", "brewery", "hydro", "rail", "railways",
        "therapeutics", "biotech", "pharma", "ventures", "mills", "cyber", "solutions", "analytics", "robotics",
        "aerospace", "shipping", "freight", "terminals", "hotels", "resorts", "retail", "electric", "power",
        "telecom", "communications", "utilities", "orchestra", "theatre", "theater", "playhouse", "museum",
        "gallery", "library", "zoo", "trust", "charity", "cooperative", "co-op",
        "nations", "community", "commission", "states", "kremlin", "pentagon", "parliament", "duma", "knesset",
        "bundestag", "rada", "senate", "fbi", "cia", "nato", "opec", "unesco", "unicef", "fifa", "uefa", "ioc",
        // Sports clubs and sides: "Harbour United", "Quayside Rovers", "a Counties XI".
        "united", "rovers", "wanderers", "athletic", "xi",
    ]),

    (OrgName, is_org_name, ORG_NAMES, "Single words that name an organisation by themselves.", [
        "kremlin", "pentagon", "nato", "opec", "unesco", "unicef", "fifa", "uefa", "ioc", "fbi", "cia", "nsa",
        "un", "eu", "who", "imf", "wto", "ap", "afp", "reuters", "bbc", "cnn", "nbc", "cbs", "abc", "fox", "msnbc",
        "npr", "pbs", "upi", "tass", "ria", "interfax", "xinhua", "bloomberg", "politico", "breitbart", "duma",
        "knesset", "bundestag", "rada", "congress", "senate", "parliament", "interpol", "europol", "gop",
        "hamas", "hezbollah", "taliban", "isis", "isil", "al-qaeda", "google", "apple", "microsoft", "amazon",
        "facebook", "twitter", "meta", "tesla", "nasa", "nhs", "icc", "icj", "osce", "asean", "g7", "g20",
    ]),

    (CommonWord, is_common_word, COMMON_WORDS, "Capitalised only because they begin a sentence or a headline; never a name by themselves.", [
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "nor", "if", "when", "while", "after", "before",
        "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their",
        "our", "its", "my", "your", "there", "here", "what", "who", "whom", "why", "how", "where", "which", "as",
        "for", "from", "with", "by", "to", "of", "so", "yet", "also", "however", "meanwhile", "moreover",
        "earlier", "later", "last", "next", "some", "many", "most", "all", "both", "each", "every", "no", "not",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "said", "says",
        "according", "despite", "since", "until", "during", "under", "over", "about", "among", "between",
        "against", "without", "within", "stressing", "stating", "speaking", "asked", "asking", "thanks", "yes",
        "now", "then", "today", "yesterday", "tomorrow", "still", "even", "just", "only", "because", "although",
        "though", "unless", "whether", "such", "other", "another", "more", "less", "few", "several", "any",
        "much", "very", "well", "however", "instead", "indeed", "perhaps", "maybe", "already", "again",
        "once", "first", "second", "third", "finally", "also", "further", "furthermore", "nevertheless",
        "nonetheless", "therefore", "thus", "hence", "otherwise", "overall", "subsequent", "moments",
        "end", "war", "news", "editor", "note", "read", "part", "new", "old", "former", "top", "up", "down",
        "out", "off", "into", "onto", "upon", "via", "per", "like", "unlike", "near", "inside", "outside",
        "above", "below", "across", "behind", "beyond", "toward", "towards", "throughout", "amid", "amidst",
        "mr", "mrs", "ms", "dr", "president", "minister", "prime", "secretary", "senator", "governor",
        "did", "do", "does", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
        "can", "could", "should", "may", "might", "must", "shall", "let", "please", "oh", "ok", "okay", "well",
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december", "am", "pm",
        "we're", "i'm", "it's", "that's", "there's", "don't", "can't", "won't", "isn't", "doesn't", "didn't",
        "he's", "she's", "they're", "you're", "we've", "i've", "i'd", "let's", "what's", "here's", "who's",
        "don’t", "it’s", "i’m", "that’s", "there’s", "he’s", "she’s", "they’re", "we’re", "can’t", "won’t",
        "everyone", "everything", "someone", "something", "nobody", "nothing", "anyone", "anything", "people",
        "government", "police", "officials", "sources", "source", "reports", "report", "statement", "watch",
        "photo", "video", "advertisement", "related", "click", "follow", "share", "update", "updated", "breaking",
        "exclusive", "opinion", "analysis", "live", "sport", "sports", "results", "result", "standings",
                "quote", "quotes", "chapter", "section", "page", "total", "score", "scores", "vs", "division",
        "neither", "either", "nor",
    ]),

    (Determiner, is_determiner, DETERMINERS, "Words that begin a described noun phrase (\"the Belarusian leader\").", [
        "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "another", "one", "two", "three",
                "several", "some", "many", "both",
    ]),
    (Auxiliary, is_auxiliary, AUXILIARIES, "Auxiliaries and common verbs that show a clause's verb has come (what follows is no subject).", [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should",
        "may", "might", "must", "did", "does", "do", "met", "thanked", "praised", "criticized", "criticised",
        "attacked", "joined", "replaced", "hired", "fired", "beat", "defeated", "asked", "told", "urged", "named",
        "appointed", "called", "blamed", "accused", "sued", "interviewed", "visited",
    ]),
    (Preposition, is_preposition, PREPOSITIONS, "Prepositions: a name after one is no subject.", [
        "to", "with", "for", "by", "from", "of", "at", "in", "on", "about", "against", "than", "like", "toward",
        "towards", "into", "onto", "upon", "among", "between", "behind", "beside", "besides", "without", "under",
        "over", "after", "before", "alongside", "via", "per", "unlike", "despite", "near",
    ]),
    (DateStart, is_date_start, DATE_STARTS, "Words a date can begin with besides a number (`dates` reads on from them): weekdays, months and their short forms, and the words for days and years near now.", [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "today", "yesterday", "tomorrow", "last", "this", "next",
    ]),
    (PersonNoun, is_person_noun, PERSON_NOUNS, "Nouns besides the role nouns that stand as a description's head for a person: what a person is to a place or a group (\"Pemberton Street resident Gloria Mbeki\"), people by their nation (\"the Frenchman\"), players by their position or sport, and other jobs (\"the treasurer\", \"the political consultant\").", [
        "resident", "constituent", "woman", "man", "neighbour", "neighbor", "homeowner", "shopkeeper", "parent",
        "worker", "employee", "member", "volunteer", "voter", "supporter", "tenant", "landlord", "farmer",
        "fisherman", "nurse", "pilot", "frenchman", "frenchwoman", "englishman", "englishwoman", "scotsman",
        "scotswoman", "irishman", "irishwoman", "welshman", "welshwoman", "dutchman", "dutchwoman", "spaniard",
        "dane", "swede", "finn", "pole", "brit", "kiwi", "aussie", "briton", "swiss", "norwegian", "italian",
        "german", "american", "canadian", "australian", "consultant", "co-host", "cohost", "co-founder", "cofounder",
        "historian", "operative", "organizer", "organiser", "fellow", "scholar", "lecturer", "dean", "principal",
        "pastor", "chairperson", "ceo", "cfo", "coo", "manager", "commentator", "pundit", "defenceman", "defenseman",
        "forward", "winger", "goaltender", "goalie", "centre", "center", "fullback", "quarterback", "pitcher",
        "catcher", "batsman", "batter", "bowler", "skipper", "rider", "cyclist", "driver", "runner", "sprinter",
        "swimmer", "boxer", "fighter", "jockey", "trainer", "keeper", "rookie", "playmaker", "guard", "outfielder",
        "infielder", "shortstop", "opener", "all-rounder", "golfer", "skater", "skier", "rower", "sailor", "wrestler",
        "athlete", "teammate", "linebacker", "receiver", "tailback", "centre-back", "left-back", "right-back", "wing",
        "flanker", "prop", "hooker", "scrum-half", "fly-half", "point guard", "treasurer", "councillor", "councilor",
        "trustee", "chef", "owner-operator", "founder", "spokesperson", "auditor", "inspector", "ombudsman",
        "coroner",
    ]),
    (EventWord, is_event_word, EVENT_WORDS, "The last word of the name of an event or a text: a competition, a festival, a meeting, a war, a law, a plan (\"the World Cup\", \"the Paris Accord\").", [
        "cup", "open", "tour", "championship", "championships", "games", "olympics", "olympiad", "trophy", "prix",
        "tournament", "marathon", "festival", "awards", "convention", "conference", "summit", "war", "act", "treaty",
        "accord", "amendment", "plan", "doctrine", "initiative", "show", "podcast", "programme", "paper",
    ]),
    (MapFeature, is_map_feature, MAP_FEATURES, "The last word of the name of a place on the map: a street, a water, a landform, a port, a building (\"Wall Street\", \"Heathrow Airport\").", [
        "street", "avenue", "road", "square", "boulevard", "bridge", "river", "lake", "sea", "ocean", "bay", "gulf",
        "strait", "straits", "canal", "island", "islands", "peninsula", "valley", "mountains", "hills", "desert",
        "coast", "airport", "city", "mainland", "district", "county", "province", "region", "township", "borough",
        "heights", "village", "park", "beach", "falls", "hill", "lane", "drive", "highway", "plaza", "wharf", "pier",
        "harbour", "harbor", "creek", "sound", "forest", "mountain", "glacier", "reservoir", "station", "garden",
        "gardens", "arena", "stadium", "field", "theatre", "theater", "cathedral", "church", "mosque", "temple",
    ]),
    (DocumentNoun, is_document_noun, DOCUMENT_NOUNS, "Nouns for what a person or a body issues, which speaks for its issuer: \"her statement said\", \"the company's release\".", [
        "statement", "release", "letter", "email", "e-mail", "memo", "report", "post", "message", "notice", "filing",
        "note", "update", "announcement", "bulletin", "advisory", "tweet", "blog", "website", "newsletter",
        "communique", "circular", "press", "office",
    ]),
);

/// The office a role noun names, given the folded word before it: a "prime
/// minister" leads a government, as a premier does.
pub fn office<'a>(before: Option<&str>, noun: &'a str) -> &'a str {
    if noun == "minister" && before == Some("prime") {
        "premier"
    } else {
        noun
    }
}

/// Demonyms and country adjectives, to the country they point to.
pub fn demonym_country(folded: &str) -> Option<&'static str> {
    listed(folded).demonym()
}

#[rustfmt::skip]
const DEMONYMS: &[(&str, &str)] = &[
        ("american", "United States"), ("russian", "Russia"), ("ukrainian", "Ukraine"), ("belarusian", "Belarus"),
        ("belarus", "Belarus"), ("british", "United Kingdom"), ("english", "United Kingdom"), ("french", "France"),
        ("german", "Germany"), ("italian", "Italy"), ("spanish", "Spain"), ("chinese", "China"),
        ("japanese", "Japan"), ("korean", "South Korea"), ("indian", "India"), ("pakistani", "Pakistan"),
        ("iranian", "Iran"), ("iraqi", "Iraq"), ("syrian", "Syria"), ("israeli", "Israel"),
        ("palestinian", "Palestinian Territory"), ("turkish", "Turkey"), ("egyptian", "Egypt"),
        ("saudi", "Saudi Arabia"), ("polish", "Poland"), ("dutch", "Netherlands"), ("belgian", "Belgium"),
        ("swiss", "Switzerland"), ("austrian", "Austria"), ("swedish", "Sweden"), ("norwegian", "Norway"),
        ("danish", "Denmark"), ("finnish", "Finland"), ("greek", "Greece"), ("portuguese", "Portugal"),
        ("irish", "Ireland"), ("scottish", "United Kingdom"), ("canadian", "Canada"), ("mexican", "Mexico"),
        ("brazilian", "Brazil"), ("argentine", "Argentina"), ("argentinian", "Argentina"),
        ("chilean", "Chile"), ("colombian", "Colombia"), ("venezuelan", "Venezuela"), ("cuban", "Cuba"),
        ("australian", "Australia"), ("afghan", "Afghanistan"), ("georgian", "Georgia"),
        ("armenian", "Armenia"), ("azerbaijani", "Azerbaijan"), ("kazakh", "Kazakhstan"),
        ("hungarian", "Hungary"), ("czech", "Czechia"), ("slovak", "Slovakia"), ("romanian", "Romania"),
        ("bulgarian", "Bulgaria"), ("serbian", "Serbia"), ("croatian", "Croatia"), ("bosnian", "Bosnia and Herzegovina"),
        ("lithuanian", "Lithuania"), ("latvian", "Latvia"), ("estonian", "Estonia"), ("moldovan", "Moldova"),
        ("nigerian", "Nigeria"), ("kenyan", "Kenya"), ("ethiopian", "Ethiopia"), ("south african", "South Africa"),
        ("vietnamese", "Vietnam"), ("thai", "Thailand"), ("indonesian", "Indonesia"), ("filipino", "Philippines"),
        ("malaysian", "Malaysia"), ("lebanese", "Lebanon"), ("jordanian", "Jordan"), ("libyan", "Libya"),
        ("yemeni", "Yemen"), ("qatari", "Qatar"), ("emirati", "United Arab Emirates"), ("taiwanese", "Taiwan"),
        ("north korean", "North Korea"), ("south korean", "South Korea"), ("soviet", "Russia"),
        ("european", "Europe"), ("african", "Africa"), ("asian", "Asia"), ("western", "West"),
];

/// Month number (1–12) of a month name or abbreviation.
pub fn month_number(folded: &str) -> Option<u32> {
    // Asked of many words: one `match`, which compiles to a switch on length, not a scan.
    let month = match folded {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => match folded.trim_end_matches('.') {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" | "sept" => 9,
            "oct" => 10,
            "nov" => 11,
            "dec" => 12,
            _ => return None,
        },
    };
    Some(month)
}

/// Weekday number, Monday = 0.
pub fn weekday_number(folded: &str) -> Option<u32> {
    let day = match folded {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    };
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fold, one character at a time: what every faster path must equal.
    fn fold_by_chars(s: &str) -> String {
        let mut out = String::new();
        s.chars().for_each(|c| fold_each(c, |f| out.push(f)));
        out
    }

    #[test]
    fn every_character_folds_one_at_a_time_as_fold_each_folds_it() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let s = format!("{c}{c}a");
            assert_eq!(folded_chars(&s).collect::<String>(), fold_by_chars(&s), "{c:?}");
        }
    }

    #[test]
    fn every_listed_word_is_short_enough_for_the_table() {
        for &(list, members) in WORD_LISTS {
            for &word in members {
                assert!(listed(word).is(list), "{word:?}");
            }
        }
        assert!(DEMONYMS.iter().all(|&(demonym, country)| listed(demonym).demonym() == Some(country)));
        assert!(!listed("president-elects").is(WordList::TitleWord));
        assert!(!listed("said\0").is(WordList::CueVerb));
        for word in ["Said", "SAID", "said", "Kremlin", "Secretary", "Straße", "Président", "Internationalisation", "U.S.", "[@`{Z]", "AZaz09"] {
            assert_eq!(listed_as_written(word).lists, listed(&fold(word)).lists, "{word:?}");
        }
    }

    #[test]
    fn short_words_fold_without_allocating() {
        assert!(matches!(folded("minister"), Folded::Borrowed("minister")));
        assert!(matches!(folded("“"), Folded::Borrowed("“")));
        let kyiv = folded("Kyiv");
        assert!(matches!(kyiv, Folded::Inline { .. }));
        assert_eq!(&*kyiv, "kyiv");
        let zurich = folded("Zürich");
        assert!(matches!(zurich, Folded::Inline { .. }));
        assert_eq!(&*zurich, "zurich");
        assert_eq!(&*folded("Straße"), "strasse");
        assert!(matches!(folded("Internationalisation-Committee"), Folded::Owned(_)));
    }

    /// [`packed`] as plainly as it can be written.
    fn packed_by_copying(word: &str) -> Option<u128> {
        let mut key = [0u8; 16];
        key.get_mut(..word.len()).filter(|_| word.len() < 16)?.copy_from_slice(word.as_bytes());
        key[15] = word.len() as u8;
        Some(u128::from_le_bytes(key))
    }

    /// The given names read from `data/given_names.tsv` as plainly as can be: what the table
    /// compiled in by `build.rs` must equal.
    fn given_names_from_the_file() -> HashMap<String, Gender> {
        let mut names = HashMap::new();
        for line in include_str!("../data/given_names.tsv").lines() {
            let Some((name, g)) = line.split_once('\t') else { continue };
            let gender = match g {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => Gender::Unknown,
            };
            names.insert(fold(name), gender);
        }
        names
    }

    #[test]
    fn the_compiled_given_names_are_the_files() {
        let names = given_names_from_the_file();
        assert!(names.len() > 30_000);
        for (name, gender) in &names {
            assert_eq!(given_names().get(name), Some(gender), "{name:?}");
        }
        assert_eq!(GIVEN_NAMES_UP_TO_6.len() + GIVEN_NAMES_UP_TO_12.len() + GIVEN_NAMES_LONGER.len(), names.len());
        for word in ["", "a", "zzzzzzzzzzzzzzzzzzzzzzzz", "Anna", "anna ", "ánna", "maria-jose"] {
            assert_eq!(given_names().get(word), names.get(word), "{word:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn columns_are_cut_at_tabs_as_split_cuts_them(line in "[a\t]{0,8}|\\PC{0,12}") {
            let mut split = line.split('\t');
            let (first, rest) = before_tab(&line);
            proptest::prop_assert_eq!(Some(first), split.next());
            proptest::prop_assert_eq!(rest.map(|r| before_tab(r).0), split.next());
        }
    }

    proptest::proptest! {
        #[test]
        fn given_names_are_found_as_in_the_file(word in "[a-z]{1,8}|\\PC{0,20}") {
            static NAMES: OnceLock<HashMap<String, Gender>> = OnceLock::new();
            let names = NAMES.get_or_init(given_names_from_the_file);
            proptest::prop_assert_eq!(given_names().get(&word), names.get(&word));
        }

        #[test]
        fn a_bucket_search_finds_what_halving_the_whole_table_finds(letters in proptest::collection::vec(1..=26u128, 1..=25), pick in 0..40_000usize, table in 0..3usize) {
            // Any name, and each table's names (its buckets' first and last among them).
            fn check<T: Copy + Ord + Into<u128> + TryFrom<u128>>(
                table: &[T],
                buckets: Option<(&[u16], usize)>,
                lengths: std::ops::RangeInclusive<usize>,
                letters: &[u128],
                pick: usize,
            ) -> Result<(), proptest::test_runner::TestCaseError> {
                let picked: u128 = table[pick % table.len()].into();
                let picked_len = (128 - (picked >> 2).leading_zeros() as usize).div_ceil(5);
                let any = letters.iter().fold(0, |n, &l| n << 5 | l);
                for (number, len) in [(picked >> 2, picked_len), (any, letters.len())] {
                    if !lengths.contains(&len) {
                        continue;
                    }
                    let plain = T::try_from(number << 2).ok().and_then(|least| first_not_below(table, least)).map(Into::into);
                    let plain = plain.filter(|&found: &u128| found >> 2 == number).map(|found| (found & 3) as usize);
                    proptest::prop_assert_eq!(gender_bits(table, buckets, number, len), plain, "{}", number);
                }
                Ok(())
            }
            match table {
                0 => check(&GIVEN_NAMES_UP_TO_6, Some((&UP_TO_6_STARTS, 1)), 1..=6, &letters, pick)?,
                1 => check(&GIVEN_NAMES_UP_TO_12, Some((&UP_TO_12_STARTS, 7)), 7..=12, &letters, pick)?,
                _ => check(&GIVEN_NAMES_LONGER, None, 13..=25, &letters, pick)?,
            }
        }

        #[test]
        fn a_word_table_finds_what_its_map_holds(word in "[a-z]{1,8}( [a-z]{1,8})?|\\PC{0,20}", pick in 0..10_000usize) {
            // The places' own names (some of them), and any word: the bits never hide a key.
            let table = places();
            let keys: Vec<u128> = table.short.keys().copied().collect();
            let key = keys[pick % keys.len()];
            proptest::prop_assert!(table.short_bits[WordTable::<Place>::bit(key) / 64] & 1 << (WordTable::<Place>::bit(key) % 64) != 0);
            let plain = match packed(word.as_bytes()) {
                Some(key) => table.short.get(&key),
                None => table.long.get(word.as_str()),
            };
            proptest::prop_assert_eq!(table.get(&word).map(|p| p.canonical), plain.map(|p| p.canonical));
        }

        #[test]
        fn a_name_map_holds_what_a_map_of_strings_holds(
            added in proptest::collection::vec("[a-z]{0,3}|[a-z ]{12,18}|\\PC{0,20}", 0..12),
            asked in proptest::collection::vec("[a-z]{0,3}|[a-z ]{12,18}|\\PC{0,20}", 0..12),
        ) {
            let mut names: NameMap<usize> = NameMap::with_capacity(added.len());
            let mut plain: HashMap<&str, usize> = HashMap::new();
            for (i, w) in added.iter().enumerate() {
                *names.entry_or_default(w) += i + 1;
                *plain.entry(w.as_str()).or_default() += i + 1;
            }
            for w in added.iter().chain(&asked) {
                proptest::prop_assert_eq!(names.get(w), plain.get(w.as_str()), "{:?}", w);
            }
        }

        #[test]
        fn written_words_hold_what_a_set_of_strings_holds(
            added in proptest::collection::vec("[A-Za-z]{0,3}|\\PC{0,20}", 0..12),
            asked in proptest::collection::vec("[A-Za-z]{0,3}|\\PC{0,20}", 0..12),
        ) {
            let mut words = WrittenWords::with_capacity(added.len());
            added.iter().for_each(|w| words.insert(w));
            let plain: HashSet<&str> = added.iter().map(String::as_str).collect();
            for w in added.iter().chain(&asked) {
                proptest::prop_assert_eq!(words.contains(w), plain.contains(w.as_str()), "{:?}", w);
            }
        }

        #[test]
        fn a_key_tail_by_loads_equals_the_tail_copied(rest in proptest::collection::vec(proptest::num::u8::ANY, 1..8)) {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(&rest);
            proptest::prop_assert_eq!(tail_word(&rest), u64::from_le_bytes(word));
        }

        #[test]
        fn packing_by_loads_equals_packing_by_copying(word in "\\PC{0,18}") {
            proptest::prop_assert_eq!(packed(word.as_bytes()), packed_by_copying(&word));
        }

        #[test]
        fn words_are_listed_as_written_as_their_folds_are(word in "[A-Za-zéÉ’' -]{0,17}|\\PC{0,17}", pick in 0..2000usize, capitals in 0..u32::MAX) {
            let all: Vec<&str> = WORD_LISTS.iter().flat_map(|(_, members)| members.iter().copied()).collect();
            let listed_word: String =
                all[pick % all.len()].chars().enumerate().map(|(i, c)| if capitals >> (i % 32) & 1 == 1 { c.to_ascii_uppercase() } else { c }).collect();
            for w in [word.as_str(), &listed_word] {
                let (as_written, of_fold) = (listed_as_written(w), listed(&fold(w)));
                proptest::prop_assert_eq!((as_written.lists, as_written.demonym), (of_fold.lists, of_fold.demonym), "{:?}", w);
            }
        }

        #[test]
        fn the_listed_table_finds_what_a_scan_of_the_lists_finds(word in "[a-z]{1,10}|\\PC{0,17}", pick in 0..2000usize) {
            let all: Vec<&str> = WORD_LISTS.iter().flat_map(|(_, members)| members.iter().copied()).collect();
            for w in [word.as_str(), all[pick % all.len()]] {
                let lists = WORD_LISTS.iter().filter(|(_, members)| members.contains(&w)).fold(0, |bits, &(list, _)| bits | list.bit());
                let demonym = DEMONYMS.iter().find(|&&(d, _)| d == w).map(|&(_, country)| country);
                let pronoun = PRONOUNS.iter().find(|&&(p, ..)| p == w).map(|&(_, p, possessive)| (p, possessive));
                let info = listed(w);
                proptest::prop_assert_eq!((info.lists & !LISTED_PLACE, info.demonym(), info.pronoun()), (lists, demonym, pronoun), "{:?}", w);
            }
        }

        #[test]
        fn a_word_names_a_body_or_a_people_as_its_facts_say(word in "[a-z]{1,10}s?|\\PC{0,17}", pick in 0..400usize, plural in proptest::bool::ANY) {
            let body_word = BODY_KIND_WORDS[pick % BODY_KIND_WORDS.len()];
            let people = PEOPLES_AND_FAITHS[pick % PEOPLES_AND_FAITHS.len()];
            let people = if plural { format!("{people}s") } else { people.to_string() };
            let (body_noun, label) = (BODY_NOUNS[pick % BODY_NOUNS.len()], PARTY_LABELS[pick % PARTY_LABELS.len()]);
            for w in [word.as_str(), body_word, &people, body_noun, label] {
                let info = listed(w);
                proptest::prop_assert_eq!(info.names_a_body(), body_kind(w).is_some(), "{:?}", w);
                if w.len() <= LONGEST_PACKED {
                    proptest::prop_assert_eq!(info.is_people_or_faith(), is_people_or_faith(w), "{:?}", w);
                }
                proptest::prop_assert_eq!(info.is_body_noun(), BODY_NOUNS.contains(&w), "{:?}", w);
                proptest::prop_assert_eq!(info.is_party_label(), PARTY_LABELS.contains(&w), "{:?}", w);
            }
        }

        #[test]
        fn a_listed_word_is_a_place_as_the_gazetteer_says(word in "[a-z]{1,10}|\\PC{0,17}", pick in 0..2000usize) {
            let all: Vec<&str> = WORD_LISTS.iter().flat_map(|(_, members)| members.iter().copied()).collect();
            for w in [word.as_str(), all[pick % all.len()]] {
                let on_a_list = all.contains(&w);
                proptest::prop_assert_eq!(listed(w).is_listed_place(), on_a_list && places().get(w).is_some(), "{:?}", w);
            }
        }

        #[test]
        fn packed_words_lowercase_as_words_do(word in "[ -~]{0,15}") {
            proptest::prop_assert_eq!(packed(word.as_bytes()).map(ascii_lowercase), packed(word.to_ascii_lowercase().as_bytes()));
        }

        #[test]
        fn folded_equals_the_fold_of_each_character(s in "\\PC{0,40}") {
            proptest::prop_assert_eq!(&*folded(&s), fold_by_chars(&s));
            proptest::prop_assert_eq!(fold(&s), fold_by_chars(&s));
            proptest::prop_assert_eq!(folded_chars(&s).collect::<String>(), fold_by_chars(&s));
            let mut into = String::from("x");
            fold_into(&mut into, &s);
            proptest::prop_assert_eq!(into, format!("x{}", fold_by_chars(&s)));
        }

        #[test]
        fn folded_letters_and_marks_equal_the_fold(s in "[A-Za-zÀ-ÿĀ-žß’“” ]{0,30}") {
            proptest::prop_assert_eq!(&*folded(&s), fold_by_chars(&s));
        }
    }
}

/// The gender a title or a noun for a person gives ("Mr", "spokeswoman", "queen"), if any.
pub fn title_gender(folded: &str) -> Gender {
    match folded {
        "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "count" | "baron" | "father" | "brother" | "congressman" | "chairman" | "spokesman"
        | "businessman" | "sportsman" | "councilman" | "alderman" | "assemblyman" | "frontman" | "husband" | "son" | "grandson" | "grandfather"
        | "nephew" | "uncle" | "widower" | "man" | "boy" | "monsieur" | "senor" | "herr" => Gender::Male,
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "duchess" | "countess" | "baroness" | "mother" | "sister"
        | "congresswoman" | "chairwoman" | "spokeswoman" | "businesswoman" | "sportswoman" | "councilwoman" | "assemblywoman" | "actress"
        | "wife" | "daughter" | "granddaughter" | "grandmother" | "niece" | "aunt" | "widow" | "woman" | "girl" | "madame" | "mme" | "senora"
        | "frau" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// What kind of body an organisation is: what a description such as "the company" or "the
/// union" can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    Company,
    Agency,
    Union,
    Police,
    Council,
    Club,
    School,
    Health,
    Party,
    Court,
    Media,
    Army,
    Government,
    /// A charity, an institute, a coalition: any body.
    Group,
}

impl BodyKind {
    /// Can a description of this kind ("the agency") stand for a body of kind `of` ("… Service")?
    pub fn describes(self, of: BodyKind) -> bool {
        use BodyKind::*;
        self == of
            || self == Group
            || matches!((self, of), (Agency, Government | Health | Police | Council) | (Government, Agency | Council) | (Union, Group))
    }
}

/// Lowercase nouns for a kind of body, which a name before them belongs to ("the Tanjug news
/// agency"). Not "campaign", "administration" or "team": those follow people's names too.
#[rustfmt::skip]
const BODY_NOUNS: &[&str] = &[
    "agency", "newspaper", "daily", "company", "firm", "club", "bank", "airline", "carrier", "ministry", "network",
    "broadcaster", "magazine", "publisher", "manufacturer", "maker", "retailer", "brewery", "insurer", "lender",
    "automaker", "carmaker", "conglomerate", "union", "federation", "charity", "nonprofit", "chain", "operator",
    "utility", "regulator", "watchdog",
];

/// Party labels news puts before a politician's name.
const PARTY_LABELS: &[&str] = &["democrat", "republican", "gop", "tory", "conservative", "labour", "socialist", "communist"];

/// Peoples and faiths that no country's name gives: "Muslims", "Latino", "Jewish".
#[rustfmt::skip]
const PEOPLES_AND_FAITHS: &[&str] = &[
    "muslim", "moslem", "islam", "islamic", "christian", "christianity", "jew", "jewish", "judaism", "hindu",
    "buddhist", "sikh", "catholic", "protestant", "evangelical", "mormon", "sunni", "shia", "shiite", "latino",
    "latina", "latinx", "hispanic", "arab", "kurd", "kurdish", "asian", "african", "european", "african-american",
    "native-american", "aboriginal", "indigenous", "democratic", "democrat", "republican",
];

/// Is `folded` a people or a faith that no country's name gives ("muslims", "latino"), or its
/// plural? A word the table packs is told by its facts ([`WordInfo::is_people_or_faith`]).
pub fn is_people_or_faith(folded: &str) -> bool {
    let singular = folded.strip_suffix('s').unwrap_or(folded);
    [folded, singular].into_iter().any(|w| PEOPLES_AND_FAITHS.contains(&w))
}

/// The words for a kind of body, each group once: [`body_kind`] matches them, and the word
/// table notes of each that it names a body ([`WordInfo::names_a_body`]), so that a word read
/// as a token is matched only when it does.
macro_rules! body_kinds {
    ($(($kind:ident, [$($w:literal),* $(,)?])),* $(,)?) => {
        /// The kind of body a noun names, as a description's head ("the company", "the utility") or
        /// as a word of a body's name ("… Police Service", "… Foods").
        pub fn body_kind(folded: &str) -> Option<BodyKind> {
            Some(match folded {
                $($($w)|* => BodyKind::$kind,)*
                _ => return None,
            })
        }

        /// Every word [`body_kind`] knows.
        const BODY_KIND_WORDS: &[&str] = &[$($($w),*),*];
    };
}

#[rustfmt::skip]
body_kinds!(
    (Company, [
        "company", "companies", "firm", "business", "corporation", "corp", "inc", "ltd", "llc", "plc", "co", "maker",
        "manufacturer", "retailer", "chain", "carrier", "airline", "airlines", "airways", "operator", "lender",
        "bank", "insurer", "supplier", "developer", "startup", "start-up", "brewery", "producer", "utility",
        "provider", "conglomerate", "automaker", "carmaker", "holdings", "industries", "foods", "motors",
        "technologies", "systems", "hydro", "energy", "power", "electric", "telecom", "rail", "railway", "railways",
        "mining", "pharmaceuticals", "partners", "enterprises", "stores", "bakery", "distillery", "publisher", "ag",
        "sa", "gmbh", "nv", "bv"
    ]),
    (Agency, [
        "agency", "service", "bureau", "authority", "commission", "board", "office", "administration", "regulator",
        "watchdog", "ministry", "department", "inspectorate", "secretariat"
    ]),
    (Union, [
        "union", "association", "federation", "guild", "local", "syndicate"
    ]),
    (Police, [
        "police", "constabulary", "sheriff's"
    ]),
    (Council, [
        "council", "city", "municipality", "township", "county", "borough", "town", "village"
    ]),
    (Club, [
        "club", "team", "side", "franchise", "fc", "united", "rovers", "wanderers", "athletic", "city fc"
    ]),
    (School, [
        "university", "college", "school", "academy", "institute"
    ]),
    (Health, [
        "hospital", "clinic", "health"
    ]),
    (Party, [
        "party"
    ]),
    (Court, [
        "court", "tribunal"
    ]),
    (Media, [
        "newspaper", "paper", "broadcaster", "network", "magazine", "outlet", "station", "channel", "times", "post",
        "news", "herald", "tribune", "gazette", "journal"
    ]),
    (Army, [
        "army", "military", "navy", "forces", "force"
    ]),
    (Government, [
        "government", "cabinet", "kremlin"
    ]),
    (Group, [
        "group", "organisation", "organization", "charity", "coalition", "foundation", "society", "alliance",
        "nonprofit", "non-profit", "movement", "trust", "fund", "network group", "centre", "center"
    ]),
);
