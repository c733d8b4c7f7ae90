//! Chart geometry, decided in Rust so templates only draw: the milestone
//! timeline (an SVG date axis, a row per project or per milestone), the 5×5
//! risk matrix, and the per-project SVG badge.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::escape;
use crate::i18n::Strings;
use crate::model::{Health, Milestone, Risk, Status};

/// Width of the SVG coordinate system; the SVG scales to its container.
const WIDTH: f64 = 1000.0;
const LABEL_WIDTH: f64 = 200.0;
const PLOT_RIGHT: f64 = 980.0;

/// About how wide `label` is drawn in the chart's 12 px bold labels (7 px a
/// character, a little more than the average): enough to tell whether it
/// fits to the right of a line or must end there.
fn label_width(label: &str) -> f64 {
    label.chars().count() as f64 * 7.0
}
const AXIS_HEIGHT: f64 = 34.0;
const ROW_HEIGHT: f64 = 32.0;
const DIAMOND: f64 = 7.0;

/// One row of the timeline: a label and the milestones drawn on it.
pub struct TimelineRow<'a> {
    pub label: String,
    pub milestones: Vec<(&'a Milestone, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub width: u32,
    pub height: u32,
    pub title: String,
    pub rows: Vec<RowView>,
    pub ticks: Vec<Tick>,
    pub today: Option<TodayLine>,
    pub marks: Vec<Mark>,
    pub undated_note: Option<String>,
    pub empty: bool,
    /// Some milestone moved: the legend names the first plan's mark.
    pub moved: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub label: String,
    /// The whole label when `label` is cut, shown as its tooltip.
    pub full: Option<String>,
    pub y: String,
    pub text_y: String,
    pub band_y: String,
    pub even: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub x: String,
    pub label: String,
    /// `middle`, or `end` near the right edge so the label is not cut.
    pub anchor: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct TodayLine {
    pub x: String,
    pub label: String,
    pub anchor: &'static str,
}

/// A diamond (`points`) or a range bar (`x`, `y`, `w`, `h`).
#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    pub kind: &'static str,
    pub points: String,
    pub x: String,
    pub y: String,
    pub w: String,
    pub h: String,
    /// CSS class: the status (`done`…) or `overdue`.
    pub class: String,
    pub overdue: bool,
    /// Position of the `!` drawn beside an overdue mark.
    pub flag_x: String,
    pub flag_y: String,
    pub tooltip: String,
    pub href: String,
    /// Where the milestone was first planned, when it moved since.
    pub moved_from: Option<MovedFrom>,
}

/// A moved milestone's first plan on the timeline: a hollow diamond at the
/// date first planned, joined to the milestone by a dashed line, so that a
/// slip reads at a glance.
#[derive(Debug, Clone, Serialize)]
pub struct MovedFrom {
    pub points: String,
    /// The dashed line, from the first plan to the milestone's mark.
    pub x1: String,
    pub x2: String,
    pub y: String,
}

/// A coordinate to a tenth, without a trailing `.0`: `12`, `12.5`, `-0.5`.
///
/// Written from the whole number of tenths with integer formatting: the
/// same text as `{:.1}` of the rounded value, without float formatting,
/// which was most of the time of a chart (ten coordinates a milestone).
fn num(value: f64) -> String {
    let tenths = (value * 10.0).round();
    if tenths.is_nan() || tenths.abs() >= 1e15 {
        // Far beyond any chart (or not a number): the general formatting.
        let rounded = tenths / 10.0;
        return if rounded.fract() == 0.0 {
            format!("{}", rounded as i64)
        } else {
            format!("{rounded:.1}")
        };
    }
    let tenths = tenths as i64;
    let mut text = String::with_capacity(8);
    if tenths < 0 && tenths > -10 {
        text.push('-'); // `-0.5`: the whole part alone would lose the sign
    }
    text.push_str(itoa::Buffer::new().format(tenths / 10));
    let tenth = (tenths % 10).unsigned_abs();
    if tenth != 0 {
        text.push('.');
        text.push(char::from(b'0' + tenth as u8));
    }
    text
}

/// CSS class of a milestone: `overdue` wins over its status.
pub fn milestone_class(milestone: &Milestone) -> String {
    if milestone.overdue {
        "overdue".to_string()
    } else {
        milestone
            .status
            .map(Status::as_str)
            .unwrap_or("todo")
            .to_string()
    }
}

/// Lays out `rows` on one date axis from the earliest to the latest date, with `as_of` as today.
pub fn timeline(rows: &[TimelineRow], as_of: NaiveDate, title: String, t: &Strings) -> Timeline {
    let dates: Vec<NaiveDate> = rows
        .iter()
        .flat_map(|row| row.milestones.iter())
        .flat_map(|(m, _)| [m.date, m.date_end, m.date.and(m.baseline)])
        .flatten()
        .collect();
    let undated = rows
        .iter()
        .flat_map(|row| row.milestones.iter())
        .filter(|(m, _)| m.date.is_none())
        .count();
    let undated_note = (undated > 0).then(|| t.fill("undated", &[&t.count(undated)]));
    let drawn_rows: Vec<&TimelineRow> = rows
        .iter()
        .filter(|row| row.milestones.iter().any(|(m, _)| m.date.is_some()))
        .collect();
    // Room under the rows for the "today" label.
    let height = AXIS_HEIGHT + ROW_HEIGHT * drawn_rows.len() as f64 + 24.0;
    let mut view = Timeline {
        width: WIDTH as u32,
        height: height as u32,
        title,
        rows: Vec::new(),
        ticks: Vec::new(),
        today: None,
        marks: Vec::new(),
        undated_note,
        empty: dates.is_empty(),
        moved: false,
    };
    let (Some(&first), Some(&last)) = (dates.iter().min(), dates.iter().max()) else {
        return view;
    };
    let (start, end) = axis_range(first.min(as_of), last.max(as_of));
    let span = (end - start).num_days().max(1) as f64;
    let x_of = |date: NaiveDate| {
        LABEL_WIDTH + (date - start).num_days() as f64 / span * (PLOT_RIGHT - LABEL_WIDTH)
    };
    let mut ticks = month_ticks(start, end, t);
    // The last label, drawn leftwards of a tick near the right edge, must
    // not run into the one before it (`Dec 2026Jan 2027`): that tick goes.
    if let [.., (before, before_label), (last, last_label)] = ticks.as_slice() {
        let (x_before, x_last) = (x_of(*before), x_of(*last));
        let overlap =
            x_last - label_width(last_label) < x_before + label_width(before_label) / 2.0 + 6.0;
        if x_last > PLOT_RIGHT - 30.0 && overlap {
            ticks.pop();
        }
    }
    view.ticks = ticks
        .into_iter()
        .map(|(date, label)| Tick {
            x: num(x_of(date)),
            label,
            anchor: if x_of(date) > PLOT_RIGHT - 30.0 {
                "end"
            } else {
                "middle"
            },
        })
        .collect();
    let today_x = x_of(as_of);
    let label = format!("{} · {}", t.get("today"), t.date(as_of));
    view.today = Some(TodayLine {
        x: num(today_x),
        anchor: if today_x + label_width(&label) > WIDTH {
            "end"
        } else {
            "start"
        },
        label,
    });
    for (index, row) in drawn_rows.iter().enumerate() {
        let top = AXIS_HEIGHT + ROW_HEIGHT * index as f64;
        let centre = top + ROW_HEIGHT / 2.0;
        let label = fit(&row.label, ROW_LABEL_ROOM);
        view.rows.push(RowView {
            full: (label != row.label).then(|| row.label.clone()),
            label,
            y: num(centre),
            text_y: num(centre + 4.5),
            band_y: num(top),
            even: index % 2 == 0,
        });
        for (milestone, href) in &row.milestones {
            let Some(date) = milestone.date else { continue };
            let mut mark = mark(
                milestone,
                href,
                x_of(date),
                milestone.date_end.map(x_of),
                centre,
                t,
            );
            mark.moved_from = (milestone.baseline)
                .filter(|first| *first != date)
                .map(|first| moved_from(x_of(first), x_of(date), centre));
            view.moved |= mark.moved_from.is_some();
            view.marks.push(mark);
        }
    }
    view
}

fn mark(
    milestone: &Milestone,
    href: &str,
    x: f64,
    x_end: Option<f64>,
    y: f64,
    t: &Strings,
) -> Mark {
    let status_word = t.status_word(milestone.status);
    let mut tooltip = format!(
        "{} · {} · {}",
        milestone.title, milestone.date_text, status_word
    );
    if milestone.overdue {
        tooltip.push_str(&format!(" · {}", t.get("overdue")));
    }
    let (kind, right) = match x_end {
        Some(x_end) if x_end > x + 2.0 => ("bar", x_end),
        _ => ("diamond", x + DIAMOND),
    };
    Mark {
        kind,
        points: diamond_points(x, y),
        x: num(x),
        y: num(y - 6.0),
        w: num(right - x),
        h: "12".to_string(),
        class: milestone_class(milestone),
        overdue: milestone.overdue,
        flag_x: num(right + 4.0),
        flag_y: num(y - 4.0),
        tooltip,
        href: href.to_string(),
        moved_from: None,
    }
}

/// The first plan of a milestone drawn at `x` on the row at `y`, whose
/// mark is at `to`: the dashed line stops at the edges of both diamonds.
fn moved_from(x: f64, to: f64, y: f64) -> MovedFrom {
    let towards = if to >= x { 1.0 } else { -1.0 };
    MovedFrom {
        points: diamond_points(x, y),
        x1: num(x + towards * DIAMOND),
        x2: num(to - towards * DIAMOND),
        y: num(y),
    }
}

/// The four corners of a diamond centred on (`x`, `y`).
fn diamond_points(x: f64, y: f64) -> String {
    format!(
        "{},{} {},{} {},{} {},{}",
        num(x),
        num(y - DIAMOND),
        num(x + DIAMOND),
        num(y),
        num(x),
        num(y + DIAMOND),
        num(x - DIAMOND),
        num(y)
    )
}

/// Start and end of the axis: whole months around the dates, at least three months.
fn axis_range(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = first.with_day(1).unwrap_or(first);
    let mut end = next_month(last.with_day(1).unwrap_or(last));
    while months_between(start, end) < 3 {
        end = next_month(end);
    }
    (start, end)
}

fn next_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date)
}

fn months_between(start: NaiveDate, end: NaiveDate) -> i32 {
    (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32
}

/// First days of months between `start` and `end`, thinned so labels never overlap.
fn month_ticks(start: NaiveDate, end: NaiveDate, t: &Strings) -> Vec<(NaiveDate, String)> {
    let months = months_between(start, end);
    let step = match months {
        0..=9 => 1,
        10..=20 => 2,
        21..=40 => 3,
        41..=80 => 6,
        _ => 12,
    };
    let mut ticks = Vec::new();
    let mut date = start;
    let mut index = 0;
    while date <= end && ticks.len() < 200 {
        if index % step == 0 {
            ticks.push((date, t.month(date)));
        }
        date = next_month(date);
        index += 1;
    }
    ticks
}

/// The room for a timeline row's label, in the chart's units: from its
/// start (8) to the plot's (`LABEL_WIDTH`), less a gap.
const ROW_LABEL_ROOM: f64 = LABEL_WIDTH - 8.0 - 10.0;

/// About how wide `c` is drawn, in ems of a sans-serif font: capitals
/// and digits are wider than most small letters, `i` and `l` narrow, an
/// ideograph or an emoji a whole em.
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'I' => 0.3,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '/' | '-' => 0.4,
        'M' | 'W' | 'm' | 'w' => 0.86,
        '0'..='9' => 0.64,
        c if c.is_uppercase() => 0.72,
        c if c.is_alphabetic() && (c as u32) < 0x1100 => 0.58,
        c if (c as u32) >= 0x1100 => 1.0,
        _ => 0.6,
    }
}

/// Cuts `text` with an ellipsis to what the timeline's 13-unit labels
/// draw in `room` units. Cut by characters, a label of capitals ran into
/// the plot (`AVANCEMENT VERS 100% PRODUC…`) where one of small letters
/// left room.
fn fit(text: &str, room: f64) -> String {
    const FONT: f64 = 13.0;
    let width = |s: &str| s.chars().map(char_width).sum::<f64>() * FONT;
    if width(text) <= room {
        return text.to_string();
    }
    let room = room - char_width('…') * FONT;
    let mut used = 0.0;
    let cut: String = text
        .chars()
        .take_while(|&c| {
            used += char_width(c) * FONT;
            used <= room
        })
        .collect();
    format!("{}…", cut.trim_end())
}

/// Cuts `text` to `max` characters with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    /// Impact 5 first (top row), down to 1.
    pub rows: Vec<MatrixRow>,
    /// Probability 1 to 5, the column headers.
    pub columns: Vec<u8>,
    /// The open risks the grid places: with none, the grid of 25 zeros says
    /// nothing and is left out.
    pub placed: usize,
    pub unrated_note: Option<String>,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub impact: u8,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    pub impact: u8,
    pub probability: u8,
    pub score: u8,
    /// `low` (1-4), `medium` (5-14) or `high` (15-25).
    pub tone: &'static str,
    pub count: usize,
    pub risks: Vec<MatrixLink>,
    /// `+40 more`, to the first risk the cell does not name, when it was cut.
    pub more: Option<MatrixLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixLink {
    pub label: String,
    pub title: String,
    pub href: String,
}

/// The zone of a cell by impact × probability: green 1-4, amber 5-14, red 15-25.
pub fn zone(score: u8) -> &'static str {
    match score {
        0..=4 => "low",
        5..=14 => "medium",
        _ => "high",
    }
}

/// Risks a matrix cell names before "+N more": a cell is a phone's third of
/// a screen wide; more names would be cut or need a scroll box of their own.
pub const CELL_LIMIT: usize = 5;

/// A risk as the matrix places it: open or closed, and its rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rated {
    pub closed: bool,
    pub rating: Option<(u8, u8)>,
}

impl Rated {
    pub fn of(risk: &Risk) -> Rated {
        Rated {
            closed: risk.closed,
            rating: rating(risk),
        }
    }
}

/// The link a project's matrix cell makes to `risk`, whose row is at
/// `href`: by its id when it has one (`R-003`, as the table beside it
/// shows), else by its title.
pub fn matrix_link(risk: &Risk, href: String) -> MatrixLink {
    MatrixLink {
        label: truncate(risk.id.as_deref().unwrap_or(&risk.title), 34),
        title: risk.title.clone(),
        href,
    }
}

/// The link the portfolio's matrix makes to `risk` of `project`: by its
/// title, as ids start again in every project (a cell of `R4`, `R9`,
/// `R4` says nothing), and the project's name with the whole title on
/// hover.
pub fn portfolio_matrix_link(risk: &Risk, project: &str, href: String) -> MatrixLink {
    MatrixLink {
        label: truncate(&risk.title, 34),
        title: format!("{project} · {}", risk.title),
        href,
    }
}

/// The 5×5 matrix of the open risks that have both an impact and a
/// probability; each cell names at most [`CELL_LIMIT`] of its risks, in the
/// order of `risks`, and links to the first of the rest (`+N more`).
/// `link(i)` is the link to the row of the `i`th risk ([`matrix_link`]);
/// it is asked only for the risks a cell links to, so a matrix of 250,000
/// risks makes 130 links, not 250,000, and needs the risks themselves
/// for those only.
pub fn matrix(risks: &[Rated], link: &dyn Fn(usize) -> MatrixLink, t: &Strings) -> Matrix {
    // Per cell, by impact and probability: its count, and its first
    // `CELL_LIMIT + 1` risks (the last one is where `+N more` leads).
    let mut cells: [[(usize, Vec<usize>); 5]; 5] = Default::default();
    let (mut open, mut unrated) = (0, 0);
    for (index, risk) in risks.iter().enumerate().filter(|(_, r)| !r.closed) {
        open += 1;
        let Some((impact, probability)) = risk.rating else {
            unrated += 1;
            continue;
        };
        let (count, first) = &mut cells[usize::from(impact - 1)][usize::from(probability - 1)];
        *count += 1;
        if first.len() <= CELL_LIMIT {
            first.push(index);
        }
    }
    let rows = (1..=5u8)
        .rev()
        .map(|impact| MatrixRow {
            impact,
            cells: (1..=5u8)
                .map(|probability| {
                    let (count, first) =
                        &cells[usize::from(impact - 1)][usize::from(probability - 1)];
                    let more = (*count > CELL_LIMIT).then(|| {
                        let label = t.fill("more_risks", &[&t.count(count - CELL_LIMIT)]);
                        MatrixLink {
                            title: label.clone(),
                            label,
                            href: link(first[CELL_LIMIT]).href,
                        }
                    });
                    MatrixCell {
                        impact,
                        probability,
                        score: impact * probability,
                        tone: zone(impact * probability),
                        count: *count,
                        risks: first
                            .iter()
                            .take(CELL_LIMIT)
                            .map(|&index| link(index))
                            .collect(),
                        more,
                    }
                })
                .collect(),
        })
        .collect();
    Matrix {
        rows,
        columns: (1..=5).collect(),
        placed: open - unrated,
        unrated_note: (unrated > 0).then(|| {
            let key = if unrated == open {
                "unplaced_risks"
            } else {
                "unrated_risks"
            };
            t.fill(key, &[&t.count(unrated)])
        }),
        total: open,
    }
}

/// `(impact, probability)` when both are within 1-5.
pub fn rating(risk: &Risk) -> Option<(u8, u8)> {
    match (risk.impact, risk.probability) {
        (Some(impact @ 1..=5), Some(probability @ 1..=5)) => Some((impact, probability)),
        _ => None,
    }
}

/// The README badge: `progress | 42% · amber`, coloured by health.
pub fn badge(progress: Option<f64>, health: Health, t: &Strings) -> String {
    let label = t.get("progress").to_lowercase();
    let value = format!(
        "{} · {}",
        progress
            .map(|p| t.percent(p))
            .unwrap_or_else(|| t.get("badge_no_progress")),
        t.health_word(health)
    );
    let colour = match health {
        Health::Done | Health::Green => "#1a7f37",
        Health::Amber => "#9a6700",
        Health::Red => "#cf222e",
        Health::Unknown => "#57606a",
    };
    let char_width = 6.6;
    let left = (label.chars().count() as f64 * char_width + 12.0).round();
    let right = (value.chars().count() as f64 * char_width + 12.0).round();
    let total = left + right;
    let (label, value) = (escape(&label), escape(&value));
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{label}: {value}">
<title>{label}: {value}</title>
<rect width="{left}" height="20" fill="#3d444d"/>
<rect x="{left}" width="{right}" height="20" fill="{colour}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">
<text x="{lx}" y="14">{label}</text>
<text x="{rx}" y="14">{value}</text>
</g>
</svg>
"##,
        lx = num(left / 2.0),
        rx = num(left + right / 2.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_written_as_float_formatting_writes_them() {
        let formatted = |value: f64| {
            let rounded = (value * 10.0).round() / 10.0;
            if rounded.fract() == 0.0 {
                format!("{}", rounded as i64)
            } else {
                format!("{rounded:.1}")
            }
        };
        let mut values = vec![0.0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.5, -0.5, 0.95, -0.95];
        values.extend([
            12.25,
            12.35,
            -12.35,
            999.99,
            1e13 + 0.3,
            -7e14,
            3e15,
            f64::NAN,
        ]);
        values.extend((-30_000..30_000).map(|i| f64::from(i) * 0.0371));
        values.extend((0..2_000).map(|i| LABEL_WIDTH + f64::from(i) / 1_999.0 * 780.0));
        for value in values {
            assert_eq!(num(value), formatted(value), "{value}");
        }
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(212.5), "212.5");
        assert_eq!(num(980.0), "980");
    }
    use crate::config::Language;

    fn risk(impact: u8, probability: u8) -> Risk {
        Risk {
            title: "Backend vide".into(),
            id: None,
            impact: Some(impact),
            probability: Some(probability),
            severity: None,
            mitigation: None,
            owner: None,
            closed: false,
            source: "a.md".into(),
            line: 1,
        }
    }

    #[test]
    fn a_five_by_five_risk_sits_top_right_in_red() {
        let r = risk(5, 5);
        let link = |_| matrix_link(&r, "#r1".into());
        let m = matrix(&[Rated::of(&r)], &link, &Strings::new(Language::En));
        let cell = &m.rows[0].cells[4];
        assert_eq!((cell.impact, cell.probability, cell.count), (5, 5, 1));
        assert_eq!(cell.tone, "high");
        assert_eq!(m.rows[4].cells[0].tone, "low");
        assert_eq!(zone(5), "medium");
        assert_eq!(zone(14), "medium");
        assert_eq!(zone(15), "high");
    }

    #[test]
    fn a_full_cell_names_its_first_risks_and_links_to_the_rest() {
        let risks: Vec<Risk> = (0..13).map(|_| risk(4, 2)).collect();
        let placed: Vec<Rated> = risks.iter().map(Rated::of).collect();
        let t = Strings::new(Language::En);
        let link = |i: usize| matrix_link(&risks[i], format!("#r{}", i + 1));
        let m = matrix(&placed, &link, &t);
        // Impact 4 is the second row from the top; probability 2 the second column.
        let cell = &m.rows[1].cells[1];
        assert_eq!(cell.count, 13);
        assert_eq!(cell.risks.len(), 5);
        let more = cell.more.as_ref().expect("a link to the rest");
        assert_eq!(more.label, "+8 more");
        assert_eq!(more.href, "#r6");
        let named: Vec<&str> = cell.risks.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(named, ["#r1", "#r2", "#r3", "#r4", "#r5"]);
    }

    /// A project's cell names a risk by its id; the portfolio's by its
    /// title, with its project on hover.
    #[test]
    fn the_portfolios_matrix_names_risks_by_title_and_project() {
        let mut r = risk(4, 4);
        r.id = Some("R4".into());
        r.title = "Départ d'un développeur clé en pleine recette".into();
        let own = matrix_link(&r, "#risk-1".into());
        assert_eq!(own.label, "R4");
        let across = portfolio_matrix_link(&r, "App CRM", "#risk-app-crm-1".into());
        assert_eq!(across.label, "Départ d'un développeur clé en pl…");
        assert_eq!(
            across.title,
            "App CRM · Départ d'un développeur clé en pleine recette"
        );
        assert_eq!(across.href, "#risk-app-crm-1");
    }

    #[test]
    fn badge_is_escaped_svg() {
        let svg = badge(Some(42.0), Health::Amber, &Strings::new(Language::En));
        assert!(svg.contains("42% · amber"), "{svg}");
        assert!(svg.starts_with("<svg"));
        // Without progress, in the badge's language.
        let fr = badge(None, Health::Red, &Strings::new(Language::Fr));
        assert!(fr.contains("avancement: n.d. · rouge"), "{fr}");
        let en = badge(None, Health::Unknown, &Strings::new(Language::En));
        assert!(en.contains("progress: n/a · unknown"), "{en}");
    }

    /// The "today" label reads to the right of its line unless it would
    /// run past the chart's edge; then it ends at the line.
    /// A milestone on `date`, with nothing else said.
    fn milestone(date: NaiveDate) -> Milestone {
        Milestone {
            title: "Jalon".into(),
            date: Some(date),
            date_end: None,
            date_text: String::new(),
            baseline: None,
            status: None,
            overdue: false,
            source: std::sync::Arc::from("a.md"),
            line: 1,
        }
    }

    #[test]
    fn the_today_label_stays_inside_the_chart() {
        let day = |month, day| NaiveDate::from_ymd_opt(2026, month, day).unwrap();
        let (march, december) = (milestone(day(3, 15)), milestone(day(12, 14)));
        let rows = [TimelineRow {
            label: "Projet".into(),
            milestones: vec![(&march, String::new()), (&december, String::new())],
        }];
        let t = Strings::new(Language::Fr);
        let anchor = |as_of| {
            let today = timeline(&rows, as_of, String::new(), &t).today.unwrap();
            let x: f64 = today.x.parse().unwrap();
            (today.anchor, x)
        };
        // 6 November: the line is at about 84 % of the chart, and
        // `aujourd'hui · 6 nov. 2026` needs some 170 of its 1,000 units.
        let (late, x) = anchor(day(11, 6));
        assert!(
            x > 800.0 && x + label_width("aujourd'hui · 6 nov. 2026") > WIDTH,
            "{x}"
        );
        assert_eq!(late, "end");
        assert_eq!(anchor(day(4, 1)).0, "start");
    }

    /// A row label is cut to the room before the plot by how wide its
    /// letters are drawn: the capitals of corpus 07's title are cut sooner
    /// than small letters of the same count, nothing is cut that fits, and
    /// a cut label keeps the whole one for its tooltip.
    #[test]
    fn row_labels_are_cut_to_the_room_their_letters_take() {
        let width = |s: &str| s.chars().map(char_width).sum::<f64>() * 13.0;
        let capitals = fit("AVANCEMENT VERS 100% PRODUCTION-READY", ROW_LABEL_ROOM);
        let small = fit("avancement vers 100% production-ready", ROW_LABEL_ROOM);
        assert!(
            capitals.ends_with('…') && small.ends_with('…'),
            "{capitals} / {small}"
        );
        assert!(
            capitals.chars().count() < small.chars().count(),
            "{capitals} / {small}"
        );
        for cut in [&capitals, &small] {
            assert!(width(cut) <= ROW_LABEL_ROOM, "{cut}: {}", width(cut));
        }
        for whole in ["Rust 2024 Edition", "Festival Musical Intelligent", ""] {
            assert_eq!(fit(whole, ROW_LABEL_ROOM), whole);
        }
        let milestone = milestone(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        let rows =
            ["AVANCEMENT VERS 100% PRODUCTION-READY", "MCP Hangar"].map(|label| TimelineRow {
                label: label.to_string(),
                milestones: vec![(&milestone, String::new())],
            });
        let t = Strings::new(crate::config::Language::En);
        let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let chart = timeline(&rows, as_of, "T".to_string(), &t);
        let full: Vec<_> = chart.rows.iter().map(|r| r.full.as_deref()).collect();
        assert_eq!(full, [Some("AVANCEMENT VERS 100% PRODUCTION-READY"), None]);
    }

    /// Corpus 14's timeline ran `Dec 2026` into `Jan 2027`: the last
    /// label, ending at its tick by the right edge, would overlap the one
    /// before, so that tick is left out; a last tick with room keeps its label.
    #[test]
    fn the_last_tick_label_does_not_run_into_the_one_before() {
        let day = |year, month, day| NaiveDate::from_ymd_opt(year, month, day).unwrap();
        let t = Strings::new(Language::En);
        let labels = |first, as_of| {
            let first = milestone(first);
            let rows = [TimelineRow {
                label: "Project".into(),
                milestones: vec![(&first, String::new())],
            }];
            let view = timeline(&rows, as_of, String::new(), &t);
            let ticks: Vec<(f64, String)> = (view.ticks.iter())
                .map(|tick| (tick.x.parse().unwrap(), tick.label.clone()))
                .collect();
            ticks
        };
        for (first, as_of) in [
            (day(2024, 10, 17), day(2026, 12, 3)),
            (day(2026, 1, 10), day(2026, 12, 3)),
            (day(2025, 3, 1), day(2026, 6, 20)),
        ] {
            let ticks = labels(first, as_of);
            let [.., (x_before, before), (x_last, last)] = ticks.as_slice() else {
                panic!("{ticks:?}");
            };
            let end_anchored = *x_last > PLOT_RIGHT - 30.0;
            let last_left = if end_anchored {
                x_last - label_width(last)
            } else {
                x_last - label_width(last) / 2.0
            };
            assert!(
                last_left >= x_before + label_width(before) / 2.0 + 6.0,
                "{ticks:?}"
            );
        }
    }

    #[test]
    fn long_ranges_thin_their_ticks() {
        let t = Strings::new(Language::En);
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert!(month_ticks(start, end, &t).len() <= 13);
    }
}
