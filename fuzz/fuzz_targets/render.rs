//! Any text: the source page renderer (markdown to sanitised HTML), which must emit nothing that runs.
//! The checks live in `fuzz/src/checks.rs`, shared with the stable
//! regression test `tests/fuzz_regressions.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| sitrep_fuzz::render_source(input));
