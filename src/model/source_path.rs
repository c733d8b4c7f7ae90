//! How `source` paths are written and read.
//!
//! Read back, the fields that name the same document in a row share one
//! allocation, as extraction made them (a status holds about 140 of them):
//! a status read from the cache then costs one path per document instead
//! of two allocations per item, section, milestone and risk, a sixth of
//! the memory of a 10,000-document rebuild.
//!
//! In the cache ([`SourcesElided`]), a path equal to the one written just
//! before it is written empty and read back as that one: a document's own
//! path, over and over, was about a third of the bytes of its entry.
//! `status.json` and everything else always carry every path.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use serde::{Deserializer, Serializer};

thread_local! {
    static ELIDING: Cell<bool> = const { Cell::new(false) };
    static LAST_WRITTEN: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
    static LAST_READ: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
}

pub fn serialize<S: Serializer>(source: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
    let repeated = ELIDING.get()
        && LAST_WRITTEN.with_borrow_mut(|last| {
            let repeated = last.as_deref() == Some(&**source);
            if !repeated {
                *last = Some(Arc::clone(source));
            }
            repeated
        });
    serializer.serialize_str(if repeated { "" } else { source })
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<str>, D::Error> {
    struct Source;

    impl serde::de::Visitor<'_> for Source {
        type Value = Arc<str>;

        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a document path")
        }

        fn visit_str<E: serde::de::Error>(self, path: &str) -> Result<Arc<str>, E> {
            LAST_READ.with_borrow_mut(|last| match last {
                Some(shared) if path.is_empty() && ELIDING.get() => Ok(Arc::clone(shared)),
                _ if path.is_empty() && ELIDING.get() => {
                    Err(E::custom("an elided path with none before it"))
                }
                Some(shared) if **shared == *path => Ok(Arc::clone(shared)),
                _ => Ok(Arc::clone(last.insert(Arc::from(path)))),
            })
        }
    }

    deserializer.deserialize_str(Source)
}

/// While it lives, `source` paths are written and read as the cache stores
/// them: one equal to the path before it is left empty (see the module's head).
/// Each entry is written and read under one, from its first path. One may
/// begin inside another (a project's [`Sections`](super::Sections) are encoded on their
/// own, from their first path): the outer one resumes when it ends.
pub struct SourcesElided {
    outer: (bool, Option<Arc<str>>, Option<Arc<str>>),
}

impl SourcesElided {
    pub fn begin() -> SourcesElided {
        SourcesElided {
            outer: (ELIDING.replace(true), LAST_WRITTEN.take(), LAST_READ.take()),
        }
    }
}

impl Drop for SourcesElided {
    /// Even when encoding or decoding failed or panicked: `status.json`
    /// must never lose a path.
    fn drop(&mut self) {
        let (eliding, written, read) = std::mem::take(&mut self.outer);
        ELIDING.set(eliding);
        LAST_WRITTEN.replace(written);
        LAST_READ.replace(read);
    }
}
