//! The people pages: alphabetical, [`PEOPLE_PER_PAGE`] people a page under
//! running heads, and a page of their own for each person with all their
//! projects.

use std::cmp::Reverse;
use std::collections::HashSet;
use std::ops::Range;

use rayon::prelude::*;

use super::{Emit, Page, PEOPLE_PER_PAGE, PERSON_PROJECTS_SHOWN, PROJECTS_PER_PAGE};
use crate::ingest::names::slugify;
use crate::render::compiled::PersonPageView;
use crate::render::paging::{self, root_of};
use crate::render::view::{self, Links, PersonRow, PersonTally, PersonView};
use crate::render::Renderer;

impl Renderer<'_> {
    /// `people/index.html` (then `people/page/2/…` past [`PEOPLE_PER_PAGE`]
    /// people), and in a large portfolio a page per person with more than
    /// [`PERSON_PROJECTS_SHOWN`] projects.
    pub(in crate::render) fn people_pages(&self, emit: Emit) -> anyhow::Result<()> {
        let links = self.all_links("");
        let mut people = view::people(&links, &self.t);
        if !self.large() {
            let all = 0..people.len();
            return emit(self.people_page(&people, &links, 1, &[String::new()], all)?);
        }
        people.sort_by_cached_key(|person| (fold(&person.name), fold(&person.handle)));
        self.person_pages(&mut people, &links, emit)?;
        let pages = paging::ranges(people.len(), PEOPLE_PER_PAGE);
        let labels: Vec<String> = if pages.len() > 1 {
            let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
            name_ranges(&names, PEOPLE_PER_PAGE)
        } else {
            vec![String::new()]
        };
        pages.par_iter().enumerate().try_for_each(|(index, range)| {
            emit(self.people_page(&people, &links, index + 1, &labels, range.clone())?)
        })
    }

    /// One page of the people list; `projects` are the links `people`
    /// were added up from.
    fn people_page(
        &self,
        people: &[PersonTally],
        projects: &[Links],
        number: usize,
        labels: &[String],
        range: Range<usize>,
    ) -> anyhow::Result<Page> {
        let path = paging::page_path("people/", number);
        let meta = self.meta(
            &path,
            &self.page_title("people", number, labels.len()),
            "people",
        );
        let shown: Vec<PersonView> = people[range.clone()]
            .iter()
            .map(|person| person.view(&person.rows, projects, &meta.root))
            .collect();
        let mut context = tera::Context::new();
        context.insert("people", &shown);
        context.insert("pagination", &self.pagination("people/", number, labels));
        context.insert(
            "range_text",
            &self.range_text("people_range", &range, people.len()),
        );
        let html = self.cross_page(&path, "people.html", meta, context.into_json())?;
        Ok((path, html))
    }

    /// The pages of every person with more than [`PERSON_PROJECTS_SHOWN`]
    /// projects, whose card then keeps only the most pressing ones and a
    /// link to these pages.
    fn person_pages(
        &self,
        people: &mut [PersonTally],
        projects: &[Links],
        emit: Emit,
    ) -> anyhow::Result<()> {
        let mut taken = HashSet::new();
        for person in people.iter_mut() {
            if person.rows.len() <= PERSON_PROJECTS_SHOWN {
                continue;
            }
            let key = if person.handle.is_empty() {
                &person.name
            } else {
                person.handle.trim_start_matches('@')
            };
            let slug = unique_slug(&slugify(key), &mut taken);
            let folder = format!("people/{slug}/");
            self.one_person_pages(person, projects, &folder, emit)?;
            let total = person.rows.len();
            person.rows = most_pressing(&person.rows, PERSON_PROJECTS_SHOWN);
            person.more = Some(view::MoreLink {
                label: self
                    .t
                    .fill("all_projects_of", &[&self.t.count(total), &person.name]),
                href: format!("{folder}index.html"),
            });
        }
        Ok(())
    }

    /// `people/<slug>/index.html`, `people/<slug>/page/2/index.html`, …
    fn one_person_pages(
        &self,
        person: &PersonTally,
        projects: &[Links],
        folder: &str,
        emit: Emit,
    ) -> anyhow::Result<()> {
        let ranges = paging::ranges(person.rows.len(), PROJECTS_PER_PAGE);
        let labels = paging::numbers(ranges.len());
        ranges
            .par_iter()
            .enumerate()
            .try_for_each(|(index, range)| {
                let number = index + 1;
                let path = paging::page_path(folder, number);
                let title = if labels.len() > 1 {
                    format!(
                        "{} ({})",
                        person.name,
                        self.t
                            .fill("page_of", &[&number.to_string(), &labels.len().to_string()])
                    )
                } else {
                    person.name.clone()
                };
                let root = root_of(&path);
                // Each row is what one project says of this person; the
                // rest of the page is the person and where the page stands.
                let rows = &person.rows[range.clone()];
                let shown = rows.iter().map(|row| row.project as usize);
                let placing = (
                    (&person.name, &person.handle, &person.role),
                    (person.open_items, person.overdue_count),
                    (number, labels.len(), person.rows.len()),
                );
                let build = || -> anyhow::Result<PersonPageView> {
                    Ok(PersonPageView {
                        person: person.view(rows, projects, &root),
                        project_count: self.project_count_text(person.rows.len()),
                        people_href: format!("{root}people/index.html"),
                        pagination: self.pagination(folder, number, &labels),
                        range_text: self.range_text("projects_range", range, person.rows.len()),
                    })
                };
                let head = (title.as_str(), "people");
                let html =
                    self.cross_page_from(&path, "person.html", head, Some(shown), &placing, build)?;
                emit((path, html))
            })
    }
}

/// The `count` most pressing of a person's rows: overdue items first,
/// then the most open items, then portfolio order. Only those are sorted
/// and copied (a busy person is in thousands of projects).
fn most_pressing(rows: &[PersonRow], count: usize) -> Vec<PersonRow> {
    let key = |&index: &usize| {
        let row: &PersonRow = &rows[index];
        (Reverse(row.overdue.len()), Reverse(row.open_items), index)
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if order.len() > count {
        order.select_nth_unstable_by_key(count, key);
        order.truncate(count);
    }
    order.sort_unstable_by_key(key);
    order.into_iter().map(|index| rows[index].clone()).collect()
}

/// A name as a reader sorts it: lowercase, accents removed (`Élodie` with
/// the E's), the way extraction folds text.
fn fold(text: &str) -> String {
    crate::extract::folding::fold(text.trim_start_matches('@'))
}

/// The labels of the pages of an alphabetical list of `names`, `per_page`
/// a page, as a dictionary's running heads: `Al – Cl`, `Dev005 – Dev009`.
/// Each end is the shortest start of its name (at least two letters) that
/// tells it from its neighbour across the page break and from the other end
/// of its page, so pages of similar names still read apart.
fn name_ranges(names: &[String], per_page: usize) -> Vec<String> {
    let folded: Vec<Vec<char>> = names
        .iter()
        .map(|name| fold(name).chars().filter(|c| c.is_alphanumeric()).collect())
        .collect();
    let shared = |a: usize, b: Option<usize>| {
        b.map_or(0, |b| {
            folded[a]
                .iter()
                .zip(&folded[b])
                .take_while(|(x, y)| x == y)
                .count()
        })
    };
    let head = |index: usize, length: usize| {
        let mut chars = folded[index].iter().take(length.clamp(2, 12));
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars.copied()).collect(),
            None => "?".to_string(),
        }
    };
    paging::ranges(names.len(), per_page)
        .into_iter()
        .filter(|range| !range.is_empty())
        .map(|range| {
            let (first, last) = (range.start, range.end - 1);
            let within = shared(first, Some(last));
            let before = shared(first, first.checked_sub(1));
            let after = shared(last, (range.end < names.len()).then_some(range.end));
            let first = head(first, before.max(within) + 1);
            let last = head(last, after.max(within) + 1);
            if first == last {
                first
            } else {
                format!("{first} – {last}")
            }
        })
        .collect()
}

/// `slug`, or `slug-2`, … when a person with the same slug came first.
fn unique_slug(slug: &str, taken: &mut HashSet<String>) -> String {
    let unique = (1..)
        .map(|n| {
            if n == 1 {
                slug.to_string()
            } else {
                format!("{slug}-{n}")
            }
        })
        .find(|candidate| !taken.contains(candidate) && candidate != "page")
        .unwrap_or_else(|| slug.to_string());
    taken.insert(unique.clone());
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_without_case_or_accents() {
        assert_eq!(fold("Élodie"), "elodie");
        assert_eq!(fold("@Zoé"), "zoe");
    }

    #[test]
    fn page_labels_tell_similar_names_apart() {
        let names: Vec<String> = ["Alice", "Claire", "dev0001", "dev0002", "dev0013", "Zoé"]
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(
            name_ranges(&names, 2),
            ["Al – Cl", "Dev0001 – Dev0002", "Dev001 – Zo"]
        );
    }

    #[test]
    fn a_person_named_page_does_not_take_the_pagination_folder() {
        let mut taken = HashSet::new();
        assert_eq!(unique_slug("page", &mut taken), "page-2");
        assert_eq!(unique_slug("claire", &mut taken), "claire");
        assert_eq!(unique_slug("claire", &mut taken), "claire-2");
    }
}
