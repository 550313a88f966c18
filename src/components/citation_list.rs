use super::{heading, Folded};
use std::rc::Rc;
use trd_core::model::Citation;
use trd_core::view_model::NumberedCitation;
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CitationListProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    /// Compared by value: a sort leaves the numbering, and so this list, unchanged.
    pub citations: Rc<[NumberedCitation]>,
    pub heading_level: u8,
    pub id_prefix: AttrValue,
    /// Build the list while folded: a figure whose [n] links point into it is open, or the
    /// page is being printed.
    #[prop_or_default]
    pub build: bool,
}

/// The numbered sources, folded under a heading that says how many; each figure's [n] opens
/// the list and brings its entry into view and focus.
#[function_component]
pub fn CitationList(props: &CitationListProps) -> Html {
    let w = props.words;
    let t = w.t();
    let summary = html! {
        { heading(props.heading_level, None, html! {
            { w.fill(t.sources_count, &[("count", &props.citations.len().to_string())]) }
        }) }
    };
    html! {
        // Its heading counts the chosen options' sources: a first view cut down to the chosen
        // options (the loader's `cutToChosen`) hides what is marked `trd-by-selection`.
        <Folded class="trd-sources trd-by-selection" {summary} build={props.build}>
            <ol class="trd-citations">
                { for props.citations.iter().map(|c| citation_view(c, &props.id_prefix, w)) }
            </ol>
        </Folded>
    }
}

fn citation_view(entry: &NumberedCitation, prefix: &str, w: Words) -> Html {
    let c = &entry.citation;
    html! {
        <li id={format!("{prefix}-cite-{}", entry.number)} value={entry.number.to_string()} tabindex="-1">
            <span class="trd-cite-who">{ format!("{} ({}). ", c.authors, c.year) }</span>
            // On paper, the first author: the whole list is online.
            <span class="trd-cite-who-short">{ format!("{}. ", c.short_label()) }</span>
            <span class="trd-cite-title">{ format!("{}. ", c.title) }</span>
            { for c.journal.as_ref().map(|j| html! { <cite>{ j.clone() }</cite> }) }
            { for c.volume_pages.as_ref().map(|v| html! { { format!(" {v}") } }) }
            { if c.journal.is_some() || c.volume_pages.is_some() { html! { ". " } } else { html! {} } }
            { for entry.link.as_ref().map(|link| {
                // Named by its source, so a list of links reads as a list of sources.
                let label = link_label(c, link, w);
                let name = w.fill(w.t().source_link_name, &[("source", &c.short_label()), ("link", &label)]);
                html! {
                    <a href={link.clone()} target="_blank" rel="noopener noreferrer" aria-label={name}>
                        { label }
                    </a>
                }
            }) }
        </li>
    }
}

/// "doi:10.1017/…", "PubMed 12345", or the site's name ("www.fda.gov") for another page.
fn link_label(c: &Citation, link: &str, w: Words) -> String {
    if let Some(doi) = &c.doi {
        format!("doi:{doi}")
    } else if let Some(pmid) = &c.pmid {
        w.fill(w.t().pubmed_link, &[("pmid", pmid)])
    } else {
        let host = link
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split('/').next());
        host.filter(|h| !h.is_empty())
            .map_or_else(|| w.t().source_page.to_string(), str::to_string)
    }
}
