//! Hostile documents: OWASP XSS filter-evasion vectors placed in every spot a
//! document can hold text (item text, titles, front matter, table cells,
//! links, image sources, headings, raw HTML blocks). Every output page is
//! then parsed as a browser would (html5ever) and checked for anything that
//! could run: script elements, event handler attributes, `javascript:` and
//! similar URLs, frames, objects and embeds (`fuzz/src/danger.rs`, shared
//! with the fuzz `render` check).

mod common;
#[path = "../fuzz/src/danger.rs"]
mod danger;

use common::Portal;
use danger::could_run as danger;
use scraper::{Html, Selector};

const VECTORS: &str = include_str!("fixtures/xss-vectors.txt");

/// A document that carries `vector` in every place a document holds text.
fn hostile_document(vector: &str) -> String {
    let title = serde_json::to_string(vector).expect("JSON string");
    let one_line = vector.replace('\n', " ");
    format!(
        "+++\ntitle = {title}\nname = {title}\nowner = {title}\n+++\n\
         # {one_line}\n\n\
         **Dernière mise à jour :** 01/10/2026 {one_line}\n\n\
         ## {one_line}\n\n\
         - [ ] {one_line} @owner\n\
         - [x] [{one_line}]({one_line})\n\
         - [ ] ![{one_line}]({one_line})\n\
         - [ ] [link](javascript:alert(1)) and <{one_line}>\n\n\
         | Tâche | Statut | Responsable |\n|---|---|---|\n| {cell} | En cours | {cell} |\n\n\
         ## Jalons\n\n| Jalon | Date |\n|---|---|\n| {cell} | 2026-12-01 |\n\n\
         ## Risques\n\n- **{one_line}**\n  - Impact : Élevé\n  - Mitigation : {one_line}\n\n\
         {vector}\n\n<div>{vector}</div>\n",
        cell = one_line.replace('|', "\\|"),
    )
}

/// The same vector in markdown spots only: no raw HTML paragraph or block
/// of ours, so a vector that is not HTML itself (a bare `javascript:` URL)
/// leaves the document free of raw HTML, and its source page takes the path
/// without ammonia (`render::source`), where sitrep checks URLs itself.
fn markdown_only_document(vector: &str) -> String {
    let one_line = vector.replace('\n', " ");
    format!(
        "# Projet\n\n\
         - [x] [{one_line}]({one_line})\n\
         - [ ] [angle](<{one_line}>) and ![image](<{one_line}>)\n\
         - [ ] [reference][r] and <{one_line}>\n\n\
         [r]: <{one_line}>\n"
    )
}

/// URL tricks that are not HTML: they reach the path without ammonia.
const URL_EVASIONS: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java&#09;script:alert(1)",
    "java&#x0A;script:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "\u{1}javascript:alert(1)",
    "vbscript:msgbox(1)",
    "livescript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "jAvAsCrIpT&colon;alert(1)",
];

#[test]
fn no_vector_survives_into_any_page() {
    let vectors: Vec<&str> = VECTORS.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(vectors.len() >= 50, "at least 50 vectors are tried");
    let portal = Portal::new();
    for (n, vector) in vectors.iter().enumerate() {
        portal.write(&format!("v{n:03}.md"), hostile_document(vector));
        portal.write(&format!("m{n:03}.md"), markdown_only_document(vector));
    }
    for (n, vector) in URL_EVASIONS.iter().enumerate() {
        portal.write(&format!("u{n:03}.md"), markdown_only_document(vector));
    }
    portal.build();
    let all = Selector::parse("*").expect("selector");
    let mut problems = Vec::new();
    let mut pages = 0;
    for (path, bytes) in common::tree(&portal.public()) {
        let text = String::from_utf8_lossy(&bytes);
        if path.ends_with(".html") || path.ends_with(".svg") {
            pages += 1;
            let document = Html::parse_document(&text);
            for element in document.select(&all) {
                if let Some(problem) = danger(element) {
                    problems.push(format!("{path}: {problem}"));
                }
            }
        } else if path.ends_with(".xml") && text.to_ascii_lowercase().contains("<script") {
            problems.push(format!("{path}: raw <script> in XML"));
        }
    }
    assert!(
        pages > vectors.len(),
        "every project has a page ({pages} pages)"
    );
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_checker_itself_catches_each_kind_of_danger() {
    // The test above is only worth something if `danger` sees what it must.
    let page = Html::parse_document(
        "<p onclick=\"x\">a</p><a href=\" java\tscript:alert(1)\">b</a><script>x</script>\
         <iframe src=x></iframe><img src=x style=\"width:expression(alert(1))\">\
         <meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">\
         <a href=\"IMG%20SRC=javascript:alert(1)\">a relative path, harmless</a>",
    );
    let all = Selector::parse("*").unwrap();
    let found: Vec<String> = page.select(&all).filter_map(danger).collect();
    assert_eq!(found.len(), 6, "{found:?}");
}

/// Defence in depth: even a vector the sanitiser missed could not run,
/// because every page forbids inline script and style and any script not
/// served by the site itself. The pages honour their own policy: no inline
/// script or style element, no `style` attribute.
#[test]
fn every_page_carries_a_policy_that_forbids_inline_script_and_keeps_to_it() {
    let portal = Portal::new();
    portal.write("a.md", hostile_document("<script>alert(1)</script>"));
    portal.write(
        "b.md",
        "# B\n\n## Phase 1 — 50 %\n\n- [x] one\n- [ ] two\n\n| Jalon | Date |\n|---|---|\n| Go | 2026-12-01 |\n",
    );
    portal.build();
    let meta = Selector::parse("meta[http-equiv=\"Content-Security-Policy\"]").unwrap();
    let inline = Selector::parse("script:not([src]), style, [style]").unwrap();
    let mut pages = 0;
    for (path, bytes) in common::tree(&portal.public()) {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let page = Html::parse_document(&String::from_utf8_lossy(&bytes));
        let policy = page
            .select(&meta)
            .next()
            .and_then(|m| m.value().attr("content"))
            .unwrap_or_else(|| panic!("{path}: no Content-Security-Policy meta"));
        let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
        assert!(
            directives.contains(&"script-src 'self'"),
            "{path}: {policy}"
        );
        assert!(directives.contains(&"style-src 'self'"), "{path}: {policy}");
        assert!(
            directives.contains(&"object-src 'none'"),
            "{path}: {policy}"
        );
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        let offenders: Vec<String> = page.select(&inline).map(|e| e.html()).collect();
        assert!(offenders.is_empty(), "{path}: {offenders:?}");
    }
    assert!(
        pages >= 6,
        "portfolio, cross-project and project pages ({pages})"
    );
}
