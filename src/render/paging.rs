//! Long lists split into numbered pages, and the navigation between them.
//!
//! A list of `len` entries shown `per_page` at a time is written as
//! `<folder>index.html` (page 1), then `<folder>page/2/index.html`, … so
//! page 1 keeps the address a small portal has always had. Links between
//! pages are relative (`../../page/3/index.html`), so the site still works
//! from `file://` and under a sub-path.

use std::ops::Range;

use serde::Serialize;

use crate::i18n::Strings;

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

/// How long the pages of a list cut by [`ranges_by_marks`] may be.
#[derive(Debug, Clone, Copy)]
pub struct PageSizes {
    pub min: usize,
    /// About the mean: a page ends, past `min`, at an entry whose mark is a
    /// multiple of `average - min`.
    pub average: usize,
    pub max: usize,
}

/// The entries of each page, cut where the entries' own marks say rather
/// than every `n` rows, so that an entry added or removed changes its own
/// page and leaves the others as they were (the idea of content-defined
/// chunking, as rsync and backup tools cut files). `marks` are one
/// well-mixed hash per entry, of what the entry is (not of where it is).
///
/// A page ends after an entry once it holds `sizes.min` entries and the
/// entry's mark is a multiple of `average - min`, or once it holds
/// `sizes.max`. An entry inserted in page *k* lengthens page *k*; the cut
/// after it falls on the same entry as before, so page *k + 1* starts where
/// it did (unless page *k* was cut at `max`, then the next natural cut puts
/// the pages back in step). An empty list still has one (empty) page.
pub fn ranges_by_marks(marks: &[u64], sizes: PageSizes) -> Vec<Range<usize>> {
    let min = sizes.min.max(1);
    let max = sizes.max.max(min);
    let spacing = (sizes.average.saturating_sub(min)).max(1) as u64;
    let mut pages = Vec::new();
    let mut start = 0;
    for (index, mark) in marks.iter().enumerate() {
        let len = index + 1 - start;
        if (len >= min && mark % spacing == 0) || len >= max {
            pages.push(start..index + 1);
            start = index + 1;
        }
    }
    if start < marks.len() || pages.is_empty() {
        pages.push(start..marks.len());
    }
    pages
}

/// The page (1-based) of `pages` that holds entry `index`.
pub fn page_holding(pages: &[Range<usize>], index: usize) -> usize {
    pages.partition_point(|page| page.end <= index) + 1
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

    /// A mark that is a multiple of 10 on entries 20, 35 and 70: a page
    /// may end there; entry 5's is too early in its page.
    fn marks(len: usize) -> Vec<u64> {
        (0..len)
            .map(|i| if [5, 20, 35, 70].contains(&i) { 10 } else { 7 })
            .collect()
    }

    const SIZES: PageSizes = PageSizes {
        min: 10,
        average: 20,
        max: 30,
    };

    #[test]
    fn pages_end_at_marked_entries_within_their_bounds() {
        let pages = ranges_by_marks(&marks(80), SIZES);
        // Entry 5 is marked but page 1 is too short; 20 and 35 end pages;
        // 36..66 reaches the maximum; 70 ends its page (5 entries) only
        // past the minimum, so the rest runs to the end.
        assert_eq!(pages, vec![0..21, 21..36, 36..66, 66..80]);
        assert_eq!(page_holding(&pages, 0), 1);
        assert_eq!(page_holding(&pages, 21), 2);
        assert_eq!(page_holding(&pages, 79), 4);
        assert_eq!(ranges_by_marks(&[], SIZES), vec![0..0]);
    }

    #[test]
    fn an_entry_inserted_changes_its_own_page_only() {
        let before = marks(80);
        let mut after = before.clone();
        after.insert(25, 7);
        let (old, new) = (
            ranges_by_marks(&before, SIZES),
            ranges_by_marks(&after, SIZES),
        );
        assert_eq!(new[0], old[0]);
        assert_eq!(new[1], 21..37, "the new entry lengthens page 2");
        // Every later page holds the same entries, one place further on.
        for (o, n) in old[2..].iter().zip(&new[2..]) {
            assert_eq!((n.start, n.end), (o.start + 1, o.end + 1));
        }
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
