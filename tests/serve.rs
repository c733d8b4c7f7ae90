//! `sitrep serve`: pages over HTTP on loopback, rebuild and reload on change,
//! the last good site kept when a build fails, and no way out of the site.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Portal;

/// A running `sitrep serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

/// `sitrep serve` on a free port of loopback, for `portal`.
fn serve_command(portal: &Portal) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    command
        .args(["serve", "--port", "0", "--as-of", common::AS_OF, "--root"])
        .arg(portal.root());
    command
}

impl Server {
    fn start(portal: &Portal) -> Server {
        let mut child = serve_command(portal)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let address = loop {
            let line = lines
                .next()
                .expect("serve prints its address")
                .expect("line");
            if let Some(rest) = line.strip_prefix("serving on http://") {
                break rest.split('/').next().expect("host:port").to_string();
            }
        };
        // Keep draining stdout so that the server never blocks on it.
        std::thread::spawn(move || for _ in lines {});
        Server { child, address }
    }

    /// `GET path`, returning the status code and the body.
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Polls `path` until `test` holds on its body, or panics after 10 s.
    fn wait_for(&self, path: &str, test: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let (_, body) = self.get(path);
            if test(&body) {
                return body;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting on {path}; last body: {body}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn done_count(body: &str) -> u64 {
    let status: serde_json::Value = serde_json::from_str(body).expect("status.json");
    status["projects"][0]["counts"]["done"]
        .as_u64()
        .expect("done count")
}

#[test]
fn serves_on_loopback_and_rebuilds_and_reloads_on_change() {
    let portal = Portal::new();
    portal.write("alpha.md", "# Alpha\n\n## Work\n\n- [x] one\n- [ ] two\n");
    let server = Server::start(&portal);
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );

    let (status, page) = server.get("/");
    assert_eq!(status, 200);
    assert!(
        page.contains("__sitrep/live.js"),
        "the reload script is injected"
    );
    let before = done_count(&server.get("/status.json").1);

    // Listen for the reload event before changing the document.
    let mut events = TcpStream::connect(&server.address).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(events, "GET /__sitrep/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(300));

    portal.write("alpha.md", "# Alpha\n\n## Work\n\n- [x] one\n- [x] two\n");
    let after = server.wait_for("/status.json", |body| {
        serde_json::from_str::<serde_json::Value>(body).is_ok_and(|_| done_count(body) != before)
    });
    assert_eq!((before, done_count(&after)), (1, 2));

    let mut received = String::new();
    let mut buffer = [0u8; 512];
    let deadline = Instant::now() + Duration::from_secs(10);
    while !received.contains("event: reload") && Instant::now() < deadline {
        match events.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => received.push_str(&String::from_utf8_lossy(&buffer[..n])),
        }
    }
    assert!(
        received.contains("event: reload"),
        "no reload event: {received:?}"
    );

    // The build output itself never carries the reload script.
    portal.build();
    assert!(!portal.read_output("index.html").contains("__sitrep"));
}

#[test]
fn a_broken_config_shows_an_overlay_over_the_last_good_site() {
    let portal = Portal::new();
    portal.write("alpha.md", "# Alpha\n\n- [x] one\n");
    let server = Server::start(&portal);
    let (_, good) = server.get("/");
    assert!(good.contains("Alpha"));
    portal.write_config("title = \n");
    let page = server.wait_for("/", |body| body.contains("sitrep-overlay"));
    assert!(page.contains("Alpha"), "the last good site is still served");
    assert!(
        page.contains("config.toml"),
        "the overlay names the broken file"
    );
    let (status, _) = server.get("/status.json");
    assert_eq!(status, 200);
}

#[test]
fn requests_outside_the_site_get_404() {
    let portal = Portal::new();
    portal.write("alpha.md", "# Alpha\n");
    std::fs::write(portal.root().join("secret.txt"), "secret").unwrap();
    let server = Server::start(&portal);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/alpha/../../secret.txt",
        "/..%5csecret.txt",
        "/etc/passwd",
        "/content/alpha.md",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("secret"), "{path}");
    }
}

#[test]
fn a_rebuild_renders_changed_pages_and_keeps_the_others_right() {
    let portal = Portal::new();
    portal.write("alpha.md", "# Alpha\n\n## Work\n\n- [x] alpha first\n");
    portal.write("beta.md", "# Beta\n\n## Work\n\n- [ ] beta first\n");
    let server = Server::start(&portal);
    let alpha = server.get("/alpha/").1;
    assert!(alpha.contains("alpha first"), "{alpha}");

    // Only beta changes: its page is new, alpha's is the same page.
    portal.write("beta.md", "# Beta\n\n## Work\n\n- [x] beta second\n");
    server.wait_for("/beta/", |body| body.contains("beta second"));
    assert_eq!(server.get("/alpha/").1, alpha);
    // `status.json` is served from alpha's part of the previous file and
    // beta's new one: one whole document, with beta's new count.
    let status: serde_json::Value =
        serde_json::from_str(&server.get("/status.json").1).expect("status.json");
    let done: Vec<(&str, u64)> = status["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .map(|p| {
            (
                p["slug"].as_str().unwrap(),
                p["counts"]["done"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(done, [("alpha", 1), ("beta", 1)]);

    // A config change reaches every page, kept ones included.
    portal.write_config("title = \"Portefeuille RH\"\n");
    server.wait_for("/alpha/", |body| body.contains("Portefeuille RH"));
    let beta = server.wait_for("/beta/", |body| body.contains("Portefeuille RH"));
    assert!(beta.contains("beta second"));
}

#[test]
fn a_busy_persons_pages_follow_the_projects_they_list() {
    // Claire works on 51 projects: past 50 the portfolio is large, and her
    // projects are listed on pages of their own, 50 to a page.
    let portal = Portal::new();
    // Bob works on the first 30 of them: a page of his own too.
    let project = |n: usize, open: usize| {
        let tasks = "- [ ] Tâche @claire\n".repeat(open);
        let bob = if n <= 30 { "- [ ] Revue @bob\n" } else { "" };
        format!("# Projet {n:03}\n\n## Travaux\n\n- [x] Cadrage @claire\n{tasks}{bob}")
    };
    for n in 1..=51 {
        portal.write(&format!("projet-{n:03}.md"), project(n, 1));
    }
    let server = Server::start(&portal);
    let first = server.get("/people/claire/").1;
    let second = server.get("/people/claire/page/2/").1;
    assert!(first.contains("Projet 001</a>: 1 open item\n"), "{first}");
    assert!(second.contains("Projet 051</a>: 1 open item\n"), "{second}");

    assert!(first.contains("<strong>51</strong> open items"), "{first}");

    // The last project gains two items: her second page lists them, and
    // both pages count them in her total.
    portal.write("projet-051.md", project(51, 3));
    let second = server.wait_for("/people/claire/page/2/", |body| {
        body.contains("Projet 051</a>: 3 open items\n")
    });
    let first = server.get("/people/claire/").1;
    assert!(first.contains("<strong>53</strong> open items"), "{first}");
    assert!(first.contains("Projet 001</a>: 1 open item\n"), "{first}");

    // A change that shows on none of her pages keeps them as they are;
    // Bob's page, none of whose projects changed, is kept whole.
    let bob = server.get("/people/bob/").1;
    assert!(bob.contains("Projet 030</a>: 1 open item\n"), "{bob}");
    portal.write(
        "projet-020.md",
        project(20, 1).replace("Travaux", "Chantier"),
    );
    server.wait_for("/projet-020/", |body| body.contains("Chantier"));
    assert_eq!(server.get("/people/claire/").1, first);
    assert_eq!(server.get("/people/claire/page/2/").1, second);
    portal.write(
        "projet-040.md",
        project(40, 1).replace("Travaux", "Chantier"),
    );
    server.wait_for("/projet-040/", |body| body.contains("Chantier"));
    assert_eq!(server.get("/people/bob/").1, bob);
    // Bob joins project 40: his page lists it.
    portal.write("projet-040.md", project(40, 1) + "- [ ] Audit @bob\n");
    let bob = server.wait_for("/people/bob/", |body| body.contains("Projet 040"));
    assert!(bob.contains("<strong>31</strong> open items"), "{bob}");
    // ...and a config change reaches them.
    portal.write_config("title = \"Portefeuille RH\"\n");
    server.wait_for("/people/claire/", |body| body.contains("Portefeuille RH"));
    let second = server.wait_for("/people/claire/page/2/", |body| {
        body.contains("Portefeuille RH")
    });
    assert!(
        second.contains("Projet 051</a>: 3 open items\n"),
        "{second}"
    );
}

/// `serve` names a file it had to leave out, on standard error, as `build`
/// does (here a name that is not UTF-8); a rebuild that leaves out the same
/// files only counts them, and one that reads them all again says so.
#[test]
fn serve_names_the_documents_it_could_not_read_each_time_they_change() {
    use std::os::unix::ffi::OsStrExt;
    let portal = Portal::new();
    portal.write("alpha.md", "# Alpha\n\n- [x] one\n");
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(portal.content().join(odd), "# Caf\n").expect("write");
    let mut child = serve_command(&portal)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    // Both streams in one channel, each line marked with its stream.
    let (sender, received) = std::sync::mpsc::channel();
    let stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let out = sender.clone();
    std::thread::spawn(move || {
        stdout.lines().map_while(Result::ok).for_each(|l| {
            let _ = out.send(("out", l));
        })
    });
    std::thread::spawn(move || {
        stderr.lines().map_while(Result::ok).for_each(|l| {
            let _ = sender.send(("err", l));
        })
    });
    let mut errors = Vec::new();
    // Waits for the next rebuild's summary line, keeping the errors on the way.
    let next_rebuild = |errors: &mut Vec<String>| loop {
        match received.recv_timeout(Duration::from_secs(20)) {
            Ok(("out", line)) if line.starts_with("rebuilt in") => return line,
            Ok(("err", line)) => errors.push(line),
            Ok(_) => {}
            Err(error) => panic!("no rebuild: {error}; errors so far {errors:?}"),
        }
    };
    next_rebuild(&mut errors);
    // Wait for the server to listen, then for its watcher to start.
    loop {
        match received.recv_timeout(Duration::from_secs(20)) {
            Ok(("out", line)) if line.starts_with("serving on") => break,
            Ok(("err", line)) => errors.push(line),
            Ok(_) => {}
            Err(error) => panic!("not serving: {error}"),
        }
    }
    std::thread::sleep(Duration::from_millis(500));
    portal.write("alpha.md", "# Alpha\n\n- [x] one\n- [ ] two\n");
    let edited = next_rebuild(&mut errors);
    std::fs::rename(portal.content().join(odd), portal.content().join("cafe.md")).expect("rename");
    next_rebuild(&mut errors);
    // The rebuild prints its summary before what it says of the errors.
    while let Ok((stream, line)) = received.recv_timeout(Duration::from_secs(5)) {
        if stream == "err" {
            errors.push(line);
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let named = format!(
        "{}/caf\u{FFFD}.md:1: error[unreadable-file]: the file name is not valid UTF-8; \
         rename the file to include it",
        portal.content().display()
    );
    assert!(
        edited.ends_with("unchanged; the same 1 error(s) as before)"),
        "{edited}"
    );
    assert_eq!(
        errors,
        [named.as_str(), "every document is read now: no error left"]
    );
}
