//! Helpers shared by the integration tests: temporary portals, running the
//! `sitrep` binary, reading `status.json`, and finding `../shared/`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

/// The as-of date the tests build with, so that staleness and overdue checks
/// never depend on the day the tests run.
pub const AS_OF: &str = "2026-11-01";

/// `../shared/` beside the repository, when present (CI, developers). A
/// user's fresh clone has none: tests that need it print why and skip.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent (it holds the seeds and the real corpus)",
            dir.display()
        );
        None
    }
}

/// The five seed documents, sorted.
pub fn seed_files(shared: &Path) -> Vec<PathBuf> {
    sorted_files(&shared.join("seeds"), |_| true)
}

/// The real corpus documents (SOURCES.md excluded), sorted.
pub fn corpus_files(shared: &Path) -> Vec<PathBuf> {
    sorted_files(&shared.join("corpus/real"), |name| {
        name.ends_with(".md") && name != "SOURCES.md"
    })
}

fn sorted_files(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("shared folder readable")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.file_name().is_some_and(|n| keep(&n.to_string_lossy())))
        .collect();
    files.sort();
    files
}

/// A temporary portal root with a `content/` folder.
pub struct Portal {
    pub dir: TempDir,
}

impl Portal {
    pub fn new() -> Portal {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("content")).expect("content dir");
        Portal { dir }
    }

    /// A portal whose `content/` holds copies of `files`.
    pub fn with_copies(files: &[PathBuf]) -> Portal {
        let portal = Portal::new();
        for file in files {
            let name = file.file_name().expect("file name");
            std::fs::copy(file, portal.content().join(name)).expect("copy");
        }
        portal
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    pub fn public(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// Writes `bytes` to `content/<relative>`, creating folders.
    pub fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) -> &Portal {
        let path = self.content().join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folders");
        std::fs::write(path, bytes).expect("write");
        self
    }

    pub fn write_config(&self, text: &str) -> &Portal {
        std::fs::write(self.root().join("config.toml"), text).expect("config");
        self
    }

    /// Runs `sitrep <args>` with `--root` set to this portal.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sitrep"));
        command.args(args).arg("--root").arg(self.root());
        command.env_remove("SOURCE_DATE_EPOCH");
        command.output().expect("sitrep runs")
    }

    /// Builds with `--as-of AS_OF`, asserts success and returns `status.json`.
    pub fn build(&self) -> Value {
        let output = self.run(&["build", "--quiet", "--as-of", AS_OF]);
        assert!(
            output.status.success(),
            "sitrep build failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        self.status()
    }

    pub fn status(&self) -> Value {
        let text = std::fs::read_to_string(self.public().join("status.json")).expect("status.json");
        serde_json::from_str(&text).expect("status.json is JSON")
    }

    pub fn read_output(&self, relative: &str) -> String {
        std::fs::read_to_string(self.public().join(relative))
            .unwrap_or_else(|e| panic!("cannot read public/{relative}: {e}"))
    }
}

/// The project of `status` whose sources include a file starting with `prefix`.
pub fn project<'a>(status: &'a Value, prefix: &str) -> &'a Value {
    status["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .find(|p| {
            p["sources"].as_array().is_some_and(|s| {
                s.iter()
                    .any(|s| s.as_str().is_some_and(|s| s.starts_with(prefix)))
            })
        })
        .unwrap_or_else(|| panic!("no project from a source starting with {prefix}"))
}

/// The diagnostic codes of a project.
pub fn codes(project: &Value) -> Vec<String> {
    project["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_string())
        .collect()
}

/// Every file under `dir`, as relative path → bytes, sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (relative, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

// ---------- link checking ----------

/// Every file under `dir`, as `/`-separated relative path → bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Every `href`/`src` of every page that is not absolute must name an existing
/// file, resolved against the page's folder as a browser on `file://` would,
/// and every fragment a place on its page ([`check_fragments`]). Returns how
/// many links were checked.
pub fn check_links(dir: &Path) -> usize {
    let attribute =
        regex::Regex::new(r#"\s(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#).unwrap();
    let mut checked = 0;
    for (path, bytes) in read_tree(dir) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes).into_owned();
        let folder = Path::new(&path)
            .parent()
            .unwrap_or(Path::new(""))
            .to_path_buf();
        for capture in attribute.captures_iter(&html) {
            let target = capture
                .iter()
                .skip(1)
                .flatten()
                .next()
                .map(|m| m.as_str())
                .unwrap_or("")
                .replace("&amp;", "&");
            if target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with("mailto:")
            {
                continue;
            }
            let file_part = target.split('#').next().unwrap_or("");
            if file_part.is_empty() {
                continue; // a fragment of the same page
            }
            assert!(
                !file_part.starts_with('/'),
                "root-absolute link {target} in {path}"
            );
            let resolved = normalize(&dir.join(&folder).join(file_part));
            assert!(
                resolved.starts_with(dir),
                "{target} in {path} leaves the site"
            );
            assert!(
                resolved.is_file(),
                "{target} in {path}: {} does not exist",
                resolved.display()
            );
            checked += 1;
        }
    }
    checked + check_fragments(dir)
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every link to a fragment (`#h-notes`, `../x/index.html#L12`) whose page
/// is in the site must name an `id` on that page, as a browser finds it
/// (the fragment percent-decoded). Returns how many were checked.
pub fn check_fragments(dir: &Path) -> usize {
    let href = regex::Regex::new(r#"\shref="([^"]*)""#).unwrap();
    let id = regex::Regex::new(r#"\sid="([^"]*)""#).unwrap();
    let pages: BTreeMap<String, String> = read_tree(dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect();
    let ids: BTreeMap<&str, std::collections::BTreeSet<String>> = pages
        .iter()
        .map(|(path, html)| {
            let ids = id.captures_iter(html).map(|c| c[1].replace("&amp;", "&"));
            (path.as_str(), ids.collect())
        })
        .collect();
    let mut checked = 0;
    for (path, html) in &pages {
        let folder = Path::new(path).parent().unwrap_or(Path::new(""));
        for capture in href.captures_iter(html) {
            let target = capture[1].replace("&amp;", "&");
            let Some((file_part, fragment)) = target.split_once('#') else {
                continue;
            };
            if fragment.is_empty() || target.contains("://") {
                continue;
            }
            let page = if file_part.is_empty() {
                path.clone()
            } else {
                normalize(&folder.join(file_part))
                    .to_string_lossy()
                    .replace('\\', "/")
            };
            let Some(page_ids) = ids.get(page.as_str()) else {
                continue;
            };
            let fragment = percent_decoded(fragment);
            assert!(
                page_ids.contains(&fragment),
                "{target} in {path}: {page} has no id {fragment:?}"
            );
            checked += 1;
        }
    }
    checked
}

/// `text` with its `%XX` escapes decoded (as UTF-8).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[at], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Two string fields of each entry of `project[list]`, `-` for one that
/// is missing: `field_pairs(project, "risks", "title", "severity")`.
pub fn field_pairs<'v>(
    project: &'v Value,
    list: &str,
    a: &str,
    b: &str,
) -> Vec<(&'v str, &'v str)> {
    (project[list].as_array().into_iter().flatten())
        .map(|entry| {
            (
                entry[a].as_str().unwrap_or("-"),
                entry[b].as_str().unwrap_or("-"),
            )
        })
        .collect()
}
