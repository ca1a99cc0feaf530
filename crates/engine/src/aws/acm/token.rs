//! The validation record ACM asks for: `_<32 hex>.<name>.` CNAME
//! `_<32 hex>.<10 letters>.acm-validations.aws.`. ACM creates it "specifically for your
//! domain and your account" and gives the same record to every later request for that name
//! in that account (AWS Certificate Manager User Guide, "DNS validation"); a wildcard shares
//! the record of the name under it, because the record is named after the domain without
//! its `*.` label. Here the tokens are derived from the scenario's seed, the account and the
//! name, so they are stable across requests and replays.

use hickory_proto::rr::Name;

use super::certificate::ResourceRecord;
use crate::aws::rng::{Rng, stable_hash};
use crate::dns::name::{parse_absolute, plain};

/// The domain ACM's validation values live under.
pub const VALIDATION_DOMAIN: &str = "acm-validations.aws.";

const HEX: &[u8] = b"0123456789abcdef";
const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";

/// The validation record for `domain` (a wildcard or not) requested in `account`, in a
/// scenario with `seed`.
pub fn validation_record(seed: u64, account: &str, domain: &str) -> ResourceRecord {
    let base = domain
        .strip_prefix("*.")
        .unwrap_or(domain)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let seed_text = seed.to_string();
    let mut rng = Rng::seeded(stable_hash(&["acm-validation", &seed_text, account, &base]));
    let name_token = rng.string(HEX, 32);
    let value_token = rng.string(HEX, 32);
    let letters = rng.string(LOWER, 10);
    ResourceRecord {
        name: parse_absolute(&format!("_{name_token}.{base}."))
            .expect("a checked domain with a 33-octet label is a name"),
        value: parse_absolute(&format!("_{value_token}.{letters}.{VALIDATION_DOMAIN}"))
            .expect("the validation value is a name"),
    }
}

/// Whether a CNAME target is the value ACM expects. ACM also accepts the value without its
/// leading underscore, for DNS providers that refuse underscores in values (User Guide,
/// "Troubleshoot DNS validation problems"); names compare without regard to case.
pub fn value_matches(expected: &Name, found: &Name) -> bool {
    let e = plain(&expected.to_lowercase());
    let f = plain(&found.to_lowercase());
    f == e || e.strip_prefix('_') == Some(f.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::name::n;

    #[test]
    fn the_record_has_acms_shape() {
        let r = validation_record(20_261_128, "222222222222", "*.api.example.com");
        let name = r.name.to_string();
        let value = r.value.to_string();
        let first = name.split('.').next().unwrap();
        assert_eq!(first.len(), 33);
        assert!(first.starts_with('_'));
        assert!(first[1..].bytes().all(|b| HEX.contains(&b)));
        assert!(name.ends_with(".api.example.com."), "{name}");
        let labels: Vec<&str> = value.split('.').collect();
        assert_eq!(labels.len(), 5, "{value}");
        assert_eq!(labels[0].len(), 33);
        assert!(labels[0][1..].bytes().all(|b| HEX.contains(&b)));
        assert_eq!(labels[1].len(), 10);
        assert!(labels[1].bytes().all(|b| b.is_ascii_lowercase()));
        assert_eq!(&labels[2..], ["acm-validations", "aws", ""]);
    }

    #[test]
    fn a_wildcard_shares_its_base_names_record_and_tokens_are_per_account_and_seed() {
        let wild = validation_record(1, "222222222222", "*.api.example.com");
        let base = validation_record(1, "222222222222", "API.example.com.");
        assert_eq!(wild, base);
        assert_ne!(
            wild,
            validation_record(1, "111111111111", "api.example.com")
        );
        assert_ne!(
            wild,
            validation_record(2, "222222222222", "api.example.com")
        );
        assert_ne!(
            wild,
            validation_record(1, "222222222222", "www.api.example.com")
        );
    }

    #[test]
    fn the_value_may_lose_its_underscore_but_nothing_else() {
        let e = n("_abc.xyz.acm-validations.aws.");
        assert!(value_matches(&e, &n("_ABC.xyz.acm-validations.aws")));
        assert!(value_matches(&e, &n("abc.xyz.acm-validations.aws.")));
        assert!(!value_matches(&e, &n("_abc.acm-validations.aws.")));
        assert!(!value_matches(
            &e,
            &n("_abc.xyz.acm-validations.aws.example.com.")
        ));
    }
}
