//! Reviewed snapshots of what sitrep reads from each of the five seed
//! documents: one `insta` JSON snapshot per seed, of its project in
//! `status.json`, built alone with `--as-of 2026-11-01`.
//!
//! These snapshots were reviewed by hand, line by line, against the repaired
//! text of each document. They double as an audit: a change in extraction
//! shows up here as a diff a reviewer must accept (`cargo insta review`), so
//! a silent regression in a status, owner, date or title cannot slip by.
//! Values known to be wrong when a snapshot was accepted are listed in the
//! comment of its test, so the snapshot is never mistaken for ground truth.

mod common;

use std::path::Path;

use common::{project, seed_files, shared, Portal};

/// Builds the seed whose file name starts with `prefix` alone in a portal and
/// returns its project from `status.json`.
fn seed_project(shared: &Path, prefix: &str) -> serde_json::Value {
    let file = seed_files(shared)
        .into_iter()
        .find(|f| {
            f.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed starting with {prefix}"));
    let portal = Portal::with_copies(&[file]);
    let status = portal.build();
    project(&status, prefix).clone()
}

macro_rules! seed_snapshot {
    ($test:ident, $prefix:literal) => {
        #[test]
        fn $test() {
            let Some(shared) = shared() else { return };
            let project = seed_project(&shared, $prefix);
            insta::assert_json_snapshot!(project);
        }
    };
}

seed_snapshot!(seed_000, "000_");
seed_snapshot!(seed_001, "001_");
seed_snapshot!(seed_002, "002_");
seed_snapshot!(seed_003, "003_");
seed_snapshot!(seed_004, "004_");
