//! Ingest on real documents and on hostile folders (`EXTRACTION.md` §1-2).
//!
//! Seeds and corpus are read from `<manifest>/../shared/`; those tests are
//! skipped, with a printed reason, when that folder is absent.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sitrep::ingest::{self, mojibake, Content, Document};
use sitrep::model::Level;

fn shared(folder: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(folder);
    if path.is_dir() {
        Some(path)
    } else {
        println!("skipped: {} is absent", path.display());
        None
    }
}

fn seed(prefix: &str) -> Option<(Document, String)> {
    let folder = shared("seeds")?;
    let path = fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })?;
    let bytes = fs::read(&path).ok()?;
    let raw = String::from_utf8(bytes.clone()).expect("the seeds are valid UTF-8 (mojibake)");
    Some((Document::from_bytes(&format!("{prefix}.txt"), bytes), raw))
}

/// What must never survive repair (`EXTRACTION.md` §1.3).
const LEFTOVERS: &[&str] = &["\u{FFFD}", "Ã©", "Ã‰", "â€", "√©", "ðŸ", "ğŸ", "\u{F8FF}"];

fn codes(document: &Document) -> Vec<&str> {
    document
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

fn assert_contains(document: &Document, wanted: &str) {
    assert!(
        document.text.contains(wanted),
        "{}: {wanted:?} missing",
        document.source
    );
}

#[test]
fn no_seed_keeps_mojibake() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let Some((document, _)) = seed(prefix) else {
            return;
        };
        for leftover in LEFTOVERS {
            assert!(
                !document.text.contains(leftover),
                "{prefix}: {leftover:?} left"
            );
        }
        assert_eq!(codes(&document), ["repaired-mojibake"], "{prefix}");
    }
}

#[test]
fn seed_000_reads_right() {
    let Some((document, raw)) = seed("000") else {
        return;
    };
    assert_contains(
        &document,
        "Statut : EN COURS (Harmonisé avec le code et la roadmap)",
    );
    assert_contains(&document, "Durée du Sprint : 3 Semaines");
    assert_contains(&document, "## ÉQUIPE PROJET");
    assert_contains(&document, "Ingénieur Data Architecte");
    assert_contains(&document, "Fréquence : 2x / Semaine");
    assert_contains(&document, "Catalogue de Données");
    // 🏗️ lost both its 0x8F bytes: dropped, the handle stays.
    assert_contains(&document, "\n-  @Imrane : DevOps, Python Dev\n");
    // 🧬 (F0 9F A7 AC) lost nothing.
    assert_contains(&document, "- 🧬 @Asama : Biologiste");
    // `Ã€ faire` in the file, counted with grep: every one becomes `À faire`.
    assert_eq!(
        document.text.matches("À faire").count(),
        raw.matches("Ã€ faire").count()
    );
    assert_eq!(raw.matches("Ã€ faire").count(), 20);
    // The first mojibake is `HarmonisÃ©` on line 3.
    assert_eq!(document.diagnostics[0].line, 3);
}

#[test]
fn seed_001_reads_right() {
    let Some((document, raw)) = seed("001") else {
        return;
    };
    assert!(document
        .text
        .starts_with("# Suivi du Plan de Démarrage Rapide - WindFlow\n"));
    assert_contains(&document, "**Dernière mise à jour :** 10/01/2025 01:15");
    assert_contains(
        &document,
        "**Statut global :** 🟢 Phase 1.0 finalisée - Architecture Modulaire implémentée ✅",
    );
    assert_contains(&document, "**Statut :** 🟡 En cours (80% réalisé)");
    assert_contains(&document, "[█████████░] 95% ✅ FINALISÉE");
    // Each `‚úÖ` of the file is one ✅.
    assert_eq!(
        document.text.matches('✅').count(),
        raw.matches("‚úÖ").count()
    );
    assert_eq!(document.diagnostics[0].line, 1);
}

#[test]
fn seed_002_reads_right() {
    let Some((document, raw)) = seed("002") else {
        return;
    };
    // 🎫 lost its 0x8E: dropped, not turned into 🫠.
    assert!(document
        .text
        .starts_with("#  TICKET DEVOPS VIRIDA - ADAPTÉ POUR CLEVER CLOUD\n"));
    assert!(!document.text.contains('🫠'));
    assert_contains(
        &document,
        "## 📋 DEVOPS-001 – Infrastructure de Développement Gitea + GitLab",
    );
    assert_contains(
        &document,
        "- ✅ **Migration Gitea → GitLab** : Configuration complète",
    );
    assert_eq!(
        document.text.matches('✅').count(),
        raw.matches("âœ…").count()
    );
}

#[test]
fn seed_003_reads_right_and_its_rule_is_not_front_matter() {
    let Some((document, _)) = seed("003") else {
        return;
    };
    assert!(document
        .text
        .starts_with("---\n# 📊 PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33\n"));
    assert_eq!(document.front_matter, ingest::FrontMatter::default());
    assert_contains(&document, "**Date**: 2 février 2026");
    assert_contains(&document, "Session Phase 0 COMPLÉTÉE");
    assert_contains(&document, "PHASE 0 - CRITIQUE (24-48h) ✅ COMPLET");
    assert_contains(&document, "├─ P0.1: Secrets exposés");
    assert_contains(&document, "🟡 À COMMENCER 5 FEV");
    assert_contains(&document, "P1.1: Persistance (RAM → Firestore/PostgreSQL)");
    assert_eq!(document.diagnostics[0].line, 2);
}

#[test]
fn seed_004_reads_right() {
    let Some((document, raw)) = seed("004") else {
        return;
    };
    assert_contains(
        &document,
        "**Légende :**\n*   [✅] Fait\n*   [🚧] En Cours / Partiellement Fait\n*   [⬜] À Faire\n",
    );
    assert_contains(&document, "## Résumé");
    assert_contains(
        &document,
        "Phase 0 : Finalisation Infrastructure de Base et Prérequis",
    );
    assert_eq!(
        document.text.matches("[⬜]").count(),
        raw.matches("[‚¨ú]").count()
    );
    assert_eq!(
        document.text.matches("[🚧]").count(),
        raw.matches("[\u{F8FF}üöß]").count()
    );
}

/// A portal root holding `files` under `content/`.
fn portal(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("temp dir");
    for (path, bytes) in files {
        let path = root.path().join("content").join(path);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
    }
    fs::create_dir_all(root.path().join("content")).expect("mkdir");
    root
}

fn load(root: &tempfile::TempDir) -> Content {
    ingest::load(&root.path().join("content")).expect("content/ is readable")
}

fn all_sources(content: &Content) -> Vec<Vec<&str>> {
    content
        .projects
        .iter()
        .map(|p| p.documents.iter().map(|d| d.source.as_str()).collect())
        .collect()
}

#[test]
fn seed_titles_and_names_reach_the_projects() {
    let Some(seeds) = shared("seeds") else { return };
    let root = tempfile::tempdir().expect("temp dir");
    let content = root.path().join("content");
    fs::create_dir_all(&content).expect("mkdir");
    for entry in fs::read_dir(&seeds).expect("seeds").filter_map(Result::ok) {
        fs::copy(entry.path(), content.join(entry.file_name())).expect("copy");
    }
    let portal = sitrep::build::read_portal(&sitrep::build::BuildOptions {
        root: root.path().to_path_buf(),
        ..Default::default()
    })
    .expect("portal");
    let mut titles: Vec<(String, String)> = portal
        .status
        .projects
        .iter()
        .map(|p| (p.title.clone(), p.name.clone()))
        .collect();
    titles.sort();
    let expected = [
        (
            "PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33",
            "AIPROD_V33",
        ),
        ("Suivi de Progression - Projet IBIS-X PoC", "IBIS-X PoC"),
        ("Suivi du Plan de Démarrage Rapide - WindFlow", "WindFlow"),
        ("TICKET DEVOPS VIRIDA - ADAPTÉ POUR CLEVER CLOUD", "VIRIDA"),
        ("VERTIFLOW PROJECT MANIFEST (Basil Platform)", "VERTIFLOW"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(t, n)| (t.to_string(), n.to_string()))
        .collect();
    assert_eq!(titles, expected);
}

#[test]
fn legacy_and_utf16_files_decode() {
    // "Démarrage : l’équipe a validé la première étape" in windows-1252.
    let windows_1252: &[u8] =
        b"# D\xE9marrage\n\nl\x92\xE9quipe a valid\xE9 la premi\xE8re \xE9tape.\n";
    let text = "# Démarrage\r\n\r\n- [x] À faire\r\n";
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let root = portal(&[
        ("a.md", windows_1252),
        ("b.md", &utf16le),
        ("c.md", &utf16be),
    ]);
    let content = load(&root);
    let documents: Vec<&Document> = content.projects.iter().flat_map(|p| &p.documents).collect();
    assert_eq!(
        documents[0].text,
        "# Démarrage\n\nl’équipe a validé la première étape.\n"
    );
    assert_eq!(codes(documents[0]), ["decoded-legacy"]);
    assert!(documents[0].diagnostics[0].message.contains("windows-1252"));
    for document in &documents[1..] {
        assert_eq!(document.text, "# Démarrage\n\n- [x] À faire\n");
        assert!(document.diagnostics.is_empty());
    }
}

#[test]
fn a_file_read_again_decodes_as_it_did_the_first_time() {
    // Read again for its page, a file is decoded with what its first
    // reading found (no encoding guess, no mojibake search where none was
    // repaired): the same document must come out.
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "legacy.md".into(),
            b"# D\xE9marrage\n\nl\x92\xE9quipe a valid\xE9 la premi\xE8re \xE9tape.\n".to_vec(),
        ),
        (
            "mojibake.md".into(),
            "# DÃ©marrage\n\n- [x] RÃ©union de lancement âœ…\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "clean.md".into(),
            "# Démarrage\n\n- [ ] À faire ✅\n".as_bytes().to_vec(),
        ),
    ];
    for folder in ["seeds", "corpus/real"] {
        let Some(folder) = shared(folder) else {
            continue;
        };
        for entry in fs::read_dir(&folder)
            .expect("shared folder")
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                files.push((name, fs::read(&path).expect("readable")));
            }
        }
    }
    for (source, bytes) in &files {
        let first = Document::from_bytes(source, bytes.clone());
        let again = Document::from_bytes_as(source, bytes.clone(), first.decoding);
        assert_eq!(again, first, "{source}");
    }
    let decoding = |source: &str| {
        let (_, bytes) = files.iter().find(|(name, _)| name == source).unwrap();
        Document::from_bytes(source, bytes.clone())
            .decoding
            .unwrap()
    };
    assert_eq!(
        decoding("legacy.md").legacy,
        Some(encoding_rs::WINDOWS_1252)
    );
    assert!(decoding("mojibake.md").repaired);
    let clean = decoding("clean.md");
    assert_eq!((clean.legacy, clean.repaired), (None, false));
}

#[test]
fn front_matter_kinds() {
    let root = portal(&[
        (
            "toml.md",
            b"+++\ntitle = \"Plan\"\nslug = \"mon-plan\"\nupdated = 2025-01-10\n+++\n# H1\n",
        ),
        (
            "yaml.md",
            b"---\nname: Projet Y\ntags: [api, infra]\n---\n# H1\n",
        ),
        ("rule.md", b"---\n# Titre\n\n---\n"),
        ("broken.md", b"+++\ntitle = \n+++\n# Still here\n"),
    ]);
    let content = load(&root);
    let by_source = |source: &str| {
        content
            .projects
            .iter()
            .flat_map(|p| &p.documents)
            .find(|d| d.source == source)
            .unwrap_or_else(|| panic!("{source} missing"))
    };
    let toml = by_source("toml.md");
    assert_eq!(toml.front_matter.title.as_deref(), Some("Plan"));
    assert_eq!(toml.text, "\n\n\n\n\n# H1\n");
    assert!(content.projects.iter().any(|p| p.slug == "mon-plan"));
    assert_eq!(by_source("yaml.md").front_matter.tags, ["api", "infra"]);
    assert_eq!(by_source("rule.md").text, "---\n# Titre\n\n---\n");
    let broken = by_source("broken.md");
    assert_eq!(codes(broken), ["invalid-front-matter"]);
    assert_eq!(broken.text, "\n\n\n# Still here\n");
}

#[test]
fn hidden_files_and_other_extensions_are_skipped() {
    let root = portal(&[
        ("a.md", b"# A"),
        (".draft.md", b"# hidden"),
        (".git/notes.md", b"# hidden"),
        ("team/.obsidian/x.md", b"# hidden"),
        ("team/plan.MARKDOWN", b"# plan"),
        ("team/notes.TXT", b"notes"),
        ("image.png", b"\x89PNG"),
    ]);
    let content = load(&root);
    assert_eq!(
        all_sources(&content),
        [vec!["a.md"], vec!["team/notes.TXT", "team/plan.MARKDOWN"]]
    );
}

#[test]
fn folder_projects_merge_index_first_then_path_order() {
    let root = portal(&[
        ("_index.md", b"# Portail"),
        ("zeta.md", b"# Z"),
        ("ops/b.md", b"# B"),
        ("ops/README.md", b"# Ops"),
        ("ops/a/deep.md", b"# Deep"),
        ("ops/c.txt", b"C"),
    ]);
    let content = load(&root);
    assert_eq!(
        content.intro.as_ref().map(|d| d.source.as_str()),
        Some("_index.md")
    );
    let slugs: Vec<&str> = content.projects.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["ops", "zeta"]);
    assert_eq!(
        all_sources(&content)[0],
        ["ops/README.md", "ops/a/deep.md", "ops/b.md", "ops/c.txt"]
    );
}

#[test]
fn duplicate_and_hostile_slugs() {
    let root = portal(&[
        ("Démarrage.md", b"# A"),
        ("demarrage.md", b"# B"),
        ("evil.md", b"+++\nslug = \"../../x\"\n+++\n"),
        ("nothing.md", b"+++\nslug = \"\xF0\x9F\x93\x8A\"\n+++\n"),
    ]);
    let content = load(&root);
    let slugs: Vec<&str> = content.projects.iter().map(|p| p.slug.as_str()).collect();
    // Sorted by file name (bytes): `D` sorts before `d`.
    assert_eq!(slugs, ["demarrage", "demarrage-2", "x", "project"]);
    let duplicates: Vec<&str> = content
        .diagnostics
        .iter()
        .filter(|d| d.code == "duplicate-slug")
        .map(|d| d.source.as_str())
        .collect();
    assert_eq!(duplicates, ["demarrage.md"]);
}

#[cfg(unix)]
#[test]
fn bad_names_links_and_loops_do_not_stop_the_build() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::symlink;

    let root = portal(&[("ok.md", b"# OK"), ("team/plan.md", b"# Plan")]);
    let content_dir = root.path().join("content");
    fs::write(content_dir.join(OsStr::from_bytes(b"caf\xE9.md")), b"# Caf").expect("write");
    symlink("..", content_dir.join("team/loop")).expect("symlink");
    let outside = tempfile::tempdir().expect("temp dir");
    fs::write(outside.path().join("secret.md"), b"# secret").expect("write");
    symlink(outside.path(), content_dir.join("outside")).expect("symlink");
    symlink(
        outside.path().join("secret.md"),
        content_dir.join("secret.md"),
    )
    .expect("symlink");
    symlink("ok.md", content_dir.join("same.md")).expect("symlink");

    let content = load(&root);
    assert_eq!(all_sources(&content), [vec!["ok.md"], vec!["team/plan.md"]]);
    let mut found: Vec<(&str, &str)> = content
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.source.as_str()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("symlink-loop", "team/loop"),
            ("symlink-outside-content", "outside"),
            ("symlink-outside-content", "secret.md"),
            ("unreadable-file", "caf\u{FFFD}.md"),
        ]
    );
    assert!(content
        .diagnostics
        .iter()
        .any(|d| d.code == "unreadable-file" && d.level == Level::Error));
}

#[test]
fn every_corpus_file_loads_clean() {
    let Some(corpus) = shared("corpus/real") else {
        return;
    };
    let content = ingest::load(&corpus).expect("corpus");
    // 24 tracking documents plus SOURCES.md.
    assert_eq!(content.projects.len(), 25);
    assert!(content.diagnostics.is_empty(), "{:?}", content.diagnostics);
    for document in content.projects.iter().flat_map(|p| &p.documents) {
        assert!(
            document.diagnostics.is_empty(),
            "{}: {:?}",
            document.source,
            document.diagnostics
        );
        let original = fs::read_to_string(corpus.join(&document.source)).expect("utf-8");
        if document.front_matter == ingest::FrontMatter::default() {
            assert_eq!(document.text, original, "{} changed", document.source);
        }
    }
    let asahi = content
        .projects
        .iter()
        .find(|p| p.slug == "23-asahi-m1-feature-support")
        .expect("asahi");
    assert_eq!(
        asahi.documents[0].front_matter.title.as_deref(),
        Some("M1 Series Feature Support")
    );
}

/// Realistic French tracking text: ASCII, accents, typographic
/// punctuation, and the status emoji of the seeds.
fn french_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "e",
        "z",
        " ",
        "\n",
        "-",
        "[x]",
        "#",
        "1",
        "%",
        ":",
        "é",
        "è",
        "ê",
        "à",
        "ç",
        "ù",
        "ô",
        "É",
        "À",
        "’",
        "«",
        "»",
        "—",
        "…",
        "€",
        "✅",
        "🚧",
        "⬜",
        "🟡",
        "🔴",
        "📅",
        "Démarrage",
        "À faire",
        "l’été",
        "café…",
        "« Légende »",
        "80 % réalisé",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|pieces| pieces.concat())
}

fn mojibaked_through(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
    encoding
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

proptest! {
    #[test]
    fn clean_text_is_untouched(text in french_text()) {
        let repair = mojibake::repair(&text);
        prop_assert_eq!(&repair.text, &text);
        prop_assert_eq!(repair.runs, 0);
    }

    #[test]
    fn windows_1252_mojibake_comes_back_exact(text in french_text()) {
        let damaged = mojibaked_through(&text, encoding_rs::WINDOWS_1252);
        prop_assert_eq!(mojibake::repair(&damaged).text, text);
    }

    #[test]
    fn mac_roman_mojibake_comes_back_exact(text in french_text()) {
        let damaged = mojibaked_through(&text, encoding_rs::MACINTOSH);
        prop_assert_eq!(mojibake::repair(&damaged).text, text);
    }
}

/// Line breaks of a text as the file has them: `\r\n`, lone `\r`, `\n`.
fn line_breaks(text: &str) -> usize {
    text.replace("\r\n", "\n").matches(['\r', '\n']).count()
}

proptest! {
    #[test]
    fn any_bytes_make_a_document(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let document = Document::from_bytes("x.md", bytes.as_slice());
        prop_assert!(!document.text.contains('\0'));
    }

    #[test]
    fn any_text_keeps_its_line_numbers(text in "(\\PC|\r|\n|\t|\0|---\n|\\+\\+\\+\n|title = 1\n){0,80}") {
        let document = Document::from_bytes("x.md", text.as_bytes());
        // Bytes with a NUL in every other place (`\r\0\n\0`) are UTF-16
        // without a mark, and read as such: another text, with its own breaks.
        let utf16 = (document.diagnostics.iter()).any(|d| d.message.contains("UTF-16"));
        prop_assume!(!utf16);
        prop_assert_eq!(document.text.matches('\n').count(), line_breaks(&text));
    }
}

#[test]
fn bytes_with_a_nul_in_every_other_place_are_utf16() {
    // What `any_text_keeps_its_line_numbers` once generated: CR and LF as
    // UTF-16LE, one line break.
    let document = Document::from_bytes("x.md", b"\r\0\n\0");
    assert_eq!(document.text, "\n");
    let codes: Vec<&str> = document
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["decoded-legacy"]);
}
