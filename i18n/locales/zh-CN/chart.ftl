## permitflow catalogue: chart, zh-CN.
## Keys start with "chart-". Every key exists in both languages (a test checks).


## Units and dates on charts.
chart-wd = { $days } 个工作日
chart-working-days = 工作日

## The comparison of regimes.
chart-compare-title = { $scenario } — 审批模式对比
chart-compare-subtitle = 同一日历上各阶段的工作日；每行末端为最后一个许可证的办结日期
chart-stage-tip = { $stage }：{ $days } 个工作日
chart-vs-serial = （较串联审批 { $diff }）
chart-total = { $days } 个工作日 · { $date }{ $diff }

## The Gantt chart of one regime.
chart-gantt-title = { $scenario } — { $regime }：{ $days } 个工作日，{ $start } 至 { $end }
chart-gantt-subtitle = 跑动次数 { $trips } · 表单数 { $forms } · 申请材料 { $materials } · 实施部门 { $departments } · 红色为关键路径
chart-milestone-tip = { $stage }：{ $date } 统一出件，累计 { $finish }（本阶段 { $stage_days }）
chart-bar-tip =
    { $name }（{ $id }）
    { $departments }
    { $days }：第 { $start } → { $finish } 个工作日 · { $from } → { $to } · 总时差 { $float }
chart-legend-critical = 关键事项
chart-legend-float = 有时差的事项
chart-legend-light = 申请人自办事项、市政公用服务
chart-legend-weekend = 周末
chart-legend-holiday = 法定节假日
chart-legend-makeup = 调休上班日
chart-legend-milestone = 阶段统一出件（许可证）

## Histograms of simulated working days and of the approval centre's lead times.
chart-noun-iterations = 模拟次数
chart-noun-regime = 审批模式
chart-noun-projects = 项目数
chart-noun-project-type = 项目类型
chart-histogram-subtitle = 各工作日区间的{ $samples }占比；虚线：每种{ $series }的 P50、P80、P95
chart-histogram-subtitle-targets = ；深色竖线：目标
chart-histogram-share = { $samples }占比
chart-bin-last-tip = { $series }：{ $from } 个工作日及以上，{ $share } %
chart-bin-tip = { $series }：{ $from }–{ $to } 个工作日，{ $share } %
chart-histogram-axis-clipped = 工作日（最后一个区间还包含超过 { $from } 的{ $samples }）
chart-histogram-same = （与 { $other } 相同，以轮廓表示）
chart-histogram-legend = { $series }{ $same }：P50 { $p50 } · P80 { $p80 } · P95 { $p95 } 个工作日（{ $samples } { $n }）
chart-target-legend = 目标 { $days }：{ $name }
chart-target = 目标 { $days }
chart-regime-target = { $regime }：{ $name }

## Line charts, the time–cost curve and the waterfall.
chart-line-same = { $name }（与 { $other } 相同，以虚线表示）
chart-cost = 成本
chart-curve-subtitle = 压缩时限达到各工作日数所需的最低总成本
chart-curve-tip = { $days } 个工作日：成本 { $cost }
chart-waterfall-subtitle = 每项措施之后的工作日；每根柱为该措施节省的工作日

## The note under charts whose dates run into years without official holidays.
chart-calendar-warning = 警告：
chart-calendar-sep = {""}
chart-calendar-provisional = { $calendar } 日历中 { $years } 年的节假日为暂定（未公布调休安排）：仅含法定节假日，不含国务院通知将增加的调休放假日和调休上班日。
chart-calendar-uncovered = { $calendar } 日历没有 { $years } 年的节假日数据：这些年份只扣除周末。
chart-calendar-fix = 加入该年官方的 holiday-cn 文件后（--calendar 选项、PERMITFLOW_CALENDAR_DIR 目录或情景文件中的日历文件），这些年份的日期可能变化。

## Titles of the chart bundles the commands, the desktop app and the report show.
chart-wd-unit = {" "}个工作日
chart-simulation-title = { $scenario } — 模拟工作日（{ $iterations } 次模拟，随机种子 { $seed }）
chart-tornado-title = { $scenario } — { $regime }：敏感性（波动来源）
chart-tornado-subtitle = 各事项用时每变动一个标准差，项目总工作日的变动量
chart-curve-title = { $scenario } — { $regime }：时间—成本曲线
chart-waterfall-title = { $scenario } — 从{ $serial }到{ $regime }：各项措施节省的工作日
chart-utilisation-title = { $portfolio } — { $run }：审批人员利用率
chart-utilisation-subtitle = 审批人员忙碌时间占比（审批人员数量固定的部门）
chart-lead-time-title = { $portfolio } — { $run }：各项目类型的全流程用时
chart-wip-title = { $portfolio } — 在办项目数
chart-wip-subtitle = 整个时段内的在办项目数，各次重复运行的平均值
chart-wip-axis = 在办项目数

## Errors writing a chart as PNG.
chart-error-svg = 无法读取 SVG：{ $error }
chart-error-size = { $width }×{ $height } 的图像过大，无法渲染
chart-error-png = 无法编码 PNG：{ $error }

# --- two clocks (out) ---
chart-approval-total = 审批用时 { $days } 个工作日{ $diff }
chart-approval-tip = 审批计时中：审批用时共 { $days } 个工作日
chart-approval-legend = 审批计时（计入审批用时）

# --- two clocks (dated) ---
chart-cd = { $days } 个自然日
chart-legend-off-clock = 不计入审批用时（特别程序、中介服务、申请人）
chart-off-clock-tip = 不计入审批用时：{ $clock }
chart-clock-approval = 审批
chart-clock-special = 特别程序
chart-clock-intermediary = 中介服务
chart-clock-applicant = 申请人自办

# --- two clocks (sim) ---
chart-sim-approval-title = { $title }：审批用时（退回补正期间停止计时）
chart-centre-approval-title = { $portfolio } — { $run }：各项目类型的审批用时（含排队等待，不含补正）
# --- calibrate ---
chart-calibrate-title = { $log } 的办理总时长：实际与拟合情景（{ $regime }）对比
chart-calibrate-observed = { $project_type }：实际
chart-calibrate-simulated = { $project_type }：拟合后模拟
# --- calgui ---
chart-fit-density = 每个工作日的案件占比
chart-fit-observed = { $series }：实测首次审查用时（{ $n } 件）
chart-fit-title = { $item }：{ $log } 中的首次审查用时与拟合分布
chart-fit-subtitle = 柱：实测首次审查用时；线：拟合分布的密度
chart-fit-triangular = 拟合：三角分布 { $min } / { $mode } / { $max } 个工作日
chart-fit-pert = 拟合：PERT 分布 { $min } / { $mode } / { $max } 个工作日
chart-fit-fixed = 拟合：固定 { $days } 个工作日
chart-fit-empirical = 案件少于 { $n } 件：以实测用时为分布（未拟合）
# --- region21 ---
chart-attributes-footnote = 项目属性：{ $values }
# --- end region21 ---
