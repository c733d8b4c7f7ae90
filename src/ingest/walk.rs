//! Finding the documents under `content/` (`EXTRACTION.md` §2).
//!
//! The walk is sorted (same folder, same order, on every machine), skips
//! hidden files and folders (`.git/`, `.obsidian/`, `.DS_Store`), follows a
//! symbolic link only when it stays inside `content/` (a portal folder
//! must not publish `~/.ssh` because someone linked it), survives link
//! loops, and reports whatever it cannot read instead of stopping.

use std::fs::Metadata;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use walkdir::{DirEntry, WalkDir};

use crate::memo::Identity;
use crate::messages;
use crate::model::Diagnostic;

/// File extensions of documents, compared without case.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// File extensions of the images a document may show (`![](burndown.png)`),
/// copied into the site. Not SVG: opened on its own, an SVG runs its
/// scripts with the portal's origin, and no sanitiser stands in the way.
pub const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "avif"];

/// An image larger than this is not copied (`image-not-copied`): a portal
/// is read from USB sticks and archives, and a 200 MB scan in `content/`
/// is a mistake more often than a picture.
pub const IMAGE_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A document file found under `content/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Content-relative path with `/` separators (`team/roadmap.md`).
    pub source: String,
    pub path: PathBuf,
    /// Inode, size and modification time, from the walk's own `stat` (of
    /// the file a link leads to): a build does not read again a settled
    /// file whose identity did not change (`cache::Index`, `serve`'s
    /// previous rebuild).
    pub(crate) identity: Option<Identity>,
}

/// Everything the walk found, in walk order (sorted by name, depth first).
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<Found>,
    /// The images ([`IMAGE_EXTENSIONS`]) the site holds copies of.
    pub images: Vec<Found>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `content_dir`; an error only when the folder itself cannot be read.
pub fn walk(content_dir: &Path) -> anyhow::Result<Walk> {
    let root = content_dir
        .canonicalize()
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", content_dir.display()))?;
    let mut walk = Walk::default();
    let mut outside = Vec::new();
    let mut documents = Vec::new();
    let mut images = Vec::new();
    let entries = WalkDir::new(content_dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|entry| keep(entry, &root, &mut outside));
    for entry in entries {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_file() && has_extension(entry.path(), DOCUMENT_EXTENSIONS) {
                    documents.push(entry.into_path());
                } else if entry.file_type().is_file()
                    && has_extension(entry.path(), IMAGE_EXTENSIONS)
                {
                    images.push(entry.into_path());
                }
            }
            Err(error) if error.depth() == 0 => {
                anyhow::bail!("cannot read {}: {error}", content_dir.display())
            }
            Err(error) => walk.diagnostics.push(walk_error(&error, content_dir)),
        }
    }
    // Sorted once, here: walkdir's sort compared names it took apart again
    // at each comparison (a twentieth of a `serve` rebuild).
    documents.sort_by_cached_key(|path| walk_order(path));
    // One `stat` per document, on every core: on one thread it was a
    // sixth of a `serve` rebuild at 10,000 documents.
    let stated: Vec<(PathBuf, Option<Metadata>)> = (documents.into_par_iter())
        .map(|path| {
            let metadata = std::fs::metadata(&path).ok();
            (path, metadata)
        })
        .collect();
    let mut seen = FxHashSet::default();
    for (path, metadata) in stated {
        if let Some(found) = found(path, metadata, content_dir, &mut seen, &mut walk) {
            walk.files.push(found);
        }
    }
    images.sort_by_cached_key(|path| walk_order(path));
    for path in images {
        let metadata = std::fs::metadata(&path).ok();
        if let Some(image) = found(path, metadata, content_dir, &mut seen, &mut walk) {
            if let Some(diagnostic) = image_unfit(&image) {
                walk.diagnostics.push(diagnostic);
            } else {
                walk.images.push(image);
            }
        }
    }
    walk.diagnostics.extend(outside.iter().map(|path| {
        Diagnostic::warning(
            "symlink-outside-content",
            &relative(path, content_dir),
            1,
            messages::SYMLINK_OUTSIDE_CONTENT.say(&[]),
        )
    }));
    walk.diagnostics.sort_by(|a, b| a.source.cmp(&b.source));
    Ok(walk)
}

/// What sorts paths in walk order: by name within a folder, a folder's
/// files right after its name, and numbers in names by their value, as a
/// person counts (`lot2.md` before `lot10.md`, `sprint-9/` before
/// `sprint-10/`). Comparing paths with the separator as the lowest byte
/// compares them name by name; each run of digits is written as its
/// length and its digits without leading zeros, so that runs compare by
/// value. The path's own bytes close the key: names equal in value
/// (`lot02.md`, `lot2.md`) still come in one order.
fn walk_order(path: &Path) -> Vec<u8> {
    let separators = [b'/', std::path::MAIN_SEPARATOR as u8];
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut key = Vec::with_capacity(bytes.len() * 2 + 1);
    let mut rest = bytes;
    while let Some((&byte, after)) = rest.split_first() {
        if byte.is_ascii_digit() {
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            let (run, after) = rest.split_at(digits);
            let zeros = run.iter().take_while(|&&b| b == b'0').count();
            let value = &run[zeros.min(digits - 1)..];
            // A run sorts where a digit does among other bytes, then by
            // its length, then by its digits.
            key.push(b'0');
            key.push(value.len().min(u8::MAX as usize) as u8);
            key.extend_from_slice(value);
            rest = after;
        } else {
            key.push(if separators.contains(&byte) { 0 } else { byte });
            rest = after;
        }
    }
    key.push(0);
    key.extend_from_slice(bytes);
    key
}

/// Whether the walk enters `entry`: not hidden, and not a link leading out
/// of `root` (those are collected in `outside`).
fn keep(entry: &DirEntry, root: &Path, outside: &mut Vec<PathBuf>) -> bool {
    if entry.depth() == 0 {
        return true;
    }
    if entry.file_name().to_string_lossy().starts_with('.') {
        return false;
    }
    if entry.path_is_symlink() {
        let inside = entry
            .path()
            .canonicalize()
            .is_ok_and(|target| target.starts_with(root));
        if !inside {
            outside.push(entry.path().to_path_buf());
            return false;
        }
    }
    true
}

/// Whether `path` ends with one of `extensions`, compared without case.
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

/// Why `image` is not copied into the site: too large, a name no site may
/// hold (a `\\`, a separator on Windows), or it cannot be opened (a file
/// of mode 000 still has a size). Said at the walk, where a build reports
/// what it could not read; copying it comes later.
fn image_unfit(image: &Found) -> Option<Diagnostic> {
    let not_copied = |message| Diagnostic::warning("image-not-copied", &image.source, 1, message);
    let size = image.identity.as_ref().map_or(0, Identity::len);
    if size > IMAGE_MAX_BYTES {
        let megabytes = size.div_ceil(1024 * 1024);
        let limit = IMAGE_MAX_BYTES >> 20;
        return Some(not_copied(
            messages::IMAGE_TOO_LARGE.say(&[&megabytes, &limit]),
        ));
    }
    if !crate::output::is_safe_relative(&image.source) {
        return Some(not_copied(messages::IMAGE_NAME_UNSAFE.say(&[])));
    }
    let error = std::fs::File::open(&image.path).err()?;
    let message = messages::CANNOT_READ.say(&[&error]);
    Some(Diagnostic::error(
        "unreadable-file",
        &image.source,
        1,
        message,
    ))
}

/// What tells two paths of one file apart from two files: its device and
/// inode where there are some (one `stat`, where resolving the whole path
/// took one per folder above it: a tenth of `serve`'s rebuild at 10,000
/// documents), else its resolved path.
#[derive(Debug, PartialEq, Eq, Hash)]
enum FileId {
    Inode(u64, u64),
    Path(PathBuf),
}

fn file_id(path: &Path, metadata: Option<&Metadata>) -> FileId {
    #[cfg(unix)]
    if let Some(metadata) = metadata {
        use std::os::unix::fs::MetadataExt;
        return FileId::Inode(metadata.dev(), metadata.ino());
    }
    FileId::Path(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()))
}

/// The file at `path`, unless a link already brought the same file in or
/// its name is not UTF-8 (said in `walk`'s diagnostics).
fn found(
    path: PathBuf,
    metadata: Option<Metadata>,
    content_dir: &Path,
    seen: &mut FxHashSet<FileId>,
    walk: &mut Walk,
) -> Option<Found> {
    if !seen.insert(file_id(&path, metadata.as_ref())) {
        return None;
    }
    let Some(source) = utf8_source(&path, content_dir) else {
        walk.diagnostics.push(Diagnostic::error(
            "unreadable-file",
            &relative(&path, content_dir),
            1,
            messages::FILE_NAME_NOT_UTF8.say(&[]),
        ));
        return None;
    };
    Some(Found {
        source,
        path,
        identity: metadata.as_ref().and_then(Identity::from_metadata),
    })
}

/// The content-relative path with `/` separators, if it is valid UTF-8.
fn utf8_source(path: &Path, content_dir: &Path) -> Option<String> {
    if let Some(source) = plain_source(path, content_dir) {
        return Some(source.to_string());
    }
    let relative = path.strip_prefix(content_dir).ok()?;
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}

/// The content-relative path cut from the text of `path`, where it is
/// what taking the path apart would give: `/` separators, the content
/// folder's path as the walk was given it, then names (no empty, `.` or
/// `..` part). Taking every path apart was a fifteenth of a `serve`
/// rebuild's read stage at 10,000 documents.
fn plain_source<'p>(path: &'p Path, content_dir: &Path) -> Option<&'p str> {
    if std::path::MAIN_SEPARATOR != '/' {
        return None;
    }
    let dir = content_dir.to_str()?;
    let rest = path.to_str()?.strip_prefix(dir)?;
    // The folder's path ends at a separator, not inside a name.
    let rest = if dir.ends_with('/') {
        rest
    } else {
        rest.strip_prefix('/')?
    };
    let plain = !content_dir.as_os_str().is_empty()
        && (rest.split('/')).all(|part| !part.is_empty() && part != "." && part != "..");
    plain.then_some(rest)
}

/// The content-relative path for messages (invalid UTF-8 shown as `�`).
fn relative(path: &Path, content_dir: &Path) -> String {
    let relative = path.strip_prefix(content_dir).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn walk_error(error: &walkdir::Error, content_dir: &Path) -> Diagnostic {
    let source = error
        .path()
        .map(|p| relative(p, content_dir))
        .unwrap_or_default();
    if error.loop_ancestor().is_some() {
        return Diagnostic::warning("symlink-loop", &source, 1, messages::SYMLINK_LOOP.say(&[]));
    }
    Diagnostic::error(
        "unreadable-file",
        &source,
        1,
        messages::CANNOT_READ.say(&[&error]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_compared_without_case() {
        let is_document = |path| has_extension(Path::new(path), DOCUMENT_EXTENSIONS);
        assert!(is_document("a/b.MD"));
        assert!(is_document("b.Markdown"));
        assert!(is_document("notes.txt"));
        assert!(!is_document("image.png"));
        assert!(!is_document("README"));
        let is_image = |path| has_extension(Path::new(path), IMAGE_EXTENSIONS);
        assert!(is_image("img/Burndown.PNG"));
        assert!(!is_image("diagram.svg"));
    }

    #[test]
    fn sources_cut_from_the_path_are_those_taken_apart() {
        for (path, dir) in [
            ("/p/content/a.md", "/p/content"),
            ("/p/content/a.md", "/p/content/"),
            ("/p/content/team/sub/b.md", "/p/content"),
            ("content/a.md", "content"),
            ("./content/a.md", "./content"),
            ("/p/content//a.md", "/p/content"),
            ("/p/content/./a.md", "/p/content"),
            ("/p/contents/a.md", "/p/content"),
        ] {
            let (path, dir) = (Path::new(path), Path::new(dir));
            let taken_apart = path.strip_prefix(dir).ok().map(|relative| {
                (relative.components())
                    .map(|c| c.as_os_str().to_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("/")
            });
            assert_eq!(utf8_source(path, dir), taken_apart, "{path:?} in {dir:?}");
        }
        assert_eq!(
            plain_source(Path::new("/p/content/team/b.md"), Path::new("/p/content")),
            Some("team/b.md")
        );
    }

    #[test]
    fn files_come_in_walk_order_by_name_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "b.md", "a.md", "a-c.md", "B.md", "a/z/q.md", "a/y.md", "a/b.md",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "# x\n").unwrap();
        }
        let sources: Vec<String> = walk(root)
            .unwrap()
            .files
            .into_iter()
            .map(|f| f.source)
            .collect();
        // A folder's files come where its name sorts: `a` before `a-c.md`,
        // which is before `a.md` ('-' < '.'); capitals first (byte order).
        let expected = [
            "B.md", "a/b.md", "a/y.md", "a/z/q.md", "a-c.md", "a.md", "b.md",
        ];
        assert_eq!(sources, expected);
    }

    #[test]
    fn numbers_in_names_come_in_the_order_of_their_values() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "lot10.md",
            "lot2.md",
            "lot1.md",
            "lot02.md",
            "sprint-10/a.md",
            "sprint-9/b.md",
            "v1.10.md",
            "v1.9.md",
            "2026-03-01.md",
            "2026-11-01.md",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "# x\n").unwrap();
        }
        let sources: Vec<String> = (walk(root).unwrap().files.into_iter())
            .map(|f| f.source)
            .collect();
        // Dates written with their zeros keep their order; `lot02` and
        // `lot2` are equal in value and come in byte order.
        let expected = [
            "2026-03-01.md",
            "2026-11-01.md",
            "lot1.md",
            "lot02.md",
            "lot2.md",
            "lot10.md",
            "sprint-9/b.md",
            "sprint-10/a.md",
            "v1.9.md",
            "v1.10.md",
        ];
        assert_eq!(sources, expected);
    }

    #[test]
    fn images_are_found_apart_and_a_huge_one_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "a.md",
            "img/chart.PNG",
            "img/photo.jpeg",
            "diagram.svg",
            ".git/x.png",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        // A scan of 17 MB (sparse: nothing is written).
        let scan = std::fs::File::create(root.join("img/scan.png")).unwrap();
        scan.set_len(17 * 1024 * 1024).unwrap();
        std::fs::write(root.join("img/a\\b.png"), "x").unwrap();
        let walked = walk(root).unwrap();
        let sources = |found: &[Found]| found.iter().map(|f| f.source.clone()).collect::<Vec<_>>();
        assert_eq!(sources(&walked.files), ["a.md"]);
        assert_eq!(sources(&walked.images), ["img/chart.PNG", "img/photo.jpeg"]);
        let said: Vec<(&str, &str, &str)> = (walked.diagnostics.iter())
            .map(|d| (d.code.as_str(), d.source.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert_eq!(said[0].0, "image-not-copied");
        assert_eq!(said[0].1, "img/a\\b.png");
        assert!(said[0].2.contains("backslash"), "{}", said[0].2);
        assert_eq!(said[1].0, "image-not-copied");
        assert_eq!(said[1].1, "img/scan.png");
        assert!(said[1].2.contains("(17 MB)"), "{}", said[1].2);
    }
}
