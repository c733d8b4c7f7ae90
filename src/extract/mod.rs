//! Extract: everything `EXTRACTION.md` §3-10 reads out of ONE document.
//!
//! Each submodule reads the [`outline::Outline`] (the document parsed once)
//! and never looks at other documents or the filesystem.

pub mod areas;
pub mod as_of;
pub mod badges;
pub mod dates;
pub mod declarations;
pub mod folding;
pub mod gantt;
pub mod items;
pub mod matrix;
pub mod milestones;
pub mod outline;
pub mod people;
pub mod risks;
pub mod sections;
pub mod tables;
pub mod task_fields;
pub mod vocabulary;

use chrono::NaiveDate;

use crate::config::{Config, VocabularyConfig};
use crate::ingest::Document;
use crate::model::{Diagnostic, DocumentStatus};

/// What extraction needs besides the document itself.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub config: &'a Config,
    /// The portal's as-of date, used only when the document gives none.
    pub portal_as_of: NaiveDate,
    /// The built-in tables with `config.toml`'s `[vocabulary]`: built once
    /// for the portal (it was a fiftieth of a build when every document
    /// built its own), copied only for a document that has a legend.
    pub vocabulary: vocabulary::Vocabulary,
}

impl<'a> Context<'a> {
    pub fn new(config: &'a Config, portal_as_of: NaiveDate) -> Context<'a> {
        Context {
            config,
            portal_as_of,
            vocabulary: vocabulary::Vocabulary::new(&config.vocabulary),
        }
    }
}

/// Reads the status of one document.
pub fn extract(document: &Document, context: &Context) -> DocumentStatus {
    let outline = outline::Outline::parse(&document.text);
    if context.config.vocabulary != VocabularyConfig::default() {
        tables::read_roles(&outline, &context.vocabulary);
    }
    let mut status = DocumentStatus {
        title: outline.title.as_ref().map(|t| t.text.clone()),
        diagnostics: document.diagnostics.clone(),
        ..DocumentStatus::default()
    };
    // The as-of date comes first: it is the reference year of every date
    // written without one.
    // Every paragraph line and list item in place, for the as-of and
    // milestone readers.
    // A header table's rows (`| **Go-live** | 2027-06-01 |`) among them.
    let rows = as_of::labelled_rows(&outline);
    let lines = as_of::with_rows(as_of::text_lines(&outline), &rows);
    as_of::read(&outline, &lines, document, context, &mut status);
    let role_holders = as_of::project_roles(&outline, &lines);
    let words = sections::DocumentVocabulary::new(&outline, &context.vocabulary);
    // Which sections are risk sections: the milestone, risk and area
    // readers all skip or read their tables by it.
    let risk_sections = risks::risk_context(&outline);
    // Milestones before sections: the entries of a milestone list are
    // milestones, not items. Their diagnostics still follow the sections'.
    // Areas before sections: the entries of a list that rates areas are
    // no tasks.
    let areas = areas::read(
        &outline,
        &words.vocabulary,
        &risk_sections,
        &document.source,
        status.declared_health_line,
    );
    let (milestone_lines, milestone_diagnostics) = milestones::read(
        &outline,
        document,
        context,
        &words,
        &risk_sections,
        &lines,
        &mut status,
    );
    sections::read(
        &outline,
        document,
        context,
        &words,
        &milestone_lines,
        &areas.entry_lines,
        &mut status,
    );
    milestones::as_far_as_their_tasks(&mut status);
    status.diagnostics.extend(milestone_diagnostics);
    risks::read(&outline, document, &risk_sections, &mut status);
    people::add_risk_owners(&mut status.people, &status.risks);
    people::add_role_holders(&mut status.people, &role_holders);
    status.areas = areas.areas;
    for (line, fragment) in outline.broken_fragment_links() {
        let message = format!(
            "link to `#{fragment}`: no heading of this document is named so; the page shows its text without the link"
        );
        let diagnostic = Diagnostic::warning("broken-link", &document.source, line, message);
        status.diagnostics.push(diagnostic);
    }
    status
}

/// Reads the status of one document as [`extract`] does, but a reader
/// that fails on it (a bug of sitrep's: a panic) costs that document its
/// status, not the build: the document keeps its page, with an
/// `internal-error` diagnostic that says so, and the other documents are
/// read (`EXTRACTION.md` §10: a broken document never stops the build).
/// The fuzz targets call [`extract`] itself, so that they still see the
/// failure.
pub fn extract_or_report(document: &Document, context: &Context) -> DocumentStatus {
    guarded(document, || extract(document, context))
}

/// What `read` gives, or, if it panics, a status of `document`'s own
/// diagnostics and one `internal-error`.
fn guarded(document: &Document, read: impl FnOnce() -> DocumentStatus) -> DocumentStatus {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)) {
        Ok(status) => status,
        Err(_) => {
            let message = "sitrep failed while reading this document (a bug of sitrep's, please report it with the file); its status is left out and its text is shown as written";
            let mut diagnostics = document.diagnostics.clone();
            diagnostics.push(Diagnostic::error(
                "internal-error",
                &document.source,
                1,
                message,
            ));
            DocumentStatus {
                diagnostics,
                ..DocumentStatus::default()
            }
        }
    }
}

/// Every line of the seeds and the real corpus (`../shared/`), for tests
/// that check a shortcut against the rule it stands for on real text;
/// none when the folder is not there.
#[cfg(test)]
pub(crate) fn shared_lines() -> Vec<String> {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut lines = Vec::new();
    for folder in ["seeds", "corpus/real"] {
        for entry in std::fs::read_dir(shared.join(folder)).into_iter().flatten() {
            let bytes = std::fs::read(entry.expect("entry").path()).unwrap_or_default();
            lines.extend(String::from_utf8_lossy(&bytes).lines().map(String::from));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that panics on a document costs it its status and gives
    /// an error diagnostic; the build goes on.
    #[test]
    fn a_reader_that_fails_costs_the_document_its_status_not_the_build() {
        let document = Document::from_bytes("plan.md", b"# Plan\n\n- [x] Done\n".to_vec());
        let status = guarded(&document, || panic!("a reader's bug"));
        assert_eq!(status.sections, Vec::new());
        let codes: Vec<(&str, &str)> = (status.diagnostics.iter())
            .map(|d| (d.code.as_str(), d.source.as_str()))
            .collect();
        assert_eq!(codes, [("internal-error", "plan.md")]);
        // A reader that does not fail changes nothing.
        let config = Config::default();
        let context = Context::new(&config, chrono::NaiveDate::default());
        assert_eq!(
            extract_or_report(&document, &context),
            extract(&document, &context)
        );
    }
}
