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

# --- calibrate ---
model-log-place-line = line { $line }
model-log-place-event = trace { $trace }, event { $event }
model-log-missing = no { $column }
model-log-unknown-event = unknown event `{ $event }`: use received, suspended, resumed, returned, resubmitted or completed (受理, 挂起, 恢复, 退件, 补正提交, 办结)
model-log-bad-time = the time `{ $time }` is not an ISO date (2025-03-03) or date-time (2025-03-03T09:00)
model-log-time-range = the time `{ $time }` lies outside the years { $first } to { $last }
model-log-unknown-item = the item `{ $item }` is not in the scenario
model-log-before-received = { $event } before the item was received
model-log-completed-before-received = completed before received
model-log-received-twice = received a second time
model-log-out-of-order = earlier than the item's previous event
model-log-overlapping = { $event } while already suspended or returned
model-log-nothing-to-end = { $event } without a matching suspension or return
model-log-completed-while-stopped = completed while suspended or returned
model-log-after-completed = { $event } after the item was completed
model-log-empty = the event log is empty
model-log-columns =
    .help = an event log's CSV header names the columns case,project_type,item,department,event,time (or 案件编号,项目类型,事项,部门,环节,时间)
model-log-csv-syntax = the event log is not valid CSV: { $error }
model-log-too-many-columns = the header has { $n } columns; an event log has at most { $max }
model-log-missing-columns = the header lacks the columns { $missing } (found: { $found })
model-log-too-many-records = the event log has more than { $max } records, the most permitflow reads
model-log-too-many-items = the event log names more than { $max } items, the most permitflow reads
model-log-too-many =
    .help = split the log by year or by district and calibrate each part
model-log-xml = the XES log is not well-formed XML: { $error }
model-log-not-xes = not an XES log: the document's root element is <{ $found }>, not <log>
model-log-xes =
    .help = an XES log (IEEE 1849) is a <log> of <trace> elements, one per case, each with <event> elements

# --- rules ---
model-rules-kind-number = number
model-rules-kind-text = text
model-rules-kind-yes-no = yes/no
model-rules-expr-bang = `!` on its own: write `not`, or `!=` for "differs from"
model-rules-expr-unclosed-text = the quoted text is not closed
model-rules-expr-bad-number = `{ $text }` is not a number
model-rules-expr-bad-char = `{ $char }` has no meaning in a condition
model-rules-expr-too-long = the condition is longer than { $max } characters
model-rules-expr-too-deep = parentheses nested more than { $max } deep
model-rules-expr-empty = the condition is empty
model-rules-expr-trailing = expected `and`, `or` or the end of the condition here
model-rules-expr-expected-close = expected `)` here
model-rules-expr-expected-value = expected a number, "quoted text", yes or no after the comparison
model-rules-expr-unexpected-end = the condition ends where an attribute or `(` was expected
model-rules-expr-expected-name = expected an attribute name, `not` or `(` here
model-rules-expr-flag-not-yes-no = `{ $name }` is a { $kind } attribute: compare it (`{ $name } >= 1000`) instead of naming it alone
model-rules-expr-wrong-type = `{ $name }` is a { $kind } attribute and cannot be compared with { $value } (`{ $op }`)
model-rules-expr-no-order = `{ $name }` is a { $kind } attribute: only `=` and `!=` compare it, not `{ $op }`
model-rules-attr-syntax = `--attr { $text }`: write NAME=VALUE
model-rules-attr-unknown-none = unknown attribute `{ $name }`: the scenario declares no attributes (a `[project]` table, or a `when` column in an item list)
model-rules-attr-unknown = unknown attribute `{ $name }`; the scenario's attributes are: { $known }
model-rules-attr-bad-value = attribute `{ $name }` is a { $kind } and `{ $value }` is not one
model-rules-attr-missing = attribute `{ $name }` has no default: give it with --attr { $name }=VALUE
model-rules-attr-bad-name = `{ $name }` cannot name an attribute
    .help = use letters, digits and `_`, not starting with a digit, and not one of and, or, not, yes, no, true, false
model-rules-attr-bad-type = attribute `{ $name }` has type `{ $kind }`
model-rules-attr-type-mismatch = attribute `{ $name }` is declared a { $kind } but its value is { $value }
model-rules-attr-no-value = attribute `{ $name }` has neither a `value` nor a `type`
model-rules-attr-table-help = write `NAME = VALUE`, or `NAME = {"{"} value = VALUE, unit = "m²", name = {"{"} zh = "…", en = "…" {"}"} {"}"}`, or `{"{"} type = "number" {"}"}` (also "text", "yes/no") for one that --attr must give
model-rules-bad-when = the condition `{ $text }` cannot be used: { $problem }
    .help = write comparisons `NAME < <= > >= = != VALUE` (a number, "quoted text", yes or no) joined by and, or, not and parentheses, e.g. `underground_area >= 1000 and investment = 'social'`
model-rules-unknown-attribute = the condition `{ $text }` names `{ $name }`, which is not a project attribute
    .help-declare = declare it in `[project]` with its default, e.g. `{ $name } = 0`
model-rules-bridge-mixed-units = a dropped item joined a link in working days to one in calendar days: the bridge counts the sum in working days
model-rules-group-dissolved = joint group `{ $group }` is left with fewer than two items and dissolves
model-rules-measure-emptied = measure `{ $measure }` has nothing left to act on and is left out
model-rules-milestone-dropped = milestone `{ $milestone }` is at `{ $item }`, which does not apply to this project: it is left out
# --- end rules ---
# --- measures ---
model-measure-parallel_advance = cross-stage parallel advance
model-measure-agent_service = agent service
# --- end measures ---
# --- family21 ---
model-rules-variant-unknown-none = unknown variant `{ $id }`: the scenario has no `[[variants]]`
model-rules-variant-unknown = unknown variant `{ $id }`; the scenario's variants are: { $known }
model-variants-too-many = { $count } variants: at most { $max } are read
    .help = keep the named projects of the family; sweep other values with --attr in a script
model-variants-bad-id = `{ $id }` cannot name a variant
    .help = write an id of letters, digits, `_` and `-` (it is used as --variant ID and in file.toml#ID)
model-variants-duplicate = a variant `{ $id }` comes earlier in the file
    .help = give each variant its own id
model-variants-unknown-attribute = variant `{ $id }` sets `{ $name }`, which is not a project attribute
    .help-declare = declare it in `[project]` with its default first
model-variants-wrong-type = variant `{ $id }` sets `{ $name }`, a { $kind } attribute, to { $value }
    .help = give a value of the type `[project]` declares (a number, "quoted text", or true/false)
# --- end family21 ---
# --- region21 ---
model-measure-regional_assessment = regional assessment
model-rules-regional-outside = measure `{ $measure }` (regional assessment) does not apply: the project is not in an assessed area ({ $name } = no)
# --- end region21 ---
