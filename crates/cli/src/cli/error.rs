//! What a command of the command line can fail with: the engine's errors as they are, and
//! the command line's own (files it cannot read or write, arguments out of range). Printed
//! as one line on stderr (exit code 2).

use std::io;

use delegation_lab_engine::aws::acm::AcmError;
use delegation_lab_engine::scenario::dig_command::DigError;
use delegation_lab_engine::scenario::edit::EditError;
use delegation_lab_engine::scenario::interop::{ImportError, LinkError, import_too_large};
use delegation_lab_engine::scenario::source::SourceError;
use thiserror::Error;

/// Why a command failed.
#[derive(Debug, Error)]
pub enum CliError {
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    Dig(#[from] DigError),
    #[error(transparent)]
    Acm(#[from] AcmError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Link(#[from] LinkError),
    #[error("cannot read {path}: {error}")]
    Read {
        path: String,
        #[source]
        error: io::Error,
    },
    #[error("cannot create {path}: {error}")]
    CreateDir {
        path: String,
        #[source]
        error: io::Error,
    },
    #[error("cannot write {path}: {error}")]
    Write {
        path: String,
        #[source]
        error: io::Error,
    },
    /// An import larger than an import reads; `label` names the file.
    #[error("{}", import_too_large(.label))]
    TooLarge { label: String },
    /// No certificate has the ARN; `known` lists the scenario's.
    #[error("{}; {}", AcmError::NoSuchCertificate(.arn.clone()), certificates_hint(.known))]
    NoSuchCertificate { arn: String, known: Vec<String> },
    #[error("--advance takes a number of hours from 0 to 8760, such as 1, 0.5 or 72, not \"{0}\"")]
    Hours(String),
    #[error("--scenario must be followed by a preset name, a scenario file or a zone folder")]
    ScenarioMissing,
    #[error(
        "usage: delegation-lab dig [@SERVER] [+trace] [+short] [+norecurse] [+json] [TYPE] NAME --scenario SOURCE"
    )]
    DigUsage,
    #[error(
        "--sets {0}: a hosted zone holds at least its SOA and NS (2) and at most 1000000 sets here"
    )]
    Sets(usize),
    #[error(
        "--zones {zones} --accounts {accounts}: zones must be 1 to 20000 and accounts 1 to 1000"
    )]
    ZonesAccounts { zones: usize, accounts: usize },
}

/// What follows an unknown certificate: the scenario's certificates, or how to request one.
fn certificates_hint(known: &[String]) -> String {
    if known.is_empty() {
        "this scenario has no certificates; request one with `delegation-lab acm request`"
            .to_string()
    } else {
        format!("this scenario has {}", known.join(", "))
    }
}
