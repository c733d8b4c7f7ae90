//! The `sitrep` command line: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use sitrep::build::{self, BuildOptions};
use sitrep::model::Level;

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
        /// "Today" for stale and overdue checks (default: SOURCE_DATE_EPOCH, else the system date).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// Absolute URL the site is published at (overrides base_url).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Read every document and print its diagnostics; builds nothing.
    /// Exits 1 if any diagnostic is an error.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
    },
    /// Create a new portal (config.toml and two example documents) in DIR.
    Init {
        /// An empty or missing folder.
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build {
            root,
            output,
            as_of,
            base_url,
            quiet,
        } => {
            let options = BuildOptions {
                root,
                output,
                as_of,
                base_url,
            };
            let report = build::build(&options)?;
            if !quiet {
                println!(
                    "built {} project(s) from {} document(s): {} error(s), {} warning(s) in {:.2}s → {}",
                    report.projects,
                    report.documents,
                    report.errors,
                    report.warnings,
                    report.elapsed.as_secs_f64(),
                    report.output.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { root, as_of } => {
            let options = BuildOptions {
                root,
                as_of,
                ..BuildOptions::default()
            };
            let portal = build::read_portal(&options)?;
            let diagnostics = build::all_diagnostics(&portal.status);
            for d in &diagnostics {
                println!(
                    "{}:{}: {}[{}]: {}",
                    d.source,
                    d.line,
                    d.level.as_str(),
                    d.code,
                    d.message
                );
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.level == Level::Error)
                .count();
            eprintln!(
                "{} error(s), {} warning(s)",
                errors,
                diagnostics.len() - errors
            );
            Ok(if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
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
    }
}
