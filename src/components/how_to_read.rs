use super::{kind_meaning, outcome_words, Folded, SharedDataset};
use trd_core::model::{ComparatorKind, Tier};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HowToReadProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub data: SharedDataset,
}

/// "How to read this", folded: what response and remission mean (in the dataset's own words),
/// what each kind of comparison group is, why the figures are not a direct comparison, how sure
/// each kind of study is, and the abbreviations readers will meet.
#[function_component]
pub fn HowToRead(props: &HowToReadProps) -> Html {
    let w = props.words;
    let t = w.t();
    let definitions = &props.data.dataset.definitions;
    let kinds = [
        ComparatorKind::Sham,
        ComparatorKind::Placebo,
        ComparatorKind::UsualCare,
        ComparatorKind::Active,
        ComparatorKind::Subgroup,
        ComparatorKind::None,
    ];
    let tiers = [
        (Tier::A, &definitions.tiers.a),
        (Tier::B, &definitions.tiers.b),
        (Tier::C, &definitions.tiers.c),
        (Tier::D, &definitions.tiers.d),
    ];
    let glossary = w.terms_in([t.how_glossary_terms]);
    html! {
        <Folded class="trd-how" summary={html! { t.how_to_read }}>
            <dl class="trd-how-list">
                <dt>{ outcome_words(trd_core::model::Metric::Response, w) }</dt><dd>{ definitions.response.clone() }</dd>
                <dt>{ outcome_words(trd_core::model::Metric::Remission, w) }</dt><dd>{ definitions.remission.clone() }</dd>
            </dl>
            <p>{ t.how_people }</p>
            <p>{ t.how_groups }</p>
            <dl class="trd-how-list">
                { for kinds.iter().map(|&kind| html! {
                    <><dt>{ w.sentence_start(w.comparator_kind(kind)) }</dt><dd>{ kind_meaning(kind, w) }</dd></>
                }) }
            </dl>
            <p>{ t.how_bars }</p>
            <p>{ definitions.comparability.clone() }</p>
            <p>{ t.how_tiers }</p>
            <dl class="trd-how-list">
                { for tiers.iter().map(|(tier, words)| html! {
                    <><dt>{ w.tier_explained(*tier, None) }</dt><dd>{ (*words).clone() }</dd></>
                }) }
            </dl>
            <p>{ t.how_glossary }</p>
            <dl class="trd-how-list">
                { for glossary.iter().map(|(term, words)| html! { <><dt>{ *term }</dt><dd>{ *words }</dd></> }) }
            </dl>
        </Folded>
    }
}
