//! Any bytes: decoding, mojibake repair and front matter (`Document::from_bytes`).
//! The checks live in `fuzz/src/checks.rs`, shared with the stable
//! regression test `tests/fuzz_regressions.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| sitrep_fuzz::decode_bytes(input));
