//! Edits to the document: each one is a value that can be checked against a document before
//! it is dispatched (so a form can show the error at the field) and then applied by the
//! reducer. Every applied edit is one undo step, named by `label`.
//!
//! This is where the engine's operations plug in: Route 53 record-set rules go into
//! `Edit::apply` for the record edits, and new variants (create/delete a hosted zone, set
//! the registry's NS, load a preset) call into `crate::aws` and `crate::scenario`.

use hickory_proto::rr::{Name, RecordType};

use super::doc::Doc;
use super::record_form::Field;
use crate::dns::RecordSet;

/// One change to the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Creates a record set, or replaces the set `replacing` (its name and type) with `set`.
    PutRecordSet {
        zone_id: String,
        replacing: Option<(Name, RecordType)>,
        set: Box<RecordSet>,
    },
    /// Deletes the record set of `rtype` at `name`.
    DeleteRecordSet {
        zone_id: String,
        name: Name,
        rtype: RecordType,
    },
}

/// Why an edit cannot be applied, and which form field it concerns (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    pub field: Option<Field>,
    pub message: String,
}

impl EditError {
    fn at(field: Field, message: impl Into<String>) -> Self {
        Self {
            field: Some(field),
            message: message.into(),
        }
    }

    fn general(message: impl Into<String>) -> Self {
        Self {
            field: None,
            message: message.into(),
        }
    }
}

impl Edit {
    /// A short name for undo and redo, e.g. `add A www.example.com.`.
    pub fn label(&self) -> String {
        match self {
            Edit::PutRecordSet {
                replacing: None,
                set,
                ..
            } => format!("add {} {}", set.rtype, set.name),
            Edit::PutRecordSet { set, .. } => format!("edit {} {}", set.rtype, set.name),
            Edit::DeleteRecordSet { name, rtype, .. } => format!("delete {rtype} {name}"),
        }
    }

    /// The zone the edit changes.
    pub fn zone_id(&self) -> &str {
        match self {
            Edit::PutRecordSet { zone_id, .. } | Edit::DeleteRecordSet { zone_id, .. } => zone_id,
        }
    }

    /// Whether the edit would apply to `doc`, without changing it.
    pub fn check(&self, doc: &Doc) -> Result<(), EditError> {
        self.apply(&mut doc.clone())
    }

    /// Applies the edit; on an error `doc` is left as it was.
    pub fn apply(&self, doc: &mut Doc) -> Result<(), EditError> {
        let zone_id = self.zone_id();
        let zone = doc.world.zone_mut(zone_id).ok_or_else(|| {
            EditError::general(format!(
                "the zone {zone_id} no longer exists; it may have been deleted or undone"
            ))
        })?;
        match self {
            Edit::PutRecordSet { replacing, set, .. } => {
                if !zone.origin.zone_of(&set.name) {
                    return Err(EditError::at(
                        Field::Name,
                        format!("{} is not in the zone {}", set.name, zone.origin),
                    ));
                }
                let same_key = replacing
                    .as_ref()
                    .is_some_and(|(name, rtype)| *name == set.name && *rtype == set.rtype);
                if !same_key && zone.get(&set.name, set.rtype).is_some() {
                    return Err(EditError::at(
                        Field::Name,
                        format!(
                            "A record set {} of type {} already exists in zone {}; edit that one instead",
                            set.name, set.rtype, zone.origin
                        ),
                    ));
                }
                if set.rtype == RecordType::SOA && set.name != zone.origin {
                    return Err(EditError::at(
                        Field::Type,
                        "An SOA record set can only be at the zone's apex",
                    ));
                }
                if let Some((name, rtype)) = replacing
                    && zone.remove(name, *rtype).is_none()
                {
                    return Err(EditError::general(format!(
                        "the record set {name} {rtype} no longer exists in zone {}",
                        zone.origin
                    )));
                }
                zone.upsert((**set).clone());
                Ok(())
            }
            Edit::DeleteRecordSet { name, rtype, .. } => {
                if *name == zone.origin && matches!(rtype, RecordType::SOA | RecordType::NS) {
                    return Err(EditError::general(format!(
                        "The {rtype} record set at the apex of {name} cannot be deleted; Route 53 keeps it for as long as the hosted zone exists"
                    )));
                }
                zone.remove(name, *rtype).map(|_| ()).ok_or_else(|| {
                    EditError::general(format!(
                        "the record set {name} {rtype} no longer exists in zone {}",
                        zone.origin
                    ))
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;
    use crate::dns::rrset::parse_values;
    use crate::ui::fixture::temporary_world;

    fn parent_id(doc: &Doc) -> String {
        doc.world
            .zones_named(&n("example.com."))
            .next()
            .unwrap()
            .id
            .clone()
    }

    fn a_set(name: &str, ip: &str) -> RecordSet {
        RecordSet::new(
            n(name),
            RecordType::A,
            300,
            parse_values(RecordType::A, &[ip]).unwrap(),
        )
    }

    #[test]
    fn put_adds_replaces_and_refuses_duplicates() {
        let mut doc = Doc::new(temporary_world());
        let zone_id = parent_id(&doc);
        let add = Edit::PutRecordSet {
            zone_id: zone_id.clone(),
            replacing: None,
            set: Box::new(a_set("app.example.com.", "192.0.2.7")),
        };
        assert_eq!(add.label(), "add A app.example.com.");
        add.apply(&mut doc).unwrap();
        assert_eq!(
            doc.world
                .zone(&zone_id)
                .unwrap()
                .get(&n("app.example.com."), RecordType::A)
                .unwrap()
                .value_texts(),
            ["192.0.2.7"]
        );
        assert_eq!(
            add.check(&doc),
            Err(EditError::at(
                Field::Name,
                "A record set app.example.com. of type A already exists in zone example.com.; edit that one instead"
            ))
        );
        let rename = Edit::PutRecordSet {
            zone_id: zone_id.clone(),
            replacing: Some((n("app.example.com."), RecordType::A)),
            set: Box::new(a_set("web.example.com.", "192.0.2.8")),
        };
        assert_eq!(rename.label(), "edit A web.example.com.");
        rename.apply(&mut doc).unwrap();
        let zone = doc.world.zone(&zone_id).unwrap();
        assert!(zone.get(&n("app.example.com."), RecordType::A).is_none());
        assert_eq!(
            zone.get(&n("web.example.com."), RecordType::A)
                .unwrap()
                .value_texts(),
            ["192.0.2.8"]
        );
    }

    #[test]
    fn delete_refuses_the_apex_soa_and_ns_and_leaves_the_doc_unchanged() {
        let mut doc = Doc::new(temporary_world());
        let zone_id = parent_id(&doc);
        let before = doc.clone();
        let apex_ns = Edit::DeleteRecordSet {
            zone_id: zone_id.clone(),
            name: n("example.com."),
            rtype: RecordType::NS,
        };
        assert_eq!(
            apex_ns.apply(&mut doc).unwrap_err().message,
            "The NS record set at the apex of example.com. cannot be deleted; Route 53 keeps it for as long as the hosted zone exists"
        );
        assert_eq!(doc, before);
        let www = Edit::DeleteRecordSet {
            zone_id: zone_id.clone(),
            name: n("www.example.com."),
            rtype: RecordType::CNAME,
        };
        assert_eq!(www.label(), "delete CNAME www.example.com.");
        www.apply(&mut doc).unwrap();
        assert_eq!(
            www.apply(&mut doc).unwrap_err().message,
            "the record set www.example.com. CNAME no longer exists in zone example.com."
        );
    }
}
