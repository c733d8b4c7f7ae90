//! Snapshots over time: three recorded states of a changing portfolio, the
//! burn-up figures, slips, the change list and feed, archived sites that
//! still open after the live site changed, and snapshots rebuilt from git.

mod common;

use std::process::Command;

use common::Portal;
use serde_json::Value;

/// Week 1: two items done of four, go-live on 1 December, one open risk.
const WEEK_1: &str = "# Alpha\n\nDernière mise à jour : 02/11/2026\n\n## Travaux\n\n\
- [x] Cadrage\n- [x] Maquettes\n- [ ] Développement\n- [ ] Recette\n\n\
## Jalons\n\n| Jalon | Date |\n|---|---|\n| Mise en production | 01/12/2026 |\n\n\
## Risques\n\n- **Départ du développeur principal**\n  - Impact : Élevé\n  - Probabilité : Faible\n";

/// Week 2: development done, a new item, go-live moved by 14 days.
const WEEK_2: &str = "# Alpha\n\nDernière mise à jour : 09/11/2026\n\n## Travaux\n\n\
- [x] Cadrage\n- [x] Maquettes\n- [x] Développement\n- [ ] Recette\n- [ ] Formation\n\n\
## Jalons\n\n| Jalon | Date |\n|---|---|\n| Mise en production | 15/12/2026 |\n\n\
## Risques\n\n- **Départ du développeur principal**\n  - Impact : Élevé\n  - Probabilité : Faible\n";

/// Week 3: recette done, the risk gone; a second project appears.
const WEEK_3: &str = "# Alpha\n\nDernière mise à jour : 16/11/2026\n\n## Travaux\n\n\
- [x] Cadrage\n- [x] Maquettes\n- [x] Développement\n- [x] Recette\n- [ ] Formation\n\n\
## Jalons\n\n| Jalon | Date |\n|---|---|\n| Mise en production | 15/12/2026 |\n";

const BETA: &str = "# Beta\n\n- [ ] Lancement\n";

fn snapshot(portal: &Portal, as_of: &str) {
    let output = portal.run(&["snapshot", "--as-of", as_of]);
    assert!(
        output.status.success(),
        "snapshot failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn three_weeks() -> Portal {
    let portal = Portal::new();
    portal.write("alpha.md", WEEK_1);
    snapshot(&portal, "2026-11-02");
    portal.write("alpha.md", WEEK_2);
    snapshot(&portal, "2026-11-09");
    portal.write("alpha.md", WEEK_3);
    portal.write("beta.md", BETA);
    snapshot(&portal, "2026-11-16");
    portal
}

fn kinds(entry: &Value) -> Vec<String> {
    entry["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap().to_string())
        .collect()
}

/// The line of a snapshot's `status.json` that holds the item `text`, read
/// as JSON on its own.
fn item_line(portal: &Portal, label: &str, text: &str) -> Value {
    let path = portal
        .root()
        .join("snapshots")
        .join(label)
        .join("status.json");
    let json = std::fs::read_to_string(path).unwrap();
    let needle = format!("{{\"text\": \"{text}\"");
    let lines: Vec<&str> = json.lines().filter(|l| l.contains(&needle)).collect();
    assert_eq!(
        lines.len(),
        1,
        "one line for {text:?} in {label}: {lines:?}"
    );
    serde_json::from_str(lines[0].trim().trim_end_matches(',')).unwrap()
}

/// An item is a line of a snapshot: ticking it changes that one line, so
/// snapshots committed to git diff as the documents did.
#[test]
fn a_ticked_item_is_one_line_of_the_snapshot() {
    let portal = three_weeks();
    let before = item_line(&portal, "2026-W45", "Développement");
    let after = item_line(&portal, "2026-W46", "Développement");
    assert_eq!(before["status"], "todo");
    assert_eq!(after["status"], "done");
    assert_eq!(before["line"], 9);
    assert_eq!(after["line"], 9);
}

#[test]
fn three_snapshots_give_burn_up_slips_changes_and_feed() {
    let portal = three_weeks();
    // Labels are the ISO weeks of the as-of dates.
    for label in ["2026-W45", "2026-W46", "2026-W47"] {
        assert!(portal
            .root()
            .join("snapshots")
            .join(label)
            .join("status.json")
            .is_file());
    }
    // Burn-up figures stored per snapshot: (done, total) 2/4, 3/5, 4/5.
    let figures: Vec<(u64, u64)> = ["2026-W45", "2026-W46", "2026-W47"]
        .iter()
        .map(|label| {
            let path = portal
                .root()
                .join("snapshots")
                .join(label)
                .join("status.json");
            let status: Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let alpha = common::project(&status, "alpha");
            (
                alpha["counts"]["done"].as_u64().unwrap(),
                alpha["counts"]["total"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(figures, [(2, 4), (3, 5), (4, 5)]);

    let log: Value = serde_json::from_str(&portal.read_output("changes.json")).unwrap();
    let entries = log["entries"].as_array().unwrap();
    // Newest first: now (vs W47), W47 (vs W46), W46 (vs W45).
    let labels: Vec<&str> = entries
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["now", "2026-W47", "2026-W46"]);

    let week_2 = &entries[2];
    let slip = week_2["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "milestone_slipped")
        .expect("the go-live slipped in week 2");
    assert_eq!(slip["days"], 14);
    assert_eq!(slip["from"], "2026-12-01");
    assert_eq!(slip["to"], "2026-12-15");
    let ticked = week_2["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "item_status_changed")
        .expect("Développement was ticked");
    assert_eq!(
        (
            ticked["item"].as_str(),
            ticked["from"].as_str(),
            ticked["to"].as_str()
        ),
        (Some("Développement"), Some("todo"), Some("done"))
    );
    assert!(
        kinds(week_2).contains(&"item_added".to_string()),
        "Formation is new"
    );

    let week_3 = kinds(&entries[1]);
    assert!(week_3.contains(&"risk_closed".to_string()), "{week_3:?}");
    assert!(week_3.contains(&"project_added".to_string()), "{week_3:?}");
    assert!(
        week_3.contains(&"item_status_changed".to_string()),
        "Recette ticked: {week_3:?}"
    );

    // The feed has one entry per period, with the slip in words.
    let feed = portal.read_output("feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 3);
    assert!(feed.contains("slipped by 14 days"), "{feed}");

    // The pages show it: the project's burn-up (scope and done lines over
    // the three snapshots; the last one is today's build), the go-live's
    // moving forecast, the snapshots with links to their archived portals,
    // and a sparkline. (Minified HTML drops attribute quotes.)
    let page = portal.read_output("alpha/index.html");
    assert!(page.contains("burn-up-title"), "burn-up chart");
    assert_eq!(
        page.matches("lc-dot lc-done").count(),
        3,
        "one point per snapshot"
    );
    assert!(page.contains("slips-title"), "milestone trend chart");
    assert!(page.contains("Mise en production"));
    assert!(page.contains("+14"), "the go-live moved 14 days in all");
    let list = portal.read_output("snapshots/index.html");
    for label in ["2026-W45", "2026-W46", "2026-W47"] {
        assert!(
            list.contains(&format!("{label}/index.html")),
            "{label} listed"
        );
    }
    assert!(portal
        .read_output("index.html")
        .contains("class=\"sparkline\""));
}

/// A steering committee's weather by workstream, two weeks apart: the
/// area whose weather turned is a change, in `changes.json`, the feed and
/// the project page; the one that kept its weather is none.
#[test]
fn an_area_rated_otherwise_is_a_change_of_the_period() {
    let copil = |date: &str, data: &str| {
        format!(
            "# COPIL — Portail RH\n\nDate : {date}\n\n## Météo par chantier\n\n\
             | Chantier | Météo |\n|---|---|\n| Socle technique | ☀️ |\n| Migration des données | {data} |\n\n\
             ## Actions\n\n- [ ] Relancer le fournisseur\n"
        )
    };
    let portal = Portal::new();
    portal.write("copil.md", copil("02/11/2026", "☀️"));
    snapshot(&portal, "2026-11-02");
    portal.write("copil.md", copil("16/11/2026", "🌧️"));
    snapshot(&portal, "2026-11-16");
    let log: Value = serde_json::from_str(&portal.read_output("changes.json")).unwrap();
    let latest = &log["entries"][1];
    assert_eq!(latest["label"], "2026-W47");
    let turned: Vec<&Value> = (latest["changes"].as_array().unwrap().iter())
        .filter(|c| c["kind"] == "area_health_changed")
        .collect();
    assert_eq!(turned.len(), 1, "{latest}");
    assert_eq!(
        (
            turned[0]["area"].as_str(),
            turned[0]["from"].as_str(),
            turned[0]["to"].as_str()
        ),
        (Some("Migration des données"), Some("green"), Some("red"))
    );
    let feed = portal.read_output("feed.xml");
    assert!(
        feed.contains("area “Migration des données” green → red"),
        "{feed}"
    );
}

#[test]
fn archived_snapshots_still_open_after_the_live_site_changed() {
    let portal = three_weeks();
    portal.write("alpha.md", "# Alpha renamed\n\n- [x] all done\n");
    std::fs::remove_file(portal.content().join("beta.md")).unwrap();
    portal.build();
    let archive = portal.public().join("snapshots/2026-W45");
    let page = std::fs::read_to_string(archive.join("index.html")).expect("archived portfolio");
    assert!(page.contains("Alpha"));
    assert!(
        !page.contains("Alpha renamed"),
        "the archive shows the past, not the present"
    );
    // Every relative link of every archived page resolves inside the archive.
    for (path, bytes) in common::tree(&archive) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
        let selector = scraper::Selector::parse("[href], [src]").unwrap();
        let page_dir = archive.join(&path).parent().unwrap().to_path_buf();
        for element in html.select(&selector) {
            let target = element
                .value()
                .attr("href")
                .or(element.value().attr("src"))
                .unwrap();
            if target.starts_with('#')
                || target.contains("://")
                || target.starts_with("mailto:")
                || target.starts_with("data:")
            {
                continue;
            }
            let file = target.split(['#', '?']).next().unwrap();
            let mut resolved = page_dir.join(file);
            if file.ends_with('/') || file.is_empty() {
                resolved = resolved.join("index.html");
            }
            let resolved = resolved
                .canonicalize()
                .unwrap_or_else(|_| panic!("{path}: broken link {target}"));
            assert!(
                resolved.starts_with(archive.canonicalize().unwrap()),
                "{path}: {target} leaves the archive"
            );
        }
    }
}

#[test]
fn an_existing_label_is_refused_without_force_and_a_newer_schema_is_a_diagnostic() {
    let portal = Portal::new();
    portal.write("alpha.md", WEEK_1);
    snapshot(&portal, "2026-11-02");
    let again = portal.run(&["snapshot", "--as-of", "2026-11-03"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert!(portal
        .run(&["snapshot", "--as-of", "2026-11-03", "--force"])
        .status
        .success());

    let future = portal.root().join("snapshots/2099-W01");
    std::fs::create_dir_all(&future).unwrap();
    std::fs::write(
        future.join("status.json"),
        "{\"schema\": 99, \"projects\": []}",
    )
    .unwrap();
    let broken = portal.root().join("snapshots/broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("status.json"), "not json").unwrap();
    let status = portal.build();
    let codes: Vec<&str> = status["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "unreadable-snapshot")
            .count(),
        2,
        "{codes:?}"
    );
}

fn git(root: &std::path::Path, args: &[&str], date: &str) {
    let status = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn snapshots_are_rebuilt_from_git_history() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let portal = Portal::new();
    let root = portal.root();
    git(
        root,
        &["init", "-q", "-b", "main"],
        "2026-11-02T10:00:00+00:00",
    );
    portal.write("alpha.md", WEEK_1);
    git(root, &["add", "content"], "2026-11-02T10:00:00+00:00");
    git(
        root,
        &["commit", "-q", "-m", "w1"],
        "2026-11-02T10:00:00+00:00",
    );
    portal.write("alpha.md", WEEK_2);
    git(
        root,
        &["commit", "-q", "-am", "w2a"],
        "2026-11-10T10:00:00+00:00",
    );
    portal.write("alpha.md", WEEK_3);
    git(
        root,
        &["commit", "-q", "-am", "w2b"],
        "2026-11-12T10:00:00+00:00",
    );

    let output = portal.run(&["snapshot", "--from-git", "--every", "week"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Week 45 has one commit; week 46 keeps its last one (12 November).
    let read = |label: &str| -> Value {
        let path = root.join("snapshots").join(label).join("status.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let w45 = read("2026-W45");
    let w46 = read("2026-W46");
    assert_eq!(w45["as_of"], "2026-11-02");
    assert_eq!(w46["as_of"], "2026-11-12");
    assert_eq!(common::project(&w45, "alpha")["counts"]["done"], 2);
    assert_eq!(common::project(&w46, "alpha")["counts"]["done"], 4);
    assert!(!root.join("snapshots/2026-W47").exists());
}
