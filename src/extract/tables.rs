//! What a table is for: work items, milestones, risks, or nothing.
//!
//! Classified once so that a milestone or risk table never also gives work
//! items (`EXTRACTION.md` §4, last paragraph).

use super::outline::Table;

/// The role of a table in a tracking document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Rows are work items (it has a status column).
    Status,
    /// Rows are milestones (a date column and a name column).
    Milestone,
    /// Rows are risks (a `Risque`/`Risk` column, or any table in a risk section).
    Risk,
    /// Anything else (budgets, KPIs, glossaries).
    Other,
}

/// Classifies `table`; `in_risk_section` says whether it stands under a risk heading.
pub fn classify(table: &Table, in_risk_section: bool) -> TableKind {
    let header: Vec<String> = table.header.iter().map(|h| h.to_lowercase()).collect();
    let has = |words: &[&str]| header.iter().any(|h| words.iter().any(|w| h.contains(w)));
    if in_risk_section || has(&["risque", "risk"]) {
        TableKind::Risk
    } else if has(&["date", "échéance", "deadline", "due", "target", "cible"]) {
        TableKind::Milestone
    } else if has(&[
        "statut",
        "status",
        "état",
        "state",
        "% complet",
        "avancement",
        "progress",
        "done",
    ]) {
        TableKind::Status
    } else {
        TableKind::Other
    }
}
