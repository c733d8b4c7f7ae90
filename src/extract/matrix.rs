//! Feature matrices: tables whose cells are symbols the document defines
//! in its own words (corpus `13_…`: "`+` means the feature is supported,
//! `-` means it is not supported, `N/A` means the feature is not
//! applicable to the particular language", over tables of features ×
//! languages).
//!
//! Such a table has no status column (`EXTRACTION.md` §4), yet its reader
//! sees work done and work left: a row is a feature, a column of symbols
//! one implementation of it. Each row with a counted cell becomes one item
//! whose percentage is the mean value of its cells (§5: done 100, in
//! progress 50, else 0), cells the definitions call not applicable left
//! out, as cancelled items are; a blank cell, or one the document does not
//! define, says nothing. Status markers (`✅`, `❌`) need no definition,
//! in two columns or more; a legend may also be a list of terms
//! ([`read_term_list`], corpus `23_…`).

use std::borrow::Cow;

use super::folding::{find_word, folded_words};
use super::items::{at_least_half, status_of_percent};
use super::outline::{ListEntry, Table, TextLine};
use super::tables::{self, Column};
use super::vocabulary::Vocabulary;
use crate::model::Status;

/// The words that make a definition of what follows them: `+` *means*
/// supported, `✓` *signifie* pris en charge, `~` = partiel.
const DEFINING: &[&str] = &[" means ", " signifie ", " veut dire ", " = "];

/// What a definition may say (folded, whole words), the first found
/// winning: not applicable first, then what is not there, then what is.
const MEANINGS: &[(&str, Status)] = &[
    ("not applicable", Status::Cancelled),
    ("non applicable", Status::Cancelled),
    ("sans objet", Status::Cancelled),
    ("not supported", Status::Todo),
    ("not available", Status::Todo),
    ("not yet available", Status::Todo),
    ("unavailable", Status::Todo),
    ("not started", Status::Todo),
    ("not being undertaken", Status::Todo),
    ("not undertaken", Status::Todo),
    ("non disponible", Status::Todo),
    ("pas disponible", Status::Todo),
    ("non demarre", Status::Todo),
    ("pas commence", Status::Todo),
    ("not yet supported", Status::Todo),
    ("not implemented", Status::Todo),
    ("not yet implemented", Status::Todo),
    ("unsupported", Status::Todo),
    ("non supporte", Status::Todo),
    ("pas supporte", Status::Todo),
    ("non implemente", Status::Todo),
    ("pas implemente", Status::Todo),
    ("non pris en charge", Status::Todo),
    ("pas pris en charge", Status::Todo),
    ("partially supported", Status::InProgress),
    ("partially implemented", Status::InProgress),
    ("partiellement supporte", Status::InProgress),
    ("partiellement implemente", Status::InProgress),
    ("in progress", Status::InProgress),
    ("progressing", Status::InProgress),
    ("under development", Status::InProgress),
    ("being developed", Status::InProgress),
    ("en cours", Status::InProgress),
    ("en developpement", Status::InProgress),
    ("supported", Status::Done),
    ("implemented", Status::Done),
    ("supporte", Status::Done),
    ("implemente", Status::Done),
    ("pris en charge", Status::Done),
    ("incorporated", Status::Done),
    ("merged", Status::Done),
    ("released", Status::Done),
    ("stable", Status::Done),
    ("available", Status::Done),
    ("disponible", Status::Done),
    ("integre", Status::Done),
    ("livre", Status::Done),
];

/// A symbol is short (`+`, `N/A`, `WIP`) and has no lower-case letter,
/// unless it is one character (`x`): "blank *cell* means unknown" defines
/// no symbol.
const SYMBOL_CHARS: usize = 4;

/// Reads the symbol definitions of one paragraph into `vocabulary`.
///
/// The paragraph is read as one text, since a definition may run over a
/// line break. Each `<symbol> means <meaning>` in it defines the symbol
/// (the word right before `means`) when its meaning (up to the next `, `,
/// `; ` or `. `) is one of [`MEANINGS`] or a status phrase (`~ means in
/// progress`). Definitions of nothing sitrep counts (`X means the feature
/// is optional`, `blank cell means the status … is not known`) are left.
pub fn read_definitions(lines: &[TextLine], vocabulary: &mut Cow<Vocabulary>) {
    let defines = |line: &TextLine| DEFINING.iter().any(|word| line.text.contains(word));
    if !lines.iter().any(defines) {
        return;
    }
    let text: Vec<&str> = lines.iter().map(|line| line.text.as_str()).collect();
    let text = text.join(" ");
    let mut definitions: Vec<(usize, &str, Status)> = (DEFINING.iter())
        .flat_map(|word| text.match_indices(word))
        .filter_map(|(at, word)| {
            let (symbol, status) = definition(&text[..at], &text[at + word.len()..], vocabulary)?;
            Some((at, symbol, status))
        })
        .collect();
    // In the order written: a later definition of a symbol wins.
    definitions.sort_by_key(|(at, _, _)| *at);
    for (_, symbol, status) in definitions {
        vocabulary.to_mut().add_cell_symbol(symbol, status);
    }
}

/// The symbol defined between `before` and `after` (the text around a
/// defining word), with the status its meaning says.
fn definition<'t>(
    before: &'t str,
    after: &str,
    vocabulary: &Vocabulary,
) -> Option<(&'t str, Status)> {
    let symbol = before.split_whitespace().last()?;
    let length = symbol.chars().count();
    let is_symbol = length <= SYMBOL_CHARS
        && (length == 1 || !symbol.chars().any(char::is_lowercase))
        && !symbol.chars().all(|c| c.is_ascii_digit());
    if !is_symbol {
        return None;
    }
    Some((symbol, meaning_status(clause(after), vocabulary)?))
}

/// Reads a list that defines, one entry each, the words a document's
/// tables are written in (corpus `23_…`: `* **WIP**: Development work on
/// the feature is actively progressing, …`, `* **TBA**: Active work on this
/// feature is not being undertaken at this time`).
///
/// Each entry is `term: meaning`, the term short and starting with a
/// letter or a digit, not with an item's marker (`- 🟢 **the dashboard**:
/// Done` is an item); the meanings of at least two say different statuses
/// ([`MEANINGS`], status phrases), which tells a legend from a list of a
/// project's parts and their state. A note in brackets after a term is dropped
/// (`linux-asahi (kernel release)`), and a term given by an example
/// (`Kernel release, e.g. 6.0`) defines the cells written like it
/// ([`Vocabulary::add_cell_example`]).
///
/// Returns whether the list is a legend, whose entries are no work: it
/// defined terms and stands under a legend's label (`under_label`), or
/// one of its terms is a status word itself (`WIP`, whose entry would
/// otherwise read as a task in progress). Elsewhere its entries stay what
/// they were (`- Backend: implemented`).
pub fn read_term_list(
    entries: &[ListEntry],
    vocabulary: &mut Cow<Vocabulary>,
    under_label: bool,
) -> bool {
    if entries.len() < 2 {
        return false;
    }
    let Some(terms) = (entries.iter())
        .map(|entry| list_term(entry, vocabulary))
        .collect::<Option<Vec<(&str, &str)>>>()
    else {
        return false;
    };
    let defined: Vec<(&str, Status)> = (terms.iter())
        .filter_map(|(term, meaning)| Some((*term, meaning_status(clause(meaning), vocabulary)?)))
        .collect();
    let mut statuses: Vec<Status> = defined.iter().map(|(_, status)| *status).collect();
    statuses.sort();
    statuses.dedup();
    if statuses.len() < 2 {
        return false;
    }
    let defines_status_words =
        (terms.iter()).any(|(term, _)| vocabulary.only_phrase(term).is_some());
    for (term, status) in defined {
        vocabulary.to_mut().add_cell_example(term, status);
    }
    under_label || defines_status_words
}

/// Words a term of a legend list has at most (`Kernel release`).
const TERM_WORDS: usize = 4;

/// The words that bring in an example of a term.
const EXAMPLE_WORDS: &[&str] = &["e.g.", "eg.", "par ex.", "p. ex.", "ex."];

/// An entry of a legend list as its term (the symbol its cells are
/// written with: the term, or the example it gives) and its meaning;
/// `None` when it is not `term: meaning`.
fn list_term<'e>(entry: &'e ListEntry, vocabulary: &Vocabulary) -> Option<(&'e str, &'e str)> {
    let (term, meaning) = entry.first_line().split_once(':')?;
    let term = term.trim();
    let symbol = match EXAMPLE_WORDS
        .iter()
        .find_map(|word| example_after(term, word))
    {
        Some(example) => example,
        // `linux-asahi (kernel release)`: the note says where it goes.
        None => term.split_once(" (").map_or(term, |(term, _)| term).trim(),
    };
    let words = symbol.split_whitespace().count();
    let is_term = (1..=TERM_WORDS).contains(&words)
        && term.split_whitespace().count() <= 2 * TERM_WORDS
        && term.starts_with(char::is_alphanumeric)
        && vocabulary.marker_at_start(term).is_none();
    is_term.then_some((symbol, meaning.trim()))
}

/// The example `word` brings in inside `term` (`Kernel release, e.g.
/// 6.0`: `6.0`), `word` standing as a word of its own.
fn example_after<'t>(term: &'t str, word: &str) -> Option<&'t str> {
    let (at, _) = term.match_indices(word).find(|(at, _)| {
        let before = term[..*at].chars().next_back();
        before.is_none_or(|c| c == ' ' || c == '(')
    })?;
    let example = term[at + word.len()..].trim_matches([' ', ')']);
    (!example.is_empty()).then_some(example)
}

/// A definition's meaning up to where its first clause ends.
fn clause(meaning: &str) -> &str {
    let end = (CLAUSE_ENDS.iter())
        .filter_map(|stop| meaning.find(stop))
        .min()
        .unwrap_or(meaning.len());
    &meaning[..end]
}

/// Where the meaning of a definition ends.
const CLAUSE_ENDS: &[&str] = &[", ", "; ", ". "];

/// The status a definition's meaning says: one of [`MEANINGS`], else a
/// status phrase at its start (`in progress`, `à faire`).
fn meaning_status(meaning: &str, vocabulary: &Vocabulary) -> Option<Status> {
    let folded = folded_words(meaning);
    MEANINGS
        .iter()
        .find(|(words, _)| find_word(&folded, words).is_some())
        .map(|(_, status)| *status)
        .or_else(|| {
            vocabulary
                .phrase_at_start(meaning)
                .map(|(status, _)| status)
        })
}

/// A row's status, and its percentage when it counts several cells.
pub type RowProgress = (Status, Option<f64>);

/// A feature matrix: its rows with a counted cell, and the groups a header
/// repeated inside the table opens (`| [TracerProvider](…) | Optional | Go
/// | Java | … |` under `| Feature | Optional | Go | Java | … |`).
#[derive(Debug, Default, PartialEq)]
pub struct Matrix {
    pub groups: Vec<Group>,
    pub rows: Vec<MatrixRow>,
}

/// A group of rows: the first cell of the header row that opens it.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub line: usize,
}

/// One row of a feature matrix: the feature, the status of each of its
/// cells that holds a defined symbol, and its group (an index in
/// [`Matrix::groups`]) when a header row above it opened one.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    /// The row's first cell, as written.
    pub name: String,
    pub line: usize,
    pub statuses: Vec<Status>,
    pub group: Option<usize>,
}

impl MatrixRow {
    /// The row's status and percentage, or `None` when every cell it
    /// counts is not applicable. One counted cell is the row's status, as a
    /// status cell would be; several give the mean value of the cells, and
    /// the status they share, else the status of that percentage.
    pub fn progress(&self) -> Option<RowProgress> {
        let counted: Vec<Status> = (self.statuses.iter().copied())
            .filter(|s| *s != Status::Cancelled)
            .collect();
        let first = *counted.first()?;
        if counted.len() == 1 {
            return Some((first, None));
        }
        let value = |status: &Status| match status {
            Status::Done => 100.0,
            Status::InProgress => 50.0,
            _ => 0.0,
        };
        let mean = counted.iter().map(value).sum::<f64>() / counted.len() as f64;
        let percent = (mean * 10.0).round() / 10.0;
        let status = if counted.iter().all(|s| *s == first) {
            first
        } else {
            status_of_percent(percent)
        };
        Some((status, Some(percent)))
    }
}

/// `table` read as a feature matrix: a table at least one of whose
/// columns after the first holds symbols the document defines in at least
/// half of its written cells, or two of whose columns hold status markers
/// so (`| Feature | Chrome | Firefox |` over `✅` and `❌`: the markers
/// need no legend, but one column of them under a header that names no
/// status is no reason to read the table, nor are marks beside a column
/// of figures). Empty for any other table.
pub fn read(table: &Table, vocabulary: &Vocabulary) -> Matrix {
    let mut matrix = Matrix::default();
    let columns: Vec<usize> = (1..table.header.len())
        .filter(|&column| {
            holds(table, column, &|cell| {
                cell_status(cell, vocabulary).is_some()
            })
        })
        .collect();
    let defined = |column: &usize| {
        holds(table, *column, &|cell| {
            vocabulary.cell_symbol(cell).is_some()
        })
    };
    // Corpus 07's `| Composant | Fait | Total | % |` over `| Docker | ✅ |
    // ✅ | 100% |` counts work in figures: its marks are no platforms.
    let counts = (tables::columns(table).iter())
        .any(|role| matches!(role, Column::Percent | Column::Number));
    let is_matrix = (columns.len() >= 2 && !counts)
        || (vocabulary.has_cell_symbols() && columns.iter().any(defined));
    if !is_matrix {
        return matrix;
    }
    let header_cell = |column: usize| table.header[column].trim();
    for row in table.rows.iter().filter(|row| row.cells != table.header) {
        let Some(name) = row.cells.first().map(|cell| cell.trim()) else {
            continue;
        };
        let cell = |column: usize| row.cells.get(column).map_or("", |cell| cell.trim());
        if name.is_empty() {
            continue;
        }
        if columns
            .iter()
            .all(|&column| cell(column) == header_cell(column))
        {
            matrix.groups.push(Group {
                name: name.to_string(),
                line: row.line,
            });
            continue;
        }
        let statuses: Vec<Status> = (columns.iter())
            .filter_map(|&column| cell_status(cell(column), vocabulary))
            .collect();
        if !statuses.is_empty() {
            matrix.rows.push(MatrixRow {
                name: name.to_string(),
                line: row.line,
                statuses,
                group: matrix.groups.len().checked_sub(1),
            });
        }
    }
    matrix
}

/// Words a status marker of a matrix's cell may have after it (`✅`,
/// `🚧 partiel`, `❌ not yet`).
const MARKER_WORDS: usize = 3;

/// The status a cell of a feature matrix gives: a symbol the document
/// defines, else a status marker alone or before a few words.
fn cell_status(cell: &str, vocabulary: &Vocabulary) -> Option<Status> {
    vocabulary.cell_symbol(cell).or_else(|| {
        let (status, rest) = vocabulary.marker_at_start(cell)?;
        (rest.split_whitespace().count() <= MARKER_WORDS).then_some(status)
    })
}

/// Whether at least half of the written cells of `column` are `wanted`.
fn holds(table: &Table, column: usize, wanted: &dyn Fn(&str) -> bool) -> bool {
    let written: Vec<&str> = (table.rows.iter())
        .filter_map(|row| row.cells.get(column).map(String::as_str))
        .filter(|cell| !cell.trim().is_empty())
        .collect();
    at_least_half(&written, &wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::VocabularyConfig;
    use crate::extract::outline::Outline;

    fn vocabulary_of(definitions: &str) -> Vocabulary {
        let portal = Vocabulary::new(&VocabularyConfig::default());
        let mut vocabulary = Cow::Owned(portal);
        let lines: Vec<TextLine> = (definitions.lines().enumerate())
            .map(|(i, text)| TextLine {
                text: text.to_string(),
                line: i + 1,
                struck: false,
            })
            .collect();
        read_definitions(&lines, &mut vocabulary);
        vocabulary.into_owned()
    }

    /// Corpus 13's definitions, cut over lines as they are written there.
    const OTEL: &str = "+ means the feature is supported, - means it is not supported, N/A means\n\
        the feature is not applicable to the particular language, blank cell means the\n\
        status of the feature is not known.";

    #[test]
    fn a_paragraph_defines_its_symbols() {
        let vocabulary = vocabulary_of(OTEL);
        assert_eq!(vocabulary.cell_symbol("+"), Some(Status::Done));
        assert_eq!(vocabulary.cell_symbol(" - "), Some(Status::Todo));
        assert_eq!(vocabulary.cell_symbol("N/A"), Some(Status::Cancelled));
        assert_eq!(vocabulary.cell_symbol("n/a"), Some(Status::Cancelled));
        // "blank cell" is no symbol, and nothing else was defined.
        assert_eq!(vocabulary.cell_symbol(""), None);
        assert_eq!(vocabulary.cell_symbol("cell"), None);
        assert_eq!(vocabulary.cell_symbol("X"), None);
    }

    #[test]
    fn definitions_of_nothing_counted_are_left() {
        let vocabulary = vocabulary_of(
            "For the Optional column, X means the feature is optional, blank means required.",
        );
        assert!(!vocabulary.has_cell_symbols());
        // Prose that only uses the word.
        let vocabulary = vocabulary_of("This means the team is supported by the vendor.");
        assert!(!vocabulary.has_cell_symbols());
    }

    #[test]
    fn french_and_status_phrase_definitions() {
        let vocabulary = vocabulary_of(
            "✓ signifie pris en charge ; ✗ signifie non pris en charge ; ~ = en cours",
        );
        assert_eq!(vocabulary.cell_symbol("✓"), Some(Status::Done));
        assert_eq!(vocabulary.cell_symbol("✗"), Some(Status::Todo));
        assert_eq!(vocabulary.cell_symbol("~"), Some(Status::InProgress));
        // A legend line of pairs; `x`, one character, is a symbol.
        let vocabulary = vocabulary_of("Légende : x = implémenté, o = non implémenté");
        assert_eq!(vocabulary.cell_symbol("x"), Some(Status::Done));
        assert_eq!(vocabulary.cell_symbol("X"), Some(Status::Done));
        assert_eq!(vocabulary.cell_symbol("o"), Some(Status::Todo));
        // A stop inside a symbol does not cut its clause.
        let vocabulary = vocabulary_of(
            "Y. means supported. N.A. means not applicable. Z means it is supported.",
        );
        assert_eq!(vocabulary.cell_symbol("Y."), Some(Status::Done));
        assert_eq!(vocabulary.cell_symbol("N.A."), Some(Status::Cancelled));
        assert_eq!(vocabulary.cell_symbol("Z"), Some(Status::Done));
    }

    fn vocabulary_of_list(markdown: &str) -> Vocabulary {
        let outline = Outline::parse(markdown);
        let entries = (outline.preamble.iter())
            .find_map(|block| match block {
                crate::extract::outline::Block::List(entries) => Some(entries),
                _ => None,
            })
            .expect("a list");
        let portal = Vocabulary::new(&VocabularyConfig::default());
        let mut vocabulary = Cow::Owned(portal);
        read_term_list(entries, &mut vocabulary, false);
        vocabulary.into_owned()
    }

    /// Corpus 23's legend, as it is written there.
    const ASAHI: &str = "\
* **Kernel release, *e.g.* 6.0:** the feature was incorporated upstream as of this release
* **linux-asahi (kernel release):** the feature is stable, available for use in Fedora Asahi Remix, and should be upstream by the release indicated
* **linux-asahi**: the feature is (mostly) stable and available for use in Fedora Asahi Remix
* **WIP**: Development work on the feature is actively progressing, however is not yet ready for wider testing, use or distribution
* **TBA**: Active work on this feature is not being undertaken at this time
";

    #[test]
    fn a_legend_list_defines_the_words_of_the_tables() {
        let vocabulary = vocabulary_of_list(ASAHI);
        // Upstream in a kernel release: any release written as `6.0` is.
        assert_eq!(vocabulary.cell_symbol("6.0"), Some(Status::Done));
        assert_eq!(vocabulary.cell_symbol("5.19"), Some(Status::Done));
        assert_eq!(vocabulary.cell_symbol(" 7.0 "), Some(Status::Done));
        // Stable downstream; a note in brackets after it is no other word.
        assert_eq!(vocabulary.cell_symbol("linux-asahi"), Some(Status::Done));
        assert_eq!(
            vocabulary.cell_symbol("linux-asahi (notes)"),
            Some(Status::Done)
        );
        assert_eq!(
            vocabulary.cell_symbol("linux-asahi (13.5 FW only)"),
            Some(Status::Done)
        );
        assert_eq!(vocabulary.cell_symbol("WIP"), Some(Status::InProgress));
        assert_eq!(vocabulary.cell_symbol("TBA"), Some(Status::Todo));
        // Not defined: a dash, a year, a version of another shape, a note
        // alone, words the legend does not give.
        for cell in [
            "-",
            "2020",
            "6.0.1",
            "(notes)",
            "yes",
            "out of tree (notes)",
        ] {
            assert_eq!(vocabulary.cell_symbol(cell), None, "{cell}");
        }
    }

    #[test]
    fn lists_that_are_no_legend_define_nothing() {
        // A project's parts and their state, every one the same.
        let parts = vocabulary_of_list("- Backend: implemented\n- Frontend: implemented\n");
        assert!(!parts.has_cell_symbols());
        // Items with their markers.
        let items = vocabulary_of_list("- 🟢 **Dashboard**: done\n- 🚧 **Billing**: in progress\n");
        assert!(!items.has_cell_symbols());
        // One entry is not `term: meaning`.
        let mixed = vocabulary_of_list("- WIP: in progress\n- TBA: not started\n- see the notes\n");
        assert!(!mixed.has_cell_symbols());
        // A long sentence before the colon is no term.
        let prose = vocabulary_of_list(
            "- The team that runs the billing servers: not started\n- WIP: in progress\n",
        );
        assert!(!prose.has_cell_symbols());
    }

    /// The first table of `markdown` read as a matrix with `vocabulary`.
    fn first_matrix(markdown: &str, vocabulary: &Vocabulary) -> Matrix {
        let outline = Outline::parse(markdown);
        let table = (outline.walk_sections().into_iter())
            .flat_map(|section| section.blocks.iter())
            .find_map(|block| match block {
                crate::extract::outline::Block::Table(table) => Some(table),
                _ => None,
            })
            .expect("a table");
        read(table, vocabulary)
    }

    fn matrix_of(markdown: &str) -> Matrix {
        first_matrix(markdown, &vocabulary_of(OTEL))
    }

    #[test]
    fn a_matrix_row_is_one_feature_across_its_columns() {
        let matrix = matrix_of(
            "## Traces\n\n\
             | Feature | Optional | Go | Java | JS |\n\
             |---|---|---|---|---|\n\
             | Tracer | Optional | Go | Java | JS |\n\
             | Create a Tracer | | + | + | + |\n\
             | Get a Tracer with schema_url | X | + | - | |\n\
             | Set active Span | | N/A | - | - |\n\
             | Only where it applies | | N/A | + | N/A |\n\
             | Nowhere | | N/A | N/A | N/A |\n",
        );
        let rows = &matrix.rows;
        let named: Vec<(&str, Option<RowProgress>)> = rows
            .iter()
            .map(|row| (row.name.as_str(), row.progress()))
            .collect();
        assert_eq!(
            named,
            [
                // Every language supports it.
                ("Create a Tracer", Some((Status::Done, Some(100.0)))),
                // Go yes, Java no, JS unknown: one of two.
                (
                    "Get a Tracer with schema_url",
                    Some((Status::InProgress, Some(50.0)))
                ),
                // Not in Go's API; Java and JS lack it.
                ("Set active Span", Some((Status::Todo, Some(0.0)))),
                // One counted cell is the row's status.
                ("Only where it applies", Some((Status::Done, None))),
                ("Nowhere", None),
            ]
        );
        // The header repeated with a name of its own opens a group that
        // holds every row after it. The Optional column's `X` is not counted.
        let tracer = Group {
            name: "Tracer".to_string(),
            line: 5,
        };
        assert_eq!(matrix.groups, [tracer]);
        assert!(rows.iter().all(|row| row.group == Some(0)));
        assert_eq!(rows[0].line, 6);
        assert_eq!(rows[1].statuses, [Status::Done, Status::Todo]);
    }

    /// The first table of `markdown` read with the built-in vocabulary
    /// alone: no symbol defined.
    fn bare_matrix_of(markdown: &str) -> Matrix {
        first_matrix(markdown, &Vocabulary::new(&VocabularyConfig::default()))
    }

    #[test]
    fn status_markers_need_no_legend_in_two_columns() {
        let matrix = bare_matrix_of(
            "## Support\n\n\
             | Feature | Chrome | Firefox | Safari |\n|---|---|---|---|\n\
             | Login | ✅ | ✅ | ✅ |\n\
             | Export PDF | ✅ | ❌ | |\n\
             | Dark mode | ✅ | ✅ | 🚧 partiel |\n\
             | Offline | ❌ | ❌ | ❌ |\n\
             | Print | see notes | | |\n",
        );
        let named: Vec<(&str, Option<RowProgress>)> = (matrix.rows.iter())
            .map(|row| (row.name.as_str(), row.progress()))
            .collect();
        assert_eq!(
            named,
            [
                ("Login", Some((Status::Done, Some(100.0)))),
                // Safari's blank cell says nothing: one of two.
                ("Export PDF", Some((Status::InProgress, Some(50.0)))),
                // (100 + 100 + 50) / 3.
                ("Dark mode", Some((Status::InProgress, Some(83.3)))),
                ("Offline", Some((Status::Todo, Some(0.0)))),
            ]
        );
        // One column of marks under a header that names no status.
        let one = bare_matrix_of(
            "## Modules\n\n| Module | Chrome |\n|---|---|\n| A | ✅ |\n| B | ❌ |\n",
        );
        assert_eq!(one, Matrix::default());
        // Corpus 07: marks beside a column of figures count no platforms.
        let figures = bare_matrix_of(
            "## Infrastructure\n\n| Composant | Fait | Total | % |\n|---|---|---|---|\n\
             | Docker | ✅ | ✅ | 100% |\n| Documentation | ✅ | ✅ | 90% |\n",
        );
        assert_eq!(figures, Matrix::default());
    }

    #[test]
    fn a_table_without_defined_symbols_is_no_matrix() {
        let matrix = matrix_of(
            "## Budget\n\n| Poste | Prévu | Réel |\n|---|---|---|\n| Serveurs | 10 k€ | 12 k€ |\n",
        );
        assert_eq!(matrix, Matrix::default());
    }
}
