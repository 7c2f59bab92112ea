## permitflow catalogue: report, zh-CN.
## Keys start with "report-". Every key exists in both languages (a test checks).


## The head of the report.
report-meta = { $file } · 申请日期 { $start } · 日历 { $calendar } · 由 permitflow { $version } 生成
report-footer = { $items } 个数据中有 { $assumed } 个为假设值（未见公开发布，见上文列表）；其余数据均引自上列资料来源。由 permitflow { $version } 根据 { $file } 生成。
report-colon = ：
report-sources = 资料来源
report-source-id = 编号
report-source-title = 标题
report-source-note = 提供的内容

## The comparison of regimes.
report-regimes = 审批模式对比
report-col-regime = 审批模式
report-col-working-days = 全流程工作日
report-col-vs-serial = 较串联审批
report-col-end-date = 办结日期
report-col-trips = 跑动次数
report-col-forms = 表单数
report-col-materials = 申请材料
report-col-departments = 实施部门
report-merged = 已合并
report-merged-first = { $days }（合并）
report-no-schedule = 无法排期：{ $error }
report-regimes-note = 工作日不含周末和法定节假日，含调休上班日。跑动次数、表单数和申请材料均为申请人一方的数量。

## Targets.
report-targets = 目标与公开数据
report-col-figure = 指标
report-col-permitflow = permitflow 测算
report-col-source = 来源
report-assumed = 假设
report-met = ✓ 达标
report-missed = ✗ 未达标
report-no-schedule-short = 无法排期

## Schedules.
report-schedules = 办理进度
report-compare-caption = 各审批模式在同一日历上的办理进度：各阶段的工作日；每行末端为最后一个许可证的办结日期。
report-critical-paths = 关键路径
report-gantt-caption = { $regime }的甘特图：红色为关键事项；菱形为各阶段统一出件（许可证）；灰色为周末，粉色为法定节假日，蓝色标记为调休上班日。

## The simulation.
report-uncertainty = 不确定性
report-simulation-intro = 蒙特卡洛模拟 { $iterations } 次，随机种子 { $seed }：各事项用时按其波动范围抽取，申请按各自的退件补正率退回补正。
report-col-deterministic = 确定性测算
report-col-mean = 均值
report-col-probability = 达标概率
report-simulation-chart = 模拟工作日

## The reform planner.
report-planner = 改革方案测算：{ $regime }下 { $days } 个工作日
report-out-of-reach = 无法达到：最少只能压缩至 { $least } 个工作日。制约因素：{ $limiting }。
report-already-met = 已经达到：{ $days } 个工作日。
report-plan-summary = 从 { $from } 个工作日压缩至 { $to } 个工作日，最低成本 { $cost }（最少可达 { $least } 个工作日）：
report-col-item = 审批事项
report-col-limit-now = 现行时限
report-col-new-limit = 新时限
report-col-days-cut = 压缩工作日
report-col-cost = 成本
report-curve-chart = 时间—成本曲线
report-waterfall-chart = 从串联审批到改革后的审批模式
report-waterfall-caption = 从串联审批到{ $regime }，各项措施节省的工作日。

## The index of a batch run's reports.
report-index-title = permitflow 报告
report-col-scenario = 情景
report-col-file = 文件
report-col-status = 状态

# --- two clocks (out) ---
report-col-approval-days = 审批用时
report-col-calendar-days = 全流程自然日
report-col-fees = 费用（元）
report-clocks-note = 审批用时为官方统计口径：至少有一个审批计时事项在办理的工作日数；特别程序、中介服务和申请人自己的工作不计入。全流程工作日和全流程自然日为申请人自申请日至最后一个事项完成实际经历的时间，自然日首尾两天均计入。各阶段列为“审批用时 / 全流程工作日”。
report-assumed-see-list = ，详见“假设数据”一节。
report-assumed-figures = 假设数据
report-assumed-intro = ：这些数据未见公开发布，由情景作者设定；依赖它们的结果均为估算。
report-col-field = 数据项
report-col-value = 数值

# --- two clocks (ms) ---
report-milestones = 里程碑
report-milestones-note = 各里程碑的达到日期为其事项的办结日（以开始计的为开始日），天数自申请日起计：审批用时只计审批计时运行的工作日；累计工作日为其间全部工作日；累计自然日含申请日和达到当日。

# --- files ---
report-focus-compare = 打印对比：各审批模式、目标、进度计划及其甘特图。
report-focus-simulation = 打印模拟结果。
report-focus-planner = 改革方案测算
report-focus-no-simulation = 没有事项或联合审查组设置了时限分布或退回率：无需模拟。
report-focus-no-planner = 没有事项或联合审查组的时限下限低于现行时限：没有可压缩的时限，无需测算。
# --- end files ---
# --- region21 ---
report-attributes = 项目属性
report-attributes-note = 以下数据按这些项目属性值计算（情景的默认值，或通过 --attr、应用中的表单给出的值）。
report-attribute-id = 属性
report-attribute-name = 名称
report-attribute-value = 取值
# --- end region21 ---
