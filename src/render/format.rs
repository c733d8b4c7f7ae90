//! Figures and text as every page writes them: percentages and figures
//! with one decimal at most, and text escaped for HTML.

use super::typography;

pub use crate::i18n::{one_decimal, pct};

/// Escapes text for HTML element content and attribute values (also tera's
/// escape function: unlike tera's own, it leaves `/` alone so hrefs stay
/// readable; and the compiled project page's, through [`compiled::Html`](super::compiled::Html)).
/// A space that French punctuation needs kept with its word is written as
/// a no-break space ([`typography`]).
///
/// Every character it replaces is ASCII, so it scans bytes and copies the
/// runs between them whole (every page's text goes through it).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    write_escaped(&mut out, text).expect("a String takes every write");
    out
}

/// [`escape`] into `out`, without a `String` of its own.
pub fn write_escaped(out: &mut impl std::fmt::Write, text: &str) -> std::fmt::Result {
    let bytes = text.as_bytes();
    let mut copied = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        // One look-up rules out nearly every byte: a letter, a digit, any
        // byte of a character beyond ASCII.
        if !MAY_CHANGE[usize::from(byte)] {
            continue;
        }
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b' ' if typography::binds(bytes, at) => typography::NO_BREAK,
            _ => continue,
        };
        out.write_str(&text[copied..at])?;
        out.write_str(entity)?;
        copied = at + 1;
    }
    out.write_str(&text[copied..])
}

/// The bytes [`write_escaped`] may write otherwise: the five HTML escapes
/// and the space, which [`typography::binds`] may make a no-break one.
static MAY_CHANGE: [bool; 256] = {
    let mut table = [false; 256];
    let mut at = 0;
    let changed = b"&<>\"' ";
    while at < changed.len() {
        table[changed[at] as usize] = true;
        at += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_replaces_each_special_byte_wherever_it_falls() {
        // Byte by byte, the rule `escape` follows.
        let plain = |text: &str| {
            text.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    c => c.to_string(),
                })
                .collect::<String>()
        };
        let pieces = ["a", "&", "<", ">", "\"", "'", "é", "✅", "%", "=", "\u{80}"];
        // Every mix of pieces, each special byte at many offsets.
        for length in 0..20 {
            for seed in 0..pieces.len() * 3 {
                let text: String = (0..length)
                    .map(|i| pieces[(seed * 7 + i * (seed + 3)) % pieces.len()])
                    .collect();
                assert_eq!(escape(&text), plain(&text), "{text:?}");
            }
        }
        assert_eq!(
            escape("Tom & Jerry's <b>\"plan\"</b> → done"),
            "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;plan&quot;&lt;/b&gt; → done"
        );
        assert_eq!(
            escape("no special byte in this long line at all, é ✅"),
            "no special byte in this long line at all, é ✅"
        );
    }

    #[test]
    fn escape_replaces_the_five_characters_and_keeps_the_rest() {
        assert_eq!(escape(""), "");
        assert_eq!(escape("Déploiement — été"), "Déploiement — été");
        assert_eq!(
            escape("<a href=\"x\">l'été & co</a>/"),
            "&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;/"
        );
        assert_eq!(escape("&&"), "&amp;&amp;");
        assert_eq!(escape("🟢<"), "🟢&lt;");
    }

    #[test]
    fn percentages_have_one_decimal_at_most() {
        assert_eq!(pct(41.66), "41.7");
        assert_eq!(pct(100.0), "100");
        assert_eq!(pct(120.0), "100");
        assert_eq!(pct(f64::NAN), "0");
        assert_eq!(pct(-0.0), "0");
        assert_eq!(one_decimal(-0.01), "0");
    }
}
