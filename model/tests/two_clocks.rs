//! The two clocks in the file formats: an item's `clock`, `unit` and `fee`; lags in calendar
//! days; targets on approval, working or calendar days with ranges; returns' correction and
//! re-review times — read from TOML, JSON and item lists (English and Chinese), refused with a
//! placed diagnostic in both languages, and written back unchanged.

use chrono::NaiveDate;
use permitflow_i18n::{Lang, with_lang};
use permitflow_model::csv_item_list::parse_item_list;
use permitflow_model::{
    Clock, Code, DayMeasure, DayUnit, Diagnostic, Format, LinkKind, Provenance, Scenario,
    WorkingDays, parse_scenario, to_json, to_toml,
};

/// Three items in one stage: `a` (5 working days), `b` after `a`, `c` after `b`. `{b}` is
/// what `b` adds (its unit, clock, fee…), `{after_c}` `c`'s predecessors, `{target}` the
/// target's bound.
fn scenario(b: &str, after_c: &str, target: &str) -> String {
    format!(
        r#"version = 1
name = "two clocks"
start = "2025-03-03"

[[stages]]
id = "approval"
lead = "nrb"

[[items]]
id = "a"
department = "nrb"
stage = "approval"
days = 5

[[items]]
id = "b"
department = "nrb"
stage = "approval"
days = 10
after = ["a"]
{b}

[[items]]
id = "c"
department = "nrb"
stage = "approval"
days = 3
after = [{after_c}]

[[targets]]
regime = "serial"
{target}
"#
    )
}

fn read(text: &str) -> Scenario {
    parse_scenario(text, "flow.toml", Format::Toml).unwrap_or_else(|d| panic!("{d:?}"))
}

/// The 1-based line and column where `needle` starts in `text` (columns count characters).
fn place(text: &str, needle: &str) -> (Option<usize>, Option<usize>) {
    let at = text.find(needle).expect("the text is in the file");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .count()
        + 1;
    (Some(line), Some(col))
}

/// The one problem of `text` in English and in Chinese, at the same place with the same code.
fn both(text: &str) -> (Diagnostic, Diagnostic) {
    let problems = |lang| {
        with_lang(lang, || {
            parse_scenario(text, "flow.toml", Format::Toml)
                .expect_err("the scenario has a problem")
                .0
        })
    };
    let (en, zh) = (problems(Lang::En), problems(Lang::ZhCn));
    assert_eq!(en.len(), 1, "{en:?}");
    assert_eq!(zh.len(), 1, "{zh:?}");
    let (en, zh) = (en[0].clone(), zh[0].clone());
    assert_eq!(
        (en.code, en.line, en.column, &en.span),
        (zh.code, zh.line, zh.column, &zh.span)
    );
    (en, zh)
}

#[test]
fn an_item_reads_its_clock_unit_and_fee() {
    let text = scenario(
        "clock = \"special\"\nunit = \"calendar\"\nfee = { value = 1200, source = \"assumed\" }",
        "\"b\"",
        "working_days = 20",
    );
    let s = read(&text);
    let (a, b) = (&s.items[0], &s.items[1]);
    assert_eq!(
        (a.clock, a.unit, &a.fee),
        (Clock::Approval, DayUnit::Working, &None)
    );
    assert_eq!((b.clock, b.unit), (Clock::Special, DayUnit::Calendar));
    let fee = b.fee.as_ref().expect("b has a fee");
    assert_eq!((fee.value, &fee.source), (1200.0, &Provenance::Assumed));
    // A plain number, and the Chinese names of the values.
    let text = scenario(
        "clock = \"中介服务\"\nunit = \"自然日\"\nfee = 350.5",
        "\"b\"",
        "working_days = 20",
    );
    let b = &read(&text).items[1];
    assert_eq!((b.clock, b.unit), (Clock::Intermediary, DayUnit::Calendar));
    assert_eq!(b.fee.as_ref().map(|f| f.value), Some(350.5));
}

#[test]
fn lags_in_calendar_days() {
    let text = scenario(
        "",
        "\"b+3cd\", { item = \"a\", type = \"SS\", lag = 2, max_lag = 9, unit = \"calendar\" }",
        "working_days = 20",
    );
    let s = read(&text);
    let to_c: Vec<_> = s.links.iter().filter(|l| l.to.as_str() == "c").collect();
    assert_eq!(to_c.len(), 2);
    assert_eq!(
        (to_c[0].from.as_str(), to_c[0].lag, to_c[0].lag_unit),
        ("b", WorkingDays::new(3.0), DayUnit::Calendar)
    );
    assert_eq!(to_c[1].kind, LinkKind::StartToStart);
    assert_eq!(
        (to_c[1].lag, to_c[1].max_lag, to_c[1].lag_unit),
        (
            WorkingDays::new(2.0),
            Some(WorkingDays::new(9.0)),
            DayUnit::Calendar
        )
    );
    // `wd` and no suffix are working days.
    let s = read(&scenario("", "\"b+2wd\"", "working_days = 20"));
    assert_eq!(s.links[1].lag_unit, DayUnit::Working);
    assert_eq!(s.links[0].lag_unit, DayUnit::Working);
}

#[test]
fn targets_name_their_measure_and_may_be_ranges() {
    let s = read(&scenario("", "\"b\"", "approval_days = \"36.5..54\""));
    let t = &s.targets[0];
    assert_eq!(t.measure, DayMeasure::ApprovalDays);
    assert_eq!(
        (t.days_min, t.days),
        (Some(WorkingDays::new(36.5)), Some(WorkingDays::new(54.0)))
    );
    assert_eq!(t.name, "serial 36.5..54 approval days");
    let s = read(&scenario("", "\"b\"", "calendar_days = 90"));
    let t = &s.targets[0];
    assert_eq!(
        (t.measure, t.days_min, t.days),
        (DayMeasure::CalendarDays, None, Some(WorkingDays::new(90.0)))
    );
    assert_eq!(t.name, "serial ≤ 90 calendar days");
    let s = read(&scenario("", "\"b\"", "working_days = 60"));
    assert_eq!(s.targets[0].measure, DayMeasure::WorkingDays);
    assert_eq!(s.targets[0].name, "serial ≤ 60 working days");
    // A stage target may bound any of the three.
    let s = read(&scenario(
        "",
        "\"b\"",
        "approval_days = 12\nstage = \"approval\"",
    ));
    assert_eq!(s.targets[0].measure, DayMeasure::ApprovalDays);
    assert_eq!(
        s.targets[0].stage.as_ref().map(|s| s.as_str()),
        Some("approval")
    );
}

#[test]
fn returns_give_correction_and_rework() {
    let s = read(&scenario(
        "returns = { rate = 0.1, correction_days = 4, rework_days = 2 }",
        "\"b\"",
        "working_days = 20",
    ));
    let r = s.items[1].returns.as_ref().unwrap();
    assert_eq!(
        (r.rate, r.correction, r.rereview),
        (0.1, WorkingDays::new(4.0), Some(WorkingDays::new(2.0)))
    );
    // `rereview_days` is the older name of `rework_days`; without either the re-review takes
    // the item's limit.
    let s = read(&scenario(
        "returns = { rate = 0.1, correction_days = 4, rereview_days = 2.5 }",
        "\"b\"",
        "working_days = 20",
    ));
    let r = s.items[1].returns.as_ref().unwrap();
    assert_eq!(r.rereview, Some(WorkingDays::new(2.5)));
    let s = read(&scenario(
        "returns = { rate = 0.1, correction_days = 4 }",
        "\"b\"",
        "working_days = 20",
    ));
    assert_eq!(s.items[1].returns.as_ref().unwrap().rereview, None);
}

#[test]
fn json_reads_the_same_as_toml() {
    let json = r#"{
  "version": 1, "name": "two clocks", "start": "2025-03-03",
  "stages": [{ "id": "approval", "lead": "nrb" }],
  "items": [
    { "id": "a", "department": "nrb", "stage": "approval", "days": 5 },
    { "id": "b", "department": "nrb", "stage": "approval", "days": 10, "after": ["a"],
      "clock": "special", "unit": "calendar", "fee": { "value": 800, "source": "assumed" },
      "returns": { "rate": 0.2, "correction_days": 3, "rework_days": 1 } },
    { "id": "c", "department": "nrb", "stage": "approval", "days": 3, "after": ["b+2cd"] }
  ],
  "targets": [{ "regime": "joint", "approval_days": "8..12" }]
}"#;
    let s = parse_scenario(json, "flow.json", Format::Json).unwrap();
    let b = &s.items[1];
    assert_eq!((b.clock, b.unit), (Clock::Special, DayUnit::Calendar));
    assert_eq!(b.fee.as_ref().map(|f| f.value), Some(800.0));
    assert_eq!(
        b.returns.as_ref().unwrap().correction,
        WorkingDays::new(3.0)
    );
    assert_eq!(s.links[1].lag_unit, DayUnit::Calendar);
    assert_eq!(s.targets[0].measure, DayMeasure::ApprovalDays);
    assert_eq!(s.targets[0].days_min, Some(WorkingDays::new(8.0)));
}

#[test]
fn every_new_field_round_trips_through_toml_and_json() {
    let text = scenario(
        "clock = \"applicant\"\nunit = \"calendar\"\nfee = { value = 1200, source = \"assumed\" }\n\
         returns = { rate = 0.1, correction_days = 4, rework_days = 2, source = \"fitted: log.csv, 40 cases, 2025-01-02–2025-12-30\" }\n\
         spread = { dist = \"pert\", min = 7, likely = 9, max = 20, source = \"assumed\" }",
        "\"b+3cd\", { item = \"a\", type = \"SS\", lag = 2, max_lag = 9, unit = \"calendar\" }, \"a:FF+0cd\"",
        "approval_days = \"36.5..54\"",
    );
    let first = read(&text);
    let toml = to_toml(&first).unwrap();
    assert!(toml.contains("unit = \"calendar\""), "{toml}");
    assert!(toml.contains("clock = \"applicant\""), "{toml}");
    assert!(toml.contains("\"b+3cd\""), "{toml}");
    assert!(toml.contains("approval_days = \"36.5..54\""), "{toml}");
    assert!(toml.contains("correction_days = 4"), "{toml}");
    // A spread's and returns' provenance (what `calibrate -o` writes).
    let b = &first.items[1];
    assert_eq!(b.spread_source, Provenance::Assumed);
    assert_eq!(
        b.returns.as_ref().unwrap().source,
        Provenance::Source("fitted: log.csv, 40 cases, 2025-01-02–2025-12-30".into())
    );
    let again = parse_scenario(&toml, "again.toml", Format::Toml).unwrap();
    assert_eq!(again, first);
    let json = to_json(&first).unwrap();
    let again = parse_scenario(&json, "again.json", Format::Json).unwrap();
    assert_eq!(again, first);
    // Defaults are not written: a file without the new fields is written as before.
    let plain = read(&scenario("", "\"b\"", "working_days = 20"));
    let toml = to_toml(&plain).unwrap();
    for key in [
        "unit =",
        "clock =",
        "fee =",
        "approval_days",
        "calendar_days",
        "cd\"",
    ] {
        assert!(!toml.contains(key), "`{key}` written by default:\n{toml}");
    }
    assert!(toml.contains("working_days = 20"));
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 3).unwrap()
}

fn data(name: &str) -> String {
    let path = format!("{}/../tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The issue's example: `a` (approval, 5 working days), `b` after `a` (special, 10 calendar
/// days), `c` after `b` (approval, 3 working days), applied for on Monday 2025-03-03.
fn assert_the_example(s: &Scenario) {
    let got: Vec<(&str, f64, DayUnit, Clock)> = s
        .items
        .iter()
        .map(|i| (i.id.as_str(), i.days.value.get(), i.unit, i.clock))
        .collect();
    assert_eq!(
        got,
        [
            ("a", 5.0, DayUnit::Working, Clock::Approval),
            ("b", 10.0, DayUnit::Calendar, Clock::Special),
            ("c", 3.0, DayUnit::Working, Clock::Approval),
        ]
    );
    let links: Vec<(&str, &str)> = s
        .links
        .iter()
        .map(|l| (l.from.as_str(), l.to.as_str()))
        .collect();
    assert_eq!(links, [("a", "b"), ("b", "c")]);
    assert_eq!(s.start, start());
}

#[test]
fn the_two_clocks_item_lists_read_into_the_example() {
    let en = parse_item_list(&data("two-clocks.csv"), "two-clocks.csv", "x", start()).unwrap();
    assert_the_example(&en);
    let zh = parse_item_list(
        &data("two-clocks-zh.csv"),
        "two-clocks-zh.csv",
        "x",
        start(),
    )
    .unwrap();
    assert_the_example(&zh);
    assert_eq!(zh.items[1].name, "Publicity period");
    let zh = with_lang(Lang::ZhCn, || {
        parse_item_list(
            &data("two-clocks-zh.csv"),
            "two-clocks-zh.csv",
            "x",
            start(),
        )
    })
    .unwrap();
    assert_eq!(zh.items[1].name, "批前公示");
}

#[test]
fn item_lists_read_fee_and_returns_in_both_languages() {
    let en = "id,name,department,stage,days,after,fee,return_rate,correction_days,rework_days\n\
              a,A,D,S,5,,1200,0.1,3,2\n\
              b,B,D,S,5,a+2cd,,0.2,,\n";
    let s = parse_item_list(en, "x.csv", "x", start()).unwrap();
    assert_eq!(s.items[0].fee.as_ref().map(|f| f.value), Some(1200.0));
    let r = s.items[0].returns.as_ref().unwrap();
    assert_eq!(
        (r.correction, r.rereview),
        (WorkingDays::new(3.0), Some(WorkingDays::new(2.0)))
    );
    // An empty correction cell is no correction time when the column is there.
    let r = s.items[1].returns.as_ref().unwrap();
    assert_eq!((r.correction, r.rereview), (WorkingDays::ZERO, None));
    assert_eq!(s.items[1].fee, None);
    // A calendar-day lag in the `after` column.
    assert_eq!(
        (s.links[0].lag, s.links[0].lag_unit),
        (WorkingDays::new(2.0), DayUnit::Calendar)
    );
    // In Chinese: 补正用时 is the applicant's time, 复审用时 the re-review.
    let zh = "编号,事项名称,实施部门,所属阶段,承诺时限,前置事项,收费（元）,退件率,补正用时,复审用时,计时类型\n\
              a,甲,D,S,5,,800,0.1,3,2,申请人\n";
    let s = parse_item_list(zh, "x.csv", "x", start()).unwrap();
    let it = &s.items[0];
    assert_eq!(it.fee.as_ref().map(|f| f.value), Some(800.0));
    assert_eq!(it.clock, Clock::Applicant);
    let r = it.returns.as_ref().unwrap();
    assert_eq!(
        (r.correction, r.rereview),
        (WorkingDays::new(3.0), Some(WorkingDays::new(2.0)))
    );
    // `rereview_days` still names the re-review.
    let old = "id,name,department,stage,days,after,return_rate,correction_days,rereview_days\n\
               a,A,D,S,5,,0.1,3,2\n";
    let s = parse_item_list(old, "x.csv", "x", start()).unwrap();
    assert_eq!(
        s.items[0].returns.as_ref().unwrap().rereview,
        Some(WorkingDays::new(2.0))
    );
}

// ---------------------------------------------------------------------------------------------
// Diagnostics, each in both languages at its line and column.

#[test]
fn an_unknown_clock_is_placed_with_a_suggestion() {
    let text = scenario("clock = \"specail\"", "\"b\"", "working_days = 20");
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::BadValue);
    assert_eq!((en.line, en.column), place(&text, "\"specail\""));
    assert_eq!(en.message, "unknown clock `specail`");
    assert_eq!(
        en.help,
        "did you mean `special`? Use one of approval, special, intermediary, applicant \
         (in item lists also 审批、特别程序、中介服务、申请人)"
    );
    assert_eq!(zh.message, "未知的时钟类型 `specail`");
    assert_eq!(
        zh.help,
        "是否想写 `special`？可用的值：approval, special, intermediary, applicant\
         （事项清单中也可写 审批、特别程序、中介服务、申请人）"
    );
    assert_eq!(zh.subject.as_deref(), Some("事项 `b`"));
}

#[test]
fn an_unknown_unit_is_placed() {
    let text = scenario("unit = \"days\"", "\"b\"", "working_days = 20");
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::BadValue);
    assert_eq!((en.line, en.column), place(&text, "\"days\""));
    assert_eq!(en.message, "unknown unit `days`");
    assert_eq!(
        en.help,
        "use one of working, calendar (in item lists also 工作日、自然日)"
    );
    assert_eq!(zh.message, "未知的计量单位 `days`");
    // A link's unit, in the table form.
    let text = scenario(
        "",
        "{ item = \"b\", lag = 2, unit = \"calender\" }",
        "working_days = 20",
    );
    let (en, _) = both(&text);
    assert_eq!(en.message, "unknown unit `calender`");
    assert!(
        en.help.starts_with("did you mean `calendar`?"),
        "{}",
        en.help
    );
    assert_eq!((en.line, en.column), place(&text, "calender"));
}

#[test]
fn a_negative_or_nan_fee_is_refused() {
    let text = scenario("fee = -5", "\"b\"", "working_days = 20");
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::BadValue);
    assert_eq!((en.line, en.column), place(&text, "-5"));
    assert_eq!(en.message, "the fee -5 is not an amount of yuan from 0 up");
    assert_eq!(zh.message, "收费 -5 不是大于等于 0 的金额（元）");
    let (en, _) = both(&scenario("fee = nan", "\"b\"", "working_days = 20"));
    assert_eq!(en.message, "the fee NaN is not an amount of yuan from 0 up");
}

#[test]
fn calendar_days_are_whole() {
    let text = scenario(
        "unit = \"calendar\"\nfloor = 8",
        "\"b\"",
        "working_days = 20",
    )
    .replace("days = 10\nafter = [\"a\"]", "days = 10.5\nafter = [\"a\"]");
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::BadDays);
    assert_eq!((en.line, en.column), place(&text, "10.5"));
    assert_eq!(
        en.message,
        "the time limit 10.5 is in calendar days, which are whole days"
    );
    assert_eq!(zh.message, "承诺时限 10.5 以自然日计，须为整数天");
    // A calendar-day lag.
    let text = scenario("", "\"b+1.5cd\"", "working_days = 20");
    let (en, zh) = both(&text);
    assert_eq!(
        en.message,
        "the lag 1.5 is in calendar days, which are whole days"
    );
    assert_eq!(zh.message, "间隔 1.5 以自然日计，须为整数天");
    assert_eq!((en.line, en.column), place(&text, "b+1.5cd"));
    // A spread of a calendar-day item.
    let text = scenario(
        "unit = \"calendar\"\nspread = { dist = \"triangular\", min = 8, likely = 10.5, max = 14 }",
        "\"b\"",
        "working_days = 20",
    );
    let (en, _) = both(&text);
    assert_eq!(
        en.message,
        "the spread 10.5 is in calendar days, which are whole days"
    );
    assert_eq!((en.line, en.column), place(&text, "spread"));
    // A calendar-day target.
    let (en, zh) = both(&scenario("", "\"b\"", "calendar_days = 17.5"));
    assert_eq!(
        en.message,
        "the target 17.5 is in calendar days, which are whole days"
    );
    assert_eq!(zh.message, "目标 17.5 以自然日计，须为整数天");
}

#[test]
fn a_calendar_day_item_is_in_no_joint_group() {
    let text = scenario(
        "unit = \"calendar\"\njoint = \"hearing\"",
        "\"b\"",
        "working_days = 20",
    );
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::BadValue);
    assert_eq!((en.line, en.column), place(&text, "\"hearing\""));
    assert_eq!(
        en.message,
        "a calendar-day item cannot be a member of joint group `hearing`"
    );
    assert_eq!(
        en.help,
        "a joint event is counted in working days: make the item a working-day item \
         (unit = \"working\") or take it out of the group"
    );
    assert_eq!(zh.message, "以自然日计的事项不能加入联合办理组 `hearing`");
}

#[test]
fn rework_days_without_correction_days_is_ambiguous() {
    let text = scenario(
        "returns = { rate = 0.053, rework_days = 3 }",
        "\"b\"",
        "working_days = 20",
    );
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::BadValue);
    // The value of `rework_days`.
    assert_eq!((en.line, en.column), place(&text, "3 }"));
    assert_eq!(
        en.message,
        "`rework_days` without `correction_days` is ambiguous"
    );
    assert_eq!(
        en.help,
        "write correction_days for the applicant's correction time (the clock stopped; older \
         files called it rework_days) and rework_days for the re-review (the clock running)"
    );
    assert_eq!(
        zh.message,
        "只有 `rework_days` 而没有 `correction_days`，含义不明"
    );
    // Both names of the re-review.
    let text = scenario(
        "returns = { rate = 0.053, correction_days = 3, rework_days = 2, rereview_days = 2 }",
        "\"b\"",
        "working_days = 20",
    );
    let (en, zh) = both(&text);
    assert_eq!((en.line, en.column), place(&text, "2 }"));
    assert_eq!(
        en.message,
        "rework_days and rereview_days both give the re-review time"
    );
    assert_eq!(zh.message, "rework_days 和 rereview_days 都给出了复审用时");
}

#[test]
fn an_old_item_list_with_rework_days_is_ambiguous() {
    let text = "id,name,department,stage,days,after,return_rate,rework_days\n\
                a,A,D,S,5,,0.1,3\n";
    for (lang, message) in [
        (
            Lang::En,
            "`rework_days` without `correction_days` is ambiguous",
        ),
        (
            Lang::ZhCn,
            "只有 `rework_days` 而没有 `correction_days`，含义不明",
        ),
    ] {
        let d = with_lang(lang, || parse_item_list(text, "x.csv", "x", start()))
            .unwrap_err()
            .0;
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].message, message);
        // The `rework_days` cell of row 2.
        assert_eq!((d[0].line, d[0].column), (Some(2), Some(16)));
    }
}

#[test]
fn an_item_list_names_unknown_clocks_and_units_at_their_cell() {
    let text = "id,name,department,stage,days,after,clock,unit\n\
                a,A,D,S,5,,approval,working\n\
                b,B,D,S,5,a,审核,weeks\n";
    let d = with_lang(Lang::ZhCn, || parse_item_list(text, "x.csv", "x", start()))
        .unwrap_err()
        .0;
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0].message, "未知的计量单位 `weeks`");
    assert_eq!((d[0].line, d[0].column), (Some(3), Some(16)));
    assert_eq!(d[1].message, "未知的时钟类型 `审核`");
    assert_eq!((d[1].line, d[1].column), (Some(3), Some(13)));
}

#[test]
fn a_target_bounds_one_measure_and_ranges_are_read() {
    let text = scenario("", "\"b\"", "approval_days = 36.5\nworking_days = 60");
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::BadValue);
    assert_eq!((en.line, en.column), place(&text, "working_days = 60"));
    assert_eq!(
        en.message,
        "the target bounds both approval_days and working_days"
    );
    assert_eq!(zh.message, "目标同时约束了 approval_days 和 working_days");

    let text = scenario("", "\"b\"", "approval_days = \"36.5-54\"");
    let (en, zh) = both(&text);
    assert_eq!((en.line, en.column), place(&text, "\"36.5-54\""));
    assert_eq!(en.message, "cannot read the range `36.5-54`");
    assert_eq!(
        en.help,
        "write a range as text \"MIN..MAX\", e.g. approval_days = \"36.5..54\""
    );
    assert_eq!(zh.message, "无法读取范围 `36.5-54`");

    let (en, zh) = both(&scenario("", "\"b\"", "working_days = \"54..36.5\""));
    assert_eq!(
        en.message,
        "the range `54..36.5` starts at 54, above its end 36.5"
    );
    assert_eq!(zh.message, "范围 `54..36.5` 的下限 54 大于上限 36.5");

    // Half-day steps for approval and working days.
    let (en, _) = both(&scenario("", "\"b\"", "approval_days = \"36.2..54\""));
    assert_eq!(en.code, Code::BadDays);
    assert_eq!(
        en.message,
        "the target 36.2 is not a multiple of half a working day"
    );
}

#[test]
fn a_compressed_limit_of_a_calendar_day_item_keeps_its_unit() {
    let measure = |limit: &str| {
        scenario("unit = \"calendar\"", "\"b\"", "working_days = 20").replace(
            "[[targets]]",
            &format!(
                "[[measures]]\nid = \"faster\"\nkind = \"time_limit_compression\"\n\
                 limits = {{ b = {limit} }}\n\n[[targets]]"
            ),
        )
    };
    // Whole calendar days read.
    let s = read(&measure("7"));
    assert_eq!(s.items[1].unit, DayUnit::Calendar);
    let text = measure("7.5");
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::BadDays);
    assert_eq!(
        en.message,
        "the time limit 7.5 is in calendar days, which are whole days"
    );
    assert_eq!(zh.message, "承诺时限 7.5 以自然日计，须为整数天");
    assert_eq!((en.line, en.column), place(&text, "b = 7.5"));
}
