//! Official approval time per iteration: the measure of the union of the working intervals of
//! the approval-clock activities, where an activity returned `K` times is on the clock for its
//! first review and its `K` re-reviews and off it during the applicant's `K` corrections
//! (review, correction, re-review, correction, re-review, …).

use permitflow_model::{LinkKind, Network, WorkingDays};

use super::LANES;
use super::Lanes;

/// What is fixed for one regime to measure its approval time.
#[derive(Debug)]
pub(super) struct Approval {
    /// Positions of the non-gate approval-clock activities, by deterministic start: an
    /// iteration's intervals are then nearly sorted.
    official: Vec<u32>,
    /// Per position: the index of its returns in the model's list when it is an approval-clock
    /// activity whose returns have a correction (its time splits); `u32::MAX` otherwise.
    split: Vec<u32>,
    /// Every non-gate activity is on the approval clock, all links are finish-to-start without
    /// a lag, nothing is released late and no correction stops a clock: then every instant from
    /// 0 to the makespan has an activity running (each start is 0 or a predecessor's finish), so
    /// the approval time is the makespan and nothing needs measuring.
    pub(super) is_makespan: bool,
}

impl Approval {
    /// `order[q]` is the activity at position `q`; `returning` the positions
    /// with returns and their correction (in the model's order); `det_start` the deterministic
    /// schedule's starts, in network order.
    pub(super) fn new(
        net: &Network,
        order: &[usize],
        returning: &[(usize, f64)],
        det_start: &[WorkingDays],
    ) -> Self {
        let mut official: Vec<u32> = order
            .iter()
            .enumerate()
            .filter(|&(_, &a)| {
                let act = &net.activities[a];
                !act.is_gate() && act.clock.is_official()
            })
            .map(|(q, _)| q as u32)
            .collect();
        official.sort_by(|&x, &y| {
            let (a, b) = (order[x as usize], order[y as usize]);
            det_start[a].get().total_cmp(&det_start[b].get())
        });
        let mut split = vec![u32::MAX; order.len()];
        for (k, &(q, correction)) in returning.iter().enumerate() {
            let act = &net.activities[order[q]];
            if act.clock.is_official() && !act.is_gate() && correction > 0.0 {
                split[q] = k as u32;
            }
        }
        let all_official = official.len() == net.activities.iter().filter(|a| !a.is_gate()).count();
        let plain_links = net
            .constraints
            .iter()
            .all(|c| c.kind == LinkKind::FinishToStart && c.lag.get() == 0.0);
        let no_release = net
            .activities
            .iter()
            .all(|a| a.release.is_none_or(|r| r.get() <= 0.0));
        let no_split = split.iter().all(|&s| s == u32::MAX);
        Self {
            official,
            split,
            is_makespan: all_official && plain_links && no_release && no_split,
        }
    }

    /// The approval time of every lane of a block into `out` (lanes with `ok[j] == false` are
    /// left alone): `dates(q)` reads an activity's starts and finishes in all lanes, `d` the
    /// durations (returns included), `ks[k][j]` the returns of the `k`-th returning activity in
    /// lane `j`, `how[k]` its correction and re-review. One pass over the positions fills each
    /// lane's intervals (each block of values read once); `bufs` are reused.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn block(
        &self,
        ok: &[bool; LANES],
        d: &[Lanes],
        dates: impl Fn(usize) -> (Lanes, Lanes),
        ks: &[[u32; LANES]],
        how: &[(f64, f64)],
        bufs: &mut [Vec<(u64, f64)>; LANES],
        out: &mut Lanes,
    ) {
        for b in bufs.iter_mut() {
            b.clear();
        }
        for &q in &self.official {
            let q = q as usize;
            let (s, f) = dates(q);
            let split = self.split[q];
            for j in 0..LANES {
                let k = if split == u32::MAX {
                    0
                } else {
                    ks[split as usize][j]
                };
                if k == 0 {
                    bufs[j].push((key(s[j]), f[j]));
                    continue;
                }
                let (correction, rereview) = how[split as usize];
                let base = d[q][j] - f64::from(k) * (correction + rereview);
                bufs[j].push((key(s[j]), s[j] + base));
                let mut t = s[j] + base;
                for _ in 0..k {
                    t += correction;
                    bufs[j].push((key(t), t + rereview));
                    t += rereview;
                }
            }
        }
        for j in 0..LANES {
            if ok[j] {
                out[j] = union_sorted(&mut bufs[j]);
            }
        }
    }
}

/// A start as a key that sorts as [`f64::total_cmp`] does.
#[inline(always)]
fn key(x: f64) -> u64 {
    let b = x.to_bits();
    if b & (1 << 63) == 0 {
        b | (1 << 63)
    } else {
        !b
    }
}

/// The start a [`key`] was made from.
#[inline(always)]
fn unkey(k: u64) -> f64 {
    f64::from_bits(if k & (1 << 63) != 0 {
        k & !(1 << 63)
    } else {
        !k
    })
}

/// The measure of the union of `[start, finish)` intervals (starts as [`key`]s), sorting them
/// first: days covered several times count once, empty intervals nothing (as
/// `crate::clocks::union_length`).
pub(super) fn union_sorted(buf: &mut [(u64, f64)]) -> f64 {
    // By the integer key: no comparison closure, and pattern-defeating quicksort finds the runs
    // of a nearly sorted list.
    buf.sort_unstable_by_key(|&(k, _)| k);
    let mut total = 0.0;
    let mut current: Option<(f64, f64)> = None;
    for &(s, f) in buf.iter() {
        let s = unkey(s);
        if f <= s {
            continue;
        }
        current = match current {
            Some((cs, cf)) if s <= cf => Some((cs, cf.max(f))),
            Some((cs, cf)) => {
                total += cf - cs;
                Some((s, f))
            }
            None => Some((s, f)),
        };
    }
    if let Some((cs, cf)) = current {
        total += cf - cs;
    }
    total
}

/// The two clocks on networks the scenario files cannot state yet (clock classes, calendar-day
/// units and targets by measure reach the network before the readers fill them): the network
/// is changed after it is built.
#[cfg(test)]
mod tests {
    use permitflow_model::{
        Calendar, Clock, DayMeasure, DayUnit, Format, Network, RegimeName, Scenario, Target,
        WorkingDays, parse_scenario,
    };

    use crate::error::SolveError;
    use crate::regime::network_for;
    use crate::simulate::{SimulationOptions, SimulationResult, run_network};

    /// `a` (approval, 5) → `tech` (10, uniform 5–15) → `b` (approval, 5), with `b` returned at
    /// rate 0.3 (10 days of correction, 5 of re-review).
    fn three() -> Scenario {
        let text = r#"
    version = 1
    name = "A technical review between"
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

    [[items]]
    id = "tech"
    department = "Agency"
    stage = "s"
    days = 10
    after = ["a"]
    spread = { dist = "uniform", min = 5, max = 15 }

    [[items]]
    id = "b"
    department = "Bureau"
    stage = "s"
    days = 5
    after = ["tech"]
    returns = { rate = 0.3, correction_days = 10, rework_days = 5 }
    "#;
        parse_scenario(text, "t.toml", Format::Toml).unwrap()
    }

    fn net(s: &Scenario, change: impl FnOnce(&mut Network)) -> Network {
        let mut n = network_for(s, s.regime("parallel").unwrap()).unwrap();
        change(&mut n);
        n
    }

    fn sim(
        s: &Scenario,
        n: Network,
        targets: &[&Target],
        cal: Option<&Calendar>,
    ) -> Result<SimulationResult, SolveError> {
        let opts = SimulationOptions {
            iterations: 100_000,
            seed: 9,
        };
        run_network(
            s,
            &RegimeName::new("parallel"),
            n,
            targets,
            &opts,
            cal,
            &|| false,
        )
    }

    fn set_clock(n: &mut Network, id: &str, clock: Clock) {
        n.activities.iter_mut().find(|a| a.id == id).unwrap().clock = clock;
    }

    #[test]
    fn a_special_procedure_counts_only_as_elapsed_time() {
        let s = three();
        let r = sim(
            &s,
            net(&s, |n| set_clock(n, "tech", Clock::Special)),
            &[],
            None,
        )
        .unwrap();
        // Official time: a's 5, b's 5 and 5 per re-review (10 + 5 K); elapsed adds tech's
        // U(5, 15) and 15 per return. With K = 0 (P = 0.7) approval is exactly 10.
        assert_eq!(r.approval.deterministic, 10.0);
        assert_eq!(r.deterministic, 20.0);
        assert_eq!(
            [r.approval.p50, r.approval.p80, r.approval.p95],
            [10.0, 15.0, 20.0]
        );
        assert!(r.approval.samples.iter().all(|&x| (x - 10.0) % 5.0 == 0.0));
        // The same network on the approval clock: every day counts, both clocks agree except
        // for the corrections.
        let all = sim(&s, net(&s, |_| {}), &[], None).unwrap();
        assert_eq!(
            all.samples, r.samples,
            "the same draws, the same elapsed time"
        );
        // Its P50 solves 0.7 · (x − 15) / 10 + 0.21 · (x − 20) / 10 = 0.5 (K = 0 or 1): 21.65.
        assert!(
            (all.approval.p50 - 21.65).abs() < 0.1,
            "{}",
            all.approval.p50
        );
        // An applicant's item is off the clock too.
        let app = sim(
            &s,
            net(&s, |n| set_clock(n, "tech", Clock::Applicant)),
            &[],
            None,
        )
        .unwrap();
        assert_eq!(app.approval, r.approval);
    }

    #[test]
    fn targets_bound_the_measure_they_name() {
        let s = three();
        let n = || net(&s, |n| set_clock(n, "tech", Clock::Special));
        let t = |name: &str, measure, min: Option<f64>, max: f64| Target {
            name: name.into(),
            regime: RegimeName::new("parallel"),
            days: Some(WorkingDays::new(max)),
            days_min: min.map(WorkingDays::new),
            measure,
            trips: None,
            forms: None,
            materials: None,
            departments: None,
            stage: None,
            exact: false,
            source: Default::default(),
        };
        let targets = [
            t("approval ≤ 15", DayMeasure::ApprovalDays, None, 15.0),
            t(
                "approval 15..20",
                DayMeasure::ApprovalDays,
                Some(15.0),
                20.0,
            ),
            t("elapsed ≤ 20", DayMeasure::WorkingDays, None, 20.0),
            t("calendar ≤ 26", DayMeasure::CalendarDays, None, 26.0),
        ];
        let refs: Vec<&Target> = targets.iter().collect();
        let r = sim(&s, n(), &refs, None).unwrap();
        let share = |x: &[f64], f: &dyn Fn(f64) -> bool| {
            x.iter().filter(|&&v| f(v)).count() as f64 / 100_000.0
        };
        assert_eq!(r.targets[0].1, share(&r.approval.samples, &|x| x <= 15.0));
        assert_eq!(
            r.targets[1].1,
            share(&r.approval.samples, &|x| (15.0..=20.0).contains(&x))
        );
        assert_eq!(r.targets[2].1, share(&r.samples, &|x| x <= 20.0));
        // P(K ≤ 1) = 0.91; P(K ∈ {1, 2}) = 0.21 + 0.063.
        assert!((r.targets[0].1 - 0.91).abs() < 0.004, "{:?}", r.targets);
        assert!((r.targets[1].1 - 0.273).abs() < 0.006, "{:?}", r.targets);
        // No calendar: the calendar-day target is not simulated.
        assert!(r.targets[3].1.is_nan());
        // On the weekends calendar from Monday 2025-03-03, 26 calendar days end Friday 03-28,
        // the 20th working day.
        let cal = Calendar::weekends();
        let on = sim(&s, n(), &refs, Some(&cal)).unwrap();
        assert_eq!(on.samples, r.samples);
        assert_eq!(on.targets[3].1, share(&on.samples, &|x| x <= 20.0));
        let c = on.calendar.unwrap();
        assert_eq!(c.deterministic, 26.0);
        assert_eq!(
            c.min, 22.0,
            "just over 15 working days end on the 16th, Monday 03-24"
        );
    }

    #[test]
    fn calendar_day_items_and_lags_are_simulated_on_the_calendar() {
        let s = three();
        let n = net(&s, |n| {
            n.activities
                .iter_mut()
                .find(|a| a.id == "tech")
                .unwrap()
                .unit = DayUnit::Calendar;
            set_clock(n, "tech", Clock::Special);
        });
        // a Mon 03-03 to Fri 03-07; tech 10 calendar days Sat 03-08 to Mon 03-17; b 03-18 to
        // Mon 03-24: 16 working days, 22 calendar days, 10 approval days (tech a special procedure).
        let r = sim(&s, n, &[], None).unwrap();
        assert_eq!((r.deterministic, r.approval.deterministic), (16.0, 10.0));
        assert_eq!(r.calendar, None, "no calendar asked for");
        // Lags of 0 calendar days change nothing: the same draws, the same figures.
        let plain = sim(&s, net(&s, |_| {}), &[], None).unwrap();
        let n = net(&s, |n| {
            for c in &mut n.constraints {
                c.lag_unit = DayUnit::Calendar;
            }
        });
        let lagged = sim(&s, n, &[], None).unwrap();
        assert_eq!(lagged.deterministic, plain.deterministic);
        assert_eq!(lagged.approval.deterministic, plain.approval.deterministic);
    }
}
