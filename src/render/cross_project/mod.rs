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
//! - risks: the matrix (each cell names at most [`charts::CELL_LIMIT`](crate::render::charts::CELL_LIMIT)
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

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use super::groups::{self, Group};
use super::paging::{self, root_of, PageSizes, Pagination};
use super::view::{self, HealthCount, MilestoneRow, ProjectRow};
use super::{trends, Renderer};
use crate::model::Project;

mod people;
mod risks;
mod timeline;

/// Projects a portfolio page lists; a portfolio up to this size has one page of everything.
pub const PROJECTS_PER_PAGE: usize = 50;
/// Rows of a page of the risk table: about 100, cut where a row's own
/// content says (see [`paging::ranges_by_marks`] and `risks::risk_mark`).
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
}
