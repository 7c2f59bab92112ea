//! `permitflow`: the command line. Glue only: parse arguments, load files, call the solver,
//! print, and pick the exit code (0 success, 1 a target missed, 2 invalid input).

mod analyse;
mod batch;
mod centre;
mod cli;
mod export;
mod library;
mod load;
mod output;
mod report;

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;
use cli::{ChartKind, Cli, Command, Common, ExportFormat, MethodArg, OutputFormat};
use load::{Loaded, Rendered, apply_what_ifs, load, parse_date};
use permitflow_model::{Format, to_json, to_toml};
use permitflow_solver::{Method, Outcome, SolveError, check_targets, evaluate};

const INVALID: u8 = 2;
const MISSED: u8 = 1;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Compare {
        file: None,
        regimes: vec![],
        common: Common {
            format: OutputFormat::Table,
            start: None,
            sets: vec![],
            measures: vec![],
            method: MethodArg::Paths,
        },
    });
    match run(command) {
        Ok(code) => ExitCode::from(code),
        Err(Rendered(text)) => {
            eprint!("{text}");
            ExitCode::from(INVALID)
        }
    }
}

/// Writes a chart as SVG or PNG by the file's extension.
fn write_chart(path: &std::path::Path, scene: permitflow_chart::Scene) -> Result<(), Rendered> {
    let target = path.display().to_string();
    let bytes = match path.extension().and_then(|x| x.to_str()) {
        Some(x) if x.eq_ignore_ascii_case("svg") => permitflow_chart::to_svg(&scene).into_bytes(),
        Some(x) if x.eq_ignore_ascii_case("png") => permitflow_chart::to_png(&scene, 1.5)
            .map_err(|e| Rendered(format!("error: cannot draw {target}: {e}\n")))?,
        _ => {
            return Err(Rendered(format!(
                "error: {target}: charts are written as .svg or .png\n"
            )));
        }
    };
    write_file(path, &bytes)?;
    eprintln!("wrote {target}");
    Ok(())
}

/// Writes a user file atomically, or explains why it could not.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Rendered> {
    permitflow_files::atomic_write(path, bytes).map_err(|e| {
        Rendered(format!(
            "error: cannot write {}: {e}\n  = help: check the folder exists and is writable\n",
            path.display()
        ))
    })
}

fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes());
}

fn method(m: MethodArg) -> Method {
    match m {
        MethodArg::Paths => Method::Paths,
        MethodArg::Lp => Method::Lp,
    }
}

fn prepare(file: Option<&std::path::Path>, common: &Common) -> Result<Loaded, Rendered> {
    let start = common.start.as_deref().map(parse_date).transpose()?;
    let mut loaded = load(file, start)?;
    apply_what_ifs(&mut loaded, start, &common.sets, &common.measures)?;
    Ok(loaded)
}

/// Each regime's name and outcome (or why it has no schedule).
type Solved = Vec<(String, Result<Outcome, SolveError>)>;

fn solve_all(loaded: &Loaded, only: &[String], m: Method) -> Result<Solved, Rendered> {
    let s = &loaded.scenario;
    for name in only {
        if s.regime(name).is_none() {
            return Err(unknown_regime(loaded, name));
        }
    }
    Ok(s.regimes
        .iter()
        .filter(|r| only.is_empty() || only.iter().any(|n| n == r.name.as_str()))
        .map(|r| (r.name.to_string(), evaluate(s, r, &loaded.calendar, m)))
        .collect())
}

fn unknown_regime(loaded: &Loaded, name: &str) -> Rendered {
    Rendered(format!(
        "error: {}: unknown regime `{name}`\n  = help: the regimes are {}\n",
        loaded.label,
        loaded
            .scenario
            .regimes
            .iter()
            .map(|r| format!("`{}`", r.name))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

fn run(command: Command) -> Result<u8, Rendered> {
    match command {
        Command::Compare {
            file,
            regimes,
            common,
        } => {
            let loaded = prepare(file.as_deref(), &common)?;
            let outcomes = solve_all(&loaded, &regimes, method(common.method))?;
            let all: Vec<Result<Outcome, SolveError>> = loaded
                .scenario
                .regimes
                .iter()
                .map(|r| {
                    outcomes
                        .iter()
                        .find(|(n, _)| n == r.name.as_str())
                        .map(|(_, o)| o.clone())
                        .unwrap_or_else(|| {
                            Err(SolveError::UnknownRegime {
                                name: r.name.to_string(),
                                known: String::new(),
                            })
                        })
                })
                .collect();
            let targets: Vec<_> = check_targets(&loaded.scenario, &all)
                .into_iter()
                .filter(|t| {
                    regimes.is_empty() || regimes.iter().any(|n| n == t.target.regime.as_str())
                })
                .collect();
            print(&output::compare(
                &loaded.scenario,
                &loaded.calendar,
                &outcomes,
                &targets,
                common.format,
            ));
            // A regime without a schedule (an infeasible plan) is invalid input.
            Ok(if outcomes.iter().any(|(_, o)| o.is_err()) {
                INVALID
            } else {
                0
            })
        }
        Command::Solve {
            file,
            regime,
            common,
        } => {
            let loaded = prepare(file.as_deref(), &common)?;
            let Some(r) = loaded.scenario.regime(&regime) else {
                return Err(unknown_regime(&loaded, &regime));
            };
            match evaluate(&loaded.scenario, r, &loaded.calendar, method(common.method)) {
                Ok(o) => {
                    print(&output::solve(
                        &loaded.scenario,
                        &loaded.calendar,
                        &o,
                        common.format,
                    ));
                    Ok(0)
                }
                Err(e) => Err(Rendered(format!(
                    "error: {}: regime `{regime}` has no schedule: {e}\n",
                    loaded.label
                ))),
            }
        }
        Command::Chart {
            file,
            regimes,
            kind,
            out,
            scale,
            start,
            sets,
            measures,
        } => {
            let common = Common {
                format: OutputFormat::Table,
                start,
                sets,
                measures,
                method: MethodArg::Paths,
            };
            let loaded = prepare(file.as_deref(), &common)?;
            let solved = solve_all(&loaded, &regimes, Method::Paths)?;
            let mut outcomes = Vec::new();
            for (name, o) in &solved {
                match o {
                    Ok(o) => outcomes.push(o),
                    Err(e) => {
                        return Err(Rendered(format!(
                            "error: {}: regime `{name}` has no schedule: {e}\n",
                            loaded.label
                        )));
                    }
                }
            }
            let (s, cal) = (&loaded.scenario, &loaded.calendar);
            let mut scenes = Vec::new();
            if kind != ChartKind::Gantt {
                scenes.push(permitflow_chart::comparison(s, &outcomes, cal));
            }
            if kind != ChartKind::Compare {
                scenes.extend(outcomes.iter().map(|o| permitflow_chart::gantt(s, o, cal)));
            }
            let scene = permitflow_chart::Scene::stack(scenes, 24.0);
            let target = out.display().to_string();
            let bytes = match out.extension().and_then(|x| x.to_str()) {
                Some(x) if x.eq_ignore_ascii_case("svg") => {
                    permitflow_chart::to_svg(&scene).into_bytes()
                }
                Some(x) if x.eq_ignore_ascii_case("png") => permitflow_chart::to_png(&scene, scale)
                    .map_err(|e| Rendered(format!("error: cannot draw {target}: {e}\n")))?,
                _ => {
                    return Err(Rendered(format!(
                        "error: {target}: charts are written as .svg or .png\n"
                    )));
                }
            };
            write_file(&out, &bytes)?;
            eprintln!(
                "wrote {target}: {} regime{}, {:.0}×{:.0}",
                outcomes.len(),
                if outcomes.len() == 1 { "" } else { "s" },
                scene.width,
                scene.height
            );
            Ok(0)
        }
        Command::Simulate {
            file,
            regimes,
            iterations,
            seed,
            chart,
            common,
        } => {
            let loaded = prepare(file.as_deref(), &common)?;
            let s = &loaded.scenario;
            for name in &regimes {
                if s.regime(name).is_none() {
                    return Err(unknown_regime(&loaded, name));
                }
            }
            let opts = permitflow_solver::SimulationOptions { iterations, seed };
            let spinner = indicatif::ProgressBar::new_spinner();
            spinner.enable_steady_tick(std::time::Duration::from_millis(120));
            let mut results = Vec::new();
            for r in s
                .regimes
                .iter()
                .filter(|r| regimes.is_empty() || regimes.iter().any(|n| n == r.name.as_str()))
            {
                spinner.set_message(format!("simulating {} ({iterations} iterations)", r.name));
                let res = permitflow_solver::simulate(s, r, &opts).map_err(|e| {
                    Rendered(format!(
                        "error: {}: regime `{}` cannot be simulated: {e}\n",
                        loaded.label, r.name
                    ))
                })?;
                results.push(res);
            }
            spinner.finish_and_clear();
            print(&analyse::simulation(s, &results, seed, common.format));
            if let Some(path) = chart {
                let histograms: Vec<permitflow_chart::Histogram> =
                    results.iter().map(Into::into).collect();
                let targets = permitflow_chart::simulation_targets(s, &results);
                let mut scenes = vec![permitflow_chart::histogram(
                    &format!(
                        "{} — simulated working days ({iterations} iterations, seed {seed})",
                        s.name
                    ),
                    &histograms,
                    &targets,
                )];
                for r in &results {
                    if !r.sensitivity.is_empty() {
                        scenes.push(permitflow_chart::tornado(
                            &format!("{} — {}: what drives the spread", s.name, r.regime),
                            "working days the project moves per standard deviation of each item",
                            &r.sensitivity.iter().take(15).cloned().collect::<Vec<_>>(),
                            " wd",
                        ));
                    }
                }
                write_chart(&path, permitflow_chart::Scene::stack(scenes, 24.0))?;
            }
            Ok(0)
        }
        Command::Plan {
            file,
            regime,
            target,
            curve,
            chart,
            common,
        } => {
            let loaded = prepare(file.as_deref(), &common)?;
            let s = &loaded.scenario;
            let Some(r) = s.regime(&regime) else {
                return Err(unknown_regime(&loaded, &regime));
            };
            if !(target.is_finite() && target >= 0.0) {
                return Err(Rendered(format!(
                    "error: `--target {target}` is not a number of working days\n"
                )));
            }
            let fail = |e: permitflow_solver::SolveError| {
                Rendered(format!(
                    "error: {}: regime `{regime}` cannot be planned: {e}\n",
                    loaded.label
                ))
            };
            let report = analyse::PlanReport {
                plan: permitflow_solver::plan(s, r, permitflow_model::WorkingDays::new(target))
                    .map_err(fail)?,
                curve: if curve {
                    Some(permitflow_solver::time_cost_curve(s, r).map_err(fail)?)
                } else {
                    None
                },
                attribution: permitflow_solver::attribute(s, r).map_err(fail)?,
                sensitivity: permitflow_solver::sensitivity(s, r).map_err(fail)?,
            };
            print(&analyse::plan(s, &regime, &report, common.format));
            if let Some(path) = chart {
                let mut scenes = Vec::new();
                if let Some(c) = &report.curve {
                    let points: Vec<(f64, f64)> =
                        c.iter().map(|(w, cost)| (w.get(), *cost)).collect();
                    scenes.push(permitflow_chart::time_cost_curve(
                        &format!("{} — {regime}: time–cost curve", s.name),
                        &points,
                        Some(target),
                    ));
                }
                let a = &report.attribution;
                scenes.push(permitflow_chart::waterfall(
                    &format!("{} — from serial to {regime}: what each step saves", s.name),
                    ("serial", a.serial.get()),
                    &a.steps
                        .iter()
                        .filter(|st| st.name != "serial")
                        .map(|st| (st.name.clone(), st.saved.get()))
                        .collect::<Vec<_>>(),
                    &regime,
                ));
                write_chart(&path, permitflow_chart::Scene::stack(scenes, 24.0))?;
            }
            Ok(if report.plan.reachable { 0 } else { MISSED })
        }
        Command::Centre {
            portfolio,
            horizon,
            replications,
            seed,
            regimes,
            add_reviewer,
            rank,
            format,
            chart,
        } => {
            let labels: Vec<Option<String>> = if regimes.is_empty() {
                vec![None]
            } else {
                regimes.iter().cloned().map(Some).collect()
            };
            let mut runs = Vec::new();
            let mut ranking = None;
            let mut portfolio_info = None;
            for label in &labels {
                let loaded = centre::load_portfolio(&portfolio, label.as_deref())?;
                let opts = centre::options(
                    &loaded.portfolio,
                    horizon,
                    replications,
                    seed,
                    add_reviewer.clone(),
                );
                let fail = |e: permitflow_solver::SolveError| {
                    Rendered(format!("error: {}: {e}\n", portfolio.display()))
                };
                let result = permitflow_solver::simulate_centre(
                    &loaded.projects,
                    &loaded.departments,
                    &opts,
                )
                .map_err(fail)?;
                if rank && ranking.is_none() {
                    ranking = Some(
                        permitflow_solver::rank_reviewers(
                            &loaded.projects,
                            &loaded.departments,
                            &opts,
                        )
                        .map_err(fail)?,
                    );
                }
                runs.push((
                    label
                        .clone()
                        .unwrap_or_else(|| "the portfolio's regimes".into()),
                    result,
                ));
                portfolio_info = Some(loaded.portfolio);
            }
            let Some(p) = portfolio_info else {
                return Ok(0);
            };
            print(&centre::report(&p, &runs, ranking.as_deref(), format));
            if let Some(path) = chart {
                write_chart(&path, centre::charts(&p, &runs))?;
            }
            Ok(0)
        }
        Command::Export {
            file,
            regime,
            format,
            out,
            start,
        } => {
            let common = Common {
                format: OutputFormat::Table,
                start,
                sets: vec![],
                measures: vec![],
                method: MethodArg::Paths,
            };
            let loaded = prepare(file.as_deref(), &common)?;
            let Some(r) = loaded.scenario.regime(&regime) else {
                return Err(unknown_regime(&loaded, &regime));
            };
            let o =
                evaluate(&loaded.scenario, r, &loaded.calendar, Method::Paths).map_err(|e| {
                    Rendered(format!(
                        "error: {}: regime `{regime}` has no schedule: {e}\n",
                        loaded.label
                    ))
                })?;
            let bytes = match format {
                ExportFormat::Mspdi => export::mspdi(&loaded.scenario, &o, &loaded.calendar)
                    .map_err(|e| Rendered(format!("error: cannot write the MSPDI file: {e}\n")))?,
                ExportFormat::Csv => {
                    output::solve(&loaded.scenario, &loaded.calendar, &o, OutputFormat::Csv)
                        .into_bytes()
                }
                ExportFormat::Json => {
                    output::solve(&loaded.scenario, &loaded.calendar, &o, OutputFormat::Json)
                        .into_bytes()
                }
            };
            write_file(&out, &bytes)?;
            eprintln!(
                "wrote {}: regime {}, {} working days, {} → {}",
                out.display(),
                regime,
                o.working_days(),
                o.start_date.format("%Y-%m-%d"),
                o.end_date.format("%Y-%m-%d")
            );
            Ok(0)
        }
        Command::Check { files, start } => {
            let start = start.as_deref().map(parse_date).transpose()?;
            let mut worst = 0u8;
            for f in &files {
                match load(Some(f), start) {
                    Err(Rendered(text)) => {
                        eprint!("{text}");
                        worst = worst.max(INVALID);
                    }
                    Ok(loaded) => {
                        let s = &loaded.scenario;
                        let outcomes: Vec<_> = s
                            .regimes
                            .iter()
                            .map(|r| evaluate(s, r, &loaded.calendar, Method::Paths))
                            .collect();
                        let mut line = format!(
                            "{}: {} stages, {} items, {} links, {} regimes",
                            loaded.label,
                            s.stages.len(),
                            s.items.len(),
                            s.links.len(),
                            s.regimes.len()
                        );
                        for (r, o) in s.regimes.iter().zip(&outcomes) {
                            match o {
                                Ok(o) => line.push_str(&format!(
                                    "\n  {}: {} working days",
                                    r.name,
                                    o.working_days()
                                )),
                                Err(e) => {
                                    line.push_str(&format!("\n  {}: no schedule: {e}", r.name));
                                    worst = worst.max(INVALID);
                                }
                            }
                        }
                        for t in check_targets(s, &outcomes) {
                            let mark = match t.met {
                                Some(true) => "met",
                                Some(false) => {
                                    worst = worst.max(MISSED);
                                    "MISSED"
                                }
                                None => "n/a",
                            };
                            line.push_str(&format!(
                                "\n  target {mark}: {}: {}",
                                t.target.name, t.detail
                            ));
                        }
                        print(&format!("{line}\n"));
                    }
                }
            }
            Ok(worst)
        }
        Command::Batch {
            paths,
            out,
            junit,
            shard,
            start,
            report: report_dir,
        } => {
            let start = start.as_deref().map(parse_date).transpose()?;
            let mut files = batch::expand(&paths)?;
            // A results table or report written into the folder being run is not a scenario.
            let own: Vec<std::path::PathBuf> = [&out, &junit]
                .into_iter()
                .flatten()
                .filter_map(|p| std::fs::canonicalize(p).ok())
                .collect();
            files.retain(|f| std::fs::canonicalize(f).map_or(true, |c| !own.contains(&c)));
            if let Some(s) = shard {
                let (k, n) = batch::parse_shard(&s)?;
                files = batch::shard(files, k, n);
            }
            let results = batch::run_all(&files, start);
            for r in &results {
                if let Some(text) = &r.invalid {
                    eprint!("{text}");
                }
            }
            let rows: Vec<batch::Row> = results.iter().flat_map(|r| r.rows.clone()).collect();
            if let Some(path) = &out {
                let bytes = batch::render_rows(&rows, path)
                    .map_err(|e| Rendered(format!("error: cannot write the results: {e}\n")))?;
                write_file(path, &bytes)?;
            }
            if let Some(path) = &junit {
                let bytes = batch::junit(&results).map_err(|e| {
                    Rendered(format!("error: cannot write the JUnit report: {e}\n"))
                })?;
                write_file(path, &bytes)?;
            }
            if let Some(dir) = &report_dir {
                std::fs::create_dir_all(dir).map_err(|e| {
                    Rendered(format!("error: cannot create {}: {e}\n", dir.display()))
                })?;
                let mut entries = Vec::new();
                for (n, f) in files.iter().enumerate() {
                    let label = f.display().to_string();
                    let status = {
                        let mut st: Vec<&str> = rows
                            .iter()
                            .filter(|r| r.file == label)
                            .map(|r| r.status.as_str())
                            .collect();
                        st.sort_unstable();
                        st.dedup();
                        st.join(", ")
                    };
                    match load(Some(f), start) {
                        Ok(loaded) => {
                            let stem = f
                                .file_stem()
                                .map(|x| x.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            let name = format!("{:03}-{stem}.html", n + 1);
                            match report::report(&loaded.scenario, &loaded.calendar, &label, None) {
                                Ok(html) => {
                                    write_file(&dir.join(&name), html.as_bytes())?;
                                    entries.push((
                                        loaded.scenario.name.clone(),
                                        label,
                                        status,
                                        Some(name),
                                    ));
                                }
                                Err(e) => entries.push((
                                    loaded.scenario.name.clone(),
                                    label,
                                    format!("{status}: {e}"),
                                    None,
                                )),
                            }
                        }
                        Err(_) => entries.push((String::new(), label, "invalid".into(), None)),
                    }
                }
                write_file(&dir.join("index.html"), report::index(&entries).as_bytes())?;
                eprintln!(
                    "wrote {} reports and {}",
                    entries.iter().filter(|e| e.3.is_some()).count(),
                    dir.join("index.html").display()
                );
            }
            print(&batch::summary(&rows, files.len()));
            Ok(batch::exit_code(&rows))
        }
        Command::Report {
            file,
            out,
            plan,
            start,
        } => {
            let common = Common {
                format: OutputFormat::Table,
                start,
                sets: vec![],
                measures: vec![],
                method: MethodArg::Paths,
            };
            let loaded = prepare(file.as_deref(), &common)?;
            let plan_target = match plan {
                None => None,
                Some(text) => {
                    let bad = || {
                        Rendered(format!(
                            "error: `--plan {text}`: write REGIME:DAYS, e.g. joint:30\n"
                        ))
                    };
                    let (r, d) = text.rsplit_once(':').ok_or_else(bad)?;
                    let d: f64 = d.trim().parse().map_err(|_| bad())?;
                    if loaded.scenario.regime(r).is_none() {
                        return Err(unknown_regime(&loaded, r));
                    }
                    Some((r.to_owned(), permitflow_model::WorkingDays::new(d)))
                }
            };
            let html = report::report(
                &loaded.scenario,
                &loaded.calendar,
                &loaded.label,
                plan_target,
            )
            .map_err(|e| Rendered(format!("error: {}: {e}\n", loaded.label)))?;
            write_file(&out, html.as_bytes())?;
            eprintln!("wrote {} ({} KB)", out.display(), html.len() / 1024);
            Ok(0)
        }
        Command::Merge { files, out } => {
            let shards = files
                .iter()
                .map(|f| batch::read_rows(f))
                .collect::<Result<Vec<_>, _>>()?;
            let rows = batch::merge(shards);
            let bytes = batch::render_rows(&rows, &out)
                .map_err(|e| Rendered(format!("error: cannot write the results: {e}\n")))?;
            write_file(&out, &bytes)?;
            let n = {
                let mut f: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
                f.dedup();
                f.len()
            };
            print(&batch::summary(&rows, n));
            Ok(batch::exit_code(&rows))
        }
        Command::Library { dir, out } => {
            let (page, ok) = library::markdown(&dir)?;
            match out {
                Some(path) => {
                    permitflow_files::atomic_write(&path, page.as_bytes()).map_err(|e| {
                        Rendered(format!("error: cannot write {}: {e}\n", path.display()))
                    })?;
                    eprintln!("wrote {}", path.display());
                }
                None => print(&page),
            }
            Ok(if ok { 0 } else { MISSED })
        }
        Command::Import {
            file,
            out,
            start,
            force,
        } => {
            let start = start.as_deref().map(parse_date).transpose()?;
            let loaded = load(Some(&file), start)?;
            let target = out.display().to_string();
            if out.exists() && !force {
                return Err(Rendered(format!(
                    "error: {target} exists\n  = help: choose another name, or pass --force to replace it\n"
                )));
            }
            let text = match Format::from_path(&target) {
                Format::Json => to_json(&loaded.scenario).map_err(|e| e.to_string()),
                Format::Toml => to_toml(&loaded.scenario).map_err(|e| e.to_string()),
            }
            .map_err(|e| Rendered(format!("error: cannot write the scenario: {e}\n")))?;
            let header = if Format::from_path(&target) == Format::Toml {
                format!(
                    "# Imported by permitflow from {}. Add sources, measures, regimes and targets as needed.\n",
                    loaded.label
                )
            } else {
                String::new()
            };
            let text = if text.ends_with('\n') {
                text
            } else {
                text + "\n"
            };
            permitflow_files::atomic_write(&out, format!("{header}{text}").as_bytes()).map_err(|e| {
                Rendered(format!("error: cannot write {target}: {e}\n  = help: check the folder exists and is writable\n"))
            })?;
            eprintln!(
                "wrote {target}: {} stages, {} items, {} links, {} joint groups",
                loaded.scenario.stages.len(),
                loaded.scenario.items.len(),
                loaded.scenario.links.len(),
                loaded.scenario.joint_groups.len()
            );
            Ok(0)
        }
    }
}
