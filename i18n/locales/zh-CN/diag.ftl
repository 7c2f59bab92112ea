## permitflow catalogue: diag, zh-CN.
## Keys start with "diag-". Every key exists in both languages (a test checks).


## 一行显示的诊断（日志、批量报告）。
diag-line = { $location }：错误[{ $code }]：{ $message }
diag-line-subject = （{ $subject }）
diag-line-help = ；处理办法：{ $help }
diag-problems = { $file } 中有 { $n } 处问题
diag-problems-input = 输入内容

## 语法错误：解析器自己的说明（英文）放在一句中文里。
diag-syntax-toml = TOML 语法错误：{ $detail }
diag-syntax-json = JSON 语法错误：{ $detail }
diag-syntax-unknown-field = 删除该字段或更正拼写；可用的字段已在上面列出
diag-syntax-missing-field = 请补上该字段
diag-syntax-invalid-value = 请按上面要求的形式填写该值
diag-syntax-other = 请更正此处的语法

## 诊断所涉对象的名称；.a 为英文带冠词的形式，中文相同。
diag-subject = { $kind } `{ $id }`
diag-word-scenario = 情景
    .a = 情景
diag-word-item = 事项
    .a = 事项
diag-word-stage = 审批阶段
    .a = 审批阶段
diag-word-regime = 审批模式
    .a = 审批模式
diag-word-measure = 改革措施
    .a = 改革措施
diag-word-joint-group = 联合办理组
    .a = 联合办理组
diag-word-target = 目标
    .a = 目标
diag-word-source = 来源
    .a = 来源
diag-word-project-type = 项目类型
    .a = 项目类型
diag-word-department = 实施部门
    .a = 实施部门
diag-word-id = 编号
    .a = 编号
diag-word-name = 名称
    .a = 名称

## 空文件。
diag-scenario-empty = 文件是空的
    .help = 请编写情景文件（示例见 scenarios/），或用 `permitflow import` 导入 CSV 事项清单
diag-portfolio-empty = 项目组合文件是空的
    .help = 请编写项目组合：`version = 1`、`name`、`horizon`、[[projects]] 和 [[departments]]（示例见 scenarios/portfolios/）

## 编号、名称、成本、下限、工期分布（情景各部分通用）。
diag-empty-id = 有一个{ $a_kind }的编号为空
    .help = 请给它一个简短的编号，例如 `{ $example }`
diag-bad-id = { $kind }编号 `{ $id }` 含有字符 `{ $char }`
    .help = 编号中不能有空格，也不能有 ; : , + = 和引号；请使用字母、数字、_ 或 -
diag-duplicate = { $kind }{ $word } `{ $id }` 重复出现
    .help = 每个{ $kind }的{ $word }必须各不相同
diag-bad-cost = 成本 { $cost } 不是大于等于 0 的数
    .help = 请填写每压缩一个工作日的成本，0 或以上
diag-bad-floor = 时限下限 { $floor } { $problem }
    .help = 请以工作日填写下限，步长为 0.5
diag-floor-above-limit = 时限下限 { $floor } 高于{ $limit_name } { $limit }
    .help = 下限是{ $committer }最低能承诺的时限：请使其不超过该时限
diag-limit-item = 承诺时限
    .committer = 实施部门
diag-limit-joint = 联合办理时限
    .committer = 联合办理
diag-bad-spread =
    .help = 请写 dist = "triangular" 或 "pert"（min ≤ likely ≤ max）、"uniform"（min ≤ max）或 "fixed"
diag-spread-negative = 工期分布的 `{ $name }` 值 { $value } 不是大于等于 0 的工期
diag-spread-missing = { $dist } 分布需要 `{ $name }`
diag-spread-order3 = 工期分布须满足 min ≤ likely ≤ max，实际为 { $min }、{ $likely }、{ $max }
diag-spread-order2 = 工期分布须满足 min ≤ max，实际为 { $min }、{ $max }
diag-spread-unknown = 未知的分布 `{ $dist }`

## 工作日数的问题（接在“承诺时限 3.2”之后）。
diag-days-not-number = 不是数字
diag-days-too-large = 超过 10000 个工作日（约 40 年）
diag-days-negative = 是负数
diag-days-not-half-step = 不是 0.5 个工作日的整数倍

## 未知编号。
diag-did-you-mean = 是否应为 `{ $id }`？否则请添加一个使用此编号的{ $a_kind }
diag-use-one-of = 请使用以下{ $kind }编号之一：{ $ids }
diag-use-existing = 请使用已有{ $kind }的编号，或新增一个
diag-list-separator = 、

## 情景文件开头：规模、版本、开始日期、日历。
diag-too-large =
    .help = 请检查文件是否按预期生成，或拆分为多个情景
    .items = 情景有 { $n } 个事项；permitflow 最多接受 { $max } 个
    .links = 情景有 { $n } 条前后置关系；permitflow 最多接受 { $max } 条
    .joint-groups = 情景有 { $n } 个联合办理组；permitflow 最多接受 { $max } 个
    .stages = 情景有 { $n } 个审批阶段；permitflow 最多接受 { $max } 个
    .regimes = 情景有 { $n } 种审批模式；permitflow 最多接受 { $max } 种
diag-version = 不支持情景文件版本 { $version }（本程序读取版本 { $supported }）
    .help = 请设置 `version = 1`，或升级 permitflow
diag-start-out-of-range = 开始日期 { $date } 不在 { $from } 至 { $to } 年之间
    .help = 请填写申请日期，例如 "2025-03-03"
diag-start-not-date = 开始日期 `{ $start }` 不是有效日期
    .help = 请按 YYYY-MM-DD 格式填写，例如 "2025-03-03"
diag-unknown-calendar = 未知的日历 `{ $calendar }`
    .help = 请使用 "cn"（中国法定节假日）或 "weekends"（周一至周五），并可用 `files` 添加 holiday-cn JSON 文件

## 审批阶段、事项、前后置关系。
diag-no-stages = 情景中没有审批阶段
    .help = 请至少添加一个 [[stages]] 表，写明 id、name 和 lead
diag-no-items = 情景中没有事项
    .help = 请添加 [[items]] 表，每个部门的事项一个
diag-unknown-stage = 未知的审批阶段 `{ $id }`
diag-unknown-item = 未知的事项 `{ $id }`
diag-unknown-regime = 未知的审批模式 `{ $id }`
diag-unknown-measure = 未知的改革措施 `{ $id }`
diag-unknown-group = 未知的联合办理组 `{ $id }`
diag-unknown-item-kind = 未知的事项类型 `{ $kind }`
    .help = 请使用 review、filing、applicant_work 或 utility_service
diag-bad-days = { $what } { $value } { $problem }
    .help = 请以工作日填写，步长为 0.5
    .help-limit = 请以工作日填写时限，步长为 0.5（例如 10 或 36.5）
    .help-joint = 请以工作日填写时限，步长为 0.5
    .help-offset = 请填写自项目开始起算的工作日数，步长为 0.5
    .help-filing = 请以工作日填写，步长为 0.5（通常为 0）
diag-days-what =
    .time-limit = 承诺时限
    .release = 最早可开始时间
    .deadline = 最迟完成时间
    .lag = 间隔
    .max-lag = 最大间隔
    .joint-limit = 联合办理时限
    .filing-time = 备案用时
    .target = 目标
diag-bad-return-rate = 退件补正率 { $rate } 不是小于 1 的概率
diag-bad-rework = 补正用时 { $days } 不是大于等于 0 的工期
diag-bad-rereview = 复审用时不是大于等于 0 的工期
diag-bad-returns =
    .help = rate 填 0 到 1 之间（不含 1）的比例（5.3% 即 0.053），correction_days（申请人补正用时）和 rework_days（复审用时）填工作日
diag-bad-predecessor = 无法读取前置事项 `{ $text }`：{ $problem }
    .help = 请写成 ID、ID+间隔、ID-间隔 或 ID:SS+间隔（类型 FS、SS、FF、SF；间隔以工作日计，加后缀 cd 则以自然日计：ID+3cd）
diag-unknown-link-type = 未知的关系类型 `{ $kind }`
    .help = 请使用 FS、SS、FF 或 SF
diag-unknown-predecessor = 未知的前置事项 `{ $id }`
diag-after-itself = 事项 `{ $id }` 不能排在自己之后
    .help = 请从它自己的 `after` 列表中删除它
diag-bad-lag = `{ $id }` 之后的{ $what } { $value } { $problem }
    .help = 请以工作日填写间隔，步长为 0.5
diag-max-lag-below-lag = `{ $id }` 之后的最大间隔 { $max_lag } 小于其间隔 { $lag }
    .help = 请使 max_lag 不小于 lag
diag-back-across-stages = `{ $to }` 排在 `{ $from }` 之后，但 `{ $to }` 属于审批阶段 `{ $to_stage }`，该阶段在审批阶段 `{ $from_stage }` 开始之前就已结束
    .help = 前后置关系不能跨阶段倒流：请把其中一个事项移到别的阶段，或反过来关联
diag-cycle = 前后置关系形成了循环：{ $path }
    .help = 请删除其中一个前置事项；“不晚于”可用最大间隔（max_lag）表达，不会形成循环

## 联合办理组。
diag-group-is-item = 联合办理组 `{ $id }` 与某个事项的编号相同
    .help = 联合办理以组编号报告：请给该组一个自己的编号
diag-group-empty = 联合办理组 `{ $id }` 没有事项
    .help = 请在要合并的事项上添加 `joint = "<组编号>"`，或删除该组
diag-group-member = `{ $id }` 属于 `{ $stage }`
diag-group-spans-stages = 联合办理组 `{ $id }` 跨越多个审批阶段：{ $detail }
    .help = 联合办理须在同一审批阶段内进行：请把这些事项移到同一阶段，或拆分该组

## 审批模式和改革措施。
diag-unknown-base = 未知的基本模式 `{ $base }`
    .help = 请使用 "serial"（串联审批）或 "parallel"（并联审批）
diag-unknown-measure-kind = 未知的改革措施类型 `{ $kind }`
    .help = 请使用 joint_review、notification_commitment、tolerance_acceptance、time_limit_compression、agent_service、regional_assessment、merged_stages、parallel_advance 或 online_submission
diag-field-not-applicable = `{ $field }` 不适用于 { $kind } 措施
    .help = { $kind } 措施的参数为 { $fields }
    .help-none = { $kind } 措施没有参数
diag-commitment-no-items = notification_commitment（告知承诺制）措施没有列出事项
    .help = 请添加 items = ["…"]：实行告知承诺后改为备案的审批事项
diag-tolerance-no-links = tolerance_acceptance（容缺受理）措施没有列出前后置关系
    .help = 请添加 links = [{"{"} from = "…", to = "…", lag = 0 {"}"}]
diag-compression-no-limits = time_limit_compression（压缩时限）措施没有列出时限
    .help = 请添加 limits = {"{"} <事项编号> = <新时限>, … {"}"}
diag-merge-too-few-stages = merged_stages（合并审批阶段）措施至少需要两个审批阶段
    .help = 请添加 stages = ["<第一个>", "<第二个>"]
diag-tolerance-no-such-link = 没有从 `{ $from }` 到 `{ $to }` 的完成—开始（FS）关系可供容缺受理
    .help = 请指定在 `to` 事项上以 `after = ["<from>"]` 写出的关系
diag-bad-new-limit = `{ $id }` 的新时限 { $value } { $problem }
    .help = 请以工作日填写，步长为 0.5

## 目标。
diag-stage-target-days-only = 阶段目标只约束该阶段的天数
    .help = 请只填写 approval_days、working_days 或 calendar_days，不填 trips、forms、materials 或 departments；这些请放在整个审批模式的目标中
diag-target-no-bound = 目标没有设定任何约束
    .help = 请至少填写 approval_days、working_days、calendar_days、trips、forms、materials、departments 之一

## CSV 事项清单。
diag-csv-empty = 文件是空的
    .help = 请写一行表头 `{ $header }`，每个事项一行
diag-csv-row-length = 该行有 { $cells } 个单元格，但表头有 { $columns } 列
    .help = 每行的单元格数须与列数相同；含逗号的单元格请加引号
diag-csv-syntax = 无法读取 CSV：{ $detail }
    .help = 请检查这一行的引号；含逗号或引号的单元格必须加引号
diag-csv-too-many-cells = 事项清单超过 { $max } 个单元格，这是 permitflow 能读取的上限
    .help = 请确认这是要读取的事项清单：每个事项一行，每个字段一列
diag-csv-too-many-items = 事项清单超过 { $max } 个事项，这是 permitflow 能读取的上限
diag-csv-too-many-row-cells = 该行超过 { $max } 个单元格，这是 permitflow 一行能读取的上限
diag-csv-columns = 必需的列为 { $required }，可选的列为 { $optional }
diag-csv-unknown-columns = { $n } 个未知的列：{ $names } 等，另有 { $more } 个
diag-csv-unknown-column = 未知的列 `{ $column }`
diag-csv-column-twice = 列 `{ $column }` 出现了两次
    .help = 请只保留其中一列
diag-csv-missing-column = 缺少列 `{ $column }`
    .help = 表头必须包含 { $required }（顺序不限）
diag-csv-not-number = { $what } `{ $value }` 不是数字
    .help = 请把{ $what }写成数字，例如 10 或 36.5
diag-csv-what =
    .time-limit = 承诺时限
    .floor = 时限下限
    .cost = 成本
    .min = 最短工期
    .likely = 最可能工期
    .max = 最长工期
    .return-rate = 退件补正率
    .rework = 补正用时
    .rereview = 复审用时
    .fee = 收费
diag-csv-days-empty = 承诺时限为空
    .help = 请以工作日填写时限，步长为 0.5
diag-csv-bad-materials = 申请材料 `{ $value }` 不是件数
    .help = 请填写申请人需提交的材料件数，例如 4
diag-csv-bad-joint-days = 联合办理时限 `{ $value }` 不是数字
    .help = 请写成 名称=天数，例如 drawings=7
diag-csv-joint-days-differ = 联合办理组 `{ $id }` 的时限分别写了 { $first } 和 { $second } 个工作日
    .help = 联合办理时限只写一次，或每行都写相同的值

## 项目组合。
diag-portfolio-too-large =
    .help = 请检查文件是否按预期生成，或拆分为多个项目组合
    .projects = 项目组合列出了 { $n } 个项目类型；permitflow 最多接受 { $max } 个
    .departments = 项目组合列出了 { $n } 个部门；permitflow 最多接受 { $max } 个
diag-portfolio-version = 不支持项目组合文件版本 { $version }（本程序读取版本 { $supported }）
diag-portfolio-no-name = 项目组合没有名称
    .help = 请为它命名，例如 `name = "中等城市"`
diag-portfolio-horizon = 模拟期 { $horizon } 不在大于 0、至多 { $max } 个工作日的范围内
    .help = 请填写要模拟的工作日数，例如一年为 `horizon = 250`
diag-portfolio-warmup = 预热期 { $warmup } 不在 0 至 { $max } 个工作日的范围内
    .help = 请填写模拟期之前先运行的工作日数（或省略 `warmup`）
diag-portfolio-arrivals = 各项目类型合计每年受理 { $per_year } 个项目；一个项目组合每年至多 { $max } 个
    .help = 请降低各项目类型的 `per_year`（或 `rate`）；规模很大的项目计划请拆成多个项目组合模拟
diag-portfolio-no-projects = 项目组合中没有项目类型
    .help = 请添加 [[projects]] 条目，写明 `scenario`、`regime` 以及 `per_year` 或 `rate`
diag-project-no-scenario = 情景文件路径为空
    .help = 请填写情景文件，路径相对于本项目组合文件
diag-project-no-regime = 审批模式为空
    .help = 请填写该情景中的一种审批模式，例如 `regime = "joint"`
diag-project-no-name = 第 { $n } 个项目类型没有名称
    .help = 请填写 `name`，或填写文件名可作名称的 `scenario` 路径
diag-project-twice = 项目类型 `{ $name }` 出现了两次（第 { $first } 和第 { $second } 条）
    .help = 每个项目类型的 `name` 须各不相同（同一情景可以不同名称、不同审批模式出现）
diag-project-two-rates = 同时给出了 `per_year` 和 `rate`
    .help = 请只保留一个：`per_year`（每年项目数）或 `rate`（每个工作日项目数）
diag-project-no-rate = 该项目类型没有受理频率
    .help = 请添加 `per_year = N`（每年项目数）或 `rate = N`（每个工作日项目数）
diag-project-bad-rate = `{ $key } = { $value }` 不在 0 至{ $unit } { $max } 个项目的范围内
    .help = 请填写受理的项目数（`per_year` 为每年，`rate` 为每个工作日）
    .per-year = 每年
    .per-day = 每个工作日
diag-department-no-name = 第 { $n } 个部门没有名称
    .help = 请按情景中事项所写的部门名称填写
diag-department-twice = 部门 `{ $name }` 出现了两次（第 { $first } 和第 { $second } 条）
    .help = 每个部门只列一次，写明其全部审批人员
diag-department-reviewers = 审批人员数 { $reviewers } 不是 1 至 { $max } 之间的整数
    .help = 请填写该部门可同时办理的审查件数；不限人手的部门请不要列出
diag-department-unknown = 未知的部门 `{ $name }`：项目组合中的情景都没有这个部门
    .did-you-mean = 是否应为 `{ $id }`？各情景中的部门有：{ $list }
    .help = 请按情景中事项所写的部门名称填写：{ $list }；情景中没有的部门不会被使用，而本意所指的部门仍按不限人手计算

## 节假日日历文件。
diag-calendar-unreadable = 无法读取日历：{ $detail }
    .help = 日历文件采用 holiday-cn 格式：{ $example }
diag-calendar-bad-date = `{ $date }`（{ $name }）不是有效日期
    .help = 日期请按 YYYY-MM-DD 格式填写
diag-calendar-year = 日历年份 { $year } 不在 { $from } 至 { $to } 之间
    .help = 一个节假日文件只含一年的节假日：`"year": 2027`
diag-calendar-outside-year = { $date }（{ $name }）不在该日历的年份 { $year } 内
    .help = 一个文件只含其 `year` 当年的日期（以及像 holiday-cn 那样，跨年节日落在相邻年份的日期）；请把 { $date } 放入 { $year } 年的文件，或更正日期
diag-calendar-both = { $date }（{ $name }）既列为休息日又列为工作日
    .help = 每个日期只列一次：法定节假日 `isOffDay` 为 true，调休上班日为 false
diag-calendar-contradiction = { $date } 在此为{ $kind }（{ $name }），但在 { $other } 中为{ $other_kind }（{ $other_name }）
    .help = 日历文件相互矛盾：请更正其中一个，或每年只指定一个文件
diag-calendar-day-kind =
    .off = 休息日
    .working = 工作日

## 前置事项的简写语法（接在“无法读取前置事项 `x`：”之后），以及申请材料。
diag-after-empty = 前置事项为空
diag-after-link-type = 未知的关系类型 `{ $kind }`（请使用 FS、SS、FF 或 SF）
diag-after-lag = 间隔 `{ $lag }` 不是工作日数（或加后缀 cd 的自然日数）
diag-after-no-id = 前置事项缺少事项编号
diag-materials-negative = 申请材料须为 0 或以上的件数，而不是 { $value }
diag-materials-too-large = 申请材料件数 { $value } 过大

## 求解：某审批模式为何无法排出进度计划、测算方案或模拟。
diag-solver-unknown-regime = 未知的审批模式 `{ $name }`；情景中有 { $known }
diag-solver-unknown-measure = 审批模式 `{ $regime }` 引用了未知的改革措施 `{ $measure }`
diag-solver-cancelled = 已取消
diag-solver-conflicting-measures = 改革措施 `{ $first }` 和 `{ $second }` 都设定了 `{ $item }` 的时限（分别为 { $first_days } 和 { $second_days } 个工作日）：请在该审批模式中只保留其一
diag-solver-bad-measure = 无法应用改革措施 `{ $measure }`：{ $reason }
diag-solver-cycle = 约束形成了循环：{ $path }
diag-solver-infeasible = 方案不可行：以下约束无法同时满足（合计要求比允许的多 { $excess } 个工作日）：{ $constraints }
diag-solver-lp = 线性规划求解失败：{ $detail }
diag-solver-no-item = 事项 `{ $id }` 不存在
diag-solver-no-link = 没有从 `{ $from }` 到 `{ $to }` 的完成—开始（FS）关系
diag-solver-no-stage = 审批阶段 `{ $id }` 不存在
diag-solver-horizon = 模拟期 { $horizon } 不是正的工作日数
diag-solver-warmup = 预热期 { $warmup } 不是大于等于 0 的工作日数
diag-solver-rate = 项目类型 `{ $name }` 的受理频率为 { $rate }，不是大于等于 0 的数
diag-solver-add-reviewer = 部门 `{ $name }` 没有列出审批人员（未列出的部门不限人手）；请列出该部门及其审批人员，或从以下部门中选择：{ $known }
diag-solver-lp-inconsistent = 线性规划报告不可行，但各约束均成立
diag-solver-plan-lp-infeasible = 方案测算的线性规划不可行，而现行时限是可行的
    .at = 方案测算的线性规划在 { $target } 时不可行，而现行时限是可行的
diag-solver-plan-infeasible = 方案测算不可行，而现行时限是可行的
    .at = 方案测算在 { $target } 时不可行，而现行时限是可行的
diag-solver-plan-unbounded = 方案测算无界
diag-solver-sensitivity = `{ $id }` 的敏感性计算未收敛（总用时对其不是凸的）

## 不可行方案中的约束，每条一句。
diag-solver-working-days = { $n ->
   *[other] { $days } 个工作日
}
diag-solver-point =
    .starts = 开始
    .finishes = 完成
diag-solver-origin-link = 前后置关系 { $from } → { $to }
diag-solver-origin =
    .tolerance = 容缺受理
    .serial = 串联审批：各部门依次办理
    .stage-gate = 阶段关口：统一出件
diag-solver-bound-max = { $to } 须在 { $from } { $verb_from }后至多 { $days }内{ $verb_to }（最大间隔；{ $why }）
diag-solver-bound-min = { $to } 须在 { $from } { $verb_from }后至少 { $days }才能{ $verb_to }（{ $why }）
diag-solver-bound-release = { $id } 最早在第 { $offset } 个工作日开始（最早可开始时间）
    .start = { $id } 不能早于项目开始
diag-solver-bound-deadline = { $id } 须在第 { $offset } 个工作日前完成（最迟完成时间），办理需要 { $days }

## What a checked target measured (solver::describe_target).
diag-target-no-schedule = 审批模式 `{ $regime }` 无可行进度
diag-target-measured = { $what } { $figure } { $op } { $bound }
diag-target-working-days = { $n ->
       *[other] 工作日
    }
diag-target-stage-working-days = 阶段 { $stage } 工作日
diag-target-stage-absent = 该模式下阶段 { $stage } 没有事项
diag-target-trips = { $n ->
       *[other] 跑动次数
    }
diag-target-forms = { $n ->
       *[other] 表单数
    }
diag-target-materials = { $n ->
       *[other] 申请材料数
    }
diag-target-departments = { $n ->
       *[other] 部门数
    }
diag-target-separator = ；

# --- two clocks (fmt) ---
diag-unknown-clock = 未知的时钟类型 `{ $value }`
diag-unknown-unit = 未知的计量单位 `{ $value }`
diag-clock-allowed = { $names }（事项清单中也可写 { $names_zh }）
diag-clock-did-you-mean = 是否想写 `{ $value }`？可用的值：{ $allowed }
diag-clock-use-one-of = 请使用以下之一：{ $allowed }
diag-bad-fee = 收费 { $fee } 不是大于等于 0 的金额（元）
    .help = 请以元填写收费，大于等于 0：fee = 1200，或写成带 value 和 source 的表
diag-clock-what =
    .time-limit = 承诺时限
    .floor = 时限下限
    .spread = 工期分布
    .lag = 间隔
    .max-lag = 最大间隔
    .target = 目标
diag-calendar-not-whole = { $what } { $value } 以自然日计，须为整数天
    .help = 请填写整数个自然日（例如 10），或改以工作日计（unit = "working"，间隔不加 cd）
diag-calendar-joint = 以自然日计的事项不能加入联合办理组 `{ $group }`
    .help = 联合办理以工作日计：请将该事项改为以工作日计（unit = "working"），或将其移出该组
diag-returns-ambiguous = 只有 `rework_days` 而没有 `correction_days`，含义不明
    .help = 申请人补正用时（审批计时暂停；旧文件称 rework_days）请写 correction_days，复审用时（计时继续）请写 rework_days
diag-returns-rework-twice = rework_days 和 rereview_days 都给出了复审用时
    .help = 请只保留一个：rework_days（rereview_days 是其旧名称）
diag-target-two-measures = 目标同时约束了 { $first } 和 { $second }
    .help = 一个目标只约束一种天数：approval_days、working_days 或 calendar_days；另一种请放在单独的目标中
diag-target-bad-range = 无法读取范围 `{ $text }`
    .help = 范围请写成文本 "下限..上限"，例如 { $key } = "36.5..54"
diag-target-range-order = 范围 `{ $text }` 的下限 { $min } 大于上限 { $max }
    .help = 请先写较小的数

# --- two clocks (dated) ---
diag-solver-calendar-lp = 线性规划校核（`--method lp`）只按工作日计算，而 `{ $item }` 按自然日计：请使用默认方法（paths），它按日历精确排布自然日
diag-solver-calendar-plan = `{ $item }` 按自然日计，脱离日历的网络无法安排它：请连同日历规划整个情景（`permitflow plan`，或带情景日历的 `plan_on`）
diag-target-approval-days = { $n ->
       *[other] 审批用时
    }
diag-target-calendar-days = { $n ->
       *[other] 自然日
    }
diag-target-stage-approval-days = 阶段 { $stage } 审批用时
diag-target-stage-calendar-days = 阶段 { $stage } 自然日
diag-target-in-range = { $what } { $figure } 在 { $min }..{ $max } 之内
diag-target-out-of-range = { $what } { $figure } 不在 { $min }..{ $max } 之内
diag-solver-calendar-days = { $n ->
   *[other] { $days } 个自然日
}

# --- two clocks (ms) ---
diag-word-milestone = 里程碑
    .a = 里程碑
diag-milestone-unknown-at = 未知的里程碑时点 `{ $value }`
    .help = 里程碑在其事项办结或开始时达到：请写 at = "finish"（默认，办结时）或 at = "start"（开始时）

# --- two clocks (sim) ---

# --- two clocks (simcal) ---
diag-solver-calendar-returns = `{ $item }` 按自然日计、计入审批用时，且退回后补正期间停止计时：模拟尚不能在日历上切分其审查与补正时段。请改为按工作日计、改为其他计时类型，或用 `centre`，它能精确排布

# --- rules ---
diag-word-attribute = 项目属性
    .a = 项目属性
# --- end rules ---
# --- measures ---
diag-agent-nothing = agent_service（帮办代办）措施没有改变任何内容
    .help = 请添加 items = ["…"] 和 factor = 0.5（代办缩短的申请人事项），或 limits = {"{"} 事项 = 天数 {"}"}，或 returns_factor = 0.5（减少退件）
diag-agent-items-factor = agent_service（帮办代办）措施只给了 items 或只给了 factor
    .help = 请同时给出 items = ["…"] 和 factor = 0.5（这些事项的用时乘以该系数）
diag-agent-bad-factor = { $field } = { $value } 不是 0 到 1 之间的比例
    .help = 请写成比例，例如 0.5（factor 须大于 0，returns_factor 可为 0）
diag-agent-not-applicant = `{ $id }` 不是申请人自己的工作：帮办代办只缩短申请人事项
    .help = 请列出 clock = "applicant" 或 kind = "applicant_work" 的事项；缩短部门时限请用 time_limit_compression
diag-verification-late = 核查需要 { $days } 个工作日，超过其期限 { $deadline }
    .help = 请让 deadline_days 不少于核查的天数
diag-verification-rate = 核查的 failure_rate { $rate } 不是小于 1 的概率
    .help = 请把 failure_rate 写成 0 到 1 之间（不含 1）的比例（5% 写作 0.05）
diag-solver-origin-verification = 告知承诺后的核查，须在期限内完成
# --- end measures ---
# --- region21 ---
diag-regional-nothing = regional_assessment（区域评估）措施没有列出事项
    .help = 请添加 drop = ["…"]（区域评估已覆盖、不再单独办理的评估事项）和/或 commit = ["…"]（改为告知承诺的事项）
diag-regional-twice = `{ $id }` 在该 regional_assessment 措施中列出了两次
    .help = 每个事项只列一次：列入 drop（不再办理）或 commit（告知承诺）
diag-regional-no-attribute = regional_assessment（区域评估）措施依据项目属性 `{ $name }` 生效，但情景没有声明该属性
    .help = 请在 [project] 中添加 `{ $name } = false`（或 true）；位于已评估区域的项目用 --attr { $name }=yes 指定
diag-regional-attribute-kind = 项目属性 `{ $name }` 的类型为{ $kind }，而 regional_assessment 措施要求它为是/否
# --- end region21 ---
