//! The accounts panel's forms (pure, tested natively): what each form holds as typed, the
//! edits they build, each checked against the document with the engine's error placed at
//! the field it belongs to, as a type (never matched by its text), and the registry
//! editor's helpers.

use hickory_proto::rr::Name;
use thiserror::Error;

use crate::aws::route53::Route53Error;
use crate::scenario::edit::{Edit, EditError, parse_servers};
use crate::scenario::presets::ACCOUNT_AWS;
use crate::ui::doc::Doc;

/// What the create-hosted-zone form holds; kept while its dialog is closed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ZoneDraft {
    pub account: String,
    pub name: String,
    pub errors: ZoneFormErrors,
}

/// What the create-account form holds; kept while its dialog is closed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccountDraft {
    pub id: String,
    pub label: String,
    /// The engine's refusal, shown at the id field.
    pub error: Option<EditError>,
}

/// The registry NS editor of one registered domain.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistryDraft {
    pub domain: Name,
    pub text: String,
    pub error: Option<RegistryError>,
}

/// The two ways a hosted zone goes, each behind a confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneAction {
    Delete,
    Recreate,
}

impl ZoneAction {
    /// The edit that does it to hosted zone `zone_id`.
    pub fn edit(self, zone_id: &str) -> Edit {
        let zone_id = zone_id.to_string();
        match self {
            ZoneAction::Delete => Edit::DeleteHostedZone { zone_id },
            ZoneAction::Recreate => Edit::RecreateHostedZone { zone_id },
        }
    }
}

/// The account the create-hosted-zone form starts in: the selected zone's (unless it is
/// AWS's own), else the first user account, else none.
pub fn starting_account(doc: &Doc, selected: Option<&str>) -> String {
    selected
        .and_then(|id| doc.aws.hosted_zone(id))
        .map(|hz| hz.account.clone())
        .filter(|a| a != ACCOUNT_AWS)
        .or_else(|| {
            doc.aws
                .accounts
                .iter()
                .find(|a| a.id != ACCOUNT_AWS)
                .map(|a| a.id.clone())
        })
        .unwrap_or_default()
}

/// A caller reference no zone of `account` uses yet.
pub fn caller_reference(doc: &Doc, account: &str) -> String {
    let mut i = doc.aws.hosted_zones.len() + doc.aws.retired_sets.len() + 1;
    loop {
        let reference = format!("delegation-lab-{i}");
        if !doc
            .aws
            .zones_of(account)
            .any(|z| z.caller_reference == reference)
        {
            return reference;
        }
        i += 1;
    }
}

/// Why a field of the create-hosted-zone form is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ZoneFieldError {
    #[error("Choose the AWS account that will own the hosted zone.")]
    NoAccount,
    #[error("Enter the domain name the hosted zone serves, such as dev.example.com.")]
    NoName,
    /// Route 53 refused the zone: `NoSuchAccount` at the account, the rest at the name.
    #[error(transparent)]
    Refused(Box<EditError>),
}

/// Errors of the create-hosted-zone form, by field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ZoneFormErrors {
    pub account: Option<ZoneFieldError>,
    pub name: Option<ZoneFieldError>,
}

impl ZoneFormErrors {
    pub fn is_empty(&self) -> bool {
        self.account.is_none() && self.name.is_none()
    }
}

/// The create-hosted-zone edit for what the form holds, checked against the document; or the
/// errors at their fields (an unknown account at the account, the rest at the name).
pub fn create_zone(doc: &Doc, account: &str, name: &str) -> Result<Edit, ZoneFormErrors> {
    let errors = ZoneFormErrors {
        account: account
            .trim()
            .is_empty()
            .then_some(ZoneFieldError::NoAccount),
        name: name.trim().is_empty().then_some(ZoneFieldError::NoName),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let edit = Edit::CreateHostedZone {
        account: account.trim().to_string(),
        name: name.trim().to_string(),
        caller_reference: caller_reference(doc, account.trim()),
    };
    match edit.check(doc) {
        Ok(_) => Ok(edit),
        Err(e @ EditError::Route53(Route53Error::NoSuchAccount(_))) => Err(ZoneFormErrors {
            account: Some(ZoneFieldError::Refused(Box::new(e))),
            name: None,
        }),
        Err(e) => Err(ZoneFormErrors {
            account: None,
            name: Some(ZoneFieldError::Refused(Box::new(e))),
        }),
    }
}

/// The create-account edit, checked; or the engine's refusal (for the id field).
pub fn create_account(doc: &Doc, id: &str, label: &str) -> Result<Edit, EditError> {
    let edit = Edit::CreateAccount {
        id: id.trim().to_string(),
        label: label.trim().to_string(),
    };
    edit.check(doc)?;
    Ok(edit)
}

/// Why the registry NS field is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RegistryError {
    /// The text is not a list of name servers (the engine's `parse_servers` says why).
    #[error("{0}")]
    NotServers(String),
    /// The registry refused the delegation.
    #[error(transparent)]
    Refused(#[from] EditError),
}

/// The registry-NS edit for a typed list of name servers, checked; or why not, for the
/// field.
pub fn registry_edit(doc: &Doc, domain: &Name, text: &str) -> Result<Edit, RegistryError> {
    let servers = parse_servers(text).map_err(RegistryError::NotServers)?;
    let edit = Edit::SetRegistryDelegation {
        domain: domain.clone(),
        servers,
    };
    edit.check(doc)?;
    Ok(edit)
}

/// Name servers of a list that no server of this world answers as (a delegation to them is
/// lame); a warning, since setting them is allowed.
pub fn unknown_servers(doc: &Doc, servers: &[Name]) -> Vec<Name> {
    servers
        .iter()
        .filter(|s| doc.world.server_named(s).is_none())
        .cloned()
        .collect()
}

/// Names as text, one per line (the registry editor's starting text).
pub fn lines(names: &[Name]) -> String {
    names
        .iter()
        .map(Name::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::name::n;
    use crate::scenario::presets::{self, ACCOUNT_A, ACCOUNT_B};

    fn article() -> Doc {
        presets::build("article").unwrap()
    }

    fn text<E: ToString>(e: Option<E>) -> Option<String> {
        e.map(|e| e.to_string())
    }

    #[test]
    fn the_zone_form_puts_each_error_at_its_field() {
        let doc = article();
        assert_eq!(
            create_zone(&doc, "", " ").unwrap_err(),
            ZoneFormErrors {
                account: Some(ZoneFieldError::NoAccount),
                name: Some(ZoneFieldError::NoName),
            }
        );
        assert_eq!(
            ZoneFieldError::NoAccount.to_string(),
            "Choose the AWS account that will own the hosted zone."
        );
        assert_eq!(
            ZoneFieldError::NoName.to_string(),
            "Enter the domain name the hosted zone serves, such as dev.example.com."
        );
        let e = create_zone(&doc, "333333333333", "dev.example.com").unwrap_err();
        assert_eq!(
            e.account,
            Some(ZoneFieldError::Refused(Box::new(EditError::Route53(
                Route53Error::NoSuchAccount("333333333333".into())
            ))))
        );
        assert_eq!(
            text(e.account).as_deref(),
            Some("NoSuchAccount: no account 333333333333 in this scenario")
        );
        assert_eq!(e.name, None);
        let e = create_zone(&doc, ACCOUNT_B, "dev..example.com").unwrap_err();
        assert!(matches!(
            e.name.as_ref(),
            Some(ZoneFieldError::Refused(r))
                if matches!(**r, EditError::Route53(Route53Error::InvalidDomainName(_)))
        ));
        assert_eq!(
            text(e.name).as_deref(),
            Some(
                "InvalidDomainName: the name dev..example.com has an empty label (two dots in a row, or a leading dot)"
            )
        );
        assert_eq!(
            text(create_zone(&doc, ACCOUNT_B, "com").unwrap_err().name).as_deref(),
            Some(
                "InvalidDomainName: com. is a top-level domain; a hosted zone needs a domain such as example.com"
            )
        );
    }

    #[test]
    fn creating_twice_gets_a_fresh_caller_reference() {
        let mut doc = article();
        let edit = create_zone(&doc, ACCOUNT_B, "dev.example.com").unwrap();
        let first = edit.apply(&mut doc).unwrap();
        let edit = create_zone(&doc, ACCOUNT_B, "dev.example.com").unwrap();
        let second = edit.check(&doc).unwrap();
        assert_eq!(edit.apply(&mut doc).unwrap(), second);
        assert!(second.hosted_zone().is_some());
        assert_ne!(first, second);
        assert_eq!(doc.aws.zones_of(ACCOUNT_B).count(), 3);
    }

    #[test]
    fn the_zone_form_starts_in_the_selected_zones_account() {
        let doc = article();
        let api = doc
            .aws
            .hosted_zones
            .iter()
            .find(|z| z.account == ACCOUNT_B)
            .unwrap()
            .id
            .clone();
        assert_eq!(starting_account(&doc, Some(&api)), ACCOUNT_B);
        assert_eq!(starting_account(&doc, None), ACCOUNT_A);
        assert_eq!(
            ZoneAction::Recreate.edit("Z1"),
            Edit::RecreateHostedZone {
                zone_id: "Z1".into()
            }
        );
    }

    #[test]
    fn accounts_and_registry_edits_report_the_engines_error() {
        let doc = article();
        let e = create_account(&doc, "12345", "x").unwrap_err();
        assert!(matches!(
            e,
            EditError::Route53(Route53Error::InvalidAccountId(_))
        ));
        assert_eq!(
            e.to_string(),
            "InvalidInput: \"12345\" is not an AWS account id: an account id is exactly 12 digits, such as 111111111111"
        );
        assert_eq!(
            create_account(&doc, ACCOUNT_A, "x")
                .unwrap_err()
                .to_string(),
            "InvalidInput: account 111111111111 already exists"
        );
        assert!(create_account(&doc, "333333333333", "staging").is_ok());
        let e = registry_edit(&doc, &n("example.com."), "ns-1..awsdns-00.com").unwrap_err();
        assert!(matches!(e, RegistryError::NotServers(_)));
        assert_eq!(
            e.to_string(),
            "\"ns-1..awsdns-00.com\": the name ns-1..awsdns-00.com has an empty label (two dots in a row, or a leading dot)"
        );
        assert_eq!(
            registry_edit(&doc, &n("example.com."), "")
                .unwrap_err()
                .to_string(),
            "enter at least one name server"
        );
        let edit = registry_edit(&doc, &n("example.com."), "ns-9.example.net\n").unwrap();
        assert_eq!(
            edit,
            Edit::SetRegistryDelegation {
                domain: n("example.com."),
                servers: vec![n("ns-9.example.net.")]
            }
        );
        assert_eq!(
            unknown_servers(&doc, &[n("ns-9.example.net."), n("a.gtld-servers.net.")]),
            [n("ns-9.example.net.")]
        );
        assert_eq!(lines(&[n("a."), n("b.")]), "a.\nb.");
    }
}
