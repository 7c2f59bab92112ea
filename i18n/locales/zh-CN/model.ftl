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
