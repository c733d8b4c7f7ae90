//! Work items (`EXTRACTION.md` §4): list items, bare task boxes, table rows
//! of status tables, and ticket-per-heading sections.
//!
//! A list item's status comes from, first match wins: a task box at its
//! start (`[x]`), a status marker at its start (`✅ **Structure mono-repo**`),
//! or a trailing status clause (`— @Imrane — À faire`, `- ✅ COMPLET`,
//! `... ❌`). An item wholly ~~struck through~~ is cancelled.

use std::ops::Range;
use std::sync::Arc;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use rustc_hash::FxHashSet;

use super::folding::{fold, fold_char, folded_words, folds_ending_with, holds_digit, FoldedChar};
use super::matrix::MatrixRow;
use super::outline::{Block, ListEntry, Outline, OutlineSection, Table, TableRow, TextLine};
use super::people::{names_no_one, names_no_one_yet};
use super::tables;
use super::task_fields::{gitlab_labels, planning_deadline, task_fields, workflow_status};
use super::vocabulary::{
    after_health_circle, strip_status_label, word_matches, Vocabulary, COUNTED_WORDS, STATUS_LABELS,
};
use crate::model::{Item, Status};

/// Reads items out of the blocks of one document.
pub struct ItemReader<'a> {
    pub vocabulary: &'a Vocabulary,
    pub outline: &'a Outline<'a>,
    pub source: &'a Arc<str>,
    /// Lines of list entries that are something else, not items: a
    /// declaration (`- ✅ Phase 1 : **100%**`), or a milestone of a
    /// milestone section (`- COPIL de lancement : 15/03/2026 ✅`). Their
    /// children are still read.
    pub not_items: &'a FxHashSet<usize>,
}

/// Where the name of each `@handle` of `text` is (without the `@`): not
/// in an e-mail address or a path, so not after a word character, `.`,
/// `@`, `/` or a backquote; a name as
/// [`HANDLE_NAME_PATTERN`](super::people::HANDLE_NAME_PATTERN) has it
/// (`@alice`, `@sophie.martin`). The same as that pattern finds after
/// ``(?:^|[^\w.@/`])@`` (a test compares them), without a regex search of
/// every item line.
/// The length of the run of a handle's characters that `name` starts
/// with: letters, digits, `_` and `-`, and a dot between a letter, digit
/// or `_` and a letter or digit.
pub(super) fn handle_run(name: &[u8]) -> usize {
    let inner = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-');
    let mut end = 0;
    while let Some(&b) = name.get(end) {
        let dot_inside = b == b'.'
            && end > 0
            && (name[end - 1].is_ascii_alphanumeric() || name[end - 1] == b'_')
            && name.get(end + 1).is_some_and(u8::is_ascii_alphanumeric);
        if !(inner(b) || dot_inside) {
            break;
        }
        end += 1;
    }
    end
}

fn handle_names(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    memchr::memchr_iter(b'@', text.as_bytes()).filter_map(|at| {
        let before = text[..at].chars().next_back();
        let attached = |c: char| regex_syntax::is_word_character(c) || ".@/`".contains(c);
        if before.is_some_and(attached) {
            return None;
        }
        let name = &text.as_bytes()[at + 1..];
        if !name.first()?.is_ascii_alphabetic() {
            return None;
        }
        let run = handle_run(name);
        let length = run - name[..run].iter().rev().take_while(|b| **b == b'-').count();
        Some(at + 1..at + 1 + length)
    })
}

/// `Responsable : @Imrane`, `Owner: Alice`, `Assigné : Bob`.
static OWNER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:responsables?|owners?|assignees?|assign[ée]e?s?|assigned to|porteur)\s*:\s*([^—–|;()]+)")
        .expect("valid regex")
});

/// A ticket key at the start of an item: `TICKET-101`, `DEVOPS-003`,
/// `P0.2.1`, `#42`.
static ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(#\d+|[A-Z][A-Z0-9]*-\d+[A-Za-z0-9]*|[A-Z]{1,3}\d+(?:\.\d+)+)\b")
        .expect("valid regex")
});

/// `(5 pts)`, `[3 SP]`, `(8 points)`.
static POINTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[(\[]\s*(\d+(?:[.,]\d+)?)\s*(?:pts?|points?|sp|story\s*points?)\s*[)\]]")
        .expect("valid regex")
});

/// Separators before a trailing status clause.
const SEPARATORS: &[&str] = &[" — ", " – ", " - ", " -- ", ":", "|", "→", " —", " –"];

static SEPARATOR_LIST: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(SEPARATORS).expect("separators"));

/// Where the separators of `text` end: for each separator, its occurrences
/// left to right, not overlapping one another (as `str::match_indices`
/// finds them), all found in one pass over the text.
fn separator_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    // Every separator holds a `-`, `:` or `|`, or starts with the byte
    // 0xE2 of `—`, `–` and `→` (a test checks): most item texts hold none.
    let bytes = text.as_bytes();
    if memchr::memchr3(b'-', b':', b'|', bytes).is_none() && memchr::memchr(0xE2, bytes).is_none() {
        return ends;
    }
    let mut last_end = [0usize; SEPARATORS.len()];
    // Occurrences of one separator come in order (they all have its length).
    for found in SEPARATOR_LIST.find_overlapping_iter(text) {
        let separator = found.pattern().as_usize();
        if found.start() >= last_end[separator] {
            last_end[separator] = found.end();
            ends.push(found.end());
        }
    }
    ends
}

/// What an open box's closing aside says of its task ([`ItemReader::aside_status`]).
#[derive(Clone, Copy)]
struct Aside {
    /// The byte where the aside opens: the task's text ends before it.
    opens: usize,
    status: Status,
    percent: Option<f64>,
}

impl<'a> ItemReader<'a> {
    /// The items of one list: each entry is an item if it carries a status;
    /// the status-bearing children of an entry without one are returned in
    /// its place (seed `000_…`: numbered tickets without status give nothing).
    pub fn list(&self, entries: &[ListEntry], inherited_owner: Option<&str>) -> Vec<Item> {
        let mut items = Vec::new();
        self.list_into(entries, inherited_owner, &mut items);
        items
    }

    /// [`list`](Self::list), appending to `out`: a nested list's items go
    /// straight where they belong, not through a vector of their own.
    fn list_into(&self, entries: &[ListEntry], inherited_owner: Option<&str>, out: &mut Vec<Item>) {
        for entry in entries {
            self.list_entry(entry, inherited_owner, None, out);
        }
    }

    /// The items of one entry and its children, appended to `out`;
    /// `default`, when given, is the status of an entry that gives none:
    /// it stands under a label or a heading that is only a status
    /// ([`Vocabulary::only_phrase`]).
    pub fn list_entry(
        &self,
        entry: &ListEntry,
        inherited_owner: Option<&str>,
        default: Option<Status>,
        out: &mut Vec<Item>,
    ) {
        let first = entry.lines.first();
        if first.is_some_and(|line| self.not_items.contains(&line.line)) {
            return self.list_into(&entry.children, inherited_owner, out);
        }
        let parsed = first.and_then(|line| self.read_line(line, default));
        let own_owner = first.and_then(|line| self.owner_of(line, &entry.lines[1..]));
        let owner = own_owner.or(inherited_owner.map(str::to_string));
        // `- **À faire** :` over the tasks left (corpus 03): the label is no
        // item, its entries are, and those without a status have its own.
        let label = match (&parsed, first) {
            (None, Some(line)) if !entry.children.is_empty() => {
                self.vocabulary.only_phrase(&line.text)
            }
            _ => None,
        };
        match (parsed, label) {
            (Some(mut item), _) => {
                self.list_into(&entry.children, owner.as_deref(), &mut item.children);
                item.owner = owner;
                if item.due.is_none() && entry.lines.len() > 1 {
                    // Org-mode's and Logseq's `DEADLINE: <2026-12-15 Tue>` under the task.
                    let mut planning = entry.lines[1..].iter();
                    item.due = planning.find_map(|line| planning_deadline(&line.text));
                }
                out.push(item);
            }
            (None, Some(status)) => {
                for child in &entry.children {
                    self.list_entry(child, owner.as_deref(), Some(status), out);
                }
            }
            (None, None) => self.list_into(&entry.children, owner.as_deref(), out),
        }
    }

    /// The items of paragraph lines that are not list items: a task box
    /// (corpus `06_…`: `[x] la prise en compte de l'option -p est
    /// correcte`), or a stand-up's answer on a line of its own
    /// (`**Yesterday:** reviewed PR #212` is done, `Today: …` under way).
    pub fn paragraph_items(&self, lines: &[TextLine]) -> Vec<Item> {
        lines
            .iter()
            .filter(|line| {
                (line.text.starts_with('[')
                    && self.vocabulary.marker_at_start(&line.text).is_some())
                    || answers_stand_up(&line.text)
            })
            .filter_map(|line| {
                let mut item = self.parse_line(line)?;
                item.owner = self.owner_of(line, &[]);
                Some(item)
            })
            .collect()
    }

    /// Reads one item line; `None` when it carries no status.
    pub fn parse_line(&self, line: &TextLine) -> Option<Item> {
        self.read_line(line, None)
    }

    /// [`parse_line`](Self::parse_line), with `default` the status of a
    /// line that gives none.
    fn read_line(&self, line: &TextLine, default: Option<Status>) -> Option<Item> {
        let text = line.text.as_str();
        // The trailing status clause, once found (`en cours, 70 %`).
        let mut clause = None;
        // A key result's score, once found (`(score 0.5)`: 50 %).
        let mut scored = None;
        let (status, body) = if line.struck {
            (Status::Cancelled, text)
        } else if let Some((status, rest)) = self.vocabulary.marker_at_start(text) {
            (status, rest)
        } else if let Some((status, rest)) = self.keyword_at_start(text) {
            (status, rest)
        } else if let Some((status, rest)) = self.status_label(text) {
            // The work's own clause says more than its label
            // (`- Today: payouts — blocked`).
            let own = self.trailing_clause(rest).map(|(own, _)| own);
            (own.unwrap_or(status), rest)
        } else if let Some((status, start)) = self.trailing_clause(text) {
            clause = Some(&text[start..]);
            (status, before_clause(text, start))
        } else if let Some((percent, start)) = key_result_progress(text) {
            scored = Some(percent);
            (status_of_percent(percent), text[..start].trim_end())
        } else {
            (default?, text)
        };
        // A task box's line may end with the fields of Obsidian's Tasks
        // plugin (`📅 2026-12-04 ⏫`): its due date, and no status clause.
        let fields = text.starts_with('[').then(|| task_fields(body)).flatten();
        let body = fields.map_or(body, |fields| &body[..fields.start]);
        // And with GitLab's labels (`~"workflow::in review" ~backend`).
        let labels = text.starts_with('[').then(|| gitlab_labels(body)).flatten();
        let body = labels.map_or(body, |labels| &body[..labels.start]);
        // Even when a box gave the status, a trailing clause is not part of the text.
        let body = match self.trailing_clause(body) {
            Some((_, start)) if !line.struck => {
                clause = Some(&body[start..]);
                before_clause(body, start)
            }
            _ => body,
        };
        // An open box's closing aside may say how far its task is.
        let open_box = status == Status::Todo && text.trim_start().starts_with("[ ]");
        let aside = (open_box && clause.is_none())
            .then(|| self.aside_status(body))
            .flatten();
        let body = aside.map_or(body, |aside| body[..aside.opens].trim_end());
        let clean = clean_text(body);
        if is_property_label(&clean) {
            // `**Blocage actuel**: ✅ Peut démarrer` describes its parent, it is not a task.
            return None;
        }
        let percent = (scored.or_else(|| percent_of(text)))
            .or(aside.and_then(|aside| aside.percent))
            .or_else(|| self.clause_percent(clause?))
            .or_else(|| {
                (!matches!(status, Status::Done | Status::Cancelled))
                    .then(|| counted_percent(body))
                    .flatten()
            });
        let status = aside.map_or(status, |aside| aside.status);
        // A box says only done or not; an open one's scoped label says
        // how far it is (`~"workflow::in review"`).
        let labelled = (labels.and_then(|labels| labels.state)).and_then(|state| {
            self.vocabulary
                .only_phrase(state)
                .or_else(|| workflow_status(state))
        });
        let status = match labelled {
            Some(labelled) if open_box => labelled,
            _ => status,
        };
        // A task box says only done or not: an open box whose item is
        // partly done (`- [ ] In-app chat — 60%`) is begun.
        let begun = status == Status::Todo
            && text.trim_start().starts_with("[ ]")
            && percent.is_some_and(|p| p > 0.0 && p < 100.0);
        let status = if begun { Status::InProgress } else { status };
        Some(Item {
            id: id_of(&clean),
            percent,
            points: points_of(text),
            text: clean,
            status,
            owner: None,
            due: fields.and_then(|fields| fields.due),
            source: Arc::clone(self.source),
            line: line.line,
            children: Vec::new(),
        })
    }

    /// A label that sorts the work after it, as a report's heading or a
    /// list's status label sorts the entries under them: `- Done: export
    /// API`, `- **En cours :** recette`, a stand-up's `- Yesterday:
    /// finished the export API` and `- Today: pagination tests`
    /// ([`report_heading_status`](super::sections::report_heading_status)).
    /// The work after it has words of its own: `- Completed: 2026-10-01`
    /// is a date, not a task.
    fn status_label<'t>(&self, text: &'t str) -> Option<(Status, &'t str)> {
        let (label, rest) = text.split_once(':')?;
        // Labels are short and hold no figure (`**Phase 1** :` is a
        // phase's name); most lines' first colon ends a sentence's clause.
        if label.len() > 32 || holds_digit(label) {
            return None;
        }
        let label = label.trim().trim_matches(['*', '_']).trim();
        let rest = rest
            .trim_start()
            .trim_start_matches(['*', '_'])
            .trim_start();
        let status = self
            .vocabulary
            .only_phrase(label)
            .or_else(|| super::sections::report_heading_status(&fold(label)))?;
        let own_words = rest.chars().any(char::is_alphabetic)
            && super::dates::words_beside_dates(rest) != Some(0);
        own_words.then_some((status, rest))
    }

    /// What the aside closing an open box's task says of it, when it is
    /// only that the task is under way or blocked, with a percentage after
    /// a comma at most: `- [ ] Lot 2 — Ingestion (en cours, 60 %)`, `- [ ]
    /// Notifications (in progress)`, `(bloqué)`. An aside of other words
    /// is part of the task (corpus 01's `(duplicate rollupOptions)`, corpus
    /// 03's `(TODO ligne 122)`).
    fn aside_status(&self, body: &str) -> Option<Aside> {
        let (before, inside) = super::folding::trailing_aside(body)?;
        let inside = inside.trim();
        let (status, end) = self.vocabulary.phrase_at_start(inside)?;
        if !matches!(status, Status::InProgress | Status::Blocked) || before.trim().is_empty() {
            return None;
        }
        let rest = inside[end..].trim();
        let percent = match rest.strip_prefix(',') {
            None if rest.is_empty() => None,
            Some(figure) if figure.trim().ends_with('%') => {
                let number = figure.trim().trim_end_matches('%').trim();
                Some(parse_number(number)?)
            }
            _ => return None,
        };
        Some(Aside {
            opens: before.len(),
            status,
            percent,
        })
    }

    /// The status keyword in capitals `text` starts with ([`KEYWORDS`]),
    /// and the task after it: a status marker as plain-text to-do lists
    /// write one (`DONE Write the spec`, `TODO: deploy`, `EN COURS Recette`).
    fn keyword_at_start<'t>(&self, text: &'t str) -> Option<(Status, &'t str)> {
        let text = text.trim_start();
        // Most lines start with a word in lower case after its capital.
        let first_word = text.split([' ', ':']).next().unwrap_or("");
        if !text.starts_with(char::is_uppercase) || first_word.chars().any(char::is_lowercase) {
            return None;
        }
        let (status, end) = match logseq_keyword(first_word) {
            Some(status) => (status, first_word.len()),
            None => self.vocabulary.phrase_at_start(text)?,
        };
        let keyword = &text[..end];
        // Written with a hyphen or an underscore too (`IN-PROGRESS`,
        // `TO_DO`), as trackers export them.
        let known =
            KEYWORDS.contains(&folded_words(keyword).as_str()) || logseq_keyword(keyword).is_some();
        if keyword.chars().any(char::is_lowercase) || !known {
            return None;
        }
        let task = text[end..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
        (task.starts_with(char::is_alphanumeric) && text[end..].starts_with([' ', ':']))
            .then_some((status, task))
    }

    /// The status of a trailing clause and the byte offset where it starts.
    pub fn trailing_clause(&self, text: &str) -> Option<(Status, usize)> {
        if let Some((status, start)) = self.vocabulary.marker_at_end(text) {
            return Some((status, start));
        }
        let mut starts = separator_ends(text);
        // A symbol is U+2190 or above: its first byte is 0xE2 or above.
        if text.bytes().any(|b| b >= 0xE2) {
            starts.extend(
                text.char_indices()
                    .filter(|(_, c)| is_symbol(*c))
                    .map(|(i, _)| i),
            );
        }
        starts.sort_unstable();
        starts.dedup();
        // A clause leaves the item some words of its own: `▶️ Started
        // item` is no item titled `▶️` that is started.
        let first_word = text.find(char::is_alphanumeric)?;
        starts
            .into_iter()
            .rev()
            .filter(|start| *start > first_word && *start < text.len())
            // `https://testing-library.com`: a link's scheme, no clause.
            .filter(|start| !text[*start..].starts_with("//"))
            .find_map(|start| self.clause_status(&text[start..]).map(|s| (s, start)))
    }

    /// The figure a status clause gives after its phrase and a comma, as
    /// a meeting's minutes write how far a lot is (`Lot front : en cours,
    /// 70 %`); [`percent_of`] reads no figure after a comma elsewhere.
    fn clause_percent(&self, clause: &str) -> Option<f64> {
        // Most clauses hold no comma, and none of them a figure to read.
        memchr::memchr(b',', clause.as_bytes())?;
        let value = strip_status_label(clause);
        let (_, end) = self.vocabulary.phrase_at_start(value)?;
        percent_of(value[end..].trim_start().strip_prefix(',')?)
    }

    /// Whether `segment` is a status clause: a marker, or a status phrase
    /// followed by at most two words (`En cours (80% réalisé)`, `TODO ligne 24`).
    /// After a marker or a health circle, a phrase is the status, as a
    /// word beats a marker in a milestone's status: `⏳ en cours` is under
    /// way, and `🟢 On track` too where the document's table makes `🟢
    /// Atteint` done.
    fn clause_status(&self, segment: &str) -> Option<Status> {
        let value = strip_status_label(segment);
        let phrase = |text: &str| {
            let (status, end) = self.vocabulary.phrase_at_start(text)?;
            // A date after the phrase is no more words of it (`planifiée
            // pour le 15 janvier 2027`, `pianificata per il 15 gennaio`),
            // nor is the reason after a comma (`on hold, waiting for the
            // vendor`, `sospeso, in attesa del fornitore`).
            let rest = &text[end..];
            (words_outside_parentheses(rest) <= 2
                || rest.trim_start().starts_with(',')
                || super::dates::words_beside_dates(rest).is_some_and(|words| words <= 2))
            .then_some(status)
        };
        match self.vocabulary.item_marker_at_start(value) {
            // A phrase is at most three words, and two may follow it:
            // a longer text after the marker is not looked at.
            Some((status, rest)) => Some(
                (rest.split_whitespace().nth(5).is_none())
                    .then(|| phrase(rest))
                    .flatten()
                    .unwrap_or(status),
            ),
            None => phrase(past_figure_and_circle(value)),
        }
    }

    /// The owner of an item line: an `@handle` (not in code), or the value
    /// of a `Responsable :` label on the line or its continuation lines.
    pub fn owner_of(&self, line: &TextLine, more: &[TextLine]) -> Option<String> {
        std::iter::once(line)
            .chain(more)
            .find_map(|l| self.labelled_owner(l))
            .or_else(|| self.first_handle(&line.text, line.line))
    }

    fn labelled_owner(&self, line: &TextLine) -> Option<String> {
        if !line.text.contains(':') {
            return None;
        }
        let captures = OWNER_LABEL.captures(&line.text)?;
        let value = captures.get(1)?.as_str().trim();
        let value = value.split(" - ").next().unwrap_or(value).trim();
        if let Some(handle) = self.first_handle(value, line.line) {
            return Some(handle);
        }
        name_alone(value).or_else(|| {
            // `owner: Priya, due Dec 4`: the name ends where the next
            // field of the line begins.
            let (name, _) = value.split_once([',', ';'])?;
            name_alone(name.trim())
        })
    }

    /// The first `@handle` of `text` (read on line `line`) that names an
    /// owner: not inside inline code in the source. Only the first is an
    /// owner, so the others are not made.
    fn first_handle(&self, text: &str, line: usize) -> Option<String> {
        if !text.contains('@') {
            return None;
        }
        let source = self.outline.source_line(line);
        handle_names(text)
            // `(@mentions, déplacements…)` in prose names a feature, not an
            // owner; `(@alice)`, `(@alice, @bob)` or `(@alice, due
            // 01/12)` is an owner set aside.
            .filter(|name| {
                !inside_parentheses(text, name.start)
                    || among_handles_only(text, name.start)
                    || opens_an_aside_with_a_date(text, name.start)
            })
            // `@sentry/react` is a package, not an owner; in `4 @given tests`
            // the handle is a word of a sentence: an owner stands apart.
            .filter(|name| stands_apart(&text[name.end..]) || opens_the_task(text, name))
            .filter(|name| !names_no_one(&text[name.clone()]))
            .map(|name| format!("@{}", &text[name]))
            .find(|handle| !only_in_code(source, handle))
    }

    /// Rows of a status table that carry a status (total rows are
    /// declarations, not items).
    pub fn table(&self, table: &Table, inherited_owner: Option<&str>) -> Vec<Item> {
        self.table_and_unread(table, inherited_owner, &mut Vec::new())
    }

    /// [`table`](Self::table), and in `unread` the rows left out because
    /// their status cell says something that is no status (`Awaiting
    /// sign-off`), each as its line and that cell: the reader is told,
    /// so that a portal's own word can go to `[vocabulary]`.
    pub fn table_and_unread(
        &self,
        table: &Table,
        inherited_owner: Option<&str>,
        unread: &mut Vec<(usize, String)>,
    ) -> Vec<Item> {
        if let Some(cards) = self.board_cards(table) {
            return cards;
        }
        let columns = Columns::analyse(table, self.vocabulary);
        let rows = (table.rows.iter())
            .filter(|row| row.cells != table.header && !is_total_row(&row.cells));
        let mut items = Vec::new();
        for row in rows {
            match self.row_item(table, &columns, row, inherited_owner, None) {
                Some(item) => items.push(item),
                None => unread.extend(
                    self.unread_status(table, &columns, row)
                        .map(|c| (row.line, c)),
                ),
            }
        }
        items
    }

    /// A kanban board drawn as a table, a column per status (`| To Do |
    /// In Progress | Done |`): each cell under a header is a card in that
    /// column, in the board's order, column by column. `None` unless every
    /// header is a status and nothing else. A cell without a letter is no
    /// card: a table of counts by status (`| 12 | 3 | 5 |`) gives none.
    fn board_cards(&self, table: &Table) -> Option<Vec<Item>> {
        if table.header.len() < 2 {
            return None;
        }
        let statuses: Vec<Status> = (table.header.iter())
            .map(|header| self.vocabulary.only_phrase(header.trim()))
            .collect::<Option<_>>()?;
        let mut cards = Vec::new();
        for (column, status) in statuses.into_iter().enumerate() {
            for row in &table.rows {
                let Some(cell) = row.cells.get(column) else {
                    continue;
                };
                let text = clean_text(cell);
                if !text.chars().any(char::is_alphabetic) {
                    continue;
                }
                cards.push(Item {
                    id: id_of(&text),
                    percent: None,
                    points: None,
                    owner: self.first_handle(&text, row.line),
                    text,
                    status,
                    due: None,
                    source: Arc::clone(self.source),
                    line: row.line,
                    children: Vec::new(),
                });
            }
        }
        Some(cards)
    }

    /// The item of one row of a feature matrix ([`super::matrix`]): a
    /// feature, at the share of its implementations that are there.
    pub fn matrix_item(&self, row: &MatrixRow) -> Option<Item> {
        let (status, percent) = row.progress()?;
        let text = clean_text(&row.name);
        (!text.is_empty()).then(|| Item {
            id: id_of(&text),
            percent,
            points: None,
            text,
            status,
            owner: None,
            due: None,
            source: Arc::clone(self.source),
            line: row.line,
            children: Vec::new(),
        })
    }

    /// The status a row's status cells give: the first that says one.
    fn cells_status(&self, table: &Table, columns: &Columns, row: &TableRow) -> Option<Status> {
        columns.status.iter().find_map(|&i| {
            let cell = row.cells.get(i).map_or("", String::as_str);
            if cell.trim().is_empty() && columns.checks.contains(&i) {
                return tables::answered_status(table, i, "no");
            }
            if columns.verdicts.contains(&i) {
                return tables::verdict(cell);
            }
            (self.vocabulary.status_of_value(cell))
                .or_else(|| tables::answered_status(table, i, cell))
        })
    }

    /// The status cell of a row left out, when it reads as a status of its
    /// own that sitrep does not know (a few words: `With legal`)
    /// rather than nothing yet (`N/A`, `-`, a not-rated ⚪) or a sentence.
    /// A row left out for another reason (no text to name it) is not one.
    fn unread_status(&self, table: &Table, columns: &Columns, row: &TableRow) -> Option<String> {
        let cell = row.cells.get(*columns.status.first()?)?.trim();
        let cell = cell.trim_matches(['*', '_', ' ']);
        let words = cell.split_whitespace().count();
        let says_something = cell.chars().any(char::is_alphabetic)
            && (1..=4).contains(&words)
            && !NO_STATUS_YET.contains(&folded_words(cell).as_str());
        let unknown = || self.cells_status(table, columns, row).is_none();
        (says_something && unknown()).then(|| cell.to_string())
    }

    /// The item of one row of a status table; `name`, when given, is its
    /// text instead of the row's text column ([`card`](Self::card)).
    fn row_item(
        &self,
        table: &Table,
        columns: &Columns,
        row: &TableRow,
        inherited_owner: Option<&str>,
        name: Option<String>,
    ) -> Option<Item> {
        let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(String::as_str);
        // A key result's score is how far it went, whatever figures
        // of the metric stand before it (`| Current |` at `60%`).
        let score = cell(columns.score)
            .and_then(parse_number)
            .map(|score| (score * 1000.0).round() / 10.0);
        let percent = score
            .or_else(|| cell(columns.percent).and_then(row_percent))
            .or_else(|| columns.tally?.percent(&row.cells));
        let status =
            (self.cells_status(table, columns, row)).or_else(|| percent.map(status_of_percent))?;
        let percent = percent.or_else(|| {
            columns
                .status
                .iter()
                .find_map(|i| cell(Some(*i)).and_then(row_percent))
        });
        let id = cell(columns.id)
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        let text = name
            .or_else(|| cell(columns.text).map(clean_text))
            .filter(|t| !t.is_empty())
            .or_else(|| id.clone())?;
        let owner = cell(columns.owner)
            .and_then(|c| {
                self.first_handle(c, row.line).or_else(|| {
                    let c = c.trim();
                    let someone = !c.is_empty() && c != "-" && c != "—" && !names_no_one_yet(c);
                    someone.then(|| c.to_string())
                })
            })
            .or(inherited_owner.map(str::to_string));
        Some(Item {
            id: id.or_else(|| id_of(&text)),
            percent,
            points: cell(columns.points).and_then(parse_number),
            text,
            status,
            owner,
            due: None,
            source: Arc::clone(self.source),
            line: row.line,
            children: Vec::new(),
        })
    }

    /// The item of a *ticket card*: a table of one row with a status column
    /// and no column that names the row (corpus 22: `| Category | Status |
    /// Target Completion | Tracking | … |` under `### AutoNATv2`). The card
    /// describes its section, so the item is named by the section's
    /// heading, as a ticket-per-heading section is; its status, percentage,
    /// id, owner and points come from the row. Its due date (from the row's
    /// date column) is left to the caller, which knows the reference year.
    pub fn card(&self, table: &Table, heading: &str) -> Option<Item> {
        let [row] = table.rows.as_slice() else {
            return None;
        };
        let roles = tables::columns(table);
        if roles.contains(&tables::Column::Text) || !roles.contains(&tables::Column::Status) {
            return None;
        }
        let columns = Columns::analyse(table, self.vocabulary);
        let name = clean_text(&super::sections::section_title(heading));
        self.row_item(table, &columns, row, None, Some(name))
    }

    /// A section written as one ticket (`### ⏳ 2. GED - Upload Documents`
    /// followed by `**Statut** : ⏳ À faire`, corpus `04_…`): one item whose
    /// text is the heading. Only for sections with no items and no
    /// subsections of their own (bold lines used as headings that hold
    /// nothing do not count: corpus 18's `**Work Required:**`).
    ///
    /// ⚠️ and 🔄 also decorate headings (`## ⚠️ POINTS D'ATTENTION`, `## 🔄
    /// Daily Update Template`, corpus 07 and 15): alone among their sibling
    /// headings, they are that, not a status ([`Siblings::tickets`]).
    ///
    /// A numbered heading with no status of its own under a heading that
    /// has one (`### 1. Galerie Photos` under `## ⏳ PHASE 3 - NON
    /// COMMENCÉE (0%)`, corpus 04) is a ticket of its parent's status
    /// ([`Siblings::parent_status`]).
    pub fn ticket_heading(&self, section: &OutlineSection, siblings: Siblings) -> Option<Item> {
        if !siblings.tickets && section.heading.starts_with(HEADING_DECORATIONS) {
            return None;
        }
        let (status, text) = match self.heading_status(section) {
            Some(found) => found,
            // A heading that says a status anywhere (`~~1. Vercel Build
            // Failing~~ ✅ RÉSOLU`, corpus 01), though not where it would
            // make a ticket of it, does not take its parent's.
            None if is_numbered(&section.heading)
                && !self.vocabulary.holds_status(&section.heading) =>
            {
                (siblings.parent_status?, section.heading.as_str())
            }
            None => return None,
        };
        let text = clean_text(text);
        if text.is_empty() {
            return None;
        }
        Some(Item {
            id: id_of(&text),
            percent: percent_of(&section.heading),
            points: points_of(&section.heading),
            text,
            status,
            owner: None,
            due: None,
            source: Arc::clone(self.source),
            line: section.line,
            children: Vec::new(),
        })
    }

    /// The status a heading gives its section as a ticket, and the text
    /// after its symbol: a status symbol it starts with, else a `Statut :`
    /// line right under it.
    fn heading_status<'s>(&self, section: &'s OutlineSection) -> Option<(Status, &'s str)> {
        // A calendar emoji decorates a heading (`### 📅 Actions Court Terme`), it is not a status.
        if section.heading.starts_with('📅') {
            return None;
        }
        if let Some(found) = self.vocabulary.item_marker_at_start(&section.heading) {
            return Some(found);
        }
        if let Some(found) = self.status_in_parentheses(&section.heading) {
            return Some(found);
        }
        Some((self.status_line_under(section)?, &section.heading))
    }

    /// A status in parentheses that ends a heading (corpus 18: `### Phase
    /// 4: Domain API Consolidation (Not Started)`), and the heading before
    /// it. The parentheses hold a status and nothing else: `(4h)` and
    /// `(Optionnel)` are none, and neither is corpus 07's `### 🔥 Priorité
    /// CRITIQUE (À faire immédiatement)`, a priority over the tasks it
    /// lists, not one task to do.
    fn status_in_parentheses<'s>(&self, heading: &'s str) -> Option<(Status, &'s str)> {
        let inside = heading.trim_end().strip_suffix(')')?;
        let open = inside.rfind('(')?;
        let value = inside[open + 1..].trim();
        // `(60%)`, `(2024)`: no word, no symbol, no status.
        if !value.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            return None;
        }
        let value = match self.vocabulary.item_marker_at_start(value) {
            Some((status, "")) => return Some((status, inside[..open].trim_end())),
            Some((_, rest)) => rest,
            None => value,
        };
        let (status, end) = self.vocabulary.phrase_at_start(value)?;
        (words_outside_parentheses(&value[end..]) == 0).then(|| (status, inside[..open].trim_end()))
    }

    /// What the headings `sections` stand among tell each of them:
    /// whether one of them reads as a ticket by a plain status (a heading
    /// with a status ([`heading_status`](Self::heading_status)) other than
    /// a decoration, over no subsections; `## ✅ CE QUI EST FAIT` over its
    /// `###` parts is not one), and the status their `parent` heading
    /// gives the tasks it numbers.
    pub fn siblings(
        &self,
        parent: Option<&OutlineSection>,
        sections: &[OutlineSection],
    ) -> Siblings {
        if sections.is_empty() {
            return Siblings::default();
        }
        let tickets = sections.iter().any(|s| {
            s.children.is_empty()
                && !s.heading.starts_with(HEADING_DECORATIONS)
                && self.heading_status(s).is_some()
        });
        // A phase in progress says nothing of each of its tasks; one not
        // started, done, blocked or dropped says it of all of them.
        let parent_status = parent
            .and_then(|parent| self.heading_status(parent))
            .map(|(status, _)| status)
            .filter(|&status| status != Status::InProgress);
        Siblings {
            tickets,
            parent_status,
        }
    }

    /// The status given by a `Statut :` line right under a heading.
    fn status_line_under(&self, section: &OutlineSection) -> Option<Status> {
        let first_line = match section.blocks.first()? {
            Block::Paragraph(lines) => lines.first()?.text.clone(),
            Block::List(entries) => entries.first()?.first_line().to_string(),
            _ => return None,
        };
        let (label, value) = first_line.split_once(':')?;
        let label = fold(label.trim());
        if !STATUS_LABELS.contains(&label.as_str()) {
            return None;
        }
        self.vocabulary.status_of_value(value)
    }
}

/// Status symbols that also decorate headings: a warning sign, an update.
const HEADING_DECORATIONS: [char; 2] = ['⚠', '🔄'];

/// What the sibling headings of a section, and the heading over them, say
/// of it as a ticket ([`ItemReader::siblings`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Siblings {
    /// One of the sibling headings is a ticket with a plain status.
    pub tickets: bool,
    /// The status of the heading over them, when it speaks for each task
    /// under it (not in progress).
    pub parent_status: Option<Status>,
}

/// Whether a heading is numbered as the entries of a numbered list are
/// (`1. Galerie Photos`, `2) Export`, `1.2 Import`): a year or a figure
/// (`2026 Roadmap`, `10.000 utilisateurs`) is not.
fn is_numbered(heading: &str) -> bool {
    let text = heading.trim_start_matches(['*', '_', ' ']);
    let digits = |text: &str| text.bytes().take_while(u8::is_ascii_digit).count();
    let first = digits(text);
    if !(1..=3).contains(&first) {
        return false;
    }
    let rest = &text[first..];
    if rest.starts_with(". ") || rest.starts_with(") ") {
        return true;
    }
    // `1.2 Import`, `1.2. Import`: a sub-number of one or two digits.
    let Some(after_dot) = rest.strip_prefix('.') else {
        return false;
    };
    let second = digits(after_dot);
    (1..=2).contains(&second) && after_dot[second..].starts_with([' ', '.'])
}

/// What each column of a status table holds.
#[derive(Debug, Default)]
pub struct Columns {
    pub status: Vec<usize>,
    /// The status columns that are checkbox columns
    /// ([`tables::is_check_column`]): an empty cell there is a `No`.
    pub checks: Vec<usize>,
    /// The status columns of test results
    /// ([`tables::is_verdict_column`]): `KO` there is a failed test.
    pub verdicts: Vec<usize>,
    pub percent: Option<usize>,
    pub id: Option<usize>,
    pub owner: Option<usize>,
    pub points: Option<usize>,
    pub text: Option<usize>,
    /// Columns of figures that give each row its percentage
    /// ([`tables::tally`]).
    pub tally: Option<tables::Tally>,
    /// An OKR table's column of scores from 0 to 1
    /// ([`tables::is_score_column`]).
    pub score: Option<usize>,
}

const STATUS_HEADERS: &[&str] = &[
    "statut",
    "status",
    "etat",
    "state",
    "estado",
    "complet",
    // MS Project's French `% achevé`.
    "acheve",
    "avancement",
    "progress",
    "progression",
    "done",
    "progreso",
    "stato",
    "avanzamento",
    "situacao",
    "andamento",
];
const ID_HEADERS: &[&str] = &["id", "ticket", "cle", "key", "#", "ref", "n°", "no"];
const POINTS_HEADERS: &[&str] = &["points", "pts", "sp", "story points"];

/// Whether a first column's cells are all short codes, letters then a
/// number (a German work breakdown's `AP1`, `AP2`, a plan's `L1`, `WP3`):
/// the rows' ids, the work named in a column after them.
fn is_code_column(cells: &[&str]) -> bool {
    let is_code = |cell: &&str| {
        let letters = cell.bytes().take_while(u8::is_ascii_uppercase).count();
        let digits = &cell[letters..];
        (1..=4).contains(&letters)
            && (1..=3).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
    };
    !cells.is_empty() && cells.iter().all(is_code)
}

/// `Story Points`, `Storypoints`, `Story pts`: the points of a story; a
/// `Story` column alone names it (a sprint review's `| Story | Points |
/// Status |`).
fn is_story_points(header: &str) -> bool {
    header.starts_with("story") && (header.contains("point") || header.ends_with("pts"))
}
/// Columns that hold the figure aimed at, never the figure reached: in seed
/// `001_…` `| Code backend développé | 100% | 0% | ❌ |` under `| Métrique |
/// Cible | Actuel | Statut |` is at 0%, not 100%.
const TARGET_HEADERS: &[&str] = &["cible", "target", "objectif", "goal"];
/// Columns that say what kind of work a row is: they name it only when no
/// other column can (a RAID log's `| ID | Type | Description |` is named
/// by its description, of type `Risk`; corpus 22's `| Category | Status |`
/// by its category).
const KIND_HEADERS: &[&str] = &["type", "categor"];
/// Columns that qualify an item but never name it: a header word that
/// begins with one of these, or, for the short ones, is one of them or
/// its plural ([`qualifies`]).
const QUALIFIER_HEADERS: &[&str] = &[
    "priorit",
    "complexit",
    "effort",
    "sprint",
    "estimat",
    "duree",
    "duration",
    "date",
    "echeance",
    "deadline",
    "due",
    "target",
    "cible",
    "start",
    "end",
    "debut",
    "fin",
    "version",
];

/// Whether header word `word` is the qualifier `qualifier`: begins with
/// it (`priorit` of `priorite`, `date` of `dated`), though a short one
/// must be the whole word or its plural, as inside a word it is other
/// letters: `end` of `Dependency`, `Vendor` and `Calendar`, `fin` of
/// `Definition`, `date` of `Validated` (a RAID log's `| ID | Dependency |
/// On |` is named by its dependency, not by whom it is on).
fn qualifies(word: &str, qualifier: &str) -> bool {
    word.starts_with(qualifier) && (qualifier.len() >= 5 || word.len() <= qualifier.len() + 1)
}

impl Columns {
    pub fn analyse(table: &Table, vocabulary: &Vocabulary) -> Columns {
        let mut columns = Columns::default();
        // The outline's cells are trimmed: the folded header is the table's own.
        let headers = tables::folded_header(table);
        let column = |i: usize| -> Vec<&str> {
            table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect()
        };
        let mostly = |i: usize, test: &dyn Fn(&str) -> bool| at_least_half(&column(i), test);
        let mut excluded = vec![false; headers.len()];
        let mut kinds = Vec::new();
        // A column of percentages headed as progress or status (`Progression`)
        // says how far a row is, over one of figures reached before it (an
        // OKR's `| Actuel | Progression |`: 99,91 %, then 80 %).
        let mut percent_headed = false;
        columns.tally = tables::tally(table);
        for i in columns.tally.iter().flat_map(tables::Tally::columns) {
            excluded[i] = true;
        }
        for (i, header) in headers.iter().enumerate() {
            if excluded[i] {
                continue;
            }
            if tables::is_score_column(table, i) {
                columns.score = Some(i);
                excluded[i] = true;
                continue;
            }
            let words: Vec<&str> = header
                .split(|c: char| !c.is_alphanumeric() && c != '#' && c != '°')
                .filter(|w| !w.is_empty())
                .collect();
            let has_word = |list: &[&str]| list.iter().any(|w| words.contains(w) || header == w);
            let is_percent = mostly(i, &|c| cell_percent(c).is_some());
            let verdicts = tables::is_verdict_column(table, i);
            if STATUS_HEADERS.iter().any(|w| header.contains(w))
                || verdicts
                || tables::is_answer_column(table, i)
                || tables::columns(table).get(i) == Some(&tables::Column::Status)
            {
                if verdicts {
                    columns.verdicts.push(i);
                }
                if is_percent && !percent_headed {
                    columns.percent = Some(i);
                    percent_headed = true;
                }
                columns.status.push(i);
                if tables::is_check_column(table, i) {
                    columns.checks.push(i);
                }
                excluded[i] = true;
            } else if is_percent && !TARGET_HEADERS.iter().any(|w| header.contains(w)) {
                columns.percent.get_or_insert(i);
                excluded[i] = true;
            } else if (has_word(ID_HEADERS) && !tables::names_key_results(header))
                || (i == 0 && mostly(i, &|c| c.split_whitespace().count() == 1 && ID.is_match(c)))
                || (i == 0 && is_code_column(&column(i)))
            {
                columns.id.get_or_insert(i);
                excluded[i] = true;
            } else if has_word(tables::OWNER_HEADER_WORDS) {
                columns.owner.get_or_insert(i);
                excluded[i] = true;
            } else if POINTS_HEADERS.contains(&header.as_str()) || is_story_points(header) {
                columns.points.get_or_insert(i);
                excluded[i] = true;
            } else if KIND_HEADERS.iter().any(|w| header.contains(w)) {
                kinds.push(i);
                excluded[i] = true;
            } else if QUALIFIER_HEADERS.iter().any(|q| words.iter().any(|w| qualifies(w, q)))
                || mostly(i, &|c| parse_number(c).is_some())
                // The word count first: a status lookup costs far more.
                || mostly(i, &|c| {
                    c.split_whitespace().count() <= 3 && vocabulary.status_of_value(c).is_some()
                })
            {
                excluded[i] = true;
            }
        }
        columns.text = tables::name_column(table, (0..headers.len()).filter(|i| !excluded[*i]))
            .or(kinds.first().copied());
        // A first column that only numbers the rows (`Lot 1`, `Lot 2`)
        // beside one that says what each is (`Paie`) is the rows' id.
        if columns.id.is_none() && columns.text == Some(0) && is_numbered_series(&column(0)) {
            let others = (1..headers.len()).filter(|i| !excluded[*i]);
            if let Some(name) = tables::name_column(table, others) {
                columns.id = Some(0);
                columns.text = Some(name);
            }
        }
        columns
    }
}

/// The percentage a table cell gives as its whole: a short figure (`70
/// %`, `🟡 50%`), or a progress bar with or without one (`▓▓▓▓▓▓▓░░░
/// 70%`, `[####------] 40%`). A sentence holding a percentage is none.
fn cell_percent(cell: &str) -> Option<f64> {
    (percent_of(cell).filter(|_| cell.len() <= 12))
        .or_else(|| super::declarations::bar_cell_percent(cell))
}

/// The percentage a row's cell gives: a progress bar's, else the first
/// figure of progress it holds (`En cours (60 % réalisé)`).
fn row_percent(cell: &str) -> Option<f64> {
    super::declarations::bar_cell_percent(cell).or_else(|| percent_of(cell))
}

/// Whether `cells` number a series of one thing: each is the same word
/// and a number (`Lot 1`, `Lot 2`, `Phase 3`, `Étape 2b`), as a
/// programme's table names its lots before saying what each is.
fn is_numbered_series(cells: &[&str]) -> bool {
    let word_and_number = |cell: &str| -> Option<String> {
        let (word, number) = cell.split_once(' ')?;
        let numbered = number.starts_with(|c: char| c.is_ascii_digit())
            && number
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.');
        (numbered && word.chars().all(char::is_alphabetic)).then(|| word.to_lowercase())
    };
    let mut words = cells.iter().map(|cell| word_and_number(cell));
    match words.next() {
        Some(Some(first)) => cells.len() > 1 && words.all(|word| word.as_ref() == Some(&first)),
        _ => false,
    }
}

/// Labels of properties of a task (`Dépend de`, `Blocage actuel`,
/// `Priorité`): a list entry made of one of them and a status is not a task.
const PROPERTY_LABELS: &[&str] = &[
    "blocage",
    "blocage actuel",
    "depend de",
    "dependances",
    "dependencies",
    "depends on",
    "estimation",
    "estimate",
    "priorite",
    "priority",
    "impact",
    "probabilite",
    "probability",
    "eta",
    "duree",
    "duration",
    "effort",
    "note",
    "notes",
    "blockers",
    "blocker",
    "risque",
    "risk",
    "owner",
    "responsable",
    "responsabile",
    "statut",
    "status",
    "etat",
    "state",
    "stato",
];

/// Whether `cells` are not empty and at least half of them pass `test`,
/// testing only until that is sure either way.
pub(super) fn at_least_half(cells: &[&str], test: &dyn Fn(&str) -> bool) -> bool {
    let mut passed = 0;
    for (read, cell) in cells.iter().enumerate() {
        passed += usize::from(test(cell));
        if passed * 2 >= cells.len() {
            return true;
        }
        if (passed + cells.len() - read - 1) * 2 < cells.len() {
            return false;
        }
    }
    false
}

fn is_property_label(text: &str) -> bool {
    let normalized = fold(text);
    let label = normalized.trim_end_matches(|c: char| !c.is_alphanumeric());
    PROPERTY_LABELS.contains(&label)
}

/// `**Total P0.1**`, `TOTAL`, `Total` in the first cell.
pub fn is_total_row(cells: &[String]) -> bool {
    cells
        .first()
        .map(|c| fold(c.trim()))
        .is_some_and(|c| c == "total" || c.starts_with("total ") || c.starts_with("total:"))
}

/// The status a bare percentage implies: 100 done, 0 to do, else in progress.
pub fn status_of_percent(percent: f64) -> Status {
    if percent >= 100.0 {
        Status::Done
    } else if percent <= 0.0 {
        Status::Todo
    } else {
        Status::InProgress
    }
}

/// The text before a trailing status clause that starts at byte `start`.
/// A clause inside parentheses takes its opening with it: `résolus (100%
/// ✅)` keeps `résolus`, not `résolus (100%`.
fn before_clause(text: &str, start: usize) -> &str {
    let kept = &text[..start];
    match kept.rfind('(') {
        Some(open) if !kept[open..].contains(')') => &kept[..open],
        _ => kept,
    }
}

/// The first percentage of `text` that is about the item itself: at the
/// start, after `:` `(` `~` `|` or a status symbol (`❌ 0%`), never after a
/// comparison or a word (`> 85%`, `minimum 80%`); and, past the start
/// and the symbols, when a word follows it, one that speaks of progress
/// (`(80% réalisé)`, not `(10% sample)`).
pub fn percent_of(text: &str) -> Option<f64> {
    memchr::memchr_iter(b'%', text.as_bytes()).find_map(|sign| {
        let number = number_before(text, sign)?;
        let before = text[..number.start].trim_end();
        let previous = before.chars().last();
        // At the start or after a status symbol, the item's own words
        // follow (`🟡 50% Vault`); elsewhere, the percentage's.
        let opens_item = previous.is_none_or(is_symbol);
        // A spaced dash parts the item's text from its figure (`In-app
        // chat — 60%`), as a colon does.
        let after_dash = before.ends_with(['—', '–']) || before.ends_with(" -");
        let about_item = opens_item
            || after_dash
            || previous.is_some_and(|c| matches!(c, ':' | '(' | '~' | '|' | '*' | '='));
        if !about_item
            || before.ends_with(['.', ','])
            || !opens_item && !speaks_of_progress(&text[sign + 1..])
        {
            return None;
        }
        let value: f64 = text[number].replace(',', ".").parse().ok()?;
        (0.0..=100.0).contains(&value).then_some(value)
    })
}

/// How many of how many units an item says it has done, as a
/// percentage: `Migration des contenus : 340 / 500 pages` is 68 % done,
/// `12 of 20 tickets closed` 60 %, `3 sur 4 écrans` 75 %. The figures
/// are followed by a word for what they count ([`COUNTED_WORDS`]), which
/// tells them from a date (`12/2026`) or a version, and not by a word
/// saying the count is of what is left (`3/10 tests failing`, `5 of 8
/// tickets open`). Only an open item's count is read: a done one's
/// (`Final regression run — 412/415 passed`) says how it ended.
fn counted_percent(text: &str) -> Option<f64> {
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[\s(:])([0-9]+) *(?:/|of |out of |sur ) *([0-9]+)\s+(\p{L}+)(?:\s+(\p{L}+))?",
        )
        .expect("valid regex")
    });
    /// Beginnings of the words that say a count is of what is left (folded).
    const LEFT_WORDS: &[&str] = &[
        "open", "ouvert", "left", "remain", "restant", "reste", "fail", "ko", "echou", "bloqu",
        "block", "pending", "todo", "missing", "manqu",
    ];
    if !may_count(text) {
        return None;
    }
    COUNT.captures_iter(text).find_map(|captures| {
        let done: f64 = captures.get(1)?.as_str().parse().ok()?;
        let all: f64 = captures.get(2)?.as_str().parse().ok()?;
        let counted = fold(captures.get(3)?.as_str());
        let left = captures.get(4).is_some_and(|next| {
            let next = fold(next.as_str());
            LEFT_WORDS.iter().any(|w| next.starts_with(w))
        });
        if all <= 0.0 || done > all || !COUNTED_WORDS.contains(&counted.as_str()) || left {
            return None;
        }
        Some((done * 1000.0 / all).round() / 10.0)
    })
}

/// Whether `text` may hold a count of [`counted_percent`]'s: a digit
/// followed, after spaces, by `/`, `of `, `out of ` or `sur `, as its
/// pattern reads them. One pass over its bytes: most items hold none,
/// and the pattern costs far more.
fn may_count(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(u8::is_ascii_digit) {
        let mut next = i + at;
        while bytes.get(next).is_some_and(u8::is_ascii_digit) {
            next += 1;
        }
        while bytes.get(next) == Some(&b' ') {
            next += 1;
        }
        let rest = &bytes[next..];
        if rest.starts_with(b"/")
            || rest.starts_with(b"of ")
            || rest.starts_with(b"out of ")
            || rest.starts_with(b"sur ")
        {
            return true;
        }
        i = next;
    }
    false
}

/// A status clause's text past the health circle that may stand before
/// its phrase, and the figure before the circle, as an OKR's key results
/// write how far and how well they go (`— 65 % 🟢 On track`, `— 🟡 At
/// risk`): the phrase says the status, the circle only its health. A
/// figure before a phrase without a circle is no clause (`Couverture :
/// 85 % atteint` is a coverage reached, not a task done).
fn past_figure_and_circle(clause: &str) -> &str {
    let figure = clause.find('%').filter(|&sign| {
        let number = clause[..sign].trim_end();
        !number.is_empty()
            && number
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    });
    let rest = figure.map_or(clause, |sign| clause[sign + 1..].trim_start());
    after_health_circle(rest).unwrap_or(clause)
}

/// Words after a percentage that make it the item's progress (folded),
/// in any agreement ([`word_matches`]: `realisees`, `faite`). `d'`, `de`,
/// `du` and `en` are read through (`60 % d'avancement`, `50 % en cours`).
const PROGRESS_WORDS: &[&str] = &[
    "realise",
    "complete",
    "complet",
    "completed",
    "fait",
    "fini",
    "termine",
    "acheve",
    "accompli",
    "done",
    "finished",
    "avancement",
    "avance",
    "progress",
    "progression",
    "cours",
    "completato",
    "avanzamento",
];

/// Whether what follows a `%` leaves it the item's progress: no word at
/// all (`(100%)`, `60% - en cours`, `(100% ✅)`), or a progress word. A
/// percentage of something else is not the item's: `(10% sample)`,
/// `(100% passants)` (its tests), `(~85% atteint)` (a coverage reached),
/// `(5% restant)`.
fn speaks_of_progress(after: &str) -> bool {
    let mut rest = after.trim_start();
    loop {
        let word_end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        if word_end == 0 {
            return true;
        }
        let word = fold(&rest[..word_end]);
        if !matches!(word.as_str(), "d" | "de" | "du" | "en" | "di") {
            return PROGRESS_WORDS
                .iter()
                .any(|known| word_matches(&word, known));
        }
        rest = rest[word_end..].trim_start_matches(|c: char| c.is_whitespace() || "'’".contains(c));
    }
}

/// Where the number that the `%` at byte `sign` closes is: what the
/// pattern `(\d{1,3}(?:[.,]\d+)?)\s*%` captures for that sign (`80 %`,
/// `12,5%`, and of `1234%` the `234` it would find), read backwards from
/// the sign. Every item line is asked; a regex search was a hundred times
/// slower than these few bytes.
fn number_before(text: &str, sign: usize) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let end = text[..sign].trim_end().len();
    let digits_from = |to: usize| {
        let run = bytes[..to]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        to - run
    };
    let start = digits_from(end);
    if start == end {
        return None;
    }
    if start > 0 && matches!(bytes[start - 1], b'.' | b',') {
        let separator = start - 1;
        let whole = digits_from(separator);
        if whole < separator {
            return Some(whole.max(separator.saturating_sub(3))..end);
        }
    }
    Some(start.max(end.saturating_sub(3))..end)
}

fn points_of(text: &str) -> Option<f64> {
    if !text.bytes().any(|b| b == b'(' || b == b'[') || !holds_digit(text) {
        return None;
    }
    POINTS
        .captures(text)
        .and_then(|c| c.get(1))
        .and_then(|m| parse_number(m.as_str()))
}

fn parse_number(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok()
}

/// The ticket key an item's text starts with (`TICKET-101 : …`, `#42
/// …`), else the issue or pull request number it ends with, as a
/// release's tracking issue lists them (`New query planner (#1203)`,
/// `Fix the leak #1262`, an owner's handle after it at most).
fn id_of(text: &str) -> Option<String> {
    let text = text.trim_start();
    // Every id starts with `#` or a capital letter, and holds a digit.
    if !holds_digit(text) {
        return None;
    }
    let at_start = text.starts_with(|c: char| c == '#' || c.is_ascii_uppercase());
    (at_start
        .then(|| ID.captures(text).and_then(|c| c.get(1)))
        .flatten())
    .map(|m| m.as_str().to_string())
    .or_else(|| issue_at_end(text))
}

/// `#1203` when `text` ends with it, in parentheses or not, before an
/// `@handle` at most.
fn issue_at_end(text: &str) -> Option<String> {
    memchr::memchr(b'#', text.as_bytes())?;
    let mut text = text.trim_end();
    if let Some((before, last)) = text.rsplit_once(' ') {
        if last.starts_with('@') {
            text = before.trim_end();
        }
    }
    let last = match text.strip_suffix(')') {
        Some(body) => &body[body.rfind('(')? + 1..],
        None => text.rsplit(' ').next()?,
    };
    let digits = last.strip_prefix('#')?;
    let number = (1..=7).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    number.then(|| last.to_string())
}

/// An emoji or symbol character (`✅`, `⏳`, `🔵`): not a letter, digit,
/// space or ordinary punctuation.
fn is_symbol(c: char) -> bool {
    (c as u32) >= 0x2190
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !matches!(
            c,
            '—' | '–' | '…' | '’' | '‘' | '“' | '”' | '«' | '»' | '€' | '→'
        )
}

/// `text` without what stands in parentheses or brackets (nor the
/// parentheses themselves): `En cours (80% réalisé)` keeps `En cours `.
fn outside_parentheses(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut depth = 0usize;
    text.chars().filter(move |c| match c {
        '(' | '[' => {
            depth += 1;
            false
        }
        ')' | ']' => {
            depth = depth.saturating_sub(1);
            false
        }
        _ => depth == 0,
    })
}

/// The words of `text` outside parentheses ([`outside_parentheses`]), not
/// counting numbers: runs of letters and digits, as they run on once the
/// parentheses are taken out (`a(b)c` is one word).
fn words_outside_parentheses(text: &str) -> usize {
    let mut words = 0;
    // `Some(true)` inside a word of digits only so far.
    let mut word: Option<bool> = None;
    for c in outside_parentheses(text) {
        if c.is_alphanumeric() {
            word = Some(word.unwrap_or(true) && c.is_ascii_digit());
        } else if let Some(digits) = word.take() {
            words += usize::from(!digits);
        }
    }
    words + usize::from(word == Some(false))
}

/// Byte offset of the space before the last `dash` that has a space on
/// each side: what `text.rfind(" — ")` finds, without setting up a
/// substring searcher for every item text.
fn rfind_spaced(text: &str, dash: char) -> Option<usize> {
    text.rmatch_indices(dash).find_map(|(at, _)| {
        let spaced = text[..at].ends_with(' ') && text[at + dash.len_utf8()..].starts_with(' ');
        spaced.then(|| at - 1)
    })
}

/// Item text: trailing separators, dangling `Statut :` labels and a trailing
/// owner segment (`— @Imrane`, `— Responsable : @Imrane`) removed.
pub fn clean_text(text: &str) -> String {
    let mut text = text.trim().to_string();
    loop {
        // Each step only cuts the end off: an unchanged length is an unchanged text.
        let before = text.len();
        trim_trailing_separators(&mut text);
        for label in status_labels_ending(&text) {
            if folds_ending_with(&text, label) {
                cut_status_label(&mut text, label);
            }
        }
        cut_trailing_owner(&mut text);
        if text.len() == before {
            // Trimmed already, most of the time: then kept, not copied.
            return match text.trim() {
                trimmed if trimmed.len() == text.len() => text,
                trimmed => trimmed.to_string(),
            };
        }
    }
}

/// Cuts off the spaces, separators and symbols that end `text`.
fn trim_trailing_separators(text: &mut String) {
    let end = text
        .trim_end_matches(|c: char| {
            c.is_whitespace() || "-—–:|,;→".contains(c) || is_symbol(c) || c == '\u{fe0f}'
        })
        .len();
    text.truncate(end);
}

/// Cuts off `label`, which `text` folded ends with, when it stands apart
/// (`Migrer la base — Statut`); `true` when it did. A label the sentence
/// ends with is one of its words: `Configurer routing et state` (corpus
/// 07), `Update status`.
fn cut_status_label(text: &mut String, label: &str) -> bool {
    let cut = (text.char_indices().rev())
        .nth(label.chars().count() - 1)
        .map(|(i, _)| i);
    let apart = |before: &str| {
        let before = before.trim_end();
        before.is_empty() || before.ends_with(|c: char| "-—–:|,;(".contains(c) || is_symbol(c))
    };
    match cut {
        Some(cut) if apart(&text[..cut]) => {
            text.truncate(cut);
            true
        }
        _ => false,
    }
}

/// A labelled owner's value when it is a name: at most four words and
/// no figure (`Priya`, `Jean Dupont`), as written.
pub(super) fn name_alone(value: &str) -> Option<String> {
    let words = value.split_whitespace().count();
    (words > 0 && words <= 4 && !value.chars().any(|c| c.is_ascii_digit()))
        .then(|| value.trim_end_matches(['.', ',']).to_string())
}

/// Cuts off a last clause after a spaced dash that names an owner
/// (`— @Imrane`, `— Responsable : Imrane`).
fn cut_trailing_owner(text: &mut String) {
    for dash in ['—', '–'] {
        if let Some(index) = rfind_spaced(text, dash) {
            let segment = text[index + dash.len_utf8() + 2..].trim();
            let is_owner = (segment.starts_with('@') && !segment.contains(' '))
                || OWNER_LABEL.is_match(segment);
            if is_owner {
                text.truncate(index);
            }
        }
    }
}

/// The labels of [`STATUS_LABELS`] that `text`, folded, may end with: those
/// ending with its last folded letter (`t`, `s`, `e`, `o`, `d`), so that
/// most texts are checked against one or two labels, or none.
/// Whether `text` is a stand-up's answer: a label that is one of its
/// questions (`Yesterday`, `**Heute:**`) before a colon, and words after
/// it that say something (`Tomorrow: nothing` names no work). `Done: 30
/// of 42` is no such line: done work is a list's entries.
fn answers_stand_up(text: &str) -> bool {
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    // The questions are short words: most lines are ruled out unfolded.
    let label = label.trim().trim_matches(['*', '_']).trim();
    let rest = rest.trim_start().trim_start_matches(['*', '_']);
    label.len() <= 12
        && rest.chars().any(char::is_alphabetic)
        && super::sections::stand_up_status(&folded_words(label)).is_some()
        && !super::risks::says_nothing(rest)
}

fn status_labels_ending(text: &str) -> impl Iterator<Item = &'static str> {
    let mut last = None;
    for c in text.chars().rev() {
        match fold_char(c) {
            FoldedChar::Nothing => continue,
            FoldedChar::One(one) => last = Some(Some(one)),
            // Several characters: any label may end them.
            FoldedChar::Several(_) => last = Some(None),
        }
        break;
    }
    STATUS_LABELS
        .iter()
        .copied()
        .filter(move |label| match last {
            Some(Some(one)) => label.ends_with(one),
            Some(None) => true,
            None => false,
        })
}

/// Whether what follows a handle ends its segment: nothing, or a separator.
fn stands_apart(after: &str) -> bool {
    let rest = after.trim_start();
    // A kanban board card's date (`@marc @{2026-12-10}`).
    let board_date = after.starts_with(' ') && (rest.starts_with("@{") || rest.starts_with("@@{"));
    board_date
        || rest.is_empty()
        || rest.starts_with(['—', '–', '-', ':', '|', ',', ';', ')', ']', '('])
        || (after.starts_with(char::is_whitespace) && rest.starts_with(['&', '+']))
}

/// Whether the handle whose name is `name` (bytes of an item's line
/// `text`, without the `@`) is the first word of its task, after its box at most: minutes'
/// action items name who does what first (`- [ ] @bob to send the
/// pricing deck`, `- [x] @dan shared the press kit`).
fn opens_the_task(text: &str, name: &Range<usize>) -> bool {
    let before = text[..name.start - 1].trim();
    let boxed = before.len() <= 5 && before.starts_with('[') && before.ends_with(']');
    // The handle's name runs to a space: `@Aïcha` is no handle `@A`.
    text[name.end..].starts_with(char::is_whitespace) && (before.is_empty() || boxed)
}

/// Cells of a status column that say nothing yet, rather than a status
/// sitrep does not know (folded).
const NO_STATUS_YET: &[&str] = &["n a", "na", "tbd", "tbc", "nc", "none", "aucun"];

/// Whether byte `at` of `text` is inside an open parenthesis.
fn inside_parentheses(text: &str, at: usize) -> bool {
    let before = &text[..at];
    before.matches('(').count() > before.matches(')').count()
}

/// The status words a plain-text to-do list writes in capitals before a
/// task (org-mode's `TODO` and `DONE`, `WIP`, `BLOCKED`, `FAIT`, `À
/// FAIRE`), folded. Only these: `OPEN SOURCE the SDK` is no open task, and
/// `Done with the migration` is a sentence.
const KEYWORDS: &[&str] = &[
    "done",
    "todo",
    "to do",
    "wip",
    "doing",
    "in progress",
    "blocked",
    "waiting",
    "cancelled",
    "canceled",
    "fait",
    "termine",
    "a faire",
    "en cours",
    "bloque",
    "annule",
];

/// The status of the keywords of Logseq's default workflow, which are no
/// status words elsewhere: `NOW` is under way, `LATER` to do (`- NOW dbt
/// models for finance`).
fn logseq_keyword(word: &str) -> Option<Status> {
    match word {
        "NOW" => Some(Status::InProgress),
        "LATER" => Some(Status::Todo),
        _ => None,
    }
}

/// Whether the handle whose name starts at byte `at` of `text` opens its
/// parentheses and a date or a figure follows it after a comma: a task
/// list's `(@alice, due 2026-12-01)`, `(@bob; 3 pts)`, `(@paul, fin
/// décembre)`. Other words alone after it do not (`(@mentions,
/// déplacements…)` names features).
fn opens_an_aside_with_a_date(text: &str, at: usize) -> bool {
    let (Some(open), Some(close)) = (text[..at].rfind('('), text[at..].find(')')) else {
        return false;
    };
    let after_name = text[at..at + close]
        .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    text[open + 1..at].trim() == "@"
        && after_name.starts_with([',', ';'])
        && (after_name.bytes().any(|b| b.is_ascii_digit())
            || super::dates::names_a_month(after_name))
}

/// Whether the parentheses around byte `at` of `text` hold nothing but
/// handles (`(@alice)`, `(@alice, @bob)`, `(@alice et @bob)`).
fn among_handles_only(text: &str, at: usize) -> bool {
    let (Some(open), Some(close)) = (text[..at].rfind('('), text[at..].find(')')) else {
        return false;
    };
    (text[open + 1..at + close].split([' ', ',', ';', '/', '&']))
        .filter(|word| !word.is_empty())
        .all(|word| word.starts_with('@') || matches!(word, "et" | "and"))
}

/// Whether every occurrence of `needle` in the source line is inside inline code.
fn only_in_code(source: &str, needle: &str) -> bool {
    let mut seen = false;
    for (index, piece) in source.split('`').enumerate() {
        if piece.contains(needle) {
            if index % 2 == 0 {
                return false;
            }
            seen = true;
        }
    }
    seen
}

/// A key result's score at the end of its line, graded from 0 to 1 as
/// OKRs are (`- KR1: Raise ARR to $120k — now $104k (score 0.5)`,
/// `- KR 2.1 … — score: 0,7`), as a percentage, and where it starts.
/// Read only on a line that names a key result ([`key_result_progress`]):
/// elsewhere a score may be anything.
fn key_result_score(text: &str) -> Option<(f64, usize)> {
    static SCORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[\s(\[,;—–-]*\bscore\s*[:=]?\s*([01](?:[.,]\d{1,2})?)\s*[)\]]?\s*$")
            .expect("valid regex")
    });
    let captures = SCORE.captures(text)?;
    let score: f64 = captures.get(1)?.as_str().replace(',', ".").parse().ok()?;
    (0.0..=1.0).contains(&score).then(|| {
        (
            (score * 1000.0).round() / 10.0,
            captures.get(0).map_or(0, |m| m.start()),
        )
    })
}

/// How far a key result's line says it went, as a percentage, and
/// where the figure starts: its score ([`key_result_score`]), else its
/// closing percentage ([`key_result_percent`]). Only a line that names a
/// key result (`KR1`, `KR 2.1`).
fn key_result_progress(text: &str) -> Option<(f64, usize)> {
    static KEY_RESULT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^\w]*KR\s?\d").expect("valid regex"));
    if !KEY_RESULT.is_match(text) {
        return None;
    }
    key_result_score(text).or_else(|| key_result_percent(text))
}

/// How far a key result is, by the percentage its line ends with, in
/// parentheses or after a dash, a health circle after it at most (`- KR1:
/// Self-serve MRR from $120k to $160k — currently $141k (53%) 🟡`, `—
/// 53%`, `: 53%`), and where that figure starts. Read only on a line
/// that names a key result ([`key_result_progress`]): elsewhere a closing
/// figure may be anything (`Reduce churn (5%)`); and only so set apart, as a figure in the sentence is
/// its goal (`KR1: Grow MRR by 20%`).
fn key_result_percent(text: &str) -> Option<(f64, usize)> {
    static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\s*[—–:]\s*|\s*\()(\d{1,3}(?:[.,]\d+)?)\s*%\s*\)?\s*(?:[🟢🟡🟠🔴]\s*)?$")
            .expect("valid regex")
    });
    let captures = PERCENT.captures(text)?;
    let percent: f64 = captures.get(1)?.as_str().replace(',', ".").parse().ok()?;
    (0.0..=100.0)
        .contains(&percent)
        .then(|| (percent, captures.get(0).map_or(0, |m| m.start())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_are_told_from_figures() {
        for numbered in [
            "1. Galerie Photos",
            "2) Export",
            "1.2 Import",
            "**3. Bouton**",
            "1.2. Tests",
        ] {
            assert!(is_numbered(numbered), "{numbered}");
        }
        for not in [
            "2026 Roadmap",
            "10.000 utilisateurs",
            "1.",
            "Phase 1",
            "1.5MB max",
            "v1.2 Release",
        ] {
            assert!(!is_numbered(not), "{not}");
        }
    }
    use crate::config::VocabularyConfig;

    fn items_of(markdown: &str) -> Vec<Item> {
        let vocabulary = Vocabulary::new(&VocabularyConfig::default());
        let outline = Outline::parse(markdown);
        let not_items = FxHashSet::default();
        let source: Arc<str> = Arc::from("doc.md");
        let reader = ItemReader {
            vocabulary: &vocabulary,
            outline: &outline,
            source: &source,
            not_items: &not_items,
        };
        let mut items = Vec::new();
        for block in &outline.preamble {
            match block {
                Block::List(entries) => items.extend(reader.list(entries, None)),
                Block::Table(table) => items.extend(reader.table(table, None)),
                Block::Paragraph(lines) => items.extend(reader.paragraph_items(lines)),
                Block::Code { .. } => {}
            }
        }
        items
    }

    /// Each item of `table`'s rows: its text, percentage and status.
    fn rows_read(table: &str) -> Vec<(String, Option<f64>, Status)> {
        (items_of(table).iter())
            .map(|i| (i.text.clone(), i.percent, i.status))
            .collect()
    }

    fn one(markdown: &str) -> Item {
        let items = items_of(markdown);
        assert_eq!(items.len(), 1, "{items:#?}");
        items.into_iter().next().unwrap()
    }

    /// The item of a one-line list, if it is one.
    fn lone(markdown: &str) -> Option<Item> {
        let items = items_of(markdown);
        assert!(items.len() <= 1, "{items:#?}");
        items.into_iter().next()
    }

    /// A key result listed with its score (graded 0 to 1) is as far as
    /// its score: 0.5 under way at 50 %, 1.0 done, 0 to do; a score on a
    /// line that names no key result, or above 1, says nothing.
    #[test]
    fn a_key_result_is_as_far_as_its_score() {
        let read = |line: &str| {
            let item = one(line);
            (item.text, item.status, item.percent)
        };
        assert_eq!(
            read("- KR1: Raise ARR from $80k to $120k — now $104k (score 0.5)"),
            (
                "KR1: Raise ARR from $80k to $120k — now $104k".to_string(),
                Status::InProgress,
                Some(50.0)
            )
        );
        assert_eq!(
            read("- KR 2.1 Launch in 4 languages — score: 1,0"),
            (
                "KR 2.1 Launch in 4 languages".to_string(),
                Status::Done,
                Some(100.0)
            )
        );
        assert_eq!(
            read("- **KR3**: Partner pilot (score 0)"),
            ("KR3: Partner pilot".to_string(), Status::Todo, Some(0.0))
        );
        assert!(lone("- Vendor A (score 0.8)").is_none());
        assert!(lone("- KR4: NPS above 40 (score 7)").is_none());
    }

    /// A key result whose line ends with how far it is, set apart in
    /// parentheses or after a dash or a colon, a health circle after it at
    /// most, is as far as that; a figure inside its sentence is its goal,
    /// and a closing figure of a line that names no key result says
    /// nothing.
    #[test]
    fn a_key_result_is_as_far_as_its_closing_percentage() {
        let read = |line: &str| {
            let item = one(line);
            (item.text, item.status, item.percent)
        };
        assert_eq!(
            read("- KR1: Self-serve MRR from $120k to $160k — currently $141k (53%) 🟡"),
            (
                "KR1: Self-serve MRR from $120k to $160k — currently $141k".to_string(),
                Status::InProgress,
                Some(53.0)
            )
        );
        assert_eq!(
            read("- KR 2.1 Annual plans — 100 %"),
            ("KR 2.1 Annual plans".to_string(), Status::Done, Some(100.0))
        );
        assert_eq!(
            read("- KR3: Partner pilot: 0%"),
            ("KR3: Partner pilot".to_string(), Status::Todo, Some(0.0))
        );
        assert!(lone("- KR4: Grow MRR by 20%").is_none());
        assert!(lone("- Reduce churn (5%)").is_none());
    }

    /// A status label before the work sorts it as a heading would: `Done:`,
    /// `En cours :`, a stand-up's `Yesterday:`, `Today:`, `Tomorrow:`.
    /// The work's own clause says more; a label before a date, or before
    /// nothing, names no work.
    #[test]
    fn a_status_label_sorts_the_work_after_it() {
        let cases = [
            ("- Done: export API", "export API", Status::Done),
            ("- **En cours :** recette", "recette", Status::InProgress),
            (
                "- Yesterday: finished the export API",
                "finished the export API",
                Status::Done,
            ),
            (
                "- Aujourd'hui : tests de charge",
                "tests de charge",
                Status::InProgress,
            ),
            ("- Tomorrow: CSV import", "CSV import", Status::Todo),
            ("- Today: payouts — blocked", "payouts", Status::Blocked),
        ];
        for (line, text, status) in cases {
            let item = one(line);
            assert_eq!((item.text.as_str(), item.status), (text, status), "{line}");
        }
        assert!(lone("- Completed: 2026-10-01").is_none());
        assert!(lone("- Done: 30 %").is_none());
        assert!(lone("- Tuesday: finished the export API").is_none());
    }

    /// `- **À faire** :` over a list (corpus 03): the list's entries are
    /// the work, to do unless they say otherwise; the label is no item.
    #[test]
    fn an_entry_that_is_only_a_status_heads_its_list() {
        let items = items_of("- **Statut** : Ignoré\n- **À faire** :\n  - Parser les waypoints\n  - ✅ Lire l'en-tête\n  - Extraire la tâche @ana\n    - détail\n- **Done:**\n  - Export JSON\n");
        let read: Vec<_> = items
            .iter()
            .map(|i| (i.text.as_str(), i.status, i.owner.as_deref()))
            .collect();
        assert_eq!(
            read,
            [
                ("Parser les waypoints", Status::Todo, None),
                ("Lire l'en-tête", Status::Done, None),
                ("Extraire la tâche @ana", Status::Todo, Some("@ana")),
                ("Export JSON", Status::Done, None),
            ]
        );
        // The detail under a task is not a task of its own.
        assert!(items[2].children.is_empty());
        // A phrase followed by more text heads nothing: it is the status
        // of that text, whose sub-entries stay details; a label over
        // nothing gives nothing.
        let labelled = items_of("- À faire : migrer la base\n  - sauvegarde\n");
        let read: Vec<_> = (labelled.iter())
            .map(|i| (i.text.as_str(), i.status, i.children.len()))
            .collect();
        assert_eq!(read, [("migrer la base", Status::Todo, 0)]);
        assert!(items_of("- **À faire** :\n\nTexte.\n").is_empty());
    }

    /// A column that names the work wins over an earlier text column
    /// (corpus 02's `| ID | Fichier | Bug | État |`); else the first.
    #[test]
    fn a_column_naming_the_work_names_the_row() {
        let bug = one("| ID | Fichier | Bug | État |\n|---|---|---|---|\n| C1 | `Toast.tsx` | 3 timers sans cleanup | ✅ CORRIGÉ |\n");
        assert_eq!(
            (bug.text.as_str(), bug.id.as_deref()),
            ("3 timers sans cleanup", Some("C1"))
        );
        let view =
            one("| Vue | Fichier | État |\n|---|---|---|\n| Login | `LoginView.tsx` | ✅ |\n");
        assert_eq!(view.text, "Login");
        let task = one("| Tâche | Description | Statut |\n|---|---|---|\n| Migrer | La base entière | En cours |\n");
        assert_eq!(task.text, "Migrer");
    }

    /// Each item as its text, status and due day.
    fn texts_statuses_and_due_days(items: &[Item]) -> Vec<(&str, Status, Option<String>)> {
        (items.iter())
            .map(|item| {
                (
                    item.text.as_str(),
                    item.status,
                    item.due.map(|d| d.to_string()),
                )
            })
            .collect()
    }

    /// A task of Obsidian's Tasks plugin: its fields are no status
    /// clause (`📅` is a to-do marker elsewhere), its due date is read, and
    /// its text ends before them.
    #[test]
    fn the_fields_of_obsidians_tasks_plugin() {
        let items = items_of("- [ ] Visual design mockups 📅 2026-12-04 ⏫\n- [x] Wireframes 📅 2026-11-15 ✅ 2026-11-14\n- [-] Dark mode ❌ 2026-11-20\n- [ ] SEO redirects 🔁 every week ⏳ 2026-12-02\n- Release notes 📅 2026-12-10\n");
        assert_eq!(
            texts_statuses_and_due_days(&items),
            [
                (
                    "Visual design mockups",
                    Status::Todo,
                    Some("2026-12-04".into())
                ),
                ("Wireframes", Status::Done, Some("2026-11-15".into())),
                ("Dark mode", Status::Cancelled, None),
                ("SEO redirects", Status::Todo, None),
                // Without a box, `📅` is a status marker as §4 reads it.
                ("Release notes", Status::Todo, None),
            ]
        );
    }

    /// An open box's closing aside that says only how far its task is
    /// gives that status and figure; an aside of other words is the
    /// task's own (corpus 01, corpus 03).
    #[test]
    fn an_open_boxs_status_aside() {
        let items = items_of("- [ ] Lot 2 — Ingestion (en cours, 60 %)\n- [ ] Notifications (in progress)\n- [ ] Vendor API (bloqué)\n- [ ] Fix build (duplicate rollupOptions)\n- [ ] Refactor (TODO ligne 122)\n- [x] Export (in progress)\n");
        let read: Vec<(&str, Status, Option<f64>)> = (items.iter())
            .map(|item| (item.text.as_str(), item.status, item.percent))
            .collect();
        assert_eq!(
            read,
            [
                ("Lot 2 — Ingestion", Status::InProgress, Some(60.0)),
                ("Notifications", Status::InProgress, None),
                ("Vendor API", Status::Blocked, None),
                ("Fix build (duplicate rollupOptions)", Status::Todo, None),
                ("Refactor (TODO ligne 122)", Status::Todo, None),
                // A ticked box is done whatever its aside says, and the
                // aside stays its text.
                ("Export (in progress)", Status::Done, None),
            ]
        );
    }

    /// Logseq's default workflow (`NOW`, `LATER`) and org-mode's planning
    /// line under a task: `DEADLINE` is its due date, `SCHEDULED` is not.
    #[test]
    fn logseq_keywords_and_deadlines() {
        let items = items_of("- NOW dbt models for finance\n- LATER Retire legacy ETL\n- TODO CDC for billing\n  DEADLINE: <2026-12-15 Tue>\n- DOING Backfill\n  SCHEDULED: <2026-11-30 Mon>\n- NOW\n- LATER, maybe\n");
        assert_eq!(
            texts_statuses_and_due_days(&items),
            [
                ("dbt models for finance", Status::InProgress, None),
                ("Retire legacy ETL", Status::Todo, None),
                ("CDC for billing", Status::Todo, Some("2026-12-15".into())),
                ("Backfill", Status::InProgress, None),
            ]
        );
    }

    /// A kanban board drawn as a table: a card per cell, its column's
    /// status; a table of counts by status gives no card.
    #[test]
    fn a_board_drawn_as_a_table() {
        let items = items_of("| To Do | In Progress | Done |\n|---|---|---|\n| Dark mode | Offline sync @lee | Push notifications |\n| Widget | | Onboarding |\n");
        let read: Vec<(&str, Status, Option<&str>)> = (items.iter())
            .map(|item| (item.text.as_str(), item.status, item.owner.as_deref()))
            .collect();
        assert_eq!(
            read,
            [
                ("Dark mode", Status::Todo, None),
                ("Widget", Status::Todo, None),
                ("Offline sync @lee", Status::InProgress, Some("@lee")),
                ("Push notifications", Status::Done, None),
                ("Onboarding", Status::Done, None),
            ]
        );
        assert!(
            items_of("| Done | In progress | To do |\n|---|---|---|\n| 12 | 3 | 5 |\n").is_empty()
        );
    }

    #[test]
    fn boxes_upper_and_lower_case() {
        assert_eq!(one("- [X] a").status, Status::Done);
        assert_eq!(one("- [x] a").status, Status::Done);
        assert_eq!(one("- [ ] a").status, Status::Todo);
    }

    #[test]
    fn check_marks_with_and_without_variation_selector() {
        assert_eq!(one("- ✔ a").status, Status::Done);
        assert_eq!(one("- ✔️ a").text, "a");
    }

    /// A checklist's crosses say not done, as ❌ does: a launch checklist
    /// with `✖️ Pager rotation staffed` is not all done.
    #[test]
    fn a_checklists_crosses_are_to_do() {
        for line in [
            "- ✖️ Pager rotation staffed",
            "- ✗ Pager rotation staffed",
            "- ✘ Pager rotation staffed",
        ] {
            let item = one(line);
            assert_eq!(
                (item.text.as_str(), item.status),
                ("Pager rotation staffed", Status::Todo)
            );
        }
    }

    /// A trailing clause's status may be followed by the date it is set
    /// for, or by its reason after a comma: neither is more words of the
    /// task's own.
    #[test]
    fn a_clause_with_its_date_or_its_reason() {
        let cases = [
            (
                "- **Phase 4 — Release** : planned for the 15 January 2027",
                "Phase 4 — Release",
                Status::Todo,
            ),
            (
                "- **Fase 4 — Rilascio** : pianificata per il 15 gennaio 2027",
                "Fase 4 — Rilascio",
                Status::Todo,
            ),
            (
                "- Offline mode — on hold, waiting for the vendor",
                "Offline mode",
                Status::Blocked,
            ),
            (
                "- Modalità offline — sospeso, in attesa del fornitore",
                "Modalità offline",
                Status::Blocked,
            ),
        ];
        for (line, text, status) in cases {
            let item = one(line);
            assert_eq!((item.text.as_str(), item.status), (text, status), "{line}");
        }
        // More words than a date after the phrase are a sentence, and
        // so are more than two words without a date.
        assert!(lone("- Lot 3 — planned but the team has not said when").is_none());
        assert!(lone("- Payments — done for the new API").is_none());
    }

    #[test]
    fn box_wins_over_trailing_clause_and_clause_leaves_the_text() {
        let item = one("- [ ] **Qualité Code** - ⚠️ PARTIEL");
        assert_eq!(item.status, Status::Todo);
        assert_eq!(item.text, "Qualité Code");
        let item = one("- [x] **Structure du repository** - ✅ COMPLET");
        assert_eq!(item.text, "Structure du repository");
    }

    #[test]
    fn a_status_label_the_sentence_ends_with_stays() {
        // Corpus 07 and 20: the label is a word of the sentence.
        assert_eq!(
            one("2. ✅ Configurer routing et state").text,
            "Configurer routing et state"
        );
        assert_eq!(
            one("- [ ] Grafana dashboard showing threat status").text,
            "Grafana dashboard showing threat status"
        );
        // Standing apart after a separator, it labels nothing.
        assert_eq!(one("- [ ] Migrer la base — Statut").text, "Migrer la base");
        assert_eq!(one("- [ ] Migrer la base | État :").text, "Migrer la base");
    }

    #[test]
    fn trailing_clauses() {
        let item = one("30. Mettre en place des tests — @Mouhammed — En cours");
        assert_eq!(item.status, Status::InProgress);
        assert_eq!(item.owner.as_deref(), Some("@Mouhammed"));
        assert_eq!(item.text, "Mettre en place des tests");
        let item =
            one("1. TICKET-102 : Ajouter une pipeline — Responsable : @Imrane — Statut : À faire");
        assert_eq!(item.status, Status::Todo);
        assert_eq!(item.id.as_deref(), Some("TICKET-102"));
        assert_eq!(item.owner.as_deref(), Some("@Imrane"));
        assert_eq!(item.text, "TICKET-102 : Ajouter une pipeline");
        assert_eq!(one("- ✅ COMPLET").status, Status::Done);
        // A link is no clause, whatever words its address holds.
        let link = "- **React Testing Library:** https://testing-library.com";
        assert!(lone(link).is_none());
        let item = one("- Dashboards WindFlow spécifiques ❌");
        assert_eq!(
            (item.status, item.text.as_str()),
            (Status::Todo, "Dashboards WindFlow spécifiques")
        );
        let item = one("- Notification (@mentions, déplacements…) ⌛ En cours");
        assert_eq!(item.status, Status::InProgress);
        assert_eq!(item.owner, None);
        // Status words in capitals before the task, as to-do lists write them.
        let item = one("- DONE Write the migration spec");
        assert_eq!(
            (item.status, item.text.as_str()),
            (Status::Done, "Write the migration spec")
        );
        let item = one("- TODO: deploy to staging");
        assert_eq!(
            (item.status, item.text.as_str()),
            (Status::Todo, "deploy to staging")
        );
        let item = one("- WIP Load tests @bob");
        assert_eq!(item.status, Status::InProgress);
        assert_eq!(item.owner.as_deref(), Some("@bob"));
        assert_eq!(one("- BLOCKED Vendor contract").status, Status::Blocked);
        let item = one("- À FAIRE Recette utilisateur");
        assert_eq!(
            (item.status, item.text.as_str()),
            (Status::Todo, "Recette utilisateur")
        );
        // With a hyphen or an underscore, as trackers export them.
        let item = one("- IN-PROGRESS Reindex the catalogue");
        assert_eq!(
            (item.status, item.text.as_str()),
            (Status::InProgress, "Reindex the catalogue")
        );
        assert_eq!(one("- TO_DO Archive the logs").status, Status::Todo);
        // Not in capitals, not a keyword of to-do lists, or nothing after it.
        assert!(lone("- Done with the migration, we moved on").is_none());
        assert!(lone("- OPEN SOURCE the SDK").is_none());
        assert!(lone("- DONE").is_none());
        // A handle alone in parentheses is the owner, set aside.
        let item = one("- [ ] #123 Fix login redirect (@alice) — due 2026-12-10");
        assert_eq!(item.owner.as_deref(), Some("@alice"));
        let item = one("- [ ] Load tests (@bob, @carol)");
        assert_eq!(item.owner.as_deref(), Some("@bob"));
        // A handle that opens its parentheses, a date or a figure after it.
        let item = one("- [ ] #124 Fix logout (@alice, due 2026-12-01)");
        assert_eq!(item.owner.as_deref(), Some("@alice"));
        assert_eq!(
            one("- [ ] Cache (@dan; 3 pts)").owner.as_deref(),
            Some("@dan")
        );
        let prose = one("- [ ] Messagerie (@mentions, déplacements, pièces jointes)");
        assert_eq!(prose.owner, None);
        assert_eq!(one("- Lanceur ✔️ Fait !").status, Status::Done);
        assert_eq!(
            one("2. **RecordTypeB** : ⚠️ Validation minimale (TODO ligne 122)").status,
            Status::InProgress
        );
    }

    /// The count of words after a status phrase, without building the
    /// text: the same as splitting the text with its parentheses taken out.
    #[test]
    fn words_outside_parentheses_as_the_text_without_them_splits() {
        let split = |text: &str| {
            let rest: String = outside_parentheses(text).collect();
            rest.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
                .count()
        };
        let texts = [
            "",
            " (80% réalisé)",
            " ligne 24",
            " a(b)c",
            " 12 34 x",
            " depuis le 3 mars [voir ticket] encore",
            " x2 2x 22",
            "((nested) still) out",
            " é à ü",
        ];
        for text in texts {
            assert_eq!(words_outside_parentheses(text), split(text), "{text:?}");
        }
        assert_eq!(words_outside_parentheses(" (80% réalisé)"), 0);
        assert_eq!(words_outside_parentheses(" a(b)c"), 1);
        assert_eq!(words_outside_parentheses(" ligne 24"), 1);
    }

    #[test]
    fn whole_words_only() {
        assert!(items_of("- the plan was abandoned").is_empty());
        assert!(items_of("- issue opened yesterday").is_empty());
        assert!(items_of("- Objectifs : Validation techno, revue de code").is_empty());
        assert!(items_of("1. Terminer GED (Upload 5MB + Recherche)").is_empty());
    }

    #[test]
    fn health_circles_in_a_trailing_clause_are_not_statuses() {
        assert!(
            items_of("- **Blocage actuel**: 🟡 Pas bloqué, peut commencer en parallèle").is_empty()
        );
        assert_eq!(
            one("- 🟡 Actions manuelles: Revoke keys").status,
            Status::InProgress
        );
    }

    #[test]
    fn nested_items_and_owner_inheritance() {
        let items = items_of("- [x] Parent @alice\n  - [x] child one\n  - [ ] child two @bob\n- plain\n  - [ ] orphan\n");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].children.len(), 2);
        assert_eq!(items[0].children[0].owner.as_deref(), Some("@alice"));
        assert_eq!(items[0].children[1].owner.as_deref(), Some("@bob"));
        assert_eq!(items[1].text, "orphan");
    }

    /// A labelled owner's name ends where the line's next field begins
    /// (a weekly e-mail's `owner: Priya, due Dec 4`); a value that holds
    /// a figure before any comma is no name.
    #[test]
    fn a_labelled_owner_ends_at_the_next_field() {
        let owner = |line: &str| one(line).owner;
        assert_eq!(
            owner("- Legal review ⚠️ — owner: Priya, due Dec 4").as_deref(),
            Some("Priya")
        );
        assert_eq!(
            owner("- Recette ⚠️ — Responsable : Jean Dupont; revue 12/01").as_deref(),
            Some("Jean Dupont")
        );
        assert_eq!(owner("- Recette ⚠️ — owner: team 42, due Dec 4"), None);
    }

    #[test]
    fn struck_items_are_cancelled() {
        assert_eq!(one("- ~~[ ] dropped idea~~").status, Status::Cancelled);
        assert_eq!(one("- [~] not doing").status, Status::Cancelled);
        // What a struck line says of itself in parentheses leaves it struck.
        let moved = one("- ~~Windows ARM builds~~ (moved to 4.3)");
        assert_eq!(moved.status, Status::Cancelled);
        assert_eq!(moved.text, "Windows ARM builds (moved to 4.3)");
        // More than an aside is text of the item's own, and a box before
        // the struck text comes first (§4).
        assert_eq!(lone("- ~~Windows~~ ARM builds (moved)"), None);
        let boxed = one("- [ ] ~~Windows ARM builds~~ (moved to 4.3)");
        assert_eq!(boxed.status, Status::Todo);
    }

    #[test]
    fn percent_points_and_ids() {
        let item = one("- [ ] Intégration: 0% 🟡");
        assert_eq!(item.percent, Some(0.0));
        let item = one("- 🟡 50% Vault (5 pts)");
        assert_eq!((item.percent, item.points), (Some(50.0), Some(5.0)));
        assert_eq!(one("- [ ] Coverage minimum 80% enforced").percent, None);
        assert_eq!(
            one("- [x] P0.2.1 - firebase_auth.py créé").id.as_deref(),
            Some("P0.2.1")
        );
        assert_eq!(one("- [ ] #42 fix login").id.as_deref(), Some("#42"));
        // A tracking issue's pull requests, at the end of their lines.
        let id = |line: &str| one(line).id;
        assert_eq!(
            id("- [x] New query planner (#1203) @jlee").as_deref(),
            Some("#1203")
        );
        assert_eq!(
            id("- [ ] Fix the pool leak #1262").as_deref(),
            Some("#1262")
        );
        assert_eq!(id("- [ ] Ranked #1 in the survey"), None);
        assert_eq!(id("- [ ] Refactor (see #12 and #14)"), None);
        assert_eq!(id("- [ ] Colour #ff0000"), None);
        assert_eq!(one("- [x] Statut (80% réalisé)").percent, Some(80.0));
    }

    /// GitLab's labels are no words of the task; an open box's scoped
    /// state label says how far it is, a closed box stays done.
    #[test]
    fn gitlab_labels_say_the_state_of_an_open_box() {
        for (line, text, status) in [
            (
                "- [x] #101 Index schema v2 ~\"workflow::done\" ~backend",
                "#101 Index schema v2",
                Status::Done,
            ),
            (
                "- [ ] #102 Reindex job ~\"workflow::in dev\" ~backend",
                "#102 Reindex job",
                Status::InProgress,
            ),
            (
                "- [ ] #104 Synonyms UI ~\"workflow::ready for development\"",
                "#104 Synonyms UI",
                Status::Todo,
            ),
            (
                "- [ ] #105 Relevance tuning ~\"workflow::blocked\"",
                "#105 Relevance tuning",
                Status::Blocked,
            ),
            (
                "- [x] Tune ranking ~\"workflow::in review\"",
                "Tune ranking",
                Status::Done,
            ),
            (
                "- [ ] Synonyms ~frontend ~\"priority::2\"",
                "Synonyms",
                Status::Todo,
            ),
        ] {
            let item = one(line);
            assert_eq!((item.text.as_str(), item.status), (text, status), "{line}");
        }
    }

    /// An item's count of the units it has done is its percentage, and
    /// an open box so counted is begun; a count of what is left, a date
    /// and a count of nothing named are no percentage.
    #[test]
    fn counted_units_give_the_percentage() {
        let read = |line: &str| {
            let item = one(line);
            (item.percent, item.status)
        };
        assert_eq!(
            read("- 🔄 Migration des contenus : 340 / 500 pages"),
            (Some(68.0), Status::InProgress)
        );
        assert_eq!(
            read("- [ ] Translations: 12 of 20 screens done"),
            (Some(60.0), Status::InProgress)
        );
        assert_eq!(
            read("- [ ] Recette (3 sur 4 écrans)"),
            (Some(75.0), Status::InProgress)
        );
        assert_eq!(read("- [ ] Regression: 3/10 tests failing").0, None);
        assert_eq!(read("- [ ] Triage 5 of 8 tickets open").0, None);
        assert_eq!(read("- [ ] Livraison 12/2026 lots").0, None);
        assert_eq!(read("- [ ] Sprint 3/5 review").0, None);
        assert_eq!(
            read("- [x] Final regression run — 412/415 passed"),
            (None, Status::Done)
        );
    }

    /// Corpus 01: `🐛 5 blocages critiques résolus (100% ✅)`.
    #[test]
    fn a_clause_in_parentheses_takes_its_opening_with_it() {
        let item = one("- 🐛 5 blocages critiques résolus (100% ✅)");
        assert_eq!(item.status, Status::Done);
        assert_eq!(item.text, "🐛 5 blocages critiques résolus");
        assert_eq!(item.percent, Some(100.0));
        // A closed parenthesis before the clause stays.
        let item = one("- Export (CSV) ✅");
        assert_eq!(item.text, "Export (CSV)");
    }

    /// A percentage a word qualifies is the item's only when the word
    /// speaks of progress; these are a sample, tests passing, a coverage
    /// reached and a share of tests (corpus 01, seed 003).
    #[test]
    fn a_percentage_of_something_else_is_not_the_items() {
        let percent = |line: &str| one(line).percent;
        assert_eq!(percent("- [x] Replay session users (10% sample) ✅"), None);
        assert_eq!(
            percent("- ✅ Créé 22 tests unitaires (100% passants)"),
            None
        );
        assert_eq!(
            percent("- [x] Coverage >80% services critiques ✅ (~85% atteint)"),
            None
        );
        assert_eq!(percent("- [ ] Module : 60% des tests passent"), None);
        assert_eq!(percent("- [ ] Module : 60 % d'avancement"), Some(60.0));
        assert_eq!(percent("- [ ] Module (50% en cours)"), Some(50.0));
        assert_eq!(percent("- [ ] Module (20% complété)"), Some(20.0));
        assert_eq!(percent("- [ ] Module (100% ✅)"), Some(100.0));
        // A later percentage may still be the item's.
        assert_eq!(percent("- [ ] Import (10% sample) : 40%"), Some(40.0));
    }

    /// An action item that opens with its owner's handle is owned by
    /// them, even as the subject of a sentence; in the middle of one, a
    /// handle is a word of it.
    #[test]
    fn a_handle_that_opens_the_task_owns_it() {
        let owner = |line: &str| one(line).owner;
        assert_eq!(
            owner("- [ ] @bob to send the pricing deck"),
            Some("@bob".into())
        );
        assert_eq!(
            owner("- [x] @dan shared the press kit"),
            Some("@dan".into())
        );
        assert_eq!(owner("- [ ] Write 4 @given tests"), None);
        // A name of letters beyond ASCII is no handle cut short.
        assert_ne!(owner("- [ ] @Aïcha to review"), Some("@A".into()));
    }

    #[test]
    fn handles_in_inline_code_are_not_owners() {
        assert_eq!(one("- ✅ Décorateur `@audit_log` pour tracing").owner, None);
        assert_eq!(one("- ✅ mail bob@example.com").owner, None);
        assert_eq!(one("- [x] Installer @sentry/react ✅").owner, None);
        assert_eq!(one("- [x] Fuzz tests: 4 @given tests for X").owner, None);
        // A whole channel is no one's name.
        assert_eq!(one("- [ ] Annoncer la recette @channel").owner, None);
        let owned = one("- [ ] Annoncer la recette @channel @lea");
        assert_eq!(owned.owner.as_deref(), Some("@lea"));
    }

    #[test]
    fn bare_box_lines_are_items() {
        let items = items_of("[x] la prise en compte de l'option -p\n\n[ ] la suite\n");
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].status, Status::Todo);
    }

    /// Seed `001_…` line 721: the `Cible` column is the target (100%), the
    /// `Actuel` column the figure reached (0%, 98%).
    #[test]
    fn target_columns_are_not_the_percentage_reached() {
        let table = "| Métrique | Cible Phase 1 | Actuel | Statut |\n|---|---|---|---|\n| **Architecture Modulaire** | **100%** | **✅ 98%** | **🟢 Excellent** |\n| Code backend développé | 100% | 0% | ❌ Critique - Priorité Phase 1.1 |\n";
        let items = items_of(table);
        assert_eq!(items.len(), 2);
        assert_eq!(
            (items[0].text.as_str(), items[0].percent),
            ("Architecture Modulaire", Some(98.0))
        );
        assert_eq!(
            (items[1].status, items[1].percent),
            (Status::Todo, Some(0.0))
        );
    }

    /// An epics table's columns of stories done and stories in all give
    /// each row its percentage, and its status when no column says it, as
    /// a workload table's days spent and left do; a column of numbers
    /// headed as done without a total beside it does not.
    #[test]
    fn columns_of_done_and_total_counts() {
        let table = "| Epic | Stories done | Stories total | Status |\n|---|--:|--:|---|\n\
                     | Onboarding | 8 | 10 | In progress |\n| Payments | 12 | 12 | Done |\n";
        assert_eq!(
            rows_read(table),
            [
                ("Onboarding".to_string(), Some(80.0), Status::InProgress),
                ("Payments".to_string(), Some(100.0), Status::Done),
            ]
        );
        let table =
            "| Lot | Terminées | Prévues |\n|---|---|---|\n| Lot 1 | 0 | 6 |\n| Lot 2 | 2 | 3 |\n";
        assert_eq!(
            rows_read(table),
            [
                ("Lot 1".to_string(), Some(0.0), Status::Todo),
                ("Lot 2".to_string(), Some(66.7), Status::InProgress),
            ]
        );
        let table = "| Epic | Done | Status |\n|---|---|---|\n| Search | 4 | In progress |\n";
        assert_eq!(
            rows_read(table),
            [("Search".to_string(), None, Status::InProgress)]
        );
        // A workload table: days spent of days spent and left (`RAF`,
        // reste à faire), 22 of 22, 70 of 130, none of 40.
        let table = "| Lot | Charge initiale (j) | Consommé (j) | RAF (j) |\n|---|---|---|---|\n\
                     | Cadrage | 20 | 22 | 0 |\n| Paie | 120 | 70 | 60 |\n| Reprise | 40 | 0 | 40 |\n";
        assert_eq!(
            rows_read(table),
            [
                ("Cadrage".to_string(), Some(100.0), Status::Done),
                ("Paie".to_string(), Some(53.8), Status::InProgress),
                ("Reprise".to_string(), Some(0.0), Status::Todo),
            ]
        );
        // A budget spent is no work done.
        let budget = "| Poste | Budget (k€) | Consommé | Reste |\n|---|---|---|---|\n| Licences | 120 | 70 | 50 |\n";
        assert_eq!(rows_read(budget), []);
    }

    /// An OKR table's scores, graded from 0 to 1, say how far each key
    /// result went; a vendor comparison's `Score` names no work.
    #[test]
    fn key_results_scored_from_zero_to_one() {
        let table = "| Key result | Start | Target | Current | Score |\n|---|---|---|---|---|\n\
                     | KR1 Deploys per week | 3 | 20 | 14 | 0.65 |\n\
                     | KR2 Change failure rate | 18% | 5% | 9% | 1.0 |\n\
                     | KR3 Mean time to restore | 4h | 30min | 4h | 0 |\n\
                     | KR4 Test coverage | 40% | 80% | 60% | 0.5 |\n";
        assert_eq!(
            rows_read(table),
            [
                (
                    "KR1 Deploys per week".to_string(),
                    Some(65.0),
                    Status::InProgress
                ),
                (
                    "KR2 Change failure rate".to_string(),
                    Some(100.0),
                    Status::Done
                ),
                (
                    "KR3 Mean time to restore".to_string(),
                    Some(0.0),
                    Status::Todo
                ),
                (
                    "KR4 Test coverage".to_string(),
                    Some(50.0),
                    Status::InProgress
                ),
            ]
        );
        let vendors = "| Vendor | Price | Score |\n|---|---|---|\n| Acme | 10k | 0.8 |\n| Globex | 12k | 0.6 |\n";
        assert_eq!(rows_read(vendors), []);
    }

    #[test]
    fn status_table_rows() {
        let table = "| Ticket | Statut | Complexité | Sprint | Points |\n|---|---|---|---|---|\n| DEVOPS-001 | ✅ Terminé | Élevée | Sprint 1 | 8 |\n| DEVOPS-006 | ✅ Terminé | Moyenne | Sprint 4 | 5 |\n";
        let items = items_of(table);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].text, "DEVOPS-001");
        assert_eq!(items[0].id.as_deref(), Some("DEVOPS-001"));
        assert_eq!(items[1].points, Some(5.0));
        let table = "| Sous-tâche | Plan | % Complet | Statut |\n|---|---|---|---|\n| **P0.1.1** - Audit | 2h | 60% | 🟡 |\n| **Total P0.1** | 7h | 65% | 🟡 |\n";
        let item = one(table);
        assert_eq!(item.percent, Some(60.0));
        assert_eq!(item.status, Status::InProgress);
        assert_eq!(item.id.as_deref(), Some("P0.1.1"));
        let table = "| Composant | État | Progression |\n|---|---|---|\n| Backend | 🟡 En cours | ~40% |\n| Front | ⚪ | |\n";
        let item = one(table);
        assert_eq!((item.text.as_str(), item.percent), ("Backend", Some(40.0)));
        let table = "| Task | Status | Owner |\n|---|---|---|\n| Fake SSH | todo | @alice |\n";
        assert_eq!(one(table).owner.as_deref(), Some("@alice"));
    }

    proptest::proptest! {
        #[test]
        fn handle_names_are_what_the_handle_pattern_finds(
            text in r"([ a-zA-Z0-9_.@/`é\-(),—:]|@[a-zA-Z]|\u{301}){0,24}"
        ) {
            let pattern = Regex::new(&format!(
                r"(?:^|[^\w.@/`])@({})",
                super::super::people::HANDLE_NAME_PATTERN
            ))
            .unwrap();
            let expected: Vec<_> = (pattern.captures_iter(&text))
                .filter_map(|c| c.get(1))
                .map(|m| m.range())
                .collect();
            proptest::prop_assert_eq!(handle_names(&text).collect::<Vec<_>>(), expected);
        }

        /// `clean_text` checks a trailing status label without folding
        /// the whole text, and only the labels that end with its last
        /// letter: it cleans texts as it did when it folded them whole.
        #[test]
        fn clean_text_as_with_the_whole_text_folded(
            text in r"(Statut|STATUS|état|State|Estado|stand|Étät|x|é|\u{301}|\u{fe0f}|✅| |:|-|—|@a){0,8}"
        ) {
            proptest::prop_assert_eq!(clean_text(&text), clean_text_folding_all(&text));
        }
    }

    /// `clean_text` as it was when it folded the text whole for each step.
    fn clean_text_folding_all(text: &str) -> String {
        let mut text = text.trim().to_string();
        loop {
            let before = text.len();
            trim_trailing_separators(&mut text);
            let mut folded = fold(&text);
            for label in STATUS_LABELS {
                if folded.ends_with(label) && cut_status_label(&mut text, label) {
                    folded = fold(&text);
                }
            }
            cut_trailing_owner(&mut text);
            if text.len() == before {
                return text.trim().to_string();
            }
        }
    }

    proptest::proptest! {
        /// [`percent_of`] reads the numbers the pattern it stands for
        /// finds, on any text of digits, separators, signs and the marks
        /// around them.
        #[test]
        fn percent_of_reads_what_its_pattern_finds(
            text in "[0-9 .,%:(~|*=a❌\u{a0}٥—-]{0,16}"
        ) {
            let pattern = Regex::new(r"(\d{1,3}(?:[.,]\d+)?)\s*%").unwrap();
            let reference = pattern.captures_iter(&text).find_map(|captures| {
                let number = captures.get(1)?;
                let before = text[..number.start()].trim_end();
                let about_item = match before.chars().last() {
                    None => true,
                    Some(c) => matches!(c, ':' | '(' | '~' | '|' | '*' | '=' | '—' | '–') || is_symbol(c),
                } || before.ends_with(" -");
                // The word after the sign is [`speaks_of_progress`]'s, tested
                // on its own: here the numbers are held to the pattern.
                let after = &text[captures.get(0)?.end()..];
                let opens_item = before.chars().last().is_none_or(is_symbol);
                if !about_item
                    || before.ends_with(['.', ','])
                    || !opens_item && !speaks_of_progress(after)
                {
                    return None;
                }
                let value: f64 = number.as_str().replace(',', ".").parse().ok()?;
                (0.0..=100.0).contains(&value).then_some(value)
            });
            proptest::prop_assert_eq!(percent_of(&text), reference, "{:?}", text);
        }
    }

    #[test]
    fn at_least_half_of_the_cells() {
        let short = |c: &str| c.len() <= 2;
        assert!(!at_least_half(&[], &short));
        assert!(at_least_half(&["a", "long"], &short));
        assert!(!at_least_half(&["long", "a", "long"], &short));
        assert!(at_least_half(&["long", "a", "b"], &short));
        assert!(!at_least_half(&["long"], &short));
    }

    #[test]
    fn every_separator_holds_a_byte_the_quick_test_looks_for() {
        for separator in SEPARATORS {
            let bytes = separator.as_bytes();
            assert!(
                bytes.iter().any(|b| matches!(b, b'-' | b':' | b'|' | 0xE2)),
                "{separator:?}"
            );
        }
        assert!(separator_ends("Mettre en place les droits d'accès @Zoé").is_empty());
        // ` —` and ` — ` both end there.
        assert_eq!(
            separator_ends("Documenter — 🔄 EN COURS"),
            ["Documenter —".len(), "Documenter — ".len()]
        );
    }

    #[test]
    fn a_spaced_dash_is_found_where_a_substring_search_finds_it() {
        for text in [
            "Tests — @Imrane",
            "A — B — @Imrane",
            "Tests —@Imrane — Mounir",
            "Plan—Do — Check—Act",
            "— début",
            "fin —",
            "aucun tiret",
            "Étape – Responsable : @Mounir",
            " — ",
        ] {
            for (dash, separator) in [('—', " — "), ('–', " – ")] {
                assert_eq!(
                    rfind_spaced(text, dash),
                    text.rfind(separator),
                    "{text:?} {separator:?}"
                );
            }
        }
    }
}
