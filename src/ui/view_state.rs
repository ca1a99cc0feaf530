//! The view state: what the app shows along with the document (the selected zone, the
//! question in the resolve panel, the step shown, whether the steps play by themselves).
//! A share link carries the engine's [`LinkFocus`]; this converts to and from it.

use serde::{Deserialize, Serialize};

use crate::scenario::interop::LinkFocus;

/// What the app shows with the document; every part optional. Kept in sessionStorage as
/// JSON by `ui::platform::view_store` (the same keys as a share link's `view`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewState {
    /// The hosted zone (or zone) selected, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_zone: Option<String>,
    /// The query in the dig console, such as `dig +trace api.example.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The step of the trace shown (0-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<usize>,
    /// Whether the resolve panel plays the steps by itself (embeds).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub autoplay: bool,
}

impl ViewState {
    /// The view a share link carries: the selected zone, and the resolve panel's query and
    /// step when it has them (a link does not play by itself unless it says so).
    pub fn shown(selected: Option<&str>, query: Option<&str>, step: Option<usize>) -> Self {
        ViewState {
            selected_zone: selected.map(String::from),
            query: query.map(String::from),
            step,
            autoplay: false,
        }
    }

    /// Where a share link of this view points.
    pub fn link_focus(&self) -> LinkFocus {
        LinkFocus {
            zone: self.selected_zone.clone(),
            dig: self.query.clone(),
            step: self.step,
            play: self.autoplay,
        }
    }
}

impl From<LinkFocus> for ViewState {
    /// The view a share link asks for.
    fn from(f: LinkFocus) -> Self {
        ViewState {
            selected_zone: f.zone,
            query: f.dig,
            step: f.step,
            autoplay: f.play,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_goes_through_a_link_focus_unchanged() {
        let view = ViewState {
            selected_zone: Some("Z1".into()),
            query: Some("dig +trace api.example.com".into()),
            step: Some(2),
            autoplay: true,
        };
        assert_eq!(ViewState::from(view.link_focus()), view);
        // The same JSON as the link's `view`.
        assert_eq!(
            serde_json::to_string(&view).unwrap(),
            serde_json::to_string(&view.link_focus()).unwrap()
        );
    }
}
