//! The `sitrep` command line: parses arguments and calls the library.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget};

use sitrep::build::{self, BuildOptions};
use sitrep::config::Language;
use sitrep::diagnostics;
use sitrep::model::Level;
use sitrep::serve::{self, ServeOptions};
use sitrep::snapshot::{self, Every, SnapshotOptions};

/// mimalloc instead of the system allocator: a build is millions of small
/// strings made and dropped on every thread, where glibc's malloc spent
/// about a third of the CPU time (BENCHMARKS.md).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Build a project status portal from the tracking documents your teams already write.
#[derive(Parser)]
#[command(name = "sitrep", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the portal into the output folder (default: <root>/public).
    Build {
        /// Folder holding config.toml and content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder (default: output_dir from config.toml, else <root>/public).
        #[arg(long)]
        output: Option<PathBuf>,
        /// "Today" for stale and overdue checks (default: as_of in config.toml, else SOURCE_DATE_EPOCH, else the system date).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// Absolute URL the site is published at (overrides base_url).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Where the files of content/ are browsed online (overrides source_url): relative links to files the portal does not show lead there.
        #[arg(long, value_name = "URL", value_parser = sitrep::config::source_url)]
        source_url: Option<String>,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
        /// Print the time of each stage and of each template.
        #[arg(long, short)]
        verbose: bool,
        /// Extract every document and render every page again: neither read nor write .sitrep-cache/.
        #[arg(long)]
        no_cache: bool,
    },
    /// Read every document and print its diagnostics; builds nothing.
    /// Exits 1 if any diagnostic is an error.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// human: like a compiler; short: one line each; json: for scripts;
        /// github: workflow annotations. Under GitHub Actions, annotations are
        /// printed too whatever the format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Build, serve the portal on http://127.0.0.1:1111/, and rebuild and
    /// reload open pages on every change.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; loopback unless told otherwise.
        #[arg(long, default_value = "127.0.0.1")]
        interface: IpAddr,
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// Open the portal in a browser.
        #[arg(long)]
        open: bool,
        /// After each rebuild, print the time of each stage.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Record the portfolio as it is now into snapshots/<label>/ (data and
    /// an archived copy of the site), then rebuild the portal.
    Snapshot {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Default: the ISO week of the as-of date, e.g. 2026-W47.
        #[arg(long)]
        label: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// Replace a snapshot that has the same label.
        #[arg(long)]
        force: bool,
        /// Also write snapshots/<label>.tar.gz of the archived site.
        #[arg(long)]
        archive: bool,
        /// Rebuild past snapshots from the git history of content/ instead.
        #[arg(long)]
        from_git: bool,
        /// With --from-git: only commits since this date.
        #[arg(long, value_name = "YYYY-MM-DD", requires = "from_git")]
        since: Option<NaiveDate>,
        /// With --from-git: one snapshot per week, per two-week sprint, or per commit.
        #[arg(long, value_enum, default_value_t = EveryArg::Week, requires = "from_git")]
        every: EveryArg,
    },
    /// Create a new portal (config.toml and two example documents) in DIR.
    Init {
        /// An empty or missing folder.
        dir: PathBuf,
    },
    /// Write a starter tracking document into content/ that uses every
    /// structure sitrep reads.
    New {
        /// The project's name, e.g. "Refonte du portail".
        name: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value_t = Lang::En)]
        lang: Lang,
    },
    /// Print a shell completion script (bash, zsh, fish, ...).
    Completions { shell: clap_complete::Shell },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Short,
    Json,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum EveryArg {
    Week,
    Sprint,
    Commit,
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    En,
    Fr,
    Es,
    It,
    De,
}

impl Lang {
    fn language(self) -> Language {
        match self {
            Lang::En => Language::En,
            Lang::Fr => Language::Fr,
            Lang::Es => Language::Es,
            Lang::It => Language::It,
            Lang::De => Language::De,
        }
    }
}

/// Stack of the threads that read and render documents. Markdown nests
/// without limit (10,000 `>` on one line is a valid document) and the
/// parsers and sanitiser below recurse on nesting; a large reserved stack
/// (address space, not memory) keeps any document from crashing the build.
const STACK_BYTES: usize = 1 << 30;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_BYTES / 4)
        .build_global();
    let worker = std::thread::Builder::new()
        .name("sitrep".to_string())
        .stack_size(STACK_BYTES)
        .spawn(move || match run(cli) {
            Ok(code) => code,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::from(2)
            }
        });
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("error: sitrep stopped unexpectedly");
            ExitCode::from(2)
        }
    }
}

/// Turns transparent huge pages off for this process. The kernel zeroes a
/// whole 2 MB page on the first touch of any byte of it: a fifth of a
/// `serve` rebuild's CPU went to that, and `serve` held 3.0 GB at 10,000
/// documents where it holds 2.3 GB without them (BENCHMARKS.md). A cold
/// `build` showed no gain, so only `serve` calls this.
fn without_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build {
            root,
            output,
            as_of,
            base_url,
            source_url,
            quiet,
            verbose,
            no_cache,
        } => {
            let options = BuildOptions {
                root,
                output,
                as_of,
                base_url,
                source_url,
                no_cache,
            };
            build_command(&options, quiet, verbose)
        }
        Command::Check {
            root,
            as_of,
            format,
        } => {
            let options = BuildOptions {
                root,
                as_of,
                ..BuildOptions::default()
            };
            check_command(&options, format)
        }
        Command::Serve {
            root,
            port,
            interface,
            as_of,
            open,
            verbose,
        } => {
            without_huge_pages();
            serve::serve(ServeOptions {
                build: BuildOptions {
                    root,
                    as_of,
                    ..BuildOptions::default()
                },
                interface,
                port,
                open,
                verbose,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Snapshot {
            root,
            label,
            as_of,
            force,
            archive,
            from_git,
            since,
            every,
        } => {
            let options = SnapshotOptions {
                root: root.clone(),
                label,
                as_of,
                force,
                archive,
            };
            if from_git {
                let every = match every {
                    EveryArg::Week => Every::Week,
                    EveryArg::Sprint => Every::Sprint,
                    EveryArg::Commit => Every::Commit,
                };
                let labels = snapshot::from_git(&options, since, every)?;
                println!(
                    "recorded {} snapshot(s) from git: {}",
                    labels.len(),
                    labels.join(", ")
                );
            } else {
                let label = snapshot::take(&options)?;
                println!("recorded snapshot {label}");
            }
            let build_options = BuildOptions {
                root,
                as_of,
                ..BuildOptions::default()
            };
            build_command(&build_options, false, false)
        }
        Command::Init { dir } => {
            sitrep::init::init(&dir)?;
            println!(
                "created a portal in {}: edit content/, then run `sitrep build --root {}`",
                dir.display(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::New { name, root, lang } => {
            let today = chrono::Local::now().date_naive();
            let path = sitrep::init::new_document(&root, &name, lang.language(), today)?;
            println!("wrote {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "sitrep", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn build_command(options: &BuildOptions, quiet: bool, verbose: bool) -> anyhow::Result<ExitCode> {
    let spinner = delayed_spinner(!quiet && std::io::stderr().is_terminal());
    sitrep::cpu::measure(verbose);
    let result = build::build_and_keep(options);
    spinner.finish_and_clear();
    let (report, portal) = result?;
    let content_dir = options.root.join("content");
    eprint!(
        "{}",
        diagnostics::named_errors(&report.errors, &content_dir)
    );
    // The command ends here: its memory goes back to the system whole.
    std::mem::forget(portal);
    if verbose {
        print_times(&report);
    }
    if !quiet {
        let listed = if report.warnings > 0 {
            " (`sitrep check` lists them)"
        } else {
            ""
        };
        println!(
            "built {} project(s) from {} document(s): {} error(s), {} warning(s){listed} in {:.2}s → {}",
            report.projects,
            report.documents,
            report.errors.len(),
            report.warnings,
            report.elapsed.as_secs_f64(),
            report.output.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `--verbose`: the wall time of each stage, then what reading, rendering
/// and writing did (CPU times summed over threads).
fn print_times(report: &build::BuildReport) {
    let ms = |time: &Duration| time.as_secs_f64() * 1000.0;
    for (stage, time, peak) in &report.stages {
        let peak = peak.map_or(String::new(), |bytes| {
            format!(", peak memory {:.0} MB", bytes as f64 / 1e6)
        });
        eprintln!("{stage:>10}: {:>8.1} ms{peak}", ms(time));
    }
    let reading = &report.reading;
    eprintln!(
        "documents: {} extracted, {} from the cache ({} not read: same file as the last build); {} project(s) from the cache as assembled; decode {:.1} ms, extract {:.1} ms (CPU, all threads)",
        reading.extracted,
        reading.cached,
        reading.unread,
        reading.projects_cached,
        ms(&reading.decode_cpu),
        ms(&reading.extract_cpu)
    );
    eprintln!("templates (CPU, all threads):");
    for (name, (time, pages)) in &report.templates.by_name {
        let label = format!("{name}:");
        eprintln!("  {label:<36} {:>9.1} ms, {pages} page(s)", ms(time));
    }
    eprintln!(
        "project pages: {} kept from the previous build (same inputs), not rendered",
        report.templates.kept
    );
    eprintln!(
        "status.json: {} project part(s) copied from the previous build (same inputs), not serialised",
        report.templates.parts_copied
    );
    eprintln!(
        "files: {} written, {} unchanged (kept from the previous builds)",
        report.writes.written, report.writes.unchanged
    );
}

/// A spinner that appears only once a build has taken more than a second.
fn delayed_spinner(enabled: bool) -> ProgressBar {
    let spinner = ProgressBar::hidden();
    if enabled {
        let shown = spinner.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(1));
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.set_message("building…");
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
    }
    spinner
}

/// For `check`: the links that lead nowhere on the site (files the portal
/// does not hold, with no `source_url`), the first of each document with
/// its line, and how to lead them somewhere; "" when there is none. A hint,
/// not a diagnostic: the document is not wrong, the site lacks the file.
fn links_hint(portal: &build::Portal, content_dir: &str) -> String {
    let found = sitrep::render::links_leading_nowhere(&portal.content, &portal.config);
    if found.is_empty() {
        return String::new();
    }
    let mut by_document: Vec<(&sitrep::render::LinkNowhere, usize)> = Vec::new();
    for link in &found {
        match by_document.last_mut() {
            Some((first, count)) if first.source == link.source => *count += 1,
            _ => by_document.push((link, 1)),
        }
    }
    let mut hint = format!(
        "hint: {} link(s) in {} document(s) lead to files the portal does not hold; \
         their pages show the links' text without a URL:\n",
        found.len(),
        by_document.len()
    );
    for (first, count) in by_document {
        let path = Path::new(content_dir).join(&first.source);
        let more = match count {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        let _ = writeln!(
            hint,
            "  {}:{}: {}{more}",
            path.display(),
            first.line,
            first.url
        );
    }
    hint.push_str(
        "  set `source_url` in config.toml to where content/'s files are browsed online \
         (https://github.com/org/repo/blob/main/content/) and they lead there\n",
    );
    hint
}

fn check_command(options: &BuildOptions, format: Format) -> anyhow::Result<ExitCode> {
    let portal = build::read_portal(options)?;
    let all = build::all_diagnostics(&portal.status);
    let content_dir = options.root.join("content").to_string_lossy().into_owned();
    let located = diagnostics::locate(&all, &portal.content, &content_dir);
    let text = match format {
        Format::Human => diagnostics::human(&located, std::io::stdout().is_terminal()),
        Format::Short => diagnostics::short(&located),
        Format::Json => diagnostics::json(&located),
        Format::Github => diagnostics::github(&located),
    };
    print!("{text}");
    let under_actions = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
    if under_actions && !matches!(format, Format::Github) {
        print!("{}", diagnostics::github(&located));
    }
    let errors = all.iter().filter(|d| d.level == Level::Error).count();
    eprintln!("{} error(s), {} warning(s)", errors, all.len() - errors);
    eprint!("{}", links_hint(&portal, &content_dir));
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
