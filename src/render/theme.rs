//! The default theme, embedded in the binary so `sitrep` works from any
//! folder, and the user's overrides: a file in `<root>/templates/` replaces
//! the embedded template of the same name; files in `<root>/static/` are
//! copied to the site root (a `style.css` there replaces ours).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;

/// Templates of `themes/default/templates/`, by tera name.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "timeline.html",
        include_str!("../../themes/default/templates/timeline.html"),
    ),
    (
        "risks.html",
        include_str!("../../themes/default/templates/risks.html"),
    ),
    (
        "people.html",
        include_str!("../../themes/default/templates/people.html"),
    ),
    (
        "project.html",
        include_str!("../../themes/default/templates/project.html"),
    ),
    (
        "person.html",
        include_str!("../../themes/default/templates/person.html"),
    ),
    (
        "document.html",
        include_str!("../../themes/default/templates/document.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "snapshots.html",
        include_str!("../../themes/default/templates/snapshots.html"),
    ),
    (
        "macros/ui.html",
        include_str!("../../themes/default/templates/macros/ui.html"),
    ),
];

/// Static files of `themes/default/static/`, by output path.
pub const STATIC: &[(&str, &[u8])] = &[(
    "style.css",
    include_bytes!("../../themes/default/static/style.css"),
)];

/// The templates to load: the embedded ones, replaced or completed by
/// `<root>/templates/**` (names relative to that folder, `/`-separated).
pub fn templates(root: Option<&Path>) -> anyhow::Result<BTreeMap<String, String>> {
    let mut templates: BTreeMap<String, String> = TEMPLATES
        .iter()
        .map(|&(name, text)| (name.to_string(), text.to_string()))
        .collect();
    if let Some(root) = root {
        for (name, bytes) in read_tree(&root.join("templates"))? {
            let text = String::from_utf8(bytes)
                .with_context(|| format!("templates/{name} is not UTF-8"))?;
            templates.insert(name, text);
        }
    }
    Ok(templates)
}

/// Whether each of `names` is, in `templates`, the embedded default.
pub fn is_default(templates: &BTreeMap<String, String>, names: &[&str]) -> bool {
    names.iter().all(|name| {
        let embedded = TEMPLATES
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, text)| *text);
        embedded.is_some() && templates.get(*name).map(String::as_str) == embedded
    })
}

/// The static files to copy: ours, then `<root>/static/**` over them.
pub fn static_files(root: Option<&Path>) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let mut files: BTreeMap<String, Vec<u8>> = STATIC
        .iter()
        .map(|&(name, bytes)| (name.to_string(), bytes.to_vec()))
        .collect();
    if let Some(root) = root {
        files.extend(read_tree(&root.join("static"))?);
    }
    Ok(files)
}

/// Every file under `dir`, sorted, keyed by its `/`-separated relative path.
fn read_tree(dir: &Path) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(entry.path())
            .with_context(|| format!("cannot read {}", entry.path().display()))?;
        files.insert(relative, bytes);
    }
    Ok(files)
}
