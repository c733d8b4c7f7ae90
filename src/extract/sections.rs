//! The heading tree of one document with its work items, counts and
//! progress (`EXTRACTION.md` §4-5), its declarations (§6) and its people (§9).
//!
//! Steps: read the document's own legend into the vocabulary; read the
//! claims (so that summary entries such as `- ✅ Phase 1 : **100%**` are not
//! taken for items); then build each section from its blocks, bottom up.

use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::config::DateOrder;
use crate::messages;

use super::declarations::{key_at_start, Claim, ClaimReader, Target};
use super::folding::{fold, trailing_aside, words};
use super::items::{clean_text, is_total_row, Columns, ItemReader, Siblings};
use super::matrix;
use super::outline::{Block, ListEntry, Outline, OutlineSection, Table};
use super::people::{self, names_team, People};
use super::risks;
use super::tables::{self, classify, TableKind};
use super::vocabulary::{is_legend_label, names_legend, Vocabulary};
use super::Context;
use crate::ingest::Document;
use crate::model::{Declaration, Diagnostic, DocumentStatus, Health, Item, Section, Status};
use crate::portfolio::progress::{count, mean_progress, round1, section_items};

/// Words and phrases (folded, words joined by a space) of the headings of
/// a sprint's retrospective: what went well and what did not, written as
/// `✅`/`⚠️` bullets, are notes, not work items. So are the boxes of a
/// Definition of Done or of Ready: what every task must meet, not tasks.
const NOTES_WORDS: &[&str] = &[
    "retrospective",
    "retrospectives",
    "retrospectiva",
    "retrospektive",
    "postmortem",
    "rex",
];
const NOTES_PHRASES: &[&[&str]] = &[
    &["lessons", "learned"],
    &["lecons", "apprises"],
    &["lecons", "tirees"],
    &["retour", "d", "experience"],
    &["retours", "d", "experience"],
    &["what", "went", "well"],
    &["post", "mortem"],
    &["definition", "of", "done"],
    &["definition", "of", "ready"],
    &["definition", "de", "fini"],
    &["definition", "du", "fini"],
    &["definition", "de", "termine"],
];

/// What the lists and tables of a section hold.
#[derive(Clone, Copy, PartialEq)]
enum Held {
    Work,
    /// Risks (§8), read by the risk reader.
    Risks,
    /// A retrospective's notes: neither work nor risks.
    Notes,
}

impl Held {
    /// What a section under a section holding `outer` holds: its own
    /// heading decides only under a section of work.
    fn under(outer: Held, section: &OutlineSection) -> Held {
        match outer {
            Held::Work if risks::holds_risks(section) => Held::Risks,
            Held::Work if names_notes(&section.folded) => Held::Notes,
            outer => outer,
        }
    }
}

/// Reads the sections, items, declarations and people of the document.
/// `milestone_lines` are the list entries the milestone reader took from a
/// milestone section: milestones, not items, as a milestone table's rows
/// are (§4); `area_lines` those of a list that rates the project's areas.
pub fn read(
    outline: &Outline,
    document: &Document,
    context: &Context,
    words: &DocumentVocabulary,
    milestone_lines: &FxHashSet<usize>,
    area_lines: &FxHashSet<usize>,
    status: &mut DocumentStatus,
) {
    let vocabulary = &words.vocabulary;
    let legend_lists = &words.legend_lists;
    let walk = outline.walk_sections();
    let titles: Vec<String> = walk.iter().map(|s| section_title(&s.heading)).collect();
    let mut keys: FxHashMap<String, usize> = FxHashMap::default();
    for (index, section) in walk.iter().enumerate() {
        if let Some(key) = key_at_start(&section.heading) {
            keys.entry(key).or_insert(index);
        }
    }
    let lookup = |key: &str| keys.get(key).copied();
    let claim_reader = ClaimReader {
        vocabulary,
        section_of_key: &lookup,
        titles: &titles,
    };
    let mut claims = Claims::default();
    claims.blocks(&claim_reader, &outline.preamble, None, vocabulary);
    let mut counter = 0;
    for section in &outline.sections {
        claims.section(&claim_reader, section, &mut counter, false, vocabulary);
    }
    let means = parts_means(&claims.list, &walk, &titles);
    claims.list.extend(means);
    claims.list.sort_by_key(|c| c.line);

    // One copy of the path, shared by every section, item and declaration.
    let source: Arc<str> = Arc::from(document.source.as_str());
    let mut not_items = std::mem::take(&mut claims.summary_lines);
    not_items.extend(milestone_lines.iter().copied());
    not_items.extend(area_lines.iter().copied());
    // A summary entry that names a section with work of its own says that
    // work's status again: counted there, not twice. Over a section
    // without any, it is the only word on it and stays an item.
    let restating = (claims.restated.iter())
        .filter(|(_, section)| {
            walk.get(*section)
                .is_some_and(|s| holds_work(s, vocabulary))
        })
        .map(|(line, _)| *line);
    not_items.extend(restating);
    let reference = status
        .as_of
        .or(document.front_matter.updated)
        .or(document.front_matter.date)
        .unwrap_or(context.portal_as_of);
    let builder = Builder {
        reader: ItemReader {
            vocabulary,
            outline,
            source: &source,
            not_items: &not_items,
        },
        legend_lists,
        milestone_lines,
        declared: first_claims(&claims.list),
        source: &source,
        weight: context.config.progress.weight,
        dates: (reference, context.config.date_order),
        unread: Default::default(),
    };
    let mut people = People::default();
    // The project's owner is one of its people, in the role its label says.
    if let (Some(owner), Some(role)) = (&status.owner, &status.owner_role) {
        people.owner(owner, role);
    }
    // The preamble stands under no heading, so under no milestone heading:
    // it holds no milestone list, and so no group.
    let (preamble_items, _) =
        builder.block_items(&outline.preamble, Held::Work, false, None, 1, &mut people);
    let mut counter = 0;
    let siblings = builder.reader.siblings(None, &outline.sections);
    let mut sections: Vec<Section> = outline
        .sections
        .iter()
        .filter_map(|s| builder.section(s, &mut counter, Held::Work, false, siblings, &mut people))
        .collect();
    if !preamble_items.is_empty() {
        let title = outline.title.as_ref();
        let mut preamble = builder.finish(
            title.map(|t| section_title(&t.text)).unwrap_or_default(),
            1,
            title.map(|t| t.line).unwrap_or(1),
            preamble_items,
            Vec::new(),
            None,
        );
        preamble.declared_progress = None;
        sections.insert(0, preamble);
    }
    for section in &sections {
        people.owners(top_items(section).into_iter());
    }
    for section in &mut sections {
        set_due_dates(section, outline, reference, context.config.date_order);
        drop_read_asides(section, &|part: &str| {
            super::dates::parse_date(part, reference, context.config.date_order).is_some()
        });
    }
    status.sections = sections;
    status
        .diagnostics
        .extend(unread_statuses(builder.unread.into_inner(), &source));
    status.declarations = claims
        .list
        .iter()
        .map(|claim| Declaration {
            label: claim.label.clone(),
            value: claim.value,
            section: match claim.target {
                Target::Project => None,
                Target::Section(index) => titles.get(index).cloned(),
            },
            source: Arc::clone(&source),
            line: claim.line,
            part: claim.part,
        })
        .collect();
    status.diagnostics.extend(conflicts(
        &claims.list,
        &titles,
        &source,
        context.config.health.declared_gap,
    ));
    status.people = people.into_vec();
}

/// A warning for each row of a status table left out because its status
/// cell says what no status word says (`| A-12 | Sign the contract |
/// With legal |`): the row is not counted, and the reader learns
/// which word to add to `[vocabulary]`.
fn unread_statuses(unread: Vec<(usize, String)>, source: &str) -> Vec<Diagnostic> {
    (unread.into_iter())
        .map(|(line, cell)| {
            let message =
                format!("status `{cell}` is no status sitrep knows; the row is not counted");
            Diagnostic::warning("unread-status", source, line, message)
        })
        .collect()
}

/// An item's due date is the date written on it (`Livraison 15/03/2026`,
/// `Recette — fin mars`): the end of its range or period, like a
/// milestone's, and the date it moved to when it shows a move (`Recette
/// ~~01/03~~ 30/04`, `prévue le 01/03, décalée au 30/04`).
fn set_due_dates(section: &mut Section, outline: &Outline, reference: NaiveDate, order: DateOrder) {
    fn visit(items: &mut [Item], outline: &Outline, reference: NaiveDate, order: DateOrder) {
        for item in items {
            if item.due.is_none() {
                let found = super::dates::find_dates(&item.text, reference, order);
                let written = outline.source_line(item.line);
                item.due = super::dates::date_now(&item.text, written, &found)
                    .map(|(now, _)| found[now].0)
                    .or_else(|| due_in_clause(&item.text, written, reference, order))
                    .map(|date| super::dates::period_end(&date).unwrap_or(date.start));
            }
            visit(&mut item.children, outline, reference, order);
        }
    }
    visit(&mut section.items, outline, reference, order);
    for child in &mut section.sections {
        set_due_dates(child, outline, reference, order);
    }
}

/// What a line holds beyond its item's text, at the least, when a due
/// date was left out with a status clause: its list marker (`- `) and a
/// clause as short as `: done, by 3/12`.
const SHORTEST_DUE_CLAUSE: usize = 16;

/// The date a due word brings in (`due 2026-12-15`) on an item's line as
/// written (`written`), when the item's text (`text`), which holds no
/// date, lost it with the status clause it stood in: `- **Cost
/// dashboards** — in progress, due 2026-12-15`.
fn due_in_clause(
    text: &str,
    written: &str,
    reference: NaiveDate,
    order: DateOrder,
) -> Option<super::dates::ParsedDate> {
    // Most lines are ruled out here, the cheapest test first: one that
    // gave its text nearly whole (a clause with a due word and a date is
    // longer than the markup of a line), a table row (its due column is
    // read apart), one whose end (as long as what the text left out) has
    // no figure, one without a due word as written (`échéance` in its
    // three spellings). A date in the item's text was found already.
    static DUE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        let written = ["cheance", "chéance", "CHÉANCE", "d’ici le"];
        let folded = DUE_ASIDE_WORDS.iter().filter(|w| **w != "echeance");
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(folded.chain(written.iter()))
            .expect("a few words")
    });
    if written.len() < text.len() + SHORTEST_DUE_CLAUSE
        || written.trim_start().starts_with('|')
        || !written.as_bytes()[text.len()..]
            .iter()
            .any(u8::is_ascii_digit)
        || !DUE_WORDS.is_match(written)
    {
        return None;
    }
    let found = super::dates::find_dates(written, reference, order);
    (found.into_iter()).find_map(|(date, range)| {
        let before = fold(&written[..range.start]);
        let before = before.trim_end_matches([' ', ':', '*', '_']);
        (DUE_ASIDE_WORDS.iter())
            .any(|word| {
                (before.strip_suffix(word)).is_some_and(|rest| {
                    rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
                })
            })
            .then_some(date)
    })
}

/// Words that bring in a due date in an item's aside (`(@alex, due Dec
/// 5)`), folded.
const DUE_ASIDE_WORDS: &[&str] = &[
    "due", "by", "deadline", "eta", "target", "echeance", "pour le", "avant le", "d'ici le",
];

/// Items' texts without the aside at their end that only says who owns
/// them and when they are due, once both are read: `Renegotiate the CMS
/// licence (@alex, due Dec 5)` is shown as `Renegotiate the CMS licence`,
/// with @alex and 5 Dec beside it, as `— @claire` already is. `is_date`
/// says whether a part of the aside is a date alone (`(@paul, fin
/// décembre)`).
fn drop_read_asides(section: &mut Section, is_date: &dyn Fn(&str) -> bool) {
    fn visit(items: &mut [Item], is_date: &dyn Fn(&str) -> bool) {
        for item in items {
            let (owned, due) = (item.owner.is_some(), item.due.is_some());
            if let Some(kept) = before_board_dates(&item.text).filter(|_| due) {
                item.text.truncate(kept);
            }
            // Dashed fields first: `Book the comms slot (@sam) — due
            // 2026-12-10` ends with an aside once its due date is off.
            if let Some(kept) = before_read_fields(item, is_date) {
                item.text.truncate(kept);
            }
            if let Some(open) = read_aside(&item.text, owned, due, is_date) {
                let kept = item.text[..open].trim_end().len();
                item.text.truncate(kept);
            }
            if let Some(kept) = before_owner_at_end(&item.text, item.owner.as_deref()) {
                item.text.truncate(kept);
            }
            visit(&mut item.children, is_date);
        }
    }
    visit(&mut section.items, is_date);
    for child in &mut section.sections {
        drop_read_asides(child, is_date);
    }
}

/// Where the text before the fields that end it ends, when a roadmap's
/// line parts them with spaced dashes (`Lakehouse migration — 70% — @dkim
/// — on track`): its percentage, its owner's handle, and a word of how it
/// is going, each read already (the last shown beside the item only as its
/// status), and its due date (`Relancer Elec Pro — 02/12`, shown beside
/// it as "due 2 Dec"). At least the percentage, the handle or the date
/// must be among them: `Cost dashboards — on track` keeps its words.
fn before_read_fields(item: &Item, is_date: &dyn Fn(&str) -> bool) -> Option<usize> {
    if item.owner.is_none() && item.percent.is_none() && item.due.is_none() {
        return None;
    }
    let is_percent = |part: &str| {
        let figure = part.strip_suffix('%').map(str::trim_end);
        let value = figure.and_then(|f| f.replace(',', ".").parse::<f64>().ok());
        value.is_some() && value == item.percent
    };
    let mut rest = item.text.trim_end();
    let mut read = false;
    while let Some((before, part)) = last_dash_part(rest) {
        let part = part.trim();
        let field = item.owner.as_deref() == Some(part)
            || is_percent(part)
            || item.due.is_some() && is_date(part);
        // A milestone's status phrases are short (`behind schedule` the
        // longest): a longer part is none of them, and is not folded.
        let phrase = || part.len() <= 24 && super::vocabulary::is_milestone_phrase(part);
        if !(field || phrase()) {
            break;
        }
        read |= field;
        rest = before.trim_end();
    }
    (read && !rest.is_empty() && rest.len() < item.text.trim_end().len()).then_some(rest.len())
}

/// `text` parted at its last spaced dash (`—`, `–` or `-`). Every item
/// with an owner is asked: the spaces are found from the end with
/// `memrchr`, not each dash searched for in the whole text.
fn last_dash_part(text: &str) -> Option<(&str, &str)> {
    let mut end = text.len();
    while let Some(space) = memchr::memrchr(b' ', &text.as_bytes()[..end]) {
        let before = &text[..space];
        let dashed = ["-", "—", "–"]
            .iter()
            .find_map(|dash| before.strip_suffix(dash));
        if let Some(kept) = dashed.and_then(|kept| kept.strip_suffix(' ')) {
            return Some((kept, &text[space + 1..]));
        }
        end = space;
    }
    None
}

/// Where the text before the dates that end it ends, when they are written
/// as an Obsidian kanban board's cards write them (`Nouveau tunnel de
/// paiement @marc @{2026-12-10} @@{14:00}`: a date, then a time).
fn before_board_dates(text: &str) -> Option<usize> {
    let mut rest = text.trim_end();
    while let Some(open) = rest.strip_suffix('}').and_then(|body| body.rfind("@{")) {
        let start = if rest[..open].ends_with('@') {
            open - 1
        } else {
            open
        };
        rest = rest[..start].trim_end();
    }
    (rest.len() < text.trim_end().len() && !rest.is_empty()).then_some(rest.len())
}

/// Where the text before its owner's handle ends, when `text` ends with
/// it after a space (a tracking issue's `New query planner (#1203)
/// @jlee`, owned by @jlee; a risk's `QA device farm down — escalated to
/// infra, @raj`), the separator before it left out too: the handle is
/// shown beside the item or the risk already.
pub(super) fn before_owner_at_end(text: &str, owner: Option<&str>) -> Option<usize> {
    let owner = owner.filter(|owner| owner.starts_with('@'))?;
    let before = text.trim_end().strip_suffix(owner)?;
    let kept = before.trim_end_matches(|c: char| c.is_whitespace() || ",;—–-".contains(c));
    (before.ends_with(char::is_whitespace) && !kept.is_empty()).then_some(kept.len())
}

/// Where the parenthesis that ends `text` opens, when it holds nothing but
/// handles (`owned`: an owner was read) and due clauses or dates (`due`: a
/// due date was read), and some text stands before it.
fn read_aside(text: &str, owned: bool, due: bool, is_date: &dyn Fn(&str) -> bool) -> Option<usize> {
    let body = text.trim_end().strip_suffix(')')?;
    let open = body.rfind('(')?;
    let handle = |part: &str| {
        (part.strip_prefix('@')).is_some_and(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._-".contains(c))
        })
    };
    let due_clause = |part: &str| {
        let folded = fold(part);
        (DUE_ASIDE_WORDS.iter()).any(|word| {
            folded
                .strip_prefix(word)
                .is_some_and(|rest| rest.starts_with(' '))
        }) || is_date(part)
    };
    let mut parts = body[open + 1..].split([',', ';']).map(str::trim);
    let only_read = parts.all(|part| (owned && handle(part)) || (due && due_clause(part)));
    (only_read && !body[..open].trim().is_empty()).then_some(open)
}

/// The items of a section and its subsections, without their children
/// (owners are counted over children by [`People::owners`] itself).
fn top_items(section: &Section) -> Vec<&Item> {
    let mut out: Vec<&Item> = section.items.iter().collect();
    for child in &section.sections {
        out.extend(top_items(child));
    }
    out
}

/// A section title without its leading status marker or emoji
/// (`✅ PHASE 0 - COMPLET À 100%` gives `PHASE 0 - COMPLET À 100%`).
pub fn section_title(heading: &str) -> String {
    heading
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !"([\"'«¿¡#@".contains(c))
        .trim_end_matches(|c: char| {
            !c.is_alphanumeric() && !")]\"'»!?.%".contains(c) || c == ':' || c.is_whitespace()
        })
        .trim()
        .to_string()
}

/// Whether a heading, folded, makes a retrospective's section
/// (`Rétrospective`, `Lessons learned`, `Retour d'expérience`).
///
/// Every heading is asked, so a phrase is matched on the heading's words,
/// as a run of them, not searched for in a text joined again (a text
/// search per phrase and heading was 2 % of extraction).
fn names_notes(folded: &str) -> bool {
    let words: Vec<&str> = words(folded).collect();
    words.iter().any(|w| NOTES_WORDS.contains(w))
        || NOTES_PHRASES
            .iter()
            .any(|phrase| words.windows(phrase.len()).any(|run| run == *phrase))
}

/// The headings of a weekly or monthly report that sort its work, folded:
/// what was done this period, what is planned next (`## Accomplishments
/// this week`, `## Planned for next week`, `## Prochaines étapes`). A
/// heading is one of [`REPORT_PHRASES`], or a head of [`REPORT_HEADS`]
/// followed by a period of the status's [`REPORT_PERIODS`]: reports word
/// the two halves every which way, so they are listed once each.
const REPORT_PHRASES: &[(&str, Status)] = &[
    // A Jira sprint report's section of what left the sprint.
    ("issues removed from sprint", Status::Cancelled),
    ("products planned but not started", Status::Todo),
    ("accomplishments", Status::Done),
    ("key accomplishments", Status::Done),
    ("achievements", Status::Done),
    ("key achievements", Status::Done),
    ("work completed", Status::Done),
    ("realisations", Status::Done),
    ("travaux realises", Status::Done),
    ("next steps", Status::Todo),
    ("next week", Status::Todo),
    ("next period", Status::Todo),
    ("next month", Status::Todo),
    ("next sprint", Status::Todo),
    ("upcoming", Status::Todo),
    ("upcoming activities", Status::Todo),
    ("planned activities", Status::Todo),
    ("prochaines etapes", Status::Todo),
    ("semaine prochaine", Status::Todo),
    ("mois prochain", Status::Todo),
    ("periode suivante", Status::Todo),
    ("prochaine periode", Status::Todo),
    ("a venir", Status::Todo),
    ("proximos passos", Status::Todo),
    ("proximas etapas", Status::Todo),
    // What is under way between the two: `## Travaux en cours` over open
    // boxes is work begun, as `## En cours` is.
    ("travaux en cours", Status::InProgress),
    ("work in progress", Status::InProgress),
    ("actions en cours", Status::InProgress),
    ("chantiers en cours", Status::InProgress),
    ("sujets en cours", Status::InProgress),
    ("activites en cours", Status::InProgress),
    ("current work", Status::InProgress),
    ("ongoing work", Status::InProgress),
    ("ongoing activities", Status::InProgress),
    // A team's weekly update: what is in flight, what comes up next.
    ("in flight", Status::InProgress),
    ("up next", Status::Todo),
    ("next up", Status::Todo),
    ("coming up", Status::Todo),
    ("coming next", Status::Todo),
    ("on deck", Status::Todo),
    // A Now / Next / Later roadmap: what is under way, then what waits.
    ("now", Status::InProgress),
    ("next", Status::Todo),
    ("later", Status::Todo),
    ("maintenant", Status::InProgress),
    ("plus tard", Status::Todo),
];

/// A stand-up's three questions (folded): what was done since the last
/// one, what is under way, what comes next (`## Yesterday`, `- Today: …`,
/// a paragraph's `**Tomorrow:** …`). Report headings too.
const STAND_UP_PHRASES: &[(&str, Status)] = &[
    ("yesterday", Status::Done),
    ("hier", Status::Done),
    ("ayer", Status::Done),
    ("ieri", Status::Done),
    ("gestern", Status::Done),
    ("today", Status::InProgress),
    ("aujourd hui", Status::InProgress),
    ("hoy", Status::InProgress),
    ("oggi", Status::InProgress),
    ("heute", Status::InProgress),
    ("tomorrow", Status::Todo),
    ("demain", Status::Todo),
    ("manana", Status::Todo),
    ("domani", Status::Todo),
];

/// The status of a stand-up's question (`folded`, its words joined by
/// single spaces): `yesterday` is done.
pub(super) fn stand_up_status(folded: &str) -> Option<Status> {
    (STAND_UP_PHRASES.iter())
        .find(|(phrase, _)| *phrase == folded)
        .map(|(_, status)| *status)
}

/// Heads of a report's heading that take a period after them
/// (`Completed` + `this week`, `Plans` + `for next month`): the phrases'
/// heads, and words that need the period to name the report's halves
/// (`## Priorities` alone may be anything).
const REPORT_HEADS: &[(&str, Status)] = &[
    ("accomplishments", Status::Done),
    ("key accomplishments", Status::Done),
    ("achievements", Status::Done),
    ("key achievements", Status::Done),
    ("work completed", Status::Done),
    // A PRINCE2 highlight report's halves: `Products completed in the
    // period`, `Products planned for the next period`.
    ("products completed", Status::Done),
    ("products planned", Status::Todo),
    ("completed", Status::Done),
    ("done", Status::Done),
    // What went out in the period (`## ✅ Shipped this week`, `Livré ce
    // mois-ci`, `Terminé cette semaine`).
    ("shipped", Status::Done),
    ("delivered", Status::Done),
    ("released", Status::Done),
    ("livre", Status::Done),
    ("termine", Status::Done),
    ("realisations", Status::Done),
    ("realise", Status::Done),
    ("fait", Status::Done),
    ("travaux realises", Status::Done),
    ("next steps", Status::Todo),
    ("planned", Status::Todo),
    ("plans", Status::Todo),
    ("planned activities", Status::Todo),
    ("priorities", Status::Todo),
    ("focus", Status::Todo),
    ("objectives", Status::Todo),
    ("prochaines etapes", Status::Todo),
    ("prevu", Status::Todo),
    ("priorites", Status::Todo),
    ("objectifs", Status::Todo),
    ("actions prevues", Status::Todo),
    ("in progress", Status::InProgress),
    ("work in progress", Status::InProgress),
    ("ongoing", Status::InProgress),
    ("en cours", Status::InProgress),
    ("travaux en cours", Status::InProgress),
];

/// The periods after a [`REPORT_HEADS`] head: the one that ends (done)
/// and the one to come (to do). Work in progress is of the one that ends
/// (`In progress this week`, `En cours ce mois-ci`).
const REPORT_PERIODS: &[(&str, Status)] = &[
    ("this week", Status::Done),
    ("this period", Status::Done),
    ("in the period", Status::Done),
    ("in this period", Status::Done),
    ("during the period", Status::Done),
    ("this month", Status::Done),
    ("this sprint", Status::Done),
    ("this quarter", Status::Done),
    ("last week", Status::Done),
    ("last period", Status::Done),
    ("last month", Status::Done),
    ("last sprint", Status::Done),
    ("de la semaine", Status::Done),
    ("du mois", Status::Done),
    ("de la periode", Status::Done),
    ("du sprint", Status::Done),
    ("cette semaine", Status::Done),
    ("ce mois", Status::Done),
    ("ce mois ci", Status::Done),
    ("la semaine derniere", Status::Done),
    ("next week", Status::Todo),
    ("next period", Status::Todo),
    ("next month", Status::Todo),
    ("next sprint", Status::Todo),
    ("next quarter", Status::Todo),
    ("in the next period", Status::Todo),
    ("for next week", Status::Todo),
    ("for next period", Status::Todo),
    ("for next month", Status::Todo),
    ("for next sprint", Status::Todo),
    ("for the next period", Status::Todo),
    ("for the coming week", Status::Todo),
    ("for the week ahead", Status::Todo),
    ("la semaine prochaine", Status::Todo),
    ("pour la semaine prochaine", Status::Todo),
    ("le mois prochain", Status::Todo),
    ("pour le mois prochain", Status::Todo),
    ("la periode suivante", Status::Todo),
    ("pour la periode suivante", Status::Todo),
];

/// Every report heading, as its words joined by single spaces: the
/// phrases, and each head followed by each period of its status.
static REPORT_HEADINGS: LazyLock<FxHashMap<String, Status>> = LazyLock::new(|| {
    let phrases = (REPORT_PHRASES.iter().chain(STAND_UP_PHRASES))
        .map(|(phrase, status)| (phrase.to_string(), *status));
    let headed = REPORT_HEADS.iter().flat_map(|(head, status)| {
        (REPORT_PERIODS.iter())
            .filter(move |(_, period)| {
                *period == *status || (*status == Status::InProgress && *period == Status::Done)
            })
            .map(move |(period, _)| (format!("{head} {period}"), *status))
    });
    phrases.chain(headed).collect()
});

/// The status a weekly report's heading (`folded`) gives the entries of
/// its lists ([`REPORT_HEADINGS`], the whole heading but for marks and a
/// colon, or but for the period in parentheses that ends it: a roadmap's
/// `## Now (Q4 2026)`).
pub(super) fn report_heading_status(folded: &str) -> Option<Status> {
    phrase_status(folded).or_else(|| phrase_status(trailing_aside(folded)?.0))
}

/// The status of the [`REPORT_HEADINGS`] phrase that is all of `folded`.
fn phrase_status(folded: &str) -> Option<Status> {
    // The heading's first word rules out nearly every heading at once.
    static FIRST_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| {
        (REPORT_PHRASES
            .iter()
            .chain(STAND_UP_PHRASES)
            .chain(REPORT_HEADS))
        .filter_map(|(phrase, _)| phrase.split(' ').next())
        .collect()
    });
    let first = words(folded).next()?;
    if !FIRST_WORDS.contains(first) {
        return None;
    }
    let phrase = words(folded).collect::<Vec<_>>().join(" ");
    REPORT_HEADINGS.get(&phrase).copied()
}

/// The vocabulary in force for one document, built once and shared by the
/// readers of items and milestones: the built-in tables, the portal's
/// `[vocabulary]`, and the document's own legend over both.
pub struct DocumentVocabulary<'v> {
    /// The portal's vocabulary, copied and extended when the document has
    /// a legend of its own.
    pub vocabulary: Cow<'v, Vocabulary>,
    /// Lines of the lists that are the legend (they are not items).
    pub legend_lists: FxHashSet<usize>,
}

impl<'v> DocumentVocabulary<'v> {
    pub fn new(outline: &Outline, portal: &'v Vocabulary) -> DocumentVocabulary<'v> {
        let mut vocabulary = Cow::Borrowed(portal);
        let legend_lists = read_legend(outline, &mut vocabulary);
        read_circles_in_status_cells(outline, &mut vocabulary);
        DocumentVocabulary {
            vocabulary,
            legend_lists,
        }
    }
}

/// Reads the document's own legend into `vocabulary` and returns the lines
/// of the lists that are legends (not items).
///
/// Three shapes: a list under a `**Légende :**` label (seed `004_…`:
/// `*   [✅] Fait`), one line of pairs (corpus `20_…`: `**Legend:** 🟢
/// Completed | 🔵 In Progress | 🟡 Queued`), and a list of terms whose
/// meanings say statuses (corpus `23_…`: `* **WIP**: Development work …`,
/// read by [`super::matrix::read_term_list`]).
fn read_legend(outline: &Outline, vocabulary: &mut Cow<Vocabulary>) -> FxHashSet<usize> {
    let mut legend_lists = FxHashSet::default();
    let mut visit =
        |blocks: &[Block], heading_is_legend: bool, vocabulary: &mut Cow<Vocabulary>| {
            let mut after_label = heading_is_legend;
            for block in blocks {
                match block {
                    Block::Paragraph(lines) => {
                        after_label = false;
                        matrix::read_definitions(lines, vocabulary);
                        for line in lines {
                            if let Some((label, value)) = line.text.split_once(':') {
                                if is_legend_label(label) {
                                    after_label = value.trim().is_empty();
                                    legend_pairs(value, vocabulary);
                                }
                            } else if is_legend_label(&line.text) {
                                after_label = true;
                            }
                        }
                    }
                    Block::List(entries) if after_label || heading_is_legend => {
                        let pairs: Option<Vec<(String, Option<Status>)>> = entries
                            .iter()
                            .map(|e| legend_entry(e, vocabulary))
                            .collect();
                        match pairs {
                            Some(pairs) => {
                                for (marker, status) in pairs {
                                    if let Some(status) = status {
                                        vocabulary.to_mut().add_legend(&marker, status);
                                    }
                                }
                                legend_lists.extend(entries.first().map(|e| e.line));
                            }
                            // `- WIP : en cours de développement` under
                            // `**Légende :**` defines a table's words.
                            None => {
                                if matrix::read_term_list(entries, vocabulary, true) {
                                    legend_lists.extend(entries.first().map(|e| e.line));
                                }
                            }
                        }
                        after_label = false;
                    }
                    Block::List(entries) => {
                        if matrix::read_term_list(entries, vocabulary, false) {
                            legend_lists.extend(entries.first().map(|e| e.line));
                        }
                        after_label = false;
                    }
                    _ => after_label = false,
                }
            }
        };
    visit(&outline.preamble, false, vocabulary);
    for section in outline.walk_sections() {
        visit(&section.blocks, names_legend(&section.folded), vocabulary);
    }
    legend_lists
}

/// Whether `table` is a health dashboard, not work: a report's `| Axe |
/// Statut | Commentaire |` with `| Budget | 🟢 | … |`, `| Planning | 🟠 |
/// … |`. Every filled status cell is a health circle the document's legend
/// does not define, followed by no status word (`🟠 Vigilance` is one,
/// `🟡 En cours` is not), or a colour word that is no status (`Amber`),
/// and one at least is green or red, which no item is: its rows are the
/// project's aspects, not tasks, and `🟠` there is no work in progress.
fn is_health_table(table: &Table, vocabulary: &Vocabulary) -> bool {
    let columns = tables::columns(table);
    let mut green_or_red = false;
    for row in &table.rows {
        for (cell, _) in
            (row.cells.iter().zip(columns)).filter(|(_, c)| **c == tables::Column::Status)
        {
            let cell = cell.trim_start_matches(['*', '_', ' ']);
            if cell.trim().is_empty() {
                continue;
            }
            if let Some(colour) = colour_word_not_status(cell, vocabulary) {
                green_or_red |= matches!(colour, Health::Green | Health::Red);
                continue;
            }
            let Some(circle) = vocabulary.undefined_circle_at_start(cell) else {
                return false;
            };
            if vocabulary.phrase_at_start(&cell[circle.len()..]).is_some() {
                return false;
            }
            green_or_red |= matches!(circle, "🟢" | "🔴");
        }
    }
    green_or_red
}

/// The health a cell names by a RAG colour word alone (`Green`, `Amber`,
/// `Rouge`), when that word is no status of the vocabulary: a highlight
/// report's `| Schedule | Amber | UAT slipped |`.
fn colour_word_not_status(cell: &str, vocabulary: &Vocabulary) -> Option<Health> {
    let health = Health::of_colour_word(cell.trim_matches(['*', '_', ' ', '.']))?;
    vocabulary.status_of_value(cell).is_none().then_some(health)
}

/// A health circle the document writes before a status word in its status
/// cells (corpus 07's `| **Frontend React/Next.js** | 🔴 Non démarré |`)
/// has that status on its list items too (`` - 🔴 `Property` : **VIDE** ``),
/// as a legend would say, when every such cell agrees. A circle the
/// document's legend defines, or whose built-in meaning is the one paired
/// (`🟡 En cours`), is left as it is.
fn read_circles_in_status_cells(outline: &Outline, vocabulary: &mut Cow<Vocabulary>) {
    let mut said: Vec<(&'static str, Option<Status>)> = Vec::new();
    let sections = outline.walk_sections();
    let blocks = (sections.iter().flat_map(|s| s.blocks.iter())).chain(outline.preamble.iter());
    for block in blocks {
        let Block::Table(table) = block else {
            continue;
        };
        if classify(table, false) != TableKind::Status {
            continue;
        }
        let columns = tables::columns(table);
        for row in &table.rows {
            for (cell, _) in
                (row.cells.iter().zip(columns)).filter(|(_, c)| **c == tables::Column::Status)
            {
                let Some(circle) = vocabulary.undefined_circle_at_start(cell) else {
                    continue;
                };
                let word = cell.trim_start_matches(|c: char| !c.is_alphanumeric());
                let Some((status, _)) = vocabulary.phrase_at_start(word) else {
                    continue;
                };
                match said.iter_mut().find(|(c, _)| *c == circle) {
                    Some((_, agreed)) if *agreed != Some(status) => *agreed = None,
                    Some(_) => {}
                    None => said.push((circle, Some(status))),
                }
            }
        }
    }
    for (circle, status) in said {
        match status {
            Some(status) if !vocabulary.marker_means(circle, status) => {
                vocabulary.to_mut().add_legend(circle, status);
            }
            _ => {}
        }
    }
}

/// Words a legend gives one marker at most (`[🚧] En Cours / Partiellement
/// Fait`, seed `004_…`).
const LEGEND_WORDS: usize = 5;

/// A legend line: a marker and a short label, and the status the label
/// names when it names one (`[✅] Fait` gives `[✅]` and done). `🟡
/// Préparation` and `⚠️ Critique` (corpus `01_…`) name none and keep their
/// markers' meaning, but they are still lines of the legend, not items.
/// `None` when the entry is not a legend line.
fn legend_entry(entry: &ListEntry, vocabulary: &Vocabulary) -> Option<(String, Option<Status>)> {
    let text = entry.first_line();
    let rest = match vocabulary.marker_at_start(text) {
        Some((_, rest)) => rest,
        None => {
            // A marker the tables do not know (`🔵 In Progress`).
            let (marker, rest) = text.split_once(' ')?;
            if marker.chars().any(char::is_alphanumeric) {
                return None;
            }
            rest
        }
    };
    let label_words = words(rest).count();
    if label_words == 0 || label_words > LEGEND_WORDS || !entry.children.is_empty() {
        return None;
    }
    let marker = text[..text.len() - rest.len()].trim().to_string();
    let status = vocabulary.phrase_at_start(rest).map(|(status, _)| status);
    Some((marker, status))
}

/// `🟢 Completed | 🔵 In Progress | 🟡 Queued | 🔴 Blocked`.
fn legend_pairs(value: &str, vocabulary: &mut Cow<Vocabulary>) {
    for piece in value.split(['|', ',', ';', '·']) {
        let piece = piece.trim();
        let Some((marker, word)) = piece.split_once(char::is_whitespace) else {
            continue;
        };
        if marker.chars().any(char::is_alphanumeric) && !marker.starts_with('[') {
            continue;
        }
        if let Some((status, _)) = vocabulary.phrase_at_start(word) {
            vocabulary.to_mut().add_legend(marker, status);
        }
    }
}

/// The claims of the document, and the lines of list entries that are claims.
#[derive(Default)]
struct Claims {
    list: Vec<Claim>,
    summary_lines: FxHashSet<usize>,
    /// Marked summary entries that name another section, by line: they
    /// restate its status when it holds work of its own ([`holds_work`]).
    restated: Vec<(usize, usize)>,
}

impl Claims {
    fn section(
        &mut self,
        reader: &ClaimReader,
        section: &OutlineSection,
        counter: &mut usize,
        in_risk: bool,
        vocabulary: &Vocabulary,
    ) {
        let id = *counter;
        *counter += 1;
        let in_risk = in_risk || risks::holds_risks(section);
        if !in_risk {
            let claim = if section.pseudo {
                reader.line(&section.heading, section.line, None)
            } else {
                reader.heading(&section.heading, section.line, id)
            };
            self.list.extend(claim);
            self.blocks(reader, &section.blocks, Some(id), vocabulary);
        }
        for child in &section.children {
            self.section(reader, child, counter, in_risk, vocabulary);
        }
    }

    fn blocks(
        &mut self,
        reader: &ClaimReader,
        blocks: &[Block],
        enclosing: Option<usize>,
        vocabulary: &Vocabulary,
    ) {
        for block in blocks {
            match block {
                Block::Paragraph(lines) | Block::Code { lines, .. } => {
                    for line in lines {
                        self.list
                            .extend(reader.line(&line.text, line.line, enclosing));
                    }
                }
                Block::List(entries) => self.entries(reader, entries, enclosing),
                Block::Table(table) => {
                    // Only a table with a total row needs its columns; a
                    // table of indicators may claim the project's progress.
                    let mut columns = None;
                    for row in &table.rows {
                        if !is_total_row(&row.cells) {
                            self.list.extend(reader.progress_row(&row.cells, row.line));
                            continue;
                        }
                        let percent = columns
                            .get_or_insert_with(|| Columns::analyse(table, vocabulary))
                            .percent;
                        self.list
                            .extend(reader.total_row(&row.cells, percent, row.line, enclosing));
                    }
                }
            }
        }
    }

    fn entries(&mut self, reader: &ClaimReader, entries: &[ListEntry], enclosing: Option<usize>) {
        for entry in entries {
            // A summary entry holds a `:` (`✅ Phase 1 : 100%`); most
            // entries are ruled out before their marker is looked for.
            if let Some(first) = entry.lines.first().filter(|l| l.text.contains(':')) {
                let marked = reader.vocabulary.marker_at_start(&first.text);
                let text = marked.map_or(first.text.as_str(), |(_, rest)| rest);
                let claim = (reader.summary_entry(text, first.line)).or_else(|| {
                    marked
                        .is_none()
                        .then(|| reader.tally_entry(text, first.line, enclosing))?
                });
                if let Some(claim) = claim {
                    self.summary_lines.insert(first.line);
                    self.list.push(claim);
                } else if let Some(section) =
                    marked.and_then(|_| reader.restated_section(text, enclosing))
                {
                    self.restated.push((first.line, section));
                }
            }
            self.entries(reader, &entry.children, enclosing);
        }
    }
}

/// Gives `owner` every item of a section headed by their handle (`##
/// @ana` in a stand-up) and of the sections under it, but those that
/// name an owner of their own: the part is that person's work.
fn give_owner(items: &mut [Item], sections: &mut [Section], owner: &str) {
    for item in items {
        item.owner.get_or_insert_with(|| owner.to_string());
        give_owner(&mut item.children, &mut [], owner);
    }
    for section in sections {
        give_owner(&mut section.items, &mut section.sections, owner);
    }
}

/// Whether `section` or a section under it holds work that carries a
/// status of its own: a marked list entry (a box, a symbol), a status
/// table, or a heading with a status (`(Not Started)`, `✅`).
fn holds_work(section: &OutlineSection, vocabulary: &Vocabulary) -> bool {
    fn marked(entries: &[ListEntry], vocabulary: &Vocabulary) -> bool {
        entries.iter().any(|entry| {
            vocabulary.marker_at_start(entry.first_line()).is_some()
                || marked(&entry.children, vocabulary)
        })
    }
    let block_holds = |block: &Block| match block {
        Block::List(entries) => marked(entries, vocabulary),
        Block::Table(table) => tables::classify(table, false) == tables::TableKind::Status,
        Block::Paragraph(_) | Block::Code { .. } => false,
    };
    vocabulary.holds_status(&section.heading)
        || section.blocks.iter().any(block_holds)
        || (section.children.iter()).any(|child| holds_work(child, vocabulary))
}

/// Builds the model sections.
struct Builder<'a> {
    reader: ItemReader<'a>,
    legend_lists: &'a FxHashSet<usize>,
    /// The entries of milestone lists ([`read`]'s `milestone_lines`).
    milestone_lines: &'a FxHashSet<usize>,
    /// The value of the first claim about each section (by depth-first index).
    declared: FxHashMap<usize, f64>,
    source: &'a Arc<str>,
    weight: crate::config::ProgressWeight,
    /// The reference date and order of the document's dates, for the due
    /// date of a ticket card.
    dates: (NaiveDate, DateOrder),
    /// Rows of status tables left out for a status cell that is no status
    /// (line, cell), for a diagnostic. A cell, since the builder's
    /// recursion reads through `&self`.
    unread: std::cell::RefCell<Vec<(usize, String)>>,
}

/// What a section whose claims are all about its parts claims itself:
/// the mean of its parts, a claim labelled with its title on its heading's
/// line. A dashboard's `## Avancement global` over `Lot 1 Conception
/// ██████████ 100%`, `Lot 2 Back-office ███████░░░ 70%`, `Lot 3 … 40%` and
/// `Lot 4 … 0%` claims 52.5 %, as its reader adds it up, not the first
/// lot's 100 %; and, its title being about the whole project, it is the
/// project's claim too. Each part counts once, at its first claim (a lot
/// claimed twice is a conflict, not two lots), all weighing the same: the
/// document gives no other weight. A section with a claim of its own, or
/// with one part only, is left as it is.
fn parts_means(claims: &[Claim], walk: &[&OutlineSection], titles: &[String]) -> Vec<Claim> {
    let mut parts: FxHashMap<usize, Vec<(&str, f64)>> = FxHashMap::default();
    let mut own: FxHashSet<usize> = FxHashSet::default();
    for claim in claims {
        let Target::Section(index) = claim.target else {
            continue;
        };
        if !claim.part {
            own.insert(index);
            continue;
        }
        let of_section = parts.entry(index).or_default();
        if !of_section.iter().any(|(label, _)| *label == claim.label) {
            of_section.push((&claim.label, claim.value));
        }
    }
    let mut means: Vec<Claim> = (parts.into_iter())
        .filter(|(index, parts)| parts.len() > 1 && !own.contains(index))
        .filter_map(|(index, parts)| {
            let sum: f64 = parts.iter().map(|(_, value)| value).sum();
            Some(Claim {
                label: titles.get(index)?.clone(),
                value: round1(sum / parts.len() as f64),
                line: walk.get(index)?.line,
                target: Target::Section(index),
                part: false,
            })
        })
        .collect();
    means.sort_by_key(|claim| claim.line);
    means
}

/// The first claim about each section, in document order.
fn first_claims(claims: &[Claim]) -> FxHashMap<usize, f64> {
    let mut first = FxHashMap::default();
    for claim in claims {
        if let Target::Section(index) = claim.target {
            first.entry(index).or_insert(claim.value);
        }
    }
    first
}

impl Builder<'_> {
    /// The section of `section`, its items and subsections. `in_team`:
    /// under a team section, whose subsections list members too (corpus
    /// 21's `Staffing` over `TC Sponsorship`: `* @carlosalberto (TC
    /// Sponsor)`). `siblings`: what its sibling headings and the heading
    /// over them say of it as a ticket ([`ItemReader::siblings`]).
    fn section(
        &self,
        section: &OutlineSection,
        counter: &mut usize,
        held: Held,
        in_team: bool,
        siblings: Siblings,
        people: &mut People,
    ) -> Option<Section> {
        let id = *counter;
        *counter += 1;
        let held = Held::under(held, section);
        let team = in_team || names_team(&section.folded);
        let (mut items, mut children) = self.block_items(
            &section.blocks,
            held,
            team,
            Some(section),
            section.level,
            people,
        );
        let beside = self.reader.siblings(Some(section), &section.children);
        children.extend(
            section
                .children
                .iter()
                .filter_map(|child| self.section(child, counter, held, team, beside, people)),
        );
        // Bold lines used as headings that hold no items (`**Work
        // Required:**`, corpus 18) left no subsections: the section is
        // still one ticket.
        // A folded block's summary whose list is read elsewhere (corpus
        // 24's `✅ v1.0 … -- SHIPPED` over boxes its phase details count)
        // is no task again.
        if items.is_empty() && children.is_empty() && held == Held::Work && !section.summary {
            items.extend(self.reader.ticket_heading(section, siblings));
        }
        if held == Held::Work {
            self.open_boxes_take_heading_status(section, &mut items);
        }
        if let Some(handle) = people::heading_handle(&section.heading) {
            give_owner(&mut items, &mut children, &handle);
        }
        let declared = self.declared.get(&id).copied();
        if section.pseudo && items.is_empty() && children.is_empty() && declared.is_none() {
            // A bold line used as a heading that holds nothing (`**Légende :**`).
            return None;
        }
        Some(self.finish(
            section_title(&section.heading),
            section.level,
            section.line,
            items,
            children,
            declared,
        ))
    }

    fn finish(
        &self,
        title: String,
        level: u8,
        line: usize,
        items: Vec<Item>,
        sections: Vec<Section>,
        declared_progress: Option<f64>,
    ) -> Section {
        let mut section = Section {
            title,
            level,
            line,
            source: Arc::clone(self.source),
            progress: None,
            declared_progress,
            health: None,
            counts: Default::default(),
            items,
            sections,
        };
        let all = section_items(&section);
        let counts = count(&all);
        let progress = mean_progress(all.into_iter(), self.weight);
        section.counts = counts;
        section.progress = progress;
        section
    }

    /// Items of the blocks of one section (at `level`, under `heading`), and
    /// the groups its milestone list ([`milestone_group`](Self::milestone_group))
    /// and its feature matrices ([`matrix`](Self::matrix)) make; people of a
    /// team section.
    fn block_items(
        &self,
        blocks: &[Block],
        held: Held,
        team: bool,
        section: Option<&OutlineSection>,
        level: u8,
        people: &mut People,
    ) -> (Vec<Item>, Vec<Section>) {
        let heading = section.map(|section| section.heading.as_str());
        let mut items = Vec::new();
        let mut groups = Vec::new();
        // A section's only table may be a ticket card that stands for it.
        let tables = blocks
            .iter()
            .filter(|b| matches!(b, Block::Table(_)))
            .count();
        let card_heading = heading.filter(|_| tables == 1 && held == Held::Work);
        let sorted_as = section.and_then(|section| self.sorted_as(section));
        for block in blocks {
            match block {
                Block::List(entries) => {
                    for entry in entries {
                        if team {
                            people.team_line(entry.first_line());
                        } else {
                            mentions(entry, people);
                        }
                    }
                    let is_legend = entries
                        .first()
                        .is_some_and(|e| self.legend_lists.contains(&e.line));
                    if held == Held::Work && !is_legend {
                        for entry in entries {
                            match self.milestone_group(entry, level) {
                                Some(group) => groups.push(group),
                                None => self.reader.list_entry(entry, None, sorted_as, &mut items),
                            }
                        }
                    }
                }
                Block::Table(table) => {
                    people.team_table(table, team);
                    for row in &table.rows {
                        people.mention_row(&row.cells);
                    }
                    let kind = classify(table, held == Held::Risks);
                    let card = card_heading
                        .filter(|_| matches!(kind, TableKind::Status | TableKind::Milestone))
                        .and_then(|heading| self.card(table, heading));
                    if let Some(card) = card {
                        items.push(card);
                    } else if held != Held::Notes
                        && kind == TableKind::Status
                        && !is_health_table(table, self.reader.vocabulary)
                    {
                        items.extend(self.rows_with_due_dates(table));
                    } else if held == Held::Work && kind == TableKind::Other {
                        self.matrix(table, level, &mut items, &mut groups);
                    }
                }
                Block::Paragraph(lines) => {
                    for line in lines {
                        people.mention(&line.text);
                    }
                    if held == Held::Work {
                        items.extend(self.reader.paragraph_items(lines));
                    }
                }
                Block::Code { .. } => {}
            }
        }
        (items, groups)
    }

    /// The status of a heading that is only a status phrase (`### À
    /// faire`, `## ✅ Terminé`, `**En cours :**`): the author sorted the
    /// entries of its lists there, so an entry without a status of its own
    /// has that one ([`ItemReader::list_entry`]).
    fn sorted_as(&self, section: &OutlineSection) -> Option<Status> {
        (self.reader.vocabulary)
            .only_phrase(&section_title(&section.heading))
            .or_else(|| report_heading_status(&section.folded))
    }

    /// Under a heading that is only a status a task box cannot write
    /// (`### 🔵 In Progress`, `## Bloqué`), the open boxes of the section's
    /// own lists (`- [ ] SSH version randomization`) have that status: the
    /// author sorted them there, a box being only done or not (corpus 20).
    /// Their subtasks keep their boxes. Under a heading that puts work out
    /// of the project (`## Out of scope`, `## Hors périmètre`, a sprint
    /// report's `## Issues Removed From Sprint`), every item still to do,
    /// a box or a row, is cancelled: it is no work left.
    fn open_boxes_take_heading_status(&self, section: &OutlineSection, items: &mut [Item]) {
        if !items.iter().any(|item| item.status == Status::Todo) {
            return;
        }
        let status = self.sorted_as(section);
        if status == Some(Status::Cancelled) {
            for item in items.iter_mut().filter(|item| item.status == Status::Todo) {
                item.status = Status::Cancelled;
            }
            return;
        }
        let Some(status @ (Status::InProgress | Status::Blocked)) = status else {
            return;
        };
        let open: FxHashSet<usize> = (section.blocks.iter())
            .filter_map(|block| match block {
                Block::List(entries) => Some(entries),
                _ => None,
            })
            .flatten()
            .filter(|entry| entry.first_line().starts_with("[ ]"))
            .map(|entry| entry.line)
            .collect();
        for item in items.iter_mut() {
            if item.status == Status::Todo && open.contains(&item.line) {
                item.status = status;
            }
        }
    }

    /// The item of a ticket card ([`ItemReader::card`]), due at the end of
    /// the date or period of its date column (`Q4/2023`: 31 December), as
    /// a milestone of that row is.
    fn card(&self, table: &Table, heading: &str) -> Option<Item> {
        let mut item = self.reader.card(table, heading)?;
        item.due = self.due_in(table, &table.rows[0].cells);
        Some(item)
    }

    /// The items of a status table's rows; those of a ticket table
    /// ([`tables::is_ticket_table`]) due on their row's date.
    fn rows_with_due_dates(&self, table: &Table) -> Vec<Item> {
        let mut items = (self.reader).table_and_unread(table, None, &mut self.unread.borrow_mut());
        if tables::is_ticket_table(table) {
            for item in &mut items {
                // Rows are in line order: found by binary search, not a
                // scan per row (quadratic in a table of thousands).
                let row = (table.rows.binary_search_by_key(&item.line, |row| row.line)).ok();
                item.due = row.and_then(|row| self.due_in(table, &table.rows[row].cells));
            }
        }
        items
    }

    /// The day a row's due-date column says, at the end of its period.
    fn due_in(&self, table: &Table, cells: &[String]) -> Option<chrono::NaiveDate> {
        let (reference, order) = self.dates;
        let cell = cells.get(tables::due_column(table)?)?;
        let (date, _) = super::dates::find_dates(cell, reference, order)
            .into_iter()
            .next()?;
        Some(super::dates::period_end(&date).unwrap_or(date.start))
    }

    /// The rows of a feature matrix ([`matrix`]) as items; those under a
    /// header repeated inside the table with a name of its own (corpus 13's
    /// `| [TracerProvider](…) | Optional | Go | … |`) form a group one
    /// level down, titled by that name, as the rows under it are that
    /// part of the section's features.
    fn matrix(&self, table: &Table, level: u8, items: &mut Vec<Item>, groups: &mut Vec<Section>) {
        let matrix = matrix::read(table, self.reader.vocabulary);
        let mut grouped: Vec<Vec<Item>> = vec![Vec::new(); matrix.groups.len()];
        for row in &matrix.rows {
            let Some(item) = self.reader.matrix_item(row) else {
                continue;
            };
            match row.group {
                Some(group) => grouped[group].push(item),
                None => items.push(item),
            }
        }
        for (group, items) in matrix.groups.iter().zip(grouped) {
            if !items.is_empty() {
                let title = clean_text(&group.name);
                let level = level.saturating_add(1);
                groups.push(self.finish(title, level, group.line, items, Vec::new(), None));
            }
        }
    }

    /// A milestone of a milestone list with tasks under it (`- [x] Q1
    /// Focus` / `  - [x] Kickoff`, corpus 21): a group of the tree one
    /// level down, titled by the milestone as written, that holds those
    /// tasks. They keep their milestone, and the milestone is not counted
    /// as a task.
    fn milestone_group(&self, entry: &ListEntry, level: u8) -> Option<Section> {
        let first = entry.lines.first()?;
        if !self.milestone_lines.contains(&first.line) {
            return None;
        }
        let owner = self.reader.owner_of(first, &entry.lines[1..]);
        let items = self.reader.list(&entry.children, owner.as_deref());
        if items.is_empty() {
            return None;
        }
        let text = (self.reader.vocabulary.marker_at_start(&first.text))
            .map_or(first.text.as_str(), |(_, rest)| rest);
        Some(self.finish(
            clean_text(text),
            level.saturating_add(1),
            first.line,
            items,
            Vec::new(),
            None,
        ))
    }
}

fn mentions(entry: &ListEntry, people: &mut People) {
    people.mention(entry.first_line());
    for child in &entry.children {
        mentions(child, people);
    }
}

/// `conflicting-declarations`: claims about one section further apart than
/// the configured gap (seed `001_…`: the Phase 1.0 bar says 95%, its
/// `Statut` line 80%, its score line 98%). A claim about a part of the
/// section ([`Claim::part`]) is compared only with claims about that part.
fn conflicts(claims: &[Claim], titles: &[String], source: &str, gap: f64) -> Vec<Diagnostic> {
    // Sections (and parts) in the order of their first claim, each with its claims.
    let mut by_section: Vec<(usize, Vec<&Claim>)> = Vec::new();
    let mut position: FxHashMap<(usize, Option<&str>), usize> = FxHashMap::default();
    for claim in claims {
        if let Target::Section(index) = claim.target {
            let part = claim.part.then_some(claim.label.as_str());
            let at = *position.entry((index, part)).or_insert_with(|| {
                by_section.push((index, Vec::new()));
                by_section.len() - 1
            });
            by_section[at].1.push(claim);
        }
    }
    by_section
        .into_iter()
        .filter_map(|(index, list)| {
            let first = list.first()?;
            let (a, b) = first_disagreement(&list, gap)?;
            let (earlier, later) = if a.line <= b.line { (a, b) } else { (b, a) };
            Some(Diagnostic::warning(
                "conflicting-declarations",
                source,
                later.line,
                messages::CONFLICTING_DECLARATIONS.say(&[
                    &titles.get(index).map(String::as_str).unwrap_or(""),
                    &later.value,
                    &earlier.value,
                    &earlier.line,
                    &first.value,
                    &first.line,
                ]),
            ))
        })
        .collect()
}

/// The first pair of claims (in the order of the list, first by the first
/// claim of the pair) further apart than `gap`. A claim is in such a pair
/// exactly when the lowest or the highest claim is that far from it, so
/// the list is read twice, not once per claim.
fn first_disagreement<'c>(list: &[&'c Claim], gap: f64) -> Option<(&'c Claim, &'c Claim)> {
    let lowest = list.iter().map(|c| c.value).fold(f64::INFINITY, f64::min);
    let highest = list
        .iter()
        .map(|c| c.value)
        .fold(f64::NEG_INFINITY, f64::max);
    let a = list
        .iter()
        .find(|a| highest - a.value > gap || a.value - lowest > gap)?;
    let b = list.iter().find(|b| (a.value - b.value).abs() > gap)?;
    Some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` extracted as `p.md` on 1 November 2026.
    fn extracted(text: &str) -> DocumentStatus {
        let config = crate::config::Config::default();
        let document = crate::ingest::Document::from_bytes("p.md", text.as_bytes());
        let context =
            super::super::Context::new(&config, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        super::super::extract(&document, &context)
    }

    #[test]
    fn an_item_is_due_on_the_date_written_on_it() {
        let text = "# P\n\nDernière mise à jour : 01/03/2026\n\n## Lot\n\n- [ ] Livraison du module 15/03/2026\n- [ ] Recette fin avril\n- [ ] Sans date\n- [ ] Formation ~~10/03/2026~~ 20/05/2026\n- [ ] Audit prévu le 01/04/2026, repoussé au 15/06/2026\n";
        let status = extracted(text);
        let items = &status.sections[0].items;
        assert_eq!(items[0].due, NaiveDate::from_ymd_opt(2026, 3, 15));
        assert_eq!(items[1].due, NaiveDate::from_ymd_opt(2026, 4, 30));
        assert_eq!(items[2].due, None);
        // A task that moved is due on the date it moved to.
        assert_eq!(items[3].due, NaiveDate::from_ymd_opt(2026, 5, 20));
        assert_eq!(items[4].due, NaiveDate::from_ymd_opt(2026, 6, 15));
    }

    #[test]
    fn a_team_sections_subsections_list_members() {
        let text = "# P\n\n## Équipe\n\n### Développement\n\n- Alice Martin - Cheffe de projet\n\n## Lot\n\n### Tâches\n\n- Bob Durand - relire la spec\n";
        let status = extracted(text);
        let people: Vec<(&str, Option<&str>)> = (status.people.iter())
            .map(|p| (p.name.as_str(), p.role.as_deref()))
            .collect();
        // `Lot` is no team section, so neither is its `Tâches`.
        assert_eq!(people, [("Alice Martin", Some("Cheffe de projet"))]);
    }

    #[test]
    fn a_table_of_members_gives_people_with_their_roles() {
        let text = "# P\n\n## Équipe\n\n| Nom | Rôle |\n|---|---|\n| Alice Martin | Cheffe de projet |\n| @bob | Dev |\n| TBD | QA |\n\n## Répartition\n\n| Membre | Responsabilité principale |\n|---|---|\n| Le-Bronec Timothé | Site web + carte 3D |\n\n## Lot\n\n| Nom | Statut |\n|---|---|\n| Migration base | ✅ |\n";
        let status = extracted(text);
        let people: Vec<(&str, Option<&str>, Option<&str>)> = (status.people.iter())
            .map(|p| (p.name.as_str(), p.handle.as_deref(), p.role.as_deref()))
            .collect();
        // `TBD` names nobody; a `Nom` column outside a team section names
        // a task.
        assert_eq!(
            people,
            [
                ("Alice Martin", None, Some("Cheffe de projet")),
                ("bob", Some("@bob"), Some("Dev")),
                ("Le-Bronec Timothé", None, Some("Site web + carte 3D")),
            ]
        );
    }

    #[test]
    fn the_first_pair_of_claims_that_disagree() {
        let claim = |value: f64, line: usize| Claim {
            label: String::new(),
            value,
            line,
            target: Target::Section(0),
            part: false,
        };
        // Every pair, first by its first claim: what "first" means.
        fn by_every_pair(list: &[&Claim], gap: f64) -> Option<(usize, usize)> {
            (0..list.len())
                .flat_map(|a| (0..list.len()).map(move |b| (a, b)))
                .find(|&(a, b)| (list[a].value - list[b].value).abs() > gap)
        }
        let lists: [&[f64]; 6] = [
            &[80.0, 95.0, 98.0],
            &[60.0, 50.0, 70.0],
            &[50.0, 60.0, 70.0, 90.0],
            &[10.0, 20.0, 25.0],
            &[100.0],
            &[40.0, 40.0, 0.0, 100.0],
        ];
        for values in lists {
            let claims: Vec<Claim> = values.iter().map(|v| claim(*v, 1)).collect();
            let list: Vec<&Claim> = claims.iter().collect();
            let found = first_disagreement(&list, 15.0).map(|(a, b)| (a.value, b.value));
            let expected = by_every_pair(&list, 15.0).map(|(a, b)| (list[a].value, list[b].value));
            assert_eq!(found, expected, "{values:?}");
        }
        let claims = [claim(80.0, 1), claim(95.0, 2), claim(98.0, 3)];
        let list: Vec<&Claim> = claims.iter().collect();
        let (a, b) = first_disagreement(&list, 15.0).unwrap();
        assert_eq!((a.line, b.line), (1, 3));
    }

    #[test]
    fn titles_lose_their_markers() {
        assert_eq!(
            section_title("✅ PHASE 0 - COMPLET À 100%"),
            "PHASE 0 - COMPLET À 100%"
        );
        assert_eq!(section_title("Points Positifs ✅"), "Points Positifs");
        assert_eq!(section_title("Légende :"), "Légende");
        assert_eq!(section_title("1. Setup"), "1. Setup");
    }

    #[test]
    fn risk_headings() {
        let is_risk_heading =
            |heading: &str| risks::mentions_risks(&crate::extract::folding::fold(heading));
        assert!(is_risk_heading("🔴 Risques Critiques Actuels"));
        assert!(is_risk_heading("Blockers"));
        assert!(!is_risk_heading("Brisk walk"));
    }
}

#[cfg(test)]
mod robustness {
    use proptest::prelude::*;

    use crate::config::Config;
    use crate::extract::{extract, Context};
    use crate::ingest::Document;

    fn run(text: &str) {
        let config = Config::default();
        let context = Context::new(
            &config,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"),
        );
        let document = Document {
            source: "doc.md".into(),
            text: text.to_string(),
            front_matter: Default::default(),
            diagnostics: Vec::new(),
            decoding: None,
        };
        let _ = extract(&document, &context);
    }

    proptest! {
        /// No document can panic the extraction: markdown-ish noise with
        /// accents, emoji, boxes, bars, tables and percentages.
        #[test]
        fn never_panics(text in r"([#\-*|:%\[\]x ~()@àéÀ✅🟡⏳█░\n]|Phase 1|Total|Statut|Légende|[0-9]{1,3}%|\*\*){0,80}") {
            run(&text);
        }
    }
}

#[cfg(test)]
mod documents {
    use crate::config::Config;
    use crate::extract::{extract, Context};
    use crate::ingest::Document;
    use crate::model::{DocumentStatus, Status};

    fn status_of(text: &str) -> DocumentStatus {
        let config = Config::default();
        let context = Context::new(
            &config,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"),
        );
        let document = Document {
            source: "doc.md".into(),
            text: text.to_string(),
            front_matter: Default::default(),
            diagnostics: Vec::new(),
            decoding: None,
        };
        extract(&document, &context)
    }

    /// A column of a team's own status words (`config.toml`'s
    /// `[vocabulary]`) is the rows' status as one of built-in words is,
    /// whatever its header: three deliverables, one delivered and two
    /// under way, where the built-in words alone read no status column.
    #[test]
    fn a_column_of_the_portal_s_own_words_is_a_status_column() {
        let text = "# T\n\n## Livrables\n\n| Livrable | Notes |\n|---|---|\n\
                    | Maquettes | Livré en recette |\n| API | En cours |\n| Batch | en cours |\n";
        assert_eq!(status_of(text).sections[0].counts.total, 0);
        let mut config = Config::default();
        config.vocabulary.done.words.push("livré en recette".into());
        let context = Context::new(
            &config,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"),
        );
        let document = Document::from_bytes("doc.md", text.as_bytes());
        let status = extract(&document, &context);
        let counts = status.sections[0].counts;
        assert_eq!((counts.total, counts.done, counts.in_progress), (3, 1, 2));
        assert_eq!(status.sections[0].items[0].text, "Maquettes");
    }

    #[test]
    fn legend_lists_are_not_items_and_override_markers() {
        let status = status_of("# T\n\n**Légende :**\n*   [🚧] À faire\n\n## S\n\n- [🚧] x\n");
        assert_eq!(status.sections.len(), 1, "the legend is no section");
        assert_eq!(status.sections[0].counts.todo, 1);
        assert_eq!(status.sections[0].counts.total, 1);
    }

    /// Corpus 01's legend: four of its six labels are statuses, two
    /// (`Préparation`, `Critique`) are not; none of its lines is an item,
    /// and `⏸️` takes the meaning the legend gives it.
    #[test]
    fn a_legend_line_without_a_status_word_is_still_the_legend() {
        let text = "# T\n\n## S\n\n- ⏸️ Migration\n- [x] Fait\n\n**Légende:**\n\
                    - ✅ Complété\n- 🟢 En cours\n- 🟡 Préparation\n- ⏸️ Pas commencé\n\
                    - 🔴 Bloqué\n- ⚠️ Critique\n";
        let status = status_of(text);
        assert_eq!(status.sections.len(), 1);
        let counts = status.sections[0].counts;
        assert_eq!((counts.total, counts.todo, counts.done), (2, 1, 1));
        // A key of severities under the label is a legend too, not work.
        let text = "# T\n\n## S\n\n- [ ] a\n\n**Légende:**\n- 🔴 Critique\n- 🟠 Haute\n";
        assert_eq!(status_of(text).sections[0].counts.total, 1);
    }

    #[test]
    fn inline_legend_gives_circles_a_meaning() {
        let text = "# T\n\n**Legend:** 🟢 Completed | 🟡 Queued\n\n## S\n\n| Task | Status |\n|---|---|\n| a | 🟡 **Queued** |\n| b | 🟢 Completed |\n";
        let status = status_of(text);
        let counts = status.sections[0].counts;
        assert_eq!((counts.todo, counts.done), (1, 1));
    }

    /// A sprint report's retrospective (the demo's `sprint-14.md`): what
    /// went well and what did not are notes, not the sprint's work.
    #[test]
    fn a_retrospective_holds_notes_not_items() {
        let text = "# Sprint 14\n\n- [x] Connecteur\n- [ ] Alerting\n\n## Rétrospective\n\n- ✅ Bonne collaboration\n- ⚠️ Recette instable\n\n### Actions\n\n- [ ] Stabiliser la recette\n\n## Lessons learned\n\n- ✅ Pair on the schema\n\n## Retour d'expérience\n\n| Sujet | Statut |\n|---|---|\n| Outillage | ✅ |\n";
        let status = status_of(text);
        let total: u32 = status.sections.iter().map(|s| s.counts.total).sum();
        assert_eq!(total, 2, "{:#?}", status.sections);
        let titles: Vec<&str> = status.sections.iter().map(|s| s.title.as_str()).collect();
        assert!(titles.contains(&"Rétrospective"), "{titles:?}");
        // A Definition of Done lists what every task must meet.
        let text = "# Sprint\n\n- [ ] Login\n\n## 🎯 Definition of Done\n\n- [ ] Code reviewed\n- [ ] Tests written\n\n## Définition de fini\n\n- [ ] Recetté\n";
        let status = status_of(text);
        let total: u32 = status.sections.iter().map(|s| s.counts.total).sum();
        assert_eq!(total, 1, "{:#?}", status.sections);
        // `Rétro-compatibilité` is work: only whole retrospective words count.
        let status = status_of("# T\n\n## Rétro-compatibilité API\n\n- [ ] v1 lue par v2\n");
        assert_eq!(status.sections[0].counts.total, 1);
    }

    /// A milestone list's dated entries are milestones, as a milestone
    /// table's rows are, whatever marker they carry; an entry without a
    /// date, and the tasks under a milestone, are still items.
    #[test]
    fn a_milestone_list_gives_milestones_not_items() {
        let text = "# Projet

## Développement

- [x] Socle technique

## Jalons

- COPIL de lancement : 15/03/2026 ✅
- [ ] Recette : 16 novembre 2026
  - [x] Jeux de données
- [ ] Planifier le COPIL de clôture

## Suite

- [ ] Go-live : 14/12/2026
";
        let status = status_of(text);
        let milestones: Vec<&str> = status.milestones.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(milestones, ["COPIL de lancement", "Recette", "Go-live"]);
        let texts = |section: &crate::model::Section| -> Vec<String> {
            let mut texts = Vec::new();
            for item in &section.items {
                texts.push(item.text.clone());
                texts.extend(item.children.iter().map(|child| child.text.clone()));
            }
            texts
        };
        let titles: Vec<&str> = status.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Développement", "Jalons", "Suite"]);
        assert_eq!(texts(&status.sections[0]), ["Socle technique"]);
        // The task under `Recette` stays under it, in a group of the tree
        // named after the milestone, which is not a task.
        let jalons = &status.sections[1];
        assert_eq!(texts(jalons), ["Planifier le COPIL de clôture"]);
        assert_eq!(jalons.sections.len(), 1);
        assert_eq!(jalons.sections[0].title, "Recette : 16 novembre 2026");
        assert_eq!(jalons.sections[0].level, 3);
        assert_eq!(texts(&jalons.sections[0]), ["Jeux de données"]);
        assert_eq!((jalons.counts.done, jalons.counts.total), (1, 2));
        // Outside a milestone section, a dated task is a task (and a milestone).
        assert_eq!(texts(&status.sections[2]), ["Go-live : 14/12/2026"]);
    }

    #[test]
    fn preamble_items_go_to_a_title_section() {
        let status = status_of("# Suivi\n\n- [x] a\n\n## S\n\n- [ ] b\n");
        assert_eq!(status.sections[0].title, "Suivi");
        assert_eq!(status.sections[0].level, 1);
        assert_eq!(status.sections[0].counts.done, 1);
        let status = status_of("# Suivi\n\n## S\n\n- [ ] b\n");
        assert_eq!(status.sections[0].title, "S");
    }

    #[test]
    fn ticket_per_heading_sections() {
        let text = "# T\n\n## PHASE 2\n\n### ⏳ 2. GED - Upload\n**Statut** : ⏳ À faire\n**Actions** :\n- Ajouter validation\n\n### 4. Messagerie\n**Statut** : ✅ Fait\n\n### 5. Rien\n- idée\n";
        let status = status_of(text);
        let phase = &status.sections[0];
        assert_eq!(phase.counts.total, 2);
        assert_eq!(phase.sections[0].items[0].text, "2. GED - Upload");
        assert_eq!(phase.sections[0].items[0].status, Status::Todo);
        assert_eq!(phase.sections[1].items[0].status, Status::Done);
    }

    /// Numbered headings with no status of their own under a heading with
    /// one are its tasks (corpus 04's `## ⏳ PHASE 3 - NON COMMENCÉE`);
    /// not under a phase in progress, whose tasks may be at any stage, and
    /// not when the heading says its own status elsewhere.
    /// The items of a section's subsections, as (text, status).
    fn subsection_items(section: &crate::model::Section) -> Vec<(String, Status)> {
        (section.sections.iter())
            .flat_map(|s| s.items.iter().map(|i| (i.text.clone(), i.status)))
            .collect()
    }

    #[test]
    fn numbered_headings_take_their_parents_status() {
        let text = "# T\n\n## ⏳ PHASE 3 - NON COMMENCÉE (0%)\n\n### 1. Galerie Photos\n- Lightbox\n\n### 2. Bouton Modifier\n- Rendre fonctionnel\n\n### Notes\nRien.\n\n## 🟡 PHASE 2 - EN COURS\n\n### 1. Export\n- CSV\n\n## 🛑 BLOQUANTS\n\n### ~~1. Build~~ ✅ RÉSOLU\n**Impact:** aucun\n\n### 2026 Roadmap\n- rien\n";
        let status = status_of(text);
        let items = subsection_items;
        assert_eq!(
            items(&status.sections[0]),
            [
                ("1. Galerie Photos".to_string(), Status::Todo),
                ("2. Bouton Modifier".to_string(), Status::Todo)
            ]
        );
        assert!(items(&status.sections[1]).is_empty());
        assert!(items(&status.sections[2]).is_empty());
    }

    /// A heading that ends with its status in parentheses is a ticket,
    /// though its details sit under bold lines used as headings (corpus
    /// 18's `### Phase 4: … (Not Started)` over `**Work Required:**`);
    /// parentheses that hold more than a status are not one.
    #[test]
    fn a_status_in_parentheses_ends_a_ticket_heading() {
        let text = "# T\n\n## Remaining Phases\n\n### Phase 4: Domain APIs (Not Started)\n\n**Scope:** LARGE\n\n**Work Required:**\n\n1. **Move Events**\n   - BlockPlacedEvent → block-api\n\n**Files to Modify:**\n- `src/lib.rs`\n\n### Phase 5: Migration (✅ Done)\n\nAll six plugins.\n\n## Priorités\n\n### 🔥 Priorité CRITIQUE (À faire immédiatement)\n\n1. **Compléter les Models**\n\n### Backup Automatique (4h)\n\nChaque nuit.\n";
        let status = status_of(text);
        let items = subsection_items;
        assert_eq!(
            items(&status.sections[0]),
            [
                ("Phase 4: Domain APIs".to_string(), Status::Todo),
                ("Phase 5: Migration".to_string(), Status::Done)
            ]
        );
        assert!(items(&status.sections[1]).is_empty());
    }

    /// Entries sorted under a heading that is only a status have that
    /// status, as under a `- **À faire** :` entry; their details and the
    /// entries that say otherwise keep theirs.
    #[test]
    fn entries_under_a_status_heading_have_its_status() {
        let text = "# Sprint 3\n\n## À faire\n\n- Migrer la base\n  - sauvegarde d'abord\n- ✅ Écrire la doc\n\n## ✅ Terminé\n\n- Export CSV\n\n## Notes\n\n- Réunion mardi\n";
        let status = status_of(text);
        let read = |section: &crate::model::Section| {
            (section.items.iter())
                .map(|i| (i.text.clone(), i.status, i.children.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read(&status.sections[0]),
            [
                ("Migrer la base".to_string(), Status::Todo, 0),
                ("Écrire la doc".to_string(), Status::Done, 0)
            ]
        );
        assert_eq!(
            read(&status.sections[1]),
            [("Export CSV".to_string(), Status::Done, 0)]
        );
        assert!(status.sections[2].items.is_empty());
    }

    /// ⚠️ and 🔄 decorate a heading over notes or a template (corpus 07
    /// and 15); among sibling tickets they are statuses.
    #[test]
    fn a_warning_sign_alone_among_headings_is_no_ticket() {
        let text = "# T\n\n## ✅ Fait\n\n### Docker ✅\n\n- [x] image\n\n## ⚠️ POINTS D'ATTENTION\n\n1. **Models vides** : à compléter\n\n## 🔄 Daily Update Template\n\n```\n- Completed:\n```\n";
        let status = status_of(text);
        assert_eq!(status.sections[1].title, "POINTS D'ATTENTION");
        assert!(status.sections[1].items.is_empty());
        assert!(status.sections[2].items.is_empty());
        assert_eq!(status.sections[0].counts.total, 1);
        let tickets = "# T\n\n## Lot 2\n\n### ⚠️ Validation minimale\n\nÀ revoir.\n\n### ✅ Export CSV\n\nLivré.\n";
        let status = status_of(tickets);
        let items: Vec<_> = (status.sections[0].sections.iter())
            .map(|s| (s.items[0].text.as_str(), s.items[0].status))
            .collect();
        assert_eq!(
            items,
            [
                ("Validation minimale", Status::InProgress),
                ("Export CSV", Status::Done)
            ]
        );
    }

    /// A report's health dashboard gives no items: its rows are aspects
    /// of the project in green, orange or red. Circles beside status words,
    /// or bare amber ones with no green or red, are still statuses.
    #[test]
    fn a_health_dashboard_is_no_work() {
        let dashboard = "# R\n\n## Indicateurs\n\n| Axe | Statut | Commentaire |\n|---|---|---|\n| Planning | 🟠 | Retard |\n| Budget | **🟢** | |\n| Qualité | 🔴 Alerte | 12 anomalies |\n| Périmètre | | |\n";
        let counts = |text: &str| {
            status_of(text)
                .sections
                .iter()
                .map(|s| s.counts)
                .collect::<Vec<_>>()
        };
        assert_eq!(counts(dashboard)[0].total, 0);
        let tasks = "# R\n\n## Tâches\n\n| Tâche | Statut |\n|---|---|\n| API | 🟡 |\n| Front | 🟠 |\n\n| Tâche | Statut |\n|---|---|\n| Recette | 🟢 Terminé |\n| Doc | 🔴 Non démarré |\n";
        let tasks = counts(tasks)[0];
        assert_eq!((tasks.in_progress, tasks.done, tasks.total), (2, 1, 4));
    }

    #[test]
    fn a_ticket_card_is_one_item_named_by_its_heading() {
        let card = |status: &str, target: &str| {
            format!("| Category | Status | Target | Owner |\n|---|---|---|---|\n| Connectivity | {status} | {target} | @ana |\n")
        };
        let text = format!(
            "# Roadmap\n\n## In the works\n\n### AutoNAT\n\n{}\n### 🚧 Relay v2\n\n{}\n## Done\n\n### QUIC\n\n{}",
            card("todo", "Q4/2026"),
            card("in progress", ""),
            card("done", "15/03/2026"),
        );
        let status = status_of(&text);
        let item = |section: &crate::model::Section| {
            section
                .items
                .iter()
                .map(|i| (i.text.clone(), i.status, i.due))
                .collect::<Vec<_>>()
        };
        let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        let works = &status.sections[0];
        assert_eq!(
            item(&works.sections[0]),
            [("AutoNAT".to_string(), Status::Todo, date(2026, 12, 31))]
        );
        // The heading's own marker is not part of the name; the row's status wins.
        assert_eq!(
            item(&works.sections[1]),
            [("Relay v2".to_string(), Status::InProgress, None)]
        );
        assert_eq!(works.sections[0].items[0].owner.as_deref(), Some("@ana"));
        assert_eq!(works.sections[0].items[0].line, 9);
        assert_eq!(
            item(&status.sections[1].sections[0]),
            [("QUIC".to_string(), Status::Done, date(2026, 3, 15))]
        );
        // A dated card is a milestone as well.
        assert_eq!(status.milestones.len(), 2);
    }

    /// Work put out of the project by its heading is no work left: its
    /// open boxes and its rows still to do are cancelled, what was done
    /// stays done.
    #[test]
    fn work_out_of_scope_is_cancelled() {
        let text = "# T\n\n## In scope\n\n- [x] a\n- [ ] b\n\n## Out of scope\n\n- [ ] c\n- [x] d\n\n## Hors périmètre\n\n- [ ] e\n\n## Issues Removed From Sprint\n\n| Key | Summary | Status |\n|---|---|---|\n| PAY-099 | Apple Pay on web | To Do |\n";
        let status = status_of(text);
        let read: Vec<Vec<(&str, Status)>> = (status.sections.iter())
            .map(|section| {
                (section.items.iter())
                    .map(|item| (item.text.as_str(), item.status))
                    .collect()
            })
            .collect();
        assert_eq!(
            read,
            [
                vec![("a", Status::Done), ("b", Status::Todo)],
                vec![("c", Status::Cancelled), ("d", Status::Done)],
                vec![("e", Status::Cancelled)],
                vec![("Apple Pay on web", Status::Cancelled)],
            ]
        );
    }

    #[test]
    fn open_boxes_under_a_status_heading_take_its_status() {
        let text = "# T\n\n## 🔵 In Progress\n\n- [ ] a\n  - [ ] sub\n- [x] b\n- ⬜ c\n\n## Bloqué\n\n- [ ] d\n\n## En cours de rédaction\n\n- [ ] e\n\n## Done\n\n- [ ] f\n";
        let status = status_of(text);
        let statuses = |section: &crate::model::Section| {
            section
                .items
                .iter()
                .map(|i| (i.text.clone(), i.status))
                .collect::<Vec<_>>()
        };
        let progress = &status.sections[0];
        // The open box is in progress; its subtask, the ticked box and an
        // item whose own symbol says "to do" keep theirs.
        assert_eq!(
            statuses(progress),
            [
                ("a".to_string(), Status::InProgress),
                ("b".to_string(), Status::Done),
                ("c".to_string(), Status::Todo)
            ]
        );
        assert_eq!(progress.items[0].children[0].status, Status::Todo);
        assert_eq!(
            statuses(&status.sections[1]),
            [("d".to_string(), Status::Blocked)]
        );
        // A heading that says more than a status, or a status a box can
        // write, changes nothing.
        assert_eq!(
            statuses(&status.sections[2]),
            [("e".to_string(), Status::Todo)]
        );
        assert_eq!(
            statuses(&status.sections[3]),
            [("f".to_string(), Status::Todo)]
        );
    }

    #[test]
    fn a_circle_means_on_items_what_the_status_cells_pair_it_with() {
        let table = "| Lot | État |\n|---|---|\n| A | 🔴 Non démarré |\n| B | 🟡 En cours |\n| C | 🔴 Non démarré |\n";
        let text = format!(
            "# T\n\n## Vue\n\n{table}\n## Reste\n\n- 🔴 Services\n- 🟢 Docker\n- 🟡 Models\n"
        );
        let status = status_of(&text);
        let items = |section: &crate::model::Section| {
            section
                .items
                .iter()
                .map(|i| (i.text.clone(), i.status))
                .collect::<Vec<_>>()
        };
        // 🔴 is what the cells say; 🟢 was never paired (no item); 🟡 keeps
        // its own meaning.
        assert_eq!(
            items(&status.sections[1]),
            [
                ("Services".to_string(), Status::Todo),
                ("Models".to_string(), Status::InProgress)
            ]
        );
        // Cells that disagree leave the circle alone, also when one of
        // them says what the circle means on its own.
        let mixed = text.replace("| C | 🔴 Non démarré |", "| C | 🔴 Bloqué |");
        assert_eq!(items(&status_of(&mixed).sections[1]).len(), 1);
        let mixed = text.replace("| C | 🔴 Non démarré |", "| C | 🟡 À faire |");
        assert_eq!(
            items(&status_of(&mixed).sections[1])[1],
            ("Models".to_string(), Status::InProgress)
        );
        // So does a legend that says otherwise.
        let legend = format!("{text}\n**Légende :** 🔴 Bloqué\n");
        assert_eq!(
            items(&status_of(&legend).sections[1])[0],
            ("Services".to_string(), Status::Blocked)
        );
    }

    #[test]
    fn a_one_row_table_that_names_its_row_is_not_a_card() {
        // A phase with one task in a table keeps the task's name; two
        // one-row tables under one heading are two items, not two cards.
        let text = "# T\n\n## Phase 1\n\n| Tâche | Statut |\n|---|---|\n| Créer la base | ✅ |\n\n## Phase 2\n\n| Category | Status |\n|---|---|\n| Backend | done |\n\n| Category | Status |\n|---|---|\n| Frontend | todo |\n";
        let status = status_of(text);
        let texts = |section: &crate::model::Section| {
            section
                .items
                .iter()
                .map(|i| i.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&status.sections[0]), ["Créer la base"]);
        assert_eq!(texts(&status.sections[1]), ["Backend", "Frontend"]);
    }

    #[test]
    fn counts_include_subsections_and_children_and_skip_risks() {
        let text = "# T\n\n## A\n\n- [x] p\n  - [ ] c\n\n### B\n\n- [~] dropped\n- [/] doing\n\n## Risques\n\n- [ ] not an item\n";
        let status = status_of(text);
        let a = &status.sections[0];
        assert_eq!(
            (
                a.counts.done,
                a.counts.todo,
                a.counts.in_progress,
                a.counts.cancelled,
                a.counts.total
            ),
            (1, 1, 1, 1, 3)
        );
        assert_eq!(a.progress, Some(50.0));
        assert_eq!(status.sections[1].counts.total, 0);
        assert_eq!(status.sections[1].progress, None);
    }

    #[test]
    fn claims_about_one_section_that_disagree() {
        let text = "# T\n\n```\nPhase 1 : Infra [█████████░] 95%\n```\n\n## Phase 1 : Infra\n\n**Statut :** 🟡 En cours (60% réalisé)\n";
        let status = status_of(text);
        assert_eq!(status.sections[0].declared_progress, Some(95.0));
        assert!(status
            .diagnostics
            .iter()
            .any(|d| d.code == "conflicting-declarations"));
        assert_eq!(
            status.declarations[0].section.as_deref(),
            Some("Phase 1 : Infra")
        );
    }
}
