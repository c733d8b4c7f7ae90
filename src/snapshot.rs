//! `sitrep snapshot`: record the portfolio as it is now, or rebuild past
//! records from the git history of `content/`.
//!
//! A snapshot is two things under `<root>/snapshots/<label>/`:
//! `status.json` (the data: small, meant to be committed) and `site/` (the
//! whole portal as it looked, self-contained, with relative links). Every
//! build copies each `site/` into `public/snapshots/<label>/`, so archived
//! portals survive any later build and open from `file://`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _};
use chrono::{Datelike, NaiveDate};

use crate::build::{self, BuildOptions};
use crate::history::{self, FOLDER};
use crate::render::Site;

/// What `sitrep snapshot` was asked for.
#[derive(Debug, Clone, Default)]
pub struct SnapshotOptions {
    pub root: PathBuf,
    pub label: Option<String>,
    pub as_of: Option<NaiveDate>,
    /// Replace a snapshot of the same label.
    pub force: bool,
    /// Also write `<label>.tar.gz` of the archived site.
    pub archive: bool,
}

/// Records the portfolio now; returns the label used.
pub fn take(options: &SnapshotOptions) -> anyhow::Result<String> {
    let build_options = BuildOptions {
        root: options.root.clone(),
        as_of: options.as_of,
        ..BuildOptions::default()
    };
    let (portal, site) = build::render_archive(&build_options)?;
    let label = match &options.label {
        Some(label) => label.clone(),
        None => history::week_label(portal.status.as_of),
    };
    record(&options.root, &label, &portal.status, &site, options)?;
    Ok(label)
}

/// Writes one snapshot's data and archived site.
fn record(
    root: &Path,
    label: &str,
    status: &crate::model::PortfolioStatus,
    site: &Site,
    options: &SnapshotOptions,
) -> anyhow::Result<()> {
    if !history::is_valid_label(label) {
        bail!("{label:?} is not a usable label: use letters, digits, '-', '_' and '.'");
    }
    let folder = root.join(FOLDER).join(label);
    if folder.exists() {
        if !options.force {
            bail!(
                "a snapshot labelled {label} exists already ({}); pass --force to replace it",
                folder.display()
            );
        }
        std::fs::remove_dir_all(&folder)
            .with_context(|| format!("cannot replace {}", folder.display()))?;
    }
    let mut archived = Site::default();
    for (path, bytes) in &site.files {
        archived.files.insert(path.clone(), bytes.clone());
    }
    crate::output::write_plain(&archived, &folder.join("site"))?;
    let json = crate::render::status_json::to_string(status)?;
    std::fs::write(folder.join("status.json"), json)
        .with_context(|| format!("cannot write {}", folder.display()))?;
    if options.archive {
        write_tarball(
            &folder.join("site"),
            &folder.join(format!("{label}.tar.gz")),
            label,
        )?;
    }
    Ok(())
}

/// `site/` packed as `<label>/…` in a gzip'd tar, with fixed times and
/// modes so that the archive is byte-identical for the same site.
fn write_tarball(site: &Path, path: &Path, label: &str) -> anyhow::Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(file, flate2::Compression::default());
    let mut tar = tar::Builder::new(encoder);
    tar.mode(tar::HeaderMode::Deterministic);
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(site)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for file in files {
        let relative = file.strip_prefix(site).unwrap_or(&file);
        tar.append_path_with_name(&file, Path::new(label).join(relative))?;
    }
    tar.into_inner()?.finish()?.flush()?;
    Ok(())
}

/// How often `--from-git` records a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    /// The last commit of each ISO week, labelled `2026-W47`.
    Week,
    /// The last commit of each two-week sprint, counted from the first week.
    Sprint,
    /// Every commit, labelled `2026-11-20-1a2b3c4`.
    Commit,
}

/// A commit that changed the portal, with its date.
#[derive(Debug, Clone, PartialEq)]
struct Commit {
    hash: String,
    date: NaiveDate,
}

/// Rebuilds past snapshots from the git history of `content/` and
/// `config.toml`, each with its commit date as as-of. Returns the labels written.
pub fn from_git(
    options: &SnapshotOptions,
    since: Option<NaiveDate>,
    every: Every,
) -> anyhow::Result<Vec<String>> {
    let commits = portal_commits(&options.root, since)?;
    let mut written = Vec::new();
    for (label, commit) in choose(&commits, every) {
        if options.root.join(FOLDER).join(&label).exists() && !options.force {
            eprintln!(
                "skipped {label}: a snapshot of that label exists (use --force to replace it)"
            );
            continue;
        }
        let checkout = tempfile::tempdir().context("cannot make a temporary folder")?;
        export_commit(&options.root, &commit.hash, checkout.path())?;
        let build_options = BuildOptions {
            root: checkout.path().to_path_buf(),
            as_of: Some(commit.date),
            ..BuildOptions::default()
        };
        let (portal, site) = build::render_archive(&build_options)
            .with_context(|| format!("cannot build commit {}", commit.hash))?;
        record(&options.root, &label, &portal.status, &site, options)?;
        written.push(label);
    }
    Ok(written)
}

/// Commits that touched `content/` or `config.toml`, oldest first.
fn portal_commits(root: &Path, since: Option<NaiveDate>) -> anyhow::Result<Vec<Commit>> {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(root)
        .args(["log", "--reverse", "--format=%H %cI"]);
    if let Some(since) = since {
        command.arg(format!("--since={since}"));
    }
    command.args(["--", "content", "config.toml"]);
    let output = command
        .output()
        .context("cannot run git: is it installed and is the root a git repository?")?;
    if !output.status.success() {
        bail!(
            "git log failed in {}: {}",
            root.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let commits = text
        .lines()
        .filter_map(|line| {
            let (hash, date) = line.split_once(' ')?;
            let date = chrono::DateTime::parse_from_rfc3339(date)
                .ok()?
                .date_naive();
            Some(Commit {
                hash: hash.to_string(),
                date,
            })
        })
        .collect();
    Ok(commits)
}

/// The commits to record and their labels: the last commit of each period.
fn choose(commits: &[Commit], every: Every) -> Vec<(String, Commit)> {
    let Some(first) = commits.first() else {
        return Vec::new();
    };
    let first_monday =
        first.date - chrono::Days::new(u64::from(first.date.weekday().num_days_from_monday()));
    let period = |commit: &Commit| -> String {
        match every {
            Every::Week => history::week_label(commit.date),
            Every::Sprint => {
                let sprint = (commit.date - first_monday).num_days() / 14;
                format!("sprint-{}", sprint + 1)
            }
            Every::Commit => format!(
                "{}-{}",
                commit.date,
                &commit.hash[..7.min(commit.hash.len())]
            ),
        }
    };
    let mut chosen: Vec<(String, Commit)> = Vec::new();
    for commit in commits {
        let label = period(commit);
        match chosen.last_mut() {
            Some((last, kept)) if *last == label => *kept = commit.clone(),
            _ => chosen.push((label, commit.clone())),
        }
    }
    chosen
}

/// Writes the commit's `content/` and `config.toml` into `into`.
fn export_commit(root: &Path, hash: &str, into: &Path) -> anyhow::Result<()> {
    let mut paths = vec!["content"];
    let has_config = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["cat-file", "-e", &format!("{hash}:config.toml")])
        .status()
        .is_ok_and(|s| s.success());
    if has_config {
        paths.push("config.toml");
    }
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", hash])
        .args(&paths)
        .output()
        .context("cannot run git archive")?;
    if !output.status.success() {
        bail!(
            "git archive {hash} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    tar::Archive::new(output.stdout.as_slice())
        .unpack(into)
        .with_context(|| format!("cannot unpack commit {hash}"))?;
    std::fs::create_dir_all(into.join("content"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(hash: &str, date: &str) -> Commit {
        Commit {
            hash: hash.to_string(),
            date: date.parse().unwrap(),
        }
    }

    #[test]
    fn the_last_commit_of_each_week_is_kept() {
        let commits = [
            commit("aaaaaaaa", "2026-11-02"),
            commit("bbbbbbbb", "2026-11-05"),
            commit("cccccccc", "2026-11-10"),
        ];
        let chosen = choose(&commits, Every::Week);
        let labels: Vec<(&str, &str)> = chosen
            .iter()
            .map(|(l, c)| (l.as_str(), c.hash.as_str()))
            .collect();
        assert_eq!(labels, [("2026-W45", "bbbbbbbb"), ("2026-W46", "cccccccc")]);
    }

    #[test]
    fn sprints_are_two_weeks_from_the_first_monday() {
        let commits = [
            commit("aaaaaaaa", "2026-11-04"), // Wednesday of the first week
            commit("bbbbbbbb", "2026-11-15"), // Sunday of the second week: same sprint
            commit("cccccccc", "2026-11-16"), // Monday of the third week: sprint 2
        ];
        let chosen = choose(&commits, Every::Sprint);
        let labels: Vec<(&str, &str)> = chosen
            .iter()
            .map(|(l, c)| (l.as_str(), c.hash.as_str()))
            .collect();
        assert_eq!(labels, [("sprint-1", "bbbbbbbb"), ("sprint-2", "cccccccc")]);
    }

    #[test]
    fn every_commit_gets_a_dated_label() {
        let chosen = choose(&[commit("1a2b3c4d5e", "2026-11-20")], Every::Commit);
        assert_eq!(chosen[0].0, "2026-11-20-1a2b3c4");
    }
}
