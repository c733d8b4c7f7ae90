//! The pipeline run end to end: what `sitrep build` and `sitrep check` do.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::cache::{self, Cache, Key};
use crate::config::Config;
use crate::extract::{self, Context};
use crate::ingest::{self, Content, Document};
use crate::memo::{Identity, PageMemo};
use crate::model::{Diagnostic, DocumentStatus, Level, Packed, PortfolioStatus, Project};
use crate::render::Sink;
use crate::{feed, history, output, portfolio, render};

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub as_of: Option<NaiveDate>,
    pub base_url: Option<String>,
    /// `--source-url`, already read by [`crate::config::source_url`].
    pub source_url: Option<String>,
    /// Neither read nor write `<root>/.sitrep-cache/` (`--no-cache`).
    pub no_cache: bool,
}

/// The portal read from disk: everything but the pages.
pub struct Portal {
    pub config: Config,
    pub content: Content,
    pub status: PortfolioStatus,
}

/// Figures of one build, for the summary line.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output: PathBuf,
    /// Time of each stage, in pipeline order, for `--verbose`.
    pub stages: Vec<(&'static str, Duration, Option<u64>)>,
    /// Time per template (and minify-html), summed over pages and threads.
    pub templates: render::TemplateTimes,
    pub reading: Reading,
    pub writes: output::WriteCounts,
    pub projects: usize,
    pub documents: usize,
    pub warnings: usize,
    /// The error diagnostics, sorted by file and line: few (a file that
    /// cannot be read, a name that is not UTF-8), and each one a document
    /// missing from the site, so the build names them, not only counts them.
    pub errors: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// What reading the documents cost, for `--verbose`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Documents decoded and extracted in this build.
    pub extracted: usize,
    /// Documents whose entry in the cache was used instead (in `serve`, or
    /// that were taken unchanged from the previous rebuild).
    pub cached: usize,
    /// Of those, documents whose file was not even read: the same file as
    /// the previous build read ([`cache::Index`], or `serve`'s last rebuild).
    pub unread: usize,
    /// Projects taken from the cache as a build assembled them from the
    /// same inputs ([`Cache::project`]): their documents' statuses were
    /// not decoded.
    pub projects_cached: usize,
    /// CPU time spent decoding and extracting, summed over threads.
    pub decode_cpu: Duration,
    pub extract_cpu: Duration,
}

/// Texts a build keeps in memory after extraction, at most; beyond it a
/// document's text is dropped and read again when its page is rendered, so
/// that memory does not grow with the size of `content/`. A small portal
/// keeps all its texts; at 10,000 documents, keeping 32 MB of them instead
/// of 8 MB cost 40 MB of peak memory and saved no measurable time; 1 MB
/// instead of 8 MB saved 7 MB and cost 0.7 s, in system time.
const TEXT_BUDGET: usize = 8 << 20;

/// "Today" for staleness and overdue checks, and the `built_at` stamp:
/// `--as-of`, else the config's `as_of`, else `SOURCE_DATE_EPOCH`, else the
/// system date (then no `built_at`, so that output stays deterministic).
/// The config's date wins over `SOURCE_DATE_EPOCH` because it is the
/// portal's own choice, while the variable is the build machine's.
pub fn resolve_as_of(
    as_of: Option<NaiveDate>,
    config: &Config,
) -> anyhow::Result<(NaiveDate, Option<String>)> {
    if let Some(date) = as_of.or(config.as_of) {
        return Ok((date, Some(format!("{date}T00:00:00Z"))));
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let seconds: i64 = epoch
            .trim()
            .parse()
            .with_context(|| format!("SOURCE_DATE_EPOCH={epoch:?} is not a number of seconds"))?;
        let Some(time) = DateTime::<Utc>::from_timestamp(seconds, 0) else {
            bail!("SOURCE_DATE_EPOCH={epoch:?} is out of range");
        };
        return Ok((
            time.date_naive(),
            Some(time.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        ));
    }
    Ok((Utc::now().date_naive(), None))
}

/// Reads config and content and extracts every document (no pages); every
/// document keeps its text (`check` quotes the lines of its diagnostics).
pub fn read_portal(options: &BuildOptions) -> anyhow::Result<Portal> {
    Ok(read_portal_timed(options, &mut Stages::default(), true, Previous::default())?.0)
}

/// Records how long each stage of a build takes, and the process's peak
/// memory when it ends (so `--verbose` shows which stage holds the memory).
#[derive(Debug, Default)]
pub struct Stages {
    pub times: Vec<(&'static str, Duration, Option<u64>)>,
    last: Option<Instant>,
}

impl Stages {
    /// Ends the stage `name`, which began when the previous one ended.
    pub fn done(&mut self, name: &'static str) {
        let now = Instant::now();
        if let Some(last) = self.last {
            self.times
                .push((name, now - last, crate::cpu::peak_memory()));
        }
        self.last = Some(now);
    }

    /// Begins the first stage, unless one has already begun (a build
    /// times the previous site's memo before reading).
    fn start(&mut self) {
        self.last.get_or_insert_with(Instant::now);
    }
}

/// The documents as a build keeps them: their status, and the texts it
/// dropped (read again by [`Reread`] when their page is rendered).
struct Extraction {
    /// Per project, its documents' statuses (`None`: not decoded, as the
    /// previous build or the cache has it).
    statuses: Vec<Vec<Option<Packed<DocumentStatus>>>>,
    /// Cache key of every document, by source: its content's fingerprint.
    keys: FxHashMap<String, Key>,
    /// Key of every project's inputs, by slug ([`project_key`]).
    project_keys: FxHashMap<String, Key>,
    /// Projects taken as the previous build assembled them ([`Previous`]).
    reused: usize,
    /// Slugs of the projects assembled in this build (the others were
    /// taken from the previous build or the cache), for the cache.
    assembled: FxHashSet<String>,
    /// Identity of every document, by source, and when reading began.
    identities: FxHashMap<String, Identity>,
    read_started_ns: u128,
    /// Documents taken from the previous build, or from the cache by their
    /// file's identity ([`cache::Index`]), without being read.
    unread: usize,
    reading: Reading,
}

impl Extraction {
    /// The cache entries this build used or made: its documents' and its
    /// projects'.
    fn used_keys(&self) -> FxHashSet<Key> {
        let documents = self.keys.values();
        documents
            .chain(self.project_keys.values())
            .copied()
            .collect()
    }

    /// Each document's identity and key, and what ingest made of it, for
    /// the cache's [`cache::Index`].
    fn files(&self, content: &Content) -> FxHashMap<String, cache::IndexedFile> {
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
struct Extracted {
    key: Key,
    /// The file's identity when it was read, if it has one.
    identity: Option<Identity>,
    /// `None`: the document is as the previous build ([`Previous`]) or the
    /// cache has it; its status is read only if its project must be
    /// assembled again. Kept encoded until then ([`Packed`]).
    status: Option<Packed<DocumentStatus>>,
    cached: bool,
}

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
    documents: FxHashMap<String, Known>,
    /// Projects by the key of their inputs.
    projects: FxHashMap<Key, Project>,
    /// When the build that left this began reading, in nanoseconds since 1970.
    read_started_ns: u128,
    /// How many projects the build that left this took from the one before.
    reused: usize,
    /// How many documents it took from the one before without reading them.
    unread: usize,
    /// Whether a rebuild follows: then a build notes each project's key,
    /// which `sitrep build` has no use for.
    rebuilds: bool,
    /// The build's errors (files it could not read), for `serve` to name.
    errors: Vec<Diagnostic>,
}

/// A document as the previous build read it.
struct Known {
    key: Key,
    /// The document without its text.
    document: Document,
    identity: Option<Identity>,
}

impl Known {
    /// The document and what the build keeps of it, taken from the
    /// previous build; its status is read only if its project changed.
    fn reuse(&self, identity: Option<Identity>) -> (Document, Extracted) {
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
    fn keep(portal: Portal, extraction: &Extraction) -> Previous {
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
    fn untouched(&self, source: &str, identity: Option<Identity>) -> Option<&Known> {
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
fn project_key(seed: Key, sources: &ingest::ProjectSources, keys: &FxHashMap<String, Key>) -> Key {
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
fn assembly_seed(config: &Config, as_of: NaiveDate) -> Key {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(cache::build_fingerprint().as_bytes());
    hasher.update(
        serde_json::to_string(&(config, as_of))
            .unwrap_or_default()
            .as_bytes(),
    );
    hasher.digest128()
}

fn read_portal_timed(
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
    Ok(Packed::new(&extract::extract(&document, context)))
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
    let status = Packed::new(&extract::extract(document, context));
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
struct Reread<'a> {
    content_dir: PathBuf,
    cache: &'a Cache,
    keys: &'a FxHashMap<String, Key>,
    /// The texts kept after extraction ([`TEXT_BUDGET`]), by source, each
    /// handed to its page and dropped with it: a build's memory peaks in
    /// the cross-project pages, after the project pages, and they need no
    /// text.
    kept: FxHashMap<String, Mutex<Option<String>>>,
}

impl<'a> Reread<'a> {
    /// Takes the texts `content` kept (all but the intro's, which stays).
    fn new(
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

/// Where the site goes: `--output`, else `output_dir` from the config, else `<root>/public`.
pub fn output_dir(options: &BuildOptions, config: &Config) -> PathBuf {
    match (&options.output, &config.output_dir) {
        (Some(output), _) => output.clone(),
        (None, Some(dir)) => options.root.join(dir),
        (None, None) => options.root.join("public"),
    }
}

/// Refuses output folders whose replacement would destroy something: the
/// root itself or a folder above it, a folder inside `content/`, a folder
/// that holds a `content/` of its own (another portal), and a folder outside
/// the root that only the config file named (`--output` must say so).
fn check_output_dir(options: &BuildOptions, output: &Path) -> anyhow::Result<()> {
    let absolute = |path: &Path| -> PathBuf {
        let path = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(path)
        };
        normalise(&path)
    };
    let root = absolute(&options.root);
    let output = absolute(output);
    if root.starts_with(&output) {
        bail!(
            "the output folder {} holds the portal itself; choose a folder such as {}",
            output.display(),
            root.join("public").display()
        );
    }
    if output.starts_with(root.join("content")) {
        bail!(
            "the output folder {} is inside content/; choose another",
            output.display()
        );
    }
    if output.join("content").is_dir() {
        bail!(
            "the output folder {} holds a content/ folder: it looks like a portal, not an output",
            output.display()
        );
    }
    if options.output.is_none() && !output.starts_with(&root) {
        bail!(
            "output_dir points outside the portal ({}); pass --output {} to confirm",
            output.display(),
            output.display()
        );
    }
    Ok(())
}

/// Resolves `.` and `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The files of a site held in memory by `serve`: shared, so that a
/// rebuild keeps the previous build's unchanged pages without copying them.
/// A hash map: a rebuild inserts every page again (30,000 at 10,000
/// projects), and nothing needs them in order.
pub type SharedFiles = FxHashMap<String, render::MemoryFile>;

/// Runs the pipeline up to the rendered pages, in memory.
pub fn render_site(options: &BuildOptions) -> anyhow::Result<(Portal, render::Site)> {
    let (rendered, files) = render_in_memory(
        options,
        &mut Stages::default(),
        &render::NoMemo,
        &SharedFiles::default(),
        Previous::default(),
    )?;
    let files = files
        .into_iter()
        .map(|(path, file)| (path, file.into_vec()))
        .collect();
    Ok((rendered.portal, render::Site { files }))
}

/// Renders in memory (what `serve` shows), keeping from `files` (those of
/// the last good rebuild) the pages that `memo` recalls, and from
/// `previous` the documents and projects that did not change. Returns the
/// new files, and what the rebuild after this one can keep.
pub fn render_site_after(
    options: &BuildOptions,
    stages: &mut Stages,
    memo: &dyn render::Memo,
    files: &SharedFiles,
    previous: Previous,
) -> anyhow::Result<(SharedFiles, Previous)> {
    let first = previous.rebuilds && previous.documents.is_empty();
    let (rendered, files) = render_in_memory(options, stages, memo, files, previous)?;
    if first {
        // `serve` stores its projects and prunes the cache after its first
        // good build (as `build` does after each): entries of other sitrep
        // builds, configs or as-of dates would otherwise pile up for as
        // long as authors only run `serve`. Later rebuilds keep their
        // projects in memory; the entries they make stay until then.
        let (cache, extraction) = (&rendered.cache, &rendered.extraction);
        store_projects(cache, &rendered.portal.status.projects, extraction);
        cache.prune(&extraction.used_keys());
    }
    let previous = Previous::keep(rendered.portal, &rendered.extraction);
    stages.done("keep");
    Ok((files, previous))
}

fn render_in_memory(
    options: &BuildOptions,
    stages: &mut Stages,
    memo: &dyn render::Memo,
    files: &SharedFiles,
    previous: Previous,
) -> anyhow::Result<(Rendered, SharedFiles)> {
    // Sized as the previous site, which a rebuild mostly keeps: grown
    // from empty, the map was rehashed a dozen times under its lock.
    let next = SharedFiles::with_capacity_and_hasher(files.len(), Default::default());
    let sink = KeepingSite {
        previous: files,
        files: Mutex::new(next),
    };
    let rendered = render_into(options, stages, memo, &sink, previous)?;
    let files = sink.files.into_inner().unwrap_or_else(|p| p.into_inner());
    Ok((rendered, files))
}

/// A site in memory that can keep files of the previous one.
struct KeepingSite<'p> {
    previous: &'p SharedFiles,
    files: Mutex<SharedFiles>,
}

impl KeepingSite<'_> {
    fn insert(&self, path: &str, file: render::MemoryFile) {
        let path = path.to_string();
        self.files
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path, file);
    }
}

impl Sink for KeepingSite<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.insert(path, render::MemoryFile::Whole(Arc::new(bytes)));
        Ok(())
    }

    /// Kept in pieces: the parts copied from the previous file are shared
    /// with it, not copied ([`render::MemoryFile`]).
    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn render::Output) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        let mut pieces = render::PiecesWriter::default();
        write(&mut pieces)?;
        self.insert(path, pieces.finish());
        Ok(())
    }

    fn keep(&self, path: &str) -> anyhow::Result<bool> {
        match self.previous.get(path) {
            Some(file) => {
                self.insert(path, file.clone());
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// The portal as a snapshot archives it: the pages alone, with no history
/// (an archived site must not link to snapshots outside its own folder).
pub fn render_archive(options: &BuildOptions) -> anyhow::Result<(Portal, render::Site)> {
    let portal = read_portal(options)?;
    let site = render::render(
        &portal.status,
        &portal.content,
        &portal.config,
        &options.root,
    )?;
    Ok((portal, site))
}

/// Adds the history to a rendered site: `changes.json`, `feed.xml`, and
/// every archived snapshot site under `snapshots/<label>/`.
fn add_history(
    sink: &dyn Sink,
    root: &Path,
    history: &history::History,
    portal: &Portal,
) -> anyhow::Result<()> {
    let log = feed::change_log(history, &portal.status);
    sink.put("changes.json", feed::changes_json(&log).into_bytes())?;
    let atom = feed::atom(
        &log,
        &portal.config.title,
        portal.config.base_url.as_deref(),
    );
    sink.put("feed.xml", atom.into_bytes())?;
    for snapshot in &history.snapshots {
        let folder = root.join(history::FOLDER).join(&snapshot.label);
        let archive = folder.join("site");
        for entry in walkdir::WalkDir::new(&archive)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let relative = entry.path().strip_prefix(&archive).unwrap_or(entry.path());
            let relative = relative.to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(entry.path())
                .with_context(|| format!("cannot read {}", entry.path().display()))?;
            sink.put(&format!("snapshots/{}/{relative}", snapshot.label), bytes)?;
        }
        let tarball = folder.join(format!("{}.tar.gz", snapshot.label));
        if tarball.is_file() {
            let bytes = std::fs::read(&tarball)
                .with_context(|| format!("cannot read {}", tarball.display()))?;
            sink.put(&format!("snapshots/{}.tar.gz", snapshot.label), bytes)?;
        }
    }
    Ok(())
}

/// A portal rendered into a sink, and what it took.
struct Rendered {
    portal: Portal,
    extraction: Extraction,
    cache: Cache,
    templates: render::TemplateTimes,
}

/// Reads the portal and renders every file of the site into `sink`.
fn render_into(
    options: &BuildOptions,
    stages: &mut Stages,
    memo: &dyn render::Memo,
    sink: &dyn Sink,
    previous: Previous,
) -> anyhow::Result<Rendered> {
    let (mut portal, extraction, cache) = read_portal_timed(options, stages, false, previous)?;
    let history = history::load(&options.root);
    portal
        .status
        .diagnostics
        .extend(history.diagnostics.iter().cloned());
    let texts = Reread::new(
        options.root.join("content"),
        &cache,
        &extraction.keys,
        &mut portal.content,
    );
    let templates = render::render_into(
        &portal.status,
        &portal.content,
        &portal.config,
        &options.root,
        &history,
        &texts,
        memo,
        sink,
    )?;
    add_history(sink, &options.root, &history, &portal)?;
    stages.done("render");
    Ok(Rendered {
        portal,
        extraction,
        cache,
        templates,
    })
}

/// Runs the whole pipeline: pages are written into a staging folder as they
/// are rendered, then the staging folder replaces the output in one step.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildReport> {
    let (report, portal) = build_and_keep(options)?;
    drop(portal);
    Ok(report)
}

/// [`build`], handing back the portal it read instead of freeing it, for a
/// command that ends right after: the system takes its memory back whole,
/// where freeing the statuses of 10,000 documents one allocation at a
/// time took 0.2 s of CPU.
pub fn build_and_keep(options: &BuildOptions) -> anyhow::Result<(BuildReport, Portal)> {
    let started = Instant::now();
    let mut stages = Stages::default();
    stages.start();
    let config = Config::load(&options.root)?;
    let output = output_dir(options, &config);
    check_output_dir(options, &output)?;
    let cache_dir = (!options.no_cache).then(|| options.root.join(cache::FOLDER));
    let mut memo = PageMemo::load(cache_dir.as_deref(), &output);
    let staging = output::Staging::begin(&output, memo.take_kept())?;
    stages.done("previous");
    let rendered = render_into(options, &mut stages, &memo, &staging, Previous::default())?;
    // What the pages' threads freed would stay theirs while this thread
    // sums up the diagnostics and the cache's thread saves its entries.
    crate::cpu::hand_back_freed_memory();
    let portal = rendered.portal;
    let projects = portal.status.projects.len();
    let documents = portal
        .content
        .projects
        .iter()
        .map(|p| p.documents.len())
        .sum();
    // Pruning the cache (a listing of every entry) takes a while at 10,000
    // documents: it is done beside the swap. The memo is saved only once
    // the new site is in place, as the identities it records are of its files.
    let extraction = &rendered.extraction;
    let cache = &rendered.cache;
    let writes = std::thread::scope(|scope| {
        scope.spawn(|| {
            store_projects(cache, &portal.status.projects, extraction);
            cache.prune(&extraction.used_keys());
            let files = extraction.files(&portal.content);
            cache.save_index(extraction.read_started_ns, files);
        });
        staging.finish_then(|kept| memo.save(kept))
    })?;
    stages.done("swap");
    let (errors, warnings): (Vec<_>, Vec<_>) = all_diagnostics(&portal.status)
        .into_iter()
        .partition(|d| d.level == Level::Error);
    let report = BuildReport {
        output,
        stages: stages.times,
        templates: rendered.templates,
        reading: rendered.extraction.reading,
        writes,
        projects,
        documents,
        warnings: warnings.len(),
        errors,
        elapsed: started.elapsed(),
    };
    Ok((report, portal))
}

/// Puts the projects this build assembled into the cache, for the next
/// build to take whole if their inputs do not change.
fn store_projects(cache: &Cache, projects: &[Project], extraction: &Extraction) {
    if cache.dir().is_none() {
        return;
    }
    projects
        .par_iter()
        .filter(|project| extraction.assembled.contains(&project.slug))
        .for_each(|project| {
            if let Some(&key) = extraction.project_keys.get(&project.slug) {
                cache.put_project(key, project);
            }
        });
}

/// The diagnostics of the portal and of every project (each project's
/// decoded for the moment they are copied), sorted by file and line, each
/// once.
pub fn all_diagnostics(status: &PortfolioStatus) -> Vec<Diagnostic> {
    let projects = status.projects.iter();
    let mut all: Vec<Diagnostic> = (status.diagnostics.iter().cloned())
        .chain(projects.flat_map(|p| p.diagnostics.get().into_owned()))
        .collect();
    all.sort_by(|a, b| {
        (a.source.as_str(), a.line, a.code.as_str()).cmp(&(
            b.source.as_str(),
            b.line,
            b.code.as_str(),
        ))
    });
    all.dedup();
    all
}
