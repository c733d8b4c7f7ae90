//! People: who owns what across the portfolio, each person's projects
//! and open items, matched by handle or name.

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Links;
use crate::extract::folding::fold;
use crate::extract::people::full_name_first;
use crate::i18n::Strings;
use crate::model::Person;

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
    let firsts: Vec<Option<String>> = match late.is_empty() {
        true => Vec::new(),
        false => people.iter().map(full_name_first).collect(),
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
            // `Priya` owns items of `Priya Natarajan`, the project's only
            // Priya ([`join_first_names`]).
            let first = full_name_first(person)
                .filter(|first| firsts.iter().filter(|f| f.as_ref() == Some(first)).count() == 1);
            let overdue = (late.iter().zip(&owners))
                .filter(|(_, owner)| {
                    owner.as_ref().is_some_and(|o| {
                        *o == key || *o == name || first.as_ref().is_some_and(|f| fold(o) == *f)
                    })
                })
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

#[cfg(test)]
mod tests {
    use super::*;

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
