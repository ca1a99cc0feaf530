//! A ZIP archive of several text files (the export dialog's "Download all"): one file a
//! browser saves in one go, where many downloads would each ask. Entries are compressed
//! with DEFLATE (`miniz_oxide`) when that makes them smaller, else stored. CRC-32 is the
//! byte-at-a-time table version here (1 KB of table): `crc32fast` carries a 16 KB table into
//! the wasm for speed this export does not need; the tests check both agree. Names are UTF-8
//! (flag bit 11) and may hold `/` for folders, never `..` or a leading `/`. Every entry is
//! dated 1980-01-01 00:00, the earliest DOS time: the engine never reads the clock, and the
//! same scenario then gives the same bytes.

use crate::scenario::file_name::relative_path;

/// DOS date of 1980-01-01 (year 0 from 1980, month 1, day 1); the time is 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
const UTF8_NAMES: u16 = 1 << 11;
const VERSION: u16 = 20;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// CRC-32 (IEEE 802.3, reflected, as ZIP and gzip use it), one table of 256 entries.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The CRC-32 of `data`.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
    })
}

/// The archive of `files` (name, contents), in their order. Each name is made a safe
/// relative path first (`scenario::file_name::relative_path`): no entry can be extracted
/// outside the folder it is unpacked into ("zip slip").
pub fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let name = &relative_path(name);
        let crc = crc32(data);
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 9);
        let (method, body) = if deflated.len() < data.len() {
            (DEFLATED, deflated.as_slice())
        } else {
            (STORED, data.as_slice())
        };
        let offset = out.len() as u32;
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        put_common(&mut out, method, crc, body.len(), data.len(), name);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body);
        // Its central directory entry.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, VERSION); // made by
        put_common(&mut central, method, crc, body.len(), data.len(), name);
        put16(&mut central, 0); // extra field length
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // the disk the directory starts on
    put16(&mut out, files.len() as u16);
    put16(&mut out, files.len() as u16);
    put32(&mut out, central.len() as u32);
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    out
}

/// The fields a local header and a central entry share, from "version needed" to the name's
/// length.
fn put_common(out: &mut Vec<u8>, method: u16, crc: u32, size: usize, raw: usize, name: &str) {
    put16(out, VERSION);
    put16(out, UTF8_NAMES);
    put16(out, method);
    put16(out, DOS_TIME);
    put16(out, DOS_DATE);
    put32(out, crc);
    put32(out, size as u32);
    put32(out, raw as u32);
    put16(out, name.len() as u16);
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u16_at(b: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([b[at], b[at + 1]])
    }

    fn u32_at(b: &[u8], at: usize) -> u32 {
        u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
    }

    /// Reads an archive back through its central directory, as unzip does.
    fn unzip(b: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = b.len() - 22;
        assert_eq!(u32_at(b, end), 0x0605_4b50, "end of central directory");
        let count = u16_at(b, end + 10) as usize;
        let mut at = u32_at(b, end + 16) as usize;
        assert_eq!(
            at + u32_at(b, end + 12) as usize,
            end,
            "directory size and offset"
        );
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(b, at), 0x0201_4b50);
            assert_eq!(u16_at(b, at + 8), UTF8_NAMES);
            let method = u16_at(b, at + 10);
            let (crc, size, raw) = (u32_at(b, at + 16), u32_at(b, at + 20), u32_at(b, at + 24));
            let name_len = u16_at(b, at + 28) as usize;
            let local = u32_at(b, at + 42) as usize;
            let name = String::from_utf8(b[at + 46..at + 46 + name_len].to_vec()).unwrap();
            at += 46 + name_len;
            // The local header says the same.
            assert_eq!(u32_at(b, local), 0x0403_4b50);
            assert_eq!(u32_at(b, local + 14), crc);
            assert_eq!(&b[local + 30..local + 30 + name_len], name.as_bytes());
            let start = local + 30 + name_len + u16_at(b, local + 28) as usize;
            let body = &b[start..start + size as usize];
            let data = match method {
                DEFLATED => miniz_oxide::inflate::decompress_to_vec(body).unwrap(),
                STORED => body.to_vec(),
                m => panic!("method {m}"),
            };
            assert_eq!(data.len(), raw as usize);
            assert_eq!(crc32(&data), crc);
            files.push((name, data));
        }
        files
    }

    #[test]
    fn crc_32_is_the_standard_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        // The same as crc32fast's on bytes of every value and odd lengths.
        let bytes: Vec<u8> = (0..5000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        for len in [1, 3, 255, 256, 1000, 4999] {
            assert_eq!(
                crc32(&bytes[..len]),
                crc32fast::hash(&bytes[..len]),
                "length {len}"
            );
        }
    }

    #[test]
    fn files_come_back_with_their_names_and_bytes() {
        let zone = "$ORIGIN example.com.\n@ 300 IN A 192.0.2.1\n".repeat(40);
        let files = vec![
            ("topology.json".to_string(), b"{\"zones\": []}".to_vec()),
            ("zones/example.com.zone".to_string(), zone.into_bytes()),
            ("empty.txt".to_string(), Vec::new()),
        ];
        let archive = zip(&files);
        assert_eq!(&archive[..4], b"PK\x03\x04");
        assert_eq!(unzip(&archive), files);
        // The repetitive zone file is deflated; the tiny JSON is stored.
        let methods: Vec<u16> = [0usize, 1]
            .iter()
            .map(|i| {
                let mut at = 0;
                for _ in 0..*i {
                    let name_len = u16_at(&archive, at + 26) as usize;
                    at += 30 + name_len + u32_at(&archive, at + 18) as usize;
                }
                u16_at(&archive, at + 8)
            })
            .collect();
        assert_eq!(methods, [STORED, DEFLATED]);
        // Dated 1980-01-01 00:00, so the same files give the same bytes.
        assert_eq!((u16_at(&archive, 10), u16_at(&archive, 12)), (0, 0x21));
        assert_eq!(zip(&files), archive);
    }

    #[test]
    fn no_files_is_an_empty_archive() {
        let archive = zip(&[]);
        assert_eq!(archive.len(), 22);
        assert!(unzip(&archive).is_empty());
    }
}
