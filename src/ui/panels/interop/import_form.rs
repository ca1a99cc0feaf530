//! The import dialog's model, free of the web: what the user typed or picked (the draft),
//! what the check's result says will change, the note for a file too long to show, and the
//! text field's placeholder for each kind of import.

use super::import::{ImportKind, Imported};
use crate::ui::numbers::thousands;

/// The longest file text put into the text field: a longer one (a zone of 25,000 record
/// sets is 0.8 MB) is read and checked but not shown, as the browser would take longer to
/// lay the field out than the check takes.
pub const SHOWN_BYTES: usize = 100_000;

/// What the user has typed or picked (kept across errors).
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: ImportKind,
    /// The hosted zone imported into (for a zone file or a Route 53 listing).
    pub zone: String,
    /// The file's name, when one was read.
    pub file: String,
    pub text: String,
    /// Whether the text was read from a file (not typed or pasted into the field).
    pub picked: bool,
}

impl Draft {
    /// An empty zone-file import into `zone`.
    pub fn new(zone: String) -> Self {
        Self {
            kind: ImportKind::ZoneFile,
            zone,
            file: String::new(),
            text: String::new(),
            picked: false,
        }
    }

    /// The note shown instead of a picked file's text too long for the field (`lines` of
    /// it), if it is.
    pub fn unshown_note(&self, lines: usize) -> Option<String> {
        (self.picked && self.text.len() > SHOWN_BYTES).then(|| {
            format!(
                "{}: {} KB, {} lines, read but too long to show here; paste text to replace it.",
                if self.file.is_empty() {
                    "The text"
                } else {
                    self.file.as_str()
                },
                thousands(self.text.len().div_ceil(1000)),
                thousands(lines)
            )
        })
    }
}

/// What the preview says will change, and whether Import may apply it.
pub fn preview(checked: &Imported) -> (Vec<String>, bool) {
    match checked {
        Imported::Edit {
            summary,
            changes_nothing,
            ..
        } => (
            if *changes_nothing {
                vec!["The zone already holds exactly these records: nothing to change.".to_string()]
            } else {
                summary.clone()
            },
            !changes_nothing,
        ),
        Imported::Document(doc) => (
            vec![format!(
                "Opens \u{201c}{}\u{201d} as the document ({} zones, {} hosted zones); Undo returns to the current one.",
                doc.title,
                doc.world.zones.len(),
                doc.aws.hosted_zones.len()
            )],
            true,
        ),
    }
}

/// How many lines `text` has, and how many of them are not blank.
pub fn line_counts(text: &str) -> (usize, usize) {
    text.lines().fold((0, 0), |(all, filled), l| {
        (all + 1, filled + usize::from(!l.trim().is_empty()))
    })
}

/// The text field's placeholder for an import of `kind`.
pub fn placeholder(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::ZoneFile => "$TTL 300\nwww  IN A     192.0.2.10\napi  IN CNAME www",
        ImportKind::Route53Json => "{\n  \"ResourceRecordSets\": [ … ]\n}",
        ImportKind::Scenario => "{ \"version\": 1, \"title\": … }",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_picked_file_is_described_not_shown() {
        let mut d = Draft::new("Z1".into());
        d.text = "www IN A 192.0.2.1\n".repeat(6_000);
        assert_eq!(d.unshown_note(6_000), None, "typed text is always shown");
        d.picked = true;
        d.file = "big.zone".into();
        let (lines, nonblank) = line_counts(&d.text);
        assert_eq!((lines, nonblank), (6_000, 6_000));
        assert_eq!(
            d.unshown_note(lines).as_deref(),
            Some(
                "big.zone: 114 KB, 6,000 lines, read but too long to show here; paste text to replace it."
            )
        );
        assert_eq!(line_counts("a\n\n  \nb"), (4, 2));
    }

    #[test]
    fn the_preview_says_what_opens_and_when_nothing_changes() {
        let doc = crate::ui::doc::default_doc();
        let (lines, can) = preview(&Imported::Document(Box::new(doc.clone())));
        assert!(can);
        assert!(lines[0].starts_with(&format!("Opens \u{201c}{}\u{201d}", doc.title)));
        let same = Imported::Edit {
            edit: Box::new(crate::scenario::edit::Edit::AdvanceClock { seconds: 0 }),
            after: None,
            applied: std::sync::Arc::new(doc.clone()),
            summary: vec!["x".into()],
            changes_nothing: true,
        };
        let (lines, can) = preview(&same);
        assert!(!can);
        assert_eq!(
            lines,
            vec!["The zone already holds exactly these records: nothing to change."]
        );
    }
}
