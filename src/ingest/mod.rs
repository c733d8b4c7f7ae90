//! Ingest: walking `content/`, decoding bytes to text, repairing mojibake,
//! reading front matter, and grouping documents into projects
//! (`EXTRACTION.md` §1-2). Nothing here interprets a status.

pub mod decode;
pub mod front_matter;
pub mod mojibake;
pub mod names;
pub mod projects;
pub mod shortcodes;
pub mod walk;

use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::messages;
use crate::model::Diagnostic;

/// Front matter keys a document may set (`EXTRACTION.md` §2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// The programme the project belongs to: the portfolio groups its
    /// projects by it once the list is long.
    pub program: Option<String>,
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
    /// How its bytes were decoded (`None`: not known here, as for a
    /// document the cache described), so that the file read again for its
    /// page decodes as it did without the searches that found out how
    /// ([`Document::from_bytes_as`]).
    pub decoding: Option<Decoding>,
}

/// What decoding a file's bytes found out, besides its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decoding {
    /// The legacy encoding detected for bytes that are not UTF-8.
    pub legacy: Option<&'static encoding_rs::Encoding>,
    /// Whether mojibake repair changed the text.
    pub repaired: bool,
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
    /// The images under `content/`, which the site holds copies of under
    /// `files/` (`walk::IMAGE_EXTENSIONS`), in walk order.
    pub images: Vec<walk::Found>,
    /// Problems that belong to no single document (unreadable files, duplicate slugs).
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every document under `content_dir` into projects. Fails only
/// when `content_dir` itself cannot be read; a bad file becomes a
/// diagnostic.
pub fn load(content_dir: &Path) -> anyhow::Result<Content> {
    let (content, _) = load_with(content_dir, |found| {
        let bytes = read_bytes(found)?;
        Ok((Document::from_bytes(&found.source, bytes), ()))
    })?;
    Ok(content)
}

/// Reads every document like [`load`], but lets `read` make each file
/// found into its [`Document`] and keep something of its own beside it, so
/// that a build can extract a document while its bytes are at hand (or take
/// it from a cache, or from the previous build without reading it) and drop
/// its text. `read` reads the file with [`read_bytes`] when it needs it.
/// What it keeps is returned by source path. Files are read in parallel.
pub fn load_with<T: Send>(
    content_dir: &Path,
    read: impl Fn(&walk::Found) -> Result<(Document, T), Diagnostic> + Sync,
) -> anyhow::Result<(Content, FxHashMap<String, T>)> {
    let walked = walk::walk(content_dir)?;
    let results: Vec<_> = (walked.files.par_iter())
        .map(|found| read(found).map(|(document, kept)| (document, (found.source.clone(), kept))))
        .collect();
    let mut documents = Vec::with_capacity(results.len());
    let mut kept = FxHashMap::with_capacity_and_hasher(results.len(), Default::default());
    let mut diagnostics = walked.diagnostics;
    for result in results {
        match result {
            Ok((document, (source, mine))) => {
                documents.push(document);
                kept.insert(source, mine);
            }
            Err(unreadable) => diagnostics.push(unreadable),
        }
    }
    let mut content = projects::group(documents);
    diagnostics.append(&mut content.diagnostics);
    content.diagnostics = diagnostics;
    content.images = walked.images;
    Ok((content, kept))
}

/// The bytes of a file found, or the diagnostic that says it cannot be read.
pub fn read_bytes(found: &walk::Found) -> Result<Vec<u8>, Diagnostic> {
    std::fs::read(&found.path).map_err(|e| {
        Diagnostic::error(
            "unreadable-file",
            &found.source,
            1,
            messages::CANNOT_READ.say(&[&e]),
        )
    })
}

impl Document {
    /// Decodes, repairs and splits one file's bytes (`EXTRACTION.md` §1):
    /// decoding first, then mojibake repair (so a front matter `title` is
    /// repaired too), then front matter; last, GitHub's emoji shortcodes
    /// become their emoji ([`shortcodes`]).
    ///
    /// Bytes given by value are not copied on the way (a clean UTF-8 file
    /// without front matter becomes its text as it is).
    pub fn from_bytes(source: &str, bytes: impl Into<Vec<u8>>) -> Document {
        Document::from_bytes_as(source, bytes, None)
    }

    /// [`Document::from_bytes`] for the bytes of a file read before, which
    /// decode as they did then (`known`, that document's
    /// [`Document::decoding`]): chardetng does not guess their encoding
    /// again, and a text that needed no repair is not searched for
    /// mojibake again. The guess and the search were about 3 % of the CPU
    /// of a large build, where a page reads most texts a second time.
    pub fn from_bytes_as(
        source: &str,
        bytes: impl Into<Vec<u8>>,
        known: Option<Decoding>,
    ) -> Document {
        let mut diagnostics = Vec::new();
        let decoded = decode::decode_as(bytes, known.and_then(|known| known.legacy));
        for note in &decoded.notes {
            diagnostics.push(match note {
                decode::Note::Legacy { encoding } => Diagnostic::warning(
                    "decoded-legacy",
                    source,
                    1,
                    messages::DECODED_LEGACY.say(&[&encoding]),
                ),
                decode::Note::Binary { removed } => Diagnostic::warning(
                    "binary-content",
                    source,
                    1,
                    messages::BINARY_CONTENT.say(&[&removed]),
                ),
            });
        }
        let repair = match known {
            Some(Decoding {
                repaired: false, ..
            }) => mojibake::Repair {
                text: decoded.text,
                ..mojibake::Repair::default()
            },
            _ => mojibake::repair(decoded.text),
        };
        if let Some(line) = repair.first_line {
            diagnostics.push(Diagnostic::warning(
                "repaired-mojibake",
                source,
                line,
                repair_message(&repair),
            ));
        }
        let decoding = Decoding {
            legacy: decoded.detected,
            repaired: repair.runs > 0,
        };
        let split = front_matter::split(repair.text);
        diagnostics.extend(split.problems.into_iter().map(|problem| {
            Diagnostic::warning(
                "invalid-front-matter",
                source,
                problem.line,
                problem.message,
            )
        }));
        Document {
            source: source.to_string(),
            text: shortcodes::replace(split.text),
            front_matter: split.front_matter,
            diagnostics,
            decoding: Some(decoding),
        }
    }
}

/// `repaired 1158 runs of mojibake (UTF-8 once read as windows-1252/1254); 4
/// broken emoji dropped`.
fn repair_message(repair: &mojibake::Repair) -> String {
    let code_pages = repair.code_pages.join(" and ");
    let mut message = match repair.runs {
        1 => messages::REPAIRED_ONE_RUN.say(&[&code_pages]),
        runs => messages::REPAIRED_RUNS.say(&[&runs, &code_pages]),
    };
    let dropped = match repair.dropped {
        0 => return message,
        1 => messages::DROPPED_ONE_SYMBOL.say(&[]),
        dropped => messages::DROPPED_SYMBOLS.say(&[&dropped]),
    };
    message.push_str("; ");
    message.push_str(&dropped);
    message
}
