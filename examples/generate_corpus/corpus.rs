//! Synthetic tracking documents for benchmarks, in the styles of the real
//! ones (`/work/shared/seeds`, `/work/shared/corpus/real`): French and
//! English, checkbox trees with @owners, status tables, ASCII progress bars,
//! milestone tables with dates in several formats, risk lists and tables,
//! `**Dernière mise à jour :** 12/10/2026` lines, and broken encodings.
//!
//! Everything about document `index` is decided by `(seed, index)` alone, so
//! documents can be generated in parallel and the same seed always gives the
//! same bytes. Shared by `examples/generate_corpus` and `benches/stages.rs`.

use std::fmt::Write as _;

/// splitmix64: tiny, fast and good enough to vary documents; no clock.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        low + (self.next_u64() % (high - low + 1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.range(0, 99) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() - 1)]
    }
}

/// The random stream of one document: independent of every other document.
fn document_rng(seed: u64, index: usize) -> Rng {
    let mut mixer = Rng::new(seed ^ (index as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    Rng::new(mixer.next_u64())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    French,
    English,
}

/// How the file is stored on disk. About 5% of real files are legacy
/// windows-1252 exports and 5% are mojibake (seed `000_…`: `Ã‰QUIPE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
    /// UTF-8 bytes decoded as windows-1252, saved again as UTF-8.
    Mojibake,
}

/// Everything decided about one document before writing it.
#[derive(Debug, Clone)]
pub struct DocumentPlan {
    pub language: Language,
    pub encoding: Encoding,
    /// Length of the UTF-8 markdown, before encoding; the document stops at
    /// the first block boundary past it.
    pub target_bytes: usize,
    pub project_name: String,
}

/// Sizes: ~8 KB on average, with a long tail (1.5% between 50 and 200 KB,
/// like `13_otel-spec-compliance-matrix.md` and bigger exported registers).
pub fn plan(seed: u64, index: usize) -> DocumentPlan {
    let mut rng = document_rng(seed, index);
    let language = if rng.chance(65) {
        Language::French
    } else {
        Language::English
    };
    let encoding = match rng.range(0, 99) {
        0..=4 => Encoding::Windows1252,
        5..=9 => Encoding::Mojibake,
        _ => Encoding::Utf8,
    };
    let target_bytes = match rng.range(0, 999) {
        0..=14 => rng.range(50_000, 200_000),
        15..=69 => rng.range(10_000, 30_000),
        _ => rng.range(2_000, 9_000),
    };
    let vocabulary = vocabulary(language);
    let project_name = format!(
        "{} {}",
        rng.pick(vocabulary.project_kinds),
        rng.pick(vocabulary.project_subjects)
    );
    DocumentPlan {
        language,
        encoding,
        target_bytes,
        project_name,
    }
}

/// The file bytes of document `index`, as they go on disk.
pub fn document_bytes(seed: u64, index: usize) -> Vec<u8> {
    let plan = plan(seed, index);
    let mut rng = document_rng(seed.wrapping_add(1), index);
    let emoji = plan.encoding != Encoding::Windows1252;
    let text = markdown(&mut rng, &plan, emoji);
    encode(&text, plan.encoding)
}

/// A UTF-8 document of at least `target_bytes`, for the in-process benches.
#[allow(dead_code)] // used by benches/stages.rs only
pub fn markdown_of_size(seed: u64, language: Language, target_bytes: usize) -> String {
    let mut rng = Rng::new(seed);
    let plan = DocumentPlan {
        language,
        encoding: Encoding::Utf8,
        target_bytes,
        project_name: "Plateforme données".to_string(),
    };
    markdown(&mut rng, &plan, true)
}

/// Stores `text` the way `encoding` says.
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
        Encoding::Mojibake => mojibake(text).into_bytes(),
    }
}

/// `Équipe` → `Ã‰quipe`: what an editor does when it opens UTF-8 as
/// windows-1252 and saves it back as UTF-8.
pub fn mojibake(text: &str) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

/// A lower-case ASCII slug: `Refonte paie & RH` → `refonte-paie-rh`.
pub fn slugify(text: &str) -> String {
    const FOLDS: [(&str, char); 6] = [
        ("àâä", 'a'),
        ("éèêë", 'e'),
        ("îï", 'i'),
        ("ôö", 'o'),
        ("ùûü", 'u'),
        ("ç", 'c'),
    ];
    let mut slug = String::new();
    for c in text.to_lowercase().chars() {
        let folded = FOLDS
            .iter()
            .find(|(accented, _)| accented.contains(c))
            .map_or(c, |(_, plain)| *plain);
        if folded.is_ascii_alphanumeric() {
            slug.push(folded);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The four states a tracking document reports.
#[derive(Clone, Copy)]
enum State {
    Done,
    InProgress,
    Todo,
    Blocked,
}

/// The words of one language. Data, not code, like sitrep's own vocabulary.
struct Vocabulary {
    updated_label: &'static str,
    lead_label: &'static str,
    status_label: &'static str,
    /// The colon after a label; French puts a space before it: `Statut :`.
    colon: &'static str,
    progress_heading: &'static str,
    phase_word: &'static str,
    phases: &'static [&'static str],
    sprint_word: &'static str,
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
    done: &'static [&'static str],
    in_progress: &'static [&'static str],
    todo: &'static [&'static str],
    blocked: &'static [&'static str],
    status_headers: [&'static str; 6],
    milestone_heading: &'static str,
    milestone_headers: [&'static str; 4],
    milestones: &'static [&'static str],
    months: [&'static str; 12],
    risk_heading: &'static str,
    risk_headers: [&'static str; 6],
    risks: &'static [&'static str],
    impact_label: &'static str,
    probability_label: &'static str,
    mitigation_label: &'static str,
    levels: &'static [&'static str],
    mitigations: &'static [&'static str],
    notes_heading: &'static str,
    sentences: &'static [&'static str],
    project_kinds: &'static [&'static str],
    project_subjects: &'static [&'static str],
}

const OWNERS: &[&str] = &[
    "Mounir",
    "Imrane",
    "Claire",
    "Julien",
    "Aïcha",
    "Sébastien",
    "Zoé",
    "François",
    "kevin",
    "Nadia",
    "Hélène",
    "Thomas",
    "Léa",
    "Omar",
    "jdupont",
    "alice-m",
];

const FRENCH: Vocabulary = Vocabulary {
    updated_label: "Dernière mise à jour",
    lead_label: "Chef de projet",
    status_label: "Statut global",
    colon: " :",
    progress_heading: "📈 Avancement global",
    phase_word: "Phase",
    phases: &[
        "Fondations",
        "Cadrage",
        "Ingestion & Stockage",
        "Modélisation",
        "Intégration",
        "Recette",
        "Industrialisation",
        "Déploiement",
        "Hypercare",
        "Sécurité & Conformité",
    ],
    sprint_word: "Sprint",
    verbs: &[
        "Mettre en place",
        "Migrer",
        "Documenter",
        "Tester",
        "Configurer",
        "Refondre",
        "Sécuriser",
        "Déployer",
        "Optimiser",
        "Intégrer",
        "Valider",
        "Auditer",
    ],
    objects: &[
        "le pipeline CI/CD",
        "l'authentification SSO",
        "la base de données",
        "les tests d'intégration",
        "le module de facturation",
        "l'API REST",
        "le tableau de bord",
        "les sauvegardes",
        "la supervision (Prometheus, Grafana)",
        "le portail client",
        "les droits d'accès",
        "l'export CSV",
        "la recette utilisateur",
        "le cache Redis",
        "les migrations de schéma",
    ],
    done: &["Terminé", "Fait", "Livré", "Validé", "TERMINÉ"],
    in_progress: &["En cours", "En développement", "EN COURS", "Partiel"],
    todo: &["À faire", "Non commencé", "Planifié", "À venir"],
    blocked: &["Bloqué", "En attente", "BLOQUÉ"],
    status_headers: ["ID", "Tâche", "Responsable", "Points", "%", "Statut"],
    milestone_heading: "🗓️ Jalons",
    milestone_headers: ["Jalon", "Date prévue", "Date réelle", "Statut"],
    milestones: &[
        "Kick-off",
        "Validation de l'architecture",
        "MVP",
        "Recette fonctionnelle",
        "Go/No-Go",
        "Mise en production",
        "Fin de l'hypercare",
        "Bêta privée",
        "Migration des données",
    ],
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    risk_heading: "⚠️ Risques",
    risk_headers: [
        "ID",
        "Risque",
        "Impact",
        "Probabilité",
        "Mitigation",
        "Responsable",
    ],
    risks: &[
        "Retard de livraison du prestataire",
        "Indisponibilité de l'équipe data",
        "Dépassement budgétaire",
        "Dette technique sur le module legacy",
        "Départ d'un développeur clé",
        "Non-conformité RGPD",
        "Performance insuffisante en charge",
        "Dépendance à une API tierce instable",
    ],
    impact_label: "Impact",
    probability_label: "Probabilité",
    mitigation_label: "Mitigation",
    levels: &["Faible", "Moyen", "Moyenne", "Élevé", "Haute", "Critique"],
    mitigations: &[
        "Point hebdomadaire avec le fournisseur",
        "Binômage et documentation des procédures",
        "Revue budgétaire mensuelle avec le sponsor",
        "Plan de tests de charge avant la recette",
        "Audit RGPD par le DPO",
        "Prévoir une solution de repli",
    ],
    notes_heading: "📝 Notes",
    sentences: &[
        "Le code est correct, bloqué uniquement par le stub Supabase.",
        "La recette a été décalée d'une semaine à la demande du métier.",
        "Les performances sont conformes aux objectifs (p95 < 200 ms).",
        "Aucune modification nécessaire pour le moment.",
        "Le comité de pilotage a validé le périmètre du lot 2.",
        "Les tests de non-régression passent à 100 %.",
        "Reste à finaliser la documentation d'exploitation.",
        "Une revue de sécurité est prévue avant la mise en production.",
        "L'équipe est au complet depuis le début du mois.",
    ],
    project_kinds: &[
        "Refonte",
        "Migration",
        "Plateforme",
        "Portail",
        "Application",
        "Chantier",
        "Projet",
    ],
    project_subjects: &[
        "ERP",
        "CRM",
        "données",
        "mobile",
        "RH",
        "paie",
        "logistique",
        "sécurité SI",
        "GED",
        "facturation",
        "intranet",
        "e-commerce",
        "supervision",
        "téléphonie",
    ],
};

const ENGLISH: Vocabulary = Vocabulary {
    updated_label: "Last updated",
    lead_label: "Project lead",
    status_label: "Overall status",
    colon: ":",
    progress_heading: "📈 Overall progress",
    phase_word: "Phase",
    phases: &[
        "Foundations",
        "Discovery",
        "Ingestion",
        "Data model",
        "Integration",
        "Testing",
        "Hardening",
        "Rollout",
        "Hypercare",
        "Compliance",
    ],
    sprint_word: "Sprint",
    verbs: &[
        "Set up",
        "Migrate",
        "Document",
        "Test",
        "Configure",
        "Rewrite",
        "Secure",
        "Deploy",
        "Optimise",
        "Integrate",
        "Validate",
        "Audit",
    ],
    objects: &[
        "the CI/CD pipeline",
        "SSO login",
        "the database",
        "integration tests",
        "the billing module",
        "the REST API",
        "the dashboard",
        "backups",
        "monitoring (Prometheus, Grafana)",
        "the customer portal",
        "access control",
        "CSV export",
        "user acceptance testing",
        "the Redis cache",
        "schema migrations",
    ],
    done: &["Done", "Completed", "Shipped", "DONE"],
    in_progress: &["In progress", "WIP", "Ongoing", "Partial"],
    todo: &["To do", "Not started", "Planned", "Queued"],
    blocked: &["Blocked", "On hold", "BLOCKED"],
    status_headers: ["ID", "Task", "Owner", "Points", "%", "Status"],
    milestone_heading: "🗓️ Milestones",
    milestone_headers: ["Milestone", "Due", "Done", "Status"],
    milestones: &[
        "Kick-off",
        "Architecture sign-off",
        "MVP",
        "Feature freeze",
        "Go/No-Go",
        "Production launch",
        "End of hypercare",
        "Private beta",
        "Data migration",
    ],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    risk_heading: "⚠️ Risks",
    risk_headers: ["ID", "Risk", "Impact", "Likelihood", "Mitigation", "Owner"],
    risks: &[
        "Vendor delivery slips",
        "Data team unavailable",
        "Budget overrun",
        "Technical debt in the legacy module",
        "Key developer leaves",
        "GDPR non-compliance",
        "Poor performance under load",
        "Unstable third-party API",
    ],
    impact_label: "Impact",
    probability_label: "Likelihood",
    mitigation_label: "Mitigation",
    levels: &["Low", "Medium", "High", "Critical", "L", "M", "H"],
    mitigations: &[
        "Weekly call with the vendor",
        "Pairing and written runbooks",
        "Monthly budget review with the sponsor",
        "Load tests before UAT",
        "GDPR audit by the DPO",
        "Keep a fallback plan",
    ],
    notes_heading: "📝 Notes",
    sentences: &[
        "The code is correct; it is only blocked by the Supabase stub.",
        "UAT moved one week later at the business owner's request.",
        "Performance meets the targets (p95 < 200 ms).",
        "No change needed for now.",
        "The steering committee approved the scope of release 2.",
        "All regression tests pass.",
        "The operations runbook still needs to be written.",
        "A security review is planned before go-live.",
        "The team has been fully staffed since the start of the month.",
    ],
    project_kinds: &[
        "Platform",
        "Migration",
        "Portal",
        "App",
        "Programme",
        "Project",
    ],
    project_subjects: &[
        "ERP",
        "CRM",
        "Data",
        "Mobile",
        "HR",
        "Payroll",
        "Logistics",
        "Security",
        "Billing",
        "Intranet",
        "Storefront",
        "Monitoring",
    ],
};

fn vocabulary(language: Language) -> &'static Vocabulary {
    match language {
        Language::French => &FRENCH,
        Language::English => &ENGLISH,
    }
}

/// Writes one document, block after block, until it reaches its size.
struct Writer<'a> {
    rng: &'a mut Rng,
    words: &'static Vocabulary,
    language: Language,
    /// Windows-1252 files carry no emoji nor box-drawing characters.
    emoji: bool,
    out: String,
    phase: usize,
    task: usize,
    risk: usize,
}

fn markdown(rng: &mut Rng, plan: &DocumentPlan, emoji: bool) -> String {
    let mut writer = Writer {
        rng,
        words: vocabulary(plan.language),
        language: plan.language,
        emoji,
        out: String::with_capacity(plan.target_bytes + 4096),
        phase: 0,
        task: 0,
        risk: 0,
    };
    writer.header(&plan.project_name);
    writer.progress_bars();
    while writer.out.len() < plan.target_bytes {
        match writer.rng.range(0, 9) {
            0..=2 => writer.checkbox_phase(),
            3 => writer.status_table(),
            4 => writer.milestone_table(),
            5 => writer.risk_list(),
            6 => writer.risk_table(),
            7 => writer.numbered_tasks(),
            8 => writer.emoji_bullets(),
            _ => writer.notes(),
        }
    }
    writer.out
}

impl Writer<'_> {
    fn header(&mut self, project_name: &str) {
        let icon = if self.emoji { "📊 " } else { "" };
        let title = match self.language {
            Language::French => format!("{icon}Suivi du projet {project_name}"),
            Language::English => format!("{icon}{project_name}: status report"),
        };
        let date = self.day_date();
        let lead = self.owner();
        let state = self.state();
        let status = self.status(state);
        let words = self.words;
        let colon = words.colon;
        let _ = write!(
            self.out,
            "# {title}\n\n**{}{colon}** {date}\n**{}{colon}** {lead}\n**{}{colon}** {status}\n\n---\n\n",
            words.updated_label, words.lead_label, words.status_label
        );
    }

    fn progress_bars(&mut self) {
        let (full, empty) = if self.emoji {
            self.rng.pick(&[('█', '░'), ('■', '□'), ('▓', '░')])
        } else {
            self.rng.pick(&[('#', '-'), ('=', ' ')])
        };
        let _ = write!(self.out, "## {}\n\n```text\n", self.words.progress_heading);
        for number in 1..=self.rng.range(3, 6) {
            let filled = self.rng.range(0, 10);
            let name = self.rng.pick(self.words.phases);
            let bar: String = std::iter::repeat_n(full, filled)
                .chain(std::iter::repeat_n(empty, 10 - filled))
                .collect();
            let _ = writeln!(
                self.out,
                "{} {number} : {name:<22} [{bar}] {:>3}%",
                self.words.phase_word,
                filled * 10
            );
        }
        self.out.push_str("```\n\n");
    }

    /// `## Phase 2 : Intégration (60%)` then a checkbox tree three levels deep.
    fn checkbox_phase(&mut self) {
        self.phase += 1;
        let name = self.rng.pick(self.words.phases);
        let percent = self.rng.range(0, 20) * 5;
        if self.rng.chance(50) {
            let _ = write!(
                self.out,
                "## {} {} : {name} ({percent}%)\n\n",
                self.words.phase_word, self.phase
            );
        } else {
            let (start, end) = (self.date(), self.date());
            let _ = write!(
                self.out,
                "### {} {} ({start} → {end})\n\n",
                self.words.sprint_word, self.phase
            );
        }
        for _ in 0..self.rng.range(3, 9) {
            self.checkbox(0);
            for _ in 0..self.rng.range(0, 3) {
                self.checkbox(1);
                if self.rng.chance(25) {
                    self.checkbox(2);
                }
            }
        }
        self.out.push('\n');
    }

    fn checkbox(&mut self, depth: usize) {
        let mark = if self.rng.chance(55) { 'x' } else { ' ' };
        let task = self.task_text();
        let indent = "  ".repeat(depth);
        let _ = write!(self.out, "{indent}- [{mark}] {task}");
        if self.rng.chance(40) {
            let owner = self.owner();
            let _ = write!(self.out, " {owner}");
        }
        if mark == ' ' && self.rng.chance(30) {
            let state = self.state();
            let status = self.status(state);
            let _ = write!(self.out, " — {status}");
        }
        self.out.push('\n');
    }

    /// `| T-012 | Migrer l'API REST | @Claire | 5 | 80% | 🔄 En cours |`
    fn status_table(&mut self) {
        let headers = self.words.status_headers;
        let _ = write!(self.out, "### {}\n\n", self.rng.pick(self.words.phases));
        self.table_header(&headers);
        for _ in 0..self.rng.range(4, 12) {
            self.task += 1;
            let task = self.task_text();
            let owner = self.owner();
            let points = self.rng.pick(&[1, 2, 3, 5, 8, 13]);
            let state = self.state();
            let percent = match state {
                State::Done => 100,
                State::Todo => 0,
                State::InProgress | State::Blocked => self.rng.range(1, 19) * 5,
            };
            let status = self.status(state);
            let _ = writeln!(
                self.out,
                "| T-{:03} | {task} | {owner} | {points} | {percent}% | {status} |",
                self.task
            );
        }
        self.out.push('\n');
    }

    /// Milestones with dates as teams write them: ISO, `15/03/2026`,
    /// `15 mars 2026`, `Q3 2026`.
    fn milestone_table(&mut self) {
        let headers = self.words.milestone_headers;
        let _ = write!(self.out, "## {}\n\n", self.words.milestone_heading);
        self.table_header(&headers);
        for _ in 0..self.rng.range(3, 8) {
            let name = self.rng.pick(self.words.milestones);
            let due = self.date();
            let state = self.state();
            let done = match state {
                State::Done => self.date(),
                _ => "—".to_string(),
            };
            let status = self.status(state);
            let _ = writeln!(self.out, "| {name} | {due} | {done} | {status} |");
        }
        self.out.push('\n');
    }

    /// `- **R3 — Dépassement budgétaire**` with Impact / Probabilité /
    /// Mitigation children, as in `11_dma-transcoding-risk-register.md`.
    fn risk_list(&mut self) {
        let _ = write!(self.out, "## {}\n\n", self.words.risk_heading);
        for _ in 0..self.rng.range(2, 5) {
            self.risk += 1;
            let words = self.words;
            let risk = self.rng.pick(words.risks);
            let impact = self.rng.pick(words.levels);
            let probability = self.rng.pick(words.levels);
            let mitigation = self.rng.pick(words.mitigations);
            let colon = words.colon;
            let _ = write!(
                self.out,
                "- **R{} — {risk}**\n  - {}{colon} {impact}\n  - {}{colon} {probability}\n  - {}{colon} {mitigation}\n",
                self.risk, words.impact_label, words.probability_label, words.mitigation_label
            );
        }
        self.out.push('\n');
    }

    fn risk_table(&mut self) {
        let headers = self.words.risk_headers;
        let _ = write!(self.out, "### {}\n\n", self.words.risk_heading);
        self.table_header(&headers);
        for _ in 0..self.rng.range(3, 8) {
            self.risk += 1;
            let words = self.words;
            let risk = self.rng.pick(words.risks);
            let impact = self.rng.pick(words.levels);
            let probability = self.rng.pick(words.levels);
            let mitigation = self.rng.pick(words.mitigations);
            let owner = self.owner();
            let _ = writeln!(
                self.out,
                "| R{} | {risk} | {impact} | {probability} | {mitigation} | {owner} |",
                self.risk
            );
        }
        self.out.push('\n');
    }

    /// `30. Mettre en place des tests — @Mouhammed — En cours` (seed `000_…`).
    fn numbered_tasks(&mut self) {
        self.phase += 1;
        let name = self.rng.pick(self.words.phases);
        let _ = writeln!(
            self.out,
            "### {} {} : {name}",
            self.words.phase_word, self.phase
        );
        for _ in 0..self.rng.range(3, 10) {
            self.task += 1;
            let task = self.task_text();
            let owner = self.owner();
            let state = self.state();
            let status = self.status(state);
            let _ = writeln!(self.out, "{}. {task} — {owner} — {status}", self.task);
        }
        self.out.push('\n');
    }

    /// `- ✅ **Migration des données** : Terminé` (seed `002_…`).
    fn emoji_bullets(&mut self) {
        let _ = writeln!(self.out, "#### {}", self.rng.pick(self.words.phases));
        for _ in 0..self.rng.range(3, 8) {
            let state = self.state();
            let marker = if self.emoji {
                state_emoji(state, self.rng)
            } else {
                "-"
            };
            let object = self.rng.pick(self.words.objects);
            let word = self.state_word(state);
            let _ = writeln!(
                self.out,
                "- {marker} **{object}**{} {word}",
                self.words.colon
            );
        }
        self.out.push('\n');
    }

    fn notes(&mut self) {
        let _ = write!(self.out, "### {}\n\n", self.words.notes_heading);
        for _ in 0..self.rng.range(2, 6) {
            let sentence = self.rng.pick(self.words.sentences);
            self.out.push_str(sentence);
            self.out.push(' ');
        }
        self.out.push_str("\n\n");
    }

    fn table_header(&mut self, headers: &[&str]) {
        let _ = writeln!(self.out, "| {} |", headers.join(" | "));
        let rule: Vec<&str> = headers.iter().map(|_| "---").collect();
        let _ = writeln!(self.out, "|{}|", rule.join("|"));
    }

    fn task_text(&mut self) -> String {
        let verb = self.rng.pick(self.words.verbs);
        let object = self.rng.pick(self.words.objects);
        format!("{verb} {object}")
    }

    fn owner(&mut self) -> String {
        format!("@{}", self.rng.pick(OWNERS))
    }

    fn state(&mut self) -> State {
        match self.rng.range(0, 9) {
            0..=3 => State::Done,
            4..=6 => State::InProgress,
            7..=8 => State::Todo,
            _ => State::Blocked,
        }
    }

    fn state_word(&mut self, state: State) -> &'static str {
        let words = match state {
            State::Done => self.words.done,
            State::InProgress => self.words.in_progress,
            State::Todo => self.words.todo,
            State::Blocked => self.words.blocked,
        };
        self.rng.pick(words)
    }

    /// `🔄 En cours`, or just `En cours` (no emoji in windows-1252 files,
    /// and often none in real ones either).
    fn status(&mut self, state: State) -> String {
        let word = self.state_word(state);
        if self.emoji && self.rng.chance(70) {
            format!("{} {word}", state_emoji(state, self.rng))
        } else {
            word.to_string()
        }
    }

    /// A milestone date: a day in one of three formats, or a quarter.
    fn date(&mut self) -> String {
        self.date_in_formats(9)
    }

    /// An update date is always a day: `12/10/2026`, never `Q3 2026`.
    fn day_date(&mut self) -> String {
        self.date_in_formats(7)
    }

    /// Formats 0-2 ISO, 3-5 `15/03/2026`, 6-7 `15 mars 2026`, 8-9 `Q1 2026`.
    fn date_in_formats(&mut self, last_format: usize) -> String {
        let year = self.rng.range(2025, 2027);
        let month = self.rng.range(1, 12);
        let day = self.rng.range(1, 28);
        match self.rng.range(0, last_format) {
            0..=2 => format!("{year}-{month:02}-{day:02}"),
            3..=5 => format!("{day:02}/{month:02}/{year}"),
            6..=7 => match self.language {
                Language::French => format!("{day} {} {year}", self.words.months[month - 1]),
                Language::English => format!("{} {day}, {year}", self.words.months[month - 1]),
            },
            _ => format!("Q{} {year}", (month - 1) / 3 + 1),
        }
    }
}

fn state_emoji(state: State, rng: &mut Rng) -> &'static str {
    match state {
        State::Done => rng.pick(&["✅", "🟢"]),
        State::InProgress => rng.pick(&["🔄", "🟡", "🚧"]),
        State::Todo => rng.pick(&["⬜", "⏳", "📋"]),
        State::Blocked => rng.pick(&["🔴", "⛔", "❌"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_same_bytes() {
        for index in [0, 1, 17, 999] {
            assert_eq!(document_bytes(7, index), document_bytes(7, index));
        }
        assert_ne!(document_bytes(7, 3), document_bytes(8, 3));
    }

    #[test]
    fn sizes_average_about_8_kb_with_a_long_tail() {
        let sizes: Vec<usize> = (0..2000).map(|i| plan(42, i).target_bytes).collect();
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!((6_000..=11_000).contains(&mean), "mean {mean}");
        assert!(sizes.iter().any(|&size| size >= 50_000));
        assert!(sizes.iter().all(|&size| (2_000..=200_000).contains(&size)));
    }

    #[test]
    fn a_document_stops_soon_after_its_target() {
        for index in 0..50 {
            let plan = plan(3, index);
            let mut rng = document_rng(4, index);
            let text = markdown(&mut rng, &plan, true);
            assert!(text.len() >= plan.target_bytes);
            // The biggest block (a phase with a deep tree) stays under 4 KB.
            assert!(text.len() < plan.target_bytes + 4_000, "{}", text.len());
        }
    }

    #[test]
    fn about_one_in_ten_files_has_a_broken_encoding() {
        let broken = (0..2000)
            .filter(|&i| plan(1, i).encoding != Encoding::Utf8)
            .count();
        // Expected 200 (5% + 5%); allow for chance.
        assert!((140..=260).contains(&broken), "{broken}");
    }

    #[test]
    fn mojibake_looks_like_the_seeds() {
        assert_eq!(mojibake("ÉQUIPE Durée"), "Ã‰QUIPE DurÃ©e");
    }

    #[test]
    fn windows_1252_files_are_not_utf8() {
        let bytes = encode("Dernière mise à jour", Encoding::Windows1252);
        assert_eq!(bytes[5], 0xE8); // D-e-r-n-i-è: the sixth byte
        assert!(String::from_utf8(bytes).is_err());
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slugify("Refonte sécurité SI"), "refonte-securite-si");
        assert_eq!(slugify("Plateforme e-commerce"), "plateforme-e-commerce");
    }
}
