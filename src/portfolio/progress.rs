//! (stub, to be written) Project rollups: counts, progress, declarations, people.

use crate::config::Config;
use crate::model::Project;

/// Rolls the project's sections up into its counts, progress and people.
pub fn roll_up(project: &mut Project, config: &Config) {
    let _ = (project, config);
}
