//! The abbreviations readers meet in option names and study details, each said in full in the
//! catalogue, and a finder for the ones a piece of text uses: the widget defines them beside
//! the text, so no reader is left with "QIDS-C16" or "HF-rTMS".

use super::{Catalogue, Words};

type Definition = fn(&Catalogue) -> &'static str;

/// Abbreviation → its words, with the Spanish abbreviations Spanish text uses for the same
/// terms (DRT for TRD, TEC for ECT…). A longer term comes before a shorter one it contains
/// ("rTMS" before "TMS"), so text matches the longest.
const TERMS: [(&str, Definition); 63] = [
    ("TRD", |t| t.term_trd),
    ("MDD", |t| t.term_mdd),
    ("MDE", |t| t.term_mde),
    ("AD", |t| t.term_ad),
    ("SSRI", |t| t.term_ssri),
    ("SNRI", |t| t.term_snri),
    ("MAOI", |t| t.term_maoi),
    ("T3", |t| t.term_t3),
    ("SR", |t| t.term_sr),
    ("XR", |t| t.term_xr),
    ("IV", |t| t.term_iv),
    ("CBT", |t| t.term_cbt),
    ("IPT", |t| t.term_ipt),
    ("TAU", |t| t.term_tau),
    ("HF-rTMS", |t| t.term_hf_rtms),
    ("rTMS", |t| t.term_rtms),
    ("dTMS", |t| t.term_dtms),
    ("TMS", |t| t.term_tms),
    ("iTBS", |t| t.term_itbs),
    ("SNT", |t| t.term_snt),
    ("fMRI", |t| t.term_fmri),
    ("MRI", |t| t.term_mri),
    ("ECT", |t| t.term_ect),
    ("VNS", |t| t.term_vns),
    ("DBS", |t| t.term_dbs),
    ("RCT", |t| t.term_rct),
    ("QIDS", |t| t.term_qids),
    ("IDS", |t| t.term_ids),
    ("MADRS", |t| t.term_madrs),
    ("HAM-D", |t| t.term_hamd),
    ("HRSD", |t| t.term_hamd),
    ("HDRS", |t| t.term_hamd),
    ("BDI", |t| t.term_bdi),
    ("CGI", |t| t.term_cgi),
    ("OR", |t| t.term_or),
    ("RR", |t| t.term_rr),
    ("HR", |t| t.term_hr),
    ("SMD", |t| t.term_smd),
    ("NNT", |t| t.term_nnt),
    ("CI", |t| t.term_ci),
    ("SD", |t| t.term_sd),
    ("NS", |t| t.term_ns),
    ("FDA", |t| t.term_fda),
    ("NICE", |t| t.term_nice),
    ("QALY", |t| t.term_qaly),
    ("DRT", |t| t.term_trd),
    ("TDM", |t| t.term_mdd),
    ("ISRS", |t| t.term_ssri),
    ("IRSN", |t| t.term_snri),
    ("IMAO", |t| t.term_maoi),
    ("TCC", |t| t.term_cbt),
    ("TIP", |t| t.term_ipt),
    ("EMTr", |t| t.term_rtms),
    ("EMT", |t| t.term_tms),
    ("RMf", |t| t.term_fmri),
    ("RM", |t| t.term_mri),
    ("TEC", |t| t.term_ect),
    ("ENV", |t| t.term_vns),
    ("ECP", |t| t.term_dbs),
    ("ECA", |t| t.term_rct),
    ("IC", |t| t.term_ci),
    ("DE", |t| t.term_sd),
    ("AVAC", |t| t.term_qaly),
];

/// Whether `token` is the abbreviation `term` as text writes it: itself, a plural ("RCTs",
/// "ADs"), or with a version or part after a hyphen or digits ("QIDS-C16", "HRSD-17",
/// "CGI-I", "BDI-II").
fn uses(token: &str, term: &str) -> bool {
    match token.strip_prefix(term) {
        Some("" | "s") => true,
        Some(rest) => rest.starts_with('-') || rest.starts_with(|c: char| c.is_ascii_digit()),
        None => false,
    }
}

impl Words {
    /// The abbreviations in `texts`, each once, in the order first used, with their words.
    pub fn terms_in<'a>(
        self,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Vec<(&'static str, &'static str)> {
        let t = self.t();
        let mut found: Vec<(&'static str, &'static str)> = Vec::new();
        for text in texts {
            let tokens = text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'));
            for token in tokens.filter(|t| !t.is_empty()) {
                // The longest term the token uses (terms are listed longest first where they nest).
                let Some((term, words)) = TERMS.iter().find(|(term, _)| uses(token, term)) else {
                    continue;
                };
                if !found.iter().any(|(seen, _)| seen == term) {
                    found.push((term, words(t)));
                }
            }
        }
        found
    }
}
