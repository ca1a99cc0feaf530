//! The walkthrough: the article's steps as a checklist that ticks itself from the engine's
//! state. [`model`] judges each step (pure, tested natively); [`store`] keeps the progress in
//! localStorage under its own key; [`view`] is the card (the first-visit offer, the list, and
//! the header button that resumes it); `follow` ticks it from the app state's changes, and
//! [`diagnosis`] the break-it steps from the diagnosis, loaded on demand.

pub mod diagnosis;
pub mod follow;
pub mod model;
pub mod store;
pub mod view;
pub mod why_not;

pub use follow::{WalkthroughAction, follow};
pub use model::{Breakages, ITEMS, Item, ItemId, Progress, start_scenario};
