//! The timeline: how many items of a view fall in each day, week, month or year.
//!
//! The unit is chosen from the span of the dates the items have, so a view of a few weeks
//! shows days and one of ten years shows years, with at most about sixty bars. A bar, or a
//! run of bars, becomes a date range for `from=`/`to=`. Everything here is plain arithmetic on
//! day numbers, tested on the host; the chart only draws it.
//!
//! Dates are handled by hand (days since 1970-01-01, Howard Hinnant's civil-date formulas, a
//! few lines): the page needs day numbers, weeks that start on Monday and month names, nothing
//! of time zones, formats or parsing that a date crate would add to the page's module.

use crate::corpus::Corpus;
use crate::filter::Results;
use crate::state::View;

/// `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`: their first day) as days since 1970-01-01.
pub fn day(iso: &str) -> Option<i32> {
    let number = |from: usize, to: usize| -> Option<u32> {
        let digits = iso.get(from..to)?;
        digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok())?
    };
    let year = number(0, 4)? as i32;
    let month = if iso.len() > 4 { number(5, 7)? } else { 1 };
    let day = if iso.len() > 7 { number(8, 10)? } else { 1 };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| days_from_civil(year, month, day))
}

/// A date written as the number `YYYYMMDD` (an index's columns) as days since 1970-01-01;
/// `None` for 0 (undated) or a number that is no date.
pub fn day_number(yyyymmdd: u32) -> Option<i32> {
    let (year, month, day) = (yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    (year > 0 && (1..=12).contains(&month) && (1..=31).contains(&day)).then(|| days_from_civil(year as i32, month, day))
}

/// The last day a date bound of `YYYY-MM-DD`, `YYYY-MM` or `YYYY` takes in: `to=2023-02` ends on February 28.
pub fn last_day(iso: &str) -> Option<i32> {
    let first = day(iso)?;
    Some(match iso.len() {
        4 => Unit::Year.start(Unit::Year.key(first) + 1) - 1,
        7 => Unit::Month.start(Unit::Month.key(first) + 1) - 1,
        _ => first,
    })
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400) as u32;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era as i32 - 719_468
}

/// Day number → (year, month, day).
pub fn civil(day: i32) -> (i32, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097) as u32;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (year_of_era as i32 + era * 400 + i32::from(m <= 2), m, d)
}

/// `YYYY-MM-DD` of a day number.
pub fn iso(day: i32) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A day as a reader writes it: "5 March 2023".
pub fn spoken(day: i32) -> String {
    let (y, m, d) = civil(day);
    format!("{d} {} {y}", MONTHS[(m as usize + 11) % 12])
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Day,
    /// Monday to Sunday.
    Week,
    Month,
    Year,
}

/// The longest span, in units, drawn in each unit before the next coarser one is taken:
/// about sixty bars at most, and a few months in months rather than in a hundred days.
const DAYS_AT_MOST: i32 = 45;
const WEEKS_AT_MOST: i32 = 30;
const MONTHS_AT_MOST: i32 = 60;

impl Unit {
    /// The finest unit that draws the days `first..=last` in few enough bars.
    pub fn for_span(first: i32, last: i32) -> Unit {
        let periods = |unit: Unit| unit.key(last) - unit.key(first) + 1;
        if periods(Unit::Day) <= DAYS_AT_MOST {
            Unit::Day
        } else if periods(Unit::Week) <= WEEKS_AT_MOST {
            Unit::Week
        } else if periods(Unit::Month) <= MONTHS_AT_MOST {
            Unit::Month
        } else {
            Unit::Year
        }
    }

    /// The number of the period that holds `day`; consecutive periods have consecutive numbers.
    fn key(self, day: i32) -> i32 {
        match self {
            Unit::Day => day,
            // Day 0 was a Thursday: day −3 the Monday of its week.
            Unit::Week => (day + 3).div_euclid(7),
            Unit::Month => {
                let (y, m, _) = civil(day);
                y * 12 + m as i32 - 1
            }
            Unit::Year => civil(day).0,
        }
    }

    /// The first day of period `key`.
    fn start(self, key: i32) -> i32 {
        match self {
            Unit::Day => key,
            Unit::Week => key * 7 - 3,
            Unit::Month => days_from_civil(key.div_euclid(12), key.rem_euclid(12) as u32 + 1, 1),
            Unit::Year => days_from_civil(key, 1, 1),
        }
    }

    /// What a bar of this unit is called: "quotes per month".
    pub fn noun(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// One bar: the days `start..=end` and how many items fall in them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: i32,
    pub end: i32,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Timeline {
    pub unit: Unit,
    /// Every period from the first dated item's to the last one's, empty ones included.
    pub periods: Vec<Period>,
    /// The largest count of a period (0 when nothing is dated).
    pub max: usize,
    pub dated: usize,
    pub undated: usize,
}

impl Timeline {
    /// Counts the days `days()` gives (`None`: an undated item). It is read twice: once for
    /// the span, once to count, so nothing is collected.
    pub fn of_days<I: Iterator<Item = Option<i32>>>(days: impl Fn() -> I) -> Timeline {
        Timeline::of_counted_days(|| days().map(|d| (d, 1)))
    }

    /// Counts the days `days()` gives, each as many times as it says: what
    /// [`Timeline::of_days`] counts, for items already counted per day.
    pub fn of_counted_days<I: Iterator<Item = (Option<i32>, usize)>>(days: impl Fn() -> I) -> Timeline {
        let (mut first, mut last, mut undated, mut dated) = (i32::MAX, i32::MIN, 0, 0);
        for (d, n) in days() {
            match d {
                Some(d) => {
                    first = first.min(d);
                    last = last.max(d);
                    dated += n;
                }
                None => undated += n,
            }
        }
        if dated == 0 {
            return Timeline { undated, ..Timeline::default() };
        }
        let unit = Unit::for_span(first, last);
        let origin = unit.key(first);
        let mut counts = vec![0; (unit.key(last) - origin + 1) as usize];
        // Items come article by article (a quote list's quotes share their article's day), so
        // the period of the day before is reused: a month or a year is a calendar sum.
        let mut previous = (i32::MIN, 0);
        for (d, n) in days() {
            let Some(d) = d else { continue };
            if d != previous.0 {
                previous = (d, (unit.key(d) - origin) as usize);
            }
            counts[previous.1] += n;
        }
        let max = counts.iter().copied().max().unwrap_or(0);
        let periods = counts
            .into_iter()
            .enumerate()
            .map(|(i, count)| {
                let key = origin + i as i32;
                Period { start: unit.start(key), end: unit.start(key + 1) - 1, count }
            })
            .collect();
        Timeline { unit, periods, max, dated, undated }
    }

    /// The timeline of a view's items: articles by their date, quotes by their article's.
    pub fn of_results(corpus: &Corpus, results: &Results) -> Timeline {
        let quotes = results.view == View::Quotes;
        let article_of = |i: usize| if quotes { corpus.quotes.get(i).map(|r| r.article) } else { Some(i) };
        Timeline::of_days(|| results.items.iter().map(move |&i| article_of(i).and_then(|a| corpus.article_day.get(a).copied().flatten())))
    }

    /// Period `i` as a reader names it: "5 March 2023", "week of 6 March 2023", "March 2023", "2023".
    pub fn label(&self, i: usize) -> String {
        let Some(p) = self.periods.get(i) else { return String::new() };
        let (y, m, _) = civil(p.start);
        match self.unit {
            Unit::Day => spoken(p.start),
            Unit::Week => format!("week of {}", spoken(p.start)),
            Unit::Month => format!("{} {y}", MONTHS[(m as usize + 11) % 12]),
            Unit::Year => y.to_string(),
        }
    }

    /// The periods `a..=b` (either order) as a reader names them: "March 2023", "March 2023 – May 2023".
    pub fn label_range(&self, a: usize, b: usize) -> String {
        let (a, b) = (a.min(b), a.max(b));
        if a == b {
            self.label(a)
        } else {
            format!("{} – {}", self.label(a), self.label(b))
        }
    }

    /// What the timeline shows, to name it: "Quotes per month, May 2022 – March 2023 · 3 undated".
    pub fn caption(&self, noun: &str) -> String {
        let mut caption = match self.periods.len() {
            0 => format!("No dated {noun}"),
            n => {
                // The nouns are the page's own, in ASCII.
                let (initial, rest) = noun.split_at(noun.len().min(1));
                format!("{}{rest} per {}, {}", initial.to_ascii_uppercase(), self.unit.noun(), self.label_range(0, n - 1))
            }
        };
        if self.undated > 0 {
            caption.push_str(&format!(" · {} undated", self.undated));
        }
        caption
    }

    /// How many items the periods `a..=b` hold.
    pub fn count_range(&self, a: usize, b: usize) -> usize {
        self.periods.get(a.min(b)..=a.max(b).min(self.periods.len().saturating_sub(1))).map_or(0, |ps| ps.iter().map(|p| p.count).sum())
    }

    /// The `from=` and `to=` values that show the periods `a..=b` (either order), kept within
    /// the range the view already has (`from`, `to`): a month or a year is written as one
    /// (`2023-03`) when the whole of it is taken, days otherwise.
    pub fn range(&self, a: usize, b: usize, from: Option<&str>, to: Option<&str>) -> Option<(String, String)> {
        let (first, last) = (self.periods.get(a.min(b))?, self.periods.get(a.max(b))?);
        let lower = from.and_then(day).unwrap_or(i32::MIN);
        let upper = to.and_then(last_day).unwrap_or(i32::MAX);
        let (start, end) = (first.start.max(lower), last.end.min(upper));
        if start > end {
            return None;
        }
        let whole = start == first.start && end == last.end;
        Some(match self.unit {
            Unit::Month if whole => (iso(start)[..7].to_string(), iso(end)[..7].to_string()),
            Unit::Year if whole => (iso(start)[..4].to_string(), iso(end)[..4].to_string()),
            _ => (iso(start), iso(end)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_through_the_calendar() {
        assert_eq!(day("1970-01-01"), Some(0));
        assert_eq!(day("2000-03-01"), Some(11_017));
        assert_eq!(day("2023-03"), day("2023-03-01"));
        assert_eq!(day("2023"), day("2023-01-01"));
        for bad in ["", "2023-13-01", "2023-00-10", "20x3-01-01", "2023-01-32", "+023-01-01"] {
            assert_eq!(day(bad), None, "{bad}");
        }
        for d in [-800_000, -1, 0, 59, 60, 11_016, 19_000, 2_900_000] {
            let (y, m, dd) = civil(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        // Leap years, and the day after February 28.
        assert_eq!(iso(day("2024-02-28").unwrap() + 1), "2024-02-29");
        assert_eq!(iso(day("2023-02-28").unwrap() + 1), "2023-03-01");
        assert_eq!(iso(day("1900-02-28").unwrap() + 1), "1900-03-01");
        assert_eq!(spoken(day("2023-03-05").unwrap()), "5 March 2023");
        assert_eq!(last_day("2024-02").map(iso).as_deref(), Some("2024-02-29"));
        assert_eq!(last_day("2023").map(iso).as_deref(), Some("2023-12-31"));
        assert_eq!(last_day("2023-06-07").map(iso).as_deref(), Some("2023-06-07"));
    }

    #[test]
    fn the_unit_follows_the_span() {
        let span = |a: &str, b: &str| Unit::for_span(day(a).unwrap(), day(b).unwrap());
        assert_eq!(span("2023-03-05", "2023-03-05"), Unit::Day);
        assert_eq!(span("2023-03-01", "2023-04-14"), Unit::Day);
        assert_eq!(span("2023-03-01", "2023-05-20"), Unit::Week);
        assert_eq!(span("2022-05-05", "2023-03-31"), Unit::Month);
        assert_eq!(span("2019-01-01", "2023-12-31"), Unit::Month);
        assert_eq!(span("2010-01-01", "2023-12-31"), Unit::Year);
    }

    fn timeline(days: &[Option<&str>]) -> Timeline {
        Timeline::of_days(|| days.iter().map(|d| d.and_then(day)))
    }

    #[test]
    fn every_period_of_the_span_is_a_bar_and_undated_items_are_counted_apart() {
        let t = timeline(&[Some("2023-03-31"), None, Some("2022-05-05"), Some("2022-05-20"), None]);
        assert_eq!(t.unit, Unit::Month);
        assert_eq!((t.dated, t.undated, t.max, t.periods.len()), (3, 2, 2, 11));
        assert_eq!(t.periods.iter().map(|p| p.count).collect::<Vec<_>>(), [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!((iso(t.periods[0].start), iso(t.periods[0].end)), ("2022-05-01".into(), "2022-05-31".into()));
        assert_eq!(t.label(0), "May 2022");
        assert_eq!(t.label_range(10, 9), "February 2023 – March 2023");
        assert_eq!(t.count_range(0, 10), 3);
        assert_eq!(t.caption("quotes"), "Quotes per month, May 2022 – March 2023 · 2 undated");
        // Nothing dated: no bars, and the undated still said.
        let none = timeline(&[None, None]);
        assert_eq!((none.periods.len(), none.undated, none.max), (0, 2, 0));
        assert_eq!(none.caption("articles"), "No dated articles · 2 undated");
        assert_eq!(timeline(&[]), Timeline::default());
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2023-03-05 is a Sunday, 2023-03-06 a Monday.
        let t = timeline(&[Some("2023-03-05"), Some("2023-03-06"), Some("2023-04-30")]);
        assert_eq!(t.unit, Unit::Week);
        assert_eq!((iso(t.periods[0].start), iso(t.periods[0].end)), ("2023-02-27".into(), "2023-03-05".into()));
        assert_eq!(t.periods[1].count, 1);
        assert_eq!(t.label(1), "week of 6 March 2023");
        assert!(t.periods.windows(2).all(|w| w[1].start == w[0].end + 1 && w[0].end - w[0].start == 6));
    }

    #[test]
    fn bars_become_date_ranges_within_the_range_already_chosen() {
        let t = timeline(&[Some("2022-05-05"), Some("2023-03-31")]);
        let range = |a, b, from, to| t.range(a, b, from, to);
        assert_eq!(range(0, 0, None, None), Some(("2022-05".into(), "2022-05".into())));
        assert_eq!(range(10, 2, None, None), Some(("2022-07".into(), "2023-03".into())));
        // A bar that the chosen range cuts gives days.
        assert_eq!(range(0, 1, Some("2022-05-04"), None), Some(("2022-05-04".into(), "2022-06-30".into())));
        assert_eq!(range(10, 10, None, Some("2023-03-31")), Some(("2023-03".into(), "2023-03".into())));
        assert_eq!(range(0, 0, Some("2023"), None), None);
        assert_eq!(range(11, 11, None, None), None);
        let years = timeline(&[Some("2001-06-01"), Some("2023-03-31")]);
        assert_eq!(years.unit, Unit::Year);
        assert_eq!(years.range(0, 2, None, None), Some(("2001".into(), "2003".into())));
        let days = timeline(&[Some("2023-03-05"), Some("2023-03-09")]);
        assert_eq!(days.range(1, 3, None, None), Some(("2023-03-06".into(), "2023-03-08".into())));
    }

    proptest::proptest! {
        /// Each period holds the items of its days, counted one by one or per day.
        #[test]
        fn each_period_counts_the_items_of_its_days(
            days in proptest::collection::vec(proptest::option::of(0i32..5_000), 0..200),
            stray in proptest::option::of(-200_000i32..-100_000),
        ) {
            let days: Vec<Option<i32>> = days.into_iter().chain(stray.map(Some)).collect();
            let t = Timeline::of_days(|| days.iter().copied());
            let mut per_day: std::collections::BTreeMap<Option<i32>, usize> = Default::default();
            days.iter().for_each(|&d| *per_day.entry(d).or_default() += 1);
            proptest::prop_assert_eq!(&Timeline::of_counted_days(|| per_day.iter().map(|(&d, &n)| (d, n))), &t);
            proptest::prop_assert_eq!(t.undated, days.iter().filter(|d| d.is_none()).count());
            for p in &t.periods {
                let inside = days.iter().flatten().filter(|&&d| p.start <= d && d <= p.end).count();
                proptest::prop_assert_eq!(p.count, inside);
            }
            proptest::prop_assert_eq!(t.periods.iter().map(|p| p.count).sum::<usize>(), t.dated);
        }
    }
}
