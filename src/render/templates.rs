//! tera: the templates parsed once and kept while they do not change, the
//! `count` filter they use, tera's errors with their causes, and the HTML
//! they give, minified when the config asks for it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use tera::Tera;

use super::{escape, lock};
use crate::config::Language;
use crate::i18n::{self, Strings};

/// Minifies a page when the config asks for it (the default).
pub(super) fn finish_html(html: String, minify: bool) -> Vec<u8> {
    if !minify {
        return html.into_bytes();
    }
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        ..minify_html::Cfg::default()
    };
    reescape_title(minify_html::minify(html.as_bytes(), &cfg))
}

/// minify-html writes `<title>` text with raw `<` (valid: a title holds only
/// text), which reads as markup to people and naive scanners; put the
/// entities back so a title like `<script>` stays visibly inert.
fn reescape_title(html: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&html);
    let (Some(start), Some(end)) = (text.find("<title>"), text.find("</title>")) else {
        return html;
    };
    let start = start + "<title>".len();
    if end < start {
        return html;
    }
    let title = text[start..end].replace('<', "&lt;").replace('>', "&gt;");
    format!("{}{}{}", &text[..start], title, &text[end..]).into_bytes()
}

/// The templates parsed by tera, parsed again only when they or the
/// language changed: `serve` renders with the same templates rebuild after
/// rebuild, and parsing them took a twentieth of a rebuild at 10,000
/// documents.
pub(super) fn parsed(
    templates: BTreeMap<String, String>,
    t: &Strings,
) -> anyhow::Result<Arc<Tera>> {
    type Parsed = Option<(BTreeMap<String, String>, Language, Arc<Tera>)>;
    static LAST: Mutex<Parsed> = Mutex::new(None);
    if let Some((last, language, tera)) = lock(&LAST).as_ref() {
        if *last == templates && *language == t.language {
            return Ok(Arc::clone(tera));
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml", ".svg"]);
    tera.set_escape_fn(escape);
    tera.register_filter("count", count_filter(t.get("thousands_separator")));
    tera.add_raw_templates(templates.clone())
        .map_err(|error| anyhow::anyhow!("templates: {}", tera_error(&error)))?;
    let tera = Arc::new(tera);
    *lock(&LAST) = Some((templates, t.language, Arc::clone(&tera)));
    Ok(tera)
}

/// tera's `count` filter: `{{ open_items | count }}` writes `1,816` in
/// English and `1 816` in French ([`i18n::group_thousands`]). A value that is
/// not a whole number is written as tera would.
fn count_filter(separator: String) -> impl tera::Filter {
    move |value: &tera::Value, _: &HashMap<String, tera::Value>| {
        let grouped = match value {
            tera::Value::Number(number) => i18n::group_thousands(number, &separator),
            tera::Value::String(text) => i18n::group_thousands(text, &separator),
            other => return Ok(other.clone()),
        };
        Ok(tera::Value::String(grouped))
    }
}

/// A tera error with its causes (tera hides the useful part in `source()`).
pub(super) fn tera_error(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        message.push_str(&format!(": {inner}"));
        cause = inner.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_filter_groups_whole_numbers_as_the_language_does() {
        let french = count_filter(Strings::new(Language::Fr).get("thousands_separator"));
        let english = count_filter(Strings::new(Language::En).get("thousands_separator"));
        let apply = |filter: &dyn tera::Filter, value: tera::Value| {
            filter.filter(&value, &HashMap::new()).expect("filtered")
        };
        assert_eq!(apply(&french, 1816.into()), "1\u{202f}816");
        assert_eq!(apply(&english, 1816.into()), "1,816");
        assert_eq!(apply(&english, 999.into()), "999");
        assert_eq!(apply(&english, "25000".into()), "25,000");
        assert_eq!(apply(&english, 2.5.into()), "2.5");
        assert_eq!(apply(&english, true.into()), true);
    }
}
