//! The page memo: a project page whose inputs did not change since the
//! previous build is kept (hard-linked from the live site) instead of being
//! rendered and minified again.
//!
//! A project page is a function of its documents (their cache keys, which
//! hash their bytes and paths), its slug, and what every page shares: the
//! sitrep build, the config, the as-of date, the templates and the recorded
//! snapshots ([`crate::render::page_seed`]). The memo records, for the
//! output folder, each project page's key, the line anchors of its documents
//! (the cross-project pages link to lines) and the identity of the file the
//! build left (inode, size, modification time), in
//! `.sitrep-cache/pages-<hash of the output path>.bin`. A page is kept only
//! when its key is the same and the live file is still that very file, so a
//! page edited by hand, or an output replaced by something else, is
//! rendered again. Like the extraction cache, a memo that cannot be read is
//! empty, never an error.
//!
//! The memo also records where each project's part of `status.json` lies
//! in the file the build left (and that file's identity), so that a
//! rebuild copies the parts of unchanged projects instead of serialising
//! them again ([`crate::render::status_json`]).

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::cache::Key;
use crate::output::{Kept, Manifest};
use crate::render::source::Anchors;
use crate::render::{Memo, Part};

/// First bytes of a memo file; the last one is the format version.
const MAGIC: &[u8; 8] = b"sitrepm\x03";

/// What the memo knows of one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Record {
    key: Key,
    anchors: Vec<Anchors>,
    identity: Identity,
}

/// How long before a build began reading a file must have been last
/// modified for its identity to vouch for its content
/// ([`Identity::settled_before`]).
const SETTLED_NS: u128 = 2_000_000_000;

/// Which file a path names: a page kept by the memo must be the very file
/// the previous build left, not one edited or replaced since (and `serve`
/// reads again only the documents whose identity changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Identity {
    inode: u64,
    len: u64,
    modified_ns: u128,
}

impl Identity {
    /// The file's size in bytes.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// The identity of the regular file at `path` (`None`: not one, or gone).
    pub(crate) fn of(path: &Path) -> Option<Identity> {
        Identity::from_metadata(&std::fs::symlink_metadata(path).ok()?)
    }

    /// Whether the file was last modified long enough before `read_started_ns`
    /// (a build began reading then) for its identity to vouch for what that
    /// build read: a file changed again within the same tick of a coarse
    /// clock (some file systems keep seconds, or two) keeps its size and
    /// time. Git's index has the same rule.
    pub(crate) fn settled_before(&self, read_started_ns: u128) -> bool {
        self.modified_ns + SETTLED_NS < read_started_ns
    }

    /// The identity a `stat` gave (`None`: not a regular file).
    pub(crate) fn from_metadata(metadata: &std::fs::Metadata) -> Option<Identity> {
        if !metadata.is_file() {
            return None;
        }
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(metadata);
        #[cfg(not(unix))]
        let inode = 0;
        let modified_ns = metadata
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(Identity {
            inode,
            len: metadata.len(),
            modified_ns,
        })
    }
}

/// A page of this build: the key of its inputs and its documents' anchors.
type Made = (Key, Vec<Anchors>);

/// A page `serve` holds: its anchors are shared by the rebuilds that keep
/// it, not copied into each.
type Held = (Key, Arc<Vec<Anchors>>);

/// Where the parts of a file lie, by the key of their inputs.
type Ranges = FxHashMap<Key, Range<u64>>;

/// What the memo file holds.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    pages: FxHashMap<String, Record>,
    /// Files made of parts (`status.json`): their identity and their parts.
    parts: FxHashMap<String, (Identity, Ranges)>,
    /// Every file of the output folder, and of the spare beside it
    /// ([`crate::output::Staging`]).
    live: Option<Manifest>,
    spare: Option<Manifest>,
}

/// The memo of one output folder, for one build.
pub struct PageMemo {
    /// Where the memo is stored; `None` with `--no-cache` (remembers nothing).
    file: Option<PathBuf>,
    /// The live output the previous pages are in.
    out_dir: PathBuf,
    previous: Stored,
    /// Pages of this build: path → key and anchors.
    next: Mutex<FxHashMap<String, Made>>,
    /// Parts of files of this build: file → key → where its bytes lie.
    next_parts: Mutex<FxHashMap<String, Ranges>>,
    /// The previous build's files made of parts, opened once (`None`: gone
    /// or changed since).
    opened: Mutex<FxHashMap<String, Option<Arc<std::fs::File>>>>,
}

impl PageMemo {
    /// The memo of `out_dir`, stored under `cache_dir` (none: a memo that
    /// recalls and keeps nothing).
    pub fn load(cache_dir: Option<&Path>, out_dir: &Path) -> PageMemo {
        let file = cache_dir.map(|dir| {
            let absolute = std::path::absolute(out_dir).unwrap_or_else(|_| out_dir.to_path_buf());
            let hash = xxhash_rust::xxh3::xxh3_128(absolute.to_string_lossy().as_bytes());
            dir.join(format!("pages-{hash:032x}.bin"))
        });
        let previous = file
            .as_deref()
            .and_then(|file| std::fs::read(file).ok())
            .and_then(|bytes| decode(&bytes))
            .unwrap_or_default();
        PageMemo {
            file,
            out_dir: out_dir.to_path_buf(),
            previous,
            next: Mutex::default(),
            next_parts: Mutex::default(),
            opened: Mutex::default(),
        }
    }

    /// What the memo knows of the live output and of the spare beside it
    /// (taken: the staging folder keeps it for the build). A memo that
    /// stores nothing keeps no spare.
    pub fn take_kept(&mut self) -> Kept {
        Kept {
            live: self.previous.live.take(),
            spare: self.previous.spare.take(),
            keep_spare: self.file.is_some(),
        }
    }

    /// The previous build's `file`, if it is still the file the memo knows.
    fn previous_file(&self, file: &str) -> Option<Arc<std::fs::File>> {
        let mut opened = lock(&self.opened);
        opened
            .entry(file.to_string())
            .or_insert_with(|| {
                let (identity, _) = self.previous.parts.get(file)?;
                let path = self.out_dir.join(file);
                let opened = std::fs::File::open(&path).ok()?;
                (Identity::of(&path) == Some(*identity)).then(|| Arc::new(opened))
            })
            .clone()
    }

    /// Records this build's pages with the identity of the files now in the
    /// output folder, and the manifests of that folder and of the spare
    /// (`kept`); call after the new site was swapped in.
    pub fn save(self, kept: Kept) {
        let PageMemo {
            file,
            out_dir,
            previous,
            next,
            next_parts,
            opened,
        } = self;
        // The previous build's records (10 MB at 10,000 projects) are not
        // needed any more: freed before this build's are encoded, at a
        // rebuild's peak memory.
        drop((previous, opened));
        let Some(file) = &file else {
            return;
        };
        let next = next.into_inner().unwrap_or_else(|p| p.into_inner());
        // The manifest knows each file's identity; else one `stat` per page.
        let identity_of = |path: &str| {
            kept.live
                .as_ref()
                .and_then(|manifest| manifest.identity(path))
                .or_else(|| Identity::of(&out_dir.join(path)))
        };
        let pages: FxHashMap<String, Record> = next
            .into_par_iter()
            .filter_map(|(path, (key, anchors))| {
                let identity = identity_of(&path)?;
                Some((
                    path,
                    Record {
                        key,
                        anchors,
                        identity,
                    },
                ))
            })
            .collect();
        let next_parts = next_parts.into_inner().unwrap_or_else(|p| p.into_inner());
        let parts = next_parts
            .into_iter()
            .filter_map(|(path, ranges)| {
                let identity = Identity::of(&out_dir.join(&path))?;
                Some((path, (identity, ranges)))
            })
            .collect();
        let stored = Stored {
            pages,
            parts,
            live: kept.live,
            spare: kept.spare,
        };
        if let Some(bytes) = crate::cache::framed(MAGIC, &stored) {
            crate::cache::write_atomically(file, &bytes);
        }
    }
}

impl Memo for PageMemo {
    fn recall(&self, path: &str, key: Key) -> Option<Vec<Anchors>> {
        let record = self.previous.pages.get(path)?;
        if record.key != key || Identity::of(&self.out_dir.join(path)) != Some(record.identity) {
            return None;
        }
        self.remember(path, key, record.anchors.clone());
        Some(record.anchors.clone())
    }

    fn enabled(&self) -> bool {
        self.file.is_some()
    }

    fn remember(&self, path: &str, key: Key, anchors: Vec<Anchors>) {
        if self.file.is_some() {
            lock(&self.next).insert(path.to_string(), (key, anchors));
        }
    }

    fn recall_part(&self, file: &str, key: Key) -> Option<Part> {
        let range = self.previous.parts.get(file)?.1.get(&key)?.clone();
        let file = self.previous_file(file)?;
        Some(Part::InFile { file, range })
    }

    fn remember_part(&self, file: &str, key: Key, range: Range<u64>) {
        if self.file.is_some() {
            lock(&self.next_parts)
                .entry(file.to_string())
                .or_default()
                .insert(key, range);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// The memo of `serve`: the project pages of the last good rebuild, whose
/// bytes the server holds in memory (so no file identity to check).
#[derive(Default)]
pub struct MemoryMemo {
    previous: FxHashMap<String, Held>,
    next: Mutex<FxHashMap<String, Held>>,
    /// The served files made of parts, with where their parts lie.
    previous_parts: FxHashMap<String, (crate::render::MemoryFile, Ranges)>,
    next_parts: Mutex<FxHashMap<String, Ranges>>,
}

impl MemoryMemo {
    /// The memo for the rebuild after a good one: what this one made into
    /// `files`, the site now served.
    pub fn after_success(self, files: &crate::build::SharedFiles) -> MemoryMemo {
        let next_parts = self
            .next_parts
            .into_inner()
            .unwrap_or_else(|p| p.into_inner());
        let previous = self.next.into_inner().unwrap_or_else(|p| p.into_inner());
        // Sized as this rebuild's pages, which the next one mostly holds again.
        let next = FxHashMap::with_capacity_and_hasher(previous.len(), Default::default());
        MemoryMemo {
            previous,
            next: Mutex::new(next),
            previous_parts: next_parts
                .into_iter()
                .filter_map(|(file, ranges)| {
                    Some((file.clone(), (files.get(&file)?.clone(), ranges)))
                })
                .collect(),
            next_parts: Mutex::default(),
        }
    }

    /// The memo for the rebuild after a failed one: the site served is
    /// still the previous one.
    pub fn after_failure(self) -> MemoryMemo {
        MemoryMemo {
            previous: self.previous,
            next: Mutex::default(),
            previous_parts: self.previous_parts,
            next_parts: Mutex::default(),
        }
    }
}

impl MemoryMemo {
    /// Notes a page of this rebuild; the path is copied before the lock is
    /// taken, as every page of a rebuild comes through here.
    fn hold(&self, path: &str, held: Held) {
        let path = path.to_string();
        lock(&self.next).insert(path, held);
    }
}

impl Memo for MemoryMemo {
    fn recall(&self, path: &str, key: Key) -> Option<Vec<Anchors>> {
        let (previous_key, anchors) = self.previous.get(path)?;
        if *previous_key != key {
            return None;
        }
        self.hold(path, (key, Arc::clone(anchors)));
        Some(anchors.to_vec())
    }

    fn remember(&self, path: &str, key: Key, anchors: Vec<Anchors>) {
        self.hold(path, (key, Arc::new(anchors)));
    }

    fn recall_part(&self, file: &str, key: Key) -> Option<Part> {
        let (served, ranges) = self.previous_parts.get(file)?;
        let range = ranges.get(&key)?;
        let start = usize::try_from(range.start).ok()?;
        let end = usize::try_from(range.end).ok()?;
        served.part(start..end)
    }

    fn remember_part(&self, file: &str, key: Key, range: Range<u64>) {
        lock(&self.next_parts)
            .entry(file.to_string())
            .or_default()
            .insert(key, range);
    }
}

/// The records in `bytes`, if they are whole and of this format.
fn decode(bytes: &[u8]) -> Option<Stored> {
    postcard::from_bytes(crate::cache::unframed(MAGIC, bytes)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of the part `memo` recalls for `key` in `status.json`.
    fn recalled(memo: &dyn Memo, key: Key) -> Option<Vec<u8>> {
        Some(memo.recall_part("status.json", key)?.to_vec().unwrap())
    }

    #[test]
    fn a_page_is_recalled_only_with_its_key_and_its_very_file() {
        let cache = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        std::fs::create_dir(out.path().join("alpha")).unwrap();
        std::fs::write(out.path().join("alpha/index.html"), "page").unwrap();
        let memo = PageMemo::load(Some(cache.path()), out.path());
        assert_eq!(memo.recall("alpha/index.html", 7), None, "empty at first");
        memo.remember("alpha/index.html", 7, vec![Anchors::from([1, 3])]);
        memo.save(Kept::default());

        let memo = PageMemo::load(Some(cache.path()), out.path());
        assert_eq!(memo.recall("alpha/index.html", 8), None, "another key");
        assert_eq!(
            memo.recall("alpha/index.html", 7),
            Some(vec![Anchors::from([1, 3])])
        );

        // The file replaced by another (a hand edit): rendered again.
        std::fs::remove_file(out.path().join("alpha/index.html")).unwrap();
        std::fs::write(out.path().join("alpha/index.html"), "edited, longer").unwrap();
        let memo = PageMemo::load(Some(cache.path()), out.path());
        assert_eq!(memo.recall("alpha/index.html", 7), None);
    }

    #[test]
    fn a_part_is_recalled_only_with_its_key_and_its_very_file() {
        let cache = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        std::fs::write(out.path().join("status.json"), "[alpha,beta]").unwrap();
        let memo = PageMemo::load(Some(cache.path()), out.path());
        assert_eq!(recalled(&memo, 1), None, "empty at first");
        memo.remember_part("status.json", 1, 1..6);
        memo.remember_part("status.json", 2, 7..11);
        memo.save(Kept::default());

        let memo = PageMemo::load(Some(cache.path()), out.path());
        assert_eq!(recalled(&memo, 2), Some(b"beta".to_vec()));
        assert_eq!(recalled(&memo, 1), Some(b"alpha".to_vec()));
        assert_eq!(recalled(&memo, 3), None, "another key");

        // The file replaced by another: no part of it is trusted.
        std::fs::remove_file(out.path().join("status.json")).unwrap();
        std::fs::write(out.path().join("status.json"), "[gamma,delta]").unwrap();
        let memo = PageMemo::load(Some(cache.path()), out.path());
        assert_eq!(recalled(&memo, 1), None);
    }

    #[test]
    fn serve_recalls_parts_of_the_file_it_serves() {
        let memo = MemoryMemo::default();
        memo.remember_part("status.json", 5, 2..5);
        let mut files = crate::build::SharedFiles::default();
        let served = crate::render::MemoryFile::Whole(Arc::new(b"[ abc ]".to_vec()));
        files.insert("status.json".into(), served);
        let memo = memo.after_success(&files);
        assert_eq!(recalled(&memo, 5), Some(b"abc".to_vec()));
        assert_eq!(recalled(&memo, 6), None);
        // A failed rebuild serves the same site: the parts are still there.
        let memo = memo.after_failure();
        assert_eq!(recalled(&memo, 5), Some(b"abc".to_vec()));
    }

    #[test]
    fn a_damaged_memo_is_empty() {
        let cache = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        std::fs::write(out.path().join("a.html"), "x").unwrap();
        let memo = PageMemo::load(Some(cache.path()), out.path());
        memo.remember("a.html", 1, Vec::new());
        memo.save(Kept::default());
        for entry in std::fs::read_dir(cache.path()).unwrap() {
            let path = entry.unwrap().path();
            let mut bytes = std::fs::read(&path).unwrap();
            let last = bytes.len() - 1;
            bytes[last] ^= 0xff;
            std::fs::write(&path, bytes).unwrap();
        }
        let memo = PageMemo::load(Some(cache.path()), out.path());
        assert_eq!(memo.recall("a.html", 1), None);
    }
}
