//! What a list's items add up to, above the list: the profile of the one speaker or entity
//! the view is filtered to (what it holds: [`crate::profile`]), the timeline of the items
//! ([`crate::timeline`]) and who is quoted ([`crate::filter::Results::voices`]).
//!
//! All of it is written as escaped markup ([`markup::profile`], [`markup::timeline`],
//! [`markup::voices`]) and set at once, like the lists; this component listens to it. On a
//! timeline, hovering or focusing a bar says its period and count; clicking a bar, or dragging
//! across several, sets the view's date range; the arrow keys move between the bars (one tab
//! stop). Everything else in it is a link.

use std::sync::{Arc, Weak};

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::use_ctx;
use crate::archive_session::archive_timeline;
use crate::corpus::Corpus;
use crate::load::Loader;
use crate::markup::{self, Html};
use crate::profile::{self, Profile};
use crate::state::{Facet, View};
use crate::timeline::Timeline;

/// The two timelines, by the name their `<svg>` carries: the list's and the profile's.
const TIMELINES: [&str; 2] = ["timeline", "profile-timeline"];

fn element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?.dyn_into().ok()
}

/// The timeline `<svg>` an event happened in.
fn chart_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    element(target)?.closest("svg[data-timeline]").ok()?
}

/// The period under the pointer: a timeline's periods share its width evenly.
fn period_at(svg: &web_sys::Element, client_x: i32) -> Option<usize> {
    let periods: usize = svg.get_attribute("data-periods")?.parse().ok()?;
    let rect = svg.get_bounding_client_rect();
    let share = (f64::from(client_x) - rect.left()) / rect.width();
    (periods > 0 && share.is_finite()).then(|| ((share * periods as f64).max(0.0) as usize).min(periods - 1))
}

/// Shades the periods `a..=b` of a timeline's drawing (none: `None`) and says what they hold
/// in the line under it.
fn mark(svg: &web_sys::Element, shaded: Option<(usize, usize)>, said: &str) {
    if let Ok(Some(selection)) = svg.query_selector("rect.selection") {
        let (x, width) = shaded.map_or((0, 0), |(a, b)| (a.min(b), a.max(b) + 1 - a.min(b)));
        let _ = selection.set_attribute("x", &(x * markup::TIMELINE_SLOT).to_string());
        let _ = selection.set_attribute("width", &(width * markup::TIMELINE_SLOT).to_string());
    }
    if let Some(Ok(Some(readout))) = svg.parent_element().map(|figure| figure.query_selector(".readout")) {
        readout.set_text_content(Some(said));
    }
}

#[component]
pub fn Overview() -> impl IntoView {
    let ctx = use_ctx();
    let navigate = use_navigate();
    // The profile last built, for the corpus it was built from (held weakly, so a corpus
    // that was replaced is not kept): it reads the whole corpus, so it is built again only
    // when the key or the corpus changes.
    let built = StoredValue::new(None::<(Weak<Corpus>, String, Option<Arc<Profile>>)>);
    // The timelines as drawn, by name; which tables are open; a drag under way (the
    // timeline's name, where it began, where it is).
    let drawn = StoredValue::new(Vec::<(&'static str, Timeline)>::new());
    let open_tables = RwSignal::new([false; 2]);
    let drag = StoredValue::new(None::<(String, usize, usize)>);

    // An index in format 3 on screen answers from its table (`archive`); it has no profiles.
    let archive = use_context::<Loader>().map(|l| l.archive);
    let html = move || {
        let corpus = ctx.corpus();
        let shown_archive = archive.and_then(|a| a.archive.get());
        let mut out = Html::with_capacity(8192);
        let mut timelines = Vec::new();
        let open = open_tables.get();
        ctx.state.with(|state| {
            // Where a period of `t` leads: the view of its dates.
            let period_href = |t: &Timeline, i: usize| {
                t.range(i, i, state.from.as_deref(), state.to.as_deref()).map_or_else(String::new, |(from, to)| ctx.href(&state.dated(from, to)))
            };
            if let Some((facet, key)) = profile::subject(state).filter(|_| shown_archive.is_none()) {
                let fresh = built.with_value(|b| b.as_ref().filter(|(c, k, _)| c.as_ptr() == Arc::as_ptr(&corpus) && k == key).map(|b| b.2.clone()));
                let p = fresh.unwrap_or_else(|| {
                    let p = profile::build(&corpus, key).map(Arc::new);
                    built.set_value(Some((Arc::downgrade(&corpus), key.to_string(), p.clone())));
                    p
                });
                let as_speaker = facet == Facet::Speaker;
                out.markup(r#"<section class="profile" aria-labelledby="profile-name" data-focus-group="profile">"#);
                match p {
                    Some(p) => {
                        out.append(markup::profile(&corpus, &p, as_speaker, state, &|s| ctx.href(s)));
                        let (t, noun) = if as_speaker { (&p.quote_timeline, "quotes") } else { (&p.mention_timeline, "articles") };
                        out.append(markup::timeline(t, noun, TIMELINES[1], open[1], &|i| period_href(t, i)));
                        timelines.push((TIMELINES[1], t.clone()));
                    }
                    None => {
                        out.markup(r#"<h2 id="profile-name">Not in this corpus</h2><p>No one and nothing in this corpus has the key “"#);
                        out.text(key).markup("”.</p>");
                    }
                }
                out.markup("</section>");
            }
            ctx.results.with(|r| {
                let t = match &shown_archive {
                    Some(a) => crate::loaded!(archive_timeline(a, r)).unwrap_or_default(),
                    None => Timeline::of_results(&corpus, r),
                };
                let noun = if r.view == View::Quotes { "quotes" } else { "articles" };
                out.markup(r#"<div class="charts">"#).append(markup::timeline(&t, noun, TIMELINES[0], open[0], &|i| period_href(&t, i)));
                let summary = match (state.facet(Facet::Speaker).is_empty(), r.view) {
                    (true, View::Quotes) => format!("Share of the {} quotes listed", r.voice_total),
                    (true, View::Articles) => format!("Share of the {} quotes in these articles", r.voice_total),
                    (false, _) => format!("Share of the {} quotes of any speaker that match the other filters", r.voice_total),
                };
                if !r.voices.is_empty() {
                    out.append(markup::voices(&r.voices, r.voice_total, &summary, &|key| ctx.href(&state.toggled(Facet::Speaker, key))));
                }
                out.markup("</div>");
                timelines.push((TIMELINES[0], t));
            });
        });
        drawn.set_value(timelines);
        out.into_trusted()
    };

    // What the periods `a..=b` of timeline `name` hold, and where showing them leads.
    let said = move |name: &str, a: usize, b: usize| {
        drawn.with_value(|d| d.iter().find(|(n, _)| *n == name).map(|(_, t)| format!("{}: {}", t.label_range(a, b), t.count_range(a, b))))
    };
    let show = move |name: &str, a: usize, b: usize| {
        let next = ctx.state.with_untracked(|s| {
            drawn
                .with_value(|d| d.iter().find(|(n, _)| *n == name).and_then(|(_, t)| t.range(a, b, s.from.as_deref(), s.to.as_deref())))
                .map(|(from, to)| s.dated(from, to))
        });
        if let Some(next) = next {
            navigate(&ctx.href(&next), NavigateOptions { scroll: false, ..Default::default() });
        }
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let Some(svg) = chart_of(ev.target()).filter(|_| ev.button() == 0 && ev.is_primary()) else { return };
        if let (Some(i), Some(name)) = (period_at(&svg, ev.client_x()), svg.get_attribute("data-timeline")) {
            let _ = svg.set_pointer_capture(ev.pointer_id());
            mark(&svg, Some((i, i)), &said(&name, i, i).unwrap_or_default());
            drag.set_value(Some((name, i, i)));
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(svg) = chart_of(ev.target()) else { return };
        let (Some(i), Some(name)) = (period_at(&svg, ev.client_x()), svg.get_attribute("data-timeline")) else { return };
        let from = drag.with_value(|d| d.as_ref().filter(|(n, ..)| *n == name).map(|&(_, a, _)| a));
        if let Some(a) = from {
            drag.set_value(Some((name.clone(), a, i)));
        }
        let shaded = from.map(|a| (a, i));
        let (a, b) = shaded.unwrap_or((i, i));
        mark(&svg, shaded, &said(&name, a, b).unwrap_or_default());
    };
    // A press and release (over one bar or across several) shows those periods; with a
    // modifier key the link opens as the browser opens links (a new tab, a new window).
    let show_on_release = show.clone();
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let Some((name, a, b)) = drag.with_value(Clone::clone) else { return };
        drag.set_value(None);
        if let Some(svg) = chart_of(ev.target()) {
            mark(&svg, None, &said(&name, b, b).unwrap_or_default());
        }
        if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            show_on_release(&name, a, b);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let target = element(ev.target());
        // A table is opened or closed by drawing the charts again, with it or without it (and it
        // stays so); the focus goes back to its summary.
        if let Some(summary) = target.as_ref().and_then(|t| t.closest("summary").ok().flatten()) {
            let chart = summary.closest("[data-focus-group]").ok().flatten().and_then(|g| g.get_attribute("data-focus-group"));
            if let Some(k) = TIMELINES.iter().position(|n| Some(*n) == chart.as_deref()) {
                ev.prevent_default();
                open_tables.update(|open| open[k] = !open[k]);
                let summary = format!("[data-focus-group=\"{}\"] summary", TIMELINES[k]);
                request_animation_frame(move || {
                    if let Some(s) = document().query_selector(&summary).ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = s.focus();
                    }
                });
            }
            return;
        }
        let Some(svg) = chart_of(ev.target()) else { return };
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        // The pointer's release has shown the periods; a click from the keyboard (Enter on a
        // bar) has no release before it.
        ev.prevent_default();
        let bar = target.and_then(|t| t.closest("a").ok().flatten());
        if let (0, Some(i), Some(name)) = (ev.detail(), bar.and_then(|b| b.get_attribute("data-i")?.parse().ok()), svg.get_attribute("data-timeline"))
        {
            show(&name, i, i);
        }
    };
    // One tab stop per timeline: the arrow keys, Home and End move the focus between its bars.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(svg) = chart_of(ev.target()) else { return };
        let Ok(bars) = svg.query_selector_all("a") else { return };
        let count = bars.length();
        let target: Option<web_sys::Node> = ev.target().map(|t| t.unchecked_into());
        let at = (0..count).find(|&k| bars.get(k) == target);
        let next = match (ev.key().as_str(), at) {
            ("ArrowRight" | "ArrowDown", Some(k)) => (k + 1).min(count.saturating_sub(1)),
            ("ArrowLeft" | "ArrowUp", Some(k)) => k.saturating_sub(1),
            ("Home", _) => 0,
            ("End", _) => count.saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        if let Some(bar) = bars.get(next).and_then(|b| b.dyn_into::<web_sys::SvgElement>().ok()) {
            let _ = bar.focus();
        }
    };
    // A focused bar says what it holds, and is the one Tab comes back to.
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let (Some(svg), Some(bar)) = (chart_of(ev.target()), element(ev.target())) else { return };
        if let Ok(Some(stop)) = svg.query_selector("a[tabindex=\"0\"]") {
            let _ = stop.set_attribute("tabindex", "-1");
        }
        let _ = bar.set_attribute("tabindex", "0");
        let period = bar.get_attribute("data-i").and_then(|i| i.parse().ok());
        if let (Some(i), Some(name)) = (period, svg.get_attribute("data-timeline")) {
            mark(&svg, None, &said(&name, i, i).unwrap_or_default());
        }
    };
    view! {
        <div class="overview" prop:innerHTML=html
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=move |_| drag.set_value(None)
            on:click=on_click on:keydown=on_key on:focusin=on_focus on:dragstart=|ev| ev.prevent_default()></div>
    }
}
