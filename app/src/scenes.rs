//! Chart bundles: the scenes a command, a tab of the desktop app or the report shows together,
//! built once from typed results. Written to SVG or PNG by [`write_chart`](crate::write::chart).

use permitflow_chart::{Arrows, Histogram, Scene};
use permitflow_i18n::tr;
use permitflow_model::{Calendar, DayMeasure, RegimeName, Scenario};
use permitflow_solver::{Attribution, CentreResult, Change, Outcome, SimulationResult};

use crate::analysis::PlanReport;

/// Space between stacked charts.
const GAP: f64 = 24.0;

/// Which schedule charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleCharts {
    /// The comparison, then a Gantt chart per regime.
    All,
    /// The regimes compared on one time axis.
    Compare,
    /// A Gantt chart per regime.
    Gantt,
}

/// The schedule charts of solved regimes, stacked; Gantt charts with dependency arrows when
/// they have fewer than 100 bars.
pub fn schedules(
    s: &Scenario,
    outcomes: &[&Outcome],
    cal: &Calendar,
    kind: ScheduleCharts,
) -> Scene {
    schedules_with(s, outcomes, cal, kind, Arrows::Auto)
}

/// [`schedules`] with the Gantt charts' dependency arrows on, off or automatic.
pub fn schedules_with(
    s: &Scenario,
    outcomes: &[&Outcome],
    cal: &Calendar,
    kind: ScheduleCharts,
    arrows: Arrows,
) -> Scene {
    let mut scenes = Vec::new();
    if kind != ScheduleCharts::Gantt {
        scenes.push(permitflow_chart::comparison(s, outcomes, cal));
    }
    if kind != ScheduleCharts::Compare {
        scenes.extend(
            outcomes
                .iter()
                .map(|o| permitflow_chart::gantt_with(s, o, cal, arrows)),
        );
    }
    let scene = with_attributes(s, Scene::stack(scenes, GAP));
    // Dates in a year whose holidays are provisional or unknown: said under the charts.
    match calendar_note(cal, outcomes) {
        Some(note) => permitflow_chart::with_footnote(scene, &note),
        None => scene,
    }
}

/// `scene` with a footnote line giving the project attribute values it was computed for
/// (`Project attributes: in_assessed_area = yes`), for a scenario that declares attributes.
pub fn with_attributes(s: &Scenario, scene: Scene) -> Scene {
    match crate::rows::attribute_values(s) {
        Some(values) => permitflow_chart::with_plain_footnote(
            scene,
            &tr!("chart-attributes-footnote", values = values),
        ),
        None => scene,
    }
}

/// The note under charts (and in the report) when the outcomes' dates run into years whose
/// holidays are provisional or unknown to the calendar, in the current language: what it means
/// and how to add the official holidays, in words (no command-line syntax).
pub fn calendar_note(cal: &Calendar, outcomes: &[&Outcome]) -> Option<String> {
    let crate::Warning::Calendar {
        calendar,
        provisional,
        uncovered,
    } = crate::Warning::calendar_coverage(cal, outcomes)?;
    let mut parts = Vec::new();
    if !provisional.is_empty() {
        parts.push(tr!(
            "chart-calendar-provisional",
            calendar = calendar.as_str(),
            years = crate::warning::years(&provisional)
        ));
    }
    if !uncovered.is_empty() {
        parts.push(tr!(
            "chart-calendar-uncovered",
            calendar = calendar.as_str(),
            years = crate::warning::years(&uncovered)
        ));
    }
    parts.push(tr!("chart-calendar-fix"));
    Some(tr!("chart-calendar-warning") + &parts.join(&tr!("chart-calendar-sep")))
}

/// The name people know an item or joint group by, for the id the solver reports.
pub fn activity_name(s: &Scenario, id: &str) -> String {
    s.items
        .iter()
        .find(|it| it.id.to_string() == id)
        .map(|it| it.name.clone())
        .or_else(|| {
            s.joint_groups
                .iter()
                .find(|g| g.id.to_string() == id)
                .map(|g| g.name.clone())
        })
        .unwrap_or_else(|| id.to_owned())
}

/// Most items in a tornado chart of what drives the spread.
pub const TORNADO_ITEMS: usize = 15;

/// The simulated elapsed working days and official approval days of each regime as
/// histograms with the targets marked, then a tornado chart per regime of what drives the
/// spread.
pub fn simulation(
    s: &Scenario,
    results: &[&SimulationResult],
    iterations: usize,
    seed: u64,
) -> Scene {
    let title = tr!(
        "chart-simulation-title",
        scenario = s.name.as_str(),
        iterations = iterations,
        seed = seed.to_string()
    );
    // Both clocks: elapsed working days, then official approval days.
    let mut scenes = vec![
        simulation_histogram(s, results, &title),
        simulation_approval_histogram(s, results, &title),
    ];
    for r in results {
        if !r.sensitivity.is_empty() {
            scenes.push(permitflow_chart::tornado(
                &tr!(
                    "chart-tornado-title",
                    scenario = s.name.as_str(),
                    regime = regime_label(s, &r.regime)
                ),
                &tr!("chart-tornado-subtitle"),
                &r.sensitivity
                    .iter()
                    .take(TORNADO_ITEMS)
                    .map(|(id, v)| (activity_name(s, id), *v))
                    .collect::<Vec<_>>(),
                &tr!("chart-wd-unit"),
            ));
        }
    }
    with_attributes(s, Scene::stack(scenes, GAP))
}

/// The simulated elapsed working days of each regime as histograms with their targets marked.
pub fn simulation_histogram(s: &Scenario, results: &[&SimulationResult], title: &str) -> Scene {
    permitflow_chart::histogram(
        title,
        &sim_series(s, results, |r| r.into()),
        &permitflow_chart::simulation_targets_on(
            s,
            results.iter().copied(),
            DayMeasure::WorkingDays,
        ),
    )
}

/// The simulated official approval days (审批用时) of each regime as histograms with the
/// approval-day targets marked, titled after `title` (the elapsed panel's title).
pub fn simulation_approval_histogram(
    s: &Scenario,
    results: &[&SimulationResult],
    title: &str,
) -> Scene {
    permitflow_chart::histogram(
        &tr!("chart-sim-approval-title", title = title),
        &sim_series(s, results, Histogram::approval),
        &permitflow_chart::simulation_targets_on(
            s,
            results.iter().copied(),
            DayMeasure::ApprovalDays,
        ),
    )
}

/// One series per regime, named for people.
fn sim_series(
    s: &Scenario,
    results: &[&SimulationResult],
    f: fn(&SimulationResult) -> Histogram,
) -> Vec<Histogram> {
    results
        .iter()
        .map(|r| Histogram {
            regime: regime_label(s, &r.regime),
            ..f(r)
        })
        .collect()
}

/// The time–cost curve of a plan, with its target marked.
pub fn time_cost(
    title: &str,
    curve: &[(permitflow_model::WorkingDays, f64)],
    target: f64,
) -> Scene {
    let points: Vec<(f64, f64)> = curve.iter().map(|(w, c)| (w.get(), *c)).collect();
    permitflow_chart::time_cost_curve(title, &points, Some(target))
}

/// A regime's name for people, from the name the solver reports.
fn regime_label(s: &Scenario, regime: &str) -> String {
    s.regime_label(&RegimeName::new(regime))
}

/// What each step from the serial regime to `regime` of `s` saves, the steps named for people.
pub fn waterfall(s: &Scenario, title: &str, a: &Attribution, regime: &str) -> Scene {
    permitflow_chart::waterfall(
        title,
        (&regime_label(s, "serial"), a.serial.get()),
        &a.steps
            .iter()
            .filter(|st| st.change != Change::Serial)
            .map(|st| {
                let name = match &st.change {
                    Change::Measure(m) => s.measure_label(m),
                    _ => regime_label(s, &st.name),
                };
                (name, st.saved.get())
            })
            .collect::<Vec<_>>(),
        &regime_label(s, regime),
    )
}

/// The planner's charts: the time–cost curve (when computed), then the waterfall.
pub fn plan(s: &Scenario, r: &PlanReport) -> Scene {
    let mut scenes = Vec::new();
    if let Some(c) = &r.curve {
        scenes.push(time_cost(
            &tr!(
                "chart-curve-title",
                scenario = s.name.as_str(),
                regime = regime_label(s, &r.regime)
            ),
            c,
            r.target.get(),
        ));
    }
    scenes.push(waterfall(
        s,
        &tr!(
            "chart-waterfall-title",
            scenario = s.name.as_str(),
            serial = regime_label(s, "serial"),
            regime = regime_label(s, &r.regime)
        ),
        &r.attribution,
        &r.regime,
    ));
    with_attributes(s, Scene::stack(scenes, GAP))
}

/// Utilisation, lead-time distributions and work in progress of each approval-centre run.
pub fn centre(portfolio: &str, runs: &[(String, CentreResult)]) -> Scene {
    let mut scenes = Vec::new();
    for (label, r) in runs {
        let mut bars: Vec<(String, f64)> = r
            .departments
            .iter()
            .filter(|d| !d.utilisation.is_nan())
            .map(|d| (d.name.clone(), d.utilisation * 100.0))
            .collect();
        bars.sort_by(|a, b| b.1.total_cmp(&a.1));
        scenes.push(permitflow_chart::tornado(
            &tr!(
                "chart-utilisation-title",
                portfolio = portfolio,
                run = label.as_str()
            ),
            &tr!("chart-utilisation-subtitle"),
            &bars,
            " %",
        ));
        let hist: Vec<Histogram> = r
            .projects
            .iter()
            .map(|x| Histogram {
                regime: x.name.clone(),
                samples: x.samples.clone(),
                p50: x.p50,
                p80: x.p80,
                p95: x.p95,
            })
            .collect();
        scenes.push(permitflow_chart::histogram_of(
            &tr!(
                "chart-lead-time-title",
                portfolio = portfolio,
                run = label.as_str()
            ),
            permitflow_chart::histogram::CENTRE,
            &hist,
            &[],
        ));
        // The other clock: official approval days of the same projects.
        let approval: Vec<Histogram> = r
            .projects
            .iter()
            .map(|x| Histogram {
                regime: x.name.clone(),
                samples: x.approval.samples.clone(),
                p50: x.approval.p50,
                p80: x.approval.p80,
                p95: x.approval.p95,
            })
            .collect();
        scenes.push(permitflow_chart::histogram_of(
            &tr!(
                "chart-centre-approval-title",
                portfolio = portfolio,
                run = label.as_str()
            ),
            permitflow_chart::histogram::CENTRE,
            &approval,
            &[],
        ));
    }
    let series: Vec<(String, Vec<(f64, f64)>)> = runs
        .iter()
        .map(|(l, r)| (l.clone(), r.wip.clone()))
        .collect();
    scenes.push(permitflow_chart::line_chart(
        &tr!("chart-wip-title", portfolio = portfolio),
        &tr!("chart-wip-subtitle"),
        &series,
        &tr!("chart-working-days"),
        &tr!("chart-wip-axis"),
    ));
    Scene::stack(scenes, GAP)
}

/// The observed lead times of each project type of an event log against the fitted scenario's
/// simulated ones, overlaid.
pub fn calibration(log: &str, v: &crate::calibrate::Validation) -> Scene {
    // The file's name: a path would run off the chart.
    let file = std::path::Path::new(log)
        .file_name()
        .map_or_else(|| log.to_owned(), |f| f.to_string_lossy().into_owned());
    let file = file.as_str();
    let series: Vec<Histogram> = v
        .rows
        .iter()
        .flat_map(|r| {
            let series = |key: &str, samples: &[f64], p: [f64; 3]| Histogram {
                regime: permitflow_i18n::message(
                    key,
                    &[("project_type", r.project_type.as_str().into())],
                ),
                samples: samples.to_vec(),
                p50: p[0],
                p80: p[1],
                p95: p[2],
            };
            [
                series("chart-calibrate-observed", &r.observed_samples, r.observed),
                series(
                    "chart-calibrate-simulated",
                    &r.simulated_samples,
                    r.simulated,
                ),
            ]
        })
        .collect();
    permitflow_chart::histogram_of(
        &tr!(
            "chart-calibrate-title",
            log = file,
            regime = v.regime.as_str()
        ),
        permitflow_chart::histogram::CENTRE,
        &series,
        &[],
    )
}

/// One item of an event log: its observed first-review times as a histogram against the
/// spread fitted to them (its density, or a fixed time's line), named `name` (the scenario's
/// name for the item, else the log's).
pub fn calibration_item(log: &str, name: &str, fit: &crate::calibrate::ItemFit) -> Scene {
    use crate::calibrate::Spread;
    use permitflow_chart::Fitted;
    let n = |v: f64| format!("{:.1}", v).trim_end_matches(".0").to_owned();
    let curve = crate::calibrate::density(&fit.spread);
    let (fitted, label) = match fit.spread {
        Spread::Triangular { min, mode, max } => (
            Fitted::Density(&curve),
            tr!(
                "chart-fit-triangular",
                min = n(min),
                mode = n(mode),
                max = n(max)
            ),
        ),
        Spread::Pert { min, mode, max } => (
            Fitted::Density(&curve),
            tr!("chart-fit-pert", min = n(min), mode = n(mode), max = n(max)),
        ),
        Spread::Fixed(v) => (Fitted::Fixed(v), tr!("chart-fit-fixed", days = n(v))),
        Spread::Empirical => (
            Fitted::None,
            tr!("chart-fit-empirical", n = crate::calibrate::MIN_FIT_CASES),
        ),
    };
    permitflow_chart::fit_histogram(
        &tr!("chart-fit-title", item = name, log = log),
        &tr!("chart-fit-subtitle"),
        &fit.reviews,
        name,
        &fitted,
        &label,
    )
}

#[cfg(test)]
mod tests {
    use permitflow_chart::Shape;
    use permitflow_i18n::{Lang, with_lang};
    use permitflow_solver::{Method, evaluate};

    use super::*;

    fn shipped(name: &str) -> crate::Loaded {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../scenarios")
            .join(name);
        crate::load(Some(&path), None).unwrap()
    }

    /// The texts of a scene with `class`, in order.
    fn texts(scene: &Scene, class: &str) -> Vec<String> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, class: c, .. } if *c == class => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    fn tips(scene: &Scene) -> Vec<String> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect { title, .. } | Shape::Diamond { title, .. } => title.clone(),
                _ => None,
            })
            .collect()
    }

    /// The comparison and the joint regime's Gantt chart of the default scenario, in `lang`.
    fn charts(lang: Lang) -> (Scene, Scene) {
        let l = shipped("social-investment-housing.toml");
        let (s, cal) = (&l.scenario, &l.calendar);
        let outcomes: Vec<Outcome> = s
            .regimes
            .iter()
            .map(|r| evaluate(s, r, cal, Method::Paths).unwrap())
            .collect();
        let refs: Vec<&Outcome> = outcomes.iter().collect();
        with_lang(lang, || {
            (
                permitflow_chart::comparison(s, &refs, cal),
                permitflow_chart::gantt(s, &outcomes[2], cal),
            )
        })
    }

    #[test]
    fn the_comparison_and_gantt_speak_chinese() {
        let (cmp, gantt) = charts(Lang::ZhCn);
        assert_eq!(
            texts(&cmp, "title"),
            ["General social-investment housing (Hezhou 2020) — 审批模式对比"]
        );
        assert_eq!(
            texts(&cmp, "subtitle"),
            ["同一日历上各阶段的工作日；每行末端为最后一个许可证的办结日期"]
        );
        // The standard regimes by their names in the reform documents; joint_online by the
        // scenario's label_zh.
        assert_eq!(
            texts(&cmp, "regime-name"),
            [
                "串联审批",
                "并联审批",
                "并联审批＋联合审查",
                "联合审查＋全程网办"
            ]
        );
        // Elapsed, with the publicity, the investigation and a year of works: serial takes
        // 368.5 working days to 24 August 2026; joint 303.5 to 22 May 2026, 65 fewer.
        let totals = texts(&cmp, "total");
        assert_eq!(totals[0], "368.5 个工作日 · 2026年8月24日");
        assert_eq!(
            totals[2],
            "303.5 个工作日 · 2026年5月22日（较串联审批 -65）"
        );
        // The official approval time under each total: the published 36.5 for joint, 64
        // fewer than serial's 100.5 (the items off the clock are the same under every regime,
        // so the saving in approval days is not the elapsed one).
        let approval = texts(&cmp, "approval-total");
        assert_eq!(approval[0], "审批用时 100.5 个工作日");
        assert_eq!(approval[2], "审批用时 36.5 个工作日（较串联审批 -64）");
        assert!(
            texts(&cmp, "legend-label")
                .iter()
                .any(|l| l == "审批计时（计入审批用时）")
        );
        // Months on the axis as 2025年3月 …; the last row ends in August 2026.
        let months = texts(&cmp, "month");
        assert_eq!(months.first().map(String::as_str), Some("2025年3月"));
        assert_eq!(months.last().map(String::as_str), Some("2026年8月"));
        assert!(
            tips(&cmp)
                .iter()
                .any(|t| t == "4 Completion acceptance：16.5 个工作日"),
            "{:?}",
            tips(&cmp)
        );

        assert_eq!(
            texts(&gantt, "title"),
            [
                "General social-investment housing (Hezhou 2020) — 并联审批＋联合审查：303.5 个工作日，2025年3月3日 至 2026年5月22日"
            ]
        );
        let sub = &texts(&gantt, "subtitle")[0];
        assert!(
            sub.starts_with("跑动次数 ") && sub.ends_with("红色为关键路径"),
            "{sub}"
        );
        // The stage deliveries: the construction stage ends with the works on 27 April 2026.
        assert_eq!(
            texts(&gantt, "milestone-label"),
            [
                "3月7日 · 5 个工作日",
                "3月25日 · 12 个工作日",
                "4月27日 · 270 个工作日",
                "5月22日 · 16.5 个工作日"
            ]
        );
        let legend = texts(&gantt, "legend-label");
        for want in [
            "关键事项",
            "周末",
            "法定节假日",
            "调休上班日",
            "阶段统一出件（许可证）",
        ] {
            assert!(legend.iter().any(|l| l == want), "no {want} in {legend:?}");
        }
        assert!(
            tips(&gantt)
                .iter()
                .any(|t| t.contains("（water_connection）") && t.contains("总时差 7")),
            "{:?}",
            tips(&gantt)
        );
        // Nothing spills off the canvas or runs into other text, in Chinese as in English.
        for scene in [&cmp, &gantt] {
            assert!(permitflow_chart::layout::outside(scene, 0.5).is_empty());
        }
    }

    #[test]
    fn the_comparison_shows_where_the_approval_clock_stops() {
        // Land pre-examination (working days 1 to 6 under the serial regime) as a special
        // procedure: the serial row's approval strip runs 0–1 and 6–100.5, two pieces, and its
        // approval total is 5 days shorter than its elapsed time.
        let l = crate::rows::fixtures::with_special_item();
        let (s, cal) = (&l.scenario, &l.calendar);
        let outcomes: Vec<Outcome> = s
            .regimes
            .iter()
            .map(|r| evaluate(s, r, cal, Method::Paths).unwrap())
            .collect();
        let refs: Vec<&Outcome> = outcomes.iter().collect();
        let cmp = with_lang(Lang::En, || permitflow_chart::comparison(s, &refs, cal));
        let serial_strips = cmp
            .shapes
            .iter()
            .filter(|sh| match sh {
                Shape::Rect { class, title, .. } => {
                    *class == "approval-clock"
                        && title.as_deref()
                            == Some("approval clock running: 95.5 approval days in all")
                }
                _ => false,
            })
            .count();
        assert_eq!(serial_strips, 2);
        assert_eq!(texts(&cmp, "total")[0], "100.5 wd · 2025-07-25");
        assert_eq!(texts(&cmp, "approval-total")[0], "approval 95.5 wd");
        assert!(permitflow_chart::layout::outside(&cmp, 0.5).is_empty());
    }

    #[test]
    fn the_comparison_and_gantt_stay_english_in_english() {
        let (cmp, gantt) = charts(Lang::En);
        assert_eq!(
            texts(&cmp, "title"),
            ["General social-investment housing (Hezhou 2020) — regimes compared"]
        );
        assert_eq!(texts(&cmp, "regime-name")[0], "serial");
        assert_eq!(
            texts(&cmp, "total")[2],
            "303.5 wd · 2026-05-22 (-65 vs serial)"
        );
        assert_eq!(
            texts(&cmp, "approval-total")[2],
            "approval 36.5 wd (-64 vs serial)"
        );
        assert_eq!(texts(&cmp, "month")[0], "2025-03");
        assert!(texts(&gantt, "milestone-label").contains(&"05-22 · 16.5 wd".to_owned()));
        assert!(
            texts(&gantt, "legend-label")
                .iter()
                .any(|l| l == "make-up working day")
        );
    }

    #[test]
    fn the_calendar_note_names_the_years_in_either_language_without_backticks() {
        // The default scenario's all-approval flow: from 2026-11-02 it ends in 2027 (the
        // shipped scenario's year of works would reach into 2028).
        let l = crate::rows::fixtures::approval_only();
        let mut s = (*l.scenario).clone();
        s.start = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let s = permitflow_model::validate(&s, "late.toml").unwrap();
        let serial = evaluate(&s, &s.regimes[0], &l.calendar, Method::Paths).unwrap();
        let note = |lang| with_lang(lang, || calendar_note(&l.calendar, &[&serial]).unwrap());
        let en = note(Lang::En);
        assert!(
            en.contains("the cn calendar's holidays in 2027 are provisional"),
            "{en}"
        );
        let zh = note(Lang::ZhCn);
        assert!(
            zh.starts_with("警告：cn 日历中 2027 年的节假日为暂定"),
            "{zh}"
        );
        assert!(!en.contains('`') && !zh.contains('`'));
        let chart = with_lang(Lang::ZhCn, || {
            schedules(&s, &[&serial], &l.calendar, ScheduleCharts::Compare)
        });
        let foot = texts(&chart, "footnote").concat();
        assert!(foot.contains("2027 年的节假日为暂定"), "{foot}");
    }
}
