## permitflow catalogue: model, en.
## Keys start with "model-". Every key exists in both languages (a test checks).

model-regime-serial = serial
model-regime-parallel = parallel
model-regime-joint = joint
model-regime-serial-description = before reform: one department after another
model-regime-parallel-description = one intake per stage, items concurrent
model-regime-joint-description = parallel plus joint reviews
model-measure-joint_review = joint review
model-measure-notification_commitment = notification and commitment
model-measure-tolerance_acceptance = acceptance with missing materials
model-measure-time_limit_compression = time-limit compression
model-measure-merged_stages = merged stages
model-measure-online_submission = online submission

# Names in two languages in scenario files (model/src/format/read/labels.rs).
model-label-twice = `{ $field }` and the `name` table give this name in the same language differently
    .help = give each language once: either `name = { "{" } zh = "…", en = "…" {"}"}` or `label_zh` / `label_en` beside a plain `name`
model-description-twice = `{ $field }` and the `description` table give this description in the same language differently
    .help = give each language once: either `description = { "{" } zh = "…", en = "…" {"}"}` or `description_zh` / `description_en` beside a plain `description`
model-department-unknown = `[departments]` names `{ $name }`, which no item, stage lead or joint group uses
    .help = the keys of `[departments]` are the department names items use (`department = "…"`); correct the name or remove the entry
    .closest = did you mean `{ $name }`? The keys of `[departments]` are the department names items use

# The description of a scenario read from an item list (in the language of its header).
model-imported-from = Imported from the CSV item list { $file }.

# The comment at the top of a scenario file written by `permitflow import` (in the language of
# the item list's header).
model-import-header = # Imported by permitflow from { $file }. Add sources, measures, regimes and targets as needed.
