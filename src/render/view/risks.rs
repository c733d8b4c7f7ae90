//! Risk rows, their order, and a project's risk matrix.

use std::cmp::Reverse;

use serde::Serialize;

use super::portfolio::score;
use super::{severity_view, SeverityView};
use crate::i18n::Strings;
use crate::model::{Project, Risk, Severity};
use crate::render::charts::{self, Matrix};

#[derive(Debug, Clone, Serialize)]
pub struct RiskRow {
    pub anchor: String,
    pub project: String,
    pub project_href: String,
    pub title: String,
    pub id: String,
    pub severity: SeverityView,
    pub impact: String,
    pub probability: String,
    pub score: String,
    pub tone: &'static str,
    pub mitigation: String,
    pub owner: String,
    pub closed: bool,
    pub href: String,
}

/// One risk with its project, its row anchor and its source link.
pub struct RiskEntry<'a> {
    pub risk: &'a Risk,
    pub project: &'a Project,
    pub anchor: String,
    pub source_href: String,
}

/// The order of the risk tables: open before closed, most severe first,
/// then by impact × probability.
pub type RiskOrder = (bool, Reverse<Option<Severity>>, Reverse<u8>);

/// Where `risk` goes in a risk table ([`RiskOrder`]).
pub fn risk_order(risk: &Risk) -> RiskOrder {
    (risk.closed, Reverse(risk.severity), Reverse(score(risk)))
}

/// Risk table rows in [`risk_order`]; a stable sort keeps the given order among equals.
pub fn risk_rows(entries: &[RiskEntry], root: &str, t: &Strings) -> Vec<RiskRow> {
    let mut sorted: Vec<&RiskEntry> = entries.iter().collect();
    sorted.sort_by_key(|e| risk_order(e.risk));
    sorted
        .into_iter()
        .map(|e| {
            let rating = charts::rating(e.risk);
            RiskRow {
                anchor: e.anchor.clone(),
                project: e.project.name.clone(),
                project_href: format!("{root}{}/index.html", e.project.slug),
                title: e.risk.title.clone(),
                id: e.risk.id.clone().unwrap_or_default(),
                severity: severity_view(e.risk.severity, t),
                impact: e.risk.impact.map(|v| v.to_string()).unwrap_or_default(),
                probability: e
                    .risk
                    .probability
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                score: rating.map(|(i, p)| (i * p).to_string()).unwrap_or_default(),
                tone: rating.map(|(i, p)| charts::zone(i * p)).unwrap_or("none"),
                mitigation: e.risk.mitigation.clone().unwrap_or_default(),
                owner: e.risk.owner.clone().unwrap_or_default(),
                closed: e.risk.closed,
                href: e.source_href.clone(),
            }
        })
        .collect()
}

/// The matrix of a project's risks: a cell links to a risk's row in the
/// page's table when `in_table` says it has one, else to its line.
pub fn risk_matrix(
    entries: &[RiskEntry],
    in_table: &dyn Fn(&RiskEntry) -> bool,
    t: &Strings,
) -> Matrix {
    let risks: Vec<charts::Rated> = entries.iter().map(|e| charts::Rated::of(e.risk)).collect();
    let link = |i: usize| {
        let entry = &entries[i];
        let href = match in_table(entry) {
            true => format!("#{}", entry.anchor),
            false => entry.source_href.clone(),
        };
        charts::matrix_link(entry.risk, href)
    };
    charts::matrix(&risks, &link, t)
}
