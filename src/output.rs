//! Output: the rendered site written to disk, atomically and only inside the
//! output folder.
//!
//! The new site is written into a staging folder beside the output folder
//! (with the cache on, the site the build before last left, brought up to
//! date), page by page as it is rendered, then swapped in, so a failed or
//! interrupted build leaves the previous site intact ([`Staging`]). Every path is checked to be a plain relative path before
//! anything is written: a slug like `../../x` can never escape.

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context as _};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::memo::Identity;
use crate::render::{Output, Part, Sink, Site};

/// Marker file that says a folder is a sitrep output, so that it may be replaced.
pub const MARKER: &str = ".sitrep-output";

/// Checks that `relative` is a plain relative path (no `..`, no root, no prefix).
pub fn is_safe_relative(relative: &str) -> bool {
    let path = Path::new(relative);
    !relative.is_empty()
        && !relative.contains('\\')
        && path
            .components()
            .all(|component| matches!(component, Component::Normal(_)))
}

/// Writes `site` to `out_dir`, replacing what was there (see [`Staging`]).
pub fn write_site(site: &Site, out_dir: &Path) -> anyhow::Result<()> {
    for relative in site.files.keys() {
        if !is_safe_relative(relative) {
            bail!("refusing to write {relative:?}: not a plain path inside the output folder");
        }
    }
    let staging = Staging::begin(out_dir, Kept::default())?;
    for (relative, bytes) in &site.files {
        staging.write_file(relative, bytes)?;
    }
    staging.finish()?;
    Ok(())
}

/// How the files of a build reached the staging folder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteCounts {
    /// Files written because they are new or their bytes changed.
    pub written: usize,
    /// Files whose bytes equal the previous site's: hard-linked from the
    /// live site, or already in the spare.
    pub unchanged: usize,
}

/// Every file a build left in the output folder, recorded in the page
/// memo so that, two builds later, that site (then the spare) can be
/// brought up to date instead of made anew ([`Staging`]).
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// The identity of the folder's [`MARKER`]: each build writes a new
    /// one, so it tells this very folder from any other.
    marker: Option<Identity>,
    /// Each file by its path.
    files: FxHashMap<String, Recorded>,
}

/// One file of a [`Manifest`].
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Recorded {
    /// xxh3 of its bytes (`None`: not known, the file is made again).
    hash: Option<u64>,
    /// The file as it was left: a file edited since is not this one.
    identity: Identity,
}

impl Manifest {
    /// The identity the build left the file `path` with, if it is listed.
    pub(crate) fn identity(&self, path: &str) -> Option<Identity> {
        self.files.get(path).map(|recorded| recorded.identity)
    }

    /// The manifest, if its marker is the one in `dir`.
    fn describing(self, dir: &Path) -> Option<Manifest> {
        (self.marker.is_some() && Identity::of(&dir.join(MARKER)) == self.marker).then_some(self)
    }

    /// What the manifest records of `path`, when the file in `dir` is
    /// still the one it lists and its bytes were hashed.
    fn held_in(&self, dir: &Path, path: &str) -> Option<Recorded> {
        let recorded = *self.files.get(path)?;
        recorded.hash?;
        (Identity::of(&dir.join(path)) == Some(recorded.identity)).then_some(recorded)
    }
}

/// A file of the new site: the hash of its bytes and, where the build
/// knows it without a `stat`, its identity.
#[derive(Debug, Clone, Copy, Default)]
struct Staged {
    hash: Option<u64>,
    identity: Option<Identity>,
}

/// What the page memo knows of the two sites a build starts from: the
/// live one and the spare ([`Staging`]). Both empty: made anew, no spare kept.
#[derive(Debug, Default)]
pub struct Kept {
    /// The manifest of the live output, as the previous build left it.
    pub live: Option<Manifest>,
    /// The manifest of the spare: the site the build before that left.
    pub spare: Option<Manifest>,
    /// Whether to keep the previous site as the next build's spare
    /// (only where a memo records its manifest).
    pub keep_spare: bool,
}

/// A new site being written into a staging folder beside the output
/// folder, then swapped in whole by [`Staging::finish`].
///
/// Files arrive one at a time, from any thread, as pages are rendered, so
/// no build holds the whole site in memory. Nothing touches the live output
/// before the swap: a build that fails or is killed leaves the previous
/// site as it was, and its staging folder is removed (by `Drop`, or by the
/// next build).
///
/// A file whose bytes equal the live site's file of the same path is
/// hard-linked from it rather than written: the live file is only given a
/// second name, never modified, so the swap stays all-or-nothing, while
/// unchanged files keep their inode and modification time (cheap for the
/// disk, and for deploy tools that compare times) and cost a read instead
/// of a write. Where linking fails (another file system, no permission),
/// the file is written.
///
/// With the page memo on, the site swapped out is not deleted but kept
/// beside the output as the spare (`.<output>.sitrep-previous`), and the
/// next build stages into it: a file the spare already holds with the
/// right bytes (its hash and identity are the ones recorded) stays, every
/// other file is replaced (a new file under the name, never a write into
/// the old one, which the live site may share), and files no longer made
/// are removed. At 10,000 projects that spares a rebuild 23,000 links and
/// the deletion of 33,000 files and folders. The spare's marker is removed
/// before it is touched, so a spare left half updated by a killed build is
/// never trusted.
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    /// The current output, when there is one to link from.
    live: Option<PathBuf>,
    /// The live output's manifest, when it describes it.
    live_manifest: Option<Manifest>,
    /// The staging folder's manifest, when it is the spare brought up to date.
    spare: Option<Manifest>,
    keep_spare: bool,
    /// Every file of the new site, with the hash of its bytes.
    made: Mutex<FxHashMap<String, Staged>>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    finished: bool,
}

impl Staging {
    /// Checks that `out_dir` may be replaced and prepares the staging
    /// folder: the spare, when `kept` describes the one beside `out_dir`,
    /// else an empty folder.
    ///
    /// Refuses to replace an existing non-empty folder that a sitrep build
    /// did not write (it has no [`MARKER`]), so that pointing `--output` at
    /// the wrong folder never deletes anything.
    pub fn begin(out_dir: &Path, kept: Kept) -> anyhow::Result<Staging> {
        if out_dir.exists() && !is_replaceable(out_dir)? {
            bail!(
                "{} exists, is not empty and was not written by sitrep; \
                 choose another --output or empty it first",
                out_dir.display()
            );
        }
        let dir = beside(out_dir, "new");
        let spare_dir = beside(out_dir, "previous");
        if let Some(parent) = dir.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        // A build killed earlier may have left its staging folder: it is ours.
        remove_if_exists(&dir)?;
        let spare = kept
            .keep_spare
            .then_some(kept.spare)
            .flatten()
            .and_then(|manifest| manifest.describing(&spare_dir))
            .filter(|_| fs::rename(&spare_dir, &dir).is_ok());
        match &spare {
            // Not the spare any more until the swap: a build killed while
            // updating it leaves a folder no manifest describes.
            Some(_) => fs::remove_file(dir.join(MARKER))
                .with_context(|| format!("cannot update {}", dir.display()))?,
            None => {
                remove_if_exists(&spare_dir)?;
                fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
        }
        let live = out_dir
            .join(MARKER)
            .is_file()
            .then(|| out_dir.to_path_buf());
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            live_manifest: kept.live.and_then(|manifest| manifest.describing(out_dir)),
            live,
            dir,
            spare,
            keep_spare: kept.keep_spare,
            made: Mutex::default(),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            finished: false,
        })
    }

    /// Puts the file `relative` (a plain relative path) into the new site.
    pub fn write_file(&self, relative: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let hash = xxhash_rust::xxh3::xxh3_64(bytes);
        if self.already_staged(relative, Some(hash)) {
            return Ok(());
        }
        let path = self.prepare(relative)?;
        if self.link_if_unchanged(relative, bytes, &path) {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Records `relative` as a file of the new site, and says whether the
    /// spare already holds it with bytes of this `hash`.
    fn already_staged(&self, relative: &str, hash: Option<u64>) -> bool {
        let held = hash
            .and_then(|_| self.spare.as_ref()?.held_in(&self.dir, relative))
            .filter(|recorded| recorded.hash == hash);
        let staged = Staged {
            hash,
            identity: held.map(|recorded| recorded.identity),
        };
        lock(&self.made).insert(relative.to_string(), staged);
        if held.is_some() {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        }
        held.is_some()
    }

    /// Puts a file made by `write`, streamed to disk instead of held whole
    /// (for `status.json`, which grows with the portfolio). When it comes
    /// out byte for byte the live file, the live file is linked in its
    /// place, as [`Staging::write_file`] does.
    pub fn write_stream(
        &self,
        relative: &str,
        write: &mut dyn FnMut(&mut dyn Output) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        self.already_staged(relative, None);
        let path = self.prepare(relative)?;
        let file =
            fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
        let mut writer = FileOutput(BufWriter::with_capacity(1 << 20, file));
        write(&mut writer)
            .and_then(|()| writer.flush())
            .with_context(|| format!("cannot write {}", path.display()))?;
        drop(writer);
        if self.link_if_same_file(relative, &path) {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        } else {
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// Replaces the staged file `path` by a link to the live file of the
    /// same name when both hold the same bytes (and are at most
    /// [`COMPARE_MAX_BYTES`] long). The link is made under a temporary name
    /// and renamed over the staged file, so the staged file is never
    /// missing, whatever fails.
    fn link_if_same_file(&self, relative: &str, path: &Path) -> bool {
        let Some(live) = &self.live else {
            return false;
        };
        let live = live.join(relative);
        let small = fs::metadata(path).is_ok_and(|m| m.len() <= COMPARE_MAX_BYTES);
        if !small || !same_files(&live, path).unwrap_or(false) {
            return false;
        }
        let mut linked = path.as_os_str().to_owned();
        linked.push(".link");
        let linked = PathBuf::from(linked);
        let done = fs::hard_link(&live, &linked).is_ok() && fs::rename(&linked, path).is_ok();
        if !done {
            let _ = fs::remove_file(&linked);
        }
        done
    }

    /// Swaps the new site in and removes the previous one (or keeps it as
    /// the spare).
    pub fn finish(self) -> anyhow::Result<WriteCounts> {
        self.finish_then(|_| ())
    }

    /// [`Staging::finish`], running `then` once the new site is in place
    /// (not if it could not be put there), with what the page memo records:
    /// the new site's manifest and the spare's, while the previous site is
    /// deleted (at 10,000 projects, 10,000 folders: a tenth of a second the
    /// build need not wait for) or, when kept, cleared of its streamed files
    /// (`status.json`, made again by every build).
    pub fn finish_then(mut self, then: impl FnOnce(Kept) + Send) -> anyhow::Result<WriteCounts> {
        let made = std::mem::take(&mut *lock(&self.made));
        if let Some(spare) = self.spare.take() {
            remove_unmade(&self.dir, &spare, &made);
        }
        fs::write(
            self.dir.join(MARKER),
            b"This folder is written by sitrep build and replaced on every build.\n",
        )?;
        let swapped = self.out_dir.exists();
        if swapped {
            swap(&self.dir, &self.out_dir)?;
        } else {
            fs::rename(&self.dir, &self.out_dir).with_context(|| {
                format!("cannot put the new site in {}", self.out_dir.display())
            })?;
        }
        self.finished = true;
        // Files not hashed (streamed ones) are made again by every build:
        // the spare need not hold them meanwhile.
        let unhashed: Vec<String> = made
            .iter()
            .filter(|(_, staged)| staged.hash.is_none())
            .map(|(path, _)| path.clone())
            .collect();
        let kept = Kept {
            live: self.keep_spare.then(|| manifest(&self.out_dir, made)),
            spare: self.live_manifest.take(),
            keep_spare: self.keep_spare,
        };
        // The staging folder now holds the previous site, if there was one.
        let previous = &self.dir;
        std::thread::scope(|scope| {
            let clearing = scope.spawn(|| match swapped {
                false => Ok(()),
                true if self.keep_spare => {
                    for path in &unhashed {
                        let _ = fs::remove_file(previous.join(path));
                    }
                    let spare = beside(&self.out_dir, "previous");
                    remove_if_exists(&spare)?;
                    fs::rename(previous, &spare)
                        .with_context(|| format!("cannot keep {}", spare.display()))
                }
                true => remove_if_exists(previous),
            });
            then(kept);
            clearing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })?;
        Ok(WriteCounts {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        })
    }

    /// The staging path of `relative`, its folder created and its name free.
    fn prepare(&self, relative: &str) -> anyhow::Result<PathBuf> {
        if !is_safe_relative(relative) {
            bail!("refusing to write {relative:?}: not a plain path inside the output folder");
        }
        let path = self.dir.join(relative);
        if self.spare.is_some() {
            make_room(&self.dir, relative)
                .with_context(|| format!("cannot replace {}", path.display()))?;
        }
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
        }
        Ok(path)
    }

    /// Hard-links the live file of the same path when its bytes are `bytes`.
    fn link_if_unchanged(&self, relative: &str, bytes: &[u8], path: &Path) -> bool {
        let Some(live) = &self.live else {
            return false;
        };
        let live = live.join(relative);
        let same = fs::symlink_metadata(&live)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&live).is_ok_and(|old| old == bytes);
        same && fs::hard_link(&live, path).is_ok()
    }
}

/// The largest streamed file compared with the live one. Reading both
/// files back costs about 0.5 s at 600 MB (`status.json` of 10,000
/// projects), a quarter of a rebuild there, for a file that changes with
/// nearly every edit; up to this size the comparison takes a few
/// milliseconds.
const COMPARE_MAX_BYTES: u64 = 64 << 20;

/// A file being streamed into the staging folder.
struct FileOutput(BufWriter<fs::File>);

impl Write for FileOutput {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes)
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.0.write_all(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

impl Output for FileOutput {
    /// A part of the previous build's file is copied by the kernel
    /// (`copy_file_range`): at 10,000 projects a rebuild's `status.json`
    /// took about 0.32 s instead of 0.46 s. Read and written where the
    /// system cannot.
    fn copy_part(&mut self, part: &Part) -> std::io::Result<()> {
        #[cfg(target_os = "linux")]
        if let Part::InFile { file, range } = part {
            self.0.flush()?;
            let mut at = range.start;
            while at < range.end {
                let left = usize::try_from(range.end - at).unwrap_or(usize::MAX);
                match rustix::fs::copy_file_range(
                    &**file,
                    Some(&mut at),
                    self.0.get_ref(),
                    None,
                    left,
                ) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
            }
            // What the kernel did not copy (none, where the file systems
            // do not support it) is read and written.
            let rest = Part::InFile {
                file: std::sync::Arc::clone(file),
                range: at..range.end,
            };
            return crate::render::write_part(&mut self.0, &rest);
        }
        crate::render::write_part(&mut self.0, part)
    }
}

/// Whether two files hold the same bytes: same length, then compared a
/// megabyte at a time (a difference ends the comparison).
fn same_files(a: &Path, b: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let (meta_a, meta_b) = (fs::symlink_metadata(a)?, fs::symlink_metadata(b)?);
    if !meta_a.is_file() || meta_a.len() != meta_b.len() {
        return Ok(false);
    }
    let (mut a, mut b) = (fs::File::open(a)?, fs::File::open(b)?);
    let (mut chunk_a, mut chunk_b) = (vec![0; 1 << 20], vec![0; 1 << 20]);
    loop {
        let read = a.read(&mut chunk_a)?;
        if read == 0 {
            return Ok(true);
        }
        b.read_exact(&mut chunk_b[..read])?;
        if chunk_a[..read] != chunk_b[..read] {
            return Ok(false);
        }
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.write_file(path, &bytes)
    }

    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn Output) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        self.write_stream(path, write)
    }

    /// Hard-links the live site's `path` into the staging folder, or keeps
    /// the spare's copy when it holds the same bytes. The live file is the
    /// one the memo recorded (it checked), so what the live manifest says
    /// of it holds without a second `stat`.
    fn keep(&self, path: &str) -> anyhow::Result<bool> {
        let Some(live) = &self.live else {
            return Ok(false);
        };
        let recorded = self
            .live_manifest
            .as_ref()
            .and_then(|manifest| manifest.files.get(path).copied());
        if self.already_staged(path, recorded.and_then(|r| r.hash)) {
            return Ok(true);
        }
        let staged = self.prepare(path)?;
        let linked = fs::hard_link(live.join(path), staged).is_ok();
        let mut made = lock(&self.made);
        if linked {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            // A second name for the live file: same inode, same identity.
            if let Some(recorded) = recorded {
                made.insert(
                    path.to_string(),
                    Staged {
                        hash: recorded.hash,
                        identity: Some(recorded.identity),
                    },
                );
            }
        } else {
            made.remove(path);
        }
        Ok(linked)
    }
}

impl Drop for Staging {
    /// A build that stopped on an error leaves no half-written folder.
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Exchanges two folders in one step, so that a crash at any moment leaves
/// either the old or the new site in place, never a mix or nothing.
#[cfg(target_os = "linux")]
fn swap(new: &Path, out_dir: &Path) -> anyhow::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, new, CWD, out_dir, RenameFlags::EXCHANGE)
        .or_else(|_| two_step_swap(new, out_dir))
        .with_context(|| format!("cannot put the new site in {}", out_dir.display()))
}

#[cfg(not(target_os = "linux"))]
fn swap(new: &Path, out_dir: &Path) -> anyhow::Result<()> {
    two_step_swap(new, out_dir)
        .with_context(|| format!("cannot put the new site in {}", out_dir.display()))
}

/// The folder beside `out_dir` named after it: `.<name>.sitrep-<what>`.
fn beside(out_dir: &Path, what: &str) -> PathBuf {
    let parent = out_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_string());
    parent.join(format!(".{name}.sitrep-{what}"))
}

/// The manifest of the site now in `dir`, whose files are `made`: a
/// `stat` (in parallel) for each file whose identity the build did not
/// learn on the way (the ones written).
fn manifest(dir: &Path, made: FxHashMap<String, Staged>) -> Manifest {
    let files = made
        .into_par_iter()
        .filter_map(|(path, staged)| {
            let identity = staged.identity.or_else(|| Identity::of(&dir.join(&path)))?;
            let hash = staged.hash;
            Some((path, Recorded { hash, identity }))
        })
        .collect();
    Manifest {
        marker: Identity::of(&dir.join(MARKER)),
        files,
    }
}

/// Removes from `dir` (the spare being brought up to date) the files of
/// its manifest that this build did not make, then the folders that left
/// empty, deepest first.
fn remove_unmade(dir: &Path, spare: &Manifest, made: &FxHashMap<String, Staged>) {
    let mut folders = BTreeSet::new();
    for path in spare.files.keys().filter(|path| !made.contains_key(*path)) {
        let _ = fs::remove_file(dir.join(path));
        let mut folder = Path::new(path.as_str()).parent();
        while let Some(name) = folder.filter(|f| !f.as_os_str().is_empty()) {
            folders.insert(name.to_path_buf());
            folder = name.parent();
        }
    }
    // Reverse order puts a folder's subfolders before it.
    for folder in folders.iter().rev() {
        let _ = fs::remove_dir(dir.join(folder));
    }
}

/// Frees the name `relative` in `dir` for a new file: removes what is
/// there (a file the live site may share is unlinked, never written
/// into), and any file standing where one of its folders must be.
fn make_room(dir: &Path, relative: &str) -> std::io::Result<()> {
    let path = dir.join(relative);
    match fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path)?,
        Ok(_) => fs::remove_file(&path)?,
        Err(_) => {
            let mut folder = Path::new(relative).parent();
            while let Some(name) = folder.filter(|f| !f.as_os_str().is_empty()) {
                if fs::symlink_metadata(dir.join(name)).is_ok_and(|meta| !meta.is_dir()) {
                    fs::remove_file(dir.join(name))?;
                }
                folder = name.parent();
            }
        }
    }
    Ok(())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// Where the file system cannot exchange folders: move the old site aside,
/// then the new one in; leaves the old site in `new`'s place, as `swap` does.
fn two_step_swap(new: &Path, out_dir: &Path) -> std::io::Result<()> {
    let aside = new.with_extension("old");
    if aside.exists() {
        fs::remove_dir_all(&aside)?;
    }
    fs::rename(out_dir, &aside)?;
    fs::rename(new, out_dir)?;
    fs::rename(&aside, new)
}

fn is_replaceable(out_dir: &Path) -> anyhow::Result<bool> {
    if !out_dir.is_dir() {
        return Ok(false);
    }
    let mut entries =
        fs::read_dir(out_dir).with_context(|| format!("cannot read {}", out_dir.display()))?;
    Ok(entries.next().is_none() || out_dir.join(MARKER).is_file())
}

/// Writes every file of `site` under `dir` (created if missing), with no
/// swap: for archived snapshot sites, which are written once.
pub fn write_plain(site: &Site, dir: &Path) -> anyhow::Result<()> {
    for relative in site.files.keys() {
        if !is_safe_relative(relative) {
            bail!("refusing to write {relative:?}: not a plain path inside the output folder");
        }
    }
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (relative, bytes) in &site.files {
        let path: PathBuf = dir.join(relative);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
        }
        fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn remove_if_exists(path: &Path) -> anyhow::Result<()> {
    if path.exists() {
        fs::remove_dir_all(path).with_context(|| format!("cannot remove {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_safe() {
        assert!(is_safe_relative("index.html"));
        assert!(is_safe_relative("windflow/index.html"));
        assert!(!is_safe_relative("../x/index.html"));
        assert!(!is_safe_relative("a/../../x"));
        assert!(!is_safe_relative("/etc/passwd"));
        assert!(!is_safe_relative("a\\..\\b"));
        assert!(!is_safe_relative(""));
        assert!(!is_safe_relative("./a"));
    }

    #[test]
    fn a_foreign_folder_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("docs");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), "keep me").unwrap();
        let mut site = Site::default();
        site.files.insert("index.html".into(), b"x".to_vec());
        assert!(write_site(&site, &out).is_err());
        assert_eq!(
            fs::read_to_string(out.join("precious.txt")).unwrap(),
            "keep me"
        );
    }

    #[test]
    fn a_previous_build_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut site = Site::default();
        site.files.insert("old/index.html".into(), b"old".to_vec());
        write_site(&site, &out).unwrap();
        let mut next = Site::default();
        next.files.insert("index.html".into(), b"new".to_vec());
        write_site(&next, &out).unwrap();
        assert!(!out.join("old").exists());
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"new");
    }

    /// A streamed file takes parts of the previous build's file as they
    /// are, wherever they fall between written bytes.
    #[test]
    fn parts_of_a_previous_file_are_copied_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let previous = dir.path().join("previous.json");
        fs::write(&previous, b"0123456789").unwrap();
        let file = std::sync::Arc::new(fs::File::open(&previous).unwrap());
        let part = |range| Part::InFile {
            file: std::sync::Arc::clone(&file),
            range,
        };
        let out = dir.path().join("public");
        let staging = Staging::begin(&out, Kept::default()).unwrap();
        staging
            .write_stream("status.json", &mut |output| {
                output.write_all(b"[")?;
                output.copy_part(&part(2..7))?;
                output.write_all(b",")?;
                output.copy_part(&part(0..1))?;
                output.copy_part(&part(9..10))?;
                output.write_all(b"]")
            })
            .unwrap();
        staging.finish().unwrap();
        assert_eq!(fs::read(out.join("status.json")).unwrap(), b"[23456,09]");
    }
}
