## permitflow catalogue: model, zh-CN.
## Keys start with "model-". Every key exists in both languages (a test checks).

model-regime-serial = 串联审批
model-regime-parallel = 并联审批
model-regime-joint = 并联审批＋联合审查
model-measure-joint_review = 联合审查
model-measure-notification_commitment = 告知承诺制
model-measure-tolerance_acceptance = 容缺受理
model-measure-time_limit_compression = 压缩审批时限
model-measure-merged_stages = 合并审批阶段
model-measure-online_submission = 网上申报
