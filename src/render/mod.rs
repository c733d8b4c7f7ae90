//! Render: the portfolio laid out as pages, in memory. Templates only lay
//! out the model; every number, percentage, date string and chart position
//! is decided here (see [`view`] and [`charts`]) before tera runs.
//!
//! Every internal link is relative to the page (`root` is `""` at the top,
//! `"../"` in a project folder), so the site works from `file://`, under a
//! sub-path and in an archive folder; `base_url` appears only in the
//! sitemap, canonical links and the 404 page.

pub mod charts;
mod compiled;
mod cross_project;
mod format;
pub mod groups;
mod keys;
pub mod links;
pub mod paging;
mod part;
mod project_view;
mod sitemap;
pub mod source;
pub mod status_json;
mod templates;
pub mod theme;
pub mod trends;
pub mod typography;
pub mod view;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use anyhow::Context as _;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::Serialize;
use tera::Tera;

use crate::cache::Key;
use crate::config::Config;
use crate::history::History;
use crate::i18n::{Strings, Table};
use crate::ingest::{Content, Document, ProjectSources};
use crate::model::{PortfolioStatus, Project};
use chrono::NaiveDate;
use compiled::{DocumentLink, DocumentProject, DocumentView};
use cross_project::Emit;
use keys::{document_key, page_hasher, page_key};
use links::{link_targets, LinkTargets, Origin};
use paging::root_of;
use project_view::{
    document_href, nearest_milestones, DocumentParts, ProjectHeader, SourceView, ROWS_SHOWN,
};
use sitemap::{base_url, robots};
use source::{Anchors, RenderedDocument};
use templates::{finish_html, parsed, tera_error};
use view::{Links, RiskEntry};

pub use cross_project::{
    PEOPLE_PER_PAGE, PERSON_PROJECTS_SHOWN, PROJECTS_PER_PAGE, RISK_PAGE_SIZES,
};
pub use format::{escape, one_decimal, pct, write_escaped};
pub use keys::page_seed;
pub use links::{links_leading_nowhere, LinkNowhere};
pub use part::{write_part, MemoryFile, Output, Part, PiecesWriter};

/// The rendered site: output-relative paths (`/`-separated) to file bytes.
#[derive(Debug, Default)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Where rendered files go, each as soon as it is rendered: a [`Site`] in
/// memory (`serve`, snapshot archives, tests) or a staging folder on disk
/// ([`crate::output::Staging`]), so that a build never holds every page.
pub trait Sink: Sync {
    /// Stores the file `path` (output-relative, `/`-separated).
    fn put(&self, path: &str, bytes: Vec<u8>) -> anyhow::Result<()>;

    /// Stores a file that `write` streams out (`status.json`, which grows
    /// with the portfolio), so that a disk sink never holds it whole.
    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn Output) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        self.put(path, bytes)
    }

    /// Keeps the previous build's file `path` as it is (the [`Memo`] said
    /// its inputs did not change); `false` when the sink cannot.
    fn keep(&self, _path: &str) -> anyhow::Result<bool> {
        Ok(false)
    }
}

/// What the previous build made of each project page, so that a page whose
/// inputs did not change is kept rather than rendered ([`crate::memo`]).
pub trait Memo: Sync {
    /// The line anchors of the documents of the page `path`, if the previous
    /// build made it from inputs `key` and it is still there.
    fn recall(&self, path: &str, key: Key) -> Option<Vec<Anchors>>;
    /// Notes that this build made `path` from inputs `key`.
    fn remember(&self, path: &str, key: Key, anchors: Vec<Anchors>);
    /// Whether the memo can recall anything (not with `--no-cache`): when
    /// not, a build does not work out the keys of its pages.
    fn enabled(&self) -> bool {
        true
    }

    /// The part of the previous build's `file` that was made from inputs
    /// `key` (one project's part of `status.json`), if that file is still
    /// there as the previous build left it.
    fn recall_part(&self, _file: &str, _key: Key) -> Option<Part> {
        None
    }

    /// Notes that this build wrote the bytes `range` of `file` from inputs `key`.
    fn remember_part(&self, _file: &str, _key: Key, _range: Range<u64>) {}
}

/// No memo: every page is rendered.
pub struct NoMemo;

impl Memo for NoMemo {
    fn recall(&self, _path: &str, _key: Key) -> Option<Vec<Anchors>> {
        None
    }

    fn remember(&self, _path: &str, _key: Key, _anchors: Vec<Anchors>) {}

    fn enabled(&self) -> bool {
        false
    }
}

impl Sink for Mutex<Site> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        lock(self).files.insert(path.to_string(), bytes);
        Ok(())
    }
}

/// Where a document's text comes from when its project page is rendered:
/// a build drops texts after extraction and reads them again here.
pub trait Texts: Sync {
    fn text<'d>(&self, document: &'d Document) -> anyhow::Result<Cow<'d, str>>;

    /// The fingerprint of the document's content (its cache key), if known:
    /// project pages are memoised only when all their documents have one.
    fn key(&self, _document: &Document) -> Option<Key> {
        None
    }
}

/// Texts kept in the documents themselves.
pub struct InMemory;

impl Texts for InMemory {
    fn text<'d>(&self, document: &'d Document) -> anyhow::Result<Cow<'d, str>> {
        Ok(Cow::Borrowed(&document.text))
    }
}

/// CPU time spent per template (tera's rendering, summed over the pages
/// that use it, on all threads) and in minify-html, for `build --verbose`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TemplateTimes {
    /// Template name (or `minify-html <page>`) → total time and number of pages.
    pub by_name: BTreeMap<String, (Duration, usize)>,
    /// Project pages kept from the previous build without rendering.
    pub kept: usize,
    /// Projects whose part of `status.json` was copied from the previous
    /// build's file, not serialised.
    pub parts_copied: usize,
}

impl TemplateTimes {
    fn add(&mut self, name: &str, time: Duration) {
        let entry = self.by_name.entry(name.to_string()).or_default();
        entry.0 += time;
        entry.1 += 1;
    }
}

/// The name minify-html's time is recorded under in [`TemplateTimes`].
pub const MINIFY: &str = "minify-html";

/// Pages with more HTML than this are written unminified. Only the page of
/// a huge document (megabytes of markdown) gets there, and minify-html
/// holds a tree of the whole page: 1.35 GB for the 72 MB page of a 6 MB
/// document, over twice what rendering that page needs (heaptrack, see
/// RELIABILITY.md). Without it the build's memory stays linear in the
/// document's size.
pub const MINIFY_MAX_BYTES: usize = 1 << 20;

/// What cross-project pages kept from the previous build are counted under
/// in [`TemplateTimes`] (`risks.html (kept, not rendered)`, with no time).
pub const KEPT: &str = "(kept, not rendered)";

/// The name pages left unminified by [`MINIFY_MAX_BYTES`] are counted under
/// in [`TemplateTimes`] (with no time), so `--verbose` says so.
pub const MINIFY_SKIPPED: &str = "unminified (over 1 MiB)";

/// What every page knows about itself and the site.
#[derive(Debug, Clone, Serialize)]
struct PageMeta {
    lang: &'static str,
    title: String,
    site_title: String,
    description: String,
    /// `""` or `"../"`: the way back to the site root from this page.
    root: String,
    nav: Vec<NavLink>,
    canonical: Option<String>,
    as_of: String,
    as_of_long: String,
    generator: String,
}

#[derive(Debug, Clone, Serialize)]
struct NavLink {
    label: String,
    href: String,
    current: bool,
}

/// The four cross-project pages, by output folder (`""` is the root).
const SECTIONS: [(&str, &str); 4] = [
    ("", "portfolio"),
    ("timeline/", "timeline"),
    ("risks/", "risks"),
    ("people/", "people"),
];

/// A project's documents as its pages link to them, in merge order (the
/// second one's anchors are `d2-L…`, and so on): their paths and their
/// rendered HTML (on the cross-project pages, only their line anchors:
/// the HTML is dropped once the project's page is written).
struct ProjectDocuments {
    sources: Vec<String>,
    rendered: Vec<RenderedDocument>,
    /// Each document on a page of its own ([`DOCUMENTS_ON_PAGE`]).
    apart: bool,
    /// Places in `sources`, in the order of their paths: each item,
    /// milestone and risk row finds its document by binary search (a scan
    /// per row made the page of a project of thousands of documents
    /// quadratic).
    by_path: Vec<u32>,
}

/// How many documents a project's page shows at its foot. A project of
/// more gives each document a page of its own ([`document_page`]): the
/// page of a project of thousands of documents held them all (250 MB at
/// 4,000 generated documents), and the build held each such page whole.
pub const DOCUMENTS_ON_PAGE: usize = 10;

/// Whether a project of `documents` documents shows each on its own page.
fn documents_apart(documents: usize) -> bool {
    documents > DOCUMENTS_ON_PAGE
}

/// The file name of the own page of a project's `index`-th document (in
/// merge order, from 0), in the project's folder: `doc-1.html`, named as
/// its place on the project's page is ([`document_anchor`]).
pub fn document_page(index: usize) -> String {
    format!("{}.html", document_anchor(index))
}

/// The place of a project's `index`-th document (from 0) on the project's
/// page: `doc-1`, its text or its row in the table of documents.
pub fn document_anchor(index: usize) -> String {
    format!("doc-{}", index + 1)
}

impl ProjectDocuments {
    fn new(sources: Vec<String>, rendered: Vec<RenderedDocument>) -> ProjectDocuments {
        let mut by_path: Vec<u32> = (0..sources.len() as u32).collect();
        by_path.sort_unstable_by_key(|&index| &sources[index as usize]);
        ProjectDocuments {
            apart: documents_apart(sources.len()),
            sources,
            rendered,
            by_path,
        }
    }
}

/// Everything pages share while one site is rendered.
struct Renderer<'a> {
    tera: Arc<Tera>,
    t: Strings,
    portfolio: &'a PortfolioStatus,
    config: &'a Config,
    /// Per project (same order as `portfolio.projects`), once every project
    /// page is written: its sources and the anchors of its documents.
    documents: Vec<ProjectDocuments>,
    /// The recorded snapshots (empty for an archived copy of the site).
    history: &'a History,
    /// Per project: the programme its front matter names, if any.
    programs: Vec<Option<String>>,
    /// Per project: the key of its page's inputs (`None`: not known), which
    /// also names everything a cross-project page shows of it.
    project_keys: Vec<Option<Key>>,
    times: Mutex<TemplateTimes>,
    /// How a cross-project page is kept from the previous build; `None`
    /// renders every page.
    keep: Option<Keep<'a>>,
    /// The templates whose pages go through their compiled default
    /// ([`compiled`]): the portal overrides neither them nor what they
    /// extend and import.
    compiled: Vec<&'static str>,
    /// Where each document is shown, for the documents' links to others.
    targets: LinkTargets,
}

/// What lets a cross-project page be kept from the previous build instead
/// of rendered: the memo of page keys, the sink that keeps files, and the
/// key of what every page shares ([`page_seed`]).
struct Keep<'a> {
    memo: &'a dyn Memo,
    sink: &'a dyn Sink,
    seed: Key,
}

/// Renders every page of the portal. `root` is the portal folder, for
/// `templates/` and `static/` overrides.
pub fn render(
    portfolio: &PortfolioStatus,
    content: &Content,
    config: &Config,
    root: &Path,
) -> anyhow::Result<Site> {
    render_with_history(portfolio, content, config, root, &History::default())
}

/// Renders every page, with the trends of the recorded snapshots and
/// `snapshots/index.html` when there are any.
pub fn render_with_history(
    portfolio: &PortfolioStatus,
    content: &Content,
    config: &Config,
    root: &Path,
    history: &History,
) -> anyhow::Result<Site> {
    let site = Mutex::new(Site::default());
    render_into(
        portfolio, content, config, root, history, &InMemory, &NoMemo, &site,
    )?;
    Ok(site.into_inner().unwrap_or_else(|p| p.into_inner()))
}

/// One section's pages still to render: the template that lays them out,
/// and how to render them, handing each `(output path, html)` to an [`Emit`].
type SectionJob<'r> = (
    &'static str,
    Box<dyn Fn(Emit) -> anyhow::Result<()> + Send + Sync + 'r>,
);

/// Locks a mutex, whether or not a thread panicked while holding it.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// Renders every file of the site into `sink` as soon as it is ready.
///
/// Project pages come first, in parallel; each one reads its documents'
/// texts from `texts`, renders them, is written to `sink`, and is dropped,
/// keeping only its documents' line anchors (the cross-project pages link to
/// lines). So memory holds the portfolio's status and a page per thread, not
/// the site. A project page that `memo` recalls with the same inputs is
/// kept by `sink` instead. Returns the time spent in each template.
#[allow(clippy::too_many_arguments)]
pub fn render_into(
    portfolio: &PortfolioStatus,
    content: &Content,
    config: &Config,
    root: &Path,
    history: &History,
    texts: &dyn Texts,
    memo: &dyn Memo,
    sink: &dyn Sink,
) -> anyhow::Result<TemplateTimes> {
    let templates = theme::templates(Some(root))?;
    let targets = link_targets(content, config);
    let seed = page_seed(portfolio, config, &templates, history, &targets);
    let mut renderer = Renderer::new(portfolio, config, templates, history)?;
    renderer.targets = targets;
    if memo.enabled() {
        renderer.keep = Some(Keep { memo, sink, seed });
    }
    let kept = AtomicUsize::new(0);
    let by_slug: HashMap<&str, &ProjectSources> = content
        .projects
        .iter()
        .map(|sources| (sources.slug.as_str(), sources))
        .collect();
    let sources: Vec<&[Document]> = portfolio
        .projects
        .iter()
        .map(|project| {
            by_slug
                .get(project.slug.as_str())
                .map_or(&[][..], |sources| sources.documents.as_slice())
        })
        .collect();
    renderer.programs = sources
        .iter()
        .map(|documents| {
            documents
                .first()
                .and_then(|document| document.front_matter.program.clone())
        })
        .collect();
    let keys: Vec<Option<Key>> = portfolio
        .projects
        .par_iter()
        .zip(&sources)
        .map(|(project, documents)| page_key(seed, &project.slug, documents, texts))
        .collect();
    renderer.project_keys = keys.clone();
    let parts = status_json::Parts {
        keys: &keys,
        memo,
        copied: AtomicUsize::new(0),
    };
    // status.json is written beside the pages: at 10,000 projects it is
    // hundreds of megabytes, mostly copied from the previous build by one
    // thread, while the pages keep the other cores busy.
    let status_json = || {
        sink.put_with("status.json", &mut |out| {
            status_json::write(out, portfolio, &parts)
        })
    };
    let pages = || -> anyhow::Result<(Renderer, Vec<String>)> {
        renderer.documents = project_pages(&renderer, &sources, texts, memo, sink, &kept)?;
        let intro = match &content.intro {
            Some(doc) => {
                let origin = Origin {
                    source: &doc.source,
                    page: "index.html",
                    targets: &renderer.targets,
                };
                Some(source::render_plain(&texts.text(doc)?, origin))
            }
            None => None,
        };
        let more_pages = section_pages(&renderer, intro.as_deref(), history, sink)?;
        Ok((renderer, more_pages))
    };
    let (pages, status_json) = rayon::join(pages, status_json);
    let (renderer, mut more_pages) = pages?;
    status_json?;
    more_pages.sort();
    sink.put("syntax.css", source::syntax_css().into_bytes())?;
    for (path, bytes) in theme::static_files(Some(root))? {
        sink.put(&path, bytes)?;
    }
    for image in &content.images {
        let bytes = std::fs::read(&image.path)
            .with_context(|| format!("cannot read {}", image.path.display()))?;
        sink.put(&format!("{}/{}", links::FILES, image.source), bytes)?;
    }
    sink.put(".nojekyll", Vec::new())?;
    let base_url = base_url(config);
    sink.put("robots.txt", robots(base_url.as_deref()).into_bytes())?;
    if let Some(base) = &base_url {
        sink.put(
            "sitemap.xml",
            sitemap::sitemap(base, portfolio, &more_pages).into_bytes(),
        )?;
    }
    let mut times = lock(&renderer.times).clone();
    times.kept = kept.into_inner();
    times.parts_copied = parts.copied.into_inner();
    Ok(times)
}

/// Renders the page and badge of every project, or keeps the page the
/// previous build made from the same inputs (`renderer.project_keys`).
/// Returns each project's documents as its page shows them (the line
/// anchors the cross-project pages link to).
fn project_pages(
    renderer: &Renderer,
    sources: &[&[Document]],
    texts: &dyn Texts,
    memo: &dyn Memo,
    sink: &dyn Sink,
    kept: &AtomicUsize,
) -> anyhow::Result<Vec<ProjectDocuments>> {
    (0..sources.len())
        .into_par_iter()
        .map(|index| {
            let project = &renderer.portfolio.projects[index];
            let documents = sources[index];
            let path = format!("{}/index.html", project.slug);
            let badge_path = format!("{}/badge.svg", project.slug);
            // The badge shows the progress and health the page shows: it
            // is kept with the page (and drawn when it cannot be).
            let put_badge = || {
                let badge = charts::badge(project.progress, project.health, &renderer.t);
                sink.put(&badge_path, badge.into_bytes())
            };
            let key = renderer.project_keys[index];
            if let Some(anchors) = key.and_then(|key| memo.recall(&path, key)) {
                if anchors.len() == documents.len() && sink.keep(&path)? {
                    if !sink.keep(&badge_path)? {
                        put_badge()?;
                    }
                    kept.fetch_add(1, Ordering::Relaxed);
                    if documents_apart(documents.len()) {
                        return renderer.document_pages(index, documents, texts, sink);
                    }
                    return Ok(anchors_only(documents, anchors));
                }
            }
            put_badge()?;
            let mut rendered = if documents_apart(documents.len()) {
                renderer.document_pages(index, documents, texts, sink)?
            } else {
                render_documents(&renderer.targets, &project.slug, documents, texts)?
            };
            // The documents' HTML moves into the page; their anchors stay.
            let html = renderer.project_page(index, &mut rendered)?;
            sink.put(&path, renderer.finish_html("project.html", html))?;
            if let Some(key) = key {
                let anchors = rendered
                    .rendered
                    .iter()
                    .map(|d| d.anchors.clone())
                    .collect();
                memo.remember(&path, key, anchors);
            }
            Ok(rendered)
        })
        .collect()
}

/// Renders the cross-project pages, each section's pages by the template
/// that lays them out (for the minify-html times of `--verbose`). Returns
/// the pages of cut lists beyond the section pages, for the sitemap (in
/// any order).
fn section_pages(
    renderer: &Renderer,
    intro: Option<&str>,
    history: &History,
    sink: &dyn Sink,
) -> anyhow::Result<Vec<String>> {
    let mut sections: Vec<SectionJob> = vec![
        (
            "index.html",
            Box::new(|emit| renderer.portfolio_pages(intro, emit)),
        ),
        (
            "timeline.html",
            Box::new(|emit| renderer.timeline_pages(emit)),
        ),
        ("risks.html", Box::new(|emit| renderer.risks_pages(emit))),
        ("people.html", Box::new(|emit| renderer.people_pages(emit))),
        (
            "404.html",
            Box::new(|emit| emit(("404.html".into(), Some(renderer.not_found_page()?)))),
        ),
    ];
    if !history.snapshots.is_empty() {
        sections.push((
            "snapshots.html",
            Box::new(|emit| {
                emit((
                    "snapshots/index.html".into(),
                    Some(renderer.snapshots_page()?),
                ))
            }),
        ));
    }
    let more_pages = Mutex::new(Vec::new());
    sections.into_par_iter().try_for_each(|(template, pages)| {
        pages(&|(path, html)| {
            let is_section_page = SECTIONS
                .iter()
                .any(|(folder, _)| path == format!("{folder}index.html"));
            if !is_section_page && template != "404.html" && template != "snapshots.html" {
                lock(&more_pages).push(path.clone());
            }
            match html {
                Some(html) => sink.put(&path, renderer.finish_html(template, html)),
                None => Ok(()),
            }
        })
    })?;
    Ok(more_pages.into_inner().unwrap_or_else(|p| p.into_inner()))
}

/// A kept page's documents, for the cross-project pages: their anchors only.
fn anchors_only(documents: &[Document], anchors: Vec<Anchors>) -> ProjectDocuments {
    let sources = documents.iter().map(|d| d.source.clone()).collect();
    let rendered = anchors
        .into_iter()
        .enumerate()
        .map(|(index, anchors)| RenderedDocument {
            html: String::new(),
            anchors,
            prefix: anchor_prefix(index),
        })
        .collect();
    ProjectDocuments::new(sources, rendered)
}

/// The anchor prefix of a project's `index`-th document: none for the first,
/// `d2-` for the second, and so on.
fn anchor_prefix(index: usize) -> String {
    if index == 0 {
        String::new()
    } else {
        format!("d{}-", index + 1)
    }
}

/// The documents of project `slug` rendered to HTML, in merge order (the
/// second one's anchors are `d2-L…`, and so on).
fn render_documents(
    targets: &LinkTargets,
    slug: &str,
    documents: &[Document],
    texts: &dyn Texts,
) -> anyhow::Result<ProjectDocuments> {
    let sources = documents.iter().map(|d| d.source.clone()).collect();
    let page = format!("{slug}/index.html");
    let rendered = documents
        .iter()
        .enumerate()
        .map(|(index, document)| {
            let origin = Origin {
                source: &document.source,
                page: &page,
                targets,
            };
            Ok(source::render_document(
                &texts.text(document)?,
                &anchor_prefix(index),
                origin,
            ))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(ProjectDocuments::new(sources, rendered))
}

impl<'a> Renderer<'a> {
    fn new(
        portfolio: &'a PortfolioStatus,
        config: &'a Config,
        templates: BTreeMap<String, String>,
        history: &'a History,
    ) -> anyhow::Result<Self> {
        let compiled = compiled::in_use(&templates);
        let t = Strings::new(config.language);
        let tera = parsed(templates, &t)?;
        Ok(Renderer {
            tera,
            t,
            portfolio,
            config,
            documents: Vec::new(),
            history,
            programs: Vec::new(),
            project_keys: Vec::new(),
            times: Mutex::new(TemplateTimes::default()),
            keep: None,
            compiled,
            targets: LinkTargets::default(),
        })
    }

    /// Minifies a page when the config asks for it, timing minify-html
    /// under `minify-html <page>` (the template or the page's path). A page
    /// over [`MINIFY_MAX_BYTES`] is written as rendered, and counted under
    /// [`MINIFY_SKIPPED`] for `--verbose`.
    fn finish_html(&self, page: &str, html: String) -> Vec<u8> {
        if self.config.minify && html.len() > MINIFY_MAX_BYTES {
            self.record(&format!("{MINIFY_SKIPPED} {page}"), Duration::ZERO);
            return html.into_bytes();
        }
        let started = crate::cpu::thread_time();
        let bytes = finish_html(html, self.config.minify);
        if self.config.minify {
            self.record(&format!("{MINIFY} {page}"), crate::cpu::since(started));
        }
        bytes
    }

    fn record(&self, name: &str, time: Duration) {
        lock(&self.times).add(name, time);
    }

    fn links<'r>(&'r self, index: usize, root: &'r str, same_page: bool) -> Links<'r> {
        self.links_with(index, &self.documents[index], root, same_page)
    }

    /// Links into project `index`, whose documents are `documents`.
    fn links_with<'l>(
        &'l self,
        index: usize,
        documents: &'l ProjectDocuments,
        root: &'l str,
        same_page: bool,
    ) -> Links<'l> {
        Links {
            root,
            project: &self.portfolio.projects[index],
            documents: &documents.rendered,
            sources: &documents.sources,
            by_path: &documents.by_path,
            apart: documents.apart,
            same_page,
        }
    }

    fn all_links<'r>(&'r self, root: &'r str) -> Vec<Links<'r>> {
        (0..self.portfolio.projects.len())
            .map(|index| self.links(index, root, false))
            .collect()
    }

    fn meta(&self, path: &str, title: &str, current: &str) -> PageMeta {
        let root = root_of(path);
        let base = base_url(self.config);
        PageMeta {
            lang: self.config.language.code(),
            title: title.to_string(),
            site_title: self.portfolio.title.clone(),
            description: self.portfolio.description.clone().unwrap_or_default(),
            nav: SECTIONS
                .iter()
                .map(|&(folder, key)| NavLink {
                    label: self.t.get(key),
                    href: format!("{root}{folder}index.html"),
                    current: key == current,
                })
                .collect(),
            canonical: base.map(|base| format!("{base}{}", path.trim_end_matches("index.html"))),
            as_of: self.t.date(self.portfolio.as_of),
            as_of_long: self.t.long_date(self.portfolio.as_of),
            generator: self.portfolio.generator.clone(),
            root,
        }
    }

    fn page(
        &self,
        template: &str,
        meta: PageMeta,
        context: tera::Context,
    ) -> anyhow::Result<String> {
        let mut context = context;
        context.insert("page", &meta);
        context.insert("t", self.t.table());
        let started = crate::cpu::thread_time();
        let html = self
            .tera
            .render(template, &context)
            .map_err(|error| anyhow::anyhow!("{template}: {}", tera_error(&error)));
        self.record(template, crate::cpu::since(started));
        html
    }

    /// A page from its view: through the template compiled into the binary
    /// when the default theme's applies ([`compiled`]), else through tera.
    fn render_view(
        &self,
        template: &str,
        meta: PageMeta,
        view: impl PageView,
    ) -> anyhow::Result<String> {
        if self.compiled.contains(&template) {
            let started = crate::cpu::thread_time();
            if let Some(html) = view.compiled(&meta, self.t.table()) {
                self.record(template, crate::cpu::since(started));
                return html.map_err(|error| anyhow::anyhow!("{template}: {error}"));
            }
        }
        self.page(template, meta, view.into_context()?)
    }

    /// A cross-project page (portfolio, timeline, risks, people): kept from
    /// the previous build (`None`) when its template, path and every value
    /// it shows are those the previous build rendered it from, else
    /// rendered. These pages depend on every project, so without this a
    /// one-document rebuild rendered all of them again.
    fn cross_page(
        &self,
        path: &str,
        template: &str,
        meta: PageMeta,
        view: impl PageView,
    ) -> anyhow::Result<Option<String>> {
        let Some(keep) = &self.keep else {
            return self.render_view(template, meta, view).map(Some);
        };
        let mut hasher = page_hasher(keep.seed, template, path, b"values");
        serde_json::to_writer(&mut hasher, &(&meta, &view))?;
        let key = hasher.0.digest128();
        if keep.memo.recall(path, key).is_some() && keep.sink.keep(path)? {
            self.record(&format!("{template} {KEPT}"), Duration::ZERO);
            return Ok(None);
        }
        let html = self.render_view(template, meta, view)?;
        keep.memo.remember(path, key, Vec::new());
        Ok(Some(html))
    }

    /// A cross-project page whose inputs a section can name without
    /// building the page: `projects`, the projects it shows (their keys
    /// cover all it shows of each), and `placing`, the values that place
    /// them (page number, ranges, totals, headings). A page kept from the
    /// previous build is then never built, which was most of a rebuild's
    /// cost for the timeline's and the risk table's hundreds of pages.
    /// A page that sums up every project (`projects` is `None`: a section's
    /// first page), or one of a project with no key, is keyed by its
    /// values instead ([`Renderer::cross_page`]).
    ///
    /// The page's head is named by its `title` and `current` section: the
    /// rest of its [`PageMeta`] comes from its path and from what every
    /// page shares, which the page seed covers. A kept page, most of them
    /// in a rebuild, never builds its meta.
    fn cross_page_from<V: PageView>(
        &self,
        path: &str,
        template: &str,
        (title, current): (&str, &str),
        projects: Option<impl IntoIterator<Item = usize>>,
        placing: &impl Serialize,
        build: impl FnOnce() -> anyhow::Result<V>,
    ) -> anyhow::Result<Option<String>> {
        let (Some(keep), Some(projects)) = (&self.keep, projects) else {
            let meta = self.meta(path, title, current);
            return self.cross_page(path, template, meta, build()?);
        };
        let mut hasher = page_hasher(keep.seed, template, path, b"inputs");
        let mut known = true;
        for index in projects {
            match self.project_keys.get(index).copied().flatten() {
                Some(key) => hasher.0.update(&key.to_le_bytes()),
                None => known = false,
            }
        }
        if !known {
            let meta = self.meta(path, title, current);
            return self.cross_page(path, template, meta, build()?);
        }
        // postcard, not JSON: the values are typed (no two of them encode
        // alike), and thousands of pages are keyed at each `serve`
        // rebuild, where JSON's number formatting and escaping showed.
        postcard::to_io(&((title, current), placing), &mut hasher)?;
        let key = hasher.0.digest128();
        if keep.memo.recall(path, key).is_some() && keep.sink.keep(path)? {
            self.record(&format!("{template} {KEPT}"), Duration::ZERO);
            return Ok(None);
        }
        let meta = self.meta(path, title, current);
        let html = self.render_view(template, meta, build()?)?;
        keep.memo.remember(path, key, Vec::new());
        Ok(Some(html))
    }

    fn not_found_page(&self) -> anyhow::Result<String> {
        let mut meta = self.meta("404.html", &self.t.get("not_found"), "");
        // GitHub Pages serves 404.html at any depth: only an absolute root works there.
        meta.root = base_url(self.config).unwrap_or_default();
        for link in &mut meta.nav {
            link.href = format!("{}{}", meta.root, link.href);
        }
        meta.canonical = None;
        self.page("404.html", meta, tera::Context::new())
    }

    /// Writes the own page of each document of project `index` (one of
    /// more than [`DOCUMENTS_ON_PAGE`]), or keeps the previous build's
    /// when the memo recalls it with the same inputs ([`document_key`]):
    /// an edit of one document of thousands renders its page only.
    /// Returns the documents' anchors. Each page is written as soon as its
    /// document is rendered, so that no more than a document per thread
    /// is held as HTML.
    fn document_pages(
        &self,
        index: usize,
        documents: &[Document],
        texts: &dyn Texts,
        sink: &dyn Sink,
    ) -> anyhow::Result<ProjectDocuments> {
        let project = &self.portfolio.projects[index];
        // The project's parts split by document, once for all its document
        // pages, and only when one of them is drawn.
        let parts = OnceLock::new();
        let rendered = (0..documents.len())
            .into_par_iter()
            .map(|place| {
                let path = format!("{}/{}", project.slug, document_page(place));
                let prefix = anchor_prefix(place);
                let memo = self.keep.as_ref().and_then(|keep| {
                    let key = document_key(keep.seed, project, documents, place, texts)?;
                    Some((keep.memo, key))
                });
                if let Some((memo, key)) = memo {
                    if let Some([anchors]) = memo.recall(&path, key).as_deref() {
                        if sink.keep(&path)? {
                            let (anchors, html) = (anchors.clone(), String::new());
                            return Ok(RenderedDocument {
                                html,
                                anchors,
                                prefix,
                            });
                        }
                    }
                }
                let text = texts.text(&documents[place])?;
                let origin = Origin {
                    source: &documents[place].source,
                    page: &path,
                    targets: &self.targets,
                };
                let mut rendered = source::render_document(&text, &prefix, origin);
                let parts = parts.get_or_init(|| DocumentParts::new(project));
                let page = self.document_page(index, documents, place, &mut rendered, parts)?;
                sink.put(&path, self.finish_html("document.html", page))?;
                if let Some((memo, key)) = memo {
                    memo.remember(&path, key, vec![rendered.anchors.clone()]);
                }
                Ok(rendered)
            })
            .collect::<anyhow::Result<_>>()?;
        let sources = documents.iter().map(|d| d.source.clone()).collect();
        Ok(ProjectDocuments::new(sources, rendered))
    }

    /// The own page of the `place`-th of project `index`'s `documents`,
    /// `rendered` (its HTML moves into the page): its sections and items,
    /// the document, and the way to the project's page and to the
    /// documents before and after it.
    fn document_page(
        &self,
        index: usize,
        documents: &[Document],
        place: usize,
        rendered: &mut RenderedDocument,
        parts: &DocumentParts,
    ) -> anyhow::Result<String> {
        let project = &self.portfolio.projects[index];
        let source = &documents[place].source;
        let path = format!("{}/{}", project.slug, document_page(place));
        let meta = self.meta(&path, &format!("{source} · {}", project.name), "");
        let neighbour = |place: usize, label: &str| {
            documents.get(place).map(|document| DocumentLink {
                href: document_page(place),
                label: self.t.fill(label, &[&document.source]),
            })
        };
        // Links from its rows stay in the page: the document is its only one.
        let sources = [source.clone()];
        let part = parts.of(source);
        let links = view::Links {
            root: "../",
            project: part,
            documents: std::slice::from_ref(rendered),
            sources: &sources,
            by_path: &[0],
            apart: false,
            same_page: true,
        };
        let (as_of, t) = (self.portfolio.as_of, &self.t);
        let milestones: Vec<_> = (part.milestones.iter())
            .map(|m| (m, part, links.line(&m.source, m.line)))
            .collect();
        let risks: Vec<RiskEntry> = (part.risks.iter().enumerate())
            .map(|(i, risk)| RiskEntry {
                risk,
                project: part,
                anchor: format!("risk-{}", i + 1),
                source_href: links.line(&risk.source, risk.line),
            })
            .collect();
        let view = DocumentView {
            project: DocumentProject {
                name: project.name.clone(),
                slug: project.slug.clone(),
            },
            anchor: document_anchor(place),
            source: source.clone(),
            place: self.t.fill(
                "document_place",
                &[
                    &self.t.count(place + 1),
                    &self.t.count(documents.len()),
                    &project.name,
                ],
            ),
            sections: view::section_rows(&links, as_of, t),
            milestones: view::milestone_rows(&milestones, "../", t),
            risks: view::risk_rows(&risks, "../", t),
            diagnostics: view::diagnostic_rows(&links, t),
            html: std::mem::take(&mut rendered.html),
            previous: (place.checked_sub(1))
                .and_then(|place| neighbour(place, "previous_document")),
            next: neighbour(place + 1, "next_document"),
        };
        self.render_view("document.html", meta, view)
    }

    /// The page of project `index`, whose documents `docs` are rendered:
    /// their HTML is taken into the page (left empty), their anchors kept.
    fn project_page(&self, index: usize, docs: &mut ProjectDocuments) -> anyhow::Result<String> {
        let html: Vec<String> = (docs.rendered.iter_mut())
            .map(|document| std::mem::take(&mut document.html))
            .collect();
        let docs = &*docs;
        // Every part of the project, decoded for its page only: the
        // portfolio keeps them packed ([`crate::model::Stowed`]).
        let mut project = self.portfolio.projects[index].decoded();
        let as_of = self.portfolio.as_of;
        let milestones_text = view::milestones_text(&project.milestones, &self.t);
        let milestones_cut = match docs.apart {
            true => self.keep_nearest_milestones(&mut project, as_of),
            false => String::new(),
        };
        let project = &project;
        let path = format!("{}/index.html", project.slug);
        let meta = self.meta(&path, &project.name, "");
        let links_here = || view::Links {
            project,
            ..self.links_with(index, docs, "../", true)
        };
        let links = links_here();
        let t = &self.t;
        let risk_entries: Vec<RiskEntry> = project
            .risks
            .iter()
            .enumerate()
            .map(|(i, risk)| RiskEntry {
                risk,
                project,
                anchor: format!("risk-{}", i + 1),
                source_href: links.line(&risk.source, risk.line),
            })
            .collect();
        let mut risks = view::risk_rows(&risk_entries, "../", t);
        let risks_cut = self.cut(&mut risks, docs.apart, "risks_cut");
        // The matrix counts every risk; a cell links to its first risk's
        // row, or to its line when the table leaves that row out.
        let in_table: FxHashSet<&str> = risks.iter().map(|r| r.anchor.as_str()).collect();
        let matrix = view::risk_matrix(&risk_entries, &|e| in_table.contains(e.anchor.as_str()), t);
        let mut diagnostics = view::diagnostic_rows(&links_here(), t);
        let diagnostics_cut = self.cut(&mut diagnostics, docs.apart, "diagnostics_cut");
        let milestone_entries: Vec<_> = project
            .milestones
            .iter()
            .map(|m| (m, project, links.line(&m.source, m.line)))
            .collect();
        let sources = &docs.sources;
        let documents: Vec<SourceView> = sources
            .iter()
            .zip(html)
            .enumerate()
            .map(|(i, (source, html))| SourceView {
                anchor: document_anchor(i),
                href: document_href(i, docs.apart),
                source: source.clone(),
                html,
            })
            .collect();
        let view = compiled::ProjectView {
            project: ProjectHeader::new(project, docs.apart, milestones_text, t),
            areas: view::area_rows(&project.areas, &links, t),
            documents_apart: if docs.apart {
                t.fill("documents_apart", &[&t.count(sources.len())])
            } else {
                String::new()
            },
            sections: if docs.apart {
                Vec::new()
            } else {
                view::section_rows(&links, as_of, t)
            },
            document_rows: if docs.apart {
                view::document_rows(&links, self.config.progress.weight, t)
            } else {
                Vec::new()
            },
            timeline: view::project_timeline(&links, as_of, t),
            milestones: view::milestone_rows(&milestone_entries, "../", t),
            milestones_cut,
            matrix,
            risks,
            risks_cut,
            people: (view::people(std::slice::from_ref(&links), t).iter())
                .map(|person| person.view(&person.rows, std::slice::from_ref(&links), ""))
                .collect(),
            diagnostics,
            diagnostics_cut,
            documents,
            trend: trends::project_trend(self.history, project, as_of, t),
        };
        self.render_view("project.html", meta, view)
    }

    /// Keeps the [`ROWS_SHOWN`] milestones of `project` nearest `as_of`
    /// ([`nearest_milestones`]), and says so; else nothing.
    fn keep_nearest_milestones(&self, project: &mut Project, as_of: NaiveDate) -> String {
        let total = project.milestones.len();
        let Some(nearest) = nearest_milestones(&project.milestones, as_of) else {
            return String::new();
        };
        *project.milestones = nearest;
        let t = &self.t;
        t.fill("milestones_cut", &[&t.count(ROWS_SHOWN), &t.count(total)])
    }

    /// Cuts `rows` to the first [`ROWS_SHOWN`] on the page of a project
    /// whose documents have pages of their own (`apart`), and says so in
    /// the words of `key`; else nothing.
    fn cut<T>(&self, rows: &mut Vec<T>, apart: bool, key: &str) -> String {
        if !apart || rows.len() <= ROWS_SHOWN {
            return String::new();
        }
        let total = rows.len();
        rows.truncate(ROWS_SHOWN);
        self.t
            .fill(key, &[&self.t.count(ROWS_SHOWN), &self.t.count(total)])
    }

    fn snapshots_page(&self) -> anyhow::Result<String> {
        let meta = self.meta("snapshots/index.html", &self.t.get("snapshots"), "");
        let mut context = tera::Context::new();
        context.insert(
            "snapshots",
            &trends::snapshot_rows(self.history, self.portfolio, &self.t),
        );
        self.page("snapshots.html", meta, context)
    }
}

/// What a page shows, for either engine: tera reads it as its context
/// (with `page` and `t` added, as on every page); a page whose default
/// template the binary holds compiled renders it through [`compiled`].
trait PageView: Serialize + Sized {
    /// The page through its compiled template, if it has one.
    fn compiled(&self, _page: &PageMeta, _t: &Table) -> Option<askama::Result<String>> {
        None
    }

    /// The view as tera's context.
    fn into_context(self) -> tera::Result<tera::Context> {
        tera::Context::from_serialize(&self)
    }
}

/// The values of a page that only tera draws.
impl PageView for serde_json::Value {
    fn into_context(self) -> tera::Result<tera::Context> {
        tera::Context::from_value(self)
    }
}
