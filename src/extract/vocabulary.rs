//! Status vocabulary: the markers and words that say an item is done, in
//! progress, to do, blocked or cancelled (`EXTRACTION.md` §3), as data.
//!
//! Matching is case- and accent-insensitive (`TERMINÉE` is `terminee`), on
//! whole words (`done` never matches `abandoned`) and whole symbols (`✔` and
//! `✔️` are the same marker: variation selectors are dropped). A French or
//! Spanish or Italian word also matches its feminine and plural forms (`terminé`,
//! `terminée`, `terminés`), because real documents agree their adjectives
//! with whatever they describe (`PHASE 1 - TERMINÉE`, `Tickets réalisés`).

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

use super::folding::{fold, fold_char, folded_words, folds_to, FoldedChar, WordList};
use crate::config::{VocabularyConfig, VocabularyEntry};
use crate::model::Status;

/// Markers: task-list boxes and status symbols. Compared after
/// [`fold`], so `✔️` (with U+FE0F) is listed once as `✔`.
const MARKERS: &[(&str, Status)] = &[
    ("[x]", Status::Done),
    ("[✅]", Status::Done),
    ("[✔]", Status::Done),
    ("✅", Status::Done),
    ("✔", Status::Done),
    ("☑", Status::Done),
    // A word processor's ticked box (Word's checklists export it so).
    ("☒", Status::Done),
    ("✓", Status::Done),
    ("[/]", Status::InProgress),
    ("[🚧]", Status::InProgress),
    ("🚧", Status::InProgress),
    ("🟡", Status::InProgress),
    ("🔄", Status::InProgress),
    ("🟠", Status::InProgress),
    ("⚠", Status::InProgress),
    ("[ ]", Status::Todo),
    // The boxes of other task conventions (Obsidian's themes, the bullet
    // journal): a task moved on to later (`[>]`), scheduled (`[<]`),
    // marked important (`[!]`), a question (`[?]`) or starred (`[*]`) is
    // still to do.
    ("[>]", Status::Todo),
    ("[<]", Status::Todo),
    ("[!]", Status::Todo),
    ("[?]", Status::Todo),
    ("[*]", Status::Todo),
    ("[⬜]", Status::Todo),
    ("⬜", Status::Todo),
    ("☐", Status::Todo),
    ("❌", Status::Todo),
    // A checklist's crosses, as ❌: not done (`✖️ Pager rotation staffed`).
    ("✖", Status::Todo),
    ("✗", Status::Todo),
    ("✘", Status::Todo),
    ("⏳", Status::Todo),
    ("📅", Status::Todo),
    ("[⛔]", Status::Blocked),
    ("⛔", Status::Blocked),
    ("🚫", Status::Blocked),
    ("🛑", Status::Blocked),
    ("[-]", Status::Cancelled),
    ("[~]", Status::Cancelled),
];

/// Status words and phrases, French, English, Spanish, German and Italian, written
/// in their base (masculine singular) form.
const WORDS: &[(&str, Status)] = &[
    // French
    ("fait", Status::Done),
    ("termine", Status::Done),
    ("complet", Status::Done),
    ("complete", Status::Done),
    ("realise", Status::Done),
    ("livre", Status::Done),
    ("acheve", Status::Done),
    ("valide", Status::Done),
    ("finalise", Status::Done),
    ("en cours", Status::InProgress),
    ("partiel", Status::InProgress),
    ("partiellement", Status::InProgress),
    ("commence", Status::InProgress),
    ("en revue", Status::InProgress),
    ("en developpement", Status::InProgress),
    // How an objective's key result is going (`— 🟡 À risque`).
    ("en bonne voie", Status::InProgress),
    ("a risque", Status::InProgress),
    // An action log's late action is work not done yet, begun: it is
    // also overdue once its due date has passed. As a milestone's
    // (`MILESTONE_WORDS`).
    ("en retard", Status::InProgress),
    // A tracker's columns between doing and done.
    ("en test", Status::InProgress),
    ("en tests", Status::InProgress),
    ("en recette", Status::InProgress),
    ("en validation", Status::InProgress),
    ("en analyse", Status::InProgress),
    ("a valider", Status::InProgress),
    // Handed over for approval or acceptance, as `à valider`; longer
    // than the `en attente` of work that waits on someone else.
    ("en attente de validation", Status::InProgress),
    ("en attente de recette", Status::InProgress),
    ("deploye", Status::Done),
    ("en production", Status::Done),
    ("a faire", Status::Todo),
    ("non demarre", Status::Todo),
    ("non commence", Status::Todo),
    ("pas commence", Status::Todo),
    ("pas demarre", Status::Todo),
    ("a commencer", Status::Todo),
    // An action log's action not begun yet (`À lancer`).
    ("a lancer", Status::Todo),
    ("a demarrer", Status::Todo),
    ("a planifier", Status::Todo),
    ("prevu", Status::Todo),
    ("planifie", Status::Todo),
    ("bloque", Status::Blocked),
    ("en attente", Status::Blocked),
    ("en pause", Status::Blocked),
    ("suspendu", Status::Blocked),
    ("annule", Status::Cancelled),
    ("abandonne", Status::Cancelled),
    ("hors perimetre", Status::Cancelled),
    // Put off to a later date: not begun, not given up.
    ("reporte", Status::Todo),
    // English
    ("done", Status::Done),
    ("completed", Status::Done),
    ("finished", Status::Done),
    ("delivered", Status::Done),
    ("shipped", Status::Done),
    ("resolved", Status::Done),
    ("closed", Status::Done),
    ("in progress", Status::InProgress),
    ("ongoing", Status::InProgress),
    ("wip", Status::InProgress),
    ("started", Status::InProgress),
    ("partial", Status::InProgress),
    ("partially", Status::InProgress),
    ("in review", Status::InProgress),
    // How an objective's key result is going (`— 65 % 🟢 On track`):
    // under way, well or not. As a milestone's (`MILESTONE_WORDS`).
    ("on track", Status::InProgress),
    ("off track", Status::InProgress),
    ("at risk", Status::InProgress),
    // Not `late`, which is as often a month's end (`Ship v2 — late March`).
    ("delayed", Status::InProgress),
    ("overdue", Status::InProgress),
    ("behind schedule", Status::InProgress),
    // Jira's, Linear's and GitHub's columns between doing and done, and
    // after it.
    ("testing", Status::InProgress),
    // An incident's or a bug's.
    ("investigating", Status::InProgress),
    ("in testing", Status::InProgress),
    ("in qa", Status::InProgress),
    ("code review", Status::InProgress),
    ("ready for qa", Status::InProgress),
    ("ready for review", Status::InProgress),
    // Work handed over for review or approval, not done until it passes,
    // as the French `à valider`: a board's `Awaiting review`, `Under
    // review`, `Pending approval`.
    ("awaiting review", Status::InProgress),
    ("under review", Status::InProgress),
    ("pending review", Status::InProgress),
    ("needs review", Status::InProgress),
    ("awaiting approval", Status::InProgress),
    ("pending approval", Status::InProgress),
    ("awaiting sign off", Status::InProgress),
    ("awaiting signoff", Status::InProgress),
    // Waiting on someone else (`Awaiting customer`, `awaiting the
    // vendor`), as `waiting` is.
    ("awaiting", Status::Blocked),
    ("deployed", Status::Done),
    ("released", Status::Done),
    ("merged", Status::Done),
    // A kanban board's middle column.
    ("doing", Status::InProgress),
    ("in development", Status::InProgress),
    ("todo", Status::Todo),
    ("to do", Status::Todo),
    ("pending", Status::Todo),
    ("triage", Status::Todo),
    ("not started", Status::Todo),
    ("planned", Status::Todo),
    // A phase being planned, none of its work done yet (corpus 24's
    // `| 28. RBAC + Tool Access UI | v5.0 | 0/4 | Planning | -- |`).
    ("planning", Status::Todo),
    ("backlog", Status::Todo),
    ("open", Status::Todo),
    ("queued", Status::Todo),
    ("blocked", Status::Blocked),
    ("on hold", Status::Blocked),
    ("waiting", Status::Blocked),
    ("paused", Status::Blocked),
    ("stalled", Status::Blocked),
    ("cancelled", Status::Cancelled),
    ("canceled", Status::Cancelled),
    ("dropped", Status::Cancelled),
    ("discarded", Status::Cancelled),
    ("won't do", Status::Cancelled),
    ("won't fix", Status::Cancelled),
    ("wontfix", Status::Cancelled),
    ("duplicate", Status::Cancelled),
    ("out of scope", Status::Cancelled),
    ("descoped", Status::Cancelled),
    // A sprint review's: a story taken out of the sprint is not its work;
    // one carried over to the next sprint is unfinished, begun.
    ("removed from sprint", Status::Cancelled),
    ("carried over", Status::InProgress),
    ("deferred", Status::Todo),
    ("postponed", Status::Todo),
    // Spanish
    ("hecho", Status::Done),
    ("completado", Status::Done),
    ("completo", Status::Done),
    ("terminado", Status::Done),
    ("finalizado", Status::Done),
    ("en curso", Status::InProgress),
    ("en progreso", Status::InProgress),
    ("en proceso", Status::InProgress),
    ("pendiente", Status::Todo),
    ("en revision", Status::InProgress),
    ("pendiente de revision", Status::InProgress),
    ("pendiente de aprobacion", Status::InProgress),
    ("por hacer", Status::Todo),
    ("no iniciado", Status::Todo),
    ("planificado", Status::Todo),
    ("bloqueado", Status::Blocked),
    ("en espera", Status::Blocked),
    ("cancelado", Status::Cancelled),
    ("descartado", Status::Cancelled),
    // German
    ("erledigt", Status::Done),
    ("fertig", Status::Done),
    ("abgeschlossen", Status::Done),
    ("in arbeit", Status::InProgress),
    ("in bearbeitung", Status::InProgress),
    ("in prufung", Status::InProgress),
    ("in abnahme", Status::InProgress),
    ("offen", Status::Todo),
    ("geplant", Status::Todo),
    ("ausstehend", Status::Todo),
    ("blockiert", Status::Blocked),
    ("abgebrochen", Status::Cancelled),
    ("verworfen", Status::Cancelled),
    // Late or at risk, still under way.
    ("verzogert", Status::InProgress),
    ("in verzug", Status::InProgress),
    ("gefahrdet", Status::InProgress),
    ("retrasado", Status::InProgress),
    ("en riesgo", Status::InProgress),
    // Italian. `Fatto` is left out: as often a fact (`i fatti`).
    ("completato", Status::Done),
    ("concluso", Status::Done),
    ("terminato", Status::Done),
    ("chiuso", Status::Done),
    ("rilasciato", Status::Done),
    ("consegnato", Status::Done),
    ("in corso", Status::InProgress),
    ("in lavorazione", Status::InProgress),
    ("in sviluppo", Status::InProgress),
    ("in revisione", Status::InProgress),
    ("in collaudo", Status::InProgress),
    ("avviato", Status::InProgress),
    ("parziale", Status::InProgress),
    ("parzialmente", Status::InProgress),
    ("in ritardo", Status::InProgress),
    ("a rischio", Status::InProgress),
    ("da fare", Status::Todo),
    ("da iniziare", Status::Todo),
    ("da avviare", Status::Todo),
    ("da pianificare", Status::Todo),
    ("non iniziato", Status::Todo),
    ("non avviato", Status::Todo),
    ("pianificato", Status::Todo),
    ("previsto", Status::Todo),
    ("rinviato", Status::Todo),
    ("bloccato", Status::Blocked),
    ("sospeso", Status::Blocked),
    ("in attesa", Status::Blocked),
    ("annullato", Status::Cancelled),
    ("cancellato", Status::Cancelled),
    ("abbandonato", Status::Cancelled),
    ("fuori perimetro", Status::Cancelled),
    // Portuguese. `Feito` is left out, as `fatto` is: as often a deed.
    ("concluido", Status::Done),
    ("finalizado", Status::Done),
    ("entregue", Status::Done),
    ("implantado", Status::Done),
    ("resolvido", Status::Done),
    ("em andamento", Status::InProgress),
    ("em progresso", Status::InProgress),
    ("em execucao", Status::InProgress),
    ("em desenvolvimento", Status::InProgress),
    ("em revisao", Status::InProgress),
    ("em teste", Status::InProgress),
    ("em testes", Status::InProgress),
    ("em homologacao", Status::InProgress),
    ("em validacao", Status::InProgress),
    ("iniciado", Status::InProgress),
    ("parcial", Status::InProgress),
    ("atrasado", Status::InProgress),
    ("em risco", Status::InProgress),
    ("pendente", Status::Todo),
    ("a fazer", Status::Todo),
    ("nao iniciado", Status::Todo),
    ("planejado", Status::Todo),
    ("agendado", Status::Todo),
    ("em aberto", Status::Todo),
    ("adiado", Status::Todo),
    ("impedido", Status::Blocked),
    ("aguardando", Status::Blocked),
    ("em espera", Status::Blocked),
    ("suspenso", Status::Blocked),
    ("pausado", Status::Blocked),
    ("abandonado", Status::Cancelled),
    ("fora do escopo", Status::Cancelled),
];

/// Status words of a milestone, folded. The spec's status table (§3) plus
/// words milestones use (`ATTEINT`, `shipped`, `Queued`), matched as
/// exact whole words (no agreement suffixes, unlike item words): milestone
/// tables write one status word per cell. A word beats a marker: `🟡
/// BLOQUÉ` is blocked.
const MILESTONE_WORDS: &[(&str, Status)] = &[
    // A status report's milestone table says how a milestone is going,
    // not only whether it is reached: one on track, at risk or late is
    // under way (and overdue once its date has passed).
    ("on track", Status::InProgress),
    ("at risk", Status::InProgress),
    ("off track", Status::InProgress),
    ("delayed", Status::InProgress),
    ("behind schedule", Status::InProgress),
    ("late", Status::InProgress),
    ("dans les temps", Status::InProgress),
    ("en bonne voie", Status::InProgress),
    ("a risque", Status::InProgress),
    ("en retard", Status::InProgress),
    // German and Spanish milestone tables (`| Meilenstein | Termin |
    // Status |`: `erreicht`, `geplant`, `gefährdet`).
    ("erreicht", Status::Done),
    ("abgeschlossen", Status::Done),
    ("erledigt", Status::Done),
    ("im plan", Status::InProgress),
    ("in arbeit", Status::InProgress),
    ("gefahrdet", Status::InProgress),
    ("verzogert", Status::InProgress),
    ("geplant", Status::Todo),
    ("offen", Status::Todo),
    ("blockiert", Status::Blocked),
    ("abgebrochen", Status::Cancelled),
    ("alcanzado", Status::Done),
    ("completado", Status::Done),
    ("terminado", Status::Done),
    ("en curso", Status::InProgress),
    ("en riesgo", Status::InProgress),
    ("retrasado", Status::InProgress),
    ("planificado", Status::Todo),
    ("pendiente", Status::Todo),
    ("bloqueado", Status::Blocked),
    ("cancelado", Status::Cancelled),
    // Italian (`| Milestone | Data prevista | Stato |`: `Raggiunta`,
    // `Pianificata`), matched whole, so each agreed form is listed.
    ("raggiunto", Status::Done),
    ("raggiunta", Status::Done),
    ("completato", Status::Done),
    ("completata", Status::Done),
    ("in linea", Status::InProgress),
    ("in corso", Status::InProgress),
    ("a rischio", Status::InProgress),
    ("in ritardo", Status::InProgress),
    ("pianificato", Status::Todo),
    ("pianificata", Status::Todo),
    ("previsto", Status::Todo),
    ("prevista", Status::Todo),
    ("da fare", Status::Todo),
    ("bloccato", Status::Blocked),
    ("bloccata", Status::Blocked),
    ("annullato", Status::Cancelled),
    ("annullata", Status::Cancelled),
    // Portuguese (`| Marco | Data prevista | Status |`: `Atingido`,
    // `Planejado`), each agreed form listed.
    ("atingido", Status::Done),
    ("atingida", Status::Done),
    ("concluido", Status::Done),
    ("concluida", Status::Done),
    ("entregue", Status::Done),
    ("em andamento", Status::InProgress),
    ("no prazo", Status::InProgress),
    ("em risco", Status::InProgress),
    ("atrasado", Status::InProgress),
    ("atrasada", Status::InProgress),
    ("planejado", Status::Todo),
    ("planejada", Status::Todo),
    ("pendente", Status::Todo),
    ("bloqueada", Status::Blocked),
    ("cancelada", Status::Cancelled),
    ("hors perimetre", Status::Cancelled),
    ("out of scope", Status::Cancelled),
    ("descoped", Status::Cancelled),
    ("won't do", Status::Cancelled),
    ("annule", Status::Cancelled),
    ("abandonne", Status::Cancelled),
    ("cancelled", Status::Cancelled),
    ("canceled", Status::Cancelled),
    ("dropped", Status::Cancelled),
    ("non demarre", Status::Todo),
    ("pas commence", Status::Todo),
    ("a commencer", Status::Todo),
    ("a lancer", Status::Todo),
    ("a demarrer", Status::Todo),
    ("a planifier", Status::Todo),
    ("not started", Status::Todo),
    ("a faire", Status::Todo),
    ("to do", Status::Todo),
    ("todo", Status::Todo),
    ("planifie", Status::Todo),
    ("prevu", Status::Todo),
    ("planned", Status::Todo),
    ("reporte", Status::Todo),
    ("postponed", Status::Todo),
    ("deferred", Status::Todo),
    ("backlog", Status::Todo),
    ("queued", Status::Todo),
    ("upcoming", Status::Todo),
    ("a venir", Status::Todo),
    ("future", Status::Todo),
    ("open", Status::Todo),
    ("en attente", Status::Blocked),
    ("on hold", Status::Blocked),
    ("bloque", Status::Blocked),
    ("blocked", Status::Blocked),
    ("waiting", Status::Blocked),
    ("en cours", Status::InProgress),
    ("en revue", Status::InProgress),
    ("in progress", Status::InProgress),
    ("in review", Status::InProgress),
    ("ongoing", Status::InProgress),
    ("partiellement", Status::InProgress),
    ("partiel", Status::InProgress),
    ("commence", Status::InProgress),
    ("started", Status::InProgress),
    ("wip", Status::InProgress),
    ("termine", Status::Done),
    ("complete", Status::Done),
    ("completed", Status::Done),
    ("complet", Status::Done),
    ("realise", Status::Done),
    ("livre", Status::Done),
    ("acheve", Status::Done),
    ("valide", Status::Done),
    ("atteint", Status::Done),
    // Feminine and plural forms, as a `Validation` or a `Livraison` is
    // `Validée` or `Livrée`: milestone words match whole, without the
    // agreement endings item words take.
    ("terminee", Status::Done),
    ("realisee", Status::Done),
    ("livree", Status::Done),
    ("achevee", Status::Done),
    ("validee", Status::Done),
    ("validees", Status::Done),
    ("valides", Status::Done),
    ("atteinte", Status::Done),
    ("fait", Status::Done),
    ("done", Status::Done),
    ("finished", Status::Done),
    ("delivered", Status::Done),
    ("shipped", Status::Done),
    ("released", Status::Done),
    ("reached", Status::Done),
    ("achieved", Status::Done),
    ("resolved", Status::Done),
    ("closed", Status::Done),
];

/// Status markers of a milestone. 🔴 is blocked on a milestone (a red
/// milestone is stuck), unlike on a project status line where it is health.
const MILESTONE_MARKERS: &[(&str, Status)] = &[
    ("[x]", Status::Done),
    ("[X]", Status::Done),
    ("[ ]", Status::Todo),
    ("✅", Status::Done),
    ("✔", Status::Done),
    ("☑", Status::Done),
    ("☒", Status::Done),
    ("✓", Status::Done),
    ("🚧", Status::InProgress),
    ("🟡", Status::InProgress),
    ("🔄", Status::InProgress),
    ("🟠", Status::InProgress),
    ("🔵", Status::InProgress),
    ("🔨", Status::InProgress),
    ("⚠", Status::InProgress),
    ("⬜", Status::Todo),
    ("☐", Status::Todo),
    ("❌", Status::Todo),
    ("✖", Status::Todo),
    ("✗", Status::Todo),
    ("✘", Status::Todo),
    ("⏳", Status::Todo),
    ("📅", Status::Todo),
    ("⛔", Status::Blocked),
    ("🚫", Status::Blocked),
    ("🛑", Status::Blocked),
    ("🔴", Status::Blocked),
];

static MILESTONE_WORD_LIST: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(MILESTONE_WORDS.iter().map(|(word, _)| *word)));

static MILESTONE_MARKER_LIST: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(MILESTONE_MARKERS.iter().map(|(marker, _)| *marker))
        .expect("marker list is small")
});

/// Whether `text` is all one of a milestone's status phrases (`on
/// track`, `at risk`, `en retard`).
pub fn is_milestone_phrase(text: &str) -> bool {
    let said = folded_words(text);
    MILESTONE_WORDS.iter().any(|(phrase, _)| *phrase == said)
}

/// The status a piece of text gives a milestone: the first status word,
/// else the first marker.
pub fn milestone_status(text: &str) -> Option<Status> {
    match MILESTONE_WORD_LIST.first(&fold(text)) {
        Some((_, index)) => Some(MILESTONE_WORDS[index].1),
        None => milestone_marker_status(text),
    }
}

/// The status the markers of a line give a milestone (`✅`, `[x]`, `🔴`),
/// ignoring words: a title such as `Version 2.0 Complète` is not a status.
/// The first marker in the text wins; at one place, the one listed first.
pub fn milestone_marker_status(text: &str) -> Option<Status> {
    MILESTONE_MARKER_LIST
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.pattern().as_usize()))
        .min()
        .map(|(_, index)| MILESTONE_MARKERS[index].1)
}

/// Red/amber/green circles: on a status line of a project or section they
/// are health, not item status, unless the document's legend says otherwise.
const HEALTH_CIRCLES: &[&str] = &["🟢", "🟡", "🔴", "🟠"];

/// Words that, right after `11/11`, say it counts them (folded): a
/// fraction (`11/11 tests pasando`), not the 11th of November; and an
/// item's count of its own work (`Migration : 340 / 500 pages`).
pub const COUNTED_WORDS: &[&str] = &[
    "test",
    "tests",
    "item",
    "items",
    "tache",
    "taches",
    "task",
    "tasks",
    "ticket",
    "tickets",
    "story",
    "stories",
    "bug",
    "bugs",
    "fichier",
    "fichiers",
    "file",
    "files",
    "check",
    "checks",
    "cas",
    "case",
    "cases",
    "point",
    "points",
    "pts",
    "module",
    "modules",
    "page",
    "pages",
    "ecran",
    "ecrans",
    "screen",
    "screens",
    "feature",
    "features",
    "fonctionnalite",
    "fonctionnalites",
    "endpoint",
    "endpoints",
    "critere",
    "criteres",
    "criteria",
    "etape",
    "etapes",
    "step",
    "steps",
    "livrable",
    "livrables",
    "deliverable",
    "deliverables",
    "pasando",
    "passing",
    "passed",
    "pass",
    "ok",
    "done",
    "faits",
    "faites",
    "valides",
    "reussis",
    "passes",
    "completed",
    "complete",
    "termines",
    "terminees",
    "completados",
    "completadas",
    "tareas",
    "pruebas",
];

/// Labels that introduce a status value (`**Statut :** En cours`).
pub const STATUS_LABELS: &[&str] = &[
    "statut", "status", "etat", "state", "estado", "stand", "stato",
];

/// Labels that introduce a legend (`**Légende :**`, `**Legend:**`).
const LEGEND_LABELS: &[&str] = &[
    "legende",
    "legend",
    "leyenda",
    "legenda",
    "legende des statuts",
];

/// Splits normalized text into word tokens (letters and digits).
fn tokens(normalized: &str) -> Vec<&str> {
    normalized
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The endings a vocabulary word takes in agreement (`realisee`,
/// `realises` for `realise`).
const AGREEMENT_ENDINGS: [&str; 4] = ["", "e", "s", "es"];

/// The endings that replace the final `o`s of a vocabulary word in
/// Spanish and Italian agreement (`completada`, `completadas` for
/// `completado`; `completata`, `completati`, `completate` for
/// `completato`).
const SPANISH_ENDINGS: [&str; 5] = ["a", "os", "as", "i", "e"];

/// A word of the text matches a vocabulary word, allowing agreement
/// suffixes (`realisee`, `realises` for `realise`).
pub fn word_matches(text_word: &str, vocabulary_word: &str) -> bool {
    if let Some(rest) = text_word.strip_prefix(vocabulary_word) {
        return AGREEMENT_ENDINGS.contains(&rest);
    }
    match (
        vocabulary_word.strip_suffix('o'),
        text_word.strip_prefix(vocabulary_word.trim_end_matches('o')),
    ) {
        (Some(_), Some(rest)) => SPANISH_ENDINGS.contains(&rest),
        _ => false,
    }
}

/// Every form of `word` that [`word_matches`] accepts: the word with each
/// agreement ending (`realise`, `realisee`, `realises`, `realisees`), and,
/// for one that ends in `o`, the Spanish, Italian and Portuguese endings
/// in its place (`completada`, `completadas`).
fn agreed_word_forms(word: &str) -> impl Iterator<Item = String> + '_ {
    let plain = AGREEMENT_ENDINGS.map(|ending| format!("{word}{ending}"));
    let stem = word.trim_end_matches('o');
    let spanish =
        (word.ends_with('o')).then(|| SPANISH_ENDINGS.map(|ending| format!("{stem}{ending}")));
    plain.into_iter().chain(spanish.into_iter().flatten())
}

/// A status word or phrase, already split into normalized tokens.
#[derive(Debug, Clone)]
struct Phrase {
    tokens: Vec<String>,
    status: Status,
}

/// The phrases by the words that can start them, so that a word of a
/// text is checked against the few phrases it can start, not against all
/// of them. Every form [`word_matches`] accepts for a phrase's first token
/// is a key (`termine`, `terminee`, `termines`, `terminees`; `completado`,
/// `completada`, `completados`, `completadas`): a lookup is one probe.
#[derive(Debug, Clone, Default)]
struct PhraseIndex {
    /// Phrase indices, ascending, by each word form their first token takes.
    by_form: FxHashMap<String, Vec<usize>>,
}

impl PhraseIndex {
    /// The index of `phrases`, none of which is empty ([`Vocabulary::new`]).
    fn new(phrases: &[Phrase]) -> PhraseIndex {
        let mut index = PhraseIndex::default();
        for (at, phrase) in phrases.iter().enumerate() {
            let Some(first) = phrase.tokens.first() else {
                continue;
            };
            for form in agreed_word_forms(first) {
                let phrases = index.by_form.entry(form).or_default();
                // Two forms of one phrase can be the same word.
                if phrases.last() != Some(&at) {
                    phrases.push(at);
                }
            }
        }
        index
    }

    /// The phrases whose first token `word` (folded) [`word_matches`], in
    /// the order of the phrase list (longest phrases first).
    fn starting(&self, word: &str) -> &[usize] {
        self.by_form.get(word).map_or(&[], Vec::as_slice)
    }
}

/// Which markers can start or end a text, by the character (folded) it
/// starts or ends with: a marker can match only a text whose first (last)
/// character folds to its own first (last). Most item lines are then
/// checked against a handful of markers, not all of them.
#[derive(Debug, Clone, Default)]
struct MarkerIndex {
    /// Positions in the markers (in their order) by first character.
    by_first: FxHashMap<char, Vec<usize>>,
    /// Each marker's second character, if it has one: of the eight
    /// bracket markers a `- [x]` line is checked against, the `x` rules
    /// out seven at once.
    second: Vec<Option<char>>,
    /// Positions in the markers (in their order) by last character.
    by_last: FxHashMap<char, Vec<usize>>,
    /// Whether a marker is empty (a configured one that folds to
    /// nothing): it matches at the start of any text.
    any_empty: bool,
}

impl MarkerIndex {
    fn new(markers: &[(String, Status)]) -> MarkerIndex {
        let mut index = MarkerIndex::default();
        for (at, (marker, _)) in markers.iter().enumerate() {
            index.second.push(marker.chars().nth(1));
            let (Some(first), Some(last)) = (marker.chars().next(), marker.chars().next_back())
            else {
                index.any_empty = true;
                continue;
            };
            index.by_first.entry(first).or_default().push(at);
            index.by_last.entry(last).or_default().push(at);
        }
        index
    }
}

/// The markers and words in force for one document.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Normalized markers, longest first so that `[✅]` wins over `✅`.
    markers: Vec<(String, Status)>,
    /// Which of `markers` each character starts and ends ([`MarkerIndex`]).
    marker_index: MarkerIndex,
    /// Phrases, longest first so that `not started` wins over `started`.
    /// Shared: a document's legend copies the vocabulary, and changes only
    /// its markers.
    phrases: Arc<Vec<Phrase>>,
    /// Which of `phrases` each word can start ([`PhraseIndex`]).
    phrase_index: Arc<PhraseIndex>,
    /// Circles the document's legend gave a meaning to.
    legend_circles: Vec<String>,
    /// Every marker the document's own legend defined, with its status.
    legend: Vec<(String, Status)>,
    /// The symbols the document defines for the cells of its feature
    /// matrices (`+` supported), folded, with their status
    /// ([`super::matrix`]): read only as a whole cell of such a table.
    cell_symbols: Vec<(String, Status)>,
    /// The numbers the document's legend defines by example (`Kernel
    /// release, e.g. 6.0`), as [`number_shape`] writes them (`0.0`), with
    /// their status: every cell written like the example has it (`5.19`).
    cell_shapes: Vec<(String, Status)>,
}

impl Vocabulary {
    /// The built-in tables extended by `config.toml` `[vocabulary]`.
    pub fn new(config: &VocabularyConfig) -> Vocabulary {
        let mut markers: Vec<(String, Status)> =
            MARKERS.iter().map(|(m, s)| (fold(m), *s)).collect();
        let mut phrases: Vec<Phrase> = WORDS.iter().map(|(w, s)| phrase(w, *s)).collect();
        let entries: [(&VocabularyEntry, Status); 5] = [
            (&config.done, Status::Done),
            (&config.in_progress, Status::InProgress),
            (&config.todo, Status::Todo),
            (&config.blocked, Status::Blocked),
            (&config.cancelled, Status::Cancelled),
        ];
        for (entry, status) in entries {
            // Configured entries come first: the portal's own words win.
            for marker in &entry.markers {
                markers.insert(0, (fold(marker), status));
            }
            for word in &entry.words {
                let configured = phrase(word, status);
                // A "word" without a letter or a digit (`"✅"`, `"--"`) is
                // a symbol: it is read as the marker it is. As a phrase of
                // no words it matched every text, or none.
                if configured.tokens.is_empty() {
                    let marker = fold(word.trim());
                    if !marker.is_empty() {
                        markers.insert(0, (marker, status));
                    }
                } else {
                    phrases.insert(0, configured);
                }
            }
        }
        // Stable sort: among equal lengths, configured entries stay first.
        phrases.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        let mut vocabulary = Vocabulary {
            marker_index: MarkerIndex::default(),
            phrase_index: Arc::new(PhraseIndex::new(&phrases)),
            markers,
            phrases: Arc::new(phrases),
            legend_circles: Vec::new(),
            legend: Vec::new(),
            cell_symbols: Vec::new(),
            cell_shapes: Vec::new(),
        };
        vocabulary.sort_markers();
        vocabulary
    }

    /// The markers longest first, and their index (a legend entry changes
    /// only the markers).
    fn sort_markers(&mut self) {
        // Stable sorts: among equal lengths, earlier (configured, legend) entries stay first.
        self.markers
            .sort_by_key(|(m, _)| std::cmp::Reverse(m.chars().count()));
        self.marker_index = MarkerIndex::new(&self.markers);
    }

    /// Makes a legend entry (`[✅] Fait`, `🟡 Queued`) override the tables.
    pub fn add_legend(&mut self, marker: &str, status: Status) {
        let marker = fold(marker.trim());
        if marker.is_empty() {
            return;
        }
        if HEALTH_CIRCLES.contains(&marker.as_str()) {
            self.legend_circles.push(marker.clone());
        }
        self.legend.retain(|(m, _)| *m != marker);
        self.legend.push((marker.clone(), status));
        self.markers.retain(|(m, _)| *m != marker);
        self.markers.insert(0, (marker, status));
        self.sort_markers();
    }

    /// Makes `symbol` (`+`, `N/A`) give `status` as the whole cell of a
    /// feature matrix; a later definition of the same symbol wins.
    pub fn add_cell_symbol(&mut self, symbol: &str, status: Status) {
        let symbol = fold(symbol.trim());
        self.cell_symbols.retain(|(s, _)| *s != symbol);
        self.cell_symbols.push((symbol, status));
    }

    /// Defines by `example` the cells of a feature matrix written like it:
    /// a number (`6.0`) stands for every number of its shape (`5.19`,
    /// `7.0`), anything else for itself.
    pub fn add_cell_example(&mut self, example: &str, status: Status) {
        match number_shape(example.trim()) {
            Some(shape) => {
                self.cell_shapes.retain(|(s, _)| *s != shape);
                self.cell_shapes.push((shape, status));
            }
            None => self.add_cell_symbol(example, status),
        }
    }

    /// Whether the document defines symbols for the cells of its tables.
    pub fn has_cell_symbols(&self) -> bool {
        !self.cell_symbols.is_empty() || !self.cell_shapes.is_empty()
    }

    /// The status of a table cell that is only a symbol the document
    /// defines (`+`), ignoring markup around it (`**+**`) and a note in
    /// brackets after it (corpus `23_…`: `linux-asahi (notes)`,
    /// `linux-asahi (13.5 FW only)`).
    pub fn cell_symbol(&self, cell: &str) -> Option<Status> {
        let cell = cell.trim().trim_matches(['*', '_', '`']).trim();
        self.whole_cell_symbol(cell).or_else(|| {
            let (symbol, note) = cell.split_once(" (")?;
            let symbol = symbol.trim_end();
            (note.ends_with(')') && !symbol.is_empty())
                .then(|| self.whole_cell_symbol(symbol))
                .flatten()
        })
    }

    /// The status of `cell` when it is a defined symbol or a number shaped
    /// as a defined example.
    fn whole_cell_symbol(&self, cell: &str) -> Option<Status> {
        let folded = fold(cell);
        let symbol = (self.cell_symbols.iter()).find(|(symbol, _)| *symbol == folded);
        if let Some((_, status)) = symbol {
            return Some(*status);
        }
        if self.cell_shapes.is_empty() {
            return None;
        }
        let shape = number_shape(cell)?;
        (self.cell_shapes.iter())
            .find(|(s, _)| *s == shape)
            .map(|(_, status)| *status)
    }

    /// The health circle (🟢 🟡 🟠 🔴) `text` starts with, unless the
    /// document's legend defines it.
    pub fn undefined_circle_at_start(&self, text: &str) -> Option<&'static str> {
        let trimmed = text.trim_start();
        let circle = HEALTH_CIRCLES.iter().find(|c| trimmed.starts_with(**c))?;
        (!self.legend_circles.iter().any(|c| c == circle)).then_some(*circle)
    }

    /// Whether `marker` on its own already gives `status` (`🟡`: in progress).
    pub fn marker_means(&self, marker: &str, status: Status) -> bool {
        self.marker_at_start(marker).map(|(s, _)| s) == Some(status)
    }

    /// The status of the first marker of the document's own legend found
    /// anywhere in `text`: in corpus `20_…` a milestone row marked 🟡 is
    /// queued, because its legend says so.
    pub fn legend_status(&self, text: &str) -> Option<Status> {
        if self.legend.is_empty() {
            return None;
        }
        let text = fold(text);
        self.legend
            .iter()
            .filter_map(|(marker, status)| text.find(marker.as_str()).map(|at| (at, *status)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, status)| status)
    }

    /// The marker `text` starts with (after spaces), and the text after it.
    ///
    /// `"[x] Structure"` gives `(Done, "Structure")`.
    pub fn marker_at_start<'t>(&self, text: &'t str) -> Option<(Status, &'t str)> {
        let trimmed = text.trim_start();
        let found = |(marker, status): &(String, Status)| {
            let rest = strip_marker_prefix(trimmed, marker)?;
            ends_cleanly(marker, rest).then(|| (*status, rest.trim_start()))
        };
        // Most lines start with a letter, and no marker does.
        let mut chars = trimmed.chars();
        let first = chars.find(|c| !matches!(c, '\u{fe0f}' | '\u{fe0e}'));
        match first.map(fold_char) {
            Some(FoldedChar::One(first)) if !self.marker_index.any_empty => {
                let starting = self.marker_index.by_first.get(&first);
                let starting = starting.map_or(&[][..], Vec::as_slice);
                let second = second_folded(chars);
                starting
                    .iter()
                    .filter(|&&at| match (self.marker_index.second[at], &second) {
                        (None, _) => true,
                        (Some(wanted), Some(FoldedChar::One(c))) => wanted == *c,
                        (Some(_), Some(_)) => true,
                        (Some(_), None) => false,
                    })
                    .find_map(|&at| found(&self.markers[at]))
            }
            _ => self.markers.iter().find_map(found),
        }
    }

    /// Like [`Self::marker_at_start`] but ignores health circles the
    /// document's legend did not define (`🟡 Pas bloqué` on a status line).
    pub fn item_marker_at_start<'t>(&self, text: &'t str) -> Option<(Status, &'t str)> {
        let found = self.marker_at_start(text)?;
        let first = fold(&text.trim_start().chars().take(2).collect::<String>());
        if HEALTH_CIRCLES.iter().any(|c| first.starts_with(c))
            && !self
                .legend_circles
                .iter()
                .any(|c| first.starts_with(c.as_str()))
        {
            return None;
        }
        Some(found)
    }

    /// The marker `text` ends with (trailing `!`, `.` and spaces ignored),
    /// and the byte offset where it starts.
    pub fn marker_at_end(&self, text: &str) -> Option<(Status, usize)> {
        let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || "!.".contains(c));
        let last = trimmed
            .trim_end_matches(['\u{fe0f}', '\u{fe0e}'])
            .chars()
            .next_back();
        let found = |(marker, status): &(String, Status)| {
            let start = strip_marker_suffix(trimmed, marker)?;
            let undefined_circle =
                HEALTH_CIRCLES.contains(&marker.as_str()) && !self.legend_circles.contains(marker);
            (!undefined_circle).then_some((*status, start))
        };
        match last.map(fold_char) {
            Some(FoldedChar::One(last)) => {
                let ending = self.marker_index.by_last.get(&last);
                let ending = ending.map_or(&[][..], Vec::as_slice);
                ending.iter().find_map(|&at| found(&self.markers[at]))
            }
            _ => self.markers.iter().find_map(found),
        }
    }

    /// The status phrase `text` starts with, and how many bytes of the
    /// original text it covers. `"En cours (80% réalisé)"` gives
    /// `(InProgress, 8)`.
    pub fn phrase_at_start(&self, text: &str) -> Option<(Status, usize)> {
        let mut spans = word_spans(text);
        let first = spans.next()?;
        // The first word starts the text: only punctuation and symbols,
        // never a letter or a digit, come before it.
        let candidates = self.phrase_index.starting(&first.0);
        let longest = candidates
            .first()
            .map(|&at| self.phrases[at].tokens.len())?;
        let words: Vec<(String, Range<usize>)> = std::iter::once(first)
            .chain(spans.take(longest.saturating_sub(1)))
            .collect();
        candidates.iter().find_map(|&at| {
            let phrase = &self.phrases[at];
            let window = words.get(..phrase.tokens.len())?;
            let matched = (phrase.tokens.iter().zip(window)).all(|(p, (w, _))| word_matches(w, p));
            matched.then(|| (phrase.status, window[window.len() - 1].1.end))
        })
    }

    /// The status of a text that is only a status phrase, but for
    /// punctuation and symbols (`À faire :`, `✅ Terminé`, `Done:`): a
    /// label that heads the entries sorted under it.
    pub fn only_phrase(&self, text: &str) -> Option<Status> {
        let (status, end) = self.phrase_at_start(text)?;
        (!text[end..].chars().any(char::is_alphanumeric)).then_some(status)
    }

    /// Whether `text` says a status anywhere: a marker at the start of
    /// any of its words, or a phrase (`~~1. Vercel Build Failing~~ ✅
    /// RÉSOLU`, `Phase 4: … (Not Started)`).
    pub fn holds_status(&self, text: &str) -> bool {
        let marked = (text.split_whitespace()).any(|word| self.marker_at_start(word).is_some());
        marked || self.phrase_anywhere(text).is_some()
    }

    /// The first status phrase anywhere in `text`, as whole words.
    pub fn phrase_anywhere(&self, text: &str) -> Option<Status> {
        let words: Vec<(String, Range<usize>)> = word_spans(text).collect();
        (0..words.len()).find_map(|start| {
            self.phrase_index
                .starting(&words[start].0)
                .iter()
                .find_map(|&at| {
                    let phrase = &self.phrases[at];
                    let window = words.get(start..start + phrase.tokens.len())?;
                    let matched =
                        (phrase.tokens.iter().zip(window)).all(|(p, (w, _))| word_matches(w, p));
                    matched.then_some(phrase.status)
                })
        })
    }

    /// The status of a value such as a table cell or the value of a
    /// `Statut :` line: a marker at its start, else a phrase at its start,
    /// else a phrase anywhere in it. `"🔵 **In Progress**"` with the legend
    /// of corpus `20_…` gives `InProgress`.
    ///
    /// A marker right before a status word decorates it, and the word is
    /// what the cell says: `⏳ BLOQUÉ` is blocked and `⛔ À FAIRE` to do
    /// (corpus `02_…`), though `⏳` alone is to do and `⛔` alone blocked.
    pub fn status_of_value(&self, value: &str) -> Option<Status> {
        let value = strip_status_label(value);
        if let Some((status, rest)) = self.marker_at_start(value) {
            let word = self.phrase_at_start(rest).map(|(word, _)| word);
            return Some(word.unwrap_or(status));
        }
        if let Some((status, _)) = self.phrase_at_start(value) {
            return Some(status);
        }
        self.phrase_anywhere(value).or_else(|| whole_state(value))
    }
}

/// States of a tracker's work item that are status words only as the
/// whole of a status cell or value (folded): Azure DevOps's `New`,
/// `Active`, `Removed`, `Proposed`, `Approved` and `Committed`, a GitLab
/// issue's `opened` (and `reopened`), Jira's `Selected for Development`
/// and a board's `Ready for Dev` (chosen, not begun) and `QA` (being
/// tested). In a sentence these words say something else (`New
/// onboarding flow`, `Active users up 12%`, `the issue was opened`, `the
/// spec is ready for development`: the spec is done), so they are no
/// phrase of [`WORDS`].
///
/// French bug trackers' states too, Redmine's and GLPI's (`Nouveau`,
/// `Résolu`, `Fermé`, `Rejeté`, `Clos`): `fermé` is `ferme` once folded
/// (`date ferme`, a firm date) and `clos`, `ouvert`, `résolu` read
/// otherwise in a sentence (`le chantier est ouvert`). A one-word state
/// agrees as the words of [`WORDS`] do (`Clôturée`, `Résolue`, `Ouvertes`).
/// `Ready` and `Prêt` are left out: a board's column not begun, but a
/// report's environment that is done (`| Recette | Prêt |`); so are
/// `Accepted` (a story's last state, a change request's first) and
/// `Testé` (tested, not yet delivered).
const WHOLE_STATES: &[(&str, Status)] = &[
    ("selected for development", Status::Todo),
    ("ready for development", Status::Todo),
    ("ready for dev", Status::Todo),
    ("qa", Status::InProgress),
    ("opened", Status::Todo),
    ("reopened", Status::Todo),
    ("new", Status::Todo),
    ("proposed", Status::Todo),
    ("approved", Status::Todo),
    ("active", Status::InProgress),
    ("committed", Status::InProgress),
    ("removed", Status::Cancelled),
    // A tracker's states before, beside and after the work (English).
    ("scheduled", Status::Todo),
    ("parked", Status::Todo),
    ("icebox", Status::Todo),
    ("draft", Status::InProgress),
    ("submitted", Status::InProgress),
    ("uat", Status::InProgress),
    ("in uat", Status::InProgress),
    ("in test", Status::InProgress),
    ("escalated", Status::Blocked),
    ("needs info", Status::Blocked),
    ("need info", Status::Blocked),
    ("needs information", Status::Blocked),
    ("fixed", Status::Done),
    ("verified", Status::Done),
    ("signed off", Status::Done),
    ("live", Status::Done),
    ("rejected", Status::Cancelled),
    ("superseded", Status::Cancelled),
    ("obsolete", Status::Cancelled),
    // French.
    ("nouveau", Status::Todo),
    ("nouvelle", Status::Todo),
    ("ouvert", Status::Todo),
    ("a qualifier", Status::Todo),
    ("differe", Status::Todo),
    ("brouillon", Status::InProgress),
    ("a tester", Status::InProgress),
    ("en correction", Status::InProgress),
    ("gele", Status::Blocked),
    ("escalade", Status::Blocked),
    ("resolu", Status::Done),
    ("corrige", Status::Done),
    ("ferme", Status::Done),
    ("clos", Status::Done),
    ("cloture", Status::Done),
    ("rejete", Status::Cancelled),
    ("refuse", Status::Cancelled),
    ("sans objet", Status::Cancelled),
];

/// The state a whole value names ([`WHOLE_STATES`]), a one-word state in
/// any of its agreed forms.
fn whole_state(value: &str) -> Option<Status> {
    static FORMS: LazyLock<FxHashMap<String, Status>> =
        LazyLock::new(|| agreed_forms(WHOLE_STATES));
    whole_value(&FORMS, value)
}

/// What `forms` ([`agreed_forms`]) says of `value` as a whole, its words
/// folded ([`folded_words`]). Asked of every short cell of a table, so a
/// value longer than any state is not folded.
pub fn whole_value<T: Copy>(forms: &FxHashMap<String, T>, value: &str) -> Option<T> {
    const LONGEST: usize = 48;
    if value.len() > LONGEST {
        return None;
    }
    forms.get(&folded_words(value)).copied()
}

/// Every form of `table`'s entries that a whole value may take: the
/// words as listed, and a one-word entry in its agreed forms
/// ([`word_matches`]: `Clôturées` for `cloture`, `Réussie` for `reussi`);
/// the first entry to give a form keeps it.
pub fn agreed_forms<T: Copy>(table: &[(&str, T)]) -> FxHashMap<String, T> {
    let mut forms = FxHashMap::default();
    for &(words, value) in table {
        forms.entry(words.to_string()).or_insert(value);
        if words.contains(' ') {
            continue;
        }
        for form in agreed_word_forms(words) {
            forms.entry(form).or_insert(value);
        }
    }
    forms
}

/// Tokens of `text` with their byte ranges in `text`, folded: each run of
/// letters and digits, folded, split again where folding made a
/// separator (a rare ligature).
fn word_spans(text: &str) -> impl Iterator<Item = (String, Range<usize>)> + '_ {
    alphanumeric_runs(text).flat_map(move |range| {
        let run = &text[range.clone()];
        // An ASCII run is one token, given without a vector around it.
        let (ascii, folded) = if run.is_ascii() {
            (Some((run.to_ascii_lowercase(), range)), Vec::new())
        } else {
            let folded = tokens(&fold(run))
                .into_iter()
                .map(|t| (t.to_string(), range.clone()))
                .collect();
            (None, folded)
        };
        ascii.into_iter().chain(folded)
    })
}

/// Byte ranges of the runs of letters and digits of `text`.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(index, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = index;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

fn phrase(words: &str, status: Status) -> Phrase {
    Phrase {
        tokens: tokens(&fold(words))
            .into_iter()
            .map(str::to_string)
            .collect(),
        status,
    }
}

/// `text` without its leading normalized `marker`, comparing char by char
/// (case, accents and variation selectors ignored).
fn strip_marker_prefix<'t>(text: &'t str, marker: &str) -> Option<&'t str> {
    let mut wanted = marker;
    for (index, c) in text.char_indices() {
        if wanted.is_empty() {
            return Some(skip_selectors(&text[index..]));
        }
        if c == '\u{fe0f}' || c == '\u{fe0e}' {
            continue;
        }
        wanted = match fold_char(c) {
            FoldedChar::Nothing => wanted,
            FoldedChar::One(folded) => wanted.strip_prefix(folded)?,
            FoldedChar::Several(folded) => wanted.strip_prefix(folded.as_str())?,
        };
    }
    wanted.is_empty().then_some("")
}

/// The first of `chars` that folds to something, folded: the character a
/// marker's second one must be, after a first that folded to one.
fn second_folded(chars: std::str::Chars) -> Option<FoldedChar> {
    chars
        .map(fold_char)
        .find(|folded| !matches!(folded, FoldedChar::Nothing))
}

/// Where `marker` starts if `text` ends with it.
fn strip_marker_suffix(text: &str, marker: &str) -> Option<usize> {
    let text = text.trim_end_matches(['\u{fe0f}', '\u{fe0e}']);
    let count = marker.chars().count();
    let start = text.char_indices().rev().nth(count.checked_sub(1)?)?.0;
    folds_to(&text[start..], marker).then_some(start)
}

fn skip_selectors(text: &str) -> &str {
    text.trim_start_matches(['\u{fe0f}', '\u{fe0e}'])
}

/// A word-like marker must not run into a word (`[x]` is fine anywhere;
/// a hypothetical `ok` marker must not match `okay`).
fn ends_cleanly(marker: &str, rest: &str) -> bool {
    let marker_is_word = marker.chars().last().is_some_and(char::is_alphanumeric);
    !marker_is_word || !rest.chars().next().is_some_and(char::is_alphanumeric)
}

/// `value` without a leading `Statut :` / `Status:` label.
pub fn strip_status_label(value: &str) -> &str {
    let trimmed = value.trim_start();
    let Some(colon) = trimmed.find(':') else {
        return trimmed;
    };
    let label = trimmed[..colon].trim();
    if STATUS_LABELS.iter().any(|l| folds_to(label, l)) {
        trimmed[colon + 1..].trim_start()
    } else {
        trimmed
    }
}

/// Whether `label` (a paragraph line or heading) announces a legend.
pub fn is_legend_label(label: &str) -> bool {
    names_legend(&fold(label))
}

/// [`is_legend_label`] of a label folded already (a heading's
/// `OutlineSection::folded`): its first word begins a legend label.
pub fn names_legend(folded: &str) -> bool {
    let mut words = folded.split(|c: char| !c.is_alphanumeric());
    words.find(|w| !w.is_empty()).is_some_and(|w| {
        LEGEND_LABELS
            .iter()
            .any(|l| l.starts_with(w) && w.len() >= 6)
    })
}

/// The text after the health circle (🟢 🟡 🟠 🔴) `text` starts with,
/// and its variation selector, if it starts with one.
pub fn after_health_circle(text: &str) -> Option<&str> {
    let rest = HEALTH_CIRCLES.iter().find_map(|c| text.strip_prefix(c))?;
    Some(rest.trim_start_matches('\u{fe0f}').trim_start())
}

/// Whether a normalized marker is a red/amber/green circle.
pub fn is_health_circle(text: &str) -> bool {
    let normalized = fold(text.trim());
    HEALTH_CIRCLES.iter().any(|c| normalized.starts_with(c))
}

/// A number as its shape: every run of digits written `0` (`5.19` and
/// `6.0` are both `0.0`), or `None` when `text` is not only digits and
/// the dots between them.
fn number_shape(text: &str) -> Option<String> {
    let is_number = text.starts_with(|c: char| c.is_ascii_digit())
        && text.ends_with(|c: char| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || c == '.');
    if !is_number {
        return None;
    }
    let mut shape = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '.' {
            shape.push('.');
        } else if !shape.ends_with('0') {
            shape.push('0');
        }
    }
    Some(shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::VocabularyConfig;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(&VocabularyConfig::default())
    }

    proptest::proptest! {
        // The index by first and second character only skips markers that
        // could not match: every text gets what trying each marker in
        // order gives. `İ` and `ﬁ` fold to several characters, U+0301 to
        // none.
        #[test]
        fn marker_at_start_as_trying_every_marker_says(
            text in " ?(\\[[xX ~/!>🚧✅é\u{fe0f}\u{301}ﬁİ-]{0,2}\\]?|[✅⏳🔴]\u{fe0f}?)?[\\]xX a-cé✅\u{301}ﬁİ-]{0,4}"
        ) {
            let v = vocabulary();
            let trimmed = text.trim_start();
            let every = v.markers.iter().find_map(|(marker, status)| {
                let rest = strip_marker_prefix(trimmed, marker)?;
                ends_cleanly(marker, rest).then(|| (*status, rest.trim_start()))
            });
            proptest::prop_assert_eq!(v.marker_at_start(&text), every);
        }
    }

    #[test]
    fn boxes_and_markers_at_start() {
        let v = vocabulary();
        assert_eq!(v.marker_at_start("[x] a").unwrap().0, Status::Done);
        assert_eq!(v.marker_at_start("[X] a").unwrap().0, Status::Done);
        assert_eq!(v.marker_at_start("[ ] a").unwrap().0, Status::Todo);
        assert_eq!(v.marker_at_start("[✅] a").unwrap(), (Status::Done, "a"));
        assert_eq!(v.marker_at_start("[🚧] a").unwrap().0, Status::InProgress);
        assert_eq!(v.marker_at_start("[~] a").unwrap().0, Status::Cancelled);
        assert_eq!(v.marker_at_start("✔ a").unwrap().0, Status::Done);
        assert_eq!(v.marker_at_start("✔️ a").unwrap(), (Status::Done, "a"));
        assert_eq!(
            v.marker_at_start("⚠️ PARTIEL").unwrap().0,
            Status::InProgress
        );
        assert_eq!(v.marker_at_start("⛔ x").unwrap().0, Status::Blocked);
        // ⏸️ pauses what is on hold and what has not started alike
        // (corpus 01: `**Statut:** ⏸️ Pas commencé`): no status alone.
        assert!(v.marker_at_start("⏸️ Paused migration").is_none());
        assert!(v.marker_at_start("Structure ✅").is_none());
    }

    #[test]
    fn health_circles_are_not_item_markers_unless_the_legend_says_so() {
        let mut v = vocabulary();
        assert!(v.item_marker_at_start("🟡 Pas bloqué").is_none());
        assert_eq!(v.marker_at_start("🟡 x").unwrap().0, Status::InProgress);
        v.add_legend("🟡", Status::Todo);
        assert_eq!(v.item_marker_at_start("🟡 Queued").unwrap().0, Status::Todo);
    }

    #[test]
    fn markers_at_end() {
        let v = vocabulary();
        let text = "Pipeline lint (ESLint) ✅";
        let (status, start) = v.marker_at_end(text).unwrap();
        assert_eq!(status, Status::Done);
        assert_eq!(text[..start].trim(), "Pipeline lint (ESLint)");
        assert_eq!(
            v.marker_at_end("Alerting rules ❌").unwrap().0,
            Status::Todo
        );
        assert_eq!(v.marker_at_end("Fait ✔️ !").unwrap().0, Status::Done);
        assert!(v.marker_at_end("Code 🟡").is_none());
    }

    #[test]
    fn phrases_are_whole_words_accent_and_case_insensitive() {
        let v = vocabulary();
        assert_eq!(v.phrase_at_start("À FAIRE").unwrap().0, Status::Todo);
        assert_eq!(v.phrase_at_start("a faire").unwrap().0, Status::Todo);
        assert_eq!(v.phrase_at_start("Terminée").unwrap().0, Status::Done);
        assert_eq!(
            v.phrase_at_start("En cours (80% réalisé)").unwrap(),
            (Status::InProgress, 8)
        );
        assert_eq!(v.phrase_anywhere("project abandoned"), None);
        assert_eq!(v.phrase_anywhere("the issue was opened"), None);
        assert_eq!(v.phrase_anywhere("well done"), Some(Status::Done));
        assert_eq!(v.phrase_anywhere("Not started yet"), Some(Status::Todo));
        assert_eq!(v.phrase_at_start("Terminer GED"), None);
    }

    #[test]
    fn spanish_and_german_words() {
        let v = vocabulary();
        assert_eq!(v.status_of_value("COMPLETADA"), Some(Status::Done));
        assert_eq!(v.status_of_value("Pendiente"), Some(Status::Todo));
        assert_eq!(v.status_of_value("erledigt"), Some(Status::Done));
        assert_eq!(
            v.status_of_value("in Bearbeitung"),
            Some(Status::InProgress)
        );
    }

    /// Italian status words, in the forms they agree to (`Completate`
    /// over a list of tasks, `Pianificata` for a milestone).
    #[test]
    fn italian_words() {
        let v = vocabulary();
        let expected = [
            ("Completato", Status::Done),
            ("COMPLETATE", Status::Done),
            ("Conclusa", Status::Done),
            ("In corso", Status::InProgress),
            ("in lavorazione", Status::InProgress),
            ("In ritardo", Status::InProgress),
            ("Da fare", Status::Todo),
            ("Non iniziato", Status::Todo),
            ("Pianificati", Status::Todo),
            ("Bloccata", Status::Blocked),
            ("In attesa", Status::Blocked),
            ("Sospeso", Status::Blocked),
            ("Annullato", Status::Cancelled),
        ];
        for (text, status) in expected {
            assert_eq!(v.status_of_value(text), Some(status), "{text}");
        }
        let milestones = [
            ("Raggiunta", Status::Done),
            ("In linea", Status::InProgress),
            ("Pianificata", Status::Todo),
            ("Prevista", Status::Todo),
        ];
        for (text, status) in milestones {
            assert_eq!(milestone_status(text), Some(status), "{text}");
        }
        // `Fatto` is as often a fact: `i fatti` are no status.
        assert_eq!(v.status_of_value("Fatti"), None);
    }

    /// The columns of Jira, Linear and GitHub boards, and of a French
    /// action log, besides the spec's words.
    #[test]
    fn tracker_columns_and_late_actions() {
        let v = vocabulary();
        let expected = [
            ("Code Review", Status::InProgress),
            ("In QA", Status::InProgress),
            ("Testing", Status::InProgress),
            ("Investigating", Status::InProgress),
            ("En analyse", Status::InProgress),
            ("Ready for QA", Status::InProgress),
            ("En recette", Status::InProgress),
            ("À valider", Status::InProgress),
            ("En retard", Status::InProgress),
            ("Delayed", Status::InProgress),
            ("Deployed", Status::Done),
            ("Released", Status::Done),
            ("Merged", Status::Done),
            ("Déployé", Status::Done),
            ("En production", Status::Done),
            ("Pending", Status::Todo),
            ("Triage", Status::Todo),
            ("Paused", Status::Blocked),
            ("En pause", Status::Blocked),
            ("Suspendu", Status::Blocked),
            ("Duplicate", Status::Cancelled),
            ("Won't fix", Status::Cancelled),
        ];
        for (value, status) in expected {
            assert_eq!(v.status_of_value(value), Some(status), "{value}");
        }
        // `Late` is as often a month's end as a status.
        assert_eq!(v.status_of_value("Late"), None);
    }

    /// Portuguese statuses, in their agreed forms; `Feito` is none.
    #[test]
    fn portuguese_statuses() {
        let v = vocabulary();
        let expected = [
            ("Concluída", Status::Done),
            ("Concluídos", Status::Done),
            ("Entregue", Status::Done),
            ("Em andamento", Status::InProgress),
            ("Em homologação", Status::InProgress),
            ("Atrasada", Status::InProgress),
            ("Pendente", Status::Todo),
            ("Não iniciado", Status::Todo),
            ("Planejada", Status::Todo),
            ("Bloqueada", Status::Blocked),
            ("Aguardando o fornecedor", Status::Blocked),
            ("Em espera", Status::Blocked),
            ("Cancelada", Status::Cancelled),
            ("Fora do escopo", Status::Cancelled),
        ];
        for (value, status) in expected {
            assert_eq!(v.status_of_value(value), Some(status), "{value}");
        }
        assert_eq!(v.status_of_value("Feito"), None);
    }

    /// Redmine's, GLPI's and other trackers' states, French and English,
    /// read only as a whole value and in their agreed forms: a sentence
    /// that holds one of these words says something else.
    #[test]
    fn a_trackers_states_as_a_whole_value() {
        let v = vocabulary();
        let expected = [
            ("Nouveau", Status::Todo),
            ("Nouvelle", Status::Todo),
            ("Ouverte", Status::Todo),
            ("À qualifier", Status::Todo),
            ("Différée", Status::Todo),
            ("Brouillon", Status::InProgress),
            ("En correction", Status::InProgress),
            ("À tester", Status::InProgress),
            ("En attente de validation", Status::InProgress),
            ("En attente de recette", Status::InProgress),
            ("Gelé", Status::Blocked),
            ("Résolue", Status::Done),
            ("**Fermé**", Status::Done),
            ("Clos", Status::Done),
            ("Clôturées", Status::Done),
            ("Corrigé", Status::Done),
            ("Rejetée", Status::Cancelled),
            ("Refusé", Status::Cancelled),
            ("Sans objet", Status::Cancelled),
            ("Scheduled", Status::Todo),
            ("Parked", Status::Todo),
            ("Icebox", Status::Todo),
            ("Draft", Status::InProgress),
            ("Submitted", Status::InProgress),
            ("UAT", Status::InProgress),
            ("In test", Status::InProgress),
            ("Escalated", Status::Blocked),
            ("Needs info", Status::Blocked),
            ("Fixed", Status::Done),
            ("Verified", Status::Done),
            ("Signed off", Status::Done),
            ("Live", Status::Done),
            ("Rejected", Status::Cancelled),
            ("Superseded", Status::Cancelled),
            ("Obsolete", Status::Cancelled),
        ];
        for (value, status) in expected {
            assert_eq!(v.status_of_value(value), Some(status), "{value}");
        }
        // `En attente` alone still waits on someone else.
        assert_eq!(v.status_of_value("En attente"), Some(Status::Blocked));
        // In a sentence, or with words that qualify them, they say nothing.
        for value in [
            "Date ferme",
            "Le chantier est ouvert",
            "Live demo on Friday",
            "Nouveau périmètre",
            "Ready",
            "Prêt",
        ] {
            assert_eq!(v.status_of_value(value), None, "{value}");
        }
    }

    #[test]
    fn work_put_off_or_taken_out() {
        let v = vocabulary();
        let expected = [
            ("Reporté", Status::Todo),
            ("Reportée au T2", Status::Todo),
            ("Postponed", Status::Todo),
            ("Deferred", Status::Todo),
            ("Descoped", Status::Cancelled),
            ("Removed from sprint", Status::Cancelled),
            ("Carried over", Status::InProgress),
        ];
        for (value, status) in expected {
            assert_eq!(v.status_of_value(value), Some(status), "{value}");
        }
        // `removed` alone is what was done to a thing, no status.
        assert_eq!(v.status_of_value("Legacy API removed"), None);
    }

    #[test]
    fn status_values_strip_their_label() {
        let v = vocabulary();
        assert_eq!(
            v.status_of_value("Statut : En cours"),
            Some(Status::InProgress)
        );
        assert_eq!(v.status_of_value("✅ Terminé"), Some(Status::Done));
        assert_eq!(v.status_of_value("⚪"), None);
        // A marker alone gives its status; before a word, the word's.
        assert_eq!(v.status_of_value("⏳"), Some(Status::Todo));
        assert_eq!(v.status_of_value("⏳ BLOQUÉ"), Some(Status::Blocked));
        assert_eq!(v.status_of_value("⛔ À FAIRE"), Some(Status::Todo));
        assert_eq!(
            v.status_of_value("⚠️ **En cours**"),
            Some(Status::InProgress)
        );
        assert_eq!(v.status_of_value("❌ Annulé"), Some(Status::Cancelled));
        // A word further on does not outweigh the marker.
        assert_eq!(
            v.status_of_value("✅ Recette passée, en attente de la mise en production"),
            Some(Status::Done)
        );
    }

    #[test]
    fn config_words_and_markers_extend_the_tables() {
        let mut config = VocabularyConfig::default();
        config.done.words.push("livré en recette".into());
        config.done.markers.push("🆗".into());
        let v = Vocabulary::new(&config);
        assert_eq!(v.status_of_value("Livré en recette"), Some(Status::Done));
        assert_eq!(v.marker_at_start("🆗 x").unwrap().0, Status::Done);
        assert_eq!(v.marker_at_end("x 🆗"), Some((Status::Done, 2)));
        // A configured marker that folds to nothing matches any start.
        config.todo.markers.push("\u{fe0f}".into());
        let v = Vocabulary::new(&config);
        assert_eq!(v.marker_at_start("anything").unwrap().0, Status::Todo);
    }

    /// A configured "word" without a letter or a digit is a symbol: read
    /// as a marker (it made extraction panic as a phrase of no words).
    #[test]
    fn a_configured_word_of_symbols_is_a_marker() {
        let mut config = VocabularyConfig::default();
        config.done.words.extend(["🆗".into(), "\u{fe0f}".into()]);
        config.blocked.words.push("--".into());
        let v = Vocabulary::new(&config);
        assert_eq!(v.status_of_value("🆗 livré"), Some(Status::Done));
        assert_eq!(v.marker_at_start("-- attente").unwrap().0, Status::Blocked);
        assert_eq!(v.phrase_at_start("- Rien"), None);
        assert_eq!(v.status_of_value("Une valeur quelconque"), None);
        assert_eq!(v.marker_at_start("Rien").map(|m| m.0), None);
    }

    /// Phrases are looked up by the first word of the text: the lookup
    /// finds the phrase a scan of every phrase in order found.
    #[test]
    fn phrases_are_found_by_their_first_word() {
        let v = vocabulary();
        let by_scan = |text: &str| -> Option<(Status, usize)> {
            let words: Vec<(String, Range<usize>)> = word_spans(text).collect();
            v.phrases.iter().find_map(|phrase| {
                let window = words.get(..phrase.tokens.len())?;
                let matched =
                    (phrase.tokens.iter().zip(window)).all(|(p, (w, _))| word_matches(w, p));
                matched.then(|| (phrase.status, window[window.len() - 1].1.end))
            })
        };
        let texts = [
            "En cours (80% réalisé)",
            "not started yet",
            "Started",
            "**Completada** hoy",
            "completados",
            "Terminées !",
            "à faire",
            "A FAIRE demain",
            "in progress",
            "blocked by infra",
            "Rien à signaler",
            "",
            "— En attente",
            "erledigt",
        ];
        for text in texts {
            assert_eq!(v.phrase_at_start(text), by_scan(text), "{text:?}");
        }
        // Each phrase with its first word in every form a word can take.
        for phrase in v.phrases.iter() {
            let (first, rest) = phrase.tokens.split_first().unwrap();
            let stem = first.trim_end_matches('o');
            let forms = ["", "e", "s", "es"].map(|suffix| format!("{first}{suffix}"));
            let spanish = ["a", "os", "as", "i", "e", "x"].map(|suffix| format!("{stem}{suffix}"));
            for form in forms.iter().chain(&spanish) {
                let text = format!("{form} {}", rest.join(" "));
                assert_eq!(v.phrase_at_start(&text), by_scan(&text), "{text:?}");
            }
        }
        assert_eq!(
            v.phrase_at_start("not started yet").unwrap().0,
            Status::Todo
        );
        assert_eq!(
            v.phrase_at_start("**Completada** hoy").unwrap().0,
            Status::Done
        );
        assert_eq!(
            v.phrase_anywhere("le lot est terminé depuis"),
            Some(Status::Done)
        );
    }

    /// Markers are looked up by the character a text starts or ends with:
    /// the lookup finds the longest marker first, as a scan of them all
    /// did, and a legend's marker is found once it is added.
    #[test]
    fn markers_are_found_by_their_first_and_last_characters() {
        let mut v = vocabulary();
        assert_eq!(
            v.marker_at_start("[x] done").unwrap(),
            (Status::Done, "done")
        );
        assert_eq!(
            v.marker_at_start("[ ] open").unwrap(),
            (Status::Todo, "open")
        );
        assert_eq!(v.marker_at_start("Plain text"), None);
        assert_eq!(v.marker_at_end("Livrer l'API ✅"), Some((Status::Done, 13)));
        assert_eq!(v.marker_at_end("Livrer l'API"), None);
        assert_eq!(v.marker_at_start("[🚧] a").unwrap().0, Status::InProgress);
        v.add_legend("[🚧]", Status::Todo);
        assert_eq!(v.marker_at_start("[🚧] a").unwrap().0, Status::Todo);
        assert_eq!(v.marker_at_end("a [🚧]"), Some((Status::Todo, 2)));
    }

    #[test]
    fn legend_overrides_the_table() {
        let mut v = vocabulary();
        v.add_legend("[🚧]", Status::Todo);
        assert_eq!(v.marker_at_start("[🚧] a").unwrap().0, Status::Todo);
    }

    #[test]
    fn legend_labels() {
        assert!(is_legend_label("Légende :"));
        assert!(is_legend_label("Legend"));
        assert!(!is_legend_label("Leg"));
    }

    #[test]
    fn milestone_status_words_beat_markers() {
        assert_eq!(milestone_status("🟡 BLOQUÉ"), Some(Status::Blocked));
        assert_eq!(milestone_status("🟡 EN ATTENTE"), Some(Status::Blocked));
        assert_eq!(milestone_status("✅ 31 jan"), Some(Status::Done));
        assert_eq!(milestone_status("À faire"), Some(Status::Todo));
        assert_eq!(milestone_status("Fait"), Some(Status::Done));
        assert_eq!(milestone_status("📅"), Some(Status::Todo));
        assert_eq!(milestone_status("Phase 2"), None);
        // A validation validated, a delivery delivered: feminine forms.
        assert_eq!(milestone_status("Validée"), Some(Status::Done));
        assert_eq!(milestone_status("Livrée"), Some(Status::Done));
        assert_eq!(milestone_status("Atteinte ✅"), Some(Status::Done));
        // German and Spanish milestone tables.
        assert_eq!(milestone_status("erreicht"), Some(Status::Done));
        assert_eq!(milestone_status("gefährdet"), Some(Status::InProgress));
        assert_eq!(milestone_status("Alcanzado"), Some(Status::Done));
        assert_eq!(milestone_status("En riesgo"), Some(Status::InProgress));
    }

    /// How a milestone is going says it is under way; a word inside
    /// another (`translated`) says nothing.
    #[test]
    fn a_milestone_on_track_or_late_is_under_way() {
        for cell in [
            "On track",
            "At risk",
            "🟠 Delayed",
            "Late",
            "En retard",
            "À risque",
            "Dans les temps",
        ] {
            assert_eq!(milestone_status(cell), Some(Status::InProgress), "{cell}");
        }
        assert_eq!(milestone_status("Translated"), None);
    }
}
