//! The types that cross pipeline stages.
//!
//! `status.json` is exactly the serde form of [`PortfolioStatus`]
//! (see `STATUS_JSON.md`): field names here are a public contract. Add
//! fields freely; never rename or remove one without bumping [`SCHEMA`].

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod packed;
mod source_path;

pub use packed::{Blocks, Encoding, Packed, PackedEach, Stowed};
pub use source_path::SourcesElided;

/// Version of the `status.json` shape.
pub const SCHEMA: u32 = 1;

/// The five statuses a work item can have (`EXTRACTION.md` §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    InProgress,
    Todo,
    Blocked,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Done,
        Status::InProgress,
        Status::Todo,
        Status::Blocked,
        Status::Cancelled,
    ];

    /// The `snake_case` word used in `status.json` and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "in_progress",
            Status::Todo => "todo",
            Status::Blocked => "blocked",
            Status::Cancelled => "cancelled",
        }
    }

    /// The value of an item of this status when it gives no percentage (§5).
    pub fn default_percent(self) -> f64 {
        match self {
            Status::Done => 100.0,
            Status::InProgress => 50.0,
            Status::Todo | Status::Blocked | Status::Cancelled => 0.0,
        }
    }
}

/// Project health (`STATUS_JSON.md`, "Health").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    Done,
    Green,
    Amber,
    Red,
    Unknown,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Done => "done",
            Health::Green => "green",
            Health::Amber => "amber",
            Health::Red => "red",
            Health::Unknown => "unknown",
        }
    }

    /// How much a health worries a reader, for the worst of several: red
    /// 3, amber 2, green 1, done and unknown 0.
    pub fn concern(self) -> u8 {
        match self {
            Health::Red => 3,
            Health::Amber => 2,
            Health::Green => 1,
            Health::Done | Health::Unknown => 0,
        }
    }

    /// Parses the words a front matter `status` or a declared health uses.
    pub fn parse(word: &str) -> Option<Health> {
        match word.trim().to_lowercase().as_str() {
            "done" => Some(Health::Done),
            "unknown" => Some(Health::Unknown),
            word => Health::of_colour_word(word),
        }
    }

    /// The health a RAG colour word alone names (`Green`, `ROUGE`, `At
    /// risk`), case aside, with no string made: every cell of a table is
    /// asked whether it is one.
    pub fn of_colour_word(word: &str) -> Option<Health> {
        let word = word.trim();
        // Most cells are ruled out by their length or first letter (every
        // colour word starts with one of these) before any comparison.
        let first = word.as_bytes().first().map(u8::to_ascii_lowercase);
        if word.len() > 9 || !matches!(first, Some(b'a' | b'g' | b'j' | b'o' | b'r' | b'v' | b'y'))
        {
            return None;
        }
        (COLOUR_WORDS.iter())
            .find(|(colour, _)| colour.eq_ignore_ascii_case(word))
            .map(|(_, health)| *health)
    }
}

/// The words a RAG value is written with, lower-case.
const COLOUR_WORDS: &[(&str, Health)] = &[
    ("green", Health::Green),
    ("vert", Health::Green),
    ("ok", Health::Green),
    ("on track", Health::Green),
    ("amber", Health::Amber),
    ("orange", Health::Amber),
    ("yellow", Health::Amber),
    ("jaune", Health::Amber),
    ("at risk", Health::Amber),
    ("red", Health::Red),
    ("rouge", Health::Red),
    ("off track", Health::Red),
    // German, Spanish and Italian, as their status reports' traffic lights say.
    ("grün", Health::Green),
    // Case is ignored for ASCII letters only: `Ü` is its own.
    ("GRÜN", Health::Green),
    ("grun", Health::Green),
    ("verde", Health::Green),
    ("gelb", Health::Amber),
    ("amarillo", Health::Amber),
    ("rot", Health::Red),
    ("rojo", Health::Red),
    // Italian.
    ("giallo", Health::Amber),
    ("arancione", Health::Amber),
    ("rosso", Health::Red),
];

/// Risk severity (`EXTRACTION.md` §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// Item counts of a section or project. `total` leaves `cancelled` out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub done: u32,
    pub in_progress: u32,
    pub todo: u32,
    pub blocked: u32,
    pub cancelled: u32,
    pub total: u32,
}

impl Counts {
    /// Counts one item of `status`.
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Done => self.done += 1,
            Status::InProgress => self.in_progress += 1,
            Status::Todo => self.todo += 1,
            Status::Blocked => self.blocked += 1,
            Status::Cancelled => self.cancelled += 1,
        }
        if status != Status::Cancelled {
            self.total += 1;
        }
    }

    /// Adds every count of `other` (a subsection or another document).
    pub fn merge(&mut self, other: &Counts) {
        self.done += other.done;
        self.in_progress += other.in_progress;
        self.todo += other.todo;
        self.blocked += other.blocked;
        self.cancelled += other.cancelled;
        self.total += other.total;
    }

    pub fn get(&self, status: Status) -> u32 {
        match status {
            Status::Done => self.done,
            Status::InProgress => self.in_progress,
            Status::Todo => self.todo,
            Status::Blocked => self.blocked,
            Status::Cancelled => self.cancelled,
        }
    }
}

/// One work item: a list item or table row that carries a status (§4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub text: String,
    pub status: Status,
    pub percent: Option<f64>,
    pub owner: Option<String>,
    pub id: Option<String>,
    pub points: Option<f64>,
    pub due: Option<NaiveDate>,
    #[serde(with = "source_path")]
    pub source: Arc<str>,
    pub line: usize,
    pub children: Vec<Item>,
}

/// A heading of the document and everything under it, down to the next
/// heading of the same or a higher level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    pub level: u8,
    pub line: usize,
    /// Document the heading is in (content-relative path).
    #[serde(with = "source_path")]
    pub source: Arc<str>,
    /// Mean value of every item in this section and its subsections (§5).
    pub progress: Option<f64>,
    /// The first claim the document makes about this section (§6).
    pub declared_progress: Option<f64>,
    pub health: Option<Health>,
    pub counts: Counts,
    pub items: Vec<Item>,
    pub sections: Vec<Section>,
}

/// A percentage the document claims (§6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Declaration {
    pub label: String,
    pub value: f64,
    /// Title of the section the claim is about; `None` for the whole project.
    pub section: Option<String>,
    #[serde(with = "source_path")]
    pub source: Arc<str>,
    pub line: usize,
    /// Whether the claim is about a part of its section that its label
    /// names (one of a dashboard's bars, `Lot 2 Back-office ███████░░░
    /// 70%`), not the section itself: such claims are the section's
    /// parts, and the section claims their mean when it claims nothing
    /// of its own. Absent from a `status.json` written before it: false.
    #[serde(default)]
    pub part: bool,
}

/// An area of the project (a workstream, or an axis such as budget or
/// schedule) and the health the document gives it: a row of a report's
/// *météo par chantier* or RAG table (`extract::areas`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// The area as the row names it (`Migration des données`, `Budget`).
    pub name: String,
    /// `green`, `amber` or `red`; `unknown` for an area the report marks
    /// as not rated yet (⚪).
    pub health: Health,
    /// What the row says of it (a comment column, or the words after the
    /// mark: `🔴 Retard fournisseur`).
    pub note: Option<String>,
    #[serde(with = "source_path")]
    pub source: Arc<str>,
    pub line: usize,
}

/// How precisely a written date pins a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A dated event of the project (§7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    /// The date as the document wrote it.
    pub date_text: String,
    /// The date first planned, when the document shows that the milestone
    /// moved since (a `Date révisée` or `Date réelle` column beside the
    /// planned one, a date struck out, `décalée au`, `postponed to`):
    /// `date` is then the date planned now, or the day it was reached.
    /// Absent from snapshots older than the field: read as none.
    #[serde(default)]
    pub baseline: Option<NaiveDate>,
    pub status: Option<Status>,
    /// Dated before the portal's as-of date and not done.
    pub overdue: bool,
    #[serde(with = "source_path")]
    pub source: Arc<str>,
    pub line: usize,
}

impl Milestone {
    /// Neither done nor cancelled.
    pub fn is_open(&self) -> bool {
        !matches!(self.status, Some(Status::Done | Status::Cancelled))
    }

    /// How many days later than first planned it is due or was reached
    /// (negative when earlier), when the document shows that it moved.
    pub fn moved_days(&self) -> Option<i64> {
        Some((self.date? - self.baseline?).num_days())
    }

    /// The day it is due: the end of its range (`Q1 2027` is due on 31
    /// March), else its date.
    pub fn due(&self) -> Option<NaiveDate> {
        self.date_end.or(self.date)
    }

    /// Open and due from `as_of` to [`Tally::HORIZON_DAYS`] days after it:
    /// a milestone of "the next 30 days" (summary tiles, timeline). A span
    /// counts by its end: `2027` is not due in January 2027, and a range
    /// that began last week and ends next week is.
    pub fn is_coming(&self, as_of: NaiveDate) -> bool {
        let horizon = as_of + chrono::Duration::days(Tally::HORIZON_DAYS);
        self.is_open() && self.due().is_some_and(|d| d >= as_of && d <= horizon)
    }
}

/// A risk, blocker or threat (§8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub title: String,
    pub id: Option<String>,
    /// 1 (very low) to 5 (very high).
    pub impact: Option<u8>,
    /// 1 (very unlikely) to 5 (occurred).
    pub probability: Option<u8>,
    pub severity: Option<Severity>,
    pub mitigation: Option<String>,
    pub owner: Option<String>,
    /// A risk marked closed, mitigated or resolved no longer counts for health.
    pub closed: bool,
    #[serde(with = "source_path")]
    pub source: Arc<str>,
    pub line: usize,
}

/// Someone named by the document (§9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// `@handle` as written, if the person has one.
    pub handle: Option<String>,
    pub name: String,
    pub role: Option<String>,
    /// Items they own that are not done (cancelled ones excluded).
    pub open_items: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A guess sitrep had to make, or something it could not read (§10).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub code: String,
    pub source: String,
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(code: &str, source: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Level::Warning,
            code: code.to_string(),
            source: source.to_string(),
            line,
            message: message.into(),
        }
    }

    pub fn error(code: &str, source: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            level: Level::Error,
            ..Diagnostic::warning(code, source, line, message)
        }
    }
}

/// Everything extracted from ONE document, before projects are assembled.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentStatus {
    /// The document's title (first H1, decorations removed), if it has one.
    pub title: Option<String>,
    /// The as-of date the document states (`Dernière mise à jour : …`).
    pub as_of: Option<NaiveDate>,
    /// The line that states it, for diagnostics about it (`stale`).
    #[serde(default)]
    pub as_of_line: Option<usize>,
    /// The day the document says the project started (`**Start Date**:
    /// 2025-11-05`): the project's `start` when the front matter gives
    /// none, and day one of its project weeks (`End of Week 2`).
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// The day the document says the project ends (`**End date:** …`, the
    /// last day of `**Project Duration:** November 2025 - June 2026`): the
    /// project's `end` when the front matter gives none.
    #[serde(default)]
    pub end: Option<NaiveDate>,
    /// Who the document says owns the project (`**Owner:** @dana`, `Chef
    /// de projet : Claire Dupont`): the project's `owner` when the front
    /// matter names none.
    #[serde(default)]
    pub owner: Option<String>,
    /// The label that names the owner, as written (`Chef de projet`,
    /// `Project Manager`): the owner's role among the project's people.
    #[serde(default)]
    pub owner_role: Option<String>,
    /// A health the document states for itself (`**Statut global :** 🟢`).
    pub declared_health: Option<Health>,
    /// The line that states it (`declared-health-mismatch`).
    #[serde(default)]
    pub declared_health_line: Option<usize>,
    /// The health it gives each area of the project, in document order.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// Top-level sections (the heading tree below the title).
    pub sections: Vec<Section>,
    pub declarations: Vec<Declaration>,
    pub milestones: Vec<Milestone>,
    pub risks: Vec<Risk>,
    pub people: Vec<Person>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One project of the portfolio, as published in `status.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub slug: String,
    pub title: String,
    pub name: String,
    /// Relative URL of the project page, from the portal root.
    pub url: String,
    pub sources: Vec<String>,
    pub as_of: Option<NaiveDate>,
    /// Where the as-of date is written (document, line), for diagnostics;
    /// not part of `status.json`.
    #[serde(skip)]
    pub as_of_at: Option<(String, usize)>,
    pub owner: Option<String>,
    pub tags: Vec<String>,
    pub weight: i64,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub health: Health,
    /// Why the health is what it is, in words (`milestone "Go-live" overdue by 12 days`).
    pub health_reason: String,
    /// The health the document states for itself, if any.
    pub declared_health: Option<Health>,
    /// Where that health is written (document, line); not in `status.json`.
    #[serde(skip)]
    pub declared_health_at: Option<(String, usize)>,
    /// The health its latest report gives each area of the project
    /// (workstreams, budget, schedule), in that report's order.
    #[serde(default)]
    pub areas: Vec<Area>,
    pub stale: bool,
    pub progress: Option<f64>,
    /// `"items"` (mean of item values) or `"points"` (weighted by story points).
    pub progress_method: String,
    pub declared_progress: Option<f64>,
    pub declarations: Stowed<Vec<Declaration>>,
    pub counts: Counts,
    pub sections: Sections,
    pub milestones: Stowed<Vec<Milestone>>,
    pub risks: Stowed<Vec<Risk>, Blocks<Risk>>,
    pub people: Stowed<Vec<Person>>,
    pub diagnostics: Stowed<Vec<Diagnostic>>,
    /// Its open items past their due date on the portfolio's as-of date,
    /// gathered when the project is assembled (like its milestones'
    /// `overdue`). The people pages list each person's; finding them there
    /// meant walking every item of every project at each build. Not in
    /// `status.json`.
    #[serde(skip)]
    pub late_items: Stowed<Vec<LateItem>>,
    /// What the first portfolio page sums over every project, counted
    /// when it is assembled. Not in `status.json`.
    #[serde(skip)]
    pub tally: Tally,
}

/// A project's milestones and risks as the portfolio's summary tiles count
/// them. Counted once, when the project is assembled (and cached with
/// it): the first portfolio page is made at every rebuild, and counting
/// there decoded 10,000 projects' milestones and risks each time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Open milestones dated from the as-of date to 30 days after it.
    pub next30: usize,
    /// Milestones overdue on the as-of date.
    pub overdue: usize,
    /// Open risks of critical severity.
    pub critical: usize,
    /// Every risk, open or closed: the risk pages hold the portfolio's
    /// risks in one list, made this size at once.
    pub risks: usize,
}

impl Tally {
    /// How many days after the as-of date count as "next".
    pub const HORIZON_DAYS: i64 = 30;

    /// The tally of `milestones` (their `overdue` set) and `risks` on
    /// `as_of`.
    pub fn count(milestones: &[Milestone], risks: &[Risk], as_of: NaiveDate) -> Tally {
        Tally {
            next30: milestones.iter().filter(|m| m.is_coming(as_of)).count(),
            overdue: milestones.iter().filter(|m| m.overdue).count(),
            critical: (risks.iter())
                .filter(|r| !r.closed && r.severity == Some(Severity::Critical))
                .count(),
            risks: risks.len(),
        }
    }
}

impl std::iter::Sum for Tally {
    fn sum<I: Iterator<Item = Tally>>(tallies: I) -> Tally {
        tallies.fold(Tally::default(), |sum, t| Tally {
            next30: sum.next30 + t.next30,
            overdue: sum.overdue + t.overdue,
            critical: sum.critical + t.critical,
            risks: sum.risks + t.risks,
        })
    }
}

impl Risk {
    /// A risk of `p.md` with only a title, a severity and whether it is closed.
    #[cfg(test)]
    pub(crate) fn for_tests(title: &str, severity: Severity, closed: bool, line: usize) -> Risk {
        Risk {
            title: title.into(),
            id: None,
            impact: None,
            probability: None,
            severity: Some(severity),
            mitigation: None,
            owner: None,
            closed,
            source: "p.md".into(),
            line,
        }
    }
}

impl Project {
    /// Encodes every part of the project that stays encoded until a page
    /// reads it ([`Stowed`]), once the project is assembled.
    pub fn pack(&mut self) {
        self.declarations.pack();
        self.sections.pack();
        self.milestones.pack();
        self.risks.pack();
        self.people.pack();
        self.diagnostics.pack();
        self.late_items.pack();
    }

    /// Decodes every part the cross-project pages and the diagnostics
    /// count read, and keeps it decoded beside its bytes: `serve` keeps its
    /// portfolio from one rebuild to the next, and decoding every
    /// project's risks, milestones and people again took a third of a
    /// rebuild after one edit. The section tree stays packed: a rebuild
    /// reads only the trees of the projects that changed.
    pub fn decode(&self) {
        self.declarations.decode();
        self.milestones.decode();
        self.risks.decode();
        self.people.decode();
        self.diagnostics.decode();
        self.late_items.decode();
    }

    /// A copy with every part decoded, for a page that shows them all (the
    /// project's own): its parts stay packed in the portfolio.
    pub fn decoded(&self) -> Project {
        // The copy shares the bytes, and decodes into its own parts.
        let copy = self.clone();
        copy.decode();
        copy.sections.decode();
        copy
    }
}

/// A project's section tree, which may stay encoded until it is read
/// ([`Stowed`]).
pub type Sections = Stowed<Vec<Section>>;

/// An open item past its due date: what a person's overdue list shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LateItem {
    pub text: String,
    pub owner: Option<String>,
    pub due: NaiveDate,
    #[serde(with = "source_path")]
    pub source: Arc<str>,
    pub line: usize,
}

impl LateItem {
    /// The open items of `sections` (subsections and sub-items included)
    /// past their due date on `as_of`.
    pub fn gather(sections: &[Section], as_of: NaiveDate) -> Vec<LateItem> {
        fn visit(items: &[Item], as_of: NaiveDate, out: &mut Vec<LateItem>) {
            for item in items {
                let open = !matches!(item.status, Status::Done | Status::Cancelled);
                if let Some(due) = item.due.filter(|&due| open && due < as_of) {
                    out.push(LateItem {
                        text: item.text.clone(),
                        owner: item.owner.clone(),
                        due,
                        source: item.source.clone(),
                        line: item.line,
                    });
                }
                visit(&item.children, as_of, out);
            }
        }
        fn sections_into(sections: &[Section], as_of: NaiveDate, out: &mut Vec<LateItem>) {
            for section in sections {
                visit(&section.items, as_of, out);
                sections_into(&section.sections, as_of, out);
            }
        }
        let mut out = Vec::new();
        sections_into(sections, as_of, &mut out);
        out
    }
}

/// The root of `status.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioStatus {
    pub schema: u32,
    pub generator: String,
    pub title: String,
    pub description: Option<String>,
    pub as_of: NaiveDate,
    /// Only when `--as-of`, the config's `as_of` or `SOURCE_DATE_EPOCH` fixed the build time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub built_at: Option<String>,
    pub projects: Vec<Project>,
    /// Diagnostics that belong to no project (`content/_index.md`, unreadable files).
    pub diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every colour word gets past the quick test on its length and first
    /// letter, in any case; a traffic light in German or Spanish too.
    #[test]
    fn colour_words_in_any_case() {
        for (word, health) in COLOUR_WORDS {
            assert_eq!(Health::of_colour_word(word), Some(*health), "{word}");
            let upper = word.to_uppercase();
            assert_eq!(Health::of_colour_word(&upper), Some(*health), "{upper}");
        }
        assert_eq!(Health::of_colour_word(" Gelb "), Some(Health::Amber));
        assert_eq!(Health::of_colour_word("Rojo"), Some(Health::Red));
        assert_eq!(Health::of_colour_word("Greenfield"), None);
        assert_eq!(Health::of_colour_word("100 %"), None);
    }

    fn item(text: &str) -> Item {
        Item {
            text: text.into(),
            status: Status::Todo,
            percent: None,
            owner: None,
            id: None,
            points: None,
            due: None,
            source: "a.md".into(),
            line: 3,
            children: Vec::new(),
        }
    }

    /// A milestone of the next 30 days is one due in them: a span by its
    /// end. On 3 December 2026, `2027` (due 31 December 2027) is not, nor
    /// `Q1 2027`; `15-20 Dec` is, and so is a sprint of 20 November to 10
    /// December, under way; 10 January 2027 is over the horizon.
    #[test]
    fn a_milestone_is_coming_by_the_day_it_is_due() {
        let day = |m: u32, d: u32, y: i32| NaiveDate::from_ymd_opt(y, m, d);
        let milestone = |date, date_end| Milestone {
            title: "M".into(),
            date,
            date_end,
            date_text: String::new(),
            baseline: None,
            status: None,
            overdue: false,
            source: "a.md".into(),
            line: 1,
        };
        let as_of = day(12, 3, 2026).expect("a day");
        let coming = |date, end| milestone(date, end).is_coming(as_of);
        assert!(!coming(day(1, 1, 2027), day(12, 31, 2027)));
        assert!(!coming(day(1, 1, 2027), day(3, 31, 2027)));
        assert!(coming(day(12, 15, 2026), day(12, 20, 2026)));
        assert!(coming(day(11, 20, 2026), day(12, 10, 2026)));
        assert!(coming(day(12, 3, 2026), None));
        assert!(!coming(day(1, 10, 2027), None));
        assert!(!coming(day(11, 20, 2026), None));
        let done = Milestone {
            status: Some(Status::Done),
            ..milestone(day(12, 10, 2026), None)
        };
        assert!(!done.is_coming(as_of));
    }

    /// Three risks, one closed and one open critical, and no milestone:
    /// one critical risk, three risks in all; two such projects, twice that.
    #[test]
    fn a_tally_counts_critical_risks_and_every_risk() {
        let risk = |severity, closed| Risk::for_tests("Fournisseur en retard", severity, closed, 4);
        let risks = [
            risk(Severity::Critical, false),
            risk(Severity::Critical, true),
            risk(Severity::Low, false),
        ];
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let tally = Tally::count(&[], &risks, as_of);
        assert_eq!((tally.critical, tally.risks, tally.overdue), (1, 3, 0));
        let both: Tally = [tally, tally].into_iter().sum();
        assert_eq!((both.critical, both.risks), (2, 6));
    }

    /// Encoded sections read back stay bytes until read; changed, they are
    /// encoded anew, and in JSON they are the tree with every path. Their
    /// own elided paths do not disturb those of an entry around them.
    #[test]
    fn sections_are_decoded_when_read_and_encoded_anew_when_changed() {
        let section = |title: &str, source: &str| Section {
            title: title.into(),
            level: 2,
            line: 1,
            source: source.into(),
            progress: None,
            declared_progress: None,
            health: None,
            counts: Counts::default(),
            items: vec![item("Écrire les tests"), item("Relire")],
            sections: Vec::new(),
        };
        let around = (
            item("avant"),
            Sections::from(vec![section("Lot 1", "a.md"), section("Lot 2", "b.md")]),
            item("après"),
        );
        let bytes = {
            let _elided = SourcesElided::begin();
            postcard::to_stdvec(&around).unwrap()
        };
        let mut read: (Item, Sections, Item) = {
            let _elided = SourcesElided::begin();
            postcard::from_bytes(&bytes).unwrap()
        };
        assert!(read.1.is_packed());
        assert_eq!(read, around);
        assert_eq!(&*read.2.source, "a.md", "the entry's own elision");
        read.1[1].title = "Lot 2 bis".into();
        let again: Sections = postcard::from_bytes(&postcard::to_stdvec(&read.1).unwrap()).unwrap();
        assert_eq!(again[1].title, "Lot 2 bis");
        let json = serde_json::to_value(&again).unwrap();
        assert_eq!(json[1]["items"][1]["source"], "a.md");
        assert_eq!(json[1]["source"], "b.md");
    }

    /// Each value of a block reads back on its own, with its own path,
    /// though the one before it has the same path.
    #[test]
    fn values_packed_each_read_back_one_by_one() {
        let risk = |title: &str, source: &str| Risk {
            title: title.into(),
            id: None,
            impact: Some(4),
            probability: Some(2),
            severity: Some(Severity::High),
            mitigation: None,
            owner: Some("@lea".into()),
            closed: false,
            source: source.into(),
            line: 3,
        };
        let risks = vec![
            risk("Panne", "a.md"),
            risk("Retard", "a.md"),
            risk("Départ", "b.md"),
            risk("Budget", "b.md"),
        ];
        let packed = PackedEach::new(&risks);
        for (index, expected) in risks.iter().enumerate().rev() {
            assert_eq!(&packed.get(index), expected, "risk {index}");
        }
        // Several read from one decompression, in any order.
        let decompressed = packed.decompress();
        for index in [2, 0, 3, 1] {
            assert_eq!(packed.get_from(&decompressed, index), risks[index]);
        }
    }

    /// A project keeps its risks in blocks of sixteen: each risk is found
    /// in its block, the list reads back whole, and the cache's form and
    /// `status.json`'s read back as what was stowed.
    #[test]
    fn risks_kept_in_blocks_read_back_one_by_one_and_whole() {
        for count in [0, 1, 16, 17, 40] {
            let risks: Vec<Risk> = (0..count)
                .map(|n| Risk::for_tests(&format!("Risque {n}"), Severity::Medium, n % 3 == 0, n))
                .collect();
            let blocks = Blocks::encode(&risks);
            assert_eq!(blocks.decode(), risks, "{count} risks");
            for (index, risk) in risks.iter().enumerate() {
                let (block, at) = blocks.locate(index);
                assert_eq!(at, index % 16);
                assert_eq!(&block.get(at), risk, "risk {index} of {count}");
            }
            let mut stowed: Stowed<Vec<Risk>, Blocks<Risk>> = Stowed::from(risks.clone());
            stowed.pack();
            assert!(stowed.is_packed());
            let cached: Stowed<Vec<Risk>, Blocks<Risk>> =
                postcard::from_bytes(&postcard::to_stdvec(&stowed).unwrap()).unwrap();
            assert!(cached.is_packed());
            assert_eq!(*cached.get(), risks, "{count} risks from the cache's form");
            let json = serde_json::to_string(&stowed).unwrap();
            let read: Stowed<Vec<Risk>, Blocks<Risk>> = serde_json::from_str(&json).unwrap();
            assert_eq!(*read.get(), risks, "{count} risks from JSON");
        }
    }

    /// A packed status reads back whole, each item with its own path,
    /// and a packed tree is the same tree when read, kept or not.
    #[test]
    fn packed_values_read_back_as_they_were() {
        let mut other = item("Relire");
        other.source = "b.md".into();
        let tree = vec![Section {
            title: "Lot 1".into(),
            level: 2,
            line: 1,
            source: "a.md".into(),
            progress: Some(50.0),
            declared_progress: None,
            health: Some(Health::Amber),
            counts: Counts::default(),
            items: vec![item("Écrire les tests"), other, item("Livrer")],
            sections: Vec::new(),
        }];
        let status = DocumentStatus {
            title: Some("Refonte".into()),
            sections: tree.clone(),
            ..DocumentStatus::default()
        };
        let packed = Packed::new(&status);
        assert_eq!(packed.unpack(), status);
        let paths: Vec<String> = (packed.unpack().sections[0].items.iter())
            .map(|item| item.source.to_string())
            .collect();
        assert_eq!(paths, ["a.md", "b.md", "a.md"]);

        let mut sections = Sections::from(tree.clone());
        sections.pack();
        assert!(sections.is_packed());
        sections.read(|read| assert_eq!(*read, tree));
        assert!(sections.is_packed(), "read, not kept");
        sections[0].title = "Lot 1 bis".into();
        assert_eq!(sections[0].title, "Lot 1 bis");
        sections.pack();
        assert!(sections.is_packed());
        sections.read(|read| assert_eq!(read[0].title, "Lot 1 bis"));
    }

    /// Items read back from the cache's encoding (or from JSON) share the
    /// path of their document, and a different path stays apart.
    #[test]
    fn read_back_items_share_their_document_path() {
        let mut second = item("Tests unitaires");
        second.source = "b.md".into();
        let items = vec![item("Écrire les tests"), item("Relire"), second];
        let bytes = postcard::to_stdvec(&items).unwrap();
        let decoded: Vec<Item> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(decoded, items);
        assert!(Arc::ptr_eq(&decoded[0].source, &decoded[1].source));
        assert_eq!(&*decoded[2].source, "b.md");
        let json: Vec<Item> =
            serde_json::from_str(&serde_json::to_string(&items).unwrap()).unwrap();
        assert_eq!(json, items);
        assert!(Arc::ptr_eq(&json[0].source, &json[1].source));
    }
}
