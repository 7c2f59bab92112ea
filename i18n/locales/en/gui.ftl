## permitflow catalogue: gui, en.
## Keys start with "gui-". Every key exists in both languages (a test checks).


## Command line of the app
gui-usage =
    usage: permitflow-gui [FILE] [--tab compare|schedule|simulation|planner|centre|calibrate|author|versions] [--run] [--dialog NAME]
      FILE      a scenario (.toml, .json) or an item list (.csv, .xlsx) to open instead of the default scenario
      --tab     the tab shown at start
      --run     run the tab's analysis at start (the simulation, or the approval centre with its portfolio)
      --dialog  open a dialog at start: schedule (export a schedule), report, charts, save-as or open (the file browser)
gui-arg-unknown-dialog = unknown dialog `{ $value }`
gui-arg-unknown-tab = unknown tab `{ $value }`
gui-arg-needs-value = { $option } needs a value
gui-arg-unknown-option = unknown option `{ $option }`
gui-arg-one-file = give at most one FILE
gui-error = error: { $message }
gui-error-window = error: cannot open the window: { $message }
gui-warn-lang-ignored = warning: PERMITFLOW_LANG={ $value } names no language permitflow speaks (en, zh-CN); ignored

## Tabs
gui-tab-compare = Compare regimes
gui-tab-simulation = Simulation
gui-tab-planner = Reform planner
gui-tab-centre = Approval centre
gui-tab-author = Author

## Language
gui-menu-language = Language
gui-menu-language-tip = the language of the app; remembered for the next start
gui-status-language = language: { $name }

## Toolbar and status bar
gui-open = Open
gui-open-hint = path of a .toml, .json, .csv or .xlsx file (or drop a file on the window)
gui-open-file = Open file
gui-save = Save
gui-save-as = Save as…
gui-undo = Undo
gui-redo = Redo
gui-export = Export
gui-default-label = social-investment-housing.toml (built in)
gui-unsaved-mark = ● unsaved changes
gui-shipped-scenarios = Shipped scenarios
gui-open-default = Default: social-investment housing (built in)
gui-recent-files = Recent files
gui-export-charts = Charts of this tab (SVG or PNG)…
gui-export-schedule = Export schedule…
    .tip = one regime's schedule as MS Project XML (MSPDI), CSV or JSON
gui-export-report = Write report (HTML)…
    .tip = one self-contained page: the comparison, charts, critical paths, simulation and planner
gui-status-solved = { $n } regimes solved and drawn in { $ms } ms
gui-status-updating = updating the schedules…
gui-status-writing-report = writing the report…

## Compare tab
gui-col-regime = regime
gui-col-working-days = working days
gui-col-vs-serial = vs serial
gui-col-end-date = end date
gui-col-trips = trips
gui-col-forms = forms
gui-col-materials = materials
gui-col-departments = departments
gui-col-days-per-stage = days per stage
gui-compare-subtitle = application { $start } · calendar { $calendar } · working days count from the first working day
gui-target-met = ✓ met
gui-target-differs = ≠ differs from the figure
gui-target-missed = × missed
gui-target-unsolved = ? not solved
gui-target-line = { $name } ({ $regime }): { $detail }
gui-fit-charts = fit charts to width
gui-compare-hover-hint = hover a bar for its department, limit, dates and float
gui-cannot-solve = cannot be solved
gui-cell-working-days = { $name }: { $days } working days
gui-cell-vs-serial = { $name }: { $diff } vs serial
gui-cell-count = { $name }: { $n } { $what }
gui-gantt-float = { $days } working days
gui-gantt-float-critical = { $days } working days · on the critical path
gui-gantt-tooltip =
    { $name } ({ $id })
    Department: { $department }
    Limit: { $limit } working days
    Start: { $start }, { $start_days } working days after the application
    Finish: { $finish }, { $finish_days } working days after the application
    Float: { $float }

## Simulation tab
gui-sim-iterations = Iterations
gui-seed = Seed
gui-sim-on-change = run on every change
gui-sim-run = Run simulation
gui-sim-running = simulating…
gui-job-simulation = simulation
gui-sim-note = Durations drawn from each item's spread, submissions returned for correction at their rate; PCG64 seeded per 4,096-iteration chunk, so a seed always gives the same numbers.
gui-sim-press-run = Press “Run simulation”.
gui-stale-results = These results are for an earlier version of the scenario.
gui-sim-done = { $iterations } iterations, seed { $seed }, in { $ms } ms
gui-sim-table-note = lead times in working days; deterministic: with every item at its limit, no spread
gui-sim-probability = probability of meeting
gui-sim-most-critical = most often critical:

## Reform planner tab
gui-plan-regime = Regime
gui-plan-target = Target (working days)
gui-plan-today = today: { $days } working days
gui-plan-running = planning…
gui-job-planner = planner
gui-plan-note = The cheapest limits to cut (each between its floor and today's limit, at its cost per working day) to bring the regime to the target.
gui-plan-out-of-reach = × { $target } working days is out of reach: the least achievable is { $least }, with every limit at its floor.
gui-plan-limiting = What limits it: { $items }
gui-plan-already-met = ✓ already met: { $current } ≤ { $target } working days; nothing to cut.
gui-plan-reachable = ✓ reachable: { $current } → { $days } working days at a cost of { $cost } cost units (least achievable { $least })
gui-plan-cost-note = cost: each item's cost per working day cut (the scenario's `cost`, in its own units) × the days cut
gui-plan-adopt = Adopt these limits
    .tip = set the new limits in the scenario (one undo step)
gui-plan-sensitivity = Sensitivity of the critical items
gui-plan-attribution = What each measure is worth (serial { $serial } → { $regime } { $days })

## Approval centre tab
gui-centre-note = Projects arrive at random at each type's rate; each department reviews as many files at once as it has reviewers, key projects first, returns re-queued. Replications share their arrivals (common random numbers), so a seed always gives the same numbers.
gui-centre-press-run = Choose a portfolio and press “Run approval centre”.
gui-centre-stale = These results are for { $portfolio }.
gui-centre-portfolio = Portfolio
gui-centre-portfolio-hint = path of a portfolio (.toml)
gui-centre-shipped = Shipped portfolios
gui-centre-replications = Replications
gui-centre-run = Run approval centre
gui-centre-choose-first = choose a portfolio first
gui-centre-running = simulating the approval centre…
gui-job-centre = approval centre
gui-computed-in = computed in { $ms } ms

## Shared widgets
gui-cancel = Cancel
gui-cancel-job = Cancel { $job }
    .tip = stop waiting for this result; it is dropped when it arrives

## Problems panel
gui-problems-not-opened = The file could not be opened; the scenario shown is still the previous one.
gui-dismiss = Dismiss
gui-problems-invalid-edit = The last edit makes the scenario invalid: the schedules show the last valid scenario. Fix the value or undo.
gui-problems-show-item = show this item in the time limits
gui-problems-help = help: { $help }
gui-problems-more = … and { $more } more problems ({ $all } in all; the first { $shown } are shown)
gui-and-more-problems = ; and { $n } more problems

## Calendar banner
gui-calendar-file-in-use = calendar file: { $file }
gui-calendar-forget = Forget calendar file
gui-calendar-holiday-file = holiday-cn file
gui-calendar-hint = e.g. cn-2027.json
gui-calendar-use = Use calendar file
gui-unreadable = unreadable
gui-calendar-not-used = the calendar file { $file } was not used: { $why }
gui-calendar-forgotten = calendar file forgotten: the scenario's own calendar
gui-calendar-using = calendar: using { $file } (remembered)
gui-calendar-unusable = the calendar file { $file } cannot be used: see the problems

## Status messages
gui-edit-not-applied = { $edit }: not applied to the schedules, see the problems below
gui-undone = undone
gui-nothing-to-undo = nothing to undo
gui-redone = redone
gui-nothing-to-redo = nothing to redo
gui-shipped-read-only = a shipped scenario is read only: save a copy under another name
gui-no-schedule = regime `{ $regime }` has no schedule to export
gui-cancelled-simulation = cancelled the simulation
gui-cancelled-planner = cancelled the reform planner
gui-cancelled-centre = cancelled the approval-centre run
gui-opened = opened { $file }
gui-opened-shipped = opened { $file } (shipped, read only: Save As makes a copy)
gui-new-scenario = new scenario
gui-could-not-open = could not open { $file }: { $n } problem(s)
gui-not-saved-problems = not saved: fix the problems first (or undo the edit that caused them)
gui-saved = saved { $file }
gui-nothing-to-export = nothing to export yet
gui-report-needs-path = write the report to a .html path
gui-writing-report-to = writing the report to { $path }…
gui-wrote-report = wrote the report to { $path }
gui-not-saved-item-list = not saved: save the scenario as .toml or .json (item lists are read only)
gui-not-saved-shipped = not saved: { $path } is a shipped scenario (read only); save a copy under another name
gui-cannot-write-json = cannot write JSON: { $error }
gui-cannot-write = cannot write { $path }: { $error }
gui-exported-charts = exported the charts to { $path }
gui-exported-schedule = exported the { $regime } schedule to { $path }
gui-not-simulated = regime `{ $regime }` was not simulated

## Dialogs
gui-dialog-save-as = Save scenario as
    .hint = a .toml (or .json) path
    .action = Save scenario
gui-dialog-charts = Export the charts of this tab
    .hint = a .svg or .png path
    .action = Export charts
gui-dialog-schedule = Export a schedule
    .hint = a .xml, .csv or .json path
    .action = Export schedule
gui-dialog-report = Write the report (HTML)
    .hint = a .html path
    .action = Write report
gui-dialog-report-note = One self-contained page to send: the scenario and its sources, the comparison, the charts, the critical paths and, where the scenario has spreads and floors, the simulation and the reform planner.
gui-dialog-path = File path
gui-dialog-atomic = Written atomically: a temporary file in the same folder, then renamed.
gui-dialog-regime = regime
gui-dialog-format = format
gui-unsaved = Unsaved changes
gui-unsaved-quit = { $file } has changes that are not saved. Save them before quitting?
gui-unsaved-open = { $file } has changes that are not saved. Save them before opening another file?
gui-unsaved-save = Save changes
gui-unsaved-discard = Discard changes

## What-if panel
gui-what-ifs = What-ifs
gui-joint-groups-count = Joint groups ({ $n })
gui-links-count = Links ({ $n })
gui-application-date = Application date
gui-not-a-date = `{ $text }` is not a date: write YYYY-MM-DD
gui-calendar-name = calendar { $name }
gui-time-limits = Time limits
gui-filter-hint = filter by id, name, department or stage
gui-float-in = float in
gui-limits-hint = ● critical · drag or type a limit (steps of ½ day)
gui-limits-item = Item
gui-limits-limit = Limit
gui-limits-float = Float
gui-limits-floor = floor { $days } working days (least the department can commit to)
gui-limits-item-tip =
    { $name }
    id: { $id }
    { $department } · { $stage }
    { $floor }
gui-limit-of = limit of { $id }
gui-limits-not-scheduled = not scheduled in this regime (merged into a joint event or left out)
gui-no-groups = No joint groups.
gui-group-tip =
    { $name } (id { $id })
    { $members }
gui-own-limit = own limit
gui-own-limit-of-group = own limit of group { $id }
gui-limit-of-group = limit of group { $id }
gui-longest-member = longest member
gui-remove = Remove
gui-remove-group-tip = examine its items separately again
gui-new-group = New joint group
gui-new-group-items = Items of one stage that are in no joint group yet (an item belongs to one group):
gui-create-group = Create joint group
gui-new-group-count = { $id }: { $n } items
gui-groups-listed = { $measures } list their groups: a new group is merged only where joint_review merges every group
gui-stage = stage
gui-new-group-stage = stage of the new group
gui-add-to-new-group = add { $id } to the new group
gui-in-group-already =
    { $name } (id { $id })
    in joint group { $group } already
gui-id-tip = id: { $id }
gui-id = id
gui-own-limit-tip = off: the joint event takes the longest member's limit
gui-own-limit-new-group = own limit of the new group
gui-limit-new-group = limit of the new group
gui-link-from = link from
gui-link-to = link to
gui-new-link-kind = kind of the new link
gui-lag = lag
gui-lag-tip = working days, in steps of ½ day; negative: a lead
gui-new-link-lag = lag of the new link
gui-add-link = Add link
gui-add-link-disabled = choose two different items
gui-choose-item = choose an item
gui-link-tip =
    { $shown }
    ids: { $ids }
gui-link-kind-of = kind of link { $link }
gui-link-lag-tip = lag in working days (steps of ½ day; negative: a lead)
gui-link-lag-of = lag of link { $link }
gui-link-max-lag-tip = maximum lag: no later than this (edit it in the file)
gui-link-remove-tip = remove this link
gui-link-remove-of = remove link { $link }
gui-measures-title = Reform measures per regime
gui-regime-base = { $regime } · base: { $base }
gui-measure-on = { $measure } on { $regime }
gui-measure-drop = drop { $measure } from the { $regime } regime
gui-measure-add = add { $measure } to the { $regime } regime

## Author tab
gui-author-new = New scenario:
gui-author-four-stages = Four national stages
    .tip = 立项用地规划许可, 工程建设许可, 施工许可, 竣工验收: one item each to start from, the three standard regimes
gui-author-empty = Empty
    .tip = one stage and one item (the least a scenario can be solved with), to build up from
gui-author-title = Title
    .label = scenario title
gui-author-read-only = shipped scenario: read only, Save As makes a copy
gui-author-note = Edits apply at once and are undoable (Ctrl+Z). Fields marked * apply on Enter. While the draft has problems (listed below), the other tabs keep the last valid schedule.
gui-author-stages = Stages
gui-author-items = Items
gui-author-departments = Departments
gui-author-regimes = Regimes
gui-author-targets = Targets
gui-author-groups = Joint groups
gui-remove-confirm = Remove?
gui-remove-also = This also changes:
gui-remove-with = Remove with these
gui-remove-keep = Keep
gui-remove-undo = Undo (Ctrl+Z) brings everything back.
gui-not-a-number = `{ $text }` is not a number (leave it empty for none)
gui-author-col-id = Id *
gui-author-col-name = Name
gui-author-col-lead = Lead department
gui-stage-up = move stage { $id } up
gui-stage-down = move stage { $id } down
gui-stage-id-of = id of stage { $id }
gui-stage-name-of = name of stage { $id }
gui-stage-lead-of = lead of stage { $id }
gui-stage-remove = remove stage { $id }
gui-new-stage-id = New stage id
gui-new-stage-lead = lead
    .hint = lead department
gui-new-stage-type-id = type an id (letters, digits, _)
gui-stage-exists = stage `{ $id }` exists already
gui-add-stage = Add stage
gui-item-col-move = {""}
    .tip = move: the serial regime examines a stage's items in this order
gui-item-col-id = Id *
    .tip = what links, groups and measures refer to; renaming changes them too
gui-item-col-zh = 中文名
    .tip = the Chinese part of the name
gui-item-col-en = English name
    .tip = the English part of the name
gui-item-col-stage = Stage
    .tip = the approval stage the item belongs to
gui-item-col-department = Department
    .tip = who handles it (a bureau, an agency, a utility)
gui-item-col-kind = Kind
    .tip = review, filing, the applicant's own work or a utility service
gui-item-col-limit = Limit
    .tip = statutory time limit, in the unit of the next column: working days (steps of ½ day) or whole calendar days
gui-item-col-floor = Floor (wd) *
    .tip = least limit the department can commit to (reform planner); empty for none
gui-item-col-cost = Cost per wd *
    .tip = cost per working day cut (reform planner); empty for the default 1
gui-item-col-materials = Materials *
    .tip = what the applicant hands in: the documents' names comma-separated, or their number
gui-item-col-spread = Spread (wd) *
    .tip = the real duration for the simulation: min/likely/max (triangular), pert min/likely/max, uniform min/max, fixed d
gui-item-col-after = After *
    .tip = predecessors, comma-separated: id, id+2 (a lag), id:SS (start-to-start)
gui-items-show = Show
gui-items-previous = Previous
gui-items-next = Next
gui-items-page = items { $first }–{ $last } of { $all }
gui-item-up = move item { $id } up
gui-item-down = move item { $id } down
gui-item-id-of = id of item { $id }
gui-item-zh-of = Chinese name of { $id }
gui-item-en-of = English name of { $id }
gui-item-stage-of = stage of { $id }
gui-item-department-of = department of { $id }
gui-item-kind-of = kind of { $id }
gui-item-limit-of = limit of { $id } (author)
gui-item-floor-of = floor of { $id }
gui-item-cost-of = cost of { $id }
gui-item-materials-of = materials of { $id }
gui-item-spread-of = spread of { $id }
gui-item-after-of = predecessors of { $id }
gui-item-remove = remove item { $id }
gui-new-item-id = New item id
gui-new-item-department = department
gui-new-item-limit = limit (wd)
gui-type-id = type an id
gui-item-exists = item `{ $id }` exists already
gui-add-stage-first = add a stage first
gui-add-item = Add item
gui-default-department = Department
gui-base-serial-tip = before reform: one department after another, a submission per item
gui-base-parallel-tip = one intake per stage, the stage's items at once
gui-departments-note = Renaming a department renames it on every item, stage and joint group (Enter applies).
gui-departments-col-name = Department *
gui-departments-col-leads = Leads stages
gui-department-field = department { $name }
gui-regimes-col-name = Name *
gui-regimes-col-base = Base
gui-regimes-col-measures = Measures
gui-regime-name-of = name of regime { $regime }
gui-regime-base-of = base of { $regime }
gui-measure-in = { $measure } in { $regime }
gui-regime-remove = remove regime { $regime }
gui-new-regime = New regime
gui-new-regime-base = new regime base
gui-new-regime-measure = new regime: { $measure }
gui-type-name = type a name
gui-regime-exists = regime `{ $regime }` exists already
gui-add-regime = Add regime
gui-targets-col-target = Target
gui-targets-col-regime = Regime
gui-targets-col-bound = Bound
gui-target-remove = remove target { $name }
gui-new-target-regime = New target: regime
gui-at-most = at most
gui-new-target-days = new target working days
gui-working-days = working days
gui-add-target = Add target
gui-new-target-name = { $regime } ≤ { $days } working days
gui-groups-note = Joint groups: items of one stage reviewed as one event under joint review. Name a group in both languages, add or take out members, or remove it; put a new one together below.
gui-groups-col-members = Members
gui-group-remove = remove group { $id }
gui-bound-days = { $op } { $n } working days
gui-bound-count = { $op } { $n } { $what }
gui-bound-documents = documents
gui-list-sep = ,{" "}
gui-bound-stage = {" "}(stage { $stage })

## Shared forms
gui-problem-with-help = { $message } ({ $help })
gui-col-days-per-stage-numbered = { $heading } ({ $numbers })
gui-name-id = { $name } ({ $id })

# --- two clocks (out) ---
gui-col-calendar-days =
    calendar
    days
gui-col-fees = fees (yuan)
gui-cell-approval-days = { $name }: { $days } approval days (official approval time; { $diff } vs serial)
gui-cell-calendar-days = { $name }: { $days } calendar days, the application day and the end day included
gui-cell-fees = { $name }: { $fees } yuan in fees
gui-cell-stage-days = { $name }: { $approval } approval days, { $days } working days, { $calendar } calendar days
gui-compare-clocks = Approval days: official approval time, the working days on which the approval clock runs. Working and calendar days: elapsed, from the application to the last finish. Days per stage: approval/working where they differ. { $assumed }.
gui-col-approval-days-vs-serial =
    approval days
    (vs serial)
gui-col-counts = trips · forms · materials · depts

# --- two clocks (ms) ---
gui-compare-milestones = Milestones: when each is reached, days from the application

# --- two clocks (sim) ---
gui-sim-clocks-note = approval days: working days on which an approval-clock item runs (a return's correction stops the clock, its re-review runs it); elapsed: from the application to the last finish
gui-sim-not-simulated = not simulated

# --- two clocks (plan) ---
gui-plan-calendar-items = Counted in calendar days, never cut and placed exactly on the calendar: { $items }. The target and every figure are elapsed working days from the application, from the exact schedule.
gui-plan-fallback = No plan re-timed exactly within { $rounds } rounds met the target, so every limit is cut as deep as it goes: exact, but a cheaper plan may exist.

# --- two clocks (authoring) ---
gui-item-col-clock = Clock
    .tip = whose clock the item's time runs on: approval (official approval time), or a special procedure, an intermediary service or the applicant (elapsed time only)
gui-item-col-unit = Unit
    .tip = whether the limit counts working days (wd) or calendar days (cd: publicity periods, construction works)
gui-item-col-fee = Fee (yuan)
    .tip = what the applicant pays for the item, in yuan; empty for none
gui-item-clock-of = clock of { $id }
gui-item-unit-of = unit of { $id }
gui-item-fee-of = fee of { $id }
gui-clock-approval = approval
gui-clock-special = special procedure
gui-clock-intermediary = intermediary service
gui-clock-applicant = applicant
gui-unit-wd = wd
gui-unit-cd = cd
gui-unit-tip = wd: working days of the scenario's calendar; cd: calendar days, every day of the week and holidays included (a publicity period, the construction works)
gui-link-lag-unit-of = lag unit of { $link }
gui-new-link-lag-unit = unit of the new link's lag
gui-plan-target-auto = Halfway
gui-plan-target-auto-tip = Aim halfway from today's working days to the least achievable (as the report does), in half days
# --- calgui ---
gui-tab-calibrate = Calibrate
gui-cal-log = Event log
gui-cal-log-hint = path of an event log (.csv or .xes)
gui-cal-shipped = Shipped logs
gui-cal-open = Open log
gui-cal-choose-first = choose an event log first
gui-cal-running = reading and measuring the log…
gui-job-calibration = calibration
gui-cancelled-calibration = cancelled the calibration
gui-cal-note = The log is measured against the open scenario: its items, statutory limits and calendar. Each item's spread is fitted to its first reviews (received to the first return or to completed, less suspensions); the fitted scenario is then simulated under the regime the time limits show to check it reproduces the observed lead times.
gui-cal-press-open = Choose an event log and press “Open log”.
gui-cal-nothing = { $file } has no item of a case both received and completed: nothing to measure
gui-cal-stale = Measured against an earlier version of the scenario: press “Open log” to measure against this one (adopting the fit alone changes nothing the measuring uses).
gui-cal-heading = { $file }: { $cases } cases, { $first } to { $last } (measured in { $ms } ms)
gui-cal-open-items = { $n } items received but not completed (left out of the times)
gui-cal-none-rejected = No record left out.
gui-cal-rejected = { $n } records left out:
gui-cal-rejected-row = { $place }, case { $case }: { $reason }
gui-cal-rejected-more = … and { $n } more
gui-cal-not-in-log = Items of the scenario with no completed case in the log (kept as they are): { $items }
gui-cal-adopt = Adopt fitted numbers
    .tip = Give every item the log measured its fitted spread and returns, each noted “fitted: log, n cases, first–last”; one edit, undone with Ctrl+Z.
gui-cal-adopt-note = one undoable edit (Ctrl+Z undoes all of it); the other tabs recompute
gui-cal-kept = Fewer than { $n } cases: these items keep their spread (their returns are adopted): { $items }
gui-cal-items = Per item: official time in working days; the spread is fitted to the first reviews. Click an item to see its fit.
gui-cal-items-note = return rate: returns per submission; correction: mean working days from returned to resubmitted; re-review: mean working days after a resubmission; overdue: share of cases over the statutory limit (超期率).
gui-cal-col-item = item
gui-cal-col-cases = cases
gui-cal-col-mean = mean
gui-cal-col-p80 = P80
gui-cal-col-spread = fitted spread
gui-cal-col-returns = return rate
gui-cal-col-correction = correction
gui-cal-col-rereview = re-review
gui-cal-col-overdue = overdue
gui-cal-fixed = fixed { $days }
gui-cal-triangular = triangular { $min } / { $mode } / { $max }
gui-cal-pert = PERT { $min } / { $mode } / { $max }
gui-cal-empirical = empirical (too few cases)
gui-cal-validation = Validation: the fitted scenario simulated under { $regime } ({ $cases } cases per project type, seed { $seed }), lead times in elapsed working days
gui-cal-no-validation = No validation: { $why }
gui-cal-col-type = project type
gui-cal-col-measure = percentile
gui-cal-col-observed = observed
gui-cal-col-simulated = simulated
gui-cal-col-difference = difference

# --- gantt ---
gui-tab-schedule = Schedule
gui-gantt-summary = Approval time { $approval } working days · elapsed { $days } working days, { $calendar } calendar days · applied { $start }, done { $end }
gui-gantt-regime = Regime
gui-gantt-zoom = Zoom
gui-gantt-zoom-out = Zoom out (or Ctrl+wheel over the chart)
gui-gantt-zoom-in = Zoom in (or Ctrl+wheel over the chart)
gui-gantt-fit = Fit
    .tip = The whole schedule in the width of the chart. Wheel: scroll the rows; Shift+wheel or drag on empty space: move along the time axis.
gui-gantt-baseline-label-hint = baseline name
gui-gantt-set-baseline = Set baseline
    .tip = Pins every regime's current schedule: it is drawn thin and grey under each bar, with each finish's variance in working days. It stays through edits and undo; opening another file clears it.
gui-gantt-baseline-default = Baseline
gui-gantt-baseline-set = Baseline “{ $label }” set at { $time }: every regime's schedule pinned.
gui-gantt-baseline-shown = Baseline: { $label } ({ $time })
gui-gantt-clear-baseline = Clear baseline
gui-gantt-baseline-cleared = Baseline cleared.
gui-gantt-baseline-cleared-open = { $status } The baseline of the previous file was cleared.
gui-gantt-refuse-calendar = { $name } counts calendar days: set its limit in the time limits (a drag on this working-day axis would change it in the wrong unit).
gui-gantt-refuse-gate = { $name } has no limit to drag.
gui-gantt-refuse-measure = The limit of { $name } is set by the measure “{ $measure }” of this regime: change the measure (or choose another regime) instead.
gui-gantt-refuse-regime = The limit of { $name } under this regime is not its own: change it in the time limits.
gui-gantt-refuse-longest = { $name } takes its longest member's limit: drag that member's bar, or give the joint group its own limit.
gui-gantt-end-of = end of bar { $id }
gui-gantt-limit-changed = Limit of { $name }: { $old } → { $new } working days (Ctrl+Z undoes).
gui-gantt-wd = { $days } wd
gui-gantt-cd = { $days } cd
gui-gantt-dragging = { $days } wd (was { $old })
gui-gantt-col-item = Item
gui-gantt-col-department = Department
gui-gantt-col-variance = Finish Δ (wd)
gui-gantt-row-tip =
    { $name } ({ $id })
    Department: { $department }
    Limit: { $limit }
    Start: { $start }, { $start_days } working days after the application
    Finish: { $finish }, { $finish_days } working days after the application
    Float: { $float }
gui-gantt-row-tip-baseline = Baseline “{ $label }”: finish at { $finish } working days, variance { $variance } working days
gui-gantt-no-links = none
gui-gantt-details = { $department } · limit { $limit } · { $start } → { $finish } · float { $float }
gui-gantt-unselect = Unselect
gui-gantt-links-in = Links in:
gui-gantt-links-out = Links out:
gui-gantt-legend-critical = critical (no float)
gui-gantt-legend-approval = on the approval clock
gui-gantt-legend-off-clock = off the approval clock
gui-gantt-legend-calendar = calendar days
gui-gantt-legend-joint = joint event (one bar for its members)
gui-gantt-legend-baseline = baseline
gui-gantt-variance-of = Finish Δ of { $id }: { $variance } wd
# --- end gantt ---
# --- files ---
gui-open-dialog = Open a file…
    .tip = Open a scenario, an item list, a holiday calendar or an event log (Ctrl+O)
gui-print = Print…
    .tip = Open this tab as a printable page in your browser, to print it or save it as PDF (Ctrl+P)
gui-dialog-open = Open a file
    .hint = a .toml, .json, .csv, .xlsx or .xes path, or a folder
    .action = Open the file
gui-dialog-cancelled = No file chosen.
gui-filter-openable = Scenarios, item lists, calendars, event logs
gui-filter-scenario = permitflow scenario
gui-filter-charts = Charts (SVG, PNG)
gui-filter-report = HTML report
gui-open-unknown-kind = { $file } is not a file permitflow opens: choose a scenario (.toml, .json), an item list (.csv, .xlsx), a holiday calendar (.json) or an event log (.csv, .xes).
gui-browser-up = Up
    .tip = The folder above this one
gui-browser-home = Home
gui-browser-shipped = Shipped scenarios
gui-browser-all-files = Showing every file
gui-browser-showing = Showing folders and { $types } files
gui-browser-empty = No folders or matching files here.
gui-browser-cannot-list = Cannot list { $folder }: { $error }
gui-recover = Recover unsaved work?
gui-recover-question = Recover unsaved changes to { $file } from { $time }?
gui-recover-note = permitflow kept them when it closed without saving. Recovered changes open as unsaved: save them to keep them. Your file has not been changed.
gui-recover-recover = Recover
gui-recover-discard = Discard
gui-recover-later = Later
gui-recovered = Recovered the unsaved changes to { $file } from { $time }: save to keep them.
gui-recovery-discarded = The unsaved changes were discarded.
gui-recovery-unreadable = { $path } is not a permitflow recovery file.
gui-autosave-failed = Unsaved changes could not be kept for recovery: { $error }
gui-cannot-remove-recovery = Cannot remove the recovery file { $path }: { $error }
gui-print-making = Making the print page { $path }…
gui-print-opened = Opened the print page in your browser: print it there or save it as PDF ({ $path }).
gui-print-no-browser = No browser could be started: open { $path } yourself to print it or save it as PDF.
gui-print-written = Wrote the print page { $path }.
gui-print-failed = The print page could not be made.
gui-browse = Browse…
    .tip = Choose the file with a file dialog
gui-dialog-pick-calendar = Choose a holiday calendar (holiday-cn JSON)
gui-dialog-pick-log = Choose an event log (CSV or XES)
gui-dialog-pick-portfolio = Choose a portfolio (TOML)
gui-dialog-pick-hint = the file's path, or a folder
gui-dialog-pick-action = Choose
# --- end files ---
# --- versions ---
gui-tab-versions = Versions
gui-versions-title = Two versions side by side
gui-versions-intro = Pin the scenario as it is now, edit it, then compare the pin with the current version, another pin or another scenario file. A is the before, B the after: B − A below zero (green) is sooner, shorter or cheaper.
gui-versions-pin = Pin this version
    .tip = Keep a snapshot of the scenario as it is now (its valid state) with its results, to compare later edits with
gui-versions-pins-note = Pins last while the app runs; they survive edits and undo, and stay when another file is opened.
gui-versions-default-label = Version { $n } — { $time }
gui-versions-rename-tip = The pin's name: type to rename it
gui-versions-pin-detail = from { $file } · { $items } items · { $regimes } regimes
gui-versions-remove = Remove
    .tip = Forget this pinned version
gui-versions-pin-gone = (removed pin)
gui-versions-side = Version { $side }:
gui-versions-current = Current version (with unsaved edits)
gui-versions-file = Another scenario file…
gui-versions-swap = Swap A and B
gui-versions-path-label = File for { $side }:
gui-versions-cannot-read = { $file }: { $why }
gui-versions-path-hint = path of a scenario (.toml, .json, .csv, .xlsx), read-only
gui-versions-open = Read file
gui-versions-no-file = Type the path of a scenario file and press Read file.
gui-versions-no-path = No path given: type the path of a scenario file.
gui-versions-file-read = { $file }: { $name }, { $items } items (read-only)
gui-versions-same = A and B are the same scenario: nothing differs.
gui-versions-a-b = A: { $a } · B: { $b }
gui-versions-regimes-title = Per regime: A, B and B − A
gui-versions-col-clock = Measure
gui-versions-col-a = A
gui-versions-col-b = B
gui-versions-col-delta = B − A
gui-versions-clock-approval = Approval days
gui-versions-clock-working = Elapsed working days
gui-versions-clock-calendar = Calendar days (last approval)
gui-versions-clock-fees = Fees
gui-versions-calendar-to = { $days } (to { $date })
gui-versions-wd = { $days } working days
gui-versions-cd = { $days } calendar days
gui-versions-yuan = { $amount } yuan
gui-versions-absent = not in this version
gui-versions-same-value = no change
gui-versions-cell = { $name } — { $what }: { $text }
gui-versions-items-under = Items under
gui-versions-show-all = Show every item (not only those that differ)
gui-versions-no-common-regime = A and B have no regime in common: no item table.
gui-versions-items-count = { $differ } of { $all } items differ (matched by id). Start and finish: working days from the project start, dates below.
gui-versions-col-item = Item
gui-versions-col-limit = Limit
gui-versions-col-start = Start (working day)
gui-versions-col-finish = Finish (working day)
gui-versions-col-float = Float (working days)
gui-versions-col-critical = Critical path
gui-versions-item-tip = id: { $id } · stage: { $stage }
gui-versions-joint-tip = reviewed in the joint event { $name }
gui-versions-added = added
gui-versions-removed = removed
gui-versions-unscheduled = not scheduled
gui-versions-a-to-b = { $a } → { $b }
gui-versions-yes = yes
gui-versions-no = no
gui-versions-changes-title = What changed in the model, A → B ({ $n })
gui-versions-no-changes = Nothing changed in the model.
# --- end versions ---
# --- polish ---
gui-term-regime = Regime: a way of running the approval flow, a base mode (serial or parallel) plus the reform measures it applies. The app compares the regimes side by side.
gui-term-measure = Reform measure: a change to how the flow runs (joint review, online submission, notification and commitment, …) that a regime applies or leaves out.
gui-term-joint-review = Joint review: the departments of a joint group review together, so the group's items are one event taking the group's limit instead of one after the other.
gui-term-joint-group = Joint group: items of one stage that joint review turns into one event; it takes its own limit, or else its longest member's.
gui-term-float = Total float: how many working days an item can slip without moving the end date of the regime chosen. 0 ● marks a critical item: cutting it shortens the whole flow.
gui-term-floor = Floor (minimum limit): the shortest limit the department can commit to. The reform planner never cuts an item below it; an item without one is not cut.
gui-term-critical-path = Critical path: the chain of items without float. Only cutting these shortens the flow; cutting any other item changes nothing.
gui-term-criticality = Criticality: the share of simulated projects in which the item was on the critical path.
gui-term-working-day = Working day (wd): Monday to Friday without public holidays, with make-up working days, on the scenario's calendar. Statutory limits count working days.
gui-term-calendar-day = Calendar day (cd, 自然日): every day counts, weekends and holidays too — publicity periods, and the applicant's elapsed view.
gui-term-approval-day = Approval days: working days on the approval clock only, the official statistic. Time with the applicant, intermediaries or special procedures is not counted.
gui-term-percentile = P50 / P80 / P95: of the simulated projects, 50 %, 80 %, 95 % finish within this many working days. P80 is a promise kept four times in five.
gui-term-target = Target: a bound a regime should meet (at most so many working days, trips, forms…). Met in green, missed in red.
gui-term-published = Published figure: a number the city published (written with =), which the model should reproduce. A what-if that differs from it is marked “differs”, not “missed”.
gui-term-stage = Stage: one of the approval stages (project approval and land-use planning, engineering planning, construction permit, completion acceptance), each with one window and a lead department.
gui-term-returns = Returns: the file goes back to the applicant for correction (time off the approval clock), then the department reviews it again (re-review).
gui-term-utilisation = Utilisation: the share of the reviewers' working time spent reviewing. Near 100 % the queues, and the waiting, grow without bound.
gui-term-notification = Notification and commitment: the applicant signs a commitment and the item is granted on the spot (checked afterwards), so its review time drops.
gui-term-tolerance = Acceptance with missing materials: the next item may start before a missing document is delivered; the applicant hands it in later.
gui-term-cost = Cost: the scenario's cost units per working day cut, set per item (1 when it says nothing). A relative effort weight, not yuan: a plan's cost is the days cut × each item's cost.
gui-term-limit = Limit: the item's statutory or committed time limit, in working days unless marked “cd” (calendar days).
gui-term-fee = Fee: what the applicant pays for the item, in yuan (元).
gui-term-counts = What the applicant meets: trips in person, forms filled in, materials handed in, departments dealt with.
gui-term-link = Link: the order of two items (finish-to-start, start-to-start, …) with a lag in working days (calendar days where marked).
gui-author-name-zh = Chinese name
gui-author-name-en = English name
gui-author-group-limit = Limit
gui-group-name-zh-of = Chinese name of group { $id }
gui-group-name-en-of = English name of group { $id }
gui-group-member-remove = take { $item } out of group { $id }
gui-group-add-member = + add a member…
gui-group-add-member-to = add a member to group { $id }
gui-author-group-stage = stage of the group to create
gui-author-group-pick = put { $id } in the group to create
gui-author-group-create = Create the joint group
gui-author-group-id = id of the group to create
gui-author-group-zh = Chinese name of the group to create
gui-author-group-en = English name of the group to create
gui-author-group-own = own limit of the group to create
gui-author-group-days = limit of the group to create
gui-item-kind-review = review
gui-item-kind-filing = filing
gui-item-kind-applicant = applicant's work
gui-item-kind-utility = utility service
gui-split-grip = drag to give the tables or the charts more room
# --- end polish ---

# --- gui21 ---
gui-author-attributes = Project attributes ({ $n })
gui-author-measures = Measures ({ $n })
gui-author-measures-none = The scenario declares no measures; regimes may still name the built-in ones (joint review, online submission, parallel advance).
gui-attr-note = Which items apply depends on the project. Change a value to work the flow out for another project (like --attr; not saved); "Make these the defaults" writes them into the scenario.
gui-attr-none = The scenario declares no project attributes: every item applies. Add one below, then give items a condition in their "Applies when" column.
gui-attr-col-name = Attribute
gui-attr-col-label = Name
gui-attr-col-type = Type
gui-attr-col-default = Default
    .tip = The value the scenario file gives; used unless you pick another here
gui-attr-col-value = Value in use
gui-attr-name-of = name of attribute { $name }
gui-attr-value-of = value of { $name }
gui-attr-reset = reset { $name } to its default
gui-attr-remove = remove attribute { $name }
gui-attr-in-use = Attribute `{ $name }` is not removed: conditions name it ({ $users }). Change those conditions first.
gui-attr-no-default = none
gui-attr-stand-in = no value given: 0 / empty / no stands in
    .tip = The file declares no default for this attribute (an item list's when column). Type the project's value; "Make these the defaults" keeps it in the scenario.
gui-attr-picked = (picked)
gui-attr-yes = yes
gui-attr-no = no
gui-attr-reset-all = Reset to defaults
    .tip = Use every attribute's default again
gui-attr-make-defaults = Make these the defaults
    .tip = Write the values in use into the scenario as the attributes' defaults (one undoable edit)
gui-attr-new-name = New attribute
gui-attr-new-type = type
gui-attr-new-default = default
    .hint = optional
gui-attr-bad-default = `{ $text }` is not a { $kind }
gui-attr-add = Add attribute
gui-attr-status = Worked out for: { $values }
gui-attr-in-use-values = Values in use: { $values }
gui-attr-all-apply = Every item applies for these values.
gui-attr-left-out = Left out for these values ({ $n ->
        [one] 1 item
       *[other] { $n } items
    }, greyed in the items table; their links are bridged):
gui-attr-left-out-item = • { $name } ({ $id }): applies when { $when }
gui-item-col-when = Applies when
    .tip = The item's condition over the project attributes (e.g. underground_area >= 1000); empty: always applies
gui-item-when-of = condition of { $id }
gui-item-left-out = Left out for the values in use: `{ $when }` is false
gui-when-hint = always
gui-when-tip = Compare attributes with < <= > >= = != and a number, 'text' or yes/no; combine with and, or, not and parentheses. Enter applies.
gui-when-problem = { $message } (column { $col })
gui-measure-when = applies when
gui-measure-when-of = condition of measure { $measure }
gui-mkind-joint-review = joint review
gui-mkind-commitment = notification and commitment
gui-mkind-tolerance = acceptance with missing materials
gui-mkind-compression = time-limit compression
gui-mkind-merged = merged stages
gui-mkind-online = online submission
gui-mkind-advance = cross-stage parallel advance
gui-mkind-agent = agent service
gui-mexplain-joint-review = The member items of each joint group are reviewed together as one event, in the group's time limit.
gui-mexplain-commitment = The named items are granted on the applicant's commitment (a filing's time), and a verification follows off the applicant's path within its deadline; in simulations a false commitment brings back the full review.
gui-mexplain-tolerance = The next item starts (lag) after the previous one starts, before the material is ready; the material must follow within the deadline and the result is delivered only when it has.
gui-mexplain-compression = The named items' time limits are cut to new values.
gui-mexplain-merged = The named stages become one (one intake, one delivery).
gui-mexplain-online = Everything is submitted online: no trips in person.
gui-mexplain-advance = Stage gates become soft: an item of a later stage starts when its own links allow, except after the stages whose gate stays hard.
gui-mexplain-agent = Agents do the named applicant items faster (time × factor, or a set time) and every return rate is multiplied by the return-rate factor.
gui-measure-hard-gates = Gate stays hard after:
    .tip = The next stage waits for these stages' unified delivery
gui-measure-hard-gate-of = hard gate after { $stage } in { $measure }
gui-measure-lag = lag
gui-measure-lag-of = lag of { $link } in { $measure }
gui-measure-deadline = deadline (working days)
    .tip = The material must follow within this many working days of the start; empty: no deadline
gui-measure-deadline-of = deadline of { $link } in { $measure }
gui-measure-items = items
gui-measure-agent-items-tip = The applicant's own items agents do (comma-separated ids)
gui-measure-commit-items-tip = The approvals granted on commitment (comma-separated ids)
gui-measure-items-of = items of { $measure }
gui-measure-factor = time factor
    .tip = The named items' time is multiplied by this (above 0, at most 1); empty: none
gui-measure-factor-of = time factor of { $measure }
gui-measure-set-days = set times
    .tip = Items set to a time instead: item = days, separated by commas
gui-measure-set-days-of = set times of { $measure }
gui-measure-days-syntax = `{ $text }` is not item = days
gui-measure-returns-factor = return-rate factor
    .tip = Every item's return rate is multiplied by this (0 to 1); empty: unchanged
gui-measure-returns-factor-of = return-rate factor of { $measure }
gui-measure-filing-days = filing takes
    .tip = Working days an approval granted on commitment takes
gui-measure-filing-days-of = filing days of { $measure }
gui-measure-verification = verification after the grant
    .tip = The department checks the commitment after the grant, off the applicant's path
gui-measure-verification-of = verification of { $measure }
gui-measure-verify-days = takes
gui-measure-verify-days-of = verification days of { $measure }
gui-measure-verify-deadline = within
    .tip = Working days after the grant by which the verification is done
gui-measure-verify-deadline-of = verification deadline of { $measure }
gui-measure-failure-rate = fails
    .tip = The share of commitments found false (simulation and approval centre): the item is then reviewed in full
gui-measure-failure-rate-of = verification failure rate of { $measure }
gui-attr-reset-short = default
gui-item-out-mark = left out
gui-author-link-when = Link conditions ({ $n } conditional)
gui-link-when-note = A link applies only when its condition holds; empty: always. When an item is left out, its links are bridged.
gui-link-when-of = condition of link { $link }
# --- end gui21 ---

# --- lead ---
gui-mkind-regional = regional assessment
gui-mexplain-regional = For a project in an area whose assessments the government has already made (in_assessed_area = yes), the named assessments are left out of the flow (their links bridged) and the committed items are granted on the applicant's commitment; other projects are unchanged.
gui-measure-drop-items = left out
    .tip = The assessments the area's own assessment covers: in an assessed area they leave the flow, their predecessors linked to their successors.
gui-measure-drop-items-of = items { $measure } leaves out
# --- end lead ---
# --- gui22 ---
# A name the problems panel shows for an id in backticks (the id on hover).
gui-problems-named = “{ $name }”
# --- end gui22 ---
# --- variants ---
gui-variant-label = project variant
    .tip = The scenario's variants ([[variants]]): pick one to work the flow out for it, as --variant does (every attribute value at once; not saved).
gui-variant-default = the default project
gui-variant-own = values of your own
# --- end variants ---
