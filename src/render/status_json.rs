//! `status.json`, written as `serde_json::to_writer_pretty` would write it,
//! but with the projects serialised in parallel a chunk at a time.
//!
//! At 10,000 projects the file is about 600 MB: serialised on one thread
//! it was the longest single step of a build, and held whole it would
//! double the build's memory. Each project is serialised on its own,
//! indented to its depth in the file ([`Indented`]), and written in
//! portfolio order.
//!
//! A project's part of the file is a function of its inputs, like its page:
//! a rebuild copies the part of each unchanged project from the previous
//! build's file (the [`Memo`] knows where it is) rather than serialising
//! it again, which was about a seventh of a rebuild's CPU at 10,000 projects.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::{Memo, Output, Part};
use crate::cache::Key;
use crate::model::{PortfolioStatus, Project};
use serde::Serialize;

/// Where the parts of unchanged projects can be found: each project's key
/// (`None`: serialise it), and the memo of the previous build's file.
pub struct Parts<'a> {
    pub keys: &'a [Option<Key>],
    pub memo: &'a dyn Memo,
    /// How many parts were copied (for `build --verbose`).
    pub copied: AtomicUsize,
}

/// The file the parts are in, for the [`Memo`].
const FILE: &str = "status.json";

/// Projects serialised together before they are written.
const CHUNK: usize = 64;

/// The indentation of a project's lines inside `"projects": [ … ]`.
const PROJECT_INDENT: &[u8] = b"    ";

/// Writes `portfolio` as pretty JSON, byte for byte what
/// `serde_json::to_writer_pretty` writes, then a final line break; the part
/// of each project whose key `parts` recalls is copied, not serialised.
pub fn write(
    out: &mut dyn Output,
    portfolio: &PortfolioStatus,
    parts: &Parts,
) -> std::io::Result<()> {
    let skeleton = PortfolioStatus {
        projects: Vec::new(),
        ..shallow(portfolio)
    };
    let skeleton = serde_json::to_string_pretty(&skeleton)?;
    const EMPTY: &str = "\n  \"projects\": []";
    let Some(at) = skeleton.find(EMPTY) else {
        // Not the shape this module knows: write it the plain way.
        serde_json::to_writer_pretty(&mut *out, portfolio)?;
        return out.write_all(b"\n");
    };
    let open = at + EMPTY.len() - 1;
    let mut out = Counted { out, written: 0 };
    out.write_all(&skeleton.as_bytes()[..open])?;
    // Copied parts not written yet: the parts of projects that follow one
    // another in the previous file too, with the separators between them,
    // copied in one piece (one system call instead of one per project).
    let mut run: Option<Part> = None;
    for (index, chunk) in portfolio.projects.chunks(CHUNK).enumerate() {
        let start = index * CHUNK;
        let serialised: Vec<(Option<Key>, Piece)> = chunk
            .par_iter()
            .enumerate()
            .map(|(offset, project)| {
                let key = parts.keys.get(start + offset).copied().flatten();
                match key.and_then(|key| parts.memo.recall_part(FILE, key)) {
                    Some(part) => {
                        parts.copied.fetch_add(1, Ordering::Relaxed);
                        Ok((key, Piece::Copied(part)))
                    }
                    None => serialised(project).map(|json| (key, Piece::Serialised(json))),
                }
            })
            .collect::<Result<_, _>>()?;
        for (offset, (key, project)) in serialised.iter().enumerate() {
            let first = index == 0 && offset == 0;
            let separator: &[u8] = if first { b"\n" } else { b",\n" };
            let begins = match project {
                Piece::Copied(part) => match run.as_ref().and_then(|r| r.joined(part, SEPARATOR)) {
                    // Consecutive here and in the previous file: the
                    // separator between them is already there.
                    Some(joined) => {
                        let begins = out.written + run_len(&run) + SEPARATOR;
                        run = Some(joined);
                        begins
                    }
                    None => {
                        flush(&mut out, &mut run)?;
                        out.write_all(separator)?;
                        run = Some(part.clone());
                        out.written
                    }
                },
                Piece::Serialised(bytes) => {
                    flush(&mut out, &mut run)?;
                    out.write_all(separator)?;
                    out.write_all(bytes)?;
                    out.written - bytes.len() as u64
                }
            };
            if let Some(key) = key {
                let len = match project {
                    Piece::Copied(part) => part.len(),
                    Piece::Serialised(bytes) => bytes.len() as u64,
                };
                parts.memo.remember_part(FILE, *key, begins..begins + len);
            }
        }
    }
    flush(&mut out, &mut run)?;
    if !portfolio.projects.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(&skeleton.as_bytes()[open..])?;
    out.write_all(b"\n")
}

/// The separator between two projects' parts (`,\n`), as a length: a
/// part that begins this far after the end of another in the previous
/// file followed it there, so the bytes between them are this separator.
const SEPARATOR: u64 = 2;

/// Writes the pending run of copied parts, if any.
fn flush(out: &mut Counted<'_>, run: &mut Option<Part>) -> std::io::Result<()> {
    match run.take() {
        Some(part) => out.copy_part(&part),
        None => Ok(()),
    }
}

/// How many bytes the pending run holds.
fn run_len(run: &Option<Part>) -> u64 {
    run.as_ref().map_or(0, Part::len)
}

/// One project's part of the file: serialised now, or copied from the
/// previous build's file.
enum Piece {
    Serialised(Vec<u8>),
    Copied(Part),
}

/// A writer that counts the bytes written, for where each part begins.
struct Counted<'w> {
    out: &'w mut dyn Output,
    written: u64,
}

impl Output for Counted<'_> {
    fn copy_part(&mut self, part: &Part) -> std::io::Result<()> {
        self.out.copy_part(part)?;
        self.written += part.len();
        Ok(())
    }
}

impl Write for Counted<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.written += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// `project` as pretty JSON, each of its lines indented by
/// [`PROJECT_INDENT`]: its part of the file.
fn serialised(project: &Project) -> serde_json::Result<Vec<u8>> {
    let mut json = Vec::with_capacity(64 << 10);
    json.extend_from_slice(PROJECT_INDENT);
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, Indented::default());
    project.serialize(&mut serializer)?;
    Ok(json)
}

/// serde_json's `PrettyFormatter` (two spaces a level), from the depth of
/// a project in the file ([`PROJECT_INDENT`]) so that its lines need no
/// second pass, writing each line's indentation at once: written a level
/// at a time, indentation was a good part of serialising the deep trees
/// of items. The output is byte for byte the same (a test compares them).
#[derive(Default)]
struct Indented {
    /// Levels below the project's own.
    depth: usize,
    has_value: bool,
}

impl Indented {
    /// `separator` (a line break, after a comma or not), then the
    /// indentation of the current depth.
    fn new_line(&self, out: &mut (impl Write + ?Sized), separator: &[u8]) -> std::io::Result<()> {
        static SPACES: [u8; 64] = [b' '; 64];
        out.write_all(separator)?;
        let mut left = PROJECT_INDENT.len() + 2 * self.depth;
        while left > 0 {
            let now = left.min(SPACES.len());
            out.write_all(&SPACES[..now])?;
            left -= now;
        }
        Ok(())
    }

    fn open(&mut self, out: &mut (impl Write + ?Sized), bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close(&mut self, out: &mut (impl Write + ?Sized), bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out, b"\n")?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The portfolio without its projects (the small part, cloned).
fn shallow(portfolio: &PortfolioStatus) -> PortfolioStatus {
    PortfolioStatus {
        schema: portfolio.schema,
        generator: portfolio.generator.clone(),
        title: portfolio.title.clone(),
        description: portfolio.description.clone(),
        as_of: portfolio.as_of,
        built_at: portfolio.built_at.clone(),
        projects: Vec::new(),
        diagnostics: portfolio.diagnostics.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Diagnostic, Project};

    fn portfolio(projects: usize) -> PortfolioStatus {
        let project = |index: usize| {
            let mut project: Project = serde_json::from_value(serde_json::json!({
                "slug": format!("p{index}"), "title": "Refonte \"client\"\nportail", "name": "Refonte",
                "url": format!("p{index}/"), "sources": [format!("p{index}.md")], "as_of": null,
                "owner": null, "tags": [], "weight": 0, "start": null, "end": null,
                "health": "amber", "health_reason": "", "declared_health": null, "stale": false,
                "progress": 12.5, "progress_method": "items", "declared_progress": null,
                "declarations": [], "counts": {"done": 1, "in_progress": 0, "todo": 1, "blocked": 0, "cancelled": 0, "total": 2},
                "sections": [], "milestones": [], "risks": [], "people": [], "diagnostics": []
            }))
            .expect("a project");
            // A tree of items two levels deep in sections two levels deep,
            // with empty lists and objects on the way.
            project.sections = serde_json::from_value(serde_json::json!([{
                "title": "Lot 1", "level": 2, "line": 4, "source": format!("p{index}.md"),
                "progress": 50.0, "declared_progress": null, "health": null,
                "counts": {"done": 1, "in_progress": 0, "todo": 1, "blocked": 0, "cancelled": 0, "total": 2},
                "items": [{
                    "text": "Recette", "status": "todo", "percent": null, "owner": "@lea",
                    "id": null, "points": null, "due": "2026-12-01", "source": format!("p{index}.md"),
                    "line": 6, "children": [{
                        "text": "Jeu d'essai", "status": "done", "percent": 100.0, "owner": null,
                        "id": "T-1", "points": 3.0, "due": null, "source": format!("p{index}.md"),
                        "line": 7, "children": []
                    }]
                }],
                "sections": [{
                    "title": "Lot 1.1", "level": 3, "line": 9, "source": format!("p{index}.md"),
                    "progress": null, "declared_progress": null, "health": "green",
                    "counts": {"done": 0, "in_progress": 0, "todo": 0, "blocked": 0, "cancelled": 0, "total": 0},
                    "items": [], "sections": []
                }]
            }]))
            .expect("sections");
            project.diagnostics.push(Diagnostic::warning(
                "stale",
                &format!("p{index}.md"),
                3,
                "last updated long ago".to_string(),
            ));
            project
        };
        PortfolioStatus {
            schema: 1,
            generator: "sitrep test".into(),
            title: "Portefeuille".into(),
            description: None,
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            built_at: Some("2026-11-01T00:00:00Z".into()),
            projects: (0..projects).map(project).collect(),
            diagnostics: vec![Diagnostic::error(
                "unreadable-file",
                "x.md",
                1,
                "cannot read".to_string(),
            )],
        }
    }

    /// Byte for byte serde_json's pretty output, with no project, one, and
    /// enough to span several chunks.
    #[test]
    fn writes_what_serde_json_writes() {
        for count in [0, 1, 2, CHUNK, 2 * CHUNK + 3] {
            let portfolio = portfolio(count);
            let mut ours = Vec::new();
            let none = Parts {
                keys: &[],
                memo: &crate::render::NoMemo,
                copied: AtomicUsize::new(0),
            };
            write(&mut ours, &portfolio, &none).unwrap();
            let mut expected = serde_json::to_vec_pretty(&portfolio).unwrap();
            expected.push(b'\n');
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(expected).unwrap(),
                "{count} projects"
            );
        }
    }

    /// A memo of parts kept in memory: what one write left, for the next.
    #[derive(Default)]
    struct Previous {
        file: std::sync::Arc<Vec<u8>>,
        ranges: std::sync::Mutex<std::collections::HashMap<Key, std::ops::Range<u64>>>,
    }

    impl Memo for Previous {
        fn recall(&self, _path: &str, _key: Key) -> Option<Vec<crate::render::source::Anchors>> {
            None
        }

        fn remember(&self, _path: &str, _key: Key, _anchors: Vec<crate::render::source::Anchors>) {}

        fn recall_part(&self, file: &str, key: Key) -> Option<Part> {
            assert_eq!(file, FILE);
            let range = self.ranges.lock().unwrap().get(&key)?.clone();
            Some(Part::InMemory {
                bytes: std::sync::Arc::clone(&self.file),
                range: range.start as usize..range.end as usize,
            })
        }

        fn remember_part(&self, _file: &str, key: Key, range: std::ops::Range<u64>) {
            self.ranges.lock().unwrap().insert(key, range);
        }
    }

    /// A rebuild copies the parts of unchanged projects and serialises the
    /// changed one, and the file is still serde_json's output.
    #[test]
    fn unchanged_parts_are_copied_and_the_file_is_the_same() {
        let count = CHUNK + 5;
        let mut portfolio = portfolio(count);
        let keys: Vec<Option<Key>> = (0..count as u128).map(Some).collect();
        let first = Previous::default();
        let parts = Parts {
            keys: &keys,
            memo: &first,
            copied: AtomicUsize::new(0),
        };
        let mut file = Vec::new();
        write(&mut file, &portfolio, &parts).unwrap();
        assert_eq!(
            parts.copied.into_inner(),
            0,
            "nothing to copy the first time"
        );
        let previous = Previous {
            file: std::sync::Arc::new(file),
            ranges: first.ranges,
        };

        // Project 7 changed: it has a new key, and the others are copied.
        portfolio.projects[7].progress = Some(99.5);
        portfolio.projects[7].title = "Autre titre".into();
        let mut keys = keys;
        keys[7] = Some(1_000);
        let parts = Parts {
            keys: &keys,
            memo: &previous,
            copied: AtomicUsize::new(0),
        };
        let mut ours = Vec::new();
        write(&mut ours, &portfolio, &parts).unwrap();
        assert_eq!(parts.copied.into_inner(), count - 1);
        let mut expected = serde_json::to_vec_pretty(&portfolio).unwrap();
        expected.push(b'\n');
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
}
