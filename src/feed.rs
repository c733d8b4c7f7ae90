//! `changes.json` and the Atom feed `feed.xml`: one entry per snapshot (and
//! one for "now", since the last snapshot), each listing what changed.

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Language;
use crate::history::{self, Change, History};
use crate::i18n::Strings;
use crate::model::{Health, PortfolioStatus, Status};
use crate::render::escape;

/// One period of the history: what changed from `previous` to `label`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The snapshot's label, or `"now"` for the current build.
    pub label: String,
    pub as_of: NaiveDate,
    pub previous: Option<String>,
    pub changes: Vec<Change>,
}

/// `changes.json`: every entry, newest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeLog {
    pub schema: u32,
    pub entries: Vec<Entry>,
}

/// The entries of the history, newest first: each snapshot against the one
/// before it, then the current build against the last snapshot.
pub fn change_log(history: &History, current: &PortfolioStatus) -> ChangeLog {
    let mut entries = Vec::new();
    let mut previous: Option<(&str, &PortfolioStatus)> = None;
    for snapshot in &history.snapshots {
        if let Some((label, before)) = previous {
            entries.push(Entry {
                label: snapshot.label.clone(),
                as_of: snapshot.status.as_of,
                previous: Some(label.to_string()),
                changes: history::diff(before, &snapshot.status),
            });
        }
        previous = Some((&snapshot.label, &snapshot.status));
    }
    if let Some((label, before)) = previous {
        entries.push(Entry {
            label: "now".to_string(),
            as_of: current.as_of,
            previous: Some(label.to_string()),
            changes: history::diff(before, current),
        });
    }
    entries.reverse();
    ChangeLog { schema: 1, entries }
}

/// The change log as pretty JSON with a final newline.
pub fn changes_json(log: &ChangeLog) -> String {
    serde_json::to_string_pretty(log).unwrap_or_else(|_| "{}".to_string()) + "\n"
}

/// One line of plain English per change.
pub fn describe(change: &Change) -> String {
    describe_in(change, Language::En)
}

/// One line per change, in `language`: a sentence of `i18n/strings.toml`
/// (`feed_*`) with the change's names, and its statuses and healths in
/// the language's words (`en cours`, `rojo`).
pub fn describe_in(change: &Change, language: Language) -> String {
    let t = Strings::new(language);
    let status = |status: &Status| t.status_word(Some(*status));
    let health = |health: &Health| t.health_word(*health);
    match change {
        Change::ProjectAdded { project } => t.fill("feed_project_added", &[project]),
        Change::ProjectRemoved { project } => t.fill("feed_project_removed", &[project]),
        Change::HealthChanged { project, from, to } => {
            t.fill("feed_health_changed", &[project, health(from), health(to)])
        }
        Change::ItemStatusChanged {
            project,
            item,
            from,
            to,
            ..
        } => t.fill(
            "feed_item_status_changed",
            &[project, item, status(from), status(to)],
        ),
        Change::ItemAdded {
            project,
            item,
            status: added,
            ..
        } => t.fill("feed_item_added", &[project, item, status(added)]),
        Change::ItemRemoved { project, item, .. } => t.fill("feed_item_removed", &[project, item]),
        Change::ItemRenamed {
            project,
            id,
            from,
            to,
        } => t.fill("feed_item_renamed", &[project, id, from, to]),
        Change::MilestoneSlipped {
            project,
            milestone,
            from,
            to,
            days,
        } => {
            let key = if *days >= 0 {
                "feed_milestone_slipped"
            } else {
                "feed_milestone_earlier"
            };
            let (days, from, to) = (days.abs().to_string(), from.to_string(), to.to_string());
            t.fill(key, &[project, milestone, &days, &from, &to])
        }
        Change::RiskOpened { project, risk } => t.fill("feed_risk_opened", &[project, risk]),
        Change::RiskClosed { project, risk } => t.fill("feed_risk_closed", &[project, risk]),
        Change::AreaHealthChanged {
            project,
            area,
            from,
            to,
        } => t.fill(
            "feed_area_health_changed",
            &[project, area, health(from), health(to)],
        ),
    }
}

/// The Atom feed: one entry per snapshot period. Atom wants absolute ids;
/// with `base_url` they are the snapshot's URL, else a `urn:` of the label.
pub fn atom(log: &ChangeLog, title: &str, base_url: Option<&str>) -> String {
    let base = base_url.map(|b| format!("{}/", b.trim_end_matches('/')));
    let feed_id = match &base {
        Some(base) => format!("{base}feed.xml"),
        None => format!(
            "urn:sitrep:{}",
            crate::history::normalise(title).replace(' ', "-")
        ),
    };
    let updated = log
        .entries
        .first()
        .map(|e| e.as_of)
        .unwrap_or(NaiveDate::MIN);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str(&format!("  <title>{}</title>\n", escape(title)));
    xml.push_str(&format!("  <id>{}</id>\n", escape(&feed_id)));
    xml.push_str(&format!("  <updated>{updated}T00:00:00Z</updated>\n"));
    xml.push_str("  <author><name>sitrep</name></author>\n");
    if let Some(base) = &base {
        xml.push_str(&format!("  <link href=\"{}\"/>\n", escape(base)));
    }
    for entry in &log.entries {
        let id = match (&base, entry.label.as_str()) {
            (Some(base), "now") => format!("{base}#changes-{}", entry.as_of),
            (Some(base), label) => format!("{base}snapshots/{label}/"),
            (None, label) => format!("{feed_id}:{label}:{}", entry.as_of),
        };
        let heading = match entry.label.as_str() {
            "now" => format!("Changes since {}", entry.previous.as_deref().unwrap_or("")),
            label => format!("Snapshot {label}"),
        };
        xml.push_str("  <entry>\n");
        xml.push_str(&format!(
            "    <title>{}: {} change(s)</title>\n",
            escape(&heading),
            entry.changes.len()
        ));
        xml.push_str(&format!("    <id>{}</id>\n", escape(&id)));
        xml.push_str(&format!(
            "    <updated>{}T00:00:00Z</updated>\n",
            entry.as_of
        ));
        let lines: Vec<String> = entry.changes.iter().map(describe).collect();
        let summary = if lines.is_empty() {
            "No change.".to_string()
        } else {
            lines.join("\n")
        };
        xml.push_str(&format!(
            "    <content type=\"text\">{}</content>\n",
            escape(&summary)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A change line in the page's language, its statuses and healths in
    /// that language's words; the Atom feed's plain English says a status
    /// as a reader would (`in progress`).
    #[test]
    fn change_lines_speak_the_page_language() {
        let ticked = Change::ItemStatusChanged {
            project: "Web".into(),
            item: "Export".into(),
            id: None,
            from: Status::InProgress,
            to: Status::Done,
        };
        assert_eq!(describe(&ticked), "Web: “Export” in progress → done");
        assert_eq!(
            describe_in(&ticked, Language::De),
            "Web: „Export“ in Arbeit → erledigt"
        );
        let earlier = Change::MilestoneSlipped {
            project: "Web".into(),
            milestone: "Beta".into(),
            from: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            days: -7,
        };
        assert_eq!(
            describe_in(&earlier, Language::Es),
            "Web: hito «Beta» adelantado 7 días (2026-03-10 → 2026-03-03)"
        );
        let health = Change::HealthChanged {
            project: "Web".into(),
            from: Health::Green,
            to: Health::Amber,
        };
        assert_eq!(
            describe_in(&health, Language::It),
            "Web: salute verde → giallo"
        );
        assert_eq!(
            describe_in(&health, Language::Fr),
            "Web : santé vert → orange"
        );
    }
}
