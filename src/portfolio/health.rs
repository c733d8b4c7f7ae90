//! (stub, to be written) Project health (`STATUS_JSON.md`, "Health").

use chrono::NaiveDate;

use crate::config::Config;
use crate::model::Project;

/// Sets overdue milestones, staleness, health and its reason.
pub fn assess(project: &mut Project, config: &Config, as_of: NaiveDate) {
    let _ = (project, config, as_of);
}
