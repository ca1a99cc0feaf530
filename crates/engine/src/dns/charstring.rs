//! Character strings (RFC 1035 section 3.3 `<character-string>`) in presentation text, byte
//! for byte: `\DDD` (decimal) and `\X` escapes read into octets, and octets written back as
//! BIND and dig print them (printable ASCII as is, `"` and `\` escaped, everything else
//! `\DDD`), so that reading what was written gives the same bytes. Also the splitting of a
//! one-line value into its fields (quoted strings and plain words).

use thiserror::Error;

/// Why presentation text does not read as octets.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CharStringError {
    #[error("a '\\' at the end of the text escapes nothing")]
    DanglingEscape,
    #[error("a '\\' before a character outside ASCII; write its octets as \\DDD")]
    EscapedNonAscii,
    #[error("the escape \"\\{0}\" needs three digits, such as \\032 for a space")]
    ShortEscape(String),
    #[error("the escape \\{0} is not an octet; write \\000 to \\255")]
    NotAnOctet(u32),
    #[error("a value must be on one line")]
    LineBreak,
    #[error("a value cannot hold parentheses outside quotes; put the text in double quotes")]
    Parenthesis,
    #[error("a quote is not closed")]
    OpenQuote,
}

/// Where a reader's error is a sentence (a zone file's, a record value's), this is its text.
impl From<CharStringError> for String {
    fn from(e: CharStringError) -> Self {
        e.to_string()
    }
}

/// Reads the escape at the start of `bytes` (which starts with `\`): the octet and how many
/// bytes of text it took. `\DDD` is the octet of decimal value DDD (000 to 255), `\X` is X.
pub fn escape(bytes: &[u8]) -> Result<(u8, usize), CharStringError> {
    debug_assert_eq!(bytes.first(), Some(&b'\\'));
    let Some(&next) = bytes.get(1) else {
        return Err(CharStringError::DanglingEscape);
    };
    if !next.is_ascii_digit() {
        if !next.is_ascii() {
            return Err(CharStringError::EscapedNonAscii);
        }
        return Ok((next, 2));
    }
    let digits = &bytes[1..bytes.len().min(4)];
    if digits.len() < 3 || !digits.iter().all(u8::is_ascii_digit) {
        let shown: String = digits
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| char::from(b))
            .collect();
        return Err(CharStringError::ShortEscape(shown));
    }
    let value = digits
        .iter()
        .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    let octet = u8::try_from(value).map_err(|_| CharStringError::NotAnOctet(value))?;
    Ok((octet, 4))
}

/// Decodes every escape of `raw` (text between quotes, or a plain word).
pub fn unescape(raw: &str) -> Result<Vec<u8>, CharStringError> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            let (octet, used) = escape(&bytes[i..])?;
            out.push(octet);
            i += used;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(out)
}

/// A `<character-string>` in double quotes, as BIND's `txt_totext` writes it: `"` and `\`
/// get a backslash, bytes below 0x20 or above 0x7e become `\DDD`, the rest (`;` included)
/// is written as is. [`unescape`] of what is between the quotes gives `bytes` back.
pub fn quoted(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => {
                out.push('\\');
                out.push(char::from(b'0' + b / 100));
                out.push(char::from(b'0' + b / 10 % 10));
                out.push(char::from(b'0' + b % 10));
            }
        }
    }
    out.push('"');
    out
}

/// One field of a value: a quoted string (without its quotes) or a plain word, escapes kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    pub raw: &'a str,
    pub quoted: bool,
}

impl Field<'_> {
    /// The field's octets, escapes decoded.
    pub fn bytes(&self) -> Result<Vec<u8>, CharStringError> {
        unescape(self.raw)
    }
}

/// Splits a one-line value into fields as a zone file's record data is split: blanks
/// separate fields, a quoted string is one field (blanks and `;` included), a backslash
/// escapes the next character. A value holds no comment, so `;` outside quotes is an
/// ordinary character; parentheses (which group lines in a zone file) and line breaks are
/// refused.
pub fn fields(value: &str) -> Result<Vec<Field<'_>>, CharStringError> {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' => i += 1,
            b'\n' | b'\r' => return Err(CharStringError::LineBreak),
            b'(' | b')' => return Err(CharStringError::Parenthesis),
            b'"' => {
                let start = i + 1;
                i = start;
                loop {
                    match bytes.get(i) {
                        None => return Err(CharStringError::OpenQuote),
                        Some(b'\n' | b'\r') => return Err(CharStringError::LineBreak),
                        Some(b'\\') => i += 2,
                        Some(b'"') => break,
                        Some(_) => i += 1,
                    }
                }
                out.push(Field {
                    raw: &value[start..i],
                    quoted: true,
                });
                i += 1;
            }
            _ => {
                let start = i;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'(' | b')' => break,
                        _ => i += 1,
                    }
                }
                let end = i.min(bytes.len());
                out.push(Field {
                    raw: &value[start..end],
                    quoted: false,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_octet_reads_back_from_its_quoted_form() {
        let all: Vec<u8> = (0..=255).collect();
        let text = quoted(&all);
        assert_eq!(unescape(&text[1..text.len() - 1]).unwrap(), all);
        assert_eq!(quoted("café".as_bytes()), "\"caf\\195\\169\"");
        assert_eq!(quoted(b"a\"b\\c;d"), "\"a\\\"b\\\\c;d\"");
    }

    #[test]
    fn escapes_are_decimal_and_checked() {
        assert_eq!(unescape("c\\ d\\065\\255\\000").unwrap(), b"c dA\xff\x00");
        assert_eq!(
            unescape("\\300").unwrap_err(),
            CharStringError::NotAnOctet(300)
        );
        assert_eq!(
            unescape("\\300").unwrap_err().to_string(),
            "the escape \\300 is not an octet; write \\000 to \\255"
        );
        assert_eq!(
            unescape("a\\12").unwrap_err().to_string(),
            "the escape \"\\12\" needs three digits, such as \\032 for a space"
        );
        assert_eq!(
            unescape("a\\").unwrap_err().to_string(),
            "a '\\' at the end of the text escapes nothing"
        );
    }

    #[test]
    fn fields_split_on_blanks_outside_quotes() {
        let f = fields("0 issue \"amazon.com; account=1\" a\\ b ;x").unwrap();
        let raw: Vec<(&str, bool)> = f.iter().map(|f| (f.raw, f.quoted)).collect();
        assert_eq!(
            raw,
            [
                ("0", false),
                ("issue", false),
                ("amazon.com; account=1", true),
                ("a\\ b", false),
                (";x", false)
            ]
        );
        assert_eq!(fields("\"\"").unwrap()[0].raw, "");
        assert_eq!(fields("\"open").unwrap_err(), CharStringError::OpenQuote);
        assert_eq!(fields("a (b)").unwrap_err(), CharStringError::Parenthesis);
        assert_eq!(fields("a\nb").unwrap_err(), CharStringError::LineBreak);
    }
}
