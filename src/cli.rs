//! The command line: every operation, scriptable, `--json` where it reports.
//! Help texts and messages come from the translation files.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::domain::Lang;
use crate::domain::access::Role;
use crate::domain::ledger::{EntryNumber, LineInput, NewEntry, Side, parse_lines};
use crate::domain::money::Fcfa;
use crate::domain::period::{DateRange, Month, parse_date, parse_year};
use crate::error::{Error, Result};
use crate::i18n::{lang, tr};
use crate::service::{Actor, Books, OrgKind, VerifyReport, clean};
use crate::store::{EntryView, JournalQuery, OpenMode, OrgRow, PostOutcome};
use crate::t;

/// Prints a line on standard output. A closed pipe (`jatebo journal | head`)
/// ends the program quietly instead of panicking; output only ever happens
/// after the work is committed.
macro_rules! outln {
    () => {
        $crate::cli::out_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::out_line(format_args!($($arg)*))
    };
}

mod coop;
mod export;
mod report;
mod safety;
mod savings;
mod surplus;
pub use coop::{
    CloseDayArgs, CustomerCmd, ItemCmd, MemberCmd, ProductionArgs, RecipeCmd, SaleArgs, StockCmd,
};

pub fn out_line(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{args}").is_err() {
        std::process::exit(0);
    }
}

/// Exit status when `verify` finds a problem.
pub const EXIT_PROBLEMS: i32 = 3;

#[derive(Parser, Debug)]
#[command(name = "jatebo", version, about = tr("cli-about"), long_about = None)]
pub struct Cli {
    #[arg(long, global = true, env = "JATEBO_DB", value_name = "FICHIER", help = tr("cli-db"))]
    pub db: Option<PathBuf>,
    #[arg(long, global = true, value_enum, help = tr("cli-lang"))]
    pub lang: Option<LangArg>,
    #[arg(long, global = true, env = "JATEBO_USER", help = tr("cli-user"))]
    pub user: Option<String>,
    #[arg(long, global = true, env = "JATEBO_ORG", help = tr("cli-org"))]
    pub org: Option<String>,
    #[arg(long, global = true, help = tr("cli-json"))]
    pub json: bool,
    #[arg(long, global = true, value_name = "JJ/MM/AAAA", help = tr("cli-confirm-date"))]
    pub confirm_date: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(about = tr("cli-init"))]
    Init,
    #[command(about = tr("cli-org-cmd"), subcommand)]
    Org(OrgCmd),
    #[command(about = tr("cli-account-cmd"), subcommand)]
    Account(AccountCmd),
    #[command(about = tr("cli-entry-cmd"), subcommand)]
    Entry(EntryCmd),
    #[command(about = tr("cli-journal"))]
    Journal(JournalArgs),
    #[command(about = tr("cli-balance"))]
    Balance {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long, help = tr("cli-before-closing"))]
        before_closing: bool,
    },
    #[command(about = tr("cli-period-cmd"), subcommand)]
    Period(PeriodCmd),
    #[command(about = tr("cli-verify"))]
    Verify,
    #[command(about = tr("cli-export"))]
    Export(export::ExportArgs),
    #[command(name = "verify-export", about = tr("cli-verify-export"))]
    VerifyExport(export::VerifyExportArgs),
    #[command(about = tr("cli-audit"))]
    Audit {
        #[arg(long, help = tr("cli-limit"))]
        limit: Option<usize>,
    },
    #[command(about = tr("cli-demo"))]
    Demo,
    #[command(about = tr("cli-user-cmd"), subcommand)]
    User(UserCmd),
    #[command(about = tr("cli-status"))]
    Status,
    #[command(about = tr("cli-keys"))]
    Keys,
    #[command(about = tr("cli-item-cmd"), subcommand)]
    Item(ItemCmd),
    #[command(about = tr("cli-stock-cmd"), subcommand)]
    Stock(StockCmd),
    #[command(about = tr("cli-recipe-cmd"), subcommand)]
    Recipe(RecipeCmd),
    #[command(about = tr("cli-production"))]
    Production(ProductionArgs),
    #[command(about = tr("cli-sale"))]
    Sale(SaleArgs),
    #[command(about = tr("cli-customer-cmd"), subcommand)]
    Customer(CustomerCmd),
    #[command(about = tr("cli-close-day"))]
    CloseDay(CloseDayArgs),
    #[command(about = tr("cli-member-cmd"), subcommand)]
    Member(MemberCmd),
    #[command(about = tr("cli-surplus-cmd"), subcommand)]
    Surplus(surplus::SurplusCmd),
    #[command(about = tr("cli-sg-group-cmd"), subcommand)]
    Group(savings::GroupCmd),
    #[command(about = tr("cli-sg-meeting-cmd"), subcommand)]
    Meeting(savings::MeetingCmd),
    #[command(about = tr("cli-sg-loan-cmd"), subcommand)]
    Loan(savings::LoanCmd),
    #[command(about = tr("cli-sg-shareout-cmd"), subcommand)]
    Shareout(savings::ShareoutCmd),
    #[command(about = tr("cli-sg-passbook-cmd"))]
    Passbook(savings::PassbookArgs),
    #[command(about = tr("cli-sg-indicators-cmd"))]
    Indicators(savings::IndicatorsArgs),
    #[command(about = tr("cli-report-cmd"), subcommand)]
    Report(report::ReportCmd),
    #[command(about = tr("cli-backup"))]
    Backup(safety::BackupArgs),
    #[command(about = tr("cli-restore"))]
    Restore(safety::RestoreArgs),
    #[command(about = tr("cli-doctor"))]
    Doctor(safety::DoctorArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    Coop,
    Savings,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RoleArg {
    Admin,
    Treasurer,
    Facilitator,
    Auditor,
}

impl RoleArg {
    fn role(self) -> Role {
        match self {
            RoleArg::Admin => Role::Admin,
            RoleArg::Treasurer => Role::Treasurer,
            RoleArg::Facilitator => Role::Facilitator,
            RoleArg::Auditor => Role::Auditor,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum UserCmd {
    #[command(about = tr("cli-user-add"))]
    Add {
        #[arg(help = tr("cli-user-name"))]
        name: String,
        #[arg(long, value_enum, help = tr("cli-user-role-arg"))]
        role: Option<RoleArg>,
        #[arg(long = "for", value_name = "CODE", help = tr("cli-user-for"))]
        for_org: Option<String>,
        #[arg(long = "user-lang", value_enum, help = tr("cli-user-lang"))]
        user_lang: Option<LangArg>,
    },
    #[command(about = tr("cli-user-list"))]
    List,
    #[command(about = tr("cli-user-passwd"))]
    Passwd {
        #[arg(help = tr("cli-user-name"))]
        name: Option<String>,
    },
    #[command(about = tr("cli-user-role"))]
    Role {
        #[arg(help = tr("cli-user-name"))]
        name: String,
        #[arg(value_enum, required_unless_present = "remove", help = tr("cli-user-role-arg"))]
        role: Option<RoleArg>,
        #[arg(long = "for", value_name = "CODE", help = tr("cli-user-for"))]
        for_org: Option<String>,
        #[arg(long, conflicts_with = "role", help = tr("cli-user-remove"))]
        remove: bool,
    },
    #[command(about = tr("cli-user-pin"))]
    Pin {
        #[arg(long, help = tr("cli-user-pin-remove"))]
        remove: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum OrgCmd {
    #[command(about = tr("cli-org-add"))]
    Add {
        #[arg(long, help = tr("cli-org-code"))]
        code: String,
        #[arg(long, help = tr("cli-org-name"))]
        name: String,
        #[arg(long, value_enum, help = tr("cli-org-kind"))]
        kind: KindArg,
    },
    #[command(about = tr("cli-org-list"))]
    List,
}

#[derive(Subcommand, Debug)]
pub enum AccountCmd {
    #[command(about = tr("cli-account-add"))]
    Add {
        #[arg(help = tr("cli-account-number"))]
        number: String,
        #[arg(help = tr("cli-account-name-fr"))]
        name: String,
        #[arg(long, help = tr("cli-account-name-en"))]
        en: Option<String>,
    },
    #[command(about = tr("cli-account-list"))]
    List {
        #[arg(long, help = tr("cli-account-all"))]
        all: bool,
    },
    #[command(about = tr("cli-account-rename"))]
    Rename {
        #[arg(help = tr("cli-account-number"))]
        number: String,
        #[arg(long, help = tr("cli-account-name-fr"))]
        fr: Option<String>,
        #[arg(long, help = tr("cli-account-name-en"))]
        en: Option<String>,
    },
    #[command(about = tr("cli-account-close"))]
    Close {
        #[arg(help = tr("cli-account-number"))]
        number: String,
    },
    #[command(about = tr("cli-account-reopen"))]
    Reopen {
        #[arg(help = tr("cli-account-number"))]
        number: String,
    },
    #[command(about = tr("cli-account-ledger"))]
    Ledger {
        #[arg(help = tr("cli-account-number"))]
        number: String,
        #[command(flatten)]
        period: PeriodArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum EntryCmd {
    #[command(about = tr("cli-entry-add"))]
    Add(EntryAddArgs),
    #[command(about = tr("cli-entry-show"))]
    Show {
        #[arg(help = tr("cli-entry-number"))]
        number: String,
    },
    #[command(about = tr("cli-entry-reverse"))]
    Reverse {
        #[arg(help = tr("cli-entry-number"))]
        number: String,
        #[arg(long, help = tr("cli-entry-date"))]
        date: String,
        #[arg(long, help = tr("cli-entry-reason"))]
        reason: String,
        #[arg(long, help = tr("cli-entry-key"))]
        key: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct EntryAddArgs {
    #[arg(long, help = tr("cli-entry-date"))]
    pub date: String,
    #[arg(long = "ref", help = tr("cli-entry-ref"))]
    pub doc_ref: String,
    #[arg(long, help = tr("cli-entry-memo"))]
    pub memo: String,
    #[arg(long, value_name = "COMPTE=MONTANT", help = tr("cli-entry-debit"))]
    pub debit: Vec<String>,
    #[arg(long, value_name = "COMPTE=MONTANT", help = tr("cli-entry-credit"))]
    pub credit: Vec<String>,
    #[arg(long, help = tr("cli-entry-file"))]
    pub file: Option<PathBuf>,
    #[arg(long, help = tr("cli-entry-key"))]
    pub key: Option<String>,
}

#[derive(Args, Debug, Default)]
pub struct PeriodArgs {
    #[arg(long, help = tr("cli-from"))]
    pub from: Option<String>,
    #[arg(long, help = tr("cli-to"))]
    pub to: Option<String>,
    #[arg(long, conflicts_with_all = ["from", "to", "year"], help = tr("cli-month"))]
    pub month: Option<String>,
    #[arg(long, conflicts_with_all = ["from", "to"], help = tr("cli-year"))]
    pub year: Option<String>,
}

#[derive(Args, Debug)]
pub struct JournalArgs {
    #[command(flatten)]
    pub period: PeriodArgs,
    #[arg(long, help = tr("cli-journal-account"))]
    pub account: Option<String>,
    #[arg(long, help = tr("cli-journal-text"))]
    pub text: Option<String>,
    #[arg(long, help = tr("cli-limit"))]
    pub limit: Option<usize>,
}

#[derive(Subcommand, Debug)]
pub enum PeriodCmd {
    #[command(about = tr("cli-period-close"))]
    Close {
        #[arg(long, conflicts_with = "year", required_unless_present = "year", help = tr("cli-month"))]
        month: Option<String>,
        #[arg(long, help = tr("cli-year"))]
        year: Option<String>,
    },
    #[command(about = tr("cli-period-list"))]
    List,
}

/// Where the ledger is when no `--db` or `JATEBO_DB` says otherwise: the
/// user's data directory (e.g. `~/.local/share/jatebo/jatebo.db` on Linux).
pub fn default_db_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("ml", "jatebo", "jatebo")
        .map(|d| d.data_dir().join("jatebo.db"))
        .ok_or_else(|| Error::Io {
            path: PathBuf::from("~"),
            detail: tr("error-no-home"),
        })
}

/// The business date of an entry is confirmed by the user, never taken from
/// the system clock.
fn parse_business_date(s: &str) -> Result<chrono::NaiveDate> {
    Ok(parse_date(s)?)
}

impl PeriodArgs {
    /// The range asked for; by default the current calendar year.
    fn range(&self) -> Result<DateRange> {
        if let Some(m) = &self.month {
            return Ok(DateRange::month(Month::parse(m)?));
        }
        if let Some(y) = &self.year {
            return Ok(DateRange::year(parse_year(y)?));
        }
        let year = DateRange::year(chrono::Datelike::year(&chrono::Local::now().date_naive()));
        let from = match &self.from {
            Some(f) => DateRange::parse_bound(f, false)?,
            None => year.from,
        };
        let to = match &self.to {
            Some(t) => DateRange::parse_bound(t, true)?,
            None if self.from.is_some() => {
                DateRange::parse_bound(&chrono::Local::now().date_naive().to_string(), true)?
                    .max(from)
            }
            None => year.to,
        };
        Ok(DateRange::new(from, to)?)
    }

    fn is_set(&self) -> bool {
        self.from.is_some() || self.to.is_some() || self.month.is_some() || self.year.is_some()
    }
}

fn json_out<T: Serialize>(value: &T) -> Result<()> {
    let s = serde_json::to_string_pretty(value).map_err(|e| Error::Json {
        detail: e.to_string(),
    })?;
    outln!("{s}");
    Ok(())
}

/// Plain amount for tables: grouped digits, no currency (the header says).
fn amt(v: Fcfa) -> String {
    if v.is_zero() {
        String::new()
    } else {
        v.format_grouped(lang())
    }
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        format!("{s}{}", " ".repeat(w - width(s)))
    } else {
        let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn right(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

fn parse_line_arg(arg: &str, side: Side) -> Result<LineInput> {
    let (acc, amount) = arg.split_once('=').ok_or_else(|| Error::BadLineArg {
        arg: arg.to_string(),
    })?;
    Ok(LineInput {
        account: crate::domain::account::AccountNumber::parse(acc)?,
        side,
        amount: crate::domain::money::parse_positive(amount)?,
        label: String::new(),
    })
}

fn date_fmt(d: chrono::NaiveDate) -> String {
    match lang() {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

pub struct Context {
    pub db: PathBuf,
    /// The default path may be created on first use; an explicit one must exist.
    pub db_is_default: bool,
    pub user: Option<String>,
    pub org: Option<String>,
    pub json: bool,
    /// The user this process has logged in, so that a command logs in once
    /// however many checks it makes.
    pub session: std::cell::RefCell<Option<Actor>>,
    /// `--confirm-date`: the business date a user confirms when the clock
    /// looks wrong.
    pub confirm_date: Option<chrono::NaiveDate>,
}

impl Context {
    fn open(&self) -> Result<Books> {
        let mode = if self.db_is_default {
            OpenMode::CreateIfMissing
        } else {
            OpenMode::Existing
        };
        let books = Books::open(&self.db, mode)?;
        // A ledger behind its heads file (put back to an older copy,
        // truncated) is said before anything else is done with it.
        if let Ok(problems) = books.known_heads_problems()
            && let Some(first) = problems.first()
        {
            eprintln!(
                "{}",
                t!(
                    "heads-warning",
                    detail = crate::i18n::message(first),
                    count = problems.len()
                )
            );
        }
        Ok(books)
    }

    /// Who is acting. While the ledger has no user, a name is enough (the
    /// operating-system user by default); once it has users, writing needs
    /// `--user` and the passphrase (from `JATEBO_PASSPHRASE`, or asked on the
    /// terminal without echo).
    fn actor(&self, books: &mut Books) -> Result<Actor> {
        let actor = self.login(books)?;
        if let Some(date) = self.confirm_date {
            books.confirm_business_date(&actor, date)?;
        }
        Ok(actor)
    }

    fn login(&self, books: &mut Books) -> Result<Actor> {
        if let Some(a) = self.session.borrow().as_ref() {
            return Ok(a.clone());
        }
        if !books.has_users()? {
            let name = self
                .user
                .clone()
                .or_else(|| std::env::var("USER").ok())
                .or_else(|| std::env::var("USERNAME").ok())
                .unwrap_or_else(|| "jatebo".to_string());
            return Actor::new(&name);
        }
        let name = self.user.clone().ok_or(Error::LoginRequired)?;
        let passphrase = secret_from(
            "JATEBO_PASSPHRASE",
            &t!("prompt-passphrase", name = name.clone()),
        )?;
        let actor = books.login(&name, &passphrase)?;
        *self.session.borrow_mut() = Some(actor.clone());
        Ok(actor)
    }

    /// The logged-in user, for a command that only reads (and so holds no
    /// mutable `Books`): the login, which records failures, gets its own
    /// connection.
    fn reader(&self, books: &Books) -> Result<Option<Actor>> {
        if !books.has_users()? {
            return Ok(None);
        }
        if let Some(a) = self.session.borrow().as_ref() {
            return Ok(Some(a.clone()));
        }
        let mut own = self.open()?;
        self.actor(&mut own).map(Some)
    }

    /// The organisation a command works on (`--org`, or the only one), once
    /// the user may read its books: when the ledger has users, every command
    /// that reads or writes an organisation's books logs in first (before
    /// saying which organisations exist) and needs `Read` there, as in the
    /// full-screen interface. Writes are checked again by the service.
    fn org(&self, books: &Books) -> Result<OrgRow> {
        let actor = self.reader(books)?;
        let org = books.resolve_org(self.org.as_deref())?;
        if let Some(a) = &actor {
            books.permit(a, Some(&org), crate::domain::access::Action::Read)?;
        }
        Ok(org)
    }

    /// A command over the whole file (the audit log, `verify` of every
    /// organisation, a consolidated report): `Read` in every organisation.
    fn may_read_all(&self, books: &Books) -> Result<()> {
        if let Some(a) = self.reader(books)? {
            books.permit_read_all(&a)?;
        }
        Ok(())
    }

    /// The organisations whose books the user may read (all of them while
    /// the ledger has no user).
    fn readable_orgs(&self, books: &Books) -> Result<Vec<OrgRow>> {
        match self.reader(books)? {
            Some(a) => books.readable_orgs(&a),
            None => books.orgs(),
        }
    }

    /// `--org CODE` when given (with `Read` there), else every organisation
    /// the user may read.
    fn named_or_readable_orgs(&self, books: &Books) -> Result<Vec<OrgRow>> {
        match &self.org {
            Some(_) => Ok(vec![self.org(books)?]),
            None => self.readable_orgs(books),
        }
    }
}

/// Runs one command; returns the process exit status.
pub fn run(cli: Cli) -> Result<i32> {
    let (db, db_is_default) = match cli.db.clone() {
        Some(p) => (p, false),
        None => (default_db_path()?, true),
    };
    let confirm_date = match &cli.confirm_date {
        Some(s) => {
            let d = parse_business_date(s)?;
            // The business date of the commands that default to today.
            crate::tui::confirm_today(d);
            Some(d)
        }
        None => None,
    };
    let ctx = Context {
        db,
        db_is_default,
        user: cli.user.clone(),
        org: cli.org.clone(),
        json: cli.json,
        session: Default::default(),
        confirm_date,
    };
    let Some(command) = cli.command else {
        use std::io::IsTerminal;
        if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
            // No terminal to draw on (a script, a pipe): say how to use
            // jatebo instead, and touch no ledger.
            use clap::CommandFactory;
            Cli::command().print_help().ok();
            outln!();
            eprintln!("{}", tr("tui-needs-terminal"));
            return Ok(2);
        }
        return crate::tui::run(crate::tui::Options {
            db: ctx.db.clone(),
            db_is_default: ctx.db_is_default,
            lang_fixed: cli.lang.is_some(),
        });
    };
    // Commands that use the ledger make the day's automatic backup once
    // they succeeded (the first of the day; see docs/reliability.md).
    let daily = !matches!(
        command,
        Command::VerifyExport(_)
            | Command::Keys
            | Command::Doctor(_)
            | Command::Backup(_)
            | Command::Restore(_)
    );
    let code = match command {
        Command::Init => cmd_init(&ctx),
        Command::Org(c) => cmd_org(&ctx, c),
        Command::Account(c) => cmd_account(&ctx, c),
        Command::Entry(c) => cmd_entry(&ctx, c),
        Command::Journal(a) => cmd_journal(&ctx, a),
        Command::Balance {
            period,
            before_closing,
        } => cmd_balance(&ctx, period, before_closing),
        Command::Period(c) => cmd_period(&ctx, c),
        Command::Verify => cmd_verify(&ctx),
        Command::Export(a) => export::cmd_export(&ctx, a),
        Command::VerifyExport(a) => export::cmd_verify_export(&ctx, a),
        Command::Audit { limit } => cmd_audit(&ctx, limit),
        Command::Demo => cmd_demo(&ctx),
        Command::Status => cmd_status(&ctx),
        Command::Keys => cmd_keys(&ctx),
        Command::User(c) => cmd_user(&ctx, c),
        Command::Item(c) => coop::cmd_item(&ctx, c),
        Command::Stock(c) => coop::cmd_stock(&ctx, c),
        Command::Recipe(c) => coop::cmd_recipe(&ctx, c),
        Command::Production(a) => coop::cmd_production(&ctx, a),
        Command::Sale(a) => coop::cmd_sale(&ctx, a),
        Command::Customer(c) => coop::cmd_customer(&ctx, c),
        Command::CloseDay(a) => coop::cmd_close_day(&ctx, a),
        Command::Member(c) => coop::cmd_member(&ctx, c),
        Command::Surplus(c) => surplus::cmd_surplus(&ctx, c),
        Command::Group(c) => savings::cmd_group(&ctx, c),
        Command::Meeting(c) => savings::cmd_meeting(&ctx, c),
        Command::Loan(c) => savings::cmd_loan(&ctx, c),
        Command::Shareout(c) => savings::cmd_shareout(&ctx, c),
        Command::Passbook(a) => savings::cmd_passbook(&ctx, a),
        Command::Indicators(a) => savings::cmd_indicators(&ctx, a),
        Command::Report(c) => report::cmd_report(&ctx, c),
        Command::Backup(a) => safety::cmd_backup(&ctx, a),
        Command::Restore(a) => safety::cmd_restore(&ctx, a),
        Command::Doctor(a) => safety::cmd_doctor(&ctx, a),
    }?;
    if code == 0 && daily {
        safety::daily_backup(&ctx.db);
    }
    Ok(code)
}

fn cmd_init(ctx: &Context) -> Result<i32> {
    let books = Books::open(&ctx.db, OpenMode::CreateIfMissing)?;
    if ctx.json {
        json_out(&serde_json::json!({ "path": books.path() }))?;
    } else {
        outln!(
            "{}",
            t!("init-done", path = books.path().display().to_string())
        );
    }
    Ok(0)
}

fn cmd_org(ctx: &Context, c: OrgCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    match c {
        OrgCmd::Add { code, name, kind } => {
            let kind = match kind {
                KindArg::Coop => OrgKind::Coop,
                KindArg::Savings => OrgKind::Savings,
            };
            let actor = ctx.actor(&mut books)?;
            let org = books.add_org(&actor, &code, &name, kind)?;
            let n = books.accounts(&org, lang())?.len();
            if ctx.json {
                json_out(&org)?;
            } else {
                outln!(
                    "{}",
                    t!(
                        "org-added",
                        code = org.code.clone(),
                        name = org.name.clone(),
                        accounts = n
                    )
                );
            }
        }
        OrgCmd::List => {
            let orgs = ctx.readable_orgs(&books)?;
            if ctx.json {
                return json_out(&orgs).map(|_| 0);
            }
            if orgs.is_empty() {
                outln!("{}", tr("org-none"));
            }
            for o in orgs {
                let kind = tr(&format!("org-kind-{}", o.kind));
                let closed = o
                    .closed_through
                    .clone()
                    .map(|m| t!("org-closed-through", month = m))
                    .unwrap_or_default();
                outln!(
                    "{}  {}  ({})  {}  {}",
                    fit(&o.code, 12),
                    fit(&o.name, 36),
                    kind,
                    t!("org-entries", count = o.entries),
                    closed
                );
            }
        }
    }
    Ok(0)
}

fn cmd_account(ctx: &Context, c: AccountCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        AccountCmd::Add { number, name, en } => {
            let actor = ctx.actor(&mut books)?;
            let a = books.add_account(&actor, &org, &number, &name, en.as_deref())?;
            if ctx.json {
                json_out(&a)?;
            } else {
                outln!(
                    "{}",
                    t!(
                        "account-added",
                        number = a.number.clone(),
                        name = a.name.clone()
                    )
                );
            }
        }
        AccountCmd::List { all } => {
            let accounts: Vec<_> = books
                .accounts(&org, lang())?
                .into_iter()
                .filter(|a| all || !a.closed)
                .collect();
            if ctx.json {
                return json_out(&accounts).map(|_| 0);
            }
            // 78 columns: fits an 80-column terminal.
            outln!(
                "{}  {}  {}  {}",
                fit(&tr("col-account"), 8),
                fit(&tr("col-name"), 34),
                right(&tr("col-debit-balance"), 15),
                right(&tr("col-credit-balance"), 15)
            );
            for a in accounts {
                let (d, c) = if a.balance.is_negative() {
                    (Fcfa::ZERO, a.balance.checked_neg()?)
                } else {
                    (a.balance, Fcfa::ZERO)
                };
                let mut name = a.name.clone();
                if a.closed {
                    name = format!("{name} ({})", tr("account-closed-mark"));
                }
                outln!(
                    "{}  {}  {}  {}",
                    fit(&a.number, 8),
                    fit(&name, 34),
                    right(&amt(d), 15),
                    right(&amt(c), 15)
                );
            }
        }
        AccountCmd::Rename { number, fr, en } => {
            let actor = ctx.actor(&mut books)?;
            let a = books.rename_account(&actor, &org, &number, fr.as_deref(), en.as_deref())?;
            if ctx.json {
                json_out(&a)?;
            } else {
                outln!(
                    "{}",
                    t!(
                        "account-renamed",
                        number = a.number.clone(),
                        name = a.name.clone()
                    )
                );
            }
        }
        AccountCmd::Close { number } => {
            let actor = ctx.actor(&mut books)?;
            let a = books.close_account(&actor, &org, &number)?;
            if ctx.json {
                json_out(&a)?;
            } else {
                outln!("{}", t!("account-closed", number = a.number.clone()));
            }
        }
        AccountCmd::Reopen { number } => {
            let actor = ctx.actor(&mut books)?;
            let a = books.reopen_account(&actor, &org, &number)?;
            if ctx.json {
                json_out(&a)?;
            } else {
                outln!("{}", t!("account-reopened", number = a.number.clone()));
            }
        }
        AccountCmd::Ledger { number, period } => {
            let range = period.range()?;
            let (opening, lines) = books.account_ledger(&org, &number, range)?;
            if ctx.json {
                return json_out(&serde_json::json!({
                    "account": number, "from": range.from, "to": range.to,
                    "opening": opening, "lines": lines,
                }))
                .map(|_| 0);
            }
            outln!(
                "{}",
                t!(
                    "ledger-title",
                    account = number.clone(),
                    from = date_fmt(range.from),
                    to = date_fmt(range.to)
                )
            );
            // 79 columns: fits an 80-column terminal.
            outln!(
                "{} {} {} {} {} {}",
                fit(&tr("col-date"), 10),
                fit(&tr("col-number"), 11),
                fit(&tr("col-document"), 21),
                right(&tr("col-debit"), 10),
                right(&tr("col-credit"), 10),
                right(&tr("col-balance"), 12)
            );
            outln!(
                "{} {}",
                fit(&tr("col-opening"), 66),
                right(&opening.format_grouped(lang()), 12)
            );
            for l in &lines {
                outln!(
                    "{} {} {} {} {} {}",
                    date_fmt(l.date),
                    l.number,
                    fit(&format!("{} {}", l.doc_ref, l.memo), 21),
                    right(&amt(l.debit), 10),
                    right(&amt(l.credit), 10),
                    right(&l.balance.format_grouped(lang()), 12)
                );
            }
        }
    }
    Ok(0)
}

fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn print_outcome(ctx: &Context, out: &PostOutcome) -> Result<()> {
    if ctx.json {
        let v = match out {
            PostOutcome::Posted(e) => serde_json::json!({ "status": "recorded", "entry": e }),
            PostOutcome::AlreadyRecorded(n) => {
                serde_json::json!({ "status": "already_recorded", "number": n })
            }
        };
        return json_out(&v);
    }
    match out {
        PostOutcome::Posted(e) => {
            outln!("{}", t!("entry-recorded", number = e.number.to_string()));
            outln!("{}", t!("entry-hash", hash = e.hash.clone()));
        }
        PostOutcome::AlreadyRecorded(n) => {
            outln!("{}", t!("entry-already-recorded", number = n.to_string()))
        }
    }
    Ok(())
}

fn cmd_entry(ctx: &Context, c: EntryCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        EntryCmd::Add(a) => {
            let mut lines = Vec::new();
            for d in &a.debit {
                lines.push(parse_line_arg(d, Side::Debit)?);
            }
            for c in &a.credit {
                lines.push(parse_line_arg(c, Side::Credit)?);
            }
            if let Some(f) = &a.file {
                let text = read_text(f)?;
                let parsed = parse_lines(&text).map_err(|(line, e)| Error::LinesFile {
                    line,
                    detail: crate::i18n::message(&e),
                })?;
                lines.extend(parsed);
            }
            let entry = NewEntry {
                date: parse_business_date(&a.date)?,
                doc_ref: clean("ref", &a.doc_ref, crate::domain::ledger::MAX_DOC_REF, true)?,
                memo: clean("memo", &a.memo, crate::domain::ledger::MAX_MEMO, true)?,
                idem_key: match &a.key {
                    Some(k) => clean("key", k, crate::domain::ledger::MAX_KEY, true)?,
                    None => new_key(),
                },
                lines,
                source: None,
            };
            let actor = ctx.actor(&mut books)?;
            let generated = a.key.is_none().then(|| entry.idem_key.clone());
            let out = match books.post(&actor, &org, entry) {
                Err(e @ Error::SyncFailed { .. }) => {
                    // The entry may come back at the next opening: a retry
                    // must carry the same key to never record it twice.
                    if let Some(key) = generated {
                        eprintln!("{}", t!("error-sync-failed-key", key = key));
                    }
                    return Err(e);
                }
                other => other?,
            };
            print_outcome(ctx, &out)?;
        }
        EntryCmd::Show { number } => {
            let n = parse_number(&number)?;
            let v = books.entry(&org, n)?;
            if ctx.json {
                return json_out(&v).map(|_| 0);
            }
            print_entry(&v);
        }
        EntryCmd::Reverse {
            number,
            date,
            reason,
            key,
        } => {
            let n = parse_number(&number)?;
            let key = key
                .map(|k| clean("key", &k, crate::domain::ledger::MAX_KEY, true))
                .transpose()?;
            let actor = ctx.actor(&mut books)?;
            let out = books.reverse(
                &actor,
                &org,
                n,
                parse_business_date(&date)?,
                &reason,
                key.as_deref(),
            )?;
            print_outcome(ctx, &out)?;
        }
    }
    Ok(0)
}

fn parse_number(s: &str) -> Result<EntryNumber> {
    EntryNumber::parse(s).ok_or_else(|| {
        crate::domain::ledger::LedgerError::UnknownEntry {
            number: s.to_string(),
        }
        .into()
    })
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

fn print_entry(v: &EntryView) {
    let e = &v.entry;
    outln!(
        "{}",
        t!(
            "entry-header",
            number = e.number.to_string(),
            date = date_fmt(e.date),
            doc = e.doc_ref.clone()
        )
    );
    outln!("  {}", e.memo);
    outln!(
        "  {}",
        t!(
            "entry-meta",
            author = e.author.clone(),
            recorded = e.recorded_at.clone()
        )
    );
    if let Some(r) = e.reverses {
        outln!("  {}", t!("entry-reverses", number = r.to_string()));
    }
    if let Some(r) = v.reversed_by {
        outln!("  {}", t!("entry-reversed-by", number = r.to_string()));
    }
    if let Some(s) = &e.source {
        outln!("  {}", t!("entry-source", source = s.clone()));
    }
    for l in &e.lines {
        let (d, c) = match l.side {
            Side::Debit => (l.amount, Fcfa::ZERO),
            Side::Credit => (Fcfa::ZERO, l.amount),
        };
        outln!(
            "    {}  {}  {}  {}",
            fit(&l.account, 8),
            fit(&l.label, 30),
            right(&amt(d), 14),
            right(&amt(c), 14)
        );
    }
    outln!("  {}", t!("entry-hash", hash = e.hash.clone()));
}

fn cmd_journal(ctx: &Context, a: JournalArgs) -> Result<i32> {
    let books = ctx.open()?;
    let org = ctx.org(&books)?;
    let q = JournalQuery {
        range: if a.period.is_set() {
            Some(a.period.range()?)
        } else {
            None
        },
        account: a
            .account
            .as_deref()
            .map(crate::domain::account::AccountNumber::parse)
            .transpose()?
            .map(|n| n.as_str().to_string()),
        text: a.text.clone(),
        limit: a.limit,
        ..Default::default()
    };
    let entries = books.journal(&org, &q)?;
    if ctx.json {
        return json_out(&entries).map(|_| 0);
    }
    if entries.is_empty() {
        outln!("{}", tr("journal-empty"));
    }
    for v in &entries {
        let e = &v.entry;
        let mark = if v.reversed_by.is_some() {
            format!(" [{}]", tr("journal-reversed-mark"))
        } else {
            String::new()
        };
        outln!(
            "{}  {}  {}  {}{}",
            e.number,
            date_fmt(e.date),
            fit(&e.doc_ref, 14),
            e.memo,
            mark
        );
        for l in &e.lines {
            let (d, c) = match l.side {
                Side::Debit => (l.amount, Fcfa::ZERO),
                Side::Credit => (Fcfa::ZERO, l.amount),
            };
            outln!(
                "      {}  {}  {}",
                fit(&l.account, 8),
                right(&amt(d), 14),
                right(&amt(c), 14)
            );
        }
    }
    Ok(0)
}

fn cmd_balance(ctx: &Context, p: PeriodArgs, before_closing: bool) -> Result<i32> {
    let books = ctx.open()?;
    let range = p.range()?;
    let orgs = ctx.named_or_readable_orgs(&books)?;
    let mut reports = Vec::new();
    for org in &orgs {
        reports.push((
            org,
            books.trial_balance(org, range, lang(), before_closing)?,
        ));
    }
    if ctx.json {
        let v: Vec<_> = reports
            .iter()
            .map(|(o, tb)| {
                serde_json::json!({
                    "org": o.code, "from": range.from, "to": range.to,
                    "rows": tb.rows, "totals": tb.totals, "balanced": tb.totals.balanced(),
                })
            })
            .collect();
        json_out(&v)?;
        return Ok(balance_status(&reports));
    }
    if orgs.is_empty() {
        outln!("{}", tr("org-none"));
    }
    let w = 13;
    for (org, tb) in &reports {
        outln!(
            "{}",
            t!(
                "balance-title",
                org = org.name.clone(),
                from = date_fmt(range.from),
                to = date_fmt(range.to)
            )
        );
        outln!(
            "{}  {}  {}  {}  {}",
            fit("", 8),
            fit("", 28),
            fit(&tr("col-opening"), 2 * w + 1),
            fit(&tr("col-movements"), 2 * w + 1),
            fit(&tr("col-closing"), 2 * w + 1)
        );
        let (d, c) = (tr("col-debit"), tr("col-credit"));
        outln!(
            "{}  {}  {} {}  {} {}  {} {}",
            fit(&tr("col-account"), 8),
            fit(&tr("col-name"), 28),
            right(&d, w),
            right(&c, w),
            right(&d, w),
            right(&c, w),
            right(&d, w),
            right(&c, w)
        );
        for r in &tb.rows {
            outln!(
                "{}  {}  {} {}  {} {}  {} {}",
                fit(&r.account, 8),
                fit(&r.name, 28),
                right(&amt(r.opening_debit), w),
                right(&amt(r.opening_credit), w),
                right(&amt(r.debit), w),
                right(&amt(r.credit), w),
                right(&amt(r.closing_debit), w),
                right(&amt(r.closing_credit), w)
            );
        }
        let t = &tb.totals;
        outln!(
            "{}  {}  {} {}  {} {}  {} {}",
            fit("", 8),
            fit(&tr("col-totals"), 28),
            right(&amt(t.opening_debit), w),
            right(&amt(t.opening_credit), w),
            right(&amt(t.debit), w),
            right(&amt(t.credit), w),
            right(&amt(t.closing_debit), w),
            right(&amt(t.closing_credit), w)
        );
        if t.balanced() {
            outln!("{}", tr("balance-balanced"));
        } else {
            outln!("{}", tr("balance-unbalanced"));
        }
        outln!();
    }
    Ok(balance_status(&reports))
}

/// Exit status of `balance`: books that do not balance are a problem,
/// whatever the output format.
fn balance_status(reports: &[(&OrgRow, crate::domain::report::TrialBalance)]) -> i32 {
    if reports.iter().all(|(_, tb)| tb.totals.balanced()) {
        0
    } else {
        EXIT_PROBLEMS
    }
}

fn cmd_period(ctx: &Context, c: PeriodCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    let org = ctx.org(&books)?;
    match c {
        PeriodCmd::Close { month, year } => {
            let actor = ctx.actor(&mut books)?;
            let closed = match (month, year) {
                (Some(m), _) => books.close_month(&actor, &org, Month::parse(&m)?)?,
                (None, Some(y)) => books.close_year(&actor, &org, parse_year(&y)?)?,
                (None, None) => unreachable!("clap requires --month or --year"),
            };
            if ctx.json {
                return json_out(&closed).map(|_| 0);
            }
            for c in &closed {
                outln!(
                    "{}",
                    t!(
                        "period-closed",
                        period = c.period.clone(),
                        debit = c.total_debit.format(lang()),
                        credit = c.total_credit.format(lang())
                    )
                );
            }
        }
        PeriodCmd::List => {
            let closes = books.closes(&org)?;
            if ctx.json {
                return json_out(&closes).map(|_| 0);
            }
            if closes.is_empty() {
                outln!("{}", tr("period-none"));
            }
            for c in &closes {
                outln!(
                    "{}  {}  {}  {}  {}",
                    fit(&c.period, 8),
                    fit(&c.closed_at, 24),
                    fit(&c.closed_by, 12),
                    right(&c.total_debit.format_grouped(lang()), 16),
                    &c.head_hash[..12.min(c.head_hash.len())]
                );
            }
        }
    }
    Ok(0)
}

/// What the TUI's home screen shows, for one organisation.
fn cmd_status(ctx: &Context) -> Result<i32> {
    let books = ctx.open()?;
    let org = ctx.org(&books)?;
    let o = books.overview(&org, crate::tui::today(), lang())?;
    let exit = if o.warnings.is_empty() {
        0
    } else {
        EXIT_PROBLEMS
    };
    if ctx.json {
        return json_out(&o).map(|_| exit);
    }
    if o.org.name.contains(&format!("({})", o.org.code)) {
        outln!("{}", o.org.name);
    } else {
        outln!("{} ({})", o.org.name, o.org.code);
    }
    outln!();
    outln!("{}", tr("home-money"));
    for a in &o.money {
        outln!(
            "  {:<8} {:<44} {:>20}",
            a.number,
            a.name,
            a.balance.format(lang())
        );
    }
    outln!(
        "  {:<8} {:<44} {:>20}",
        "",
        tr("home-total"),
        o.money_total.format(lang())
    );
    outln!();
    outln!("{}", t!("home-today", date = date_fmt(o.today)));
    outln!(
        "  {}",
        t!(
            "home-activity",
            count = o.today_entries,
            received = o.today_in.format(lang()),
            paid = o.today_out.format(lang())
        )
    );
    outln!();
    outln!("{}", tr("home-attention"));
    if o.warnings.is_empty() {
        outln!("  {}", tr("home-all-good"));
    }
    for w in &o.warnings {
        outln!("  ! {}", crate::tui::view::warning_text(w));
    }
    Ok(if o.warnings.is_empty() {
        0
    } else {
        EXIT_PROBLEMS
    })
}

/// The TUI's keys as the settings file leaves them, and any clash.
fn cmd_keys(ctx: &Context) -> Result<i32> {
    use crate::tui::config;
    let path = config::path();
    let (cfg, mut issues) = config::load(path.as_deref());
    let (keymap, key_issues) = cfg.keymap();
    issues.extend(key_issues.into_iter().map(config::ConfigIssue::Keys));
    let problems: Vec<String> = issues.iter().map(config::describe).collect();
    if ctx.json {
        let bindings: Vec<_> = keymap
            .bindings
            .iter()
            .map(|b| {
                serde_json::json!({
                    "scope": b.scope.code(),
                    "command": b.cmd.code(),
                    "keys": b.keys.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
                    "label": tr(b.cmd.label_key()),
                })
            })
            .collect();
        json_out(&serde_json::json!({
            "config": path,
            "bindings": bindings,
            "problems": problems,
        }))?;
    } else {
        if let Some(p) = &path {
            outln!("{}", t!("keys-config", path = p.display().to_string()));
        }
        for b in &keymap.bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| k.to_string()).collect();
            outln!(
                "  {:<8} {:<14} {:<24} {}",
                b.scope.code(),
                b.cmd.code(),
                keys.join(", "),
                tr(b.cmd.label_key())
            );
        }
        for p in &problems {
            outln!("! {p}");
        }
    }
    Ok(if problems.is_empty() {
        0
    } else {
        EXIT_PROBLEMS
    })
}

fn cmd_verify(ctx: &Context) -> Result<i32> {
    let books = ctx.open()?;
    let only = match &ctx.org {
        Some(_) => Some(ctx.org(&books)?),
        None => {
            ctx.may_read_all(&books)?;
            None
        }
    };
    let report: VerifyReport = books.verify(only.as_ref())?;
    if ctx.json {
        json_out(&report)?;
    } else if report.ok() {
        outln!(
            "{}",
            t!(
                "verify-ok",
                orgs = report.organisations,
                entries = report.entries
            )
        );
    } else {
        let first = &report.problems[0];
        outln!("{}", t!("verify-failed", count = report.problems.len()));
        outln!("{}", crate::i18n::message(first));
        for p in report.problems.iter().skip(1).take(19) {
            outln!("  {}", crate::i18n::message(p));
        }
    }
    Ok(if report.ok() { 0 } else { EXIT_PROBLEMS })
}

fn cmd_audit(ctx: &Context, limit: Option<usize>) -> Result<i32> {
    let books = ctx.open()?;
    ctx.may_read_all(&books)?;
    let rows = books.audit_log(limit)?;
    if ctx.json {
        let v: Vec<_> = rows
            .iter()
            .map(|r| {
                serde_json::json!({"id": r.id, "at": r.at, "actor": r.actor, "action": r.action,
                    "org": r.org, "detail": r.detail})
            })
            .collect();
        return json_out(&v).map(|_| 0);
    }
    for r in rows {
        outln!(
            "{:>6}  {}  {}  {}  {}  {}",
            r.id,
            fit(&r.at, 24),
            fit(&r.actor, 12),
            fit(&r.action, 14),
            fit(&r.org, 10),
            r.detail
        );
    }
    Ok(0)
}

fn cmd_demo(ctx: &Context) -> Result<i32> {
    let mut books = Books::open(&ctx.db, OpenMode::CreateIfMissing)?;
    if !books.is_empty()? {
        return Err(Error::DemoNeedsEmpty {
            path: ctx.db.clone(),
        });
    }
    let actor = ctx.actor(&mut books)?;
    let summary = crate::service::demo::build(&mut books, &actor)?;
    if ctx.json {
        json_out(&summary)?;
    } else {
        outln!(
            "{}",
            t!(
                "demo-done",
                path = ctx.db.display().to_string(),
                orgs = summary.organisations.len(),
                entries = summary.entries
            )
        );
        for o in &summary.organisations {
            outln!(
                "  {} — {} ({})",
                o.code,
                o.name,
                t!("org-entries", count = o.entries)
            );
        }
        outln!(
            "{}",
            t!(
                "demo-users",
                count = summary.users,
                passphrase = crate::service::demo::DEMO_PASSPHRASE
            )
        );
    }
    std::io::stdout().flush().ok();
    Ok(0)
}

/// A secret from an environment variable (for scripts and tests), or asked
/// on the terminal without echo.
fn secret_from(var: &str, prompt: &str) -> Result<String> {
    if let Ok(v) = std::env::var(var) {
        return Ok(v);
    }
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Err(Error::PassphraseRequired);
    }
    let prompt = format!("{} ", prompt.trim_end());
    rpassword::prompt_password(prompt).map_err(|_| Error::PassphraseRequired)
}

/// A new secret: from the environment, or typed twice on the terminal.
fn new_secret(var: &str, prompt: &str) -> Result<String> {
    if let Ok(v) = std::env::var(var) {
        return Ok(v);
    }
    let first = secret_from(var, prompt)?;
    let again = secret_from(var, &tr("prompt-repeat"))?;
    if first != again {
        return Err(Error::PassphraseMismatch);
    }
    Ok(first)
}

fn role_name(r: Role) -> String {
    tr(&format!("role-{}", r.code()))
}

fn cmd_user(ctx: &Context, c: UserCmd) -> Result<i32> {
    let mut books = ctx.open()?;
    match c {
        UserCmd::Add {
            name,
            role,
            for_org,
            user_lang,
        } => {
            let actor = ctx.actor(&mut books)?;
            let passphrase = new_secret(
                "JATEBO_NEW_PASSPHRASE",
                &t!("prompt-new-passphrase", name = name.clone()),
            )?;
            let lang = match user_lang {
                Some(LangArg::En) => Lang::En,
                _ => Lang::Fr,
            };
            let mut user = books.add_user(&actor, &name, &passphrase, lang)?;
            if let Some(r) = role {
                // The first user is an administrator already; acting as them.
                let by = if actor.user_id.is_none() {
                    books.login(&name, &passphrase)?
                } else {
                    actor
                };
                let org = for_org.as_deref().map(|c| books.org(c)).transpose()?;
                user = books.set_role(&by, &name, org.as_ref(), Some(r.role()))?;
            }
            if ctx.json {
                json_out(&user)?;
            } else {
                outln!("{}", t!("user-added", name = user.name.clone()));
            }
        }
        UserCmd::List => {
            // Names and roles are the administrator's business.
            if let Some(a) = ctx.reader(&books)? {
                books.permit(&a, None, crate::domain::access::Action::ManageUsers)?;
            }
            let users = books.users()?;
            if ctx.json {
                return json_out(&users).map(|_| 0);
            }
            if users.is_empty() {
                outln!("{}", tr("user-none"));
            }
            for u in users {
                let roles: Vec<String> = u
                    .roles
                    .iter()
                    .map(|(org, r)| {
                        let scope = if org == "*" {
                            tr("user-all-orgs")
                        } else {
                            org.clone()
                        };
                        format!("{} ({scope})", role_name(*r))
                    })
                    .collect();
                outln!("{}  {}  {}", fit(&u.name, 24), u.lang, roles.join(", "));
            }
        }
        UserCmd::Passwd { name } => {
            let actor = ctx.actor(&mut books)?;
            let target = name.unwrap_or_else(|| actor.name.clone());
            let passphrase = new_secret(
                "JATEBO_NEW_PASSPHRASE",
                &t!("prompt-new-passphrase", name = target.clone()),
            )?;
            books.set_passphrase(&actor, &target, &passphrase)?;
            outln!("{}", t!("user-passwd-done", name = target));
        }
        UserCmd::Role {
            name,
            role,
            for_org,
            remove,
        } => {
            let actor = ctx.actor(&mut books)?;
            let org = for_org.as_deref().map(|c| books.org(c)).transpose()?;
            let role = if remove {
                None
            } else {
                role.map(RoleArg::role)
            };
            let user = books.set_role(&actor, &name, org.as_ref(), role)?;
            if ctx.json {
                json_out(&user)?;
            } else {
                outln!("{}", t!("user-role-set", name = user.name.clone()));
            }
        }
        UserCmd::Pin { remove } => {
            let actor = ctx.actor(&mut books)?;
            let pin = if remove {
                None
            } else {
                Some(new_secret("JATEBO_NEW_PIN", &tr("prompt-pin"))?)
            };
            books.set_pin(&actor, pin.as_deref())?;
            outln!("{}", tr("user-pin-done"));
        }
    }
    Ok(0)
}
