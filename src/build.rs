//! The pipeline run end to end: what `sitrep build` and `sitrep check` do.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;

use crate::config::Config;
use crate::extract::{self, Context};
use crate::ingest::{self, Content};
use crate::model::{Diagnostic, Level, PortfolioStatus};
use crate::{feed, history, output, portfolio, render};

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub as_of: Option<NaiveDate>,
    pub base_url: Option<String>,
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
    pub stages: Vec<(&'static str, Duration)>,
    pub projects: usize,
    pub documents: usize,
    pub warnings: usize,
    pub errors: usize,
    pub elapsed: Duration,
}

/// "Today" for staleness and overdue checks, and the `built_at` stamp:
/// `--as-of`, else `SOURCE_DATE_EPOCH`, else the system date (then no
/// `built_at`, so that output stays deterministic).
pub fn resolve_as_of(as_of: Option<NaiveDate>) -> anyhow::Result<(NaiveDate, Option<String>)> {
    if let Some(date) = as_of {
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

/// Reads config and content and extracts every document (no pages).
pub fn read_portal(options: &BuildOptions) -> anyhow::Result<Portal> {
    read_portal_timed(options, &mut Stages::default())
}

/// Records how long each stage of a build takes.
#[derive(Debug, Default)]
pub struct Stages {
    pub times: Vec<(&'static str, Duration)>,
    last: Option<Instant>,
}

impl Stages {
    /// Ends the stage `name`, which began when the previous one ended.
    fn done(&mut self, name: &'static str) {
        let now = Instant::now();
        if let Some(last) = self.last {
            self.times.push((name, now - last));
        }
        self.last = Some(now);
    }

    fn start(&mut self) {
        self.last = Some(Instant::now());
    }
}

fn read_portal_timed(options: &BuildOptions, stages: &mut Stages) -> anyhow::Result<Portal> {
    stages.start();
    let mut config = Config::load(&options.root)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = Some(base_url.clone());
    }
    let (as_of, built_at) = resolve_as_of(options.as_of)?;
    let content_dir = options.root.join("content");
    if !content_dir.is_dir() {
        bail!(
            "no content/ folder in {}: put your tracking documents in content/ (or run `sitrep init`)",
            options.root.display()
        );
    }
    let content = ingest::load(&content_dir)?;
    stages.done("ingest");
    let context = Context {
        config: &config,
        portal_as_of: as_of,
    };
    let statuses = content
        .projects
        .par_iter()
        .map(|project| {
            project
                .documents
                .iter()
                .map(|document| extract::extract(document, &context))
                .collect()
        })
        .collect();
    stages.done("extract");
    let status = portfolio::assemble(&content, statuses, &config, as_of, built_at);
    stages.done("portfolio");
    Ok(Portal {
        config,
        content,
        status,
    })
}

/// Where the site goes: `--output`, else `output_dir` from the config, else `<root>/public`.
pub fn output_dir(options: &BuildOptions, config: &Config) -> PathBuf {
    match (&options.output, &config.output_dir) {
        (Some(output), _) => output.clone(),
        (None, Some(dir)) => options.root.join(dir),
        (None, None) => options.root.join("public"),
    }
}

/// Refuses output folders whose replacement would destroy something: the
/// root itself or a folder above it, a folder inside `content/`, a folder
/// that holds a `content/` of its own (another portal), and a folder outside
/// the root that only the config file named (`--output` must say so).
fn check_output_dir(options: &BuildOptions, output: &Path) -> anyhow::Result<()> {
    let absolute = |path: &Path| -> PathBuf {
        let path = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(path)
        };
        normalise(&path)
    };
    let root = absolute(&options.root);
    let output = absolute(output);
    if root.starts_with(&output) {
        bail!(
            "the output folder {} holds the portal itself; choose a folder such as {}",
            output.display(),
            root.join("public").display()
        );
    }
    if output.starts_with(root.join("content")) {
        bail!(
            "the output folder {} is inside content/; choose another",
            output.display()
        );
    }
    if output.join("content").is_dir() {
        bail!(
            "the output folder {} holds a content/ folder: it looks like a portal, not an output",
            output.display()
        );
    }
    if options.output.is_none() && !output.starts_with(&root) {
        bail!(
            "output_dir points outside the portal ({}); pass --output {} to confirm",
            output.display(),
            output.display()
        );
    }
    Ok(())
}

/// Resolves `.` and `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Runs the pipeline up to the rendered pages, in memory (what `serve` shows).
pub fn render_site(options: &BuildOptions) -> anyhow::Result<(Portal, render::Site)> {
    render_site_timed(options, &mut Stages::default())
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
    site: &mut render::Site,
    root: &Path,
    history: &history::History,
    portal: &Portal,
) -> anyhow::Result<()> {
    let log = feed::change_log(history, &portal.status);
    site.files.insert(
        "changes.json".to_string(),
        feed::changes_json(&log).into_bytes(),
    );
    let atom = feed::atom(
        &log,
        &portal.config.title,
        portal.config.base_url.as_deref(),
    );
    site.files.insert("feed.xml".to_string(), atom.into_bytes());
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
            site.files
                .insert(format!("snapshots/{}/{relative}", snapshot.label), bytes);
        }
        let tarball = folder.join(format!("{}.tar.gz", snapshot.label));
        if tarball.is_file() {
            let bytes = std::fs::read(&tarball)
                .with_context(|| format!("cannot read {}", tarball.display()))?;
            site.files
                .insert(format!("snapshots/{}.tar.gz", snapshot.label), bytes);
        }
    }
    Ok(())
}

fn render_site_timed(
    options: &BuildOptions,
    stages: &mut Stages,
) -> anyhow::Result<(Portal, render::Site)> {
    let mut portal = read_portal_timed(options, stages)?;
    let history = history::load(&options.root);
    portal
        .status
        .diagnostics
        .extend(history.diagnostics.iter().cloned());
    let mut site = render::render_with_history(
        &portal.status,
        &portal.content,
        &portal.config,
        &options.root,
        &history,
    )?;
    add_history(&mut site, &options.root, &history, &portal)?;
    stages.done("render");
    Ok((portal, site))
}

/// Runs the whole pipeline and writes the site.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildReport> {
    let started = Instant::now();
    let mut stages = Stages::default();
    let config = Config::load(&options.root)?;
    let output = output_dir(options, &config);
    check_output_dir(options, &output)?;
    let (portal, site) = render_site_timed(options, &mut stages)?;
    output::write_site(&site, &output)?;
    stages.done("write");
    let diagnostics = all_diagnostics(&portal.status);
    Ok(BuildReport {
        output,
        stages: stages.times,
        projects: portal.status.projects.len(),
        documents: portal
            .content
            .projects
            .iter()
            .map(|p| p.documents.len())
            .sum(),
        warnings: diagnostics
            .iter()
            .filter(|d| d.level == Level::Warning)
            .count(),
        errors: diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .count(),
        elapsed: started.elapsed(),
    })
}

/// Every diagnostic of the portal, sorted by file and line.
pub fn all_diagnostics(status: &PortfolioStatus) -> Vec<Diagnostic> {
    let mut all: Vec<Diagnostic> = status.diagnostics.clone();
    for project in &status.projects {
        all.extend(project.diagnostics.iter().cloned());
    }
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
