//! The pages of the real seed documents, read as a stakeholder reads them:
//! WindFlow's risks in their matrix cells, AIPROD's milestones on the
//! timeline, every seed listed on the portfolio with its computed figure.

mod common;

use common::{shared, Portal};
use scraper::{Html, Selector};

fn seed(shared: &std::path::Path, prefix: &str) -> Vec<std::path::PathBuf> {
    common::seed_files(shared)
        .into_iter()
        .filter(|f| {
            f.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect()
}

/// `(impact, probability) → count` of every non-empty cell of a page's matrix.
fn matrix_cells(html: &str) -> Vec<(String, u32)> {
    let page = Html::parse_document(html);
    let cells = Selector::parse("table.matrix td.has-risks").unwrap();
    let label = Selector::parse(".visually-hidden").unwrap();
    let count = Selector::parse(".cell-count").unwrap();
    page.select(&cells)
        .map(|cell| {
            let where_ = cell
                .select(&label)
                .next()
                .unwrap()
                .text()
                .collect::<String>();
            let n = cell
                .select(&count)
                .next()
                .unwrap()
                .text()
                .collect::<String>();
            (
                where_.trim().trim_end_matches(':').to_string(),
                n.trim().parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn windflow_risks_sit_in_their_matrix_cells() {
    let Some(shared) = shared() else { return };
    let portal = Portal::with_copies(&seed(&shared, "001_"));
    let status = portal.build();
    let slug = status["projects"][0]["slug"].as_str().unwrap().to_string();
    let page = portal.read_output(&format!("{slug}/index.html"));
    // Risques critiques: impact TRÈS ÉLEVÉ (5), ÉLEVÉ (4), MOYEN (3), MOYEN
    // (3), each with probability 100 % (constaté) = 5. The two "à surveiller"
    // risks give no impact or probability: they are listed, not placed.
    let mut cells = matrix_cells(&page);
    cells.sort();
    assert_eq!(
        cells,
        [
            ("Impact 3, Probability 5".to_string(), 2),
            ("Impact 4, Probability 5".to_string(), 1),
            ("Impact 5, Probability 5".to_string(), 1),
        ]
    );
    // The portfolio risk page places the same four.
    let total: u32 = matrix_cells(&portal.read_output("risks/index.html"))
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert_eq!(total, 4);
}

#[test]
fn aiprod_timeline_shows_its_seven_milestones() {
    let Some(shared) = shared() else { return };
    let portal = Portal::with_copies(&seed(&shared, "003_"));
    portal.build();
    let page = Html::parse_document(&portal.read_output("timeline/index.html"));
    let marks = Selector::parse("svg.timeline .tl-mark").unwrap();
    // PROCHAINS JALONS: 5 dated milestones and 2 ranges (15-20 and 20-25 feb).
    assert_eq!(page.select(&marks).count(), 7);
    let bars = Selector::parse("svg.timeline rect.tl-mark").unwrap();
    assert_eq!(page.select(&bars).count(), 2);
    let rows = Selector::parse("table tbody tr").unwrap();
    assert_eq!(page.select(&rows).count(), 7, "the table repeats the chart");
}

/// Corpus 05 tracks its work in a planning table (`| Date | Objectif | État
/// |`), read as milestones: its head says it has no items rather than
/// `0 of 0`, and tallies the milestones (five `Fait`, one `À faire`).
/// The section rows of a project page: each title with its items' texts.
fn section_tree(html: &str) -> Vec<(String, Vec<String>)> {
    let page = Html::parse_document(html);
    let section = Selector::parse("ol.section-tree > li.section").unwrap();
    let title = Selector::parse(".section-title").unwrap();
    let item = Selector::parse(".item-text").unwrap();
    let words = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    page.select(&section)
        .map(|row| {
            let name = words(row.select(&title).next().unwrap().text().collect());
            let items = row
                .select(&item)
                .map(|i| words(i.text().collect()))
                .collect();
            (name, items)
        })
        .collect()
}

/// Corpus 22 gives each roadmap entry a heading over a one-row table: a
/// section of one task named as it. Under `## In the works` and `##
/// Done`, every section is such a task, so each heading lists them as
/// its items instead of a row each that says each name twice.
#[test]
fn a_roadmap_of_one_task_per_heading_lists_them_under_their_heading() {
    let Some(shared) = shared() else { return };
    let file = shared.join("corpus/real/22_rust-libp2p-roadmap.md");
    let portal = Portal::with_copies(&[file]);
    let status = portal.build();
    let slug = status["projects"][0]["slug"].as_str().unwrap().to_string();
    let rows = section_tree(&portal.read_output(&format!("{slug}/index.html")));
    let names = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    assert_eq!(
        rows,
        [
            (
                "In the works".to_string(),
                names(&[
                    "WebTransport",
                    "AutoNATv2",
                    "Address pipeline",
                    "Optimize Hole punching",
                    "Improved Wasm support",
                    "WebRTC in the browser via WASM",
                    "Attempt to switch from webrtc-rs to str0m",
                ])
            ),
            (
                "Done".to_string(),
                names(&[
                    "Alpha QUIC support",
                    "WebRTC support (browser-to-server)",
                    "Kademlia efficient querying",
                    "Generic connection management",
                    "Cross Behaviour communication",
                ])
            ),
            // Headings of the document's own level two, kept as written.
            (
                "QUIC - implement hole punching".to_string(),
                names(&["QUIC - implement hole punching"])
            ),
            (
                "Kademlia client mode".to_string(),
                names(&["Kademlia client mode"])
            ),
            (
                "QUIC - evaluate and move to quinn".to_string(),
                names(&[
                    "QUIC - evaluate and move to quinn",
                    "Automate port-forwarding e.g. via UPnP"
                ])
            ),
        ]
    );
}

/// A heading keeps its sections when one of them is more than a task
/// named as it.
#[test]
fn sections_of_several_tasks_keep_their_rows() {
    let portal = Portal::new();
    portal.write(
        "lot.md",
        "# Lot\n\n## Réalisation\n\n### Import\n\n- [x] Import\n\n### Export\n\n- [ ] Export CSV\n- [ ] Export PDF\n",
    );
    let status = portal.build();
    let slug = status["projects"][0]["slug"].as_str().unwrap().to_string();
    let rows = section_tree(&portal.read_output(&format!("{slug}/index.html")));
    let titles: Vec<&str> = rows.iter().map(|(title, _)| title.as_str()).collect();
    assert_eq!(titles, ["Réalisation", "Import", "Export"]);
}

#[test]
fn a_project_tracked_by_milestones_shows_their_tally_in_its_head() {
    let Some(shared) = shared() else { return };
    let file = shared.join("corpus/real/05_festival-musique-suivi-projet.md");
    let portal = Portal::with_copies(&[file]);
    let status = portal.build();
    let slug = status["projects"][0]["slug"].as_str().unwrap().to_string();
    let page = Html::parse_document(&portal.read_output(&format!("{slug}/index.html")));
    let head = Selector::parse(".head-counts").unwrap();
    let text: String = page.select(&head).next().unwrap().text().collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(words.join(" "), "Items no items 5 of 6 milestones done");
}

#[test]
fn the_portfolio_lists_every_seed_with_its_computed_progress() {
    let Some(shared) = shared() else { return };
    let portal = Portal::with_copies(&common::seed_files(&shared));
    let status = portal.build();
    let index = portal.read_output("index.html");
    for project in status["projects"].as_array().unwrap() {
        let name = project["name"].as_str().unwrap();
        assert!(index.contains(name), "{name} is listed");
        if let Some(progress) = project["progress"].as_f64() {
            assert!(
                index.contains(&format!("{progress}%")),
                "{name}: {progress}% shown"
            );
        }
    }
}
