//! The charts: every option with its value and comparison group, labels that stay inside the
//! chart at any width, rows that line up across panels and keep their picture when re-sorted,
//! true text sizes, the hours and price panels, and theme classes on every colour.

mod common;

use common::{bundled, comparison, svg_texts, W};
use trd_core::chart::{
    burden_layout, cost_layout, fit, metric_panel_svg, place_label, text_width, wrap, Axis,
    LabelPlace, Layout, SvgOptions, AXIS_HEIGHT, DEFAULT_WIDTH, TOP_MARGIN,
};
use trd_core::model::Metric;
use trd_core::state::{SortKey, ViewState};
use trd_core::view_model::Comparison;

#[test]
fn chart_svg_shows_each_option_with_its_value_and_comparator() {
    let c = comparison(SortKey::DataOrder);
    let svg = metric_panel_svg(&c.rows, Metric::Response, DEFAULT_WIDTH, W).unwrap();
    assert!(svg.starts_with("<svg"));
    let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
    assert!(
        texts.join(" ").contains("Esketamine nasal spray"),
        "{texts:?}"
    );
    for text in [
        "new oral AD + placebo spray 52.0%",
        "69.3%",
        "29.3%",
        "sham 10.4%",
        "usual care 22%",
        "41.2%",
        "IV ketamine 55.4%",
        "15.2%",
    ] {
        assert!(
            texts.iter().any(|t| t == text),
            "response chart lacks {text:?}: {texts:?}"
        );
    }
    assert!(
        texts.iter().any(|t| t == "⚠ secondary report"),
        "tier D is flagged on the chart"
    );
    let svg = metric_panel_svg(&c.rows, Metric::Remission, DEFAULT_WIDTH, W).unwrap();
    let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
    assert!(texts.iter().any(|t| t == "48.0%"));
    assert!(
        texts.iter().any(|t| t == "⚠ uncontrolled study"),
        "tier C is flagged on the chart"
    );
    assert!(
        texts.iter().any(|t| t == "no comparison group"),
        "VNS remission had none"
    );
    // One filled bar per reported rate: 13 of the 16 options report remission.
    assert_eq!(svg.matches(r##"fill="#1D4E89""##).count(), 13, "{svg}");
}

#[test]
fn no_chart_label_leaves_the_chart_at_any_width() {
    let mut data = bundled();
    // The longest name in the evidence sheet, to stress the label column.
    data.options[3].name = "Accelerated fMRI-guided iTBS (Stanford neuromodulation therapy)".into();
    let rows = Comparison::build(&data, &ViewState::initial(&data).selection()).rows;
    for width in [272, 320, 360, 480, 640, 1200] {
        for metric in [Metric::Response, Metric::Remission] {
            let svg = metric_panel_svg(&rows, metric, width, W).unwrap();
            assert!(
                svg.contains(&format!("width=\"{width}\"")),
                "drawn at the real width"
            );
            let joined: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
            let whole = match metric {
                Metric::Response => "new oral AD + placebo spray 52.0%",
                _ => "without prior failure 64.9%",
            };
            assert!(
                joined.join(" ").contains(whole),
                "comparator label kept whole at {width}px: {joined:?}"
            );
            assert_text_inside(&svg, width);
        }
    }
}

#[test]
fn narrow_charts_put_names_above_the_bars() {
    let rows = comparison(SortKey::DataOrder).rows;
    let narrow = Layout::new(&rows, Metric::Response, 360, W);
    assert!(narrow.stacked);
    for row in narrow.rows.iter().filter(|r| r.bar.is_some()) {
        let name = &row.labels[0];
        assert!(
            row.bar.unwrap().0 > name.y + 8,
            "the bar sits below the name"
        );
    }
    assert_eq!(narrow.plot_left, 12, "bars use the full width");
    let wide = Layout::new(&rows, Metric::Response, 900, W);
    assert!(!wide.stacked);
    assert!(wide.plot_left > 150, "names sit in a column to the left");
}

#[test]
fn labels_go_after_the_bar_then_inside_then_are_cut() {
    assert_eq!(
        place_label("29.3%", 15.0, 100, 10, 600),
        LabelPlace::After(106, "29.3%".into())
    );
    assert_eq!(
        place_label("69.3%", 15.0, 590, 10, 600),
        LabelPlace::Inside(584, "69.3%".into())
    );
    let cut = place_label(&"x".repeat(80), 15.0, 200, 10, 300);
    assert!(
        matches!(cut, LabelPlace::Inside(_, ref s) if s.ends_with('…')),
        "{cut:?}"
    );
    assert_eq!(fit("short", 13.0, 500), "short");
    assert!(text_width(&fit(&"y".repeat(100), 13.0, 120), 13.0) <= 120);
}

#[test]
fn long_names_wrap_and_are_cut_with_an_ellipsis() {
    assert_eq!(wrap("Standard 10 Hz rTMS", 26, 3), ["Standard 10 Hz rTMS"]);
    assert_eq!(
        wrap("Add an atypical antipsychotic (e.g. aripiprazole)", 26, 3),
        ["Add an atypical", "antipsychotic (e.g.", "aripiprazole)"]
    );
    let cut = wrap(&"word ".repeat(40), 10, 2);
    assert_eq!(cut.len(), 2);
    assert!(cut[1].ends_with('…'));
}

#[test]
fn options_sit_on_the_same_rows_in_every_panel() {
    let rows = comparison(SortKey::DataOrder).rows;
    for width in [320, 640, 1200] {
        let response = Layout::new(&rows, Metric::Response, width, W);
        let remission = Layout::new(&rows, Metric::Remission, width, W);
        let tops = |l: &Layout| l.rows.iter().map(|r| r.top).collect::<Vec<_>>();
        assert_eq!(tops(&response), tops(&remission), "at {width}px");
        assert_eq!(response.height, remission.height);
    }
}

#[test]
fn a_row_draws_the_same_picture_wherever_the_sort_puts_it() {
    let by_data = comparison(SortKey::DataOrder).rows;
    let by_name = comparison(SortKey::Name).rows;
    for width in [320, 576, 640, 900] {
        for (a, b) in [
            (
                Layout::new(&by_data, Metric::Response, width, W),
                Layout::new(&by_name, Metric::Response, width, W),
            ),
            (
                Layout::new(&by_data, Metric::Remission, width, W),
                Layout::new(&by_name, Metric::Remission, width, W),
            ),
            (
                burden_layout(&by_data, width, W),
                burden_layout(&by_name, width, W),
            ),
        ] {
            let (rows_a, axis_a) = a.pictures();
            let (rows_b, axis_b) = b.pictures();
            assert_eq!(axis_a, axis_b);
            for picture in &rows_a {
                // Each row is its own picture: its text must lie inside it, top to bottom.
                for (_, _, size, content) in svg_texts(&picture.svg(W).unwrap()) {
                    let y = text_y(&picture.svg(W).unwrap(), &content);
                    let half = (size / 2.0).ceil() as i32;
                    assert!(
                        y - half >= 0 && y + half <= picture.height,
                        "{content:?} at y {y} in a {}px row at {width}px",
                        picture.height
                    );
                }
            }
            for (row, picture) in by_data.iter().zip(&rows_a) {
                let moved = by_name.iter().position(|r| r.id == row.id).unwrap();
                assert_eq!(*picture, rows_b[moved], "{} at {width}px", row.id);
                assert_eq!(picture.row.top, 0);
                let svg = picture.svg(W).unwrap();
                assert!(svg.contains(&format!(r#"height="{}""#, picture.height)));
            }
            // Stacked, the pictures fill exactly the space the one-piece chart gives the rows.
            let stacked: i32 = rows_a.iter().map(|p| p.height).sum();
            assert_eq!(TOP_MARGIN + stacked + AXIS_HEIGHT, a.height, "at {width}px");
            let names: Vec<String> = svg_texts(&rows_a[0].svg(W).unwrap())
                .into_iter()
                .map(|t| t.3)
                .collect();
            assert!(names.iter().any(|t| t.contains("Switch")), "{names:?}");
        }
    }
}

#[test]
fn chart_text_is_at_least_14_css_pixels() {
    let c = comparison(SortKey::DataOrder);
    let svg = metric_panel_svg(&c.rows, Metric::Response, DEFAULT_WIDTH, W).unwrap();
    let sizes: Vec<f64> = svg_texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(!sizes.is_empty());
    assert!(sizes.iter().all(|s| *s >= 14.0), "{sizes:?}");
    assert!(sizes.contains(&16.0), "names and values are 16 px");
}

#[test]
fn the_burden_panel_shows_hours_as_written_and_invasiveness_on_the_same_rows() {
    let rows = comparison(SortKey::DataOrder).rows;
    for width in [272, 640, 1200] {
        let layout = burden_layout(&rows, width, W);
        let svg = layout.svg(SvgOptions::default(), W).unwrap();
        let response = Layout::new(&rows, Metric::Response, width, W);
        let tops = |l: &Layout| l.rows.iter().map(|r| r.top).collect::<Vec<_>>();
        assert_eq!(
            tops(&layout),
            tops(&response),
            "same rows as the metric panels at {width}px"
        );
        let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
        let all = texts.join(" | ");
        for expected in [
            "| 16.7–25 h |",
            "| 18–48 h |",
            "| ≥16 h |",
            "| 45.8 h |",
            "| 10–18 h |",
            "hours: not derivable",
            "| 4 of 4",
            "| 3 of 4",
        ] {
            assert!(all.contains(expected), "{expected:?} at {width}px in {all}");
        }
        assert!(
            !all.contains("⚠"),
            "response-figure flags do not belong in this panel"
        );
        assert_text_inside(&svg, width);
    }
}

#[test]
fn the_cost_panel_draws_each_headline_price_on_a_log_scale_with_what_it_covers() {
    let all_rows = comparison(SortKey::DataOrder);
    let rows = &all_rows.rows;
    for width in [272, 360, 640, 1200] {
        // One panel over every option (an export's): one unit on the axis, the most common
        // (a month, tied with a session and seen first), the others said in words.
        let layout = cost_layout(rows, width, W);
        let svg = layout.svg(SvgOptions::default(), W).unwrap();
        let response = Layout::new(rows, Metric::Response, width, W);
        let tops = |l: &Layout| l.rows.iter().map(|r| r.top).collect::<Vec<_>>();
        assert_eq!(tops(&layout), tops(&response), "same rows at {width}px");
        // From $4 (generic antidepressants a month) to $900 (an antipsychotic a month): $1 to $1k.
        assert_eq!(
            layout.axis,
            Axis::LogPrice {
                from: 0,
                to: 3,
                currency: "USD".into()
            }
        );
        let frame = layout.frame();
        // Each decade takes the same width.
        let step = frame.at(10.0) - frame.at(1.0);
        assert!((frame.at(1_000.0) - frame.at(100.0) - step).abs() <= 1);
        let row = |id: &str| rows.iter().position(|r| r.id == id).unwrap();
        assert!(
            layout.rows[row("med-switch")].bar.is_some(),
            "a month: drawn"
        );
        assert_eq!(
            layout.rows[row("vns")].bar,
            None,
            "device and surgery: not on a month's scale"
        );
        assert_eq!(
            layout.rows[row("esketamine")].bar,
            None,
            "a session: not either"
        );
        let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
        let all = texts.join(" | ");
        for expected in ["$550–900 |", "$4 |", "no verified price", "$1 |", "$1k"] {
            assert!(all.contains(expected), "{expected:?} at {width}px in {all}");
        }
        if width >= 640 {
            for expected in [
                "a month (Jan 2020)",
                "a month (year: not given)",
                "$40,000–45,000 device and surgery",
                "another unit, so not drawn on this scale",
                "log scale",
            ] {
                assert!(all.contains(expected), "{expected:?} at {width}px in {all}");
            }
        }
        assert_eq!(
            layout.rows[row("aug-lithium")].bar,
            None,
            "no price, no bar"
        );
        assert_text_inside(&svg, width);

        // The widget's charts, one per unit: every price drawn on its own unit's scale.
        for (_, group) in all_rows.by_cost_unit() {
            let layout = cost_layout(&group.rows, width, W);
            assert!(
                layout.rows.iter().all(|r| r.bar.is_some()),
                "every price drawn"
            );
            let svg = layout.svg(SvgOptions::default(), W).unwrap();
            assert_text_inside(&svg, width);
            let all: String = svg_texts(&svg)
                .into_iter()
                .map(|t| t.3)
                .collect::<Vec<_>>()
                .join(" | ");
            assert!(!all.contains("another unit"), "{all}");
            assert!(!all.contains("20…"), "a cut date at {width}px: {all}");
            if let Some(vns) = group.rows.iter().position(|r| r.id == "vns") {
                let frame = layout.frame();
                let (top, end) = layout.rows[vns].bar.unwrap();
                assert_eq!(layout.rows[vns].bar_start, Some(frame.at(40_000.0) - 3));
                assert_eq!(end, frame.at(45_000.0) + 3);
                assert!(top >= layout.rows[vns].top && top < layout.rows[vns].bottom);
                assert!(all.contains("$40,000–45,000 |"));
            }
            if group.rows.iter().any(|r| r.id == "dbs") {
                // Too narrow for "April 2022 USD": the year by its digits, never a cut date.
                assert!(
                    all.contains("the device alone (April 2022 USD)")
                        || all.contains("the device alone (2022)"),
                    "{all}"
                );
                assert!(all.contains("$21,496.07 |"));
            }
        }
    }
}

#[test]
fn live_chart_svg_tags_every_colour_with_a_theme_class() {
    let rows = comparison(SortKey::DataOrder).rows;
    let (pictures, axis) = Layout::new(&rows, Metric::Remission, 640, W).pictures();
    let mut svgs: Vec<String> = pictures.iter().map(|p| p.svg(W).unwrap()).collect();
    svgs.push(axis.svg(W).unwrap());
    let all = svgs.join("\n");
    for tag in all
        .split('<')
        .skip(1)
        .filter(|t| !t.starts_with('/') && !t.starts_with("svg"))
    {
        let coloured = tag.contains("fill=\"#") || tag.contains("stroke=\"#");
        assert_eq!(coloured, tag.contains(" class=\"trd-"), "{tag}");
        assert!(
            tag.matches("class=").count() <= 1,
            "one class attribute: {tag}"
        );
    }
    assert!(all.contains(r##"<rect class="trd-c-bg""##), "backgrounds");
    assert!(all.contains(r##"<text class="trd-c-text""##), "names");
    assert!(all.contains(r##"class="trd-c-mark""##) && all.contains(r##"class="trd-s-mark2""##));
    assert!(
        all.contains(r##"class="trd-c-flag""##),
        "the uncontrolled-study flag"
    );
    // A value written inside its bar is white text, repainted as text on a mark.
    // (In "What it involves", ECT's "18–48 h" sits inside its bar.)
    let wide = burden_layout(&rows, 360, W).pictures().0;
    let inside: Vec<String> = wide
        .iter()
        .map(|p| p.svg(W).unwrap())
        .filter(|s| s.contains("trd-c-onmark"))
        .collect();
    assert!(!inside.is_empty(), "some value is written inside its bar");
    for svg in &inside {
        assert!(svg.contains(r##"<text class="trd-c-onmark""##));
    }
}

/// The y of the first text element showing `content`.
fn text_y(svg: &str, content: &str) -> i32 {
    svg.split("<text")
        .skip(1)
        .find(|t| t.contains(&format!(">\n{content}\n<")) || t.contains(&format!(">{content}<")))
        .and_then(|t| t.split("y=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .and_then(|y| y.parse().ok())
        .unwrap_or_else(|| panic!("no text {content:?}"))
}

/// Every text of the SVG, at its estimated width, lies inside the chart's width.
fn assert_text_inside(svg: &str, width: u32) {
    for (x, anchor, size, content) in svg_texts(svg) {
        let content = content.replace("&amp;", "&").replace("&lt;", "<");
        let w = text_width(&content, size);
        let (from, to) = match anchor.as_str() {
            "end" => (x - w, x),
            "middle" => (x - w / 2, x + w / 2),
            _ => (x, x + w),
        };
        assert!(
            from >= 0 && to <= width as i32,
            "{content:?} spans {from}..{to} in a {width}px chart"
        );
    }
}

#[test]
fn every_study_draws_one_mark_per_rate_shaped_by_tier_and_a_range_as_a_line() {
    use trd_core::chart::{ratio_position, ratios_svg, studies_svg};
    use trd_core::model::{Tier, Value};
    use trd_core::view_model::Studies;
    let data = bundled();
    for option in &data.options {
        for metric in [Metric::Response, Metric::Remission] {
            let studies = Studies::of(&data, &option.id, metric);
            let findings: Vec<_> = option
                .findings
                .iter()
                .filter(|f| f.metric == metric)
                .collect();
            let rates = findings
                .iter()
                .filter(|f| matches!(f.value, Value::Percent { .. } | Value::PercentRange { .. }))
                .count();
            let ratio = |v: &Value| matches!(v, Value::Effect { measure, .. } if ["OR", "RR", "HR"].contains(&measure.as_str()));
            let ratios = findings.iter().filter(|f| ratio(&f.value)).count();
            let others = findings
                .iter()
                .filter(|f| {
                    !ratio(&f.value)
                        && !matches!(
                            f.value,
                            Value::Percent { .. } | Value::PercentRange { .. } | Value::NotReported
                        )
                })
                .count();
            assert_eq!(studies.ratios.len(), ratios, "{} {metric:?}", option.id);
            assert_eq!(
                (studies.marks.len(), studies.not_rates),
                (rates, others),
                "{} {metric:?}",
                option.id
            );
            if studies.marks.is_empty() {
                continue;
            }
            let svg = studies_svg(&studies);
            let tier = |t: Tier| studies.marks.iter().filter(|m| m.tier == Some(t)).count();
            assert_eq!(
                svg.matches("<circle").count(),
                tier(Tier::A) + tier(Tier::C),
                "{}",
                option.id
            );
            assert_eq!(svg.matches("<rect").count(), tier(Tier::B), "{}", option.id);
            assert_eq!(
                svg.matches("<path").count(),
                tier(Tier::D) + studies.marks.iter().filter(|m| m.tier.is_none()).count(),
                "{}",
                option.id
            );
            // The headline figure's mark is the one drawn large.
            assert_eq!(
                studies.marks.iter().filter(|m| m.headline).count(),
                usize::from(
                    option
                        .headline(metric)
                        .is_some_and(|f| f.value.percent().is_some())
                ),
                "{}",
                option.id
            );
        }
    }
    // Combining antidepressants: a range across arms (51.6–52.4%) is a line between its ends.
    let combination = Studies::of(&data, "med-combination", Metric::Response);
    let range = combination.marks.iter().find(|m| m.high.is_some()).unwrap();
    assert_eq!(
        (range.low.as_str(), range.high.as_ref().unwrap().as_str()),
        ("51.6", "52.4")
    );
    // rTMS: one rate; its risk and odds ratios are counted, never drawn on a percent scale.
    let rtms = Studies::of(&data, "rtms", Metric::Response);
    assert_eq!(
        (rtms.marks.len(), rtms.ratios.len(), rtms.not_rates),
        (1, 3, 1)
    );
    // Ratios on their own log scale, 1 (no difference) 2/7 of the way, each interval a line.
    let svg = ratios_svg(&rtms.ratios);
    assert!((ratio_position(1.0) - 200.0 / 7.0).abs() < 1e-9);
    assert!(svg.contains(r#"x1="28.6%" x2="28.6%""#), "the line at 1");
    assert_eq!(svg.matches("<circle").count(), 3, "three tier A ratios");
    let intervals = rtms
        .ratios
        .iter()
        .filter(|r| r.low.is_some() && r.high.is_some())
        .count();
    assert_eq!(intervals, 2, "RR 2.35 (1.70–3.25) and OR 3.27 (2.76–3.87)");
    assert_eq!(
        svg.matches("<line").count(),
        2 + intervals,
        "scale, 1, and one line per interval"
    );
    // An interval beyond the scale's end is drawn to the end, not off it.
    assert_eq!(ratio_position(1000.0), 100.0);
    let switch = Studies::of(&data, "med-switch", Metric::Response);
    let ((low, low_arm), (high, high_arm)) = switch.range().unwrap();
    assert_eq!((low.as_str(), high.as_str()), ("13.4", "62.4"));
    assert_eq!(
        (low_arm, high_arm),
        (Some("mirtazapine"), Some("switch to bupropion"))
    );
}

#[test]
fn rates_citing_the_same_sources_are_counted_as_one_source() {
    use trd_core::view_model::Studies;
    let data = bundled();
    // STAR*D's three switches (one source) beside two other studies.
    let switch = Studies::of(&data, "med-switch", Metric::Response);
    assert_eq!((switch.marks.len(), switch.source_count()), (5, 3));
    // Lithium and, in the same trial, T3: two rates, one study, each named.
    let lithium = Studies::of(&data, "aug-lithium", Metric::Remission);
    assert_eq!((lithium.marks.len(), lithium.source_count()), (2, 1));
    let ((low, low_arm), (high, high_arm)) = lithium.range().unwrap();
    assert_eq!(
        (low.as_str(), low_arm, high.as_str(), high_arm),
        ("15.9", Some("lithium"), "24.7", Some("T3 add-on"))
    );
    // Two studies, two rates.
    let response = Studies::of(&data, "aug-lithium", Metric::Response);
    assert_eq!((response.marks.len(), response.source_count()), (2, 2));
    // The same sources cited in another order are the same source.
    let mut reordered = lithium.clone();
    reordered.marks[0].sources = vec!["A".into(), "B".into()];
    reordered.marks[1].sources = vec!["B".into(), "A".into()];
    assert_eq!(reordered.source_count(), 1);
    reordered.marks[1].sources = vec!["B".into()];
    assert_eq!(reordered.source_count(), 2);
}
