//! The reader's view: choosing, filtering and sorting options, what each row shows and cites,
//! presenter steps, icon arrays' exact shares, and the words and numbers as readers read them.

mod common;

use common::{bundled, comparison, svg_words, W};
use trd_core::chart::{metric_panel_svg, DEFAULT_WIDTH};
use trd_core::model::Metric;
use trd_core::state::{Action, Panel, SortKey, View, ViewState};
use trd_core::view_model::Comparison;

#[test]
fn not_reported_is_never_drawn_as_zero() {
    let c = comparison(SortKey::DataOrder);
    let cbt = c.rows.iter().find(|r| r.id == "cbt").unwrap();
    let remission = cbt.figure(Metric::Remission).unwrap();
    assert_eq!(remission.value_text(W), W.t().not_reported);
    assert_eq!(remission.percent(), None);
    let svg = metric_panel_svg(&c.rows, Metric::Remission, DEFAULT_WIDTH, W).unwrap();
    let texts = svg_words(&svg);
    assert!(texts.iter().any(|t| t == "not reported"));
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("0%") || t.starts_with("0 "))
            .count(),
        1,
        "only the axis says 0%"
    );
}

#[test]
fn sorting_by_a_rate_puts_highest_first_and_not_reported_last() {
    let c = comparison(SortKey::Headline(Metric::Remission));
    let order: Vec<&str> = c.rows.iter().map(|r| r.id.as_str()).collect();
    // The sheet's remission headlines, highest first; not reported last, in data order.
    assert_eq!(
        order,
        [
            "snt",
            "ect",
            "iv-ketamine",
            "deep-tms",
            "psilocybin",
            "aug-antipsychotic",
            "esketamine",
            "med-combination",
            "med-switch",
            "rtms",
            "dbs",
            "aug-lithium",
            "vns",
            "cbt",
            "ipt",
            "itbs"
        ]
    );
    let c = comparison(SortKey::Headline(Metric::Response));
    let order: Vec<&str> = c.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "aug-antipsychotic",
            "esketamine",
            "iv-ketamine",
            "snt",
            "aug-lithium",
            "itbs",
            "cbt",
            "ect",
            "deep-tms",
            "psilocybin",
            "med-combination",
            "rtms",
            "med-switch",
            "dbs",
            "vns",
            "ipt"
        ]
    );
    let c = comparison(SortKey::Name);
    assert_eq!(
        c.rows[0].name,
        "Accelerated fMRI-guided iTBS (Stanford neuromodulation therapy)"
    );
}

#[test]
fn reduce_changes_only_the_sort_and_shares_the_selection() {
    let data = bundled();
    let start = ViewState::initial(&data);
    let next = start.reduce(Action::SortBy(SortKey::Name));
    assert_eq!(next.sort, SortKey::Name);
    assert!(std::rc::Rc::ptr_eq(&start.selected, &next.selected));
    assert_eq!(
        SortKey::from_token("remission"),
        Some(SortKey::Headline(Metric::Remission))
    );
    assert_eq!(SortKey::from_token("nonsense"), None);
}

#[test]
fn citation_numbers_follow_data_order_and_do_not_move_when_sorting() {
    let a = comparison(SortKey::DataOrder);
    let b = comparison(SortKey::Name);
    assert_eq!(a.citations, b.citations);
    assert_eq!(
        a.citations[0].citation.id, "RUSH2006NEJM",
        "med-switch's response comes first"
    );
    let data = bundled();
    for row in &a.rows {
        for figure in &row.figures {
            let finding = data
                .option(&row.id)
                .unwrap()
                .headline(figure.metric)
                .unwrap();
            let ids: Vec<&str> = figure
                .citation_numbers
                .iter()
                .map(|n| a.citations[n - 1].citation.id.as_str())
                .collect();
            assert_eq!(ids, finding.citations, "{} {:?}", row.id, figure.metric);
        }
    }
    let rtms = a.rows.iter().find(|r| r.id == "rtms").unwrap();
    let n = rtms.figure(Metric::Response).unwrap().citation_numbers[0];
    assert_eq!(a.citations[n - 1].citation.id, "BERLIM2014");
    assert!(a
        .citations
        .iter()
        .all(|c| c.link.as_deref().is_some_and(|l| l.starts_with("https://"))));
}

#[test]
fn every_headline_carries_its_provenance() {
    let c = comparison(SortKey::DataOrder);
    for row in &c.rows {
        for figure in row.figures.iter().filter(|f| f.is_reported()) {
            let what = format!("{} {:?}", row.id, figure.metric);
            assert!(figure.design.is_some(), "{what}: design");
            assert!(figure.n.is_some(), "{what}: n");
            assert!(figure.timepoint.is_some(), "{what}: timepoint");
            assert!(figure.comparator.is_some(), "{what}: comparator");
            assert!(figure.tier.is_some(), "{what}: tier");
            assert!(!figure.citation_numbers.is_empty(), "{what}: citations");
        }
    }
}

#[test]
fn readers_choose_options_but_always_compare_at_least_two() {
    let data = bundled();
    let ids = |s: &ViewState| -> Vec<String> {
        Comparison::build(&data, &s.selection())
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let two: std::rc::Rc<[String]> = ["rtms".to_string(), "ect".to_string()].into();
    let state = ViewState::initial(&data).reduce(Action::Select(two));
    assert_eq!(ids(&state), ["rtms", "ect"], "rows follow data order");
    let same = state.reduce(Action::Toggle("ect".into()));
    assert_eq!(
        ids(&same),
        ["rtms", "ect"],
        "removing one of two is refused"
    );
    assert!(!same.can_deselect("rtms"));
    let three = state.reduce(Action::Toggle("esketamine".into()));
    assert_eq!(ids(&three), ["esketamine", "rtms", "ect"]);
    assert!(three.can_deselect("rtms"));
    let back = three.reduce(Action::Toggle("rtms".into()));
    assert_eq!(ids(&back), ["esketamine", "ect"]);
    let one: std::rc::Rc<[String]> = ["rtms".to_string()].into();
    assert_eq!(
        back.reduce(Action::Select(one)),
        back,
        "a one-option selection is refused"
    );
}

#[test]
fn filters_narrow_the_chosen_options_by_category_and_invasiveness() {
    use trd_core::model::Category;
    let data = bundled();
    let rows = |s: &ViewState| -> Vec<String> {
        Comparison::build(&data, &s.selection())
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let all = ViewState::initial(&data);
    let meds = all.reduce(Action::FilterCategory(Some(Category::Medication)));
    assert_eq!(
        rows(&meds),
        [
            "med-switch",
            "aug-antipsychotic",
            "aug-lithium",
            "med-combination"
        ]
    );
    let gentle = all.reduce(Action::FilterInvasiveness(Some(1)));
    assert_eq!(
        rows(&gentle).len(),
        10,
        "16 options less the 6 at levels 2–4"
    );
    assert!(!rows(&gentle).contains(&"ect".to_string()));
    let up_to_3 = all.reduce(Action::FilterInvasiveness(Some(3)));
    assert_eq!(
        rows(&up_to_3).len(),
        14,
        "all but the two implants (VNS, DBS)"
    );
    let cleared = meds.reduce(Action::FilterCategory(None));
    assert_eq!(rows(&cleared).len(), 16);
    assert_eq!(all.reduce(Action::Show(View::Table)).view, View::Table);
}

#[test]
fn opening_a_figure_again_closes_it() {
    let data = bundled();
    let state = ViewState::initial(&data);
    let open = state.reduce(Action::OpenFigure(
        "rtms".into(),
        Panel::Metric(Metric::Response),
    ));
    assert_eq!(
        open.open_figure,
        Some(("rtms".to_string(), Panel::Metric(Metric::Response)))
    );
    let other = open.reduce(Action::OpenFigure(
        "ect".into(),
        Panel::Metric(Metric::Response),
    ));
    assert_eq!(
        other.open_figure,
        Some(("ect".to_string(), Panel::Metric(Metric::Response)))
    );
    assert_eq!(
        other
            .reduce(Action::OpenFigure(
                "ect".into(),
                Panel::Metric(Metric::Response)
            ))
            .open_figure,
        None
    );
    assert_eq!(open.reduce(Action::CloseFigure).open_figure, None);
}

#[test]
fn one_option_detail_panel_opens_at_a_time() {
    let data = bundled();
    let state = ViewState::initial(&data).reduce(Action::ToggleOption("rtms".into()));
    assert_eq!(state.open_option.as_deref(), Some("rtms"));
    let other = state.reduce(Action::ToggleOption("ect".into()));
    assert_eq!(other.open_option.as_deref(), Some("ect"));
    assert_eq!(
        other.reduce(Action::ToggleOption("ect".into())).open_option,
        None
    );
}

#[test]
fn whole_people_are_worked_out_from_the_digits_as_written() {
    use trd_core::words::Share;
    for (written, d, words) in [
        ("26.1", 100, "about 26 in 100"),
        ("29.3", 10, "about 3 in 10"),
        ("29.3", 1000, "293 in 1000"),
        ("74.3", 10, "about 7 in 10"),
        ("46", 100, "46 in 100"),
        ("50.0", 10, "5 in 10"),
        ("12.5", 100, "about 13 in 100"),
        ("0.4", 100, "fewer than 1 in 100"),
        ("0", 100, "0 in 100"),
        ("99.6", 100, "nearly 100 in 100"),
        ("100", 10, "10 in 10"),
    ] {
        assert_eq!(W.people_in(written, d), words, "{written}% out of {d}");
    }
    assert_eq!(
        Share::of("29.3", 100),
        Some(Share {
            rounded: 29,
            exact: false,
            zero: false
        })
    );
    assert_eq!(
        Share::of("1e-300", 100),
        None,
        "not a plain decimal: said in words instead"
    );
    assert_eq!(Share::of("-5", 100), None);
}

#[test]
fn icon_arrays_fill_whole_people_and_never_shrink_below_8_pixels() {
    use trd_core::icon_array::{icon_array_svg, IconGrid, IconTone, MIN_ICON_PX};
    let g = IconGrid::new("29.3", 100).unwrap();
    assert_eq!((g.filled, g.columns, g.rows), (29, 10, 10));
    let g10 = IconGrid::new("74.3", 10).unwrap();
    assert_eq!((g10.filled, g10.rows), (7, 1));
    let g1000 = IconGrid::new("29.3", 1000).unwrap();
    assert_eq!((g1000.filled, g1000.columns, g1000.rows), (293, 25, 40));
    for grid in [g, g10, g1000] {
        let (width, _) = grid.size();
        // The narrowest it may be shown gives each icon at least 8 CSS pixels.
        let icon = f64::from(grid.min_width()) / f64::from(width) * 10.0;
        assert!(icon >= f64::from(MIN_ICON_PX) - 0.01, "{icon}px icons");
    }
    let svg = icon_array_svg(&g, IconTone::Option).unwrap();
    assert_eq!(
        svg.matches("<rect").count() - 1,
        100,
        "100 people (plus the background)"
    );
    assert_eq!(
        svg.matches(r##"fill="#1D4E89""##).count(),
        29,
        "29 whole people filled"
    );
    assert!(
        svg.contains(r#"aria-hidden="true""#),
        "the words beside it say it"
    );
}

#[test]
fn icon_denominators_are_10_100_or_1000() {
    use trd_core::state::Action;
    let state = ViewState::initial(&bundled());
    assert_eq!(state.denominator, 100);
    assert_eq!(state.reduce(Action::OutOf(1000)).denominator, 1000);
    assert_eq!(
        state.reduce(Action::OutOf(7)).denominator,
        100,
        "other denominators are ignored"
    );
    assert_eq!(
        state
            .reduce(Action::ShowIconsFor(Metric::Remission))
            .icon_metric,
        Metric::Remission
    );
}

#[test]
fn prices_keep_their_digits_with_thousands_separators() {
    assert_eq!(W.grouped("4"), "4");
    assert_eq!(W.grouped("900"), "900");
    assert_eq!(W.grouped("1924"), "1,924");
    assert_eq!(W.grouped("250000"), "250,000");
    assert_eq!(W.grouped("10554.25"), "10,554.25");
    assert_eq!(W.grouped("1000000"), "1,000,000");
}

#[test]
fn opening_panels_or_switching_views_does_not_change_what_the_charts_are_built_from() {
    use trd_core::model::Category;
    let state = ViewState::initial(&bundled());
    for action in [
        Action::OpenFigure("rtms".into(), Panel::Metric(Metric::Response)),
        Action::ToggleOption("rtms".into()),
        Action::Show(View::Icons),
        Action::OutOf(1000),
        Action::ShowIconsFor(Metric::Remission),
    ] {
        assert_eq!(
            state.reduce(action.clone()).selection(),
            state.selection(),
            "{action:?}"
        );
    }
    for action in [
        Action::SortBy(SortKey::Name),
        Action::FilterCategory(Some(Category::Medication)),
        Action::FilterInvasiveness(Some(1)),
        Action::Toggle("rtms".into()),
    ] {
        assert_ne!(
            state.reduce(action.clone()).selection(),
            state.selection(),
            "{action:?}"
        );
    }
}

#[test]
fn presenter_mode_reveals_options_one_at_a_time_within_bounds() {
    let state = ViewState::initial(&bundled());
    assert_eq!(state.presenting, None);
    let step = |s: &ViewState, by: i8| s.reduce(Action::Step { by, shown: 3 });
    assert_eq!(
        step(&state, 1).presenting,
        None,
        "stepping does nothing outside presenter mode"
    );
    let on = state.reduce(Action::Present(true));
    assert_eq!(on.presenting, Some(1), "starts with the first option");
    let two = step(&on, 1);
    assert_eq!(two.presenting, Some(2));
    let all = step(&step(&two, 1), 1);
    assert_eq!(all.presenting, Some(3), "never more than are shown");
    assert_eq!(
        step(&step(&step(&all, -1), -1), -1).presenting,
        Some(1),
        "never fewer than one"
    );
    assert_eq!(all.reduce(Action::Present(false)).presenting, None);
    assert_eq!(
        all.selection(),
        state.selection(),
        "presenting does not change what the charts are built from"
    );
}

#[test]
fn every_source_is_named_briefly_in_plain_words_without_the_editors_notes() {
    let data = bundled();
    let brief = |id: &str| {
        data.citations
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"))
            .brief()
    };
    assert_eq!(brief("REIF2023NEJM"), "ESCAPE-TRD Investigators 2023");
    assert_eq!(brief("HENSSLER2016"), "Henssler 2016");
    // "published online 18 Mar 2013": the year as the source gives it.
    assert_eq!(brief("BERLIM2014"), "Berlim 2013");
    // No author and a journal the sheet did not give: the site the link leads to.
    assert_eq!(brief("RUSH2005B"), "Rush 2005");
    assert_eq!(brief("ECT-UK-N"), "The Times n.d.");
    assert_eq!(brief("RECOVER2024"), "Brain Stimulation 2024");
    for c in &data.citations {
        let b = c.brief();
        assert!(!b.contains('[') && !b.contains(" not "), "{}: {b}", c.id);
        assert!(b.chars().count() <= 40, "{}: {b}", c.id);
        let year = b.rsplit(' ').next().unwrap_or_default();
        // "2019", "c.2025", "CY2025" as given, or "n.d."
        let plain_year = year == "n.d."
            || year.len() <= 8 && year.chars().filter(char::is_ascii_digit).count() == 4;
        assert!(plain_year, "{}: {b}", c.id);
        let label = c.short_label();
        assert!(!label.starts_with('['), "{}: {label}", c.id);
    }
}

#[test]
fn two_sources_that_would_read_the_same_get_letters() {
    let rows = comparison(SortKey::DataOrder);
    let briefs: Vec<&str> = rows.citations.iter().map(|c| c.brief.as_str()).collect();
    let vns = |id: &str| {
        rows.citations
            .iter()
            .find(|c| c.citation.id == id)
            .map(|c| c.brief.clone())
    };
    // The 10-week trial and the 12-month follow-up behind VNS's two figures.
    assert_eq!(vns("RUSH2005A").as_deref(), Some("Rush 2005a"));
    assert_eq!(vns("RUSH2005B").as_deref(), Some("Rush 2005b"));
    for (i, b) in briefs.iter().enumerate() {
        assert!(!briefs[i + 1..].contains(b), "{b} twice");
    }
}

#[test]
fn each_language_writes_numbers_and_dates_its_way_with_the_same_digits() {
    use trd_core::words::{Lang, Words};
    let (en, es) = (Words::new(Lang::En), Words::new(Lang::Es));
    assert_eq!(en.percent("26.1"), "26.1%");
    assert_eq!(es.percent("26.1"), "26,1\u{a0}%");
    assert_eq!(es.percent("50.0"), "50,0\u{a0}%", "the digits as written");
    assert_eq!(es.percent_range("26", "35"), "26–35\u{a0}%");
    assert_eq!(es.number("-5.4"), "\u{2212}5,4");
    assert_eq!(en.grouped("1522"), "1,522");
    assert_eq!(
        es.grouped("1522"),
        "1522",
        "four digits stay together in Spanish"
    );
    assert_eq!(es.grouped("21496.07"), "21\u{a0}496,07");
    assert_eq!(en.grouped("21496.07"), "21,496.07");
    assert_eq!(
        es.amount("USD", "40000", Some("45000")),
        "$40\u{a0}000–45\u{a0}000"
    );
    assert_eq!(es.hours("16.7", Some("25"), false), "16,7–25 h");
    assert_eq!(en.date("2026-11-30"), "2026-11-30");
    assert_eq!(es.date("2026-11-30"), "30 de noviembre de 2026");
    assert_eq!(es.date("2026-01-05"), "5 de enero de 2026");
    assert_eq!(es.date("c. 2025"), "c. 2025", "not a date: as written");
    assert_eq!(es.date("2026-13-01"), "2026-13-01");
    assert_eq!(es.people_in("26.1", 100), "unas 26 de cada 100");
    assert_eq!(es.language_name("en"), "inglés");
}

#[test]
fn long_lists_show_a_page_at_a_time_and_presenter_mode_its_count() {
    use trd_core::state::{LIST_PAGE, PRESENT_PAGE};
    let state = ViewState::initial(&bundled());
    assert_eq!(
        state.listing(16),
        0..16,
        "the 16 bundled options fit in one page"
    );
    assert_eq!(state.listing(500), 0..LIST_PAGE);
    let more = state.reduce(Action::ShowMore);
    assert_eq!(more.listing(500), 0..2 * LIST_PAGE);
    assert_eq!(
        more.reduce(Action::ShowMore).listing(120),
        0..120,
        "never more than there are"
    );
    // Presenter mode: what it has revealed, a page of PRESENT_PAGE at a time.
    let mut presenting = more.reduce(Action::Present(true));
    assert_eq!(presenting.listing(16), 0..1);
    for _ in 0..PRESENT_PAGE {
        presenting = presenting.reduce(Action::Step { by: 1, shown: 16 });
    }
    assert_eq!(
        presenting.listing(16),
        PRESENT_PAGE..PRESENT_PAGE + 1,
        "the next page starts"
    );
    let end = presenting.reduce(Action::StepToEnd {
        last: true,
        shown: 16,
    });
    let last_page = 15 / PRESENT_PAGE * PRESENT_PAGE;
    assert!(last_page > 0);
    assert_eq!(
        end.listing(16),
        last_page..16,
        "End: the last page, all revealed"
    );
    let home = end.reduce(Action::StepToEnd {
        last: false,
        shown: 16,
    });
    assert_eq!(home.listing(16), 0..1, "Home: the first option");
}

#[test]
fn prices_are_charted_by_what_they_cover_never_a_month_against_a_course() {
    use trd_core::view_model::COST_UNITS;
    let comparison = comparison(SortKey::DataOrder);
    let groups = comparison.by_cost_unit();
    let mut seen = Vec::new();
    for (unit, group) in &groups {
        assert!(!group.rows.is_empty());
        for row in &group.rows {
            assert_eq!(row.cost.as_ref().map(|c| c.unit), Some(*unit), "{}", row.id);
            seen.push(row.id.clone());
        }
        assert_eq!(
            group.citations, comparison.citations,
            "the same citation numbers"
        );
    }
    let order: Vec<usize> = groups
        .iter()
        .map(|(u, _)| COST_UNITS.iter().position(|x| x == u).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "shortest unit first: {order:?}"
    );
    let priced = comparison.rows.iter().filter(|r| r.cost.is_some()).count();
    assert_eq!(
        seen.len(),
        priced,
        "each priced option in exactly one chart"
    );
    assert_eq!(
        priced + comparison.without_price().len(),
        comparison.rows.len()
    );
    assert!(
        groups.len() >= 3,
        "the bundled prices are for {} kinds of unit",
        groups.len()
    );
}
