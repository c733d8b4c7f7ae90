//! The default templates of project pages, document pages, risk pages, timeline pages and
//! person pages are compiled into the binary (askama,
//! `src/render/compiled/`); a portal that overrides one of them, `base.html`
//! or `macros/ui.html` gets tera and its own templates. The two engines must give the same bytes, and an
//! override must always win.

mod common;

use std::collections::BTreeMap;

use common::{Portal, AS_OF};

const PROJECT_HTML: &str = include_str!("../themes/default/templates/project.html");

/// The templates the binary holds compiled, with their default text.
const COMPILED: &[(&str, &str)] = &[
    ("project.html", PROJECT_HTML),
    (
        "document.html",
        include_str!("../themes/default/templates/document.html"),
    ),
    (
        "risks.html",
        include_str!("../themes/default/templates/risks.html"),
    ),
    (
        "timeline.html",
        include_str!("../themes/default/templates/timeline.html"),
    ),
    (
        "person.html",
        include_str!("../themes/default/templates/person.html"),
    ),
];

/// Builds `portal` into `<root>/<folder>` (no cache) and reads the site back.
fn build_tree(portal: &Portal, folder: &str, as_of: &str) -> BTreeMap<String, Vec<u8>> {
    let out = portal.root().join(folder);
    let output = portal.run(&[
        "build",
        "--quiet",
        "--no-cache",
        "--as-of",
        as_of,
        "--output",
        out.to_str().expect("UTF-8 path"),
    ]);
    assert!(
        output.status.success(),
        "sitrep build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    common::read_tree(&out)
}

/// Builds `portal` as it is (compiled pages), then with each compiled
/// template's default given as an override, byte for byte plus a comment
/// after its last block (tera renders nothing of it), so that tera renders
/// those pages. Asserts every file is the same and returns how many project
/// pages of the live site were compared.
fn compare_engines(portal: &Portal, as_of: &str) -> usize {
    let compiled = build_tree(portal, "compiled", as_of);
    let templates = portal.root().join("templates");
    std::fs::create_dir_all(&templates).expect("templates folder");
    for (name, text) in COMPILED {
        let through_tera = format!("{text}{{# the default, through tera #}}\n");
        std::fs::write(templates.join(name), through_tera).expect("override");
    }
    let tera = build_tree(portal, "tera", as_of);
    std::fs::remove_dir_all(&templates).expect("templates removed");

    assert_eq!(
        compiled.keys().collect::<Vec<_>>(),
        tera.keys().collect::<Vec<_>>(),
        "the same files"
    );
    let mut project_pages = 0;
    for (path, bytes) in &compiled {
        let other = &tera[path];
        if bytes != other {
            let (a, b) = (
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(other),
            );
            let (line, (x, y)) = a
                .lines()
                .zip(b.lines())
                .enumerate()
                .find(|(_, (x, y))| x != y)
                .unwrap_or((0, ("(one is longer)", "")));
            panic!(
                "{path} differs at line {}:\ncompiled: {x}\ntera:     {y}",
                line + 1
            );
        }
        // Archived snapshot sites are copies of what `snapshot` built.
        if !path.starts_with("snapshots/")
            && bytes
                .windows(b"<article class=\"project\">".len())
                .any(|w| w == b"<article class=\"project\">")
        {
            project_pages += 1;
        }
    }
    project_pages
}

#[test]
fn seed_and_corpus_project_pages_are_the_same_compiled_or_through_tera() {
    let Some(shared) = common::shared() else {
        return;
    };
    let mut files = common::seed_files(&shared);
    files.extend(common::corpus_files(&shared));
    let portal = Portal::with_copies(&files);
    // Every document is its own project here: 5 seeds and 24 real documents.
    assert_eq!(compare_engines(&portal, AS_OF), files.len());
}

/// Week 1 and week 2 of a project, so that its page shows history: the
/// burn-up chart and table, a slipped milestone, the changes since the last
/// snapshot. Also an item of each kind the item rows show (percent, id,
/// owner, points, due and overdue, cancelled) and a folded section.
const WEEK_1: &str = "# Alpha\n\nDernière mise à jour : 02/11/2026\n\n## Travaux\n\n\
- [x] Cadrage\n- [ ] Développement (40 %) @marie #T-12 (5 points) échéance : 20/10/2026\n\
- [ ] ~~Ancienne piste~~ (annulé)\n- [ ] Recette\n\n\
## Fait\n\n- [x] Un\n- [x] Deux\n- [x] Trois\n- [x] Quatre\n- [x] Cinq\n- [x] Six\n- [x] Sept\n- [x] Huit\n- [x] Neuf\n\n\
## Jalons\n\n| Jalon | Date |\n|---|---|\n| Mise en production | 01/12/2026 |\n\n\
## Risques\n\n- **Départ du développeur principal** <l'équipe & \"nous\">\n  - Impact : Élevé\n  - Probabilité : Faible\n";

const WEEK_2: &str = "# Alpha\n\nDernière mise à jour : 09/11/2026\n\n## Travaux\n\n\
- [x] Cadrage\n- [x] Développement @marie #T-12\n- [ ] Recette\n- [ ] Formation\n\n\
## Jalons\n\n| Jalon | Date |\n|---|---|\n| Mise en production | 15/12/2026 |\n\n\
## Météo\n\n| Axe | Météo | Commentaire |\n|---|---|---|\n| Planning | 🌧️ | Recette <décalée> & \"retard\" |\n| Budget | ☀️ | |\n";

#[test]
fn a_project_page_with_history_is_the_same_compiled_or_through_tera() {
    let portal = Portal::new();
    portal.write("alpha.md", WEEK_1);
    let snapshot = portal.run(&["snapshot", "--as-of", "2026-11-02"]);
    assert!(snapshot.status.success(), "{snapshot:?}");
    portal.write("alpha.md", WEEK_2);
    // Beta's lots: a section's declared parts, listed under its bar.
    portal.write(
        "beta.md",
        "# Beta\n\n- [ ] Lancement\n\n## Avancement\n\n```\nLot 1 ████░ 80%\nLot 2 █░░░░ 20%\n```\n",
    );
    let compiled = build_tree(&portal, "probe", "2026-11-09");
    let beta = String::from_utf8_lossy(&compiled["beta/index.html"]).into_owned();
    assert!(beta.contains("class=\"parts\""), "{beta}");
    let alpha = String::from_utf8_lossy(&compiled["alpha/index.html"]).into_owned();
    // The page does show history (else the comparison below would not
    // cover that part of the template).
    assert!(alpha.contains("id=\"history\""), "{alpha}");
    assert!(alpha.contains("id=\"burn-up-title\""), "{alpha}");
    assert!(alpha.contains("id=\"slips-title\""), "{alpha}");
    assert!(alpha.contains("class=\"changes\""), "{alpha}");
    assert!(alpha.contains("id=\"areas-title\""), "{alpha}");
    assert_eq!(compare_engines(&portal, "2026-11-09"), 2);
}

/// A project of twelve documents (a folder): its page's head names the
/// first ten, each linked to its own page, and leads to the table of all
/// twelve for the other two, the same through either engine.
#[test]
fn a_project_of_many_documents_names_ten_in_its_head() {
    let portal = Portal::new();
    for n in 1..=12 {
        portal.write(
            &format!("lots/lot{n:02}.md"),
            format!("# Lot {n}\n\n- [ ] Tâche {n}\n"),
        );
    }
    let site = build_tree(&portal, "probe", AS_OF);
    let page = String::from_utf8_lossy(&site["lots/index.html"]).into_owned();
    let head = page
        .split("<dt>Sources</dt><dd>")
        .nth(1)
        .and_then(|rest| rest.split("</dd>").next())
        .expect("the head lists the sources");
    let expected: Vec<String> = (1..=10)
        .map(|n| format!("<a href=\"doc-{n}.html\">lots/lot{n:02}.md</a>"))
        .collect();
    assert_eq!(
        head,
        format!(
            "{} <a href=\"#sections\">and 2 more</a>",
            expected.join(", ")
        )
    );
    for n in 1..=12 {
        assert!(page.contains(&format!("id=\"doc-{n}\"")), "doc-{n}");
        assert!(site.contains_key(&format!("lots/doc-{n}.html")), "doc-{n}");
    }
    assert_eq!(compare_engines(&portal, AS_OF), 1);
}

#[test]
fn an_override_of_base_or_project_template_shows_on_project_pages() {
    let portal = Portal::new();
    portal.write("alpha.md", "# Alpha\n\n- [x] Cadrage\n- [ ] Recette\n");
    let templates = portal.root().join("templates");
    std::fs::create_dir_all(&templates).expect("templates folder");

    // Only base.html: the project page (which extends it) must use it.
    let base = include_str!("../themes/default/templates/base.html")
        .replace("</footer>", "<p>Pied de page maison</p></footer>");
    std::fs::write(templates.join("base.html"), base).expect("base override");
    let site = build_tree(&portal, "base", AS_OF);
    let page = String::from_utf8_lossy(&site["alpha/index.html"]).into_owned();
    assert!(page.contains("Pied de page maison"), "{page}");
    std::fs::remove_file(templates.join("base.html")).expect("removed");

    // Only project.html.
    let project = PROJECT_HTML.replace(
        "<article class=\"project\">",
        "<article class=\"project\"><p>Vue maison</p>",
    );
    std::fs::write(templates.join("project.html"), project).expect("project override");
    let site = build_tree(&portal, "project", AS_OF);
    let page = String::from_utf8_lossy(&site["alpha/index.html"]).into_owned();
    assert!(page.contains("<p>Vue maison</p>"), "{page}");

    // Without overrides, neither.
    std::fs::remove_dir_all(&templates).expect("removed");
    let site = build_tree(&portal, "default", AS_OF);
    let page = String::from_utf8_lossy(&site["alpha/index.html"]).into_owned();
    assert!(!page.contains("maison"), "{page}");
    assert!(page.contains("<h1>Alpha</h1>"), "{page}");
}

/// A portfolio of 120 projects, two risks and two milestones each: the risk
/// table and the timeline are cut into pages, the first risk page has the
/// jumps to each severity, the first timeline page the overdue and coming
/// milestones. Marie owns an item in every project, overdue in one in
/// three, and 1,200 more in a 121st: her own pages list her 121 projects,
/// three pages of them, and her count of open items has its thousands
/// grouped.
#[test]
fn paginated_risk_timeline_and_person_pages_are_the_same_compiled_or_through_tera() {
    let portal = Portal::new();
    let levels = ["Faible", "Moyen", "Élevé"];
    for n in 0..120 {
        let due = if n % 3 == 0 {
            " échéance : 20/10/2026"
        } else {
            ""
        };
        let text = format!(
            "# Projet {n:03}\n\n- [x] Cadrage\n- [ ] Recette{due} — @marie\n\n\
             ## Jalons\n\n| Jalon | Date |\n|---|---|\n\
             | Lancement | {:02}/10/2026 |\n| Mise en production | {:02}/11/2026 |\n\n\
             ## Risques\n\n- **Retard du fournisseur {n}**\n  - Impact : {}\n  - Probabilité : {}\n\
             - **Départ d'un expert & co**\n  - Impact : {}\n  - Probabilité : Faible\n",
            1 + n % 28,
            1 + (n * 7) % 28,
            levels[n % 3],
            levels[(n / 3) % 3],
            levels[(n + 1) % 3],
        );
        portal.write(&format!("projet-{n:03}.md"), text);
    }
    // One more project, where Marie owns 1,200 open items: counts in the
    // thousands go through the `count` filter of both engines.
    let mut big = String::from("# Grand chantier\n\n");
    for k in 0..1200 {
        big.push_str(&format!("- [ ] Tâche {k} — @marie\n"));
    }
    portal.write("grand-chantier.md", big);
    let site = build_tree(&portal, "probe", AS_OF);
    for page in [
        "risks/page/3/index.html",
        "timeline/page/3/index.html",
        "people/marie/page/3/index.html",
    ] {
        assert!(site.contains_key(page), "{page} missing");
    }
    let marie = String::from_utf8_lossy(&site["people/marie/index.html"]).into_owned();
    assert!(marie.contains("class=\"overdue-items\""), "{marie}");
    assert!(
        marie.contains("<strong>1,320</strong> open items · <span class=\"flag\">! 40 overdue</span> · 121 projects"),
        "{marie}"
    );
    let risks = String::from_utf8_lossy(&site["risks/index.html"]).into_owned();
    assert!(risks.contains("id=\"severity-title\""), "{risks}");
    let timeline = String::from_utf8_lossy(&site["timeline/index.html"]).into_owned();
    assert!(timeline.contains("id=\"overdue-title\""), "{timeline}");
    assert_eq!(compare_engines(&portal, AS_OF), 121);
}
