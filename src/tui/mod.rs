//! The terminal interface. `app` holds the state and the pure update,
//! `view` draws it, `keymap` says which key does what; this module is the
//! driver: it owns the terminal and the ledger, runs the effects `update`
//! asks for and feeds their results back.

pub mod app;
pub mod config;
pub mod coop;
pub mod form;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod log;
pub mod reports;
pub mod savings;
pub mod theme;
pub mod users;
pub mod view;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use self::app::{App, Done, Effect, LoginForm, Mode, Msg, OrgAccess, Session, Wizard};
use self::theme::Theme;
use crate::domain::Lang;
use crate::domain::period::DateRange;
use crate::error::{Error, Result};
use crate::i18n;
use crate::service::safety::AutoBackup;
use crate::service::{Actor, Books, demo};
use crate::store::{OpenMode, PostOutcome};
use crate::t;

/// How the TUI was asked to start.
#[derive(Clone, Debug)]
pub struct Options {
    pub db: PathBuf,
    pub db_is_default: bool,
    /// `--lang` was given.
    pub lang_fixed: bool,
}

/// The business date a user confirmed because the clock looked wrong: it
/// is "today" for the rest of the process.
static CONFIRMED_TODAY: std::sync::Mutex<Option<NaiveDate>> = std::sync::Mutex::new(None);

pub fn confirm_today(d: NaiveDate) {
    *CONFIRMED_TODAY.lock().unwrap_or_else(|e| e.into_inner()) = Some(d);
}

/// The business date: today on the system clock (`JATEBO_TODAY`, as
/// `2026-11-21`, fixes it for tests and demonstrations).
pub fn today() -> NaiveDate {
    if let Some(d) = *CONFIRMED_TODAY.lock().unwrap_or_else(|e| e.into_inner()) {
        return d;
    }
    std::env::var("JATEBO_TODAY")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The directory for logs and crash reports: the ledger's own directory.
fn data_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The demo ledger sits beside the real one, never in it.
pub fn demo_path(db: &Path) -> PathBuf {
    data_dir(db).join("jatebo-demo.db")
}

/// Whether the terminal is in the TUI's state (raw, alternate screen), so
/// it is restored exactly once however the TUI ends.
static TERMINAL_TAKEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn restore_terminal() {
    if !TERMINAL_TAKEN.swap(false, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Restores the terminal when the TUI ends, however it ends.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// A panic restores the terminal, writes a report beside the ledger and says
/// where, in the user's language.
fn install_panic_hook(dir: PathBuf) {
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let path = dir.join(format!("jatebo-crash-{stamp}.txt"));
        let report = format!(
            "jatebo {}\n{}\n\n{}\n",
            env!("CARGO_PKG_VERSION"),
            info,
            std::backtrace::Backtrace::force_capture()
        );
        let written = std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::write(&path, report))
            .is_ok();
        log::error(&format!("panic: {info}"));
        if written {
            eprintln!("{}", t!("tui-panic", path = path.display().to_string()));
        } else {
            eprintln!("{}", t!("tui-panic-unwritten", message = info.to_string()));
        }
    }));
}

/// The driver's side: the open ledger and who is logged in.
struct Driver {
    books: Books,
    db: PathBuf,
    lang_fixed: bool,
    today: NaiveDate,
}

impl Driver {
    fn actor(&self, app: &App) -> Result<Actor> {
        app.session
            .as_ref()
            .map(|s| s.actor.clone())
            .ok_or(Error::LoginRequired)
    }

    fn session(&self, actor: Actor) -> Result<Session> {
        let user = self.books.me(&actor)?;
        if !self.lang_fixed
            && let Some(l) = Lang::from_tag(&user.lang)
        {
            i18n::set_lang(l);
        }
        let orgs = self
            .books
            .org_access(&actor)?
            .into_iter()
            .map(|(org, role)| OrgAccess { org, role })
            .collect();
        Ok(Session { actor, user, orgs })
    }

    fn run(&mut self, app: &App, effect: &Effect) -> Result<Option<Done>> {
        let lang = i18n::lang();
        let org = |code: &str| self.books.org(code);
        Ok(Some(match effect {
            Effect::SetLang(l) => {
                i18n::set_lang(*l);
                return Ok(None);
            }
            Effect::Quit => return Ok(None),
            Effect::ConfirmDate(date) => {
                let actor = self.actor(app)?;
                self.books.confirm_business_date(&actor, *date)?;
                log::warn(&format!("business date confirmed: {date}"));
                self.today = *date;
                confirm_today(*date);
                Done::DateConfirmed(*date)
            }
            Effect::Setup {
                lang,
                name,
                pass,
                org,
            } => {
                if !self.books.has_users()? {
                    self.books.add_user(&Actor::new(name)?, name, pass, *lang)?;
                    log::info(&format!("first administrator created: {name}"));
                }
                let actor = self.books.login(name, pass)?;
                if let Some((code, oname, kind)) = org {
                    self.books.add_org(&actor, code, oname, *kind)?;
                    log::info(&format!("organisation created: {code}"));
                }
                Done::Session(Box::new(self.session(actor)?))
            }
            Effect::OpenDemo => {
                let path = demo_path(&self.db);
                let mut books = Books::open(&path, OpenMode::CreateIfMissing)?;
                if books.is_empty()? {
                    demo::build(&mut books, &Actor::new("jatebo")?)?;
                    log::info("demo ledger built");
                }
                self.books = books;
                self.db = path;
                let users: Vec<String> = self.books.users()?.into_iter().map(|u| u.name).collect();
                Done::DemoReady {
                    hint: t!(
                        "demo-hint",
                        users = users.join(", "),
                        passphrase = demo::DEMO_PASSPHRASE
                    ),
                }
            }
            Effect::Login { name, pass } => {
                let actor = self.books.login(name, pass)?;
                log::info(&format!("login: {}", actor.name));
                Done::Session(Box::new(self.session(actor)?))
            }
            Effect::Unlock { secret } => {
                let actor = self.actor(app)?;
                // Read fresh: the PIN may have been set during this session.
                let has_pin = self.books.me(&actor)?.has_pin;
                if has_pin && secret.chars().all(|c| c.is_ascii_digit()) {
                    self.books.unlock_with_pin(&actor, secret)?;
                } else {
                    let again = self.books.login(&actor.name, secret)?;
                    if again.user_id != actor.user_id {
                        return Err(Error::LoginRefused);
                    }
                }
                Done::Unlocked
            }
            Effect::Overview { org: code } => Done::Overview(Box::new(self.books.overview(
                &org(code)?,
                self.today,
                lang,
            )?)),
            Effect::Accounts { org: code } => {
                Done::Accounts(self.books.accounts(&org(code)?, lang)?)
            }
            Effect::Ledger {
                org: code,
                account,
                year,
            } => {
                let (opening, lines) =
                    self.books
                        .account_ledger(&org(code)?, account, DateRange::year(*year))?;
                Done::Ledger {
                    account: account.clone(),
                    year: *year,
                    opening,
                    lines,
                }
            }
            Effect::Journal {
                org: code,
                query,
                place,
            } => Done::Journal {
                rows: self.books.journal(&org(code)?, query)?,
                place: *place,
            },
            Effect::Entry { org: code, number } => {
                Done::Entry(Box::new(self.books.entry(&org(code)?, *number)?))
            }
            Effect::Post { org: code, entry } => {
                let actor = self.actor(app)?;
                match self.books.post(&actor, &org(code)?, entry.clone())? {
                    PostOutcome::Posted(e) => {
                        log::info(&format!("posted {} in {code}", e.number));
                        Done::Posted {
                            number: e.number,
                            already: false,
                        }
                    }
                    PostOutcome::AlreadyRecorded(n) => Done::Posted {
                        number: n,
                        already: true,
                    },
                }
            }
            Effect::Reverse {
                org: code,
                number,
                date,
                reason,
            } => {
                let actor = self.actor(app)?;
                let reversal =
                    match self
                        .books
                        .reverse(&actor, &org(code)?, *number, *date, reason, None)?
                    {
                        PostOutcome::Posted(e) => e.number,
                        PostOutcome::AlreadyRecorded(n) => n,
                    };
                log::info(&format!("reversed {number} by {reversal} in {code}"));
                Done::Reversed {
                    original: *number,
                    reversal,
                }
            }
            Effect::Closes { org: code } => {
                let o = org(code)?;
                Done::Closes {
                    closes: self.books.closes(&o)?,
                    next: self.books.next_close(&o, self.today)?,
                    org: Box::new(o),
                }
            }
            Effect::Close { org: code, month } => {
                let actor = self.actor(app)?;
                let o = org(code)?;
                if month.month == 12 {
                    self.books.close_year(&actor, &o, month.year)?;
                } else {
                    self.books.close_month(&actor, &o, *month)?;
                }
                log::info(&format!("closed {} in {code}", month.key()));
                Done::Closed { through: *month }
            }
            Effect::Users => Done::Users(self.books.users()?),
            Effect::Coop(e) => {
                let actor = app.session.as_ref().map(|s| s.actor.clone());
                let data = data_dir(&self.db);
                Done::Coop(Box::new(coop::driver::run(
                    &mut self.books,
                    actor.as_ref(),
                    e,
                    self.today,
                    &data,
                )?))
            }
            Effect::Savings(e) => {
                let actor = app.session.as_ref().map(|s| s.actor.clone());
                Done::Savings(Box::new(savings::driver::run(
                    &mut self.books,
                    actor.as_ref(),
                    e,
                    self.today,
                )?))
            }
            Effect::Reports(e) => {
                let actor = app.session.as_ref().map(|s| s.actor.clone());
                Done::Reports(Box::new(reports::driver::run(
                    &self.books,
                    actor.as_ref(),
                    e,
                    &mut |_| {},
                )?))
            }
            Effect::AddUser {
                name,
                pass,
                lang,
                role,
                org: code,
            } => {
                let actor = self.actor(app)?;
                let scope = code.as_deref().map(org).transpose()?;
                let user = self.books.add_user(&actor, name, pass, *lang)?;
                self.books
                    .set_role(&actor, &user.name, scope.as_ref(), Some(*role))?;
                log::info(&format!("user added: {} ({})", user.name, role.code()));
                Done::UserSaved(t!("users-added", name = user.name))
            }
            Effect::SetRole {
                name,
                role,
                org: code,
            } => {
                let actor = self.actor(app)?;
                let scope = code.as_deref().map(org).transpose()?;
                let user = self.books.set_role(&actor, name, scope.as_ref(), *role)?;
                log::info(&format!("role changed: {}", user.name));
                Done::UserSaved(t!("users-role-saved", name = user.name))
            }
            Effect::SetPassphrase { name, pass } => {
                let actor = self.actor(app)?;
                self.books.set_passphrase(&actor, name, pass)?;
                log::info(&format!("passphrase changed: {name}"));
                Done::UserSaved(t!("users-passphrase-saved", name = name.clone()))
            }
            Effect::SetPin { pin } => {
                let actor = self.actor(app)?;
                self.books.set_pin(&actor, pin.as_deref())?;
                log::info(&format!("pin changed: {}", actor.name));
                Done::UserSaved(if pin.is_some() {
                    t!("users-pin-saved")
                } else {
                    t!("users-pin-removed")
                })
            }
        }))
    }
}

/// Runs effects until none are left, feeding each result back. An effect
/// that reports its progress (the export) has each step fed back at once
/// and the screen drawn again by `redraw`, so its progress bar moves while
/// it runs; `update` stays the only thing that changes the app.
fn settle(app: &mut App, driver: &mut Driver, effects: Vec<Effect>, redraw: &mut dyn FnMut(&App)) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let result = match &effect {
            Effect::Reports(e @ reports::RepEffect::Export { .. }) => {
                let actor = app.session.as_ref().map(|s| s.actor.clone());
                reports::driver::run(&driver.books, actor.as_ref(), e, &mut |d| {
                    // Progress only: it asks for nothing.
                    let _ = app.update(Msg::Done(Done::Reports(Box::new(d))));
                    redraw(app);
                })
                .map(|d| Some(Done::Reports(Box::new(d))))
            }
            _ => driver.run(app, &effect),
        };
        // A session just opened, or a post refused because of the clock:
        // the business date is asked for.
        let clock = match &result {
            Ok(Some(Done::Session(_))) => driver
                .books
                .clock_problem()
                .ok()
                .flatten()
                .map(|p| i18n::message(&p)),
            Err(Error::Clock(p)) => Some(i18n::message(p)),
            _ => None,
        };
        let msg = match result {
            Ok(None) => continue,
            Ok(Some(done)) => Msg::Done(done),
            Err(e) => {
                if !matches!(e, Error::LoginRefused) {
                    log::error(&format!(
                        "{effect_kind}: {e:?}",
                        effect_kind = effect_name(&effect)
                    ));
                } else {
                    log::info("login refused");
                }
                Msg::Failed {
                    busy: matches!(e, Error::Busy),
                    message: i18n::message(&e),
                    effect: Box::new(effect),
                }
            }
        };
        queue.extend(app.update(msg));
        if let Some(message) = clock {
            queue.extend(app.update(Msg::ClockWrong { message }));
        }
    }
}

fn effect_name(e: &Effect) -> &'static str {
    match e {
        Effect::SetLang(_) => "set_lang",
        Effect::Setup { .. } => "setup",
        Effect::OpenDemo => "open_demo",
        Effect::Login { .. } => "login",
        Effect::ConfirmDate(_) => "confirm_date",
        Effect::Unlock { .. } => "unlock",
        Effect::Overview { .. } => "overview",
        Effect::Accounts { .. } => "accounts",
        Effect::Ledger { .. } => "ledger",
        Effect::Journal { .. } => "journal",
        Effect::Entry { .. } => "entry",
        Effect::Post { .. } => "post",
        Effect::Reverse { .. } => "reverse",
        Effect::Closes { .. } => "closes",
        Effect::Close { .. } => "close",
        Effect::Users => "users",
        Effect::AddUser { .. } => "add_user",
        Effect::SetRole { .. } => "set_role",
        Effect::SetPassphrase { .. } => "set_passphrase",
        Effect::SetPin { .. } => "set_pin",
        Effect::Coop(e) => e.name(),
        Effect::Savings(e) => e.name(),
        Effect::Reports(e) => e.name(),
        Effect::Quit => "quit",
    }
}

/// The idle time before the session locks: the config's minutes
/// (`JATEBO_LOCK_SECONDS` overrides it, for tests).
fn lock_after(minutes: u32) -> Duration {
    std::env::var("JATEBO_LOCK_SECONDS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s > 0)
        .map(Duration::from_secs)
        .unwrap_or(Duration::from_secs(u64::from(minutes) * 60))
}

/// Builds the app as it starts on `books`.
pub fn initial_app(
    books: &Books,
    opts: &Options,
    cfg: &config::Config,
    today: NaiveDate,
) -> Result<(App, Vec<String>)> {
    let (keymap, key_issues) = cfg.keymap();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(cfg.theme, no_color);
    let mode = if books.has_users()? {
        Mode::Login(LoginForm::new())
    } else {
        Mode::Wizard(Box::new(Wizard::new(books.orgs()?.is_empty())))
    };
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    let mut app = App::new(mode, keymap, theme, today, nonce);
    app.mouse = cfg.mouse;
    app.lang_fixed = opts.lang_fixed;
    let issues = key_issues.iter().map(config::describe_key_issue).collect();
    Ok((app, issues))
}

/// Opens the TUI; returns the exit status.
pub fn run(opts: Options) -> Result<i32> {
    let dir = data_dir(&opts.db);
    log::init(&dir);
    log::info(&format!("start, ledger {}", opts.db.display()));
    let mode = if opts.db_is_default {
        OpenMode::CreateIfMissing
    } else {
        OpenMode::Existing
    };
    let books = Books::open(&opts.db, mode)?;
    // The day's automatic backup, before anything is changed.
    match books.auto_backup(AutoBackup::Daily) {
        Ok(Some(r)) => log::info(&format!("daily backup {}", r.path.display())),
        Ok(None) => {}
        Err(e) => log::warn(&format!(
            "daily backup failed: {}",
            crate::i18n::message(&e)
        )),
    }
    let heads_problems = books.known_heads_problems().unwrap_or_default();
    let cfg_path = config::path();
    let (cfg, cfg_issues) = config::load(cfg_path.as_deref());
    let today = today();
    let (mut app, key_issues) = initial_app(&books, &opts, &cfg, today)?;
    let mut problems: Vec<String> = cfg_issues.iter().map(config::describe).collect();
    problems.extend(key_issues);
    for p in &problems {
        log::warn(&format!("config: {p}"));
    }
    if let Some(first) = heads_problems.first() {
        // Behind its heads file: the most important thing to say.
        let text = t!("heads-banner", detail = crate::i18n::message(first));
        log::warn(&text);
        app.startup_warning = Some(app::Status {
            level: app::Level::Error,
            text,
        });
        app.status = app.startup_warning.clone();
    } else if !problems.is_empty() {
        app.startup_warning = Some(app::Status {
            level: app::Level::Warn,
            text: t!(
                "config-problems",
                count = problems.len() as i64,
                first = problems[0].clone()
            ),
        });
        app.status = app.startup_warning.clone();
    }
    let mut driver = Driver {
        books,
        db: opts.db.clone(),
        lang_fixed: opts.lang_fixed,
        today,
    };

    install_panic_hook(dir);
    enable_raw_mode().map_err(|e| io_err(&e))?;
    TERMINAL_TAKEN.store(true, std::sync::atomic::Ordering::SeqCst);
    let _guard = TerminalGuard;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen).map_err(|e| io_err(&e))?;
    if app.mouse {
        execute!(out, EnableMouseCapture).map_err(|e| io_err(&e))?;
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(out)).map_err(|e| io_err(&e))?;
    let size = terminal.size().map_err(|e| io_err(&e))?;
    app.update(Msg::Resize(size.width, size.height));
    // Test hook (tests/tui_e2e.rs): proves the terminal is restored and the
    // report written when the TUI panics.
    if std::env::var_os("JATEBO_TEST_PANIC").is_some() {
        terminal
            .draw(|f| view::draw(f, &app))
            .map_err(|e| io_err(&e))?;
        panic!("panic requested by JATEBO_TEST_PANIC");
    }

    let idle_limit = lock_after(cfg.lock_minutes);
    let mut last_input = Instant::now();
    let mut idle_sent = false;
    while !app.quit {
        terminal
            .draw(|f| view::draw(f, &app))
            .map_err(|e| io_err(&e))?;
        if !event::poll(Duration::from_millis(250)).map_err(|e| io_err(&e))? {
            if !idle_sent && last_input.elapsed() >= idle_limit {
                idle_sent = true;
                let effects = app.update(Msg::Idle);
                settle(&mut app, &mut driver, effects, &mut |_| {});
                // The next draw replaces every cell of the books (the lock
                // screen paints the whole window); no terminal round trip
                // is needed, so a slow terminal cannot delay the lock.
                log::info("session locked after idle time");
            }
            continue;
        }
        let msg = match event::read().map_err(|e| io_err(&e))? {
            Event::Key(k) if k.kind != KeyEventKind::Release => Msg::Key(k),
            Event::Mouse(m) => Msg::Mouse(m),
            Event::Resize(w, h) => Msg::Resize(w, h),
            _ => continue,
        };
        if matches!(msg, Msg::Key(_) | Msg::Mouse(_)) {
            last_input = Instant::now();
            idle_sent = false;
        }
        let effects = app.update(msg);
        settle(&mut app, &mut driver, effects, &mut |a| {
            let _ = terminal.draw(|f| view::draw(f, a));
        });
    }
    terminal.show_cursor().ok();
    drop(terminal);
    restore_terminal();
    log::info("quit");
    // The backup on quit, when the books changed since the last one.
    match driver.books.auto_backup(AutoBackup::Quit) {
        Ok(Some(r)) => {
            log::info(&format!("backup on quit {}", r.path.display()));
            println!(
                "{}",
                t!("backup-auto-done", path = r.path.display().to_string())
            );
        }
        Ok(None) => {}
        Err(e) => {
            let detail = crate::i18n::message(&e);
            log::warn(&format!("backup on quit failed: {detail}"));
            eprintln!("{}", t!("backup-auto-failed", detail = detail));
        }
    }
    io::stdout().flush().ok();
    Ok(0)
}

fn io_err(e: &io::Error) -> Error {
    Error::Io {
        path: PathBuf::from("terminal"),
        detail: e.to_string(),
    }
}

/// Effects run against an in-memory or file ledger without a terminal: the
/// same driver the TUI uses, for tests and benchmarks.
pub struct Headless {
    driver: Driver,
    pub app: App,
}

impl Headless {
    pub fn new(books: Books, db: PathBuf, app: App) -> Headless {
        let today = app.today;
        Headless {
            driver: Driver {
                books,
                db,
                lang_fixed: app.lang_fixed,
                today,
            },
            app,
        }
    }

    /// Sends a message and runs everything it leads to.
    pub fn send(&mut self, msg: Msg) {
        self.send_with(msg, &mut |_| {});
    }

    /// `send`, with `redraw` called where the terminal would be drawn
    /// while an effect runs (the export's progress).
    pub fn send_with(&mut self, msg: Msg, redraw: &mut dyn FnMut(&App)) {
        let effects = self.app.update(msg);
        settle(&mut self.app, &mut self.driver, effects, redraw);
    }

    pub fn books(&self) -> &Books {
        &self.driver.books
    }
}
