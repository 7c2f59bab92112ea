//! The item list's column names in Chinese: a header may name any column in English or in
//! Chinese (编号, 事项名称, 实施部门, …), mixing both; each is read as its English name. Which
//! language the header is in decides how names go into the scenario ([`HeaderLanguage`]).

use permitflow_i18n::Lang;

/// Each column's Chinese names, the first the one written by permitflow. The terms are those of
/// the reform documents (`glossary-zh.md`).
pub const CHINESE_COLUMNS: [(&str, &[&str]); 25] = [
    ("id", &["编号", "事项编号"]),
    ("name", &["事项名称", "名称"]),
    ("department", &["实施部门", "部门"]),
    ("stage", &["所属阶段", "审批阶段", "阶段"]),
    ("days", &["承诺时限", "办理时限", "时限"]),
    ("after", &["前置事项", "前置"]),
    ("lead", &["牵头部门"]),
    ("kind", &["类型", "事项类型"]),
    ("clock", &["时钟类型", "计时类型"]),
    ("unit", &["计量单位"]),
    ("fee", &["收费（元）", "费用"]),
    ("materials", &["申请材料", "材料"]),
    ("joint", &["联合", "联合办理"]),
    ("floor", &["最短时限"]),
    ("cost", &["压缩成本"]),
    ("dist", &["分布"]),
    ("min", &["最短用时"]),
    ("likely", &["最可能用时"]),
    ("max", &["最长用时"]),
    ("return_rate", &["补正率", "退件率"]),
    ("correction_days", &["补正用时"]),
    ("rework_days", &["复审用时"]),
    ("label_zh", &["中文名称"]),
    ("label_en", &["英文名称"]),
    ("when", &["适用条件", "条件"]),
];

/// A column as readers of the current language name it: `after` in English, `前置事项（after）`
/// in Chinese (its first Chinese name, the one permitflow writes).
pub fn shown(column: &str) -> String {
    match permitflow_i18n::lang() {
        Lang::En => column.to_owned(),
        Lang::ZhCn => match CHINESE_COLUMNS.iter().find(|(c, _)| *c == column) {
            Some((_, names)) => format!("{}（{column}）", names[0]),
            None => column.to_owned(),
        },
    }
}

/// Columns as [`shown`], as a list: `id,name,…` in English, `编号（id）、事项名称（name）、…` in
/// Chinese.
pub fn shown_list(columns: &[&str]) -> String {
    let sep = match permitflow_i18n::lang() {
        Lang::En => ",",
        Lang::ZhCn => "、",
    };
    columns
        .iter()
        .map(|c| shown(c))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The English name of a column named `header` (already lower-cased) in either language, and
/// whether it was named in Chinese; `None` for a column the item list does not know.
pub fn canonical(header: &str) -> Option<(&'static str, bool)> {
    // The re-review's older name (a list with both names it twice).
    if header == "rereview_days" {
        return Some(("rework_days", false));
    }
    let known = super::REQUIRED_COLUMNS
        .iter()
        .chain(&super::OPTIONAL_COLUMNS)
        .find(|c| **c == header);
    if let Some(c) = known {
        return Some((c, false));
    }
    CHINESE_COLUMNS
        .iter()
        .find(|(_, zh)| zh.contains(&header))
        .map(|(en, _)| (*en, true))
}

/// The language of a header row: Chinese when more of its known columns are named in Chinese
/// than in English.
pub fn header_language(header: &[String]) -> Lang {
    let (mut zh, mut en) = (0, 0);
    for h in header {
        match canonical(h) {
            Some((_, true)) => zh += 1,
            Some((_, false)) => en += 1,
            None => {}
        }
    }
    if zh > en { Lang::ZhCn } else { Lang::En }
}

/// An item kind written in Chinese (审批, 备案, …) as its English name; other text unchanged.
pub fn kind_value(kind: &str) -> &str {
    match kind {
        "审批" | "审查" | "行政许可" => "review",
        "备案" => "filing",
        "申请人办理" | "申请人事项" => "applicant_work",
        "市政公用服务" | "公用服务" => "utility_service",
        other => other,
    }
}

/// A duration distribution written in Chinese (三角分布, …) as its English name.
pub fn dist_value(dist: &str) -> &str {
    match dist {
        "三角" | "三角分布" => "triangular",
        "均匀" | "均匀分布" => "uniform",
        "固定" => "fixed",
        "PERT分布" | "pert分布" => "pert",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_chinese_name_and_no_name_is_used_twice() {
        let english: Vec<&str> = super::super::REQUIRED_COLUMNS
            .iter()
            .chain(&super::super::OPTIONAL_COLUMNS)
            .copied()
            .collect();
        for c in &english {
            assert!(
                CHINESE_COLUMNS.iter().any(|(en, _)| en == c),
                "`{c}` has no Chinese name"
            );
        }
        let mut all: Vec<&str> = CHINESE_COLUMNS
            .iter()
            .flat_map(|(_, z)| z.iter().copied())
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a Chinese column name is used twice");
        assert_eq!(canonical("承诺时限"), Some(("days", true)));
        assert_eq!(canonical("办理时限"), Some(("days", true)));
        assert_eq!(canonical("days"), Some(("days", false)));
        assert_eq!(canonical("编号x"), None);
        let mixed: Vec<String> = [
            "编号",
            "事项名称",
            "department",
            "所属阶段",
            "days",
            "前置事项",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(header_language(&mixed), Lang::ZhCn);
        assert_eq!(kind_value("备案"), "filing");
        // The two clocks' columns; 补正用时 is the applicant's correction time, 复审用时 the
        // re-review, and `rereview_days` the re-review's older English name.
        assert_eq!(canonical("时钟类型"), Some(("clock", true)));
        assert_eq!(canonical("计时类型"), Some(("clock", true)));
        assert_eq!(canonical("计量单位"), Some(("unit", true)));
        assert_eq!(canonical("收费（元）"), Some(("fee", true)));
        assert_eq!(canonical("补正用时"), Some(("correction_days", true)));
        assert_eq!(canonical("复审用时"), Some(("rework_days", true)));
        assert_eq!(canonical("rereview_days"), Some(("rework_days", false)));
    }
}
