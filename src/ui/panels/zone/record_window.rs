//! Which rows of a long table are in the DOM (pure). The record table is virtualised: its
//! rows have one fixed height, so the rows in view follow from the scroll offset alone; only
//! those, plus a few above and below (the overscan, so Tab and the arrow keys reach the
//! next row before it scrolls in), are rendered, between two spacers that keep the
//! scrollbar the size of the whole table.

/// Rows rendered above and below the ones in view.
pub const OVERSCAN: usize = 8;
/// Rows assumed in view before the table has been measured (and when rendered natively).
pub const FIRST_VIEW_ROWS: usize = 20;

/// The rows to render, and the room the spacers take above and below them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowWindow {
    /// The first row rendered (an index into the rows shown after filtering).
    pub start: usize,
    /// One past the last row rendered.
    pub end: usize,
    /// The height of the spacer above the rows, in pixels.
    pub above: u32,
    /// The height of the spacer below the rows, in pixels.
    pub below: u32,
}

impl RowWindow {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Where the table is scrolled: the first row in view and how many rows the view holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    pub first: usize,
    pub rows: usize,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            first: 0,
            rows: FIRST_VIEW_ROWS,
        }
    }
}

impl Viewport {
    /// The viewport of a container scrolled `scroll_top` pixels, `height` pixels high, over
    /// rows `row_h` pixels high (a partly shown row counts).
    pub fn measure(scroll_top: f64, height: f64, row_h: f64) -> Self {
        if row_h <= 0.0 {
            return Self::default();
        }
        let first = (scroll_top.max(0.0) / row_h).floor() as usize;
        let rows = (height.max(0.0) / row_h).ceil() as usize + 1;
        Self { first, rows }
    }
}

/// The rows to render for `total` rows `row_h` pixels high, seen through `view`.
pub fn window(total: usize, row_h: u32, view: Viewport) -> RowWindow {
    let first = view.first.min(total);
    let start = first.saturating_sub(OVERSCAN);
    let end = (first + view.rows + OVERSCAN).min(total);
    RowWindow {
        start,
        end,
        above: start as u32 * row_h,
        below: (total - end) as u32 * row_h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_table_is_rendered_whole_without_spacers() {
        let w = window(5, 40, Viewport::default());
        assert_eq!(
            w,
            RowWindow {
                start: 0,
                end: 5,
                above: 0,
                below: 0
            }
        );
    }

    #[test]
    fn the_top_of_a_long_table_renders_the_view_and_the_overscan_below() {
        let w = window(25_006, 40, Viewport { first: 0, rows: 16 });
        assert_eq!((w.start, w.end), (0, 16 + OVERSCAN));
        assert_eq!(w.above, 0);
        assert_eq!(w.below, (25_006 - 24) * 40);
    }

    #[test]
    fn scrolled_to_the_middle_it_renders_the_view_and_the_overscan_both_sides() {
        let view = Viewport::measure(400_000.0, 640.0, 40.0);
        assert_eq!(
            view,
            Viewport {
                first: 10_000,
                rows: 17
            }
        );
        let w = window(25_006, 40, view);
        assert_eq!((w.start, w.end), (10_000 - OVERSCAN, 10_017 + OVERSCAN));
        assert_eq!(w.len(), 17 + 2 * OVERSCAN);
        // The spacers and the rows add up to the whole table: the scrollbar does not jump.
        assert_eq!(w.above + w.len() as u32 * 40 + w.below, 25_006 * 40);
    }

    #[test]
    fn at_the_bottom_the_window_stops_at_the_last_row() {
        let view = Viewport::measure(25_006.0 * 40.0 - 640.0, 640.0, 40.0);
        let w = window(25_006, 40, view);
        assert_eq!(w.end, 25_006);
        assert_eq!(w.below, 0);
    }

    #[test]
    fn a_scroll_offset_past_a_table_that_shrank_shows_its_last_rows() {
        // Scrolled far down, then a filter leaves 3 rows: they are rendered, not nothing.
        let w = window(
            3,
            40,
            Viewport {
                first: 900,
                rows: 16,
            },
        );
        assert_eq!((w.start, w.end), (0, 3));
        let empty = window(
            0,
            40,
            Viewport {
                first: 900,
                rows: 16,
            },
        );
        assert!(empty.is_empty());
        assert_eq!((empty.above, empty.below), (0, 0));
    }

    #[test]
    fn a_row_height_not_yet_known_gives_the_default_view() {
        assert_eq!(Viewport::measure(500.0, 600.0, 0.0), Viewport::default());
        assert_eq!(
            Viewport::measure(-20.0, 0.0, 40.0),
            Viewport { first: 0, rows: 1 }
        );
    }
}
