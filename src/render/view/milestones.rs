//! Milestone rows and a project's timeline chart.

use chrono::NaiveDate;
use serde::Serialize;

use super::{status_view, Links, StatusView};
use crate::i18n::Strings;
use crate::model::{Milestone, Project};
use crate::render::charts::{self, Timeline, TimelineRow};

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
    /// How far the milestone moved from its first plan (`+60 d`), or "".
    pub moved: String,
    /// When it was first planned (`first planned for 1 Mar 2026`), or "".
    pub moved_note: String,
    pub href: String,
}

/// When `m` is due as a reader says it: its day, or its span (`Q4/2023`
/// is `1 Oct 2023 – 31 Dec 2023`: due at its end, not on its first day).
pub(super) fn milestone_date(m: &Milestone, t: &Strings) -> String {
    match (m.date, m.date_end) {
        (Some(start), Some(end)) if end != start => {
            format!("{} – {}", t.date(start), t.date(end))
        }
        (Some(start), _) => t.date(start),
        (None, _) => String::new(),
    }
}

/// How far `m` moved from its first plan, in days (`+60 d`), or "".
pub(super) fn moved(m: &Milestone, t: &Strings) -> String {
    (m.moved_days()).map_or_else(String::new, |days| {
        t.fill("moved_short", &[&format!("{days:+}")])
    })
}

/// When `m` was first planned (`first planned for 1 Mar 2026`) if it
/// moved, or "".
pub(super) fn moved_note(m: &Milestone, t: &Strings) -> String {
    (m.baseline)
        .filter(|_| m.moved_days().is_some())
        .map_or_else(String::new, |first| t.fill("moved_note", &[&t.date(first)]))
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
                moved: moved(m, t),
                moved_note: moved_note(m, t),
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
