//! A portfolio for the approval-centre simulation: the portfolio file and every scenario it
//! names, each project type with the regime it runs under.

use permitflow_i18n::tr;
use std::collections::BTreeMap;
use std::path::Path;

use permitflow_model::Scenario;
use permitflow_model::portfolio::{Portfolio, check_departments, parse_portfolio};
use permitflow_solver::{CentreOptions, ProjectType};

use super::{load, read_file};
use crate::Error;

/// A portfolio with its project types' scenarios loaded.
#[derive(Debug)]
pub struct LoadedPortfolio {
    /// The portfolio as read.
    pub portfolio: Portfolio,
    /// Each project type with its scenario and regime.
    pub projects: Vec<ProjectType>,
    /// Reviewers per department.
    pub departments: BTreeMap<String, usize>,
}

/// Reads the portfolio and every scenario it names; `regime` replaces each type's regime.
pub fn load_portfolio(path: &Path, regime: Option<&str>) -> Result<LoadedPortfolio, Error> {
    let text = read_file(path)?;
    let label = super::label_of(path);
    let portfolio = parse_portfolio(&text, &label).map_err(|diagnostics| Error::Invalid {
        diagnostics,
        text: Some(text.clone()),
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut projects = Vec::new();
    for p in &portfolio.projects {
        let loaded = load(Some(&dir.join(&p.scenario)), None)?;
        let name = regime.unwrap_or(p.regime.as_str());
        let Some(r) = loaded.scenario.regime(name).cloned() else {
            return Err(Error::help(
                tr!(
                    "app-portfolio-unknown-regime",
                    file = label.as_str(),
                    project = p.name.as_str(),
                    scenario = loaded.label.as_str(),
                    regime = name
                ),
                tr!(
                    "app-unknown-regime.help",
                    regimes = crate::regime_list(&loaded.scenario)
                ),
            ));
        };
        projects.push(ProjectType {
            name: p.name.clone(),
            scenario: loaded.scenario,
            regime: r,
            rate: p.rate.value,
            priority: p.priority,
        });
    }
    let mut known = std::collections::BTreeSet::new();
    for p in &projects {
        departments_of(&p.scenario, &mut known);
    }
    check_departments(&portfolio, &text, &label, &known).map_err(|diagnostics| Error::Invalid {
        diagnostics,
        text: Some(text.clone()),
    })?;
    let departments = portfolio.capacities();
    Ok(LoadedPortfolio {
        portfolio,
        projects,
        departments,
    })
}

/// Every department a scenario names: its items', joint groups' and stage leads'.
fn departments_of(s: &Scenario, out: &mut std::collections::BTreeSet<String>) {
    let items = s.items.iter().map(|i| &i.department);
    let groups = s.joint_groups.iter().filter_map(|g| g.department.as_ref());
    let leads = s.stages.iter().map(|st| &st.lead);
    out.extend(
        items
            .chain(groups)
            .chain(leads)
            .map(|d| d.as_str().to_owned()),
    );
}

/// The simulation options: the portfolio's horizon unless `horizon` overrides it, its warm-up,
/// and the run's replications, seed and added reviewer.
pub fn centre_options(
    p: &Portfolio,
    horizon: Option<f64>,
    replications: usize,
    seed: u64,
    add: Option<String>,
) -> CentreOptions {
    CentreOptions {
        horizon: horizon.unwrap_or(p.horizon),
        warmup: p.warmup,
        replications,
        seed,
        add_reviewer: add,
        ..CentreOptions::default()
    }
}
