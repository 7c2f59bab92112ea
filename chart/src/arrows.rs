//! Dependency arrows of a Gantt chart: thin elbow connectors from the predecessor's bar to the
//! successor's, leaving from the end the link ties (finish for FS and FF, start for SS and SF)
//! and entering the end it constrains, with an arrowhead there.

use permitflow_model::{LinkKind, Network};

use crate::scene::{Color, Scene, Shape};

/// Colour of dependency arrows: quieter than the bars they join.
pub const ARROW: Color = "#7b8794";

/// Whether a Gantt chart draws its dependency arrows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arrows {
    /// Always.
    On,
    /// Never.
    Off,
    /// When the chart has fewer than [`AUTO_LIMIT`] bars (the default): beyond that they
    /// become a thicket.
    #[default]
    Auto,
}

/// Bars from which [`Arrows::Auto`] leaves arrows out.
pub const AUTO_LIMIT: usize = 100;

impl Arrows {
    /// Whether a chart of `bars` bars gets arrows.
    pub fn draw(self, bars: usize) -> bool {
        match self {
            Arrows::On => true,
            Arrows::Off => false,
            Arrows::Auto => bars < AUTO_LIMIT,
        }
    }
}

/// Where an activity's bar is: left end, right end, vertical middle, top of its row.
#[derive(Clone, Copy, Debug)]
pub struct BarPos {
    /// Left end.
    pub x1: f64,
    /// Right end.
    pub x2: f64,
    /// Vertical middle of the bar.
    pub y: f64,
    /// Top of the bar's row.
    pub row_top: f64,
}

/// Draws an arrow for each constraint between two activities that have bars (`pos[i]`), once
/// per pair; returns how many were drawn.
pub fn draw(scene: &mut Scene, net: &Network, pos: &[Option<BarPos>]) -> usize {
    let mut seen = std::collections::HashSet::new();
    let mut n = 0;
    for c in &net.constraints {
        let (Some(Some(a)), Some(Some(b))) = (pos.get(c.from), pos.get(c.to)) else {
            continue;
        };
        if c.from == c.to || !seen.insert((c.from, c.to)) {
            continue;
        }
        let from_finish = matches!(c.kind, LinkKind::FinishToStart | LinkKind::FinishToFinish);
        let to_start = matches!(c.kind, LinkKind::FinishToStart | LinkKind::StartToStart);
        connector(scene, *a, *b, from_finish, to_start);
        n += 1;
    }
    n
}

fn connector(scene: &mut Scene, a: BarPos, b: BarPos, from_finish: bool, to_start: bool) {
    const STUB: f64 = 3.0;
    let (px, out) = if from_finish {
        (a.x2, 1.0)
    } else {
        (a.x1, -1.0)
    };
    let (tx, into) = if to_start { (b.x1, 1.0) } else { (b.x2, -1.0) };
    let sx = px + out * STUB;
    let ex = tx - into * STUB;
    let mut pts = vec![(px, a.y), (sx, a.y)];
    // Straight down (or up) and in when the stub is on the entry side of the target end;
    // otherwise along the top of the target's row, so the line does not cross its bar.
    if (into > 0.0 && sx <= ex) || (into < 0.0 && sx >= ex) {
        pts.push((sx, b.y));
    } else {
        let yb = b.row_top + 1.0;
        pts.push((sx, yb));
        pts.push((ex, yb));
        pts.push((ex, b.y));
    }
    pts.push((tx, b.y));
    for w in pts.windows(2) {
        if w[0] != w[1] {
            scene.line(w[0].0, w[0].1, w[1].0, w[1].1, ARROW, 0.8);
        }
    }
    // The head: two strokes back from the tip.
    for dy in [-3.0, 3.0] {
        scene.shapes.push(Shape::Line {
            x1: tx - into * 4.0,
            y1: b.y + dy,
            x2: tx,
            y2: b.y,
            stroke: ARROW,
            width: 1.2,
            dashed: false,
        });
    }
}

/// Arrowheads in a scene: a chart's number of arrows.
pub fn count(scene: &Scene) -> usize {
    scene
        .shapes
        .iter()
        .filter(
            |s| matches!(s, Shape::Line { stroke, width, .. } if *stroke == ARROW && *width > 1.0),
        )
        .count()
        / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_draws_arrows_below_a_hundred_bars() {
        assert!(Arrows::Auto.draw(99));
        assert!(!Arrows::Auto.draw(100));
        assert!(Arrows::On.draw(5000));
        assert!(!Arrows::Off.draw(3));
    }

    #[test]
    fn a_finish_to_start_arrow_is_an_elbow_ending_in_a_head_at_the_successor() {
        let mut s = Scene::default();
        let a = BarPos {
            x1: 10.0,
            x2: 50.0,
            y: 11.0,
            row_top: 0.0,
        };
        let b = BarPos {
            x1: 80.0,
            x2: 120.0,
            y: 33.0,
            row_top: 22.0,
        };
        connector(&mut s, a, b, true, true);
        let lines: Vec<(f64, f64, f64, f64)> = s
            .shapes
            .iter()
            .map(|sh| match sh {
                Shape::Line { x1, y1, x2, y2, .. } => (*x1, *y1, *x2, *y2),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            lines,
            [
                (50.0, 11.0, 53.0, 11.0),
                (53.0, 11.0, 53.0, 33.0),
                (53.0, 33.0, 80.0, 33.0),
                (76.0, 30.0, 80.0, 33.0),
                (76.0, 36.0, 80.0, 33.0),
            ]
        );
        assert_eq!(count(&s), 1);
    }
}
