//! `status.json`, written as `serde_json::to_writer_pretty` would write it,
//! but with the projects serialised in parallel a chunk at a time.
//!
//! At 10,000 projects the file is about 600 MB: serialised on one thread
//! it was the longest single step of a build, and held whole it would
//! double the build's memory. Each project is serialised on its own (its
//! lines then start at the left margin), indented to its depth in the
//! file, and written in portfolio order; JSON strings never hold a raw line
//! break, so indenting after every `\n` is exact.

use std::io::Write;

use rayon::prelude::*;

use crate::model::PortfolioStatus;

/// Projects serialised together before they are written.
const CHUNK: usize = 64;

/// The indentation of a project's lines inside `"projects": [ … ]`.
const PROJECT_INDENT: &[u8] = b"    ";

/// Writes `portfolio` as pretty JSON, byte for byte what
/// `serde_json::to_writer_pretty` writes, then a final line break.
pub fn write(out: &mut dyn Write, portfolio: &PortfolioStatus) -> std::io::Result<()> {
    let skeleton = PortfolioStatus {
        projects: Vec::new(),
        ..shallow(portfolio)
    };
    let skeleton = serde_json::to_string_pretty(&skeleton)?;
    const EMPTY: &str = "\n  \"projects\": []";
    let Some(at) = skeleton.find(EMPTY) else {
        // Not the shape this module knows: write it the plain way.
        serde_json::to_writer_pretty(&mut *out, portfolio)?;
        return out.write_all(b"\n");
    };
    let open = at + EMPTY.len() - 1;
    out.write_all(&skeleton.as_bytes()[..open])?;
    for (index, chunk) in portfolio.projects.chunks(CHUNK).enumerate() {
        let serialised: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|project| serde_json::to_vec_pretty(project).map(|json| indented(&json)))
            .collect::<Result<_, _>>()?;
        for (offset, project) in serialised.iter().enumerate() {
            let first = index == 0 && offset == 0;
            out.write_all(if first { b"\n" } else { b",\n" })?;
            out.write_all(project)?;
        }
    }
    if !portfolio.projects.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(&skeleton.as_bytes()[open..])?;
    out.write_all(b"\n")
}

/// `json` with [`PROJECT_INDENT`] before each of its lines.
fn indented(json: &[u8]) -> Vec<u8> {
    let lines = json.iter().filter(|&&byte| byte == b'\n').count() + 1;
    let mut out = Vec::with_capacity(json.len() + lines * PROJECT_INDENT.len());
    for (index, line) in json.split(|&byte| byte == b'\n').enumerate() {
        if index > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(PROJECT_INDENT);
        out.extend_from_slice(line);
    }
    out
}

/// The portfolio without its projects (the small part, cloned).
fn shallow(portfolio: &PortfolioStatus) -> PortfolioStatus {
    PortfolioStatus {
        schema: portfolio.schema,
        generator: portfolio.generator.clone(),
        title: portfolio.title.clone(),
        description: portfolio.description.clone(),
        as_of: portfolio.as_of,
        built_at: portfolio.built_at.clone(),
        projects: Vec::new(),
        diagnostics: portfolio.diagnostics.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Diagnostic, Project};

    fn portfolio(projects: usize) -> PortfolioStatus {
        let project = |index: usize| {
            let mut project: Project = serde_json::from_value(serde_json::json!({
                "slug": format!("p{index}"), "title": "Refonte \"client\"\nportail", "name": "Refonte",
                "url": format!("p{index}/"), "sources": [format!("p{index}.md")], "as_of": null,
                "owner": null, "tags": [], "weight": 0, "start": null, "end": null,
                "health": "amber", "health_reason": "", "declared_health": null, "stale": false,
                "progress": 12.5, "progress_method": "items", "declared_progress": null,
                "declarations": [], "counts": {"done": 1, "in_progress": 0, "todo": 1, "blocked": 0, "cancelled": 0, "total": 2},
                "sections": [], "milestones": [], "risks": [], "people": [], "diagnostics": []
            }))
            .expect("a project");
            project.diagnostics.push(Diagnostic::warning(
                "stale",
                &format!("p{index}.md"),
                3,
                "last updated long ago".to_string(),
            ));
            project
        };
        PortfolioStatus {
            schema: 1,
            generator: "sitrep test".into(),
            title: "Portefeuille".into(),
            description: None,
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            built_at: Some("2026-11-01T00:00:00Z".into()),
            projects: (0..projects).map(project).collect(),
            diagnostics: vec![Diagnostic::error(
                "unreadable-file",
                "x.md",
                1,
                "cannot read".to_string(),
            )],
        }
    }

    /// Byte for byte serde_json's pretty output, with no project, one, and
    /// enough to span several chunks.
    #[test]
    fn writes_what_serde_json_writes() {
        for count in [0, 1, 2, CHUNK, 2 * CHUNK + 3] {
            let portfolio = portfolio(count);
            let mut ours = Vec::new();
            write(&mut ours, &portfolio).unwrap();
            let mut expected = serde_json::to_vec_pretty(&portfolio).unwrap();
            expected.push(b'\n');
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(expected).unwrap(),
                "{count} projects"
            );
        }
    }
}
