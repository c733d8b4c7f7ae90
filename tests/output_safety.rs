//! The output folder: replaced whole or not at all, and never a folder
//! whose replacement would destroy something.

mod common;

use std::process::Command;
use std::time::Instant;

use common::{Portal, AS_OF};

/// A portal of `count` projects whose titles all carry `version`.
fn write_version(portal: &Portal, count: usize, version: &str) {
    for n in 0..count {
        let text = format!(
            "# Project {n} {version}\n\n## Work\n\n- [x] first {version}\n- [ ] second\n\n{}\n",
            "Some filler text for a realistic page size. ".repeat(40)
        );
        portal.write(&format!("p{n:04}.md"), text);
    }
}

/// The version ("v1" or "v2") that every page of `public/` shows; panics on a mix.
fn version_of_site(portal: &Portal, count: usize) -> String {
    let status = portal.status();
    let projects = status["projects"].as_array().expect("projects");
    assert_eq!(projects.len(), count, "status.json lists every project");
    let version_in = |text: &str| -> &'static str {
        match (text.contains("v1"), text.contains("v2")) {
            (true, false) => "v1",
            (false, true) => "v2",
            other => panic!("ambiguous page: {other:?}"),
        }
    };
    let expected = version_in(projects[0]["title"].as_str().expect("title"));
    for n in 0..count {
        let page = portal.read_output(&format!("p{n:04}/index.html"));
        assert_eq!(
            version_in(&page),
            expected,
            "page p{n:04} is from another build"
        );
    }
    expected.to_string()
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_or_the_new_site() {
    let count = 150;
    let portal = Portal::new();
    write_version(&portal, count, "v1");
    portal.build();
    write_version(&portal, count, "v2");

    // How long a whole build takes here, to spread the kills over it.
    let started = Instant::now();
    portal.build();
    let full = started.elapsed();
    write_version(&portal, count, "v1");
    portal.build();

    for step in 0..10u32 {
        let version = if step % 2 == 0 { "v2" } else { "v1" };
        write_version(&portal, count, version);
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(["build", "--quiet", "--as-of", AS_OF, "--root"])
            .arg(portal.root())
            .spawn()
            .expect("build starts");
        std::thread::sleep(full.mul_f64(f64::from(step) / 10.0));
        let _ = child.kill();
        let _ = child.wait();
        // Whether the kill came before or after the swap, the site is whole.
        version_of_site(&portal, count);
    }
    // And the next build cleans up after the killed ones, and shows the
    // last version whole, whatever a killed build left in the previous
    // site it kept.
    portal.build();
    assert_eq!(version_of_site(&portal, count), "v1");
    let leftovers: Vec<_> = std::fs::read_dir(portal.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("sitrep-new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_folder_that_holds_a_portal_is_refused() {
    let portal = Portal::new();
    portal.write("a.md", "# A\n");
    let other = Portal::new();
    other.write("b.md", "# B\n");
    let output = portal.run(&["build", "--output", &other.root().to_string_lossy()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("content/"));
    assert!(other.content().join("b.md").is_file());
}

#[test]
fn output_dir_outside_the_root_needs_an_explicit_output() {
    let portal = Portal::new();
    portal.write("a.md", "# A\n");
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("site");
    portal.write_config(&format!("output_dir = {:?}\n", target.to_string_lossy()));
    let refused = portal.run(&["build", "--as-of", AS_OF]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--output"));
    assert!(!target.exists());
    let allowed = portal.run(&[
        "build",
        "--as-of",
        AS_OF,
        "--output",
        &target.to_string_lossy(),
    ]);
    assert!(allowed.status.success());
    assert!(target.join("index.html").is_file());
}

#[test]
fn output_inside_content_is_refused() {
    let portal = Portal::new();
    portal.write("a.md", "# A\n");
    portal.write_config("output_dir = \"content/site\"\n");
    let output = portal.run(&["build", "--as-of", AS_OF]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!portal.content().join("site").exists());
}
