//! Raw bytes to text: lossy UTF-8 with a warning, BOM removed.

pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.matches('\u{FFFD}').count();
            warnings.push(format!("the file is not valid UTF-8: {replaced} invalid byte sequence(s) were replaced with \u{FFFD}"));
            text
        }
    };
    Decoded { text, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_keeps_text() {
        let d = decode("\u{FEFF}Hello".as_bytes());
        assert_eq!(d.text, "Hello");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        let d = decode(b"caf\xE9 au lait");
        assert_eq!(d.text, "caf\u{FFFD} au lait");
        assert_eq!(d.warnings.len(), 1);
    }
}
