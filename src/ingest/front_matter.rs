//! Front matter (`EXTRACTION.md` §2): TOML between `+++` lines or YAML
//! between `---` lines at the very start of a document.
//!
//! `---` is also a Markdown horizontal rule: seed `003_…` starts with `---`
//! then `# 📊 PROGRESSION ...`. A `---` block is front matter only when its
//! first line reads like a key (`title: ...`) and the block parses to a map;
//! otherwise it is text. A `+++` block is always meant as front matter.
//!
//! Each known key is read on its own, so one bad value (`date: soon`) costs
//! only that key, with a warning naming it. Unknown keys are ignored.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde_json::{Map, Value};

use super::FrontMatter;
use crate::messages;

/// A problem with the front matter, at a 1-based line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// The front matter of a document and its text with the front matter lines
/// blanked (so line N of the text is still line N of the file).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Split {
    pub front_matter: FrontMatter,
    pub text: String,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Toml,
    Yaml,
}

impl Syntax {
    fn fence(self) -> &'static str {
        match self {
            Syntax::Toml => "+++",
            Syntax::Yaml => "---",
        }
    }
}

/// A YAML key line: `title: ...`, `updated:`, `draft: true`.
static YAML_KEY_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z_][A-Za-z0-9_-]*\s*:(\s|$)").expect("valid regex"));

/// Reads and removes the front matter of `text` (already decoded, `\n` endings).
///
/// Text given by value comes back without a copy when it has no front
/// matter, as most documents have none.
pub fn split(text: impl Into<String>) -> Split {
    let text = text.into();
    // The first line says whether there is one, before the text is cut
    // into lines.
    let syntax = match text.split('\n').next().map(str::trim_end) {
        Some("+++") => Syntax::Toml,
        Some("---") => Syntax::Yaml,
        _ => return unchanged(text),
    };
    split_front_matter(&text, syntax)
}

/// `text` cut at the end of its front matter, which opens with `syntax`.
fn split_front_matter(text: &str, syntax: Syntax) -> Split {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(closing) = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == syntax.fence())
        .map(|i| i + 1)
    else {
        return match syntax {
            Syntax::Toml => Split {
                problems: vec![Problem {
                    line: 1,
                    message: messages::FRONT_MATTER_UNCLOSED.say(&[]),
                }],
                ..unchanged(text)
            },
            Syntax::Yaml => unchanged(text),
        };
    };
    let body = lines[1..closing].join("\n");
    if syntax == Syntax::Yaml && !looks_like_yaml_map(&lines[1..closing]) {
        return unchanged(text);
    }
    let mut problems = Vec::new();
    let front_matter = match parse_map(syntax, &body) {
        Ok(map) => read_keys(&map, &lines[1..closing], &mut problems),
        Err(message) => {
            problems.push(Problem {
                line: 1,
                message: messages::FRONT_MATTER_INVALID.say(&[&syntax_name(syntax), &message]),
            });
            FrontMatter::default()
        }
    };
    Split {
        front_matter,
        text: blank_lines(&lines, closing),
        problems,
    }
}

fn unchanged(text: impl Into<String>) -> Split {
    Split {
        text: text.into(),
        ..Split::default()
    }
}

fn syntax_name(syntax: Syntax) -> &'static str {
    match syntax {
        Syntax::Toml => "TOML",
        Syntax::Yaml => "YAML",
    }
}

/// The first line that is not blank and not a comment is a `key:` line.
fn looks_like_yaml_map(lines: &[&str]) -> bool {
    lines
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| YAML_KEY_LINE.is_match(l))
}

/// serde_yaml refuses values nested deeper than this (its recursion limit).
const MAX_YAML_NESTING: usize = 128;

/// The block as a map of keys to JSON-like values, or why it is not one.
fn parse_map(syntax: Syntax, body: &str) -> Result<Map<String, Value>, String> {
    let value = match syntax {
        Syntax::Toml => toml::from_str::<toml::Table>(body)
            .map(|table| toml_to_json(toml::Value::Table(table)))
            .map_err(|e| e.message().to_string())?,
        Syntax::Yaml => {
            // Refused before parsing: the YAML scanner takes time quadratic
            // in the depth of `[`/`{` nesting (40 KB of `[` took seconds),
            // long before serde_yaml reaches its limit and refuses anyway.
            if flow_nesting(body) > MAX_YAML_NESTING {
                return Err(format!("it nests deeper than {MAX_YAML_NESTING} levels"));
            }
            let yaml: serde_yaml::Value = serde_yaml::from_str(body).map_err(|e| e.to_string())?;
            serde_json::to_value(yaml).map_err(|e| e.to_string())?
        }
    };
    match value {
        Value::Object(map) => Ok(map),
        _ => Err("it is not a list of keys and values".into()),
    }
}

/// The deepest `[`/`{` nesting of a YAML block. Brackets inside quoted
/// strings count too: an over-estimate only for absurd titles.
fn flow_nesting(body: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0;
    for byte in body.bytes() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// TOML dates become their text (`2025-01-10`), like YAML's.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Reads each known key; a value of the wrong kind becomes a problem at its line.
fn read_keys(map: &Map<String, Value>, block: &[&str], problems: &mut Vec<Problem>) -> FrontMatter {
    let mut reader = KeyReader {
        map,
        block,
        problems,
    };
    FrontMatter {
        title: reader.text("title"),
        name: reader.text("name"),
        slug: reader.text("slug"),
        project: reader.text("project"),
        date: reader.date("date"),
        updated: reader.date("updated"),
        owner: reader.text("owner"),
        tags: reader.tags("tags"),
        weight: reader.integer("weight"),
        draft: reader.flag("draft"),
        status: reader.text("status"),
        start: reader.date("start"),
        end: reader.date("end"),
        program: reader.text("program"),
    }
}

struct KeyReader<'a> {
    map: &'a Map<String, Value>,
    block: &'a [&'a str],
    problems: &'a mut Vec<Problem>,
}

impl KeyReader<'_> {
    fn complain(&mut self, key: &str, expected: &str) {
        // The block starts on line 2 of the file (line 1 is the fence).
        let line = self
            .block
            .iter()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |i| i + 2);
        self.problems.push(Problem {
            line,
            message: messages::FRONT_MATTER_VALUE.say(&[&key, &expected]),
        });
    }

    /// A string; a number is taken as its text (`title: 2024`).
    fn text(&mut self, key: &str) -> Option<String> {
        match self.map.get(key)? {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            _ => {
                self.complain(key, "text");
                None
            }
        }
    }

    /// `YYYY-MM-DD`; a date-time keeps its date (`2025-01-10T10:00:00Z`).
    fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let value = self.map.get(key)?;
        let parsed = value
            .as_str()
            .and_then(|s| s.trim().get(..10))
            .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok());
        if parsed.is_none() && !value.is_null() {
            self.complain(key, "a date written YYYY-MM-DD");
        }
        parsed
    }

    fn integer(&mut self, key: &str) -> Option<i64> {
        let value = self.map.get(key)?;
        let parsed = value
            .as_i64()
            .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()));
        if parsed.is_none() && !value.is_null() {
            self.complain(key, "a whole number");
        }
        parsed
    }

    fn flag(&mut self, key: &str) -> bool {
        match self.map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.complain(key, "true or false");
                false
            }
        }
    }

    /// A list of words, or one comma-separated string (`tags: "api, infra"`).
    fn tags(&mut self, key: &str) -> Vec<String> {
        let words: Option<Vec<String>> = match self.map.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::String(s)) => Some(s.split(',').map(str::to_string).collect()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect(),
            Some(_) => None,
        };
        match words {
            Some(words) => words
                .into_iter()
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect(),
            None => {
                self.complain(key, "a list of words");
                Vec::new()
            }
        }
    }
}

/// The text with lines `0..=closing` emptied.
fn blank_lines(lines: &[&str], closing: usize) -> String {
    let mut kept = vec![""; closing + 1];
    kept.extend_from_slice(&lines[closing + 1..]);
    kept.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn toml_front_matter_is_read_and_blanked() {
        let split = split("+++\ntitle = \"WindFlow\"\nupdated = 2025-01-10\ntags = [\"api\"]\nweight = 2\n+++\n# Suivi\n");
        assert_eq!(split.front_matter.title.as_deref(), Some("WindFlow"));
        assert_eq!(split.front_matter.updated, Some(date("2025-01-10")));
        assert_eq!(split.front_matter.tags, vec!["api"]);
        assert_eq!(split.front_matter.weight, Some(2));
        // 6 front matter lines become 6 empty lines: `# Suivi` stays on line 7.
        assert_eq!(split.text, "\n\n\n\n\n\n# Suivi\n");
        assert!(split.problems.is_empty());
    }

    #[test]
    fn program_is_read_as_text() {
        let split = split("---\ntitle: Portail\nprogram: Transformation numérique\n---\n");
        assert_eq!(
            split.front_matter.program.as_deref(),
            Some("Transformation numérique")
        );
        let list = super::split("+++\nprogram = [\"a\"]\n+++\n");
        assert_eq!(list.front_matter.program, None);
        assert_eq!(list.problems.len(), 1);
    }

    #[test]
    fn yaml_front_matter_is_read() {
        // Corpus 23 (Asahi Linux docs) starts like this.
        let split = split("---\ntitle: M1 Series Feature Support\ndate: \"2024-03-01\"\ndraft: true\nunknown: 3\n---\n\nThis page");
        assert_eq!(
            split.front_matter.title.as_deref(),
            Some("M1 Series Feature Support")
        );
        assert_eq!(split.front_matter.date, Some(date("2024-03-01")));
        assert!(split.front_matter.draft);
        assert_eq!(split.text.lines().nth(7), Some("This page"));
    }

    #[test]
    fn a_rule_at_the_start_is_not_front_matter() {
        // Seed 003 starts with a horizontal rule, then its title.
        let text = "---\n# 📊 PROGRESSION PLAN\n\n**Date**: 2 février 2026\n\n---\n## Vue\n";
        let split = split(text);
        assert_eq!(split.text, text);
        assert_eq!(split.front_matter, FrontMatter::default());
        assert!(split.problems.is_empty());
    }

    #[test]
    fn broken_toml_is_dropped_with_a_problem() {
        let split = split("+++\ntitle = \"unclosed\n+++\n# Titre\n");
        assert_eq!(split.front_matter, FrontMatter::default());
        assert_eq!(split.text, "\n\n\n# Titre\n");
        assert_eq!(split.problems.len(), 1);
        assert_eq!(split.problems[0].line, 1);
    }

    #[test]
    fn a_bad_value_costs_only_its_key() {
        let split = split("---\ntitle: Roadmap\ndate: next week\ntags: [a, b]\n---\n");
        assert_eq!(split.front_matter.title.as_deref(), Some("Roadmap"));
        assert_eq!(split.front_matter.date, None);
        assert_eq!(split.front_matter.tags, vec!["a", "b"]);
        assert_eq!(
            split.problems,
            vec![Problem {
                line: 3,
                message: "front matter `date` should be a date written YYYY-MM-DD; ignored".into()
            }]
        );
    }

    #[test]
    fn broken_yaml_that_looks_like_front_matter_is_dropped_with_a_problem() {
        let split = split("---\ntitle: [unclosed\n---\nText\n");
        assert_eq!(split.text, "\n\n\nText\n");
        assert_eq!(split.problems.len(), 1);
    }

    #[test]
    fn deeply_nested_yaml_is_refused_before_parsing() {
        // Kept as fuzz/regressions/front_matter/deep-flow-nesting-yaml: 20,000 `[`
        // run through the front_matter fuzz target kept the YAML scanner busy for
        // seconds (quadratic in the depth), to be refused in the end.
        let depth = 20_000;
        let text = format!(
            "---\ntitle: x\ntags: {}{}\n---\n# Titre\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let split = split(&text);
        assert_eq!(split.front_matter, FrontMatter::default());
        assert_eq!(split.text, "\n\n\n\n# Titre\n");
        assert_eq!(
            split.problems,
            vec![Problem {
                line: 1,
                message: "front matter is not valid YAML: it nests deeper than 128 levels; ignored"
                    .into()
            }]
        );
    }

    #[test]
    fn nesting_within_the_limit_is_read() {
        let split = split("---\ntitle: x\nextra: [[a], {b: [c]}]\n---\n");
        assert_eq!(split.front_matter.title.as_deref(), Some("x"));
        assert!(split.problems.is_empty());
        assert_eq!(flow_nesting("a: [[[1]], {b: [2]}]"), 3);
    }

    #[test]
    fn unclosed_yaml_is_text() {
        let text = "---\ntitle: x\n";
        assert_eq!(split(text).text, text);
    }
}
