//! Why one of the article's dig checks did not answer as the article says it should: each
//! reason carries what the sentence names, and its text is the sentence the checklist shows
//! under the check.

use thiserror::Error;

/// Why a dig check is not ticked. `ended` is how the resolution ended, as
/// `SERVFAIL (no name server of …)`; names are shown without their final dot.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WhyNot {
    #[error(
        "The resolver returned {ended}, not the child's name servers: resolvers must reach api.example.com's own servers through the parent's NS records."
    )]
    NoChildServers { ended: String },
    #[error(
        "The resolver returned name servers that are not the child hosted zone's four: compare them with the zone's NS in account B."
    )]
    OtherServers,
    #[error("No server was asked.")]
    NoServer,
    #[error(
        "{server} does not serve api.example.com (it answered {answered}): ask one of the child hosted zone's four name servers."
    )]
    NotAChildServer {
        server: String,
        answered: &'static str,
    },
    #[error("{server} answered {ended}, not with authority (aa) for api.example.com.")]
    NotAuthoritative { server: String, ended: String },
    #[error(
        "The trace ended at {server}, which is not a server of the child zone: example.com still answers for api.example.com itself, so the delegation is not in place."
    )]
    TraceEndedElsewhere { server: String },
    #[error("The trace ended with {ended} instead of reaching the child's servers.")]
    TraceFailed { ended: String },
    #[error(
        "That server is not one of the child zone's: ask through the resolver (no @) as the article does."
    )]
    CnameNotFromChild,
    #[error(
        "That CNAME is not an ACM validation record (its target is not under acm-validations.aws)."
    )]
    NotAValidation,
    #[error("No CNAME came back for {name}: {ended}.{hint}")]
    NoCname {
        name: String,
        ended: String,
        hint: CnameHint,
    },
}

/// What to do when no validation CNAME came back (each sentence starts with its space).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CnameHint {
    /// The scenario's validation record is another name: `real`.
    #[error(" This scenario's validation record is {real}: ask for that name.")]
    AskFor { real: String },
    #[error(
        " Create the validation CNAME in account B's api.example.com zone (Certificates, \u{201c}Create records in Route 53\u{201d})."
    )]
    CreateRecord,
    #[error(
        " Request *.api.example.com in Certificates and create its validation CNAME in the child zone first."
    )]
    RequestCertificate,
}
