//! What a chunk adds up: the samples (sorted, then merged across chunks), the criticality
//! counts and the moments behind the sensitivity.

use super::model::Model;
use super::{CRITICAL_EPS, LANES, Lanes};

/// The sorted runs made one sorted vector, in two halves at once: the values below a pivot (the
/// median of the runs' medians) and the others, each half gathered from the runs and sorted. A
/// sorted vector of floats is unique, so the result does not depend on the pivot or the threads.
pub(super) fn merge(runs: Vec<&[f64]>) -> Vec<f64> {
    let total: usize = runs.iter().map(|r| r.len()).sum();
    let mut mids: Vec<f64> = runs
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| r[r.len() / 2])
        .collect();
    mids.sort_by(f64::total_cmp);
    let Some(&pivot) = mids.get(mids.len() / 2) else {
        return Vec::new();
    };
    let cuts: Vec<usize> = runs
        .iter()
        .map(|r| r.partition_point(|x| x.total_cmp(&pivot).is_lt()))
        .collect();
    let mut out = vec![0.0; total];
    let (lo, hi) = out.split_at_mut(cuts.iter().sum());
    // Each half is its runs' parts one after the other, then sorted.
    let fill = |dst: &mut [f64], part: &dyn Fn(&[f64], usize) -> &[f64]| {
        let mut at = 0;
        for (r, &c) in runs.iter().zip(&cuts) {
            let src = part(r, c);
            dst[at..at + src.len()].copy_from_slice(src);
            at += src.len();
        }
        radix_sort(dst);
    };
    rayon::join(|| fill(lo, &|r, c| &r[..c]), || fill(hi, &|r, c| &r[c..]));
    out
}

/// Sorts `v` by [`f64::total_cmp`]: a least-significant-digit radix sort, 11 bits at a time,
/// of the bits mapped to integers in the same order, less the least of them, so only the bits
/// in which the values differ are sorted on (a sorted vector of floats is unique, so this is the
/// order any sort gives).
pub(super) fn radix_sort(v: &mut [f64]) {
    const SIGN: u64 = 1 << 63;
    const BITS: u32 = 11;
    const MASK: u64 = (1 << BITS) - 1;
    let n = v.len();
    if n < 512 {
        v.sort_unstable_by(f64::total_cmp);
        return;
    }
    let key = |x: f64| {
        let b = x.to_bits();
        if b & SIGN == 0 { b | SIGN } else { !b }
    };
    let mut keys: Vec<u64> = v.iter().map(|&x| key(x)).collect();
    let (lo, hi) = keys
        .iter()
        .fold((u64::MAX, 0), |(lo, hi), &k| (lo.min(k), hi.max(k)));
    let digits = (u64::BITS - (hi - lo).leading_zeros()).div_ceil(BITS) as usize;
    for k in &mut keys {
        *k -= lo;
    }
    let mut hist = vec![[0u32; 1 << BITS]; digits];
    for &k in &keys {
        for (d, h) in hist.iter_mut().enumerate() {
            h[((k >> (BITS as usize * d)) & MASK) as usize] += 1;
        }
    }
    let mut tmp = vec![0u64; n];
    for (d, h) in hist.iter().enumerate() {
        let shift = BITS as usize * d;
        let mut at = [0u32; 1 << BITS];
        let mut sum = 0;
        for (a, &c) in at.iter_mut().zip(h) {
            *a = sum;
            sum += c;
        }
        for &k in &keys {
            let digit = ((k >> shift) & MASK) as usize;
            tmp[at[digit] as usize] = k;
            at[digit] += 1;
        }
        std::mem::swap(&mut keys, &mut tmp);
    }
    for (x, &k) in v.iter_mut().zip(&keys) {
        let k = k + lo;
        *x = f64::from_bits(if k & SIGN != 0 { k & !SIGN } else { !k });
    }
}

pub(super) fn share(count: u64, of: usize) -> f64 {
    if of == 0 {
        f64::NAN
    } else {
        count as f64 / of as f64
    }
}

/// A chunk's running sums: per lane, or for the sensitivity in two (each block's lanes are
/// added first, `((0 + 4) + (2 + 6), (1 + 5) + (3 + 7))`, then into the sums).
pub(super) struct Acc {
    count: Lanes,
    /// Per position: iterations in which it was critical.
    pub(super) critical: Vec<[u64; LANES]>,
    t: Lanes,
    /// Per varying activity: the sums of `x`, `x²` and `x·t` (see [`Moments`]).
    sums: Vec<[[f64; 2]; 3]>,
}

/// The lanes of a block added in two sums, of the even and of the odd lanes.
#[inline(always)]
fn pairs(v: &Lanes) -> [f64; 2] {
    let mut h = [0.0; LANES / 2];
    for k in 0..LANES / 2 {
        h[k] = v[k] + v[k + LANES / 2];
    }
    let mut w = LANES / 2;
    while w > 2 {
        w /= 2;
        for k in 0..w {
            h[k] += h[k + w];
        }
    }
    [h[0], h[1]]
}

impl Acc {
    pub(super) fn new(n: usize, varying: usize) -> Self {
        Self {
            count: [0.0; LANES],
            critical: vec![[0; LANES]; n],
            t: [0.0; LANES],
            sums: vec![[[0.0; 2]; 3]; varying],
        }
    }

    /// One block. With `MASKED`, lanes with `ok[j] == false` are left out; `counted` when the
    /// backward pass has counted the criticality already.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    pub(super) fn record<const MASKED: bool>(
        &mut self,
        m: &Model,
        d: &[Lanes],
        es: &[Lanes],
        ls: &[Lanes],
        ms: &Lanes,
        shift: f64,
        ok: &[bool; LANES],
        counted: bool,
    ) {
        let w: Lanes = std::array::from_fn(|j| if !MASKED || ok[j] { 1.0 } else { 0.0 });
        if !counted {
            for (q, c) in self.critical.iter_mut().enumerate() {
                let (e, l) = (&es[2 * q], &ls[2 * q]);
                for j in 0..LANES {
                    c[j] += u64::from(l[j] - e[j] < CRITICAL_EPS && (!MASKED || ok[j]));
                }
            }
        }
        let mut t = [0.0; LANES];
        for j in 0..LANES {
            t[j] = if MASKED {
                (ms[j] - shift) * w[j]
            } else {
                ms[j] - shift
            };
            self.t[j] += t[j];
            self.count[j] += w[j];
        }
        for (sums, v) in self.sums.iter_mut().zip(&m.varying) {
            let dq = &d[v.pos];
            let mut x = [0.0; LANES];
            let mut xx = [0.0; LANES];
            let mut xt = [0.0; LANES];
            for j in 0..LANES {
                x[j] = if MASKED {
                    (dq[j] - v.days) * w[j]
                } else {
                    dq[j] - v.days
                };
                xx[j] = x[j] * x[j];
                xt[j] = x[j] * t[j];
            }
            for (sum, v) in sums.iter_mut().zip([&x, &xx, &xt]) {
                let p = pairs(v);
                sum[0] += p[0];
                sum[1] += p[1];
            }
        }
    }

    /// The lanes summed in lane order.
    pub(super) fn moments(&self) -> Moments {
        let total = |v: &Lanes| v.iter().sum::<f64>();
        let pair = |s: &[f64; 2]| s[0] + s[1];
        Moments {
            count: total(&self.count),
            t: total(&self.t),
            x: self.sums.iter().map(|s| pair(&s[0])).collect(),
            xx: self.sums.iter().map(|s| pair(&s[1])).collect(),
            xt: self.sums.iter().map(|s| pair(&s[2])).collect(),
        }
    }
}

/// What one chunk gives back.
pub(super) struct ChunkOut {
    /// Working days of its feasible iterations, sorted.
    pub(super) samples: Vec<f64>,
    /// Their sum, in iteration order.
    pub(super) sum: f64,
    /// Official approval days of the same iterations, sorted.
    pub(super) approvals: Vec<f64>,
    /// Their sum, in iteration order.
    pub(super) approval_sum: f64,
    /// Elapsed calendar days of the same iterations, sorted, when placed on the calendar
    /// (a network with calendar days); empty otherwise.
    pub(super) calendars: Vec<f64>,
    /// Their sum, in iteration order.
    pub(super) calendar_sum: f64,
    /// Per activity (network order), iterations in which it was critical.
    pub(super) critical: Vec<u64>,
    pub(super) infeasible: usize,
    pub(super) moments: Moments,
}

/// Sums for the sensitivity, shifted (durations by their `days`, the total by the deterministic
/// working days) to keep the differences of large sums accurate.
#[derive(Clone, Debug)]
pub(super) struct Moments {
    count: f64,
    t: f64,
    x: Vec<f64>,
    xx: Vec<f64>,
    xt: Vec<f64>,
}

impl Moments {
    pub(super) fn new(n: usize) -> Self {
        Self {
            count: 0.0,
            t: 0.0,
            x: vec![0.0; n],
            xx: vec![0.0; n],
            xt: vec![0.0; n],
        }
    }

    pub(super) fn add(&mut self, o: &Self) {
        self.count += o.count;
        self.t += o.t;
        for i in 0..self.x.len() {
            self.x[i] += o.x[i];
            self.xx[i] += o.xx[i];
            self.xt[i] += o.xt[i];
        }
    }

    /// `cov(T, Dₖ) / sd(Dₖ)` (population moments); 0 when `Dₖ` did not vary.
    pub(super) fn sensitivity(&self, i: usize) -> f64 {
        if self.count == 0.0 {
            return f64::NAN;
        }
        let n = self.count;
        let mx = self.x[i] / n;
        let var = self.xx[i] / n - mx * mx;
        let cov = self.xt[i] / n - mx * self.t / n;
        if var > 1e-12 { cov / var.sqrt() } else { 0.0 }
    }
}
