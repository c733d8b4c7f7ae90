//! The foundation: the command line, ingest of the real documents into
//! projects, deterministic output, and output that never escapes its folder.

mod common;

use common::{codes, project, shared, Portal, AS_OF};

/// Sequences that betray text decoded with the wrong code page.
const MOJIBAKE: [&str; 8] = ["\u{FFFD}", "Ã©", "Ã‰", "â€", "√©", "ðŸ", "ğŸ", "\u{F8FF}"];

#[test]
fn the_five_seeds_build_into_five_projects_with_clean_text() {
    let Some(shared) = shared() else { return };
    let portal = Portal::with_copies(&common::seed_files(&shared));
    let status = portal.build();
    assert_eq!(status["projects"].as_array().unwrap().len(), 5);
    // Every link on the site leads to a file of it; seed 001's link to
    // `fast-startup-plan.md`, which the portal does not hold, keeps its text.
    assert!(common::check_links(&portal.public()) > 100);
    let raw = std::fs::read_to_string(portal.public().join("status.json")).unwrap();
    for sequence in MOJIBAKE {
        assert!(
            !raw.contains(sequence),
            "status.json still holds {sequence:?}"
        );
    }
    // Titles as a reader sees them at the top of each document.
    assert_eq!(
        project(&status, "001_")["title"],
        "Suivi du Plan de Démarrage Rapide - WindFlow"
    );
    assert_eq!(
        project(&status, "004_")["title"],
        "Suivi de Progression - Projet IBIS-X PoC"
    );
    assert_eq!(
        project(&status, "003_")["title"],
        "PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33"
    );
    assert_eq!(
        project(&status, "000_")["title"],
        "VERTIFLOW PROJECT MANIFEST (Basil Platform)"
    );
    // `**Dernière mise à jour :** 10/01/2025 01:15` and `**Date**: 2 février 2026`.
    assert_eq!(project(&status, "001_")["as_of"], "2025-01-10");
    assert_eq!(project(&status, "003_")["as_of"], "2026-02-02");
    // `(Basée sur l'analyse du code au 2024-MM-JJ - *remplacez MM-JJ*)`.
    assert!(codes(project(&status, "004_")).contains(&"placeholder-date".to_string()));
}

#[test]
fn every_corpus_file_builds_without_errors() {
    let Some(shared) = shared() else { return };
    let files = common::corpus_files(&shared);
    assert_eq!(files.len(), 24);
    let portal = Portal::with_copies(&files);
    let status = portal.build();
    let projects = status["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 24);
    for project in projects {
        let errors: Vec<_> = project["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["level"] == "error")
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", project["slug"]);
        assert!(!project["title"].as_str().unwrap().is_empty());
    }
    // Every link to a place on a page finds it, the documents' own tables
    // of contents included: corpus 23 links ten times to its headings
    // (`[Speakers](#speakers)`), corpus 22 seven times.
    assert!(common::check_fragments(&portal.public()) > 1000);
    // Every other relative link leads to a file of the site. The links to
    // files the portal does not hold keep their text without a URL: corpus
    // 13's 63 links into the OpenTelemetry specification
    // (`specification/trace/api.md#span`), corpus 01's
    // `./ROADMAP_100_POURCENT.md`.
    common::check_links(&portal.public());
    let page = |part: &str| {
        let slug = slug_of(projects, part);
        std::fs::read_to_string(portal.public().join(slug).join("index.html")).unwrap()
    };
    let otel = page("13_");
    assert!(!otel.contains("specification/trace/api.md"));
    assert!(otel.contains("<a rel=\"noopener noreferrer\">TracerProvider</a>"));
    assert!(!page("01_").contains("ROADMAP_100_POURCENT.md\""));
    // Links to a heading the document lacks are warned about where they
    // are: corpus 15's `[Slack Channel](#workflows-dev)`, and corpus 22's
    // links to `#experimental-quic-support` and (twice)
    // `#webrtc-support-browser-to-browser`, headings since renamed `Alpha
    // QUIC support` and `WebRTC support (browser-to-server)`.
    let broken_links = |part: &str| -> Vec<u64> {
        let project = projects
            .iter()
            .find(|p| p["sources"].to_string().contains(part));
        let diagnostics = project.expect("the project")["diagnostics"]
            .as_array()
            .unwrap();
        (diagnostics.iter())
            .filter(|d| d["code"] == "broken-link")
            .map(|d| d["line"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(broken_links("15_"), [231]);
    assert_eq!(broken_links("22_"), [18, 58, 99]);
    assert_eq!(broken_links("23_"), Vec::<u64>::new());
    let asahi = slug_of(projects, "23_");
    let page = std::fs::read_to_string(portal.public().join(asahi).join("index.html")).unwrap();
    for heading in ["speakers", "hdmi-audio", "m1-promaxultra-devices"] {
        assert!(
            page.contains(&format!("href=\"#h-{heading}\"")),
            "{heading}"
        );
    }
}

/// The slug of the project whose source path holds `part`.
fn slug_of<'p>(projects: &'p [serde_json::Value], part: &str) -> &'p str {
    projects
        .iter()
        .find(|p| p["sources"].to_string().contains(part))
        .and_then(|p| p["slug"].as_str())
        .expect("a project of that file")
}

#[test]
fn two_builds_of_the_same_content_are_byte_identical() {
    let portal = Portal::new();
    portal.write("a.md", "# A\n\n- [x] one\n- [ ] two\n");
    portal.write("team/index.md", "# Team\n\n- [x] x\n");
    portal.write("team/notes.md", "## Notes\n\n- [ ] y\n");
    portal.build();
    let first = common::tree(&portal.public());
    portal.build();
    let second = common::tree(&portal.public());
    assert_eq!(first.len(), second.len());
    assert!(first == second, "the two builds differ");
}

#[test]
fn a_hostile_slug_or_file_name_never_writes_outside_the_output() {
    let portal = Portal::new();
    portal.write("evil.md", "+++\nslug = \"../../escaped\"\n+++\n# Evil\n");
    portal.write("..weird...md", "# Dots\n");
    let status = portal.build();
    for project in status["projects"].as_array().unwrap() {
        let slug = project["slug"].as_str().unwrap();
        assert!(
            !slug.is_empty()
                && slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "unsafe slug {slug:?}"
        );
    }
    let outside = portal.root().parent().unwrap().join("escaped");
    assert!(!outside.exists());
    assert!(!portal.root().join("escaped").exists());
}

#[test]
fn script_in_a_document_never_reaches_a_page_unescaped() {
    let portal = Portal::new();
    portal.write(
        "x.md",
        "# <script>alert(1)</script> Title\n\n- [ ] <script>alert(2)</script> item\n\n<script>alert(3)</script>\n",
    );
    portal.build();
    for (path, bytes) in common::tree(&portal.public()) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        if path.ends_with(".html") || path.ends_with(".svg") {
            assert!(!text.contains("<script>alert"), "{path} holds a script");
        }
    }
}

#[test]
fn init_writes_a_portal_that_builds_and_refuses_a_full_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("portal");
    let sitrep = env!("CARGO_BIN_EXE_sitrep");
    let status = std::process::Command::new(sitrep)
        .arg("init")
        .arg(&target)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(target.join("config.toml").is_file());
    let documents = std::fs::read_dir(target.join("content")).unwrap().count();
    assert_eq!(documents, 2);
    let built = std::process::Command::new(sitrep)
        .args(["build", "--quiet", "--as-of", AS_OF, "--root"])
        .arg(&target)
        .status()
        .unwrap();
    assert!(built.success());
    assert!(target.join("public/index.html").is_file());
    // The built site and the extraction cache stay out of git.
    let ignored = std::fs::read_to_string(target.join(".gitignore")).unwrap();
    assert!(ignored.lines().any(|l| l == "/public/"), "{ignored}");
    assert!(ignored.lines().any(|l| l == "/.sitrep-cache/"), "{ignored}");
    assert!(
        ignored.lines().any(|l| l == "/.public.sitrep-previous/"),
        "the previous site a build keeps beside the output: {ignored}"
    );
    assert!(
        target.join(".sitrep-cache").is_dir(),
        "the build used a cache"
    );
    assert!(!target.join("public/.sitrep-cache").exists());
    let again = std::process::Command::new(sitrep)
        .arg("init")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
}

/// `sitrep new --lang L` writes a starter document that sitrep reads whole
/// in each of its five languages, as its text says: five items (the
/// phase's three boxes, done, under way, open; the table's two rows, in
/// progress and to do), two milestones (the kick-off done on the day it
/// was written, the go-live planned), one risk of medium impact and low
/// probability, the owner of its second line, a green status, three people.
#[test]
fn new_writes_a_starter_document_read_whole_in_each_language() {
    let cases = [
        ("en", "@owner", "Go-live"),
        ("fr", "@responsable", "Mise en production"),
        ("es", "@responsable", "Puesta en producción"),
        ("it", "@responsabile", "Messa in produzione"),
        ("de", "@projektleitung", "Go-live"),
    ];
    for (language, owner, go_live) in cases {
        let portal = Portal::new();
        let output = portal.run(&["new", "Portail RH", "--lang", language]);
        assert!(output.status.success(), "{language}: {output:?}");
        assert!(
            portal.content().join("portail-rh.md").is_file(),
            "{language}"
        );
        let status = portal.build();
        let project = &status["projects"][0];
        let counts = &project["counts"];
        assert_eq!(
            [
                &counts["done"],
                &counts["in_progress"],
                &counts["todo"],
                &counts["total"]
            ],
            [1, 2, 2, 5],
            "{language}: {counts}"
        );
        assert_eq!(project["owner"], owner, "{language}");
        assert_eq!(project["declared_health"], "green", "{language}");
        let milestones = project["milestones"].as_array().unwrap();
        assert_eq!(milestones.len(), 2, "{language}: {milestones:?}");
        assert_eq!(milestones[0]["status"], "done", "{language}");
        // The kick-off is dated the day the document was written: its as-of.
        assert!(project["as_of"].is_string(), "{language}");
        assert_eq!(milestones[0]["date"], project["as_of"], "{language}");
        assert_eq!(milestones[1]["title"], go_live, "{language}");
        assert_eq!(milestones[1]["status"], "todo", "{language}");
        let risks = project["risks"].as_array().unwrap();
        assert_eq!(risks.len(), 1, "{language}");
        assert_eq!(
            [&risks[0]["impact"], &risks[0]["probability"]],
            [3, 2],
            "{language}"
        );
        assert_eq!(project["people"].as_array().unwrap().len(), 3, "{language}");
    }
}

#[test]
fn a_config_error_names_the_key_and_exits_2() {
    let portal = Portal::new();
    portal.write("a.md", "# A\n");
    portal.write_config("title = \"x\"\nstale_afer_days = 3\n");
    let output = portal.run(&["build", "--as-of", AS_OF]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("stale_afer_days") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert!(!portal.public().exists());
}

#[test]
fn check_prints_diagnostics_and_builds_nothing() {
    let portal = Portal::new();
    portal.write("a.md", "# A\n\nVersion du 2024-MM-JJ\n");
    let output = portal.run(&["check", "--format", "short", "--as-of", AS_OF]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("content/a.md:3: warning[placeholder-date]"),
        "{stdout}"
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(!portal.public().exists());
}

#[test]
fn the_output_folder_may_not_hold_the_sources() {
    let portal = Portal::new();
    portal.write("a.md", "# A\n");
    let root = portal.root().to_string_lossy().into_owned();
    let output = portal.run(&["build", "--output", &root]);
    assert_eq!(output.status.code(), Some(2));
    assert!(portal.content().join("a.md").is_file());
}

#[test]
fn a_person_in_two_projects_of_the_same_name_is_listed_in_both() {
    // Two teams each keep a `Roadmap`: one project per folder, both named
    // by their title, and @imrane works on both.
    let portal = Portal::new();
    for (team, open) in [("mobile", 1), ("web", 2)] {
        let tasks = "- [ ] Tâche ouverte @imrane\n".repeat(open);
        portal.write(
            &format!("{team}/roadmap.md"),
            format!("# Roadmap\n\n## Tâches\n\n- [x] Cadrage @imrane\n{tasks}"),
        );
    }
    let status = portal.build();
    let projects = status["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 2);
    assert!(
        projects.iter().all(|p| p["name"] == "Roadmap"),
        "{status:#}"
    );
    let people = portal.read_output("people/index.html");
    let card = &people[people.find("class=\"person-name\"").unwrap()..];
    // One row per project, each with its own link and open items.
    for (slug, open) in [("mobile", 1), ("web", 2)] {
        let link = format!("href=\"../{slug}/index.html\"");
        let row = &card[card
            .find(&link)
            .unwrap_or_else(|| panic!("{link} in {card}"))..];
        let row = &row[..row.find("</li>").unwrap()];
        let words = if open == 1 { "open item" } else { "open items" };
        assert!(
            row.contains(&format!("Roadmap</a>: {open} {words}\n")),
            "{row}"
        );
    }
}

/// A folder of sprint reports is as recent as its latest report, not its
/// first; a date in the index's front matter dates the whole project.
#[test]
fn a_project_of_several_documents_is_dated_by_its_latest() {
    let portal = Portal::new();
    portal
        .write(
            "rh/index.md",
            "# Portail RH\n\nUn compte rendu par sprint.\n",
        )
        .write(
            "rh/sprint-1.md",
            "# Sprint 1\n\nDate : 15/06/2026\n\n- [x] Cadrage\n",
        )
        .write(
            "rh/sprint-2.md",
            "# Sprint 2\n\nDate : 26/10/2026\n\n- [ ] Recette\n",
        )
        .write("rh/sprint-3.md", "# Sprint 3\n\n- [ ] Pilote\n");
    let status = portal.build();
    let rh = project(&status, "rh/");
    assert_eq!(rh["as_of"], "2026-10-26", "{rh:#}");
    assert_eq!(rh["stale"], false);
    // The stale warning of an older date would point at that line.
    portal.write(
        "rh/sprint-2.md",
        "# Sprint 2\n\nDate : 26/08/2026\n\n- [ ] Recette\n",
    );
    let rh = project(&portal.build(), "rh/").clone();
    assert_eq!(rh["as_of"], "2026-08-26");
    let stale = (rh["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["code"] == "stale")
        .expect("a stale warning");
    assert_eq!(
        (&stale["source"], &stale["line"]),
        (&"rh/sprint-2.md".into(), &3.into())
    );

    portal.write(
        "rh/index.md",
        "+++\nupdated = 2026-07-01\n+++\n# Portail RH\n",
    );
    assert_eq!(project(&portal.build(), "rh/")["as_of"], "2026-07-01");
}

/// A folder of sprint reports states its weather and its overall progress
/// in each report: the project's are the latest report's, not the first's.
#[test]
fn a_project_of_several_documents_claims_what_its_latest_report_says() {
    let portal = Portal::new();
    portal
        .write(
            "rh/index.md",
            "# Portail RH\n\n**Statut global :** 🟢\n\nAvancement global : 10%\n",
        )
        .write(
            "rh/sprint-1.md",
            "# Sprint 1\n\nDate : 15/06/2026\n\nMétéo : 🟡\n\nAvancement global : 40%\n\n- [x] Cadrage\n",
        )
        .write(
            "rh/sprint-2.md",
            "# Sprint 2\n\nDate : 26/10/2026\n\nMétéo : 🔴\n\nAvancement global : 70%\n\n- [ ] Recette\n",
        )
        // Undated, and claiming nothing: it changes neither claim.
        .write("rh/sprint-3.md", "# Sprint 3\n\n- [ ] Pilote\n");
    let rh = project(&portal.build(), "rh/").clone();
    assert_eq!(rh["declared_health"], "red", "{rh:#}");
    assert_eq!(rh["declared_progress"], 70.0);
    let gap = (rh["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["code"] == "declared-vs-computed")
        .expect("70% declared against 33.3% computed");
    assert_eq!(
        (&gap["source"], &gap["line"]),
        (&"rh/sprint-2.md".into(), &7.into())
    );

    // A report dated by its own front matter is dated too; a later one
    // speaks for the project.
    portal.write(
        "rh/sprint-4.md",
        "---\ndate: 2026-11-02\n---\n# Sprint 4\n\nMétéo : 🟢\n",
    );
    let rh = project(&portal.build(), "rh/").clone();
    assert_eq!(rh["as_of"], "2026-11-02");
    assert_eq!(rh["declared_health"], "green");
    assert_eq!(rh["declared_progress"], 70.0);

    // Undated reports: the later in path order is the more recent.
    let portal = Portal::new();
    portal
        .write("lot/a.md", "# A\n\nMétéo : 🟢\n\n- [ ] Un\n")
        .write("lot/b.md", "# B\n\nMétéo : 🟠\n\n- [ ] Deux\n");
    assert_eq!(project(&portal.build(), "lot/")["declared_health"], "amber");
}

/// `as_of` in `config.toml` fixes "today" (the demo portal reads the same on
/// any day); `--as-of` wins over it, and it wins over `SOURCE_DATE_EPOCH`.
#[test]
fn the_config_can_fix_the_as_of_date() {
    let portal = Portal::new();
    portal
        .write_config("as_of = 2026-03-20\n")
        .write("a.md", "# A\n\nMis à jour : 1 mars 2026\n\n- [ ] Livrer\n");
    let built = |extra: &[&str], epoch: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"));
        command
            .args(["build", "--quiet", "--root"])
            .arg(portal.root())
            .args(extra);
        match epoch {
            Some(seconds) => command.env("SOURCE_DATE_EPOCH", seconds),
            None => command.env_remove("SOURCE_DATE_EPOCH"),
        };
        assert!(command.status().unwrap().success());
        portal.status()
    };
    // 2026-03-20 is 19 days after the document's date: not stale.
    let status = built(&[], None);
    assert_eq!(status["as_of"], "2026-03-20");
    assert_eq!(status["built_at"], "2026-03-20T00:00:00Z");
    assert!(!codes(project(&status, "a.md")).contains(&"stale".to_string()));
    // 1 January 2027 (1798761600) is the build machine's; the portal's date stands.
    assert_eq!(built(&[], Some("1798761600"))["as_of"], "2026-03-20");
    // On the command line, 2026-05-01 is 61 days after it: stale.
    let status = built(&["--as-of", "2026-05-01"], None);
    assert_eq!(status["as_of"], "2026-05-01");
    assert!(codes(project(&status, "a.md")).contains(&"stale".to_string()));
}

/// French sets a space before `:` `;` `!` `?` `%` `»` and after `«`; the
/// pages keep each such mark with its word (a no-break space) so that a
/// narrow card never starts a line with it, while `status.json` and code
/// keep the text as written.
#[test]
fn french_punctuation_never_starts_a_line() {
    let portal = Portal::new();
    portal
        .write_config("language = \"fr\"\n")
        .write("_index.md", "Rien n'est ressaisi : corrigez le document.\n")
        .write(
            "projet.md",
            "# Projet\n\nBilan : tout va bien ; presque !\n\n- [ ] Livrer « vite » (`a : b`)\n",
        );
    let status = portal.build();
    let nbsp = '\u{a0}';
    let index = portal.read_output("index.html");
    assert!(
        index.contains(&format!("ressaisi{nbsp}: corrigez")),
        "{index}"
    );
    let page = portal.read_output("projet/index.html");
    // The original document, as rendered on the page.
    assert!(
        page.contains(&format!("Bilan{nbsp}: tout va bien{nbsp}; presque{nbsp}!")),
        "{page}"
    );
    // The item's row, whose text the page escapes.
    assert!(
        page.contains(&format!("Livrer «{nbsp}vite{nbsp}»")),
        "{page}"
    );
    // Inline code is left as written.
    assert!(page.contains("<code>a : b</code>"), "{page}");
    let item = &project(&status, "projet.md")["sections"][0]["items"][0];
    assert_eq!(item["text"], "Livrer « vite » (a : b)");
}

/// A French portal with no title of its own is headed in French, on its
/// pages and in `status.json`; a title written in `config.toml` wins.
#[test]
fn a_french_portal_is_titled_in_french() {
    let portal = Portal::new();
    portal
        .write_config("language = \"fr\"\n")
        .write("projet.md", "# Projet\n\n- [ ] Livrer\n");
    let status = portal.build();
    assert_eq!(status["title"], "État des projets");
    let index = portal.read_output("index.html");
    assert!(index.contains("<h1>État des projets</h1>"), "{index}");
    assert!(!index.contains("Project status"), "{index}");
    portal.write_config("language = \"fr\"\ntitle = \"Portefeuille DSI\"\n");
    assert_eq!(portal.build()["title"], "Portefeuille DSI");
}

/// The summary's items tile shows the done count as its figure and the
/// total with the share under it: `324 / 608` in the tile's large type
/// broke after the slash.
#[test]
fn the_items_tile_shows_the_done_count_over_its_total() {
    let portal = Portal::new();
    portal
        .write("a.md", "# A\n\n- [x] a\n- [ ] b\n- [ ] c\n")
        .write("b.md", "# B\n\n- [x] d\n");
    portal.build();
    let index = portal.read_output("index.html");
    let tile = index
        .split("<li class=\"tile")
        .find(|tile| tile.contains("Items done"))
        .expect("the items tile");
    assert!(
        tile.contains("<span class=\"tile-value\">2</span>"),
        "{tile}"
    );
    assert!(tile.contains("of 4 · 50%"), "{tile}");
}
