//! The report focused on one part, for printing the view a planner is looking at: the
//! comparison (the regimes, the targets, the schedules and their Gantt charts), the
//! simulation, or the reform planner; or the whole report. Same page, same print stylesheet
//! (A4 landscape), fewer sections.

use permitflow_i18n::tr;

use super::{Contents, PlanTarget, base64, contents, font, page};
use crate::{Error, Loaded};

/// Which sections a focused report shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Every section.
    Whole,
    /// The regimes compared, the targets and the schedules (comparison chart, critical paths,
    /// Gantt charts).
    Compare,
    /// The simulation's percentiles and histogram.
    Simulation,
    /// The reform planner's plan, time–cost curve and waterfall.
    Planner,
}

impl Focus {
    /// The line under the title naming the part printed; `None` for the whole report.
    pub(super) fn title(self) -> Option<String> {
        match self {
            Focus::Whole => None,
            Focus::Compare => Some(tr!("report-focus-compare")),
            Focus::Simulation => Some(tr!("report-focus-simulation")),
            Focus::Planner => Some(tr!("report-focus-planner")),
        }
    }
}

/// The page of `c` with only the sections of `focus` (see [`super::render`]).
pub fn render_focused(c: &Contents, focus: Focus) -> String {
    let body = page::body_for(c, focus);
    let font = base64(&font::for_text(&format!("{}{}", c.name, body.0)));
    page::document(&c.name, &font, body).into_string()
}

/// The report of a loaded scenario focused on one part, the planner at `plan` (by default as
/// in [`super::of`]).
pub fn of_focused(
    loaded: &Loaded,
    plan: Option<&PlanTarget>,
    focus: Focus,
) -> Result<String, Error> {
    if let Some(p) = plan
        && loaded.scenario.regime(&p.regime).is_none()
    {
        return Err(crate::unknown_regime(loaded, &p.regime));
    }
    let c = contents(
        &loaded.scenario,
        &loaded.calendar,
        &loaded.label,
        plan.map(|p| (p.regime.clone(), p.days)),
    )
    .map_err(|e| Error::msg(format!("{}: {e}", loaded.label)))?;
    Ok(render_focused(&c, focus))
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_i18n::Lang;

    fn shipped(name: &str) -> Loaded {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../scenarios")
            .join(name);
        crate::load(Some(&path), None).unwrap()
    }

    /// The `<h2>` headings of a page, in order.
    fn headings(html: &str) -> Vec<String> {
        html.split("<h2>")
            .skip(1)
            .map(|s| s.split("</h2>").next().unwrap_or_default().to_owned())
            .collect()
    }

    #[test]
    fn each_focus_keeps_its_own_sections() {
        permitflow_i18n::with_lang(Lang::En, || {
            // The default scenario has spreads (a simulation) and floors (a planner).
            let l = shipped("social-investment-housing.toml");
            let c = contents(&l.scenario, &l.calendar, &l.label, None).unwrap();
            let whole = headings(&render_focused(&c, Focus::Whole));
            assert_eq!(whole, headings(&super::super::render(&c)));
            for h in ["Regimes compared", "Schedules", "Uncertainty", "Sources"] {
                assert!(whole.iter().any(|w| w == h), "{h} not in {whole:?}");
            }
            let compare = headings(&render_focused(&c, Focus::Compare));
            // Every focus says first which project the figures are for (the default declares
            // its underground area).
            assert_eq!(
                compare,
                [
                    "Project attributes",
                    "Regimes compared",
                    "Targets and published figures",
                    "Schedules"
                ]
            );
            let html = render_focused(&c, Focus::Compare);
            assert!(html.contains("Critical paths"));
            // One Gantt chart per regime (serial, parallel, joint, joint online), with the
            // comparison chart: five figures.
            assert_eq!(html.matches("<figure").count(), 5);
            assert_eq!(html.matches("<figure class=\"gantt\"").count(), 4);
            assert!(html.contains("Print of the comparison"));
            let sim = headings(&render_focused(&c, Focus::Simulation));
            assert_eq!(sim, ["Project attributes", "Uncertainty"]);
            let plan = headings(&render_focused(&c, Focus::Planner));
            assert_eq!(plan.len(), 2);
            assert_eq!(plan[0], "Project attributes");
            assert!(plan[1].starts_with("Reform planner: "), "{plan:?}");
            // Every page is the A4-landscape print page.
            assert!(html.contains("size: A4 landscape"));
        });
    }

    #[test]
    fn a_focus_the_scenario_lacks_says_so_in_both_languages() {
        // The Hezhou business start-up has no spreads: nothing to simulate.
        let l = shipped("business-startup-hezhou.toml");
        let c = permitflow_i18n::with_lang(Lang::En, || {
            contents(&l.scenario, &l.calendar, &l.label, None).unwrap()
        });
        assert!(
            c.simulation.is_none(),
            "this test needs a scenario without spreads"
        );
        let en = permitflow_i18n::with_lang(Lang::En, || render_focused(&c, Focus::Simulation));
        assert_eq!(headings(&en), ["Uncertainty"]);
        assert!(en.contains("nothing to simulate"), "{en}");
        let zh = permitflow_i18n::with_lang(Lang::ZhCn, || render_focused(&c, Focus::Simulation));
        assert_eq!(headings(&zh), ["不确定性"]);
    }

    #[test]
    fn a_planner_target_for_an_unknown_regime_is_refused() {
        let l = shipped("social-investment-housing.toml");
        let plan = PlanTarget {
            regime: "nosuch".into(),
            days: permitflow_model::WorkingDays::new(30.0),
        };
        assert!(of_focused(&l, Some(&plan), Focus::Planner).is_err());
    }
}
