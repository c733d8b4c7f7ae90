//! Project health (`STATUS_JSON.md`, "Health"): overdue milestones,
//! staleness, the health of the project and of each section, and why.
//!
//! The rules, first match wins: front matter `status`; `done` when every
//! item is done; `unknown` with no items, declarations or milestones; `red`
//! for an open critical risk, an overdue milestone or too many blocked
//! items; `amber` for an open high risk, any blocked item, a stale
//! document, or a gap between declared and computed progress; else `green`.
//! The reason names what decided it, so that a reader of the portfolio page
//! sees `red: milestone "Date prévue de fin" overdue by 489 days` rather
//! than a bare colour.

use chrono::NaiveDate;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::config::{Config, Language};
use crate::i18n::Strings;
use crate::messages;
use crate::model::{
    Counts, Diagnostic, Health, LateItem, Milestone, Project, Risk, Section, Severity, Tally,
};

/// How many reasons a health reason names before "and N more".
const REASONS_SHOWN: usize = 2;

/// Sets overdue milestones, staleness, health and its reason.
pub fn assess(project: &mut Project, config: &Config, as_of: NaiveDate) {
    mark_overdue(project, as_of);
    mark_stale(project, config, as_of);
    let facts = Facts {
        counts: project.counts,
        progress: project.progress,
        declared_progress: project.declared_progress,
        has_declarations: !project.declarations.is_empty() || project.declared_progress.is_some(),
        milestones: project.milestones.iter().collect(),
        risks: project.risks.iter().collect(),
        stale: project.stale,
        as_of,
        language: config.language,
    };
    let (health, reason) = facts.judge(config);
    project.health = health;
    project.health_reason = reason;
    assess_sections(project, config, as_of);
    check_declared_health(project);
    project.tally = Tally::count(&project.milestones, &project.risks, as_of);
}

/// Front matter `status` wins over every computed rule (`STATUS_JSON.md`).
/// Called after [`assess`] by the portfolio, which holds the front matter.
pub fn apply_front_matter_status(project: &mut Project, status: Option<&str>) {
    let Some(word) = status else {
        return;
    };
    match Health::parse(word) {
        Some(health) => {
            project.health = health;
            project.health_reason = format!("{}: set by front matter status", health.as_str());
        }
        None => {
            let source = project.sources.first().cloned().unwrap_or_default();
            project.diagnostics.push(Diagnostic::warning(
                "unknown-status",
                &source,
                1,
                messages::UNKNOWN_STATUS.say(&[&word]),
            ));
        }
    }
}

fn mark_overdue(project: &mut Project, as_of: NaiveDate) {
    project.late_items = LateItem::gather(&project.sections, as_of).into();
    let mut warnings = Vec::new();
    for milestone in project.milestones.iter_mut() {
        let Some(due) = milestone.due() else {
            continue;
        };
        milestone.overdue = due < as_of && milestone.is_open();
        if milestone.overdue {
            let days = as_of.signed_duration_since(due).num_days();
            warnings.push(Diagnostic::warning(
                "overdue-milestone",
                &milestone.source,
                milestone.line,
                match days {
                    1 => messages::OVERDUE_MILESTONE_ONE_DAY.say(&[&milestone.title, &due]),
                    _ => messages::OVERDUE_MILESTONE.say(&[&milestone.title, &due, &days]),
                },
            ));
        }
    }
    project.diagnostics.extend(warnings);
}

fn mark_stale(project: &mut Project, config: &Config, as_of: NaiveDate) {
    let Some(document_as_of) = project.as_of else {
        return;
    };
    let age = as_of.signed_duration_since(document_as_of).num_days();
    project.stale = age > config.stale_after_days;
    if project.stale {
        let (source, line) = place_or_first_line(project, &project.as_of_at);
        project.diagnostics.push(Diagnostic::warning(
            "stale",
            &source,
            line,
            messages::STALE.say(&[&document_as_of, &age, &as_of, &config.stale_after_days]),
        ));
    }
}

/// Where a project-level fact is written, else the first line of its first
/// document (a front matter value, or a project assembled by hand).
fn place_or_first_line(project: &Project, at: &Option<(String, usize)>) -> (String, usize) {
    at.clone()
        .unwrap_or_else(|| (project.sources.first().cloned().unwrap_or_default(), 1))
}

/// A `declared-health-mismatch` warning when the document's own status
/// line disagrees with the computed health (seed `001_…` says 🟢 while its
/// critical risks make it red). `done` and `green` agree with each other.
fn check_declared_health(project: &mut Project) {
    let Some(declared) = project.declared_health else {
        return;
    };
    let computed = project.health;
    let agree = declared == computed
        || computed == Health::Unknown
        || matches!(
            (declared, computed),
            (Health::Green, Health::Done) | (Health::Done, Health::Green)
        );
    if !agree {
        let (source, line) = place_or_first_line(project, &project.declared_health_at);
        project.diagnostics.push(Diagnostic::warning(
            "declared-health-mismatch",
            &source,
            line,
            messages::DECLARED_HEALTH_MISMATCH.say(&[
                &declared.as_str(),
                &computed.as_str(),
                &project.health_reason,
            ]),
        ));
    }
}

/// What health is judged from, for a project or one section.
struct Facts<'p> {
    counts: Counts,
    progress: Option<f64>,
    declared_progress: Option<f64>,
    has_declarations: bool,
    milestones: Vec<&'p Milestone>,
    risks: Vec<&'p Risk>,
    stale: bool,
    as_of: NaiveDate,
    /// The language the reason is written in (the portal's `language`).
    language: Language,
}

impl Facts<'_> {
    fn say(&self, phrase: &Phrase) -> String {
        phrase.words(self.language)
    }

    /// `red: milestone "Go-live" overdue by 12 days; milestone "Recette"
    /// overdue by 3 days (and 4 more overdue milestones, 2 open critical
    /// risks)`: the first reasons, then the others by kind, so that the
    /// count left out does not read as more of the first kind.
    fn reason(&self, health: Health, phrases: &[Phrase]) -> String {
        // French sets its colon and semicolon apart (`rouge : a ; b`).
        let t = Strings::new(self.language);
        let (colon, semicolon) = (t.word("colon"), t.word("semicolon"));
        let (shown, hidden) = phrases.split_at(phrases.len().min(REASONS_SHOWN));
        let shown: Vec<String> = shown.iter().map(|p| self.say(p)).collect();
        let shown = shown.join(semicolon);
        let word = t.health_word(health);
        let overdue = (hidden.iter())
            .filter(|p| matches!(p, Phrase::Overdue(..)))
            .count();
        let others = (hidden.iter())
            .filter(|p| !matches!(p, Phrase::Overdue(..)))
            .map(|p| self.say(p));
        let more: Vec<String> = (overdue > 0)
            .then(|| self.say(&Phrase::MoreOverdue(overdue)))
            .into_iter()
            .chain(others)
            .collect();
        if more.is_empty() {
            format!("{word}{colon} {shown}")
        } else {
            let more = self.say(&Phrase::AndMore(more.join(", ")));
            format!("{word}{colon} {shown} {more}")
        }
    }

    fn judge(&self, config: &Config) -> (Health, String) {
        let (health, phrases) = self.verdict(config);
        let reason = match health {
            Health::Red | Health::Amber => self.reason(health, &phrases),
            // One phrase that says it all (`done: all 12 items done`).
            _ => (phrases.iter().map(|p| self.say(p)))
                .collect::<Vec<_>>()
                .join("; "),
        };
        (health, reason)
    }

    /// The health and what it rests on, not yet put into words (a section
    /// needs only the health: about 30 of them per document).
    fn verdict(&self, config: &Config) -> (Health, Vec<Phrase<'_>>) {
        let counts = &self.counts;
        if counts.total > 0 && counts.done == counts.total {
            return (Health::Done, vec![Phrase::AllDone(counts.total)]);
        }
        if counts.total == 0 && !self.has_declarations && self.milestones.is_empty() {
            // A risk register has nothing to judge progress by, but its
            // open critical and high risks are worth saying.
            let mut phrases = vec![Phrase::NothingToJudge];
            phrases.extend(self.risk_phrases(Severity::Critical));
            phrases.extend(self.risk_phrases(Severity::High));
            return (Health::Unknown, phrases);
        }
        let red = self.red_reasons(config);
        if !red.is_empty() {
            return (Health::Red, red);
        }
        let amber = self.amber_reasons(config);
        if !amber.is_empty() {
            return (Health::Amber, amber);
        }
        (Health::Green, vec![Phrase::Green])
    }

    fn open_risks(&self, severity: Severity) -> Vec<&Risk> {
        self.risks
            .iter()
            .filter(|risk| !risk.closed && risk.severity == Some(severity))
            .copied()
            .collect()
    }

    /// The open risks of `severity`: one named by its title, more counted.
    fn risk_phrases(&self, severity: Severity) -> Option<Phrase<'_>> {
        let critical = severity == Severity::Critical;
        match self.open_risks(severity).as_slice() {
            [] => None,
            [risk] if critical => Some(Phrase::CriticalRisk(&risk.title)),
            [risk] => Some(Phrase::HighRisk(&risk.title)),
            many if critical => Some(Phrase::CriticalRisks(many.len())),
            many => Some(Phrase::HighRisks(many.len())),
        }
    }

    fn red_reasons(&self, config: &Config) -> Vec<Phrase<'_>> {
        let mut reasons = Vec::new();
        for milestone in self.milestones.iter().filter(|m| m.overdue) {
            let days = milestone
                .due()
                .map(|d| self.as_of.signed_duration_since(d).num_days())
                .unwrap_or(0);
            reasons.push(Phrase::Overdue(&milestone.title, days));
        }
        reasons.extend(self.risk_phrases(Severity::Critical));
        let counts = &self.counts;
        if counts.total > 0 {
            let share = f64::from(counts.blocked) * 100.0 / f64::from(counts.total);
            if share > config.health.blocked_percent_red {
                reasons.push(Phrase::BlockedShare(counts.blocked, counts.total, share));
            }
        }
        reasons
    }

    fn amber_reasons(&self, config: &Config) -> Vec<Phrase<'_>> {
        let mut reasons = Vec::new();
        reasons.extend(self.risk_phrases(Severity::High));
        match self.counts.blocked {
            0 => {}
            n => reasons.push(Phrase::Blocked(n)),
        }
        if self.stale {
            reasons.push(Phrase::Stale);
        }
        if let (Some(declared), Some(computed)) = (self.declared_progress, self.progress) {
            if (declared - computed).abs() > config.health.declared_gap {
                reasons.push(Phrase::Gap(declared, computed));
            }
        }
        reasons
    }
}

/// Health of every section, from its own counts and the milestones and
/// risks written between its heading and the next heading of its level.
fn assess_sections(project: &mut Project, config: &Config, as_of: NaiveDate) {
    let context = SectionContext {
        milestones: ByLine::new(&project.milestones, |m| (&m.source, m.line)),
        risks: ByLine::new(&project.risks, |r| (&r.source, r.line)),
        config,
        as_of,
    };
    assess_siblings(&mut project.sections, None, &[], &context);
}

struct SectionContext<'p> {
    milestones: ByLine<'p, Milestone>,
    risks: ByLine<'p, Risk>,
    config: &'p Config,
    as_of: NaiveDate,
}

/// A project's milestones or risks by source file, in line order, each
/// with its place in the project's list. A section finds those written
/// within its lines by two binary searches: scanning the whole list for
/// each section made health quadratic in a project of many documents (at
/// 2,000 documents, half of the build's time).
struct ByLine<'p, T> {
    all: &'p [T],
    /// Per source: `(line, place in `all`)`, sorted.
    by_source: FxHashMap<&'p str, Vec<(usize, usize)>>,
}

impl<'p, T> ByLine<'p, T> {
    fn new(all: &'p [T], place: impl Fn(&'p T) -> (&'p str, usize)) -> ByLine<'p, T> {
        let mut by_source: FxHashMap<&'p str, Vec<(usize, usize)>> = FxHashMap::default();
        for (index, value) in all.iter().enumerate() {
            let (source, line) = place(value);
            by_source.entry(source).or_default().push((line, index));
        }
        for placed in by_source.values_mut() {
            placed.sort_unstable();
        }
        ByLine { all, by_source }
    }

    /// Those written in `source` from line `from` up to `end` (excluded;
    /// the end of the file when `None`), in the project's order.
    fn within(&self, source: &str, from: usize, end: Option<usize>) -> Vec<&'p T> {
        let Some(placed) = self.by_source.get(source) else {
            return Vec::new();
        };
        let first = placed.partition_point(|&(line, _)| line < from);
        let last = end.map_or(placed.len(), |end| {
            placed.partition_point(|&(line, _)| line < end)
        });
        let mut places: Vec<usize> = placed[first..last.max(first)]
            .iter()
            .map(|&(_, index)| index)
            .collect();
        places.sort_unstable();
        places.into_iter().map(|index| &self.all[index]).collect()
    }
}

/// `end` is the first line after the parent section (same source), if known;
/// `dating` the milestones written on the headings of the sections above
/// (`### SPRINT 1: Quick Wins (Nov 27 - Dec 11, 2025)`): such a milestone
/// dates its whole section, so the sprint's `#### Deliverables` are late
/// with it.
///
/// A section's lines end where the next sibling of its level or above
/// starts. Siblings are mostly of one level; the exception is a document's
/// title section (its `#` heading, holding the items written before the
/// first `##`), whose `## Risques` is a sibling in the tree but is written
/// under it: a sprint report's title section is not green with the
/// sprint's high risk below it.
fn assess_siblings<'p>(
    sections: &mut [Section],
    end: Option<usize>,
    dating: &[&'p Milestone],
    context: &SectionContext<'p>,
) {
    let starts: Vec<(Arc<str>, usize, u8)> = sections
        .iter()
        .map(|s| (s.source.clone(), s.line, s.level))
        .collect();
    for (index, section) in sections.iter_mut().enumerate() {
        let own_end = starts[index + 1..]
            .iter()
            .take_while(|(source, _, _)| *source == section.source)
            .find(|(_, _, level)| *level <= section.level)
            .map(|(_, line, _)| *line)
            .or(end);
        let mut milestones = dating.to_vec();
        milestones.extend((context.milestones).within(&section.source, section.line, own_end));
        let facts = Facts {
            counts: section.counts,
            progress: section.progress,
            declared_progress: section.declared_progress,
            has_declarations: section.declared_progress.is_some(),
            milestones,
            risks: (context.risks).within(&section.source, section.line, own_end),
            stale: false,
            as_of: context.as_of,
            language: context.config.language,
        };
        section.health = Some(facts.verdict(context.config).0);
        let on_heading =
            (context.milestones).within(&section.source, section.line, Some(section.line + 1));
        let dating_children = [dating, &on_heading].concat();
        assess_siblings(&mut section.sections, own_end, &dating_children, context);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Declaration, Item, Status};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn project() -> Project {
        Project {
            slug: "p".into(),
            title: "P".into(),
            name: "P".into(),
            url: "p/".into(),
            sources: vec!["p.md".into()],
            as_of: Some(date(2026, 1, 1)),
            as_of_at: None,
            owner: None,
            tags: vec![],
            weight: 0,
            start: None,
            end: None,
            health: Health::Unknown,
            health_reason: String::new(),
            declared_health: None,
            declared_health_at: None,
            areas: Vec::new(),
            stale: false,
            progress: None,
            progress_method: "items".into(),
            declared_progress: None,
            declarations: Default::default(),
            counts: Counts::default(),
            sections: Vec::new().into(),
            milestones: Default::default(),
            risks: Default::default(),
            people: Default::default(),
            diagnostics: Default::default(),
            late_items: Default::default(),
            tally: Tally::default(),
        }
    }

    fn counts(done: u32, in_progress: u32, todo: u32, blocked: u32) -> Counts {
        Counts {
            done,
            in_progress,
            todo,
            blocked,
            cancelled: 0,
            total: done + in_progress + todo + blocked,
        }
    }

    fn milestone(title: &str, due: NaiveDate, status: Option<Status>, line: usize) -> Milestone {
        Milestone {
            title: title.into(),
            date: Some(due),
            date_end: None,
            date_text: due.to_string(),
            baseline: None,
            status,
            overdue: false,
            source: "p.md".into(),
            line,
        }
    }

    fn risk(title: &str, severity: Severity, closed: bool, line: usize) -> Risk {
        Risk::for_tests(title, severity, closed, line)
    }

    fn section(title: &str, line: usize, counts: Counts) -> Section {
        Section {
            title: title.into(),
            level: 2,
            line,
            source: "p.md".into(),
            progress: None,
            declared_progress: None,
            health: None,
            counts,
            items: vec![],
            sections: vec![],
        }
    }

    fn assessed(mut project: Project, as_of: NaiveDate) -> Project {
        assess(&mut project, &Config::default(), as_of);
        project
    }

    fn codes(project: &Project) -> Vec<&str> {
        project
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect()
    }

    fn item(text: &str, status: Status, due: Option<NaiveDate>, line: usize) -> Item {
        Item {
            text: text.into(),
            status,
            percent: None,
            owner: Some("@claire".into()),
            id: None,
            points: None,
            due,
            source: "p.md".into(),
            line,
            children: vec![],
        }
    }

    #[test]
    fn open_items_past_their_due_date_are_gathered_as_late() {
        let as_of = date(2026, 2, 1);
        let before = Some(date(2026, 1, 31));
        let mut parent = item("Recette", Status::Done, before, 3);
        parent.children = vec![item("Jeux de test", Status::Todo, before, 4)];
        let mut phase = section("Phase 1", 1, counts(0, 0, 0, 0));
        phase.items = vec![
            item("Migrer la base", Status::InProgress, before, 2),
            parent,
            item("Former", Status::Todo, Some(as_of), 5),
            item("Ancien lot", Status::Cancelled, before, 6),
            item("Sans date", Status::Todo, None, 7),
        ];
        let mut lot = section("Lot 1.1", 8, counts(0, 0, 0, 0));
        lot.items = vec![item("VLAN", Status::Blocked, before, 9)];
        phase.sections = vec![lot];
        let mut p = project();
        p.sections = vec![phase].into();
        let p = assessed(p, as_of);
        // A done parent's open child counts; an item due on the as-of date,
        // a cancelled one or one without a date does not.
        let late: Vec<(&str, usize)> = (p.late_items.iter())
            .map(|item| (item.text.as_str(), item.line))
            .collect();
        assert_eq!(
            late,
            [("Migrer la base", 2), ("Jeux de test", 4), ("VLAN", 9)]
        );
        assert_eq!(p.late_items[0].owner.as_deref(), Some("@claire"));
        assert_eq!(p.late_items[0].due, date(2026, 1, 31));
    }

    #[test]
    fn overdue_milestone_is_red_and_warned() {
        let mut p = project();
        p.as_of = Some(date(2026, 1, 25));
        p.counts = counts(1, 1, 0, 0);
        *p.milestones = vec![
            milestone(
                "Mise en production",
                date(2026, 1, 20),
                Some(Status::Todo),
                5,
            ),
            milestone("Kickoff", date(2025, 12, 1), Some(Status::Done), 6),
        ];
        let p = assessed(p, date(2026, 2, 1));
        assert!(p.milestones[0].overdue);
        assert!(!p.milestones[1].overdue);
        assert_eq!(p.health, Health::Red);
        assert_eq!(
            p.health_reason,
            "red: milestone \"Mise en production\" overdue by 12 days"
        );
        assert_eq!(codes(&p), vec!["overdue-milestone"]);
    }

    #[test]
    fn a_french_reason_sets_its_colon_and_semicolons_apart() {
        let mut p = project();
        p.counts = counts(1, 1, 0, 0);
        *p.milestones = vec![milestone("Recette", date(2026, 1, 20), None, 5)];
        *p.risks = vec![risk("Backend vide", Severity::Critical, false, 9)];
        let config = Config {
            language: Language::Fr,
            ..Config::default()
        };
        assess(&mut p, &config, date(2026, 2, 1));
        assert_eq!(
            p.health_reason,
            "rouge : jalon « Recette » en retard de 12 jours ; risque critique « Backend vide »"
        );
    }

    /// What a reason leaves out is said by kind: the overdue milestones
    /// counted, then the other reasons (corpus 20 said `(and 9 more)` for
    /// eight milestones and its critical risks).
    #[test]
    fn a_reason_says_what_it_left_out_by_kind() {
        let mut p = project();
        p.counts = counts(1, 1, 0, 0);
        *p.milestones = (1..=4)
            .map(|n| milestone(&format!("Phase {n}"), date(2026, 1, n), None, n as usize))
            .collect();
        *p.risks = vec![
            risk("Backend vide", Severity::Critical, false, 9),
            risk("Serveur", Severity::Critical, false, 10),
        ];
        assess(&mut p, &Config::default(), date(2026, 2, 1));
        assert_eq!(
            p.health_reason,
            "red: milestone \"Phase 1\" overdue by 31 days; milestone \"Phase 2\" overdue by 30 days (and 2 more overdue milestones, 2 open critical risks)"
        );
        let config = Config {
            language: Language::Fr,
            ..Config::default()
        };
        *p.milestones = (1..=3)
            .map(|n| milestone(&format!("Phase {n}"), date(2026, 1, n), None, n as usize))
            .collect();
        assess(&mut p, &config, date(2026, 2, 1));
        assert!(
            p.health_reason
                .ends_with("(et 1 autre jalon en retard, 2 risques critiques ouverts)"),
            "{}",
            p.health_reason
        );
    }

    #[test]
    fn a_range_is_due_at_its_end() {
        let mut p = project();
        let mut m = milestone("Phase 1", date(2026, 2, 15), None, 3);
        m.date_end = Some(date(2026, 2, 20));
        *p.milestones = vec![m];
        p.as_of = Some(date(2026, 2, 2));
        let p = assessed(p, date(2026, 2, 18));
        assert!(!p.milestones[0].overdue);
        assert_eq!(p.health, Health::Green);
    }

    #[test]
    fn all_done_is_done_and_nothing_is_unknown() {
        let mut p = project();
        p.counts = counts(4, 0, 0, 0);
        assert_eq!(assessed(p, date(2026, 1, 2)).health, Health::Done);
        assert_eq!(
            assessed(project(), date(2026, 1, 2)).health,
            Health::Unknown
        );
    }

    /// A risk register (corpus 11, 17) has no items, claims or milestones:
    /// its health is unknown, as `STATUS_JSON.md` rules, and the reason
    /// names its open critical and high risks; closed and medium ones are
    /// left out.
    #[test]
    fn a_risk_register_is_unknown_and_says_its_open_risks() {
        let mut p = project();
        *p.risks = vec![
            risk("API cassée", Severity::Critical, false, 3),
            risk("EOL", Severity::Critical, false, 4),
            risk("Fermé", Severity::Critical, true, 5),
            risk("Quotas GPU", Severity::High, false, 6),
            risk("Logs", Severity::Medium, false, 7),
        ];
        let register = assessed(p.clone(), date(2026, 1, 2));
        assert_eq!(register.health, Health::Unknown);
        assert_eq!(
            register.health_reason,
            "unknown: no items, progress claims or milestones; 2 open critical risks; \
             high risk \"Quotas GPU\""
        );
        p.risks.retain(|r| r.severity == Some(Severity::Medium));
        assert_eq!(
            assessed(p, date(2026, 1, 2)).health_reason,
            "unknown: no items, progress claims or milestones"
        );
    }

    #[test]
    fn critical_open_risk_is_red_and_closed_one_is_not() {
        let mut p = project();
        p.counts = counts(1, 1, 0, 0);
        *p.risks = vec![risk("Backend vide", Severity::Critical, false, 9)];
        let red = assessed(p.clone(), date(2026, 1, 2));
        assert_eq!(red.health, Health::Red);
        assert_eq!(red.health_reason, "red: critical risk \"Backend vide\"");
        p.risks[0].closed = true;
        assert_eq!(assessed(p, date(2026, 1, 2)).health, Health::Green);
    }

    #[test]
    fn blocked_items_amber_then_red_past_a_quarter() {
        let mut p = project();
        p.counts = counts(5, 1, 2, 2);
        let amber = assessed(p.clone(), date(2026, 1, 2));
        assert_eq!(amber.health, Health::Amber);
        assert_eq!(amber.health_reason, "amber: 2 items blocked");
        p.counts = counts(1, 1, 0, 2);
        let red = assessed(p, date(2026, 1, 2));
        assert_eq!(red.health, Health::Red);
        assert_eq!(red.health_reason, "red: 2 of 4 items blocked (50%)");
    }

    #[test]
    fn stale_document_is_amber() {
        let mut p = project();
        p.counts = counts(1, 1, 0, 0);
        let p = assessed(p, date(2026, 2, 15));
        assert!(p.stale);
        assert_eq!(p.health, Health::Amber);
        assert!(codes(&p).contains(&"stale"));
        let mut fresh = project();
        fresh.counts = counts(1, 1, 0, 0);
        assert!(!assessed(fresh, date(2026, 1, 31)).stale);
    }

    #[test]
    fn declared_progress_gap_is_amber() {
        let mut p = project();
        p.counts = counts(1, 0, 1, 0);
        p.progress = Some(50.0);
        p.declared_progress = Some(100.0);
        *p.declarations = vec![Declaration {
            label: "Statut Global".into(),
            value: 100.0,
            section: None,
            source: "p.md".into(),
            line: 6,
            part: false,
        }];
        let p = assessed(p, date(2026, 1, 2));
        assert_eq!(p.health, Health::Amber);
        assert_eq!(
            p.health_reason,
            "amber: declares 100% but its items compute to 50%"
        );
    }

    #[test]
    fn declared_health_mismatch_warns() {
        let mut p = project();
        p.counts = counts(1, 1, 0, 0);
        p.declared_health = Some(Health::Green);
        *p.risks = vec![risk("Backend vide", Severity::Critical, false, 9)];
        let p = assessed(p, date(2026, 1, 2));
        assert!(codes(&p).contains(&"declared-health-mismatch"));
    }

    #[test]
    fn front_matter_status_wins() {
        let mut p = assessed(project(), date(2026, 1, 2));
        apply_front_matter_status(&mut p, Some("amber"));
        assert_eq!(p.health, Health::Amber);
        apply_front_matter_status(&mut p, Some("purple"));
        assert!(codes(&p).contains(&"unknown-status"));
    }

    #[test]
    fn sections_judge_their_own_lines() {
        let mut p = project();
        p.counts = counts(2, 1, 0, 0);
        let mut phase1 = section("Phase 1", 10, counts(2, 0, 0, 0));
        phase1.sections = vec![section("Sub", 12, counts(2, 0, 0, 0))];
        let phase2 = section("Phase 2", 20, counts(0, 1, 0, 0));
        p.sections = vec![phase1, phase2].into();
        *p.milestones = vec![milestone("Late", date(2025, 12, 1), None, 25)];
        let p = assessed(p, date(2026, 1, 2));
        assert_eq!(p.sections[0].health, Some(Health::Done));
        assert_eq!(p.sections[0].sections[0].health, Some(Health::Done));
        assert_eq!(p.sections[1].health, Some(Health::Red));
    }

    /// A milestone written on a section's heading (a dated sprint) dates
    /// the whole section: its subsections are late with it, the next
    /// sprint is not. A milestone written inside a subsection dates only
    /// that subsection.
    #[test]
    fn a_dated_heading_dates_its_subsections() {
        let mut p = project();
        let mut sprint1 = section("Sprint 1 (01/12 - 12/12/2025)", 10, counts(0, 0, 2, 0));
        let mut deliverables = section("Deliverables", 14, counts(0, 0, 1, 0));
        deliverables.level = 3;
        sprint1.sections = vec![deliverables];
        let mut sprint2 = section("Sprint 2", 20, counts(0, 0, 2, 0));
        let mut review = section("Review", 24, counts(0, 0, 1, 0));
        review.level = 3;
        let mut notes = section("Notes", 28, counts(0, 0, 1, 0));
        notes.level = 3;
        sprint2.sections = vec![review, notes];
        p.sections = vec![sprint1, sprint2].into();
        *p.milestones = vec![
            milestone("Sprint 1", date(2025, 12, 12), None, 10),
            milestone("Review", date(2025, 12, 20), None, 25),
        ];
        let p = assessed(p, date(2026, 1, 2));
        assert_eq!(p.sections[0].health, Some(Health::Red));
        assert_eq!(p.sections[0].sections[0].health, Some(Health::Red));
        assert_eq!(p.sections[1].health, Some(Health::Red));
        assert_eq!(p.sections[1].sections[0].health, Some(Health::Red));
        assert_eq!(p.sections[1].sections[1].health, Some(Health::Green));
    }

    /// A sprint report's title section (`# Sprint 11`, its items written
    /// before the first `##`) holds the `## Risques` that follows it in the
    /// document, though the tree shows them side by side; a `##` section
    /// ends at the next `##`.
    #[test]
    fn a_title_section_judges_its_whole_document() {
        let mut p = project();
        let mut title = section("Sprint 11", 1, counts(1, 2, 1, 0));
        title.level = 1;
        let risks = section("Risques", 12, counts(0, 0, 0, 0));
        let next = section("Suite", 20, counts(0, 1, 0, 0));
        p.sections = vec![title, risks, next].into();
        *p.risks = vec![risk(
            "Reprise des soldes erronée",
            Severity::High,
            false,
            15,
        )];
        let p = assessed(p, date(2026, 1, 2));
        assert_eq!(p.sections[0].health, Some(Health::Amber));
        assert_eq!(p.sections[2].health, Some(Health::Green));
    }

    /// A section of the second document is judged by that document's
    /// milestones alone, though the first has one on the same line.
    #[test]
    fn sections_judge_only_their_own_file() {
        let mut p = project();
        let mut first = section("Phase 1", 10, counts(0, 1, 0, 0));
        first.source = "a.md".into();
        let mut second = section("Phase 1", 10, counts(0, 1, 0, 0));
        second.source = "b.md".into();
        p.sections = vec![first, second].into();
        let mut late = milestone("Late", date(2025, 12, 1), None, 12);
        late.source = "b.md".into();
        *p.milestones = vec![late];
        let p = assessed(p, date(2026, 1, 2));
        assert_eq!(p.sections[0].health, Some(Health::Green));
        assert_eq!(p.sections[1].health, Some(Health::Red));
    }

    proptest::proptest! {
        /// The binary searches find what a scan of the whole list finds,
        /// in the list's order: same file, from the section's line up to
        /// its end.
        #[test]
        fn by_line_finds_what_a_scan_finds(
            placed in proptest::collection::vec((0..3usize, 1..40usize), 0..40),
            source in 0..4usize,
            from in 1..45usize,
            end in proptest::option::of(1..45usize),
        ) {
            let names = ["a.md", "b.md", "c.md", "d.md"];
            let all: Vec<(&str, usize)> = placed.iter().map(|&(s, line)| (names[s], line)).collect();
            let index = ByLine::new(&all, |&(source, line)| (source, line));
            let scanned: Vec<&(&str, usize)> = all
                .iter()
                .filter(|(s, line)| *s == names[source] && *line >= from && end.is_none_or(|e| *line < e))
                .collect();
            let found = index.within(names[source], from, end);
            proptest::prop_assert!(found.iter().zip(&scanned).all(|(a, b)| std::ptr::eq(*a, *b)));
            proptest::prop_assert_eq!(found.len(), scanned.len());
        }
    }
}

/// The facts a health reason can name, worded in the portal's language.
enum Phrase<'a> {
    AllDone(u32),
    NothingToJudge,
    Green,
    Overdue(&'a str, i64),
    CriticalRisk(&'a str),
    CriticalRisks(usize),
    BlockedShare(u32, u32, f64),
    HighRisk(&'a str),
    HighRisks(usize),
    Blocked(u32),
    Stale,
    Gap(f64, f64),
    /// Overdue milestones left out of a reason.
    MoreOverdue(usize),
    /// What a reason left out, said in a few words.
    AndMore(String),
}

impl Phrase<'_> {
    /// The phrase in `language`: a sentence of `i18n/strings.toml`
    /// (`reason_*`) with the phrase's values in its holes.
    fn words(&self, language: Language) -> String {
        let t = Strings::new(language);
        let count = |n: &dyn std::fmt::Display| n.to_string();
        match self {
            Phrase::AllDone(1) => t.get("reason_all_done_one"),
            Phrase::AllDone(n) => t.fill("reason_all_done", &[&count(n)]),
            Phrase::NothingToJudge => t.get("reason_nothing"),
            Phrase::Green => t.get("reason_green"),
            Phrase::Overdue(title, 1) => t.fill("reason_overdue_one", &[title]),
            Phrase::Overdue(title, days) => t.fill("reason_overdue", &[title, &count(days)]),
            Phrase::CriticalRisk(title) => t.fill("reason_critical_risk", &[title]),
            Phrase::CriticalRisks(n) => t.fill("reason_critical_risks", &[&count(n)]),
            Phrase::BlockedShare(blocked, total, share) => t.fill(
                "reason_blocked_share",
                &[&count(blocked), &count(total), &format!("{share:.0}")],
            ),
            Phrase::HighRisk(title) => t.fill("reason_high_risk", &[title]),
            Phrase::HighRisks(n) => t.fill("reason_high_risks", &[&count(n)]),
            Phrase::Blocked(1) => t.get("reason_blocked_one"),
            Phrase::Blocked(n) => t.fill("reason_blocked", &[&count(n)]),
            Phrase::Stale => t.get("reason_stale"),
            // Figures as the language writes them: `41,7`.
            Phrase::Gap(declared, computed) => t.fill(
                "reason_gap",
                &[
                    &t.decimal(&declared.to_string()),
                    &t.decimal(&computed.to_string()),
                ],
            ),
            Phrase::MoreOverdue(1) => t.get("reason_more_overdue_one"),
            Phrase::MoreOverdue(n) => t.fill("reason_more_overdue", &[&count(n)]),
            Phrase::AndMore(more) => t.fill("reason_and_more", &[more]),
        }
    }
}

#[cfg(test)]
mod wording_tests {
    use super::*;

    /// The phrases in Spanish, Italian and German, their figures written as
    /// each language writes them (a decimal comma; a narrow no-break space
    /// before `%` but in Italian).
    #[test]
    fn reasons_in_spanish_italian_and_german() {
        assert_eq!(
            Phrase::Overdue("Go-live", 12).words(Language::Es),
            "hito «Go-live» con 12 días de retraso"
        );
        assert_eq!(
            Phrase::BlockedShare(3, 8, 37.5).words(Language::It),
            "3 attività su 8 bloccate (38%)"
        );
        assert_eq!(
            Phrase::Gap(100.0, 41.7).words(Language::De),
            "gibt 100\u{202f}% an, aber seine Aufgaben ergeben 41,7\u{202f}%"
        );
        assert_eq!(
            Phrase::MoreOverdue(4).words(Language::It),
            "altri 4 traguardi in ritardo"
        );
        assert_eq!(
            Strings::new(Language::De).health_word(Health::Amber),
            "gelb"
        );
    }

    #[test]
    fn reasons_speak_the_portal_language() {
        let overdue = Phrase::Overdue("Mise en production", 12);
        assert_eq!(
            overdue.words(Language::Fr),
            "jalon « Mise en production » en retard de 12 jours"
        );
        assert_eq!(
            overdue.words(Language::En),
            "milestone \"Mise en production\" overdue by 12 days"
        );
        // One day, one item: no plural.
        let one_day = Phrase::Overdue("T-7", 1);
        assert_eq!(
            one_day.words(Language::En),
            "milestone \"T-7\" overdue by 1 day"
        );
        assert_eq!(
            one_day.words(Language::Fr),
            "jalon « T-7 » en retard de 1 jour"
        );
        assert_eq!(
            Phrase::AllDone(1).words(Language::En),
            "done: its only item is done"
        );
        assert_eq!(
            Phrase::AllDone(2).words(Language::En),
            "done: all 2 items done"
        );
        assert_eq!(Strings::new(Language::Fr).health_word(Health::Red), "rouge");
        assert_eq!(Phrase::Blocked(1).words(Language::Fr), "1 tâche bloquée");
        assert_eq!(
            Phrase::Gap(100.0, 41.7).words(Language::Fr),
            "déclare 100\u{202f}% mais ses tâches donnent 41,7\u{202f}%"
        );
        assert_eq!(
            Phrase::Gap(100.0, 41.7).words(Language::En),
            "declares 100% but its items compute to 41.7%"
        );
    }
}
