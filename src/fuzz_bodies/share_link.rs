//! A share link's fragment, opened: the input as a link (`#s1.…`, damaged or not), and the
//! input as the JSON inside a well-formed link (so the fuzzer reaches the scenario reader
//! through the link). What opens shares as a link that opens the same scenario and view.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::check;
use crate::scenario::interop::{LINK_PREFIX, Shared, open_link, share};

pub fn share_link(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(shared) = open_link(text) {
        round_trips(&shared);
    }
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(data, 1);
    let link = format!("#{LINK_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
    if let Ok(shared) = open_link(&link) {
        round_trips(&shared);
    }
}

fn round_trips(shared: &Shared) {
    check::scenario_round_trips(&shared.scenario);
    // A link too large to make is refused with a message, not made.
    let Ok(link) = share(&shared.scenario, shared.focus.as_ref()) else {
        return;
    };
    let back = open_link(&link).unwrap_or_else(|e| panic!("a link made here is refused: {e}"));
    assert_eq!(
        &back, shared,
        "the scenario or view changed through the link"
    );
}
