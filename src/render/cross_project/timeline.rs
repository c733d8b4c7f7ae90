//! The timeline pages: the overdue and coming milestones of every project
//! first, then one chart and table per page of projects.

use std::borrow::Cow;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{Emit, Layout, MilestoneSummary, Page, SUMMARY_LIMIT};
use crate::model::{Milestone, Tally};
use crate::render::charts;
use crate::render::compiled::TimelineView;
use crate::render::paging::{self, root_of};
use crate::render::project_view::{nearest_milestones, ROWS_SHOWN};
use crate::render::view::{self, Links};
use crate::render::Renderer;

impl Renderer<'_> {
    /// `timeline/index.html`, then one page per page of the portfolio.
    pub(in crate::render) fn timeline_pages(&self, emit: Emit) -> anyhow::Result<()> {
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
}
