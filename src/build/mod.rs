//! The pipeline run end to end: what `sitrep build` and `sitrep check` do.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::cache::{self, Cache};
use crate::config::Config;
use crate::ingest::Content;
use crate::memo::PageMemo;
use crate::model::{Diagnostic, Level, PortfolioStatus, Project};
use crate::render::Sink;
use crate::{feed, history, output, render};

mod destination;
mod previous;
mod read;

use destination::check_output_dir;
pub use destination::output_dir;
pub use previous::Previous;
use read::{read_portal_timed, Extraction, Reread};

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub as_of: Option<NaiveDate>,
    pub base_url: Option<String>,
    /// `--source-url`, already read by [`crate::config::source_url`].
    pub source_url: Option<String>,
    /// Neither read nor write `<root>/.sitrep-cache/` (`--no-cache`).
    pub no_cache: bool,
}

/// The portal read from disk: everything but the pages.
pub struct Portal {
    pub config: Config,
    pub content: Content,
    pub status: PortfolioStatus,
}

/// Figures of one build, for the summary line.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output: PathBuf,
    /// Time of each stage, in pipeline order, for `--verbose`.
    pub stages: Vec<(&'static str, Duration, Option<u64>)>,
    /// Time per template (and minify-html), summed over pages and threads.
    pub templates: render::TemplateTimes,
    pub reading: Reading,
    pub writes: output::WriteCounts,
    pub projects: usize,
    pub documents: usize,
    pub warnings: usize,
    /// The error diagnostics, sorted by file and line: few (a file that
    /// cannot be read, a name that is not UTF-8), and each one a document
    /// missing from the site, so the build names them, not only counts them.
    pub errors: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// What reading the documents cost, for `--verbose`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Documents decoded and extracted in this build.
    pub extracted: usize,
    /// Documents whose entry in the cache was used instead (in `serve`, or
    /// that were taken unchanged from the previous rebuild).
    pub cached: usize,
    /// Of those, documents whose file was not even read: the same file as
    /// the previous build read ([`cache::Index`], or `serve`'s last rebuild).
    pub unread: usize,
    /// Projects taken from the cache as a build assembled them from the
    /// same inputs ([`Cache::project`]): their documents' statuses were
    /// not decoded.
    pub projects_cached: usize,
    /// CPU time spent decoding and extracting, summed over threads.
    pub decode_cpu: Duration,
    pub extract_cpu: Duration,
}

/// "Today" for staleness and overdue checks, and the `built_at` stamp:
/// `--as-of`, else the config's `as_of`, else `SOURCE_DATE_EPOCH`, else the
/// system date (then no `built_at`, so that output stays deterministic).
/// The config's date wins over `SOURCE_DATE_EPOCH` because it is the
/// portal's own choice, while the variable is the build machine's.
pub fn resolve_as_of(
    as_of: Option<NaiveDate>,
    config: &Config,
) -> anyhow::Result<(NaiveDate, Option<String>)> {
    if let Some(date) = as_of.or(config.as_of) {
        return Ok((date, Some(format!("{date}T00:00:00Z"))));
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let seconds: i64 = epoch
            .trim()
            .parse()
            .with_context(|| format!("SOURCE_DATE_EPOCH={epoch:?} is not a number of seconds"))?;
        let Some(time) = DateTime::<Utc>::from_timestamp(seconds, 0) else {
            bail!("SOURCE_DATE_EPOCH={epoch:?} is out of range");
        };
        return Ok((
            time.date_naive(),
            Some(time.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        ));
    }
    Ok((Utc::now().date_naive(), None))
}

/// Reads config and content and extracts every document (no pages); every
/// document keeps its text (`check` quotes the lines of its diagnostics).
pub fn read_portal(options: &BuildOptions) -> anyhow::Result<Portal> {
    Ok(read_portal_timed(options, &mut Stages::default(), true, Previous::default())?.0)
}

/// Records how long each stage of a build takes, and the process's peak
/// memory when it ends (so `--verbose` shows which stage holds the memory).
#[derive(Debug, Default)]
pub struct Stages {
    pub times: Vec<(&'static str, Duration, Option<u64>)>,
    last: Option<Instant>,
}

impl Stages {
    /// Ends the stage `name`, which began when the previous one ended.
    pub fn done(&mut self, name: &'static str) {
        let now = Instant::now();
        if let Some(last) = self.last {
            self.times
                .push((name, now - last, crate::cpu::peak_memory()));
        }
        self.last = Some(now);
    }

    /// Begins the first stage, unless one has already begun (a build
    /// times the previous site's memo before reading).
    fn start(&mut self) {
        self.last.get_or_insert_with(Instant::now);
    }
}

/// The files of a site held in memory by `serve`: shared, so that a
/// rebuild keeps the previous build's unchanged pages without copying them.
/// A hash map: a rebuild inserts every page again (30,000 at 10,000
/// projects), and nothing needs them in order.
pub type SharedFiles = FxHashMap<String, render::MemoryFile>;

/// Runs the pipeline up to the rendered pages, in memory.
pub fn render_site(options: &BuildOptions) -> anyhow::Result<(Portal, render::Site)> {
    let (rendered, files) = render_in_memory(
        options,
        &mut Stages::default(),
        &render::NoMemo,
        &SharedFiles::default(),
        Previous::default(),
    )?;
    let files = files
        .into_iter()
        .map(|(path, file)| (path, file.into_vec()))
        .collect();
    Ok((rendered.portal, render::Site { files }))
}

/// Renders in memory (what `serve` shows), keeping from `files` (those of
/// the last good rebuild) the pages that `memo` recalls, and from
/// `previous` the documents and projects that did not change. Returns the
/// new files, and what the rebuild after this one can keep.
pub fn render_site_after(
    options: &BuildOptions,
    stages: &mut Stages,
    memo: &dyn render::Memo,
    files: &SharedFiles,
    previous: Previous,
) -> anyhow::Result<(SharedFiles, Previous)> {
    let first = previous.rebuilds && previous.documents.is_empty();
    let (rendered, files) = render_in_memory(options, stages, memo, files, previous)?;
    if first {
        // `serve` stores its projects and prunes the cache after its first
        // good build (as `build` does after each): entries of other sitrep
        // builds, configs or as-of dates would otherwise pile up for as
        // long as authors only run `serve`. Later rebuilds keep their
        // projects in memory; the entries they make stay until then.
        let (cache, extraction) = (&rendered.cache, &rendered.extraction);
        store_projects(cache, &rendered.portal.status.projects, extraction);
        cache.prune(&extraction.used_keys());
    }
    let previous = Previous::keep(rendered.portal, &rendered.extraction);
    stages.done("keep");
    Ok((files, previous))
}

fn render_in_memory(
    options: &BuildOptions,
    stages: &mut Stages,
    memo: &dyn render::Memo,
    files: &SharedFiles,
    previous: Previous,
) -> anyhow::Result<(Rendered, SharedFiles)> {
    // Sized as the previous site, which a rebuild mostly keeps: grown
    // from empty, the map was rehashed a dozen times under its lock.
    let next = SharedFiles::with_capacity_and_hasher(files.len(), Default::default());
    let sink = KeepingSite {
        previous: files,
        files: Mutex::new(next),
    };
    let rendered = render_into(options, stages, memo, &sink, previous)?;
    let files = sink.files.into_inner().unwrap_or_else(|p| p.into_inner());
    Ok((rendered, files))
}

/// A site in memory that can keep files of the previous one.
struct KeepingSite<'p> {
    previous: &'p SharedFiles,
    files: Mutex<SharedFiles>,
}

impl KeepingSite<'_> {
    fn insert(&self, path: &str, file: render::MemoryFile) {
        let path = path.to_string();
        self.files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path, file);
    }
}

impl Sink for KeepingSite<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.insert(path, render::MemoryFile::Whole(Arc::new(bytes)));
        Ok(())
    }

    /// Kept in pieces: the parts copied from the previous file are shared
    /// with it, not copied ([`render::MemoryFile`]).
    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn render::Output) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        let mut pieces = render::PiecesWriter::default();
        write(&mut pieces)?;
        self.insert(path, pieces.finish());
        Ok(())
    }

    fn keep(&self, path: &str) -> anyhow::Result<bool> {
        match self.previous.get(path) {
            Some(file) => {
                self.insert(path, file.clone());
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// The portal as a snapshot archives it: the pages alone, with no history
/// (an archived site must not link to snapshots outside its own folder).
pub fn render_archive(options: &BuildOptions) -> anyhow::Result<(Portal, render::Site)> {
    let portal = read_portal(options)?;
    let site = render::render(
        &portal.status,
        &portal.content,
        &portal.config,
        &options.root,
    )?;
    Ok((portal, site))
}

/// Adds the history to a rendered site: `changes.json`, `feed.xml`, and
/// every archived snapshot site under `snapshots/<label>/`.
fn add_history(
    sink: &dyn Sink,
    root: &Path,
    history: &history::History,
    portal: &Portal,
) -> anyhow::Result<()> {
    let log = feed::change_log(history, &portal.status);
    sink.put("changes.json", feed::changes_json(&log).into_bytes())?;
    let atom = feed::atom(
        &log,
        &portal.config.title(),
        portal.config.base_url.as_deref(),
    );
    sink.put("feed.xml", atom.into_bytes())?;
    for snapshot in &history.snapshots {
        let folder = root.join(history::FOLDER).join(&snapshot.label);
        let archive = folder.join("site");
        for entry in walkdir::WalkDir::new(&archive)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let relative = entry.path().strip_prefix(&archive).unwrap_or(entry.path());
            let relative = relative.to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(entry.path())
                .with_context(|| format!("cannot read {}", entry.path().display()))?;
            sink.put(&format!("snapshots/{}/{relative}", snapshot.label), bytes)?;
        }
        let tarball = folder.join(format!("{}.tar.gz", snapshot.label));
        if tarball.is_file() {
            let bytes = std::fs::read(&tarball)
                .with_context(|| format!("cannot read {}", tarball.display()))?;
            sink.put(&format!("snapshots/{}.tar.gz", snapshot.label), bytes)?;
        }
    }
    Ok(())
}

/// A portal rendered into a sink, and what it took.
struct Rendered {
    portal: Portal,
    extraction: Extraction,
    cache: Cache,
    templates: render::TemplateTimes,
}

/// Reads the portal and renders every file of the site into `sink`.
fn render_into(
    options: &BuildOptions,
    stages: &mut Stages,
    memo: &dyn render::Memo,
    sink: &dyn Sink,
    previous: Previous,
) -> anyhow::Result<Rendered> {
    let (mut portal, extraction, cache) = read_portal_timed(options, stages, false, previous)?;
    let history = history::load(&options.root);
    portal
        .status
        .diagnostics
        .extend(history.diagnostics.iter().cloned());
    let texts = Reread::new(
        options.root.join("content"),
        &cache,
        &extraction.keys,
        &mut portal.content,
    );
    let templates = render::render_into(
        &portal.status,
        &portal.content,
        &portal.config,
        &options.root,
        &history,
        &texts,
        memo,
        sink,
    )?;
    add_history(sink, &options.root, &history, &portal)?;
    stages.done("render");
    Ok(Rendered {
        portal,
        extraction,
        cache,
        templates,
    })
}

/// Runs the whole pipeline: pages are written into a staging folder as they
/// are rendered, then the staging folder replaces the output in one step.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildReport> {
    let (report, portal) = build_and_keep(options)?;
    drop(portal);
    Ok(report)
}

/// [`build`], handing back the portal it read instead of freeing it, for a
/// command that ends right after: the system takes its memory back whole,
/// where freeing the statuses of 10,000 documents one allocation at a
/// time took 0.2 s of CPU.
pub fn build_and_keep(options: &BuildOptions) -> anyhow::Result<(BuildReport, Portal)> {
    let started = Instant::now();
    let mut stages = Stages::default();
    stages.start();
    let config = Config::load(&options.root)?;
    let output = output_dir(options, &config);
    check_output_dir(options, &output)?;
    let cache_dir = (!options.no_cache).then(|| options.root.join(cache::FOLDER));
    let mut memo = PageMemo::load(cache_dir.as_deref(), &output);
    let staging = output::Staging::begin(&output, memo.take_kept())?;
    stages.done("previous");
    let rendered = render_into(options, &mut stages, &memo, &staging, Previous::default())?;
    // What the pages' threads freed would stay theirs while this thread
    // sums up the diagnostics and the cache's thread saves its entries.
    crate::cpu::hand_back_freed_memory();
    let portal = rendered.portal;
    let projects = portal.status.projects.len();
    let documents = portal
        .content
        .projects
        .iter()
        .map(|p| p.documents.len())
        .sum();
    // Pruning the cache (a listing of every entry) takes a while at 10,000
    // documents: it is done beside the swap. The memo is saved only once
    // the new site is in place, as the identities it records are of its files.
    let extraction = &rendered.extraction;
    let cache = &rendered.cache;
    let writes = std::thread::scope(|scope| {
        scope.spawn(|| {
            store_projects(cache, &portal.status.projects, extraction);
            cache.prune(&extraction.used_keys());
            let files = extraction.files(&portal.content);
            cache.save_index(extraction.read_started_ns, files);
        });
        staging.finish_then(|kept| memo.save(kept))
    })?;
    stages.done("swap");
    let (errors, warnings): (Vec<_>, Vec<_>) = all_diagnostics(&portal.status)
        .into_iter()
        .partition(|d| d.level == Level::Error);
    let report = BuildReport {
        output,
        stages: stages.times,
        templates: rendered.templates,
        reading: rendered.extraction.reading,
        writes,
        projects,
        documents,
        warnings: warnings.len(),
        errors,
        elapsed: started.elapsed(),
    };
    Ok((report, portal))
}

/// Puts the projects this build assembled into the cache, for the next
/// build to take whole if their inputs do not change.
fn store_projects(cache: &Cache, projects: &[Project], extraction: &Extraction) {
    if cache.dir().is_none() {
        return;
    }
    projects
        .par_iter()
        .filter(|project| extraction.assembled.contains(&project.slug))
        .for_each(|project| {
            if let Some(&key) = extraction.project_keys.get(&project.slug) {
                cache.put_project(key, project);
            }
        });
}

/// The diagnostics of the portal and of every project (each project's
/// decoded for the moment they are copied), sorted by file and line, each
/// once.
pub fn all_diagnostics(status: &PortfolioStatus) -> Vec<Diagnostic> {
    let projects = status.projects.iter();
    let mut all: Vec<Diagnostic> = (status.diagnostics.iter().cloned())
        .chain(projects.flat_map(|p| p.diagnostics.get().into_owned()))
        .collect();
    all.sort_by(|a, b| {
        (a.source.as_str(), a.line, a.code.as_str()).cmp(&(
            b.source.as_str(),
            b.line,
            b.code.as_str(),
        ))
    });
    all.dedup();
    all
}
