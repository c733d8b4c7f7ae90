//! The document parsed once: a tree of sections holding lists, tables,
//! paragraph lines and code lines, each with its line in the original file.
//!
//! Every extractor (items, declarations, dates, milestones, risks, people)
//! reads this outline instead of the raw text, so that a `[x]` inside a code
//! block or an HTML comment is never mistaken for an item, and patterns apply
//! to the text of one node at a time (`DESIGN.md`, "Parse once").
//!
//! Markup is removed from the text kept here (`**Structure** - ✅ COMPLET`
//! becomes `Structure - ✅ COMPLET`); the original line is always available
//! through [`Outline::source_line`].

use std::cell::OnceCell;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::folding::fold;
use super::tables::Column;
use crate::lines::LineIndex;
use crate::slugs::Slugs;

/// Items nested deeper than this become flat children of their 32nd level: no real
/// tracking document comes close, and every reader of the tree (items,
/// `status.json`, JSON parsers limited to 128 levels) stays bounded.
pub const MAX_LIST_DEPTH: usize = 32;

/// One line of text of a node, markup removed.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    /// 1-based line in the original file.
    pub line: usize,
    /// Every visible character of the line is struck through (`~~…~~`).
    pub struck: bool,
}

/// A list item and its nested items.
#[derive(Debug, Clone, PartialEq)]
pub struct ListEntry {
    pub line: usize,
    pub ordered: bool,
    /// The item's own text, one entry per source line; the first is the
    /// item's title line. Continuation paragraphs follow.
    pub lines: Vec<TextLine>,
    pub children: Vec<ListEntry>,
}

impl ListEntry {
    /// The first line of the item (its title), or "" for an empty item.
    pub fn first_line(&self) -> &str {
        self.lines.first().map(|l| l.text.as_str()).unwrap_or("")
    }

    /// Whether the item's title line is wholly struck through.
    pub fn struck(&self) -> bool {
        self.lines.first().is_some_and(|l| l.struck)
    }
}

/// A table row: one plain-text string per cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub cells: Vec<String>,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub line: usize,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
    /// The role of each column, worked out once by [`super::tables::columns`]:
    /// the item, milestone and risk readers all ask for it.
    pub(super) roles: OnceCell<Vec<Column>>,
    /// The header cells folded, once, by [`super::tables::folded_header`]:
    /// each column's role compares its header with several word lists.
    pub(super) folded_header: OnceCell<Vec<String>>,
    /// Its columns of figures that say how far each row is, worked out
    /// once by [`super::tables::tally`]: the table's kind and its items
    /// both ask.
    pub(super) tally: OnceCell<Option<super::tables::Tally>>,
    /// Whether its header says it lists risks, worked out once by
    /// [`super::tables::classify`]: every reader classifies each table.
    pub(super) headed_as_risks: OnceCell<bool>,
}

/// A block of a section, in document order.
#[derive(Debug, Clone)]
pub enum Block {
    /// The top-level items of one list.
    List(Vec<ListEntry>),
    Table(Table),
    /// The lines of a paragraph (labelled lines such as `**Statut :** 🟡`).
    Paragraph(Vec<TextLine>),
    /// The lines of a fenced or indented code block (ASCII progress bars).
    Code {
        language: String,
        lines: Vec<TextLine>,
    },
}

/// A heading and what stands under it down to the next heading of the same
/// or a higher level.
#[derive(Debug, Clone)]
pub struct OutlineSection {
    /// Heading text, markup removed, emoji kept (`⏳ 2. GED - Upload Documents`).
    pub heading: String,
    /// The heading folded ([`fold`]): what the readers of risks,
    /// milestones, people and sections compare with their word lists.
    /// Folded once here, not by each of them.
    pub folded: String,
    /// 1-6 for real headings; a bold-only line used as a heading
    /// (`**raylib 7.0**`) gets one level below the heading it sits under.
    pub level: u8,
    pub line: usize,
    /// Whether the heading was a bold-only paragraph rather than `#`.
    pub pseudo: bool,
    /// Whether the heading is a folded block's `<summary>` (a
    /// pseudo-heading too): it groups the list it folds, and is no task
    /// of its own once that list is read elsewhere.
    pub summary: bool,
    pub blocks: Vec<Block>,
    pub children: Vec<OutlineSection>,
}

/// A parsed document.
#[derive(Debug, Clone)]
pub struct Outline<'a> {
    /// The document's first H1 when it comes before any other heading: the
    /// title, not a section.
    pub title: Option<TextLine>,
    /// Blocks before the first section heading.
    pub preamble: Vec<Block>,
    pub sections: Vec<OutlineSection>,
    lines: Vec<&'a str>,
    /// The document's links to a place of itself (`[Notes](#notes)`): the
    /// line and the fragment as written.
    fragment_links: Vec<(usize, String)>,
}

impl<'a> Outline<'a> {
    /// Parses `text` (already decoded, `\n` line endings; front matter
    /// replaced by blank lines so that line numbers are the file's own).
    pub fn parse(text: &'a str) -> Outline<'a> {
        Builder::new(text).run()
    }

    /// The document's links to a heading it does not have (corpus 15's
    /// `[Slack Channel](#workflows-dev)`), as (line, fragment): its page
    /// shows their text without the link.
    /// The headings are slugged only for a document that has such links.
    pub fn broken_fragment_links(&self) -> Vec<(usize, &str)> {
        if self.fragment_links.is_empty() {
            return Vec::new();
        }
        let mut slugs = Slugs::default();
        if let Some(title) = &self.title {
            slugs.give(&title.text);
        }
        fn give(sections: &[OutlineSection], slugs: &mut Slugs) {
            for section in sections {
                if !section.pseudo {
                    slugs.give(&section.heading);
                }
                give(&section.children, slugs);
            }
        }
        give(&self.sections, &mut slugs);
        (self.fragment_links.iter())
            .filter(|(_, fragment)| !slugs.names_a_heading(fragment))
            .map(|(line, fragment)| (*line, fragment.as_str()))
            .collect()
    }

    /// The raw text of 1-based line `line` (markup included), or "".
    pub fn source_line(&self, line: usize) -> &'a str {
        line.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .copied()
            .unwrap_or("")
    }

    /// Number of lines of the document.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Every section, depth first, in document order.
    pub fn walk_sections(&self) -> Vec<&OutlineSection> {
        fn visit<'s>(section: &'s OutlineSection, out: &mut Vec<&'s OutlineSection>) {
            out.push(section);
            for child in &section.children {
                visit(child, out);
            }
        }
        let mut out = Vec::new();
        for section in &self.sections {
            visit(section, &mut out);
        }
        out
    }
}

/// Bytes reserved for a line of text before its first piece arrives.
const LINE_CAPACITY: usize = 64;

/// Whether `text` is one aside in parentheses and nothing else: what a
/// line struck through says of itself (`(moved to 4.3)`, `(fait en
/// v2)`), which leaves it struck through.
fn is_aside(text: &str) -> bool {
    let text = text.trim();
    (text.strip_prefix('(').and_then(|t| t.strip_suffix(')')))
        .is_some_and(|inside| !inside.contains(['(', ')']))
}

/// Text being collected for the current paragraph, heading, item or cell.
#[derive(Default)]
struct InlineBuffer {
    lines: Vec<TextLine>,
    /// Whether visible characters were seen inside / outside `~~` on the current line.
    struck_seen: bool,
    plain_seen: bool,
    /// Where the current line's first plain text starts, when struck
    /// text came before it (`~~Windows ARM builds~~ (moved to 4.3)`).
    plain_after_struck: Option<usize>,
    /// Depth of `~~` nesting.
    strike_depth: usize,
    /// Whether the paragraph so far is a single `**bold**` span.
    strong_depth: usize,
    only_strong: bool,
}

impl InlineBuffer {
    fn push_text(&mut self, text: &str, line: usize) {
        if self.lines.is_empty() {
            self.new_line(line);
        }
        let visible = !text.trim_start().is_empty();
        if self.strike_depth > 0 {
            self.struck_seen |= visible;
        } else if visible && !self.plain_seen {
            self.plain_seen = true;
            let at = self.lines.last().map_or(0, |l| l.text.len());
            self.plain_after_struck = self.struck_seen.then_some(at);
        }
        if visible && self.strong_depth == 0 {
            self.only_strong = false;
        }
        if let Some(current) = self.lines.last_mut() {
            current.text.push_str(text);
        }
    }

    fn close_line(&mut self) {
        if let Some(current) = self.lines.last_mut() {
            let aside_only = (self.plain_after_struck)
                .and_then(|at| current.text.get(at..))
                .is_some_and(is_aside);
            current.struck = self.struck_seen && (!self.plain_seen || aside_only);
            let trimmed = current.text.trim();
            if trimmed.len() != current.text.len() {
                current.text = trimmed.to_string();
            }
        }
        self.struck_seen = false;
        self.plain_seen = false;
        self.plain_after_struck = None;
    }

    fn new_line(&mut self, line: usize) {
        self.close_line();
        self.lines.push(TextLine {
            // Room for a usual line at once: a line of markup comes in
            // pieces (`**`, links, code), and growing it piece by piece
            // copied it each time.
            text: String::with_capacity(LINE_CAPACITY),
            line,
            struck: false,
        });
    }

    fn take(&mut self) -> Vec<TextLine> {
        self.close_line();
        let lines = std::mem::take(&mut self.lines);
        *self = InlineBuffer {
            only_strong: true,
            ..InlineBuffer::default()
        };
        lines.into_iter().filter(|l| !l.text.is_empty()).collect()
    }
}

/// What kind of inline container is open.
enum Container {
    Heading(u8),
    Paragraph,
    Cell,
    Code(String),
}

struct Builder<'a> {
    text: &'a str,
    index: LineIndex,
    /// Sections whose heading has been read but not yet closed, outermost first.
    open_sections: Vec<OutlineSection>,
    finished: Vec<OutlineSection>,
    preamble: Vec<Block>,
    title: Option<TextLine>,
    seen_heading: bool,
    /// Whether a `#` heading was read: until then, a short line alone
    /// above a list is that list's heading ([`Builder::plain_line_as_heading`]).
    headed: bool,
    inline: InlineBuffer,
    container: Option<Container>,
    /// Open list items, outermost first; each list level's finished items
    /// are kept in `list_levels`.
    list_levels: Vec<(bool, Vec<ListEntry>)>,
    open_items: Vec<ListEntry>,
    table: Option<Table>,
    /// Items nested deeper than [`MAX_LIST_DEPTH`], still open: each one
    /// becomes a flat child of the deepest kept item when it closes.
    folded_items: Vec<ListEntry>,
    row: Vec<String>,
    row_line: usize,
    in_table_head: bool,
    html_depth: usize,
    /// A `<details>` block's `<summary>` and its line, until what it
    /// folds shows whether it heads a list ([`Builder::html`]).
    summary: Option<(String, usize)>,
    /// The levels of the sections `<summary>`s opened, innermost last.
    details: Vec<u8>,
    fragment_links: Vec<(usize, String)>,
    /// For each image open, whether it is a badge read for its words
    /// ([`super::badges`]): its alt text is then left out.
    open_images: Vec<bool>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            index: LineIndex::new(text),
            open_sections: Vec::new(),
            finished: Vec::new(),
            preamble: Vec::new(),
            title: None,
            seen_heading: false,
            headed: false,
            inline: InlineBuffer {
                only_strong: true,
                ..InlineBuffer::default()
            },
            container: None,
            list_levels: Vec::new(),
            open_items: Vec::new(),
            table: None,
            folded_items: Vec::new(),
            row: Vec::new(),
            row_line: 0,
            in_table_head: false,
            html_depth: 0,
            summary: None,
            details: Vec::new(),
            fragment_links: Vec::new(),
            open_images: Vec::new(),
        }
    }

    fn run(mut self) -> Outline<'a> {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let parser = Parser::new_ext(self.text, options).into_offset_iter();
        for (event, range) in parser {
            let line = self.index.line_of(range.start);
            self.event(event, line);
        }
        while let Some(section) = self.open_sections.pop() {
            self.attach_section(section);
        }
        if self.title.is_none() {
            self.title = subject_as_title(&mut self.preamble);
        }
        Outline {
            title: self.title,
            preamble: self.preamble,
            sections: self.finished,
            lines: self.index.lines(self.text),
            fragment_links: self.fragment_links,
        }
    }

    fn event(&mut self, event: Event<'a>, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag, line),
            Event::Text(text) => self.text(&text, line),
            Event::Code(code) => self.text(&code, line),
            Event::SoftBreak | Event::HardBreak => self.inline.new_line(line + 1),
            Event::Html(html) => self.html(&html, line),
            Event::InlineHtml(_) | Event::FootnoteReference(_) | Event::Rule => {}
            Event::TaskListMarker(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }

    fn text(&mut self, text: &str, line: usize) {
        if self.html_depth > 0 || self.open_images.last() == Some(&true) {
            return;
        }
        match self.container {
            Some(Container::Code(_)) => {
                // Code text arrives as whole lines; keep each one apart.
                for (current, piece) in (line..).zip(text.split_inclusive('\n')) {
                    self.inline.new_line(current);
                    self.inline.push_text(piece.trim_end_matches('\n'), current);
                }
            }
            _ => {
                if self.container.is_none() && !self.open_items.is_empty() {
                    // Text of a tight list item, outside any paragraph.
                    self.container = Some(Container::Paragraph);
                }
                self.inline.push_text(text, line);
            }
        }
    }

    /// A badge's words in place of its image. In a paragraph it is a
    /// line of its own, `label: message` (`progress: 60%`), as a README's
    /// row of badges says one thing each; in a list item or a heading its
    /// message closes the text as a status clause (`Payments API — done`),
    /// and in a table cell it is the cell's value.
    fn badge(&mut self, label: &str, message: &str, line: usize) {
        if self.container.is_none() && !self.open_items.is_empty() {
            self.container = Some(Container::Paragraph);
        }
        if self.badge_alone() {
            self.inline.new_line(line);
            if !label.is_empty() {
                self.inline.push_text(label, line);
                self.inline.push_text(": ", line);
            }
            self.inline.push_text(message, line);
            return;
        }
        let in_cell = matches!(self.container, Some(Container::Cell));
        if let Some(current) = self.inline.lines.last_mut().filter(|_| !in_cell) {
            current.text.truncate(current.text.trim_end().len());
            if !current.text.is_empty() {
                current.text.push_str(" — ");
            }
        }
        self.inline.push_text(message, line);
    }

    /// After a badge on a line of its own, what follows on its line is
    /// other words.
    fn end_image(&mut self, line: usize) {
        if self.open_images.pop() == Some(true) && self.badge_alone() {
            self.inline.new_line(line);
        }
    }

    /// Whether a badge here stands on a line of its own: in a paragraph
    /// outside any list item.
    fn badge_alone(&self) -> bool {
        matches!(self.container, Some(Container::Paragraph)) && self.open_items.is_empty()
    }

    fn start(&mut self, tag: Tag<'a>, line: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_inline();
                // A folded block of headings is grouped by them.
                self.summary = None;
                self.headed = true;
                self.container = Some(Container::Heading(heading_level(level)));
                self.inline.new_line(line);
            }
            Tag::Paragraph => {
                self.flush_inline();
                self.container = Some(Container::Paragraph);
                self.inline.new_line(line);
            }
            Tag::CodeBlock(kind) => {
                self.flush_inline();
                let language = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                self.container = Some(Container::Code(language));
            }
            Tag::List(first) => {
                self.flush_inline();
                if self.list_levels.is_empty() {
                    self.plain_line_as_heading();
                    self.open_summary();
                }
                self.list_levels.push((first.is_some(), Vec::new()));
            }
            Tag::Item if self.open_items.len() >= MAX_LIST_DEPTH => {
                // Deeper than any real tracker: the item is kept, one level
                // under the deepest kept item, so that nothing is lost and
                // no reader recurses without bound.
                self.flush_inline();
                self.folded_items.push(ListEntry {
                    line,
                    ordered: false,
                    lines: Vec::new(),
                    children: Vec::new(),
                });
            }
            Tag::Item => {
                self.flush_inline();
                let ordered = self.list_levels.last().is_some_and(|(o, _)| *o);
                self.open_items.push(ListEntry {
                    line,
                    ordered,
                    lines: Vec::new(),
                    children: Vec::new(),
                });
            }
            Tag::Table(_) => {
                self.flush_inline();
                self.table = Some(Table {
                    line,
                    header: Vec::new(),
                    rows: Vec::new(),
                    roles: OnceCell::new(),
                    folded_header: OnceCell::new(),
                    tally: OnceCell::new(),
                    headed_as_risks: OnceCell::new(),
                });
            }
            Tag::TableHead => {
                self.in_table_head = true;
                self.row.clear();
                self.row_line = line;
            }
            Tag::TableRow => {
                self.row.clear();
                self.row_line = line;
            }
            Tag::TableCell => {
                self.container = Some(Container::Cell);
                self.inline.new_line(line);
            }
            Tag::Strikethrough => self.inline.strike_depth += 1,
            Tag::Strong => self.inline.strong_depth += 1,
            Tag::HtmlBlock => self.html_depth += 1,
            Tag::Image { dest_url, .. } => {
                let words = super::badges::badge_words(&dest_url);
                self.open_images.push(words.is_some());
                if let Some((label, message)) = words {
                    self.badge(&label, &message, line);
                }
            }
            Tag::Link { dest_url, .. } => {
                if let Some(fragment) = dest_url.strip_prefix('#').filter(|f| !f.is_empty()) {
                    self.fragment_links.push((line, fragment.to_string()));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, line: usize) {
        match tag {
            TagEnd::Heading(_) => {
                let Some(Container::Heading(level)) = self.container.take() else {
                    return;
                };
                let lines = self.inline.take();
                let line = lines.first().map(|l| l.line).unwrap_or(1);
                let heading = join_lines(lines);
                self.open_heading(heading, level, line, false);
            }
            TagEnd::Paragraph => self.flush_inline(),
            TagEnd::CodeBlock => {
                let language = match self.container.take() {
                    Some(Container::Code(language)) => language,
                    _ => String::new(),
                };
                let lines = self.inline.take();
                self.push_block(Block::Code { language, lines });
            }
            TagEnd::Item if !self.folded_items.is_empty() => {
                self.flush_inline();
                if let (Some(item), Some(kept)) =
                    (self.folded_items.pop(), self.open_items.last_mut())
                {
                    kept.children.push(item);
                }
            }
            TagEnd::Item => {
                self.flush_inline();
                if let Some(item) = self.open_items.pop() {
                    if let Some((_, items)) = self.list_levels.last_mut() {
                        items.push(item);
                    }
                }
            }
            TagEnd::List(_) => {
                self.flush_inline();
                let Some((_, items)) = self.list_levels.pop() else {
                    return;
                };
                match self.open_items.last_mut() {
                    Some(parent) => parent.children.extend(items),
                    None => self.push_block(Block::List(items)),
                }
            }
            TagEnd::TableCell => {
                let lines = self.inline.take();
                self.container = None;
                self.row.push(join_lines(lines));
            }
            TagEnd::TableHead => {
                self.in_table_head = false;
                if let Some(table) = self.table.as_mut() {
                    table.header = std::mem::take(&mut self.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = self.table.as_mut() {
                    table.rows.push(TableRow {
                        cells: std::mem::take(&mut self.row),
                        line: self.row_line,
                    });
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.push_block(Block::Table(table));
                }
            }
            TagEnd::Strikethrough => {
                self.inline.strike_depth = self.inline.strike_depth.saturating_sub(1)
            }
            TagEnd::Image => self.end_image(line),
            TagEnd::Strong => self.inline.strong_depth = self.inline.strong_depth.saturating_sub(1),
            TagEnd::HtmlBlock => self.html_depth = self.html_depth.saturating_sub(1),
            _ => {}
        }
    }

    /// A line of an HTML block. GitHub's folded blocks group the list
    /// they fold as a heading would (corpus 24: `<details><summary>✅ v0.9
    /// Security Hardening (Phases 1-4) -- SHIPPED</summary>` over its
    /// phases' boxes): the summary is kept, and heads the list if one
    /// comes before a heading or `</details>` ([`Builder::open_summary`]);
    /// `</details>` closes the section. A block that folds only HTML (its
    /// summary and `</details>` in one piece), or headings, groups
    /// nothing, nor does one inside a list item or a table.
    fn html(&mut self, html: &str, line: usize) {
        let closes = html.find("</details>");
        if let Some((summary, at)) = summary_of(html) {
            let folds_markdown = closes.is_none_or(|end| end < at);
            if folds_markdown && self.open_items.is_empty() && self.table.is_none() {
                self.summary = Some((summary, line));
                return;
            }
        }
        if closes.is_some() {
            self.summary = None;
            if let Some(level) = self.details.pop() {
                self.close_sections_from(level);
            }
        }
    }

    /// Opens the section of the `<summary>` kept, as a list begins.
    fn open_summary(&mut self) {
        let Some((heading, line)) = self.summary.take() else {
            return;
        };
        let level = self.child_level();
        self.open_heading(heading, level, line, true);
        if let Some(section) = self.open_sections.last_mut() {
            section.summary = true;
        }
        self.details.push(level);
    }

    /// The level of a pseudo-heading opened here: below the section open,
    /// beside it when that is a pseudo-heading itself.
    fn child_level(&self) -> u8 {
        self.open_sections
            .last()
            .map(|s| {
                if s.pseudo {
                    s.level
                } else {
                    s.level.saturating_add(1).min(7)
                }
            })
            .unwrap_or(2)
    }

    /// Closes the paragraph (or tight item text) being read and files it.
    fn flush_inline(&mut self) {
        if !matches!(self.container, Some(Container::Paragraph)) {
            return;
        }
        self.container = None;
        let only_strong = self.inline.only_strong;
        let lines = self.inline.take();
        if lines.is_empty() {
            return;
        }
        if let Some(item) = self.folded_items.last_mut().or(self.open_items.last_mut()) {
            item.lines.extend(lines);
            return;
        }
        if only_strong && lines.len() == 1 && self.table.is_none() && !is_sentence(&lines[0].text) {
            // A bold-only line used as a heading (`**raylib 7.0**`).
            // A bold line after another one is its sibling, not its child
            // (`**Files Created:**` then `**Files Modified:**`, corpus `18_…`).
            let level = self.child_level();
            let line = &lines[0];
            self.open_heading(line.text.clone(), level, line.line, true);
            return;
        }
        self.push_block(Block::Paragraph(lines));
    }

    /// In a document without `#` headings (a weekly e-mail, a plain-text
    /// note), a short line alone in its paragraph just above a list is
    /// that list's heading (`Highlights`, `Next week`, `Key dates`), as a
    /// bold line would be: a reader of the e-mail sees it so.
    fn plain_line_as_heading(&mut self) {
        if self.headed || self.table.is_some() {
            return;
        }
        let blocks = match self.open_sections.last_mut() {
            Some(section) => &mut section.blocks,
            None => &mut self.preamble,
        };
        let Some(Block::Paragraph(lines)) = blocks.last() else {
            return;
        };
        let [line] = lines.as_slice() else {
            return;
        };
        if line.struck || !is_plain_heading(&line.text) {
            return;
        }
        let (text, at) = (line.text.clone(), line.line);
        blocks.pop();
        let level = match self.open_sections.last() {
            Some(section) => section.level,
            None => 2,
        };
        self.open_heading(text, level, at, true);
    }

    fn push_block(&mut self, block: Block) {
        match self.open_sections.last_mut() {
            Some(section) => section.blocks.push(block),
            None => self.preamble.push(block),
        }
    }

    fn open_heading(&mut self, heading: String, level: u8, line: usize, pseudo: bool) {
        if level == 1 && !self.seen_heading && self.title.is_none() && !pseudo {
            self.seen_heading = true;
            self.title = Some(TextLine {
                text: heading,
                line,
                struck: false,
            });
            return;
        }
        self.seen_heading = true;
        self.close_sections_from(level);
        self.open_sections.push(OutlineSection {
            folded: fold(&heading),
            heading,
            level,
            line,
            pseudo,
            summary: false,
            blocks: Vec::new(),
            children: Vec::new(),
        });
    }

    /// Closes the open sections at `level` or deeper, innermost first.
    fn close_sections_from(&mut self, level: u8) {
        while self
            .open_sections
            .last()
            .is_some_and(|open| open.level >= level)
        {
            let closed = self.open_sections.pop().expect("checked above");
            self.attach_section(closed);
        }
    }

    fn attach_section(&mut self, section: OutlineSection) {
        match self.open_sections.last_mut() {
            Some(parent) => parent.children.push(section),
            None => self.finished.push(section),
        }
    }
}

/// The text of the `<summary>` in `html`, its tags left out and its
/// entities read (`<summary><b>Phase 1</b> &amp; 2</summary>` is `Phase 1
/// & 2`), with where the summary ends; `None` when there is none or it
/// says nothing.
fn summary_of(html: &str) -> Option<(String, usize)> {
    let open = html.find("<summary")?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find("</summary>")?;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = (text.split_whitespace().collect::<Vec<_>>().join(" "))
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    (!text.is_empty()).then_some((text, end))
}

/// Whether a line alone above a list reads as its heading: one to four
/// words, no sentence's end (`Hi all,`, `Done this week.`) and no field
/// (`Owner: Priya`); a colon may end it (`Next steps:`).
fn is_plain_heading(text: &str) -> bool {
    let text = text.trim();
    let body = text.strip_suffix(':').unwrap_or(text).trim_end();
    let words = body.split_whitespace().count();
    (1..=4).contains(&words)
        && !body.ends_with(['.', ',', ';', '!', '?', ':'])
        && !body.contains([':', '|'])
        && body.chars().next().is_some_and(char::is_alphanumeric)
}

/// Labels of an e-mail's subject line (folded to lower case).
const SUBJECT_LABELS: &[&str] = &[
    "subject:", "subj:", "objet :", "objet:", "sujet :", "sujet:",
];

/// Prefixes a reply or a forward adds to a subject.
const REPLY_PREFIXES: &[&str] = &["re:", "fwd:", "fw:", "tr:", "réf:"];

/// The title of a document without a `#` title that is an e-mail: its
/// `Subject:` (`Objet :`) line among the first lines, without `Re:` or
/// `Fwd:`, taken out of the preamble.
fn subject_as_title(preamble: &mut Vec<Block>) -> Option<TextLine> {
    let Some(Block::Paragraph(lines)) = preamble.first_mut() else {
        return None;
    };
    let (at, subject) = lines
        .iter()
        .enumerate()
        .find_map(|(at, line)| Some((at, subject_of(&line.text)?.to_string())))?;
    let line = lines.remove(at).line;
    if lines.is_empty() {
        preamble.remove(0);
    }
    Some(TextLine {
        text: subject,
        line,
        struck: false,
    })
}

/// The subject a `Subject:` line gives, when it gives one.
fn subject_of(text: &str) -> Option<&str> {
    let mut subject = after_any(text.trim_start(), SUBJECT_LABELS)?;
    while let Some(rest) = after_any(subject, REPLY_PREFIXES) {
        subject = rest;
    }
    (!subject.is_empty()).then_some(subject)
}

/// `text` after the first of `prefixes` it starts with (in any case).
fn after_any<'t>(text: &'t str, prefixes: &[&str]) -> Option<&'t str> {
    prefixes.iter().find_map(|prefix| {
        let head = text.get(..prefix.len())?;
        head.eq_ignore_ascii_case(prefix)
            .then(|| text[prefix.len()..].trim_start())
    })
}

/// Whether a bold line is a sentence set in bold, not a heading: it ends
/// with a full stop and has more than three words (corpus 24's `**24 of
/// 30 phases complete across 7 milestones. v5.0 in progress.**` over its
/// progress table). Headings end without one (`**raylib 7.0**`,
/// `**Files Created:**`).
fn is_sentence(text: &str) -> bool {
    text.trim_end().ends_with('.') && text.split_whitespace().nth(3).is_some()
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The lines of a heading or cell as one line of text.
fn join_lines(lines: Vec<TextLine>) -> String {
    if lines.len() == 1 {
        // Its one line is trimmed already.
        return lines.into_iter().next().map(|l| l.text).unwrap_or_default();
    }
    lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document's links to its own headings, checked against the
    /// slugs the source view gives them: the title, a heading written over
    /// two lines, one given twice, one in code; not a bold line.
    #[test]
    fn links_to_headings_the_document_lacks_are_found() {
        let text = "# Plan\n\n[a](#plan) [b](#phase-un-deux) [c](#notes-1) [d](#the-api) \
                    [e](#%C3%A9tat) [f](#workflows-dev) [g](#bold)\n\n\
                    Phase un\ndeux\n---\n\n## Notes\n\n## Notes\n\n## The `api`\n\n## État\n\n**Bold**\n\ntext\n";
        let outline = Outline::parse(text);
        let broken: Vec<_> = outline
            .broken_fragment_links()
            .into_iter()
            .map(|(_, f)| f)
            .collect();
        assert_eq!(broken, ["workflows-dev", "bold"]);
        let html =
            crate::render::source::render_document(text, "", crate::render::links::Origin::alone())
                .html;
        for kept in [
            "#h-plan",
            "#h-phase-un-deux",
            "#h-notes-1",
            "#h-the-api",
            "#h-%C3%A9tat",
        ] {
            assert!(html.contains(&format!("href=\"{kept}\"")), "{kept}: {html}");
        }
        assert!(
            !html.contains("#h-workflows-dev") && !html.contains("#h-bold"),
            "{html}"
        );
    }

    #[test]
    fn first_h1_is_the_title_and_h2_are_sections() {
        let outline = Outline::parse("# Suivi\n\n## Phase 1\n\n- [x] a\n\n### Sub\n\n## Phase 2\n");
        assert_eq!(outline.title.as_ref().unwrap().text, "Suivi");
        assert_eq!(outline.sections.len(), 2);
        assert_eq!(outline.sections[0].heading, "Phase 1");
        assert_eq!(outline.sections[0].children[0].heading, "Sub");
        assert_eq!(outline.sections[1].line, 9);
    }

    #[test]
    fn list_items_keep_lines_children_and_raw_boxes() {
        let text =
            "## S\n\n- [x] **Structure** - ✅ COMPLET\n  - sub one\n  - [ ] sub two\n- [ ] b\n";
        let outline = Outline::parse(text);
        let Block::List(items) = &outline.sections[0].blocks[0] else {
            panic!("expected a list");
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].first_line(), "[x] Structure - ✅ COMPLET");
        assert_eq!(items[0].line, 3);
        assert_eq!(items[0].children.len(), 2);
        assert_eq!(items[0].children[1].first_line(), "[ ] sub two");
        assert_eq!(items[0].children[1].line, 5);
        assert_eq!(items[1].first_line(), "[ ] b");
    }

    #[test]
    fn multi_line_items_and_paragraphs_keep_each_line() {
        let text =
            "- first line\n  second line\n\n**Statut :** 🟡 En cours  \n**Durée :** 4 semaines\n";
        let outline = Outline::parse(text);
        let Block::List(items) = &outline.preamble[0] else {
            panic!("expected a list");
        };
        assert_eq!(items[0].lines.len(), 2);
        assert_eq!(items[0].lines[1].line, 2);
        let Block::Paragraph(lines) = &outline.preamble[1] else {
            panic!("expected a paragraph");
        };
        assert_eq!(lines[0].text, "Statut : 🟡 En cours");
        assert_eq!(lines[1].text, "Durée : 4 semaines");
        assert_eq!(lines[1].line, 5);
    }

    /// A badge is read for its words: a line of its own in a paragraph,
    /// its message closing a list item's text or filling a cell; other
    /// images keep their alt text.
    #[test]
    fn badges_are_their_words() {
        let text = "![Progress](https://img.shields.io/badge/progress-60%25-yellow) \
                    ![Status](https://img.shields.io/badge/status-at%20risk-orange)\n\
                    ![CI](https://img.shields.io/github/actions/workflow/status/a/b/ci.yml)\n\n\
                    - Payments API ![](https://img.shields.io/badge/done-green)\n\n\
                    | Lot | Status |\n|---|---|\n| Vault | ![s](https://badgen.net/badge/status/blocked/red) |\n";
        let outline = Outline::parse(text);
        let Block::Paragraph(lines) = &outline.preamble[0] else {
            panic!("expected a paragraph");
        };
        let read: Vec<_> = lines.iter().map(|l| (l.text.as_str(), l.line)).collect();
        assert_eq!(
            read,
            [("progress: 60%", 1), ("status: at risk", 1), ("CI", 2)]
        );
        let Block::List(items) = &outline.preamble[1] else {
            panic!("expected a list");
        };
        assert_eq!(items[0].first_line(), "Payments API — done");
        let Block::Table(table) = &outline.preamble[2] else {
            panic!("expected a table");
        };
        assert_eq!(table.rows[0].cells, ["Vault", "blocked"]);
    }

    #[test]
    fn tables_give_header_and_rows_with_lines() {
        let text = "| Tâche | Statut |\n|---|---|\n| **A** | ✅ |\n| B | 🟡 |\n";
        let outline = Outline::parse(text);
        let Block::Table(table) = &outline.preamble[0] else {
            panic!("expected a table");
        };
        assert_eq!(table.header, vec!["Tâche", "Statut"]);
        assert_eq!(table.rows[0].cells, vec!["A", "✅"]);
        assert_eq!(table.rows[1].line, 4);
    }

    #[test]
    fn code_blocks_keep_lines_and_html_comments_vanish() {
        let text = "```\nPhase 1 [██░] 66%\nTotal [█░░] 33%\n```\n\n<!--\n- [x] hidden\n-->\n";
        let outline = Outline::parse(text);
        assert_eq!(outline.preamble.len(), 1);
        let Block::Code { lines, .. } = &outline.preamble[0] else {
            panic!("expected code");
        };
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].text, "Total [█░░] 33%");
        assert_eq!(lines[1].line, 3);
    }

    /// A `<details>` block's summary heads the list it folds, until
    /// `</details>`; one that folds headings, or only HTML, or sits in a
    /// list item, heads nothing.
    #[test]
    fn a_folded_blocks_summary_heads_its_list() {
        let text = "## Phases\n\n<details>\n<summary>✅ <b>v0.9</b> Hardening &amp; audit</summary>\n\n\
                    - [x] Phase 1\n- [x] Phase 2\n\n</details>\n\n- [ ] Phase 3\n\n\
                    <details>\n<summary>Details</summary>\n\n### Phase 3\n\n- [ ] Spec\n\n</details>\n\n\
                    <details><summary>Logs</summary><pre>ok</pre></details>\n\n\
                    - [ ] Release\n  <details>\n  <summary>Notes</summary>\n\n  - [ ] Changelog\n\n  </details>\n";
        let outline = Outline::parse(text);
        let phases = &outline.sections[0];
        let headings: Vec<(&str, u8, bool)> = (phases.children.iter())
            .map(|s| (s.heading.as_str(), s.level, s.summary))
            .collect();
        assert_eq!(
            headings,
            [
                ("✅ v0.9 Hardening & audit", 3, true),
                ("Phase 3", 3, false)
            ]
        );
        let folded = &phases.children[0];
        assert_eq!((folded.line, folded.pseudo), (4, true));
        let Block::List(entries) = &folded.blocks[0] else {
            panic!("expected the folded list");
        };
        assert_eq!(entries.len(), 2);
        // After `</details>`, `Phase 3` is the section's own again.
        let Block::List(after) = &phases.blocks[0] else {
            panic!("expected the list after the block");
        };
        assert_eq!(after[0].lines[0].text, "[ ] Phase 3");
        // Neither the block of HTML nor the one in a list item opened one.
        assert!(phases.children[1].children.is_empty());
    }

    #[test]
    fn struck_items_and_bold_pseudo_headings() {
        let text = "## Roadmap\n\n**raylib 7.0**\n\n- ~~dropped idea~~\n- kept ~~partly~~\n";
        let outline = Outline::parse(text);
        let pseudo = &outline.sections[0].children[0];
        assert!(pseudo.pseudo);
        assert_eq!(pseudo.heading, "raylib 7.0");
        assert_eq!(pseudo.level, 3);
        let Block::List(items) = &pseudo.blocks[0] else {
            panic!("expected a list");
        };
        assert!(items[0].struck());
        assert!(!items[1].struck());
    }

    #[test]
    fn a_sentence_in_bold_is_no_heading() {
        let text = "# R\n\n## Progress\n\n**24 of 30 phases complete. v5.0 in progress.**\n\n| Phase | Status |\n|---|---|\n| 1. Auth | Complete |\n\n**Phase 2.**\n\n- [ ] x\n";
        let outline = Outline::parse(text);
        let progress = &outline.sections[0];
        // The sentence is a paragraph of the section, the table follows it.
        assert!(matches!(progress.blocks[0], Block::Paragraph(_)));
        assert!(matches!(progress.blocks[1], Block::Table(_)));
        // A short bold line with a full stop is still a heading.
        assert_eq!(progress.children.len(), 1);
        assert_eq!(progress.children[0].heading, "Phase 2.");
    }

    #[test]
    fn an_emails_subject_is_its_title_and_its_short_lines_head_its_lists() {
        let text = "From: Marc\nSubject: Re: [Atlas] Weekly status — week 48\n\n\
                    Hi all,\n\nHighlights\n* Search indexing finished ✅\n\n\
                    Next steps:\n\n* Start beta invitations\n\n\
                    Owner: Priya\n* not a heading\n\nThanks,\nMarc\n";
        let outline = Outline::parse(text);
        let title = outline.title.as_ref().expect("the subject");
        assert_eq!(
            (title.text.as_str(), title.line),
            ("[Atlas] Weekly status — week 48", 2)
        );
        let headings: Vec<_> = outline
            .walk_sections()
            .iter()
            .map(|s| s.heading.as_str())
            .collect();
        assert_eq!(headings, ["Highlights", "Next steps:"]);
        // The sender's line stays; `Hi all,` is no heading.
        let Some(Block::Paragraph(lines)) = outline.preamble.first() else {
            panic!("{:?}", outline.preamble);
        };
        assert_eq!(lines[0].text, "From: Marc");
        // With a `#` heading, a short line over a list stays a paragraph.
        let outline = Outline::parse("# Atlas\n\nHighlights\n* Search ✅\n");
        assert!(outline.sections.is_empty());
    }

    #[test]
    fn consecutive_bold_pseudo_headings_are_siblings() {
        let text = "## Phase 1\n\n**Files Created:**\n- a\n\n**Files Modified:**\n- b\n";
        let outline = Outline::parse(text);
        let phase = &outline.sections[0];
        assert_eq!(phase.children.len(), 2);
        assert_eq!(phase.children[1].heading, "Files Modified:");
        assert_eq!(phase.children[1].level, 3);
    }

    #[test]
    fn lists_deeper_than_the_limit_fold_into_their_last_kept_level() {
        let text = format!("{}[ ] deep\n", "- ".repeat(200));
        let outline = Outline::parse(&text);
        let Block::List(items) = &outline.preamble[0] else {
            panic!("expected a list");
        };
        let mut depth = 1;
        let mut entry = &items[0];
        while let Some(child) = entry.children.first() {
            depth += 1;
            entry = child;
        }
        // The kept levels, then the deeper items as flat children.
        assert_eq!(depth, MAX_LIST_DEPTH + 1);
        assert_eq!(entry.first_line(), "[ ] deep");
    }

    #[test]
    fn blockquoted_lists_are_read() {
        let outline = Outline::parse("> - [x] quoted task\n");
        let Block::List(items) = &outline.preamble[0] else {
            panic!("expected a list");
        };
        assert_eq!(items[0].first_line(), "[x] quoted task");
    }
}
