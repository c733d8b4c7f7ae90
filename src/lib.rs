//! sitrep: a static site generator for project status portals.
//!
//! The pipeline runs one way (`DESIGN.md`):
//! `ingest` (bytes → [`ingest::Document`]) → `extract` (one document →
//! [`model::DocumentStatus`]) → `portfolio` (documents → projects, rollups,
//! health) → `render` (portfolio → pages in memory) → `output` (pages →
//! `public/`, atomically). Only the first stage reads files and only the last
//! writes them.

// The documentation is for the people who work on sitrep, and is built
// with `cargo doc --document-private-items` (`.ci/run`): a public item's
// doc may point to the private helper that explains it.
#![allow(rustdoc::private_intra_doc_links)]

pub mod ascii;
pub mod build;
pub mod cache;
pub mod config;
pub mod cpu;
pub mod diagnostics;
pub mod extract;
pub mod feed;
pub mod history;
pub mod i18n;
pub mod ingest;
pub mod init;
pub mod lines;
pub mod memo;
pub mod messages;
pub mod model;
pub mod output;
pub mod portfolio;
pub mod render;
pub mod serve;
pub mod slugs;
pub mod snapshot;
