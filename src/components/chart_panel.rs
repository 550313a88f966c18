use super::Heading;
use crate::chart::{metric_panel_svg, DEFAULT_WIDTH};
use crate::model::Metric;
use crate::view_model::Comparison;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    pub comparison: Rc<Comparison>,
    pub metric: Metric,
    pub heading_level: u8,
}

/// One metric's chart, with a text summary for screen readers and the reading note.
#[function_component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let width = use_state_eq(|| DEFAULT_WIDTH);
    let chart_ref = use_node_ref();
    #[cfg(target_arch = "wasm32")]
    {
        let width = width.clone();
        let chart_ref = chart_ref.clone();
        use_effect_with((), move |_| {
            // Drawn at the real width so chart text is never scaled down on phones.
            let watch = chart_ref.cast::<web_sys::Element>().and_then(|element| {
                crate::browser::watch_width(&element, move |w| {
                    if w > 0 {
                        width.set(w - w % 8);
                    }
                })
            });
            move || drop(watch)
        });
    }
    let svg = use_memo(
        (props.comparison.clone(), props.metric, *width),
        |(comparison, metric, width)| metric_panel_svg(&comparison.rows, *metric, *width),
    );
    let summary = text_summary(&props.comparison, props.metric);
    let chart = match &*svg {
        // plotters escapes the text it writes; the test suite checks that with hostile names.
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
        Err(e) => html! { <p class="trd-error">{ e.to_string() }</p> },
    };
    html! {
        <figure class="trd-panel">
            <Heading level={props.heading_level}>{ panel_title(props.metric) }</Heading>
            <p class="trd-panel-help">{ metric_help(props.metric) }</p>
            <div class="trd-chart" role="img" aria-label={summary} ref={chart_ref}>{ chart }</div>
            <figcaption class="trd-legend">
                <span class="trd-legend-item">
                    <span class="trd-key trd-key-treatment" aria-hidden="true"></span>{ "Option (headline figure)" }
                </span>
                <span class="trd-legend-item">
                    <span class="trd-key trd-key-comparator" aria-hidden="true"></span>{ "Comparison group in the same study" }
                </span>
            </figcaption>
        </figure>
    }
}

fn panel_title(metric: Metric) -> String {
    format!("{} rate", metric.label())
}

fn metric_help(metric: Metric) -> &'static str {
    match metric {
        Metric::Response => {
            "Response: depression symptoms dropped by a large amount, usually at least half."
        }
        Metric::Remission => "Remission: symptoms fell low enough to count as well again.",
        _ => "",
    }
}

/// The chart in words, option by option, for screen readers.
pub fn text_summary(comparison: &Comparison, metric: Metric) -> String {
    let parts: Vec<String> = comparison
        .rows
        .iter()
        .filter_map(|row| {
            let figure = row.figure(metric)?;
            let mut part = format!("{}: {}", row.name, figure.value_text);
            if let Some(c) = &figure.comparator {
                part.push_str(&format!(" versus {}", c.summary()));
            }
            if let Some(flag) = figure.flag() {
                part.push_str(&format!(" ({flag})"));
            }
            Some(part)
        })
        .collect();
    format!("{}. {}.", panel_title(metric), parts.join("; "))
}
