//! A calendar-day time axis: working-day offsets are placed on the dates the calendar gives
//! them, so weekends, public holidays and make-up working days are visible as they fall.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use permitflow_model::{Calendar, WorkingDays};

use crate::scene::{Anchor, GRID, HOLIDAY, INK, MAKEUP, MIN_TEXT, MUTED, Scene, WEEKEND};
use permitflow_i18n::Lang;

/// A month on a date axis: `2025-03`, `2025年3月`.
pub fn month_label(d: NaiveDate) -> String {
    match permitflow_i18n::lang() {
        Lang::En => d.format("%Y-%m").to_string(),
        Lang::ZhCn => format!("{}年{}月", d.year(), d.month()),
    }
}

/// A day of the year in a short label: `03-03`, `3月3日`.
pub fn month_day(d: NaiveDate) -> String {
    match permitflow_i18n::lang() {
        Lang::En => d.format("%m-%d").to_string(),
        Lang::ZhCn => format!("{}月{}日", d.month(), d.day()),
    }
}

/// Where dates and working-day offsets fall horizontally, shared by the rows of a chart.
#[derive(Clone, Debug)]
pub struct DateAxis {
    /// The scenario's start date (offsets count from its first working day).
    pub project_start: NaiveDate,
    /// The first working day, the axis's left end.
    pub first: NaiveDate,
    /// The axis's right end: a day past the last date asked for, so the final bar has room.
    pub last: NaiveDate,
    /// x of the left edge of `first`.
    pub x0: f64,
    /// Pixels per calendar day.
    pub day: f64,
}

impl DateAxis {
    /// An axis from the first working day to `last`, fitted into about `width` pixels with at
    /// least `min_day` and at most 28 pixels a day.
    pub fn new(
        cal: &Calendar,
        project_start: NaiveDate,
        last: NaiveDate,
        x0: f64,
        width: f64,
        min_day: f64,
    ) -> Self {
        let first = cal.first_working_day(project_start);
        let last = last
            .max(first)
            .checked_add_days(Days::new(1))
            .unwrap_or(NaiveDate::MAX);
        let days = (last - first).num_days().max(1) as f64 + 1.0;
        DateAxis {
            project_start,
            first,
            last,
            x0,
            day: (width / days).clamp(min_day, 28.0),
        }
    }

    /// Width in pixels from `first` to the end of `last`.
    pub fn width(&self) -> f64 {
        ((self.last - self.first).num_days() as f64 + 1.0) * self.day
    }

    /// Left edge of a date's column.
    pub fn x_of(&self, date: NaiveDate) -> f64 {
        self.x0 + (date - self.first).num_days() as f64 * self.day
    }

    /// Where something starting at `offset` working days begins.
    pub fn x_start(&self, cal: &Calendar, offset: WorkingDays) -> f64 {
        let s = offset.get().max(0.0);
        let date = cal.working_day(self.project_start, s.floor() as u64);
        self.x_of(date) + s.fract() * self.day
    }

    /// Where something finishing at `offset` working days ends.
    pub fn x_finish(&self, cal: &Calendar, offset: WorkingDays) -> f64 {
        let f = offset.get();
        if f <= 0.0 {
            return self.x_of(self.first);
        }
        let k = f.ceil();
        let date = cal.working_day(self.project_start, k as u64 - 1);
        self.x_of(date) + (1.0 - (k - f)) * self.day
    }

    /// Spans longer than this are drawn without per-day detail (weekends, holidays, Mondays).
    const DETAIL_DAYS: i64 = 3660;

    fn detailed(&self) -> bool {
        (self.last - self.first).num_days() <= Self::DETAIL_DAYS
    }

    /// Month names and the dates of Mondays, from `y` down; returns the height used.
    pub fn header(&self, scene: &mut Scene, y: f64) -> f64 {
        if !self.detailed() {
            scene.styled_text(
                self.x0,
                y + 13.0,
                format!(
                    "{} → {}",
                    permitflow_i18n::date_short(self.first),
                    permitflow_i18n::date_short(self.last)
                ),
                12.0,
                Anchor::Start,
                true,
                INK,
                "month",
            );
            return 36.0;
        }
        // Every month is named where a month is wide enough for its name; on a narrow axis (a
        // year of works on a printed page) every second, third, sixth or twelfth month is, from
        // a month whose number the step divides (quarters start in January, April, …), so
        // names never collide.
        let december = NaiveDate::from_ymd_opt(self.first.year(), 12, 1).unwrap_or(self.first);
        let name_width = crate::scene::text_width(&month_label(december), 12.0) * 1.05 + 6.0;
        let step = [1u32, 2, 3, 6, 12]
            .into_iter()
            .find(|k| f64::from(*k) * 28.0 * self.day > name_width)
            .unwrap_or(12);
        let end = self.x_of(self.last) + self.day;
        let mut d = self.first;
        let mut month_start = self.first;
        while d <= self.last {
            let next = d + Days::new(1);
            if next.month() != d.month() || next > self.last {
                let x1 = self.x_of(month_start);
                let x2 = self.x_of(d) + self.day;
                let label = month_label(month_start);
                let named = if step == 1 {
                    x2 - x1 > name_width
                } else {
                    (month_start.month() - 1).is_multiple_of(step)
                        && month_start.day() == 1
                        && x1 + name_width <= end
                };
                if named {
                    scene.styled_text(
                        x1 + 3.0,
                        y + 13.0,
                        label,
                        12.0,
                        Anchor::Start,
                        true,
                        INK,
                        "month",
                    );
                }
                scene.line(x2, y, x2, y + 34.0, GRID, 1.0);
                month_start = next;
            }
            if d.weekday() == Weekday::Mon && self.day * 7.0 >= 24.0 {
                scene.styled_text(
                    self.x_of(d) + 2.0,
                    y + 30.0,
                    d.day().to_string(),
                    MIN_TEXT,
                    Anchor::Start,
                    false,
                    MUTED,
                    "day",
                );
            }
            d = next;
        }
        36.0
    }

    /// Weekend and holiday columns and Monday grid lines between `y1` and `y2`; a blue tick at
    /// the top of each make-up working day.
    pub fn columns(&self, scene: &mut Scene, cal: &Calendar, y1: f64, y2: f64) {
        if !self.detailed() {
            return;
        }
        let holidays = cal.holidays_between(self.first, self.last);
        let makeup = cal.makeup_days_between(self.first, self.last);
        let mut d = self.first;
        while d <= self.last {
            let x = self.x_of(d);
            if holidays.contains(&d) {
                scene.rect(x, y1, self.day, y2 - y1, HOLIDAY, "holiday");
            } else if !cal.is_working_day(d) {
                scene.rect(x, y1, self.day, y2 - y1, WEEKEND, "weekend");
            } else if makeup.contains(&d) {
                scene.rect(x, y1, self.day, 4.0, MAKEUP, "makeup");
            }
            if d.weekday() == Weekday::Mon {
                scene.line(x, y1, x, y2, GRID, 0.6);
            }
            d = d + Days::new(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Shape;

    fn months(axis: &DateAxis) -> Vec<String> {
        let mut scene = Scene::default();
        permitflow_i18n::with_lang(Lang::En, || axis.header(&mut scene, 0.0));
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, class, .. } if *class == "month" => Some(text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_year_of_works_on_a_printed_page_names_every_quarter() {
        // 2025-03-03 to 2026-05-22 in 429 pixels (a printed Gantt chart's axis): about one
        // pixel a day, too narrow to name each month, so quarters are named from April (April
        // 2026 would run past the axis's end).
        let cal = Calendar::for_base(permitflow_model::BaseCalendar::China);
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let axis = DateAxis::new(&cal, d(2025, 3, 3), d(2026, 5, 22), 0.0, 429.0, 0.05);
        assert_eq!(months(&axis), ["2025-04", "2025-07", "2025-10", "2026-01"]);
        let axis = DateAxis::new(&cal, d(2025, 3, 3), d(2026, 6, 30), 0.0, 429.0, 0.05);
        assert_eq!(
            months(&axis),
            ["2025-04", "2025-07", "2025-10", "2026-01", "2026-04"]
        );
        // A month of a short schedule on screen: every month named.
        let axis = DateAxis::new(&cal, d(2025, 3, 3), d(2025, 4, 23), 0.0, 900.0, 3.0);
        assert_eq!(months(&axis), ["2025-03", "2025-04"]);
    }
}
