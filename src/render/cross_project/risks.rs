//! The risk pages: the matrix, then the table by severity, cut where its
//! rows say ([`RISK_PAGE_SIZES`]), each risk read from its project's
//! blocks of packed risks as its row is written.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::ops::Range;

use rayon::prelude::*;

use super::{Emit, SeverityJump, RISK_PAGE_SIZES};
use crate::model::{Project, Risk, Severity};
use crate::render::charts;
use crate::render::compiled::RisksView;
use crate::render::paging::{self, root_of};
use crate::render::view::{self, RiskEntry};
use crate::render::Renderer;

impl Renderer<'_> {
    /// `risks/index.html` (matrix and first rows), then the rest of the table.
    pub(in crate::render) fn risks_pages(&self, emit: Emit) -> anyhow::Result<()> {
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
            // table; among equals, project order then the project's own, as
            // the list was made, which a stable sort keeps. A quarter of a
            // million risks fall in a few dozen orders, which the stable
            // sort takes in runs: 6-13 ms in a `serve` rebuild, where an
            // unstable sort by (order, project, risk) took 20-30 ms, for a
            // buffer of at most the list's size (6 MB at 10,000 documents).
            placed.sort_by_key(|risk| risk.order);
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
                let project = &projects[risk.project()].name;
                let href = href_from_first(position);
                charts::portfolio_matrix_link(&risk.get(projects), project, href)
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

/// Which risk a row of the risk table holds, as a well-mixed number: the
/// `index`th risk of the project whose slug hashes to `project`, not its
/// place in the table, which any risk added before it moves. (Its anchor,
/// `risk-<slug>-<n>`, says the same; hashing the title instead would read
/// every risk's text, scattered in memory, at each `serve` rebuild.)
fn risk_mark(project: u64, index: usize) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(&(index as u64).to_le_bytes(), project)
}
