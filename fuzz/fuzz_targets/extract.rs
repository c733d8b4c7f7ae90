//! Any bytes as one document: ingest, then the whole `extract::extract`.
//! The checks live in `fuzz/src/checks.rs`, shared with the stable
//! regression test `tests/fuzz_regressions.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| sitrep_fuzz::extract_document(input));
