//! Areas: the health a report gives each area of its project.
//!
//! A steering committee's *météo par chantier* (`| Chantier | Météo | … |`
//! over ☀️ ⛅ 🌧️), a status report's `| Axe | Statut | Commentaire |` over
//! 🟢 🟠 🔴, a programme's `| Workstream | Schedule | Budget | Scope |
//! Overall |`: each row names an area of the project (a workstream, or an
//! axis such as budget or schedule) and the health the document gives it.
//! Such rows are not work (the section reader leaves a health table's rows
//! out of the items), so before this reader a red workstream showed only
//! in the source view.

use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashSet;

use super::as_of::health_mark_at_start;
use super::folding::{fold, words, WordList};
use super::outline::{Block, Outline, OutlineSection, Table};
use super::tables::{self, classify, folded_header, Column, TableKind};
use super::vocabulary::Vocabulary;
use crate::model::{Area, Health};

/// Headers of columns whose RAG colours rank something other than an
/// area's health: a backlog's priority, a risk's impact.
const NOT_HEALTH_HEADER_WORDS: &[&str] = &[
    "priorite",
    "priority",
    "prio",
    "impact",
    "probabilite",
    "probability",
    "severite",
    "severity",
    "criticite",
    "criticality",
    "gravite",
    "urgence",
    "urgency",
    "niveau",
    "level",
];

/// Headers of the column that gives an area's health as a whole when a
/// table has several (`Overall` beside `Schedule`, `Budget`, `Scope`).
const OVERALL_HEADER_WORDS: &[&str] = &[
    "overall", "global", "globale", "general", "generale", "meteo", "weather", "rag", "health",
    "sante", "statut", "status", "etat", "state",
];

/// Headers under which a colour written as a word (`Green`, `Rouge`) is a
/// health, not a colour of something else.
const HEALTH_HEADER_WORDS: &[&str] = &[
    "rag",
    "health",
    "sante",
    "meteo",
    "weather",
    "statut",
    "status",
    "etat",
    "state",
    "overall",
    "global",
    "schedule",
    "planning",
    "delai",
    "delais",
    "budget",
    "cost",
    "costs",
    "cout",
    "couts",
    "scope",
    "perimetre",
    "resources",
    "ressources",
    "staffing",
    "quality",
    "qualite",
];

/// Words of a heading over a report's health by area (`Health by area`,
/// `Météo par axe`, `RAG status`), folded. `RAG` alone is as often a
/// retrieval pipeline.
const HEALTH_HEADING_WORDS: &[&str] = &[
    "health",
    "sante",
    "meteo",
    "weather",
    "rag status",
    "rag rating",
    "statut rag",
];

/// Headings about a service's health, which is software, not a report's
/// rating (`### Health checks`).
const HEALTH_CHECK_WORDS: &[&str] = &["health check", "health checks", "health endpoint"];

/// Words of a label that speaks for the whole project (its declared
/// health, read with the as-of date), not for an area.
const WHOLE_PROJECT_WORDS: &[&str] = &[
    "overall", "global", "globale", "general", "generale", "projet", "project",
];

/// A label names an area in at most this many words (`Conduite du
/// changement`); a longer one is a sentence.
const MAX_LABEL_WORDS: usize = 6;

static NOT_HEALTH_HEADERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::of(NOT_HEALTH_HEADER_WORDS));
static OVERALL_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(OVERALL_HEADER_WORDS));
static HEALTH_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(HEALTH_HEADER_WORDS));

/// The areas of a document, and the lines of the list entries that rated
/// them: those entries say how an area goes, they are no tasks.
#[derive(Debug, Default)]
pub struct Areas {
    pub areas: Vec<Area>,
    pub entry_lines: FxHashSet<usize>,
}

/// Every area of the document `source`, in document order, outside its
/// risk sections (`risk_sections`: every section, with whether it is
/// one): a table under a risk heading rates risks, not areas.
/// `overall_line` is the line of the document's own health (`Overall: 🟡
/// at risk`): a list right after it breaks that health down by area, as a
/// list under a health heading does (a weekly update's `- 🟢 **Backend**:
/// on track`, `- 🔴 **QA**: blocked, no test cards`).
pub fn read(
    outline: &Outline,
    vocabulary: &Vocabulary,
    risk_sections: &[(&OutlineSection, bool)],
    source: &str,
    overall_line: Option<usize>,
) -> Areas {
    let mut found = Areas::default();
    // Made once, for the first area: most documents have none.
    let mut shared: Option<Arc<str>> = None;
    let preamble = std::iter::once((&outline.preamble, None));
    let sections = (risk_sections.iter())
        .filter(|(_, risky)| !risky)
        .map(|(section, _)| (&section.blocks, Some(*section)));
    for (blocks, section) in preamble.chain(sections) {
        // Asked once a section, and only of one that has lines to rate.
        let mut under_health = None;
        let mut after_overall = false;
        for block in blocks {
            let source = || shared.get_or_insert_with(|| Arc::from(source)).clone();
            let breaks_down = std::mem::take(&mut after_overall) && matches!(block, Block::List(_));
            match block {
                Block::Table(table) if may_rate(table) => {
                    found.areas.extend(table_areas(table, vocabulary, source));
                }
                Block::List(_) | Block::Paragraph(_)
                    if breaks_down
                        || *under_health
                            .get_or_insert_with(|| section.is_some_and(names_health)) =>
                {
                    lines_areas(block, vocabulary, source, &mut found);
                }
                _ => {}
            }
            if let (Block::Paragraph(lines), Some(overall)) = (block, overall_line) {
                after_overall = lines.iter().any(|line| line.line == overall);
            }
        }
    }
    found
}

/// Whether a section's heading is over the health of the project's areas.
fn names_health(section: &OutlineSection) -> bool {
    static WORDS: LazyLock<WordList> = LazyLock::new(|| WordList::of(HEALTH_HEADING_WORDS));
    static CHECKS: LazyLock<WordList> = LazyLock::new(|| WordList::of(HEALTH_CHECK_WORDS));
    WORDS.any(&section.folded) && !CHECKS.any(&section.folded)
}

/// The areas of a list's entries or a paragraph's lines under a health
/// heading: `- **Schedule:** 🟠 two weeks late`, `- 🔴 Scope — new tax
/// rules`, `**Budget :** Green`.
fn lines_areas(
    block: &Block,
    vocabulary: &Vocabulary,
    mut source: impl FnMut() -> Arc<str>,
    found: &mut Areas,
) {
    let (lines, entries): (Vec<(&str, usize)>, bool) = match block {
        Block::List(entries) => (
            (entries.iter())
                .map(|entry| (entry.first_line(), entry.line))
                .collect(),
            true,
        ),
        Block::Paragraph(lines) => (
            lines.iter().map(|l| (l.text.as_str(), l.line)).collect(),
            false,
        ),
        _ => (Vec::new(), false),
    };
    for (text, line) in lines {
        let Some((name, health, note)) = line_area(text, vocabulary) else {
            continue;
        };
        found.areas.push(Area {
            name,
            health,
            note,
            source: source(),
            line,
        });
        if entries {
            found.entry_lines.insert(line);
        }
    }
}

/// The area a line rates: `Label: <mark or colour word> note`, or `<mark>
/// Label: note` (or `— note`). A label of the whole project (`Overall`,
/// `Statut global`) is its declared health, not an area.
fn line_area(text: &str, vocabulary: &Vocabulary) -> Option<(String, Health, Option<String>)> {
    let text = text.trim();
    if vocabulary.legend_status(text).is_some() {
        return None;
    }
    // `🔴 **QA**: blocked, no test cards`: the mark rates the label its
    // colon ends, and what follows says why, status words or not.
    let mut labelled = false;
    let (name, health, note) = match health_mark_at_start(text) {
        Some((health, rest)) => {
            let (name, note) = split_off_note(rest);
            labelled = note.starts_with(':');
            (name, health, note)
        }
        None => {
            let (name, value) = text.split_once(':')?;
            let value = value.trim_start_matches(['*', '_', ' ']);
            match health_mark_at_start(value) {
                Some((health, rest)) => (name, health, rest),
                None => {
                    let (word, rest) = split_off_note(value);
                    (name, rag_word(word)?, rest)
                }
            }
        }
    };
    let name = name.trim_matches(['*', '_', ' ', ':']);
    let length = name.split_whitespace().count();
    let whole_project = words(&fold(name)).any(|word| WHOLE_PROJECT_WORDS.contains(&word));
    if !(1..=MAX_LABEL_WORDS).contains(&length) || whole_project {
        return None;
    }
    let note = note.trim_matches(['*', '_', ' ', '—', '–', '-', ':']);
    // `Team : 🟡 En cours` and `🟡 Recette — En cours` say a task's
    // status, not an area's health.
    if !labelled && vocabulary.phrase_at_start(note).is_some() {
        return None;
    }
    let note = (!note.is_empty() && rag_word(note).is_none()).then(|| note.to_string());
    Some((name.to_string(), health, note))
}

/// `Scope — new tax rules` as `Scope` and its note, split at the first
/// colon or dash between words (none: the whole is the label).
fn split_off_note(text: &str) -> (&str, &str) {
    [":", " — ", " – ", " - ", " ("]
        .iter()
        .filter_map(|separator| text.find(separator))
        .min()
        .map_or((text, ""), |at| (&text[..at], &text[at..]))
}

/// Whether a cell of `table` could give a health: most tables hold none.
fn may_rate(table: &Table) -> bool {
    (table.rows.iter().flat_map(|row| &row.cells)).any(|cell| may_be_health(cell))
}

/// The areas of one table: none unless a column gives every row a health
/// and another names the rows.
fn table_areas(
    table: &Table,
    vocabulary: &Vocabulary,
    mut source: impl FnMut() -> Arc<str>,
) -> Vec<Area> {
    if matches!(
        classify(table, false),
        TableKind::Risk | TableKind::Milestone
    ) {
        return Vec::new();
    }
    let health_columns: Vec<usize> = (0..table.header.len())
        .filter(|&index| is_health_column(table, index, vocabulary))
        .collect();
    let Some(&first) = health_columns.first() else {
        return Vec::new();
    };
    // The area is the first column of words (`Category`, which names no
    // work item, names an area here); the note the next one that holds
    // words: a trend's arrows (`| Tendance |` of `→`, `↘`) are none.
    let roles = tables::columns(table);
    let mut words = (0..roles.len())
        .filter(|&i| matches!(roles[i], Column::Text | Column::Attribute))
        .filter(|i| !health_columns.contains(i));
    let Some(name) = words.next() else {
        return Vec::new();
    };
    let note = words.find(|&i| {
        (table.rows.iter())
            .any(|row| (row.cells.get(i)).is_some_and(|c| c.chars().any(char::is_alphanumeric)))
    });
    let overall = overall_column(table, &health_columns);
    let mut areas = Vec::new();
    for row in &table.rows {
        let cell = |index: usize| row.cells.get(index).map(|c| c.trim()).unwrap_or("");
        let name = cell(name);
        if name.is_empty() {
            continue;
        }
        let health = match overall {
            Some(column) if is_not_rated(cell(column)) => Some(Health::Unknown),
            Some(column) => health_of_cell(cell(column), table, column),
            // No column says the whole: the worst of the row's.
            None => (health_columns.iter())
                .filter_map(|&column| health_of_cell(cell(column), table, column))
                .max_by_key(|health| health.concern())
                .or_else(|| {
                    let mut cells = health_columns.iter().map(|&c| cell(c));
                    cells.any(is_not_rated).then_some(Health::Unknown)
                }),
        };
        let Some((health, said)) = health.map(|h| (h, cell(overall.unwrap_or(first)))) else {
            continue;
        };
        let comment = note.map(cell).filter(|c| !c.is_empty());
        let after_mark = health_mark_at_start(said).map(|(_, rest)| rest.trim());
        let note =
            comment.or(after_mark.filter(|rest| !rest.is_empty() && rag_word(rest).is_none()));
        areas.push(Area {
            name: name.trim_matches(['*', '_', ' ']).to_string(),
            health,
            note: note.map(str::to_string),
            source: source(),
            line: row.line,
        });
    }
    areas
}

/// Whether a cell could hold a health: a RAG mark or the weather first, or
/// a colour word alone. Every cell of every table is asked.
fn may_be_health(cell: &str) -> bool {
    let Some(start) = cell.bytes().position(|b| !matches!(b, b'*' | b'_' | b' ')) else {
        return false;
    };
    let cell = &cell[start..];
    match cell.as_bytes()[0] {
        // The first byte of every mark's UTF-8 (U+2600-U+26FF, U+1F300 on).
        0xE2 | 0xF0 => health_mark_at_start(cell).is_some(),
        // `off track**`, the longest colour word with its markup.
        _ => cell.len() <= 13 && rag_word(cell).is_some(),
    }
}

/// The health `text` names when it is only a RAG colour word, its markup
/// aside ([`Health::of_colour_word`]).
fn rag_word(text: &str) -> Option<Health> {
    Health::of_colour_word(text.trim_matches(['*', '_', ' ', '.']))
}

/// The health a cell of health column `column` gives: its mark, or its
/// colour word under a health header.
fn health_of_cell(cell: &str, table: &Table, column: usize) -> Option<Health> {
    let cell = cell.trim_matches(['*', '_', ' ']);
    match health_mark_at_start(cell) {
        Some((health, _)) => Some(health),
        None if has_health_header(table, column) => rag_word(cell),
        None => None,
    }
}

/// The marks of an area the report does not rate yet: a white or black
/// circle beside the coloured ones (`| Paie | 0 % | ⚪ | Démarrage en
/// janvier |`). The area is listed, its health unknown.
const NOT_RATED_MARKS: &[char] = &['⚪', '⚫'];

/// Whether `cell` starts with a not-rated mark ([`NOT_RATED_MARKS`]).
fn is_not_rated(cell: &str) -> bool {
    cell.trim_start().starts_with(NOT_RATED_MARKS)
}

fn has_health_header(table: &Table, column: usize) -> bool {
    (folded_header(table).get(column)).is_some_and(|header| HEALTH_HEADERS.any(header))
}

/// Whether every filled cell of column `index` is a health: a RAG mark or
/// the weather, followed by no status word (`🟡 En cours` is an item's
/// status, `🟠 Vigilance` a health), or a colour word under a health
/// header; and one at least is green or red or the weather, or the header
/// says health (🟡 alone is work in progress in §3's table).
fn is_health_column(table: &Table, index: usize, vocabulary: &Vocabulary) -> bool {
    // The cells first: most columns fail at their first filled cell, and
    // a header is folded and searched only for a column that passes.
    let mut filled = 0;
    let mut telling = false;
    for row in &table.rows {
        let cell = row
            .cells
            .get(index)
            .map(|c| c.trim_matches(['*', '_', ' ']));
        let Some(cell) = cell.filter(|c| !c.is_empty()) else {
            continue;
        };
        filled += 1;
        match health_mark_at_start(cell) {
            Some((health, rest)) => {
                // The document's legend makes its marks statuses.
                let defined = vocabulary.legend_status(cell).is_some();
                if defined || vocabulary.phrase_at_start(rest).is_some() {
                    return false;
                }
                let circle = vocabulary.undefined_circle_at_start(cell).is_some();
                telling |= !circle || matches!(health, Health::Green | Health::Red);
            }
            None if rag_word(cell).is_some() || is_not_rated(cell) => {}
            None => return false,
        }
    }
    let header = folded_header(table).get(index).map(String::as_str);
    if filled == 0 || header.is_some_and(|h| NOT_HEALTH_HEADERS.any(h)) {
        return false;
    }
    // Colour words alone (no mark makes `telling`) say health only under a
    // header that says so.
    telling || has_health_header(table, index)
}

/// Of several health columns, the one that says the whole: its header
/// says overall or health (`Overall`, `Météo`, `RAG`), else none.
fn overall_column(table: &Table, health_columns: &[usize]) -> Option<usize> {
    if let [only] = health_columns {
        return Some(*only);
    }
    let headers = folded_header(table);
    (health_columns.iter().copied())
        .find(|&index| (headers.get(index)).is_some_and(|h| OVERALL_HEADERS.any(h)))
}

#[cfg(test)]
mod tests {
    use super::super::risks::risk_context;
    use super::*;
    use crate::config::VocabularyConfig;

    fn areas(markdown: &str) -> Vec<(String, Health, Option<String>)> {
        areas_after(markdown, None).areas
    }

    /// The areas of `markdown` and the lines of the entries that rated
    /// them, its own health stated on line `overall_line`.
    fn areas_after(markdown: &str, overall_line: Option<usize>) -> Read {
        let outline = Outline::parse(markdown);
        let portal = Vocabulary::new(&VocabularyConfig::default());
        let words = super::super::sections::DocumentVocabulary::new(&outline, &portal);
        let read = read(
            &outline,
            &words.vocabulary,
            &risk_context(&outline),
            "report.md",
            overall_line,
        );
        let mut lines: Vec<usize> = read.entry_lines.into_iter().collect();
        lines.sort_unstable();
        let areas = (read.areas.into_iter())
            .map(|area| (area.name, area.health, area.note))
            .collect();
        Read { areas, lines }
    }

    struct Read {
        areas: Vec<(String, Health, Option<String>)>,
        lines: Vec<usize>,
    }

    /// A weekly update's own health, then a list that breaks it down by
    /// area: each entry rates its area, whatever words say why (`blocked`,
    /// `done`), and is no task. The same list without that line before it,
    /// or a paragraph after the line, rates nothing.
    #[test]
    fn a_list_after_the_overall_health_breaks_it_down() {
        let update = "# Checkout revamp — weekly update\n\nOverall: 🟡 at risk\n\n\
            - 🟢 **Backend**: on track, refunds API merged\n\
            - 🟡 **Frontend**: 2 days behind on the address form\n\
            - 🔴 **QA**: blocked, no test cards\n- 🟢 **Design**: done\n";
        let read = areas_after(update, Some(3));
        assert_eq!(
            read.areas,
            vec![
                area(
                    "Backend",
                    Health::Green,
                    Some("on track, refunds API merged")
                ),
                area(
                    "Frontend",
                    Health::Amber,
                    Some("2 days behind on the address form")
                ),
                area("QA", Health::Red, Some("blocked, no test cards")),
                area("Design", Health::Green, Some("done")),
            ]
        );
        assert_eq!(read.lines, [5, 6, 7, 8]);
        assert!(areas_after(update, None).areas.is_empty());
        let prose = "# U\n\nOverall: 🟡 at risk\n\n🟢 Backend: fine\n";
        assert!(areas_after(prose, Some(3)).areas.is_empty());
    }

    fn area(name: &str, health: Health, note: Option<&str>) -> (String, Health, Option<String>) {
        (name.to_string(), health, note.map(str::to_string))
    }

    #[test]
    fn a_steering_committees_weather_by_workstream() {
        let found = areas(
            "## Météo par chantier\n\n| Chantier | Météo | Avancement | Commentaire |\n|---|---|---|---|\n| Socle technique | ☀️ | 90 % | RAS |\n| Migration des données | 🌧️ | 40 % | Retard fournisseur |\n| Conduite du changement | ⛅ | 60 % | |\n",
        );
        assert_eq!(
            found,
            vec![
                area("Socle technique", Health::Green, Some("RAS")),
                area(
                    "Migration des données",
                    Health::Red,
                    Some("Retard fournisseur")
                ),
                area("Conduite du changement", Health::Amber, None),
            ]
        );
    }

    /// A project sheet's weather by axis with its trend: the note is the
    /// comment, not the trend's arrow.
    #[test]
    fn a_trends_arrows_are_no_note() {
        let found = areas(
            "## Météo par axe\n\n| Axe | Météo | Tendance | Commentaire |\n|---|---|---|---|\n| Délais | ☀️ | → | Jalons tenus |\n| Ressources | 🌧️ | ↘ | Départ du lead dev |\n| Périmètre | ☀️ | → | |\n",
        );
        assert_eq!(
            found,
            vec![
                area("Délais", Health::Green, Some("Jalons tenus")),
                area("Ressources", Health::Red, Some("Départ du lead dev")),
                area("Périmètre", Health::Green, None),
            ]
        );
    }

    /// A lot the report does not rate yet (⚪) is an area of unknown
    /// health; it does not stop its neighbours being read.
    #[test]
    fn a_white_circle_is_an_area_not_rated_yet() {
        let found = areas(
            "## 1. Avancement\n\n| Lot | Avancement | Statut | Commentaire |\n|---|---|---|---|\n| Finance | 85 % | 🟢 | Recette en cours |\n| Stocks | 30 % | 🔴 | Données non fiables |\n| Paie | 0 % | ⚪ | Démarrage en janvier |\n",
        );
        assert_eq!(
            found,
            vec![
                area("Finance", Health::Green, Some("Recette en cours")),
                area("Stocks", Health::Red, Some("Données non fiables")),
                area("Paie", Health::Unknown, Some("Démarrage en janvier")),
            ]
        );
        // White circles alone rate nothing.
        let unrated = "| Lot | Statut |\n|---|---|\n| Paie | ⚪ |\n| Achats | ⚫ |\n";
        assert_eq!(areas(unrated), vec![]);
    }

    #[test]
    fn a_reports_axes_with_their_circles() {
        let found = areas(
            "| Axe | Statut | Commentaire |\n|---|---|---|\n| **Planning** | 🟠 | Recette décalée d'une semaine |\n| Budget | 🟢 | |\n| Périmètre | 🔴 Hors cadrage | |\n",
        );
        assert_eq!(
            found,
            vec![
                area(
                    "Planning",
                    Health::Amber,
                    Some("Recette décalée d'une semaine")
                ),
                area("Budget", Health::Green, None),
                area("Périmètre", Health::Red, Some("Hors cadrage")),
            ]
        );
        // `Category` names no work item, but it names the areas here.
        let by_category = areas(
            "| Category | Status | Notes |\n|---|---|---|\n| Budget | 🔴 | CMS licence +18% |\n| Resources | 🟢 | |\n",
        );
        assert_eq!(
            by_category,
            vec![
                area("Budget", Health::Red, Some("CMS licence +18%")),
                area("Resources", Health::Green, None),
            ]
        );
    }

    /// Several health columns: the overall one says the row's health; with
    /// none, the worst does.
    #[test]
    fn a_workstream_table_takes_its_overall_column_else_the_worst() {
        let with_overall = areas(
            "| Workstream | Schedule | Budget | Scope | Overall |\n|---|---|---|---|---|\n| Data | 🟢 | 🔴 | 🟢 | 🟠 |\n| Apps | Green | Green | Amber | Green |\n",
        );
        assert_eq!(
            with_overall,
            vec![
                area("Data", Health::Amber, None),
                area("Apps", Health::Green, None),
            ]
        );
        let without = areas(
            "| Workstream | Schedule | Budget | Notes |\n|---|---|---|---|\n| Data | 🟢 | 🔴 | Vendor late |\n",
        );
        assert_eq!(
            without,
            vec![area("Data", Health::Red, Some("Vendor late"))]
        );
    }

    /// Item tables keep their rows as work: a status column of circles
    /// followed by status words, a priority column of circles, a column of
    /// 🟡 alone.
    #[test]
    fn work_and_priorities_are_no_areas() {
        assert!(areas(
            "| Tâche | Statut |\n|---|---|\n| API | 🟢 Terminé |\n| UI | 🟡 En cours |\n"
        )
        .is_empty());
        assert!(areas("| Tâche | Priorité | Statut |\n|---|---|---|\n| API | 🔴 | À faire |\n| UI | 🟢 | Fait |\n").is_empty());
        assert!(areas("| Tâche | Avancement |\n|---|---|\n| API | 🟡 |\n").is_empty());
        assert!(areas("| Couleur | Code |\n|---|---|\n| Red | #f00 |\n").is_empty());
    }

    /// Under a heading about health, a list or lines rate areas: a label
    /// and a mark or colour word, or a mark and a label. The whole
    /// project's line is its declared health; a service's health checks,
    /// a legend and a task's status are no areas.
    #[test]
    fn lines_under_a_health_heading_rate_areas() {
        let found = areas(
            "## Health by area\n\n**Overall:** 🟡\n\n- **Schedule:** 🟠 two weeks late\n- Budget: Green\n- 🔴 Scope — new tax rules\n- Team : 🟡 En cours\n- The vendor said on Monday that the API would be late: 🔴\n\n## Météo\n\n**Ressources :** 🌧️ départ non remplacé\n",
        );
        assert_eq!(
            found,
            vec![
                area("Schedule", Health::Amber, Some("two weeks late")),
                area("Budget", Health::Green, None),
                area("Scope", Health::Red, Some("new tax rules")),
                area("Ressources", Health::Red, Some("départ non remplacé")),
            ]
        );
        assert!(areas("## Health checks\n\n- /healthz: 🟢 up\n").is_empty());
        assert!(areas("## Tasks\n\n- Budget: 🟢\n").is_empty());
    }

    /// A risk table's circles rank risks, and a legend's circles are
    /// statuses.
    #[test]
    fn risks_and_legends_are_no_areas() {
        assert!(
            areas("## Risques\n\n| Sujet | Niveau |\n|---|---|\n| Fournisseur | 🔴 |\n").is_empty()
        );
        assert!(areas("| Risk | Rating |\n|---|---|\n| Vendor | 🔴 |\n").is_empty());
        let legend = "**Legend:** 🟢 Completed | 🔵 In Progress\n\n| Sprint | State |\n|---|---|\n| One | 🟢 |\n";
        assert!(areas(legend).is_empty());
    }
}
