//! The extraction cache (`.sitrep-cache/`) and incremental writes: a build
//! from the cache is byte for byte a build without it, a changed document
//! is extracted again, a damaged cache is survived, and unchanged files are
//! kept (hard-linked) rather than written.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use common::{Portal, AS_OF};

/// Three projects: two single files (one French, one with a code block)
/// and a folder project of two documents (so a `d2-` anchor prefix).
fn portal() -> Portal {
    let portal = Portal::new();
    portal.write(
        "alpha.md",
        "# Alpha\n\n**Dernière mise à jour :** 15/10/2026\n\n## Lot 1\n\n- [x] Cadrage — @lea\n- [ ] Recette — @marc\n",
    );
    portal.write(
        "beta.md",
        "# Beta\n\n## Work\n\n- [x] one\n- [x] two\n- [ ] three\n\n```rust\nfn main() {}\n```\n",
    );
    portal.write("gamma/index.md", "# Gamma\n\n## Plan\n\n- [ ] start\n");
    portal.write(
        "gamma/notes.md",
        "# Notes\n\n## Jalons\n\n| Jalon | Date |\n|---|---|\n| Go-live | 2026-12-01 |\n",
    );
    portal
}

/// Every file under `dir`, by `/`-separated relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(dir).expect("inside");
            out.insert(
                relative.to_string_lossy().replace('\\', "/"),
                std::fs::read(entry.path()).expect("read"),
            );
        }
    }
    out
}

/// Runs `build --verbose` (plus `extra`) and returns its stderr.
fn build_verbose(portal: &Portal, extra: &[&str]) -> String {
    let mut args = vec!["build", "--quiet", "--verbose", "--as-of", AS_OF];
    args.extend_from_slice(extra);
    let output = portal.run(&args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "build failed: {stderr}");
    stderr
}

/// `(extracted, from the cache)` as `--verbose` reports them.
fn documents_line(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("documents: "))
        .unwrap_or_else(|| panic!("no documents line in {stderr}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect();
    (numbers[0], numbers[1])
}

#[test]
fn a_build_from_the_cache_is_byte_identical_to_one_without() {
    let portal = portal();
    let first = build_verbose(&portal, &[]);
    assert_eq!(documents_line(&first), (4, 0), "{first}");
    // `--verbose` takes CPU times (a build without it does not).
    assert!(extract_ms(&first) > 0.0, "{first}");
    let cold = files(&portal.public());
    assert!(portal.root().join(".sitrep-cache").is_dir());

    assert_eq!(projects_cached(&first), 0, "{first}");
    let second = build_verbose(&portal, &[]);
    assert_eq!(documents_line(&second), (0, 4), "{second}");
    assert_eq!(projects_cached(&second), 3, "{second}");
    assert_eq!(files(&portal.public()), cold, "warm build differs");

    let uncached = build_verbose(&portal, &["--no-cache"]);
    assert_eq!(documents_line(&uncached), (4, 0), "{uncached}");
    assert_eq!(files(&portal.public()), cold, "--no-cache build differs");
    // The cache never lands in the site.
    assert!(!cold.keys().any(|path| path.contains("sitrep-cache")));
}

/// The site as it is equals the site a build without the cache makes.
fn assert_same_as_without_the_cache(portal: &Portal) {
    let warm = files(&portal.public());
    build_verbose(portal, &["--no-cache"]);
    assert_eq!(warm, files(&portal.public()));
}

/// The extraction time `--verbose` reports, in milliseconds.
fn extract_ms(stderr: &str) -> f64 {
    let (_, rest) = stderr.split_once(", extract ").expect("an extraction time");
    let (ms, _) = rest.split_once(" ms").expect("in milliseconds");
    ms.parse().expect("a number")
}

/// The number `--verbose` writes on its documents line between `after`
/// and `before`.
fn count_between(stderr: &str, after: &str, before: &str) -> usize {
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("documents: "))
        .unwrap_or_else(|| panic!("no documents line in {stderr}"));
    let (_, rest) = line.split_once(after).expect("the count");
    let (count, _) = rest.split_once(before).expect("the count");
    count.parse().expect("a number")
}

/// How many projects `--verbose` says were taken from the cache as assembled.
fn projects_cached(stderr: &str) -> usize {
    count_between(stderr, "); ", " project(s)")
}

/// How many documents `--verbose` says were not read at all.
fn unread(stderr: &str) -> usize {
    count_between(stderr, "(", " not read")
}

#[test]
fn settled_unchanged_files_are_not_read_and_any_edit_is() {
    let portal = portal();
    // Written just now: the first build reads everything, and the next one
    // still reads them, as they were not settled when the first one read.
    let first = build_verbose(&portal, &[]);
    assert_eq!((documents_line(&first), unread(&first)), ((4, 0), 0));
    let second = build_verbose(&portal, &[]);
    assert_eq!((documents_line(&second), unread(&second)), ((0, 4), 0));
    // Dated back half an hour, they are settled: read once more (their
    // identity changed), then not at all.
    age(&portal);
    build_verbose(&portal, &[]);
    let settled = build_verbose(&portal, &[]);
    assert_eq!((documents_line(&settled), unread(&settled)), ((0, 4), 4));
    // A box ticked: same size, but a new modification time.
    let beta = portal.content().join("beta.md");
    let text = std::fs::read_to_string(&beta).unwrap();
    portal.write("beta.md", text.replacen("- [ ] three", "- [x] three", 1));
    age(&portal);
    let edited = build_verbose(&portal, &[]);
    assert_eq!((documents_line(&edited), unread(&edited)), ((1, 3), 3));
    let status = portal.status();
    let beta = (status["projects"].as_array().unwrap().iter())
        .find(|p| p["slug"] == "beta")
        .expect("beta");
    assert_eq!(beta["counts"]["done"], 3, "the ticked box is read");
    // The pages of a build that read nothing are those of a build from scratch.
    assert_same_as_without_the_cache(&portal);
}

/// Settled, unchanged documents whose projects the cache holds whole are
/// not read, and their own entries are not even opened: the index has
/// their front matter (here a program, which groups the portfolio page).
#[test]
fn projects_from_the_cache_need_no_document_entry() {
    let portal = portal();
    portal.write(
        "delta.md",
        "---\ntitle: Delta\nprogram: Infrastructure\n---\n# Delta\n\n## Lot\n\n- [ ] câblage\n",
    );
    build_verbose(&portal, &[]);
    age(&portal);
    build_verbose(&portal, &[]);
    let good = files(&portal.public());
    assert!(String::from_utf8_lossy(&good["index.html"]).contains("Infrastructure"));
    let mut removed = 0;
    for entry in walkdir::WalkDir::new(portal.root().join(".sitrep-cache")).min_depth(2) {
        let entry = entry.unwrap();
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        if bytes.starts_with(b"sitrep\0") {
            std::fs::remove_file(entry.path()).unwrap();
            removed += 1;
        }
    }
    assert_eq!(removed, 5, "one entry per document");
    let stderr = build_verbose(&portal, &[]);
    assert_eq!((documents_line(&stderr), unread(&stderr)), ((0, 5), 5));
    assert_eq!(projects_cached(&stderr), 4, "{stderr}");
    assert_eq!(files(&portal.public()), good);
}

#[test]
fn a_changed_document_is_extracted_again() {
    let portal = portal();
    let status = portal.build();
    let beta = |status: &serde_json::Value| {
        status["projects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["slug"] == "beta")
            .expect("beta")["counts"]
            .clone()
    };
    assert_eq!(beta(&status)["done"], 2);
    assert_eq!(beta(&status)["total"], 3);

    portal.write(
        "beta.md",
        "# Beta\n\n## Work\n\n- [x] one\n- [x] two\n- [x] three\n- [ ] four\n",
    );
    let stderr = build_verbose(&portal, &[]);
    assert_eq!(documents_line(&stderr), (1, 3), "{stderr}");
    assert_eq!(projects_cached(&stderr), 2, "alpha and gamma: {stderr}");
    let status = portal.status();
    assert_eq!(beta(&status)["done"], 3);
    assert_eq!(beta(&status)["total"], 4);
    let page = portal.read_output("beta/index.html");
    assert!(page.contains("four"), "the page shows the new text");
}

/// One of a project's two documents edited: the project is assembled again
/// from the other document's cached status and the new one, as a build
/// without the cache assembles it; the other projects come from the cache.
#[test]
fn a_project_is_assembled_again_when_one_of_its_documents_changes() {
    let portal = portal();
    portal.build();
    portal.write(
        "gamma/notes.md",
        "# Notes\n\n## Jalons\n\n| Jalon | Date |\n|---|---|\n| Go-live | 2026-12-01 |\n| Recette | 2026-11-20 |\n\n## Suivi\n\n- [x] kickoff\n",
    );
    let stderr = build_verbose(&portal, &[]);
    assert_eq!(documents_line(&stderr), (1, 3), "{stderr}");
    assert_eq!(projects_cached(&stderr), 2, "alpha and beta: {stderr}");
    let status = portal.status();
    let gamma = common::project(&status, "gamma/");
    let milestones: Vec<&str> = (gamma["milestones"].as_array().unwrap().iter())
        .map(|m| m["title"].as_str().unwrap())
        .collect();
    assert_eq!(milestones, ["Go-live", "Recette"]);
    // "start" (index.md, not read again) and "kickoff" (notes.md).
    assert_eq!(gamma["counts"]["total"], 2);
    assert_eq!(gamma["counts"]["done"], 1);
    assert_same_as_without_the_cache(&portal);
}

/// A project, taken from the cache or assembled anew, keeps its section
/// tree encoded until something reads it, and then it is the tree a build without the cache
/// assembles, with what `status.json` leaves out (the as-of date's line).
/// Serialised, it is decoded for the writing only, not kept.
#[test]
fn projects_from_the_cache_decode_their_sections_only_when_read() {
    use sitrep::build::{self, BuildOptions};

    let portal = portal();
    let options = BuildOptions {
        root: portal.root().to_path_buf(),
        as_of: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()),
        ..BuildOptions::default()
    };
    // In this process: the cache is keyed by the running executable.
    build::build(&options).unwrap();
    let warm = build::read_portal(&options).unwrap().status.projects;
    let cold = build::read_portal(&BuildOptions {
        no_cache: true,
        ..options
    })
    .unwrap()
    .status
    .projects;
    assert_eq!(warm.len(), 3);
    // Assembled afresh, a project packs its tree and its lists too: a
    // portfolio holds every project until its pages are written.
    let packed = |project: &sitrep::model::Project| {
        project.sections.is_packed()
            && project.milestones.is_packed()
            && project.risks.is_packed()
            && project.people.is_packed()
            && project.diagnostics.is_packed()
    };
    assert!(cold.iter().all(packed));
    for (warm, cold) in warm.iter().zip(&cold) {
        assert!(packed(warm), "{} was decoded", warm.slug);
        // Written out (a `status.json` part), the tree and lists are
        // decoded for the writing only; compared, for the comparison only.
        let json = serde_json::to_string(warm).unwrap();
        assert_eq!(json, serde_json::to_string(cold).unwrap());
        assert_eq!(warm, cold);
        assert!(packed(warm), "{} kept decoded", warm.slug);
        // `serve` keeps what the cross-project pages read decoded; the tree
        // stays packed, and the bytes stay for the cache.
        warm.decode();
        assert!(!warm.risks.is_packed() && !warm.milestones.is_packed());
        assert!(!warm.people.is_packed() && !warm.diagnostics.is_packed());
        assert!(warm.sections.is_packed());
        assert_eq!(warm, cold);
    }
    let alpha = &warm[0];
    assert_eq!(alpha.slug, "alpha");
    assert_eq!(alpha.sections[0].title, "Lot 1");
    assert_eq!(alpha.sections[0].items[1].owner.as_deref(), Some("@marc"));
    assert_eq!(alpha.as_of_at, Some(("alpha.md".to_string(), 3)));
}

#[test]
fn a_damaged_cache_is_ignored_and_rebuilt() {
    let portal = portal();
    portal.build();
    let good = files(&portal.public());
    let cache = portal.root().join(".sitrep-cache");
    let mut damaged = 0;
    for entry in walkdir::WalkDir::new(&cache) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            // Half the entries truncated, the others overwritten with garbage.
            let replacement = if damaged % 2 == 0 {
                bytes[..bytes.len() / 2].to_vec()
            } else {
                b"not a cache entry".to_vec()
            };
            std::fs::write(entry.path(), replacement).unwrap();
            damaged += 1;
        }
    }
    assert_eq!(
        damaged, 9,
        "one entry per document and per project, the index and the page memo"
    );
    let stderr = build_verbose(&portal, &[]);
    assert_eq!(documents_line(&stderr), (4, 0), "{stderr}");
    assert_eq!(kept_pages(&stderr), 0, "{stderr}");
    assert_eq!(files(&portal.public()), good);
    // And the entries were written again.
    let stderr = build_verbose(&portal, &[]);
    assert_eq!(documents_line(&stderr), (0, 4), "{stderr}");
    assert_eq!(projects_cached(&stderr), 3, "{stderr}");
}

#[cfg(unix)]
#[test]
fn unchanged_files_are_kept_and_changed_ones_written() {
    use std::os::unix::fs::MetadataExt;
    let portal = portal();
    portal.build();
    let inode = |path: &str| {
        std::fs::metadata(portal.public().join(path))
            .expect(path)
            .ino()
    };
    let (alpha, beta, style) = (
        inode("alpha/index.html"),
        inode("beta/index.html"),
        inode("style.css"),
    );
    portal.write("beta.md", "# Beta\n\n## Work\n\n- [x] one\n");
    let stderr = build_verbose(&portal, &[]);
    assert_eq!(inode("alpha/index.html"), alpha, "unchanged page kept");
    assert_eq!(inode("style.css"), style, "unchanged stylesheet kept");
    assert_ne!(inode("beta/index.html"), beta, "changed page written");
    assert!(portal.read_output("beta/index.html").contains("one"));
    assert!(
        stderr.contains("unchanged (kept from the previous builds)"),
        "{stderr}"
    );

    // status.json is streamed to disk: kept all the same when its bytes
    // did not change, written when they did.
    let status = inode("status.json");
    build_verbose(&portal, &[]);
    assert_eq!(inode("status.json"), status, "unchanged status.json kept");
    portal.write(
        "beta.md",
        "# Beta

## Work

- [x] one
- [ ] two
",
    );
    build_verbose(&portal, &[]);
    assert_ne!(inode("status.json"), status, "changed status.json written");
    assert!(portal.read_output("status.json").contains("two"));
}

#[test]
fn verbose_prints_the_time_of_each_template() {
    let portal = portal();
    let stderr = build_verbose(&portal, &[]);
    let pages = |template: &str| -> usize {
        let line = stderr
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{template}:")))
            .unwrap_or_else(|| panic!("no {template} line in {stderr}"));
        let count = line
            .rsplit(", ")
            .next()
            .and_then(|s| s.strip_suffix(" page(s)"))
            .unwrap_or_else(|| panic!("no page count in {line:?}"));
        count.parse().unwrap()
    };
    // Three projects: alpha, beta and the gamma folder.
    assert_eq!(pages("project.html"), 3);
    for single in [
        "index.html",
        "timeline.html",
        "risks.html",
        "people.html",
        "404.html",
    ] {
        assert_eq!(pages(single), 1, "{single}");
    }
    // Every stage is timed too.
    for stage in ["read", "portfolio", "render", "swap"] {
        assert!(
            stderr
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{stage}:"))),
            "{stage} missing from {stderr}"
        );
    }
}

/// `N` from the `--verbose` line `<label>: N …`.
fn count_on_line(stderr: &str, label: &str) -> usize {
    stderr
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{label}: ")))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {label} line in {stderr}"))
}

/// `N` from `project pages: N kept …` in `--verbose`.
fn kept_pages(stderr: &str) -> usize {
    count_on_line(stderr, "project pages")
}

#[test]
fn project_pages_whose_inputs_did_not_change_are_kept_not_rendered() {
    let portal = portal();
    assert_eq!(kept_pages(&build_verbose(&portal, &[])), 0, "first build");
    assert_eq!(
        kept_pages(&build_verbose(&portal, &[])),
        3,
        "nothing changed"
    );

    // One document changed: its project's page only is rendered again.
    portal.write(
        "gamma/notes.md",
        "# Notes\n\n## Suite\n\n- [x] nouvelle tâche\n",
    );
    assert_eq!(kept_pages(&build_verbose(&portal, &[])), 2);
    assert!(portal
        .read_output("gamma/index.html")
        .contains("nouvelle tâche"));

    // A page edited by hand in the output is not trusted: rendered again.
    let alpha = portal.public().join("alpha/index.html");
    std::fs::remove_file(&alpha).unwrap();
    std::fs::write(&alpha, "edited by hand").unwrap();
    assert_eq!(kept_pages(&build_verbose(&portal, &[])), 2);
    assert!(portal.read_output("alpha/index.html").contains("Cadrage"));

    // Every page depends on the config: all rendered again.
    portal.write_config("title = \"Portefeuille\"\n");
    assert_eq!(kept_pages(&build_verbose(&portal, &[])), 0);
    let memoised = files(&portal.public());
    assert!(portal
        .read_output("beta/index.html")
        .contains("Portefeuille"));

    // And what the memo kept is what a build from scratch writes.
    assert_eq!(kept_pages(&build_verbose(&portal, &[])), 3);
    assert_eq!(files(&portal.public()), memoised);
    build_verbose(&portal, &["--no-cache"]);
    assert_eq!(files(&portal.public()), memoised);
}

/// The pages `--verbose` counts as rendered and as kept for `template`.
fn cross_pages(stderr: &str, template: &str) -> (usize, usize) {
    let count = |label: &str| {
        stderr
            .lines()
            .find_map(|l| l.trim_start().strip_prefix(label))
            .and_then(|rest| rest.split(", ").nth(1))
            .and_then(|pages| pages.split(' ').next())
            .map_or(0, |n| n.parse().unwrap())
    };
    (
        count(&format!("{template}:")),
        count(&format!("{template} (kept, not rendered):")),
    )
}

#[test]
fn cross_project_pages_whose_inputs_did_not_change_are_kept_not_rendered() {
    let portal = portal();
    let first = build_verbose(&portal, &[]);
    assert_eq!(cross_pages(&first, "risks.html"), (1, 0), "first build");
    assert_eq!(cross_pages(&first, "index.html"), (1, 0));

    // Nothing changed: every cross-project page is kept.
    let again = build_verbose(&portal, &[]);
    for template in ["index.html", "timeline.html", "risks.html", "people.html"] {
        assert_eq!(cross_pages(&again, template), (0, 1), "{template}");
    }

    // A milestone moves: the timeline shows it, so it is rendered again;
    // the risks and people pages show nothing of it and are kept.
    portal.write(
        "gamma/notes.md",
        "# Notes\n\n## Jalons\n\n| Jalon | Date |\n|---|---|\n| Go-live | 2027-01-15 |\n",
    );
    let moved = build_verbose(&portal, &[]);
    assert_eq!(cross_pages(&moved, "timeline.html"), (1, 0));
    assert_eq!(cross_pages(&moved, "risks.html"), (0, 1));
    assert_eq!(cross_pages(&moved, "people.html"), (0, 1));
    assert!(portal.read_output("timeline/index.html").contains("2027"));

    // What was kept is what a build from scratch writes.
    let kept = files(&portal.public());
    build_verbose(&portal, &["--no-cache"]);
    assert_eq!(files(&portal.public()), kept);
}

/// The projects whose part of `status.json` `--verbose` says was copied.
fn copied_parts(stderr: &str) -> usize {
    count_on_line(stderr, "status.json")
}

#[test]
fn status_json_parts_of_unchanged_projects_are_copied_not_serialised() {
    let portal = portal();
    assert_eq!(copied_parts(&build_verbose(&portal, &[])), 0, "first build");
    assert_eq!(copied_parts(&build_verbose(&portal, &[])), 3, "no change");

    // One project changed: its part is serialised again, the others copied.
    portal.write(
        "gamma/notes.md",
        "# Notes\n\n## Suite\n\n- [x] nouvelle tâche\n",
    );
    assert_eq!(copied_parts(&build_verbose(&portal, &[])), 2);
    let status = portal.read_output("status.json");
    assert!(status.contains("nouvelle tâche"));
    assert!(status.contains("Cadrage"), "alpha's copied part is there");

    // A status.json replaced by hand is not trusted: nothing is copied.
    let file = portal.public().join("status.json");
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, "{}").unwrap();
    assert_eq!(copied_parts(&build_verbose(&portal, &[])), 0);

    // What the copies make is what a build from scratch writes.
    assert_eq!(copied_parts(&build_verbose(&portal, &[])), 3);
    let copied = portal.read_output("status.json");
    build_verbose(&portal, &["--no-cache"]);
    assert_eq!(portal.read_output("status.json"), copied);
    let value: serde_json::Value = serde_json::from_str(&copied).expect("valid JSON");
    assert_eq!(value["projects"].as_array().map(Vec::len), Some(3));
}

/// Project `n` of the paginated portal: two items, two milestones, a risk.
fn paged_document(n: usize, done: bool, title: &str) -> String {
    let tick = if done { "x" } else { " " };
    format!(
        "# {title}\n\n**Dernière mise à jour :** 20/10/2026\n\n## Tâches\n\n\
         - [x] Cadrage @claire\n- [{tick}] Réalisation @dev{n:03}\n\n\
         ## Jalons\n\n| Jalon | Date | Statut |\n|---|---|---|\n\
         | Lancement {n:03} | 15/10/2026 | À faire |\n| Livraison {n:03} | 2{}/12/2026 | À faire |\n\n\
         ## Risques\n\n- **Panne {n:03}** : impact élevé, probabilité moyenne. Action : redonder.\n",
        n % 10
    )
}

#[test]
fn rebuilds_of_a_paginated_portal_are_byte_for_byte_a_cold_build() {
    // 130 projects: 3 portfolio and timeline pages of 50, 2 risk pages.
    let portal = Portal::new();
    for n in 1..=130 {
        portal.write(
            &format!("p{n:03}.md"),
            paged_document(n, false, &format!("Projet {n:03}")),
        );
    }
    build_verbose(&portal, &[]);
    let cold_out = tempfile::tempdir().unwrap();
    let cold = cold_out.path().join("public");
    let cold_arg = cold.to_str().unwrap();
    let edits: [(&str, &dyn Fn()); 6] = [
        ("an item of project 60 ticked", &|| {
            portal.write("p060.md", paged_document(60, true, "Projet 060"));
        }),
        ("a risk added to project 10", &|| {
            let mut text = paged_document(10, false, "Projet 010");
            text.push_str("- **Retard 010** : impact critique, probabilité élevée.\n");
            portal.write("p010.md", text);
        }),
        ("project 70 renamed to sort first", &|| {
            portal.write("p070.md", paged_document(70, false, "Aaa 070"));
        }),
        ("project 5 put in a programme", &|| {
            let text = paged_document(5, false, "Projet 005");
            portal.write("p005.md", format!("---\nprogram: Achats\n---\n{text}"));
        }),
        ("project 120 removed", &|| {
            std::fs::remove_file(portal.content().join("p120.md")).unwrap();
        }),
        ("a milestone of project 100 moved", &|| {
            let text = paged_document(100, false, "Projet 100").replace("20/12/2026", "05/11/2026");
            portal.write("p100.md", text);
        }),
    ];
    let mut kept_somewhere = false;
    for (edit, apply) in edits {
        apply();
        let stderr = build_verbose(&portal, &[]);
        kept_somewhere |= cross_pages(&stderr, "timeline.html").1 > 0;
        build_verbose(&portal, &["--no-cache", "--output", cold_arg]);
        let rebuilt = files(&portal.public());
        let from_scratch = files(&cold);
        assert_eq!(
            rebuilt.keys().collect::<Vec<_>>(),
            from_scratch.keys().collect::<Vec<_>>(),
            "{edit}: the same files"
        );
        for (path, bytes) in &rebuilt {
            assert!(
                bytes == &from_scratch[path],
                "{edit}: {path} differs from a cold build"
            );
        }
    }
    assert!(
        kept_somewhere,
        "some timeline pages were kept, not rendered"
    );
}

/// `serve` prunes the cache after its first build: entries left by another
/// sitrep, config or as-of date go, the entries it uses and the projects
/// it assembled stay.
#[test]
fn the_first_rebuild_in_memory_prunes_the_cache() {
    use sitrep::build::{self, BuildOptions, Previous, SharedFiles};
    use sitrep::memo::MemoryMemo;

    let portal = portal();
    portal.build();
    let cache = portal.root().join(".sitrep-cache");
    let stray = cache.join("ff").join(format!("{}.bin", "f".repeat(32)));
    std::fs::create_dir_all(stray.parent().unwrap()).unwrap();
    std::fs::write(&stray, b"an entry of another build").unwrap();
    let entries = || {
        walkdir::WalkDir::new(&cache)
            .min_depth(2)
            .into_iter()
            .filter(|e| e.as_ref().unwrap().file_type().is_file())
            .count()
    };
    assert_eq!(entries(), 8, "four documents, three projects, the stray");
    let options = BuildOptions {
        root: portal.root().to_path_buf(),
        as_of: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()),
        ..BuildOptions::default()
    };
    let memo = MemoryMemo::default();
    let (files, previous) = build::render_site_after(
        &options,
        &mut build::Stages::default(),
        &memo,
        &SharedFiles::default(),
        Previous::first(),
    )
    .unwrap();
    assert!(!stray.exists(), "the stray entry is pruned");
    assert_eq!(entries(), 7, "one entry per document and project stays");
    // A later rebuild does not list the cache again.
    std::fs::write(&stray, b"an entry of another build").unwrap();
    build::render_site_after(
        &options,
        &mut build::Stages::default(),
        &memo.after_success(&files),
        &files,
        previous,
    )
    .unwrap();
    assert!(stray.exists());
}

/// `serve`'s rebuilds take each unchanged document and project from the
/// rebuild before ([`sitrep::build::Previous`]), without reading a document
/// whose file had settled and did not change since, instead of the cache: every
/// one still gives, byte for byte, the site a build from scratch gives,
/// whether the project's other documents come from the cache or (with
/// `--no-cache`) are read again.
#[test]
fn rebuilds_in_memory_take_unchanged_projects_and_match_a_cold_build() {
    use sitrep::build::{self, BuildOptions, Previous, SharedFiles};
    use sitrep::memo::MemoryMemo;

    for no_cache in [false, true] {
        let portal = portal();
        let options = BuildOptions {
            root: portal.root().to_path_buf(),
            as_of: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()),
            no_cache,
            ..BuildOptions::default()
        };
        let mut memo = MemoryMemo::default();
        let mut served = SharedFiles::default();
        let mut previous = Previous::first();
        // Each edit; how many projects are unchanged after it; and how many
        // documents were not read (they had settled, see `age`).
        let edits: [(&str, &dyn Fn(), usize, usize); 6] = [
            ("the first build", &|| {}, 0, 0),
            ("nothing changed", &|| {}, 3, 4),
            (
                "an item of beta ticked",
                &|| {
                    portal.write(
                        "beta.md",
                        "# Beta\n\n## Work\n\n- [x] one\n- [x] two\n- [x] three\n",
                    );
                },
                2,
                3,
            ),
            (
                "one document of gamma changed",
                &|| {
                    portal.write("gamma/notes.md", "# Notes\n\n## Jalons\n\n| Jalon | Date |\n|---|---|\n| Go-live | 2026-10-01 |\n");
                },
                2,
                3,
            ),
            (
                "alpha removed, delta added",
                &|| {
                    std::fs::remove_file(portal.content().join("alpha.md")).unwrap();
                    portal.write(
                        "delta.md",
                        "# Delta\n\n**Mise à jour :** 20/10/2026\n\n## Lot\n\n- [ ] @lea début\n",
                    );
                },
                2,
                3,
            ),
            // Delta, updated 12 days before, is now stale: not read by
            // extraction, the setting still changes every project's inputs.
            (
                "the config changed",
                &|| {
                    portal.write_config("stale_after_days = 7\n");
                },
                0,
                4,
            ),
        ];
        for (edit, apply, unchanged, unread) in edits {
            apply();
            age(&portal);
            let (files, next) = build::render_site_after(
                &options,
                &mut build::Stages::default(),
                &memo,
                &served,
                previous,
            )
            .unwrap_or_else(|e| panic!("{edit}: {e:#}"));
            assert_eq!(next.reused(), unchanged, "{edit} (no_cache: {no_cache})");
            assert_eq!(next.unread(), unread, "{edit} (no_cache: {no_cache})");
            let (_, cold) = build::render_site(&BuildOptions {
                no_cache: true,
                ..options.clone()
            })
            .unwrap();
            let mut paths: Vec<_> = files.keys().collect();
            paths.sort();
            assert_eq!(
                paths,
                cold.files.keys().collect::<Vec<_>>(),
                "{edit}: the same files"
            );
            for (path, file) in &files {
                assert!(
                    *file.bytes() == cold.files[path][..],
                    "{edit} (no_cache: {no_cache}): {path} differs from a build from scratch"
                );
            }
            memo = memo.after_success(&files);
            served = files;
            previous = next;
        }
    }
}

/// Dates back the files of `content/` written in the last minute by half an
/// hour, each to its own time: a rebuild trusts a file's identity (size,
/// time, inode) only once it had settled before the previous build read it.
fn age(portal: &Portal) {
    let now = std::time::SystemTime::now();
    for entry in walkdir::WalkDir::new(portal.content()) {
        let entry = entry.unwrap();
        let modified = entry.metadata().unwrap().modified().unwrap();
        if entry.file_type().is_file() && modified + Duration::from_secs(60) > now {
            let file = std::fs::File::options()
                .write(true)
                .open(entry.path())
                .unwrap();
            file.set_modified(now - Duration::from_secs(1800)).unwrap();
        }
    }
}

/// The site a build swaps out is kept beside the output and brought up to
/// date by the build after next: whatever changed in between (a page
/// changed, a project gone, a file edited in place in the live site, which
/// shares its inode with the kept one), the output is byte for byte what
/// a build without the cache writes.
#[test]
fn the_kept_previous_site_is_brought_up_to_date_exactly() {
    let portal = portal();
    let spare = portal.root().join(".public.sitrep-previous");
    let fresh = tempfile::tempdir().unwrap();
    let same_as_a_cold_build = |step: &str| {
        let cold = fresh.path().join(step);
        let output = portal.run(&[
            "build",
            "--quiet",
            "--no-cache",
            "--as-of",
            AS_OF,
            "--output",
            &cold.to_string_lossy(),
        ]);
        assert!(output.status.success(), "{output:?}");
        assert_eq!(files(&portal.public()), files(&cold), "after {step}");
    };
    portal.build();
    assert!(!spare.exists(), "nothing to keep after the first build");

    portal.write("beta.md", "# Beta\n\n## Work\n\n- [x] one\n- [x] two\n");
    build_verbose(&portal, &[]);
    assert!(
        spare.join(".sitrep-output").is_file(),
        "the first site kept"
    );
    same_as_a_cold_build("beta changed");

    // The kept site is the first one: beta's page there is out of date,
    // and gamma's folder goes.
    std::fs::remove_file(portal.content().join("gamma/index.md")).unwrap();
    std::fs::remove_file(portal.content().join("gamma/notes.md")).unwrap();
    build_verbose(&portal, &[]);
    assert!(!portal.public().join("gamma").exists());
    same_as_a_cold_build("gamma removed");

    // Edited in place, the stylesheet changes in every site sharing it;
    // the next builds do not take the kept one for the right bytes.
    use std::io::Write as _;
    let mut style = std::fs::OpenOptions::new()
        .append(true)
        .open(portal.public().join("style.css"))
        .unwrap();
    style.write_all(b"/* edited by hand */").unwrap();
    drop(style);
    build_verbose(&portal, &[]);
    same_as_a_cold_build("stylesheet edited");
    build_verbose(&portal, &[]);
    same_as_a_cold_build("built again");

    // A kept site damaged by hand is not trusted either.
    std::fs::write(spare.join("alpha/index.html"), "stale").unwrap();
    std::fs::remove_file(spare.join("index.html")).unwrap();
    build_verbose(&portal, &[]);
    same_as_a_cold_build("kept site damaged");

    // Without the cache nothing is kept.
    build_verbose(&portal, &["--no-cache"]);
    assert!(!spare.exists());
}

/// The summary tiles of the first portfolio page, label → value.
fn tiles(index: &str) -> BTreeMap<String, String> {
    let html = scraper::Html::parse_document(index);
    let tile = scraper::Selector::parse("li.tile").unwrap();
    let part = |element: scraper::ElementRef, class: &str| {
        let selector = scraper::Selector::parse(class).unwrap();
        (element.select(&selector).next())
            .map(|e| e.text().collect::<String>().trim().to_string())
            .unwrap_or_default()
    };
    (html.select(&tile))
        .map(|t| (part(t, ".tile-label"), part(t, ".tile-value")))
        .collect()
}

/// The tiles count each project's milestones and risks as it was
/// assembled: the same from the cache, and again once a document changes.
#[test]
fn summary_tiles_count_milestones_and_risks_built_or_cached() {
    let portal = Portal::new();
    let milestones =
        |rows: &str| format!("## Jalons\n\n| Jalon | Date | Statut |\n|---|---|---|\n{rows}");
    let risks = |rows: &str| format!("## Risques\n\n| Risque | Sévérité |\n|---|---|\n{rows}");
    // As of 1 November: Cadrage overdue, Recette in the next 30 days,
    // Formation done, Lancement later; one critical risk of two.
    portal.write(
        "alpha.md",
        format!(
            "# Alpha\n\n{}\n{}",
            milestones(
                "| Cadrage | 15/10/2026 | En cours |\n| Recette | 05/11/2026 | En cours |\n\
                 | Formation | 20/11/2026 | Terminé |\n| Lancement | 15/01/2027 | À faire |\n"
            ),
            risks("| Panne du fournisseur | Critique |\n| Retard du recrutement | Élevée |\n")
        ),
    );
    // 1 December is the 30th day after 1 November: in the next 30 days.
    let beta = |status: &str, risk: &str| {
        format!(
            "# Beta\n\n{}\n{}",
            milestones(&format!("| Mise en production | 01/12/2026 | {status} |\n")),
            risks(&format!("| Perte de données | {risk} |\n"))
        )
    };
    portal.write("beta.md", beta("À faire", "Critique"));
    let expect = |next30: &str, overdue: &str, critical: &str| {
        let tiles = tiles(&portal.read_output("index.html"));
        assert_eq!(tiles["Milestones in the next 30 days"], next30, "{tiles:?}");
        assert_eq!(tiles["Overdue milestones"], overdue, "{tiles:?}");
        assert_eq!(tiles["Critical risks"], critical, "{tiles:?}");
    };
    portal.build();
    expect("2", "1", "2");
    // Both projects from the cache, assembled: the same figures.
    portal.build();
    expect("2", "1", "2");
    // Beta's go-live done and its risk now low.
    portal.write("beta.md", beta("Terminé", "Faible"));
    std::thread::sleep(Duration::from_millis(10));
    portal.build();
    expect("1", "1", "1");
}
