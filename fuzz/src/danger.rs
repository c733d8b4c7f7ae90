//! What in HTML could run script, judged element by element as a browser
//! parses it (html5ever, through `scraper`).
//!
//! One file for two users: the injection tests (`tests/injection.rs`, whole
//! output pages, which include this file with `#[path]`) and the fuzz
//! `render` check (`fuzz/src/checks.rs`, a rendered document, which adds
//! stricter rules of its own on top).

use scraper::ElementRef;

/// URL-carrying attributes a browser would follow or load.
pub const URL_ATTRIBUTES: [&str; 12] = [
    "href",
    "src",
    "action",
    "formaction",
    "background",
    "dynsrc",
    "lowsrc",
    "data",
    "xlink:href",
    "poster",
    "srcset",
    "content",
];

/// Elements that run or embed active content, whatever their attributes.
pub const ACTIVE_ELEMENTS: [&str; 9] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "bgsound",
];

/// URL schemes that run script or a document of their own.
const ACTIVE_SCHEMES: [&str; 4] = [
    "javascript:",
    "vbscript:",
    "data:text/html",
    "data:image/svg",
];

/// What in `element` could run script, if anything: an active element, a
/// `<meta>` refresh, a `<style>` or `style=` with script in it, an event
/// handler, or an active URL scheme in a URL attribute.
pub fn could_run(element: ElementRef) -> Option<String> {
    let name = element.value().name().to_ascii_lowercase();
    if ACTIVE_ELEMENTS.contains(&name.as_str()) {
        return Some(format!("<{name}> element"));
    }
    if name == "meta" {
        let equiv = element
            .value()
            .attr("http-equiv")
            .unwrap_or("")
            .to_ascii_lowercase();
        if equiv == "refresh" || equiv == "link" {
            return Some(format!("<meta http-equiv={equiv}>"));
        }
    }
    if name == "style" {
        let css = element.text().collect::<String>().to_ascii_lowercase();
        for bad in ["javascript:", "expression(", "-moz-binding", "@import"] {
            if css.contains(bad) {
                return Some(format!("<style> with {bad}"));
            }
        }
    }
    for (attribute, value) in element.value().attrs() {
        let attribute = attribute.to_ascii_lowercase();
        if attribute.starts_with("on") {
            return Some(format!("event handler {attribute}= on <{name}>"));
        }
        let squashed = squashed(value);
        // A browser takes the scheme from the start of the URL once tabs,
        // newlines and controls are gone: `IMG%20SRC=javascript:` is a
        // harmless relative path.
        if URL_ATTRIBUTES.contains(&attribute.as_str())
            && ACTIVE_SCHEMES
                .iter()
                .any(|scheme| squashed.starts_with(scheme))
        {
            return Some(format!("{attribute}=\"{value}\" on <{name}>"));
        }
        if attribute == "style"
            && (squashed.contains("expression(") || squashed.contains("javascript:"))
        {
            return Some(format!("style=\"{value}\" on <{name}>"));
        }
    }
    None
}

/// An attribute value as a browser reads its scheme: lower case, without
/// whitespace and control characters.
pub fn squashed(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}
