use std::process::ExitCode;

use clap::Parser;
use jatebo::cli::{self, Cli};
use jatebo::i18n;

/// The language must be known before clap builds its (translated) help, so
/// `--lang` is looked for in the raw arguments first.
fn lang_from_args() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    })
}

fn main() -> ExitCode {
    i18n::set_lang(i18n::detect(lang_from_args().as_deref()));
    let parsed = Cli::parse();
    match cli::run(parsed) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("{}", jatebo::t!("error-prefix", message = e.to_string()));
            ExitCode::from(1)
        }
    }
}
