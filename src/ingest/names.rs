//! Names of a project (`EXTRACTION.md` §2): its slug, its title (the first
//! H1 without decoration) and a short display name derived from the title.
//!
//! `short_name` reads titles the way a project manager would:
//!
//! | title | name |
//! |---|---|
//! | `Suivi du Plan de Démarrage Rapide - WindFlow` | `WindFlow` |
//! | `Suivi de Progression - Projet IBIS-X PoC` | `IBIS-X PoC` |
//! | `PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33` | `AIPROD_V33` |
//! | `TICKET DEVOPS VIRIDA - ADAPTÉ POUR CLEVER CLOUD` | `VIRIDA` |
//! | `VERTIFLOW PROJECT MANIFEST (Basil Platform)` | `VERTIFLOW` |
//! | `Progression OceanDepths - Projet 2025` | `OceanDepths` |
//! | `RAPPORT D'ÉTAT D'AVANCEMENT - Immo Guinée` | `Immo Guinée` |
//! | `Lancement du jeu` | the whole title |

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The slug used when nothing else gives one.
pub const FALLBACK_SLUG: &str = "project";

/// Longest slug, in characters (a file stem can be very long).
const MAX_SLUG_LENGTH: usize = 80;

/// Letters that do not decompose into a base letter and accents.
const TRANSLITERATIONS: &[(char, &str)] = &[
    ('œ', "oe"),
    ('Œ', "oe"),
    ('æ', "ae"),
    ('Æ', "ae"),
    ('ß', "ss"),
    ('ø', "o"),
    ('Ø', "o"),
    ('ł', "l"),
    ('Ł', "l"),
    ('đ', "d"),
    ('Đ', "d"),
    ('ð', "d"),
    ('Ð', "d"),
    ('þ', "th"),
    ('Þ', "th"),
    ('ı', "i"),
];

/// A URL-safe slug: lower-case ASCII `[a-z0-9-]`, accents transliterated
/// (`Démarrage` → `demarrage`), every other run of characters one dash,
/// never empty. `../../x` becomes `x`.
pub fn slugify(text: &str) -> String {
    if is_slug(text) {
        return text.to_string();
    }
    let mut slug = String::new();
    for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if let Some((_, ascii)) = TRANSLITERATIONS.iter().find(|(letter, _)| *letter == c) {
            slug.push_str(ascii);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.len() > MAX_SLUG_LENGTH {
        slug.truncate(MAX_SLUG_LENGTH);
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        FALLBACK_SLUG.to_string()
    } else {
        slug.to_string()
    }
}

/// Whether `text` is a slug already, which [`slugify`] gives back as it
/// is: most file names are (`p00042-app-mobile`), and a `serve` rebuild
/// slugifies every project's name again.
fn is_slug(text: &str) -> bool {
    let bytes = text.as_bytes();
    (1..=MAX_SLUG_LENGTH).contains(&bytes.len())
        && (bytes.iter()).all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
}

/// Emoji and pictographs that decorate headings but are not words:
/// `📊 PROGRESSION ...`, `🎫 TICKET ...`, `✅`, `⭐`. Arrows and
/// punctuation stay (`Chantier Local → VPS → Déploiement`).
const DECORATION: &[(u32, u32)] = &[
    (0x200D, 0x200D),   // zero-width joiner
    (0x20E3, 0x20E3),   // combining keycap
    (0x2300, 0x23FF),   // misc technical: ⏳ ⌛
    (0x25A0, 0x27BF),   // geometric shapes, misc symbols, dingbats: ● ☀ ✅ ✔
    (0x2B00, 0x2BFF),   // ⬜ ⭐
    (0xF8FF, 0xF8FF),   // Apple logo (Mac Roman damage)
    (0xFE00, 0xFE0F),   // variation selectors
    (0x1F000, 0x1FAFF), // emoji
    (0xE0000, 0xE007F), // emoji tag characters
];

/// Separators left dangling once decorations are gone (`✅ - Done`).
const DANGLING: &[char] = &['-', '–', '—', ':', '|', '•', '·'];

/// The first H1 as a title: decorations removed, whitespace collapsed.
/// `📊 PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33` →
/// `PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33`.
pub fn clean_title(heading: &str) -> String {
    let kept: String = heading.chars().filter(|&c| !is_decoration(c)).collect();
    let collapsed = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c: char| c.is_whitespace() || DANGLING.contains(&c))
        .to_string()
}

fn is_decoration(c: char) -> bool {
    let code = u32::from(c);
    DECORATION
        .iter()
        .any(|&(low, high)| (low..=high).contains(&code))
}

/// Where a title splits into a description and a name.
const SEPARATORS: &[&str] = &[" - ", " – ", " — ", " | ", ": "];

/// Words that say what kind of document it is, not which project:
/// stripped from both ends of a candidate name (`Projet IBIS-X PoC`,
/// `rust-libp2p Roadmap`, `2025 Milestone Tracking`), and the units of
/// work a tracker lists (`Mobile App 3.0 — Epic Tracker`, `Backlog`,
/// `Tâches`). Compared without accents and case.
const DOCUMENT_WORDS: &[&str] = &[
    "acompanhamento",
    "aggiornamento",
    "analyse",
    "andamento",
    "avance",
    "avancement",
    "avanzamento",
    "backlog",
    "bericht",
    "bilan",
    "board",
    "burndown",
    "burnup",
    "cadrage",
    "charter",
    "codir",
    "comite",
    "committee",
    "compte",
    "copil",
    "cr",
    "cronograma",
    "cruscotto",
    "daily",
    "dashboard",
    "deliverables",
    "devops",
    "epic",
    "epics",
    "estado",
    "etat",
    "features",
    "fiche",
    "hebdo",
    "hebdomadaire",
    "implementation",
    "informe",
    "issues",
    "jalons",
    "kanban",
    "livrables",
    "log",
    "manifest",
    "marcos",
    "meeting",
    "mensal",
    "mensile",
    "mensuel",
    "mensuelle",
    "milestone",
    "milestones",
    "minutes",
    "monatsbericht",
    "monthly",
    "okr",
    "okrs",
    "overview",
    "pilotage",
    "plan",
    "planning",
    "point",
    "prd",
    "product",
    "progetto",
    "progress",
    "progression",
    "project",
    "projekt",
    "projektbericht",
    "projektstatus",
    "projet",
    "projeto",
    "proyecto",
    "quarterly",
    "raid",
    "rapport",
    "rapporto",
    "recapitulatif",
    "register",
    "relatorio",
    "rendu",
    "report",
    "requirements",
    "resoconto",
    "reunion",
    "revue",
    "riepilogo",
    "rischi",
    "riscos",
    "risk",
    "risks",
    "risques",
    "roadmap",
    "scadenze",
    "scrum",
    "seguimiento",
    "semanal",
    "settimanale",
    "sintesi",
    "situacao",
    "sprint",
    "stand-up",
    "standup",
    "state",
    "stato",
    "status",
    "statusbericht",
    "statut",
    "steerco",
    "steering",
    "suivi",
    "summary",
    "synthese",
    "taches",
    "tasks",
    "ticket",
    "tickets",
    "todo",
    "tracker",
    "tracking",
    "traguardi",
    "trimestriel",
    "update",
    "weekly",
    "wochenbericht",
];

/// Words that make a phrase rather than a name (`ADAPTÉ POUR CLEVER CLOUD`,
/// `Mise en oeuvre de l'application tsock`). Articles are not here: names
/// hold them (`Facturación La Llave`).
const PHRASE_WORDS: &[&str] = &[
    "a", "and", "au", "aux", "avec", "by", "con", "d", "da", "das", "de", "dei", "del", "della",
    "delle", "des", "di", "do", "dos", "du", "e", "em", "en", "et", "for", "from", "fur", "in",
    "mit", "of", "on", "par", "para", "per", "pour", "sur", "to", "und", "vers", "von", "with",
    "y",
];

/// A name has at most this many words (`Festival Musical Intelligent`).
const MAX_NAME_WORDS: usize = 3;

/// A short display name for a title:
/// 1. split at the last separator (` - `, ` – `, ` — `, ` | `, `: `) and try
///    the part after it, then the part before the first one; without a
///    separator, try the whole title;
/// 2. in a part, drop parentheses and strip document words from both ends
///    (`Projet IBIS-X PoC` → `IBIS-X PoC`);
/// 3. the first part that is left looking like a name (1 to 3 words of
///    letters and digits, not only a number, no phrase word) is the name;
/// 4. otherwise the whole title.
pub fn short_name(title: &str) -> String {
    if let Some(name) = tagged_name(title) {
        return name;
    }
    let parts = candidates(without_periods(title));
    parts
        .iter()
        .copied()
        .find_map(name_in)
        .or_else(|| beside_a_document_label(&parts))
        .unwrap_or_else(|| title.trim().to_string())
}

/// A name beside a document label may read as a phrase, up to this many words.
const MAX_PHRASE_NAME_WORDS: usize = 6;

/// `Suivi de Projet - Refonte du Portail Client`: one side only says what
/// kind of document this is, so the other side is the project's name, even
/// when it reads as a phrase (`Refonte du Portail Client`).
fn beside_a_document_label(parts: &[&str]) -> Option<String> {
    let is_label = |part: &str| {
        let words: Vec<&str> = part.split_whitespace().collect();
        words.iter().any(|w| is_document_word(w))
            && (words.iter()).all(|w| is_document_word(w) || is_phrase_word(w) || is_numbering(w))
    };
    let other = match parts {
        [last, first] if is_label(first) && !is_label(last) => last,
        [last, first] if is_label(last) && !is_label(first) => first,
        _ => return None,
    };
    let without_parentheses = remove_parentheses(other);
    let words: Vec<&str> = without_parentheses.split_whitespace().collect();
    let reads_as_a_name =
        (1..=MAX_PHRASE_NAME_WORDS).contains(&words.len()) && words.iter().all(|w| is_name_word(w));
    reads_as_a_name.then(|| words.join(" "))
}

/// Tags of an e-mail's subject that say how to read it, not which
/// project it is about (`[WIP]`, `[URGENT]`), folded.
const MAIL_TAGS: &[&str] = &[
    "action",
    "brouillon",
    "confidential",
    "confidentiel",
    "draft",
    "external",
    "externe",
    "fyi",
    "info",
    "internal",
    "interne",
    "urgent",
    "wip",
];

/// The project an e-mail's subject names in brackets at its start, as
/// mailing lists and teams tag them (`[Atlas] Weekly status — week 48`).
fn tagged_name(title: &str) -> Option<String> {
    let (tag, _) = title.trim_start().strip_prefix('[')?.split_once(']')?;
    if MAIL_TAGS.contains(&folded(tag.trim()).as_str()) {
        return None;
    }
    name_in(tag)
}

/// Health a report states at an end of its title (`— 🟢 GREEN`, `- On
/// track`), folded: the week's weather, not the project's name.
const HEALTH_PARTS: &[&str] = &[
    "green",
    "amber",
    "red",
    "yellow",
    "vert",
    "orange",
    "rouge",
    "jaune",
    "on track",
    "off track",
    "at risk",
    "en bonne voie",
    "a risque",
    "verde",
    "giallo",
    "rosso",
    "in linea",
    "a rischio",
    "in ritardo",
];

fn is_health_part(part: &str) -> bool {
    let words: Vec<String> = part.split_whitespace().map(folded).collect();
    HEALTH_PARTS.contains(&words.join(" ").as_str())
}

/// `title` without the parts at its ends that only say when it was
/// written (`Monthly Status Report — Data Lake — November 2026`, `Semaine
/// 48 - Migration`) or how it stands (`Payments — Weekly status — GREEN`):
/// a report's period or weather is not its project's name.
fn without_periods(title: &str) -> &str {
    let mut title = title.trim();
    loop {
        let last = SEPARATORS
            .iter()
            .filter_map(|s| title.rfind(s).map(|at| (at, s.len())))
            .max();
        let first = SEPARATORS
            .iter()
            .filter_map(|s| title.find(s).map(|at| (at, s.len())))
            .min();
        match (last, first) {
            (Some((at, length)), _)
                if is_period(&title[at + length..]) || is_health_part(&title[at + length..]) =>
            {
                title = title[..at].trim_end();
            }
            (_, Some((at, length))) if is_period(&title[..at]) => {
                title = title[at + length..].trim_start();
            }
            _ => return title,
        }
    }
}

/// Words of a period besides numbers: months (French and English, in
/// full and cut short), and the words that say which week or quarter.
const PERIOD_WORDS: &[&str] = &[
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "fev",
    "mar",
    "apr",
    "avr",
    "jun",
    "jul",
    "juil",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "semaine",
    "sem",
    "week",
    // German: `KW 48`, a calendar week.
    "kw",
    "wk",
    "du",
    "au",
    "of",
    "to",
    "le",
];

/// Whether `part` only names a date or a period: `November 2026`, `2026-11-30`,
/// `Semaine 48`, `S48`, `Q4 2026`, `du 2 au 6 mars`.
fn is_period(part: &str) -> bool {
    let is_period_word = |word: &str| {
        let word = folded(word.trim_matches(|c: char| ",.()".contains(c)));
        let token = |prefixes: &str| {
            word.len() > 1
                && prefixes.contains(&word[..1])
                && word[1..].bytes().all(|b| b.is_ascii_digit())
        };
        word.bytes()
            .all(|b| b.is_ascii_digit() || b"/-.".contains(&b))
            || token("swqth")
            || (word.strip_prefix("kw"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || PERIOD_WORDS.contains(&word.as_str())
    };
    let words: Vec<&str> = part.split_whitespace().collect();
    words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        && words.iter().all(|w| is_period_word(w))
}

fn candidates(title: &str) -> Vec<&str> {
    let last = SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|at| (at, s.len())))
        .max();
    let first = SEPARATORS.iter().filter_map(|s| title.find(s)).min();
    match (last, first) {
        (Some((at, length)), Some(first)) => vec![&title[at + length..], &title[..first]],
        _ => vec![title],
    }
}

fn name_in(part: &str) -> Option<String> {
    let without_parentheses = remove_parentheses(part);
    let words: Vec<&str> = without_parentheses.split_whitespace().collect();
    name_of(&words).or_else(|| {
        // `Rapport d'avancement du projet Refonte`, `Informe de estado del
        // proyecto ERP`: the project is named after the word `project`.
        let at = words.iter().rposition(|w| is_project_word(w))?;
        name_of(&words[at + 1..])
    })
}

/// `words` as a name, once the document's words at either end are gone.
fn name_of(words: &[&str]) -> Option<String> {
    let mut words = words;
    while let [first, rest @ ..] = words {
        if !is_document_word(first) {
            break;
        }
        words = rest;
    }
    while let [rest @ .., last] = words {
        if !is_document_word(last) {
            break;
        }
        words = rest;
    }
    // `OKRs Q4 2026` leaves a period, no name.
    let looks_like_a_name = (1..=MAX_NAME_WORDS).contains(&words.len())
        && !is_period(&words.join(" "))
        && words.iter().all(|w| is_name_word(w))
        && words.iter().any(|w| w.chars().any(char::is_alphabetic))
        && !words.iter().any(|w| is_phrase_word(w));
    looks_like_a_name.then(|| words.join(" "))
}

/// The word `project` in the languages sitrep reads.
fn is_project_word(word: &str) -> bool {
    const PROJECT_WORDS: &[&str] = &[
        "project", "projet", "proyecto", "progetto", "projekt", "projekts", "projeto",
    ];
    PROJECT_WORDS.contains(&folded(word).as_str())
}

fn remove_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    let mut kept = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    kept
}

/// Lower case without accents: `ÉTAT` → `etat`.
fn folded(word: &str) -> String {
    word.nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `D'AVANCEMENT` is `avancement` after its elided `d'`.
fn without_elision(word: &str) -> &str {
    match word.find(['\'', '’']) {
        Some(at) if at <= 2 => &word[at + word[at..].chars().next().map_or(1, char::len_utf8)..],
        _ => word,
    }
}

fn is_document_word(word: &str) -> bool {
    DOCUMENT_WORDS.contains(&folded(without_elision(word)).as_str())
}

/// A document's number in its series (`COPIL n°7`, `Steering committee
/// #12`, `CR 3`).
fn is_numbering(word: &str) -> bool {
    let digits = ["n°", "nº", "no.", "#"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .unwrap_or(word);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

fn is_phrase_word(word: &str) -> bool {
    let folded = folded(word);
    let elided_de = folded.starts_with("d'") || folded.starts_with("d’");
    elided_de || PHRASE_WORDS.contains(&folded.as_str())
}

/// Letters, digits and the joiners names use (`IBIS-X`, `AIPROD_V33`, `C++`).
fn is_name_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_alphanumeric() || "-_.&+/'’".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_ascii() {
        assert_eq!(slugify("Démarrage"), "demarrage");
        assert_eq!(
            slugify("Suivi du Plan -- WindFlow!"),
            "suivi-du-plan-windflow"
        );
        assert_eq!(slugify("Œuvre Straße"), "oeuvre-strasse");
        assert_eq!(slugify("AIPROD_V33"), "aiprod-v33");
        assert_eq!(slugify("001_b2b292edbd904f08"), "001-b2b292edbd904f08");
    }

    proptest::proptest! {
        /// A text that is a slug already comes back as it is, as the whole
        /// transformation would give it.
        #[test]
        fn slugs_are_their_own_slug(text in "[a-z0-9-]{0,90}|[a-zA-Z0-9 _-]{0,20}") {
            let mut slow = String::new();
            for c in text.chars() {
                if c.is_ascii_alphanumeric() {
                    slow.push(c.to_ascii_lowercase());
                } else if !slow.is_empty() && !slow.ends_with('-') {
                    slow.push('-');
                }
            }
            slow.truncate(MAX_SLUG_LENGTH);
            let slow = match slow.trim_matches('-') {
                "" => FALLBACK_SLUG,
                trimmed => trimmed,
            };
            proptest::prop_assert_eq!(slugify(&text), slow);
            proptest::prop_assert_eq!(is_slug(&text), text == slow);
        }
    }

    #[test]
    fn hostile_and_empty_slugs_become_harmless() {
        assert_eq!(slugify("../../x"), "x");
        assert_eq!(slugify("..\\..\\etc/passwd"), "etc-passwd");
        assert_eq!(slugify(""), "project");
        assert_eq!(slugify("📊 ✅"), "project");
        assert_eq!(slugify(&"a".repeat(300)).len(), 80);
    }

    #[test]
    fn titles_lose_their_emoji() {
        assert_eq!(
            clean_title("📊 PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33"),
            "PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33"
        );
        assert_eq!(
            clean_title(" TICKET DEVOPS VIRIDA - ADAPTÉ POUR CLEVER CLOUD"),
            "TICKET DEVOPS VIRIDA - ADAPTÉ POUR CLEVER CLOUD"
        );
        assert_eq!(clean_title("🎫 TICKET  DEVOPS"), "TICKET DEVOPS");
        assert_eq!(clean_title("✅ - Done ⭐"), "Done");
        assert_eq!(
            clean_title("SUIVI — Chantier Local → VPS → Déploiement"),
            "SUIVI — Chantier Local → VPS → Déploiement"
        );
    }

    #[test]
    fn short_names_of_the_seeds() {
        assert_eq!(
            short_name("Suivi du Plan de Démarrage Rapide - WindFlow"),
            "WindFlow"
        );
        assert_eq!(
            short_name("Suivi de Progression - Projet IBIS-X PoC"),
            "IBIS-X PoC"
        );
        assert_eq!(
            short_name("PROGRESSION PLAN D'ACTION PRODUCTION - AIPROD_V33"),
            "AIPROD_V33"
        );
        assert_eq!(
            short_name("TICKET DEVOPS VIRIDA - ADAPTÉ POUR CLEVER CLOUD"),
            "VIRIDA"
        );
        assert_eq!(
            short_name("VERTIFLOW PROJECT MANIFEST (Basil Platform)"),
            "VERTIFLOW"
        );
    }

    #[test]
    fn a_year_is_not_a_name_so_the_other_side_is_tried() {
        assert_eq!(
            short_name("Progression OceanDepths - Projet 2025"),
            "OceanDepths"
        );
        assert_eq!(
            short_name("CERBERUS Honeypot - 2025 Milestone Tracking"),
            "CERBERUS Honeypot"
        );
    }

    #[test]
    fn phrases_and_document_words_alone_keep_the_whole_title() {
        for title in [
            "RÉCAPITULATIF - ÉTAT D'AVANCEMENT",
            "AVANCEMENT VERS 100% PRODUCTION-READY",
            "Lancement du jeu",
            "Risk Register",
            "SUIVI — Chantier Local → VPS → Déploiement",
            "Compliance of Implementations with Specification",
            // What follows `project` is a phrase, not a name.
            "Project management plan for the Atlas migration",
        ] {
            assert_eq!(short_name(title), title);
        }
    }

    #[test]
    fn beside_a_document_label_a_phrase_is_the_name() {
        assert_eq!(
            short_name("Suivi de Projet - Refonte du Portail Client"),
            "Refonte du Portail Client"
        );
        assert_eq!(
            short_name("Rapport d'avancement — Migration de la paie"),
            "Migration de la paie"
        );
        // A steering committee's minutes, numbered in their series.
        assert_eq!(
            short_name("COPIL n°7 — Refonte du portail RH"),
            "Refonte du portail RH"
        );
        assert_eq!(
            short_name("Steering Committee #12 - Data Lake"),
            "Data Lake"
        );
        assert_eq!(
            short_name("Comité de pilotage – Dématérialisation des factures"),
            "Dématérialisation des factures"
        );
        // Too long to be a name: a sentence stays the title.
        let sentence = "Suivi - Mise en place de la plateforme de données client";
        assert_eq!(short_name(sentence), sentence);
    }

    /// A report's period at an end of its title is not the project's name.
    #[test]
    fn the_period_of_a_report_is_not_its_name() {
        let titles = [
            (
                "Monthly Status Report — Data Lake — November 2026",
                "Data Lake",
            ),
            ("Weekly report - Payments - 2026-11-30", "Payments"),
            ("Semaine 48 - Migration ERP", "Migration ERP"),
            ("COPIL du 02/12/2026 | Portail RH", "Portail RH"),
            ("Status report: Data Lake (Q4 2026)", "Data Lake"),
            ("Rapport mensuel — Portail RH — novembre 2026", "Portail RH"),
            ("CRM Migration — RAID log", "CRM Migration"),
            // Meeting minutes: the kind of meeting is no name either.
            ("Compte rendu — Point hebdo Migration ERP", "Migration ERP"),
            ("Weekly Meeting Minutes - Payments", "Payments"),
            ("CR réunion mensuelle | Portail RH", "Portail RH"),
            ("OKR Q4 2026 — Équipe Plateforme", "Équipe Plateforme"),
            ("Growth team — OKRs Q4 2026", "Growth team"),
            // A stand-up, a requirements page.
            ("Team Falcon — Daily stand-up", "Team Falcon"),
            ("Mobile Checkout — Product requirements", "Mobile Checkout"),
            // A German report's calendar week, a Spanish report's label.
            ("Statusbericht ERP-Einführung — KW 48", "ERP-Einführung"),
            ("Projektstatus Lagerverwaltung - KW48", "Lagerverwaltung"),
            ("Informe de seguimiento — Facturación", "Facturación"),
            // The project named after the word `project`, in a phrase.
            ("Statusbericht Projekt CRM-Einführung", "CRM-Einführung"),
            ("Rapport d'avancement du projet Refonte", "Refonte"),
            ("Informe de estado del proyecto ERP", "ERP"),
            ("Stato avanzamento del progetto Portale", "Portale"),
            (
                "Statusbericht des Projekts SAP S/4 Migration",
                "SAP S/4 Migration",
            ),
            // A project sheet, a plan, a board: kinds of documents too.
            (
                "Fiche projet — Dématérialisation des factures",
                "Dématérialisation des factures",
            ),
            (
                "Déménagement du datacenter — planning",
                "Déménagement du datacenter",
            ),
            ("Payments API — project board", "Payments API"),
            ("Intranet relaunch — project charter", "Intranet relaunch"),
            (
                "Note de cadrage — Portail fournisseurs",
                "Portail fournisseurs",
            ),
            ("Checkout — burndown", "Checkout"),
        ];
        for (title, name) in titles {
            assert_eq!(short_name(title), name, "{title}");
        }
        // A name with a figure in it stays a name; a title that is only a
        // period keeps the whole title.
        assert_eq!(short_name("Roadmap - Windows 11"), "Windows 11");
        assert_eq!(short_name("Novembre 2026"), "Novembre 2026");
    }

    /// An e-mail's subject names its project in brackets; the week's
    /// weather at its end is no name; a tag that says how to read the
    /// e-mail is no name either.
    #[test]
    fn a_subjects_tag_names_its_project() {
        for (title, name) in [
            ("[Atlas] Weekly status — week 48 — GREEN", "Atlas"),
            ("[Portail RH] Point hebdo", "Portail RH"),
            ("Payments — Weekly status — On track", "Payments"),
            ("[WIP] Weekly status — Payments", "Payments"),
        ] {
            assert_eq!(short_name(title), name, "{title}");
        }
    }

    #[test]
    fn names_may_hold_articles() {
        assert_eq!(
            short_name("ESTADO DEL PROYECTO - Facturación La Llave"),
            "Facturación La Llave"
        );
        assert_eq!(short_name("Roadmap: MCP Hangar"), "MCP Hangar");
        assert_eq!(short_name("rust-libp2p Roadmap"), "rust-libp2p");
    }

    /// The units of work a tracker lists say what the document is, as
    /// `Tracker` does: an epic tracker is named by its product.
    #[test]
    fn a_trackers_units_of_work_are_no_name() {
        for (title, name) in [
            ("Mobile App 3.0 — Epic Tracker", "Mobile App 3.0"),
            ("Mobile App v3 — Epics", "Mobile App v3"),
            ("Payments — Backlog", "Payments"),
            ("Tâches — Intranet", "Intranet"),
        ] {
            assert_eq!(short_name(title), name, "{title}");
        }
    }
}
