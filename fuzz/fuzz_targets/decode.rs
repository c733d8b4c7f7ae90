//! Any bytes: decoding (UTF-8, UTF-16 with BOM, legacy code pages, binary),
//! then mojibake repair, then front matter, as `Document::from_bytes` does.
//! Also checks the invariant ingest promises: line N of the text is line N
//! of the file, so the text never has more lines than the decoded input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep::ingest::{decode, mojibake, Document};

fuzz_target!(|bytes: &[u8]| {
    let decoded = decode::decode(bytes);
    let repaired = mojibake::repair(&decoded.text);
    assert_eq!(
        repaired.text.lines().count(),
        decoded.text.lines().count(),
        "mojibake repair must keep line numbers"
    );
    let document = Document::from_bytes("fuzz.md", bytes);
    assert!(!document.text.contains('\0'), "NUL bytes are removed");
});
