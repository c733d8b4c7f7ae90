//! What `serve` keeps of one build for the next ([`Previous`]), and the
//! keys that say whether a project's inputs changed since
//! ([`project_key`]).

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::read::{Extracted, Extraction};
use super::Portal;
use crate::cache::{self, Key};
use crate::config::Config;
use crate::ingest::{self, Content, Document};
use crate::memo::Identity;
use crate::model::{Diagnostic, Level, Project};

/// What `serve` keeps of its last good build for the next one: each
/// document's ingest results under its cache key, and each project as it
/// was assembled, under the key of everything it was assembled from
/// ([`project_key`]). An unchanged document is then not decoded from the
/// cache, nor an unchanged project assembled again: at 10,000 projects
/// those were most of a rebuild. The projects are moved into the next
/// build, not copied.
#[derive(Default)]
pub struct Previous {
    /// Documents by source.
    pub(super) documents: FxHashMap<String, Known>,
    /// Projects by the key of their inputs.
    pub(super) projects: FxHashMap<Key, Project>,
    /// When the build that left this began reading, in nanoseconds since 1970.
    pub(super) read_started_ns: u128,
    /// How many projects the build that left this took from the one before.
    pub(super) reused: usize,
    /// How many documents it took from the one before without reading them.
    pub(super) unread: usize,
    /// Whether a rebuild follows: then a build notes each project's key,
    /// which `sitrep build` has no use for.
    pub(super) rebuilds: bool,
    /// The build's errors (files it could not read), for `serve` to name.
    pub(super) errors: Vec<Diagnostic>,
}

/// A document as the previous build read it.
pub(super) struct Known {
    pub(super) key: Key,
    /// The document without its text.
    pub(super) document: Document,
    pub(super) identity: Option<Identity>,
}

impl Known {
    /// The document and what the build keeps of it, taken from the
    /// previous build; its status is read only if its project changed.
    pub(super) fn reuse(&self, identity: Option<Identity>) -> (Document, Extracted) {
        let extracted = Extracted {
            key: self.key,
            identity,
            status: None,
            cached: true,
        };
        (self.document.clone(), extracted)
    }
}

impl Previous {
    /// What the first of a series of rebuilds starts from: nothing yet.
    pub fn first() -> Previous {
        Previous {
            rebuilds: true,
            ..Previous::default()
        }
    }

    /// What the next rebuild can take from `portal`, read with `extraction`:
    /// its documents and its projects, each put by key on its own core.
    pub(super) fn keep(portal: Portal, extraction: &Extraction) -> Previous {
        let (content, projects) = (portal.content, portal.status.projects);
        // Errors are the portfolio's: a file that could not be read is no
        // project's document.
        let mut errors = portal.status.diagnostics;
        errors.retain(|d| d.level == Level::Error);
        let (documents, projects) = rayon::join(
            || Previous::documents_of(content, extraction),
            || {
                let mut by_key = FxHashMap::default();
                by_key.reserve(projects.len());
                for project in projects {
                    if let Some(&key) = extraction.project_keys.get(&project.slug) {
                        by_key.insert(key, project);
                    }
                }
                by_key
            },
        );
        Previous {
            documents,
            projects,
            read_started_ns: extraction.read_started_ns,
            reused: extraction.reused,
            unread: extraction.unread,
            rebuilds: true,
            errors,
        }
    }

    /// The documents of `content` by source, without their texts.
    fn documents_of(content: Content, extraction: &Extraction) -> FxHashMap<String, Known> {
        let mut documents = FxHashMap::default();
        documents.reserve(extraction.keys.len());
        let all = content.projects.into_iter().flat_map(|p| p.documents);
        for document in all {
            let Some(&key) = extraction.keys.get(&document.source) else {
                continue;
            };
            let identity = extraction.identities.get(&document.source).copied();
            let document = Document {
                text: String::new(),
                ..document
            };
            documents.insert(
                document.source.clone(),
                Known {
                    key,
                    document,
                    identity,
                },
            );
        }
        documents
    }

    /// The document `source` as the previous build read it, if the file is
    /// still the one it read (`identity`) and had settled before
    /// ([`Identity::settled_before`]): then it is not read again.
    pub(super) fn untouched(&self, source: &str, identity: Option<Identity>) -> Option<&Known> {
        let identity = identity?;
        let known = self.documents.get(source)?;
        let settled = identity.settled_before(self.read_started_ns);
        (known.identity == Some(identity) && settled).then_some(known)
    }

    /// How many documents the build that left this took from the one
    /// before without reading them.
    pub fn unread(&self) -> usize {
        self.unread
    }

    /// How many projects the build that left this took as the build before
    /// it had assembled them (for `serve`'s log, and tests).
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// How many projects the build that left this had.
    pub fn projects(&self) -> usize {
        self.projects.len()
    }

    /// The errors of the build that left this.
    pub fn errors(&self) -> &[Diagnostic] {
        &self.errors
    }
}

/// The key of what a project is assembled from: the sitrep build, the
/// config and the as-of date (`seed`, [`assembly_seed`]), its slug, and its
/// documents' paths and cache keys, in order.
pub(super) fn project_key(
    seed: Key,
    sources: &ingest::ProjectSources,
    keys: &FxHashMap<String, Key>,
) -> Key {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&seed.to_le_bytes());
    hasher.update(sources.slug.as_bytes());
    for document in &sources.documents {
        hasher.update(&[0]);
        hasher.update(document.source.as_bytes());
        let key = keys.get(&document.source).copied().unwrap_or_default();
        hasher.update(&key.to_le_bytes());
    }
    hasher.digest128()
}

/// What every project's assembly depends on besides its documents.
pub(super) fn assembly_seed(config: &Config, as_of: NaiveDate) -> Key {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(cache::build_fingerprint().as_bytes());
    hasher.update(
        serde_json::to_string(&(config, as_of))
            .unwrap_or_default()
            .as_bytes(),
    );
    hasher.digest128()
}
