## permitflow catalogue: model, zh-CN.
## Keys start with "model-". Every key exists in both languages (a test checks).

model-regime-serial = 串联审批
model-regime-parallel = 并联审批
model-regime-joint = 并联审批＋联合审查
model-regime-serial-description = 改革前：各部门依次串联审批
model-regime-parallel-description = 每个阶段一个窗口统一受理，审批事项并联办理
model-regime-joint-description = 并联审批，并实行联合审查
model-measure-joint_review = 联合审查
model-measure-notification_commitment = 告知承诺制
model-measure-tolerance_acceptance = 容缺受理
model-measure-time_limit_compression = 压缩审批时限
model-measure-merged_stages = 合并审批阶段
model-measure-online_submission = 网上申报

# Names in two languages in scenario files (model/src/format/read/labels.rs).
model-label-twice = `{ $field }` 与 `name` 表对同一语言给出了不同的名称
    .help = 每种语言只写一次：或写 `name = { "{" } zh = "…", en = "…" {"}"}`，或在普通 `name` 旁写 `label_zh` / `label_en`
model-description-twice = `{ $field }` 与 `description` 表对同一语言给出了不同的说明
    .help = 每种语言只写一次：或写 `description = { "{" } zh = "…", en = "…" {"}"}`，或在普通 `description` 旁写 `description_zh` / `description_en`
model-department-unknown = `[departments]` 中的 `{ $name }` 不是任何事项、阶段牵头部门或联合组使用的部门
    .help = `[departments]` 的键是事项所用的部门名称（`department = "…"`）；请更正名称或删除该条目
    .closest = 是否指 `{ $name }`？`[departments]` 的键是事项所用的部门名称

# The description of a scenario read from an item list (in the language of its header).
model-imported-from = 由 CSV 事项清单 { $file } 导入。

# The comment at the top of a scenario file written by `permitflow import` (in the language of
# the item list's header).
model-import-header = # 由 permitflow 从 { $file } 导入。请按需补充来源、改革措施、审批模式和目标。

# --- calibrate ---
model-log-place-line = 第 { $line } 行
model-log-place-event = 第 { $trace } 条轨迹第 { $event } 个事件
model-log-missing = 缺少 { $column }
model-log-unknown-event = 未知环节 `{ $event }`：请用 受理、挂起、恢复、退件、补正提交 或 办结（received、suspended、resumed、returned、resubmitted、completed）
model-log-bad-time = 时间 `{ $time }` 不是 ISO 日期（2025-03-03）或日期时间（2025-03-03T09:00）
model-log-time-range = 时间 `{ $time }` 不在 { $first } 年至 { $last } 年之间
model-log-unknown-item = 事项 `{ $item }` 不在情景中
model-log-before-received = 事项受理之前出现 { $event }
model-log-completed-before-received = 办结早于受理
model-log-received-twice = 重复受理
model-log-out-of-order = 早于该事项的上一个环节
model-log-overlapping = 已挂起或退件时又出现 { $event }
model-log-nothing-to-end = { $event } 没有对应的挂起或退件
model-log-completed-while-stopped = 挂起或退件期间办结
model-log-after-completed = 事项办结之后出现 { $event }
model-log-empty = 事件日志为空
model-log-columns =
    .help = 事件日志的 CSV 表头应为 案件编号,项目类型,事项,部门,环节,时间（或 case,project_type,item,department,event,time）
model-log-csv-syntax = 事件日志不是有效的 CSV：{ $error }
model-log-too-many-columns = 表头有 { $n } 列；事件日志最多 { $max } 列
model-log-missing-columns = 表头缺少列 { $missing }（现有：{ $found }）
model-log-too-many-records = 事件日志超过 { $max } 条记录，超出 permitflow 的读取上限
model-log-too-many-items = 事件日志涉及的事项超过 { $max } 个，超出 permitflow 的读取上限
model-log-too-many =
    .help = 请按年份或区县拆分日志，分别校准
model-log-xml = XES 日志不是格式正确的 XML：{ $error }
model-log-not-xes = 不是 XES 日志：文档根元素是 <{ $found }>，不是 <log>
model-log-xes =
    .help = XES 日志（IEEE 1849）是由 <trace> 元素组成的 <log>，每个案件一条轨迹，内含 <event> 元素

# --- rules ---
model-rules-kind-number = 数值
model-rules-kind-text = 文本
model-rules-kind-yes-no = 是/否
model-rules-expr-bang = 单独的 `!` 无意义：请写 `not`，或用 `!=` 表示“不等于”
model-rules-expr-unclosed-text = 引号中的文本没有结束
model-rules-expr-bad-number = `{ $text }` 不是数值
model-rules-expr-bad-char = `{ $char }` 在条件中无意义
model-rules-expr-too-long = 条件超过 { $max } 个字符
model-rules-expr-too-deep = 括号嵌套超过 { $max } 层
model-rules-expr-empty = 条件为空
model-rules-expr-trailing = 此处应为 `and`、`or` 或条件结束
model-rules-expr-expected-close = 此处应为 `)`
model-rules-expr-expected-value = 比较符之后应为数值、"带引号的文本"、yes 或 no
model-rules-expr-unexpected-end = 条件在应出现属性名或 `(` 处结束
model-rules-expr-expected-name = 此处应为属性名、`not` 或 `(`
model-rules-expr-flag-not-yes-no = `{ $name }` 是{ $kind }属性：请写比较（如 `{ $name } >= 1000`），不能单独使用
model-rules-expr-wrong-type = `{ $name }` 是{ $kind }属性，不能与 { $value } 比较（`{ $op }`）
model-rules-expr-no-order = `{ $name }` 是{ $kind }属性：只能用 `=` 和 `!=` 比较，不能用 `{ $op }`
model-rules-attr-syntax = `--attr { $text }`：请写成 名称=值
model-rules-attr-unknown-none = 未知的项目属性 `{ $name }`：该情景未声明任何属性（`[project]` 表，或事项清单的 适用条件 列）
model-rules-attr-unknown = 未知的项目属性 `{ $name }`；该情景的属性为：{ $known }
model-rules-attr-bad-value = 项目属性 `{ $name }` 是{ $kind }，`{ $value }` 不是
model-rules-attr-missing = 项目属性 `{ $name }` 没有默认值：请用 --attr { $name }=值 给出
model-rules-attr-bad-name = `{ $name }` 不能作为属性名
    .help = 请用字母、数字和 `_`，不以数字开头，且不是 and、or、not、yes、no、true、false
model-rules-attr-bad-type = 项目属性 `{ $name }` 的类型 `{ $kind }` 无法识别
model-rules-attr-type-mismatch = 项目属性 `{ $name }` 声明为{ $kind }，但其值为 { $value }
model-rules-attr-no-value = 项目属性 `{ $name }` 既无 `value` 也无 `type`
model-rules-attr-table-help = 写成 `名称 = 值`，或 `名称 = {"{"} value = 值, unit = "m²", name = {"{"} zh = "…", en = "…" {"}"} {"}"}`，或 `{"{"} type = "number" {"}"}`（也可为 "text"、"yes/no"）表示须由 --attr 给出
model-rules-bad-when = 条件 `{ $text }` 无法使用：{ $problem }
    .help = 请写比较 `名称 < <= > >= = != 值`（数值、"带引号的文本"、yes 或 no），用 and、or、not 和括号组合，例如 `underground_area >= 1000 and investment = 'social'`
model-rules-unknown-attribute = 条件 `{ $text }` 中的 `{ $name }` 不是项目属性
    .help-declare = 请在 `[project]` 中声明它及其默认值，例如 `{ $name } = 0`
model-rules-bridge-mixed-units = 被略去的事项连接了按工作日和按自然日计的滞后：桥接后的滞后按工作日合计
model-rules-group-dissolved = 联合组 `{ $group }` 剩余事项少于两项，已解散
model-rules-measure-emptied = 改革措施 `{ $measure }` 已无作用对象，已略去
model-rules-milestone-dropped = 里程碑 `{ $milestone }` 位于 `{ $item }`，该事项不适用于本项目：已略去
# --- end rules ---
# --- measures ---
model-measure-parallel_advance = 并行推进
model-measure-agent_service = 帮办代办
# --- end measures ---
# --- family21 ---
model-rules-variant-unknown-none = 未知的变体 `{ $id }`：该情景没有 `[[variants]]`
model-rules-variant-unknown = 未知的变体 `{ $id }`；该情景的变体为：{ $known }
model-variants-too-many = 共 { $count } 个变体：最多读取 { $max } 个
    .help = 只保留该类项目中有名的几个项目；其他取值请在脚本中用 --attr 扫描
model-variants-bad-id = `{ $id }` 不能作为变体编号
    .help = 编号只用字母、数字、`_` 和 `-`（用于 --variant 编号 和 file.toml#编号）
model-variants-duplicate = 文件前面已有变体 `{ $id }`
    .help = 每个变体使用各自的编号
model-variants-unknown-attribute = 变体 `{ $id }` 设置了 `{ $name }`，它不是项目属性
    .help-declare = 先在 `[project]` 中声明该属性及其默认值
model-variants-wrong-type = 变体 `{ $id }` 将{ $kind }属性 `{ $name }` 设为 { $value }
    .help = 按 `[project]` 声明的类型给值（数字、"带引号的文本" 或 true/false）
# --- end family21 ---
# --- region21 ---
model-measure-regional_assessment = 区域评估
model-rules-regional-outside = 改革措施 `{ $measure }`（区域评估）不适用：项目不在已完成区域评估的区域内（{ $name } = 否）
# --- end region21 ---
