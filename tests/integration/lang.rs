//! The language of the command line: `--lang`, then `PERMITFLOW_LANG`, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), then English; the main commands in Chinese with nothing
//! left in English but data (ids, names the scenario gives, units the catalogue keeps).

use crate::harness::{permitflow_env, stderr, stdout};

const ZH: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

fn zh(args: &[&str]) -> String {
    let o = permitflow_env(args, ZH);
    assert!(
        o.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        stderr(&o)
    );
    stdout(&o)
}

#[test]
fn compare_under_a_chinese_locale_is_chinese_and_english_with_lang_en() {
    let out = zh(&["compare"]);
    // The heading and columns a planner reads, the regimes by their Chinese names, the
    // application date in Chinese form: Monday 3 March 2025.
    assert!(out.contains("申请日期 2025年3月3日 星期一"), "{out}");
    // Both clocks: 审批用时 and the elapsed 全流程 工作日 / 自然日 (two-line headings).
    for want in ["审批", "用时", "全流程", "工作日", "自然日", "较串联"] {
        assert!(out.contains(want), "{want} in {out}");
    }
    assert!(out.contains("56 个数据中有 56 个为假设值"), "{out}");
    let serial = out
        .lines()
        .find(|l| l.trim_start().starts_with("串联审批 "))
        .unwrap_or_else(|| panic!("{out}"));
    // 100.5 approval days; elapsed 368.5 working days (with the publicity, the investigation
    // and the works), ending on Monday 24 August 2026; 18 trips.
    assert!(
        serial.contains("100.5") && serial.contains("368.5"),
        "{serial}"
    );
    assert!(serial.contains("2026年8月24日 星期一"), "{serial}");
    assert!(out.contains("并联审批"), "{out}");
    assert!(
        out.contains("各阶段审批用时 / 全流程工作日") && out.contains("关键路径"),
        "{out}"
    );
    assert!(out.contains("✓ 达标"), "{out}");
    assert!(out.contains("审批用时 36.5 ≤ 60"), "{out}");

    let en = permitflow_env(&["--lang", "en", "compare"], ZH);
    let en = stdout(&en);
    assert!(en.contains("application 2025-03-03 Mon"), "{en}");
    assert!(en.contains("working days per stage"), "{en}");
    assert!(en.contains("36.5 approval days ≤ 60"), "{en}");
    assert!(!en.contains("工作日"), "{en}");
}

#[test]
fn solve_check_simulate_plan_and_centre_speak_chinese() {
    let solve = zh(&["solve", "--regime", "joint"]);
    assert!(
        solve.contains("审批用时 36.5 个工作日，全流程 303.5 个工作日、446 个自然日"),
        "{solve}"
    );
    assert!(
        solve.contains("2025年3月3日 星期一 → 2026年5月22日 星期五"),
        "{solve}"
    );
    assert!(
        solve.contains("实施部门") && solve.contains("总时差"),
        "{solve}"
    );
    assert!(solve.contains("跑动 4 次"), "{solve}");

    let check = zh(&["check", "scenarios/social-investment-housing.toml"]);
    assert!(
        check.contains("串联审批：审批用时 100.5 个工作日，全流程 368.5 个工作日、540 个自然日"),
        "{check}"
    );
    assert!(check.contains("目标达标"), "{check}");

    let sim = zh(&["simulate", "--iterations", "200", "--regime", "joint"]);
    assert!(sim.contains("蒙特卡洛模拟，200 次，随机数种子 1"), "{sim}");
    assert!(sim.contains("各目标的达标概率"), "{sim}");
    assert!(sim.contains("关键性指数"), "{sim}");

    // The planner bounds elapsed working days: the default's all-approval flow, where they are
    // 36.5 today; 30 reachable at a cost of 6.5.
    let file = crate::harness::approval_only_default();
    let plan = zh(&[
        "plan",
        file.to_str().unwrap(),
        "--regime",
        "joint",
        "--target",
        "30",
    ]);
    assert!(plan.contains("目前 36.5 个工作日，目标 30"), "{plan}");
    assert!(plan.contains("✓ 可以达到：30 个工作日，成本 6.5"), "{plan}");
    assert!(plan.contains("联合审查"), "{plan}");

    let centre = zh(&[
        "centre",
        "portfolios/mid-sized-city.toml",
        "--replications",
        "3",
    ]);
    assert!(
        centre.contains("审批人员") && centre.contains("利用率"),
        "{centre}"
    );
    assert!(centre.contains("瓶颈部门"), "{centre}");
}

#[test]
fn a_diagnostic_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "name = \"x\"\n[[stages]]\nid = 1\n").unwrap();
    let bad = bad.display().to_string();
    let o = permitflow_env(&["check", &bad], ZH);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("错误[E003]"), "{e}");
    assert!(e.contains(&format!("{bad}:3:6")), "{e}");
    assert!(e.contains(&format!("在 {bad} 中发现 1 个问题")), "{e}");
    let o = permitflow_env(&["--lang", "en", "check", &bad], ZH);
    let e = stderr(&o);
    assert!(e.starts_with("error[E003]"), "{e}");
    assert!(e.contains("1 problem found in"), "{e}");
    // An unknown regime names the regimes there are, in Chinese.
    let o = permitflow_env(&["solve", "--regime", "nope"], ZH);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.starts_with("错误："), "{e}");
    assert!(e.contains("没有名为 `nope` 的审批模式"), "{e}");
}

#[test]
fn the_language_comes_from_the_flag_then_permitflow_lang_then_the_locale() {
    let heading = |args: &[&str], env: &[(&str, &str)]| {
        let o = permitflow_env(args, env);
        assert!(o.status.success(), "{}", stderr(&o));
        // The line after the title and the project's attributes.
        stdout(&o)
            .lines()
            .skip(1)
            .find(|l| !l.starts_with("Project attributes") && !l.starts_with("项目属性"))
            .unwrap_or_default()
            .to_owned()
    };
    let is_zh = |line: &str| line.starts_with("申请日期");
    let is_en = |line: &str| line.starts_with("application");
    // --lang over PERMITFLOW_LANG.
    assert!(is_en(&heading(
        &["--lang", "en"],
        &[("PERMITFLOW_LANG", "zh-CN")]
    )));
    assert!(is_zh(&heading(
        &["compare", "--lang", "zh"],
        &[("PERMITFLOW_LANG", "en")]
    )));
    // PERMITFLOW_LANG over the locale.
    assert!(is_en(&heading(
        &[],
        &[("PERMITFLOW_LANG", "en"), ("LC_ALL", "zh_CN.UTF-8")]
    )));
    // LC_ALL over LC_MESSAGES over LANG.
    assert!(is_en(&heading(
        &[],
        &[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN.UTF-8")]
    )));
    assert!(is_zh(&heading(
        &[],
        &[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")]
    )));
    assert!(is_en(&heading(
        &[],
        &[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]
    )));
    assert!(is_zh(&heading(&[], &[("LANG", "zh_CN.UTF-8")])));
    // Nothing said: English.
    assert!(is_en(&heading(&[], &[])));
    // A PERMITFLOW_LANG that names no language is ignored, with a warning in the language used.
    let o = permitflow_env(
        &[],
        &[("PERMITFLOW_LANG", "klingon"), ("LANG", "zh_CN.UTF-8")],
    );
    assert!(o.status.success());
    assert!(is_zh(
        stdout(&o)
            .lines()
            .skip(1)
            .find(|l| !l.starts_with("项目属性"))
            .unwrap_or_default()
    ));
    let e = stderr(&o);
    assert!(
        e.contains("警告：PERMITFLOW_LANG=klingon 不是 permitflow 支持的语言"),
        "{e}"
    );
    // An unknown --lang is a usage error: exit 2, naming the languages there are.
    let o = permitflow_env(&["--lang", "fr"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("use zh-CN or en"), "{}", stderr(&o));
}

#[test]
fn argument_errors_in_chinese_exit_2() {
    let o = permitflow_env(&["solve", "--regime", "joint", "--start", "2025-13-01"], ZH);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.starts_with("错误：'--start <DATE>' 的值 '2025-13-01' 无效：`2025-13-01` 不是日期"),
        "{e}"
    );
    let o = permitflow_env(&["solve"], ZH);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("缺少必需的参数：--regime <NAME>"),
        "{}",
        stderr(&o)
    );
    // In English, clap's own words.
    let o = permitflow_env(&["solve"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: the following required arguments"));
}

#[test]
fn help_in_chinese() {
    let o = permitflow_env(&["compare", "--help"], ZH);
    let out = stdout(&o);
    assert!(out.starts_with("并列比较各审批模式"), "{out}");
    assert!(out.contains("输出格式"), "{out}");
    assert!(out.contains("用法：permitflow compare"), "{out}");
    assert!(out.contains("选项") && out.contains("显示帮助"), "{out}");
    // Every option of every command has its Chinese help.
    for sub in [
        "compare",
        "solve",
        "chart",
        "report",
        "export",
        "simulate",
        "plan",
        "centre",
        "check",
        "batch",
        "merge",
        "library",
        "import",
        "completions",
        "man",
    ] {
        let o = permitflow_env(&[sub, "-h"], ZH);
        assert!(o.status.success(), "{sub}");
        for line in stdout(&o)
            .lines()
            .filter(|l| l.trim_start().starts_with('-'))
        {
            assert!(
                line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{sub}: {line}"
            );
        }
    }
    let o = permitflow_env(&["compare", "--help"], &[]);
    let out = stdout(&o);
    assert!(
        out.starts_with("Compare every regime side by side"),
        "{out}"
    );
}

/// The ASCII words of `text` that are not data: ids (with `_` or digits), words of the names
/// and values the scenario file gives, and the units the catalogue keeps in Latin letters.
fn english_words(text: &str, data: &std::collections::BTreeSet<String>) -> Vec<String> {
    const KEPT: [&str; 6] = ["P50", "P80", "P95", "PCG64", "MCG", "cn"];
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !w.contains('_') && !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !KEPT.contains(w) && !data.contains(*w))
        .map(str::to_owned)
        .collect()
}

/// The words of every quoted value in the files: names, ids, departments, regimes.
fn data_words(files: &[&str]) -> std::collections::BTreeSet<String> {
    let mut words = std::collections::BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(crate::harness::root().join(f)).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for quoted in line.split('"').skip(1).step_by(2) {
                words.extend(
                    quoted
                        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .map(str::to_owned),
                );
            }
        }
    }
    words
}

#[test]
fn the_main_commands_in_chinese_show_no_english_but_data() {
    let data = data_words(&[
        "scenarios/social-investment-housing.toml",
        "portfolios/mid-sized-city.toml",
    ]);
    let runs: [&[&str]; 7] = [
        &["compare"],
        &["solve", "--regime", "joint"],
        &["check", "scenarios/social-investment-housing.toml"],
        &["simulate", "--iterations", "100"],
        &["plan", "--regime", "joint", "--target", "30", "--curve"],
        &["plan", "--regime", "joint", "--target", "10"],
        &[
            "centre",
            "portfolios/mid-sized-city.toml",
            "--replications",
            "2",
            "--rank",
        ],
    ];
    // The check can fail: the English tables are full of words that are not data.
    let en = stdout(&permitflow_env(&["compare"], &[("PERMITFLOW_LANG", "en")]));
    let words = english_words(&en, &data);
    assert!(words.iter().any(|w| w == "trips"), "{words:?}");
    for args in runs {
        let o = permitflow_env(args, &[("PERMITFLOW_LANG", "zh-CN")]);
        assert!(
            o.status.code().is_some_and(|c| c < 2),
            "{args:?}: {}",
            stderr(&o)
        );
        for line in stdout(&o).lines().chain(stderr(&o).lines()) {
            let english = english_words(line, &data);
            assert!(
                english.is_empty(),
                "{args:?}: English {english:?} in the Chinese line {line:?}"
            );
        }
    }
}

#[test]
fn batch_results_are_english_in_any_language() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "name = \"x\"\n[[stages]]\nid = 1\n").unwrap();
    let table = |lang: &str| {
        let out = dir.path().join(format!("{lang}.csv"));
        let o = permitflow_env(
            &[
                "batch",
                "scenarios/social-investment-housing.toml",
                bad.to_str().unwrap(),
                "--variants",
                "none",
                "--out",
                out.to_str().unwrap(),
            ],
            &[("PERMITFLOW_LANG", lang)],
        );
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        (std::fs::read_to_string(&out).unwrap(), stdout(&o))
    };
    let (en, en_summary) = table("en");
    let (zh, zh_summary) = table("zh-CN");
    assert_eq!(zh, en);
    assert!(en.contains("error[E003]: invalid type"), "{en}");
    assert!(
        en_summary.starts_with("2 scenario files, 4 regime results"),
        "{en_summary}"
    );
    // The summary for people speaks Chinese.
    assert!(
        zh_summary.starts_with("2 个情景文件，4 个审批模式结果"),
        "{zh_summary}"
    );
}

#[test]
fn simulate_shows_both_clocks_in_chinese() {
    let sim = zh(&["simulate", "--iterations", "300", "--regime", "joint"]);
    // A row per clock: official time, elapsed working days, elapsed calendar days.
    for want in [
        "口径",
        "审批用时（工作日）",
        "全流程用时（工作日）",
        "全流程用时（自然日）",
    ] {
        assert!(sim.contains(want), "{want}: {sim}");
    }
    assert!(sim.contains("退回后申请人补正期间停止计时"), "{sim}");
    // The shipped targets bound official approval time.
    assert!(sim.contains("——审批用时（工作日）"), "{sim}");

    let centre = zh(&[
        "centre",
        "portfolios/mid-sized-city.toml",
        "--replications",
        "2",
    ]);
    for want in [
        "审批用时平均",
        "审批用时 P80",
        "审批用时 P95",
        "不含退回后申请人补正的时间",
    ] {
        assert!(centre.contains(want), "{want}: {centre}");
    }
}
