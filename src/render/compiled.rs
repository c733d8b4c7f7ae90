//! The default templates of the pages a build makes by the thousand
//! (project pages, the risk table's and the timeline's pages, the pages of
//! a busy person's projects), compiled into
//! the binary (askama) instead of interpreted by tera. With tera, project
//! pages were a quarter of a cold build's CPU: tera looks every
//! `{{ item.field }}` up by name at run time (splitting the path, allocating
//! each segment), a compiled template reads the field.
//!
//! The templates in `src/render/compiled/` say what their namesakes in
//! `themes/default/templates/` (with `base.html` and the macros of
//! `macros/ui.html` they call) say, in askama's syntax. One is used only
//! while its namesake, `base.html` and `macros/ui.html` are the embedded
//! defaults ([`in_use`]): a portal that overrides any of them gets tera and
//! its own templates. `tests/compiled_page.rs` checks that both engines give
//! the same bytes on the seeds, the real corpus, a portal with snapshots and
//! a paginated portfolio (with a person's pages).

use std::collections::BTreeMap;
use std::ops::Deref;

use askama::Template;
use serde::Serialize;

use super::charts::{Matrix, Timeline};
use super::cross_project::{MilestoneSummary, SeverityJump};
use super::paging::Pagination;
use super::project_view::{ProjectHeader, SourceView};
use super::theme;
use super::trends::ProjectTrend;
use super::view::{
    AreaRow, DiagnosticRow, DocumentRow, MilestoneRow, PersonView, RiskRow, SectionRow,
};
use super::{PageMeta, PageView};
use crate::i18n::Table;

/// askama's escaper for `.html` templates (`askama.toml`): sitrep's own, the
/// one tera uses ([`escape`](super::escape)), so both write the same entities.
#[derive(Clone, Copy)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, text: &str) -> std::fmt::Result {
        super::write_escaped(&mut dest, text)
    }
}

/// The compiled templates' own filters (askama looks them up in a module
/// of this name beside the template).
mod filters {
    use super::Table;
    use crate::i18n;

    /// `{{ open_items|count(t) }}`: tera's `count` filter, a count with its
    /// thousands grouped as the page's language writes them.
    #[askama::filter_fn]
    pub fn count(
        value: impl std::fmt::Display,
        _: &dyn askama::Values,
        t: &Table,
    ) -> askama::Result<String> {
        Ok(i18n::group_thousands(value, t["thousands_separator"]))
    }
}

/// The templates the binary holds compiled.
const COMPILED: &[&str] = &[
    "project.html",
    "document.html",
    "risks.html",
    "timeline.html",
    "person.html",
];

/// The compiled templates a portal with these `templates` can use: those
/// whose namesake, `base.html` and `macros/ui.html` are the defaults.
pub(super) fn in_use(templates: &BTreeMap<String, String>) -> Vec<&'static str> {
    COMPILED
        .iter()
        .copied()
        .filter(|&name| theme::is_default(templates, &[name, "base.html", "macros/ui.html"]))
        .collect()
}

/// A compiled page: the view, with what every page shows (`page`, `t`).
/// Field names reach the view through `Deref`, so the compiled templates
/// name values as tera's do.
macro_rules! compiled_page {
    ($page:ident, $view:ident, $path:literal) => {
        compiled_page!($page, $view, $path, |_view: &$view| 0);
    };
    // `$capacity`: the bytes the page is expected to take, so that its
    // text is not copied again and again as it grows.
    ($page:ident, $view:ident, $path:literal, $capacity:expr) => {
        #[derive(Template)]
        #[template(path = $path)]
        pub(super) struct $page<'a> {
            page: &'a PageMeta,
            t: &'a Table,
            view: &'a $view,
        }

        impl Deref for $page<'_> {
            type Target = $view;

            fn deref(&self) -> &$view {
                self.view
            }
        }

        impl PageView for $view {
            fn compiled(&self, page: &PageMeta, t: &Table) -> Option<askama::Result<String>> {
                let page = $page {
                    page,
                    t,
                    view: self,
                };
                let capacity: usize = ($capacity)(self);
                let mut html = String::with_capacity(capacity.max($page::SIZE_HINT));
                Some(page.render_into(&mut html).map(|()| html))
            }
        }
    };
}

compiled_page!(
    ProjectPage,
    ProjectView,
    "project.html",
    ProjectView::capacity
);
compiled_page!(
    DocumentPage,
    DocumentView,
    "document.html",
    DocumentView::capacity
);
compiled_page!(RisksPage, RisksView, "risks.html");
compiled_page!(TimelinePage, TimelineView, "timeline.html");
compiled_page!(PersonPage, PersonPageView, "person.html");

/// Everything a project page shows.
#[derive(Serialize)]
pub(super) struct ProjectView {
    pub project: ProjectHeader,
    /// The health its latest report gives each area of the project.
    pub areas: Vec<AreaRow>,
    /// The section tree, or nothing when the documents have pages of
    /// their own (`documents_apart`): then `document_rows`.
    pub sections: Vec<SectionRow>,
    pub document_rows: Vec<DocumentRow>,
    pub timeline: Timeline,
    pub milestones: Vec<MilestoneRow>,
    /// When the documents have pages of their own and a list is long, how
    /// much of it the page shows (`The 200 milestones nearest today, of
    /// 32,000`); else empty.
    pub milestones_cut: String,
    pub matrix: Matrix,
    pub risks: Vec<RiskRow>,
    pub risks_cut: String,
    pub people: Vec<PersonView>,
    pub diagnostics: Vec<DiagnosticRow>,
    pub diagnostics_cut: String,
    /// `This project has 40 documents: …` when each has a page of its
    /// own ([`super::DOCUMENTS_ON_PAGE`]), else empty.
    pub documents_apart: String,
    pub documents: Vec<SourceView>,
    pub trend: ProjectTrend,
}

impl ProjectView {
    /// About the size of its page: its documents' HTML, a kilobyte a row
    /// of its lists, and the rest of the page. A project page is mostly its
    /// source view, and growing it from a few kilobytes copied it over and
    /// over.
    fn capacity(&self) -> usize {
        let documents: usize = self.documents.iter().map(|d| d.html.len()).sum();
        let rows = self.sections.len()
            + self.document_rows.len()
            + self.milestones.len()
            + self.risks.len()
            + self.people.len()
            + self.diagnostics.len();
        documents + rows * 1024 + (32 << 10)
    }
}

/// A page of the risk table; the first also has the matrix and the jumps
/// to each severity.
/// What a document's own page shows ([`super::Renderer::document_page`]):
/// its sections and items, then the document itself.
#[derive(Serialize)]
pub(super) struct DocumentView {
    pub project: DocumentProject,
    /// `doc-2`, the document's id on the page, as on a project page.
    pub anchor: String,
    pub source: String,
    /// `Document 2 of 40 of Data platform`.
    pub place: String,
    pub sections: Vec<SectionRow>,
    /// Its own milestones, risks and diagnostics (each part shown only
    /// when it has some).
    pub milestones: Vec<MilestoneRow>,
    pub risks: Vec<RiskRow>,
    pub diagnostics: Vec<DiagnosticRow>,
    pub html: String,
    pub previous: Option<DocumentLink>,
    pub next: Option<DocumentLink>,
}

impl DocumentView {
    fn capacity(&self) -> usize {
        let rows = self.milestones.len() + self.risks.len() + self.diagnostics.len();
        self.html.len() + self.sections.len() * 2048 + rows * 1024 + (16 << 10)
    }
}

/// The project a document page belongs to.
#[derive(Serialize)]
pub(super) struct DocumentProject {
    pub name: String,
    pub slug: String,
}

/// Another document page of the same project.
#[derive(Serialize)]
pub(super) struct DocumentLink {
    pub href: String,
    /// `Next document: platform/sprint-3.md →`.
    pub label: String,
}

#[derive(Serialize)]
pub(super) struct RisksView {
    pub first_page: bool,
    pub matrix: Option<Matrix>,
    pub jumps: Vec<SeverityJump>,
    pub risks: Vec<RiskRow>,
    pub pagination: Option<Pagination>,
    pub range_text: String,
}

/// A page of the timeline; the first of a cut timeline also sums up the
/// overdue and coming milestones of every project.
#[derive(Serialize)]
pub(super) struct TimelineView {
    pub summaries: Vec<MilestoneSummary>,
    pub timeline: Timeline,
    pub table_title: String,
    pub milestones: Vec<MilestoneRow>,
    /// Set when a project of document pages shows only its milestones
    /// nearest the as-of date here: says so.
    pub milestones_cut: String,
    pub pagination: Option<Pagination>,
    pub range_text: String,
}

/// A page of one person's projects: a busy person of a large portfolio
/// (2,000 such pages at 10,000 documents).
#[derive(Serialize)]
pub(super) struct PersonPageView {
    pub person: PersonView,
    /// `12 projects`, as the person's figures end.
    pub project_count: String,
    pub people_href: String,
    pub pagination: Option<Pagination>,
    pub range_text: String,
}

#[cfg(test)]
mod tests {
    use crate::config::Language;
    use crate::i18n::Strings;

    /// The compiled templates' text, to check what they name.
    const SOURCES: &[&str] = &[
        include_str!("compiled/base.html"),
        include_str!("compiled/ui.html"),
        include_str!("compiled/project.html"),
        include_str!("compiled/risks.html"),
        include_str!("compiled/timeline.html"),
        include_str!("compiled/person.html"),
    ];

    /// `t["key"]` indexes the table and would panic on a key it lacks,
    /// where tera reports an error; a branch no test renders (an empty
    /// list, a closed risk) must not hide one.
    #[test]
    fn every_string_a_compiled_template_names_exists_in_both_languages() {
        let mut named = 0;
        for source in SOURCES {
            for (at, _) in source.match_indices("t[\"") {
                let rest = &source[at + 3..];
                let key = &rest[..rest.find('"').expect("closing quote")];
                for language in [Language::En, Language::Fr] {
                    assert!(
                        Strings::new(language).table().contains_key(key),
                        "t[\"{key}\"] is not a UI string ({language:?})"
                    );
                }
                named += 1;
            }
        }
        assert!(
            named > 100,
            "only {named} strings found: is the pattern still right?"
        );
    }
}
