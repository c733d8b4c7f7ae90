//! The portfolio page's views: its tiles, health counts and project cards
//! (progress, next milestone, worst risk).

use chrono::{Duration, NaiveDate};
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::milestones::{milestone_date, moved, moved_note};
use super::{health_view, severity_view, Bar, HealthView, SeverityView};
use crate::i18n::Strings;
use crate::model::{Area, Counts, Health, Milestone, Project, Risk, Status, Tally};
use crate::render::charts;

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
    /// Its worst area, as its latest report rates them.
    pub worst_area: Option<AreaRef>,
    /// Who owns the project, when its front matter or document says.
    pub owner: Option<String>,
    pub as_of: Option<String>,
    pub stale: bool,
    /// Progress over the recorded snapshots, when there are any.
    pub sparkline: Option<crate::render::trends::Sparkline>,
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
    /// How far it moved from its first plan (`+14 d`), or "".
    pub moved: String,
    pub moved_note: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskRef {
    pub title: String,
    pub severity: SeverityView,
    pub href: String,
}

/// An area named on a portfolio card: its health and name, and how many
/// areas the report rates.
#[derive(Debug, Clone, Serialize)]
pub struct AreaRef {
    pub name: String,
    pub health: HealthView,
    /// `of 3 areas`.
    pub among: String,
    pub href: String,
}

/// The first of the worst-rated of `areas` (red before amber before green).
fn worst_area(areas: &[Area]) -> Option<&Area> {
    // The first of equals: `max_by_key` keeps the last.
    (areas.iter().rev()).max_by_key(|area| area.health.concern())
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

pub(super) fn score(risk: &Risk) -> u8 {
    charts::rating(risk).map(|(i, p)| i * p).unwrap_or(0)
}

/// `12 of 40 items`, or `no items` when nothing at all was read (a
/// `0 of 0` reads like a count that went wrong).
pub fn items_text(counts: &Counts, t: &Strings) -> String {
    if counts.total == 0 && counts.cancelled == 0 {
        return t.get("items_none");
    }
    let key = if counts.total == 1 {
        "items_of_one"
    } else {
        "items_of"
    };
    t.fill(key, &[&t.count(counts.done), &t.count(counts.total)])
}

/// `5 of 6 milestones done` (cancelled ones left out), or empty when there
/// is no milestone: a project tracked by its milestones alone shows its
/// tally beside its items.
pub fn milestones_text(milestones: &[Milestone], t: &Strings) -> String {
    let counted = || {
        milestones
            .iter()
            .filter(|m| m.status != Some(Status::Cancelled))
    };
    let total = counted().count();
    if total == 0 {
        return String::new();
    }
    let done = counted().filter(|m| m.status == Some(Status::Done)).count();
    let key = match (total, done) {
        (1, _) => "milestones_done_of_one",
        (_, 0 | 1) => "milestones_done_of_few",
        _ => "milestones_done_of",
    };
    t.fill(key, &[&t.count(done), &t.count(total)])
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
            moved: moved(m, t),
            moved_note: moved_note(m, t),
            href: format!("{href}#milestones"),
        }),
        worst_risk: worst_risk(&risks).map(|(index, r)| RiskRef {
            title: r.title.clone(),
            severity: severity_view(r.severity, t),
            href: format!("{href}#risk-{}", index + 1),
        }),
        worst_area: worst_area(&project.areas).map(|area| AreaRef {
            name: area.name.clone(),
            health: health_view(area.health, "", t),
            among: t.fill("among_areas", &[&t.count(project.areas.len())]),
            href: format!("{href}#areas"),
        }),
        owner: project.owner.clone(),
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::config::Language;

    fn milestones(statuses: &[Status]) -> Vec<Milestone> {
        (statuses.iter())
            .map(|&status| Milestone {
                title: "Go-live".into(),
                date: None,
                date_end: None,
                date_text: String::new(),
                baseline: None,
                status: Some(status),
                overdue: false,
                source: Arc::from("status.md"),
                line: 1,
            })
            .collect()
    }

    #[test]
    fn the_tallies_agree_in_number_with_their_count() {
        let (en, fr) = (Strings::new(Language::En), Strings::new(Language::Fr));
        let one = Counts {
            todo: 1,
            total: 1,
            ..Counts::default()
        };
        assert_eq!(items_text(&one, &en), "0 of 1 item");
        assert_eq!(items_text(&one, &fr), "0 sur 1 tâche");
        let seven = Counts {
            done: 3,
            todo: 4,
            total: 7,
            ..Counts::default()
        };
        assert_eq!(items_text(&seven, &en), "3 of 7 items");
        assert_eq!(items_text(&Counts::default(), &en), "no items");

        let single = milestones(&[Status::Todo]);
        assert_eq!(milestones_text(&single, &en), "0 of 1 milestone done");
        assert_eq!(milestones_text(&single, &fr), "0 jalon atteint sur 1");
        // A cancelled milestone is not counted, so one is left.
        let one_done = milestones(&[Status::Done, Status::Cancelled, Status::Todo, Status::Todo]);
        assert_eq!(milestones_text(&one_done, &en), "1 of 3 milestones done");
        assert_eq!(milestones_text(&one_done, &fr), "1 jalon atteint sur 3");
        let two_done = milestones(&[Status::Done, Status::Done, Status::Todo]);
        assert_eq!(milestones_text(&two_done, &en), "2 of 3 milestones done");
        assert_eq!(milestones_text(&two_done, &fr), "2 jalons atteints sur 3");
        assert_eq!(milestones_text(&milestones(&[Status::Cancelled]), &en), "");
    }
}
