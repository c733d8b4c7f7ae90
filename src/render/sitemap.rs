//! What crawlers read: `robots.txt` always, and with a `base_url` the
//! `sitemap.xml` it points to (a sitemap needs absolute URLs).

use super::{document_page, documents_apart, escape, SECTIONS};
use crate::config::Config;
use crate::model::PortfolioStatus;

/// `base_url` with exactly one trailing slash, if set.
pub(super) fn base_url(config: &Config) -> Option<String> {
    config
        .base_url
        .as_deref()
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .map(|url| format!("{}/", url.trim_end_matches('/')))
}

pub(super) fn robots(base_url: Option<&str>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = base_url {
        text.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    text
}

/// Every section page, the further pages of its lists (`more_pages`), and
/// every project page.
pub(super) fn sitemap(base: &str, portfolio: &PortfolioStatus, more_pages: &[String]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let lastmod = portfolio.as_of.format("%Y-%m-%d").to_string();
    let paths = SECTIONS
        .iter()
        .map(|(folder, _)| folder.to_string())
        .chain(
            more_pages
                .iter()
                .map(|path| path.trim_end_matches("index.html").to_string()),
        )
        .chain(portfolio.projects.iter().flat_map(|p| {
            let documents = if documents_apart(p.sources.len()) {
                p.sources.len()
            } else {
                0
            };
            std::iter::once(format!("{}/", p.slug))
                .chain((0..documents).map(|place| format!("{}/{}", p.slug, document_page(place))))
        }));
    for path in paths {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{lastmod}</lastmod></url>\n",
            escape(&format!("{base}{path}"))
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_gets_one_trailing_slash() {
        let config = Config {
            base_url: Some("https://org.github.io/portal".into()),
            ..Config::default()
        };
        assert_eq!(
            base_url(&config).as_deref(),
            Some("https://org.github.io/portal/")
        );
    }
}
