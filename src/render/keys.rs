//! The keys of the pages in the [`Memo`](super::Memo): a page whose key is
//! the one the previous build recorded is not rendered again. Every key
//! starts from the seed of what all pages share ([`page_seed`]); a project
//! page adds its documents ([`page_key`]), a document's own page its place
//! among them ([`document_key`]), a cross-project page its template, path
//! and values or inputs ([`page_hasher`]).

use std::collections::BTreeMap;
use std::io::Write;

use super::links::LinkTargets;
use super::Texts;
use crate::cache::Key;
use crate::config::Config;
use crate::history::History;
use crate::ingest::Document;
use crate::model::{PortfolioStatus, Project};

/// What every project page depends on besides its own documents: the sitrep
/// build, the config, the portfolio's title and date, the templates, the
/// recorded snapshots, and where every document is shown (a document's
/// links to the others lead there). Part of every page's key in the
/// [`Memo`](super::Memo).
pub fn page_seed(
    portfolio: &PortfolioStatus,
    config: &Config,
    templates: &BTreeMap<String, String>,
    history: &History,
    targets: &LinkTargets,
) -> Key {
    let mut hasher = HashWriter(xxhash_rust::xxh3::Xxh3::new());
    hasher
        .0
        .update(crate::cache::build_fingerprint().as_bytes());
    let shared = (
        config,
        templates,
        &portfolio.title,
        &portfolio.description,
        portfolio.as_of,
        &portfolio.generator,
    );
    let _ = serde_json::to_writer(&mut hasher, &shared);
    for snapshot in &history.snapshots {
        let flags = (&snapshot.label, snapshot.archived, snapshot.tarball);
        let _ = serde_json::to_writer(&mut hasher, &flags);
        let _ = serde_json::to_writer(&mut hasher, &snapshot.status);
    }
    targets.hash_into(&mut hasher.0);
    hasher.0.digest128()
}

/// The key of a project page: the shared seed, its slug, and its documents'
/// paths and content keys (`None` when one has no key).
pub(super) fn page_key(
    seed: Key,
    slug: &str,
    documents: &[Document],
    texts: &dyn Texts,
) -> Option<Key> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&seed.to_le_bytes());
    hasher.update(slug.as_bytes());
    for document in documents {
        hasher.update(&[0]);
        hasher.update(document.source.as_bytes());
        hasher.update(&texts.key(document)?.to_le_bytes());
    }
    Some(hasher.digest128())
}

/// The key of the own page of the `place`-th of `project`'s `documents`:
/// the shared seed, the project's slug and name, the document's place,
/// path and content key, and what the page says of the others (their
/// number, the paths of the documents before and after it).
pub(super) fn document_key(
    seed: Key,
    project: &Project,
    documents: &[Document],
    place: usize,
    texts: &dyn Texts,
) -> Option<Key> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&seed.to_le_bytes());
    for text in [&project.slug, &project.name] {
        hasher.update(text.as_bytes());
        hasher.update(&[0]);
    }
    hasher.update(&(place as u64).to_le_bytes());
    hasher.update(&(documents.len() as u64).to_le_bytes());
    hasher.update(&texts.key(&documents[place])?.to_le_bytes());
    let neighbours = place.saturating_sub(1)..(place + 2).min(documents.len());
    for document in &documents[neighbours] {
        hasher.update(document.source.as_bytes());
        hasher.update(&[0]);
    }
    Some(hasher.digest128())
}

/// A hasher holding what the key of every cross-project page starts with:
/// the shared seed, the template, the path, and `kind`, which of the two
/// kinds of key it is (by the page's values, or by its inputs).
pub(super) fn page_hasher(seed: Key, template: &str, path: &str, kind: &[u8]) -> HashWriter {
    let mut hasher = HashWriter(xxhash_rust::xxh3::Xxh3::new());
    hasher.0.update(&seed.to_le_bytes());
    hasher.0.update(template.as_bytes());
    hasher.0.update(&[0]);
    hasher.0.update(path.as_bytes());
    hasher.0.update(&[0]);
    hasher.0.update(kind);
    hasher
}

/// Feeds serde_json's output to a hasher, without building the text.
pub(super) struct HashWriter(pub(super) xxhash_rust::xxh3::Xxh3);

impl Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
