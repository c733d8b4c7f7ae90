//! The extraction cache, `<root>/.sitrep-cache/`: an unchanged document is
//! neither decoded nor extracted again.
//!
//! An entry holds what ingest and extraction made of one file (its front
//! matter, its ingest diagnostics and its [`DocumentStatus`]) under a key
//! that hashes everything they depend on: the file's bytes and path, the
//! sitrep build (version and executable), the as-of date and the config keys
//! extraction reads. Any change gives another key, so an entry is never
//! stale, only unused; unused entries are pruned after a build.
//!
//! Beside them, each project as a build assembled it ([`Cache::project`]),
//! under the key of everything it was assembled from, with its section tree
//! left encoded ([`crate::model::Sections`]): a rebuild after one document
//! changed takes every other project from there whole, neither decoding
//! its documents' statuses nor assembling it again.
//!
//! Its index ([`Index`]) records which file each document was when the
//! last build read it, so that a build takes a settled, unchanged file's key
//! from there instead of reading and hashing the file.
//!
//! The cache is an accelerator, never a source of truth: entries are written
//! atomically (a temporary file, then a rename), carry a checksum, and one
//! that cannot be read, decoded or checked is a miss, never an error. Failing
//! to write the cache does not fail a build either.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::config::Config;
use crate::ingest::FrontMatter;
use crate::memo::Identity;
use crate::model::{
    Diagnostic, DocumentStatus, LateItem, Packed, Project, SourcesElided, Stowed, Tally,
};

/// The cache folder, under the portal root (`sitrep init` gitignores it).
pub const FOLDER: &str = ".sitrep-cache";

/// First bytes of every document entry; the last one is the entry format version.
const MAGIC: &[u8; 8] = b"sitrep\0\x04";

/// First bytes of every project entry; the last one is its format version.
const PROJECT_MAGIC: &[u8; 8] = b"sitrepP\x04";

/// Bytes before the payload: magic, key, payload checksum.
const HEADER: usize = 8 + 16 + 16;

/// A 128-bit content hash (xxh3).
pub type Key = u128;

/// What the cache keeps of one document. Its ingest results come first,
/// so that they can be read without its status ([`Cache::ingested`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub ingested: Ingested,
    /// Kept encoded as it is stored: decoded only if its project must be
    /// assembled again.
    pub status: Packed<DocumentStatus>,
}

/// What ingest made of a document besides its text: all a build needs of
/// one whose project it takes from the cache whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ingested {
    pub front_matter: FrontMatter,
    /// Ingest diagnostics (decoding, mojibake, front matter).
    pub diagnostics: Vec<Diagnostic>,
}

impl Ingested {
    pub fn of(document: &crate::ingest::Document) -> Ingested {
        Ingested {
            front_matter: document.front_matter.clone(),
            diagnostics: document.diagnostics.clone(),
        }
    }
}

/// What the cache keeps of an assembled project: the project (its sections
/// encoded) and what `status.json` leaves out of it.
#[derive(Serialize, Deserialize)]
struct ProjectEntry<P> {
    project: P,
    as_of_at: Option<(String, usize)>,
    declared_health_at: Option<(String, usize)>,
    late_items: Stowed<Vec<LateItem>>,
    tally: Tally,
}

/// The cache of one build: where it lives (none with `--no-cache`) and the
/// part of every key that is the same for all documents.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
    seed: Key,
}

impl Cache {
    /// The cache under `root`, for a build with this config and as-of date.
    pub fn open(root: &Path, config: &Config, as_of: NaiveDate) -> Cache {
        Cache {
            dir: Some(root.join(FOLDER)),
            seed: seed(config, as_of),
        }
    }

    /// A cache that finds nothing and keeps nothing (`--no-cache`); its keys
    /// still name documents' contents.
    pub fn disabled(config: &Config, as_of: NaiveDate) -> Cache {
        Cache {
            dir: None,
            seed: seed(config, as_of),
        }
    }

    /// The folder of the cache; `None` when disabled.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The key of the file `source` holding `bytes`.
    pub fn key(&self, source: &str, bytes: &[u8]) -> Key {
        let mut hasher = Xxh3::new();
        hasher.update(&self.seed.to_le_bytes());
        hasher.update(&(source.len() as u64).to_le_bytes());
        hasher.update(source.as_bytes());
        hasher.update(bytes);
        hasher.digest128()
    }

    /// The entry stored under `key`, if there is a sound one.
    pub fn get(&self, key: Key) -> Option<Entry> {
        self.read(MAGIC, key, |payload| postcard::from_bytes(payload))
    }

    /// The front matter and ingest diagnostics of the entry under `key`,
    /// without decoding its status.
    pub fn ingested(&self, key: Key) -> Option<Ingested> {
        self.read(MAGIC, key, |payload| {
            postcard::take_from_bytes(payload).map(|(ingested, _status)| ingested)
        })
    }

    /// Stores `entry` under `key`; a failure only costs the next build time.
    pub fn put(&self, key: Key, entry: &Entry) {
        self.write(MAGIC, key, entry);
    }

    /// The project assembled from the inputs whose key is `key`
    /// (`build::project_key`), if there is a sound entry; its sections are
    /// decoded only when read.
    pub fn project(&self, key: Key) -> Option<Project> {
        let entry: ProjectEntry<Project> =
            self.read(PROJECT_MAGIC, key, |payload| postcard::from_bytes(payload))?;
        Some(Project {
            as_of_at: entry.as_of_at,
            declared_health_at: entry.declared_health_at,
            late_items: entry.late_items,
            tally: entry.tally,
            ..entry.project
        })
    }

    /// Stores `project`, assembled from the inputs whose key is `key`.
    pub fn put_project(&self, key: Key, project: &Project) {
        let entry = ProjectEntry {
            project,
            as_of_at: project.as_of_at.clone(),
            declared_health_at: project.declared_health_at.clone(),
            late_items: project.late_items.clone(),
            tally: project.tally,
        };
        self.write(PROJECT_MAGIC, key, &entry);
    }

    /// What `read` makes of the payload of the entry under `key`, if there
    /// is a sound one of the format `magic`.
    fn read<T>(
        &self,
        magic: &[u8; 8],
        key: Key,
        read: impl FnOnce(&[u8]) -> postcard::Result<T>,
    ) -> Option<T> {
        let bytes = std::fs::read(self.path(key)?).ok()?;
        decode(magic, key, &bytes, read)
    }

    /// Writes `value` under `key`, framed by `magic`; a failure only costs
    /// the next build time.
    fn write(&self, magic: &[u8; 8], key: Key, value: &impl Serialize) {
        let Some(path) = self.path(key) else {
            return;
        };
        let Some(bytes) = encode(magic, key, value) else {
            return;
        };
        write_atomically(&path, &bytes);
    }

    /// Removes every entry whose key is not in `used` (and leftovers of
    /// interrupted writes), so the cache holds one build's worth.
    pub fn prune(&self, used: &FxHashSet<Key>) {
        let Some(dir) = &self.dir else {
            return;
        };
        let Ok(shards) = std::fs::read_dir(dir) else {
            return;
        };
        for shard in shards.filter_map(Result::ok) {
            let Ok(entries) = std::fs::read_dir(shard.path()) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name();
                let keep = name
                    .to_str()
                    .and_then(|n| n.strip_suffix(".bin"))
                    .and_then(|hex| Key::from_str_radix(hex, 16).ok())
                    .is_some_and(|key| used.contains(&key));
                if !keep {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }

    /// Which file each document was when the last build with this cache
    /// read it ([`Index`]); empty when there is none for this build (another
    /// sitrep, config or as-of date), or it cannot be read.
    pub(crate) fn index(&self) -> Index {
        let read = || -> Option<Index> {
            let bytes = std::fs::read(self.dir.as_ref()?.join(INDEX_FILE)).ok()?;
            let index: Index = postcard::from_bytes(unframed(INDEX_MAGIC, &bytes)?).ok()?;
            (index.seed == self.seed).then_some(index)
        };
        read().unwrap_or_default()
    }

    /// Records which file each document was, with what ingest made of it
    /// (`files`, by source), for the next build, which began reading at
    /// `read_started_ns`. A failure only costs the next build the reading.
    pub(crate) fn save_index(&self, read_started_ns: u128, files: FxHashMap<String, IndexedFile>) {
        let Some(dir) = &self.dir else {
            return;
        };
        let index = Index {
            seed: self.seed,
            read_started_ns,
            files,
        };
        if let Some(bytes) = framed(INDEX_MAGIC, &index) {
            write_atomically(&dir.join(INDEX_FILE), &bytes);
        }
    }

    /// `<dir>/ab/abcdef….bin`: 256 folders keep each one small.
    fn path(&self, key: Key) -> Option<PathBuf> {
        let hex = format!("{key:032x}");
        Some(
            self.dir
                .as_ref()?
                .join(&hex[..2])
                .join(format!("{hex}.bin")),
        )
    }
}

/// Writes `bytes` to `file` (its folder made if missing) through a
/// temporary file renamed over it, so a reader never sees half a file. A
/// failure leaves nothing behind and is not an error: what the cache and
/// the page memo write only saves the next build time.
pub(crate) fn write_atomically(file: &Path, bytes: &[u8]) {
    let temporary = file.with_extension(format!("{}.tmp", std::process::id()));
    let written = file
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&temporary, bytes))
        .and_then(|()| std::fs::rename(&temporary, file));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
}

/// `magic`, the checksum of `value`'s encoding, then that encoding: the
/// frame of the cache's index and of the page memo. Written in one buffer
/// of the exact size (measured by encoding once without writing): the page
/// memo of 10,000 projects (7 MB) is saved at the end of a rebuild, at its
/// peak memory, and encoding it into a growing buffer, then copying that
/// behind its magic, held three buffers at once.
pub(crate) fn framed(magic: &[u8; 8], value: &impl Serialize) -> Option<Vec<u8>> {
    let size =
        postcard::serialize_with_flavor(value, postcard::ser_flavors::Size::default()).ok()?;
    let mut bytes = Vec::with_capacity(magic.len() + 16 + size);
    bytes.extend_from_slice(magic);
    bytes.extend_from_slice(&[0; 16]);
    let mut bytes = postcard::to_extend(value, bytes).ok()?;
    seal(&mut bytes, magic.len());
    Some(bytes)
}

/// Writes at `at` the checksum of what follows its 16 bytes.
fn seal(bytes: &mut [u8], at: usize) {
    let (head, payload) = bytes.split_at_mut(at + 16);
    head[at..].copy_from_slice(&xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes());
}

/// The payload [`framed`] put in `bytes`, if they start with `magic` and
/// the payload matches its checksum.
pub(crate) fn unframed<'b>(magic: &[u8; 8], bytes: &'b [u8]) -> Option<&'b [u8]> {
    let (checksum, payload) = bytes.strip_prefix(magic)?.split_at_checked(16)?;
    let checksum = Key::from_le_bytes(checksum.try_into().ok()?);
    (xxhash_rust::xxh3::xxh3_128(payload) == checksum).then_some(payload)
}

/// The index of the cache, `<dir>/index.bin`.
const INDEX_FILE: &str = "index.bin";

/// First bytes of the index; the last one is its format version.
const INDEX_MAGIC: &[u8; 8] = b"sitrepi\x02";

/// Which file each document was when the last build read it (inode, size,
/// modification time: [`Identity`]) and the key its bytes had. A file with
/// the same identity, last modified well before that build began reading
/// ([`Identity::settled_before`]), holds the same bytes: a `sitrep build`
/// after an edit takes its key from here instead of reading and hashing it
/// (at 10,000 documents, 9,999 files), as git's index spares hashing
/// unchanged files. Valid only for the keys' seed (the same sitrep, config
/// and as-of date).
///
/// It also holds what ingest made of each file (front matter, ingest
/// diagnostics: [`Ingested`]), which a build needs of every document, to
/// group them into projects, even when it takes every project from the
/// cache whole: then it opens no entry of an unchanged document at all.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Index {
    seed: Key,
    read_started_ns: u128,
    files: FxHashMap<String, IndexedFile>,
}

/// One document of the [`Index`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct IndexedFile {
    pub identity: Identity,
    pub key: Key,
    pub ingested: Ingested,
}

impl Index {
    /// The key of `source`'s bytes and what ingest made of them, if the
    /// file is the one the last build read (`identity`, taken before
    /// reading) and had settled by then.
    pub(crate) fn unchanged(
        &self,
        source: &str,
        identity: Option<Identity>,
    ) -> Option<&IndexedFile> {
        let identity = identity?;
        let file = self.files.get(source)?;
        (file.identity == identity && identity.settled_before(self.read_started_ns)).then_some(file)
    }
}

/// The part of every key that does not depend on the document: the sitrep
/// build, the as-of date (the reference year of dates and of overdue
/// milestones) and the config keys extraction reads.
fn seed(config: &Config, as_of: NaiveDate) -> Key {
    let mut hasher = Xxh3::new();
    hasher.update(MAGIC);
    hasher.update(build_fingerprint().as_bytes());
    hasher.update(as_of.to_string().as_bytes());
    let read_by_extraction = (
        &config.date_order,
        &config.health,
        &config.vocabulary,
        &config.progress,
    );
    hasher.update(
        serde_json::to_string(&read_by_extraction)
            .unwrap_or_default()
            .as_bytes(),
    );
    hasher.digest128()
}

/// The sitrep version and the running executable's fingerprint: what every
/// cached result depends on besides its inputs.
pub fn build_fingerprint() -> String {
    format!(
        "{} {:032x}",
        env!("CARGO_PKG_VERSION"),
        executable_fingerprint()
    )
}

/// Size and modification time of the running executable: a rebuilt sitrep
/// (whose extraction may differ while the version number does not) gets a
/// cache of its own.
fn executable_fingerprint() -> u128 {
    let Some(metadata) = std::env::current_exe()
        .ok()
        .and_then(|path| path.metadata().ok())
    else {
        return 0;
    };
    let modified = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos());
    modified ^ (u128::from(metadata.len()) << 96)
}

/// `value` encoded, paths elided, after `magic`, `key` and a checksum.
///
/// The value is encoded straight behind its header, then the checksum is
/// written in place (no copy of the payload). Entries are written by the
/// thousand, so they are not measured first as [`framed`] measures the
/// memo: the buffer starts at a small entry's size and grows.
fn encode(magic: &[u8; 8], key: Key, value: &impl Serialize) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(HEADER + 1024);
    bytes.extend_from_slice(magic);
    bytes.extend_from_slice(&key.to_le_bytes());
    bytes.extend_from_slice(&[0; 16]);
    let mut bytes = {
        let _elided = SourcesElided::begin();
        postcard::to_extend(value, bytes).ok()?
    };
    seal(&mut bytes, HEADER - 16);
    Some(bytes)
}

/// What `read` makes of the payload in `bytes`, if they are whole, of the
/// format `magic`, for `key`, and the payload matches its checksum.
fn decode<T>(
    magic: &[u8; 8],
    key: Key,
    bytes: &[u8],
    read: impl FnOnce(&[u8]) -> postcard::Result<T>,
) -> Option<T> {
    if bytes.len() < HEADER || &bytes[..8] != magic {
        return None;
    }
    let stored_key = Key::from_le_bytes(bytes[8..24].try_into().ok()?);
    let checksum = Key::from_le_bytes(bytes[24..40].try_into().ok()?);
    let payload = &bytes[HEADER..];
    if stored_key != key || xxhash_rust::xxh3::xxh3_128(payload) != checksum {
        return None;
    }
    let _elided = SourcesElided::begin();
    read(payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Diagnostic;

    /// The document entry in `bytes`, as [`Cache::get`] reads it.
    fn read_entry(key: Key, bytes: &[u8]) -> Option<Entry> {
        decode(MAGIC, key, bytes, |payload| postcard::from_bytes(payload))
    }

    /// A cache in `dir` for the default config, as of 2026-11-01.
    fn cache_in(dir: &Path) -> Cache {
        Cache::open(
            dir,
            &Config::default(),
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        )
    }

    fn entry() -> Entry {
        Entry {
            ingested: Ingested {
                front_matter: FrontMatter {
                    title: Some("Refonte".into()),
                    tags: vec!["a".into()],
                    ..FrontMatter::default()
                },
                diagnostics: vec![Diagnostic::warning("stale", "a.md", 3, "old")],
            },
            status: Packed::new(&DocumentStatus {
                title: Some("Refonte".into()),
                as_of: NaiveDate::from_ymd_opt(2026, 1, 15),
                ..DocumentStatus::default()
            }),
        }
    }

    #[test]
    fn an_entry_comes_back_as_it_was_stored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let key = cache.key("a.md", b"# Refonte\n");
        assert_eq!(cache.get(key), None);
        cache.put(key, &entry());
        assert_eq!(cache.get(key), Some(entry()));
    }

    /// In an entry, a path equal to the one before it is stored once; the
    /// entry reads back whole, and JSON written afterwards has every path.
    #[test]
    fn repeated_paths_are_stored_once_and_read_back() {
        let item = |text: &str, source: &str| crate::model::Item {
            text: text.into(),
            status: crate::model::Status::Todo,
            percent: None,
            owner: None,
            id: None,
            points: None,
            due: None,
            source: source.into(),
            line: 3,
            children: Vec::new(),
        };
        let mut status = entry().status.unpack();
        status.sections = vec![crate::model::Section {
            title: "Lot".into(),
            level: 2,
            line: 1,
            source: "lot-one.md".into(),
            progress: None,
            declared_progress: None,
            health: None,
            counts: crate::model::Counts::default(),
            items: vec![
                item("un", "lot-one.md"),
                item("deux", "lot-one.md"),
                item("trois", "lot-two.md"),
                item("quatre", "lot-one.md"),
            ],
            sections: Vec::new(),
        }];
        let stored = Entry {
            status: Packed::new(&status),
            ..entry()
        };
        let bytes = encode(MAGIC, 7, &stored).unwrap();
        let encoding = stored.status.encoding();
        let occurrences = |path: &[u8]| {
            let windows = encoding.windows(path.len());
            windows.filter(|w| *w == path).count()
        };
        // `lot-one.md` again after `lot-two.md`: written twice of four times.
        assert_eq!(occurrences(b"lot-one.md"), 2);
        assert_eq!(occurrences(b"lot-two.md"), 1);
        assert_eq!(read_entry(7, &bytes), Some(stored.clone()));
        let read = read_entry(7, &bytes).unwrap().status.unpack();
        assert_eq!(read, status);
        let json = serde_json::to_string(&read.sections[0].items).unwrap();
        assert_eq!(json.matches("\"lot-one.md\"").count(), 3, "{json}");
    }

    #[test]
    fn the_ingest_results_of_an_entry_are_read_without_its_status() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let key = cache.key("a.md", b"# Refonte\n");
        cache.put(key, &entry());
        let ingested = entry().ingested;
        assert_eq!(cache.ingested(key), Some(ingested));
        assert_eq!(cache.ingested(key + 1), None);
    }

    /// A project of two documents, with what `status.json` leaves out.
    fn project() -> Project {
        let item = |text: &str, source: &str, due| crate::model::Item {
            text: text.into(),
            status: crate::model::Status::Todo,
            percent: None,
            owner: Some("@lea".into()),
            id: None,
            points: None,
            due,
            source: source.into(),
            line: 7,
            children: Vec::new(),
        };
        let section = |title: &str, source: &str, items| crate::model::Section {
            title: title.into(),
            level: 2,
            line: 5,
            source: source.into(),
            progress: Some(0.0),
            declared_progress: None,
            health: Some(crate::model::Health::Red),
            counts: crate::model::Counts::default(),
            items,
            sections: Vec::new(),
        };
        let due = NaiveDate::from_ymd_opt(2026, 10, 1);
        let late = item("Recette", "a/index.md", due);
        let sections = vec![
            section("Lot 1", "a/index.md", vec![late.clone()]),
            section("Jalons", "a/notes.md", vec![item("Go", "a/notes.md", None)]),
        ];
        let mut project: Project = serde_json::from_value(serde_json::json!({
            "slug": "a", "title": "A", "name": "A", "url": "a/",
            "sources": ["a/index.md", "a/notes.md"], "as_of": "2026-10-15",
            "owner": null, "tags": [], "weight": 0, "start": null, "end": null,
            "health": "red", "health_reason": "1 item overdue",
            "declared_health": "green", "stale": false, "progress": 0.0,
            "progress_method": "items", "declared_progress": null,
            "declarations": [], "counts": {"done": 0, "in_progress": 0, "todo": 2,
            "blocked": 0, "cancelled": 0, "total": 2}, "sections": [],
            "milestones": [], "risks": [], "people": [], "diagnostics": []
        }))
        .unwrap();
        project.sections = sections.into();
        project.as_of_at = Some(("a/index.md".into(), 3));
        project.declared_health_at = Some(("a/notes.md".into(), 2));
        project.late_items = LateItem::gather(&project.sections, NaiveDate::MAX).into();
        project
    }

    #[test]
    fn a_project_comes_back_whole_its_sections_decoded_when_read() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let stored = project();
        assert_eq!(stored.late_items.len(), 1, "the overdue item");
        cache.put_project(5, &stored);
        let read = cache.project(5).expect("stored");
        assert!(read.sections.is_packed() && read.late_items.is_packed());
        assert_eq!(read, stored);
        assert!(read.sections.is_packed(), "compared, not kept decoded");
        assert_eq!(&*read.sections[1].items[0].source, "a/notes.md");
        assert!(!read.sections.is_packed());
        assert_eq!(cache.project(6), None, "another key");
        // A document's entry is not a project, nor the other way round.
        cache.put(7, &entry());
        assert_eq!(cache.project(7), None);
        assert_eq!(cache.get(5), None);
    }

    #[test]
    fn keys_change_with_bytes_path_date_and_extraction_config() {
        let dir = tempfile::tempdir().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let config = Config::default();
        let base = Cache::open(dir.path(), &config, day).key("a.md", b"x");
        assert_ne!(
            base,
            Cache::open(dir.path(), &config, day).key("b.md", b"x")
        );
        assert_ne!(
            base,
            Cache::open(dir.path(), &config, day).key("a.md", b"y")
        );
        let next_day = day.succ_opt().unwrap();
        assert_ne!(
            base,
            Cache::open(dir.path(), &config, next_day).key("a.md", b"x")
        );
        let mdy = Config {
            date_order: crate::config::DateOrder::Mdy,
            ..Config::default()
        };
        assert_ne!(base, Cache::open(dir.path(), &mdy, day).key("a.md", b"x"));
        // The title is not read by extraction: same key.
        let titled = Config {
            written_title: Some("Other".into()),
            ..Config::default()
        };
        assert_eq!(
            base,
            Cache::open(dir.path(), &titled, day).key("a.md", b"x")
        );
    }

    #[test]
    fn a_damaged_entry_is_a_miss() {
        let key = 42;
        let bytes = encode(MAGIC, key, &entry()).unwrap();
        assert_eq!(read_entry(key, &bytes), Some(entry()));
        assert_eq!(read_entry(key + 1, &bytes), None, "another key's entry");
        assert_eq!(
            read_entry(key, &bytes[..bytes.len() - 1]),
            None,
            "truncated"
        );
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(read_entry(key, &flipped), None, "one bit changed");
        assert_eq!(read_entry(key, b"garbage"), None);
    }

    #[test]
    fn prune_keeps_only_the_entries_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path());
        let (a, b) = (cache.key("a.md", b"a"), cache.key("b.md", b"b"));
        cache.put(a, &entry());
        cache.put(b, &entry());
        cache.prune(&FxHashSet::from_iter([a]));
        assert!(cache.get(a).is_some());
        assert!(cache.get(b).is_none());
    }

    #[test]
    fn the_index_vouches_for_settled_files_of_the_same_build_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "# A\n").unwrap();
        let identity = Identity::of(&file);
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let cache = Cache::open(dir.path(), &Config::default(), day);
        let key = cache.key("a.md", b"# A\n");
        let ingested = entry().ingested;
        let indexed = IndexedFile {
            identity: identity.unwrap(),
            key,
            ingested: ingested.clone(),
        };
        let files = FxHashMap::from_iter([("a.md".to_string(), indexed)]);
        let unchanged = |index: &Index, source: &str, identity| {
            let file: Option<&IndexedFile> = index.unchanged(source, identity);
            file.map(|file| (file.key, file.ingested.clone()))
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        // Read by a build that began a minute later: settled.
        cache.save_index(now + 60_000_000_000, files.clone());
        let index = cache.index();
        assert_eq!(unchanged(&index, "a.md", identity), Some((key, ingested)));
        assert_eq!(unchanged(&index, "b.md", identity), None, "another file");
        assert_eq!(unchanged(&index, "a.md", None), None, "no identity");
        // Written within two seconds of that build's start: not settled.
        cache.save_index(now + 1_000_000_000, files.clone());
        assert_eq!(unchanged(&cache.index(), "a.md", identity), None);
        // Another as-of date gives other keys: the index is not used.
        cache.save_index(now + 60_000_000_000, files);
        let next_day = Cache::open(dir.path(), &Config::default(), day.succ_opt().unwrap());
        assert_eq!(unchanged(&next_day.index(), "a.md", identity), None);
        // Damaged: empty, not an error.
        std::fs::write(
            dir.path().join(FOLDER).join(INDEX_FILE),
            b"sitrepi\x01garbage",
        )
        .unwrap();
        assert_eq!(unchanged(&cache.index(), "a.md", identity), None);
    }
}
