//! Projects grouped by programme, for a portfolio too long to read as one list.
//!
//! A project belongs to the programme its front matter names (`program =
//! "Transformation"`). As soon as one project names a programme, the
//! portfolio lists its projects programme by programme, programmes in
//! alphabetical order and the projects that name none last, under "Other
//! projects". When no project names one, there are no groups at all: the
//! list reads exactly as it always has.
//!
//! Folders cannot be the groups: a folder `content/NAME/` is already one
//! project (all its documents merged), so it would make a group of one.

use std::collections::{BTreeMap, HashSet};

use crate::ingest::names::slugify;

/// One programme and its projects.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The programme as written in the front matter; `None` for the
    /// projects that name no programme.
    pub program: Option<String>,
    /// `group-<slug>`: the id of the group's heading, unique on the site.
    pub anchor: String,
    /// Indexes into the portfolio's projects, in portfolio order.
    pub members: Vec<usize>,
}

/// The groups of the projects whose programmes are `programs` (one per
/// project, in portfolio order), or `None` when no project names one.
pub fn group(programs: &[Option<String>]) -> Option<Vec<Group>> {
    if programs.iter().all(Option::is_none) {
        return None;
    }
    // Programmes as a reader sorts them: case-insensitive, then as written.
    let mut named: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut unnamed = Vec::new();
    for (index, program) in programs.iter().enumerate() {
        match program {
            Some(name) => named
                .entry((name.to_lowercase(), name.clone()))
                .or_default()
                .push(index),
            None => unnamed.push(index),
        }
    }
    let mut taken = HashSet::new();
    let mut groups: Vec<Group> = named
        .into_iter()
        .map(|((_, name), members)| Group {
            anchor: unique_anchor(&slugify(&name), &mut taken),
            program: Some(name),
            members,
        })
        .collect();
    if !unnamed.is_empty() {
        groups.push(Group {
            program: None,
            anchor: unique_anchor("other", &mut taken),
            members: unnamed,
        });
    }
    Some(groups)
}

/// `group-<slug>`, or `group-<slug>-2`, … when two programmes slug alike
/// (`R&D` and `R-D`).
fn unique_anchor(slug: &str, taken: &mut HashSet<String>) -> String {
    let base = format!("group-{slug}");
    let anchor = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base);
    taken.insert(anchor.clone());
    anchor
}

/// One stretch of a page's projects that belong to the same group (the
/// whole page when there are no groups).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Index into the groups; `None` without groups.
    pub group: Option<usize>,
    /// The group began on an earlier page.
    pub continued: bool,
    /// Indexes into the portfolio's projects.
    pub members: Vec<usize>,
}

/// The projects in reading order (group by group) with the group of each.
pub fn reading_order(
    groups: Option<&[Group]>,
    project_count: usize,
) -> Vec<(Option<usize>, usize)> {
    match groups {
        Some(groups) => groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| group.members.iter().map(move |&p| (Some(g), p)))
            .collect(),
        None => (0..project_count).map(|p| (None, p)).collect(),
    }
}

/// Cuts a page's slice of the reading order into runs of one group each.
/// `previous` is the entry just before the page, to tell a group that
/// continues from the page before.
pub fn runs(
    page: &[(Option<usize>, usize)],
    previous: Option<&(Option<usize>, usize)>,
) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for &(group, project) in page {
        match runs.last_mut() {
            Some(run) if run.group == group => run.members.push(project),
            _ => runs.push(Run {
                group,
                continued: runs.is_empty()
                    && group.is_some()
                    && previous.is_some_and(|(before, _)| *before == group),
                members: vec![project],
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programs(names: &[Option<&str>]) -> Vec<Option<String>> {
        names.iter().map(|n| n.map(str::to_string)).collect()
    }

    #[test]
    fn no_programme_means_no_groups() {
        assert_eq!(group(&programs(&[None, None])), None);
    }

    #[test]
    fn programmes_sort_by_name_and_the_rest_comes_last() {
        let groups = group(&programs(&[
            None,
            Some("Usine"),
            Some("achats"),
            Some("Usine"),
        ]))
        .unwrap();
        let names: Vec<Option<&str>> = groups.iter().map(|g| g.program.as_deref()).collect();
        assert_eq!(names, [Some("achats"), Some("Usine"), None]);
        assert_eq!(groups[1].members, [1, 3]);
        assert_eq!(groups[2].members, [0]);
        assert_eq!(groups[1].anchor, "group-usine");
        assert_eq!(groups[2].anchor, "group-other");
    }

    #[test]
    fn programmes_that_slug_alike_get_distinct_anchors() {
        let groups = group(&programs(&[Some("R&D"), Some("R-D")])).unwrap();
        assert_eq!(groups[0].anchor, "group-r-d");
        assert_eq!(groups[1].anchor, "group-r-d-2");
    }

    #[test]
    fn a_group_cut_by_a_page_break_continues_on_the_next_page() {
        let order = [(Some(0), 4), (Some(0), 5), (Some(1), 6)];
        let runs = runs(&order[1..], Some(&order[0]));
        assert_eq!(runs.len(), 2);
        assert!(runs[0].continued);
        assert_eq!(runs[0].members, [5]);
        assert!(!runs[1].continued);
    }
}
