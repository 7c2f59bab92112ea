use permitflow_model::Calendar;
use permitflow_model::event_log::{check, parse_csv};

use super::{Spread, measure_log};

fn measured(text: &str) -> super::Calibration {
    let log = parse_csv(text, "l.csv").unwrap();
    measure_log("l.csv".into(), &check(log, None), &Calendar::china(), None)
}

#[test]
fn five_cases_or_more_get_a_triangular_spread_whose_mean_is_the_observed_mean() {
    // Received Mon 3 March 2025 and completed Tue 4 (2 working days), Wed 5 (3), Thu 6 (4),
    // Fri 7 (5) and Mon 10 (6, over the weekend): mean 4, so the mode is 3 · 4 − 2 − 6 = 4.
    let mut text = String::from("case,project_type,item,department,event,time\n");
    for (i, done) in ["04", "05", "06", "07", "10"].iter().enumerate() {
        text +=
            &format!("C{i},t,fire,F,received,2025-03-03\nC{i},t,fire,F,completed,2025-03-{done}\n");
    }
    let c = measured(&text);
    let fire = &c.items[0];
    assert_eq!(
        (fire.cases, fire.mean, fire.min, fire.max),
        (5, 4.0, 2.0, 6.0)
    );
    assert_eq!(
        fire.spread,
        Spread::Triangular {
            min: 2.0,
            mode: 4.0,
            max: 6.0
        }
    );
    // The five arrive on one day: no rate; the lead times are the items' own.
    assert_eq!(c.project_types[0].per_year, None);
    assert_eq!(c.project_types[0].lead, Some([4.0, 5.0, 6.0]));
    // Four cases: the empirical distribution.
    let four: String = text.lines().take(9).map(|l| format!("{l}\n")).collect();
    assert_eq!(measured(&four).items[0].spread, Spread::Empirical);
}

#[test]
fn a_skewed_sample_is_fitted_a_pert_whose_mean_is_the_observed_mean() {
    // 2, 2, 2, 2 and 12 working days (Mon 3 to Tue 18 March): mean 4. The triangular's mode
    // would be 3 · 4 − 2 − 12 = −2, kept at the least, 2, so its mean is 16 / 3, not 4; the
    // PERT's is (6 · 4 − 2 − 12) / 4 = 2.5, mean (2 + 10 + 12) / 6 = 4, and closer to the
    // observations (KS distance: the PERT's F(2) = 0 against 4/5 observed, the triangular's too,
    // but from above 2 on the triangular climbs faster): the PERT is kept.
    let mut text = String::from("case,project_type,item,department,event,time\n");
    for (i, done) in ["04", "04", "04", "04", "18"].iter().enumerate() {
        text +=
            &format!("C{i},t,fire,F,received,2025-03-03\nC{i},t,fire,F,completed,2025-03-{done}\n");
    }
    let fire = &measured(&text).items[0];
    assert_eq!(fire.mean, 4.0);
    assert_eq!(
        fire.spread,
        Spread::Pert {
            min: 2.0,
            mode: 2.5,
            max: 12.0
        }
    );
}

#[test]
fn returns_split_the_first_review_from_the_re_review_and_the_correction() {
    // Five cases of `fire`, received Mon 3 March 2025. Three are decided in 3 working days
    // (Wed 5); two are returned on Tue 4 (a 2-day first review), corrected Wed 5 to Fri 7
    // (resubmitted Mon 10: 3 days between) and decided Tue 11 (a 2-day re-review).
    let mut text = String::from("case,project_type,item,department,event,time\n");
    for i in 0..3 {
        text += &format!("C{i},t,fire,F,received,2025-03-03\nC{i},t,fire,F,completed,2025-03-05\n");
    }
    for i in 3..5 {
        text += &format!(
            "C{i},t,fire,F,received,2025-03-03\nC{i},t,fire,F,returned,2025-03-04\n\
             C{i},t,fire,F,resubmitted,2025-03-10\nC{i},t,fire,F,completed,2025-03-11\n"
        );
    }
    let fire = &measured(&text).items[0];
    // Official: 3, 3, 3, 4, 4 (first review 2 + re-review 2); first reviews 3, 3, 3, 2, 2.
    assert_eq!((fire.mean, fire.review_mean), (3.4, 2.6));
    // Two returns in seven submissions (five cases, two resubmitted).
    assert_eq!(fire.return_rate, 2.0 / 7.0);
    assert_eq!(fire.correction_mean, Some(3.0));
    assert_eq!(fire.rereview_mean, Some(2.0));
}

#[test]
fn a_case_with_an_item_still_open_has_no_lead_time_but_counts_as_an_arrival() {
    let text = "case,project_type,item,department,event,time\n\
                A,t,fire,F,received,2025-03-03\n\
                A,t,fire,F,completed,2025-03-04\n\
                B,t,fire,F,received,2026-03-03\n\
                B,t,fire,F,completed,2026-03-04\n\
                B,t,plan,P,received,2026-03-05\n";
    let c = measured(text);
    assert_eq!(c.open, 1);
    let t = &c.project_types[0];
    assert_eq!(t.cases, 2);
    // First receipts a year (365 days) apart: 2 / (365 / 365.25) a year.
    assert!((t.per_year.unwrap() - 2.0 * 365.25 / 365.0).abs() < 1e-9);
    assert_eq!(t.lead, Some([2.0, 2.0, 2.0]));
}
