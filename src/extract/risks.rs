//! Risks, blockers and threats (`EXTRACTION.md` §8).
//!
//! Documents write risks three ways, each read here:
//! - a list under a risk heading, fields as child lines (seed `001_…`:
//!   `### 🔴 Risques Critiques Actuels` / `1. **Backend et Frontend
//!   complètement vides**` / `- Impact : TRÈS ÉLEVÉ`);
//! - one sub-heading per risk, fields as labelled lines (corpus 17:
//!   `### CR-01: SOW Negotiation …` / `**Probability:** Medium (40%)`;
//!   corpus 01: `### Risque 1: Certification NF525 Refusée`);
//! - a table (corpus 11: `| ID | Risiko | Schwere | Wahrscheinlichkeit |…`).
//!
//! Headings that are *about* risk management rather than lists of risks
//! (`Risk Assessment Matrix`, `Weekly Risk Review Process`, `Risk
//! Contingency Budget` in corpus 17) are not risk sections: their bullets
//! are definitions and procedures.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;
use std::sync::LazyLock;

use regex::Regex;

use super::folding::{fold, folded_words, trailing_aside, WordList};
use super::outline::{Block, ListEntry, Outline, OutlineSection, Table, TextLine};
use super::people;
use super::sections::before_owner_at_end;
use super::tables::{self, RaidKind, TableKind, RISK_COLUMN_WORDS};
use crate::ingest::Document;
use crate::model::{DocumentStatus, Risk, Severity};

/// Heading words of a risk section (folded, whole words).
const RISK_HEADING_WORDS: &[&str] = &[
    "risque",
    "risques",
    "risk",
    "risks",
    "menace",
    "menaces",
    "blocage",
    "blocages",
    "bloquant",
    "bloquants",
    "blocker",
    "blockers",
    // Scrum's word for them, and a stand-up's.
    "impediment",
    "impediments",
    "impedimentos",
    "obstacle",
    "obstacles",
    "risiko",
    "risiken",
    "riesgo",
    "riesgos",
    "rischio",
    "rischi",
    "risco",
    "riscos",
    // An Italian report's `Criticità`: the points that put the work at
    // risk.
    "criticita",
    // What a French steering committee watches (`Points de vigilance`):
    // risks written without their scales. `Points d'attention` is left:
    // seed 001's sums up the risks its risk section rated already.
    "vigilance",
    // The third P of a weekly Progress, Plans, Problems report.
    "problems",
    "problemes",
    "problemi",
    // Not `Difficultés` (`rencontrées`): what a team met and how it
    // solved it, as corpus 09's lists of solutions under `## Difficultes
    // Rencontrees` are, more often than risks still open.
];

/// Heading words of sections about risk management, not risks.
const MANAGEMENT_HEADING_WORDS: &[&str] = &[
    "matrix",
    "matrice",
    "definition",
    "definitions",
    "methodology",
    "methodologie",
    "process",
    "processus",
    "budget",
    "maintenance",
    "distribution",
    "breakdown",
    "repartition",
    "escalation",
    "escalade",
    "review",
    "monitoring",
    "reporting",
    "triggers",
    "legend",
    "legende",
    "appendix",
    "annexe",
    "summary",
    "synthese",
    "scale",
    "echelle",
    "scoring",
    "categories",
    "contingency",
    "criteria",
    "criteres",
];

/// Scale words for impact and probability, 1 (very low) to 5 (very high),
/// folded, longest first so that `très élevé` beats `élevé`.
const SCALE_WORDS: &[(&str, u8)] = &[
    ("tres eleve", 5),
    ("tres elevee", 5),
    ("tres haute", 5),
    ("tres haut", 5),
    ("tres fort", 5),
    ("tres forte", 5),
    ("very high", 5),
    ("muy alto", 5),
    ("muy alta", 5),
    ("tres faible", 1),
    ("tres basse", 1),
    ("very low", 1),
    ("muy bajo", 1),
    ("muy baja", 1),
    ("muito alto", 5),
    ("muito alta", 5),
    ("muito baixo", 1),
    ("muito baixa", 1),
    ("critique", 5),
    ("critical", 5),
    ("kritisch", 5),
    ("critico", 5),
    ("critica", 5),
    ("constate", 5),
    ("constatee", 5),
    ("occurred", 5),
    ("certain", 5),
    ("eleve", 4),
    ("elevee", 4),
    ("haute", 4),
    ("haut", 4),
    ("fort", 4),
    ("forte", 4),
    ("high", 4),
    ("hoch", 4),
    ("alto", 4),
    ("alta", 4),
    ("elevato", 4),
    ("elevata", 4),
    ("major", 4),
    ("majeur", 4),
    ("moyen", 3),
    ("moyenne", 3),
    ("medium", 3),
    ("moderate", 3),
    ("modere", 3),
    ("moderee", 3),
    ("mittel", 3),
    ("medio", 3),
    ("media", 3),
    ("faible", 2),
    ("basse", 2),
    ("bas", 2),
    ("low", 2),
    ("niedrig", 2),
    ("gering", 2),
    ("bajo", 2),
    ("baja", 2),
    ("basso", 2),
    ("bassa", 2),
    ("baixo", 2),
    ("baixa", 2),
    ("minor", 2),
    ("mineur", 2),
    // A likelihood's words (`| Likelihood | Likely |`, `— high impact,
    // likely`), the five steps of the usual scale.
    ("almost certain", 5),
    ("very likely", 5),
    ("tres probable", 5),
    ("likely", 4),
    ("probable", 4),
    ("possible", 3),
    ("unlikely", 2),
    ("peu probable", 2),
    ("very unlikely", 1),
    ("improbable", 1),
    ("rare", 1),
];

/// [`SCALE_WORDS`] that rate a likelihood only: alone after a risk's
/// title, they are its probability (`— high impact, likely`).
const LIKELIHOOD_WORDS: &[&str] = &[
    "almost certain",
    "very likely",
    "tres probable",
    "likely",
    "probable",
    "possible",
    "unlikely",
    "peu probable",
    "very unlikely",
    "improbable",
    "rare",
];

/// Severity cues of a heading, markers first (`🟡 BLOQUANTS RESTANTS (Non
/// critiques)` is medium, whatever its words say).
const HEADING_SEVERITY_MARKERS: &[(char, Severity)] = &[
    ('🔴', Severity::Critical),
    ('🟠', Severity::High),
    ('🟡', Severity::Medium),
    ('🟢', Severity::Low),
];

const HEADING_SEVERITY_WORDS: &[(&str, Severity)] = &[
    ("critique", Severity::Critical),
    ("critiques", Severity::Critical),
    ("critical", Severity::Critical),
    ("kritisch", Severity::Critical),
    ("eleve", Severity::High),
    ("eleves", Severity::High),
    ("high", Severity::High),
    ("a surveiller", Severity::Medium),
    ("watch", Severity::Medium),
    ("moyen", Severity::Medium),
    ("moyens", Severity::Medium),
    ("medium", Severity::Medium),
    ("moderate", Severity::Medium),
    ("faible", Severity::Low),
    ("faibles", Severity::Low),
    ("low", Severity::Low),
];

/// Which risk field a label (folded words) names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Impact,
    Probability,
    /// A severity column or line: the impact when a probability is also
    /// given, else the severity itself (corpus 20: `| Severity | 🔴 Critical |`).
    Severity,
    Mitigation,
    Owner,
    Status,
    Id,
    Title,
    /// A RAID log's type column: which rows are risks.
    Kind,
}

const FIELD_LABELS: &[(&str, Field)] = &[
    ("impact", Field::Impact),
    ("impacts", Field::Impact),
    ("auswirkung", Field::Impact),
    ("auswirkungen", Field::Impact),
    ("schadenshohe", Field::Impact),
    ("consequence", Field::Impact),
    ("gravite", Field::Severity),
    ("severite", Field::Severity),
    ("severity", Field::Severity),
    ("schwere", Field::Severity),
    ("criticite", Field::Severity),
    ("criticality", Field::Severity),
    // A RAID log's rating of each row (`| Rating |` High, Medium, Low).
    ("rating", Field::Severity),
    ("risk rating", Field::Severity),
    ("risk level", Field::Severity),
    ("niveau", Field::Severity),
    ("niveau de risque", Field::Severity),
    ("probabilite", Field::Probability),
    ("probability", Field::Probability),
    ("likelihood", Field::Probability),
    ("wahrscheinlichkeit", Field::Probability),
    // German's usual word in a register: the likelihood of occurring.
    ("eintrittswahrscheinlichkeit", Field::Probability),
    ("probabilidad", Field::Probability),
    ("impacto", Field::Impact),
    ("gravedad", Field::Severity),
    ("mitigacion", Field::Mitigation),
    ("plan de mitigacion", Field::Mitigation),
    ("estado", Field::Status),
    ("probabilita", Field::Probability),
    ("impatto", Field::Impact),
    ("gravita", Field::Severity),
    ("mitigazione", Field::Mitigation),
    ("piano di mitigazione", Field::Mitigation),
    ("azione", Field::Mitigation),
    ("azioni", Field::Mitigation),
    ("contromisura", Field::Mitigation),
    ("contromisure", Field::Mitigation),
    ("responsabile", Field::Owner),
    ("referente", Field::Owner),
    ("stato", Field::Status),
    ("probabilidade", Field::Probability),
    ("gravidade", Field::Severity),
    ("mitigacao", Field::Mitigation),
    ("plano de mitigacao", Field::Mitigation),
    ("plano de acao", Field::Mitigation),
    ("acao", Field::Mitigation),
    ("acoes", Field::Mitigation),
    ("responsavel", Field::Owner),
    ("situacao", Field::Status),
    ("occurrence", Field::Probability),
    ("mitigation", Field::Mitigation),
    ("mitigations", Field::Mitigation),
    ("mitigation strategies", Field::Mitigation),
    ("mitigation strategy", Field::Mitigation),
    ("mitigation plan", Field::Mitigation),
    ("mitigation action", Field::Mitigation),
    ("mitigation actions", Field::Mitigation),
    ("action plan", Field::Mitigation),
    ("parade", Field::Mitigation),
    ("action", Field::Mitigation),
    ("actions", Field::Mitigation),
    ("action requise", Field::Mitigation),
    ("plan d action", Field::Mitigation),
    ("contre mesure", Field::Mitigation),
    ("contre mesures", Field::Mitigation),
    ("massnahme", Field::Mitigation),
    ("massnahmen", Field::Mitigation),
    // Folding keeps `ß`: `Maßnahme` as German writes it.
    ("maßnahme", Field::Mitigation),
    ("maßnahmen", Field::Mitigation),
    ("response", Field::Mitigation),
    ("reponse", Field::Mitigation),
    ("owner", Field::Owner),
    ("responsable", Field::Owner),
    ("porteur", Field::Owner),
    ("assignee", Field::Owner),
    ("verantwortlich", Field::Owner),
    ("statut", Field::Status),
    ("status", Field::Status),
    ("etat", Field::Status),
    ("id", Field::Id),
];

/// Words that mark a risk as no longer open.
const CLOSED_WORDS: &[&str] = &[
    "closed",
    "ferme",
    "clos",
    "cloture",
    "resolu",
    "resolue",
    "resolved",
    "mitigated",
    "mitige",
    "attenue",
    "leve",
    "levee",
    "geschlossen",
    "erledigt",
    "chiuso",
    "chiusa",
    "risolto",
    "risolta",
    "mitigato",
    "mitigata",
    "fechado",
    "fechada",
    "encerrado",
    "encerrada",
    "resolvido",
    "resolvida",
    "mitigado",
    "mitigada",
];

/// `Risque 1:` / `Risk 2 -` / `1.` at the start of a title: numbering, not
/// the title. A number is read whole (`Risque 11.20`, `1.2 Retard`): its
/// dot is not a separator.
static RISK_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:risque|risk|risiko|rischio|blocage|bloquant|blocker)\s*#?\d+(?:\.\d+)*|\d+(?:\.\d+)*[.)](?:\s|$))\s*[:\-–—.]?\s*",
    )
    .expect("risk number pattern compiles")
});

/// A risk id at the start of a title and the title after it: `CR-01:`,
/// `R-001`, `HR-10 -`, or an id without its hyphen when a separator
/// follows (`R8 — Départ`, `R3:`; `Q4 delivery` has none).
fn split_id(title: &str) -> Option<(&str, &str)> {
    let bytes = title.as_bytes();
    let capitals = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let hyphen = bytes.get(capitals) == Some(&b'-');
    let digits_at = capitals + usize::from(hyphen);
    let digits = (bytes.get(digits_at..)?.iter())
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=4).contains(&capitals) || !(1..=4).contains(&digits) {
        return None;
    }
    let end = digits_at + digits;
    let rest = title[end..].trim_start();
    let separated = rest.strip_prefix([':', '-', '–', '—', '.']);
    if hyphen {
        Some((&title[..end], separated.unwrap_or(rest).trim_start()))
    } else {
        // `R3.` could be the start of a sentence: a stop is no separator here.
        let separated = separated.filter(|_| !rest.starts_with('.'))?;
        Some((&title[..end], separated.trim_start()))
    }
}

/// Whether `title` begins as [`RISK_NUMBER`] needs: with the first letter
/// of one of its words, or with a digit (`\d` is any Unicode digit).
fn may_open_with_number(title: &str) -> bool {
    title.starts_with(|c: char| matches!(c, 'r' | 'R' | 'b' | 'B') || c.is_numeric())
}

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,3})\s*%").expect("percent pattern compiles"));

static OUT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2}(?:\.\d)?)\s*/\s*(5|10|20|100)\b").expect("score pattern compiles")
});

static RISK_HEADINGS: LazyLock<WordList> = LazyLock::new(|| WordList::of(RISK_HEADING_WORDS));
static MANAGEMENT_HEADINGS: LazyLock<WordList> =
    LazyLock::new(|| WordList::of(MANAGEMENT_HEADING_WORDS));
static SCALES: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(SCALE_WORDS.iter().map(|(word, _)| *word)));
static HEADING_SEVERITIES: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(HEADING_SEVERITY_WORDS.iter().map(|(word, _)| *word)));
static CLOSED: LazyLock<WordList> = LazyLock::new(|| WordList::of(CLOSED_WORDS));
static RISK_COLUMNS: LazyLock<WordList> = LazyLock::new(|| WordList::of(RISK_COLUMN_WORDS));
/// Header words of the column that names a risk, besides the risk words.
static TITLE_COLUMNS: LazyLock<WordList> = LazyLock::new(|| {
    WordList::of(&[
        "description",
        "issue",
        "probleme",
        "blocage",
        "blocker",
        "titre",
        "title",
    ])
});

/// Whether a heading, folded, holds a risk word, whatever else it says.
/// Nothing in such a section is work ([`super::sections`]): a
/// `## Points bloquants`'s `⚠️ Électricité : retard` is a blocker, not an
/// item in progress, and a `## Risk budget`'s `12% of budget` is no
/// progress claim, though only a section about risks themselves, not
/// about managing them, has its entries read as risks.
pub fn mentions_risks(folded: &str) -> bool {
    RISK_HEADINGS.any(folded)
}

/// Whether a section holds risks by its heading ([`mentions_risks`]), or
/// as a list of rated concerns: a heading about attention points
/// (`Points d'attention`, `Sujets d'attention`, `Concerns`, `Watch
/// list`) over lists whose every entry starts with a RAG circle, its
/// severity (a portfolio dashboard's `🔴 Data lake : budget non validé`
/// is a critical risk, `🟠 Migration ERP : dépendance au prestataire` a
/// high one), or with a warning sign, rated by its own words if at all (a
/// weekly point's `⚠️ Retard de la DSI sur les certificats — impact
/// moyen`). Seed 001's `Points d'Attention`, a numbered list of notes
/// that sums up risks its risk section rated, holds none.
pub fn holds_risks(section: &OutlineSection) -> bool {
    /// Signs that flag an entry as a concern: warning, alarm, exclamation.
    const WARNING_SIGNS: &str = "⚠🚨❗❕";
    static ATTENTION: LazyLock<WordList> =
        LazyLock::new(|| WordList::of(&["attention", "concerns", "watchlist", "watch list"]));
    let rated = |entry: &ListEntry| {
        let first = entry.first_line().trim_start().chars().next();
        first.is_some_and(|c| circle_severity(c).is_some() || WARNING_SIGNS.contains(c))
    };
    let lists = || {
        (section.blocks.iter()).filter_map(|block| match block {
            Block::List(entries) => Some(entries),
            _ => None,
        })
    };
    // The circles first: most sections' lists start with none, and a
    // heading's words cost more to look at.
    mentions_risks(&section.folded)
        || (lists().next().is_some()
            && lists().all(|entries| entries.iter().all(rated))
            && ATTENTION.any(&section.folded))
}

/// Every section, depth first, with whether it is a risk section (its
/// heading names risks, or it sits under one and is not about risk management).
pub fn risk_context<'o>(outline: &'o Outline) -> Vec<(&'o OutlineSection, bool)> {
    fn visit<'o>(
        section: &'o OutlineSection,
        inherited: bool,
        out: &mut Vec<(&'o OutlineSection, bool)>,
    ) {
        // `HR-06: Budget Approval Delayed` is a risk even though `budget`
        // is a management word: its own impact/probability lines say so.
        let management = MANAGEMENT_HEADINGS.any(&section.folded) && !is_risk_per_heading(section);
        // A bold label (`**Risk Identification Sources:**`) is not a
        // heading of its own: it only inherits.
        let named =
            !section.pseudo && !MANAGEMENT_HEADINGS.any(&section.folded) && holds_risks(section);
        let inside = !management && (inherited || named);
        out.push((section, inside));
        for child in &section.children {
            visit(child, inside, out);
        }
    }
    let mut out = Vec::new();
    for section in &outline.sections {
        visit(section, false, &mut out);
    }
    out
}

/// A value on the 1-5 scale: a scale word, else a percentage, else a score
/// out of 5, 10, 20 or 100 (`8/10` is 4), else a bare `1`-`5` (a register's
/// `| Impact | Probabilité |` columns of numbers). A bare `7` says nothing
/// of its scale and is not read.
pub fn scale_of(text: &str) -> Option<u8> {
    let folded = fold(text);
    // The first word; at one place the longest (`tres eleve` beats `tres`).
    let word = SCALES
        .all(&folded)
        .into_iter()
        .map(|(at, index)| {
            let (word, value) = SCALE_WORDS[index];
            (at, std::cmp::Reverse(word.len()), value)
        })
        .min()
        .map(|(_, _, value)| value);
    if word.is_some() {
        return word;
    }
    if let Some(captures) = PERCENT.captures(&folded) {
        let percent: u32 = captures[1].parse().ok()?;
        return Some(match percent {
            0..=20 => 1,
            21..=40 => 2,
            41..=60 => 3,
            61..=80 => 4,
            _ => 5,
        });
    }
    let Some(captures) = OUT_OF.captures(&folded) else {
        return bare_scale_value(&folded);
    };
    let value: f64 = captures[1].parse().ok()?;
    let scale: f64 = captures[2].parse().ok()?;
    if value > scale {
        return None;
    }
    Some(((value / scale * 5.0).round() as u8).clamp(1, 5))
}

/// `4`, `**4**`: a number alone on the 1-5 scale.
fn bare_scale_value(folded: &str) -> Option<u8> {
    let number = folded.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '`'));
    match number.as_bytes() {
        &[digit @ b'1'..=b'5'] => Some(digit - b'0'),
        _ => None,
    }
}

/// Severity from impact × probability (§8).
pub fn severity_of(impact: u8, probability: u8) -> Severity {
    match u32::from(impact) * u32::from(probability) {
        15.. => Severity::Critical,
        10..=14 => Severity::High,
        5..=9 => Severity::Medium,
        _ => Severity::Low,
    }
}

/// Severity straight from a 1-5 level (a `Severity` column).
fn severity_of_level(level: u8) -> Severity {
    match level {
        5 => Severity::Critical,
        4 => Severity::High,
        3 => Severity::Medium,
        _ => Severity::Low,
    }
}

/// The severity a heading implies (`🔴 Risques Critiques Actuels` is
/// critical), given folded too (`folded`): the first circle in it (one
/// character each, found in one pass over the non-ASCII characters), else
/// its first severity word.
fn heading_severity(heading: &str, folded: &str) -> Option<Severity> {
    (heading.chars())
        .filter(|c| !c.is_ascii())
        .find_map(circle_severity)
        .or_else(|| {
            HEADING_SEVERITIES
                .first(folded)
                .map(|(_, index)| HEADING_SEVERITY_WORDS[index].1)
        })
}

/// The severity a circle says (`🔴` critical, `🟠` high, `🟡` medium,
/// `🟢` low), in a heading or at the start of a risk's line.
fn circle_severity(c: char) -> Option<Severity> {
    (HEADING_SEVERITY_MARKERS.iter())
        .find(|(marker, _)| *marker == c)
        .map(|(_, severity)| *severity)
}

fn field_of(label: &str) -> Option<Field> {
    super::folding::look_up(FIELD_LABELS, label)
}

/// Whether the headers of a table rate both the likelihood and the impact
/// (or severity) of each row, as a risk register does, in the words its
/// columns are read by.
pub(super) fn rates_likelihood_and_impact(headers: &[String]) -> bool {
    let rates = |wanted: &[Field]| {
        (headers.iter()).any(|header| field_of(header).is_some_and(|f| wanted.contains(&f)))
    };
    rates(&[Field::Probability]) && rates(&[Field::Impact, Field::Severity])
}

/// Splits `Label : value` when the label is a risk field.
fn field_line(text: &str) -> Option<(Field, &str)> {
    let (label, value) = text.split_once(':')?;
    Some((field_of(label)?, value.trim()))
}

/// Whether `text` (after a title's colon) says only whether the risk is
/// open or closed: `résolu`, `**Clos**`, `En cours`.
fn is_status_clause(text: &str) -> bool {
    let said = folded_words(text);
    !said.is_empty()
        && (CLOSED_WORDS.contains(&said.as_str()) || OPEN_WORDS.contains(&said.as_str()))
}

/// Words that say a risk is still open, as the whole of a status clause.
const OPEN_WORDS: &[&str] = &[
    "open",
    "ouvert",
    "ouverte",
    "en cours",
    "in progress",
    "actif",
    "active",
    "a surveiller",
    "offen",
    // A ROAM board's states of a risk still there: someone owns it, or
    // the project lives with it.
    "owned",
    "accepted",
    "accepte",
    "acceptee",
];

/// Whether a status value says the risk is closed (`Statut : Clos`).
fn is_closed(text: &str) -> bool {
    text.contains('✅') || CLOSED.any(&fold(text))
}

/// Whether a risk's title line says the risk is closed: ✅, or a closed
/// word where a status stands (an aside that ends the line, `(resolved)`;
/// the clause after its last separator, `— résolu le 12/11`; a label
/// before its first, `Résolu : …`, `[Clos] …`), not a word of its
/// sentence: `Disponibilité des gestionnaires (clôture annuelle)`, `date
/// de livraison ferme`, `retard de la levée de fonds` are open.
fn title_says_closed(title: &str) -> bool {
    if title.contains('✅') {
        return true;
    }
    let title = title.trim();
    let aside = trailing_aside(title).map(|(_, inside)| inside);
    let (first, last) = first_and_last_separators(title);
    let after_last = last.map(|separator| &title[separator.end..]);
    let before_first = first.map(|separator| &title[..separator.start]);
    let label = title
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .map(|(inside, _)| inside);
    [aside, after_last, before_first, label]
        .into_iter()
        .flatten()
        .any(starts_with_closed_word)
}

/// The first and the last of the separators that part a risk's title
/// from a status said after or before it (`: `, ` — `, ` – `, ` - `, ` --
/// `, ` | `, ` → `, ` -> `), found in one pass over its bytes.
fn first_and_last_separators(title: &str) -> (Option<Range<usize>>, Option<Range<usize>>) {
    const SPACED: &[&str] = &["--", "->", "-", "—", "–", "|", "→"];
    let bytes = title.as_bytes();
    let mut first = None;
    let mut last = None;
    for (at, &byte) in bytes.iter().enumerate() {
        let found = match byte {
            b':' if bytes.get(at + 1) == Some(&b' ') => Some(at..at + 2),
            b' ' => SPACED.iter().find_map(|mark| {
                let end = at + 1 + mark.len();
                (bytes[at + 1..].starts_with(mark.as_bytes()) && bytes.get(end) == Some(&b' '))
                    .then_some(at..end + 1)
            }),
            _ => None,
        };
        if let Some(found) = found {
            first.get_or_insert(found.clone());
            last = Some(found);
        }
    }
    (first, last)
}

/// `title` without a status label before it (`Résolu : …`, `[Clos] …`)
/// and a closed clause after it (`… — levé le 12/11`): the risk's
/// `closed` says them.
fn without_status_places(title: &str) -> &str {
    let mut title = title;
    if let Some((inside, rest)) = title.strip_prefix('[').and_then(|t| t.split_once(']')) {
        if is_status_clause(inside) {
            title = rest.trim_start();
        }
    }
    if let Some((label, rest)) = title.split_once(':') {
        // A status is a word or two (`Résolu`, `En cours`): a longer label
        // is not folded to find out.
        if label.len() <= 24 && is_status_clause(label) && !rest.trim().is_empty() {
            title = rest.trim_start();
        }
    }
    match first_and_last_separators(title).1 {
        Some(last) if last.start > 0 && starts_with_closed_word(&title[last.end..]) => {
            title[..last.start].trim_end()
        }
        _ => title,
    }
}

/// Whether `place` starts with a closed word ([`CLOSED_WORDS`]); a French
/// participle that folds as a noun or an adjective does (`fermé`,
/// `clôturée`, `levé`) only with its accent: `ferme`, `clôture` and
/// `lève` are other words.
fn starts_with_closed_word(place: &str) -> bool {
    let Some(first) = place
        .split_whitespace()
        .next()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
    else {
        return false;
    };
    // Every closed word starts with one of these letters, in either case:
    // most places are ruled out before they are folded.
    if !first
        .bytes()
        .next()
        .is_some_and(|b| b"cfrmalgeCFRMALGE".contains(&b))
    {
        return false;
    }
    let folded = fold(first);
    if !CLOSED_WORDS.contains(&folded.as_str()) {
        return false;
    }
    let lower = first.to_lowercase();
    let participle = ["é", "ée", "és", "ées"]
        .iter()
        .any(|end| lower.ends_with(end));
    !matches!(folded.as_str(), "ferme" | "cloture" | "leve" | "levee") || participle
}

/// A risk being read, before its severity is settled.
#[derive(Default)]
struct Draft {
    title: String,
    id: Option<String>,
    impact: Option<u8>,
    probability: Option<u8>,
    severity_level: Option<u8>,
    /// The severity of the circle the risk's line starts with (`- 🔴
    /// Retard de l'hébergeur`), read as a heading's circle is.
    marked: Option<Severity>,
    mitigation: Option<String>,
    owner: Option<String>,
    closed: bool,
    line: usize,
}

impl Draft {
    /// A draft titled by `text` with its id and numbering taken off.
    fn titled(text: &str, line: usize, struck: bool) -> Draft {
        let mut title = text.trim();
        let mut id = None;
        if let Some((found, rest)) = split_id(title) {
            id = Some(found.to_string());
            title = rest;
        } else if let Some(found) = may_open_with_number(title)
            .then(|| RISK_NUMBER.find(title))
            .flatten()
            // A title that is its numbering alone (`Risque 11.20`) keeps it.
            .filter(|found| found.end() < title.trim_end().len())
        {
            title = &title[found.end()..];
        }
        let closed = struck || title_says_closed(title);
        Draft {
            title: clean_risk_title(title),
            id,
            closed,
            line,
            ..Draft::default()
        }
    }

    fn apply(&mut self, field: Field, value: &str) {
        match field {
            Field::Impact | Field::Probability | Field::Severity => {
                self.rate(field, scale_of(value));
            }
            Field::Mitigation if !value.is_empty() => {
                self.mitigation.get_or_insert_with(|| value.to_string());
            }
            Field::Owner if !value.is_empty() => {
                self.owner.get_or_insert_with(|| value.to_string());
            }
            Field::Status => self.closed = self.closed || is_closed(value),
            Field::Id if !value.is_empty() => {
                self.id.get_or_insert_with(|| value.to_string());
            }
            Field::Title if !value.is_empty() => self.title = clean_risk_title(value),
            _ => {}
        }
    }

    /// Sets a rating field to `level` on the 1-5 scale, unless it has one.
    fn rate(&mut self, field: Field, level: Option<u8>) {
        let rating = match field {
            Field::Impact => &mut self.impact,
            Field::Probability => &mut self.probability,
            Field::Severity => &mut self.severity_level,
            _ => return,
        };
        *rating = rating.or(level);
    }

    fn finish(self, heading_severity: Option<Severity>, source: &Arc<str>) -> Risk {
        let (impact, probability) = match (self.impact, self.probability, self.severity_level) {
            (None, Some(p), Some(s)) => (Some(s), Some(p)),
            (i, p, _) => (i, p),
        };
        // §8 rates by impact × probability, else by the heading (the
        // circle that starts the risk's own line first); a risk
        // rated by its impact alone (`Départ de @lea (impact fort)`) under a
        // heading that says nothing is as grave as its impact, as a
        // `Severity` column alone would be.
        let severity = match (impact, probability) {
            (Some(i), Some(p)) => Some(severity_of(i, p)),
            _ => (self.severity_level.map(severity_of_level))
                .or(self.marked)
                .or(heading_severity)
                .or(impact.map(severity_of_level)),
        };
        let (title, said_owner) = without_status_clauses(&self.title);
        let mut title = match title {
            Cow::Owned(title) => title,
            Cow::Borrowed(_) => self.title,
        };
        let mut mitigation = self.mitigation;
        let acting = action_clause(&mut title, &mut mitigation);
        let owner = (self.owner.or(said_owner))
            .or(acting)
            .or_else(|| handle_in(&title))
            .or_else(|| owner_after_mitigation(&mut mitigation));
        if let Some(kept) = before_owner_at_end(&title, owner.as_deref()) {
            title.truncate(kept);
        }
        Risk {
            title,
            id: self.id,
            impact,
            probability,
            severity,
            mitigation,
            owner,
            closed: self.closed,
            source: Arc::clone(source),
            line: self.line,
        }
    }
}

/// Spaced dashes, which part a risk's title into clauses.
static SPACED_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s[—–-]\s").expect("dash pattern compiles"));

/// `title` without the clauses after a spaced dash that only say where
/// the risk stands, as a ROAM board writes them (`Azure AD tenant access
/// — Owned (@nina) — blocks objective 2`, `Latency target — Accepted`,
/// `Key person leaves — Owned by @li`), and the handle such a clause
/// names: the risk's owner. Whether it is closed was read from the whole
/// line already ([`is_closed`]).
fn without_status_clauses(title: &str) -> (Cow<'_, str>, Option<String>) {
    // Most titles have no spaced dash: no clause to look at.
    let bytes = title.as_bytes();
    if memchr::memchr(b'-', bytes).is_none() && memchr::memchr(0xE2, bytes).is_none() {
        return (Cow::Borrowed(title), None);
    }
    let mut kept = String::with_capacity(title.len());
    let mut owner = None;
    let mut start = 0;
    let mut separator = "";
    let ends = SPACED_DASH
        .find_iter(title)
        .map(|m| (m.start(), m.as_str()));
    for (end, next_separator) in ends.chain(std::iter::once((title.len(), ""))) {
        let clause = &title[start..end];
        // The title's first clause stays; a state with its owner's
        // handle is short, and longer clauses are not folded.
        let said = (start > 0 && clause.len() <= STATUS_CLAUSE_BYTES)
            .then(|| status_clause(clause))
            .flatten();
        match said {
            Some(named) => owner = owner.or(named),
            None => {
                kept.push_str(separator);
                kept.push_str(clause);
            }
        }
        start = end + next_separator.len();
        separator = next_separator;
    }
    (Cow::Owned(kept), owner)
}

/// The longest clause [`status_clause`] reads: the longest state (`à
/// surveiller`, `in progress`) with an owner's handle after it.
const STATUS_CLAUSE_BYTES: usize = 48;

/// When `clause` says only where a risk stands, with at most its owner's
/// handle after it (`Owned (@nina)`, `Owned by @li`, `Accepted`): that
/// handle, if any.
fn status_clause(clause: &str) -> Option<Option<String>> {
    let clause = clause.trim();
    let (said, owner) = match clause.rsplit_once('@') {
        Some((before, handle)) => {
            let name = super::people::only_name(handle.trim_end_matches(')'))?;
            let before = before.trim_end().trim_end_matches('(').trim_end();
            let before = (before.rsplit_once(' '))
                .filter(|(_, by)| matches!(fold(by).as_str(), "by" | "par"))
                .map_or(before, |(said, _)| said);
            (before, Some(format!("@{name}")))
        }
        None => (clause, None),
    };
    is_status_clause(said).then_some(owner)
}

/// The last clause of a risk's title when it says who does what about
/// it, a handle then words after a spaced dash (`Apple review rejected
/// build 3.0.0-rc2 (privacy manifest) — @priya resubmitting, ETA Nov
/// 27`): taken off the title, it is the mitigation when none is given,
/// and its handle, returned, the risk's owner.
fn action_clause(title: &mut String, mitigation: &mut Option<String>) -> Option<String> {
    // Most titles name no one: one pass over the bytes rules them out.
    memchr::memchr(b'@', title.as_bytes())?;
    if let Some(owner) = action_with_owner_aside(title, mitigation) {
        return Some(owner);
    }
    let at = title.rfind(" @")?;
    let head = title[..at]
        .strip_suffix(['—', '–', '-'])?
        .strip_suffix(' ')?;
    let clause = title[at + 1..].trim_end();
    let (handle, action) = clause[1..].split_once(' ')?;
    let name = super::people::only_name(handle.trim_end_matches([',', ':']))?;
    if !action.contains(char::is_alphanumeric) {
        return None;
    }
    let owner = format!("@{name}");
    mitigation.get_or_insert_with(|| clause.to_string());
    title.truncate(head.len());
    Some(owner)
}

/// The owner's handle set aside at the end of a risk's title (`Card
/// network outage (@omar)`), returned and taken off the title; when the
/// clause before it is an action after a spaced dash (`Fraud vendor
/// sandbox down since Nov 24 — escalated to vendor (@ana)`), the action
/// is the mitigation when none is given.
fn action_with_owner_aside(title: &mut String, mitigation: &mut Option<String>) -> Option<String> {
    let rest = title.trim_end().strip_suffix(')')?;
    let open = rest.rfind("(@")?;
    let name = super::people::only_name(&rest[open + 2..])?;
    let owner = format!("@{name}");
    let before = rest[..open].trim_end();
    let Some(dash) = SPACED_DASH.find_iter(before).last() else {
        // `Card network outage (@omar)`: the owner alone.
        title.truncate(before.len());
        return Some(owner);
    };
    let action = before[dash.end()..].trim();
    if !action.contains(char::is_alphanumeric) {
        return None;
    }
    mitigation.get_or_insert_with(|| action.to_string());
    title.truncate(dash.start());
    Some(owner)
}

/// The owner's handle that ends a risk's mitigation (`mitigation: weekly
/// call — @omar`), taken off it.
fn owner_after_mitigation(mitigation: &mut Option<String>) -> Option<String> {
    let text = mitigation.as_mut()?;
    let handle = text
        .split_whitespace()
        .last()
        .filter(|w| w.starts_with('@'))?;
    let handle = handle
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let kept = before_owner_at_end(text, Some(&handle))?;
    text.truncate(kept);
    Some(handle)
}

fn handle_in(text: &str) -> Option<String> {
    text.split_whitespace()
        .find(|w| w.starts_with('@') && w.len() > 1)
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
}

/// A title without status words and markers (`Vercel Build Failing ✅
/// RÉSOLU`, `✅ Serveur saturé : résolu`, `Retard fournisseur : ouvert`).
fn clean_risk_title(text: &str) -> String {
    let kept = |c: char| c.is_alphanumeric() || "()\"'`%".contains(c);
    let title = without_status_places(text.trim());
    let title = title.trim_start_matches(|c: char| !kept(c));
    let title = title.find('✅').map_or(title, |at| &title[..at]);
    let title = match title.rsplit_once(':') {
        Some((before, status)) if is_status_clause(status) => before,
        _ => title,
    };
    // `App Store review took 4 days (resolved)`: a parenthesis that ends
    // the title and only says open or closed.
    let title = trailing_aside(title)
        .filter(|(_, status)| is_status_clause(status))
        .map_or(title, |(before, _)| before);
    let title = title.trim_matches(|c: char| !kept(c)).trim();
    // Runs of spaces become one, written into one string.
    let mut clean = String::with_capacity(title.len());
    for word in title.split_whitespace() {
        if !clean.is_empty() {
            clean.push(' ');
        }
        clean.push_str(word);
    }
    clean
}

/// Leaf lines of a list, joined: the steps of a mitigation plan.
fn list_text(entries: &[ListEntry]) -> String {
    fn leaves(entries: &[ListEntry], out: &mut Vec<String>) {
        for entry in entries {
            let text = entry.first_line().trim();
            let other_field = field_line(text).is_some_and(|(f, _)| f != Field::Mitigation);
            if !text.is_empty() && !text.ends_with(':') && !other_field {
                out.push(text.to_string());
            }
            leaves(&entry.children, out);
        }
    }
    let mut out = Vec::new();
    leaves(entries, &mut out);
    out.join("; ")
}

/// Reads every risk of the document into `status.risks`.
pub fn read(
    outline: &Outline,
    document: &Document,
    context: &[(&OutlineSection, bool)],
    status: &mut DocumentStatus,
) {
    // One copy of the path, shared by every risk.
    let source: Arc<str> = Arc::from(document.source.as_str());
    let source = &source;
    let mut risks = Vec::new();
    for block in &outline.preamble {
        if let Block::Table(table) = block {
            if tables::classify(table, false) == TableKind::Risk {
                risks.extend(table_risks(table, None, source));
            }
        }
    }
    // Without a risk section, the lines labelled as blockers name them
    // (a weekly update's `**Blockers:** …`); with one, that section
    // lists them, and such lines are what it sums up (corpus 15's
    // streams' `**Blockers**:` and its `## 🚨 Active Blockers`), when it
    // names any (below).
    let by_line = !context.iter().any(|(_, in_risk)| *in_risk);
    if by_line {
        push_blockers(&outline.preamble, None, source, &mut risks);
    }
    let severities = heading_severities(context);
    let owners = heading_owners(context);
    let mut skip_below: Option<u8> = None;
    for (index, (section, in_risk)) in context.iter().enumerate() {
        if let Some(level) = skip_below {
            if section.level > level {
                continue;
            }
            skip_below = None;
        }
        let severity = severities[index];
        for block in &section.blocks {
            if let Block::Table(table) = block {
                if tables::classify(table, *in_risk) == TableKind::Risk {
                    risks.extend(table_risks(table, severity, source));
                }
            }
        }
        if !in_risk {
            if by_line {
                push_blockers(
                    &section.blocks,
                    owners[index].as_deref(),
                    source,
                    &mut risks,
                );
            }
            continue;
        }
        if is_risk_per_heading(section) {
            risks.push(heading_risk(section).finish(severity, source));
            skip_below = Some(section.level);
            continue;
        }
        for block in &section.blocks {
            if let Block::List(entries) = block {
                risks.extend(
                    entries
                        .iter()
                        .filter_map(list_risk)
                        .map(|d| d.finish(severity, source)),
                );
            }
        }
    }
    // Risk sections that name none (a stand-up's `### Blockers` over `-
    // None`) sum nothing up: the labelled lines name the risks then.
    if !by_line && risks.is_empty() {
        push_blockers(&outline.preamble, None, source, &mut risks);
        for (index, (section, _)) in context.iter().enumerate() {
            if !context[index].1 {
                push_blockers(
                    &section.blocks,
                    owners[index].as_deref(),
                    source,
                    &mut risks,
                );
            }
        }
    }
    risks.sort_by_key(|risk| risk.line);
    status.risks.extend(risks);
}

/// For each section of `context` (depth first), the severity the nearest
/// heading implies: its own, else its parent's, and so on up.
///
/// The ancestors of a section are the sections before it with ever lower
/// levels; they are kept on a stack (each with the severity it passes
/// down), so that a document of 200,000 sections is read in one pass.
fn heading_severities(context: &[(&OutlineSection, bool)]) -> Vec<Option<Severity>> {
    let mut ancestors: Vec<(u8, Option<Severity>)> = Vec::new();
    context
        .iter()
        .map(|(section, _)| {
            while ancestors
                .last()
                .is_some_and(|(level, _)| *level >= section.level)
            {
                ancestors.pop();
            }
            let severity = heading_severity(&section.heading, &section.folded)
                .or_else(|| ancestors.last().and_then(|(_, severity)| *severity));
            ancestors.push((section.level, severity));
            severity
        })
        .collect()
}

/// For each section of `context`, the person whose section it stands in:
/// the nearest heading, its own or an ancestor's, that is only a handle
/// (a stand-up's `## @ana`), whose `Blockers:` lines are that person's.
fn heading_owners(context: &[(&OutlineSection, bool)]) -> Vec<Option<String>> {
    let mut ancestors: Vec<(u8, Option<String>)> = Vec::new();
    context
        .iter()
        .map(|(section, _)| {
            while (ancestors.last()).is_some_and(|(level, _)| *level >= section.level) {
                ancestors.pop();
            }
            // Most headings hold no `@`, and are no handle.
            let own = (memchr::memchr(b'@', section.heading.as_bytes()).is_some())
                .then(|| people::heading_handle(&section.heading))
                .flatten();
            let owner = own.or_else(|| ancestors.last().and_then(|(_, owner)| owner.clone()));
            ancestors.push((section.level, owner.clone()));
            owner
        })
        .collect()
}

/// Lines of a section that may hold `Label : value` fields: its paragraph
/// lines and the first lines of its top-level list items.
fn field_lines(section: &OutlineSection) -> impl Iterator<Item = &TextLine> {
    section
        .blocks
        .iter()
        .flat_map(|block| -> Box<dyn Iterator<Item = &TextLine>> {
            match block {
                Block::Paragraph(lines) => Box::new(lines.iter()),
                Block::List(entries) => Box::new(entries.iter().filter_map(|e| e.lines.first())),
                _ => Box::new(std::iter::empty()),
            }
        })
}

/// A section that is one risk: it has impact, probability, severity or
/// mitigation lines of its own (corpus 17 `### CR-01: …`).
fn is_risk_per_heading(section: &OutlineSection) -> bool {
    field_lines(section).any(|line| {
        matches!(
            field_line(&line.text),
            Some((
                Field::Impact | Field::Probability | Field::Severity | Field::Mitigation,
                _
            ))
        )
    })
}

fn heading_risk(section: &OutlineSection) -> Draft {
    let mut draft = Draft::titled(&section.heading, section.line, false);
    read_field_blocks(&mut draft, section, false);
    draft
}

/// Reads the field lines of a per-heading risk. A bold-only line such as
/// `**Mitigation Strategies:**` is a pseudo-heading in the outline (corpus
/// 17), so its list is read from that child section.
fn read_field_blocks(draft: &mut Draft, section: &OutlineSection, mitigation_pending: bool) {
    let mut waiting_for_list = mitigation_pending;
    for block in &section.blocks {
        match block {
            Block::Paragraph(lines) => {
                for line in lines {
                    waiting_for_list = false;
                    if let Some((field, value)) = field_line(&line.text) {
                        draft.apply(field, value);
                        waiting_for_list = field == Field::Mitigation && value.is_empty();
                    }
                }
            }
            Block::List(entries) => {
                if waiting_for_list && draft.mitigation.is_none() {
                    let text = list_text(entries);
                    if !text.is_empty() {
                        draft.mitigation = Some(text);
                    }
                }
                waiting_for_list = false;
                for entry in entries {
                    if let Some((field, value)) = field_line(entry.first_line()) {
                        if field != Field::Mitigation {
                            draft.apply(field, value);
                        }
                    }
                }
            }
            _ => waiting_for_list = false,
        }
    }
    for child in section.children.iter().filter(|child| child.pseudo) {
        let field = field_line(&child.heading).map(|(field, _)| field);
        read_field_blocks(draft, child, field == Some(Field::Mitigation));
    }
}

/// A top-level list item of a risk section; its child lines give fields.
/// Labels of a line that names what blocks the project or threatens it,
/// outside a risk section (folded): a weekly update's `**Blockers:**
/// waiting for legal sign-off`, a stand-up's `- Blockers: …`.
const BLOCKER_LABELS: &[&str] = &[
    "blockers",
    "blocker",
    "blocages",
    "blocage",
    "bloquants",
    "points bloquants",
    "impediments",
    "impediment",
    "risks",
    "risques",
    "obstacles",
];

/// First words of such a line's value that say nothing blocks (folded):
/// `none`, `Aucun pour l'instant`, `RAS`.
const NOTHING_WORDS: &[&str] = &[
    "none", "nothing", "nil", "aucun", "aucune", "rien", "neant", "ras", "nada", "niente", "nulla",
    "nichts",
];

/// Whole values of such a line that say nothing blocks (folded).
const NOTHING_VALUES: &[&str] = &[
    "no",
    "n a",
    "na",
    "tbd",
    "no blockers",
    "no blocker",
    "no risks",
    "no risk",
    "no impediments",
    "pas de blocage",
    "pas de blocages",
    "pas de risque",
    "pas de risques",
    "nothing to report",
    "none so far",
    "rien a signaler",
];

/// Whether a list entry under a risk heading says there is none: `-
/// None`, `- RAS`, `- No blockers`, `- Rien à signaler`, the whole entry;
/// a risk that starts with such a word (`Aucun test de charge réalisé`)
/// is one.
pub(super) fn says_nothing(text: &str) -> bool {
    // Every such entry is short: most risks are ruled out unfolded.
    if text.len() > 32 {
        return false;
    }
    let said = folded_words(text);
    NOTHING_WORDS.contains(&said.as_str()) || NOTHING_VALUES.contains(&said.as_str())
}

/// Pushes the risks that the labelled lines of `blocks` name
/// ([`BLOCKER_LABELS`]), paragraphs' lines and list entries' first lines:
/// each line's value, unless it says nothing blocks (`Blockers: none`,
/// `Blocages : RAS`).
fn push_blockers(blocks: &[Block], owner: Option<&str>, source: &Arc<str>, risks: &mut Vec<Risk>) {
    let mut take = |line: &TextLine| {
        if let Some(title) = blocker_value(&line.text) {
            let mut draft = Draft::titled(title, line.line, line.struck);
            draft.owner = owner.map(str::to_string);
            risks.push(draft.finish(None, source));
        }
    };
    for block in blocks {
        match block {
            Block::Paragraph(lines) => lines.iter().for_each(&mut take),
            Block::List(entries) => entries
                .iter()
                .filter_map(|e| e.lines.first())
                .for_each(&mut take),
            _ => {}
        }
    }
}

/// The value of a line labelled as a blocker, when it names one.
fn blocker_value(text: &str) -> Option<&str> {
    let colon = memchr::memchr(b':', text.as_bytes())?;
    let label = text[..colon].trim().trim_matches(['*', '_']);
    // Labels are short and start with one of these letters: most lines
    // are ruled out before anything is folded.
    let first = label.as_bytes().first()?.to_ascii_lowercase();
    if label.len() > 20 || !matches!(first, b'b' | b'i' | b'o' | b'p' | b'r') {
        return None;
    }
    if !BLOCKER_LABELS.contains(&folded_words(label).as_str()) {
        return None;
    }
    let value = text[colon + 1..].trim().trim_matches(['*', '_']).trim();
    let said = folded_words(value);
    let first_word = said.split(' ').next().unwrap_or("");
    let nothing = NOTHING_WORDS.contains(&first_word) || NOTHING_VALUES.contains(&said.as_str());
    (!nothing && value.chars().any(char::is_alphanumeric)).then_some(value)
}

fn list_risk(entry: &ListEntry) -> Option<Draft> {
    let first = entry.lines.first()?;
    if first.text.trim().is_empty() || says_nothing(&first.text) {
        return None;
    }
    let (title, inline) = inline_fields(&first.text);
    let mut draft = Draft::titled(title, entry.line, first.struck);
    draft.marked = (first.text.trim_start().chars().next()).and_then(circle_severity);
    for (field, value) in inline {
        draft.apply(field, value);
    }
    if let Some((field, value)) = field_line(&first.text) {
        // `- **Risque** : Retard fournisseur` is a title, not a field.
        if field == Field::Status || field == Field::Id {
            draft.apply(field, value);
        }
    }
    let child_lines = entry
        .lines
        .iter()
        .skip(1)
        .chain(entry.children.iter().filter_map(|c| c.lines.first()));
    for line in child_lines {
        if let Some((field, value)) = field_line(&line.text) {
            draft.apply(field, value);
        }
    }
    for child in &entry.children {
        if let Some((Field::Mitigation, "")) = field_line(child.first_line()) {
            let text = list_text(&child.children);
            if !text.is_empty() && draft.mitigation.is_none() {
                draft.mitigation = Some(text);
            }
        }
    }
    Some(draft)
}

/// Fields written on the risk's own line, after its title:
/// `**Qualité des données** : impact élevé, probabilité moyenne. Action :
/// nettoyage avant la reprise` gives the title, impact 4, probability 3 and
/// the mitigation. A line without such fields is all title.
///
/// A mitigation label may follow a spaced dash as well as a stop or a
/// comma (corpus 15: `**Stream 4**: Need LLM provider decision -
/// **Action**: Team decision by EOD`); without an impact or a probability
/// before it, everything before the label is the title (`Stream 4: Need
/// LLM provider decision`).
fn inline_fields(text: &str) -> (&str, Vec<(Field, &str)>) {
    let mut fields = Vec::new();
    // The line before a mitigation label, if it has one.
    let mut body = text;
    // A mitigation label takes everything after it.
    for (at, _) in text.match_indices(':') {
        let before = &text[..at];
        let label_start = label_start(before);
        if label_start > 0 && field_of(&before[label_start..]) == Some(Field::Mitigation) {
            fields.push((Field::Mitigation, text[at + 1..].trim()));
            body = &text[..label_start];
            break;
        }
    }
    let (title, scales) = title_and_scales(body);
    let mitigation = !fields.is_empty();
    fields.extend(scale_fields(scales));
    // An impact or a probability was read: the title stops at the colon.
    let rated =
        (fields.iter()).any(|(field, _)| matches!(field, Field::Impact | Field::Probability));
    if rated {
        return (title, fields);
    }
    // An owner after the title (`Retard des accès SAP (impact fort) —
    // responsable : Jorge`): the title may end with its ratings still.
    let owned = (fields.iter()).any(|(field, _)| *field == Field::Owner);
    let body = if owned { title } else { body };
    if let Some((title, scales)) = parenthesised_scales(body).or_else(|| dashed_scales(body)) {
        fields.extend(scales);
        (title, fields)
    } else if mitigation || owned {
        let title = body.trim_end_matches(|c: char| c.is_whitespace() || "-—–:.,;".contains(c));
        (title, fields)
    } else {
        (text, fields)
    }
}

/// A risk's line split at its first colon: the title, then the text its
/// scales may stand in. When a scale's or the owner's label is what comes
/// right before the colon (`**Vendor API deprecation** — Likelihood: High,
/// Impact: Critical`, `**Payroll parallel run** — must pass by 5/12.
/// Owner: @cy. Impact: high`), the title ends before the label, which
/// goes with the scales.
fn title_and_scales(body: &str) -> (&str, &str) {
    let Some((before, after)) = body.split_once(':') else {
        return (body, "");
    };
    let start = label_start(before);
    match field_of(&before[start..]) {
        Some(Field::Impact | Field::Probability | Field::Owner) if start > 0 => {
            let title = before[..start]
                .trim_end_matches(|c: char| c.is_whitespace() || "-—–,;.".contains(c));
            (title, &body[start..])
        }
        _ => (before, after),
    }
}

/// The impact, probability and owner of `text`'s segments (`impact élevé,
/// probabilité moyenne`, `Likelihood: High, Impact: Critical. Owner:
/// @sam`, `impact: critical; unlikely`).
fn scale_fields(text: &str) -> Vec<(Field, &str)> {
    // Fields parted by spaced dashes as well: `impact : élevé —
    // probabilité : faible — responsable : @marc`.
    (text.split([',', ';', '.']).flat_map(spaced_dash_parts))
        .filter_map(|segment| {
            if let Some(scale) = lettered_scale(segment) {
                return Some(scale);
            }
            if LIKELIHOOD_WORDS.contains(&folded_words(segment).as_str()) {
                return Some((Field::Probability, segment.trim()));
            }
            let (label, value) = segment.trim().split_once([' ', ':'])?;
            let value = value.trim_start_matches([':', ' ']);
            match field_of(label) {
                Some(field @ (Field::Impact | Field::Probability)) => Some((field, value)),
                // `responsable : Jorge`: a handle, or a name of a few words.
                Some(Field::Owner) if value.starts_with('@') || is_owner_name(value) => {
                    Some((Field::Owner, value.trim()))
                }
                _ => None,
            }
        })
        .collect()
}

/// The parts of `segment` between its spaced dashes (` - `, ` — `, ` – `).
fn spaced_dash_parts(segment: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(segment);
    std::iter::from_fn(move || {
        let text = rest?;
        match spaced_dash_at(text) {
            Some((at, width)) => {
                rest = Some(&text[at + width..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Where the first spaced dash of `text` starts, and its width with its
/// spaces. Found from the spaces: a byte search, not a substring
/// search per dash.
fn spaced_dash_at(text: &str) -> Option<(usize, usize)> {
    memchr::memchr_iter(b' ', text.as_bytes()).find_map(|at| {
        let after = &text[at + 1..];
        let dash = ["-", "—", "–"]
            .into_iter()
            .find(|dash| after.starts_with(dash))?;
        (after[dash.len()..].starts_with(' ')).then_some((at, dash.len() + 2))
    })
}

/// Whether a labelled owner's value is a name (`Jorge`, `Jean Dupont`):
/// capitalised, at most four words, no figure.
fn is_owner_name(value: &str) -> bool {
    let value = value.trim();
    value.starts_with(char::is_uppercase) && super::items::name_alone(value).is_some()
}

/// A scale written with its initial and a figure of the 1-5 scale: `P=2`,
/// `I = 4`, `P:3` (a risk register's shorthand, `(P=2, I=4)`).
fn lettered_scale(segment: &str) -> Option<(Field, &str)> {
    let segment = segment.trim();
    let mut chars = segment.chars();
    let field = match chars.next()? {
        'P' | 'p' => Field::Probability,
        'I' | 'i' => Field::Impact,
        _ => return None,
    };
    let value = chars.as_str().trim_start().strip_prefix(['=', ':'])?.trim();
    (value.len() == 1 && ('1'..='5').contains(&value.chars().next()?)).then_some((field, value))
}

/// Scales in parentheses at the end of a risk's line, a handle after them
/// at most (`Retard du fournisseur (impact fort, probabilité moyenne) —
/// @julie`): the title before them, and the fields. `None` when the
/// parentheses rate nothing, or when more text follows them.
fn parenthesised_scales(body: &str) -> Option<(&str, Vec<(Field, &str)>)> {
    let open = body.rfind('(')?;
    let close = open + body[open..].find(')')?;
    let after = body[close + 1..]
        .trim()
        .trim_start_matches(['—', '–', '-'])
        .trim();
    let owner = after.starts_with('@') && !after.contains(' ');
    let mut fields = scale_fields(&body[open + 1..close]);
    if fields.is_empty() || !(after.is_empty() || owner) {
        return None;
    }
    if owner {
        fields.push((Field::Owner, after));
    }
    Some((body[..open].trim_end(), fields))
}

/// Ratings in the last clause of a risk's line after a spaced dash, when
/// that clause is only ratings (`Snowflake credits at 92% of budget — high
/// impact, likely`, `Vendor API rate limits — medium`): the title before
/// the dash, and the fields ([`clause_rating`]).
fn dashed_scales(body: &str) -> Option<(&str, Vec<(Field, &str)>)> {
    // Ratings are a few words at the end: only the line's last bytes
    // are searched for their dash.
    let mut from = body.len().saturating_sub(RATINGS_CLAUSE_BYTES + 4);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let tail = &body[from..];
    let (at, dash) = (tail.char_indices().rev()).find(|&(at, c)| {
        matches!(c, '—' | '–' | '-')
            && tail[..at].ends_with(' ')
            && tail[at + c.len_utf8()..].starts_with(' ')
    })?;
    let (at, width) = (from + at - 1, dash.len_utf8() + 2);
    let clause = body[at + width..].trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let fields = clause
        .split([',', ';'])
        .map(clause_rating)
        .collect::<Option<Vec<_>>>()?;
    Some((body[..at].trim_end(), fields))
}

/// The longest clause of ratings [`dashed_scales`] reads (`very high
/// impact, almost certain`, and some room).
const RATINGS_CLAUSE_BYTES: usize = 64;

/// One rating of a clause after a risk's title: a scale with its label
/// before or after it (`impact: high`, `high impact`, `low probability`),
/// a register's shorthand (`P=2`), a likelihood's word alone (`likely`:
/// the probability), or a level alone (`medium`: the severity).
fn clause_rating(segment: &str) -> Option<(Field, &str)> {
    let segment = segment.trim();
    if let Some(scale) = lettered_scale(segment) {
        return Some(scale);
    }
    // The longest rating is three words (`very high impact`), and so is
    // the longest owner that may close the clause (`owner Ana Lopez`).
    if segment.split_whitespace().nth(3).is_some() {
        return None;
    }
    let said = folded_words(segment);
    if LIKELIHOOD_WORDS.contains(&said.as_str()) {
        return Some((Field::Probability, segment));
    }
    if SCALE_WORDS.iter().any(|(word, _)| *word == said) {
        return Some((Field::Severity, segment));
    }
    /// A scale word with an impact's or a probability's label.
    fn rating<'s>(label: &str, value: &'s str) -> Option<(Field, &'s str)> {
        let field = field_of(label).filter(|f| matches!(f, Field::Impact | Field::Probability))?;
        let said = folded_words(value);
        SCALE_WORDS
            .iter()
            .any(|(word, _)| *word == said)
            .then_some((field, value))
    }
    let value_first = segment
        .rsplit_once(' ')
        .and_then(|(value, label)| rating(label, value));
    value_first
        .or_else(|| {
            let (label, value) = segment.split_once([' ', ':'])?;
            rating(label, value.trim_start_matches([':', ' ']))
        })
        .or_else(|| clause_owner(segment))
}

/// The owner who closes a clause of ratings (`— impact high, owner
/// @marc`): a handle or a short name after an owner's label, not a phrase
/// about who.
fn clause_owner(segment: &str) -> Option<(Field, &str)> {
    let (label, who) = segment.split_once([' ', ':'])?;
    let who = who.trim_start_matches([':', ' ']);
    let words = who.split_whitespace().count();
    let someone = (1..=3).contains(&words) && !who.bytes().any(|b| b.is_ascii_digit());
    (someone && field_of(label) == Some(Field::Owner)).then_some((Field::Owner, who))
}

/// Where a field label ends `before` starts: after its last stop, comma,
/// semicolon, colon or spaced dash (0 when it has none).
fn label_start(before: &str) -> usize {
    let punctuation = before.rfind([':', '.', ',', ';']).map_or(0, |i| i + 1);
    let dash = [" - ", " — ", " – "]
        .iter()
        .filter_map(|dash| before.rfind(dash).map(|i| i + dash.len()))
        .max()
        .unwrap_or(0);
    punctuation.max(dash)
}

/// One risk per row of a risk table. Of a RAID log, only the risks and
/// the issues are risks, an issue with no probability of its own rated as
/// occurred (5, §8): its assumptions and dependencies are neither risks
/// nor work.
/// Whether column `index` rates on a scale of 1 to 10, as an FMEA's
/// `Severity` and `Occurrence` do: every cell a whole number from 1 to
/// 10, one above 5. Its `8` is then `8/10`, a 4, not an unread figure.
fn rated_out_of_ten(table: &Table, index: usize) -> bool {
    let mut above_five = false;
    for row in &table.rows {
        let cell = row.cells.get(index).map_or("", |c| c.trim());
        if cell.is_empty() {
            continue;
        }
        match cell.parse::<u8>() {
            Ok(value @ 1..=10) => above_five |= value > 5,
            _ => return false,
        }
    }
    above_five
}

/// A cell of a column rated out of 10 ([`rated_out_of_ten`]) on the 1-5
/// scale, as a score out of 10 is read (`8` is 4, `9` is 5, `3` is 2).
fn out_of_ten(cell: &str) -> Option<u8> {
    let value: f64 = cell.trim().parse().ok()?;
    Some(((value / 2.0).round() as u8).clamp(1, 5))
}

/// Whether column `index` of a risk table holds the register's
/// references, each risk's id and never its title: headed as references
/// (`ID`, `Ref`, `#`) without naming risks (`names_risks`: `Key risks`
/// names them), or headed as risks and every filled cell a reference
/// (`| Risk ID |` over `RSK-001`, `| Risk |` over `R1` beside a
/// `Description`), or a number under a header that also says it numbers
/// them (`| Risk # |` over `1`). A `Priority` of `P1` is no reference.
fn holds_references(table: &Table, index: usize, folded: &str, names_risks: bool) -> bool {
    let numbering = tables::is_id_header(folded);
    if !names_risks {
        return numbering;
    }
    let mut cells = (table.rows.iter())
        .filter_map(|row| row.cells.get(index))
        .map(|cell| cell.trim().trim_matches(['*', '_', '`']))
        .filter(|cell| !cell.is_empty())
        .peekable();
    let numbered = |cell: &str| numbering && cell.bytes().all(|b| b.is_ascii_digit());
    cells.peek().is_some() && cells.all(|cell| is_reference(cell) || numbered(cell))
}

/// Whether `cell` is a reference: one short word of letters and digits,
/// both (`R1`, `RSK-001`, `#R12`).
fn is_reference(cell: &str) -> bool {
    cell.len() <= 12
        && !cell.contains(char::is_whitespace)
        && cell.bytes().any(|b| b.is_ascii_digit())
        && cell.bytes().any(|b| b.is_ascii_alphabetic())
}

fn table_risks(table: &Table, severity: Option<Severity>, source: &Arc<str>) -> Vec<Risk> {
    let raid = tables::raid_column(table);
    let fields: Vec<Option<Field>> = (table.header.iter())
        .zip(tables::folded_header(table))
        .enumerate()
        .map(|(index, (header, folded))| {
            let names_risks = RISK_COLUMNS.any(folded) || TITLE_COLUMNS.any(folded);
            if Some(index) == raid {
                Some(Field::Kind)
            } else if holds_references(table, index, folded, names_risks) {
                Some(Field::Id)
            } else if names_risks {
                Some(Field::Title)
            } else {
                field_of(header)
            }
        })
        .collect();
    let title_column = fields
        .iter()
        .position(|f| *f == Some(Field::Title))
        .or_else(|| fields.iter().position(|f| f.is_none()));
    let rated_of_ten: Vec<bool> = (fields.iter().enumerate())
        .map(|(i, field)| {
            matches!(
                field,
                Some(Field::Impact | Field::Probability | Field::Severity)
            ) && rated_out_of_ten(table, i)
        })
        .collect();
    let mut out = Vec::new();
    for row in &table.rows {
        let Some(title) = title_column.and_then(|i| row.cells.get(i)) else {
            continue;
        };
        if title.trim().is_empty() || tables::is_total_label(title) {
            continue;
        }
        let kind = raid.map(|column| row.cells.get(column).and_then(|c| tables::raid_kind(c)));
        if matches!(kind, Some(None | Some(RaidKind::Other))) {
            continue;
        }
        let mut draft = Draft::titled(title, row.line, false);
        for ((cell, field), ten) in row.cells.iter().zip(&fields).zip(&rated_of_ten) {
            match field {
                Some(Field::Title) | None => {}
                Some(field) if *ten => draft.rate(*field, out_of_ten(cell)),
                Some(field) => draft.apply(*field, cell),
            }
        }
        // An issue has occurred: its impact is rated at certainty. A
        // severity or rating the log gives it is already its grade.
        if kind == Some(Some(RaidKind::Issue)) && draft.severity_level.is_none() {
            draft.probability = draft.probability.or(Some(5));
        }
        out.push(draft.finish(severity, source));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::FrontMatter;

    /// Numbering comes off a title; a number is read whole, and a title
    /// that is its numbering alone keeps it.
    #[test]
    fn numbering_comes_off_titles_and_numbers_are_read_whole() {
        let title = |text: &str| Draft::titled(text, 1, false).title;
        assert_eq!(title("Risque 1 : budget"), "budget");
        assert_eq!(title("1. Équipe incomplète"), "Équipe incomplète");
        assert_eq!(title("12) Budget"), "Budget");
        assert_eq!(title("Risque 2.1 – Retard"), "Retard");
        assert_eq!(title("1.2. Retard"), "Retard");
        assert_eq!(title("1.2 Retard fournisseur"), "1.2 Retard fournisseur");
        assert_eq!(title("Risque 11.20"), "Risque 11.20");
        assert_eq!(title("Risque 3"), "Risque 3");
    }

    /// The checks before the id and numbering patterns never rule out a
    /// title the patterns match: hand-written titles, and every line of
    /// the seeds and the corpus with its list marker taken off.
    #[test]
    fn a_status_before_or_after_the_title_is_no_part_of_it() {
        let text = "## Risques\n\n- ✅ Serveur saturé : résolu\n- 🔄 **Retard fournisseur** : En cours\n- Vercel Build Failing ✅ RÉSOLU\n- Budget : dépassement de 10 %\n";
        let r = risks(text);
        let titles: Vec<(&str, bool)> = r.iter().map(|r| (r.title.as_str(), r.closed)).collect();
        assert_eq!(
            titles,
            [
                ("Serveur saturé", true),
                ("Retard fournisseur", false),
                ("Vercel Build Failing", true),
                ("Budget : dépassement de 10 %", false),
            ]
        );
    }

    #[test]
    fn an_id_without_its_hyphen_needs_a_separator() {
        let cases = [
            (
                "R8 — Départ d'un développeur clé",
                Some("R8"),
                "Départ d'un développeur clé",
            ),
            ("R3: budget", Some("R3"), "budget"),
            ("Q4 delivery slips", None, "Q4 delivery slips"),
            ("API3 instable", None, "API3 instable"),
            (
                "CR-01: SOW Negotiation Extends",
                Some("CR-01"),
                "SOW Negotiation Extends",
            ),
            ("HR-10 - Turnover", Some("HR-10"), "Turnover"),
            (
                "R-001 Retard fournisseur",
                Some("R-001"),
                "Retard fournisseur",
            ),
            // Five capitals or five digits are no id.
            ("ABCDE-1 five", None, "ABCDE-1 five"),
            ("R-12345 big", None, "R-12345 big"),
        ];
        for (text, id, title) in cases {
            let draft = Draft::titled(text, 1, false);
            assert_eq!(
                (draft.id.as_deref(), draft.title.as_str()),
                (id, title),
                "{text}"
            );
        }
    }

    #[test]
    fn number_check_keeps_every_title_the_pattern_matches() {
        let mut titles: Vec<String> = [
            "Risque 1 : budget",
            "risk #2 - vendor",
            "RISIKO 3",
            "Blocage 4. Accès",
            "bloquant 12",
            "1. Équipe incomplète",
            "12) Budget",
            "٣) Arabic-Indic digit",
            "Équipe incomplète",
            "",
        ]
        .map(String::from)
        .to_vec();
        titles.extend(crate::extract::shared_lines().iter().map(|line| {
            line.trim_start_matches(|c: char| c.is_whitespace() || "-*+#>".contains(c))
                .trim()
                .to_string()
        }));
        let mut numbers = 0;
        for title in &titles {
            if RISK_NUMBER.is_match(title) {
                assert!(may_open_with_number(title), "{title:?}");
                numbers += 1;
            }
        }
        assert!(numbers >= 8, "{numbers} numbered titles");
        assert!(!may_open_with_number("Équipe incomplète"));
    }

    fn risks(text: &str) -> Vec<Risk> {
        let document = Document {
            source: "doc.md".to_string(),
            text: text.to_string(),
            front_matter: FrontMatter::default(),
            diagnostics: Vec::new(),
            decoding: None,
        };
        let mut status = DocumentStatus::default();
        let outline = Outline::parse(text);
        read(&outline, &document, &risk_context(&outline), &mut status);
        status.risks
    }

    #[test]
    fn scale_words_percentages_and_scores() {
        assert_eq!(scale_of("TRÈS ÉLEVÉ"), Some(5));
        assert_eq!(
            scale_of("ÉLEVÉ (bloque authentification enterprise)"),
            Some(4)
        );
        assert_eq!(scale_of("MOYEN (observabilité limitée)"), Some(3));
        assert_eq!(scale_of("100% (constaté)"), Some(5));
        assert_eq!(scale_of("30%"), Some(2));
        // The likelihood scale's five steps.
        let likelihoods = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
        assert_eq!(likelihoods.map(scale_of), [1, 2, 3, 4, 5].map(Some));
        assert_eq!(scale_of("Peu probable"), Some(2));
        assert_eq!(scale_of("Improbable"), Some(1));
        assert_eq!(scale_of("60%"), Some(3));
        assert_eq!(scale_of("Medium (40%)"), Some(3));
        assert_eq!(scale_of("8/10"), Some(4));
        assert_eq!(scale_of("Kritisch"), Some(5));
        assert_eq!(scale_of("Niedrig"), Some(2));
        assert_eq!(scale_of("très faible"), Some(1));
        assert_eq!(scale_of("n/a"), None);
        assert_eq!(scale_of("4"), Some(4));
        assert_eq!(scale_of(" **1** "), Some(1));
        for unread in ["0", "7", "12", "4.5", "-3", "3 jours", "+4"] {
            assert_eq!(scale_of(unread), None, "{unread}");
        }
    }

    #[test]
    fn fields_on_the_risk_line_itself() {
        let text = "## Risques\n\n- **Qualité des données fournisseurs** : impact élevé, probabilité élevée. Action : campagne de nettoyage avant la reprise.\n- **Retard : fournisseur** sans autre détail\n";
        let r = risks(text);
        assert_eq!(r[0].title, "Qualité des données fournisseurs");
        assert_eq!((r[0].impact, r[0].probability), (Some(4), Some(4)));
        assert_eq!(r[0].severity, Some(Severity::Critical));
        assert_eq!(
            r[0].mitigation.as_deref(),
            Some("campagne de nettoyage avant la reprise.")
        );
        assert_eq!(r[1].impact, None);
        assert!(r[1].title.starts_with("Retard"));
        // The scales in parentheses, the owner after them.
        let r = risks("## Risques\n\n- ⚠️ Retard du fournisseur de badges (impact fort, probabilité moyenne) — @julie\n- Départ d'un développeur (Paris, Lyon)\n- Hausse des coûts (impact fort) sur le lot 2\n");
        assert_eq!(r[0].title, "Retard du fournisseur de badges");
        assert_eq!((r[0].impact, r[0].probability), (Some(4), Some(3)));
        assert_eq!(r[0].owner.as_deref(), Some("@julie"));
        // Parentheses that rate nothing, or with more text after them, stay.
        assert_eq!(r[1].title, "Départ d'un développeur (Paris, Lyon)");
        assert_eq!(r[2].title, "Hausse des coûts (impact fort) sur le lot 2");
        // A steering committee's watch points are risks, rated or not.
        let r = risks("## Points de vigilance\n\n- Disponibilité des key users en décembre\n");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].title, "Disponibilité des key users en décembre");
    }

    /// Fields parted by spaced dashes, an owner labelled and written out,
    /// ratings before the owner, in French and in Spanish.
    #[test]
    fn dashed_fields_and_a_labelled_owner_after_the_title() {
        let read = |text: &str| {
            (risks(text).into_iter())
                .map(|r| (r.title, r.impact, r.probability, r.owner))
                .collect::<Vec<_>>()
        };
        let owned = |name: &str| Some(name.to_string());
        assert_eq!(
            read("## Risques\n\n- Retard des accès SAP (impact fort) — responsable : Jorge\n- Départ du chef de projet — impact : élevé — probabilité : faible — responsable : @marc\n- Hausse des coûts — responsable : la DSI du groupe et ses 3 prestataires\n"),
            [
                ("Retard des accès SAP".to_string(), Some(4), None, owned("Jorge")),
                ("Départ du chef de projet".to_string(), Some(4), Some(2), owned("@marc")),
                // No name: the line stays whole, as before.
                ("Hausse des coûts — responsable : la DSI du groupe et ses 3 prestataires".to_string(), None, None, None),
            ]
        );
        assert_eq!(
            read("## Riesgos\n\n- Retraso en accesos a SAP (impacto alto) — responsable: Jorge\n- Salida del jefe de proyecto — impacto: muy alto — probabilidad: baja\n"),
            [
                ("Retraso en accesos a SAP".to_string(), Some(4), None, owned("Jorge")),
                ("Salida del jefe de proyecto".to_string(), Some(5), Some(2), None),
            ]
        );
    }

    /// A risk line whose first label is a scale: the title ends before
    /// it, and an owner among the fields is read; a register's shorthand
    /// `(P=2, I=4)` rates the risk.
    #[test]
    fn labelled_scales_after_the_title_and_their_shorthand() {
        let text = "## Top risks\n\n1. **Vendor API deprecation** — Likelihood: High, Impact: Critical. Owner: @sam. Mitigation: migrate to v3.\n2. Cloud cost overrun (P=2, I=4)\n3. Hiring (P = 3; I: 5) — @ana\n4. Pipeline (p=7, i=x)\n";
        let r = risks(text);
        type Read<'r> = (&'r str, Option<u8>, Option<u8>, Option<&'r str>);
        let read: Vec<Read> = (r.iter())
            .map(|r| {
                (
                    r.title.as_str(),
                    r.impact,
                    r.probability,
                    r.owner.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                ("Vendor API deprecation", Some(5), Some(4), Some("@sam")),
                ("Cloud cost overrun", Some(4), Some(2), None),
                ("Hiring", Some(5), Some(3), Some("@ana")),
                // Not a figure of the 1-5 scale: no rating, all title.
                ("Pipeline (p=7, i=x)", None, None, None),
            ]
        );
        assert_eq!(r[0].mitigation.as_deref(), Some("migrate to v3."));
        assert_eq!(r[1].severity, Some(Severity::Medium));
    }

    /// A weekly report's `Problems` are risks, rated by a clause of
    /// ratings after a spaced dash: scales with their labels before or
    /// after them, a likelihood's word (the probability), a level alone
    /// (the severity). A clause that is not only ratings stays in the title.
    #[test]
    fn ratings_after_a_spaced_dash() {
        let text = "## Problems\n\n\
                    - Snowflake credits at 92% of monthly budget — high impact, likely\n\
                    - Vendor API rate limits slow the Zendesk connector — medium\n\
                    - Data residency review - impact: critical; unlikely.\n\
                    - Legal sign-off — likely next week\n";
        let r = risks(text);
        let read: Vec<_> = (r.iter())
            .map(|r| (r.title.as_str(), r.impact, r.probability, r.severity))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Snowflake credits at 92% of monthly budget",
                    Some(4),
                    Some(4),
                    Some(Severity::Critical)
                ),
                (
                    "Vendor API rate limits slow the Zendesk connector",
                    None,
                    None,
                    Some(Severity::Medium)
                ),
                (
                    "Data residency review",
                    Some(5),
                    Some(2),
                    Some(Severity::High)
                ),
                ("Legal sign-off — likely next week", None, None, None),
            ]
        );
        // The risk's owner may close the clause of its ratings.
        let owned = risks("## Risks\n\n- PSP sandbox unstable — impact high, owner @marc\n");
        let read: Vec<_> = (owned.iter())
            .map(|r| (r.title.as_str(), r.impact, r.owner.as_deref()))
            .collect();
        assert_eq!(read, [("PSP sandbox unstable", Some(4), Some("@marc"))]);
    }

    #[test]
    fn a_mitigation_after_a_spaced_dash() {
        // Corpus 15's `Active Blockers`.
        let text = "## 🚨 Active Blockers\n\n1. **Stream 4**: Need LLM provider decision - **Action**: Team decision by EOD\n2. Retard fournisseur — Parade : relancer l'achat, impact élevé\n3. **Call to Action**: relancer la campagne\n";
        let r = risks(text);
        let read: Vec<(&str, Option<&str>)> = (r.iter())
            .map(|r| (r.title.as_str(), r.mitigation.as_deref()))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Stream 4: Need LLM provider decision",
                    Some("Team decision by EOD")
                ),
                ("Retard fournisseur", Some("relancer l'achat, impact élevé")),
                // `Call to Action` is no label: the line is all title.
                ("Call to Action: relancer la campagne", None),
            ]
        );
    }

    /// Attention points rated by RAG circles are risks, their circle
    /// their severity, and so are those flagged by a warning sign;
    /// attention points as notes (seed 001's numbered list) are none.
    #[test]
    fn rated_attention_points_are_risks() {
        let text = "## Points d'attention\n\n\
                    - 🔴 Data lake : budget non validé, appel d'offres en retard\n\
                    - 🟠 Migration ERP : dépendance au prestataire intégrateur\n\n\
                    ## Points d'Attention ⚠️\n\n1. **Code application absent**\n   - Backend vide\n\n\
                    ### Points d'attention\n\n\
                    - ⚠️ Retard de la DSI sur les certificats — impact moyen\n";
        let read: Vec<_> = (risks(text).iter())
            .map(|r| (r.title.clone(), r.severity))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Data lake : budget non validé, appel d'offres en retard".to_string(),
                    Some(Severity::Critical)
                ),
                (
                    "Migration ERP : dépendance au prestataire intégrateur".to_string(),
                    Some(Severity::High)
                ),
                (
                    "Retard de la DSI sur les certificats".to_string(),
                    Some(Severity::Medium)
                ),
            ]
        );
    }

    /// A handle and words after a risk's last spaced dash say who does
    /// what about it: the owner and the mitigation, off the title. A
    /// handle alone is the owner; a handle inside the clause is no action.
    #[test]
    fn who_does_what_after_a_spaced_dash() {
        let text = "## Blockers\n\n\
                    - Apple review rejected build 3.0.0-rc2 (privacy manifest) — @priya resubmitting, ETA Nov 27\n\
                    - Staging DB full — @raj\n\
                    - Payments sandbox down — escalated by @lin to the vendor\n\
                    - Fraud vendor sandbox down since Nov 24 — escalated to vendor (@ana)\n\
                    - Card network outage (@omar)\n";
        let r = risks(text);
        let read: Vec<_> = (r.iter())
            .map(|r| {
                (
                    r.title.as_str(),
                    r.owner.as_deref(),
                    r.mitigation.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Apple review rejected build 3.0.0-rc2 (privacy manifest)",
                    Some("@priya"),
                    Some("@priya resubmitting, ETA Nov 27")
                ),
                ("Staging DB full", Some("@raj"), None),
                (
                    "Payments sandbox down — escalated by @lin to the vendor",
                    Some("@lin"),
                    None
                ),
                (
                    "Fraud vendor sandbox down since Nov 24",
                    Some("@ana"),
                    Some("escalated to vendor")
                ),
                ("Card network outage", Some("@omar"), None),
            ]
        );
    }

    /// A labelled blocker line outside a risk section names a risk,
    /// unless it says nothing blocks.
    #[test]
    fn a_blockers_line_names_a_risk() {
        assert_eq!(
            blocker_value("**Blockers:** waiting for legal sign-off"),
            Some("waiting for legal sign-off")
        );
        assert_eq!(
            blocker_value("Blocages : Pas de réponse du fournisseur"),
            Some("Pas de réponse du fournisseur")
        );
        for nothing in [
            "Blockers: none",
            "**Risks**: n/a",
            "Blocages : RAS",
            "Blockers: None so far",
            "Risques : aucun",
            "Impediments: no",
            "Blockers:",
            "Owner: waiting for a name",
        ] {
            assert_eq!(blocker_value(nothing), None, "{nothing}");
        }
    }

    #[test]
    fn a_heading_gives_its_first_circle_else_its_severity_word() {
        let of = |heading: &str| heading_severity(heading, &fold(heading));
        assert_eq!(
            of("### 🔴 Risques Critiques Actuels"),
            Some(Severity::Critical)
        );
        assert_eq!(of("🟡 À surveiller, puis 🔴"), Some(Severity::Medium));
        assert_eq!(of("Risques élevés 🟢"), Some(Severity::Low));
        assert_eq!(of("Risques élevés"), Some(Severity::High));
        assert_eq!(of("⚠️ Risques"), None);
    }

    #[test]
    fn severity_thresholds() {
        assert_eq!(severity_of(5, 3), Severity::Critical);
        assert_eq!(severity_of(4, 3), Severity::High);
        assert_eq!(severity_of(3, 3), Severity::Medium);
        assert_eq!(severity_of(2, 2), Severity::Low);
    }

    #[test]
    fn list_risks_of_seed_001() {
        let text = "## Risques Identifiés\n\n### 🔴 Risques Critiques Actuels\n\n1. **Backend et Frontend complètement vides**\n   - Impact : TRÈS ÉLEVÉ\n   - Probabilité : 100% (constaté)\n   - Mitigation : Démarrer immédiatement Phase 1.1 et 1.2\n\n2. **Pas de CI/CD**\n   - Impact : MOYEN (qualité code non garantie)\n   - Probabilité : 100% (constaté)\n\n### 🟡 Risques à Surveiller\n\n1. **Équipe incomplète**\n   - Besoin de 8-12 personnes selon le plan\n";
        let r = risks(text);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].title, "Backend et Frontend complètement vides");
        assert_eq!((r[0].impact, r[0].probability), (Some(5), Some(5)));
        assert_eq!(r[0].severity, Some(Severity::Critical));
        assert_eq!(
            r[0].mitigation.as_deref(),
            Some("Démarrer immédiatement Phase 1.1 et 1.2")
        );
        assert_eq!(r[1].severity, Some(Severity::Critical));
        assert_eq!(r[2].severity, Some(Severity::Medium));
        assert_eq!(r[2].impact, None);
    }

    #[test]
    fn one_risk_per_heading() {
        let text = "## CRITICAL RISKS (Priority 1)\n\n### CR-01: SOW Negotiation Extends\n**Probability:** Medium (40%)\n**Impact:** High (pushes all downstream activities)\n**Risk Score:** 8/10\n\n**Mitigation Strategies:**\n1. **Proactive:**\n   - Submit documentation\n   - Pre-negotiate\n\n**Owner:** CEO (Chad Rienstra)\n\n## RISK ASSESSMENT MATRIX\n\n### Probability Definitions\n- **High (H):** >60% likelihood\n";
        let r = risks(text);
        assert_eq!(r.len(), 1, "{r:#?}");
        assert_eq!(r[0].id.as_deref(), Some("CR-01"));
        assert_eq!(r[0].title, "SOW Negotiation Extends");
        assert_eq!((r[0].impact, r[0].probability), (Some(4), Some(3)));
        assert_eq!(r[0].severity, Some(Severity::High));
        assert_eq!(
            r[0].mitigation.as_deref(),
            Some("Submit documentation; Pre-negotiate")
        );
        assert_eq!(r[0].owner.as_deref(), Some("CEO (Chad Rienstra)"));
    }

    #[test]
    fn resolved_blockers_are_closed() {
        let text = "## 🔴 BLOQUANTS CRITIQUES\n\n### ~~1. Vercel Build Failing~~ ✅ RÉSOLU\n**Impact:** Bloquait déploiements production\n**Status:** ✅ Déployé\n\n## 🟡 BLOQUANTS RESTANTS (Non critiques)\n\n### 1. Certification NF525 ⚠️\n**Impact:** BLOQUE commercialisation France\n";
        let r = risks(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].title, "Vercel Build Failing");
        assert!(r[0].closed);
        assert_eq!(r[0].severity, Some(Severity::Critical));
        assert!(!r[1].closed);
        assert_eq!(r[1].severity, Some(Severity::Medium));
    }

    #[test]
    fn severity_comes_from_the_nearest_heading_that_gives_one() {
        let text = "## 🔴 Risques critiques\n\n### Fournisseurs\n\n#### Détail\n\n- **Retard**\n\n### 🟡 À surveiller\n\n- **Équipe**\n\n## Risques\n\n- **Budget**\n";
        let r = risks(text);
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[0].severity,
            Some(Severity::Critical),
            "two levels under 🔴"
        );
        assert_eq!(r[1].severity, Some(Severity::Medium), "its own 🟡 first");
        assert_eq!(r[2].severity, None, "a new top section gives none");
    }

    #[test]
    fn german_risk_table() {
        let text = "# Risk Register\n\n| ID | Risiko | Schwere | Wahrscheinlichkeit | Massnahme |\n| --- | --- | --- | --- | --- |\n| R-001 | VIMP API bricht | Kritisch | Mittel | Contract-Tests |\n| R-007 | NVDEC instabil | Mittel | Mittel | CPU-Decoding |\n";
        let r = risks(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].id.as_deref(), Some("R-001"));
        assert_eq!(r[0].title, "VIMP API bricht");
        assert_eq!((r[0].impact, r[0].probability), (Some(5), Some(3)));
        assert_eq!(r[0].severity, Some(Severity::Critical));
        assert_eq!(r[0].mitigation.as_deref(), Some("Contract-Tests"));
        assert_eq!(r[1].severity, Some(Severity::Medium));
    }

    /// An FMEA rates severity and occurrence from 1 to 10: `8` is 4 on
    /// sitrep's scale of 5, `6` 3; a column of 1-5 figures stays on 5.
    #[test]
    fn an_fmea_rates_out_of_ten() {
        let text = "## Risks\n\n| ID | Failure mode | Severity | Occurrence | Detection | RPN |\n\
                    |---|---|---|---|---|---|\n\
                    | F1 | Payment timeout at peak | 8 | 6 | 4 | 192 |\n\
                    | F2 | Wrong VAT on invoices | 9 | 2 | 3 | 54 |\n\
                    | F3 | Email bounce | 3 | 5 | 2 | 30 |\n";
        let read: Vec<_> = (risks(text).iter())
            .map(|r| (r.title.clone(), r.impact, r.probability, r.severity))
            .collect();
        let risk = |title: &str, impact, probability, severity| {
            (
                title.to_string(),
                Some(impact),
                Some(probability),
                Some(severity),
            )
        };
        assert_eq!(
            read,
            [
                risk("Payment timeout at peak", 4, 3, Severity::High),
                risk("Wrong VAT on invoices", 5, 1, Severity::Medium),
                risk("Email bounce", 2, 3, Severity::Medium),
            ]
        );
        let five =
            "## Risks\n\n| Risk | Impact | Probability |\n|---|---|---|\n| Outage | 4 | 2 |\n";
        let r = risks(five);
        assert_eq!((r[0].impact, r[0].probability), (Some(4), Some(2)));
    }

    /// A German register's usual headers: `Eintrittswahrscheinlichkeit`
    /// (likelihood of occurring) and `Auswirkung` (impact), `hoch` 4 and
    /// `mittel` 3 making a high risk.
    #[test]
    fn german_register_headers() {
        let text = "## Risiken\n\n| Risiko | Eintrittswahrscheinlichkeit | Auswirkung | Maßnahme |\n|---|---|---|---|\n| Key-User nicht verfügbar | hoch | mittel | Vertretung benennen |\n| Datenqualität Altsystem | niedrig | hoch | Bereinigung |\n";
        let read: Vec<_> = (risks(text).iter())
            .map(|r| (r.title.clone(), r.probability, r.impact, r.severity))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Key-User nicht verfügbar".to_string(),
                    Some(4),
                    Some(3),
                    Some(Severity::High)
                ),
                (
                    "Datenqualität Altsystem".to_string(),
                    Some(2),
                    Some(4),
                    Some(Severity::Medium)
                ),
            ]
        );
    }

    #[test]
    fn severity_column_without_probability() {
        let text = "## Technical Debt & Blockers\n\n| Issue | Severity | Status | Notes |\n|---|---|---|---|\n| Port 2222 | 🔴 Critical | 🟡 In Sprint 1 | quick win |\n| Static | 🟡 High | 🟡 | |\n";
        let r = risks(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].severity, Some(Severity::Critical));
        assert_eq!(r[1].severity, Some(Severity::High));
    }

    /// A closed word closes a risk where a status stands, not as a word
    /// of its sentence: `clôture` (a closing), `ferme` (firm) and `levée`
    /// (a raise) are open risks' words.
    #[test]
    fn a_closed_word_closes_a_risk_only_where_a_status_stands() {
        let text = "## Points de vigilance\n\n\
            - Disponibilité des gestionnaires paie en décembre (clôture annuelle) — impact fort\n\
            - Date de livraison ferme non garantie par l'éditeur\n\
            - Retard de la levée de fonds\n\
            - Vendor closed API blocks the export\n\
            - Hébergeur en retard — levé le 12/11\n\
            - Accès VPN des prestataires (fermé)\n\
            - Résolu : droits d'accès à la GED\n\
            - [Clos] Budget formation\n";
        let r = risks(text);
        let closed: Vec<(&str, bool)> = r.iter().map(|r| (r.title.as_str(), r.closed)).collect();
        assert_eq!(
            closed,
            [
                (
                    "Disponibilité des gestionnaires paie en décembre (clôture annuelle)",
                    false
                ),
                ("Date de livraison ferme non garantie par l'éditeur", false),
                ("Retard de la levée de fonds", false),
                ("Vendor closed API blocks the export", false),
                ("Hébergeur en retard", true),
                ("Accès VPN des prestataires", true),
                ("droits d'accès à la GED", true),
                ("Budget formation", true),
            ]
        );
    }

    /// A sprint review's impediments are its risks: resolved ones closed,
    /// titled without the parenthesis that says so.
    #[test]
    fn impediments_are_risks() {
        let text = "## Impediments\n\n- App Store review took 4 days (resolved)\n- QA device farm down (Paris, Lyon) — escalated to infra, @raj\n";
        let r = risks(text);
        assert_eq!(r.len(), 2, "{r:#?}");
        assert_eq!(r[0].title, "App Store review took 4 days");
        assert!(r[0].closed);
        assert_eq!(
            r[1].title,
            "QA device farm down (Paris, Lyon) — escalated to infra"
        );
        assert!(!r[1].closed);
        assert_eq!(r[1].owner.as_deref(), Some("@raj"));
    }

    #[test]
    fn an_impact_alone_rates_a_risk_its_heading_does_not() {
        let text = "## Risques\n\n- Départ de @lea (impact fort)\n- Panne du fournisseur (probabilité élevée)\n- Budget serré (impact faible)\n\n## 🟡 Risques à surveiller\n\n- Recrutement (impact critique)\n";
        let r = risks(text);
        assert_eq!(r.len(), 4, "{r:#?}");
        assert_eq!(
            (r[0].impact, r[0].severity),
            (Some(4), Some(Severity::High))
        );
        assert_eq!(r[1].probability, Some(4));
        assert_eq!(r[1].severity, None, "a likelihood alone says not how grave");
        assert_eq!(r[2].severity, Some(Severity::Low));
        assert_eq!(
            r[3].severity,
            Some(Severity::Medium),
            "the heading first, as §8 says"
        );
    }
}
