//! The exact pass of a network with calendar-day items or lags: each iteration of a block is
//! scheduled on the calendar by [`crate::dated::schedule_dated_days`] with its sampled
//! durations, one lane at a time (scalar: the dates do not vectorise).

use chrono::NaiveDate;
use permitflow_model::Calendar;

use super::model::Model;
use super::{LANES, Lanes};
use crate::dated::schedule_dated_days;
use crate::outcome::calendar_days_between;

/// The calendar an iteration is placed on and the application date (instant 0).
#[derive(Debug)]
pub(super) struct Dated {
    pub(super) calendar: Calendar,
    pub(super) application: NaiveDate,
}

impl Model {
    /// Lanes `0..used` of a block placed on the calendar: earliest starts and finishes into
    /// `es` (interleaved, working days), into `ls` each start plus 1 when the activity has
    /// float and the start itself when it has none (the dated scheduler's criticality: a
    /// calendar-day item is critical when it cannot start a day later), the elapsed calendar
    /// days into `calendar_days`; the makespans. A lane whose sample breaks an upper bound is
    /// cleared in `ok`, as are the lanes from `used` on.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn pass_dated(
        &self,
        dated: &Dated,
        d: &[Lanes],
        es: &mut [Lanes],
        ls: &mut [Lanes],
        ok: &mut [bool; LANES],
        used: usize,
        calendar_days: &mut Lanes,
    ) -> Lanes {
        let mut ms = [0.0; LANES];
        for j in 0..LANES {
            if j >= used {
                ok[j] = false;
                continue;
            }
            let days = self.lane(d, j);
            let Ok(s) = schedule_dated_days(&self.net, &dated.calendar, dated.application, &days)
            else {
                ok[j] = false;
                continue;
            };
            ms[j] = s.schedule.makespan.get();
            calendar_days[j] = f64::from(calendar_days_between(dated.application, s.end_date));
            for (q, &a) in self.order.iter().enumerate() {
                let start = s.schedule.start[a].get();
                es[2 * q][j] = start;
                es[2 * q + 1][j] = s.schedule.finish[a].get();
                ls[2 * q][j] = if s.schedule.critical[a] {
                    start
                } else {
                    start + 1.0
                };
            }
        }
        ms
    }
}

/// The issue's flow on the calendar: `a` (approval, 5 working days) → `b` (special, 10 calendar
/// days) → `c` (approval, 3 working days), applied for on Monday 2025-03-03 (Monday to Friday
/// working).
#[cfg(test)]
mod tests {
    use permitflow_model::{
        Calendar, Clock, DayUnit, Format, Network, RegimeName, Scenario, parse_scenario,
    };

    use crate::regime::network_for;
    use crate::simulate::{SimulationOptions, SimulationResult, run_network};

    fn flow(spread_on_a: &str) -> (Scenario, Network) {
        flow_with(spread_on_a, "")
    }

    fn flow_with(spread_on_a: &str, on_b: &str) -> (Scenario, Network) {
        let text = format!(
            r#"
    version = 1
    name = "A publicity period between"
    start = "2025-03-03"
    calendar = "weekends"

    [[stages]]
    id = "s"
    lead = "Bureau"

    [[items]]
    id = "a"
    department = "Bureau"
    stage = "s"
    days = 5
    {spread_on_a}

    [[items]]
    id = "b"
    department = "Bureau"
    stage = "s"
    days = 10
    after = ["a"]
    {on_b}

    [[items]]
    id = "c"
    department = "Bureau"
    stage = "s"
    days = 3
    after = ["b"]
    "#
        );
        let s = parse_scenario(&text, "t.toml", Format::Toml).unwrap();
        let mut n = network_for(&s, s.regime("parallel").unwrap()).unwrap();
        let b = n.activities.iter_mut().find(|a| a.id == "b").unwrap();
        b.unit = DayUnit::Calendar;
        b.clock = Clock::Special;
        (s, n)
    }

    fn sim(s: &Scenario, n: Network, iterations: usize, seed: u64) -> SimulationResult {
        let opts = SimulationOptions { iterations, seed };
        run_network(
            s,
            &RegimeName::new("parallel"),
            n,
            &[],
            &opts,
            Some(&Calendar::weekends()),
            &|| false,
        )
        .unwrap()
    }

    fn count(samples: &[f64], x: f64) -> usize {
        samples.iter().filter(|&&v| v == x).count()
    }

    #[test]
    fn without_a_spread_every_iteration_is_the_issues_example() {
        let (s, n) = flow("");
        let r = sim(&s, n, 5000, 1);
        assert_eq!(r.samples.len(), 5000);
        // b runs Saturday 03-08 to Monday 03-17, c 03-18 to 03-20.
        assert!(r.samples.iter().all(|&w| w == 14.0), "working {:?}", r.max);
        assert!(r.approval.samples.iter().all(|&w| w == 8.0));
        let c = r.calendar.as_ref().unwrap();
        assert!(c.samples.iter().all(|&d| d == 18.0));
        assert_eq!((r.deterministic, r.approval.deterministic), (14.0, 8.0));
        assert_eq!(c.deterministic, 18.0);
        assert_eq!((r.p95, r.approval.p95, c.p95), (14.0, 8.0, 18.0));
        // b has no float: it is on the critical path in every iteration.
        assert!(
            r.criticality.iter().all(|(_, c)| *c == 1.0),
            "{:?}",
            r.criticality
        );
    }

    /// `a` uniform on 4–6 working days, taken to the nearest half day: 4, 4.5, 5, 5.5 or 6.
    /// By hand (a ends; b runs; c runs → working, calendar, approval):
    /// - 4: Thursday night; Fri 03-07 to Sun 03-16; Mon 03-17 to 03-19 → 13, 17, 7;
    /// - 4.5: Friday noon; Sat 03-08 to Mon 03-17; 03-18 to 03-20 → 14, 18, 7.5;
    /// - 5: Friday night; the same → 14, 18, 8;
    /// - 5.5: Monday 03-10 noon; Tue 03-11 to Thu 03-20; Fri 03-21 to Tue 03-25 → 17, 23, 8.5;
    /// - 6: Monday night; the same → 17, 23, 9.
    ///
    /// So half a day more of `a` past Friday night costs three working days (b's working length
    /// goes from 6 to 8.5): the weekend b covered is now inside it.
    #[test]
    fn a_spread_that_crosses_a_weekend_moves_the_publicity_period_by_whole_days() {
        let (s, n) = flow(r#"spread = { dist = "uniform", min = 4, max = 6 }"#);
        let r = sim(&s, n.clone(), 20_000, 7);
        let (w, a) = (&r.samples, &r.approval.samples);
        let c = &r.calendar.as_ref().unwrap().samples;
        assert_eq!(w.len(), 20_000);
        let (a7, a75, a8, a85, a9) = (
            count(a, 7.0),
            count(a, 7.5),
            count(a, 8.0),
            count(a, 8.5),
            count(a, 9.0),
        );
        assert_eq!(
            a7 + a75 + a8 + a85 + a9,
            20_000,
            "approval only from the table"
        );
        assert_eq!(count(w, 13.0), a7);
        assert_eq!(count(w, 14.0), a75 + a8);
        assert_eq!(count(w, 17.0), a85 + a9);
        assert_eq!(count(c, 17.0), a7);
        assert_eq!(count(c, 18.0), a75 + a8);
        assert_eq!(count(c, 23.0), a85 + a9);
        // Each half-day value of a is a quarter of the range (the ends an eighth).
        let share = |k: usize| k as f64 / 20_000.0;
        assert!((share(a7) - 0.125).abs() < 0.01, "{}", share(a7));
        assert!((share(a8) - 0.25).abs() < 0.015, "{}", share(a8));
        assert!((share(a85) - 0.25).abs() < 0.015, "{}", share(a85));
        // The same seed gives the same numbers.
        assert_eq!(sim(&s, n, 20_000, 7), r);
    }

    #[test]
    fn a_calendar_day_approval_item_whose_corrections_stop_the_clock_is_refused() {
        let (s, mut n) = flow_with("", "returns = { rate = 0.2, correction_days = 5 }");
        let b = n.activities.iter_mut().find(|a| a.id == "b").unwrap();
        b.clock = Clock::Approval;
        let e = run_network(
            &s,
            &RegimeName::new("parallel"),
            n,
            &[],
            &SimulationOptions::default(),
            None,
            &|| false,
        )
        .unwrap_err();
        let en = permitflow_i18n::with_lang(permitflow_i18n::Lang::En, || e.to_string());
        assert!(en.starts_with("`b` is counted in calendar days"), "{en}");
        let zh = permitflow_i18n::with_lang(permitflow_i18n::Lang::ZhCn, || e.to_string());
        assert!(zh.starts_with("`b` 按自然日计"), "{zh}");
    }
}
