//! Progress (`EXTRACTION.md` §5) and the project rollup: counts, computed
//! and declared progress, and people merged across the project's documents.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use crate::config::{Config, ProgressWeight};
use crate::extract::people::{join_first_names, person_key};
use crate::messages;
use crate::model::{Counts, Declaration, Diagnostic, Item, Person, Project, Section, Status};

/// The mean value of `items` (cancelled ones left out), rounded to one
/// decimal; `None` when there is no item, never 100%.
///
/// An item's value is its `percent`, else 100 done, 50 in progress, 0 to do
/// or blocked. With `weight = "points"`, items weigh their story points;
/// items without points weigh the mean of those with points (all weigh the
/// same when none has points).
pub fn mean_progress<'a>(
    items: impl Iterator<Item = &'a Item>,
    weight: ProgressWeight,
) -> Option<f64> {
    let counted: Vec<&Item> = items.filter(|i| i.status != Status::Cancelled).collect();
    if counted.is_empty() {
        return None;
    }
    let value = |item: &Item| {
        item.percent
            .unwrap_or_else(|| item.status.default_percent())
    };
    let weights: Vec<f64> = match weight {
        ProgressWeight::Items => vec![1.0; counted.len()],
        ProgressWeight::Points => {
            let with_points: Vec<f64> = counted.iter().filter_map(|i| i.points).collect();
            let fallback = if with_points.is_empty() {
                1.0
            } else {
                with_points.iter().sum::<f64>() / with_points.len() as f64
            };
            counted
                .iter()
                .map(|i| i.points.unwrap_or(fallback))
                .collect()
        }
    };
    let total_weight: f64 = weights.iter().sum();
    if total_weight <= 0.0 {
        return None;
    }
    let sum: f64 = counted
        .iter()
        .zip(&weights)
        .map(|(i, w)| value(i) * w)
        .sum();
    Some(round1(sum / total_weight))
}

/// Rounds to one decimal.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Every item of `items` and of their children, depth first.
pub fn flatten(items: &[Item]) -> Vec<&Item> {
    let mut out = Vec::new();
    fn visit<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
        for item in items {
            out.push(item);
            visit(&item.children, out);
        }
    }
    visit(items, &mut out);
    out
}

/// Every item of a section and its subsections.
pub fn section_items(section: &Section) -> Vec<&Item> {
    let mut out = flatten(&section.items);
    for child in &section.sections {
        out.extend(section_items(child));
    }
    out
}

/// Counts every item, parents and children alike.
pub fn count(items: &[&Item]) -> Counts {
    let mut counts = Counts::default();
    for item in items {
        counts.add(item.status);
    }
    counts
}

/// Rolls the project's sections up into its counts, progress and people,
/// and sets the whole-project claim `declared` (the project's most recent,
/// chosen when the project is assembled) beside the computed progress.
pub fn roll_up(project: &mut Project, declared: Option<Declaration>, config: &Config) {
    let mut counts = Counts::default();
    for section in project.sections.iter() {
        counts.merge(&section.counts);
    }
    project.counts = counts;
    let items: Vec<&Item> = project.sections.iter().flat_map(section_items).collect();
    project.progress = mean_progress(items.into_iter(), config.progress.weight);
    project.declared_progress = declared.as_ref().map(|d| d.value);
    if let (Some(declaration), Some(computed)) = (declared, project.progress) {
        if (declaration.value - computed).abs() > config.health.declared_gap {
            project.diagnostics.push(Diagnostic::warning(
                "declared-vs-computed",
                &declaration.source,
                declaration.line,
                messages::DECLARED_VS_COMPUTED.say(&[&declaration.value, &computed]),
            ));
        }
    }
    let mut people = merge_people(std::mem::take(&mut *project.people));
    join_first_names(&mut people);
    project.people = people.into();
}

/// One entry per person across documents: open items add up, the first
/// role and handle found are kept.
///
/// Each person's key is folded once and looked up in a map, so a project
/// with many people across many documents costs no more than a linear pass.
/// A handle taken from a later entry never changes the merged entry's key:
/// that entry matched by this very handle.
fn merge_people(people: Vec<Person>) -> Vec<Person> {
    let mut merged: Vec<Person> = Vec::with_capacity(people.len());
    let mut position: FxHashMap<String, usize> = FxHashMap::default();
    for person in people {
        let key = person_key(person.handle.as_deref().unwrap_or(&person.name));
        match position.entry(key) {
            Entry::Occupied(entry) => {
                let known = &mut merged[*entry.get()];
                known.open_items += person.open_items;
                if known.role.is_none() {
                    known.role = person.role;
                }
                if known.handle.is_none() {
                    known.handle = person.handle;
                }
            }
            Entry::Vacant(entry) => {
                entry.insert(merged.len());
                merged.push(person);
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(status: Status, percent: Option<f64>, points: Option<f64>) -> Item {
        Item {
            text: "x".into(),
            status,
            percent,
            owner: None,
            id: None,
            points,
            due: None,
            source: "a.md".into(),
            line: 1,
            children: Vec::new(),
        }
    }

    #[test]
    fn mean_of_item_values_one_decimal_cancelled_left_out() {
        let items = [
            item(Status::Done, None, None),
            item(Status::InProgress, None, None),
            item(Status::Todo, None, None),
            item(Status::Cancelled, None, None),
        ];
        assert_eq!(
            mean_progress(items.iter(), ProgressWeight::Items),
            Some(50.0)
        );
        let items = [
            item(Status::Done, None, None),
            item(Status::Todo, None, None),
            item(Status::Todo, None, None),
        ];
        assert_eq!(
            mean_progress(items.iter(), ProgressWeight::Items),
            Some(33.3)
        );
        let items = [item(Status::InProgress, Some(60.0), None)];
        assert_eq!(
            mean_progress(items.iter(), ProgressWeight::Items),
            Some(60.0)
        );
        assert_eq!(mean_progress([].iter(), ProgressWeight::Items), None);
        let only_cancelled = [item(Status::Cancelled, None, None)];
        assert_eq!(
            mean_progress(only_cancelled.iter(), ProgressWeight::Items),
            None
        );
    }

    #[test]
    fn points_weighting() {
        // 8 points done, 2 points to do: 80%; an item without points weighs the mean (5).
        let items = [
            item(Status::Done, None, Some(8.0)),
            item(Status::Todo, None, Some(2.0)),
        ];
        assert_eq!(
            mean_progress(items.iter(), ProgressWeight::Points),
            Some(80.0)
        );
        let items = [
            item(Status::Done, None, Some(8.0)),
            item(Status::Todo, None, Some(2.0)),
            item(Status::Todo, None, None),
        ];
        // (800 + 0 + 0) / (8 + 2 + 5) = 53.3
        assert_eq!(
            mean_progress(items.iter(), ProgressWeight::Points),
            Some(53.3)
        );
    }

    fn person(handle: Option<&str>, name: &str, role: Option<&str>, open: u32) -> Person {
        Person {
            handle: handle.map(String::from),
            name: name.into(),
            role: role.map(String::from),
            open_items: open,
        }
    }

    #[test]
    fn people_merge_across_documents() {
        let merged = merge_people(vec![
            person(Some("@Imrane"), "Imrane", Some("DevOps"), 3),
            person(None, "imrane", None, 2),
            person(Some("@Asama"), "Asama", None, 0),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].open_items, 5);
        assert_eq!(merged[0].role.as_deref(), Some("DevOps"));
    }

    /// A name met first takes the handle and role met later under that
    /// handle, and later mentions of the name or the handle still join it.
    #[test]
    fn a_name_first_takes_a_later_handle() {
        let merged = merge_people(vec![
            person(None, "Léa", None, 1),
            person(Some("@Asama"), "Asama", None, 4),
            person(Some("@lea"), "Léa", Some("PO"), 2),
            person(None, "LEA", None, 1),
            person(Some("@léa"), "lea", Some("QA"), 0),
        ]);
        let people: Vec<(&str, Option<&str>, Option<&str>, u32)> = merged
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.handle.as_deref(),
                    p.role.as_deref(),
                    p.open_items,
                )
            })
            .collect();
        assert_eq!(
            people,
            [
                ("Léa", Some("@lea"), Some("PO"), 4),
                ("Asama", Some("@Asama"), None, 4),
            ]
        );
    }
}
