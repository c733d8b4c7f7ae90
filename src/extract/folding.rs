//! Folding: how every reader compares words. Text is lower-cased and its
//! accents and emoji variation selectors are dropped, so that `TERMINÉE`,
//! `Terminée` and `terminee` are one word and `✔️` is `✔`; words are then
//! found whole (`done` never matches `abandoned`).
//!
//! Extraction folds every line of a document several times, so folding is
//! fast: ASCII is lower-cased byte by byte, the characters below U+3000
//! (Latin, Greek, Cyrillic, punctuation, symbols) come from a table built
//! once, emoji fold to themselves and variation selectors to nothing.
//! Anything else takes the Unicode algorithm, which the table was built
//! from, so all of them agree (a test checks every character).

use std::ops::{Range, RangeInclusive};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::ascii::ascii_run;

/// Characters below this come from [`TABLE`].
const TABLE_END: u32 = 0x3000;
/// Emoji blocks (U+1F000-U+1FAFF): no case, no decomposition.
const EMOJI: RangeInclusive<u32> = 0x1F000..=0x1FAFF;
/// Variation selectors (U+FE00-U+FE0F), which fold to nothing: `✔️` is
/// `✔` and U+FE0F, and status emoji carry one on nearly every line.
const VARIATION_SELECTORS: RangeInclusive<u32> = 0xFE00..=0xFE0F;
/// Table entry of a character that folds to nothing (a combining accent).
const NOTHING: u32 = 0x11_0000;
/// Table entry of a character that folds to several characters.
const SEVERAL: u32 = 0x11_0001;

/// The folded form of every character below [`TABLE_END`]: one character,
/// [`NOTHING`] or [`SEVERAL`].
static TABLE: LazyLock<Vec<u32>> = LazyLock::new(|| {
    (0..TABLE_END)
        .map(|code| {
            let Some(c) = char::from_u32(code) else {
                return SEVERAL;
            };
            let mut folded = String::new();
            fold_char_slowly(c, &mut folded);
            let mut chars = folded.chars();
            match (chars.next(), chars.next()) {
                (None, _) => NOTHING,
                (Some(one), None) => one as u32,
                _ => SEVERAL,
            }
        })
        .collect()
});

/// The Unicode definition: lower case, canonical decomposition, combining
/// marks (accents, variation selectors) dropped.
fn fold_char_slowly(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        for part in std::iter::once(lower).nfd() {
            if !is_combining_mark(part) {
                out.push(part);
            }
        }
    }
}

/// What one character folds to.
pub enum FoldedChar {
    /// A combining accent or a variation selector.
    Nothing,
    One(char),
    /// A character whose lower case or decomposition is several (`İ`).
    Several(String),
}

/// The folded form of `c` (`É` gives `e`, U+FE0F nothing).
#[inline]
pub fn fold_char(c: char) -> FoldedChar {
    let code = c as u32;
    if c.is_ascii() {
        return FoldedChar::One(c.to_ascii_lowercase());
    }
    if code < TABLE_END {
        match TABLE[code as usize] {
            NOTHING => return FoldedChar::Nothing,
            SEVERAL => {}
            one => return char::from_u32(one).map_or(FoldedChar::Nothing, FoldedChar::One),
        }
    } else if EMOJI.contains(&code) {
        return FoldedChar::One(c);
    } else if VARIATION_SELECTORS.contains(&code) {
        return FoldedChar::Nothing;
    }
    let mut folded = String::new();
    fold_char_slowly(c, &mut folded);
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) => FoldedChar::Nothing,
        (Some(one), None) => FoldedChar::One(one),
        _ => FoldedChar::Several(folded),
    }
}

/// Appends the folded form of `c` to `out`.
pub fn push_folded(c: char, out: &mut String) {
    match fold_char(c) {
        FoldedChar::Nothing => {}
        FoldedChar::One(one) => out.push(one),
        FoldedChar::Several(several) => out.push_str(&several),
    }
}

/// Folds `text`: `"TERMINÉE ✔️"` becomes `"terminee ✔"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        // A run of ASCII is copied and lower-cased at once...
        let ascii = ascii_run(rest.as_bytes());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        // ...then the run of other characters, one at a time.
        let mut chars = rest[ascii..].chars();
        loop {
            let before = chars.as_str();
            match chars.next() {
                None => return out,
                Some(c) if c.is_ascii() => {
                    rest = before;
                    break;
                }
                Some(c) => push_folded(c, &mut out),
            }
        }
    }
}

/// Whether `text` folds to exactly `folded` (no allocation).
pub fn folds_to(text: &str, folded: &str) -> bool {
    let mut wanted = folded;
    for c in text.chars() {
        let rest = match fold_char(c) {
            FoldedChar::Nothing => Some(wanted),
            FoldedChar::One(one) => wanted.strip_prefix(one),
            FoldedChar::Several(several) => wanted.strip_prefix(several.as_str()),
        };
        match rest {
            Some(rest) => wanted = rest,
            None => return false,
        }
    }
    wanted.is_empty()
}

/// Whether `text` folded ends with `suffix` (no allocation): folding works
/// character by character, so only the characters whose folds make up
/// `suffix` are folded, from the end.
pub fn folds_ending_with(text: &str, suffix: &str) -> bool {
    let mut wanted = suffix;
    for c in text.chars().rev() {
        if wanted.is_empty() {
            return true;
        }
        let rest = match fold_char(c) {
            FoldedChar::Nothing => Some(wanted),
            FoldedChar::One(one) => wanted.strip_suffix(one),
            // A fold as long as what is left ends the match either way.
            FoldedChar::Several(several) if several.len() >= wanted.len() => {
                return several.ends_with(wanted);
            }
            FoldedChar::Several(several) => wanted.strip_suffix(several.as_str()),
        };
        match rest {
            Some(rest) => wanted = rest,
            None => return false,
        }
    }
    wanted.is_empty()
}

/// Whether `text` may hold a decimal digit (what `\d` matches): any numeric
/// character counts, so a `false` is sure. Folding never makes one (a test
/// checks every character), so unfolded text can be checked.
pub fn holds_digit(text: &str) -> bool {
    holds_ascii_digit(text.as_bytes())
        || non_ascii_chars(text).any(|c| !never_numeric(c) && c.is_numeric())
}

/// Whether `bytes` hold an ASCII digit, looked at 16 bytes at a time: a
/// block is checked whole (which vectorises), then the search stops.
fn holds_ascii_digit(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(16);
    let any_in = |block: &[u8]| {
        block
            .iter()
            .fold(false, |seen, b| seen | b.is_ascii_digit())
    };
    blocks.any(any_in) || blocks.remainder().iter().any(u8::is_ascii_digit)
}

/// The characters of `text` that are not ASCII, its ASCII runs skipped
/// eight bytes at a time ([`ascii_run`]).
fn non_ascii_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = &rest[ascii_run(rest.as_bytes())..];
        let mut chars = rest.chars();
        let c = chars.next()?;
        rest = chars.as_str();
        Some(c)
    })
}

/// Blocks of characters of which none is numeric (a test checks every
/// one): accented Latin, Greek, Cyrillic, Hebrew, most of Arabic, general
/// punctuation, arrows, box drawing, shapes, most symbols and emoji. Most
/// non-ASCII characters of a document fall in one, and are ruled out
/// without the Unicode table.
const NEVER_NUMERIC: [RangeInclusive<char>; 7] = [
    '\u{80}'..='\u{B1}',
    '\u{C0}'..='\u{65F}',
    '\u{2000}'..='\u{206F}',
    '\u{2190}'..='\u{245F}',
    '\u{2500}'..='\u{2775}',
    '\u{2794}'..='\u{2BFF}',
    '\u{1F10D}'..='\u{1FAFF}',
];

fn never_numeric(c: char) -> bool {
    NEVER_NUMERIC.iter().any(|block| block.contains(&c))
}

/// The text before the parenthesis that ends `text`, and the inside of
/// that parenthesis (`Q4 2026 (current quarter)` gives `Q4 2026 ` and
/// `current quarter`): an aside that headings, names and titles end with.
pub fn trailing_aside(text: &str) -> Option<(&str, &str)> {
    text.trim_end().strip_suffix(')')?.rsplit_once('(')
}

/// The words of folded text (runs of letters and digits).
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// `text` folded, as its words joined by single spaces:
/// `**Date prévue de fin :**` gives `date prevue de fin`.
pub fn folded_words(text: &str) -> String {
    words(&fold(text)).collect::<Vec<_>>().join(" ")
}

/// What `table` says of `text` as a whole, its words folded
/// ([`folded_words`]): a RAID log's `Risques` is a risk row, a GitLab
/// label's `In Dev` a task under way.
pub fn look_up<T: Copy>(table: &[(&str, T)], text: &str) -> Option<T> {
    let said = folded_words(text);
    (table.iter())
        .find(|(words, _)| *words == said)
        .map(|(_, value)| *value)
}

/// Labels a line may begin with (folded, as [`folded_words`] gives them:
/// words joined by single spaces), for [`Prefixes::begin`]: at most 64
/// once those that begin with another of them are left out.
pub struct Prefixes {
    prefixes: Vec<&'static [u8]>,
    /// For each first byte, the prefixes that begin with it (bit `i`:
    /// `prefixes[i]`): a line is ruled out by its first letter at once.
    by_first_byte: [u64; 256],
}

impl Prefixes {
    pub fn new(prefixes: &[&'static str]) -> Prefixes {
        assert!(!prefixes.contains(&""), "no empty prefix");
        // Words that begin with `start date` begin with `start`: a prefix
        // that begins with another is never the one that decides, and is
        // left out (the 68 labels of a project's start, end and span make
        // 49 prefixes).
        let prefixes: Vec<&str> = (prefixes.iter().enumerate())
            .filter(|&(at, prefix)| {
                !(prefixes.iter().enumerate()).any(|(other, shorter)| {
                    prefix.starts_with(shorter) && (shorter.len(), other) < (prefix.len(), at)
                })
            })
            .map(|(_, prefix)| *prefix)
            .collect();
        assert!(prefixes.len() <= 64, "at most 64 prefixes");
        let mut by_first_byte = [0; 256];
        for (index, prefix) in prefixes.iter().enumerate() {
            by_first_byte[usize::from(prefix.as_bytes()[0])] |= 1 << index;
        }
        Prefixes {
            prefixes: prefixes.iter().map(|prefix| prefix.as_bytes()).collect(),
            by_first_byte,
        }
    }

    /// Whether the folded words of `text`, joined by single spaces, begin
    /// with one of the prefixes. The words are folded a character at a
    /// time and checked against the prefixes they could still begin, with
    /// no string built.
    pub fn begin(&self, text: &str) -> bool {
        // Bit `i` set: the words folded so far are a beginning of prefix `i`.
        let mut open: Option<u64> = None;
        // Bytes of the words folded so far, and whether the last was in a word.
        let mut length = 0;
        let mut in_word = false;
        let mut grow = |f: char| -> Option<bool> {
            if !f.is_alphanumeric() {
                in_word = false;
                return None;
            }
            // What the words gain: a space before a new word, then `f`.
            let mut buffer = [b' '; 5];
            let space = usize::from(!in_word && length > 0);
            let encoded = f.encode_utf8(&mut buffer[space..]).len();
            let added = &buffer[..space + encoded];
            in_word = true;
            let mut still = *open.get_or_insert(self.by_first_byte[usize::from(added[0])]);
            while still != 0 {
                let index = still.trailing_zeros() as usize;
                still &= still - 1;
                // An open prefix holds the words so far: its rest goes on
                // with `added`, or ends inside it (the words begin with it).
                let rest = &self.prefixes[index][length..];
                if begins_with(added, rest) {
                    return Some(true);
                }
                if !begins_with(rest, added) {
                    open = open.map(|open| open & !(1 << index));
                }
            }
            length += added.len();
            (open == Some(0)).then_some(false)
        };
        for c in text.chars() {
            let decided = match fold_char(c) {
                FoldedChar::Nothing => None,
                FoldedChar::One(f) => grow(f),
                FoldedChar::Several(several) => several.chars().find_map(&mut grow),
            };
            if let Some(decided) = decided {
                return decided;
            }
        }
        false
    }
}

/// `bytes.starts_with(start)` for the few bytes compared here, without a
/// call to `memcmp`.
fn begins_with(bytes: &[u8], start: &[u8]) -> bool {
    bytes.len() >= start.len() && bytes.iter().zip(start).all(|(a, b)| a == b)
}

/// Text folded for matching, with the way back to the original offsets.
pub struct Folded<'a> {
    original: &'a str,
    /// Lower case, accents removed.
    pub text: String,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Folded<'a> {
        Folded {
            original,
            text: fold(original),
        }
    }

    /// The byte offset of the original character that folded byte `at`
    /// came from (the original's end for the folded text's end). Worked
    /// out by walking the original, for the few ranges mapped back: a
    /// table of every byte's origin cost more than the walks it saved.
    fn original_offset(&self, at: usize) -> usize {
        let mut produced = 0;
        for (offset, c) in self.original.char_indices() {
            produced += match fold_char(c) {
                FoldedChar::Nothing => 0,
                FoldedChar::One(one) => one.len_utf8(),
                FoldedChar::Several(several) => several.len(),
            };
            if produced > at {
                return offset;
            }
        }
        self.original.len()
    }

    /// The range of the original text that folded range `range` came from.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let original = self.original;
        if original.is_ascii() {
            // Folding ASCII keeps every offset.
            let start = range.start.min(original.len());
            return start..range.end.min(original.len()).max(start);
        }
        let start = self.original_offset(range.start);
        // The end is the start of the first original character after the range.
        let end = if range.end >= self.text.len() {
            original.len()
        } else {
            self.original_offset(range.end)
        };
        start..end.max(start)
    }
}

/// Whether the match `at..end` of folded `text` stands as a whole word:
/// no letter or digit right before or right after it.
fn whole_word(text: &str, at: usize, end: usize) -> bool {
    let before_ok = text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

/// Position of `word` in `text` as a whole word (both folded).
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text.get(from..)?.find(word) {
        let at = from + found;
        if whole_word(text, at, at + word.len()) {
            return Some(at);
        }
        from = at + word.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A list of folded words and phrases searched whole in one pass over the
/// text, instead of one search per word.
pub struct WordList {
    automaton: AhoCorasick,
}

impl WordList {
    /// `words` must be folded already.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordList {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(words)
            .expect("word lists are small");
        WordList { automaton }
    }

    /// A list of static words (already folded).
    pub fn of(words: &[&str]) -> WordList {
        WordList::new(words.iter().copied())
    }

    /// Every whole-word occurrence in folded `text`: (start, index in the list).
    fn occurrences<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        // Most texts hold none of the words: one plain search says so for
        // less than the overlapping walk (15 million of extraction's 3,066
        // million instructions on the bench's first 1,000 documents).
        let any = self.automaton.is_match(text);
        any.then(|| self.automaton.find_overlapping_iter(text))
            .into_iter()
            .flatten()
            .filter(move |m| whole_word(text, m.start(), m.end()))
            .map(|m| (m.start(), m.pattern().as_usize()))
    }

    /// The earliest whole-word occurrence in folded `text`, as (start, index
    /// in the list); at one start, the word listed first. The same answer as
    /// [`find_word`] for each word, keeping the smallest position.
    pub fn first(&self, text: &str) -> Option<(usize, usize)> {
        self.occurrences(text).min()
    }

    /// Every whole-word occurrence in folded `text`, as (start, index).
    pub fn all(&self, text: &str) -> Vec<(usize, usize)> {
        self.occurrences(text).collect()
    }

    /// Whether any word of the list stands whole in folded `text`.
    pub fn any(&self, text: &str) -> bool {
        self.occurrences(text).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How the vocabulary used to fold: decomposition of the whole text
    /// first, then marks dropped, then lower case.
    fn normalize_reference(text: &str) -> String {
        text.nfd()
            .filter(|c| !is_combining_mark(*c) && *c != '\u{fe0f}' && *c != '\u{fe0e}')
            .flat_map(char::to_lowercase)
            .collect()
    }

    /// Character by character: whole-text decomposition reorders only
    /// characters of a non-zero combining class, all of them marks, which
    /// folding drops, so folding each character is folding the whole text.
    #[test]
    fn every_character_folds_as_unicode_says() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let mut fast = String::new();
            push_folded(c, &mut fast);
            let mut slow = String::new();
            fold_char_slowly(c, &mut slow);
            assert_eq!(fast, slow, "U+{:04X}", c as u32);
            // Readers rule text out by its digits and separators before folding it.
            if !c.is_numeric() {
                assert!(!slow.chars().any(char::is_numeric), "U+{:04X}", c as u32);
            }
            if !c.is_ascii() {
                assert!(!slow.contains(['-', '/', '.']), "U+{:04X}", c as u32);
            }
            // The two ways the extractors used to fold agree on every character.
            assert_eq!(
                normalize_reference(&c.to_string()),
                slow,
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// The ASCII runs between other characters are copied a run at a
    /// time ([`ascii_run`]), lower-cased.
    #[test]
    fn ascii_runs_are_copied_lower_cased() {
        assert_eq!(
            fold("ABCDEFGHIJ TERMINÉE ✔️ Über"),
            "abcdefghij terminee ✔ uber"
        );
    }

    #[test]
    fn no_character_said_never_numeric_is_numeric() {
        for block in NEVER_NUMERIC {
            for c in block {
                assert!(!c.is_numeric(), "{c:?} U+{:X}", c as u32);
            }
        }
        assert!(holds_digit("Phase ²") && holds_digit("① Cadrage") && holds_digit("🄁"));
        assert!(!holds_digit("Étape é — ✅ 🟡 ▓▓░ → …"));
    }

    // The digit search by blocks and ASCII runs answers as a scan of every
    // character would, wherever the digit stands.
    proptest::proptest! {
        #[test]
        fn holds_digit_as_every_character_says(text in "[a-z é²①7✅ -]{0,40}") {
            let every = text.chars().any(char::is_numeric);
            proptest::prop_assert_eq!(holds_digit(&text), every);
        }

        // The suffix check folds only the end of the text, and answers as
        // folding all of it does: for every ending of the folded text, and
        // for other words. `한` folds to three characters (its jamo).
        #[test]
        fn folds_ending_with_as_the_whole_fold_says(
            text in "[a-tA-T éÉİ한\\u{301}\\u{fe0f}✅-]{0,12}",
            other in "[a-t éi\\u{1112}\\u{1161}\\u{11ab}]{0,4}",
        ) {
            let folded = fold(&text);
            for (at, _) in folded.char_indices() {
                proptest::prop_assert!(folds_ending_with(&text, &folded[at..]), "{:?}", &folded[at..]);
            }
            proptest::prop_assert!(folds_ending_with(&text, ""));
            proptest::prop_assert_eq!(folds_ending_with(&text, &other), folded.ends_with(other.as_str()));
        }

        // Folded ranges map back to the original as a table of each folded
        // byte's origin maps them.
        #[test]
        fn original_ranges_as_a_table_of_origins_gives_them(
            text in "[a-tA-T éÉİ한\\u{301}\\u{fe0f}✅-]{0,12}",
            ends in (0usize..40, 0usize..40),
        ) {
            let folded = Folded::new(&text);
            let mut origin: Vec<usize> = Vec::new();
            for (offset, c) in text.char_indices() {
                let mut one = String::new();
                push_folded(c, &mut one);
                origin.extend(std::iter::repeat_n(offset, one.len()));
            }
            origin.push(text.len());
            let (start, end) = (ends.0.min(ends.1), ends.0.max(ends.1));
            let by_table = |at: usize| origin.get(at).copied().unwrap_or(text.len());
            let expected_end = if end >= folded.text.len() { text.len() } else { by_table(end) };
            let expected = by_table(start)..expected_end.max(by_table(start));
            proptest::prop_assert_eq!(folded.original_range(start..end), expected);
        }
    }

    #[test]
    fn reordered_characters_are_all_dropped() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            if canonical_combining_class(c) != 0 {
                assert!(is_combining_mark(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn fold_drops_accents_case_and_variation_selectors() {
        assert_eq!(fold("TERMINÉE ✔️"), "terminee ✔");
        assert_eq!(fold("À Faire"), "a faire");
        assert_eq!(fold("Œuvre Straße"), "œuvre straße");
        assert!(folds_to("Terminée ✔️", "terminee ✔"));
        assert!(!folds_to("Terminée", "termine"));
        assert_eq!(
            folded_words("**Date prévue de fin :**"),
            "date prevue de fin"
        );
    }

    #[test]
    fn the_first_words_of_a_line() {
        let labels = Prefixes::new(&["date prevue de fin", "jalon", "go live", "fin"]);
        assert!(labels.begin("**Date prévue de fin :** 30/06/2025"));
        assert!(labels.begin("🚀 Go-Live : 2026-03-01"));
        assert!(labels.begin("Jalonnement 2"));
        assert!(labels.begin("FIN prévue"));
        assert!(!labels.begin("Le jalon 2 : 2026-03-01"));
        assert!(!labels.begin("Date prévue"));
        assert!(!labels.begin("Go"));
        assert!(!labels.begin(""));
    }

    #[test]
    fn folding_keeps_original_offsets() {
        let text = "Échéance : 1er Décembre";
        let folded = Folded::new(text);
        assert_eq!(folded.text, "echeance : 1er decembre");
        let start = folded.text.find("decembre").unwrap();
        let range = folded.original_range(start..start + 8);
        assert_eq!(&text[range], "Décembre");
    }

    #[test]
    fn words_are_found_whole() {
        assert_eq!(find_word("project abandoned", "done"), None);
        assert_eq!(find_word("well done", "done"), Some(5));
        assert_eq!(find_word("en cours", "en cours"), Some(0));
        let list = WordList::new(["termine", "en cours", "done"]);
        assert_eq!(
            list.first("abandoned, en cours puis termine"),
            Some((11, 1))
        );
        assert_eq!(list.first("abandoned"), None);
        assert!(list.any("c'est termine"));
        assert_eq!(list.all("done done").len(), 2);
    }

    #[test]
    fn at_one_start_the_word_listed_first_wins() {
        let list = WordList::new(["tres eleve", "eleve", "tres"]);
        assert_eq!(list.first("risque tres eleve"), Some((7, 0)));
        let list = WordList::new(["tres", "tres eleve"]);
        assert_eq!(list.first("risque tres eleve"), Some((7, 0)));
    }
}
