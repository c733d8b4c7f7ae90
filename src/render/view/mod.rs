//! View models: the portfolio turned into ready-to-print strings,
//! percentages and links, so templates only lay them out. Links are relative
//! to the page (`root` is `""` at the site root, `"../"` one folder down).

use serde::Serialize;

use super::pct;
use super::source::RenderedDocument;
use crate::i18n::Strings;
use crate::model::{Health, Project, Severity, Status};

mod milestones;
mod people;
mod portfolio;
mod project;
mod risks;

pub use milestones::{milestone_rows, project_timeline, MilestoneRow};
pub use people::{people, ItemRef, MoreLink, PersonProject, PersonRow, PersonTally, PersonView};
pub use portfolio::{
    health_counts, health_counts_of, items_text, milestones_text, project_row, tell_apart, tiles,
    AreaRef, HealthCount, MilestoneRef, ProjectRow, RiskRef, Tile,
};
pub use project::{
    area_rows, count_views, diagnostic_rows, document_rows, section_rows, AreaRow, CountView,
    DiagnosticRow, DocumentRow, ItemRow, SectionRow,
};
pub use risks::{risk_matrix, risk_order, risk_rows, RiskEntry, RiskOrder, RiskRow};

/// A progress bar: computed figure filled, declared figure marked.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// Width of the fill, `"41.7"` (percent), absent without data.
    pub fill: Option<String>,
    pub label: String,
    pub declared: Option<String>,
    pub declared_label: Option<String>,
    /// The whole bar in words, for screen readers.
    pub aria: String,
}

impl Bar {
    pub fn new(computed: Option<f64>, declared: Option<f64>, t: &Strings) -> Bar {
        let label = computed
            .map(|p| t.percent(p))
            .unwrap_or_else(|| t.get("no_data"));
        let declared_label = declared.map(|d| format!("{} {}", t.get("declared"), t.percent(d)));
        let mut aria = format!(
            "{} {}{} {}",
            t.get("progress"),
            t.get("computed"),
            t.get("colon"),
            label
        );
        if let Some(declared) = &declared_label {
            aria.push_str(&format!(", {declared}"));
        }
        Bar {
            fill: computed.map(pct),
            label,
            declared: declared.map(pct),
            declared_label,
            aria,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct HealthView {
    pub class: &'static str,
    pub word: &'static str,
    pub icon: &'static str,
    pub reason: String,
}

pub fn health_view(health: Health, reason: &str, t: &Strings) -> HealthView {
    HealthView {
        class: health.as_str(),
        word: t.health_word(health),
        icon: match health {
            Health::Done => "✓",
            Health::Green => "●",
            Health::Amber => "▲",
            Health::Red => "■",
            Health::Unknown => "?",
        },
        reason: reason.to_string(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub class: &'static str,
    pub word: &'static str,
    pub icon: &'static str,
}

pub fn status_view(status: Option<Status>, t: &Strings) -> StatusView {
    let Some(status) = status else {
        return StatusView {
            class: "unknown",
            word: t.status_word(None),
            icon: "·",
        };
    };
    StatusView {
        class: status.as_str(),
        word: t.status_word(Some(status)),
        icon: match status {
            Status::Done => "✓",
            Status::InProgress => "◐",
            Status::Todo => "○",
            Status::Blocked => "✕",
            Status::Cancelled => "⊘",
        },
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SeverityView {
    pub class: &'static str,
    pub word: &'static str,
}

pub fn severity_view(severity: Option<Severity>, t: &Strings) -> SeverityView {
    match severity {
        Some(severity) => SeverityView {
            class: severity.as_str(),
            word: t.severity_word(severity),
        },
        None => SeverityView {
            class: "none",
            word: "—",
        },
    }
}

/// Where a project's page and its anchors are, from the page being built.
pub struct Links<'a> {
    pub root: &'a str,
    pub project: &'a Project,
    /// Rendered documents of the project, for `#L<line>` anchors.
    pub documents: &'a [RenderedDocument],
    pub sources: &'a [String],
    /// Places in `sources` in the order of their paths.
    pub by_path: &'a [u32],
    /// `true` when each document has a page of its own
    /// ([`document_page`](super::document_page)) instead of a place at the
    /// foot of the project's page.
    pub apart: bool,
    /// `true` on the project's own page (links stay in the page).
    pub same_page: bool,
}

impl Links<'_> {
    pub fn page(&self) -> String {
        let mut href = String::new();
        self.push_page(&mut href);
        href
    }

    fn push_page(&self, href: &mut String) {
        if !self.same_page {
            self.push_folder(href);
            href.push_str("index.html");
        }
    }

    /// The project's folder, from the page being built.
    fn push_folder(&self, href: &mut String) {
        if !self.same_page {
            href.push_str(self.root);
            href.push_str(&self.project.slug);
            href.push('/');
        }
    }

    /// Link to `line` of `source` in the rendered document: on the
    /// project's page, or on the document's own page when it has one.
    pub fn line(&self, source: &str, line: usize) -> String {
        let place = (self.by_path)
            .binary_search_by(|&index| self.sources[index as usize].as_str().cmp(source))
            .ok()
            .map(|found| self.by_path[found] as usize);
        let mut href = String::with_capacity(64);
        let own_page = place.filter(|_| self.apart);
        match own_page {
            Some(index) => {
                self.push_folder(&mut href);
                href.push_str(&super::document_page(index));
            }
            None => self.push_page(&mut href),
        }
        href.push('#');
        let document = place.and_then(|index| self.documents.get(index));
        if !document.is_some_and(|doc| doc.push_anchor(line, &mut href)) {
            if own_page.is_some() {
                href.pop();
            } else {
                href.push_str("source");
            }
        }
        href
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    #[test]
    fn bar_shows_computed_and_declared() {
        let bar = Bar::new(Some(41.66), Some(100.0), &Strings::new(Language::En));
        assert_eq!(bar.fill.as_deref(), Some("41.7"));
        assert_eq!(bar.declared.as_deref(), Some("100"));
        assert_eq!(bar.label, "41.7%");
    }
}
