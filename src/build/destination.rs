//! Where a build writes: the output folder, and the folders it refuses
//! to replace.

use std::path::{Path, PathBuf};

use anyhow::bail;

use super::BuildOptions;
use crate::config::Config;

/// Where the site goes: `--output`, else `output_dir` from the config, else `<root>/public`.
pub fn output_dir(options: &BuildOptions, config: &Config) -> PathBuf {
    match (&options.output, &config.output_dir) {
        (Some(output), _) => output.clone(),
        (None, Some(dir)) => options.root.join(dir),
        (None, None) => options.root.join("public"),
    }
}

/// Refuses output folders whose replacement would destroy something: the
/// root itself or a folder above it, a folder inside `content/`, a folder
/// that holds a `content/` of its own (another portal), and a folder outside
/// the root that only the config file named (`--output` must say so).
pub(super) fn check_output_dir(options: &BuildOptions, output: &Path) -> anyhow::Result<()> {
    let absolute = |path: &Path| -> PathBuf {
        let path = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(path)
        };
        normalise(&path)
    };
    let root = absolute(&options.root);
    let output = absolute(output);
    if root.starts_with(&output) {
        bail!(
            "the output folder {} holds the portal itself; choose a folder such as {}",
            output.display(),
            root.join("public").display()
        );
    }
    if output.starts_with(root.join("content")) {
        bail!(
            "the output folder {} is inside content/; choose another",
            output.display()
        );
    }
    if output.join("content").is_dir() {
        bail!(
            "the output folder {} holds a content/ folder: it looks like a portal, not an output",
            output.display()
        );
    }
    if options.output.is_none() && !output.starts_with(&root) {
        bail!(
            "output_dir points outside the portal ({}); pass --output {} to confirm",
            output.display(),
            output.display()
        );
    }
    Ok(())
}

/// Resolves `.` and `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
