//! Addresses for Route 53 alias targets, which a listing does not carry: an alias names an
//! AWS resource (a CloudFront distribution, a load balancer), and the simulation has no such
//! resources. Each target gets a fixed documentation address (RFC 5737 `192.0.2.0/24` or
//! `198.51.100.0/24`, RFC 3849 `2001:db8::/32`) derived from a hash of its DNS name, so the
//! same target always answers with the same address, in every import and every browser.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use hickory_proto::rr::{Name, RecordType};

use crate::aws::rng::stable_hash;

/// The address the simulation gives alias target `dns_name` for an `rtype` (A or AAAA) set.
pub fn documentation_address(dns_name: &Name, rtype: RecordType) -> IpAddr {
    let text = dns_name.to_lowercase().to_string();
    let h = stable_hash(&["alias-target", &text]);
    let host = 1 + (h >> 8) % 254;
    if rtype == RecordType::AAAA {
        let low = (h >> 16) as u16;
        return IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0xa11a, 0, 0, 0, 0, low.max(1)));
    }
    let host = host as u8;
    IpAddr::V4(if h & 1 == 0 {
        Ipv4Addr::new(192, 0, 2, host)
    } else {
        Ipv4Addr::new(198, 51, 100, host)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;

    #[test]
    fn addresses_are_documentation_addresses_and_stable() {
        let a = documentation_address(&n("d111111abcdef8.cloudfront.net"), RecordType::A);
        assert_eq!(
            a,
            documentation_address(&n("D111111ABCDEF8.cloudfront.net."), RecordType::A)
        );
        let IpAddr::V4(v4) = a else { panic!("{a}") };
        let o = v4.octets();
        assert!(
            matches!((o[0], o[1], o[2]), (192, 0, 2) | (198, 51, 100)),
            "{a}"
        );
        assert!((1..=254).contains(&o[3]));
        let IpAddr::V6(v6) = documentation_address(&n("x.elb.amazonaws.com"), RecordType::AAAA)
        else {
            panic!()
        };
        assert_eq!(&v6.segments()[..3], &[0x2001, 0xdb8, 0xa11a]);
        // Both documentation blocks are used.
        let blocks: std::collections::BTreeSet<u8> = (0..20)
            .map(
                |i| match documentation_address(&n(&format!("t{i}.example")), RecordType::A) {
                    IpAddr::V4(v) => v.octets()[0],
                    IpAddr::V6(_) => 0,
                },
            )
            .collect();
        assert_eq!(blocks.into_iter().collect::<Vec<_>>(), vec![192, 198]);
    }
}
