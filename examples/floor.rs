//! The floor: the least work any static site generator must do for a folder
//! of markdown, done the obvious fast way. sitrep's build is compared
//! against it (the issue's target: at most 2× the floor, same minify
//! setting).
//!
//! ```text
//! cargo run --release --example floor -- --input DIR/content --output OUT [--no-minify]
//! ```
//!
//! With rayon over files: read → pulldown-cmark to HTML → a tera page
//! template → minify-html → `OUT/<path without extension>/index.html`, plus
//! an `OUT/index.html` listing the pages. No decoding repair, no
//! extraction, no status: what is left over is sitrep's own cost.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Parser as _;
use pulldown_cmark::{html, Options, Parser};
use rayon::prelude::*;
use tera::Tera;

#[derive(clap::Parser)]
#[command(about = "Markdown folder → minified HTML pages, as fast as plainly possible")]
struct Args {
    /// The folder of markdown documents (a portal's content/).
    #[arg(long)]
    input: PathBuf,
    /// Where the pages go.
    #[arg(long)]
    output: PathBuf,
    /// Skip minify-html (compare with sitrep's `minify = false`).
    #[arg(long)]
    no_minify: bool,
}

/// A realistic page: head with inline CSS, navigation, header, content, footer.
const PAGE_TEMPLATE: &str = r#"<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ title }} — {{ site_title }}</title>
  <meta name="description" content="Status of {{ title }}">
  <style>
    :root { --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --accent: #0969da; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --accent: #4493f8; }
    }
    body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
    header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
    nav a { color: var(--accent); margin-right: 1rem; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid var(--muted); padding: .25rem .5rem; text-align: left; }
    pre { overflow-x: auto; padding: .5rem; background: rgba(128, 128, 128, .1); }
    footer { color: var(--muted); font-size: .875rem; }
  </style>
</head>
<body>
  <header>
    <nav aria-label="Site">
      <a href="{{ root }}index.html">{{ site_title }}</a>
      <a href="{{ root }}status.json">status.json</a>
    </nav>
    <h1>{{ title }}</h1>
    <p class="source">Source : <code>{{ source }}</code></p>
  </header>
  <main>
    <article>
      {{ body | safe }}
    </article>
  </main>
  <footer>
    <p>Généré à partir de {{ source }} — {{ site_title }}</p>
  </footer>
</body>
</html>
"#;

const INDEX_TEMPLATE: &str = r#"<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>{{ site_title }}</title></head>
<body>
  <h1>{{ site_title }}</h1>
  <ul>
  {% for page in pages %}<li><a href="{{ page }}/index.html">{{ page }}</a></li>
  {% endfor %}</ul>
</body>
</html>
"#;

const SITE_TITLE: &str = "Portefeuille";

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut tera = Tera::default();
    tera.add_raw_template("page.html", PAGE_TEMPLATE)?;
    tera.add_raw_template("index.html", INDEX_TEMPLATE)?;
    let documents = markdown_files(&args.input);
    let minify = (!args.no_minify).then(|| minify_html::Cfg {
        minify_css: true,
        ..minify_html::Cfg::new()
    });
    let pages: Vec<String> = documents
        .par_iter()
        .map(|path| render_page(&tera, &args, path, minify.as_ref()))
        .collect::<anyhow::Result<_>>()?;
    let mut context = tera::Context::new();
    context.insert("site_title", SITE_TITLE);
    context.insert("pages", &pages);
    let index = tera.render("index.html", &context)?;
    write(
        &args.output.join("index.html"),
        index.into_bytes(),
        minify.as_ref(),
    )?;
    println!("{} pages → {}", pages.len(), args.output.display());
    Ok(())
}

/// Every `.md` file under `input`, in path order.
fn markdown_files(input: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(input)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| entry.into_path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    files
}

/// Renders one document; returns its page folder (`team/roadmap`).
fn render_page(
    tera: &Tera,
    args: &Args,
    path: &Path,
    minify: Option<&minify_html::Cfg>,
) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let mut body = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut body, Parser::new_ext(&text, Options::ENABLE_TABLES));
    let relative = path.strip_prefix(&args.input).unwrap_or(path);
    let page = relative
        .with_extension("")
        .to_string_lossy()
        .replace('\\', "/");
    let depth = page.matches('/').count() + 1;
    let mut context = tera::Context::new();
    context.insert("site_title", SITE_TITLE);
    context.insert("title", first_heading(&text).unwrap_or(&page));
    context.insert("source", &relative.to_string_lossy());
    context.insert("root", &"../".repeat(depth));
    context.insert("body", &body);
    let html = tera.render("page.html", &context)?;
    write(
        &args.output.join(&page).join("index.html"),
        html.into_bytes(),
        minify,
    )?;
    Ok(page)
}

/// The text of the first `# ` line, as a page title.
fn first_heading(text: &str) -> Option<&str> {
    text.lines()
        .find_map(|line| line.strip_prefix("# "))
        .map(str::trim)
}

fn write(path: &Path, html: Vec<u8>, minify: Option<&minify_html::Cfg>) -> anyhow::Result<()> {
    let bytes = match minify {
        Some(cfg) => minify_html::minify(&html, cfg),
        None => html,
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}
