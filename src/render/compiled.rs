//! The default project page, compiled into the binary (askama) instead of
//! interpreted by tera. A project page is most of a build's pages and, with
//! tera, about a quarter of a cold build's CPU: tera looks every
//! `{{ item.field }}` up by name at run time (splitting the path, allocating
//! each segment), a compiled template reads the field.
//!
//! The templates in `src/render/compiled/` say what
//! `themes/default/templates/project.html` (with `base.html` and the macros of
//! `macros/ui.html` it calls) says, in askama's syntax. They are used only
//! while those three templates are the embedded defaults
//! ([`theme::is_default`](super::theme::is_default)): a portal that overrides
//! any of them gets tera and its own template. `tests/compiled_page.rs`
//! checks that both give the same bytes on the seeds, the real corpus and a
//! portal with snapshots.

use std::collections::BTreeMap;

use askama::Template;
use serde::Serialize;

use super::charts::{Matrix, Timeline};
use super::trends::ProjectTrend;
use super::view::{DiagnosticRow, MilestoneRow, PersonView, RiskRow, SectionRow};
use super::{PageMeta, ProjectHeader, SourceView};

/// askama's escaper for `.html` templates (`askama.toml`): sitrep's own
/// [`escape`](super::escape), the one tera uses, so both engines write the
/// same entities.
#[derive(Clone, Copy)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, text: &str) -> std::fmt::Result {
        super::write_escaped(&mut dest, text)
    }
}

/// The templates `compiled/` stands for: overriding any of them turns the
/// compiled page off.
pub(super) const STANDS_FOR: &[&str] = &["project.html", "base.html", "macros/ui.html"];

/// Everything a project page shows. tera gets it as its context (with `page`
/// and `t` added, as for every page); askama renders it through
/// `compiled/project.html`.
#[derive(Serialize, Template)]
#[template(path = "project.html")]
pub(super) struct ProjectPage<'a> {
    #[serde(skip)]
    pub page: &'a PageMeta,
    /// The UI strings, by key: `{{ t["due"] }}`.
    #[serde(skip)]
    pub t: &'a BTreeMap<&'static str, &'static str>,
    pub project: ProjectHeader,
    pub sections: Vec<SectionRow>,
    pub timeline: Timeline,
    pub milestones: Vec<MilestoneRow>,
    pub matrix: Matrix,
    pub risks: Vec<RiskRow>,
    pub people: Vec<PersonView>,
    pub diagnostics: Vec<DiagnosticRow>,
    pub documents: Vec<SourceView>,
    pub trend: ProjectTrend,
}
