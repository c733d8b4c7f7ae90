//! The written forms of a date (`2025-04-27`, `2 février 2026`, `Q3
//! 2026`, `fin mars`, …): their words, their patterns, and how a match of
//! each becomes a [`ParsedDate`]. [`FORMS`] lists them in the order
//! [`super::find_dates`] tries them.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::{Datelike, NaiveDate, Weekday};
use regex_automata::util::captures::Captures;
use regex_automata::{meta, PatternID};

use std::ops::Range;

use super::{last_day_of_month, ParsedDate};
use crate::config::DateOrder;
use crate::extract::vocabulary::COUNTED_WORDS;
use crate::model::DatePrecision;

/// Month names and abbreviations, folded (lower case, no accents), in
/// French, English, Spanish, German and Italian. Abbreviations that are
/// also common words were left out (`ago`: Spanish August, English "2 days
/// ago"; Italian `gen`, `mag`, `set`).
pub(super) const MONTH_NAMES: &[(&str, u32)] = &[
    // French
    ("janvier", 1),
    ("janv", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // German
    ("januar", 1),
    ("februar", 2),
    ("marz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
    // Portuguese. Not `março` (`marco` once folded: a milestone, and a
    // name), nor `set` and `out`, English words.
    ("janeiro", 1),
    ("fevereiro", 2),
    ("fev", 2),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
];

/// Day-of-week words that may stand before a date (`Jeu 10/07`,
/// `Monday, March 3`). They are read past, not checked.
pub(super) const WEEKDAY_WORDS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lun",
    "mer",
    "jeu",
    "ven",
    "sam",
    "dim",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "lunedi",
    "martedi",
    "mercoledi",
    "giovedi",
    "venerdi",
    "sabato",
    "domenica",
];

/// Words a cell may hold around its date and still be "just a date" for
/// [`super::parse_date`] (`Jeu 10/07`, `le 5 mars`, `ETA 3 feb`, `~ Q3 2026`).
pub(super) const FILLER_WORDS: &[&str] = &[
    "le", "du", "au", "on", "by", "the", "of", "vers", "env", "environ", "approx", "circa", "ca",
    "prevu", "prevue", "estime", "estimee", "target", "eta", "semaine", "week", "sem", "mar",
    "due", "deadline", "il", "al", "entro", "previsto", "prevista",
];

/// Seasons, folded, with the month they start in: meteorological
/// seasons of three months. Winter starts in the December before the year
/// written (`winter 2027` is December 2026 to February 2027), the
/// convention that labels a winter by its January.
pub(super) const SEASONS: &[(&str, u32)] = &[
    ("printemps", 3),
    ("spring", 3),
    ("ete", 6),
    ("summer", 6),
    ("automne", 9),
    ("autumn", 9),
    ("fall", 9),
    ("hiver", 12),
    ("winter", 12),
];

/// Ranks of a quarter or a half-year, folded (`2e semestre`, `first
/// quarter`); the last is the fourth quarter or the second half.
pub(super) const RANKS: &[(&str, u32)] = &[
    ("1er", 1),
    ("1re", 1),
    ("1ere", 1),
    ("premier", 1),
    ("premiere", 1),
    ("1st", 1),
    ("first", 1),
    ("2e", 2),
    ("2eme", 2),
    ("2nd", 2),
    ("deuxieme", 2),
    ("second", 2),
    ("seconde", 2),
    ("3e", 3),
    ("3eme", 3),
    ("3rd", 3),
    ("troisieme", 3),
    ("third", 3),
    ("4e", 4),
    ("4eme", 4),
    ("4th", 4),
    ("quatrieme", 4),
    ("fourth", 4),
    ("dernier", 0),
    ("last", 0),
];

/// Qualifiers that place a date inside its month (`fin mars`: the last day).
pub(super) const MONTH_PART_WORDS: &[(&str, MonthPart)] = &[
    ("debut", MonthPart::Start),
    ("early", MonthPart::Start),
    ("beginning of", MonthPart::Start),
    ("mi", MonthPart::Middle),
    ("mid", MonthPart::Middle),
    ("milieu", MonthPart::Middle),
    ("fin", MonthPart::End),
    ("late", MonthPart::End),
    ("end of", MonthPart::End),
    // `EOY 2027`: the end of the year.
    ("eoy", MonthPart::End),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthPart {
    Start,
    Middle,
    End,
}

/// Words that make a date the week it starts (`Semaine du 22 Avril 2025`,
/// a British plan's `w/c 11 January 2027`, week commencing).
pub(super) const WEEK_OF_WORDS: &[&str] = &[
    "semaine du",
    "sem. du",
    "week of",
    "week starting",
    "week commencing",
    "week beginning",
    "w/c",
    "w/b",
];

/// Connectors between the two ends of a range (`10/02 - 21/02`, `Nov 27 - Dec 11, 2025`).
pub(super) const RANGE_CONNECTORS: &[&str] =
    &["-", "–", "—", "→", "->", "au", "to", "until", "a", "bis"];

/// `alt|alt|...` of month names, longest first so that `sept` beats `sep`.
pub(super) fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTH_NAMES.iter().map(|(name, _)| *name).collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.len()));
    names.join("|")
}

pub(super) fn alternation(words: &[&str]) -> String {
    let mut words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.join("|")
}

/// One kind of written date: its pattern (on folded text) and how a match
/// becomes a date. Patterns are tried in order; a later match that overlaps
/// an earlier one is dropped, so `Mar 15/07` is the 15th of July, not March.
pub(super) struct Form {
    /// `regex-automata`'s engine, which the `regex` crate wraps: it reads
    /// the captures of a match anchored on the span a search found, in
    /// half the time of an unanchored capture search.
    pub(super) regex: meta::Regex,
    /// The pattern, for the characters it names ([`super::PATTERN_CHARS`]).
    pub(super) pattern: String,
    /// The group that marks the date inside its match (`whole`): a
    /// pattern that reads a character of context around it has one.
    pub(super) whole: Option<usize>,
    /// The pattern's group names with their indices: a handful, looked up
    /// by comparing names (the engine's own lookup hashes each name, and
    /// a date reads four or five groups).
    pub(super) names: Vec<(String, usize)>,
    pub(super) read: fn(&Groups, &Reader) -> Option<ParsedDate>,
    /// What every match holds: a form is not even tried on text without it
    /// (most lines of a document).
    pub(super) needs: Needs,
}

/// What a date form cannot match without.
#[derive(Clone, Copy)]
pub(super) struct Needs {
    pub(super) digit: bool,
    pub(super) month_name: bool,
    /// One of these ASCII bytes (none: no such need).
    pub(super) one_of: &'static [u8],
}

/// What a text holds, for [`Needs`].
pub(super) struct Holds {
    pub(super) digit: bool,
    pub(super) month_name: bool,
    /// Bit `b` set: the text holds the ASCII byte `b` (found in one pass,
    /// where each form's `one_of` searched the text again).
    pub(super) ascii: u128,
}

impl Holds {
    pub(super) fn ascii_of(text: &str) -> u128 {
        (text.bytes())
            .filter(u8::is_ascii)
            .fold(0, |bits, b| bits | 1 << b)
    }
}

impl Needs {
    const DIGIT: Needs = Needs {
        digit: true,
        month_name: false,
        one_of: &[],
    };

    pub(super) fn and_month_name(self) -> Needs {
        Needs {
            month_name: true,
            ..self
        }
    }

    pub(super) fn and_one_of(self, one_of: &'static [u8]) -> Needs {
        Needs { one_of, ..self }
    }

    pub(super) fn met_by(&self, holds: &Holds) -> bool {
        (!self.digit || holds.digit)
            && (!self.month_name || holds.month_name)
            && (self.one_of.is_empty() || self.one_of.iter().any(|&b| holds.ascii & 1 << b != 0))
    }
}

/// Month names (folded, all ASCII), found in one pass: five forms need
/// one. Upper-case ASCII matches too, so that an ASCII text can be asked
/// before it is folded ([`super::may_hold_date`]); folded text has none.
pub(super) static MONTH_NAME_LIST: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(MONTH_NAMES.iter().map(|(name, _)| *name))
        .expect("month names")
});

/// `fin`, `mi`, `début`...: the month-part form needs one (folded, all
/// ASCII, and upper-case ASCII matches too, as for [`MONTH_NAME_LIST`]).
pub(super) static MONTH_PART_LIST: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(MONTH_PART_WORDS.iter().map(|(word, _)| *word))
        .expect("month parts")
});

pub(super) static FORMS: LazyLock<Vec<Form>> = LazyLock::new(|| {
    let month = format!(r"(?P<month>{})\.?", month_alternation());
    let month2 = format!(r"(?P<month2>{})\.?", month_alternation());
    let weekday = format!(r"(?:(?:{})\.?,?\s+)?", alternation(WEEKDAY_WORDS));
    let ordinal = r"(?:er|re|e|st|nd|rd|th|\.)?";
    let part = format!(
        r"(?P<part>{})",
        alternation(&MONTH_PART_WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>())
    );
    let form = |pattern: &str, needs: Needs, read: fn(&Groups, &Reader) -> Option<ParsedDate>| {
        let regex = meta::Regex::new(pattern).expect("date pattern compiles");
        let names: Vec<(String, usize)> = (regex.group_info())
            .pattern_names(PatternID::ZERO)
            .enumerate()
            .filter_map(|(index, name)| Some((name?.to_string(), index)))
            .collect();
        Form {
            whole: (names.iter()).find_map(|(name, index)| (name == "whole").then_some(*index)),
            names,
            regex,
            pattern: pattern.to_string(),
            read,
            needs,
        }
    };
    let digit = Needs::DIGIT;
    vec![
        // `du 10 au 22 août 2025`, `15-20 feb`: a day range inside one month.
        form(
            &format!(
                r"\b(?:du\s+)?(?P<day>\d{{1,2}}){ordinal}\s*(?:-|–|au|to)\s*(?P<day2>\d{{1,2}}){ordinal}\s+(?:de\s+)?{month}(?:,?\s+(?:de\s+)?(?P<year>\d{{4}}))?\b"
            ),
            digit.and_month_name(),
            Reader::day_range,
        ),
        // `2025-04-27`, `2025/04/27`
        form(
            r"\b(?P<year>\d{4})[-/](?P<a>\d{1,2})[-/](?P<b>\d{1,2})\b",
            digit.and_one_of(b"-/"),
            Reader::iso,
        ),
        // `2026-W12`, `S12 2026`, `W12/2026`
        form(
            r"\b(?:(?P<year>\d{4})-?w(?P<week>\d{1,2})|[sw](?P<week2>\d{1,2})\s*[/ -]\s*(?P<year2>\d{4}))\b",
            digit.and_one_of(b"sw"),
            Reader::iso_week,
        ),
        // `semaine 12 2027`, `week 12, 2027`, `Sem. 12/2027`, German `KW
        // 47/2026`, `semana 12 2027`, `settimana 12/2027`: an ISO week
        // written in words, with its year (without one, `Semaine 3` is a
        // week of the project).
        form(
            r"\b(?:semaine|sem\.?|week|wk|kw|semana|settimana)\s*(?P<week>\d{1,2})(?:,\s*|\s*[/ -]\s*)(?P<year>\d{4})\b",
            digit.and_one_of(b"swk"),
            Reader::iso_week,
        ),
        // `Q3 2026`, `T2 2025`, `Q4/2023`, `2026-Q1`, `Q2'27`; `end of Q2
        // 2027`, a point in it.
        form(
            &format!(
                r"\b(?:{part}[\s-]+)?(?:[qt](?P<quarter>[1-4])\s*(?:[/ -]?\s*(?P<year>\d{{4}})|['’](?P<yy>\d{{2}}))|(?P<year2>\d{{4}})\s*[- ]?\s*q(?P<quarter2>[1-4]))\b"
            ),
            digit.and_one_of(b"qt"),
            Reader::quarter,
        ),
        // `H1 2027`, `H2/2026`, `2027-H1`: a half-year; `fin H1 2027`.
        form(
            &format!(
                r"\b(?:{part}[\s-]+)?(?:h(?P<half>[12])\s*[/ -]?\s*(?P<year>\d{{4}})|(?P<year2>\d{{4}})\s*[- ]?\s*h(?P<half2>[12]))\b"
            ),
            digit.and_one_of(b"h"),
            Reader::half,
        ),
        // `2e semestre 2027`, `1er trimestre 2028`, `second half of 2027`:
        // a quarter or a half-year named by its rank.
        form(
            &format!(
                r"\b(?P<rank>{})\s+(?P<unit>trimestre|semestre|quarter|half)\s+(?:de\s+l'annee\s+|de\s+|of\s+)?(?P<year>\d{{4}})\b",
                alternation(&RANKS.iter().map(|(w, _)| *w).collect::<Vec<_>>())
            ),
            digit.and_one_of(b"tf"),
            Reader::ranked_period,
        ),
        // `printemps 2027`, `Summer 2027`, `fin de l'été 2027`: a season,
        // three months (meteorological seasons; winter is labelled by the
        // year of its January, `hiver 2027` runs from December 2026).
        form(
            &format!(
                r"\b(?:{part}[\s-]+(?:de\s+l['’]|du\s+|d['’]|of\s+)?)?(?P<season>{})\s+(?:de\s+|of\s+)?(?P<year>\d{{4}})\b",
                alternation(&SEASONS.iter().map(|(w, _)| *w).collect::<Vec<_>>())
            ),
            digit.and_one_of(b"tlr"),
            Reader::season,
        ),
        // `fin 2027`, `mid-2026`, `early 2027`, `fin d'année 2027`, `end of
        // the year 2027`, `EOY 2027`: a point in a year.
        form(
            &format!(
                r"\b{part}[\s-]+(?:(?:de\s+l['’]|d['’])annee\s+|(?:the\s+)?year\s+)?(?P<year>\d{{4}})\b"
            ),
            digit,
            Reader::year_part,
        ),
        // `10/01/2025`, `15/03/25`, `10.01.2025`
        form(
            r"(?:^|[^\d/.,])(?P<whole>(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<year>\d{4}|\d{2}))(?:$|[^\d/%])",
            digit.and_one_of(b"/."),
            Reader::numeric,
        ),
        // `10/07`, `21/02`: a year-less numeric date needs a two-digit second
        // part, so that `5/8` and `4/6 (67%)` stay fractions.
        form(
            r"(?:^|[^\d/.,])(?P<whole>(?P<a>\d{1,2})/(?P<b>\d{2}))(?:$|[^\d/%.,])",
            digit.and_one_of(b"/"),
            Reader::numeric_without_year,
        ),
        // `2 février 2026`, `1er mars 2025`, `31 jan`, `5 FEV`, `3 de marzo de 2026`
        form(
            &format!(
                r"\b{weekday}(?P<day>\d{{1,2}}){ordinal}\s*(?:de\s+)?{month}(?:,?\s+(?:de\s+)?(?P<year>\d{{4}}))?\b"
            ),
            digit.and_month_name(),
            Reader::day_month,
        ),
        // `March 3, 2026`, `March 3rd`, `Nov 27`, `Jan 12 '27`
        form(
            &format!(
                r"\b{weekday}{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b|\s+['’](?P<yy>\d{{2}})\b)?"
            ),
            digit.and_month_name(),
            Reader::day_month,
        ),
        // `Mar-Avr`, `mars à mai 2026`, `Oct - Dec 2025`: two months, a
        // range (corpus 01: `Jalon 3: Certification NF525 (Mar-Avr - Sem
        // 8-16)`). Without a digit, as `fin mars` below.
        form(
            &format!(
                r"\b{month}(?:\s*[-–—/]\s*|\s+(?:a|au|to|through|until)\s+){month2}(?:,?\s+(?:de\s+)?(?P<year>\d{{4}}))?\b"
            ),
            Needs {
                digit: false,
                ..digit.and_month_name()
            },
            Reader::month_range,
        ),
        // `fin mars`, `mi-avril 2025`, `début mai`: a form without a digit.
        form(
            &format!(r"\b{part}[\s-]+(?:de\s+|d')?{month2}(?:\s+(?P<year>\d{{4}}))?\b"),
            Needs {
                digit: false,
                ..digit.and_month_name()
            },
            Reader::month_part,
        ),
        // `Décembre 2025`, `Mar 2026`
        form(
            &format!(r"\b{month}\s+(?:de\s+)?(?P<year>\d{{4}})\b"),
            digit.and_month_name(),
            Reader::month_year,
        ),
        // `W12`, German `KW 47` (Kalenderwoche): an ISO week of the
        // reference year, the nearest to the reference date.
        form(
            r"\b(?:w|kw\s*)(?P<week>\d{1,2})\b",
            digit.and_one_of(b"wk"),
            Reader::iso_week,
        ),
        // `2025-04`: a month.
        form(
            r"\b(?P<year>\d{4})-(?P<month_number>\d{2})\b",
            digit.and_one_of(b"-"),
            Reader::year_month,
        ),
    ]
});

/// What a match needs besides its captures.
pub(super) struct Reader {
    pub(super) reference: NaiveDate,
    pub(super) order: DateOrder,
}

/// The groups of one match of a date form, by name.
pub(super) struct Groups<'h> {
    pub(super) captures: &'h Captures,
    pub(super) haystack: &'h str,
    /// The form's group names and indices ([`Form::names`]).
    pub(super) names: &'h [(String, usize)],
}

impl<'h> Groups<'h> {
    pub(super) fn name(&self, name: &str) -> Option<&'h str> {
        self.haystack.get(self.range(name)?)
    }

    pub(super) fn range(&self, name: &str) -> Option<Range<usize>> {
        let &(_, index) = self.names.iter().find(|(named, _)| named == name)?;
        Some(self.captures.get_group(index)?.range())
    }
}

/// The number of a quarter or half-year (group `name`, or `after` when
/// written after its year: `2026-Q1`) and its year, when plausible.
pub(super) fn numbered_period(captures: &Groups, name: &str, after: &str) -> Option<(u32, i32)> {
    let index = number(captures, name).or_else(|| number(captures, after))?;
    let year = year_of(captures).or_else(|| number(captures, "year2").map(|y| y as i32))?;
    plausible_year(year).then_some((index, year))
}

/// The day a part word (`fin`, `mid`, `early`) names in the period of
/// `months` months from `start`: its first day, the middle of its middle
/// month (the 1st of July for a year), or its last day. `None` without a
/// part word.
pub(super) fn part_of_period(
    captures: &Groups,
    start: NaiveDate,
    months: u32,
) -> Option<ParsedDate> {
    let word = captures.name("part")?;
    let part = MONTH_PART_WORDS.iter().find(|(w, _)| *w == word)?.1;
    let day = match part {
        MonthPart::Start => start,
        // A year's middle is the 1st of July, a quarter's the 15th of its
        // second month.
        MonthPart::Middle if months.is_multiple_of(2) => months_later(start, months / 2)?,
        MonthPart::Middle => months_later(start, months / 2)?.with_day(15)?,
        MonthPart::End => months_later(start, months)?.pred_opt()?,
    };
    Some(ParsedDate {
        start: day,
        end: None,
        precision: DatePrecision::Day,
        year_inferred: false,
    })
}

/// The first day of the month `months` after `start`'s (a first of month).
pub(super) fn months_later(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    let index = start.year() * 12 + start.month0() as i32 + months as i32;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

/// The quarter that starts on `start`.
fn quarter_from(start: NaiveDate) -> ParsedDate {
    ParsedDate {
        start,
        end: None,
        precision: DatePrecision::Quarter,
        year_inferred: false,
    }
}

/// The `months` months that start on `start`, a span as `Jan-Jun 2027`
/// is: a half-year (six) or a season (three).
fn span_from(start: NaiveDate, months: u32) -> Option<ParsedDate> {
    Some(ParsedDate {
        start,
        end: Some(months_later(start, months)?.pred_opt()?),
        precision: DatePrecision::Month,
        year_inferred: false,
    })
}

/// Month `month` of a year written in full (`Décembre 2025`, `2025-12`).
fn month_of(year: u32, month: u32) -> Option<ParsedDate> {
    let year = year as i32;
    if !plausible_year(year) {
        return None;
    }
    Some(ParsedDate {
        start: NaiveDate::from_ymd_opt(year, month, 1)?,
        end: None,
        precision: DatePrecision::Month,
        year_inferred: false,
    })
}

pub(super) fn number(captures: &Groups, name: &str) -> Option<u32> {
    captures.name(name)?.parse().ok()
}

pub(super) fn month_number(captures: &Groups, name: &str) -> Option<u32> {
    let word = captures.name(name)?.trim_end_matches('.');
    MONTH_NAMES
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, month)| *month)
}

/// `15/03/25` is 2025; two-digit years are this century.
/// The year of group `year`, else of group `yy`: two figures after an
/// apostrophe (`Q2'27`, `Jan 12 '27`), in this century.
fn year_of(captures: &Groups) -> Option<i32> {
    (number(captures, "year").map(|year| year as i32))
        .or_else(|| number(captures, "yy").map(full_year))
}

pub(super) fn full_year(year: u32) -> i32 {
    if year < 100 {
        2000 + year as i32
    } else {
        year as i32
    }
}

pub(super) fn plausible_year(year: i32) -> bool {
    (1970..=2200).contains(&year)
}

impl Reader {
    /// The year that puts month/day nearest to the reference date.
    pub(super) fn nearest(&self, month: u32, day: u32) -> Option<NaiveDate> {
        let year = self.reference.year();
        [year - 1, year, year + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|date| {
                (
                    date.signed_duration_since(self.reference).num_days().abs(),
                    -date.num_days_from_ce(),
                )
            })
    }

    pub(super) fn day_date(&self, year: Option<i32>, month: u32, day: u32) -> Option<ParsedDate> {
        let (start, year_inferred) = match year {
            Some(year) if plausible_year(year) => {
                (NaiveDate::from_ymd_opt(year, month, day)?, false)
            }
            Some(_) => return None,
            None => (self.nearest(month, day)?, true),
        };
        Some(ParsedDate {
            start,
            end: None,
            precision: DatePrecision::Day,
            year_inferred,
        })
    }

    pub(super) fn iso(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let year = number(captures, "year")? as i32;
        reader.day_date(Some(year), number(captures, "a")?, number(captures, "b")?)
    }

    pub(super) fn numeric(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let (a, b) = (number(captures, "a")?, number(captures, "b")?);
        let (mut day, mut month) = match reader.order {
            DateOrder::Dmy => (a, b),
            DateOrder::Mdy => (b, a),
        };
        // A full date that only the other order can read is written in
        // that order: a US tool's export `12/15/2026` in a portal read day
        // first is the 15th of December.
        let four_figures = captures.name("year").is_some_and(|year| year.len() == 4);
        if four_figures && month > 12 && day <= 12 {
            (day, month) = (month, day);
        }
        let year = number(captures, "year").map(full_year);
        if captures.name("sep") == Some(".") && captures.name("year").is_some_and(|y| y.len() != 4)
        {
            // `1.2.25` is a version far more often than a date.
            return None;
        }
        reader.day_date(year, month, day)
    }

    /// `10/07`, unless the word after it says what it counts: `11/11
    /// tests pasando` (corpus 10), `12/12 tâches` are fractions.
    pub(super) fn numeric_without_year(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let end = captures.range("whole")?.end;
        let after = captures.haystack.get(end..).unwrap_or("");
        let next = after.split_whitespace().next().unwrap_or("");
        let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        if COUNTED_WORDS.contains(&next) {
            return None;
        }
        Self::numeric(captures, reader)
    }

    pub(super) fn day_month(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let year = year_of(captures);
        reader.day_date(
            year,
            month_number(captures, "month")?,
            number(captures, "day")?,
        )
    }

    pub(super) fn day_range(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let month = month_number(captures, "month")?;
        let year = number(captures, "year").map(|y| y as i32);
        let first = reader.day_date(year, month, number(captures, "day")?)?;
        let end = NaiveDate::from_ymd_opt(first.start.year(), month, number(captures, "day2")?)?;
        if end < first.start {
            return None;
        }
        Some(ParsedDate {
            end: Some(end),
            ..first
        })
    }

    pub(super) fn month_year(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let _ = reader;
        month_of(number(captures, "year")?, month_number(captures, "month")?)
    }

    pub(super) fn year_month(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let _ = reader;
        month_of(number(captures, "year")?, number(captures, "month_number")?)
    }

    /// From the first day of the first month to the last of the second;
    /// a year written applies to the second month (`nov - jan 2026` starts
    /// in November 2025), else the range ends nearest the reference date.
    pub(super) fn month_range(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let (first, last) = (
            month_number(captures, "month")?,
            month_number(captures, "month2")?,
        );
        if first == last {
            return None;
        }
        let year = number(captures, "year").map(|y| y as i32);
        let base = reader.day_date(year, last, 15)?;
        let end_year = base.start.year();
        let start_year = if first < last { end_year } else { end_year - 1 };
        Some(ParsedDate {
            start: NaiveDate::from_ymd_opt(start_year, first, 1)?,
            end: last_day_of_month(NaiveDate::from_ymd_opt(end_year, last, 1)?),
            precision: DatePrecision::Month,
            year_inferred: base.year_inferred,
        })
    }

    pub(super) fn month_part(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let month = month_number(captures, "month2")?;
        let word = captures.name("part")?;
        let part = MONTH_PART_WORDS.iter().find(|(w, _)| *w == word)?.1;
        let year = number(captures, "year").map(|y| y as i32);
        let base = reader.day_date(year, month, 15)?;
        let first = NaiveDate::from_ymd_opt(base.start.year(), month, 1)?;
        let start = match part {
            MonthPart::Start => first,
            MonthPart::Middle => base.start,
            MonthPart::End => last_day_of_month(first)?,
        };
        // A point in the month, read as that day.
        Some(ParsedDate { start, ..base })
    }

    pub(super) fn quarter(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let _ = reader;
        let (quarter, year) = numbered_period(captures, "quarter", "quarter2")?;
        let start = NaiveDate::from_ymd_opt(year, (quarter - 1) * 3 + 1, 1)?;
        part_of_period(captures, start, 3).or(Some(quarter_from(start)))
    }

    /// `H1 2027`: January to June, a span as `Jan-Jun 2027` is.
    pub(super) fn half(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let _ = reader;
        let (half, year) = numbered_period(captures, "half", "half2")?;
        let start = NaiveDate::from_ymd_opt(year, (half - 1) * 6 + 1, 1)?;
        part_of_period(captures, start, 6).or_else(|| span_from(start, 6))
    }

    /// `2e semestre 2027`: the second half of 2027, a span as `H2 2027`
    /// is; `1er trimestre 2028`: the first quarter of 2028, as `Q1 2028`.
    pub(super) fn ranked_period(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let _ = reader;
        let rank = captures.name("rank")?;
        let rank = RANKS.iter().find(|(word, _)| *word == rank)?.1;
        let year = number(captures, "year")? as i32;
        let quarter = matches!(captures.name("unit")?, "trimestre" | "quarter");
        let (count, months) = if quarter { (4, 3) } else { (2, 6) };
        let rank = if rank == 0 { count } else { rank };
        if rank > count || !plausible_year(year) {
            return None;
        }
        let start = NaiveDate::from_ymd_opt(year, (rank - 1) * months + 1, 1)?;
        if quarter {
            Some(quarter_from(start))
        } else {
            span_from(start, 6)
        }
    }

    /// `été 2027`: June to August 2027, a span as `Jun-Aug 2027` is;
    /// `hiver 2027`: December 2026 to February 2027.
    pub(super) fn season(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let _ = reader;
        let season = captures.name("season")?;
        let month = SEASONS.iter().find(|(word, _)| *word == season)?.1;
        let year = number(captures, "year")? as i32;
        if !plausible_year(year) {
            return None;
        }
        let year = if month == 12 { year - 1 } else { year };
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        part_of_period(captures, start, 3).or_else(|| span_from(start, 3))
    }

    pub(super) fn year_part(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let _ = reader;
        let year = number(captures, "year")? as i32;
        if !plausible_year(year) {
            return None;
        }
        part_of_period(captures, NaiveDate::from_ymd_opt(year, 1, 1)?, 12)
    }

    pub(super) fn iso_week(captures: &Groups, reader: &Reader) -> Option<ParsedDate> {
        let week = number(captures, "week").or_else(|| number(captures, "week2"))?;
        let year = number(captures, "year").or_else(|| number(captures, "year2"));
        let (start, year_inferred) = match year {
            Some(year) if plausible_year(year as i32) => (
                NaiveDate::from_isoywd_opt(year as i32, week, Weekday::Mon)?,
                false,
            ),
            Some(_) => return None,
            None => {
                let y = reader.reference.iso_week().year();
                let start = [y - 1, y, y + 1]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_isoywd_opt(y, week, Weekday::Mon))
                    .min_by_key(|d| d.signed_duration_since(reader.reference).num_days().abs())?;
                (start, true)
            }
        };
        // Week 1 of 1970 starts on 1969-12-29, a year no date is read in.
        if !plausible_year(start.year()) {
            return None;
        }
        Some(ParsedDate {
            start,
            end: None,
            precision: DatePrecision::Week,
            year_inferred,
        })
    }
}
