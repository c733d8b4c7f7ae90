//! Headings' slugs as GitHub makes them (`## M1 Pro/Max/Ultra devices` is
//! `m1-promaxultra-devices`): the names a document's own links use for its
//! headings (`[Speakers](#speakers)`). The source view gives each heading
//! its slug ([`crate::render::source`]); extraction checks the document's
//! links against them ([`crate::extract::outline`]). Both slug a heading's
//! text the same way read: its text and code spans, its lines joined by a
//! space, trimmed.

use std::collections::HashMap;

/// The slugs given to a document's headings so far, in document order.
#[derive(Debug, Default, Clone)]
pub struct Slugs {
    /// Each slug given, with how many times its base was asked for again.
    given: HashMap<String, usize>,
}

impl Slugs {
    /// The slug of the next heading, whose text (markup removed) is
    /// `text`: lower case, every character that is not a letter, a digit,
    /// `-`, `_` or a space dropped, each space a `-`; a slug given before
    /// gets `-1`, `-2`… `None` when nothing is left (a heading of emoji
    /// only).
    pub fn give(&mut self, text: &str) -> Option<String> {
        let base: String = text
            .chars()
            .flat_map(char::to_lowercase)
            .filter(|&c| is_slug_char(c) || c == ' ')
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        if base.is_empty() {
            return None;
        }
        let mut slug = base.clone();
        while self.given.contains_key(&slug) {
            let count = self.given.entry(base.clone()).or_default();
            *count += 1;
            slug = format!("{base}-{count}");
        }
        self.given.insert(slug.clone(), 0);
        Some(slug)
    }

    /// Whether a link's fragment, as written after its `#` (`notes`,
    /// `%C3%A9tat`), names a heading given a slug.
    pub fn names_a_heading(&self, fragment: &str) -> bool {
        let slug = percent_encoding::percent_decode_str(fragment).decode_utf8_lossy();
        self.given.contains_key(slug.as_ref())
    }
}

/// Whether `c` may stand in a slug: a letter, a digit, `-` or `_` (a
/// space becomes `-`). The sanitiser keeps a heading's id only if it is
/// made of these.
pub fn is_slug_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_github_s() {
        let mut slugs = Slugs::default();
        let given: Vec<_> = [
            "M1 Pro/Max/Ultra devices",
            "Notes",
            "Notes",
            "Notes-1",
            "🎯 ROADMAP",
            "État du projet v2",
            "🚀",
        ]
        .iter()
        .map(|text| slugs.give(text))
        .collect();
        let expected = [
            Some("m1-promaxultra-devices"),
            Some("notes"),
            Some("notes-1"),
            Some("notes-1-1"),
            Some("-roadmap"),
            Some("état-du-projet-v2"),
            None,
        ];
        assert_eq!(given, expected.map(|s| s.map(String::from)));
        assert!(slugs.names_a_heading("%C3%A9tat-du-projet-v2"));
        assert!(slugs.names_a_heading("notes-1-1"));
        assert!(!slugs.names_a_heading("workflows-dev"));
    }
}
