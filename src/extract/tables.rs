//! What a table is for: work items, milestones, risks, or nothing.
//!
//! Classified once so that a milestone or risk table never also gives work
//! items (`EXTRACTION.md` §4, last paragraph).
//!
//! Headers are matched as whole folded words (`Dependents` does not hold
//! `end`), and a date column must hold dates, not just be named like one:
//! seed `001_…` has `| Métrique | Cible | Actuel | Statut |` whose `Cible`
//! cells are `> 80%`, a KPI table, not milestones.

use chrono::NaiveDate;

use super::dates;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::folding::{fold, folded_words, words, WordList};
use super::outline::{Block, Outline, Table};
use super::vocabulary::Vocabulary;
use crate::config::{DateOrder, VocabularyConfig};
use crate::model::Status;

/// The role of a table in a tracking document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Rows are work items (it has a status column).
    Status,
    /// Rows are milestones (a date column and a name column).
    Milestone,
    /// Rows are risks (a `Risque`/`Risk` column, a RAID log's type column,
    /// or any table in a risk section).
    Risk,
    /// Anything else (budgets, KPIs, glossaries).
    Other,
}

/// The role of one column, from its header and its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Dates (`Date`, `Échéance`, `Target Completion`, `Start`), holding dates.
    Date,
    /// The end of a span (`End`, `Fin`), holding dates.
    EndDate,
    Status,
    /// `ID`, `Ticket`, or cells such as `NW-101`.
    Id,
    /// Plain numbers (`| 1 |` phase numbers, `34` occurrences).
    Number,
    Percent,
    Owner,
    /// Describes the row but does not name it (`Category`, `Effort`, `Tracking`).
    Attribute,
    /// Free text: the first one names the row.
    Text,
}

/// Header words of a risk table's risk column.
pub const RISK_COLUMN_WORDS: &[&str] = &[
    "risque", "risques", "risk", "risks", "risiko", "risiken", "riesgo", "menace", "threat",
    "rischio", "rischi", "risco", "riscos",
];

const STATUS_HEADER_WORDS: &[&str] = &[
    "statut",
    "status",
    "etat",
    "state",
    "complet",
    // MS Project's French `% achevé`.
    "acheve",
    "avancement",
    "progress",
    "progression",
    "done",
    "estado",
    "stato",
    "avanzamento",
    "situacao",
    "andamento",
    "progresso",
];

const DATE_HEADER_WORDS: &[&str] = &[
    "date",
    "dates",
    "echeance",
    "deadline",
    "due",
    "target",
    "cible",
    "fecha",
    "datum",
    "termin",
    // German writes its date headers as compounds.
    "plantermin",
    "zieltermin",
    "endtermin",
    "liefertermin",
    "starttermin",
    "stichtag",
    "startdatum",
    "enddatum",
    "zieldatum",
    "plandatum",
    "falligkeit",
    "falligkeitsdatum",
    "start",
    "debut",
    "eta",
    "when",
    "quand",
    "completion",
    "completed",
    "planned",
    "prevu",
    "prevue",
    "livraison",
    "delivery",
    "semaine",
    "week",
    "baseline",
    "forecast",
    "actual",
    "data",
    "scadenza",
    "prevista",
    "previsto",
    "consegna",
    "prazo",
    "entrega",
    "previsao",
];

/// Date headers that say when work was finished, not when it is due: a
/// status table with such a column stays a status table (corpus 24:
/// `| Phase | … | Status | Completed |`); its dated rows still give milestones.
const COMPLETION_HEADER_WORDS: &[&str] = &[
    "completed",
    "completion",
    "done on",
    "termine",
    "termine le",
    "fait le",
    "livre le",
    "shipped",
    "actual",
];

const END_HEADER_WORDS: &[&str] = &[
    "end", "fin", "finish", "until", "ende", "fine", "fim", "termino",
];

const ID_HEADER_WORDS: &[&str] = &["id", "ticket", "cle", "key", "ref", "#"];

/// Headers of the column that names who does the work (whole words,
/// folded), for the roles of columns and the owners of a status table's
/// rows alike.
pub(super) const OWNER_HEADER_WORDS: &[&str] = &[
    "owner",
    "responsable",
    // `Resp.`
    "resp",
    "assignee",
    "assignees",
    "assigne",
    "assigned",
    // Notion's person property, as its databases name it.
    "assign",
    "attribue",
    "owners",
    "responsables",
    "porteuse",
    "intervenant",
    "pilote",
    "referent",
    "dri",
    "lead",
    "porteur",
    "qui",
    "who",
    "membre",
    "member",
    "verantwortlich",
    "responsabile",
    "responsabili",
    "referente",
    "assegnatario",
    "assegnato",
    "responsavel",
    "responsaveis",
    "atribuido",
    // An MS Project plan's `Resource Names`, `Noms ressources`.
    "resource names",
    "noms ressources",
    "noms des ressources",
];

const ATTRIBUTE_HEADER_WORDS: &[&str] = &[
    "category",
    "categorie",
    "type",
    "priority",
    "priorite",
    "tracking",
    "dependencies",
    "dependents",
    "effort",
    "duration",
    "duree",
    "points",
    "sp",
    "complexite",
    "complexity",
    "sprint",
    "priorita",
    "prioridade",
    "categoria",
    "tipo",
];

/// Headers that ask whether a row's work is done, answered `Yes` or `No`
/// (`Done?`, `Terminé ?`, `OK`).
const DONE_QUESTION_WORDS: &[&str] = &[
    "done",
    "complete",
    "completed",
    "complet",
    "termine",
    "terminee",
    "fait",
    "fini",
    "finished",
    "ok",
    "hecho",
    "terminado",
    "atteint",
    "reached",
    "achieved",
    "livre",
    "delivered",
];

/// Headers that ask whether work is left on a row (`More to do?`, corpus
/// 14), answered `Yes` or `No`: the other way round.
const WORK_LEFT_WORDS: &[&str] = &[
    "more to do",
    "left to do",
    "still to do",
    "remaining",
    "reste a faire",
    "a faire",
    "to do",
    "todo",
    "pendiente",
];

/// Answers that say yes: words, and the check marks of a checkbox
/// column (an Asana or Notion export's `| Completed |` ticked `✔`). Not
/// ✅: a status marker, read as one in a status column, and in a column
/// headed `Fait` beside counts (corpus 07's `| Composant | Fait | Total |
/// % |`) a figure's tick, not a task's.
const YES_WORDS: &[&str] = &[
    "yes", "y", "oui", "si", "sí", "ja", "x", "true", "vrai", "✔", "✓", "☑", "☒",
];
/// Answers that say no; `☐` is a word processor's box left unticked.
const NO_WORDS: &[&str] = &["no", "n", "non", "false", "faux", "nein", "☐"];

static DONE_QUESTIONS: LazyLock<WordList> = LazyLock::new(|| WordList::of(DONE_QUESTION_WORDS));
static WORK_LEFT: LazyLock<WordList> = LazyLock::new(|| WordList::of(WORK_LEFT_WORDS));

/// What a `Yes` means in a column that asks a question of each row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Question {
    /// `Done?`: yes, the work is done.
    Done,
    /// `More to do?`: yes, some is done and more is left.
    MoreToDo,
    /// `Remaining?`, `Reste à faire ?`: yes, the work is still to do.
    Left,
}

/// The question folded `header` asks of each row, if it asks one.
fn question(header: &str) -> Option<Question> {
    if WORK_LEFT.any(header) {
        Some(match words(header).any(|w| w == "more") {
            true => Question::MoreToDo,
            false => Question::Left,
        })
    } else if DONE_QUESTIONS.any(header) {
        Some(Question::Done)
    } else {
        None
    }
}

/// `Yes` (true) or `No` (false) in a cell, whatever its case, markup or
/// closing stop (`**Oui**`, `No.`).
fn answer(cell: &str) -> Option<bool> {
    let bare = cell
        .trim()
        .trim_matches(['*', '_', '`'])
        .trim_end_matches(['.', '!', '\u{fe0f}'])
        .trim();
    let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(bare));
    if bare.len() > 5 {
        None
    } else if is(YES_WORDS) {
        Some(true)
    } else if is(NO_WORDS) {
        Some(false)
    } else {
        None
    }
}

/// The status a `Yes`/`No` cell gives in column `index` of `table`, when
/// the column's header asks a question of each row (`Done?`, `More to
/// do?`); nothing for any other cell or column.
pub fn answered_status(table: &Table, index: usize, cell: &str) -> Option<Status> {
    let question = question(folded_header(table).get(index)?)?;
    Some(match (question, answer(cell)?) {
        (Question::Done, true) | (Question::MoreToDo | Question::Left, false) => Status::Done,
        (Question::Done, false) | (Question::Left, true) => Status::Todo,
        (Question::MoreToDo, true) => Status::InProgress,
    })
}

/// Whether column `index` is a checkbox column: it asks a question of
/// each row and its filled cells are all check marks (`✔`), so that an
/// empty cell is a box left unticked, a `No`.
pub fn is_check_column(table: &Table, index: usize) -> bool {
    let check = |cell: &str| !cell.chars().any(char::is_alphanumeric) && answer(cell) == Some(true);
    all_cells(table, index, check)
        && (folded_header(table).get(index)).is_some_and(|header| question(header).is_some())
}

/// Whether column `index` asks a question of each row and every filled
/// cell of it answers `Yes` or `No`.
pub fn is_answer_column(table: &Table, index: usize) -> bool {
    // The cells first: most columns' first cell is no answer.
    all_cells(table, index, |cell| answer(cell).is_some())
        && (folded_header(table).get(index)).is_some_and(|header| question(header).is_some())
}

/// A test's verdict (folded) and the status it gives the test it
/// rates, in a test campaign's column of results (`| Cas de test |
/// Résultat |` of `OK`, `KO`, `NT`): passed, done; failed, blocked, for
/// the campaign waits on its fix and a new run (the report's go/no-go
/// does); not run yet, to do; not applicable or skipped, cancelled.
const VERDICTS: &[(&str, Status)] = &[
    ("ok", Status::Done),
    ("pass", Status::Done),
    ("passed", Status::Done),
    ("reussi", Status::Done),
    ("succes", Status::Done),
    ("conforme", Status::Done),
    ("ko", Status::Blocked),
    ("fail", Status::Blocked),
    ("failed", Status::Blocked),
    ("echec", Status::Blocked),
    ("echoue", Status::Blocked),
    ("non conforme", Status::Blocked),
    ("bloque", Status::Blocked),
    ("blocked", Status::Blocked),
    ("en cours", Status::InProgress),
    ("in progress", Status::InProgress),
    ("nt", Status::Todo),
    ("non teste", Status::Todo),
    ("not tested", Status::Todo),
    ("not run", Status::Todo),
    ("a tester", Status::Todo),
    ("non execute", Status::Todo),
    ("na", Status::Cancelled),
    ("n a", Status::Cancelled),
    ("skipped", Status::Cancelled),
];

/// Header words of a column of test results (`Résultat`, `Result`,
/// `Outcome`, `Verdict`, `OK/KO`).
const RESULT_HEADER_WORDS: &[&str] = &[
    "resultat",
    "resultats",
    "result",
    "results",
    "outcome",
    "verdict",
    "ko",
];

/// The status a test's verdict gives ([`VERDICTS`]), a one-word verdict
/// in any of its agreed forms (`Réussie`, `Bloquée`).
pub fn verdict(cell: &str) -> Option<Status> {
    static FORMS: LazyLock<FxHashMap<String, Status>> =
        LazyLock::new(|| super::vocabulary::agreed_forms(VERDICTS));
    super::vocabulary::whole_value(&FORMS, cell)
}

/// Whether column `index` holds test results: its header is a result's
/// and every filled cell a verdict ([`verdict`]), at least one of them
/// `OK`, `KO` or another that only a test is given.
pub fn is_verdict_column(table: &Table, index: usize) -> bool {
    let headed = (folded_header(table).get(index))
        .is_some_and(|header| words(header).any(|w| RESULT_HEADER_WORDS.contains(&w)));
    let rated = |cell: &str| {
        verdict(cell).is_some_and(|status| matches!(status, Status::Done | Status::Blocked))
            && !matches!(
                folded_words(cell).as_str(),
                "bloque" | "bloquee" | "blocked"
            )
    };
    headed
        && all_cells(table, index, |cell| verdict(cell).is_some())
        && table
            .rows
            .iter()
            .any(|row| row.cells.get(index).is_some_and(|c| rated(c)))
}

/// How a table's columns of figures say how far each row is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tally {
    /// Units done and units in all: an epics table's `| Stories done |
    /// Stories total |`, `| Terminées | Prévues |`.
    DoneOfTotal { done: usize, total: usize },
    /// Effort spent and effort left, as a French PMO's workload table
    /// writes them (`| Consommé (j) | RAF (j) |`, `| Spent | Remaining
    /// |`): a row is as far as its share spent of all it takes.
    SpentAndLeft { spent: usize, left: usize },
}

impl Tally {
    /// The two columns.
    pub fn columns(&self) -> [usize; 2] {
        match *self {
            Tally::DoneOfTotal { done, total } => [done, total],
            Tally::SpentAndLeft { spent, left } => [spent, left],
        }
    }

    /// A row's percentage, from its cells.
    pub fn percent(&self, cells: &[String]) -> Option<f64> {
        let [first, second] = self.columns().map(|i| cells.get(i).and_then(|c| figure(c)));
        let (part, all) = match self {
            Tally::DoneOfTotal { .. } => (first?, second?),
            Tally::SpentAndLeft { .. } => (first?, first? + second?),
        };
        (all > 0.0 && part <= all).then(|| (part * 1000.0 / all).round() / 10.0)
    }
}

/// A figure of a tally's cell: a number, not negative (`12`, `12,5`).
fn figure(cell: &str) -> Option<f64> {
    let value: f64 = cell.trim().replace(',', ".").parse().ok()?;
    (value >= 0.0).then_some(value)
}

/// Header words of a column that counts all of a row's units: `Stories
/// total`, `Total`, `Planned`, `Prévues`, `Scope`.
const TOTAL_HEADERS: &[&str] = &["total", "planned", "prevu", "prevus", "prevues", "scope"];
/// Beginnings of the header words of a column of effort spent:
/// `Consommé`, `Spent`, `Actuals`, `Temps passé`.
const SPENT_HEADERS: &[&str] = &["consomm", "spent", "actual", "passe"];
/// Header words of a column of effort left: `RAF` (reste à faire),
/// `Restant`, `Remaining`, `ETC` (estimate to complete), `Left`.
const LEFT_HEADERS: &[&str] = &["raf", "reste", "restant", "remaining", "etc", "left"];

/// Header words of a table of money: what it spends is no progress.
const MONEY_HEADERS: &[&str] = &[
    "budget", "cout", "couts", "cost", "costs", "montant", "amount", "eur", "euros", "usd", "keur",
];

/// The columns of figures of `table` that give each row its percentage:
/// one of units done beside one of all units (its header says done:
/// `Stories done`, `Terminées`, `Closed`; the other all: `Stories
/// total`), else one of effort spent beside one of effort left. A table
/// of money (`| Poste | Budget | Consommé | Reste |`, a `€` in a header)
/// has none: a budget spent is no work done.
pub fn tally(table: &Table) -> Option<Tally> {
    *table.tally.get_or_init(|| tally_of(table))
}

fn tally_of(table: &Table) -> Option<Tally> {
    let headers = folded_header(table);
    let money = |header: &String| {
        header.contains(['€', '$', '£']) || words(header).any(|w| MONEY_HEADERS.contains(&w))
    };
    if headers.iter().any(money) {
        return None;
    }
    let says = |i: usize, list: &[&str], stems: bool| {
        words(&headers[i]).any(|w| {
            list.iter()
                .any(|l| if stems { w.starts_with(l) } else { w == *l })
        })
    };
    let figures = |i: usize| all_cells(table, i, |c| figure(c).is_some());
    let find = |list: &[&str], stems: bool, not: Option<usize>| {
        (0..headers.len()).find(|&i| Some(i) != not && says(i, list, stems) && figures(i))
    };
    let done_of_total = || {
        let total = find(TOTAL_HEADERS, false, None)?;
        let done = find(super::declarations::DONE_COUNT_WORDS, true, Some(total))?;
        Some(Tally::DoneOfTotal { done, total })
    };
    let spent_and_left = || {
        let left = find(LEFT_HEADERS, false, None)?;
        let spent = find(SPENT_HEADERS, true, Some(left))?;
        Some(Tally::SpentAndLeft { spent, left })
    };
    done_of_total().or_else(spent_and_left)
}

/// Whether column `index` of an OKR table (one with a `Key result`
/// column) holds its key results' scores, graded from 0 to 1 as OKRs are
/// (`| Score |` over `0.65`, `0,7`): how far each key result went, a
/// status column read by its figures. A vendor comparison's `Score` is
/// no such column: its rows are no key results.
pub fn is_score_column(table: &Table, index: usize) -> bool {
    let headers = folded_header(table);
    let is_score = |header: &String| matches!(header.as_str(), "score" | "grade" | "scoring");
    let graded = |cell: &str| {
        (cell.replace(',', ".").parse::<f64>()).is_ok_and(|v| (0.0..=1.0).contains(&v))
    };
    // Scores of 0 and 1 only are no grades: a column of flags.
    let whole = |cell: &str| !cell.contains(['.', ',']);
    headers.get(index).is_some_and(is_score)
        && headers.iter().any(|h| names_key_results(h))
        && all_cells(table, index, graded)
        && !all_cells(table, index, whole)
}

/// Whether a date header only says when work was finished (`Completed`,
/// but not `Target Completion`).
fn is_completion_header(folded: &str) -> bool {
    COMPLETION_HEADERS.any(folded) && !DUE_HEADERS.any(folded)
}

/// What one date column of a milestone table says of its rows' dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// The date first planned (`Date prévue`, `Baseline`), or just `Date`.
    Planned,
    /// The date planned now (`Date révisée`, `Replanifiée`, `Forecast`).
    Revised,
    /// The day it was reached (`Date réelle`, `Actual`, `Terminé le`).
    Actual,
}

/// Header words of a date moved since it was first planned.
const REVISED_HEADER_WORDS: &[&str] = &[
    "revise",
    "revisee",
    "replanifie",
    "replanifiee",
    "recale",
    "recalee",
    "reportee",
    "nouvelle",
    "actualise",
    "actualisee",
    "prevision",
    "previsionnelle",
    "estimee",
    "revised",
    "replanned",
    "rescheduled",
    "forecast",
    "new",
    "estimated",
    "expected",
];

/// Header words of the day a milestone was reached.
const ACTUAL_HEADER_WORDS: &[&str] = &[
    "reelle",
    "reel",
    "effective",
    "actual",
    "realise",
    "realisee",
    "atteint",
    "atteinte",
];

static REVISED_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(REVISED_HEADER_WORDS));
static ACTUAL_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(ACTUAL_HEADER_WORDS));

/// The role of date column `index` of `table` from its header: a French
/// milestone plan keeps `| Jalon | Date prévue | Date révisée | Date
/// réelle |`, the date first planned, the date planned now and the day it
/// was reached.
pub fn date_role(table: &Table, index: usize) -> DateRole {
    let Some(header) = folded_header(table).get(index) else {
        return DateRole::Planned;
    };
    if ACTUAL_HEADERS.any(header) || is_completion_header(header) {
        DateRole::Actual
    } else if REVISED_HEADERS.any(header) {
        DateRole::Revised
    } else {
        DateRole::Planned
    }
}

/// Date headers that say a date is due, even beside a completion word.
const DUE_HEADER_WORDS: &[&str] = &[
    "target", "due", "cible", "echeance", "deadline", "prevu", "prevue", "planned",
];

/// The built-in status words, for telling a column of statuses by its
/// cells when no portal's words were given ([`read_roles`]): a table's
/// roles are worked out once, before any document's legend is known.
static BUILT_IN: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::new(&VocabularyConfig::default()));
static RISK_COLUMNS: LazyLock<WordList> = LazyLock::new(|| WordList::of(RISK_COLUMN_WORDS));
static STATUS_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(STATUS_HEADER_WORDS));
static DATE_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(DATE_HEADER_WORDS));
static COMPLETION_HEADERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::of(COMPLETION_HEADER_WORDS));
static DUE_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(DUE_HEADER_WORDS));
static END_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(END_HEADER_WORDS));
static ID_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(ID_HEADER_WORDS));
static OWNER_HEADERS: LazyLock<WordList> = LazyLock::new(|| WordList::of(OWNER_HEADER_WORDS));
static ATTRIBUTE_HEADERS: LazyLock<WordList> =
    LazyLock::new(|| WordList::of(ATTRIBUTE_HEADER_WORDS));

/// Labels of total rows, which name no row of their own (`**Total P0.1**`).
const TOTAL_WORDS: &[&str] = &["total", "totaux", "totals", "sum", "somme"];

/// The header cells of `table` folded ([`fold`]), worked out once.
pub fn folded_header(table: &Table) -> &[String] {
    table
        .folded_header
        .get_or_init(|| table.header.iter().map(|header| fold(header)).collect())
}

/// Headers of a column that names the work of its row (`| ID | Fichier |
/// Bug | État |`, corpus 02: the bug is the item, not the file it is in).
const WORK_NAME_HEADERS: &[&str] = &[
    "tache",
    "taches",
    "task",
    "tasks",
    "bug",
    "bugs",
    "anomalie",
    "action",
    "actions",
    "titre",
    "title",
    "feature",
    "features",
    "fonctionnalite",
    "fonctionnalites",
    "livrable",
    "livrables",
    "deliverable",
    "deliverables",
    "story",
];

/// Whether a folded header names an objective's key results (`Key
/// Result`, `KR`, `Résultat clé`): the column that names an OKR table's
/// rows, though `Key` alone is a ticket's id (Jira's `| Key | Summary |`).
pub fn names_key_results(header: &str) -> bool {
    let said = folded_words(header);
    [
        "key result",
        "key results",
        "kr",
        "krs",
        "resultat cle",
        "resultats cles",
    ]
    .contains(&said.as_str())
}

/// The column that names a row, of the text columns `candidates` (in
/// order): one whose header names the work (`Bug`, `Tâche`, a key result),
/// unless it holds only references (a test campaign's `| Cas de test |
/// Résultat | Anomalie |` of `ANO-77`: the defect a failed test raised),
/// else the
/// first that is not a version (corpus 14: `| Date | Version | Edition
/// stage |` names its milestones `Release Rust 2024`, not `Release
/// v1.85`), else the first.
pub fn name_column(
    table: &Table,
    mut candidates: impl Iterator<Item = usize> + Clone,
) -> Option<usize> {
    let headers = folded_header(table);
    let header_has = |i: &usize, list: &[&str]| {
        (headers.get(*i)).is_some_and(|h| words(h).any(|w| list.contains(&w)))
    };
    let names_work = |i: &usize| {
        (header_has(i, WORK_NAME_HEADERS) && !all_cells(table, *i, looks_like_id))
            || headers.get(*i).is_some_and(|h| names_key_results(h))
    };
    (candidates.clone().find(names_work))
        .or_else(|| candidates.clone().find(|i| !header_has(i, &["version"])))
        .or_else(|| candidates.next())
}

/// Whether a row's name is a total (`Total`, `TOTAL PROJET`, `Total P0.1`).
pub fn is_total_label(text: &str) -> bool {
    words(&fold(text))
        .next()
        .is_some_and(|first| TOTAL_WORDS.contains(&first))
}

/// A date reference for telling whether a cell is a date at all: the
/// year a date-less cell would get does not matter here.
fn any_reference() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 6, 1).unwrap_or_default()
}

/// A cell that is a date read day first or month first, or holds a date
/// among at most four words. The dates are looked for once per order, and
/// month first only where it can read differently (`/` or `.` numbers).
fn is_date_cell(cell: &str) -> bool {
    let day_first = dates::find_dates(cell, any_reference(), DateOrder::Dmy);
    dates::date_alone(cell, &day_first).is_some()
        || !day_first.is_empty() && cell.split_whitespace().count() <= 4
        || cell.contains(['/', '.'])
            && dates::parse_date(cell, any_reference(), DateOrder::Mdy).is_some()
}

/// Whether most filled cells of column `index` are dates (or `TBD`), at
/// least one a real date. The cells are read only until the answer is
/// sure: a date column is known once half of it is read.
fn holds_dates(table: &Table, index: usize) -> bool {
    let cells: Vec<&str> = table
        .rows
        .iter()
        .filter_map(|row| row.cells.get(index))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty() && *c != "-" && *c != "—")
        .collect();
    // A cell may count twice, as a date and as a placeholder (`2025-01-XX`).
    let (mut dated, mut counted) = (0, 0);
    for (read, cell) in cells.iter().enumerate() {
        let date = is_date_cell(cell);
        dated += usize::from(date);
        counted += usize::from(date) + usize::from(dates::is_placeholder(cell));
        if dated > 0 && counted * 2 >= cells.len() {
            return true;
        }
        let unread = cells.len() - read - 1;
        if (counted + 2 * unread) * 2 < cells.len() {
            return false;
        }
    }
    false
}

fn all_cells(table: &Table, index: usize, test: impl Fn(&str) -> bool) -> bool {
    let mut any = false;
    for row in &table.rows {
        let cell = row.cells.get(index).map(|c| c.trim()).unwrap_or("");
        if cell.is_empty() || cell == "-" {
            continue;
        }
        any = true;
        if !test(cell) {
            return false;
        }
    }
    any
}

/// Whether every row of `table` has something in column `index`.
fn filled(table: &Table, index: usize) -> bool {
    (table.rows.iter()).all(|row| row.cells.get(index).is_some_and(|c| !c.trim().is_empty()))
}

fn looks_like_id(cell: &str) -> bool {
    let mut parts = cell.splitn(2, '-');
    let (Some(letters), Some(digits)) = (parts.next(), parts.next()) else {
        return false;
    };
    !letters.is_empty()
        && letters.len() <= 8
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
}

/// Whether a header, folded, names a column of references (`ID`, `Ref`,
/// `#`, `Key`).
pub fn is_id_header(folded: &str) -> bool {
    ID_HEADERS.any(folded)
}

/// The role of every column of `table`, in order (worked out once per
/// table, with the built-in status words unless [`read_roles`] did it
/// with a portal's own).
pub fn columns(table: &Table) -> &[Column] {
    table.roles.get_or_init(|| roles_of(table, &BUILT_IN))
}

/// Works out the roles of every table of `outline` with `portal`, the
/// built-in words and `config.toml`'s `[vocabulary]`: a column of a
/// team's own status words (`livré en recette`) is the rows' status as a
/// column of built-in ones is. Called before any reader asks for a role;
/// a portal without words of its own leaves them to [`columns`], which
/// works them out only for the tables a reader asks about.
pub fn read_roles(outline: &Outline, portal: &Vocabulary) {
    let sections = outline.walk_sections();
    let blocks = (outline.preamble.iter()).chain(sections.iter().flat_map(|s| s.blocks.iter()));
    for block in blocks {
        if let Block::Table(table) = block {
            table.roles.get_or_init(|| roles_of(table, portal));
        }
    }
}

fn roles_of(table: &Table, vocabulary: &Vocabulary) -> Vec<Column> {
    let headers = folded_header(table);
    let mut roles: Vec<Column> = (headers.iter().enumerate())
        .map(|(i, header)| column_role(table, i, header))
        .collect();
    // A column named for dates that holds none, but words on every row,
    // names the rows when no other column does (`| Deadline | Date |
    // Status |`, an Italian `| Scadenza | Data | Stato |` over `Beta
    // interna`).
    if !roles.contains(&Column::Text) {
        let named = (roles.iter().zip(headers).enumerate()).position(|(i, (role, header))| {
            *role == Column::Attribute && DATE_HEADERS.any(header) && filled(table, i)
        });
        if let Some(named) = named {
            roles[named] = Column::Text;
        }
    }
    // A column of nothing but status words is the rows' status, whatever
    // its header says, when no column is headed as one and another names
    // the rows: a Confluence requirements table's `Notes` of `DONE` and
    // `IN PROGRESS`.
    if !roles.contains(&Column::Status) {
        let statuses = (0..roles.len()).find(|&i| {
            matches!(roles[i], Column::Text | Column::Attribute)
                && (roles.iter().enumerate()).any(|(j, role)| j != i && *role == Column::Text)
                && all_cells(table, i, |cell| vocabulary.only_phrase(cell).is_some())
        });
        if let Some(statuses) = statuses {
            roles[statuses] = Column::Status;
        }
    }
    // A lone `End`/`Fin` column is the date itself.
    if !roles.contains(&Column::Date) {
        if let Some(end) = roles.iter().position(|r| *r == Column::EndDate) {
            roles[end] = Column::Date;
        }
    }
    roles
}

/// Whether a header, folded, is the English of §4's `% Complet`: `%
/// complete`, `Percent complete`, `Complete (%)`. `complete` alone is
/// not one: folded, it is also the French `Complété` of a count's column
/// (corpus 01's `| Catégorie | Complété | Total | % |`, `8/8`).
fn is_percent_complete(header: &str) -> bool {
    words(header).any(|w| w == "complete")
        && (header.contains('%') || words(header).any(|w| matches!(w, "percent" | "pct")))
}

/// The role of column `index`, whose header folded is `header`.
fn column_role(table: &Table, index: usize, header: &str) -> Column {
    let header_has = |words: &WordList| words.any(header);
    if header_has(&STATUS_HEADERS)
        || is_percent_complete(header)
        || is_answer_column(table, index)
        || is_score_column(table, index)
        || is_verdict_column(table, index)
    {
        Column::Status
    } else if header_has(&END_HEADERS) && holds_dates(table, index) {
        Column::EndDate
    } else if header_has(&DATE_HEADERS) && holds_dates(table, index) {
        Column::Date
    } else if header_has(&ID_HEADERS) || all_cells(table, index, looks_like_id) {
        Column::Id
    } else if header_has(&OWNER_HEADERS) {
        Column::Owner
    } else if all_cells(table, index, |c| {
        c.ends_with('%') && c.trim_end_matches('%').trim().parse::<f64>().is_ok()
    }) {
        Column::Percent
    } else if all_cells(table, index, |c| c.parse::<f64>().is_ok()) {
        Column::Number
    } else if header_has(&ATTRIBUTE_HEADERS) || header_has(&DATE_HEADERS) {
        Column::Attribute
    } else {
        Column::Text
    }
}

/// The date column of `table` that says when work is due: its end
/// column beside a start (an MS Project plan's `| Début | Fin |`: a task
/// is due when it should finish), else the first date column that does
/// not say when work was finished (`Target Completion`, not `Completed`).
pub fn due_column(table: &Table) -> Option<usize> {
    let roles = columns(table);
    (roles.iter().position(|role| *role == Column::EndDate)).or_else(|| {
        (roles.iter().zip(folded_header(table)))
            .position(|(role, header)| *role == Column::Date && !is_completion_header(header))
    })
}

/// Whether `table` lists tickets: a status column, a date column and an
/// owner or id column (`| Key | Summary | Status | Assignee | Due date |`,
/// `| Action | Porteur | Échéance | État |`). Its rows are work items,
/// each due on its date, not milestones: the owner or the ticket key is
/// what a milestone table never has, and what an item keeps.
pub fn is_ticket_table(table: &Table) -> bool {
    let roles = columns(table);
    roles.contains(&Column::Status)
        && roles.contains(&Column::Date)
        && (roles.contains(&Column::Owner) || roles.contains(&Column::Id))
}

/// What a row of a RAID log (risks, assumptions, issues, dependencies) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RaidKind {
    Risk,
    /// A risk that has occurred.
    Issue,
    /// An assumption, a dependency, an action or a decision: no risk.
    Other,
}

/// Headers of a RAID log's column that says what each row is (folded).
const RAID_KIND_HEADERS: &[&str] = &["type", "categorie", "category", "nature", "kind", "raid"];

/// The values of that column (folded, whole), and what each says; a RAID
/// log often writes only the letter.
const RAID_KINDS: &[(&str, RaidKind)] = &[
    ("risk", RaidKind::Risk),
    ("risks", RaidKind::Risk),
    ("risque", RaidKind::Risk),
    ("risques", RaidKind::Risk),
    ("r", RaidKind::Risk),
    ("issue", RaidKind::Issue),
    ("issues", RaidKind::Issue),
    ("probleme", RaidKind::Issue),
    ("problemes", RaidKind::Issue),
    ("i", RaidKind::Issue),
    ("assumption", RaidKind::Other),
    ("assumptions", RaidKind::Other),
    ("hypothese", RaidKind::Other),
    ("hypotheses", RaidKind::Other),
    ("a", RaidKind::Other),
    ("dependency", RaidKind::Other),
    ("dependencies", RaidKind::Other),
    ("dependance", RaidKind::Other),
    ("dependances", RaidKind::Other),
    ("d", RaidKind::Other),
    ("action", RaidKind::Other),
    ("actions", RaidKind::Other),
    ("decision", RaidKind::Other),
    ("decisions", RaidKind::Other),
];

/// What a cell of a RAID log's type column says its row is.
pub fn raid_kind(cell: &str) -> Option<RaidKind> {
    super::folding::look_up(RAID_KINDS, cell)
}

/// The column of `table` that says which of a RAID log's four each row
/// is (`| ID | Type | Description | Owner | Impact | Status |`, `Type`
/// being `Risk`, `Assumption`, `Issue` or `Dependency`): headed `Type` or
/// `Catégorie`, every filled cell one of those words, and one row at least
/// a risk or an issue.
pub fn raid_column(table: &Table) -> Option<usize> {
    let column = folded_header(table)
        .iter()
        .position(|header| RAID_KIND_HEADERS.contains(&header.trim()))?;
    let mut kinds = table
        .rows
        .iter()
        .filter_map(|row| row.cells.get(column))
        .filter(|cell| !cell.trim().is_empty())
        .map(|cell| raid_kind(cell));
    let mut risky = false;
    for kind in kinds.by_ref() {
        match kind? {
            RaidKind::Risk | RaidKind::Issue => risky = true,
            RaidKind::Other => {}
        }
    }
    risky.then_some(column)
}

/// First words of the header of a decision log's column of decisions
/// (folded).
const DECISION_HEADER_WORDS: &[&str] = &["decision", "decisions", "arbitrage", "arbitrages"];

/// Whether `table` is a decision log (`| Date | Décision | Décideur |
/// Statut |`): each row a decision taken on its date, no milestone to
/// reach and no work to do. A table of decisions still to take by a day
/// (`| Décision | Échéance |`) is not one.
fn is_decision_log(table: &Table) -> bool {
    let headers = folded_header(table);
    let decisions = (headers.iter()).any(|h| {
        words(h)
            .next()
            .is_some_and(|w| DECISION_HEADER_WORDS.contains(&w))
    });
    decisions && !headers.iter().any(|h| DUE_HEADERS.any(h))
}

/// Whether the header of `table` says it lists risks, under any heading
/// (`## Watch list`): a risk column, ratings of both likelihood and
/// impact, or a RAID log's type column.
fn headed_as_risks(table: &Table) -> bool {
    let has = |words: &WordList| folded_header(table).iter().any(|h| words.any(h));
    has(&RISK_COLUMNS)
        || super::risks::rates_likelihood_and_impact(&table.header)
        || raid_column(table).is_some()
}

/// Classifies `table`; `in_risk_section` says whether it stands under a risk heading.
pub fn classify(table: &Table, in_risk_section: bool) -> TableKind {
    if in_risk_section || *table.headed_as_risks.get_or_init(|| headed_as_risks(table)) {
        return TableKind::Risk;
    }
    let roles = columns(table);
    let completion_only = roles.contains(&Column::Date) && due_column(table).is_none();
    if is_ticket_table(table) {
        TableKind::Status
    } else if roles.contains(&Column::Date) && !(completion_only && roles.contains(&Column::Status))
    {
        // Asked only of a table that would give milestones: the one kind
        // a decision log's dates would make wrong.
        if is_decision_log(table) {
            TableKind::Other
        } else {
            TableKind::Milestone
        }
    } else if roles.contains(&Column::Status) || tally(table).is_some() {
        TableKind::Status
    } else {
        TableKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::outline::{Block, Outline};

    fn table(text: &str) -> Table {
        let outline = Outline::parse(text);
        match outline.preamble.into_iter().next() {
            Some(Block::Table(table)) => table,
            other => panic!("expected a table, got {other:?}"),
        }
    }

    /// A column headed as dates that holds the rows' names, no dates,
    /// names them when no other column does; one left empty does not.
    #[test]
    fn a_date_header_over_names_names_the_rows() {
        let deadlines = table(
            "| Deadline | Date | Status |\n|---|---|---|\n| Beta | 1 December 2026 | Planned |\n",
        );
        assert_eq!(
            columns(&deadlines),
            [Column::Text, Column::Date, Column::Status]
        );
        let italian = table(
            "| Scadenza | Data | Stato |\n|---|---|---|\n| Beta interna | 1 dicembre 2026 | Prevista |\n",
        );
        assert_eq!(
            columns(&italian),
            [Column::Text, Column::Date, Column::Status]
        );
        // Corpus 22: an empty `Target Completion` names nothing.
        let empty = table(
            "| Category | Status | Target Completion |\n|---|---|---|\n| Connectivity | todo |  |\n",
        );
        assert_eq!(
            columns(&empty),
            [Column::Attribute, Column::Status, Column::Attribute]
        );
    }

    /// A column of nothing but status words holds the rows' statuses when
    /// no header says so (a Confluence requirements table's `Notes`);
    /// one that also holds other words, or beside a status column, does
    /// not, nor does the only column that could name the rows.
    #[test]
    fn a_column_of_status_words_is_the_status() {
        let requirements = table(
            "| # | Title | Notes |\n|---|---|---|\n| 1 | Guest checkout | DONE |\n\
             | 2 | Saved cards | IN PROGRESS |\n| 3 | Gift cards | |\n",
        );
        assert_eq!(
            columns(&requirements),
            [Column::Id, Column::Text, Column::Status]
        );
        assert_eq!(classify(&requirements, false), TableKind::Status);
        let notes = table(
            "| Title | Notes |\n|---|---|\n| Guest checkout | DONE |\n| Saved cards | ask legal |\n",
        );
        assert_eq!(columns(&notes), [Column::Text, Column::Text]);
        let both =
            table("| Title | Status | Notes |\n|---|---|---|\n| Guest checkout | Done | done |\n");
        assert_eq!(columns(&both), [Column::Text, Column::Status, Column::Text]);
        let alone = table("| Notes |\n|---|\n| done |\n| to do |\n");
        assert_eq!(columns(&alone), [Column::Text]);
    }

    /// Columns of figures that say how far each row is make a status
    /// table without a status column; a budget's do not.
    #[test]
    fn a_tally_makes_a_status_table() {
        let epics = table(
            "| Epic | Stories done | Stories total |\n|---|---|---|\n| Onboarding | 8 | 10 |\n",
        );
        assert_eq!(
            tally(&epics),
            Some(Tally::DoneOfTotal { done: 1, total: 2 })
        );
        assert_eq!(classify(&epics, false), TableKind::Status);
        let workload = table("| Lot | Charge (j) | Consommé (j) | Reste à faire (j) |\n|---|---|---|---|\n| Paie | 120 | 70,5 | 60 |\n");
        assert_eq!(
            tally(&workload),
            Some(Tally::SpentAndLeft { spent: 2, left: 3 })
        );
        assert_eq!(classify(&workload, false), TableKind::Status);
        let budget = table("| Poste | Budget | Consommé | Restant |\n|---|---|---|---|\n| Licences | 120 | 70 | 50 |\n");
        assert_eq!(tally(&budget), None);
        assert_eq!(classify(&budget, false), TableKind::Other);
    }

    /// A table with a status, a date and an owner or a ticket key lists
    /// tickets due on their dates; without the owner and the key it is a
    /// milestone table.
    #[test]
    fn tickets_with_due_dates_are_not_milestones() {
        let jira = table("| Key | Summary | Status | Due date |\n|---|---|---|---|\n| PAY-101 | Refund API | Done | 2026-11-18 |\n");
        assert_eq!(classify(&jira, false), TableKind::Status);
        let actions = table("| Action | Porteur | Échéance | État |\n|---|---|---|---|\n| Migrer les contacts | Julie Martin | 20/11/2026 | En cours |\n");
        assert!(is_ticket_table(&actions));
        assert_eq!(classify(&actions, false), TableKind::Status);
        // A Notion database's tasks: `Assign` is its person property.
        let notion = table("| Name | Status | Assign | Date |\n|---|---|---|---|\n| CMS migration | Not started | Lena Park | December 8, 2026 |\n");
        assert_eq!(classify(&notion, false), TableKind::Status);
        let milestones = table(
            "| Jalon | Échéance | État |\n|---|---|---|\n| Recette | 20/11/2026 | En cours |\n",
        );
        assert!(!is_ticket_table(&milestones));
        assert_eq!(classify(&milestones, false), TableKind::Milestone);
    }

    /// A column of test results is the rows' status when its header is a
    /// result's and its cells are verdicts, one at least a pass or a fail;
    /// a KPI's results, or a `Status` of `OK`, are not.
    #[test]
    fn a_column_of_test_results() {
        let campaign = table("| ID | Cas de test | Résultat | Anomalie |\n|---|---|---|---|\n| CT-01 | Calcul du brut | OK | |\n| CT-02 | Heures sup | KO | ANO-77 |\n| CT-03 | Absences | NT | |\n");
        assert!(is_verdict_column(&campaign, 2));
        assert_eq!(classify(&campaign, false), TableKind::Status);
        // The defect's references name no test.
        assert_eq!(name_column(&campaign, [1, 3].into_iter()), Some(1));
        let english = table("| Test | Outcome |\n|---|---|\n| Login | Passed |\n| Logout | **Failed** |\n| Export | Skipped |\n");
        assert!(is_verdict_column(&english, 1));
        let kpi =
            table("| KPI | Résultat |\n|---|---|\n| Disponibilité | 99,9 % |\n| Tickets | OK |\n");
        assert!(!is_verdict_column(&kpi, 1));
        let waiting =
            table("| Test | Résultat |\n|---|---|\n| Login | Bloqué |\n| Export | NT |\n");
        assert!(!is_verdict_column(&waiting, 1));
        let status = table("| Item | Status |\n|---|---|\n| Backups | OK |\n");
        assert!(!is_verdict_column(&status, 1));
        assert_eq!(verdict("Réussie"), Some(Status::Done));
        assert_eq!(verdict("Bloquée"), Some(Status::Blocked));
        assert_eq!(verdict("N/A"), Some(Status::Cancelled));
        assert_eq!(verdict("Non testé"), Some(Status::Todo));
        assert_eq!(verdict("Presque"), None);
    }

    /// A decision log dates its decisions when they were taken: no
    /// milestone is due, no work item to do; decisions still to take by a
    /// day are due then.
    #[test]
    fn a_decision_log_is_no_milestone_table() {
        let log = table("| Date | Décision | Décideur | Statut |\n|---|---|---|---|\n| 02/10/2026 | Choix de PostgreSQL | COPIL | Validée |\n| 20/11/2026 | Recrutement d'un architecte | DSI | En attente |\n");
        assert_eq!(classify(&log, false), TableKind::Other);
        let pending = table("| Décision attendue | Échéance | Statut |\n|---|---|---|\n| Choix de l'éditeur | 15/12/2026 | À prendre |\n");
        assert_eq!(classify(&pending, false), TableKind::Milestone);
    }

    #[test]
    fn milestone_table_of_seed_003() {
        let t = table("| Jalon | Date Estimée | Statut |\n|---|---|---|\n| Phase 0 | ✅ 31 jan | DONE |\n| Phase 1 | 15-20 feb | 📅 |\n");
        assert_eq!(classify(&t, false), TableKind::Milestone);
        assert_eq!(
            columns(&t),
            vec![Column::Text, Column::Date, Column::Status]
        );
    }

    #[test]
    fn a_question_column_answered_yes_or_no_gives_statuses() {
        let t =
            table("| Task | Done? |\n|---|---|\n| Spec | **Yes** |\n| Build | No. |\n| Ship | |\n");
        assert_eq!(classify(&t, false), TableKind::Status);
        assert_eq!(answered_status(&t, 1, "**Yes**"), Some(Status::Done));
        assert_eq!(answered_status(&t, 1, "No."), Some(Status::Todo));
        assert_eq!(answered_status(&t, 1, "Maybe"), None);
        // Corpus 14: "more" to do says some is done already.
        let t = table("| Item | More to do? |\n|---|---|\n| A | No. |\n| B | Yes. |\n");
        assert_eq!(columns(&t), vec![Column::Text, Column::Status]);
        assert_eq!(answered_status(&t, 1, "No."), Some(Status::Done));
        assert_eq!(answered_status(&t, 1, "Yes."), Some(Status::InProgress));
        let t = table("| Tâche | Reste à faire ? |\n|---|---|\n| A | oui |\n| B | non |\n");
        assert_eq!(answered_status(&t, 1, "oui"), Some(Status::Todo));
        assert_eq!(answered_status(&t, 1, "non"), Some(Status::Done));
    }

    #[test]
    fn a_question_column_of_other_cells_is_no_status() {
        // Days left are no answer, and a column that asks nothing gives none.
        let t = table("| Tâche | Reste à faire |\n|---|---|\n| A | 2 j |\n| B | 0 j |\n");
        assert_eq!(classify(&t, false), TableKind::Other);
        let t = table("| Feature | Supported |\n|---|---|\n| A | Yes |\n| B | No |\n");
        assert_eq!(classify(&t, false), TableKind::Other);
        assert_eq!(answered_status(&t, 1, "Yes"), None);
    }

    #[test]
    fn kpi_table_with_a_target_column_is_not_milestones() {
        let t = table("| Métrique | Cible | Actuel | Statut |\n|---|---|---|---|\n| Coverage | > 80% | 0% | ❌ |\n");
        assert_eq!(classify(&t, false), TableKind::Status);
    }

    #[test]
    fn status_table_with_dated_cells_stays_a_status_table() {
        let t = table("| Vue | Fichier | Occurrences | État |\n|---|---|---|---|\n| Login | `a.tsx` | 34 | ✅ 2026-04-04 |\n");
        assert_eq!(classify(&t, false), TableKind::Status);
        assert_eq!(
            columns(&t),
            vec![Column::Text, Column::Text, Column::Number, Column::Status]
        );
    }

    #[test]
    fn risk_tables() {
        let t = table("| ID | Risiko | Schwere |\n|---|---|---|\n| R-001 | API | Kritisch |\n");
        assert_eq!(classify(&t, false), TableKind::Risk);
        let t =
            table("| Issue | Severity | Status |\n|---|---|---|\n| Port | 🔴 Critical | 🟡 |\n");
        assert_eq!(classify(&t, true), TableKind::Risk);
        assert_eq!(classify(&t, false), TableKind::Status);
    }

    #[test]
    fn start_end_and_category_columns() {
        let t = table("| Phase | Name | Status | Start | End | Duration |\n|---|---|---|---|---|---|\n| 1 | Cowrie | 🔵 | Nov 27 | Dec 11 | 2 weeks |\n");
        assert_eq!(
            columns(&t),
            vec![
                Column::Number,
                Column::Text,
                Column::Status,
                Column::Date,
                Column::EndDate,
                Column::Attribute
            ]
        );
        let t = table("| Category | Status | Target Completion | Dependents |\n|---|---|---|---|\n| Connectivity | todo | Q4/2023 | |\n");
        assert_eq!(classify(&t, false), TableKind::Milestone);
        assert_eq!(columns(&t)[0], Column::Attribute);
    }

    #[test]
    fn completion_dates_keep_a_status_table() {
        let t = table("| Phase | Plans | Status | Completed |\n|---|---|---|---|\n| 1. Timing | 2/2 | Complete | 2026-02-15 |\n");
        assert_eq!(classify(&t, false), TableKind::Status);
    }

    /// A RAID log's type column makes it a risk table; a `Type` column of
    /// other values, or of assumptions and dependencies alone, does not.
    #[test]
    fn raid_logs() {
        let raid = table("| ID | Type | Description | Status |\n|---|---|---|---|\n| R1 | Risk | Data quality | Open |\n| A1 | Assumption | Users in January | Open |\n| I1 | Issue | SSO failing | Open |\n| D1 | Dépendance | Schema v3 | Open |\n");
        assert_eq!(raid_column(&raid), Some(1));
        assert_eq!(classify(&raid, false), TableKind::Risk);
        let letters = table(
            "| Type | Item | Status |\n|---|---|---|\n| R | Budget | Open |\n| D | API | Open |\n",
        );
        assert_eq!(raid_column(&letters), Some(0));
        let tickets = table("| Type | Summary | Status |\n|---|---|---|\n| Bug | Crash | Open |\n| Risk | Budget | Open |\n");
        assert_eq!(raid_column(&tickets), None);
        assert_eq!(classify(&tickets, false), TableKind::Status);
        let quiet =
            table("| Type | Item | Status |\n|---|---|---|\n| Assumption | Users | Open |\n");
        assert_eq!(raid_column(&quiet), None);
    }

    #[test]
    fn totals() {
        assert!(is_total_label("Total P0.1"));
        assert!(is_total_label("TOTAL PROJET"));
        assert!(!is_total_label("Totalement fini"));
    }
}
