## permitflow catalogue: cli, en.
## Keys start with "cli-". Every key exists in both languages (a test checks).


## Language choice
cli-lang-unknown = `{ $value }` is not a language permitflow speaks: use zh-CN or en
cli-lang-ignored = warning: PERMITFLOW_LANG={ $value } names no language permitflow speaks (zh-CN, en); ignored

## --help: the descriptions of the commands and options (English: as in the code's doc comments)
cli-about = Plan and simulate construction-project approvals: serial, parallel and joint regimes, minimum working days
cli-about-long = Plan and simulate construction-project approvals.

    Without a command, compares the regimes of the shipped default scenario (general social-investment housing, Hezhou 2020).

    Exit codes: 0 success, 1 a target missed (check), 2 invalid input.
cli-about-compare = Compare every regime side by side: working days, end date, trips, forms, materials, departments, days per stage, critical path, targets
cli-about-solve = The schedule of one regime: each item's start, finish, dates, float, and the critical path
cli-about-chart = Draw schedule charts: the regimes compared on one time axis, then a Gantt chart per regime. SVG or PNG by the output's extension
cli-about-report = One self-contained HTML report a planner can send: the comparison, the charts, the critical paths and, where the scenario has them, the simulation and the reform planner
cli-about-export = Export one regime's schedule for the tools planners use: Microsoft Project XML (MSPDI, with the calendar's holidays and make-up days), CSV or JSON
cli-about-simulate = Monte Carlo simulation of approval times: P50/P80/P95, the probability of meeting each target, how often each item is critical, and which items drive the spread
cli-about-plan = Reform planner: the cheapest way to reach a target by cutting time limits (each item's floor and cost per day), what each measure of the regime is worth, and how sensitive the project is to each critical item. Exit 1 when the target is out of reach
cli-about-centre = Approval-centre simulation: many projects arriving over a horizon, each department with a limited number of reviewers: lead times, waiting, utilisation, the bottleneck, and where one more reviewer helps most
cli-about-check = Validate scenario files, solve every regime and check the targets. Exit 0 when all hold, 1 when a target is missed, 2 when a file is invalid
cli-about-batch = Solve every scenario under every regime and check its targets: for CI and large libraries. Exit 0 when every target holds, 1 when a target is missed, 2 when a scenario is invalid or infeasible (it is reported and the others still run)
cli-about-merge = Combine the results tables of several `batch --shard` runs into one; exits as `batch` would have on the whole library
cli-about-library = Write the scenario library page: every scenario in a folder with its regimes' results, and each published figure or target beside what permitflow computes (Markdown). Exit 1 when a figure does not hold, 2 when a scenario is invalid
cli-about-import = Convert a CSV item list into a scenario file (TOML, or JSON by extension)
cli-about-completions = Print a shell completion script (e.g. `permitflow completions bash > ~/.local/share/bash-completion/completions/permitflow`)
cli-about-man = Print the manual page (roff, for `man -l -`), or write one page per command into a folder (permitflow.1, permitflow-compare.1, …)
cli-help-lang = The language of tables, messages and help: zh-CN or en (default: PERMITFLOW_LANG, then the locale, LC_ALL, LC_MESSAGES or LANG, then English)
cli-help-file = Scenario (.toml, .json) or CSV item list; the shipped default scenario if omitted
cli-help-import-file = The CSV item list
cli-help-format = Output format
cli-help-export-format = mspdi (Microsoft Project XML), csv or json
cli-help-excel = With `--format csv`: start with a UTF-8 byte-order mark, so Excel shows Chinese names
cli-help-start = Start date (YYYY-MM-DD), overriding the scenario's
cli-help-check-start = Start date for CSV item lists (YYYY-MM-DD; default today)
cli-help-import-start = Start date of the scenario (YYYY-MM-DD; default today)
cli-help-set = What-if: change an item's time limit without editing the file, e.g. `fire_design.days=3` (repeatable)
cli-help-measure = What-if: add (`REGIME+MEASURE`) or drop (`REGIME-MEASURE`) a measure (repeatable)
cli-help-method = How to compute the schedule: exact longest paths, or the linear program
cli-help-regime = The regime to schedule
cli-help-regimes = Only these regimes (repeatable)
cli-help-centre-regimes = Run every project type under this regime instead of the portfolio's (repeatable, to compare regimes under the same arrivals)
cli-help-out = The file to write
cli-help-simulate-chart = Also draw the distributions and the sensitivity tornado (.svg or .png)
cli-help-plan-chart = Also draw the time–cost curve (with --curve), the measure waterfall and the sensitivity (.svg or .png)
cli-help-centre-chart = Also draw utilisation, lead times and work in progress (.svg or .png)
cli-help-seed = Seed of the random numbers: the same seed gives the same numbers on every run
cli-help-iterations = Number of iterations (1 to 10,000,000)
cli-help-target = The working days to reach
cli-help-check-files = Scenario files or CSV item lists
cli-help-merge-files = Results files written by `batch --out` (CSV or JSON)
cli-help-portfolio = The portfolio file (project types, arrival rates, reviewers per department)

## Argument values
cli-bad-date = `{ $value }` is not a date; write it as YYYY-MM-DD, e.g. 2025-03-03
cli-date-out-of-range = { $date } is not in the years { $from } to { $to }
cli-bad-scale = `{ $value }` is not a scale from 0.25 to 8
cli-bad-horizon = `{ $value }` is not a horizon of more than 0 and at most 10,000 working days
cli-needs-csv-out = a .csv `--out`
cli-needs-format-csv = `--format csv`
cli-excel-needs-csv = `--excel` writes CSV with a byte-order mark for Excel: use it with { $needs }

## Progress and files written (standard error)
cli-reading = reading { $file }
cli-drawing = drawing { $file }
cli-solving = solving { $items } items under { $regime }
cli-simulating = simulating { $regime } ({ $iterations } iterations)
cli-centre-progress = {"{"}spinner{"}"} {"{"}pos{"}"} replications simulated ({"{"}elapsed{"}"})
cli-batch-progress = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} scenarios {"{"}elapsed_precise{"}"}
cli-wrote = wrote { $file }
cli-chart-wrote = wrote { $file }: { $n } { $n ->
        [one] regime
       *[other] regimes
    }, { $size }
cli-export-wrote = wrote { $file }: regime { $regime }, { $days } working days, { $start } → { $end }
cli-report-wrote = wrote { $file } ({ $kb } KB)
cli-import-wrote = wrote { $file }: { $stages } stages, { $items } items, { $links } links, { $groups } joint groups
cli-batch-wrote-reports = wrote { $n } reports and { $index }
cli-batch-same-file = note: { $route } is the same file as { $kept }: run once

## Errors
cli-stdout-failed = cannot write to standard output: { $error }
cli-write-failed = cannot write { $file }: { $error }
cli-create-failed = cannot create { $dir }: { $error }
cli-results-failed = cannot write the results: { $error }
cli-junit-failed = cannot write the JUnit report: { $error }
cli-man-failed = cannot render the manual page: { $error }
cli-import-failed = cannot write the scenario: { $error }
cli-import-exists = { $file } exists
    .help = choose another name, or pass --force to replace it
cli-solve-no-schedule = { $file }: regime `{ $regime }` has no schedule: { $error }
cli-no-schedule = no schedule
cli-no-schedule-because = no schedule: { $error }

## Tables
cli-calendar-note = calendar { $name } ({ $official })
cli-calendar-note-provisional = calendar { $name } ({ $official }, provisional { $provisional })
cli-calendar-note-only-provisional = calendar { $name } (provisional { $provisional })
cli-calendar-note-none = calendar { $name }
cli-col-regime = regime
cli-col-working-days =
    working
    days
cli-col-vs-serial =
    vs
    serial
cli-col-end-date = end date
cli-col-trips = trips
cli-col-forms = forms
cli-col-materials = materials
cli-col-departments = departments
cli-col-id = id
cli-col-days = days
cli-col-start = start
cli-col-finish = finish
cli-col-from = from
cli-col-to = to
cli-col-float = float
cli-col-department = department
cli-col-name = name
cli-compare-application = application { $date } · { $calendar }
cli-compare-per-stage = approval days / working days per stage
cli-compare-critical-path = critical path
cli-compare-targets = targets
cli-stage-merged-first = { $days } (merged)
cli-stage-merged-into = ↖ merged
cli-target-met = ✓ met{"   "}
cli-target-missed = ✗ missed
cli-target-na = ? n/a{"   "}
cli-solve-heading = { $scenario } — regime { $regime }: { $approval } approval days, { $days } working days, { $calendar_days } calendar days, { $start } → { $end } · { $calendar }
cli-solve-legend = ● critical (no float) · start/finish in working days from the application · { $trips } trips, { $forms } forms, { $materials } materials, { $departments } departments
cli-check-summary = { $file }: { $stages } stages, { $items } items, { $links } links, { $regimes } regimes
cli-check-target-met = target met
cli-check-target-missed = target MISSED
cli-check-target-na = target n/a
cli-check-calendar-warning = calendar warning
cli-check-calendar-failed = calendar FAILED
cli-simulate-heading = { $scenario } — simulation, { $iterations } iterations, seed { $seed }
cli-rng-note = PCG64 (MCG) seeded per 4,096-iteration chunk: the same seed gives the same numbers on any number of threads
cli-simulate-unit = (approval days: working days on which an approval-clock item runs; a return's correction stops the clock, its re-review runs it. Elapsed: from the application to the last finish)
cli-simulate-targets = probability of meeting each target
cli-simulate-infeasible = { $regime }: { $n } iterations broke a maximum lag or deadline (counted as missing every target)
cli-simulate-criticality = { $regime }: criticality (share of iterations on the critical path)
cli-simulate-sensitivity = { $regime }: what drives the spread (working days per standard deviation of the item)
cli-plan-heading = { $scenario } — regime { $regime }: { $days } working days today, target { $target }
cli-plan-out-of-reach = ✗ the target is out of reach: the least achievable is { $least } working days, with every limit at its floor.
cli-plan-limiting = What limits it: { $limiting }
cli-plan-already-met = ✓ already met: { $days } working days ≤ { $target }; nothing to cut.
cli-plan-reachable = ✓ reachable: { $days } working days at a cost of { $cost } (least achievable: { $least })
cli-plan-curve = time–cost curve (least cost of each makespan; breakpoints)
cli-plan-measures = what each measure is worth (serial { $serial } → { $regime } { $days })
cli-plan-sensitivity = sensitivity of the critical items (cutting one working day from an item)
cli-labelled = { $label }: { $text }
cli-help-centre-seed = Seed: the same seed gives the same numbers; regimes compared see the same arrivals
cli-help-horizon = Working days simulated, more than 0 and up to 10,000 (default: the portfolio's horizon)
cli-help-replications = Independent replications (1 to 100,000)
cli-help-add-reviewer = What-if: one more reviewer in this department
cli-help-rank = Rank the departments by the P80 lead time one more reviewer saves
cli-help-calendar = A holiday-cn JSON file of one year's holidays and make-up working days, e.g. the State Council's notice for next year: it replaces that year's provisional days (repeatable). Files named cn-YYYY.json or YYYY.json in the folder $PERMITFLOW_CALENDAR_DIR apply too
cli-help-strict-calendar = Fail (exit 1) when a schedule's dates touch a year whose holidays are provisional or unknown to the calendar: for CI that must not plan on guessed holidays
cli-help-kind = Which charts
cli-help-arrows = Dependency arrows in the Gantt charts (auto: under 100 bars)
cli-help-scale = PNG pixels per SVG unit (0.25 to 8)
cli-help-report-plan = The reform planner's regime and target, e.g. `joint:298` (default: the last regime, halfway from its working days to the least achievable)
cli-help-export-regime = The regime to export
cli-help-plan-regime = The regime to plan from
cli-help-curve = Also report the time–cost curve: the least cost of every reachable makespan
cli-help-paths = Scenario files, folders (searched recursively) or glob patterns
cli-help-batch-out = Write the results table here (CSV, or JSON by extension), atomically
cli-help-csv-out-excel = With a .csv `--out`: a UTF-8 byte-order mark first, so Excel shows Chinese names
cli-help-junit = Write a JUnit XML report here: one test case per scenario target
cli-help-shard = Run only the K-th of N deterministic shares of the files (CI matrices, job arrays)
cli-help-batch-report = Also write an HTML report per scenario and an index page into this folder
cli-help-merge-out = The combined table (CSV, or JSON by extension)
cli-help-library-dir = The folder of scenario files
cli-help-library-out = Write the page here (atomically) instead of printing it
cli-help-force = Replace the output file if it exists
cli-help-shell = The shell
cli-help-man-dir = Write the pages into this folder (created if missing) instead of printing the main one
cli-help-usage = Usage:{" "}
cli-help-commands = Commands
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-help = Print help
cli-help-version = Print version

## Argument errors (English: clap's own words; these are for the other languages)
cli-usage-error = error: { $message }
cli-usage-more = For more information, try '--help'.
cli-usage-invalid-value = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-usage-unknown-argument = unexpected argument '{ $arg }' found
cli-usage-unknown-command = unrecognized subcommand '{ $command }'
cli-usage-missing = the following required arguments were not provided: { $args }

# --- two clocks (out) ---
cli-col-approval-days =
    approval
    days
cli-col-calendar-days =
    calendar
    days
cli-col-fees =
    fees
    (yuan)
cli-compare-clocks = approval days: official approval time (the working days on which the approval clock runs) · working days, calendar days: elapsed from the application to the last finish
cli-solve-fees = fees: { $fees } yuan
cli-check-clocks = { $approval } approval days, { $days } working days, { $calendar } calendar days
cli-col-clock = clock
cli-calendar-days-unit = calendar days

# --- two clocks (ms) ---
cli-compare-milestones = milestones: when each is reached, days from the application

# --- two clocks (sim) ---
cli-sim-not-simulated = not simulated
cli-sim-target = { $name } — { $measure }

# --- two clocks (plan) ---
cli-plan-calendar-items = Counted in calendar days, never cut and placed exactly on the calendar: { $items }. The target and every figure are elapsed working days from the application, from the exact schedule.
cli-plan-fallback = ! No plan re-timed exactly within { $rounds } rounds met the target, so every limit is cut as deep as it goes: exact, but a cheaper plan may exist.

# --- calibrate ---
cli-about-calibrate = Fit the model to an approval system's event log (CSV or XES): per item the official time, returns, corrections, the overdue rate and a fitted spread; per project type the arrivals per year and lead times; the fitted scenario (-o) and portfolio with each number's source, validated by simulation.
cli-help-calibrate-log = The event log: CSV (case,project_type,item,department,event,time, or 案件编号,项目类型,事项,部门,环节,时间) or XES (.xes).
cli-help-calibrate-scenario = The scenario whose items, statutory limits and calendar apply (default: the China calendar, no limits).
cli-calibrate-nothing = { $file } has no item of a case both received and completed: nothing to measure
    .help = a case's item needs a received and a completed record (受理 and 办结); see the rejected records above
cli-calibrate-not-in-log = scenario items with no completed case in the log: { $items }
cli-calibrate-rejected = { $n } records of { $file } left out:
cli-calibrate-rejected-row = { $place }, case { $case }: { $reason }
cli-calibrate-rejected-more = … and { $n } more
cli-calibrate-heading = Event log { $file }: { $cases } cases, { $first } to { $last }
cli-calibrate-open = { $n } items received but not completed (left out of the times)
cli-calibrate-items = Per item: official time in working days (received to completed, less suspensions and returns); the spread is fitted to the first reviews (to the first return or completed), re-reviews are the returns' time
cli-calibrate-types = Per project type: lead time in elapsed working days (first received to last completed)
cli-calibrate-col-item = item
cli-calibrate-col-cases = cases
cli-calibrate-col-mean = mean
cli-calibrate-col-p50 = P50
cli-calibrate-col-p80 = P80
cli-calibrate-col-min = min
cli-calibrate-col-max = max
cli-calibrate-col-spread = spread
cli-calibrate-col-returns = return rate
cli-calibrate-col-correction = correction
cli-calibrate-col-special = special
cli-calibrate-col-limit = limit
cli-calibrate-col-overdue = overdue
cli-calibrate-col-type = project type
cli-calibrate-col-per-year = per year
cli-calibrate-col-lead-p50 = lead P50
cli-calibrate-col-lead-p80 = lead P80
cli-calibrate-col-lead-p95 = lead P95
cli-calibrate-empirical = empirical
cli-calibrate-fixed = fixed { $days }
cli-calibrate-col-rereview = re-review
cli-help-calibrate-output = Write the fitted scenario here (TOML): the base's flow with the log's spreads and returns, or without --scenario a flow read from the log.
cli-help-calibrate-portfolio = Also write a portfolio (TOML) of the log's project types on the fitted scenario.
cli-help-calibrate-regime = The regime the log's cases ran under (the validation's and the portfolio's; default: the scenario's first regime).
cli-calibrate-wrote = wrote { $file }: spreads and returns of { $items } items fitted (each with its source)
cli-calibrate-spread-kept = spreads not fitted, left as they were (fewer than { $n } cases): { $items }

# --- loggen ---
cli-log-one-regime = --log writes the cases of one regime, and { $regimes } were given
    .help = name exactly one regime with --regime, e.g. --regime parallel
cli-log-wrote = wrote { $file }: { $records } records
cli-help-log = Also write a synthetic event log of the regime's cases (CSV, - for standard output), as an approval system records them; needs exactly one --regime
cli-help-log-cases = Cases in the log (1 to 100,000)
cli-help-log-from = The first day cases may arrive (YYYY-MM-DD; default the scenario's start date)
cli-help-log-days = Calendar days the arrivals are spread over, uniformly (1 to 3660)
cli-help-calibrate-chart = Write the observed and simulated lead times as a chart (.svg or .png).
cli-help-calibrate-seed = Seed of the validation's simulated cases: the same seed gives the same numbers.
cli-calibrate-validation = Validation: the fitted scenario simulated under { $regime } ({ $cases } cases, seed { $seed }), recorded and measured as the log was: lead time in elapsed working days
cli-calibrate-col-measure = percentile
cli-calibrate-col-observed = observed
cli-calibrate-col-simulated = simulated
cli-calibrate-col-difference = difference
cli-help-calibrate-project-type = Only the records of this project type (a log of several types, calibrated type by type against each type's flow).
cli-calibrate-one-flow = (one fitted flow is simulated for every project type: with several types, calibrate each with --project-type and its own --scenario)
cli-calibrate-not-in-scenario = log items the scenario does not have (their records are left out): { $items }
cli-calibrate-and-more = { " " }… and { $n } more
cli-calibrate-not-toml = { $file }: the fitted scenario and portfolio are written as TOML
    .help = name the file .toml
cli-calibrate-portfolio-stdout = the portfolio names the fitted scenario's file, and -o - writes it to standard output
    .help = give -o a file name (fitted.toml) with --portfolio

# --- rules ---
cli-attr-note = note: { $note }
cli-attributes-line = Project attributes: { $values }
cli-help-attr = A project attribute's value, overriding the scenario's default ([project]): items and links whose when condition is false are left out (repeatable), e.g. --attr underground_area=5000
# --- end rules ---
# --- family21 ---
cli-batch-attr-undeclared = note: --attr { $name } is not applied to { $n ->
        [one] the file that does not declare it
       *[other] the { $n } files that do not declare it
    }: { $files }
cli-help-variant = One project of the scenario's family: a [[variants]] entry's values over the defaults (--attr still applies on top), e.g. --variant large-basement
cli-help-variants = all (default): each file's default project and every [[variants]] entry (named file.toml#ID); none: the default projects only
# --- end family21 ---
