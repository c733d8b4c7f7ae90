//! Extraction of the first 1,000 generated documents, once, for an
//! instruction count: the figure `BENCHMARKS.md` compares with
//! pulldown-cmark's parse of the same texts, steadier than a time on a
//! shared machine.
//!
//! ```text
//! cargo build --profile profiling --example extract_count
//! valgrind --tool=callgrind --toggle-collect='extract_count::counted' \
//!     target/profiling/examples/extract_count extract
//! valgrind --tool=callgrind --toggle-collect='extract_count::counted' \
//!     target/profiling/examples/extract_count reference
//! ```
//!
//! Fifty documents are extracted first, uncounted, so that the lazy
//! patterns and tables are built before the count starts.

#[allow(dead_code, unused_imports)] // a few of the generator's functions are used here
#[path = "generate_corpus/corpus.rs"]
mod corpus;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use chrono::NaiveDate;
use pulldown_cmark::{Options, Parser};
use sitrep::config::Config;
use sitrep::extract::{self, Context};
use sitrep::ingest::Document;

/// The documents of the stage bench's "1,000 documents".
const DOCUMENTS: usize = 1000;
/// Extracted before the count.
const WARM_UP: usize = 50;

fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "extract".into());
    let documents: Vec<Document> = (0..DOCUMENTS)
        .map(|index| {
            let bytes = corpus::document_bytes(1, index);
            Document::from_bytes(&format!("p{index}/status.md"), bytes)
        })
        .collect();
    let config = Config::default();
    let context = Context::new(
        &config,
        NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"),
    );
    for document in &documents[..WARM_UP] {
        std::hint::black_box(extract::extract(document, &context));
    }
    let total = match what.as_str() {
        "extract" => counted(&documents, &context),
        "reference" => counted_reference(&documents),
        other => panic!("`extract` or `reference`, not `{other}`"),
    };
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    println!("{what}: {DOCUMENTS} documents, {bytes} bytes, {total} sections or events");
}

/// The counted loop: every document extracted once.
#[inline(never)]
fn counted(documents: &[Document], context: &Context) -> usize {
    documents
        .iter()
        .map(|d| extract::extract(d, context).sections.len())
        .sum()
}

/// The reference: pulldown-cmark's parse with the outline's options.
#[inline(never)]
fn counted_reference(documents: &[Document]) -> usize {
    documents
        .iter()
        .map(|d| {
            Parser::new_ext(
                &d.text,
                Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
            )
            .into_offset_iter()
            .count()
        })
        .sum()
}
