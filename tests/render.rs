//! The portal pages: what a reader sees for a known portfolio, that nothing
//! from a hostile document survives as active content, and that every
//! internal link of a built site points at a file that exists.
//!
//! Most tests render a hand-built `PortfolioStatus` through the library, so
//! their expected values are the fixture's own figures, whatever extraction
//! does; the hostile-document and link tests also run the `sitrep` binary.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{check_fragments, check_links, read_tree, Portal};

use chrono::NaiveDate;
use scraper::{Html, Selector};
use sitrep::config::{Config, Language};
use sitrep::ingest::{Content, Document, FrontMatter, ProjectSources};
use sitrep::model::*;
use sitrep::render::{render, Site};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn item(text: &str, status: Status, line: usize, owner: Option<&str>) -> Item {
    Item {
        text: text.into(),
        status,
        percent: None,
        owner: owner.map(Into::into),
        id: None,
        points: None,
        due: None,
        source: "alpha.md".into(),
        line,
        children: vec![],
    }
}

fn counts(done: u32, in_progress: u32, todo: u32, blocked: u32, cancelled: u32) -> Counts {
    Counts {
        done,
        in_progress,
        todo,
        blocked,
        cancelled,
        total: done + in_progress + todo + blocked,
    }
}

fn milestone(
    title: &str,
    date: Option<NaiveDate>,
    status: Status,
    overdue: bool,
    line: usize,
) -> Milestone {
    Milestone {
        title: title.into(),
        date,
        date_end: None,
        date_text: date.map(|d| d.to_string()).unwrap_or_else(|| "TBD".into()),
        baseline: None,
        status: Some(status),
        overdue,
        source: "alpha.md".into(),
        line,
    }
}

fn risk(title: &str, impact: u8, probability: u8, severity: Severity) -> Risk {
    Risk {
        title: title.into(),
        id: None,
        impact: Some(impact),
        probability: Some(probability),
        severity: Some(severity),
        mitigation: Some("Démarrer la phase 1".into()),
        owner: Some("@Imrane".into()),
        closed: false,
        source: "alpha.md".into(),
        line: 12,
    }
}

fn project(slug: &str, name: &str, progress: Option<f64>, declared: Option<f64>) -> Project {
    Project {
        slug: slug.into(),
        title: format!("{name} — plan d'action"),
        name: name.into(),
        url: format!("{slug}/"),
        sources: vec![format!("{slug}.md")],
        as_of: Some(date(2026, 2, 2)),
        as_of_at: None,
        owner: None,
        tags: vec![],
        weight: 0,
        start: None,
        end: None,
        health: Health::Amber,
        health_reason: "declared 100% but items compute to 41.7%".into(),
        declared_health: None,
        declared_health_at: None,
        areas: vec![],
        stale: false,
        progress,
        progress_method: "items".into(),
        declared_progress: declared,
        declarations: Default::default(),
        counts: Counts::default(),
        sections: Vec::new().into(),
        milestones: Default::default(),
        risks: Default::default(),
        people: Default::default(),
        diagnostics: Default::default(),
        late_items: Default::default(),
        tally: Default::default(),
    }
}

/// Line 3 is the "Phase 0" heading, lines 5-7 its three items.
const ALPHA: &str = "# Alpha\n\n## Phase 0\n\n- [x] Révoquer les clés\n- [ ] Migrer la base @Imrane\n- [~] Tests de charge\n\n## Risques\n\nBackend vide\n";

/// Two projects. Alpha: 3 items in "Phase 0" (lines 5-7 of ALPHA), one done
/// → 1 of 3; progress 41.7 computed, 100 declared; three milestones, two
/// dated, one of them overdue; one 5×5 risk. Beta: no data at all.
fn fixture() -> (PortfolioStatus, Content) {
    let mut alpha = project("alpha", "Alpha", Some(41.7), Some(100.0));
    alpha.counts = counts(1, 1, 1, 0, 0);
    alpha.sections = vec![Section {
        title: "Phase 0".into(),
        level: 2,
        line: 3,
        source: "alpha.md".into(),
        progress: Some(50.0),
        declared_progress: Some(80.0),
        health: None,
        counts: counts(1, 1, 1, 0, 0),
        items: vec![
            item("Révoquer les clés", Status::Done, 5, None),
            item("Migrer la base", Status::Todo, 6, Some("@Imrane")),
            item("Tests de charge", Status::InProgress, 7, None),
        ],
        sections: vec![],
    }]
    .into();
    *alpha.milestones = vec![
        milestone("Go-live", Some(date(2026, 3, 15)), Status::Todo, false, 9),
        milestone("Kick-off", Some(date(2026, 1, 10)), Status::Todo, true, 9),
        milestone("Audit", None, Status::Todo, false, 9),
    ];
    *alpha.risks = vec![risk("Backend vide", 5, 5, Severity::Critical)];
    *alpha.people = vec![Person {
        handle: Some("@Imrane".into()),
        name: "Imrane".into(),
        role: Some("DevOps".into()),
        open_items: 1,
    }];
    *alpha.diagnostics = vec![Diagnostic::warning(
        "declared-vs-computed",
        "alpha.md",
        3,
        "declares 100% but its items compute to 41.7%",
    )];
    let gamma = gamma();
    let mut beta = project("beta", "Beta", None, None);
    beta.health = Health::Unknown;
    beta.health_reason = String::new();
    let mut projects = vec![alpha, gamma, beta];
    // As assembly gathers them (`health::assess`), on the as-of date below.
    for project in &mut projects {
        project.late_items = LateItem::gather(&project.sections, date(2026, 2, 2)).into();
    }
    let portfolio = PortfolioStatus {
        schema: SCHEMA,
        generator: "sitrep test".into(),
        title: "Portefeuille DSI".into(),
        description: None,
        as_of: date(2026, 2, 2),
        built_at: None,
        projects,
        diagnostics: Default::default(),
    };
    let content = Content {
        intro: None,
        projects: vec![
            sources("alpha", "alpha.md", ALPHA),
            sources("gamma", "gamma.md", GAMMA),
            sources("beta", "beta.md", "# Beta\n\nNothing yet.\n"),
        ],
        images: Vec::new(),
        diagnostics: Default::default(),
    };
    (portfolio, content)
}

const GAMMA: &str = "# Gamma\n\n## Lot 1 — Socle\n\n- [x] Serveurs\n- [x] Sauvegardes\n  - [x] Politique\n  - [ ] Tests de restauration\n\n### Lot 1.1 Réseau\n\n- [x] VLAN\n\n## Lot 2 — Applications\n\n| Id | Tâche | Statut |\n|---|---|---|\n| APP-1 | Migration CRM | 🔴 bloqué |\n| APP-2 | Portail | annulé |\n";

/// A fuller project for the pictures: nested sections and items, a range
/// milestone, rated, unrated and closed risks, two people (one shared with Alpha).
fn gamma() -> Project {
    let mut gamma = project("gamma", "Gamma", Some(62.5), None);
    gamma.health = Health::Red;
    gamma.health_reason = "1 item blocked; milestone \"Mise en production\" at risk".into();
    gamma.counts = counts(4, 0, 1, 1, 1);
    let mut backups = item("Sauvegardes", Status::InProgress, 6, None);
    backups.children = vec![
        item("Politique", Status::Done, 7, None),
        item(
            "Tests de restauration",
            Status::Todo,
            8,
            Some("Marie Curie"),
        ),
    ];
    let mut crm = item("Migration CRM", Status::Blocked, 18, Some("@Imrane"));
    crm.id = Some("APP-1".into());
    crm.points = Some(8.0);
    crm.due = Some(date(2026, 1, 15));
    let mut portal = item("Portail", Status::Cancelled, 19, None);
    portal.id = Some("APP-2".into());
    let mut all = vec![
        Section {
            title: "Lot 1 — Socle".into(),
            level: 2,
            line: 3,
            source: "gamma.md".into(),
            progress: Some(87.5),
            declared_progress: Some(90.0),
            health: Some(Health::Green),
            counts: counts(4, 0, 1, 0, 0),
            items: vec![item("Serveurs", Status::Done, 5, None), backups],
            sections: vec![Section {
                title: "Lot 1.1 Réseau".into(),
                level: 3,
                line: 10,
                source: "gamma.md".into(),
                progress: Some(100.0),
                declared_progress: None,
                health: None,
                counts: counts(1, 0, 0, 0, 0),
                items: vec![item("VLAN", Status::Done, 12, None)],
                sections: vec![],
            }],
        },
        Section {
            title: "Lot 2 — Applications".into(),
            level: 2,
            line: 14,
            source: "gamma.md".into(),
            progress: Some(0.0),
            declared_progress: None,
            health: None,
            counts: counts(0, 0, 0, 1, 1),
            items: vec![crm, portal],
            sections: vec![],
        },
    ];
    for section in &mut all {
        fix_sources(section, "gamma.md");
    }
    gamma.sections = all.into();
    let mut recette = milestone("Recette", Some(date(2026, 1, 20)), Status::Done, false, 3);
    recette.date_end = Some(date(2026, 2, 10));
    *gamma.milestones = vec![
        recette,
        milestone(
            "Mise en production",
            Some(date(2026, 4, 1)),
            Status::InProgress,
            false,
            14,
        ),
        milestone("Bilan", Some(date(2026, 6, 30)), Status::Todo, false, 14),
    ];
    let mut closed = risk("Perte du datacenter", 5, 5, Severity::Critical);
    closed.closed = true;
    let mut unrated = risk("Dépendance fournisseur", 1, 1, Severity::Medium);
    unrated.impact = None;
    unrated.probability = None;
    *gamma.risks = vec![
        risk("Retard de livraison du CRM", 4, 3, Severity::High),
        risk("Charge de l'équipe", 2, 2, Severity::Low),
        risk("Migration des données incomplète", 3, 5, Severity::High),
        unrated,
        closed,
    ];
    for r in gamma.risks.iter_mut() {
        r.source = "gamma.md".into();
    }
    for m in gamma.milestones.iter_mut() {
        m.source = "gamma.md".into();
    }
    *gamma.people = vec![
        Person {
            handle: None,
            name: "Marie Curie".into(),
            role: Some("Cheffe de projet".into()),
            open_items: 1,
        },
        Person {
            handle: Some("@Imrane".into()),
            name: "Imrane".into(),
            role: Some("DevOps".into()),
            open_items: 1,
        },
    ];
    gamma
}

fn fix_sources(section: &mut Section, source: &str) {
    fn fix_items(items: &mut [Item], source: &str) {
        for item in items {
            item.source = source.into();
            fix_items(&mut item.children, source);
        }
    }
    section.source = source.into();
    fix_items(&mut section.items, source);
    for child in &mut section.sections {
        fix_sources(child, source);
    }
}

fn sources(slug: &str, source: &str, text: &str) -> ProjectSources {
    ProjectSources {
        slug: slug.into(),
        folder: None,
        documents: vec![Document {
            source: source.into(),
            text: text.into(),
            front_matter: FrontMatter::default(),
            diagnostics: Default::default(),
            decoding: None,
        }],
    }
}

fn render_fixture(config: &Config) -> Site {
    let (portfolio, content) = fixture();
    render(&portfolio, &content, config, Path::new("/nonexistent")).expect("render")
}

fn page(site: &Site, path: &str) -> String {
    let bytes = site
        .files
        .get(path)
        .unwrap_or_else(|| panic!("{path} missing"));
    String::from_utf8(bytes.clone()).unwrap()
}

fn unminified() -> Config {
    Config {
        minify: false,
        ..Config::default()
    }
}

#[test]
fn portfolio_lists_every_project_with_its_computed_figure() {
    let site = render_fixture(&unminified());
    let index = page(&site, "index.html");
    assert!(index.contains("href=\"alpha/index.html\""), "{index}");
    assert!(index.contains("href=\"beta/index.html\""));
    // Alpha's computed figure with its declared figure marked; Beta has none.
    assert!(index.contains("41.7%"));
    assert!(index.contains("class=\"progress-fill\" y=\"4\" width=\"41.7\""));
    assert!(index.contains("class=\"progress-declared\" x1=\"100\" x2=\"100\""));
    assert!(index.contains("no data"));
    assert!(index.contains("1 of 3 items"));
    // Next milestone is Go-live (Kick-off is in the past), worst risk the 5×5 one.
    assert!(index.contains("Go-live"));
    assert!(index.contains("15\u{a0}Mar\u{a0}2026"));
    assert!(index.contains("Backend vide"));
    assert!(index.contains("<html lang=\"en\">"));
}

#[test]
fn project_page_shows_sections_items_and_source_links() {
    let site = render_fixture(&unminified());
    let alpha = page(&site, "alpha/index.html");
    assert!(alpha.contains("Phase 0"));
    for text in ["Révoquer les clés", "Migrer la base", "Tests de charge"] {
        assert!(alpha.contains(text), "{text}");
    }
    assert!(alpha.contains("status-done"));
    assert!(alpha.contains("in progress"));
    // "Migrer la base" is read on line 6 of alpha.md: its list item carries id L6.
    assert!(alpha.contains("href=\"#L6\""), "{alpha}");
    assert!(alpha.contains("id=\"L6\""));
    assert!(alpha.contains("declared-vs-computed"));
    assert!(alpha.contains("src=\"badge.svg\""));
    let badge = page(&site, "alpha/badge.svg");
    assert!(badge.contains("41.7% · amber"), "{badge}");
}

/// A project whose report rates its areas lists them under its head, in
/// the report's order, each linked to its row in the source; its card
/// names the first of the worst. A hostile name is text.
#[test]
fn areas_are_listed_on_the_page_and_the_worst_on_the_card() {
    let (mut portfolio, content) = fixture();
    let area = |name: &str, health: Health, note: Option<&str>, line: usize| Area {
        name: name.into(),
        health,
        note: note.map(Into::into),
        source: "alpha.md".into(),
        line,
    };
    portfolio.projects[0].areas = vec![
        area("Planning", Health::Amber, Some("Recette décalée"), 5),
        area("<b>Budget</b>", Health::Red, None, 6),
        area("Ressources", Health::Red, Some("Départ <script>"), 7),
    ];
    let site = render(
        &portfolio,
        &content,
        &unminified(),
        Path::new("/nonexistent"),
    )
    .unwrap();
    // The words of each element `selector` finds in `html`, spaces collapsed.
    let words_of = |html: &Html, selector: &str| -> Vec<String> {
        let selector = Selector::parse(selector).unwrap();
        (html.select(&selector))
            .map(|element| element.text().collect::<Vec<_>>().concat())
            .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let alpha = Html::parse_document(&page(&site, "alpha/index.html"));
    let rows = words_of(&alpha, "#areas tbody tr");
    assert_eq!(
        rows,
        [
            "Planning ▲ amber Recette décalée",
            "<b>Budget</b> ■ red",
            "Ressources ■ red Départ <script>",
        ]
    );
    let links = Selector::parse("#areas tbody a").unwrap();
    let hrefs: Vec<&str> = (alpha.select(&links))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(hrefs, ["#L5", "#L6", "#L7"]);
    let raw = page(&site, "alpha/index.html");
    assert!(!raw.contains("<b>Budget") && !raw.contains("Départ <script>"));
    // The card: the first red area; Beta, rated nowhere, has no such row.
    let index = Html::parse_document(&page(&site, "index.html"));
    let cards = words_of(&index, "li.project-card");
    let alpha_card = cards
        .iter()
        .find(|c| c.contains("Alpha"))
        .expect("Alpha's card");
    assert!(
        alpha_card.contains("Worst area■ red <b>Budget</b> Updated"),
        "{alpha_card}"
    );
    let beta_card = cards
        .iter()
        .find(|c| c.contains("Beta"))
        .expect("Beta's card");
    assert!(!beta_card.contains("Worst area"), "{beta_card}");
    // And in status.json, in the report's order.
    let json: serde_json::Value = serde_json::from_slice(&site.files["status.json"]).unwrap();
    let names: Vec<&str> = (json["projects"][0]["areas"].as_array().unwrap().iter())
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Planning", "<b>Budget</b>", "Ressources"]);
}

/// The words of the card `selector` in the head of project `slug`'s page,
/// spaces collapsed.
fn head_card(site: &Site, slug: &str, selector: &str) -> String {
    let page = Html::parse_document(&page(site, &format!("{slug}/index.html")));
    let card = Selector::parse(selector).unwrap();
    let text: String = page.select(&card).next().unwrap().text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A project's head tallies its milestones beside its items; one with
/// neither says it has no items rather than `0 of 0 items`.
#[test]
fn the_head_tallies_items_and_milestones() {
    let site = render_fixture(&unminified());
    let head = |slug: &str| head_card(&site, slug, ".head-counts");
    // Alpha: one item done of three; three milestones, none done.
    assert_eq!(
        head("alpha"),
        "Items 1 of 3 items ✓ done 1 ◐ in progress 1 ○ to do 1 0 of 3 milestones done"
    );
    assert_eq!(head("beta"), "Items no items");
    // No empty list of counts is written for it either.
    assert!(!page(&site, "beta/index.html").contains("class=\"counts\""));
    assert!(page(&site, "alpha/index.html").contains("class=\"counts\""));
}

/// A project with no progress to show says so once: no "computed (each
/// item counts the same)" after "no data", and no empty bar labelled "no
/// data" again.
#[test]
fn the_head_says_no_data_once() {
    let site = render_fixture(&unminified());
    let progress = |slug: &str| head_card(&site, slug, ".head-progress");
    assert_eq!(progress("beta"), "Progress no data");
    // Alpha: 41.7 computed and 100 declared in the fixture, with its bar.
    assert_eq!(
        progress("alpha"),
        "Progress 41.7% computed (each item counts the same) declared: 100% 41.7% (declared 100%)"
    );
}

/// The progress method reads as a phrase in the page's language, not as
/// the setting's value (`points`): a German page said `(Methode: items)`.
#[test]
fn the_progress_method_is_a_phrase_of_the_page_language() {
    let (mut portfolio, content) = fixture();
    for project in &mut portfolio.projects {
        project.progress_method = "points".into();
    }
    let computed = |language: Language| {
        let config = Config {
            language,
            ..unminified()
        };
        let site = render(&portfolio, &content, &config, Path::new("/nonexistent")).unwrap();
        head_card(&site, "alpha", ".head-progress")
    };
    let english = computed(Language::En);
    assert!(
        english.contains("computed (items weighted by their story points)"),
        "{english}"
    );
    let german = computed(Language::De);
    assert!(
        german.contains("berechnet (Aufgaben nach Story Points gewichtet)"),
        "{german}"
    );
    assert!(!german.contains("points)"), "{german}");
}

/// A health count stays beside its badge: the portfolio's first tile
/// holds each badge and its count in one unbreakable group (a German
/// `abgeschlossen` badge pushed its count to the next line).
#[test]
fn each_health_count_stays_with_its_badge() {
    let config = Config {
        language: Language::De,
        ..unminified()
    };
    let site = render_fixture(&config);
    let index = Html::parse_document(&page(&site, "index.html"));
    let groups = Selector::parse(".tile-health .health-count").unwrap();
    let read: Vec<String> = index
        .select(&groups)
        .map(|group| {
            let text: String = group.text().collect();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    assert!(!read.is_empty());
    for group in &read {
        let (badge, count) = group.rsplit_once(' ').unwrap();
        assert!(count.parse::<usize>().is_ok(), "{group}");
        assert!(!badge.is_empty(), "{group}");
    }
    let style = page(&site, "style.css");
    assert!(style.contains(".health-count { white-space: nowrap; }"));
}

/// On the portfolio too, a project with nothing to compute its progress
/// from and no figure declared says "no data" with no bar, which would
/// read as 0 %; the others keep theirs.
#[test]
fn a_card_without_progress_has_no_bar() {
    let site = render_fixture(&unminified());
    let index = Html::parse_document(&page(&site, "index.html"));
    let cards = Selector::parse(".project-card").unwrap();
    let name = Selector::parse(".project-name").unwrap();
    let bar = Selector::parse(".progress").unwrap();
    let words = Selector::parse(".no-progress").unwrap();
    let read: Vec<(String, usize, Vec<String>)> = index
        .select(&cards)
        .map(|card| {
            let title = card.select(&name).next().unwrap().text().collect();
            let said = card.select(&words).map(|p| p.text().collect()).collect();
            (title, card.select(&bar).count(), said)
        })
        .collect();
    let card = |name: &str| read.iter().find(|(n, ..)| n == name).cloned();
    assert_eq!(
        card("Beta"),
        Some(("Beta".into(), 0, vec!["no data".into()]))
    );
    assert_eq!(card("Alpha"), Some(("Alpha".into(), 1, vec![])));
    assert_eq!(card("Gamma"), Some(("Gamma".into(), 1, vec![])));
}

#[test]
fn timeline_has_one_mark_per_dated_milestone() {
    let site = render_fixture(&unminified());
    let timeline = page(&site, "timeline/index.html");
    // Alpha has three milestones, two of them dated; Gamma three, all dated
    // (Recette is a range, drawn as a bar): 2 + 3 marks.
    assert_eq!(timeline.matches("class=\"tl-mark").count(), 5, "{timeline}");
    assert_eq!(
        timeline.matches("class=\"tl-flag\"").count(),
        1,
        "one overdue"
    );
    assert_eq!(
        timeline.matches("<rect class=\"tl-mark").count(),
        1,
        "one range"
    );
    assert!(timeline.contains("class=\"tl-today\""));
    assert!(timeline.contains("<title"));
    // The table lists all three, dated ones by date, undated last.
    let kick = timeline.find(">Kick-off<").unwrap();
    let go = timeline.find(">Go-live<").unwrap();
    let audit = timeline.find(">Audit<").unwrap();
    assert!(kick < go && go < audit);
}

#[test]
fn a_five_by_five_risk_sits_in_the_top_right_cell() {
    let site = render_fixture(&unminified());
    let risks = page(&site, "risks/index.html");
    let cell_start = risks
        .find("Impact 5, Probability 5: ")
        .expect("the 5×5 cell");
    let cell = &risks[cell_start..];
    let cell = &cell[..cell.find("</td>").unwrap()];
    assert!(cell.contains("cell-count\">1<"), "{cell}");
    assert!(cell.contains("Backend vide"), "{cell}");
    // The cell is in the red zone (5 × 5 = 25).
    let opening = &risks[risks[..cell_start].rfind("<td").unwrap()..cell_start];
    assert!(opening.contains("zone-high"), "{opening}");
    // No other cell holds it; its project is named on hover.
    assert_eq!(risks.matches("title=\"Alpha · Backend vide\"").count(), 1);
    assert!(risks.contains("id=\"risk-alpha-1\""));
}

#[test]
fn people_page_lists_roles_and_open_items() {
    let site = render_fixture(&unminified());
    let people = page(&site, "people/index.html");
    // Imrane is in Alpha and Gamma: one card, 1 + 1 open items, and the
    // blocked "Migration CRM" due 15 Jan 2026 is overdue on 2 Feb 2026.
    assert_eq!(
        people.matches("class=\"person-name\">Imrane").count(),
        1,
        "{people}"
    );
    let imrane = &people[people.find("class=\"person-name\">Imrane").unwrap()..];
    let imrane = &imrane[..imrane.find("</li>\n</ul>").unwrap_or(imrane.len())];
    assert!(imrane.contains("DevOps"));
    assert!(imrane.contains("<strong>2</strong>"), "{imrane}");
    assert!(imrane.contains("! 1 overdue"), "{imrane}");
    assert!(imrane.contains("Migration CRM"));
    assert!(people.contains("Marie Curie"));
    assert!(people.contains("Cheffe de projet"));
}

/// A dashboard's bars are the parts of their section: each `###
/// Avancement` lists its own lots under its bar (declared as their mean,
/// (100 + 50) / 2 = 75 % and (20 + 0) / 2 = 10 %), each linked to its line,
/// though both sections have the same title; a section without parts
/// lists none.
#[test]
fn a_sections_declared_parts_are_listed_under_its_bar() {
    let portal = Portal::new();
    portal.write(
        "atlas.md",
        "# Programme Atlas\n\n## Phase 1\n\n### Avancement\n\n```\n\
         Lot A ██████████ 100%\nLot B █████░░░░░  50%\n```\n\n\
         ## Phase 2\n\n### Avancement\n\n```\n\
         Lot C ██░░░░░░░░  20%\nLot D ░░░░░░░░░░   0%\n```\n\n\
         ## Tâches\n\n- [x] Cadrage\n",
    );
    let out = build(portal.root(), &[]);
    let page = std::fs::read_to_string(out.join("atlas/index.html")).unwrap();
    let html = Html::parse_document(&page);
    let words = |element: scraper::ElementRef| -> String {
        let text: String = element.text().collect();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let (section, title, part) = (
        Selector::parse("#sections li.section").unwrap(),
        Selector::parse(".section-title").unwrap(),
        Selector::parse("ul.parts li").unwrap(),
    );
    let rows: Vec<(String, Vec<String>)> = (html.select(&section))
        .map(|s| {
            let name = s.select(&title).next().map(words).unwrap_or_default();
            (name, s.select(&part).map(words).collect())
        })
        .collect();
    let parts_of = |name: &str| -> Vec<Vec<String>> {
        (rows.iter())
            .filter(|(title, _)| title == name)
            .map(|(_, parts)| parts.clone())
            .collect()
    };
    assert_eq!(
        parts_of("Avancement"),
        [
            vec!["Lot A 100%".to_string(), "Lot B 50%".to_string()],
            vec!["Lot C 20%".to_string(), "Lot D 0%".to_string()],
        ],
        "{rows:?}"
    );
    assert_eq!(parts_of("Tâches"), [Vec::<String>::new()]);
    assert!(page.contains("(declared 75%)") && page.contains("(declared 10%)"));
    let links = Selector::parse("ul.parts a").unwrap();
    let hrefs: Vec<&str> = (html.select(&links))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    // Lines 8-9 and 17-18, in code blocks, which the source view anchors
    // at their fences.
    assert_eq!(hrefs, ["#L7", "#L7", "#L16", "#L16"]);
    let bars = Selector::parse("ul.parts rect.part-fill").unwrap();
    let widths: Vec<&str> = (html.select(&bars))
        .filter_map(|r| r.value().attr("width"))
        .collect();
    assert_eq!(widths, ["100", "50", "20", "0"]);
}

/// The card of the person named `name` on a people page's HTML, up to
/// the next card.
fn person_card(people: &str, name: &str) -> String {
    let start = people
        .find(&format!("class=\"person-name\">{name}"))
        .unwrap_or_else(|| panic!("{name}: {people}"));
    let card = &people[start..];
    card[..card.find("person card").unwrap_or(card.len())].to_string()
}

/// A member who owns no open item (corpus 21's staffing table: every card
/// said "0 open items", twice) says so once, and lists her projects
/// without a count; one who owns some counts them.
#[test]
fn a_person_without_open_items_says_so_once() {
    let portal = Portal::new();
    portal.write(
        "platform.md",
        "# Platform\n\n## Équipe\n\n- @alice — Sponsor\n\n## Tâches\n\n- [ ] Migrer la base @bob\n- [x] Cadrage @alice\n",
    );
    let out = build(portal.root(), &[]);
    let people = std::fs::read_to_string(out.join("people/index.html")).unwrap();
    let card = |name: &str| person_card(&people, name);
    let alice = card("alice");
    assert!(
        alice.contains("<p class=\"person-figures\">No open item</p>"),
        "{alice}"
    );
    assert!(alice.contains("Platform</a>\n"), "{alice}");
    assert!(!alice.contains("open items"), "{alice}");
    let bob = card("bob");
    assert!(bob.contains("<strong>1</strong> open item</p>"), "{bob}");
    assert!(bob.contains("Platform</a>: 1 open item\n"), "{bob}");
}

/// A highlight report names its manager in full in its header and by
/// first name in its work packages: one person, `Priya Natarajan`, the
/// project manager, owning the open package of `Priya` (overdue on 1
/// November 2026, the build's as-of date) and the one of `@ahmed`, joined
/// to `Ahmed Ali`. Two full names that share a first name leave that first
/// name a person of its own.
#[test]
fn a_first_name_is_the_person_written_in_full() {
    let portal = Portal::new();
    portal.write(
        "cpr.md",
        "# Customer Portal Replacement\n\n**Project Manager:** Priya Natarajan\n\n\
         ## Work packages\n\n\
         | Work package | Owner | Status | Planned end |\n|---|---|---|---|\n\
         | WP1 Discovery | Priya | Complete | 2026-06-30 |\n\
         | WP5 Training | Priya | Not started | 2026-10-15 |\n\
         | WP6 Billing | Ahmed Ali | In progress | 2027-01-15 |\n\n\
         ## Actions\n\n- [ ] Book the vendor call @ahmed\n",
    );
    portal.write(
        "two.md",
        "# Two Priyas\n\n## Tasks\n\n- [ ] Draft @priya\n- [ ] Review — Owner: Priya Shah\n\n\
         ## Team\n\n- Priya Natarajan - Sponsor\n",
    );
    let out = build(portal.root(), &[]);
    let people = std::fs::read_to_string(out.join("people/index.html")).unwrap();
    let card = |name: &str| person_card(&people, name);
    let priya = card("Priya Natarajan");
    assert!(priya.contains("Project Manager"), "{priya}");
    assert!(
        priya.contains("Customer Portal Replacement</a>: 1 open item"),
        "{priya}"
    );
    assert!(priya.contains("WP5 Training"), "{priya}");
    assert!(!people.contains("class=\"person-name\">Priya<"), "{people}");
    let ahmed = card("Ahmed Ali");
    assert!(ahmed.contains("@ahmed"), "{ahmed}");
    assert!(ahmed.contains("<strong>2</strong> open items"), "{ahmed}");
    // In `Two Priyas`, `@priya` is nobody's first name for sure.
    assert!(people.contains("class=\"person-name\">priya"), "{people}");
}

#[test]
fn french_pages_use_french_words_and_dates() {
    let config = Config {
        language: Language::Fr,
        ..unminified()
    };
    let site = render_fixture(&config);
    let index = page(&site, "index.html");
    assert!(index.contains("<html lang=\"fr\">"));
    assert!(
        index.contains("2\u{a0}février\u{a0}2026"),
        "as-of in long form"
    );
    assert!(index.contains("15\u{a0}mars\u{a0}2026"));
    assert!(index.contains("1 sur 3 tâches"));
    assert!(index.contains("Calendrier"));
    // Percentages with a decimal comma and a narrow space before the sign.
    assert!(index.contains("41,7\u{202f}%"), "{index}");
    // Diagnostics are in French on the pages, in English in status.json.
    let alpha = page(&site, "alpha/index.html");
    assert!(
        alpha.contains("déclare 100\u{202f}% mais ses tâches donnent 41,7\u{202f}%"),
        "{alpha}"
    );
    assert!(!alpha.contains("declares 100%"));
    assert!(page(&site, "status.json").contains("declares 100% but its items compute to 41.7%"));
}

/// Spanish, Italian and German pages say the fixture in their words: its
/// as-of date (2 February 2026) long, a milestone's date (15 March 2026)
/// short, its 1 done item of 3, Alpha's 41.7 %, and the diagnostic
/// "declares 100% but its items compute to 41.7%" in the page's language;
/// `status.json` keeps the English.
#[test]
fn spanish_italian_and_german_pages_use_their_words_and_dates() {
    let cases = [
        (
            Language::Es,
            "2\u{a0}de\u{a0}febrero\u{a0}de\u{a0}2026",
            "15\u{a0}mar\u{a0}2026",
            "1 de 3 tareas",
            "41,7\u{202f}%",
            "declara un 100\u{202f}% pero sus tareas dan un 41,7\u{202f}%",
        ),
        (
            Language::It,
            "2\u{a0}febbraio\u{a0}2026",
            "15\u{a0}mar\u{a0}2026",
            "1 su 3 attività",
            "41,7%",
            "avanzamento dichiarato 100%, calcolato sulle attività 41,7%",
        ),
        (
            Language::De,
            "2.\u{a0}Februar\u{a0}2026",
            "15.\u{a0}März\u{a0}2026",
            "1 von 3 Aufgaben",
            "41,7\u{202f}%",
            "gibt 100\u{202f}% an, aber seine Aufgaben ergeben 41,7\u{202f}%",
        ),
    ];
    for (language, as_of, due, items, percent, diagnostic) in cases {
        let config = Config {
            language,
            ..unminified()
        };
        let site = render_fixture(&config);
        let index = page(&site, "index.html");
        let code = language.code();
        assert!(index.contains(&format!("<html lang=\"{code}\">")), "{code}");
        assert!(index.contains(as_of), "{code}: {index}");
        assert!(index.contains(due), "{code}: {index}");
        assert!(index.contains(items), "{code}: {index}");
        assert!(index.contains(percent), "{code}: {index}");
        assert!(!index.contains("Timeline"), "{code}: {index}");
        let alpha = page(&site, "alpha/index.html");
        assert!(alpha.contains(diagnostic), "{code}: {alpha}");
        assert!(!alpha.contains("declares 100%"), "{code}");
    }
}

#[test]
fn rendering_is_deterministic_and_status_json_is_the_model() {
    let config = Config::default();
    let first = render_fixture(&config);
    let second = render_fixture(&config);
    assert_eq!(first.files, second.files);
    let (portfolio, _) = fixture();
    let written = page(&first, "status.json");
    let read: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(read, serde_json::to_value(&portfolio).unwrap());
    assert_eq!(
        written,
        sitrep::render::status_json::to_string(&portfolio).unwrap()
    );
    for name in [
        ".nojekyll",
        "404.html",
        "robots.txt",
        "style.css",
        "syntax.css",
    ] {
        assert!(first.files.contains_key(name), "{name}");
    }
    assert!(
        !first.files.contains_key("sitemap.xml"),
        "no base_url, no sitemap"
    );
}

#[test]
fn base_url_gives_an_absolute_sitemap_and_canonical_links() {
    let config = Config {
        base_url: Some("https://org.github.io/portal".into()),
        ..unminified()
    };
    let site = render_fixture(&config);
    let sitemap = page(&site, "sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://org.github.io/portal/alpha/</loc>"),
        "{sitemap}"
    );
    assert!(page(&site, "robots.txt").contains("Sitemap: https://org.github.io/portal/sitemap.xml"));
    let alpha = page(&site, "alpha/index.html");
    assert!(alpha.contains("rel=\"canonical\" href=\"https://org.github.io/portal/alpha/\""));
    // Internal links stay relative.
    assert!(alpha.contains("href=\"../style.css\""));
}

#[test]
fn model_text_is_escaped_everywhere() {
    let (mut portfolio, content) = fixture();
    portfolio.title = "<script>alert(1)</script>".into();
    portfolio.projects[0].name = "<img src=x onerror=alert(1)>".into();
    portfolio.projects[0].sections[0].title = "<script>alert(2)</script>".into();
    portfolio.projects[0].milestones[0].title = "<svg onload=alert(3)>".into();
    portfolio.projects[0].risks[0].title = "\"><script>alert(4)</script>".into();
    let site = render(
        &portfolio,
        &content,
        &Config::default(),
        Path::new("/nonexistent"),
    )
    .unwrap();
    assert_no_active_content(&site.files);
}

/// A document with every kind of active content, in body and front matter.
const HOSTILE: &str = r#"---
title: "<script>alert('fm')</script>"
---
# Plan <script>alert(1)</script>

<script>alert(1)</script>

<img src=x onerror=alert(1)>

[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(1))

<iframe src="https://example.com"></iframe>

<object data="x.swf"></object><embed src="x.swf">

<div onclick="alert(1)">click</div>

<a href="jav&#x61;script:alert(1)">encoded</a>

- [ ] task <span onmouseover=alert(1)>hover</span>
"#;

#[test]
fn a_hostile_document_leaves_no_active_content() {
    let portal = tempfile::tempdir().unwrap();
    std::fs::create_dir(portal.path().join("content")).unwrap();
    std::fs::write(portal.path().join("content/hostile.md"), HOSTILE).unwrap();
    std::fs::write(portal.path().join("content/_index.md"), HOSTILE).unwrap();
    let out = build(portal.path(), &[]);
    let files = read_tree(&out);
    assert!(files.contains_key("index.html"));
    assert_no_active_content(&files);
}

/// No element that runs code, no event handler attribute and no
/// `javascript:` URL in any tag of any page. Escaped text (`&lt;script&gt;`
/// shown as words) is fine: only real tags and attributes are inspected.
fn assert_no_active_content(files: &BTreeMap<String, Vec<u8>>) {
    let tag =
        regex::Regex::new(r#"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#).unwrap();
    let quoted = regex::Regex::new(r#""[^"]*"|'[^']*'"#).unwrap();
    let handler = regex::Regex::new(r"(?i)(^|[\s/])on[a-z]+\s*=").unwrap();
    let url = regex::Regex::new(
        r#"(?i)(?:href|src|action|data|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#,
    )
    .unwrap();
    for (path, bytes) in files {
        if path.ends_with(".json") {
            continue; // data, not a page: the model's serde form, served as application/json
        }
        let text = String::from_utf8_lossy(bytes);
        for found in tag.captures_iter(&text) {
            let name = found[1].to_lowercase();
            assert!(
                !["script", "iframe", "object", "embed", "frame"].contains(&name.as_str()),
                "<{name}> in {path}"
            );
            let attributes = quoted.replace_all(&found[2], "\"\"");
            assert!(
                !handler.is_match(&attributes),
                "event handler in {path}: {}",
                &found[0]
            );
            for value in url.captures_iter(&found[2]) {
                let value = value
                    .iter()
                    .skip(1)
                    .flatten()
                    .next()
                    .map(|m| m.as_str())
                    .unwrap_or("");
                let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                assert!(
                    !value.to_lowercase().starts_with("javascript:"),
                    "javascript: URL in {path}: {}",
                    &found[0]
                );
            }
        }
    }
}

// ---------- link checking ----------

fn build(root: &Path, extra: &[&str]) -> PathBuf {
    let status = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["build", "--quiet", "--as-of", "2026-11-01", "--root"])
        .arg(root)
        .args(extra)
        .status()
        .expect("run sitrep");
    assert!(status.success(), "sitrep build failed");
    root.join("public")
}

/// A small portal with a folder project, an intro and a table and code block.
fn sample_portal() -> tempfile::TempDir {
    let portal = tempfile::tempdir().unwrap();
    let content = portal.path().join("content");
    std::fs::create_dir_all(content.join("data-platform")).unwrap();
    std::fs::write(
        content.join("_index.md"),
        "# Welcome\n\nThe **status** of our projects.\n",
    )
    .unwrap();
    std::fs::write(content.join("alpha.md"), ALPHA).unwrap();
    std::fs::write(
        content.join("data-platform/index.md"),
        "# Data platform\n\n| Task | Status |\n|---|---|\n| Ingest | ✅ |\n| Model | 🔄 |\n\n```rust\nfn main() {}\n```\n",
    )
    .unwrap();
    portal
}

#[test]
fn every_internal_link_resolves_on_disk() {
    let portal = sample_portal();
    let out = build(portal.path(), &[]);
    let checked = check_links(&out);
    assert!(checked > 10, "only {checked} links checked");
}

/// Two projects of one name (corpus 11 and 17 are both "Risk Register",
/// once in capitals) show their source on the portfolio, so a reader
/// tells the cards apart; a project whose name is its own does not.
#[test]
fn projects_of_one_name_show_their_source_on_the_portfolio() {
    let portal = Portal::new();
    portal
        .write("dma/risks.md", "# Risk Register\n\n- [ ] R1\n")
        .write("pervices-risks.md", "# RISK REGISTER\n\n- [ ] R2\n")
        .write("roadmap.md", "# Roadmap\n\n- [x] Ship\n");
    let out = build(portal.root(), &[]);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let sources: Vec<&str> = index
        .split("<p class=\"project-source\"><code>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</code>").map(|(source, _)| source))
        .collect();
    assert_eq!(sources, ["dma/risks.md", "pervices-risks.md"], "{index}");
}

/// Documents that link to each other by path, as real ones do (corpus 01's
/// `[…](./ROADMAP_100_POURCENT.md)`, seed 001's `(fast-startup-plan.md)`):
/// the link leads to the document's place in the portal, also after a
/// rebuild that adds the document linked to.
#[test]
fn links_between_documents_lead_to_their_places_in_the_portal() {
    let portal = Portal::new();
    portal
        .write("_index.md", "# Portal\n\nSee the [roadmap](roadmap.md).\n")
        .write(
            "roadmap.md",
            "# Roadmap\n\n- [ ] Ship, see [sprint 2](team/sprint-2.md#risques)\n",
        )
        .write(
            "team/index.md",
            "# Team\n\n[Roadmap](../roadmap.md), [plan](../docs/PLAN.md)\n",
        );
    let out = build(portal.root(), &[]);
    let read = |page: &str| std::fs::read_to_string(out.join(page)).unwrap();
    // Not in the portal (yet): the page is not where the document is in
    // `content/`, so the link would meet a missing page; it keeps its
    // text, without a URL.
    let roadmap = read("roadmap/index.html");
    assert!(!roadmap.contains("sprint-2.md"), "{roadmap}");
    assert!(roadmap.contains("<a rel=\"noopener noreferrer\">sprint 2</a>"));
    let team = read("team/index.html");
    assert!(!team.contains("PLAN.md\""), "{team}");
    assert!(team.contains("<a rel=\"noopener noreferrer\">plan</a>"));
    // Every link left on the site leads to a file of it.
    assert!(check_links(&out) > 0);

    portal.write(
        "team/sprint-2.md",
        "# Sprint 2\n\n[Team](index.md)\n\n## Risques\n\n- [ ] R1\n",
    );
    let out = build(portal.root(), &[]);
    let read = |page: &str| std::fs::read_to_string(out.join(page)).unwrap();
    for (page, href) in [
        ("index.html", "roadmap/index.html#doc-1"),
        ("roadmap/index.html", "../team/index.html#d2-h-risques"),
        ("team/index.html", "../roadmap/index.html#doc-1"),
        ("team/index.html", "index.html#doc-1"),
    ] {
        assert!(
            read(page).contains(&format!("href=\"{href}\"")),
            "{page}: {href}"
        );
    }
    assert!(check_fragments(&out) > 4);
}

/// A document's images under `content/` are copied into the site, under
/// `files/` at their place in `content/`, and the page shows the copies; an
/// image that is not there stays as written; an image removed is gone from
/// the next build.
#[test]
fn images_beside_the_documents_are_copied_into_the_site() {
    let png = b"\x89PNG\r\n\x1a\n not really a picture";
    let portal = Portal::new();
    portal
        .write(
            "team/index.md",
            "# Team\n\n![Burndown](img/burn%20down.png)\n\n![Logo](../logo.png) \
             ![Gone](img/missing.png) [the chart](img/burn%20down.png)\n\n- [ ] Ship\n",
        )
        .write("team/img/burn down.png", png)
        .write("logo.png", png)
        .write("_index.md", "# Portal\n\n![Logo](logo.png)\n");
    let out = build(portal.root(), &[]);
    let read = |page: &str| std::fs::read_to_string(out.join(page)).unwrap();
    assert_eq!(
        std::fs::read(out.join("files/team/img/burn down.png")).unwrap(),
        png
    );
    assert_eq!(std::fs::read(out.join("files/logo.png")).unwrap(), png);
    let team = read("team/index.html");
    for src in [
        "src=\"../files/team/img/burn%20down.png\"",
        "src=\"../files/logo.png\"",
        "src=\"img/missing.png\"",
        "href=\"../files/team/img/burn%20down.png\"",
    ] {
        assert!(team.contains(src), "{src}");
    }
    assert!(read("index.html").contains("src=\"files/logo.png\""));
    // The logo is not a project: no page, no project of that name.
    assert_eq!(portal.status()["projects"].as_array().unwrap().len(), 1);

    std::fs::remove_file(portal.content().join("logo.png")).unwrap();
    let out = build(portal.root(), &[]);
    assert!(!out.join("files/logo.png").exists());
    assert!(std::fs::read_to_string(out.join("team/index.html"))
        .unwrap()
        .contains("src=\"../logo.png\""));
}

/// A risk register in `risks.md` (corpus 11 and 17 are risk registers) is
/// a project like any other: it gets a page of its own, `risks-2/`, and
/// the portal's risk register keeps `risks/`. So for every folder of the
/// site's own pages.
#[test]
fn a_project_named_like_a_page_of_the_portal_keeps_its_page() {
    let portal = Portal::new();
    for name in ["files", "page", "people", "risks", "snapshots", "timeline"] {
        portal.write(
            &format!("{name}.md"),
            format!("# {name}\n\n- [ ] Only in {name} @owner-{name}\n"),
        );
    }
    let out = build(portal.root(), &[]);
    let read = |page: &str| std::fs::read_to_string(out.join(page)).unwrap();
    for name in ["files", "page", "people", "risks", "snapshots", "timeline"] {
        let page = read(&format!("{name}-2/index.html"));
        assert!(page.contains(&format!("Only in {name}")), "{name}");
    }
    assert!(read("people/index.html").contains("owner-risks"));
    assert!(!read("risks/index.html").contains("Only in"));
    assert!(!read("timeline/index.html").contains("Only in"));
    let check = portal.run(&["check", "--format", "short", "--as-of", "2026-11-01"]);
    let said = String::from_utf8_lossy(&check.stdout);
    assert_eq!(said.matches("duplicate-slug").count(), 6, "{said}");
    assert!(
        said.contains("risks.md:1: warning[duplicate-slug]"),
        "{said}"
    );
    check_links(&out);
}

/// Seed 001 links to the plan it follows, `(fast-startup-plan.md)`, a file
/// beside it that the portal does not show. With a `source_url` the link
/// leads where the repository shows that file; `--source-url` wins over
/// the config; without either the page shows the link's text without a
/// URL, as no page of the site is that file.
#[test]
fn links_to_files_outside_the_portal_lead_into_the_source_url() {
    let Some(shared) = common::shared() else {
        return;
    };
    let seed = std::fs::read(shared.join("seeds/001_b2b292edbd904f08.txt")).unwrap();
    let portal = Portal::new();
    portal.write("windflow/suivi.md", seed);
    let href = |out: &Path| {
        let page = std::fs::read_to_string(out.join("windflow/index.html")).unwrap();
        let at = page
            .find("fast-startup-plan.md")
            .expect("the link is on the page");
        let start = page[..at].rfind("href=\"").expect("in a link") + 6;
        page[start..at + "fast-startup-plan.md".len()].to_string()
    };
    let out = build(portal.root(), &[]);
    let page = std::fs::read_to_string(out.join("windflow/index.html")).unwrap();
    assert!(!page.contains("fast-startup-plan.md"), "no URL left");
    assert!(page
        .contains("<a rel=\"noopener noreferrer\">Plan de Démarrage Rapide WindFlow Phase 1</a>"));
    check_links(&out);

    portal.write_config("source_url = \"https://github.com/org/windflow/blob/main/docs\"\n");
    assert_eq!(
        href(&build(portal.root(), &[])),
        "https://github.com/org/windflow/blob/main/docs/windflow/fast-startup-plan.md"
    );
    let flag = ["--source-url", "https://git.example.org/pmo/-/blob/v2/"];
    assert_eq!(
        href(&build(portal.root(), &flag)),
        "https://git.example.org/pmo/-/blob/v2/windflow/fast-startup-plan.md"
    );
    // A URL that is no folder on the web is refused, naming the setting.
    let refused = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["build", "--source-url", "docs/", "--root"])
        .arg(portal.root())
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--source-url"));
}

/// A project of three documents whose merge order (`index.md` first) is
/// not their path order: each item links to the line of its own document.
#[test]
fn items_link_to_the_line_of_their_own_document() {
    let portal = Portal::new();
    portal
        .write(
            "platform/index.md",
            "# Platform\n\n- [x] Kick-off\n- [ ] Main plan\n",
        )
        .write("platform/zeta.md", "# Zeta\n\n- [ ] Zeta task\n")
        .write("platform/annexe.md", "# Annexe\n\n\n- [x] Annexe task\n");
    let out = build(portal.root(), &[]);
    let page = std::fs::read_to_string(out.join("platform/index.html")).unwrap();
    for (href, text) in [
        ("#doc-1", "platform/index.md"),
        ("#doc-2", "platform/annexe.md"),
        ("#doc-3", "platform/zeta.md"),
        ("#L4", "Main plan"),
        ("#d2-L4", "Annexe task"),
        ("#d3-L3", "Zeta task"),
    ] {
        let link = format!("href=\"{href}\">{text}<");
        assert!(page.contains(&link), "{link} in {page}");
    }
    check_links(&out);
}

/// Two documents of one project with a `Tâches` section each: the first
/// section shown of each document names it, the others do not, and a
/// project of one document names none.
#[test]
fn sections_of_several_documents_name_their_document() {
    let portal = Portal::new();
    portal
        .write(
            "equipe/index.md",
            "# Équipe\n\n## Tâches\n\n- [x] Un\n\n## Suite\n\n- [ ] Deux\n",
        )
        .write(
            "equipe/semaine-2.md",
            "# Semaine 2\n\n## Tâches\n\n- [ ] Trois\n",
        )
        .write("seul.md", "# Seul\n\n## Tâches\n\n- [ ] Quatre\n");
    let out = build(portal.root(), &[]);
    let page = std::fs::read_to_string(out.join("equipe/index.html")).unwrap();
    let named: Vec<&str> = page
        .split("<p class=\"section-source\"><code>")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap())
        .collect();
    assert_eq!(named, ["equipe/index.md", "equipe/semaine-2.md"]);
    let alone = std::fs::read_to_string(out.join("seul/index.html")).unwrap();
    assert!(!alone.contains("section-source"));
}

/// A folder of eleven lots, one more than a project page shows at its
/// foot, and one with a risk.
fn eleven_lots() -> Portal {
    let portal = Portal::new();
    for n in 1..=10 {
        portal.write(
            &format!("chantier/lot{n}.md"),
            format!("# Lot {n}\n\n- [ ] Tâche {n}\n"),
        );
    }
    portal.write(
        "chantier/lot11.md",
        "# Lot 11\n\n- [ ] Tâche 11\n\n## Risques\n\n\
         - **Retard du fournisseur**\n  - Impact : Élevé\n  - Probabilité : Moyenne\n",
    );
    portal
}

/// Whether `page` has an element of id `id`.
fn has_id(page: &str, id: &str) -> bool {
    page.contains(&format!("id=\"{id}\""))
}

/// Each of eleven documents gets a page of its own, listed on the
/// project's page in the order of their numbers (`lot2` before `lot10`),
/// and every link to one of their lines, from the project's page or the
/// risk table, goes to that page and an anchor it has. The project's
/// page shows a row per document; its items are on its own page.
#[test]
fn a_project_of_many_documents_gives_each_a_page_of_its_own() {
    let portal = eleven_lots();
    let out = build(portal.root(), &[]);
    let read = |path: &str| std::fs::read_to_string(out.join(path)).expect(path);
    let page = read("chantier/index.html");
    assert!(!page.contains("class=\"prose\""), "no document on the page");
    let mut listed = 0;
    for n in 1..=11 {
        let row = format!(
            "<tr id=\"doc-{n}\"><td><a href=\"doc-{n}.html\">Lot {n}</a> \
             <code class=\"muted small\">chantier/lot{n}.md</code></td>\
             <td class=\"nowrap\">0 of 1 item</td><td class=\"nowrap\">\
             <progress max=\"100\" value=\"0\"></progress> <span class=\"progress-label\">0%</span></td></tr>"
        );
        let at = page.find(&row).unwrap_or_else(|| panic!("{row}"));
        assert!(at > listed, "lot{n} listed in its order");
        listed = at;
        let prefix = if n == 1 {
            String::new()
        } else {
            format!("d{n}-")
        };
        let document = read(&format!("chantier/doc-{n}.html"));
        let link = format!("href=\"#{prefix}L3\">Tâche {n}<");
        assert!(document.contains(&link), "{link}");
        assert!(has_id(&document, &format!("{prefix}L3")), "doc-{n}");
        let previous = format!("rel=\"prev\" href=\"doc-{}.html\"", n - 1);
        let next = format!("rel=\"next\" href=\"doc-{}.html\"", n + 1);
        assert_eq!(document.contains(&previous), n > 1, "doc-{n}");
        assert_eq!(document.contains(&next), n < 11, "doc-{n}");
        assert!(document.contains("<a href=\"index.html\">Lot 1</a>"));
    }
    assert!(page.contains("This project has 11 documents"));
    assert!(!page.contains("class=\"items\""), "no item on the page");
    // With a base URL, the sitemap names each document's page.
    let out = build(
        portal.root(),
        &["--base-url", "https://org.github.io/portal/"],
    );
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    for n in 1..=11 {
        let loc = format!("<loc>https://org.github.io/portal/chantier/doc-{n}.html</loc>");
        assert!(sitemap.contains(&loc), "{loc} in {sitemap}");
    }
    let read = |path: &str| std::fs::read_to_string(out.join(path)).expect(path);
    let risks = read("risks/index.html");
    assert!(risks.contains("href=\"../chantier/doc-11.html#d11-L7\""));
    assert!(has_id(&read("chantier/doc-11.html"), "d11-L7"));
    check_links(&out);
}

/// A document's page lists its own milestones, risks and diagnostics; the
/// page of a project of document pages lists at most 200 of each: the
/// milestones nearest the as-of date (on the timeline too), the first
/// risks by severity, and says how many there are.
#[test]
fn a_project_of_document_pages_lists_at_most_two_hundred_of_each() {
    let portal = Portal::new();
    let day = |n: i64| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(n);
    for n in 1..=11 {
        let mut text = format!(
            "# Lot {n}\n\n- [ ] Tâche {n}\n\n## Jalons\n\n| Jalon | Date | Statut |\n|---|---|---|\n"
        );
        // Lot 1's milestones are the earliest: twenty days from 1 January.
        for k in 1..=20 {
            let date = day((n - 1) * 20 + k - 1);
            text.push_str(&format!("| Jalon {n}.{k} | {date} | À faire |\n"));
        }
        text.push_str("\n## Risques\n\n| Risque | Impact | Probabilité |\n|---|---|---|\n");
        for k in 1..=20 {
            let impact = if n == 11 && k == 20 {
                "Élevé"
            } else {
                "Faible"
            };
            text.push_str(&format!(
                "| Retard fournisseur {n}.{k} | {impact} | Moyenne |\n"
            ));
        }
        portal.write(&format!("lots/lot{n}.md"), text);
    }
    let out = build(portal.root(), &[]);
    let read = |path: &str| std::fs::read_to_string(out.join(path)).expect(path);
    let page = read("lots/index.html");
    assert!(page.contains("The 200 milestones nearest today, of 220"));
    assert!(page.contains("The first 200 risks of 220"));
    // Each milestone is overdue on 1 November: a warning each.
    assert!(page.contains("The first 200 of 220"));
    // The twenty earliest milestones are left out, the latest kept.
    assert!(!page.contains(">Jalon 1.20<"), "lot 1's are the farthest");
    assert!(page.contains(">Jalon 2.1<") && page.contains(">Jalon 11.20<"));
    // The one high risk comes first in the table, and its matrix cell
    // links to its row.
    assert!(page.contains(">Retard fournisseur 11.20<") && page.contains("href=\"#risk-220\""));
    assert_eq!(page.matches("<tr><td><span class=\"level").count(), 200);
    // The timeline shows the same milestones of the project, and says so.
    let timeline = read("timeline/index.html");
    assert!(timeline.contains("A project of more than 200 milestones shows here the 200 nearest"));
    assert!(!timeline.contains(">Jalon 1.20<") && timeline.contains(">Jalon 11.20<"));

    for n in [1, 11] {
        let document = read(&format!("lots/doc-{n}.html"));
        for k in 1..=20 {
            assert!(document.contains(&format!(">Jalon {n}.{k}<")), "doc-{n}");
            assert!(
                document.contains(&format!(">Retard fournisseur {n}.{k}<")),
                "doc-{n}"
            );
        }
        assert!(!document.contains(&format!(">Retard fournisseur {}.1<", 12 - n)));
        assert_eq!(document.matches("<tr><td><span class=\"level").count(), 20);
    }
    check_links(&out);
}

/// Builds `portal` and returns how many document pages it rendered
/// (`--verbose` counts each template's pages).
fn document_pages_rendered(portal: &Portal) -> usize {
    let output = portal.run(&["build", "--verbose", "--as-of", "2026-11-01"]);
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let Some(line) = stderr
        .lines()
        .find(|line| line.trim_start().starts_with("document.html:"))
    else {
        return 0;
    };
    let (before, _) = line.split_once(" page(s)").expect("a page count");
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

/// A rebuild renders the page of a changed document only, and of one
/// that went missing from the output; a new document changes what every
/// page says ("Document 3 of 12"), and all are rendered.
#[test]
fn a_rebuild_renders_the_pages_of_changed_documents_only() {
    let portal = eleven_lots();
    let read = |path: &str| portal.read_output(path);
    assert_eq!(document_pages_rendered(&portal), 11);
    assert_eq!(document_pages_rendered(&portal), 0);
    portal.write("chantier/lot3.md", "# Lot 3\n\n- [x] Tâche 3 livrée\n");
    assert_eq!(document_pages_rendered(&portal), 1);
    assert!(read("chantier/doc-3.html").contains("Tâche 3 livrée"));
    assert!(read("chantier/doc-3.html").contains("href=\"#d3-L3\">Tâche 3 livrée<"));
    assert!(read("chantier/index.html").contains("1 of 1 item"));

    std::fs::remove_file(portal.public().join("chantier/doc-5.html")).unwrap();
    assert_eq!(document_pages_rendered(&portal), 1);
    let fifth = read("chantier/doc-5.html");
    assert!(fifth.contains("Tâche 5") && has_id(&fifth, "d5-L3"));

    portal.write("chantier/lot12.md", "# Lot 12\n");
    assert_eq!(document_pages_rendered(&portal), 12);
    assert!(read("chantier/doc-3.html").contains("Document 3 of 12 of Lot 1"));
    check_links(&portal.public());
}

#[test]
fn every_internal_link_resolves_with_a_base_url() {
    let portal = sample_portal();
    let out = build(
        portal.path(),
        &["--base-url", "https://org.github.io/portal/"],
    );
    assert!(out.join("sitemap.xml").is_file());
    check_links(&out);
}

#[test]
fn the_fixture_site_links_resolve_too() {
    for config in [unminified(), Config::default()] {
        let site = render_fixture(&config);
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in &site.files {
            let file = dir.path().join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, bytes).unwrap();
        }
        assert!(check_links(dir.path()) > 20);
    }
}

/// `SITREP_RENDER_DEMO=/tmp/fixture cargo test --test render write_demo`
/// writes the fixture site there, to look at in a browser.
#[test]
fn write_demo() {
    let Ok(dir) = std::env::var("SITREP_RENDER_DEMO") else {
        return;
    };
    for (name, language) in [("en", Language::En), ("fr", Language::Fr)] {
        let config = Config {
            language,
            ..unminified()
        };
        for (path, bytes) in &render_fixture(&config).files {
            let file = Path::new(&dir).join(name).join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, bytes).unwrap();
        }
    }
}

// ---------- folding ----------

/// A finished phase's long checklist is folded behind a summary that says
/// how many items it holds; a long list with open work, or a short one, is
/// shown as it is.
#[test]
fn long_lists_of_closed_items_are_folded_and_open_work_is_not() {
    let root = tempfile::tempdir().unwrap();
    let content = root.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let list = |n: usize, open: usize| -> String {
        (0..n)
            .map(|i| format!("- [{}] step {i}\n", if i < open { ' ' } else { 'x' }))
            .collect()
    };
    let doc = format!(
        "# Folds\n\n## Finished\n\n{}- [-] dropped step\n\n## Ongoing\n\n{}\n## Short\n\n{}",
        list(10, 0),
        list(12, 1),
        list(3, 0)
    );
    std::fs::write(content.join("folds.md"), doc).unwrap();
    std::fs::write(root.path().join("config.toml"), "minify = false\n").unwrap();
    let public = build(root.path(), &[]);
    let page = std::fs::read_to_string(public.join("folds/index.html")).unwrap();
    let html = scraper::Html::parse_document(&page);
    let summaries: Vec<String> = html
        .select(&scraper::Selector::parse("details.items-fold > summary").unwrap())
        .map(|s| s.text().collect::<String>())
        .collect();
    // Only "Finished" folds: 10 done and 1 cancelled are 11 closed items.
    assert_eq!(summaries, ["Show the 11 closed items"]);
    let folded_items = html
        .select(&scraper::Selector::parse("details.items-fold li.item").unwrap())
        .count();
    assert_eq!(folded_items, 11, "the folded items are all still there");
}

/// The risk matrix places the open risks that have an impact and a
/// probability. A project with none to place shows no grid of 25 zeros:
/// only the sentence that sends the reader to the table.
#[test]
fn a_risk_matrix_with_nothing_to_place_is_a_sentence() {
    let portal = Portal::new();
    portal.write(
        "rated.md",
        "# Rated\n\n## Risques\n\n| Risque | Impact | Probabilité |\n|---|---|---|\n| Départ du lead | 4 | 2 |\n",
    );
    portal.write(
        "unrated.md",
        "# Unrated\n\n## Risks\n\n- Vendor may be late\n- Budget may be cut\n",
    );
    portal.write(
        "closed.md",
        "# Closed\n\n## Risks\n\n- ~~Vendor may be late~~\n",
    );
    let out = build(portal.root(), &[]);
    let read = |path: &str| std::fs::read_to_string(out.join(path)).expect(path);

    let rated = read("rated/index.html");
    assert_eq!(rated.matches("<table class=\"matrix\">").count(), 1);
    assert_eq!(rated.matches("class=\"cell-count\">1<").count(), 1);

    let unrated = read("unrated/index.html");
    assert!(!unrated.contains("<table class=\"matrix\">"));
    // No matrix is drawn, and the sentence speaks of none as there.
    assert!(unrated.contains(
        "No open risk has both an impact and a probability to place on a matrix: the 2 open risk(s) are in the table."
    ));
    assert!(unrated.contains(">Vendor may be late<") && unrated.contains(">Budget may be cut<"));

    let closed = read("closed/index.html");
    assert!(!closed.contains("<table class=\"matrix\">"));
    assert!(closed.contains("<p class=\"note\">No open risk to place.</p>"));
    assert!(closed.contains("(closed)"));

    // The portfolio's risk page places the one rated risk.
    let risks = read("risks/index.html");
    assert_eq!(risks.matches("<table class=\"matrix\">").count(), 1);
}

/// The markup of Alpha's card's next milestone on the portfolio `index`.
fn alphas_next_milestone(index: &str) -> &str {
    let card = &index[index
        .find("href=\"alpha/index.html\"")
        .expect("alpha's card")..];
    let next = &card[card.find("Next milestone").expect("next milestone")..];
    &next[..next.find("</dd>").expect("its end")]
}

/// A card's next milestone is the open one due soonest: a sprint of 26
/// January to 6 February, under way on 2 February, comes before Go-live
/// (15 March), shown whole; a year-long `2026` (due 31 December) after it.
#[test]
fn a_cards_next_milestone_is_the_one_due_soonest() {
    let (mut portfolio, content) = fixture();
    let span = |title: &str, start: NaiveDate, end: NaiveDate| Milestone {
        date_end: Some(end),
        ..milestone(title, Some(start), Status::InProgress, false, 9)
    };
    let alpha = &mut portfolio.projects[0];
    let mut milestones = alpha.milestones.to_vec();
    milestones.push(span("Year", date(2026, 1, 1), date(2026, 12, 31)));
    milestones.push(span("Sprint 4", date(2026, 1, 26), date(2026, 2, 6)));
    *alpha.milestones = milestones;
    let site = render(
        &portfolio,
        &content,
        &unminified(),
        Path::new("/nonexistent"),
    )
    .expect("render");
    let index = page(&site, "index.html");
    let next = alphas_next_milestone(&index);
    assert!(next.contains("Sprint 4"), "{next}");
    assert!(
        next.contains("26\u{a0}Jan\u{a0}2026 – 6\u{a0}Feb\u{a0}2026"),
        "{next}"
    );
}

/// A milestone that moved shows it: its first plan as a hollow diamond
/// joined to it on the timelines, how many days it moved beside its date
/// in the tables, and its first plan in `status.json`.
#[test]
fn a_moved_milestone_shows_its_first_plan() {
    let (mut portfolio, content) = fixture();
    let alpha = &mut portfolio.projects[0];
    let mut milestones = alpha.milestones.to_vec();
    milestones.push(Milestone {
        date_text: "01/01/2026 → 02/03/2026".into(),
        baseline: Some(date(2026, 1, 1)),
        ..milestone("Recette", Some(date(2026, 3, 2)), Status::Todo, false, 9)
    });
    *alpha.milestones = milestones;
    let site = render(
        &portfolio,
        &content,
        &unminified(),
        Path::new("/nonexistent"),
    )
    .expect("render");
    for path in ["alpha/index.html", "timeline/index.html"] {
        let html = page(&site, path);
        // Its mark and the legend's.
        assert_eq!(
            html.matches("class=\"tl-first-plan\" points").count(),
            2,
            "{path}"
        );
        assert_eq!(
            html.matches("<line class=\"tl-moved\"").count(),
            1,
            "{path}"
        );
        assert!(html.contains("> first plan</span>"), "{path}: the legend");
        // 1 January to 2 March 2026: 60 days later.
        assert!(
            html.contains("<span class=\"moved\" title=\"first planned for 1\u{a0}Jan\u{a0}2026\">+60 d</span>"),
            "{path}"
        );
    }
    // Alpha's next milestone is Recette: its card says it moved too.
    let index = page(&site, "index.html");
    let next = alphas_next_milestone(&index);
    assert!(next.contains(">Recette</a>"), "{next}");
    assert!(
        next.contains(
            "<span class=\"moved\" title=\"first planned for 1\u{a0}Jan\u{a0}2026\">+60 d</span>"
        ),
        "{next}"
    );
    // A timeline where nothing moved has no first plan in its legend.
    let gamma = page(&site, "gamma/index.html");
    assert!(!gamma.contains("first plan"));
    let json: serde_json::Value =
        serde_json::from_str(&page(&site, "status.json")).expect("status.json is JSON");
    let recette = &json["projects"][0]["milestones"]
        .as_array()
        .expect("milestones")[3];
    assert_eq!(recette["title"], "Recette");
    assert_eq!(recette["baseline"], "2026-01-01");
    assert_eq!(
        json["projects"][0]["milestones"][0]["baseline"],
        serde_json::Value::Null
    );
}

/// A project's span: both ends, or the one the project gives.
#[test]
fn a_project_page_shows_the_period_it_knows() {
    let render_with = |start: Option<NaiveDate>, end: Option<NaiveDate>, config: &Config| {
        let (mut portfolio, content) = fixture();
        portfolio.projects[0].start = start;
        portfolio.projects[0].end = end;
        let site = render(&portfolio, &content, config, Path::new("/nonexistent")).expect("render");
        page(&site, "alpha/index.html")
    };
    let english = unminified();
    let french = Config {
        language: Language::Fr,
        ..unminified()
    };
    let both = render_with(Some(date(2025, 11, 5)), Some(date(2026, 1, 14)), &english);
    assert!(
        both.contains("<dt>Period</dt><dd>5\u{a0}Nov\u{a0}2025 → 14\u{a0}Jan\u{a0}2026</dd>"),
        "{both}"
    );
    let from = render_with(Some(date(2025, 11, 5)), None, &english);
    assert!(
        from.contains("<dt>Period</dt><dd>from 5\u{a0}Nov\u{a0}2025</dd>"),
        "{from}"
    );
    let until = render_with(None, Some(date(2026, 1, 14)), &french);
    assert!(
        until.contains("<dt>Période</dt><dd>jusqu&#39;au 14\u{a0}janv.\u{a0}2026</dd>"),
        "{until}"
    );
    assert!(!render_with(None, None, &english).contains("<dt>Period</dt>"));
}
