//! What a project's page shows in its head and at its foot, and how a
//! project of many documents is cut: the head's figures and first
//! documents ([`ProjectHeader`]), the documents' source views
//! ([`SourceView`]), each document's own share of the project for its
//! own page ([`DocumentParts`]), and the rows a long list keeps
//! ([`ROWS_SHOWN`], [`nearest_milestones`]).

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{document_anchor, document_page, view};
use crate::i18n::Strings;
use crate::model::{Milestone, Project};

/// A document on its project's page: its HTML there, or a link to its
/// own page (`html` empty) when the project has more than
/// [`DOCUMENTS_ON_PAGE`](super::DOCUMENTS_ON_PAGE).
#[derive(Debug, Clone, Serialize)]
pub(super) struct SourceView {
    pub(super) anchor: String,
    /// `#doc-2` on the page, or `doc-2.html`, its own page.
    pub(super) href: String,
    pub(super) source: String,
    pub(super) html: String,
}

/// Where the `index`-th document of a project is, from the project's
/// page: its place at the foot of the page, or its own page.
pub(super) fn document_href(index: usize, apart: bool) -> String {
    if apart {
        document_page(index)
    } else {
        format!("#{}", document_anchor(index))
    }
}

/// A project split by document, for the pages of its documents: each
/// document's sections, milestones, risks and diagnostics as a project of
/// its own (with the project's name and other values). Made once per
/// project, when the first of its document pages is drawn.
pub(super) struct DocumentParts {
    parts: FxHashMap<String, Project>,
    /// The part of a document that has none of them.
    empty: Project,
}

impl DocumentParts {
    pub(super) fn new(project: &Project) -> DocumentParts {
        // The copy shares the packed bytes; the four lists it takes are
        // decoded (and left empty, without bytes), the others never read.
        let mut whole = project.clone();
        let sections = std::mem::take(&mut *whole.sections);
        let milestones = std::mem::take(&mut *whole.milestones);
        let risks = std::mem::take(&mut *whole.risks);
        let diagnostics = std::mem::take(&mut *whole.diagnostics);
        // Each part would copy the list of sources: 4,000 paths for each
        // of 4,000 documents.
        whole.sources = Vec::new();
        let mut parts = DocumentParts {
            parts: FxHashMap::default(),
            empty: whole,
        };
        for section in sections {
            parts.part(&section.source).sections.push(section);
        }
        for milestone in milestones {
            parts.part(&milestone.source).milestones.push(milestone);
        }
        for risk in risks {
            parts.part(&risk.source).risks.push(risk);
        }
        for diagnostic in diagnostics {
            parts.part(&diagnostic.source).diagnostics.push(diagnostic);
        }
        parts
    }

    fn part(&mut self, source: &str) -> &mut Project {
        (self.parts.entry(source.to_string())).or_insert_with(|| self.empty.clone())
    }

    /// The part of the document at `source`.
    pub(super) fn of(&self, source: &str) -> &Project {
        self.parts.get(source).unwrap_or(&self.empty)
    }
}

/// How many milestones, risks and diagnostics the page of a project of
/// document pages lists, of each: each document's page lists its own, and
/// a project of 4,000 documents listed 88,000 risks (29 MB).
pub(super) const ROWS_SHOWN: usize = 200;

/// The [`ROWS_SHOWN`] milestones nearest `as_of`, in their order, when
/// there are more: what the pages of a project of thousands of documents
/// (tens of thousands of milestones) show of them; each document's page
/// lists its own. Undated ones count as farthest; of equal distances, the
/// first in document order.
pub(super) fn nearest_milestones(
    milestones: &[Milestone],
    as_of: NaiveDate,
) -> Option<Vec<Milestone>> {
    if milestones.len() <= ROWS_SHOWN {
        return None;
    }
    let distance = |m: &Milestone| {
        m.date
            .map(|date| date.signed_duration_since(as_of).num_days().abs())
    };
    let mut nearest: Vec<usize> = (0..milestones.len()).collect();
    nearest.sort_by_key(|&i| (distance(&milestones[i]).unwrap_or(i64::MAX), i));
    nearest.truncate(ROWS_SHOWN);
    nearest.sort_unstable();
    Some(nearest.into_iter().map(|i| milestones[i].clone()).collect())
}

/// How many of its documents a project page's head lists: a project of
/// thousands of documents listed them all, a column as long as the page.
/// The others are in the source section below, where "and N more" leads.
pub(super) const SOURCES_SHOWN: usize = 10;

/// A document named in the head of its project's page, and its place
/// in the page's source section.
#[derive(Debug, Clone, Serialize)]
pub(super) struct SourceLink {
    pub(super) anchor: String,
    /// Where the document is ([`document_href`]).
    pub(super) href: String,
    pub(super) source: String,
}

/// The head of a project page.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ProjectHeader {
    pub(super) name: String,
    pub(super) title: String,
    pub(super) slug: String,
    pub(super) health: view::HealthView,
    pub(super) declared_health: Option<view::HealthView>,
    pub(super) bar: view::Bar,
    pub(super) computed: String,
    pub(super) declared: String,
    /// How the computed progress averages its items, in the page's words
    /// (`each item counts the same`); empty when the project names none.
    pub(super) method: String,
    pub(super) items_text: String,
    /// `5 of 6 milestones done`, or empty without milestones.
    pub(super) milestones_text: String,
    pub(super) counts: Vec<view::CountView>,
    pub(super) as_of: Option<String>,
    pub(super) stale: bool,
    pub(super) owner: String,
    pub(super) tags: Vec<String>,
    pub(super) sources: Vec<String>,
    /// The first [`SOURCES_SHOWN`] documents, linked to their source view.
    pub(super) source_links: Vec<SourceLink>,
    /// `and 2,990 more` when there are more, else empty.
    pub(super) more_sources: String,
    pub(super) dates: String,
}

/// The words for a progress method (`progress.weight` in config.toml):
/// the setting's own value (`items`, `points`) is a key, not a phrase a
/// stakeholder reads.
fn method_words(method: &str, t: &Strings) -> &'static str {
    match method {
        "items" => t.word("method_items"),
        "points" => t.word("method_points"),
        _ => "",
    }
}

impl ProjectHeader {
    /// The head of `project`'s page; `apart`: its documents have pages
    /// of their own; `milestones_text`: its tally of milestones, counted
    /// before a large project keeps only the nearest.
    pub(super) fn new(
        project: &Project,
        apart: bool,
        milestones_text: String,
        t: &Strings,
    ) -> Self {
        let dates = match (project.start, project.end) {
            (Some(start), Some(end)) => format!("{} → {}", t.date(start), t.date(end)),
            (Some(start), None) => t.fill("from_date", &[&t.date(start)]),
            (None, Some(end)) => t.fill("until_date", &[&t.date(end)]),
            (None, None) => String::new(),
        };
        ProjectHeader {
            name: project.name.clone(),
            title: project.title.clone(),
            slug: project.slug.clone(),
            health: view::health_view(project.health, &project.health_reason, t),
            declared_health: project
                .declared_health
                .filter(|&h| h != project.health)
                .map(|h| view::health_view(h, "", t)),
            bar: view::Bar::new(project.progress, project.declared_progress, t),
            computed: project
                .progress
                .map(|p| t.percent(p))
                .unwrap_or_else(|| t.get("no_data")),
            declared: project
                .declared_progress
                .map(|p| t.percent(p))
                .unwrap_or_default(),
            method: method_words(&project.progress_method, t).to_string(),
            items_text: view::items_text(&project.counts, t),
            milestones_text,
            counts: view::count_views(&project.counts, t),
            as_of: project.as_of.map(|d| t.date(d)),
            stale: project.stale,
            owner: project.owner.clone().unwrap_or_default(),
            tags: project.tags.clone(),
            sources: project.sources.clone(),
            source_links: (project.sources.iter().take(SOURCES_SHOWN).enumerate())
                .map(|(index, source)| SourceLink {
                    anchor: document_anchor(index),
                    href: document_href(index, apart),
                    source: source.clone(),
                })
                .collect(),
            more_sources: match project.sources.len().saturating_sub(SOURCES_SHOWN) {
                0 => String::new(),
                more => t.fill("more_sources", &[&t.count(more)]),
            },
            dates,
        }
    }
}
