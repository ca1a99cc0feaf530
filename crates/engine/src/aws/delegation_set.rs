//! Route 53 delegation sets: four name servers, one each under `.com`, `.net`, `.org` and
//! `.co.uk`, named `ns-N.awsdns-NN.<tld>`. Observed numbering (every public sample fits it):
//! `.com` N 0–511, `.net` 512–1023, `.org` 1024–1535, `.co.uk` 1536–2047, NN = (N mod 512) / 8;
//! the server's address is 205.251.192.0 + N (ns-0.awsdns-00.com is 205.251.192.0,
//! ns-1536.awsdns-00.co.uk is 205.251.198.0).

use std::net::Ipv4Addr;

use hickory_proto::rr::Name;

use super::rng::Rng;
use crate::dns::name;

/// The four top-level domains of a delegation set, with the first N of each range.
pub const TLDS: [(&str, u16); 4] = [("com", 0), ("net", 512), ("org", 1024), ("co.uk", 1536)];

/// The host name of Route 53 server number `n` (0–2047).
pub fn server_name(n: u16) -> Name {
    let (tld, base) = TLDS[usize::from(n / 512).min(3)];
    let nn = (n - base) / 8;
    name::n(&format!("ns-{n}.awsdns-{nn:02}.{tld}."))
}

/// The domain that holds the host name of server `n`, e.g. `awsdns-15.com.`.
pub fn server_domain(n: u16) -> Name {
    server_name(n).base_name()
}

/// The address of server `n`.
pub fn server_ip(n: u16) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(Ipv4Addr::new(205, 251, 192, 0)) + u32::from(n))
}

/// The number N of a Route 53 server name, if the name has the `ns-N.awsdns-NN.<tld>` form
/// with a consistent NN and range.
pub fn server_number(host: &Name) -> Option<u16> {
    let text = host.to_lowercase().to_string();
    let rest = text.strip_prefix("ns-")?;
    let (n, rest) = rest.split_once(".awsdns-")?;
    let n: u16 = n.parse().ok()?;
    if n > 2047 || server_name(n).to_lowercase().to_string() != format!("ns-{n}.awsdns-{rest}") {
        return None;
    }
    Some(n)
}

/// How many random draws per range look for a server that is neither `taken` nor `retired`
/// before the choice is made among the servers left (so a crowded range costs no more).
const RANDOM_TRIES: usize = 64;

/// Draws a delegation set: one random server in each range. It avoids `taken` (servers
/// that already host a zone of the same name: Route 53 never puts two zones of one name on
/// one server) and `retired` (sets this name had before: a recreated zone gets new name
/// servers). Route 53's pool is finite (2048 servers, 512 a range) and its servers are
/// shared by many zones, so when every server of a range is avoided, a retired one is
/// reused, and when every one is taken, any one is. Always terminates; the same generator
/// state gives the same set.
pub fn draw(rng: &mut Rng, taken: &[u16], retired: &[u16]) -> [u16; 4] {
    let mut is_taken = [false; 2048];
    let mut is_retired = [false; 2048];
    for &n in taken.iter().filter(|&&n| n < 2048) {
        is_taken[usize::from(n)] = true;
    }
    for &n in retired.iter().filter(|&&n| n < 2048) {
        is_retired[usize::from(n)] = true;
    }
    let fresh = |n: u16| !is_taken[usize::from(n)] && !is_retired[usize::from(n)];
    let mut set = [0u16; 4];
    for (i, (_, base)) in TLDS.iter().enumerate() {
        let range = *base..base + 512;
        let drawn = (0..RANDOM_TRIES)
            .map(|_| base + rng.below(512) as u16)
            .find(|&n| fresh(n));
        set[i] = drawn.unwrap_or_else(|| {
            let fresh: Vec<u16> = range.clone().filter(|&n| fresh(n)).collect();
            let free: Vec<u16> = range
                .clone()
                .filter(|&n| !is_taken[usize::from(n)])
                .collect();
            let pool = if !fresh.is_empty() { fresh } else { free };
            match pool.len() {
                0 => base + rng.below(512) as u16,
                len => pool[rng.below(len as u64) as usize],
            }
        });
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_follows_the_observed_pattern() {
        assert_eq!(server_name(0).to_string(), "ns-0.awsdns-00.com.");
        assert_eq!(server_name(123).to_string(), "ns-123.awsdns-15.com.");
        assert_eq!(server_name(600).to_string(), "ns-600.awsdns-11.net.");
        assert_eq!(server_name(1100).to_string(), "ns-1100.awsdns-09.org.");
        assert_eq!(server_name(2047).to_string(), "ns-2047.awsdns-63.co.uk.");
        assert_eq!(server_ip(0), Ipv4Addr::new(205, 251, 192, 0));
        assert_eq!(server_ip(1536), Ipv4Addr::new(205, 251, 198, 0));
        assert_eq!(server_ip(2047), Ipv4Addr::new(205, 251, 199, 255));
    }

    #[test]
    fn numbers_are_read_back_only_from_consistent_names() {
        assert_eq!(server_number(&name::n("ns-600.awsdns-11.net")), Some(600));
        assert_eq!(
            server_number(&name::n("ns-123.awsdns-45.com")),
            None,
            "the article's example is not a real pattern"
        );
        assert_eq!(server_number(&name::n("a.gtld-servers.net")), None);
    }

    #[test]
    fn a_drawn_set_has_one_server_per_tld_and_avoids() {
        let mut rng = Rng::seeded(7);
        let set = draw(&mut rng, &[], &[]);
        for (i, (_, base)) in TLDS.iter().enumerate() {
            assert!((*base..base + 512).contains(&set[i]));
        }
        let again = draw(&mut Rng::seeded(7), &set, &[]);
        assert!(again.iter().all(|n| !set.contains(n)));
        let again = draw(&mut Rng::seeded(7), &[], &set);
        assert!(again.iter().all(|n| !set.contains(n)));
    }

    #[test]
    fn a_range_whose_servers_are_all_retired_reuses_one_and_never_hangs() {
        // What a share link with retired sets covering the .com range did: loop for ever.
        let retired: Vec<u16> = (0..512).chain([600, 1100]).collect();
        let set = draw(&mut Rng::seeded(3), &[], &retired);
        assert!(set[0] < 512, "a retired .com server is reused: {set:?}");
        assert!(!retired.contains(&set[1]) && !retired.contains(&set[2]));
        assert_eq!(
            set,
            draw(&mut Rng::seeded(3), &[], &retired),
            "deterministic"
        );
    }

    #[test]
    fn taken_servers_are_avoided_before_retired_ones() {
        let taken: Vec<u16> = (0..511).collect();
        let retired: Vec<u16> = (0..2048).collect();
        let set = draw(&mut Rng::seeded(9), &taken, &retired);
        assert_eq!(set[0], 511, "the one .com server not taken, though retired");
        let every: Vec<u16> = (0..2048).collect();
        let set = draw(&mut Rng::seeded(9), &every, &every);
        for (i, (_, base)) in TLDS.iter().enumerate() {
            assert!((*base..base + 512).contains(&set[i]), "{set:?}");
        }
    }
}
