//! Values kept encoded until something reads them: a project's parts
//! ([`Stowed`]) as compressed bytes ([`Packed`]), one by one ([`PackedEach`])
//! or in blocks ([`Blocks`]), so that a portfolio of 10,000 projects holds
//! bytes, not trees, until each page is written.

use std::borrow::Cow;
use std::marker::PhantomData;
use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::SourcesElided;

/// Part of a project (its section tree, milestones, risks, people, …) that
/// may stay encoded ([`Packed`]) until something reads it.
///
/// A portfolio keeps every project until its pages are written: decoded,
/// the trees, risks and milestones of 10,000 projects were most of a
/// build's memory. Once a project is assembled its parts are packed
/// ([`Project::pack`](super::Project::pack)), and each page or `status.json` part decodes what it
/// shows for the moment it is made ([`Stowed::get`], [`Stowed::read`]).
/// A project taken from the cache ([`crate::cache`]) as it was assembled
/// carries its parts as the bytes the cache holds: a rebuild after one
/// document changed decodes only what the pages it makes show.
///
/// In `status.json` (and any human-readable form) it is the value; in the
/// cache's compact form it is the encoded bytes, so reading a project back
/// decodes nothing.
///
/// `Deref` decodes the value and keeps it decoded: for tests and for the
/// assembly of a project, not for the pages.
pub struct Stowed<T, E = Packed<T>> {
    /// The value encoded, when it came that way or was packed.
    packed: Option<E>,
    /// The value, once decoded (always set when `packed` is `None`).
    value: OnceLock<T>,
}

/// How a [`Stowed`] value is kept encoded: whole ([`Packed`]), or a list in
/// blocks that each decode on their own ([`Blocks`]). Its serde form is
/// what the cache stores.
pub trait Encoding<T>: Serialize + DeserializeOwned {
    fn encode(value: &T) -> Self;
    fn decode(&self) -> T;
    /// A copy that shares the bytes.
    fn share(&self) -> Self;
}

impl<T: Serialize + DeserializeOwned> Encoding<T> for Packed<T> {
    fn encode(value: &T) -> Packed<T> {
        Packed::new(value)
    }

    fn decode(&self) -> T {
        self.unpack()
    }

    fn share(&self) -> Packed<T> {
        self.clone()
    }
}

impl<T: Default, E: Encoding<T>> Stowed<T, E> {
    /// A value read from the cache's encoding, decoded when first read.
    fn from_packed(packed: E) -> Stowed<T, E> {
        Stowed {
            packed: Some(packed),
            value: OnceLock::new(),
        }
    }

    /// The value encoded as it is kept, when it is kept so: how the risk
    /// pages read one risk of a project without decoding the others.
    pub fn encoded(&self) -> Option<&E> {
        self.packed.as_ref()
    }

    /// The value: borrowed when it is decoded, else decoded for the caller
    /// only, not kept. A build that renders every page of projects taken
    /// from the cache (a CI job that restores the cache but not the site)
    /// reads each project for its page and its `status.json` part, and
    /// keeping them all decoded took the memory back to a cold build's.
    pub fn get(&self) -> Cow<'_, T>
    where
        T: Clone,
    {
        match (self.value.get(), &self.packed) {
            (Some(value), _) => Cow::Borrowed(value),
            (None, Some(packed)) => Cow::Owned(packed.decode()),
            (None, None) => Cow::Owned(T::default()),
        }
    }

    /// Calls `read` with the value, decoded for the call only ([`Stowed::get`]).
    pub fn read<R>(&self, read: impl FnOnce(&T) -> R) -> R
    where
        T: Clone,
    {
        read(&self.get())
    }

    /// Encodes the value and drops it, to be decoded again only while read.
    pub fn pack(&mut self) {
        if self.packed.is_none() {
            self.packed = Some(E::encode(&**self));
        }
        self.value = OnceLock::new();
    }

    /// Decodes the value and keeps it decoded, beside its bytes (as
    /// `Deref` does).
    pub fn decode(&self) {
        let _ = &**self;
    }

    /// Whether the value has not been decoded (for tests).
    pub fn is_packed(&self) -> bool {
        self.value.get().is_none()
    }
}

impl<T: Default, E> Default for Stowed<T, E> {
    fn default() -> Stowed<T, E> {
        Stowed::from(T::default())
    }
}

impl<T, E> From<T> for Stowed<T, E> {
    fn from(value: T) -> Stowed<T, E> {
        Stowed {
            packed: None,
            value: OnceLock::from(value),
        }
    }
}

impl<T: Default, E: Encoding<T>> std::ops::Deref for Stowed<T, E> {
    type Target = T;

    fn deref(&self) -> &T {
        // Without bytes, the value was set when it was made.
        self.value
            .get_or_init(|| self.packed.as_ref().map(E::decode).unwrap_or_default())
    }
}

impl<T: Default, E: Encoding<T>> std::ops::DerefMut for Stowed<T, E> {
    /// The value, decoded if need be; its encoding no longer matches it.
    fn deref_mut(&mut self) -> &mut T {
        if let Some(packed) = self.packed.take() {
            self.value.get_or_init(|| packed.decode());
        }
        self.value
            .get_mut()
            .expect("a value without bytes is decoded")
    }
}

/// A value kept encoded as the cache stores it (postcard, paths elided,
/// then LZ4) until it is read. A build keeps every document's status from
/// its extraction until its project is assembled, and every project's
/// section tree until its pages are written: encoded, they take about a
/// tenth of the room they take decoded (LZ4 halves postcard's bytes, whose
/// strings and floats repeat, for about 2 % of a cold build's CPU). A copy
/// shares the bytes.
pub struct Packed<T> {
    bytes: Arc<[u8]>,
    of: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned> Packed<T> {
    /// `value` encoded. The types packed hold nothing postcard cannot
    /// write (it fails only on sequences of unknown length).
    pub fn new(value: &T) -> Packed<T> {
        let _elided = SourcesElided::begin();
        let encoded = postcard::to_stdvec(value).expect("a status or tree encodes");
        let bytes = lz4_flex::block::compress_prepend_size(&encoded);
        Packed {
            bytes: bytes.into(),
            of: PhantomData,
        }
    }

    /// The value, decoded. Its bytes were encoded by [`Packed::new`] in
    /// this same sitrep build, or read back from the cache with their
    /// checksum checked.
    pub fn unpack(&self) -> T {
        let _elided = SourcesElided::begin();
        let encoded = lz4_flex::block::decompress_size_prepended(&self.bytes)
            .expect("a value packed by this build decompresses");
        postcard::from_bytes(&encoded).expect("a value packed by this build decodes")
    }

    /// The postcard encoding, before compression (for tests of its form).
    #[cfg(test)]
    pub(crate) fn encoding(&self) -> Vec<u8> {
        lz4_flex::block::decompress_size_prepended(&self.bytes).unwrap()
    }
}

/// A list encoded value by value (each as [`Packed`] encodes one, so that
/// each decodes on its own), then compressed as one block: one of the
/// [`Blocks`] that keep a project's risks. One block compresses the
/// repeats between values that a block per value cannot, and costs one
/// allocation instead of one per value.
pub struct PackedEach<T> {
    bytes: Box<[u8]>,
    /// Where each value ends in the uncompressed bytes.
    ends: Box<[u32]>,
    of: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned> PackedEach<T> {
    /// `values` encoded.
    pub fn new(values: &[T]) -> PackedEach<T> {
        let mut encoded = Vec::new();
        let mut ends = Vec::with_capacity(values.len());
        for value in values {
            let _elided = SourcesElided::begin();
            encoded = postcard::to_extend(value, encoded).expect("a packed value encodes");
            ends.push(u32::try_from(encoded.len()).expect("a block under 4 GB"));
        }
        PackedEach {
            bytes: lz4_flex::block::compress_prepend_size(&encoded).into(),
            ends: ends.into(),
            of: PhantomData,
        }
    }

    /// How many values the block holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the block holds no value.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The value at `index` (of those given to [`PackedEach::new`]).
    pub fn get(&self, index: usize) -> T {
        self.get_from(&self.decompress(), index)
    }

    /// The values' encodings, decompressed: for several values read in a
    /// row with [`PackedEach::get_from`], the block decompressed once.
    pub fn decompress(&self) -> Vec<u8> {
        lz4_flex::block::decompress_size_prepended(&self.bytes)
            .expect("a value packed by this build decompresses")
    }

    /// The value at `index`, from this block's [`PackedEach::decompress`].
    pub fn get_from(&self, decompressed: &[u8], index: usize) -> T {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]) as usize;
        let _elided = SourcesElided::begin();
        postcard::from_bytes(&decompressed[start..self.ends[index] as usize])
            .expect("a value packed by this build decodes")
    }
}

/// In the cache, as its compressed bytes and where each value ends.
impl<T> Serialize for PackedEach<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (RawBytes(&self.bytes), &self.ends).serialize(serializer)
    }
}

impl<'de, T> Deserialize<'de> for PackedEach<T> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<PackedEach<T>, D::Error> {
        let (OwnedBytes(bytes), ends) = Deserialize::deserialize(deserializer)?;
        Ok(PackedEach {
            bytes,
            ends,
            of: PhantomData,
        })
    }
}

/// Bytes that serde writes as bytes, not as a list of numbers (read back
/// as [`OwnedBytes`]).
struct RawBytes<'b>(&'b [u8]);

impl Serialize for RawBytes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

/// A list kept in blocks of [`Blocks::PER_BLOCK`] values ([`PackedEach`]):
/// how a project keeps its risks ([`Stowed`]). The risk table shows every
/// risk of the portfolio one row at a time, in an order that scatters a
/// project's risks across pages, and a row decodes only its block. (The
/// risk pages kept such blocks as a second copy of every risk, beside the
/// project's risks packed whole: 12 MB at 10,000 documents, at the
/// build's peak.)
pub struct Blocks<T> {
    blocks: Arc<[PackedEach<T>]>,
}

impl<T> Blocks<T> {
    /// How many values a block holds: a row decompresses the block of its
    /// risk, so a project with hundreds of risks (the long tail of a
    /// portfolio) must not be one block, which made a cold build 10-15 %
    /// slower; sixteen still share their repeats (paths, owners). Blocks of
    /// 8, 16 and 32 gave about 200, 190 and 186 MB of peak memory at
    /// 10,000 documents (BENCHMARKS.md).
    pub const PER_BLOCK: usize = 16;

    /// The block that holds value `index`, and its place there.
    pub fn locate(&self, index: usize) -> (&PackedEach<T>, usize) {
        (
            &self.blocks[index / Self::PER_BLOCK],
            index % Self::PER_BLOCK,
        )
    }
}

impl<T: Serialize + DeserializeOwned> Encoding<Vec<T>> for Blocks<T> {
    fn encode(values: &Vec<T>) -> Blocks<T> {
        Blocks {
            blocks: values
                .chunks(Self::PER_BLOCK)
                .map(PackedEach::new)
                .collect(),
        }
    }

    fn decode(&self) -> Vec<T> {
        let mut values = Vec::with_capacity(self.blocks.iter().map(PackedEach::len).sum());
        for block in self.blocks.iter() {
            let bytes = block.decompress();
            values.extend((0..block.len()).map(|index| block.get_from(&bytes, index)));
        }
        values
    }

    fn share(&self) -> Blocks<T> {
        Blocks {
            blocks: Arc::clone(&self.blocks),
        }
    }
}

impl<T> Serialize for Blocks<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.blocks.serialize(serializer)
    }
}

impl<'de, T> Deserialize<'de> for Blocks<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Blocks<T>, D::Error> {
        let blocks: Vec<PackedEach<T>> = Deserialize::deserialize(deserializer)?;
        Ok(Blocks {
            blocks: blocks.into(),
        })
    }
}

impl<T> Clone for Packed<T> {
    fn clone(&self) -> Packed<T> {
        Packed {
            bytes: Arc::clone(&self.bytes),
            of: PhantomData,
        }
    }
}

impl<T> PartialEq for Packed<T> {
    fn eq(&self, other: &Packed<T>) -> bool {
        self.bytes == other.bytes
    }
}

/// As its bytes: a cache entry holds a status or a tree as it was packed.
impl<T> Serialize for Packed<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.bytes)
    }
}

impl<'de, T> Deserialize<'de> for Packed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Packed<T>, D::Error> {
        let OwnedBytes(bytes) = Deserialize::deserialize(deserializer)?;
        Ok(Packed {
            bytes,
            of: PhantomData,
        })
    }
}

/// Bytes as serde reads them, copied once into `B` (`Arc<[u8]>`,
/// `Box<[u8]>`): the other half of [`RawBytes`].
struct OwnedBytes<B>(B);

impl<'de, B: for<'b> From<&'b [u8]>> Deserialize<'de> for OwnedBytes<B> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<OwnedBytes<B>, D::Error> {
        struct Visitor<B>(PhantomData<fn() -> B>);

        impl<B: for<'b> From<&'b [u8]>> serde::de::Visitor<'_> for Visitor<B> {
            type Value = OwnedBytes<B>;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("an encoded value")
            }

            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<OwnedBytes<B>, E> {
                Ok(OwnedBytes(bytes.into()))
            }
        }

        deserializer.deserialize_bytes(Visitor(PhantomData))
    }
}

impl<T> std::fmt::Debug for Packed<T> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(formatter, "Packed({} bytes)", self.bytes.len())
    }
}

impl<T: Clone, E: Encoding<T>> Clone for Stowed<T, E> {
    fn clone(&self) -> Stowed<T, E> {
        Stowed {
            packed: self.packed.as_ref().map(E::share),
            value: self.value.clone(),
        }
    }
}

impl<T: Default + Clone + PartialEq, E: Encoding<T>> PartialEq for Stowed<T, E> {
    fn eq(&self, other: &Stowed<T, E>) -> bool {
        *self.get() == *other.get()
    }
}

impl<T: Default + Clone + std::fmt::Debug, E: Encoding<T>> std::fmt::Debug for Stowed<T, E> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.get().fmt(formatter)
    }
}

impl<T: Serialize + Default + Clone, E: Encoding<T>> Serialize for Stowed<T, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return self.get().serialize(serializer);
        }
        match &self.packed {
            Some(packed) => packed.serialize(serializer),
            None => E::encode(&**self).serialize(serializer),
        }
    }
}

impl<'de, T: DeserializeOwned + Default, E: Encoding<T>> Deserialize<'de> for Stowed<T, E> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Stowed<T, E>, D::Error> {
        if deserializer.is_human_readable() {
            return T::deserialize(deserializer).map(Stowed::from);
        }
        E::deserialize(deserializer).map(Stowed::from_packed)
    }
}
