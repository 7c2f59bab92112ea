## permitflow catalogue: model, en.
## Keys start with "model-". Every key exists in both languages (a test checks).

model-regime-serial = serial
model-regime-parallel = parallel
model-regime-joint = joint
model-measure-joint_review = joint review
model-measure-notification_commitment = notification and commitment
model-measure-tolerance_acceptance = acceptance with missing materials
model-measure-time_limit_compression = time-limit compression
model-measure-merged_stages = merged stages
model-measure-online_submission = online submission
