//! The auditor's monthly export: journal, general ledger and trial balance of
//! one organisation-month as CSV, one XLSX workbook, JSON and a plain-text
//! journal for hledger/ledger, with a manifest (row counts, totals, the chain
//! heads, the SHA-256 of every file); and the check of such a folder.
//!
//! Reads through the service (`Books::export_data`), writes files only.

use std::path::Path;

use crate::Result;
use crate::domain::period::Month;
use crate::service::{Actor, Books};
use crate::store::OrgRow;

/// Choices of the person exporting.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// Start the CSV files with a UTF-8 byte-order mark (for French
    /// spreadsheets that otherwise read them as Latin-1).
    pub bom: bool,
}

/// Where an export is, for a progress bar: `step` of `steps` done, the file
/// being written next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub step: u32,
    pub steps: u32,
    pub file: &'static str,
}

mod render;
mod xlsx;

pub use render::{
    BODY_JSON, CHAIN_CSV, JOURNAL_CSV, JOURNAL_TEXT, LEDGER_CSV, MANIFEST, TRIAL_CSV, WORKBOOK,
};

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::Error;
use crate::domain::Message;
use crate::domain::export::{
    self as rules, Body, ChainInfo, ExportProblem, FORMAT, FileEntry, Head, Manifest,
};
use crate::domain::ledger::hex;

/// The steps of an export: reading the ledger, then each file in turn.
pub const STEPS: [&str; 9] = [
    "",
    JOURNAL_CSV,
    LEDGER_CSV,
    TRIAL_CSV,
    CHAIN_CSV,
    WORKBOOK,
    BODY_JSON,
    JOURNAL_TEXT,
    MANIFEST,
];

fn io_err(path: &Path, e: std::io::Error) -> Error {
    if e.raw_os_error() == Some(28) || e.kind() == std::io::ErrorKind::StorageFull {
        return Error::DiskFull;
    }
    Error::Io {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// What a failed write of an export file tells the user: the disk is full
/// (no space left, or a file-size limit), or another error; either way the
/// export's files are removed (see `export_month`).
fn write_err(dir: &Path, e: std::io::Error) -> Error {
    // ENOSPC (28), EFBIG (27): no room for the file.
    let full = matches!(e.raw_os_error(), Some(27 | 28))
        || matches!(
            e.kind(),
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::FileTooLarge
        );
    Error::ExportWriteFailed {
        dir: dir.to_path_buf(),
        detail: e.to_string(),
        full,
    }
}

/// Writes `bytes` as `dir/name` so that the name never holds half a file:
/// into `name.part`, synced, then renamed over.
fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let part = dir.join(format!("{name}.part"));
    let dest = dir.join(name);
    let mut created = false;
    let res = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&part)?;
        created = true;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&part, &dest)
    })();
    if let Err(e) = res {
        // A part file is never taken for a finished one; still, leave
        // nothing behind when the write failed (only a part file this call
        // created: `create_new` refused one that was already there).
        if created {
            let _ = fs::remove_file(&part);
        }
        return Err(write_err(dir, e));
    }
    Ok(())
}

fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Refuses a folder that already holds something: an export is never mixed
/// with other files, nor written over another. Returns whether the folder
/// was created here.
fn prepare_dir(dir: &Path) -> Result<bool> {
    match fs::read_dir(dir) {
        Ok(mut it) => {
            if it.next().is_some() {
                return Err(Error::ExportDirNotEmpty {
                    path: dir.to_path_buf(),
                });
            }
            Ok(false)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => fs::create_dir_all(dir)
            .map(|()| true)
            .map_err(|e| io_err(dir, e)),
        Err(e) => Err(io_err(dir, e)),
    }
}

/// After a failed export: removes the files this export wrote (by name,
/// nothing else) and the folder if this export created it and it is empty
/// again, so that the same `--out` can be used for the next try.
fn remove_written(dir: &Path, written: &[&str], created: bool) {
    for name in written {
        let _ = fs::remove_file(dir.join(name));
    }
    if created {
        // `remove_dir` only removes an empty folder: anything put there by
        // someone else meanwhile stays, and so does the folder.
        let _ = fs::remove_dir(dir);
    }
}

/// Exports one organisation-month into `dir` (created if missing; refused
/// if not empty): the journal, general ledger, trial balance and chain as
/// CSV, the workbook, the JSON body, the plain-text journal, and last the
/// manifest. `progress` is told before each step. Whoever may read the
/// organisation's books may export them.
pub fn export_month(
    books: &Books,
    actor: &Actor,
    org: &OrgRow,
    month: Month,
    dir: &Path,
    opts: &ExportOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Manifest> {
    let steps = STEPS.len() as u32;
    let mut tell = |step: usize| {
        progress(Progress {
            step: step as u32,
            steps,
            file: STEPS.get(step).copied().unwrap_or(""),
        })
    };
    tell(0);
    let lang = crate::i18n::lang();
    let body = books.export_body(actor, org, month, lang)?;
    let created = prepare_dir(dir)?;
    // Names of the files written so far, to remove them if a later one
    // fails: no folder is left looking like half an export.
    let mut written: Vec<&'static str> = Vec::new();
    let res = write_files(actor, &body, lang, dir, opts, &mut written, &mut |step| {
        tell(step)
    });
    if res.is_err() {
        remove_written(dir, &written, created);
    }
    let manifest = res?;
    tell(9);
    Ok(manifest)
}

/// The files of an export, in order, the manifest last; each name is added
/// to `written` once its file is in place.
fn write_files(
    actor: &Actor,
    body: &Body,
    lang: crate::domain::Lang,
    dir: &Path,
    opts: &ExportOptions,
    written: &mut Vec<&'static str>,
    tell: &mut dyn FnMut(usize),
) -> Result<Manifest> {
    let exported_at = crate::service::now();
    let mut files = Vec::new();
    let mut put = |name: &'static str, bytes: &[u8], rows: u64| -> Result<()> {
        write_atomic(dir, name, bytes)?;
        written.push(name);
        files.push(FileEntry {
            name: name.to_string(),
            sha256: sha256(bytes),
            bytes: bytes.len() as u64,
            rows,
        });
        Ok(())
    };
    for (i, name) in [JOURNAL_CSV, LEDGER_CSV, TRIAL_CSV, CHAIN_CSV]
        .into_iter()
        .enumerate()
    {
        tell(i + 1);
        let r = render::text_file(name, body, lang, opts.bom, &exported_at);
        put(name, &r.bytes, r.rows)?;
    }
    tell(5);
    let (bytes, rows) = xlsx::workbook(body, lang).map_err(|e| Error::Io {
        path: dir.join(WORKBOOK),
        detail: e.to_string(),
    })?;
    put(WORKBOOK, &bytes, rows)?;
    tell(6);
    let json = serde_json::to_vec(body).map_err(|e| Error::Json {
        detail: e.to_string(),
    })?;
    put(BODY_JSON, &json, body.entries.len() as u64)?;
    tell(7);
    let r = render::journal_text(body, lang, &exported_at);
    put(JOURNAL_TEXT, &r.bytes, r.rows)?;
    tell(8);
    let manifest = manifest(body, exported_at, &actor.name, opts, lang, files);
    let bytes = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Json {
        detail: e.to_string(),
    })?;
    write_atomic(dir, MANIFEST, &bytes)?;
    written.push(MANIFEST);
    // The renames themselves reach the disk.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(manifest)
}

fn manifest(
    body: &Body,
    exported_at: String,
    by: &str,
    opts: &ExportOptions,
    lang: crate::domain::Lang,
    files: Vec<FileEntry>,
) -> Manifest {
    let head = |l: Option<&rules::ChainLink>| {
        l.map(Head::from).unwrap_or(Head {
            position: 0,
            number: None,
            hash: body.org.genesis.clone(),
        })
    };
    Manifest {
        format: FORMAT.into(),
        generator: format!("jatebo {}", env!("CARGO_PKG_VERSION")),
        org: body.org.clone(),
        period: body.period.clone(),
        exported_at,
        exported_by: by.to_string(),
        lang,
        csv_bom: opts.bom,
        counts: rules::counts(body),
        totals: rules::entry_totals(&body.entries),
        chain: ChainInfo {
            start: head(body.chain.first()),
            end: head(body.chain.last()),
        },
        files,
    }
}

// ---- verification ------------------------------------------------------------

/// What `verify-export` found: the folder's manifest when it could be read,
/// the previous folder's, and every problem (none: the folder is sound).
#[derive(Clone, Debug)]
pub struct ExportCheck {
    pub dir: PathBuf,
    pub manifest: Option<Manifest>,
    pub previous: Option<Manifest>,
    pub problems: Vec<ExportProblem>,
}

impl ExportCheck {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

fn read_folder(dir: &Path) -> Result<(Option<Manifest>, Option<Body>, Vec<ExportProblem>)> {
    let mut problems = Vec::new();
    let mpath = dir.join(MANIFEST);
    let text = match fs::read(&mpath) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !dir.is_dir() {
                return Err(io_err(dir, e));
            }
            return Ok((None, None, vec![ExportProblem::NoManifest]));
        }
        Err(e) => return Err(io_err(&mpath, e)),
    };
    let manifest: Manifest = match serde_json::from_slice::<serde_json::Value>(&text) {
        Ok(v) => {
            let found = v
                .get("format")
                .and_then(|f| f.as_str())
                .unwrap_or("")
                .to_string();
            if found != FORMAT {
                return Ok((None, None, vec![ExportProblem::UnknownFormat { found }]));
            }
            match serde_json::from_value(v) {
                Ok(m) => m,
                Err(e) => {
                    return Ok((
                        None,
                        None,
                        vec![ExportProblem::BadManifest {
                            detail: e.to_string(),
                        }],
                    ));
                }
            }
        }
        Err(e) => {
            return Ok((
                None,
                None,
                vec![ExportProblem::BadManifest {
                    detail: e.to_string(),
                }],
            ));
        }
    };
    // Every listed file, whole and unchanged; nothing else beside them.
    let mut contents = std::collections::BTreeMap::new();
    for f in &manifest.files {
        let path = dir.join(&f.name);
        if f.name.contains(['/', '\\']) || f.name == MANIFEST {
            problems.push(ExportProblem::BadManifest {
                detail: f.name.clone(),
            });
            continue;
        }
        match fs::read(&path) {
            Ok(bytes) => {
                if bytes.len() as u64 != f.bytes {
                    problems.push(ExportProblem::FileSize {
                        file: f.name.clone(),
                        expected: f.bytes,
                        found: bytes.len() as u64,
                    });
                } else if sha256(&bytes) != f.sha256 {
                    problems.push(ExportProblem::FileHash {
                        file: f.name.clone(),
                    });
                }
                contents.insert(f.name.clone(), bytes);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(ExportProblem::FileMissing {
                    file: f.name.clone(),
                });
            }
            Err(e) => return Err(io_err(&path, e)),
        }
    }
    // Every file an export writes besides the manifest.
    for &name in &STEPS[1..STEPS.len() - 1] {
        if !manifest.files.iter().any(|f| f.name == name) && !contents.contains_key(name) {
            if dir.join(name).exists() {
                problems.push(ExportProblem::FileUnlisted { file: name.into() });
            } else {
                problems.push(ExportProblem::FileMissing { file: name.into() });
            }
        }
    }
    let entries = fs::read_dir(dir).map_err(|e| io_err(dir, e))?;
    for e in entries {
        let e = e.map_err(|e| io_err(dir, e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name != MANIFEST && !manifest.files.iter().any(|f| f.name == name) {
            let p = ExportProblem::FileUnlisted { file: name };
            if !problems.contains(&p) {
                problems.push(p);
            }
        }
    }
    // The body, checked on its own and against the manifest.
    let Some(json) = contents.get(BODY_JSON) else {
        return Ok((Some(manifest), None, problems));
    };
    let body: Body = match serde_json::from_slice(json) {
        Ok(b) => b,
        Err(e) => {
            problems.push(ExportProblem::BadBody {
                file: BODY_JSON.into(),
                detail: e.to_string(),
            });
            return Ok((Some(manifest), None, problems));
        }
    };
    problems.extend(rules::check_body(&manifest, &body));
    // The text files say what the body says.
    for name in render::TEXT_FILES {
        if let Some(bytes) = contents.get(name) {
            let r = render::text_file(
                name,
                &body,
                manifest.lang,
                manifest.csv_bom,
                &manifest.exported_at,
            );
            if &r.bytes != bytes {
                problems.push(ExportProblem::FileDiffers {
                    file: name.into(),
                    line: first_difference(&r.bytes, bytes),
                });
            }
        }
    }
    Ok((Some(manifest), Some(body), problems))
}

/// The first line (from 1) where two texts differ.
fn first_difference(a: &[u8], b: &[u8]) -> u64 {
    let at = a
        .iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    1 + a[..at].iter().filter(|&&c| c == b'\n').count() as u64
}

/// Checks an export folder: the manifest, the SHA-256 and size of every
/// file, nothing missing or added, every entry's hash from its content, the
/// chain followed link by link, totals and trial balance rebuilt, and each
/// CSV file and the journal equal to what the JSON file says. Given the
/// previous month's folder too (checked the same way), that this folder's
/// chain still holds the previous export's head unchanged.
pub fn verify_export(dir: &Path, previous: Option<&Path>) -> Result<ExportCheck> {
    let (manifest, body, mut problems) = read_folder(dir)?;
    let mut prev_manifest = None;
    if let Some(p) = previous {
        let (pm, _, pp) = read_folder(p)?;
        if let Some(first) = pp.first() {
            problems.push(ExportProblem::PrevFaulty {
                detail: crate::i18n::message(first as &dyn Message),
            });
        } else if let (Some(pm), Some(m), Some(b)) = (&pm, &manifest, &body) {
            problems.extend(rules::check_link(pm, m, &b.chain));
        }
        prev_manifest = pm;
    }
    Ok(ExportCheck {
        dir: dir.to_path_buf(),
        manifest,
        previous: prev_manifest,
        problems,
    })
}
