//! Who a speaker mention stands for.
//!
//! Attribution finds the words next to a quote that name its speaker: a name ("Marta Quist"),
//! a pronoun ("she", "it"), a description ("the harbour master", "the 52-year-old", "the
//! company", "her statement"). This stage decides whom they name, as a careful reader does.
//!
//! It reads the article's sentences in order and keeps how salient each person and body is:
//! a mention raises it (most as a sentence's subject, less after a preposition, as a
//! possessor or inside a quote), speaking raises it, and every sentence and paragraph lowers
//! it. A pronoun goes to the most salient person it agrees with (gender from given names,
//! titles and the pronouns the article already used for the person; "it" and "they" to a
//! body), a description to the most salient person the article introduced with that role,
//! title or age, or body of that kind, and a document ("her statement") to its issuer. When
//! two candidates are about as salient, or none fits, the quote keeps its mention and gets no
//! name: a missing name costs less than a wrong one. Names that stand in a byline or a credit
//! are never candidates. Everything is one walk over the tokens, so the stage is linear.

use crate::entities::{Found, Role};
use crate::layout::Layout;
use crate::lexicon::{self, BodyKind, Gender, Pronoun, WordInfo, WordList};
use crate::tokens::{self, Sentence, Token, TokenKind};
use crate::{EntityKind, Span};

/// What a mention adds to its referent's salience.
const MENTIONED: f32 = 100.0;
/// ... more as the subject of its sentence, and as a quote's speaker.
const AS_SUBJECT: f32 = 80.0;
const AS_SPEAKER: f32 = 60.0;
/// ... less after a preposition ("with Quist") or as a possessor ("Quist's plan").
const OBLIQUE: f32 = -50.0;
/// A name inside a quote is the speaker's topic, not the narrative's.
const INSIDE_QUOTE: f32 = 0.25;
/// What is left of salience after a paragraph break, besides the halving every sentence gets.
const PARAGRAPH_DECAY: f32 = 0.7;
/// A person the quote itself names is seldom its speaker: people rarely speak of themselves by name.
const NAMED_IN_THE_QUOTE: f32 = 0.3;
/// A candidate whose gender is not known counts for less than one who agrees.
const UNKNOWN_GENDER: f32 = 0.35;
/// The article's main person never fades below this.
const MAIN_PERSON: f32 = 12.0;
/// How many paragraphs before a speaker mention the walk reads: salience from further back has
/// faded below [`FORGOTTEN`] in all but the longest-lived cases.
const NEEDED_AHEAD: usize = 6;
/// Below this a referent is forgotten.
const FORGOTTEN: f32 = 1.0;
/// A runner-up this close to the best (as a share of its score) leaves the reader unsure.
const TOO_CLOSE: f32 = 0.85;
/// A pronoun goes on with the last sentence's subject unless someone scores this much more
/// (as a share: the subject needs this share of the best score).
const SUBJECT_GOES_ON: f32 = 0.6;
/// How far ahead of everyone else the person in mind must be for a role the article gave no one
/// to be theirs.
const CLEARLY_AHEAD: f32 = 2.0;

/// Words that show a clause's verb has come: what follows is no subject.
fn is_verb_like(info: WordInfo) -> bool {
    info.is(WordList::Auxiliary) || info.is(WordList::CueVerb)
}

/// Does a word, folded, open a sentence with a subordinate clause? Then its names are not the
/// sentence's subject. One match on the fold (a slice of the lowered text, for a word of ASCII)
/// rather than a comparison with each such word in turn: every sentence's first word is asked.
fn is_subordinator(folded: &str) -> bool {
    matches!(
        folded,
        "when" | "after" | "as" | "while" | "although" | "though" | "because" | "if" | "since" | "before" | "once" | "until" | "unless" | "whereas"
    )
}

/// A sentence that opens with a participle's clause ("Asked about her vote, she replied",
/// "Speaking to reporters, Quist said"): its names are not the sentence's subject either. A
/// participle before a name is an adjective ("Embattled Mayor Quist").
fn opens_with_participle(text: &str, toks: &[Token]) -> bool {
    let [first, second, ..] = toks else { return false };
    let w = first.text(text);
    first.is_capitalized_word()
        && w.len() >= 5
        && (w.ends_with("ed") || w.ends_with("ing"))
        && second.starts_lowercase()
        && second.info().is(WordList::Preposition)
}

/// What is left of salience after `sentences` sentences and `paragraphs` paragraph breaks. Past
/// a few dozen sentences nothing is: no salience survives that many halvings.
fn decay(sentences: u32, paragraphs: u32) -> f32 {
    HALVINGS[sentences.min(32) as usize] * PARAGRAPH_DECAYS[paragraphs.min(32) as usize]
}

/// `1 / 2^n` for `n` up to 31, and nothing for 32 and more: looked up, not divided, for every
/// referent in mind at every sentence. Halving is exact, so each value is the quotient's.
const HALVINGS: [f32; 33] = {
    let mut table = [0.0f32; 33];
    let (mut n, mut half) = (0, 1.0f32);
    while n < 32 {
        table[n] = half;
        half *= 0.5;
        n += 1;
    }
    table
};

/// `PARAGRAPH_DECAY.powi(n)` for `n` up to 32, made when the crate is compiled as `powi` makes
/// it when the program runs (compiler-rt's `__powisf2`: the base squared, and multiplied in
/// for each bit of `n`), so that every value is the same to the last bit. Salience is decayed
/// for every referent in mind at every sentence: a look-up costs less than the call.
const PARAGRAPH_DECAYS: [f32; 33] = {
    let mut table = [1.0f32; 33];
    let mut n = 1;
    while n < table.len() {
        let (mut base, mut bits, mut power) = (PARAGRAPH_DECAY, n, 1.0f32);
        loop {
            if bits & 1 == 1 {
                power *= base;
            }
            bits /= 2;
            if bits == 0 {
                break;
            }
            base *= base;
        }
        table[n] = power;
        n += 1;
    }
    table
};

/// How salient each entity is, as the walk reaches each point of the article.
struct Salience {
    /// Per cluster: (value, the sentence and paragraph it was last set at).
    values: Vec<(f32, u32, u32)>,
    /// Clusters with some salience, most recently raised last, each once; those forgotten since
    /// are taken out only when the list is read ([`Salience::settle`]).
    active: Vec<usize>,
    sentence: u32,
    paragraph: u32,
    /// The sentence at whose start the forgotten were last taken out of `active`.
    settled_at: u32,
}

impl Salience {
    fn new(clusters: usize) -> Self {
        Salience { values: vec![(0.0, 0, 0); clusters], active: Vec::new(), sentence: 0, paragraph: 0, settled_at: 0 }
    }

    /// The referents in mind, most recently raised last: read only once [`Salience::settle`]d.
    fn in_mind(&self) -> &[usize] {
        debug_assert_eq!(self.settled_at, self.sentence, "salience read before the forgotten left it");
        &self.active
    }

    fn now(&self, c: usize) -> f32 {
        let (v, s, p) = self.values[c];
        if v == 0.0 {
            return 0.0;
        }
        v * decay(self.sentence - s, self.paragraph - p)
    }

    fn raise(&mut self, c: usize, by: f32) {
        let v = self.now(c) + by.max(0.0);
        self.values[c] = (v, self.sentence, self.paragraph);
        // The referent raised is most often the one raised last, which stays where it is.
        if self.active.last() != Some(&c) {
            if let Some(i) = self.active.iter().position(|&a| a == c) {
                self.active.remove(i);
            }
            self.active.push(c);
        }
    }

    /// Everything fades but what never does (the main person's floor is kept apart).
    fn forget(&mut self) {
        self.settle();
        for c in self.active.drain(..) {
            self.values[c] = (0.0, 0, 0);
        }
    }

    fn next_sentence(&mut self, paragraph: u32) {
        self.sentence += 1;
        self.paragraph = paragraph;
    }

    /// Takes out of `active` the referents forgotten at the start of some sentence since it was
    /// last done: those not raised in this sentence whose salience has fallen below
    /// [`FORGOTTEN`] (salience only falls between raises, so one test now is the test at every
    /// sentence start between). Done before the list is read rather than at every sentence:
    /// most sentences ask nothing of it.
    fn settle(&mut self) {
        if self.settled_at == self.sentence {
            return;
        }
        self.settled_at = self.sentence;
        let (values, sentence, para) = (&self.values, self.sentence, self.paragraph);
        self.active.retain(|&c| {
            let (v, s, p) = values[c];
            s == sentence || v * decay(sentence - s, para - p) >= FORGOTTEN
        });
    }
}

/// The best of the candidates scored by `score` (`None` for no candidate), unless the runner-up
/// comes too close.
fn best(candidates: impl Iterator<Item = (usize, f32)>) -> Option<usize> {
    let (mut first, mut second): (Option<(usize, f32)>, f32) = (None, 0.0);
    for (c, s) in candidates {
        if s <= 0.0 {
            continue;
        }
        match first {
            Some((_, f)) if s <= f => second = second.max(s),
            Some((_, f)) => {
                second = f;
                first = Some((c, s));
            }
            None => first = Some((c, s)),
        }
    }
    let (c, f) = first?;
    (second < f * TOO_CLOSE).then_some(c)
}

/// What a speaker phrase is, read from its words.
enum Phrase {
    /// "he", "she", "it", "they", "I".
    Pronoun(Pronoun),
    /// A name is its head ("Marta Quist", "spokesman Jeff Traeger", "the Kremlin").
    Named(usize),
    /// "her statement", "his office", "the company's statement": the possessor's document.
    Issued(Box<Phrase>),
    /// "the statement", "a news release": a document whose issuer the article gave before.
    Document(String),
    /// "the Belarusian leader", "the 52-year-old", "the Florida senator".
    /// `owned` when a possessive gives whose it is ("Quist's spokesperson", "the association's chief").
    Role { noun: Option<String>, affiliation: Option<String>, age: Option<u32>, owned: bool },
    /// "the company", "the security firm", "the union".
    Body(BodyKind),
    /// "the Frenchman", "the Brazilian": a person from a country (folded).
    Nation(String),
    /// Anything else: "a New Hampshire Republican", "the crowd", "63 percent".
    Nobody,
}

/// The document a verb of speech sends ("emailed" an email).
fn document_sent_by(verb: &str) -> Option<&'static str> {
    Some(match verb {
        "emailed" | "emails" => "email",
        "tweeted" | "tweets" => "tweet",
        "posted" | "posts" => "post",
        "wrote" | "writes" => "letter",
        "texted" | "texts" => "message",
        _ => return None,
    })
}

/// Is `w` a nation's word for one of its people ("Frenchman")?
pub fn nation_word(w: &str) -> bool {
    nation_of(w).is_some()
}

/// The country a nation's word for one of its people names ("Frenchman" → "france").
fn nation_of(w: &str) -> Option<&'static str> {
    Some(match w {
        "frenchman" | "frenchwoman" => "france",
        "englishman" | "englishwoman" | "scotsman" | "scotswoman" | "welshman" | "welshwoman" | "brit" | "briton" => "united kingdom",
        "irishman" | "irishwoman" => "ireland",
        "dutchman" | "dutchwoman" => "netherlands",
        "spaniard" => "spain",
        "dane" => "denmark",
        "swede" => "sweden",
        "finn" => "finland",
        "pole" => "poland",
        "kiwi" => "new zealand",
        "aussie" => "australia",
        _ => return None,
    })
}

/// Nouns a name before them modifies rather than names the subject of: "Obama consultant", "the
/// Trump campaign", "the McConnell comment". `info` is what the word lists say of `w`.
fn is_modified_noun(w: &str, info: WordInfo) -> bool {
    is_description_head_listed(w, info)
        || info.is(WordList::DocumentNoun)
        || matches!(
            w,
            "campaign"
                | "comment"
                | "comments"
                | "remark"
                | "remarks"
                | "speech"
                | "interview"
                | "plan"
                | "proposal"
                | "bill"
                | "administration"
                | "era"
                | "presidency"
                | "policy"
                | "policies"
                | "supporters"
                | "voters"
                | "fans"
                | "rally"
                | "camp"
                | "team"
                | "allies"
                | "aides"
                | "family"
                | "foundation"
                | "presidential"
        )
}

/// The age a word gives: "52-year-old" → 52.
fn age_word(w: &str) -> Option<u32> {
    let digits = w.strip_suffix("-year-old").or_else(|| w.strip_suffix("-year-olds"))?;
    digits.parse().ok().filter(|&a| (1..130).contains(&a))
}

/// [`age_word`] of the token's word, folded. A word of ASCII folds to its lowercase, so one that
/// is too short for an age or does not end as one does ("-year-old", "-year-olds") is passed over
/// without folding it (most words are).
/// That test is made where the word is read, from the token's length and last byte; only a word
/// it leaves is folded.
#[inline]
fn age_of(text: &str, t: &Token) -> Option<u32> {
    let may_be_age = t.span.len() >= "1-year-old".len() && matches!(text.as_bytes()[t.span.end - 1].to_ascii_lowercase(), b'd' | b's');
    if t.is_ascii_word() && !may_be_age {
        return None;
    }
    folded_age(t.text(text))
}

/// [`age_word`] of `w`, folded.
#[inline(never)]
fn folded_age(w: &str) -> Option<u32> {
    age_word(&lexicon::folded(w))
}

/// The last word of a description that stands for a person or a body: a role ("senator",
/// "host", "defenceman"), an age ("52-year-old") or a kind of body ("company", "union").
pub fn is_description_head(w: &str) -> bool {
    is_description_head_listed(w, lexicon::listed(w))
}

/// [`is_description_head`] of a word whose lists are known already (a token's): `info` is what
/// the word lists say of `w`.
pub fn is_description_head_listed(w: &str, info: WordInfo) -> bool {
    is_role_head(info) || info.names_a_body() || age_word(w).is_some()
}

/// A description's role noun, as the article's roles are written ("prime minister" is a
/// premier's), told by what the word lists say of it.
fn is_role_head(info: WordInfo) -> bool {
    info.is(WordList::RoleNoun) || info.is(WordList::PersonNoun)
}

/// Reads a speaker phrase: its head decides what it is.
fn read_phrase(text: &str, toks: &[Token], found: &Found) -> Phrase {
    // A possessive at the end is no head: "the Florida senator's" names the senator.
    let toks = match toks.split_last() {
        Some((last, rest)) if last.kind == TokenKind::Possessive => rest,
        _ => toks,
    };
    // "Gloria Mbeki, who lives on Pemberton Street": the head comes before any apposition; but
    // "the coach, Siobhán Keane": a role's holder named after it is the speaker.
    if let Some(k) = toks.iter().position(|t| matches!(t.text(text), "," | "(" | "—" | "–")) {
        let named_after = toks.get(k + 1).and_then(|t| found.within(Span::new(t.span.start, toks[toks.len() - 1].span.end)).next());
        if let Some((span, c)) = named_after.filter(|&(span, c)| span.start == toks[k + 1].span.start && found.clusters[c].kind == EntityKind::Person)
        {
            // "the coach, Siobhán Keane", "a spokeswoman for Acme, Jane Roe".
            let a_role = toks[..k].iter().any(|t| t.starts_lowercase() && is_role_head(t.info()));
            if a_role && toks.last().is_some_and(|t| t.span.end == span.end) {
                return Phrase::Named(c);
            }
        }
        return read_phrase(text, &toks[..k], found);
    }
    // "One shop worker in Eastfield", "Sergeant Ruairí Kenny of Dunmore Police": the head comes
    // before a preposition that is no part of a name.
    if let Some(k) = toks.iter().enumerate().skip(1).position(|(k, t)| {
        t.starts_lowercase() && t.info().is(WordList::Preposition) && found.within(t.span).next().is_none() && !in_a_name(found, toks, k)
    }) {
        if let Some(c) = holder_after_domain(text, toks, k + 1, found) {
            return Phrase::Named(c);
        }
        return read_phrase(text, &toks[..k + 1], found);
    }
    let words: Vec<&Token> = toks.iter().filter(|t| t.kind != TokenKind::Punct).collect();
    let Some(&head) = words.last() else { return Phrase::Nobody };
    if words.len() == 1 {
        if let Some((p, false)) = head.pronoun() {
            return Phrase::Pronoun(p);
        }
    }
    let mention_at = |t: &Token| found.within(t.span).next().or_else(|| found.before(t.span.end).next().filter(|(s, _)| s.contains(t.span)));
    // A phrase that opens with "a" or "one" introduces someone the article does not name ("a
    // spokesman", "one Clinton aide", "a Nevada Democrat"), unless it names them in apposition
    // (read above).
    if words.first().is_some_and(|t| matches!(found.folded(text, t).as_ref(), "a" | "an" | "one" | "another" | "some" | "several" | "two" | "three"))
    {
        return Phrase::Nobody;
    }
    // "said Lorna Vickers More Business News Halvorsen": a person's name that opens the phrase,
    // followed by nothing but capitalised words (a page's links run on after it), is the speaker.
    if let Some((span, c)) = found.within(Span::new(words[0].span.start, head.span.end)).next() {
        let rest = words.iter().skip_while(|t| t.span.end <= span.end);
        let only_capitals_after = span.start == words[0].span.start && span.end < head.span.end && rest.clone().all(|t| t.is_capitalized_word());
        if only_capitals_after && found.clusters[c].kind == EntityKind::Person && found.clusters[c].evidence {
            return Phrase::Named(c);
        }
    }
    // The head is a name: the person or body it names.
    if head.is_capitalized_word() {
        if let Some((_, c)) = mention_at(head) {
            return Phrase::Named(c);
        }
    }
    // Otherwise a description, whose head may be capitalised as a title is ("the Belarus President").
    let head_word = found.folded(text, head);
    // A possessor's document: "her statement", "the company's release", "Quist's office".
    if lexicon::is_document_noun(&head_word) {
        if let Some(k) = toks.iter().rposition(|t| t.kind == TokenKind::Possessive) {
            return Phrase::Issued(Box::new(read_phrase(text, &toks[..k], found)));
        }
        if words.len() >= 2 {
            if let Some((p, true)) = words[words.len() - 2].pronoun() {
                return Phrase::Issued(Box::new(Phrase::Pronoun(p)));
            }
        }
        return Phrase::Document(head_word.into_owned());
    }
    // The names and demonyms before the head say whose it is: "the Belarusian leader", "Norrland's chief executive".
    let affiliation = words[..words.len() - 1].iter().find_map(|t| {
        let w = found.folded(text, t);
        lexicon::demonym_country(&w)
            .map(lexicon::fold)
            .or_else(|| t.is_capitalized_word().then(|| mention_at(t).map(|(_, c)| lexicon::fold(&found.clusters[c].name))).flatten())
    });
    let owned = toks.iter().any(|t| t.kind == TokenKind::Possessive);
    if let Some(age) = age_word(&head_word) {
        return Phrase::Role { noun: None, affiliation, age: Some(age), owned };
    }
    if let Some(nation) = nation_of(&head_word).map(str::to_string).or_else(|| {
        // "the Brazilian": a demonym standing as a noun.
        (head.is_capitalized_word() && words.len() >= 2).then(|| lexicon::demonym_country(&head_word).map(lexicon::fold)).flatten()
    }) {
        return Phrase::Nation(nation);
    }
    if is_role_head(lexicon::listed(&head_word)) {
        let before = words.len().checked_sub(2).map(|k| found.folded(text, words[k]));
        let noun = lexicon::office(before.as_deref(), &head_word).to_string();
        let age = words.iter().find_map(|t| age_of(text, t));
        return Phrase::Role { noun: Some(noun), affiliation, age, owned };
    }
    if let Some(kind) = lexicon::body_kind(&head_word) {
        // A possessor place or body speaks through its body: "Kyiv's army said".
        if let Some(k) = toks.iter().rposition(|t| t.kind == TokenKind::Possessive) {
            if let Phrase::Named(c) = read_phrase(text, &toks[..k], found) {
                if found.clusters[c].kind != EntityKind::Person {
                    return Phrase::Named(c);
                }
            }
            return Phrase::Nobody;
        }
        // "the health authority": a modifier may say more of the kind than the head does.
        let kind =
            words[..words.len() - 1].iter().filter_map(|t| lexicon::body_kind(&found.folded(text, t))).find(|&k| kind.describes(k)).unwrap_or(kind);
        return Phrase::Body(kind);
    }
    Phrase::Nobody
}

/// Offices that may be followed by "of" and their domain in lowercase before their holder's name.
const OFFICES_WITH_A_DOMAIN: &[&str] = &[
    "secretary",
    "minister",
    "director",
    "head",
    "chief",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "commissioner",
    "governor",
    "president",
    "ambassador",
    "undersecretary",
];

/// Words that say whose office it was or is ("former senator", "prime minister"): no domain.
const NO_DOMAIN: &[&str] = &["former", "late", "then", "acting", "prime", "outgoing", "incoming", "deputy", "vice", "interim"];

/// Where the holder's name starts when `toks[of]` is the "of" between an office and its domain
/// written in lowercase ("secretary of state Hillary Clinton", "the minister of finance Ama
/// Owusu"): one or two words, no role among them, then a capitalised word. Not a relation ("the
/// wife of former senator Ama Owusu") nor a role of someone's ("a critic of prime minister …").
pub fn holder_after_office_domain(text: &str, toks: &[Token], of: usize) -> Option<usize> {
    let (office, preposition) = (toks.get(of.checked_sub(1)?)?, toks.get(of)?);
    if !preposition.is_folded(text, "of") || !office.is_folded_any(text, OFFICES_WITH_A_DOMAIN) {
        return None;
    }
    let is_domain_word = |t: &Token| {
        let info = t.info();
        t.starts_lowercase()
            && !info.is(WordList::Determiner)
            && !info.is(WordList::RoleNoun)
            && !info.is(WordList::PersonNoun)
            && !t.is_folded_any(text, NO_DOMAIN)
    };
    let domain_words = toks[of + 1..].iter().take(3).take_while(|t| is_domain_word(t)).count();
    let name_at = of + 1 + domain_words;
    toks.get(name_at).filter(|t| (1..=2).contains(&domain_words) && t.is_capitalized_word()).map(|_| name_at)
}

/// The person who holds the office the phrase names before its "of" (`toks[of]`) and its domain,
/// when the phrase ends with their name ([`holder_after_office_domain`]).
fn holder_after_domain(text: &str, toks: &[Token], of: usize, found: &Found) -> Option<usize> {
    let first = &toks[holder_after_office_domain(text, toks, of)?];
    let last = toks.last()?;
    let (mention, c) = found.within(Span::new(first.span.start, last.span.end)).next()?;
    (mention.start == first.span.start && mention.end == last.span.end && found.clusters[c].kind == EntityKind::Person).then_some(c)
}

/// Is `toks[k]` inside a name the article found ("Bank of England")?
fn in_a_name(found: &Found, toks: &[Token], k: usize) -> bool {
    found.before(toks[k].span.start).next().is_some_and(|(s, _)| s.end > toks[k].span.start)
}

/// What the article tells of its people and bodies where it introduces them: roles ("its
/// spokesman Dmitry Peskov", "Marta Quist, the harbour master,"), ages ("Quist, 52,", "the
/// 52-year-old Quist") and kinds of body ("Calder Hydro, the province's utility,").
pub fn learn_introductions(text: &str, layout: &Layout, paragraph_tokens: &[&[Token]], found: &mut Found) {
    // The mentions are read while the clusters they name learn: they are set aside meanwhile
    // (learning reads none of them), so a paragraph's are read in place rather than copied.
    let all_mentions = std::mem::take(&mut found.mentions);
    // Paragraphs and mentions are both in text order: one walk through the mentions finds each paragraph's.
    let mut next = 0;
    for (&paragraph, toks) in layout.paragraphs.iter().zip(paragraph_tokens) {
        while all_mentions.get(next).is_some_and(|(s, _)| s.start < paragraph.start) {
            next += 1;
        }
        let from = next;
        while all_mentions.get(next).is_some_and(|(s, _)| s.end <= paragraph.end) {
            next += 1;
        }
        let mentions = &all_mentions[from..next];
        let mut at = 0;
        for (m, &(span, c)) in mentions.iter().enumerate() {
            // Only a person's mention, or a body's whose kind is not known yet, has something to
            // learn: the words of no other are looked for.
            let cluster = &found.clusters[c];
            let person = match cluster.kind {
                EntityKind::Person => true,
                EntityKind::Organization if cluster.body.is_none() => false,
                _ => continue,
            };
            // The first word not before the mention, found by halving the words after the last one.
            at += toks[at..].partition_point(|t| t.span.start < span.start);
            if toks.get(at).is_none_or(|t| t.span.start != span.start) {
                continue;
            }
            let after = tokens::first_starting_from(toks, at, span.end);
            if person {
                learn_person(text, toks, at, after, MentionsAround { all: mentions, this: m }, found, c);
            } else {
                found.clusters[c].body = body_described(text, toks, at, after, found);
            }
        }
    }
    found.mentions = all_mentions;
}

/// A paragraph's name mentions (in text order) and which of them is being learnt from: the words
/// read around it are read outwards from it, so the mention each word holds is found by stepping
/// from the last one found rather than by halving the list for every word.
#[derive(Clone, Copy)]
struct MentionsAround<'m> {
    all: &'m [(Span, usize)],
    this: usize,
}

impl<'m> MentionsAround<'m> {
    /// A cursor for the words before the mention, read backwards.
    fn before(self) -> MentionCursor<'m> {
        MentionCursor { all: self.all, first_not_before: self.this }
    }

    /// A cursor for the words after the mention, read forwards.
    fn after(self) -> MentionCursor<'m> {
        MentionCursor { all: self.all, first_not_before: self.this + 1 }
    }
}

/// The cluster of the first mention (in text order) that starts inside a word, when it ends there
/// too, for words read in one direction: `first_not_before` is where the last word asked about
/// would go among the mentions, and moves only the way the words are read.
struct MentionCursor<'m> {
    all: &'m [(Span, usize)],
    first_not_before: usize,
}

impl MentionCursor<'_> {
    /// The mention within `span`, a word before the last one asked about.
    fn within_going_back(&mut self, span: Span) -> Option<usize> {
        while self.first_not_before > 0 && self.all[self.first_not_before - 1].0.start >= span.start {
            self.first_not_before -= 1;
        }
        self.all.get(self.first_not_before).filter(|(s, _)| s.end <= span.end).map(|&(_, c)| c)
    }

    /// The mention within `span`, a word after the last one asked about.
    fn within_going_on(&mut self, span: Span) -> Option<usize> {
        while self.all.get(self.first_not_before).is_some_and(|(s, _)| s.start < span.start) {
            self.first_not_before += 1;
        }
        self.all.get(self.first_not_before).filter(|(s, _)| s.end <= span.end).map(|&(_, c)| c)
    }
}

/// Is the token the mark `mark` alone (a comma, a dash), told by its one byte?
#[inline]
fn is_mark(text: &str, t: &Token, mark: u8) -> bool {
    t.span.len() == 1 && text.as_bytes()[t.span.start] == mark
}

/// Where the affiliation of a role read beside a name comes from: a country a demonym points to,
/// or a name of the text (its cluster). Folded only when the role is new to the person.
#[derive(Clone, Copy)]
enum Affiliation {
    Country(&'static str),
    Named(usize),
}

impl Affiliation {
    fn folded(self, found: &Found) -> lexicon::Folded<'_> {
        match self {
            Affiliation::Country(country) => lexicon::folded(country),
            Affiliation::Named(o) => lexicon::folded(&found.clusters[o].name),
        }
    }
}

/// The role and age the words around a person's mention (`toks[at..after]`) give. What the words
/// say is noted where it is (the role's word, the affiliation's source), and its text made only
/// for what the person is found not to have already: most mentions of a person repeat a role.
fn learn_person(text: &str, toks: &[Token], at: usize, after: usize, mentions: MentionsAround, found: &mut Found, c: usize) {
    // The word of the role, its affiliation and the country it points to.
    let mut noun: Option<usize> = None;
    let mut affiliation = None;
    let mut nation: Option<&'static str> = None;
    // "His team director, Bram Verhoeven, said", "the Fernlea winger, Kayode Balogun,": a role in
    // apposition before the name, when the name closes the apposition, is read as one written
    // before it is.
    let apposed = at >= 2
        && is_mark(text, &toks[at - 1], b',')
        && toks[at - 2].starts_lowercase()
        && (toks[at - 2].info().is(WordList::RoleNoun) || toks[at - 2].info().is(WordList::PersonNoun))
        && toks.get(after).is_none_or(|t| matches!(t.text(text), "," | "." | ";" | ")"));
    let before = if apposed { at - 1 } else { at };
    let mut mentions_before = mentions.before();
    for k in (before.saturating_sub(4)..before).rev() {
        let t = &toks[k];
        if !t.is_word() {
            break;
        }
        let info = t.info();
        if let Some(age) = age_of(text, t) {
            found.clusters[c].age.get_or_insert(age);
        } else if noun.is_none() && (info.is(WordList::RoleNoun) || info.is(WordList::PersonNoun)) {
            noun = Some(k);
        } else if let Some(country) = info.demonym() {
            affiliation = Some(Affiliation::Country(country));
            nation = Some(country);
        } else if let Some(o) = mentions_before.within_going_back(t.span) {
            affiliation = Some(Affiliation::Named(o));
        } else if !t.is_capitalized_word()
            && (noun.is_some() || !t.starts_lowercase() || info.is(WordList::Preposition) || info.is(WordList::Determiner) || is_verb_like(info))
        {
            // "an adviser to both Clintons": a role before a preposition or a determiner is
            // someone else's; only a role's own words stand between it and the name. "The
            // senator told The Weekly Standard": nor is a role before a verb.
            break;
        }
    }
    // "…, 52, …" and "…, the Kremlin spokesman, …" after the name.
    if toks.get(after).is_some_and(|t| is_mark(text, t, b',')) {
        let end = (after + 1..toks.len().min(after + 10))
            .find(|&k| toks[k].kind == TokenKind::Punct && toks[k].text(text) != "-")
            .unwrap_or(toks.len().min(after + 10));
        let mut mentions_after = mentions.after();
        for (k, t) in (after + 1..end).zip(&toks[after + 1..end]) {
            let info = t.listed(text);
            if k == after + 1 && end == after + 2 {
                if let Ok(age) = found.folded(text, t).parse::<u32>() {
                    if (1..130).contains(&age) {
                        found.clusters[c].age.get_or_insert(age);
                    }
                    break;
                }
            }
            if let Some(age) = age_of(text, t) {
                found.clusters[c].age.get_or_insert(age);
            } else if info.is(WordList::RoleNoun) || info.is(WordList::PersonNoun) {
                noun = Some(k);
            } else if let Some(country) = info.demonym() {
                affiliation = affiliation.or(Some(Affiliation::Country(country)));
                nation = nation.or(Some(country));
            } else if let Some(o) = mentions_after.within_going_on(t.span) {
                affiliation = affiliation.or(Some(Affiliation::Named(o)));
            }
        }
    }
    if let Some(country) = nation.filter(|_| found.clusters[c].nation.is_none()) {
        found.clusters[c].nation = Some(lexicon::fold(country));
    }
    if let Some(k) = noun {
        // The role's noun, read with the word before it ("prime minister").
        let before = k.checked_sub(1).map(|b| found.folded(text, &toks[b]));
        let word = found.folded(text, &toks[k]);
        let noun = lexicon::office(before.as_deref(), &word);
        let affiliation = affiliation.map(|a| a.folded(found));
        let known = found.clusters[c].roles.iter().any(|r| r.noun == noun && r.affiliation.as_deref() == affiliation.as_deref());
        if !known {
            let role = Role { noun: noun.to_string(), affiliation: affiliation.map(lexicon::Folded::into_owned) };
            found.add_role(c, role);
        }
    }
    // "Kayode Adeyemi said he …": a speech verb, then the pronoun of a person.
    let speaks_of_self = toks.get(after).is_some_and(|t| t.starts_lowercase() && t.info().is(WordList::CueVerb))
        && toks.get(after + 1).is_some_and(|t| matches!(t.pronoun(), Some((Pronoun::He | Pronoun::She, false))));
    // A role or an age says the name is a person's.
    let cl = &mut found.clusters[c];
    cl.evidence |= !cl.roles.is_empty() || cl.age.is_some() || speaks_of_self;
}

/// The kind of body the words around an organisation's mention say it is: "the utility Calder
/// Hydro", "Ironclad, a security firm,".
fn body_described(text: &str, toks: &[Token], at: usize, after: usize, found: &Found) -> Option<BodyKind> {
    // A token's facts say whether its word names a body: only such a word is matched.
    let body_kind = |t: &Token| t.listed(text).names_a_body().then(|| lexicon::body_kind(&found.folded(text, t))).flatten();
    let before = (at.saturating_sub(3)..at).rev().take_while(|&k| toks[k].is_word()).find_map(|k| body_kind(&toks[k]));
    before.or_else(|| {
        if toks.get(after).is_none_or(|t| t.text(text) != ",") {
            return None;
        }
        (after + 1..toks.len().min(after + 8))
            .take_while(|&k| toks[k].kind != TokenKind::Punct || toks[k].kind == TokenKind::Possessive)
            .filter_map(|k| body_kind(&toks[k]))
            .last()
    })
}

/// A paragraph's sentences as attribution found them, and the quotation spans they were found
/// around.
pub type FoundSentences<'q> = (&'q [Span], Vec<Sentence>);

/// A speaker phrase to resolve, and the quotes it attributes.
#[derive(Clone, Debug)]
pub struct SpeakerMention<'a> {
    pub span: Span,
    pub quotes: &'a [Span],
}

/// Everything the walk needs to know of the article and keeps as it goes.
struct Walk<'a> {
    found: &'a Found,
    salience: Salience,
    /// Pronouns the article used for each person, counted: (he, she).
    pronoun_votes: Vec<(u16, u16)>,
    /// The person with the most mentions, when clearly ahead.
    main_person: Option<usize>,
    /// Who issued the last document of each kind the article spoke of ("statement" → the council).
    issuers: Vec<(String, usize, u32)>,
    /// Names in bylines and credits: never candidates.
    credited: Vec<bool>,
    /// The one author the byline names, for a narrator's "I".
    author: Option<usize>,
    /// The people the quotes of the speaker mention being resolved name in their own words.
    named_in_quotes: Vec<usize>,
    /// The last quote's speaker, with the paragraph it spoke in, and the people who have been a
    /// sentence's subject since: "“…,” said Leslie Wimes. … “…,” she said" goes on with her
    /// unless someone else has taken the stage.
    last_speaker: Option<(usize, u32)>,
    subjects_since: Vec<usize>,
    /// The last sentence subject that was a person, with the sentence it was the subject of.
    last_subject: Option<(usize, u32)>,
    /// Made the first time a description asks (most articles have none to resolve).
    candidates: std::cell::OnceCell<Box<(RoleHolders<'a>, ByKind)>>,
}

/// The article's people and bodies, each list in cluster order: the only clusters a description
/// of a person or a body may stand for.
struct ByKind {
    people: Vec<usize>,
    bodies: Vec<usize>,
}

impl ByKind {
    #[inline(never)]
    fn new(clusters: &[crate::entities::Cluster]) -> Self {
        let of = |kind: EntityKind| clusters.iter().enumerate().filter(|(_, cl)| cl.kind == kind).map(|(c, _)| c).collect();
        ByKind { people: of(EntityKind::Person), bodies: of(EntityKind::Organization) }
    }
}

/// The people the article gave each role, by the role's noun, and those it gave a leader's: whom
/// a description by a role may stand for, found without reading every cluster for every
/// description (which made resolution grow with quotes times clusters).
struct RoleHolders<'a> {
    /// Each noun's people, in cluster order, each once.
    by_noun: lexicon::FastMap<&'a str, Vec<usize>>,
    /// The people with a leader's noun among their roles, in cluster order, each once.
    leaders: Vec<usize>,
}

impl<'a> RoleHolders<'a> {
    #[inline(never)]
    fn new(clusters: &'a [crate::entities::Cluster]) -> Self {
        let mut holders = RoleHolders { by_noun: lexicon::FastMap::default(), leaders: Vec::new() };
        for (c, cl) in clusters.iter().enumerate().filter(|(_, cl)| cl.kind == EntityKind::Person) {
            for role in &cl.roles {
                let people = holders.by_noun.entry(role.noun.as_str()).or_default();
                if people.last() != Some(&c) {
                    people.push(c);
                }
                if is_leader_noun(&role.noun) && holders.leaders.last() != Some(&c) {
                    holders.leaders.push(c);
                }
            }
        }
        holders
    }

    /// The people with a role whose noun fits `noun` as [`role_fits`] has it: every leader's noun
    /// fits a leader's ("the president" may be the one the article called its leader), any
    /// other only itself.
    fn fitting(&self, noun: &str) -> &[usize] {
        if is_leader_noun(noun) {
            &self.leaders
        } else {
            self.by_noun.get(noun).map_or(&[], Vec::as_slice)
        }
    }
}

impl<'a> Walk<'a> {
    fn candidates(&self) -> &(RoleHolders<'a>, ByKind) {
        self.candidates.get_or_init(|| Box::new((RoleHolders::new(&self.found.clusters), ByKind::new(&self.found.clusters))))
    }

    fn role_holders(&self) -> &RoleHolders<'a> {
        &self.candidates().0
    }

    fn of_kind(&self) -> &ByKind {
        &self.candidates().1
    }

    /// Is `c` known to be a person: a given name, a title, a role, an age, or the article's
    /// own pronouns say so.
    fn is_person(&self, c: usize) -> bool {
        let cl = &self.found.clusters[c];
        cl.kind == EntityKind::Person && (cl.evidence || self.pronoun_votes[c] != (0, 0))
    }

    fn gender(&self, c: usize) -> Gender {
        let cl = &self.found.clusters[c];
        let (he, she) = self.pronoun_votes[c];
        // A title settles it; the article's own pronouns tell an unknown gender, and overrule a
        // given name's usual one when they never disagree ("Marty Walz … She said").
        match cl.gender {
            g if cl.titled => g,
            Gender::Unknown if he > she => Gender::Male,
            Gender::Unknown if she > he => Gender::Female,
            Gender::Female if he >= 1 && she == 0 => Gender::Male,
            Gender::Male if she >= 1 && he == 0 => Gender::Female,
            g => g,
        }
    }

    fn score(&self, c: usize) -> f32 {
        let s = self.salience.now(c);
        if Some(c) == self.main_person {
            s.max(MAIN_PERSON)
        } else {
            s
        }
    }

    /// `c` spoke (a quote, or speech a verb reports) in paragraph `paragraph`.
    fn spoke(&mut self, c: usize, paragraph: usize) {
        if self.found.clusters[c].kind == EntityKind::Person {
            self.last_speaker = Some((c, paragraph as u32));
            self.subjects_since.clear();
        }
    }

    /// `c` is the subject of the sentence being read.
    fn took_subject(&mut self, c: usize) {
        self.subjects_since.push(c);
        if self.found.clusters[c].kind == EntityKind::Person {
            self.last_subject = Some((c, self.salience.sentence));
        }
    }

    /// The last quote's speaker, when a quote's "he" or "she" goes on with them: they spoke in this
    /// paragraph or one of the two before, agree with the pronoun (or their gender is unknown), and no
    /// other person who agrees has been a sentence's subject since.
    fn continuing_speaker(&self, p: Pronoun) -> Option<usize> {
        let (c, paragraph) = self.last_speaker?;
        let want = p.gender();
        let agrees = |o: usize| self.is_person(o) && matches!(self.gender(o), g if g == want || g == Gender::Unknown);
        let recent = paragraph + 2 >= self.salience.paragraph;
        let someone_else = self.subjects_since.iter().any(|&o| o != c && agrees(o) && self.gender(o) == want);
        // A speaker of unknown gender goes on only when no one in mind agrees by their own name or
        // title ("René Duval … Judge Hana Okafor said … “…,” she said").
        let surer = self.gender(c) == Gender::Unknown
            && self.salience.in_mind().iter().any(|&o| {
                o != c && self.is_person(o) && self.found.clusters[o].gender == want && self.gender(o) == want && self.score(o) >= 0.5 * self.score(c)
            });
        (recent && agrees(c) && !someone_else && !surer && !self.named_in_quotes.contains(&c)).then_some(c)
    }

    /// The person or body a pronoun stands for.
    fn pronoun(&self, p: Pronoun) -> Option<usize> {
        let clusters = &self.found.clusters;
        match p {
            Pronoun::He | Pronoun::She => {
                let want = p.gender();
                // Each referent in mind once (`active` holds each once), then the main person if not among them.
                let main_person = self.main_person.filter(|m| !self.salience.in_mind().contains(m));
                let candidates = self.salience.in_mind().iter().copied().chain(main_person).filter(|&c| self.is_person(c) && !self.credited[c]);
                let mut top = 0.0f32;
                let chosen = best(candidates.filter_map(|c| {
                    let g = self.gender(c);
                    let fit = if g == want {
                        1.0
                    } else if g == Gender::Unknown {
                        UNKNOWN_GENDER
                    } else {
                        return None;
                    };
                    let named = if self.named_in_quotes.contains(&c) { NAMED_IN_THE_QUOTE } else { 1.0 };
                    let score = self.score(c) * fit * named;
                    top = top.max(score);
                    Some((c, score))
                }));
                // Between two of the same gender, the subject of this sentence or the one before
                // goes on unless someone else is far ahead.
                let subject = self.last_subject.filter(|&(c, sentence)| {
                    sentence + 1 >= self.salience.sentence
                        && self.is_person(c)
                        && !self.credited[c]
                        && self.gender(c) == want
                        && !self.named_in_quotes.contains(&c)
                        && self.score(c) >= top * SUBJECT_GOES_ON
                });
                subject.map(|(c, _)| c).or(chosen)
            }
            // A body speaks as "it" and "they"; a person never does.
            Pronoun::It | Pronoun::They => best(
                self.salience
                    .in_mind()
                    .iter()
                    .copied()
                    .filter(|&c| clusters[c].kind == EntityKind::Organization && !self.credited[c])
                    .map(|c| (c, self.score(c))),
            ),
            Pronoun::I => self.author,
            Pronoun::We => None,
        }
    }

    /// The person or body a description stands for: the most salient one it fits, or, when no
    /// one it fits was named yet, the one person the whole article introduces so ("the mayor
    /// said", and only later "Mayor Petra Lind").
    /// `possible` holds every cluster `fits` may accept, in cluster order, each once.
    fn described(&self, possible: &[usize], fits: impl Fn(usize) -> bool) -> Option<usize> {
        let salient = best(self.salience.in_mind().iter().copied().filter(|&c| fits(c) && !self.credited[c]).map(|c| (c, self.score(c))));
        salient.or_else(|| {
            let mut all = possible.iter().copied().filter(|&c| fits(c) && !self.credited[c] && !self.found.clusters[c].mentions.is_empty());
            let one = all.next()?;
            all.next().is_none().then_some(one)
        })
    }

    /// A role the article gave no one ("the candidate", "the Florida senator"): the person the
    /// article is about at this point, when they stand clearly ahead of everyone else, agree with
    /// the noun's gender and are not given another place or body. No one when the article gave
    /// the role to someone else.
    fn unintroduced(&self, noun: &str, affiliation: Option<&str>) -> Option<usize> {
        let clusters = &self.found.clusters;
        if !self.role_holders().fitting(noun).is_empty() {
            return None;
        }
        let mut people = self.salience.in_mind().iter().copied().filter(|&c| self.is_person(c) && !self.credited[c]).map(|c| (c, self.score(c)));
        let (mut top, mut runner_up): (Option<(usize, f32)>, f32) = (None, 0.0);
        for (c, s) in &mut people {
            match top {
                Some((_, t)) if s <= t => runner_up = runner_up.max(s),
                _ => {
                    runner_up = top.map_or(0.0, |(_, t)| t);
                    top = Some((c, s));
                }
            }
        }
        let (c, score) = top?;
        let clear = score > 0.0 && runner_up * CLEARLY_AHEAD <= score;
        let gender_fits = match noun_gender(noun) {
            Gender::Unknown => true,
            g => self.gender(c) == g,
        };
        let placed_elsewhere = affiliation.is_some_and(|a| {
            clusters[c].roles.iter().any(|r| r.affiliation.is_some()) && !clusters[c].roles.iter().any(|r| r.affiliation.as_deref() == Some(a))
        });
        (clear && gender_fits && !placed_elsewhere && !self.named_in_quotes.contains(&c)).then_some(c)
    }

    fn phrase(&self, phrase: &Phrase) -> Option<usize> {
        let clusters = &self.found.clusters;
        match phrase {
            Phrase::Pronoun(p @ (Pronoun::He | Pronoun::She)) => self.continuing_speaker(*p).or_else(|| self.pronoun(*p)),
            Phrase::Pronoun(p) => self.pronoun(*p),
            Phrase::Named(c) => (!self.credited[*c]).then_some(*c),
            Phrase::Issued(owner) => self.phrase(owner),
            Phrase::Document(noun) => {
                // The issuer the article gave for a document of this kind, in the last few paragraphs.
                self.issuers.iter().rev().find(|(n, _, p)| n == noun && p + 3 >= self.salience.paragraph).map(|&(_, c, _)| c)
            }
            Phrase::Role { noun, affiliation, age, owned } => self
                .described(
                    // A noun fits only those given a role that fits it; an age alone, any person.
                    noun.as_deref().map_or(&self.of_kind().people, |n| self.role_holders().fitting(n)),
                    |c| {
                        let cl = &clusters[c];
                        self.is_person(c)
                            && age.is_none_or(|a| cl.age == Some(a))
                            && noun.as_deref().is_none_or(|n| cl.roles.iter().any(|r| role_fits(r, n, affiliation.as_deref())))
                            && (noun.is_some() || age.is_some())
                    },
                )
                .or_else(|| noun.as_deref().filter(|&n| !owned && !speaks_for_another(n)).and_then(|n| self.unintroduced(n, affiliation.as_deref()))),
            // One whom the article does not give another country.
            Phrase::Nation(nation) => self.described(&self.of_kind().people, |c| {
                self.is_person(c)
                    && clusters[c].nation.as_ref().is_none_or(|n| n == nation)
                    && clusters[c].roles.iter().all(|r| {
                        r.affiliation
                            .as_ref()
                            .is_none_or(|a| lexicon::places().get(a).is_none_or(|p| p.kind != lexicon::PlaceKind::Country) || a == nation)
                    })
            }),
            // A body the article said is of that kind ("Ironclad Cyber, a security firm") rather
            // than one whose kind it never said, unless that one is far more in mind ("Marlow &
            // Finch said …, the retailer said" after "Hedge fund Grayrock"); "the group" may be any body.
            Phrase::Body(kind) if *kind != BodyKind::Group => {
                let typed = self.described(&self.of_kind().bodies, |c| {
                    clusters[c].kind == EntityKind::Organization && clusters[c].body.is_some_and(|b| kind.describes(b))
                });
                let untyped = self.described(&self.of_kind().bodies, |c| clusters[c].kind == EntityKind::Organization && clusters[c].body.is_none());
                match (typed, untyped) {
                    (Some(t), Some(u)) if self.score(u) > CLEARLY_AHEAD * self.score(t) => Some(u),
                    (t, u) => t.or(u),
                }
            }
            Phrase::Body(_) => self.described(&self.of_kind().bodies, |c| clusters[c].kind == EntityKind::Organization),
            Phrase::Nobody => None,
        }
    }
}

/// Nouns for someone who speaks for, works for or belongs to another ("the spokesperson", "the
/// lawyer", "the son"), or for anyone at all ("the official", "the witness"): never the person the
/// article is about by default.
fn speaks_for_another(noun: &str) -> bool {
    noun.starts_with("spokes")
        || matches!(
            noun,
            "aide"
                | "adviser"
                | "advisor"
                | "lawyer"
                | "attorney"
                | "representative"
                | "agent"
                | "assistant"
                | "deputy"
                | "staffer"
                | "publicist"
                | "official"
                | "officer"
                | "source"
                | "witness"
                | "resident"
                | "neighbour"
                | "neighbor"
                | "person"
                | "man"
                | "woman"
                | "friend"
                | "relative"
                | "son"
                | "daughter"
                | "wife"
                | "husband"
                | "mother"
                | "father"
                | "brother"
                | "sister"
                | "victim"
                | "suspect"
                | "worker"
                | "employee"
                | "member"
                | "supporter"
                | "voter"
                | "fan"
                | "critic"
                | "analyst"
                | "expert"
                | "parent"
                | "student"
                | "teacher"
                | "doctor"
                | "nurse"
                | "driver"
                | "passenger"
                | "customer"
                | "protester"
                | "volunteer"
                | "colleague"
                | "partner"
        )
}

/// The gender a person noun gives ("congresswoman", "businessman", "actress").
fn noun_gender(noun: &str) -> Gender {
    if noun.ends_with("woman")
        || matches!(
            noun,
            "actress"
                | "hostess"
                | "waitress"
                | "princess"
                | "duchess"
                | "countess"
                | "heiress"
                | "empress"
                | "mother"
                | "daughter"
                | "wife"
                | "sister"
                | "widow"
                | "girl"
                | "lady"
                | "queen"
        )
    {
        Gender::Female
    } else if noun.ends_with("man") || matches!(noun, "father" | "son" | "husband" | "brother" | "widower" | "boy" | "king") {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// The other gender; unknown stays unknown.
fn opposite(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
        Gender::Unknown => Gender::Unknown,
    }
}

fn is_leader_noun(noun: &str) -> bool {
    matches!(noun, "leader" | "president" | "premier" | "chancellor" | "head" | "king" | "queen" | "dictator" | "strongman" | "monarch" | "emir")
}

/// Does a learnt role fit a description's noun and affiliation ("the Belarusian leader")?
fn role_fits(r: &Role, noun: &str, affiliation: Option<&str>) -> bool {
    let noun_fits = r.noun == noun || (is_leader_noun(noun) && is_leader_noun(&r.noun)) || (noun == "leader" && is_leader_noun(&r.noun));
    let affiliation_fits = match (affiliation, r.affiliation.as_deref()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    noun_fits && affiliation_fits
}

/// Whether the walk passes over the words that change nothing in a loop of its own: always, but
/// in a test that compares it with the walk that reads every word.
#[cfg(not(test))]
#[inline(always)]
fn passes_quiet_words() -> bool {
    true
}

#[cfg(test)]
thread_local! {
    static READS_EVERY_WORD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
fn passes_quiet_words() -> bool {
    !READS_EVERY_WORD.with(std::cell::Cell::get)
}

/// Spans in text order, read alongside the words: where the next one starts is kept, so a word
/// asks with one comparison whether one starts at it or was passed (most words start none).
struct Upcoming<'s, T> {
    items: &'s [T],
    start_of: fn(&T) -> usize,
    next: usize,
    /// Where `items[next]` starts; `usize::MAX` past the last.
    next_start: usize,
}

impl<'s, T> Upcoming<'s, T> {
    fn new(items: &'s [T], start_of: fn(&T) -> usize) -> Self {
        let mut upcoming = Upcoming { items, start_of, next: 0, next_start: 0 };
        upcoming.settle();
        upcoming
    }

    fn settle(&mut self) {
        self.next_start = self.items.get(self.next).map_or(usize::MAX, self.start_of);
    }

    /// Passes over the items that start before `at`.
    #[inline]
    fn skip_before(&mut self, at: usize) {
        while self.next_start < at {
            self.next += 1;
            self.settle();
        }
    }

    /// The next item, with its index, when it starts at `at`; it is then passed.
    #[inline]
    fn take_at(&mut self, at: usize) -> Option<(usize, &'s T)> {
        if self.next_start != at {
            return None;
        }
        let index = self.next;
        self.next += 1;
        self.settle();
        Some((index, &self.items[index]))
    }
}

/// The main person: the one named most often, clearly ahead of the next. `people` are each
/// person's (mentions, cluster); of two named as often, the later cluster comes first. The two
/// named most often are kept in one pass rather than everyone sorted.
fn main_person(people: impl Iterator<Item = (usize, usize)>) -> Option<usize> {
    let mut first: Option<(usize, usize)> = None;
    let mut second: Option<(usize, usize)> = None;
    for person in people {
        if first.is_none_or(|f| person > f) {
            second = first;
            first = Some(person);
        } else if second.is_none_or(|s| person > s) {
            second = Some(person);
        }
    }
    match first {
        Some((n, c)) if n >= 3 && second.is_none_or(|(m, _)| 2 * n >= 3 * m) => Some(c),
        _ => None,
    }
}

/// Resolves every speaker mention (in text order, each once) to a cluster of `found`, or to
/// none. `quotes` are the article's quotation spans in text order; `credits` the spans of its
/// bylines and credits. `sentences_found` holds, for some paragraphs, the sentences found
/// already with the quotes they were found around: a paragraph's are taken from there when those
/// quotes are the ones the paragraph holds, and found otherwise.
#[allow(clippy::too_many_arguments)]
pub fn speakers(
    text: &str,
    layout: &Layout,
    paragraph_tokens: &[&[Token]],
    quotes: &[Span],
    mentions: &[SpeakerMention],
    credits: &[Span],
    sentences_found: &mut [Option<FoundSentences>],
    found: &mut Found,
) -> Vec<Option<usize>> {
    let clusters = found.clusters.len();
    // A name only a byline or a credit gives is never a candidate; the one person the credits
    // name is the narrator of a first-person piece ("By Anaïs Delacroix", "Editor's note: … excerpts
    // from Dinesh D'Souza's new book").
    let in_credits = |span: Span| credits.iter().any(|cr| cr.contains(span));
    let credited: Vec<bool> = found.clusters.iter().map(|cl| !cl.mentions.is_empty() && cl.mentions.iter().all(|&m| in_credits(m))).collect();
    // The first person the credits name, unless another follows at once ("By Jane Roe and Tom
    // Poe": then no one narrates).
    let mut credited_people =
        found.mentions.iter().filter(|&&(m, c)| found.clusters[c].kind == EntityKind::Person && in_credits(m)).map(|&(m, c)| (m, c));
    let author = credited_people.next().filter(|&(first, c)| {
        credited_people
            .clone()
            .find(|&(_, o)| o != c)
            .is_none_or(|(next, _)| next.start > first.end + 6 || !credits.iter().any(|cr| cr.contains(first) && cr.contains(next)))
    });
    let author = author.map(|(_, c)| c);
    let main_person =
        main_person(found.clusters.iter().enumerate().filter(|(_, cl)| cl.kind == EntityKind::Person).map(|(c, cl)| (cl.mentions.len(), c)));
    let mut walk = Walk {
        found,
        salience: Salience::new(clusters),
        pronoun_votes: vec![(0, 0); clusters],
        main_person: main_person.filter(|&c| !credited[c]),
        issuers: Vec::new(),
        credited,
        author,
        named_in_quotes: Vec::new(),
        last_speaker: None,
        subjects_since: Vec::new(),
        last_subject: None,
        candidates: std::cell::OnceCell::new(),
    };
    let mut resolved: Vec<Option<usize>> = vec![None; mentions.len()];
    let mut aliases: Vec<(usize, Span)> = Vec::new();
    let mut names = Upcoming::new(&walk.found.mentions, |&(s, _)| s.start);
    let mut speakers = Upcoming::new(mentions, |m| m.span.start);
    let mut next_quote = 0;

    // Names in the headline make their people salient from the start.
    for head in layout.title.iter().chain(layout.kicker.iter()) {
        for (_, c) in walk.found.within(*head) {
            walk.salience.raise(c, MENTIONED + AS_SUBJECT);
        }
    }
    names.skip_before(layout.paragraphs.first().map_or(usize::MAX, |p| p.start));

    // The people a sentence names before a pronoun, outside quotes (one buffer for all sentences).
    let mut persons_before: Vec<usize> = Vec::new();
    // The same, for the whole sentence before.
    let mut persons_last_sentence: Vec<usize> = Vec::new();
    // The people the sentence's own "he" and "she" stood for so far, in order.
    let mut sentence_pronouns: Vec<(Pronoun, usize)> = Vec::new();
    let mut faded = false;
    // The sentences of a paragraph whose sentences attribution did not find (one buffer for all).
    let mut sentences_here: Vec<Sentence> = Vec::new();
    for (p_index, (&paragraph, toks)) in layout.paragraphs.iter().zip(paragraph_tokens).enumerate() {
        let first_quote = next_quote;
        while quotes.get(next_quote).is_some_and(|q| q.start < paragraph.end) {
            next_quote += 1;
        }
        let paragraph_quotes = &quotes[first_quote..next_quote];
        // What is said further back than a few paragraphs before the next speaker mention has
        // faded from the reader's mind (a sentence halves salience): such paragraphs, and those
        // after the last mention, are not read; the next one read starts with a clear mind.
        let until = layout.paragraphs.get(p_index + NEEDED_AHEAD).map_or(usize::MAX, |p| p.end);
        let needed = speakers.next_start < until;
        if !needed {
            faded = true;
            continue;
        }
        if std::mem::take(&mut faded) {
            walk.salience.forget();
        }
        let found_by_attribution;
        let sentences = match sentences_found.get_mut(p_index).and_then(Option::take) {
            Some((around, sentences)) if around == paragraph_quotes => {
                found_by_attribution = sentences;
                &found_by_attribution
            }
            _ => {
                tokens::sentences_into(text, paragraph, toks, paragraph_quotes, &mut sentences_here);
                &sentences_here
            }
        };
        for sentence in sentences {
            walk.salience.next_sentence(p_index as u32);
            let sentence_toks = sentence.tokens(toks);
            // The paragraph's quote being read or next, and where it starts and ends (both
            // `usize::MAX` past the last), so each word compares with numbers at hand.
            let quote_bounds = |at: usize| paragraph_quotes.get(at).map_or((usize::MAX, usize::MAX), |q| (q.start, q.end));
            let mut quote_at = 0;
            let (mut quote_start, mut quote_end) = quote_bounds(0);
            let mut seen_referent = false;
            let mut seen_verb = false;
            let mut subordinate = sentence_toks.first().is_some_and(|t| t.is_word() && is_subordinator(&walk.found.folded(text, t)))
                || opens_with_participle(text, sentence_toks);
            std::mem::swap(&mut persons_before, &mut persons_last_sentence);
            persons_before.clear();
            sentence_pronouns.clear();
            let mut subject: Option<usize> = None;
            // The speaker mention being read, and whom it names.
            let mut speaker_here: Option<(Span, Option<usize>)> = None;
            // A speech verb of the sentence was credited to its speaker; one with no subject before
            // it reports the name right after it.
            let mut reported = false;
            let mut speaker_follows = false;
            let mut i = 0;
            while i < sentence_toks.len() {
                let t = &sentence_toks[i];
                while quote_end <= t.span.start {
                    quote_at += 1;
                    (quote_start, quote_end) = quote_bounds(quote_at);
                }
                let in_quote = quote_start <= t.span.start;
                // Read only where a name or a pronoun asks.
                let after_preposition = || {
                    let prev = i.checked_sub(1).map(|k| &sentence_toks[k]);
                    prev.is_some_and(|p| p.starts_lowercase() && p.info().is(WordList::Preposition))
                };

                // A speaker mention that starts here is resolved first, with what came before it.
                speakers.skip_before(t.span.start);
                if speaker_here.is_some_and(|(m, _): (Span, Option<usize>)| m.end <= t.span.start) {
                    speaker_here = None;
                }
                let mut starts_speaker = false;
                if let Some((speaker_index, speaker)) = speakers.take_at(t.span.start) {
                    let m = speaker.span;
                    let phrase_toks = tokens::within(toks, m);
                    let phrase = read_phrase(text, phrase_toks, walk.found);
                    walk.named_in_quotes.clear();
                    for q in speaker.quotes {
                        walk.named_in_quotes.extend(walk.found.within(*q).map(|(_, c)| c));
                    }
                    walk.salience.settle();
                    // "Asked about her own vote, she replied": a sentence's "she" goes on with its
                    // earlier "her".
                    let earlier = match phrase {
                        Phrase::Pronoun(p @ (Pronoun::He | Pronoun::She)) => sentence_pronouns.iter().rev().find(|&&(q, _)| q == p).map(|&(_, c)| c),
                        _ => None,
                    };
                    let c = earlier.filter(|c| !walk.named_in_quotes.contains(c)).or_else(|| walk.phrase(&phrase));
                    resolved[speaker_index] = c;
                    if let (Some(c), Phrase::Role { .. } | Phrase::Body(_)) = (c, &phrase) {
                        aliases.push((c, m));
                    }
                    // A speaker a sentence names after its subject ("…, while Putin announced …") is no
                    // speaker a later "he said" goes on with.
                    if let Some(c) = c.filter(|_| !seen_referent) {
                        walk.spoke(c, p_index);
                    }
                    speaker_here = Some((m, c));
                    starts_speaker = true;
                }

                // What the word starts is read; the walk then stands at the word after it (or after the
                // name or description it opens), and the words that change nothing are passed over.
                'read: {
                    // A name: its referent is raised as its place in the sentence says.
                    names.skip_before(t.span.start);
                    if let Some((_, &(span, c))) = names.take_at(t.span.start) {
                        let end = tokens::first_starting_from(sentence_toks, i, span.end);
                        if !walk.credited[c] {
                            // "Quist's deputy", "Obama consultant Cornell Belcher", "the Trump campaign": a name
                            // before a role or a body modifies it and is no subject.
                            // "The United Food Workers union said": a body's name before the word for its
                            // kind is the body itself.
                            let is_body = walk.found.clusters[c].kind == EntityKind::Organization;
                            let possessor = sentence_toks.get(end).is_some_and(|t| t.kind == TokenKind::Possessive)
                                || sentence_toks[end..].iter().take(2).take_while(|t| t.starts_lowercase()).any(|t| {
                                    let w = walk.found.folded(text, t);
                                    is_modified_noun(&w, t.info()) && !(is_body && t.info().names_a_body())
                                });
                            let after_preposition = after_preposition();
                            let is_subject = !in_quote && !seen_referent && !seen_verb && !after_preposition && !possessor && !subordinate;
                            // "…, which concerns Henry Crespo, president of the caucus. “…,” he said": a
                            // person the article names for the first time takes the stage as a subject does.
                            let introduced =
                                !in_quote && !possessor && walk.found.clusters[c].mentions.first().is_some_and(|&m| m.start == span.start);
                            let mut weight = MENTIONED
                                + if is_subject || introduced { AS_SUBJECT } else { 0.0 }
                                + if after_preposition || possessor { OBLIQUE } else { 0.0 };
                            if in_quote {
                                weight *= INSIDE_QUOTE;
                            }
                            if let Some((_, Some(s))) = speaker_here.filter(|(m, _)| m.contains(span)) {
                                if s == c {
                                    weight += AS_SPEAKER;
                                }
                            }
                            if std::mem::take(&mut speaker_follows) && !in_quote {
                                weight += AS_SPEAKER;
                                walk.spoke(c, p_index);
                            }
                            walk.salience.raise(c, weight);
                            if !in_quote {
                                // Only a subject or an object is what a later pronoun of the sentence may stand for.
                                if walk.found.clusters[c].kind == EntityKind::Person
                                    && !possessor
                                    && !after_preposition
                                    && !persons_before.contains(&c)
                                {
                                    persons_before.push(c);
                                }
                                if is_subject {
                                    subject = Some(c);
                                    walk.took_subject(c);
                                } else if introduced && walk.found.clusters[c].kind == EntityKind::Person {
                                    walk.subjects_since.push(c);
                                }
                                seen_referent |= !possessor;
                            }
                        }
                        i = end.max(i + 1);
                        break 'read;
                    }

                    // "The council said in a statement …": a description as a sentence's subject stands for
                    // whom it describes, who is then in mind (and the statement's issuer).
                    if !in_quote && !seen_referent && !seen_verb && speaker_here.is_none() && t.span.len() == 3 && t.is_folded(text, "the") {
                        let head = sentence_toks[i + 1..].iter().take(4).take_while(|n| n.starts_lowercase() && !is_verb_like(n.info())).count();
                        let described = (head > 0).then(|| &sentence_toks[i..=i + head]).filter(|d| {
                            let last = walk.found.folded(text, &d[d.len() - 1]);
                            is_description_head_listed(&last, d[d.len() - 1].info())
                                && !sentence_toks.get(i + head + 1).is_some_and(|n| {
                                    n.is_word() && !n.is_capitalized_word() && is_description_head_listed(&walk.found.folded(text, n), n.info())
                                })
                        });
                        if let Some(d) = described {
                            walk.salience.settle();
                            if let Some(c) = walk.phrase(&read_phrase(text, d, walk.found)) {
                                walk.salience.raise(c, MENTIONED + if subordinate { 0.0 } else { AS_SUBJECT });
                                if !subordinate {
                                    subject = Some(c);
                                    walk.took_subject(c);
                                }
                            }
                            seen_referent = true;
                            i += head + 1;
                            break 'read;
                        }
                    }

                    let pronoun = if in_quote { None } else { t.pronoun() };
                    if let Some((p, possessive)) = pronoun {
                        {
                            walk.salience.settle();
                            let w = t.text(text);
                            speaker_follows = false;
                            // The article's own pronouns tell a person's gender: "Graham called out his rival",
                            // when the sentence names one person before the pronoun and no one else it could
                            // stand for is in mind ("Mukasey said she …" may speak of Clinton).
                            let want = p.gender();
                            let alone = |c: usize| {
                                let floor = walk.score(c) * 0.3;
                                !walk
                                    .salience
                                    .in_mind()
                                    .iter()
                                    .any(|&o| o != c && walk.is_person(o) && walk.score(o) >= floor && walk.gender(o) != opposite(want))
                            };
                            // Only a subject pronoun: "X, her deputy" says nothing of X.
                            let subject_pronoun = !possessive && matches!(w, "he" | "He" | "she" | "She" | "HE" | "SHE");
                            // "Walz approaches it diplomatically. She said …": a sentence that opens with the
                            // pronoun goes on with the one person of the sentence before, its subject.
                            let the_one_before = match (persons_before.as_slice(), persons_last_sentence.as_slice()) {
                                ([], [c]) if i == 0 && walk.last_subject.is_some_and(|(s, n)| s == *c && n + 1 == walk.salience.sentence) => {
                                    std::slice::from_ref(c)
                                }
                                _ => persons_before.as_slice(),
                            };
                            if let ([c], Gender::Male | Gender::Female, true) = (the_one_before, want, subject_pronoun) {
                                if alone(*c) {
                                    let votes = &mut walk.pronoun_votes[*c];
                                    if p == Pronoun::He {
                                        votes.0 = votes.0.saturating_add(1);
                                    } else {
                                        votes.1 = votes.1.saturating_add(1);
                                    }
                                }
                            }
                            let referent = match speaker_here {
                                Some((m, c)) if m == t.span => c,
                                _ => walk.pronoun(p).filter(|_| matches!(p, Pronoun::He | Pronoun::She | Pronoun::It | Pronoun::They)),
                            };
                            if let Some(c) = referent {
                                if matches!(p, Pronoun::He | Pronoun::She) {
                                    sentence_pronouns.push((p, c));
                                }
                                let oblique = possessive || after_preposition();
                                let is_subject = !seen_referent && !seen_verb && !oblique && !subordinate;
                                let weight = MENTIONED + if is_subject { AS_SUBJECT } else { 0.0 } + if oblique { OBLIQUE } else { 0.0 };
                                let spoke = speaker_here.is_some_and(|(m, s)| m == t.span && s == Some(c));
                                walk.salience.raise(c, weight + if spoke { AS_SPEAKER } else { 0.0 });
                                if is_subject {
                                    subject = Some(c);
                                    walk.took_subject(c);
                                }
                            }
                            seen_referent |= !possessive;
                        }
                    } else if !in_quote && t.starts_lowercase() {
                        let issuer = subject.or(speaker_here.and_then(|(_, c)| c));
                        let info = t.info();
                        // The word is read only when it may be a document's noun: its fold is one (as written, it may not be).
                        let document = (issuer.is_some() && info.is(WordList::DocumentNoun)).then(|| t.text(text)).filter(lexicon::is_document_noun);
                        if let Some(w) = document {
                            // "X said in a statement": the sentence's subject issued it.
                            if let Some(c) = issuer {
                                walk.issuers.push((w.to_string(), c, p_index as u32));
                            }
                        } else if is_verb_like(info) {
                            // "Brian Murphy … said Trump continued": whoever a speech verb reports is the
                            // one a following "he said" most likely goes on with; "…, said Robert
                            // Shapiro" reports the name after the verb.
                            if info.is(WordList::CueVerb) && !reported {
                                match subject {
                                    Some(c) => {
                                        walk.salience.raise(c, AS_SPEAKER);
                                        walk.spoke(c, p_index);
                                        // "Huma Abedin … emailed supporters": the email is hers.
                                        if let Some(document) = document_sent_by(t.text(text)) {
                                            walk.issuers.push((document.to_string(), c, p_index as u32));
                                        }
                                    }
                                    None => speaker_follows = true,
                                }
                                reported = true;
                            }
                            seen_verb = true;
                        }
                    } else if !in_quote && subordinate && t.text(text) == "," {
                        // "When Quist arrived, Brenner left": the main clause starts after the comma.
                        subordinate = false;
                        seen_referent = false;
                        seen_verb = false;
                    }
                    if let (true, Some((m, Some(c)))) = (starts_speaker, speaker_here) {
                        // A description speaker is raised where its phrase is.
                        if !walk.found.within(m).any(|(_, mc)| mc == c) && t.pronoun().is_none() {
                            walk.salience.raise(c, MENTIONED + AS_SPEAKER);
                        }
                    }
                    i += 1;
                }
                // Inside a quote the walk reads only names and speaker mentions: the words up to
                // the next one, or to the quote's end, are passed over.
                if in_quote && passes_quiet_words() {
                    let until = quote_end.min(names.next_start).min(speakers.next_start);
                    while sentence_toks.get(i).is_some_and(|n| n.span.start < until) {
                        i += 1;
                    }
                } else if passes_quiet_words() {
                    // Outside a quote, the words up to the next name, speaker mention or quote
                    // that change nothing the walk keeps are passed over in a loop of their own:
                    // all but a pronoun, a "the" that may open a description, a lowercase word
                    // that is a verb that tells something or may be a document, and a comma that
                    // may end a subordinate clause (each asked more loosely than the walk asks
                    // it, never less).
                    let until = quote_start.min(names.next_start).min(speakers.next_start);
                    let may_describe = !seen_referent && !seen_verb;
                    let may_issue = subject.is_some() || speaker_here.is_some();
                    // A verb changes nothing once one was seen, but for a speech verb none reported.
                    let verb_reads = |info: WordInfo| is_verb_like(info) && (!seen_verb || !reported && info.is(WordList::CueVerb));
                    while let Some(n) = sentence_toks.get(i) {
                        let read = n.span.start >= until
                            || n.pronoun().is_some()
                            || if n.starts_lowercase() {
                                verb_reads(n.info()) || may_issue && n.info().is(WordList::DocumentNoun) && lexicon::is_document_noun(n.text(text))
                            } else {
                                subordinate && n.kind == TokenKind::Punct && text.as_bytes()[n.span.start] == b','
                            }
                            || may_describe && n.span.len() == 3 && n.is_folded(text, "the");
                        if read {
                            break;
                        }
                        i += 1;
                    }
                }
            }
        }
    }
    let votes = std::mem::take(&mut walk.pronoun_votes);
    for (c, span) in aliases {
        found.add_alias(c, span.text(text));
    }
    for (cl, votes) in found.clusters.iter_mut().zip(votes) {
        cl.evidence |= votes != (0, 0);
    }
    // The credits' person who narrates is a person: the credits say so.
    if let Some(a) = author.filter(|a| resolved.contains(&Some(*a))) {
        found.clusters[a].evidence = true;
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speaker's name of every quote in `body`.
    fn speakers(body: &str) -> Vec<Option<String>> {
        let a = crate::extract_text("t", format!("Harbour news\n\n{body}"));
        a.quotes.iter().map(|q| q.speaker.as_ref().and_then(|k| a.entities.iter().find(|e| &e.key == k)).map(|e| e.name.clone())).collect()
    }

    /// Sentences of names, pronouns, descriptions, speech verbs, documents, clauses and quotes.
    const ARTICLE_PARTS: &[&str] = &[
        "Marta Quist",
        "Jon Brenner",
        "the Calder Hydro company",
        "she",
        "He",
        "they",
        "it",
        "his",
        "the mayor",
        "The spokesman",
        "the 52-year-old",
        "said",
        "told reporters",
        "added",
        "in a statement",
        "in an email",
        "her statement said",
        "was",
        "has",
        "When",
        "Asked about it,",
        "after",
        "with",
        "and",
        "the",
        "plan",
        ",",
        ".",
        "“We will build it,”",
        "“No.”",
        "\n\n",
    ];

    /// Mentions of clusters 0, 1, 2… laid out one after another, each `(gap, length)` bytes.
    fn mentions_of_lengths(lengths: Vec<(usize, usize)>) -> Vec<(Span, usize)> {
        let mut at = 0;
        lengths
            .into_iter()
            .enumerate()
            .map(|(c, (gap, len))| {
                at += gap;
                at += len;
                (Span::new(at - len, at), c)
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn passing_over_quiet_words_resolves_as_reading_every_word(picks in proptest::collection::vec(0..ARTICLE_PARTS.len(), 1..60)) {
            let body = picks.iter().map(|&k| ARTICLE_PARTS[k]).collect::<Vec<_>>().join(" ");
            let passing = speakers(&body);
            READS_EVERY_WORD.with(|r| r.set(true));
            let reading = speakers(&body);
            READS_EVERY_WORD.with(|r| r.set(false));
            proptest::prop_assert_eq!(passing, reading, "{:?}", body);
        }
    }

    fn cluster_with_roles(kind: EntityKind, nouns: &[&str]) -> crate::entities::Cluster {
        crate::entities::Cluster {
            name: String::new(),
            kind,
            mentions: Vec::new(),
            aliases: Default::default(),
            gender: Gender::Unknown,
            titled: false,
            roles: nouns.iter().map(|n| Role { noun: n.to_string(), affiliation: None }).collect(),
            age: None,
            nation: None,
            body: None,
            evidence: false,
            speaks: false,
        }
    }

    proptest::proptest! {
        /// The role holders a description asks are exactly the people a scan of every cluster's
        /// roles with `role_fits` finds, in cluster order.
        #[test]
        fn role_holders_are_the_people_whose_roles_fit(
            clusters in proptest::collection::vec((0..3usize, proptest::collection::vec(0..6usize, 0..4)), 0..8),
            asked in 0..6usize,
        ) {
            const NOUNS: [&str; 6] = ["leader", "president", "spokesman", "senator", "king", "coach"];
            let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Place];
            let clusters: Vec<_> = clusters
                .iter()
                .map(|(kind, nouns)| cluster_with_roles(kinds[*kind], &nouns.iter().map(|&n| NOUNS[n]).collect::<Vec<_>>()))
                .collect();
            let noun = NOUNS[asked];
            let scanned: Vec<usize> = (0..clusters.len())
                .filter(|&c| clusters[c].kind == EntityKind::Person && clusters[c].roles.iter().any(|r| role_fits(r, noun, None)))
                .collect();
            let holders = RoleHolders::new(&clusters);
            proptest::prop_assert_eq!(holders.fitting(noun), scanned.as_slice());
        }

        /// Read word by word, the cursor gives each item at the word it starts at, as reading the
        /// list from where the last word left it does.
        #[test]
        fn the_cursor_gives_what_rereading_the_list_gives(
            starts in proptest::collection::vec(0..30usize, 0..8),
            words in proptest::collection::vec(0..32usize, 0..12),
        ) {
            let mut items = starts;
            items.sort_unstable();
            let mut words = words;
            words.sort_unstable();
            let mut upcoming = Upcoming::new(&items, |&s| s);
            let mut next = 0;
            for &at in &words {
                while items.get(next).is_some_and(|&s| s < at) {
                    next += 1;
                }
                let reread = items.get(next).filter(|&&s| s == at).map(|s| (next, s));
                if reread.is_some() {
                    next += 1;
                }
                upcoming.skip_before(at);
                proptest::prop_assert_eq!(upcoming.take_at(at), reread);
                proptest::prop_assert_eq!(upcoming.next_start, items.get(next).copied().unwrap_or(usize::MAX));
            }
        }

        /// The mention a word of a paragraph holds, found by halving, is the one a scan finds.
        #[test]
        fn an_age_is_read_without_folding_as_by_folding(s in "([0-9]{1,3}-[Yy][Ee][Aa][Rr]-[Oo][Ll][Dd][Ss]?|[A-Za-z0-9é]{1,12}|[ ,.'-]|52‑year‑old|ÉTÉ-year-old)*") {
            for t in tokens::tokenize(&s, Span::new(0, s.len())) {
                proptest::prop_assert_eq!(age_of(&s, &t), age_word(&lexicon::folded(t.text(&s))), "{:?}", t.text(&s));
            }
        }

        /// What a token's lists say of its word is what the lists say of its fold.
        #[test]
        fn a_description_head_is_told_by_a_token_as_by_its_fold(
            s in "((Senator|senator|spokeswoman|52-year-old|Company|union|statement|campaign|aides|Führer|été)|[A-Za-zé-]{1,12}|[ ,.’])*",
        ) {
            for t in tokens::tokenize(&s, Span::new(0, s.len())) {
                let w = lexicon::fold(t.text(&s));
                proptest::prop_assert_eq!(is_description_head_listed(&w, t.listed(&s)), is_description_head(&w), "{:?}", w);
                let plainly = is_description_head(&w) || lexicon::is_document_noun(&w) || is_modified_noun(&w, lexicon::listed(&w));
                proptest::prop_assert_eq!(is_modified_noun(&w, t.listed(&s)), plainly, "{:?}", w);
            }
        }

        /// A word written as a document's noun is one whose token notes its fold is one.
        #[test]
        fn a_document_noun_is_found_among_the_words_whose_fold_is_one(
            s in "((statement|Statement|e-mail|E-MAIL|announcement|memo|pRess|office)|[A-Za-zé-]{1,14}|[ ,.])*",
        ) {
            for t in tokens::tokenize(&s, Span::new(0, s.len())) {
                let w = t.text(&s);
                let plainly = (4..=12).contains(&w.len()) && lexicon::is_document_noun(w);
                proptest::prop_assert_eq!(t.info().is(WordList::DocumentNoun) && lexicon::is_document_noun(w), plainly, "{:?}", w);
            }
        }

        #[test]
        fn a_mention_within_a_word_is_found_by_halving_as_by_a_scan(
            lengths in proptest::collection::vec((0..4usize, 1..4usize), 0..10),
            word in (0..40usize, 1..5usize),
        ) {
            let mentions = mentions_of_lengths(lengths);
            let span = Span::new(word.0, word.0 + word.1);
            let scanned = mentions.iter().find(|(s, _)| s.start >= span.start).filter(|(s, _)| s.end <= span.end).map(|&(_, c)| c);
            proptest::prop_assert_eq!(mention_within(&mentions, span), scanned);
        }

        #[test]
        fn the_main_person_is_found_in_one_pass_as_by_sorting(mentions in proptest::collection::vec(0..8usize, 0..12)) {
            let people = || mentions.iter().enumerate().map(|(c, &n)| (n, c));
            let mut counts: Vec<(usize, usize)> = people().collect();
            counts.sort_unstable_by(|a, b| b.cmp(a));
            let sorted = match counts.as_slice() {
                [(n, c), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(m, _)| 2 * n >= 3 * m) => Some(*c),
                _ => None,
            };
            proptest::prop_assert_eq!(main_person(people()), sorted, "{:?}", mentions);
        }

        #[test]
        fn a_subordinator_is_told_by_its_fold_as_by_comparing_the_word_with_each(
            s in "((When|AFTER|as|While|althOugh|Though|because|If|since|Before|once|Until|unless|Whereas|Whén|wheN’s)|[A-Za-zé]{1,9}|[ ,.’])*",
        ) {
            const SUBORDINATORS: &[&str] =
                &["when", "after", "as", "while", "although", "though", "because", "if", "since", "before", "once", "until", "unless", "whereas"];
            for t in tokens::tokenize(&s, Span::new(0, s.len())) {
                let by_fold = t.is_word() && is_subordinator(&lexicon::folded(t.text(&s)));
                proptest::prop_assert_eq!(by_fold, t.is_folded_any(&s, SUBORDINATORS), "{:?}", t.text(&s));
            }
        }

        #[test]
        fn the_mentions_around_a_name_are_found_stepping_outwards_as_by_halving(
            lengths in proptest::collection::vec((0..4usize, 1..4usize), 1..10),
            this in 0..10usize,
            words in proptest::collection::vec((1..4usize, 1..4usize), 0..12),
        ) {
            let mentions = mentions_of_lengths(lengths);
            let this = this % mentions.len();
            let around = MentionsAround { all: &mentions, this };
            // Words before the mention, read backwards, each starting before the last.
            let mut before = around.before();
            let mut start = mentions[this].0.start;
            for &(gap, len) in &words {
                let Some(s) = start.checked_sub(gap) else { break };
                start = s;
                let span = Span::new(start, start + len);
                proptest::prop_assert_eq!(before.within_going_back(span), mention_within(&mentions, span), "{:?}", span);
            }
            // Words after it, read forwards, each starting after the last.
            let mut after = around.after();
            let mut start = mentions[this].0.end;
            for &(gap, len) in &words {
                let span = Span::new(start, start + len);
                proptest::prop_assert_eq!(after.within_going_on(span), mention_within(&mentions, span), "{:?}", span);
                start += gap;
            }
        }
    }

    /// The cluster of the first of `mentions` (in text order) that starts inside `span`, when it
    /// ends there too, found by halving: what [`MentionCursor`] finds by stepping.
    fn mention_within(mentions: &[(Span, usize)], span: Span) -> Option<usize> {
        let first = mentions.partition_point(|(s, _)| s.start < span.start);
        mentions.get(first).filter(|(s, _)| s.end <= span.end).map(|&(_, c)| c)
    }

    fn some(name: &str) -> Option<String> {
        Some(name.to_string())
    }

    #[test]
    fn decay_looked_up_is_decay_divided() {
        let divided = |sentences: u32, paragraphs: u32| {
            if sentences >= 32 {
                return 0.0;
            }
            1.0 / (1u32 << sentences) as f32 * PARAGRAPH_DECAY.powi(paragraphs.min(32) as i32)
        };
        for sentences in 0..40 {
            for paragraphs in 0..40 {
                assert_eq!(decay(sentences, paragraphs).to_bits(), divided(sentences, paragraphs).to_bits(), "{sentences} {paragraphs}");
            }
        }
    }

    #[test]
    fn the_paragraph_decays_are_those_powi_makes() {
        for n in 0..=32 {
            let made = PARAGRAPH_DECAY.powi(std::hint::black_box(n));
            assert_eq!(PARAGRAPH_DECAYS[n as usize].to_bits(), made.to_bits(), "{n}");
        }
    }

    #[test]
    fn nouns_tell_gender_and_whom_they_serve() {
        assert_eq!(noun_gender("congresswoman"), Gender::Female);
        assert_eq!(noun_gender("businessman"), Gender::Male);
        assert_eq!(noun_gender("actress"), Gender::Female);
        assert_eq!(noun_gender("witness"), Gender::Unknown);
        assert_eq!(noun_gender("senator"), Gender::Unknown);
        assert!(speaks_for_another("spokesperson") && speaks_for_another("lawyer") && speaks_for_another("official"));
        assert!(!speaks_for_another("senator") && !speaks_for_another("candidate"));
        assert_eq!(document_sent_by("emailed"), Some("email"));
        assert_eq!(document_sent_by("said"), None);
    }

    #[test]
    fn a_participle_opens_a_clause_but_an_adjective_does_not() {
        let opens = |s: &str| opens_with_participle(s, &crate::tokens::tokenize(s, Span::new(0, s.len())));
        assert!(opens("Asked about her vote, she replied."));
        assert!(opens("Speaking to reporters, Quist said no."));
        assert!(!opens("Embattled Mayor Quist said no."));
        assert!(!opens("Quist said no."));
    }

    #[test]
    fn a_role_no_one_was_given_is_the_person_clearly_in_mind() {
        let body = "Marta Quist toured the harbour on Monday. Quist praised the crews.\n\n\
                    “The pier stays open,” the senator said.";
        assert_eq!(speakers(body), [some("Marta Quist")]);
        // Not someone's agent, and not when the role was given to someone else.
        let agent = "Marta Quist toured the harbour on Monday. Quist praised the crews.\n\n“The pier stays open,” the spokesperson said.";
        assert_eq!(speakers(agent), [None]);
        let given = "Senator Olaf Brenner stayed home. Marta Quist toured the harbour on Monday. Quist praised the crews.\n\n\
                     “The pier stays open,” the senator said.";
        assert_ne!(speakers(given), [some("Marta Quist")]);
    }

    #[test]
    fn a_pronoun_goes_on_with_the_last_sentences_subject() {
        // Lind has spoken twice and is far more in mind, but Janssen is the last sentence's subject.
        let body = "Oskar Lind opened the new pier on Monday. “This is the moment,” Lind said. “The harbour remembered what it \
                    means to hope,” he said in his speech that night.\n\n\
                    Lind adviser Piet Janssen, the port's most senior engineer, picked up a similar thread at the time. \
                    “The pier will last a hundred years,” he said.";
        assert_eq!(speakers(body), [some("Oskar Lind"), some("Oskar Lind"), some("Piet Janssen")]);
    }

    #[test]
    fn asked_about_her_vote_she_replied_is_hers() {
        // Quist, named in the participle's clause, is no subject; the sentence's "she" goes on with its "her".
        let body = "Actress Greta Holm, star of the harbour festival, is not sure she can vote for Marta Quist, the mayor.\n\n\
                    “That is a legitimate concern,” Holm told the radio on Monday.\n\n\
                    Asked about her own vote in the event that Marta Quist faces Olaf Brenner, she replied: “I don't know.”";
        assert_eq!(speakers(body), [some("Greta Holm"), some("Greta Holm")]);
    }

    #[test]
    fn a_person_named_for_the_first_time_takes_the_stage() {
        let body = "“The ferries are late again,” said Oskar Lind.\n\n\
                    That is something that worries Piet Janssen, president of the Harbour Traders Association.\n\n\
                    “Nobody comes to the market when the ferries are late,” he said.";
        assert_eq!(speakers(body), [some("Oskar Lind"), some("Piet Janssen")]);
    }

    #[test]
    fn a_role_in_apposition_before_a_name_says_it_is_a_person() {
        // A given name no list holds: the role before the name is what says it is a person.
        let body = "Replays showed the Fernlea winger, Kayode Adeyemi, went down under little contact.\n\n\
                    “I was clipped,” the winger said.";
        assert_eq!(speakers(body), [some("Kayode Adeyemi")]);
        // A role that ends a clause before a name that goes on as its subject is not the name's.
        let a = crate::extract_text("t", "Harbour news\n\nAfter meeting the winger, Kayode Adeyemi left the ground.".to_string());
        assert!(a.entities.iter().all(|e| e.name != "Kayode Adeyemi"), "{:?}", a.entities);
    }

    #[test]
    fn a_role_before_a_verb_is_not_the_names_after_it() {
        // "the senator told Corran Macleod": the one told is no senator.
        let body = "Marta Quist and Olaf Brenner debated the pier on Monday.\n\n\
                    “I stand by every word,” the Calder senator told Corran Macleod of the Harbour Gazette on Thursday.";
        assert_eq!(speakers(body), [None]);
    }

    #[test]
    fn a_name_that_says_he_is_a_person() {
        let people =
            |body: &str| crate::extract_text("t", format!("Harbour news\n\n{body}")).entities.into_iter().map(|e| e.name).collect::<Vec<_>>();
        assert_eq!(people("Kayode Adeyemi said he would appeal the ban."), ["Kayode Adeyemi"]);
        // Not a pronoun the verb's object: "told her" says nothing of who told.
        assert!(people("Kayode Adeyemi told her the club would appeal.").is_empty());
    }

    #[test]
    fn an_editors_note_names_the_narrator() {
        let body = "Editor's note: The following is an excerpt from Anaïs Delacroix's new book on the harbour.\n\n\
                    “Why are you here?” the clerk asked me. “I came to see the ships,” I said.";
        let got = speakers(body);
        assert_eq!(got.last(), Some(&some("Anaïs Delacroix")), "{got:?}");
    }
}
