//! GitHub's emoji shortcodes (`:white_check_mark:`, `:construction:`,
//! `:red_circle:`) read as the emoji GitHub shows for them.
//!
//! A tracker kept on GitHub marks its statuses with shortcodes as often as
//! with the emoji themselves (`- :white_check_mark: **v1.0 Core** (shipped
//! 2026-04-09)`, `| Offline mode | :construction: |`), and every reader of
//! statuses, health and severities knows the emoji. So the text is read as
//! GitHub shows it, as mojibake is repaired before anything reads it: the
//! source view shows ✅ where GitHub does, and no reader needs to know a
//! shortcode.
//!
//! A shortcode in code stays as it is written, as on GitHub: in a fenced
//! block and in a code span (a legend's `` `:x:` `` means the shortcode). A
//! name between colons that touches a letter, a digit or another colon on
//! either side is no shortcode (`12:100:30`, `std::x::y`, `root:x:0`), and
//! neither is a name gemoji does not know (`:foo:`).

/// The longest gemoji name is 44 bytes (`:flag_south_georgia_south_sandwich_islands:`
/// is 42); a longer run between colons is looked up no further.
const LONGEST_NAME: usize = 48;

/// `text` with every shortcode outside code replaced by its emoji; the same
/// string, unchanged and not copied, when it holds none (most documents):
/// the copy starts at the first line that holds one.
pub fn replace(text: String) -> String {
    let mut out: Option<String> = None;
    let mut fence = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut copied = 0;
        scan_line(line, &mut fence, |range, emoji| {
            let out = out.get_or_insert_with(|| {
                let mut out = String::with_capacity(text.len() + 16);
                out.push_str(&text[..line_start]);
                out
            });
            out.push_str(&line[copied..range.start]);
            out.push_str(emoji);
            copied = range.end;
        });
        if let Some(out) = out.as_mut() {
            out.push_str(&line[copied..]);
        }
        line_start += line.len();
    }
    out.unwrap_or(text)
}

/// Calls `found` with the byte range and emoji of each shortcode of `line`
/// outside code, in order. `fence` is the fence of the code block the line
/// is in (its character and length), updated as the line opens or closes
/// one.
fn scan_line(
    line: &str,
    fence: &mut Option<(u8, usize)>,
    mut found: impl FnMut(std::ops::Range<usize>, &'static str),
) {
    if let Some(opened) = *fence {
        if closes_fence(line, opened) {
            *fence = None;
        }
        return;
    }
    if let Some(opening) = opens_fence(line) {
        *fence = Some(opening);
        return;
    }
    let bytes = line.as_bytes();
    let mut at = 0;
    // From one colon or backtick to the next, with vector instructions;
    // most lines hold neither.
    while let Some(next) = memchr::memchr2(b':', b'`', &bytes[at..]) {
        at += next;
        if bytes[at] == b'`' {
            at = after_code_span(bytes, at);
            continue;
        }
        match shortcode_at(bytes, at) {
            Some((end, emoji)) => {
                found(at..end, emoji);
                at = end;
            }
            None => at += 1,
        }
    }
}

/// The end of the shortcode whose first colon is at `colon`, and its emoji.
fn shortcode_at(bytes: &[u8], colon: usize) -> Option<(usize, &'static str)> {
    if colon > 0 && touches(bytes[colon - 1]) {
        return None;
    }
    let name_start = colon + 1;
    let name_len = bytes[name_start..]
        .iter()
        .take(LONGEST_NAME + 1)
        .position(|&b| !is_name_byte(b))?;
    let closing = name_start + name_len;
    if name_len == 0 || name_len > LONGEST_NAME || bytes[closing] != b':' {
        return None;
    }
    if bytes.get(closing + 1).is_some_and(|&b| touches(b)) {
        return None;
    }
    // The name is ASCII, checked above.
    let name = std::str::from_utf8(&bytes[name_start..closing]).ok()?;
    let emoji = emojis::get_by_shortcode(name)?;
    Some((closing + 1, emoji.as_str()))
}

/// The bytes of a gemoji name (`+1`, `1st_place_medal`, `t-rex`).
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'+' | b'-')
}

/// A byte that, right beside a colon, makes it part of something else
/// (`12:100:30`, `std::x::y`).
fn touches(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b':'
}

/// Past the code span opened by the backticks at `at` (CommonMark: it ends
/// at the next run of as many backticks); just past the run when nothing
/// closes it, for then the backticks are literal.
fn after_code_span(bytes: &[u8], at: usize) -> usize {
    let run = bytes[at..].iter().take_while(|&&b| b == b'`').count();
    let mut look = at + run;
    while let Some(next) = memchr::memchr(b'`', &bytes[look..]) {
        let start = look + next;
        let len = bytes[start..].iter().take_while(|&&b| b == b'`').count();
        if len == run {
            return start + len;
        }
        look = start + len;
    }
    at + run
}

/// The fence a line opens (three or more backticks or tildes after at most
/// three spaces), if it opens one.
fn opens_fence(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let mark = *trimmed.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let len = trimmed.bytes().take_while(|&b| b == mark).count();
    (len >= 3).then_some((mark, len))
}

/// Whether `line` closes the block `opened` opened: the same character, at
/// least as many, and nothing after it.
fn closes_fence(line: &str, (mark, len): (u8, usize)) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= len && trimmed.bytes().all(|b| b == mark)
}

#[cfg(test)]
mod tests {
    use super::replace;

    fn replaced(text: &str) -> String {
        replace(text.to_string())
    }

    #[test]
    fn a_shortcode_is_the_emoji_github_shows() {
        assert_eq!(
            replaced("- :white_check_mark: **v1.0 Core** (shipped 2026-04-09)\n"),
            "- ✅ **v1.0 Core** (shipped 2026-04-09)\n"
        );
        assert_eq!(
            replaced("| Offline mode | :construction: | @bob |"),
            "| Offline mode | 🚧 | @bob |"
        );
        assert_eq!(replaced(":+1: :x: :warning:"), "👍 ❌ ⚠\u{fe0f}");
        assert_eq!(replaced("Santé : :red_circle:"), "Santé : 🔴");
    }

    #[test]
    fn what_only_looks_like_a_shortcode_stays() {
        for text in [
            "Réunion à 12:100:30",
            "use std::x::y;",
            "root:x:0:0",
            "Statut : fait :",
            ":not_an_emoji_name:",
            "a :x:b",
            "Ratio 1:x:2",
        ] {
            assert_eq!(replaced(text), text);
        }
    }

    #[test]
    fn a_shortcode_in_code_stays_as_written() {
        let text = "Legend: `:x:` blocked, ``a `:x:` b`` too; :x: here\n\
                    ```\n:x: in a block\n```\n\
                    ~~~~md\n:x:\n~~~\nstill in\n~~~~\n:x: after\n";
        assert_eq!(
            replaced(text),
            "Legend: `:x:` blocked, ``a `:x:` b`` too; ❌ here\n\
             ```\n:x: in a block\n```\n\
             ~~~~md\n:x:\n~~~\nstill in\n~~~~\n❌ after\n"
        );
        // A lone backtick opens no span.
        assert_eq!(replaced("it` :x:"), "it` ❌");
    }

    #[test]
    fn lines_are_kept_and_a_text_without_shortcodes_is_not_copied() {
        let text = "# Plan\n\n- :white_check_mark: A\n- :hourglass: B\n".to_string();
        assert_eq!(replace(text.clone()).lines().count(), text.lines().count());
        let plain = "# Plan\n- [x] Done: yes\n".to_string();
        let pointer = plain.as_ptr();
        let kept = replace(plain);
        assert_eq!(kept.as_ptr(), pointer);
    }
}
