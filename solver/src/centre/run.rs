//! One replication: the event loop, arrivals, queues per department, reviews, returns and
//! rework, and what it counts over the horizon.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

use rand_pcg::Pcg64Mcg;

use super::calendar::{Clock, next_midnight, whole_days};
use super::prepare::{Succ, TypeModel, Upper};
use super::{EPS, WIP_STEP};
use crate::dated::axis::Axis;
use crate::paths::link_offset;
use crate::sample::{exp1, pcg, returns, splitmix64};

/// Fixed for all replications of one call.
pub(super) struct Run<'a> {
    pub(super) models: &'a [TypeModel],
    pub(super) cap: &'a [Option<usize>],
    pub(super) seed: u64,
    /// The horizon: [w0, w1).
    pub(super) w0: f64,
    pub(super) w1: f64,
    pub(super) n_samples: usize,
}

#[derive(Clone, Copy, Debug)]
enum Ev {
    Arrival(u32),
    Start(u32, u32),
    ServiceEnd(u32, u32),
    ReworkEnd(u32, u32),
    Finish(u32, u32),
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    t: f64,
    seq: u64,
    ev: Ev,
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    /// Reversed: the heap pops the earliest time, then the earliest scheduled.
    fn cmp(&self, o: &Self) -> Ordering {
        o.t.total_cmp(&self.t).then(o.seq.cmp(&self.seq))
    }
}

#[derive(Clone, Copy, Debug)]
struct Waiting {
    since: f64,
    proj: u32,
    act: u32,
    service: f64,
}

/// A department during one replication.
#[derive(Debug, Default)]
struct Dept {
    busy: usize,
    high: VecDeque<Waiting>,
    low: VecDeque<Waiting>,
    last: f64,
    busy_area: f64,
    queue_area: f64,
    wait_sum: f64,
    waits: u64,
}

impl Dept {
    /// Accrues the time averages up to `now`, clipped to the horizon.
    fn accrue(&mut self, now: f64, w0: f64, w1: f64) {
        let a = self.last.max(w0);
        let b = now.min(w1);
        if b > a {
            self.busy_area += self.busy as f64 * (b - a);
            self.queue_area += (self.high.len() + self.low.len()) as f64 * (b - a);
        }
        self.last = self.last.max(now);
    }
}

#[derive(Clone, Copy, Debug)]
struct Proj {
    ty: u32,
    arrival: f64,
    /// Offset of its activities in the per-activity arrays.
    off: usize,
    remaining: u32,
    max_finish: f64,
    wait: f64,
    counted: bool,
}

/// What one replication gives back.
#[derive(Debug, Default)]
pub(super) struct RepOut {
    /// Per type: lead times of counted projects, in completion order.
    pub(super) leads: Vec<Vec<f64>>,
    /// Per type: official approval days of the same projects, in the same order.
    pub(super) approvals: Vec<Vec<f64>>,
    pub(super) arrived: Vec<u64>,
    pub(super) completed: Vec<u64>,
    pub(super) wait: Vec<f64>,
    pub(super) breaks: Vec<u64>,
    /// Per department: busy and queue areas, wait sums and counts.
    pub(super) busy_area: Vec<f64>,
    pub(super) queue_area: Vec<f64>,
    pub(super) wait_sum: Vec<f64>,
    pub(super) waits: Vec<u64>,
    pub(super) completions: u64,
    pub(super) wip: Vec<f64>,
}

struct State<'a> {
    run: &'a Run<'a>,
    rep: u64,
    heap: BinaryHeap<Entry>,
    seq: u64,
    depts: Vec<Dept>,
    projs: Vec<Proj>,
    /// Per activity of every project.
    start: Vec<f64>,
    finish: Vec<f64>,
    bound: Vec<f64>,
    pending: Vec<u32>,
    base: Vec<f64>,
    returns_left: Vec<u32>,
    dur: Vec<f64>,
    /// Per activity: when its current spell with the department began (the submission, or the
    /// resubmission after a correction).
    spell: Vec<f64>,
    /// Per project: the intervals on the approval clock so far (emptied when it completes).
    clock: Vec<Vec<(f64, f64)>>,
    /// Per type with calendar days: its calendar. Per activity of every project: the calendar
    /// instants of a calendar-day activity's start and finish, and the least calendar instant
    /// its links allow it to start.
    cal: Vec<Option<Clock<'a>>>,
    cstart: Vec<f64>,
    cfinish: Vec<f64>,
    cbound: Vec<f64>,
    /// Per type: arrival generators and arrivals so far.
    arrival_rng: Vec<Pcg64Mcg>,
    arrivals: Vec<u64>,
    wip: u64,
    out: RepOut,
}

impl Run<'_> {
    pub(super) fn replication(&self, rep: u64) -> RepOut {
        let nt = self.models.len();
        let nd = self.cap.len();
        let mut st = State {
            run: self,
            rep,
            heap: BinaryHeap::new(),
            seq: 0,
            depts: (0..nd).map(|_| Dept::default()).collect(),
            projs: Vec::new(),
            start: Vec::new(),
            finish: Vec::new(),
            bound: Vec::new(),
            pending: Vec::new(),
            base: Vec::new(),
            returns_left: Vec::new(),
            dur: Vec::new(),
            spell: Vec::new(),
            clock: Vec::new(),
            cal: self
                .models
                .iter()
                .map(|m| {
                    m.calendar
                        .as_ref()
                        .map(|(c, origin)| Clock::new(Axis::new(c, *origin)))
                })
                .collect(),
            cstart: Vec::new(),
            cfinish: Vec::new(),
            cbound: Vec::new(),
            arrival_rng: self
                .models
                .iter()
                .map(|m| stream(self.seed, rep, m.key, u64::MAX, 0))
                .collect(),
            arrivals: vec![0; nt],
            wip: 0,
            out: RepOut {
                leads: vec![Vec::new(); nt],
                approvals: vec![Vec::new(); nt],
                arrived: vec![0; nt],
                completed: vec![0; nt],
                wait: vec![0.0; nt],
                breaks: vec![0; nt],
                busy_area: vec![0.0; nd],
                queue_area: vec![0.0; nd],
                wait_sum: vec![0.0; nd],
                waits: vec![0; nd],
                completions: 0,
                wip: Vec::with_capacity(self.n_samples),
            },
        };
        for t in 0..nt {
            st.next_arrival(t, 0.0);
        }
        while let Some(Entry { t, ev, .. }) = st.heap.pop() {
            while st.out.wip.len() < self.n_samples
                && self.w0 + st.out.wip.len() as f64 * WIP_STEP < t
            {
                st.out.wip.push(st.wip as f64);
            }
            match ev {
                Ev::Arrival(ty) => st.arrive(ty as usize, t),
                Ev::Start(p, i) => st.started(p as usize, i as usize, t),
                Ev::ServiceEnd(p, i) => st.service_end(p as usize, i as usize, t),
                Ev::ReworkEnd(p, i) => st.rework_end(p as usize, i as usize, t),
                Ev::Finish(p, i) => st.finished(p as usize, i as usize, t),
            }
        }
        while st.out.wip.len() < self.n_samples {
            st.out.wip.push(st.wip as f64);
        }
        for (k, d) in st.depts.iter_mut().enumerate() {
            d.accrue(self.w1, self.w0, self.w1);
            st.out.busy_area[k] = d.busy_area;
            st.out.queue_area[k] = d.queue_area;
            st.out.wait_sum[k] = d.wait_sum;
            st.out.waits[k] = d.waits;
        }
        st.out
    }
}

impl State<'_> {
    fn push(&mut self, t: f64, ev: Ev) {
        self.seq += 1;
        self.heap.push(Entry {
            t,
            seq: self.seq,
            ev,
        });
    }

    fn next_arrival(&mut self, ty: usize, now: f64) {
        let rate = self.run.models[ty].rate;
        if rate <= 0.0 {
            return;
        }
        let t = now + exp1(&mut self.arrival_rng[ty]) / rate;
        if t < self.run.w1 {
            self.push(t, Ev::Arrival(ty as u32));
        }
    }

    fn arrive(&mut self, ty: usize, now: f64) {
        let run = self.run;
        let m = &run.models[ty];
        let k = self.arrivals[ty];
        self.arrivals[ty] += 1;
        let counted = now >= run.w0;
        if counted {
            self.out.arrived[ty] += 1;
        }
        let off = self.start.len();
        let p = self.projs.len();
        self.projs.push(Proj {
            ty: ty as u32,
            arrival: now,
            off,
            remaining: m.n as u32,
            max_finish: now,
            wait: 0.0,
            counted,
        });
        self.clock.push(Vec::new());
        self.wip += 1;
        for i in 0..m.slots {
            let mut s = stream(run.seed, self.rep, m.key, k, m.act_key[i]);
            let draw = &m.draws[i];
            let base = match m.exp_mean[i] {
                Some(mean) => mean * exp1(&mut s),
                None => draw.shape.sample(&mut s),
            };
            let (k_ret, extra) = match draw.returns {
                Some(r) => (returns(&mut s, &r.count, r.max), r.rework + r.rereview),
                None => (0, 0.0),
            };
            self.start.push(f64::NAN);
            self.finish.push(f64::NAN);
            self.bound.push(f64::NEG_INFINITY);
            self.pending.push(m.indeg[i]);
            self.base.push(base);
            self.returns_left.push(k_ret);
            self.dur.push(match (m.cal[i], draw.returns) {
                // Whole calendar days, each piece as the scheduler takes a count.
                (true, Some(r)) => {
                    whole_days(base)
                        + f64::from(k_ret) * (whole_days(r.rework) + whole_days(r.rereview))
                }
                (true, None) => whole_days(base),
                (false, _) => base + f64::from(k_ret) * extra,
            });
            self.cstart.push(f64::NAN);
            self.cfinish.push(f64::NAN);
            self.cbound.push(f64::NEG_INFINITY);
            self.spell.push(f64::NAN);
        }
        // A split joint event lasts, without waiting, as long as its longest member review.
        for (j, subs) in m.subs.iter().enumerate() {
            if let Some(d) = subs
                .iter()
                .map(|&k| self.dur[off + k as usize])
                .reduce(f64::max)
            {
                self.dur[off + j] = d;
            }
        }
        if m.n == 0 {
            self.complete(p, now);
        }
        for &i in &m.roots {
            self.ready(p, i as usize, now);
        }
        self.next_arrival(ty, now);
    }

    /// Every link into activity `i` of project `p` is known: date its start.
    fn ready(&mut self, p: usize, i: usize, now: f64) {
        let pr = self.projs[p];
        let m = &self.run.models[pr.ty as usize];
        let x = pr.off + i;
        if m.cal[i]
            && let Some(clock) = self.cal[pr.ty as usize].as_mut()
        {
            // The next midnight after the day its predecessors finish (after the arrival).
            let r = clock
                .instant_at(pr.arrival + m.release[i])
                .max(self.cbound[x]);
            let sc = next_midnight(r);
            let s = clock.working_at(sc);
            self.cstart[x] = sc;
            self.start[x] = s;
            self.push(s.max(now), Ev::Start(p as u32, i as u32));
            return;
        }
        let r = (pr.arrival + m.release[i]).max(self.bound[x]);
        let s = if m.queued[i] { r.max(now) } else { r };
        self.start[x] = s;
        self.push(s.max(now), Ev::Start(p as u32, i as u32));
    }

    /// Fires the links leaving activity `i` (its start or its finish, `t`: `is_finish`).
    fn fire(&mut self, p: usize, i: usize, links: &[Succ], t: f64, is_finish: bool, now: f64) {
        let run = self.run;
        let (off, ty) = (self.projs[p].off, self.projs[p].ty as usize);
        let m = &run.models[ty];
        for l in links {
            let y = off + l.to as usize;
            if let Some(clock) = self.cal[ty].as_mut() {
                // On the calendar: a calendar-day activity's own instants, a working one's
                // earliest instant.
                let tc = match (m.cal[i], is_finish) {
                    (true, true) => self.cfinish[off + i],
                    (true, false) => self.cstart[off + i],
                    (false, _) => clock.instant_at(t),
                };
                if m.cal[l.to as usize] {
                    let mut c = if l.cal_lag {
                        tc + l.lag
                    } else if l.lag == 0.0 {
                        tc
                    } else if l.lag > 0.0 {
                        clock.instant_at(t + l.lag).max(tc)
                    } else {
                        clock.instant_at(t + l.lag)
                    };
                    if l.minus_d {
                        c -= self.dur[y];
                    }
                    self.cbound[y] = self.cbound[y].max(c);
                } else {
                    let mut b = if l.cal_lag {
                        clock.working_at(tc + l.lag)
                    } else {
                        t + l.lag
                    };
                    if l.minus_d {
                        b -= self.dur[y];
                    }
                    self.bound[y] = self.bound[y].max(b);
                }
            } else {
                let b = t + l.lag - if l.minus_d { self.dur[y] } else { 0.0 };
                if b > self.bound[y] {
                    self.bound[y] = b;
                }
            }
            self.pending[y] -= 1;
            if self.pending[y] == 0 {
                self.ready(p, l.to as usize, now);
            }
        }
    }

    fn started(&mut self, p: usize, i: usize, now: f64) {
        let run = self.run;
        let pr = self.projs[p];
        let m = &run.models[pr.ty as usize];
        let x = pr.off + i;
        let s = self.start[x];
        self.spell[x] = s;
        self.fire(p, i, &m.on_start[i], s, false, now);
        if m.cal[i]
            && let Some(clock) = self.cal[pr.ty as usize].as_mut()
        {
            // A calendar-day activity: whole days on the calendar, no reviewer.
            let sc = self.cstart[x];
            let fc = sc + self.dur[x];
            if m.official[i] {
                let mut c = sc;
                let mut on = |from: f64, days: f64, clock: &mut Clock| {
                    let iv = (clock.working_at(from), clock.working_at(from + days));
                    self.clock[p].push(iv);
                };
                let base = whole_days(self.base[x]);
                on(c, base, clock);
                c += base;
                if let Some(r) = m.draws[i].returns.as_ref() {
                    let (rework, rereview) = (whole_days(r.rework), whole_days(r.rereview));
                    for _ in 0..self.returns_left[x] {
                        c += rework;
                        on(c, rereview, clock);
                        c += rereview;
                    }
                }
            }
            let f = clock.working_at(fc);
            self.cfinish[x] = fc;
            self.finish[x] = f;
            self.push(f.max(now), Ev::Finish(p as u32, i as u32));
            return;
        }
        let subs = &m.subs[i];
        if subs.is_empty() {
            self.serve(p, i, now);
            return;
        }
        // A joint event: its member reviews start with it, each in its own department; it
        // finishes with the last of them (`pending` counts those still running, `finish` keeps
        // the latest finish so far).
        self.pending[x] = subs.len() as u32;
        self.finish[x] = s;
        for &k in subs {
            let y = pr.off + k as usize;
            self.start[y] = s;
            self.spell[y] = s;
            self.serve(p, k as usize, now);
        }
    }

    /// Slot `i` of project `p` has started: its reviews (queued or not), returns and finish.
    fn serve(&mut self, p: usize, i: usize, now: f64) {
        let run = self.run;
        let pr = self.projs[p];
        let m = &run.models[pr.ty as usize];
        let x = pr.off + i;
        let s = self.start[x];
        if m.queued[i] {
            let base = self.base[x];
            if base > 0.0 {
                self.request(p, i, base, now);
            } else {
                self.reviewed(p, i, now);
            }
            return;
        }
        // No queue: the activity runs from its start for its whole duration.
        if let (Some(d), Some(r)) = (m.dept[i], m.draws[i].returns.as_ref()) {
            // An unlimited department: its load, service by service.
            let mut t = s;
            for k in 0..=self.returns_left[x] {
                let len = if k == 0 { self.base[x] } else { r.rereview };
                self.unlimited_service(d as usize, t, len);
                t += len + r.rework;
            }
        } else if let Some(d) = m.dept[i] {
            self.unlimited_service(d as usize, s, self.base[x]);
        }
        if m.official[i] {
            // Review, then per return a correction (clock stopped) and a re-review.
            let base = self.base[x];
            self.clock[p].push((s, s + base));
            if let Some(r) = m.draws[i].returns.as_ref() {
                let mut t = s + base;
                for _ in 0..self.returns_left[x] {
                    t += r.rework;
                    self.clock[p].push((t, t + r.rereview));
                    t += r.rereview;
                }
            }
        }
        let f = s + self.dur[x];
        self.finish[x] = f;
        self.push(f.max(now), Ev::Finish(p as u32, i as u32));
    }

    /// A review of `len` days from `t` in a department with unlimited reviewers.
    fn unlimited_service(&mut self, d: usize, t: f64, len: f64) {
        if len <= 0.0 {
            return;
        }
        let (w0, w1) = (self.run.w0, self.run.w1);
        let dept = &mut self.depts[d];
        let overlap = (t + len).min(w1) - t.max(w0);
        if overlap > 0.0 {
            dept.busy_area += overlap;
        }
        if t >= w0 && t < w1 {
            dept.waits += 1;
        }
    }

    /// The file of activity `i` joins its department's queue for a review of `service` days.
    fn request(&mut self, p: usize, i: usize, service: f64, now: f64) {
        let run = self.run;
        let pr = self.projs[p];
        let m = &run.models[pr.ty as usize];
        let Some(d) = m.dept[i].map(|d| d as usize) else {
            return;
        };
        let cap = run.cap[d].unwrap_or(usize::MAX);
        let dept = &mut self.depts[d];
        dept.accrue(now, run.w0, run.w1);
        let w = Waiting {
            since: now,
            proj: p as u32,
            act: i as u32,
            service,
        };
        if dept.busy < cap {
            dept.busy += 1;
            self.begin(d, w, now);
        } else if m.priority {
            dept.high.push_back(w);
        } else {
            dept.low.push_back(w);
        }
    }

    /// A reviewer of department `d` takes up the waiting file `w`.
    fn begin(&mut self, d: usize, w: Waiting, now: f64) {
        let wait = now - w.since;
        let dept = &mut self.depts[d];
        if w.since >= self.run.w0 && w.since < self.run.w1 {
            dept.wait_sum += wait;
            dept.waits += 1;
        }
        self.projs[w.proj as usize].wait += wait;
        self.push(now + w.service, Ev::ServiceEnd(w.proj, w.act));
    }

    fn service_end(&mut self, p: usize, i: usize, now: f64) {
        let run = self.run;
        let m = &run.models[self.projs[p].ty as usize];
        if let Some(d) = m.dept[i].map(|d| d as usize) {
            let dept = &mut self.depts[d];
            dept.accrue(now, run.w0, run.w1);
            dept.busy -= 1;
            let next = dept.high.pop_front().or_else(|| dept.low.pop_front());
            if let Some(w) = next {
                dept.busy += 1;
                self.begin(d, w, now);
            }
        }
        self.reviewed(p, i, now);
    }

    /// A review of a queued activity is over: returned for correction, or finished.
    fn reviewed(&mut self, p: usize, i: usize, now: f64) {
        let x = self.projs[p].off + i;
        if self.run.models[self.projs[p].ty as usize].official[i] {
            // The department held the file from its (re)submission: waiting included.
            self.clock[p].push((self.spell[x], now));
        }
        if self.returns_left[x] > 0 {
            self.returns_left[x] -= 1;
            let m = &self.run.models[self.projs[p].ty as usize];
            let rework = m.draws[i].returns.map(|r| r.rework).unwrap_or(0.0);
            self.push(now + rework, Ev::ReworkEnd(p as u32, i as u32));
        } else {
            self.finish[x] = now;
            self.push(now, Ev::Finish(p as u32, i as u32));
        }
    }

    fn rework_end(&mut self, p: usize, i: usize, now: f64) {
        let x = self.projs[p].off + i;
        self.spell[x] = now;
        let m = &self.run.models[self.projs[p].ty as usize];
        let rereview = m.draws[i].returns.map(|r| r.rereview).unwrap_or(0.0);
        if rereview > 0.0 {
            self.request(p, i, rereview, now);
        } else {
            self.reviewed(p, i, now);
        }
    }

    fn finished(&mut self, p: usize, i: usize, now: f64) {
        let m = &self.run.models[self.projs[p].ty as usize];
        let x = self.projs[p].off + i;
        let f = self.finish[x];
        if let Some(&j) = i.checked_sub(m.n).and_then(|k| m.parent.get(k)) {
            // A member review of a joint event: the event finishes with its last one.
            let y = self.projs[p].off + j as usize;
            self.finish[y] = self.finish[y].max(f);
            self.pending[y] -= 1;
            if self.pending[y] == 0 {
                self.push(self.finish[y].max(now), Ev::Finish(p as u32, j));
            }
            return;
        }
        if f > self.projs[p].max_finish {
            self.projs[p].max_finish = f;
        }
        self.fire(p, i, &m.on_finish[i], f, true, now);
        self.projs[p].remaining -= 1;
        if self.projs[p].remaining == 0 {
            self.complete(p, now);
        }
    }

    fn complete(&mut self, p: usize, now: f64) {
        let run = self.run;
        let pr = self.projs[p];
        let ty = pr.ty as usize;
        self.wip -= 1;
        if now >= run.w0 && now <= run.w1 {
            self.out.completed[ty] += 1;
            self.out.completions += 1;
        }
        let intervals = std::mem::take(&mut self.clock[p]);
        if !pr.counted {
            return;
        }
        self.out.leads[ty].push(pr.max_finish - pr.arrival);
        self.out.approvals[ty].push(crate::clocks::union_length(intervals).get());
        self.out.wait[ty] += pr.wait;
        let m = &run.models[ty];
        let (s, f) = (&self.start[pr.off..], &self.finish[pr.off..]);
        let broken = m.upper.iter().any(|u| match *u {
            Upper::MaxLag {
                from,
                to,
                kind,
                max,
            } => {
                let off = link_offset(kind, f[from] - s[from], f[to] - s[to]);
                s[to] > s[from] + off + max + EPS
            }
            Upper::Deadline { at, max } => f[at] - pr.arrival > max + EPS,
        });
        if broken {
            self.out.breaks[ty] += 1;
        }
    }
}

/// The generator for replication `rep`, project type `ty` (name hash), arrival `k` (`u64::MAX`
/// for the arrival process) and activity `act` (id hash).
fn stream(seed: u64, rep: u64, ty: u64, k: u64, act: u64) -> Pcg64Mcg {
    let mut x = splitmix64(seed);
    for part in [rep, ty, k, act] {
        x = splitmix64(x ^ part);
    }
    pcg(x)
}
