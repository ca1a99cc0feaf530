//! AWS accounts: a 12-digit id and a label people know them by ("account A", "api team").

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id: String,
    pub label: String,
}

/// An account id that is not one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "\"{id}\" is not an AWS account id: an account id is exactly 12 digits, such as 111111111111"
)]
pub struct AccountIdError {
    pub id: String,
}

/// Checks an account id: exactly twelve digits.
pub fn check_account_id(id: &str) -> Result<(), AccountIdError> {
    if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(AccountIdError { id: id.to_string() })
    }
}
