//! A small JSON reader for the few JSON inputs Broadsheet reads: JSONL corpus
//! lines, manifests and index files.
//!
//! The app reads those in the browser, and a general JSON library is about a
//! tenth of the page's code; this reader is a few kilobytes. Numbers are kept
//! as they are written (an id `17` stays `"17"`), which is all Broadsheet
//! needs of them and keeps float formatting out of the page. Nesting deeper
//! than [`MAX_DEPTH`] is refused rather than risking the stack.

use std::fmt;

/// Deepest nesting of arrays and objects read.
pub const MAX_DEPTH: usize = 64;

/// A JSON value. Objects keep their members in order; a repeated key keeps
/// its first value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as written in the input.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of member `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A whole number that fits in a `u64` (`3`, not `3.0`, `-3` or `3e0`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// What kind of value this is, for messages ("a string", "an object").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

/// Why a text is not JSON, and where (a byte offset into it).
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub message: &'static str,
    pub offset: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for JsonError {}

/// Reads `text` as one JSON value, with nothing but white space around it.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    read(Reader { text, at: 0, kept_members: None })
}

/// [`parse`], keeping of an object at the top only the members named in `members`. The others
/// are read by the same grammar, so the text is refused exactly when [`parse`] refuses it, but
/// nothing of them is copied: a JSONL line's annotations are many times its text.
pub fn parse_members(text: &str, members: &[&str]) -> Result<Json, JsonError> {
    read(Reader { text, at: 0, kept_members: Some(members) })
}

fn read(mut reader: Reader) -> Result<Json, JsonError> {
    let value = reader.value(0, true)?;
    reader.skip_space();
    if reader.at < reader.text.len() {
        return Err(reader.error("unexpected text after the value"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// The members of an object at the top that are kept (all when `None`).
    kept_members: Option<&'a [&'a str]>,
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> JsonError {
        JsonError { message, offset: self.at }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), JsonError> {
        self.skip_space();
        if self.peek() != Some(byte) {
            return Err(self.error(message));
        }
        self.at += 1;
        Ok(())
    }

    /// The value at `self.at`; when it is not `kept`, it is only read (checked, not copied): a
    /// string, a number, a list or an object is then returned as [`Json::Null`].
    fn value(&mut self, depth: usize, kept: bool) -> Result<Json, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("the text ends where a value should be")),
            Some(b'{') => self.object(depth + 1, kept),
            Some(b'[') => self.array(depth + 1, kept),
            Some(b'"') if kept => self.string().map(Json::String),
            Some(b'"') => self.string_into(None).map(|()| Json::Null),
            Some(b'-' | b'0'..=b'9') => {
                let number = self.number()?;
                Ok(if kept { Json::Number(number.to_string()) } else { Json::Null })
            }
            Some(_) => {
                for (word, value) in [("true", Json::Bool(true)), ("false", Json::Bool(false)), ("null", Json::Null)] {
                    if self.text[self.at..].starts_with(word) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("expected a value"))
            }
        }
    }

    fn object(&mut self, depth: usize, kept: bool) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(if kept { Json::Object(members) } else { Json::Null });
        }
        let chosen = self.kept_members.filter(|_| depth == 1);
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name in double quotes"));
            }
            // The name of a member that is not kept is only read.
            let key = if kept { self.string()? } else { self.string_into(None).map(|()| String::new())? };
            self.expect(b':', "expected ':' after a member name")?;
            let keep = kept && chosen.is_none_or(|names| names.contains(&key.as_str()));
            let value = self.value(depth, keep)?;
            if keep && !members.iter().any(|(k, _)| *k == key) {
                members.push((key, value));
            }
            if self.list_ends(b'}', "expected ',' or '}' in an object")? {
                return Ok(if kept { Json::Object(members) } else { Json::Null });
            }
        }
    }

    /// After an item of an object or a list: a comma goes on to the next (false), `close`
    /// ends it (true); anything else is the error `message`.
    fn list_ends(&mut self, close: u8, message: &'static str) -> Result<bool, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.error(message)),
        }
    }

    fn array(&mut self, depth: usize, kept: bool) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(if kept { Json::Array(items) } else { Json::Null });
        }
        loop {
            let item = self.value(depth, kept)?;
            if kept {
                items.push(item);
            }
            if self.list_ends(b']', "expected ',' or ']' in a list")? {
                return Ok(if kept { Json::Array(items) } else { Json::Null });
            }
        }
    }

    /// A string, its opening quote at `self.at`.
    fn string(&mut self) -> Result<String, JsonError> {
        let mut out = String::new();
        self.string_into(Some(&mut out))?;
        Ok(out)
    }

    /// Reads a string, its opening quote at `self.at`, into `out` (or only reads it).
    fn string_into(&mut self, mut out: Option<&mut String>) -> Result<(), JsonError> {
        self.at += 1;
        let bytes = self.text.as_bytes();
        loop {
            let run = plain_run(&bytes[self.at..]);
            if self.at + run == bytes.len() {
                self.at = bytes.len();
                return Err(self.error("a string is not closed"));
            }
            // Quotes, backslashes and control bytes are ASCII, so the run ends on a char boundary.
            if let Some(out) = out.as_deref_mut() {
                out.push_str(&self.text[self.at..self.at + run]);
            }
            self.at += run;
            match bytes[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(());
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode_escape()?;
                            if let Some(out) = out.as_deref_mut() {
                                out.push(c);
                            }
                            continue;
                        }
                        _ => return Err(self.error("unknown escape in a string")),
                    };
                    self.at += 1;
                    if let Some(out) = out.as_deref_mut() {
                        out.push(escaped);
                    }
                }
                _ => return Err(self.error("a control character in a string (write it as an escape)")),
            }
        }
    }

    /// The character of a `\uXXXX` escape, its digits at `self.at`; a
    /// surrogate pair is one character, and a lone surrogate becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        if self.text[self.at..].starts_with("\\u") {
            let resume = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            self.at = resume;
        }
        Ok(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let code = digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| self.error("expected four hex digits after \\u"))?;
        self.at += 4;
        Ok(code)
    }

    /// A number by JSON's grammar: `-`? int frac? exp?, int without leading zeros; as written.
    fn number(&mut self) -> Result<&str, JsonError> {
        let start = self.at;
        let malformed = JsonError { message: "a malformed number", offset: start };
        let bytes = self.text.as_bytes();
        let digits = |at: usize| bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int = digits(self.at);
        if int == 0 || (int > 1 && bytes[self.at] == b'0') {
            return Err(malformed);
        }
        self.at += int;
        if self.peek() == Some(b'.') {
            self.at += 1;
            let frac = digits(self.at);
            if frac == 0 {
                return Err(malformed);
            }
            self.at += frac;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            let exp = digits(self.at);
            if exp == 0 {
                return Err(malformed);
            }
            self.at += exp;
        }
        Ok(&self.text[start..self.at])
    }
}

/// How many bytes from the start of `bytes` a string copies as they are: up to
/// a quote, a backslash or a control byte. Article texts are long, so they are
/// scanned eight bytes at a time.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte's high bit in the result is set when the byte is zero (or, after a zero
    // byte, possibly set wrongly): only the lowest set one is read, and it is always right.
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let found = zero_bytes(x ^ (ONES * u64::from(b'"'))) | zero_bytes(x ^ (ONES * u64::from(b'\\'))) | (x.wrapping_sub(ONES * 0x20) & !x & HIGHS);
        if found != 0 {
            return at + found.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    at + bytes[at..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(bytes.len() - at)
}

#[cfg(test)]
mod tests {
    use super::{parse, Json};

    fn s(text: &str) -> Json {
        Json::String(text.to_string())
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": []} "#).unwrap();
        let list = value.get("a").and_then(Json::as_array).unwrap();
        assert_eq!(list[0], Json::Number("1".into()));
        assert_eq!(list[1], Json::Number("-2.5e3".into()));
        assert_eq!(&list[2..], &[Json::Bool(true), Json::Bool(false), Json::Null]);
        assert_eq!(value.get("b").and_then(|b| b.get("c")), Some(&s("d")));
        assert_eq!(value.get("e"), Some(&Json::Array(vec![])));
        assert_eq!(value.get("z"), None);
    }

    #[test]
    fn reads_escapes_and_keeps_other_text_as_it_is() {
        assert_eq!(parse(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 „ü“""#).unwrap(), s("a\"b\\c/d\n\té😀 „ü“"));
        // A lone surrogate is replaced, not refused: the rest of the text is still worth reading.
        assert_eq!(parse(r#""x\ud800y""#).unwrap(), s("x\u{FFFD}y"));
        assert_eq!(parse(r#""x\ud800\u0041""#).unwrap(), s("x\u{FFFD}A"));
    }

    #[test]
    fn whole_numbers_read_as_counts() {
        assert_eq!(parse("42").unwrap().as_u64(), Some(42));
        for not_a_count in ["-1", "4.0", "4e1"] {
            assert_eq!(parse(not_a_count).unwrap().as_u64(), None, "{not_a_count}");
        }
    }

    #[test]
    fn a_plain_run_stops_at_the_first_byte_that_needs_attention() {
        for stop in [b'"', b'\\', b'\n', 0x00, 0x1f] {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = stop;
                // Bytes that trip the eight-at-a-time test wrongly, after the real stop.
                bytes.extend_from_slice(&[0x80, 0x21, 0x01, b'"']);
                assert_eq!(super::plain_run(&bytes), at, "{stop} at {at}");
            }
        }
        assert_eq!(super::plain_run("é ü — “x” é".as_bytes()), "é ü — “x” é".len());
        assert_eq!(super::plain_run(b""), 0);
    }

    #[test]
    fn a_repeated_key_keeps_its_first_value() {
        assert_eq!(parse(r#"{"a": 1, "a": 2}"#).unwrap().get("a"), Some(&Json::Number("1".into())));
    }

    #[test]
    fn refuses_what_is_not_json_and_says_where() {
        for (text, offset) in [
            ("", 0),
            ("{", 1),
            (r#"{"a" 1}"#, 5),
            (r#"{"a": 1,}"#, 8),
            ("[1 2]", 3),
            (r#""open"#, 5),
            ("\"tab\there\"", 4),
            (r#""\x""#, 2),
            (r#""\u12""#, 3),
            ("01", 0),
            ("1.", 0),
            ("-", 0),
            ("1e", 0),
            ("nul", 0),
            ("{} x", 3),
            ("{'a': 1}", 1),
        ] {
            let error = parse(text).expect_err(text);
            assert_eq!(error.offset, offset, "{text}: {error}");
        }
    }

    /// serde_json's reading of the same text, in this module's terms (numbers as written).
    fn from_serde(value: &serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => Json::Number(n.to_string()),
            serde_json::Value::String(s) => Json::String(s.clone()),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(members) => Json::Object(members.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect()),
        }
    }

    fn any_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec(("[a-z\\u{e9}\"]{0,6}", inner), 0..6)
                    .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// What serde_json writes, compact or pretty, reads back as serde_json reads it.
        #[test]
        fn reads_what_serde_json_writes(value in any_json(), pretty in proptest::bool::ANY) {
            let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
            proptest::prop_assert_eq!(parse(&text).unwrap(), from_serde(&value));
        }

        /// Any text either reads, exactly when serde_json reads it, or is refused at an offset inside it; never a panic.
        #[test]
        fn agrees_with_serde_json_on_arbitrary_text(text in "[\\[\\]{}:,\"\\\\ a-u0-9.eE+-]{0,40}") {
            // Surrogate escapes are where the two differ on purpose: serde_json refuses a lone one, this reader replaces it.
            proptest::prop_assume!(!text.to_ascii_lowercase().contains("\\ud"));
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            proptest::prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", text, ours);
            if let Err(e) = ours {
                proptest::prop_assert!(e.offset <= text.len());
            }
        }
    }

    /// [`parse`]'s reading of `text`, keeping of an object only the members named in `members`.
    fn parse_then_keep(text: &str, members: &[&str]) -> Result<Json, super::JsonError> {
        parse(text).map(|value| match value {
            Json::Object(all) => Json::Object(all.into_iter().filter(|(k, _)| members.contains(&k.as_str())).collect()),
            other => other,
        })
    }

    proptest::proptest! {
        /// Reading only some members of an object reads what reading it all and keeping them does.
        #[test]
        fn reading_some_members_is_keeping_them_of_the_whole(value in any_json(), extra in any_json(), pretty in proptest::bool::ANY) {
            let mut object = serde_json::Map::new();
            object.insert("id".into(), value.clone());
            object.insert("quotes".into(), extra);
            object.insert("text".into(), value);
            let object = serde_json::Value::Object(object);
            let text = if pretty { serde_json::to_string_pretty(&object) } else { serde_json::to_string(&object) }.unwrap();
            let members = ["id", "text", "title"];
            proptest::prop_assert_eq!(super::parse_members(&text, &members), parse_then_keep(&text, &members));
        }

        /// ... and refuses a text where, and as, reading it all does.
        #[test]
        fn reading_some_members_refuses_what_parse_refuses(tail in "[\\[\\]{}:,\"\\\\ a-u0-9.eE+-]{0,40}", in_object in proptest::bool::ANY) {
            // Half the texts are an object with members "a" and "b" for the tail to go on with.
            let text = if in_object { format!("{{\"a\": [1], \"b\": {tail}") } else { tail };
            for members in [&["a"][..], &["a", "b"], &[]] {
                proptest::prop_assert_eq!(super::parse_members(&text, members), parse_then_keep(&text, members));
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
        assert_eq!(super::parse_members(&format!("{{\"a\": {deep}"), &[]).unwrap_err().message, "nested too deeply");
        let fine = format!("{}{}", "[".repeat(super::MAX_DEPTH), "]".repeat(super::MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }
}
