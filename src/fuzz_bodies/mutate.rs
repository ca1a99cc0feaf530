//! Deterministic mutations of seed inputs for the stable loop: byte flips, insertions of
//! tokens that decoders treat specially, deletions, repeats and splices with another seed.
//! A fixed seed gives the same inputs on every run, so a failure reproduces.

/// Tokens worth inserting: separators, escapes, quotes, huge numbers, non-ASCII, paths.
const TOKENS: [&str; 24] = [
    "\n",
    " ",
    "\t",
    ".",
    "..",
    "/",
    "\\",
    "\\000",
    "\\255",
    "\"",
    "(",
    ")",
    ";",
    "@",
    "*",
    "$ORIGIN ",
    "$TTL ",
    "18446744073709551615",
    "4294967295",
    "-1",
    "ü",
    "\u{feff}",
    "../../",
    "\0",
];

/// xorshift64*: small, seeded, good enough to pick mutations.
pub struct Mutator(u64);

impl Mutator {
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// `input` with one to four mutations; `other` is spliced in by one of them.
    pub fn mutate(&mut self, input: &[u8], other: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        for _ in 0..=self.below(4) {
            let at = self.below(out.len() + 1);
            match self.below(6) {
                0 if !out.is_empty() => {
                    let i = self.below(out.len());
                    out[i] ^= 1 << self.below(7);
                }
                1 => {
                    let token = TOKENS[self.below(TOKENS.len())];
                    out.splice(at..at, token.bytes());
                }
                2 => {
                    let end = (at + 1 + self.below(16)).min(out.len());
                    out.drain(at.min(end)..end);
                }
                3 => {
                    let end = (at + 1 + self.below(32)).min(out.len());
                    let piece = out[at.min(end)..end].to_vec();
                    out.splice(at..at, piece);
                }
                4 if !other.is_empty() => {
                    let from = self.below(other.len());
                    let end = (from + 1 + self.below(64)).min(other.len());
                    out.splice(at..at, other[from..end].iter().copied());
                }
                _ => {
                    let digit = b'0' + self.below(10) as u8;
                    out.insert(at, digit);
                }
            }
        }
        out
    }
}
