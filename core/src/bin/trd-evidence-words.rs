//! Writes a language's message catalogue as the file the web bundle reads (the bundle carries
//! English only; see `words::install_catalogue`): `trd-evidence-words es > trd-evidence.words.es.json`.

use std::process::ExitCode;
use trd_core::words::{catalogue_file, Lang};

fn main() -> ExitCode {
    let tag = std::env::args().nth(1).unwrap_or_default();
    match Lang::from_tag(&tag) {
        Some(lang) => {
            println!("{}", catalogue_file(lang));
            ExitCode::SUCCESS
        }
        None => {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
            eprintln!(
                "usage: trd-evidence-words LANGUAGE  (one of {})",
                known.join(", ")
            );
            ExitCode::from(2)
        }
    }
}
