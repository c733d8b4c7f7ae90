//! Mojibake repair (`EXTRACTION.md` §1.3): text whose UTF-8 bytes were once
//! decoded as a single-byte code page and saved again.
//!
//! Seed `002_…` reads `HarmonisÃ©` for `Harmonisé` and `ğŸ“‹` for 📋: the
//! UTF-8 bytes `C3 A9` and `F0 9F 93 8B` were read as windows-1254. Seed
//! `001_…` reads `D√©marrage` and `‚úÖ`: the same damage through Mac Roman.
//!
//! How the repair works, per run of non-ASCII characters:
//! 1. map each character back to the byte the code page gave it (tables
//!    built from `encoding_rs`, never typed by hand);
//! 2. walk those bytes as UTF-8. A complete sequence whose character is
//!    *plausible* in a tracking document (accented Latin, punctuation,
//!    symbols, emoji) replaces the characters it came from. Anything else
//!    keeps its characters, so `l’été` (which Mac Roman would turn into the
//!    Armenian `Վ`) and `café…` stay as they are;
//! 3. with the Windows table only, an interrupted sequence that is clearly
//!    the start of an emoji or symbol (`ğŸ` alone, `â€` alone, `ï¸`) is
//!    dropped: its missing byte was one of the five windows-1254 leaves
//!    undefined (0x81 0x8D 0x8E 0x8F 0x90 0x9D 0x9E) and is lost, so
//!    `ğŸ« TICKET` (🎫 minus 0x8E) becomes ` TICKET`, never a guessed emoji
//!    and never U+FFFD.
//!
//! Each run takes whichever table explains more of its characters (on a
//! tie, the table the whole document prefers), so a correct `é` next to a
//! broken `Ã©` both come out as `é`.

use std::collections::HashMap;
use std::sync::LazyLock;

use encoding_rs::{Encoding, MACINTOSH, WINDOWS_1252, WINDOWS_1254};

use crate::ascii::ascii_run;

/// Characters a repaired UTF-8 sequence may decode to. A decoded character
/// outside these ranges (Armenian, Cyrillic, CJK, ...) means the run was
/// legitimate text after all.
const PLAUSIBLE: &[(u32, u32)] = &[
    (0x00A0, 0x017F),   // Latin-1 supplement, Latin Extended-A: é, À, œ, «, °
    (0x2000, 0x206F),   // general punctuation: — ’ … • and ZWJ (U+200D)
    (0x20A0, 0x20CF),   // currency: €
    (0x20D0, 0x20FF),   // combining marks for symbols: keycap U+20E3
    (0x2100, 0x27BF), // letterlike, arrows, math, technical, box, block, geometric, symbols, dingbats
    (0x2900, 0x2BFF), // supplemental arrows, misc symbols and arrows: ⬜ ⭐
    (0xFE00, 0xFE0F), // variation selectors (VS16 after ⚠)
    (0x1F000, 0x1FAFF), // emoji
];

/// Starts of interrupted sequences that can only be a damaged emoji or
/// symbol: a first byte and the range of the second. `F0 9F` starts every
/// common emoji, `E2 80..9F` and `E2 AC..AF` the symbol blocks, `EF B8` a
/// variation selector.
const BROKEN_SYMBOL_PREFIXES: &[(u8, u8, u8)] = &[
    (0xF0, 0x9F, 0x9F),
    (0xE2, 0x80, 0x9F),
    (0xE2, 0xAC, 0xAF),
    (0xEF, 0xB8, 0xB8),
];

/// One code page's reverse table: character → the byte it decodes from.
struct CodePage {
    /// Name used in the diagnostic.
    name: &'static str,
    bytes: HashMap<char, u8>,
    /// Whether bytes may have been lost (undefined in the code page), so
    /// that an interrupted emoji prefix is dropped. Mac Roman defines all
    /// 256 bytes: nothing is ever lost, so nothing is dropped.
    lost_bytes: bool,
}

impl CodePage {
    /// The high half (0x80-0xFF) of each encoding, first one wins.
    fn from_encodings(
        name: &'static str,
        encodings: &[&'static Encoding],
        lost_bytes: bool,
    ) -> Self {
        let mut bytes = HashMap::new();
        for encoding in encodings {
            for byte in 0x80..=0xFFu8 {
                let single = [byte];
                let (decoded, had_errors) = encoding.decode_without_bom_handling(&single);
                let mut chars = decoded.chars();
                if let (Some(c), None, false) = (chars.next(), chars.next(), had_errors) {
                    bytes.entry(c).or_insert(byte);
                }
            }
        }
        CodePage {
            name,
            bytes,
            lost_bytes,
        }
    }

    fn byte(&self, c: char) -> Option<u8> {
        self.bytes.get(&c).copied()
    }
}

/// windows-1252 and windows-1254 merged (they differ only in a few letters:
/// windows-1254 has `ğ` at 0xF0 where windows-1252 has `ð`), plus the C1
/// controls U+0080-U+009F standing for themselves (ISO-8859-1 damage).
static WINDOWS: LazyLock<CodePage> = LazyLock::new(|| {
    let mut page =
        CodePage::from_encodings("windows-1252/1254", &[WINDOWS_1252, WINDOWS_1254], true);
    for byte in 0x80..=0x9Fu8 {
        page.bytes.entry(char::from(byte)).or_insert(byte);
    }
    page
});

static MAC_ROMAN: LazyLock<CodePage> =
    LazyLock::new(|| CodePage::from_encodings("Mac Roman", &[MACINTOSH], false));

/// What [`repair`] did to a text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Repair {
    pub text: String,
    /// Runs of characters that were changed.
    pub runs: usize,
    /// Broken emoji or symbol fragments dropped (their bytes were lost).
    pub dropped: usize,
    /// 1-based line of the first repaired run.
    pub first_line: Option<usize>,
    /// Code pages that were undone, for the diagnostic message.
    pub code_pages: Vec<&'static str>,
}

/// Repairs every mojibake run of `text`; clean text comes back unchanged.
/// Text given by value comes back without a copy when it is clean.
pub fn repair(text: impl Into<String>) -> Repair {
    let text = text.into();
    let runs: Vec<Candidates> = non_ascii_runs(&text)
        .filter(|&(start, end)| may_be_mojibake(&text[start..end]))
        .map(|(start, end)| Candidates::of(&text, start, end))
        .collect();
    if runs.iter().all(Candidates::explains_nothing) {
        return Repair {
            text,
            ..Repair::default()
        };
    }
    repair_runs(&text, runs)
}

/// The text with the runs that read as mojibake replaced.
fn repair_runs(text: &str, runs: Vec<Candidates>) -> Repair {
    let windows_total: usize = runs.iter().map(|r| r.windows.explained).sum();
    let mac_total: usize = runs.iter().map(|r| r.mac.explained).sum();
    let document_prefers_mac = mac_total > windows_total;
    let mut repair = Repair {
        text: String::with_capacity(text.len()),
        ..Repair::default()
    };
    // Output offsets of a lone `Ã` left before a space (see `repair_lost_nbsp`).
    let mut lone_a_tildes = Vec::new();
    let mut windows_runs = 0;
    let mut copied_up_to = 0;
    for run in runs {
        let (start, end) = (run.start, run.end);
        repair.text.push_str(&text[copied_up_to..start]);
        copied_up_to = end;
        match run.best(document_prefers_mac) {
            Some((fixed, page)) => {
                repair.runs += 1;
                repair.dropped += fixed.dropped;
                if page.lost_bytes {
                    windows_runs += 1;
                }
                if !repair.code_pages.contains(&page.name) {
                    repair.code_pages.push(page.name);
                }
                if repair.first_line.is_none() {
                    repair.first_line = Some(line_of(text, start));
                }
                repair.text.push_str(&fixed.text);
            }
            None => repair.text.push_str(&text[start..end]),
        }
        if repair.text.ends_with('Ã') && text[end..].starts_with(' ') {
            lone_a_tildes.push(repair.text.len() - 'Ã'.len_utf8());
        }
    }
    repair.text.push_str(&text[copied_up_to..]);
    if windows_runs > 0 {
        repair_lost_nbsp(&mut repair, &lone_a_tildes, text);
    }
    repair
}

/// One run of non-ASCII characters read through both code pages.
struct Candidates {
    start: usize,
    end: usize,
    windows: FixedRun,
    mac: FixedRun,
}

impl Candidates {
    fn of(text: &str, start: usize, end: usize) -> Self {
        let run = &text[start..end];
        if run.chars().nth(1).is_none() {
            // One character is one byte in either code page, and one byte
            // of 0x80 or more is never a whole UTF-8 sequence: nothing to
            // explain. Most runs are one accented letter or one emoji.
            return Candidates {
                start,
                end,
                windows: FixedRun::unexplained(),
                mac: FixedRun::unexplained(),
            };
        }
        Candidates {
            start,
            end,
            windows: fix_run(run, &WINDOWS),
            mac: fix_run(run, &MAC_ROMAN),
        }
    }

    /// Whether neither code page reads any of the run as mojibake.
    fn explains_nothing(&self) -> bool {
        self.windows.explained == 0 && self.mac.explained == 0
    }

    /// The reading that explains more characters of the run as mojibake;
    /// on a tie, the one the whole document prefers. `…` damaged through
    /// Mac Roman is `‚Ä¶` (three characters, one sequence); windows-1252
    /// would read only `Ä¶` as `Ķ` (two characters): Mac Roman wins.
    fn best(self, document_prefers_mac: bool) -> Option<(FixedRun, &'static CodePage)> {
        let mac_wins = self.mac.explained > self.windows.explained
            || (self.mac.explained == self.windows.explained && document_prefers_mac);
        let (best, page) = if mac_wins {
            (self.mac, &*MAC_ROMAN)
        } else {
            (self.windows, &*WINDOWS)
        };
        (best.explained > 0).then_some((best, page))
    }
}

/// `à` is `C3 A0` in UTF-8, and 0xA0 is a no-break space in windows-1252:
/// an editor that turns no-break spaces into plain spaces leaves `Ã ` for
/// `à ` (`Ã  faire`, `dÃ©jÃ  vu`). In a document that is mojibake
/// elsewhere, a lone `Ã` at the end of its run before a space is read as
/// `à`; the space stays. (The seeds kept their no-break spaces: `Ã\u{A0}`
/// is repaired by the general rule.)
fn repair_lost_nbsp(repair: &mut Repair, offsets: &[usize], original: &str) {
    if offsets.is_empty() {
        return;
    }
    let mut text = String::with_capacity(repair.text.len());
    let mut copied_up_to = 0;
    for &offset in offsets {
        text.push_str(&repair.text[copied_up_to..offset]);
        text.push('à');
        copied_up_to = offset + 'Ã'.len_utf8();
    }
    text.push_str(&repair.text[copied_up_to..]);
    repair.text = text;
    repair.runs += offsets.len();
    if repair.first_line.is_none() {
        repair.first_line = original.find("Ã ").map(|at| line_of(original, at));
    }
}

/// Byte ranges of the maximal runs of non-ASCII characters. In UTF-8 every
/// byte of a non-ASCII character is 0x80 or more and every ASCII character
/// is one byte below it, so the runs are the runs of such bytes.
fn non_ascii_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + ascii_run(&bytes[at..]);
        if start == bytes.len() {
            return None;
        }
        let length = bytes[start..].iter().take_while(|b| !b.is_ascii()).count();
        at = start + length;
        Some((start, at))
    })
}

/// Whether a run of non-ASCII characters may hold mojibake: two characters
/// or more (one is one byte in either code page, and one byte of 0x80 or
/// more is never a whole UTF-8 sequence), or a lone `Ã`, which may be an
/// `à` that lost its no-break space ([`repair_lost_nbsp`]). Most runs are
/// one accented letter or one emoji, passed over.
fn may_be_mojibake(run: &str) -> bool {
    run.chars().nth(1).is_some() || run == "Ã"
}

fn line_of(text: &str, byte_offset: usize) -> usize {
    1 + text.as_bytes()[..byte_offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// A run rewritten through one code page.
struct FixedRun {
    text: String,
    /// Characters turned into a decoded sequence or dropped as a broken
    /// fragment: how much of the run this code page explains.
    explained: usize,
    dropped: usize,
}

impl FixedRun {
    /// A reading that explains nothing (and so is never used).
    fn unexplained() -> Self {
        FixedRun {
            text: String::new(),
            explained: 0,
            dropped: 0,
        }
    }
}

/// Rewrites one run through `page`. Characters the page does not hold
/// split the run into pieces that are repaired separately.
fn fix_run(run: &str, page: &CodePage) -> FixedRun {
    let mut fixed = FixedRun {
        text: String::with_capacity(run.len()),
        explained: 0,
        dropped: 0,
    };
    let mut piece: Vec<(char, u8)> = Vec::new();
    for c in run.chars() {
        match page.byte(c) {
            Some(byte) => piece.push((c, byte)),
            None => {
                fix_piece(&piece, page, &mut fixed);
                piece.clear();
                fixed.text.push(c);
            }
        }
    }
    fix_piece(&piece, page, &mut fixed);
    fixed
}

/// Walks the bytes of a piece as UTF-8 (see the module documentation).
fn fix_piece(piece: &[(char, u8)], page: &CodePage, fixed: &mut FixedRun) {
    let bytes: Vec<u8> = piece.iter().map(|&(_, byte)| byte).collect();
    let mut i = 0;
    while i < bytes.len() {
        let expected = utf8_sequence_length(bytes[i]);
        if expected >= 2 {
            let end = continuation_end(&bytes, i, expected);
            let sequence = &bytes[i..end];
            if end - i == expected {
                if let Some(c) = plausible_char(sequence) {
                    fixed.text.push(c);
                    fixed.explained += end - i;
                    i = end;
                    continue;
                }
            } else if page.lost_bytes && is_broken_symbol_prefix(sequence) {
                fixed.explained += end - i;
                fixed.dropped += 1;
                i = end;
                continue;
            }
        }
        fixed.text.push(piece[i].0);
        i += 1;
    }
}

/// Length of the UTF-8 sequence a lead byte announces (0 when not a lead).
fn utf8_sequence_length(byte: u8) -> usize {
    match byte {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// End of the sequence starting at `start`: the lead byte plus the
/// continuation bytes that follow it, at most `expected` bytes in all.
fn continuation_end(bytes: &[u8], start: usize, expected: usize) -> usize {
    let mut end = start + 1;
    while end < bytes.len() && end - start < expected && (0x80..=0xBF).contains(&bytes[end]) {
        end += 1;
    }
    end
}

fn plausible_char(sequence: &[u8]) -> Option<char> {
    let c = std::str::from_utf8(sequence).ok()?.chars().next()?;
    let code = u32::from(c);
    PLAUSIBLE
        .iter()
        .any(|&(low, high)| (low..=high).contains(&code))
        .then_some(c)
}

fn is_broken_symbol_prefix(sequence: &[u8]) -> bool {
    match sequence {
        [first, second, ..] => BROKEN_SYMBOL_PREFIXES
            .iter()
            .any(|&(lead, low, high)| *first == lead && (low..=high).contains(second)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        repair(text).text
    }

    #[test]
    fn windows_mojibake_of_french_is_repaired() {
        assert_eq!(fixed("HarmonisÃ© avec"), "Harmonisé avec");
        assert_eq!(fixed("## Ã‰QUIPE PROJET"), "## ÉQUIPE PROJET");
        assert_eq!(fixed("Ã€ faire â€” @Mounir"), "À faire — @Mounir");
        assert_eq!(fixed("lâ€™observabilitÃ©"), "l’observabilité");
    }

    #[test]
    fn windows_1254_emoji_are_repaired() {
        // 📋 is F0 9F 93 8B; windows-1254 reads 0xF0 as `ğ`.
        assert_eq!(fixed("## ğŸ“‹ DEVOPS-001"), "## 📋 DEVOPS-001");
        assert_eq!(fixed("âœ… **Structure**"), "✅ **Structure**");
        assert_eq!(fixed("ğŸŸ¡ En cours"), "🟡 En cours");
    }

    #[test]
    fn emoji_whose_bytes_were_lost_are_dropped_not_guessed() {
        // 🎫 is F0 9F 8E AB: 0x8E is undefined in windows-1254 and was lost,
        // leaving F0 9F AB. Not 🫠 (F0 9F AB A0), not U+FFFD.
        assert_eq!(fixed("# ğŸ« TICKET DEVOPS"), "#  TICKET DEVOPS");
        // 🏗️ is F0 9F 8F 97 EF B8 8F: both 0x8F were lost.
        assert_eq!(fixed("- ğŸ—ï¸ @Imrane"), "-  @Imrane");
        // 🧙‍♂️ is F0 9F A7 99, E2 80 8D (ZWJ), E2 99 82 (♂), EF B8 8F (VS16):
        // 0x8D and 0x8F were lost, so ZWJ and VS16 go, 🧙 and ♂ stay.
        assert_eq!(fixed("- ğŸ§™â€â™‚ï¸ @Mounir"), "- 🧙♂ @Mounir");
        // 🐍 is F0 9F 90 8D: only F0 9F is left.
        assert_eq!(fixed("- ğŸ @Mouhammed"), "-  @Mouhammed");
    }

    #[test]
    fn mac_roman_mojibake_is_repaired() {
        assert_eq!(fixed("D√©marrage Rapide"), "Démarrage Rapide");
        assert_eq!(fixed("*   [‚úÖ] Fait"), "*   [✅] Fait");
        assert_eq!(fixed("[‚¨ú] √Ä Faire"), "[⬜] À Faire");
        // 0xF0 is the Apple logo U+F8FF in Mac Roman: 🟢 is F0 9F 9F A2.
        assert_eq!(fixed("\u{F8FF}üü¢ Phase 1.0"), "🟢 Phase 1.0");
        assert_eq!(fixed("‚ö†Ô∏è Attention"), "⚠\u{FE0F} Attention");
        // `…` is E2 80 A6: `‚Ä¶` in Mac Roman. windows-1252 would read the
        // last two characters as C4 B6 (`Ķ`); Mac Roman explains all three.
        assert_eq!(fixed("‚Ä¶l‚Äô√©t√©"), "…l’été");
    }

    #[test]
    fn correct_and_broken_accents_side_by_side_both_come_out_right() {
        assert_eq!(fixed("crééÃ©"), "crééé");
        assert_eq!(fixed("éÃ©"), "éé");
    }

    #[test]
    fn legitimate_text_is_left_alone() {
        for text in [
            "l’été arrive",
            "café… et crème",
            "« Démarrage » — 80 % réalisé, 12 €",
            "✅ Fait, 🚧 En cours, ⬜ À faire, 🟡, 🔴, 📅",
            "Ça coûte où ? Très élevé.",
            "Facturación La Llave — año",
            "Größe, Übersicht, ‚Ärger‘",
            "Ελληνικά, русский, 日本語",
        ] {
            assert_eq!(fixed(text), text);
            assert_eq!(repair(text).runs, 0, "{text}");
        }
    }

    #[test]
    fn a_lost_no_break_space_after_a_tilde_is_an_a_grave_in_a_mojibake_document() {
        // "à faire" is C3 A0 20 ...; the 0xA0 (no-break space) became a space.
        assert_eq!(fixed("TÃ¢ches Ã faire"), "Tâches à faire");
        // Without other mojibake, `Ã` is left alone (it may be Portuguese).
        assert_eq!(fixed("SÃO PAULO Ã "), "SÃO PAULO Ã ");
    }

    #[test]
    fn the_diagnostic_counts_runs_and_finds_the_first_line() {
        let result = repair("# Titre\n\nDurÃ©e : 3\nÃ‰QUIPE ğŸ«\n");
        assert_eq!(result.runs, 3);
        assert_eq!(result.dropped, 1);
        assert_eq!(result.first_line, Some(3));
    }
}
