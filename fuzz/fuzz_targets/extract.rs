//! Any bytes as one document: ingest, then the whole extraction with the
//! default configuration (outline, as-of date, sections, items, tables,
//! milestones, risks, people).
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use sitrep::config::Config;
use sitrep::extract::{extract, Context};
use sitrep::ingest::Document;

fuzz_target!(|bytes: &[u8]| {
    let config = Config::default();
    let context = Context {
        config: &config,
        portal_as_of: NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"),
    };
    let document = Document::from_bytes("fuzz.md", bytes);
    let status = extract(&document, &context);
    // status.json must always be writable.
    serde_json::to_string(&status).expect("a status serializes");
});
