//! Any text: the date reader (`find_dates`, `parse_date`, placeholders), both date orders.
//! The checks live in `fuzz/src/checks.rs`, shared with the stable
//! regression test `tests/fuzz_regressions.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| sitrep_fuzz::read_dates(input));
