//! The OPT PSEUDOSECTION dig prints for a message with EDNS:
//!
//! ```text
//! ;; OPT PSEUDOSECTION:
//! ; EDNS: version: 0, flags:; udp: 1232
//! ; COOKIE: f19a9607835a72c5010000006b0aba77838eb94e854ecd97 (good)
//! ```
//!
//! The `flags:` list holds `do` when the DNSSEC OK bit is set; other set bits show as
//! `; MBZ: 0x....`. Options follow, one line each, in the order they came: COOKIE (hex; dig
//! adds `(good)` when the client half is the one it sent, which a simulated reply always
//! echoes), NSID (hex bytes and the text), EDE (code, meaning, extra text), CLIENT-SUBNET,
//! and any other as `OPT=code`.

use hickory_proto::op::{Edns, Message};
use hickory_proto::rr::rdata::opt::{EdnsCode, EdnsOption};

/// The pseudosection's lines, each ending in a newline, or nothing without EDNS.
pub fn pseudosection(msg: &Message) -> String {
    let Some(edns) = &msg.edns else {
        return String::new();
    };
    let mut out = String::from(";; OPT PSEUDOSECTION:\n");
    out.push_str(&edns_line(edns));
    out.push('\n');
    for (code, option) in edns.options().as_ref() {
        out.push_str(&option_line(*code, option));
        out.push('\n');
    }
    out
}

/// `; EDNS: version: 0, flags: do; udp: 1232`
pub fn edns_line(edns: &Edns) -> String {
    let flags = edns.flags();
    let mut line = format!("; EDNS: version: {}, flags:", edns.version());
    if flags.dnssec_ok {
        line.push_str(" do");
    }
    if flags.z != 0 {
        line.push_str(&format!("; MBZ: 0x{:04x}, udp: ", flags.z));
    } else {
        line.push_str("; udp: ");
    }
    line.push_str(&edns.max_payload().to_string());
    line
}

fn option_line(code: EdnsCode, option: &EdnsOption) -> String {
    let code = u16::from(code);
    match option {
        EdnsOption::NSID(payload) => format!("; NSID: {}", hex_and_text(payload.as_ref())),
        EdnsOption::Subnet(subnet) => format!(
            "; CLIENT-SUBNET: {}/{}/{}",
            subnet.addr(),
            subnet.source_prefix(),
            subnet.scope_prefix()
        ),
        EdnsOption::Unknown(_, data) => match code {
            10 => {
                let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
                format!("; COOKIE: {hex} (good)")
            }
            15 => ede_line(data),
            _ => format!("; OPT={code}: {}", hex_and_text(data)),
        },
        #[allow(unreachable_patterns)]
        _ => format!("; OPT={code}"),
    }
}

/// `; EDE: 22 (No Reachable Authority): (at delegation example.com.)`
fn ede_line(data: &[u8]) -> String {
    let mut line = String::from("; EDE: ");
    if data.len() >= 2 {
        let info = u16::from_be_bytes([data[0], data[1]]);
        line.push_str(&info.to_string());
        if let Some(meaning) = EDE_TEXT.get(info as usize) {
            line.push_str(&format!(" ({meaning})"));
        }
        if data.len() > 2 {
            line.push_str(&format!(": ({})", String::from_utf8_lossy(&data[2..])));
        }
    }
    line
}

/// RFC 8914's names for extended error codes, as BIND 9.18 prints them.
const EDE_TEXT: [&str; 25] = [
    "Other",
    "Unsupported DNSKEY Algorithm",
    "Unsupported DS Digest Type",
    "Stale Answer",
    "Forged Answer",
    "DNSSEC Indeterminate",
    "DNSSEC Bogus",
    "Signature Expired",
    "Signature Not Yet Valid",
    "DNSKEY Missing",
    "RRSIGs Missing",
    "No Zone Key Bit Set",
    "NSEC Missing",
    "Cached Error",
    "Not Ready",
    "Blocked",
    "Censored",
    "Filtered",
    "Prohibited",
    "Stale NXDOMAIN Answer",
    "Not Authoritative",
    "Not Supported",
    "No Reachable Authority",
    "Network Error",
    "Invalid Data",
];

/// Bytes as spaced hex followed by their printable form: `67 70 64 ("gpd")`.
fn hex_and_text(data: &[u8]) -> String {
    let hex: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let text: String = data
        .iter()
        .map(|&b| {
            if (0x20..0x7f).contains(&b) {
                b as char
            } else {
                '.'
            }
        })
        .collect();
    format!("{} (\"{text}\")", hex.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::op::{MessageType, OpCode};
    use hickory_proto::rr::rdata::opt::NSIDPayload;

    fn with_edns(edns: Edns) -> Message {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        msg.set_edns(edns);
        msg
    }

    #[test]
    fn no_edns_no_section() {
        let msg = Message::new(1, MessageType::Response, OpCode::Query);
        assert_eq!(pseudosection(&msg), "");
    }

    #[test]
    fn plain_and_do() {
        let mut edns = Edns::new();
        edns.set_max_payload(1232);
        assert_eq!(
            pseudosection(&with_edns(edns.clone())),
            ";; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n"
        );
        edns.set_dnssec_ok(true);
        edns.set_max_payload(4096);
        assert_eq!(edns_line(&edns), "; EDNS: version: 0, flags: do; udp: 4096");
        edns.flags_mut().z = 0x10;
        assert_eq!(
            edns_line(&edns),
            "; EDNS: version: 0, flags: do; MBZ: 0x0010, udp: 4096"
        );
    }

    #[test]
    fn options() {
        let mut edns = Edns::new();
        edns.set_max_payload(1232);
        let cookie: Vec<u8> = (1..=24).collect();
        edns.options_mut()
            .insert(EdnsOption::Unknown(10, cookie.clone()));
        edns.options_mut()
            .insert(EdnsOption::NSID(NSIDPayload::new(b"ns1".to_vec()).unwrap()));
        let mut ede = vec![0, 22];
        ede.extend_from_slice(b"at delegation example.com.");
        edns.options_mut().insert(EdnsOption::Unknown(15, ede));
        edns.options_mut()
            .insert(EdnsOption::Unknown(65001, vec![0x41, 0x00]));
        assert_eq!(
            pseudosection(&with_edns(edns)),
            ";; OPT PSEUDOSECTION:\n\
             ; EDNS: version: 0, flags:; udp: 1232\n\
             ; COOKIE: 0102030405060708090a0b0c0d0e0f101112131415161718 (good)\n\
             ; NSID: 6e 73 31 (\"ns1\")\n\
             ; EDE: 22 (No Reachable Authority): (at delegation example.com.)\n\
             ; OPT=65001: 41 00 (\"A.\")\n"
        );
    }
}
