//! Long lists split into numbered pages, and the navigation between them.
//!
//! A list of `len` entries shown `per_page` at a time is written as
//! `<folder>index.html` (page 1), then `<folder>page/2/index.html`, … so
//! page 1 keeps the address a small portal has always had. Links between
//! pages are relative (`../../page/3/index.html`), so the site still works
//! from `file://` and under a sub-path.

use std::ops::Range;

use serde::Serialize;

use super::i18n::Strings;

/// How many page numbers the navigation shows on each side of the current one.
const WINDOW: usize = 2;

/// The output path of page `number` (1-based) of the list kept in `folder`
/// (`""` for the site root, `"timeline/"`, …).
pub fn page_path(folder: &str, number: usize) -> String {
    if number <= 1 {
        format!("{folder}index.html")
    } else {
        format!("{folder}page/{number}/index.html")
    }
}

/// `"../"` once per folder of `path`: the way back to the site root.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The entries of each page: `len` entries cut every `per_page`; an empty
/// list still has one (empty) page.
pub fn ranges(len: usize, per_page: usize) -> Vec<Range<usize>> {
    let per_page = per_page.max(1);
    if len == 0 {
        return std::iter::once(0..0).collect();
    }
    (0..len.div_ceil(per_page))
        .map(|page| page * per_page..((page + 1) * per_page).min(len))
        .collect()
}

/// The page (1-based) that holds entry `index`.
pub fn page_of(index: usize, per_page: usize) -> usize {
    index / per_page.max(1) + 1
}

/// The navigation of one page among `count`, as the template draws it.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    /// `Page 2 of 200`.
    pub summary: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub links: Vec<PageLink>,
}

/// A page number in the navigation, or a gap (`…`) between two of them.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    pub label: String,
    pub href: String,
    pub current: bool,
    pub gap: bool,
}

/// The navigation of page `current` (1-based) of `labels.len()` pages of the
/// list in `folder`, seen from that page. `labels[i]` names page `i + 1`
/// (its number, or a range of names such as `A – C`). The first and last
/// pages and [`WINDOW`] pages around the current one are linked; the others
/// are a gap, so 200 pages still give a short navigation.
pub fn pagination(folder: &str, current: usize, labels: &[String], t: &Strings) -> Pagination {
    let count = labels.len();
    let root = root_of(&page_path(folder, current));
    let href = |number: usize| format!("{root}{}", page_path(folder, number));
    let mut links = Vec::new();
    for number in 1..=count {
        let shown = number == 1 || number == count || number.abs_diff(current) <= WINDOW;
        if shown {
            links.push(PageLink {
                label: labels[number - 1].clone(),
                href: href(number),
                current: number == current,
                gap: false,
            });
        } else if links.last().is_some_and(|link: &PageLink| !link.gap) {
            links.push(PageLink {
                label: "…".to_string(),
                href: String::new(),
                current: false,
                gap: true,
            });
        }
    }
    Pagination {
        summary: t.fill("page_summary", &[&current.to_string(), &count.to_string()]),
        previous: (current > 1).then(|| href(current - 1)),
        next: (current < count).then(|| href(current + 1)),
        links,
    }
}

/// Page numbers as labels: `1`, `2`, … `count`.
pub fn numbers(count: usize) -> Vec<String> {
    (1..=count).map(|n| n.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    #[test]
    fn page_one_keeps_the_folder_index() {
        assert_eq!(page_path("", 1), "index.html");
        assert_eq!(page_path("", 2), "page/2/index.html");
        assert_eq!(page_path("risks/", 3), "risks/page/3/index.html");
    }

    #[test]
    fn lists_are_cut_every_page_size() {
        let empty = ranges(0, 50);
        assert_eq!((empty.len(), empty[0].is_empty()), (1, true));
        assert_eq!(ranges(50, 50), vec![0..50]);
        assert_eq!(ranges(101, 50), vec![0..50, 50..100, 100..101]);
        assert_eq!(page_of(0, 50), 1);
        assert_eq!(page_of(50, 50), 2);
    }

    #[test]
    fn navigation_links_are_relative_and_skip_far_pages() {
        let t = Strings::new(Language::En);
        let nav = pagination("", 10, &numbers(20), &t);
        let labels: Vec<&str> = nav.links.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["1", "…", "8", "9", "10", "11", "12", "…", "20"]);
        assert_eq!(nav.links[0].href, "../../index.html");
        assert_eq!(nav.links[2].href, "../../page/8/index.html");
        assert!(nav.links[4].current);
        assert_eq!(nav.previous.as_deref(), Some("../../page/9/index.html"));
        assert_eq!(nav.summary, "Page 10 of 20");
    }

    #[test]
    fn the_first_page_has_no_previous_link() {
        let t = Strings::new(Language::Fr);
        let nav = pagination("timeline/", 1, &numbers(3), &t);
        assert_eq!(nav.previous, None);
        assert_eq!(nav.next.as_deref(), Some("../timeline/page/2/index.html"));
        assert_eq!(nav.summary, "Page 1 sur 3");
    }
}
