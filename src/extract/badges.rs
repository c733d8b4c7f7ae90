//! Status badges: the images a README or a wiki page shows its status
//! with (`![progress](https://img.shields.io/badge/progress-60%25-yellow)`).
//! A stakeholder reads the badge's words, not its alt text: the outline
//! keeps a badge as the line its words make (`progress: 60%`), so that
//! every reader of lines reads it as it reads the same words written out.
//!
//! Only badges whose words are in their address are read: a static
//! shields.io badge (its `/badge/` path or its `/static/v1` query),
//! badgen.net's `/badge/` path and progress-bar.dev's bar. A badge that
//! the service fills in when it is shown (`/github/issues/…`) says
//! nothing here.

use percent_encoding::percent_decode_str;
use url::Url;

/// The label and the message of the badge at `address`, when its address
/// holds them: `https://img.shields.io/badge/status-at%20risk-orange`
/// gives `("status", "at risk")`. A badge without a label gives an empty
/// one.
pub fn badge_words(address: &str) -> Option<(String, String)> {
    // Most images are no badges: the host first, without parsing.
    if !["shields.io", "badgen.net", "progress-bar.dev"]
        .iter()
        .any(|host| address.contains(host))
    {
        return None;
    }
    let url = Url::parse(address).ok()?;
    let host = url.host_str()?;
    let path = url.path();
    let query = |key: &str| {
        (url.query_pairs())
            .find(|(k, _)| k == key)
            .map(|(_, value)| value.trim().to_string())
    };
    let words = if host.ends_with("shields.io") {
        match path.strip_prefix("/badge/") {
            Some(badge) => shields_path(badge),
            None if path.starts_with("/static/") => Some((query("label")?, query("message")?)),
            None => None,
        }
    } else if host == "badgen.net" {
        badgen_path(path.strip_prefix("/badge/")?)
    } else {
        // progress-bar.dev/60/?title=done: a bar of 60 %.
        let figure = path.trim_matches('/');
        (!figure.is_empty() && figure.bytes().all(|b| b.is_ascii_digit())).then(|| {
            let label = query("title").unwrap_or_else(|| "progress".to_string());
            (label, format!("{figure}%"))
        })
    }?;
    let (label, message) = words;
    (!message.is_empty()).then_some((label, message))
}

/// A shields.io static badge's path after `/badge/`: label, message and
/// colour parted by single dashes (`progress-60%25-yellow`), the label
/// left out when there are two parts (`done-green`). In each part `--`
/// is a dash, `__` an underscore and `_` a space.
fn shields_path(badge: &str) -> Option<(String, String)> {
    let badge = badge.strip_suffix(".svg").unwrap_or(badge);
    let parts = split_single_dashes(badge);
    let (label, message) = match parts.as_slice() {
        [message, _colour] => ("", *message),
        [label, message, _colour] => (*label, *message),
        _ => return None,
    };
    Some((shields_part(label)?, shields_part(message)?))
}

/// Splits at each dash that is not one of a `--` pair.
fn split_single_dashes(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'-' {
            if bytes.get(i + 1) == Some(&b'-') {
                i += 2;
                continue;
            }
            parts.push(&text[start..i]);
            start = i + 1;
        }
        i += 1;
    }
    parts.push(&text[start..]);
    parts
}

/// One part of a shields.io path, decoded: `--` a dash, `__` an
/// underscore, `_` a space, then percent escapes (`60%25` is `60%`).
fn shields_part(part: &str) -> Option<String> {
    let unescaped = part
        .replace("--", "\u{0}")
        .replace("__", "\u{1}")
        .replace('_', " ")
        .replace('\u{0}', "-")
        .replace('\u{1}', "_");
    let decoded = percent_decode_str(&unescaped).decode_utf8().ok()?;
    Some(decoded.trim().to_string())
}

/// badgen.net's path after `/badge/`: label, message and colour as path
/// segments (`progress/60%25/yellow`), or message and colour alone.
fn badgen_path(badge: &str) -> Option<(String, String)> {
    let decode = |part: &str| {
        percent_decode_str(part)
            .decode_utf8()
            .ok()
            .map(|s| s.trim().to_string())
    };
    let parts: Vec<&str> = badge.split('/').collect();
    match parts.as_slice() {
        [label, message] | [label, message, _] => Some((decode(label)?, decode(message)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_badges_say_their_words() {
        for (address, label, message) in [
            (
                "https://img.shields.io/badge/progress-60%25-yellow",
                "progress",
                "60%",
            ),
            (
                "https://img.shields.io/badge/status-at%20risk-orange.svg?style=flat",
                "status",
                "at risk",
            ),
            (
                "https://img.shields.io/badge/phase_2-in--progress-blue",
                "phase 2",
                "in-progress",
            ),
            ("https://img.shields.io/badge/done-brightgreen", "", "done"),
            (
                "https://img.shields.io/static/v1?label=avancement&message=45%20%25&color=blue",
                "avancement",
                "45 %",
            ),
            (
                "https://badgen.net/badge/status/on%20track/green",
                "status",
                "on track",
            ),
            ("https://progress-bar.dev/75/?title=done", "done", "75%"),
            ("https://progress-bar.dev/40", "progress", "40%"),
        ] {
            assert_eq!(
                badge_words(address),
                Some((label.to_string(), message.to_string())),
                "{address}"
            );
        }
    }

    /// A badge the service fills in when shown, and an image that is no
    /// badge, say nothing.
    #[test]
    fn other_images_say_nothing() {
        for address in [
            "https://img.shields.io/github/issues/acme/portal",
            "https://example.com/badge/progress-60%25-yellow",
            "diagram.png",
            "https://img.shields.io/badge/a-b-c-d",
            "https://img.shields.io/badge/progress--yellow",
        ] {
            assert_eq!(badge_words(address), None, "{address}");
        }
    }
}
