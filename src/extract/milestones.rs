//! Milestones: dated events of the project (`EXTRACTION.md` §7).
//!
//! They come from four places, each seen in a real document:
//! - milestone tables (seed `003_…`: `| Jalon | Date Estimée | Statut |`,
//!   corpus 20: `| Phase | Name | Status | Start | End |`);
//! - dated rows of status tables, the date in a column of its own (corpus
//!   24: `| Phase | … | Status | Completed |`);
//! - dated list items, lines and sub-headings under a milestone heading
//!   (corpus 24: `## Milestones` / `- ✅ **v0.9 …** (shipped 2026-02-15)`,
//!   corpus 01: `## JALONS CLÉS` / `### ✅ Jalon 0: … (8 Jan)`);
//! - lines labelled with a milestone word anywhere (seed `001_…`:
//!   `**Date prévue de fin :** 30/06/2025`).
//!
//! `overdue` is left false here: it depends on the portal's as-of date and
//! is set by `portfolio::health`.

use std::ops::Range;
use std::sync::Arc;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};

use super::as_of::{label_before, segments, LineKind, PlacedLine};
use super::dates::{self, ParsedDate};
use super::folding::{self, fold, Prefixes, WordList};
use super::gantt;
use super::outline::{Block, Outline, OutlineSection, Table, TextLine};
use super::sections::DocumentVocabulary;
use super::tables::{self, Column, DateRole, TableKind};
use super::task_fields;
use super::vocabulary::{
    is_milestone_phrase, milestone_marker_status, milestone_status, Vocabulary,
};
use super::Context;
use crate::config::DateOrder;
use crate::ingest::Document;
use crate::messages;
use crate::model::{DatePrecision, Diagnostic, DocumentStatus, Milestone, Status};

/// Heading words that make a section a list of milestones (folded).
const MILESTONE_HEADING_WORDS: &[&str] = &[
    "jalon",
    "jalons",
    "milestone",
    "milestones",
    "key dates",
    "dates cles",
    "echeance",
    "echeances",
    "calendrier",
    "timeline",
    "planning",
    "roadmap",
    "hitos",
    "meilensteine",
    // Italian: a plan's `Traguardi`, its `Scadenze` (deadlines), its
    // `Cronoprogramma` (schedule).
    "traguardi",
    "scadenze",
    "cronoprogramma",
    // Portuguese: a plan's `Marcos`, its `Cronograma`.
    "marcos",
    "cronograma",
];

/// First words of a heading that names a time box of the plan (folded):
/// `### SPRINT 1: Quick Wins (Nov 27 - Dec 11, 2025)` (corpus 20), `##
/// Phase 2 (Q3 2026)`, `## Release 1.4 — 15/03/2027`. Dated, such a
/// heading is a milestone wherever it stands, due at the end of its dates.
const TIME_BOX_WORDS: &[&str] = &[
    "sprint",
    "iteration",
    "increment",
    "phase",
    "release",
    "fase",
];

/// Whether a heading, folded, names a time box of the plan: it begins
/// with a time box's word, or it is a quarter or a half-year and at most
/// one word more, an aside in parentheses after it aside (a roadmap's `##
/// Q1 2027`, `## H2 2027`, `## T3 2026 (prévu)`, `## Q4 2026 (current
/// quarter)`; not `## Q1 2027 goals for the sales team`).
fn names_a_time_box(folded: &str) -> bool {
    let mut words = folding::words(folded);
    let Some(first) = words.next() else {
        return false;
    };
    let period = matches!(
        first.as_bytes(),
        [b'q' | b't', b'1'..=b'4'] | [b'h', b'1' | b'2']
    );
    let before_aside = folding::trailing_aside(folded).map_or(folded, |(before, _)| before);
    TIME_BOX_WORDS.contains(&first)
        || period && folding::words(before_aside).count() <= 3
        || is_countdown(folded)
}

/// Whether a heading, folded, begins with a step of a countdown to a
/// launch, as go-live runbooks and French *rétroplannings* head their
/// steps: `## T-7 (5 Dec)`, `## J-1 (11/12)`, `## D+2`, `## Jour J`, `##
/// D-Day`. Dated, each step is due on its day.
fn is_countdown(folded: &str) -> bool {
    let text = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut chars = text.chars();
    let (Some(letter), Some(sign)) = (chars.next(), chars.next()) else {
        return false;
    };
    let step = matches!(letter, 't' | 'j' | 'd')
        && matches!(sign, '-' | '+' | '\u{2212}' | '\u{2013}')
        && chars.next().is_some_and(|c| c.is_ascii_digit());
    let mut words = folding::words(text);
    let day = matches!(
        (words.next(), words.next()),
        (Some("jour"), Some("j")) | (Some("d"), Some("day"))
    );
    step || day
}

/// Whether a heading, folded, names a milestone by what it is: a version
/// (`## v2.0 — target: March 2027`, `## Version 3 (Q2 2027)`), or a
/// milestone by its label (`## Milestone: GA (Q2 2027)`, `## Jalon 2 —
/// 15/03/2027`). Dated, it is a milestone wherever it stands.
fn names_a_milestone(folded: &str) -> bool {
    let Some(first) = folding::words(folded).next() else {
        return false;
    };
    let version =
        first.len() > 1 && first.starts_with('v') && first[1..].bytes().all(|b| b.is_ascii_digit());
    version
        || matches!(first, "version" | "milestone" | "jalon")
        || begins_with_release_number(folded)
}

/// Whether a heading begins with a release's number as a changelog writes
/// it: in brackets (`## [1.2.0] - 2026-11-20`, Keep a Changelog) or in
/// three parts (`## 1.0.0 (2026-09-01)`). Two parts alone are a section's
/// number (`## 3.2 Planning (Q1 2027)`), not a release.
fn begins_with_release_number(heading: &str) -> bool {
    let Some(first) = heading.split_whitespace().next() else {
        return false;
    };
    let bracketed = first.strip_prefix('[').and_then(|f| f.strip_suffix(']'));
    let number = bracketed.unwrap_or(first);
    let number = number.strip_prefix('v').unwrap_or(number);
    let parts: Vec<&str> = number.split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    numeric && (parts.len() >= 3 || bracketed.is_some() && parts.len() >= 2)
}

/// First words of the categories a changelog sorts a release's changes
/// into (folded): Keep a Changelog's `### Added`, `### Fixed`, …, and
/// their French and release notes' names.
const CHANGE_CATEGORIES: &[&str] = &[
    "added",
    "changed",
    "deprecated",
    "removed",
    "fixed",
    "security",
    "features",
    "bug",
    "bugfixes",
    "improvements",
    "ajoute",
    "ajouts",
    "modifie",
    "modifications",
    "corrige",
    "corrections",
    "supprime",
    "nouveautes",
    "ameliorations",
];

/// Words of a title that make a document a changelog (folded).
const CHANGELOG_TITLES: &[&str] = &[
    "changelog",
    "change log",
    "release notes",
    "notes de version",
    "journal des modifications",
    "historique des versions",
];

/// Whether a dated release heading reports a release made: its changes
/// sorted under a changelog's categories (`### Added`, `### Fixed`), or
/// the document a changelog by its title. A changelog dates a release
/// when it ships, so it is done by that day, not overdue.
fn reports_a_release(heading: &OutlineSection, title: Option<&str>) -> bool {
    let categories = (heading.children.iter()).any(|child| {
        folding::words(&child.folded)
            .next()
            .is_some_and(|w| CHANGE_CATEGORIES.contains(&w))
    });
    let changelog = title.is_some_and(|title| {
        let title = folding::folded_words(title);
        CHANGELOG_TITLES.iter().any(|words| title.contains(words))
    });
    categories || changelog
}

/// Words that say when a heading's work is due, right before its date
/// (folded): `## Beta (due 2027-01-15)`, `## Migration — échéance :
/// 15/03/2027`, `## GA (ETA Q2 2027)`.
const DUE_WORDS: &[&str] = &[
    "due",
    "target",
    "eta",
    "deadline",
    "echeance",
    "cible",
    "prevu le",
    "prevue le",
    "prevu pour",
    "prevue pour",
    "expected",
];

/// Whether a heading, folded, holds one of the [`DUE_WORDS`]: the headings
/// worth a look for a date right after it.
fn mentions_a_due_date(folded: &str) -> bool {
    static DUE: LazyLock<WordList> = LazyLock::new(|| WordList::of(DUE_WORDS));
    DUE.any(folded)
}

/// Whether the text before a heading's date ends with one of the
/// [`DUE_WORDS`] (a colon, parenthesis or dash between them).
fn due_right_before(before: &str) -> bool {
    let folded = folding::folded_words(before);
    DUE_WORDS
        .iter()
        .any(|word| folded == *word || folded.ends_with(&format!(" {word}")))
}

/// A dated heading's title without a `Milestone:` or `Jalon :` label
/// before it and a due word left after it: `Milestone: GA` is `GA`, `v2.0
/// — target` (of `v2.0 — target: March 2027`) is `v2.0`.
fn without_label_and_due_word(title: &str) -> String {
    let mut kept = title.trim();
    if let Some((label, rest)) = kept.split_once(':') {
        let label = folding::folded_words(label);
        if GENERIC_LABELS.contains(&label.as_str()) && !rest.trim().is_empty() {
            kept = rest.trim();
        }
    }
    if let Some(last) = kept.split_whitespace().last() {
        if DUE_WORDS.contains(&folding::folded_words(last).as_str()) {
            kept = &kept[..kept.len() - last.len()];
        }
    }
    clean_title(kept)
}

/// How many lines under a milestone heading may come before the one that
/// dates it (a status line, an owner's, a label's).
const DATED_BELOW_LINES: usize = 4;

/// Labels of a line under a milestone heading that dates it (folded, as
/// [`folding::folded_words`] gives them): `**Date prévue :** 15/12/2026`,
/// `Target date: Dec 18, 2026`, GitHub's `Due by December 15, 2026` and
/// `Closed Nov 12, 2026`.
const DATE_LINE_LABELS: &[&str] = &[
    "date",
    "dates",
    "date prevue",
    "date cible",
    "date de fin",
    "date de fin prevue",
    "date prevue de fin",
    "date de livraison",
    "fin prevue",
    "echeance",
    "livraison",
    "prevu le",
    "prevue le",
    "pour le",
    "due",
    "due by",
    "due on",
    "due date",
    "deadline",
    "target",
    "target date",
    "planned",
    "planned date",
    "planned for",
    "eta",
    "closed",
    "closed on",
    "released",
    "released on",
    "shipped",
    "shipped on",
];

/// Whether the line dating a milestone says it was closed or made:
/// GitHub's `Closed Nov 12, 2026`, Redmine's `2026-10-15 (Closed)`.
fn says_closed(line: &str) -> bool {
    let folded = folding::folded_words(line);
    let mut words = folded.split(' ');
    let first = words.next().unwrap_or("");
    let last = folded.rsplit(' ').next().unwrap_or("");
    let closing =
        |word: &str| matches!(word, "closed" | "released" | "shipped" | "fermee" | "ferme");
    closing(first) || closing(last) && line.trim_end().ends_with(')')
}

/// How far a milestone is, as its tracker writes it on a line under its
/// heading: GitHub's `67% complete` and `4 open 8 closed`, Redmine's `30
/// issues (20 closed — 10 open)` (`20 fermées — 10 ouvertes` in French).
/// Done when nothing is open, under way when something was closed, else
/// to do.
fn tracker_status(heading: &OutlineSection) -> Option<Status> {
    let lines = (heading.blocks.iter())
        .filter_map(|block| match block {
            Block::Paragraph(lines) => Some(lines),
            _ => None,
        })
        .flatten();
    lines.take(DATED_BELOW_LINES * 2).find_map(|line| {
        let folded = folding::folded_words(&line.text);
        let words: Vec<&str> = folded.split(' ').collect();
        let count_of = |names: &[&str]| {
            (words.windows(2))
                .find(|pair| names.contains(&pair[1]))
                .and_then(|pair| pair[0].parse::<u32>().ok())
        };
        let complete = [
            "complete",
            "completed",
            "done",
            "termine",
            "acheve",
            "realise",
        ];
        if words.windows(2).any(|pair| complete.contains(&pair[1])) {
            if let Some(percent) = super::items::percent_of(&line.text) {
                return Some(super::items::status_of_percent(percent));
            }
        }
        let closed = count_of(&["closed", "fermee", "fermees", "ferme", "fermes"])?;
        let open = count_of(&["open", "ouverte", "ouvertes", "ouvert", "ouverts"])?;
        Some(match (closed, open) {
            (_, 0) if closed > 0 => Status::Done,
            (0, _) => Status::Todo,
            _ => Status::InProgress,
        })
    })
}

/// Labels that say only that what follows is a milestone (folded): after
/// them, the milestone's name (`**Next milestone:** Beta on Dec 9` is
/// `Beta`, `Jalon : Recette` is `Recette`).
const GENERIC_LABELS: &[&str] = &[
    "milestone",
    "jalon",
    "next milestone",
    "upcoming milestone",
    "key milestone",
    "prochain jalon",
    "jalon suivant",
    "prochaine echeance",
    "echeance",
    "deadline",
    "traguardo",
    "prossimo traguardo",
    "scadenza",
    "prossima scadenza",
];

/// Labels that make a dated line a milestone wherever it stands (folded;
/// the label may go on: `Jalon 2 : Beta`, `Mise en production prévue`).
const MILESTONE_LABELS: &[&str] = &[
    "jalon",
    "milestone",
    "next milestone",
    "upcoming milestone",
    "key milestone",
    "prochain jalon",
    "jalon suivant",
    "prochaine echeance",
    "echeance",
    "deadline",
    "date prevue de fin",
    "date de fin prevue",
    "date de fin",
    "fin prevue",
    "date cible",
    "target date",
    "due date",
    "go live",
    "go-live",
    "golive",
    // The decision to go live, a test campaign's last step.
    "go no go",
    "go/no-go",
    "go/no go",
    "go nogo",
    "launch",
    "target launch",
    "target release",
    "lancement",
    "mise en production",
    "mise en prod",
    "livraison",
    "date de livraison",
    "delivery",
    "release date",
    // Italian.
    "traguardo",
    "prossimo traguardo",
    "scadenza",
    "prossima scadenza",
    "rilascio",
    "data di rilascio",
    "messa in produzione",
    "consegna",
    "data di consegna",
    // Portuguese. Not `Marco` alone: a first name too (`Marco : revisione
    // entro il 15/12`).
    "proximo marco",
    "data de entrega",
    "entrada em producao",
    "lancamento",
];

/// Whether a heading, folded ([`OutlineSection::folded`]), names a list
/// of milestones (`PROCHAINS JALONS`, `Key dates`).
fn names_milestones(folded: &str) -> bool {
    static HEADINGS: LazyLock<WordList> = LazyLock::new(|| WordList::of(MILESTONE_HEADING_WORDS));
    HEADINGS.any(folded)
}

/// Whether a milestone's title is nothing but the label of a date
/// (`Due date`, `Date cible`: [`DATE_LINE_LABELS`]), which says when, not
/// what: `Go-live` names its milestone.
fn names_only_a_date(title: &str, label: &str) -> bool {
    folding::folded_words(title) == label && DATE_LINE_LABELS.contains(&label)
}

/// Whether a label (folded words) names a milestone.
fn is_milestone_label(label: &str) -> bool {
    MILESTONE_LABELS
        .iter()
        .any(|l| label == *l || label.starts_with(&format!("{l} ")))
}

/// Whether `segment` may start with a milestone label. The label of a
/// dated segment is its words before the date, so it can name a milestone
/// only if the segment's folded words begin with a milestone label: most
/// lines are ruled out before any date is looked for.
fn may_open_with_milestone_label(segment: &str) -> bool {
    static STARTS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(MILESTONE_LABELS));
    STARTS.begin(segment)
}

/// Reads every milestone of the document into `status.milestones`, and
/// returns the list entries it took from milestone sections (which are
/// not items) and its diagnostics (which the caller lists after the
/// sections' own, in the order a reader meets them on the page).
pub fn read(
    outline: &Outline,
    document: &Document,
    context: &Context,
    words: &DocumentVocabulary,
    risk_sections: &[(&OutlineSection, bool)],
    text_lines: &[PlacedLine],
    status: &mut DocumentStatus,
) -> (FxHashSet<usize>, Vec<Diagnostic>) {
    let mut reader = MilestoneReader {
        source: Arc::from(document.source.as_str()),
        reference: status
            .as_of
            .or(document.front_matter.updated)
            .or(document.front_matter.date)
            .unwrap_or(context.portal_as_of),
        order: context.config.date_order,
        start: status.start.or(document.front_matter.start),
        milestones: Vec::new(),
        diagnostics: Vec::new(),
        used_lines: FxHashSet::default(),
        listed_lines: FxHashSet::default(),
        vocabulary: &words.vocabulary,
        outline,
        risk_sections,
        text_lines,
    };
    reader.read_tables();
    reader.read_charts();
    reader.read_headings();
    reader.read_lines();
    reader.read_year_headings();
    reader.check_weekdays();
    reader.milestones.sort_by_key(|milestone| milestone.line);
    status.milestones.extend(reader.milestones);
    (reader.listed_lines, reader.diagnostics)
}

/// What `all` tasks say of their milestone, `done` of them done, `under_way`
/// in progress and `to_do` to do: done when every one is done, in progress
/// when some are done or under way, to do when every one is to do, else
/// nothing (a task with no status of its own says nothing either).
fn tasks_say(done: usize, under_way: usize, to_do: usize, all: usize) -> Option<Status> {
    if all == 0 {
        None
    } else if done == all {
        Some(Status::Done)
    } else if done + under_way > 0 {
        Some(Status::InProgress)
    } else if to_do == all {
        Some(Status::Todo)
    } else {
        None
    }
}

/// Gives a dated heading that said nothing of its own status the status
/// of the tasks read under it, in lists or tables: done when every one is
/// done, in progress when some are done or under way, to do when every
/// one is to do. Called once the
/// sections are read: corpus 20's `### SPRINT 1` lists its tasks in a
/// table, and a sprint whose tasks are all ticked is no late milestone.
pub fn as_far_as_their_tasks(status: &mut DocumentStatus) {
    // The milestones without a status, by line: each section looks up its
    // heading's line once (a scan of every milestone for each section was
    // quadratic in a document of thousands of dated headings).
    let mut silent: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (index, milestone) in status.milestones.iter().enumerate() {
        if milestone.status.is_none() {
            silent.entry(milestone.line).or_default().push(index);
        }
    }
    if silent.is_empty() {
        return;
    }
    let mut stack: Vec<&crate::model::Section> = status.sections.iter().collect();
    while let Some(section) = stack.pop() {
        stack.extend(&section.sections);
        let Some(indices) = silent.get(&section.line) else {
            continue;
        };
        let counts = &section.counts;
        let told = tasks_say(
            counts.done as usize,
            counts.in_progress as usize,
            counts.todo as usize,
            counts.total as usize,
        );
        for &index in indices {
            status.milestones[index].status = told;
        }
    }
}

/// The English name of `day`, as the diagnostics say it.
fn weekday_name(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match day {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

/// A milestone's date as read: the date now, as written, and the date
/// first planned when the document shows that the milestone moved.
struct When {
    date: ParsedDate,
    text: String,
    baseline: Option<NaiveDate>,
}

impl When {
    fn at(date: ParsedDate, text: String) -> When {
        When {
            date,
            text,
            baseline: None,
        }
    }
}

/// The date a text gives now and where it stands, with the date first
/// planned and where it stands when the text shows a move
/// ([`dates::date_now`]).
#[derive(Clone)]
struct Found {
    date: ParsedDate,
    range: Range<usize>,
    baseline: Option<(ParsedDate, Range<usize>)>,
}

impl Found {
    /// The bytes that give the dates, a move's both with what joins them
    /// (`01/03/2026 30/04/2026` of a line that struck the first out,
    /// `01/03, décalée au 30/04`, `30/04 (initialement 01/03)`): what a
    /// title leaves out.
    fn span(&self, text: &str) -> Range<usize> {
        let Some((_, first)) = &self.baseline else {
            return self.range.clone();
        };
        let (start, mut end) = if first.start < self.range.start {
            (first.start, self.range.end)
        } else {
            (self.range.start, first.end)
        };
        let inside = text.get(start..end).unwrap_or("");
        let after = text.get(end..).unwrap_or("");
        if inside.contains('(') && !inside.contains(')') && after.starts_with(')') {
            end += 1;
        }
        start..end
    }

    /// The date as written: a move shows both, first plan first
    /// (`01/03/2026 → 30/04/2026`).
    fn written(&self, text: &str) -> String {
        let at = |range: &Range<usize>| text.get(range.clone()).unwrap_or("").trim().to_string();
        match &self.baseline {
            Some((_, first)) => format!("{} → {}", at(first), at(&self.range)),
            None => at(&self.range),
        }
    }

    fn when(&self, text: &str) -> When {
        When {
            date: self.date,
            text: self.written(text),
            baseline: self.baseline.as_ref().map(|(first, _)| first.start),
        }
    }
}

struct MilestoneReader<'d> {
    /// One copy of the path, shared by every milestone.
    source: Arc<str>,
    reference: NaiveDate,
    order: DateOrder,
    /// The day the project started, from which project weeks (`End of
    /// Week 2`) count; none when the document does not say.
    start: Option<NaiveDate>,
    milestones: Vec<Milestone>,
    diagnostics: Vec<Diagnostic>,
    /// Lines that already gave a milestone, so that a labelled line inside
    /// a milestone section is read once.
    used_lines: FxHashSet<usize>,
    /// The list entries of a milestone section that gave a milestone: the
    /// section reader does not count them as items.
    listed_lines: FxHashSet<usize>,
    /// The document's vocabulary, for the markers its own legend defines.
    vocabulary: &'d Vocabulary,
    /// The document read: its sections, tables and lines as written.
    outline: &'d Outline<'d>,
    /// Every section, with whether it is a risk section
    /// ([`super::risks::risk_context`]), worked out once for every reader.
    risk_sections: &'d [(&'d OutlineSection, bool)],
    /// Its paragraph lines and list items ([`super::as_of::text_lines`]).
    text_lines: &'d [PlacedLine<'d>],
}

impl MilestoneReader<'_> {
    /// The status of a status cell: a marker of the document's own legend
    /// wins (corpus `20_…`: 🟡 is *queued*), else [`milestone_status`].
    fn status_of(&self, cell: &str) -> Option<Status> {
        self.vocabulary
            .legend_status(cell)
            .or_else(|| milestone_status(cell))
    }

    /// A dated heading's title without the status it ends with, and that
    /// status: a release plan's `## v2.3.0 — 2026-11-10 ✅ Shipped` and
    /// `## v2.4.0 — 2026-12-01 (in progress)` are `v2.3.0`, done, and
    /// `v2.4.0`, under way. Only a last clause of at most three words that
    /// is all a status goes.
    fn without_trailing_status(&self, title: &str) -> (String, Option<Status>) {
        let cut = ['—', '–', '(']
            .iter()
            .filter_map(|separator| title.rfind(*separator))
            .chain(title.rfind(" - "))
            .max()
            .filter(|&at| at > 0);
        let said = cut.and_then(|cut| {
            let tail = title[cut..].trim_start_matches(['—', '–', '-', '(']);
            let tail = tail.trim().trim_end_matches(')');
            (tail.split_whitespace().nth(3).is_none())
                .then(|| self.status_of(tail))
                .flatten()
                .map(|status| (cut, status))
        });
        match said {
            Some((cut, status)) => (clean_title(&title[..cut]), Some(status)),
            None => (title.to_string(), None),
        }
    }

    /// A milestone of line `line`, unless that line gave one already.
    fn push(&mut self, title: String, date: Option<When>, status: Option<Status>, line: usize) {
        if self.used_lines.insert(line) {
            self.add(title, date, status, line);
        }
    }

    /// A milestone of line `line` whose date is not known: its date cell
    /// (`written`, shown as `date_text`) is empty, a placeholder or words
    /// that are no date (`Q3 FY27`).
    fn push_undated(&mut self, title: String, written: &str, status: Option<Status>, line: usize) {
        if self.used_lines.insert(line) {
            let mut milestone = self.milestone(title, status, line);
            milestone.date_text = written.trim().to_string();
            self.milestones.push(milestone);
        }
    }

    /// A milestone of line `line`, beside any other of that line.
    fn add(&mut self, title: String, date: Option<When>, status: Option<Status>, line: usize) {
        self.used_lines.insert(line);
        let mut milestone = self.milestone(title, status, line);
        if let Some(When {
            date: parsed,
            text,
            baseline,
        }) = date
        {
            if parsed.year_inferred {
                self.diagnostics.push(Diagnostic::warning(
                    "inferred-year",
                    &self.source,
                    line,
                    messages::MILESTONE_WITHOUT_YEAR.say(&[&milestone.title, &text, &parsed.start]),
                ));
            }
            milestone.date = Some(parsed.start);
            // `Q4/2023` is due at the end of the quarter, not its first day.
            milestone.date_end = dates::period_end(&parsed);
            milestone.date_text = text;
            milestone.baseline = baseline;
        }
        self.milestones.push(milestone);
    }

    /// A milestone of line `line` with no date yet; one without a title
    /// is called `Milestone`.
    fn milestone(&self, title: String, status: Option<Status>, line: usize) -> Milestone {
        let title = if title.is_empty() {
            "Milestone".to_string()
        } else {
            title
        };
        Milestone {
            title,
            date: None,
            date_end: None,
            date_text: String::new(),
            baseline: None,
            status,
            overdue: false,
            source: Arc::clone(&self.source),
            line,
        }
    }

    /// A day of the week written beside a milestone's date that the date
    /// does not fall on says the document is wrong somewhere, its year or
    /// its day: corpus 05 plans `Jeu 10/07` … `Mar 15/07` under a header
    /// that says `soutenance le 15/07/2026`, and those are 2025's weekdays.
    /// The date stays as read; the diagnostic names the mismatch.
    fn check_weekdays(&mut self) {
        let outline = self.outline;
        for milestone in &self.milestones {
            let Some(date) = milestone.date else {
                continue;
            };
            let line = outline.source_line(milestone.line);
            // A moved milestone's text is `planned → now`: its date is the last.
            let date_text = milestone.date_text.rsplit(" → ").next().unwrap_or("");
            let Some(at) = line.find(date_text) else {
                continue;
            };
            let Some(written) = dates::weekday_before(line, at) else {
                continue;
            };
            if written != date.weekday() {
                self.diagnostics.push(Diagnostic::warning(
                    "weekday-mismatch",
                    &self.source,
                    milestone.line,
                    messages::WEEKDAY_MISMATCH.say(&[
                        &milestone.title,
                        &date,
                        &weekday_name(date.weekday()),
                        &weekday_name(written),
                        &date_text,
                    ]),
                ));
            }
        }
    }

    /// The date `text`, read from the document's line `line`, gives now
    /// ([`Found`]). The outline's text has lost the markup, so a date
    /// struck out is looked for in the line as written.
    fn found(&self, text: &str, line: usize) -> Option<Found> {
        let mut found = dates::find_dates(text, self.reference, self.order);
        let written = self.outline.source_line(line);
        let (now, first) = dates::date_now(text, written, &found)?;
        let baseline = first.map(|first| found[first].clone());
        let (date, range) = found.swap_remove(now);
        Some(Found {
            date,
            range,
            baseline,
        })
    }

    /// The date `text` gives now, and where it stands.
    fn first_date(&self, text: &str, line: usize) -> Option<(ParsedDate, Range<usize>)> {
        self.found(text, line)
            .map(|found| (found.date, found.range))
    }

    fn read_tables(&mut self) {
        let outline = self.outline;
        for (table, in_risk_section, section) in tables_with_context(outline, self.risk_sections) {
            match tables::classify(table, in_risk_section) {
                TableKind::Milestone => self.read_milestone_table(table, section),
                // A ticket's date is when it is due: an item's, not a
                // milestone. One row alone is a roadmap card (corpus 22),
                // a milestone as well, named by its heading.
                TableKind::Status if tables::is_ticket_table(table) => {
                    if table.rows.len() == 1 {
                        self.read_milestone_table(table, section);
                    }
                }
                TableKind::Status => self.read_status_table(table),
                TableKind::Risk | TableKind::Other => {}
            }
        }
    }

    /// The milestones of the document's Mermaid Gantt charts ([`gantt`]),
    /// wherever they stand.
    fn read_charts(&mut self) {
        fn visit<'d>(section: &'d OutlineSection, reader: &mut MilestoneReader<'d>) {
            reader.read_charts_in(&section.blocks);
            for child in &section.children {
                visit(child, reader);
            }
        }
        let outline = self.outline;
        self.read_charts_in(&outline.preamble);
        for section in &outline.sections {
            visit(section, self);
        }
    }

    fn read_charts_in(&mut self, blocks: &[Block]) {
        for block in blocks {
            let Block::Code { language, lines } = block else {
                continue;
            };
            self.read_timeline(language, lines);
            if !gantt::is_chart(language, lines) {
                continue;
            }
            for milestone in gantt::milestones(lines) {
                let date = ParsedDate {
                    start: milestone.date,
                    end: None,
                    precision: DatePrecision::Day,
                    year_inferred: false,
                };
                let when = When::at(date, milestone.date_text);
                self.push(
                    milestone.title,
                    Some(when),
                    milestone.status,
                    milestone.line,
                );
            }
        }
    }

    /// Each event of a Mermaid timeline is a milestone of its period
    /// ([`gantt::timeline_events`]): `Q2 2027 : Lineage` is `Lineage`, in
    /// the second quarter of 2027. An event of a period that names no
    /// date gives none.
    fn read_timeline(&mut self, language: &str, lines: &[TextLine]) {
        for event in gantt::timeline_events(language, lines) {
            // A period is read whole, as a cell: `2027` alone is a year.
            let alone = || dates::parse_date(event.period, self.reference, self.order);
            let when = match self.found(event.period, event.line) {
                Some(found) => found.when(event.period),
                None => match alone() {
                    Some(date) => When::at(date, event.period.to_string()),
                    None => continue,
                },
            };
            self.add(event.event.to_string(), Some(when), None, event.line);
        }
    }

    /// Each row of a milestone table with a date (or a `TBD`) is a milestone.
    ///
    /// Of several date columns ([`DateColumns`]), a row's date is the day it
    /// was reached when the row gives one (and the milestone is then done,
    /// unless its status says otherwise), else the date planned now, else
    /// the date first planned: `| Recette | 01/03/2026 | 30/04/2026 | |`
    /// under `| Jalon | Date prévue | Date révisée | Date réelle |` is due
    /// on 30 April, not late since 1 March.
    fn read_milestone_table(&mut self, table: &Table, section: Option<&OutlineSection>) {
        let columns = tables::columns(table);
        let Some(dates) = DateColumns::of(table, columns) else {
            return;
        };
        let end_column = columns.iter().position(|c| *c == Column::EndDate);
        let name_column = text_column(table, columns);
        let next_column = next_milestone_column(table, columns, name_column);
        let status_column = columns.iter().position(|c| *c == Column::Status);
        let percent_column = columns.iter().position(|c| *c == Column::Percent);
        // Corpus 22: one small table per roadmap item, named by its heading
        // (its columns are a category, a status, a date): a row that names
        // itself (`| Mise en production | 01/12/2026 |`) keeps its name.
        let heading_title = (table.rows.len() == 1)
            .then(|| section.map(|s| clean_title(&s.heading)))
            .flatten();
        if name_column.is_none() && next_column.is_none() && heading_title.is_none() {
            // Nothing names a row: a table of figures by date, as a
            // burndown's `| Day | Date | Remaining (pts) | Ideal |`, holds no
            // milestone (each was one named `Milestone`, overdue).
            return;
        }
        for row in &table.rows {
            let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(String::as_str);
            // The first of the day reached and the date planned now that
            // the row gives, read once; else the date first planned.
            let dated = |i: usize| {
                let text = cell(Some(i))?;
                Some((i, text, self.found(text, row.line)?))
            };
            let reached = dates.actual.and_then(dated);
            let moved = || dates.revised.and_then(dated);
            let (column, date_cell, first) = match reached.clone().or_else(moved) {
                Some((column, text, first)) => (column, text, Some(first)),
                None => (dates.planned, cell(Some(dates.planned)).unwrap_or(""), None),
            };
            let title = (cell(name_column).map(clean_title))
                .filter(|name| !name.is_empty())
                .or_else(|| heading_title.clone())
                .unwrap_or_default();
            let title = match cell(next_column).map(clean_title) {
                Some(next) if !next.is_empty() && !title.is_empty() => format!("{title} — {next}"),
                Some(next) if !next.is_empty() => next,
                _ => title,
            };
            let status = cell(status_column)
                .and_then(|c| {
                    let answered = || tables::answered_status(table, status_column?, c);
                    self.status_of(c)
                        .or_else(answered)
                        .or_else(|| percent_status(c))
                })
                .or_else(|| reached.as_ref().map(|_| Status::Done))
                // A planning's `| Conception | 01/09 | 30/09 | 100 % |`.
                .or_else(|| cell(percent_column).and_then(percent_status))
                .or_else(|| self.vocabulary.legend_status(&row.cells.join(" ")))
                .or_else(|| milestone_marker_status(&row.cells.join(" ")));
            let mut date = self.row_date(date_cell, first, cell(end_column), row.line);
            if let Some(when) = date.as_mut().filter(|_| column != dates.planned) {
                self.show_move(cell(Some(dates.planned)), when, row.line);
            }
            match date {
                Some(date) => self.push(title, Some(date), status, row.line),
                None => {
                    self.undated_row(&title, date_cell, row.line);
                    self.push_undated(title, date_cell, status, row.line);
                }
            }
        }
    }

    /// Puts the date first planned before the date a milestone row moved
    /// to or was reached on, when they differ: `01/03/2026 → 30/04/2026`
    /// says the milestone slipped two months. A cell that shows its own
    /// move (`~~15/03/2026~~ 30/04/2026`) keeps it.
    fn show_move(&self, planned_cell: Option<&str>, when: &mut When, line: usize) {
        let Some(cell) = planned_cell.filter(|_| when.baseline.is_none()) else {
            return;
        };
        let Some((planned, range)) = self.first_date(cell, line) else {
            return;
        };
        if planned.start != when.date.start {
            let planned_text = cell.get(range).unwrap_or(cell).trim();
            when.text = format!("{planned_text} → {}", when.text);
            when.baseline = Some(planned.start);
        }
    }

    /// The date of a milestone row, joined with an end column if it has
    /// one; `first` is what `date_cell` gives ([`Found`]) when already read.
    fn row_date(
        &self,
        date_cell: &str,
        first: Option<Found>,
        end_cell: Option<&str>,
        line: usize,
    ) -> Option<When> {
        let found = first.or_else(|| self.found(date_cell, line))?;
        let mut date = found.date;
        let mut text = found.written(date_cell);
        if let Some(end_cell) = end_cell {
            if let Some((end, end_range)) = self.first_date(end_cell, line) {
                let mut end_date = end.start;
                if end.year_inferred && end_date < date.start {
                    end_date = end_date.with_year(end_date.year() + 1).unwrap_or(end_date);
                }
                if end_date >= date.start {
                    date.end = Some(end_date);
                    text = format!(
                        "{text} – {}",
                        end_cell.get(end_range).unwrap_or(end_cell).trim()
                    );
                }
            }
        }
        Some(When {
            date,
            text,
            baseline: found.baseline.map(|(first, _)| first.start),
        })
    }

    /// Says why the milestone `title` of a table row has no date: its
    /// date cell holds a placeholder (`TBD`, `2024-MM-JJ`), or words that
    /// are no date sitrep reads (`Q3 FY27`, `rentrée 2027`). An empty cell
    /// says nothing about the date, and gets nothing said.
    fn undated_row(&mut self, title: &str, written: &str, line: usize) {
        let written = written.trim();
        let (code, message) = if written.is_empty() {
            return;
        } else if dates::is_placeholder(written) {
            (
                "placeholder-date",
                messages::PLACEHOLDER_DATE.say(&[&written]),
            )
        } else {
            let title = if title.is_empty() { "Milestone" } else { title };
            (
                "unreadable-date",
                messages::UNREADABLE_DATE.say(&[&title, &written]),
            )
        };
        self.diagnostics
            .push(Diagnostic::warning(code, &self.source, line, message));
    }

    /// A row of a status table that holds a date in a column of its own
    /// (corpus 24: `| Phase | … | Status | Completed |`) or in its text is
    /// also a milestone: the day that stage was done or is due. A date
    /// stamped in the status cell (corpus 02: `| Login | … | ✅ 2026-04-04 |`,
    /// `✅ CORRIGÉ 2026-04-04` beside a bug) is the row's own bookkeeping,
    /// when that task was closed: the row stays an item and no milestone.
    fn read_status_table(&mut self, table: &Table) {
        let columns = tables::columns(table);
        let Some(name_column) = text_column(table, columns) else {
            return;
        };
        let status_column = columns.iter().position(|c| *c == Column::Status);
        let percent_column = columns.iter().position(|c| *c == Column::Percent);
        for row in &table.rows {
            let dated = row.cells.iter().enumerate().find_map(|(i, cell)| {
                // Only status and text cells: a `Plans` column's `10/12`
                // is a count, not the 10th of December.
                let readable = matches!(
                    columns.get(i),
                    Some(Column::Text | Column::Date | Column::EndDate)
                );
                let fraction = cell.trim().chars().all(|c| c.is_ascii_digit() || c == '/');
                if i == name_column || !readable || fraction {
                    return None;
                }
                Some(self.found(cell, row.line)?.when(cell))
            });
            let Some(date) = dated else {
                continue;
            };
            let title = row
                .cells
                .get(name_column)
                .map(|c| clean_title(c))
                .unwrap_or_default();
            if tables::is_total_label(&title) {
                continue;
            }
            let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i));
            // A site report's `| 01 Gros œuvre | 100 % | Réceptionné le
            // 12/10 |` under `| Lot | Avancement | Observations |` is done,
            // not overdue since 12 October.
            let status = (cell(status_column))
                .and_then(|c| self.status_of(c).or_else(|| percent_status(c)))
                .or_else(|| cell(percent_column).and_then(|c| percent_status(c)));
            self.push(title, Some(date), status, row.line);
        }
    }

    /// Sub-headings of a milestone section that carry a date (corpus 01:
    /// `### ✅ Jalon 0: Pilote Données Importées (8 Jan)`), and dated
    /// headings of a time box anywhere (corpus 20: `### SPRINT 1: Quick
    /// Wins (Nov 27 - Dec 11, 2025)`).
    fn read_headings(&mut self) {
        let outline = self.outline;
        let dated_by_name =
            |s: &&OutlineSection| names_a_time_box(&s.folded) || names_a_milestone(&s.folded);
        let top = outline.sections.iter().filter(dated_by_name);
        self.read_dated_headings(top, false);
        for section in outline.walk_sections() {
            let named = names_milestones(&section.folded);
            let children = (section.children.iter())
                .filter(|child| named || names_milestones(&child.folded) || dated_by_name(child));
            self.read_dated_headings(children, false);
        }
        // A heading of any name whose date is said to be when it is due.
        let due = (outline.walk_sections().into_iter())
            .filter(|s| mentions_a_due_date(&s.folded) && !dated_by_name(s));
        self.read_dated_headings(due, true);
    }

    /// Each of `headings` that carries a date, as a milestone; with
    /// `due_only`, only when a due word brings the date in.
    fn read_dated_headings<'o>(
        &mut self,
        headings: impl Iterator<Item = &'o OutlineSection>,
        due_only: bool,
    ) {
        // A folded block's summary groups a list; it dates nothing (corpus
        // 24's `✅ v0.9 … -- SHIPPED 2026-02-15` repeats the milestone its
        // list of milestones gives).
        for heading in headings.filter(|heading| !heading.summary) {
            let Some(found) = self.found(&heading.heading, heading.line) else {
                if !due_only {
                    self.read_dated_below(heading);
                }
                continue;
            };
            let before = heading.heading.get(..found.range.start).unwrap_or("");
            if due_only && !due_right_before(before) {
                continue;
            }
            // A second stage follows a comma or a semicolon.
            let stages = heading.heading[found.range.end..].contains([',', ';']);
            if stages && found.baseline.is_none() && self.read_stages(heading) {
                continue;
            }
            let title = title_without_date(&heading.heading, found.span(&heading.heading));
            let (title, said) = self.without_trailing_status(&title);
            let mut title = without_label_and_due_word(&title);
            if found.baseline.is_some() {
                title = without_planning_words(&title);
            }
            let when = found.when(&heading.heading);
            let status = milestone_marker_status(&heading.heading)
                .or(said)
                .or_else(|| section_status_line(heading))
                .or_else(|| self.tasks_status(heading))
                .or_else(|| self.released(heading, &found.date));
            self.push(title, Some(when), status, heading.line);
        }
    }

    /// A heading that dates two stages of one release, each after its
    /// name: `## v4.3.0 — code freeze 2026-12-10, release 2026-12-17` is
    /// `v4.3.0 — code freeze` on 10 December and `v4.3.0 — release` on
    /// the 17th, as a release train's timeline shows them, both with the
    /// release's status. Whether the heading was read so.
    fn read_stages(&mut self, heading: &OutlineSection) -> bool {
        let text = &heading.heading;
        let dates = dates::find_dates(text, self.reference, self.order);
        let [(first, at_first), (second, at_second)] = dates.as_slice() else {
            return false;
        };
        let between = text[at_first.end..at_second.start].trim();
        let Some(second_name) = between.strip_prefix([',', ';']).map(str::trim) else {
            return false;
        };
        let head = &text[..at_first.start];
        let Some(separator) = head.rfind([':', '—', '–', '(']) else {
            return false;
        };
        let name = clean_title(&head[..separator]);
        let first_name = head[separator..]
            .trim_start_matches([':', '—', '–', '('])
            .trim();
        let after = text[at_second.end..].trim_start_matches([')', ' ']);
        let stage = |words: &str| {
            let count = words.split_whitespace().count();
            (1..=3).contains(&count)
                && words
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        };
        if name.is_empty()
            || !stage(first_name)
            || !stage(second_name)
            || !after.is_empty()
            || self.used_lines.contains(&heading.line)
        {
            return false;
        }
        let status = milestone_marker_status(text).or_else(|| self.tasks_status(heading));
        for (stage, date, range) in [
            (first_name, first, at_first),
            (second_name, second, at_second),
        ] {
            let when = When::at(*date, text[range.clone()].to_string());
            self.add(
                format!("{name} — {stage}"),
                Some(when),
                status,
                heading.line,
            );
        }
        true
    }

    /// A milestone heading without a date of its own, dated by a line
    /// under it ([`Self::date_below`]): a plan's `### Jalon 2 : Recette` /
    /// `**Date prévue :** 15/12/2026` / `**Statut :** En cours`, a GitHub
    /// milestone's `## v2.4` / `Due by December 15, 2026` / `67% complete`,
    /// a Redmine roadmap's `## Version 1.1` / `2026-12-18 (in 12 days)`.
    /// The line gives no milestone of its own then. A heading over a list
    /// of milestones is none itself: seed `001_…`'s `### Timeline` /
    /// `**Date prévue de fin :** 30/06/2025` is the project's due date.
    fn read_dated_below(&mut self, heading: &OutlineSection) {
        if names_milestones(&heading.folded) && !names_a_milestone(&heading.folded) {
            return;
        }
        let Some((line, found)) = self.date_below(heading) else {
            return;
        };
        let (title, said) = self.without_trailing_status(&heading.heading);
        let title = without_label_and_due_word(&title);
        let status = milestone_marker_status(&heading.heading)
            .or(said)
            .or_else(|| section_status_line(heading))
            .or_else(|| says_closed(&line.text).then_some(Status::Done))
            .or_else(|| tracker_status(heading))
            .or_else(|| self.tasks_status(heading))
            .or_else(|| self.released(heading, &found.date));
        self.push(title, Some(found.when(&line.text)), status, heading.line);
        self.used_lines.insert(line.line);
    }

    /// The first of the lines opening a heading's section (its first
    /// block's first [`DATED_BELOW_LINES`]) that is a date alone, after a
    /// date label at most ([`DATE_LINE_LABELS`]) and before an aside in
    /// brackets at most, with the date it gives.
    fn date_below<'s>(&self, heading: &'s OutlineSection) -> Option<(&'s TextLine, Found)> {
        let lines: Vec<&TextLine> = match heading.blocks.first()? {
            Block::Paragraph(lines) => lines.iter().collect(),
            Block::List(entries) => (entries.iter())
                .filter_map(|entry| entry.lines.first())
                .collect(),
            _ => return None,
        };
        (lines.into_iter().take(DATED_BELOW_LINES)).find_map(|line| {
            let text = line.text.as_str();
            // Most lines hold no figure, and no date without one.
            if !text.bytes().any(|b| b.is_ascii_digit()) {
                return None;
            }
            let found = self.found(text, line.line)?;
            let span = found.span(text);
            let label = folding::folded_words(&text[..span.start]);
            let after = text[span.end..].trim();
            let alone = after.is_empty() || after.starts_with('(') && after.ends_with(')');
            let labelled = label.is_empty() || DATE_LINE_LABELS.contains(&label.as_str());
            (alone && labelled).then_some((line, found))
        })
    }

    /// Done, for a dated heading of a changelog ([`reports_a_release`])
    /// whose day has come: the release it reports was made.
    fn released(&self, heading: &OutlineSection, date: &ParsedDate) -> Option<Status> {
        let title = self.outline.title.as_ref().map(|t| t.text.as_str());
        (date.start <= self.reference && reports_a_release(heading, title)).then_some(Status::Done)
    }

    /// A sub-heading of a milestone section that is a year alone, when
    /// nothing under it gave a milestone: corpus 10's `## 🎯 ROADMAP` /
    /// `### 2027` (`VERI*FACTU obligatorio`) is the year 2027. Under
    /// corpus 21's `### 2024` the quarters are the milestones, and the
    /// year only dates them. A year whose tasks are all ticked is done
    /// (corpus 21's `### 2025` / `- [x] Propose phase 2 of the CICD SIG`).
    fn read_year_headings(&mut self) {
        let outline = self.outline;
        let walk = outline.walk_sections();
        for (index, section) in walk.iter().enumerate() {
            if !names_milestones(&section.folded) {
                continue;
            }
            for child in &section.children {
                let Some(year) = dates::parse_date(&child.heading, self.reference, self.order)
                    .filter(|date| date.precision == DatePrecision::Year)
                else {
                    continue;
                };
                // The child's lines run to the next heading of its level or above.
                let end = (walk[index + 1..].iter())
                    .find(|s| s.line > child.line && s.level <= child.level)
                    .map_or(usize::MAX, |s| s.line);
                let dated_under =
                    (self.milestones.iter()).any(|m| (child.line..end).contains(&m.line));
                if !dated_under {
                    let status = milestone_marker_status(&child.heading)
                        .or_else(|| self.tasks_status(child));
                    let title = clean_title(&child.heading);
                    let when = When::at(year, title.clone());
                    self.push(title, Some(when), status, child.line);
                }
            }
        }
    }

    /// What the tasks `section` lists say of their milestone: `Done` when
    /// every one starts with a done marker (`- [x] …`, `- ✅ …`), `InProgress`
    /// when some are done or under way and others not (corpus 10's `### Q1
    /// 2025 (Actual)`: `- ✅ FASE 1-3`, `- 🔄 FASE 4-6`), `Todo` when every
    /// one is still to do, else nothing.
    fn tasks_status(&self, section: &OutlineSection) -> Option<Status> {
        let statuses: Vec<Option<Status>> = (section.blocks.iter())
            .filter_map(|block| match block {
                Block::List(entries) => Some(entries),
                _ => None,
            })
            .flatten()
            .map(|entry| {
                let marker = self.vocabulary.marker_at_start(entry.first_line());
                marker.map(|(status, _)| status)
            })
            .collect();
        let count = |wanted: Status| statuses.iter().filter(|s| **s == Some(wanted)).count();
        let (done, under_way) = (count(Status::Done), count(Status::InProgress));
        tasks_say(done, under_way, count(Status::Todo), statuses.len())
    }

    /// Dated list items and lines under a milestone heading, and lines
    /// labelled with a milestone word anywhere.
    fn read_lines(&mut self) {
        let outline = self.outline;
        let milestone_sections: FxHashSet<usize> = milestone_section_lines(outline);
        for placed in self.text_lines {
            if task_fields::is_planning_line(placed.text) {
                // `DEADLINE: <2026-12-15 Tue>` dates the task above it.
                continue;
            }
            let in_milestone_section = placed
                .section
                .is_some_and(|s| milestone_sections.contains(&s.line));
            // Under a milestone heading, list items and labelled lines are
            // milestones; prose is not (corpus 05: `Le périmètre s'est
            // élargi les 13 et 14/07 …` under `## Planning`).
            let listed = placed.kind == LineKind::ListItem;
            if !(in_milestone_section && listed) {
                // Above every heading but the title, a line dated by a due
                // date's label alone is the document's own date.
                let top = placed.section.is_none();
                let name = top.then_some(outline.title.as_ref()).flatten();
                self.read_line(
                    placed.text,
                    placed.line,
                    false,
                    name.map(|t| t.text.as_str()),
                );
                continue;
            }
            let by_quarter = placed.section.is_some_and(|section| {
                self.read_quarter_under_year(placed.text, &section.heading, placed.line)
            });
            if !by_quarter {
                self.read_line(placed.text, placed.line, true, None);
            }
            if self.used_lines.contains(&placed.line) {
                self.listed_lines.insert(placed.line);
            }
        }
    }

    /// `- [x] Q1 Focus` under `### 2024` under `## Timeline` (corpus 21):
    /// the quarter takes its year from the heading.
    fn read_quarter_under_year(&mut self, text: &str, heading: &str, line: usize) -> bool {
        // `Q1`..`T4` stands as it is in the text: most items hold none.
        let quarter = |pair: &[u8]| matches!(pair, [b'Q' | b'T', b'1'..=b'4']);
        if !text.as_bytes().windows(2).any(quarter) {
            return false;
        }
        let body = clean_title(text);
        let mut chars = body.chars();
        let (Some(letter), Some(digit)) = (chars.next(), chars.next()) else {
            return false;
        };
        let rest = chars.as_str();
        if !matches!(letter, 'Q' | 'T') || !('1'..='4').contains(&digit) {
            return false;
        }
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        // The heading is read only for a quarter: every item under a
        // milestone heading comes here, and a dated heading is costly.
        let Some(year) = dates::parse_date(heading, self.reference, self.order)
            .filter(|d| d.precision == DatePrecision::Year)
        else {
            return false;
        };
        let written = format!("{letter}{digit} {}", year.start.year());
        let Some(date) = dates::parse_date(&written, self.reference, self.order) else {
            return false;
        };
        let status = milestone_marker_status(text);
        self.push(
            clean_title(&body),
            Some(When::at(date, format!("{letter}{digit}"))),
            status,
            line,
        );
        true
    }

    /// The milestone a line gives, if any. `document_title`: the title of
    /// the document whose top the line stands at, which names a milestone
    /// that only a due date's label would name: a GitLab milestone page's
    /// `# Release 3.2` / `**Due date:** 2026-12-18` is `Release 3.2`, not
    /// `Due date`.
    fn read_line(
        &mut self,
        text: &str,
        line: usize,
        in_milestone_section: bool,
        document_title: Option<&str>,
    ) {
        for segment in segments(text) {
            if !in_milestone_section && !may_open_with_milestone_label(segment) {
                continue;
            }
            if self.read_segment(segment, line, in_milestone_section, document_title) {
                return;
            }
        }
    }

    /// The milestone one segment of a line gives, if any ([`read_line`](Self::read_line)):
    /// whether it gave one.
    fn read_segment(
        &mut self,
        segment: &str,
        line: usize,
        in_milestone_section: bool,
        document_title: Option<&str>,
    ) -> bool {
        if !dates::find_placeholders(segment).is_empty() {
            return false;
        }
        let found = self.found(segment, line).or_else(|| {
            // Corpus 15: `**End of Week 2**: Milestone 1 - …`.
            let (date, range) = dates::find_project_week(segment, self.start?)?;
            Some(Found {
                date,
                range,
                baseline: None,
            })
        });
        let Some(found) = found else {
            return false;
        };
        let span = found.span(segment);
        let began = began_on(segment, span.start);
        if let Some(words) = &began {
            // A later date on the line dates it (`started 2026-01-05,
            // shipped 2026-04-09`): the line is read without the start.
            let rest = without_clause(segment, words.start..span.end);
            if self.found(&rest, line).is_some() {
                return self.read_segment(&rest, line, in_milestone_section, document_title);
            }
        }
        let label = label_before(segment, span.start);
        let title = if is_milestone_label(&label) {
            let before = without_lead_in(segment.get(..span.start).unwrap_or(""));
            let title = without_label_and_due_word(before);
            match document_title {
                Some(name) if names_only_a_date(&title, &label) => clean_title(name),
                _ => title,
            }
        } else if in_milestone_section {
            title_without_date(segment, span.clone())
        } else {
            return false;
        };
        let title = if found.baseline.is_some() {
            without_planning_words(&title)
        } else {
            title
        };
        let status = milestone_marker_status(segment);
        match began {
            // The day the work began is no day it is due by: the milestone
            // is kept without a date, under way unless it says more.
            Some(words) => {
                let title = without_began_words(&title);
                let status = status.or(Some(Status::InProgress));
                self.push_undated(title, &segment[words.start..span.end], status, line);
            }
            None => self.push(title, Some(found.when(segment)), status, line),
        }
        true
    }
}

/// Words that say the date after them is the day the work began (folded):
/// `started 2026-06-01`, `en cours depuis le 2 juin`, `since March 3`,
/// `démarré le 01/06`, `iniziato il 3 giugno`, `seit 1. Juni`.
const BEGAN_WORDS: &[&str] = &[
    "started",
    "begun",
    "began",
    "since",
    "depuis",
    "demarre",
    "demarree",
    "commence",
    "commencee",
    "debute",
    "debutee",
    "lance",
    "lancee",
    "desde",
    "iniciado",
    "iniciada",
    "iniziato",
    "iniziata",
    "seit",
    "begonnen",
    "gestartet",
];

/// Small words between a [`BEGAN_WORDS`] word and its date (`démarré le`,
/// `started on`, `begonnen am`).
const BEGAN_LINKS: &[&str] = &[
    "le", "la", "l'", "on", "the", "in", "en", "el", "il", "am", "dem",
];

/// Where the words that make the date at `date_start` of `text` the day
/// the work began start, if they do ([`BEGAN_WORDS`]).
fn began_on(text: &str, date_start: usize) -> Option<Range<usize>> {
    let before = text.get(..date_start)?;
    let mut end = before.trim_end().len();
    let mut linked = false;
    loop {
        // A space may be wider than a byte (a no-break space, U+00A0).
        let word_start = (before[..end].char_indices().rev())
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = fold(&before[word_start..end]);
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if BEGAN_WORDS.contains(&word) {
            // `(started`: the parenthesis stays.
            let written = &before[word_start..end];
            let opening = written.find(char::is_alphanumeric).unwrap_or(0);
            return Some(word_start + opening..date_start);
        }
        if linked || !BEGAN_LINKS.contains(&word) || word_start == 0 {
            return None;
        }
        linked = true;
        end = before[..word_start].trim_end().len();
    }
}

/// `title` without the words it ends with that said when the work began,
/// and the status they followed (`v1.3 Web : en cours depuis` is `v1.3
/// Web`): the milestone's status says it.
fn without_began_words(title: &str) -> String {
    let mut words: Vec<&str> = title.split_whitespace().collect();
    while let Some(last) = words.last() {
        let folded = fold(last);
        let word = folded.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if !BEGAN_WORDS.contains(&word) && !BEGAN_LINKS.contains(&word) {
            break;
        }
        words.pop();
    }
    let title = words.join(" ");
    // The separator may be wider than a byte (`—` is three).
    let status_after = (title.char_indices().rev())
        .find(|(_, c)| [':', '—', '–', '-'].contains(c))
        .filter(|&(at, c)| is_milestone_phrase(&title[at + c.len_utf8()..]))
        .map(|(at, _)| at);
    clean_title(status_after.map_or(&title, |at| &title[..at]))
}

/// `text` without `range` and the comma or semicolon that joined it to the
/// rest: `(active, started 2026-06-01)` is `(active)`.
fn without_clause(text: &str, range: Range<usize>) -> String {
    let before = text[..range.start].trim_end();
    let after = text[range.end..].trim_start();
    let (before, after) = match after.strip_prefix([',', ';']) {
        Some(after) => (before, after.trim_start()),
        None => (before.strip_suffix([',', ';']).unwrap_or(before), after),
    };
    let glued = before.ends_with(['(', '[']) || after.starts_with([')', ']']);
    format!("{before}{}{after}", if glued { "" } else { " " })
}

/// The status a milestone row's percentage says: 100 done, 0 to do, else
/// in progress.
fn percent_status(cell: &str) -> Option<Status> {
    super::items::percent_of(cell.trim()).map(super::items::status_of_percent)
}

/// Lines of every section under a milestone heading (the heading's own
/// section and its subsections).
fn milestone_section_lines(outline: &Outline) -> FxHashSet<usize> {
    fn mark(section: &OutlineSection, inherited: bool, out: &mut FxHashSet<usize>) {
        let inside = inherited || names_milestones(&section.folded);
        if inside {
            out.insert(section.line);
        }
        for child in &section.children {
            mark(child, inside, out);
        }
    }
    let mut out = FxHashSet::default();
    for section in &outline.sections {
        mark(section, false, &mut out);
    }
    out
}

/// Every table with whether it stands under a risk heading and its section.
/// The date columns of a milestone table by what they say
/// ([`tables::date_role`]).
struct DateColumns {
    /// The date first planned; the first date column when none says so.
    planned: usize,
    /// The date planned now, when a column gives it.
    revised: Option<usize>,
    /// The day it was reached, when a column gives it.
    actual: Option<usize>,
}

impl DateColumns {
    fn of(table: &Table, columns: &[Column]) -> Option<DateColumns> {
        let dated: Vec<(usize, DateRole)> = (columns.iter().enumerate())
            .filter(|(_, column)| **column == Column::Date)
            .map(|(index, _)| (index, tables::date_role(table, index)))
            .collect();
        let first = dated.first()?.0;
        let with = |role: DateRole| dated.iter().find(|(_, r)| *r == role).map(|(i, _)| *i);
        Some(DateColumns {
            planned: with(DateRole::Planned).unwrap_or(first),
            revised: with(DateRole::Revised),
            actual: with(DateRole::Actual),
        })
    }
}

fn tables_with_context<'o>(
    outline: &'o Outline,
    risk_sections: &[(&'o OutlineSection, bool)],
) -> Vec<(&'o Table, bool, Option<&'o OutlineSection>)> {
    let mut out = Vec::new();
    for block in &outline.preamble {
        if let Block::Table(table) = block {
            out.push((table, false, None));
        }
    }
    for &(section, in_risk) in risk_sections {
        for block in &section.blocks {
            if let Block::Table(table) = block {
                out.push((table, in_risk, Some(section)));
            }
        }
    }
    out
}

/// The status a `**Statut:** ✅ ATTEINT` line under a heading gives; the
/// line may sit under a bold pseudo-heading of the section (corpus 01:
/// `**Critères:**` / list / `**Statut:** ✅ ATTEINT`).
fn section_status_line(section: &OutlineSection) -> Option<Status> {
    let status_in = |text: &str| {
        let (label, value) = text.split_once(':')?;
        let label = fold(label);
        matches!(label.trim(), "statut" | "status" | "etat").then(|| milestone_status(value))?
    };
    section
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Paragraph(lines) => lines.iter().find_map(|line| status_in(&line.text)),
            Block::List(entries) => entries.iter().find_map(|e| status_in(e.first_line())),
            _ => None,
        })
        .or_else(|| {
            section
                .children
                .iter()
                .filter(|child| child.pseudo)
                .find_map(|child| status_in(&child.heading).or_else(|| section_status_line(child)))
        })
}

/// `text` without the bytes of `range`.
fn cut(text: &str, range: Range<usize>) -> String {
    let before = text.get(..range.start).unwrap_or("");
    let after = text.get(range.end..).unwrap_or("");
    // A bracket group that held nothing but the date and a word or two
    // goes with it: `Phases 1-4 (shipped 2026-02-15)`, `(21 Jan - Sem 3)`,
    // `(Mar-Avr - Sem 8-16)` (a word is what spaces part).
    let open = before.rfind(['(', '[']);
    let close = after.find([')', ']']);
    if let (Some(open), Some(close)) = (open, close) {
        let inside = format!("{}{}", &before[open + 1..], &after[..close]);
        let words = inside
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if !before[open + 1..].contains([')', ']']) && words <= 2 {
            return format!("{}{}", &before[..open], &after[close + 1..]);
        }
    }
    // The words that brought the date in go with it: `Recette : courant
    // avril 2027` is `Recette`, `Go-live prévu le 15/03` `Go-live`.
    let before = without_lead_in(before);
    // The seam the date leaves: `(shipped 2026-03-08, released …)` reads
    // `(shipped, released …)`, and `(2026-03-08, à confirmer)` `(à confirmer)`.
    if after.starts_with([',', ';']) {
        let before = before.trim_end();
        if before.ends_with(['(', '[']) {
            return format!("{before}{}", after[1..].trim_start());
        }
        return format!("{before}{after}");
    }
    format!("{before}{after}")
}

/// Words that bring in the date first planned (`prévue le`, `planned
/// for`), folded: a moved milestone's title leaves them out (`Bilan :
/// prévu le 01/04, décalé au 15/06` is `Bilan`).
const PLANNING_WORDS: &[&str] = &[
    "prevu",
    "prevue",
    "prevus",
    "prevues",
    "planifie",
    "planifiee",
    "initialement",
    "planned",
    "scheduled",
    "initially",
    "originally",
    "was",
    "due",
    "le",
    "la",
    "du",
    "au",
    "pour",
    "for",
    "on",
];

/// Words that bring a date in (folded), besides the [`PLANNING_WORDS`]:
/// `courant avril`, `d'ici fin 2026`, `avant le 15/03`, `by Q3`, `moved to`.
const LEAD_IN_WORDS: &[&str] = &[
    "courant", "d'ici", "d’ici", "avant", "vers", "en", "a", "des", "by", "before", "until",
    "around", "in", "at", "target", "cible", "eta", "to",
];

/// `before` (the text before a date) without the words that brought the
/// date in, at its end ([`LEAD_IN_WORDS`], [`PLANNING_WORDS`]).
fn without_lead_in(before: &str) -> &str {
    let mut kept = before.trim_end();
    let mut linked = false;
    while let Some(last) = kept.split_whitespace().last() {
        let folded = fold(last);
        let word = folded.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        // A word of moving before its link to the date (`Go-live moved
        // to`, `reporté au`); alone it may be the title's (`Final report`).
        let moving = linked && dates::is_moving(word);
        let lead_in = LEAD_IN_WORDS.contains(&word) || PLANNING_WORDS.contains(&word);
        // A word glued to punctuation (`Recette:`) ends the title.
        if !(lead_in || moving) || last.ends_with([':', ',', ';', '-', '—']) {
            break;
        }
        linked = matches!(word, "to" | "au" | "a" | "until");
        kept = kept[..kept.len() - last.len()].trim_end();
    }
    kept
}

/// `title` without the [`PLANNING_WORDS`] it ends with, cleaned again.
fn without_planning_words(title: &str) -> String {
    let mut words: Vec<&str> = title.split_whitespace().collect();
    while let Some(last) = words.last() {
        let folded = fold(last);
        let word = folded.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || !PLANNING_WORDS.contains(&word) {
            break;
        }
        words.pop();
    }
    clean_title(&words.join(" "))
}

/// The title of a dated line: the line without its date, or the whole
/// line when nothing else is left (corpus 10: `### Q1 2025 (Actual)`).
fn title_without_date(text: &str, range: Range<usize>) -> String {
    let title = clean_title(&cut(text, range));
    // A changelog's `[1.2.0]`: the release's number is its title.
    let bracketed = title.strip_prefix('[').and_then(|t| t.strip_suffix(']'));
    if let Some(number) = bracketed.filter(|_| begins_with_release_number(&title)) {
        return number.to_string();
    }
    let bare: String = title
        .split(['(', ')', '[', ']'])
        .step_by(2)
        .collect::<Vec<_>>()
        .concat();
    if bare.chars().any(char::is_alphanumeric) {
        title
    } else {
        clean_title(text)
    }
}

/// Markers, boxes, list numbers and dangling separators removed from a title.
pub fn clean_title(text: &str) -> String {
    let mut title = text.trim().to_string();
    for marker in ["[x]", "[X]", "[ ]", "[✅]", "[🚧]", "[⬜]"] {
        if let Some(rest) = title.strip_prefix(marker) {
            title = rest.to_string();
        }
    }
    let trimmed = title
        .trim_matches(|c: char| !c.is_alphanumeric() && !"()[]\"'`«»".contains(c))
        .trim();
    let trimmed = trimmed
        .strip_suffix("()")
        .unwrap_or(trimmed)
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != ']')
        .trim();
    let trimmed = trimmed
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != '[' && c != '"');
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Headers of the column that names what a row of other things (a
/// portfolio's projects, a programme's workstreams) is due to reach on
/// the row's date (folded words).
const NEXT_MILESTONE_HEADERS: &[&str] = &[
    "prochain jalon",
    "jalon",
    "jalon suivant",
    "prochaine etape",
    "next milestone",
    "milestone",
    "next step",
    "prossimo traguardo",
    "traguardo",
    "prossima scadenza",
];

/// The column headed as the milestone a row reaches on its date
/// ([`NEXT_MILESTONE_HEADERS`]) when another column names the row: a
/// portfolio's `| Projet | … | Prochain jalon | Date |` gives `Data lake —
/// Choix de l'éditeur`, due on the row's date, not `Data lake`.
fn next_milestone_column(table: &Table, columns: &[Column], name: Option<usize>) -> Option<usize> {
    let headers = tables::folded_header(table);
    (0..columns.len()).find(|&i| {
        Some(i) != name
            && columns[i] == Column::Text
            && NEXT_MILESTONE_HEADERS.contains(&folding::folded_words(&headers[i]).as_str())
    })
}

/// The column that names a milestone row, of the table's text columns
/// ([`tables::name_column`]).
fn text_column(table: &Table, columns: &[Column]) -> Option<usize> {
    let texts = (0..columns.len()).filter(|i| columns[*i] == Column::Text);
    tables::name_column(table, texts)
}

#[cfg(test)]
mod tests {
    use super::super::as_of::{labelled_rows, text_lines, with_rows};
    use super::super::risks::risk_context;
    use super::*;

    /// What [`Prefixes::begin`] tells, worked out the plain way: fold the
    /// words, then compare.
    fn words_start_with_any_by_folding(text: &str, prefixes: &[&str]) -> bool {
        let longest = prefixes.iter().map(|p| p.len()).max().unwrap_or(0);
        let words: String = crate::extract::folding::words(&fold(text))
            .collect::<Vec<_>>()
            .join(" ");
        let words = match words.char_indices().nth(longest + 1) {
            Some((end, _)) => &words[..end],
            None => &words,
        };
        prefixes.iter().any(|p| words.starts_with(p))
    }

    #[test]
    fn labels_are_found_at_the_start_of_every_real_line() {
        let mut lines: Vec<String> = [
            "Jalon 2 : Beta le 12/03",
            "🚀 Go-Live : 2026-03-01",
            "Mise en production prévue le 3 mars",
            "MISE EN PROD — 2026-03-01",
            "Date de fin prévue : T2 2026",
            "Le jalon 2 : 2026-03-01",
            "Livraison",
            "livr",
            "Dead line: soon",
            "Échéance : vendredi",
            "ﬁn prévue", // a ligature: not `fin` once folded
            "",
        ]
        .map(String::from)
        .to_vec();
        for line in crate::extract::shared_lines() {
            lines.extend(segments(&line).map(String::from));
        }
        let mut matching = 0;
        for line in &lines {
            let expected = words_start_with_any_by_folding(line, MILESTONE_LABELS);
            assert_eq!(may_open_with_milestone_label(line), expected, "{line:?}");
            matching += usize::from(expected);
        }
        assert!(matching >= 7, "only {matching} labelled lines");
    }
    use crate::config::Config;
    use crate::ingest::FrontMatter;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Each milestone of `text` as its title and status.
    fn titles_and_statuses(text: &str, as_of: NaiveDate) -> Vec<(String, Option<Status>)> {
        (milestones(text, as_of).milestones.iter())
            .map(|m| (m.title.clone(), m.status))
            .collect()
    }

    fn milestones(text: &str, as_of: NaiveDate) -> DocumentStatus {
        let status = DocumentStatus {
            as_of: Some(as_of),
            ..DocumentStatus::default()
        };
        milestones_after(text, status)
    }

    /// The milestones of `text`, read after as-of reading left `status`.
    fn milestones_after(text: &str, mut status: DocumentStatus) -> DocumentStatus {
        let document = Document {
            source: "doc.md".to_string(),
            text: text.to_string(),
            front_matter: FrontMatter::default(),
            diagnostics: Vec::new(),
            decoding: None,
        };
        let config = Config::default();
        let context = Context::new(&config, date(2030, 1, 1));
        let outline = Outline::parse(text);
        let words = DocumentVocabulary::new(&outline, &context.vocabulary);
        let risk_sections = risk_context(&outline);
        let rows = labelled_rows(&outline);
        let (_, diagnostics) = read(
            &outline,
            &document,
            &context,
            &words,
            &risk_sections,
            &with_rows(text_lines(&outline), &rows),
            &mut status,
        );
        status.diagnostics.extend(diagnostics);
        status
    }

    /// A weekday beside a date that falls on another day is said, once
    /// per milestone; the date stays as read.
    /// An Italian plan's milestone lines: `Prossimo traguardo` says only
    /// that a milestone follows, `Messa in produzione` and `Rilascio` are
    /// milestones of their own, and a portfolio's `Prossimo traguardo`
    /// column names what each row reaches.
    #[test]
    fn italian_milestone_labels() {
        let text = "# Progetto X\n\n**Prossimo traguardo:** Beta pubblica — 15 dicembre 2026\n\n\
                    ## Piano\n\n- Messa in produzione: 20/01/2027\n- Rilascio v2: marzo 2027\n\n\
                    ## Portafoglio\n\n| Progetto | Prossimo traguardo | Data |\n|---|---|---|\n\
                    | CRM | Go-live | 01/02/2027 |\n";
        let status = milestones(text, date(2026, 11, 22));
        let read: Vec<_> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.date))
            .collect();
        assert_eq!(
            read,
            [
                ("Beta pubblica", Some(date(2026, 12, 15))),
                ("Messa in produzione", Some(date(2027, 1, 20))),
                ("Rilascio v2", Some(date(2027, 3, 1))),
                ("CRM — Go-live", Some(date(2027, 2, 1))),
            ]
        );
    }

    #[test]
    fn a_weekday_the_date_does_not_fall_on_is_said() {
        let text = "## Planning\n\n| Date | Objectif | État |\n|---|---|---|\n| Jeu 10/07 | Architecture | Fait |\n| Ven 11/07/2025 | Prévision | Fait |\n| 12/07 | Allocation | Fait |\n";
        let status = milestones(text, date(2026, 7, 1));
        let m = &status.milestones;
        assert_eq!(m.len(), 3);
        // 10 July 2026 is a Friday; 11 July 2025 was a Friday.
        assert_eq!(m[0].date, Some(date(2026, 7, 10)));
        let said: Vec<(usize, &str)> = (status.diagnostics.iter())
            .filter(|d| d.code == "weekday-mismatch")
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [(
                5,
                "milestone \"Architecture\": 2026-07-10 is a Friday, not the Thursday written beside `10/07`"
            )]
        );
    }

    #[test]
    fn milestone_table_of_seed_003() {
        let text = "## PROCHAINS JALONS\n\n| Jalon | Date Estimée | Statut |\n| --- | --- | --- |\n| Phase 0 Code Complete | ✅ 31 jan | DONE |\n| **Phase 1 Start** | **5 feb** | 🟡 BLOQUÉ |\n| Phase 1 Complete | 15-20 feb | 📅 |\n| Phase 0 Intégration Complete | 3 feb | 🟡 EN ATTENTE |\n";
        let status = milestones(text, date(2026, 2, 2));
        let m = &status.milestones;
        assert_eq!(m.len(), 4);
        assert_eq!(m[0].title, "Phase 0 Code Complete");
        assert_eq!(m[0].date, Some(date(2026, 1, 31)));
        assert_eq!(m[0].status, Some(Status::Done));
        assert_eq!(m[1].title, "Phase 1 Start");
        assert_eq!(m[1].date_text, "5 feb");
        assert_eq!(m[1].status, Some(Status::Blocked));
        assert_eq!(m[2].date_end, Some(date(2026, 2, 20)));
        assert_eq!(m[2].status, Some(Status::Todo));
        assert_eq!(m[3].status, Some(Status::Blocked));
        assert_eq!(
            status
                .diagnostics
                .iter()
                .filter(|d| d.code == "inferred-year")
                .count(),
            4
        );
    }

    /// A release plan's dated headings: each version is a milestone named
    /// by its version, the status it ends with read and left out of its
    /// title; a last clause that is not all a status stays.
    #[test]
    fn a_changelogs_releases_are_done_on_their_day() {
        // Keep a Changelog: bracketed numbers, changes sorted by category.
        let text = "# Changelog\n\n## [Unreleased]\n### Added\n- Export to CSV\n\n\
                    ## [1.2.0] - 2026-11-20\n### Added\n- Dark mode\n### Fixed\n- Crash\n\n\
                    ## 1.1.0 (2026-10-02)\n- Risk matrix\n";
        let status = milestones(text, date(2026, 11, 25));
        let read: Vec<_> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.date.map(|d| d.to_string()), m.status))
            .collect();
        assert_eq!(
            read,
            [
                ("1.2.0", Some("2026-11-20".to_string()), Some(Status::Done)),
                ("1.1.0", Some("2026-10-02".to_string()), Some(Status::Done)),
            ]
        );
        // Release notes under another title: their categories say so. A
        // release dated after the as-of day is not made yet; a plan's
        // version without tasks says nothing; a section's number is no
        // release.
        let text = "# Notes\n\n## v2.0 - 2026-12-15\n### Features\n- Search\n\n\
                    ## v1.9 - 2026-11-02\n### Bug fixes\n- Login\n\n\
                    ## v1.8 - 2026-10-01\n\nShipped to beta.\n\n\
                    ## 3.2 Planning (Q1 2027)\n- Budget\n";
        assert_eq!(
            titles_and_statuses(text, date(2026, 11, 25)),
            [
                ("v2.0".to_string(), None),
                ("v1.9".to_string(), Some(Status::Done)),
                ("v1.8".to_string(), None)
            ]
        );
    }

    /// A Mermaid timeline's events are milestones of their periods,
    /// continued periods and lone years included; its title, its
    /// sections and a period that names no date give none.
    #[test]
    fn a_mermaid_timelines_events_are_milestones() {
        let text = "# Roadmap\n\n```mermaid\ntimeline\n    title Data platform 2027\n\
                    section Build\n    Q1 2027 : Ingestion v2\n            : Catalog MVP\n\
                    Q2 2027 : Lineage : Quality checks\n    section Later\n\
                    2028 : Self-service BI\n    Someday : Data mesh\n```\n";
        let status = milestones(text, date(2026, 12, 6));
        let read: Vec<_> = (status.milestones.iter())
            .map(|m| {
                let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
                (m.title.as_str(), day(m.date), day(m.date_end), m.line)
            })
            .collect();
        let event = |title, start: &str, end: &str, line| {
            (title, Some(start.to_string()), Some(end.to_string()), line)
        };
        assert_eq!(
            read,
            [
                event("Ingestion v2", "2027-01-01", "2027-03-31", 7),
                event("Catalog MVP", "2027-01-01", "2027-03-31", 8),
                event("Lineage", "2027-04-01", "2027-06-30", 9),
                event("Quality checks", "2027-04-01", "2027-06-30", 9),
                event("Self-service BI", "2028-01-01", "2028-12-31", 11),
            ]
        );
    }

    /// A release heading that dates two of its stages gives a milestone
    /// for each, with the release's status; a heading whose second date
    /// follows prose, and a move from one date to the other, give one.
    #[test]
    fn a_release_heading_dates_its_stages() {
        let text = "## v4.3.0 — code freeze 2026-12-10, release 2026-12-17\n\n\
                    - [x] Saved filters\n- [ ] Bulk edit\n\n\
                    ## Jalon 2 : recette 15/01/2027 ; mise en production 02/02/2027\n\n\
                    ## v4.4.0 — 2027-01-20, moved from 2027-01-13\n";
        let status = milestones(text, date(2026, 12, 6));
        let read: Vec<_> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.date.map(|d| d.to_string()), m.status))
            .collect();
        let day = |d: &str| Some(d.to_string());
        assert_eq!(
            read,
            [
                (
                    "v4.3.0 — code freeze",
                    day("2026-12-10"),
                    Some(Status::InProgress)
                ),
                (
                    "v4.3.0 — release",
                    day("2026-12-17"),
                    Some(Status::InProgress)
                ),
                ("Jalon 2 — recette", day("2027-01-15"), None),
                ("Jalon 2 — mise en production", day("2027-02-02"), None),
                ("v4.4.0", day("2027-01-20"), None),
            ]
        );
    }

    #[test]
    fn a_release_plans_versions_leave_their_status_out_of_their_titles() {
        let text = "## v2.3.0 — 2026-11-10 ✅ Shipped\n\n- [x] Proration\n\n\
                    ## v2.4.0 — 2026-12-01 (in progress)\n\n- [ ] Multi-currency\n\n\
                    ## v3.0.0 — Q1 2027 (planned)\n\n- [ ] Usage-based pricing\n\n\
                    ## v2.5.0 — 2026-12-15 (EU customers)\n\n- [ ] Invite list\n";
        let read = titles_and_statuses(text, date(2026, 11, 25));
        let read: Vec<_> = read.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        assert_eq!(
            read,
            [
                ("v2.3.0", Some(Status::Done)),
                ("v2.4.0", Some(Status::InProgress)),
                ("v3.0.0", Some(Status::Todo)),
                ("v2.5.0 — (EU customers)", Some(Status::Todo)),
            ]
        );
    }

    /// A portfolio's table of projects with their next milestones: each
    /// row's milestone is the project's and the milestone's names, due on
    /// the row's date. A table named by its `Jalon` column is as before.
    #[test]
    fn a_portfolios_next_milestones_are_named_by_project_and_milestone() {
        let text =
            "## Projets\n\n| Projet | Chef de projet | Avancement | Prochain jalon | Date |\n\
                    |---|---|---|---|---|\n\
                    | Refonte CRM | @claire | 75 % | Recette utilisateurs | 15/12/2026 |\n\
                    | Data lake | @omar | 10 % | Choix de l'éditeur | 30/10/2026 |\n\n\
                    ## Jalons\n\n| Jalon | Date |\n|---|---|\n| Go-live | 01/03/2027 |\n";
        let status = milestones(text, date(2026, 11, 25));
        let read: Vec<_> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.date))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Refonte CRM — Recette utilisateurs",
                    Some(date(2026, 12, 15))
                ),
                ("Data lake — Choix de l'éditeur", Some(date(2026, 10, 30))),
                ("Go-live", Some(date(2027, 3, 1))),
            ]
        );
    }

    /// A one-row table is named by its heading only when its row names
    /// nothing: corpus 22's roadmap items (category, status, date) take
    /// their heading; a row with a milestone column keeps its own name.
    #[test]
    fn a_one_row_table_is_named_by_its_row_else_its_heading() {
        let text = "## Jalons\n\n| Jalon | Date | Statut |\n|---|---|---|\n| Mise en production | 01/12/2026 | À faire |\n\n### AutoNATv2\n\n| Category | Status | Target Completion |\n|---|---|---|\n| Connectivity | todo | Q4/2026 |\n";
        let status = milestones(text, date(2026, 11, 1));
        let titles: Vec<&str> = (status.milestones.iter())
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(titles, ["Mise en production", "AutoNATv2"]);
        assert_eq!(status.milestones[0].date, Some(date(2026, 12, 1)));
    }

    #[test]
    fn labelled_line_anywhere() {
        let text = "## Budget\n\n### Timeline\n\n**Temps écoulé :** 4 semaines sur 26  \n**Date prévue de fin :** 30/06/2025\n";
        let status = milestones(text, date(2025, 1, 10));
        assert_eq!(status.milestones.len(), 1);
        assert_eq!(status.milestones[0].title, "Date prévue de fin");
        assert_eq!(status.milestones[0].date, Some(date(2025, 6, 30)));
        assert_eq!(status.milestones[0].date_text, "30/06/2025");
        // A label after a sentence on the same line, as a release's
        // tracking issue writes it.
        let text = "Tracking issue for the 4.2 release. Target date: **January 15, 2027**. Release manager: @mhernandez\n";
        let status = milestones(text, date(2026, 12, 1));
        let read: Vec<(&str, Option<NaiveDate>)> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.date))
            .collect();
        assert_eq!(read, [("Target date", Some(date(2027, 1, 15)))]);
    }

    /// Project weeks are dates only in a document that says when its
    /// project started; they count from that day.
    #[test]
    fn project_weeks_need_the_project_start() {
        let text = "## Upcoming Milestones\n\n- **End of Week 2**: Milestone 1 - Auth\n- Week 4: Beta\n\n## Stream 1\n\n**ETA**: End of Week 2\n";
        let read = |start: Option<NaiveDate>| {
            let status = DocumentStatus {
                start,
                ..DocumentStatus::default()
            };
            (milestones_after(text, status).milestones.iter())
                .map(|m| (m.title.clone(), m.date, m.date_end))
                .collect::<Vec<_>>()
        };
        assert_eq!(read(None), []);
        assert_eq!(
            read(Some(date(2025, 11, 5))),
            [
                (
                    "Milestone 1 - Auth".to_string(),
                    Some(date(2025, 11, 18)),
                    None
                ),
                // A week is due on its last day.
                (
                    "Beta".to_string(),
                    Some(date(2025, 11, 26)),
                    Some(date(2025, 12, 2))
                ),
            ]
        );
    }

    #[test]
    fn a_target_launch_is_a_milestone() {
        // Corpus 15's header: the launch the whole sprint plan aims at.
        let text = "# Sprint Tracker\n\n**Start Date**: 2025-11-05\n**Target Launch**: 2026-01-14 (10 weeks)\n**Current Sprint**: Week 1-2\n";
        let status = milestones(text, date(2025, 11, 20));
        let read: Vec<(&str, Option<NaiveDate>)> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.date))
            .collect();
        assert_eq!(read, [("Target Launch", Some(date(2026, 1, 14)))]);
    }

    #[test]
    fn a_year_heading_with_nothing_dated_under_it() {
        let text = "## Roadmap\n\n### Q3 2025\n\n- Primeros clientes\n\n### 2027\n\n- VERI*FACTU obligatorio\n\n## Timeline\n\n### 2024\n\n- [x] Q1 Focus\n\n### 2025\n\n- [x] Propose phase 2\n\n## Notes\n\n### 2023\n\n- a year outside a milestone section\n";
        let status = milestones(text, date(2026, 12, 3));
        type Read<'m> = (
            &'m str,
            Option<NaiveDate>,
            Option<NaiveDate>,
            Option<Status>,
        );
        let read: Vec<Read> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.date, m.date_end, m.status))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Q3 2025",
                    Some(date(2025, 7, 1)),
                    Some(date(2025, 9, 30)),
                    None
                ),
                (
                    "2027",
                    Some(date(2027, 1, 1)),
                    Some(date(2027, 12, 31)),
                    None
                ),
                // `### 2024` dates its quarter: the quarter is the milestone.
                (
                    "Q1 Focus",
                    Some(date(2024, 1, 1)),
                    Some(date(2024, 3, 31)),
                    Some(Status::Done)
                ),
                // Every task of 2025 ticked: the year is done.
                (
                    "2025",
                    Some(date(2025, 1, 1)),
                    Some(date(2025, 12, 31)),
                    Some(Status::Done)
                ),
            ]
        );
    }

    /// A roadmap's quarter and half-year headings are milestones wherever
    /// they stand, as far as their tasks; a heading that only begins with
    /// a quarter and says more is not.
    /// Each milestone's title, due day and status.
    fn due_and_status(status: &DocumentStatus) -> Vec<(&str, Option<NaiveDate>, Option<Status>)> {
        (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.due(), m.status))
            .collect()
    }

    /// The words that say a milestone moved to its date are no part of its
    /// title; a title's own word that is also one of moving stays.
    #[test]
    fn a_milestone_moved_to_its_date_is_titled_without_the_move() {
        let text = "# Atlas\n\n\
            Go-live moved to 2027-01-15.\n\n\
            ## Jalons\n\n\
            - Recette reportée au 15/02/2027\n\
            - Final report due 15/12/2026\n\
            - Bascule postponed until 2027-03-01\n";
        let status = milestones(text, date(2026, 11, 20));
        assert_eq!(
            due_and_status(&status),
            [
                ("Go-live", Some(date(2027, 1, 15)), None),
                ("Recette", Some(date(2027, 2, 15)), None),
                ("Final report", Some(date(2026, 12, 15)), None),
                ("Bascule", Some(date(2027, 3, 1)), None),
            ]
        );
    }

    /// The day a milestone's work began is no day it is due by: the
    /// milestone is kept without a date, under way, never overdue; a later
    /// date on its line dates it.
    #[test]
    fn a_milestone_dated_by_when_it_began_is_due_on_no_day() {
        let text = "# Relay\n\n## Milestones\n\n\
            - ✅ **v1.0 Core** (started 2026-01-05, shipped 2026-04-20)\n\
            - 🚧 **v1.2 Mobile** - Phases 10-12 (active, started 2026-06-01)\n\
            - **v1.3 Web** : en cours depuis le 2 juin 2026\n\
            - Kick-off : 05/01/2026\n\
            - Bascule : 30/09/2026\n";
        let status = milestones(text, date(2026, 7, 1));
        assert_eq!(
            due_and_status(&status),
            [
                ("v1.0 Core", Some(date(2026, 4, 20)), Some(Status::Done)),
                ("v1.2 Mobile - Phases 10-12", None, Some(Status::InProgress)),
                ("v1.3 Web", None, Some(Status::InProgress)),
                ("Kick-off", Some(date(2026, 1, 5)), None),
                ("Bascule", Some(date(2026, 9, 30)), None),
            ]
        );
        let written: Vec<&str> = (status.milestones.iter())
            .map(|m| m.date_text.as_str())
            .collect();
        assert_eq!(
            written[1..3],
            ["started 2026-06-01", "depuis le 2 juin 2026"]
        );
        // A dash before the status and its start words (`—` is three
        // bytes).
        let status = milestones(
            "# R\n\n## Jalons\n\n- **v1.3 Web** — en cours depuis le 2 juin 2026\n",
            date(2026, 7, 1),
        );
        assert_eq!(
            due_and_status(&status),
            [("v1.3 Web", None, Some(Status::InProgress))]
        );
        // A no-break space (two bytes) before the start word.
        let status = milestones(
            "# R\n\n## Milestones\n\n- 🚧 **v1.2 Mobile** (active,\u{a0}started 2026-06-01)\n",
            date(2026, 7, 1),
        );
        assert_eq!(
            due_and_status(&status),
            [("v1.2 Mobile", None, Some(Status::InProgress))]
        );
    }

    /// A milestone heading dated by a line under it: a plan's `**Date
    /// prévue :**`, a GitHub milestone's `Due by`, a Redmine version's date
    /// alone; the line is no milestone of its own, and the tracker's figures
    /// under it say how far the milestone is.
    #[test]
    fn a_milestone_heading_dated_by_the_line_under_it() {
        let plan = "# Portail\n\n## Jalons\n\n### Jalon 1 : Cadrage\n**Date :** 15/10/2026\n**Statut :** ✅ Atteint\n\n### Jalon 2 : Recette\n**Statut :** En cours\n**Date prévue :** 15/12/2026\n\n### Jalon 3 : Mise en production\nÉchéance : 1er février 2027\n";
        let status = milestones(plan, date(2026, 12, 6));
        assert_eq!(
            due_and_status(&status),
            [
                (
                    "Jalon 1 : Cadrage",
                    Some(date(2026, 10, 15)),
                    Some(Status::Done)
                ),
                (
                    "Jalon 2 : Recette",
                    Some(date(2026, 12, 15)),
                    Some(Status::InProgress)
                ),
                ("Jalon 3 : Mise en production", Some(date(2027, 2, 1)), None),
            ]
        );
        let github = "# Mobile app\n\n## v2.4\nDue by December 15, 2026\n67% complete\n4 open 8 closed\n\n## v2.5\nDue by January 30, 2027\n0% complete\n\n## v2.3\nClosed Nov 12, 2026\n100% complete\n";
        let status = milestones(github, date(2026, 12, 6));
        assert_eq!(
            due_and_status(&status),
            [
                ("v2.4", Some(date(2026, 12, 15)), Some(Status::InProgress)),
                ("v2.5", Some(date(2027, 1, 30)), Some(Status::Todo)),
                ("v2.3", Some(date(2026, 11, 12)), Some(Status::Done)),
            ]
        );
        let redmine = "# ERP — Roadmap\n\n## Version 1.0 — Pilote\n2026-10-15 (Closed)\n24 issues (24 closed — 0 open)\n\n## Version 1.1\n2026-12-18 (in 12 days)\n30 demandes (20 fermées — 10 ouvertes)\n";
        let status = milestones(redmine, date(2026, 12, 6));
        assert_eq!(
            due_and_status(&status),
            [
                (
                    "Version 1.0 — Pilote",
                    Some(date(2026, 10, 15)),
                    Some(Status::Done)
                ),
                (
                    "Version 1.1",
                    Some(date(2026, 12, 18)),
                    Some(Status::InProgress)
                ),
            ]
        );
        // A date in a sentence, or under a heading that is no milestone's
        // name, dates nothing: `### Timeline` over the project's due date
        // (seed `001_…`) leaves the labelled line its milestone.
        let other = "# P\n\n## v3.0\nWe hope to ship before 2027-03-01 if hiring goes well.\n\n## Planning\n\n### Timeline\n**Temps écoulé :** 4 semaines\n**Date prévue de fin :** 30/06/2025\n\n## Notes\n2026-12-01\n";
        let titles: Vec<String> = (milestones(other, date(2026, 12, 6)).milestones)
            .into_iter()
            .map(|m| m.title)
            .collect();
        assert_eq!(titles, ["Date prévue de fin"]);
    }

    /// A table of figures by date names no milestone: a burndown's rows
    /// were milestones named `Milestone`, overdue, the project red.
    #[test]
    fn a_burndown_table_holds_no_milestone() {
        let text = "# Sprint 7 burndown\n\n| Day | Date | Remaining (pts) | Ideal |\n|---|---|---|---|\n| 1 | 2026-11-23 | 40 | 40 |\n| 2 | 2026-11-24 | 38 | 36 |\n";
        assert!(milestones(text, date(2026, 12, 6)).milestones.is_empty());
        // A row that names itself still gives its milestone.
        let text =
            "# P\n\n| Jalon | Date |\n|---|---|\n| Recette | 2026-11-23 |\n| MEP | 2027-01-10 |\n";
        assert_eq!(milestones(text, date(2026, 12, 6)).milestones.len(), 2);
    }

    /// Org-mode's and Logseq's `DEADLINE: <…>` dates the task above it
    /// (the items' reader reads it): no milestone labelled `Deadline`.
    #[test]
    fn a_planning_line_is_no_milestone() {
        let text = "# Data platform\n\n- TODO CDC for billing\n  DEADLINE: <2026-12-15 Tue>\n\nDeadline: 2027-01-31\n";
        let titles: Vec<(String, Option<NaiveDate>)> = (milestones(text, date(2026, 12, 6))
            .milestones)
            .into_iter()
            .map(|m| (m.title, m.date))
            .collect();
        assert_eq!(titles, [("Milestone".to_string(), Some(date(2027, 1, 31)))]);
    }

    #[test]
    fn quarter_and_half_headings_are_time_boxes() {
        let text = "# Product plan\n\n## Q1 2027\n\n- [x] SSO\n- [ ] Audit log\n\n## H2 2027\n\n- [ ] Marketplace\n\n## T3 2026 (prévu)\n\n- [ ] Offline\n\n## Q1 2027 goals for the sales team\n\n- [ ] Deck\n\n## Q4 2026 (current quarter)\n\n- [x] Biometric login\n";
        let status = milestones(text, date(2027, 4, 15));
        let read = due_and_status(&status);
        assert_eq!(
            read,
            [
                ("Q1 2027", Some(date(2027, 3, 31)), Some(Status::InProgress)),
                ("H2 2027", Some(date(2027, 12, 31)), Some(Status::Todo)),
                ("T3 2026", Some(date(2026, 9, 30)), Some(Status::Todo)),
                (
                    "Q4 2026 (current quarter)",
                    Some(date(2026, 12, 31)),
                    Some(Status::Done)
                ),
            ]
        );
    }

    /// A status page's header table dates its release as its labelled
    /// lines would (`| **Target release** | 2027-02-15 |` as `**Target
    /// release:** 2027-02-15`); its epics table, a milestone table (§7),
    /// says how each epic goes: `OFF TRACK` is under way, and late.
    #[test]
    fn a_header_tables_release_and_an_epics_table() {
        let text = "# Project Phoenix\n\n| | |\n|---|---|\n| **Status** | AT RISK |\n\
            | **Target release** | 2027-02-15 |\n| **Last updated** | Nov 24, 2026 |\n\n\
            ## Epics\n\n| Epic | Status | Progress | Target |\n|---|---|---|---|\n\
            | PHX-2 Statements v2 | ON TRACK | 65% | Dec 18, 2026 |\n\
            | PHX-3 Dispute flow | OFF TRACK | 20% | Nov 20, 2026 |\n";
        let status = milestones(text, date(2026, 11, 30));
        let read = due_and_status(&status);
        assert_eq!(
            read,
            [
                ("Target release", Some(date(2027, 2, 15)), None),
                (
                    "PHX-2 Statements v2",
                    Some(date(2026, 12, 18)),
                    Some(Status::InProgress)
                ),
                (
                    "PHX-3 Dispute flow",
                    Some(date(2026, 11, 20)),
                    Some(Status::InProgress)
                ),
            ]
        );
    }

    /// A go-live runbook's steps, counted down to the launch, are due on
    /// their days, done as far as their tasks are; `T-shirt sizes` is no
    /// step, and a step without a date no milestone.
    #[test]
    fn a_countdowns_dated_steps_are_milestones() {
        let text =
            "# Go-live runbook\n\n## T-7 (5 Dec)\n\n- [x] Code freeze\n- [ ] Finance sign-off\n\n\
            ## J-1 (11/12)\n\n- [x] Sauvegarde vérifiée\n\n## D-Day (12 Dec)\n\n- [ ] Deploy\n\n\
            ## T+2\n\n- [ ] Hypercare review\n\n## T-shirt sizes (5 Dec)\n\n- [ ] Estimate\n";
        let status = milestones(text, date(2026, 12, 6));
        let read = due_and_status(&status);
        assert_eq!(
            read,
            [
                ("T-7", Some(date(2026, 12, 5)), Some(Status::InProgress)),
                ("J-1", Some(date(2026, 12, 11)), Some(Status::Done)),
                ("D-Day", Some(date(2026, 12, 12)), Some(Status::Todo)),
            ]
        );
        assert!(is_countdown("jour j (12/12)"));
        assert!(!is_countdown("t-shirt sizes"));
        assert!(!is_countdown("todo"));
    }

    /// The words that bring a date in are no part of the title.
    #[test]
    fn a_title_leaves_out_the_words_before_its_date() {
        let text = "## Jalons\n\n- Recette : courant avril 2027\n- Migration : d'ici fin 2026\n- Livraison du lot 2 le 15/03/2027\n- Bascule avant le 30/06/2027\n- Audit: 2e semestre 2027\n\nGo-live prévu le 15/09/2027\n";
        let status = milestones(text, date(2026, 11, 22));
        let titles: Vec<&str> = (status.milestones.iter())
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(
            titles,
            [
                "Recette",
                "Migration",
                "Livraison du lot 2",
                "Bascule",
                "Audit",
                "Go-live"
            ]
        );
    }

    #[test]
    fn dated_items_under_a_milestone_heading() {
        let text = "## Milestones\n\n- ✅ **v0.9 Security Hardening** -- Phases 1-4 (shipped 2026-02-15)\n- 🔨 **v5.0** -- next\n\n## Notes\n\n- met on 2026-02-01\n";
        let status = milestones(text, date(2026, 3, 20));
        assert_eq!(status.milestones.len(), 1);
        assert_eq!(
            status.milestones[0].title,
            "v0.9 Security Hardening -- Phases 1-4"
        );
        assert_eq!(status.milestones[0].status, Some(Status::Done));
    }

    #[test]
    fn quarters_under_a_year_heading() {
        let text = "## Timeline\n\n### 2024\n\n- [x] Q1 Focus\n  - [x] thing\n- [ ] Q3 TBD\n\n### Other\n\n- Q2 Focus\n";
        let status = milestones(text, date(2024, 6, 1));
        let m = &status.milestones;
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].title, "Q1 Focus");
        assert_eq!(m[0].date, Some(date(2024, 1, 1)));
        assert_eq!(m[0].date_end, Some(date(2024, 3, 31)));
        assert_eq!(m[0].status, Some(Status::Done));
        assert_eq!(m[1].date, Some(date(2024, 7, 1)));
        assert_eq!(m[1].status, Some(Status::Todo));
    }

    #[test]
    fn dated_sub_headings_of_a_milestone_section() {
        let text = "## 🎯 JALONS CLÉS\n\n### ✅ Jalon 0: Pilote Données Importées (8 Jan)\n\n**Statut:** ✅ ATTEINT\n\n### Jalon 3: Certification NF525 (Mar-Avr - Sem 8-16)\n\n### Jalon 4: Version 2.0 Complète (18 Fév - Sem 10)\n";
        let status = milestones(text, date(2026, 1, 8));
        let m = &status.milestones;
        assert_eq!(m.len(), 3, "{m:#?}");
        assert_eq!(m[0].title, "Jalon 0: Pilote Données Importées");
        assert_eq!(m[0].date, Some(date(2026, 1, 8)));
        assert_eq!(m[0].status, Some(Status::Done));
        // `Mar-Avr`: March and April, the weeks in the parenthesis with them.
        assert_eq!(m[1].title, "Jalon 3: Certification NF525");
        assert_eq!(
            (m[1].date, m[1].date_end),
            (Some(date(2026, 3, 1)), Some(date(2026, 4, 30)))
        );
        assert_eq!(m[2].date, Some(date(2026, 2, 18)));
        assert_eq!(m[2].status, None);
    }

    /// A dated sub-heading's tasks say how far its milestone is: corpus
    /// 10's roadmap, one quarter begun (a phase done, one under way), one
    /// all done, one not begun (to do) and one with no markers at all.
    #[test]
    fn a_dated_heading_is_as_far_as_its_tasks() {
        let text = "## 🎯 ROADMAP\n\n### Q1 2025 (Actual)\n- ✅ FASE 1-3 (Semanas 1-3)\n- 🔄 FASE 4-6 (Semanas 4-6)\n\n### Q4 2024\n- ✅ FASE 0\n- [x] Kick-off\n\n### Q2 2025\n- [ ] FASE 7-9\n- ⏳ FASE 10-12\n\n### Q3 2025\n- Primeros clientes\n";
        let status = milestones(text, date(2024, 12, 17));
        let read: Vec<(&str, Option<Status>)> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.status))
            .collect();
        assert_eq!(
            read,
            [
                ("Q1 2025 (Actual)", Some(Status::InProgress)),
                ("Q4 2024", Some(Status::Done)),
                ("Q2 2025", Some(Status::Todo)),
                ("Q3 2025", None),
            ]
        );
    }

    /// A planning's rows say how far each phase is by a percentage, in an
    /// `Avancement` column or a column of percentages: 100 is done, 0 not
    /// begun, anything between under way. Conception, ended in September,
    /// is not late.
    #[test]
    fn a_planning_row_is_as_far_as_its_percentage() {
        let text = "| Tâche | Début | Fin | Avancement |\n|---|---|---|---|\n| Conception | 01/09/2026 | 30/09/2026 | 100 % |\n| Développement | 01/10/2026 | 30/11/2026 | 60 % |\n| Recette | 01/12/2026 | 20/12/2026 | 0 % |\n\n| Lot | Date | Fait |\n|---|---|---|\n| Lot 1 | 15/10/2026 | 100% |\n| Lot 2 | 15/12/2026 | 20% |\n";
        let status = milestones(text, date(2026, 11, 22));
        let read: Vec<(&str, Option<Status>)> = (status.milestones.iter())
            .map(|m| (m.title.as_str(), m.status))
            .collect();
        assert_eq!(
            read,
            [
                ("Conception", Some(Status::Done)),
                ("Développement", Some(Status::InProgress)),
                ("Recette", Some(Status::Todo)),
                ("Lot 1", Some(Status::Done)),
                ("Lot 2", Some(Status::InProgress)),
            ]
        );
    }

    #[test]
    fn dated_rows_of_a_status_table() {
        let text = "| Phase | Status | Completed |\n|---|---|---|\n| 1. Timing Attack Prevention | Complete | 2026-02-15 |\n| 2. Rate Limiter | In progress | |\n";
        let status = milestones(text, date(2026, 4, 4));
        assert_eq!(status.milestones.len(), 1);
        assert_eq!(status.milestones[0].title, "1. Timing Attack Prevention");
        assert_eq!(status.milestones[0].date, Some(date(2026, 2, 15)));
        assert_eq!(status.milestones[0].status, Some(Status::Done));
        // A date stamped beside the status word says when the task was
        // closed: no milestone (corpus 02).
        let stamped = "| Vue | Fichier | Occurrences | État |\n|---|---|---|---|\n| Login | `LoginView.tsx` | 34 | ✅ 2026-04-04 |\n| Carte GPS | `MapView.tsx` | 92 | ⬜ |\n";
        assert!(milestones(stamped, date(2026, 4, 4)).milestones.is_empty());
        let counts = "| Phase | Plans | Status |\n|---|---|---|\n| Timing | 10/12 | 🚧 |\n";
        assert!(milestones(counts, date(2026, 4, 4)).milestones.is_empty());
    }

    /// A French milestone plan keeps the date first planned, the date
    /// planned now and the day each was reached.
    #[test]
    fn planned_revised_and_actual_dates() {
        fn dated(status: &DocumentStatus) -> Vec<(&str, Option<NaiveDate>, Option<Status>)> {
            (status.milestones.iter())
                .map(|m| (m.title.as_str(), m.date, m.status))
                .collect()
        }
        let text = "## Jalons\n\n| Jalon | Date prévue | Date révisée | Date réelle | Statut |\n|---|---|---|---|---|\n| Cadrage validé | 15/01/2026 | | 20/01/2026 | Fait |\n| Recette | 01/03/2026 | 30/04/2026 | | En cours |\n| Mise en production | 01/04/2026 | 31/05/2026 | | À faire |\n| Bilan | 30/06/2026 | | | |\n";
        let status = milestones(text, date(2026, 3, 15));
        assert_eq!(
            dated(&status),
            [
                // Reached on 20 January, five days after the plan.
                (
                    "Cadrage validé",
                    Some(date(2026, 1, 20)),
                    Some(Status::Done)
                ),
                // Moved to 30 April: not late on 15 March.
                ("Recette", Some(date(2026, 4, 30)), Some(Status::InProgress)),
                (
                    "Mise en production",
                    Some(date(2026, 5, 31)),
                    Some(Status::Todo)
                ),
                // Neither moved nor reached: the date first planned.
                ("Bilan", Some(date(2026, 6, 30)), None),
            ]
        );
        // The date as written shows the move: first planned, then now.
        let written: Vec<&str> = (status.milestones.iter())
            .map(|m| m.date_text.as_str())
            .collect();
        assert_eq!(
            written,
            [
                "15/01/2026 → 20/01/2026",
                "01/03/2026 → 30/04/2026",
                "01/04/2026 → 31/05/2026",
                "30/06/2026"
            ]
        );
        // The date first planned is kept when it differs from the date.
        let baselines: Vec<Option<NaiveDate>> =
            (status.milestones.iter()).map(|m| m.baseline).collect();
        assert_eq!(
            baselines,
            [
                Some(date(2026, 1, 15)),
                Some(date(2026, 3, 1)),
                Some(date(2026, 4, 1)),
                None
            ]
        );
        // The weekday beside the date a milestone moved to is checked.
        let text = "## Jalons\n\n| Jalon | Date prévue | Date révisée | Statut |\n|---|---|---|---|\n| Démo | Lun 02/03/2026 | Mer 30/04/2026 | À faire |\n";
        let status = milestones(text, date(2026, 3, 15));
        let said: Vec<&str> = (status.diagnostics.iter())
            .filter(|d| d.code == "weekday-mismatch")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            said,
            ["milestone \"Démo\": 2026-04-30 is a Thursday, not the Wednesday written beside `30/04/2026`"]
        );
        // Without a status column, a day reached says the milestone is done.
        let text = "## Milestones\n\n| Milestone | Baseline | Forecast | Actual |\n|---|---|---|---|\n| Design review | 2026-02-01 | | 2026-02-03 |\n| Beta | 2026-03-01 | 2026-04-15 | |\n";
        let status = milestones(text, date(2026, 3, 15));
        assert_eq!(
            dated(&status),
            [
                ("Design review", Some(date(2026, 2, 3)), Some(Status::Done)),
                ("Beta", Some(date(2026, 4, 15)), None),
            ]
        );
    }

    /// A date struck out is a plan given up, and words say which of two
    /// dates is the one planned now: on 15 March, `Recette ~~01/03~~
    /// 30/04` is due on 30 April, not two weeks late.
    #[test]
    fn a_milestone_moved_in_its_text() {
        let text = "## Jalons\n\n| Jalon | Date | Statut |\n|---|---|---|\n| Recette | ~~01/03/2026~~ 30/04/2026 | En cours |\n| Go-live | 15/06/2026 | À faire |\n\n- Formation : ~~10/03/2026~~ 20/05/2026\n- Bilan : prévu le 01/04/2026, décalé au 15/06/2026\n- Livraison : 30/04/2026 (initialement 01/03/2026)\n- Go-live was 1 March 2026, now 15 May 2026\n- Audit : 02/04/2026 → 10/06/2026\n- Démo client : 10/03/2026\n";
        let status = milestones(text, date(2026, 3, 15));
        let read: Vec<(&str, Option<NaiveDate>, Option<NaiveDate>, &str)> =
            (status.milestones.iter())
                .map(|m| (m.title.as_str(), m.date, m.baseline, m.date_text.as_str()))
                .collect();
        let (march, april) = (|d| Some(date(2026, 3, d)), |d| Some(date(2026, 4, d)));
        assert_eq!(
            read,
            [
                ("Recette", april(30), march(1), "01/03/2026 → 30/04/2026"),
                ("Go-live", Some(date(2026, 6, 15)), None, "15/06/2026"),
                (
                    "Formation",
                    Some(date(2026, 5, 20)),
                    march(10),
                    "10/03/2026 → 20/05/2026"
                ),
                (
                    "Bilan",
                    Some(date(2026, 6, 15)),
                    april(1),
                    "01/04/2026 → 15/06/2026"
                ),
                ("Livraison", april(30), march(1), "01/03/2026 → 30/04/2026"),
                (
                    "Go-live",
                    Some(date(2026, 5, 15)),
                    march(1),
                    "1 March 2026 → 15 May 2026"
                ),
                // An arrow between two dates is a span, not a move.
                ("Audit", april(2), None, "02/04/2026 → 10/06/2026"),
                ("Démo client", march(10), None, "10/03/2026"),
            ]
        );
        assert_eq!(status.milestones[0].moved_days(), Some(60));
        assert_eq!(status.milestones[1].moved_days(), None);
        // Two dates and no word of moving: the first is the date.
        let text = "## Jalons\n\n- Kick-off 01/03/2026, revue 15/03/2026\n";
        let status = milestones(text, date(2026, 3, 15));
        assert_eq!(status.milestones[0].date, march(1));
        assert_eq!(status.milestones[0].baseline, None);
    }

    #[test]
    fn start_and_end_columns() {
        let text = "| Phase | Name | Status | Start | End | Duration |\n|---|---|---|---|---|---|\n| 1 | Advanced Cowrie | 🔵 **In Progress** | Nov 27 | Dec 11 | 2 weeks |\n| 3 | Behavioral | 🟡 **Queued** | Dec 27 | Jan 9 | 2 weeks |\n";
        let status = milestones(text, date(2025, 11, 27));
        let m = &status.milestones;
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].title, "Advanced Cowrie");
        assert_eq!(m[0].status, Some(Status::InProgress));
        assert_eq!(m[1].date, Some(date(2025, 12, 27)));
        assert_eq!(m[1].date_end, Some(date(2026, 1, 9)));
        assert_eq!(m[1].status, Some(Status::Todo));
    }

    /// A date cut out of a longer bracket leaves no space before the comma
    /// that followed it, and no comma right after the bracket.
    #[test]
    fn a_cut_date_leaves_a_clean_seam() {
        let title = |text: &str, date: &str| {
            let start = text.find(date).unwrap();
            title_without_date(text, start..start + date.len())
        };
        assert_eq!(
            title(
                "v1.0 Production Hardening -- Phases 8-10 (shipped 2026-03-08, released as v0.11.0)",
                "2026-03-08"
            ),
            "v1.0 Production Hardening -- Phases 8-10 (shipped, released as v0.11.0)"
        );
        assert_eq!(
            title("Recette (16/11/2026, date à confirmer)", "16/11/2026"),
            "Recette (date à confirmer)"
        );
        assert_eq!(title("Recette : 16/11/2026", "16/11/2026"), "Recette");
        // Corpus 01: the week numbers go with the months they stand for.
        assert_eq!(
            title(
                "Jalon 3: Certification NF525 (Mar-Avr - Sem 8-16)",
                "Mar-Avr"
            ),
            "Jalon 3: Certification NF525"
        );
    }

    #[test]
    fn tbd_cell_is_a_milestone_without_date() {
        let text = "| Milestone | Target |\n|---|---|\n| Beta | 2026-03-01 |\n| GA | TBD |\n";
        let status = milestones(text, date(2026, 1, 1));
        assert_eq!(status.milestones.len(), 2);
        assert_eq!(status.milestones[1].date, None);
        assert!(status
            .diagnostics
            .iter()
            .any(|d| d.code == "placeholder-date"));
    }
}
