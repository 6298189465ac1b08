//! Finding the next of a few bytes in a long text, eight bytes at a time.
//!
//! Layout and quote finding look at every byte of an article for line breaks and
//! quotation marks, which are rare: testing a word of eight bytes at once for
//! each of a few values is several times cheaper than a test per byte.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Non-zero when some byte of `word` equals `byte`.
#[inline]
fn has_byte(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The index of the first byte of `bytes` that is one of `needles`.
pub fn find_any<const N: usize>(bytes: &[u8], needles: [u8; N]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut skipped = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        if needles.iter().any(|&n| has_byte(word, n) != 0) {
            break;
        }
        skipped += 8;
    }
    bytes[skipped..].iter().position(|b| needles.contains(b)).map(|i| skipped + i)
}

#[cfg(test)]
mod tests {
    use super::find_any;

    #[test]
    fn finds_the_first_of_the_needles_anywhere() {
        assert_eq!(find_any(b"", [b'"']), None);
        assert_eq!(find_any(b"plain words only", [b'"', b'\n']), None);
        assert_eq!(find_any(b"a\"b", [b'"']), Some(1));
        assert_eq!(find_any(b"0123456789abcdef\n", [b'\n', b'\r']), Some(16));
        assert_eq!(find_any(b"01234567\r9\n", [b'\n', b'\r']), Some(8));
        assert_eq!(find_any("caf\u{e9} \u{201c}".as_bytes(), [0xE2]), Some(6));
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_a_byte_by_byte_search(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64), a: u8, b: u8) {
            proptest::prop_assert_eq!(find_any(&bytes, [a, b]), bytes.iter().position(|x| *x == a || *x == b));
        }
    }
}
