//! Bytes to text (`EXTRACTION.md` §1.1, §1.2, §1.4). Decoding never fails:
//! where it has to guess, it says so in a [`Note`] that becomes a warning.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Something decoding had to guess or throw away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Not UTF-8: decoded with a detected legacy encoding (`decoded-legacy`).
    Legacy { encoding: &'static str },
    /// NUL bytes or many control characters: probably not a text file
    /// (`binary-content`). `removed` characters were dropped.
    Binary { removed: usize },
}

/// Decoded text with `\n` line endings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub notes: Vec<Note>,
    /// The legacy encoding chardetng chose for bytes that are not UTF-8
    /// ([`detect_legacy`]): given back to [`decode_as`], the same bytes
    /// decode the same way without being looked at again.
    pub detected: Option<&'static Encoding>,
}

/// Decodes a file's bytes:
/// - a byte order mark wins (UTF-8, UTF-16 LE/BE);
/// - UTF-16 without a mark is recognised by its NUL bytes in every other place;
/// - valid UTF-8 is taken as is;
/// - anything else goes to `chardetng` (French windows-1252 text comes out as
///   windows-1252) and is decoded with `encoding_rs`.
///
/// Text with NUL bytes or many control characters is decoded the same way,
/// then those characters (and any U+FFFD) are dropped.
///
/// Bytes given by value become the text without a copy when they are
/// UTF-8 already.
pub fn decode(bytes: impl Into<Vec<u8>>) -> Decoded {
    decode_vec(bytes.into(), None)
}

/// [`decode`], where the bytes are those of a file decoded before, whose
/// legacy encoding that decoding `detected`: chardetng is not asked again.
/// Its guess was about 3 % of a build's CPU, and a page reads most texts
/// a second time (the read stage keeps only some of them).
pub fn decode_as(bytes: impl Into<Vec<u8>>, detected: Option<&'static Encoding>) -> Decoded {
    decode_vec(bytes.into(), detected)
}

fn decode_vec(bytes: Vec<u8>, known: Option<&'static Encoding>) -> Decoded {
    let mut notes = Vec::new();
    let mut detected = None;
    let text = if let Some((encoding, bom_length)) = Encoding::for_bom(&bytes) {
        decode_with(encoding, &bytes[bom_length..])
    } else if let Some(encoding) = utf16_without_bom(&bytes) {
        notes.push(Note::Legacy {
            encoding: encoding.name(),
        });
        decode_with(encoding, &bytes)
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let bytes = error.into_bytes();
                let encoding = known.unwrap_or_else(|| detect_legacy(&bytes));
                detected = Some(encoding);
                notes.push(Note::Legacy {
                    encoding: encoding.name(),
                });
                decode_with(encoding, &bytes)
            }
        }
    };
    let mut text = normalise_line_endings(text);
    if looks_binary(&text) {
        let before = text.chars().count();
        text.retain(|c| !is_binary_noise(c));
        notes.push(Note::Binary {
            removed: before - text.chars().count(),
        });
    }
    Decoded {
        text,
        notes,
        detected,
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// chardetng's guess among legacy encodings (never UTF-8: the bytes are not).
///
/// Only the lines holding a non-ASCII byte are fed: chardetng scores the
/// characters next to non-ASCII ones, and its state is back where it began
/// after every line break, so a line of ASCII changes no score (a test
/// compares the guesses). In a French document that is about two lines in
/// five fewer, of the detector's dozens of candidate encodings each.
fn detect_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    for line in bytes.split_inclusive(|&byte| byte == b'\n') {
        if !line.is_ascii() {
            detector.feed(line, false);
        }
    }
    detector.feed(&[], true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    if encoding == UTF_8 {
        encoding_rs::WINDOWS_1252
    } else {
        encoding
    }
}

/// UTF-16 text of a Latin-script language has a NUL in every other byte:
/// the high byte of each ASCII character. Most odd (LE) or even (BE)
/// positions are NUL, almost none of the others.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    // Most files have no NUL at all: found at once, without counting.
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) || memchr::memchr(0, bytes).is_none() {
        return None;
    }
    let pairs = bytes.len() / 2;
    let nul_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let mostly = |count: usize| count * 10 >= pairs * 7;
    let hardly = |count: usize| count * 20 <= pairs;
    if mostly(odd) && hardly(even) {
        Some(UTF_16LE)
    } else if mostly(even) && hardly(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// `\r\n` and a lone `\r` each end one line, so line N stays line N.
fn normalise_line_endings(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A NUL, or more than one character in ten a control character.
///
/// Counted on bytes: the control characters [`is_binary_noise`] counts are
/// ASCII (it leaves U+0080-U+009F alone), one byte each, and most texts
/// have none, so the characters are counted only when there is some noise.
fn looks_binary(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let noise = control_bytes(bytes) + memchr::memmem::find_iter(bytes, "\u{FFFD}").count();
    noise > 0 && noise * 10 > text.chars().count()
}

/// How many bytes are ASCII control characters other than tab and
/// newline. Counted in blocks of 255 bytes into a `u8` each, a form the
/// compiler turns into vector instructions: counted one byte at a time,
/// this was most of decoding a clean UTF-8 file.
fn control_bytes(bytes: &[u8]) -> usize {
    let is_noise = |byte: u8| (byte < 0x20 && byte != b'\n' && byte != b'\t') || byte == 0x7F;
    bytes
        .chunks(255)
        .map(|block| {
            let count: u8 = block.iter().map(|&byte| u8::from(is_noise(byte))).sum();
            usize::from(count)
        })
        .sum()
}

/// Control characters other than tab and newline, and U+FFFD left by a
/// lossy decode. (Form feed, vertical tab and escape never belong in a
/// tracking document either.)
fn is_binary_noise(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t' && !('\u{80}'..='\u{9F}').contains(&c))
        || c == '\u{FFFD}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Démarrage".as_bytes()).text, "Démarrage");
        assert_eq!(decode(b"\xEF\xBB\xBFD\xC3\xA9marrage").text, "Démarrage");
        assert!(decode("Démarrage".as_bytes()).notes.is_empty());
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("À faire".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("À faire".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(le.as_slice()).text, "À faire");
        assert_eq!(decode(be.as_slice()).text, "À faire");
        assert!(decode(le.as_slice()).notes.is_empty());
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "# Suivi\n- [x] Fait"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = decode(le.as_slice());
        assert_eq!(decoded.text, "# Suivi\n- [x] Fait");
        assert_eq!(
            decoded.notes,
            vec![Note::Legacy {
                encoding: "UTF-16LE"
            }]
        );
    }

    #[test]
    fn windows_1252_french_is_detected() {
        // "Dernière mise à jour : l’équipe a validé" in windows-1252:
        // è = E8, à = E0, ’ = 92, é = E9.
        let bytes =
            b"Derni\xE8re mise \xE0 jour : l\x92\xE9quipe a valid\xE9 la premi\xE8re \xE9tape.";
        let decoded = decode(bytes);
        assert_eq!(
            decoded.text,
            "Dernière mise à jour : l’équipe a validé la première étape."
        );
        assert_eq!(
            decoded.notes,
            vec![Note::Legacy {
                encoding: "windows-1252"
            }]
        );
    }

    #[test]
    fn bytes_decoded_again_as_detected_come_out_the_same() {
        let legacy = b"Derni\xE8re mise \xE0 jour : l\x92\xE9quipe a valid\xE9 l'\xE9tape.";
        let first = decode(legacy);
        assert_eq!(first.detected, Some(encoding_rs::WINDOWS_1252));
        assert_eq!(decode_as(legacy, first.detected), first);
        // UTF-8 and UTF-16 are never detected, and stay what they are
        // whatever was known.
        let utf8 = "Dernière mise à jour".as_bytes();
        assert_eq!(decode(utf8).detected, None);
        assert_eq!(decode_as(utf8, first.detected), decode(utf8));
        let utf16: Vec<u8> = (b"\xFF\xFE".iter().copied())
            .chain("À faire".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_as(utf16.as_slice(), first.detected).text, "À faire");
    }

    #[test]
    fn line_endings_keep_one_line_per_original_line() {
        assert_eq!(decode(b"a\r\nb\rc\n\r\nd").text, "a\nb\nc\n\nd");
    }

    #[test]
    fn nul_heavy_content_is_cleaned_with_a_note() {
        let decoded = decode(b"# Ti\0tre\n\x01\x02- [x] fait\0\0");
        assert_eq!(decoded.text, "# Titre\n- [x] fait");
        assert_eq!(decoded.notes, vec![Note::Binary { removed: 5 }]);
    }

    #[test]
    fn lines_of_ascii_change_no_guess() {
        let whole = |bytes: &[u8]| {
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            detector.guess(None, Utf8Detection::Deny)
        };
        let samples: [(&str, &'static Encoding); 12] = [
            (
                "Dernière mise à jour : l’équipe a validé la première étape.",
                encoding_rs::WINDOWS_1252,
            ),
            (
                "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.",
                encoding_rs::WINDOWS_1250,
            ),
            (
                "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl Šimon.",
                encoding_rs::ISO_8859_2,
            ),
            (
                "Съешь же ещё этих мягких французских булок, да выпей чаю.",
                encoding_rs::WINDOWS_1251,
            ),
            // KOI8-R text, which chardetng names by its superset KOI8-U.
            (
                "Съешь же ещё этих мягких французских булок, да выпей чаю.",
                encoding_rs::KOI8_U,
            ),
            (
                "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Όλα καλά.",
                encoding_rs::WINDOWS_1253,
            ),
            (
                "Pijamalı hasta yağız şoföre çabucak güvendi. Öğle.",
                encoding_rs::WINDOWS_1254,
            ),
            (
                "דג סקרן שט בים מאוכזב ולפתע מצא חברה.",
                encoding_rs::WINDOWS_1255,
            ),
            (
                "プロジェクトの進捗は順調です。第一段階は完了し、第二段階を進めています。",
                encoding_rs::SHIFT_JIS,
            ),
            (
                "プロジェクトの進捗は順調です。第一段階は完了し、第二段階を進めています。",
                encoding_rs::EUC_JP,
            ),
            (
                "我们的项目进展顺利，第一阶段已经完成，第二阶段正在进行。",
                encoding_rs::GBK,
            ),
            (
                "다람쥐 헌 쳇바퀴에 타고파. 프로젝트 진행 상황은 좋습니다.",
                encoding_rs::EUC_KR,
            ),
        ];
        for (text, encoding) in samples {
            let (line, _, _) = encoding.encode(text);
            let mut bytes = b"# Suivi du projet\r\n\n| Lot | Statut |\n|---|---|\n".to_vec();
            for round in 0..4 {
                bytes.extend_from_slice(b"- [x] Task 12 (80%) @alice, due 2026-03-01\n");
                bytes.extend_from_slice(&line);
                bytes.extend_from_slice(if round % 2 == 0 { b"\n\n" } else { b" ok\r\n" });
                bytes.extend_from_slice(b"ASCII only, MIXED Case words and I'm done.\n");
            }
            bytes.extend_from_slice(&line); // no line break at the end
            let guessed = detect_legacy(&bytes);
            assert_eq!(guessed, whole(&bytes), "{}", encoding.name());
            assert_eq!(guessed, encoding, "{text}");
        }
    }

    #[test]
    fn control_characters_without_nul_count_as_binary_past_one_in_ten() {
        let noisy = decode(b"ab\x01\x1B\x7Fcd\x0Cef\tg\n");
        assert_eq!(noisy.text, "abcdef\tg\n");
        assert_eq!(noisy.notes, vec![Note::Binary { removed: 4 }]);
        // One in twenty: kept as it is (a stray form feed is not binary).
        let text = "# Suivi du lot\x0C\n- [x] Maquettes validées\n";
        assert_eq!(decode(text.as_bytes()).text, text);
        assert!(decode(text.as_bytes()).notes.is_empty());
    }

    #[test]
    fn control_bytes_are_the_ascii_controls_but_tab_and_newline() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let one_by_one = (bytes.iter())
            .filter(|&&b| b.is_ascii_control() && b != b'\n' && b != b'\t')
            .count();
        assert_eq!(control_bytes(&bytes), one_by_one);
        // 31 of each 256: 0x00-0x1F and 0x7F but tab and newline.
        assert_eq!(control_bytes(&bytes[..256]), 31);
    }

    #[test]
    fn random_bytes_never_fail() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
        let decoded = decode(bytes.as_slice());
        assert!(!decoded.text.contains('\0'));
        assert!(!decoded.text.contains('\u{FFFD}'));
    }
}
