//! The date reader: the dates tracking documents really write.
//!
//! No crate reads French tracking dates right: documents mix `2025-04-27`,
//! `10/01/2025` (day first), `2 février 2026`, `5 FEV`, `March 3rd`,
//! `Q4/2023`, `fin mars`, `15-20 feb` and `Semaine du 22 Avril 2025`, often
//! without a year (seed `003_…`: `| Phase 1 Start | 5 feb |`). This module
//! finds them inside a line ([`find_dates`]) or reads a whole cell
//! ([`parse_date`]), and gives each a precision and whether its year was
//! guessed.
//!
//! Matching works on a *folded* copy of the text (lower case, accents
//! removed, so `Décembre`, `DECEMBRE` and `decembre` are one word) whose
//! byte offsets map back to the original, so callers get ranges they can
//! cut out of the text they passed.
//!
//! What is deliberately *not* a date, because real documents are full of
//! them: `1.2` and `P0.1` (ticket numbers), `v2.10` (versions), `5/8` and
//! `4/6 (67%)` (fractions: a year-less numeric date needs a two-digit
//! month), `100%`, `01:15` (times), `Sem 3` (a project week, not an ISO
//! week), a month name alone (`Mar-Avr`, `march`). A project week is read
//! only by [`find_project_week`], against the day the document says its
//! project started.

use std::borrow::Cow;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use regex_automata::{Anchored, Input};

mod forms;

use forms::*;

use super::folding::{fold, fold_char, folded_words, holds_digit, words, Folded, FoldedChar};
use crate::config::DateOrder;
use crate::model::DatePrecision;

/// A date read from a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    /// The day the date names (the first day of a month, quarter or week;
    /// the start of a range).
    pub start: NaiveDate,
    /// The last day of a range (`15-20 feb`), if the text gave one.
    pub end: Option<NaiveDate>,
    pub precision: DatePrecision,
    /// The text gave no year: it was taken from the reference date.
    pub year_inferred: bool,
}

/// Day names and their abbreviations, folded, in French and English.
const WEEKDAY_NAMES: &[(&str, Weekday)] = &[
    ("lundi", Weekday::Mon),
    ("lun", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mar", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("mer", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("jeu", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("ven", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("sam", Weekday::Sat),
    ("dimanche", Weekday::Sun),
    ("dim", Weekday::Sun),
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
];

/// The day of the week written right before a date that starts with its
/// day number (corpus 05's `Jeu 10/07`, `Monday, 3 March`), or `None`.
/// `at` is where the date starts in `text`. A month name there would have
/// been read as part of the date, so `Mar 15/07` names a Tuesday.
pub fn weekday_before(text: &str, at: usize) -> Option<Weekday> {
    let date = text.get(at..)?;
    if !date.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Past the spaces, commas, dots and markup between them (`**Jeudi**`).
    let before = text
        .get(..at)?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let word = fold(before.rsplit(|c: char| !c.is_alphabetic()).next()?);
    (WEEKDAY_NAMES.iter())
        .find(|(name, _)| *name == word)
        .map(|&(_, day)| day)
}

/// Whether `text` holds a month's name as a word (`fin décembre`, `due
/// Dec`), for an aside that says when as well as who (`(@paul, fin
/// décembre)`).
pub fn names_a_month(text: &str) -> bool {
    let folded = fold(text);
    let named = words(&folded).any(|word| MONTH_NAMES.iter().any(|(name, _)| *name == word));
    named
}

/// The last day of the period a date names when the text gave no end:
/// `Q4/2023` runs to 2023-12-31, `Décembre 2025` to 2025-12-31, a week to
/// its Sunday; `None` for a day. A milestone is due at the end of its period.
pub fn period_end(date: &ParsedDate) -> Option<NaiveDate> {
    if let Some(end) = date.end {
        return Some(end);
    }
    let start = date.start;
    match date.precision {
        DatePrecision::Day => None,
        DatePrecision::Week => start.checked_add_signed(Duration::days(6)),
        DatePrecision::Month => last_day_of_month(start.with_day(1)?),
        DatePrecision::Quarter => {
            let last_month = (start.month() - 1) / 3 * 3 + 3;
            last_day_of_month(NaiveDate::from_ymd_opt(start.year(), last_month, 1)?)
        }
        DatePrecision::Year => NaiveDate::from_ymd_opt(start.year(), 12, 31),
    }
}

fn last_day_of_month(first: NaiveDate) -> Option<NaiveDate> {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
    };
    next.checked_sub_signed(Duration::days(1))
}

/// Whether `text` may hold a date, asked before folding it: an ASCII text
/// folds to its lower case, so it holds a date only with a digit or with
/// a month name and a month part (`fin`, `mid`) or a second month name,
/// in any case ([`may_hold_wordy_date`]). About half
/// the texts asked (item texts mostly) are ASCII and hold neither; any
/// other text is folded and asked.
fn may_hold_date(text: &str) -> bool {
    !text.is_ascii() || text.bytes().any(|b| b.is_ascii_digit()) || may_hold_wordy_date(text)
}

/// Whether a text (folded, or ASCII in any case) may hold one of the two
/// forms without a digit: a month part and a month name (`fin mars`), or
/// two month names (`Mar-Avr`).
fn may_hold_wordy_date(text: &str) -> bool {
    let mut names = MONTH_NAME_LIST.find_iter(text);
    names.next().is_some() && (names.next().is_some() || MONTH_PART_LIST.is_match(text))
}

/// Every date written in `text`, in order, with its byte range in `text`.
///
/// Years left out take the year that puts the date nearest to `reference`
/// (the document's as-of date, else the portal's); two dates joined by a
/// range connector (`10/02 - 21/02`, `Nov 27 - Dec 11, 2025`) become one
/// range.
pub fn find_dates(
    text: &str,
    reference: NaiveDate,
    order: DateOrder,
) -> Vec<(ParsedDate, Range<usize>)> {
    if !may_hold_date(text) {
        return Vec::new();
    }
    let folded = Folded::new(text);
    let digit = holds_digit(&folded.text);
    if !(digit || may_hold_wordy_date(&folded.text)) {
        // No form can match: all but two need a digit, and those a month
        // and a `fin`/`mi`/`début` or a second month.
        return Vec::new();
    }
    let month_name = MONTH_NAME_LIST.is_match(&folded.text);
    let holds = Holds {
        digit,
        month_name,
        ascii: Holds::ascii_of(&folded.text),
    };
    let view = pattern_view(&folded.text);
    let reader = Reader { reference, order };
    // `2025-01-XX` (corpus 07) is a placeholder, not January 2025.
    let mut claimed = Claimed::default();
    if may_hold_placeholder(text) {
        for placeholder in PLACEHOLDER.find_iter(&view) {
            claimed.claim(placeholder.range());
        }
    }
    let mut found: Vec<(ParsedDate, Range<usize>)> = Vec::new();
    for form in FORMS.iter().filter(|form| form.needs.met_by(&holds)) {
        // Set up on the form's first match only.
        let mut captures = None;
        let mut position = 0;
        // A search first, then the captures of its match alone: most
        // lines hold no match, and setting up captures costs.
        while let Some(found_match) = form.regex.find(Input::new(&*view).range(position..)) {
            let mut range = found_match.range();
            // A match inside a date read already is skipped without its
            // captures, unless the date is only part of it (`whole`).
            if form.whole.is_some() || !claimed.overlaps(&range) {
                let on_match = Input::new(&*view)
                    .span(found_match.span())
                    .anchored(Anchored::Yes);
                let captures = captures.get_or_insert_with(|| form.regex.create_captures());
                form.regex.search_captures(&on_match, captures);
                if !captures.is_match() {
                    break;
                }
                if let Some(whole) = form.whole.and_then(|index| captures.get_group(index)) {
                    range = whole.range();
                }
            }
            // Resume right after the date itself, not after the context
            // character a pattern may have consumed (`10/02-21/02`).
            position = next_position(&folded.text, range.end.max(position + 1));
            if claimed.overlaps(&range) {
                continue;
            }
            let Some(captures) = &captures else {
                break;
            };
            let groups = Groups {
                captures,
                haystack: &view,
                names: &form.names,
            };
            if let Some(date) = (form.read)(&groups, &reader) {
                claimed.claim(range.clone());
                found.push((date, range));
            }
        }
    }
    found.sort_by_key(|(_, range)| range.start);
    let found = mark_weeks(&folded.text, found);
    let found = join_ranges(&folded.text, found);
    found
        .into_iter()
        .map(|(date, range)| (date, folded.original_range(range)))
        .collect()
}

/// Whether [`PLACEHOLDER`] can match `text`: each of its shapes holds a
/// doubled `d`, `j`, `m` or `x` right before or after a `-`, `/` or `.`
/// once folded (`2024-MM-JJ`, `DD/MM/YYYY`, `2025-01-XX`). Only the
/// characters around each separator are folded (every line of a document
/// is asked, and most have a `.` or a `-` somewhere).
fn may_hold_placeholder(text: &str) -> bool {
    // No other character folds to a separator (a test checks every one).
    memchr::memchr3_iter(b'-', b'/', b'.', text.as_bytes()).any(|at| {
        fold_to_a_doubled_letter(text[..at].chars().rev())
            || fold_to_a_doubled_letter(text[at + 1..].chars())
    })
}

/// Whether the first two characters of `chars` that fold to something fold
/// to the same `d`, `j`, `m` or `x`; `true` too when one folds to several
/// characters (it cannot be ruled out).
fn fold_to_a_doubled_letter(chars: impl Iterator<Item = char>) -> bool {
    let mut first = None;
    for c in chars {
        let folded = match fold_char(c) {
            FoldedChar::Nothing => continue,
            FoldedChar::One(folded) => folded,
            FoldedChar::Several(_) => return true,
        };
        match first {
            None => first = Some(folded),
            Some(first) => return first == folded && matches!(folded, 'd' | 'j' | 'm' | 'x'),
        }
    }
    false
}

/// Non-ASCII characters the patterns name (`–` in `15–20 feb`).
static PATTERN_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = FORMS
        .iter()
        .map(|form| form.pattern.as_str())
        .chain([PLACEHOLDER.as_str()])
        .flat_map(str::chars)
        .filter(|c| !c.is_ascii())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
});

/// The folded text as the patterns search it. Their Unicode word boundaries
/// make the regex engine leave its fast automaton for a slow one at the
/// first non-ASCII byte, and tracking documents are full of emoji, arrows
/// and typographic punctuation. Each such character is neither a word
/// character, nor a space, nor named by a pattern: every pattern treats it
/// exactly as it treats U+0001, so it becomes that many U+0001 bytes (byte
/// offsets unchanged). Text with other non-ASCII characters (letters
/// without an ASCII fold, no-break spaces, `–`) is searched as it is.
fn pattern_view(folded: &str) -> Cow<'_, str> {
    if folded.is_ascii() {
        return Cow::Borrowed(folded);
    }
    let stands_for_nothing = |c: char| {
        !regex_syntax::is_word_character(c)
            && !c.is_whitespace()
            && PATTERN_CHARS.binary_search(&c).is_err()
    };
    if !folded
        .chars()
        .all(|c| c.is_ascii() || stands_for_nothing(c))
    {
        return Cow::Borrowed(folded);
    }
    let mut view = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii() {
            view.push(c);
        } else {
            view.extend(std::iter::repeat_n('\u{1}', c.len_utf8()));
        }
    }
    Cow::Owned(view)
}

/// The byte ranges already taken by a date or a placeholder, so a later
/// pattern cannot read a date inside them. They never overlap one another,
/// so sorted by start their ends are sorted too, and only the last range
/// starting before a new one's end can overlap it: one lookup, not a scan
/// of every date found so far (a 5 MB line of `12/03` dates took minutes).
#[derive(Default)]
struct Claimed {
    /// Start → end.
    ranges: BTreeMap<usize, usize>,
}

impl Claimed {
    fn overlaps(&self, range: &Range<usize>) -> bool {
        self.ranges
            .range(..range.end)
            .next_back()
            .is_some_and(|(_, &end)| range.start < end)
    }

    fn claim(&mut self, range: Range<usize>) {
        let end = self.ranges.entry(range.start).or_insert(range.end);
        *end = (*end).max(range.end);
    }
}

fn next_position(text: &str, mut position: usize) -> usize {
    while position < text.len() && !text.is_char_boundary(position) {
        position += 1;
    }
    position.min(text.len())
}

/// `Semaine du 22 Avril 2025`: the date is the week it starts, and the
/// words that say so are part of it as written (`Launch: week of 11
/// January 2027` is `Launch`, not `Launch: week of`).
fn mark_weeks(
    folded: &str,
    found: Vec<(ParsedDate, Range<usize>)>,
) -> Vec<(ParsedDate, Range<usize>)> {
    found
        .into_iter()
        .map(|(mut date, mut range)| {
            let before = folded.get(..range.start).unwrap_or("").trim_end();
            let word = (WEEK_OF_WORDS.iter()).find(|word| {
                (before.strip_suffix(**word))
                    .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
            });
            if let Some(word) = word.filter(|_| date.precision == DatePrecision::Day) {
                date.precision = DatePrecision::Week;
                range.start = before.len() - word.len();
            }
            (date, range)
        })
        .collect()
}

/// Joins `A - B` into one range when only a connector stands between two dates.
fn join_ranges(
    folded: &str,
    found: Vec<(ParsedDate, Range<usize>)>,
) -> Vec<(ParsedDate, Range<usize>)> {
    let mut out: Vec<(ParsedDate, Range<usize>)> = Vec::new();
    for (date, range) in found {
        if let Some((previous, previous_range)) = out.last_mut() {
            let between = folded.get(previous_range.end..range.start).unwrap_or("x");
            let between = between.trim();
            let between = between.strip_prefix("du ").unwrap_or(between);
            if previous.end.is_none() && date.end.is_none() && RANGE_CONNECTORS.contains(&between) {
                if let Some(joined) = join(*previous, date) {
                    *previous = joined;
                    previous_range.end = range.end;
                    continue;
                }
            }
        }
        out.push((date, range));
    }
    out
}

/// The range from `first` to `second`; a year-less start takes the year of
/// a dated end (`Nov 27 - Dec 11, 2025`), and an end before its start moves
/// to the next year (`Dec 27 - Jan 9`). The range runs to the last day of
/// what `second` names: `novembre 2025 – juin 2026` ends on 30 June, as
/// its reader would say, not on the 1st.
fn join(first: ParsedDate, second: ParsedDate) -> Option<ParsedDate> {
    let mut start = first.start;
    let mut end = second.start;
    if first.year_inferred && !second.year_inferred {
        start = start.with_year(end.year())?;
        if start > end {
            start = start.with_year(end.year() - 1)?;
        }
    } else if second.year_inferred {
        end = end.with_year(start.year())?;
        if end < start {
            end = end.with_year(start.year() + 1)?;
        }
    }
    if end < start || end.signed_duration_since(start).num_days() > 3 * 366 {
        return None;
    }
    let end = period_end(&ParsedDate {
        start: end,
        ..second
    })
    .unwrap_or(end);
    Some(ParsedDate {
        start,
        end: Some(end),
        precision: first.precision,
        year_inferred: first.year_inferred && second.year_inferred,
    })
}

/// Reads `text` as one date (a table cell, the value of a labelled line):
/// `Some` only when the date is all there is, apart from punctuation,
/// emoji and a few filler words (`Jeu 10/07`, `✅ 31 jan`, `~ Q3 2026`).
/// A lone year (`2026`) is a date of year precision here, never inside a line.
pub fn parse_date(text: &str, reference: NaiveDate, order: DateOrder) -> Option<ParsedDate> {
    date_alone(text, &find_dates(text, reference, order))
}

/// [`parse_date`] of `text` whose dates [`find_dates`] already gave as `found`.
pub fn date_alone(text: &str, found: &[(ParsedDate, Range<usize>)]) -> Option<ParsedDate> {
    let Some((date, range)) = found.first() else {
        return lone_year(text);
    };
    if found.len() > 1 {
        return None;
    }
    let rest = format!(
        "{} {}",
        text.get(..range.start).unwrap_or(""),
        text.get(range.end..).unwrap_or("")
    );
    only_filler(&rest).then_some(*date)
}

/// Stems of the words that say a date moved to the date after them
/// (`prévue le 01/03, décalée au 30/04`, `due 1 March, postponed to 30
/// April`), folded; `now` only as a whole word.
const MOVED_TO: &[&str] = &[
    "decal",
    "report",
    "repouss",
    "replanif",
    "recal",
    "gliss",
    "moved",
    "postpon",
    "pushed",
    "slipped",
    "reschedul",
    "delayed",
    "deferred",
    "desormais",
];

/// Words that say the date after them is the one first planned, folded
/// (`30/04 (initialement 01/03)`, `au lieu du 01/03`). `was` says so only
/// right before the date (`30 April (was 1 March)`, not `01/03, which was
/// the plan, now 15/04`), and `from` only after a word of moving (`moved
/// from 01/03`, not `blocked from 15/02`).
const FIRST_PLANNED: &[&str] = &[
    "initialement",
    "initially",
    "originally",
    "originellement",
    "lieu",
    "instead",
    "baseline",
];

/// Whether `word` (folded) says the date after it is the one moved to.
pub(crate) fn is_moving(word: &str) -> bool {
    word == "now" || MOVED_TO.iter().any(|stem| word.starts_with(stem))
}

/// Whether the words between two dates (folded) say the second is the one
/// first planned ([`FIRST_PLANNED`]).
fn names_first_plan(between: &str) -> bool {
    let words: Vec<&str> = words(between).collect();
    (words.iter().enumerate()).any(|(at, word)| match *word {
        "was" => at + 1 == words.len(),
        "from" => words[..at].iter().any(|w| is_moving(w) || *w == "changed"),
        word => FIRST_PLANNED.contains(&word),
    })
}

/// Of the dates `found` in `text` ([`find_dates`]), the one a reader takes
/// as the date now, and the one first planned when the text shows that the
/// date moved, as indices into `found`. A date struck out (`~~01/03/2026~~
/// 30/04/2026`, looked for in `written`, the line as the document wrote it:
/// the outline's text has lost its markup) is a plan given up, never the
/// date; a date after a word of
/// moving (`prévue le 01/03, décalée au 30/04`) replaces the one before
/// it, and one after a word of first plans (`30/04 (initialement 01/03)`)
/// is the one replaced. Otherwise the first date is the date.
pub fn date_now(
    text: &str,
    written: &str,
    found: &[(ParsedDate, Range<usize>)],
) -> Option<(usize, Option<usize>)> {
    if found.is_empty() {
        return None;
    }
    let moved = |now: usize, first: usize| {
        let differ = found[now].0.start != found[first].0.start;
        Some((now, differ.then_some(first)))
    };
    if found.len() > 1 && written.contains("~~") {
        let struck = struck_dates(text, written, found);
        if struck[0] {
            return match struck.iter().position(|struck| !struck) {
                Some(0) | None => Some((0, None)),
                Some(now) => moved(now, now - 1),
            };
        }
    }
    let mut now = 0;
    let mut first = None;
    for (index, pair) in found.windows(2).enumerate() {
        let between = fold(text.get(pair[0].1.end..pair[1].1.start).unwrap_or(""));
        if index != now {
            continue;
        }
        // `30/04 (moved from 01/03)`: the words of first plans come first.
        if first.is_none() && names_first_plan(&between) {
            first = Some(index + 1);
        } else if words(&between).any(is_moving) {
            first.get_or_insert(index);
            now = index + 1;
        }
    }
    match first {
        Some(first) => moved(now, first),
        None => Some((now, None)),
    }
}

/// Which of the dates `found` in `text` stand struck out (between a `~~`
/// and the next) in `written`, the line as the document wrote it. Each
/// date is looked for after the one before, and the pairs of `~~` are
/// passed in the same order: a long line is read once, however many
/// dates it holds.
fn struck_dates(text: &str, written: &str, found: &[(ParsedDate, Range<usize>)]) -> Vec<bool> {
    let marks: Vec<usize> = memchr::memmem::find_iter(written.as_bytes(), "~~").collect();
    let pairs: Vec<(usize, usize)> = (marks.chunks_exact(2)).map(|p| (p[0], p[1])).collect();
    let (mut cursor, mut pair) = (0, 0);
    (found.iter())
        .map(|(_, range)| {
            let date = text.get(range.clone()).unwrap_or("");
            let Some(at) = written.get(cursor..).and_then(|rest| rest.find(date)) else {
                return false;
            };
            let at = cursor + at;
            cursor = at + date.len();
            while pairs.get(pair).is_some_and(|&(_, close)| close < cursor) {
                pair += 1;
            }
            pairs.get(pair).is_some_and(|&(open, _)| open < at)
        })
        .collect()
}

fn lone_year(text: &str) -> Option<ParsedDate> {
    let trimmed = text.trim();
    if trimmed.len() != 4 || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = trimmed.parse().ok()?;
    if !(1990..=2100).contains(&year) {
        return None;
    }
    Some(ParsedDate {
        start: NaiveDate::from_ymd_opt(year, 1, 1)?,
        end: None,
        precision: DatePrecision::Year,
        year_inferred: false,
    })
}

/// How many words of `text` are no part of a date: neither figures, nor
/// a month's name, nor a word that goes with a date (`per il 15 gennaio
/// 2027` holds one, `per`; `planned for the 15 January 2027`, `for`).
/// `None` when `text` holds no figure and no month: `the export API`
/// is no words beside a date, but words alone.
pub fn words_beside_dates(text: &str) -> Option<usize> {
    let folded = fold(text);
    let is_date_part = |word: &str| {
        word.bytes().all(|b| b.is_ascii_digit())
            || MONTH_NAMES.iter().any(|(name, _)| *name == word)
    };
    if !words(&folded).any(is_date_part) {
        return None;
    }
    let beside = words(&folded)
        .filter(|word| !is_date_part(word))
        .filter(|word| !FILLER_WORDS.contains(word) && !WEEKDAY_WORDS.contains(word))
        .count();
    Some(beside)
}

/// Whether `text` holds nothing but punctuation, symbols and filler words.
fn only_filler(text: &str) -> bool {
    words(&fold(text)).all(|word| FILLER_WORDS.contains(&word) || WEEKDAY_WORDS.contains(&word))
}

/// A project week: `End of Week 2`, `Week 3`, `Semaine 1-2`, `Sem. 4`,
/// `fin de la semaine 6`.
static PROJECT_WEEK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:(?P<end>(?:by\s+)?end\s+of|fin\s+de(?:\s+la)?)\s+)?
        (?:week|semaine|sem\.?|semana)\s*(?P<first>\d{1,2})
        (?:\s*(?:-|–|to|à|au)\s*(?P<last>\d{1,2}))?\b",
    )
    .expect("project week pattern compiles")
});

/// The first project week of `text`, counted from `start`, the day the
/// project started: week N runs seven days from `start` + 7 × (N − 1), so
/// `Week 1-2` is the first fortnight and `End of Week 2` its last day.
/// Only a document that says when its project started has project weeks;
/// elsewhere `Sem 3` is no date.
pub fn find_project_week(text: &str, start: NaiveDate) -> Option<(ParsedDate, Range<usize>)> {
    let captures = PROJECT_WEEK.captures(text)?;
    let week = |name: &str| captures.name(name)?.as_str().parse::<i64>().ok();
    let first = week("first").filter(|&n| n >= 1)?;
    let last = week("last").filter(|&n| n > first);
    let day = |days: i64| start.checked_add_signed(Duration::days(days));
    let date = if captures.name("end").is_some() {
        ParsedDate {
            start: day(7 * last.unwrap_or(first) - 1)?,
            end: None,
            precision: DatePrecision::Day,
            year_inferred: false,
        }
    } else {
        ParsedDate {
            start: day(7 * (first - 1))?,
            end: match last {
                Some(last) => Some(day(7 * last - 1)?),
                None => None,
            },
            precision: DatePrecision::Week,
            year_inferred: false,
        }
    };
    Some((date, captures.get(0)?.range()))
}

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?:\d{4}|yyyy|aaaa|xxxx)[-/.](?:\d{1,2}|mm|xx)[-/.](?:dd|jj|xx)\b
        | \b(?:\d{4}|yyyy|aaaa)[-/.](?:mm|xx)[-/.](?:\d{1,2})\b
        | \b(?:dd|jj|xx)[-/.](?:mm|xx)[-/.](?:yyyy|aaaa|yy|aa|xxxx)\b
        | \bmm[-/.]dd[-/.](?:yyyy|yy)\b",
    )
    .expect("placeholder pattern compiles")
});

/// Placeholders left from a template (`2024-MM-JJ`, `YYYY-MM-DD`,
/// `JJ/MM/AAAA`) inside `text`: not dates, but worth a `placeholder-date`
/// diagnostic (seed `004_…`: `analyse du code au 2024-MM-JJ`).
pub fn find_placeholders(text: &str) -> Vec<Range<usize>> {
    if !may_hold_placeholder(text) {
        return Vec::new();
    }
    let folded = Folded::new(text);
    PLACEHOLDER
        .find_iter(&pattern_view(&folded.text))
        .map(|m| folded.original_range(m.range()))
        .collect()
}

/// Words that stand for a date not known yet, in a place a date was expected.
const TO_BE_DECIDED: &[&str] = &[
    "tbd",
    "tba",
    "tbc",
    "a definir",
    "a determiner",
    "a confirmer",
    "a venir",
];

/// Whether a cell or labelled value is a date placeholder: a template
/// pattern, or `TBD`/`À définir` where a date was expected.
pub fn is_placeholder(text: &str) -> bool {
    if !find_placeholders(text).is_empty() {
        return true;
    }
    TO_BE_DECIDED.contains(&folded_words(text).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// As of seed `003_…`: 2 February 2026.
    fn reference() -> NaiveDate {
        date(2026, 2, 2)
    }

    fn parse(text: &str) -> Option<ParsedDate> {
        parse_date(text, reference(), DateOrder::Dmy)
    }

    fn day(text: &str) -> NaiveDate {
        parse(text)
            .unwrap_or_else(|| panic!("{text:?} should be a date"))
            .start
    }

    /// Which date of a line is the date now, and which the first plan:
    /// as the line is written (`written`, markup kept) for struck dates.
    #[test]
    fn the_date_now_of_a_line_that_shows_a_move() {
        let now = |text: &str, written: &str| {
            let found = find_dates(text, reference(), DateOrder::Dmy);
            let (now, first) = date_now(text, written, &found).expect("dates");
            (found[now].0.start, first.map(|first| found[first].0.start))
        };
        let (march, april) = (date(2026, 3, 1), date(2026, 4, 30));
        let plain = |text: &str| now(text, text);
        assert_eq!(
            plain("01/03/2026 décalée au 30/04/2026"),
            (april, Some(march))
        );
        assert_eq!(
            plain("01/03/2026, reportée au 30/04/2026"),
            (april, Some(march))
        );
        assert_eq!(
            plain("1 March 2026, postponed to 30 April 2026"),
            (april, Some(march))
        );
        assert_eq!(
            plain("30/04/2026 (initialement 01/03/2026)"),
            (april, Some(march))
        );
        assert_eq!(
            plain("30 April 2026 (was 1 March 2026)"),
            (april, Some(march))
        );
        assert_eq!(
            plain("30/04/2026, moved from 01/03/2026"),
            (april, Some(march))
        );
        // Moved twice: the last date is now, the first is the first plan.
        assert_eq!(
            plain("01/03/2026, décalée au 15/04/2026 puis repoussée au 30/04/2026"),
            (april, Some(march))
        );
        // No word of moving: the first date, and no first plan.
        assert_eq!(plain("01/03/2026 et 30/04/2026"), (march, None));
        // `from` and `was` that say nothing of a plan.
        let february = date(2026, 2, 15);
        assert_eq!(
            plain("Deploy 01/03/2026 (blocked from 15/02/2026)"),
            (march, None)
        );
        assert_eq!(
            plain("01/03/2026: what was asked on 15/02/2026"),
            (march, None)
        );
        assert_eq!(
            plain("15/02/2026, which was the plan, now 01/03/2026"),
            (march, Some(february))
        );
        assert_eq!(
            plain("01/03/2026 (changed from 15/02/2026)"),
            (march, Some(february))
        );
        // Moved to the same day: no first plan to show.
        assert_eq!(plain("01/03/2026, reportée au 1 mars 2026"), (march, None));
        // Struck out where the line is written, as the outline's text is not.
        let text = "Recette 01/03/2026 30/04/2026";
        assert_eq!(
            now(text, "| Recette | ~~01/03/2026~~ 30/04/2026 |"),
            (april, Some(march))
        );
        assert_eq!(now(text, text), (march, None));
        // Every date struck: the first, as before.
        assert_eq!(
            now(text, "~~Recette 01/03/2026 30/04/2026~~"),
            (march, None)
        );
    }

    #[test]
    fn iso() {
        let parsed = parse("2025-04-27").unwrap();
        assert_eq!(parsed.start, date(2025, 4, 27));
        assert_eq!(parsed.precision, DatePrecision::Day);
        assert!(!parsed.year_inferred);
    }

    #[test]
    fn numeric_day_first_by_default() {
        assert_eq!(day("10/01/2025"), date(2025, 1, 10));
        assert_eq!(day("30/06/2025"), date(2025, 6, 30));
    }

    #[test]
    fn numeric_month_first_when_configured() {
        let parsed = parse_date("10/01/2025", reference(), DateOrder::Mdy).unwrap();
        assert_eq!(parsed.start, date(2025, 10, 1));
    }

    #[test]
    fn numeric_two_digit_year() {
        assert_eq!(day("15/03/25"), date(2025, 3, 15));
    }

    #[test]
    fn numeric_dotted_german() {
        assert_eq!(day("23.06.2026"), date(2026, 6, 23));
    }

    #[test]
    fn numeric_without_year_takes_the_nearest_year() {
        let parsed = parse("10/02").unwrap();
        assert_eq!(parsed.start, date(2026, 2, 10));
        assert!(parsed.year_inferred);
        // Late December seen from early February is last year's.
        assert_eq!(day("20/12"), date(2025, 12, 20));
    }

    #[test]
    fn french_day_month_year() {
        assert_eq!(day("2 février 2026"), date(2026, 2, 2));
        assert_eq!(day("22 Avril 2025"), date(2025, 4, 22));
        assert_eq!(day("1er mars 2025"), date(2025, 3, 1));
        assert_eq!(day("8 Janvier 2026"), date(2026, 1, 8));
        assert_eq!(day("15 août 2025"), date(2025, 8, 15));
        assert_eq!(day("3 DÉCEMBRE 2025"), date(2025, 12, 3));
    }

    #[test]
    fn french_abbreviations() {
        assert_eq!(day("5 FEV"), date(2026, 2, 5));
        assert_eq!(day("4 Fév."), date(2026, 2, 4));
        assert_eq!(day("12 janv. 2026"), date(2026, 1, 12));
        assert_eq!(day("3 juil"), date(2026, 7, 3));
    }

    #[test]
    fn english_day_month() {
        assert_eq!(day("31 jan"), date(2026, 1, 31));
        assert_eq!(day("3 feb"), date(2026, 2, 3));
        assert_eq!(day("3 Feb."), date(2026, 2, 3));
    }

    #[test]
    fn english_month_day() {
        assert_eq!(day("March 3, 2026"), date(2026, 3, 3));
        assert_eq!(day("March 3rd"), date(2026, 3, 3));
        assert_eq!(day("Nov 27, 2025"), date(2025, 11, 27));
        assert_eq!(day("November 20, 2025"), date(2025, 11, 20));
        assert_eq!(day("Monday, March 2, 2026"), date(2026, 3, 2));
    }

    #[test]
    fn spanish_and_german() {
        assert_eq!(day("3 de marzo de 2026"), date(2026, 3, 3));
        assert_eq!(day("3. März 2026"), date(2026, 3, 3));
        assert_eq!(day("15 Dezember 2025"), date(2025, 12, 15));
    }

    /// Italian months, written out or cut short (`giu`, `lug`, `ott`),
    /// and the words an Italian date stands with (`entro il`).
    #[test]
    fn italian() {
        assert_eq!(day("15 dicembre 2026"), date(2026, 12, 15));
        assert_eq!(day("1 settembre 2026"), date(2026, 9, 1));
        assert_eq!(day("20 gennaio 2027"), date(2027, 1, 20));
        assert_eq!(day("3 giu 2026"), date(2026, 6, 3));
        assert_eq!(day("ottobre 2026"), date(2026, 10, 1));
        assert_eq!(day("entro il 30/11/2026"), date(2026, 11, 30));
        assert_eq!(day("venerdì 4 dicembre 2026"), date(2026, 12, 4));
        assert_eq!(words_beside_dates(" per il 15 gennaio 2027"), Some(1));
        assert_eq!(words_beside_dates(" for the 15 January 2027"), Some(1));
        assert_eq!(words_beside_dates(" waiting for the vendor 2027"), Some(3));
        assert_eq!(words_beside_dates(" the export API"), None);
    }

    #[test]
    fn month_precision() {
        let parsed = parse("Décembre 2025").unwrap();
        assert_eq!(parsed.start, date(2025, 12, 1));
        assert_eq!(parsed.precision, DatePrecision::Month);
        assert_eq!(day("Mar 2026"), date(2026, 3, 1));
        assert_eq!(day("June 2026"), date(2026, 6, 1));
    }

    #[test]
    fn start_middle_and_end_of_month() {
        assert_eq!(day("fin mars"), date(2026, 3, 31));
        assert_eq!(day("mi-avril"), date(2026, 4, 15));
        assert_eq!(day("début mai"), date(2026, 5, 1));
        assert_eq!(day("fin février 2024"), date(2024, 2, 29));
        assert_eq!(day("end of June 2026"), date(2026, 6, 30));
        assert_eq!(parse("fin mars").unwrap().precision, DatePrecision::Day);
        assert_eq!(day("END OF JUNE"), date(2026, 6, 30));
        assert_eq!(day("Mid-April"), date(2026, 4, 15));
        assert_eq!(day("FIN MARS"), date(2026, 3, 31));
    }

    #[test]
    fn quarters() {
        let parsed = parse("Q3 2026").unwrap();
        assert_eq!(parsed.start, date(2026, 7, 1));
        assert_eq!(parsed.precision, DatePrecision::Quarter);
        assert_eq!(day("T2 2025"), date(2025, 4, 1));
        assert_eq!(day("Q4/2023"), date(2023, 10, 1));
        assert_eq!(day("2026-Q1"), date(2026, 1, 1));
    }

    /// A quarter or a half-year named by its rank, in words or figures, in
    /// French and English; the last is the fourth quarter or second half.
    #[test]
    fn ranked_quarters_and_halves() {
        for (text, start, end) in [
            (
                "2e semestre 2027",
                date(2027, 7, 1),
                Some(date(2027, 12, 31)),
            ),
            (
                "premier semestre 2028",
                date(2028, 1, 1),
                Some(date(2028, 6, 30)),
            ),
            (
                "second half of 2027",
                date(2027, 7, 1),
                Some(date(2027, 12, 31)),
            ),
            ("1er trimestre 2028", date(2028, 1, 1), None),
            ("3ème trimestre de l'année 2026", date(2026, 7, 1), None),
            ("3rd quarter 2027", date(2027, 7, 1), None),
            ("dernier trimestre 2028", date(2028, 10, 1), None),
        ] {
            let parsed = parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((parsed.start, parsed.end), (start, end), "{text}");
        }
        assert_eq!(
            parse("1er trimestre 2028").unwrap().precision,
            DatePrecision::Quarter
        );
        // A fifth quarter or a third half is no period.
        assert!(parse("5e trimestre 2027").is_none());
        assert!(parse("3e semestre 2027").is_none());
    }

    #[test]
    fn halves_and_points_in_a_period() {
        // A half-year is a span, as two months are.
        let h1 = parse("H1 2027").unwrap();
        assert_eq!(
            (h1.start, h1.end),
            (date(2027, 1, 1), Some(date(2027, 6, 30)))
        );
        let h2 = parse("2026-H2").unwrap();
        assert_eq!(
            (h2.start, h2.end),
            (date(2026, 7, 1), Some(date(2026, 12, 31)))
        );
        assert_eq!(parse("H2/2026").unwrap().start, date(2026, 7, 1));
        // A part word names a day of its quarter, half or year.
        for (text, expected) in [
            ("end of Q2 2027", date(2027, 6, 30)),
            ("fin T4 2026", date(2026, 12, 31)),
            ("early Q3 2027", date(2027, 7, 1)),
            ("mid Q1 2027", date(2027, 2, 15)),
            ("fin H1 2027", date(2027, 6, 30)),
            ("fin 2027", date(2027, 12, 31)),
            ("mid-2027", date(2027, 7, 1)),
            ("début 2028", date(2028, 1, 1)),
            ("late 2026", date(2026, 12, 31)),
            ("fin d'année 2027", date(2027, 12, 31)),
            ("fin de l’année 2026", date(2026, 12, 31)),
            ("end of the year 2027", date(2027, 12, 31)),
            ("mid-year 2027", date(2027, 7, 1)),
            ("EOY 2026", date(2026, 12, 31)),
        ] {
            let parsed = parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((parsed.start, parsed.end), (expected, None), "{text}");
            assert_eq!(parsed.precision, DatePrecision::Day, "{text}");
        }
        // Not a half: a word, a heading number, an hour.
        for text in ["HH1 2027", "h3 2027", "à 14h 2027 participants"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    /// A season is three months, as a PM planning by seasons means; a
    /// winter is labelled by the year of its January.
    #[test]
    fn seasons_are_spans_of_three_months() {
        for (text, start, end) in [
            ("printemps 2027", date(2027, 3, 1), Some(date(2027, 5, 31))),
            ("Summer 2027", date(2027, 6, 1), Some(date(2027, 8, 31))),
            ("été 2027", date(2027, 6, 1), Some(date(2027, 8, 31))),
            ("automne 2026", date(2026, 9, 1), Some(date(2026, 11, 30))),
            ("fall of 2026", date(2026, 9, 1), Some(date(2026, 11, 30))),
            ("hiver 2027", date(2026, 12, 1), Some(date(2027, 2, 28))),
            ("winter 2028", date(2027, 12, 1), Some(date(2028, 2, 29))),
            ("fin de l'été 2027", date(2027, 8, 31), None),
            ("late spring 2027", date(2027, 5, 31), None),
            ("début de l’automne 2027", date(2027, 9, 1), None),
        ] {
            let parsed = parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((parsed.start, parsed.end), (start, end), "{text}");
        }
        // A season needs its year; words that only contain one are none.
        for text in ["au printemps", "summertime 2027", "the fall 12 times"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn periods_end_where_they_end() {
        let end = |text: &str| period_end(&parse(text).unwrap());
        assert_eq!(end("Q4/2023"), Some(date(2023, 12, 31)));
        assert_eq!(end("Décembre 2025"), Some(date(2025, 12, 31)));
        assert_eq!(end("S12 2026"), Some(date(2026, 3, 22)));
        assert_eq!(end("2026"), Some(date(2026, 12, 31)));
        assert_eq!(end("15-20 feb"), Some(date(2026, 2, 20)));
        assert_eq!(end("31 jan"), None);
    }

    #[test]
    fn iso_weeks_start_on_monday() {
        let parsed = parse("S12 2026").unwrap();
        assert_eq!(parsed.start, date(2026, 3, 16));
        assert_eq!(parsed.precision, DatePrecision::Week);
        assert_eq!(day("2026-W12"), date(2026, 3, 16));
        let bare = parse("W12").unwrap();
        assert_eq!(bare.start, date(2026, 3, 16));
        assert!(bare.year_inferred);
        // Week 1 of 1970 starts in 1969, before any year a date is read in
        // (a proptest's case: its ISO form would not read back).
        assert!(parse("S1 1970").is_none());
        assert_eq!(parse("S2 1970").unwrap().start, date(1970, 1, 5));
        // A week written in words, with its year.
        for text in [
            "semaine 12 2026",
            "Semaine 12, 2026",
            "Week 12 2026",
            "sem. 12/2026",
            "KW 12/2026",
            "KW12 2026",
            "semana 12 2026",
            "settimana 12/2026",
        ] {
            let parsed = parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (parsed.start, parsed.year_inferred),
                (date(2026, 3, 16), false),
                "{text}"
            );
        }
        // A German calendar week without its year is the reference year's,
        // as `W12` is: `KW 12`, `KW12`.
        for text in ["KW 12", "KW12", "kw 12"] {
            let parsed = parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (parsed.start, parsed.year_inferred),
                (date(2026, 3, 16), true),
                "{text}"
            );
        }
        // Without a year it is a week of the project, read only where the
        // document says when its project started; a date after it is a day.
        assert_eq!(parse("Semaine 12"), None);
        let found = find_dates("Week 1 2026-01-05", reference(), DateOrder::Dmy);
        let days: Vec<_> = found.iter().map(|(parsed, _)| parsed.start).collect();
        assert_eq!(days, [date(2026, 1, 5)]);
    }

    #[test]
    fn day_ranges() {
        let parsed = parse("15-20 feb").unwrap();
        assert_eq!(parsed.start, date(2026, 2, 15));
        assert_eq!(parsed.end, Some(date(2026, 2, 20)));
        // August is nearer last year's than next year's from 2 February 2026.
        let parsed = parse("du 10 au 22 août").unwrap();
        assert_eq!(parsed.start, date(2025, 8, 10));
        assert_eq!(parsed.end, Some(date(2025, 8, 22)));
    }

    #[test]
    fn ranges_of_two_dates() {
        let parsed = parse("10/02 - 21/02").unwrap();
        assert_eq!(parsed.start, date(2026, 2, 10));
        assert_eq!(parsed.end, Some(date(2026, 2, 21)));
        // Corpus 20: the year is written once, at the end.
        let parsed = parse("Nov 27 - Dec 11, 2025").unwrap();
        assert_eq!(parsed.start, date(2025, 11, 27));
        assert_eq!(parsed.end, Some(date(2025, 12, 11)));
        assert!(!parsed.year_inferred);
        let parsed = parse("Dec 27 - Jan 9, 2026").unwrap();
        assert_eq!(parsed.start, date(2025, 12, 27));
        assert_eq!(parsed.end, Some(date(2026, 1, 9)));
        let parsed = parse("du 3 mars 2026 au 5 avril 2026").unwrap();
        assert_eq!(parsed.end, Some(date(2026, 4, 5)));
    }

    #[test]
    fn ranges_of_two_months() {
        // Corpus 01: `Jalon 3: Certification NF525 (Mar-Avr - Sem 8-16)`.
        let parsed = parse("Mar-Avr").unwrap();
        assert_eq!(parsed.start, date(2026, 3, 1));
        assert_eq!(parsed.end, Some(date(2026, 4, 30)));
        assert_eq!(parsed.precision, DatePrecision::Month);
        assert!(parsed.year_inferred);
        let parsed = parse("mars à mai 2026").unwrap();
        assert_eq!(
            (parsed.start, parsed.end),
            (date(2026, 3, 1), Some(date(2026, 5, 31)))
        );
        assert!(!parsed.year_inferred);
        // The year written is the second month's.
        let parsed = parse("Nov - Jan 2026").unwrap();
        assert_eq!(
            (parsed.start, parsed.end),
            (date(2025, 11, 1), Some(date(2026, 1, 31)))
        );
        // Two dated months or quarters: the range ends with the last
        // day of the second (corpus 17's `November 2025 - June 2026`).
        let parsed = parse("November 2025 - June 2026").unwrap();
        assert_eq!(
            (parsed.start, parsed.end),
            (date(2025, 11, 1), Some(date(2026, 6, 30)))
        );
        let parsed = parse("Q1 2026 – Q2 2026").unwrap();
        assert_eq!(
            (parsed.start, parsed.end),
            (date(2026, 1, 1), Some(date(2026, 6, 30)))
        );
        // One month twice is no range, and a month alone no date.
        assert!(parse("mars-mars").is_none());
        assert!(parse("mars").is_none());
    }

    #[test]
    fn week_of() {
        let parsed = parse("Semaine du 22 Avril 2025").unwrap();
        assert_eq!(parsed.start, date(2025, 4, 22));
        assert_eq!(parsed.precision, DatePrecision::Week);
        let parsed = parse("Week of March 2, 2026").unwrap();
        assert_eq!(parsed.start, date(2026, 3, 2));
        assert_eq!(parsed.precision, DatePrecision::Week);
        // A British plan's week commencing; the words are part of the date
        // as written, so that a title leaves them out.
        let text = "GA: w/c 11 January 2027";
        let found = find_dates(text, reference(), DateOrder::Dmy);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.start, date(2027, 1, 11));
        assert_eq!(found[0].0.precision, DatePrecision::Week);
        assert_eq!(&text[found[0].1.clone()], "w/c 11 January 2027");
        let text = "Recette : semaine du 18 janvier 2027";
        let found = find_dates(text, reference(), DateOrder::Dmy);
        assert_eq!(&text[found[0].1.clone()], "semaine du 18 janvier 2027");
        // `week of` inside a word is no such words.
        let found = find_dates("Midweek of 2 March 2026", reference(), DateOrder::Dmy);
        assert_eq!(found[0].0.precision, DatePrecision::Day);
    }

    /// A full date only the other order can read is read in that order;
    /// one both orders can read keeps the portal's, and a date without its
    /// year is not turned.
    #[test]
    fn a_date_only_month_first_can_read() {
        assert_eq!(day("12/15/2026"), date(2026, 12, 15));
        assert_eq!(day("11/05/2026"), date(2026, 5, 11));
        let mdy = |text: &str| parse_date(text, reference(), DateOrder::Mdy).map(|d| d.start);
        assert_eq!(mdy("15/12/2026"), Some(date(2026, 12, 15)));
        assert_eq!(mdy("11/05/2026"), Some(date(2026, 11, 5)));
        assert_eq!(parse("12/15").map(|d| d.start), None);
    }

    /// A year of two figures after an apostrophe, as slides write it.
    #[test]
    fn a_year_after_an_apostrophe() {
        let parsed = parse("Q2'27").unwrap();
        assert_eq!((parsed.start, parsed.end), (date(2027, 4, 1), None));
        assert_eq!(day("Jan 12 '27"), date(2027, 1, 12));
        assert_eq!(day("Jan 12 ’27"), date(2027, 1, 12));
        assert_eq!(parse("Q3 ’26").map(|d| d.start), Some(date(2026, 7, 1)));
    }

    /// Week N of a project that started on Wednesday 5 November 2025 runs
    /// from the 5th + 7 × (N − 1) days for seven days.
    #[test]
    fn project_weeks_count_from_the_start() {
        let start = date(2025, 11, 5);
        let week = |text: &'static str| {
            find_project_week(text, start)
                .map(|(d, range)| (d.start, d.end, d.precision, &text[range]))
        };
        assert_eq!(
            week("End of Week 2: Milestone 1"),
            Some((
                date(2025, 11, 18),
                None,
                DatePrecision::Day,
                "End of Week 2"
            ))
        );
        assert_eq!(
            week("Week 3"),
            Some((date(2025, 11, 19), None, DatePrecision::Week, "Week 3"))
        );
        assert_eq!(
            week("Sprint 1 (Semaine 1-2)"),
            Some((
                date(2025, 11, 5),
                Some(date(2025, 11, 18)),
                DatePrecision::Week,
                "Semaine 1-2"
            ))
        );
        assert_eq!(
            week("livraison fin de la semaine 6").map(|w| w.0),
            Some(date(2025, 12, 16))
        );
        assert_eq!(week("Sem. 4").map(|w| w.0), Some(date(2025, 11, 26)));
        // No week number, week 0, a week of the year, a weekday.
        for text in [
            "Weekly sync",
            "Week 0",
            "W12",
            "weekend 2",
            "Sprint 3",
            "2 weeks",
        ] {
            assert_eq!(week(text), None, "{text}");
        }
    }

    #[test]
    fn the_weekday_written_before_a_date_is_read() {
        let before = |text: &str, date: &str| weekday_before(text, text.find(date).unwrap());
        assert_eq!(before("| Jeu 10/07 |", "10/07"), Some(Weekday::Thu));
        assert_eq!(before("| Mar 15/07 |", "15/07"), Some(Weekday::Tue));
        assert_eq!(
            before("- **Jeudi** 10 juillet", "10 juillet"),
            Some(Weekday::Thu)
        );
        assert_eq!(
            before("Monday, 3 March 2026", "3 March"),
            Some(Weekday::Mon)
        );
        assert_eq!(before("Sat. 4 April", "4 April"), Some(Weekday::Sat));
        // A month name or another word is no weekday; a date that does not
        // start with its day has none.
        assert_eq!(before("Version 10/07", "10/07"), None);
        assert_eq!(before("Livraison Mar 2026", "Mar 2026"), None);
        assert_eq!(before("10/07", "10/07"), None);
    }

    #[test]
    fn weekday_prefix_is_read_past() {
        // Corpus 05: `| Jeu 10/07 |` and `| Mar 15/07 |` (Tuesday, not March).
        assert_eq!(
            parse_date("Jeu 10/07", date(2025, 7, 1), DateOrder::Dmy)
                .unwrap()
                .start,
            date(2025, 7, 10)
        );
        assert_eq!(
            parse_date("Mar 15/07", date(2025, 7, 1), DateOrder::Dmy)
                .unwrap()
                .start,
            date(2025, 7, 15)
        );
    }

    #[test]
    fn a_lone_year_is_a_cell_date() {
        let parsed = parse("2026").unwrap();
        assert_eq!(parsed.precision, DatePrecision::Year);
        assert!(find_dates("in 2026 we ship", reference(), DateOrder::Dmy).is_empty());
    }

    #[test]
    fn cells_with_markers_and_filler() {
        assert_eq!(day("✅ 31 jan"), date(2026, 1, 31));
        assert_eq!(day("le 5 mars"), date(2026, 3, 5));
        assert!(parse("5 feb, after the review").is_none());
    }

    #[test]
    fn not_dates() {
        for text in [
            "1.2",
            "P0.1",
            "5/8",
            "v2.10",
            "100%",
            "01:15",
            "4/6 (67%)",
            "22/22",
            "13/13",
            "Sem 3",
            "Mar-Mer",
            "march",
            "Phases 1-4",
            "P0.2.1",
            "v0.10",
            "50/75/90 %",
            "2 days ago",
            "May",
            "T2",
            "Q1",
            // Counts of what follows (corpus 10), not the 11th of November.
            "11/11 tests pasando",
            "12/12 tâches validées",
            "10/12 Tests OK",
        ] {
            assert!(
                find_dates(text, reference(), DateOrder::Dmy).is_empty(),
                "{text:?} is not a date but gave {:?}",
                find_dates(text, reference(), DateOrder::Dmy)
            );
        }
    }

    #[test]
    fn dates_inside_a_line_with_ranges_in_the_original_text() {
        // A count word after a colon is no longer the date's: 11 November.
        let found = find_dates("Démo 11/11 : tests de charge", reference(), DateOrder::Dmy);
        assert_eq!(found[0].0.start, date(2025, 11, 11));
        let line = "Dernière mise à jour : 10/01/2025 01:15";
        let found = find_dates(line, reference(), DateOrder::Dmy);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.start, date(2025, 1, 10));
        assert_eq!(&line[found[0].1.clone()], "10/01/2025");
        let line = "Phase 1 Complete — 15-20 Fév (après 🟡 revue)";
        let found = find_dates(line, reference(), DateOrder::Dmy);
        assert_eq!(&line[found[0].1.clone()], "15-20 Fév");
        let line = "v1.0 shipped 2026-03-08, released as v0.11.0: 2026-03-09";
        let found = find_dates(line, reference(), DateOrder::Dmy);
        assert_eq!(found.len(), 2);
    }

    /// A later form's match inside a date read already (`2025-04` in
    /// `2025-04-27`, `avril 2025` in `7 avril 2025`) is no second date; a
    /// character of context a pattern reads is not part of its date, so the
    /// next date starts right after it (`10/02-21/02`, joined into a range).
    #[test]
    fn each_date_is_read_once_and_whole() {
        let texts: [(&str, &[&str]); 4] = [
            ("Livraison 2025-04-27", &["2025-04-27"]),
            (
                "le 7 avril 2025, puis Q3 2025",
                &["7 avril 2025", "Q3 2025"],
            ),
            ("Sprint 10/02-21/02", &["10/02-21/02"]),
            ("(12/03/2025) et 2025-04", &["12/03/2025", "2025-04"]),
        ];
        for (text, dates) in texts {
            let found = find_dates(text, reference(), DateOrder::Dmy);
            let read: Vec<&str> = found
                .iter()
                .map(|(_, range)| &text[range.clone()])
                .collect();
            assert_eq!(read, dates, "{text:?}");
        }
        // The two dates of `10/02-21/02`, joined into one range.
        let found = find_dates("Sprint 10/02-21/02", reference(), DateOrder::Dmy);
        assert_eq!(
            found[0].0.end.map(|end| (end.month(), end.day())),
            Some((2, 21))
        );
    }

    #[test]
    fn placeholders_are_not_dates() {
        assert!(is_placeholder("2024-MM-JJ"));
        assert!(is_placeholder("YYYY-MM-DD"));
        assert!(is_placeholder("JJ/MM/AAAA"));
        assert!(is_placeholder("TBD"));
        assert!(is_placeholder("2025-01-XX"));
        assert!(find_dates("Date : 2025-01-XX", reference(), DateOrder::Dmy).is_empty());
        assert!(is_placeholder("À définir"));
        assert!(parse("2024-MM-JJ").is_none());
        let line = "(Basée sur l'analyse du code au 2024-MM-JJ - *remplacez MM-JJ*)";
        let found = find_placeholders(line);
        assert_eq!(found.len(), 1);
        assert_eq!(&line[found[0].clone()], "2024-MM-JJ");
        assert!(!is_placeholder("31 jan"));
    }

    #[test]
    fn the_placeholder_filter_lets_every_placeholder_through() {
        let unfiltered = |text: &str| -> Vec<Range<usize>> {
            let folded = Folded::new(text);
            PLACEHOLDER
                .find_iter(&pattern_view(&folded.text))
                .map(|m| folded.original_range(m.range()))
                .collect()
        };
        let shapes = [
            "2024-MM-JJ",
            "YYYY-MM-DD",
            "JJ/MM/AAAA",
            "2025-01-XX",
            "MM.DD.YY",
        ];
        let cases = [
            "2024-ḾḾ-JJ",               // acute accents folded away
            "2024-M\u{301}M-J\u{301}J", // the same, decomposed
            "Ｄｄ/ｍｍ/ｙｙｙｙ",       // full-width letters
            "été 2024-MM-JJ, ß-dd/mm/yyyy",
            "dd-",
            "-mm",
            "x.x",
            "d-d",
            "v1.2 - done",
            "",
            "-",
        ];
        for text in shapes.iter().chain(&cases) {
            let expected = unfiltered(text);
            assert_eq!(find_placeholders(text), expected, "{text:?}");
            if !expected.is_empty() {
                assert!(may_hold_placeholder(text), "{text:?}");
            }
        }
        assert!(!may_hold_placeholder(
            "Sprint 3 - livraison v1.2 / recette."
        ));
    }

    mod roundtrip {
        use super::*;
        use proptest::prelude::*;

        const MONTH_WORDS: &[&str] = &[
            "janvier", "Février", "MARS", "avr.", "mai", "Juin", "juillet", "août", "sept",
            "Octobre", "nov", "déc", "January", "feb", "March", "Apr", "june", "Jul", "August",
            "Sep", "oct.", "November", "Dec", "marzo", "März",
        ];

        fn written_date() -> impl Strategy<Value = String> {
            let day = 0u32..40;
            let month = 0u32..14;
            let year = prop_oneof![Just(None), (1960i32..2230).prop_map(Some)];
            let word = prop::sample::select(MONTH_WORDS);
            let shape = 0usize..9;
            (day, month, year, word, shape).prop_map(|(d, m, y, word, shape)| {
                let year = y.map(|y| y.to_string()).unwrap_or_default();
                match shape {
                    0 => format!("{year}-{m:02}-{d:02}"),
                    1 => format!("{d}/{m:02}/{year}"),
                    2 => format!("{d}/{m:02}"),
                    3 => format!("{d} {word} {year}"),
                    4 => format!("{word} {d}, {year}"),
                    5 => format!("{word} {year}"),
                    6 => format!("Q{} {year}", m % 5),
                    7 => format!("S{d} {year}"),
                    _ => format!("{d}-{} {word}", d + m),
                }
            })
        }

        proptest! {
            #[test]
            fn every_accepted_date_reads_back_from_its_iso_form(text in written_date()) {
                if let Some(parsed) = parse_date(&text, reference(), DateOrder::Dmy) {
                    let iso = parsed.start.format("%Y-%m-%d").to_string();
                    let again = parse_date(&iso, reference(), DateOrder::Dmy);
                    prop_assert_eq!(again.map(|d| d.start), Some(parsed.start), "{} -> {}", text, iso);
                    if let Some(end) = parsed.end {
                        prop_assert!(end >= parsed.start);
                    }
                }
            }

            // The check before folding rules out only texts the folded
            // check rules out too: no digit, and no month name with a
            // month part (`Fin MARS`, `mid-Dec`) or a second month name
            // (`Mar-AVR`).
            #[test]
            fn a_text_ruled_out_before_folding_holds_no_date(
                text in "([A-Za-z ]{0,6}|(FIN|Mid|early|end of|d[eé]but) )?[A-Za-z é-]{0,8}(MARS|dec|Mar\\.|juin)?( ?- ?| [aà] )?(AVR|mai|Jan)?[A-Za-z ²-]{0,4}"
            ) {
                if !may_hold_date(&text) {
                    let folded = fold(&text);
                    prop_assert!(!holds_digit(&folded));
                    prop_assert!(!may_hold_wordy_date(&folded));
                    prop_assert!(find_dates(&text, reference(), DateOrder::Dmy).is_empty());
                }
            }

            #[test]
            fn any_text_is_safe(text in "\\PC{0,40}") {
                let _ = find_dates(&text, reference(), DateOrder::Mdy);
                let _ = parse_date(&text, reference(), DateOrder::Dmy);
                let _ = find_placeholders(&text);
            }
        }
    }

    /// Regression (tests/pathological.rs, a 5 MB single line): every date of
    /// a long line is still found once each, and a date inside a placeholder
    /// or inside an earlier date is still not read. The line is 10,000
    /// copies of `12/03 ` then `2024-MM-JJ`: 10,000 dates, no more.
    #[test]
    fn a_long_line_of_dates_gives_each_date_once() {
        let line = format!("{}2024-MM-JJ", "12/03 ".repeat(10_000));
        let found = find_dates(&line, reference(), DateOrder::Dmy);
        assert_eq!(found.len(), 10_000);
        assert!(found.windows(2).all(|w| w[0].1.end <= w[1].1.start));
        assert_eq!(&line[found[9_999].1.clone()], "12/03");
    }

    #[test]
    fn claimed_ranges_overlap_as_intervals_do() {
        let mut claimed = Claimed::default();
        claimed.claim(10..20);
        claimed.claim(30..40);
        assert!(!claimed.overlaps(&(0..10)), "touching is not overlapping");
        assert!(claimed.overlaps(&(5..11)));
        assert!(claimed.overlaps(&(19..25)));
        assert!(!claimed.overlaps(&(20..30)));
        assert!(claimed.overlaps(&(0..100)), "a range holding both");
        assert!(claimed.overlaps(&(35..36)), "a range inside one");
    }
}
