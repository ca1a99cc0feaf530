//! The bounds that make every resolution end, with the real resolvers' values they follow.

/// Limits on one resolution. Each one, when hit, ends the resolution with SERVFAIL and says
/// which limit it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Queries sent in one resolution, nested lookups included (BIND's
    /// `max-recursion-queries` is of this kind).
    pub max_queries: usize,
    /// How deep lookups of name-server addresses may nest (BIND: `max-recursion-depth` 7).
    pub max_depth: u8,
    /// CNAMEs followed in one chain (Unbound restarts a chain at most 8 to 11 times).
    pub max_cname: usize,
    /// Referrals followed in one lookup.
    pub max_referrals: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_queries: 50,
            max_depth: 7,
            max_cname: 11,
            max_referrals: 16,
        }
    }
}

impl Limits {
    /// The bounds of `dig +trace`, which are dig's own: it follows referrals until it has made
    /// 64 lookups (`dig::trace` says how that ends), and it looks up name-server addresses
    /// with the system resolver, outside its count. These bounds only keep the simulation
    /// finite past that point.
    pub fn dig_trace() -> Self {
        Self {
            max_queries: 400,
            max_referrals: 128,
            ..Self::default()
        }
    }
}

/// The longest a resolver keeps a negative answer, and the largest SOA TTL it hands out with
/// one (Unbound's `cache-max-negative-ttl`).
pub const NEGATIVE_TTL_CAP: u32 = 3600;
