//! `sitrep serve`: build, serve over HTTP, rebuild on every change and reload
//! open pages.
//!
//! The site is served from memory, never from disk, so a request can only
//! ever reach a page the build produced: `/../`, `%2e%2e`, absolute paths and
//! symlinks have nothing to reach. A failed rebuild keeps the last good site
//! and shows the error over every page until the next good build. The reload
//! script is served at `__sitrep/live.js` and linked with a relative URL, so
//! live reload works behind a proxy and under a sub-path; `build` output
//! never contains it.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use anyhow::{bail, Context as _};
use tiny_http::{Header, Request, Response, ResponseBox, Server};

use crate::build::{self, BuildOptions};
use crate::diagnostics;
use crate::memo::MemoryMemo;
use crate::render::escape;

/// Folder of the server's own files; no page of a site can be named so.
const RESERVED: &str = "__sitrep";

const LIVE_JS: &str = r#"(function () {
  var here = document.currentScript.src;
  var events = new EventSource(new URL("events", here));
  events.addEventListener("reload", function () { window.location.reload(); });
})();
"#;

const OVERLAY_CSS: &str =
    ".sitrep-overlay{position:fixed;inset:auto 1rem 1rem 1rem;z-index:2147483647;\
max-height:60vh;overflow:auto;background:#2b0b0e;color:#ffe4e6;border:2px solid #f43f5e;\
border-radius:8px;padding:1rem 1.25rem;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap}\
.sitrep-overlay strong{display:block;font:600 16px system-ui,sans-serif;margin-bottom:.5rem}";

/// Options of `sitrep serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub interface: IpAddr,
    /// First port to try; 0 lets the system choose.
    pub port: u16,
    pub open: bool,
    /// Print the time of each stage after each rebuild.
    pub verbose: bool,
}

/// The site being served and the error of the last build, if it failed.
#[derive(Default)]
struct Served {
    /// Shared with the next rebuild, which keeps the pages that did not change.
    files: Arc<build::SharedFiles>,
    error: Option<String>,
    /// Bumped on every rebuild, good or failed; open pages reload on a change.
    generation: u64,
}

type Shared = Arc<(Mutex<Served>, Condvar)>;

/// Builds, serves and rebuilds until the process is stopped (Ctrl-C).
pub fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let shared: Shared = Arc::new((Mutex::new(Served::default()), Condvar::new()));
    let kept = rebuild(&options, &shared, Kept::first());
    if let Some(error) = lock(&shared).error.clone() {
        eprintln!("error: {error}");
    }
    let server = bind(options.interface, options.port)?;
    let address = server
        .server_addr()
        .to_ip()
        .context("the server has no IP address")?;
    println!("serving on http://{address}/ (Ctrl-C to stop)");
    if options.open {
        open_browser(&format!("http://{address}/"));
    }
    let _watcher = watch(&options, Arc::clone(&shared), kept)?;
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || respond(request, &shared));
    }
    Ok(())
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, Served> {
    shared
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// What one rebuild leaves the next: the memo of its pages, its documents
/// and projects ([`build::Previous`]), and the errors it last printed.
struct Kept {
    memo: MemoryMemo,
    previous: build::Previous,
    /// The documents named as unreadable by the last good rebuild, as
    /// printed: a rebuild prints them again only when they change, so that
    /// an author editing another file is not shown the same list each time.
    printed_errors: String,
}

impl Kept {
    fn first() -> Kept {
        Kept {
            memo: MemoryMemo::default(),
            previous: build::Previous::first(),
            printed_errors: String::new(),
        }
    }
}

/// Runs the pipeline in memory, reading and assembling again only the
/// documents and projects that changed (`previous`, then the cache) and
/// rendering again only project pages whose inputs changed (`memo`, with
/// the served files); on failure keeps the previous files. Returns what the
/// next rebuild can keep.
fn rebuild(options: &ServeOptions, shared: &Shared, kept: Kept) -> Kept {
    let started = std::time::Instant::now();
    let mut stages = build::Stages::default();
    let Kept {
        memo,
        previous,
        printed_errors,
    } = kept;
    let files = Arc::clone(&lock(shared).files);
    let result = build::render_site_after(&options.build, &mut stages, &memo, &files, previous);
    drop(files);
    let mut served = lock(shared);
    let kept = match result {
        Ok((site, previous)) => {
            served.files = Arc::new(site);
            served.error = None;
            let memo = memo.after_success(&served.files);
            stages.done("serve");
            let content_dir = options.build.root.join("content");
            let errors = diagnostics::named_errors(previous.errors(), &content_dir);
            let unchanged = errors == printed_errors;
            let same_errors = match previous.errors().len() {
                n if n > 0 && unchanged => format!("; the same {n} error(s) as before"),
                _ => String::new(),
            };
            println!(
                "rebuilt in {} ms ({} of {} project(s) unchanged{same_errors})",
                started.elapsed().as_millis(),
                previous.reused(),
                previous.projects()
            );
            if !unchanged {
                print_errors(&errors);
            }
            if options.verbose {
                print_stages(&stages);
            }
            Kept {
                memo,
                previous,
                printed_errors: errors,
            }
        }
        Err(error) => {
            let message = format!("{error:#}");
            eprintln!("build failed, still serving the last good site: {message}");
            served.error = Some(message);
            // What the failed build took of the previous one is gone with
            // it: the next rebuild reads those documents from the cache.
            Kept {
                memo: memo.after_failure(),
                previous: build::Previous::first(),
                printed_errors,
            }
        }
    };
    served.generation += 1;
    shared.1.notify_all();
    kept
}

/// Names the documents a rebuild could not read on standard error, or says
/// that the ones named before are read now.
fn print_errors(errors: &str) {
    if errors.is_empty() {
        eprintln!("every document is read now: no error left");
    } else {
        eprint!("{errors}");
    }
}

/// `--verbose`: the wall time of each stage of the last rebuild, on one line.
fn print_stages(stages: &build::Stages) {
    let times: Vec<String> = (stages.times.iter())
        .map(|(stage, time, _)| format!("{stage} {:.1} ms", time.as_secs_f64() * 1000.0))
        .collect();
    println!("  stages: {}", times.join(", "));
}

/// Binds `port`, or the next free one of the ten after it, saying so.
fn bind(interface: IpAddr, port: u16) -> anyhow::Result<Server> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(10)
    };
    for candidate in port..=last {
        match Server::http(SocketAddr::new(interface, candidate)) {
            Ok(server) => {
                if candidate != port {
                    eprintln!("port {port} is in use; serving on port {candidate} instead");
                }
                return Ok(server);
            }
            Err(error) if candidate == last => {
                bail!("cannot listen on {interface} ports {port}-{last}: {error}; choose one with --port")
            }
            Err(_) => continue,
        }
    }
    bail!("no port to listen on")
}

/// Watches what a build reads and rebuilds after each burst of changes.
///
/// Only changes count (create, modify, remove, rename): reading the files
/// during a rebuild must not trigger another one.
fn watch(
    options: &ServeOptions,
    shared: Shared,
    mut kept: Kept,
) -> anyhow::Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let (sender, receiver) = std::sync::mpsc::channel::<notify::Event>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if is_change(&event) {
                let _ = sender.send(event);
            }
        }
    })
    .context("cannot watch the portal for changes")?;
    let root = &options.build.root;
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    for folder in ["content", "templates", "static", "themes"] {
        let path = root.join(folder);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", path.display()))?;
        }
    }
    let ignored = [
        root.join("public"),
        root.join("snapshots"),
        root.join("target"),
        root.join(crate::cache::FOLDER),
    ];
    let options = options.clone();
    std::thread::spawn(move || {
        while let Ok(first) = receiver.recv() {
            // Debounce: an editor's save is often several events.
            let mut events = vec![first];
            while let Ok(next) = receiver.recv_timeout(Duration::from_millis(100)) {
                events.push(next);
            }
            if needs_rebuild(&events, &ignored) {
                kept = rebuild(&options, &shared, kept);
            }
        }
    });
    Ok(watcher)
}

/// Whether `event` says something changed (created, modified, removed),
/// or that changes may have been missed: the system's queue of events
/// overflowed, and notify asks for a rescan.
fn is_change(event: &notify::Event) -> bool {
    use notify::EventKind;
    let changed = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    );
    changed || event.need_rescan()
}

/// Whether a burst of `events` calls for a rebuild: a change outside the
/// `ignored` folders (the output, the cache), or a rescan.
fn needs_rebuild(events: &[notify::Event], ignored: &[PathBuf]) -> bool {
    let outside = |path: &PathBuf| !ignored.iter().any(|i| path.starts_with(i));
    (events.iter()).any(|event| event.need_rescan() || event.paths.iter().any(outside))
}

fn respond(request: Request, shared: &Shared) {
    let url = request.url().to_string();
    let Some(path) = site_path(&url) else {
        let _ = request.respond(not_found(shared));
        return;
    };
    if path == format!("{RESERVED}/events") {
        stream_events(request.into_writer(), shared);
        return;
    }
    let response = match path.as_str() {
        "__sitrep/live.js" => {
            bytes_response(LIVE_JS.as_bytes().to_vec(), "application/javascript").boxed()
        }
        "__sitrep/overlay.css" => {
            bytes_response(OVERLAY_CSS.as_bytes().to_vec(), "text/css").boxed()
        }
        _ => page(shared, &path, &url),
    };
    let _ = request.respond(response);
}

/// The response for a page of the site: the file, a redirect to the folder
/// form of a folder URL, or 404.
fn page(shared: &Shared, path: &str, url: &str) -> ResponseBox {
    let served = lock(shared);
    if let Some(file) = served.files.get(path) {
        let kind = content_type(path);
        if kind.starts_with("text/html") {
            let html = inject(&file.bytes(), path, served.error.as_deref());
            return bytes_response(html, kind).boxed();
        }
        // Read from the served buffers as it is sent (`status.json` is
        // hundreds of megabytes in pieces at 10,000 projects), not copied.
        return Response::new(
            tiny_http::StatusCode(200),
            vec![
                header("Content-Type", kind),
                header("Cache-Control", "no-store"),
            ],
            file.reader(),
            Some(file.len()),
            None,
        )
        .boxed();
    }
    let folder_index = format!("{path}/index.html");
    if served.files.contains_key(&folder_index) {
        // `/alpha` → `alpha/`, relative so that it works under any prefix.
        let last = url
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .rsplit('/')
            .next()
            .unwrap_or("");
        let mut response = bytes_response(Vec::new(), "text/plain");
        response = response.with_status_code(301);
        response.add_header(header("Location", &format!("{last}/")));
        return response.boxed();
    }
    drop(served);
    not_found(shared).boxed()
}

fn not_found(shared: &Shared) -> Response<std::io::Cursor<Vec<u8>>> {
    let served = lock(shared);
    let body = match served.files.get("404.html") {
        Some(page) => inject(&page.bytes(), "404.html", served.error.as_deref()),
        None => b"404 not found".to_vec(),
    };
    bytes_response(body, "text/html; charset=utf-8").with_status_code(404)
}

/// Maps a request URL to a key of the site, or `None` for anything that is
/// not a plain path inside it (`..`, `.`, backslashes, NUL, bad encoding).
pub fn site_path(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let rest = decoded.strip_prefix('/')?;
    let mut segments = Vec::new();
    for segment in rest.split('/') {
        match segment {
            "" => continue,
            "." | ".." => return None,
            s if s.contains(['\\', '\0', ':']) => return None,
            s => segments.push(s),
        }
    }
    let mut key = segments.join("/");
    if rest.is_empty() || rest.ends_with('/') {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

/// Adds the reload script (and the error overlay, after a failed build)
/// before `</body>`, with URLs relative to the page.
fn inject(html: &[u8], path: &str, error: Option<&str>) -> Vec<u8> {
    let up = "../".repeat(path.matches('/').count());
    let mut snippet = format!("<script src=\"{up}{RESERVED}/live.js\" defer></script>");
    if let Some(error) = error {
        snippet.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{up}{RESERVED}/overlay.css\">\
             <div class=\"sitrep-overlay\" role=\"alert\"><strong>sitrep: the last build failed; \
             this is the last good site.</strong>{}</div>",
            escape(error)
        ));
    }
    let text = String::from_utf8_lossy(html);
    let at = text
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + snippet.len());
    out.push_str(&text[..at]);
    out.push_str(&snippet);
    out.push_str(&text[at..]);
    out.into_bytes()
}

fn content_type(path: &str) -> &'static str {
    let extension = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "application/javascript",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "gz" => "application/gzip",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header is valid")
}

fn bytes_response(body: Vec<u8>, kind: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

/// Sends one server-sent `reload` event per rebuild, and a comment every
/// 15 s so that a closed connection is noticed and its thread ends.
fn stream_events(mut writer: Box<dyn Write + Send>, shared: &Shared) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                Cache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    let mut seen = lock(shared).generation;
    if writer
        .write_all(head.as_bytes())
        .and_then(|_| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = {
            let (mutex, condvar) = &**shared;
            let served = mutex.lock().unwrap_or_else(|p| p.into_inner());
            let (served, _) = condvar
                .wait_timeout_while(served, Duration::from_secs(15), |s| s.generation == seen)
                .unwrap_or_else(|p| p.into_inner());
            if served.generation != seen {
                seen = served.generation;
                format!("event: reload\ndata: {seen}\n\n")
            } else {
                ": keep-alive\n\n".to_string()
            }
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(error) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("cannot open a browser ({opener}: {error}); open {url} yourself");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_map_to_site_keys() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/alpha/").as_deref(), Some("alpha/index.html"));
        assert_eq!(
            site_path("/alpha/badge.svg?x=1").as_deref(),
            Some("alpha/badge.svg")
        );
        assert_eq!(site_path("/caf%C3%A9/").as_deref(), Some("café/index.html"));
        assert_eq!(site_path("//alpha").as_deref(), Some("alpha"));
    }

    #[test]
    fn traversal_and_odd_paths_are_refused() {
        for url in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fetc",
            "/a/%2e/b",
            "/a\\..\\b",
            "/a%00b",
            "/C:/x",
            "etc/passwd",
            "/%ff",
        ] {
            assert_eq!(site_path(url), None, "{url}");
        }
    }

    #[test]
    fn the_reload_script_is_linked_relatively_before_body_end() {
        let html = b"<html><body><p>x</p></body></html>";
        let out = String::from_utf8(inject(html, "alpha/index.html", None)).unwrap();
        assert!(out.contains("<script src=\"../__sitrep/live.js\" defer></script></body>"));
        let root = String::from_utf8(inject(html, "index.html", Some("bad <config>"))).unwrap();
        assert!(root.contains("src=\"__sitrep/live.js\""));
        assert!(root.contains("bad &lt;config&gt;"));
    }

    #[test]
    fn changes_outside_the_output_and_rescans_rebuild() {
        use notify::event::{CreateKind, DataChange, Flag, ModifyKind};
        use notify::{Event, EventKind};
        let root = PathBuf::from("/portal");
        let ignored = [root.join("public"), root.join(".sitrep-cache")];
        let edit = Event::new(EventKind::Modify(ModifyKind::Data(DataChange::Content)))
            .add_path(root.join("content/roadmap.md"));
        let page = Event::new(EventKind::Create(CreateKind::File))
            .add_path(root.join("public/index.html"));
        let read = Event::new(EventKind::Access(notify::event::AccessKind::Any))
            .add_path(root.join("content/roadmap.md"));
        // The system's queue overflowed: no path, but changes were missed.
        let rescan = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert!(is_change(&edit) && is_change(&page) && is_change(&rescan));
        assert!(
            !is_change(&read),
            "reading a file during a rebuild is no change"
        );
        assert!(needs_rebuild(&[page.clone(), edit], &ignored));
        assert!(
            !needs_rebuild(std::slice::from_ref(&page), &ignored),
            "the output's own files"
        );
        assert!(needs_rebuild(&[page, rescan], &ignored));
    }
}
