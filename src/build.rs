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
use crate::{output, portfolio, render};

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
    let status = portfolio::assemble(&content, statuses, &config, as_of, built_at);
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

/// Refuses output folders whose replacement would destroy the sources.
fn check_output_dir(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let output = match output.canonicalize() {
        Ok(path) => path,
        Err(_) => output.to_path_buf(),
    };
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
    Ok(())
}

/// Runs the whole pipeline and writes the site.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildReport> {
    let started = Instant::now();
    let portal = read_portal(options)?;
    let output = output_dir(options, &portal.config);
    check_output_dir(&options.root, &output)?;
    let site = render::render(
        &portal.status,
        &portal.content,
        &portal.config,
        &options.root,
    )?;
    output::write_site(&site, &output)?;
    let diagnostics = all_diagnostics(&portal.status);
    Ok(BuildReport {
        output,
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
