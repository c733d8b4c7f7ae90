//! The original document shown on its project page: markdown to HTML with
//! pulldown-cmark, code highlighted by syntect (CSS classes, never inline
//! styles), line anchors so every item can link to where it was read, and
//! everything sanitised by ammonia, whatever raw HTML the document holds.
//!
//! A document with no raw HTML at all (most of them) skips ammonia: then
//! pulldown-cmark's own output is escaped text and tags sitrep chose, and
//! only what the document controls inside a tag needs checking: link and
//! image URLs, filtered here by the same rule ammonia applies (ammonia's
//! HTML parse and re-serialisation was about a sixth of a build's CPU).
//!
//! Anchors: a block that starts on line 63 gets `id="L63"` (the second
//! document of a project `id="d2-L63"`), so an item read on line 64 of a
//! paragraph starting on line 63 links to `#L63` ([`RenderedDocument::push_anchor`]).

use std::borrow::Cow;
use std::collections::VecDeque;
use std::sync::LazyLock;

use super::links::{heading_url, Origin};
use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::lines::LineIndex;
use crate::slugs::Slugs;

/// Prefix of every syntect class, so document classes cannot mimic the theme's.
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Code blocks longer than this are shown without highlighting (cheap builds).
const MAX_HIGHLIGHTED_LINES: usize = 1500;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// What ammonia adds to every link, added by hand on the path without it.
const LINK_REL: &str = "noopener noreferrer";

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class"])
        .attribute_filter(filter_attribute);
    builder
});

/// The lines of one document that received an anchor, ascending.
pub type Anchors = std::sync::Arc<[u32]>;

/// A document rendered to safe HTML.
#[derive(Debug, Clone, Default)]
pub struct RenderedDocument {
    pub html: String,
    /// Lines that received an anchor, ascending. `u32`, half of `usize`:
    /// the cross-project pages keep the anchors of every document of the
    /// portfolio, and no document has 4 billion lines. Shared: a rebuild
    /// that keeps a page takes its anchors from the page memo.
    pub anchors: Anchors,
    /// `""` for the first document, `"d2-"` for the second...
    pub prefix: String,
}

impl RenderedDocument {
    /// Appends the fragment (`L63`, `d2-L63`) of the anchor at or before
    /// `line` to `out`; `false` (nothing appended) when the document has no
    /// anchor. Written in place: every item, milestone and risk row of a
    /// page links to its line.
    pub fn push_anchor(&self, line: usize, out: &mut String) -> bool {
        let index = self
            .anchors
            .partition_point(|&anchor| anchor as usize <= line);
        let anchor = match index.checked_sub(1) {
            Some(before) => self.anchors[before],
            None => match self.anchors.first() {
                Some(&first) => first,
                None => return false,
            },
        };
        out.push_str(&self.prefix);
        out.push('L');
        out.push_str(itoa::Buffer::new().format(anchor));
        true
    }
}

/// The links of `text` that lead nowhere on the site
/// ([`Origin::leads_nowhere`]): each one's line and URL, in order.
pub fn links_leading_nowhere(text: &str, origin: Origin) -> Vec<(usize, String)> {
    let mut lines = LineIndex::new(text);
    Parser::new_ext(text, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if link_type != pulldown_cmark::LinkType::Email
                && origin.leads_nowhere(&dest_url) =>
            {
                Some((lines.line_of(range.start), dest_url.into_string()))
            }
            _ => None,
        })
        .collect()
}

/// Renders `text` (markdown, lines as in the source file) with anchors named `<prefix>L<line>`.
///
/// pulldown-cmark's events are adapted one by one on their way to its HTML
/// writer ([`SourceEvents`]), never gathered: collecting a document's
/// events first cost a tenth of this function in copies as the list grew.
pub fn render_document(text: &str, prefix: &str, origin: Origin) -> RenderedDocument {
    let mut events = SourceEvents {
        parser: Parser::new_ext(text, options()).into_offset_iter(),
        lines: LineIndex::new(text),
        prefix,
        origin,
        anchors: Vec::new(),
        pending: VecDeque::new(),
        slugs: Slugs::default(),
        fragments: Vec::new(),
        code: None,
        first_cell: false,
        in_metadata: false,
        raw_html: false,
        void_elements: false,
    };
    let mut html = String::with_capacity(text.len() + text.len() / 2);
    pulldown_cmark::html::push_html(&mut html, &mut events);
    let html = without_dangling_fragments(html, &events);
    let html = if events.raw_html {
        sanitize(&html)
    } else if events.void_elements {
        without_void_slashes(html)
    } else {
        html
    };
    RenderedDocument {
        html,
        anchors: (events.anchors.into_iter())
            .map(|line| u32::try_from(line).unwrap_or(u32::MAX))
            .collect(),
        prefix: prefix.to_string(),
    }
}

/// `html` whose links to a heading the document does not have (corpus 15's
/// `[Slack Channel](#workflows-dev)`) lose their URL, as a link with a URL
/// not allowed does: on the page they would go nowhere, or to one of the
/// page's own places. Rare, so the page is searched only when there is one.
fn without_dangling_fragments(mut html: String, events: &SourceEvents) -> String {
    for fragment in &events.fragments {
        if events.slugs.names_a_heading(fragment) {
            continue;
        }
        let mut attribute = String::from(" href=\"");
        let _ = pulldown_cmark_escape::escape_href(
            &mut attribute,
            &heading_url(events.prefix, fragment),
        );
        attribute.push('"');
        html = html.replace(&attribute, "");
    }
    html
}

/// `html` with `<br />`, `<hr />`, `<img … />` written as ammonia writes
/// them, `<br>`: text and attribute values are escaped, so ` />` occurs
/// nowhere else.
fn without_void_slashes(html: String) -> String {
    let mut slashes = memchr::memmem::find_iter(html.as_bytes(), b" />").peekable();
    if slashes.peek().is_none() {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for at in slashes {
        out.push_str(&html[copied..at]);
        out.push('>');
        copied = at + 3;
    }
    out.push_str(&html[copied..]);
    out
}

/// pulldown-cmark's events of a document, as its page shows them: line
/// anchors on blocks, highlighted code, links and images kept only with
/// safe URLs, ballot boxes for task markers, no front matter.
struct SourceEvents<'t, 'p> {
    parser: pulldown_cmark::OffsetIter<'t, pulldown_cmark::DefaultBrokenLinkCallback>,
    /// The line of an event's offset.
    lines: LineIndex,
    prefix: &'p str,
    /// The document, for its links to the portal's other documents.
    origin: Origin<'p>,
    /// Lines that received an anchor, ascending ([`add_anchor`]).
    anchors: Vec<usize>,
    /// Events to give after the one just given, in order: a block's
    /// anchor, or the rest of a heading read ahead for its slug.
    pending: VecDeque<Event<'t>>,
    /// The headings' slugs given so far.
    slugs: Slugs,
    /// The fragments of the document's links to its own headings, as
    /// written (`notes` for `#notes`).
    fragments: Vec<String>,
    /// A code block being read: its language, text and first line.
    code: Option<(String, String, usize)>,
    first_cell: bool,
    in_metadata: bool,
    /// Whether the document holds raw HTML (then ammonia cleans the page).
    raw_html: bool,
    /// Whether pulldown-cmark writes a void element (`<br />`, `<hr />`,
    /// `<img … />`) for it.
    void_elements: bool,
}

impl<'t> Iterator for SourceEvents<'t, '_> {
    type Item = Event<'t>;

    fn next(&mut self) -> Option<Event<'t>> {
        if let Some(event) = self.pending.pop_front() {
            return Some(event);
        }
        loop {
            let (event, range) = self.parser.next()?;
            if let (Event::Start(Tag::Heading { level, .. }), false) = (&event, self.in_metadata) {
                return Some(self.heading(*level, range.start));
            }
            if let Some(event) = self.adapt(event, range.start) {
                return Some(event);
            }
        }
    }
}

impl<'t> SourceEvents<'t, '_> {
    /// The line of the byte at `offset`, counted from 1.
    fn line(&mut self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    /// Gives `line` an anchor unless it has one; `false` when it had.
    fn anchor(&mut self, line: usize) -> bool {
        add_anchor(&mut self.anchors, line)
    }

    /// `<prefix>L<line>`, the name of `line`'s anchor, after `before` and
    /// before `after`: written piece by piece, as `format!` costs more for
    /// a page's hundreds of anchors.
    fn anchor_markup(&self, before: &str, line: usize, after: &str) -> String {
        let mut markup = String::with_capacity(before.len() + self.prefix.len() + after.len() + 8);
        markup.push_str(before);
        markup.push_str(self.prefix);
        markup.push('L');
        markup.push_str(itoa::Buffer::new().format(line));
        markup.push_str(after);
        markup
    }

    /// A heading, whose `start` is at byte `offset`: its events are read up
    /// to its end, so that its text gives it a slug as GitHub's (`## M1
    /// Pro/Max/Ultra devices` is `#m1-promaxultra-devices`), the name a
    /// document's own table of contents links to. The slug is the `id` of
    /// an empty span at the start of the heading, `h-` and the document's
    /// prefix before it, so that it can never be one of the page's own ids
    /// (`#risks`); the heading keeps its line anchor. Gives the heading's
    /// start and queues the rest. (Heading attributes, `{#id .class}`, are
    /// not read: [`options`] leaves them off.)
    fn heading(&mut self, level: HeadingLevel, offset: usize) -> Event<'t> {
        let mut inner = Vec::new();
        let mut text = String::new();
        for (event, range) in self.parser.by_ref() {
            // The heading's text as the outline reads it ([`Slugs`]).
            match &event {
                Event::Text(part) | Event::Code(part) => text.push_str(part),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
            let end = matches!(event, Event::End(TagEnd::Heading(_)));
            inner.push((event, range.start));
            if end {
                break;
            }
        }
        let line = self.line(offset);
        let id = (self.anchor(line)).then(|| CowStr::from(self.anchor_markup("", line, "")));
        let start = Event::Start(Tag::Heading {
            level,
            id,
            classes: Vec::new(),
            attrs: Vec::new(),
        });
        if let Some(slug) = self.slugs.give(text.trim()) {
            let span = format!("<span id=\"{}h-{slug}\"></span>", self.prefix);
            self.pending
                .push_back(Event::InlineHtml(CowStr::from(span)));
        }
        for (event, offset) in inner {
            let at = self.pending.len();
            if let Some(event) = self.adapt(event, offset) {
                self.pending.insert(at, event);
            }
        }
        start
    }

    /// Where a link to `url` leads on the page: for a heading of the
    /// document itself (`#notes`), the fragment its slug has on the page
    /// (`#h-notes`, `#d2-h-notes`); for another document of the portal,
    /// its place ([`super::links::LinkTargets`]); `None` for a file the
    /// site does not hold (the link keeps its text, without a URL, as a
    /// link to a missing heading does); else `url` as written.
    fn link_url<'u>(&mut self, url: &'u str) -> Option<Cow<'u, str>> {
        match url.strip_prefix('#') {
            Some(fragment) if !fragment.is_empty() => {
                self.fragments.push(fragment.to_string());
                Some(Cow::Owned(heading_url(self.prefix, fragment)))
            }
            _ if self.origin.leads_nowhere(url) => None,
            _ => match self.origin.href(url) {
                Some(href) => Some(Cow::Owned(href)),
                None => Some(Cow::Borrowed(url)),
            },
        }
    }

    /// What the page shows for `event`, which starts at byte `offset`;
    /// `None` for an event it does not show (or not yet: the text of a
    /// code block).
    fn adapt(&mut self, event: Event<'t>, offset: usize) -> Option<Event<'t>> {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => self.in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => self.in_metadata = false,
            _ if self.in_metadata => {}
            Event::Html(_) | Event::InlineHtml(_) => {
                self.raw_html = true;
                return Some(event);
            }
            // Column alignment would be a `style` attribute, which the
            // page's Content-Security-Policy forbids (ammonia drops it too).
            Event::Start(Tag::Table(alignments)) => {
                let alignments = vec![Alignment::None; alignments.len()];
                return Some(Event::Start(Tag::Table(alignments)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                // An e-mail autolink (`<ana@example.org>`) names no file.
                let url = if link_type == pulldown_cmark::LinkType::Email {
                    Some(Cow::Borrowed(&*dest_url))
                } else {
                    self.link_url(&dest_url)
                };
                let open = link_open(link_type, url.as_deref(), &title);
                return Some(Event::InlineHtml(CowStr::from(open)));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.void_elements = true;
                let dest_url = if let Some(copy) = self.origin.image_src(&dest_url) {
                    CowStr::from(copy)
                } else if url_allowed(&dest_url) {
                    dest_url
                } else {
                    CowStr::from("")
                };
                return Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((language, String::new(), self.line(offset)));
            }
            Event::Text(text) if self.code.is_some() => {
                if let Some((_, body, _)) = self.code.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                let (language, body, start) = self.code.take()?;
                let id = if self.anchor(start) {
                    self.anchor_markup(" id=\"", start, "\"")
                } else {
                    String::new()
                };
                let html = format!(
                    "<pre class=\"code\"{id}><code>{}</code></pre>\n",
                    highlight(&language, &body)
                );
                return Some(Event::Html(CowStr::from(html)));
            }
            Event::Start(tag @ (Tag::TableHead | Tag::TableRow)) => {
                self.first_cell = true;
                return Some(Event::Start(tag));
            }
            Event::Start(tag @ (Tag::Paragraph | Tag::Item | Tag::TableCell)) => {
                let is_cell = matches!(tag, Tag::TableCell);
                let line = self.line(offset);
                if (!is_cell || self.first_cell) && self.anchor(line) {
                    let span = self.anchor_markup("<span id=\"", line, "\"></span>");
                    self.pending
                        .push_back(Event::InlineHtml(CowStr::from(span)));
                }
                if is_cell {
                    self.first_cell = false;
                }
                return Some(Event::Start(tag));
            }
            // A ballot box character, not a disabled checkbox input: an
            // input needs a label for screen readers, a character is read
            // as what it is ("ballot box with check").
            Event::TaskListMarker(done) => {
                return Some(Event::Text(CowStr::from(if done {
                    "☑ "
                } else {
                    "☐ "
                })));
            }
            // Outside code (whose text is taken above, and whose inline
            // spans are `Event::Code`), French punctuation keeps its word.
            Event::Text(text) => {
                return Some(match super::typography::no_break(&text) {
                    Cow::Borrowed(_) => Event::Text(text),
                    Cow::Owned(bound) => Event::Text(CowStr::from(bound)),
                });
            }
            Event::HardBreak | Event::Rule => {
                self.void_elements = true;
                return Some(event);
            }
            other => return Some(other),
        }
        None
    }
}

/// Adds `line` to the ascending `anchors` unless it is there; `false`
/// when it was. Blocks start in document order, so a new anchor is nearly
/// always the last: a list, not a tree, holds them.
fn add_anchor(anchors: &mut Vec<usize>, line: usize) -> bool {
    match anchors.last() {
        Some(&last) if last >= line => match anchors.binary_search(&line) {
            Ok(_) => false,
            Err(at) => {
                anchors.insert(at, line);
                true
            }
        },
        _ => {
            anchors.push(line);
            true
        }
    }
}

/// Markdown without anchors (the portal's introduction).
pub fn render_plain(text: &str, origin: Origin) -> String {
    render_document(text, "intro-", origin).html
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// Removes scripts, event handlers, `javascript:` URLs, frames and objects.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// Whether a link or image may keep its URL: ammonia's rule, so both paths
/// agree. A relative URL may; an absolute one only with a scheme on
/// ammonia's list (`http`, `https`, `mailto`, `tel`… never `javascript`,
/// `vbscript` or `data`); a URL that does not parse may not.
fn url_allowed(url: &str) -> bool {
    static SCHEMES: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| SANITIZER.clone_url_schemes());
    match url::Url::parse(url) {
        Ok(parsed) => SCHEMES.contains(parsed.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    }
}

/// The opening `<a>` of a link, as ammonia would leave it: the URL only if
/// there is one and it is [`url_allowed`], and `rel="noopener noreferrer"`.
fn link_open(link_type: pulldown_cmark::LinkType, dest_url: Option<&str>, title: &str) -> String {
    let url = match dest_url {
        Some(url) if link_type == pulldown_cmark::LinkType::Email => Some(format!("mailto:{url}")),
        url => url.map(str::to_string),
    };
    let mut html = String::from("<a");
    if let Some(url) = url.filter(|url| url_allowed(url)) {
        html.push_str(" href=\"");
        let _ = pulldown_cmark_escape::escape_href(&mut html, &url);
        html.push('"');
    }
    if !title.is_empty() {
        html.push_str(" title=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut html, title);
        html.push('"');
    }
    html.push_str(&format!(" rel=\"{LINK_REL}\">"));
    html
}

/// Keeps only our own ids (`L12`, `d2-L12`, `intro-L3`) and syntect classes,
/// so a document cannot forge the theme's structure.
fn filter_attribute<'u>(_element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match attribute {
        "id" => is_own_id(value).then_some(Cow::Borrowed(value)),
        "class" => {
            let kept: Vec<&str> = value
                .split_whitespace()
                .filter(|class| class.starts_with("hl-") || *class == "code")
                .collect();
            (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
        }
        _ => Some(Cow::Borrowed(value)),
    }
}

/// Whether `value` is an id sitrep gives: a line anchor (`L12`, `d2-L12`,
/// `intro-L3`) or a heading's slug (`h-notes`, `d2-h-notes`).
fn is_own_id(value: &str) -> bool {
    let rest = value
        .strip_prefix("intro-")
        .or_else(|| {
            let after_d = value.strip_prefix('d')?;
            let dash = after_d.find('-')?;
            after_d[..dash]
                .chars()
                .all(|c| c.is_ascii_digit())
                .then(|| &after_d[dash + 1..])
        })
        .unwrap_or(value);
    let line_anchor = rest
        .strip_prefix('L')
        .is_some_and(|digits| !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()));
    let slug = |slug: &str| !slug.is_empty() && slug.chars().all(crate::slugs::is_slug_char);
    line_anchor || rest.strip_prefix("h-").is_some_and(slug)
}

/// Highlighted HTML of a code block (escaped plain text when the language is unknown).
fn highlight(language: &str, code: &str) -> String {
    let syntax = SYNTAXES
        .find_syntax_by_token(language)
        .filter(|_| !language.is_empty() && code.lines().count() <= MAX_HIGHLIGHTED_LINES);
    let Some(syntax) = syntax else {
        return super::escape(code);
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return super::escape(code);
        }
    }
    generator.finalize()
}

/// The stylesheet of highlighted code: a light theme, and a dark one under
/// `prefers-color-scheme: dark`.
pub fn syntax_css() -> String {
    let themes = ThemeSet::load_defaults();
    let mut css = String::new();
    if let Some(light) = themes.themes.get("InspiredGitHub") {
        css.push_str(&css_for_theme_with_class_style(light, CLASS_STYLE).unwrap_or_default());
    }
    if let Some(dark) = themes.themes.get("base16-ocean.dark") {
        css.push_str("\n@media (prefers-color-scheme: dark) {\n");
        css.push_str(&css_for_theme_with_class_style(dark, CLASS_STYLE).unwrap_or_default());
        css.push_str("}\n");
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_get_line_anchors() {
        let text = "# Title\n\nSome text\ngoes on\n\n- [x] one\n- [ ] two\n";
        let doc = render_document(text, "", Origin::alone());
        // Heading on line 1, paragraph on 3, list items on 6 and 7.
        assert_eq!(*doc.anchors, [1, 3, 6, 7]);
        assert!(doc.html.contains("id=\"L6\""), "{}", doc.html);
        let anchor = |line| {
            let mut fragment = String::new();
            doc.push_anchor(line, &mut fragment).then_some(fragment)
        };
        assert_eq!(anchor(4).as_deref(), Some("L3"));
        assert_eq!(anchor(0).as_deref(), Some("L1"), "before the first anchor");
        assert_eq!(anchor(99).as_deref(), Some("L7"));
        let second = render_document(text, "d2-", Origin::alone());
        let mut fragment = String::new();
        assert!(second.push_anchor(6, &mut fragment));
        assert_eq!(fragment, "d2-L6");
        assert!(!render_document("", "", Origin::alone()).push_anchor(1, &mut fragment));
        assert!(doc.html.contains("☑ one"), "{}", doc.html);
        assert!(doc.html.contains("☐ two"), "{}", doc.html);
        assert!(!doc.html.contains("<input"), "{}", doc.html);
    }

    #[test]
    fn a_document_s_links_to_its_headings_reach_them() {
        // Corpus 23's table of contents, a heading given twice, French.
        let text = "- [M1 Pro/Max/Ultra devices](#m1-promaxultra-devices)\n- [Notes](#notes)\n\
                    - [Slack Channel](#workflows-dev) [État](#%C3%A9tat-du-projet-v2)\n\n\
                    ## M1 Pro/Max/Ultra devices\n\n## Notes\n\n### Notes\n\n## 🎯 ROADMAP\n\n\
                    ## État du *projet* `v2`\n\n## 🚀\n";
        let html = render_document(text, "", Origin::alone()).html;
        let ids = |html: &str| -> Vec<String> {
            html.split("<span id=\"")
                .skip(1)
                .filter_map(|rest| Some(rest[..rest.find('"')?].to_string()))
                .filter(|id| !id.starts_with('L'))
                .collect()
        };
        assert_eq!(
            ids(&html),
            [
                "h-m1-promaxultra-devices",
                "h-notes",
                "h-notes-1",
                "h--roadmap",
                "h-état-du-projet-v2",
            ],
            "{html}"
        );
        assert!(
            html.contains("href=\"#h-m1-promaxultra-devices\""),
            "{html}"
        );
        assert!(html.contains("href=\"#h-notes\""), "{html}");
        assert!(html.contains("<h2 id=\"L5\"><span id=\"h-m1-promaxultra-devices\"></span>M1"));
        assert!(
            html.contains("href=\"#h-%C3%A9tat-du-projet-v2\""),
            "{html}"
        );
        // A link to a heading the document lacks (corpus 15) keeps no URL.
        assert!(
            html.contains("<a rel=\"noopener noreferrer\">Slack Channel</a>"),
            "{html}"
        );

        // The second document of a page, and a page cleaned by ammonia
        // (raw HTML), which keeps the slugs but not a forged id.
        let second = render_document(text, "d2-", Origin::alone()).html;
        assert!(
            second.contains("<span id=\"d2-h-notes\"></span>"),
            "{second}"
        );
        assert!(second.contains("href=\"#d2-h-notes\""), "{second}");
        let raw = render_document(
            &format!("{text}\n<div id=\"risks\">x</div>\n"),
            "",
            Origin::alone(),
        )
        .html;
        assert_eq!(ids(&raw), ids(&html), "{raw}");
        assert!(raw.contains("href=\"#h-notes\""), "{raw}");
        assert!(!raw.contains("id=\"risks\""), "{raw}");
    }

    #[test]
    fn anchors_stay_ascending_and_unique_in_any_order() {
        let mut anchors = Vec::new();
        let added: Vec<bool> = [3, 3, 7, 5, 7, 1, 9]
            .into_iter()
            .map(|line| add_anchor(&mut anchors, line))
            .collect();
        assert_eq!(added, [true, false, true, true, false, true, true]);
        assert_eq!(anchors, [1, 3, 5, 7, 9]);
    }

    #[test]
    fn hostile_html_is_removed() {
        let text = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<iframe src=\"https://e.com\"></iframe><object data=x></object>\n\n<div onclick=\"go()\" id=\"nav\" class=\"site-nav\">hi</div>\n";
        let html = render_document(text, "", Origin::alone()).html;
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "<object",
            "onclick",
            "id=\"nav\"",
            "site-nav",
        ] {
            assert!(!html.contains(bad), "{bad} left in {html}");
        }
    }

    /// The `href` and `src` values of some HTML, in order.
    fn urls(html: &str) -> Vec<String> {
        let mut found = Vec::new();
        for attribute in ["href=\"", "src=\""] {
            for (start, _) in html.match_indices(attribute) {
                let rest = &html[start + attribute.len()..];
                found.push(rest[..rest.find('"').unwrap()].to_string());
            }
        }
        found.sort();
        found
    }

    #[test]
    fn without_raw_html_links_are_checked_as_ammonia_checks_them() {
        let text = "# Links\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) \
                    [c](java&#09;script:alert(3)) [d](vbscript:msgbox) \
                    [e](data:text/html;base64,PHNjcmlwdD4=) ![f](javascript:alert(4)) \
                    <javascript:alert(5)>\n\n\
                    [ok](https://example.com/a?b=1&c=2) [rel](docs/plan.md#L3) \
                    [mail](mailto:pm@example.com) <https://example.org> <pm@example.com> \
                    ![img](img/chart.png \"Chart\")\n\n\
                    | Left | Centre |\n|:---|:---:|\n| a | b |\n";
        let html = render_document(text, "", Origin::alone()).html;
        // The autolink's text may say `javascript:`; no URL may.
        assert!(!html.contains("style="), "{html}");
        assert_eq!(
            urls(&html),
            vec![
                "",
                "docs/plan.md#L3",
                "https://example.com/a?b=1&amp;c=2",
                "https://example.org",
                "img/chart.png",
                "mailto:pm@example.com",
                "mailto:pm@example.com",
            ],
            "{html}"
        );
        assert_eq!(html.matches("rel=\"noopener noreferrer\"").count(), 11);
        assert!(
            !html.contains("/>"),
            "void elements as ammonia writes them: {html}"
        );
        // ammonia, run over the same output, finds nothing more to take out.
        assert_eq!(urls(&sanitize(&html)), urls(&html));
    }

    #[test]
    fn void_elements_are_written_as_ammonia_writes_them() {
        let text = "Ligne un  \nligne deux />\n\n---\n\n![schéma](img/a.png \"A\")\n";
        let html = render_document(text, "", Origin::alone()).html;
        assert!(html.contains("Ligne un<br>\nligne deux /&gt;"), "{html}");
        assert!(html.contains("\n<hr>\n"), "{html}");
        assert!(
            html.contains("<img src=\"img/a.png\" alt=\"schéma\" title=\"A\">"),
            "{html}"
        );
        assert!(!html.contains("/>"), "{html}");
        assert_eq!(without_void_slashes("<p>a</p>".into()), "<p>a</p>");
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let doc = render_document("```rust\nfn main() {}\n```\n", "d2-", Origin::alone());
        assert!(doc.html.contains("hl-"), "{}", doc.html);
        assert!(doc.html.contains("id=\"d2-L1\""), "{}", doc.html);
        assert!(!doc.html.contains("style="), "{}", doc.html);
    }
}
