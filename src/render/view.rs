//! View models: the portfolio turned into ready-to-print strings,
//! percentages and links, so templates only lay them out. Links are relative
//! to the page (`root` is `""` at the site root, `"../"` one folder down).

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use super::charts::{self, Matrix, Timeline, TimelineRow};
use super::i18n::Strings;
use super::pct;
use super::source::RenderedDocument;
use crate::config::ProgressWeight;
use crate::messages;
use crate::model::{
    Counts, Health, Item, Milestone, Person, Project, Risk, Section, Severity, Status, Tally,
};
use crate::portfolio::progress;

/// A progress bar: computed figure filled, declared figure marked.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// Width of the fill, `"41.7"` (percent), absent without data.
    pub fill: Option<String>,
    pub label: String,
    pub declared: Option<String>,
    pub declared_label: Option<String>,
    /// The whole bar in words, for screen readers.
    pub aria: String,
}

impl Bar {
    pub fn new(computed: Option<f64>, declared: Option<f64>, t: &Strings) -> Bar {
        let label = computed
            .map(|p| t.percent(p))
            .unwrap_or_else(|| t.get("no_data"));
        let declared_label = declared.map(|d| format!("{} {}", t.get("declared"), t.percent(d)));
        let mut aria = format!(
            "{} {}{} {}",
            t.get("progress"),
            t.get("computed"),
            t.get("colon"),
            label
        );
        if let Some(declared) = &declared_label {
            aria.push_str(&format!(", {declared}"));
        }
        Bar {
            fill: computed.map(pct),
            label,
            declared: declared.map(pct),
            declared_label,
            aria,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct HealthView {
    pub class: &'static str,
    pub word: &'static str,
    pub icon: &'static str,
    pub reason: String,
}

pub fn health_view(health: Health, reason: &str, t: &Strings) -> HealthView {
    HealthView {
        class: health.as_str(),
        word: t.health_word(health),
        icon: match health {
            Health::Done => "✓",
            Health::Green => "●",
            Health::Amber => "▲",
            Health::Red => "■",
            Health::Unknown => "?",
        },
        reason: reason.to_string(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub class: &'static str,
    pub word: &'static str,
    pub icon: &'static str,
}

pub fn status_view(status: Option<Status>, t: &Strings) -> StatusView {
    let Some(status) = status else {
        return StatusView {
            class: "unknown",
            word: t.status_word(None),
            icon: "·",
        };
    };
    StatusView {
        class: status.as_str(),
        word: t.status_word(Some(status)),
        icon: match status {
            Status::Done => "✓",
            Status::InProgress => "◐",
            Status::Todo => "○",
            Status::Blocked => "✕",
            Status::Cancelled => "⊘",
        },
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SeverityView {
    pub class: &'static str,
    pub word: &'static str,
}

pub fn severity_view(severity: Option<Severity>, t: &Strings) -> SeverityView {
    match severity {
        Some(severity) => SeverityView {
            class: severity.as_str(),
            word: t.severity_word(severity),
        },
        None => SeverityView {
            class: "none",
            word: "—",
        },
    }
}

/// Where a project's page and its anchors are, from the page being built.
pub struct Links<'a> {
    pub root: &'a str,
    pub project: &'a Project,
    /// Rendered documents of the project, for `#L<line>` anchors.
    pub documents: &'a [RenderedDocument],
    pub sources: &'a [String],
    /// Places in `sources` in the order of their paths.
    pub by_path: &'a [u32],
    /// `true` when each document has a page of its own
    /// ([`document_page`](super::document_page)) instead of a place at the
    /// foot of the project's page.
    pub apart: bool,
    /// `true` on the project's own page (links stay in the page).
    pub same_page: bool,
}

impl Links<'_> {
    pub fn page(&self) -> String {
        let mut href = String::new();
        self.push_page(&mut href);
        href
    }

    fn push_page(&self, href: &mut String) {
        if !self.same_page {
            self.push_folder(href);
            href.push_str("index.html");
        }
    }

    /// The project's folder, from the page being built.
    fn push_folder(&self, href: &mut String) {
        if !self.same_page {
            href.push_str(self.root);
            href.push_str(&self.project.slug);
            href.push('/');
        }
    }

    /// Link to `line` of `source` in the rendered document: on the
    /// project's page, or on the document's own page when it has one.
    pub fn line(&self, source: &str, line: usize) -> String {
        let place = (self.by_path)
            .binary_search_by(|&index| self.sources[index as usize].as_str().cmp(source))
            .ok()
            .map(|found| self.by_path[found] as usize);
        let mut href = String::with_capacity(64);
        let own_page = place.filter(|_| self.apart);
        match own_page {
            Some(index) => {
                self.push_folder(&mut href);
                href.push_str(&super::document_page(index));
            }
            None => self.push_page(&mut href),
        }
        href.push('#');
        let document = place.and_then(|index| self.documents.get(index));
        if !document.is_some_and(|doc| doc.push_anchor(line, &mut href)) {
            if own_page.is_some() {
                href.pop();
            } else {
                href.push_str("source");
            }
        }
        href
    }
}

// ---------- portfolio page ----------

#[derive(Debug, Clone, Serialize)]
pub struct Tile {
    pub label: String,
    pub value: String,
    pub detail: String,
    /// `good`, `warn`, `bad` or `neutral`, drawn with a text cue too.
    pub tone: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct HealthCount {
    pub health: HealthView,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectRow {
    pub name: String,
    pub title: String,
    pub href: String,
    pub health: HealthView,
    pub bar: Bar,
    pub items_text: String,
    pub next_milestone: Option<MilestoneRef>,
    pub worst_risk: Option<RiskRef>,
    pub as_of: Option<String>,
    pub stale: bool,
    /// Progress over the recorded snapshots, when there are any.
    pub sparkline: Option<super::trends::Sparkline>,
    /// The project's first source, shown when another project on the same
    /// page has the same name ([`tell_apart`]).
    pub source: Option<String>,
}

/// Gives each row of `rows` whose project's name another row shares
/// (corpus 11 and 17 are both "Risk Register", once in capitals) the
/// project's first source, so that a reader tells the cards apart.
pub fn tell_apart(rows: &mut [(&Project, ProjectRow)]) {
    let mut names: FxHashMap<String, usize> = FxHashMap::default();
    for (project, _) in rows.iter() {
        *names.entry(project.name.to_lowercase()).or_default() += 1;
    }
    for (project, row) in rows {
        if names[&project.name.to_lowercase()] > 1 {
            row.source = project.sources.first().cloned();
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MilestoneRef {
    pub title: String,
    pub date: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskRef {
    pub title: String,
    pub severity: SeverityView,
    pub href: String,
}

/// The open milestone due soonest from `as_of` on.
fn upcoming(milestones: &[Milestone], as_of: NaiveDate) -> Option<&Milestone> {
    milestones
        .iter()
        .filter(|m| !matches!(m.status, Some(Status::Done | Status::Cancelled)))
        .filter(|m| m.due().is_some_and(|d| d >= as_of))
        .min_by_key(|m| m.due())
}

/// The open risk with the highest severity, then impact × probability.
fn worst_risk(risks: &[Risk]) -> Option<(usize, &Risk)> {
    risks
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.closed)
        .max_by_key(|(index, r)| (r.severity, score(r), std::cmp::Reverse(*index)))
}

fn score(risk: &Risk) -> u8 {
    charts::rating(risk).map(|(i, p)| i * p).unwrap_or(0)
}

pub fn items_text(counts: &Counts, t: &Strings) -> String {
    t.fill("items_of", &[&t.count(counts.done), &t.count(counts.total)])
}

pub fn project_row(project: &Project, as_of: NaiveDate, root: &str, t: &Strings) -> ProjectRow {
    let href = format!("{root}{}/index.html", project.slug);
    // Decoded for the row only ([`crate::model::Stowed`]).
    let (milestones, risks) = (project.milestones.get(), project.risks.get());
    ProjectRow {
        name: project.name.clone(),
        title: project.title.clone(),
        health: health_view(project.health, &project.health_reason, t),
        bar: Bar::new(project.progress, project.declared_progress, t),
        items_text: items_text(&project.counts, t),
        next_milestone: upcoming(&milestones, as_of).map(|m| MilestoneRef {
            title: m.title.clone(),
            date: milestone_date(m, t),
            href: format!("{href}#milestones"),
        }),
        worst_risk: worst_risk(&risks).map(|(index, r)| RiskRef {
            title: r.title.clone(),
            severity: severity_view(r.severity, t),
            href: format!("{href}#risk-{}", index + 1),
        }),
        as_of: project.as_of.map(|d| t.date(d)),
        stale: project.stale,
        sparkline: None,
        source: None,
        href,
    }
}

pub fn health_counts(projects: &[Project], t: &Strings) -> Vec<HealthCount> {
    health_counts_of(projects.iter(), t)
}

/// How many of `projects` have each health, worst first; healths nobody has are left out.
pub fn health_counts_of<'p>(
    projects: impl Iterator<Item = &'p Project> + Clone,
    t: &Strings,
) -> Vec<HealthCount> {
    [
        Health::Red,
        Health::Amber,
        Health::Green,
        Health::Done,
        Health::Unknown,
    ]
    .into_iter()
    .map(|health| HealthCount {
        health: health_view(health, "", t),
        count: projects.clone().filter(|p| p.health == health).count(),
    })
    .filter(|count| count.count > 0)
    .collect()
}

pub fn tiles(projects: &[Project], as_of: NaiveDate, t: &Strings) -> Vec<Tile> {
    let mut counts = Counts::default();
    projects.iter().for_each(|p| counts.merge(&p.counts));
    let horizon = as_of + Duration::days(Tally::HORIZON_DAYS);
    // Counted when each project was assembled: summed here, not decoded.
    let tally: Tally = projects.iter().map(|p| p.tally).sum();
    let (next30, overdue, critical) = (tally.next30, tally.overdue, tally.critical);
    let stale = projects.iter().filter(|p| p.stale).count();
    // The done count alone is the tile's figure: `324 / 608` in the
    // tile's large type wrapped after the slash in a tile of 170 px.
    let done_share = if counts.total > 0 {
        let share = t.percent(counts.done as f64 * 100.0 / counts.total as f64);
        t.fill("tile_items_of", &[&t.count(counts.total as usize), &share])
    } else {
        t.get("no_data")
    };
    let alarm = |n: usize, tone: &'static str| if n > 0 { tone } else { "good" };
    vec![
        Tile {
            label: t.get("tile_items"),
            value: t.count(counts.done as usize),
            detail: done_share,
            tone: "neutral",
        },
        Tile {
            label: t.get("tile_next30"),
            value: t.count(next30),
            detail: format!("{} → {}", t.date(as_of), t.date(horizon)),
            tone: "neutral",
        },
        Tile {
            label: t.get("tile_overdue"),
            value: t.count(overdue),
            detail: String::new(),
            tone: alarm(overdue, "bad"),
        },
        Tile {
            label: t.get("tile_critical"),
            value: t.count(critical),
            detail: String::new(),
            tone: alarm(critical, "bad"),
        },
        Tile {
            label: t.get("tile_stale"),
            value: t.count(stale),
            detail: String::new(),
            tone: alarm(stale, "warn"),
        },
    ]
}

// ---------- milestones ----------

#[derive(Debug, Clone, Serialize)]
pub struct MilestoneRow {
    pub project: String,
    pub project_href: String,
    pub title: String,
    pub date: String,
    pub date_text: String,
    pub status: StatusView,
    pub class: String,
    pub overdue: bool,
    pub href: String,
}

/// When `m` is due as a reader says it: its day, or its span (`Q4/2023`
/// is `1 Oct 2023 – 31 Dec 2023`: due at its end, not on its first day).
fn milestone_date(m: &Milestone, t: &Strings) -> String {
    match (m.date, m.date_end) {
        (Some(start), Some(end)) if end != start => {
            format!("{} – {}", t.date(start), t.date(end))
        }
        (Some(start), _) => t.date(start),
        (None, _) => String::new(),
    }
}

pub fn milestone_rows(
    entries: &[(&Milestone, &Project, String)],
    root: &str,
    t: &Strings,
) -> Vec<MilestoneRow> {
    let mut rows: Vec<(&Milestone, MilestoneRow)> = entries
        .iter()
        .map(|(m, project, href)| {
            let date = m
                .date
                .map_or_else(|| t.get("no_date"), |_| milestone_date(m, t));
            let row = MilestoneRow {
                project: project.name.clone(),
                project_href: format!("{root}{}/index.html", project.slug),
                title: m.title.clone(),
                date,
                date_text: m.date_text.clone(),
                status: status_view(m.status, t),
                class: charts::milestone_class(m),
                overdue: m.overdue,
                href: href.clone(),
            };
            (*m, row)
        })
        .collect();
    // Undated milestones last; a stable sort keeps document order among equals.
    rows.sort_by_key(|(m, _)| (m.date.is_none(), m.date));
    rows.into_iter().map(|(_, row)| row).collect()
}

pub fn project_timeline(links: &Links, as_of: NaiveDate, t: &Strings) -> Timeline {
    let rows: Vec<TimelineRow> = links
        .project
        .milestones
        .iter()
        .map(|m| TimelineRow {
            label: m.title.clone(),
            milestones: vec![(m, links.line(&m.source, m.line))],
        })
        .collect();
    charts::timeline(&rows, as_of, t.get("project_timeline_caption"), t)
}

// ---------- risks ----------

#[derive(Debug, Clone, Serialize)]
pub struct RiskRow {
    pub anchor: String,
    pub project: String,
    pub project_href: String,
    pub title: String,
    pub id: String,
    pub severity: SeverityView,
    pub impact: String,
    pub probability: String,
    pub score: String,
    pub tone: &'static str,
    pub mitigation: String,
    pub owner: String,
    pub closed: bool,
    pub href: String,
}

/// One risk with its project, its row anchor and its source link.
pub struct RiskEntry<'a> {
    pub risk: &'a Risk,
    pub project: &'a Project,
    pub anchor: String,
    pub source_href: String,
}

/// The order of the risk tables: open before closed, most severe first,
/// then by impact × probability.
pub type RiskOrder = (bool, Reverse<Option<Severity>>, Reverse<u8>);

/// Where `risk` goes in a risk table ([`RiskOrder`]).
pub fn risk_order(risk: &Risk) -> RiskOrder {
    (risk.closed, Reverse(risk.severity), Reverse(score(risk)))
}

/// Risk table rows in [`risk_order`]; a stable sort keeps the given order among equals.
pub fn risk_rows(entries: &[RiskEntry], root: &str, t: &Strings) -> Vec<RiskRow> {
    let mut sorted: Vec<&RiskEntry> = entries.iter().collect();
    sorted.sort_by_key(|e| risk_order(e.risk));
    sorted
        .into_iter()
        .map(|e| {
            let rating = charts::rating(e.risk);
            RiskRow {
                anchor: e.anchor.clone(),
                project: e.project.name.clone(),
                project_href: format!("{root}{}/index.html", e.project.slug),
                title: e.risk.title.clone(),
                id: e.risk.id.clone().unwrap_or_default(),
                severity: severity_view(e.risk.severity, t),
                impact: e.risk.impact.map(|v| v.to_string()).unwrap_or_default(),
                probability: e
                    .risk
                    .probability
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                score: rating.map(|(i, p)| (i * p).to_string()).unwrap_or_default(),
                tone: rating.map(|(i, p)| charts::zone(i * p)).unwrap_or("none"),
                mitigation: e.risk.mitigation.clone().unwrap_or_default(),
                owner: e.risk.owner.clone().unwrap_or_default(),
                closed: e.risk.closed,
                href: e.source_href.clone(),
            }
        })
        .collect()
}

/// The matrix of a project's risks: a cell links to a risk's row in the
/// page's table when `in_table` says it has one, else to its line.
pub fn risk_matrix(
    entries: &[RiskEntry],
    in_table: &dyn Fn(&RiskEntry) -> bool,
    t: &Strings,
) -> Matrix {
    let risks: Vec<charts::Rated> = entries.iter().map(|e| charts::Rated::of(e.risk)).collect();
    let link = |i: usize| {
        let entry = &entries[i];
        let href = match in_table(entry) {
            true => format!("#{}", entry.anchor),
            false => entry.source_href.clone(),
        };
        charts::matrix_link(entry.risk, href)
    };
    charts::matrix(&risks, &link, t)
}

// ---------- people ----------

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: String,
    pub handle: String,
    pub role: String,
    pub open_items: u32,
    pub overdue_count: usize,
    pub projects: Vec<PersonProject>,
    /// On the people page of a large portfolio: the page of all this person's projects.
    pub more: Option<MoreLink>,
}

/// A link to the rest of a list cut short.
#[derive(Debug, Clone, Serialize)]
pub struct MoreLink {
    pub label: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonProject {
    pub name: String,
    pub href: String,
    pub open_items: u32,
    pub overdue: Vec<ItemRef>,
}

/// A person across projects as [`people`] adds them up: their card's
/// figures and one compact row per project. A busy person of a large
/// portfolio is in thousands of projects, and a page shows a few of them:
/// [`PersonTally::view`] makes what a page shows.
#[derive(Debug, Clone)]
pub struct PersonTally {
    pub name: String,
    pub handle: String,
    pub role: String,
    pub open_items: u32,
    pub overdue_count: usize,
    pub rows: Vec<PersonRow>,
    /// The page of all this person's projects (site-relative).
    pub more: Option<MoreLink>,
}

/// What one project says of one person.
#[derive(Debug, Clone)]
pub struct PersonRow {
    /// The project's place in the links [`people`] was given (the
    /// portfolio's order on the people pages): what keys a person's page.
    pub project: u32,
    pub open_items: u32,
    pub overdue: Vec<ItemRef>,
}

impl PersonTally {
    /// This person as a page shows them, with `rows` (of theirs) and links
    /// seen from a page at `root`; `projects` are the links [`people`] was
    /// given.
    pub fn view(&self, rows: &[PersonRow], projects: &[Links], root: &str) -> PersonView {
        let project = |row: &PersonRow| {
            let links = &projects[row.project as usize];
            PersonProject {
                name: links.project.name.clone(),
                href: format!("{root}{}{}/index.html", links.root, links.project.slug),
                open_items: row.open_items,
                overdue: (row.overdue.iter())
                    .map(|item| ItemRef {
                        text: item.text.clone(),
                        due: item.due.clone(),
                        href: format!("{root}{}", item.href),
                    })
                    .collect(),
            }
        };
        PersonView {
            name: self.name.clone(),
            handle: self.handle.clone(),
            role: self.role.clone(),
            open_items: self.open_items,
            overdue_count: self.overdue_count,
            projects: rows.iter().map(project).collect(),
            more: (self.more.as_ref()).map(|more| MoreLink {
                label: more.label.clone(),
                href: format!("{root}{}", more.href),
            }),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemRef {
    pub text: String,
    pub due: String,
    pub href: String,
}

/// The key a person is known by across projects: handle without `@`, else name, lowercased.
fn person_key(handle: Option<&str>, name: &str) -> String {
    handle
        .unwrap_or(name)
        .trim()
        .trim_start_matches('@')
        .trim()
        .to_lowercase()
}

/// An item's `owner` as [`person_key`] and the lowercased name compare it:
/// without `@`, trimmed, lowercased.
fn owner_key(owner: &str) -> String {
    owner.trim().trim_start_matches('@').trim().to_lowercase()
}

/// What an item's [`owner_key`] must be to name this person (`@Imrane`,
/// `Imrane`): the person's [`person_key`] (first), or their name lowercased.
fn owner_keys(handle: Option<&str>, name: &str) -> [String; 2] {
    [person_key(handle, name), name.trim().to_lowercase()]
}

/// Projects whose people [`people`] works out at once, on every core.
const PEOPLE_SLICE: usize = 256;

/// One project's people as [`people`] adds them up, each with their key
/// ([`person_key`]) and their open items past due, in the same order.
struct ProjectPeople<'p> {
    people: Cow<'p, [Person]>,
    keys: Vec<String>,
    overdue: Vec<Vec<ItemRef>>,
}

/// The people of one project, each with their open items past due.
fn project_people<'p>(links: &Links<'p>, t: &Strings) -> ProjectPeople<'p> {
    // Decoded for this project only ([`crate::model::Stowed`]).
    let late = links.project.late_items.get();
    let owners: Vec<Option<String>> = (late.iter())
        .map(|item| item.owner.as_deref().map(owner_key))
        .collect();
    let people: Cow<[Person]> = match links.project.people.get() {
        Cow::Borrowed(people) => Cow::Borrowed(people),
        Cow::Owned(people) => Cow::Owned(people),
    };
    let (keys, overdue) = (people.iter())
        .map(|person| {
            if late.is_empty() {
                return (
                    person_key(person.handle.as_deref(), &person.name),
                    Vec::new(),
                );
            }
            let [key, name] = owner_keys(person.handle.as_deref(), &person.name);
            let overdue = (late.iter().zip(&owners))
                .filter(|(_, owner)| owner.as_ref().is_some_and(|o| *o == key || *o == name))
                .map(|(item, _)| ItemRef {
                    text: item.text.clone(),
                    due: t.date(item.due),
                    href: links.line(&item.source, item.line),
                })
                .collect();
            (key, overdue)
        })
        .unzip();
    ProjectPeople {
        people,
        keys,
        overdue,
    }
}

/// People across `links` (one per project), merged by handle or name, in
/// first-seen order. Each project's part is worked out on every core; the
/// adding up is in project order.
pub fn people(projects: &[Links], t: &Strings) -> Vec<PersonTally> {
    let mut people = People::default();
    // In slices, so that only a slice's parts are held at once.
    for (number, slice) in projects.chunks(PEOPLE_SLICE).enumerate() {
        let parts: Vec<ProjectPeople> = (slice.par_iter())
            .map(|links| project_people(links, t))
            .collect();
        let first = number * PEOPLE_SLICE;
        for (index, part) in parts.into_iter().enumerate() {
            let each = part.people.iter().zip(part.keys).zip(part.overdue);
            for ((person, key), overdue) in each {
                let row = PersonRow {
                    project: u32::try_from(first + index).unwrap_or(u32::MAX),
                    open_items: person.open_items,
                    overdue,
                };
                people.add(person, key, row);
            }
        }
    }
    people.tallies
}

/// People as [`people`] adds them up, in first-seen order, and where each
/// person is, by key.
#[derive(Default)]
struct People {
    tallies: Vec<PersonTally>,
    by_key: FxHashMap<String, usize>,
}

impl People {
    /// Adds one person, known by `key`, with their `row` for one project.
    /// A project's people are added one after the other, so a person
    /// already listed for it (as a handle and as a name) is in their last
    /// row. Rows are per project, not per project name: two folders'
    /// `Roadmap` are two projects.
    fn add(&mut self, person: &Person, key: String, row: PersonRow) {
        let tallies = &mut self.tallies;
        let at = *self.by_key.entry(key).or_insert_with(|| {
            tallies.push(PersonTally {
                name: person.name.clone(),
                handle: person.handle.clone().unwrap_or_default(),
                role: String::new(),
                open_items: 0,
                overdue_count: 0,
                rows: Vec::new(),
                more: None,
            });
            tallies.len() - 1
        });
        let tally = &mut tallies[at];
        if let Some(role) = &person.role {
            if !tally.role.split(" · ").any(|r| r == role) {
                if !tally.role.is_empty() {
                    tally.role.push_str(" · ");
                }
                tally.role.push_str(role);
            }
        }
        tally.open_items += row.open_items;
        tally.overdue_count += row.overdue.len();
        match tally.rows.last_mut() {
            Some(last) if last.project == row.project => {
                last.open_items += row.open_items;
                last.overdue.extend(row.overdue);
            }
            _ => tally.rows.push(row),
        }
    }
}

// ---------- project page ----------

#[derive(Debug, Clone, Serialize)]
pub struct SectionRow {
    pub title: String,
    /// In a project of several documents, the path of the document a
    /// section comes from, on the first section shown of each: two
    /// documents' `Tâches` sections are told apart. Else empty.
    pub document: String,
    pub depth: usize,
    pub level: u8,
    pub bar: Bar,
    pub items_text: String,
    pub href: String,
    pub health: Option<HealthView>,
    pub items: Vec<ItemRow>,
    /// Set when the items are folded away, to the words that unfold them.
    pub folded: Option<String>,
}

/// A section with more items than this, all of them closed, shows them
/// folded: a finished phase's long checklist is history, and the open work
/// further down is what a reader came for.
const FOLD_CLOSED_AFTER: usize = 8;

/// The summary that unfolds `items`, when they are to be folded.
fn fold_summary(items: &[ItemRow], t: &Strings) -> Option<String> {
    let all_closed = items.iter().all(|i| i.closed);
    (items.len() > FOLD_CLOSED_AFTER && all_closed)
        .then(|| t.fill("show_closed", &[&t.count(items.len())]))
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemRow {
    pub text: String,
    pub status: StatusView,
    pub percent: String,
    pub owner: String,
    pub id: String,
    pub points: String,
    pub due: String,
    pub overdue: bool,
    pub depth: usize,
    pub href: String,
    pub cancelled: bool,
    /// Done or cancelled.
    pub closed: bool,
    /// Whether it has a percentage, id, owner, points or due date to show
    /// beside its text (the row leaves the place out otherwise).
    pub has_meta: bool,
}

/// The section tree flattened in document order, `depth` 0 at the top.
pub fn section_rows(links: &Links, as_of: NaiveDate, t: &Strings) -> Vec<SectionRow> {
    let mut rows = Rows {
        links,
        as_of,
        t,
        rows: Vec::new(),
        last_source: None,
    };
    (links.project.sections).read(|tree| rows.push_sections(tree, 0));
    rows.rows
}

/// A document of a project whose documents have pages of their own: its
/// line on the project's page, which its sections and items would make
/// too long (thousands of sprint reports), and a link to its page, where
/// they are.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentRow {
    /// `doc-3`: where the page's head links to it.
    pub anchor: String,
    pub source: String,
    /// Its title (its first heading, when an H1), else empty: then the
    /// row is named by its path alone.
    pub title: String,
    pub href: String,
    pub bar: Bar,
    pub items_text: String,
}

/// A row for each of the project's documents, in their order, with the
/// counts and progress of its own items.
pub fn document_rows(links: &Links, weight: ProgressWeight, t: &Strings) -> Vec<DocumentRow> {
    links.project.sections.read(|tree| {
        let mut parts: FxHashMap<&str, Vec<&Section>> = FxHashMap::default();
        for section in tree {
            parts.entry(&section.source).or_default().push(section);
        }
        (links.sources.iter().enumerate())
            .map(|(place, source)| {
                let sections = parts.get(source.as_str()).map_or(&[][..], Vec::as_slice);
                let mut counts = Counts::default();
                sections.iter().for_each(|s| counts.merge(&s.counts));
                let items = sections.iter().flat_map(|s| progress::section_items(s));
                DocumentRow {
                    anchor: super::document_anchor(place),
                    source: source.clone(),
                    title: (sections.first())
                        .filter(|s| s.level == 1)
                        .map_or_else(String::new, |s| s.title.clone()),
                    href: super::document_page(place),
                    bar: Bar::new(progress::mean_progress(items, weight), None, t),
                    items_text: items_text(&counts, t),
                }
            })
            .collect()
    })
}

/// The section rows of a project page, as they are pushed.
struct Rows<'a> {
    links: &'a Links<'a>,
    as_of: NaiveDate,
    t: &'a Strings,
    rows: Vec<SectionRow>,
    /// The document of the last row pushed.
    last_source: Option<Arc<str>>,
}

impl Rows<'_> {
    fn push_sections(&mut self, sections: &[Section], depth: usize) {
        let (links, as_of, t) = (self.links, self.as_of, self.t);
        // A section with nothing to show (no item, no claim, anywhere below
        // it: a `## Jalons` or `## Équipe` heading) stays out of the tree.
        for section in sections.iter().filter(|s| has_progress(s)) {
            let mut items = Vec::new();
            push_items(&section.items, 0, links, as_of, t, &mut items);
            let document = self.document_of(section);
            self.rows.push(SectionRow {
                title: section.title.clone(),
                document,
                depth: depth.min(5),
                level: section.level,
                bar: Bar::new(section.progress, section.declared_progress, t),
                items_text: items_text(&section.counts, t),
                href: links.line(&section.source, section.line),
                health: section.health.map(|h| health_view(h, "", t)),
                folded: fold_summary(&items, t),
                items,
            });
            self.push_sections(&section.sections, depth + 1);
        }
    }

    /// The path of `section`'s document when the project has several and
    /// the row before came from another one; else empty.
    fn document_of(&mut self, section: &Section) -> String {
        if self.links.sources.len() < 2 || self.last_source.as_ref() == Some(&section.source) {
            return String::new();
        }
        self.last_source = Some(section.source.clone());
        section.source.to_string()
    }
}

/// Whether a section or one below it has items or a declared progress.
fn has_progress(section: &Section) -> bool {
    section.counts.total + section.counts.cancelled > 0
        || section.declared_progress.is_some()
        || section.sections.iter().any(has_progress)
}

fn push_items(
    items: &[Item],
    depth: usize,
    links: &Links,
    as_of: NaiveDate,
    t: &Strings,
    rows: &mut Vec<ItemRow>,
) {
    for item in items {
        let open = !matches!(item.status, Status::Done | Status::Cancelled);
        let mut row = ItemRow {
            text: item.text.clone(),
            status: status_view(Some(item.status), t),
            percent: item.percent.map(|p| t.percent(p)).unwrap_or_default(),
            owner: item.owner.clone().unwrap_or_default(),
            id: item.id.clone().unwrap_or_default(),
            points: item.points.map(|p| t.figure(p)).unwrap_or_default(),
            due: item.due.map(|d| t.date(d)).unwrap_or_default(),
            overdue: open && item.due.is_some_and(|d| d < as_of),
            depth: depth.min(6),
            href: links.line(&item.source, item.line),
            cancelled: item.status == Status::Cancelled,
            closed: !open,
            has_meta: false,
        };
        row.has_meta = [&row.percent, &row.id, &row.owner, &row.points, &row.due]
            .iter()
            .any(|meta| !meta.is_empty());
        rows.push(row);
        push_items(&item.children, depth + 1, links, as_of, t, rows);
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CountView {
    pub status: StatusView,
    pub count: u32,
}

pub fn count_views(counts: &Counts, t: &Strings) -> Vec<CountView> {
    Status::ALL
        .iter()
        .map(|&status| CountView {
            status: status_view(Some(status), t),
            count: counts.get(status),
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticRow {
    pub class: &'static str,
    pub level: String,
    pub code: String,
    pub location: String,
    pub href: String,
    pub message: String,
}

pub fn diagnostic_rows(links: &Links, t: &Strings) -> Vec<DiagnosticRow> {
    let mut diagnostics = links.project.diagnostics.clone();
    diagnostics.sort_by(|a, b| (&a.source, a.line, &a.code).cmp(&(&b.source, b.line, &b.code)));
    diagnostics.dedup();
    diagnostics
        .iter()
        .map(|d| DiagnosticRow {
            class: d.level.as_str(),
            level: t.get(&format!("lvl_{}", d.level.as_str())),
            code: d.code.clone(),
            location: if d.line > 0 {
                format!("{}:{}", d.source, d.line)
            } else {
                d.source.clone()
            },
            href: links.line(&d.source, d.line),
            message: messages::in_language(&d.message, t.language, &|day| t.date(day)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    #[test]
    fn bar_shows_computed_and_declared() {
        let bar = Bar::new(Some(41.66), Some(100.0), &Strings::new(Language::En));
        assert_eq!(bar.fill.as_deref(), Some("41.7"));
        assert_eq!(bar.declared.as_deref(), Some("100"));
        assert_eq!(bar.label, "41.7%");
    }

    #[test]
    fn owners_match_handles_and_names() {
        let owns = |owner: &str, handle: Option<&str>, name: &str| {
            owner_keys(handle, name).contains(&owner_key(owner))
        };
        assert!(owns("@Imrane", Some("@Imrane"), "Imrane"));
        assert!(owns("imrane", None, "Imrane"));
        assert!(owns("@imrane", Some("@Imrane"), "Imrane Benali"));
        assert!(owns("Imrane Benali", Some("@Imrane"), "Imrane Benali"));
        assert!(!owns("@Paul", Some("@Imrane"), "Imrane"));
        // Spaces around the `@` do not make another person.
        assert!(owns(" @imrane ", Some("@Imrane"), "Imrane"));
        assert!(owns("@Imrane", Some(" @Imrane"), "Imrane"));
    }
}
