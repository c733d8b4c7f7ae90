//! `changes.json` and the Atom feed `feed.xml`: one entry per snapshot (and
//! one for "now", since the last snapshot), each listing what changed.

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Language;
use crate::history::{self, Change, History};
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

/// One line per change, in `language` (English or French).
pub fn describe_in(change: &Change, language: Language) -> String {
    let fr = language == Language::Fr;
    match change {
        Change::ProjectAdded { project } if fr => format!("{project} : nouveau projet"),
        Change::ProjectAdded { project } => format!("{project}: new project"),
        Change::ProjectRemoved { project } if fr => format!("{project} : projet retiré"),
        Change::ProjectRemoved { project } => format!("{project}: project removed"),
        Change::HealthChanged { project, from, to } if fr => {
            format!(
                "{project} : santé {} → {}",
                health_fr(*from),
                health_fr(*to)
            )
        }
        Change::HealthChanged { project, from, to } => {
            format!("{project}: health {} → {}", from.as_str(), to.as_str())
        }
        Change::ItemStatusChanged {
            project,
            item,
            from,
            to,
            ..
        } if fr => format!(
            "{project} : « {item} » {} → {}",
            status_fr(*from),
            status_fr(*to)
        ),
        Change::ItemStatusChanged {
            project,
            item,
            from,
            to,
            ..
        } => format!("{project}: “{item}” {} → {}", from.as_str(), to.as_str()),
        Change::ItemAdded {
            project,
            item,
            status,
            ..
        } if fr => format!(
            "{project} : nouvelle tâche « {item} » ({})",
            status_fr(*status)
        ),
        Change::ItemAdded {
            project,
            item,
            status,
            ..
        } => format!("{project}: new item “{item}” ({})", status.as_str()),
        Change::ItemRemoved { project, item, .. } if fr => {
            format!("{project} : tâche retirée « {item} »")
        }
        Change::ItemRemoved { project, item, .. } => format!("{project}: item removed “{item}”"),
        Change::ItemRenamed {
            project,
            id,
            from,
            to,
        } if fr => format!("{project} : {id} renommée « {from} » → « {to} »"),
        Change::ItemRenamed {
            project,
            id,
            from,
            to,
        } => format!("{project}: {id} renamed “{from}” → “{to}”"),
        Change::MilestoneSlipped {
            project,
            milestone,
            from,
            to,
            days,
        } => {
            let (verb, unit) = match (fr, *days >= 0) {
                (true, true) => ("décalé de", "jours"),
                (true, false) => ("avancé de", "jours"),
                (false, true) => ("slipped by", "days"),
                (false, false) => ("moved earlier by", "days"),
            };
            let (open, close, sep) = if fr {
                ("« ", " »", " : jalon")
            } else {
                ("“", "”", ": milestone")
            };
            format!(
                "{project}{sep} {open}{milestone}{close} {verb} {} {unit} ({from} → {to})",
                days.abs()
            )
        }
        Change::RiskOpened { project, risk } if fr => {
            format!("{project} : risque ouvert « {risk} »")
        }
        Change::RiskOpened { project, risk } => format!("{project}: risk opened “{risk}”"),
        Change::RiskClosed { project, risk } if fr => format!("{project} : risque clos « {risk} »"),
        Change::RiskClosed { project, risk } => format!("{project}: risk closed “{risk}”"),
        Change::AreaHealthChanged {
            project,
            area,
            from,
            to,
        } if fr => format!(
            "{project} : axe « {area} » {} → {}",
            health_fr(*from),
            health_fr(*to)
        ),
        Change::AreaHealthChanged {
            project,
            area,
            from,
            to,
        } => format!(
            "{project}: area “{area}” {} → {}",
            from.as_str(),
            to.as_str()
        ),
    }
}

fn status_fr(status: Status) -> &'static str {
    match status {
        Status::Done => "fait",
        Status::InProgress => "en cours",
        Status::Todo => "à faire",
        Status::Blocked => "bloqué",
        Status::Cancelled => "annulé",
    }
}

fn health_fr(health: Health) -> &'static str {
    match health {
        Health::Done => "terminé",
        Health::Green => "vert",
        Health::Amber => "orange",
        Health::Red => "rouge",
        Health::Unknown => "inconnu",
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
