//! `sitrep init`: a new portal with a starter config and two example documents.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context as _};

const CONFIG: &str = r#"# sitrep portal settings; every key is optional.
title = "Project status"
# description = "Where our projects stand"
# base_url = "https://example.github.io/portal/"
language = "en"          # en or fr: the language of the pages
stale_after_days = 30    # a document older than this is flagged stale
date_order = "dmy"       # how 10/01/2025 reads: dmy or mdy
"#;

const TRACKER: &str = r#"# Website redesign

**Last updated:** 2026-01-15
**Owner:** @alice

## Phase 1: Discovery

- [x] Stakeholder interviews @alice
- [x] Analytics review @bob
- [ ] Content inventory @bob

## Phase 2: Build

| Task | Owner | Status |
|------|-------|--------|
| Design system | @carol | In progress |
| Home page | @carol | To do |

## Milestones

| Milestone | Date | Status |
|-----------|------|--------|
| Design sign-off | 2026-02-01 | Planned |
| Go-live | 2026-04-15 | Planned |

## Risks

- **Content not ready in time**: impact high, probability medium. Mitigation: freeze scope in February.
"#;

const SUIVI: &str = r#"# Migration de l'entrepôt de données

**Dernière mise à jour :** 12/01/2026

## Lot 1 : Socle

- ✅ Choix de la plateforme — @marc
- 🚧 Pipeline d'ingestion — @lea — En cours
- ⬜ Supervision — @lea

## Jalons

- Recette : 15 mars 2026
- Mise en production : fin avril 2026
"#;

/// Writes a starter portal into `dir`, which must be missing or empty.
pub fn init(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        let mut entries =
            fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{} is not empty; sitrep init only writes into an empty folder",
                dir.display()
            );
        }
    }
    let content = dir.join("content");
    fs::create_dir_all(&content).with_context(|| format!("cannot create {}", content.display()))?;
    fs::write(dir.join("config.toml"), CONFIG)?;
    fs::write(content.join("website-redesign.md"), TRACKER)?;
    fs::write(content.join("migration-entrepot.md"), SUIVI)?;
    Ok(())
}
