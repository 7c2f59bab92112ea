//! The planner's glossary: each term a header or label shows (regime, float, floor, the three
//! clocks, P80, …) explained in a sentence or two, in the current language. [`term`] draws the
//! text with a dotted underline and the explanation on hover, the same way everywhere.

use egui::{CursorIcon, Response, Ui, WidgetText, pos2};
use permitflow_i18n::tr;

/// A term a planner may not know, or may read differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// A base mode plus reform measures.
    Regime,
    /// A reform measure.
    Measure,
    /// Joint review (several departments as one event).
    JointReview,
    /// A joint group of items.
    JointGroup,
    /// Total float.
    Float,
    /// The least limit a department can commit to.
    Floor,
    /// The chain of items without float.
    CriticalPath,
    /// How often an item is critical in the simulation.
    Criticality,
    /// A working day.
    WorkingDay,
    /// A calendar day.
    CalendarDay,
    /// Official approval time (the approval clock).
    ApprovalDay,
    /// P50, P80, P95.
    Percentile,
    /// A bound a regime should meet.
    Target,
    /// A figure the city published, to reproduce.
    PublishedFigure,
    /// One of the approval stages.
    Stage,
    /// Return for correction and re-review.
    Returns,
    /// The reviewers' share of time busy.
    Utilisation,
    /// Notification and commitment.
    NotificationCommitment,
    /// Acceptance with missing materials.
    ToleranceAcceptance,
    /// The planner's cost units.
    Cost,
    /// An item's time limit.
    Limit,
    /// What the applicant pays.
    Fee,
    /// Trips, forms, materials, departments.
    Counts,
    /// A link between two items, with its lag.
    Link,
}

impl Term {
    /// Every term, in the order the glossary lists them.
    pub const ALL: [Term; 24] = [
        Term::Regime,
        Term::Measure,
        Term::JointReview,
        Term::JointGroup,
        Term::Float,
        Term::Floor,
        Term::CriticalPath,
        Term::Criticality,
        Term::WorkingDay,
        Term::CalendarDay,
        Term::ApprovalDay,
        Term::Percentile,
        Term::Target,
        Term::PublishedFigure,
        Term::Stage,
        Term::Returns,
        Term::Utilisation,
        Term::NotificationCommitment,
        Term::ToleranceAcceptance,
        Term::Cost,
        Term::Limit,
        Term::Fee,
        Term::Counts,
        Term::Link,
    ];

    /// The explanation, in the current language.
    pub fn explain(self) -> String {
        match self {
            Term::Regime => tr!("gui-term-regime"),
            Term::Measure => tr!("gui-term-measure"),
            Term::JointReview => tr!("gui-term-joint-review"),
            Term::JointGroup => tr!("gui-term-joint-group"),
            Term::Float => tr!("gui-term-float"),
            Term::Floor => tr!("gui-term-floor"),
            Term::CriticalPath => tr!("gui-term-critical-path"),
            Term::Criticality => tr!("gui-term-criticality"),
            Term::WorkingDay => tr!("gui-term-working-day"),
            Term::CalendarDay => tr!("gui-term-calendar-day"),
            Term::ApprovalDay => tr!("gui-term-approval-day"),
            Term::Percentile => tr!("gui-term-percentile"),
            Term::Target => tr!("gui-term-target"),
            Term::PublishedFigure => tr!("gui-term-published"),
            Term::Stage => tr!("gui-term-stage"),
            Term::Returns => tr!("gui-term-returns"),
            Term::Utilisation => tr!("gui-term-utilisation"),
            Term::NotificationCommitment => tr!("gui-term-notification"),
            Term::ToleranceAcceptance => tr!("gui-term-tolerance"),
            Term::Cost => tr!("gui-term-cost"),
            Term::Limit => tr!("gui-term-limit"),
            Term::Fee => tr!("gui-term-fee"),
            Term::Counts => tr!("gui-term-counts"),
            Term::Link => tr!("gui-term-link"),
        }
    }

    /// The term a table's column heading names (the application layer's headings, shared
    /// with the command line), if any.
    pub fn for_heading(heading: &str) -> Option<Term> {
        let h = heading.trim();
        if ["P50", "P80", "P95"].iter().any(|p| h.starts_with(p)) || h.contains(" P80") {
            return Some(Term::Percentile);
        }
        [
            (tr!("app-col-cost"), Term::Cost),
            (tr!("app-col-regime"), Term::Regime),
            (tr!("app-col-limit"), Term::Limit),
            (tr!("app-col-limit-now"), Term::Limit),
            (tr!("app-col-new-limit"), Term::Limit),
            (tr!("app-col-working-days"), Term::WorkingDay),
            (tr!("app-col-utilisation"), Term::Utilisation),
            (tr!("app-col-utilisation-change"), Term::Utilisation),
            (tr!("app-col-statutory"), Term::Limit),
        ]
        .into_iter()
        .find(|(text, _)| text == h)
        .map(|(_, t)| t)
    }
}

/// `text` with a dotted underline and, on hover, what `term` means (the pointer a question
/// mark). The accessible label stays `text`, so tests and screen readers find it as before.
pub fn term(ui: &mut Ui, term: Term, text: impl Into<WidgetText>) -> Response {
    let r = ui.add(egui::Label::new(text).selectable(false));
    let y = r.rect.bottom() - 1.0;
    let color = ui.visuals().weak_text_color();
    ui.painter().extend(egui::Shape::dotted_line(
        &[pos2(r.rect.left(), y), pos2(r.rect.right(), y)],
        color,
        3.0,
        0.6,
    ));
    r.on_hover_cursor(CursorIcon::Help).on_hover_ui(|ui| {
        ui.set_max_width(340.0);
        ui.label(term.explain());
    })
}

/// A bold heading with the glossary's explanation of `term` on hover.
pub fn heading(ui: &mut Ui, t: Term, text: impl Into<String>) -> Response {
    term(ui, t, egui::RichText::new(text.into()).strong())
}
