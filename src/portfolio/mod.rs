//! Portfolio: documents grouped into projects, rollups, health, and the
//! cross-project views. Works only on extracted data; never parses markdown.

pub mod health;
pub mod progress;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::Config;
use crate::extract::declarations::{
    is_bare_progress, is_standing, is_whole_project, is_work_count, key_in,
};
use crate::ingest::{names, Content, Document, ProjectSources};
use crate::model::{
    Counts, Declaration, DocumentStatus, Health, Packed, PortfolioStatus, Project, Sections,
    Stowed, Tally, SCHEMA,
};

/// What a project is assembled from.
pub enum Input {
    /// The statuses of its documents, in order, still encoded: each
    /// project decodes its own while it is assembled.
    Documents(Vec<Packed<DocumentStatus>>),
    /// The project as a previous build assembled it from the same inputs.
    Assembled(Box<Project>),
}

/// Assembles the portfolio from each project's extracted documents
/// (`inputs[i]` is what `content.projects[i]` is made of).
pub fn assemble(
    content: &Content,
    inputs: Vec<Input>,
    config: &Config,
    as_of: NaiveDate,
    built_at: Option<String>,
) -> PortfolioStatus {
    // Each project on its own (rollups, health and its reasons): in
    // parallel, in the order of `content` (rayon's collect keeps it).
    let mut projects: Vec<Project> = content
        .projects
        .par_iter()
        .zip(inputs)
        .map(|(sources, input)| match input {
            Input::Documents(documents) => {
                let documents = documents.iter().map(Packed::unpack).collect();
                project(sources, documents, config, as_of)
            }
            Input::Assembled(project) => *project,
        })
        .collect();
    // By weight, then by name as a reader sorts (`AIPROD`, `IBIS-X`,
    // `VIRIDA`, `WindFlow`, whatever the case), then by slug for ties.
    projects.sort_by_cached_key(|p| (p.weight, p.name.to_lowercase(), p.slug.clone()));
    PortfolioStatus {
        schema: SCHEMA,
        generator: format!("sitrep {}", env!("CARGO_PKG_VERSION")),
        title: config.title(),
        description: config.description.clone(),
        as_of,
        built_at,
        projects,
        diagnostics: content.diagnostics.clone(),
    }
}

/// One project assembled from its documents' statuses: rollups, health,
/// then its section tree, milestones, risks, people and diagnostics packed
/// ([`Project::pack`]) until its pages and its part of `status.json` read
/// them.
fn project(
    sources: &ProjectSources,
    documents: Vec<DocumentStatus>,
    config: &Config,
    as_of: NaiveDate,
) -> Project {
    let first = sources.documents.first();
    let front = first.map(|d| d.front_matter.clone()).unwrap_or_default();
    let title = front
        .title
        .clone()
        .or_else(|| {
            documents
                .first()
                .and_then(|d| d.title.as_deref())
                .map(names::clean_title)
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_else(|| sources.slug.clone());
    let mut project = Project {
        slug: sources.slug.clone(),
        name: front
            .name
            .clone()
            .unwrap_or_else(|| names::short_name(&title)),
        title,
        url: format!("{}/", sources.slug),
        sources: sources.documents.iter().map(|d| d.source.clone()).collect(),
        as_of: front.updated.or(front.date),
        as_of_at: None,
        // The front matter's, else the first a document states.
        owner: front
            .owner
            .clone()
            .or_else(|| documents.iter().find_map(|d| d.owner.clone())),
        tags: front.tags.clone(),
        weight: front.weight.unwrap_or(0),
        // The front matter's, else the earliest a document states.
        start: front
            .start
            .or_else(|| documents.iter().filter_map(|d| d.start).min()),
        // The front matter's, else the latest a document states.
        end: front
            .end
            .or_else(|| documents.iter().filter_map(|d| d.end).max()),
        health: Health::Unknown,
        health_reason: String::new(),
        declared_health: None,
        declared_health_at: None,
        areas: Vec::new(),
        stale: false,
        progress: None,
        progress_method: config.progress.weight.as_str().to_string(),
        declared_progress: None,
        declarations: Stowed::default(),
        counts: Counts::default(),
        sections: Sections::default(),
        milestones: Stowed::default(),
        risks: Stowed::default(),
        people: Stowed::default(),
        diagnostics: Stowed::default(),
        late_items: Stowed::default(),
        tally: Tally::default(),
    };
    // The front matter's date (if any) is on the first document's first
    // lines, and dates the whole project.
    let dated_by_front_matter = project.as_of.is_some();
    if dated_by_front_matter {
        project.as_of_at = project.sources.first().map(|s| (s.clone(), 1));
    }
    // The project's own claims (a declared health, a whole-project
    // progress) come from its most recent document that makes one.
    let mut health_from: Option<Option<NaiveDate>> = None;
    let mut areas_from: Option<Option<NaiveDate>> = None;
    let mut overall: Option<(Option<NaiveDate>, Declaration)> = None;
    let documents = documents.into_iter().zip(&sources.documents);
    for ((document, read), source) in documents.zip(&project.sources) {
        let at = |line: Option<usize>| Some((source.clone(), line.unwrap_or(1)));
        let dated = document_date(read, &document);
        let date = dated.map(|(date, _)| date);
        // Else a project is as recent as its latest document (a folder of
        // sprint reports is up to date when its last report is); of equal
        // dates, the first document's counts.
        if !dated_by_front_matter && date > project.as_of {
            project.as_of = date;
            project.as_of_at = at(dated.map(|(_, line)| line));
        }
        if document.declared_health.is_some() && as_recent(date, health_from) {
            project.declared_health = document.declared_health;
            project.declared_health_at = at(document.declared_health_line);
            health_from = Some(date);
        }
        // An area's health is the latest report's: a folder of weekly
        // reports, each with its table, does not list each area ten times.
        if !document.areas.is_empty() && as_recent(date, areas_from) {
            project.areas = document.areas;
            areas_from = Some(date);
        }
        if let Some(claim) = whole_project_claim(&document.declarations) {
            if as_recent(date, overall.as_ref().map(|(from, _)| *from)) {
                overall = Some((date, claim.clone()));
            }
        }
        project.sections.extend(document.sections);
        project.declarations.extend(document.declarations);
        project.milestones.extend(document.milestones);
        project.risks.extend(document.risks);
        project.people.extend(document.people);
        project.diagnostics.extend(document.diagnostics);
    }
    progress::roll_up(&mut project, overall.map(|(_, claim)| claim), config);
    health::assess(&mut project, config, as_of);
    health::apply_front_matter_status(&mut project, front.status.as_deref());
    project.pack();
    project
}

/// The claim a document makes about its whole project (§6): the first
/// whose label says so (`PROGRESSION TOTALE : 19%`), else the only claim
/// of a section whose heading says so (`## 📊 Overall Progress` over
/// `Current MVP Completion: 42%`, corpus 15), as a reader takes it. A
/// label that names a part (`Phase 2 : Rollout`, a phase without a
/// section of its own) is about that part wherever it stands. Last, the
/// only claim of a section over where the project stands, labelled with
/// nothing but a progress word (`Progress: [░░░░░░░░░░] 0%` under `##
/// Current Position`, corpus 16), is the project's too, and so is the only
/// claim of the document's preamble so labelled (`**Percent complete:**
/// 65%` under a report's title); a tally's label that counts work (`45
/// issues: 30 done, …`) speaks as a progress word does.
fn whole_project_claim(declarations: &[Declaration]) -> Option<&Declaration> {
    if let Some(claim) = declarations.iter().find(|d| is_whole_project(&d.label)) {
        return Some(claim);
    }
    let only_of_its_section = |claim: &&Declaration| {
        declarations
            .iter()
            .filter(|d| d.section == claim.section)
            .count()
            == 1
    };
    let under_overall = declarations
        .iter()
        .find(|d| d.section.as_deref().is_some_and(is_whole_project) && key_in(&d.label).is_none());
    if let Some(claim) = under_overall {
        return Some(claim).filter(only_of_its_section);
    }
    let standing = |d: &&Declaration| d.section.as_deref().is_none_or(is_standing);
    declarations
        .iter()
        .find(|d| standing(d) && (is_bare_progress(&d.label) || is_work_count(&d.label)))
        .filter(only_of_its_section)
}

/// When a document says it was last true, and on which line: its own
/// front matter's `updated` or `date` (line 1), else its labelled date line.
fn document_date(document: &Document, status: &DocumentStatus) -> Option<(NaiveDate, usize)> {
    let front = &document.front_matter;
    match front.updated.or(front.date) {
        Some(date) => Some((date, 1)),
        None => status
            .as_of
            .map(|date| (date, status.as_of_line.unwrap_or(1))),
    }
}

/// Whether a claim of a document of this date replaces one taken from a
/// document of `than`'s (none yet: it does). Documents come in path order,
/// so of equal dates, or none, the later document is the more recent: the
/// last sprint report of a folder speaks for the project.
fn as_recent(date: Option<NaiveDate>, than: Option<Option<NaiveDate>>) -> bool {
    than.is_none_or(|than| date >= than)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(label: &str, value: f64, section: Option<&str>) -> Declaration {
        Declaration {
            label: label.to_string(),
            value,
            section: section.map(str::to_string),
            source: "status.md".into(),
            line: 1,
            part: false,
        }
    }

    #[test]
    fn a_label_about_the_whole_project_comes_first() {
        let claims = [
            claim("Current MVP Completion", 42.0, Some("📊 Overall Progress")),
            claim("PROGRESSION TOTALE", 19.0, None),
        ];
        assert_eq!(whole_project_claim(&claims).map(|c| c.value), Some(19.0));
    }

    #[test]
    fn the_only_claim_under_an_overall_heading_is_the_projects() {
        let claims = [
            claim("Statut", 80.0, Some("Phase 1")),
            claim("Current MVP Completion", 42.0, Some("📊 Overall Progress")),
        ];
        assert_eq!(whole_project_claim(&claims).map(|c| c.value), Some(42.0));
        // Two claims there (`Backend completion`, `Frontend completion`)
        // are about parts: neither is the project's.
        let parts = [
            claim("Backend completion", 80.0, Some("Project Status")),
            claim("Frontend completion", 40.0, Some("Project Status")),
        ];
        assert_eq!(whole_project_claim(&parts), None);
        // A phase's bar under the overall heading is about that phase.
        let phase = [claim(
            "Phase 2 : Rollout",
            70.0,
            Some("📈 Overall progress"),
        )];
        assert_eq!(whole_project_claim(&phase), None);
        // A section that does not speak for the whole project keeps its claim.
        let section = [claim("Progress", 0.0, Some("Backend"))];
        assert_eq!(whole_project_claim(&section), None);
    }

    /// Corpus 16 (`# Project State`) gives `Progress: [░░░░░░░░░░] 0%`
    /// under `## Current Position`, beside `Phase: 1 of 3 (Foundation)`: a
    /// reader takes it for the project's progress.
    #[test]
    fn a_bare_progress_where_the_project_stands_is_the_projects() {
        let standing = [claim("Progress", 0.0, Some("Current Position"))];
        assert_eq!(whole_project_claim(&standing).map(|c| c.value), Some(0.0));
        let french = [
            claim("Statut", 80.0, Some("Phase 1")),
            claim("**Avancement**", 35.0, Some("📍 État actuel")),
        ];
        assert_eq!(whole_project_claim(&french).map(|c| c.value), Some(35.0));
        // A label naming what progressed, a phase's status heading, two
        // claims under one heading: not the project's.
        let named = [claim("Backend progress", 40.0, Some("Current Position"))];
        assert_eq!(whole_project_claim(&named), None);
        let phase = [claim("Progress", 40.0, Some("Phase 2 Status"))];
        assert_eq!(whole_project_claim(&phase), None);
        let two = [
            claim("Progress", 40.0, Some("Status")),
            claim("Progress", 60.0, Some("Status")),
        ];
        assert_eq!(whole_project_claim(&two), None);
    }

    /// A report's `**Percent complete:** 65%` under its title (the
    /// preamble: no section) is the project's claim; `Phase 1: 40%` there
    /// names a part, and two bare claims there say nothing of which holds.
    #[test]
    fn a_bare_progress_under_the_title_is_the_projects() {
        let header = [
            claim("Percent complete", 65.0, None),
            claim("Progress", 30.0, Some("Backend")),
        ];
        assert_eq!(whole_project_claim(&header).map(|c| c.value), Some(65.0));
        let french = [claim("Taux d'avancement", 40.0, None)];
        assert_eq!(whole_project_claim(&french).map(|c| c.value), Some(40.0));
        assert_eq!(whole_project_claim(&[claim("Phase 1", 40.0, None)]), None);
        let two = [
            claim("% complete", 40.0, None),
            claim("Completion", 60.0, None),
        ];
        assert_eq!(whole_project_claim(&two), None);
    }
}
