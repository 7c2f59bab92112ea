//! The Gantt's geometry, free of egui's state: working days ↔ x on a zoomable, pannable axis,
//! the rows a scrolled view shows, and a dragged bar end in half-day steps.

use std::ops::Range;

/// Fewest and most points per working day the zoom allows.
pub const MIN_PX_PER_DAY: f32 = 0.5;
/// Most points per working day the zoom allows.
pub const MAX_PX_PER_DAY: f32 = 200.0;

/// The time axis: `left` is where working day `first_day` is drawn, `px_per_day` points per
/// working day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// The x of the axis' left edge.
    pub left: f32,
    /// Points per working day.
    pub px_per_day: f32,
    /// The working day (from the application) at the left edge.
    pub first_day: f64,
}

impl Axis {
    /// The x of working day `day`.
    pub fn x_of(&self, day: f64) -> f32 {
        self.left + ((day - self.first_day) as f32) * self.px_per_day
    }

    /// The working day at `x`.
    pub fn day_at(&self, x: f32) -> f64 {
        self.first_day + f64::from((x - self.left) / self.px_per_day)
    }

    /// Zooms by `factor`, keeping the day under `x` where it is (Ctrl+wheel over the chart);
    /// the scale stays within [`MIN_PX_PER_DAY`]..[`MAX_PX_PER_DAY`].
    pub fn zoom_about(&mut self, x: f32, factor: f32) {
        let day = self.day_at(x);
        self.px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        self.first_day = day - f64::from((x - self.left) / self.px_per_day);
    }

    /// Moves the content `dx` points right (the earlier days come into view).
    pub fn pan(&mut self, dx: f32) {
        self.first_day -= f64::from(dx / self.px_per_day);
    }

    /// The whole schedule of `days` working days in `width` points, with a little room after
    /// the last finish for its label.
    pub fn fit(&mut self, days: f64, width: f32) {
        let span = (days.max(1.0) * 1.06 + 1.0) as f32;
        self.px_per_day = (width.max(50.0) / span).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        self.first_day = -0.5;
    }

    /// Keeps some of the schedule (0..`days`) in a view `width` points wide.
    pub fn clamp_pan(&mut self, days: f64, width: f32) {
        let shown = f64::from(width / self.px_per_day);
        let lo = -shown * 0.9;
        let hi = days.max(1.0) - shown * 0.1;
        self.first_day = self.first_day.clamp(lo, hi.max(lo));
    }

    /// Working days between two labelled ticks: the least of 1, 2, 5, 10, 20, 50, … that puts
    /// them at least `min_gap` points apart.
    pub fn tick_step(&self, min_gap: f32) -> f64 {
        let mut step = 1.0_f64;
        for k in 0..12 {
            for m in [1.0, 2.0, 5.0] {
                step = m * 10f64.powi(k);
                if step as f32 * self.px_per_day >= min_gap {
                    return step;
                }
            }
        }
        step
    }

    /// The ticks' working days from the left edge to `width` points on, every `step`.
    pub fn ticks(&self, width: f32, step: f64) -> Vec<f64> {
        let first = (self.first_day / step).ceil() * step;
        let last = self.day_at(self.left + width);
        let mut out = Vec::new();
        // `+ 0.0` turns a -0 into 0, so the first label does not read "-0".
        let mut d = first.max(0.0) + 0.0;
        while d <= last && out.len() < 1000 {
            out.push(d);
            d += step;
        }
        out
    }
}

/// The rows of `n`, each `row_h` high, that show in a view `view_h` high scrolled down by
/// `scroll` points: only these are laid out and painted.
pub fn visible_rows(scroll: f32, row_h: f32, view_h: f32, n: usize) -> Range<usize> {
    if n == 0 || row_h <= 0.0 {
        return 0..0;
    }
    let first = (scroll.max(0.0) / row_h).floor() as usize;
    let last = ((scroll.max(0.0) + view_h.max(0.0)) / row_h).ceil() as usize;
    first.min(n)..last.min(n)
}

/// The furthest a view of `n` rows `row_h` high can scroll in `view_h` points.
pub fn max_scroll(row_h: f32, view_h: f32, n: usize) -> f32 {
    (row_h * n as f32 - view_h).max(0.0)
}

/// A limit of `old` working days after its bar's end was dragged `dx` points at `px_per_day`:
/// in half-day steps, never below `lowest` (the floor, or the limit itself when it is lower)
/// nor below half a day.
pub fn dragged_limit(old: f64, dx: f32, px_per_day: f32, lowest: f64) -> f64 {
    let moved = (f64::from(dx / px_per_day) * 2.0).round() / 2.0;
    (old + moved).max(lowest.min(old)).max(0.5_f64.min(old))
}

#[cfg(test)]
mod tests {
    use super::*;
    use permitflow_model::WorkingDays;

    fn axis() -> Axis {
        Axis {
            left: 300.0,
            px_per_day: 10.0,
            first_day: 0.0,
        }
    }

    #[test]
    fn days_and_x_map_both_ways() {
        let a = axis();
        assert_eq!(a.x_of(0.0), 300.0);
        assert_eq!(a.x_of(36.5), 665.0);
        assert_eq!(a.day_at(665.0), 36.5);
        let mut b = a;
        b.pan(-50.0); // dragged left by 50 points: five days later at the edge
        assert_eq!(b.first_day, 5.0);
        assert_eq!(b.x_of(5.0), 300.0);
    }

    #[test]
    fn zoom_keeps_the_day_under_the_pointer() {
        let mut a = axis();
        let x = a.x_of(20.0);
        a.zoom_about(x, 2.0);
        assert_eq!(a.px_per_day, 20.0);
        assert!((a.x_of(20.0) - x).abs() < 1e-3);
        assert!((a.first_day - 10.0).abs() < 1e-9);
        a.zoom_about(x, 1e6);
        assert_eq!(a.px_per_day, MAX_PX_PER_DAY);
        a.zoom_about(x, 1e-9);
        assert_eq!(a.px_per_day, MIN_PX_PER_DAY);
    }

    #[test]
    fn fit_shows_the_whole_schedule() {
        let mut a = axis();
        a.fit(99.0, 1060.0);
        // 99 × 1.06 + 1 = 105.94 days in 1060 points
        assert!((a.px_per_day - 1060.0 / 105.94).abs() < 1e-3);
        assert!(a.x_of(99.0) < a.left + 1060.0);
        assert!(a.x_of(0.0) > a.left);
    }

    #[test]
    fn ticks_are_at_least_the_gap_apart() {
        let a = axis();
        assert_eq!(a.tick_step(60.0), 10.0);
        assert_eq!(a.tick_step(10.0), 1.0);
        assert_eq!(a.tick_step(11.0), 2.0);
        assert_eq!(a.ticks(300.0, 10.0), vec![0.0, 10.0, 20.0, 30.0]);
        let early = Axis {
            first_day: -0.5,
            ..a
        };
        assert_eq!(
            WorkingDays::new(early.ticks(300.0, 10.0)[0]).to_string(),
            "0"
        );
    }

    #[test]
    fn only_the_rows_in_view_are_visible() {
        // 500 rows of 20 points, a view of 300 points scrolled to 1,010: rows 50..66.
        assert_eq!(visible_rows(1010.0, 20.0, 300.0, 500), 50..66);
        assert_eq!(visible_rows(0.0, 20.0, 300.0, 500), 0..15);
        assert_eq!(visible_rows(9990.0, 20.0, 300.0, 500), 499..500);
        assert_eq!(visible_rows(0.0, 20.0, 300.0, 0), 0..0);
        assert_eq!(max_scroll(20.0, 300.0, 500), 9700.0);
        assert_eq!(max_scroll(20.0, 300.0, 10), 0.0);
    }

    #[test]
    fn a_dragged_end_moves_in_half_days() {
        // 10 points a day: 34 points is 3.4 days, taken as 3.5.
        assert_eq!(dragged_limit(20.0, 34.0, 10.0, 0.0), 23.5);
        assert_eq!(dragged_limit(20.0, 31.0, 10.0, 0.0), 23.0);
        assert_eq!(dragged_limit(20.0, -52.0, 10.0, 0.0), 15.0);
        // Never below the floor (15), nor below half a day.
        assert_eq!(dragged_limit(20.0, -100.0, 10.0, 15.0), 15.0);
        assert_eq!(dragged_limit(2.0, -100.0, 10.0, 0.0), 0.5);
    }
}
