// Every message id, grouped by where readers meet it. A language file (`en.rs`, …) fills in
// every one; `{name}` marks a blank that `Words::fill` fills.

catalogue! {
    // The data's kinds in words.
    metric_response,
    metric_remission,
    metric_relapse,
    metric_durability,
    metric_symptom_change,
    metric_other,
    category_medication,
    category_rapid_acting_medication,
    category_psychotherapy,
    category_non_invasive_brain_stimulation,
    category_convulsive_therapy,
    category_implanted_device,
    category_investigational_implanted_device,
    category_investigational,
    status_approved,
    status_cleared,
    status_reclassified,
    status_off_label,
    status_investigational,
    status_not_applicable,
    status_not_documented,
    invasiveness_1,
    invasiveness_2,
    invasiveness_3,
    invasiveness_4,
    invasiveness_unknown,
    /// {level}, {words}
    invasiveness_level_words,
    unit_course,
    unit_month,
    unit_year,
    unit_session,
    unit_dose,
    unit_device,
    unit_device_and_surgery,
    unit_other,
    tier_a,
    tier_b,
    tier_c,
    tier_d,
    /// {letter}, {plain}
    tier_letter,
    /// {letter}, {plain}, {note}
    tier_letter_note,
    /// {tier}
    tier_prefixed,
    /// {tier}
    tier_lower,
    /// {letter}
    tier_short,
    flag_uncontrolled,
    flag_secondary,
    /// Beside a figure whose difference from its comparison group was not significant.
    flag_not_clearly_different,
    comparator_kind_sham,
    comparator_kind_placebo,
    comparator_kind_usual_care,
    comparator_kind_active,
    comparator_kind_subgroup,
    comparator_kind_none,
    not_reported,
    not_reported_sentence,
    no_verified_figure,
    /// {hours}
    hours_amount,
    hours_not_derivable,
    /// {low}, {high}
    hours_range,
    /// {low}
    hours_at_least,
    /// {low}
    hours_about,
    /// {amount}, {unit}, {year}
    price_summary,
    yes,
    no,

    // Loading and checking the data file.
    loading,
    cannot_show,
    data_file_label,
    try_again,
    /// {count}
    load_problem_count,
    load_not_downloaded_summary,
    load_check_connection_summary,
    load_server_trouble_summary,
    load_not_read_summary,
    /// {count}
    load_more_problems,
    load_not_json,
    load_empty,
    load_utf16,
    /// {byte}
    load_not_utf8,
    /// {bytes}, {limit}
    load_too_large,
    /// {line}, {limit}
    load_too_deep,
    /// {line}, {column}, {message}
    load_syntax,
    /// {path}, {line}, {column}, {message}
    load_structure,
    /// {url}
    download_refused,
    /// {url}
    download_other_site,
    /// {url}, {status}, {text}
    download_status,
    /// {url}, {status}, {text}
    download_not_found,
    /// {url}, {status}, {text}
    download_forbidden,
    /// {url}, {status}, {text}
    download_server_error,
    /// {url}
    download_body,
    /// {url}, {seconds}
    download_timed_out,
    download_cancelled,
    // Why the parser stopped (load::Cause), and the kinds of JSON values.
    /// {found}, {expected}
    cause_wrong_kind,
    /// {field}
    cause_missing,
    /// {field}
    cause_repeated,
    /// {found}, {allowed}
    cause_not_allowed,
    /// {written}
    cause_exponent,
    /// {kind}, {field}
    cause_needs_field,
    /// {kind}, {field}
    cause_foreign_field,
    /// {written}, {limit}
    cause_too_many_digits,
    cause_ends_early,
    cause_trailing_comma,
    cause_text_after_data,
    cause_control_in_text,
    cause_not_json_here,
    /// {kind}, {value}
    kind_with_value,
    kind_whole_number,
    kind_number,
    kind_text,
    kind_list,
    kind_object,
    kind_true_false,
    kind_nothing,
    /// {expected}, {found}
    problem_wrong_format,
    problem_empty,
    /// {found}
    problem_invasiveness_levels,
    /// {found}
    problem_not_a_date,
    problem_no_options,
    problem_bad_option_id,
    /// {id}
    problem_duplicate_option_id,
    /// {found}
    problem_level_out_of_range,
    /// {first}
    problem_second_headline_price,
    problem_headline_price_without_number,
    problem_headline_price_zero,
    problem_negative_price,
    /// {low}, {high}
    problem_low_above_high,
    /// {found}
    problem_not_a_currency,
    /// {metric}
    problem_second_headline,
    problem_figure_without_citation,
    problem_figure_without_tier,
    /// {k}, {n}
    problem_k_above_n,
    problem_n_zero,
    problem_no_measure,
    problem_not_finite,
    /// {low}, {high}
    problem_interval_reversed,
    /// {found}
    problem_percent_out_of_range,
    /// {id}
    problem_duplicate_citation_id,
    problem_citation_without_link,
    /// {found}
    problem_not_a_doi,
    /// {found}
    problem_not_a_pmid,
    problem_not_a_web_link,
    problem_space_in_link,
    /// {id}
    problem_unknown_citation,
    /// {chars}, {limit}
    problem_too_long,
    /// {code}
    problem_unsafe_character,
    /// {found}, {limit}
    problem_too_many_options,

    // The host's settings.
    settings_problems,
    /// {origin}
    setting_src_not_allowed,
    /// {value}, {known}
    setting_not_one_of,
    /// {value}, {low}, {high}
    setting_not_a_number,
    /// {value}, {low}, {high}
    setting_not_a_level,
    /// {id}, {known}
    setting_unknown_option,
    /// {min}
    setting_too_few_options,
    /// {link_version}, {link_reviewed}, {version}, {reviewed}
    version_note,

    // The comparison.
    note_not_head_to_head,
    note_different_studies,
    present_button,
    present_label,
    /// {shown}, {total}
    present_hint,
    show_as,
    view_chart,
    view_icons,
    view_table,
    sort_by,
    sort_default,
    sort_name,
    sort_response,
    sort_remission,
    kind_of_treatment,
    all_kinds,
    how_invasive,
    any_level,
    /// {level}, {words}
    level_only,
    /// {level}, {words}
    level_up_to,
    choose_options,
    /// {min}
    choose_at_least,
    choose_all,
    no_match,
    show_all_kinds,

    // Chart panels.
    /// {metric}
    panel_rate,
    panel_cost,
    every_study_on,
    every_study_key,
    /// {count}, {low}, {high}
    studies_range,
    /// {count}, {sources}, {low}, {high}: fewer sources than rates (a source gives several)
    studies_range_shared_sources,
    /// {count}, {low}, {high}: every rate is from one source
    studies_range_one_source,
    /// {value}, {arm}: a rate beside the group in its study it is of
    rate_of_arm,
    studies_one,
    /// {count}
    studies_not_rates,
    /// {list}
    studies_ratios,
    cost_per_session,
    cost_per_dose,
    cost_per_month,
    cost_per_year,
    cost_per_course,
    cost_per_device,
    cost_per_device_and_surgery,
    cost_per_other,
    /// {names}
    cost_no_price_list,
    panel_burden,
    axis_percent,
    axis_hours,
    /// {currency}
    axis_price,
    axis_percent_brief,
    axis_hours_brief,
    /// {currency}
    axis_price_brief,
    /// {value}
    chart_no_rate,
    chart_comparison_not_reported,
    chart_hours_not_derivable,
    /// {level}
    chart_level_of_4,
    /// {currency}
    chart_not_converted,
    chart_other_unit,
    chart_no_price,
    /// {unit}, {year}
    chart_unit_year,
    /// {unit}, {year}
    chart_unit_year_words,
    legend_option,
    legend_comparator,
    select_row_hint,
    cost_help,
    cost_legend,
    burden_help,
    /// {levels}
    burden_levels,
    burden_estimates_note,
    /// {option}, {what}, {value}
    hit_label,
    /// {what}, {option}
    provenance_box_label,
    close,
    price,
    price_prefix,
    price_as_written,
    price_year,
    currency,
    note,

    // A figure's provenance and an option's details.
    where_from,
    compared_with,
    study_design,
    people_n,
    timepoint,
    who_was_studied,
    outcome_definition,
    evidence_tier,
    sources,
    regulatory_status,
    /// {count}
    all_findings,
    /// {why}
    why_headline,
    cost,
    key_risks,
    caveats,
    /// {level}, {words}
    invasiveness_badge,
    headline_badge,
    /// {comparator}
    compared_with_lower,
    /// {n}
    n_equals,
    /// {value}: a finding's population, timepoint and outcome definition in the list of all
    /// findings, named (two "study-defined" side by side read as a slip otherwise)
    finding_population,
    finding_timepoint,
    finding_definition,
    /// {n}
    n_short,
    /// {comparator}
    /// {range}, {scope}
    time_in_clinic,
    /// {derivation}
    worked_out_as,
    /// {currency}, {year}
    price_facts,

    // Icon arrays.
    outcome,
    out_of,
    /// {n}
    icons_people,
    /// {d}
    icons_hint,
    /// {who}, {people}, {verb}, {figure}
    icons_caption,
    icons_responded,
    icons_remitted,

    // Table and handout.
    option,
    figure,
    invasiveness,
    hours_in_clinic_estimate,
    price_sources,
    /// {note}: the not-head-to-head note, continuing the sentence
    table_caption,
    burden_table_caption,
    handout_title,

    // Sources, sharing, footer.
    /// {pmid}
    pubmed_link,
    source_page,
    share_summary,
    cite_this_view,
    /// {title}, {version}, {reviewed}
    cite_line,
    share_copy_link,
    share_csv,
    share_svg,
    share_png,
    share_csv_done,
    share_svg_done,
    share_png_done,
    share_making_picture,
    /// {detail}
    share_picture_failed,
    share_link_copied,
    /// {link}
    share_copy_refused,
    /// {numbers}
    export_price_sources,
    /// {option}
    export_no_figures,
    /// {title}, {version}, {reviewed}
    footer_identity,
    /// {region}
    footer_region,
    download_data_file,
    crisis_lead,

    // Plain words for readers: comparison groups, whole people, the abbreviations.
    /// {group}, {value}
    versus_value,
    /// {group}
    versus_group,
    /// {name}
    group_active,
    /// {name}
    group_subgroup,
    /// {kind}, {name}
    group_named,
    /// {n}, {d}
    people_about,
    /// {n}, {d}
    people_exactly,
    /// {d}
    people_fewer_than_one,
    /// {d}
    people_nearly_all,
    /// {d}
    people_unknown,
    meaning_sham,
    meaning_placebo,
    meaning_usual_care,
    meaning_active,
    meaning_subgroup,
    meaning_none,
    term_trd,
    term_mdd,
    term_mde,
    term_ad,
    term_ssri,
    term_snri,
    term_maoi,
    term_t3,
    term_sr,
    term_xr,
    term_iv,
    term_cbt,
    term_ipt,
    term_tau,
    term_hf_rtms,
    term_rtms,
    term_dtms,
    term_tms,
    term_itbs,
    term_snt,
    term_fmri,
    term_mri,
    term_ect,
    term_vns,
    term_dbs,
    term_rct,
    term_qids,
    term_ids,
    term_madrs,
    term_hamd,
    term_bdi,
    term_cgi,
    term_or,
    term_rr,
    term_hr,
    term_smd,
    term_nnt,
    term_ci,
    term_sd,
    term_ns,
    term_fda,
    term_nice,
    term_qaly,

    // The answer first: the lede, the cards, how to read them.
    lede,
    answers_label,
    outcome_response,
    outcome_remission,
    outcome_response_short,
    outcome_remission_short,
    /// {hours}
    card_hours,
    card_no_hours,
    card_different_studies,
    fig_source_lead,
    /// {arm}: against another treatment, which group of its study a card's figure is of, after
    /// its people ("about 26 in 100 (switch to bupropion SR)")
    arm_in_brackets,
    fig_more,
    fig_less,
    card_more_short,
    card_less_short,
    /// {more}, {option}
    card_more_label,
    /// {n}, {source}
    source_named,
    kind_of_group,
    terms_used,
    how_to_read,
    how_people,
    how_groups,
    how_bars,
    how_tiers,
    how_glossary,
    /// The abbreviations "How to read this" defines, separated by spaces.
    how_glossary_terms,
    more_charts,
    /// The folded filters while every option is shown.
    customise,
    /// {chosen}, {total}: the folded filters while some options are left out.
    customise_chosen,
    /// {n}, {shown}, {total}: the button under a long list.
    show_more_options,
    /// {count}
    sources_count,
    /// {source}, {link}
    source_link_name,
    // How the language writes dates, and languages' names.
    /// {iso} (YYYY-MM-DD as written), {day}, {month}, {year}
    date_format,
    /// The twelve months' names, January first, separated by spaces.
    months,
    language_en,
    language_es,
    /// {language}, {version}, {reviewed}: the line a translated dataset shows in the footer.
    translated_from,
    /// The CSV's 20 column names, separated by commas (machine-friendly: no spaces).
    csv_columns,
    // Choosing the outcomes; the compact layout's one link.
    outcomes,
    outcomes_both,
    outcomes_response,
    outcomes_remission,
    compact_more,
    /// {title}, {version}, {reviewed}, {slide}, {slides}: a slide's last line.
    slide_identity,
    share_slides,
    share_slide_size,
    share_slide_which,
    /// {slide}, {slides}
    share_slide_of,
    share_slide_png,
    share_slide_svg,
    share_slide_done,
    handout_questions_title,
    /// Questions to take to a clinician, separated by "|".
    handout_questions,
}
