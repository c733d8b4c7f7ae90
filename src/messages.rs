//! What each diagnostic says, written once: in English here, in the other
//! languages of the pages in `i18n/strings.toml` (its `msg_*` keys).
//!
//! A diagnostic's `message` is English: `status.json` (the contract's
//! example is English), the terminal and CI annotations show it as it is,
//! so that a script reading it does not change with the portal's language.
//! A page in another language shows it in that language: [`in_language`]
//! reads the message's values back from the English template it was
//! written from and puts them into the translated one. A message no
//! template reads (an operating system's or the YAML parser's own words)
//! is shown as it was written.

use std::fmt::Display;

use chrono::NaiveDate;

use crate::config::Language;
use crate::i18n::Strings;

/// One sentence of a diagnostic, with `{}` where each value goes, in order.
pub struct Template {
    /// Its key in `i18n/strings.toml`, where the other languages say it.
    pub key: &'static str,
    pub en: &'static str,
    /// Values that are themselves English words (`amber`, `a whole
    /// number`), with the key of their word in the other languages; any
    /// other value is shown as written.
    pub words: &'static [(&'static str, &'static str)],
}

impl Template {
    const fn new(key: &'static str, en: &'static str) -> Template {
        Template {
            key,
            en,
            words: &[],
        }
    }

    /// The English sentence with `values` in its holes, in order.
    pub fn say(&self, values: &[&dyn Display]) -> String {
        fill(self.en, values.iter().map(|value| value.to_string()))
    }

    /// The values of `message` when it is this template's English sentence.
    /// Each value ends where the text that follows its hole is next found,
    /// the last one at the message's end. `whole_values` lets a value hold
    /// `; `, which otherwise joins two sentences.
    fn read<'m>(&self, message: &'m str, whole_values: bool) -> Option<Vec<&'m str>> {
        let mut pieces = self.en.split("{}");
        let mut rest = message.strip_prefix(pieces.next()?)?;
        let mut values = Vec::new();
        let pieces: Vec<&str> = pieces.collect();
        for (index, piece) in pieces.iter().enumerate() {
            let end = if index + 1 == pieces.len() {
                rest.strip_suffix(piece).map(str::len)?
            } else {
                rest.find(piece).filter(|_| !piece.is_empty())?
            };
            let value = &rest[..end];
            if !whole_values && value.contains("; ") {
                return None;
            }
            values.push(value);
            rest = &rest[end + piece.len()..];
        }
        // A sentence without values is read only whole.
        (!pieces.is_empty() || rest.is_empty()).then_some(values)
    }

    /// The sentence in `t`'s language with `values` in its holes, dates as
    /// `date` writes them and figures with the language's decimal separator.
    fn translated(
        &self,
        t: &Strings,
        values: &[&str],
        date: &dyn Fn(NaiveDate) -> String,
    ) -> String {
        let values = values.iter().map(|&value| {
            let word = self.words.iter().find(|(en, _)| *en == value);
            match (word, iso_date(value)) {
                (Some((_, key)), _) => t.get(key),
                (None, Some(day)) => date(day),
                // A decimal comma: `41,7`.
                (None, None) if value.parse::<f64>().is_ok() => t.decimal(value),
                (None, None) => value.to_string(),
            }
        });
        fill(t.word(self.key), values)
    }
}

/// `sentence` with `values` in its `{}` holes, in order.
fn fill(sentence: &str, mut values: impl Iterator<Item = String>) -> String {
    let mut out = String::with_capacity(sentence.len() + 32);
    for (index, piece) in sentence.split("{}").enumerate() {
        if index > 0 {
            out.extend(values.next());
        }
        out.push_str(piece);
    }
    out
}

/// `message` as a page in `language` shows it; a value that is a date
/// (`2026-11-02`) is written by `date`, as the page writes its own.
pub fn in_language(
    message: &str,
    language: Language,
    date: &dyn Fn(NaiveDate) -> String,
) -> String {
    match language {
        Language::En => message.to_string(),
        _ => translated(message, &Strings::new(language), date)
            .unwrap_or_else(|| message.to_string()),
    }
}

/// A value written as an ISO date.
fn iso_date(value: &str) -> Option<NaiveDate> {
    (value.len() == 10)
        .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .flatten()
}

/// A message in `t`'s language: one template's sentence, or sentences
/// joined by `; ` each read by a template (a repair's runs, then its lost
/// symbols), or else one template's sentence whose values hold `; ` (a
/// health reason of several facts).
fn translated(message: &str, t: &Strings, date: &dyn Fn(NaiveDate) -> String) -> Option<String> {
    sentence_translated(message, false, t, date)
        .or_else(|| {
            message.match_indices("; ").find_map(|(at, _)| {
                let first = sentence_translated(&message[..at], false, t, date)?;
                let rest = translated(&message[at + 2..], t, date)?;
                Some(format!("{first}{}{rest}", t.word("semicolon")))
            })
        })
        .or_else(|| sentence_translated(message, true, t, date))
}

fn sentence_translated(
    message: &str,
    whole_values: bool,
    t: &Strings,
    date: &dyn Fn(NaiveDate) -> String,
) -> Option<String> {
    TEMPLATES.iter().find_map(|template| {
        let values = template.read(message, whole_values)?;
        Some(template.translated(t, &values, date))
    })
}

const HEALTH_WORDS: &[(&str, &str)] = &[
    ("done", "h_done"),
    ("green", "h_green"),
    ("amber", "h_amber"),
    ("red", "h_red"),
    ("unknown", "h_unknown"),
];

pub const STALE: Template = Template::new(
    "msg_stale",
    "last updated {}, {} days before {} (more than {} days)",
);
pub const OVERDUE_MILESTONE: Template = Template::new(
    "msg_overdue_milestone",
    "milestone \"{}\" was due {} and is not done ({} days overdue)",
);
/// [`OVERDUE_MILESTONE`] a day after its date: `1 day`, not `1 days`.
pub const OVERDUE_MILESTONE_ONE_DAY: Template = Template::new(
    "msg_overdue_milestone_one_day",
    "milestone \"{}\" was due {} and is not done (1 day overdue)",
);
pub const DECLARED_VS_COMPUTED: Template = Template::new(
    "msg_declared_vs_computed",
    "declares {}% but its items compute to {}%",
);
pub const DECLARED_HEALTH_MISMATCH: Template = Template {
    key: "msg_declared_health_mismatch",
    en: "the document says {} but its content makes it {} ({})",
    words: HEALTH_WORDS,
};
pub const UNKNOWN_STATUS: Template = Template::new(
    "msg_unknown_status",
    "front matter status `{}` is not one of done, green, amber, red, unknown",
);
pub const CONFLICTING_DECLARATIONS: Template = Template::new(
    "msg_conflicting_declarations",
    "section \"{}\" is declared at {}% here but {}% on line {} (first claim: {}% on line {})",
);
pub const MILESTONE_WITHOUT_YEAR: Template = Template::new(
    "msg_milestone_without_year",
    "milestone \"{}\": `{}` has no year; read as {}",
);
pub const WEEKDAY_MISMATCH: Template = Template {
    key: "msg_weekday_mismatch",
    en: "milestone \"{}\": {} is a {}, not the {} written beside `{}`",
    words: &[
        ("Monday", "weekday_monday"),
        ("Tuesday", "weekday_tuesday"),
        ("Wednesday", "weekday_wednesday"),
        ("Thursday", "weekday_thursday"),
        ("Friday", "weekday_friday"),
        ("Saturday", "weekday_saturday"),
        ("Sunday", "weekday_sunday"),
    ],
};
pub const AS_OF_WITHOUT_YEAR: Template = Template::new(
    "msg_as_of_without_year",
    "the as-of date has no year; read as {}",
);
pub const PLACEHOLDER_DATE: Template =
    Template::new("msg_placeholder_date", "`{}` is a placeholder, not a date");
pub const UNREADABLE_DATE: Template = Template::new(
    "msg_unreadable_date",
    "milestone \"{}\": `{}` is no date sitrep can read; kept without a date",
);
pub const REPAIRED_ONE_RUN: Template = Template::new(
    "msg_repaired_one_run",
    "repaired 1 run of mojibake (UTF-8 once read as {})",
);
pub const REPAIRED_RUNS: Template = Template::new(
    "msg_repaired_runs",
    "repaired {} runs of mojibake (UTF-8 once read as {})",
);
pub const DROPPED_ONE_SYMBOL: Template = Template::new(
    "msg_dropped_one_symbol",
    "1 broken emoji or symbol dropped (their bytes were lost)",
);
pub const DROPPED_SYMBOLS: Template = Template::new(
    "msg_dropped_symbols",
    "{} broken emoji or symbols dropped (their bytes were lost)",
);
pub const DECODED_LEGACY: Template = Template::new(
    "msg_decoded_legacy",
    "not UTF-8: read as {}; save the file as UTF-8",
);
pub const BINARY_CONTENT: Template = Template::new(
    "msg_binary_content",
    "{} NUL or control characters removed: is this a text file?",
);
pub const DUPLICATE_SLUG: Template = Template::new(
    "msg_duplicate_slug",
    "another project already has the slug `{}`; this one is `{}`",
);
pub const SITE_FOLDER_SLUG: Template = Template::new(
    "msg_site_folder_slug",
    "`{}` is the address of a page of the portal (the people, the risk register, the timeline, the portfolio's next pages, the snapshots or the copies of images); this project is `{}`",
);
pub const SYMLINK_OUTSIDE_CONTENT: Template = Template::new(
    "msg_symlink_outside_content",
    "this symbolic link leads outside content/; skipped",
);
pub const SYMLINK_LOOP: Template = Template::new(
    "msg_symlink_loop",
    "this symbolic link points back to a folder that contains it; skipped",
);
pub const CANNOT_READ: Template = Template::new("msg_cannot_read", "cannot read: {}");
pub const IMAGE_TOO_LARGE: Template = Template::new(
    "msg_image_too_large",
    "this image ({} MB) is larger than the {} MB sitrep copies into the site; the pages show it as missing",
);
pub const IMAGE_NAME_UNSAFE: Template = Template::new(
    "msg_image_name_unsafe",
    "this image's name holds a backslash, which a site cannot hold; rename it to show it on the pages",
);
pub const FILE_NAME_NOT_UTF8: Template = Template::new(
    "msg_file_name_not_utf8",
    "the file name is not valid UTF-8; rename the file to include it",
);
pub const FRONT_MATTER_UNCLOSED: Template = Template::new(
    "msg_front_matter_unclosed",
    "front matter opened with +++ is never closed; read as text",
);
pub const FRONT_MATTER_INVALID: Template = Template::new(
    "msg_front_matter_invalid",
    "front matter is not valid {}: {}; ignored",
);
pub const FRONT_MATTER_VALUE: Template = Template {
    key: "msg_front_matter_value",
    en: "front matter `{}` should be {}; ignored",
    words: &[
        ("text", "fm_text"),
        ("a date written YYYY-MM-DD", "fm_date"),
        ("a whole number", "fm_whole_number"),
        ("true or false", "fm_boolean"),
        ("a list of words", "fm_list"),
    ],
};

/// Every template [`in_language`] reads, the longer fixed texts first so
/// that a sentence is read by the template that says the most of it.
const TEMPLATES: &[Template] = &[
    STALE,
    OVERDUE_MILESTONE,
    OVERDUE_MILESTONE_ONE_DAY,
    DECLARED_VS_COMPUTED,
    DECLARED_HEALTH_MISMATCH,
    UNKNOWN_STATUS,
    CONFLICTING_DECLARATIONS,
    MILESTONE_WITHOUT_YEAR,
    WEEKDAY_MISMATCH,
    AS_OF_WITHOUT_YEAR,
    PLACEHOLDER_DATE,
    UNREADABLE_DATE,
    REPAIRED_ONE_RUN,
    REPAIRED_RUNS,
    DROPPED_ONE_SYMBOL,
    DROPPED_SYMBOLS,
    DECODED_LEGACY,
    BINARY_CONTENT,
    DUPLICATE_SLUG,
    SITE_FOLDER_SLUG,
    IMAGE_TOO_LARGE,
    IMAGE_NAME_UNSAFE,
    SYMLINK_OUTSIDE_CONTENT,
    SYMLINK_LOOP,
    FILE_NAME_NOT_UTF8,
    FRONT_MATTER_UNCLOSED,
    FRONT_MATTER_INVALID,
    FRONT_MATTER_VALUE,
    CANNOT_READ,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates as a French page writes them, short.
    fn french(message: &str) -> String {
        in_language(message, Language::Fr, &|day| {
            day.format("%-d/%-m/%Y").to_string()
        })
    }

    /// A diagnostic on a Spanish, Italian or German page: the values read
    /// back from the English, dates as the page writes them, English words
    /// among the values (a weekday, a health) in the page's language.
    #[test]
    fn diagnostics_in_spanish_italian_and_german() {
        let page = |language: Language, message: &str| {
            let t = Strings::new(language);
            in_language(message, language, &|day| t.date(day))
        };
        assert_eq!(
            page(
                Language::Es,
                "last updated 2026-11-02, 31 days before 2026-12-03 (more than 30 days)"
            ),
            "última actualización el 2\u{a0}nov\u{a0}2026, 31 días antes del \
             3\u{a0}dic\u{a0}2026 (más de 30 días)"
        );
        assert_eq!(
            page(
                Language::De,
                "milestone \"Beta\": 2026-03-03 is a Tuesday, not the Monday written beside `lundi 3 mars`"
            ),
            "Meilenstein „Beta“: Der 3.\u{a0}März\u{a0}2026 ist ein Dienstag, kein Montag, \
             wie neben `lundi 3 mars` angegeben"
        );
        assert_eq!(
            page(
                Language::It,
                // The reason is written in the portal's language already.
                "the document says green but its content makes it red (rosso: 2 attività bloccate)"
            ),
            "il documento indica verde ma dal suo contenuto risulta rosso (rosso: 2 attività bloccate)"
        );
    }

    #[test]
    fn a_message_is_said_in_english_and_shown_in_french() {
        let stale = STALE.say(&[&"2026-11-02", &31, &"2026-12-03", &30]);
        assert_eq!(
            stale,
            "last updated 2026-11-02, 31 days before 2026-12-03 (more than 30 days)"
        );
        assert_eq!(
            french(&stale),
            "mis à jour le 2/11/2026, 31 jours avant le 3/12/2026 (plus de 30 jours)"
        );
        assert_eq!(
            in_language(&stale, Language::En, &|_| unreachable!()),
            stale
        );
        assert_eq!(
            french("declares 100% but its items compute to 41.7%"),
            "déclare 100\u{202f}% mais ses tâches donnent 41,7\u{202f}%"
        );
        assert_eq!(
            french("`2024-MM-JJ` is a placeholder, not a date"),
            "`2024-MM-JJ` est un modèle à remplir, pas une date"
        );
        assert_eq!(
            french("this symbolic link leads outside content/; skipped"),
            "ce lien symbolique mène hors de content/ ; ignoré"
        );
    }

    #[test]
    fn values_keep_their_quotes_and_words_of_their_own() {
        let overdue = OVERDUE_MILESTONE.say(&[&"Go-live \"v2\" (B)", &"2026-03-15", &12]);
        assert_eq!(
            french(&overdue),
            "le jalon « Go-live \"v2\" (B) » était prévu le 15/3/2026 et n'est pas atteint (12 jours de retard)"
        );
        let day = WEEKDAY_MISMATCH.say(&[
            &"Soutenance",
            &"2026-07-15",
            &"Wednesday",
            &"Tuesday",
            &"15/07",
        ]);
        assert_eq!(
            french(&day),
            "jalon « Soutenance » : le 15/7/2026 est un mercredi, pas le mardi écrit devant `15/07`"
        );
        let year = MILESTONE_WITHOUT_YEAR.say(&[&"Recette", &"15/03", &"2026-03-15"]);
        assert_eq!(
            french(&year),
            "jalon « Recette » : `15/03` n'a pas d'année ; lu comme le 15/3/2026"
        );
    }

    #[test]
    fn english_words_given_as_values_are_translated_only_where_they_are_words() {
        let mismatch = DECLARED_HEALTH_MISMATCH.say(&[
            &"green",
            &"amber",
            &"orange : 1 tâche bloquée; risque élevé « Budget »",
        ]);
        assert_eq!(
            french(&mismatch),
            "le document annonce vert mais son contenu donne orange (orange : 1 tâche bloquée; risque élevé « Budget »)"
        );
        let value = FRONT_MATTER_VALUE.say(&[&"date", &"a date written YYYY-MM-DD"]);
        assert_eq!(
            french(&value),
            "l'en-tête `date` devrait être une date écrite AAAA-MM-JJ ; ignoré"
        );
        // A milestone called "done" is a title, not a health word.
        let overdue = OVERDUE_MILESTONE.say(&[&"done", &"2026-03-15", &2]);
        assert!(french(&overdue).starts_with("le jalon « done »"));
        let one_day = OVERDUE_MILESTONE_ONE_DAY.say(&[&"T-7", &"2026-12-05"]);
        assert_eq!(
            french(&one_day),
            "le jalon « T-7 » était prévu le 5/12/2026 et n'est pas atteint (1 jour de retard)"
        );
    }

    #[test]
    fn sentences_joined_by_a_semicolon_are_read_one_by_one() {
        let repaired = format!(
            "{}; {}",
            REPAIRED_RUNS.say(&[&1158, &"windows-1252/1254"]),
            DROPPED_SYMBOLS.say(&[&4])
        );
        assert_eq!(
            repaired,
            "repaired 1158 runs of mojibake (UTF-8 once read as windows-1252/1254); 4 broken emoji or symbols dropped (their bytes were lost)"
        );
        assert_eq!(
            french(&repaired),
            "1158 passages mal encodés réparés (de l'UTF-8 lu un jour comme windows-1252/1254) ; 4 emojis ou symboles brisés retirés (leurs octets étaient perdus)"
        );
        assert_eq!(
            french("repaired 1 run of mojibake (UTF-8 once read as windows-1252)"),
            "1 passage mal encodé réparé (de l'UTF-8 lu un jour comme windows-1252)"
        );
    }

    #[test]
    fn a_message_no_template_reads_is_shown_as_written() {
        for message in [
            "",
            "last updated long ago",
            "cannot read it: permission denied",
            "repaired 2 runs of mojibake (UTF-8 once read as windows-1252); and more",
            "this symbolic link leads outside content/; skipped, twice",
        ] {
            assert_eq!(french(message), message);
        }
    }

    proptest::proptest! {
        /// Any text, a template's sentence with any values in it or not,
        /// is shown without a panic, and in English as it was written.
        #[test]
        fn any_message_is_shown(
            text in "\\PC{0,40}",
            template in 0..TEMPLATES.len(),
            values in proptest::collection::vec("[a-zé;:`« »%0-9 .-]{0,12}", 6),
        ) {
            let shown: Vec<&dyn Display> = values.iter().map(|v| v as &dyn Display).collect();
            let said = TEMPLATES[template].say(&shown);
            for message in [text.as_str(), said.as_str()] {
                proptest::prop_assert_eq!(
                    in_language(message, Language::En, &|_| unreachable!()),
                    message
                );
                let _ = french(message);
            }
        }
    }

    /// Every template says its sentence in every language of the pages,
    /// with as many holes as its English, and every English sentence is
    /// read back by the template that said it.
    #[test]
    fn every_template_reads_back_what_it_says() {
        for template in TEMPLATES {
            let holes = template.en.matches("{}").count();
            for language in &Language::ALL[1..] {
                let table = Strings::new(*language).table();
                let text = table.get(template.key).copied().unwrap_or_default();
                assert_eq!(
                    text.matches("{}").count(),
                    holes,
                    "{} in {language:?}",
                    template.key
                );
            }
            let values: Vec<String> = (0..holes).map(|i| format!("v{i}")).collect();
            let shown: Vec<&dyn Display> = values.iter().map(|v| v as &dyn Display).collect();
            let said = template.say(&shown);
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            assert_eq!(
                template.read(&said, false).as_deref(),
                Some(values.as_slice()),
                "{said}"
            );
            // Read by this template, not by one said before it.
            assert_eq!(
                french(&said),
                template.translated(&Strings::new(Language::Fr), &values, &|_| unreachable!()),
                "{said}"
            );
        }
    }
}
