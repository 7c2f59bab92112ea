## permitflow catalogue: gui, zh-CN.
## Keys start with "gui-". Every key exists in both languages (a test checks).


## Command line of the app
gui-usage =
    用法：permitflow-gui [文件] [--tab compare|schedule|simulation|planner|centre|calibrate|author|versions] [--run] [--dialog 名称]
      文件      要打开的情景（.toml、.json）或事项清单（.csv、.xlsx），不给则打开默认情景
      --tab     启动时显示的标签页
      --run     启动时运行该标签页的分析（模拟，或按组合运行审批中心）
      --dialog  启动时打开对话框：schedule（导出进度计划）、report（报告）、charts（图表）、save-as（另存为）或 open（文件浏览器）
gui-arg-unknown-dialog = 未知的对话框“{ $value }”
gui-arg-unknown-tab = 未知的标签页“{ $value }”
gui-arg-needs-value = { $option } 需要一个值
gui-arg-unknown-option = 未知的选项“{ $option }”
gui-arg-one-file = 最多只能给一个文件
gui-error = 错误：{ $message }
gui-error-window = 错误：无法打开窗口：{ $message }
gui-warn-lang-ignored = 警告：PERMITFLOW_LANG={ $value } 不是 permitflow 支持的语言（en、zh-CN），已忽略

## Tabs
gui-tab-compare = 审批模式对比
gui-tab-simulation = 模拟
gui-tab-planner = 改革方案测算
gui-tab-centre = 审批中心
gui-tab-author = 编辑情景

## Language
gui-menu-language = 语言
gui-menu-language-tip = 界面语言；下次启动时沿用
gui-status-language = 语言：{ $name }

## Toolbar and status bar
gui-open = 打开
gui-open-hint = 文件路径：.toml、.json、.csv、.xlsx（可拖入窗口）
gui-open-file = 打开文件
gui-save = 保存
gui-save-as = 另存为…
gui-undo = 撤销
gui-redo = 重做
gui-export = 导出
gui-default-label = social-investment-housing.toml（内置）
gui-unsaved-mark = ● 有未保存的修改
gui-shipped-scenarios = 自带情景
gui-open-default = 默认：社会投资房建项目（内置）
gui-recent-files = 最近打开的文件
gui-export-charts = 本页图表（SVG 或 PNG）…
gui-export-schedule = 导出进度计划…
    .tip = 一种审批模式的进度计划，格式为 MS Project XML（MSPDI）、CSV 或 JSON
gui-export-report = 生成报告（HTML）…
    .tip = 一个独立网页：模式对比、图表、关键路径、模拟和改革方案测算
gui-status-solved = 已求解并绘制 { $n } 种审批模式，用时 { $ms } 毫秒
gui-status-updating = 正在更新进度计划…
gui-status-writing-report = 正在生成报告…

## Compare tab
gui-col-regime = 审批模式
gui-col-working-days =
    全流程
    工作日
gui-col-vs-serial =
    较串联
    审批
gui-col-end-date = 办结日期
gui-col-trips = 跑动次数
gui-col-forms = 表单数
gui-col-materials = 申请材料
gui-col-departments = 部门数
gui-col-days-per-stage = 各阶段工作日
gui-compare-subtitle = 申请日期 { $start } · 日历 { $calendar } · 工作日从第一个工作日起算
gui-target-met = ✓ 达标
gui-target-differs = ≠ 与公布数字不同
gui-target-missed = × 未达标
gui-target-unsolved = ? 未求解
gui-target-line = { $name }（{ $regime }）：{ $detail }
gui-fit-charts = 图表适应窗口宽度
gui-compare-hover-hint = 鼠标移到横条上可查看实施部门、时限、日期和总时差
gui-cannot-solve = 无法求解
gui-cell-working-days = { $name }：{ $days } 个工作日
gui-cell-vs-serial = { $name }：较串联审批 { $diff }
gui-cell-count = { $name }：{ $what } { $n }
gui-gantt-float = { $days } 个工作日
gui-gantt-float-critical = { $days } 个工作日（在关键路径上）
gui-gantt-tooltip =
    { $name }（{ $id }）
    实施部门：{ $department }
    承诺时限：{ $limit } 个工作日
    开始：{ $start }，申请后第 { $start_days } 个工作日
    结束：{ $finish }，申请后第 { $finish_days } 个工作日
    总时差：{ $float }

## Simulation tab
gui-sim-iterations = 迭代次数
gui-seed = 随机种子
gui-sim-on-change = 每次修改后自动运行
gui-sim-run = 运行模拟
gui-sim-running = 正在模拟…
gui-job-simulation = 模拟
gui-sim-note = 各事项用时按其波动范围随机抽取，申请按退件补正率退回补正；PCG64 按每 4096 次迭代一组设定种子，同一种子总得到相同结果。
gui-sim-press-run = 请点击“运行模拟”。
gui-stale-results = 这些结果对应情景的较早版本。
gui-sim-done = { $iterations } 次迭代，种子 { $seed }，用时 { $ms } 毫秒
gui-sim-table-note = 全流程用时以工作日计；确定值：各事项均按承诺时限办理、无波动时的结果
gui-sim-probability = 达标概率
gui-sim-most-critical = 最常处于关键路径：

## Reform planner tab
gui-plan-regime = 审批模式
gui-plan-target = 目标（工作日）
gui-plan-today = 当前：{ $days } 个工作日
gui-plan-running = 正在测算…
gui-job-planner = 改革方案测算
gui-plan-note = 以最低成本压缩哪些事项的时限（每项在其下限与现行时限之间，按每压缩一个工作日的成本计），使该审批模式达到目标。
gui-plan-out-of-reach = × 无法达到 { $target } 个工作日：所有时限压到下限时最少也要 { $least } 个工作日。
gui-plan-limiting = 制约因素：{ $items }
gui-plan-already-met = ✓ 已达标：{ $current } ≤ { $target } 个工作日，无需压缩。
gui-plan-reachable = ✓ 可以达到：{ $current } → { $days } 个工作日，压缩时限成本 { $cost } 个成本单位（最少可达 { $least }）
gui-plan-cost-note = 成本：各事项每压缩一个工作日的成本（情景中的 `cost`，单位由情景自定）× 压缩的天数
gui-plan-adopt = 采用这些时限
    .tip = 把新的时限写入情景（可一步撤销）
gui-plan-sensitivity = 关键事项的敏感性
gui-plan-attribution = 各项改革措施的作用（串联审批 { $serial } → { $regime } { $days }）

## Approval centre tab
gui-centre-note = 各类项目按其到达率随机到达；各部门同时审查的件数等于其审批人员数，重点项目优先，退件补正后重新排队。各次重复共用同一组到达（公共随机数），同一种子总得到相同结果。
gui-centre-press-run = 请选择项目组合并点击“运行审批中心”。
gui-centre-stale = 这些结果对应 { $portfolio }。
gui-centre-portfolio = 项目组合
gui-centre-portfolio-hint = 项目组合文件（.toml）的路径
gui-centre-shipped = 自带项目组合
gui-centre-replications = 重复次数
gui-centre-run = 运行审批中心
gui-centre-choose-first = 请先选择项目组合
gui-centre-running = 正在模拟审批中心…
gui-job-centre = 审批中心
gui-computed-in = 用时 { $ms } 毫秒

## Shared widgets
gui-cancel = 取消
gui-cancel-job = 取消{ $job }
    .tip = 不再等待这个结果；结果到达时将被丢弃

## Problems panel
gui-problems-not-opened = 文件无法打开；当前显示的仍是原来的情景。
gui-dismiss = 关闭
gui-problems-invalid-edit = 上一次修改使情景无效：进度计划显示的是最后一个有效的情景。请修正该值或撤销。
gui-problems-show-item = 在时限表中显示该事项
gui-problems-help = 提示：{ $help }
gui-problems-more = … 另有 { $more } 个问题（共 { $all } 个，只显示前 { $shown } 个）
gui-and-more-problems = ；另有 { $n } 个问题

## Calendar banner
gui-calendar-file-in-use = 日历文件：{ $file }
gui-calendar-forget = 不再使用日历文件
gui-calendar-holiday-file = holiday-cn 节假日文件
gui-calendar-hint = 例如 cn-2027.json
gui-calendar-use = 使用日历文件
gui-unreadable = 无法读取
gui-calendar-not-used = 未使用日历文件 { $file }：{ $why }
gui-calendar-forgotten = 已不再使用日历文件：改用情景自己的日历
gui-calendar-using = 日历：使用 { $file }（已记住）
gui-calendar-unusable = 日历文件 { $file } 无法使用：见问题列表

## Status messages
gui-edit-not-applied = { $edit }：未用于进度计划，见下方问题列表
gui-undone = 已撤销
gui-nothing-to-undo = 没有可撤销的修改
gui-redone = 已重做
gui-nothing-to-redo = 没有可重做的修改
gui-shipped-read-only = 自带情景为只读：请另存为其他名称的副本
gui-no-schedule = 审批模式“{ $regime }”没有可导出的进度计划
gui-cancelled-simulation = 已取消模拟
gui-cancelled-planner = 已取消改革方案测算
gui-cancelled-centre = 已取消审批中心运行
gui-opened = 已打开 { $file }
gui-opened-shipped = 已打开 { $file }（自带情景，只读：“另存为”可保存副本）
gui-new-scenario = 新情景
gui-could-not-open = 无法打开 { $file }：{ $n } 个问题
gui-not-saved-problems = 未保存：请先解决问题（或撤销引起问题的修改）
gui-saved = 已保存 { $file }
gui-nothing-to-export = 暂无可导出的内容
gui-report-needs-path = 请给出报告的 .html 路径
gui-writing-report-to = 正在生成报告 { $path }…
gui-wrote-report = 报告已写入 { $path }
gui-not-saved-item-list = 未保存：请将情景保存为 .toml 或 .json（事项清单为只读）
gui-not-saved-shipped = 未保存：{ $path } 是自带情景（只读）；请另存为其他名称的副本
gui-cannot-write-json = 无法写出 JSON：{ $error }
gui-cannot-write = 无法写入 { $path }：{ $error }
gui-exported-charts = 图表已导出到 { $path }
gui-exported-schedule = { $regime }的进度计划已导出到 { $path }
gui-not-simulated = 审批模式“{ $regime }”未进行模拟

## Dialogs
gui-dialog-save-as = 情景另存为
    .hint = .toml（或 .json）文件路径
    .action = 保存情景
gui-dialog-charts = 导出本页图表
    .hint = .svg 或 .png 文件路径
    .action = 导出图表
gui-dialog-schedule = 导出进度计划
    .hint = .xml、.csv 或 .json 文件路径
    .action = 导出进度计划
gui-dialog-report = 生成报告（HTML）
    .hint = .html 文件路径
    .action = 生成报告
gui-dialog-report-note = 一个可直接发送的独立网页：情景及其依据、模式对比、图表、关键路径，以及（情景给出波动范围和时限下限时）模拟和改革方案测算。
gui-dialog-path = 文件路径
gui-dialog-atomic = 原子写入：先在同一文件夹写临时文件，再改名。
gui-dialog-regime = 审批模式
gui-dialog-format = 格式
gui-unsaved = 未保存的修改
gui-unsaved-quit = { $file } 有未保存的修改。退出前要保存吗？
gui-unsaved-open = { $file } 有未保存的修改。打开其他文件前要保存吗？
gui-unsaved-save = 保存修改
gui-unsaved-discard = 放弃修改

## What-if panel
gui-what-ifs = 假设分析
gui-joint-groups-count = 联合办理组（{ $n }）
gui-links-count = 前后关系（{ $n }）
gui-application-date = 申请日期
gui-not-a-date = “{ $text }”不是日期：请写成 YYYY-MM-DD
gui-calendar-name = 日历 { $name }
gui-time-limits = 承诺时限
gui-filter-hint = 筛选：编号/名称/部门/阶段
gui-float-in = 总时差按
gui-limits-hint = ● 关键事项 · 拖动或输入时限（以半天为步长）
gui-limits-item = 事项
gui-limits-limit = 时限
gui-limits-float = 总时差
gui-limits-floor = 时限下限 { $days } 个工作日（部门最少能承诺的时限）
gui-limits-item-tip =
    { $name }
    编号：{ $id }
    { $department } · { $stage }
    { $floor }
gui-limit-of = { $id } 的时限
gui-limits-not-scheduled = 在该审批模式中不单独排期（并入联合办理或不办理）
gui-no-groups = 没有联合办理组。
gui-group-tip =
    { $name }（编号 { $id }）
    { $members }
gui-own-limit = 单独时限
gui-own-limit-of-group = 联合办理组 { $id } 的单独时限
gui-limit-of-group = 联合办理组 { $id } 的时限
gui-longest-member = 取最长事项
gui-remove = 移除
gui-remove-group-tip = 恢复为各事项分别办理
gui-new-group = 新建联合办理组
gui-new-group-items = 同一阶段中尚未加入联合办理组的事项（一个事项只能属于一个组）：
gui-create-group = 创建联合办理组
gui-new-group-count = { $id }：{ $n } 个事项
gui-groups-listed = { $measures } 列出了各自的组：只有在 joint_review 合并所有组的审批模式中，新组才会被合并
gui-stage = 阶段
gui-new-group-stage = 新组所属阶段
gui-add-to-new-group = 把 { $id } 加入新组
gui-in-group-already =
    { $name }（编号 { $id }）
    已在联合办理组 { $group } 中
gui-id-tip = 编号：{ $id }
gui-id = 编号
gui-own-limit-tip = 不勾选：联合办理取成员中最长的时限
gui-own-limit-new-group = 新组的单独时限
gui-limit-new-group = 新组的时限
gui-link-from = 前置事项
gui-link-to = 后续事项
gui-new-link-kind = 新关系的类型
gui-lag = 间隔
gui-lag-tip = 工作日，以半天为步长；负数表示提前
gui-new-link-lag = 新关系的间隔
gui-add-link = 添加关系
gui-add-link-disabled = 请选择两个不同的事项
gui-choose-item = 选择事项
gui-link-tip =
    { $shown }
    编号：{ $ids }
gui-link-kind-of = 关系 { $link } 的类型
gui-link-lag-tip = 间隔，以工作日计（以半天为步长；负数表示提前）
gui-link-lag-of = 关系 { $link } 的间隔
gui-link-max-lag-tip = 最大间隔：不得晚于此（请在文件中修改）
gui-link-remove-tip = 删除这条关系
gui-link-remove-of = 删除关系 { $link }
gui-measures-title = 各审批模式的改革措施
gui-regime-base = { $regime } · 基础：{ $base }
gui-measure-on = { $measure } 用于 { $regime }
gui-measure-drop = 从{ $regime }中取消{ $measure }
gui-measure-add = 在{ $regime }中采用{ $measure }

## Author tab
gui-author-new = 新建情景：
gui-author-four-stages = 全国统一的四个审批阶段
    .tip = 立项用地规划许可、工程建设许可、施工许可、竣工验收：每个阶段一个事项作为起点，并含三种标准审批模式
gui-author-empty = 空白
    .tip = 一个阶段、一个事项（可求解的最小情景），在此基础上添加
gui-author-title = 标题
    .label = 情景标题
gui-author-read-only = 自带情景：只读，“另存为”可保存副本
gui-author-note = 修改立即生效，可撤销（Ctrl+Z）。带 * 的字段按回车生效。草稿有问题时（见下方列表），其他标签页仍显示最后一个有效的进度计划。
gui-author-stages = 审批阶段
gui-author-items = 审批事项
gui-author-departments = 实施部门
gui-author-regimes = 审批模式
gui-author-targets = 目标
gui-author-groups = 联合办理组
gui-remove-confirm = 确定删除？
gui-remove-also = 这还会改动：
gui-remove-with = 一并删除
gui-remove-keep = 保留
gui-remove-undo = 撤销（Ctrl+Z）可全部恢复。
gui-not-a-number = “{ $text }”不是数字（不设置请留空）
gui-author-col-id = 编号 *
gui-author-col-name = 名称
gui-author-col-lead = 牵头部门
gui-stage-up = 上移阶段 { $id }
gui-stage-down = 下移阶段 { $id }
gui-stage-id-of = 阶段 { $id } 的编号
gui-stage-name-of = 阶段 { $id } 的名称
gui-stage-lead-of = 阶段 { $id } 的牵头部门
gui-stage-remove = 删除阶段 { $id }
gui-new-stage-id = 新阶段编号
gui-new-stage-lead = 牵头
    .hint = 牵头部门
gui-new-stage-type-id = 请输入编号（字母、数字、_）
gui-stage-exists = 阶段“{ $id }”已存在
gui-add-stage = 添加阶段
gui-item-col-move = {""}
    .tip = 移动：串联审批按此顺序办理同一阶段的事项
gui-item-col-id = 编号 *
    .tip = 前后关系、联合办理组和改革措施引用的编号；改名时一并修改
gui-item-col-zh = 中文名
    .tip = 名称的中文部分
gui-item-col-en = 英文名
    .tip = 名称的英文部分
gui-item-col-stage = 所属阶段
    .tip = 事项所属的审批阶段
gui-item-col-department = 实施部门
    .tip = 办理部门（政府部门、机构或市政公用服务单位）
gui-item-col-kind = 类型
    .tip = 审批、备案、申请人自办或市政公用服务
gui-item-col-limit = 时限
    .tip = 承诺时限，单位见下一列：工作日（以半天为步长）或自然日（整天）
gui-item-col-floor = 下限 *
    .tip = 部门最少能承诺的时限（改革方案测算用）；不设置请留空
gui-item-col-cost = 成本 *
    .tip = 每压缩一个工作日的成本（改革方案测算用）；留空按默认值 1
gui-item-col-materials = 申请材料 *
    .tip = 申请人提交的材料：材料名称以逗号分隔，或直接写份数
gui-item-col-spread = 波动 *
    .tip = 模拟用的实际用时：最短/最可能/最长（三角分布）、pert 最短/最可能/最长、uniform 最短/最长、fixed 天数
gui-item-col-after = 前置事项 *
    .tip = 前置事项，以逗号分隔：编号、编号+2（间隔）、编号:SS（开始到开始）
gui-items-show = 显示
gui-items-previous = 上一页
gui-items-next = 下一页
gui-items-page = 第 { $first }–{ $last } 项，共 { $all } 项
gui-item-up = 上移事项 { $id }
gui-item-down = 下移事项 { $id }
gui-item-id-of = 事项 { $id } 的编号
gui-item-zh-of = { $id } 的中文名
gui-item-en-of = { $id } 的英文名
gui-item-stage-of = { $id } 的所属阶段
gui-item-department-of = { $id } 的实施部门
gui-item-kind-of = { $id } 的类型
gui-item-limit-of = { $id } 的时限（编辑）
gui-item-floor-of = { $id } 的时限下限
gui-item-cost-of = { $id } 的成本
gui-item-materials-of = { $id } 的申请材料
gui-item-spread-of = { $id } 的波动
gui-item-after-of = { $id } 的前置事项
gui-item-remove = 删除事项 { $id }
gui-new-item-id = 新事项编号
gui-new-item-department = 实施部门
gui-new-item-limit = 时限（工作日）
gui-type-id = 请输入编号
gui-item-exists = 事项“{ $id }”已存在
gui-add-stage-first = 请先添加阶段
gui-add-item = 添加事项
gui-default-department = 实施部门
gui-base-serial-tip = 改革前：各部门依次办理，每个事项单独申报
gui-base-parallel-tip = 每个阶段一次受理，阶段内事项同时办理
gui-departments-note = 部门改名后，所有事项、阶段和联合办理组中的该部门一并改名（按回车生效）。
gui-departments-col-name = 实施部门 *
gui-departments-col-leads = 牵头阶段
gui-department-field = 部门 { $name }
gui-regimes-col-name = 名称 *
gui-regimes-col-base = 基础
gui-regimes-col-measures = 改革措施
gui-regime-name-of = 审批模式 { $regime } 的名称
gui-regime-base-of = { $regime } 的基础
gui-measure-in = { $measure } 用于 { $regime }（编辑）
gui-regime-remove = 删除审批模式 { $regime }
gui-new-regime = 新审批模式
gui-new-regime-base = 新审批模式的基础
gui-new-regime-measure = 新审批模式：{ $measure }
gui-type-name = 请输入名称
gui-regime-exists = 审批模式“{ $regime }”已存在
gui-add-regime = 添加审批模式
gui-targets-col-target = 目标
gui-targets-col-regime = 审批模式
gui-targets-col-bound = 要求
gui-target-remove = 删除目标 { $name }
gui-new-target-regime = 新目标：审批模式
gui-at-most = 不超过
gui-new-target-days = 新目标的工作日
gui-working-days = 个工作日
gui-add-target = 添加目标
gui-new-target-name = { $regime } ≤ { $days } 个工作日
gui-groups-note = 联合办理组：同一阶段内在联合审查下合为一个环节办理的事项。可填写中英文名称、添加或移出成员、删除组；在下方新建组。
gui-groups-col-members = 成员
gui-group-remove = 删除联合办理组 { $id }
gui-bound-days = { $op } { $n } 个工作日
gui-bound-count = { $what } { $op } { $n }
gui-bound-documents = 申请材料
gui-list-sep = ，
gui-bound-stage = （阶段 { $stage }）

## Shared forms
gui-problem-with-help = { $message }（{ $help }）
gui-col-days-per-stage-numbered = { $heading }（{ $numbers }）
gui-name-id = { $name }（{ $id }）

# --- two clocks (out) ---
gui-col-calendar-days =
    全流程
    自然日
gui-col-fees = 费用（元）
gui-cell-approval-days = { $name }：审批用时 { $days } 个工作日（官方统计口径；较串联审批 { $diff }）
gui-cell-calendar-days = { $name }：全流程 { $days } 个自然日（含申请日和办结日）
gui-cell-fees = { $name }：费用 { $fees } 元
gui-cell-stage-days = { $name }：审批用时 { $approval } 个工作日，全流程 { $days } 个工作日、{ $calendar } 个自然日
gui-compare-clocks = 审批用时：审批计时的工作日数（官方统计口径）。全流程工作日、自然日：自申请日至最后一个事项完成。各阶段工作日在两者不同时显示为“审批用时/全流程”。{ $assumed }。
gui-col-approval-days-vs-serial =
    审批用时
    （较串联审批）
gui-col-counts = 跑动 · 表单 · 材料 · 部门

# --- two clocks (ms) ---
gui-compare-milestones = 里程碑：各审批模式下的达到日期，天数自申请日起计

# --- two clocks (sim) ---
gui-sim-clocks-note = 审批用时：审批计时事项办理的工作日（退回后申请人补正期间停止计时，重新审查期间计时）；全流程用时：自申请至最后办结
gui-sim-not-simulated = 未模拟

# --- two clocks (plan) ---
gui-plan-calendar-items = 按自然日计的事项不压缩，按日历精确排定：{ $items }。目标和各项数字均为从申请日起的经过工作日数，取自精确排程。
gui-plan-fallback = 经 { $rounds } 轮精确重排仍未找到达到目标的方案，已把各时限压缩到底：结果精确，但可能存在更省的方案。

# --- two clocks (authoring) ---
gui-item-col-clock = 计时类型
    .tip = 事项时间计入哪种时钟：审批（计入审批用时），或特别程序、中介服务、申请人（只计入全流程用时）
gui-item-col-unit = 计量单位
    .tip = 时限按工作日还是自然日计（公示期、施工期按自然日）
gui-item-col-fee = 收费（元）
    .tip = 申请人为该事项支付的费用（元）；不收费留空
gui-item-clock-of = { $id } 的计时类型
gui-item-unit-of = { $id } 的计量单位
gui-item-fee-of = { $id } 的收费
gui-clock-approval = 审批
gui-clock-special = 特别程序
gui-clock-intermediary = 中介服务
gui-clock-applicant = 申请人
gui-unit-wd = 工作日
gui-unit-cd = 自然日
gui-unit-tip = 工作日：按情景日历计的工作日；自然日：每天都计，含周末和节假日（公示期、施工期）
gui-link-lag-unit-of = { $link } 的间隔单位
gui-new-link-lag-unit = 新关联的间隔单位
gui-plan-target-auto = 取中点
gui-plan-target-auto-tip = 以现有工作日与最少可达工作日的中点为目标（与报告相同），按半天取整
# --- calgui ---
gui-tab-calibrate = 校准
gui-cal-log = 事件日志
gui-cal-log-hint = 事件日志路径（.csv 或 .xes）
gui-cal-shipped = 随附日志
gui-cal-open = 打开日志
gui-cal-choose-first = 请先选择事件日志
gui-cal-running = 正在读取并测量日志…
gui-job-calibration = 校准
gui-cancelled-calibration = 已取消校准
gui-cal-note = 按当前打开的情景（事项、法定时限和日历）测量日志。各事项的分布按首次审查用时拟合（受理至首次退件或办结，扣除挂起）；随后按时限表所示的审批方式模拟拟合后的情景，检验其能否再现实测的全流程用时。
gui-cal-press-open = 请选择事件日志并点击“打开日志”。
gui-cal-nothing = { $file } 中没有既受理又办结的事项：无可测量
gui-cal-stale = 此结果按情景的较早版本测量：点击“打开日志”按当前情景重新测量（仅采用拟合数值不影响测量所用内容）。
gui-cal-heading = { $file }：{ $cases } 个案件，{ $first } 至 { $last }（测量用时 { $ms } 毫秒）
gui-cal-open-items = { $n } 个事项已受理未办结（不计入用时）
gui-cal-none-rejected = 没有记录被剔除。
gui-cal-rejected = 剔除 { $n } 条记录：
gui-cal-rejected-row = { $place }，案件 { $case }：{ $reason }
gui-cal-rejected-more = ……另有 { $n } 条
gui-cal-not-in-log = 情景中在日志里没有办结案件的事项（保持不变）：{ $items }
gui-cal-adopt = 采用拟合数值
    .tip = 为日志测得的每个事项采用拟合的分布和退件参数，并注明“fitted: 日志, n 件, 起止日期”；作为一次编辑，可用 Ctrl+Z 撤销。
gui-cal-adopt-note = 一次可撤销的编辑（Ctrl+Z 全部撤销）；其他标签页随之重新计算
gui-cal-kept = 案件少于 { $n } 件：以下事项保留原分布（退件参数仍采用）：{ $items }
gui-cal-items = 各事项：官方用时（工作日）；分布按首次审查用时拟合。点击事项查看拟合情况。
gui-cal-items-note = 退件率：每次提交被退回的比例；补正：退件至补正提交的平均工作日；复审：补正提交后的平均工作日；超期率：超过法定时限的案件占比。
gui-cal-col-item = 事项
gui-cal-col-cases = 案件数
gui-cal-col-mean = 均值
gui-cal-col-p80 = P80
gui-cal-col-spread = 拟合分布
gui-cal-col-returns = 退件率
gui-cal-col-correction = 补正
gui-cal-col-rereview = 复审
gui-cal-col-overdue = 超期率
gui-cal-fixed = 固定 { $days }
gui-cal-triangular = 三角 { $min } / { $mode } / { $max }
gui-cal-pert = PERT { $min } / { $mode } / { $max }
gui-cal-empirical = 经验分布（案件过少）
gui-cal-validation = 检验：按 { $regime } 模拟拟合后的情景（每类项目 { $cases } 个案件，种子 { $seed }），全流程用时以经过的工作日计
gui-cal-no-validation = 无检验结果：{ $why }
gui-cal-col-type = 项目类型
gui-cal-col-measure = 分位数
gui-cal-col-observed = 实测
gui-cal-col-simulated = 模拟
gui-cal-col-difference = 差异

# --- gantt ---
gui-tab-schedule = 进度计划
gui-gantt-summary = 审批用时 { $approval } 个工作日 · 全流程 { $days } 个工作日、{ $calendar } 个自然日 · 申请 { $start }，办结 { $end }
gui-gantt-regime = 审批模式
gui-gantt-zoom = 缩放
gui-gantt-zoom-out = 缩小（或在图上按住 Ctrl 滚动滚轮）
gui-gantt-zoom-in = 放大（或在图上按住 Ctrl 滚动滚轮）
gui-gantt-fit = 适应宽度
    .tip = 整个进度计划显示在图的宽度内。滚轮：上下滚动各行；Shift+滚轮或在空白处拖动：沿时间轴移动。
gui-gantt-baseline-label-hint = 基准名称
gui-gantt-set-baseline = 设置基准
    .tip = 固定各审批模式当前的进度计划：在每条横道下方以灰色细条显示，并列出各事项结束时间的偏差（工作日）。修改和撤销后仍保留；打开其他文件时清除。
gui-gantt-baseline-default = 基准
gui-gantt-baseline-set = 已于 { $time } 设置基准“{ $label }”：各审批模式的进度计划已固定。
gui-gantt-baseline-shown = 基准：{ $label }（{ $time }）
gui-gantt-clear-baseline = 清除基准
gui-gantt-baseline-cleared = 已清除基准。
gui-gantt-baseline-cleared-open = { $status } 上一个文件的基准已清除。
gui-gantt-refuse-calendar = { $name } 按自然日计：请在承诺时限中修改（在此工作日时间轴上拖动会按错误的单位修改）。
gui-gantt-refuse-gate = { $name } 没有可拖动的时限。
gui-gantt-refuse-measure = { $name } 的时限由本审批模式的改革措施“{ $measure }”设定：请修改该措施（或选择其他审批模式）。
gui-gantt-refuse-regime = { $name } 在本审批模式下的时限不是其自身时限：请在承诺时限中修改。
gui-gantt-refuse-longest = { $name } 取成员中最长的时限：请拖动该成员的横道，或为联合审查组设定自身时限。
gui-gantt-end-of = 横道 { $id } 的结束端
gui-gantt-limit-changed = { $name } 的时限：{ $old } → { $new } 个工作日（Ctrl+Z 撤销）。
gui-gantt-wd = { $days } 个工作日
gui-gantt-cd = { $days } 个自然日
gui-gantt-dragging = { $days } 个工作日（原 { $old }）
gui-gantt-col-item = 审批事项
gui-gantt-col-department = 实施部门
gui-gantt-col-variance = 结束偏差（工作日）
gui-gantt-row-tip =
    { $name }（{ $id }）
    实施部门：{ $department }
    承诺时限：{ $limit }
    开始：{ $start }，申请后第 { $start_days } 个工作日
    结束：{ $finish }，申请后第 { $finish_days } 个工作日
    总时差：{ $float }
gui-gantt-row-tip-baseline = 基准“{ $label }”：第 { $finish } 个工作日结束，偏差 { $variance } 个工作日
gui-gantt-no-links = 无
gui-gantt-details = { $department } · 时限 { $limit } · { $start } → { $finish } · 总时差 { $float }
gui-gantt-unselect = 取消选择
gui-gantt-links-in = 前置关系：
gui-gantt-links-out = 后续关系：
gui-gantt-legend-critical = 关键事项（无总时差）
gui-gantt-legend-approval = 计入审批用时
gui-gantt-legend-off-clock = 不计入审批用时
gui-gantt-legend-calendar = 按自然日计
gui-gantt-legend-joint = 联合审查（成员合为一条横道）
gui-gantt-legend-baseline = 基准
gui-gantt-variance-of = { $id } 的结束偏差：{ $variance } 个工作日
# --- end gantt ---
# --- files ---
gui-open-dialog = 打开文件…
    .tip = 打开情景、事项清单、节假日日历或事件日志（Ctrl+O）
gui-print = 打印…
    .tip = 在浏览器中以可打印页面打开本页，可打印或另存为 PDF（Ctrl+P）
gui-dialog-open = 打开文件
    .hint = .toml、.json、.csv、.xlsx 或 .xes 文件路径，或文件夹
    .action = 打开该文件
gui-dialog-cancelled = 未选择文件。
gui-filter-openable = 情景、事项清单、日历、事件日志
gui-filter-scenario = permitflow 情景
gui-filter-charts = 图表（SVG、PNG）
gui-filter-report = HTML 报告
gui-open-unknown-kind = { $file } 不是 permitflow 可打开的文件：请选择情景（.toml、.json）、事项清单（.csv、.xlsx）、节假日日历（.json）或事件日志（.csv、.xes）。
gui-browser-up = 上一级
    .tip = 上一级文件夹
gui-browser-home = 主目录
gui-browser-shipped = 自带情景
gui-browser-all-files = 显示全部文件
gui-browser-showing = 显示文件夹和 { $types } 文件
gui-browser-empty = 此处没有文件夹或匹配的文件。
gui-browser-cannot-list = 无法列出 { $folder }：{ $error }
gui-recover = 恢复未保存的修改？
gui-recover-question = 是否恢复 { $time } 对 { $file } 未保存的修改？
gui-recover-note = permitflow 在未保存就关闭时保留了这些修改。恢复后的修改显示为未保存：保存后才会保留。您的文件没有被改动。
gui-recover-recover = 恢复
gui-recover-discard = 丢弃
gui-recover-later = 稍后
gui-recovered = 已恢复 { $time } 对 { $file } 未保存的修改：保存后才会保留。
gui-recovery-discarded = 已丢弃未保存的修改。
gui-recovery-unreadable = { $path } 不是 permitflow 恢复文件。
gui-autosave-failed = 未保存的修改无法保留以备恢复：{ $error }
gui-cannot-remove-recovery = 无法删除恢复文件 { $path }：{ $error }
gui-print-making = 正在生成打印页面 { $path }…
gui-print-opened = 已在浏览器中打开打印页面：可在浏览器中打印或另存为 PDF（{ $path }）。
gui-print-no-browser = 无法启动浏览器：请自行打开 { $path } 打印或另存为 PDF。
gui-print-written = 已写入打印页面 { $path }。
gui-print-failed = 无法生成打印页面。
gui-browse = 浏览…
    .tip = 用文件对话框选择文件
gui-dialog-pick-calendar = 选择节假日日历（holiday-cn JSON）
gui-dialog-pick-log = 选择事件日志（CSV 或 XES）
gui-dialog-pick-portfolio = 选择项目组合（TOML）
gui-dialog-pick-hint = 文件路径，或文件夹
gui-dialog-pick-action = 选择
# --- end files ---
# --- versions ---
gui-tab-versions = 版本对比
gui-versions-title = 两个版本并排对比
gui-versions-intro = 先固定当前方案，再修改，然后把固定的版本与当前版本、另一个固定版本或另一个方案文件对比。A 为修改前，B 为修改后：B − A 小于零（绿色）表示更早、更短或更省。
gui-versions-pin = 固定此版本
    .tip = 保存方案当前（有效）状态及其结果的快照，供与之后的修改对比
gui-versions-pins-note = 固定的版本在程序运行期间保留；修改和撤销不影响它们，打开其他文件时也保留。
gui-versions-default-label = 版本 { $n } — { $time }
gui-versions-rename-tip = 固定版本的名称：直接输入即可改名
gui-versions-pin-detail = 来自 { $file } · { $items } 个事项 · { $regimes } 种审批模式
gui-versions-remove = 删除
    .tip = 不再保留这个固定版本
gui-versions-pin-gone = （已删除的固定版本）
gui-versions-side = 版本 { $side }：
gui-versions-current = 当前版本（含未保存的修改）
gui-versions-file = 另一个方案文件…
gui-versions-swap = 交换 A 和 B
gui-versions-path-label = { $side } 的文件：
gui-versions-cannot-read = { $file }：{ $why }
gui-versions-path-hint = 方案文件路径（.toml、.json、.csv、.xlsx），只读
gui-versions-open = 读取文件
gui-versions-no-file = 请输入方案文件的路径并点击“读取文件”。
gui-versions-no-path = 未给出路径：请输入方案文件的路径。
gui-versions-file-read = { $file }：{ $name }，{ $items } 个事项（只读）
gui-versions-same = A 和 B 是同一方案：没有差异。
gui-versions-a-b = A：{ $a } · B：{ $b }
gui-versions-regimes-title = 各审批模式：A、B 及 B − A
gui-versions-col-clock = 指标
gui-versions-col-a = A
gui-versions-col-b = B
gui-versions-col-delta = B − A
gui-versions-clock-approval = 审批用时（工作日）
gui-versions-clock-working = 经过的工作日
gui-versions-clock-calendar = 自然日（至最后批复）
gui-versions-clock-fees = 收费
gui-versions-calendar-to = { $days }（至 { $date }）
gui-versions-wd = { $days } 个工作日
gui-versions-cd = { $days } 个自然日
gui-versions-yuan = { $amount } 元
gui-versions-absent = 此版本没有
gui-versions-same-value = 无变化
gui-versions-cell = { $name } — { $what }：{ $text }
gui-versions-items-under = 事项，审批模式
gui-versions-show-all = 显示全部事项（不只是有差异的）
gui-versions-no-common-regime = A 和 B 没有共同的审批模式：无法列出事项对比。
gui-versions-items-count = { $all } 个事项中有 { $differ } 个不同（按 id 匹配）。开始和完成：自项目开始起的工作日，下方为日期。
gui-versions-col-item = 审批事项
gui-versions-col-limit = 时限
gui-versions-col-start = 开始（第几个工作日）
gui-versions-col-finish = 完成（第几个工作日）
gui-versions-col-float = 总时差（工作日）
gui-versions-col-critical = 关键路径
gui-versions-item-tip = id：{ $id } · 审批阶段：{ $stage }
gui-versions-joint-tip = 在联合审查「{ $name }」中办理
gui-versions-added = 新增
gui-versions-removed = 删除
gui-versions-unscheduled = 未排期
gui-versions-a-to-b = { $a } → { $b }
gui-versions-yes = 是
gui-versions-no = 否
gui-versions-changes-title = 模型的变化，A → B（{ $n } 处）
gui-versions-no-changes = 模型没有变化。
# --- end versions ---
# --- polish ---
gui-term-regime = 审批模式：审批流程的运行方式，即基础模式（串联或并联）加上所采用的改革措施。本程序将各审批模式并排对比。
gui-term-measure = 改革措施：改变流程运行方式的措施（联合审查、网上申报、告知承诺制等），某一审批模式可采用或不采用。
gui-term-joint-review = 联合审查：联合办理组内各部门一起审查，组内事项合为一个环节、按组的时限办理，而不是先后办理。
gui-term-joint-group = 联合办理组：同一阶段内、在联合审查下合为一个环节的事项；采用组自身的时限，未设时按成员中最长的时限。
gui-term-float = 总时差：在所选审批模式下，事项可推迟多少个工作日而不影响办结日期。0 ● 表示关键事项：压缩它才能缩短全流程。
gui-term-floor = 最短时限：部门能承诺的最短时限。改革方案测算不会把事项压缩到它以下；未设最短时限的事项不压缩。
gui-term-critical-path = 关键路径：没有时差的事项链。只有压缩这些事项才能缩短流程；压缩其他事项没有效果。
gui-term-criticality = 关键性指数：模拟的项目中，该事项处于关键路径上的比例。
gui-term-working-day = 工作日：按情景的日历，周一至周五，扣除法定节假日，加上调休上班日。法定时限按工作日计算。
gui-term-calendar-day = 自然日：每一天都计算，包括周末和节假日，如公示期，以及申请人视角的全流程用时。
gui-term-approval-day = 审批用时：只计审批计时内的工作日，即官方统计口径；申请人、中介服务和特别程序所用时间不计入。
gui-term-percentile = P50 / P80 / P95：模拟的项目中，分别有 50%、80%、95% 在该工作日数内办结。P80 即五次中有四次能兑现的承诺。
gui-term-target = 目标：审批模式应满足的上限（不超过若干工作日、跑动次数、表单数等）。达标为绿色，未达标为红色。
gui-term-published = 公布数据：城市公布的数字（以 = 写出），模型应能重现。与之不同的假设分析标为“不同”，而不是“未达标”。
gui-term-stage = 审批阶段：立项用地规划许可、工程建设许可、施工许可、竣工验收等阶段，每个阶段一个窗口、一个牵头部门。
gui-term-returns = 退件补正：材料退回申请人补正（不计审批用时），之后部门重新审查（复审）。
gui-term-utilisation = 利用率：审批人员工作时间中用于审查的比例。接近 100% 时，排队和等待时间会无限增长。
gui-term-notification = 告知承诺制：申请人签署承诺书后当场办结（事后核查），审查时间随之缩短。
gui-term-tolerance = 容缺受理：缺少的材料尚未提交时，下一个事项即可开始；申请人之后补交。
gui-term-cost = 压缩时限成本：情景为每个事项设定的每压缩一个工作日的成本单位（未设时为 1）。这是相对的工作量权重，不是元：方案的成本 = 各事项压缩的天数 × 其成本。
gui-term-limit = 时限：事项的法定或承诺时限，除标明“自然日”外均为工作日。
gui-term-fee = 费用：申请人为该事项支付的费用，单位为元。
gui-term-counts = 申请人面对的：跑动次数、填写的表单、提交的材料、打交道的部门。
gui-term-link = 前后关系：两个事项的先后顺序（完成—开始、开始—开始等），间隔以工作日计（标明处为自然日）。
gui-author-name-zh = 中文名称
gui-author-name-en = 英文名称
gui-author-group-limit = 时限
gui-group-name-zh-of = 组 { $id } 的中文名称
gui-group-name-en-of = 组 { $id } 的英文名称
gui-group-member-remove = 将 { $item } 移出组 { $id }
gui-group-add-member = + 添加成员…
gui-group-add-member-to = 为组 { $id } 添加成员
gui-author-group-stage = 新建组的阶段
gui-author-group-pick = 将 { $id } 加入新建组
gui-author-group-create = 新建该联合办理组
gui-author-group-id = 新建组的编号
gui-author-group-zh = 新建组的中文名称
gui-author-group-en = 新建组的英文名称
gui-author-group-own = 新建组使用自身时限
gui-author-group-days = 新建组的时限
gui-item-kind-review = 审查审批
gui-item-kind-filing = 备案
gui-item-kind-applicant = 申请人自办
gui-item-kind-utility = 市政公用服务
gui-split-grip = 拖动以调整表格与图表所占的空间
# --- end polish ---

# --- gui21 ---
gui-author-attributes = 项目属性（{ $n }）
gui-author-measures = 改革措施（{ $n }）
gui-author-measures-none = 本情景未声明改革措施；审批模式仍可选用内置措施（联合审查、网上办理、并行推进）。
gui-attr-note = 适用哪些事项取决于项目。修改取值即按另一个项目测算流程（同 --attr，不保存）；“设为默认值”将其写入情景。
gui-attr-none = 本情景未声明项目属性：所有事项均适用。可在下方添加属性，再在事项的“适用条件”列填写条件。
gui-attr-col-name = 属性
gui-attr-col-label = 名称
gui-attr-col-type = 类型
gui-attr-col-default = 默认值
    .tip = 情景文件给出的取值；未在此另选时使用
gui-attr-col-value = 当前取值
gui-attr-name-of = 属性 { $name } 的名称
gui-attr-value-of = { $name } 的取值
gui-attr-reset = 将 { $name } 恢复为默认值
gui-attr-remove = 删除属性 { $name }
gui-attr-in-use = 未删除属性 `{ $name }`：以下条件用到它（{ $users }）。请先修改这些条件。
gui-attr-no-default = 无
gui-attr-stand-in = 未给出取值：暂以 0 / 空 / 否 代替
    .tip = 文件未给出此属性的默认值（事项清单的适用条件列）。请填写本项目的取值；“设为默认值”可将其保存到情景中。
gui-attr-picked = （已选）
gui-attr-yes = 是
gui-attr-no = 否
gui-attr-reset-all = 恢复默认值
    .tip = 所有属性重新使用默认值
gui-attr-make-defaults = 设为默认值
    .tip = 将当前取值写入情景，作为属性的默认值（一次可撤销的修改）
gui-attr-new-name = 新属性
gui-attr-new-type = 类型
gui-attr-new-default = 默认值
    .hint = 可不填
gui-attr-bad-default = `{ $text }` 不是{ $kind }
gui-attr-add = 添加属性
gui-attr-status = 已按以下取值测算：{ $values }
gui-attr-in-use-values = 当前取值：{ $values }
gui-attr-all-apply = 按当前取值，所有事项均适用。
gui-attr-left-out = 按当前取值不适用的事项（{ $n } 项，在事项表中显示为灰色；其前后衔接已桥接）：
gui-attr-left-out-item = • { $name }（{ $id }）：适用条件 { $when }
gui-item-col-when = 适用条件
    .tip = 事项对项目属性的适用条件（如 underground_area >= 1000）；留空：始终适用
gui-item-when-of = { $id } 的适用条件
gui-item-left-out = 按当前取值不适用：`{ $when }` 不成立
gui-when-hint = 始终适用
gui-when-tip = 用 < <= > >= = != 将属性与数字、'文本' 或 是/否（yes/no）比较；可用 and、or、not 和括号组合。按回车生效。
gui-when-problem = { $message }（第 { $col } 列）
gui-measure-when = 适用条件
gui-measure-when-of = 措施 { $measure } 的适用条件
gui-mkind-joint-review = 联合审查
gui-mkind-commitment = 告知承诺制
gui-mkind-tolerance = 容缺受理
gui-mkind-compression = 压缩时限
gui-mkind-merged = 合并审批阶段
gui-mkind-online = 网上办理
gui-mkind-advance = 跨阶段并行推进
gui-mkind-agent = 帮办代办
gui-mexplain-joint-review = 每个联合审查组的成员事项作为一次联合审查同时办理，用时为该组的时限。
gui-mexplain-commitment = 所列事项凭申请人承诺即予办理（按备案用时），之后在核查时限内进行事后核查，不占申请人的办理路径；模拟中承诺不实的事项须重新完整审查。
gui-mexplain-tolerance = 后一事项在前一事项开始后（间隔）即可受理，无须等材料齐全；所缺材料须在补齐时限内提交，材料到齐后方可出件。
gui-mexplain-compression = 所列事项的时限压缩为新的值。
gui-mexplain-merged = 所列审批阶段合并为一个（一次受理、统一出件）。
gui-mexplain-online = 全程网上办理：无须现场跑动。
gui-mexplain-advance = 阶段之间不再严格把关：后一阶段的事项只要自身前置条件满足即可开始，但指定阶段之后仍须等待其统一出件。
gui-mexplain-agent = 由帮办代办人员办理所列申请人事项（用时乘以系数，或设为指定用时），所有事项的退件补正率乘以退件系数。
gui-measure-hard-gates = 以下阶段之后仍须等待统一出件：
    .tip = 下一阶段须等待这些阶段统一出件
gui-measure-hard-gate-of = { $measure } 中 { $stage } 之后严格把关
gui-measure-lag = 间隔
gui-measure-lag-of = { $measure } 中 { $link } 的间隔
gui-measure-deadline = 补齐时限（工作日）
    .tip = 所缺材料须在开始后这么多个工作日内提交；留空：无时限
gui-measure-deadline-of = { $measure } 中 { $link } 的补齐时限
gui-measure-items = 事项
gui-measure-agent-items-tip = 由帮办代办人员办理的申请人事项（以逗号分隔的标识）
gui-measure-commit-items-tip = 凭承诺办理的审批事项（以逗号分隔的标识）
gui-measure-items-of = { $measure } 的事项
gui-measure-factor = 用时系数
    .tip = 所列事项的用时乘以此系数（大于 0，不超过 1）；留空：不变
gui-measure-factor-of = { $measure } 的用时系数
gui-measure-set-days = 指定用时
    .tip = 改为指定用时的事项：事项 = 天数，以逗号分隔
gui-measure-set-days-of = { $measure } 的指定用时
gui-measure-days-syntax = `{ $text }` 不是“事项 = 天数”
gui-measure-returns-factor = 退件系数
    .tip = 所有事项的退件补正率乘以此系数（0 到 1）；留空：不变
gui-measure-returns-factor-of = { $measure } 的退件系数
gui-measure-filing-days = 备案用时
    .tip = 凭承诺办理的审批事项所需工作日
gui-measure-filing-days-of = { $measure } 的备案用时
gui-measure-verification = 事后核查
    .tip = 办理后由部门核查承诺，不占申请人的办理路径
gui-measure-verification-of = { $measure } 的事后核查
gui-measure-verify-days = 用时
gui-measure-verify-days-of = { $measure } 的核查用时
gui-measure-verify-deadline = 时限
    .tip = 办理后须在这么多个工作日内完成核查
gui-measure-verify-deadline-of = { $measure } 的核查时限
gui-measure-failure-rate = 不实比例
    .tip = 经核查承诺不实的比例（模拟与审批中心）：该事项须重新完整审查
gui-measure-failure-rate-of = { $measure } 的核查不实比例
gui-attr-reset-short = 默认
gui-item-out-mark = 不适用
gui-author-link-when = 前后关系的适用条件（{ $n } 条有条件）
gui-link-when-note = 前后关系仅在其条件成立时适用；留空：始终适用。事项不适用时，其前后关系将被桥接。
gui-link-when-of = 前后关系 { $link } 的适用条件
# --- end gui21 ---

# --- lead ---
gui-mkind-regional = 区域评估
gui-mexplain-regional = 项目位于已完成区域评估的区域（in_assessed_area = 是）时，所列评估事项不再单独办理（其前后环节直接衔接），承诺事项凭申请人承诺即予办理；其他项目不变。
gui-measure-drop-items = 不再办理
    .tip = 区域评估已覆盖的评估事项：在已评估区域内不再单独办理，其前置环节直接衔接后续环节。
gui-measure-drop-items-of = { $measure } 不再办理的事项
# --- end lead ---
# --- gui22 ---
# 问题面板中代替反引号编号显示的名称（悬停显示编号）。
gui-problems-named = “{ $name }”
# --- end gui22 ---
# --- variants ---
gui-variant-label = 项目变体
    .tip = 情景中的项目变体（[[variants]]）：选择一个即按其属性值重新推算流程，与 --variant 相同（一次设定全部属性值；不保存）。
gui-variant-default = 默认项目
gui-variant-own = 自定属性值
# --- end variants ---
