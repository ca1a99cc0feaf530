//! The article's quiz and failure modes as challenges (in progress).
