//! Documents grouped into projects (`EXTRACTION.md` §2).
//!
//! - `content/_index.md` is the portal's introduction, not a project.
//! - A file directly in `content/` is a project of its own.
//! - A folder `content/NAME/` is one project of every document below it:
//!   its `_index.md`, `index.md` or `README.md` (first found, in that order)
//!   comes first and gives the project's front matter, then the others in
//!   path order.
//! - Front matter `project = "other-slug"` moves a document to the end of
//!   the project with that slug; when no project has it, the moved
//!   documents make a new project of that slug.
//! - Slugs come from the first document's front matter `slug`, else the
//!   folder name or file stem, through [`slugify`]; a slug already taken
//!   gets `-2`, `-3`, ... and a `duplicate-slug` warning; so does a slug
//!   that names a folder of the site's own pages ([`SITE_FOLDERS`]).

use rustc_hash::{FxHashMap, FxHashSet};

use super::names::slugify;
use super::{Content, Document, ProjectSources};
use crate::messages;
use crate::model::Diagnostic;

/// Names of a folder's index document (file stem, without case), by priority.
const INDEX_STEMS: &[&str] = &["_index", "index", "readme"];

/// The folders of the site's own pages at its root (the cross-project
/// pages, the portfolio's later pages, the archived snapshots, the copies
/// of `content/`'s images). A project's
/// page is `<slug>/index.html`, so a project `risks.md` would have lost its
/// page to the risk register; its slug becomes `risks-2` instead.
pub const SITE_FOLDERS: &[&str] = &["files", "page", "people", "risks", "snapshots", "timeline"];

/// The introduction's file stem, directly in `content/`.
const INTRO_STEM: &str = "_index";

/// Where a document lives before any `project` key moves it.
#[derive(Debug)]
struct Home {
    /// `Some(NAME)` for `content/NAME/...`, `None` for a file in `content/`.
    folder: Option<String>,
    /// Folder name or file stem: the slug when front matter gives none.
    default_slug: String,
    documents: Vec<Document>,
}

/// Groups documents (in walk order) into the intro and projects.
///
/// Each folder's home and each slug's project are found by a map: a search
/// through all of them for each document was quadratic in a portal of
/// many folders.
pub fn group(documents: Vec<Document>) -> Content {
    let mut content = Content::default();
    let mut homes: Vec<Home> = Vec::new();
    let mut home_of_folder: FxHashMap<String, usize> = FxHashMap::default();
    let mut moved: Vec<Document> = Vec::new();
    for document in documents {
        let (folder, stem) = place(&document.source);
        if folder.is_none() && stem == INTRO_STEM && content.intro.is_none() {
            content.intro = Some(document);
            continue;
        }
        if document.front_matter.project.is_some() {
            moved.push(document);
            continue;
        }
        let home = folder.and_then(|folder| home_of_folder.get(folder).copied());
        match home {
            Some(home) => homes[home].documents.push(document),
            None => {
                if let Some(folder) = folder {
                    home_of_folder.insert(folder.to_string(), homes.len());
                }
                homes.push(Home {
                    default_slug: folder.unwrap_or(stem).to_string(),
                    folder: folder.map(str::to_string),
                    documents: vec![document],
                });
            }
        }
    }
    let mut projects: Vec<ProjectSources> = homes.into_iter().map(into_project).collect();
    // The first project of each slug (slugs are made unique below).
    let mut project_of_slug: FxHashMap<String, usize> = FxHashMap::default();
    if !moved.is_empty() {
        for (index, project) in projects.iter().enumerate().rev() {
            project_of_slug.insert(project.slug.clone(), index);
        }
    }
    for document in moved {
        let target = slugify(document.front_matter.project.as_deref().unwrap_or_default());
        match project_of_slug.get(&target) {
            Some(&index) => projects[index].documents.push(document),
            None => {
                project_of_slug.insert(target.clone(), projects.len());
                projects.push(ProjectSources {
                    slug: target,
                    folder: None,
                    documents: vec![document],
                });
            }
        }
    }
    content.diagnostics = make_slugs_unique(&mut projects);
    content.projects = projects;
    content
}

/// The top folder (if any) and the file stem of a content-relative path.
fn place(source: &str) -> (Option<&str>, &str) {
    let folder = source.split_once('/').map(|(top, _)| top);
    let file = source.rsplit('/').next().unwrap_or(source);
    let stem = match file.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => file,
    };
    (folder, stem)
}

/// A home's documents, index first, under the slug of its first document.
fn into_project(mut home: Home) -> ProjectSources {
    if let Some(folder) = &home.folder {
        if let Some(at) = index_position(&home.documents, folder) {
            let index = home.documents.remove(at);
            home.documents.insert(0, index);
        }
    }
    let slug = home
        .documents
        .first()
        .and_then(|d| d.front_matter.slug.as_deref())
        .map_or_else(|| slugify(&home.default_slug), slugify);
    ProjectSources {
        slug,
        folder: home.folder,
        documents: home.documents,
    }
}

/// The folder's index document: directly in the folder, named by
/// [`INDEX_STEMS`] in priority order.
fn index_position(documents: &[Document], folder: &str) -> Option<usize> {
    INDEX_STEMS.iter().find_map(|wanted| {
        documents.iter().position(|d| {
            let (_, stem) = place(&d.source);
            d.source.matches('/').count() == 1
                && d.source.starts_with(folder)
                && stem.eq_ignore_ascii_case(wanted)
        })
    })
}

/// Gives every project a slug of its own: the first project with a slug
/// keeps it, a later one gets `-2`, `-3`, ... skipping any slug another
/// project has naturally (a file `roadmap-2.md` keeps `roadmap-2`).
fn make_slugs_unique(projects: &mut [ProjectSources]) -> Vec<Diagnostic> {
    let mut taken: FxHashSet<String> = projects.iter().map(|p| p.slug.clone()).collect();
    taken.extend(SITE_FOLDERS.iter().map(|folder| folder.to_string()));
    let mut kept: FxHashSet<String> = FxHashSet::default();
    let mut diagnostics = Vec::new();
    for project in projects.iter_mut() {
        let site_folder = SITE_FOLDERS.contains(&project.slug.as_str());
        if !site_folder && kept.insert(project.slug.clone()) {
            continue;
        }
        let unique = (2..)
            .map(|n| format!("{}-{n}", project.slug))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_default();
        let source = project
            .documents
            .first()
            .map(|d| d.source.as_str())
            .unwrap_or_default();
        let message = if site_folder {
            messages::SITE_FOLDER_SLUG.say(&[&project.slug, &unique])
        } else {
            messages::DUPLICATE_SLUG.say(&[&project.slug, &unique])
        };
        diagnostics.push(Diagnostic::warning("duplicate-slug", source, 1, message));
        taken.insert(unique.clone());
        kept.insert(unique.clone());
        project.slug = unique;
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::FrontMatter;

    fn doc(source: &str) -> Document {
        Document {
            source: source.to_string(),
            text: String::new(),
            front_matter: FrontMatter::default(),
            diagnostics: Vec::new(),
            decoding: None,
        }
    }

    fn with(source: &str, front_matter: FrontMatter) -> Document {
        Document {
            front_matter,
            ..doc(source)
        }
    }

    /// Front matter that moves its document to the project `project`.
    fn moved_to(project: &str) -> FrontMatter {
        FrontMatter {
            project: Some(project.into()),
            ..FrontMatter::default()
        }
    }

    fn sources(project: &ProjectSources) -> Vec<&str> {
        project
            .documents
            .iter()
            .map(|d| d.source.as_str())
            .collect()
    }

    #[test]
    fn files_and_folders_make_projects_and_the_index_comes_first() {
        let content = group(vec![
            doc("_index.md"),
            doc("alpha.md"),
            doc("team/a-notes.md"),
            doc("team/README.md"),
            doc("team/sub/deep.md"),
            doc("team/z.md"),
        ]);
        assert_eq!(
            content.intro.as_ref().map(|d| d.source.as_str()),
            Some("_index.md")
        );
        assert_eq!(content.projects.len(), 2);
        assert_eq!(content.projects[0].slug, "alpha");
        assert_eq!(content.projects[1].slug, "team");
        assert_eq!(content.projects[1].folder.as_deref(), Some("team"));
        assert_eq!(
            sources(&content.projects[1]),
            [
                "team/README.md",
                "team/a-notes.md",
                "team/sub/deep.md",
                "team/z.md"
            ]
        );
    }

    #[test]
    fn a_deeper_readme_is_not_the_index() {
        let content = group(vec![doc("team/a.md"), doc("team/sub/README.md")]);
        assert_eq!(
            sources(&content.projects[0]),
            ["team/a.md", "team/sub/README.md"]
        );
    }

    #[test]
    fn project_key_moves_a_document() {
        let content = group(vec![
            doc("alpha.md"),
            with("beta.md", moved_to("Alpha")),
            with("gamma.md", moved_to("Nouveau Projet")),
        ]);
        let slugs: Vec<&str> = content.projects.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["alpha", "nouveau-projet"]);
        assert_eq!(sources(&content.projects[0]), ["alpha.md", "beta.md"]);
    }

    /// A folder is one project wherever its documents come in the list,
    /// and two documents moved to one new slug make one project, the
    /// first project of a slug taking what is moved to it.
    #[test]
    fn folders_and_moved_documents_find_their_project_in_any_order() {
        let same_slug = FrontMatter {
            slug: Some("alpha".into()),
            ..FrontMatter::default()
        };
        let content = group(vec![
            doc("a/x.md"),
            with("b/alpha.md", same_slug),
            doc("a/z.md"),
            with("m1.md", moved_to("Nouveau")),
            doc("alpha.md"),
            with("m2.md", moved_to("nouveau")),
            with("m3.md", moved_to("Alpha")),
        ]);
        let slugs: Vec<&str> = content.projects.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "alpha", "alpha-2", "nouveau"]);
        assert_eq!(sources(&content.projects[0]), ["a/x.md", "a/z.md"]);
        assert_eq!(sources(&content.projects[1]), ["b/alpha.md", "m3.md"]);
        assert_eq!(sources(&content.projects[3]), ["m1.md", "m2.md"]);
    }

    #[test]
    fn duplicate_slugs_get_a_number_and_a_warning() {
        let same = |source| {
            with(
                source,
                FrontMatter {
                    slug: Some("roadmap".into()),
                    ..FrontMatter::default()
                },
            )
        };
        let content = group(vec![
            same("a.md"),
            same("b.md"),
            doc("roadmap-2.md"),
            same("c.md"),
        ]);
        let slugs: Vec<&str> = content.projects.iter().map(|p| p.slug.as_str()).collect();
        // b.md cannot take roadmap-2: the file roadmap-2.md has it.
        assert_eq!(slugs, ["roadmap", "roadmap-3", "roadmap-2", "roadmap-4"]);
        assert_eq!(content.diagnostics.len(), 2);
        assert_eq!(content.diagnostics[0].source, "b.md");
        assert!(content
            .diagnostics
            .iter()
            .all(|d| d.code == "duplicate-slug"));
    }

    #[test]
    fn a_slug_that_names_a_folder_of_the_site_gets_a_number() {
        let content = group(vec![
            doc("people/index.md"),
            doc("riskier.md"),
            doc("risks.md"),
        ]);
        let slugs: Vec<&str> = content.projects.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["people-2", "riskier", "risks-2"]);
        assert_eq!(content.diagnostics.len(), 2);
        let said: Vec<(&str, &str)> = content
            .diagnostics
            .iter()
            .map(|d| (d.source.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(said[0].0, "people/index.md");
        assert!(said[0]
            .1
            .starts_with("`people` is the address of a page of the portal"));
        assert!(said[0].1.ends_with("this project is `people-2`"));
        assert_eq!(said[1].0, "risks.md");
        assert!(said[1].1.ends_with("this project is `risks-2`"));
        assert!(content
            .diagnostics
            .iter()
            .all(|d| d.code == "duplicate-slug"));
    }
}
