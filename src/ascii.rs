//! ASCII runs found eight bytes at a time. Tracking documents, even French
//! ones, are mostly ASCII: decoding looks for the non-ASCII runs that may
//! be mojibake, and folding copies the ASCII between accented letters.

/// How many bytes at the start of `bytes` are ASCII, looked at eight at a
/// time.
pub fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let whole = (bytes.chunks_exact(8))
        .take_while(|chunk| {
            let word = <[u8; 8]>::try_from(*chunk).map_or(HIGH_BITS, u64::from_ne_bytes);
            word & HIGH_BITS == 0
        })
        .count()
        * 8;
    whole + bytes[whole..].iter().take_while(|b| b.is_ascii()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_runs_end_at_the_first_other_byte() {
        for text in [
            "",
            "abc",
            "abcdefgh",
            "abcdefghé",
            "abcdefghijklmnopqrsé",
            "é",
            "a✅b",
        ] {
            let expected = text.bytes().take_while(u8::is_ascii).count();
            assert_eq!(ascii_run(text.as_bytes()), expected, "{text:?}");
        }
    }
}
