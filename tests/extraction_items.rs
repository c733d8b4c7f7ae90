//! Whole-document tests of work items, progress, declarations and people
//! (`EXTRACTION.md` §3-6, §9): the `sitrep` binary is run on a portal made
//! of copies of real documents, and `public/status.json` is read back.
//!
//! Expected figures were counted by hand from the documents; each test says
//! how. The seeds are read as they arrived, mojibake included (the build
//! repairs it); `SITREP_SEED_DIR=/path/to/copies` runs the seed tests on
//! other copies.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn seed_dir() -> PathBuf {
    std::env::var_os("SITREP_SEED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| shared().join("seeds"))
}

fn corpus_dir() -> PathBuf {
    shared().join("corpus/real")
}

/// Builds a portal of `file` (copied into `content/`) and returns its only project.
fn project_of(folder: &Path, file: &str) -> Option<Value> {
    let path = folder.join(file);
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    }
    let root = tempfile::tempdir().expect("temp dir");
    let content = root.path().join("content");
    std::fs::create_dir_all(&content).expect("content dir");
    std::fs::copy(&path, content.join(file)).expect("copy document");
    let output = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["build", "--root"])
        .arg(root.path())
        .args(["--as-of", "2026-11-01"])
        .output()
        .expect("run sitrep");
    assert!(
        output.status.success(),
        "sitrep build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json =
        std::fs::read_to_string(root.path().join("public/status.json")).expect("status.json");
    let status: Value = serde_json::from_str(&json).expect("valid json");
    Some(status["projects"][0].clone())
}

/// Builds a portal of one document `name` holding `text`.
fn project_of_text(name: &str, text: &str) -> Value {
    let folder = tempfile::tempdir().expect("temp dir");
    std::fs::write(folder.path().join(name), text).expect("write the document");
    project_of(folder.path(), name).expect("its project")
}

fn counts(project: &Value) -> (u64, u64, u64, u64, u64, u64) {
    let c = &project["counts"];
    let n = |k: &str| c[k].as_u64().unwrap_or(u64::MAX);
    (
        n("done"),
        n("in_progress"),
        n("todo"),
        n("blocked"),
        n("cancelled"),
        n("total"),
    )
}

/// Each item's text and status, depth first.
fn texts_and_statuses(project: &Value) -> Vec<(String, String)> {
    (all_items(project).iter())
        .map(|item| {
            (
                item["text"].as_str().unwrap_or_default().to_string(),
                item["status"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Each item's text, status and `field` (`owner`, `id`), depth first.
fn items_with(project: &Value, field: &str) -> Vec<(String, String, Option<String>)> {
    (all_items(project).iter())
        .map(|item| {
            (
                item["text"].as_str().unwrap_or_default().to_string(),
                item["status"].as_str().unwrap_or_default().to_string(),
                item[field].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// The text, status and percentage of the item on `line`.
fn item_at(items: &[Value], line: u64) -> (String, String, Option<f64>) {
    let item = items.iter().find(|i| i["line"] == line).expect("an item");
    (
        item["text"].as_str().unwrap_or_default().to_string(),
        item["status"].as_str().unwrap_or_default().to_string(),
        item["percent"].as_f64(),
    )
}

/// Every item of the project, depth first.
fn all_items(project: &Value) -> Vec<Value> {
    fn items(list: &Value, out: &mut Vec<Value>) {
        for item in list.as_array().into_iter().flatten() {
            out.push(item.clone());
            items(&item["children"], out);
        }
    }
    fn sections(list: &Value, out: &mut Vec<Value>) {
        for section in list.as_array().into_iter().flatten() {
            items(&section["items"], out);
            sections(&section["sections"], out);
        }
    }
    let mut out = Vec::new();
    sections(&project["sections"], &mut out);
    out
}

/// Every item of `project` as its text, status and percentage.
fn items_with_percent(project: &Value) -> Vec<(String, String, Option<f64>)> {
    (all_items(project).iter())
        .map(|item| {
            let text = item["text"].as_str().unwrap_or_default().to_string();
            let status = item["status"].as_str().unwrap_or_default().to_string();
            (text, status, item["percent"].as_f64())
        })
        .collect()
}

/// An item as [`items_with_percent`] gives it.
fn item(text: &str, status: &str, percent: Option<f64>) -> (String, String, Option<f64>) {
    (text.to_string(), status.to_string(), percent)
}

/// Asserts that the items of `project` are, in document order, these
/// texts with these statuses.
fn assert_items(project: &Value, expected: &[(&str, &str)]) {
    let items = all_items(project);
    let found: Vec<(&str, &str)> = (items.iter())
        .map(|i| {
            (
                i["text"].as_str().unwrap_or(""),
                i["status"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(found, expected);
}

/// The texts of `items` whose status is `status`, in order.
fn texts_with_status(items: &[Value], status: &str) -> Vec<String> {
    (items.iter())
        .filter(|i| i["status"] == status)
        .map(|i| i["text"].as_str().unwrap_or("").to_string())
        .collect()
}

fn all_sections(project: &Value) -> Vec<Value> {
    fn visit(list: &Value, out: &mut Vec<Value>) {
        for section in list.as_array().into_iter().flatten() {
            out.push(section.clone());
            visit(&section["sections"], out);
        }
    }
    let mut out = Vec::new();
    visit(&project["sections"], &mut out);
    out
}

fn has_diagnostic(project: &Value, code: &str) -> bool {
    project["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|d| d["code"] == code)
}

fn person<'a>(project: &'a Value, handle: &str) -> Option<&'a Value> {
    project["people"]
        .as_array()?
        .iter()
        .find(|p| p["handle"] == handle)
}

// ---------------------------------------------------------------- seeds

/// Seed 000 (VertiFlow). Counted: phase 5 list, 11 items ending in
/// `— En cours` (1) or `— À faire` (10); TODO list, 11 `TICKET-1xx` items
/// with `Statut : En cours` (1) or `À faire` (10). Phases 1-4 carry no
/// status. @Imrane owns tickets 31, 32, 36, 38 and TICKET-102, 103, 107, 109.
#[test]
fn seed_000_vertiflow_items_and_people() {
    let Some(project) = project_of(&seed_dir(), "000_d2916da3dc9ddd4c.txt") else {
        return;
    };
    assert_eq!(counts(&project), (0, 2, 20, 0, 0, 22));
    for handle in ["@Mounir", "@Imrane", "@Mouhammed", "@Asama", "@MrZakaria"] {
        assert!(person(&project, handle).is_some(), "{handle} missing");
    }
    let mounir = person(&project, "@Mounir").unwrap();
    assert_eq!(mounir["role"], "Architecte, Scientifique, Mathématicien");
    assert_eq!(person(&project, "@Imrane").unwrap()["open_items"], 8);
    assert_eq!(person(&project, "@Asama").unwrap()["open_items"], 0);
    let ticket = all_items(&project)
        .into_iter()
        .find(|i| i["id"] == "TICKET-101")
        .expect("TICKET-101");
    assert_eq!(ticket["status"], "in_progress");
    assert_eq!(ticket["owner"], "@Mouhammed");
    assert!(project["declared_progress"].is_null());
}

/// Seed 004 (IBIS-X). Counted per phase ([✅]/[🚧]/[⬜]): 0: 8/0/1,
/// 1: 2/2/6, 2: 1/1/1, 3: 0/0/3, 4: 0/0/4, 5: 0/0/4, 6: 0/2/3, 7: 1/0/0,
/// 8: 0/0/3, and 3 [✅] under "Environnement Local": 15 done, 5 in
/// progress, 25 to do. The three legend lines are not items.
#[test]
fn seed_004_ibisx_items_and_legend() {
    let Some(project) = project_of(&seed_dir(), "004_17038ee05aac6a4f.txt") else {
        return;
    };
    assert_eq!(counts(&project), (15, 5, 25, 0, 0, 45));
    assert!(all_items(&project).iter().all(|i| i["text"] != "Fait"));
    // (15 × 100 + 5 × 50) / 45 = 38.9
    assert_eq!(project["progress"], 38.9);
}

/// Seed 002 (Virida): every ✅ item is done; the summary table's Points
/// column reads 8+8+8+8+8+5+8 = 53.
#[test]
fn seed_002_virida_all_done_and_points() {
    let Some(project) = project_of(&seed_dir(), "002_65bc71620fcb37dc.txt") else {
        return;
    };
    let (done, in_progress, todo, blocked, _, total) = counts(&project);
    assert!(total > 0);
    assert_eq!((in_progress, todo, blocked), (0, 0, 0));
    assert_eq!(done, total);
    assert_eq!(project["progress"], 100.0);
    let points: f64 = all_items(&project)
        .iter()
        .filter_map(|i| i["points"].as_f64())
        .sum();
    assert_eq!(points, 53.0);
}

/// Seed 001 (WindFlow): the `PROGRESSION TOTALE` bar says 19%; the phase
/// bars attach to the `## Phase 1.x` sections (95, 0, 0, 0, 0); Phase 1.0
/// is also claimed at 80% by its `Statut` line (and 98% by its score
/// line), which conflicts with the bar.
#[test]
fn seed_001_windflow_declarations() {
    let Some(project) = project_of(&seed_dir(), "001_b2b292edbd904f08.txt") else {
        return;
    };
    assert_eq!(project["declared_progress"], 19.0);
    let sections = all_sections(&project);
    for (phase, declared) in [
        ("1.0", 95.0),
        ("1.1", 0.0),
        ("1.2", 0.0),
        ("1.3", 0.0),
        ("1.4", 0.0),
    ] {
        let title = format!("Phase {phase} :");
        let section = sections
            .iter()
            .find(|s| s["title"].as_str().is_some_and(|t| t.starts_with(&title)))
            .unwrap_or_else(|| panic!("section Phase {phase}"));
        assert_eq!(section["level"], 2);
        assert_eq!(section["declared_progress"], declared, "Phase {phase}");
    }
    let phase_10_claims: Vec<f64> = project["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["section"]
                .as_str()
                .is_some_and(|s| s.starts_with("Phase 1.0 :"))
        })
        .filter_map(|d| d["value"].as_f64())
        .collect();
    assert!(phase_10_claims.contains(&80.0), "{phase_10_claims:?}");
    assert!(has_diagnostic(&project, "conflicting-declarations"));
}

/// Seed 003 (AIPROD): `Statut Global: ✅ PHASE 0 = 100% COMPLETE` while the
/// checklist still has open boxes; `**Total P0.1**` rows are declarations;
/// the `P0.1.1` row reads 60% and 🟡.
#[test]
fn seed_003_aiprod_declared_vs_computed() {
    let Some(project) = project_of(&seed_dir(), "003_e13b6495296d0f10.txt") else {
        return;
    };
    assert_eq!(project["declared_progress"], 100.0);
    assert!(project["progress"].as_f64().unwrap() < 85.0);
    assert!(has_diagnostic(&project, "declared-vs-computed"));
    let items = all_items(&project);
    assert!(items
        .iter()
        .all(|i| !i["text"].as_str().unwrap_or("").starts_with("Total")));
    let row = items
        .iter()
        .find(|i| i["id"] == "P0.1.1" && i["percent"].is_number())
        .expect("P0.1.1 row");
    assert_eq!(
        (row["percent"].as_f64(), row["status"].as_str()),
        (Some(60.0), Some("in_progress"))
    );
    let total = project["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["label"] == "Total P0.1")
        .expect("Total P0.1 declaration");
    assert_eq!(total["value"], 65.0);
    assert_eq!(total["section"], "P0.1: Sécurité - Secrets Exposés");
}

// ---------------------------------------------------------------- corpus

/// 06: 17 bare `[x]` lines (not list items), no `[ ]`: `grep -c '^\[x\]'`.
#[test]
fn corpus_06_bare_boxes_count() {
    let Some(project) = project_of(&corpus_dir(), "06_tsock-avancement.md") else {
        return;
    };
    assert_eq!(counts(&project), (17, 0, 0, 0, 0, 17));
    assert_eq!(project["progress"], 100.0);
}

/// 02: the `ÉTAT GLOBAL` table's `État` cells, read as a reader reads them:
/// `✅ FAIT` and `✅ CORRIGÉ` done, `⛔ À FAIRE` to do and `⏳ BLOQUÉ`
/// blocked (the word, not the emoji before it, says the status).
#[test]
fn corpus_02_a_status_word_outweighs_its_emoji() {
    let Some(project) = project_of(&corpus_dir(), "02_trackyu-gps-suivi.md") else {
        return;
    };
    let status_of = |text: &str| {
        let items = all_items(&project);
        let item = items.iter().find(|i| i["text"] == text).expect(text);
        item["status"].as_str().map(str::to_string)
    };
    assert_eq!(
        status_of("Design System — features (vues P1)").as_deref(),
        Some("done")
    );
    assert_eq!(
        status_of("Design System — features (vues P2-P4)").as_deref(),
        Some("todo")
    );
    assert_eq!(status_of("Contextes — bugs").as_deref(), Some("done"));
    assert_eq!(status_of("Déploiement").as_deref(), Some("blocked"));
}

/// 03 lists what is left of each record type under `- **À faire** :`
/// (lines 42-107): 3 + 2 + 3 + 2 + 4 + 3 + 2 + 3 + 3 = 25 tasks to do,
/// beside its 31 `❌` entries. Done: the 15 `✅` of `État général` and
/// the `✅` RecordTypeA and RecordTypeH validations and RecordTypeA tests,
/// 18; in progress: RecordTypeB's `⚠️` validation. 75 items, 24.7 %.
#[test]
fn corpus_03_the_tasks_under_a_to_do_label_are_to_do() {
    let Some(project) = project_of(&corpus_dir(), "03_phpigcinspector-avancement.md") else {
        return;
    };
    assert_eq!(counts(&project), (18, 1, 56, 0, 0, 75));
    assert_eq!(project["progress"], 24.7);
    let items = all_items(&project);
    let waypoints = items.iter().find(|i| i["line"] == 44).expect("line 44");
    assert_eq!(
        (waypoints["text"].as_str(), waypoints["status"].as_str()),
        (
            Some("Parser les waypoints (points de départ, tour de piste, arrivée)"),
            Some("todo")
        )
    );
    assert!(items.iter().all(|i| i["text"] != "À faire"));
}

/// 02's bug table, `| ID | Fichier | Bug | État |`: the row of line 166
/// is the bug `3 timers sans cleanup → memory leak` (C1), fixed on
/// 2026-04-04, not the file it is in; the fix is an item, not a milestone.
#[test]
fn corpus_02_a_bug_table_row_is_named_by_its_bug() {
    let Some(project) = project_of(&corpus_dir(), "02_trackyu-gps-suivi.md") else {
        return;
    };
    let items = all_items(&project);
    let bug = items.iter().find(|i| i["line"] == 166).expect("line 166");
    assert_eq!(
        (
            bug["text"].as_str(),
            bug["id"].as_str(),
            bug["status"].as_str()
        ),
        (
            Some("3 timers sans cleanup → memory leak"),
            Some("C1"),
            Some("done")
        )
    );
    // The day it was fixed, stamped in its status cell, makes it no
    // milestone; neither do the views migrated on that day (`| Login | … |
    // ✅ 2026-04-04 |`, line 100): the document names no milestone at all.
    let milestones = project["milestones"].as_array().expect("milestones");
    assert!(milestones.is_empty(), "{milestones:?}");
}

/// 13: the OpenTelemetry compliance matrix defines its cells in prose
/// (line 6: "`+` means the feature is supported, `-` means it is not
/// supported, `N/A` means the feature is not applicable …, blank cell means
/// the status … is not known"), over tables of features × twelve
/// languages. Each feature row is an item at the share of the languages
/// that implement it, blank and `N/A` cells left out; the rows under a
/// header repeated inside a table are a group of their section. The figures were
/// counted from the file apart from sitrep: 323 rows with at least one
/// `+` or `-` (the `Optional` column's `X` and `*` are not languages), 80
/// all `+`, 6 all `-`, 237 mixed.
#[test]
fn corpus_13_a_compliance_matrix_gives_one_item_per_feature() {
    let Some(project) = project_of(&corpus_dir(), "13_otel-spec-compliance-matrix.md") else {
        return;
    };
    assert_eq!(counts(&project), (80, 237, 6, 0, 0, 323));
    let items = all_items(&project);
    let at = |line: u64| item_at(&items, line);
    let item = |text: &str, status: &str, percent: f64| {
        (text.to_string(), status.to_string(), Some(percent))
    };
    // `| Get a Tracer with scope attributes |  | + | - |  | + |  |  | + | + | + | + |  | + |`:
    // 7 of the 8 languages that say.
    assert_eq!(
        at(23),
        item("Get a Tracer with scope attributes", "in_progress", 87.5)
    );
    // `| … gzip Content-Encoding support | X | + | + | + | + | + | - | + |  | - | + | - | + |`:
    // 8 of 11, the `X` of `Optional` not counted.
    assert_eq!(
        at(327),
        item(
            "OTLP/HTTP gzip Content-Encoding support",
            "in_progress",
            72.7
        )
    );
    // A link names the feature by its text; Go alone has it, 1 of 12.
    assert_eq!(at(392), item("otel.sdk.span.started", "in_progress", 8.3));
    // Every language that says has it.
    assert_eq!(at(20), item("Create TracerProvider", "done", 100.0));
    // None has it.
    assert_eq!(
        at(374),
        item(
            "Delta Non-Monotonic Sums become Cumulative Prometheus Counters",
            "todo",
            0.0
        )
    );
    // The headers repeated inside a table (`| [TracerProvider](…) | Optional
    // | Go | Java | …`, line 19) and a row of blank cells (line 434,
    // `Migration to OpenTelemetry guide`) are no items.
    assert!(items.iter().all(|i| i["line"] != 19 && i["line"] != 434));
    let sections = all_sections(&project);
    let traces = sections
        .iter()
        .find(|s| s["title"] == "Traces")
        .expect("Traces");
    assert_eq!(traces["counts"]["total"], 64);
    // A header repeated with a name of its own opens a group of the
    // section: Exporters keeps its first four rows and holds OTLP (17
    // rows), Zipkin (14) and Prometheus (22), at the mean of their rows
    // (counted apart from sitrep: 68.8, 70.1 and 42.0).
    let exporters = (sections.iter())
        .find(|s| s["title"] == "Exporters")
        .expect("Exporters");
    assert_eq!(exporters["items"].as_array().map(Vec::len), Some(4));
    let groups: Vec<(&str, u64, f64)> = (exporters["sections"].as_array().into_iter().flatten())
        .map(|group| {
            (
                group["title"].as_str().unwrap_or_default(),
                group["counts"]["total"].as_u64().unwrap_or_default(),
                group["progress"].as_f64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("OTLP", 17, 68.8),
            ("Zipkin", 14, 70.1),
            ("Prometheus", 22, 42.0)
        ]
    );
}

/// 23: a feature matrix whose legend is a list of terms (`**WIP**:
/// Development work on the feature is actively progressing`, `**TBA**:
/// Active work on this feature is not being undertaken`, `**Kernel
/// release, *e.g.* 6.0:** the feature was incorporated upstream`,
/// `**linux-asahi**: the feature is (mostly) stable and available for
/// use`). Counted apart from sitrep over its three tables: 31 + 22 + 22
/// rows, of which 7 have no cell the legend defines (`PCIe (GE)`, `Neural
/// Engine`, both `Installer`, `SD card slot`, the Pro's `1Gbps Ethernet`
/// and `Touch Bar`): 68 features; in progress Thunderbolt, DP Alt Mode,
/// Video Decoder, SEP (all `WIP`) and the M1's Speakers and Microphones
/// (mixed); to do Video Encoder, ProRes Codec and both `TouchID` rows.
#[test]
fn corpus_23_a_feature_matrix_read_through_its_legend_list() {
    let Some(project) = project_of(&corpus_dir(), "23_asahi-m1-feature-support.md") else {
        return;
    };
    assert_eq!(counts(&project), (58, 6, 4, 0, 0, 68));
    let items = all_items(&project);
    let at = |line: u64| item_at(&items, line);
    assert_eq!(at(30), item("Thunderbolt", "in_progress", Some(50.0)));
    // `linux-asahi (notes)` is linux-asahi; `(notes)` alone says nothing.
    assert_eq!(at(38), item("cpuidle", "done", None));
    // Three devices have them downstream, the iMac's are to be announced.
    assert_eq!(at(77), item("Speakers", "in_progress", Some(75.0)));
    // Two of them, and the iMac's work in progress: (100 + 100 + 50) / 3.
    assert_eq!(at(81), item("Microphones", "in_progress", Some(83.3)));
    assert_eq!(at(84), item("TouchID", "todo", Some(0.0)));
    // `linux-asahi (13.5 FW only)` and `6.2`.
    assert_eq!(at(93), item("HDMI Out", "done", Some(100.0)));
    for line in [36, 57, 63, 89] {
        assert!(items.iter().all(|i| i["line"] != line), "line {line}");
    }
}

/// A sprint page as teams write them outside any template: status words
/// in capitals before the task (`DONE`, `TODO:`, `WIP`, `BLOCKED`), an
/// owner set aside in parentheses (`(@alice)`), a `Resp.` column.
#[test]
fn a_to_do_list_in_its_own_words() {
    let project = project_of_text(
        "sprint-12.md",
        "# Sprint 12\n\n## Tickets\n\n\
         - [ ] #123 Fix login redirect (@alice) — due 2026-12-10\n\
         - DONE Write the migration spec\n\
         - TODO: deploy to staging\n\
         - WIP Load tests @bob\n\
         - WIP Cache warm-up, @carol\n\
         - BLOCKED Vendor contract (waiting for legal)\n\
         - Done with the old flow, we moved on\n\n\
         ## Suivi\n\n\
         | # | Sujet | Resp. | Avancement |\n|---|---|---|---|\n\
         | 1 | API v2 | @alice | 100 % |\n\
         | 2 | Webhooks | @bob | 40 % |\n",
    );
    let items = items_with(&project, "owner");
    let item = |text: &str, status: &str, owner: Option<&str>| {
        (
            text.to_string(),
            status.to_string(),
            owner.map(str::to_string),
        )
    };
    assert_eq!(
        items,
        [
            // Its due date and owner are read: neither stays in its text.
            item("#123 Fix login redirect", "todo", Some("@alice")),
            item("Write the migration spec", "done", None),
            item("deploy to staging", "todo", None),
            item("Load tests", "in_progress", Some("@bob")),
            item("Cache warm-up", "in_progress", Some("@carol")),
            item("Vendor contract (waiting for legal)", "blocked", None),
            // A sentence that starts with a status word is no task.
            item("API v2", "done", Some("@alice")),
            item("Webhooks", "in_progress", Some("@bob")),
        ]
    );
}

/// A weekly report sorts its work under its headings: what was done this
/// week, what is planned next. Entries that say their own status keep it.
/// A README's badges say what their words say: `progress-60%25` is a
/// declared 60 %, `status-at risk` a declared amber, a badge closing a
/// task its status, one in a status cell that cell's value.
#[test]
fn badges_declare_what_their_words_say() {
    let project = project_of_text(
        "payments.md",
        "# Payments Gateway Migration\n\n\
         ![Progress](https://img.shields.io/badge/progress-60%25-yellow)\n\
         ![Status](https://img.shields.io/badge/status-at%20risk-orange)\n\n\
         ## Workstreams\n\n\
         - API adapters ![](https://img.shields.io/badge/done-brightgreen)\n\
         - Card vault ![](https://img.shields.io/badge/in%20progress-blue)\n\n\
         | Lot | Status |\n|---|---|\n\
         | Cutover | ![s](https://badgen.net/badge/status/blocked/red) |\n",
    );
    assert_eq!(project["declared_progress"], 60.0);
    assert_eq!(project["declared_health"], "amber");
    let item = |text: &str, status: &str| (text.to_string(), status.to_string());
    assert_eq!(
        texts_and_statuses(&project),
        [
            item("API adapters", "done"),
            item("Card vault", "in_progress"),
            item("Cutover", "blocked"),
        ]
    );
}

/// A tracker's version page tallies its issues by status under its
/// title: 30 of the 45 (5 + 10 + 30) are done, 66.7 %, the project's
/// claim; its epics table computes (100 + 60 + 0) / 3 = 53.3 %. A
/// sprint review's `Tâches` line and a list entry's `Stories` tally
/// claim 12 of 17 done, 70.6 %, and neither is an item; the entry's
/// neighbour `Backend: 4 done, 1 blocked` names no work count and claims
/// nothing.
#[test]
fn a_tally_of_work_by_status_claims_the_share_done() {
    let project = project_of_text(
        "release.md",
        "# Release 2.4 — Payments platform\n\n\
         45 issues: 30 done, 10 in progress, 5 to do\n\n\
         ## Epics\n\n| Epic | Status | Progress |\n|---|---|---|\n\
         | Card vaulting | Done | 100% |\n| 3-D Secure 2 | In Progress | 60% |\n\
         | Refund API | To Do | 0% |\n",
    );
    assert_eq!(project["declared_progress"], 66.7);
    assert_eq!(project["progress"], 53.3);
    let project = project_of_text(
        "sprint.md",
        "# Portail RH — Sprint 14\n\n## Bilan du sprint\n\n\
         **Tâches :** 12 terminées, 3 en cours et 2 à faire\n\n\
         ## Prochaines étapes\n\n- [ ] Recette utilisateurs\n",
    );
    assert_eq!(project["declared_progress"], 70.6);
    assert_eq!(project["counts"]["total"], 1);
    let project = project_of_text(
        "milestone.md",
        "# Milestone v1.0\n\n## Summary\n\n\
         - **Stories:** 12 done, 3 in progress, 2 to do\n- Backend: 4 done, 1 blocked\n",
    );
    let declarations: Vec<_> = (project["declarations"].as_array().unwrap().iter())
        .map(|d| (d["label"].as_str().unwrap(), d["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(declarations, [("Stories", 70.6)]);
    assert_eq!(project["counts"]["total"], 0);
}

/// A Confluence product requirements page: its statuses sit in the
/// `Notes` column (done, in progress, to do: (100 + 50 + 0) / 3 = 50 %);
/// the fourth row says nothing there and is no item, as an empty status
/// cell is not; its properties table's `Document owner` owns the page.
#[test]
fn a_requirements_table_with_its_statuses_in_its_notes() {
    let project = project_of_text(
        "checkout.md",
        "# Mobile Checkout — Product requirements\n\n| | |\n|---|---|\n\
         | Target release | 2.4 |\n| Document status | DRAFT |\n| Document owner | @dana |\n\n\
         ## Requirements\n\n| # | Title | User Story | Importance | Notes |\n|---|---|---|---|---|\n\
         | 1 | Guest checkout | As a visitor, I want to pay without an account | Must Have | DONE |\n\
         | 2 | Saved cards | As a returning customer, I want my card remembered | Must Have | IN PROGRESS |\n\
         | 3 | Apple Pay | As an iPhone user, I want to pay with Apple Pay | Should Have | TODO |\n\
         | 4 | Gift cards | As a customer, I want to redeem a gift card | Could Have | |\n",
    );
    assert_items(
        &project,
        &[
            ("Guest checkout", "done"),
            ("Saved cards", "in_progress"),
            ("Apple Pay", "todo"),
        ],
    );
    assert_eq!(project["progress"], 50.0);
    assert_eq!(project["owner"], "@dana");
}

/// A daily stand-up, a part per person: @ana answers on labelled lines,
/// @ben under headings. Yesterday's work is done, today's under way
/// (2 done, 2 in progress: (100 + 50 + 100 + 50) / 4 = 75 %), each
/// person's work is theirs, @ana's blocker is the only risk (@ben's
/// `Blockers` section says `None`), and the project is green, not done.
#[test]
fn a_stand_up_reads_as_its_people_answered() {
    let project = project_of_text(
        "standup.md",
        "# Team Falcon — Daily stand-up\n\nDate: 2026-11-20\n\n\
         ## @ana\n\n- Yesterday: finished the export API\n- Today: pagination tests\n\
         - Blockers: waiting on staging credentials\n\n\
         ## @ben\n\n### Yesterday\n\n- reviewed PR #212\n\n### Today\n\n- start the CSV import\n\n\
         ### Blockers\n\n- None\n",
    );
    stand_up_read(&project);
    assert_ne!(project["health"], "done");
    assert_eq!(person(&project, "@ben").unwrap()["open_items"], 1);
}

/// The same stand-up written as lines of paragraphs, as a chat message
/// pasted in, reads as its list form ([`stand_up_read`]): each answer is
/// an item, and `Tomorrow: nothing`, `Blockers: none` and a count's `Done:
/// 30 of 42` name no work.
#[test]
fn a_stand_up_written_as_lines_reads_as_its_list_form() {
    let project = project_of_text(
        "standup.md",
        "# Team Falcon — Daily stand-up\n\nDate: 2026-11-20\n\n\
         ## @ana\n\n**Yesterday:** finished the export API\n**Today:** pagination tests\n\
         **Blockers:** waiting on staging credentials\n\n\
         ## @ben\n\nYesterday: reviewed PR #212\nToday: start the CSV import\n\
         Tomorrow: nothing\nBlockers: none\n\nDone: 30 of 42\n",
    );
    stand_up_read(&project);
}

/// A German project status report as a PMO writes it: its name after
/// `Projekt`, its period's last day (KW 43, 19 to 23 October) as its
/// date, its Projektleiter, its amber Gesamtstatus; a work-package table
/// (100, 60 and 0 %) and two boxes (one ticked): (100 + 60 + 0 + 0 +
/// 100) / 5 = 52 %, two done, one under way, two to do; the milestone
/// table's `Plantermin` dates two milestones, which are no items; the
/// risk's `hoch` probability is 4, its `mittel` impact 3.
#[test]
fn a_german_status_report_reads_whole() {
    let project = project_of_text(
        "crm.md",
        "# Statusbericht Projekt CRM-Einführung\n\
         \n\
         **Berichtszeitraum:** KW 43 (19.10.2026 – 23.10.2026)\n\
         **Projektleiter:** Max Mustermann\n\
         **Gesamtstatus:** 🟡 Gelb\n\
         \n\
         ## Zusammenfassung\n\
         \n\
         Das Projekt liegt im Zeitplan, das Budget ist leicht überschritten.\n\
         \n\
         ## Fortschritt\n\
         \n\
         | Arbeitspaket | Verantwortlich | Fortschritt | Status |\n\
         |---|---|---|---|\n\
         | AP1 Anforderungsanalyse | M. Schmidt | 100 % | Abgeschlossen |\n\
         | AP2 Datenmigration | K. Weber | 60 % | In Bearbeitung |\n\
         | AP3 Schulung | L. Fischer | 0 % | Nicht begonnen |\n\
         \n\
         ## Meilensteine\n\
         \n\
         | Meilenstein | Plantermin | Status |\n\
         |---|---|---|\n\
         | Go-Live Pilot | 15.01.2027 | Im Plan |\n\
         | Rollout | 01.03.2027 | Gefährdet |\n\
         \n\
         ## Risiken\n\
         \n\
         | Risiko | Wahrscheinlichkeit | Auswirkung | Maßnahme |\n\
         |---|---|---|---|\n\
         | Datenqualität Altsystem | hoch | mittel | Bereinigung vor Migration |\n\
         \n\
         ## Nächste Schritte\n\
         \n\
         - [ ] Testkonzept abstimmen\n\
         - [x] Lizenzen bestellt\n",
    );
    assert_eq!(project["name"], "CRM-Einführung");
    assert_eq!(project["as_of"], "2026-10-23");
    assert_eq!(project["owner"], "Max Mustermann");
    assert_eq!(project["declared_health"], "amber");
    assert_eq!(project["progress"], 52.0);
    assert_eq!(counts(&project), (2, 1, 2, 0, 0, 5));
    let milestones: Vec<_> = (project["milestones"].as_array().unwrap().iter())
        .map(|m| (m["title"].as_str().unwrap(), m["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        milestones,
        [("Go-Live Pilot", "2027-01-15"), ("Rollout", "2027-03-01")]
    );
    let risk = &project["risks"][0];
    assert_eq!(
        (&risk["impact"], &risk["probability"]),
        (&3.into(), &4.into())
    );
}

/// A team's OKRs written as a list, each key result scored at the end
/// of its line: 0.5, 0.7, 1.0 and 0 make (50 + 70 + 100 + 0) / 4 = 55 %,
/// one done, two under way, one to do.
#[test]
fn key_results_listed_with_their_scores() {
    let project = project_of_text(
        "okr.md",
        "# Growth team — OKRs Q4 2026\n\n## Objective 1: Make self-serve the default way to buy\n\n\
         - KR1: Raise self-serve ARR from $80k to $120k — now $104k (score 0.5)\n\
         - KR2: Cut time-to-first-invoice to under 10 minutes (score 0.7)\n\
         - KR3: Launch the pricing page in 4 languages — score: 1.0\n\
         - KR4: Partner channel pilot (score 0)\n",
    );
    assert_eq!(project["progress"], 55.0);
    assert_eq!(counts(&project), (1, 2, 1, 0, 0, 4));
}

/// What Team Falcon's stand-up says, however it is written: Ana finished
/// the export API and is on pagination tests, Ben reviewed PR #212 and
/// starts the CSV import (two done, two under way: (100 + 100 + 50 + 50)
/// / 4 = 75 %); Ana waits on staging credentials, her blocker as her items
/// are hers.
fn stand_up_read(project: &Value) {
    assert_eq!(
        items_with(project, "owner"),
        [
            item_owned("finished the export API", "done", "@ana"),
            item_owned("pagination tests", "in_progress", "@ana"),
            item_owned("reviewed PR #212", "done", "@ben"),
            item_owned("start the CSV import", "in_progress", "@ben"),
        ]
    );
    assert_eq!(project["progress"], 75.0);
    let risks: Vec<_> = (project["risks"].as_array().unwrap().iter())
        .map(|r| (r["title"].as_str().unwrap(), r["owner"].as_str()))
        .collect();
    assert_eq!(risks, [("waiting on staging credentials", Some("@ana"))]);
}

/// An item as [`items_with`] gives it, with its owner.
fn item_owned(text: &str, status: &str, owner: &str) -> (String, String, Option<String>) {
    (
        text.to_string(),
        status.to_string(),
        Some(owner.to_string()),
    )
}

#[test]
fn a_weekly_report_sorts_its_work_under_its_headings() {
    let project = project_of_text(
        "weekly.md",
        "# Weekly Status Report\n\n## Accomplishments this week\n\n\
         - Finished the data model review\n- Deployed release 1.4 to UAT\n\n\
         ## Planned next week\n\n- Start performance testing\n- 🚧 Go-live checklist\n\n\
         ## Prochaines étapes\n\n- Recette utilisateur\n\n\
         ## This week\n\n- Sprint review\n",
    );
    let items = texts_and_statuses(&project);
    let item = |text: &str, status: &str| (text.to_string(), status.to_string());
    assert_eq!(
        items,
        [
            item("Finished the data model review", "done"),
            item("Deployed release 1.4 to UAT", "done"),
            item("Start performance testing", "todo"),
            item("Go-live checklist", "in_progress"),
            item("Recette utilisateur", "todo"),
            // `This week` may be what was done or what is planned: no status.
        ]
    );
}

/// A PRINCE2 highlight report sorts its products as a weekly report
/// sorts its work: completed in the period, planned for the next.
#[test]
fn a_highlight_reports_products_are_sorted_by_its_headings() {
    let project = project_of_text(
        "highlight.md",
        "# Highlight Report — CRM Replacement\n\n**Overall RAG:** Amber\n\n\
         ## Products completed in the period\n\n- Data migration scripts (batch 1)\n\n\
         ## Products completed this period\n\n- UAT test plan signed off\n\n\
         ## Products planned but not started\n\n- Archive export\n\n\
         ## Products planned for the next period\n\n- Training materials\n",
    );
    let item = |text: &str, status: &str| (text.to_string(), status.to_string());
    assert_eq!(
        texts_and_statuses(&project),
        [
            item("Data migration scripts (batch 1)", "done"),
            item("UAT test plan signed off", "done"),
            item("Archive export", "todo"),
            item("Training materials", "todo"),
        ]
    );
}

/// A weekly status e-mail, pasted as it was sent: no `#` heading, its
/// subject as its first line, short lines over its lists. Its title and
/// name come from the subject, its `Key dates` are milestones, its
/// lowlight is owned by Priya and due on 4 December.
#[test]
fn a_weekly_status_email_reads_as_its_reader_sees_it() {
    let project = project_of_text(
        "email.md",
        "Subject: [Atlas] Weekly status — week 48 — 🟢 GREEN\n\nHi all,\n\n\
         **Overall: GREEN** — we are on track for the January launch.\n\n\
         Highlights\n* Search indexing finished ✅\n\n\
         Lowlights\n* Legal review of the T&Cs is still pending ⚠️ — owner: Priya, due Dec 4\n\n\
         Key dates\n* Beta opens: 1 Dec 2026\n* Public launch: 18 Jan 2027\n\n\
         Thanks,\nMarc\n",
    );
    assert_eq!(
        (project["title"].as_str(), project["name"].as_str()),
        (
            Some("[Atlas] Weekly status — week 48 — GREEN"),
            Some("Atlas")
        )
    );
    assert_eq!(project["declared_health"], "green");
    let milestones: Vec<_> = (project["milestones"].as_array().unwrap().iter())
        .map(|m| (m["title"].as_str().unwrap(), m["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        milestones,
        [
            ("Beta opens", "2026-12-01"),
            ("Public launch", "2027-01-18")
        ]
    );
    let pending = &all_items(&project)[1];
    assert_eq!(
        (&pending["text"], &pending["owner"], &pending["due"]),
        (
            &Value::from("Legal review of the T&Cs is still pending"),
            &Value::from("Priya"),
            &Value::from("2026-12-04")
        )
    );
}

/// A monthly report's work under way (`## Travaux en cours`, `## In
/// progress this week`) is in progress, its open boxes too, as under `##
/// En cours`; a figure of its own still counts.
#[test]
fn a_reports_work_under_way_is_in_progress() {
    let project = project_of_text(
        "mensuel.md",
        "# Rapport mensuel\n\n## Travaux en cours\n\n\
         - [ ] Paramétrage de la paie — 60 %\n\
         - [ ] Portail salarié : maquettes validées, développement en cours\n\n\
         ## In progress this week\n\n- Load tests\n- [x] Staging database\n\n\
         ## Prochaines étapes\n\n- [ ] Recette de la paie\n",
    );
    let items = items_with_percent(&project);
    assert_eq!(
        items,
        [
            item("Paramétrage de la paie", "in_progress", Some(60.0)),
            item(
                "Portail salarié : maquettes validées, développement en cours",
                "in_progress",
                None
            ),
            item("Load tests", "in_progress", None),
            item("Staging database", "done", None),
            item("Recette de la paie", "todo", None),
        ]
    );
}

/// A meeting's minutes say how far a lot is after its status and a
/// comma: `Lot front : en cours, 70 %` is in progress at 70 %. A figure
/// after a comma elsewhere is not the item's (`Recette, 2 testeurs sur
/// 5, 40 %` speaks of testers).
#[test]
fn a_status_clauses_figure_after_a_comma() {
    let project = project_of_text(
        "cr.md",
        "# CR réunion hebdo\n\n## Avancement\n\n- Lot API : terminé ✅\n\
         - Lot front : en cours, 70 %\n- Lot reporting : pas commencé (attente specs)\n\
         - [ ] Recette, 2 testeurs sur 5, 40 %\n",
    );
    let items = items_with_percent(&project);
    assert_eq!(
        items,
        [
            item("Lot API", "done", None),
            item("Lot front", "in_progress", Some(70.0)),
            item("Lot reporting", "todo", None),
            item("Recette, 2 testeurs sur 5, 40 %", "todo", None),
        ]
    );
}

/// A monthly report sorts its work the same way, by the period it names:
/// `Accomplishments this period`, `Planned next period`, `Réalisations du
/// mois`, `Mois prochain`.
#[test]
fn a_monthly_report_sorts_its_work_under_its_headings() {
    let project = project_of_text(
        "monthly.md",
        "# Monthly Status Report\n\n## Accomplishments this period\n\n\
         - Completed ingestion of 12 of 15 source systems\n\n\
         ## Planned next period\n\n- Ingest the remaining 3 sources\n\n\
         ## Réalisations du mois\n\n- Contrat signé\n\n## Mois prochain\n\n- Recette\n",
    );
    let items = texts_and_statuses(&project);
    let item = |text: &str, status: &str| (text.to_string(), status.to_string());
    assert_eq!(
        items,
        [
            item("Completed ingestion of 12 of 15 source systems", "done"),
            item("Ingest the remaining 3 sources", "todo"),
            item("Contrat signé", "done"),
            item("Recette", "todo"),
        ]
    );
}

/// A report's heading names its half in many words, a head and a period
/// put together as the author likes: `Planned for next week`, `Priorities
/// for the coming week`, `Travaux réalisés`, `Fait la semaine dernière`.
/// `Priorities` alone names no half: its entries are no items.
#[test]
fn a_reports_headings_are_read_as_a_head_and_a_period() {
    let project = project_of_text(
        "weekly.md",
        "# Project Atlas — Weekly Status Report\n\n## Work completed\n\n- Payment gateway\n\n\
         ## Planned for next week\n\n- Start UAT\n\n\
         ## Priorities for the coming week\n\n- Fix the 12 open defects\n\n\
         ## Travaux réalisés\n\n- Maquettes validées\n\n\
         ## Fait la semaine dernière\n\n- Atelier RGPD\n\n\
         ## Priorities\n\n- Security first\n",
    );
    let items = texts_and_statuses(&project);
    let item = |text: &str, status: &str| (text.to_string(), status.to_string());
    assert_eq!(
        items,
        [
            item("Payment gateway", "done"),
            item("Start UAT", "todo"),
            item("Fix the 12 open defects", "todo"),
            item("Maquettes validées", "done"),
            item("Atelier RGPD", "done"),
        ]
    );
}

/// A steering committee's action log: an action `À lancer` (or `À
/// démarrer`, `À planifier`) is not begun yet, so to do; the others read
/// as the table says, each with its owner and due date.
#[test]
fn a_steering_committees_action_log() {
    let project = project_of_text(
        "copil.md",
        "# Refonte CRM — COPIL n°4\n\n## Relevé d'actions\n\n\
         | # | Action | Porteur | Échéance | Statut |\n|---|---|---|---|---|\n\
         | A1 | Relancer l'éditeur | @karim | 25/11/2026 | En cours |\n\
         | A2 | Valider le cahier de recette | @julie | 20/11/2026 | Fait |\n\
         | A3 | Lancer l'appel d'offres formation | @julie | 10/12/2026 | À lancer |\n\
         | A4 | Former les référents | @tom | 15/01/2027 | À planifier |\n",
    );
    let items = all_items(&project);
    let read: Vec<(&str, &str, &str, &str)> = (items.iter())
        .map(|item| {
            let field = |name: &str| item[name].as_str().unwrap_or_default();
            (field("text"), field("status"), field("owner"), field("due"))
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Relancer l'éditeur", "in_progress", "@karim", "2026-11-25"),
            (
                "Valider le cahier de recette",
                "done",
                "@julie",
                "2026-11-20"
            ),
            (
                "Lancer l'appel d'offres formation",
                "todo",
                "@julie",
                "2026-12-10"
            ),
            ("Former les référents", "todo", "@tom", "2027-01-15"),
        ]
    );
    assert!(!has_diagnostic(&project, "unread-status"));
}

/// Exports of three tools a team plans in, as pasted into a status page:
/// a GitLab milestone's issues (`opened` is still to do), an MS Project
/// plan in French (`% achevé` is how far each task is; a task is due on
/// its `Fin`, not its `Début`; `Noms ressources` names who does it) and
/// an Asana project's tasks (a `Completed` checkbox column: ✔ is done, a
/// box left empty is to do). Each row is a task, none a milestone.
#[test]
fn planning_tools_exports_list_their_tasks() {
    let read = |name: &str, text: &str| {
        let project = project_of_text(name, text);
        assert_eq!(project["milestones"].as_array().map(Vec::len), Some(0));
        (all_items(&project).iter())
            .map(|item| {
                let field = |name: &str| item[name].as_str().unwrap_or("-").to_string();
                let percent = item["percent"].as_f64();
                (
                    field("text"),
                    field("status"),
                    percent,
                    field("owner"),
                    field("due"),
                )
            })
            .collect::<Vec<_>>()
    };
    let row = |text: &str, status: &str, percent: Option<f64>, owner: &str, due: &str| {
        let owned = |s: &str| s.to_string();
        (
            owned(text),
            owned(status),
            percent,
            owned(owner),
            owned(due),
        )
    };
    assert_eq!(
        read(
            "gitlab.md",
            "# Infra Q4\n\n| Issue | Title | State | Assignee | Due date |\n|---|---|---|---|---|\n\
             | #412 | Upgrade Kubernetes to 1.31 | closed | @sam | 2026-10-30 |\n\
             | #418 | Rotate TLS certificates | opened | @kim | 2026-12-10 |\n"
        ),
        [
            row("Upgrade Kubernetes to 1.31", "done", None, "@sam", "2026-10-30"),
            row("Rotate TLS certificates", "todo", None, "@kim", "2026-12-10"),
        ]
    );
    assert_eq!(
        read(
            "planning.md",
            "# Déménagement du datacenter\n\n\
             | ID | Nom de la tâche | Durée | Début | Fin | % achevé | Noms ressources |\n\
             |---|---|---|---|---|---|---|\n\
             | 1 | Inventaire des serveurs | 10 jours | 01/09/2026 | 14/09/2026 | 100% | Équipe infra |\n\
             | 3 | Migration vague 1 | 20 jours | 06/10/2026 | 02/11/2026 | 80% | Équipe infra |\n\
             | 5 | Bascule finale | 1 jour | 12/12/2026 | 12/12/2026 | 0% | DSI |\n"
        ),
        [
            row("Inventaire des serveurs", "done", Some(100.0), "Équipe infra", "2026-09-14"),
            row("Migration vague 1", "in_progress", Some(80.0), "Équipe infra", "2026-11-02"),
            row("Bascule finale", "todo", Some(0.0), "DSI", "2026-12-12"),
        ]
    );
    assert_eq!(
        read(
            "asana.md",
            "# Website relaunch\n\n| Task | Assignee | Due date | Completed |\n|---|---|---|---|\n\
             | Wireframes | Julie | 2026-10-01 | ✔ |\n\
             | Front-end build | Julie | 2026-12-05 | |\n\
             | SEO audit | | 2026-12-12 | |\n"
        ),
        [
            row("Wireframes", "done", None, "Julie", "2026-10-01"),
            row("Front-end build", "todo", None, "Julie", "2026-12-05"),
            row("SEO audit", "todo", None, "-", "2026-12-12"),
        ]
    );
}

/// A dashboard's bars, one per lot, are claims about the lots, each
/// under its label: four lots at 100, 70, 40 and 0 % do not contradict
/// each other. Their section, which claims nothing itself, claims their
/// mean, (100 + 70 + 40 + 0) / 4 = 52.5 %, not the first lot's 100 %; its
/// title, `Avancement global`, makes that the project's claim too. The
/// same lot claimed twice, 70 % then 30 %, is a conflict, and counts once.
#[test]
fn a_dashboards_bars_are_claims_about_its_lots() {
    let bars = "# Tableau de bord\n\n## Avancement global\n\n```\n\
        Lot 1 Conception   ██████████ 100%\n\
        Lot 2 Back-office  ███████░░░  70%\n\
        Lot 3 Front usager ████░░░░░░  40%\n\
        Lot 4 Recette      ░░░░░░░░░░   0%\n```\n";
    let project = project_of_text("tdb.md", bars);
    let declarations: Vec<(&str, f64)> = (project["declarations"].as_array().into_iter().flatten())
        .map(|d| {
            (
                d["label"].as_str().unwrap_or("-"),
                d["value"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect();
    assert_eq!(
        declarations,
        [
            ("Avancement global", 52.5),
            ("Lot 1 Conception", 100.0),
            ("Lot 2 Back-office", 70.0),
            ("Lot 3 Front usager", 40.0),
            ("Lot 4 Recette", 0.0),
        ]
    );
    // The lots are marked as parts in `status.json`; the mean is not one.
    let parts: Vec<bool> = (project["declarations"].as_array().into_iter().flatten())
        .map(|d| d["part"] == true)
        .collect();
    assert_eq!(parts, [false, true, true, true, true]);
    assert!(!has_diagnostic(&project, "conflicting-declarations"));
    let section = &all_sections(&project)[0];
    assert_eq!(section["title"], "Avancement global");
    assert_eq!(section["declared_progress"].as_f64(), Some(52.5));
    assert_eq!(project["declared_progress"].as_f64(), Some(52.5));
    let again = format!("{bars}\n```\nLot 2 Back-office  ███░░░░░░░  30%\n```\n");
    let project = project_of_text("tdb.md", &again);
    assert!(has_diagnostic(&project, "conflicting-declarations"));
    assert_eq!(project["declared_progress"].as_f64(), Some(52.5));
}

/// A section with a claim of its own keeps it: the lots under `##
/// Avancement (60%)` do not replace what the heading says; one bar alone
/// is what its section claims, as before.
#[test]
fn a_sections_own_claim_stands_before_its_parts() {
    let project = project_of_text(
        "tdb.md",
        "# Tableau de bord\n\n## Avancement (60%)\n\n```\n\
         Lot 1 Conception   ██████████ 100%\n\
         Lot 2 Back-office  ███████░░░  70%\n```\n\n\
         ## Recette\n\n```\nLot 4 Recette      ██░░░░░░░░  20%\n```\n",
    );
    let sections = all_sections(&project);
    let declared: Vec<(&str, Option<f64>)> = (sections.iter())
        .map(|s| {
            (
                s["title"].as_str().unwrap_or("-"),
                s["declared_progress"].as_f64(),
            )
        })
        .collect();
    assert_eq!(
        declared,
        [("Avancement (60%)", Some(60.0)), ("Recette", Some(20.0))]
    );
    assert_eq!(project["declarations"].as_array().map(Vec::len), Some(4));
}

/// A quarterly roadmap: an open box with a figure after a spaced dash is
/// begun at that figure (a box says only done or not), and the figure,
/// read, leaves its text; the current quarter, an aside after it, is a
/// time box like the others.
#[test]
fn a_quarterly_roadmaps_boxes_and_quarters() {
    let project = project_of_text(
        "roadmap.md",
        "# Mobile App Roadmap\n\n## Q4 2026 (current quarter)\n\n\
         - [x] Biometric login\n- [ ] In-app chat — 60%\n- [ ] Accessibility fixes - 0%\n\n\
         ## Q1 2027\n\n- [ ] Payments v2\n",
    );
    let items = items_with_percent(&project);
    assert_eq!(
        items,
        [
            item("Biometric login", "done", None),
            item("In-app chat", "in_progress", Some(60.0)),
            item("Accessibility fixes", "todo", Some(0.0)),
            item("Payments v2", "todo", None),
        ]
    );
    let milestones = common::field_pairs(&project, "milestones", "title", "status");
    assert_eq!(
        milestones,
        [
            ("Q4 2026 (current quarter)", "in_progress"),
            ("Q1 2027", "todo")
        ]
    );
}

/// A roadmap's line of fields parted by dashes keeps only its text once
/// they are read: `Lakehouse migration — 70% — @dkim — on track` is
/// Lakehouse migration, 70 %, owned by @dkim. A line whose only field is
/// how it goes (`— on track`) is under way, and its text is its words.
#[test]
fn a_roadmap_lines_fields_leave_its_text() {
    let project = project_of_text(
        "roadmap.md",
        "# Data Platform Roadmap\n\n## Now\n\n\
         - **Lakehouse migration** — 70% — @dkim — on track\n\
         - Cost dashboards — on track\n\
         - Data contracts - @mia - at risk\n",
    );
    let read: Vec<(String, String, Option<String>, Option<f64>)> = (all_items(&project).iter())
        .map(|item| {
            let text = |name: &str| item[name].as_str().map(str::to_string);
            let status = text("status").unwrap_or_default();
            (
                text("text").unwrap_or_default(),
                status,
                text("owner"),
                item["percent"].as_f64(),
            )
        })
        .collect();
    let item = |text: &str, owner: Option<&str>, percent: Option<f64>| {
        let owner = owner.map(str::to_string);
        (text.to_string(), "in_progress".to_string(), owner, percent)
    };
    assert_eq!(
        read,
        [
            item("Lakehouse migration", Some("@dkim"), Some(70.0)),
            item("Cost dashboards", None, None),
            item("Data contracts", Some("@mia"), None),
        ]
    );
}

/// An action's due date after a spaced dash is shown beside it ("due
/// 2 Dec"), not in its text too: `Relancer Elec Pro — J. Perrot — 02/12`
/// is `Relancer Elec Pro — J. Perrot`, due on 2 December; a date that is
/// not the last part (`Livraison — 04/12 — à confirmer`) stays.
#[test]
fn an_actions_due_date_leaves_its_text() {
    let project = project_of_text(
        "chantier.md",
        "# Chantier\n\n**Date :** 27/11/2026\n\n## Actions\n\n\
         - [ ] Relancer Elec Pro — J. Perrot — 02/12\n\
         - [ ] Planifier la visite cloisons - 10/12/2026\n\
         - [ ] Livraison — 04/12 — à confirmer\n",
    );
    let read: Vec<(&str, Option<&str>)> = (project["sections"].as_array().into_iter().flatten())
        .flat_map(|s| s["items"].as_array().into_iter().flatten())
        .map(|i| (i["text"].as_str().unwrap_or("-"), i["due"].as_str()))
        .collect();
    assert_eq!(
        read,
        [
            ("Relancer Elec Pro — J. Perrot", Some("2026-12-02")),
            ("Planifier la visite cloisons", Some("2026-12-10")),
            ("Livraison — 04/12 — à confirmer", Some("2026-12-04")),
        ]
    );
}

/// A status report's workstream table rates each workstream (its areas)
/// and says how far it is (`% complete`: its items, at that value, so the
/// project is at (80 + 55 + 30 + 65) / 4 = 57.5 %). Its top risks name
/// their owner after a label on the risk's line: the title stops before
/// it. `Complété` alone (corpus 01's count of done tasks) is no status
/// column.
#[test]
fn a_workstream_table_gives_areas_and_items() {
    let project = project_of_text(
        "erp.md",
        "# ERP Rollout — Status Report\n\n## Workstreams\n\n\
         | Workstream | Lead | RAG | % complete | Comment |\n|---|---|---|---|---|\n\
         | Finance | @amy | 🟢 | 80% | GL migration done |\n\
         | Supply chain | @bo | 🟡 | 55% | Vendor master data late |\n\
         | HR & Payroll | @cy | 🔴 | 30% | Payroll parallel run failed |\n\
         | Reporting | @dee | 🟢 | 65% | |\n\n\
         ## Top risks\n\n\
         1. **Payroll parallel run** — must pass by 2026-12-05. Owner: @cy. Impact: high, likelihood: medium.\n\
         2. **Key-user availability** — Owner: @rafael. Impact: medium, likelihood: high.\n\n\
         ## Par catégorie\n\n| Catégorie | Complété | Total |\n|---|---|---|\n| Sécurité | 7/8 | 8 |\n",
    );
    let items: Vec<(String, String, Option<f64>)> = (all_items(&project).iter())
        .map(|item| {
            let text = item["text"].as_str().unwrap_or_default().to_string();
            let owner = item["owner"].as_str().unwrap_or_default().to_string();
            (text, owner, item["percent"].as_f64())
        })
        .collect();
    let item = |text: &str, owner: &str, percent: f64| {
        (text.to_string(), owner.to_string(), Some(percent))
    };
    assert_eq!(
        items,
        [
            item("Finance", "@amy", 80.0),
            item("Supply chain", "@bo", 55.0),
            item("HR & Payroll", "@cy", 30.0),
            item("Reporting", "@dee", 65.0),
        ]
    );
    assert_eq!(project["progress"], 57.5);
    let areas = common::field_pairs(&project, "areas", "name", "health");
    assert_eq!(
        areas,
        [
            ("Finance", "green"),
            ("Supply chain", "amber"),
            ("HR & Payroll", "red"),
            ("Reporting", "green")
        ]
    );
    let risks = common::field_pairs(&project, "risks", "title", "owner");
    assert_eq!(
        risks,
        [
            ("Payroll parallel run — must pass by 2026-12-05", "@cy"),
            ("Key-user availability", "@rafael"),
        ]
    );
}

/// An aside at the end of an item that only says who owns it and when it
/// is due leaves its text once both are read; an aside that says anything
/// else stays (corpus 08's `(@mentions, déplacements…)` names a feature).
#[test]
fn an_owner_and_due_aside_leaves_the_items_text() {
    let project = project_of_text(
        "actions.md",
        "# Actions\n\n## Action items\n\n\
         - [x] Send the beta test plan to QA (@priya)\n\
         - [ ] Renegotiate the CMS licence (@alex, due 2026-12-05)\n\
         - [ ] Vendor contract (waiting for legal)\n\
         - [ ] Notifications (@mentions, déplacements…)\n\
         - [ ] Book the comms slot (@sam) — due 2026-12-10\n\
         - [ ] Move the CI to Spot instances (@paul, fin décembre)\n\
         - [ ] Freeze the scope (@lea, v2)\n\
         - [x] New query planner (#1203) @jlee\n",
    );
    let items = all_items(&project);
    let found: Vec<(String, Option<String>)> = (items.iter())
        .map(|item| {
            let text = item["text"].as_str().unwrap_or_default().to_string();
            (text, item["due"].as_str().map(str::to_string))
        })
        .collect();
    let item = |text: &str, due: Option<&str>| (text.to_string(), due.map(str::to_string));
    assert_eq!(
        found,
        [
            item("Send the beta test plan to QA", None),
            item("Renegotiate the CMS licence", Some("2026-12-05")),
            item("Vendor contract (waiting for legal)", None),
            item("Notifications (@mentions, déplacements…)", None),
            // Its dashed due date off, its aside only names its owner.
            item("Book the comms slot", Some("2026-12-10")),
            // A month's end is a date: the aside says who and when.
            item("Move the CI to Spot instances", Some("2026-12-31")),
            // `v2` is no date: the aside stays, and names no owner.
            item("Freeze the scope (@lea, v2)", None),
            // A tracking issue's owner after the pull request.
            item("New query planner (#1203)", None),
        ]
    );
    let owners: Vec<Option<&str>> = (items.iter()).map(|item| item["owner"].as_str()).collect();
    assert_eq!(
        owners,
        [
            Some("@priya"),
            Some("@alex"),
            None,
            None,
            Some("@sam"),
            Some("@paul"),
            Some("@lea"),
            Some("@jlee")
        ]
    );
}

/// A Now / Next / Later roadmap: what is under way now, then what waits;
/// `What's Next` is no such heading (corpus 18 lists its phases again
/// there).
#[test]
fn a_now_next_later_roadmap_sorts_its_work() {
    let project = project_of_text(
        "roadmap.md",
        "# Billing roadmap\n\n## Now\n\n- Invoicing API\n- ✅ PDF templates\n\n\
         ## Next\n\n- Dunning emails\n\n## Later\n\n- Multi-currency\n\n\
         ## Plus tard\n\n- Facturation électronique\n\n## What's Next\n\n- Phase 2\n",
    );
    let items = texts_and_statuses(&project);
    let item = |text: &str, status: &str| (text.to_string(), status.to_string());
    assert_eq!(
        items,
        [
            item("Invoicing API", "in_progress"),
            item("PDF templates", "done"),
            item("Dunning emails", "todo"),
            item("Multi-currency", "todo"),
            item("Facturation électronique", "todo"),
        ]
    );
    // With the period each column covers, and an item's own status first.
    let project = project_of_text(
        "roadmap.md",
        "# Data Platform Roadmap\n\n## Now (Q4 2026)\n\n- Lakehouse migration\n- dbt upgrade — done ✅\n\n\
         ## Next (Q1 2027)\n\n- Streaming ingestion\n\n## Later (H2 2027)\n\n- Self-serve ML features\n",
    );
    assert_eq!(
        texts_and_statuses(&project),
        [
            item("Lakehouse migration", "in_progress"),
            item("dbt upgrade", "done"),
            item("Streaming ingestion", "todo"),
            item("Self-serve ML features", "todo"),
        ]
    );
}

/// A team's weekly update sorts its work under headings a marker
/// decorates: `✅ Shipped this week` and `✅ Terminé cette semaine` are
/// done, `🚧 In flight` under way, `⏭️ Up next` to do. Each entry is an
/// item of its heading's status, not the heading one ticket over notes.
#[test]
fn a_teams_weekly_update_sorts_its_work_under_marked_headings() {
    let project = project_of_text(
        "weekly.md",
        "# Platform team — weekly update\n\n\
         ## ✅ Shipped this week\n\n- Rate limiter v2 (@amir)\n- Latency dashboards (@jlee)\n\n\
         ## 🚧 In flight\n\n- Search migration (@nina)\n\n\
         ## ⏭️ Up next\n\n- Postgres 16 upgrade (@nina)\n- Retire the cron box\n\n\
         ## ✅ Terminé cette semaine\n\n- Bascule DNS\n\n\
         ## Coming up\n\n- Capacity review\n",
    );
    let items = texts_and_statuses(&project);
    let item = |text: &str, status: &str| (text.to_string(), status.to_string());
    assert_eq!(
        items,
        [
            item("Rate limiter v2", "done"),
            item("Latency dashboards", "done"),
            item("Search migration", "in_progress"),
            item("Postgres 16 upgrade", "todo"),
            item("Retire the cron box", "todo"),
            item("Bascule DNS", "done"),
            item("Capacity review", "todo"),
        ]
    );
}

/// A RAID log's risks are risks, named by their description, and its
/// decisions neither risks nor work; a table of one category column and a
/// status is still a list of work named by the category.
#[test]
fn a_raid_log_names_its_rows_by_their_description() {
    let project = project_of_text(
        "raid.md",
        "# Atlas\n\n## RAID\n\n\
         | ID | Type | Description | Owner | Status |\n|---|---|---|---|---|\n\
         | R1 | Risk | Data migration may slip | @tom | Open |\n\
         | D1 | Decision | Use Postgres 16 | @ana | Closed |\n\n\
         ## Lots\n\n| Catégorie | Statut |\n|---|---|\n| Backend | Fait |\n| Frontend | À faire |\n",
    );
    let items = items_with(&project, "id");
    let item = |text: &str, status: &str, id: Option<&str>| {
        (text.to_string(), status.to_string(), id.map(str::to_string))
    };
    assert_eq!(
        items,
        [
            item("Backend", "done", None),
            item("Frontend", "todo", None)
        ]
    );
    let risks = project["risks"].as_array().expect("risks");
    let named: Vec<_> = risks
        .iter()
        .map(|r| (&r["id"], &r["title"], &r["owner"]))
        .collect();
    assert_eq!(
        named,
        [(
            &"R1".into(),
            &"Data migration may slip".into(),
            &"@tom".into()
        )]
    );
}

/// A kanban board written as headings: each column's cards have its
/// status, `Doing` the board's word for work in progress; a status clause
/// in the generated corpus's words (`— 🟡 En développement`) too.
#[test]
fn a_kanban_board_by_its_columns() {
    let project = project_of_text(
        "board.md",
        "# Board\n\n## Doing\n\n- Refonte API\n- Migration base\n\n\
         ## In Review\n\n- Webhooks v2\n\n## Backlog\n\n- Mode sombre\n\n\
         ## Done\n\n- Connexion Google\n\n## Suivi\n\n\
         - Export CSV : En développement\n",
    );
    let items = texts_and_statuses(&project);
    let item = |text: &str, status: &str| (text.to_string(), status.to_string());
    assert_eq!(
        items,
        [
            item("Refonte API", "in_progress"),
            item("Migration base", "in_progress"),
            item("Webhooks v2", "in_progress"),
            item("Mode sombre", "todo"),
            item("Connexion Google", "done"),
            item("Export CSV", "in_progress"),
        ]
    );
}

/// A legend of terms under its label (`**Légende :**`, `- WIP : en cours
/// de développement`) defines the words of the table after it, and its
/// entries are no work: the matrix gives the three features, nothing else.
#[test]
fn a_legend_of_terms_under_its_label_is_no_work() {
    let project = project_of_text(
        "support.md",
        "# Support\n\n**Légende :**\n\n\
         - OK : fonctionnalité disponible\n\
         - WIP : en cours de développement\n\
         - TBA : non démarré\n\n\
         ## Matrice\n\n\
         | Fonction | Web | Mobile |\n|---|---|---|\n\
         | Connexion | OK | OK |\n\
         | Export | OK | WIP |\n\
         | Hors ligne | TBA | TBA |\n",
    );
    assert_eq!(counts(&project), (1, 1, 1, 0, 0, 3));
    assert_eq!(
        items_with_percent(&project),
        [
            item("Connexion", "done", Some(100.0)),
            // Web has it, mobile is on it: (100 + 50) / 2.
            item("Export", "in_progress", Some(75.0)),
            item("Hors ligne", "todo", Some(0.0)),
        ]
    );
}

/// 01: its `**Légende:**` list (lines 664-669) keys six symbols, two of
/// them (`🟡 Préparation`, `⚠️ Critique`) to words that are no status. The
/// list is still the legend: none of its lines is an item, and its
/// `🔴 Bloqué` makes the four `🔴` actions of lines 636-639 blocked.
#[test]
fn corpus_01_its_legend_is_no_work_and_keys_its_symbols() {
    let Some(project) = project_of(&corpus_dir(), "01_smart-food-manager-avancement.md") else {
        return;
    };
    let items = all_items(&project);
    let at = |line: u64| items.iter().find(|i| i["line"] == line);
    for line in 664..=669 {
        assert!(at(line).is_none(), "legend line {line} is no item");
    }
    for line in 636..=639 {
        let item = at(line).unwrap_or_else(|| panic!("line {line}"));
        assert_eq!(item["status"], "blocked", "line {line}");
    }
    assert_eq!(
        at(636).map(|i| i["text"].clone()),
        Some("Créer compte Sentry (15 min)".into())
    );
}

/// 12: under bold `**raylib N.N**` lines, 50 `- [x]`, 13 `- [ ]`, and three
/// unboxed entries ending in `- _DISCARDED_` (cancelled). 50/63 = 79.4%.
#[test]
fn corpus_12_raylib_pseudo_sections() {
    let Some(project) = project_of(&corpus_dir(), "12_raylib-roadmap.md") else {
        return;
    };
    assert_eq!(counts(&project), (50, 0, 13, 0, 3, 63));
    assert_eq!(project["progress"], 79.4);
    let sections = all_sections(&project);
    let seven = sections
        .iter()
        .find(|s| s["title"] == "raylib 7.0")
        .expect("raylib 7.0");
    assert_eq!(seven["counts"]["todo"], 13);
}

/// 22: one small table per roadmap entry, under the entry's heading
/// (`### AutoNATv2` over `| Category | Status | Target Completion | … |`).
/// Counted by hand: "In the works" holds 7 entries (6 `todo`, WebRTC in
/// the browser `In progress`); "Done" and the three `##` entries after it,
/// with the `###` UPnP entry under the last one, hold 9 `done`. Each entry
/// is one item named by its heading; a target quarter is its due date.
#[test]
fn corpus_22_each_roadmap_card_is_one_item() {
    let Some(project) = project_of(&corpus_dir(), "22_rust-libp2p-roadmap.md") else {
        return;
    };
    assert_eq!(counts(&project), (9, 1, 6, 0, 0, 16));
    // (9 + ½) / 16: an item in progress without a percentage counts half.
    assert_eq!(project["progress"], 59.4);
    let items = all_items(&project);
    let item = |text: &str| {
        items
            .iter()
            .find(|i| i["text"] == text)
            .unwrap_or_else(|| panic!("no item {text}"))
    };
    assert_eq!(item("AutoNATv2")["status"], "todo");
    assert_eq!(item("AutoNATv2")["due"], "2023-12-31");
    assert_eq!(item("AutoNATv2")["line"], 27);
    assert_eq!(
        item("WebRTC in the browser via WASM")["status"],
        "in_progress"
    );
    assert_eq!(item("WebTransport")["due"], Value::Null);
    assert_eq!(item("Kademlia client mode")["due"], "2023-06-30");
    assert_eq!(
        item("Automate port-forwarding e.g. via UPnP")["status"],
        "done"
    );
    // The category is not a name: no item is called after one.
    assert!(items.iter().all(|i| i["text"] != "Connectivity"));
    // The dated cards stay milestones too.
    assert_eq!(project["milestones"].as_array().map(Vec::len), Some(10));
}

/// 19: What Works 6+7+3+3 ✅, What's Left 3+3+4+3 ⬜, Known Issues one
/// struck entry (cancelled) with a ✅ child, Recent Milestones 4 ✅, Next
/// Milestones 5 ⬜: 24 done, 18 to do, 1 cancelled.
#[test]
fn corpus_19_memory_bank() {
    let Some(project) = project_of(&corpus_dir(), "19_nftbk-memory-bank-progress.md") else {
        return;
    };
    assert_eq!(counts(&project), (24, 0, 18, 0, 1, 42));
}

/// 20: the legend says 🟡 is Queued (to do) and 🔵 In Progress. The Phase
/// Overview table has start and end dates, so it is a milestone table
/// (§4: its rows are milestones, not items): phases 1 and 10 are 🔵,
/// phases 2-9 🟡 ("Queued", "Future"). The five dated `SPRINT` headings
/// after them are milestones too, to do: every task under them is queued.
#[test]
fn corpus_20_own_legend() {
    let Some(project) = project_of(&corpus_dir(), "20_cerberus-honeypot-milestones-2025.md") else {
        return;
    };
    let statuses: Vec<&str> = project["milestones"]
        .as_array()
        .expect("milestones")
        .iter()
        .map(|m| m["status"].as_str().unwrap_or("none"))
        .take(10)
        .collect();
    assert_eq!(statuses.len(), 10, "{statuses:?}");
    assert_eq!(
        statuses.iter().filter(|s| **s == "in_progress").count(),
        2,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == "todo").count(),
        8,
        "{statuses:?}"
    );
    let queued = all_items(&project)
        .into_iter()
        .find(|i| i["text"] == "Change Cowrie port 2222 → 22")
        .expect("sprint 1 task");
    assert_eq!(queued["status"], "todo");
}

/// 20: `## Current Implementation Status` sorts its boxes under `### ✅
/// Completed (Foundation)` (8 `[x]`), `### 🔵 In Progress` (4 `[ ]`) and
/// `### 🟡 Queued / Not Started` (6 `[ ]`). A box is only done or not: the
/// four under "In Progress" are in progress, the six queued ones to do.
/// Elsewhere, 65 more open boxes: 8 done, 4 in progress, 71 to do.
#[test]
fn corpus_20_open_boxes_under_in_progress_are_in_progress() {
    let Some(project) = project_of(&corpus_dir(), "20_cerberus-honeypot-milestones-2025.md") else {
        return;
    };
    let sections = all_sections(&project);
    let section = |title: &str| {
        let found = sections.iter().find(|s| s["title"] == title);
        found.unwrap_or_else(|| panic!("no section {title}"))["counts"].clone()
    };
    assert_eq!(section("In Progress")["in_progress"], 4);
    assert_eq!(section("In Progress")["todo"], 0);
    assert_eq!(section("Queued / Not Started")["todo"], 6);
    assert_eq!(section("Completed (Foundation)")["done"], 8);
    assert_eq!(counts(&project), (8, 4, 71, 0, 0, 83));
    assert_eq!(project["progress"], 12.0);
}

/// 07: the overview table Composant | État | Progression | Priorité:
/// `Backend Laravel | 🟡 En cours | ~40%`, `Infrastructure Docker | ✅ Complété | 100%`.
#[test]
fn corpus_07_status_table_with_approximate_percentages() {
    let Some(project) = project_of(&corpus_dir(), "07_immoguinee-etat-avancement.md") else {
        return;
    };
    let items = all_items(&project);
    let backend = items
        .iter()
        .find(|i| i["text"] == "Backend Laravel")
        .expect("Backend Laravel");
    assert_eq!(
        (backend["status"].as_str(), backend["percent"].as_f64()),
        (Some("in_progress"), Some(40.0))
    );
    let docker = items
        .iter()
        .find(|i| i["text"] == "Infrastructure Docker")
        .expect("Infrastructure Docker");
    assert_eq!(docker["status"], "done");
    // `**Progression globale estimée : ~25%**`
    assert_eq!(project["declared_progress"], 25.0);
}

/// 07 writes `🔴 Non démarré` in four cells of its overview's `État`
/// column, and 84 list items start with 🔴 (`` - 🔴 `Property` : **VIDE** ``,
/// lines 88 to 224): not started, as its own cells say, so to do. With the
/// four table rows, 88 to do. Done: 33 `- ✅` items, 13 `1. ✅` next
/// steps and the table's two ✅ rows, 48. In progress: 13 `- 🟡` items,
/// the table's `🟡 En cours` row and `- ⚠️ Migration project_steps`, 15
/// (`## ⚠️ POINTS D'ATTENTION` is a heading over notes, not a ticket).
#[test]
fn corpus_07_red_circles_mean_what_its_status_cells_say() {
    let Some(project) = project_of(&corpus_dir(), "07_immoguinee-etat-avancement.md") else {
        return;
    };
    assert_eq!(counts(&project), (48, 15, 88, 0, 0, 151));
    let items = all_items(&project);
    let property = (items.iter())
        .find(|i| i["line"] == 88)
        .expect("the item of line 88");
    assert_eq!(property["text"], "Property : VIDE - Aucune implémentation");
    assert_eq!(property["status"], "todo");
    // 36.7 % computed is now near the 25 % the document claims: no
    // `declared-vs-computed` warning (more than 15 points apart) any more.
    assert!(!has_diagnostic(&project, "declared-vs-computed"));
}

/// 15, a sprint tracker: six streams of open boxes (7 + 6 + 6 + 5 + 5 + 4
/// = 33) and three `- ✅` recent wins: 3 done and 33 to do, 8.3 %. The
/// five boxes of its Definition of Done are what every task must meet,
/// and `## 🔄 Daily Update Template` is a heading over a template: neither
/// is an item. The only claim under
/// `## 📊 Overall Progress`, `Current MVP Completion: 42%`, is what the
/// team says of the whole project, far from what its boxes say.
#[test]
fn corpus_15_the_overall_progress_section_speaks_for_the_project() {
    let Some(project) = project_of(&corpus_dir(), "15_intelligent-workflows-sprint-tracker.md")
    else {
        return;
    };
    assert_eq!(counts(&project), (3, 0, 33, 0, 0, 36));
    assert_eq!(project["progress"], 8.3);
    assert!(all_items(&project)
        .iter()
        .all(|i| i["text"] != "Daily Update Template" && i["text"] != "Code written and reviewed"));
    assert_eq!(project["declared_progress"], 42.0);
    assert!(has_diagnostic(&project, "declared-vs-computed"));
}

/// 18 lists its remaining phases as `### Phase 4: Domain API
/// Consolidation (Not Started)` … `### Phase 7: Testing & Validation (Not
/// Started)`, each over `**Work Required:**` and `**Files to Modify:**`
/// lists without statuses. Each phase is one task to do, beside the 19
/// ticked details of phases 1-3 (lines 13-104). The summary's `✅
/// **Phase 1:** Capability System (2 hours)` … `🚧 **Phase 7:** Testing (1
/// hour)` name those seven sections, which say their status themselves:
/// they are not counted again. 19 done, 4 to do, 1,900 / 23 = 82.6 %.
#[test]
fn corpus_18_phases_not_started_are_to_do() {
    let Some(project) = project_of(&corpus_dir(), "18_ferrumc-implementation-status.md") else {
        return;
    };
    assert_eq!(counts(&project), (19, 0, 4, 0, 0, 23));
    assert_eq!(project["progress"], 82.6);
    let items = all_items(&project);
    assert!(
        items.iter().all(|i| i["line"].as_u64() < Some(273)),
        "no summary entry"
    );
    assert_eq!(
        texts_with_status(&items, "todo"),
        [
            "Phase 4: Domain API Consolidation",
            "Phase 5: Plugin Migration",
            "Phase 6: Enforcement",
            "Phase 7: Testing & Validation"
        ]
    );
}

/// A summary entry with a status that names a section (`✅ Phase 1: …`)
/// restates that section when it holds work with statuses of its own, and
/// is not counted twice; over a section of prose only (`## Phase 2`), it
/// is the only word on that phase and stays an item.
#[test]
fn a_summary_entry_naming_a_section_with_work_is_not_counted_again() {
    let text = "# Plan\n\n## Summary\n\n- ✅ Phase 1: Setup\n- ✅ Phase 2: Design\n\
        - 🚧 Phase 3: Build\n\n## Phase 1: Setup\n\n- [x] Repository\n- [x] CI\n\n\
        ## Phase 2: Design\n\nWe drew the screens with the users.\n\n\
        ## Phase 3: Build (In Progress)\n\n- [ ] Backend\n";
    let project = project_of_text("plan.md", text);
    assert_items(
        &project,
        &[
            ("Phase 2: Design", "done"),
            ("Repository", "done"),
            ("CI", "done"),
            ("Backend", "todo"),
        ],
    );
}

/// 14, a Rust project goal, lists its top-priority items in a table whose
/// last column asks `More to do?`: `Reserve gen keyword` answers `No.`
/// (done); the other three answer `Yes.`, work under way with more left
/// (in progress). (100 + 3 × 50) / 4 = 62.5 %.
#[test]
fn corpus_14_more_to_do_answers_are_statuses() {
    let Some(project) = project_of(&corpus_dir(), "14_rust-2024-edition-goal.md") else {
        return;
    };
    assert_eq!(counts(&project), (1, 3, 0, 0, 0, 4));
    assert_eq!(project["progress"], 62.5);
    let items = all_items(&project);
    assert_eq!(texts_with_status(&items, "done"), ["Reserve gen keyword"]);
    assert_eq!(
        texts_with_status(&items, "in_progress"),
        [
            "Lifetime Capture Rules 2024",
            "Precise capturing (dependency)",
            "Change fallback to !"
        ]
    );
}

/// The project's owner is the one an owner line names where it speaks for
/// the whole project: corpus 14 says `**Owner:** @traviscross` under `##
/// Ownership and team asks`; a phase's or a risk's `Owner:` (corpus 15,
/// 17) is not the project's, and the front matter wins over the document.
#[test]
fn the_owner_line_of_the_whole_project_names_its_owner() {
    let Some(project) = project_of(&corpus_dir(), "14_rust-2024-edition-goal.md") else {
        return;
    };
    assert_eq!(project["owner"], "@traviscross");
    for risks in [
        "15_intelligent-workflows-sprint-tracker.md",
        "17_pervices-risk-register.md",
    ] {
        let Some(project) = project_of(&corpus_dir(), risks) else {
            return;
        };
        assert_eq!(project["owner"], Value::Null, "{risks}");
    }
    let text = "# COPIL n°7\n\nDate : 02/12/2026 · Chef de projet : Claire Dupont (PMO)\n\n\
        ## Plan d'actions\n\n- [ ] Relancer le fournisseur\n";
    assert_eq!(project_of_text("copil.md", text)["owner"], "Claire Dupont");
    let front = "---\nowner: \"@ines\"\n---\n# Data\n\n**Owner:** @sam\n\n- [x] Ingest\n";
    assert_eq!(project_of_text("data.md", front)["owner"], "@ines");
}

/// A checklist table asks `Done?` / `Terminé ?` of each row and answers
/// `Yes`/`No` (`Oui`/`Non`, `x`); a milestone table asks `Atteint ?`.
/// An empty answer says nothing, and `Supported` asks no question of work.
#[test]
fn yes_and_no_under_a_question_of_work_are_statuses() {
    let text = "# Checklist\n\n## Tasks\n\n| Task | Done? |\n|---|---|\n\
        | Write the spec | Yes |\n| Build it | No |\n| Test it | x |\n| Party | |\n\n\
        ## Suivi\n\n| Tâche | Terminé ? |\n|---|---|\n| Rédiger | **Oui** |\n| Relire | Non. |\n\n\
        ## Platforms\n\n| Platform | Supported |\n|---|---|\n| Linux | Yes |\n| Windows | No |\n\n\
        ## Jalons\n\n| Date | Jalon | Atteint ? |\n|---|---|---|\n\
        | 2026-09-01 | Lancement | Oui |\n| 2026-12-15 | Recette | Non |\n";
    let project = project_of_text("checklist.md", text);
    assert_items(
        &project,
        &[
            ("Write the spec", "done"),
            ("Build it", "todo"),
            ("Test it", "done"),
            ("Rédiger", "done"),
            ("Relire", "todo"),
        ],
    );
    let milestones: Vec<(&str, &str)> = (project["milestones"].as_array().expect("milestones"))
        .iter()
        .map(|m| {
            (
                m["title"].as_str().unwrap_or(""),
                m["status"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(milestones, [("Lancement", "done"), ("Recette", "todo")]);
}

/// 16, a planning state file titled `Project State`, has no items yet:
/// under `## Current Position` it says `Phase: 1 of 3 (Foundation)` and
/// `Progress: [░░░░░░░░░░] 0%`. That bare `Progress`, the document's only
/// claim, is the project's: 0 % declared, nothing computed to set it
/// against.
#[test]
fn corpus_16_progress_where_the_project_stands_is_the_projects() {
    let Some(project) = project_of(&corpus_dir(), "16_viscy-planning-state.md") else {
        return;
    };
    assert_eq!(counts(&project), (0, 0, 0, 0, 0, 0));
    assert_eq!(project["declared_progress"], 0.0);
    assert!(project["progress"].is_null());
    assert!(!has_diagnostic(&project, "declared-vs-computed"));
}

/// 09: the game HUD bars in a code block (`[####....] 87/100`) are not
/// declarations.
#[test]
fn corpus_09_hud_bars_are_not_declarations() {
    let Some(project) = project_of(&corpus_dir(), "09_oceandepth-progression.md") else {
        return;
    };
    for declaration in project["declarations"].as_array().unwrap() {
        assert_ne!(declaration["value"], 87.0, "{declaration}");
    }
}

/// 08: `@mentions` in prose is not a person.
#[test]
fn corpus_08_prose_mentions_are_not_people() {
    let Some(project) = project_of(&corpus_dir(), "08_invazion-progression.md") else {
        return;
    };
    assert!(person(&project, "@mentions").is_none());
}

/// 04: ticket-per-heading sections: `### ✅ 1. Collaboration` (done),
/// `### ⏳ 2. GED - Upload` and `### ⏳ 3. GED - Bouton Rechercher` (to
/// do), plus the 4 ✅ items of phase 1; the four numbered headings under
/// `## ⏳ **PHASE 3 - NON COMMENCÉE (0%)**` (`### 1. Galerie Photos Suivi
/// Chantier` … `### 4. Messagerie Démo`) are its tasks, not started. That
/// is the document's own count, `**Total** : **45%** (5/11 tâches)`: the
/// summary list `- ✅ Phase 1 : **100%** (4/4)` declares, and the total is
/// the project's claim, which the items now agree with.
#[test]
fn corpus_04_ticket_headings_and_summary() {
    let Some(project) = project_of(&corpus_dir(), "04_eco-tp-dashboard-etat-avancement.md") else {
        return;
    };
    assert_eq!(counts(&project), (5, 0, 6, 0, 0, 11));
    assert_eq!(project["progress"], 45.5);
    assert_eq!(project["declared_progress"], 45.0);
    assert!(!has_diagnostic(&project, "declared-vs-computed"));
    let phase_3_tasks: Vec<_> = all_items(&project)
        .into_iter()
        .filter(|i| i["line"].as_u64().is_some_and(|line| line >= 40))
        .map(|i| (i["text"].as_str().unwrap().to_string(), i["status"].clone()))
        .collect();
    assert_eq!(
        phase_3_tasks,
        [
            (
                "1. Galerie Photos Suivi Chantier".to_string(),
                "todo".into()
            ),
            ("2. Bouton \"Générer étape\"".to_string(), "todo".into()),
            ("3. Bouton \"Modifier\" Projet".to_string(), "todo".into()),
            ("4. Messagerie Démo".to_string(), "todo".into()),
        ]
    );
    let sections = all_sections(&project);
    let phase_2 = sections
        .iter()
        .find(|s| {
            s["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("PHASE 2"))
        })
        .expect("PHASE 2");
    assert_eq!(phase_2["declared_progress"], 33.0);
}

/// 10 (Spanish): `- [ ]` pending tasks are to do; no item is in an unknown state.
#[test]
fn corpus_10_spanish() {
    let Some(project) = project_of(&corpus_dir(), "10_facturacion-la-llave-estado-proyecto.md")
    else {
        return;
    };
    let (_, _, todo, _, _, total) = counts(&project);
    assert!(todo > 0 && total > todo);
    assert!(project["declarations"]
        .as_array()
        .is_some_and(|d| !d.is_empty()));
    // The unlabelled bar `████░░ 25% (3/12 fases)` under `## PROGRESO GENERAL`.
    assert_eq!(project["declared_progress"], 25.0);
    // `## 🎯 ROADMAP`: `### Q1 2025 (Actual)`, `### Q2 2025`, `### Q3 2025`,
    // then `### 2027` (`VERI*FACTU obligatorio`), the year itself.
    let roadmap: Vec<(&str, &str)> = project["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["title"].as_str().unwrap(), m["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        roadmap,
        [
            ("Q1 2025 (Actual)", "2025-01-01"),
            ("Q2 2025", "2025-04-01"),
            ("Q3 2025", "2025-07-01"),
            ("2027", "2027-01-01")
        ]
    );
}

/// 21: `## Staffing` lists `* @horovits Project Lead (Logz.io)`; the
/// `- [x] domain experts` boxes there are items, not people.
#[test]
fn corpus_21_staffing_list() {
    let Some(project) = project_of(&corpus_dir(), "21_otel-community-cicd-project.md") else {
        return;
    };
    let lead = person(&project, "@horovits").expect("@horovits");
    assert_eq!(lead["role"], "Project Lead (Logz.io)");
    // `* @thisthat (Dynatrace, Keptn)`: the affiliation is the role.
    let member = person(&project, "@thisthat").expect("@thisthat");
    assert_eq!(member["role"], "Dynatrace, Keptn");
    // `### TC Sponsorship` under `## Staffing / Help Wanted` lists members
    // too: `* @carlosalberto (TC Sponsor)`.
    for sponsor in ["@carlosalberto", "@jsuereth"] {
        let sponsor = person(&project, sponsor).expect(sponsor);
        assert_eq!(sponsor["role"], "TC Sponsor");
    }
    let names: Vec<&str> = project["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(!names.iter().any(|n| n.contains("experts")), "{names:?}");
}

/// A status report's header names its people in their roles: the
/// project manager (the owner), the sponsor, the product owner; the
/// sponsor is one of the project's people even when no item is theirs,
/// and a handle mentioned elsewhere takes its role. A phase's `Sponsor :`
/// is the phase's, and `À définir` names no one.
#[test]
fn a_reports_header_names_its_people_in_their_roles() {
    let project = project_of_text(
        "status.md",
        "# Payments Platform Migration — Status Report\n\n\
         **Project manager:** Priya Nair  \n**Sponsor:** Tom Becker  \n\
         **Product owner:** @lea  \n**Tech lead:** À définir\n\n\
         ## Next steps\n\n- [ ] Confirm the audit date @lea\n\n\
         ## Phase 2\n\nSponsor : Claire Petit\n",
    );
    let people: Vec<(&str, Option<&str>)> = (project["people"].as_array().into_iter().flatten())
        .map(|p| (p["name"].as_str().unwrap_or(""), p["role"].as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Priya Nair", Some("Project manager")),
            ("lea", Some("Product owner")),
            ("Tom Becker", Some("Sponsor")),
        ]
    );
}

/// 05: `## Répartition des tâches` is a table of the group's six members,
/// `| Membre | Responsabilité principale | Fichiers |`.
#[test]
fn corpus_05_members_table() {
    let Some(project) = project_of(&corpus_dir(), "05_festival-musique-suivi-projet.md") else {
        return;
    };
    let people: Vec<(&str, &str)> = project["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap(),
                p["role"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(people.len(), 6, "{people:?}");
    assert_eq!(
        people[0],
        (
            "Cescon Artus",
            "Génération des données + simulation à événements discrets, intégration pipeline"
        )
    );
    assert_eq!(
        people[5],
        ("Le-Bronec Timothé", "Site web de restitution + carte 3D")
    );
}

/// 24: `4 @given tests` is a Python decorator in a sentence, not an owner.
#[test]
fn corpus_24_handles_in_sentences_are_not_owners() {
    let Some(project) = project_of(&corpus_dir(), "24_mcp-hangar-planning-roadmap.md") else {
        return;
    };
    assert!(person(&project, "@given").is_none());
}

/// 24: the `## Progress` table lists the 30 phases, 27 `Complete` and 3
/// `Planning` (phases 28-30, `0/4` plans done: to do). The bold sentence
/// over it (`**24 of 30 phases complete across 7 milestones. v5.0 in
/// progress.**`) is no heading: the table's items are the section's own.
#[test]
fn corpus_24_the_progress_table_counts_its_phases_being_planned() {
    let Some(project) = project_of(&corpus_dir(), "24_mcp-hangar-planning-roadmap.md") else {
        return;
    };
    let progress = all_sections(&project)
        .into_iter()
        .find(|s| s["title"] == "Progress")
        .expect("the Progress section");
    assert_eq!(progress["sections"].as_array().map(Vec::len), Some(0));
    let items = progress["items"].as_array().expect("its items");
    assert_eq!(items.len(), 30);
    assert_eq!(
        texts_with_status(items, "todo"),
        [
            "28. RBAC + Tool Access UI (U3)",
            "29. Config Export (C4)",
            "30. Config Export UI + Polish (U4)"
        ]
    );
    assert_eq!(progress["counts"]["done"], 27);
}

/// 21: under `## Timeline` / `### 2024`, `- [x] Q1 Focus` … `- [x]  Q4 TBD`
/// are the year's quarters: milestones, not tasks. The 26 boxes of the
/// document are 4 quarters and 22 items: the 4 staffing boxes (3 ticked),
/// the 17 tasks under the quarters (13 ticked) and `Propose phase 2` (ticked).
/// The tasks keep their quarter, as a group of the tree.
#[test]
fn corpus_21_quarters_are_milestones_and_their_tasks_items() {
    let Some(project) = project_of(&corpus_dir(), "21_otel-community-cicd-project.md") else {
        return;
    };
    assert_eq!(counts(&project), (17, 0, 5, 0, 0, 22));
    let texts: Vec<String> = all_items(&project)
        .iter()
        .map(|item| item["text"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("Focus") || t.contains("TBD")),
        "{texts:?}"
    );
    assert!(texts.contains(&"Kickoff".to_string()), "{texts:?}");
    let quarters: Vec<&str> = project["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    // Then `### 2025`, with nothing dated under it: the year itself, done
    // as its one task (`- [x] Propose phase 2 of the CICD SIG`) is.
    assert_eq!(
        quarters,
        [
            "2024-01-01",
            "2024-04-01",
            "2024-07-01",
            "2024-10-01",
            "2025-01-01"
        ]
    );
    assert_eq!(project["milestones"][4]["title"], "2025");
    assert_eq!(project["milestones"][4]["status"], "done");
    // Each quarter's tasks stay under it: a group of `### 2024` named after
    // the quarter, holding its tasks (counted with their children).
    let year = all_sections(&project)
        .into_iter()
        .find(|s| s["title"] == "2024")
        .expect("### 2024");
    let groups: Vec<(String, u64, u64)> = year["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let title = s["title"].as_str().unwrap().to_string();
            let counts = &s["counts"];
            (
                title,
                counts["done"].as_u64().unwrap(),
                counts["total"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("Q1 Focus".to_string(), 3, 4),
            ("Q2 Focus".to_string(), 2, 3),
            ("Q3 TBD".to_string(), 5, 5),
            ("Q4 TBD".to_string(), 3, 5),
        ]
    );
}

/// A due date written in an item's status clause stays the item's when
/// the clause leaves its text; a date without a due word there (the day
/// the work was finished) is no due date.
#[test]
fn a_due_date_in_the_status_clause() {
    let project = project_of_text(
        "now.md",
        "# Data Platform\n\n## Work\n\n\
         - **Cost dashboards** — in progress, due 2026-12-15\n\
         - Setup CI — terminé le 12/01/2026\n\
         1. Recette — En cours\n",
    );
    let items: Vec<(String, String, String)> = (all_items(&project).iter())
        .map(|item| {
            let field = |key: &str| item[key].as_str().unwrap_or("-").to_string();
            (field("text"), field("status"), field("due"))
        })
        .collect();
    let expected = [
        ("Cost dashboards", "in_progress", "2026-12-15"),
        ("Setup CI", "done", "-"),
        ("Recette", "in_progress", "-"),
    ];
    let expected: Vec<(String, String, String)> = (expected.iter())
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(items, expected);
}

/// An Obsidian kanban board: its columns are headings that say the
/// status of their cards, and a card's `@{date}` (`@@{time}`) is its due
/// date, shown beside it as its owner is, not in its text.
#[test]
fn an_obsidian_kanban_board() {
    let project = project_of_text(
        "board.md",
        "---\n\nkanban-plugin: basic\n\n---\n\n\
         ## Backlog\n\n- [ ] Refonte de la page tarifs @claire\n- [ ] Traduction allemande\n\n\n\
         ## En cours\n\n- [ ] Nouveau tunnel de paiement @marc @{2026-12-10} @@{14:00}\n- [ ] Bannière cookies @{2026-12-01}\n\n\n\
         ## Terminé\n\n**Complete**\n- [x] Formulaire de contact\n\n\n\n\
         %% kanban:settings\n```\n{\"kanban-plugin\":\"basic\"}\n```\n%%\n",
    );
    let items: Vec<(String, String, String, String)> = (all_items(&project).iter())
        .map(|item| {
            let field = |key: &str| item[key].as_str().unwrap_or("-").to_string();
            (field("text"), field("status"), field("owner"), field("due"))
        })
        .collect();
    let expected = [
        ("Refonte de la page tarifs", "todo", "@claire", "-"),
        ("Traduction allemande", "todo", "-", "-"),
        (
            "Nouveau tunnel de paiement",
            "in_progress",
            "@marc",
            "2026-12-10",
        ),
        ("Bannière cookies", "in_progress", "-", "2026-12-01"),
        ("Formulaire de contact", "done", "-", "-"),
    ];
    let expected: Vec<(String, String, String, String)> = (expected.iter())
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(items, expected);
}

/// A sprint review's stories: the `Story` column names them (it is no
/// `Story Points` column), the points are theirs, and a story carried over
/// is unfinished work while one removed from the sprint is none of it.
#[test]
fn a_sprint_reviews_stories_are_items() {
    let project = project_of_text(
        "sprint-review.md",
        "# Sprint 14 Review\n\n## Stories\n\n\
         | Story | Points | Status |\n|---|---|---|\n\
         | MOB-311 Offline catalogue cache | 8 | Done |\n\
         | MOB-318 Background refresh | 5 | Carried over |\n\
         | MOB-322 Analytics events | 3 | Removed from sprint |\n\n\
         | Story | Story Points | Status |\n|---|---|---|\n\
         | Dark mode polish | 2 | Done |\n",
    );
    let items: Vec<(String, String, Option<f64>)> = (all_items(&project).iter())
        .map(|item| {
            let text = item["text"].as_str().unwrap_or_default().to_string();
            let status = item["status"].as_str().unwrap_or_default().to_string();
            (text, status, item["points"].as_f64())
        })
        .collect();
    let expected = [
        ("MOB-311 Offline catalogue cache", "done", Some(8.0)),
        ("MOB-318 Background refresh", "in_progress", Some(5.0)),
        ("MOB-322 Analytics events", "cancelled", Some(3.0)),
        ("Dark mode polish", "done", Some(2.0)),
    ];
    let expected: Vec<(String, String, Option<f64>)> = (expected.iter())
        .map(|(t, s, p)| (t.to_string(), s.to_string(), *p))
        .collect();
    assert_eq!(items, expected);
    let warnings = project["diagnostics"].as_array().into_iter().flatten();
    assert_eq!(warnings.filter(|d| d["code"] == "unread-status").count(), 0);
}

/// A highlight report's `| Dimension | Status | Comment |` over `Green`,
/// `Amber`, `Red` rates the project's areas: its rows are no work, and no
/// colour is reported as a status sitrep does not know.
#[test]
fn a_rag_table_in_words_is_areas_not_work() {
    let project = project_of_text(
        "highlight.md",
        "# Highlight Report\n\n## Overall status\n\n\
         | Dimension | Status | Comment |\n|---|---|---|\n\
         | Schedule | Amber | UAT start slipped one week |\n\
         | Cost | Green | 61% spent |\n\
         | Quality | Red | 14 open defects |\n\n\
         ## Work packages\n\n\
         | Work package | Status |\n|---|---|\n\
         | WP1 Discovery | Complete |\n\
         | WP2 Build | In progress |\n",
    );
    let items = all_items(&project);
    let texts: Vec<&str> = (items.iter())
        .filter_map(|item| item["text"].as_str())
        .collect();
    assert_eq!(texts, ["WP1 Discovery", "WP2 Build"]);
    let areas: Vec<(&str, &str)> = (project["areas"].as_array().into_iter().flatten())
        .filter_map(|a| Some((a["name"].as_str()?, a["health"].as_str()?)))
        .collect();
    assert_eq!(
        areas,
        [("Schedule", "amber"), ("Cost", "green"), ("Quality", "red")]
    );
    let warnings = project["diagnostics"].as_array().into_iter().flatten();
    assert_eq!(warnings.filter(|d| d["code"] == "unread-status").count(), 0);
}

/// A status table's row whose status is a word of the team's own
/// (`With legal`) is left out, and a warning on its line names the
/// word; rows that say nothing yet (`N/A`, `-`, ⚪) are left out quietly.
#[test]
fn an_unknown_status_in_a_table_is_named() {
    let project = project_of_text(
        "tickets.md",
        "# Tickets\n\n## Board\n\n\
         | Key | Summary | Status |\n|---|---|---|\n\
         | T-1 | Sign the contract | With legal |\n\
         | T-2 | Build the API | Done |\n\
         | T-3 | Uptime KPI | N/A |\n\
         | T-4 | Payroll | ⚪ |\n\
         | T-5 | Docs | - |\n",
    );
    let items = all_items(&project);
    let texts: Vec<&str> = (items.iter())
        .filter_map(|item| item["text"].as_str())
        .collect();
    assert_eq!(texts, ["Build the API"]);
    let unread: Vec<(u64, &str)> = (project["diagnostics"].as_array().into_iter().flatten())
        .filter(|d| d["code"] == "unread-status")
        .filter_map(|d| Some((d["line"].as_u64()?, d["message"].as_str()?)))
        .collect();
    assert_eq!(unread.len(), 1, "{unread:?}");
    assert_eq!(unread[0].0, 7);
    assert!(unread[0].1.contains("`With legal`"), "{}", unread[0].1);
}

/// A RAID log's dependencies are named by the dependency, not by whom it
/// is on: `Dependency` is no `end` column (a short qualifier word counts
/// only whole, or in the plural), while `Ends` still qualifies a row.
#[test]
fn a_dependency_column_names_its_rows() {
    let project = project_of_text(
        "raid.md",
        "# RAID\n\n## Dependencies\n\n\
         | ID | Dependency | On | Needed by | Status |\n|---|---|---|---|---|\n\
         | D-01 | Acquirer API v3 credentials | Acquirer | 2026-12-01 | Waiting |\n\
         | D-02 | VPN tunnel | Infra | 2026-11-20 | Done |\n\n\
         ## Tasks\n\n| Ends | Work | Status |\n|---|---|---|\n\
         | soon | Rack servers | Done |\n",
    );
    assert_items(
        &project,
        &[
            ("Acquirer API v3 credentials", "blocked"),
            ("VPN tunnel", "done"),
            ("Rack servers", "done"),
        ],
    );
}

/// An Azure DevOps export's states: `New` is to do, `Active` in
/// progress, `Resolved` and `Closed` done, `Removed` cancelled, each the
/// whole of its cell; none is left out as an unknown status. The same
/// words in a sentence say something else: `New onboarding flow` under
/// `## Shipped` is shipped, its `New` no status and still in its text.
#[test]
fn a_trackers_whole_cell_states() {
    let project = project_of_text(
        "iteration.md",
        "# Iteration 2026.11\n\n\
         | ID | Work Item Type | Title | State | Assigned To |\n|---|---|---|---|---|\n\
         | 4812 | User Story | Merge duplicate tickets | Closed | Marta Silva |\n\
         | 4813 | Task | Merge API endpoint | Resolved | Omar Haddad |\n\
         | 4814 | Task | Merge UI dialog | Active | Marta Silva |\n\
         | 4815 | Bug | Attachment lost after merge | New | Omar Haddad |\n\
         | 4816 | User Story | SLA timer pauses on hold | Removed | |\n\n\
         ## Shipped\n\n- New onboarding flow\n",
    );
    assert_items(
        &project,
        &[
            ("Merge duplicate tickets", "done"),
            ("Merge API endpoint", "done"),
            ("Merge UI dialog", "in_progress"),
            ("Attachment lost after merge", "todo"),
            ("SLA timer pauses on hold", "cancelled"),
            ("New onboarding flow", "done"),
        ],
    );
    assert!(!has_diagnostic(&project, "unread-status"));
}

/// A Jira board's export: its default workflow's `Selected for
/// Development` and a team's `Ready for Dev` are chosen but not begun, to
/// do; `QA` is being tested, under way. None is left out as an unknown
/// status; in a sentence, `ready for development` says the work before it
/// is done (`Payment spec — ready for development`).
#[test]
fn a_jira_boards_columns() {
    let project = project_of_text(
        "sprint.md",
        "# Sprint 42\n\n## Tickets\n\n\
         | Key | Summary | Status | Assignee |\n|---|---|---|---|\n\
         | PAY-101 | Refund endpoint | Selected for Development | Alice |\n\
         | PAY-102 | Invoice PDF | Ready for Dev | Bob |\n\
         | PAY-103 | Card vault | QA | Alice |\n\
         | PAY-104 | Receipts | Done | Bob |\n\n\
         ## Design\n\n- Payment spec — ready for development\n",
    );
    assert_items(
        &project,
        &[
            ("Refund endpoint", "todo"),
            ("Invoice PDF", "todo"),
            ("Card vault", "in_progress"),
            ("Receipts", "done"),
        ],
    );
    assert!(!has_diagnostic(&project, "unread-status"));
}

/// A French bug tracker's export (Redmine's and GLPI's states): `Nouveau`
/// and `Ouverte` are not begun, `En correction` under way, `Résolu`,
/// `Fermé`, `Clôturée` and `Corrigée` done, `Rejeté` and `Sans objet`
/// given up, `Gelé` blocked. Every ticket is counted; none is left out
/// as an unknown status. A risk whose date is `ferme` (firm) stays open.
#[test]
fn a_french_bug_trackers_states() {
    let project = project_of_text(
        "anomalies.md",
        "# Suivi des anomalies — Portail RH\n\n## Anomalies\n\n\
         | # | Sujet | Statut | Assigné à |\n|---|---|---|---|\n\
         | 4512 | Export PDF vide | Fermé | Ana |\n\
         | 4513 | Lenteur de la recherche | Résolu | Ben |\n\
         | 4514 | Libellé du bouton | Rejeté | Ana |\n\
         | 4515 | Erreur 500 à la connexion | Nouveau | Ben |\n\
         | 4516 | Doublon des congés | Clôturée | Ana |\n\
         | 4517 | Champ date non contrôlé | Corrigée | Ben |\n\
         | 4518 | Plantage à l'import | Ouverte | Ana |\n\
         | 4519 | Mise en page mobile | Gelé | Ben |\n\
         | 4520 | Traduction anglaise | Sans objet | Ana |\n\
         | 4521 | Calcul des RTT | En correction | Ben |\n\n\
         ## Risques\n\n- Date de mise en production ferme malgré le retard\n",
    );
    assert_items(
        &project,
        &[
            ("Export PDF vide", "done"),
            ("Lenteur de la recherche", "done"),
            ("Libellé du bouton", "cancelled"),
            ("Erreur 500 à la connexion", "todo"),
            ("Doublon des congés", "done"),
            ("Champ date non contrôlé", "done"),
            ("Plantage à l'import", "todo"),
            ("Mise en page mobile", "blocked"),
            ("Traduction anglaise", "cancelled"),
            ("Calcul des RTT", "in_progress"),
        ],
    );
    assert!(!has_diagnostic(&project, "unread-status"));
    let risks = project["risks"].as_array().expect("risks");
    assert_eq!(risks.len(), 1);
    assert_eq!(risks[0]["closed"], false);
}

/// A test campaign's report (a French `recette`): each test case of its
/// results table is an item, named by its case, not by the defect a
/// failed run raised (`ANO-77`); `OK` and `Passed` are done, `KO` and
/// `Failed` blocked (the campaign waits on the fix and a new run), `NT`
/// and `Non testé` to do, `N/A` cancelled. The go/no-go is a milestone
/// (and, in the next steps, a step).
/// The summary's `| KO | 4 |` is a figure, no test.
#[test]
fn a_test_campaigns_results() {
    let project = project_of_text(
        "recette.md",
        "# Campagne de recette V2.3 — Application Paie\n\nDate : 03/12/2026\n\n\
         ## Synthèse\n\n| Indicateur | Valeur |\n|---|---|\n| Exécutés | 9 |\n| OK | 4 |\n| KO | 3 |\n\n\
         ## Cas de test\n\n\
         | ID | Cas de test | Résultat | Anomalie |\n|---|---|---|---|\n\
         | CT-01 | Calcul du brut | OK | |\n\
         | CT-02 | Heures supplémentaires | KO | ANO-77 |\n\
         | CT-03 | Absences maladie | NT | |\n\
         | CT-04 | Export DSN | Bloqué | ANO-80 |\n\
         | CT-05 | Prime exceptionnelle | Non testé | |\n\
         | CT-06 | Régularisation N-1 | KO | ANO-81 |\n\
         | CT-07 | Virement SEPA | Passed | |\n\
         | CT-08 | Saisie des congés | Failed | |\n\
         | CT-09 | Clôture de période | N/A | |\n\n\
         ## Prochaines étapes\n\n- Go/No-Go : 19/12/2026\n",
    );
    assert_items(
        &project,
        &[
            ("Calcul du brut", "done"),
            ("Heures supplémentaires", "blocked"),
            ("Absences maladie", "todo"),
            ("Export DSN", "blocked"),
            ("Prime exceptionnelle", "todo"),
            ("Régularisation N-1", "blocked"),
            ("Virement SEPA", "done"),
            ("Saisie des congés", "blocked"),
            ("Clôture de période", "cancelled"),
            // A next step as well, as a `Go-live : …` line is.
            ("Go/No-Go : 19/12/2026", "todo"),
        ],
    );
    let milestones = common::field_pairs(&project, "milestones", "title", "date");
    assert_eq!(milestones, [("Go/No-Go", "2026-12-19")]);
    assert_eq!(project["health"], "red");
}

/// A board's columns after the work is written: `Awaiting review`,
/// `Under review`, `Pending review` (not the `pending` of work not begun)
/// and `Awaiting approval` are under way, as the French `à valider` is;
/// `Awaiting customer` waits on someone else, blocked, as `Waiting` is.
/// A plain list's trailing clause says the same (`— awaiting review`);
/// Spanish `Pendiente de revisión` and German `In Prüfung` are reviews too.
#[test]
fn a_boards_review_and_waiting_columns() {
    let project = project_of_text(
        "board.md",
        "# Payments board\n\n## Tickets\n\n\
         | Key | Summary | Status |\n|---|---|---|\n\
         | PAY-2 | Webhooks | Awaiting review |\n\
         | PAY-3 | Ledger export | Under review |\n\
         | PAY-4 | Fraud rules | Pending review |\n\
         | PAY-5 | Payouts | Awaiting approval |\n\
         | PAY-6 | Disputes | Awaiting customer |\n\
         | PAY-7 | Refunds | Pending |\n\
         | PAY-8 | Facturas | Pendiente de revisión |\n\
         | PAY-9 | Mahnwesen | In Prüfung |\n\n\
         ## Notes\n\n- Webhook retries — awaiting review\n",
    );
    assert_items(
        &project,
        &[
            ("Webhooks", "in_progress"),
            ("Ledger export", "in_progress"),
            ("Fraud rules", "in_progress"),
            ("Payouts", "in_progress"),
            ("Disputes", "blocked"),
            ("Refunds", "todo"),
            ("Facturas", "in_progress"),
            ("Mahnwesen", "in_progress"),
            ("Webhook retries", "in_progress"),
        ],
    );
    assert!(!has_diagnostic(&project, "unread-status"));
}

/// A programme's table of lots numbers them in its first column (`Lot 1`,
/// `Lot 2`) and says what each is in the next (`Paie`): the number is the
/// item's id, the description its text. A series alone, with no column
/// to say more, still names its rows.
#[test]
fn a_numbered_lot_is_the_id_of_its_description() {
    let project = project_of_text(
        "copil.md",
        "# COPIL SIRH\n\n## Avancement par lot\n\n\
         | Lot | Description | Avancement | Statut |\n|---|---|---|---|\n\
         | Lot 1 | Paie | 100 % | Terminé |\n\
         | Lot 2 | Gestion des temps | 65 % | En cours |\n\
         | Lot 4 | Reporting | 0 % | Non démarré |\n\n\
         ## Phases\n\n| Phase | Statut |\n|---|---|\n\
         | Phase 1 | Terminé |\n| Phase 2 | En cours |\n",
    );
    let items = all_items(&project);
    let found: Vec<(&str, &str, &str)> = (items.iter())
        .map(|i| {
            (
                i["id"].as_str().unwrap_or(""),
                i["text"].as_str().unwrap_or(""),
                i["status"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("Lot 1", "Paie", "done"),
            ("Lot 2", "Gestion des temps", "in_progress"),
            ("Lot 4", "Reporting", "todo"),
            ("", "Phase 1", "done"),
            ("", "Phase 2", "in_progress"),
        ]
    );
}

/// An epic tracker draws each epic's progress as a bar in its cell: the
/// figure after the bar is the item's (`▓▓▓▓▓▓▓░░░ 70%`, `[####------]
/// 40%`), a bar alone is as full as it is drawn (`██████████` 100,
/// `░░░░░░░░░░` 0); the table was left out whole when its bars were
/// longer than a figure.
#[test]
fn progress_bars_in_a_table_s_cells() {
    let project = project_of_text(
        "epics.md",
        "# Mobile App 3.0 — Epic Tracker\n\n## Epics\n\n\
         | Epic | Progress | Owner |\n|---|---|---|\n\
         | Offline mode | ▓▓▓▓▓▓▓░░░ 70% | @jun |\n\
         | Dark theme | ██████████ | @ines |\n\
         | Push v2 | [####------] 40% | @omar |\n\
         | Widgets | ░░░░░░░░░░ | @jun |\n",
    );
    assert_eq!(project["name"], "Mobile App 3.0");
    let items = all_items(&project);
    let found: Vec<(&str, &str, f64)> = (items.iter())
        .map(|i| {
            (
                i["text"].as_str().unwrap_or(""),
                i["status"].as_str().unwrap_or(""),
                i["percent"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("Offline mode", "in_progress", 70.0),
            ("Dark theme", "done", 100.0),
            ("Push v2", "in_progress", 40.0),
            ("Widgets", "todo", 0.0),
        ]
    );
    assert_eq!(project["progress"], 52.5);
}

/// Corpus 24 folds each shipped version's phases in a `<details>` block
/// under `## Phases`: the summaries group them (v0.9's four phases, v0.10's
/// three), as the page of the roadmap shows them. v1.0's and v2.0's are
/// read under `## Phase Details`, and their blocks add no item and no
/// milestone.
#[test]
fn corpus_24_folded_blocks_group_their_phases() {
    let Some(project) = project_of(&corpus_dir(), "24_mcp-hangar-planning-roadmap.md") else {
        return;
    };
    let sections = project["sections"].as_array().unwrap();
    let phases = sections.iter().find(|s| s["title"] == "Phases").unwrap();
    let groups: Vec<(&str, u64)> = (phases["sections"].as_array().unwrap().iter())
        .map(|s| {
            (
                s["title"].as_str().unwrap(),
                s["counts"]["done"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "v0.9 Security Hardening (Phases 1-4) -- SHIPPED 2026-02-15",
                4
            ),
            (
                "v0.10 Documentation & Kubernetes Maturity (Phases 5-7) -- SHIPPED 2026-03-01",
                3
            ),
        ]
    );
    // v1.0's block (lines 34-41) folds boxes its phase details count:
    // neither its summary nor its boxes is an item.
    let items = all_items(&project);
    assert!(!items
        .iter()
        .any(|i| (34..=41).contains(&i["line"].as_u64().unwrap())));
    // Its summary's date is the milestone list's, given once (line 7).
    let shipped: Vec<u64> = (project["milestones"].as_array().unwrap().iter())
        .filter(|m| {
            m["title"]
                .as_str()
                .unwrap()
                .starts_with("v1.0 Production Hardening")
        })
        .map(|m| m["line"].as_u64().unwrap())
        .collect();
    assert_eq!(shipped, [7]);
}

/// A steering committee's slides: dated by the committee (`Date du
/// comité`), a decision's `→ **validé**` done and its arrow gone.
#[test]
fn a_steering_committees_date_and_decisions() {
    let project = project_of_text(
        "copil.md",
        "# COPIL n°7 — Intranet\n\nDate du comité : 24 novembre 2026\n\n\
         ## Points d'arbitrage\n\n\
         1. Report de la migration des pages historiques au lot 4 → **validé**\n",
    );
    assert_eq!(project["as_of"], "2026-11-24");
    assert_items(
        &project,
        &[(
            "Report de la migration des pages historiques au lot 4",
            "done",
        )],
    );
}

/// A release plan's `Progress: 30 of 42 issues closed` claims 30 / 42 =
/// 71.4 % for its section, `Progress: **2/19**` 10.5 %; a count of what
/// is open, or under a label that is no progress word (`Tests: 11/11`),
/// claims nothing.
#[test]
fn a_count_of_work_done_is_a_claim() {
    let project = project_of_text(
        "release.md",
        "# Release plan\n\n## v2.3\n\nProgress: 30 of 42 issues closed (12 open)\n\n- [x] a\n- [ ] b\n\n\
         ## v2.4\n\nProgress: **2/19**\n\n- [ ] c\n\n\
         ## v2.5\n\nProgress: 3 of 10 open\n\nTests: 11/11\n\n- [ ] d\n",
    );
    let claims: Vec<(&str, Option<f64>)> = (project["declarations"].as_array().into_iter())
        .flatten()
        .map(|d| (d["section"].as_str().unwrap_or("-"), d["value"].as_f64()))
        .collect();
    assert_eq!(claims, [("v2.3", Some(71.4)), ("v2.4", Some(10.5))]);
}

/// An OKR page: its table's rows are named by their key result, not by
/// the figure reached (`Key` alone would be a ticket's id); a key result
/// line says how far and how it goes after a dash (`— **65 %** 🟢 On
/// track`: under way at 65 %), the phrase beating the circle and the
/// marker (`🟢 Atteint` makes the circle done in this document's table,
/// `⏳` is to do on its own).
#[test]
fn an_okr_pages_key_results_are_its_items() {
    let project = project_of_text(
        "okr.md",
        "# OKR Q4 2026 — Équipe Plateforme\n\n## O1 — Fiabiliser la plateforme\n\n\
         | Key Result | Cible | Actuel | Progression | Statut |\n\
         |---|---|---|---|---|\n\
         | KR1.1 Disponibilité mensuelle | 99,95 % | 99,91 % | 80 % | 🟡 À risque |\n\
         | KR1.3 MTTR | < 30 min | 25 min | 100 % | 🟢 Atteint |\n\n\
         ## O2 — Accélérer les livraisons\n\n\
         - **KR2.1** Déploiements par semaine : 12 → 20 — **65 %** 🟢 On track\n\
         - **KR2.2** Lead time < 2 jours — **40 %** 🟡 At risk (@karim)\n\
         - KR2.3 : Suppression des environnements orphelins — ⏳ en cours\n",
    );
    let read: Vec<(String, String, Option<f64>)> = (all_items(&project).iter())
        .map(|item| {
            (
                item["text"].as_str().unwrap_or_default().to_string(),
                item["status"].as_str().unwrap_or_default().to_string(),
                item["percent"].as_f64(),
            )
        })
        .collect();
    let item = |text: &str, status: &str, percent: Option<f64>| {
        (text.to_string(), status.to_string(), percent)
    };
    assert_eq!(
        read,
        [
            item("KR1.1 Disponibilité mensuelle", "in_progress", Some(80.0)),
            item("KR1.3 MTTR", "done", Some(100.0)),
            item(
                "KR2.1 Déploiements par semaine : 12 → 20",
                "in_progress",
                Some(65.0)
            ),
            item("KR2.2 Lead time < 2 jours", "in_progress", Some(40.0)),
            item(
                "KR2.3 : Suppression des environnements orphelins",
                "in_progress",
                None
            ),
        ]
    );
}

/// A dashboard's attention points rated by RAG circles are risks, none of
/// them work: the amber one was an item in progress, the red one nothing.
#[test]
fn rated_attention_points_are_risks_not_items() {
    let project = project_of_text(
        "dashboard.md",
        "# Tableau de bord DSI\n\n## Points d'attention\n\n\
         - 🔴 Data lake : budget non validé\n\
         - 🟠 Migration ERP : dépendance au prestataire intégrateur\n",
    );
    assert!(all_items(&project).is_empty());
    let severities: Vec<&str> = (project["risks"].as_array().unwrap().iter())
        .map(|risk| risk["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["critical", "high"]);
}

/// The boxes of other task conventions (Obsidian's themes, the bullet
/// journal) are tasks still to do: moved on to a later sprint `[>]`,
/// scheduled `[<]`, important `[!]`, a question `[?]`, starred `[*]`.
/// Each of the nine lines is a task; two are done, one cancelled, so
/// progress is 2 of the 8 counted.
#[test]
fn the_boxes_of_other_task_conventions_are_open_tasks() {
    let text =
        "# Sprint 12\n\n## Tâches\n\n- [x] Maquettes\n- [>] Export CSV, reporté au sprint 13\n\
                - [<] Revue de sécurité\n- [!] Correctif de production\n- [?] Format des factures\n\
                - [*] Mode sombre\n- [/] Recherche\n- [-] Ancien import\n- [X] Traductions\n";
    let project = project_of_text("sprint.md", text);
    assert_items(
        &project,
        &[
            ("Maquettes", "done"),
            ("Export CSV, reporté au sprint 13", "todo"),
            ("Revue de sécurité", "todo"),
            ("Correctif de production", "todo"),
            ("Format des factures", "todo"),
            ("Mode sombre", "todo"),
            ("Recherche", "in_progress"),
            ("Ancien import", "cancelled"),
            ("Traductions", "done"),
        ],
    );
    assert_eq!(counts(&project), (2, 1, 5, 0, 1, 8));
}

/// The boxes of notes that are no task (Obsidian's `[i]` information,
/// `[I]` idea) give no item, and the tasks beside them count as before.
#[test]
fn a_note_s_box_is_no_task() {
    let text = "# Sprint 12\n\n## Tâches\n\n- [x] Maquettes\n\
                - [i] Le client valide le jeudi\n- [I] Un mode hors ligne ?\n- [ ] Factures\n";
    let project = project_of_text("sprint.md", text);
    assert_items(&project, &[("Maquettes", "done"), ("Factures", "todo")]);
    assert_eq!(counts(&project), (1, 0, 1, 0, 0, 2));
}

/// A word processor's checklist, exported as text: `☒` is a ticked box,
/// done, `☐` one left unticked, to do; in a column that asks whether the
/// work is done, the same boxes answer yes and no.
#[test]
fn a_word_processors_boxes() {
    let project = project_of_text(
        "checklist.md",
        "# Go-live checklist\n\n## Infrastructure\n\n\
         - ☒ Backups restored once\n- ☐ Alerts routed to on-call\n\n\
         ## Sign-off\n\n| Check | Done? |\n|---|---|\n\
         | Legal review | ☒ |\n| Support trained | ☐ |\n",
    );
    assert_items(
        &project,
        &[
            ("Backups restored once", "done"),
            ("Alerts routed to on-call", "todo"),
            ("Legal review", "done"),
            ("Support trained", "todo"),
        ],
    );
}

/// A tracker kept on GitHub writes its statuses as GitHub's emoji
/// shortcodes, which GitHub shows as the emoji: read as the emoji are. A
/// shortcode in code is the shortcode (a legend's `` `:x:` ``).
#[test]
fn github_emoji_shortcodes_are_the_emoji_they_show() {
    let project = project_of_text(
        "roadmap.md",
        "# Roadmap: Relay\n\
         \n\
         ## Milestones\n\
         \n\
         - :white_check_mark: **v1.0 Core** - Phases 1-5 (shipped 2026-04-09)\n\
         - :white_check_mark: **v1.1 Sync** - Phases 6-9 (shipped 2026-05-02)\n\
         - :construction: **v1.2 Mobile** - Phases 10-12 (active, started 2026-06-01)\n\
         \n\
         ## Features\n\
         \n\
         Legend: `:x:` not started.\n\
         \n\
         | Feature | Status | Owner |\n\
         |---|---|---|\n\
         | Login | :white_check_mark: | @alice |\n\
         | Offline mode | :construction: | @bob |\n\
         | Export PDF | :x: | @dan |\n\
         | Search | :heavy_check_mark: | @alice |\n\
         \n\
         ## Tasks\n\
         \n\
         - :heavy_check_mark: Write the spec\n\
         - :white_large_square: Review the spec\n\
         - :no_entry: Load tests\n\
         \n\
         ```\n\
         - :heavy_check_mark: not a task\n\
         ```\n",
    );
    assert_eq!(
        texts_and_statuses(&project),
        [
            ("Login", "done"),
            ("Offline mode", "in_progress"),
            ("Export PDF", "todo"),
            ("Search", "done"),
            ("Write the spec", "done"),
            ("Review the spec", "todo"),
            ("Load tests", "blocked"),
        ]
        .map(|(text, status)| (text.to_string(), status.to_string()))
    );
    // Two shipped milestones, and one under way since 1 June, due on no
    // day the line says: none overdue on 1 November.
    let milestones: Vec<(&str, Option<&str>, &str, bool)> =
        (project["milestones"].as_array().unwrap().iter())
            .map(|m| {
                (
                    m["title"].as_str().unwrap(),
                    m["date"].as_str(),
                    m["status"].as_str().unwrap(),
                    m["overdue"].as_bool().unwrap(),
                )
            })
            .collect();
    assert_eq!(
        milestones,
        [
            ("v1.0 Core - Phases 1-5", Some("2026-04-09"), "done", false),
            ("v1.1 Sync - Phases 6-9", Some("2026-05-02"), "done", false),
            ("v1.2 Mobile - Phases 10-12", None, "in_progress", false),
        ]
    );
}

/// A steering committee's minutes: the project's standing said in a
/// sentence (62 %, the plan's 70 % beside it), an action plan whose rows
/// have a bearer and a deadline, and attention points that are open risks
/// although one speaks of the annual payroll closing (`clôture`).
#[test]
fn a_committees_minutes_standing_actions_and_attention_points() {
    let project = project_of_text(
        "cr.md",
        "# Compte rendu — Comité de suivi SIRH n°7\n\
         \n\
         **Date :** 18/11/2026 · **Rédacteur :** Julie Moreau\n\
         \n\
         ## 1. Avancement global\n\
         \n\
         Le projet est à **62 %** (prévu : 70 %). Météo : 🟠\n\
         \n\
         ## 2. Plan d'actions\n\
         \n\
         | N° | Action | Porteur | Échéance | Statut |\n\
         |----|--------|---------|----------|--------|\n\
         | A1 | Transmettre les fichiers de reprise | DSI | 25/11/2026 | En cours |\n\
         | A2 | Valider le paramétrage des absences | DRH | 02/12/2026 | À faire |\n\
         | A4 | Corriger l'interface GTA | Éditeur | 20/11/2026 | Fait |\n\
         \n\
         ## 3. Points de vigilance\n\
         \n\
         - Disponibilité des gestionnaires paie en décembre (clôture annuelle) — impact fort\n\
         - Qualité des données de reprise : 3 % d'anomalies sur le dernier jeu\n",
    );
    assert_eq!(project["declared_progress"].as_f64(), Some(62.0));
    let actions: Vec<(String, String, Option<String>)> = items_with(&project, "owner");
    assert_eq!(
        actions,
        [
            ("Transmettre les fichiers de reprise", "in_progress", "DSI"),
            ("Valider le paramétrage des absences", "todo", "DRH"),
            ("Corriger l'interface GTA", "done", "Éditeur"),
        ]
        .map(|(text, status, owner)| (
            text.to_string(),
            status.to_string(),
            Some(owner.to_string())
        ))
    );
    let risks: Vec<(&str, bool)> = (project["risks"].as_array().unwrap().iter())
        .map(|r| {
            (
                r["severity"].as_str().unwrap_or("none"),
                r["closed"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(risks, [("high", false), ("none", false)]);
}
