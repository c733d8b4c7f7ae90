//! UI strings and date formats of the two page languages.
//!
//! The table is data: one row per key with its English and French text.
//! Templates read it as `t.<key>`; Rust code that builds sentences (`3 of 7
//! items`) reads it through [`Strings::get`].

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::config::Language;
use crate::model::{Health, Severity, Status};

/// `(key, English, French)`. `{0}` and `{1}` are filled by [`Strings::fill`].
const STRINGS: &[(&str, &str, &str)] = &[
    // Between groups of three digits ([`group_thousands`]): French uses a
    // narrow no-break space (U+202F), so a number never breaks across lines.
    ("thousands_separator", ",", "\u{202f}"),
    ("portfolio", "Portfolio", "Portefeuille"),
    ("history", "History", "Historique"),
    ("snapshots", "Snapshots", "Instantanés"),
    ("snapshot", "Snapshot", "Instantané"),
    ("now", "now", "maintenant"),
    ("burn_up", "Burn-up: scope and done items over time", "Burn-up : périmètre et tâches faites dans le temps"),
    ("scope", "Scope (items)", "Périmètre (tâches)"),
    ("done_items", "Done", "Faites"),
    ("milestone_trend", "Milestone forecasts over time", "Prévisions des jalons dans le temps"),
    ("milestone_trend_intro", "Milestones whose date moved between snapshots.", "Jalons dont la date a bougé entre deux instantanés."),
    ("forecast_seen", "Forecast seen on", "Prévision relevée le"),
    ("moved_days", "Moved (days)", "Décalage (jours)"),
    ("changes_since", "Changes since snapshot {0}", "Changements depuis l'instantané {0}"),
    ("no_changes", "No change since the last snapshot.", "Aucun changement depuis le dernier instantané."),
    ("sparkline_label", "progress from {0} to {1} over {2} snapshots", "avancement de {0} à {1} sur {2} instantanés"),
    ("snapshots_intro", "Each snapshot records the portfolio as it was; its archived portal opens on its own, offline.", "Chaque instantané fige le portefeuille tel qu'il était ; son portail archivé s'ouvre seul, hors ligne."),
    ("no_snapshots", "No snapshot recorded yet: run `sitrep snapshot`.", "Aucun instantané : lancez `sitrep snapshot`."),
    ("archived_site", "archived portal", "portail archivé"),
    ("download", "download", "télécharger"),
    ("changes", "Changes", "Changements"),
    ("red_projects", "Red", "Rouges"),
    ("amber_projects", "Amber", "Orange"),
    ("feed", "Atom feed of changes", "Flux Atom des changements"),
    ("timeline", "Timeline", "Calendrier"),
    ("risks", "Risks", "Risques"),
    ("people", "People", "Personnes"),
    ("projects", "Projects", "Projets"),
    ("project", "Project", "Projet"),
    ("as_of", "As of", "Au"),
    ("updated", "Updated", "Mis à jour"),
    ("stale", "stale", "ancien"),
    ("stale_long", "not updated for a long time", "pas mis à jour depuis longtemps"),
    ("health", "Health", "Santé"),
    ("progress", "Progress", "Avancement"),
    ("computed", "computed", "calculé"),
    ("declared", "declared", "déclaré"),
    ("declared_parts", "Declared, part by part", "Déclaré, partie par partie"),
    ("no_data", "no data", "pas de données"),
    // The badge's short form of "no data" (non disponible).
    ("badge_no_progress", "n/a", "n.d."),
    ("items", "Items", "Tâches"),
    ("items_of", "{0} of {1} items", "{0} sur {1} tâches"),
    ("items_of_one", "{0} of {1} item", "{0} sur {1} tâche"),
    ("items_none", "no items", "aucune tâche"),
    ("milestones_done_of", "{0} of {1} milestones done", "{0} jalons atteints sur {1}"),
    // French puts 0 and 1 in the singular; English follows the total.
    ("milestones_done_of_few", "{0} of {1} milestones done", "{0} jalon atteint sur {1}"),
    ("milestones_done_of_one", "{0} of {1} milestone done", "{0} jalon atteint sur {1}"),
    ("show_closed", "Show the {0} closed items", "Afficher les {0} tâches closes"),
    ("next_milestone", "Next milestone", "Prochain jalon"),
    ("worst_risk", "Worst risk", "Risque principal"),
    ("worst_area", "Worst area", "Pire axe"),
    ("among_areas", "of {0} areas", "sur {0} axes"),
    ("introduction", "Introduction", "Introduction"),
    ("sources", "Sources", "Sources"),
    ("sections", "Sections and items", "Sections et tâches"),
    ("milestones", "Milestones", "Jalons"),
    ("diagnostics", "Diagnostics", "Diagnostics"),
    ("diagnostics_intro", "What we could not read, and where.", "Ce que nous n'avons pas pu lire, et où."),
    // No claim that anything was found: a document may hold no status at all.
    ("no_diagnostics", "No problem found while reading the documents.", "Aucun problème relevé à la lecture des documents."),
    ("source_document", "Source document", "Document source"),
    ("source_documents", "Source documents", "Documents sources"),
    ("title", "Title", "Titre"),
    ("date", "Date", "Date"),
    // The project's span, from the front matter's `start`/`end` or the
    // start date its document states.
    ("period", "Period", "Période"),
    ("from_date", "from {0}", "depuis le {0}"),
    ("until_date", "until {0}", "jusqu'au {0}"),
    ("as_written", "As written", "Tel qu'écrit"),
    ("status", "Status", "Statut"),
    ("severity", "Severity", "Gravité"),
    ("impact", "Impact", "Impact"),
    ("probability", "Probability", "Probabilité"),
    ("score", "Score", "Score"),
    ("mitigation", "Mitigation", "Atténuation"),
    ("owner", "Owner", "Responsable"),
    ("role", "Role", "Rôle"),
    ("open_item", "Open item", "Tâche ouverte"),
    ("open_items", "Open items", "Tâches ouvertes"),
    ("no_open_items", "No open item", "Aucune tâche ouverte"),
    ("overdue", "overdue", "en retard"),
    ("overdue_items", "Overdue items", "Tâches en retard"),
    ("today", "today", "aujourd'hui"),
    // French sets a colon apart from the word before it.
    ("colon", ":", " :"),
    ("none", "none", "aucun"),
    ("no_date", "no date", "sans date"),
    ("risk_matrix", "Risk matrix", "Matrice des risques"),
    ("risk_matrix_caption", "Open risks by probability (columns) and impact (rows); the number is the count of risks in the cell.", "Risques ouverts par probabilité (colonnes) et impact (lignes) ; le nombre est le nombre de risques de la case."),
    ("risk_table", "All risks by severity", "Tous les risques par gravité"),
    ("no_open_risk_to_place", "No open risk to place.", "Aucun risque ouvert à placer."),
    ("unrated_risks", "{0} open risk(s) without impact and probability appear only in the table.", "{0} risque(s) ouvert(s) sans impact ni probabilité n'apparaissent que dans le tableau."),
    // No matrix is drawn then: the sentence must not speak of one as there.
    ("unplaced_risks", "No open risk has both an impact and a probability to place on a matrix: the {0} open risk(s) are in the table.", "Aucun risque ouvert n'a à la fois un impact et une probabilité à placer sur une matrice : les {0} risque(s) ouvert(s) sont dans le tableau."),
    ("no_risks", "No risk recorded.", "Aucun risque relevé."),
    ("no_milestones", "No milestone recorded.", "Aucun jalon relevé."),
    ("no_people", "Nobody is named.", "Personne n'est nommé."),
    ("no_items", "No items.", "Aucune tâche."),
    ("no_projects", "No project yet: put tracking documents in content/.", "Aucun projet : placez des documents de suivi dans content/."),
    ("closed", "closed", "clos"),
    ("id", "Id", "Id"),
    ("points", "Points", "Points"),
    ("due", "Due", "Échéance"),
    ("level", "Level", "Niveau"),
    ("code", "Code", "Code"),
    ("where", "Where", "Où"),
    ("message", "Message", "Message"),
    ("method", "method", "méthode"),
    ("skip", "Skip to content", "Aller au contenu"),
    ("main_nav", "Main", "Principale"),
    ("not_found", "Page not found", "Page introuvable"),
    ("not_found_text", "This page does not exist (any more).", "Cette page n'existe pas (ou plus)."),
    ("back_home", "Back to the portfolio", "Retour au portefeuille"),
    ("generated_by", "Generated by", "Généré par"),
    ("summary", "Summary", "Synthèse"),
    ("tile_health", "Projects by health", "Projets par santé"),
    ("tile_items", "Items done", "Tâches terminées"),
    ("tile_items_of", "of {0} · {1}", "sur {0} · {1}"),
    ("tile_next30", "Milestones in the next 30 days", "Jalons dans les 30 jours"),
    ("tile_overdue", "Overdue milestones", "Jalons en retard"),
    ("tile_critical", "Critical risks", "Risques critiques"),
    ("tile_stale", "Stale documents", "Documents anciens"),
    ("timeline_caption", "Milestones of every project by date", "Jalons de tous les projets par date"),
    ("project_timeline_caption", "Milestones of this project by date", "Jalons de ce projet par date"),
    ("undated", "{0} milestone(s) without a date appear only in the table.", "{0} jalon(s) sans date n'apparaissent que dans le tableau."),
    ("legend", "Legend", "Légende"),
    ("range", "range", "période"),
    ("first_plan", "first plan", "plan initial"),
    // A moved milestone's shift from its first plan, in days, signed.
    ("moved_short", "{0} d", "{0} j"),
    ("moved_note", "first planned for {0}", "prévu d'abord le {0}"),
    ("person_projects", "Open and overdue items per project", "Tâches ouvertes et en retard par projet"),
    ("declared_health", "declared health", "santé déclarée"),
    ("areas", "Health by area", "Météo par axe"),
    ("area", "Area", "Axe"),
    ("area_note", "What the report says", "Ce qu'en dit le rapport"),
    ("area_unrated", "not rated", "non évalué"),
    ("badge", "Badge", "Badge"),
    ("document", "document", "document"),
    ("see_source", "see in the source", "voir dans la source"),
    ("st_done", "done", "fait"),
    ("st_in_progress", "in progress", "en cours"),
    ("st_todo", "to do", "à faire"),
    ("st_blocked", "blocked", "bloqué"),
    ("st_cancelled", "cancelled", "annulé"),
    ("st_unknown", "no status", "sans statut"),
    ("h_done", "done", "terminé"),
    ("h_green", "green", "vert"),
    ("h_amber", "amber", "orange"),
    ("h_red", "red", "rouge"),
    ("h_unknown", "unknown", "inconnu"),
    ("sev_low", "low", "faible"),
    ("sev_medium", "medium", "moyen"),
    ("sev_high", "high", "élevé"),
    ("sev_critical", "critical", "critique"),
    ("sev_unrated", "not rated", "non évalué"),
    ("lvl_warning", "warning", "avertissement"),
    ("lvl_error", "error", "erreur"),
    // Long lists cut into pages (a large portfolio).
    ("page", "Page", "Page"),
    ("page_of", "page {0} of {1}", "page {0} sur {1}"),
    ("page_summary", "Page {0} of {1}", "Page {0} sur {1}"),
    ("pages", "Pages", "Pages"),
    ("pages_end", "Pages, end of the list", "Pages, fin de la liste"),
    ("previous", "Previous", "Précédente"),
    ("next", "Next", "Suivante"),
    ("projects_range", "Projects {0}–{1} of {2}", "Projets {0} à {1} sur {2}"),
    ("risks_range", "Risks {0}–{1} of {2}", "Risques {0} à {1} sur {2}"),
    ("risks_span", "{0} risks on this page: {1} → {2}", "{0} risques sur cette page : {1} → {2}"),
    ("risks_span_one", "{0} risks on this page: {1}", "{0} risques sur cette page : {1}"),
    ("people_range", "People {0}–{1} of {2}", "Personnes {0} à {1} sur {2}"),
    ("programs", "Programmes", "Programmes"),
    ("program", "Programme", "Programme"),
    ("programs_caption", "Projects by programme; each name leads to its projects.", "Projets par programme ; chaque nom mène à ses projets."),
    ("other_projects", "Other projects", "Autres projets"),
    ("continued", "(continued)", "(suite)"),
    ("one_project", "1 project", "1 projet"),
    ("n_projects", "{0} projects", "{0} projets"),
    ("timeline_page_caption", "Milestones of projects {0}–{1} by date", "Jalons des projets {0} à {1} par date"),
    ("milestones_of_projects", "Milestones of projects {0}–{1}", "Jalons des projets {0} à {1}"),
    ("more_below", "{0} more, in the pages below.", "{0} de plus, dans les pages ci-dessous."),
    ("more_risks", "+{0} more", "+{0} autres"),
    ("more_sources", "and {0} more", "et {0} de plus"),
    ("milestones_cut", "The {0} milestones nearest today, of {1}: each document's page lists its own.", "Les {0} jalons les plus proches d'aujourd'hui, sur {1} : la page de chaque document liste les siens."),
    ("timeline_cut", "A project of more than {0} milestones shows here the {0} nearest today; its documents' pages list them all.", "Un projet de plus de {0} jalons montre ici les {0} plus proches d'aujourd'hui ; les pages de ses documents les listent tous."),
    ("risks_cut", "The first {0} risks of {1}: each document's page lists its own.", "Les {0} premiers risques sur {1} : la page de chaque document liste les siens."),
    ("diagnostics_cut", "The first {0} of {1}: each document's page lists its own.", "Les {0} premiers sur {1} : la page de chaque document liste les siens."),
    ("documents_apart", "This project has {0} documents: each has a page of its own.", "Ce projet compte {0} documents : chacun a sa propre page."),
    ("document_place", "Document {0} of {1} of {2}", "Document {0} sur {1} de {2}"),
    ("previous_document", "← Previous document: {0}", "← Document précédent : {0}"),
    ("next_document", "Next document: {0} →", "Document suivant : {0} →"),
    ("by_severity", "Risks by severity", "Risques par gravité"),
    ("from_page", "from page {0}", "à partir de la page {0}"),
    ("risk_count", "risks", "risques"),
    ("all_projects_of", "All {0} projects of {1}", "Les {0} projets de {1}"),
];

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FR_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_FR_LONG: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The UI strings by key, as templates read them (`t.due`, `t["due"]`).
pub type Table = BTreeMap<&'static str, &'static str>;

/// The UI strings of one language.
#[derive(Debug, Clone)]
pub struct Strings {
    pub language: Language,
    table: Table,
}

impl Strings {
    pub fn new(language: Language) -> Strings {
        let table = STRINGS
            .iter()
            .map(|&(key, en, fr)| (key, if language == Language::Fr { fr } else { en }))
            .collect();
        Strings { language, table }
    }

    /// The whole table, for templates (`t.timeline`).
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// The text of `key`; an unknown key shows as itself so a typo is visible.
    pub fn get(&self, key: &str) -> String {
        self.table.get(key).copied().unwrap_or(key).to_string()
    }

    /// The text of `key`, borrowed: for the words every row of a page
    /// repeats (an item's status, a risk's severity), found without a
    /// `String` of their own each time.
    pub fn word(&self, key: &'static str) -> &'static str {
        self.table.get(key).copied().unwrap_or(key)
    }

    /// The word of a status (`fait`, `in progress`; `no status` for none).
    pub fn status_word(&self, status: Option<Status>) -> &'static str {
        self.word(match status {
            Some(Status::Done) => "st_done",
            Some(Status::InProgress) => "st_in_progress",
            Some(Status::Todo) => "st_todo",
            Some(Status::Blocked) => "st_blocked",
            Some(Status::Cancelled) => "st_cancelled",
            None => "st_unknown",
        })
    }

    /// The word of a health (`vert`, `amber`).
    pub fn health_word(&self, health: Health) -> &'static str {
        self.word(match health {
            Health::Done => "h_done",
            Health::Green => "h_green",
            Health::Amber => "h_amber",
            Health::Red => "h_red",
            Health::Unknown => "h_unknown",
        })
    }

    /// The word of a severity (`élevé`, `critical`).
    pub fn severity_word(&self, severity: Severity) -> &'static str {
        self.word(match severity {
            Severity::Low => "sev_low",
            Severity::Medium => "sev_medium",
            Severity::High => "sev_high",
            Severity::Critical => "sev_critical",
        })
    }

    /// `get(key)` with `{0}`, `{1}` replaced by `args`.
    pub fn fill(&self, key: &str, args: &[&str]) -> String {
        let mut text = self.get(key);
        for (index, arg) in args.iter().enumerate() {
            text = text.replace(&format!("{{{index}}}"), arg);
        }
        text
    }

    /// A count with its thousands grouped, as each language writes them:
    /// `921,558`; `921 558` ([`group_thousands`]).
    pub fn count(&self, count: impl std::fmt::Display) -> String {
        group_thousands(count, self.table["thousands_separator"])
    }

    /// A percentage as the language writes it, with at most one decimal
    /// ([`super::pct`]): `41.7%`; `41,7 %` (decimal comma, a narrow
    /// no-break space before the sign).
    pub fn percent(&self, value: f64) -> String {
        let figure = super::pct(value);
        match self.language {
            Language::En => format!("{figure}%"),
            Language::Fr => format!("{}\u{202f}%", figure.replace('.', ",")),
        }
    }

    /// An item's story points with their word, singular as each language
    /// says it: `1 point`, `3 points`; `1,5 point` (French keeps the
    /// singular below two).
    pub fn story_points(&self, value: f64) -> String {
        let singular = match self.language {
            Language::En => value == 1.0,
            Language::Fr => value < 2.0,
        };
        let word = if singular { "point" } else { "points" };
        format!("{} {word}", self.figure(value))
    }

    /// A figure with at most one decimal, as the language writes it:
    /// `2.5`; `2,5` (an item's story points).
    pub fn figure(&self, value: f64) -> String {
        let figure = super::one_decimal(value);
        match self.language {
            Language::En => figure,
            Language::Fr => figure.replace('.', ","),
        }
    }

    /// Short date: `2 Feb 2026`, `2 févr. 2026`. Its parts are held
    /// together by no-break spaces, so that a date never breaks across
    /// lines (`6 déc.` / `2026` in a narrow tile), as for all three below.
    pub fn date(&self, date: NaiveDate) -> String {
        let month = date.month0() as usize;
        let name = match self.language {
            Language::En => MONTHS_EN[month],
            Language::Fr => MONTHS_FR_SHORT[month],
        };
        format!("{}\u{a0}{}\u{a0}{}", date.day(), name, date.year())
    }

    /// Long date: `2 February 2026`, `2 février 2026`.
    pub fn long_date(&self, date: NaiveDate) -> String {
        let month = date.month0() as usize;
        let name = match self.language {
            Language::En => MONTHS_EN_LONG[month],
            Language::Fr => MONTHS_FR_LONG[month],
        };
        format!("{}\u{a0}{}\u{a0}{}", date.day(), name, date.year())
    }

    /// Axis label of a month: `Feb 2026`, `févr. 2026`.
    pub fn month(&self, date: NaiveDate) -> String {
        let month = date.month0() as usize;
        let name = match self.language {
            Language::En => MONTHS_EN[month],
            Language::Fr => MONTHS_FR_SHORT[month],
        };
        format!("{}\u{a0}{}", name, date.year())
    }
}

/// `number` as text with `separator` between groups of three digits:
/// `921558` → `921,558`. Templates write counts through it (the `count`
/// filter), so a figure of a large portfolio reads the same on every page.
/// A text that is not only digits (a sign, a decimal point) is left as it is.
pub fn group_thousands(number: impl std::fmt::Display, separator: &str) -> String {
    let digits = number.to_string();
    if digits.len() <= 3 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return digits;
    }
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (index, digit) in digits.char_indices() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_severity_and_health_has_its_word_in_each_language() {
        let french = Strings::new(Language::Fr);
        assert_eq!(french.status_word(Some(Status::Done)), "fait");
        assert_eq!(french.status_word(None), "sans statut");
        assert_eq!(french.severity_word(Severity::High), "élevé");
        assert_eq!(french.health_word(Health::Amber), "orange");
        let english = Strings::new(Language::En);
        assert_eq!(english.status_word(Some(Status::InProgress)), "in progress");
        assert_eq!(english.severity_word(Severity::Critical), "critical");
        assert_eq!(english.health_word(Health::Red), "red");
        let statuses = [
            Status::Done,
            Status::InProgress,
            Status::Todo,
            Status::Blocked,
            Status::Cancelled,
        ];
        let severities = [
            Severity::Low,
            Severity::Medium,
            Severity::High,
            Severity::Critical,
        ];
        let healths = [
            Health::Done,
            Health::Green,
            Health::Amber,
            Health::Red,
            Health::Unknown,
        ];
        for t in [&french, &english] {
            // A key missing from the table would show as itself.
            let words = (statuses.iter().map(|s| t.status_word(Some(*s))))
                .chain(severities.iter().map(|s| t.severity_word(*s)))
                .chain(healths.iter().map(|h| t.health_word(*h)));
            for word in words {
                assert!(!word.contains('_'), "{word} is a key, not a word");
            }
        }
    }

    #[test]
    fn dates_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 2).unwrap();
        assert_eq!(
            Strings::new(Language::En).date(date),
            "2\u{a0}Feb\u{a0}2026"
        );
        assert_eq!(
            Strings::new(Language::Fr).date(date),
            "2\u{a0}févr.\u{a0}2026"
        );
        assert_eq!(
            Strings::new(Language::Fr).long_date(date),
            "2\u{a0}février\u{a0}2026"
        );
        assert_eq!(Strings::new(Language::Fr).month(date), "févr.\u{a0}2026");
    }

    #[test]
    fn counts_group_their_thousands_as_the_language_does() {
        let (en, fr) = (Strings::new(Language::En), Strings::new(Language::Fr));
        assert_eq!(en.count(0), "0");
        assert_eq!(en.count(999), "999");
        assert_eq!(en.count(1000), "1,000");
        assert_eq!(en.count(921_558), "921,558");
        assert_eq!(en.count(1_234_567), "1,234,567");
        assert_eq!(fr.count(475_705), "475\u{202f}705");
        assert_eq!(fr.count(10_000), "10\u{202f}000");
    }

    #[test]
    fn percentages_and_figures_follow_the_language() {
        let (en, fr) = (Strings::new(Language::En), Strings::new(Language::Fr));
        assert_eq!(en.percent(41.66), "41.7%");
        assert_eq!(en.percent(100.0), "100%");
        assert_eq!(fr.percent(41.66), "41,7\u{202f}%");
        assert_eq!(fr.percent(8.0), "8\u{202f}%");
        // Story points are figures, not shares: never cut at 100.
        assert_eq!(en.figure(2.5), "2.5");
        assert_eq!(fr.figure(2.5), "2,5");
        assert_eq!(fr.figure(120.0), "120");
        assert_eq!(en.figure(13.04), "13");
    }

    #[test]
    fn story_points_say_point_for_one() {
        let (en, fr) = (Strings::new(Language::En), Strings::new(Language::Fr));
        assert_eq!(en.story_points(1.0), "1 point");
        assert_eq!(en.story_points(0.5), "0.5 points");
        assert_eq!(en.story_points(8.0), "8 points");
        assert_eq!(fr.story_points(1.5), "1,5 point");
        assert_eq!(fr.story_points(2.0), "2 points");
    }

    #[test]
    fn only_whole_numbers_are_grouped() {
        assert_eq!(group_thousands(12_345_u32, ","), "12,345");
        assert_eq!(group_thousands("-12345", ","), "-12345");
        assert_eq!(group_thousands("1234.5", ","), "1234.5");
        assert_eq!(group_thousands("", ","), "");
    }

    #[test]
    fn every_key_is_unique() {
        let mut keys: Vec<&str> = STRINGS.iter().map(|row| row.0).collect();
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len());
    }

    #[test]
    fn fill_replaces_placeholders() {
        let fr = Strings::new(Language::Fr);
        assert_eq!(fr.fill("items_of", &["3", "7"]), "3 sur 7 tâches");
    }
}
