//! Zoom and pan for the diagram: − / + / Fit buttons, Ctrl (or ⌘) with the wheel or a
//! trackpad pinch, the + − 0 keys on the focused diagram, dragging the background to pan
//! (and the scrollbars and arrow keys as ever). The diagram starts fitted to its panel (the
//! stylesheet shrinks it, and a fit that would go below `MIN_PERCENT` stops there and the
//! diagram scrolls instead); a zoom sets its size in pixels, never below `MIN_PERCENT`, so the
//! smallest labels (12 px in the stylesheet) are never drawn under 8 px.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::views::icon::Icon;

/// The smallest type in the diagram, in CSS pixels (`.edge-label`, `.group-label`, `.node-sub`).
pub const SMALLEST_LABEL_PX: f64 = 12.0;
/// The least size a label may be drawn at, in pixels.
pub const MIN_DRAWN_PX: f64 = 8.0;
/// The smallest zoom, in percent: 12 px labels drawn at 8.4 px.
pub const MIN_PERCENT: u32 = 70;
/// The largest zoom, in percent.
pub const MAX_PERCENT: u32 = 200;
/// One zoom step (button or key), as a factor.
const STEP: f64 = 1.25;

/// `percent` kept between the least and the most zoom.
pub fn clamp(percent: f64) -> u32 {
    (percent.round() as u32).clamp(MIN_PERCENT, MAX_PERCENT)
}

/// One step in or out from `percent`.
pub fn step(percent: u32, zoom_in: bool) -> u32 {
    let f = if zoom_in { STEP } else { 1.0 / STEP };
    clamp(f64::from(percent) * f)
}

/// Where a drag started: the pointer and the scroll offsets.
#[derive(Debug, Clone, Copy)]
struct Drag {
    x: i32,
    y: i32,
    left: i32,
    top: i32,
}

/// The diagram's zoom state and its handlers.
#[derive(Clone)]
pub struct ZoomHandle {
    /// The scrolling box around the SVG.
    pub scroller: NodeRef,
    pub svg: NodeRef,
    /// The zoom in percent; `None` while fitted to the panel.
    zoom: UseStateHandle<Option<u32>>,
    width: i32,
    height: i32,
    drag: Rc<RefCell<Option<Drag>>>,
    /// The point to keep in the middle of the view after a zoom (fractions of the size).
    centre: Rc<RefCell<Option<(f64, f64)>>>,
}

impl PartialEq for ZoomHandle {
    fn eq(&self, other: &Self) -> bool {
        *self.zoom == *other.zoom && self.width == other.width && self.height == other.height
    }
}

/// The zoom state of a diagram `width` by `height` (its layout's size).
#[hook]
pub fn use_zoom(width: i32, height: i32) -> ZoomHandle {
    let handle = ZoomHandle {
        scroller: use_node_ref(),
        svg: use_node_ref(),
        zoom: use_state_eq(|| None),
        width,
        height,
        drag: use_mut_ref(|| None),
        centre: use_mut_ref(|| None),
    };
    {
        let handle = handle.clone();
        use_effect(move || {
            if let Some((fx, fy)) = handle.centre.borrow_mut().take()
                && let Some(el) = handle.scroller.cast::<web_sys::Element>()
            {
                let (w, h) = (el.client_width(), el.client_height());
                el.set_scroll_left((fx * f64::from(el.scroll_width())) as i32 - w / 2);
                el.set_scroll_top((fy * f64::from(el.scroll_height())) as i32 - h / 2);
            }
            // Fitted to a panel much narrower than the diagram: no smaller than the least zoom.
            if handle.zoom.is_none() && handle.percent() < MIN_PERCENT {
                handle.zoom.set(Some(MIN_PERCENT));
            }
        });
    }
    handle
}

impl ZoomHandle {
    /// The SVG's width and height attributes.
    pub fn size(&self) -> (String, String) {
        match *self.zoom {
            Some(p) => (
                (i64::from(self.width) * i64::from(p) / 100).to_string(),
                (i64::from(self.height) * i64::from(p) / 100).to_string(),
            ),
            None => (self.width.to_string(), self.height.to_string()),
        }
    }

    /// Whether the diagram is fitted to its panel.
    pub fn fitted(&self) -> bool {
        self.zoom.is_none()
    }

    /// The zoom shown now, in percent (measured while fitted).
    fn percent(&self) -> u32 {
        match *self.zoom {
            Some(p) => p,
            None => self
                .svg
                .cast::<web_sys::Element>()
                .map(|svg| svg.client_width())
                .filter(|w| *w > 0 && self.width > 0)
                .map_or(100, |w| {
                    (f64::from(w) * 100.0 / f64::from(self.width)).round() as u32
                }),
        }
    }

    fn set(&self, percent: u32) {
        if let Some(el) = self.scroller.cast::<web_sys::Element>() {
            let (sw, sh) = (
                f64::from(el.scroll_width().max(1)),
                f64::from(el.scroll_height().max(1)),
            );
            let fx = (f64::from(el.scroll_left()) + f64::from(el.client_width()) / 2.0) / sw;
            let fy = (f64::from(el.scroll_top()) + f64::from(el.client_height()) / 2.0) / sh;
            *self.centre.borrow_mut() = Some((fx, fy));
        }
        self.zoom.set(Some(percent));
    }

    pub fn zoom(&self, zoom_in: bool) {
        self.set(step(self.percent(), zoom_in));
    }

    pub fn fit(&self) {
        self.zoom.set(None);
    }

    /// + and = zoom in, − zooms out, 0 fits.
    pub fn on_key(&self) -> Callback<KeyboardEvent> {
        let h = self.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            match e.key().as_str() {
                "+" | "=" => h.zoom(true),
                "-" | "\u{2212}" => h.zoom(false),
                "0" => h.fit(),
                _ => return,
            }
            e.prevent_default();
        })
    }

    /// Ctrl or ⌘ with the wheel (and a trackpad's pinch, which the browser sends so) zooms.
    pub fn on_wheel(&self) -> Callback<WheelEvent> {
        let h = self.clone();
        Callback::from(move |e: WheelEvent| {
            if !(e.ctrl_key() || e.meta_key()) || e.delta_y() == 0.0 {
                return;
            }
            e.prevent_default();
            let factor = (-e.delta_y() / 300.0).exp().clamp(0.5, 2.0);
            h.set(clamp(f64::from(h.percent()) * factor));
        })
    }

    /// A press on the background (not on a zone) starts a drag that pans.
    pub fn on_pointer_down(&self) -> Callback<PointerEvent> {
        let h = self.clone();
        Callback::from(move |e: PointerEvent| {
            let on_zone = e
                .target_unchecked_into::<web_sys::Element>()
                .closest(".node")
                .ok()
                .flatten()
                .is_some();
            let Some(el) = h.scroller.cast::<web_sys::Element>() else {
                return;
            };
            if e.button() != 0 || on_zone || e.pointer_type() == "touch" {
                return;
            }
            *h.drag.borrow_mut() = Some(Drag {
                x: e.client_x(),
                y: e.client_y(),
                left: el.scroll_left(),
                top: el.scroll_top(),
            });
            let _ = el.set_pointer_capture(e.pointer_id());
            let _ = el.class_list().add_1("panning");
        })
    }

    pub fn on_pointer_move(&self) -> Callback<PointerEvent> {
        let h = self.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(d) = *h.drag.borrow() else {
                return;
            };
            if let Some(el) = h.scroller.cast::<web_sys::Element>() {
                el.set_scroll_left(d.left - (e.client_x() - d.x));
                el.set_scroll_top(d.top - (e.client_y() - d.y));
            }
        })
    }

    pub fn on_pointer_up(&self) -> Callback<PointerEvent> {
        let h = self.clone();
        Callback::from(move |e: PointerEvent| {
            if h.drag.borrow_mut().take().is_some()
                && let Some(el) = h.scroller.cast::<web_sys::Element>()
            {
                let _ = el.release_pointer_capture(e.pointer_id());
                let _ = el.class_list().remove_1("panning");
            }
        })
    }
}

#[derive(Properties, PartialEq)]
pub struct ZoomBarProps {
    pub handle: ZoomHandle,
}

/// The zoom buttons and the zoom shown.
#[function_component]
pub fn ZoomBar(props: &ZoomBarProps) -> Html {
    let h = &props.handle;
    let click = |f: fn(&ZoomHandle)| {
        let h = h.clone();
        Callback::from(move |_: MouseEvent| f(&h))
    };
    let level = match *h.zoom {
        Some(p) => format!("{p}%"),
        None => "Fit".to_string(),
    };
    let at = *h.zoom;
    html! {
        <div class="zoom-bar" role="group" aria-label="Zoom">
            <button type="button" class="btn btn-icon btn-small" id="zoom-out" aria-label="Zoom out" title="Zoom out (−)"
                disabled={at == Some(MIN_PERCENT)} onclick={click(|h| h.zoom(false))}>
                <span aria-hidden="true" class="zoom-sign">{ "\u{2212}" }</span>
            </button>
            <output class="zoom-level" id="zoom-level" aria-live="polite" aria-label="Zoom level">{ level }</output>
            <button type="button" class="btn btn-icon btn-small" id="zoom-in" aria-label="Zoom in" title="Zoom in (+)"
                disabled={at == Some(MAX_PERCENT)} onclick={click(|h| h.zoom(true))}>
                <Icon name="plus" />
            </button>
            <button type="button" class="btn btn-secondary btn-small" id="zoom-fit" title="Fit the diagram to the panel (0)"
                aria-pressed={at.is_none().to_string()} onclick={click(ZoomHandle::fit)}>
                { "Fit" }
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_by_a_quarter_and_stop_at_the_bounds() {
        assert_eq!(step(100, true), 125);
        assert_eq!(step(100, false), 80);
        assert_eq!(step(80, false), MIN_PERCENT);
        assert_eq!(step(190, true), MAX_PERCENT);
        assert_eq!(clamp(3.0), MIN_PERCENT);
    }

    #[test]
    fn no_zoom_the_controls_or_fit_allow_draws_a_label_under_8_px() {
        let drawn = |percent: u32| SMALLEST_LABEL_PX * f64::from(percent) / 100.0;
        assert!(drawn(MIN_PERCENT) >= MIN_DRAWN_PX);
        // Every zoom reachable with the buttons, the keys or the wheel from anywhere, and
        // every fit (a fit is clamped as a zoom is).
        for start in [1, 10, 50, 55, 69, 70, 100, 150, 200, 400] {
            let mut p = clamp(f64::from(start));
            assert!(drawn(p) >= MIN_DRAWN_PX, "from {start}%: {p}%");
            for _ in 0..20 {
                p = step(p, false);
                assert!(drawn(p) >= MIN_DRAWN_PX, "from {start}%: {p}%");
            }
        }
        for fitted in [0.0, 12.5, 55.0, 66.6, 69.4] {
            assert!(drawn(clamp(fitted)) >= MIN_DRAWN_PX, "{fitted}");
        }
    }
}
