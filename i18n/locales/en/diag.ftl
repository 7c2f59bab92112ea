## permitflow catalogue: diag, en.
## Keys start with "diag-". Every key exists in both languages (a test checks).


## How a diagnostic reads on one line (logs, batch reports).
diag-line = { $location }: error[{ $code }]: { $message }
diag-line-subject = {" "}({ $subject })
diag-line-help = ; help: { $help }
diag-problems = { $n } problem(s) in { $file }
diag-problems-input = input

## Syntax errors: the parser's own detail (English) in a sentence.
diag-syntax-toml = { $detail }
diag-syntax-json = { $detail }
diag-syntax-unknown-field = remove the field or correct its spelling; the expected fields are listed above
diag-syntax-missing-field = add the field
diag-syntax-invalid-value = write the value in the form expected above
diag-syntax-other = correct the syntax at this position

## The words for what a diagnostic concerns; .a with its article.
diag-subject = { $kind } `{ $id }`
diag-word-scenario = scenario
    .a = a scenario
diag-word-item = item
    .a = an item
diag-word-stage = stage
    .a = a stage
diag-word-regime = regime
    .a = a regime
diag-word-measure = measure
    .a = a measure
diag-word-joint-group = joint group
    .a = a joint group
diag-word-target = target
    .a = a target
diag-word-source = source
    .a = a source
diag-word-project-type = project type
    .a = a project type
diag-word-department = department
    .a = a department
diag-word-id = id
    .a = an id
diag-word-name = name
    .a = a name

## Empty files.
diag-scenario-empty = the file is empty
    .help = write a scenario (see scenarios/ for examples) or import a CSV item list with `permitflow import`
diag-portfolio-empty = the portfolio file is empty
    .help = write a portfolio: `version = 1`, `name`, `horizon`, [[projects]] and [[departments]] (see scenarios/portfolios/ for an example)

## Ids, names, costs, floors, spreads (every part of a scenario).
diag-empty-id = { $a_kind } has an empty id
    .help = give it a short id such as `{ $example }`
diag-bad-id = the { $kind } id `{ $id }` contains `{ $char }`
    .help = ids may not contain spaces or any of ; : , + = quotes; use letters, digits, _ or -
diag-duplicate = { $kind } { $word } `{ $id }` is used twice
    .help = give each { $kind } its own { $word }
diag-bad-cost = the cost { $cost } is not a number from 0 up
    .help = give the cost of cutting one working day, 0 or more
diag-bad-floor = the floor { $floor } { $problem }
    .help = write the floor in working days, in steps of 0.5
diag-floor-above-limit = the floor { $floor } is above the { $limit_name } { $limit }
    .help = a floor is the least limit { $committer } can commit to: make it at most the limit
diag-limit-item = time limit
    .committer = the department
diag-limit-joint = joint limit
    .committer = the joint event
diag-bad-spread =
    .help = give dist = "triangular" or "pert" with min ≤ likely ≤ max, "uniform" with min ≤ max, or "fixed"
diag-spread-negative = spread `{ $name }` { $value } is not a duration from 0 up
diag-spread-missing = a { $dist } spread needs `{ $name }`
diag-spread-order3 = spread needs min ≤ likely ≤ max, got { $min }, { $likely }, { $max }
diag-spread-order2 = spread needs min ≤ max, got { $min }, { $max }
diag-spread-unknown = unknown distribution `{ $dist }`

## What is wrong with a number of working days (after "the time limit 3.2").
diag-days-not-number = is not a number
diag-days-too-large = is beyond 10,000 working days (about 40 years)
diag-days-negative = is negative
diag-days-not-half-step = is not a multiple of half a working day

## Unknown ids.
diag-did-you-mean = did you mean `{ $id }`? Otherwise add { $a_kind } with this id
diag-use-one-of = use one of the { $kind } ids: { $ids }
diag-use-existing = use the id of an existing { $kind } or add one
diag-list-separator = ,{" "}

## The top of a scenario: size, version, start date, calendar.
diag-too-large =
    .help = check that the file was generated as intended, or split it into several scenarios
    .items = the scenario has { $n } items; permitflow accepts at most { $max }
    .links = the scenario has { $n } links; permitflow accepts at most { $max }
    .joint-groups = the scenario has { $n } joint groups; permitflow accepts at most { $max }
    .stages = the scenario has { $n } stages; permitflow accepts at most { $max }
    .regimes = the scenario has { $n } regimes; permitflow accepts at most { $max }
diag-version = scenario version { $version } is not supported (this build reads version { $supported })
    .help = set `version = 1`, or upgrade permitflow
diag-start-out-of-range = the start date { $date } is not in the years { $from } to { $to }
    .help = give the application date, e.g. "2025-03-03"
diag-start-not-date = the start date `{ $start }` is not a date
    .help = write the date as YYYY-MM-DD, e.g. "2025-03-03"
diag-unknown-calendar = unknown calendar `{ $calendar }`
    .help = use "cn" (China's official holidays) or "weekends" (Monday to Friday), and add holiday-cn JSON files with `files`

## Stages, items, links.
diag-no-stages = the scenario has no stages
    .help = add at least one [[stages]] table with id, name and lead
diag-no-items = the scenario has no items
    .help = add [[items]] tables, one per department's item
diag-unknown-stage = unknown stage `{ $id }`
diag-unknown-item = unknown item `{ $id }`
diag-unknown-regime = unknown regime `{ $id }`
diag-unknown-measure = unknown measure `{ $id }`
diag-unknown-group = unknown joint group `{ $id }`
diag-unknown-item-kind = unknown item kind `{ $kind }`
    .help = use review, filing, applicant_work or utility_service
diag-bad-days = the { $what } { $value } { $problem }
    .help = write it in working days, in steps of 0.5
    .help-limit = write the limit in working days, in steps of 0.5 (e.g. 10 or 36.5)
    .help-joint = write the limit in working days, in steps of 0.5
    .help-offset = write it in working days from the project start, in steps of 0.5
    .help-filing = write it in working days, in steps of 0.5 (usually 0)
diag-days-what =
    .time-limit = time limit
    .release = release
    .deadline = deadline
    .lag = lag
    .max-lag = maximum lag
    .joint-limit = joint time limit
    .filing-time = filing time
    .target = target
diag-bad-return-rate = the return rate { $rate } is not a probability below 1
diag-bad-rework = the correction time { $days } is not a duration from 0 up
diag-bad-rereview = the re-review time is not a duration from 0 up
diag-bad-returns =
    .help = give rate as a share from 0 to below 1 (5.3 % is 0.053), correction_days (the applicant's time) and rework_days (the re-review) in working days
diag-bad-predecessor = cannot read predecessor `{ $text }`: { $problem }
    .help = write ID, ID+LAG, ID-LAG or ID:SS+LAG (types FS, SS, FF, SF; lag in working days, or calendar days with the suffix cd: ID+3cd)
diag-unknown-link-type = unknown link type `{ $kind }`
    .help = use FS, SS, FF or SF
diag-unknown-predecessor = unknown predecessor `{ $id }`
diag-after-itself = item `{ $id }` cannot come after itself
    .help = remove it from its own `after` list
diag-bad-lag = the { $what } { $value } after `{ $id }` { $problem }
    .help = write lags in working days, in steps of 0.5
diag-max-lag-below-lag = the maximum lag { $max_lag } after `{ $id }` is below its lag { $lag }
    .help = make max_lag at least lag
diag-back-across-stages = `{ $to }` comes after `{ $from }`, but `{ $to }` is in stage `{ $to_stage }`, which ends before stage `{ $from_stage }` begins
    .help = a link cannot run back across stages: move one of the items to another stage, or link them the other way
diag-cycle = the links go round in a circle: { $path }
    .help = remove one of these predecessors; a maximum lag (max_lag) expresses "no later than" without a cycle

## Joint groups.
diag-group-is-item = joint group `{ $id }` has the same id as an item
    .help = a joint event is reported under its group id: give the group its own id
diag-group-empty = joint group `{ $id }` has no items
    .help = add `joint = "<group id>"` to the items it merges, or remove the group
diag-group-member = `{ $id }` in `{ $stage }`
diag-group-spans-stages = joint group `{ $id }` spans stages: { $detail }
    .help = a joint event happens within one stage: move the items into one stage or split the group

## Regimes and measures.
diag-unknown-base = unknown base mode `{ $base }`
    .help = use "serial" or "parallel"
diag-unknown-measure-kind = unknown measure kind `{ $kind }`
    .help = use joint_review, notification_commitment, tolerance_acceptance, time_limit_compression, agent_service, regional_assessment, merged_stages, parallel_advance or online_submission
diag-field-not-applicable = `{ $field }` does not apply to a { $kind } measure
    .help = a { $kind } measure takes { $fields }
    .help-none = a { $kind } measure takes no parameters
diag-commitment-no-items = a notification_commitment measure names no items
    .help = add items = ["…"]: the approvals that become filings on commitment
diag-tolerance-no-links = a tolerance_acceptance measure names no links
    .help = add links = [{"{"} from = "…", to = "…", lag = 0 {"}"}]
diag-compression-no-limits = a time_limit_compression measure names no limits
    .help = add limits = {"{"} <item id> = <new limit>, … {"}"}
diag-merge-too-few-stages = a merged_stages measure needs at least two stages
    .help = add stages = ["<first>", "<second>"]
diag-tolerance-no-such-link = there is no finish-to-start link from `{ $from }` to `{ $to }` to accept with tolerance
    .help = name a link written as `after = ["<from>"]` on the `to` item
diag-bad-new-limit = the new limit { $value } for `{ $id }` { $problem }
    .help = write it in working days, in steps of 0.5

## Targets.
diag-stage-target-days-only = a stage target bounds the stage's days only
    .help = give approval_days, working_days or calendar_days and no trips, forms, materials or departments; put those in a target for the whole regime
diag-target-no-bound = the target sets no bound
    .help = give at least one of approval_days, working_days, calendar_days, trips, forms, materials, departments

## CSV item lists.
diag-csv-empty = the file is empty
    .help = write a header line `{ $header }` and one row per item
diag-csv-row-length = the row has { $cells } cells but the header has { $columns } columns
    .help = give every row one cell per column; quote cells that contain commas
diag-csv-syntax = cannot read the CSV: { $detail }
    .help = check the quotes on this line; a cell with a comma or quote must be quoted
diag-csv-too-many-cells = the item list has more than { $max } cells, the most permitflow reads
    .help = check that this is the item list you meant: one row per item, one column per field
diag-csv-too-many-items = the item list has more than { $max } items, the most permitflow reads
diag-csv-too-many-row-cells = this row has more than { $max } cells, the most permitflow reads in a row
diag-csv-columns = the columns are { $required } and optionally { $optional }
diag-csv-unknown-columns = { $n } unknown columns: { $names } and { $more } more
diag-csv-unknown-column = unknown column `{ $column }`
diag-csv-column-twice = column `{ $column }` appears twice
    .help = keep one of them
diag-csv-missing-column = missing column `{ $column }`
    .help = the header must name { $required } (in any order)
diag-csv-not-number = the { $what } `{ $value }` is not a number
    .help = write the { $what } as a number such as 10 or 36.5
diag-csv-what =
    .time-limit = time limit
    .floor = floor
    .cost = cost
    .min = minimum
    .likely = most likely duration
    .max = maximum
    .return-rate = return rate
    .rework = correction time
    .fee = fee
    .rereview = re-review time
diag-csv-days-empty = the time limit is empty
    .help = write the limit in working days, in steps of 0.5
diag-csv-bad-materials = materials `{ $value }` is not a count
    .help = write the number of documents the applicant hands in, e.g. 4
diag-csv-bad-joint-days = the joint time limit `{ $value }` is not a number
    .help = write NAME=DAYS, e.g. drawings=7
diag-csv-joint-days-differ = joint group `{ $id }` is given { $first } and { $second } working days
    .help = give the joint limit once, or the same on every row

## Portfolios.
diag-portfolio-too-large =
    .help = check that the file was generated as intended, or split it into several portfolios
    .projects = the portfolio lists { $n } project types; permitflow accepts at most { $max }
    .departments = the portfolio lists { $n } departments; permitflow accepts at most { $max }
diag-portfolio-version = portfolio version { $version } is not supported (this build reads version { $supported })
diag-portfolio-no-name = the portfolio has no name
    .help = name it, e.g. `name = "Mid-sized city"`
diag-portfolio-horizon = the horizon { $horizon } is not more than 0 and at most { $max } working days
    .help = give the working days to simulate, e.g. `horizon = 250` for a year
diag-portfolio-warmup = the warm-up { $warmup } is not from 0 to { $max } working days
    .help = give the working days to run before the horizon (or leave `warmup` out)
diag-portfolio-arrivals = the project types add up to { $per_year } arrivals a year; a portfolio has at most { $max }
    .help = lower `per_year` (or `rate`) of the project types; simulate a very large programme as several portfolios
diag-portfolio-no-projects = the portfolio has no project types
    .help = add a [[projects]] entry with `scenario`, `regime` and `per_year` or `rate`
diag-project-no-scenario = the scenario path is empty
    .help = give the scenario file, relative to this portfolio file
diag-project-no-regime = the regime is empty
    .help = name one of the scenario's regimes, e.g. `regime = "joint"`
diag-project-no-name = project type { $n } has no name
    .help = give it a `name`, or a `scenario` path whose file name can serve as one
diag-project-twice = project type `{ $name }` is listed twice (entries { $first } and { $second })
    .help = give each project type its own `name` (the same scenario may appear under different names and regimes)
diag-project-two-rates = both `per_year` and `rate` are given
    .help = keep one: `per_year` (projects a year) or `rate` (projects a working day)
diag-project-no-rate = the project type has no arrival rate
    .help = add `per_year = N` (projects a year) or `rate = N` (projects a working day)
diag-project-bad-rate = `{ $key } = { $value }` is not from 0 to { $max } projects { $unit }
    .help = give the projects that arrive (a year for `per_year`, a working day for `rate`)
    .per-year = a year
    .per-day = a working day
diag-department-no-name = department { $n } has no name
    .help = write the department as the scenarios' items name it
diag-department-twice = department `{ $name }` is listed twice (entries { $first } and { $second })
    .help = list each department once, with all its reviewers
diag-department-reviewers = { $reviewers } reviewers is not a whole number from 1 to { $max }
    .help = give the reviews the department can have in progress at once; leave the department out for unlimited capacity
diag-department-unknown = unknown department `{ $name }`: none of the portfolio's scenarios has it
    .did-you-mean = did you mean `{ $id }`? The scenarios' departments are { $list }
    .help = write the department as the scenarios' items name it: { $list }; a department no scenario has is never used, and the one meant keeps unlimited reviewers

## Holiday calendar files.
diag-calendar-unreadable = cannot read the calendar: { $detail }
    .help = a calendar file has the holiday-cn shape { $example }
diag-calendar-bad-date = `{ $date }` ({ $name }) is not a date
    .help = write dates as YYYY-MM-DD
diag-calendar-year = the calendar's year { $year } is not from { $from } to { $to }
    .help = a holiday file holds one year's holidays: `"year": 2027`
diag-calendar-outside-year = { $date } ({ $name }) is not in the calendar's year { $year }
    .help = a file holds the days of its `year` only (and, as holiday-cn does, a day across New Year of a holiday that has days in the year); put { $date } in the file of { $year } or correct the date
diag-calendar-both = { $date } ({ $name }) is listed both as a day off and as a working day
    .help = list each date once, with `isOffDay` true for a holiday and false for a make-up working day
diag-calendar-contradiction = { $date } is { $kind } ({ $name }) here but { $other_kind } ({ $other_name }) in { $other }
    .help = the calendar files contradict each other: correct one of them, or name only one file for the year
diag-calendar-day-kind =
    .off = a day off
    .working = a working day

## The compact predecessor syntax (after "cannot read predecessor `x`:"), and materials.
diag-after-empty = an empty predecessor
diag-after-link-type = unknown link type `{ $kind }` (use FS, SS, FF or SF)
diag-after-lag = the lag `{ $lag }` is not a number of working days (or of calendar days, with the suffix cd)
diag-after-no-id = a predecessor without an item id
diag-materials-negative = materials must be a count from 0, not { $value }
diag-materials-too-large = materials count { $value } is too large

## The solver: why a regime has no schedule, plan or simulation.
diag-solver-unknown-regime = unknown regime `{ $name }`; the scenario has { $known }
diag-solver-unknown-measure = regime `{ $regime }` names unknown measure `{ $measure }`
diag-solver-cancelled = cancelled
diag-solver-conflicting-measures = measures `{ $first }` and `{ $second }` both set the limit of `{ $item }` (to { $first_days } and { $second_days } working days): keep one of them in the regime
diag-solver-bad-measure = measure `{ $measure }` cannot be applied: { $reason }
diag-solver-cycle = the constraints go round in a circle: { $path }
diag-solver-infeasible = the plan is infeasible: these constraints cannot all hold (together they ask for { $excess } working days more than they allow):{ $constraints }
diag-solver-lp = the LP solver failed: { $detail }
diag-solver-no-item = item `{ $id }` does not exist
diag-solver-no-link = there is no finish-to-start link from `{ $from }` to `{ $to }`
diag-solver-no-stage = stage `{ $id }` does not exist
diag-solver-horizon = the horizon { $horizon } is not a positive number of working days
diag-solver-warmup = the warm-up { $warmup } is not a number of working days ≥ 0
diag-solver-rate = project type `{ $name }` has arrival rate { $rate }, not a number ≥ 0
diag-solver-add-reviewer = department `{ $name }` has no listed reviewers (departments not listed have unlimited capacity); list it with its reviewers or pick one of: { $known }
diag-solver-lp-inconsistent = the LP reported infeasible but the constraints hold
diag-solver-plan-lp-infeasible = the planning LP is infeasible although today's limits are feasible
    .at = the planning LP is infeasible at { $target } although today's limits are feasible
diag-solver-plan-infeasible = the planning program is infeasible although today's limits are feasible
    .at = the planning program is infeasible at { $target } although today's limits are feasible
diag-solver-plan-unbounded = the planning program is unbounded
diag-solver-sensitivity = the sensitivity of `{ $id }` did not converge (the makespan is not convex in it)

## The constraints of an infeasible plan, one sentence each.
diag-solver-working-days = { $n ->
    [one] { $days } working day
   *[other] { $days } working days
}
diag-solver-point =
    .starts = starts
    .finishes = finishes
diag-solver-origin-link = link { $from } → { $to }
diag-solver-origin =
    .tolerance = tolerance acceptance
    .serial = serial regime: one department after another
    .stage-gate = stage gate: unified delivery
diag-solver-bound-max = { $to } { $verb_to } at most { $days } after { $from } { $verb_from } (maximum lag; { $why })
diag-solver-bound-min = { $to } { $verb_to } at least { $days } after { $from } { $verb_from } ({ $why })
diag-solver-bound-release = { $id } starts no earlier than working day offset { $offset } (release)
    .start = { $id } starts no earlier than the project start
diag-solver-bound-deadline = { $id } finishes by working day offset { $offset } (deadline) and takes { $days }

## What a checked target measured (solver::describe_target).
diag-target-no-schedule = regime `{ $regime }` has no schedule
diag-target-measured = { $figure } { $what } { $op } { $bound }
diag-target-working-days = { $n ->
        [one] working day
       *[other] working days
    }
diag-target-stage-working-days = working days in stage { $stage }
diag-target-stage-absent = stage { $stage } has no items under this regime
diag-target-trips = { $n ->
        [one] trip
       *[other] trips
    }
diag-target-forms = { $n ->
        [one] form
       *[other] forms
    }
diag-target-materials = { $n ->
        [one] material
       *[other] materials
    }
diag-target-departments = { $n ->
        [one] department
       *[other] departments
    }
diag-target-separator = {", "}

# --- two clocks (fmt) ---
diag-unknown-clock = unknown clock `{ $value }`
diag-unknown-unit = unknown unit `{ $value }`
diag-clock-allowed = { $names } (in item lists also { $names_zh })
diag-clock-did-you-mean = did you mean `{ $value }`? Use one of { $allowed }
diag-clock-use-one-of = use one of { $allowed }
diag-bad-fee = the fee { $fee } is not an amount of yuan from 0 up
    .help = give the fee in yuan, 0 or more: fee = 1200, or a table with value and source
diag-clock-what =
    .time-limit = time limit
    .floor = floor
    .spread = spread
    .lag = lag
    .max-lag = maximum lag
    .target = target
diag-calendar-not-whole = the { $what } { $value } is in calendar days, which are whole days
    .help = write a whole number of calendar days (e.g. 10), or count it in working days (unit = "working", or a lag without cd)
diag-calendar-joint = a calendar-day item cannot be a member of joint group `{ $group }`
    .help = a joint event is counted in working days: make the item a working-day item (unit = "working") or take it out of the group
diag-returns-ambiguous = `rework_days` without `correction_days` is ambiguous
    .help = write correction_days for the applicant's correction time (the clock stopped; older files called it rework_days) and rework_days for the re-review (the clock running)
diag-returns-rework-twice = rework_days and rereview_days both give the re-review time
    .help = keep one: rework_days (rereview_days is its older name)
diag-target-two-measures = the target bounds both { $first } and { $second }
    .help = a target bounds one measure of days: approval_days, working_days or calendar_days; put the other in a target of its own
diag-target-bad-range = cannot read the range `{ $text }`
    .help = write a range as text "MIN..MAX", e.g. { $key } = "36.5..54"
diag-target-range-order = the range `{ $text }` starts at { $min }, above its end { $max }
    .help = write the smaller number first

# --- two clocks (dated) ---
diag-solver-calendar-lp = the LP cross-check (`--method lp`) counts working days only, and `{ $item }` is counted in calendar days: use the default method (paths), which places calendar days exactly on the calendar
diag-solver-calendar-plan = `{ $item }` is counted in calendar days, and a network planned without a calendar cannot place it: plan the scenario on its calendar (`permitflow plan`, or `plan_on` with the scenario's calendar)
diag-target-approval-days = { $n ->
        [one] approval day
       *[other] approval days
    }
diag-target-calendar-days = { $n ->
        [one] calendar day
       *[other] calendar days
    }
diag-target-stage-approval-days = approval days in stage { $stage }
diag-target-stage-calendar-days = calendar days in stage { $stage }
diag-target-in-range = { $figure } { $what } in { $min }..{ $max }
diag-target-out-of-range = { $figure } { $what } outside { $min }..{ $max }
diag-solver-calendar-days = { $n ->
    [one] { $days } calendar day
   *[other] { $days } calendar days
}

# --- two clocks (ms) ---
diag-word-milestone = milestone
    .a = a milestone
diag-milestone-unknown-at = unknown end `{ $value }`
    .help = a milestone is reached when its item finishes or starts: write at = "finish" (the default) or at = "start"

# --- two clocks (sim) ---

# --- two clocks (simcal) ---
diag-solver-calendar-returns = `{ $item }` is counted in calendar days, is on the approval clock and its returns stop the clock for a correction: the simulation cannot cut its review and corrections on the calendar yet. Count it in working days, put it on another clock, or use `centre`, which places it exactly

# --- rules ---
diag-word-attribute = attribute
    .a = an attribute
# --- end rules ---
# --- measures ---
diag-agent-nothing = an agent_service measure changes nothing
    .help = add items = ["…"] with factor = 0.5 (the applicant items agents speed up), limits = {"{"} item = days {"}"}, or returns_factor = 0.5 (fewer returns)
diag-agent-items-factor = an agent_service measure gives items without a factor, or a factor without items
    .help = give both: items = ["…"] and factor = 0.5 (their time is multiplied by it)
diag-agent-bad-factor = { $field } = { $value } is not a share from 0 to 1
    .help = write a share such as 0.5 (factor above 0, returns_factor from 0 up)
diag-agent-not-applicant = `{ $id }` is not the applicant's own work: agent service shortens only applicant items
    .help = name items with clock = "applicant" or kind = "applicant_work"; cut a department's limit with time_limit_compression
diag-verification-late = the verification takes { $days } working days, longer than its deadline of { $deadline }
    .help = make deadline_days at least the verification's days
diag-verification-rate = the verification's failure_rate { $rate } is not a probability below 1
    .help = give failure_rate as a share from 0 to below 1 (5 % is 0.05)
diag-solver-origin-verification = verification after a notification-commitment, within its deadline
# --- end measures ---
# --- region21 ---
diag-regional-nothing = a regional_assessment measure names no items
    .help = add drop = ["…"] (assessments the area's own covers, left out) and/or commit = ["…"] (items granted on commitment)
diag-regional-twice = `{ $id }` is named twice in this regional_assessment measure
    .help = name an item once: in drop (left out) or in commit (granted on commitment)
diag-regional-no-attribute = a regional_assessment measure takes effect by the project attribute `{ $name }`, which the scenario does not declare
    .help = add `{ $name } = false` (or true) to [project]; give --attr { $name }=yes for a project in the assessed area
diag-regional-attribute-kind = the project attribute `{ $name }` is of type { $kind }, but a regional_assessment measure needs it yes/no
# --- end region21 ---
