//! Who said each quote: cue verbs, speaker phrases, pronouns and descriptions.
//!
//! For every quote the engine looks, in order, at: the words right after it
//! (`"…," said X`, `"…," X told reporters`); the words before it in its
//! sentence (`X said: "…"`, `according to X`, and the subject of the last
//! speech verb for a fragment inside paraphrase); the quote it continues; and
//! an earlier quote of the same paragraph or the paragraph before. A speaker
//! phrase resolves to a name in it, a pronoun to the latest fitting speaker or
//! person, a description ("the Belarusian leader") to the one person whose
//! role fits. Fragments that nobody is found to have said are scare quotes or
//! titles and are not reported; when unsure, a quote stays unattributed.

use std::borrow::Cow;

use crate::entities::Found;
use crate::layout::Layout;
use crate::lexicon::{self, WordInfo, WordList};
use crate::quotes::{is_quote_char, QuoteSpan};
use crate::tokens::{self, Sentence, Token, TokenKind};
use crate::{resolve, EntityKind, Quote, QuoteKind, Span};

/// A speaker phrase found next to a quote.
#[derive(Clone, Debug)]
struct Attribution {
    mention: Span,
    cue: String,
    /// The rule that found it (see [`SPEAKER_RULES`]), or "carried-over".
    rule: &'static str,
}

/// Small words between a speaker and the verb: "X has also said", "X was quoted as saying".
fn is_verb_filler(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "further"
            | "later"
            | "then"
            | "again"
            | "once"
            | "recently"
            | "previously"
            | "earlier"
            | "still"
            | "repeatedly"
            | "often"
            | "never"
            | "always"
            | "even"
            | "already"
            | "just"
            | "has"
            | "had"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "would"
            | "will"
            | "could"
            | "did"
            | "does"
            | "do"
            | "quoted"
            | "as"
            | "been"
            | "being"
            | "first"
            | "finally"
            | "simply"
            | "flatly"
            | "reportedly"
            | "allegedly"
            | "not"
            | "might"
            | "may"
            | "can"
            | "should"
            | "went"
            | "on"
            | "to"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// Lowercase words that end a noun phrase when reading away from the verb
/// (`info` is what the word lists say of `w`).
fn breaks_phrase(w: &str, info: WordInfo) -> bool {
    matches!(
        w,
        "that"
            | "and"
            | "but"
            | "or"
            | "which"
            | "when"
            | "while"
            | "because"
            | "if"
            | "than"
            | "to"
            | "in"
            | "on"
            | "at"
            | "with"
            | "by"
            | "from"
            | "after"
            | "before"
            | "since"
            | "where"
            | "so"
            | "yet"
            | "as"
            | "about"
            | "for"
            | "into"
            | "during"
            | "though"
            | "although"
            | "whether"
            | "not"
            | "is"
            | "was"
            | "were"
            | "are"
            | "upon"
            | "be"
            | "it"
            | "there"
            | "this"
            | "these"
            | "those"
    ) || info.is(WordList::CueVerb)
}

/// The article's text, with what recognition found in it: its lowered text gives a word written
/// in ASCII folded, with no fold of its own (see [`Found::folded`]). It reads as the text it holds.
#[derive(Clone, Copy)]
struct Text<'a> {
    written: &'a str,
    found: &'a Found,
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.written
    }
}

fn fold_tok<'a>(text: &Text<'a>, t: &Token) -> lexicon::Folded<'a> {
    text.found.folded(text.written, t)
}

/// A pronoun that can stand for a speaker: a person's, or "it" for a body
/// or a newspaper ("It added, “…”"), which is left unattributed.
fn is_pronoun_tok(text: &Text, t: &Token) -> bool {
    t.is_word() && {
        let w = fold_tok(text, t);
        lexicon::is_person_pronoun(&w) || w == "it"
    }
}

/// Where the words before `toks[end]` start once the fillers between a subject
/// and its verb ("has", "later", "flatly") are stepped over.
fn before_fillers(text: &Text, toks: &[Token], end: usize) -> usize {
    let mut j = end;
    loop {
        // Fillers are lowercase: "Kelly" or "Reilly" before "said" is a name, not an adverb.
        while j > 0 && toks[j - 1].is_word() && !toks[j - 1].is_capitalized_word() && is_verb_filler(&fold_tok(text, &toks[j - 1])) {
            j -= 1;
        }
        match when_before(text, toks, j) {
            Some(k) if k < j => j = k,
            _ => return j,
        }
    }
}

/// Where a time that ends just before `toks[end]` starts: "on Thursday", "last week", "on
/// March 3", "yesterday" ("X on Thursday said").
fn when_before(text: &Text, toks: &[Token], end: usize) -> Option<usize> {
    let is_time = |t: &Token| {
        let folded = fold_tok(text, t);
        let w: &str = &folded;
        // Every month and weekday is a word a date starts with (its lists say so), or a short
        // form ending in a dot: only such a word is looked for among them.
        let may_be_date = t.info().is(WordList::DateStart) || w.ends_with('.');
        may_be_date && (lexicon::weekday_number(w).is_some() || lexicon::month_number(w).is_some())
            || matches!(w, "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "weekend")
            || t.text(text).bytes().all(|b| b.is_ascii_digit())
    };
    let last = toks.get(end.checked_sub(1)?)?;
    if last.is_folded_any(text, &["yesterday", "today", "tonight"]) {
        return Some(end - 1);
    }
    // Up to three words of a date, after the word that opens it.
    let mut k = end;
    while k > 0 && end - k < 3 && toks[k - 1].is_word() && is_time(&toks[k - 1]) {
        k -= 1;
    }
    (k < end && k > 0 && toks[k - 1].is_folded_any(text, &["on", "in", "last", "this", "late", "early", "overnight"])).then(|| k - 1)
}

/// The noun phrase that ends just before `toks[end]`, read backwards.
fn phrase_before(text: &Text, toks: &[Token], end: usize) -> Option<Span> {
    let mut j = before_fillers(text, toks, end);
    // "Rep. Jim Smith (D-Wash.) said": step over the parenthesis.
    if j > 0 && toks[j - 1].text(text) == ")" {
        j = (j.saturating_sub(10)..j - 1).rev().find(|&k| toks[k].text(text) == "(")?;
    }
    // "X, who said" and "X, a close ally, said": step over the clause to X.
    if j > 0 && toks[j - 1].is_folded(text, "who") {
        j -= 1;
        if j > 0 && toks[j - 1].text(text) == "," {
            j -= 1;
        }
    } else if j > 0 && toks[j - 1].text(text) == "," {
        let comma = (j.saturating_sub(24)..j - 1).rev().find(|&k| toks[k].text(text) == ",")?;
        let appositive = &toks[comma + 1..j - 1];
        let named_before = comma > 0 && toks[comma - 1].is_capitalized_word();
        let clause_like = appositive.iter().any(|t| {
            let w = fold_tok(text, t);
            // Brackets are no clause: "X, in an interview to The Associated Press (AP), on Thursday said".
            (t.kind == TokenKind::Punct && !matches!(w.as_ref(), "-" | "(" | ")")) || lexicon::is_cue_verb(&w) || lexicon::is_person_pronoun(&w)
        });
        // "The campaign's chairman, John Podesta, said": the name is the apposition itself.
        let appositive_is_name = !appositive.is_empty()
            && appositive.iter().all(|t| t.is_capitalized_word() || t.text(text) == ".")
            && appositive.iter().any(|t| !t.listed(text).is(WordList::CommonWord));
        if !named_before && appositive_is_name {
            let named = Span::new(appositive[0].span.start, appositive[appositive.len() - 1].span.end);
            // "…, who lives outside the state capital, Sacramento, said": a place in apposition
            // to a common noun says where, too.
            if comma > 0 && toks[comma - 1].starts_lowercase() && is_place(text, named) {
                return speaker_beyond_place(text, toks, comma, true);
            }
            return Some(named);
        }
        if !named_before || clause_like {
            return None;
        }
        j = comma;
    }
    if j == 0 {
        return None;
    }
    if is_pronoun_tok(text, &toks[j - 1]) {
        return Some(toks[j - 1].span);
    }
    let last = j;
    let mut k = j;
    // Two words folded, to look up as a place's name.
    let mut two_words = String::new();
    while k > 0 && last - k < 7 {
        let t = &toks[k - 1];
        let mut determiner = false;
        let ok = match t.kind {
            TokenKind::Possessive => true,
            TokenKind::Word => {
                let w = fold_tok(text, t);
                let info = t.info();
                // A capitalised common word is part of a name after another ("CBS News") or
                // when it opens a place's ("New York City Public Advocate Trish James"), and
                // otherwise a sentence's first word ("But"). Asked only of such a word.
                let mut in_name = || {
                    k >= 2 && {
                        let before = &toks[k - 2];
                        before.is_word() && (before.is_capitalized_word() || before.info().is(WordList::Determiner))
                    } || k < last && toks[k].is_capitalized_word() && {
                        two_words.clear();
                        two_words.push_str(&w);
                        two_words.push(' ');
                        two_words.push_str(&fold_tok(text, &toks[k]));
                        lexicon::places().get(&two_words).is_some()
                    }
                };
                let capitalized = t.is_capitalized_word();
                // "James A. Baker": an initial, not the article.
                let initial = capitalized && toks.get(k).is_some_and(|n| n.text(text) == ".") && t.span.len() == 1;
                determiner = info.is(WordList::Determiner) && !initial;
                capitalized && (!info.is(WordList::CommonWord) || in_name()) || determiner || !capitalized && !breaks_phrase(&w, info)
            }
            TokenKind::Punct => t.text(text) == "." && k >= 2 && is_abbreviated(text, &toks[k - 2]),
        };
        if !ok {
            break;
        }
        k -= 1;
        if t.is_word() && determiner {
            break;
        }
    }
    // The phrase must hold a name, a determiner or a role; bare lowercase words are rarely a speaker.
    let words = &toks[k..last];
    let useful = words.iter().any(|t| {
        let w = fold_tok(text, t);
        t.is_capitalized_word() || lexicon::is_determiner(&w) || lexicon::is_role_noun(&w) || w == "officials"
    });
    let phrase = (k < last && useful).then(|| Span::new(toks[k].span.start, toks[last - 1].span.end))?;
    match preposition_of_place(text, toks, k, phrase) {
        Some(preposition) => speaker_beyond_place(text, toks, preposition, toks[last..end].iter().any(|t| t.text(text) == ",")),
        None => Some(phrase),
    }
}

/// Is `phrase` a place the article found, one that ends where the phrase does?
fn is_place(text: &Text, phrase: Span) -> bool {
    text.found.within(phrase).next().is_some_and(|(m, c)| m.end == phrase.end && text.found.clusters[c].kind == EntityKind::Place)
}

/// Where the preposition is that makes `phrase`, which starts at `toks[k]`, a place where
/// something happened ("in Bristol", "in Tennessee and Georgia"), if it is one.
fn preposition_of_place(text: &Text, toks: &[Token], k: usize, phrase: Span) -> Option<usize> {
    if !is_place(text, phrase) {
        return None;
    }
    // Over the places listed before it.
    let mut s = k;
    while s >= 2 && matches!(toks[s - 1].text(text), "and" | "or" | ",") && toks[s - 2].is_capitalized_word() {
        s -= 2;
        while s > 0 && toks[s - 1].is_capitalized_word() {
            s -= 1;
        }
    }
    (s > 0 && toks[s - 1].is_folded_any(text, crate::entities::PLACE_PREPOSITIONS)).then(|| s - 1)
}

/// The speaker of a verb whose nearest name is only where something happened, told by the
/// word at `toks[at]` before it (a preposition, or the comma of "the state capital,
/// Sacramento,"). "Ferreira, at a meeting in Bristol, Tennessee, said she …": after an aside set
/// off by commas (`in_an_aside`) the subject is before the aside; otherwise it is the head the
/// place's prepositions hang from ("a woman in the audience at a rally in Dunmore asked").
fn speaker_beyond_place(text: &Text, toks: &[Token], at: usize, in_an_aside: bool) -> Option<Span> {
    // An aside is looked for among the 24 words before: the sentence's start only as far back.
    let lowest = at.saturating_sub(25);
    let sentence_start = toks[lowest..at].iter().rposition(|t| t.is_stop()).map_or(lowest, |s| lowest + s + 1);
    let aside_opens = (sentence_start..at).rev().take(24).find(|&c| toks[c].text(text) == ",");
    // "Ferreira, at a meeting", "Clinton, during a town hall", "Seaman, who lives": the comma
    // opens an aside only when a preposition, a participle or "who" follows it; "After meeting
    // Quell, residents in Bristol said": the words after it are the subject.
    let opens_an_aside = |comma: usize| {
        toks.get(comma + 1).is_some_and(|t| {
            t.starts_lowercase() && (t.info().is(WordList::Preposition) || t.text(text).ends_with("ing") || t.is_folded(text, "who"))
        })
    };
    if let Some(comma) = aside_opens.filter(|&c| in_an_aside && c > sentence_start && toks[c - 1].is_capitalized_word() && opens_an_aside(c)) {
        return phrase_before(text, toks, comma);
    }
    // The head read back from the preposition; the word there when no name, determiner or role
    // comes with it ("eight in 10 growers in Ohio": "growers"), so that the quote keeps a speaker
    // no one is named for.
    let bare_noun = || toks[..at].last().filter(|t| t.is_word()).map(|t| t.span);
    let mut head = phrase_before(text, toks, at).or_else(bare_noun)?;
    loop {
        let at = toks.partition_point(|t| t.span.start < head.start);
        let governed = at > 1 && toks[at - 1].starts_lowercase() && toks[at - 1].info().is(WordList::Preposition);
        match governed.then(|| phrase_before(text, toks, at - 1)).flatten() {
            Some(before) => head = before,
            None => return Some(head),
        }
    }
}

/// The noun phrase that starts at `toks[start]`, read forwards ("said Alexander Lukashenko, in power…").
fn phrase_after(text: &Text, toks: &[Token], start: usize) -> Option<Span> {
    let first = toks.get(start)?;
    if is_pronoun_tok(text, first) {
        return Some(first.span);
    }
    let w = fold_tok(text, first);
    if lexicon::is_cue_verb(&w) || (lexicon::is_common_word(&w) && !lexicon::is_determiner(&w) && !lexicon::is_title_word(&w)) {
        return None;
    }
    let mut k = start;
    let mut saw_name_or_role = false;
    let mut saw_role = false;
    // A role is ahead after a possessive: the lowercase words up to it belong to the phrase.
    let mut role_ahead = false;
    while k < toks.len() && k - start < 8 {
        let t = &toks[k];
        let w = fold_tok(text, t);
        let info = t.listed(text);
        let ok = match t.kind {
            TokenKind::Possessive => true,
            TokenKind::Word => {
                (k == start && info.is(WordList::Determiner))
                    || t.is_capitalized_word()
                    || ((!saw_name_or_role || role_ahead) && !breaks_phrase(&w, info))
                    || is_rank(&w) && toks.get(k + 1).is_some_and(|n| n.is_capitalized_word())
            }
            TokenKind::Punct => t.text(text) == "." && k > start && is_abbreviated(text, &toks[k - 1]),
        };
        if !ok {
            break;
        }
        let role = info.is(WordList::RoleNoun) || resolve::is_description_head_listed(&w, info);
        role_ahead &= !role;
        if t.is_capitalized_word() || role {
            saw_name_or_role = true;
        }
        saw_role |= role && !t.is_capitalized_word();
        k += 1;
        // "the Florida senator", "the CNN host": a role after a name is the phrase's head.
        // "the food bank's director": after a possessive, always.
        let role_follows = |n: &Token| {
            let head_at = |j: usize| toks.get(j).is_some_and(|h| resolve::is_description_head_listed(&fold_tok(text, h), h.listed(text)));
            // "Norway's harbour minister": after a possessive, a role within three words.
            let after_possessive =
                t.kind == TokenKind::Possessive && (k..(k + 3).min(toks.len())).take_while(|&j| toks[j].starts_lowercase()).any(head_at);
            // "the chief executive", "the press secretary": a role of two words.
            let compound = role && t.starts_lowercase() && resolve::is_description_head_listed(&fold_tok(text, n), n.listed(text));
            after_possessive
                || compound
                || !saw_role && t.is_capitalized_word() && resolve::is_description_head_listed(&fold_tok(text, n), n.listed(text))
        };
        role_ahead |= toks.get(k).is_some_and(|n| n.starts_lowercase() && role_follows(n));
        if saw_name_or_role
            && !role_ahead
            && toks.get(k).is_some_and(|n| {
                let nw = fold_tok(text, n);
                let rank_before_name = is_rank(&nw) && toks.get(k + 1).is_some_and(|m| m.is_capitalized_word());
                n.is_word() && !n.is_capitalized_word() && !rank_before_name && !role_follows(n)
            })
        {
            break;
        }
    }
    let determined = lexicon::is_determiner(&w) && k > start + 1;
    if k == start || !(saw_name_or_role || determined) {
        return None;
    }
    // "Huckabee campaign spokesman Hogan Gidley", "Clinton ally James Carville": after a name,
    // a role and then the person who holds it; "a spokeswoman for Acme, Jane Roe": after a role,
    // the person named in apposition. The person ends the phrase.
    let end = role_then_name(text, toks, k)
        .or_else(|| saw_role.then(|| domain_then_name(text, toks, k).or_else(|| named_in_apposition(text, toks, k))).flatten())
        .unwrap_or(k);
    Some(Span::new(toks[start].span.start, toks[end - 1].span.end))
}

/// Where a name that follows up to three lowercase words ending in a role ends, when the
/// words at `toks[k]` are such ("campaign spokesman Hogan Gidley").
fn role_then_name(text: &Text, toks: &[Token], k: usize) -> Option<usize> {
    let role_words = toks[k..].iter().take(4).take_while(|t| t.is_word() && !t.is_capitalized_word()).count();
    if role_words == 0 || role_words > 3 {
        return None;
    }
    let words = &toks[k..k + role_words];
    let quiet = words.iter().all(|t| {
        let w = fold_tok(text, t);
        !breaks_phrase(&w, t.listed(text))
    });
    let ends_in_role = resolve::is_description_head_listed(&fold_tok(text, &words[role_words - 1]), words[role_words - 1].info());
    let name_at = k + role_words;
    (quiet && ends_in_role && toks.get(name_at).is_some_and(|t| t.is_capitalized_word())).then(|| name_end(text, toks, name_at))
}

/// Where the person's name ends that follows an office and its domain written in lowercase, when
/// the words at `toks[k]` are such ([`resolve::holder_after_office_domain`]): "former secretary of
/// state Hillary Clinton". The name must be one the article found as a person's, and not a
/// possessor ("the secretary of state Mara Quell's spokesman").
fn domain_then_name(text: &Text, toks: &[Token], k: usize) -> Option<usize> {
    let name_at = resolve::holder_after_office_domain(text, toks, k)?;
    let first = &toks[name_at];
    let (mention, c) = text.found.within(Span::new(first.span.start, toks[name_end(text, toks, name_at) - 1].span.end)).next()?;
    let end = tokens::first_starting_from(toks, name_at, mention.end);
    let possessor = toks.get(end).is_some_and(|t| t.kind == TokenKind::Possessive);
    (mention.start == first.span.start && text.found.clusters[c].kind == EntityKind::Person && !possessor).then_some(end)
}

/// Where the name in apposition after a role ends: "…, Jane Roe," or "… for Acme, Jane Roe".
fn named_in_apposition(text: &Text, toks: &[Token], k: usize) -> Option<usize> {
    // An affiliation may come between: "for Acme", "at the council".
    let mut j = k;
    if toks.get(j).is_some_and(|t| t.is_folded_any(text, &["for", "of", "at", "with"])) {
        j += 1;
        let limit = (j + 5).min(toks.len());
        while j < limit && toks[j].is_word() && (toks[j].is_capitalized_word() || toks[j].is_folded(text, "the")) {
            j += 1;
        }
    }
    if toks.get(j).is_none_or(|t| t.text(text) != ",") || toks.get(j + 1).is_none_or(|t| !t.is_capitalized_word()) {
        return None;
    }
    let end = name_end(text, toks, j + 1);
    let closes = toks.get(end).is_none_or(|t| matches!(t.text(text), "," | "." | ";"));
    let a_name = end - (j + 1) >= 2 && end - (j + 1) <= 4;
    (closes && a_name).then_some(end)
}

/// Where the run of capitalised words (and initials) that starts at `toks[at]` ends.
fn name_end(text: &Text, toks: &[Token], at: usize) -> usize {
    let mut end = at;
    while toks.get(end).is_some_and(|t| t.is_capitalized_word() || t.text(text) == "." && end > at && is_abbreviated(text, &toks[end - 1])) {
        end += 1;
    }
    end
}

/// "1st", "2nd": a rank inside a title ("Air Force 1st Lt. Tyler Livingston").
fn is_rank(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) && w.len() <= 4
}

/// An initial or an abbreviated title before a full stop: "F." in "John F. Kerry", "Rep." in "Rep. Jim Clyburn".
fn is_abbreviated(text: &Text, t: &Token) -> bool {
    let w = t.text(text);
    w.chars().count() == 1 || (t.is_capitalized_word() && t.info().is(WordList::TitleWord))
}

/// A speech word used as a noun after an article or a possessive: "the reports",
/// "his claims". ("Some said", "both said": those determiners stand for people.)
fn is_noun_here(text: &Text, toks: &[Token], k: usize) -> bool {
    k > 0 && toks[k - 1].is_word() && toks[k - 1].is_folded_any(text, &["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"])
}

/// Where a quote stands and what is around it: what the speaker rules read.
struct QuoteContext<'a> {
    text: &'a Text<'a>,
    layout: &'a Layout,
    paragraph_tokens: &'a [&'a [Token]],
    /// The quote's paragraph: its index and its tokens.
    p_index: usize,
    toks: &'a [Token],
    /// The paragraph's sentences and quotation spans.
    sentences: &'a [Sentence],
    protected: &'a [Span],
    /// The quote's sentence, cut at the quote's end when the words after it report other speech.
    sentence: Span,
    /// The words of the sentence before and after the quote (up to its neighbours).
    before: &'a [Token],
    after: &'a [Token],
    /// The quote is the first of its paragraph and opens it.
    opens_paragraph: bool,
    /// `X said, “… .”`: a finished sentence of speech that a cue introduced; the words after it
    /// open the next sentence, so the words before it are read first.
    finished_after_cue: bool,
    /// `“… .” X said he would …`: the words after a finished quote report other speech.
    next_sentence_reports: bool,
}

/// Which words of a quote's context a rule reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    After,
    Before,
    Around,
}

/// What a speaker rule says: a speaker phrase and its cue, no speaker on its side (a later rule
/// of the same side is not asked), or nothing (the next rule is asked).
enum Sought {
    Speaker(Span, String),
    NoneHere,
    Pass,
}

/// One rule of [`SPEAKER_RULES`].
struct SpeakerRule {
    name: &'static str,
    side: Side,
    find: fn(&QuoteContext) -> Sought,
}

/// Where a quote's speaker phrase is looked for, in order. The words after a quote are read
/// before the words before it, unless the quote is a finished sentence a cue introduced; the
/// rest of its sentence, the sentence before and the paragraph before come last.
const SPEAKER_RULES: &[SpeakerRule] = &[
    SpeakerRule { name: "cue-then-name", side: Side::After, find: cue_then_name },
    SpeakerRule { name: "according-to-after", side: Side::After, find: according_to_after },
    SpeakerRule { name: "signature-after-dash", side: Side::After, find: signature_after_dash },
    SpeakerRule { name: "name-then-cue", side: Side::After, find: name_then_cue },
    SpeakerRule { name: "according-to-before", side: Side::Before, find: according_to_before },
    SpeakerRule { name: "name-and-colon", side: Side::Before, find: name_and_colon },
    SpeakerRule { name: "last-speech-verb-before", side: Side::Before, find: last_speech_verb_before },
    SpeakerRule { name: "colon-after-a-named-clause", side: Side::Before, find: colon_after_a_named_clause },
    SpeakerRule { name: "speech-verb-in-sentence", side: Side::Around, find: speech_verb_in_sentence },
    SpeakerRule { name: "previous-sentence", side: Side::Around, find: previous_sentence },
    SpeakerRule { name: "colon-ending-previous-paragraph", side: Side::Around, find: colon_ending_previous_paragraph },
];

/// The speaker phrase of a quote, its cue, and the rule that found it, given what the rules
/// that read the words after it found (`after`, from [`find_on_side`]).
fn find_speaker(c: &QuoteContext, after: Option<(Span, String, &'static str)>) -> Option<(Span, String, &'static str)> {
    let order = if c.finished_after_cue { [Side::Before, Side::After, Side::Around] } else { [Side::After, Side::Before, Side::Around] };
    let mut after = Some(after);
    order.into_iter().filter(|&side| side != Side::After || !c.next_sentence_reports).find_map(|side| {
        if side == Side::After {
            after.take().flatten()
        } else {
            find_on_side(c, side)
        }
    })
}

/// What the rules that read one side of a quote find, in order.
fn find_on_side(c: &QuoteContext, side: Side) -> Option<(Span, String, &'static str)> {
    for rule in SPEAKER_RULES.iter().filter(|r| r.side == side) {
        match (rule.find)(c) {
            Sought::Speaker(span, cue) => return Some((span, cue, rule.name)),
            Sought::NoneHere => return None,
            Sought::Pass => {}
        }
    }
    None
}

impl From<Option<(Span, String)>> for Sought {
    fn from(found: Option<(Span, String)>) -> Self {
        found.map_or(Sought::Pass, |(span, cue)| Sought::Speaker(span, cue))
    }
}

/// Where the words after a quote start, past the commas and dashes that close it.
fn after_start(c: &QuoteContext) -> usize {
    c.after.iter().take_while(|t| matches!(t.text(c.text), "," | "—" | "–" | "-" | "―")).count()
}

/// `“…,” said X`. A participle ("“…,” saying the town …") speaks for its sentence's subject, not
/// for what follows it: no speaker after the quote then.
fn cue_then_name(c: &QuoteContext) -> Sought {
    let i = after_start(c);
    let Some(first) = c.after.get(i) else { return Sought::NoneHere };
    if !first.listed(c.text).is(WordList::CueVerb) {
        return Sought::Pass;
    }
    let w = fold_tok(c.text, first);
    match phrase_after(c.text, c.after, i + 1).filter(|_| !w.ends_with("ing")) {
        Some(p) => Sought::Speaker(p, w.into_owned()),
        None => Sought::NoneHere,
    }
}

/// `“…,” according to the ministry.`
fn according_to_after(c: &QuoteContext) -> Sought {
    let i = after_start(c);
    let opens = c.after.get(i).is_some_and(|t| t.is_folded(c.text, "according")) && c.after.get(i + 1).is_some_and(|n| n.is_folded(c.text, "to"));
    if !opens {
        return Sought::Pass;
    }
    match according_to(c.text, c.after, i + 2) {
        Some(p) => Sought::Speaker(p, "according to".to_string()),
        None => Sought::NoneHere,
    }
}

/// `“…” ― Jane Roe`: a signature after a dash.
fn signature_after_dash(c: &QuoteContext) -> Sought {
    let i = after_start(c);
    let dashed = i > 0 && matches!(c.after[i - 1].text(c.text), "―" | "—" | "–");
    let signed = dashed && c.after.get(i).is_some_and(|t| t.is_capitalized_word());
    signed.then(|| phrase_after(c.text, c.after, i)).flatten().map(|p| (p, "—".to_string())).into()
}

/// `“…,” X said`, with fillers between ("X has also said"); `“…,” X, who …, told` steps over the
/// clause.
fn name_then_cue(c: &QuoteContext) -> Sought {
    let (text, toks) = (c.text, c.after);
    let i = after_start(c);
    let Some(first) = toks.get(i) else { return Sought::Pass };
    let mut v = i + 1;
    while v < toks.len().min(i + 24) {
        let t = &toks[v];
        if t.text(text) == "," {
            // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said":
            // one apposition after another, up to the verb.
            let mut close = (v + 1..toks.len().min(v + 16)).find(|&k| toks[k].text(text) == ",");
            while let Some(c) = close.filter(|&c| !toks.get(c + 1).is_some_and(|n| n.listed(text).is(WordList::CueVerb)) && c < v + 32) {
                close = (c + 1..toks.len().min(c + 16))
                    .take_while(|&k| !matches!(toks[k].text(text), "." | ";" | ":" | "“" | "”" | "\""))
                    .find(|&k| toks[k].text(text) == ",");
            }
            return match close {
                Some(c) if toks.get(c + 1).is_some_and(|n| n.listed(text).is(WordList::CueVerb)) => {
                    phrase_after(text, toks, i).filter(|p| p.end <= t.span.start).map(|p| (p, fold_tok(text, &toks[c + 1]).into_owned())).into()
                }
                _ => Sought::Pass,
            };
        }
        if t.text(text) == "(" {
            if let Some(close) = (v + 1..toks.len().min(v + 10)).find(|&k| toks[k].text(text) == ")") {
                v = close + 1;
                continue;
            }
        }
        if t.kind == TokenKind::Punct && t.text(text) != "." {
            break;
        }
        if t.is_word() && !t.is_capitalized_word() && t.info().is(WordList::CueVerb) {
            let vw = fold_tok(text, t);
            if !is_noun_here(text, toks, v) {
                let phrase = phrase_before(text, toks, v).filter(|p| p.start == first.span.start);
                return phrase.map(|p| (p, vw.into_owned())).into();
            }
        }
        v += 1;
    }
    Sought::Pass
}

/// The source that "according to" names at `toks[start]`. A document is its
/// author's: "according to a statement released by the ministry" is the ministry's.
fn according_to(text: &Text, toks: &[Token], start: usize) -> Option<Span> {
    let source = phrase_after(text, toks, start)?;
    let after = toks.partition_point(|t| t.span.start < source.end);
    let is_issued = |t: &Token| {
        t.is_folded_any(text, &["filed", "issued", "released", "written", "signed", "published", "sent", "posted", "prepared", "submitted"])
    };
    let is_by = |k: usize| toks.get(k).is_some_and(|t| t.is_folded(text, "by"));
    // The phrase may end on the participle ("a document filed") or stop before it.
    let by = if after > 0 && is_issued(&toks[after - 1]) && is_by(after) {
        Some(after + 1)
    } else if toks.get(after).is_some_and(is_issued) && is_by(after + 1) {
        Some(after + 2)
    } else {
        None
    };
    Some(by.and_then(|k| phrase_after(text, toks, k)).unwrap_or(source))
}

/// `According to X, “…”`.
fn according_to_before(c: &QuoteContext) -> Sought {
    let (text, toks) = (c.text, c.before);
    toks.iter()
        .enumerate()
        .filter(|(i, t)| {
            // Folding never makes a word longer than "according" is from a shorter one.
            t.span.len() >= "according".len() && t.is_folded(text, "according") && toks.get(i + 1).is_some_and(|n| n.is_folded(text, "to"))
        })
        .find_map(|(i, _)| according_to(text, toks, i + 2))
        .map(|p| (p, "according to".to_string()))
        .into()
}

/// `Jane Roe: “…”`: a name introduced by a colon.
fn name_and_colon(c: &QuoteContext) -> Sought {
    let (text, toks) = (c.text, c.before);
    if toks.len() < 2 || toks.last().is_none_or(|t| t.text(text) != ":") {
        return Sought::Pass;
    }
    let named = phrase_before(text, toks, toks.len() - 1).filter(|p| {
        let starts_clause = toks.iter().position(|t| t.span.start == p.start).is_some_and(|k| k == 0 || toks[k - 1].kind == TokenKind::Punct);
        starts_clause && tokens::tokenize(text, *p).iter().all(|t| t.is_capitalized_word() || t.text(text) == ".")
    });
    named.map(|p| (p, ":".to_string())).into()
}

/// The subject of the last speech verb before the quote: `X said: “…”`, `Said Jane Roe, a
/// neighbour, “…”`, `X rallied supporters, saying “…”` (a participle's subject is its clause's),
/// `X gestured, then leaned in and boomed: “…”` (a coordinated verb shares the subject).
fn last_speech_verb_before(c: &QuoteContext) -> Sought {
    let (text, toks) = (c.text, c.before);
    for v in (0..toks.len()).rev() {
        let t = &toks[v];
        if !t.is_word() || t.is_capitalized_word() && v > 0 || !t.info().is(WordList::CueVerb) || is_noun_here(text, toks, v) {
            continue;
        }
        let w = fold_tok(text, t);
        if v == 0 && t.is_capitalized_word() && !w.ends_with("ing") {
            if let Some(p) = phrase_after(text, toks, 1).filter(|p| tokens::is_capitalized(p.text(text))) {
                return Sought::Speaker(p, w.into_owned());
            }
            continue;
        }
        // "X traveled to Harvard to say …": an infinitive's speaker is its clause's subject, as a
        // participle's is.
        // "X travelled to Harvard to say …": before an infinitive, a name a preposition governs is
        // no speaker; the sentence's subject is, when it is named.
        let infinitive = v > 0 && toks[v - 1].is_folded(text, "to");
        // The phrase before the verb, read once for each question below.
        let before = phrase_before(text, toks, v);
        if let Some(p) = before.filter(|p| infinitive && governed_by_preposition(text, toks, *p)) {
            if let Some(subject) = named_subject(text, toks, false).filter(|s| *s != p) {
                return Sought::Speaker(subject, w.into_owned());
            }
            continue;
        }
        // "…, with spokesman Glen Caplin saying": a name right before a participle is its speaker.
        if w.ends_with("ing") && v > 0 && toks[v - 1].is_capitalized_word() {
            if let Some(p) = before {
                return Sought::Speaker(p, w.into_owned());
            }
        }
        if w.ends_with("ing") {
            let before_cue = if v > 0 && toks[v - 1].text(text) == "," { v - 1 } else { v };
            let clause = toks[..before_cue].iter().rposition(|t| t.text(text) == ",").map_or(0, |c| c + 1);
            // "Silverman, a fan, drew boos upon saying": the sentence's own subject.
            if let Some(p) = phrase_after(text, toks, clause).or_else(|| named_subject(text, toks, false)) {
                return Sought::Speaker(p, w.into_owned());
            }
            continue;
        }
        if let Some(p) = before {
            return Sought::Speaker(p, w.into_owned());
        }
        let k = before_fillers(text, toks, v);
        if k > 0 && toks[k - 1].is_folded_any(text, &["and", "then"]) {
            if let Some(p) = named_subject(text, toks, true) {
                return Sought::Speaker(p, w.into_owned());
            }
        }
    }
    Sought::Pass
}

/// Is `phrase` the object of a preposition ("to Harvard")?
fn governed_by_preposition(text: &Text, toks: &[Token], phrase: Span) -> bool {
    let at = toks.partition_point(|t| t.span.start < phrase.start);
    at > 0 && toks[at - 1].listed(text).is(WordList::Preposition)
}

/// `Trump leaned in and boomed: “…”`: a colon after a clause whose subject is a name.
fn colon_after_a_named_clause(c: &QuoteContext) -> Sought {
    let (text, toks) = (c.text, c.before);
    if toks.last().is_none_or(|t| t.text(text) != ":") {
        return Sought::Pass;
    }
    let clause = toks.iter().rposition(|t| t.text(text) == ",").map_or(0, |c| c + 1);
    let named = phrase_after(text, toks, clause).filter(|p| {
        tokens::tokenize(text, *p).first().is_some_and(|first| {
            let w = fold_tok(text, first);
            first.is_capitalized_word() && !lexicon::is_common_word(&w) || lexicon::is_person_pronoun(&w)
        })
    });
    named.map(|p| (p, ":".to_string())).into()
}

/// The subject of a speech verb anywhere in the quote's sentence, outside its quotes.
fn speech_verb_in_sentence(c: &QuoteContext) -> Sought {
    speaker_in_sentence(c.text, c.toks, c.sentence, c.protected).into()
}

/// `Jane Roe agreed. “…”`: the speaker of a short sentence just before.
fn previous_sentence(c: &QuoteContext) -> Sought {
    speaker_of_previous_sentence(c.text, c.toks, c.sentences, c.sentence, c.protected).into()
}

/// `He said:` ending the paragraph before introduces the quote that opens this one.
fn colon_ending_previous_paragraph(c: &QuoteContext) -> Sought {
    c.opens_paragraph.then(|| introduced_by_previous_paragraph(c.text, c.layout, c.paragraph_tokens, c.p_index)).flatten().into()
}

/// The phrase that opens the sentence when it names someone (or, with
/// `pronouns`, is a pronoun): the subject a later verb of the sentence shares.
fn named_subject(text: &Text, toks: &[Token], pronouns: bool) -> Option<Span> {
    let first = toks.iter().position(|t| t.is_word())?;
    if pronouns && is_pronoun_tok(text, &toks[first]) {
        return Some(toks[first].span);
    }
    let p = phrase_after(text, toks, first)?;
    let head = tokens::tokenize(text, p).into_iter().next()?;
    (head.is_capitalized_word() && !head.info().is(WordList::CommonWord)).then_some(p)
}

/// The subject of a speech verb anywhere in the sentence (whose paragraph's tokens are
/// `paragraph_toks`), outside its quotes: "Stressing that the “…” and that “…”, X worried about “…”".
fn speaker_in_sentence(text: &Text, paragraph_toks: &[Token], sentence: Span, quotes: &[Span]) -> Option<(Span, String)> {
    let sentence_toks = tokens::within(paragraph_toks, sentence);
    let outside_quotes = |t: &&Token| !quotes.iter().any(|q| q.contains(t.span));
    let is_cue = |t: &Token| t.is_word() && !t.is_capitalized_word() && t.info().is(WordList::CueVerb);
    // Most sentences asked have no speech verb outside their quotes: their words are not copied.
    // A word is asked whether it is a speech verb first (its facts say so), and only a speech
    // verb whether it is outside the quotes.
    if !sentence_toks.iter().any(|t| is_cue(t) && outside_quotes(&t)) {
        return None;
    }
    // Room for the whole sentence at once, which the words outside its quotes never outgrow.
    let mut toks: Vec<Token> = Vec::with_capacity(sentence_toks.len());
    toks.extend(sentence_toks.iter().filter(outside_quotes));
    (0..toks.len()).find_map(|v| {
        if !is_cue(&toks[v]) {
            return None;
        }
        let w = fold_tok(text, &toks[v]);
        // "X defended “…”, saying …": a participle's speaker opens the sentence; so does an
        // infinitive's whose phrase before is a preposition's object ("went to Harvard to say").
        let infinitive = v > 0 && toks[v - 1].is_folded(text, "to");
        let speaker = if w.ends_with("ing") {
            named_subject(text, &toks, true)
        } else {
            match phrase_before(text, &toks, v) {
                Some(p) if infinitive && governed_by_preposition(text, &toks, p) => named_subject(text, &toks, false).filter(|s| *s != p),
                other => other,
            }
        };
        speaker.map(|p| (p, w.into_owned()))
    })
}

/// "Jane Roe agreed. “…”": a quote that opens a sentence, after a short
/// sentence of its paragraph that has a speaker and a speech verb but no quote.
fn speaker_of_previous_sentence(
    text: &Text,
    paragraph_toks: &[Token],
    sentences: &[Sentence],
    current: Span,
    quotes: &[Span],
) -> Option<(Span, String)> {
    let i = sentences.iter().position(|s| s.span.start == current.start)?;
    let prev = sentences.get(i.checked_sub(1)?)?.span;
    let quote_opens_sentence = quotes.iter().any(|q| q.start == current.start);
    if !quote_opens_sentence || quotes.iter().any(|q| prev.overlaps(*q)) || prev.text(text).split_whitespace().count() > 25 {
        return None;
    }
    speaker_in_sentence(text, paragraph_toks, prev, &[])
}

/// Short and in title case ("The Secret Soldiers of Benghazi"): a name of a
/// work. Titles the text calls works may run longer, subtitles and all.
///
/// Its words are read once, each only as far as the first that is not in title case: most
/// quotes are sentences, settled by their second or third word.
fn is_title_like(quote: &str, max_words: usize) -> bool {
    let inner = quote.trim_matches(|c: char| is_quote_char(c) || c.is_whitespace() || matches!(c, ',' | '.'));
    if inner.ends_with(['!', '?']) {
        return false;
    }
    let (mut count, mut any_not_small) = (0, false);
    // Counted only as far as it matters: a long quote is no title.
    for w in crate::page::words(inner).take(max_words + 1) {
        let small = is_small_title_word(w);
        let c = w.chars().next().unwrap_or(' ');
        if !(c.is_uppercase() || c.is_ascii_digit() || small) {
            return false;
        }
        any_not_small |= !small;
        count += 1;
    }
    (1..=max_words).contains(&count) && any_not_small && !(count == 1 && lexicon::is_person_pronoun(&lexicon::folded(inner)))
}

/// The words a title leaves in lowercase ("of", "the", "and"…).
fn is_small_title_word(w: &str) -> bool {
    matches!(w, "of" | "the" | "a" | "an" | "and" | "&" | "in" | "on" | "for" | "to" | "with" | "at" | "by")
}

/// The words just before a quotation say that it names a work: a possessive
/// ("MSNBC's “Morning Joe”"), a noun or verb for a work ("the book “…”",
/// "titled “…”", "a broadcast of “…”"), or an appearance "on" it.
fn names_a_work(before: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with("'s") || before.ends_with("’s") {
        return true;
    }
    let is_work = |w: &str| {
        matches!(
            w,
            "book"
                | "books"
                | "memoir"
                | "novel"
                | "show"
                | "program"
                | "programme"
                | "series"
                | "film"
                | "movie"
                | "documentary"
                | "song"
                | "album"
                | "podcast"
                | "episode"
                | "edition"
                | "broadcast"
                | "musical"
                | "column"
                | "newspaper"
                | "magazine"
                | "titled"
                | "entitled"
        )
    };
    let mut words = WordsFromEnd::new(before).map(lexicon::folded);
    match words.next().as_deref() {
        Some("on") => true,
        Some("of") => words.next().is_some_and(|w| is_work(&w)),
        Some(w) => is_work(w),
        None => false,
    }
}

/// The words of a text read from its end, words being runs of letters, digits and hyphens: the
/// pieces of `s.rsplit` at every other character that are not empty. Read a byte at a time while
/// the bytes are ASCII (every quote asks of the text before it, and most of that is ASCII), and
/// each only when asked for (most quotes ask for one); a character beyond ASCII, which may be a
/// letter, leaves the rest to that split.
struct WordsFromEnd<'s> {
    s: &'s str,
    /// Where the words not read yet end: after a separator, or at the text's end.
    end: usize,
    /// The split, once a character beyond ASCII was met.
    plain: Option<PlainWords<'s>>,
}

/// The words of a text from its end as the plain split reads them (see [`WordsFromEnd`]).
type PlainWords<'s> = std::iter::Filter<std::str::RSplit<'s, fn(char) -> bool>, fn(&&'s str) -> bool>;

/// Where [`WordsFromEnd`] splits: at every character but letters, digits and hyphens.
fn splits_words(c: char) -> bool {
    !c.is_alphanumeric() && c != '-'
}

impl<'s> WordsFromEnd<'s> {
    fn new(s: &'s str) -> Self {
        WordsFromEnd { s, end: s.len(), plain: None }
    }
}

impl<'s> Iterator for WordsFromEnd<'s> {
    type Item = &'s str;

    fn next(&mut self) -> Option<&'s str> {
        if let Some(plain) = &mut self.plain {
            return plain.next();
        }
        let bytes = self.s.as_bytes();
        let in_word = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
        let mut end = self.end;
        while end > 0 && bytes[end - 1].is_ascii() && !in_word(bytes[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && in_word(bytes[start - 1]) {
            start -= 1;
        }
        if start > 0 && !bytes[start - 1].is_ascii() {
            let unread = &self.s[..self.end];
            let non_empty: fn(&&'s str) -> bool = |w| !w.is_empty();
            return self.plain.insert(unread.rsplit(splits_words as fn(char) -> bool).filter(non_empty)).next();
        }
        self.end = start;
        (start < end).then(|| &self.s[start..end])
    }
}

fn quote_kind(text: &Text, q: Span, paragraph: Span) -> QuoteKind {
    let inner = text[q.start..q.end].trim_start_matches(|c: char| is_quote_char(c) || c.is_whitespace());
    let starts_upper = inner.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '[' | '…' | '(' | '.'));
    let before = text[paragraph.start..q.start].trim_end();
    let prev_char = before.chars().last();
    let opens_sentence = match prev_char {
        None => true,
        Some(c) => matches!(c, ':' | ',' | '.' | '?' | '!' | '—' | '–' | '(' | ';') || is_quote_char(c),
    };
    // Asked only of a quote that opens in capitals after no mark that opens a sentence.
    let after_cue = || before.rsplit(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| lexicon::is_cue_verb(&lexicon::folded(w)));
    if starts_upper && (opens_sentence || after_cue()) {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}

/// The quotes of an article with their speakers: each quote's speaker phrase is found here, and
/// [`resolve::speakers`] decides whom it names. `credits` are the spans of bylines and credits.
pub fn attribute(text: &str, layout: &Layout, paragraph_tokens: &[&[Token]], spans: &[QuoteSpan], credits: &[Span], found: &mut Found) -> Vec<Quote> {
    attribute_with_rules(text, layout, paragraph_tokens, spans, credits, found).0
}

/// [`attribute`], and the rule that found each quote's speaker phrase.
fn attribute_with_rules(
    text: &str,
    layout: &Layout,
    paragraph_tokens: &[&[Token]],
    spans: &[QuoteSpan],
    credits: &[Span],
    found: &mut Found,
) -> (Vec<Quote>, Vec<&'static str>) {
    let mut rules = Vec::with_capacity(spans.len());
    resolve::learn_introductions(text, layout, paragraph_tokens, found);
    let mut out: Vec<Quote> = Vec::with_capacity(spans.len());
    // Quotes are found paragraph after paragraph: a paragraph's lie together, in order.
    debug_assert!(spans.is_sorted_by_key(|q| q.paragraph));
    let mut kept: Vec<Option<usize>> = vec![None; spans.len()];
    // Each paragraph's sentences as they are found here, with the quotes they were found around:
    // resolution reads the same paragraphs' sentences again.
    let mut sentences_found: Vec<Option<resolve::FoundSentences>> = vec![None; layout.paragraphs.len()];
    // Every quotation's span, in order: a paragraph's are the run of them its sentences are
    // found around, and resolution reads them all.
    let quote_spans: Vec<Span> = spans.iter().map(|q| q.span).collect();

    // Speaker phrases are read with the names found so far: `found` changes only once they are.
    let article = Text { written: text, found };
    let mut first_id = 0;
    for paragraph_quotes in spans.chunk_by(|a, b| a.paragraph == b.paragraph) {
        // The indices in `spans` of the paragraph's quotes.
        let quote_ids = first_id..first_id + paragraph_quotes.len();
        first_id = quote_ids.end;
        let p_index = paragraph_quotes[0].paragraph;
        let text = &article;
        let paragraph = layout.paragraphs[p_index];
        let protected = &quote_spans[quote_ids.clone()];
        let toks = &paragraph_tokens[p_index];
        let mut sentences = Vec::new();
        tokens::sentences_into(text, paragraph, toks, protected, &mut sentences);
        for (k, i) in quote_ids.enumerate() {
            let q = spans[i];
            let sentence = sentences.iter().map(|s| s.span).find(|s| s.start <= q.span.start && q.span.start < s.end).unwrap_or(paragraph);
            let prev_end = k.checked_sub(1).map(|p| paragraph_quotes[p].span.end).filter(|&e| e > sentence.start);
            let next_start = paragraph_quotes.get(k + 1).map(|n| n.span.start).filter(|&s| s < sentence.end);
            let before = Span::new(prev_end.unwrap_or(sentence.start).max(sentence.start), q.span.start);
            let after = Span::new(q.span.end, next_start.unwrap_or(sentence.end).max(q.span.end));
            let after_toks = tokens::within(toks, after);
            let before_toks = tokens::within(toks, before);
            // `X said, “… .” He added, “…”`: a quote that ends its sentence and was
            // introduced by a cue belongs to that cue; the words after it open the next sentence.
            let ends_sentence =
                q.span.text(text).trim_end_matches(|c: char| crate::quotes::is_quote_char(c) || c.is_whitespace()).ends_with(['.', '!', '?', '…']);
            let introduced_by_cue = before.text(text).trim_end().ends_with([',', ':']);
            // `“… .” Kasich said he would …`: after a quote that ends its sentence, a
            // cue followed by a clause reports other speech; it does not attribute this one.
            let next_sentence_reports = ends_sentence && reports_speech(text, after_toks);
            let context = QuoteContext {
                text,
                layout,
                paragraph_tokens,
                p_index,
                toks,
                sentences: &sentences,
                protected,
                sentence: if next_sentence_reports { Span::new(sentence.start, q.span.end) } else { sentence },
                before: before_toks,
                after: after_toks,
                opens_paragraph: k == 0 && paragraph_start(text, q.span.start),
                finished_after_cue: ends_sentence && introduced_by_cue,
                next_sentence_reports,
            };
            let introduced = text[paragraph.start..q.span.start].trim_end().ends_with(':');
            let after_side = find_on_side(&context, Side::After);
            let unclaimed = after_side.is_none() && !introduced;
            let named_work = names_a_work(&text[paragraph.start..q.span.start]);
            let max_words = if named_work { 16 } else { 8 };
            if (unclaimed || named_work) && !q.continues_previous && is_title_like(q.span.text(text), max_words) {
                // "Morning Joe", "The Breakfast Club": a work's title, not speech.
                continue;
            }
            let mut attribution = find_speaker(&context, after_side).map(|(mention, cue, rule)| Attribution { mention, cue, rule });
            if attribution.is_none() {
                attribution = carried_over(text, toks, spans, &out, &kept, i, q, found);
            }
            let kind = if q.continues_previous {
                kept.get(i.wrapping_sub(1)).copied().flatten().map_or(QuoteKind::Full, |o| out[o].kind)
            } else {
                quote_kind(text, q.span, paragraph)
            };
            // Quotation marks with no speaker phrase anywhere near them hold a
            // headline, a caption, a title or a transcript more often than speech.
            if let Some(Attribution { mention, cue, rule }) = attribution {
                kept[i] = Some(out.len());
                rules.push(rule);
                out.push(Quote { span: q.span, kind, speaker_mention: Some(mention), speaker: None, cue: Some(cue) });
            }
        }
        sentences_found[p_index] = Some((protected, sentences));
    }
    // Whom each speaker phrase names, each phrase once.
    let mut mentions: Vec<Span> = out.iter().filter_map(|q| q.speaker_mention).collect();
    mentions.sort_unstable();
    mentions.dedup();
    // The quotes each phrase attributes, in the order of `out`, one phrase's after another's in
    // one list: counted first, then each put before the phrase's end, last first.
    let phrase_of = |q: &Quote| q.speaker_mention.and_then(|m| mentions.binary_search(&m).ok());
    let mut phrase_ends = vec![0; mentions.len()];
    for i in out.iter().filter_map(phrase_of) {
        phrase_ends[i] += 1;
    }
    let mut attributed = 0;
    for end in &mut phrase_ends {
        attributed += *end;
        *end = attributed;
    }
    let mut quotes_by_phrase = vec![Span::default(); attributed];
    // Each phrase's end moves back to its start as its quotes are put in.
    let mut phrase_starts = phrase_ends;
    for q in out.iter().rev() {
        if let Some(i) = phrase_of(q) {
            phrase_starts[i] -= 1;
            quotes_by_phrase[phrase_starts[i]] = q.span;
        }
    }
    let phrases: Vec<resolve::SpeakerMention> = mentions
        .iter()
        .enumerate()
        .map(|(i, &span)| {
            let end = phrase_starts.get(i + 1).copied().unwrap_or(attributed);
            resolve::SpeakerMention { span, quotes: &quotes_by_phrase[phrase_starts[i]..end] }
        })
        .collect();
    let speakers = resolve::speakers(text, layout, paragraph_tokens, &quote_spans, &phrases, credits, &mut sentences_found, found);
    for q in &mut out {
        let Some(m) = q.speaker_mention else { continue };
        let c = mentions.binary_search(&m).ok().and_then(|i| speakers[i]);
        // A name that speaks is a speaker even when nothing else says it is a person's ("“…,”
        // Maddow said"); through a pronoun or a description only a known person speaks.
        let named = |c: usize| found.within(m).any(|(_, n)| n == c);
        let c = c.filter(|&c| found.clusters[c].kind != EntityKind::Person || found.clusters[c].evidence || named(c));
        if let Some(c) = c {
            found.clusters[c].speaks = true;
        }
        q.speaker = c.map(|c| found.key(c));
    }
    (out, rules)
}

/// A quote with no cue of its own: it continues a quote left open in the
/// previous paragraph, or follows an attributed quote of its paragraph (with
/// no other name in between), or opens a paragraph right after one that ended
/// with an attributed quote. `out` holds the quotes attributed so far, and `kept` where each
/// quote attributed so far is in it; `paragraph_toks` are the words of `q`'s paragraph.
#[allow(clippy::too_many_arguments)]
fn carried_over(
    text: &Text,
    paragraph_toks: &[Token],
    spans: &[QuoteSpan],
    out: &[Quote],
    kept: &[Option<usize>],
    i: usize,
    q: QuoteSpan,
    found: &Found,
) -> Option<Attribution> {
    let prev = i.checked_sub(1)?;
    let p = spans[prev];
    let earlier = &out[kept[prev]?];
    let a = Attribution { mention: earlier.speaker_mention?, cue: earlier.cue.clone()?, rule: "carried-over" };
    if q.continues_previous && p.runs_on {
        return Some(a);
    }
    // Only a quote of the same or the next paragraph can carry a speaker on.
    if q.paragraph != p.paragraph && q.paragraph != p.paragraph + 1 {
        return None;
    }
    let gap = Span::new(p.span.end, q.span.start);
    // Another person who speaks, or starts a sentence, between the two quotes breaks the chain.
    // The gap's words are read only when such a person is named there: between two quotes of
    // one paragraph they are its words (a quote starts and ends where a word does); across a
    // paragraph's end, the text between is read.
    let mut gap_words: Option<Cow<[Token]>> = None;
    let names_between = found.within(gap).any(|(s, c)| {
        if found.clusters[c].kind != EntityKind::Person || s.overlaps(a.mention) || found.within(a.mention).any(|(_, m)| m == c) {
            return false;
        }
        let gap_toks: &[Token] = gap_words.get_or_insert_with(|| {
            if q.paragraph == p.paragraph {
                Cow::Borrowed(tokens::within(paragraph_toks, gap))
            } else {
                Cow::Owned(tokens::tokenize(text, gap))
            }
        });
        let at = gap_toks.partition_point(|t| t.span.start < s.start);
        let after = gap_toks.partition_point(|t| t.span.start < s.end);
        let word_is_cue = |k: usize| gap_toks.get(k).is_some_and(|t| t.listed(text).is(WordList::CueVerb));
        let after_abbreviation = at >= 2 && gap_toks[at - 1].text(text) == "." && is_abbreviated(text, &gap_toks[at - 2]);
        let starts_sentence = at == 0 || (matches!(gap_toks[at - 1].text(text), "." | "!" | "?") && !after_abbreviation);
        // "told X", "asked X": X listens; "said X": X speaks.
        let spoken_to = at > 0 && gap_toks[at - 1].is_folded_any(text, &["told", "tells", "tell", "asked", "asks"]);
        starts_sentence || word_is_cue(after) || (at > 0 && word_is_cue(at - 1) && !spoken_to)
    });
    if names_between {
        return None;
    }
    // A paragraph that is all quote, right after a paragraph whose last sentence
    // was an attributed quote ("“…,” X said."), goes on in X's voice.
    let opens_paragraph = q.paragraph == p.paragraph + 1 && paragraph_start(text, q.span.start);
    // The words between are read only for such a paragraph.
    let tail_is_attribution = || {
        let tail = gap.text(text);
        tail.trim().is_empty()
            || (tail.len() < 200
                && !tail.contains(['“', '"'])
                && crate::layout::trim(text, gap).is_none_or(|t| tokens::sentences(text, t, &[]).len() <= 1))
    };
    let next_paragraph = opens_paragraph && tail_is_attribution();
    (next_paragraph || q.paragraph == p.paragraph).then_some(a)
}

/// A speech verb followed by the clause it reports ("said that …", "said he would …").
fn reports_speech(text: &Text, toks: &[Token]) -> bool {
    toks.windows(2).any(|w| {
        w[0].is_word()
            && !w[0].is_capitalized_word()
            && w[0].info().is(WordList::CueVerb)
            && (w[1].is_folded(text, "that") || is_pronoun_tok(text, &w[1]))
    })
}

/// `He said:` ending a paragraph introduces the quote that opens the next one:
/// the speaker of that paragraph's last sentence.
fn introduced_by_previous_paragraph(text: &Text, layout: &Layout, paragraph_tokens: &[&[Token]], p_index: usize) -> Option<(Span, String)> {
    let previous = *layout.paragraphs.get(p_index.checked_sub(1)?)?;
    if !previous.text(text).trim_end().ends_with(':') {
        return None;
    }
    let toks = &paragraph_tokens[p_index - 1];
    let mut sentences = Vec::new();
    tokens::sentences_into(text, previous, toks, &[], &mut sentences);
    let last = sentences.last()?;
    let (last_sentence, words) = (last.span, last.tokens(toks));
    let context = QuoteContext {
        text,
        layout,
        paragraph_tokens,
        p_index: p_index - 1,
        toks,
        sentences: &sentences,
        protected: &[],
        sentence: last_sentence,
        before: words,
        after: &[],
        opens_paragraph: false,
        finished_after_cue: false,
        next_sentence_reports: false,
    };
    find_on_side(&context, Side::Before).map(|(mention, cue, _)| (mention, cue))
}

/// True when only whitespace stands between the last line break and `at`.
fn paragraph_start(text: &str, at: usize) -> bool {
    // Read back from `at` to the line's start: most often a word before it settles it.
    text[..at].chars().rev().find(|&c| c == '\n' || !c.is_whitespace()).is_none_or(|c| c == '\n')
}

#[cfg(test)]
mod tests {
    /// (quote as written, speaker's canonical name, the mention next to the quote) for every quote.
    fn attributions(body: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let a = crate::extract_text("t", format!("Harbour news\n\n{body}"));
        a.quotes
            .iter()
            .map(|q| {
                let name = q.speaker.as_ref().map(|k| a.entities.iter().find(|e| &e.key == k).expect("speaker is an entity").name.clone());
                (q.span.text(&a.text).to_string(), name, q.speaker_mention.map(|m| m.text(&a.text).to_string()))
            })
            .collect()
    }

    fn speakers(body: &str) -> Vec<Option<String>> {
        attributions(body).into_iter().map(|(_, s, _)| s).collect()
    }

    fn some(name: &str) -> Option<String> {
        Some(name.to_string())
    }

    /// [`super::is_title_like`] as first written: the words counted, then read again for their
    /// case and again for one that is not small.
    fn is_title_like_plainly(quote: &str, max_words: usize) -> bool {
        use crate::lexicon;
        let inner = quote.trim_matches(|c: char| crate::quotes::is_quote_char(c) || c.is_whitespace() || matches!(c, ',' | '.'));
        let words = || inner.split_whitespace();
        let count = words().take(max_words + 1).count();
        if count == 0 || count > max_words || inner.ends_with(['!', '?']) {
            return false;
        }
        let small = |w: &str| matches!(w, "of" | "the" | "a" | "an" | "and" | "&" | "in" | "on" | "for" | "to" | "with" | "at" | "by");
        words().all(|w| {
            let c = w.chars().next().unwrap_or(' ');
            c.is_uppercase() || c.is_ascii_digit() || small(w)
        }) && words().any(|w| !small(w))
            && !(count == 1 && lexicon::is_person_pronoun(&lexicon::folded(inner)))
    }

    proptest::proptest! {
        #[test]
        fn a_paragraph_starts_where_its_line_holds_only_whitespace_before(text in "[a \n\r\t\u{a0}\u{2003}é“]{0,24}", at in 0..24usize) {
            proptest::prop_assume!(text.is_char_boundary(at.min(text.len())));
            let at = at.min(text.len());
            let before = &text[..at];
            let plainly = before[before.rfind('\n').map_or(0, |n| n + 1)..].trim().is_empty();
            proptest::prop_assert_eq!(super::paragraph_start(&text, at), plainly, "{:?} {}", text, at);
        }

        #[test]
        fn the_words_from_the_end_are_read_by_bytes_as_by_splitting(s in "[a-zA-Z0-9é“”’' ,.:\n-]{0,24}") {
            let plain: Vec<&str> = s.rsplit(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(super::WordsFromEnd::new(&s).collect::<Vec<_>>(), plain, "{:?}", s);
        }

        #[test]
        fn titles_are_told_in_one_pass_as_in_three(
            quote in "[“\"‘ ]{0,2}((The|of|the|and|a|Secret|She|HE|it|3|2024|Ünited|élan|—|&|x)[ \t\u{a0},.!?]{1,2}){0,12}[”\"’ ]{0,2}",
            max_words in 0..18usize,
        ) {
            proptest::prop_assert_eq!(super::is_title_like(&quote, max_words), is_title_like_plainly(&quote, max_words), "{:?}", quote);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_words_between_two_quotes_of_a_paragraph_are_its_words_there(
            paragraph in "([“”\"‘’']|(Mr|Dr|U|said|Jane|Roe|told|he|it’s|O'Neil|3\\.5|é)|[ ,.:!?—-]){0,40}",
        ) {
            let text = paragraph;
            let whole = crate::Span::new(0, text.len());
            let toks = crate::tokens::tokenize(&text, whole);
            let spans = crate::quotes::find_in_tokens(&text, &[whole], &[&toks]);
            // What `carried_over` reads of a word (a mark's note of whether a sentence may open
            // after it depends on the marks before, and is not read there).
            let read = |toks: &[crate::tokens::Token]| -> Vec<_> {
                toks.iter().map(|t| (t.span, t.kind, t.info(), t.is_capitalized_word())).collect()
            };
            for pair in spans.windows(2) {
                let gap = crate::Span::new(pair[0].span.end, pair[1].span.start);
                proptest::prop_assert_eq!(read(crate::tokens::within(&toks, gap)), read(&crate::tokens::tokenize(&text, gap)), "{:?} {:?}", text, gap);
            }
        }
    }

    /// (quote as written, the rule that found its speaker phrase, the phrase) for every quote.
    fn rules(body: &str) -> Vec<(String, &'static str, Option<String>)> {
        let text = format!("Harbour news\n\n{body}");
        let layout = crate::layout::analyse(&text);
        let paragraph_tokens: Vec<Vec<crate::tokens::Token>> = layout.paragraphs.iter().map(|&p| crate::tokens::tokenize(&text, p)).collect();
        let paragraph_tokens: Vec<&[crate::tokens::Token]> = paragraph_tokens.iter().map(Vec::as_slice).collect();
        let mut found = crate::entities::recognise(&text, &layout, &paragraph_tokens);
        let spans = crate::quotes::find(&text, &layout.paragraphs);
        let (quotes, rules) = super::attribute_with_rules(&text, &layout, &paragraph_tokens, &spans, &layout.credits, &mut found);
        quotes.iter().zip(rules).map(|(q, r)| (q.span.text(&text).to_string(), r, q.speaker_mention.map(|m| m.text(&text).to_string()))).collect()
    }

    /// One example for every speaker rule: (paragraphs, the quote's first words, the rule, the phrase it finds).
    const RULE_EXAMPLES: &[(&str, &str, &str, &str)] = &[
        ("“The pier stays open,” said Marta Quist.", "“The pier", "cue-then-name", "Marta Quist"),
        (
            "“Sailing without a radio is illegal,” according to the Maritime Safety Board.",
            "“Sailing",
            "according-to-after",
            "the Maritime Safety Board",
        ),
        ("“Nobody asked the fishermen.” ― Olaf Brenner", "“Nobody", "signature-after-dash", "Olaf Brenner"),
        ("“We will not pay,” Olaf Brenner told reporters.", "“We will", "name-then-cue", "Olaf Brenner"),
        ("According to Olaf Brenner, “the dredging costs too much.”", "“the dredging", "according-to-before", "Olaf Brenner"),
        ("Marta Quist: “The pier stays open.”", "“The pier", "name-and-colon", "Marta Quist"),
        ("Marta Quist said on Monday, “The pier stays open all winter.”", "“The pier", "last-speech-verb-before", "Marta Quist"),
        ("Marta Quist leaned in and waved: “The pier stays open.”", "“The pier", "colon-after-a-named-clause", "Marta Quist"),
        (
            "Calling the plan “reckless” and the budget “a fantasy”, Marta Quist said she would vote no.",
            "“reckless",
            "speech-verb-in-sentence",
            "Marta Quist",
        ),
        ("Olaf Brenner disagreed, he said. “Nobody asked the fishermen what they want.”", "“Nobody", "previous-sentence", "he"),
        ("Marta Quist said in a statement:\n\n“The pier stays open all winter.”", "“The pier", "colon-ending-previous-paragraph", "Marta Quist"),
        ("“The pier stays open,” Marta Quist said. “And the ferry runs.”", "“And the", "carried-over", "Marta Quist"),
    ];

    #[test]
    fn every_speaker_rule_finds_its_example() {
        let mut wrong = Vec::new();
        for &(body, quote, rule, phrase) in RULE_EXAMPLES {
            let got = rules(body);
            if !got.iter().any(|(q, r, p)| q.starts_with(quote) && *r == rule && p.as_deref() == Some(phrase)) {
                wrong.push(format!("{body:?}: {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
        for rule in super::SPEAKER_RULES.iter().map(|r| r.name).chain(["carried-over"]) {
            assert!(RULE_EXAMPLES.iter().any(|&(_, _, r, _)| r == rule), "{rule} has no example");
        }
    }

    #[test]
    fn speaker_after_the_quote() {
        assert_eq!(speakers("“The pier stays open all winter,” said Marta Quist, the harbour master."), [some("Marta Quist")]);
        assert_eq!(speakers("“We will not pay for the dredging,” Olaf Brenner told reporters on Monday."), [some("Olaf Brenner")]);
        assert_eq!(speakers("Port director Marta Quist runs the harbour. “Why would we close it?” the director asked."), [some("Marta Quist")]);
    }

    #[test]
    fn according_to_after_the_quote_names_the_source() {
        let got = attributions("“Sailing without a working radio is illegal,” according to the Maritime Safety Board.");
        assert_eq!(got[0].2.as_deref(), Some("the Maritime Safety Board"));
        // A document speaks for whoever issued it.
        let got = attributions("“The dredging will end in May,” according to a statement released by Marta Quist, the harbour director.");
        assert_eq!(got[0].1, some("Marta Quist"));
    }

    #[test]
    fn a_name_may_end_in_a_common_word() {
        let got = attributions("“Ticket sales rose over the summer,” Harbour News reported.");
        assert_eq!(got[0].2.as_deref(), Some("Harbour News"));
        // A common word that opens the sentence is not part of the speaker.
        let got = attributions("The ferry runs daily. “Tickets sold out,” Marta Quist said. But Quist said nothing more.");
        assert_eq!(got[0].1, some("Marta Quist"));
    }

    #[test]
    fn a_participle_speaks_for_the_subject_of_its_sentence() {
        let got = attributions(
            "Marta Quist has delivered an impassioned defence of “harbour values,” saying the town embodied the “courage of the coast.”",
        );
        assert_eq!(got.iter().map(|(_, s, _)| s.clone()).collect::<Vec<_>>(), [some("Marta Quist"), some("Marta Quist")]);
    }

    #[test]
    fn a_speech_word_after_an_article_is_a_noun() {
        let got = attributions("Mr. Brenner has denied wrongdoing, calling the reports “anonymous hearsay.”");
        assert_eq!(got[0].2.as_deref(), Some("Mr. Brenner"));
        // Determiners that stand for people still speak.
        let got = attributions("The crews met on Monday. “We will not sail,” some said.");
        assert_eq!(got[0].2.as_deref(), Some("some"));
    }

    #[test]
    fn names_ending_like_adverbs_are_names() {
        assert_eq!(speakers("“We will win the vote,” Kelly said."), [some("Kelly")]);
        assert_eq!(speakers("“We will win the vote,” Holly Reilly said."), [some("Holly Reilly")]);
    }

    #[test]
    fn a_time_and_an_aside_between_a_speaker_and_the_verb_are_stepped_over() {
        let got = speakers("Harbour master Marta Quist, in an interview with the Harbour Times (HT), on Thursday said the pier was “safe”.");
        assert_eq!(got, [some("Marta Quist")]);
        assert_eq!(speakers("Olaf Brenner last week said the dredging was “a waste”."), [some("Olaf Brenner")]);
    }

    #[test]
    fn an_infinitive_speaks_for_its_sentence_subject() {
        let got = attributions("Norway's harbour minister travelled to Oslo University to say the pier was “finished”.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2.as_deref(), Some("Norway's harbour minister"));
        assert_eq!(got[0].1, None, "nobody introduced as the minister: no name, and not the university");
    }

    #[test]
    fn speaker_before_the_quote() {
        assert_eq!(speakers("Marta Quist said: “The pier stays open all winter.”"), [some("Marta Quist")]);
        assert_eq!(speakers("According to Olaf Brenner, “the dredging costs too much for one town.”"), [some("Olaf Brenner")]);
        assert_eq!(speakers("Olaf Brenner was quoted as saying “the dredging costs too much for one town.”"), [some("Olaf Brenner")]);
    }

    #[test]
    fn a_quote_split_by_its_attribution_has_one_speaker() {
        let got = speakers("“The pier stays open,” Marta Quist said, “and the ferry keeps its timetable all winter.”");
        assert_eq!(got, [some("Marta Quist"), some("Marta Quist")]);
    }

    #[test]
    fn pronouns_go_to_the_right_earlier_person() {
        let got = attributions(
            "Marta Quist met Olaf Brenner on Monday. “The pier stays open all winter,” she said. “We will not pay for the dredging,” he said.",
        );
        assert_eq!(got[0].1, some("Marta Quist"));
        assert_eq!(got[0].2.as_deref(), Some("she"));
        assert_eq!(got[1].1, some("Olaf Brenner"));
        assert_eq!(got[1].2.as_deref(), Some("he"));
    }

    #[test]
    fn descriptions_resolve_through_titles_seen_earlier() {
        let got = speakers(
            "Norwegian Prime Minister Ingrid Solberg visited the port. “We will rebuild the quay before spring,” the Norwegian leader said.",
        );
        assert_eq!(got, [some("Ingrid Solberg")]);
    }

    #[test]
    fn organisations_can_speak() {
        let got = speakers("“The strike is over and the ships may sail again,” the Kremlin said on Tuesday.");
        assert_eq!(got, [some("Kremlin")]);
    }

    #[test]
    fn a_cue_that_introduces_a_quote_beats_the_next_sentence() {
        let got = speakers("Marta Quist said, “The pier stays open all winter.” Olaf Brenner added, “The dredging costs too much for one town.”");
        assert_eq!(got, [some("Marta Quist"), some("Olaf Brenner")]);
    }

    #[test]
    fn reported_speech_after_a_finished_quote_is_not_its_attribution() {
        let got = speakers("Marta Quist told the council on Monday. “The pier stays open all winter.” Olaf Brenner said he would fight the plan.");
        assert_eq!(got, [some("Marta Quist")]);
        // With no speaker left, the quote is not reported at all.
        let got = speakers("The council met on Monday. “The pier stays open all winter.” Olaf Brenner said he would fight the plan.");
        assert_eq!(got, []);
    }

    #[test]
    fn a_long_apposition_is_stepped_over() {
        let got = speakers(
            "Olaf Brenner, a fisherman from the north side of the bay and the head of the local boat club, said: “We will not pay for the dredging.”",
        );
        assert_eq!(got, [some("Olaf Brenner")]);
    }

    #[test]
    fn a_coordinated_verb_shares_the_subject() {
        let got = speakers("Marta Quist waved the crowd quiet, then leaned in and declared: “The pier stays open all winter.”");
        assert_eq!(got, [some("Marta Quist")]);
    }

    #[test]
    fn a_named_apposition_is_the_speaker() {
        let got = speakers("The port's chief engineer, Olaf Brenner, said: “The dredging costs too much for one town.”");
        assert_eq!(got, [some("Olaf Brenner")]);
    }

    #[test]
    fn a_paragraph_ending_in_a_colon_introduces_the_next() {
        let got = speakers("Harbour master Marta Quist said in a statement:\n\n“The pier stays open all winter, whatever the weather brings.”");
        assert_eq!(got, [some("Marta Quist")]);
    }

    #[test]
    fn a_quote_with_no_cue_continues_the_speaker_of_its_paragraph() {
        let got = speakers("“The pier stays open all winter,” Marta Quist said. “And the ferry keeps its timetable.”");
        assert_eq!(got, [some("Marta Quist"), some("Marta Quist")]);
    }

    #[test]
    fn another_speaker_in_between_breaks_the_chain() {
        let got = speakers(
            "“The pier stays open all winter,” Marta Quist said.\n\nOlaf Brenner disagreed with the plan.\n\n“Nobody asked the fishermen what they want from this harbour.”",
        );
        assert_eq!(got, [some("Marta Quist")], "the last quote has no speaker of its own and is not reported");
    }

    #[test]
    fn scare_quotes_go_to_the_speaker_of_the_reported_speech() {
        let got = attributions("Marta Quist said the closure was a “temporary pause” and nothing more.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, some("Marta Quist"));
    }

    #[test]
    fn titles_of_works_are_not_quotes_even_in_a_sentence_with_a_cue() {
        assert_eq!(speakers("Speaking on Channel Nine’s “Harbour Tonight,” Mayor Petra Lind said the ferry would run."), []);
        assert_eq!(speakers("In an interview on “Coast and Country” the mayor, Petra Lind, said the ferry would run."), []);
        let body = "Olaf Brenner, author of the book “Tides and Tolls: How a Small Port Paid for Its Own Pier,” said fees would rise.";
        assert_eq!(speakers(body), []);
        // The same words as speech, and a title-cased quote that is speech, stay quotes.
        assert_eq!(speakers("“Harbour Tonight,” Mayor Petra Lind said, “starts now.”").len(), 2);
        assert_eq!(speakers("Petra Lind told the council: “Open The Pier.”").len(), 1);
    }

    #[test]
    fn quotation_marks_with_no_speaker_near_them_are_not_quotes() {
        assert_eq!(speakers("“The pier will stay open for boats of every size,” was printed on every leaflet handed out on Monday."), []);
    }

    #[test]
    fn it_speaks_for_a_body_and_stays_unattributed() {
        let got = attributions("The port authority published its winter plan on Monday. It added, “The pier stays open all winter.”");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].1.as_deref(), got[0].2.as_deref()), (None, Some("It")));
    }

    #[test]
    fn no_name_beats_a_wrong_one() {
        let got = speakers("“The pier stays open all winter, whatever the weather brings,” read a sign on the gate.");
        assert!(got.iter().all(Option::is_none), "{got:?}");
    }

    #[test]
    fn a_place_after_a_preposition_of_place_is_no_speaker() {
        // After an aside set off by commas, the subject before it speaks.
        let got = attributions("Nadia Ferreira, at a packed meeting in Bristol, Tennessee, said she would “put a clinic in every valley” soon.");
        assert_eq!(got[0].1, some("Nadia Ferreira"), "{got:?}");
        // Otherwise the head the place's prepositions hang from: here no one the article names.
        let got = attributions("A woman in the audience at a rally in Bristol asked him: “Will you close the mine?”");
        assert_eq!((got[0].1.as_deref(), got[0].2.as_deref()), (None, Some("A woman")), "{got:?}");
        // A comma that closes an opening phrase opens no aside: the words after it are the subject.
        let got = attributions("After meeting Governor Mara Quell, residents in Bristol, Tennessee, said they were “not convinced.”");
        assert_eq!(got[0].1, None, "{got:?}");
        // A place in apposition to a common noun says where, too.
        let got = attributions("Oren Castell, who farms outside the state capital, Bristol, said he “will not sell an acre” to the developers.");
        assert_eq!(got[0].1, some("Oren Castell"), "{got:?}");
        // So does the last of a list of places after "in".
        let got = attributions("In a survey, eight in 10 growers in Ohio and Oregon were worried about the plan; most said it was “a disgrace.”");
        assert!(!got.is_empty() && got.iter().all(|(_, name, _)| name.is_none()), "{got:?}");
        // A place that is the subject still speaks for its people.
        let got = attributions("Tennessee said it would “review every contract” this year.");
        assert_eq!(got[0].1, some("Tennessee"), "{got:?}");
    }

    #[test]
    fn a_role_with_its_domain_in_lowercase_then_its_holder() {
        let got = attributions("“The first line of defence is the community,” said former secretary of state Hillary Clinton, who spoke in Ohio.");
        assert_eq!(
            (got[0].1.as_deref(), got[0].2.as_deref()),
            (Some("Hillary Clinton"), Some("former secretary of state Hillary Clinton")),
            "{got:?}"
        );
        let got = attributions("“We will cut taxes,” said the minister of finance Ama Owusu on Monday.");
        assert_eq!(got[0].1, some("Ama Owusu"), "{got:?}");
        // Not a relation's: "the wife of" a person is someone else; nor a role of someone's.
        for other in [
            "“We will cut taxes,” said the wife of Ama Owusu on Monday.",
            "“We will cut taxes,” said the wife of former senator Ama Owusu on Monday.",
            "“It is over,” said a critic of prime minister Ama Owusu.",
            "“It is over,” said the secretary of state Mara Quell's spokesman.",
        ] {
            let got = attributions(other);
            assert_eq!(got[0].1, None, "{got:?}");
        }
    }
}
