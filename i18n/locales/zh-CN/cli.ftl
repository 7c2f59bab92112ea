## permitflow catalogue: cli, zh-CN.
## Keys start with "cli-". Every key exists in both languages (a test checks).


## 语言选择
cli-lang-unknown = `{ $value }` 不是 permitflow 支持的语言：请用 zh-CN 或 en
cli-lang-ignored = 警告：PERMITFLOW_LANG={ $value } 不是 permitflow 支持的语言（zh-CN、en），已忽略

## --help：命令和选项的说明
cli-about = 工程建设项目审批的测算与模拟：串联、并联、联合审批模式，最少工作日
cli-about-long = 工程建设项目审批的测算与模拟。

    不带命令时，比较内置默认情景（社会投资一般房建项目，贺州 2020）的各审批模式。

    退出码：0 成功，1 有目标未达标（check），2 输入无效。
cli-about-compare = 并列比较各审批模式：工作日、办结日期、跑动次数、表单数、申请材料、部门数、各阶段工作日、关键路径、目标
cli-about-solve = 一种审批模式的办理进度：每个事项的开始、完成、日期、总时差，以及关键路径
cli-about-chart = 绘制进度图：各审批模式在同一时间轴上的比较图，以及每种模式的甘特图；按输出文件扩展名生成 SVG 或 PNG
cli-about-report = 生成一份可直接发送的自包含 HTML 报告：模式比较、图表、关键路径，以及情景中有的模拟和改革方案测算
cli-about-export = 导出一种审批模式的进度计划，供常用工具使用：Microsoft Project XML（MSPDI，含节假日和调休上班日）、CSV 或 JSON
cli-about-simulate = 审批用时的蒙特卡洛模拟：P50/P80/P95、各目标的达标概率、各事项的关键性指数，以及波动来源
cli-about-plan = 改革方案测算：压缩承诺时限达到目标的最低成本方案（每个事项的下限和每日成本）、本模式各项改革措施的作用，以及项目对各关键事项的敏感性；目标无法达到时退出码为 1
cli-about-centre = 审批中心模拟：一段时间内陆续受理的多个项目，各部门审批人员有限：办理用时、等待时间、利用率、瓶颈部门，以及增加一名审批人员效果最大的部门
cli-about-check = 校验情景文件，计算每种审批模式并检查目标；全部达标退出码为 0，有目标未达标为 1，文件无效为 2
cli-about-batch = 计算每个情景的每种审批模式并检查目标，用于持续集成和大型情景库；全部达标退出码为 0，有目标未达标为 1，情景无效或无可行进度为 2（会报告该情景，其余情景照常计算）
cli-about-merge = 把多次 `batch --shard` 运行的结果表合并为一张；退出码与对整个情景库运行 `batch` 相同
cli-about-library = 生成情景库页面（Markdown）：文件夹中每个情景及其各模式的结果，并把每个公开发布的数字或目标与 permitflow 的计算结果并列；有数字不符时退出码为 1，情景无效为 2
cli-about-import = 把 CSV 事项清单转换为情景文件（TOML，扩展名为 .json 时为 JSON）
cli-about-completions = 输出 shell 补全脚本（例如 `permitflow completions bash > ~/.local/share/bash-completion/completions/permitflow`）
cli-about-man = 输出手册页（roff 格式，可用 `man -l -` 查看），或在文件夹中为每个命令写一页（permitflow.1、permitflow-compare.1 等）
cli-help-lang = 表格、消息和帮助的语言：zh-CN 或 en（默认依次取 PERMITFLOW_LANG、系统区域设置 LC_ALL、LC_MESSAGES 或 LANG，否则为英文）
cli-help-file = 情景文件（.toml、.json）或 CSV 事项清单；省略时使用内置默认情景
cli-help-import-file = CSV 事项清单
cli-help-format = 输出格式
cli-help-export-format = mspdi（Microsoft Project XML）、csv 或 json
cli-help-excel = 与 `--format csv` 一起使用：在开头写入 UTF-8 字节顺序标记，使 Excel 正确显示中文名称
cli-help-start = 申请日期（YYYY-MM-DD），替代情景中的日期
cli-help-check-start = CSV 事项清单的申请日期（YYYY-MM-DD；默认今天）
cli-help-import-start = 情景的申请日期（YYYY-MM-DD；默认今天）
cli-help-set = 假设分析：不改文件而调整某事项的承诺时限，例如 `fire_design.days=3`（可重复）
cli-help-measure = 假设分析：增加（`模式+措施`）或去掉（`模式-措施`）一项改革措施（可重复）
cli-help-method = 进度计算方法：精确的最长路径法，或线性规划
cli-help-regime = 要计算的审批模式
cli-help-regimes = 只计算这些审批模式（可重复）
cli-help-centre-regimes = 所有项目类型都按此审批模式办理，替代项目组合中的设定（可重复，用于在相同受理序列下比较模式）
cli-help-out = 要写入的文件
cli-help-simulate-chart = 同时绘制分布图和敏感性龙卷风图（.svg 或 .png）
cli-help-plan-chart = 同时绘制时间—成本曲线（需 --curve）、改革措施瀑布图和敏感性图（.svg 或 .png）
cli-help-centre-chart = 同时绘制利用率、办理用时和在办项目数图（.svg 或 .png）
cli-help-seed = 随机数种子：相同的种子每次运行给出相同的结果
cli-help-iterations = 模拟次数（1 至 10,000,000）
cli-help-target = 要达到的工作日数
cli-help-check-files = 情景文件或 CSV 事项清单
cli-help-merge-files = `batch --out` 写出的结果文件（CSV 或 JSON）
cli-help-portfolio = 项目组合文件（项目类型、受理频率、各部门审批人员数）

## 参数值
cli-bad-date = `{ $value }` 不是日期；请写成 YYYY-MM-DD，例如 2025-03-03
cli-date-out-of-range = { $date } 不在 { $from } 年至 { $to } 年之间
cli-bad-scale = `{ $value }` 不是 0.25 至 8 之间的缩放比例
cli-bad-horizon = `{ $value }` 不是大于 0、不超过 10,000 个工作日的模拟时长
cli-needs-csv-out = 扩展名为 .csv 的 `--out`
cli-needs-format-csv = `--format csv`
cli-excel-needs-csv = `--excel` 用于写出带字节顺序标记、供 Excel 打开的 CSV：请与 { $needs } 一起使用

## 进度和写出的文件（标准错误输出）
cli-reading = 正在读取 { $file }
cli-drawing = 正在绘制 { $file }
cli-solving = 正在按 { $regime } 计算 { $items } 个事项
cli-simulating = 正在模拟 { $regime }（{ $iterations } 次）
cli-centre-progress = {"{"}spinner{"}"} 已模拟 {"{"}pos{"}"} 次重复（{"{"}elapsed{"}"}）
cli-batch-progress = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} 个情景 {"{"}elapsed_precise{"}"}
cli-wrote = 已写入 { $file }
cli-chart-wrote = 已写入 { $file }：{ $n } 种审批模式，{ $size }
cli-export-wrote = 已写入 { $file }：{ $regime }，{ $days } 个工作日，{ $start } → { $end }
cli-report-wrote = 已写入 { $file }（{ $kb } KB）
cli-import-wrote = 已写入 { $file }：{ $stages } 个阶段，{ $items } 个事项，{ $links } 条前置关系，{ $groups } 个联合办理组
cli-batch-wrote-reports = 已写入 { $n } 份报告和 { $index }
cli-batch-same-file = 注意：{ $route } 与 { $kept } 是同一个文件，只计算一次

## 错误
cli-stdout-failed = 无法写入标准输出：{ $error }
cli-write-failed = 无法写入 { $file }：{ $error }
cli-create-failed = 无法创建 { $dir }：{ $error }
cli-results-failed = 无法写入结果表：{ $error }
cli-junit-failed = 无法写入 JUnit 报告：{ $error }
cli-man-failed = 无法生成手册页：{ $error }
cli-import-failed = 无法写入情景文件：{ $error }
cli-import-exists = { $file } 已存在
    .help = 请换一个文件名，或加 --force 覆盖
cli-solve-no-schedule = { $file }：审批模式 `{ $regime }` 无可行进度：{ $error }
cli-no-schedule = 无可行进度
cli-no-schedule-because = 无可行进度：{ $error }

## 表格
cli-calendar-note = 日历 { $name }（{ $official }）
cli-calendar-note-provisional = 日历 { $name }（{ $official }，暂定 { $provisional }）
cli-calendar-note-only-provisional = 日历 { $name }（暂定 { $provisional }）
cli-calendar-note-none = 日历 { $name }
cli-col-regime = 审批模式
cli-col-working-days =
    全流程
    工作日
cli-col-vs-serial =
    较串联
    审批
cli-col-end-date = 办结日期
cli-col-trips =
    跑动
    次数
cli-col-forms = 表单数
cli-col-materials =
    申请
    材料
cli-col-departments = 部门数
cli-col-id = 编号
cli-col-days = 时限
cli-col-start = 开始
cli-col-finish = 完成
cli-col-from = 开始日期
cli-col-to = 完成日期
cli-col-float = 总时差
cli-col-department = 实施部门
cli-col-name = 事项名称
cli-compare-application = 申请日期 { $date } · { $calendar }
cli-compare-per-stage = 各阶段审批用时 / 全流程工作日
cli-compare-critical-path = 关键路径
cli-compare-targets = 目标
cli-stage-merged-first = { $days }（合并）
cli-stage-merged-into = ↖ 已合并
cli-target-met = ✓ 达标{"  "}
cli-target-missed = ✗ 未达标
cli-target-na = ? 不适用
cli-solve-heading = { $scenario } — { $regime }：审批用时 { $approval } 个工作日，全流程 { $days } 个工作日、{ $calendar_days } 个自然日，{ $start } → { $end } · { $calendar }
cli-solve-legend = ● 关键事项（总时差为 0）· 开始/完成为自申请日起的工作日 · 跑动 { $trips } 次，表单 { $forms } 张，申请材料 { $materials } 份，涉及 { $departments } 个部门
cli-check-summary = { $file }：{ $stages } 个阶段，{ $items } 个事项，{ $links } 条前置关系，{ $regimes } 种审批模式
cli-check-target-met = 目标达标
cli-check-target-missed = 目标未达标
cli-check-target-na = 目标不适用
cli-check-calendar-warning = 日历警告
cli-check-calendar-failed = 日历检查未通过
cli-simulate-heading = { $scenario } — 蒙特卡洛模拟，{ $iterations } 次，随机数种子 { $seed }
cli-rng-note = PCG64（MCG），每 4,096 次为一组分别设定种子：相同的种子在任意线程数下给出相同的结果
cli-simulate-unit = （审批用时：审批计时事项办理的工作日，退回后申请人补正期间停止计时，重新审查期间计时；全流程用时：自申请至最后办结）
cli-simulate-targets = 各目标的达标概率
cli-simulate-infeasible = { $regime }：有 { $n } 次模拟超出最大间隔或截止期限（计为所有目标均未达标）
cli-simulate-criticality = { $regime }：关键性指数（位于关键路径上的模拟次数占比）
cli-simulate-sensitivity = { $regime }：波动来源（事项时限每变化一个标准差，总用时变化的工作日）
cli-plan-heading = { $scenario } — { $regime }：目前 { $days } 个工作日，目标 { $target }
cli-plan-out-of-reach = ✗ 目标无法达到：所有时限压缩到下限后，最少仍需 { $least } 个工作日。
cli-plan-limiting = 制约因素：{ $limiting }
cli-plan-already-met = ✓ 已达标：{ $days } 个工作日 ≤ { $target }，无需压缩。
cli-plan-reachable = ✓ 可以达到：{ $days } 个工作日，成本 { $cost }（最少可达 { $least } 个工作日）
cli-plan-curve = 时间—成本曲线（各总工期的最低成本；折点）
cli-plan-measures = 各项改革措施的作用（串联审批 { $serial } → { $regime } { $days }）
cli-plan-sensitivity = 关键事项的敏感性（某事项压缩一个工作日）
cli-labelled = { $label }：{ $text }
cli-help-centre-seed = 随机数种子：相同的种子给出相同的结果；比较的各审批模式面对相同的受理序列
cli-help-horizon = 模拟的工作日数，大于 0、不超过 10,000（默认取项目组合中的设定）
cli-help-replications = 独立重复次数（1 至 100,000）
cli-help-add-reviewer = 假设分析：该部门增加一名审批人员
cli-help-rank = 按增加一名审批人员可节省的 P80 办理用时给各部门排序
cli-help-calendar = 某一年节假日和调休上班日的 holiday-cn JSON 文件，例如国务院公布的下一年放假安排：替代该年的暂定节假日（可重复）。$PERMITFLOW_CALENDAR_DIR 文件夹中名为 cn-YYYY.json 或 YYYY.json 的文件同样适用
cli-help-strict-calendar = 进度计划的日期涉及节假日为暂定或日历未覆盖的年份时判为失败（退出码 1）：用于不得按估计的节假日做计划的持续集成
cli-help-kind = 绘制哪些图
cli-help-arrows = 甘特图中的前置关系箭头（auto：少于 100 个横条时绘制）
cli-help-scale = PNG 每个 SVG 单位的像素数（0.25 至 8）
cli-help-report-plan = 改革方案测算的审批模式和目标，例如 `joint:298`（默认：最后一种模式，取其现有工作日与最少可达工作日的中点）
cli-help-export-regime = 要导出的审批模式
cli-help-plan-regime = 作为测算起点的审批模式
cli-help-curve = 同时给出时间—成本曲线：每个可达总工期的最低成本
cli-help-paths = 情景文件、文件夹（递归查找）或通配符模式
cli-help-batch-out = 把结果表写到这里（CSV，扩展名为 .json 时为 JSON），原子写入
cli-help-csv-out-excel = 与 .csv 的 `--out` 一起使用：开头写入 UTF-8 字节顺序标记，使 Excel 正确显示中文名称
cli-help-junit = 把 JUnit XML 报告写到这里：每个情景目标一个测试用例
cli-help-shard = 只运行文件按确定方式分成 N 份中的第 K 份（持续集成矩阵、作业数组）
cli-help-batch-report = 同时在此文件夹中为每个情景写一份 HTML 报告和一个索引页
cli-help-merge-out = 合并后的表（CSV，扩展名为 .json 时为 JSON）
cli-help-library-dir = 情景文件所在的文件夹
cli-help-library-out = 把页面写到这里（原子写入），而不是输出到屏幕
cli-help-force = 输出文件已存在时覆盖
cli-help-shell = shell 类型
cli-help-man-dir = 把手册页写入此文件夹（不存在时创建），而不是输出主手册页
cli-help-usage = 用法：
cli-help-commands = 命令
cli-help-arguments = 参数
cli-help-options = 选项
cli-help-help = 显示帮助
cli-help-version = 显示版本

## 参数错误
cli-usage-error = 错误：{ $message }
cli-usage-more = 详见 '--help'。
cli-usage-invalid-value = '{ $arg }' 的值 '{ $value }' 无效：{ $reason }
cli-usage-unknown-argument = 不认识的参数 '{ $arg }'
cli-usage-unknown-command = 不认识的命令 '{ $command }'
cli-usage-missing = 缺少必需的参数：{ $args }

# --- two clocks (out) ---
cli-col-approval-days =
    审批
    用时
cli-col-calendar-days =
    全流程
    自然日
cli-col-fees =
    费用
    （元）
cli-compare-clocks = 审批用时：审批计时的工作日（特别程序、中介服务和申请人自己的时间不计）· 全流程工作日、全流程自然日：自申请日至最后一个事项完成
cli-solve-fees = 费用：{ $fees } 元
cli-check-clocks = 审批用时 { $approval } 个工作日，全流程 { $days } 个工作日、{ $calendar } 个自然日
cli-col-clock = 计时
cli-calendar-days-unit = 自然日

# --- two clocks (ms) ---
cli-compare-milestones = 里程碑：各审批模式下的达到日期，天数自申请日起计

# --- two clocks (sim) ---
cli-sim-not-simulated = 未模拟
cli-sim-target = { $name }——{ $measure }

# --- two clocks (plan) ---
cli-plan-calendar-items = 按自然日计的事项不压缩，按日历精确排定：{ $items }。目标和各项数字均为从申请日起的经过工作日数，取自精确排程。
cli-plan-fallback = ！经 { $rounds } 轮精确重排仍未找到达到目标的方案，已把各时限压缩到底：结果精确，但可能存在更省的方案。

# --- calibrate ---
cli-about-calibrate = 用审批系统的事件日志（CSV 或 XES）校准模型：各事项的审批用时、退件、补正、超期率和拟合分布；各项目类型的年受理量和全流程用时；写出注明来源的拟合情景（-o）和项目组合，并以模拟验证。
cli-help-calibrate-log = 事件日志：CSV（案件编号,项目类型,事项,部门,环节,时间，或 case,project_type,item,department,event,time）或 XES（.xes）。
cli-help-calibrate-scenario = 提供事项、法定时限和日历的情景（默认：中国日历，无时限）。
cli-calibrate-nothing = { $file } 中没有既受理又办结的案件事项：无可度量
    .help = 案件的事项需有受理和办结记录（received 和 completed）；见上方被剔除的记录
cli-calibrate-not-in-log = 情景中在日志里没有办结案件的事项：{ $items }
cli-calibrate-rejected = { $file } 中有 { $n } 条记录被剔除：
cli-calibrate-rejected-row = { $place }，案件 { $case }：{ $reason }
cli-calibrate-rejected-more = ……另有 { $n } 条
cli-calibrate-heading = 事件日志 { $file }：{ $cases } 个案件，{ $first } 至 { $last }
cli-calibrate-open = { $n } 个事项已受理未办结（不计入用时）
cli-calibrate-items = 各事项：审批用时（工作日，受理至办结，扣除挂起与退件补正）；分布按首次审查用时（至首次退件或办结）拟合，复审用时计入退件
cli-calibrate-types = 各项目类型：全流程用时，经过工作日（首次受理至最后办结）
cli-calibrate-col-item = 事项
cli-calibrate-col-cases = 案件数
cli-calibrate-col-mean = 平均
cli-calibrate-col-p50 = P50
cli-calibrate-col-p80 = P80
cli-calibrate-col-min = 最短
cli-calibrate-col-max = 最长
cli-calibrate-col-spread = 分布
cli-calibrate-col-returns = 退件率
cli-calibrate-col-correction = 补正用时
cli-calibrate-col-special = 特殊程序
cli-calibrate-col-limit = 时限
cli-calibrate-col-overdue = 超期率
cli-calibrate-col-type = 项目类型
cli-calibrate-col-per-year = 年受理量
cli-calibrate-col-lead-p50 = 用时 P50
cli-calibrate-col-lead-p80 = 用时 P80
cli-calibrate-col-lead-p95 = 用时 P95
cli-calibrate-empirical = 经验分布
cli-calibrate-fixed = 固定 { $days }
cli-calibrate-col-rereview = 复审用时
cli-help-calibrate-output = 将拟合后的情景写入此文件（TOML）：沿用基础情景的流程，替换为日志拟合的分布和退件；无 --scenario 时由日志推断流程。
cli-help-calibrate-portfolio = 另写出日志中各项目类型基于拟合情景的项目组合（TOML）。
cli-help-calibrate-regime = 日志中案件所依的审批模式（用于验证和项目组合；默认：情景的第一个模式）。
cli-calibrate-wrote = 已写入 { $file }：拟合了 { $items } 个事项的分布和退件（均注明来源）
cli-calibrate-spread-kept = 以下事项案件少于 { $n } 件，未拟合分布（保持原样）：{ $items }

# --- loggen ---
cli-log-one-regime = --log 只写出一种审批方式的案件，但给出了 { $regimes } 种
    .help = 请用 --regime 指定恰好一种审批方式，例如 --regime parallel
cli-log-wrote = 已写入 { $file }：{ $records } 条记录
cli-help-log = 同时写出该审批方式下各案件的合成事件日志（CSV，- 表示标准输出），格式如同审批管理系统的记录；须恰好指定一个 --regime
cli-help-log-cases = 日志中的案件数（1 至 100,000）
cli-help-log-from = 最早的到件日期（YYYY-MM-DD；默认为情景的开始日期）
cli-help-log-days = 到件均匀分布的自然日数（1 至 3660）
cli-help-calibrate-chart = 将实际与模拟的办理总时长写成图表（.svg 或 .png）。
cli-help-calibrate-seed = 验证模拟案件的随机种子：相同种子得出相同结果。
cli-calibrate-validation = 验证：拟合后的情景按 { $regime } 模拟（{ $cases } 件，种子 { $seed }），按日志同样方式记录和计量：办理总时长，经过的工作日
cli-calibrate-col-measure = 分位数
cli-calibrate-col-observed = 实际
cli-calibrate-col-simulated = 模拟
cli-calibrate-col-difference = 差异
cli-help-calibrate-project-type = 只计入此项目类型的记录（日志含多种项目类型时，逐类按各自流程校准）。
cli-calibrate-one-flow = （每个项目类型都按同一拟合流程模拟：日志含多种类型时，请用 --project-type 和各自的 --scenario 分别校准）
cli-calibrate-not-in-scenario = 情景中没有的日志事项（其记录已剔除）：{ $items }
cli-calibrate-and-more = { " " }……另有 { $n } 项
cli-calibrate-not-toml = { $file }：拟合情景和项目组合以 TOML 格式写出
    .help = 请用 .toml 作为文件扩展名
cli-calibrate-portfolio-stdout = 项目组合要引用拟合情景的文件，而 -o - 将其写到标准输出
    .help = 使用 --portfolio 时请给 -o 一个文件名（如 fitted.toml）

# --- rules ---
cli-attr-note = 提示：{ $note }
cli-attributes-line = 项目属性：{ $values }
cli-help-attr = 项目属性的取值，覆盖情景的默认值（[project]）：适用条件不成立的事项和关联将被略去（可重复），例如 --attr underground_area=5000
# --- end rules ---
# --- family21 ---
cli-batch-attr-undeclared = 提示：--attr { $name } 不用于未声明该属性的 { $n } 个文件：{ $files }
cli-help-variant = 情景所覆盖的一类项目中的某一个：以 [[variants]] 中某项的取值覆盖默认值（--attr 仍在其上生效），例如 --variant large-basement
cli-help-variants = all（默认）：每个文件的默认项目和每个 [[variants]] 项（记作 file.toml#编号）；none：只运行默认项目
# --- end family21 ---
