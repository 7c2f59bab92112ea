//! The constraint graph of a scenario: activities (items, joint events, stage gates) and the
//! constraints between them, as a regime lays them out.
//!
//! [`Network::from_scenario`] gives the items and their own links; the solver's regime functions
//! transform it (chain items, add stage gates, merge joint groups, …). petgraph holds the graph
//! for structure questions (cycles, paths); schedulers build compact arrays from it.

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::scenario::{Distribution, ItemKind, LinkKind, Materials, Returns, Scenario};
use crate::units::{Department, ItemId, StageId, WorkingDays};

/// A short list held inline: an item's activity has one department, one member and one
/// materials entry, a joint event several (then on the heap). Derefs to a slice.
pub type Few<T> = smallvec::SmallVec<[T; 1]>;

/// What an activity stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum ActivityKind {
    /// One item of the scenario.
    Item(ItemKind),
    /// A joint event standing for several items.
    Joint,
    /// A zero-length milestone: the unified delivery that closes a stage.
    Gate,
}

/// One node of the network: an item, a joint event or a stage gate, with what the schedulers,
/// the counts, the planner and the simulation need of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    /// Item id, joint group id, or `gate:<stage>`.
    pub id: String,
    /// The name for people: the item's, the group's or the stage's.
    pub name: String,
    /// What it stands for.
    pub kind: ActivityKind,
    /// Departments the applicant meets for it (one for an item, the members' for a joint event).
    pub departments: Few<Department>,
    /// Index into [`Network::stages`]; `None` for gates.
    pub stage: Option<usize>,
    /// Its time limit under the regime (0 for gates), counted in `unit`.
    pub days: WorkingDays,
    /// Whether `days` (and its spread) count working days or calendar days.
    pub unit: crate::clock::DayUnit,
    /// Whose clock its time runs on (a joint event and a gate: the approval clock).
    pub clock: crate::clock::Clock,
    /// What the applicant pays for it, in yuan (the members' fees summed).
    pub fee: f64,
    /// The scenario items it stands for.
    pub members: Few<ItemId>,
    /// Earliest start, in working days from the project start.
    pub release: Option<WorkingDays>,
    /// Latest finish, in working days from the project start.
    pub deadline: Option<WorkingDays>,
    /// Whether the applicant hands something in for it at a window: items of a kind that needs
    /// a submission on the approval clock (special procedures, intermediary services and the
    /// applicant's own work are started without one).
    pub submission: bool,
    /// Forms filled in when it is applied for on its own.
    pub forms: u32,
    /// Materials of each member.
    pub materials: Few<Materials>,
    /// Position of its first member in the file: serial regimes chain in this order.
    pub order: usize,
    /// Least limit the department can commit to (reform planning); `days` when it cannot be cut.
    pub floor: WorkingDays,
    /// Cost per working day cut (reform planning).
    pub cost: f64,
    /// Spread of the real duration (simulation); `None` means always `days`. Boxed: most
    /// activities have none, and the activity stays small.
    pub spread: Option<Box<Distribution>>,
    /// Returns for correction (simulation), boxed like the spread.
    pub returns: Option<Box<Returns>>,
}

impl Activity {
    /// Whether it is a stage gate.
    pub fn is_gate(&self) -> bool {
        self.kind == ActivityKind::Gate
    }
}

/// Why a constraint exists, so an infeasible plan can be explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A link written in the scenario.
    Link,
    /// A link changed by tolerance acceptance.
    Tolerance,
    /// The serial regime's one-after-another chain.
    SerialChain,
    /// A stage's unified delivery.
    StageGate,
    /// A notification-commitment's verification after the grant, within its deadline.
    Verification,
}

/// `to` relative to `from`, in the sense of [`LinkKind`], at least `lag` and at most `max_lag`.
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    /// Index into [`Network::activities`].
    pub from: usize,
    /// Index into [`Network::activities`].
    pub to: usize,
    /// Which ends of the two activities it ties.
    pub kind: LinkKind,
    /// The least time between the two ends (negative: a lead), in `lag_unit`.
    pub lag: WorkingDays,
    /// The most time between the two ends, if bounded, in `lag_unit`.
    pub max_lag: Option<WorkingDays>,
    /// Whether the lags count working days or calendar days.
    pub lag_unit: crate::clock::DayUnit,
    /// Why it exists.
    pub origin: Origin,
}

/// A stage of the network: one of the scenario's, or several merged into one.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkStage {
    /// Ids of the scenario stages it stands for (several after merging).
    pub ids: Vec<StageId>,
    /// The name for people (the merged stages' names joined).
    pub name: String,
    /// The department that runs its single window.
    pub lead: Department,
}

/// How the applicant submits under a regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intake {
    /// A submission, a form and a trip per activity (serial).
    PerActivity,
    /// One intake, one form per stage (parallel: one form, one window).
    PerStage,
}

/// The constraint network of a scenario under a regime.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    /// The nodes: items, joint events and stage gates.
    pub activities: Vec<Activity>,
    /// The edges between them.
    pub constraints: Vec<Constraint>,
    /// The stages in order.
    pub stages: Vec<NetworkStage>,
    /// How the applicant submits.
    pub intake: Intake,
    /// Submissions made online: no trips.
    pub online: bool,
}

impl Activity {
    /// The activity standing for item `it`, the `order`th in the file, under no regime yet.
    fn of_item(
        it: &crate::scenario::Item,
        order: usize,
        stage_at: &rustc_hash::FxHashMap<&StageId, usize>,
    ) -> Self {
        Self {
            id: it.id.as_str().to_owned(),
            name: it.name.clone(),
            kind: ActivityKind::Item(it.kind),
            departments: smallvec::smallvec![it.department.clone()],
            stage: stage_at.get(&it.stage).copied(),
            days: it.days.value,
            unit: it.unit,
            clock: it.clock,
            fee: it.fee.as_ref().map_or(0.0, |f| f.value),
            members: smallvec::smallvec![it.id.clone()],
            release: it.release,
            deadline: it.deadline,
            // A window takes a submission for approvals; special procedures, intermediary
            // services and the applicant's own work are started without one.
            submission: it.kind.needs_submission() && it.clock.is_official(),
            forms: it.forms,
            materials: smallvec::smallvec![it.materials.clone()],
            order,
            floor: it.floor.as_ref().map(|f| f.value).unwrap_or(it.days.value),
            cost: it.cost.unwrap_or(1.0),
            spread: it.spread.clone().map(Box::new),
            returns: it.returns.clone().map(Box::new),
        }
    }
}

/// Scenarios with at least this many items have their activities and constraints made side by
/// side on two threads.
const SIDE_BY_SIDE_ITEMS: usize = 20_000;

impl Network {
    /// The items and their own links, one activity per item, in file order. Assumes a validated
    /// scenario; links naming unknown items are skipped.
    pub fn from_scenario(s: &Scenario) -> Self {
        let stage_at: rustc_hash::FxHashMap<&StageId, usize> = s
            .stages
            .iter()
            .enumerate()
            .rev()
            .map(|(i, st)| (&st.id, i))
            .collect();
        let make = |range: std::ops::Range<usize>, room: usize| {
            let mut activities = Vec::with_capacity(room);
            activities.extend(
                s.items[range.clone()]
                    .iter()
                    .zip(range)
                    .map(|(it, order)| Activity::of_item(it, order, &stage_at)),
            );
            activities
        };
        // Room for the stage gates a regime adds (one per stage but the last), so adding them
        // moves no activity.
        let room = s.items.len() + s.stages.len();
        let n = s.items.len();
        // The activities and the constraints are made side by side for a large scenario: each
        // only reads the scenario. The other thread makes the first activities, this one the
        // constraints and then the last activities, each about half the work (a link's
        // constraint takes about a quarter of an activity's time), joined in order.
        let (activities, constraints) = if n >= SIDE_BY_SIDE_ITEMS {
            let split = (n + s.links.len() / 4).div_ceil(2).clamp(n / 2, n);
            std::thread::scope(|scope| {
                let beside =
                    std::thread::Builder::new().spawn_scoped(scope, || make(0..split, room));
                let constraints = Self::item_constraints(s);
                let rest = make(split..n, n - split);
                let mut activities = match beside {
                    Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                    // No thread to be had: made here.
                    Err(_) => make(0..split, room),
                };
                activities.extend(rest);
                (activities, constraints)
            })
        } else {
            (make(0..n, room), Self::item_constraints(s))
        };
        let stages = s
            .stages
            .iter()
            .map(|st| NetworkStage {
                ids: vec![st.id.clone()],
                name: st.name.clone(),
                lead: st.lead.clone(),
            })
            .collect();
        Self {
            activities,
            constraints,
            stages,
            intake: Intake::PerActivity,
            online: false,
        }
    }

    /// The constraints the scenario's links give, between the positions of their items.
    fn item_constraints(s: &Scenario) -> Vec<Constraint> {
        // One hash lookup per link end: a search through the items per link made building the
        // network quadratic (20,000 chained items: seconds). A link's ends share their items'
        // text (`ItemId` clones), so they are found by the text's address: a number hashed, no
        // text read (at a million items each text read is a cache miss). An end with text of its
        // own is found by the text, in a map made only then.
        let by_address: rustc_hash::FxHashMap<*const u8, usize> = s
            .items
            .iter()
            .enumerate()
            .map(|(k, i)| (i.id.as_str().as_ptr(), k))
            .collect();
        let by_text: std::cell::OnceCell<rustc_hash::FxHashMap<&ItemId, usize>> =
            std::cell::OnceCell::new();
        let index = |id: &ItemId| {
            by_address.get(&id.as_str().as_ptr()).copied().or_else(|| {
                let by_text = by_text.get_or_init(|| {
                    s.items
                        .iter()
                        .enumerate()
                        .map(|(k, i)| (&i.id, k))
                        .collect()
                });
                by_text.get(id).copied()
            })
        };
        // Links come item by item, each into the item whose `after` list gave it: the item the
        // last link went into, or the next one, is tried first by the text's address (half the
        // lookups spared; at a million items each is a cache miss).
        let mut into = 0usize;
        let mut index_into = |id: &ItemId| {
            let at = |k: usize| {
                s.items
                    .get(k)
                    .is_some_and(|i| std::ptr::eq(i.id.as_str().as_ptr(), id.as_str().as_ptr()))
            };
            let found = if at(into) {
                Some(into)
            } else if at(into + 1) {
                Some(into + 1)
            } else {
                index(id)
            };
            if let Some(k) = found {
                into = k;
            }
            found
        };
        // Sized once: collected from a filter the vector would grow by doubling (at a million
        // items several copies of a hundred megabytes).

        // Room for the gate links too: at most one into and one out of a gate per item.
        let mut constraints = Vec::with_capacity(s.links.len() + 2 * s.items.len());
        constraints.extend(s.links.iter().filter_map(|l| {
            Some(Constraint {
                from: index(&l.from)?,
                to: index_into(&l.to)?,
                kind: l.kind,
                lag: l.lag,
                max_lag: l.max_lag,
                lag_unit: l.lag_unit,
                origin: Origin::Link,
            })
        }));
        constraints
    }

    /// The position of the activity with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.activities.iter().position(|a| a.id == id)
    }

    /// The activity standing for an item (itself, or the joint event it was merged into).
    pub fn activity_of_item(&self, item: &ItemId) -> Option<usize> {
        self.activities
            .iter()
            .position(|a| a.members.contains(item))
    }

    /// The precedence graph: an edge per constraint, from `from` to `to`.
    pub fn graph(&self) -> DiGraph<usize, usize> {
        let mut g = DiGraph::with_capacity(self.activities.len(), self.constraints.len());
        for i in 0..self.activities.len() {
            g.add_node(i);
        }
        for (k, c) in self.constraints.iter().enumerate() {
            g.add_edge(NodeIndex::new(c.from), NodeIndex::new(c.to), k);
        }
        g
    }

    /// Activities on a cycle of constraints, in order, if there is one. The usual acyclic
    /// network is answered by one topological pass over the constraints as they are (no edge
    /// list copied); only a network with a cycle builds the graph that names it.
    pub fn find_cycle(&self) -> Option<Vec<usize>> {
        let n = self.activities.len();
        if acyclic(n, self.constraints.len(), || {
            self.constraints.iter().map(|c| (c.from, c.to))
        }) {
            return None;
        }
        let edges: Vec<(usize, usize)> = self.constraints.iter().map(|c| (c.from, c.to)).collect();
        find_cycle(n, &edges)
    }

    /// Whether any constraint bounds a start from above (a maximum lag or a deadline).
    pub fn has_upper_bounds(&self) -> bool {
        self.constraints.iter().any(|c| c.max_lag.is_some())
            || self.activities.iter().any(|a| a.deadline.is_some())
    }
}

/// Whether `edges` among `n` nodes have no cycle: Kahn's topological order over flat arrays, the
/// cheap answer for the usual acyclic network (no graph built, no recursion).
fn is_acyclic(n: usize, edges: &[(usize, usize)]) -> bool {
    acyclic(n, edges.len(), || edges.iter().copied())
}

/// [`is_acyclic`] over the `m` edges that `edges` lists (called twice: once to count, once to
/// fill), in 32-bit arrays: at a million activities and four million constraints about 28 MB.
fn acyclic<I: Iterator<Item = (usize, usize)>>(n: usize, m: usize, edges: impl Fn() -> I) -> bool {
    if n >= u32::MAX as usize || m >= u32::MAX as usize {
        // Beyond 32-bit indices "not known to be acyclic": the strongly connected components
        // decide.
        return false;
    }
    let mut indegree = vec![0u32; n];
    let mut first = vec![0u32; n + 1];
    for (a, b) in edges() {
        if a >= n || b >= n {
            return false;
        }
        indegree[b] += 1;
        first[a + 1] += 1;
    }
    for i in 0..n {
        first[i + 1] += first[i];
    }
    let mut next = vec![0u32; m];
    // Filled from each node's end backwards, so `first` needs no copy.
    let mut fill: Vec<u32> = first[1..].to_vec();
    for (a, b) in edges() {
        fill[a] -= 1;
        next[fill[a] as usize] = b as u32;
    }
    drop(fill);
    let mut ready: Vec<u32> = (0..n as u32)
        .filter(|&i| indegree[i as usize] == 0)
        .collect();
    let mut done = 0;
    while let Some(i) = ready.pop() {
        done += 1;
        let i = i as usize;
        for &j in &next[first[i] as usize..first[i + 1] as usize] {
            let d = &mut indegree[j as usize];
            *d -= 1;
            if *d == 0 {
                ready.push(j);
            }
        }
    }
    done == n
}

/// One cycle among `n` nodes joined by `edges`, as the nodes in order, or `None` when acyclic.
/// Uses petgraph's strongly connected components, then walks inside the smallest-indexed one.
pub fn find_cycle(n: usize, edges: &[(usize, usize)]) -> Option<Vec<usize>> {
    if is_acyclic(n, edges) {
        return None;
    }
    let mut g: DiGraph<(), ()> = DiGraph::with_capacity(n, edges.len());
    for _ in 0..n {
        g.add_node(());
    }
    for &(a, b) in edges {
        if a == b {
            return Some(vec![a]);
        }
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    // Kosaraju in petgraph walks with an explicit stack: no recursion as deep as a chain.
    let scc = kosaraju_scc(&g)
        .into_iter()
        .filter(|c| c.len() > 1)
        .min_by_key(|c| c.iter().map(|n| n.index()).min())?;
    let members: std::collections::HashSet<usize> = scc.iter().map(|n| n.index()).collect();
    let start = *members.iter().min()?;
    // Walk edges inside the component until a node repeats; the repeat closes the cycle.
    let mut path = vec![start];
    let mut seen = std::collections::HashMap::from([(start, 0usize)]);
    let mut cur = start;
    loop {
        let next = g
            .neighbors(NodeIndex::new(cur))
            .map(|x| x.index())
            .filter(|x| members.contains(x))
            .min()?;
        if let Some(&pos) = seen.get(&next) {
            return Some(path[pos..].to_vec());
        }
        seen.insert(next, path.len());
        path.push(next);
        cur = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_longer_than_any_stack_is_walked_without_recursion() {
        // A recursive strongly-connected-components search overflowed the stack here.
        let n = 300_000;
        let mut edges: Vec<(usize, usize)> = (1..n).map(|i| (i - 1, i)).collect();
        assert_eq!(find_cycle(n, &edges), None);
        edges.push((n - 1, n - 3));
        assert_eq!(find_cycle(n, &edges), Some(vec![n - 3, n - 2, n - 1]));
    }

    #[test]
    fn a_large_network_is_made_on_two_threads_in_order() {
        // 30,000 items, each after the one before: the other thread makes the activities up
        // to (30,000 + 29,999 / 4) / 2 = 18,750, this one the rest after the constraints.
        let mut text = String::from("id,name,department,stage,days,after\n");
        for i in 0..30_000 {
            let after = if i == 0 {
                String::new()
            } else {
                format!("i{}", i - 1)
            };
            text += &format!("i{i},Item {i},D{},S,{},{after}\n", i % 3, 1 + i % 5);
        }
        let start = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
        let s = crate::csv_item_list::parse_item_list(&text, "n.csv", "n", start).unwrap();
        let net = Network::from_scenario(&s);
        assert_eq!(net.activities.len(), 30_000);
        for k in [0, 18_749, 18_750, 29_999] {
            let a = &net.activities[k];
            assert_eq!((a.id.as_str(), a.order), (format!("i{k}").as_str(), k));
            assert_eq!(a.days.get(), (1 + k % 5) as f64);
            assert_eq!(a.departments[0].as_str(), format!("D{}", k % 3));
        }
        assert_eq!(net.constraints.len(), 29_999);
        assert!(
            net.constraints
                .iter()
                .enumerate()
                .all(|(k, c)| (c.from, c.to) == (k, k + 1))
        );
        // Room kept for the gates: adding one moves nothing.
        assert!(net.activities.capacity() > net.activities.len());
    }

    #[test]
    fn finds_a_cycle() {
        assert_eq!(find_cycle(3, &[(0, 1), (1, 2)]), None);
        assert_eq!(
            find_cycle(3, &[(0, 1), (1, 2), (2, 0)]),
            Some(vec![0, 1, 2])
        );
        assert_eq!(
            find_cycle(4, &[(0, 1), (1, 2), (2, 1), (3, 3)]),
            Some(vec![3])
        );
        let c = find_cycle(5, &[(0, 1), (1, 2), (2, 3), (3, 1), (4, 0)]).unwrap();
        assert_eq!(c, vec![1, 2, 3]);
    }
}
