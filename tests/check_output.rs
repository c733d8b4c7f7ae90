//! Reviewed snapshots of `sitrep check` on the five seeds, in each of its
//! four formats: `human` (plain, since stdout is a pipe), `short`, `json`
//! and `github`.
//!
//! The binary runs with its current folder at the portal root and
//! `--root .`, so paths read `content/…` and the snapshots do not depend on
//! where the temporary portal lives. `GITHUB_ACTIONS` is removed from the
//! environment except for the `github` case, where it is set as GitHub sets
//! it, so a test run inside a GitHub workflow gives the same output.

mod common;

use std::process::Command;

use common::{seed_files, shared, Portal, AS_OF};

/// What one `sitrep check` run printed, and how it exited.
struct Checked {
    stdout: String,
    /// The summary line (`N error(s), M warning(s)`).
    stderr: String,
    code: Option<i32>,
}

/// Runs `sitrep check --format <format>` on a portal holding the five seeds.
fn check(format: &str, under_actions: bool) -> Option<Checked> {
    let shared = shared()?;
    let portal = Portal::with_copies(&seed_files(&shared));
    let mut command = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    command
        .args(["check", "--root", ".", "--as-of", AS_OF, "--format", format])
        .current_dir(portal.root())
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1");
    if under_actions {
        command.env("GITHUB_ACTIONS", "true");
    }
    let output = command.output().expect("sitrep runs");
    Some(Checked {
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        code: output.status.code(),
    })
}

/// The seeds hold warnings only (mojibake, stale dates, placeholders, gaps
/// between claims and items), never an error: check succeeds.
fn assert_success(checked: &Checked) {
    assert_eq!(checked.code, Some(0), "stderr: {}", checked.stderr);
    assert!(
        checked.stderr.starts_with("0 error(s), "),
        "{}",
        checked.stderr
    );
}

#[test]
fn check_human() {
    let Some(checked) = check("human", false) else {
        return;
    };
    assert_success(&checked);
    insta::assert_snapshot!(checked.stdout);
}

#[test]
fn check_short() {
    let Some(checked) = check("short", false) else {
        return;
    };
    assert_success(&checked);
    insta::assert_snapshot!(checked.stdout);
}

#[test]
fn check_json() {
    let Some(checked) = check("json", false) else {
        return;
    };
    assert_success(&checked);
    let value: serde_json::Value =
        serde_json::from_str(&checked.stdout).expect("check --format json prints JSON");
    insta::assert_json_snapshot!(value);
}

#[test]
fn check_github() {
    let Some(checked) = check("github", true) else {
        return;
    };
    assert_success(&checked);
    insta::assert_snapshot!(checked.stdout);
}

/// Under GitHub Actions the annotations follow whatever format was asked
/// for, so a workflow that runs `sitrep check` gets them without a flag.
#[test]
fn check_short_under_actions_adds_annotations() {
    let (Some(plain), Some(under)) = (check("short", false), check("short", true)) else {
        return;
    };
    let annotations = check("github", true).expect("shared present").stdout;
    assert_eq!(under.stdout, format!("{}{}", plain.stdout, annotations));
}
