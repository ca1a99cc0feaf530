//! The add/edit record dialog's state, free of the web: which set it edits (or a new one),
//! the draft, the errors at each field, and the submit: validated field by field, then
//! checked as an `Edit` against the document (Route 53's refusal goes under the name field).
//! Typing into a field clears that field's error only.

use hickory_proto::rr::{Name, RecordType};

use crate::scenario::Scenario;
use crate::scenario::edit::Edit;
use crate::ui::panels::zone::record_form::{Field, FieldErrors, RecordDraft};

/// A record set by its name and type.
pub type SetKey = (Name, RecordType);

/// A new record set, or the one being changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Add,
    Edit(SetKey),
}

/// What the record dialog shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    pub mode: Mode,
    pub draft: RecordDraft,
    pub errors: FieldErrors,
    /// How many times the user submitted (the dialog focuses the first bad field anew).
    pub attempt: u32,
}

impl Editor {
    pub fn new(mode: Mode, draft: RecordDraft) -> Self {
        Self {
            mode,
            draft,
            errors: FieldErrors::default(),
            attempt: 0,
        }
    }

    /// The editor after the user typed `draft`: the errors of the fields changed are gone.
    pub fn changed(&self, draft: RecordDraft) -> Self {
        let old = &self.draft;
        let mut errors = self.errors.clone();
        if draft.name != old.name {
            errors.name = None;
        }
        if draft.rtype != old.rtype {
            errors.rtype = None;
            errors.values = None;
        }
        if draft.ttl != old.ttl {
            errors.ttl = None;
        }
        if draft.values != old.values {
            errors.values = None;
        }
        Self {
            draft,
            errors,
            ..self.clone()
        }
    }

    /// The edit to apply to zone `zone_id` (of origin `origin`), or the editor with why not.
    pub fn submit(&self, doc: &Scenario, zone_id: &str, origin: &Name) -> Result<Edit, Box<Self>> {
        let mut next = Self {
            attempt: self.attempt + 1,
            ..self.clone()
        };
        let set = match self.draft.validate(origin) {
            Ok(set) => set,
            Err(errors) => {
                next.errors = errors;
                return Err(Box::new(next));
            }
        };
        let replacing = match &self.mode {
            Mode::Add => None,
            Mode::Edit(key) => Some(key.clone()),
        };
        let edit = Edit::PutRecordSet {
            zone_id: zone_id.to_string(),
            replacing,
            set,
        };
        match edit.check(doc) {
            Ok(_) => Ok(edit),
            Err(e) => {
                // Route 53 refuses a record set for its name (apex CNAME, a conflicting set,
                // one that exists already): the message goes under the name field.
                next.errors.set(Field::Name, e.to_string());
                Err(Box::new(next))
            }
        }
    }

    /// The dialog's heading.
    pub fn heading(&self, origin: &Name) -> String {
        match &self.mode {
            Mode::Add => format!("Add a record set to {origin}"),
            Mode::Edit((name, rtype)) => format!("Edit {rtype} {name}"),
        }
    }

    /// The submit button's label.
    pub fn submit_label(&self) -> &'static str {
        match self.mode {
            Mode::Add => "Create record set",
            Mode::Edit(_) => "Save changes",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;
    use crate::scenario::presets;

    fn zone(s: &Scenario, name: &str) -> String {
        s.aws
            .hosted_zones
            .iter()
            .find(|z| z.name == n(name))
            .map(|z| z.id.clone())
            .unwrap()
    }

    fn draft(name: &str, rtype: &str, values: &str) -> RecordDraft {
        RecordDraft {
            name: name.into(),
            rtype: rtype.into(),
            ttl: "300".into(),
            values: values.into(),
        }
    }

    #[test]
    fn a_bad_field_is_refused_and_typing_there_clears_only_its_error() {
        let s = presets::build("article").unwrap();
        let id = zone(&s, "example.com.");
        let origin = n("example.com.");
        let e = Editor::new(Mode::Add, draft("www", "A", "not an address"));
        let refused = e.submit(&s, &id, &origin).unwrap_err();
        assert_eq!(refused.attempt, 1);
        assert!(refused.errors.values.is_some());
        let mut typed = refused.draft.clone();
        typed.name = "web".into();
        let after = refused.changed(typed);
        assert!(after.errors.values.is_some());
        let mut typed = after.draft.clone();
        typed.values = "192.0.2.1".into();
        let after = after.changed(typed);
        assert!(after.errors.is_empty());
        let edit = after.submit(&s, &id, &origin).unwrap();
        assert!(matches!(
            edit,
            Edit::PutRecordSet {
                replacing: None,
                ..
            }
        ));
    }

    #[test]
    fn route53s_refusal_goes_under_the_name() {
        let s = presets::build("article").unwrap();
        let id = zone(&s, "example.com.");
        let origin = n("example.com.");
        // A CNAME at the apex, beside the SOA and NS.
        let refused = Editor::new(Mode::Add, draft("", "CNAME", "www.example.net."))
            .submit(&s, &id, &origin)
            .unwrap_err();
        assert!(refused.errors.name.is_some(), "{:?}", refused.errors);
        assert_eq!(refused.heading(&origin), "Add a record set to example.com.");
        let editing = Editor::new(
            Mode::Edit((n("www.example.com."), RecordType::A)),
            RecordDraft::default(),
        );
        assert_eq!(editing.heading(&origin), "Edit A www.example.com.");
        assert_eq!(editing.submit_label(), "Save changes");
    }
}
