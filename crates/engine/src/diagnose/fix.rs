//! Fixes: one way to repair a finding, as the [`Edit`]s the app applies (the same values a user's
//! form, an import or a challenge makes), applied as one change, all of them or none, through the
//! same [`Edit::apply`].

use serde::{Deserialize, Serialize};

use crate::scenario::Scenario;
pub use crate::scenario::edit::Edit;
use crate::scenario::edit::{Applied, EditError};

/// One way to repair a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// What the fix does, as a button says it.
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            title: title.into(),
            edits,
        }
    }

    /// The fix as the one edit (one undo step, `fix: <title>`) the app applies.
    pub fn edit(&self) -> Edit {
        Edit::Batch {
            label: format!("fix: {}", self.title),
            edits: self.edits.clone(),
        }
    }

    /// Applies every edit, or none: on an error the scenario is left as it was.
    pub fn apply(&self, s: &mut Scenario) -> Result<Applied, EditError> {
        self.edit().apply(s)
    }

    /// Each change in one line.
    pub fn describe(&self, s: &Scenario) -> Vec<String> {
        self.edits.iter().flat_map(|e| e.describe(s)).collect()
    }
}
