use super::Heading;
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
}

/// Numbered sources; each figure's [n] jumps here.
#[function_component]
pub fn CitationList(props: &CitationListProps) -> Html {
    let w = props.words;
    html! {
        <div class="trd-sources">
            <Heading level={props.heading_level}>{ w.t().sources }</Heading>
            <ol class="trd-citations">
                { for props.citations.iter().map(|c| citation_view(c, &props.id_prefix, w)) }
            </ol>
        </div>
    }
}

fn citation_view(entry: &NumberedCitation, prefix: &str, w: Words) -> Html {
    let c = &entry.citation;
    html! {
        <li id={format!("{prefix}-cite-{}", entry.number)} value={entry.number.to_string()}>
            { format!("{} ({}). ", c.authors, c.year) }
            <span class="trd-cite-title">{ format!("{}. ", c.title) }</span>
            { for c.journal.as_ref().map(|j| html! { <cite>{ j.clone() }</cite> }) }
            { for c.volume_pages.as_ref().map(|v| html! { { format!(" {v}") } }) }
            { if c.journal.is_some() || c.volume_pages.is_some() { html! { ". " } } else { html! {} } }
            { for entry.link.as_ref().map(|link| html! {
                <a href={link.clone()} target="_blank" rel="noopener noreferrer">
                    { link_label(c, w) }<span class="trd-visually-hidden">{ w.t().opens_in_new_tab }</span>
                </a>
            }) }
        </li>
    }
}

fn link_label(c: &Citation, w: Words) -> String {
    if let Some(doi) = &c.doi {
        format!("doi:{doi}")
    } else if let Some(pmid) = &c.pmid {
        w.fill(w.t().pubmed_link, &[("pmid", pmid)])
    } else {
        w.t().source_page.to_string()
    }
}
