//! Chunks: the files of a format 3 index, each a value in postcard's binary form behind a magic
//! number and its kind, gzip-compressed, named and checked by the XXH3-64 hash of that payload.
//!
//! gzip because browsers inflate it natively (`DecompressionStream`, or a server's
//! `Content-Encoding`), so a page needs no inflater of its own; the hash is of the payload, not
//! the file, so a chunk reads the same however it was delivered.

use std::io::{Read, Write};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::Error;

/// The first bytes of every payload: "BSI" and the format number.
pub const MAGIC: [u8; 4] = *b"BSI\x03";

/// What a chunk holds; its name begins the chunk's file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Table,
    Dictionary,
    Cards,
    Quotes,
    Articles,
    Words,
    ArticleFacts,
    QuoteFacts,
}

impl Kind {
    pub const ALL: [Kind; 8] =
        [Kind::Table, Kind::Dictionary, Kind::Cards, Kind::Quotes, Kind::Articles, Kind::Words, Kind::ArticleFacts, Kind::QuoteFacts];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Table => "table",
            Kind::Dictionary => "dictionary",
            Kind::Cards => "cards",
            Kind::Quotes => "quotes",
            Kind::Articles => "articles",
            Kind::Words => "words",
            Kind::ArticleFacts => "article-facts",
            Kind::QuoteFacts => "quote-facts",
        }
    }

    fn byte(self) -> u8 {
        Kind::ALL.iter().position(|&k| k == self).unwrap_or(0) as u8 + 1
    }
}

/// Where a chunk is and how to check it: the hash of its payload (which names its file), the
/// size of its file and of its payload.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct ChunkRef {
    pub hash: u64,
    pub bytes: u64,
    pub payload: u64,
}

impl ChunkRef {
    /// `cards-0123456789abcdef.bin`: relative to `index.json`.
    pub fn file_name(&self, kind: Kind) -> String {
        format!("{}-{:016x}.bin", kind.name(), self.hash)
    }
}

/// The XXH3-64 of a payload.
pub fn hash(payload: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(payload)
}

/// A sealed chunk: where it is and its file's bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Sealed {
    pub kind: Kind,
    pub chunk: ChunkRef,
    pub file: Vec<u8>,
}

impl Sealed {
    pub fn file_name(&self) -> String {
        self.chunk.file_name(self.kind)
    }

    /// Writes the file into `dir`, unless a file of that name (so of that content) is there.
    pub fn write_into(&self, dir: &std::path::Path) -> std::io::Result<()> {
        let path = dir.join(self.file_name());
        if path.metadata().is_ok_and(|m| m.len() == self.chunk.bytes) {
            return Ok(());
        }
        std::fs::write(path, &self.file)
    }
}

/// Serialises `value` as a chunk of `kind`.
pub fn seal<T: Serialize>(kind: Kind, value: &T) -> Sealed {
    let mut payload = MAGIC.to_vec();
    payload.push(kind.byte());
    // Plain data with no skipped fields always serialises.
    let payload = postcard::to_extend(value, payload).unwrap_or_default();
    // The fastest level: the indexer's wall time needs it more than the few per cent of bytes
    // the slower levels save.
    let mut gz = flate2::write::GzEncoder::new(Vec::with_capacity(payload.len() / 3), flate2::Compression::fast());
    // Writing into memory does not fail.
    let _ = gz.write_all(&payload);
    let file = gz.finish().unwrap_or_default();
    Sealed { kind, chunk: ChunkRef { hash: hash(&payload), bytes: file.len() as u64, payload: payload.len() as u64 }, file }
}

/// The payload of a chunk's bytes as fetched: inflated when they are the gzip file (whose size
/// must then be the file's), or as they are when a server already inflated them.
pub fn inflate(kind: Kind, chunk: &ChunkRef, bytes: Vec<u8>) -> Result<Vec<u8>, Error> {
    let name = chunk.file_name(kind);
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    if bytes.len() as u64 != chunk.bytes {
        return Err(Error::new(
            name,
            format!("it is {} bytes where the index says {}: it is cut short or from another build", bytes.len(), chunk.bytes),
        ));
    }
    let mut payload = Vec::with_capacity(chunk.payload.min(1 << 26) as usize);
    // Never more than the index says, whatever the file claims.
    let mut reader = flate2::read::GzDecoder::new(&bytes[..]).take(chunk.payload.saturating_add(1));
    reader.read_to_end(&mut payload).map_err(|e| Error::new(&name, format!("it cannot be inflated: {e}")))?;
    Ok(payload)
}

/// The value of a chunk's payload, once its size, hash, magic number and kind are checked.
pub fn decode<T: DeserializeOwned>(kind: Kind, chunk: &ChunkRef, payload: &[u8]) -> Result<T, Error> {
    let name = chunk.file_name(kind);
    if payload.len() as u64 != chunk.payload || hash(payload) != chunk.hash {
        return Err(Error::new(name, "its content is not what the index lists: it is damaged or from another build"));
    }
    if payload.len() < 5 || payload[..4] != MAGIC {
        return Err(Error::new(name, "it is not a chunk of a format 3 index"));
    }
    if payload[4] != kind.byte() {
        return Err(Error::new(name, format!("it is not a {} chunk", kind.name())));
    }
    postcard::from_bytes(&payload[5..]).map_err(|e| Error::new(name, format!("it cannot be read: {e}")))
}

/// [`inflate`] then [`decode`].
pub fn open<T: DeserializeOwned>(kind: Kind, chunk: &ChunkRef, bytes: Vec<u8>) -> Result<T, Error> {
    decode(kind, chunk, &inflate(kind, chunk, bytes)?)
}

/// Reads the chunk `chunk` of `kind` from the index folder `dir`.
pub fn read<T: DeserializeOwned>(dir: &std::path::Path, kind: Kind, chunk: &ChunkRef) -> Result<T, Error> {
    let name = chunk.file_name(kind);
    let bytes = std::fs::read(dir.join(&name)).map_err(|e| Error::new(name, e.to_string()))?;
    open(kind, chunk, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_opens_from_its_file_or_its_payload_and_nothing_else() {
        let value = vec!["one".to_string(), "two".to_string()];
        let sealed = seal(Kind::Cards, &value);
        assert_eq!(sealed.file_name(), format!("cards-{:016x}.bin", sealed.chunk.hash));
        assert_eq!(open::<Vec<String>>(Kind::Cards, &sealed.chunk, sealed.file.clone()).unwrap(), value);
        let payload = inflate(Kind::Cards, &sealed.chunk, sealed.file.clone()).unwrap();
        assert_eq!(open::<Vec<String>>(Kind::Cards, &sealed.chunk, payload.clone()).unwrap(), value, "inflated by the server");
        let other = seal(Kind::Cards, &vec!["one".to_string()]);
        let why = |r: Result<Vec<String>, Error>| r.unwrap_err().to_string();
        assert!(why(open(Kind::Cards, &other.chunk, sealed.file.clone())).contains("cut short or from another build"));
        assert!(why(open(Kind::Cards, &other.chunk, payload.clone())).contains("from another build"));
        let mut cut = sealed.file.clone();
        cut.truncate(cut.len() - 3);
        assert!(why(open(Kind::Cards, &sealed.chunk, cut)).starts_with(&sealed.file_name()));
        let mut flipped = payload.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(why(open(Kind::Cards, &sealed.chunk, flipped)).contains("damaged"));
        // The right bytes under another kind's name.
        assert!(why(open(Kind::Quotes, &sealed.chunk, payload)).contains("not a quotes chunk"));
    }

    proptest::proptest! {
        /// Whatever bytes arrive, opening them is an answer or an error that names the chunk.
        #[test]
        fn hostile_bytes_are_refused_by_name(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300), gzip in proptest::bool::ANY) {
            let mut bytes = bytes;
            if gzip {
                bytes.splice(0..0, [0x1f, 0x8b]);
            }
            let chunk = ChunkRef { hash: hash(&bytes), bytes: bytes.len() as u64, payload: bytes.len() as u64 };
            if let Err(e) = open::<Vec<String>>(Kind::Words, &chunk, bytes) {
                proptest::prop_assert_eq!(e.file, chunk.file_name(Kind::Words));
            }
        }
    }
}
