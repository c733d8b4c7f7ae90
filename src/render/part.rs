//! Files made of parts: `status.json` is written as a stream in which
//! the part of each unchanged project is taken from the previous build's
//! file as it is ([`super::Memo::recall_part`]), where the rest is
//! serialised afresh.

use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

/// Where a streamed file goes: bytes written, and parts of the previous
/// build's copy of the file appended as they are.
pub trait Output: Write {
    /// Appends `part`. A file on disk copies it file to file where the
    /// system can (one copy in the kernel, where reading and writing it
    /// copied it twice and through memory); elsewhere it is read and
    /// written.
    fn copy_part(&mut self, part: &Part) -> std::io::Result<()> {
        write_part(self, part)
    }
}

impl Output for Vec<u8> {}

/// One project's part of a file made of parts (`status.json`), as the
/// previous build left it ([`super::Memo::recall_part`]).
#[derive(Debug, Clone)]
pub enum Part {
    /// Bytes of the previous build's file on disk.
    InFile {
        file: Arc<std::fs::File>,
        range: Range<u64>,
    },
    /// Bytes of the file `serve` holds in memory.
    InMemory {
        bytes: Arc<Vec<u8>>,
        range: Range<usize>,
    },
}

impl Part {
    /// How many bytes the part holds.
    pub fn len(&self) -> u64 {
        match self {
            Part::InFile { range, .. } => range.end - range.start,
            Part::InMemory { range, .. } => (range.end - range.start) as u64,
        }
    }

    /// Whether the part holds no byte.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The part's bytes, read.
    pub fn to_vec(&self) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        write_part(&mut bytes, self)?;
        Ok(bytes)
    }
}

/// Writes `part` into `out` through memory, a megabyte at a time.
pub fn write_part(out: &mut (impl Write + ?Sized), part: &Part) -> std::io::Result<()> {
    match part {
        Part::InMemory { bytes, range } => out.write_all(&bytes[range.clone()]),
        Part::InFile { file, range } => {
            let mut chunk = vec![0; (range.end - range.start).min(1 << 20) as usize];
            let mut at = range.start;
            while at < range.end {
                let length = (range.end - at).min(chunk.len() as u64) as usize;
                read_at(file, &mut chunk[..length], at)?;
                out.write_all(&chunk[..length])?;
                at += length as u64;
            }
            Ok(())
        }
    }
}

/// Fills `bytes` from `file` at `offset`.
#[cfg(unix)]
fn read_at(file: &std::fs::File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, offset)
}

/// Fills `bytes` from `file` at `offset`.
#[cfg(not(unix))]
fn read_at(file: &std::fs::File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek};
    let mut file = file;
    file.seek(std::io::SeekFrom::Start(offset))?;
    file.read_exact(bytes)
}
