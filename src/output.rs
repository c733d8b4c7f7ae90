//! Output: the rendered site written to disk, only inside the output folder.
//!
//! The new site (or, for a rebuild of a known output, its new and changed
//! files) is written into a staging folder beside the output folder, page
//! by page as it is rendered, then swapped or moved in, so a failed build
//! leaves the previous site intact ([`Staging`]). Every path is checked to
//! be a plain relative path before anything is written: a slug like
//! `../../x` can never escape.

use std::collections::HashSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context as _};
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
    let staging = Staging::begin(out_dir)?;
    for (relative, bytes) in &site.files {
        staging.write_file(relative, bytes)?;
    }
    staging.finish()?;
    Ok(())
}

/// How the files of a build reached the output folder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteCounts {
    /// Files written because they are new or their bytes changed.
    pub written: usize,
    /// Files whose bytes equal the live site's: left in place (an update)
    /// or hard-linked from it (a new site).
    pub unchanged: usize,
    /// Files of the previous build that this one did not make again,
    /// removed from the output (an update; a new site drops them whole).
    pub removed: usize,
}

/// What a build left in its output folder: the path of every file it
/// made, and the identity of its marker file ([`MARKER`]), which every
/// build replaces. The next build updates the output in place only when
/// the marker is still that very file, so a manifest never describes an
/// output that another build (or a hand) has replaced since.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    marker: Option<Identity>,
    files: Vec<String>,
}

/// How the staging folder becomes the output.
enum Mode {
    /// A whole new site, swapped in at once; its unchanged files are
    /// hard-linked from the live site (`live`), when there is one.
    Swap { live: Option<PathBuf> },
    /// The live site, which the manifest describes, brought up to date:
    /// only new and changed files are staged, then moved in; files of the
    /// previous build not made again are removed.
    Update { previous: HashSet<String> },
}

/// A new site being made in a staging folder beside the output folder.
///
/// Files arrive one at a time, from any thread, as pages are rendered, so
/// no build holds the whole site in memory. Nothing touches the live output
/// before [`Staging::finish`]: a build that fails or is killed while it
/// renders leaves the previous site as it was, and its staging folder is
/// removed (by `Drop`, or by the next build). The staging folder becomes
/// the output in one of two ways ([`Mode`]):
///
/// - **Swap** (a first build, `--no-cache`, or an output this build knows
///   nothing of): the staging folder holds the whole site and is exchanged
///   with the output in one step. A file whose bytes equal the live site's
///   file of the same path is hard-linked from it rather than written: the
///   live file is only given a second name, never modified, so the swap
///   stays all-or-nothing.
/// - **Update** (a rebuild of an output whose [`Manifest`] the previous
///   build left): the staging folder holds only the new and changed files.
///   Once every file is made, they are renamed into the output one by one
///   (each file is replaced whole, never rewritten in place) and the files
///   no longer made are removed. A rebuild after one edit at 10,000
///   projects touches a few dozen files this way, where a swap linked
///   23,000 and removed as many. The marker is replaced first, so a build
///   killed in those last milliseconds leaves a manifest that no longer
///   matches: the next build swaps in a whole new site.
///
/// Either way unchanged files keep their inode and modification time
/// (cheap for the disk, and for deploy tools that compare times).
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    mode: Mode,
    /// Every file of this build (the next manifest).
    made: Mutex<Vec<String>>,
    /// Files staged for an update, to move into the output.
    changed: Mutex<Vec<String>>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    finished: bool,
}

impl Staging {
    /// Checks that `out_dir` may be replaced and creates an empty staging
    /// folder, for a whole new site (see [`Staging::begin_from`]).
    pub fn begin(out_dir: &Path) -> anyhow::Result<Staging> {
        Staging::begin_from(out_dir, None)
    }

    /// [`Staging::begin`], updating the output in place when `previous`
    /// describes it (its marker is still the one the manifest names).
    ///
    /// Refuses to replace an existing non-empty folder that a sitrep build
    /// did not write (it has no [`MARKER`]), so that pointing `--output` at
    /// the wrong folder never deletes anything.
    pub fn begin_from(out_dir: &Path, previous: Option<Manifest>) -> anyhow::Result<Staging> {
        if out_dir.exists() && !is_replaceable(out_dir)? {
            bail!(
                "{} exists, is not empty and was not written by sitrep; \
                 choose another --output or empty it first",
                out_dir.display()
            );
        }
        let parent = out_dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = out_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_string());
        let dir = parent.join(format!(".{name}.sitrep-new"));
        // A build killed earlier may have left its staging folder: it is ours.
        remove_if_exists(&dir)?;
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let marker = Identity::of(&out_dir.join(MARKER));
        let mode = match previous {
            Some(manifest) if marker.is_some() && manifest.marker == marker => Mode::Update {
                previous: manifest.files.into_iter().collect(),
            },
            _ => Mode::Swap {
                live: marker.map(|_| out_dir.to_path_buf()),
            },
        };
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            dir,
            mode,
            made: Mutex::default(),
            changed: Mutex::default(),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            finished: false,
        })
    }

    /// Whether this build updates the live output in place (see [`Mode`]).
    pub fn updates_in_place(&self) -> bool {
        matches!(self.mode, Mode::Update { .. })
    }

    /// Puts the file `relative` (a plain relative path) into the new site.
    pub fn write_file(&self, relative: &str, bytes: &[u8]) -> anyhow::Result<()> {
        check_relative(relative)?;
        self.note_made(relative);
        let unchanged = match &self.mode {
            Mode::Update { previous } => {
                previous.contains(relative) && holds(&self.out_dir.join(relative), bytes)
            }
            Mode::Swap { live: Some(live) } => {
                let live = live.join(relative);
                holds(&live, bytes) && fs::hard_link(&live, self.prepare(relative)?).is_ok()
            }
            Mode::Swap { live: None } => false,
        };
        if unchanged {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        let path = self.prepare(relative)?;
        fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        self.note_written(relative);
        Ok(())
    }

    /// Puts a file made by `write`, streamed to disk instead of held whole
    /// (for `status.json`, which grows with the portfolio). When it comes
    /// out byte for byte the live file, the live file stays (or is linked
    /// in its place), as in [`Staging::write_file`].
    pub fn write_stream(
        &self,
        relative: &str,
        write: &mut dyn FnMut(&mut dyn Output) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        check_relative(relative)?;
        self.note_made(relative);
        let path = self.prepare(relative)?;
        let file =
            fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
        let mut writer = FileOutput(BufWriter::with_capacity(1 << 20, file));
        write(&mut writer)
            .and_then(|()| writer.flush())
            .with_context(|| format!("cannot write {}", path.display()))?;
        drop(writer);
        if self.same_as_live(relative, &path) {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        } else {
            self.note_written(relative);
        }
        Ok(())
    }

    /// Whether the staged file `path` holds the bytes of the live file of
    /// the same name (when both are at most [`COMPARE_MAX_BYTES`] long),
    /// and is now the live one: an update removes the staged copy; a swap
    /// replaces it by a link to the live file, made under a temporary name
    /// and renamed over it, so the staged file is never missing, whatever
    /// fails.
    fn same_as_live(&self, relative: &str, path: &Path) -> bool {
        let live = self.out_dir.join(relative);
        let known = match &self.mode {
            Mode::Update { previous } => previous.contains(relative),
            Mode::Swap { live } => live.is_some(),
        };
        let small = fs::metadata(path).is_ok_and(|m| m.len() <= COMPARE_MAX_BYTES);
        if !known || !small || !same_files(&live, path).unwrap_or(false) {
            return false;
        }
        if let Mode::Update { .. } = self.mode {
            return fs::remove_file(path).is_ok();
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

    /// Puts the new site in place of the live one.
    pub fn finish(self) -> anyhow::Result<WriteCounts> {
        self.finish_then(|_| ())
    }

    /// [`Staging::finish`], running `then` with the new site's manifest
    /// once the new site is in place (not if it could not be put there),
    /// while a swapped-out site is deleted: at 10,000 projects that is
    /// 10,000 folders, a tenth of a second the build need not wait for.
    pub fn finish_then(
        mut self,
        then: impl FnOnce(Manifest) + Send,
    ) -> anyhow::Result<WriteCounts> {
        let marker = self.dir.join(MARKER);
        fs::write(
            &marker,
            b"This folder is written by sitrep build and replaced on every build.\n",
        )
        .with_context(|| format!("cannot write {}", marker.display()))?;
        let made = std::mem::take(&mut *lock(&self.made));
        let out_dir = &self.out_dir;
        let manifest = |files: Vec<String>| Manifest {
            marker: Identity::of(&out_dir.join(MARKER)),
            files,
        };
        let removed = match &self.mode {
            Mode::Update { previous } => {
                let removed = self.update(previous, &made)?;
                then(manifest(made));
                removed
            }
            Mode::Swap { .. } if self.out_dir.exists() => {
                swap(&self.dir, &self.out_dir)?;
                // The staging folder now holds the previous site.
                let previous = &self.dir;
                std::thread::scope(|scope| {
                    let removing = scope.spawn(|| remove_if_exists(previous));
                    then(manifest(made));
                    removing
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })?;
                0
            }
            Mode::Swap { .. } => {
                fs::rename(&self.dir, &self.out_dir).with_context(|| {
                    format!("cannot put the new site in {}", self.out_dir.display())
                })?;
                then(manifest(made));
                0
            }
        };
        self.finished = true;
        Ok(WriteCounts {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
            removed,
        })
    }

    /// Brings the live output up to date: the new marker first (so that a
    /// build stopped from here on leaves a manifest that no longer
    /// matches), then each staged file moved in, then the files of the
    /// previous build not made again removed, with the folders they leave
    /// empty. Returns how many files were removed.
    fn update(&self, previous: &HashSet<String>, made: &[String]) -> anyhow::Result<usize> {
        let staged_marker = self.dir.join(MARKER);
        let marker = self.out_dir.join(MARKER);
        fs::rename(&staged_marker, &marker)
            .with_context(|| format!("cannot write {}", marker.display()))?;
        let mut changed = std::mem::take(&mut *lock(&self.changed));
        changed.sort_unstable();
        for relative in &changed {
            let (staged, live) = (self.dir.join(relative), self.out_dir.join(relative));
            if fs::rename(&staged, &live).is_err() {
                make_room(&self.out_dir, relative)?;
                fs::rename(&staged, &live)
                    .with_context(|| format!("cannot write {}", live.display()))?;
            }
        }
        let made: HashSet<&str> = made.iter().map(String::as_str).collect();
        let mut stale: Vec<&String> = previous
            .iter()
            .filter(|relative| !made.contains(relative.as_str()))
            .collect();
        stale.sort_unstable();
        for relative in &stale {
            // Gone already, or a folder of this build's now: nothing to do.
            let path = self.out_dir.join(relative);
            if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
                fs::remove_file(&path)
                    .with_context(|| format!("cannot remove {}", path.display()))?;
            }
            remove_empty_folders(&self.out_dir, relative);
        }
        remove_if_exists(&self.dir)?;
        Ok(stale.len())
    }

    /// Notes that `relative` is a file of this build.
    fn note_made(&self, relative: &str) {
        let relative = relative.to_string();
        lock(&self.made).push(relative);
    }

    /// Notes that `relative` was written into the staging folder.
    fn note_written(&self, relative: &str) {
        self.written.fetch_add(1, Ordering::Relaxed);
        if let Mode::Update { .. } = self.mode {
            let relative = relative.to_string();
            lock(&self.changed).push(relative);
        }
    }

    /// The staging path of `relative` (a checked plain path), its folder
    /// created.
    fn prepare(&self, relative: &str) -> anyhow::Result<PathBuf> {
        let path = self.dir.join(relative);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
        }
        Ok(path)
    }
}

/// Refuses any path but a plain relative one (see [`is_safe_relative`]).
fn check_relative(relative: &str) -> anyhow::Result<()> {
    if !is_safe_relative(relative) {
        bail!("refusing to write {relative:?}: not a plain path inside the output folder");
    }
    Ok(())
}

/// Whether the file at `path` is a regular file holding exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

/// Clears the way for a file at `relative` under `out_dir`, where the
/// previous build had a file for one of its folders, or a folder for it.
fn make_room(out_dir: &Path, relative: &str) -> anyhow::Result<()> {
    let mut path = out_dir.to_path_buf();
    let components: Vec<&str> = relative.split('/').collect();
    for (index, component) in components.iter().enumerate() {
        path.push(component);
        let last = index + 1 == components.len();
        match fs::symlink_metadata(&path) {
            Ok(meta) if last && meta.is_dir() => fs::remove_dir_all(&path)?,
            Ok(meta) if !last && !meta.is_dir() => {
                fs::remove_file(&path)?;
                fs::create_dir(&path)?;
            }
            Ok(_) => {}
            Err(_) if !last => fs::create_dir(&path)?,
            Err(_) => {}
        }
    }
    Ok(())
}

/// Removes the folders of `relative` under `out_dir` that its removal left
/// empty, deepest first (a folder that still holds something stops it).
fn remove_empty_folders(out_dir: &Path, relative: &str) {
    let mut folder = Path::new(relative).parent();
    while let Some(current) = folder.filter(|f| !f.as_os_str().is_empty()) {
        if fs::remove_dir(out_dir.join(current)).is_err() {
            break;
        }
        folder = current.parent();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
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

    /// Hard-links the live site's `path` into the staging folder.
    /// Keeps the live file `path`: an update leaves it where it is, a swap
    /// links it into the new site.
    fn keep(&self, path: &str) -> anyhow::Result<bool> {
        check_relative(path)?;
        let live = self.out_dir.join(path);
        let kept = match &self.mode {
            Mode::Update { previous } => {
                previous.contains(path) && fs::symlink_metadata(&live).is_ok_and(|m| m.is_file())
            }
            Mode::Swap { live: Some(_) } => fs::hard_link(&live, self.prepare(path)?).is_ok(),
            Mode::Swap { live: None } => false,
        };
        if kept {
            self.note_made(path);
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        }
        Ok(kept)
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

    /// Writes `files` through a staging folder begun from `previous`,
    /// returning the counts and the manifest the build leaves.
    fn build(
        out: &Path,
        previous: Option<Manifest>,
        files: &[(&str, &str)],
    ) -> (bool, WriteCounts, Manifest) {
        let staging = Staging::begin_from(out, previous).unwrap();
        let in_place = staging.updates_in_place();
        for (relative, text) in files {
            staging.write_file(relative, text.as_bytes()).unwrap();
        }
        let mut left = None;
        let counts = staging.finish_then(|m| left = Some(m)).unwrap();
        (in_place, counts, left.unwrap())
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap())
    }

    /// A rebuild of an output its manifest describes moves in the changed
    /// files only, leaves the others untouched and removes those no
    /// longer made, with the folders they leave empty.
    #[cfg(unix)]
    #[test]
    fn a_known_output_is_updated_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = [
            ("a.html", "same"),
            ("b.html", "old"),
            ("old/y.html", "gone"),
        ];
        let (in_place, _, manifest) = build(&out, None, &first);
        assert!(!in_place, "a first build makes a whole site");
        let a_before = inode(&out.join("a.html"));
        let second = [("a.html", "same"), ("b.html", "new"), ("c/x.html", "added")];
        let (in_place, counts, manifest) = build(&out, Some(manifest), &second);
        assert!(in_place);
        assert_eq!(
            counts,
            WriteCounts {
                written: 2,
                unchanged: 1,
                removed: 1
            }
        );
        assert_eq!(inode(&out.join("a.html")), a_before, "untouched");
        assert_eq!(fs::read_to_string(out.join("b.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(out.join("c/x.html")).unwrap(), "added");
        assert!(!out.join("old").exists(), "emptied folder removed");
        assert!(!dir.path().join(".public.sitrep-new").exists());
        let mut files = manifest.files.clone();
        files.sort();
        assert_eq!(files, ["a.html", "b.html", "c/x.html"]);
        // A file where a folder was, and a folder where a file was.
        let third = [("a.html/index.html", "deeper"), ("c", "flat")];
        let (in_place, _, _) = build(&out, Some(manifest), &third);
        assert!(in_place);
        assert_eq!(fs::read_to_string(out.join("c")).unwrap(), "flat");
        assert_eq!(
            fs::read_to_string(out.join("a.html/index.html")).unwrap(),
            "deeper"
        );
        assert!(!out.join("b.html").exists());
    }

    /// A manifest whose marker is no longer the output's (another build
    /// replaced it since) is not trusted: the whole site is swapped in.
    #[test]
    fn a_manifest_of_another_output_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let (_, _, stale) = build(&out, None, &[("old.html", "x")]);
        build(&out, None, &[("old.html", "x")]);
        fs::write(out.join("hand.html"), "not in any manifest").unwrap();
        let (in_place, _, _) = build(&out, Some(stale), &[("new.html", "y")]);
        assert!(!in_place);
        assert!(!out.join("old.html").exists());
        assert!(
            !out.join("hand.html").exists(),
            "a swap drops everything else"
        );
        assert_eq!(fs::read_to_string(out.join("new.html")).unwrap(), "y");
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
        let staging = Staging::begin(&out).unwrap();
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
