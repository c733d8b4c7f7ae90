//! Where a line must not break: French sets a space before `:` `;` `!` `?`
//! `%` and `»`, and after `«`, and a browser would wrap a narrow card or
//! table cell there, leaving a colon or a closing guillemet alone at the
//! start of a line (`Rien n'est ressaisi` / `: corrigez`). The space the
//! author wrote is shown as a no-break space (U+00A0) of the same width,
//! on every page's text (through [`escape`](super::escape)) and in the
//! rendered documents. English text rarely has such a space; where it
//! does, keeping the mark with its word is right there too.

use std::borrow::Cow;

/// The no-break space written in place of a space that must not break.
pub const NO_BREAK: &str = "\u{a0}";

/// Marks that French sets apart with a space before them.
const SET_APART: &[u8] = b":;!?%";

/// `«` and `»` in UTF-8.
const OPENING_GUILLEMET: &[u8] = "«".as_bytes();
const CLOSING_GUILLEMET: &[u8] = "»".as_bytes();

/// Whether the space at byte `at` of `bytes` (which must be `b' '`) binds
/// its neighbour: it stands before a set-apart mark that ends there (the
/// mark followed by the end, a space or another mark, so that ` != ` and
/// ` :=` in code-like text are left alone), before `»`, or after `«`.
///
/// Every space of every page's text is asked, so the byte after it decides
/// first: after most spaces comes a letter, and then only the two bytes
/// before it are looked at.
#[inline]
pub fn binds(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at + 1) {
        Some(b':' | b';' | b'!' | b'?' | b'%') => mark_ends(bytes.get(at + 2)),
        Some(0xC2) if bytes.get(at + 2) == Some(&CLOSING_GUILLEMET[1]) => true,
        _ => bytes[..at].ends_with(OPENING_GUILLEMET),
    }
}

/// Whether a set-apart mark followed by `next` ends there.
fn mark_ends(next: Option<&u8>) -> bool {
    match next {
        None => true,
        Some(&next) => {
            next.is_ascii_whitespace() || b".,)".contains(&next) || SET_APART.contains(&next)
        }
    }
}

/// `text` with each space that [`binds`] written as a no-break space;
/// borrowed when there is none (most texts). A plain loop over the bytes:
/// the texts are short (a document's text events), and a search for
/// spaces started again after each one cost more than looking at each byte.
pub fn no_break(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let binding = |at: &usize| bytes[*at] == b' ' && binds(bytes, *at);
    let Some(first) = (0..bytes.len()).find(binding) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 4);
    let mut copied = 0;
    for at in std::iter::once(first).chain((first + 1..bytes.len()).filter(binding)) {
        out.push_str(&text[copied..at]);
        out.push_str(NO_BREAK);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_punctuation_keeps_its_word() {
        assert_eq!(
            no_break("Rien n'est ressaisi : corrigez ; voilà ! Pourquoi ? 50 %"),
            "Rien n'est ressaisi\u{a0}: corrigez\u{a0}; voilà\u{a0}! Pourquoi\u{a0}? 50\u{a0}%"
        );
        assert_eq!(
            no_break("risque « Backend vide » ouvert"),
            "risque «\u{a0}Backend vide\u{a0}» ouvert"
        );
        assert_eq!(no_break("Date :"), "Date\u{a0}:");
        assert_eq!(no_break("vraiment ?!"), "vraiment\u{a0}?!");
        assert_eq!(no_break("(fin : 12/03)."), "(fin\u{a0}: 12/03).");
    }

    #[test]
    fn other_spaces_and_code_like_text_are_left_alone() {
        for text in [
            "Done: ship it; really!",
            "if a != b and x := 3",
            "a ?b :c",
            "«Backend» and  plain text",
            "",
            " ",
        ] {
            assert!(matches!(no_break(text), Cow::Borrowed(_)), "{text:?}");
        }
    }
}
