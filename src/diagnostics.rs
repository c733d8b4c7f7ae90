//! Diagnostics shown the way a compiler shows errors: for people on a
//! terminal (the source line with its span underlined, the code and a hint),
//! for scripts (JSON), and for CI (GitHub workflow annotations, so that a
//! pull request shows them on the changed lines).

use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};
use serde::Serialize;

use crate::ingest::Content;
use crate::model::{Diagnostic, Level};

/// What to do about each diagnostic code, in a sentence.
const HINTS: &[(&str, &str)] = &[
    (
        "repaired-mojibake",
        "the file was saved through the wrong code page; re-save it as UTF-8",
    ),
    (
        "decoded-legacy",
        "save the file as UTF-8 so that no guess is needed",
    ),
    (
        "placeholder-date",
        "replace the placeholder with a real date, e.g. 2026-03-15",
    ),
    (
        "unreadable-date",
        "write the date in a form sitrep reads (2026-09-30, 30/09/2026, Q3 2026, September 2026)",
    ),
    (
        "inferred-year",
        "write the year so that the date cannot be misread",
    ),
    (
        "declared-vs-computed",
        "update the declared figure, or the statuses of the items",
    ),
    (
        "conflicting-declarations",
        "two figures claim this section's progress; keep one",
    ),
    (
        "stale",
        "update the document and the date it gives for its last update",
    ),
    (
        "overdue-milestone",
        "mark the milestone done, or move its date",
    ),
    (
        "unread-status",
        "write a status sitrep reads (done, in progress, to do, blocked, cancelled), or add yours under `[vocabulary]` in config.toml",
    ),
    (
        "declared-health-mismatch",
        "the stated health and the figures disagree; check both",
    ),
    (
        "duplicate-slug",
        "give one of the documents its own `slug` in front matter",
    ),
    (
        "unreadable-file",
        "check the file's permissions and encoding",
    ),
    (
        "invalid-front-matter",
        "fix the front matter block at the top of the file",
    ),
];

/// The hint for `code`, if there is one.
pub fn hint(code: &str) -> Option<&'static str> {
    HINTS.iter().find(|(c, _)| *c == code).map(|(_, h)| *h)
}

/// A diagnostic with the source line it points at, for display.
#[derive(Debug, Clone, Serialize)]
pub struct Located {
    pub level: Level,
    pub code: String,
    /// Path from the portal root (`content/windflow.md`).
    pub file: String,
    pub line: usize,
    /// 1-based column of the first character the diagnostic points at.
    pub column: usize,
    /// 1-based column just past the last character it points at.
    pub end_column: usize,
    pub message: String,
    pub hint: Option<String>,
    #[serde(skip)]
    source_line: Option<String>,
    /// Byte range of the underlined span within `source_line`.
    #[serde(skip)]
    span: std::ops::Range<usize>,
}

/// Pairs every diagnostic with its source line from `content`.
pub fn locate(diagnostics: &[Diagnostic], content: &Content, content_dir: &str) -> Vec<Located> {
    diagnostics
        .iter()
        .map(|d| {
            let source_line = source_line(content, &d.source, d.line);
            let span = source_line
                .as_deref()
                .map(|line| span(line, &d.message))
                .unwrap_or(0..0);
            let column_of = |byte: usize| {
                source_line
                    .as_deref()
                    .map_or(0, |line| line[..byte].chars().count())
                    + 1
            };
            Located {
                level: d.level,
                code: d.code.clone(),
                file: display_path(content_dir, &d.source),
                line: d.line,
                column: column_of(span.start),
                end_column: column_of(span.end),
                message: d.message.clone(),
                hint: hint(&d.code).map(str::to_string),
                source_line,
                span,
            }
        })
        .collect()
}

/// How many errors a build names before it sends the reader to `check`.
const ERRORS_NAMED: usize = 20;

/// The errors of a build, one `path:line: error[code]: message` line each,
/// as [`short`] writes them: an error is a document left out of the site,
/// so `build` and `serve` name each one (the first twenty, then how many
/// more), where warnings are only counted.
pub fn named_errors(errors: &[Diagnostic], content_dir: &Path) -> String {
    let named = &errors[..errors.len().min(ERRORS_NAMED)];
    let content_dir = content_dir.to_string_lossy();
    // The files of errors are not in the site: no source line to show.
    let mut text = short(&locate(named, &Content::default(), &content_dir));
    if errors.len() > named.len() {
        let more = errors.len() - named.len();
        text.push_str(&format!(
            "… and {more} more error(s): `sitrep check` lists them all\n"
        ));
    }
    text
}

/// What a diagnostic points at on its line. Messages quote what they are
/// about, as written (`` `2024-MM-JJ` is a placeholder``, `milestone "Go-live"
/// was due …`): the first quoted fragment found on the line is the span.
/// Otherwise the whole line is meant (an as-of line, a status line), less
/// its indentation and trailing blanks.
fn span(line: &str, message: &str) -> std::ops::Range<usize> {
    let found = quoted(message)
        .filter(|quote| !quote.trim().is_empty())
        .find_map(|quote| line.find(quote).map(|at| at..at + quote.len()));
    found.unwrap_or_else(|| {
        let start = line.len() - line.trim_start().len();
        start..line.trim_end().len().max(start)
    })
}

/// The fragments of `message` between backticks or straight double quotes,
/// backticks first.
fn quoted(message: &str) -> impl Iterator<Item = &str> {
    let between = |mark: char| {
        message
            .split(mark)
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, fragment)| fragment)
            .collect::<Vec<_>>()
    };
    let mut fragments = between('`');
    fragments.extend(between('"'));
    fragments.into_iter()
}

fn display_path(content_dir: &str, source: &str) -> String {
    let joined = Path::new(content_dir).join(source);
    let text = joined.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").unwrap_or(&text).to_string()
}

fn source_line(content: &Content, source: &str, line: usize) -> Option<String> {
    let document = content
        .intro
        .iter()
        .chain(content.projects.iter().flat_map(|p| p.documents.iter()))
        .find(|d| d.source == source)?;
    let text = document.text.split('\n').nth(line.checked_sub(1)?)?;
    Some(text.to_string())
}

/// Renders like a compiler: `warning[code]: message`, ` --> file:line:col`,
/// the line with its content underlined, and `= help: hint`.
pub fn human(located: &[Located], styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in located {
        let level = match d.level {
            Level::Warning => SnippetLevel::WARNING,
            Level::Error => SnippetLevel::ERROR,
        };
        let mut group = Group::with_title(level.primary_title(&d.message).id(&d.code));
        match &d.source_line {
            Some(line) if !line.trim().is_empty() => {
                group = group.element(
                    Snippet::source(line.as_str())
                        .line_start(d.line)
                        .path(&d.file)
                        .annotation(AnnotationKind::Primary.span(d.span.clone())),
                );
            }
            _ => {
                group = group.element(
                    Snippet::<annotate_snippets::Annotation<'_>>::source("")
                        .line_start(d.line.max(1))
                        .path(&d.file),
                );
            }
        }
        if let Some(hint) = &d.hint {
            group = group.element(SnippetLevel::HELP.message(hint.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

/// One `path:line: level[code]: message` line per diagnostic (`EXTRACTION.md` §10).
pub fn short(located: &[Located]) -> String {
    located
        .iter()
        .map(|d| {
            format!(
                "{}:{}: {}[{}]: {}\n",
                d.file,
                d.line,
                d.level.as_str(),
                d.code,
                d.message
            )
        })
        .collect()
}

/// The diagnostics as a JSON array, for scripts.
pub fn json(located: &[Located]) -> String {
    serde_json::to_string_pretty(located).unwrap_or_else(|_| "[]".to_string()) + "\n"
}

/// GitHub Actions workflow commands (`::warning file=…,line=…::…`).
pub fn github(located: &[Located]) -> String {
    located
        .iter()
        .map(|d| {
            format!(
                "::{} file={},line={},col={},endColumn={},title={}::{}\n",
                d.level.as_str(),
                escape_property(&d.file),
                d.line,
                d.column,
                d.end_column,
                escape_property(&d.code),
                escape_data(&d.message)
            )
        })
        .collect()
}

/// Escaping of a workflow command's message, as GitHub's toolkit does it.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a workflow command's property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Document, ProjectSources};

    fn content() -> Content {
        Content {
            projects: vec![ProjectSources {
                slug: "a".into(),
                folder: None,
                documents: vec![Document {
                    source: "a.md".into(),
                    text: "# A\n\n  Version du 2024-MM-JJ\n".into(),
                    front_matter: Default::default(),
                    diagnostics: vec![],
                    decoding: None,
                }],
            }],
            ..Content::default()
        }
    }

    fn placeholder() -> Vec<Diagnostic> {
        vec![Diagnostic::warning(
            "placeholder-date",
            "a.md",
            3,
            "`2024-MM-JJ` is a placeholder, not a date",
        )]
    }

    #[test]
    fn human_output_shows_the_line_the_code_and_a_hint() {
        let located = locate(&placeholder(), &content(), "content");
        let text = human(&located, false);
        assert!(text.contains("warning[placeholder-date]"), "{text}");
        // The placeholder is underlined, not the whole line: `  Version du `
        // is 13 characters, so it starts at column 14 and is 10 long.
        assert!(text.contains("content/a.md:3:14"), "{text}");
        assert!(text.contains("Version du 2024-MM-JJ"), "{text}");
        let underline = text
            .lines()
            .find(|l| l.contains('^'))
            .expect("an underline");
        assert_eq!(underline.matches('^').count(), 10, "{text}");
        assert_eq!(
            underline.find('^'),
            text.lines()
                .find(|l| l.contains("Version du"))
                .and_then(|l| l.find("2024")),
            "{text}"
        );
        assert!(text.contains("help: replace the placeholder"), "{text}");
    }

    #[test]
    fn the_span_is_the_first_quote_found_on_the_line() {
        let line = "| Go-live | 15/03 | \"late\" |";
        assert_eq!(
            &line[span(line, "milestone \"Go-live\" was due")],
            "Go-live"
        );
        assert_eq!(&line[span(line, "`15/03` has no year")], "15/03");
        // A quote that is not on the line is passed over.
        assert_eq!(&line[span(line, "`15 mars` or \"late\"")], "late");
        assert_eq!(span("  - [ ] x  ", "no quote"), 2..9);
        assert_eq!(span("", "`x`"), 0..0);
    }

    #[test]
    fn github_annotations_escape_their_fields() {
        let mut diagnostics = placeholder();
        diagnostics[0].message = "50% done, really\nnext".into();
        let located = locate(&diagnostics, &content(), "./content");
        let text = github(&located);
        assert_eq!(
            text,
            // No quote in the message: the whole line, less its indentation.
            "::warning file=content/a.md,line=3,col=3,endColumn=24,title=placeholder-date::50%25 done, really%0Anext\n"
        );
    }

    #[test]
    fn json_output_is_an_array_with_file_line_and_column() {
        let located = locate(&placeholder(), &content(), "content");
        let value: serde_json::Value = serde_json::from_str(&json(&located)).unwrap();
        assert_eq!(value[0]["file"], "content/a.md");
        assert_eq!(value[0]["line"], 3);
        assert_eq!(value[0]["column"], 14);
        assert_eq!(value[0]["end_column"], 24);
        assert_eq!(value[0]["level"], "warning");
    }
}
