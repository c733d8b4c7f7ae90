//! The fields task-list tools write on a task beside its description.
//!
//! Obsidian's Tasks plugin writes them after the description,
//! each an emoji and its value: `- [ ] Visual design mockups 📅 2026-12-04
//! ⏫` is due on 4 December, at high priority; `🛫 2026-12-01` is when it
//! starts, `⏳` when it is scheduled, `➕` when it was created, `✅` and
//! `❌` when it was done or cancelled, `🔁 every week` how it recurs.
//!
//! Several of those emoji are status markers elsewhere (`📅` and `⏳` are to
//! do, `✅` done, `❌` to do, EXTRACTION.md §4), so a task's fields must be
//! told apart before its line's trailing clause is looked for, or `📅
//! 2026-12-04 ⏫` is read as a status and its due date lost.
//!
//! Org-mode and Logseq write a planning line under the task: `DEADLINE:
//! <2026-12-15 Tue>` is its due date, and no milestone labelled
//! `Deadline`.
//!
//! GitLab writes labels after an issue's title: `~backend`, and scoped
//! ones, `~"workflow::in review"`, whose key may say the state.
//! They are no words of the task, and their `::` no separator of a
//! trailing clause.

use chrono::NaiveDate;

use crate::model::Status;

/// What a task's fields say that sitrep keeps, and where they begin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaskFields {
    /// The byte where the fields begin: the task's text ends there.
    pub start: usize,
    /// The due date (`📅`, `📆` or `🗓`).
    pub due: Option<NaiveDate>,
}

/// What an emoji of the plugin brings in.
#[derive(Clone, Copy, PartialEq)]
enum Value {
    /// A day written `YYYY-MM-DD`; `due` says whether it is the due date.
    Date { due: bool },
    /// Nothing: a priority.
    Nothing,
    /// Words up to the next field: a recurrence rule (`🔁 every week`).
    Words,
    /// One word: an id, the ids depended on, an action on completion.
    Word,
}

/// The plugin's emoji and what each brings in. The due date has three.
const SIGNIFIERS: &[(char, Value)] = &[
    ('📅', Value::Date { due: true }),
    ('📆', Value::Date { due: true }),
    ('🗓', Value::Date { due: true }),
    ('⏳', Value::Date { due: false }),
    ('⌛', Value::Date { due: false }),
    ('🛫', Value::Date { due: false }),
    ('➕', Value::Date { due: false }),
    ('✅', Value::Date { due: false }),
    ('❌', Value::Date { due: false }),
    ('🔺', Value::Nothing),
    ('⏫', Value::Nothing),
    ('🔼', Value::Nothing),
    ('🔽', Value::Nothing),
    ('⏬', Value::Nothing),
    ('🔁', Value::Words),
    ('🆔', Value::Word),
    ('⛔', Value::Word),
    ('🏁', Value::Word),
];

fn signifier(c: char) -> Option<Value> {
    // Every emoji of the plugin is U+231B or above: letters are ruled out at once.
    if u32::from(c) < 0x231B {
        return None;
    }
    SIGNIFIERS.iter().find(|(s, _)| *s == c).map(|(_, v)| *v)
}

/// The fields `text` (a task's line after its box) ends with, when they
/// hold at least one date: the run of fields that goes to the end of the
/// line, beginning at the first of the plugin's emoji from which every
/// word is a field or a `#tag`. A line without a dated field is left as
/// it is: `Ship it ⏫` alone is no proof of the plugin.
pub fn task_fields(text: &str) -> Option<TaskFields> {
    // A dated field holds a `YYYY-MM-DD` day: most lines hold no digit
    // on each side of a hyphen, and are ruled out at once.
    let bytes = text.as_bytes();
    let digit_at = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    if !memchr::memchr_iter(b'-', bytes).any(|at| at > 0 && digit_at(at - 1) && digit_at(at + 1)) {
        return None;
    }
    let first_word = text.find(char::is_alphanumeric)?;
    text.char_indices()
        .filter(|&(at, c)| at > first_word && signifier(c).is_some())
        .find_map(|(at, _)| read_fields(&text[at..]).map(|due| (at, due)))
        .map(|(at, due)| TaskFields { start: at, due })
}

/// Reads `fields` as nothing but the plugin's fields and `#tags`: `None`
/// when something else stands among them or none is dated, else the due
/// date when one is given.
fn read_fields(fields: &str) -> Option<Option<NaiveDate>> {
    let mut rest = fields;
    let mut dated = false;
    let mut due = None;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FE0F}');
        let Some(c) = rest.chars().next() else {
            return dated.then_some(due);
        };
        rest = &rest[c.len_utf8()..];
        if c == '#' {
            rest = after_word(rest);
            continue;
        }
        let value = signifier(c)?;
        let value_text = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FE0F}');
        match value {
            Value::Date { due: is_due } => {
                let day = NaiveDate::parse_from_str(value_text.get(..10)?, "%Y-%m-%d").ok()?;
                dated = true;
                if is_due {
                    due = due.or(Some(day));
                }
                rest = &value_text[10..];
            }
            Value::Nothing => {}
            Value::Word => rest = after_word(value_text),
            Value::Words => {
                let end = (value_text.char_indices())
                    .find(|&(_, c)| signifier(c).is_some())
                    .map_or(value_text.len(), |(at, _)| at);
                rest = &value_text[end..];
            }
        }
    }
}

/// `text` after its first word (up to a space).
fn after_word(text: &str) -> &str {
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    &text[end..]
}

/// The keywords of org-mode's planning line, which Logseq writes too,
/// under a task: `SCHEDULED: <2026-11-30 Mon>`, `DEADLINE: <2026-12-15
/// Tue>`, `CLOSED: [2026-11-20 Fri 10:02]`.
const PLANNING_KEYWORDS: &[&str] = &["DEADLINE: ", "SCHEDULED: ", "CLOSED: "];

/// Whether `line` is an org-mode or Logseq planning line: it dates the
/// task above it, it is no milestone of its own.
pub fn is_planning_line(line: &str) -> bool {
    // Every keyword starts with one of three capitals: most lines are
    // ruled out by their first byte.
    let line = match line.as_bytes().first() {
        Some(b'C' | b'D' | b'S') => line,
        Some(b) if b.is_ascii_whitespace() => line.trim_start(),
        _ => return false,
    };
    (PLANNING_KEYWORDS.iter()).any(|keyword| {
        (line.strip_prefix(keyword)).is_some_and(|stamp| stamp.starts_with(['<', '[']))
    })
}

/// The due date a planning line gives its task: the day of its
/// `DEADLINE: <…>` stamp (`SCHEDULED` is when work on it begins).
pub fn planning_deadline(line: &str) -> Option<NaiveDate> {
    if !is_planning_line(line) {
        return None;
    }
    let at = line.find("DEADLINE: <")? + "DEADLINE: <".len();
    NaiveDate::parse_from_str(line.get(at..at + 10)?, "%Y-%m-%d").ok()
}

/// GitLab labels that end a task's text, and the value of the scoped
/// one among them that says its state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Labels<'t> {
    /// The byte where the labels begin: the task's text ends there.
    pub start: usize,
    /// The value of a `workflow::`, `status::` or `state::` label
    /// (`in review` of `~"workflow::in review"`).
    pub state: Option<&'t str>,
}

/// The stages of GitLab's own workflow labels that no status word names
/// (folded): before development, in it, and complete.
const WORKFLOW_STAGES: &[(&str, Status)] = &[
    ("problem validation", Status::Todo),
    ("solution validation", Status::Todo),
    ("design", Status::Todo),
    ("refinement", Status::Todo),
    ("planning breakdown", Status::Todo),
    ("scheduling", Status::Todo),
    ("ready for development", Status::Todo),
    ("ready for dev", Status::Todo),
    ("in dev", Status::InProgress),
    ("in development", Status::InProgress),
    ("verification", Status::InProgress),
    ("staging", Status::InProgress),
    ("complete", Status::Done),
    ("production", Status::Done),
];

/// The status a stage of GitLab's workflow labels says (`in dev`, `ready
/// for development`), when the status words do not.
pub fn workflow_status(stage: &str) -> Option<Status> {
    super::folding::look_up(WORKFLOW_STAGES, stage)
}

/// Keys of GitLab's scoped labels that say where an issue stands.
const STATE_KEYS: &[&str] = &["workflow", "status", "state", "stage"];

/// The GitLab labels that end `text` (`Reindex job ~"workflow::in dev"
/// ~backend`): each a `~` and a word, or a `~` and words in quotes.
/// `None` when the text does not end with one.
pub fn gitlab_labels(text: &str) -> Option<Labels<'_>> {
    // Most tasks hold no tilde at all.
    memchr::memchr(b'~', text.as_bytes())?;
    let mut end = text.trim_end().len();
    let mut state = None;
    let mut start = None;
    loop {
        let kept = &text[..end];
        let label = if let Some(quoted) = kept.strip_suffix('"') {
            // A quotation that ends the text is no label.
            let Some(opens) = quoted.rfind("~\"") else {
                break;
            };
            (opens, &quoted[opens + 2..])
        } else {
            // A space may be wider than a byte (a no-break space).
            let opens = (kept.char_indices().rev())
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(at, c)| at + c.len_utf8());
            let word = &kept[opens..];
            match word.strip_prefix('~') {
                // `~200` is an approximation, not a label.
                Some(name)
                    if name.starts_with(char::is_alphabetic) && !name.contains(['~', '"']) =>
                {
                    (opens, name)
                }
                _ => break,
            }
        };
        let (opens, name) = label;
        if let Some((key, value)) = name.split_once("::") {
            if state.is_none() && STATE_KEYS.contains(&key.trim().to_ascii_lowercase().as_str()) {
                state = Some(value.trim());
            }
        }
        start = Some(opens);
        end = text[..opens].trim_end().len();
    }
    // A text of labels only is no task with labels.
    let start = start.filter(|_| end > 0)?;
    Some(Labels { start, state })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// The text a task keeps and its due date.
    fn read(text: &str) -> Option<(&str, Option<NaiveDate>)> {
        task_fields(text).map(|fields| (text[..fields.start].trim_end(), fields.due))
    }

    #[test]
    fn the_plugins_fields_end_the_task() {
        assert_eq!(
            read("Visual design mockups 📅 2026-12-04 ⏫"),
            Some(("Visual design mockups", day(2026, 12, 4)))
        );
        assert_eq!(
            read("Content migration 🛫 2026-12-01 📅 2026-12-18 🔼"),
            Some(("Content migration", day(2026, 12, 18)))
        );
        assert_eq!(
            read("Wireframes 📅 2026-11-15 ✅ 2026-11-14"),
            Some(("Wireframes", day(2026, 11, 15)))
        );
        assert_eq!(
            read("SEO redirects 🔁 every week ⏳ 2026-12-02"),
            Some(("SEO redirects", None))
        );
        assert_eq!(
            read("Call the bank #finance 📆 2027-01-05 🆔 abc123"),
            Some(("Call the bank #finance", day(2027, 1, 5)))
        );
    }

    #[test]
    fn gitlab_labels_end_the_task() {
        let read = |text: &'static str| {
            gitlab_labels(text).map(|labels| (text[..labels.start].trim_end(), labels.state))
        };
        assert_eq!(
            read("#102 Reindex job ~\"workflow::in dev\" ~backend"),
            Some(("#102 Reindex job", Some("in dev")))
        );
        assert_eq!(
            read("Query DSL ~\"Status::In Review\""),
            Some(("Query DSL", Some("In Review")))
        );
        assert_eq!(read("Fix typo ~docs ~P3"), Some(("Fix typo", None)));
        assert_eq!(
            read("Rename to \"Atlas\" ~branding"),
            Some(("Rename to \"Atlas\"", None))
        );
        assert_eq!(
            read("Relevance tuning ~\"priority::1\""),
            Some(("Relevance tuning", None))
        );
        // A tilde inside the text, or labels alone, end no task.
        assert_eq!(read("Cut latency to ~50 ms"), None);
        assert_eq!(read("Cut p95 latency to ~200"), None);
        assert_eq!(read("~backend ~api"), None);
        assert_eq!(read("Approx. ~ 3 days"), None);
        // A no-break space (two bytes) before a label.
        assert_eq!(read("Fix typo\u{a0}~docs"), Some(("Fix typo", None)));
    }

    #[test]
    fn planning_lines_of_org_mode_and_logseq() {
        assert_eq!(
            planning_deadline("DEADLINE: <2026-12-15 Tue>"),
            day(2026, 12, 15)
        );
        assert_eq!(
            planning_deadline("SCHEDULED: <2026-11-30 Mon> DEADLINE: <2026-12-15 Tue 17:00>"),
            day(2026, 12, 15)
        );
        assert_eq!(planning_deadline("SCHEDULED: <2026-11-30 Mon>"), None);
        assert!(is_planning_line("SCHEDULED: <2026-11-30 Mon>"));
        assert!(is_planning_line("CLOSED: [2026-11-20 Fri 10:02]"));
        // A labelled line of a report is no planning line.
        assert!(!is_planning_line("Deadline: 2026-12-15"));
        assert!(!is_planning_line("DEADLINE: 15 December"));
    }

    #[test]
    fn status_markers_and_dates_of_other_forms_are_no_fields() {
        // `✅` then words: a status clause, as EXTRACTION.md §4 reads it.
        assert_eq!(read("Login page ✅ done"), None);
        // A priority alone proves nothing.
        assert_eq!(read("Ship it ⏫"), None);
        // `📅 15/12` is not how the plugin writes a day.
        assert_eq!(read("Review 📅 15/12"), None);
        // Words after the fields: the emoji is part of the text.
        assert_eq!(read("Review 📅 2026-12-15 with Ana"), None);
        // An emoji before any word is the task's own marker.
        assert_eq!(read("✅ 2026-11-10"), None);
    }
}
