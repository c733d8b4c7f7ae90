//! Cross-project pages of a large portfolio: 1,200 tiny projects, each with
//! one overdue milestone, one milestone due within 30 days, one critical
//! risk and two owners, split into programmes. The expected figures follow
//! from how the documents are written, not from what the program prints:
//!
//! - portfolio: 50 projects a page → 24 pages; programmes `Achats`
//!   (projects 1, 4, 7, …: 400), `Usine` (3, 6, 9, …: 400), and the 400 that
//!   name none, under "Other projects", last;
//! - timeline: 1,200 overdue milestones and 1,200 due in the next 30 days;
//! - risks: 1,200 risks in the impact 4 × probability 4 cell, 50 to 200 a page;
//! - people: `@claire` in every project, one `@devNNNN` in each: 1,201 people.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use common::{check_links, Portal};
use scraper::{ElementRef, Html, Selector};

const PROJECTS: usize = 1200;

/// Projet 0001 … Projet 1200: the programme of project `n` by `n % 3`.
fn document(n: usize) -> String {
    let program = match n % 3 {
        1 => "program: Achats\n",
        0 => "program: Usine\n",
        _ => "",
    };
    format!(
        "---\ntitle: Projet {n:04}\n{program}---\n\
         # Projet {n:04}\n\n\
         **Dernière mise à jour :** 20/10/2026\n\n\
         ## Tâches\n\n\
         - [x] Cadrage @claire\n\
         - [ ] Réalisation @dev{n:04}\n\n\
         ## Jalons\n\n\
         | Jalon | Date | Statut |\n|---|---|---|\n\
         | Lancement {n:04} | 15/10/2026 | À faire |\n\
         | Livraison {n:04} | 20/11/2026 | À faire |\n\n\
         ## Risques\n\n\
         - **Panne {n:04}** : impact élevé, probabilité élevée. Action : redonder.\n"
    )
}

/// The large portal, built once for every test of this file.
static LARGE: LazyLock<PathBuf> = LazyLock::new(|| {
    let portal = Portal::new();
    for n in 1..=PROJECTS {
        portal.write(&format!("projet-{n:04}.md"), document(n));
    }
    portal.build();
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scale-portal");
    let _ = std::fs::remove_dir_all(&kept);
    copy_tree(&portal.public(), &kept);
    kept
});

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("entry");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The pages of the list kept in `folder` (`""`, `"risks/"`, …), in order:
/// `index.html`, then `page/2/index.html`, … as long as they exist.
fn pages(out: &Path, folder: &str) -> Vec<(String, Html)> {
    let mut pages = Vec::new();
    for number in 1.. {
        let path = if number == 1 {
            format!("{folder}index.html")
        } else {
            format!("{folder}page/{number}/index.html")
        };
        let Ok(text) = std::fs::read_to_string(out.join(&path)) else {
            break;
        };
        pages.push((path, Html::parse_document(&text)));
    }
    pages
}

fn select<'h>(html: &'h Html, selector: &str) -> Vec<ElementRef<'h>> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).collect()
}

fn text(element: &ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn href(element: &ElementRef) -> String {
    element.value().attr("href").expect("href").to_string()
}

/// `href` of a link on the page at `page` (output-relative), as an
/// output-relative path, fragment kept: `../../page/3/index.html#x` →
/// `page/3/index.html#x`, `#x` → `<page>#x`.
fn resolve(page: &str, href: &str) -> String {
    let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    if file.is_empty() {
        return format!("{page}#{fragment}");
    }
    for part in file.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." => {}
            other => parts.push(other),
        }
    }
    let path = parts.join("/");
    if fragment.is_empty() {
        path
    } else {
        format!("{path}#{fragment}")
    }
}

/// Whether `target` (`path#id`) names an element that exists.
fn anchor_exists(out: &Path, target: &str) -> bool {
    let (path, id) = target.split_once('#').expect("a fragment");
    let html = Html::parse_document(&std::fs::read_to_string(out.join(path)).expect("page"));
    !select(&html, &format!("[id=\"{id}\"]")).is_empty()
}

/// How many times each text of `items` occurs.
fn tally(items: impl IntoIterator<Item = String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_insert(0) += 1;
    }
    counts
}

#[test]
fn the_portfolio_lists_every_project_once_fifty_a_page() {
    let out = LARGE.as_path();
    let pages = pages(out, "");
    assert_eq!(pages.len(), 24);
    let mut slugs = Vec::new();
    for (path, html) in &pages {
        let cards = select(html, ".project-card .project-name a");
        assert_eq!(cards.len(), 50, "{path}");
        slugs.extend(cards.iter().map(|a| resolve(path, &href(a))));
    }
    let counts = tally(slugs);
    assert_eq!(counts.len(), PROJECTS);
    assert!(counts.values().all(|&n| n == 1));
    assert_eq!(counts.get("projet-0001/index.html"), Some(&1));
    assert_eq!(counts.get("projet-1200/index.html"), Some(&1));
    // The summary comes first, on page 1 only.
    assert_eq!(select(&pages[0].1, ".tiles").len(), 1);
    assert!(select(&pages[1].1, ".tiles").is_empty());
}

#[test]
fn programmes_group_the_projects_and_lead_to_where_they_begin() {
    let out = LARGE.as_path();
    let pages = pages(out, "");
    let first = &pages[0].1;
    let rows: Vec<(String, String, String)> = select(first, "#programs-title ~ .scroll tbody tr")
        .iter()
        .map(|row| {
            let cells = select_in(row, "td");
            let link = select_in(row, "a")[0];
            (text(&cells[0]), text(&cells[1]), href(&link))
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Achats".into(), "400".into(), "#group-achats".into()),
            (
                "Usine".into(),
                "400".into(),
                "page/9/index.html#group-usine".into()
            ),
            (
                "Other projects".into(),
                "400".into(),
                "page/17/index.html#group-other".into()
            ),
        ]
    );
    for (_, _, target) in &rows {
        assert!(
            anchor_exists(out, &resolve("index.html", target)),
            "{target}"
        );
    }
    // Achats holds projects 1, 4, 7, …: page 1 opens with Projet 0001.
    let headings = select(first, "h3.group-title");
    assert_eq!(headings.len(), 1);
    assert_eq!(text(&headings[0]), "Achats 400 projects");
    let cards = select(first, ".project-card h4.project-name");
    assert_eq!(text(&cards[0]), "Projet 0001");
    assert_eq!(text(&cards[1]), "Projet 0004");
    // Page 2 carries on with Achats, said so, without a second id.
    let continued = select(&pages[1].1, "h3.group-title");
    assert_eq!(text(&continued[0]), "Achats (continued) 400 projects");
    assert_eq!(continued[0].value().attr("id"), None);
    // Page 9 begins Usine (projects 3, 6, …); page 17 the projects without a programme.
    let usine = select(&pages[8].1, "h3.group-title");
    assert_eq!(usine[0].value().attr("id"), Some("group-usine"));
    assert_eq!(
        text(&select(&pages[8].1, ".project-card h4.project-name")[0]),
        "Projet 0003"
    );
    let other = select(&pages[16].1, "h3.group-title");
    assert_eq!(text(&other[0]), "Other projects 400 projects");
    assert_eq!(
        text(&select(&pages[16].1, ".project-card h4.project-name")[0]),
        "Projet 0002"
    );
}

fn select_in<'h>(element: &ElementRef<'h>, selector: &str) -> Vec<ElementRef<'h>> {
    let selector = Selector::parse(selector).expect("selector");
    element.select(&selector).collect()
}

#[test]
fn page_navigation_is_labelled_and_marks_the_current_page() {
    let out = LARGE.as_path();
    for folder in ["", "timeline/", "risks/", "people/"] {
        let pages = pages(out, folder);
        assert!(pages.len() > 1, "{folder} is not cut into pages");
        for (path, html) in &pages {
            let navs = select(html, "nav.pagination");
            let labels: Vec<&str> = navs
                .iter()
                .map(|nav| nav.value().attr("aria-label").expect("aria-label"))
                .collect();
            assert_eq!(labels, ["Pages", "Pages, end of the list"], "{path}");
            for nav in &navs {
                let current = select_in(nav, "a[aria-current=\"page\"]");
                assert_eq!(current.len(), 1, "{path}");
                assert_eq!(resolve(path, &href(&current[0])), *path);
            }
        }
    }
}

#[test]
fn every_link_of_the_large_portal_resolves() {
    let checked = check_links(LARGE.as_path());
    assert!(checked > 10 * PROJECTS, "only {checked} links checked");
}

/// Every folder at the site's root that is no project's is one the ingest
/// keeps projects out of (`SITE_FOLDERS`): a new folder of the site's own
/// pages, not added there, would take a project's page away.
#[test]
fn the_site_s_own_folders_are_kept_from_projects() {
    let status: serde_json::Value =
        serde_json::from_slice(&std::fs::read(LARGE.join("status.json")).unwrap()).unwrap();
    let slugs: Vec<&str> = status["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|project| project["slug"].as_str().unwrap())
        .collect();
    let mut own: Vec<String> = std::fs::read_dir(LARGE.as_path())
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().unwrap().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !slugs.contains(&name.as_str()))
        .collect();
    own.sort();
    assert_eq!(own, ["page", "people", "risks", "timeline"]);
    for folder in &own {
        assert!(sitrep::ingest::projects::SITE_FOLDERS.contains(&folder.as_str()));
    }
}

#[test]
fn no_page_reaches_two_megabytes() {
    let pages = common::read_tree(LARGE.as_path())
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"));
    for (path, bytes) in pages {
        assert!(bytes.len() < 2_000_000, "{path}: {} bytes", bytes.len());
    }
}

#[test]
fn the_timeline_sums_up_overdue_and_coming_milestones_then_pages_the_rest() {
    let out = LARGE.as_path();
    let pages = pages(out, "timeline/");
    assert_eq!(pages.len(), 24);
    let first = &pages[0].1;
    let summary_titles: Vec<String> = select(first, "#overdue-title, #coming-title")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        summary_titles,
        [
            "Overdue milestones (1,200)",
            "Milestones in the next 30 days (1,200)"
        ]
    );
    assert_eq!(
        select(first, "[aria-labelledby=\"overdue-title\"] tbody tr").len(),
        25
    );
    // All 1,200 fall on the same day: the first 25 projects' show, in
    // project order (a stable sort of the whole list would keep it).
    let overdue: Vec<String> = select(
        first,
        "[aria-labelledby=\"overdue-title\"] tbody tr td:nth-child(3)",
    )
    .iter()
    .map(text)
    .collect();
    let expected: Vec<String> = (1..=25).map(|n| format!("Lancement {n:04}")).collect();
    assert_eq!(overdue, expected);
    let note = select(first, "[aria-labelledby=\"overdue-title\"] .note");
    assert_eq!(text(&note[0]), "1,175 more, in the pages below.");
    // Each page draws its own 50 projects and lists their 100 milestones.
    let mut titles = Vec::new();
    for (path, html) in &pages {
        assert_eq!(select(html, "text.tl-label").len(), 50, "{path}");
        let rows = select(
            html,
            "[aria-labelledby=\"table-title\"] tbody tr td:nth-child(3)",
        );
        assert_eq!(rows.len(), 100, "{path}");
        titles.extend(rows.iter().map(text));
    }
    let counts = tally(titles);
    assert_eq!(counts.len(), 2 * PROJECTS);
    assert!(counts.values().all(|&n| n == 1));
    assert_eq!(counts.get("Lancement 0777"), Some(&1));
}

#[test]
fn the_risk_matrix_names_five_risks_a_cell_and_links_to_the_rest() {
    let out = LARGE.as_path();
    let pages = pages(out, "risks/");
    // About 100 rows a page: between 50 and 200, the last page shorter.
    assert!((6..=24).contains(&pages.len()), "{} pages", pages.len());
    let first = &pages[0].1;
    let full: Vec<ElementRef> = select(first, "td.has-risks");
    assert_eq!(full.len(), 1);
    let cell = &full[0];
    assert!(
        text(cell).starts_with("Impact 4, Probability 4: 1,200"),
        "{}",
        text(cell)
    );
    // Named by their titles, the project on hover: ids start again in
    // every project.
    let named: Vec<(String, String)> = select_in(cell, "li a")
        .iter()
        .map(|a| (text(a), a.value().attr("title").unwrap_or("").to_string()))
        .collect();
    let expected: Vec<(String, String)> = (1..=5)
        .map(|n| {
            (
                format!("Panne {n:04}"),
                format!("Projet {n:04} · Panne {n:04}"),
            )
        })
        .collect();
    assert_eq!(named, expected);
    let more = select_in(cell, "a.cell-more")[0];
    assert_eq!(text(&more), "+1,195 more");
    // Same severity and score: the table keeps portfolio order, so the
    // first risk the cell leaves out is Projet 0006's.
    assert_eq!(href(&more), "#risk-projet-0006-1");
    assert!(anchor_exists(
        out,
        &resolve("risks/index.html", &href(&more))
    ));
    let jumps: Vec<String> = select(first, ".jumps li").iter().map(text).collect();
    assert_eq!(jumps, ["critical 1,200 risks from page 1"]);
    // The first page gives the total; a later one how many rows it holds
    // and their severities, which rows added before it do not change.
    let range = |html: &Html| text(&select(html, "p.list-range")[0]);
    let rows_on = |html: &Html| select(html, "tbody tr[id]").len();
    let on_first = rows_on(first);
    assert_eq!(range(first), format!("Risks 1–{on_first} of 1,200"));
    assert_eq!(
        range(&pages[1].1),
        format!("{} risks on this page: critical", rows_on(&pages[1].1))
    );
    let mut anchors = Vec::new();
    for (number, (path, html)) in pages.iter().enumerate() {
        let rows = select(html, "tbody tr[id]");
        assert!(rows.len() <= 200, "{path}");
        assert!(number + 1 == pages.len() || rows.len() >= 50, "{path}");
        anchors.extend(
            rows.iter()
                .map(|row| row.value().id().unwrap_or("").to_string()),
        );
    }
    let counts = tally(anchors);
    assert_eq!(counts.len(), PROJECTS);
    assert!(counts.values().all(|&n| n == 1));
}

/// 60 projects of 20 risks each, project `extra` (if any) a 21st: the
/// risk table of a large portfolio, before and after a risk is added in
/// the middle of it. Even risks are high (impact 4, probability 3), odd
/// ones low (impact 2, probability 2): 600 high rows, then the low ones.
fn risky_portal(extra: Option<usize>) -> Portal {
    let portal = Portal::new();
    for n in 1..=60 {
        let count = if extra == Some(n) { 21 } else { 20 };
        let risks: String = (1..=count)
            .map(|r| {
                let rating = if r % 2 == 0 {
                    "impact élevé, probabilité moyenne"
                } else {
                    "impact faible, probabilité faible"
                };
                format!("- **Panne {r} du projet {n}** : {rating}.\n")
            })
            .collect();
        portal.write(
            &format!("projet-{n:02}.md"),
            format!("# Projet {n:02}\n\n## Risques\n\n{risks}"),
        );
    }
    portal.build();
    portal
}

/// Two projects of 150 risks each: a small portfolio, but a risk table of
/// 300 rows, cut into pages of at most 200 that link to each other, and
/// every risk on one of them once.
#[test]
fn a_few_projects_of_many_risks_get_a_risk_table_in_pages() {
    let portal = Portal::new();
    for n in 1..=2 {
        let risks: String = (1..=150)
            .map(|r| {
                format!("- **Panne {r} du projet {n}** : impact élevé, probabilité moyenne.\n")
            })
            .collect();
        portal.write(
            &format!("projet-{n}.md"),
            format!("# Projet {n}\n\n## Risques\n\n{risks}"),
        );
    }
    portal.build();
    let out = portal.public();
    let pages = pages(&out, "risks/");
    assert!(pages.len() >= 2, "{} pages", pages.len());
    let mut rows = 0;
    for (path, html) in &pages {
        let on_page = select(html, "tbody tr[id]").len();
        assert!((1..=200).contains(&on_page), "{path}: {on_page} rows");
        assert!(!select(html, "nav.pagination").is_empty(), "{path}");
        rows += on_page;
    }
    assert_eq!(rows, 300);
    assert!(!out.join("page").exists(), "one page of projects");
    check_links(&out);
}

#[test]
fn a_risk_added_changes_one_page_of_the_risk_table_besides_the_first() {
    let (before, after) = (risky_portal(None), risky_portal(Some(30)));
    let (old, new) = (
        pages(&before.public(), "risks/"),
        pages(&after.public(), "risks/"),
    );
    assert!(old.len() >= 6, "1,200 rows: {} pages", old.len());
    assert_eq!(new.len(), old.len());
    let html = |portal: &Portal, path: &str| portal.read_output(path);
    let changed: Vec<&str> = (old.iter().skip(1))
        .map(|(path, _)| path.as_str())
        .filter(|path| html(&before, path) != html(&after, path))
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    // The page that changed is the one that holds the new risk.
    assert!(html(&after, changed[0]).contains("Panne 21 du projet 30"));
    let rows = |portal: &Portal, path: &str| {
        select(&Html::parse_document(&html(portal, path)), "tbody tr[id]").len()
    };
    assert_eq!(rows(&after, changed[0]), rows(&before, changed[0]) + 1);
    // Each later page says how many rows it holds and their severities;
    // one holds the last high rows and the first low ones.
    let mut spans = Vec::new();
    for (path, html) in old.iter().skip(1) {
        let text = text(&select(html, "p.list-range")[0]);
        let count = select(html, "tbody tr[id]").len();
        let (said, severities) = text.split_once(" risks on this page: ").expect(&text);
        assert_eq!(said, count.to_string(), "{path}");
        spans.push(severities.to_string());
    }
    assert!(
        spans
            .iter()
            .all(|s| ["high", "low", "high → low"].contains(&s.as_str())),
        "{spans:?}"
    );
    assert_eq!(
        spans.iter().filter(|s| *s == "high → low").count(),
        1,
        "{spans:?}"
    );
}

#[test]
fn people_are_listed_alphabetically_and_a_busy_person_gets_pages() {
    let out = LARGE.as_path();
    let pages = pages(out, "people/");
    assert_eq!(pages.len(), 25); // 1,201 people, 50 a page
    let mut names = Vec::new();
    for (_, html) in &pages {
        names.extend(select(html, ".person-name").iter().map(text));
    }
    assert_eq!(names.len(), PROJECTS + 1);
    // Pages are named by the names they hold: claire to dev0049, dev0050 to dev0099, …
    let nav = select(&pages[0].1, "nav.pagination")[0];
    let labels: Vec<String> = select_in(&nav, "li a:not([rel])")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        labels,
        [
            "Page Cl – Dev004",
            "Page Dev005 – Dev009",
            "Page Dev010 – Dev014",
            "Page Dev1200"
        ]
    );
    // A name, then the handle it was written with.
    assert_eq!(names[0], "claire @claire");
    assert_eq!(names[1], "dev0001 @dev0001");
    assert_eq!(names[PROJECTS], "dev1200 @dev1200");
    // Claire works on all 1,200 projects: her card names ten, her pages all.
    let claire = select(&pages[0].1, ".person")[0];
    assert_eq!(select_in(&claire, ".person-projects > li").len(), 10);
    let more = select_in(&claire, ".person-more a");
    assert_eq!(text(&more[0]), "All 1,200 projects of claire");
    assert_eq!(
        resolve("people/index.html", &href(&more[0])),
        "people/claire/index.html"
    );
    let her_pages = self::pages(out, "people/claire/");
    assert_eq!(her_pages.len(), 24);
    // Her only item of each project is done; her projects are counted as
    // the summary tiles count, thousands grouped.
    let figures = select(&her_pages[0].1, ".person-figures");
    assert_eq!(text(&figures[0]), "No open item · 1,200 projects");
    let mut projects = Vec::new();
    for (path, html) in &her_pages {
        let links = select(html, ".person-projects > li > a");
        projects.extend(links.iter().map(|a| resolve(path, &href(a))));
    }
    let counts = tally(projects);
    assert_eq!(counts.len(), PROJECTS);
    assert!(counts.values().all(|&n| n == 1));
}

/// Three projects, as in a team's first portal.
fn small_portal(with_programs: bool) -> Portal {
    let portal = Portal::new();
    for n in 1..=3 {
        let mut text = document(n);
        if !with_programs {
            text = text
                .replace("program: Achats\n", "")
                .replace("program: Usine\n", "");
        }
        portal.write(&format!("projet-{n:04}.md"), text);
    }
    portal.build();
    portal
}

#[test]
fn a_small_portal_has_one_page_of_everything_and_no_groups() {
    let portal = small_portal(false);
    let out = portal.public();
    for folder in ["", "timeline/", "risks/", "people/"] {
        assert!(!out.join(folder).join("page").exists(), "{folder}page/");
        let html = Html::parse_document(&portal.read_output(&format!("{folder}index.html")));
        assert!(select(&html, "nav.pagination").is_empty(), "{folder}");
        assert!(
            select(&html, ".group-title, #programs-title").is_empty(),
            "{folder}"
        );
    }
    let index = Html::parse_document(&portal.read_output("index.html"));
    assert_eq!(select(&index, ".project-card h3.project-name").len(), 3);
    // Every risk is named in its cell; each person's card lists every project.
    let risks = Html::parse_document(&portal.read_output("risks/index.html"));
    assert_eq!(select(&risks, "td.has-risks li a").len(), 3);
    assert!(!out.join("people/claire").exists());
    check_links(&out);
}

#[test]
fn a_small_portal_with_programmes_is_grouped_on_one_page() {
    let portal = small_portal(true);
    let index = Html::parse_document(&portal.read_output("index.html"));
    let headings: Vec<String> = select(&index, "h3.group-title").iter().map(text).collect();
    assert_eq!(
        headings,
        [
            "Achats 1 project",
            "Usine 1 project",
            "Other projects 1 project"
        ]
    );
    assert!(select(&index, "nav.pagination").is_empty());
    assert!(!portal.public().join("page").exists());
}
