//! Test helpers: a record from one line of zone-file text, parsed by hickory's zone parser
//! (independent of the code under test).

use hickory_proto::rr::{Name, Record};
use hickory_proto::serialize::txt::Parser;

/// The single record of `line` (`owner ttl class type data`, names absolute).
pub fn rec(line: &str) -> Record {
    let (_, sets) = Parser::new(format!("{line}\n"), None, Some(Name::root()))
        .parse()
        .unwrap_or_else(|e| panic!("cannot parse {line:?}: {e}"));
    let set = sets.into_values().next().expect("one record set");
    set.records_without_rrsigs()
        .next()
        .expect("one record")
        .clone()
}
