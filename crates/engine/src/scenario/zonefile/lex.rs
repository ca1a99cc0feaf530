//! The zone-file lexer: splits the text into entries (one record or directive each, lines
//! joined inside parentheses) and tokens, keeping where each token starts so that errors can
//! name the line and column. Comments are dropped, except `;$` comments at the start of a
//! line, which carry our own annotations (see `;$ALIAS` in the parent module).
//!
//! Tokens keep their raw text: escapes are decoded only by the reader that needs bytes
//! (TXT and CAA text), so names reach hickory-proto's name parser with their escapes intact.

/// One token: a run of characters without blanks, or a quoted string (without its quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The text as written (escapes kept); for a quoted string, what is between the quotes.
    pub raw: &'a str,
    pub quoted: bool,
    /// 1-based line of the token's first character.
    pub line: usize,
    /// Byte offset of the token (of its opening quote, for a quoted string) in the text.
    pub offset: usize,
}

/// One entry: a record, a `$` directive, or a `;$` annotation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Entry<'a> {
    /// 1-based line where the entry starts.
    pub line: usize,
    /// The entry's line starts with a blank: the record belongs to the previous owner.
    pub starts_blank: bool,
    /// The entry is a `;$` annotation (its first token is the annotation's name, e.g. `$ALIAS`).
    pub annotation: bool,
    pub tokens: Vec<Token<'a>>,
}

/// A lexical error: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LexError {
    pub line: usize,
    pub offset: usize,
    pub message: String,
}

/// Splits `text` into entries; blank and comment-only lines give none.
#[cfg(test)]
pub(crate) fn entries(text: &str) -> Result<Vec<Entry<'_>>, LexError> {
    let mut lexer = Lexer::new(text);
    let mut entry = Entry::default();
    let mut out = Vec::new();
    while lexer.next_entry(&mut entry)? {
        out.push(entry.clone());
    }
    Ok(out)
}

/// Reads entries one at a time into a reused [`Entry`], so a large file costs no
/// allocation per record.
pub(crate) struct Lexer<'a> {
    text: &'a str,
    i: usize,
    line: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            i: 0,
            line: 1,
        }
    }

    /// Fills `entry` with the next entry; `false` at the end of the text.
    pub fn next_entry(&mut self, entry: &mut Entry<'a>) -> Result<bool, LexError> {
        let text = self.text;
        let bytes = text.as_bytes();
        entry.tokens.clear();
        // Where the open parenthesis of the entry is, if any.
        let mut open_paren: Option<(usize, usize)> = None;
        loop {
            // At the start of a line: outside parentheses, a new entry begins.
            if self.i >= bytes.len() {
                if let Some((line, offset)) = open_paren {
                    return Err(LexError {
                        line,
                        offset,
                        message: "the '(' here is never closed; add a ')' at the end of the record"
                            .into(),
                    });
                }
                return Ok(false);
            }
            if open_paren.is_none() {
                let rest = &bytes[self.i..];
                entry.line = self.line;
                entry.starts_blank = matches!(rest.first(), Some(b' ' | b'\t'));
                entry.annotation = rest.starts_with(b";$");
                if entry.annotation {
                    self.i += 1; // the ';' that starts an annotation
                }
            }
            self.line_tokens(entry, &mut open_paren)?;
            if open_paren.is_none() && !entry.tokens.is_empty() {
                return Ok(true);
            }
        }
    }

    /// Reads the tokens of the rest of the line (and of the following lines while a
    /// parenthesis is open), up to and including the end of line.
    fn line_tokens(
        &mut self,
        entry: &mut Entry<'a>,
        open_paren: &mut Option<(usize, usize)>,
    ) -> Result<(), LexError> {
        let text = self.text;
        let bytes = text.as_bytes();
        let line = self.line;
        let mut i = self.i;
        let error = |offset: usize, message: &str| LexError {
            line,
            offset,
            message: message.into(),
        };
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    self.line += 1;
                    self.i = i + 1;
                    return Ok(());
                }
                b' ' | b'\t' | b'\r' => i += 1,
                b';' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'(' => {
                    if open_paren.is_some() {
                        return Err(error(
                            i,
                            "a '(' inside parentheses; parentheses do not nest",
                        ));
                    }
                    *open_paren = Some((line, i));
                    i += 1;
                }
                b')' => {
                    if open_paren.take().is_none() {
                        return Err(error(i, "a ')' without a '(' before it"));
                    }
                    i += 1;
                }
                b'"' => {
                    let start = i;
                    i += 1;
                    loop {
                        match bytes.get(i) {
                            None | Some(b'\n') => {
                                return Err(error(
                                    start,
                                    "the quoted string that starts here is not closed on this line; add the closing '\"'",
                                ));
                            }
                            Some(b'\\') => i += 2,
                            Some(b'"') => break,
                            Some(_) => i += 1,
                        }
                    }
                    entry.tokens.push(Token {
                        raw: &text[start + 1..i],
                        quoted: true,
                        line,
                        offset: start,
                    });
                    i += 1;
                }
                _ => {
                    let start = i;
                    while i < bytes.len() {
                        match bytes[i] {
                            b'\\' if bytes.get(i + 1).is_some_and(|&b| b != b'\n') => i += 2,
                            b' ' | b'\t' | b'\r' | b'\n' | b';' | b'(' | b')' | b'"' => break,
                            _ => i += 1,
                        }
                    }
                    let end = i.min(bytes.len());
                    entry.tokens.push(Token {
                        raw: &text[start..end],
                        quoted: false,
                        line,
                        offset: start,
                    });
                }
            }
        }
        self.i = bytes.len();
        Ok(())
    }
}

/// The 1-based column (in characters) of byte `offset` in `text`.
pub(crate) fn column(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |p| p + 1);
    text[line_start..offset].chars().count() + 1
}

pub(crate) use crate::dns::charstring::unescape;

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(e: &Entry<'a>) -> Vec<&'a str> {
        e.tokens.iter().map(|t| t.raw).collect()
    }

    #[test]
    fn entries_join_parentheses_and_drop_comments() {
        let text = "; header\n$TTL 300\n@ IN SOA a. b. ( 1 ; serial\n  2 3 4 5 )\n  IN NS a.\n\nwww A 1.2.3.4 ; x\n";
        let e = entries(text).unwrap();
        assert_eq!(e.len(), 4);
        assert_eq!((e[0].line, texts(&e[0])), (2, vec!["$TTL", "300"]));
        assert_eq!(
            (e[1].line, texts(&e[1])),
            (
                3,
                vec!["@", "IN", "SOA", "a.", "b.", "1", "2", "3", "4", "5"]
            )
        );
        assert_eq!(e[1].tokens[6].line, 4);
        assert!(e[2].starts_blank && !e[1].starts_blank);
        assert_eq!((e[3].line, texts(&e[3])), (7, vec!["www", "A", "1.2.3.4"]));
    }

    #[test]
    fn quoted_strings_keep_blanks_and_escaped_quotes() {
        let e = entries("x TXT \"a b\" \"say \\\"hi\\\"\" c\\ d\n").unwrap();
        assert_eq!(
            texts(&e[0]),
            vec!["x", "TXT", "a b", "say \\\"hi\\\"", "c\\ d"]
        );
        assert!(e[0].tokens[2].quoted && !e[0].tokens[4].quoted);
        assert_eq!(unescape(e[0].tokens[3].raw).unwrap(), b"say \"hi\"");
        assert_eq!(unescape("c\\ d\\065\\255").unwrap(), b"c dA\xff");
    }

    #[test]
    fn annotations_are_entries() {
        let e = entries(";$ALIAS www A 60 d.example. Z1\n; plain\n").unwrap();
        assert_eq!(e.len(), 1);
        assert!(e[0].annotation);
        assert_eq!(
            texts(&e[0]),
            vec!["$ALIAS", "www", "A", "60", "d.example.", "Z1"]
        );
    }

    #[test]
    fn unbalanced_input_is_located() {
        let err = entries("a TXT \"open\nb A 1.2.3.4\n").unwrap_err();
        assert_eq!((err.line, column("a TXT \"open", err.offset)), (1, 7));
        let text = "x A 1.2.3.4\ny SOA ( a. b.\n 1 2 3 4 5\n";
        let err = entries(text).unwrap_err();
        assert_eq!((err.line, column(text, err.offset)), (2, 7));
        assert_eq!(entries("x A 1 )\n").unwrap_err().line, 1);
        assert_eq!(
            unescape("\\300").unwrap_err().to_string(),
            "the escape \\300 is not an octet; write \\000 to \\255"
        );
    }
}
