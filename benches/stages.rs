//! Throughput of each pipeline stage on one large (~1 MB) generated
//! document, against pulldown-cmark's own parse of the same text: the issue
//! asks extraction to reach at least a third of that, single-threaded.
//! Extraction and the reference are measured again on 1,000 generated
//! documents of the usual size.
//!
//! ```text
//! cargo bench --bench stages
//! ```
//!
//! Each stage goes through the public API the pipeline itself uses, so the
//! bench keeps measuring the real code as the stages fill in.

#[allow(dead_code, unused_imports)] // the bench uses a few functions; its unit tests run with the example
#[path = "../examples/generate_corpus/corpus.rs"]
mod corpus;

/// The allocator of the `sitrep` binary, so that each stage runs here as it
/// does in a build.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use pulldown_cmark::{Options, Parser};
use sitrep::build::{self, BuildOptions};
use sitrep::config::Config;
use sitrep::extract::{self, Context};
use sitrep::{ingest, render};

/// About 1 MB: large enough that per-call overhead does not count.
const DOCUMENT_BYTES: usize = 1 << 20;

/// The parser options of `src/extract/outline.rs`.
fn outline_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A portal folder holding one document (`content/big.md`) with these bytes.
fn one_document_portal(bytes: &[u8]) -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir(root.path().join("content")).expect("content folder");
    std::fs::write(root.path().join("content/big.md"), bytes).expect("document");
    std::fs::write(root.path().join("config.toml"), "title = \"Bench\"\n").expect("config");
    root
}

fn first_document(root: &Path) -> ingest::Document {
    let content = ingest::load(&root.join("content")).expect("ingest");
    content.projects[0].documents[0].clone()
}

fn bench_stages(c: &mut Criterion) {
    let text = corpus::markdown_of_size(42, corpus::Language::French, DOCUMENT_BYTES);
    let mojibake = corpus::mojibake(&text);
    let clean_portal = one_document_portal(text.as_bytes());
    let mojibake_portal = one_document_portal(mojibake.as_bytes());

    let mut group = c.benchmark_group("one 1 MB document");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("reference: pulldown-cmark parse", |b| {
        b.iter(|| {
            Parser::new_ext(&text, outline_options())
                .into_offset_iter()
                .count()
        })
    });
    bench_ingest(
        &mut group,
        "ingest: read + decode (UTF-8)",
        &text,
        &clean_portal,
    );
    bench_ingest(
        &mut group,
        "ingest: read + decode + repair (mojibake)",
        &mojibake,
        &mojibake_portal,
    );

    let config = Config::default();
    let context = Context::new(
        &config,
        NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"),
    );
    let document = first_document(clean_portal.path());
    // Compiles the lazy patterns before any measuring, so that a profile
    // of a few iterations (`--profile-time`) shows extraction alone.
    extract::extract(&document, &context);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("extract", |b| {
        b.iter(|| extract::extract(&document, &context))
    });

    bench_many_documents(&mut group, &context);

    let options = BuildOptions {
        root: clean_portal.path().to_path_buf(),
        as_of: NaiveDate::from_ymd_opt(2026, 11, 1),
        ..BuildOptions::default()
    };
    let portal = build::read_portal(&options).expect("portal");
    group.bench_function("render: one-project portal", |b| {
        b.iter(|| {
            render::render(
                &portal.status,
                &portal.content,
                &portal.config,
                clean_portal.path(),
            )
            .expect("render")
        })
    });
    group.bench_function("whole pipeline in memory (render_site)", |b| {
        b.iter(|| build::render_site(&options).expect("render_site"))
    });
    group.finish();
}

/// Extraction of the first 1,000 documents of the generated corpus, one
/// after the other, against pulldown-cmark's parse of the same texts: a
/// build extracts documents of about 8 KB, whose cost per byte the 1 MB
/// document alone does not show.
fn bench_many_documents(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    context: &Context,
) {
    let documents: Vec<ingest::Document> = (0..1000)
        .map(|index| {
            let bytes = corpus::document_bytes(1, index);
            ingest::Document::from_bytes(&format!("p{index}/status.md"), bytes)
        })
        .collect();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("reference: pulldown-cmark parse, 1,000 documents", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|d| {
                    Parser::new_ext(&d.text, outline_options())
                        .into_offset_iter()
                        .count()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("extract, 1,000 documents", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|d| extract::extract(d, context).sections.len())
                .sum::<usize>()
        })
    });
}

/// `ingest::load` on a folder with one file: reading it (from the page
/// cache) is a small part; decoding and repair are what is measured.
fn bench_ingest(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    text: &str,
    portal: &tempfile::TempDir,
) {
    let content = portal.path().join("content");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(name, |b| b.iter(|| ingest::load(&content).expect("ingest")));
}

criterion_group!(benches, bench_stages);
criterion_main!(benches);
