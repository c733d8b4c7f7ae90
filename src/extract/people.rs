//! People (`EXTRACTION.md` §9): members of a team section with their roles
//! (`@Mounir : Architecte, Scientifique`), the rows of a table of members
//! (a `Membre` column anywhere, a `Nom` column in a team section),
//! `@handles` that something is assigned to, and item owners, each with
//! the count of their open items.
//!
//! An `@handle` used in prose (corpus `08_…`: `(@mentions, déplacements…)`)
//! is not a person: a handle counts only in a team section, as an item
//! owner, as the value of a label (`Point of contact: @traviscross`), or at
//! the start of a list entry or table cell (a staffing list).

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::as_of::segments;
use super::folding::{fold, folded_words, trailing_aside, words};
use super::outline::Table;
use super::tables::folded_header;
use crate::model::{Item, Person, Risk, Status};

/// Headings of team sections.
const TEAM_WORDS: &[&str] = &[
    "equipe",
    "team",
    "membres",
    "members",
    "contributeurs",
    "contributors",
    "intervenants",
    "staffing",
    "participants",
];

/// The name of a handle, after its `@`: a letter, then letters, digits,
/// `_` and `-`, ending on no `-`; and a dot between two such runs, as a
/// company's directory writes its people (`@sophie.martin`). A dot that
/// ends it ends the sentence (`Ask @alice.`).
pub(super) const HANDLE_NAME_PATTERN: &str =
    r"[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*";

static HANDLE_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[^\w@]*@({HANDLE_NAME_PATTERN})\b")).expect("valid regex")
});

/// A handle's name at the start of the text after its `@`.
static HANDLE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:{HANDLE_NAME_PATTERN})\b")).expect("valid regex"));

/// Whether a heading, folded ([`super::outline::OutlineSection::folded`]),
/// names a team section (`ÉQUIPE PROJET`, `Team`).
pub fn names_team(folded: &str) -> bool {
    words(folded).any(|w| TEAM_WORDS.contains(&w))
}

/// Headers (folded words) of a table column whose cells are people,
/// wherever the table is (corpus 05: `| Membre | Responsabilité principale |`).
const MEMBER_COLUMNS: &[&str] = &[
    "membre",
    "membres",
    "member",
    "members",
    "intervenant",
    "intervenants",
    "participant",
    "participants",
    "personne",
    "person",
];

/// Headers of a column of people in a team section's table only: a `Nom`
/// column elsewhere names tasks, milestones or risks.
const NAME_COLUMNS: &[&str] = &["nom", "noms", "name", "names", "prenom", "qui", "who"];

/// Headers of the column that gives a member's role.
const ROLE_COLUMNS: &[&str] = &[
    "role",
    "roles",
    "responsabilite",
    "responsabilites",
    "responsibility",
    "responsibilities",
    "fonction",
    "poste",
    "mission",
];

/// Cells of a member column that name nobody yet.
const NOBODY: &[&str] = &[
    "tbd",
    "tba",
    "n a",
    "a definir",
    "a recruter",
    "vacant",
    "to be hired",
];

/// Words of a label that names the role of the person it introduces
/// (`Owner: @alice`, corpus 14's `| Point of contact | @traviscross |`).
const ROLE_LABEL_WORDS: &[&str] = &[
    "owner",
    "owners",
    "lead",
    "contact",
    "sponsor",
    "responsable",
    "responsabile",
    "referente",
    "capo",
    "assignee",
    "maintainer",
    "maintainers",
    "reviewer",
    "manager",
    "chef",
    "referent",
    "pilote",
    "porteur",
    // `Scrum master`.
    "master",
    // A project's or a product's manager.
    "pm",
    "po",
    // Who commissions the project and who builds it, in a French
    // project's header (`MOA : Direction RH`), and its architect.
    "commanditaire",
    "moa",
    "moe",
    "pmo",
    "architect",
    "architecte",
];

/// `label` as a role, when it is one: at most four words, one of them a
/// [`ROLE_LABEL_WORDS`] (`Point of contact`, `Chef de projet`).
fn role_label(label: &str) -> Option<&str> {
    let label = label.trim().trim_end_matches(':').trim();
    let is_role = label.split_whitespace().count() <= 4
        && words(&fold(label)).any(|word| ROLE_LABEL_WORDS.contains(&word));
    is_role.then_some(label)
}

/// The person and role of a header's labelled value (`Sponsor` and `Tom
/// Becker`), when the label names a role ([`role_label`]) and the value a
/// person: a handle, or a name in full as a header table's must be
/// (`Sponsor : DSI` names a department, nobody).
pub fn role_holder(label: &str, value: &str) -> Option<(String, String)> {
    let role = role_label(label)?.trim_matches(|c: char| !c.is_alphanumeric());
    let person = value.starts_with('@') || is_full_name(value);
    (person && !role.is_empty()).then(|| (value.to_string(), role.to_string()))
}

/// The first column of `folded` headers with a word of `list`.
fn column_of(folded: &[String], list: &[&str]) -> Option<usize> {
    folded
        .iter()
        .position(|header| words(header).any(|word| list.contains(&word)))
}

/// Handles that name no one (lower case, without the `@`): the word for a
/// mention itself (corpus `SOURCES.md`: "OpenTelemetry SIG project page:
/// @mention staffing lists"), and the mentions of a whole channel or
/// team that chat tools and GitHub give a meaning of their own.
const NO_ONE: &[&str] = &[
    "mention", "mentions", "here", "channel", "everyone", "all", "tous", "team",
];

/// Whether the handle named `name` (without its `@`, ASCII as every
/// handle's name is) names no one.
pub fn names_no_one(name: &str) -> bool {
    NO_ONE.iter().any(|word| name.eq_ignore_ascii_case(word))
}

/// Values of an owner line or column that name no one yet (folded).
const NO_OWNER_YET: &[&str] = &[
    "tbd",
    "tbc",
    "n a",
    "na",
    "none",
    "nobody",
    "unassigned",
    "not assigned",
    "aucun",
    "personne",
    "non assigne",
    "non attribue",
    "a definir",
    "a designer",
    "a nommer",
];

/// Whether an owner's value is a placeholder (`TBD`, `À définir`, a
/// tracker's `Unassigned`), not a person.
pub fn names_no_one_yet(value: &str) -> bool {
    NO_OWNER_YET.contains(&folded_words(value).as_str())
}

/// The name of the handle [`People::mention`] takes from `text`, if any.
fn mentioned(text: &str) -> Option<&str> {
    // memchr: every table cell and list line is asked, few hold an `@`.
    let at = memchr::memchr(b'@', text.as_bytes())?;
    let before = &text[..at];
    let at_start = !before.chars().any(regex_syntax::is_word_character);
    if !at_start && !is_label(before) {
        return None;
    }
    let after = &text[at + 1..];
    let name = HANDLE_NAME.find(after)?.as_str();
    // `@sentry/react` is a package, not a person.
    let package = after[name.len()..].starts_with('/');
    (!package && !names_no_one(name)).then_some(name)
}

/// Whether `before` is a label and its colon: 1 to 40 characters without
/// a colon, the colon, then spaces only (`Owner: `).
fn is_label(before: &str) -> bool {
    let Some(colon) = memchr::memchr(b':', before.as_bytes()) else {
        return false;
    };
    let label = before[..colon].chars().count();
    (1..=40).contains(&label) && before[colon + 1..].chars().all(char::is_whitespace)
}

/// The people of one document, in order of first mention.
#[derive(Debug, Default)]
pub struct People {
    people: Vec<Person>,
    /// [`person_key`] of each person → their index in `people`.
    index: FxHashMap<String, usize>,
}

impl People {
    pub fn into_vec(self) -> Vec<Person> {
        self.people
    }

    fn entry(&mut self, handle: Option<&str>, name: &str) -> &mut Person {
        let key = person_key(handle.unwrap_or(name));
        let index = match self.index.get(&key) {
            Some(&index) => index,
            None => {
                self.index.insert(key, self.people.len());
                self.people.push(Person {
                    handle: handle.map(str::to_string),
                    name: name.to_string(),
                    role: None,
                    open_items: 0,
                });
                self.people.len() - 1
            }
        };
        &mut self.people[index]
    }

    /// The one person a name and a handle both name (`Dana Whitfield
    /// (@dana)`), known by either from now on: whoever was met first by
    /// one of them takes the other, and keeps the role they had.
    fn aliased(&mut self, handle: &str, name: &str, role: Option<&str>) {
        let (by_handle, by_name) = (person_key(handle), person_key(name));
        let index = match (self.index.get(&by_handle), self.index.get(&by_name)) {
            (Some(&index), _) | (None, Some(&index)) => index,
            (None, None) => {
                self.entry(Some(handle), name);
                self.people.len() - 1
            }
        };
        self.index.entry(by_handle).or_insert(index);
        self.index.entry(by_name).or_insert(index);
        let person = &mut self.people[index];
        if person.handle.is_none() {
            person.handle = Some(handle.to_string());
        }
        if person.handle.as_deref() == Some(handle) {
            person.name = name.to_string();
        }
        if person.role.is_none() {
            person.role = role.filter(|r| !r.is_empty()).map(str::to_string);
        }
    }

    /// The person `who` names: a handle (`@alice`) or a name.
    fn named(&mut self, who: &str) -> &mut Person {
        match who.strip_prefix('@') {
            Some(name) => self.entry(Some(who), name),
            None => self.entry(None, who),
        }
    }

    /// The person `who` names, with `role` unless they have one already
    /// (an empty role is none).
    fn member(&mut self, who: &str, role: Option<&str>) {
        let person = self.named(who);
        if person.role.is_none() {
            person.role = role.filter(|r| !r.is_empty()).map(str::to_string);
        }
    }

    /// The project's owner (`Claire Dupont`, `@dana`), in the role of the
    /// label that names them (`Chef de projet`); several owners at once
    /// (`@ana, @bo`) are each found where they are mentioned instead.
    pub fn owner(&mut self, who: &str, role: &str) {
        if !who.contains([',', '&', '/']) && !names_no_one(who) {
            self.member(who, Some(role));
        }
    }

    /// A line of a team section: `@Mounir : Architecte, Scientifique`,
    /// `Alice Martin - Cheffe de projet`, or a bare name.
    pub fn team_line(&mut self, text: &str) {
        if text.trim_start().starts_with('[') {
            // A task box (`- [x] domain experts`) is an item, not a member.
            return;
        }
        let text = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
        if let Some(captures) = HANDLE_AT_START.captures(text) {
            // `@horovits Project Lead (Logz.io)`: the handle, then the role.
            let (Some(whole), Some(name)) = (captures.get(0), captures.get(1)) else {
                return;
            };
            if text[whole.end()..].starts_with('/') {
                return;
            }
            let role = text[whole.end()..]
                .trim_start_matches(|c: char| c.is_whitespace() || ":-—–,".contains(c))
                .trim();
            // `@thisthat (Dynatrace, Keptn)`: a role that is all one
            // parenthesis is its inside.
            let role = (role.strip_prefix('('))
                .and_then(|inside| inside.strip_suffix(')'))
                .filter(|inside| !inside.contains(['(', ')']))
                .map_or(role, str::trim);
            self.member(&format!("@{}", name.as_str()), Some(role));
            return;
        }
        let (who, role) = match text.split_once(" : ").or_else(|| text.split_once(':')) {
            Some((who, role)) => (who.trim(), Some(role.trim())),
            None => match text.split_once(" - ").or_else(|| text.split_once(" — ")) {
                Some((who, role)) => (who.trim(), Some(role.trim())),
                None => (text.trim(), None),
            },
        };
        // `Alice Martin (MOA)`: a role in parentheses after the name;
        // `Dana Whitfield (@dana)`: the name's handle.
        let (who, aside) = match trailing_aside(who) {
            Some((name, inside)) if !name.trim().is_empty() => (name.trim(), Some(inside.trim())),
            _ => (who, None),
        };
        if who.is_empty() || who.split_whitespace().count() > 4 {
            return;
        }
        // `**Current:** 1x maintainer`, `Phase 8+ : 2 engineers` count heads, they name nobody.
        let headcount = role.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        if headcount || who.chars().any(|c| c.is_ascii_digit() || c == '+') {
            return;
        }
        match aside.and_then(only_handle) {
            Some(handle) => self.aliased(&format!("@{handle}"), who, role),
            None => self.member(who, role.or(aside)),
        }
    }

    /// A labelled line of a team's members (`Participants : @sophie
    /// (sponsor), @karim (chef de projet), Julie Roy (MOA)`): each of its
    /// comma-separated entries is read as a team section's line is.
    /// Whether `label` names such a list is [`names_members`].
    fn members_line(&mut self, value: &str) {
        for entry in split_outside_parentheses(value, ',') {
            self.team_line(entry);
        }
    }

    /// The rows of a table of members: a `Membre` column anywhere, or a
    /// `Nom` column in a team section (`in_team`), with the role of a
    /// `Rôle` or `Responsabilité` column.
    pub fn team_table(&mut self, table: &Table, in_team: bool) {
        let folded = folded_header(table);
        let people = column_of(folded, MEMBER_COLUMNS)
            .or_else(|| in_team.then(|| column_of(folded, NAME_COLUMNS)).flatten());
        let Some(people) = people else {
            return;
        };
        let role = column_of(folded, ROLE_COLUMNS);
        for row in &table.rows {
            let Some(who) = row.cells.get(people).map(|cell| cell.trim()) else {
                continue;
            };
            let names_nobody = NOBODY.contains(&folded_words(who).as_str());
            let one_person = (1..=4).contains(&who.split_whitespace().count())
                && who.chars().any(char::is_alphabetic)
                && !who.chars().any(|c| c.is_ascii_digit());
            if names_nobody || !one_person {
                continue;
            }
            let role = role.and_then(|i| row.cells.get(i)).map(|cell| cell.trim());
            self.member(who, role);
        }
    }

    /// A handle something is assigned to, outside a team section: the
    /// first `@`, after nothing but punctuation (`@alice`, `— @alice`) or
    /// after a label of at most 40 characters and its colon
    /// (`Owner: @alice`).
    /// A role label before the handle is the person's role (`**Owner:**
    /// @traviscross`).
    ///
    /// Every table cell and list line is asked, and few hold an `@`: those
    /// are ruled out before their label is looked for.
    ///
    /// A line of several labelled segments is read a segment at a time
    /// ([`segments`]): `Sprint: 2026-11-04 → 2026-11-17 · Scrum master:
    /// @nora` names @nora, the scrum master.
    ///
    /// A label that names a team's members (`Participants :`) lists them
    /// ([`members_line`](Self::members_line)); after a role's label, a
    /// name followed by its handle in parentheses (`Project manager: Dana
    /// Whitfield (@dana)`) is one person, known by both. (Not after any
    /// text: `- Payment Gateway (@lee)` is a task of @lee's.)
    pub fn mention(&mut self, text: &str) {
        if memchr::memchr(b'@', text.as_bytes()).is_none() {
            return;
        }
        for segment in segments(text) {
            let labelled = segment.split_once(':');
            if let Some((_, value)) = labelled.filter(|(label, _)| names_members(label)) {
                self.members_line(value);
                continue;
            }
            let name_and_role = labelled
                .and_then(|(label, value)| Some((name_with_handle(value)?, role_label(label)?)));
            if let Some(((name, handle), role)) = name_and_role {
                self.aliased(&format!("@{handle}"), name, Some(role));
                continue;
            }
            let label = (labelled)
                .filter(|(_, rest)| rest.trim_start().starts_with('@'))
                .and_then(|(label, _)| role_label(label));
            self.mention_as(segment, label);
        }
    }

    /// The handles of a table row's cells; in a row of a label and a
    /// handle (`| Point of contact | @traviscross |`), the label is the
    /// person's role when it names one.
    pub fn mention_row(&mut self, cells: &[String]) {
        if let [label, value] = cells {
            if value.trim_start().starts_with('@') {
                self.mention(label);
                self.mention_as(value, role_label(label));
                return;
            }
            // A report's header table: `| **Sponsor** | Helen Cho |`.
            if let Some(role) = role_label(label).filter(|_| is_full_name(value)) {
                self.member(value.trim(), Some(role));
                return;
            }
        }
        for cell in cells {
            self.mention(cell);
        }
    }

    fn mention_as(&mut self, text: &str, role: Option<&str>) {
        if let Some(name) = mentioned(text) {
            self.member(&format!("@{name}"), role);
        }
    }

    /// Item owners and the count of their open items (not done, not cancelled).
    pub fn owners<'i>(&mut self, items: impl Iterator<Item = &'i Item>) {
        for item in items {
            if let Some(owner) = &item.owner {
                let person = self.named(owner);
                if !matches!(item.status, Status::Done | Status::Cancelled) {
                    person.open_items += 1;
                }
            }
            self.owners(item.children.iter());
        }
    }
}

/// Labels of a line that lists a team's members or a meeting's
/// attendees (folded): `Participants :`, `Équipe :`, `Attendees:`.
const MEMBERS_LABELS: &[&str] = &[
    "participants",
    "presents",
    "equipe",
    "equipe projet",
    "membres",
    "team",
    "team members",
    "members",
    "attendees",
    "present",
];

/// Whether `label` (before its colon) names a list of members.
fn names_members(label: &str) -> bool {
    label.len() <= 40 && MEMBERS_LABELS.contains(&folded_words(label).as_str())
}

/// The handle a heading is made of, but for the marks around it (`##
/// @ana`, `### 👤 **@ben**`): a stand-up's or a weekly update's part of
/// one person.
pub fn heading_handle(heading: &str) -> Option<String> {
    let text = heading
        .trim_start_matches(|c: char| c != '@' && !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    only_handle(text).map(|name| format!("@{name}"))
}

/// The handle's name when `text` is only a handle (`@dana`).
fn only_handle(text: &str) -> Option<&str> {
    only_name(text.strip_prefix('@')?)
}

/// `name` when it is all a handle's name, and one that names someone.
pub(super) fn only_name(name: &str) -> Option<&str> {
    let found = HANDLE_NAME.find(name)?.as_str();
    (found.len() == name.len() && !names_no_one(found)).then_some(found)
}

/// The name and the handle of a label's value that is a person's name and
/// their handle in parentheses (`Dana Whitfield (@dana)`): a name of one
/// to four words ([`is_name`]).
fn name_with_handle(value: &str) -> Option<(&str, &str)> {
    let (name, inside) = trailing_aside(value)?;
    let handle = only_handle(inside.trim())?;
    let name = name.trim();
    is_name(name, 1).then_some((name, handle))
}

/// Whether `text` is a person's full name: two to four words ([`is_name`]:
/// `Helen Cho`; not `CFO`, `Finance team`, `TBD`).
fn is_full_name(text: &str) -> bool {
    is_name(text, 2)
}

/// Whether `text` is a person's name of `fewest` to four words, each
/// begun by a capital letter, without figures, handles or parentheses.
fn is_name(text: &str, fewest: usize) -> bool {
    let words = text.split_whitespace();
    (fewest..=4).contains(&words.clone().count())
        && words
            .clone()
            .all(|word| word.starts_with(char::is_uppercase))
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || "@:/()".contains(c))
}

/// `text` split at each `separator` outside parentheses (`@a (x, y), @b`
/// gives `@a (x, y)` and `@b`), each part trimmed, empty parts left out.
fn split_outside_parentheses(text: &str, separator: char) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    let mut start = 0;
    let mut parts = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if c == separator && depth <= 0 => {
                parts.push(&text[start..at]);
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

/// Adds to `people` the owners of `risks` that are handles (`- 🔴 Retard
/// de l'hébergeur — @marc`): they are people of the project, as item
/// owners are, with no open item for it. An owner written out is not
/// taken: a risk register's owners are as often roles (corpus 17's `CEO
/// (Chad Rienstra)`, `Software Engineer + Per Vices`) as names.
///
/// Most risk owners own items too: a handle already there as written is
/// passed over before any name is folded.
pub fn add_risk_owners(people: &mut Vec<Person>, risks: &[Risk]) {
    for owner in risks.iter().filter_map(|risk| risk.owner.as_deref()) {
        let Some(name) = owner.strip_prefix('@').filter(|name| is_handle_name(name)) else {
            continue;
        };
        if people.iter().any(|p| p.handle.as_deref() == Some(owner)) {
            continue;
        }
        let key = person_key(name);
        let known = |p: &Person| {
            person_key(p.handle.as_deref().unwrap_or(&p.name)) == key || person_key(&p.name) == key
        };
        if !names_no_one(name) && !people.iter().any(known) {
            people.push(Person {
                handle: Some(owner.to_string()),
                name: name.to_string(),
                role: None,
                open_items: 0,
            });
        }
    }
}

/// Adds to `people` those the document's header names in a role
/// ([`super::as_of::project_roles`]: `Sponsor : Tom Becker`), or gives the
/// role to the one already there under that name or handle; several at
/// once (`Sponsors : Ana, Bo`) and placeholders name no one.
pub fn add_role_holders(people: &mut Vec<Person>, holders: &[(String, String)]) {
    for (who, role) in holders {
        if who.contains([',', '&', '/']) || names_no_one(who) {
            continue;
        }
        let key = person_key(who);
        let known = |p: &&mut Person| {
            person_key(p.handle.as_deref().unwrap_or(&p.name)) == key || person_key(&p.name) == key
        };
        match people.iter_mut().find(known) {
            Some(person) => {
                person.role.get_or_insert_with(|| role.clone());
            }
            None => people.push(Person {
                handle: who.starts_with('@').then(|| who.clone()),
                name: who.trim_start_matches('@').to_string(),
                role: Some(role.clone()),
                open_items: 0,
            }),
        }
    }
}

/// Joins each person known by a first name only (`Priya`, `@ahmed`) to
/// the one person of the project whose full name begins with it (`Priya
/// Natarajan`, `Ahmed Ali`), as a reader of the report does: a highlight
/// report names its manager in full in its header and by first name in its
/// actions. The full-named person keeps their place and takes the open
/// items, and the role and handle they lack. Nothing is joined when two
/// full names share the first name (`Priya Natarajan`, `Priya Shah`), or
/// when the two have different handles.
pub fn join_first_names(people: &mut Vec<Person>) {
    let firsts: Vec<Option<String>> = people.iter().map(full_name_first).collect();
    let targets: Vec<Option<usize>> = (people.iter())
        .map(|person| first_name_of(person, &firsts, people))
        .collect();
    if targets.iter().all(Option::is_none) {
        return;
    }
    for (index, target) in targets.iter().enumerate() {
        let Some(target) = *target else {
            continue;
        };
        let (open_items, role, handle) = {
            let person = &mut people[index];
            (person.open_items, person.role.take(), person.handle.take())
        };
        let into = &mut people[target];
        into.open_items += open_items;
        into.role = into.role.take().or(role);
        into.handle = into.handle.take().or(handle);
    }
    let mut targets = targets.into_iter();
    people.retain(|_| targets.next().flatten().is_none());
}

/// The first name of a person written in full ([`is_full_name`]), folded.
pub fn full_name_first(person: &Person) -> Option<String> {
    let first = person.name.split_whitespace().next()?;
    is_full_name(&person.name).then(|| person_key(first))
}

/// The index of the one person written in full whose first name `person`
/// is, when `person` is known by one word only (`firsts`: each person's
/// [`full_name_first`]).
fn first_name_of(person: &Person, firsts: &[Option<String>], people: &[Person]) -> Option<usize> {
    let key = person_key(person.handle.as_deref().unwrap_or(&person.name));
    if key.contains(char::is_whitespace) || person_key(&person.name) != key {
        return None;
    }
    let mut found = (firsts.iter().enumerate()).filter(|(_, first)| first.as_ref() == Some(&key));
    let (target, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let clash = match (&people[target].handle, &person.handle) {
        (Some(a), Some(b)) => person_key(a) != person_key(b),
        _ => false,
    };
    (!clash).then_some(target)
}

/// Whether `name` (after its `@`) is all a handle's name (`marc`,
/// `claire.dupont`), as [`HANDLE_NAME_PATTERN`] reads one.
fn is_handle_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphabetic)
        && super::items::handle_run(bytes) == bytes.len()
        && !name.ends_with('-')
}

/// Identity of a person across mentions: `@Mounir`, `mounir` and `Mounir`
/// are the same person.
pub fn person_key(handle_or_name: &str) -> String {
    fold(handle_or_name.trim_start_matches('@').trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn team_lines_give_handles_names_and_roles() {
        let mut people = People::default();
        people.team_line("🧙♂ @Mounir : Architecte, Scientifique, Mathématicien");
        people.team_line("Alice Martin - Cheffe de projet");
        people.team_line("@horovits Project Lead (Logz.io)");
        people.team_line("[x] domain experts");
        people.team_line("* @thisthat (Dynatrace, Keptn)");
        people.team_line("* @xibz (Apple) (ex-Google)");
        people.team_line("Current: 1x maintainer");
        people.team_line("Phase 8+: 1x security engineer");
        let people = people.into_vec();
        assert_eq!(people[0].handle.as_deref(), Some("@Mounir"));
        assert_eq!(people[0].name, "Mounir");
        assert_eq!(
            people[0].role.as_deref(),
            Some("Architecte, Scientifique, Mathématicien")
        );
        assert_eq!(people[1].name, "Alice Martin");
        assert_eq!(people[2].handle.as_deref(), Some("@horovits"));
        assert_eq!(people[2].role.as_deref(), Some("Project Lead (Logz.io)"));
        // Corpus 21: an affiliation alone in parentheses is the role.
        assert_eq!(people[3].role.as_deref(), Some("Dynatrace, Keptn"));
        assert_eq!(people[4].role.as_deref(), Some("(Apple) (ex-Google)"));
        assert_eq!(people.len(), 5);
    }

    /// A steering committee's attendees, each with the role after them;
    /// a company's handles hold a dot.
    #[test]
    fn a_labelled_list_of_members_names_each_with_their_role() {
        let mut people = People::default();
        people.mention(
            "Participants : @sophie.martin (sponsor), @karim (chef de projet), Julie Roy (MOA, recette), Tom",
        );
        people.mention("Attendees: Dana Whitfield (@dana), @lee");
        let read: Vec<(Option<String>, String, Option<String>)> = (people.into_vec().into_iter())
            .map(|p| (p.handle, p.name, p.role))
            .collect();
        let person = |handle: Option<&str>, name: &str, role: Option<&str>| {
            (
                handle.map(str::to_string),
                name.to_string(),
                role.map(str::to_string),
            )
        };
        assert_eq!(
            read,
            [
                person(Some("@sophie.martin"), "sophie.martin", Some("sponsor")),
                person(Some("@karim"), "karim", Some("chef de projet")),
                person(None, "Julie Roy", Some("MOA, recette")),
                person(None, "Tom", None),
                person(Some("@dana"), "Dana Whitfield", None),
                person(Some("@lee"), "lee", None),
            ]
        );
    }

    /// A report's header table names its sponsor by a full name; a row
    /// of a role and a title or a team names nobody.
    #[test]
    fn a_header_tables_role_and_full_name() {
        let mut people = People::default();
        let row = |label: &str, value: &str| [label.to_string(), value.to_string()];
        people.mention_row(&row("Sponsor", "Helen Cho"));
        people.mention_row(&row("Sponsor", "CFO"));
        people.mention_row(&row("Owner", "Finance team"));
        people.mention_row(&row("Status", "Amber Watch"));
        people.mention_row(&row("Lead", "Q4 2026 Plan"));
        let people = people.into_vec();
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Helen Cho");
        assert_eq!(people[0].role.as_deref(), Some("Sponsor"));
    }

    /// A first name alone joins the one person written in full with it,
    /// unless two share it or their handles differ.
    #[test]
    fn a_first_name_joins_the_one_full_name_it_begins() {
        let person = |handle: Option<&str>, name: &str, role: Option<&str>, open: u32| Person {
            handle: handle.map(str::to_string),
            name: name.to_string(),
            role: role.map(str::to_string),
            open_items: open,
        };
        let joined = |mut people: Vec<Person>| {
            join_first_names(&mut people);
            (people.into_iter())
                .map(|p| (p.name, p.handle, p.role, p.open_items))
                .collect::<Vec<_>>()
        };
        let row = |name: &str, handle: Option<&str>, role: Option<&str>, open: u32| {
            (
                name.to_string(),
                handle.map(str::to_string),
                role.map(str::to_string),
                open,
            )
        };
        assert_eq!(
            joined(vec![
                person(None, "Tom", None, 2),
                person(None, "Priya Natarajan", Some("PM"), 0),
                person(None, "priya", None, 1),
                person(Some("@ahmed"), "ahmed", Some("Dev"), 1),
                person(None, "Ahmed Ali", None, 1),
            ]),
            [
                row("Tom", None, None, 2),
                row("Priya Natarajan", None, Some("PM"), 1),
                row("Ahmed Ali", Some("@ahmed"), Some("Dev"), 2),
            ]
        );
        let two = vec![
            person(None, "Priya Natarajan", None, 0),
            person(None, "Priya Shah", None, 0),
            person(None, "Priya", None, 1),
        ];
        assert_eq!(joined(two).len(), 3);
        let other_handle = vec![
            person(Some("@anat"), "Ahmed Ali", None, 0),
            person(Some("@ahmed"), "ahmed", None, 1),
        ];
        assert_eq!(joined(other_handle).len(), 2);
        // A handle that is a whole name (`@dana` of `Dana Whitfield`) is
        // joined already; a name of one word is no full name to join to.
        let alone = vec![
            person(None, "Aisha", None, 1),
            person(None, "aisha", None, 1),
        ];
        assert_eq!(joined(alone).len(), 2);
    }

    /// `Project manager: Dana Whitfield (@dana)` names one person, who
    /// owns the items of `@dana` and is the project's owner by name.
    #[test]
    fn a_name_and_its_handle_are_one_person() {
        let mut people = People::default();
        people.owner("Dana Whitfield", "Project manager");
        people.mention("Project manager: Dana Whitfield (@dana)");
        people.mention("Reviewer: Lee Park (@lee.park)");
        let item = Item {
            text: "Go/no-go deck".to_string(),
            status: Status::Todo,
            percent: None,
            owner: Some("@dana".to_string()),
            id: None,
            points: None,
            due: None,
            source: std::sync::Arc::from("w.md"),
            line: 9,
            children: Vec::new(),
        };
        people.owners(std::iter::once(&item));
        // A task's text in title case is no name: the task is @lee's.
        people.mention("Payment Gateway Integration (@lee)");
        let people = people.into_vec();
        assert_eq!(people.len(), 2, "{people:?}");
        assert_eq!(people[0].handle.as_deref(), Some("@dana"));
        assert_eq!(people[0].name, "Dana Whitfield");
        assert_eq!(people[0].role.as_deref(), Some("Project manager"));
        assert_eq!(people[0].open_items, 1);
        assert_eq!(people[1].handle.as_deref(), Some("@lee.park"));
        assert_eq!(people[1].name, "Lee Park");
        assert_eq!(people[1].role.as_deref(), Some("Reviewer"));
    }

    #[test]
    fn prose_mentions_are_not_people() {
        let mut people = People::default();
        people.mention("Notification des actions (@mentions, déplacements…)");
        people.mention("Point of contact: @traviscross");
        people.mention("@lead-one (Company)");
        people.mention("Installer @sentry/react");
        people.mention("@sentry/react installé");
        // The word for a mention, and a whole channel, are no one.
        people.mention("OpenTelemetry SIG project page: @mention staffing lists");
        people.mention("@here la démo est à 14 h");
        people.mention("Owner: @everyone");
        let people = people.into_vec();
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].handle.as_deref(), Some("@traviscross"));
    }

    /// A line of segments names the handle of each (a sprint review's
    /// header line), with the role its label says.
    #[test]
    fn each_segment_of_a_line_may_name_someone() {
        let mut people = People::default();
        people.mention("Sprint: 2026-11-04 → 2026-11-17 · Team Falcon · Scrum master: @nora");
        people.mention("Release: 4.2 | Owner: @mhernandez | QA: tbd");
        people.mention("Tracking issue for the 4.2 release. Release manager: @jlee");
        people.mention("Plan · see the notes by @ghost in the wiki");
        let people = people.into_vec();
        let read: Vec<(&str, Option<&str>)> = (people.iter())
            .map(|p| (p.handle.as_deref().unwrap_or(""), p.role.as_deref()))
            .collect();
        assert_eq!(
            read,
            [
                ("@nora", Some("Scrum master")),
                ("@mhernandez", Some("Owner")),
                ("@jlee", Some("Release manager")),
            ]
        );
    }

    #[test]
    fn a_role_label_before_a_handle_is_the_role() {
        let mut people = People::default();
        people.mention("Owner: @traviscross");
        people.mention("Note: @bob will look at it");
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        // Corpus 14's metadata table.
        people.mention_row(&row(&["Point of contact", "@alice"]));
        people.mention_row(&row(&["Tracking issue", "@carol"]));
        people.mention_row(&row(&["@dave", "Chef de projet"]));
        let people = people.into_vec();
        let read: Vec<(&str, Option<&str>)> = (people.iter())
            .map(|p| (p.name.as_str(), p.role.as_deref()))
            .collect();
        assert_eq!(
            read,
            [
                ("traviscross", Some("Owner")),
                ("bob", None),
                ("alice", Some("Point of contact")),
                ("carol", None),
                ("dave", None),
            ]
        );
    }

    /// The handle a line mentions, as the two patterns it replaced found
    /// it: one anchored at the start, one after a label.
    #[test]
    fn mentions_as_the_two_patterns_found_them() {
        let at_start = &*HANDLE_AT_START;
        let labelled =
            Regex::new(&format!(r"^[^:@]{{1,40}}:\s*@({HANDLE_NAME_PATTERN})\b")).unwrap();
        let patterns = |text: &str| -> Option<String> {
            let found = at_start
                .captures(text)
                .or_else(|| labelled.captures(text))
                .and_then(|c| c.get(1))?;
            let package = text[found.end()..].starts_with('/');
            (!package && !names_no_one(found.as_str())).then(|| found.as_str().to_string())
        };
        proptest::proptest!(|(text in "[a-zA-Z0-9 :@_./é\t-]{0,60}")| {
            proptest::prop_assert_eq!(mentioned(&text).map(str::to_string), patterns(&text));
        });
        let long = format!("{}: @bob", "x".repeat(41));
        for text in [
            "- @alice",
            "Owner: @bob-",
            "@a-b-c",
            "x: y: @z",
            "@sentry/react",
            &long,
        ] {
            assert_eq!(
                mentioned(text).map(str::to_string),
                patterns(text),
                "{text}"
            );
        }
        assert_eq!(mentioned("Owner:  @bob-"), Some("bob"));
        assert_eq!(mentioned(&long), None);
    }

    #[test]
    fn team_headings() {
        let is_team_heading = |heading: &str| names_team(&fold(heading));
        assert!(is_team_heading("ÉQUIPE PROJET"));
        assert!(is_team_heading("The Team"));
        assert!(!is_team_heading("Steam engine"));
    }
}
