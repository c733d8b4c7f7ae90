//! The four cross-project pages — portfolio, timeline, risks, people — and
//! how they grow with the portfolio.
//!
//! A portfolio of at most [`PROJECTS_PER_PAGE`] projects gets one page of
//! each, drawn as sitrep always has. A larger one would give pages of tens
//! of megabytes (10,000 projects: a 112 MB risk page), so each list is cut
//! into numbered pages with a navigation between them:
//!
//! - portfolio: the summary tiles and the programmes first, then
//!   [`PROJECTS_PER_PAGE`] projects a page, programme by programme;
//! - timeline: the overdue and coming milestones of every project first,
//!   then one chart and table per page of projects (the portfolio's pages);
//! - risks: the matrix (each cell names at most [`charts::CELL_LIMIT`]
//!   risks and links to the rest), then the table by severity, about 100
//!   rows a page ([`RISK_PAGE_SIZES`]), cut where the rows say so that a
//!   risk added or removed changes one page of the table, not every page
//!   after it; a table of more than [`RISK_PAGE_SIZES`]`.max` rows is cut
//!   so too, however few the projects;
//! - people: alphabetical, [`PEOPLE_PER_PAGE`] people a page; a person's
//!   card names their [`PERSON_PROJECTS_SHOWN`] most pressing projects and
//!   links to a page of their own with all of them.
//!
//! Every count is decided here; the templates only lay the pages out.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::charts;
use super::compiled::{PersonPageView, RisksView, TimelineView};
use super::groups::{self, Group};
use super::paging::{self, root_of, PageSizes, Pagination};
use super::project_view::{nearest_milestones, ROWS_SHOWN};
use super::view::{
    self, HealthCount, Links, MilestoneRow, PersonRow, PersonTally, PersonView, ProjectRow,
    RiskEntry,
};
use super::{trends, Renderer};
use crate::ingest::names::slugify;
use crate::model::{Milestone, Project, Risk, Severity, Tally};

/// Projects a portfolio page lists; a portfolio up to this size has one page of everything.
pub const PROJECTS_PER_PAGE: usize = 50;
/// Rows of a page of the risk table: about 100, cut where a row's own
/// content says (see [`paging::ranges_by_marks`] and [`risk_mark`]).
pub const RISK_PAGE_SIZES: PageSizes = PageSizes {
    min: 50,
    average: 100,
    max: 200,
};
/// People a page of the people list shows.
pub const PEOPLE_PER_PAGE: usize = 50;
/// Rows of each milestone summary (overdue, next 30 days) on the timeline.
pub const SUMMARY_LIMIT: usize = 25;
/// Projects a person's card names on the people page of a large portfolio.
pub const PERSON_PROJECTS_SHOWN: usize = 10;

/// One page: its output path and its HTML.
/// A page's output path and its HTML; `None` when the previous build's
/// file was kept (same inputs, see `Renderer::cross_page`).
pub type Page = (String, Option<String>);

/// Where a section hands each page as soon as it is rendered, so that a
/// section of hundreds of pages never sits in memory whole (the risks of
/// 10,000 projects are 129 MB of pages).
pub type Emit<'e> = &'e (dyn Fn(Page) -> anyhow::Result<()> + Sync);

/// The projects in reading order, and where the pages cut them.
struct Layout {
    groups: Option<Vec<Group>>,
    /// `(group, project)` in reading order: programme by programme.
    order: Vec<(Option<usize>, usize)>,
    /// The slice of `order` on each page.
    pages: Vec<Range<usize>>,
}

impl Layout {
    fn projects(&self, page: &Range<usize>) -> Vec<usize> {
        self.order[page.clone()].iter().map(|&(_, p)| p).collect()
    }

    /// The page (1-based) where group `index` begins.
    fn first_page_of(&self, index: usize) -> usize {
        let position = self
            .order
            .iter()
            .position(|&(group, _)| group == Some(index))
            .unwrap_or(0);
        paging::page_of(position, PROJECTS_PER_PAGE)
    }
}

/// A programme in the portfolio's overview table.
#[derive(Debug, Clone, Serialize)]
struct ProgramRow {
    name: String,
    href: String,
    count: usize,
    health_counts: Vec<HealthCount>,
}

/// A programme's heading above its projects on a portfolio page.
#[derive(Debug, Clone, Serialize)]
struct GroupHeading {
    name: String,
    anchor: String,
    /// `12 projects`.
    count: String,
    /// The programme began on an earlier page: the heading says so and has no id.
    continued: bool,
}

/// The projects of one programme on one page (all of the page's projects
/// when there are no programmes).
#[derive(Debug, Clone, Serialize)]
struct RunView {
    heading: Option<GroupHeading>,
    rows: Vec<ProjectRow>,
}

/// Overdue or coming milestones across the portfolio, at the top of the timeline.
#[derive(Debug, Clone, Serialize)]
pub(super) struct MilestoneSummary {
    pub id: &'static str,
    pub title: String,
    pub count: usize,
    pub rows: Vec<MilestoneRow>,
    /// `and 40 more, in the pages below`, when the table was cut.
    pub more: Option<String>,
}

/// Where the risks of one severity begin in the paginated risk table.
#[derive(Debug, Clone, Serialize)]
pub(super) struct SeverityJump {
    pub severity: view::SeverityView,
    pub closed: bool,
    pub count: usize,
    pub href: String,
    /// `from page 3`.
    pub page: String,
}

impl Renderer<'_> {
    /// More projects than one page holds: the cross-project pages are cut.
    fn large(&self) -> bool {
        self.portfolio.projects.len() > PROJECTS_PER_PAGE
    }

    fn layout(&self) -> Layout {
        let groups = groups::group(&self.programs);
        let order = groups::reading_order(groups.as_deref(), self.portfolio.projects.len());
        let pages = paging::ranges(order.len(), PROJECTS_PER_PAGE);
        Layout {
            groups,
            order,
            pages,
        }
    }

    /// `Risks (page 2 of 40)` on a cut list; the plain title otherwise.
    fn page_title(&self, key: &str, number: usize, count: usize) -> String {
        if count > 1 {
            format!(
                "{} ({})",
                self.t.get(key),
                self.t
                    .fill("page_of", &[&number.to_string(), &count.to_string()])
            )
        } else {
            self.t.get(key)
        }
    }

    /// `Projects 51–100 of 10000`.
    fn range_text(&self, key: &str, range: &Range<usize>, total: usize) -> String {
        self.t.fill(
            key,
            &[
                &self.t.count(range.start + 1),
                &self.t.count(range.end),
                &self.t.count(total),
            ],
        )
    }

    fn pagination(&self, folder: &str, number: usize, labels: &[String]) -> Option<Pagination> {
        (labels.len() > 1).then(|| paging::pagination(folder, number, labels, &self.t))
    }

    // ---------- portfolio ----------

    /// `index.html`, then `page/2/index.html`, … for a large portfolio.
    /// The portfolio's pages; `intro` is `content/_index.md` as HTML, shown
    /// on the first page.
    pub(super) fn portfolio_pages(&self, intro: Option<&str>, emit: Emit) -> anyhow::Result<()> {
        let layout = self.layout();
        let labels = paging::numbers(layout.pages.len());
        (0..layout.pages.len())
            .into_par_iter()
            .try_for_each(|index| emit(self.portfolio_page(intro, &layout, index + 1, &labels)?))
    }

    fn portfolio_page(
        &self,
        intro: Option<&str>,
        layout: &Layout,
        number: usize,
        labels: &[String],
    ) -> anyhow::Result<Page> {
        let path = paging::page_path("", number);
        let title = self.page_title("portfolio", number, labels.len());
        let projects = &self.portfolio.projects;
        let as_of = self.portfolio.as_of;
        let first = number == 1;
        let range = layout.pages[number - 1].clone();
        let previous = range.start.checked_sub(1).map(|i| &layout.order[i]);
        let runs: Vec<(Option<GroupHeading>, Vec<usize>)> =
            groups::runs(&layout.order[range.clone()], previous)
                .into_iter()
                .map(|run| {
                    let heading = run
                        .group
                        .zip(layout.groups.as_ref())
                        .map(|(g, groups)| self.group_heading(&groups[g], run.continued));
                    (heading, run.members)
                })
                .collect();
        let card_level = if layout.groups.is_some() { 4 } else { 3 };
        let intro = intro.filter(|_| first);
        let root = root_of(&path);
        // Page 1 sums up every project (tiles, health, programmes): it is
        // keyed by its values.
        let shown = (!first).then(|| layout.projects(&range));
        let headings: Vec<_> = runs.iter().map(|(heading, _)| heading).collect();
        let placing = (
            number,
            labels.len(),
            &range,
            projects.len(),
            &headings,
            card_level,
        );
        let build = || {
            let mut rows: Vec<(&Project, ProjectRow)> = (runs.iter())
                .flat_map(|(_, members)| members)
                .map(|&index| (&projects[index], self.project_row(&projects[index], &root)))
                .collect();
            view::tell_apart(&mut rows);
            let mut rows = rows.into_iter().map(|(_, row)| row);
            let runs: Vec<RunView> = runs
                .iter()
                .map(|(heading, members)| RunView {
                    heading: heading.clone(),
                    rows: rows.by_ref().take(members.len()).collect(),
                })
                .collect();
            let mut context = tera::Context::new();
            context.insert("first_page", &first);
            // The summary shows on the first page only; computing it on every
            // page of a 10,000-project portfolio was quadratic.
            if first {
                context.insert("tiles", &view::tiles(projects, as_of, &self.t));
                context.insert("health_counts", &view::health_counts(projects, &self.t));
            } else {
                context.insert("tiles", &Vec::<view::Tile>::new());
                context.insert("health_counts", &Vec::<()>::new());
            }
            context.insert("project_count", &self.t.count(projects.len()));
            context.insert("runs", &runs);
            context.insert("card_level", &card_level);
            let programs = match (&layout.groups, first) {
                (Some(groups), true) => self.program_rows(layout, groups),
                _ => Vec::new(),
            };
            context.insert("programs", &programs);
            context.insert("pagination", &self.pagination("", number, labels));
            context.insert(
                "range_text",
                &self.range_text("projects_range", &range, projects.len()),
            );
            let snapshots = if first {
                self.history.snapshots.len()
            } else {
                0
            };
            context.insert("snapshot_count", &snapshots);
            context.insert("intro_html", &intro);
            Ok(context.into_json())
        };
        let head = (title.as_str(), "portfolio");
        let html = self.cross_page_from(&path, "index.html", head, shown, &placing, build)?;
        Ok((path, html))
    }

    fn project_row(&self, project: &Project, root: &str) -> ProjectRow {
        let as_of = self.portfolio.as_of;
        ProjectRow {
            sparkline: trends::sparkline(self.history, project, as_of, &self.t),
            ..view::project_row(project, as_of, root, &self.t)
        }
    }

    fn group_name(&self, group: &Group) -> String {
        group
            .program
            .clone()
            .unwrap_or_else(|| self.t.get("other_projects"))
    }

    fn group_heading(&self, group: &Group, continued: bool) -> GroupHeading {
        GroupHeading {
            name: self.group_name(group),
            anchor: group.anchor.clone(),
            count: self.project_count_text(group.members.len()),
            continued,
        }
    }

    /// `1 project`, `12 projects`.
    fn project_count_text(&self, count: usize) -> String {
        if count == 1 {
            self.t.get("one_project")
        } else {
            self.t.fill("n_projects", &[&self.t.count(count)])
        }
    }

    /// The programmes as seen from page 1, each linked to where it begins.
    fn program_rows(&self, layout: &Layout, groups: &[Group]) -> Vec<ProgramRow> {
        let projects = &self.portfolio.projects;
        groups
            .iter()
            .enumerate()
            .map(|(index, group)| {
                let page = layout.first_page_of(index);
                let href = if page == 1 {
                    format!("#{}", group.anchor)
                } else {
                    format!("{}#{}", paging::page_path("", page), group.anchor)
                };
                ProgramRow {
                    name: self.group_name(group),
                    href,
                    count: group.members.len(),
                    health_counts: view::health_counts_of(
                        group.members.iter().map(|&p| &projects[p]),
                        &self.t,
                    ),
                }
            })
            .collect()
    }

    // ---------- timeline ----------

    /// `timeline/index.html`, then one page per page of the portfolio.
    pub(super) fn timeline_pages(&self, emit: Emit) -> anyhow::Result<()> {
        let layout = self.layout();
        let labels = paging::numbers(layout.pages.len());
        (0..layout.pages.len())
            .into_par_iter()
            .try_for_each(|index| emit(self.timeline_page(&layout, index + 1, &labels)?))
    }

    fn timeline_page(
        &self,
        layout: &Layout,
        number: usize,
        labels: &[String],
    ) -> anyhow::Result<Page> {
        let path = paging::page_path("timeline/", number);
        let title = self.page_title("timeline", number, labels.len());
        let root = root_of(&path);
        let range = layout.pages[number - 1].clone();
        let paged = labels.len() > 1;
        let on_page = layout.projects(&range);
        // Page 1 of a cut timeline sums up the milestones of every project
        // (and a timeline of one page shows them all): keyed by its values.
        let summed = paged && number == 1;
        let shown = (number > 1).then_some(on_page.iter().copied());
        let placing = (number, labels.len(), &range, layout.order.len());
        let build = || {
            let links: Vec<_> = on_page
                .iter()
                .map(|&index| self.links(index, &root, false))
                .collect();
            // The milestones of the projects on this page, decoded for it;
            // of a project of document pages, the nearest only.
            let as_of = self.portfolio.as_of;
            let nearest = |l: &Links| nearest_milestones(&l.project.milestones, as_of);
            let milestones: Vec<_> = (links.iter())
                .map(|l| match l.apart.then(|| nearest(l)).flatten() {
                    Some(nearest) => Cow::Owned(nearest),
                    None => l.project.milestones.get(),
                })
                .collect();
            let cut =
                (links.iter().zip(&milestones)).any(|(l, m)| m.len() < l.project.milestones.len());
            let rows: Vec<charts::TimelineRow> = (links.iter().zip(&milestones))
                .map(|(l, milestones)| charts::TimelineRow {
                    label: l.project.name.clone(),
                    milestones: (milestones.iter())
                        .map(|m| (m, l.line(&m.source, m.line)))
                        .collect(),
                })
                .collect();
            let caption = if paged {
                self.t.fill(
                    "timeline_page_caption",
                    &[&(range.start + 1).to_string(), &range.end.to_string()],
                )
            } else {
                self.t.get("timeline_caption")
            };
            let table_title = if paged {
                self.t.fill(
                    "milestones_of_projects",
                    &[&(range.start + 1).to_string(), &range.end.to_string()],
                )
            } else {
                self.t.get("milestones")
            };
            let timeline = charts::timeline(&rows, self.portfolio.as_of, caption, &self.t);
            let entries: Vec<_> = (links.iter().zip(&milestones))
                .flat_map(|(l, milestones)| {
                    (milestones.iter()).map(move |m| (m, l.project, l.line(&m.source, m.line)))
                })
                .collect();
            let summaries = if summed {
                self.milestone_summaries(&root)
            } else {
                Vec::new()
            };
            Ok(TimelineView {
                summaries,
                timeline,
                table_title,
                milestones: view::milestone_rows(&entries, &root, &self.t),
                milestones_cut: match cut {
                    true => self.t.fill("timeline_cut", &[&self.t.count(ROWS_SHOWN)]),
                    false => String::new(),
                },
                pagination: self.pagination("timeline/", number, labels),
                range_text: self.range_text("projects_range", &range, layout.order.len()),
            })
        };
        let head = (title.as_str(), "timeline");
        let html = self.cross_page_from(&path, "timeline.html", head, shown, &placing, build)?;
        Ok((path, html))
    }

    /// Overdue milestones, oldest first, and those due in the next 30 days,
    /// soonest first, across every project; each table cut at [`SUMMARY_LIMIT`].
    fn milestone_summaries(&self, root: &str) -> Vec<MilestoneSummary> {
        let as_of = self.portfolio.as_of;
        let overdue = |m: &Milestone| m.overdue;
        let coming = |m: &Milestone| m.is_coming(as_of);
        // Which projects hold any: their tally, counted with the same rules
        // when they were assembled ([`crate::model::Tally`]).
        let overdue_in = |t: &Tally| t.overdue > 0;
        let coming_in = |t: &Tally| t.next30 > 0;
        [
            (
                "overdue-title",
                "tile_overdue",
                &overdue as &dyn Fn(&Milestone) -> bool,
                &overdue_in as &dyn Fn(&Tally) -> bool,
            ),
            ("coming-title", "tile_next30", &coming, &coming_in),
        ]
        .into_iter()
        .map(|(id, key, keep, holds)| {
            // The milestones of each project that holds some decoded in
            // turn; of those kept, only where they sort (project and place
            // in it are the order among equals, as the table's stable sort
            // has it): thousands can be overdue across 10,000 projects, and
            // copying each took about 7 % of a `serve` rebuild's CPU.
            let mut entries: Vec<(bool, Option<NaiveDate>, usize, usize)> =
                (self.portfolio.projects.iter())
                    .enumerate()
                    .filter(|(_, project)| holds(&project.tally))
                    .flat_map(|(index, project)| {
                        let milestones = project.milestones.get();
                        (milestones.iter().enumerate())
                            .filter(|(_, m)| keep(m))
                            .map(|(at, m)| (m.due().is_none(), m.due(), index, at))
                            .collect::<Vec<_>>()
                    })
                    .collect();
            let count = entries.len();
            let cut = count.min(SUMMARY_LIMIT);
            if cut < count {
                entries.select_nth_unstable(cut);
                entries.truncate(cut);
            }
            entries.sort_unstable();
            // The milestones shown, copied from their projects.
            let kept: Vec<(usize, Milestone)> = (entries.iter())
                .map(|&(_, _, index, at)| {
                    let milestones = self.portfolio.projects[index].milestones.get();
                    (index, milestones[at].clone())
                })
                .collect();
            let shown: Vec<_> = (kept.iter())
                .map(|(index, m)| {
                    let links = self.links(*index, root, false);
                    (m, links.project, links.line(&m.source, m.line))
                })
                .collect();
            let rows = view::milestone_rows(&shown, root, &self.t);
            MilestoneSummary {
                id,
                title: self.t.get(key),
                count,
                more: (count > SUMMARY_LIMIT).then(|| {
                    self.t
                        .fill("more_below", &[&self.t.count(count - SUMMARY_LIMIT)])
                }),
                rows,
            }
        })
        .collect()
    }

    // ---------- risks ----------

    /// `risks/index.html` (matrix and first rows), then the rest of the table.
    pub(super) fn risks_pages(&self, emit: Emit) -> anyhow::Result<()> {
        let projects = &self.portfolio.projects;
        // Every risk placed, each project's risks decoded in turn; a row
        // decodes its risk again from its project's blocks. Every risk of
        // the portfolio is here at once, at the moment of a build's peak
        // memory: the list is made its full size first (each project's
        // tally counts its risks), then filled a slice of the projects at a
        // time, their risks decoded in parallel.
        let mut placed: Vec<Placed> =
            Vec::with_capacity(projects.iter().map(|p| p.tally.risks).sum());
        for (slice, some) in projects.chunks(PLACING_SLICE).enumerate() {
            let start = slice * PLACING_SLICE;
            let by_project: Vec<Vec<Placed>> = (some.par_iter().enumerate())
                .map(|(i, project)| Placed::all_of(start + i, project))
                .collect();
            placed.extend(by_project.into_iter().flatten());
        }
        // A few projects of hundreds of risks each get a cut table too: two
        // projects of 4,000 generated documents had an 83 MB risk page.
        let pages = if self.large() || placed.len() > RISK_PAGE_SIZES.max {
            // The table's order, so that a page holds the next rows of the
            // table; among equals, project order then the project's own
            // (what a stable sort gives, without its buffer).
            placed.sort_unstable_by_key(|risk| (risk.order, risk.project, risk.index));
            let slugs: Vec<u64> = (projects.iter())
                .map(|project| xxhash_rust::xxh3::xxh3_64(project.slug.as_bytes()))
                .collect();
            let marks: Vec<u64> = (placed.iter())
                .map(|risk| risk_mark(slugs[risk.project()], risk.index()))
                .collect();
            paging::ranges_by_marks(&marks, RISK_PAGE_SIZES)
        } else {
            paging::ranges(placed.len(), placed.len().max(1))
        };
        let labels = paging::numbers(pages.len());
        let anchor = |risk: &Placed| {
            format!(
                "risk-{}-{}",
                projects[risk.project()].slug,
                risk.index() + 1
            )
        };
        // Where each risk's row is, seen from page 1.
        let href_from_first = |position: usize| {
            let page = paging::page_holding(&pages, position);
            let anchor = anchor(&placed[position]);
            if page == 1 {
                format!("#{anchor}")
            } else {
                format!("../{}#{anchor}", paging::page_path("risks/", page))
            }
        };
        let first_page_extras = || {
            let rated: Vec<charts::Rated> = placed.iter().map(|risk| risk.rated).collect();
            let link = |position: usize| {
                let risk = &placed[position];
                charts::matrix_link(&risk.get(projects), href_from_first(position))
            };
            let matrix = charts::matrix(&rated, &link, &self.t);
            let jumps = if pages.len() > 1 {
                self.severity_jumps(&placed, &pages, &href_from_first)
            } else {
                Vec::new()
            };
            (matrix, jumps)
        };
        pages.par_iter().enumerate().try_for_each(|(index, range)| {
            let number = index + 1;
            let first = number == 1;
            let path = paging::page_path("risks/", number);
            let title = self.page_title("risks", number, labels.len());
            let root = root_of(&path);
            let on_page = &placed[range.clone()];
            // Page 1's matrix and severity jumps place every risk: it is
            // keyed by its values. A later page is keyed by the rows it
            // holds, not by where they are in the table, so that it is kept
            // when a risk added or removed elsewhere shifts its rows.
            let shown = (!first).then(|| on_page.iter().map(Placed::project));
            let rows: Vec<usize> = on_page.iter().map(Placed::index).collect();
            let placing = (number, labels.len(), rows);
            let build = || {
                let mut reader = RiskReader::default();
                let decoded: Vec<Cow<Risk>> = (on_page.iter())
                    .map(|risk| reader.read(risk, projects))
                    .collect();
                let entries: Vec<RiskEntry> = (on_page.iter().zip(&decoded))
                    .map(|(row, risk)| {
                        let p = row.project();
                        RiskEntry {
                            risk,
                            project: &projects[p],
                            anchor: anchor(row),
                            source_href: self.links(p, &root, false).line(&risk.source, risk.line),
                        }
                    })
                    .collect();
                // The template shows the matrix and the jumps on page 1 only.
                let (matrix, jumps) = if first {
                    let (matrix, jumps) = first_page_extras();
                    (Some(matrix), jumps)
                } else {
                    (None, Vec::new())
                };
                // The total shows on the first page only; a later page says
                // which severities it holds, which stay true when rows
                // before it are added or removed.
                let range_text = if first {
                    self.range_text("risks_range", range, placed.len())
                } else {
                    self.severity_span(on_page)
                };
                Ok(RisksView {
                    first_page: first,
                    matrix,
                    jumps,
                    risks: view::risk_rows(&entries, &root, &self.t),
                    pagination: self.pagination("risks/", number, &labels),
                    range_text,
                })
            };
            let head = (title.as_str(), "risks");
            let html = self.cross_page_from(&path, "risks.html", head, shown, &placing, build)?;
            emit((path, html))
        })
    }

    /// `12 risks on this page: high → medium`: how many rows a later page
    /// of the risk table holds, and the severities of its first and last.
    fn severity_span(&self, on_page: &[Placed]) -> String {
        let word = |risk: &Placed| match risk.class() {
            (true, _) => self.t.word("closed"),
            (false, Some(severity)) => self.t.severity_word(severity),
            (false, None) => self.t.word("sev_unrated"),
        };
        let count = self.t.count(on_page.len());
        let (Some(first), Some(last)) = (on_page.first().map(word), on_page.last().map(word))
        else {
            return String::new();
        };
        if first == last {
            self.t.fill("risks_span_one", &[&count, first])
        } else {
            self.t.fill("risks_span", &[&count, first, last])
        }
    }

    /// For each severity in table order (closed risks last), how many risks
    /// and where the first one is.
    fn severity_jumps(
        &self,
        placed: &[Placed],
        pages: &[Range<usize>],
        href: &dyn Fn(usize) -> String,
    ) -> Vec<SeverityJump> {
        let mut jumps: Vec<SeverityJump> = Vec::new();
        let mut last = None;
        for (position, risk) in placed.iter().enumerate() {
            let class = risk.class();
            if last == Some(class) {
                if let Some(jump) = jumps.last_mut() {
                    jump.count += 1;
                }
                continue;
            }
            last = Some(class);
            jumps.push(SeverityJump {
                severity: view::severity_view(class.1, &self.t),
                closed: class.0,
                count: 1,
                href: href(position),
                page: self.t.fill(
                    "from_page",
                    &[&paging::page_holding(pages, position).to_string()],
                ),
            });
        }
        jumps
    }

    // ---------- people ----------

    /// `people/index.html` (then `people/page/2/…` past [`PEOPLE_PER_PAGE`]
    /// people), and in a large portfolio a page per person with more than
    /// [`PERSON_PROJECTS_SHOWN`] projects.
    pub(super) fn people_pages(&self, emit: Emit) -> anyhow::Result<()> {
        let links = self.all_links("");
        let mut people = view::people(&links, &self.t);
        if !self.large() {
            let all = 0..people.len();
            return emit(self.people_page(&people, &links, 1, &[String::new()], all)?);
        }
        people.sort_by_cached_key(|person| (fold(&person.name), fold(&person.handle)));
        self.person_pages(&mut people, &links, emit)?;
        let pages = paging::ranges(people.len(), PEOPLE_PER_PAGE);
        let labels: Vec<String> = if pages.len() > 1 {
            let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
            name_ranges(&names, PEOPLE_PER_PAGE)
        } else {
            vec![String::new()]
        };
        pages.par_iter().enumerate().try_for_each(|(index, range)| {
            emit(self.people_page(&people, &links, index + 1, &labels, range.clone())?)
        })
    }

    /// One page of the people list; `projects` are the links `people`
    /// were added up from.
    fn people_page(
        &self,
        people: &[PersonTally],
        projects: &[Links],
        number: usize,
        labels: &[String],
        range: Range<usize>,
    ) -> anyhow::Result<Page> {
        let path = paging::page_path("people/", number);
        let meta = self.meta(
            &path,
            &self.page_title("people", number, labels.len()),
            "people",
        );
        let shown: Vec<PersonView> = people[range.clone()]
            .iter()
            .map(|person| person.view(&person.rows, projects, &meta.root))
            .collect();
        let mut context = tera::Context::new();
        context.insert("people", &shown);
        context.insert("pagination", &self.pagination("people/", number, labels));
        context.insert(
            "range_text",
            &self.range_text("people_range", &range, people.len()),
        );
        let html = self.cross_page(&path, "people.html", meta, context.into_json())?;
        Ok((path, html))
    }

    /// The pages of every person with more than [`PERSON_PROJECTS_SHOWN`]
    /// projects, whose card then keeps only the most pressing ones and a
    /// link to these pages.
    fn person_pages(
        &self,
        people: &mut [PersonTally],
        projects: &[Links],
        emit: Emit,
    ) -> anyhow::Result<()> {
        let mut taken = HashSet::new();
        for person in people.iter_mut() {
            if person.rows.len() <= PERSON_PROJECTS_SHOWN {
                continue;
            }
            let key = if person.handle.is_empty() {
                &person.name
            } else {
                person.handle.trim_start_matches('@')
            };
            let slug = unique_slug(&slugify(key), &mut taken);
            let folder = format!("people/{slug}/");
            self.one_person_pages(person, projects, &folder, emit)?;
            let total = person.rows.len();
            person.rows = most_pressing(&person.rows, PERSON_PROJECTS_SHOWN);
            person.more = Some(view::MoreLink {
                label: self
                    .t
                    .fill("all_projects_of", &[&self.t.count(total), &person.name]),
                href: format!("{folder}index.html"),
            });
        }
        Ok(())
    }

    /// `people/<slug>/index.html`, `people/<slug>/page/2/index.html`, …
    fn one_person_pages(
        &self,
        person: &PersonTally,
        projects: &[Links],
        folder: &str,
        emit: Emit,
    ) -> anyhow::Result<()> {
        let ranges = paging::ranges(person.rows.len(), PROJECTS_PER_PAGE);
        let labels = paging::numbers(ranges.len());
        ranges
            .par_iter()
            .enumerate()
            .try_for_each(|(index, range)| {
                let number = index + 1;
                let path = paging::page_path(folder, number);
                let title = if labels.len() > 1 {
                    format!(
                        "{} ({})",
                        person.name,
                        self.t
                            .fill("page_of", &[&number.to_string(), &labels.len().to_string()])
                    )
                } else {
                    person.name.clone()
                };
                let root = root_of(&path);
                // Each row is what one project says of this person; the
                // rest of the page is the person and where the page stands.
                let rows = &person.rows[range.clone()];
                let shown = rows.iter().map(|row| row.project as usize);
                let placing = (
                    (&person.name, &person.handle, &person.role),
                    (person.open_items, person.overdue_count),
                    (number, labels.len(), person.rows.len()),
                );
                let build = || -> anyhow::Result<PersonPageView> {
                    Ok(PersonPageView {
                        person: person.view(rows, projects, &root),
                        project_count: self.project_count_text(person.rows.len()),
                        people_href: format!("{root}people/index.html"),
                        pagination: self.pagination(folder, number, &labels),
                        range_text: self.range_text("projects_range", range, person.rows.len()),
                    })
                };
                let head = (title.as_str(), "people");
                let html =
                    self.cross_page_from(&path, "person.html", head, Some(shown), &placing, build)?;
                emit((path, html))
            })
    }
}

/// The `count` most pressing of a person's rows: overdue items first,
/// then the most open items, then portfolio order. Only those are sorted
/// and copied (a busy person is in thousands of projects).
fn most_pressing(rows: &[PersonRow], count: usize) -> Vec<PersonRow> {
    let key = |&index: &usize| {
        let row: &PersonRow = &rows[index];
        (Reverse(row.overdue.len()), Reverse(row.open_items), index)
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if order.len() > count {
        order.select_nth_unstable_by_key(count, key);
        order.truncate(count);
    }
    order.sort_unstable_by_key(key);
    order.into_iter().map(|index| rows[index].clone()).collect()
}

/// A risk as the risk pages hold it: which project's which risk it is, its
/// place in the table's order and its cell in the matrix, and the risk
/// itself ([`Held`]).
struct Placed<'p> {
    /// The project's place in the portfolio and the risk's in the project:
    /// `u32`, half a `usize`, as every risk of the portfolio is held at once.
    project: u32,
    index: u32,
    order: view::RiskOrder,
    rated: charts::Rated,
    risk: Held<'p>,
}

/// Projects whose risks are placed together, in parallel, before they join
/// the list of every risk.
const PLACING_SLICE: usize = 256;

/// A risk the risk pages show. The pages hold every risk of the portfolio
/// at once (250,000 at 10,000 generated documents): one the portfolio
/// holds decoded (`serve` keeps its projects so) is borrowed; another is
/// read again for its row from its project's blocks of packed risks
/// ([`Blocks`](crate::model::Blocks)), where the project keeps them.
enum Held<'p> {
    Decoded(&'p Risk),
    Elsewhere,
}

impl<'p> Placed<'p> {
    fn of(project: usize, index: usize, risk: &Risk, held: Held<'p>) -> Placed<'p> {
        Placed {
            project: u32::try_from(project).expect("fewer than 4 billion projects"),
            index: u32::try_from(index).expect("fewer than 4 billion risks in a project"),
            order: view::risk_order(risk),
            rated: charts::Rated::of(risk),
            risk: held,
        }
    }

    /// The risks of project `p`, held as [`Held`] says.
    fn all_of(p: usize, project: &'p Project) -> Vec<Placed<'p>> {
        match project.risks.get() {
            Cow::Borrowed(risks) => (risks.iter().enumerate())
                .map(|(r, risk)| Placed::of(p, r, risk, Held::Decoded(risk)))
                .collect(),
            Cow::Owned(risks) => (risks.iter().enumerate())
                .map(|(r, risk)| Placed::of(p, r, risk, Held::Elsewhere))
                .collect(),
        }
    }

    fn project(&self) -> usize {
        self.project as usize
    }

    fn index(&self) -> usize {
        self.index as usize
    }

    /// The risk, for its matrix link.
    fn get<'s>(&'s self, projects: &[Project]) -> Cow<'s, Risk> {
        RiskReader::default().read(self, projects)
    }

    /// Closed, else its severity: what the severity jumps and spans name.
    fn class(&self) -> (bool, Option<Severity>) {
        let (closed, Reverse(severity), _) = self.order;
        (closed, if closed { None } else { severity })
    }
}

/// Decodes the risks of a page's rows. A block of packed risks is
/// decompressed once for the rows that follow one another in it: in the
/// table's order a project's risks of one severity and score sit together,
/// and each row decompressed its whole block again.
#[derive(Default)]
struct RiskReader {
    /// The block decompressed last: its project, its first risk, its bytes.
    block: Option<(usize, usize, Vec<u8>)>,
}

impl RiskReader {
    fn read<'s>(&mut self, risk: &'s Placed, projects: &[Project]) -> Cow<'s, Risk> {
        if let Held::Decoded(decoded) = &risk.risk {
            return Cow::Borrowed(decoded);
        }
        let (project, index) = (risk.project(), risk.index());
        let Some(blocks) = projects[project].risks.encoded() else {
            return Cow::Owned(projects[project].risks.get()[index].clone());
        };
        let (block, at) = blocks.locate(index);
        let first = index - at;
        let bytes = match self.block.take() {
            Some((held, start, bytes)) if held == project && start == first => bytes,
            _ => block.decompress(),
        };
        let value = block.get_from(&bytes, at);
        self.block = Some((project, first, bytes));
        Cow::Owned(value)
    }
}

/// A name as a reader sorts it: lowercase, accents removed (`Élodie` with
/// the E's), the way extraction folds text.
/// Which risk a row of the risk table holds, as a well-mixed number: the
/// `index`th risk of the project whose slug hashes to `project`, not its
/// place in the table, which any risk added before it moves. (Its anchor,
/// `risk-<slug>-<n>`, says the same; hashing the title instead would read
/// every risk's text, scattered in memory, at each `serve` rebuild.)
fn risk_mark(project: u64, index: usize) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(&(index as u64).to_le_bytes(), project)
}

fn fold(text: &str) -> String {
    crate::extract::folding::fold(text.trim_start_matches('@'))
}

/// The labels of the pages of an alphabetical list of `names`, `per_page`
/// a page, as a dictionary's running heads: `Al – Cl`, `Dev005 – Dev009`.
/// Each end is the shortest start of its name (at least two letters) that
/// tells it from its neighbour across the page break and from the other end
/// of its page, so pages of similar names still read apart.
fn name_ranges(names: &[String], per_page: usize) -> Vec<String> {
    let folded: Vec<Vec<char>> = names
        .iter()
        .map(|name| fold(name).chars().filter(|c| c.is_alphanumeric()).collect())
        .collect();
    let shared = |a: usize, b: Option<usize>| {
        b.map_or(0, |b| {
            folded[a]
                .iter()
                .zip(&folded[b])
                .take_while(|(x, y)| x == y)
                .count()
        })
    };
    let head = |index: usize, length: usize| {
        let mut chars = folded[index].iter().take(length.clamp(2, 12));
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars.copied()).collect(),
            None => "?".to_string(),
        }
    };
    paging::ranges(names.len(), per_page)
        .into_iter()
        .filter(|range| !range.is_empty())
        .map(|range| {
            let (first, last) = (range.start, range.end - 1);
            let within = shared(first, Some(last));
            let before = shared(first, first.checked_sub(1));
            let after = shared(last, (range.end < names.len()).then_some(range.end));
            let first = head(first, before.max(within) + 1);
            let last = head(last, after.max(within) + 1);
            if first == last {
                first
            } else {
                format!("{first} – {last}")
            }
        })
        .collect()
}

/// `slug`, or `slug-2`, … when a person with the same slug came first.
fn unique_slug(slug: &str, taken: &mut HashSet<String>) -> String {
    let unique = (1..)
        .map(|n| {
            if n == 1 {
                slug.to_string()
            } else {
                format!("{slug}-{n}")
            }
        })
        .find(|candidate| !taken.contains(candidate) && candidate != "page")
        .unwrap_or_else(|| slug.to_string());
    taken.insert(unique.clone());
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_without_case_or_accents() {
        assert_eq!(fold("Élodie"), "elodie");
        assert_eq!(fold("@Zoé"), "zoe");
    }

    #[test]
    fn page_labels_tell_similar_names_apart() {
        let names: Vec<String> = ["Alice", "Claire", "dev0001", "dev0002", "dev0013", "Zoé"]
            .iter()
            .map(|n| n.to_string())
            .collect();
        assert_eq!(
            name_ranges(&names, 2),
            ["Al – Cl", "Dev0001 – Dev0002", "Dev001 – Zo"]
        );
    }

    #[test]
    fn a_person_named_page_does_not_take_the_pagination_folder() {
        let mut taken = HashSet::new();
        assert_eq!(unique_slug("page", &mut taken), "page-2");
        assert_eq!(unique_slug("claire", &mut taken), "claire");
        assert_eq!(unique_slug("claire", &mut taken), "claire-2");
    }
}
