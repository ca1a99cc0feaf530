//! The DNS model: names, record sets, zones, name servers and the world that holds them;
//! authoritative answers; resolution as a list of steps; and dig's text.

pub mod answer;
pub mod base_decode;
pub mod canon;
pub mod charstring;
pub mod dig;
pub mod dnssec;
pub mod duration;
pub mod internet;
pub mod name;
pub mod rdata_read;
pub mod reads;
pub mod resolve;
pub mod rrset;
pub mod rtype;
pub mod server;
pub mod transport;
pub mod world;
pub mod world_index;
pub mod zone;
pub mod zone_value;

pub use answer::{Question, Reply, ReplyKind, ask};
pub use name::{n, parse_absolute};
pub use rrset::RecordSet;
pub use server::{NameServer, Software};
pub use world::World;
pub use zone::Zone;

/// Serde for a record type as its mnemonic (`"A"`, `"CNAME"`).
pub mod rtype_serde {
    use hickory_proto::rr::RecordType;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &RecordType, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::rtype::type_mnemonic(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<RecordType, D::Error> {
        let text = String::deserialize(d)?;
        super::rtype::parse_type_mnemonic(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown record type \"{text}\"")))
    }
}
