//! The delegation diagram: zones as boxes grouped by account, delegations as arrows coloured
//! by health, siblings collapsed into groups at scale, zoomed and panned.
//!
//! - [`hierarchy`]: the layout (pure, kept between revisions).
//! - [`svg`]: the diagram itself; [`zoom`]: zoom and pan; [`panel`]: the panel around it.

pub mod hierarchy;
pub mod panel;
pub mod svg;
pub mod zoom;
