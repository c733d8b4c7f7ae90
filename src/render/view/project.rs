//! A project page's views: its section tree with items, its documents'
//! rows, counts and diagnostics.

use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::portfolio::items_text;
use super::{health_view, status_view, Bar, HealthView, Links, StatusView};
use crate::config::ProgressWeight;
use crate::i18n::Strings;
use crate::messages;
use crate::model::{Area, Counts, Declaration, Health, Item, Section, Status};
use crate::portfolio::progress;

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
    /// What the document declares of the section's parts (a dashboard's
    /// lots under `## Avancement global`), in its order: the section's
    /// own declared figure is their mean when it claims nothing itself.
    pub parts: Vec<PartRow>,
}

/// One part of a section and the figure the document declares for it.
#[derive(Debug, Clone, Serialize)]
pub struct PartRow {
    /// The part as the document names it (`Lot 2 Back-office`).
    pub label: String,
    /// Width of its bar, `"70"` (percent).
    pub fill: String,
    /// The figure in words (`70 %`).
    pub value: String,
    /// Its line in the source.
    pub href: String,
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
    (links.project.sections).read(|tree| {
        let parts = (links.project.declarations).read(|claims| parts_by_section(tree, claims));
        let mut rows = Rows {
            links,
            as_of,
            t,
            rows: Vec::new(),
            last_source: None,
            parts,
        };
        rows.push_sections(tree, 0);
        rows.rows
    })
}

/// The declared parts of each section, keyed by the section's document
/// and heading line. A claim names its section by title only; of the
/// sections of that title in its document (a phase's `### Avancement`
/// under each phase), it is about the last one whose heading comes
/// before it.
fn parts_by_section(
    tree: &[Section],
    claims: &[Declaration],
) -> FxHashMap<(Arc<str>, usize), Vec<Declaration>> {
    fn headings<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
        for section in sections {
            out.push(section);
            headings(&section.sections, out);
        }
    }
    let mut parts: FxHashMap<(Arc<str>, usize), Vec<Declaration>> = FxHashMap::default();
    let claims = claims.iter().filter(|claim| claim.part);
    let mut all = Vec::new();
    for claim in claims {
        if all.is_empty() {
            headings(tree, &mut all);
        }
        let section = (all.iter())
            .filter(|s| s.source == claim.source && s.line <= claim.line)
            .filter(|s| claim.section.as_deref() == Some(s.title.as_str()))
            .max_by_key(|s| s.line);
        if let Some(section) = section {
            let key = (Arc::clone(&section.source), section.line);
            parts.entry(key).or_default().push(claim.clone());
        }
    }
    parts
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
                    anchor: crate::render::document_anchor(place),
                    source: source.clone(),
                    title: (sections.first())
                        .filter(|s| s.level == 1)
                        .map_or_else(String::new, |s| s.title.clone()),
                    href: crate::render::document_page(place),
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
    /// The declared parts of each section ([`parts_by_section`]).
    parts: FxHashMap<(Arc<str>, usize), Vec<Declaration>>,
}

impl Rows<'_> {
    fn push_sections(&mut self, sections: &[Section], depth: usize) {
        let (links, as_of, t) = (self.links, self.as_of, self.t);
        // A section with nothing to show (no item, no claim, anywhere below
        // it: a `## Jalons` or `## Équipe` heading) stays out of the tree.
        for section in sections.iter().filter(|s| has_progress(s)) {
            let mut items = Vec::new();
            push_items(&section.items, 0, links, as_of, t, &mut items);
            let shown: Vec<&Section> = section
                .sections
                .iter()
                .filter(|s| has_progress(s))
                .collect();
            let tasks_only = !shown.is_empty() && shown.iter().all(|s| is_one_task(s));
            if tasks_only {
                for task in &shown {
                    push_items(&task.items, 0, links, as_of, t, &mut items);
                }
            }
            let document = self.document_of(section);
            let parts = self.part_rows(section);
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
                parts,
            });
            if !tasks_only {
                self.push_sections(&section.sections, depth + 1);
            }
        }
    }

    /// The rows of `section`'s declared parts.
    fn part_rows(&self, section: &Section) -> Vec<PartRow> {
        let key = (Arc::clone(&section.source), section.line);
        let claims = self.parts.get(&key).map_or(&[][..], Vec::as_slice);
        (claims.iter())
            .map(|claim| PartRow {
                label: claim.label.clone(),
                fill: super::pct(claim.value),
                value: self.t.percent(claim.value),
                href: self.links.line(&claim.source, claim.line),
            })
            .collect()
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

/// Whether `section` is one task named as its heading and nothing else
/// (corpus 22: `### WebTransport` over a one-row table whose row is that
/// task). When every section under a heading is such a task, the heading
/// lists them as its items: a section each would say each name twice.
fn is_one_task(section: &Section) -> bool {
    let same = |a: &str, b: &str| {
        let words = |text: &str| {
            text.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        words(a) == words(b)
    };
    section.sections.is_empty()
        && section.declared_progress.is_none()
        && matches!(section.items.as_slice(),
            [item] if item.children.is_empty() && same(&item.text, &section.title))
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
            points: item.points.map(|p| t.story_points(p)).unwrap_or_default(),
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

/// The head's count per status, statuses without items left out (a project
/// with no items shows no list at all).
pub fn count_views(counts: &Counts, t: &Strings) -> Vec<CountView> {
    Status::ALL
        .iter()
        .filter(|&&status| counts.get(status) > 0)
        .map(|&status| CountView {
            status: status_view(Some(status), t),
            count: counts.get(status),
        })
        .collect()
}

/// A row of a project's health by area: the area, its health, what the
/// report says of it, and the line of the report that says so.
#[derive(Debug, Clone, Serialize)]
pub struct AreaRow {
    pub name: String,
    pub health: HealthView,
    pub note: String,
    pub href: String,
}

/// The rows of `areas`, as the project's latest report gives them.
pub fn area_rows(areas: &[Area], links: &Links, t: &Strings) -> Vec<AreaRow> {
    (areas.iter())
        .map(|area| AreaRow {
            name: area.name.clone(),
            health: area_health(area.health, t),
            note: area.note.clone().unwrap_or_default(),
            href: links.line(&area.source, area.line),
        })
        .collect()
}

/// An area's health as its row shows it: an area of unknown health is
/// one the report marks as not rated yet (`⚪`), and says so.
fn area_health(health: Health, t: &Strings) -> HealthView {
    let mut view = health_view(health, "", t);
    if health == Health::Unknown {
        view.word = t.word("area_unrated");
    }
    view
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
