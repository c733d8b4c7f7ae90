//! The milestones of a Mermaid Gantt chart (a ```` ```mermaid ```` code
//! block that starts with `gantt`), which many markdown roadmaps draw
//! instead of writing a milestone table, and the events of a Mermaid
//! timeline ([`timeline_events`]). A Gantt chart:
//!
//! ```text
//! gantt
//!     dateFormat YYYY-MM-DD
//!     section Backend
//!     API v2        :done, api, 2026-10-01, 30d
//!     Beta release  :milestone, beta, after api, 0d
//! ```
//!
//! A task tagged `milestone` is a milestone on the day the chart draws it
//! (its start, or the middle of its span when it has one), done when it is
//! tagged `done`, under way when `active`. Its start may be a date in the
//! chart's `dateFormat`, `after` other tasks (the latest of their ends) or
//! left out (the end of the task before it), so the chart's tasks are
//! followed in order to place it. The other tasks are not items: text in
//! a code block never is (`EXTRACTION.md` §4).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rustc_hash::FxHashMap;

use super::outline::TextLine;
use crate::model::Status;

/// A milestone read from a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartMilestone {
    pub title: String,
    pub date: NaiveDate,
    /// The start as written (`2026-12-15`, `after api`).
    pub date_text: String,
    pub status: Option<Status>,
    pub line: usize,
}

/// Whether a code block of `language` holding `lines` is a Gantt chart.
pub fn is_chart(language: &str, lines: &[TextLine]) -> bool {
    mermaid_kind(language, lines) == Some("gantt")
}

/// The kind of Mermaid diagram a code block draws (`gantt`, `timeline`):
/// the first word of its first line that is no comment.
fn mermaid_kind<'l>(language: &str, lines: &'l [TextLine]) -> Option<&'l str> {
    if language.split_whitespace().next() != Some("mermaid") {
        return None;
    }
    let first = (lines.iter())
        .map(|line| line.text.trim())
        .find(|text| !text.is_empty() && !text.starts_with("%%"))?;
    first.split_whitespace().next()
}

/// One event of a Mermaid timeline: its text, the period it is in as
/// written (`Q1 2027`), and its line.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent<'l> {
    pub period: &'l str,
    pub event: &'l str,
    pub line: usize,
}

/// The events of a Mermaid timeline (a ```` ```mermaid ```` block that
/// starts with `timeline`), as a roadmap draws its quarters:
///
/// ```text
/// timeline
///     title Data platform 2027
///     Q1 2027 : Ingestion v2
///             : Catalog MVP
///     Q2 2027 : Lineage
/// ```
///
/// Each event is in the period its line names, or the period of the line
/// above when its line opens with `:`; none when the block is no
/// timeline.
pub fn timeline_events<'l>(language: &str, lines: &'l [TextLine]) -> Vec<TimelineEvent<'l>> {
    if mermaid_kind(language, lines) != Some("timeline") {
        return Vec::new();
    }
    let mut events = Vec::new();
    let mut period = None;
    for line in lines
        .iter()
        .skip_while(|line| !line.text.trim().starts_with("timeline"))
        .skip(1)
    {
        let text = line.text.trim();
        if text.starts_with("%%") || text.starts_with("title ") || text.starts_with("section ") {
            continue;
        }
        let mut parts = text.split(':').map(str::trim);
        match parts.next() {
            Some("") => {}
            Some(named) => period = Some(named),
            None => continue,
        }
        let Some(period) = period else {
            continue;
        };
        for event in parts.filter(|event| !event.is_empty()) {
            events.push(TimelineEvent {
                period,
                event,
                line: line.line,
            });
        }
    }
    events
}

/// The milestones of the chart whose lines are `lines` (its first is
/// `gantt`), in the chart's order; a milestone the chart gives no day (an
/// unknown task after it, a date in no format it reads) is left out.
pub fn milestones(lines: &[TextLine]) -> Vec<ChartMilestone> {
    let mut chart = Chart::default();
    let mut found = Vec::new();
    for line in lines {
        let text = line.text.trim();
        if let Some(format) = text.strip_prefix("dateFormat") {
            chart.format = chrono_format(format.trim());
        } else if let Some(excluded) = text.strip_prefix("excludes") {
            chart.skips_weekends = excluded.contains("weekends");
        } else if let Some((title, metadata)) = task(text) {
            let Some(task) = chart.place(metadata) else {
                continue;
            };
            if task.tags.milestone {
                found.push(ChartMilestone {
                    title: title.to_string(),
                    date: task.start + (task.end - task.start) / 2,
                    date_text: task.start_text.to_string(),
                    status: task.tags.status(),
                    line: line.line,
                });
            }
        }
    }
    found
}

/// A task line's title and metadata (`API v2 :done, api, 2026-10-01,
/// 30d`); the chart's keywords and comments are none.
fn task(text: &str) -> Option<(&str, &str)> {
    const KEYWORDS: &[&str] = &[
        "gantt",
        "title",
        "section",
        "axisFormat",
        "tickInterval",
        "includes",
        "todayMarker",
        "weekday",
        "weekend",
        "accTitle",
        "accDescr",
        "inclusiveEndDates",
        "topAxis",
        "displayMode",
        "click",
        "%%",
    ];
    if KEYWORDS.iter().any(|keyword| text.starts_with(keyword)) {
        return None;
    }
    let (title, metadata) = text.split_once(':')?;
    Some((title.trim(), metadata.trim()))
}

/// The chart's settings and the tasks placed so far.
struct Chart {
    /// `dateFormat` as a chrono format (`YYYY-MM-DD` → `%Y-%m-%d`).
    format: String,
    skips_weekends: bool,
    /// The end of each task with an id, for `after` and `until`.
    ends: FxHashMap<String, NaiveDate>,
    starts: FxHashMap<String, NaiveDate>,
    /// The end of the last task placed: where a task with no start begins.
    last_end: Option<NaiveDate>,
}

impl Default for Chart {
    fn default() -> Chart {
        Chart {
            format: "%Y-%m-%d".to_string(),
            skips_weekends: false,
            ends: FxHashMap::default(),
            starts: FxHashMap::default(),
            last_end: None,
        }
    }
}

/// A task placed on the chart.
struct Placed<'t> {
    tags: Tags,
    start: NaiveDate,
    start_text: &'t str,
    end: NaiveDate,
}

impl Chart {
    /// Places the task of `metadata` (tags, then an optional id, start and
    /// end, as Mermaid reads them) and records it for the tasks after it.
    fn place<'t>(&mut self, metadata: &'t str) -> Option<Placed<'t>> {
        let fields: Vec<&str> = metadata.split(',').map(str::trim).collect();
        let tagged = fields.iter().take_while(|f| Tags::is_tag(f)).count();
        let tags = Tags::of(&fields[..tagged]);
        let (id, start_text, end_text) = match &fields[tagged..] {
            [id, start, end] => (Some(*id), *start, *end),
            [start, end] => (None, *start, *end),
            [end] => (None, "", *end),
            _ => return None,
        };
        let start = if start_text.is_empty() {
            self.last_end?
        } else {
            self.start_of(start_text)?
        };
        let end = self.end_of(start, end_text)?.max(start);
        self.last_end = Some(end);
        if let Some(id) = id {
            self.starts.insert(id.to_string(), start);
            self.ends.insert(id.to_string(), end);
        }
        let start_text = if start_text.is_empty() {
            end_text
        } else {
            start_text
        };
        Some(Placed {
            tags,
            start,
            start_text,
            end,
        })
    }

    /// A date, or `after` one or more tasks: the latest of their ends.
    fn start_of(&self, text: &str) -> Option<NaiveDate> {
        match text.strip_prefix("after ") {
            Some(ids) => ids
                .split_whitespace()
                .map(|id| self.ends.get(id).copied())
                .collect::<Option<Vec<_>>>()?
                .into_iter()
                .max(),
            None => self.date(text),
        }
    }

    /// A date, `until` a task (its start), or a length from `start`.
    fn end_of(&self, start: NaiveDate, text: &str) -> Option<NaiveDate> {
        if let Some(id) = text.strip_prefix("until ") {
            return self.starts.get(id.trim()).copied();
        }
        match length_in_days(text) {
            Some(days) => self.add_days(start, days),
            None => self.date(text),
        }
    }

    /// The day `days` after `start`, weekends not counted when the chart
    /// excludes them.
    fn add_days(&self, start: NaiveDate, days: i64) -> Option<NaiveDate> {
        if !self.skips_weekends {
            return start.checked_add_signed(Duration::days(days));
        }
        // Counted from a weekend as from the Friday before it, whole weeks
        // at once (five working days each), then the days left one by one.
        let friday = match start.weekday() {
            Weekday::Sat => start.pred_opt()?,
            Weekday::Sun => start.pred_opt()?.pred_opt()?,
            _ => start,
        };
        let mut day = friday.checked_add_signed(Duration::weeks(days / 5))?;
        let mut left = days % 5;
        while left > 0 {
            day = day.succ_opt()?;
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                left -= 1;
            }
        }
        Some(day)
    }

    /// A date in the chart's format; a time after it is left out.
    fn date(&self, text: &str) -> Option<NaiveDate> {
        let day_format = self.format.split(' ').next().unwrap_or("%Y-%m-%d");
        let day_text = text.split(' ').next().unwrap_or(text);
        NaiveDate::parse_from_str(day_text, day_format).ok()
    }
}

/// A task's tags.
#[derive(Debug, Default, Clone, Copy)]
struct Tags {
    milestone: bool,
    done: bool,
    active: bool,
}

impl Tags {
    fn is_tag(field: &str) -> bool {
        matches!(field, "milestone" | "done" | "active" | "crit")
    }

    fn of(fields: &[&str]) -> Tags {
        Tags {
            milestone: fields.contains(&"milestone"),
            done: fields.contains(&"done"),
            active: fields.contains(&"active"),
        }
    }

    fn status(self) -> Option<Status> {
        if self.done {
            Some(Status::Done)
        } else if self.active {
            Some(Status::InProgress)
        } else {
            None
        }
    }
}

/// A task's length in whole days: `30d`, `2w`, `36h` (a day and a half:
/// one), `0d`; none for anything else, or for more than a hundred years
/// (no chart plans that far, and no date is that far).
fn length_in_days(text: &str) -> Option<i64> {
    let unit_at = text.find(|c: char| !c.is_ascii_digit() && c != '.')?;
    let amount: f64 = text[..unit_at].parse().ok()?;
    let days = match &text[unit_at..] {
        "d" => amount,
        "w" => amount * 7.0,
        "h" => amount / 24.0,
        "m" => amount / 1440.0,
        "s" | "ms" => 0.0,
        _ => return None,
    };
    (days <= 36_525.0).then_some(days as i64)
}

/// A `dateFormat` (Day.js tokens) as a chrono format: `YYYY-MM-DD` →
/// `%Y-%m-%d`, `DD/MM/YYYY` → `%d/%m/%Y`. Time tokens follow a space and
/// are not read.
fn chrono_format(format: &str) -> String {
    let day_part = format.split(' ').next().unwrap_or(format);
    day_part
        .replace("YYYY", "%Y")
        .replace("YY", "%y")
        .replace("MM", "%m")
        .replace("DD", "%d")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<TextLine> {
        text.lines()
            .enumerate()
            .map(|(i, text)| TextLine {
                text: text.to_string(),
                line: i + 2,
                struck: false,
            })
            .collect()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_chart_is_a_mermaid_block_that_starts_with_gantt() {
        assert!(is_chart("mermaid", &lines("%% roadmap\ngantt\n")));
        assert!(!is_chart("mermaid", &lines("flowchart LR\n")));
        assert!(!is_chart("text", &lines("gantt\n")));
    }

    /// The milestones of a chart, placed after the tasks they follow.
    #[test]
    fn milestones_are_placed_on_the_chart() {
        let chart = lines(
            "gantt\n    title Roadmap\n    dateFormat YYYY-MM-DD\n    section Backend\n\
             API v2 :done, api, 2026-10-01, 30d\n\
             Rate limiting :active, rl, after api, 20d\n\
             Beta release :milestone, done, beta, 2026-11-15, 0d\n\
             Hardening : 2w\n\
             Release candidate :milestone, rc, after rl, 0d\n\
             Public launch :milestone, crit, launch, 2027-01-31, 2d\n\
             Docs :until launch\n",
        );
        let found = milestones(&chart);
        let seen: Vec<_> = found
            .iter()
            .map(|m| (m.title.as_str(), m.date, m.status, m.line))
            .collect();
        assert_eq!(
            seen,
            [
                ("Beta release", date(2026, 11, 15), Some(Status::Done), 8),
                // API v2 ends on 31 October; rate limiting runs 20 days after.
                ("Release candidate", date(2026, 11, 20), None, 10),
                // The middle of its two days.
                ("Public launch", date(2027, 2, 1), None, 11),
            ]
        );
        assert_eq!(found[1].date_text, "after rl");
    }

    #[test]
    fn the_date_format_and_weekends_of_the_chart() {
        let chart = lines(
            "gantt\ndateFormat DD/MM/YYYY\nexcludes weekends\n\
             Build :b, 04/12/2026, 3d\nGo-live :milestone, after b, 0d\n\
             Unknown :milestone, after nothing, 0d\nBad :milestone, 2026-13-45, 0d\n",
        );
        let found = milestones(&chart);
        assert_eq!(found.len(), 1, "{found:?}");
        // Ten working days from a Friday: two weeks on, a Friday.
        let chart = lines("gantt\nexcludes weekends\nA :a, 2026-12-04, 10d\nM :milestone, after a, 0d\nB :b, 2026-12-04, 99999999999999d\nN :milestone, after b, 0d\n");
        let placed: Vec<_> = milestones(&chart).iter().map(|m| m.date).collect();
        assert_eq!(placed, [date(2026, 12, 18)]);
        // A format or a length no chart means is no milestone, and no panic.
        for format in ["%", "%Q", "YYYY-%", "%Y-%m-%d%", "💥"] {
            let chart = lines(&format!(
                "gantt\ndateFormat {format}\nM :milestone, 2026-12-04, 0d\n"
            ));
            let _ = milestones(&chart);
        }
        let chart = lines(
            "gantt\nA :a, 2026-12-04, -5d\nB :b, after a, 1e9d\nM :milestone, after a, 9.9.9d\n",
        );
        assert!(milestones(&chart).is_empty());
        // From a Saturday, five working days end on the Friday after.
        let chart =
            lines("gantt\nexcludes weekends\nA :a, 2026-12-05, 5d\nM :milestone, after a, 0d\n");
        assert_eq!(milestones(&chart)[0].date, date(2026, 12, 11));
        // Friday 4 December and three working days: Wednesday 9 December.
        assert_eq!(
            (found[0].title.as_str(), found[0].date),
            ("Go-live", date(2026, 12, 9))
        );
    }
}
