//! Any text after decoding: front matter detection and parsing (TOML `+++`,
//! YAML `---`, with every key read on its own). The blanked text must keep
//! the line count of the input (diagnostic line numbers depend on it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep::ingest::front_matter;

fuzz_target!(|text: &str| {
    let split = front_matter::split(text);
    assert_eq!(
        split.text.split('\n').count(),
        text.split('\n').count(),
        "front matter is blanked, not removed"
    );
});
