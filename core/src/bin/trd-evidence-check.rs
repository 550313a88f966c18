//! Checks data files with exactly the checks the widget runs, and prints every problem with
//! its JSON path. Exit status: 0 all files valid, 1 a file has problems, 2 usage error.
//!
//!     ./x check FILE [FILE ...]   (or: cargo run -p trd-evidence-core --bin trd-evidence-check -- FILE)

use std::process::ExitCode;
use trd_core::load::{decode_text, load_dataset};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: trd-evidence-check FILE [FILE ...]");
        return ExitCode::from(2);
    }
    let mut all_valid = true;
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                println!("{file}: cannot be read: {e}");
                all_valid = false;
                continue;
            }
        };
        // The same reading as the widget's: the encoding first, then the data.
        match decode_text(bytes).and_then(|text| load_dataset(&text)) {
            Ok(data) => {
                let findings: usize = data.options.iter().map(|o| o.findings.len()).sum();
                println!(
                    "{file}: valid — {} options, {findings} findings, {} citations",
                    data.options.len(),
                    data.citations.len()
                );
            }
            Err(error) => {
                all_valid = false;
                println!("{file}: {error}");
                if let trd_core::load::LoadError::Invalid(problems) = &error {
                    // Every problem, uncapped: the author fixes them all from here.
                    for problem in problems {
                        println!("  {problem}");
                    }
                }
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
