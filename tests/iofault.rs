//! I/O faults (issue 7, part 2): a full disk during a post and during an
//! export, through the real binary under a file-size limit; a failed write
//! and a failed fsync, injected in-process by a SQLite VFS that wraps the
//! default one. Each time: a clear message, nothing partial left, and jatebo
//! works again once the fault is gone.
//!
//! See docs/reliability.md, "I/O faults".

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

use common::{Ledger, code, describe, stderr, stdout};
use jatebo::Error;
use jatebo::domain::Lang;
use jatebo::domain::ledger::{LineInput, NewEntry, Side};
use jatebo::domain::money::Fcfa;
use jatebo::domain::period::Month;
use jatebo::export::{MANIFEST, verify_export};
use jatebo::service::{Actor, Books, OrgKind};
use jatebo::store::{JournalQuery, OpenMode, PostOutcome};

// ---- a file-size limit on the real binary -----------------------------------

/// Bytes per block of the shell's `ulimit -f` (512 for dash and POSIX
/// shells, 1024 for bash), measured: a 4 KiB write under a 2-block limit.
fn ulimit_block() -> u64 {
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    let st = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2; head -c 4096 /dev/zero > \"$1\" 2>/dev/null; exit 0")
        .arg("sh")
        .arg(&probe)
        .status()
        .expect("sh");
    assert!(st.success());
    let len = std::fs::metadata(&probe).expect("probe file").len();
    assert!(
        len == 1024 || len == 2048,
        "ulimit -f 2 let {len} bytes through"
    );
    len / 2
}

/// Runs `jatebo --db <ledger> <args…>` (the environment of `common::command`)
/// with no file allowed to grow past `limit` bytes. SIGXFSZ is ignored, and
/// stays ignored across `exec`, so a write past the limit fails with EFBIG
/// instead of killing the process: what a full disk looks like to jatebo,
/// file by file.
fn run_limited(l: &Ledger, limit: u64, args: &[&str]) -> Output {
    let block = ulimit_block();
    assert_eq!(
        limit % block,
        0,
        "limit {limit} is not whole {block}-byte blocks"
    );
    let blocks = (limit / block).to_string();
    let o = common::under(
        "sh",
        &[
            "-c",
            "trap '' XFSZ; ulimit -f \"$1\" || exit 99; shift; exec \"$@\"",
            "sh",
            &blocks,
        ],
        &l.command(args),
    )
    .output()
    .expect("run sh");
    assert_ne!(code(&o), 99, "ulimit refused:\n{}", describe(args, &o));
    o
}

/// The smallest limit (a multiple of 4 KiB) under which jatebo can open the
/// ledger and read it: the shared-memory index beside a WAL ledger must grow
/// to 32 KiB before anything is read. Measured, not assumed.
fn open_floor(l: &Ledger) -> u64 {
    for kib in (8..=256).step_by(4) {
        let o = run_limited(l, kib * 1024, &["--org", "coop", "balance"]);
        if code(&o) == 0 {
            return kib * 1024;
        }
    }
    panic!("jatebo cannot even read the ledger under 256 KiB");
}

/// What SQLite reports when the WAL cannot grow past the limit: the write
/// fails with EFBIG, which the unix VFS turns into `SQLITE_IOERR_WRITE`
/// (only ENOSPC becomes `SQLITE_FULL`), hence `Error::WriteFailed`.
const POST_FR: &str =
    "Impossible d'écrire sur le disque (disque plein ou en erreur) : rien n'a été enregistré.";
const POST_EN: &str = "Could not write to the disk (disk full or failing): nothing was recorded.";
const EXPORT_FR: &str = "Le disque est plein : l'export vers";
const EXPORT_EN: &str = "The disk is full: the export to";

/// A refusal because of the disk: exit 1, the expected message on stderr,
/// never a raw SQLite or OS error, nothing announced as recorded.
fn assert_disk_refusal(args: &[&str], o: &Output, expected: &str) {
    let err = stderr(o);
    assert_eq!(code(o), 1, "expected exit 1:\n{}", describe(args, o));
    assert!(
        err.contains(expected),
        "expected {expected:?}:\n{}",
        describe(args, o)
    );
    eprintln!("iofault: jatebo {} -> {}", args.join(" "), err.trim_end());
    assert!(
        !err.contains("disk I/O error") && !err.contains("os error"),
        "a raw error reached the user:\n{}",
        describe(args, o)
    );
    let out = stdout(o);
    assert!(
        !out.contains("enregistrée") && !out.contains("recorded"),
        "a failed post announced a number:\n{}",
        describe(args, o)
    );
}

/// After a fault: the ledger opens the normal way, passes
/// `integrity_check` and `verify` (library and `jatebo verify`), and no
/// entry holds `key`. Returns the number of entries.
fn assert_intact_without(l: &Ledger, key: &str) -> usize {
    let books = Books::open(&l.path, OpenMode::Existing).expect("the ledger opens");
    let integrity = books
        .store()
        .read()
        .integrity_check()
        .expect("integrity_check");
    assert!(integrity.is_empty(), "integrity_check: {integrity:?}");
    let report = books.verify(None).expect("verify runs");
    assert!(report.ok(), "verify: {:#?}", report.problems);
    drop(books);
    l.assert_verified();
    let journal = l.journal(Some("coop"));
    let entries = journal.as_array().expect("journal array");
    assert!(
        entries.iter().all(|e| e["idem_key"] != key),
        "the failed entry {key} is in the journal"
    );
    entries.len()
}

fn post_args<'a>(key: &'a str, file: Option<&'a str>) -> Vec<&'a str> {
    let mut a = vec![
        "--org",
        "coop",
        "entry",
        "add",
        "--date",
        "2026-03-10",
        "--ref",
        key,
        "--memo",
        "Vente savons",
        "--key",
        key,
    ];
    match file {
        Some(f) => a.extend(["--file", f]),
        None => a.extend(["--debit=5711=12500", "--credit=70211=12500"]),
    }
    a
}

/// A lines file of 200 lines (100 debits on 5711, 100 credits on 70211).
fn bulk_file(path: &Path) {
    let mut s = String::from("compte;sens;montant;libellé\n");
    for i in 0..100 {
        let a = 1000 + i * 7;
        s.push_str(&format!("5711;D;{a};vente ticket {i} marché de Sikasso\n"));
        s.push_str(&format!("70211;C;{a};savons lot {i} marché de Sikasso\n"));
    }
    std::fs::write(path, s).expect("lines file");
}

/// A post that the disk refuses, then the same post once the limit is gone.
fn full_disk_post(l: &Ledger, limit: u64, key: &str, file: Option<&str>, en: bool) {
    let before = assert_intact_without(l, key);
    let mut args = post_args(key, file);
    if en {
        args.splice(0..0, ["--lang", "en"]);
    }
    let o = run_limited(l, limit, &args);
    assert_disk_refusal(&args, &o, if en { POST_EN } else { POST_FR });
    assert_eq!(assert_intact_without(l, key), before, "entry count changed");
    // Space freed: the same post goes through.
    let out = l.ok(&post_args(key, file));
    assert!(
        out.contains("Écriture N° 2026-") && out.contains("enregistrée"),
        "{out}"
    );
}

/// Something that must fail under `limit` and leave nothing behind (checked
/// by `left_nothing`), then succeed without it. The backup case, once
/// `jatebo backup --out FILE` exists, is one more call of this.
fn full_disk_output(
    l: &Ledger,
    limit: u64,
    args: &[&str],
    expected: &str,
    left_nothing: &dyn Fn(),
    then_ok: &dyn Fn(),
) {
    let o = run_limited(l, limit, args);
    assert_disk_refusal(args, &o, expected);
    left_nothing();
    then_ok();
}

#[test]
fn full_disk_during_posts_and_export_leaves_nothing_and_recovers() {
    let l = Ledger::with_coop();
    let floor = open_floor(&l);
    // The WAL of a post starts empty (the last process checkpointed and
    // removed it), so at the floor it cannot hold even one entry.
    let limit = floor;

    // (a) a single post, French then English; a 200-line post.
    full_disk_post(&l, limit, "plein-1", None, false);
    full_disk_post(&l, limit, "plein-en", None, true);
    let lines = l.dir.path().join("lignes.csv");
    bulk_file(&lines);
    let lines_s = lines.display().to_string();
    full_disk_post(&l, limit, "plein-200", Some(&lines_s), false);

    // (b) an export. More 200-line entries, so that some export files are
    // bigger than the floor while others are smaller.
    for i in 0..4 {
        l.ok(&post_args(&format!("gros-{i}"), Some(&lines_s)));
    }
    let reference = l.dir.path().join("reference");
    let month = "2026-03";
    l.ok(&[
        "--org",
        "coop",
        "export",
        "--month",
        month,
        "--out",
        &reference.display().to_string(),
    ]);
    // The files in the order the export writes them, with their sizes.
    let order = jatebo::export::STEPS[1..].to_vec();
    let sizes: Vec<u64> = order
        .iter()
        .map(|f| {
            std::fs::metadata(reference.join(f))
                .expect("reference file")
                .len()
        })
        .collect();
    // A limit that lets the first files through and stops a later one.
    let block = 4096;
    let mut pick = None;
    let mut written_max = floor;
    for (i, &s) in sizes.iter().enumerate() {
        let lim = written_max.div_ceil(block) * block;
        if i > 0 && s > lim {
            pick = Some((i, lim));
            break;
        }
        written_max = written_max.max(s);
    }
    let (fails_at, xlimit) = pick.unwrap_or_else(|| {
        panic!("no export file is bigger than the ones before it: {order:?} {sizes:?}")
    });
    eprintln!(
        "iofault: floor {floor} B; export sizes {:?}; limit {xlimit} B stops {}",
        order.iter().zip(&sizes).collect::<Vec<_>>(),
        order[fails_at]
    );

    // Into a folder the export creates: the folder goes too.
    let out = l.dir.path().join("export-mars");
    let out_s = out.display().to_string();
    let args = ["--org", "coop", "export", "--month", month, "--out", &out_s];
    full_disk_output(
        &l,
        xlimit,
        &args,
        EXPORT_FR,
        &|| {
            assert!(
                !out.exists(),
                "the export left its folder: {:?}",
                list(&out)
            )
        },
        &|| {
            l.ok(&args);
            let check = verify_export(&out, None).expect("verify_export");
            assert!(check.ok(), "{:#?}", check.problems);
        },
    );
    // Into an empty folder the user made: the folder stays, empty.
    let mine = l.dir.path().join("dossier-a-moi");
    std::fs::create_dir(&mine).unwrap();
    let mine_s = mine.display().to_string();
    let args = [
        "--org", "coop", "export", "--month", month, "--out", &mine_s,
    ];
    let o = run_limited(&l, xlimit, &args);
    assert_disk_refusal(&args, &o, EXPORT_FR);
    let err = stderr(&o);
    assert!(err.contains(&mine_s), "{err}");
    assert!(mine.is_dir(), "the user's folder was removed");
    assert!(list(&mine).is_empty(), "left behind: {:?}", list(&mine));
    assert!(!mine.join(MANIFEST).exists());
    l.ok(&args);
    assert!(verify_export(&mine, None).unwrap().ok());
    // In English.
    let en_dir = l.dir.path().join("export-en");
    let en_s = en_dir.display().to_string();
    let args = [
        "--lang", "en", "--org", "coop", "export", "--month", month, "--out", &en_s,
    ];
    let o = run_limited(&l, xlimit, &args);
    assert_disk_refusal(&args, &o, EXPORT_EN);
    assert!(!en_dir.exists());

    // (c) a backup (`jatebo backup --out FILE`): the copy of the whole
    // ledger cannot be written under the floor.
    full_disk_backup(&l, floor);

    // The ledger came through all of it.
    assert_intact_without(&l, "jamais");
}

/// `jatebo backup --out FILE` under `limit`: refused, no file (nor a
/// temporary one) left in the folder; then the same command works.
fn full_disk_backup(l: &Ledger, limit: u64) {
    let dir = l.dir.path().join("sauvegardes");
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("copie.db");
    let file_s = file.display().to_string();
    let args = ["backup", "--out", &file_s];
    full_disk_output(
        l,
        limit,
        &args,
        POST_FR,
        &|| assert!(list(&dir).is_empty(), "left behind: {:?}", list(&dir)),
        &|| {
            l.ok(&args);
            assert!(file.is_file());
        },
    );
    assert_intact_without(l, "jamais");
}

fn list(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(it) => it
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => vec![],
    }
}

// ---- fault injection: a VFS over the default one ----------------------------

/// A SQLite VFS that wraps the default ("unix") VFS and forwards everything,
/// except that while a fault is armed, writes to or syncs of the target
/// ledger's WAL (or main file) fail. Registered once, as the default VFS, so
/// `Books::open` uses it without knowing.
mod faulty {
    use std::ffi::{CStr, c_char, c_int, c_void};
    use std::ptr;
    use std::sync::Mutex;
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicI64, AtomicPtr, AtomicU32, Ordering};

    use rusqlite::ffi;

    /// What fails while armed.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Fault {
        /// Writes to the WAL return `SQLITE_IOERR_WRITE`.
        WriteIoErr,
        /// Writes to the WAL return `SQLITE_FULL`.
        WriteFull,
        /// Syncs of the WAL (the commit's fsync) return `SQLITE_IOERR_FSYNC`.
        Sync,
    }

    const OFF: u32 = 0;
    static ARMED: AtomicU32 = AtomicU32::new(OFF);
    /// Matching operations to let through before failing (then all fail).
    static SKIP: AtomicI64 = AtomicI64::new(0);
    static FAILED: AtomicU32 = AtomicU32::new(0);
    static TARGET: Mutex<Option<String>> = Mutex::new(None);
    static REAL: AtomicPtr<ffi::sqlite3_vfs> = AtomicPtr::new(ptr::null_mut());
    static REGISTERED: OnceLock<()> = OnceLock::new();

    fn code(f: Fault) -> u32 {
        match f {
            Fault::WriteIoErr => 1,
            Fault::WriteFull => 2,
            Fault::Sync => 3,
        }
    }

    /// Files whose full path starts with `prefix` are subject to faults.
    pub fn target(prefix: &str) {
        *TARGET.lock().unwrap() = Some(prefix.to_string());
    }

    /// From now on, after `skip` matching operations, every one fails.
    pub fn arm(f: Fault, skip: i64) {
        FAILED.store(0, Ordering::SeqCst);
        SKIP.store(skip, Ordering::SeqCst);
        ARMED.store(code(f), Ordering::SeqCst);
    }

    /// Stops failing; returns how many operations failed.
    pub fn disarm() -> u32 {
        ARMED.store(OFF, Ordering::SeqCst);
        FAILED.load(Ordering::SeqCst)
    }

    /// Whether this operation fails: armed with `f`, on a target WAL, after
    /// the operations to skip.
    fn fails(file: &File, f: Fault) -> bool {
        if !file.target || !file.wal || ARMED.load(Ordering::SeqCst) != code(f) {
            return false;
        }
        if SKIP.fetch_sub(1, Ordering::SeqCst) > 0 {
            return false;
        }
        FAILED.fetch_add(1, Ordering::SeqCst);
        true
    }

    #[repr(C)]
    struct File {
        base: ffi::sqlite3_file,
        target: bool,
        wal: bool,
        // The real file follows, at offset size_of::<File>().
    }

    unsafe fn real(f: *mut ffi::sqlite3_file) -> *mut ffi::sqlite3_file {
        unsafe { (f as *mut u8).add(std::mem::size_of::<File>()) as *mut ffi::sqlite3_file }
    }

    unsafe fn rm(f: *mut ffi::sqlite3_file) -> &'static ffi::sqlite3_io_methods {
        unsafe { &*(*real(f)).pMethods }
    }

    fn real_vfs() -> *mut ffi::sqlite3_vfs {
        REAL.load(Ordering::SeqCst)
    }

    unsafe extern "C" fn x_open(
        _vfs: *mut ffi::sqlite3_vfs,
        name: ffi::sqlite3_filename,
        file: *mut ffi::sqlite3_file,
        flags: c_int,
        out: *mut c_int,
    ) -> c_int {
        unsafe {
            let r = real_vfs();
            let inner = real(file);
            let rc = ((*r).xOpen.unwrap())(r, name, inner, flags, out);
            if rc != ffi::SQLITE_OK {
                (*file).pMethods = ptr::null();
                return rc;
            }
            let path = if name.is_null() {
                String::new()
            } else {
                CStr::from_ptr(name).to_string_lossy().into_owned()
            };
            let target = TARGET
                .lock()
                .unwrap()
                .as_deref()
                .is_some_and(|t| !path.is_empty() && path.starts_with(t));
            let f = file as *mut File;
            (*f).target = target;
            (*f).wal = flags & ffi::SQLITE_OPEN_WAL != 0;
            (*file).pMethods = &METHODS;
            rc
        }
    }

    unsafe extern "C" fn x_delete(_v: *mut ffi::sqlite3_vfs, n: *const c_char, s: c_int) -> c_int {
        unsafe {
            let r = real_vfs();
            ((*r).xDelete.unwrap())(r, n, s)
        }
    }

    unsafe extern "C" fn x_access(
        _v: *mut ffi::sqlite3_vfs,
        n: *const c_char,
        fl: c_int,
        out: *mut c_int,
    ) -> c_int {
        unsafe {
            let r = real_vfs();
            ((*r).xAccess.unwrap())(r, n, fl, out)
        }
    }

    unsafe extern "C" fn x_full(
        _v: *mut ffi::sqlite3_vfs,
        n: *const c_char,
        len: c_int,
        out: *mut c_char,
    ) -> c_int {
        unsafe {
            let r = real_vfs();
            ((*r).xFullPathname.unwrap())(r, n, len, out)
        }
    }

    unsafe extern "C" fn f_close(f: *mut ffi::sqlite3_file) -> c_int {
        unsafe { (rm(f).xClose.unwrap())(real(f)) }
    }
    unsafe extern "C" fn f_read(
        f: *mut ffi::sqlite3_file,
        b: *mut c_void,
        n: c_int,
        o: i64,
    ) -> c_int {
        unsafe { (rm(f).xRead.unwrap())(real(f), b, n, o) }
    }
    unsafe extern "C" fn f_write(
        f: *mut ffi::sqlite3_file,
        b: *const c_void,
        n: c_int,
        o: i64,
    ) -> c_int {
        unsafe {
            let me = &*(f as *const File);
            if fails(me, Fault::WriteIoErr) {
                return ffi::SQLITE_IOERR_WRITE;
            }
            if fails(me, Fault::WriteFull) {
                return ffi::SQLITE_FULL;
            }
            (rm(f).xWrite.unwrap())(real(f), b, n, o)
        }
    }
    unsafe extern "C" fn f_truncate(f: *mut ffi::sqlite3_file, s: i64) -> c_int {
        unsafe { (rm(f).xTruncate.unwrap())(real(f), s) }
    }
    unsafe extern "C" fn f_sync(f: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
        unsafe {
            if fails(&*(f as *const File), Fault::Sync) {
                return ffi::SQLITE_IOERR_FSYNC;
            }
            (rm(f).xSync.unwrap())(real(f), flags)
        }
    }
    unsafe extern "C" fn f_size(f: *mut ffi::sqlite3_file, s: *mut i64) -> c_int {
        unsafe { (rm(f).xFileSize.unwrap())(real(f), s) }
    }
    unsafe extern "C" fn f_lock(f: *mut ffi::sqlite3_file, l: c_int) -> c_int {
        unsafe { (rm(f).xLock.unwrap())(real(f), l) }
    }
    unsafe extern "C" fn f_unlock(f: *mut ffi::sqlite3_file, l: c_int) -> c_int {
        unsafe { (rm(f).xUnlock.unwrap())(real(f), l) }
    }
    unsafe extern "C" fn f_reserved(f: *mut ffi::sqlite3_file, out: *mut c_int) -> c_int {
        unsafe { (rm(f).xCheckReservedLock.unwrap())(real(f), out) }
    }
    unsafe extern "C" fn f_control(f: *mut ffi::sqlite3_file, op: c_int, a: *mut c_void) -> c_int {
        unsafe { (rm(f).xFileControl.unwrap())(real(f), op, a) }
    }
    unsafe extern "C" fn f_sector(f: *mut ffi::sqlite3_file) -> c_int {
        unsafe { (rm(f).xSectorSize.unwrap())(real(f)) }
    }
    unsafe extern "C" fn f_device(f: *mut ffi::sqlite3_file) -> c_int {
        unsafe { (rm(f).xDeviceCharacteristics.unwrap())(real(f)) }
    }
    unsafe extern "C" fn f_shm_map(
        f: *mut ffi::sqlite3_file,
        pg: c_int,
        sz: c_int,
        ext: c_int,
        pp: *mut *mut c_void,
    ) -> c_int {
        unsafe { (rm(f).xShmMap.unwrap())(real(f), pg, sz, ext, pp) }
    }
    unsafe extern "C" fn f_shm_lock(
        f: *mut ffi::sqlite3_file,
        o: c_int,
        n: c_int,
        fl: c_int,
    ) -> c_int {
        unsafe { (rm(f).xShmLock.unwrap())(real(f), o, n, fl) }
    }
    unsafe extern "C" fn f_shm_barrier(f: *mut ffi::sqlite3_file) {
        unsafe { (rm(f).xShmBarrier.unwrap())(real(f)) }
    }
    unsafe extern "C" fn f_shm_unmap(f: *mut ffi::sqlite3_file, del: c_int) -> c_int {
        unsafe { (rm(f).xShmUnmap.unwrap())(real(f), del) }
    }
    unsafe extern "C" fn f_fetch(
        f: *mut ffi::sqlite3_file,
        o: i64,
        n: c_int,
        pp: *mut *mut c_void,
    ) -> c_int {
        unsafe { (rm(f).xFetch.unwrap())(real(f), o, n, pp) }
    }
    unsafe extern "C" fn f_unfetch(f: *mut ffi::sqlite3_file, o: i64, p: *mut c_void) -> c_int {
        unsafe { (rm(f).xUnfetch.unwrap())(real(f), o, p) }
    }

    static METHODS: ffi::sqlite3_io_methods = ffi::sqlite3_io_methods {
        iVersion: 3,
        xClose: Some(f_close),
        xRead: Some(f_read),
        xWrite: Some(f_write),
        xTruncate: Some(f_truncate),
        xSync: Some(f_sync),
        xFileSize: Some(f_size),
        xLock: Some(f_lock),
        xUnlock: Some(f_unlock),
        xCheckReservedLock: Some(f_reserved),
        xFileControl: Some(f_control),
        xSectorSize: Some(f_sector),
        xDeviceCharacteristics: Some(f_device),
        xShmMap: Some(f_shm_map),
        xShmLock: Some(f_shm_lock),
        xShmBarrier: Some(f_shm_barrier),
        xShmUnmap: Some(f_shm_unmap),
        xFetch: Some(f_fetch),
        xUnfetch: Some(f_unfetch),
    };

    /// Registers the VFS as the default, once per test process.
    pub fn register() {
        REGISTERED.get_or_init(|| unsafe {
            let r = ffi::sqlite3_vfs_find(ptr::null());
            assert!(!r.is_null(), "no default VFS");
            // Every file the unix VFS opens uses io methods of version 3
            // (with shared memory); ours forward all of them.
            REAL.store(r, Ordering::SeqCst);
            let mut v: ffi::sqlite3_vfs = *r;
            v.szOsFile = (std::mem::size_of::<File>() as c_int) + (*r).szOsFile;
            v.zName = c"jatebo-iofault".as_ptr();
            v.pNext = ptr::null_mut();
            v.xOpen = Some(x_open);
            v.xDelete = Some(x_delete);
            v.xAccess = Some(x_access);
            v.xFullPathname = Some(x_full);
            let v = Box::leak(Box::new(v));
            let rc = ffi::sqlite3_vfs_register(v, 1);
            assert_eq!(rc, ffi::SQLITE_OK, "sqlite3_vfs_register");
        });
        assert_eq!(std::mem::size_of::<File>() % 8, 0);
    }
}

use faulty::Fault;

/// The VFS is global to the process: the in-process cases run one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

struct Setup {
    _dir: tempfile::TempDir,
    path: PathBuf,
    books: Books,
    actor: Actor,
}

fn setup() -> Setup {
    faulty::register();
    let dir = tempfile::tempdir().unwrap();
    let canonical = dir.path().canonicalize().unwrap();
    faulty::target(&format!("{}/", canonical.display()));
    let path = canonical.join("registre.db");
    let mut books = Books::open(&path, OpenMode::CreateIfMissing).expect("create");
    let actor = Actor::new("Awa").unwrap();
    books
        .add_org(&actor, "coop", "Coop Savon", OrgKind::Coop)
        .expect("org");
    Setup {
        _dir: dir,
        path,
        books,
        actor,
    }
}

fn entry(key: &str, day: u32, amount: i64) -> NewEntry {
    let line = |account: &str, side, label: &str| LineInput {
        account: account.parse().unwrap(),
        side,
        amount: Fcfa::new(amount),
        label: label.into(),
    };
    NewEntry {
        idem_key: key.into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
        doc_ref: key.into(),
        memo: format!("Vente {key}"),
        lines: vec![
            line("5711", Side::Debit, "caisse"),
            line("70211", Side::Credit, "savons"),
        ],
        source: None,
    }
}

/// The entry holding `key`, if any.
fn find(books: &Books, key: &str) -> Option<jatebo::store::EntryView> {
    let org = books.org("coop").unwrap();
    books
        .journal(&org, &JournalQuery::default())
        .unwrap()
        .into_iter()
        .find(|e| e.entry.idem_key == key)
}

fn count(books: &Books) -> usize {
    let org = books.org("coop").unwrap();
    books.journal(&org, &JournalQuery::default()).unwrap().len()
}

/// integrity_check and verify both clean.
fn assert_sound(books: &Books) {
    let integrity = books
        .store()
        .read()
        .integrity_check()
        .expect("integrity_check");
    assert!(integrity.is_empty(), "integrity_check: {integrity:?}");
    let report = books.verify(None).expect("verify runs");
    assert!(report.ok(), "verify: {:#?}", report.problems);
}

/// The message the user reads, in French and in English.
fn messages(e: &Error) -> (String, String) {
    jatebo::i18n::set_lang(Lang::En);
    let en = e.to_string();
    jatebo::i18n::set_lang(Lang::Fr);
    (e.to_string(), en)
}

fn posted(out: PostOutcome) -> jatebo::domain::ledger::EntryNumber {
    match out {
        PostOutcome::Posted(e) => e.number,
        other => panic!("expected a new entry, got {other:?}"),
    }
}

/// A post whose WAL writes fail after `skip` successful ones, every frame in
/// turn, until one lands after the commit: each failure leaves the same
/// Books usable, and a fresh one, without the entry. Returns how many
/// failures were seen.
fn failing_wal_writes(fault: Fault) -> u32 {
    let mut s = setup();
    let org = s.books.org("coop").unwrap();
    posted(
        s.books
            .post(&s.actor, &org, entry("avant", 2, 1000))
            .unwrap(),
    );
    let mut failures = 0;
    for skip in 0.. {
        assert!(skip < 500, "the post never got through");
        let key = format!("k-{skip}");
        let before = count(&s.books);
        faulty::arm(fault, skip);
        let res = s.books.post(&s.actor, &org, entry(&key, 5, 2500));
        let failed_ops = faulty::disarm();
        match res {
            Ok(out) => {
                // Every write of the transaction went through.
                assert_eq!(failed_ops, 0);
                posted(out);
                break;
            }
            Err(e) => {
                failures += 1;
                assert!(failed_ops > 0, "failed without a fault: {e:?}");
                let (fr, en) = messages(&e);
                match fault {
                    Fault::WriteIoErr => {
                        assert!(matches!(e, Error::WriteFailed { .. }), "{e:?}");
                        assert!(fr.contains("Impossible d'écrire sur le disque"), "{fr}");
                        assert!(fr.contains("rien n'a été enregistré"), "{fr}");
                        assert!(en.contains("Could not write to the disk"), "{en}");
                    }
                    _ => {
                        assert!(matches!(e, Error::DiskFull), "{e:?}");
                        assert!(fr.contains("Le disque est plein"), "{fr}");
                        assert!(en.contains("The disk is full"), "{en}");
                    }
                }
                // The same Books: nothing of it, still sound, and it works.
                assert!(find(&s.books, &key).is_none(), "skip {skip}: entry present");
                assert_eq!(count(&s.books), before);
                assert_sound(&s.books);
                // A fresh connection sees the same.
                let fresh = Books::open(&s.path, OpenMode::Existing).unwrap();
                assert!(find(&fresh, &key).is_none());
                assert_sound(&fresh);
            }
        }
    }
    // Reopened from scratch (everything closed), the last post is there, the
    // failed keys are not.
    let path = s.path.clone();
    drop(s.books);
    let books = Books::open(&path, OpenMode::Existing).unwrap();
    assert_sound(&books);
    assert_eq!(count(&books), 2);
    for skip in 0..failures {
        assert!(find(&books, &format!("k-{skip}")).is_none());
    }
    failures
}

#[test]
fn injected_write_and_fsync_failures() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    jatebo::i18n::set_lang(Lang::Fr);

    // 1. WAL writes fail (SQLITE_IOERR_WRITE, then SQLITE_FULL), at every
    //    write of the transaction in turn.
    let ioerr = failing_wal_writes(Fault::WriteIoErr);
    let full = failing_wal_writes(Fault::WriteFull);
    eprintln!("iofault: failing WAL writes: {ioerr} positions (IOERR_WRITE), {full} (FULL)");
    assert!(ioerr >= 2 && full >= 2);

    // 2. The commit's fsync fails.
    fsync_failure_on_post();
    // 3. A month close whose fsync fails.
    fsync_failure_on_close();
}

/// What became of an entry whose commit fsync failed: see the module's
/// doc and docs/reliability.md.
fn fsync_failure_on_post() {
    let mut s = setup();
    let org = s.books.org("coop").unwrap();
    posted(
        s.books
            .post(&s.actor, &org, entry("avant", 2, 1000))
            .unwrap(),
    );
    let before = count(&s.books);
    faulty::arm(Fault::Sync, 0);
    let e = s
        .books
        .post(&s.actor, &org, entry("fsync", 5, 7500))
        .expect_err("the commit's fsync failed");
    // The disk stays broken a moment: copy the files as a crash would leave
    // them (no -shm, so the next open rebuilds the index from the WAL).
    let crash = tempfile::tempdir().unwrap();
    let crash_db = crash.path().join("registre.db");
    std::fs::copy(&s.path, &crash_db).unwrap();
    std::fs::copy(
        common::sidecar(&s.path, "-wal"),
        common::sidecar(&crash_db, "-wal"),
    )
    .unwrap();
    let failed_syncs = faulty::disarm();
    assert!(failed_syncs >= 1);
    assert!(matches!(e, Error::SyncFailed { .. }), "{e:?}");
    let (fr, en) = messages(&e);
    assert!(fr.contains("Le disque n'a pas confirmé l'écriture"), "{fr}");
    assert!(fr.contains("réapparaître"), "{fr}");
    assert!(en.contains("did not confirm the write"), "{en}");

    // The process that was told "failed": SQLite rolled the transaction
    // back; the same Books and a fresh one agree, the entry is absent.
    assert!(
        find(&s.books, "fsync").is_none(),
        "present after a failed commit"
    );
    assert_eq!(count(&s.books), before);
    assert_sound(&s.books);
    let fresh = Books::open(&s.path, OpenMode::Existing).unwrap();
    assert!(find(&fresh, "fsync").is_none());
    assert_sound(&fresh);
    drop(fresh);

    // The crash copy: the commit frame was written before the fsync
    // failed, so recovery finds a complete transaction in the WAL.
    let crashed = Books::open(&crash_db, OpenMode::Existing).unwrap();
    assert_sound(&crashed);
    let resurrected = find(&crashed, "fsync");
    eprintln!(
        "iofault: after a failed commit fsync and a crash, the entry is {}",
        if resurrected.is_some() {
            "present"
        } else {
            "absent"
        }
    );
    if let Some(v) = &resurrected {
        // Whole: its lines, its hash, and a retry with its key records
        // nothing new.
        assert_eq!(v.entry.lines.len(), 2);
        assert_eq!(v.entry.compute_hash(), v.entry.hash);
        assert_eq!(count(&crashed), before + 1);
        let mut crashed = crashed;
        let corg = crashed.org("coop").unwrap();
        match crashed
            .post(&s.actor, &corg, entry("fsync", 5, 7500))
            .unwrap()
        {
            PostOutcome::AlreadyRecorded(n) => assert_eq!(n, v.entry.number),
            other => panic!("a retry recorded again: {other:?}"),
        }
    }
    // Measured with SQLite's unix VFS: present (the WAL held the commit).
    assert!(
        resurrected.is_some(),
        "recovery did not bring the entry back"
    );

    // The process that goes on: the retry records it (once).
    let n = posted(
        s.books
            .post(&s.actor, &org, entry("fsync", 5, 7500))
            .unwrap(),
    );
    assert_eq!(count(&s.books), before + 1);
    match s
        .books
        .post(&s.actor, &org, entry("fsync", 5, 7500))
        .unwrap()
    {
        PostOutcome::AlreadyRecorded(m) => assert_eq!(m, n),
        other => panic!("{other:?}"),
    }
    assert_sound(&s.books);

    // The disk stays broken until the process exits: the close's
    // checkpoint fails too, the WAL stays, and the next open replays it.
    faulty::arm(Fault::Sync, 0);
    let e = s
        .books
        .post(&s.actor, &org, entry("fsync-exit", 6, 8000))
        .expect_err("fsync failed");
    assert!(matches!(e, Error::SyncFailed { .. }), "{e:?}");
    let path = s.path.clone();
    drop(s.books);
    faulty::disarm();
    let books = Books::open(&path, OpenMode::Existing).unwrap();
    assert_sound(&books);
    let back = find(&books, "fsync-exit");
    eprintln!(
        "iofault: after a failed commit fsync and a normal exit while the disk still fails, \
         the entry is {}",
        if back.is_some() { "present" } else { "absent" }
    );
    // Measured: present. The close's checkpoint could not sync, so the WAL
    // was kept, and the next open rebuilt the index from every complete
    // transaction in it, the "failed" one included: whole, verified, and
    // found by its key.
    let v = back.expect("the entry came back");
    assert_eq!(v.entry.lines.len(), 2);
    assert_eq!(v.entry.compute_hash(), v.entry.hash);
    let mut books = books;
    let borg = books.org("coop").unwrap();
    match books
        .post(&s.actor, &borg, entry("fsync-exit", 6, 8000))
        .unwrap()
    {
        PostOutcome::AlreadyRecorded(n) => assert_eq!(n, v.entry.number),
        other => panic!("a retry recorded again: {other:?}"),
    }

    // The disk recovers before the process exits: the close's checkpoint
    // copies only the published frames and removes the WAL, so the entry
    // whose fsync failed is gone for good.
    faulty::arm(Fault::Sync, 0);
    let e = books
        .post(&s.actor, &borg, entry("fsync-healthy", 7, 9000))
        .expect_err("fsync failed");
    assert!(matches!(e, Error::SyncFailed { .. }), "{e:?}");
    faulty::disarm();
    drop(books);
    assert!(
        !common::sidecar(&path, "-wal").exists(),
        "the WAL outlived the last connection"
    );
    let books = Books::open(&path, OpenMode::Existing).unwrap();
    assert_sound(&books);
    assert!(find(&books, "fsync-healthy").is_none(), "came back");
}

fn fsync_failure_on_close() {
    let mut s = setup();
    let org = s.books.org("coop").unwrap();
    posted(
        s.books
            .post(&s.actor, &org, entry("mars", 2, 1000))
            .unwrap(),
    );
    let march = Month::new(2026, 3).unwrap();
    faulty::arm(Fault::Sync, 0);
    let e = s
        .books
        .close_month(&s.actor, &org, march)
        .expect_err("the close's fsync failed");
    assert!(faulty::disarm() >= 1);
    assert!(matches!(e, Error::SyncFailed { .. }), "{e:?}");
    let (fr, _) = messages(&e);
    assert!(fr.contains("Le disque n'a pas confirmé l'écriture"), "{fr}");
    // Not closed: the same Books and a fresh one.
    assert!(s.books.closes(&org).unwrap().is_empty());
    assert_sound(&s.books);
    let fresh = Books::open(&s.path, OpenMode::Existing).unwrap();
    assert!(
        fresh
            .closes(&fresh.org("coop").unwrap())
            .unwrap()
            .is_empty()
    );
    assert_sound(&fresh);
    drop(fresh);
    // Posting into March still works, then the close goes through.
    posted(
        s.books
            .post(&s.actor, &org, entry("mars-2", 20, 500))
            .unwrap(),
    );
    let closed = s.books.close_month(&s.actor, &org, march).unwrap();
    assert!(!closed.is_empty());
    assert_sound(&s.books);
    let path = s.path.clone();
    drop(s.books);
    let books = Books::open(&path, OpenMode::Existing).unwrap();
    assert_sound(&books);
    assert_eq!(
        books.closes(&books.org("coop").unwrap()).unwrap().len(),
        closed.len()
    );
}

// ---- a failed fsync in the real binary --------------------------------------

/// Runs `jatebo --db <ledger> <args…>` under `strace`, every `fsync` and
/// `fdatasync` failing with EIO: a disk that takes writes but never
/// confirms them. `None` when this machine does not let strace trace (no
/// ptrace in the container): said on stderr, nothing asserted then.
fn run_unsynced(l: &Ledger, args: &[&str]) -> Option<Output> {
    let probe = Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "true"])
        .output()
        .unwrap_or_else(|e| panic!("strace is needed (bash .ci/setup installs it): {e}"));
    if !probe.status.success() {
        let why = String::from_utf8_lossy(&probe.stderr).trim().to_string();
        assert!(
            why.contains("ptrace") || why.contains("not permitted"),
            "strace fails for another reason than ptrace: {why}"
        );
        eprintln!(
            "iofault: strace cannot trace here ({why}): the fsync test of the binary did not run"
        );
        return None;
    }
    let strace = [
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        "trace=fsync,fdatasync",
        "-e",
        "inject=fsync,fdatasync:error=EIO",
    ];
    Some(
        common::under("strace", &strace, &l.command(args))
            .output()
            .expect("run strace"),
    )
}

/// `entry add` without `--key` whose commit fsync fails: the message says
/// the entry may come back, and the generated key is printed so that the
/// retry can never record it twice. Retried twice with that key once the
/// disk answers again: one entry.
#[test]
fn a_failed_fsync_in_the_binary_gives_the_key_to_retry_with() {
    let l = Ledger::with_coop();
    let args = [
        "--org",
        "coop",
        "entry",
        "add",
        "--date",
        "2026-03-02",
        "--ref",
        "F-17",
        "--memo",
        "Vente, disque défaillant",
        "--debit=5711=1500",
        "--credit=70211=1500",
    ];
    let Some(o) = run_unsynced(&l, &args) else {
        return;
    };
    assert_eq!(code(&o), 1, "{}", describe(&args, &o));
    let err = stderr(&o);
    eprintln!(
        "iofault: jatebo entry add (fsync failing) -> {}",
        err.trim_end()
    );
    assert!(
        err.contains("Le disque n'a pas confirmé l'écriture")
            && err.contains("avec la même clé --key"),
        "{}",
        describe(&args, &o)
    );
    assert!(
        !stdout(&o).contains("enregistrée"),
        "{}",
        describe(&args, &o)
    );
    let key = err
        .lines()
        .find_map(|line| line.strip_prefix("Clé de cette écriture : "))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no key to retry with:\n{}", describe(&args, &o)))
        .to_string();
    assert!(
        err.contains(&format!("ajoutez --key {key}.")),
        "{}",
        describe(&args, &o)
    );
    // Whether or not the entry came back, the retries record it once.
    let mut retry = args.to_vec();
    retry.extend(["--key", key.as_str()]);
    l.ok(&retry);
    l.ok(&retry);
    let journal = l.journal(Some("coop"));
    let with_key = journal
        .as_array()
        .expect("journal array")
        .iter()
        .filter(|e| e["idem_key"] == key.as_str())
        .count();
    assert_eq!(with_key, 1, "{journal:#}");
    l.assert_verified();
}
