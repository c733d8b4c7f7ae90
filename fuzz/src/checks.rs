//! What each fuzz target does with one input: call the real entry point and
//! check what must hold for every input, besides "no panic".
//!
//! One file for two users: the cargo-fuzz targets (`fuzz/fuzz_targets/`,
//! nightly or `RUSTC_BOOTSTRAP`, libFuzzer) and the stable regression test
//! `tests/fuzz_regressions.rs`, which includes this file with `#[path]` and
//! replays every input kept under `fuzz/regressions/<target>/`. So a kept
//! input is checked exactly as the fuzzer checked it, on every `cargo test`.
//!
//! A failed check panics: libFuzzer saves the input as a crash, and the
//! regression test fails.

use chrono::NaiveDate;
use scraper::{Html, Selector};
use sitrep::config::{Config, DateOrder};
use sitrep::extract::{self, dates, Context};
use sitrep::ingest::{decode, front_matter, mojibake, Document};
use sitrep::model::{DocumentStatus, Item, Section};
use sitrep::render::{links, source};

/// What could run in HTML, shared with `tests/injection.rs`.
pub mod danger;

/// The targets, by the name of their folder under `fuzz/regressions/` and
/// of their binary under `fuzz/fuzz_targets/`.
pub const TARGETS: [&str; 5] = ["decode", "front_matter", "extract", "dates", "render"];

/// Runs the check of `target` on `bytes`. Text targets skip input that is
/// not UTF-8, as libFuzzer's `&str` targets do.
pub fn run(target: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).ok();
    match target {
        "decode" => decode_bytes(bytes),
        "front_matter" => text.map_or((), split_front_matter),
        "extract" => extract_document(bytes),
        "dates" => text.map_or((), read_dates),
        "render" => text.map_or((), render_source),
        other => panic!("unknown fuzz target {other}"),
    }
}

/// The portal as-of date the targets use: any fixed date does, so that the
/// result never depends on the day the fuzzer runs.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date")
}

/// Any bytes: decoding (UTF-8, UTF-16 with BOM, legacy code pages, binary),
/// then mojibake repair, then front matter, as `Document::from_bytes` does.
/// Line N of the text must stay line N of the file, and no NUL survives.
pub fn decode_bytes(bytes: &[u8]) {
    let decoded = decode::decode(bytes);
    let repaired = mojibake::repair(&decoded.text);
    assert_eq!(
        repaired.text.split('\n').count(),
        decoded.text.split('\n').count(),
        "mojibake repair must keep line numbers"
    );
    let document = Document::from_bytes("fuzz.md", bytes);
    assert!(!document.text.contains('\0'), "NUL bytes are removed");
    assert_eq!(
        document.text.split('\n').count(),
        decoded.text.split('\n').count(),
        "front matter is blanked, not removed"
    );
}

/// Any text: front matter detection and parsing (TOML `+++`, YAML `---`).
/// The blanked text keeps the line count (diagnostic lines depend on it),
/// and every problem points at a line of the input.
pub fn split_front_matter(text: &str) {
    let split = front_matter::split(text);
    let lines = text.split('\n').count();
    assert_eq!(
        split.text.split('\n').count(),
        lines,
        "front matter is blanked, not removed"
    );
    for problem in &split.problems {
        assert!(
            (1..=lines).contains(&problem.line),
            "problem on line {} of {lines}",
            problem.line
        );
    }
}

/// Any bytes as one document: ingest, then the whole extraction with the
/// default configuration. The status must serialise to JSON that reads back
/// (status.json), every number must be finite, and everything extracted must
/// point at a line of the document.
pub fn extract_document(bytes: &[u8]) {
    let config = Config::default();
    let context = Context::new(&config, as_of());
    let document = Document::from_bytes("fuzz.md", bytes);
    let status = extract::extract(&document, &context);
    let json = serde_json::to_string(&status).expect("a status serialises");
    let back: DocumentStatus = serde_json::from_str(&json).expect("status.json reads back");
    assert_eq!(back.sections.len(), status.sections.len());
    check_lines(&status, document.text.split('\n').count());
}

/// Every line an extracted thing points at is a line of the document, and
/// every number is finite (NaN would be written as `null` in status.json).
fn check_lines(status: &DocumentStatus, lines: usize) {
    let on_a_line = |what: &str, line: usize| {
        assert!(
            (1..=lines).contains(&line),
            "{what} on line {line} of {lines}"
        );
    };
    fn walk_items(items: &[Item], on_a_line: &dyn Fn(&str, usize)) {
        for item in items {
            on_a_line("item", item.line);
            for number in [item.percent, item.points].into_iter().flatten() {
                assert!(number.is_finite(), "item number {number}");
            }
            walk_items(&item.children, on_a_line);
        }
    }
    fn walk_sections(sections: &[Section], on_a_line: &dyn Fn(&str, usize)) {
        for section in sections {
            on_a_line("section", section.line);
            for number in [section.progress, section.declared_progress]
                .into_iter()
                .flatten()
            {
                assert!(number.is_finite(), "section number {number}");
            }
            walk_items(&section.items, on_a_line);
            walk_sections(&section.sections, on_a_line);
        }
    }
    walk_sections(&status.sections, &on_a_line);
    for declaration in &status.declarations {
        on_a_line("declaration", declaration.line);
        assert!(declaration.value.is_finite(), "{declaration:?}");
    }
    for milestone in &status.milestones {
        on_a_line("milestone", milestone.line);
    }
    for risk in &status.risks {
        on_a_line("risk", risk.line);
    }
    for diagnostic in &status.diagnostics {
        on_a_line("diagnostic", diagnostic.line);
    }
}

/// Any text: the date reader, in both date orders, inside a line
/// (`find_dates`) and as a whole cell (`parse_date`, `is_placeholder`).
/// Every range it returns lies on char boundaries of the input, in order.
pub fn read_dates(text: &str) {
    for order in [DateOrder::Dmy, DateOrder::Mdy] {
        let found = dates::find_dates(text, as_of(), order);
        for (date, range) in &found {
            assert!(
                range.start < range.end && text.get(range.clone()).is_some(),
                "range {range:?} empty or off a char boundary"
            );
            let _ = dates::period_end(date);
        }
        // The date now and the first plan are dates of the line, and
        // differ; the text stands for its own line as written.
        if let Some((now, first)) = dates::date_now(text, text, &found) {
            assert!(now < found.len(), "date now {now} of {}", found.len());
            if let Some(first) = first {
                assert!(first < found.len() && first != now, "first plan {first}");
            }
        }
        let _ = dates::parse_date(text, as_of(), order);
    }
    for range in dates::find_placeholders(text) {
        assert!(
            text.get(range.clone()).is_some(),
            "placeholder {range:?} off a char boundary"
        );
    }
    let _ = dates::is_placeholder(text);
}

/// Any text: the original document as its project page shows it (markdown
/// to HTML, code highlighting, line anchors, then the sanitiser). Parsed as
/// a browser would, the HTML must hold nothing that runs: no script or
/// embedding element, no event handler, no inline style, no `javascript:`
/// or `data:` URL, and only the ids and classes sitrep itself writes.
///
/// The document is the second of a project that links to two others, so
/// that its relative links are resolved into the portal too.
pub fn render_source(text: &str) {
    let mut targets = links::LinkTargets::default();
    for (path, page, anchor, prefix) in [
        ("team/index.md", "team/index.html", "doc-1", ""),
        ("roadmap.md", "roadmap/index.html", "doc-1", ""),
        ("big/lot 2.md", "big/doc-2.html", "", "d2-"),
    ] {
        targets.add(path, page.into(), anchor.into(), prefix.into());
    }
    let origin = links::Origin {
        source: "team/sprint-2.md",
        page: "team/index.html",
        targets: &targets,
    };
    let rendered = source::render_document(text, "d2-", origin);
    if let Some(danger) = first_danger(&rendered.html) {
        panic!("{danger} in {}", rendered.html);
    }
}

/// The first thing in `html` that could run, or that the renderer never
/// writes itself, as a browser would parse it.
pub fn first_danger(html: &str) -> Option<String> {
    let fragment = Html::parse_fragment(html);
    let every = Selector::parse("*").expect("valid selector");
    fragment.select(&every).find_map(danger)
}

/// Elements a rendered document never holds besides those that run
/// ([`danger::ACTIVE_ELEMENTS`]): they restyle, redirect or submit.
const FOREIGN_ELEMENTS: [&str; 4] = ["style", "link", "meta", "form"];

/// What is wrong with one element of the rendered document, if anything:
/// what could run on any page ([`danger::could_run`]), or what the renderer
/// never writes itself (stricter than a whole page, whose own template has
/// styles, ids and classes).
fn danger(element: scraper::ElementRef) -> Option<String> {
    danger::could_run(element).or_else(|| foreign(element))
}

/// An element, attribute, URL, id or class the renderer never writes.
fn foreign(element: scraper::ElementRef) -> Option<String> {
    let name = element.value().name().to_ascii_lowercase();
    if FOREIGN_ELEMENTS.contains(&name.as_str()) {
        return Some(format!("<{name}> element"));
    }
    for (attribute, value) in element.value().attrs() {
        let attribute = attribute.to_ascii_lowercase();
        if attribute == "style" {
            return Some(format!("{attribute}= on <{name}>"));
        }
        let squashed = danger::squashed(value);
        if ["javascript:", "vbscript:", "data:"]
            .iter()
            .any(|scheme| squashed.starts_with(scheme))
        {
            return Some(format!("{attribute}=\"{value}\" on <{name}>"));
        }
        if attribute == "id" && !is_own_anchor(value) {
            return Some(format!("id=\"{value}\" on <{name}>"));
        }
        if attribute == "class"
            && !value
                .split_whitespace()
                .all(|class| class.starts_with("hl-") || class == "code")
        {
            return Some(format!("class=\"{value}\" on <{name}>"));
        }
    }
    None
}

/// `d2-L12`, `d2-h-notes`: the anchors the renderer writes with the
/// prefix used above (a heading's slug: letters, digits, `-` and `_`).
fn is_own_anchor(id: &str) -> bool {
    let slug = id.strip_prefix("d2-h-").or_else(|| id.strip_prefix("h-"));
    if let Some(slug) = slug {
        return !slug.is_empty()
            && slug
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    }
    id.strip_prefix("d2-L")
        .or_else(|| id.strip_prefix('L'))
        .or_else(|| id.strip_prefix("intro-L"))
        .or_else(|| {
            // `d7-L3`: any document number, as the sanitiser allows.
            let rest = id.strip_prefix('d')?;
            let (number, line) = rest.split_once("-L")?;
            number.bytes().all(|b| b.is_ascii_digit()).then_some(line)
        })
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}
