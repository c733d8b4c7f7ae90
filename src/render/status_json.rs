//! `status.json`, laid out a line per item, milestone, risk and the like
//! ([`Layout`]), with the projects serialised in parallel a chunk at a time.
//!
//! At 10,000 projects the file is about 400 MB: serialised on one thread
//! it was the longest single step of a build, and held whole it would
//! double the build's memory. Each project is serialised on its own,
//! indented to its depth in the file ([`Layout::project`]), and written in
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
use serde_json::ser::{CompactFormatter, Formatter};

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

/// Writes `portfolio` byte for byte as [`to_string`] lays it out; the part
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
    let skeleton = to_string(&skeleton)?;
    const EMPTY: &str = "\n  \"projects\": []";
    let Some(at) = skeleton.find(EMPTY) else {
        // Not the shape this module knows: write it the plain way.
        return out.write_all(to_string(portfolio)?.as_bytes());
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
    out.write_all(&skeleton.as_bytes()[open..])
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
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, Layout::project());
    project.serialize(&mut serializer)?;
    Ok(json)
}

/// How `status.json` is laid out, in the style of the contract's example:
///
/// - the portfolio, each project and each section: one member per line;
/// - every other object (an item, a milestone, a risk, a person, a
///   diagnostic, a declaration, `counts`): on one line;
/// - an array of plain values (`sources`, `tags`): on one line;
/// - an array of objects: one element per line, a level (two spaces)
///   deeper than the line it opens on, its `]` back on that line's level.
///
/// So a document's line is a line of the file (a ticked checkbox is a
/// one-line diff between two snapshots), and the file is 40 % smaller
/// than with every member on its own line: at 10,000 projects that was
/// hundreds of megabytes of indentation, written (or copied) every build.
///
/// serde_json calls the formatter around each value without saying what
/// comes next, so an array's shape is decided by its first element, and
/// the separator before an element waits for it ([`Layout::pending`]).
#[derive(Default)]
struct Layout {
    /// The containers open, innermost last.
    open: Vec<Open>,
    /// The object key being written, while `in_key`, else the last one.
    key: String,
    in_key: bool,
    /// An array element begins: whether it is the first, till it shows
    /// whether it is a container.
    pending: Option<bool>,
}

/// An open object or array.
struct Open {
    /// Objects: one member per line (`Lines`) or all on one (`Inline`).
    /// Arrays: decided by the first element (`None` while empty).
    shape: Option<Shape>,
    /// The indentation level of the line the container closes on.
    level: usize,
    /// An array whose objects get a line per member (`projects`,
    /// `sections`).
    expands_objects: bool,
    is_array: bool,
    /// Whether a member or element was written.
    filled: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Lines,
    Inline,
}

/// The arrays whose objects are written a member per line.
const EXPANDED: [&str; 2] = ["projects", "sections"];

impl Layout {
    /// The formatter of one project's part: as if inside the portfolio's
    /// `"projects": [`, its first line already indented.
    fn project() -> Layout {
        Layout {
            open: vec![Open {
                shape: Some(Shape::Lines),
                level: 1,
                expands_objects: true,
                is_array: true,
                filled: false,
            }],
            ..Layout::default()
        }
    }

    /// A line break, then the indentation of `level`.
    fn new_line(out: &mut (impl Write + ?Sized), level: usize) -> std::io::Result<()> {
        static SPACES: [u8; 65] = {
            let mut spaces = [b' '; 65];
            spaces[0] = b'\n';
            spaces
        };
        let mut left = 1 + 2 * level;
        let mut line = &SPACES[..];
        while left > 0 {
            let now = left.min(line.len());
            out.write_all(&line[..now])?;
            left -= now;
            line = &SPACES[1..];
        }
        Ok(())
    }

    /// A value begins (`container`: an object or array): writes the
    /// separator an array element was waiting for.
    fn value(&mut self, out: &mut (impl Write + ?Sized), container: bool) -> std::io::Result<()> {
        let Some(first) = self.pending.take() else {
            return Ok(());
        };
        let Some(array) = self.open.last_mut() else {
            return Ok(());
        };
        let shape = *array.shape.get_or_insert(if container {
            Shape::Lines
        } else {
            Shape::Inline
        });
        array.filled = true;
        match shape {
            Shape::Lines => {
                if !first {
                    out.write_all(b",")?;
                }
                Layout::new_line(out, array.level + 1)
            }
            Shape::Inline if first => Ok(()),
            Shape::Inline => out.write_all(b", "),
        }
    }

    /// The level of a container's line, opened inside the innermost one.
    fn level_inside(&self) -> usize {
        match self.open.last() {
            None => 0,
            Some(parent) if parent.shape == Some(Shape::Lines) => parent.level + 1,
            Some(parent) => parent.level,
        }
    }

    fn begin(&mut self, out: &mut (impl Write + ?Sized), is_array: bool) -> std::io::Result<()> {
        self.value(out, true)?;
        let level = self.level_inside();
        let shape = if is_array {
            None
        } else if self.open.last().is_none_or(|parent| parent.expands_objects) {
            Some(Shape::Lines)
        } else {
            Some(Shape::Inline)
        };
        let expands_objects = is_array
            && self.open.last().is_some_and(|parent| !parent.is_array)
            && EXPANDED.contains(&self.key.as_str());
        self.open.push(Open {
            shape,
            level,
            expands_objects,
            is_array,
            filled: false,
        });
        out.write_all(if is_array { b"[" } else { b"{" })
    }

    fn end(&mut self, out: &mut (impl Write + ?Sized)) -> std::io::Result<()> {
        let Some(open) = self.open.pop() else {
            return Ok(());
        };
        if open.filled && open.shape == Some(Shape::Lines) {
            Layout::new_line(out, open.level)?;
        }
        out.write_all(if open.is_array { b"]" } else { b"}" })
    }
}

/// A scalar value: the separator it waits for, then what serde_json's
/// compact formatter writes.
macro_rules! scalar {
    ($($method:ident($type:ty)),* $(,)?) => {
        $(
            fn $method<W: ?Sized + Write>(&mut self, out: &mut W, value: $type) -> std::io::Result<()> {
                self.value(out, false)?;
                CompactFormatter.$method(out, value)
            }
        )*
    };
}

impl Formatter for Layout {
    scalar!(
        write_bool(bool),
        write_i8(i8),
        write_i16(i16),
        write_i32(i32),
        write_i64(i64),
        write_i128(i128),
        write_u8(u8),
        write_u16(u16),
        write_u32(u32),
        write_u64(u64),
        write_u128(u128),
        write_f32(f32),
        write_f64(f64),
        write_number_str(&str),
        write_raw_fragment(&str),
    );

    fn write_null<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.value(out, false)?;
        out.write_all(b"null")
    }

    fn begin_string<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        if !self.in_key {
            self.value(out, false)?;
        }
        out.write_all(b"\"")
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if self.in_key {
            self.key.push_str(fragment);
        }
        out.write_all(fragment.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.begin(out, true)
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.end(out)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        _out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.pending = Some(first);
        Ok(())
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.begin(out, false)
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.end(out)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.in_key = true;
        self.key.clear();
        let Some(object) = self.open.last_mut() else {
            return Ok(());
        };
        object.filled = true;
        if object.shape == Some(Shape::Lines) {
            if !first {
                out.write_all(b",")?;
            }
            Layout::new_line(out, object.level + 1)
        } else if first {
            Ok(())
        } else {
            out.write_all(b", ")
        }
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> std::io::Result<()> {
        Ok(())
    }
}

/// `value` as `status.json` lays it out ([`Layout`]), with a final line
/// break: what [`write()`] writes, serialised on one thread (for snapshots).
pub fn to_string(value: &impl Serialize) -> serde_json::Result<String> {
    let mut json = Vec::new();
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut json,
        Layout::default(),
    ))?;
    json.push(b'\n');
    // The formatter writes only what serde_json hands it and ASCII.
    Ok(String::from_utf8(json).expect("JSON is UTF-8"))
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
                "health": "amber", "health_reason": "", "declared_health": null,
                "areas": [{"name": "Budget", "health": "red", "note": null, "source": "p0.md", "line": 2}],
                "stale": false, "progress": 12.5, "progress_method": "items", "declared_progress": null,
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

    /// The layout the contract's example shows: a line per member in the
    /// portfolio, projects and sections, a line per object elsewhere, the
    /// children of an item a level below it.
    #[test]
    fn lays_out_a_line_per_item() {
        let expected = r#"{
  "schema": 1,
  "generator": "sitrep test",
  "title": "Portefeuille",
  "description": null,
  "as_of": "2026-11-01",
  "built_at": "2026-11-01T00:00:00Z",
  "projects": [
    {
      "slug": "p0",
      "title": "Refonte \"client\"\nportail",
      "name": "Refonte",
      "url": "p0/",
      "sources": ["p0.md"],
      "as_of": null,
      "owner": null,
      "tags": [],
      "weight": 0,
      "start": null,
      "end": null,
      "health": "amber",
      "health_reason": "",
      "declared_health": null,
      "areas": [
        {"name": "Budget", "health": "red", "note": null, "source": "p0.md", "line": 2}
      ],
      "stale": false,
      "progress": 12.5,
      "progress_method": "items",
      "declared_progress": null,
      "declarations": [],
      "counts": {"done": 1, "in_progress": 0, "todo": 1, "blocked": 0, "cancelled": 0, "total": 2},
      "sections": [
        {
          "title": "Lot 1",
          "level": 2,
          "line": 4,
          "source": "p0.md",
          "progress": 50.0,
          "declared_progress": null,
          "health": null,
          "counts": {"done": 1, "in_progress": 0, "todo": 1, "blocked": 0, "cancelled": 0, "total": 2},
          "items": [
            {"text": "Recette", "status": "todo", "percent": null, "owner": "@lea", "id": null, "points": null, "due": "2026-12-01", "source": "p0.md", "line": 6, "children": [
              {"text": "Jeu d'essai", "status": "done", "percent": 100.0, "owner": null, "id": "T-1", "points": 3.0, "due": null, "source": "p0.md", "line": 7, "children": []}
            ]}
          ],
          "sections": [
            {
              "title": "Lot 1.1",
              "level": 3,
              "line": 9,
              "source": "p0.md",
              "progress": null,
              "declared_progress": null,
              "health": "green",
              "counts": {"done": 0, "in_progress": 0, "todo": 0, "blocked": 0, "cancelled": 0, "total": 0},
              "items": [],
              "sections": []
            }
          ]
        }
      ],
      "milestones": [],
      "risks": [],
      "people": [],
      "diagnostics": [
        {"level": "warning", "code": "stale", "source": "p0.md", "line": 3, "message": "last updated long ago"}
      ]
    }
  ],
  "diagnostics": [
    {"level": "error", "code": "unreadable-file", "source": "x.md", "line": 1, "message": "cannot read"}
  ]
}
"#;
        assert_eq!(to_string(&portfolio(1)).unwrap(), expected);
    }

    /// Projects written in parallel give the file written on one thread,
    /// with no project, one, and enough to span several chunks; and it
    /// holds what serde_json makes of the portfolio.
    #[test]
    fn writes_the_file_whole_and_true() {
        for count in [0, 1, 2, CHUNK, 2 * CHUNK + 3] {
            let portfolio = portfolio(count);
            let mut ours = Vec::new();
            let none = Parts {
                keys: &[],
                memo: &crate::render::NoMemo,
                copied: AtomicUsize::new(0),
            };
            write(&mut ours, &portfolio, &none).unwrap();
            let ours = String::from_utf8(ours).unwrap();
            assert_eq!(ours, to_string(&portfolio).unwrap(), "{count} projects");
            let read: serde_json::Value = serde_json::from_str(&ours).unwrap();
            assert_eq!(read, serde_json::to_value(&portfolio).unwrap());
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
    /// changed one, and the file is the one written whole.
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
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            to_string(&portfolio).unwrap()
        );
    }
}
