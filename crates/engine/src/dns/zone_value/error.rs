//! Why record data read by [`read`](super::read) was refused: hickory-proto's `ParseError`
//! texts, word for word (the port's tests compare them with hickory's), and the refusals
//! that are the port's own (see the module's documentation).

use std::net::AddrParseError;
use std::num::ParseIntError;

use hickory_proto::ProtoError;
use hickory_proto::rr::RecordType;
use thiserror::Error;

use super::lex::LexError;

/// Why a value was refused.
#[derive(Debug, Error)]
pub enum RecordValueError {
    /// A type whose name is also a class (`ANY`).
    #[error("{rtype} is a query type: a record set of this type cannot hold values")]
    QueryType { rtype: String },
    #[error("proto error: {0}")]
    Proto(#[from] ProtoError),
    #[error("lexer error: {0}")]
    Lex(#[from] LexError),
    #[error("unrecognized token in stream: {0}")]
    UnrecognizedToken(String),
    #[error("error parsing number: {0}")]
    Number(#[from] ParseIntError),
    #[error("data encoding error: {0}")]
    Encoding(#[from] data_encoding::DecodeError),
    #[error("network address parse error: {0}")]
    Address(#[from] AddrParseError),
    /// A field the data needs is not there (hickory's own sentence for each).
    #[error("{0}")]
    Missing(&'static str),
    #[error("too many fields for {0}")]
    TooManyFields(&'static str),
    /// A CERT number field (`cert_type`, `key_tag`, `algorithm`) that is not a number.
    #[error("Invalid digit found in {0} token")]
    CertDigit(&'static str),
    #[error("Invalid base64 CERT data")]
    CertData,
    #[error("the target name \"{0}\" cannot be read here: write it without quotes")]
    QuotedTarget(String),
    #[error("the value of {0} is a lone quote")]
    LoneQuote(String),
    #[error("an alpn item cannot be read: {0}")]
    Alpn(#[source] Box<RecordValueError>),
    #[error("no value expected for NoDefaultAlpn")]
    NoDefaultAlpnValue,
    #[error("expected character data")]
    NotCharData,
    #[error("Bad Key type or unsupported, see generic key option, e.g. key1234")]
    BadKey,
    /// Types hickory's parser does not read.
    #[error("parsing {0} doesn't make sense")]
    Senseless(RecordType),
    #[error("parse is not implemented for NULL record")]
    Null,
    #[error("TSIG is only used during AXFR")]
    Tsig,
    #[error("{0} should be dynamically generated")]
    Generated(RecordType),
    #[error("unsupported RecordType: {0}")]
    UnsupportedType(RecordType),
}
