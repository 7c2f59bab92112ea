//! Diagnostics in both languages: the same problem, at the same line and column, with its
//! message, help and subject in English or in Chinese as the thread's language says.

use chrono::NaiveDate;
use permitflow_i18n::{Lang, with_lang};
use permitflow_model::csv_item_list::parse_item_list;
use permitflow_model::{Code, Diagnostic, Format, HolidayFiles, HolidayYear, parse_scenario};

/// Two stages, three items; `{stage}`, `{days}` and `{after}` are the parts a test breaks.
fn scenario(stage: &str, days: &str, after: &str) -> String {
    format!(
        r#"version = 1
name = "两阶段"
start = "2025-03-03"

[[stages]]
id = "land"
lead = "自然资源局"

[[stages]]
id = "construction"
lead = "住建局"

[[items]]
id = "planning"
department = "自然资源局"
stage = "land"
days = 10

[[items]]
id = "drawings"
department = "住建局"
stage = "construction"
days = 7
after = [{after}]

[[items]]
id = "permit"
department = "住建局"
stage = "{stage}"
days = {days}
after = ["drawings"]
"#
    )
}

/// The problems of `text` in `lang`.
fn problems(lang: Lang, text: &str) -> Vec<Diagnostic> {
    with_lang(lang, || {
        parse_scenario(text, "flow.toml", Format::Toml)
            .expect_err("the scenario has a problem")
            .0
    })
}

/// The one problem of `text`, in English and in Chinese; both at the same place, same code.
fn both(text: &str) -> (Diagnostic, Diagnostic) {
    let en = problems(Lang::En, text);
    let zh = problems(Lang::ZhCn, text);
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
fn unknown_stage_in_both_languages() {
    let (en, zh) = both(&scenario("constructoin", "5", "\"planning\""));
    assert_eq!(en.code, Code::UnknownId);
    // `stage = "constructoin"` is on line 29 of the file; the value starts at column 9.
    assert_eq!((en.line, en.column), (Some(29), Some(9)));
    assert_eq!(en.message, "unknown stage `constructoin`");
    assert_eq!(
        en.help,
        "did you mean `construction`? Otherwise add a stage with this id"
    );
    assert_eq!(en.subject.as_deref(), Some("item `permit`"));
    assert_eq!(zh.message, "未知的审批阶段 `constructoin`");
    assert_eq!(
        zh.help,
        "是否应为 `construction`？否则请添加一个使用此编号的审批阶段"
    );
    assert_eq!(zh.subject.as_deref(), Some("事项 `permit`"));
    // The one-line form for logs speaks the language too.
    let line = with_lang(Lang::ZhCn, || zh.to_string());
    assert_eq!(
        line,
        "flow.toml:29:9：错误[E011]：未知的审批阶段 `constructoin`（事项 `permit`）；\
         处理办法：是否应为 `construction`？否则请添加一个使用此编号的审批阶段"
    );
}

#[test]
fn cycle_in_both_languages() {
    // drawings after permit, permit after drawings.
    let (en, zh) = both(&scenario("construction", "5", "\"permit\""));
    assert_eq!(en.code, Code::Cycle);
    assert_eq!(
        en.message,
        "the links go round in a circle: `drawings` → `permit` → `drawings`"
    );
    assert_eq!(
        zh.message,
        "前后置关系形成了循环：`drawings` → `permit` → `drawings`"
    );
    assert_eq!(
        zh.help,
        "请删除其中一个前置事项；“不晚于”可用最大间隔（max_lag）表达，不会形成循环"
    );
    assert_eq!(zh.subject.as_deref(), Some("事项 `drawings`"));
    // The `after` key of `drawings`, line 24.
    assert_eq!((zh.line, zh.column), (Some(24), Some(1)));
}

#[test]
fn bad_days_in_both_languages() {
    let (en, zh) = both(&scenario("construction", "10.3", "\"planning\""));
    assert_eq!(en.code, Code::BadDays);
    assert_eq!(
        en.message,
        "the time limit 10.3 is not a multiple of half a working day"
    );
    assert_eq!(zh.message, "承诺时限 10.3 不是 0.5 个工作日的整数倍");
    assert_eq!(zh.help, "请以工作日填写时限，步长为 0.5（例如 10 或 36.5）");
    // `days = 10.3` on line 30, the number at column 8.
    assert_eq!((zh.line, zh.column), (Some(30), Some(8)));
    let (_, zh) = both(&scenario("construction", "-2", "\"planning\""));
    assert_eq!(zh.message, "承诺时限 -2 是负数");
}

#[test]
fn toml_syntax_keeps_the_parser_detail_in_a_chinese_sentence() {
    let text = scenario("construction", "5", "\"planning\"").replace("days = 7", "days = = 7");
    let (en, zh) = both(&text);
    assert_eq!(en.code, Code::Syntax);
    assert!(zh.message.starts_with("TOML 语法错误："), "{}", zh.message);
    assert_eq!(zh.message, format!("TOML 语法错误：{}", en.message));
    assert_eq!(zh.help, "请更正此处的语法");
    // `days = = 7`, line 23.
    assert_eq!(zh.line, Some(23));
}

#[test]
fn unknown_csv_column_in_both_languages() {
    let text = "id,name,department,stage,days,after,colour\n\
                a,Land,自然资源局,立项用地规划许可阶段,10,,red\n";
    let start = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    let read = |lang| {
        with_lang(lang, || {
            parse_item_list(text, "items.csv", "items", start)
                .expect_err("an unknown column")
                .0
        })
    };
    let (en, zh) = (read(Lang::En), read(Lang::ZhCn));
    assert_eq!((en.len(), zh.len()), (1, 1));
    let (en, zh) = (&en[0], &zh[0]);
    assert_eq!(en.code, Code::Column);
    assert_eq!(en.message, "unknown column `colour`");
    assert_eq!(zh.message, "未知的列 `colour`");
    assert!(
        zh.help
            .starts_with("必需的列为 编号（id）、事项名称（name）、实施部门（department）、所属阶段（stage）、承诺时限（days）、前置事项（after），可选的列为 牵头部门（lead）、"),
        "{}",
        zh.help
    );
    // In English the columns are listed as before.
    assert!(
        en.help.contains("id,name,department,stage,days,after"),
        "{}",
        en.help
    );
    // The seventh header cell: line 1, column 37.
    assert_eq!((en.line, en.column), (Some(1), Some(37)));
    assert_eq!((zh.line, zh.column), (en.line, en.column));
}

#[test]
fn bad_calendar_files_in_both_languages() {
    // A file without its days: serde's detail kept, the sentence and the help in Chinese.
    let read = |lang| {
        with_lang(lang, || {
            HolidayYear::parse_holiday_cn("{\"year\": 2027}", "cn-2027.json").unwrap_err()
        })
    };
    let (en, zh) = (read(Lang::En), read(Lang::ZhCn));
    assert_eq!(en.code, Code::BadCalendar);
    assert_eq!(en.message, "cannot read the calendar: missing field `days`");
    assert_eq!(zh.message, "无法读取日历：missing field `days`");
    assert!(
        zh.help
            .starts_with("日历文件采用 holiday-cn 格式：{\"year\": 2027")
    );
    assert_eq!((zh.line, zh.column), (en.line, en.column));

    // Two files that disagree about 2027-02-06.
    let a = "{\"year\": 2027, \"days\": [{\"name\": \"春节\", \"date\": \"2027-02-06\", \"isOffDay\": true}]}";
    let b = "{\"year\": 2027, \"days\": [\n{\"name\": \"调休\", \"date\": \"2027-02-06\", \"isOffDay\": false}]}";
    let check = |lang| {
        with_lang(lang, || {
            let mut files = HolidayFiles::default();
            let ya = HolidayYear::parse_holiday_cn(a, "a.json").unwrap();
            files.check(&ya, a, "a.json").unwrap();
            let yb = HolidayYear::parse_holiday_cn(b, "b.json").unwrap();
            files.check(&yb, b, "b.json").unwrap_err()
        })
    };
    let (en, zh) = (check(Lang::En), check(Lang::ZhCn));
    assert_eq!(
        en.message,
        "2027-02-06 is a working day (调休) here but a day off (春节) in a.json"
    );
    assert_eq!(
        zh.message,
        "2027-02-06 在此为工作日（调休），但在 a.json 中为休息日（春节）"
    );
    assert_eq!(
        zh.help,
        "日历文件相互矛盾：请更正其中一个，或每年只指定一个文件"
    );
    // The date on line 2 of b.json, inside its quotes (column 25).
    assert_eq!((zh.line, zh.column), (Some(2), Some(25)));
    assert_eq!((zh.line, zh.column), (en.line, en.column));
}
