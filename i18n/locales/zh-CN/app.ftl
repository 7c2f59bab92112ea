## permitflow catalogue: app, zh-CN.
## Keys start with "app-". Every key exists in both languages (a test checks).


## 诊断信息的输出格式（信息本身在 diag.ftl）
app-diag-error = 错误
app-diag-error-line = 错误：{ $message }
app-diag-help = 建议：{ $text }
app-diag-in = 涉及：{ $subject }
app-diag-more = … 另有 { $more } 个问题（共 { $n } 个，只显示前 { $shown } 个）
app-diag-found = 在 { $file } 中发现 { $n } 个问题
app-diag-the-input = 输入

## 日历警告（标准错误输出；CSV 的 `calendar` 列保持英文）
app-calendar-warning = 警告：
app-calendar-provisional = { $calendar } 日历中 { $years } 年的节假日为暂定：只含法定节假日，不含国务院通知将公布的调休放假和调休上班日。
app-calendar-uncovered = { $calendar } 日历没有 { $years } 年的节假日数据：这些年份只按周末计算。
app-calendar-fix = 请用 `--calendar FILE`、在 $PERMITFLOW_CALENDAR_DIR 中或在 `calendar.files` 下添加该年官方的 holiday-cn JSON 文件。
app-calendar-short-provisional = 节假日暂定 { $years }
app-calendar-short-uncovered = 无节假日数据 { $years }
app-calendar-short-separator = ；

## 目标检查：测得的数值

## 结果表（模拟、改革方案测算、审批中心）
app-col-regime = 审批模式
app-col-deterministic = 确定值
app-col-mean = 平均
app-col-min = 最小
app-col-max = 最大
app-col-item = 事项
app-col-limit-now = 现时限
app-col-new-limit = 新时限
app-col-days-cut = 压缩天数
app-col-cost = 成本
app-col-working-days = 工作日
app-col-least-cost = 最低成本
app-col-added-in-order = 依次增加的措施
app-col-working-days-after = 增加后工作日
app-col-saves = 节省
app-col-removed = 从完整模式中去掉
app-col-working-days-without = 去掉后工作日
app-col-it-saves = 该措施节省
app-col-limit = 时限
app-col-saved-per-day = 每压缩一天项目节省的工作日
app-col-for-up-to = 有效范围
app-col-then = 之后
app-until-other-path = 另一条路径成为关键路径
app-until-zero = 该事项时限降为 0
app-until-infeasible = 将违反上限约束
app-col-project-type = 项目类型
app-col-arrived = 受理数
app-col-waiting = 等待
app-col-statutory = 法定时限
app-col-within-statutory = 法定时限内办结
app-col-within-targets = 目标内办结
app-col-department = 部门
app-col-reviewers = 审批人员
app-col-utilisation = 利用率
app-col-busy = 在办
app-col-mean-queue = 平均排队
app-col-mean-wait = 平均等待
app-col-reviews = 审查件数
app-col-reviewers-now = 现有审批人员
app-col-p80-saved = P80 节省
app-col-mean-saved = 平均节省
app-col-utilisation-change = 利用率（前 → 后）
app-centre-title = { $portfolio } — { $label }：{ $replications } 次重复，每次 { $horizon } 个工作日（预热 { $warmup } 天），随机数种子 { $seed }
app-centre-title-reviewer = ，{ $department } 增加一名审批人员
app-centre-key-project = { $name }（重点）
app-centre-projects-note = （办理用时和等待时间以工作日计；受理数为每次重复的平均值）
app-centre-unlimited = 不限
app-centre-summary = 吞吐量 每工作日 { $throughput } 个项目 · 瓶颈部门：{ $bottleneck } · 在办项目平均 { $wip } 个（最多 { $max } 个）
app-centre-no-bottleneck = 无（没有部门饱和）
app-staffing-title = 增加一名审批人员：效果最大的部门（P80 办理用时的节省，按受理数对项目类型加权平均）

## 无法完成的请求
app-unknown-regime = { $file }：没有名为 `{ $regime }` 的审批模式
    .help = 可用的审批模式：{ $regimes }
app-list-separator = 、
app-simulate-failed = { $file }：审批模式 `{ $regime }` 无法模拟：{ $error }
app-plan-failed = { $file }：审批模式 `{ $regime }` 无法测算：{ $error }
app-bad-target = `--target { $target }` 不是工作日数
app-centre-no-run = 没有要运行的模拟
app-centre-portfolio-regimes = 项目组合设定的审批模式

## 情景库页面（Markdown）
app-library-folder-unreadable = 无法读取文件夹 { $dir }：{ $error }
app-library-title = 情景库
app-library-intro = 本页由 `permitflow library scenarios -o scenarios/README.md` 根据本文件夹中的情景文件生成，请勿手工编辑（页面过时会使测试失败）。审批用时为官方统计口径（审批计时的工作日数）；全流程工作日和自然日为各审批模式下实际经历的时间；跑动次数、表单数和申请材料为申请人需要面对的数量。情景文件中的每个数字都注明出处，无公开数字的标为 `assumed`（假设）。
app-library-scenarios = 情景
app-library-figures = 公开数字和目标与本工具计算结果的对照
app-library-figures-intro = *公开数字*必须准确重现；*假设数字*是出处没有给出具体数字时（例如“200+”）的精确替代值；*目标*是上限。
app-library-col-file = 文件
app-library-col-scenario = 情景
app-library-col-regimes = 审批模式
app-library-col-sources = 出处
app-library-col-figure = 数字
app-library-col-kind = 类型
app-library-col-regime = 审批模式
app-library-col-source = 出处
app-library-col-holds = 是否成立
app-library-invalid = **无效**：{ $error }
app-library-result = { $regime } 审批用时 **{ $approval }** 个工作日，全流程 { $days } 个工作日、{ $calendar } 个自然日，跑动 { $trips } 次，表单 { $forms } 张，申请材料 { $materials } 份
app-library-no-schedule-of = { $regime }：无可行进度
app-library-no-schedule = 无可行进度
app-library-kind-assumed = 假设数字
app-library-kind-published = 公开数字
app-library-kind-target = 目标

## 批量运行（标准输出上的汇总；CSV、JSON 和 JUnit 保持英文）
app-batch-summary = { $files } 个情景文件，{ $results } 个审批模式结果：{ $pass } 个达标，{ $fail } 个未达标，{ $ok } 个无目标，{ $infeasible } 个无可行进度，{ $invalid } 个无效文件
app-batch-fail = 未达标 { $file } [{ $regime }]：{ $why }
app-batch-infeasible = 无可行进度 { $file } [{ $regime }]：{ $error }
app-batch-invalid = 无效 { $file }：{ $error }
app-bad-shard = `--shard { $shard }`：请写成 K/N，1 ≤ K ≤ N，例如 2/4
app-not-results = { $place }：不是 permitflow 结果文件：{ $error }

## 读取文件
app-load-unsupported = 不支持的文件类型
    .help = permitflow 读取情景文件（.toml、.json）和事项清单（.csv、.xlsx）；`-` 表示从标准输入读取
app-load-calendar-files-of = { $file } 的 calendar.files
app-load-file-too-large = 文件大小为 { $mb } MB；permitflow 读取的输入文件最大为 { $limit } MB
    .help = 请确认这是你要用的情景或事项清单；很大的情景库请拆分成多个文件
app-load-not-utf8 = 文件不是 UTF-8 文本
    .help = 请另存为 UTF-8（Excel 中选“CSV UTF-8”）；GBK 编码的文件须先转换
app-load-unreadable = 无法读取文件：{ $error }
    .help = 请检查路径以及是否有读取权限
app-load-input-too-large = 输入超过 { $limit } MB，即 permitflow 读取的上限；已在此处停止读取
    .help = 请确认这是你要用的情景或事项清单（而不是设备、永不结束的管道或巨大的导出文件）；很大的情景库请拆分成多个文件
app-load-calendar-dir-unreadable = 无法读取日历文件夹：{ $error }
    .help = 请把 { $var } 设为存放 holiday-cn 文件（cn-2027.json 或 2027.json）的文件夹，或取消该设置
app-portfolio-unknown-regime = { $file }：项目类型 `{ $project }`：情景 { $scenario } 没有名为 `{ $regime }` 的审批模式

## 写入文件
app-write-over-input = { $out } 是本命令的输入文件（{ $input }）；写入会破坏它
    .help = 请换一个输出文件
app-write-same-output = { $first } 和 { $second } 是同一个文件：一个输出会覆盖另一个
    .help = 请为每个输出指定不同的文件
app-write-failed = 无法写入 { $file }：{ $error }
    .help = 请检查文件夹是否存在、是否可写
app-chart-format = { $file }：图表只能写成 .svg 或 .png
app-chart-failed = 无法绘制 { $file }：{ $error }

## 合并批量运行的分片结果
app-shard-empty-help = 没有情景的分片仍有表头行（CSV）或 `[]`（JSON）；批量运行是否被中断？请重新运行该分片
app-shard-empty-csv = 分片为空：连表头行都没有
app-shard-empty-json = 分片为空：连 `[]` 都没有
app-shard-not-results = 不是 permitflow 结果文件：{ $error }
    .help = merge 读取 `permitflow batch --shard K/N --out FILE` 写出的表；请重新运行该分片，不要手工编辑结果表
app-shard-also-as = （也以 { $file } 的名称给出）
app-shard-twice = { $file }：同一分片给出了两次{ $also }
    .help = 每个分片的结果文件只给一次
app-shard-column = 第 { $n } 列为 `{ $got }`，应为 `{ $expected }`
app-shard-columns = 共 { $got } 列，应为 { $expected } 列
app-shard-in-header = 表头中{ $detail }
app-shard-header-help = 表头应为 `{ $header }`；{ $help }
app-shard-keys-help = 键应为 { $keys }；{ $help }
app-shard-expected-list = 应为行的列表 `[...]`
app-shard-row-not-object = 第 { $n } 行不是对象
app-shard-unknown-key = 第 { $n } 行：未知的键 `{ $key }`
app-shard-missing-key = 第 { $n } 行：缺少键 `{ $key }`
app-shard-row-error = 第 { $n } 行：{ $error }
app-shard-listed-twice = `{ $file }` 在审批模式 `{ $regime }` 下出现了两次（另见第 { $line } 行）
app-shard-overlap = `{ $file }` 也在 { $other } 中（第 { $line } 行）：分片有重叠
    .help = 合并同一次运行的各分片，每个一次（同一情景库的 `--shard 1/N` … `N/N`）
app-shard-unknown-status = 未知状态 `{ $status }`；结果行的状态应为 { $statuses } 之一

## 导出
app-mspdi-failed = 无法写入 MSPDI 文件：{ $error }
app-mspdi-dates-help = 请调整情景的 `start`（或 `--start`），使进度计划落在 1984-01-01 至 2149-12-31 之间，或导出为不限日期的 csv 或 json
app-batch-bad-pattern = `{ $pattern }` 不是有效的通配符模式：{ $error }
app-batch-no-match = `{ $pattern }` 没有匹配到任何文件
app-batch-not-found = { $path }：没有这个文件或文件夹
    .help = 请检查路径

# --- two clocks (out) ---
app-assumed-note = { $m } 个数据中有 { $n } 个为假设值
app-figure-days = 承诺时限
app-figure-floor = 时限下限
app-figure-fee = 费用（元）
app-library-col-assumed = 假设值

# --- two clocks (ms) ---
app-effect-milestone-removed = 里程碑“{ $name }”随之删除（它在该事项达到）
app-milestone-col-milestone = 里程碑
app-milestone-col-regime = 审批模式
app-milestone-col-date = 日期
app-milestone-col-approval-days = 审批用时（工作日）
app-milestone-col-working-days = 累计工作日
app-milestone-col-calendar-days = 累计自然日
app-milestone-col-vs-baseline-working = 较串联审批（工作日）
app-milestone-col-vs-baseline-calendar = 较串联审批（自然日）
app-milestone-no-schedule = 无可行进度
app-milestone-col-days =
    累计天数
    审批/工作日/自然日
app-milestone-col-vs-baseline =
    较串联
    工作日/自然日

# --- two clocks (sim) ---
app-col-sim-measure = 口径
app-sim-approval-days = 审批用时（工作日）
app-sim-working-days = 全流程用时（工作日）
app-sim-calendar-days = 全流程用时（自然日）
app-col-centre-approval-mean = 审批用时平均
app-col-centre-approval-p80 = 审批用时 P80
app-col-centre-approval-p95 = 审批用时 P95
app-centre-target-approval = 审批用时 { $bound }
app-centre-target-calendar = 自然日 { $bound }
app-centre-not-simulated = 未模拟
app-centre-clocks-note = （平均、P80、P95：自申请至办结的全流程用时；审批用时：部门持有材料的工作日，含排队等待，不含退回后申请人补正的时间）
# --- calibrate (fitted output) ---
app-calibrate-fit-failed = 无法写出由 { $file } 拟合的情景：{ $why }
    .help = 请检查日志中的事项和部门名称；使用 --scenario 时，基础情景须能单独载入

# --- loggen ---
app-log-cases = 无法生成 { $cases } 个案件的日志：案件数须为 1 至 { $max }
    .help = 请为 --log-cases 指定 1 至 { $max } 之间的数
app-log-days = 无法在 { $days } 天内生成到件：天数须为 1 至 { $max }
    .help = 请为 --log-days 指定 1 至 { $max } 之间的自然日数
app-log-failed = { $file }：无法按审批方式 `{ $regime }` 生成日志：{ $error }
app-log-records = 生成到第 { $cases } 个案件时日志已超过 { $max } 条记录，超出 calibrate 可读取的上限
    .help = 请减少案件数（--log-cases）
app-calibrate-no-type = { $file } 中没有项目类型为“{ $project_type }”的记录
    .help = 其项目类型：{ $types }
# --- calgui ---
app-edit-adopt-fit = 已采用 { $file } 的拟合数值（实测 { $items } 个事项）
app-calibrate-unknown-regime = 拟合后的情景没有名为“{ $regime }”的模式
    .help = 其模式：{ $regimes }
# --- versions ---
app-diff-working-days = { $days } 个工作日
app-diff-calendar-days = { $days } 个自然日
app-diff-start = 申请日期 { $from } → { $to }
app-diff-calendar = 日历 { $from } → { $to }
app-diff-stage-added = 新增审批阶段「{ $name }」
app-diff-stage-removed = 删除审批阶段「{ $name }」
app-diff-stage-renamed = 审批阶段「{ $from }」改名为「{ $to }」
app-diff-stage-lead = 审批阶段「{ $name }」的牵头部门 { $from } → { $to }
app-diff-item-added = 在「{ $stage }」新增审批事项「{ $name }」（{ $days }）
app-diff-item-removed = 删除审批事项「{ $name }」
app-diff-item-renamed = 审批事项「{ $from }」改名为「{ $to }」
app-diff-item-limit = 「{ $name }」的时限 { $from } → { $to }
app-diff-item-limit-unit = 「{ $name }」的时限 { $from } → { $to }
app-diff-item-floor = 「{ $name }」的最短时限 { $from } → { $to } 个工作日
app-diff-item-fee = 「{ $name }」的收费 { $from } → { $to } 元
app-diff-item-cost = 「{ $name }」的压缩时限成本 { $from } → { $to }（每工作日）
app-diff-item-department = 「{ $name }」的实施部门 { $from } → { $to }
app-diff-item-stage = 「{ $name }」从「{ $from }」移到「{ $to }」
app-diff-item-field = 「{ $name }」的{ $field } { $from } → { $to }
app-diff-item-other = 「{ $name }」的其他信息有变化（波动、退回、日期或备注）
app-diff-field-kind = 类型
app-diff-field-clock = 计时
app-diff-field-forms = 表单数
app-diff-field-materials = 材料数
app-diff-link-shape = { $kind }，间隔 { $lag }
app-diff-link-added = 新增前后关系「{ $from }」→「{ $to }」
app-diff-link-removed = 删除前后关系「{ $from }」→「{ $to }」
app-diff-link-changed = 前后关系「{ $from }」→「{ $to }」：{ $before } → { $after }
app-diff-group-added = 新增联合审查组「{ $name }」（{ $n } 个事项）
app-diff-group-removed = 删除联合审查组「{ $name }」
app-diff-group-joined = { $items } 加入联合审查组「{ $name }」
app-diff-group-left = { $items } 退出联合审查组「{ $name }」
app-diff-group-days = 联合审查组「{ $name }」的时限 { $from } → { $to } 个工作日
app-diff-group-other = 联合审查组「{ $name }」有变化（最短时限、部门、成本或波动）
app-diff-measure-added = 新增改革措施「{ $name }」
app-diff-measure-removed = 删除改革措施「{ $name }」
app-diff-measure-changed = 改革措施「{ $name }」的适用范围有变化
app-diff-regime-added = 新增审批模式「{ $name }」
app-diff-regime-removed = 删除审批模式「{ $name }」
app-diff-regime-base = 审批模式「{ $name }」的基础方式 { $from } → { $to }
app-diff-regime-measure-added = 审批模式「{ $regime }」加入改革措施「{ $measure }」
app-diff-regime-measure-removed = 审批模式「{ $regime }」去掉改革措施「{ $measure }」
app-diff-target-added = 新增目标「{ $name }」（{ $regime }）
app-diff-target-removed = 删除目标「{ $name }」（{ $regime }）
app-diff-target-days = 目标「{ $name }」（{ $regime }）{ $from } → { $to } 天
app-diff-target-changed = 目标「{ $name }」（{ $regime }）有变化
app-diff-milestone-added = 新增里程碑「{ $name }」
app-diff-milestone-removed = 删除里程碑「{ $name }」
app-diff-milestone-changed = 里程碑「{ $name }」有变化
# --- end versions ---

# --- rules ---
app-attr-error = { $file }：{ $problem }
    .help = 请用 --attr 名称=值 给出该情景的项目属性（情景文件的 [project]，或事项清单 适用条件 列中的名称），值的类型须一致：数值、文本或 是/否
    .missing = 事项清单不声明默认值：请给出 适用条件 列中用到的每个属性，例如 --attr underground_area=5000
# --- end rules ---
# --- polish ---
app-edit-group-member-added = { $item } 加入联合办理组 { $group }
app-edit-group-member-removed = { $item } 退出联合办理组 { $group }
app-effect-group-removed-too-few = 联合办理组“{ $group }”随之删除（成员不足两个）
app-effect-group-measure-names = 措施“{ $measure }”不再包含该组
app-effect-group-measure-removed = 措施“{ $measure }”随之删除（不再包含其他组）
app-effect-group-measure-removed-regimes = 措施“{ $measure }”随之删除（不再包含其他组）；不再采用它的审批模式：{ $regimes }
app-spread-not-a-spread = “{ $text }”不是有效的分布：请输入 最短/最可能/最长（三角分布）、pert 最短/最可能/最长、uniform 最短/最长 或 fixed 天数
# --- end polish ---

# --- gui21 ---
app-rules-always = 始终适用
app-rules-defaults = { $n } 个属性的默认值设为当前取值
app-rules-added = 已添加属性 `{ $name }`
app-rules-renamed = 属性 `{ $from }` 已改名为 `{ $to }`
app-rules-removed = 已删除属性 `{ $name }`
app-rules-when = { $what } 适用条件：{ $when }
app-rules-measure = 措施 `{ $measure }` 已修改
app-rules-unknown = `{ $name }` 不是项目属性：请在项目属性中添加，或更正名称
app-rules-bad-name = `{ $name }` 不能作属性名：只用字母、数字和 _（不以数字开头，不用 and/or/not/yes/no）
app-rules-taken = 属性 `{ $name }` 已存在
# --- end gui21 ---
# --- family21 ---
app-variant-error = { $file }：{ $problem }
    .help = 用 --variant 指定情景 `[[variants]]` 中的某个编号，或不加 --variant 使用默认值
app-library-families = 含 `[[variants]]` 的文件覆盖一类项目：其默认项目（`[project]` 中的取值）为 `file.toml` 一行，每个变体为 `file.toml#编号` 一行，各有其适用的事项（`when` 条件对其取值成立的事项）。公布数字针对默认项目，只在默认项目上核对；目标（上限）对每个项目都核对。若合并成一类需要一种并不适用于全部项目的审批方式（审批方式不能带条件），文件仍分开：`industrial.toml`、`low-risk-industrial.toml`（出处中为单独的流程图，有 `low_risk` 方式）和 `low-risk-anhui.toml`（另一城市、年份和阶段划分）。
# --- end family21 ---
# --- region21 ---
app-export-attributes = 项目属性：{ $values }
# --- end region21 ---
