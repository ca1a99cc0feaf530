//! Record data of the types the engine's own readers leave to hickory-proto (CERT, CSYNC,
//! OPENPGPKEY, SMIMEA, SSHFP, SVCB, HTTPS, TLSA; and the refusals of KEY, SIG, NULL, DNAME
//! and the like), read from one line as hickory-proto 0.26's zone-file parser reads a
//! record's data: the same tokens ([`lex`]), the same values and the same error messages.
//!
//! Why a port and not a call: hickory's `Parser` brings its whole zone-file reader, IDNA and
//! every type's text reader into the web app's first module (about 24 KB of compressed wasm,
//! see BENCHMARKS.md), for values no form edits. The zone-file import keeps hickory's parser
//! (in its own lazily loaded module). `tests` compares the two on many generated values.
//!
//! Where this differs from hickory on purpose, each refused with a message:
//! - a type whose name is also a class (`ANY`): hickory reads it as the class and the
//!   value's first word as the type;
//! - an SVCB or HTTPS target other than `.`: [`rrset`](super::rrset) reads the target with
//!   the engine's name parser and hands `.` in its place; only a quoted target comes here,
//!   which hickory reads through IDNA;
//! - a parameter value of a lone `"`, and an `alpn` item that is not a word: hickory
//!   panics on both.

mod error;
pub mod lex;
mod svcb;
mod types;

#[cfg(test)]
mod tests;

use std::str::FromStr;

use hickory_proto::ProtoError;
use hickory_proto::rr::{DNSClass, RData, RecordType};

pub use error::RecordValueError;
use lex::{Lexer, Token};

/// Reads `data`, the record data of one line (the part after the type), as hickory's
/// zone-file parser reads it with the root as origin.
pub fn read(rtype: RecordType, data: &str) -> Result<RData, RecordValueError> {
    // The parser reads the type from its text, uppercased: a class name is a class.
    let upper = rtype.to_string().to_ascii_uppercase();
    if DNSClass::from_str(&upper).is_ok() {
        return Err(RecordValueError::QueryType { rtype: upper });
    }
    let rtype = RecordType::from_str(&upper).map_err(ProtoError::from)?;
    let line = format!("{data}\n");
    let mut lexer = Lexer::new(&line);
    let mut parts: Vec<String> = Vec::new();
    loop {
        match lexer.next_token()? {
            Some(Token::CharData(word)) => parts.push(word),
            Some(Token::List(words)) => parts.extend(words),
            Some(Token::Eol) | None => break,
            Some(other) => {
                return Err(RecordValueError::UnrecognizedToken(other.debug_name()));
            }
        }
    }
    let tokens = parts.iter().map(String::as_str);
    Ok(match rtype {
        RecordType::CERT => RData::CERT(types::cert(tokens)?),
        RecordType::CSYNC => RData::CSYNC(types::csync(tokens)?),
        RecordType::HTTPS => RData::HTTPS(hickory_proto::rr::rdata::HTTPS(svcb::read(tokens)?)),
        RecordType::OPENPGPKEY => RData::OPENPGPKEY(types::openpgpkey(tokens)?),
        RecordType::SMIMEA => RData::SMIMEA(hickory_proto::rr::rdata::SMIMEA(types::tlsa(tokens)?)),
        RecordType::SSHFP => RData::SSHFP(types::sshfp(tokens)?),
        RecordType::SVCB => RData::SVCB(svcb::read(tokens)?),
        RecordType::TLSA => RData::TLSA(types::tlsa(tokens)?),
        #[allow(deprecated)]
        RecordType::ZERO => RData::ZERO,
        other => return Err(refusal(other)),
    })
}

/// What hickory's parser says for a type it does not read (the engine reads the others
/// before they come here).
fn refusal(rtype: RecordType) -> RecordValueError {
    match rtype {
        RecordType::AXFR | RecordType::IXFR | RecordType::OPT | RecordType::SIG => {
            RecordValueError::Senseless(rtype)
        }
        RecordType::NULL => RecordValueError::Null,
        RecordType::TSIG => RecordValueError::Tsig,
        RecordType::KEY
        | RecordType::DNSKEY
        | RecordType::CDNSKEY
        | RecordType::DS
        | RecordType::CDS
        | RecordType::NSEC
        | RecordType::NSEC3
        | RecordType::NSEC3PARAM
        | RecordType::RRSIG => RecordValueError::Generated(rtype),
        other => RecordValueError::UnsupportedType(other),
    }
}

/// A number as hickory reads one (its `ParseError::ParseInt`).
fn number<T: FromStr<Err = std::num::ParseIntError>>(text: &str) -> Result<T, RecordValueError> {
    Ok(text.parse::<T>()?)
}
