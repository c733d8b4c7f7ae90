//! Every input the fuzzers ever failed on (`fuzz/regressions/<target>/`),
//! replayed through the same checks as the fuzz target that found it
//! (`fuzz/src/checks.rs`, included below), on the stable toolchain and
//! without libFuzzer. A fix that regresses fails here, on every `cargo test`.

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

/// The stack the `sitrep` binary gives its pipeline threads (`main.rs`):
/// deeply nested markdown needs it, and a test thread's default is 2 MiB.
const STACK_BYTES: usize = 1 << 30;

/// Files kept for `target`, sorted; none when the folder does not exist.
fn kept_inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `target`'s check on one file in a thread with the binary's stack;
/// the panic message if the check failed.
fn replay(target: &'static str, file: &Path) -> Option<String> {
    let bytes = std::fs::read(file).expect("readable input");
    let outcome = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || checks::run(target, &bytes))
        .expect("thread starts")
        .join();
    outcome.err().map(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

#[test]
fn every_kept_input_passes_its_target() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for target in checks::TARGETS {
        for file in kept_inputs(target) {
            replayed += 1;
            if let Some(message) = replay(target, &file) {
                failures.push(format!("{}: {message}", file.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{replayed} kept inputs replayed");
}

#[test]
fn the_render_check_catches_what_could_run() {
    for html in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\" java\tscript:alert(1)\">x</a>",
        "<img src=\"data:image/svg+xml,x\">",
        "<p style=\"color:red\">x</p>",
        "<iframe src=\"https://example.com\"></iframe>",
        "<nav id=\"site-nav\">x</nav>",
        "<div class=\"hl-x site-nav\">x</div>",
    ] {
        assert!(checks::first_danger(html).is_some(), "{html} passed");
    }
    let own = "<h1 id=\"d2-L1\">T</h1><pre class=\"code\"><span class=\"hl-source\">x</span></pre>\
               <a href=\"https://example.com/a\">a</a><input type=\"checkbox\" disabled>";
    assert_eq!(checks::first_danger(own), None);
}

#[test]
fn an_unknown_target_name_is_an_error() {
    let outcome = std::panic::catch_unwind(|| checks::run("no-such-target", b""));
    assert!(outcome.is_err());
}
