//! `sitrep init` and `sitrep new`: a new portal with a starter config and two
//! example documents, and a starter tracking document.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context as _};

use crate::config::Language;

const CONFIG: &str = r#"# sitrep portal settings; every key is optional.
# title = "Q3 programme"  # default: "Project status" ("État des projets" in French)
# description = "Where our projects stand"
# base_url = "https://example.github.io/portal/"
# source_url = "https://github.com/example/portal/blob/main/content/"  # where relative links to other files lead
language = "en"          # en, fr, es, it or de: the language of the pages
stale_after_days = 30    # a document older than this is flagged stale
# as_of = 2026-01-31     # fixes "today" (an archived sprint); default: the build's date
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

/// What a portal keeps out of version control: the built site and the
/// extraction cache (both are remade by `sitrep build`).
const GITIGNORE: &str = "/public/\n/.public.sitrep-previous/\n/.sitrep-cache/\n";

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
    fs::write(dir.join(".gitignore"), GITIGNORE)?;
    fs::write(content.join("website-redesign.md"), TRACKER)?;
    fs::write(content.join("migration-entrepot.md"), SUIVI)?;
    Ok(())
}

/// The starter tracking document of `sitrep new`, in French.
const NEW_FR: &str = r#"# {title}

**Dernière mise à jour :** {today}
**Responsable :** @responsable
**Statut global :** 🟢 En bonne voie

## Phase 1 : Cadrage

- [x] Note de cadrage validée — @responsable
- [/] Ateliers avec les utilisateurs — @analyste
- [ ] Planning détaillé

## Phase 2 : Réalisation

| ID | Tâche | Assigné | Points | Statut |
|----|-------|---------|--------|--------|
| T-1 | Première fonctionnalité | @dev | 5 | En cours |
| T-2 | Deuxième fonctionnalité | @dev | 3 | À faire |

## Jalons

| Jalon | Date | Statut |
|-------|------|--------|
| Lancement | {today} | Fait |
| Mise en production | {later} | Prévu |

## Risques

- **Disponibilité de l'équipe**
  - Impact : Moyen
  - Probabilité : Faible
  - Mitigation : planifier les congés tôt

## Équipe

- @responsable : Chef de projet
- @dev : Développeur
"#;

/// The starter tracking document of `sitrep new`, in English.
const NEW_EN: &str = r#"# {title}

**Last updated:** {today}
**Owner:** @owner
**Status:** 🟢 On track

## Phase 1: Discovery

- [x] Project charter signed off — @owner
- [/] User interviews — @analyst
- [ ] Detailed plan

## Phase 2: Delivery

| ID | Task | Assignee | Points | Status |
|----|------|----------|--------|--------|
| T-1 | First feature | @dev | 5 | In progress |
| T-2 | Second feature | @dev | 3 | To do |

## Milestones

| Milestone | Date | Status |
|-----------|------|--------|
| Kick-off | {today} | Done |
| Go-live | {later} | Planned |

## Risks

- **Team availability**
  - Impact: Medium
  - Probability: Low
  - Mitigation: plan holidays early

## Team

- @owner: Project lead
- @dev: Developer
"#;

/// The starter tracking document of `sitrep new`, in Spanish.
const NEW_ES: &str = r#"# {title}

**Última actualización:** {today}
**Responsable:** @responsable
**Estado general:** 🟢 En buen camino

## Fase 1: Definición

- [x] Acta de constitución aprobada — @responsable
- [/] Entrevistas con los usuarios — @analista
- [ ] Plan detallado

## Fase 2: Ejecución

| ID | Tarea | Asignado | Puntos | Estado |
|----|-------|----------|--------|--------|
| T-1 | Primera funcionalidad | @dev | 5 | En curso |
| T-2 | Segunda funcionalidad | @dev | 3 | Pendiente |

## Hitos

| Hito | Fecha | Estado |
|------|-------|--------|
| Arranque | {today} | Completado |
| Puesta en producción | {later} | Planificado |

## Riesgos

- **Disponibilidad del equipo**
  - Impacto: Medio
  - Probabilidad: Baja
  - Mitigación: planificar las vacaciones con antelación

## Equipo

- @responsable: Jefe de proyecto
- @dev: Desarrollador
"#;

/// The starter tracking document of `sitrep new`, in Italian.
const NEW_IT: &str = r#"# {title}

**Ultimo aggiornamento:** {today}
**Responsabile:** @responsabile
**Stato complessivo:** 🟢 In linea

## Fase 1: Analisi

- [x] Documento di progetto approvato — @responsabile
- [/] Interviste con gli utenti — @analista
- [ ] Piano dettagliato

## Fase 2: Realizzazione

| ID | Attività | Assegnatario | Punti | Stato |
|----|----------|--------------|-------|-------|
| T-1 | Prima funzionalità | @dev | 5 | In corso |
| T-2 | Seconda funzionalità | @dev | 3 | Da fare |

## Traguardi

| Traguardo | Data | Stato |
|-----------|------|-------|
| Kick-off | {today} | Completato |
| Messa in produzione | {later} | Pianificato |

## Rischi

- **Disponibilità del team**
  - Impatto: Medio
  - Probabilità: Bassa
  - Mitigazione: pianificare le ferie per tempo

## Team

- @responsabile: Capo progetto
- @dev: Sviluppatore
"#;

/// The starter tracking document of `sitrep new`, in German.
const NEW_DE: &str = r#"# {title}

**Zuletzt aktualisiert:** {today}
**Projektleitung:** @projektleitung
**Gesamtstatus:** 🟢 Im Plan

## Phase 1: Konzeption

- [x] Projektauftrag freigegeben — @projektleitung
- [/] Interviews mit den Nutzern — @analyst
- [ ] Detailplanung

## Phase 2: Umsetzung

| ID | Aufgabe | Zuständig | Punkte | Status |
|----|---------|-----------|--------|--------|
| T-1 | Erste Funktion | @dev | 5 | In Arbeit |
| T-2 | Zweite Funktion | @dev | 3 | Offen |

## Meilensteine

| Meilenstein | Datum | Status |
|-------------|-------|--------|
| Kick-off | {today} | Erledigt |
| Go-live | {later} | Geplant |

## Risiken

- **Verfügbarkeit des Teams**
  - Auswirkung: Mittel
  - Wahrscheinlichkeit: Gering
  - Maßnahme: Urlaube früh planen

## Team

- @projektleitung: Projektleiter
- @dev: Entwickler
"#;

/// Writes `content/<slug>.md`, a starter tracking document named `name`
/// that uses every structure sitrep reads, in `language`. Refuses to
/// overwrite a file.
pub fn new_document(
    root: &Path,
    name: &str,
    language: Language,
    today: chrono::NaiveDate,
) -> anyhow::Result<std::path::PathBuf> {
    let slug = crate::ingest::names::slugify(name);
    let path = root.join("content").join(format!("{slug}.md"));
    if path.exists() {
        bail!("{} already exists; choose another name", path.display());
    }
    let later = today + chrono::Days::new(90);
    let template = match language {
        Language::En => NEW_EN,
        Language::Fr => NEW_FR,
        Language::Es => NEW_ES,
        Language::It => NEW_IT,
        Language::De => NEW_DE,
    };
    let text = template
        .replace("{title}", name.trim())
        .replace("{today}", &today.to_string())
        .replace("{later}", &later.to_string());
    fs::create_dir_all(root.join("content"))?;
    fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}
