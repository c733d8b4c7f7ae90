//! The words, figures and dates of the pages in each language they are
//! written in: English, French, Spanish, Italian and German.
//!
//! The words are data, `i18n/strings.toml`: one table per key with a line
//! per language, so that a translator sees every language of a sentence
//! together. Templates read them as `t.<key>`; Rust code that builds
//! sentences (`3 of 7 items`, a health reason, a change line) reads them
//! through [`Strings::fill`]. Figures and dates are written from the same
//! table (`decimal_separator`, `percent_format`, `date_short`, the months).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use crate::config::Language;
use crate::model::{Health, Severity, Status};

/// The UI strings by key, as templates read them (`t.due`, `t["due"]`).
pub type Table = BTreeMap<&'static str, &'static str>;

/// `i18n/strings.toml` as written: key → language code → text.
type Catalog = BTreeMap<String, BTreeMap<String, String>>;

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    toml::from_str(include_str!("i18n/strings.toml")).expect("i18n/strings.toml is valid TOML")
});

/// A table per language, in [`Language::ALL`]'s order. A key a language
/// lacks shows its English (the unit tests see that none lacks any).
static TABLES: LazyLock<Vec<Table>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|language| {
            (CATALOG.iter())
                .filter_map(|(key, texts)| {
                    let text = texts.get(language.code()).or_else(|| texts.get("en"))?;
                    Some((key.as_str(), text.as_str()))
                })
                .collect()
        })
        .collect()
});

/// Each language's month names, short and long, in [`Language::ALL`]'s
/// order: split once from `months_short` and `months_long`, as every date
/// a page writes needs them.
static MONTHS: LazyLock<Vec<Months>> = LazyLock::new(|| {
    (TABLES.iter())
        .map(|table| {
            let names = |key: &str| {
                let mut names = [""; 12];
                for (slot, name) in names.iter_mut().zip(table[key].split(' ')) {
                    *slot = name;
                }
                names
            };
            Months {
                short: names("months_short"),
                long: names("months_long"),
            }
        })
        .collect()
});

#[derive(Debug)]
struct Months {
    short: [&'static str; 12],
    long: [&'static str; 12],
}

/// The UI strings of one language.
#[derive(Debug, Clone, Copy)]
pub struct Strings {
    pub language: Language,
    table: &'static Table,
    months: &'static Months,
}

impl Strings {
    pub fn new(language: Language) -> Strings {
        Strings {
            language,
            table: &TABLES[language.index()],
            months: &MONTHS[language.index()],
        }
    }

    /// The whole table, for templates (`t.timeline`).
    pub fn table(&self) -> &'static Table {
        self.table
    }

    /// The text of `key`; an unknown key shows as itself so a typo is visible.
    pub fn get(&self, key: &str) -> String {
        self.table.get(key).copied().unwrap_or(key).to_string()
    }

    /// The text of `key`, borrowed: for the words every row of a page
    /// repeats (an item's status, a risk's severity), found without a
    /// `String` of their own each time.
    pub fn word(&self, key: &'static str) -> &'static str {
        self.table.get(key).copied().unwrap_or(key)
    }

    /// The word of a status (`fait`, `in progress`; `no status` for none).
    pub fn status_word(&self, status: Option<Status>) -> &'static str {
        self.word(match status {
            Some(Status::Done) => "st_done",
            Some(Status::InProgress) => "st_in_progress",
            Some(Status::Todo) => "st_todo",
            Some(Status::Blocked) => "st_blocked",
            Some(Status::Cancelled) => "st_cancelled",
            None => "st_unknown",
        })
    }

    /// The word of a health (`vert`, `amber`).
    pub fn health_word(&self, health: Health) -> &'static str {
        self.word(match health {
            Health::Done => "h_done",
            Health::Green => "h_green",
            Health::Amber => "h_amber",
            Health::Red => "h_red",
            Health::Unknown => "h_unknown",
        })
    }

    /// The word of a severity (`élevé`, `critical`).
    pub fn severity_word(&self, severity: Severity) -> &'static str {
        self.word(match severity {
            Severity::Low => "sev_low",
            Severity::Medium => "sev_medium",
            Severity::High => "sev_high",
            Severity::Critical => "sev_critical",
        })
    }

    /// `get(key)` with `{0}`, `{1}` replaced by `args`, in one pass: a
    /// value that itself holds `{1}` (a title) is left as written.
    pub fn fill(&self, key: &str, args: &[&str]) -> String {
        let text = self.table.get(key).copied().unwrap_or(key);
        let mut out = String::with_capacity(text.len() + 32);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let hole = rest[open + 1..]
                .split_once('}')
                .and_then(|(index, _)| index.parse::<usize>().ok())
                .and_then(|index| Some((index, *args.get(index)?)));
            match hole {
                Some((index, arg)) => {
                    out.push_str(&rest[..open]);
                    if self.language == Language::It {
                        elide_article(&mut out, arg);
                    }
                    out.push_str(arg);
                    rest = &rest[open + index.to_string().len() + 2..];
                }
                None => {
                    out.push_str(&rest[..=open]);
                    rest = &rest[open + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// A count with its thousands grouped, as each language writes them:
    /// `921,558`; `921 558` ([`group_thousands`]).
    pub fn count(&self, count: impl std::fmt::Display) -> String {
        group_thousands(count, self.table["thousands_separator"])
    }

    /// A percentage as the language writes it, with at most one decimal
    /// ([`pct`]): `41.7%`; `41,7 %` (decimal comma, a narrow no-break space
    /// before the sign); `41,7%` in Italian.
    pub fn percent(&self, value: f64) -> String {
        self.fill("percent_format", &[&self.decimal(&pct(value))])
    }

    /// `figure`, written with a decimal point, with the language's own
    /// decimal separator: `41.7` → `41,7`.
    pub fn decimal(&self, figure: &str) -> String {
        figure.replace('.', self.table["decimal_separator"])
    }

    /// An item's story points with their word, singular as each language
    /// says it: `1 point`, `3 points`; `1,5 point` (French keeps the
    /// singular below two); `1 punto`, `3 Punkte`.
    pub fn story_points(&self, value: f64) -> String {
        let singular = match self.language {
            Language::Fr => value < 2.0,
            _ => value == 1.0,
        };
        let word = self.word(if singular { "point_one" } else { "point_many" });
        format!("{} {word}", self.figure(value))
    }

    /// A figure with at most one decimal, as the language writes it:
    /// `2.5`; `2,5` (an item's story points).
    pub fn figure(&self, value: f64) -> String {
        self.decimal(&one_decimal(value))
    }

    /// Short date: `2 Feb 2026`, `2 févr. 2026`, `2. Feb. 2026`. Its parts
    /// are held together by no-break spaces (`date_short`), so that a date
    /// never breaks across lines (`6 déc.` / `2026` in a narrow tile), as
    /// for the two below.
    pub fn date(&self, date: NaiveDate) -> String {
        self.dated("date_short", date, &self.months.short)
    }

    /// Long date: `2 February 2026`, `2 février 2026`, `2 de febrero de
    /// 2026`.
    pub fn long_date(&self, date: NaiveDate) -> String {
        self.dated("date_long", date, &self.months.long)
    }

    /// Axis label of a month: `Feb 2026`, `févr. 2026`.
    pub fn month(&self, date: NaiveDate) -> String {
        let name = self.months.short[date.month0() as usize];
        self.fill("date_month", &[name, &date.year().to_string()])
    }

    fn dated(&self, key: &str, date: NaiveDate, months: &[&str; 12]) -> String {
        let (day, year) = (date.day().to_string(), date.year().to_string());
        self.fill(key, &[&day, months[date.month0() as usize], &year])
    }
}

/// Italian elides an article before a vowel, and a day said `otto` or
/// `undici` begins with one: `fino al {0}` with `8 novembre` reads
/// `fino all'8 novembre`, as `dal`, `del`, `nel` and `sul` read `dall'`,
/// `dell'`, `nell'`, `sull'`. `out` is the text before the hole, `arg`
/// what fills it.
fn elide_article(out: &mut String, arg: &str) {
    const ARTICLES: [&str; 5] = ["al ", "dal ", "del ", "nel ", "sul "];
    let digits = arg.bytes().take_while(u8::is_ascii_digit).count();
    if !matches!(&arg[..digits], "8" | "11") {
        return;
    }
    let standing = |article: &&str| {
        let before = out.strip_suffix(*article);
        before.is_some_and(|before| before.is_empty() || before.ends_with(' '))
    };
    if ARTICLES.iter().any(standing) {
        out.truncate(out.len() - 1);
        out.push_str("l'");
    }
}

/// A percentage with at most one decimal: `41.7`, `100`.
pub fn pct(value: f64) -> String {
    let clamped = if value.is_finite() {
        value.clamp(0.0, 100.0)
    } else {
        0.0
    };
    one_decimal(clamped)
}

/// A figure with at most one decimal: `2.5`, `13`.
pub fn one_decimal(value: f64) -> String {
    // `+ 0.0` turns a negative zero into zero: `0`, never `-0`.
    let rounded = (value * 10.0).round() / 10.0 + 0.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// `number` as text with `separator` between groups of three digits:
/// `921558` → `921,558`. Templates write counts through it (the `count`
/// filter), so a figure of a large portfolio reads the same on every page.
/// A text that is not only digits (a sign, a decimal point) is left as it is.
pub fn group_thousands(number: impl std::fmt::Display, separator: &str) -> String {
    let digits = number.to_string();
    if digits.len() <= 3 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return digits;
    }
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (index, digit) in digits.char_indices() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_severity_and_health_has_its_word_in_each_language() {
        let french = Strings::new(Language::Fr);
        assert_eq!(french.status_word(Some(Status::Done)), "fait");
        assert_eq!(french.status_word(None), "sans statut");
        assert_eq!(french.severity_word(Severity::High), "élevé");
        assert_eq!(french.health_word(Health::Amber), "orange");
        let english = Strings::new(Language::En);
        assert_eq!(english.status_word(Some(Status::InProgress)), "in progress");
        assert_eq!(english.severity_word(Severity::Critical), "critical");
        assert_eq!(english.health_word(Health::Red), "red");
        let statuses = [
            Status::Done,
            Status::InProgress,
            Status::Todo,
            Status::Blocked,
            Status::Cancelled,
        ];
        let severities = [
            Severity::Low,
            Severity::Medium,
            Severity::High,
            Severity::Critical,
        ];
        let healths = [
            Health::Done,
            Health::Green,
            Health::Amber,
            Health::Red,
            Health::Unknown,
        ];
        for t in [&french, &english] {
            // A key missing from the table would show as itself.
            let words = (statuses.iter().map(|s| t.status_word(Some(*s))))
                .chain(severities.iter().map(|s| t.severity_word(*s)))
                .chain(healths.iter().map(|h| t.health_word(*h)));
            for word in words {
                assert!(!word.contains('_'), "{word} is a key, not a word");
            }
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 2).unwrap();
        assert_eq!(
            Strings::new(Language::En).date(date),
            "2\u{a0}Feb\u{a0}2026"
        );
        assert_eq!(
            Strings::new(Language::Fr).date(date),
            "2\u{a0}févr.\u{a0}2026"
        );
        assert_eq!(
            Strings::new(Language::Fr).long_date(date),
            "2\u{a0}février\u{a0}2026"
        );
        assert_eq!(Strings::new(Language::Fr).month(date), "févr.\u{a0}2026");
    }

    #[test]
    fn counts_group_their_thousands_as_the_language_does() {
        let (en, fr) = (Strings::new(Language::En), Strings::new(Language::Fr));
        assert_eq!(en.count(0), "0");
        assert_eq!(en.count(999), "999");
        assert_eq!(en.count(1000), "1,000");
        assert_eq!(en.count(921_558), "921,558");
        assert_eq!(en.count(1_234_567), "1,234,567");
        assert_eq!(fr.count(475_705), "475\u{202f}705");
        assert_eq!(fr.count(10_000), "10\u{202f}000");
    }

    #[test]
    fn percentages_and_figures_follow_the_language() {
        let (en, fr) = (Strings::new(Language::En), Strings::new(Language::Fr));
        assert_eq!(en.percent(41.66), "41.7%");
        assert_eq!(en.percent(100.0), "100%");
        assert_eq!(fr.percent(41.66), "41,7\u{202f}%");
        assert_eq!(fr.percent(8.0), "8\u{202f}%");
        // Story points are figures, not shares: never cut at 100.
        assert_eq!(en.figure(2.5), "2.5");
        assert_eq!(fr.figure(2.5), "2,5");
        assert_eq!(fr.figure(120.0), "120");
        assert_eq!(en.figure(13.04), "13");
    }

    #[test]
    fn story_points_say_point_for_one() {
        let (en, fr) = (Strings::new(Language::En), Strings::new(Language::Fr));
        assert_eq!(en.story_points(1.0), "1 point");
        assert_eq!(en.story_points(0.5), "0.5 points");
        assert_eq!(en.story_points(8.0), "8 points");
        assert_eq!(fr.story_points(1.5), "1,5 point");
        assert_eq!(fr.story_points(2.0), "2 points");
    }

    /// Spanish, Italian and German write their dates, counts, shares and
    /// story points as their readers do.
    #[test]
    fn spanish_italian_and_german_figures_and_dates() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 2).unwrap();
        let (es, it, de) = (
            Strings::new(Language::Es),
            Strings::new(Language::It),
            Strings::new(Language::De),
        );
        assert_eq!(es.date(date), "2\u{a0}feb\u{a0}2026");
        assert_eq!(
            es.long_date(date),
            "2\u{a0}de\u{a0}febrero\u{a0}de\u{a0}2026"
        );
        assert_eq!(it.long_date(date), "2\u{a0}febbraio\u{a0}2026");
        assert_eq!(it.month(date), "feb\u{a0}2026");
        assert_eq!(de.date(date), "2.\u{a0}Feb.\u{a0}2026");
        assert_eq!(de.long_date(date), "2.\u{a0}Februar\u{a0}2026");
        let may = NaiveDate::from_ymd_opt(2026, 5, 9).unwrap();
        assert_eq!(it.date(may), "9\u{a0}mag\u{a0}2026");
        assert_eq!(de.month(may), "Mai\u{a0}2026");
        assert_eq!(de.count(921_558), "921.558");
        assert_eq!(es.count(1000), "1.000");
        assert_eq!(es.percent(41.66), "41,7\u{202f}%");
        assert_eq!(it.percent(41.66), "41,7%");
        assert_eq!(de.percent(100.0), "100\u{202f}%");
        assert_eq!(it.story_points(1.0), "1 punto");
        assert_eq!(it.story_points(1.5), "1,5 punti");
        assert_eq!(de.story_points(3.0), "3 Punkte");
        assert_eq!(es.status_word(Some(Status::InProgress)), "en curso");
        assert_eq!(it.severity_word(Severity::Critical), "critica");
    }

    /// An Italian article before a day said with a vowel (`otto`,
    /// `undici`) is elided; before any other day, or in another language,
    /// it is left as written.
    #[test]
    fn an_italian_article_is_elided_before_the_eighth_and_the_eleventh() {
        let it = Strings::new(Language::It);
        let day = |d: u32| it.date(NaiveDate::from_ymd_opt(2026, 11, d).unwrap());
        assert_eq!(
            it.fill("until_date", &[&day(8)]),
            "fino all'8\u{a0}nov\u{a0}2026"
        );
        assert_eq!(
            it.fill("from_date", &[&day(11)]),
            "dall'11\u{a0}nov\u{a0}2026"
        );
        assert_eq!(it.fill("from_date", &[&day(1)]), "dal 1\u{a0}nov\u{a0}2026");
        assert_eq!(
            it.fill("until_date", &[&day(18)]),
            "fino al 18\u{a0}nov\u{a0}2026"
        );
        assert_eq!(
            it.fill("until_date", &[&day(28)]),
            "fino al 28\u{a0}nov\u{a0}2026"
        );
        let es = Strings::new(Language::Es);
        assert_eq!(
            es.fill(
                "until_date",
                &[&es.date(NaiveDate::from_ymd_opt(2026, 11, 8).unwrap())]
            ),
            "hasta el 8\u{a0}nov\u{a0}2026"
        );
        // Only an article standing as a word is elided, not a word's end.
        let mut out = String::from("Natal ");
        elide_article(&mut out, "8 dicembre");
        assert_eq!(out, "Natal ");
        let mut out = String::from("al ");
        elide_article(&mut out, "8 dicembre");
        assert_eq!(out, "all'");
    }

    #[test]
    fn only_whole_numbers_are_grouped() {
        assert_eq!(group_thousands(12_345_u32, ","), "12,345");
        assert_eq!(group_thousands("-12345", ","), "-12345");
        assert_eq!(group_thousands("1234.5", ","), "1234.5");
        assert_eq!(group_thousands("", ","), "");
    }

    /// The holes of a text: `{0}`, `{1}` in a page's words, `{}` in a
    /// diagnostic's, sorted.
    fn holes(text: &str) -> Vec<String> {
        let mut holes: Vec<String> = (text.match_indices('{'))
            .filter_map(|(at, _)| Some(&text[at..=at + text[at..].find('}')?]))
            .map(str::to_string)
            .collect();
        holes.sort();
        holes
    }

    #[test]
    fn every_key_has_every_language_with_the_english_holes() {
        for (key, texts) in CATALOG.iter() {
            // A diagnostic's English is its template in `messages.rs`,
            // whose own test compares the holes.
            let languages = if key.starts_with("msg_") {
                &Language::ALL[1..]
            } else {
                &Language::ALL[..]
            };
            for language in languages {
                let text = texts.get(language.code());
                assert!(
                    text.is_some_and(|text| !text.is_empty()),
                    "`{key}` has no {}",
                    language.code()
                );
                if let (Some(english), Some(text)) = (texts.get("en"), text) {
                    assert_eq!(
                        holes(english),
                        holes(text),
                        "`{key}` in {}",
                        language.code()
                    );
                }
            }
            let unknown = texts.keys().find(|code| Language::parse(code).is_none());
            assert_eq!(unknown, None, "`{key}` has a language sitrep does not know");
        }
        for language in Language::ALL {
            let t = Strings::new(language);
            let mut months = t.months.short.iter().chain(&t.months.long);
            assert!(months.all(|name| !name.is_empty()), "{language:?}");
        }
    }

    #[test]
    fn a_value_that_holds_a_hole_is_left_as_written() {
        let en = Strings::new(Language::En);
        assert_eq!(
            en.fill("feed_item_renamed", &["Web", "ABC-1", "{2} old", "new {3}"]),
            "Web: ABC-1 renamed “{2} old” → “new {3}”"
        );
    }

    #[test]
    fn fill_replaces_placeholders() {
        let fr = Strings::new(Language::Fr);
        assert_eq!(fr.fill("items_of", &["3", "7"]), "3 sur 7 tâches");
    }
}
