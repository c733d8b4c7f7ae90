//! Where a document's links lead on the portal's pages: to its own
//! headings, by their GitHub slug behind `h-` ([`heading_url`]), and to the
//! other documents of the portal, wherever each is shown ([`LinkTargets`]),
//! and, with a `source_url`, to the files of `content/` the portal does not
//! show, where they are browsed online; without one, such a link leads
//! nowhere on the site and keeps only its text.
//! The source view ([`super::source`]) asks as it writes each link.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use super::{anchor_prefix, document_anchor, document_page, documents_apart, source};
use crate::config::Config;
use crate::ingest::Content;

/// What a file name must escape to be one segment of a URL's path: a
/// `sprint #2.md` is not `sprint ` with a fragment.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// Where every document of the portal is shown, so that a document's
/// relative link to another one (`[Roadmap](./ROADMAP.md)`) leads to its
/// place in the portal instead of a file the site does not hold.
#[derive(Debug, Default)]
pub struct LinkTargets {
    /// A document's path under `content/` → where it is shown.
    places: HashMap<String, Place>,
    /// Where `content/` is browsed online (the config's `source_url`).
    source_url: Option<url::Url>,
    /// The images under `content/`, by path there: the site holds a copy
    /// of each at `files/<path>` ([`FILES`]).
    images: HashSet<String>,
    /// Whether these are all the files the site shows ([`LinkTargets::new`]),
    /// so that a relative link to any other file leads nowhere on it; not
    /// for a document rendered on its own ([`Origin::alone`]).
    whole_site: bool,
}

/// The folder of the site that holds the copies of `content/`'s images.
pub const FILES: &str = "files";

/// Where one document is shown.
#[derive(Debug)]
struct Place {
    /// The page, from the site's root: `alpha/index.html`, `big/doc-12.html`.
    page: String,
    /// Its place on that page (`doc-2`), or "" for the page's top.
    anchor: String,
    /// The prefix of its anchors there (`d2-`), for a link to a heading.
    prefix: String,
}

impl LinkTargets {
    /// No document placed yet; relative links to any other file lead into
    /// `source_url` (already read by [`crate::config::source_url`]) when
    /// there is one.
    pub fn new(source_url: Option<&str>) -> LinkTargets {
        LinkTargets {
            places: HashMap::new(),
            source_url: source_url.and_then(|url| url::Url::parse(url).ok()),
            images: HashSet::new(),
            whole_site: true,
        }
    }

    /// Records that the site holds a copy of the image at `source` under
    /// `content/`.
    pub fn add_image(&mut self, source: &str) {
        self.images.insert(source.to_string());
    }

    /// Records that the document at `source` is shown on `page` (from the
    /// site's root), at `anchor` ("" for the page's top), its anchors
    /// named after `prefix`.
    pub fn add(&mut self, source: &str, page: String, anchor: String, prefix: String) {
        let place = Place {
            page,
            anchor,
            prefix,
        };
        self.places.insert(source.to_string(), place);
    }

    /// Feeds every place to `hasher`, in path order: a page's links change
    /// when a document is added, moved or removed.
    pub fn hash_into(&self, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        let mut places: Vec<_> = self.places.iter().collect();
        places.sort_unstable_by_key(|(source, _)| source.as_str());
        for (source, place) in places {
            for text in [source, &place.page, &place.anchor, &place.prefix] {
                hasher.update(text.as_bytes());
                hasher.update(&[0]);
            }
        }
        let mut images: Vec<&String> = self.images.iter().collect();
        images.sort_unstable();
        for image in images {
            hasher.update(image.as_bytes());
            hasher.update(&[1]);
        }
    }

    /// Where `url`, a link of the document `from` shows, leads: `None`
    /// for a URL that stays as written (absolute, a fragment alone, or a
    /// relative link with nowhere better to go).
    fn href(&self, from: &Origin, url: &str) -> Option<String> {
        relative_file(url)?;
        self.portal_href(from, url)
            .or_else(|| self.image_src(from, url))
            .or_else(|| self.source_href(from, url))
    }

    /// Whether `url`, a link of the document `from` shows, leads nowhere
    /// on the site: a relative link to a file that is neither a document
    /// nor an image of the portal, with no `source_url` to lead it to. The
    /// page is in its project's folder, never where the document is in
    /// `content/`, so such a link can only meet a missing page.
    fn leads_nowhere(&self, from: &Origin, url: &str) -> bool {
        self.whole_site && relative_file(url).is_some() && self.href(from, url).is_none()
    }

    /// Where an image of the document `from` shows (`![](img/burndown.png)`)
    /// is found: the site's copy of a relative path to an image under
    /// `content/`; `None` for any other URL, which stays as written.
    fn image_src(&self, from: &Origin, url: &str) -> Option<String> {
        if self.images.is_empty() {
            return None;
        }
        let (path, _) = relative_file(url)?;
        let source = resolve(from.source, path)?;
        if !self.images.contains(&source) {
            return None;
        }
        let copy = format!("{FILES}/{}", encode_path(&source));
        Some(relative_page(from.page, &copy))
    }

    /// A relative link to a document of the portal (percent-escapes
    /// decoded, `.` and `..` followed, never above `content/`): that
    /// document's place, relative to `from`'s page; its fragment, a heading
    /// there (`ROADMAP.md#risques` → `…#h-risques`).
    fn portal_href(&self, from: &Origin, url: &str) -> Option<String> {
        if self.places.is_empty() {
            return None;
        }
        let (path, fragment) = relative_file(url)?;
        let place = self.places.get(&resolve(from.source, path)?)?;
        let mut href = relative_page(from.page, &place.page);
        if !fragment.is_empty() {
            href.push_str(&heading_url(&place.prefix, fragment));
        } else if !place.anchor.is_empty() {
            href.push('#');
            href.push_str(&place.anchor);
        }
        Some(href)
    }

    /// Any other relative link, with a `source_url`: the file where it is
    /// browsed online, resolved from the linking document's own URL there
    /// as a browser would (`../spec/api.md` may leave `content/`'s folder,
    /// as it does in the repository).
    fn source_href(&self, from: &Origin, url: &str) -> Option<String> {
        let document = self
            .source_url
            .as_ref()?
            .join(&encode_path(from.source))
            .ok()?;
        Some(document.join(url).ok()?.into())
    }
}

/// The file a relative link names and its fragment (`plan.md?plain=1#risques`
/// → `plan.md`, `risques`); `None` for a URL that names no file beside the
/// document: empty, a fragment alone, from the site's root, or with a
/// scheme (`https:`, `mailto:`).
fn relative_file(url: &str) -> Option<(&str, &str)> {
    if url.is_empty() || url.starts_with(['/', '#']) || url.contains(':') {
        return None;
    }
    let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
    let path = path.split_once('?').map_or(path, |(path, _)| path);
    Some((path, fragment))
}

/// The path under `content/` that `path`, relative to the document at
/// `source`, names: percent-escapes decoded, `.` and `..` followed; `None`
/// above `content/`.
fn resolve(source: &str, path: &str) -> Option<String> {
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let folder = source.rsplit_once('/').map_or("", |(folder, _)| folder);
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// A path under `content/` as the path of a URL, each name escaped.
fn encode_path(path: &str) -> String {
    let parts: Vec<String> = path
        .split('/')
        .map(|part| utf8_percent_encode(part, SEGMENT).to_string())
        .collect();
    parts.join("/")
}

/// The URL of page `to` from page `from`, both from the site's root.
fn relative_page(from: &str, to: &str) -> String {
    let from_folder = from.rsplit_once('/').map_or("", |(folder, _)| folder);
    let (to_folder, file) = to.rsplit_once('/').unwrap_or(("", to));
    if from_folder == to_folder {
        return file.to_string();
    }
    let up = from_folder.split('/').filter(|p| !p.is_empty()).count();
    "../".repeat(up) + to
}

/// The document being rendered, for its relative links: its path under
/// `content/`, the page that shows it (from the site's root), and where
/// the portal's other documents are.
#[derive(Clone, Copy)]
pub struct Origin<'a> {
    pub source: &'a str,
    pub page: &'a str,
    pub targets: &'a LinkTargets,
}

impl Origin<'_> {
    /// Where `url`, a relative link of this document, leads in the portal
    /// ([`LinkTargets`]); `None` for a URL that stays as written.
    pub(super) fn href(&self, url: &str) -> Option<String> {
        self.targets.href(self, url)
    }

    /// Whether a link of this document to `url` leads nowhere on the site
    /// ([`LinkTargets::leads_nowhere`]).
    pub fn leads_nowhere(&self, url: &str) -> bool {
        self.targets.leads_nowhere(self, url)
    }

    /// Where an image of this document at `url` is found on the site: its
    /// copy under `files/`; `None` for a URL that stays as written.
    pub(super) fn image_src(&self, url: &str) -> Option<String> {
        self.targets.image_src(self, url)
    }

    /// A document rendered on its own: its relative links stay as written.
    pub fn alone() -> Origin<'static> {
        static NONE: LazyLock<LinkTargets> = LazyLock::new(LinkTargets::default);
        Origin {
            source: "",
            page: "",
            targets: &NONE,
        }
    }
}

/// The URL of the heading a document names `#fragment` on the page where
/// its anchors start with `prefix`.
pub(super) fn heading_url(prefix: &str, fragment: &str) -> String {
    format!("#{prefix}h-{fragment}")
}

/// A link of a document that leads nowhere on the site (a file the portal
/// does not hold, and no `source_url`): `sitrep check` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkNowhere {
    /// The document's path under `content/`.
    pub source: String,
    pub line: usize,
    pub url: String,
}

/// Every link of the portal's documents (its introduction included) that
/// leads nowhere on the site, in path and line order.
pub fn links_leading_nowhere(content: &Content, config: &Config) -> Vec<LinkNowhere> {
    let targets = link_targets(content, config);
    let documents =
        (content.intro.iter()).chain(content.projects.iter().flat_map(|p| p.documents.iter()));
    let mut found: Vec<LinkNowhere> = documents
        .flat_map(|document| {
            // Whether a link leads nowhere depends on the document's place
            // in `content/`, not on the page that shows it.
            let origin = Origin {
                source: &document.source,
                page: "index.html",
                targets: &targets,
            };
            source::links_leading_nowhere(&document.text, origin)
                .into_iter()
                .map(|(line, url)| LinkNowhere {
                    source: document.source.clone(),
                    line,
                    url,
                })
        })
        .collect();
    found.sort_by(|a, b| (&a.source, a.line).cmp(&(&b.source, b.line)));
    found
}

/// Where each document of the portal is shown: a project of at most
/// [`DOCUMENTS_ON_PAGE`](super::DOCUMENTS_ON_PAGE) documents shows each on its page (`#doc-2`), a
/// larger one on its own page (`doc-12.html`). Images lead to the site's
/// copies; links to other files into the config's `source_url`, if any.
pub(super) fn link_targets(content: &Content, config: &Config) -> LinkTargets {
    let mut targets = LinkTargets::new(config.source_url.as_deref());
    for image in &content.images {
        targets.add_image(&image.source);
    }
    for project in &content.projects {
        let apart = documents_apart(project.documents.len());
        for (place, document) in project.documents.iter().enumerate() {
            let (page, anchor) = if apart {
                (document_page(place), String::new())
            } else {
                ("index.html".to_string(), document_anchor(place))
            };
            let page = format!("{}/{page}", project.slug);
            targets.add(&document.source, page, anchor, anchor_prefix(place));
        }
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_to_the_portal_s_documents_lead_to_their_pages() {
        let mut targets = LinkTargets::new(None);
        targets.add(
            "roadmap.md",
            "roadmap/index.html".into(),
            "doc-1".into(),
            "".into(),
        );
        targets.add(
            "team/index.md",
            "team/index.html".into(),
            "doc-1".into(),
            "".into(),
        );
        targets.add(
            "team/sprint 2.md",
            "team/index.html".into(),
            "doc-2".into(),
            "d2-".into(),
        );
        targets.add(
            "big/lot-12.md",
            "big/doc-12.html".into(),
            "".into(),
            "d12-".into(),
        );
        let from = |source, page| Origin {
            source,
            page,
            targets: &targets,
        };
        let href = |origin: Origin, url: &str| origin.href(url);
        let team = from("team/index.md", "team/index.html");
        // The same page, another page, a heading there, a page of its own.
        assert_eq!(
            href(team, "sprint%202.md").as_deref(),
            Some("index.html#doc-2")
        );
        assert_eq!(
            href(team, "./sprint%202.md#risques").as_deref(),
            Some("index.html#d2-h-risques")
        );
        assert_eq!(
            href(team, "../roadmap.md").as_deref(),
            Some("../roadmap/index.html#doc-1")
        );
        assert_eq!(
            href(team, "../big/./lot-12.md?plain=1").as_deref(),
            Some("../big/doc-12.html")
        );
        let lot = from("big/lot-12.md", "big/doc-12.html");
        assert_eq!(
            href(lot, "../team/index.md#équipe").as_deref(),
            Some("../team/index.html#h-équipe")
        );
        // The portal's introduction, on the root page.
        let intro = from("_index.md", "index.html");
        assert_eq!(
            href(intro, "team/index.md").as_deref(),
            Some("team/index.html#doc-1")
        );
        // Not a document of the portal: no place in it.
        for url in [
            "../docs/ARCH.md",
            "../../roadmap.md",
            "/roadmap.md",
            "https://x.org/roadmap.md",
            "#notes",
            "mailto:a@b.c",
        ] {
            assert_eq!(href(team, url), None, "{url}");
        }
        // Of those, the relative links to files lead nowhere on the site
        // (there is no `source_url`); the others stay as written.
        let nowhere = |url: &str| team.leads_nowhere(url);
        assert!(nowhere("../docs/ARCH.md") && nowhere("../../roadmap.md"));
        assert!(nowhere("missing.md#risques") && nowhere("img/gone.png"));
        for url in [
            "/roadmap.md",
            "https://x.org/a.md",
            "#notes",
            "mailto:a@b.c",
            "",
            "../roadmap.md",
        ] {
            assert!(!nowhere(url), "{url}");
        }
        // A document rendered on its own knows no site: nothing leads nowhere.
        assert!(!Origin::alone().leads_nowhere("../docs/ARCH.md"));
        // On the page, through the document's rendering: the link to a
        // missing file keeps its text, without a URL; an e-mail autolink
        // (no `:` in its destination) is still a link.
        let html = crate::render::source::render_document(
            "[Roadmap](../roadmap.md) [Arch](../docs/ARCH.md) <ana@example.org>\n",
            "",
            team,
        )
        .html;
        assert!(
            html.contains("<a href=\"../roadmap/index.html#doc-1\""),
            "{html}"
        );
        assert!(
            html.contains("<a rel=\"noopener noreferrer\">Arch</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"mailto:ana@example.org\""),
            "{html}"
        );
    }

    #[test]
    fn other_relative_links_lead_into_the_source_url() {
        let url =
            crate::config::source_url("https://github.com/org/repo/blob/main/status").unwrap();
        let mut targets = LinkTargets::new(Some(&url));
        targets.add(
            "team/index.md",
            "team/index.html".into(),
            "doc-1".into(),
            "".into(),
        );
        let from = |source| Origin {
            source,
            page: "team/index.html",
            targets: &targets,
        };
        let team = from("team/index.md");
        let blob = "https://github.com/org/repo/blob/main";
        // A document of the portal still leads to its place.
        assert_eq!(team.href("index.md").as_deref(), Some("index.html#doc-1"));
        // Any other file: where the repository shows it, resolved from the
        // linking document's folder, its query and fragment kept; `..` may
        // leave the portal's folder, as in the repository.
        assert_eq!(
            team.href("./plan.md#risques").as_deref(),
            Some(format!("{blob}/status/team/plan.md#risques").as_str())
        );
        assert_eq!(
            team.href("../../specification/api.md?plain=1").as_deref(),
            Some(format!("{blob}/specification/api.md?plain=1").as_str())
        );
        assert_eq!(
            team.href("img/burn%20down.png").as_deref(),
            Some(format!("{blob}/status/team/img/burn%20down.png").as_str())
        );
        // A document whose name must be escaped to be part of a URL.
        assert_eq!(
            from("team/sprint #2 (100%).md")
                .href("notes.txt")
                .as_deref(),
            Some(format!("{blob}/status/team/notes.txt").as_str())
        );
        assert_eq!(
            from("sprint #2.md").href("#top"),
            None,
            "a fragment alone is a heading of the document"
        );
        for url in ["", "/roadmap.md", "https://x.org/a.md", "mailto:a@b.c"] {
            assert_eq!(team.href(url), None, "{url}");
        }
    }

    #[test]
    fn images_under_content_lead_to_their_copies() {
        let mut targets = LinkTargets::new(None);
        targets.add_image("team/img/burn down.png");
        targets.add_image("logo.png");
        targets.add_image("team/sprint #2.png");
        let team = Origin {
            source: "team/index.md",
            page: "team/index.html",
            targets: &targets,
        };
        let intro = Origin {
            source: "_index.md",
            page: "index.html",
            targets: &targets,
        };
        assert_eq!(
            team.image_src("img/burn%20down.png").as_deref(),
            Some("../files/team/img/burn%20down.png")
        );
        assert_eq!(
            team.image_src("./img/burn down.png?v=2#top").as_deref(),
            Some("../files/team/img/burn%20down.png")
        );
        assert_eq!(
            team.image_src("../logo.png").as_deref(),
            Some("../files/logo.png")
        );
        assert_eq!(
            team.image_src("sprint%20%232.png").as_deref(),
            Some("../files/team/sprint%20%232.png")
        );
        assert_eq!(
            intro.image_src("logo.png").as_deref(),
            Some("files/logo.png")
        );
        // A link to an image leads to its copy too.
        assert_eq!(
            team.href("../logo.png").as_deref(),
            Some("../files/logo.png")
        );
        // Not a copied image: as written.
        for url in [
            "img/missing.png",
            "../../logo.png",
            "/logo.png",
            "https://x.org/logo.png",
        ] {
            assert_eq!(team.image_src(url), None, "{url}");
        }
    }
}
