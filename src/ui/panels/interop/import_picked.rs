//! The import dialog's file picker: the file read as text into the draft (`gloo::file`), a
//! file over the import limit refused before it is read.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::import_form::Draft;

/// The file reader of the pick in progress (dropping it cancels the read).
pub type PickReader = Rc<RefCell<Option<gloo::file::callbacks::FileReader>>>;

/// Reads the file picked into the draft (a file over the import limit is refused at once,
/// before it is read).
pub fn read_picked(
    draft: UseStateHandle<Draft>,
    reader: PickReader,
    preselect: impl Fn(&mut Draft) + Clone + 'static,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        let file = gloo::file::File::from(file);
        let name = file.name();
        let (draft, preselect) = (draft.clone(), preselect.clone());
        let limit = crate::scenario::interop::MAX_IMPORT_BYTES;
        if file.size() > limit as u64 {
            let mut next = (*draft).clone();
            next.text = format!("; {}", crate::scenario::interop::import_too_large(&name));
            next.file = name;
            draft.set(next);
            return;
        }
        let task = gloo::file::callbacks::read_as_text(&file, move |result| {
            let mut next = (*draft).clone();
            next.file = name;
            next.picked = true;
            match result {
                Ok(text) => next.text = text,
                Err(e) => next.text = format!("; the file could not be read: {e}"),
            }
            preselect(&mut next);
            draft.set(next);
        });
        *reader.borrow_mut() = Some(task);
    })
}
