//! Any text: the date reader, in both date orders, inside a line
//! (`find_dates`) and as a whole cell (`parse_date`, `is_placeholder`).
//! Every range it returns must lie on char boundaries of the input.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use sitrep::config::DateOrder;
use sitrep::extract::dates;

fuzz_target!(|text: &str| {
    let reference = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
    for order in [DateOrder::Dmy, DateOrder::Mdy] {
        for (date, range) in dates::find_dates(text, reference, order) {
            assert!(
                text.get(range.clone()).is_some(),
                "range {range:?} off a char boundary"
            );
            let _ = dates::period_end(&date);
        }
        let _ = dates::parse_date(text, reference, order);
    }
    let _ = dates::find_placeholders(text);
    let _ = dates::is_placeholder(text);
});
