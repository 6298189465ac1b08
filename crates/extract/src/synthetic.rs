//! Realistic synthetic news for benchmarks and load tests: invented names,
//! titles, quotes in every mark style, pronoun attributions, descriptions,
//! narrative paragraphs without quotes, and dates. Articles are news-length
//! (about 4 KB and 12 quotes), so 10,000 of them are about 40 MB.
//! Deterministic for a seed; no real text involved.

const GIVEN: &[(&str, bool)] = &[
    ("Anna", false),
    ("Marek", true),
    ("Sofia", false),
    ("Tomas", true),
    ("Elena", false),
    ("Pavel", true),
    ("Ingrid", false),
    ("Jonas", true),
    ("Maria", false),
    ("Viktor", true),
    ("Clara", false),
    ("Oskar", true),
    ("Helena", false),
    ("Lukas", true),
    ("Irena", false),
    ("Martin", true),
    ("Eva", false),
    ("Daniel", true),
    ("Lucia", false),
    ("Stefan", true),
    ("Nina", false),
    ("Andreas", true),
    ("Petra", false),
    ("Milan", true),
    ("Julia", false),
    ("Karl", true),
    ("Vera", false),
    ("Emil", true),
    ("Alma", false),
    ("Felix", true),
];
const FAMILY: &[&str] = &[
    "Kowalski", "Berg", "Novak", "Lind", "Petrov", "Holm", "Varga", "Moreau", "Keller", "Costa", "Dahl", "Ferro", "Horvath", "Nieminen", "Santos",
    "Brandt", "Wolff", "Marin", "Jensen", "Kovacs", "Rossi", "Lange", "Bauer", "Sousa", "Ferreira", "Hagen", "Strand", "Meyer", "Fischer", "Nowak",
    "Dvorak", "Laine", "Blom", "Mendes", "Weber", "Richter", "Sandberg", "Virtanen", "Hoffmann", "Esposito",
];
const ROLES: &[&str] =
    &["President", "Prime Minister", "Foreign Minister", "Finance Minister", "Mayor", "spokesman", "union leader", "opposition leader"];
const PLACES: &[(&str, &str)] = &[
    ("Oslo", "Norwegian"),
    ("Warsaw", "Polish"),
    ("Lisbon", "Portuguese"),
    ("Vienna", "Austrian"),
    ("Prague", "Czech"),
    ("Madrid", "Spanish"),
    ("Helsinki", "Finnish"),
    ("Athens", "Greek"),
    ("Budapest", "Hungarian"),
    ("Copenhagen", "Danish"),
    ("Stockholm", "Swedish"),
    ("Rome", "Italian"),
    ("Berlin", "German"),
    ("Dublin", "Irish"),
    ("Brussels", "Belgian"),
    ("Bratislava", "Slovak"),
];
const ORGS: &[&str] = &[
    "the Harbour Authority",
    "the Northern Grain Company",
    "the Transport Workers Union",
    "the Central Bank",
    "the National Audit Office",
    "the Coastal Energy Group",
    "the Farmers Association",
    "the Rail Passengers Council",
    "the Chamber of Commerce",
    "the Teachers Federation",
];
const OUTLETS: &[&str] = &["the Morning Ledger", "Radio North", "the Evening Courier", "Channel Five"];
const TOPICS: &[&str] = &[
    "the bridge",
    "the budget",
    "the strike",
    "the new rail line",
    "the election",
    "the trade deal",
    "the port",
    "the pension reform",
    "the energy plan",
    "the tunnel",
    "the school reform",
    "the water tax",
];
const VERBS: &[&str] = &["said", "told reporters", "added", "warned", "insisted", "explained"];
const ACTIONS: &[&str] = &["finish", "review", "fund", "defend", "rethink", "delay", "approve"];
const ADJECTIVES: &[&str] = &["essential", "overdue", "fair", "a necessity", "reckless", "premature", "a betrayal", "long overdue"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
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
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Someone quoted in an article.
struct Person {
    given: &'static str,
    family: &'static str,
    pronoun: &'static str,
    role: &'static str,
    place: &'static str,
    demonym: &'static str,
}

impl Person {
    fn new(rng: &mut Rng) -> Person {
        let (given, male) = rng.pick(GIVEN);
        let (place, demonym) = rng.pick(PLACES);
        Person { given, family: rng.pick(FAMILY), pronoun: if male { "he" } else { "she" }, role: rng.pick(ROLES), place, demonym }
    }
}

/// One article's file text, in one of the header shapes the seeds use.
pub fn article(rng: &mut Rng, index: usize) -> String {
    let main = Person::new(rng);
    let other = Person::new(rng);
    let topic = rng.pick(TOPICS);
    let org = rng.pick(ORGS);
    let (year, month, day) = (2015 + rng.below(10), rng.below(12), 1 + rng.below(28));
    let place = main.place;
    let title = format!("{place} {} {} speaks out on {topic}", main.role.split(' ').next_back().unwrap_or(main.role), main.family);
    let mut body = vec![format!(
        "{} {} {} {} on {} defended {topic}, saying the plan was “{}” for {place}.",
        main.demonym,
        main.role,
        main.given,
        main.family,
        rng.pick(WEEKDAYS),
        rng.pick(ADJECTIVES)
    )];
    let target = 2000 + rng.below(3500);
    let mut other_introduced = false;
    let mut length = body[0].len();
    while length < target {
        let (open, close) = rng.pick(MARKS);
        let verb = rng.pick(VERBS);
        let month_name = MONTHS[month];
        let sentence = match rng.below(5) {
            0 => format!("We will {} {topic} before {month_name} {day}, and nobody in {place} should doubt it", rng.pick(ACTIONS)),
            1 => format!("This is the most important decision the government has taken in {} years", 5 + rng.below(30)),
            2 => format!("I have spoken to {} {} and we agree that the talks must go on", other.given, other.family),
            3 => format!("The numbers from {org} do not add up, and everybody in {} knows it", other.place),
            _ => "We are ready to talk, but not at any price".to_string(),
        };
        // The second speaker is introduced in full before being quoted by surname or pronoun.
        let speaker = if rng.below(3) == 0 { &other } else { &main };
        if std::ptr::eq(speaker, &other) && !other_introduced {
            other_introduced = true;
            body.push(format!(
                "{} {}, the {} {} {}, took a different view.",
                other.given,
                other.family,
                other.demonym,
                other.role.to_lowercase(),
                if rng.below(2) == 0 { "in the capital" } else { "at a news conference" }
            ));
        }
        let family = speaker.family;
        // About a third of the paragraphs quote someone; the rest are narrative, as in real news.
        let para = match rng.below(24) {
            0 => format!("{open}{sentence},{close} {family} {verb}."),
            1 => format!("{open}{sentence},{close} {} {verb}. {open}There is no other way.{close}", speaker.pronoun),
            2 => format!("{} {family} {verb}: {open}{sentence}.{close}", speaker.given),
            3 => format!("Officials at {org} disagreed. {open}This is not what {place} needs,{close} a spokesman said."),
            4 => format!("The {} {} {verb} that {topic} was {open}{}{close} in {year}.", speaker.demonym, speaker.role.to_lowercase(), rng.pick(&["popular", "misunderstood", "urgent"])),
            5 => format!("{open}{sentence},{close} {family} said, {open}and we will not wait for {org}.{close}"),
            6 => format!("According to {family}, {topic} is {open}{}{close} and should be decided before {month_name}.", rng.pick(ADJECTIVES)),
            7 => format!("{family} told {} that the talks had been {open}{}{close}, adding: {open}{sentence}.{close}", rng.pick(OUTLETS), rng.pick(&["difficult", "honest", "useful"])),
            8..=11 => format!("The {topic_cap} has divided {place} since {month_name} {}, when {org} first proposed it. Critics say the plan was drawn up in a hurry, while supporters point to the {} jobs it would bring.", year - 1, 100 * (1 + rng.below(40)), topic_cap = &topic[4..]),
            12..=15 => format!("According to figures published by {org} on {}, the cost of {topic} rose by {} percent last year, and a further rise is expected before the end of {}.", rng.pick(WEEKDAYS), 2 + rng.below(20), MONTHS[(month + 3) % 12]),
            16..=19 => format!("{place} and {} have argued over {topic} for years. Talks between the two governments are expected to resume next week in {}, {} diplomats said.", other.place, rng.pick(PLACES).0, rng.pick(PLACES).1),
            _ => format!("The vote on {topic} is scheduled for {}, {month_name} {}. Opinion polls published in {} suggest that a narrow majority of voters in {place} back the plan.", rng.pick(WEEKDAYS), 1 + rng.below(28), year),
        };
        length += para.len() + 2;
        body.push(para);
    }
    match index % 3 {
        0 => format!("title: {title}\ndate: {year}-{:02}-{day:02}\nsource: synthetic\n\n{}\n", month + 1, body.join("\n\n")),
        1 => format!(" date {year}-{:02}-{day:02} {}\n", month + 1, body.join("\n\n")),
        _ => format!("{title}\n\n{}\n", body.join("\n\n")),
    }
}

/// Articles as (file name, text), one after another, made as they are asked for: a corpus of
/// any size streams without being held.
pub fn articles(seed: u64) -> impl Iterator<Item = (String, String)> {
    let mut rng = Rng::new(seed);
    (0..).map(move |i| (format!("synthetic_{i:05}.txt"), article(&mut rng, i)))
}

/// `n` articles as (file name, text).
pub fn corpus(n: usize, seed: u64) -> Vec<(String, String)> {
    articles(seed).take(n).collect()
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

    #[test]
    fn news_length() {
        let articles = corpus(200, 3);
        let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
        let quotes: usize = articles.iter().map(|(n, t)| crate::extract(n, t.as_bytes()).quotes.len()).sum();
        assert!((3000..5500).contains(&(bytes / 200)), "{} bytes per article", bytes / 200);
        assert!((7..15).contains(&(quotes / 200)), "{} quotes per article", quotes / 200);
    }
}
