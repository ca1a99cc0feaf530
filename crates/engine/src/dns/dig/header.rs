//! The header as dig names it: the status (rcode), the opcode, the flags in dig's order
//! (`qr aa tc rd ra ad cd`), and the section counts dig prints (the OPT record counts in
//! ADDITIONAL even though dig shows it in the OPT PSEUDOSECTION).

use std::borrow::Cow;

use hickory_proto::op::{Message, MessageType, OpCode};

/// The status dig prints for a message: NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ...
/// (the extended rcode from the OPT record included). A code without a name is `?N`.
pub fn rcode_name(msg: &Message) -> Cow<'static, str> {
    rcode_text(u16::from(msg.metadata.response_code))
}

/// The name BIND gives an rcode value, or `?N` for a value it has no name for.
pub fn rcode_text(code: u16) -> Cow<'static, str> {
    const NAMES: [&str; 17] = [
        "NOERROR",
        "FORMERR",
        "SERVFAIL",
        "NXDOMAIN",
        "NOTIMP",
        "REFUSED",
        "YXDOMAIN",
        "YXRRSET",
        "NXRRSET",
        "NOTAUTH",
        "NOTZONE",
        "RESERVED11",
        "RESERVED12",
        "RESERVED13",
        "RESERVED14",
        "RESERVED15",
        "BADVERS",
    ];
    match code {
        0..=16 => Cow::Borrowed(NAMES[code as usize]),
        23 => Cow::Borrowed("BADCOOKIE"),
        other => Cow::Owned(format!("?{other}")),
    }
}

/// The opcode as dig prints it.
pub fn opcode_text(op: OpCode) -> Cow<'static, str> {
    match op {
        OpCode::Query => "QUERY".into(),
        OpCode::Status => "STATUS".into(),
        OpCode::Notify => "NOTIFY".into(),
        OpCode::Update => "UPDATE".into(),
        OpCode::Unknown(1) => "IQUERY".into(),
        OpCode::Unknown(n) => format!("RESERVED{n}").into(),
    }
}

/// The header flags that are set, in dig's order, separated by spaces (`qr aa rd`).
pub fn flags_text(msg: &Message) -> String {
    let m = &msg.metadata;
    let flags = [
        (m.message_type == MessageType::Response, "qr"),
        (m.authoritative, "aa"),
        (m.truncation, "tc"),
        (m.recursion_desired, "rd"),
        (m.recursion_available, "ra"),
        (m.authentic_data, "ad"),
        (m.checking_disabled, "cd"),
    ];
    let set: Vec<&str> = flags
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, f)| *f)
        .collect();
    set.join(" ")
}

/// The counts dig prints: questions, answers, authorities, additionals (OPT and TSIG
/// included, as they are on the wire).
pub fn counts(msg: &Message) -> [usize; 4] {
    [
        msg.queries.len(),
        msg.answers.len(),
        msg.authorities.len(),
        msg.additionals.len()
            + usize::from(msg.edns.is_some())
            + usize::from(msg.signature.is_some()),
    ]
}

/// The `;; flags:` line without its trailing newline.
pub fn flags_line(msg: &Message) -> String {
    let [q, an, ns, ar] = counts(msg);
    format!(
        ";; flags: {}; QUERY: {q}, ANSWER: {an}, AUTHORITY: {ns}, ADDITIONAL: {ar}",
        flags_text(msg)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::op::{Edns, ResponseCode};

    #[test]
    fn rcode_names() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        assert_eq!(rcode_name(&msg), "NOERROR");
        msg.metadata.response_code = ResponseCode::NXDomain;
        assert_eq!(rcode_name(&msg), "NXDOMAIN");
        msg.metadata.response_code = ResponseCode::ServFail;
        assert_eq!(rcode_name(&msg), "SERVFAIL");
        msg.metadata.response_code = ResponseCode::Refused;
        assert_eq!(rcode_name(&msg), "REFUSED");
        msg.metadata.response_code = ResponseCode::BADVERS;
        assert_eq!(rcode_name(&msg), "BADVERS");
        assert_eq!(rcode_text(11), "RESERVED11");
        assert_eq!(rcode_text(23), "BADCOOKIE");
        assert_eq!(rcode_text(4000), "?4000");
    }

    #[test]
    fn flags_in_dig_order() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        assert_eq!(flags_text(&msg), "qr");
        msg.metadata.checking_disabled = true;
        msg.metadata.recursion_available = true;
        msg.metadata.recursion_desired = true;
        msg.metadata.authoritative = true;
        msg.metadata.authentic_data = true;
        msg.metadata.truncation = true;
        assert_eq!(flags_text(&msg), "qr aa tc rd ra ad cd");
        let query = Message::new(1, MessageType::Query, OpCode::Query);
        assert_eq!(flags_text(&query), "");
    }

    #[test]
    fn additional_count_includes_opt() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        assert_eq!(
            flags_line(&msg),
            ";; flags: qr; QUERY: 0, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0"
        );
        msg.set_edns(Edns::new());
        assert_eq!(counts(&msg), [0, 0, 0, 1]);
    }

    #[test]
    fn opcodes() {
        assert_eq!(opcode_text(OpCode::Query), "QUERY");
        assert_eq!(opcode_text(OpCode::Update), "UPDATE");
        assert_eq!(opcode_text(OpCode::Unknown(1)), "IQUERY");
        assert_eq!(opcode_text(OpCode::Unknown(3)), "RESERVED3");
    }
}
