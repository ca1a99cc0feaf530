//! Decoding of the three encodings record data is written in: base64 (RFC 4648, padded),
//! hex as hickory-proto reads TLSA, SMIMEA and SSHFP data (either case, blanks skipped) and
//! base32hex without padding (NSEC3 hashes). Each accepts exactly what the `data-encoding`
//! crate's decoder accepts and fails with the same error (kind and position): this is its
//! algorithm, specialised to these three and written out, because its one generic decoder is
//! about 28 KB of the web app's first module (BENCHMARKS.md). Its encoders are still used.

use data_encoding::{DecodeError, DecodeKind};

/// One encoding: bits per symbol and how each byte reads.
#[derive(Clone, Copy)]
pub struct Base {
    bit: usize,
    value: fn(u8) -> u8,
    pad: bool,
    check_trailing: bool,
    ignore: bool,
}

const INVALID: u8 = 128;
const IGNORE: u8 = 129;
const PADDING: u8 = 130;

/// `data_encoding::BASE64`.
pub const BASE64: Base = Base {
    bit: 6,
    value: |b| match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        b'=' => PADDING,
        _ => INVALID,
    },
    pad: true,
    check_trailing: true,
    ignore: false,
};

/// hickory-proto's `rr::rdata::sshfp::HEX`: lowercase symbols, uppercase read as lowercase,
/// space, tab, CR and LF skipped.
pub const HEX: Base = Base {
    bit: 4,
    value: |b| match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        b'A'..=b'F' => b - b'A' + 10,
        b' ' | b'\t' | b'\r' | b'\n' => IGNORE,
        _ => INVALID,
    },
    pad: false,
    check_trailing: true,
    ignore: true,
};

/// `data_encoding::BASE32HEX_NOPAD`.
pub const BASE32HEX_NOPAD: Base = Base {
    bit: 5,
    value: |b| match b {
        b'0'..=b'9' => b - b'0',
        b'A'..=b'V' => b - b'A' + 10,
        _ => INVALID,
    },
    pad: false,
    check_trailing: true,
    ignore: false,
};

fn error(position: usize, kind: DecodeKind) -> DecodeError {
    DecodeError { position, kind }
}

/// A failure part-way: what was decoded before it, and the error.
struct Partial {
    read: usize,
    written: usize,
    error: DecodeError,
}

impl Base {
    /// Bytes per block.
    fn enc(&self) -> usize {
        match self.bit {
            4 => 1,
            6 => 3,
            _ => 5,
        }
    }

    /// Symbols per block.
    fn dec(&self) -> usize {
        self.enc() * 8 / self.bit
    }

    /// The decoded bytes of `input`, or data-encoding's error.
    pub fn decode(&self, input: &[u8]) -> Result<Vec<u8>, DecodeError> {
        let (ilen, olen) = self.wrap_len(input.len());
        if !self.ignore && ilen != input.len() {
            return Err(error(ilen, DecodeKind::Length));
        }
        let mut output = vec![0u8; olen];
        let len = self.decode_wrap(input, &mut output).map_err(|p| p.error)?;
        output.truncate(len);
        Ok(output)
    }

    fn wrap_len(&self, len: usize) -> (usize, usize) {
        if self.pad {
            (len / self.dec() * self.dec(), len / self.dec() * self.enc())
        } else {
            let trail = self.bit * len % 8;
            (len - trail / self.bit, self.bit * len / 8)
        }
    }

    fn pad_len(&self, len: usize) -> Result<usize, DecodeError> {
        let (ilen, olen) = self.wrap_len(len);
        if ilen != len {
            return Err(error(ilen, DecodeKind::Length));
        }
        Ok(olen)
    }

    fn base_len(&self, len: usize) -> Result<usize, DecodeError> {
        let unpadded = Base {
            pad: false,
            ..*self
        };
        unpadded.pad_len(len)
    }

    /// One block (or the last, shorter one); the index of the first byte that is no symbol.
    fn block(&self, input: &[u8], output: &mut [u8]) -> Result<(), usize> {
        let mut x = 0u64;
        for (j, &b) in input.iter().enumerate() {
            let y = (self.value)(b);
            if y >= 1 << self.bit {
                return Err(j);
            }
            x |= u64::from(y) << (self.bit * (self.dec() - 1 - j));
        }
        for (j, out) in output.iter_mut().enumerate() {
            *out = ((x >> (8 * (self.enc() - 1 - j))) & 0xff) as u8;
        }
        Ok(())
    }

    fn blocks(&self, input: &[u8], output: &mut [u8]) -> Result<(), usize> {
        let (dec, enc) = (self.dec(), self.enc());
        let n = input.len() / dec;
        for i in 0..n {
            self.block(
                &input[dec * i..dec * (i + 1)],
                &mut output[enc * i..enc * (i + 1)],
            )
            .map_err(|e| dec * i + e)?;
        }
        self.block(&input[dec * n..], &mut output[enc * n..])
            .map_err(|e| dec * n + e)
    }

    fn trailing_ok(&self, input: &[u8]) -> bool {
        if 8 % self.bit == 0 || !self.check_trailing {
            return true;
        }
        let trail = self.bit * input.len() % 8;
        if trail == 0 {
            return true;
        }
        (self.value)(input[input.len() - 1]) & ((1 << trail) - 1) == 0
    }

    fn decode_base(&self, input: &[u8], output: &mut [u8]) -> Result<usize, Partial> {
        let (dec, enc) = (self.dec(), self.enc());
        let fail = |pos: usize, kind| Partial {
            read: pos / dec * dec,
            written: pos / dec * enc,
            error: error(pos, kind),
        };
        self.blocks(input, output)
            .map_err(|pos| fail(pos, DecodeKind::Symbol))?;
        if !self.trailing_ok(input) {
            return Err(fail(input.len() - 1, DecodeKind::Trailing));
        }
        Ok(output.len())
    }

    /// The length of a padded block without its padding, or where its padding is wrong.
    fn check_pad(&self, input: &[u8]) -> Result<usize, usize> {
        let count = input
            .iter()
            .rev()
            .take_while(|&&b| (self.value)(b) == PADDING)
            .count();
        let len = input.len() - count;
        if len > 0 && self.bit * len % 8 < self.bit {
            Ok(len)
        } else {
            Err(len)
        }
    }

    fn decode_pad(&self, input: &[u8], output: &mut [u8]) -> Result<usize, Partial> {
        if !self.pad {
            return self.decode_base(input, output);
        }
        let (dec, enc) = (self.dec(), self.enc());
        let (mut inpos, mut outpos, mut outend) = (0, 0, output.len());
        while inpos < input.len() {
            match self.decode_base(&input[inpos..], &mut output[outpos..outend]) {
                Ok(_) => break,
                Err(partial) => {
                    inpos += partial.read;
                    outpos += partial.written;
                }
            }
            let inlen = self
                .check_pad(&input[inpos..inpos + dec])
                .map_err(|pos| Partial {
                    read: inpos,
                    written: outpos,
                    error: error(inpos + pos, DecodeKind::Padding),
                })?;
            let outlen = self.base_len(inlen).expect("a checked padding");
            let written = self
                .decode_base(
                    &input[inpos..inpos + inlen],
                    &mut output[outpos..outpos + outlen],
                )
                .map_err(|partial| Partial {
                    read: inpos,
                    written: outpos,
                    error: error(inpos + partial.error.position, partial.error.kind),
                })?;
            inpos += dec;
            outpos += written;
            outend -= enc - outlen;
        }
        Ok(outend)
    }

    fn skip_ignore(&self, input: &[u8], mut inpos: usize) -> usize {
        while inpos < input.len() && (self.value)(input[inpos]) == IGNORE {
            inpos += 1;
        }
        inpos
    }

    fn decode_wrap_block(
        &self,
        input: &[u8],
        output: &mut [u8],
    ) -> Result<(usize, usize), DecodeError> {
        let dec = self.dec();
        let mut buf = [0u8; 8];
        let mut shift = [0usize; 8];
        let (mut bufpos, mut inpos) = (0, 0);
        while bufpos < dec {
            inpos = self.skip_ignore(input, inpos);
            if inpos == input.len() {
                break;
            }
            shift[bufpos] = inpos;
            buf[bufpos] = input[inpos];
            bufpos += 1;
            inpos += 1;
        }
        let olen = self
            .pad_len(bufpos)
            .map_err(|e| error(shift[e.position], e.kind))?;
        let written = self
            .decode_pad(&buf[..bufpos], &mut output[..olen])
            .map_err(|p| error(shift[p.error.position], p.error.kind))?;
        Ok((inpos, written))
    }

    fn decode_wrap(&self, input: &[u8], output: &mut [u8]) -> Result<usize, Partial> {
        if !self.ignore {
            return self.decode_pad(input, output);
        }
        let (mut inpos, mut outpos) = (0, 0);
        while inpos < input.len() {
            let (inlen, outlen) = self.wrap_len(input.len() - inpos);
            match self.decode_pad(
                &input[inpos..inpos + inlen],
                &mut output[outpos..outpos + outlen],
            ) {
                Ok(written) => {
                    inpos += inlen;
                    outpos += written;
                    break;
                }
                Err(partial) => {
                    inpos += partial.read;
                    outpos += partial.written;
                }
            }
            let (ipos, opos) = self
                .decode_wrap_block(&input[inpos..], &mut output[outpos..])
                .map_err(|mut e| {
                    e.position += inpos;
                    Partial {
                        read: inpos,
                        written: outpos,
                        error: e,
                    }
                })?;
            inpos += ipos;
            outpos += opos;
        }
        let inpos = self.skip_ignore(input, inpos);
        if inpos == input.len() {
            Ok(outpos)
        } else {
            Err(Partial {
                read: inpos,
                written: outpos,
                error: error(inpos, DecodeKind::Length),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn same(
        ours: Base,
        theirs: &data_encoding::Encoding,
        input: &[u8],
    ) -> Result<(), TestCaseError> {
        prop_assert_eq!(
            ours.decode(input),
            theirs.decode(input),
            "{:?}",
            String::from_utf8_lossy(input)
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn base64_decodes_as_data_encoding(input in "[AQgw09+/=!a ]{0,14}") {
            same(BASE64, &data_encoding::BASE64, input.as_bytes())?;
        }

        #[test]
        fn hex_decodes_as_hickorys(input in "[0-9a-fA-F \\t\\rgx]{0,11}") {
            same(HEX, &hickory_proto::rr::rdata::sshfp::HEX, input.as_bytes())?;
        }

        #[test]
        fn base32hex_decodes_as_data_encoding(input in "[0-9A-VWa=]{0,19}") {
            same(BASE32HEX_NOPAD, &data_encoding::BASE32HEX_NOPAD, input.as_bytes())?;
        }
    }

    #[test]
    fn decodes_long_inputs() {
        let bytes: Vec<u8> = (0..=255).collect();
        let b64 = data_encoding::BASE64.encode(&bytes);
        assert_eq!(BASE64.decode(b64.as_bytes()), Ok(bytes.clone()));
        let hex = data_encoding::HEXUPPER.encode(&bytes);
        assert_eq!(HEX.decode(hex.as_bytes()), Ok(bytes.clone()));
        let b32 = data_encoding::BASE32HEX_NOPAD.encode(&bytes);
        assert_eq!(BASE32HEX_NOPAD.decode(b32.as_bytes()), Ok(bytes));
    }
}
