//! Snapshots over time: what was recorded at the end of each sprint, and
//! what changed between two records.
//!
//! A snapshot is the `status.json` of a past build, stored as
//! `<root>/snapshots/<label>/status.json` (small, meant to be committed).
//! Every build reads them all to draw burn-ups and milestone trends and to
//! say what changed since the last one. A snapshot that cannot be read, or
//! that a newer sitrep wrote, becomes a diagnostic, never a failed build.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Diagnostic, Health, Item, PortfolioStatus, Project, Status, SCHEMA};

/// Folder under the root that holds the snapshots.
pub const FOLDER: &str = "snapshots";

/// One recorded snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub label: String,
    pub status: PortfolioStatus,
    /// Whether `site/` holds an archived copy of the portal.
    pub archived: bool,
    /// Whether `<label>.tar.gz` is there.
    pub tarball: bool,
}

/// Every readable snapshot, oldest first, and what could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub snapshots: Vec<Snapshot>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `<root>/snapshots/*/status.json`, ordered by as-of date then label.
pub fn load(root: &Path) -> History {
    let mut history = History::default();
    let folder = root.join(FOLDER);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return history;
    };
    let mut labels: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|label| !label.starts_with('.'))
        .collect();
    labels.sort();
    for label in labels {
        let source = format!("{FOLDER}/{label}/status.json");
        match read_snapshot(&folder.join(&label).join("status.json")) {
            Ok(status) => {
                let archived = folder.join(&label).join("site").is_dir();
                let tarball = folder
                    .join(&label)
                    .join(format!("{label}.tar.gz"))
                    .is_file();
                history.snapshots.push(Snapshot {
                    label,
                    status,
                    archived,
                    tarball,
                })
            }
            Err(message) => history.diagnostics.push(Diagnostic::warning(
                "unreadable-snapshot",
                &source,
                1,
                message,
            )),
        }
    }
    history
        .snapshots
        .sort_by(|a, b| (a.status.as_of, &a.label).cmp(&(b.status.as_of, &b.label)));
    history
}

fn read_snapshot(path: &Path) -> Result<PortfolioStatus, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read it: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    let schema = value.get("schema").and_then(|s| s.as_u64()).unwrap_or(0);
    if schema > u64::from(SCHEMA) {
        return Err(format!(
            "written with status.json schema {schema}, newer than this sitrep's {SCHEMA}; upgrade sitrep"
        ));
    }
    serde_json::from_value(value).map_err(|e| format!("not a sitrep status.json: {e}"))
}

/// The default label of a snapshot: the ISO week of its as-of date (`2026-W47`).
pub fn week_label(date: NaiveDate) -> String {
    use chrono::Datelike;
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// Whether `label` is safe as a folder name (`2026-W47`, `sprint-7`, `v1.2`).
pub fn is_valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 64
        && !label.starts_with('.')
        && label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// One thing that changed between two snapshots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    ProjectAdded {
        project: String,
    },
    ProjectRemoved {
        project: String,
    },
    HealthChanged {
        project: String,
        from: Health,
        to: Health,
    },
    ItemStatusChanged {
        project: String,
        item: String,
        id: Option<String>,
        from: Status,
        to: Status,
    },
    ItemAdded {
        project: String,
        item: String,
        id: Option<String>,
        status: Status,
    },
    ItemRemoved {
        project: String,
        item: String,
        id: Option<String>,
    },
    /// Same id, new text.
    ItemRenamed {
        project: String,
        id: String,
        from: String,
        to: String,
    },
    MilestoneSlipped {
        project: String,
        milestone: String,
        from: NaiveDate,
        to: NaiveDate,
        /// Positive when the date moved later.
        days: i64,
    },
    RiskOpened {
        project: String,
        risk: String,
    },
    /// The latest report rates an area (`Budget`) otherwise than the
    /// report before it did.
    AreaHealthChanged {
        project: String,
        area: String,
        from: Health,
        to: Health,
    },
    RiskClosed {
        project: String,
        risk: String,
    },
}

/// What changed from `before` to `after`, project by project (matched by slug).
pub fn diff(before: &PortfolioStatus, after: &PortfolioStatus) -> Vec<Change> {
    let old: BTreeMap<&str, &Project> = before
        .projects
        .iter()
        .map(|p| (p.slug.as_str(), p))
        .collect();
    let mut changes = Vec::new();
    for project in &after.projects {
        match old.get(project.slug.as_str()) {
            Some(previous) => diff_project(previous, project, &mut changes),
            None => changes.push(Change::ProjectAdded {
                project: project.slug.clone(),
            }),
        }
    }
    let current: Vec<&str> = after.projects.iter().map(|p| p.slug.as_str()).collect();
    for project in &before.projects {
        if !current.contains(&project.slug.as_str()) {
            changes.push(Change::ProjectRemoved {
                project: project.slug.clone(),
            });
        }
    }
    changes
}

fn diff_project(before: &Project, after: &Project, changes: &mut Vec<Change>) {
    let slug = after.slug.clone();
    if before.health != after.health {
        changes.push(Change::HealthChanged {
            project: slug.clone(),
            from: before.health,
            to: after.health,
        });
    }
    // Read, not kept decoded: the current projects' trees stay packed.
    before.sections.read(|before_tree| {
        after.sections.read(|after_tree| {
            diff_items(
                &slug,
                &flat_items(before_tree),
                &flat_items(after_tree),
                changes,
            );
        });
    });
    diff_milestones(&slug, before, after, changes);
    diff_risks(&slug, before, after, changes);
    diff_areas(&slug, before, after, changes);
}

/// Areas rated in both, by name (folded as items' texts are), whose health
/// moved. An area rated once only says nothing of a change.
fn diff_areas(slug: &str, before: &Project, after: &Project, changes: &mut Vec<Change>) {
    let old: BTreeMap<String, Health> = (before.areas.iter())
        .map(|area| (normalise(&area.name), area.health))
        .collect();
    for area in &after.areas {
        match old.get(&normalise(&area.name)) {
            Some(&from) if from != area.health => changes.push(Change::AreaHealthChanged {
                project: slug.to_string(),
                area: area.name.clone(),
                from,
                to: area.health,
            }),
            _ => {}
        }
    }
}

/// Every item of a section tree, depth first, children included.
fn flat_items(tree: &[crate::model::Section]) -> Vec<&Item> {
    fn visit<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
        for item in items {
            out.push(item);
            visit(&item.children, out);
        }
    }
    fn sections<'a>(list: &'a [crate::model::Section], out: &mut Vec<&'a Item>) {
        for section in list {
            visit(&section.items, out);
            sections(&section.sections, out);
        }
    }
    let mut out = Vec::new();
    sections(tree, &mut out);
    out
}

/// Text compared across snapshots: lower case, accents kept, spacing and
/// punctuation folded, so that `Setup CI.` and `setup  CI` are one item.
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Matches items by id when they have one, else by normalised text.
fn diff_items(slug: &str, before: &[&Item], after: &[&Item], changes: &mut Vec<Change>) {
    let key = |item: &Item| match &item.id {
        Some(id) => format!("id:{}", id.to_lowercase()),
        None => format!("text:{}", normalise(&item.text)),
    };
    let old: BTreeMap<String, &Item> = before.iter().map(|i| (key(i), *i)).collect();
    let new: BTreeMap<String, &Item> = after.iter().map(|i| (key(i), *i)).collect();
    for item in after {
        match old.get(&key(item)) {
            Some(previous) => {
                if let Some(id) = &item.id {
                    if normalise(&previous.text) != normalise(&item.text) {
                        changes.push(Change::ItemRenamed {
                            project: slug.to_string(),
                            id: id.clone(),
                            from: previous.text.clone(),
                            to: item.text.clone(),
                        });
                    }
                }
                if previous.status != item.status {
                    changes.push(Change::ItemStatusChanged {
                        project: slug.to_string(),
                        item: item.text.clone(),
                        id: item.id.clone(),
                        from: previous.status,
                        to: item.status,
                    });
                }
            }
            None => changes.push(Change::ItemAdded {
                project: slug.to_string(),
                item: item.text.clone(),
                id: item.id.clone(),
                status: item.status,
            }),
        }
    }
    for item in before {
        if !new.contains_key(&key(item)) {
            changes.push(Change::ItemRemoved {
                project: slug.to_string(),
                item: item.text.clone(),
                id: item.id.clone(),
            });
        }
    }
}

fn diff_milestones(slug: &str, before: &Project, after: &Project, changes: &mut Vec<Change>) {
    let old: BTreeMap<String, NaiveDate> = before
        .milestones
        .get()
        .iter()
        .filter_map(|m| Some((normalise(&m.title), m.date?)))
        .collect();
    for milestone in after.milestones.get().iter() {
        let (Some(to), Some(from)) = (milestone.date, old.get(&normalise(&milestone.title))) else {
            continue;
        };
        if *from != to {
            changes.push(Change::MilestoneSlipped {
                project: slug.to_string(),
                milestone: milestone.title.clone(),
                from: *from,
                to,
                days: (to - *from).num_days(),
            });
        }
    }
}

fn diff_risks(slug: &str, before: &Project, after: &Project, changes: &mut Vec<Change>) {
    let open = |project: &Project| -> Vec<(String, String)> {
        project
            .risks
            .get()
            .iter()
            .filter(|r| !r.closed)
            .map(|r| (normalise(&r.title), r.title.clone()))
            .collect()
    };
    let (old, new) = (open(before), open(after));
    for (key, title) in &new {
        if !old.iter().any(|(k, _)| k == key) {
            changes.push(Change::RiskOpened {
                project: slug.to_string(),
                risk: title.clone(),
            });
        }
    }
    for (key, title) in &old {
        if !new.iter().any(|(k, _)| k == key) {
            changes.push(Change::RiskClosed {
                project: slug.to_string(),
                risk: title.clone(),
            });
        }
    }
}

/// One point of a project's burn-up: scope and done at a date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BurnUpPoint {
    pub as_of: NaiveDate,
    pub total: u32,
    pub done: u32,
    pub progress: Option<f64>,
    pub health: Health,
}

/// A project's figures over the snapshots, then now.
pub fn burn_up(history: &History, current: &Project, now: NaiveDate) -> Vec<BurnUpPoint> {
    let point = |project: &Project, as_of: NaiveDate| BurnUpPoint {
        as_of,
        total: project.counts.total,
        done: project.counts.done,
        progress: project.progress,
        health: project.health,
    };
    let mut points: Vec<BurnUpPoint> = history
        .snapshots
        .iter()
        .filter(|s| s.status.as_of < now)
        .filter_map(|s| {
            let project = s.status.projects.iter().find(|p| p.slug == current.slug)?;
            Some(point(project, s.status.as_of))
        })
        .collect();
    points.push(point(current, now));
    points
}

/// The forecast date of each milestone at each snapshot, for milestones
/// whose date moved: `(title, [(snapshot as-of, forecast date)])`.
pub fn milestone_trends(
    history: &History,
    current: &Project,
    now: NaiveDate,
) -> Vec<(String, Vec<(NaiveDate, NaiveDate)>)> {
    let mut trends = Vec::new();
    for milestone in current.milestones.get().iter() {
        let key = normalise(&milestone.title);
        let mut series: Vec<(NaiveDate, NaiveDate)> = history
            .snapshots
            .iter()
            .filter(|s| s.status.as_of < now)
            .filter_map(|s| {
                let project = s.status.projects.iter().find(|p| p.slug == current.slug)?;
                let milestones = project.milestones.get();
                let past = milestones.iter().find(|m| normalise(&m.title) == key)?;
                Some((s.status.as_of, past.date?))
            })
            .collect();
        if let Some(date) = milestone.date {
            series.push((now, date));
        }
        let moved = series.windows(2).any(|w| w[0].1 != w[1].1);
        if moved {
            trends.push((milestone.title.clone(), series));
        }
    }
    trends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_labels_follow_iso_weeks() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(week_label(date), "2026-W47");
        // 1 January 2027 is a Friday: it belongs to week 53 of 2026.
        let new_year = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(week_label(new_year), "2026-W53");
    }

    #[test]
    fn labels_are_plain_folder_names() {
        assert!(is_valid_label("2026-W47"));
        assert!(is_valid_label("sprint-7"));
        assert!(!is_valid_label("../x"));
        assert!(!is_valid_label(".hidden"));
        assert!(!is_valid_label("a/b"));
        assert!(!is_valid_label(""));
    }

    /// An area the two reports rate differently is a change; one rated the
    /// same, or only in one of them, is none.
    #[test]
    fn an_area_rated_otherwise_is_a_change() {
        use crate::model::Area;
        let area = |name: &str, health: Health| Area {
            name: name.into(),
            health,
            note: None,
            source: "copil.md".into(),
            line: 3,
        };
        let project = |areas: Vec<Area>| -> Project {
            let mut project: Project = serde_json::from_value(serde_json::json!({
                "slug": "rh", "title": "RH", "name": "RH", "url": "rh/", "sources": [],
                "as_of": null, "owner": null, "tags": [], "weight": 0, "start": null,
                "end": null, "health": "amber", "health_reason": "", "declared_health": null,
                "stale": false, "progress": null, "progress_method": "items",
                "declared_progress": null, "declarations": [],
                "counts": {"done": 0, "in_progress": 0, "todo": 0, "blocked": 0, "cancelled": 0, "total": 0},
                "sections": [], "milestones": [], "risks": [], "people": [], "diagnostics": []
            }))
            .expect("a project");
            project.areas = areas;
            project
        };
        let before = project(vec![
            area("Budget", Health::Green),
            area("Planning", Health::Amber),
            area("Recette", Health::Green),
        ]);
        let after = project(vec![
            area("budget", Health::Red),
            area("Planning", Health::Amber),
            area("Ressources", Health::Red),
        ]);
        let mut changes = Vec::new();
        diff_areas("rh", &before, &after, &mut changes);
        assert_eq!(
            changes,
            [Change::AreaHealthChanged {
                project: "rh".into(),
                area: "budget".into(),
                from: Health::Green,
                to: Health::Red,
            }]
        );
    }

    #[test]
    fn normalised_text_ignores_case_spacing_and_punctuation() {
        assert_eq!(normalise("Setup  CI."), normalise("setup CI"));
        assert_ne!(normalise("Setup CI"), normalise("Setup CD"));
    }
}
