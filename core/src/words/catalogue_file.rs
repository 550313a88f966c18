//! A language's catalogue as a file, and installing one in the web bundle.

use super::{Catalogue, Lang};

/// The first line of a catalogue file, with the count and a fingerprint of the message ids, so
/// a file made for another version of the widget is refused rather than misread.
pub fn catalogue_file_header() -> String {
    format!(
        "trd-evidence-words/1 {} {:08x}",
        Catalogue::COUNT,
        Catalogue::FINGERPRINT
    )
}

/// A language's catalogue as a file: a JSON array of the header and every message in order.
pub fn catalogue_file(lang: Lang) -> String {
    let texts: Vec<String> = std::iter::once(catalogue_file_header())
        .chain(
            lang.catalogue()
                .entries()
                .into_iter()
                .map(|(_, text)| text.to_string()),
        )
        .collect();
    serde_json::to_string(&texts).unwrap_or_default()
}

/// Why a catalogue file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogueFileError {
    NotJson,
    /// Made for another version of the widget (its header differs).
    OtherVersion,
}

static INSTALLED: std::sync::OnceLock<(Lang, &'static Catalogue)> = std::sync::OnceLock::new();

pub(super) fn installed(lang: Lang) -> Option<&'static Catalogue> {
    INSTALLED
        .get()
        .filter(|(l, _)| *l == lang)
        .map(|(_, catalogue)| *catalogue)
}

/// Installs a language's catalogue from its file's text (see `catalogue_file`). One language
/// besides English per page: the first installed stays.
pub fn install_catalogue(lang: Lang, text: &str) -> Result<(), CatalogueFileError> {
    if installed(lang).is_some() {
        return Ok(());
    }
    let texts: Vec<String> = serde_json::from_str(text).map_err(|_| CatalogueFileError::NotJson)?;
    let (header, messages) = texts
        .split_first()
        .ok_or(CatalogueFileError::OtherVersion)?;
    if *header != catalogue_file_header() {
        return Err(CatalogueFileError::OtherVersion);
    }
    // Kept for the page's lifetime, as a compiled-in catalogue is.
    let leaked: Vec<&'static str> = messages
        .iter()
        .map(|m| &*Box::leak(m.clone().into_boxed_str()))
        .collect();
    let catalogue = Catalogue::from_texts(&leaked).ok_or(CatalogueFileError::OtherVersion)?;
    let _ = INSTALLED.set((lang, Box::leak(Box::new(catalogue))));
    Ok(())
}
