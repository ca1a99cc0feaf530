//! Undo and redo: two stacks of labelled snapshots of the document. Every edit records the
//! document as it was before; undo swaps the current document for the last snapshot.

/// How many steps back undo reaches.
pub const UNDO_LIMIT: usize = 200;

/// One stack's labels and snapshots, bottom first.
pub type Stack<'a, T> = Vec<(&'a str, &'a T)>;

#[derive(Debug, Clone, PartialEq)]
struct Entry<T> {
    label: String,
    snapshot: T,
}

/// The undo and redo stacks. `T` is a cheap-to-clone snapshot (an `Rc` of the document).
#[derive(Debug, Clone, PartialEq)]
pub struct History<T> {
    undo: Vec<Entry<T>>,
    redo: Vec<Entry<T>>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Records an edit named `label` made to `before`; clears what could be redone.
    pub fn record(&mut self, label: impl Into<String>, before: T) {
        self.redo.clear();
        self.undo.push(Entry {
            label: label.into(),
            snapshot: before,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
    }

    /// Steps back: returns the document to show, keeping `current` for redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let entry = self.undo.pop()?;
        self.redo.push(Entry {
            label: entry.label,
            snapshot: current,
        });
        Some(entry.snapshot)
    }

    /// Steps forward again: returns the document to show, keeping `current` for undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let entry = self.redo.pop()?;
        self.undo.push(Entry {
            label: entry.label,
            snapshot: current,
        });
        Some(entry.snapshot)
    }

    /// What undo would take back, e.g. `add A www.example.com.`.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// What redo would do again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The undo stack's labels and snapshots, oldest first, and the redo stack's, the next
    /// redo last (what `from_stacks` takes back).
    pub fn stacks(&self) -> (Stack<'_, T>, Stack<'_, T>) {
        fn list<T>(v: &[Entry<T>]) -> Stack<'_, T> {
            v.iter().map(|e| (e.label.as_str(), &e.snapshot)).collect()
        }
        (list(&self.undo), list(&self.redo))
    }

    /// A history with these stacks (as `stacks` gives them); the undo stack keeps its last
    /// `UNDO_LIMIT` entries.
    pub fn from_stacks(undo: Vec<(String, T)>, redo: Vec<(String, T)>) -> Self {
        let entries = |v: Vec<(String, T)>| {
            v.into_iter()
                .map(|(label, snapshot)| Entry { label, snapshot })
                .collect::<Vec<_>>()
        };
        let mut undo = entries(undo);
        if undo.len() > UNDO_LIMIT {
            undo.drain(..undo.len() - UNDO_LIMIT);
        }
        Self {
            undo,
            redo: entries(redo),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_snapshots() {
        let mut h = History::default();
        h.record("one", 0);
        h.record("two", 1);
        assert_eq!(h.undo_label(), Some("two"));
        assert_eq!(h.undo(2), Some(1));
        assert_eq!(h.redo_label(), Some("two"));
        assert_eq!(h.undo(1), Some(0));
        assert_eq!(h.undo(0), None);
        assert_eq!(h.redo(0), Some(1));
        assert_eq!(h.redo(1), Some(2));
        assert_eq!(h.redo(2), None);
        assert_eq!(h.undo_label(), Some("two"));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        h.record("one", 0);
        assert_eq!(h.undo(1), Some(0));
        assert!(h.can_redo());
        h.record("other", 0);
        assert!(!h.can_redo());
        assert_eq!(h.undo_label(), Some("other"));
    }

    #[test]
    fn undo_is_bounded() {
        let mut h = History::default();
        for i in 0..UNDO_LIMIT + 5 {
            h.record(format!("edit {i}"), i);
        }
        let mut steps = 0;
        let mut current = UNDO_LIMIT + 5;
        while let Some(prev) = h.undo(current) {
            current = prev;
            steps += 1;
        }
        assert_eq!(steps, UNDO_LIMIT);
        assert_eq!(current, 5);
    }
}
