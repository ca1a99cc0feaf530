//! The error every importer returns: the file as the user knows it, and where in it (line
//! and column for zone files and JSON syntax, the JSON path for a bad value), and what is
//! wrong and how to write it right. Printed as `file:line:column: message` or
//! `file: path: message`.

use crate::scenario::zonefile::ZoneFileError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file as the user named it (`example.com.zone`, `records.json`, `pasted text`).
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The JSON path of the bad value, such as `ResourceRecordSets[2].TTL`.
    pub path: Option<String>,
    pub message: String,
}

impl ImportError {
    /// An error about the whole file.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line: None,
            column: None,
            path: None,
            message: message.into(),
        }
    }

    /// An error about one value of a JSON document.
    pub fn at_path(file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: Some(path.into()),
            ..Self::file(file, message)
        }
    }
}

impl From<ZoneFileError> for ImportError {
    fn from(e: ZoneFileError) -> Self {
        Self {
            file: e.file,
            line: e.line,
            column: e.column,
            path: None,
            message: e.message,
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(path) = &self.path {
            write!(f, ": {path}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ImportError {}
