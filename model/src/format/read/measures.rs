//! `[[measures]]`: the reform measures a regime may apply, each kind with its own parameters.

use permitflow_i18n::tr;

use super::Ids;
use super::common::{check_id, check_unique, days_problem, unknown_help};
use super::context::{At, Ctx, Place};
use crate::diag::Code;
use crate::format::file::{FileMeasure, FileToleranceLink, FileVerification, provenance};
use crate::scenario::{
    Item, ItemKind, Link, LinkKind, Measure, MeasureDef, ToleranceLink, Verification,
};
use crate::units::{GroupId, ItemId, MeasureId, StageId, WorkingDays};

/// The measures with a known kind, in order. `links` are the scenario's, `groups` its joint
/// group ids.
pub(super) fn read(
    cx: &mut Ctx<'_>,
    raw: &[FileMeasure],
    ids: &Ids<'_>,
    links: &[Link],
    items: &[Item],
    groups: &[&str],
) -> Vec<MeasureDef> {
    let mut measures = Vec::new();
    for (i, m) in raw.iter().enumerate() {
        let place = Place::new(&cx.measures, i, "measure", &m.id);
        check_id(cx, place.entry.clone(), "measure", &m.id);
        let repeated = raw[..i].iter().any(|o| o.id == m.id);
        check_unique(
            cx,
            place.entry.clone(),
            At::Value("id"),
            "measure",
            "id",
            &m.id,
            repeated,
        );
        let Some(allowed) = check_kind(cx, &place, &m.kind) else {
            continue;
        };
        check_fields_apply(cx, &place, m, allowed);
        let measure = match m.kind.as_str() {
            "joint_review" => joint_review(cx, &place, m, groups),
            "notification_commitment" => notification_commitment(cx, &place, m, ids),
            "tolerance_acceptance" => tolerance_acceptance(cx, &place, m, ids, links),
            "time_limit_compression" => time_limit_compression(cx, &place, m, ids),
            "merged_stages" => merged_stages(cx, &place, m, ids),
            "parallel_advance" => parallel_advance(cx, &place, m, ids),
            "agent_service" => agent_service(cx, &place, m, ids, items),
            "regional_assessment" => regional_assessment(cx, &place, m, ids),
            _ => Measure::OnlineSubmission,
        };
        measures.push(MeasureDef {
            id: MeasureId::new(&m.id),
            measure,
            source: provenance(m.source.as_deref()),
            note: m.note.clone(),
        });
    }
    measures
}

/// Rule: a measure's kind is one permitflow knows. Gives the parameters that kind takes.
fn check_kind(cx: &mut Ctx<'_>, place: &Place, kind: &str) -> Option<&'static [&'static str]> {
    let allowed: &[&str] = match kind {
        "joint_review" => &["groups"],
        "notification_commitment" => &["items", "days", "verification"],
        "tolerance_acceptance" => &["links"],
        "time_limit_compression" => &["limits"],
        "merged_stages" => &["stages"],
        "online_submission" => &[],
        "parallel_advance" => &["hard_gates"],
        "agent_service" => &["items", "factor", "limits", "returns_factor"],
        "regional_assessment" => &["drop", "commit", "days", "verification"],
        other => {
            cx.report(
                place,
                Code::BadMeasure,
                At::Value("kind"),
                tr!("diag-unknown-measure-kind", kind = other),
                &tr!("diag-unknown-measure-kind.help"),
            );
            return None;
        }
    };
    Some(allowed)
}

/// Rule: a measure gives only the parameters its kind takes.
fn check_fields_apply(cx: &mut Ctx<'_>, place: &Place, m: &FileMeasure, allowed: &[&str]) {
    let present = [
        ("items", !m.items.is_empty()),
        ("days", m.days.is_some()),
        ("limits", !m.limits.is_empty()),
        ("links", !m.links.is_empty()),
        ("stages", !m.stages.is_empty()),
        ("groups", m.groups.is_some()),
        ("hard_gates", !m.hard_gates.is_empty()),
        ("drop", !m.drop.is_empty()),
        ("commit", !m.commit.is_empty()),
        ("verification", m.verification.is_some()),
        ("factor", m.factor.is_some()),
        ("returns_factor", m.returns_factor.is_some()),
    ];
    for (field, is_present) in present {
        if is_present && !allowed.contains(&field) {
            cx.report(
                place,
                Code::BadMeasure,
                At::Key(field),
                tr!(
                    "diag-field-not-applicable",
                    field = field,
                    kind = m.kind.as_str()
                ),
                &if allowed.is_empty() {
                    tr!(
                        "diag-field-not-applicable.help-none",
                        kind = m.kind.as_str()
                    )
                } else {
                    tr!(
                        "diag-field-not-applicable.help",
                        kind = m.kind.as_str(),
                        fields = allowed.join(&tr!("diag-list-separator"))
                    )
                },
            );
        }
    }
}

/// Rule: a measure's items exist. `true` when `id` does.
fn check_item_exists(cx: &mut Ctx<'_>, place: &Place, id: &str, ids: &Ids<'_>) -> bool {
    if ids.items.contains_key(id) {
        return true;
    }
    let help = unknown_help("item", id, ids.item_names());
    cx.report(
        place,
        Code::UnknownId,
        At::Str(id),
        tr!("diag-unknown-item", id = id),
        &help,
    );
    false
}

/// Rule: a measure names what it applies to (items, links, limits, stages: `named` says whether
/// it does).
fn check_names_some(cx: &mut Ctx<'_>, place: &Place, named: bool, message: String, help: String) {
    if !named {
        cx.report(place, Code::BadMeasure, At::Entry, message, &help);
    }
}

fn joint_review(cx: &mut Ctx<'_>, place: &Place, m: &FileMeasure, groups: &[&str]) -> Measure {
    for g in m.groups.iter().flatten() {
        check_group_exists(cx, place, g, groups);
    }
    Measure::JointReview {
        groups: m
            .groups
            .as_ref()
            .map(|gs| gs.iter().map(GroupId::new).collect()),
    }
}

fn notification_commitment(
    cx: &mut Ctx<'_>,
    place: &Place,
    m: &FileMeasure,
    ids: &Ids<'_>,
) -> Measure {
    check_names_some(
        cx,
        place,
        !m.items.is_empty(),
        tr!("diag-commitment-no-items"),
        tr!("diag-commitment-no-items.help"),
    );
    for id in &m.items {
        check_item_exists(cx, place, id, ids);
    }
    let days = m.days.unwrap_or(0.0);
    check_filing_time(cx, place, days);
    let verification = m.verification.as_ref().map(|v| {
        check_verification(cx, place, v);
        Verification {
            days: WorkingDays::new(v.days),
            deadline: WorkingDays::new(v.deadline_days),
            failure_rate: v.failure_rate,
        }
    });
    Measure::NotificationCommitment {
        items: m.items.iter().map(ItemId::new).collect(),
        days: WorkingDays::new(days),
        verification,
    }
}

/// 区域评估: the items the area's assessment covers are dropped or committed; an item is named
/// once, in one of the two lists.
fn regional_assessment(cx: &mut Ctx<'_>, place: &Place, m: &FileMeasure, ids: &Ids<'_>) -> Measure {
    check_names_some(
        cx,
        place,
        !m.drop.is_empty() || !m.commit.is_empty(),
        tr!("diag-regional-nothing"),
        tr!("diag-regional-nothing.help"),
    );
    let mut seen: Vec<&str> = Vec::new();
    for id in m.drop.iter().chain(&m.commit) {
        if check_item_exists(cx, place, id, ids) && seen.contains(&id.as_str()) {
            cx.report(
                place,
                Code::BadMeasure,
                At::Str(id),
                tr!("diag-regional-twice", id = id.as_str()),
                &tr!("diag-regional-twice.help"),
            );
        }
        seen.push(id);
    }
    let days = m.days.unwrap_or(0.0);
    check_filing_time(cx, place, days);
    let verification = m.verification.as_ref().map(|v| {
        check_verification(cx, place, v);
        Verification {
            days: WorkingDays::new(v.days),
            deadline: WorkingDays::new(v.deadline_days),
            failure_rate: v.failure_rate,
        }
    });
    Measure::RegionalAssessment {
        drop: m.drop.iter().map(ItemId::new).collect(),
        commit: m.commit.iter().map(ItemId::new).collect(),
        days: WorkingDays::new(days),
        verification,
    }
}

fn tolerance_acceptance(
    cx: &mut Ctx<'_>,
    place: &Place,
    m: &FileMeasure,
    ids: &Ids<'_>,
    links: &[Link],
) -> Measure {
    check_names_some(
        cx,
        place,
        !m.links.is_empty(),
        tr!("diag-tolerance-no-links"),
        tr!("diag-tolerance-no-links.help"),
    );
    for l in &m.links {
        let from = check_item_exists(cx, place, &l.from, ids);
        let to = check_item_exists(cx, place, &l.to, ids);
        if from && to {
            check_finish_to_start_link(cx, place, l, links);
        }
        check_tolerance_lag(cx, place, l);
        if let Some(d) = l.deadline_days {
            check_tolerance_deadline(cx, place, l, d);
        }
    }
    Measure::ToleranceAcceptance {
        links: m
            .links
            .iter()
            .map(|l| ToleranceLink {
                from: ItemId::new(&l.from),
                to: ItemId::new(&l.to),
                lag: WorkingDays::new(l.lag),
                deadline: l.deadline_days.map(WorkingDays::new),
            })
            .collect(),
    }
}

fn time_limit_compression(
    cx: &mut Ctx<'_>,
    place: &Place,
    m: &FileMeasure,
    ids: &Ids<'_>,
) -> Measure {
    check_names_some(
        cx,
        place,
        !m.limits.is_empty(),
        tr!("diag-compression-no-limits"),
        tr!("diag-compression-no-limits.help"),
    );
    for (id, v) in &m.limits {
        if check_item_exists(cx, place, id, ids) {
            check_new_limit(cx, place, id, *v);
            // A calendar-day item's new limit keeps its unit: whole calendar days.
            if ids.calendar_items.contains(id.as_str()) {
                super::clocks::check_whole(
                    cx,
                    place,
                    At::Key(id),
                    super::clocks::What::TimeLimit,
                    *v,
                );
            }
        }
    }
    Measure::TimeLimitCompression {
        days: m
            .limits
            .iter()
            .map(|(k, v)| (ItemId::new(k), WorkingDays::new(*v)))
            .collect(),
    }
}

fn merged_stages(cx: &mut Ctx<'_>, place: &Place, m: &FileMeasure, ids: &Ids<'_>) -> Measure {
    check_names_some(
        cx,
        place,
        m.stages.len() >= 2,
        tr!("diag-merge-too-few-stages"),
        tr!("diag-merge-too-few-stages.help"),
    );
    for s in &m.stages {
        check_stage_exists(cx, place, s, ids);
    }
    Measure::MergedStages {
        stages: m.stages.iter().map(StageId::new).collect(),
    }
}

fn agent_service(
    cx: &mut Ctx<'_>,
    place: &Place,
    m: &FileMeasure,
    ids: &Ids<'_>,
    items: &[Item],
) -> Measure {
    check_names_some(
        cx,
        place,
        !m.items.is_empty() || !m.limits.is_empty() || m.returns_factor.is_some(),
        tr!("diag-agent-nothing"),
        tr!("diag-agent-nothing.help"),
    );
    // Items and factor come together.
    if m.items.is_empty() != m.factor.is_none() {
        let at = if m.items.is_empty() {
            At::Key("factor")
        } else {
            At::Key("items")
        };
        cx.report(
            place,
            Code::BadMeasure,
            at,
            tr!("diag-agent-items-factor"),
            &tr!("diag-agent-items-factor.help"),
        );
    }
    for (field, value, least) in [
        ("factor", m.factor, false),
        ("returns_factor", m.returns_factor, true),
    ] {
        if let Some(v) = value
            && !(v.is_finite() && v <= 1.0 && (v > 0.0 || (least && v == 0.0)))
        {
            cx.report(
                place,
                Code::BadMeasure,
                At::Value(field),
                tr!(
                    "diag-agent-bad-factor",
                    field = field,
                    value = v.to_string()
                ),
                &tr!("diag-agent-bad-factor.help"),
            );
        }
    }
    let named = m.items.iter().chain(m.limits.keys());
    for id in named {
        if !check_item_exists(cx, place, id, ids) {
            continue;
        }
        let applicant = items
            .iter()
            .find(|it| it.id.as_str() == id)
            .is_some_and(|it| {
                it.clock == crate::clock::Clock::Applicant || it.kind == ItemKind::ApplicantWork
            });
        if !applicant {
            cx.report(
                place,
                Code::BadMeasure,
                At::Str(id),
                tr!("diag-agent-not-applicant", id = id.as_str()),
                &tr!("diag-agent-not-applicant.help"),
            );
        }
    }
    for (id, v) in &m.limits {
        if ids.items.contains_key(id.as_str()) {
            check_new_limit(cx, place, id, *v);
        }
    }
    Measure::AgentService {
        items: m.items.iter().map(ItemId::new).collect(),
        factor: m.factor,
        days: m
            .limits
            .iter()
            .map(|(k, v)| (ItemId::new(k), WorkingDays::new(*v)))
            .collect(),
        returns_factor: m.returns_factor,
    }
}

fn parallel_advance(cx: &mut Ctx<'_>, place: &Place, m: &FileMeasure, ids: &Ids<'_>) -> Measure {
    for s in &m.hard_gates {
        check_stage_exists(cx, place, s, ids);
    }
    Measure::ParallelAdvance {
        hard_gates: m.hard_gates.iter().map(StageId::new).collect(),
    }
}

/// Rule: a joint review's groups exist (all groups when it names none).
fn check_group_exists(cx: &mut Ctx<'_>, place: &Place, g: &str, groups: &[&str]) {
    if !groups.contains(&g) {
        let help = unknown_help("joint group", g, groups);
        cx.report(
            place,
            Code::UnknownId,
            At::Str(g),
            tr!("diag-unknown-group", id = g),
            &help,
        );
    }
}

/// Rule: the filing time is a working-day number from 0 up.
fn check_filing_time(cx: &mut Ctx<'_>, place: &Place, days: f64) {
    if let Some(p) = days_problem(days, false) {
        cx.report(
            place,
            Code::BadDays,
            At::Value("days"),
            tr!(
                "diag-bad-days",
                what = tr!("diag-days-what.filing-time"),
                value = days.to_string(),
                problem = p
            ),
            &tr!("diag-bad-days.help-filing"),
        );
    }
}

/// Rule: a link accepted with tolerance is one of the scenario's finish-to-start links.
fn check_finish_to_start_link(
    cx: &mut Ctx<'_>,
    place: &Place,
    l: &FileToleranceLink,
    links: &[Link],
) {
    let exists = links.iter().any(|k| {
        k.from.as_str() == l.from && k.to.as_str() == l.to && k.kind == LinkKind::FinishToStart
    });
    if !exists {
        cx.report(
            place,
            Code::BadMeasure,
            At::Str(&l.from),
            tr!(
                "diag-tolerance-no-such-link",
                from = l.from.as_str(),
                to = l.to.as_str()
            ),
            &tr!("diag-tolerance-no-such-link.help"),
        );
    }
}

/// Rule: the lag of a link accepted with tolerance is a working-day number (negative allowed).
fn check_tolerance_lag(cx: &mut Ctx<'_>, place: &Place, l: &FileToleranceLink) {
    if let Some(p) = days_problem(l.lag, true) {
        cx.report(
            place,
            Code::BadDays,
            At::Str(&l.from),
            tr!(
                "diag-bad-days",
                what = tr!("diag-days-what.lag"),
                value = l.lag.to_string(),
                problem = p
            ),
            &tr!("diag-bad-days.help"),
        );
    }
}

/// Rule: a verification takes a working-day time from 0 up, no longer than its deadline, and
/// fails with a probability below 1.
fn check_verification(cx: &mut Ctx<'_>, place: &Place, v: &FileVerification) {
    for (value, what) in [
        (v.days, "diag-days-what.time-limit"),
        (v.deadline_days, "diag-days-what.deadline"),
    ] {
        if let Some(p) = days_problem(value, false) {
            cx.report(
                place,
                Code::BadDays,
                At::Key("verification"),
                tr!(
                    "diag-bad-days",
                    what = permitflow_i18n::message(what, &[]),
                    value = value.to_string(),
                    problem = p
                ),
                &tr!("diag-bad-days.help"),
            );
        }
    }
    if v.days > v.deadline_days {
        cx.report(
            place,
            Code::BadMeasure,
            At::Key("verification"),
            tr!(
                "diag-verification-late",
                days = v.days.to_string(),
                deadline = v.deadline_days.to_string()
            ),
            &tr!("diag-verification-late.help"),
        );
    }
    if !(v.failure_rate.is_finite() && (0.0..1.0).contains(&v.failure_rate)) {
        cx.report(
            place,
            Code::BadMeasure,
            At::Key("verification"),
            tr!("diag-verification-rate", rate = v.failure_rate.to_string()),
            &tr!("diag-verification-rate.help"),
        );
    }
}

/// Rule: the deadline for the missing material is a working-day number from 0 up.
fn check_tolerance_deadline(cx: &mut Ctx<'_>, place: &Place, l: &FileToleranceLink, d: f64) {
    // Located at the link (its `from`), as its lag is.
    if let Some(p) = days_problem(d, false) {
        cx.report(
            place,
            Code::BadDays,
            At::Str(&l.from),
            tr!(
                "diag-bad-days",
                what = tr!("diag-days-what.deadline"),
                value = d.to_string(),
                problem = p
            ),
            &tr!("diag-bad-days.help"),
        );
    }
}

/// Rule: a compressed limit is a working-day number from 0 up.
fn check_new_limit(cx: &mut Ctx<'_>, place: &Place, id: &str, v: f64) {
    if let Some(p) = days_problem(v, false) {
        cx.report(
            place,
            Code::BadDays,
            At::Key(id),
            tr!(
                "diag-bad-new-limit",
                value = v.to_string(),
                id = id,
                problem = p
            ),
            &tr!("diag-bad-days.help"),
        );
    }
}

/// Rule: the stages merged exist.
fn check_stage_exists(cx: &mut Ctx<'_>, place: &Place, s: &str, ids: &Ids<'_>) {
    if !ids.stages.contains_key(s) {
        let help = unknown_help("stage", s, &ids.stage_names);
        cx.report(
            place,
            Code::UnknownId,
            At::Str(s),
            tr!("diag-unknown-stage", id = s),
            &help,
        );
    }
}
