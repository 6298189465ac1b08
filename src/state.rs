//! The URL contract: every view is a query string.
//!
//! `view=articles|quotes`, `q=`, `speaker=`, `about=`, `person=`, `place=`, `org=`
//! (entity keys, comma-separated), `article=<id>`, `quote=<id>:<byte start>` (one quote, its
//! article opened), `from=`/`to=` (ISO dates), `kind=full|partial`, `group=speaker`,
//! `sort=newest|oldest`, `corpus=<url>`. Parsing never fails: what cannot be
//! understood is dropped and reported as a notice, and the rest still applies.

use broadsheet_extract::QuoteKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Articles,
    Quotes,
}

/// The order of the lists: the corpus's own, or by publication date (articles
/// without a date last, ties in corpus order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Corpus,
    Newest,
    Oldest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Corpus, Sort::Newest, Sort::Oldest];

    /// Its `sort=` value; the corpus order is the default and is left out.
    pub fn param(self) -> Option<&'static str> {
        match self {
            Sort::Corpus => None,
            Sort::Newest => Some("newest"),
            Sort::Oldest => Some("oldest"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Corpus => "Corpus order",
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
        }
    }
}

/// The facets that filter by entity key, in URL order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    /// Who said a quote.
    Speaker,
    /// Who or what a quote names in its own words.
    About,
    /// The people, places and organisations an article mentions.
    Person,
    Place,
    Org,
}

impl Facet {
    pub const ALL: [Facet; 5] = [Facet::Speaker, Facet::About, Facet::Person, Facet::Place, Facet::Org];

    pub fn param(self) -> &'static str {
        match self {
            Facet::Speaker => "speaker",
            Facet::About => "about",
            Facet::Person => "person",
            Facet::Place => "place",
            Facet::Org => "org",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Speaker => "Speakers",
            Facet::About => "Quotes about",
            Facet::Person => "People",
            Facet::Place => "Places",
            Facet::Org => "Organisations",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewState {
    pub view: View,
    pub q: String,
    /// Selected keys per facet, in `Facet::ALL` order.
    pub keys: [Vec<String>; 5],
    pub article: Option<String>,
    /// One quote of `article`, marked and scrolled to: the byte offset where it starts in the
    /// article's text (`quote=<article id>:<start>`). Without an article it means nothing and
    /// is not written.
    pub quote: Option<usize>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub kind: Option<QuoteKind>,
    /// Quote list grouped by speaker.
    pub group_by_speaker: bool,
    pub sort: Sort,
    /// A corpus to load instead of the bundled one: a .txt, .jsonl or manifest.json URL.
    pub corpus: Option<String>,
}

/// An entity key as the extractor makes them, in any script ([`broadsheet_extract::is_key`]).
fn is_key(s: &str) -> bool {
    broadsheet_extract::is_key(s)
}

/// An http(s) URL or a relative path, without spaces or control characters.
fn is_corpus_url(s: &str) -> bool {
    let scheme_ok = match s.split_once("://") {
        Some((scheme, _)) => scheme == "https" || scheme == "http",
        None => !s.contains(':'),
    };
    scheme_ok && !s.is_empty() && s.len() <= 2000 && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn is_article_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 200 && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// `<article id>:<byte offset>`, as `quote=` carries one quote.
fn parse_quote(v: &str) -> Option<(String, usize)> {
    let (id, start) = v.rsplit_once(':')?;
    let start = start.parse().ok().filter(|_| start.bytes().all(|b| b.is_ascii_digit()))?;
    is_article_id(id).then(|| (id.to_string(), start))
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` with plausible numbers.
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize, lo: u32, hi: u32| p.len() == len && p.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n));
    match parts.as_slice() {
        [y] => num(y, 4, 1000, 9999),
        [y, m] => num(y, 4, 1000, 9999) && num(m, 2, 1, 12),
        [y, m, d] => num(y, 4, 1000, 9999) && num(m, 2, 1, 12) && num(d, 2, 1, 31),
        _ => false,
    }
}

/// A value as it may be shown in a notice: short, one line.
fn shown(v: &str) -> String {
    let one_line: String = v.chars().map(|c| if c.is_control() { ' ' } else { c }).take(40).collect();
    if v.chars().count() > 40 {
        format!("{one_line}…")
    } else {
        one_line
    }
}

impl ViewState {
    pub fn facet(&self, f: Facet) -> &[String] {
        &self.keys[f as usize]
    }

    /// Reads a query's decoded pairs. Returns the state and a notice per value ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (ViewState, Vec<String>) {
        let mut s = ViewState::default();
        let mut notices = Vec::new();
        let mut quote = None;
        for (k, v) in pairs {
            let v = v.trim();
            match k {
                "view" => match v {
                    "articles" | "" => s.view = View::Articles,
                    "quotes" => s.view = View::Quotes,
                    _ => notices.push(format!("view “{}” is not a view; showing articles", shown(v))),
                },
                "q" => s.q = v.chars().take(500).collect(),
                "speaker" | "about" | "person" | "place" | "org" => {
                    let f = Facet::ALL.into_iter().find(|f| f.param() == k).unwrap_or(Facet::Speaker);
                    for key in v.split(',').map(str::trim).filter(|x| !x.is_empty()) {
                        if is_key(key) {
                            if !s.keys[f as usize].iter().any(|x| x == key) {
                                s.keys[f as usize].push(key.to_string());
                            }
                        } else {
                            notices.push(format!("{k} “{}” is not an entity key and was ignored", shown(key)));
                        }
                    }
                }
                "corpus" if v.is_empty() => {}
                "corpus" if is_corpus_url(v) => s.corpus = Some(v.to_string()),
                "corpus" => notices.push(format!("corpus “{}” is not an http(s) link or a relative path and was ignored", shown(v))),
                "article" if v.is_empty() => {}
                "article" if is_article_id(v) => s.article = Some(v.to_string()),
                "article" => notices.push(format!("article “{}” is not an article id and was ignored", shown(v))),
                "quote" if v.is_empty() => {}
                "quote" => match parse_quote(v) {
                    Some(q) => quote = Some(q),
                    None => notices.push(format!("quote “{}” is not an article id and a byte offset like 000_36cf:1234 and was ignored", shown(v))),
                },
                "from" | "to" if v.is_empty() => {}
                "from" | "to" if is_iso_date(v) => {
                    if k == "from" {
                        s.from = Some(v.to_string());
                    } else {
                        s.to = Some(v.to_string());
                    }
                }
                "from" | "to" => notices.push(format!("{k} “{}” is not a date like 2023-03-31 and was ignored", shown(v))),
                "kind" => match v {
                    "full" => s.kind = Some(QuoteKind::Full),
                    "partial" => s.kind = Some(QuoteKind::Partial),
                    "" => {}
                    _ => notices.push(format!("kind “{}” is neither full nor partial and was ignored", shown(v))),
                },
                "group" => match v {
                    "speaker" => s.group_by_speaker = true,
                    "" => {}
                    _ => notices.push(format!("group “{}” is not known; only group=speaker is", shown(v))),
                },
                "sort" => match Sort::ALL.into_iter().find(|o| o.param() == Some(v)) {
                    Some(order) => s.sort = order,
                    None if v.is_empty() => {}
                    None => notices.push(format!("sort “{}” is not known; sort=newest and sort=oldest are", shown(v))),
                },
                _ => notices.push(format!("the parameter “{}” is not known and was ignored", shown(k))),
            }
        }
        // A quote opens its article; a link that names another article keeps that one.
        if let Some((id, start)) = quote {
            match &s.article {
                Some(article) if *article != id => {
                    notices.push(format!("quote “{}:{start}” is not in article “{}” and was ignored", shown(&id), shown(article)))
                }
                _ => {
                    s.article = Some(id);
                    s.quote = Some(start);
                }
            }
        }
        (s, notices)
    }

    /// The canonical query string, without the leading `?`; defaults are left out.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(c) = &self.corpus {
            parts.push(format!("corpus={}", encode(c)));
        }
        if self.view == View::Quotes {
            parts.push("view=quotes".into());
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        for f in Facet::ALL {
            let keys = self.facet(f);
            if !keys.is_empty() {
                parts.push(format!("{}={}", f.param(), keys.join(",")));
            }
        }
        match (&self.article, self.quote) {
            (Some(a), Some(start)) => parts.push(format!("quote={}:{start}", encode(a))),
            (Some(a), None) => parts.push(format!("article={}", encode(a))),
            (None, _) => {}
        }
        if let Some(d) = &self.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = &self.to {
            parts.push(format!("to={d}"));
        }
        match self.kind {
            Some(QuoteKind::Full) => parts.push("kind=full".into()),
            Some(QuoteKind::Partial) => parts.push("kind=partial".into()),
            None => {}
        }
        if self.group_by_speaker {
            parts.push("group=speaker".into());
        }
        if let Some(order) = self.sort.param() {
            parts.push(format!("sort={order}"));
        }
        parts.join("&")
    }

    /// This state with `key` added to or removed from facet `f`.
    pub fn toggled(&self, f: Facet, key: &str) -> ViewState {
        let mut s = self.clone();
        let keys = &mut s.keys[f as usize];
        if let Some(i) = keys.iter().position(|k| k == key) {
            keys.remove(i);
        } else {
            keys.push(key.to_string());
        }
        s
    }

    /// True when any filter narrows the items (the view and grouping do not).
    pub fn has_filters(&self) -> bool {
        self.active_filters() > 0
    }

    /// How many filters narrow the items: what the phone layout's "Filters (n)" counts, one
    /// per chip (the search, each chosen key, the article, each date bound, the kind).
    pub fn active_filters(&self) -> usize {
        usize::from(!self.q.is_empty())
            + self.keys.iter().map(Vec::len).sum::<usize>()
            + usize::from(self.article.is_some())
            + usize::from(self.from.is_some())
            + usize::from(self.to.is_some())
            + usize::from(self.kind.is_some())
    }

    /// This view with the date range set to `from`..=`to` (a bar of the timeline, or several).
    pub fn dated(&self, from: String, to: String) -> ViewState {
        ViewState { from: Some(from), to: Some(to), ..self.clone() }
    }

    /// The same view, grouped and ordered as it was, with every filter removed.
    pub fn cleared(&self) -> ViewState {
        ViewState { view: self.view, group_by_speaker: self.group_by_speaker, sort: self.sort, corpus: self.corpus.clone(), ..ViewState::default() }
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a query string (`a=b&c=%20d`, `+` as space) into pairs; bad escapes stay as written.
pub fn decode_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> (ViewState, Vec<String>) {
        let pairs = decode_query(q);
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    #[test]
    fn round_trip_of_a_full_state() {
        let (s, notices) = parse("?corpus=https%3A%2F%2Fx.org%2Fc%2Fmanifest.json&view=quotes&q=%22peace+talks%22%20now&speaker=alexander-lukashenko,dmitry-peskov&place=kyiv&article=000_36cf&from=2022-01-01&to=2023-12&kind=partial&group=speaker&sort=newest");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s.view, View::Quotes);
        assert_eq!(s.q, "\"peace talks\" now");
        assert_eq!(s.facet(Facet::Speaker), ["alexander-lukashenko", "dmitry-peskov"]);
        assert_eq!(s.kind, Some(QuoteKind::Partial));
        assert_eq!(s.corpus.as_deref(), Some("https://x.org/c/manifest.json"));
        assert_eq!(s.sort, Sort::Newest);
        assert_eq!(s.cleared().to_query(), "corpus=https%3A%2F%2Fx.org%2Fc%2Fmanifest.json&view=quotes&group=speaker&sort=newest");
        let again = parse(&s.to_query()).0;
        assert_eq!(again, s);
    }

    #[test]
    fn a_quote_opens_its_article_and_is_written_in_its_place() {
        let (s, notices) = parse("view=quotes&quote=000_36cf:1234&q=war");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!((s.article.as_deref(), s.quote), (Some("000_36cf"), Some(1234)));
        assert_eq!(s.to_query(), "view=quotes&q=war&quote=000_36cf:1234");
        assert_eq!(parse(&s.to_query()).0, s);
        // The same article named twice is one; another article keeps the link's article.
        assert_eq!(parse("article=a-1&quote=a-1:7").0.quote, Some(7));
        let (other, notices) = parse("article=a-1&quote=b-2:7");
        assert_eq!((other.article.as_deref(), other.quote, notices.len()), (Some("a-1"), None, 1));
        // Leaving the article leaves its quote.
        assert_eq!(ViewState { article: None, ..s.clone() }.to_query(), "view=quotes&q=war");
        for bad in ["quote=a-1", "quote=a-1:", "quote=a-1:x", "quote=:5", "quote=a%2F1:5", "quote=a-1:%2B5", "quote=a-1:99999999999999999999999"] {
            let (state, notices) = parse(bad);
            assert_eq!((state, notices.len()), (ViewState::default(), 1), "{bad}");
        }
    }

    #[test]
    fn active_filters_count_one_per_chip() {
        assert_eq!(parse("view=quotes&group=speaker&sort=newest&corpus=c.jsonl").0.active_filters(), 0);
        assert_eq!(parse("q=x&speaker=a,b&place=c&quote=d:1&from=2020&to=2021&kind=full").0.active_filters(), 8);
    }

    #[test]
    fn defaults_make_an_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(parse("").0, ViewState::default());
    }

    #[test]
    fn hostile_and_malformed_values_are_ignored_with_a_notice() {
        let (s, notices) = parse("speaker=%3Cscript%3Ealert(1)%3C/script%3E&from=yesterday&view=grid&kind=odd&zzz=1&article=..%2F..%2Fetc&corpus=javascript%3Aalert(1)&sort=random");
        assert_eq!(s, ViewState::default());
        assert_eq!(notices.len(), 8, "{notices:?}");
        assert!(notices[0].contains("<script>alert(1)</scr…") || notices[0].contains("<script>"));
    }

    #[test]
    fn toggling_adds_then_removes() {
        let s = ViewState::default().toggled(Facet::Place, "kyiv");
        assert_eq!(s.to_query(), "place=kyiv");
        assert_eq!(s.toggled(Facet::Place, "kyiv").to_query(), "");
    }

    // Any query string a link can carry: it never panics, and what it means is canonical.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_query_parses_to_a_state_that_round_trips(q in "[?&=%+,.:/a-zA-Z0-9 _\\-\"“éЖ😀]{0,60}") {
            let (s, _) = parse(&q);
            let (again, notices) = parse(&s.to_query());
            proptest::prop_assert_eq!(&again, &s);
            proptest::prop_assert!(notices.is_empty(), "{:?}", notices);
        }

        #[test]
        fn any_values_of_known_parameters_parse_to_a_state_that_round_trips(
            pairs in proptest::collection::vec(
                ("view|q|speaker|about|person|place|org|article|quote|from|to|kind|group|sort|corpus", "[a-z0-9:._,\\-й 😀%]{0,14}"),
                0..6,
            ),
        ) {
            let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let (s, _) = parse(&query.join("&"));
            let (again, notices) = parse(&s.to_query());
            proptest::prop_assert_eq!(&again, &s);
            proptest::prop_assert!(notices.is_empty(), "{:?}", notices);
        }

        #[test]
        fn any_state_made_of_known_parameters_round_trips(
            view in proptest::option::of("articles|quotes"),
            q in "[a-zé \"“]{0,12}",
                        speaker in proptest::collection::vec("[a-z0-9]{1,6}(-[a-z0-9]{1,6})?|[а-я]{1,5}|[\u{4e00}-\u{4e80}]{1,3}|[\u{0627}-\u{064a}]{1,4}", 0..3),
            from in proptest::option::of("20[0-3][0-9](-(0[1-9]|1[0-2]))?"),
            kind in proptest::option::of("full|partial"),
            sort in proptest::option::of("newest|oldest"),
            quote in proptest::option::of(("[a-z0-9_]{1,8}|[а-я]{1,3}", 0usize..100_000)),
        ) {
            let mut query = vec![format!("q={}", q.replace(' ', "+").replace('"', "%22"))];
            query.extend(view.map(|v| format!("view={v}")));
                        if !speaker.is_empty() {
                query.push(format!("speaker={}", encode(&speaker.join(","))));
            }
            query.extend(from.map(|f| format!("from={f}")));
            query.extend(kind.map(|k| format!("kind={k}")));
            query.extend(sort.map(|o| format!("sort={o}")));
            query.extend(quote.map(|(id, start)| format!("quote={}:{start}", encode(&id))));
            let (s, notices) = parse(&query.join("&"));
            proptest::prop_assert!(notices.is_empty(), "{:?}", notices);
            proptest::prop_assert_eq!(parse(&s.to_query()).0, s);
        }
    }

    #[test]
    fn broken_escapes_do_not_panic() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%E2%80%9C"), "“");
        assert_eq!(decode("%C3"), "\u{FFFD}");
    }
}
