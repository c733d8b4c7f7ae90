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

    /// This part and `next` as one, when `next` lies `gap` bytes after
    /// this part's end in the same file, so that the bytes between them
    /// come along (`None` otherwise).
    pub fn joined(&self, next: &Part, gap: u64) -> Option<Part> {
        match (self, next) {
            (
                Part::InFile { file, range },
                Part::InFile {
                    file: other,
                    range: next,
                },
            ) if Arc::ptr_eq(file, other) && range.end + gap == next.start => Some(Part::InFile {
                file: Arc::clone(file),
                range: range.start..next.end,
            }),
            (
                Part::InMemory { bytes, range },
                Part::InMemory {
                    bytes: other,
                    range: next,
                },
            ) if Arc::ptr_eq(bytes, other) && (range.end as u64) + gap == next.start as u64 => {
                Some(Part::InMemory {
                    bytes: Arc::clone(bytes),
                    range: range.start..next.end,
                })
            }
            _ => None,
        }
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

/// A file `serve` holds in memory: one buffer, or pieces of several. A
/// file made of parts (`status.json`) is kept in pieces, so that a rebuild
/// shares the parts of unchanged projects with the file it replaces rather
/// than copying them: at 10,000 projects that is 400 MB, copied on every
/// save, and held twice while the rebuild ran.
#[derive(Debug, Clone)]
pub enum MemoryFile {
    Whole(Arc<Vec<u8>>),
    Pieces(Arc<Vec<Piece>>),
}

/// Bytes `range` of a shared buffer.
pub type Piece = (Arc<Vec<u8>>, Range<usize>);

impl MemoryFile {
    /// The pieces of the file, in order (a whole file is one).
    fn pieces(&self) -> std::borrow::Cow<'_, [Piece]> {
        match self {
            MemoryFile::Whole(bytes) => vec![(Arc::clone(bytes), 0..bytes.len())].into(),
            MemoryFile::Pieces(pieces) => pieces.as_slice().into(),
        }
    }

    /// Every byte, in order: borrowed from a whole file, gathered from pieces.
    pub fn bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        match self {
            MemoryFile::Whole(bytes) => bytes.as_slice().into(),
            MemoryFile::Pieces(pieces) => {
                let mut out = Vec::with_capacity(self.len());
                for (bytes, range) in pieces.iter() {
                    out.extend_from_slice(&bytes[range.clone()]);
                }
                out.into()
            }
        }
    }

    /// The bytes as owned, copied only if they are shared or in pieces.
    pub fn into_vec(self) -> Vec<u8> {
        match self {
            MemoryFile::Whole(bytes) => Arc::unwrap_or_clone(bytes),
            pieces => pieces.bytes().into_owned(),
        }
    }

    pub fn len(&self) -> usize {
        self.pieces().iter().map(|(_, range)| range.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes `range` of the file, if they lie in one buffer (a part of
    /// `status.json` always does: it was written, or copied, whole).
    pub fn part(&self, range: Range<usize>) -> Option<Part> {
        let mut at = 0;
        for piece in self.pieces().iter() {
            let end = at + piece.1.len();
            if range.start < end {
                return piece_part(piece, at, range);
            }
            at = end;
        }
        None
    }

    /// A reader of the bytes, in order, that holds the buffers it reads.
    pub fn reader(&self) -> impl std::io::Read + Send + 'static {
        PiecesReader {
            pieces: self.pieces().into_owned(),
            next: 0,
        }
    }
}

/// `range` of a file, within `piece` that begins at `at` in it.
fn piece_part(piece: &Piece, at: usize, range: Range<usize>) -> Option<Part> {
    let (bytes, within) = piece;
    let start = within.start + range.start.checked_sub(at)?;
    let end = within.start + range.end.checked_sub(at)?;
    (start <= end && end <= within.end).then(|| Part::InMemory {
        bytes: Arc::clone(bytes),
        range: start..end,
    })
}

struct PiecesReader {
    pieces: Vec<Piece>,
    next: usize,
}

impl std::io::Read for PiecesReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while let Some((bytes, range)) = self.pieces.get_mut(self.next) {
            if range.start >= range.end {
                self.next += 1;
                continue;
            }
            let length = range.len().min(out.len());
            out[..length].copy_from_slice(&bytes[range.start..range.start + length]);
            range.start += length;
            return Ok(length);
        }
        Ok(0)
    }
}

/// An [`Output`] into memory that keeps parts copied from a file in memory
/// as pieces of that file, and writes the rest into buffers of its own.
#[derive(Default)]
pub struct PiecesWriter {
    pieces: Vec<Piece>,
    current: Vec<u8>,
}

impl PiecesWriter {
    /// The file written: one buffer if no part was copied.
    pub fn finish(mut self) -> MemoryFile {
        if self.pieces.is_empty() {
            return MemoryFile::Whole(Arc::new(self.current));
        }
        self.end_buffer();
        MemoryFile::Pieces(Arc::new(self.pieces))
    }

    /// Ends the buffer being written, a piece of its own.
    fn end_buffer(&mut self) {
        if !self.current.is_empty() {
            let bytes = std::mem::take(&mut self.current);
            let length = bytes.len();
            self.pieces.push((Arc::new(bytes), 0..length));
        }
    }
}

impl Write for PiecesWriter {
    /// Bytes that follow the last copied part in its own buffer (`,\n`
    /// between two unchanged projects) extend that piece, so that the
    /// unchanged run of a file stays one piece.
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.current.is_empty() {
            if let Some((buffer, range)) = self.pieces.last_mut() {
                if buffer[range.end..].starts_with(bytes) {
                    range.end += bytes.len();
                    return Ok(bytes.len());
                }
            }
        }
        self.current.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Output for PiecesWriter {
    fn copy_part(&mut self, part: &Part) -> std::io::Result<()> {
        let Part::InMemory { bytes, range } = part else {
            return write_part(self, part);
        };
        self.end_buffer();
        match self.pieces.last_mut() {
            Some((last, within)) if Arc::ptr_eq(last, bytes) && within.end == range.start => {
                within.end = range.end;
            }
            _ => self.pieces.push((Arc::clone(bytes), range.clone())),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Two parts of one file join only when the second begins exactly the
    /// gap after the first, and never across files.
    #[test]
    fn parts_join_only_when_the_gap_matches() {
        let bytes = Arc::new(b"alpha,\nbeta,\ngamma".to_vec());
        let part = |range: Range<usize>| Part::InMemory {
            bytes: Arc::clone(&bytes),
            range,
        };
        let joined = part(0..5).joined(&part(7..11), 2).unwrap();
        assert_eq!(joined.to_vec().unwrap(), b"alpha,\nbeta");
        assert!(part(0..5).joined(&part(7..11), 1).is_none());
        assert!(part(0..5).joined(&part(13..18), 2).is_none());
        let other = Part::InMemory {
            bytes: Arc::new(bytes.to_vec()),
            range: 7..11,
        };
        assert!(part(0..5).joined(&other, 2).is_none());
    }

    /// A file of parts written twice, the second time from the first: the
    /// bytes are the same, the unchanged parts are pieces of the first
    /// file's buffer, and each part is found again where it lies.
    #[test]
    fn a_file_of_parts_shares_the_unchanged_ones() {
        let mut first = PiecesWriter::default();
        first.write_all(b"[\n").unwrap();
        first.write_all(b"alpha").unwrap();
        first.write_all(b",\n").unwrap();
        first.write_all(b"beta").unwrap();
        first.write_all(b",\n").unwrap();
        first.write_all(b"gamma").unwrap();
        first.write_all(b"\n]").unwrap();
        let first = first.finish();
        assert!(matches!(first, MemoryFile::Whole(_)));
        let part = |file: &MemoryFile, range: Range<usize>| file.part(range).unwrap();

        // Beta changed: alpha and gamma are copied from the first file.
        let mut second = PiecesWriter::default();
        second.write_all(b"[\n").unwrap();
        second.copy_part(&part(&first, 2..7)).unwrap();
        second.write_all(b",\n").unwrap();
        second.write_all(b"BETA!").unwrap();
        second.write_all(b",\n").unwrap();
        second.copy_part(&part(&first, 15..20)).unwrap();
        second.write_all(b"\n]").unwrap();
        let second = second.finish();
        let expected = b"[\nalpha,\nBETA!,\ngamma\n]";
        assert_eq!(*second.bytes(), expected[..]);
        assert_eq!(second.len(), expected.len());
        let MemoryFile::Pieces(pieces) = &second else {
            panic!("copied parts make pieces");
        };
        // `[\n`, new; `alpha` and the `,\n` after it, one run of the first
        // buffer; `BETA!,\n`, new; `gamma` and `\n]`, the first buffer again.
        assert_eq!(pieces.len(), 4, "{pieces:?}");
        let MemoryFile::Whole(buffer) = &first else {
            unreachable!()
        };
        assert!(Arc::ptr_eq(&pieces[1].0, buffer) && pieces[1].1 == (2..9));
        assert!(Arc::ptr_eq(&pieces[3].0, buffer) && pieces[3].1 == (15..22));
        assert_eq!(part(&second, 9..14).to_vec().unwrap(), b"BETA!");
        assert_eq!(part(&second, 16..21).to_vec().unwrap(), b"gamma");
        let mut read = Vec::new();
        second.reader().read_to_end(&mut read).unwrap();
        assert_eq!(read, expected);
    }
}
