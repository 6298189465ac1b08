//! Realistic synthetic news for benchmarks and load tests: invented names,
//! titles, quotes in every mark style, pronoun attributions, descriptions and
//! dates. Deterministic for a seed; no real text involved.

const GIVEN: &[(&str, bool)] = &[
    ("Anna", false), ("Marek", true), ("Sofia", false), ("Tomas", true), ("Elena", false), ("Pavel", true),
    ("Ingrid", false), ("Jonas", true), ("Maria", false), ("Viktor", true), ("Clara", false), ("Oskar", true),
];
const FAMILY: &[&str] = &["Kowalski", "Berg", "Novak", "Lind", "Petrov", "Holm", "Varga", "Moreau", "Keller", "Costa", "Dahl", "Ferro"];
const ROLES: &[&str] = &["President", "Prime Minister", "Foreign Minister", "Mayor", "spokesman", "union leader"];
const PLACES: &[(&str, &str)] = &[
    ("Oslo", "Norwegian"), ("Warsaw", "Polish"), ("Lisbon", "Portuguese"), ("Vienna", "Austrian"),
    ("Prague", "Czech"), ("Madrid", "Spanish"), ("Helsinki", "Finnish"), ("Athens", "Greek"),
];
const ORGS: &[&str] = &["the Harbour Authority", "the Northern Grain Company", "the Transport Workers Union", "the Central Bank"];
const TOPICS: &[&str] = &["the bridge", "the budget", "the strike", "the new rail line", "the election", "the trade deal", "the port"];
const VERBS: &[&str] = &["said", "told reporters", "added", "warned", "insisted", "explained"];
const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MARKS: &[(&str, &str)] = &[("“", "”"), ("\"", "\""), ("“", "\""), ("«", "»")];

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One article's file text, in one of the header shapes the seeds use.
pub fn article(rng: &mut Rng, index: usize) -> String {
    let (given, male) = *rng.pick(GIVEN);
    let family = rng.pick(FAMILY);
    let (place, demonym) = *rng.pick(PLACES);
    let role = rng.pick(ROLES);
    let topic = rng.pick(TOPICS);
    let org = rng.pick(ORGS);
    let (year, month, day) = (2015 + rng.below(10), rng.below(12), 1 + rng.below(28));
    let pronoun = if male { "he" } else { "she" };
    let title = format!("{place} {role} {family} speaks out on {topic}", role = role.split(' ').next_back().unwrap_or(role));
    let mut body = Vec::new();
    body.push(format!(
        "{demonym} {role} {given} {family} on Thursday defended {topic}, saying the plan was “{}” for {place}.",
        rng.pick(&["essential", "overdue", "fair", "a necessity"])
    ));
    for p in 0..3 + rng.below(5) {
        let (open, close) = *rng.pick(MARKS);
        let verb = rng.pick(VERBS);
        let sentence = format!(
            "We will {} {topic} before {} {day}, and nobody in {place} should doubt it",
            rng.pick(&["finish", "review", "fund", "defend", "rethink"]),
            MONTHS[month]
        );
        let para = match (p + index) % 5 {
            0 => format!("{open}{sentence},{close} {family} {verb}."),
            1 => format!("{open}{sentence},{close} {pronoun} {verb}. {open}There is no other way.{close}"),
            2 => format!("{given} {family} {verb}: {open}{sentence}.{close}"),
            3 => format!("Officials at {org} disagreed. {open}This is not what {place} needs,{close} a spokesman said."),
            _ => format!("The {demonym_l} {role_l} {verb} that {topic} was {open}{}{close} in {year}.", rng.pick(&["popular", "misunderstood", "urgent"]), demonym_l = demonym, role_l = role.to_lowercase()),
        };
        body.push(para);
    }
    match index % 3 {
        0 => format!("title: {title}\ndate: {year}-{:02}-{day:02}\nsource: synthetic\n\n{}\n", month + 1, body.join("\n\n")),
        1 => format!(" date {year}-{:02}-{day:02} {}\n", month + 1, body.join("\n\n")),
        _ => format!("{title}\n\n{}\n", body.join("\n\n")),
    }
}

/// `n` articles as (file name, text).
pub fn corpus(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    (0..n).map(|i| (format!("synthetic_{i:05}.txt"), article(&mut rng, i))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_extractable() {
        assert_eq!(corpus(5, 7), corpus(5, 7));
        for (name, text) in corpus(30, 1) {
            let a = crate::extract(&name, text.as_bytes());
            assert!(a.quotes.len() >= 3, "{name}: {text}");
            assert!(a.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 2, "{name}: {text}");
        }
    }
}
