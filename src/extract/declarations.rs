//! Declarations (`EXTRACTION.md` §6): the percentages a document claims
//! about itself or its sections, shown beside the computed figures.
//!
//! Four shapes are read: labelled lines (`**Statut :** 🟡 En cours (80%
//! réalisé)`, `Progress: 30 of 42 issues closed`, and a tracker's tally
//! `45 issues: 30 done, 10 in progress, 5 to do`), headings with a
//! percentage (`## ✅ **PHASE 1 - TERMINÉE (100%)**`), ASCII bars (`Phase
//! 1.0 : Infrastructure [█████████░] 95%`), and summary entries naming a
//! section (`- ✅ Phase 1 : **100%** (4/4)`, `| **Total P0.1** | … |
//! **65%** |`).

use std::sync::LazyLock;

use regex::Regex;

use super::folding::{self, fold, holds_digit};
use super::vocabulary::Vocabulary;
use crate::model::Status;

/// A claim before it is attached to a section.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub label: String,
    pub value: f64,
    pub line: usize,
    /// Whom the claim is about.
    pub target: Target,
    /// Whether the claim is about a part of its section that its label
    /// names, not the section itself: one of a dashboard's bars (`Lot 2
    /// Back-office ███████░░░ 70%`) under `## Avancement global`. Claims
    /// about different parts do not contradict each other.
    pub part: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The whole project (`PROGRESSION TOTALE`, `Statut Global`).
    Project,
    /// The section with this index in depth-first order.
    Section(usize),
}

/// Words that make a label about the whole of what it measures (`Total`,
/// `Avancement global`, `Overall`); with [`PROJECT_WORDS`], about the
/// whole project (§6, last bullet).
const WHOLE_WORDS: &[&str] = &[
    "total",
    "totale",
    "global",
    "globale",
    "overall",
    "general",
    "generale",
    "complessivo",
    "complessiva",
    "geral",
];

/// Words that name the project in a label (`Avancement projet`).
const PROJECT_WORDS: &[&str] = &["projet", "project", "progetto", "projeto"];

/// Words that make a labelled percentage a progress claim rather than a
/// budget or time figure (`Temps écoulé : … (15% du temps)` is not one),
/// besides [`WHOLE_WORDS`].
const PROGRESS_LABEL_WORDS: &[&str] = &[
    "statut",
    "status",
    "etat",
    "progression",
    "progress",
    "avancement",
    "score",
    "complete",
    "completion",
    "complet",
    "realise",
    "realisation",
    "avance",
    "estado",
    "progreso",
    "fortschritt",
    "stato",
    "avanzamento",
    "completamento",
    "progresso",
    "andamento",
    "concluido",
    "done",
    "termine",
];

/// Words that make a table row's label about progress itself
/// ([`ClaimReader::progress_row`]), with a word of the whole project.
const ROW_PROGRESS_WORDS: &[&str] = &[
    "avancement",
    "progress",
    "progression",
    "completion",
    "realisation",
    "progreso",
    "avance",
    "fortschritt",
    "avanzamento",
    "completamento",
    "progresso",
    "andamento",
];

/// Words of goals: a labelled percentage with one of them is not a claim.
const TARGET_WORDS: &[&str] = &[
    "target",
    "targets",
    "cible",
    "cibles",
    "objectif",
    "objectifs",
    "goal",
    "goals",
    "expected",
    "attendu",
    "prevu",
    "prevue",
    "obiettivo",
    "obiettivi",
    "atteso",
    "previsto",
    "prevista",
    "meta",
    "esperado",
    "planejado",
];

/// Kinds of sections a label can name: `Phase 1.0`, `Sprint 3`, `Lot 2`.
static SECTION_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(phase|sprint|lot|etape|step|stage|fase|milestone|jalon|iteration|release|partie|part|epic|semaine|week|version)\s*[-#:]?\s*(\d+(?:\.\d+)*)\b|\b(p\d+(?:\.\d+)*)\b",
    )
    .expect("valid regex")
});

/// The characters one of which every bar holds: a `[`, or a block (the
/// emoji squares and the segments of bars drawn in Markdown READMEs and
/// Notion pages among them: `🟩🟩🟩⬜⬜`, `▰▰▰▱▱`).
const BAR_MARKS: [char; 20] = [
    '[', '█', '▓', '▒', '■', '●', '░', '□', '○', '▰', '▱', '🟩', '🟦', '🟪', '🟧', '🟨', '🟥',
    '🟫', '⬛', '⬜',
];

/// Cells of a bar that are done: blocks, `#`, `=`, and the coloured
/// squares; `⬛` too, unless the bar has coloured squares (`🟩🟩⬛⬛` leaves
/// the black ones empty).
const FILLED_CELLS: &str = "█▓▒#=■●▰🟩🟦🟪🟧🟨🟥🟫";

/// An ASCII progress bar, bracketed or not, and the percentage after it.
static BAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\[[█▓▒#=■●░.\-□○ ]{4,}\]|[█▓▒■●░□○▰▱🟩🟦🟪🟧🟨🟥🟫⬛⬜]{4,})\s*(?:(\d{1,3}(?:[.,]\d+)?)\s*%)?")
        .expect("valid regex")
});

/// How full a bar is, in percent to one decimal (`[███░░░░░░░]` is 30):
/// its done cells of all its cells. `None` for a bar of spaces.
fn bar_fill(bar: &str) -> Option<f64> {
    let cells: Vec<char> = bar.trim_matches(['[', ']']).chars().collect();
    if cells.iter().all(|c| *c == ' ') {
        return None;
    }
    let coloured = cells.iter().any(|c| u32::from(*c) >= 0x1F7E5);
    let done = |c: char| FILLED_CELLS.contains(c) || c == '⬛' && !coloured;
    let filled = cells.iter().filter(|c| done(**c)).count();
    Some((filled as f64 * 1000.0 / cells.len() as f64).round() / 10.0)
}

/// The percentage of a table cell that is a progress bar and nothing
/// else, as an epic tracker's `| Offline mode | ▓▓▓▓▓▓▓░░░ 70% |` draws
/// it: the figure written after the bar, else how full the bar is
/// (`██████████` is 100).
pub fn bar_cell_percent(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    if !cell.starts_with(BAR_MARKS) {
        return None;
    }
    let captures = BAR.captures(cell)?;
    let whole = captures.get(0)?;
    if whole.start() != 0 || whole.end() != cell.len() {
        return None;
    }
    match captures.get(2) {
        Some(percent) => {
            let value: f64 = percent.as_str().replace(',', ".").parse().ok()?;
            (0.0..=100.0).contains(&value).then_some(value)
        }
        None => bar_fill(captures.get(1)?.as_str()),
    }
}

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,3}(?:[.,]\d+)?)\s*%").expect("valid regex"));

static FRACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+)\s*/\s*(\d+)\b").expect("valid regex"));

/// How many of how many, at the start of a value: `30 of 42`, `12/20`,
/// `3 sur 5`, `4 out of 9`.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d+)\s*(?:/|of|out of|sur|de)\s*(\d+)\b").expect("valid regex")
});

/// Beginnings of the words that say a count is of work done (folded):
/// `closed`, `done`, `terminées`, `réalisés`, `livrés`.
pub const DONE_COUNT_WORDS: &[&str] = &[
    "closed", "done", "complet", "finish", "merged", "resolved", "shipped", "deliver", "fait",
    "termin", "realis", "livr", "clos", "ferme", "acheve", "valid",
];

/// The key a section title starts with (`Phase 1.0 : Infrastructure` gives
/// `phase 1.0`, `P0.1: Sécurité` gives `p0.1`), emoji and markup skipped.
pub fn key_at_start(title: &str) -> Option<String> {
    let start = title
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i)?;
    // Every key holds a number: most titles are ruled out without the pattern.
    if !holds_digit(&title[start..]) {
        return None;
    }
    let title = fold(&title[start..]);
    let captures = SECTION_KEY.captures(&title)?;
    (captures.get(0)?.start() == 0).then(|| key_of(&captures))
}

/// The first section key named anywhere in `label` (`Score Phase 1.1`).
pub fn key_in(label: &str) -> Option<String> {
    // Every key holds a number: most labels are ruled out without the pattern.
    if !holds_digit(label) {
        return None;
    }
    SECTION_KEY.captures(&fold(label)).map(|c| key_of(&c))
}

fn key_of(captures: &regex::Captures) -> String {
    match (captures.get(1), captures.get(2), captures.get(3)) {
        (Some(kind), Some(number), _) => {
            format!("{} {}", fold(kind.as_str()), number.as_str())
        }
        (_, _, Some(id)) => id.as_str().to_lowercase(),
        _ => String::new(),
    }
}

/// Whether a label is about the whole project.
pub fn is_whole_project(label: &str) -> bool {
    has_word(label, WHOLE_WORDS) || has_word(label, PROJECT_WORDS)
}

/// Words a label may be made of and still name nothing but progress
/// (`Progress`, `Avancement`): such a label says what is measured, not of
/// what.
const BARE_PROGRESS_WORDS: &[&str] = &[
    "progress",
    "progression",
    "avancement",
    "completion",
    "progreso",
    "fortschritt",
    "avanzamento",
    "completamento",
    "percentuale",
    // `Percent complete`, `% completed`, `Taux d'avancement`.
    "percent",
    "percentage",
    "complete",
    "completed",
    "pourcentage",
    "taux",
    "d",
];

/// What stands between a tally's parts: punctuation (`30 done, 10 in
/// progress`, `4 done · 4 to do`) or the word that joins the last one
/// (`3 terminées et 2 à faire`).
static TALLY_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:[,;·•/|]|\s(?:and|et|y|e|und)\s)\s*").expect("valid regex")
});

/// Words a label that counts work is made of, but for its figures
/// (`Issues`, `45 issues`, `User stories`, `Tâches`), folded.
const WORK_COUNT_WORDS: &[&str] = &[
    "issue",
    "issues",
    "task",
    "tasks",
    "story",
    "stories",
    "user",
    "ticket",
    "tickets",
    "item",
    "items",
    "epic",
    "epics",
    "feature",
    "features",
    "work",
    "tache",
    "taches",
    "demandes",
    "fonctionnalites",
    "tareas",
    "historias",
    "attivita",
    "aufgaben",
];

/// Whether a label counts units of work (`45 issues`, `User stories`).
pub fn is_work_count(label: &str) -> bool {
    let folded = fold(label);
    let mut words = folding::words(&folded).filter(|w| !w.bytes().all(|b| b.is_ascii_digit()));
    let mut any = false;
    let all_work = words.all(|w| {
        any = true;
        WORK_COUNT_WORDS.contains(&w)
    });
    any && all_work
}

/// Whether a label is only a progress word (`Progress:`, `**Avancement** :`),
/// naming no part of the project.
pub fn is_bare_progress(label: &str) -> bool {
    let folded = fold(label);
    let mut words = folding::words(&folded).peekable();
    words.peek().is_some() && words.all(|w| BARE_PROGRESS_WORDS.contains(&w))
}

/// Words of a heading over where the project stands (`## Current
/// Position`, `## État actuel`, `## Status`), rather than over one of its
/// parts (`## Backend`).
const STANDING_WORDS: &[&str] = &[
    "current",
    "position",
    "state",
    "status",
    "statut",
    "etat",
    "situation",
    "actuel",
    "actuelle",
    "summary",
    "synthese",
    "bilan",
    "overview",
    "snapshot",
];

/// Whether a heading is about where the project stands as a whole: it
/// holds one of [`STANDING_WORDS`] and names no part (`Phase 2 Status`).
pub fn is_standing(heading: &str) -> bool {
    has_word(heading, STANDING_WORDS) && key_in(heading).is_none()
}

fn has_word(text: &str, words: &[&str]) -> bool {
    folding::words(&fold(text)).any(|w| words.contains(&w))
}

/// The figure of a summary entry's value: a claimed percentage, else an
/// `n/m` fraction as a percentage (`(4/4)` gives 100).
fn summary_value(value: &str) -> Option<f64> {
    if let Some((percent, _)) = claimed_percent(value) {
        return Some(percent);
    }
    if !value.contains('/') {
        return None;
    }
    let captures = FRACTION.captures(value)?;
    let done: f64 = captures.get(1)?.as_str().parse().ok()?;
    let all: f64 = captures.get(2)?.as_str().parse().ok()?;
    if all <= 0.0 || done > all {
        return None;
    }
    Some((done * 1000.0 / all).round() / 10.0)
}

/// A percentage in `value` that is a claim: not after `+`, `-`, `<`, `>`.
fn claimed_percent(value: &str) -> Option<(f64, usize)> {
    if !value.contains('%') {
        return None;
    }
    PERCENT.captures_iter(value).find_map(|c| {
        let m = c.get(1)?;
        let attached_sign = value[..m.start()].ends_with(['+', '-', '−']);
        let before = value[..m.start()].trim_end();
        if attached_sign
            || before.ends_with(['<', '>', '≥', '≤', '.', ',', '/'])
            || before.ends_with(char::is_numeric)
        {
            return None;
        }
        let number: f64 = m.as_str().replace(',', ".").parse().ok()?;
        (0.0..=100.0)
            .contains(&number)
            .then_some((number, c.get(0)?.end()))
    })
}

/// Where the number of the percentage ending at byte `end` starts.
fn number_start(text: &str, end: usize) -> usize {
    text[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_digit() || "%.,".contains(*c) || c.is_whitespace()))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// A sentence whose subject is the project and that says how far it is, as
/// a meeting's minutes write it: `Le projet est à 62 % (prévu : 70 %)`,
/// `L'avancement global est de 48 %`, `The project is 62% complete`,
/// `Overall progress stands at 40%`. The figure is the sentence's first.
static STATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:le projet|the project|le programme|the programme|the program|l['’]avancement(?: global| du projet)?|overall progress|global progress)\s+(?:est|en est|atteint|s['’]établit|se situe|is|stands|has reached|reached|sits)\b[^%.;:!?\d]{0,20}?(\d{1,3}(?:[.,]\d+)?)\s*%",
    )
    .expect("valid regex")
});

/// Words that may follow a stated figure and keep it the project's
/// progress (`62% complete`, `62 % réalisé`, `48 % à fin octobre`, `40%
/// as of Friday`, `40% and on plan`), folded; any other word makes it
/// another measure (`62% over budget`, `62 % du budget`).
const STATED_AFTER: &[&str] = &[
    "complete",
    "completed",
    "done",
    "finished",
    "termine",
    "realise",
    "d'avancement",
    "d’avancement",
    "a",
    "au",
    "at",
    "as",
    "on",
    "in",
    "this",
    "cette",
    "ce",
    "for",
    "pour",
    "et",
    "and",
    "but",
    "mais",
    "soit",
    "vs",
    "contre",
    "against",
];

/// The claim of a sentence that says where the project stands ([`STATED`]).
fn stated(text: &str, line: usize) -> Option<Claim> {
    // Most lines hold no percentage.
    memchr::memchr(b'%', text.as_bytes())?;
    let text = text.trim_start_matches(['*', '_', ' ']);
    let captures = STATED.captures(text)?;
    let figure = captures.get(1)?;
    let after = text[captures.get(0)?.end()..].trim_start_matches(['*', '_', ' ']);
    let next = after.split_whitespace().next().unwrap_or("");
    let about_progress = !next.starts_with(char::is_alphanumeric)
        || STATED_AFTER.contains(&fold(next).trim_end_matches([',', '.', ';']));
    if !about_progress {
        return None;
    }
    Some(Claim {
        target: Target::Project,
        label: clean_label(&text[..figure.start()]),
        value: figure.as_str().replace(',', ".").parse().ok()?,
        line,
        part: false,
    })
}

/// Reads claims; `section_of_key` resolves a key to a section index.
pub struct ClaimReader<'a> {
    pub vocabulary: &'a Vocabulary,
    pub section_of_key: &'a dyn Fn(&str) -> Option<usize>,
    /// Section titles in depth-first order.
    pub titles: &'a [String],
}

impl ClaimReader<'_> {
    /// Whom a claim labelled `label`, read inside `enclosing`, is about.
    fn target(&self, label: &str, enclosing: Option<usize>) -> Option<Target> {
        Some(self.named_target(label, enclosing).0)
    }

    /// [`target`](Self::target), and whether the label named it (a
    /// section's key, or the whole project) rather than the claim's place.
    fn named_target(&self, label: &str, enclosing: Option<usize>) -> (Target, bool) {
        if let Some(section) = key_in(label).and_then(|k| (self.section_of_key)(&k)) {
            return (Target::Section(section), true);
        }
        if is_whole_project(label) {
            return (Target::Project, true);
        }
        (enclosing.map_or(Target::Project, Target::Section), false)
    }

    /// A paragraph or code line: an ASCII bar, else a labelled percentage,
    /// else a sentence that says where the project stands.
    pub fn line(&self, text: &str, line: usize, enclosing: Option<usize>) -> Option<Claim> {
        self.bar(text, line, enclosing)
            .or_else(|| self.labelled(text, line, enclosing))
            .or_else(|| stated(text, line))
    }

    /// `PROGRESSION TOTALE : [███░░░░░░░] 19%`. A bar without a percentage
    /// counts only when its label names a section or the whole project: a
    /// game's `Vie [####....] 87/100` is not project progress.
    fn bar(&self, text: &str, line: usize, enclosing: Option<usize>) -> Option<Claim> {
        // Every bar has a `[` or a block character, and every block
        // character starts with the byte 0xE2: most lines hold neither
        // byte, and are ruled out without decoding their characters.
        // An emoji square starts with the byte 0xF0.
        if memchr::memchr3(b'[', 0xE2, 0xF0, text.as_bytes()).is_none() || !text.contains(BAR_MARKS)
        {
            return None;
        }
        let captures = BAR.captures(text)?;
        let bar = captures.get(1)?;
        let fill = bar_fill(bar.as_str())?;
        let label = clean_label(&text[..bar.start()]);
        let value = match captures.get(2) {
            Some(percent) => percent.as_str().replace(',', ".").parse().ok()?,
            None => {
                // `Progress: 🟩🟩🟩⬜⬜` under a phase's heading is the phase's.
                let names_something = key_in(&label).is_some()
                    || is_whole_project(&label)
                    || is_bare_progress(&label);
                if !names_something {
                    return None;
                }
                fill
            }
        };
        let labelled = !label.is_empty();
        // An unlabelled bar (corpus `10_…`: `████░░ 25% (3/12 fases)` under
        // `## PROGRESO GENERAL`) speaks for its section: it takes its title.
        let label = match (label.is_empty(), enclosing) {
            (true, Some(index)) => self.titles.get(index).cloned().unwrap_or_default(),
            (true, None) => "Progression".to_string(),
            (false, _) => label,
        };
        let (target, named) = self.named_target(&label, enclosing);
        Some(Claim {
            target,
            part: labelled && !named && !is_bare_progress(&label),
            label,
            value,
            line,
        })
    }

    /// An unmarked list entry that tallies work by status (`- **Stories:**
    /// 12 done, 3 in progress, 2 to do`) claims as the same line would
    /// in a paragraph ([`tallied`](Self::tallied)).
    pub fn tally_entry(&self, text: &str, line: usize, enclosing: Option<usize>) -> Option<Claim> {
        let (label, value) = text.split_once(':')?;
        self.tallied(label, value, line, enclosing)
    }

    /// `Label : value` with a claimed percentage in the value, where the
    /// label is about progress (`Statut`, `Score`, `Progression`), names a
    /// section, or the percentage is followed by a status word (`60% COMPLET`).
    fn labelled(&self, text: &str, line: usize, enclosing: Option<usize>) -> Option<Claim> {
        let (label, value) = text.split_once(':')?;
        // The percentage first: most labelled lines hold none.
        let Some((percent, end)) = claimed_percent(value) else {
            return self
                .counted(label, value, line, enclosing)
                .or_else(|| self.tallied(label, value, line, enclosing));
        };
        let label = clean_label(label);
        if label.is_empty() || label.chars().count() > 80 {
            return None;
        }
        let after = value[end..].trim_start();
        if has_word(&label, TARGET_WORDS) {
            // `Week 1 Target: 50%`, `Score cible : 66%` are goals, not claims.
            return None;
        }
        let is_claim = has_word(&label, PROGRESS_LABEL_WORDS)
            || has_word(&label, WHOLE_WORDS)
            || key_in(&label).is_some()
            || self.vocabulary.phrase_at_start(after).is_some();
        if !is_claim {
            return None;
        }
        Some(Claim {
            target: self.target(&label, enclosing)?,
            label,
            value: percent,
            line,
            part: false,
        })
    }

    /// `Progress: 30 of 42 issues closed`, `Avancement : 12/20 tâches
    /// terminées`: a label that is only a progress word, then how many
    /// of how many are done, claims that share (71.4 %, 60 %). The figures
    /// open the value, and the words after them, if any, say done: `30 of
    /// 42 open` counts what is left, and `Tests: 11/11` is no progress
    /// label.
    fn counted(
        &self,
        label: &str,
        value: &str,
        line: usize,
        enclosing: Option<usize>,
    ) -> Option<Claim> {
        let value = value.trim_start().trim_start_matches(['*', '_']);
        if !value.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let captures = COUNTED.captures(value)?;
        let done: f64 = captures.get(1)?.as_str().parse().ok()?;
        let all: f64 = captures.get(2)?.as_str().parse().ok()?;
        let after = &value[captures.get(0)?.end()..];
        let said_done = || {
            let folded = fold(after);
            let mut words = folding::words(&folded).take(3);
            words.any(|w| DONE_COUNT_WORDS.iter().any(|done| w.starts_with(done)))
        };
        let bare = after.trim_start_matches(['*', '_', ' ']);
        let nothing_after = bare.is_empty() || bare.starts_with(['(', ',', ';', '.']);
        let label = clean_label(label);
        if all <= 0.0 || done > all || !is_bare_progress(&label) || !(nothing_after || said_done())
        {
            return None;
        }
        self.share_done(label, done, all, line, enclosing)
    }

    /// The claim that `done` of `all` are done, to a tenth of a per cent.
    fn share_done(
        &self,
        label: String,
        done: f64,
        all: f64,
        line: usize,
        enclosing: Option<usize>,
    ) -> Option<Claim> {
        Some(Claim {
            target: self.target(&label, enclosing)?,
            label,
            value: (done * 1000.0 / all).round() / 10.0,
            line,
            part: false,
        })
    }

    /// `45 issues: 30 done, 10 in progress, 5 to do`, `**Tâches :** 12
    /// terminées, 3 en cours, 2 à faire`: a tally of work by status,
    /// as trackers print a version or a sprint, claims the share done
    /// among all but the cancelled (66.7 %, 70.6 %). Every part is a
    /// count and nothing but a status phrase, and there are two parts or
    /// more; the label counts work (`Issues`, `45 stories`), is a
    /// progress word, names a section (`Sprint 14`) or the whole project.
    fn tallied(
        &self,
        label: &str,
        value: &str,
        line: usize,
        enclosing: Option<usize>,
    ) -> Option<Claim> {
        let (done, all) = self.tally(value)?;
        let label = clean_label(label);
        let about_work = is_bare_progress(&label)
            || is_work_count(&label)
            || key_in(&label).is_some()
            || is_whole_project(&label);
        if all == 0 || !about_work {
            return None;
        }
        self.share_done(label, f64::from(done), f64::from(all), line, enclosing)
    }

    /// How many of a tally's parts are done, and how many are not
    /// cancelled: `30 done, 10 in progress, 5 to do` gives (30, 45).
    fn tally(&self, value: &str) -> Option<(u32, u32)> {
        let value = value.trim().trim_matches(['*', '_', '.']).trim();
        if !value.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let (mut done, mut all, mut parts) = (0u32, 0u32, 0);
        for part in TALLY_SEPARATOR.split(value) {
            let part = part.trim_matches(['*', '_']).trim();
            let digits = part
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(part.len());
            let count: u32 = part[..digits].parse().ok()?;
            let status = self.vocabulary.only_phrase(part[digits..].trim_start())?;
            parts += 1;
            if status != Status::Cancelled {
                all = all.checked_add(count)?;
            }
            if status == Status::Done {
                done += count;
            }
        }
        (parts >= 2).then_some((done, all))
    }

    /// A heading with a percentage declares its own section
    /// (`## ✅ **PHASE 1 - TERMINÉE (100%)**`).
    pub fn heading(&self, heading: &str, line: usize, section: usize) -> Option<Claim> {
        let (value, end) = claimed_percent(heading)?;
        // `(100%)`, `- 100%`, `à 95%`, `✅ 100% COMPLET`; never a feature
        // name such as `Mode Offline 100% (4h)`.
        let before = heading[..number_start(heading, end)].trim_end();
        let previous_word = before.rsplit(char::is_whitespace).next().map(fold);
        let after = heading[end..].trim_start();
        let about_progress = before.is_empty()
            || before.ends_with(|c: char| {
                ":(~|*=-—–".contains(c) || (c as u32) >= 0x2190 && !c.is_alphanumeric()
            })
            || matches!(previous_word.as_deref(), Some("a" | "at" | "en" | "au"))
            || self.vocabulary.phrase_at_start(after).is_some();
        if !about_progress {
            return None;
        }
        Some(Claim {
            label: clean_label(heading),
            value,
            line,
            target: Target::Section(section),
            part: false,
        })
    }

    /// A summary entry whose label names a section and that carries a
    /// percentage or an `n/m` fraction: `✅ Phase 1 : **100%** (4/4)`.
    pub fn summary_entry(&self, text: &str, line: usize) -> Option<Claim> {
        // The value first: most entries hold no `:`, or no figure after it.
        let (label, value) = text.split_once(':')?;
        let value = summary_value(value)?;
        let key = key_in(label)?;
        let section = (self.section_of_key)(&key)?;
        Some(Claim {
            label: clean_label(label),
            value,
            line,
            target: Target::Section(section),
            part: false,
        })
    }

    /// The section a summary entry's label names, when it is another than
    /// the one the entry is in (`✅ **Phase 1:** Capability System (2
    /// hours)` under `### Completed`, corpus 18).
    pub fn restated_section(&self, text: &str, enclosing: Option<usize>) -> Option<usize> {
        let (label, _) = text.split_once(':')?;
        let section = key_in(label).and_then(|key| (self.section_of_key)(&key))?;
        (Some(section) != enclosing).then_some(section)
    }

    /// A row of a table of indicators whose label is the whole project's
    /// progress (`| Avancement global | 48 % | 50 % | ↗ |` under `|
    /// Indicateur | Valeur | Cible | Tendance |`): the cell after the label,
    /// nothing but a percentage, claims it, as `Avancement global : 48 %`
    /// would. A budget's or a rate's row is no claim (`| Budget consommé |
    /// 62 % |`), nor a goal's (`| Avancement cible | 50 % |`).
    pub fn progress_row(&self, cells: &[String], line: usize) -> Option<Claim> {
        // Most rows hold no percentage after their label.
        let cell = cells.get(1).filter(|cell| cell.contains('%'))?;
        if cell.trim().chars().count() > 8 {
            return None;
        }
        let label = clean_label(cells.first()?);
        let about_progress = has_word(&label, ROW_PROGRESS_WORDS) && is_whole_project(&label);
        if !about_progress || has_word(&label, TARGET_WORDS) {
            return None;
        }
        let (value, _) = claimed_percent(cell)?;
        Some(Claim {
            target: Target::Project,
            label,
            value,
            line,
            part: false,
        })
    }

    /// A `Total` row: its percentage claims the enclosing section's progress.
    pub fn total_row(
        &self,
        cells: &[String],
        percent_column: Option<usize>,
        line: usize,
        enclosing: Option<usize>,
    ) -> Option<Claim> {
        let from_column = percent_column
            .and_then(|i| cells.get(i))
            .and_then(|c| claimed_percent(c));
        // Without a percentage column, only a cell that is nothing but a
        // percentage counts (`Expected Impact: 50% detection evasion` does not).
        let bare = || {
            cells
                .iter()
                .skip(1)
                .filter(|c| c.trim().chars().count() <= 8)
                .find_map(|c| claimed_percent(c))
        };
        let (value, _) = from_column.or_else(bare)?;
        let label = clean_label(cells.first()?);
        Some(Claim {
            target: enclosing.map_or(Target::Project, Target::Section),
            label,
            value,
            line,
            part: false,
        })
    }
}

/// A label without markers, emoji, tree drawing and trailing separators.
pub fn clean_label(text: &str) -> String {
    text.trim_matches(|c: char| !c.is_alphanumeric() && !"()%".contains(c))
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::VocabularyConfig;

    /// `bar` rules a line out by its bytes before its characters: each
    /// bar character is a `[` or starts with the byte 0xE2, and so does
    /// each character the bar pattern's first group can start with.
    #[test]
    fn every_bar_character_is_found_by_its_first_byte() {
        for c in BAR_MARKS {
            let first = c.to_string().as_bytes()[0];
            assert!(matches!(first, b'[' | 0xE2 | 0xF0), "{c}");
        }
        let opening = BAR.as_str().split(")\\s*").next().unwrap();
        for c in opening.chars().filter(|c| !c.is_ascii()) {
            assert!(BAR_MARKS.contains(&c), "{c} opens a bar but is not a mark");
        }
    }

    /// Bars of emoji squares and segments, as READMEs and Notion pages
    /// draw them; a bare progress label speaks for its section.
    #[test]
    fn emoji_and_segment_bars() {
        with_reader(|r| {
            let value = |text: &str| r.line(text, 3, Some(0)).map(|claim| claim.value);
            assert_eq!(value("Progress: 🟩🟩🟩🟩🟩🟩🟩🟩⬜⬜"), Some(80.0));
            assert_eq!(value("Progress: ▰▰▰▱▱▱▱▱▱▱"), Some(30.0));
            assert_eq!(value("🟩🟩⬜⬜⬜⬜⬜⬜⬜⬜ 20%"), Some(20.0));
            // Black squares are empty beside coloured ones, else filled.
            assert_eq!(value("Avancement : 🟩🟩🟩⬛⬛⬛⬛⬛⬛⬛"), Some(30.0));
            assert_eq!(value("Avancement : ⬛⬛⬛⬛⬜⬜⬜⬜⬜⬜"), Some(40.0));
            // Without a figure, a label that names nothing is no claim.
            assert_eq!(value("Vie 🟩🟩🟩⬜"), None);
        });
    }

    /// A tracker's tally of work by status claims the share done: 30 of
    /// the 45 issues (66.7 %); 12 of 17 tasks (70.6 %); the cancelled
    /// stay out of the whole (4 of 8, 50 %).
    #[test]
    fn tallies_of_work_by_status() {
        with_reader(|r| {
            let claim = |text: &str| r.line(text, 3, Some(0)).map(|c| (c.value, c.target));
            let own = Target::Section(0);
            assert_eq!(
                claim("45 issues: 30 done, 10 in progress, 5 to do"),
                Some((66.7, own))
            );
            assert_eq!(
                claim("**Tâches :** 12 terminées, 3 en cours et 2 à faire"),
                Some((70.6, own))
            );
            assert_eq!(
                claim("Stories: 4 done · 4 to do · 2 cancelled"),
                Some((50.0, own))
            );
            assert_eq!(
                claim("Phase 1: 3 done / 1 blocked"),
                Some((75.0, Target::Section(1)))
            );
            assert_eq!(
                claim("Avancement global : 0 terminée, 4 à faire"),
                Some((0.0, Target::Project))
            );
            // One part is no tally, a part that is not a status spoils it,
            // and a label that counts something else is no claim.
            assert_eq!(claim("Issues: 30 done"), None);
            assert_eq!(claim("Issues: 30 done, 10 reviewed"), None);
            assert_eq!(claim("Tests: 11 passed, 2 failed"), None);
            assert_eq!(claim("Budget: 3 done, 2 to do"), None);
            assert_eq!(claim("Issues: 0 cancelled, 0 done"), None);
        });
    }

    fn with_reader<T>(test: impl Fn(&ClaimReader) -> T) -> T {
        let vocabulary = Vocabulary::new(&VocabularyConfig::default());
        let lookup = |key: &str| match key {
            "phase 1.0" => Some(3),
            "phase 1" => Some(1),
            "p0.1" => Some(7),
            _ => None,
        };
        let titles = vec!["Progreso general".to_string()];
        let reader = ClaimReader {
            vocabulary: &vocabulary,
            section_of_key: &lookup,
            titles: &titles,
        };
        test(&reader)
    }

    #[test]
    fn keys() {
        assert_eq!(
            key_at_start("Phase 1.0 : Infrastructure").as_deref(),
            Some("phase 1.0")
        );
        assert_eq!(
            key_at_start("✅ PHASE 1 - TERMINÉE").as_deref(),
            Some("phase 1")
        );
        assert_eq!(key_at_start("P0.1: Sécurité").as_deref(), Some("p0.1"));
        assert_eq!(key_at_start("Critères de Validation Phase 1.0"), None);
        assert_eq!(key_in("Score Phase 1.1").as_deref(), Some("phase 1.1"));
        assert_eq!(key_in("Étape 2").as_deref(), Some("etape 2"));
    }

    #[test]
    fn bars_in_code_blocks() {
        with_reader(|r| {
            let claim = r
                .line(
                    "Phase 1.0 : Infrastructure & Fondations  [█████████░] 95% ✅ FINALISÉE",
                    25,
                    None,
                )
                .unwrap();
            assert_eq!((claim.value, claim.target), (95.0, Target::Section(3)));
            let claim = r
                .line(
                    "PROGRESSION TOTALE : [███░░░░░░░] 19% (5 semaines sur 26)",
                    31,
                    Some(2),
                )
                .unwrap();
            assert_eq!((claim.value, claim.target), (19.0, Target::Project));
            assert_eq!(claim.label, "PROGRESSION TOTALE");
            let claim = r.line("Progression totale: [██░░░░░░░░]", 1, None).unwrap();
            assert_eq!(claim.value, 20.0);
            assert!(r.line("Vie   [####....] 87/100", 1, None).is_none());
            let claim = r
                .line("████████░░░░░░░░  25% (3/12 fases)", 12, Some(0))
                .unwrap();
            assert_eq!(
                (claim.label.as_str(), claim.target),
                ("Progreso general", Target::Project)
            );
            assert!(r.line("- [ ] a", 1, None).is_none());
        });
    }

    #[test]
    fn labelled_lines() {
        with_reader(|r| {
            let claim = r
                .line("Statut : 🟡 En cours (80% réalisé)", 39, Some(3))
                .unwrap();
            assert_eq!((claim.value, claim.target), (80.0, Target::Section(3)));
            let claim = r
                .line("Statut Global Phase 0: 60% COMPLET", 225, Some(9))
                .unwrap();
            assert_eq!(claim.value, 60.0);
            let claim = r
                .line("Statut Global: ✅ PHASE 0 = 100% COMPLETE", 6, None)
                .unwrap();
            assert_eq!((claim.value, claim.target), (100.0, Target::Project));
            assert!(r
                .line("Temps écoulé : 4 semaines sur 26 (15% du temps)", 1, None)
                .is_none());
            assert!(r.line("Productivité : +40%", 1, None).is_none());
            // A sentence about the whole project, as minutes write it.
            for (text, value) in [
                ("Le projet est à **62 %** (prévu : 70 %).", 62.0),
                ("L'avancement global est de 48 % à fin octobre.", 48.0),
                ("The project is 62.5% complete.", 62.5),
                ("Overall progress stands at 40%, behind plan.", 40.0),
            ] {
                let claim = r.line(text, 4, Some(1)).unwrap();
                assert_eq!(
                    (claim.value, claim.target),
                    (value, Target::Project),
                    "{text}"
                );
            }
            for text in [
                "The project is 62% over budget.",
                "Le projet est à 62 % du budget consommé.",
                "Le projet a consommé 62 % du budget.",
                "Le lot 2 est à 55 %.",
                "We are 60% done.",
            ] {
                assert!(r.line(text, 4, Some(1)).is_none(), "{text}");
            }
            assert!(r
                .line("Impact : Réduction de 80% des coûts", 1, None)
                .is_none());
        });
    }

    #[test]
    fn headings_and_summary_entries() {
        with_reader(|r| {
            assert_eq!(
                r.heading("✅ PHASE 1 - TERMINÉE (100%)", 8, 1)
                    .unwrap()
                    .value,
                100.0
            );
            assert!(r.heading("Tests > 85%", 8, 1).is_none());
            assert!(r.heading("Mode Offline 100% (4h)", 8, 1).is_none());
            assert_eq!(
                r.heading("VICTOIRE : Phase 1.0 COMPLÉTÉE à 95%", 8, 1)
                    .unwrap()
                    .value,
                95.0
            );
            assert_eq!(
                r.heading("TOTAL : 53 POINTS - 100% TERMINÉ", 8, 1)
                    .unwrap()
                    .value,
                100.0
            );
            assert!(r.line("Week 1 Target: 50%", 1, None).is_none());
            let claim = r.summary_entry("Phase 1 : 100% (4/4)", 50).unwrap();
            assert_eq!((claim.value, claim.target), (100.0, Target::Section(1)));
            assert_eq!(r.summary_entry("Phase 1 : (1/4)", 50).unwrap().value, 25.0);
            assert!(r.summary_entry("Phase 9 : 10%", 50).is_none());
            // A summary entry is `label : figure`; without the colon it is not one.
            assert!(r.summary_entry("Phase 1 100% (4/4)", 50).is_none());
            assert!(r.summary_entry("Phase 1 : (5/4)", 50).is_none());
        });
    }

    /// A table of indicators claims the project's progress by its row
    /// about it; its budget's, rate's and goal's rows claim nothing.
    #[test]
    fn a_row_of_indicators_about_progress() {
        with_reader(|r| {
            let row = |cells: [&str; 3]| r.progress_row(&cells.map(String::from), 5);
            let claim = row(["Avancement global", "48 %", "50 %"]).unwrap();
            assert_eq!((claim.value, claim.target), (48.0, Target::Project));
            assert_eq!(
                row(["Overall progress", "72%", ""]).map(|c| c.value),
                Some(72.0)
            );
            assert!(row(["Budget consommé", "62 %", "55 %"]).is_none());
            assert!(row(["Taux de disponibilité global", "99,2 %", ""]).is_none());
            assert!(row(["Avancement global cible", "50 %", ""]).is_none());
            // A lot's progress is its row, an item's, not a claim of the project.
            assert!(row(["Lot 2 — avancement", "60 %", ""]).is_none());
            assert!(row(["Avancement global", "48 % (vs 40 % en octobre)", ""]).is_none());
        });
    }

    #[test]
    fn total_rows() {
        with_reader(|r| {
            let cells: Vec<String> = ["Total P0.1", "7h", "4h30", "65%", "🟡"]
                .map(String::from)
                .into();
            let claim = r.total_row(&cells, Some(3), 49, Some(7)).unwrap();
            assert_eq!((claim.value, claim.target), (65.0, Target::Section(7)));
        });
    }
}
