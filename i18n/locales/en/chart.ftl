## permitflow catalogue: chart, en.
## Keys start with "chart-". Every key exists in both languages (a test checks).


## Units and dates on charts.
chart-wd = { $days } wd
chart-working-days = working days

## The comparison of regimes.
chart-compare-title = { $scenario } — regimes compared
chart-compare-subtitle = working days per stage on one calendar; the end of each row is the last permit
chart-stage-tip = { $stage }: { $days } working days
chart-vs-serial = {" "}({ $diff } vs serial)
chart-total = { $days } wd · { $date }{ $diff }

## The Gantt chart of one regime.
chart-gantt-title = { $scenario } — { $regime }: { $days } working days, { $start } → { $end }
chart-gantt-subtitle = { $trips } trips · { $forms } forms · { $materials } materials · { $departments } departments · critical path in red
chart-milestone-tip = { $stage }: unified delivery on { $date } after { $finish } (stage: { $stage_days })
chart-bar-tip =
    { $name } ({ $id })
    { $departments }
    { $days }: { $start } → { $finish } · { $from } → { $to } · float { $float }
chart-legend-critical = critical
chart-legend-float = with float
chart-legend-light = applicant work, utility
chart-legend-weekend = weekend
chart-legend-holiday = public holiday
chart-legend-makeup = make-up working day
chart-legend-milestone = stage delivered (permits)

## Histograms of simulated working days and of the approval centre's lead times.
chart-noun-iterations = iterations
chart-noun-regime = regime
chart-noun-projects = projects
chart-noun-project-type = project type
chart-histogram-subtitle = share of { $samples } per working-day bin; dashed: P50, P80, P95 of each { $series }
chart-histogram-subtitle-targets = ; dark lines: targets
chart-histogram-share = share of { $samples }
chart-bin-last-tip = { $series }: { $from } working days or more, { $share } %
chart-bin-tip = { $series }: { $from }–{ $to } working days, { $share } %
chart-histogram-axis-clipped = working days (the last bin also holds the { $samples } beyond { $from })
chart-histogram-same = {" "}(same as { $other }, drawn as an outline)
chart-histogram-legend = { $series }{ $same }: P50 { $p50 } · P80 { $p80 } · P95 { $p95 } working days ({ $n } { $samples })
chart-target-legend = target { $days }: { $name }
chart-target = target { $days }
chart-regime-target = { $regime }: { $name }

## Line charts, the time–cost curve and the waterfall.
chart-line-same = { $name } (same as { $other }, dashed)
chart-cost = cost
chart-curve-subtitle = least total cost of cutting time limits to reach each number of working days
chart-curve-tip = { $days } working days: cost { $cost }
chart-waterfall-subtitle = working days after each step; each bar is what the step saves

## The note under charts whose dates run into years without official holidays.
chart-calendar-warning = warning:{" "}
chart-calendar-sep = {" "}
chart-calendar-provisional = the { $calendar } calendar's holidays in { $years } are provisional: the statutory days only, without the bridging days and make-up working days the State Council's notice will add.
chart-calendar-uncovered = the { $calendar } calendar has no holidays for { $years }: weekends only are counted there.
chart-calendar-fix = Dates in those years may move once the official holiday-cn file for the year is added (the --calendar option, the PERMITFLOW_CALENDAR_DIR folder or the scenario's calendar files).

## Titles of the chart bundles the commands, the desktop app and the report show.
chart-wd-unit = {" "}wd
chart-simulation-title = { $scenario } — simulated working days ({ $iterations } iterations, seed { $seed })
chart-tornado-title = { $scenario } — { $regime }: what drives the spread
chart-tornado-subtitle = working days the project moves per standard deviation of each item
chart-curve-title = { $scenario } — { $regime }: time–cost curve
chart-waterfall-title = { $scenario } — from { $serial } to { $regime }: what each step saves
chart-utilisation-title = { $portfolio } — { $run }: reviewer utilisation
chart-utilisation-subtitle = share of reviewer time busy, per department with a fixed number of reviewers
chart-lead-time-title = { $portfolio } — { $run }: lead time per project type
chart-wip-title = { $portfolio } — projects in process
chart-wip-subtitle = work in progress over the horizon, averaged over the replications
chart-wip-axis = projects in process

## Errors writing a chart as PNG.
chart-error-svg = cannot read the SVG: { $error }
chart-error-size = a { $width }×{ $height } image is too large to render
chart-error-png = cannot encode the PNG: { $error }

# --- two clocks (out) ---
chart-approval-total = approval { $days } wd{ $diff }
chart-approval-tip = approval clock running: { $days } approval days in all
chart-approval-legend = approval clock running (official approval days)

# --- two clocks (dated) ---
chart-cd = { $days } cd
chart-legend-off-clock = off the approval clock (special procedure, intermediary, applicant)
chart-off-clock-tip = off the approval clock: { $clock }
chart-clock-approval = approval
chart-clock-special = special procedure
chart-clock-intermediary = intermediary service
chart-clock-applicant = the applicant's own work

# --- two clocks (sim) ---
chart-sim-approval-title = { $title }: official approval days (a return's correction stops the clock)
chart-centre-approval-title = { $portfolio } — { $run }: official approval days per project type (waiting included, corrections not)
# --- calibrate ---
chart-calibrate-title = Lead times of { $log }: observed against the fitted scenario ({ $regime })
chart-calibrate-observed = { $project_type }: observed
chart-calibrate-simulated = { $project_type }: fitted, simulated
# --- calgui ---
chart-fit-density = share of cases per working day
chart-fit-observed = { $series }: first reviews observed ({ $n } cases)
chart-fit-title = { $item }: first reviews in { $log } against the fitted spread
chart-fit-subtitle = bars: the observed first-review times; line: the fitted spread's density
chart-fit-triangular = fitted: triangular { $min } / { $mode } / { $max } working days
chart-fit-pert = fitted: PERT { $min } / { $mode } / { $max } working days
chart-fit-fixed = fitted: fixed { $days } working days
chart-fit-empirical = fewer than { $n } cases: the observed times are the spread (none fitted)
# --- region21 ---
chart-attributes-footnote = Project attributes: { $values }
# --- end region21 ---
