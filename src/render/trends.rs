//! Trends over the recorded snapshots: a project's burn-up (scope and done
//! items over time), its health history, the forecast dates of milestones
//! that moved, the progress sparkline of a portfolio row, and the list of
//! snapshots. Geometry is decided here; templates only draw.

use chrono::NaiveDate;
use serde::Serialize;

use super::view::{health_view, HealthView};
use crate::feed;
use crate::history::{self, Change, History};
use crate::i18n::Strings;
use crate::model::{PortfolioStatus, Project};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 104.0;
const RIGHT: f64 = 620.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 186.0;

/// A line chart ready to draw: polylines, points and axis ticks in SVG units.
#[derive(Debug, Clone, Serialize)]
pub struct LineChart {
    pub width: u32,
    pub height: u32,
    pub title: String,
    pub series: Vec<Series>,
    pub x_ticks: Vec<AxisTick>,
    pub y_ticks: Vec<AxisTick>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub label: String,
    /// CSS class (`scope`, `done`, `trend-0` …) that gives the colour.
    pub class: String,
    /// `x,y x,y …` for `<polyline points>`.
    pub points: String,
    pub dots: Vec<Dot>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Dot {
    pub x: String,
    pub y: String,
    pub tooltip: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AxisTick {
    pub position: String,
    pub label: String,
}

/// One row of the table that follows the burn-up chart.
#[derive(Debug, Clone, Serialize)]
pub struct TrendRow {
    pub date: String,
    pub label: String,
    pub done: u32,
    pub total: u32,
    pub progress: String,
    pub health: HealthView,
}

/// One row of the milestone trend table: a milestone's forecast per snapshot.
#[derive(Debug, Clone, Serialize)]
pub struct SlipRow {
    pub title: String,
    pub forecasts: Vec<String>,
    /// Total move in days, signed (`+14`).
    pub moved: String,
}

/// Everything the project page shows about its history.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectTrend {
    pub burn_up: Option<LineChart>,
    pub rows: Vec<TrendRow>,
    pub slip_chart: Option<LineChart>,
    pub slip_dates: Vec<String>,
    pub slips: Vec<SlipRow>,
    /// The last snapshot's label, when there is one.
    pub since: Option<String>,
    pub changes: Vec<String>,
}

/// Maps a value range onto a pixel range.
#[derive(Clone, Copy)]
struct Scale {
    from: (f64, f64),
    to: (f64, f64),
}

impl Scale {
    fn new(low: f64, high: f64, to: (f64, f64)) -> Scale {
        let (low, high) = if high > low {
            (low, high)
        } else {
            (low - 1.0, low + 1.0)
        };
        Scale {
            from: (low, high),
            to,
        }
    }

    fn at(&self, value: f64) -> f64 {
        let share = (value - self.from.0) / (self.from.1 - self.from.0);
        self.to.0 + share * (self.to.1 - self.to.0)
    }
}

fn day_number(date: NaiveDate) -> f64 {
    f64::from(chrono::Datelike::num_days_from_ce(&date))
}

fn coordinate(value: f64) -> String {
    format!("{value:.1}")
}

/// A series to draw: label, CSS class, and dated points with their tooltip.
type DatedSeries = (String, String, Vec<(NaiveDate, f64, String)>);

/// A line chart of dated series; `y_label` writes an axis value.
fn line_chart(
    title: String,
    series: Vec<DatedSeries>,
    y_range: (f64, f64),
    y_ticks: &[f64],
    y_label: impl Fn(f64) -> String,
    t: &Strings,
) -> LineChart {
    let dates: Vec<NaiveDate> = series
        .iter()
        .flat_map(|(_, _, points)| points.iter().map(|p| p.0))
        .collect();
    let first = dates.iter().min().copied().unwrap_or_default();
    let last = dates.iter().max().copied().unwrap_or_default();
    let x = Scale::new(day_number(first), day_number(last), (LEFT, RIGHT));
    let y = Scale::new(y_range.0, y_range.1, (BOTTOM, TOP));
    let drawn = series
        .into_iter()
        .map(|(label, class, points)| Series {
            points: points
                .iter()
                .map(|(date, value, _)| {
                    format!(
                        "{},{}",
                        coordinate(x.at(day_number(*date))),
                        coordinate(y.at(*value))
                    )
                })
                .collect::<Vec<_>>()
                .join(" "),
            dots: points
                .iter()
                .map(|(date, value, tooltip)| Dot {
                    x: coordinate(x.at(day_number(*date))),
                    y: coordinate(y.at(*value)),
                    tooltip: tooltip.clone(),
                })
                .collect(),
            label,
            class,
        })
        .collect();
    let mut x_ticks = vec![AxisTick {
        position: coordinate(LEFT),
        label: t.date(first),
    }];
    if last != first {
        x_ticks.push(AxisTick {
            position: coordinate(RIGHT),
            label: t.date(last),
        });
    }
    let y_ticks = y_ticks
        .iter()
        .map(|&value| AxisTick {
            position: coordinate(y.at(value)),
            label: y_label(value),
        })
        .collect();
    LineChart {
        width: WIDTH as u32,
        height: HEIGHT as u32,
        title,
        series: drawn,
        x_ticks,
        y_ticks,
    }
}

/// The history shown on one project's page.
pub fn project_trend(
    history: &History,
    project: &Project,
    now: NaiveDate,
    t: &Strings,
) -> ProjectTrend {
    let points = history::burn_up(history, project, now);
    let labels: Vec<String> = history
        .snapshots
        .iter()
        .filter(|s| s.status.as_of < now)
        .filter(|s| s.status.projects.iter().any(|p| p.slug == project.slug))
        .map(|s| s.label.clone())
        .chain(std::iter::once(t.get("now")))
        .collect();
    let rows: Vec<TrendRow> = points
        .iter()
        .zip(&labels)
        .map(|(point, label)| TrendRow {
            date: t.date(point.as_of),
            label: label.clone(),
            done: point.done,
            total: point.total,
            progress: point
                .progress
                .map(|p| t.percent(p))
                .unwrap_or_else(|| "—".to_string()),
            health: health_view(point.health, "", t),
        })
        .collect();
    let burn_up = (points.len() >= 2).then(|| {
        let top = points.iter().map(|p| p.total).max().unwrap_or(0).max(1);
        let series = |key: &str, class: &str, value: &dyn Fn(&history::BurnUpPoint) -> u32| {
            (
                t.get(key),
                class.to_string(),
                points
                    .iter()
                    .map(|p| {
                        let v = value(p);
                        (p.as_of, f64::from(v), format!("{}: {v}", t.date(p.as_of)))
                    })
                    .collect(),
            )
        };
        line_chart(
            t.get("burn_up"),
            vec![
                series("scope", "scope", &|p| p.total),
                series("done_items", "done", &|p| p.done),
            ],
            (0.0, f64::from(top)),
            &[0.0, f64::from(top / 2), f64::from(top)],
            |v| format!("{v:.0}"),
            t,
        )
    });
    let trends = history::milestone_trends(history, project, now);
    let slip_chart = (!trends.is_empty()).then(|| {
        let days: Vec<f64> = trends
            .iter()
            .flat_map(|(_, series)| series.iter().map(|(_, date)| day_number(*date)))
            .collect();
        let low = days.iter().copied().fold(f64::INFINITY, f64::min);
        let high = days.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let series = trends
            .iter()
            .enumerate()
            .map(|(index, (title, series))| {
                (
                    title.clone(),
                    format!("trend-{}", index % 6),
                    series
                        .iter()
                        .map(|(seen, forecast)| {
                            (
                                *seen,
                                day_number(*forecast),
                                format!(
                                    "{}{} {} → {}",
                                    title,
                                    t.get("colon"),
                                    t.date(*seen),
                                    t.date(*forecast)
                                ),
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        line_chart(
            t.get("milestone_trend"),
            series,
            (low, high),
            &[low, high],
            |v| {
                NaiveDate::from_num_days_from_ce_opt(v.round() as i32)
                    .map(|d| t.date(d))
                    .unwrap_or_default()
            },
            t,
        )
    });
    let slip_dates = trends
        .first()
        .map(|(_, series)| series.iter().map(|(seen, _)| t.date(*seen)).collect())
        .unwrap_or_default();
    let slips = trends
        .iter()
        .map(|(title, series)| {
            let moved = match (series.first(), series.last()) {
                (Some(first), Some(last)) => (last.1 - first.1).num_days(),
                _ => 0,
            };
            SlipRow {
                title: title.clone(),
                forecasts: series.iter().map(|(_, date)| t.date(*date)).collect(),
                moved: format!("{moved:+}"),
            }
        })
        .collect();
    let last = history.snapshots.iter().rfind(|s| s.status.as_of <= now);
    let changes = last
        .map(|snapshot| {
            let before = PortfolioStatus {
                projects: snapshot
                    .status
                    .projects
                    .iter()
                    .filter(|p| p.slug == project.slug)
                    .cloned()
                    .collect(),
                ..snapshot.status.clone()
            };
            let after = PortfolioStatus {
                projects: vec![project.clone()],
                ..snapshot.status.clone()
            };
            history::diff(&before, &after)
                .iter()
                .map(|change| without_project(change, &project.slug, t))
                .collect()
        })
        .unwrap_or_default();
    ProjectTrend {
        burn_up,
        rows: if points.len() >= 2 { rows } else { Vec::new() },
        slip_chart,
        slip_dates,
        slips,
        since: last.map(|s| s.label.clone()),
        changes,
    }
}

/// A change described without the project's slug in front (on its own page).
fn without_project(change: &Change, slug: &str, t: &Strings) -> String {
    let text = feed::describe_in(change, t.language);
    text.strip_prefix(&format!("{slug}: "))
        .or_else(|| text.strip_prefix(&format!("{slug} : ")))
        .map(str::to_string)
        .unwrap_or(text)
}

/// A progress sparkline for a portfolio row: an SVG polyline of 80 × 20.
#[derive(Debug, Clone, Serialize)]
pub struct Sparkline {
    pub points: String,
    pub label: String,
}

/// The sparkline of a project's progress over the snapshots and now, when
/// there are at least two points with a progress.
pub fn sparkline(
    history: &History,
    project: &Project,
    now: NaiveDate,
    t: &Strings,
) -> Option<Sparkline> {
    let values: Vec<(NaiveDate, f64)> = history::burn_up(history, project, now)
        .iter()
        .filter_map(|p| Some((p.as_of, p.progress?)))
        .collect();
    if values.len() < 2 {
        return None;
    }
    let x = Scale::new(
        day_number(values[0].0),
        day_number(values[values.len() - 1].0),
        (1.0, 79.0),
    );
    let y = Scale::new(0.0, 100.0, (19.0, 1.0));
    let points = values
        .iter()
        .map(|(date, value)| {
            format!(
                "{},{}",
                coordinate(x.at(day_number(*date))),
                coordinate(y.at(*value))
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let first = values[0].1;
    let last = values[values.len() - 1].1;
    Some(Sparkline {
        points,
        label: t.fill(
            "sparkline_label",
            &[
                &t.percent(first),
                &t.percent(last),
                &values.len().to_string(),
            ],
        ),
    })
}

/// One recorded snapshot, for `snapshots/index.html`.
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotRow {
    pub label: String,
    pub date: String,
    pub projects: usize,
    pub done: u32,
    pub total: u32,
    pub red: usize,
    pub amber: usize,
    pub changes: usize,
    /// Relative link to the archived site, when it was archived.
    pub href: Option<String>,
    pub tarball: Option<String>,
}

/// The snapshots, newest first, with their figures.
pub fn snapshot_rows(
    history: &History,
    current: &PortfolioStatus,
    t: &Strings,
) -> Vec<SnapshotRow> {
    let log = feed::change_log(history, current);
    let mut rows: Vec<SnapshotRow> = history
        .snapshots
        .iter()
        .map(|snapshot| {
            let projects = &snapshot.status.projects;
            let count = |health: crate::model::Health| {
                projects.iter().filter(|p| p.health == health).count()
            };
            SnapshotRow {
                label: snapshot.label.clone(),
                date: t.date(snapshot.status.as_of),
                projects: projects.len(),
                done: projects.iter().map(|p| p.counts.done).sum(),
                total: projects.iter().map(|p| p.counts.total).sum(),
                red: count(crate::model::Health::Red),
                amber: count(crate::model::Health::Amber),
                changes: log
                    .entries
                    .iter()
                    .find(|e| e.label == snapshot.label)
                    .map_or(0, |e| e.changes.len()),
                href: snapshot
                    .archived
                    .then(|| format!("{}/index.html", snapshot.label)),
                tarball: snapshot
                    .tarball
                    .then(|| format!("{}.tar.gz", snapshot.label)),
            }
        })
        .collect();
    rows.reverse();
    rows
}
