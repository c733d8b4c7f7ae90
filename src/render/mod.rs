//! Render: the portfolio laid out as pages, in memory. Templates only lay
//! out the model; every number is decided before this stage.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::ingest::Content;
use crate::model::PortfolioStatus;

/// The rendered site: output-relative paths (`/`-separated) to file bytes.
#[derive(Debug, Default)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Renders every page of the portal.
pub fn render(
    portfolio: &PortfolioStatus,
    content: &Content,
    config: &Config,
) -> anyhow::Result<Site> {
    let _ = (content, config);
    let mut site = Site::default();
    let json = serde_json::to_string_pretty(portfolio)? + "\n";
    site.files
        .insert("status.json".to_string(), json.into_bytes());
    let mut index = String::from("<!doctype html><html><head><meta charset=\"utf-8\"><title>");
    index.push_str(&escape(&portfolio.title));
    index.push_str("</title></head><body><ul>");
    for project in &portfolio.projects {
        index.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>",
            escape(&project.url),
            escape(&project.name)
        ));
        let page = format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>{0}</title></head><body><h1>{0}</h1></body></html>",
            escape(&project.title)
        );
        site.files
            .insert(format!("{}/index.html", project.slug), page.into_bytes());
    }
    index.push_str("</ul></body></html>");
    site.files
        .insert("index.html".to_string(), index.into_bytes());
    Ok(site)
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
