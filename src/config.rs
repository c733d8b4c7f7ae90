//! `config.toml`: the portal's settings. Every key is optional; the defaults
//! are those of the spec. An unknown key or a wrong type is an error that
//! names the key and its line, so a typo never silently does nothing.

use std::path::Path;

use anyhow::Context as _;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

/// The whole `config.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The portfolio's title as written; [`Config::title`] gives the one
    /// the pages show, in their language when none is written.
    #[serde(rename = "title")]
    pub written_title: Option<String>,
    pub description: Option<String>,
    /// Absolute URL of the published site; used only where an absolute URL
    /// is required (sitemap, canonical link, feeds).
    pub base_url: Option<String>,
    /// Where the files of `content/` are browsed online
    /// (`https://github.com/org/repo/blob/main/status/`): a document's
    /// relative link to a file the portal does not show leads there
    /// instead of to a file the site lacks. Read by [`source_url`].
    #[serde(deserialize_with = "source_url_or_error")]
    pub source_url: Option<String>,
    /// UI language of the pages.
    pub language: Language,
    /// Where `build` writes, relative to the root (default `public`).
    pub output_dir: Option<String>,
    pub theme: String,
    /// Run minify-html over every page. Off by default: it costs about half
    /// the CPU of a build for a fifth of the bytes, which the gzip of any
    /// web host takes back anyway (Hugo and Zola leave it off too).
    pub minify: bool,
    pub stale_after_days: i64,
    /// "Today" for stale and overdue checks, fixed in the config: a portal
    /// that must read the same whatever day it is built (the demo, an
    /// archived sprint). `--as-of` still wins over it.
    #[serde(deserialize_with = "date_or_text")]
    pub as_of: Option<NaiveDate>,
    pub date_order: DateOrder,
    pub health: HealthConfig,
    pub vocabulary: VocabularyConfig,
    pub progress: ProgressConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            written_title: None,
            description: None,
            base_url: None,
            source_url: None,
            language: Language::En,
            output_dir: None,
            theme: "default".to_string(),
            minify: false,
            stale_after_days: 30,
            as_of: None,
            date_order: DateOrder::Dmy,
            health: HealthConfig::default(),
            vocabulary: VocabularyConfig::default(),
            progress: ProgressConfig::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Fr,
    Es,
    It,
    De,
}

impl Language {
    /// Every language the pages are written in, in the order of their
    /// tables ([`crate::i18n`]).
    pub const ALL: [Language; 5] = [
        Language::En,
        Language::Fr,
        Language::Es,
        Language::It,
        Language::De,
    ];

    /// The ISO 639-1 code: `language = "es"` in `config.toml`, the pages'
    /// `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::It => "it",
            Language::De => "de",
        }
    }

    /// The language of an ISO 639-1 code.
    pub fn parse(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// Its place in [`Language::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How `NN/NN/YYYY` is read: day first (the default, as in French and most
/// of the world) or month first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    Dmy,
    Mdy,
}

/// Thresholds of the health rules (`STATUS_JSON.md`, "Health").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HealthConfig {
    /// More than this share of items blocked (in percent) makes a project red.
    pub blocked_percent_red: f64,
    /// Declared and computed progress further apart than this (in points)
    /// makes a project amber and gives `declared-vs-computed`.
    pub declared_gap: f64,
}

impl Default for HealthConfig {
    fn default() -> Self {
        HealthConfig {
            blocked_percent_red: 25.0,
            declared_gap: 15.0,
        }
    }
}

/// Extra status words and markers, per status, added to the built-in tables.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VocabularyConfig {
    pub done: VocabularyEntry,
    pub in_progress: VocabularyEntry,
    pub todo: VocabularyEntry,
    pub blocked: VocabularyEntry,
    pub cancelled: VocabularyEntry,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VocabularyEntry {
    /// Whole words or phrases (`"livré en recette"`), matched case- and accent-insensitively.
    pub words: Vec<String>,
    /// Symbols or boxes (`"🆗"`, `"[v]"`).
    pub markers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProgressConfig {
    pub weight: ProgressWeight,
}

/// How a section's progress averages its items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProgressWeight {
    /// Every item counts the same.
    #[default]
    Items,
    /// Items weigh their story points.
    Points,
}

impl ProgressWeight {
    pub fn as_str(self) -> &'static str {
        match self {
            ProgressWeight::Items => "items",
            ProgressWeight::Points => "points",
        }
    }
}

/// A date key written as TOML writes a date (`as_of = 2026-11-06`) or as
/// a string (`as_of = "2026-11-06"`): both read the same, and anything
/// else is an error that names the key.
fn date_or_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Date(toml::value::Datetime),
        Text(String),
    }
    let text = match Written::deserialize(deserializer)? {
        Written::Date(date) => date.to_string(),
        Written::Text(text) => text,
    };
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(Some)
        .map_err(|_| serde::de::Error::custom(format!("{text:?} is not a date (YYYY-MM-DD)")))
}

/// `source_url` read by [`source_url`].
fn source_url_or_error<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(deserializer)?;
    source_url(&text)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

/// A `source_url` (config or `--source-url`) as links are made from it: an
/// absolute `http` or `https` URL of a folder, so it gets a final `/`
/// (without it, `…/status` joined with `plan.md` would give `…/plan.md`).
pub fn source_url(text: &str) -> Result<String, String> {
    let text = text.trim();
    let wrong = || format!("{text:?} is not an http or https URL of a folder");
    let url = url::Url::parse(text).map_err(|_| wrong())?;
    if !matches!(url.scheme(), "http" | "https") || url.cannot_be_a_base() {
        return Err(wrong());
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

impl Config {
    /// The portfolio's title: the one written in `config.toml`, else
    /// "Project status" in the pages' language (a French portal is not
    /// headed in English: "État des projets").
    pub fn title(&self) -> String {
        match &self.written_title {
            Some(title) => title.clone(),
            None => crate::i18n::Strings::new(self.language).get("default_title"),
        }
    }

    /// Parses a `config.toml` text. The error names the key and its line.
    pub fn parse(text: &str) -> Result<Config, toml::de::Error> {
        toml::from_str(text)
    }

    /// Reads `<root>/config.toml`; a missing file gives the defaults.
    pub fn load(root: &Path) -> anyhow::Result<Config> {
        let path = root.join("config.toml");
        if !path.exists() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Config::parse(&text).map_err(|error| {
            anyhow::anyhow!("{}: {}", path.display(), error.to_string().trim_end())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `language` takes the five codes of the pages; a portal with no
    /// title of its own is headed in its language.
    #[test]
    fn every_language_of_the_pages_is_a_language_setting() {
        let german = Config::parse("language = \"de\"").unwrap();
        assert_eq!(german.language, Language::De);
        assert_eq!(german.title(), "Projektstatus");
        let spanish = Config::parse("language = \"es\"").unwrap();
        assert_eq!(spanish.title(), "Estado de los proyectos");
        assert_eq!(
            Config::parse("language = \"it\"").unwrap().title(),
            "Stato dei progetti"
        );
        assert!(Config::parse("language = \"pt\"").is_err());
    }

    #[test]
    fn empty_config_gives_the_spec_defaults() {
        let config = Config::parse("").unwrap();
        assert_eq!(config.title(), "Project status");
        let french = Config::parse("language = \"fr\"").unwrap();
        assert_eq!(french.title(), "État des projets");
        assert_eq!(config.stale_after_days, 30);
        assert_eq!(config.date_order, DateOrder::Dmy);
        assert!(!config.minify);
        assert_eq!(config.health.blocked_percent_red, 25.0);
        assert_eq!(config.progress.weight, ProgressWeight::Items);
    }

    #[test]
    fn every_key_is_read() {
        let text = r#"
title = "Portefeuille"
language = "fr"
date_order = "mdy"
stale_after_days = 14
[progress]
weight = "points"
[vocabulary.done]
words = ["ok"]
markers = ["🆗"]
"#;
        let config = Config::parse(text).unwrap();
        assert_eq!(config.title(), "Portefeuille");
        assert_eq!(config.language, Language::Fr);
        assert_eq!(config.date_order, DateOrder::Mdy);
        assert_eq!(config.stale_after_days, 14);
        assert_eq!(config.progress.weight, ProgressWeight::Points);
        assert_eq!(config.vocabulary.done.markers, vec!["🆗"]);
    }

    #[test]
    fn as_of_is_a_toml_date_or_a_string() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 6);
        assert_eq!(Config::parse("as_of = 2026-11-06").unwrap().as_of, day);
        assert_eq!(Config::parse("as_of = \"2026-11-06\"").unwrap().as_of, day);
        assert_eq!(Config::parse("").unwrap().as_of, None);
        for wrong in [
            "as_of = \"6 novembre\"",
            "as_of = 2026-11-06T10:00:00",
            "as_of = 3",
        ] {
            let message = Config::parse(wrong).unwrap_err().to_string();
            assert!(message.contains("as_of"), "{wrong}: {message}");
        }
    }

    #[test]
    fn source_url_is_the_url_of_a_folder() {
        let read = |text: &str| Config::parse(text).map(|c| c.source_url);
        assert_eq!(read("").unwrap(), None);
        assert_eq!(
            read("source_url = \"https://github.com/org/repo/blob/main/status\"").unwrap(),
            Some("https://github.com/org/repo/blob/main/status/".into())
        );
        assert_eq!(
            read("source_url = \" http://intranet/docs/ \"").unwrap(),
            Some("http://intranet/docs/".into())
        );
        for wrong in [
            "status/",
            "file:///home/docs/",
            "mailto:pmo@example.org",
            "3",
        ] {
            let message = read(&format!("\n\nsource_url = \"{wrong}\""))
                .unwrap_err()
                .to_string();
            assert!(message.contains("source_url"), "{wrong}: {message}");
            assert!(message.contains("line 3"), "{wrong}: {message}");
        }
    }

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let error = Config::parse("title = \"x\"\nstale_afer_days = 3\n").unwrap_err();
        let message = error.to_string();
        assert!(message.contains("stale_afer_days"), "{message}");
        assert!(message.contains("line 2"), "{message}");
    }

    #[test]
    fn wrong_type_names_the_key_and_line() {
        let message = Config::parse("\n\nminify = \"yes\"\n")
            .unwrap_err()
            .to_string();
        assert!(message.contains("line 3"), "{message}");
        assert!(message.contains("minify"), "{message}");
    }
}
