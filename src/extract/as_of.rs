//! When the document says it was last true (`as_of`), when the project
//! started and who owns it, the health it claims for itself
//! (`declared_health`), and date placeholders left from a template
//! (`EXTRACTION.md` §2 and §7).
//!
//! Read first, because the as-of date is the reference year of every date
//! written without one (seed `003_…` says `**Date**: 2 février 2026`, and
//! its milestone table then says `5 feb`).

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Duration, NaiveDate};

use super::dates::{self, ParsedDate};
use super::folding::{fold, folded_words, words, Prefixes, WordList};
use super::outline::{Block, ListEntry, Outline, OutlineSection, TextLine};
use super::people::names_no_one_yet;
use super::Context;
use crate::ingest::Document;
use crate::messages;
use crate::model::{DatePrecision, Diagnostic, DocumentStatus, Health};

/// Labels of an as-of line, folded (lower case, no accents). The label is
/// the text before the date, so both `Dernière mise à jour : 10/01/2025`
/// and `Mis à jour le 3 mars 2026` match. `Date de création` is not one:
/// the day a document was created says nothing of when it was last true.
/// `Last activity` (corpus `16_…`) dates the document's last change as
/// well as `Updated` does.
const AS_OF_LABELS: &[&str] = &[
    "derniere mise a jour",
    "date de derniere mise a jour",
    "date de mise a jour",
    "mise a jour",
    "mis a jour",
    "mis a jour le",
    "maj",
    "last updated",
    "last updated on",
    "last update",
    "updated",
    "updated on",
    "date",
    "date du rapport",
    // A report said to be of a day (`Rapport du 30/11/2026 · …`).
    "rapport du",
    "report of",
    // Minutes and steering committees are true as of their meeting.
    "date du comite",
    "date du copil",
    "date de la reunion",
    "date de reunion",
    "date de la seance",
    "meeting date",
    "date of meeting",
    "report date",
    "status date",
    "as of",
    "as at",
    // A weekly report is dated by the last day of its week.
    "week ending",
    "week ended",
    "for the week ending",
    "period ending",
    "au",
    "last activity",
    // Notion's and Confluence's page properties.
    "last edited",
    "last edited time",
    "last modified",
    "derniere modification",
    "derniere activite",
    "ultima actividad",
    "stand",
    "fecha",
    "actualizado",
    "ultima actualizacion",
    // Italian.
    "ultimo aggiornamento",
    "aggiornato",
    "aggiornato al",
    "data",
    "data del report",
    "data di aggiornamento",
    // German.
    "aktualisiert",
    "aktualisiert am",
    "zuletzt aktualisiert",
    "letzte aktualisierung",
    "berichtsdatum",
    "datum",
];

/// Labels of the period a report covers (folded): it is true as of the
/// period's last day (`**Reporting period:** 1–30 November 2026`).
const PERIOD_LABELS: &[&str] = &[
    "reporting period",
    "report period",
    "period",
    "periode",
    "periode couverte",
    "periode du rapport",
    "periode de reporting",
    // A sprint review is true as of its sprint's last day.
    "sprint",
    "sprint dates",
    "dates du sprint",
    "iteration",
    // German, Spanish, Italian.
    "berichtszeitraum",
    "zeitraum",
    "periodo",
    "periodo del informe",
    "periodo di riferimento",
];

/// [`AS_OF_LABELS`] as prefixes of a line's first words.
static AS_OF_LABEL_STARTS: LazyLock<Prefixes> =
    LazyLock::new(|| Prefixes::new(&[AS_OF_LABELS, PERIOD_LABELS].concat()));

/// Labels of the line that says when the project started (folded):
/// corpus 15's `**Start Date**: 2025-11-05`, corpus 02's `Démarré le
/// 2026-04-03`. `Lancement` is not one: it is as often the launch, a
/// milestone.
const START_LABELS: &[&str] = &[
    "start date",
    "start",
    "started",
    "started on",
    "project start",
    "kick-off",
    "kickoff",
    "kick off",
    "date de debut",
    "debut",
    "debut du projet",
    "demarre le",
    "demarrage",
    "date de demarrage",
    "fecha de inicio",
    "inicio",
    "data di inizio",
    "data inizio",
    "inizio",
    "avvio",
];

/// Labels of the line that says when the project ends (folded): `**End
/// date:** 2026-06-30`, `Fin prévue : juin 2027` (its last day), a
/// project update's `**Target date:** Dec 15, 2026`. A `Deadline` or a
/// `Go-live` is a milestone, not the project's end.
const END_LABELS: &[&str] = &[
    "end date",
    "end",
    "ends",
    "project end",
    "planned end",
    "planned end date",
    "target end",
    "target end date",
    // A project's target date, as Linear and Jira name the day it
    // should be done (also a milestone).
    "target date",
    "date cible",
    // A burn-up's `**Target:** 2026-12-18` in a report's header.
    "target",
    "cible",
    // A Notion page's `Due` property, a brief's deadline: the day the
    // whole project is due, when a line of its header says so.
    "due",
    "due date",
    "deadline",
    "echeance",
    "date d'echeance",
    "date limite",
    "expected end",
    "date de fin",
    "date de fin prevue",
    "date prevue de fin",
    "fin",
    "fin prevue",
    "fin du projet",
    "fecha de fin",
    "data di fine",
    "data fine",
    "data di fine prevista",
    "fine prevista",
    "fine",
    // A release's page (Jira's version page, a release plan): its work
    // is due on the day it ships (also a milestone).
    "release date",
    "date de sortie",
];

/// Labels of the line that gives the project's whole span as a range of
/// dates (folded): corpus 17's `**Project Duration:** November 2025 -
/// June 2026`, a PI's `PI dates: 2026-10-05 to 2026-12-18`, `Dates du
/// projet : du 01/09/2026 au 31/03/2027`. Its first day is the project's
/// start, its last day its end, unless a line labels either on its own.
/// `Période` alone is the period a report covers ([`PERIOD_LABELS`]).
const SPAN_LABELS: &[&str] = &[
    "project duration",
    "duration",
    "project period",
    "project dates",
    "dates",
    "pi dates",
    "program dates",
    "programme dates",
    "project timeline",
    "timeline",
    "duree",
    "duree du projet",
    "periode du projet",
    "dates du projet",
    "calendrier du projet",
];

/// [`START_LABELS`], [`END_LABELS`] and [`SPAN_LABELS`] as prefixes of a
/// line's first words.
static SPAN_LABEL_STARTS: LazyLock<Prefixes> =
    LazyLock::new(|| Prefixes::new(&[START_LABELS, END_LABELS, SPAN_LABELS].concat()));

/// Labels of the line that names who owns the project (folded): `**Owner:**
/// @traviscross` (corpus 14), `Chef de projet : Claire Dupont`,
/// `Responsable : @marc`. Read only where a line speaks for the whole
/// project ([`speaks_for_project`]): a phase's or a risk's `Owner:` is
/// theirs, not the project's (corpus 15 and 17).
const OWNER_LABELS: &[&str] = &[
    "owner",
    "owners",
    "project owner",
    "project lead",
    "project manager",
    "pm",
    "program manager",
    "programme manager",
    "delivery manager",
    "delivery lead",
    // A Confluence page's owner, in its properties table.
    "document owner",
    // A release tracker's owner.
    "release manager",
    "release lead",
    "release captain",
    "release owner",
    "release driver",
    "lead",
    "dri",
    "chef de projet",
    "cheffe de projet",
    "chef du projet",
    "directeur de projet",
    "directrice de projet",
    "directeur de programme",
    "directrice de programme",
    "directeur du programme",
    "directrice du programme",
    "program director",
    "programme director",
    "responsable",
    "responsable projet",
    "responsable du projet",
    "porteur",
    "porteuse",
    "porteur du projet",
    "porteuse du projet",
    "pilote",
    "pilote du projet",
    "responsable del proyecto",
    "jefe de proyecto",
    "jefa de proyecto",
    "director del proyecto",
    "directora del proyecto",
    "gerente de proyecto",
    "capo progetto",
    "capoprogetto",
    "responsabile",
    "responsabile di progetto",
    "responsabile del progetto",
    "referente",
    "projektleitung",
    "projektleiter",
    "projektleiterin",
    "projektverantwortlich",
    "projektverantwortliche",
    "gerente de projeto",
    "gerente do projeto",
    "gerente de projetos",
    "lider do projeto",
    "lider de projeto",
    "coordenador do projeto",
    "coordenadora do projeto",
    "responsavel",
    "responsavel pelo projeto",
    // A building site's report: who runs the works for the builder.
    "conducteur de travaux",
    "conductrice de travaux",
    "chef de chantier",
    "cheffe de chantier",
];

/// [`OWNER_LABELS`] as prefixes of a line's first words.
static OWNER_LABEL_STARTS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(OWNER_LABELS));

/// Heading words of a section about who owns the project (corpus 14's `##
/// Ownership and team asks`), where an owner line is the project's.
const OWNERSHIP_HEADING_WORDS: &[&str] = &["ownership", "gouvernance", "governance"];

/// Labels of a project status line whose RAG colour is the health the
/// document claims (`**Statut global :** 🟢 …`).
const HEALTH_LABELS: &[&str] = &[
    "statut global",
    "statut general",
    "statut du projet",
    "statut projet",
    "etat global",
    "etat du projet",
    "meteo",
    "meteo du projet",
    "meteo projet",
    "meteo globale",
    "meteo generale",
    "etat general",
    "sante du projet",
    "sante globale",
    "sante generale",
    "rag status",
    "overall rag",
    "overall rag status",
    "project rag",
    "statut rag",
    "global status",
    "overall status",
    "project status",
    "status global",
    "project health",
    "overall health",
    "health",
    // A German status report's traffic light, a Spanish one's.
    "gesamtstatus",
    "projektstatus",
    "ampel",
    "ampelstatus",
    "gesamtampel",
    "estado general",
    "estado global",
    "estado del proyecto",
    "semaforo",
    "stato complessivo",
    "stato generale",
    "stato del progetto",
    "stato progetto",
    // A Portuguese (Brazilian) one's, and its traffic light (`Farol`).
    "status geral",
    "status do projeto",
    "situacao geral",
    "situacao do projeto",
    "saude do projeto",
    "farol",
];

/// Plain `Status :` labels: a project status only in the preamble or under
/// a heading that speaks of the whole project (seed `001_…` ends with
/// `### Recommandation Globale` / `**Status : 🟡 EN ALERTE**`); elsewhere
/// they are the status of a phase. `Overall :` and `Global :` alone, as
/// a report's health section heads its areas with, too.
const PLAIN_STATUS_LABELS: &[&str] = &[
    "statut", "status", "etat", "estado", "stato", "overall", "global", "globale",
];

/// [`HEALTH_LABELS`] and [`PLAIN_STATUS_LABELS`] as prefixes of a label.
static STATUS_LABEL_STARTS: LazyLock<Prefixes> =
    LazyLock::new(|| Prefixes::new(&[HEALTH_LABELS, PLAIN_STATUS_LABELS].concat()));

/// Heading words that make a section speak of the whole project.
const GLOBAL_HEADING_WORDS: &[&str] = &[
    "global",
    "globale",
    "overall",
    "general",
    "generale",
    "conclusion",
    "synthese",
    "summary",
    "resume",
    "recommandation",
    "sintesi",
    "riepilogo",
    // `## Project health`, `## Météo` over `**Overall:** 🟡` and the areas.
    "health",
    "sante",
    "meteo",
];

/// RAG markers of a status line, and the weather of a French *météo
/// projet* (sun: all is well; clouds or showers: difficulties; rain and
/// storms: in trouble), wherever they stand in its value.
const HEALTH_MARKERS: &[(&str, Health)] = &[
    ("🟢", Health::Green),
    ("🟡", Health::Amber),
    ("🟠", Health::Amber),
    ("🔴", Health::Red),
    // Squares, as some templates draw RAG.
    ("🟩", Health::Green),
    ("🟨", Health::Amber),
    ("🟧", Health::Amber),
    ("🟥", Health::Red),
    ("☀", Health::Green),
    ("🌞", Health::Green),
    ("🌤", Health::Green),
    ("⛅", Health::Amber),
    ("🌥", Health::Amber),
    ("☁", Health::Amber),
    ("🌦", Health::Amber),
    ("🌧", Health::Red),
    ("⛈", Health::Red),
    ("🌩", Health::Red),
    ("🌪", Health::Red),
];

/// Words of the weather a project status line may give instead of its
/// colour (`Météo : Ensoleillé`), folded.
const WEATHER_WORDS: &[(&str, Health)] = &[
    ("soleil", Health::Green),
    ("ensoleille", Health::Green),
    ("beau temps", Health::Green),
    ("sunny", Health::Green),
    ("nuageux", Health::Amber),
    ("eclaircies", Health::Amber),
    ("variable", Health::Amber),
    ("cloudy", Health::Amber),
    ("pluie", Health::Red),
    ("pluvieux", Health::Red),
    ("orage", Health::Red),
    ("orageux", Health::Red),
    ("tempete", Health::Red),
    ("rainy", Health::Red),
    ("stormy", Health::Red),
];

/// Separators between labelled segments on one line
/// (corpus 02: `Démarré le 2026-04-03 · Audit complet : 2026-04-04 · MàJ : 2026-04-04`).
const SEGMENT_SEPARATORS: &[char] = &['·', '|', '•'];

/// What kind of line a [`PlacedLine`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Paragraph,
    /// The first line of a list item (its title).
    ListItem,
    /// A later line of a list item.
    ListContinuation,
    /// A bold-only line the outline made a pseudo-heading.
    BoldLine,
}

/// A line of text with where it stands.
#[derive(Clone, Copy)]
pub struct PlacedLine<'o> {
    pub kind: LineKind,
    /// The line's text, markup removed.
    pub text: &'o str,
    /// 1-based line in the file.
    pub line: usize,
    /// The innermost section the line is in; `None` in the preamble.
    pub section: Option<&'o OutlineSection>,
}

/// Every paragraph line, list item line and bold-only line (which the
/// outline turns into a pseudo-heading: seed `001_…` ends with `**Status :
/// 🟡 EN ALERTE - Action immédiate requise**`) of the document, in
/// document order. Not code, not tables, not real headings.
pub fn text_lines<'o>(outline: &'o Outline) -> Vec<PlacedLine<'o>> {
    fn place<'o>(
        kind: LineKind,
        line: &'o TextLine,
        section: Option<&'o OutlineSection>,
    ) -> PlacedLine<'o> {
        PlacedLine {
            kind,
            text: &line.text,
            line: line.line,
            section,
        }
    }
    fn from_blocks<'o>(
        blocks: &'o [Block],
        section: Option<&'o OutlineSection>,
        out: &mut Vec<PlacedLine<'o>>,
    ) {
        for block in blocks {
            match block {
                Block::Paragraph(lines) => out.extend(
                    lines
                        .iter()
                        .map(|line| place(LineKind::Paragraph, line, section)),
                ),
                Block::List(entries) => from_entries(entries, section, out),
                Block::Table(_) | Block::Code { .. } => {}
            }
        }
    }
    fn from_entries<'o>(
        entries: &'o [ListEntry],
        section: Option<&'o OutlineSection>,
        out: &mut Vec<PlacedLine<'o>>,
    ) {
        for entry in entries {
            out.extend(entry.lines.iter().enumerate().map(|(i, line)| {
                let kind = if i == 0 {
                    LineKind::ListItem
                } else {
                    LineKind::ListContinuation
                };
                place(kind, line, section)
            }));
            from_entries(&entry.children, section, out);
        }
    }
    fn from_section<'o>(
        section: &'o OutlineSection,
        parent: Option<&'o OutlineSection>,
        out: &mut Vec<PlacedLine<'o>>,
    ) {
        if section.pseudo {
            out.push(PlacedLine {
                kind: LineKind::BoldLine,
                text: &section.heading,
                line: section.line,
                section: parent,
            });
        }
        from_blocks(&section.blocks, Some(section), out);
        for child in &section.children {
            from_section(child, Some(section), out);
        }
    }
    let mut out = Vec::new();
    from_blocks(&outline.preamble, None, &mut out);
    for section in &outline.sections {
        from_section(section, None, &mut out);
    }
    out.sort_by_key(|placed| placed.line);
    out
}

/// A row of a header table as a `label: value` line, with its line and
/// section ([`labelled_rows`]).
pub type LabelledRow<'o> = (String, usize, Option<&'o OutlineSection>);

/// `lines` ([`text_lines`]) with the header tables' `rows`
/// ([`labelled_rows`]) read as paragraph lines, each in its place: the
/// as-of, owner and health readers and the milestone reader take a
/// header table's `| **Go-live** | 2027-06-01 |` as they take `**Go-live:**
/// 2027-06-01`.
pub fn with_rows<'o>(
    mut lines: Vec<PlacedLine<'o>>,
    rows: &'o [LabelledRow<'o>],
) -> Vec<PlacedLine<'o>> {
    if rows.is_empty() {
        return lines;
    }
    lines.extend(rows.iter().map(|(text, line, section)| PlacedLine {
        kind: LineKind::Paragraph,
        text,
        line: *line,
        section: *section,
    }));
    lines.sort_by_key(|placed| placed.line);
    lines
}

/// The rows of the two-column tables that describe the whole project, as
/// `label: value` lines with their line and section: a report's header
/// table (`| **Project Manager** | Jane Doe |`, `| **Overall status** | 🟡
/// Amber |`, `| Date | 30/11/2026 |`) says what its labelled lines would.
/// Only in the preamble or under a heading about the whole project: a
/// two-column table elsewhere lists milestones or phases.
pub fn labelled_rows<'o>(outline: &'o Outline) -> Vec<LabelledRow<'o>> {
    fn add<'o>(
        blocks: &'o [Block],
        section: Option<&'o OutlineSection>,
        out: &mut Vec<(String, usize, Option<&'o OutlineSection>)>,
    ) {
        for block in blocks {
            let Block::Table(table) = block else {
                continue;
            };
            let mut push = |label: &str, value: &str, line: usize| {
                if !label.trim().is_empty() && !value.trim().is_empty() {
                    out.push((format!("{}: {}", label.trim(), value.trim()), line, section));
                }
            };
            match &table.rows[..] {
                // `| Owner | Last updated |` over `| @sam | 2026-11-02 |`.
                [row] if table.header.iter().filter(|h| is_label(h)).count() >= 2 => {
                    for (label, value) in table.header.iter().zip(&row.cells) {
                        push(label, value, row.line);
                    }
                }
                // `| **Project Manager** | Jane Doe |`, a row a line.
                rows if table.header.len() == 2 => {
                    let header = (&table.header[..], table.line);
                    let rows = rows.iter().map(|row| (&row.cells[..], row.line));
                    for (cells, line) in std::iter::once(header).chain(rows) {
                        if let [label, value] = cells {
                            push(label, value, line);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    add(&outline.preamble, None, &mut out);
    for section in outline.sections.iter().filter(|s| is_global_section(s)) {
        add(&section.blocks, Some(section), &mut out);
    }
    for section in &outline.sections {
        headed_values(section, None, &mut out);
    }
    out.sort_by_key(|(_, line, _)| *line);
    out
}

/// A heading that is one of the labels read here, over one line and
/// nothing else, as a `label: value` line in its parent's place: a GitHub
/// issue form's answers (`### Status` / `On track`, `### Owner` /
/// `@nina`, `### Target date` / `2026-12-20`).
fn headed_values<'o>(
    section: &'o OutlineSection,
    parent: Option<&'o OutlineSection>,
    out: &mut Vec<LabelledRow<'o>>,
) {
    if let [Block::Paragraph(lines)] = &section.blocks[..] {
        let labelled = || is_label(&section.heading) || is_end_label(&section.heading);
        if let ([value], true) = (&lines[..], section.children.is_empty() && labelled()) {
            let text = format!("{}: {}", section.heading.trim(), value.text.trim());
            out.push((text, value.line, parent));
        }
    }
    for child in &section.children {
        headed_values(child, Some(section), out);
    }
}

/// Whether `heading` is a label of the project's end (`Target date`).
fn is_end_label(heading: &str) -> bool {
    END_LABELS.contains(&folded_words(heading).as_str())
}

/// Whether `cell` is one of the labels read here (as-of, start, owner,
/// status), as a header of a one-row table.
fn is_label(cell: &str) -> bool {
    let label = folded_words(cell);
    [
        AS_OF_LABELS,
        START_LABELS,
        OWNER_LABELS,
        HEALTH_LABELS,
        PLAIN_STATUS_LABELS,
    ]
    .iter()
    .any(|labels| labels.contains(&label.as_str()))
}

/// The label of a segment: the text before `value_start`, folded, with
/// markup, emoji and the trailing colon removed.
pub fn label_before(segment: &str, value_start: usize) -> String {
    folded_words(segment.get(..value_start).unwrap_or(""))
}

/// Splits a line into its labelled segments.
pub fn segments(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || loop {
        let current = rest?;
        let segment = match next_separator(current) {
            Some((at, width)) => {
                rest = Some(&current[at + width..]);
                &current[..at]
            }
            None => {
                rest = None;
                current
            }
        };
        let segment = segment.trim();
        if !segment.is_empty() {
            return Some(segment);
        }
    })
}

/// Where the first [`SEGMENT_SEPARATORS`] character of `text` is, or
/// the stop of a sentence before it ([`ends_a_sentence`]), and its width
/// in bytes. Three readers split every line of a document, so the
/// line is searched a byte at a time for the separators' first bytes
/// (`|`, and the lead bytes of `·` and `•`) instead of decoded.
fn next_separator(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mark = memchr::memchr3_iter(b'|', 0xC2, 0xE2, bytes).find_map(|at| {
        let c = text[at..].chars().next()?;
        SEGMENT_SEPARATORS.contains(&c).then(|| (at, c.len_utf8()))
    });
    let end = mark.map_or(bytes.len(), |(at, _)| at);
    // A stop matters only before a label's colon: most lines have none.
    let Some(colon) = memchr::memrchr(b':', &bytes[..end]) else {
        return mark;
    };
    let stop = memchr::memchr_iter(b'.', &bytes[..colon]).find(|&at| ends_a_sentence(bytes, at));
    let dash = || spaced_dash_between_labels(text, colon);
    stop.map(|at| (at, 1)).or_else(dash).or(mark)
}

/// A dash between spaces (` — `, ` – `) that parts two labelled segments,
/// with a label's colon on each side of it: a report's header line
/// `Date : 18 novembre 2026 — Chef de projet : Claire Dupont`. A dash
/// with no colon before it names the thing (`Jalon 1 — Recette : 15/03`),
/// and one with no colon after it adds to the value (`Recette : 15/03 —
/// à confirmer`): neither parts the line.
fn spaced_dash_between_labels(text: &str, last_colon: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let first_colon = memchr::memchr(b':', bytes)?;
    // `—` is E2 80 94 and `–` E2 80 93 in UTF-8; a space stands each side.
    memchr::memchr_iter(0xE2, bytes.get(first_colon..last_colon)?)
        .map(|at| first_colon + at)
        .find(|&at| {
            matches!(bytes.get(at + 1..at + 4), Some([0x80, 0x93 | 0x94, b' ']))
                && bytes[at - 1] == b' '
        })
        .map(|at| (at - 1, 5))
}

/// Whether the `.` at byte `at` ends a sentence that a label may start
/// after, a colon coming later on the line (a tracking issue's `Tracking issue for 4.2. Target date: **15
/// January 2027**. Release manager: @mhernandez`): after a small letter,
/// a figure or markup, before a space and a capital. Not the dot of an
/// abbreviation or an initial (`3 déc. 2026`, `M. Dupont`, `v1.2`).
fn ends_a_sentence(bytes: &[u8], at: usize) -> bool {
    let before = at.checked_sub(1).map(|i| bytes[i]);
    let after = &bytes[at + 1..];
    let capital = after.iter().skip(1).find(|&&b| b != b'*' && b != b'_');
    before.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"*_)".contains(&b))
        && after.first() == Some(&b' ')
        && capital.is_some_and(u8::is_ascii_uppercase)
}

/// The year reference of the document before its as-of date is known:
/// front matter `updated`/`date`, else the portal's as-of.
fn provisional_reference(document: &Document, context: &Context) -> NaiveDate {
    document
        .front_matter
        .updated
        .or(document.front_matter.date)
        .unwrap_or(context.portal_as_of)
}

/// Reads the as-of date, the declared health and placeholder dates from
/// the document's text lines ([`text_lines`]).
pub fn read<'o>(
    outline: &'o Outline,
    text_lines: &[PlacedLine<'o>],
    document: &Document,
    context: &Context,
    status: &mut DocumentStatus,
) {
    let reference = provisional_reference(document, context);
    let lines = text_lines;
    let found =
        find_as_of(lines, reference, context).or_else(|| title_date(outline, reference, context));
    if let Some((date, line)) = found {
        status.as_of = Some(date.start);
        status.as_of_line = Some(line);
        if date.year_inferred {
            status.diagnostics.push(Diagnostic::warning(
                "inferred-year",
                &document.source,
                line,
                messages::AS_OF_WITHOUT_YEAR.say(&[&date.start]),
            ));
        }
    }
    let subtitle = subtitle_section(outline);
    (status.start, status.end) = find_span(lines, subtitle, reference, context);
    if let Some((owner, role)) = find_owner(lines, subtitle) {
        status.owner = Some(owner);
        status.owner_role = Some(role);
    }
    let declared = [
        find_declared_health(lines, subtitle),
        heading_health(outline),
    ];
    if let Some((health, line)) = declared.into_iter().flatten().min_by_key(|(_, line)| *line) {
        status.declared_health = Some(health);
        status.declared_health_line = Some(line);
    }
    report_placeholders(outline, lines, &document.source, status);
}

/// The day a title ends with, set apart from its words, when no line is
/// labelled with a date: minutes and reports are titled with the day they
/// speak of (`# CR réunion hebdo — Projet Atlas — 26/11/2026`, `# Weekly
/// status – 2026-11-20`, `# COPIL du 14/11/2026`, `# Sprint review
/// (20/11/2026)`). A month, a quarter or a range (`# Roadmap Q1 2027`)
/// dates no day.
fn title_date(
    outline: &Outline,
    reference: NaiveDate,
    context: &Context,
) -> Option<(ParsedDate, usize)> {
    let title = outline.title.as_ref()?;
    let found = dates::find_dates(&title.text, reference, context.config.date_order);
    let (date, range) = found.last()?;
    if date.precision != DatePrecision::Day || date.end.is_some() {
        return None;
    }
    let after = title.text[range.end..].trim_matches(|c: char| c.is_whitespace() || c == ')');
    let before = title.text[..range.start].trim_end();
    let apart = before.ends_with(['—', '–', '-', ':', '(', ','])
        || matches!(
            last_word(before).as_deref(),
            Some("du" | "le" | "of" | "on" | "au")
        );
    (after.is_empty() && apart).then_some((*date, title.line))
}

/// The word `text` ends with, folded; none when it ends with a mark.
fn last_word(text: &str) -> Option<String> {
    let folded = fold(text);
    let last = words(&folded).last()?;
    folded.ends_with(last).then(|| last.to_string())
}

/// The first labelled date line (`EXTRACTION.md` §2); else the last day of
/// the first period a line labels: a highlight report's `**Period:** 2 – 15
/// November` before its `**Report date:** 16 November` is as of the 16th.
fn find_as_of(
    lines: &[PlacedLine],
    reference: NaiveDate,
    context: &Context,
) -> Option<(ParsedDate, usize)> {
    let mut period = None;
    for placed in lines {
        for segment in segments(placed.text) {
            // The label is the segment's first words: most lines cannot hold one.
            if !AS_OF_LABEL_STARTS.begin(segment) {
                continue;
            }
            let found = dates::find_dates(segment, reference, context.config.date_order);
            let Some((first, range)) = found.first() else {
                continue;
            };
            let label = label_before(segment, range.start);
            let date = days_of_week(&found).unwrap_or(first);
            if AS_OF_LABELS.contains(&label.as_str()) {
                return Some((*date, placed.line));
            }
            if period.is_none() && PERIOD_LABELS.contains(&without_week(&label)) {
                // A period still running (a sprint that ends next month)
                // is true as of today at the latest, not of its last day.
                let last_day = dates::period_end(date).unwrap_or(date.start);
                let date = ParsedDate {
                    start: last_day.min(context.portal_as_of).max(date.start),
                    ..*date
                };
                period = Some((date, placed.line));
            }
        }
    }
    period
}

/// The days written after a week that they fall in: a German report's
/// `KW 47 (17.11.2026 – 21.11.2026)` is the 17th to the 21st, which say
/// more exactly than the week, Monday to Sunday.
fn days_of_week(found: &[(ParsedDate, Range<usize>)]) -> Option<&ParsedDate> {
    let [(week, _), (days, _), ..] = found else {
        return None;
    };
    let within = (week.start..=week.start + Duration::days(6)).contains(&days.start);
    (week.precision == DatePrecision::Week && within).then_some(days)
}

/// A period's label without the week it names before its dates: a German
/// report's `Berichtszeitraum: KW 47 (17.11.2026 – 21.11.2026)` is
/// labelled `Berichtszeitraum`, as `Period: week 47 (…)` is `Period`.
fn without_week(label: &str) -> &str {
    const WEEK_WORDS: &[&str] = &["kw", "week", "semaine", "semana", "settimana", "woche"];
    let Some((rest, number)) = label.rsplit_once(' ') else {
        return label;
    };
    let week = (rest.rsplit_once(' '))
        .filter(|(_, word)| WEEK_WORDS.contains(word))
        .map(|(label, _)| label);
    match week {
        Some(label) if number.bytes().all(|b| b.is_ascii_digit()) => label,
        _ => label,
    }
}

/// The days the project starts and ends, from the lines that speak for
/// the whole project ([`speaks_for_project`]: the preamble, the
/// subtitle's fields, a heading about the whole project; not a phase's
/// `Début :`): the first labelled start ([`START_LABELS`]) and end
/// ([`END_LABELS`], the last day of what it names), each else the first
/// or last day of the first span ([`SPAN_LABELS`]) written as a range.
/// Project weeks (`End of Week 2`) count from the start.
fn find_span(
    lines: &[PlacedLine],
    subtitle: Option<&OutlineSection>,
    reference: NaiveDate,
    context: &Context,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let (mut start, mut end, mut span) = (None, None, None);
    let mut speaks = speaks_for_project(subtitle, is_global_section);
    let segments = lines
        .iter()
        .filter(|placed| speaks(placed.section))
        .flat_map(|placed| segments(placed.text))
        .filter(|segment| SPAN_LABEL_STARTS.begin(segment));
    for segment in segments {
        let found = dates::find_dates(segment, reference, context.config.date_order);
        let Some((date, range)) = found.first() else {
            continue;
        };
        let label = label_before(segment, range.start);
        // `Dates du projet : du 01/09/2026 au 31/03/2027`, `Timeline: from …`
        let label = ["du", "from"]
            .iter()
            .find_map(|word| label.strip_suffix(word)?.strip_suffix(' '))
            .unwrap_or(&label);
        if start.is_none() && START_LABELS.contains(&label) {
            start = Some(date.start);
        } else if end.is_none() && END_LABELS.contains(&label) {
            end = Some(dates::period_end(date).unwrap_or(date.start));
        } else if span.is_none() && date.end.is_some() && SPAN_LABELS.contains(&label) {
            span = Some((date.start, date.end));
        }
    }
    let (span_start, span_end) = span.unzip();
    (start.or(span_start), end.or(span_end.flatten()))
}

/// The section that holds the document's subtitle and its fields: when
/// nothing stands before the first heading and the first headings are
/// stacked with nothing between them, as a title over several lines
/// (corpus 17: `# RISK REGISTER`, `## NMR Spectrometer SDR Development
/// Project`, `### Per Vices Crimson TNG Platform`, then `**Project
/// Duration:** …`), the last of them, when it holds only paragraphs.
/// Its lines speak for the project as a preamble's would.
fn subtitle_section<'o>(outline: &'o Outline) -> Option<&'o OutlineSection> {
    if !outline.preamble.is_empty() {
        return None;
    }
    let mut section = outline.sections.first()?;
    let mut stacked = false;
    while section.blocks.is_empty() {
        section = section.children.first()?;
        stacked = true;
    }
    let fields = (section.blocks.iter()).all(|block| matches!(block, Block::Paragraph(_)));
    (stacked && fields).then_some(section)
}

/// Whether `section` is the document's subtitle ([`subtitle_section`]).
fn is_subtitle(subtitle: Option<&OutlineSection>, section: &OutlineSection) -> bool {
    subtitle.is_some_and(|subtitle| std::ptr::eq(subtitle, section))
}

/// Who owns the project, from the first line labelled so ([`OWNER_LABELS`])
/// that speaks for the whole project (the preamble, a heading about the
/// whole project or about its ownership): an `@handle` or a name of at
/// most five words, as written; with the label that names them.
fn find_owner(lines: &[PlacedLine], subtitle: Option<&OutlineSection>) -> Option<(String, String)> {
    static OWNERSHIP: LazyLock<WordList> = LazyLock::new(|| WordList::of(OWNERSHIP_HEADING_WORDS));
    let mut speaks = speaks_for_project(subtitle, |section| {
        is_global_section(section) || OWNERSHIP.any(&section.folded)
    });
    lines
        .iter()
        .filter(|placed| placed.kind != LineKind::ListContinuation)
        .filter(|placed| speaks(placed.section))
        .flat_map(|placed| segments(placed.text))
        .filter(|segment| OWNER_LABEL_STARTS.begin(segment))
        .find_map(|segment| {
            let (label, value) = segment.split_once(':')?;
            let folded = label_before(label, label.len());
            OWNER_LABELS.contains(&folded.as_str()).then_some(())?;
            let role = label
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            Some((owner_named(value)?, role))
        })
}

/// The people the lines that speak for the whole project name in a role
/// (the owner's among them), with the role's label as written:
/// `**Sponsor:** Tom Becker` gives Tom Becker, `Sponsor`. The label is a role's and the
/// value (read as an owner's is, [`owner_named`]) a handle or a name in
/// full, as in a report's header table ([`super::people::role_holder`]).
pub fn project_roles(outline: &Outline, lines: &[PlacedLine]) -> Vec<(String, String)> {
    let mut speaks = speaks_for_project(subtitle_section(outline), is_global_section);
    lines
        .iter()
        .filter(|placed| placed.kind != LineKind::ListContinuation)
        .filter(|placed| speaks(placed.section))
        .flat_map(|placed| segments(placed.text))
        .filter_map(|segment| {
            let (label, value) = segment.split_once(':')?;
            super::people::role_holder(label, &owner_named(value)?)
        })
        .collect()
}

/// The owner an owner line's value names: its text up to a dash, a
/// semicolon or a parenthesis (`CEO (Chad Rienstra)` is the CEO), when it
/// is one or more `@handles` or a name of at most five words without
/// figures, and not a placeholder (`TBD`, `À définir`).
fn owner_named(value: &str) -> Option<String> {
    let value = value
        .split(['—', '–', ';', '(', '|'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['.', ','])
        .trim();
    let words = value.split_whitespace().count();
    let handles = value.starts_with('@');
    let name = (1..=5).contains(&words) && !value.chars().any(|c| c.is_ascii_digit());
    let placeholder = names_no_one_yet(value);
    ((handles || name) && !placeholder).then(|| value.to_string())
}

/// Whether the line of a section speaks for the whole project: every line
/// of the preamble and of the subtitle ([`subtitle_section`]), and the
/// lines of a section `global` accepts. Lines
/// come in runs of one section, so its heading is judged once a run.
fn speaks_for_project<'s>(
    subtitle: Option<&'s OutlineSection>,
    global: impl Fn(&OutlineSection) -> bool + 's,
) -> impl FnMut(Option<&OutlineSection>) -> bool + 's {
    let mut last: Option<(*const OutlineSection, bool)> = None;
    move |section| match section {
        None => true,
        Some(section) => match last {
            Some((seen, speaks)) if std::ptr::eq(seen, section) => speaks,
            _ => {
                let speaks = global(section) || is_subtitle(subtitle, section);
                last = Some((section, speaks));
                speaks
            }
        },
    }
}

/// The health a project status line states, by its RAG colour, and its line.
fn find_declared_health(
    lines: &[PlacedLine],
    subtitle: Option<&OutlineSection>,
) -> Option<(Health, usize)> {
    lines.iter().find_map(|placed| {
        segments(placed.text).find_map(|segment| {
            let (label, value) = segment.split_once(':')?;
            // Most labels are none of these: ruled out before they are folded.
            if !STATUS_LABEL_STARTS.begin(label) {
                return None;
            }
            let label = label_before(label, label.len());
            let speaks_for_project = HEALTH_LABELS.contains(&label.as_str())
                || (PLAIN_STATUS_LABELS.contains(&label.as_str())
                    && placed.section.is_none_or(|section| {
                        is_global_section(section) || is_subtitle(subtitle, section)
                    }));
            if !speaks_for_project {
                return None;
            }
            health_of(value).map(|health| (health, placed.line))
        })
    })
}

/// The health a heading declares, and its line: a heading written as a
/// status line (`## Météo : 🌥️ Nuageux`, `## Overall status: 🟡 Amber`; a
/// plain `## Status: At risk` only at the top level, where it speaks for
/// the project), or a health heading whose first line starts with a RAG or
/// weather mark (`## Météo du projet` over `🌧️ Pluvieux — retard du lot
/// 2`).
fn heading_health(outline: &Outline) -> Option<(Health, usize)> {
    fn visit(section: &OutlineSection, top: bool) -> Option<(Health, usize)> {
        declared_by_heading(section, top)
            .or_else(|| (section.children.iter()).find_map(|child| visit(child, false)))
    }
    (outline.sections.iter()).find_map(|section| visit(section, true))
}

/// The health one heading declares ([`heading_health`]), and its line;
/// `top` says whether the heading is of the document's top level.
fn declared_by_heading(section: &OutlineSection, top: bool) -> Option<(Health, usize)> {
    if let Some((label, value)) = section.heading.split_once(':') {
        if STATUS_LABEL_STARTS.begin(label) {
            let label = label_before(label, label.len());
            let speaks_for_project = HEALTH_LABELS.contains(&label.as_str())
                || top && PLAIN_STATUS_LABELS.contains(&label.as_str());
            if let Some(health) = health_of(value).filter(|_| speaks_for_project) {
                return Some((health, section.line));
            }
        }
    }
    let Some(Block::Paragraph(lines)) = section.blocks.first() else {
        return None;
    };
    let first = lines.first()?;
    let (health, _) = health_mark_at_start(&first.text)?;
    (HEALTH_LABELS.contains(&folded_words(&section.heading).as_str()))
        .then_some((health, first.line))
}

fn is_global_section(section: &OutlineSection) -> bool {
    static GLOBAL: LazyLock<WordList> = LazyLock::new(|| WordList::of(GLOBAL_HEADING_WORDS));
    GLOBAL.any(&section.folded)
}

/// The health of the RAG or weather mark `text` starts with (after
/// spaces), and the text after it (`🟠 Vigilance` gives amber and
/// ` Vigilance`).
pub fn health_mark_at_start(text: &str) -> Option<(Health, &str)> {
    let text = text.trim_start();
    let first = text.chars().next()?;
    // Every mark is a symbol from U+2600 on: letters are ruled out at once.
    if u32::from(first) < 0x2600 {
        return None;
    }
    let (marker, health) = (HEALTH_MARKERS.iter()).find(|(marker, _)| marker.starts_with(first))?;
    let rest = &text[marker.len()..];
    Some((*health, rest.strip_prefix('\u{FE0F}').unwrap_or(rest)))
}

/// The first RAG or weather marker of a status value, else a RAG word
/// (`Vert`, `At risk`) or a weather word (`Ensoleillé`) before any
/// parenthesis, dash or comma.
fn health_of(value: &str) -> Option<Health> {
    HEALTH_MARKERS
        .iter()
        .filter_map(|(marker, health)| value.find(marker).map(|at| (at, *health)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, health)| health)
        .or_else(|| {
            let words = fold(value);
            let first = words.split(['(', '-', ',', '—']).next().unwrap_or("");
            let weather = || {
                let first = folded_words(first);
                (WEATHER_WORDS.iter())
                    .find(|(word, _)| first == *word)
                    .map(|(_, health)| *health)
            };
            (Health::parse(first).filter(|h| !matches!(h, Health::Unknown))).or_else(weather)
        })
}

/// One `placeholder-date` warning per line holding a template date.
fn report_placeholders<'o>(
    outline: &'o Outline,
    lines: &[PlacedLine<'o>],
    source: &str,
    status: &mut DocumentStatus,
) {
    // The first placeholder of each text that holds one (few do), put in
    // line order afterwards.
    let mut found: Vec<(usize, &'o str)> = Vec::new();
    let mut look = |line: usize, text: &'o str| {
        if let Some(first) = dates::find_placeholders(text).first() {
            found.push((line, text.get(first.clone()).unwrap_or("")));
        }
    };
    for placed in lines {
        look(placed.line, placed.text);
    }
    for section in outline.walk_sections() {
        look(section.line, &section.heading);
        for block in &section.blocks {
            if let Block::Table(table) = block {
                for row in &table.rows {
                    for cell in &row.cells {
                        look(row.line, cell);
                    }
                }
            }
        }
    }
    found.sort_by_key(|(line, _)| *line);
    found.dedup_by_key(|(line, _)| *line);
    for (line, written) in found {
        status.diagnostics.push(Diagnostic::warning(
            "placeholder-date",
            source,
            line,
            messages::PLACEHOLDER_DATE.say(&[&written]),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::ingest::FrontMatter;

    fn read_text(text: &str, portal_as_of: NaiveDate) -> DocumentStatus {
        let document = Document {
            source: "doc.md".to_string(),
            text: text.to_string(),
            front_matter: FrontMatter::default(),
            diagnostics: Vec::new(),
            decoding: None,
        };
        let config = Config::default();
        let context = Context::new(&config, portal_as_of);
        let outline = Outline::parse(text);
        let mut status = DocumentStatus::default();
        let rows = labelled_rows(&outline);
        read(
            &outline,
            &with_rows(text_lines(&outline), &rows),
            &document,
            &context,
            &mut status,
        );
        status
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Minutes titled with their day are as of that day, when no line is
    /// labelled with a date; a month, a quarter, a range or a date inside
    /// the words dates nothing.
    #[test]
    fn a_title_that_ends_with_its_day_dates_the_document() {
        let read = |text: &str| read_text(text, date(2026, 12, 1)).as_of;
        let day = Some(date(2026, 11, 26));
        assert_eq!(
            read("# CR réunion hebdo — Projet Atlas — 26/11/2026\n\n- x\n"),
            day
        );
        assert_eq!(read("# Weekly status – 2026-11-26\n"), day);
        assert_eq!(read("# COPIL du 26/11/2026\n"), day);
        assert_eq!(read("# Sprint review (26/11/2026)\n"), day);
        assert_eq!(
            read("# CR — 26/11/2026\n\n**Date :** 20/11/2026\n"),
            Some(date(2026, 11, 20))
        );
        assert_eq!(read("# Roadmap Q1 2027\n"), None);
        assert_eq!(read("# Release 26/11/2026 retrospective\n"), None);
        assert_eq!(read("# Sprint 3 — 16/11/2026 - 27/11/2026\n"), None);
        assert_eq!(read("# Weekly status — mars 2026\n"), None);
    }

    /// The project's start is a labelled date that speaks for the whole
    /// project: in the preamble (corpus 15's `**Start Date**: 2025-11-05`,
    /// corpus 02's `Démarré le 2026-04-03 · Audit complet : …`) or under a
    /// heading about the whole project, not a phase's `Début :`.
    #[test]
    fn the_project_start_is_a_labelled_date_of_the_whole_project() {
        let read = |text: &str| read_text(text, date(2026, 6, 1)).start;
        assert_eq!(
            read("# Sprint\n\n**Start Date**: 2025-11-05\n**Target Launch**: 2026-01-14\n"),
            Some(date(2025, 11, 5))
        );
        assert_eq!(
            read("# Suivi\n\n> TrackYu GPS · Démarré le 2026-04-03 · MàJ : 2026-04-04\n"),
            Some(date(2026, 4, 3))
        );
        assert_eq!(
            read("# P\n\n## Synthèse globale\n\nDate de début : 12/01/2026\n"),
            Some(date(2026, 1, 12))
        );
        assert_eq!(read("# P\n\n## Phase 2\n\n**Début** : 10/03/2026\n"), None);
        assert_eq!(read("# P\n\nStarted the migration on 2026-02-01\n"), None);
    }

    /// A line of the whole project that gives its span as a range starts
    /// and ends it (corpus 17's `**Project Duration:** November 2025 -
    /// June 2026`, under its stacked title headings); a labelled end ends
    /// it on the last day of what it names; a labelled start or end wins
    /// over the span's; a phase's span, a single date or a span in the
    /// words of a sentence say nothing of the project.
    #[test]
    fn the_project_span_is_a_labelled_range_of_the_whole_project() {
        let read = |text: &str| {
            let status = read_text(text, date(2026, 6, 1));
            (status.start, status.end)
        };
        let corpus_17 = "# RISK REGISTER\n## NMR Spectrometer SDR Development Project\n\
                         ### Per Vices Crimson TNG Platform\n\n**Document Version:** 1.0\n\
                         **Date:** November 20, 2025\n\
                         **Project Duration:** November 2025 - June 2026\n\n---\n\n\
                         ## EXECUTIVE SUMMARY\n\n**Total Identified Risks:** 35\n";
        assert_eq!(
            read(corpus_17),
            (Some(date(2025, 11, 1)), Some(date(2026, 6, 30)))
        );
        assert_eq!(
            read("# PI 26.4\n\n**PI dates:** 2026-10-05 to 2026-12-18\n"),
            (Some(date(2026, 10, 5)), Some(date(2026, 12, 18)))
        );
        assert_eq!(
            read("# P\n\nDates du projet : du 01/09/2026 au 31/03/2027\nDébut : 15/09/2026\n"),
            (Some(date(2026, 9, 15)), Some(date(2027, 3, 31)))
        );
        assert_eq!(
            read("# P\n\n**Start:** 2026-01-12 · **End date:** Q3 2026\n"),
            (Some(date(2026, 1, 12)), Some(date(2026, 9, 30)))
        );
        assert_eq!(
            read("# P\n\nFin prévue : juin 2027\n").1,
            Some(date(2027, 6, 30))
        );
        assert_eq!(
            read("# Mobile app v3\n\n**Status:** At risk\n**Target date:** Dec 15, 2026\n").1,
            Some(date(2026, 12, 15))
        );
        // A burn-up's target in its header line of fields.
        assert_eq!(
            read("# Release 3\n\n**Scope:** 120 points · **Done:** 84 points (70%) · **Target:** 2026-12-18\n").1,
            Some(date(2026, 12, 18))
        );
        // A release's page: its work is due on its release date.
        assert_eq!(
            read("# Release 3.2 — Mobile\n\n**Start date:** 2026-10-01\n**Release date:** 2026-12-15\n"),
            (Some(date(2026, 10, 1)), Some(date(2026, 12, 15)))
        );
        // A Notion page's `Due` property, a brief's `Échéance`.
        assert_eq!(
            read("# Customer Portal v3\n\nStatus: In progress\nOwner: @maria\nDue: 2027-03-31\n").1,
            Some(date(2027, 3, 31))
        );
        assert_eq!(
            read("# P\n\n**Échéance :** T2 2027\n").1,
            Some(date(2027, 6, 30))
        );
        assert_eq!(
            read("# P\n\n## Phase 2\n\n**Dates :** 2026-03-01 → 2026-04-30\nFin : 30/04/2026\n"),
            (None, None)
        );
        assert_eq!(read("# P\n\n**Timeline:** 2026-03-01\n"), (None, None));
        assert_eq!(
            read("# P\n\nWe moved the dates from 2026-03-01 to 2026-04-30.\n"),
            (None, None)
        );
        // Stacked headings over a list are a section, not a subtitle.
        assert_eq!(
            read("# P\n## Lot 1\n### Tâches\n\n- Dates : 2026-03-01 → 2026-04-30\n"),
            (None, None)
        );
    }

    /// The owner is named by an owner line of the whole project: in the
    /// preamble, under a heading about the whole project or about its
    /// ownership; a phase's, a risk's or a task's is not the project's.
    /// The people a header names in a role, with the role's label as
    /// written; a label that begins like one but is not (`Sponsorship`)
    /// names no one, nor does a placeholder or a department (`DSI`).
    #[test]
    fn the_header_names_people_in_their_roles() {
        let roles = |text: &str| {
            let outline = Outline::parse(text);
            let rows = labelled_rows(&outline);
            project_roles(&outline, &with_rows(text_lines(&outline), &rows))
        };
        let pair = |who: &str, role: &str| (who.to_string(), role.to_string());
        assert_eq!(
            roles("# COPIL\n\nDate : 18 novembre 2026 — Chef de projet : Claire Dupont – Sponsor : M. Petit\n"),
            [pair("Claire Dupont", "Chef de projet"), pair("M. Petit", "Sponsor")]
        );
        assert_eq!(
            roles("# P\n\n- MOA : Marie Curie (DRH)\n- MOE : @infra-team\n- Scrum Master : TBD\n- Sponsor : DSI\n"),
            [pair("Marie Curie", "MOA"), pair("@infra-team", "MOE")]
        );
        // The owner's line is a role's too; the owner is one of the people
        // once, in that role.
        assert_eq!(
            roles("# R\n\n**Project manager:** Priya Nair · **Executive sponsor:** Jane Roe\n"),
            [
                pair("Priya Nair", "Project manager"),
                pair("Jane Roe", "Executive sponsor")
            ]
        );
        assert_eq!(roles("# R\n\nSponsorship : Open To Volunteers\n"), []);
    }

    #[test]
    fn the_owner_is_named_by_a_line_of_the_whole_project() {
        let read = |text: &str| read_text(text, date(2026, 6, 1)).owner;
        assert_eq!(read("# App\n\n**Owner:** @dana\n"), Some("@dana".into()));
        // Under stacked title headings, the subtitle's fields.
        assert_eq!(
            read("# RISK REGISTER\n## Atlas\n### ERP migration\n\n**Project Manager:** Jane Doe\n"),
            Some("Jane Doe".into())
        );
        let status = read_text(
            "# R\n\n**Chef de projet :** Claire Dupont\n",
            date(2026, 6, 1),
        );
        assert_eq!(status.owner_role.as_deref(), Some("Chef de projet"));
        assert_eq!(
            read("# COPIL\n\nDate : 02/12/2026 · Chef de projet : @claire.dupont\n"),
            Some("@claire.dupont".into())
        );
        // A header line whose fields a spaced dash parts, in italics.
        let status = read_text(
            "# COPIL\n\n*Date : 18 novembre 2026 — Chef de projet : Claire Dupont*\n",
            date(2026, 12, 1),
        );
        assert_eq!(status.owner.as_deref(), Some("Claire Dupont"));
        assert_eq!(status.as_of, Some(date(2026, 11, 18)));
        assert_eq!(
            read("# P\n\n- Responsable du projet : Marie Curie.\n- Sponsor : DSI\n"),
            Some("Marie Curie".into())
        );
        assert_eq!(
            read("# G\n\n## Ownership and team asks\n\n**Owner:** @traviscross\n"),
            Some("@traviscross".into())
        );
        assert_eq!(
            read("# P\n\n**Owners:** @ana, @bo\n"),
            Some("@ana, @bo".into())
        );
        // Labels after a sentence on one line; no sentence ends at an
        // initial or an abbreviated month.
        assert_eq!(
            read("# R\n\nTracking issue for 4.2. Release manager: @mhernandez\n"),
            Some("@mhernandez".into())
        );
        // A release checklist's captain, after the target on one line.
        assert_eq!(
            read("# Release 3.2\n\nTarget: **2026-12-15** · Release captain: @nadia\n"),
            Some("@nadia".into())
        );
        assert_eq!(
            read("# R\n\nChef de projet : M. Dupont\n"),
            Some("M. Dupont".into())
        );
        // A weekly status e-mail's header.
        assert_eq!(
            read("# Weekly Status\n\n**Week ending:** Friday, November 27, 2026\n**PM:** Grace Okafor\n"),
            Some("Grace Okafor".into())
        );
        // A building site's report: the works manager runs the project,
        // the architect's firm (`Maître d'œuvre`) does not own it.
        assert_eq!(
            read("# Chantier\n\n**Maître d'œuvre :** Cabinet Arnaud\n**Conducteur de travaux :** Julien Perrot\n"),
            Some("Julien Perrot".into())
        );
        let status = read_text("# R\n\nMis à jour le 3 déc. 2026\n", date(2026, 6, 1));
        assert_eq!(status.as_of, Some(date(2026, 12, 3)));
        // A release tracker's release manager.
        assert_eq!(
            read("# Release 4.2 tracking\n\n**Release manager:** @mhernandez\n"),
            Some("@mhernandez".into())
        );
        // Not the whole project's, or no one yet.
        assert_eq!(
            read("# P\n\n## Stream 1\n\n**Owner**: Backend Engineer\n"),
            None
        );
        assert_eq!(read("# P\n\n## Risks\n\n- **Owner:** CEO\n"), None);
        assert_eq!(read("# P\n\n**Owner:** TBD\n"), None);
        assert_eq!(read("# P\n\nChef de projet : à définir\n"), None);
        assert_eq!(
            read("# P\n\nOwner: the platform team of the two sites in the north\n"),
            None
        );
        assert_eq!(read("# P\n\n**Ownership:** shared\n"), None);
    }

    /// A report's header table says what labelled lines would: its date,
    /// its owner and its status. A two-column table under another heading
    /// says nothing of the whole project.
    #[test]
    fn a_header_table_is_read_as_labelled_lines() {
        let text = "# Monthly Status Report — Data Lake — November 2026\n\n| | |\n|---|---|\n\
            | **Project Manager** | Jane Doe |\n| **Date** | 30/11/2026 |\n\
            | **Overall status** | 🟡 Amber |\n\n## Plan\n\n| Phase | Owner |\n|---|---|\n| Build | @ana |\n";
        let status = read_text(text, date(2026, 12, 5));
        assert_eq!(status.owner.as_deref(), Some("Jane Doe"));
        assert_eq!(status.as_of, Some(date(2026, 11, 30)));
        assert_eq!(status.declared_health, Some(Health::Amber));
        let text =
            "# P\n\n## Jalons\n\n| Jalon | Date |\n|---|---|\n| Mise à jour | 01/03/2026 |\n";
        assert_eq!(read_text(text, date(2026, 12, 5)).as_of, None);
        // A one-row table under labels: each label over its value.
        let text = "# P\n\n| **Owner** | **Last updated** | Status |\n|---|---|---|\n| @sam | 2026-11-02 | 🔴 |\n";
        let status = read_text(text, date(2026, 12, 5));
        assert_eq!(status.owner.as_deref(), Some("@sam"));
        assert_eq!(status.as_of, Some(date(2026, 11, 2)));
        assert_eq!(status.declared_health, Some(Health::Red));
    }

    /// A report is true as of the last day of the period it covers.
    #[test]
    fn a_report_is_as_of_the_end_of_its_period() {
        let as_of = |text: &str| read_text(text, date(2026, 12, 5)).as_of;
        assert_eq!(
            as_of("# R\n\n**Reporting period:** 1–30 November 2026\n"),
            Some(date(2026, 11, 30))
        );
        assert_eq!(
            as_of("# R\n\nPériode : novembre 2026\n"),
            Some(date(2026, 11, 30))
        );
        assert_eq!(
            as_of("# R\n\n| Period | Q3 2026 |\n|---|---|\n"),
            Some(date(2026, 9, 30))
        );
        assert_eq!(as_of("# R\n\nPériode d'essai : novembre 2026\n"), None);
        // A sprint review's sprint.
        assert_eq!(
            as_of("# R\n\nSprint: 2026-11-04 → 2026-11-17 · Team Falcon\n"),
            Some(date(2026, 11, 17))
        );
        assert_eq!(as_of("# R\n\nSprint 15 starts 2026-11-18\n"), None);
        // A sprint still running is true as of today (the portal's as-of
        // date in these tests), not of its last day to come.
        assert_eq!(
            as_of("# R\n\nSprint dates: 2026-11-10 → 2026-12-21\n"),
            Some(date(2026, 12, 5))
        );
        // The report's own date, wherever it stands, says when it was true.
        assert_eq!(
            as_of("# R\n\n**Period:** 2 – 15 November 2026\n**Report date:** 16 November 2026\n"),
            Some(date(2026, 11, 16))
        );
        // A weekly report is dated by the last day of its week.
        assert_eq!(
            as_of("# R\n\n**Week ending:** 20 Nov 2026  \n**Project manager:** Dana\n"),
            Some(date(2026, 11, 20))
        );
        assert_eq!(
            as_of("# R\n\nWeek ended 2026-11-20 · Team Falcon\n"),
            Some(date(2026, 11, 20))
        );
        // A German report's period, with its calendar week before its days.
        assert_eq!(
            as_of("# R\n\n**Berichtszeitraum:** KW 47 (17.11.2026 – 21.11.2026)\n"),
            Some(date(2026, 11, 21))
        );
        assert_eq!(
            as_of("# R\n\nPeriodo di riferimento: 1-15 novembre 2026\n"),
            Some(date(2026, 11, 15))
        );
        // A week's number is no period's label of its own.
        assert_eq!(as_of("# R\n\nKW 47 (17.11.2026 – 21.11.2026)\n"), None);
    }

    /// A heading written as a status line declares the health, and so
    /// does a health heading over a line that starts with a mark; the first
    /// in the document wins, and a plain `Status:` heading under a lot's
    /// heading is the lot's.
    #[test]
    fn a_heading_declares_the_health() {
        let declared = |text: &str| {
            let status = read_text(text, date(2026, 12, 5));
            (status.declared_health, status.declared_health_line)
        };
        assert_eq!(
            declared("# COPIL\n\nPrésents : M. Durand\n\n## Météo : 🌥️ Nuageux\n\n## Actions\n"),
            (Some(Health::Amber), Some(5))
        );
        assert_eq!(
            declared("# P\n\n## Météo du projet\n\n🌧️ Pluvieux — retard du lot 2\n"),
            (Some(Health::Red), Some(5))
        );
        assert_eq!(
            declared("# P\n\n## Overall status: 🟡 Amber\n"),
            (Some(Health::Amber), Some(3))
        );
        assert_eq!(
            declared("# P\n\n**Statut global :** 🟢 Vert\n\n## Météo : 🌧️ Pluie\n"),
            (Some(Health::Green), Some(3))
        );
        assert_eq!(
            declared("# P\n\n## Lot 2\n\n### Status: 🔴 Red\n"),
            (None, None)
        );
        // A heading over a list of weathers by axis declares nothing itself.
        assert_eq!(declared("# P\n\n## Météo\n\n- Budget : 🌧️\n"), (None, None));
    }

    /// A GitHub issue form's answers, each a label's heading over one
    /// line, read as their labelled lines; a heading that is no label, or
    /// over more than one line, is not.
    #[test]
    fn an_issue_forms_answers() {
        let text = "# Tracking: SSO rollout\n\n### Status\n\nOn track\n\n### Owner\n\n@nina\n\n### Target date\n\n2026-12-20\n\n### Summary\n\n2026-11-01\n\n### Tasks\n\n- [ ] Staging tested\n";
        let status = read_text(text, date(2026, 12, 5));
        assert_eq!(status.declared_health, Some(Health::Green));
        assert_eq!(status.owner.as_deref(), Some("@nina"));
        assert_eq!(status.end, Some(date(2026, 12, 20)));
        let text = "# P\n\n## Owner\n\n@nina and @omar share it.\nSee the wiki.\n";
        assert_eq!(read_text(text, date(2026, 12, 5)).owner, None);
    }

    /// RAG squares say a project's health as circles do.
    #[test]
    fn rag_squares_are_health() {
        let health = |text: &str| read_text(text, date(2026, 12, 5)).declared_health;
        assert_eq!(
            health("# P\n\n**Overall status:** 🟨 Amber\n"),
            Some(Health::Amber)
        );
        assert_eq!(health("# P\n\nStatut global : 🟥\n"), Some(Health::Red));
        assert_eq!(
            health("# P\n\nProject health: 🟩 on track\n"),
            Some(Health::Green)
        );
    }

    #[test]
    fn last_update_wins_over_an_earlier_creation_date() {
        // Seed 001's first lines.
        let text = "# Suivi - WindFlow\n\n**Date de création :** 10/01/2024  \n**Dernière mise à jour :** 10/01/2025 01:15  \n**Statut global :** 🟢 Phase 1.0 finalisée\n";
        let status = read_text(text, date(2026, 11, 1));
        assert_eq!(status.as_of, Some(date(2025, 1, 10)));
        assert_eq!(status.declared_health, Some(Health::Green));
    }

    #[test]
    fn french_date_label() {
        let status = read_text("# T\n\n**Date**: 2 février 2026  \n", date(2026, 11, 1));
        assert_eq!(status.as_of, Some(date(2026, 2, 2)));
    }

    #[test]
    fn segments_of_one_line() {
        // Corpus 02 and 20.
        let status = read_text(
            "# T\n> TrackYu GPS · Démarré le 2026-04-03 · Audit complet : 2026-04-04 · MàJ : 2026-04-05\n",
            date(2026, 11, 1),
        );
        assert_eq!(status.as_of, Some(date(2026, 4, 5)));
        let status = read_text(
            "# T\n\n**Project Status:** In Development | **Last Updated:** Nov 27, 2025\n",
            date(2026, 11, 1),
        );
        assert_eq!(status.as_of, Some(date(2025, 11, 27)));
    }

    #[test]
    fn segments_split_at_every_separator() {
        let split = |text| segments(text).collect::<Vec<_>>();
        assert_eq!(
            split("Statut : 🟢 · Date : 3 mars • Owner : @zoé | Budget : 80 %"),
            [
                "Statut : 🟢",
                "Date : 3 mars",
                "Owner : @zoé",
                "Budget : 80 %"
            ]
        );
        assert_eq!(split("| a ||  b |"), ["a", "b"]);
        // Other characters with the separators' first bytes split nothing.
        assert_eq!(split("Coût : 10 € — 25 °C"), ["Coût : 10 € — 25 °C"]);
        assert!(split(" · | ").is_empty());
        // A spaced dash parts two labelled segments only.
        assert_eq!(
            split("Date : 18 novembre 2026 — Chef de projet : Claire Dupont – Sponsor : M. Petit"),
            [
                "Date : 18 novembre 2026",
                "Chef de projet : Claire Dupont",
                "Sponsor : M. Petit"
            ]
        );
        assert_eq!(
            split("Jalon 1 — Recette : 15/03/2026"),
            ["Jalon 1 — Recette : 15/03/2026"]
        );
        assert_eq!(
            split("Recette : 15/03/2026 — à confirmer"),
            ["Recette : 15/03/2026 — à confirmer"]
        );
    }

    #[test]
    fn label_without_colon_and_german_stand() {
        let status = read_text("Mis à jour le 3 mars 2026\n", date(2026, 11, 1));
        assert_eq!(status.as_of, Some(date(2026, 3, 3)));
        let status = read_text("# Risk Register\n\nStand: 2026-06-23\n", date(2026, 11, 1));
        assert_eq!(status.as_of, Some(date(2026, 6, 23)));
        // A programme's monthly report, said to be of its day, and its
        // director.
        let status = read_text(
            "# Programme Horizon — rapport mensuel\n\n\
             Rapport du 30/11/2026 · Directeur de programme : Hélène Garnier\n",
            date(2026, 12, 1),
        );
        assert_eq!(status.as_of, Some(date(2026, 11, 30)));
        assert_eq!(status.owner.as_deref(), Some("Hélène Garnier"));
    }

    #[test]
    fn last_activity_is_an_as_of_label() {
        let status = read_text(
            "# State\n\nLast activity: 2026-03-27 — Roadmap created\n",
            date(2026, 11, 1),
        );
        assert_eq!(status.as_of, Some(date(2026, 3, 27)));
        let status = read_text("**Dernière activité :** 4 mai 2026\n", date(2026, 11, 1));
        assert_eq!(status.as_of, Some(date(2026, 5, 4)));
        // A page exported from Notion dates itself by its last edit.
        let status = read_text(
            "# Website Redesign\n\nStatus: In progress\nLast edited time: December 3, 2026 4:12 PM\n",
            date(2026, 11, 1),
        );
        assert_eq!(status.as_of, Some(date(2026, 12, 3)));
        // An activity that is not the last one dates nothing.
        let status = read_text("Next activity: 2026-12-01\n", date(2026, 11, 1));
        assert_eq!(status.as_of, None);
    }

    #[test]
    fn year_less_as_of_warns() {
        let status = read_text("Last updated: March 3\n", date(2026, 2, 20));
        assert_eq!(status.as_of, Some(date(2026, 3, 3)));
        assert!(status.diagnostics.iter().any(|d| d.code == "inferred-year"));
    }

    #[test]
    fn no_labelled_line_gives_no_as_of() {
        let status = read_text(
            "# T\n\n## SYNTHÈSE (Décembre 2025)\n\nLivré le 3 mars 2026.\n",
            date(2026, 11, 1),
        );
        assert_eq!(status.as_of, None);
    }

    /// A French *météo projet*: sun, clouds, rain and storms.
    #[test]
    fn the_weather_of_a_project_is_its_health() {
        let health =
            |line: &str| read_text(&format!("# P\n\n{line}\n"), date(2026, 1, 1)).declared_health;
        assert_eq!(health("**Météo projet :** ☀️"), Some(Health::Green));
        assert_eq!(
            health("**Météo :** 🌤️ quelques réserves"),
            Some(Health::Green)
        );
        assert_eq!(
            health("Météo : ⛅ retards sur le lot 2"),
            Some(Health::Amber)
        );
        assert_eq!(
            health("- **Météo du projet** : 🌧️ (budget dépassé)"),
            Some(Health::Red)
        );
        assert_eq!(health("**Statut global :** ⛈️ crise"), Some(Health::Red));
        assert_eq!(health("**Météo :** Ensoleillé"), Some(Health::Green));
        assert_eq!(
            health("**Météo :** Orageux — arbitrage demandé"),
            Some(Health::Red)
        );
        // A weather word inside a sentence is not the weather.
        assert_eq!(
            health("**Météo :** à revoir après la pluie de tickets"),
            None
        );
        // Nor is the weather of a line that is no project status.
        assert_eq!(health("Prévision : ☀️ pour la démo"), None);
        // The whole project's weather, by other names.
        assert_eq!(health("**Météo générale :** 🟠"), Some(Health::Amber));
        assert_eq!(health("**Santé globale** : 🔴"), Some(Health::Red));
        assert_eq!(health("RAG status: Amber"), Some(Health::Amber));
        assert_eq!(health("**Overall RAG:** 🟢"), Some(Health::Green));
    }

    /// `**Overall:** 🟡` heading a report's health section is the
    /// project's health; a lot's `Global :` under the lot's heading is not.
    #[test]
    fn an_overall_line_over_the_areas_is_the_projects_health() {
        let text = "# P\n\n## Health by area\n\n**Overall:** 🟡\n\n- Budget: 🟢\n";
        let status = read_text(text, date(2026, 11, 1));
        assert_eq!(status.declared_health, Some(Health::Amber));
        assert_eq!(status.declared_health_line, Some(5));
        let lot = read_text("# P\n\n## Lot 2\n\n**Global :** 🟠\n", date(2026, 1, 1));
        assert_eq!(lot.declared_health, None);
        let top = read_text("# P\n\nGlobal : 🔴\n", date(2026, 1, 1));
        assert_eq!(top.declared_health, Some(Health::Red));
    }

    #[test]
    fn phase_status_is_not_project_health() {
        let text = "# T\n\n## Phase 1\n\n**Statut :** 🟡 En cours\n\n## Recommandation Globale\n\n**Status : 🔴 EN ALERTE**\n";
        let status = read_text(text, date(2026, 11, 1));
        assert_eq!(status.declared_health, Some(Health::Red));
        let status = read_text(
            "# T\n\n## Phase 1\n\n**Statut :** 🟡 En cours\n",
            date(2026, 1, 1),
        );
        assert_eq!(status.declared_health, None);
    }

    #[test]
    fn placeholder_lines_warn_once() {
        let text =
            "**Version :** (Basée sur l'analyse du code au 2024-MM-JJ - *remplacez MM-JJ*)\n";
        let status = read_text(text, date(2026, 1, 1));
        let placeholders: Vec<_> = status
            .diagnostics
            .iter()
            .filter(|d| d.code == "placeholder-date")
            .collect();
        assert_eq!(placeholders.len(), 1);
        assert_eq!(placeholders[0].line, 1);
        assert_eq!(status.as_of, None);
    }
}
