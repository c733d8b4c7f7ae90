//! Reading the documents: each file read, decoded and extracted once, or
//! taken from the previous build or the cache, and the projects assembled
//! into the portfolio; the texts kept within a budget and read again for
//! their pages ([`Reread`]).

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{bail, Context as _};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::previous::{assembly_seed, project_key, Previous};
use super::{resolve_as_of, BuildOptions, Portal, Reading, Stages};
use crate::cache::{self, Cache, Key};
use crate::config::Config;
use crate::extract::{self, Context};
use crate::ingest::{self, Content, Document};
use crate::memo::Identity;
use crate::model::{DocumentStatus, Packed, Project};
use crate::{portfolio, render};

/// Texts a build keeps in memory after extraction, at most; beyond it a
/// document's text is dropped and read again when its page is rendered, so
/// that memory does not grow with the size of `content/`. A small portal
/// keeps all its texts; at 10,000 documents, keeping 32 MB of them instead
/// of 8 MB cost 40 MB of peak memory and saved no measurable time; 1 MB
/// instead of 8 MB saved 7 MB and cost 0.7 s, in system time.
const TEXT_BUDGET: usize = 8 << 20;

/// The documents as a build keeps them: their status, and the texts it
/// dropped (read again by [`Reread`] when their page is rendered).
pub(super) struct Extraction {
    /// Per project, its documents' statuses (`None`: not decoded, as the
    /// previous build or the cache has it).
    pub(super) statuses: Vec<Vec<Option<Packed<DocumentStatus>>>>,
    /// Cache key of every document, by source: its content's fingerprint.
    pub(super) keys: FxHashMap<String, Key>,
    /// Key of every project's inputs, by slug ([`project_key`]).
    pub(super) project_keys: FxHashMap<String, Key>,
    /// Projects taken as the previous build assembled them ([`Previous`]).
    pub(super) reused: usize,
    /// Slugs of the projects assembled in this build (the others were
    /// taken from the previous build or the cache), for the cache.
    pub(super) assembled: FxHashSet<String>,
    /// Identity of every document, by source, and when reading began.
    pub(super) identities: FxHashMap<String, Identity>,
    pub(super) read_started_ns: u128,
    /// Documents taken from the previous build, or from the cache by their
    /// file's identity ([`cache::Index`]), without being read.
    pub(super) unread: usize,
    pub(super) reading: Reading,
}

impl Extraction {
    /// The cache entries this build used or made: its documents' and its
    /// projects'.
    pub(super) fn used_keys(&self) -> FxHashSet<Key> {
        let documents = self.keys.values();
        documents
            .chain(self.project_keys.values())
            .copied()
            .collect()
    }

    /// Each document's identity and key, and what ingest made of it, for
    /// the cache's [`cache::Index`].
    pub(super) fn files(&self, content: &Content) -> FxHashMap<String, cache::IndexedFile> {
        let documents = content.projects.iter().flat_map(|p| &p.documents);
        (documents.chain(&content.intro))
            .filter_map(|document| {
                let source = &document.source;
                let file = cache::IndexedFile {
                    identity: *self.identities.get(source)?,
                    key: *self.keys.get(source)?,
                    ingested: cache::Ingested::of(document),
                };
                Some((source.clone(), file))
            })
            .collect()
    }
}

/// What [`read_and_extract`] keeps of one document besides the document.
pub(super) struct Extracted {
    pub(super) key: Key,
    /// The file's identity when it was read, if it has one.
    pub(super) identity: Option<Identity>,
    /// `None`: the document is as the previous build ([`Previous`]) or the
    /// cache has it; its status is read only if its project must be
    /// assembled again. Kept encoded until then ([`Packed`]).
    pub(super) status: Option<Packed<DocumentStatus>>,
    pub(super) cached: bool,
}

pub(super) fn read_portal_timed(
    options: &BuildOptions,
    stages: &mut Stages,
    keep_texts: bool,
    previous: Previous,
) -> anyhow::Result<(Portal, Extraction, Cache)> {
    stages.start();
    let mut config = Config::load(&options.root)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = Some(base_url.clone());
    }
    if let Some(source_url) = &options.source_url {
        config.source_url = Some(source_url.clone());
    }
    let (as_of, built_at) = resolve_as_of(options.as_of, &config)?;
    let content_dir = options.root.join("content");
    if !content_dir.is_dir() {
        bail!(
            "no content/ folder in {}: put your tracking documents in content/ (or run `sitrep init`)",
            options.root.display()
        );
    }
    let cache = if options.no_cache {
        Cache::disabled(&config, as_of)
    } else {
        Cache::open(&options.root, &config, as_of)
    };
    let context = Context::new(&config, as_of);
    let (content, mut extraction) =
        read_and_extract(&content_dir, &context, &cache, keep_texts, &previous)?;
    stages.done("read");
    let rebuilds = previous.rebuilds;
    if rebuilds || cache.dir().is_some() {
        let seed = assembly_seed(&config, as_of);
        extraction.project_keys = content
            .projects
            .iter()
            .map(|sources| {
                let key = project_key(seed, sources, &extraction.keys);
                (sources.slug.clone(), key)
            })
            .collect();
    }
    let assembled = assembled_before(&content, &mut extraction, previous, &cache);
    let statuses = std::mem::take(&mut extraction.statuses);
    let inputs = content
        .projects
        .par_iter()
        .zip(statuses)
        .zip(assembled)
        .map(|((sources, statuses), assembled)| match assembled {
            Some(project) => Ok(portfolio::Input::Assembled(Box::new(project))),
            None => sources
                .documents
                .iter()
                .zip(statuses)
                .map(|(document, status)| match status {
                    Some(status) => Ok(status),
                    None => read_again(&content_dir, &context, &cache, &extraction.keys, document),
                })
                .collect::<anyhow::Result<_>>()
                .map(portfolio::Input::Documents),
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let status = portfolio::assemble(&content, inputs, &config, as_of, built_at);
    if rebuilds {
        status.projects.par_iter().for_each(Project::decode);
    }
    stages.done("portfolio");
    Ok((
        Portal {
            config,
            content,
            status,
        },
        extraction,
        cache,
    ))
}

/// The projects whose inputs did not change, as they were assembled: from
/// the previous build, else from the cache (`None`: to be assembled, from
/// the statuses of their documents, decoded if they were not). Notes in
/// `extraction` how many came from each, and which are assembled anew.
fn assembled_before(
    content: &Content,
    extraction: &mut Extraction,
    mut previous: Previous,
    cache: &Cache,
) -> Vec<Option<Project>> {
    let keys = &extraction.project_keys;
    let mut assembled: Vec<Option<Project>> = (content.projects.iter())
        .map(|sources| previous.projects.remove(keys.get(&sources.slug)?))
        .collect();
    drop(previous);
    extraction.reused = assembled.iter().filter(|project| project.is_some()).count();
    (assembled.par_iter_mut().zip(&content.projects))
        .filter(|(project, _)| project.is_none())
        .for_each(|(project, sources)| {
            *project = keys.get(&sources.slug).and_then(|&key| cache.project(key));
        });
    let taken = assembled.iter().filter(|project| project.is_some()).count();
    extraction.reading.projects_cached = taken - extraction.reused;
    extraction.assembled = (content.projects.iter().zip(&assembled))
        .filter(|(_, project)| project.is_none())
        .map(|(sources, _)| sources.slug.clone())
        .collect();
    assembled
}

/// Reads, decodes and extracts every document in one parallel pass, taking
/// what it can from the cache, and drops texts beyond [`TEXT_BUDGET`]
/// (all of them are kept when `keep_texts`).
fn read_and_extract(
    content_dir: &Path,
    context: &Context,
    cache: &Cache,
    keep_texts: bool,
    previous: &Previous,
) -> anyhow::Result<(Content, Extraction)> {
    let budget = if keep_texts { usize::MAX } else { TEXT_BUDGET };
    let texts_kept = AtomicUsize::new(0);
    let decode_nanos = AtomicU64::new(0);
    let extract_nanos = AtomicU64::new(0);
    let unread = AtomicUsize::new(0);
    let read_started_ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    // Texts kept means every page is rendered: each file is read anyway.
    // After a rebuild in `serve`, `previous` knows the files better.
    let index = if keep_texts || !previous.documents.is_empty() {
        cache::Index::default()
    } else {
        cache.index()
    };
    let (content, mut kept) = ingest::load_with(content_dir, |found| {
        let source = found.source.as_str();
        // Taken by the walk, before reading: a change made meanwhile shows next time.
        let identity = found.identity;
        if let Some(known) = previous.untouched(source, identity) {
            unread.fetch_add(1, Ordering::Relaxed);
            return Ok(known.reuse(identity));
        }
        if let Some(file) = index.unchanged(source, identity) {
            unread.fetch_add(1, Ordering::Relaxed);
            let ingested = file.ingested.clone();
            return Ok(from_cache(source, file.key, identity, ingested));
        }
        let bytes = ingest::read_bytes(found)?;
        let key = cache.key(source, &bytes);
        if let Some(known) = previous.documents.get(source).filter(|k| k.key == key) {
            return Ok(known.reuse(identity));
        }
        // Texts kept (`check`): the document is decoded, its status with it.
        if !keep_texts {
            if let Some(ingested) = cache.ingested(key) {
                return Ok(from_cache(source, key, identity, ingested));
            }
        }
        let entry = keep_texts.then(|| cache.get(key)).flatten();
        let cached = entry.is_some();
        let started = crate::cpu::thread_time();
        let mut document = Document::from_bytes(source, bytes);
        add_time(&decode_nanos, started);
        let status = match entry {
            Some(entry) => entry.status,
            None => extract_and_store(&document, context, cache, key, &extract_nanos),
        };
        let size = document.text.len();
        if texts_kept.fetch_add(size, Ordering::Relaxed) + size > budget {
            texts_kept.fetch_sub(size, Ordering::Relaxed);
            document.text = String::new();
        }
        Ok((
            document,
            Extracted {
                key,
                identity,
                status: Some(status),
                cached,
            },
        ))
    })?;
    let unread = unread.into_inner();
    let mut reading = Reading {
        unread,
        decode_cpu: Duration::from_nanos(decode_nanos.into_inner()),
        extract_cpu: Duration::from_nanos(extract_nanos.into_inner()),
        ..Reading::default()
    };
    for extracted in kept.values() {
        if extracted.cached {
            reading.cached += 1;
        } else {
            reading.extracted += 1;
        }
    }
    let keys = kept
        .iter()
        .map(|(source, e)| (source.clone(), e.key))
        .collect();
    let identities = kept
        .iter()
        .filter_map(|(source, e)| Some((source.clone(), e.identity?)))
        .collect();
    let statuses = content
        .projects
        .iter()
        .map(|project| {
            project
                .documents
                .iter()
                .filter_map(|document| kept.remove(&document.source))
                .map(|extracted| extracted.status)
                .collect()
        })
        .collect();
    Ok((
        content,
        Extraction {
            statuses,
            keys,
            project_keys: FxHashMap::default(),
            reused: 0,
            assembled: FxHashSet::default(),
            identities,
            read_started_ns,
            unread,
            reading,
        },
    ))
}

/// A document as the cache has it, without its text (read again only if a
/// page must show it) nor its status (decoded only if its project must be
/// assembled again): its file was not read at all ([`cache::Index`]), or
/// was read and hashed only.
fn from_cache(
    source: &str,
    key: Key,
    identity: Option<Identity>,
    ingested: cache::Ingested,
) -> (Document, Extracted) {
    let document = Document {
        source: source.to_string(),
        text: String::new(),
        front_matter: ingested.front_matter,
        diagnostics: ingested.diagnostics,
        // Not kept in the cache: a page that reads the file detects it.
        decoding: None,
    };
    let extracted = Extracted {
        key,
        identity,
        status: None,
        cached: true,
    };
    (document, extracted)
}

/// The status of a document that [`read_and_extract`] did not read because
/// the previous build had it, for a project assembled again: from the
/// cache, else read and extracted again.
fn read_again(
    content_dir: &Path,
    context: &Context,
    cache: &Cache,
    keys: &FxHashMap<String, Key>,
    document: &Document,
) -> anyhow::Result<Packed<DocumentStatus>> {
    let key = keys.get(&document.source).copied();
    if let Some(entry) = key.and_then(|key| cache.get(key)) {
        return Ok(entry.status);
    }
    let document = read_unchanged(content_dir, cache, key, document)?;
    Ok(Packed::new(&extract::extract_or_report(&document, context)))
}

/// The document `source` read again, which must still be what the build
/// read first (its cache key `key`): a status and a page must not come from
/// two versions of one file.
///
/// `known` is the document as the build read it first: its bytes decode
/// as they did then ([`Document::from_bytes_as`]).
fn read_unchanged(
    content_dir: &Path,
    cache: &Cache,
    key: Option<Key>,
    known: &Document,
) -> anyhow::Result<Document> {
    let source = known.source.as_str();
    let path = content_dir.join(source);
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    if key != Some(cache.key(source, &bytes)) {
        bail!("{} changed during the build; build again", path.display());
    }
    Ok(Document::from_bytes_as(source, bytes, known.decoding))
}

/// Extracts a document read afresh and stores the result in the cache.
fn extract_and_store(
    document: &Document,
    context: &Context,
    cache: &Cache,
    key: Key,
    nanos: &AtomicU64,
) -> Packed<DocumentStatus> {
    let started = crate::cpu::thread_time();
    let status = Packed::new(&extract::extract_or_report(document, context));
    add_time(nanos, started);
    if cache.dir().is_some() {
        let entry = cache::Entry {
            ingested: cache::Ingested::of(document),
            // The same bytes, shared.
            status: status.clone(),
        };
        cache.put(key, &entry);
    }
    status
}

/// Adds the CPU time the thread used since `started` to `total`.
fn add_time(total: &AtomicU64, started: Duration) {
    let nanos = u64::try_from(crate::cpu::since(started).as_nanos()).unwrap_or(u64::MAX);
    total.fetch_add(nanos, Ordering::Relaxed);
}

/// Texts for the pages: a document whose text was dropped after extraction
/// is read and decoded again; one that changed since is an error (its page
/// would not match its status).
pub(super) struct Reread<'a> {
    pub(super) content_dir: PathBuf,
    pub(super) cache: &'a Cache,
    pub(super) keys: &'a FxHashMap<String, Key>,
    /// The texts kept after extraction ([`TEXT_BUDGET`]), by source, each
    /// handed to its page and dropped with it: a build's memory peaks in
    /// the cross-project pages, after the project pages, and they need no
    /// text.
    pub(super) kept: FxHashMap<String, Mutex<Option<String>>>,
}

impl<'a> Reread<'a> {
    /// Takes the texts `content` kept (all but the intro's, which stays).
    pub(super) fn new(
        content_dir: PathBuf,
        cache: &'a Cache,
        keys: &'a FxHashMap<String, Key>,
        content: &mut Content,
    ) -> Reread<'a> {
        let kept = (content.projects.iter_mut())
            .flat_map(|project| project.documents.iter_mut())
            .filter(|document| !document.text.is_empty())
            .map(|document| {
                let text = std::mem::take(&mut document.text);
                (document.source.clone(), Mutex::new(Some(text)))
            })
            .collect();
        Reread {
            content_dir,
            cache,
            keys,
            kept,
        }
    }
}

impl render::Texts for Reread<'_> {
    fn text<'d>(&self, document: &'d Document) -> anyhow::Result<Cow<'d, str>> {
        if !document.text.is_empty() {
            return Ok(Cow::Borrowed(&document.text));
        }
        let kept = (self.kept.get(&document.source))
            .and_then(|text| text.lock().unwrap_or_else(|p| p.into_inner()).take());
        if let Some(text) = kept {
            return Ok(Cow::Owned(text));
        }
        let key = self.keys.get(&document.source).copied();
        let read = read_unchanged(&self.content_dir, self.cache, key, document)?;
        Ok(Cow::Owned(read.text))
    }

    fn key(&self, document: &Document) -> Option<Key> {
        self.keys.get(&document.source).copied()
    }
}
