//! Any text: front matter detection and parsing (`ingest::front_matter::split`).
//! The checks live in `fuzz/src/checks.rs`, shared with the stable
//! regression test `tests/fuzz_regressions.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| sitrep_fuzz::split_front_matter(input));
