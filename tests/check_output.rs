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
    /// The summary line (`N error(s), M warning(s)`), then any hint.
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

/// The seeds' links to files the portal does not hold lead nowhere on the
/// site: check lists the first of each document with its line (seed 001
/// line 9 `(fast-startup-plan.md)`; seed 003 lines 283 and 347, both
/// `(../docs/INTEGRATION_P0_SECURITY.md)`), after the summary, on standard
/// error, in every format; with a `source_url` they lead there, and the
/// hint is gone.
#[test]
fn check_lists_the_links_that_lead_nowhere() {
    let Some(checked) = check("json", false) else {
        return;
    };
    let hint = checked
        .stderr
        .lines()
        .skip(1)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        hint.starts_with("hint: 3 link(s) in 2 document(s) lead to files the portal does not hold"),
        "{hint}"
    );
    assert!(hint.contains("content/001_b2b292edbd904f08.txt:9: fast-startup-plan.md\n"));
    assert!(hint.contains(
        "content/003_e13b6495296d0f10.txt:283: ../docs/INTEGRATION_P0_SECURITY.md (and 1 more)"
    ));
    assert!(hint.contains("set `source_url` in config.toml"));
    serde_json::from_str::<serde_json::Value>(&checked.stdout).expect("stdout stays JSON");

    let shared = shared().expect("the seeds are there");
    let portal = Portal::with_copies(&seed_files(&shared));
    portal.write_config("source_url = \"https://github.com/org/repo/blob/main/status/\"\n");
    let output = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["check", "--root", ".", "--as-of", AS_OF])
        .current_dir(portal.root())
        .output()
        .expect("sitrep runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("hint:"), "{stderr}");
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
