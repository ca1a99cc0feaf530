//! Challenges: the article's failure modes and its quiz as puzzles to solve in the app.
//!
//! - [`model`]: where the user stands (pure): the running challenge, hints, the verdict.
//! - [`picker`]: the header's picker that starts one (its setup loaded as one undo step).
//! - [`card`]: the running challenge's card; [`quiz`]: the quiz inside it.

pub mod card;
pub mod model;
pub mod picker;
pub mod quiz;

pub use card::ChallengeCard;
pub use model::{ChallengeAction, ChallengeState, Verdict, symptom_query, verdict};
pub use picker::ChallengePicker;
