//! Steps as JSON, for `dig +trace +json` and for anything that wants a resolution as data.

use serde_json::{Value, json};

use crate::dns::dig;

use super::step::{Action, Decision, Step};

/// One step as a JSON object.
pub fn step_json(step: &Step) -> Value {
    let (action, reply) = match &step.action {
        Action::Query {
            server,
            zone,
            question,
            reply,
        } => (
            json!({ "kind": "query", "server": server.name.to_string(), "ip": server.ip.to_string(), "zone": zone.to_string(), "question": question.to_string() }),
            reply
                .as_ref()
                .map_or(Value::Null, |r| dig::to_json(&r.message)),
        ),
        Action::Cache { question, hit } => (
            json!({ "kind": "cache", "question": question.to_string(), "remaining": hit.remaining }),
            Value::Null,
        ),
    };
    let decision = match &step.decision {
        Decision::FollowReferral {
            zone,
            servers,
            glue,
        } => json!({
            "kind": "follow_referral", "zone": zone.to_string(),
            "servers": servers.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "glue": glue.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        }),
        Decision::ChaseCname { target } => {
            json!({ "kind": "chase_cname", "target": target.to_string() })
        }
        Decision::TryNextServer => json!({ "kind": "try_next_server" }),
        Decision::Answer => json!({ "kind": "answer" }),
        Decision::NoData => json!({ "kind": "nodata" }),
        Decision::NxDomain => json!({ "kind": "nxdomain" }),
        Decision::GiveUp { reason } => json!({ "kind": "give_up", "reason": reason }),
    };
    json!({ "depth": step.depth, "for": step.purpose.to_string(), "action": action, "reply": reply, "decision": decision, "why": step.why })
}
