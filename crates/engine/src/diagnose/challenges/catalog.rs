//! The challenges: the article's quiz, each failure mode it describes, and the ones it only
//! hints at (the trailing-dot mistake, the registrar still listing old name servers).

use hickory_proto::rr::RecordType;

use super::{Challenge, Choice, Quiz, SymptomSpec, setups};

/// The article's multiple-choice question, word for word.
pub const ARTICLE_QUIZ: Quiz = Quiz {
    setting: "You delegate api.example.com from account A to account B. In account B, you add a CNAME for www.api.example.com and an A record for api.example.com itself. DNS resolution for www.api.example.com works but api.example.com returns NXDOMAIN. The NS delegation is correct — resolvers find the child zone. The CNAME for www works. The A record for api.example.com (the subdomain apex) was added to the child hosted zone in account B.",
    question: "What is wrong?",
    choices: [
        Choice {
            letter: 'A',
            text: "A records for zone apex subdomains must be added to the parent zone",
            correct: false,
            feedback: "Incorrect. After delegation, all records under api.example.com — including the apex api.example.com itself — belong in the child zone. The parent zone's authority stops at the NS delegation.",
        },
        Choice {
            letter: 'B',
            text: "The child zone's name servers have SOA and NS records for api.example.com which conflict with the A record",
            correct: false,
            feedback: "Incorrect. NS and SOA records at the zone apex of the child zone are required by DNS and don't conflict with A records. A and NS can coexist at the zone apex.",
        },
        Choice {
            letter: 'C',
            text: "api.example.com in account B's hosted zone has only NS and SOA records by default — you need to check if the A record was actually saved correctly in the correct hosted zone",
            correct: true,
            feedback: "Correct! The most likely cause is that the A record was accidentally added to account A's example.com zone (where api.example.com appears as a name) instead of account B's api.example.com zone. After delegation, resolvers query account B's name servers for api.example.com — they won't see records added to account A's zone. Verify the A record exists in account B's hosted zone, not account A's.",
        },
        Choice {
            letter: 'D',
            text: "The A record at the zone apex of a delegated subdomain requires an Alias record, not a plain A record",
            correct: false,
            feedback: "Incorrect. Plain A records work at the zone apex of a hosted zone. Alias is only required when pointing to AWS resources without a static IP, or when you need zero-cost DNS queries.",
        },
    ],
    hint: "www.api.example.com works (it's in the child zone). api.example.com doesn't. Where might the A record have been accidentally placed?",
    caveat: "Two sentences above are the article's and do not hold as written. \"The A record ... was added to the child hosted zone in account B\" is what whoever added it believes; the right answer is that it was not, and checking that is the point of the question. And a resolver does not return NXDOMAIN for api.example.com: the name exists in the child zone (its SOA and NS records), so BIND and Route 53 answer NOERROR with an empty answer (NODATA).",
};

const WWW_API: &[(&str, RecordType)] = &[("www.api.example.com", RecordType::A)];
const WWW_API_CNAME: &[(&str, RecordType)] = &[("www.api.example.com", RecordType::CNAME)];

/// Every challenge, in the order a learner meets them.
pub const CHALLENGES: [Challenge; 7] = [
    Challenge {
        id: "quiz-apex-record",
        title: "The apex A record that never answers",
        story: "api.example.com is delegated from account A to account B. Resolvers find account B's CNAME www.api.example.com → example.com (so www resolves), but api.example.com itself gives no address, although someone added its A record (192.0.2.10). Find out where it went, and make api.example.com resolve without breaking www.",
        symptom: SymptomSpec {
            name: "api.example.com",
            rtype: RecordType::A,
            cname: None,
        },
        keep_working: WWW_API_CNAME,
        hints: &[
            "www.api.example.com works and api.example.com does not, yet both live under the same delegation. Compare where each record was created.",
            "Trace A api.example.com: which zone's server gives the final answer? Then look at which hosted zone actually holds the A record.",
            "The A record is in account A's example.com zone, below the delegation, where no resolver looks. Create it in account B's api.example.com zone (and delete the parent's copy).",
        ],
        explanation: "After delegation, every name under api.example.com — the apex api.example.com included — is answered by the child zone in account B; the parent's authority stops at its NS records. The A record had been saved in account A's example.com zone, where Route 53 accepts it but no resolver ever asks (it is occluded). Note what a resolver really says: not NXDOMAIN, as the article puts it, but NOERROR with an empty answer (NODATA), because api.example.com exists in the child zone (it holds the SOA and NS records); BIND and Route 53 both answer so. NXDOMAIN would mean the name does not exist at all.",
        quiz: Some(ARTICLE_QUIZ),
        build: setups::quiz,
    },
    Challenge {
        id: "wrong-ns",
        title: "NS records copied from the wrong hosted zone",
        story: "Account B's api.example.com zone holds the API's records, and account A's example.com zone delegates to it. But every lookup under api.example.com fails with SERVFAIL. Make www.api.example.com resolve.",
        symptom: SymptomSpec {
            name: "www.api.example.com",
            rtype: RecordType::A,
            cname: None,
        },
        keep_working: &[],
        hints: &[
            "Ask the parent which servers it delegates api.example.com to (dig +norecurse NS api.example.com @ one of example.com's servers) and compare them with the name servers of the api.example.com hosted zone.",
            "Ask one of the delegated servers directly: dig +norecurse SOA api.example.com @that-server. What does REFUSED tell you?",
            "The NS records were copied from the staging.example.com hosted zone. Replace them in account A's zone with api.example.com's four name servers.",
        ],
        explanation: "The parent's NS records for api.example.com named the name servers of staging.example.com, another hosted zone in account B. Route 53 gives every hosted zone its own delegation set, and its servers answer only for the zones they host: asked about api.example.com, they answered REFUSED, and with no server left the resolver gave SERVFAIL. The article's check: dig NS api.example.com must return the child zone's own name servers.",
        quiz: None,
        build: setups::wrong_ns,
    },
    Challenge {
        id: "recreated",
        title: "The child zone was recreated",
        story: "Everything worked yesterday. Overnight, account B ran terraform destroy and terraform apply on the api.example.com hosted zone; the records are all back, yet every lookup under api.example.com now fails. Make www.api.example.com resolve again.",
        symptom: SymptomSpec {
            name: "www.api.example.com",
            rtype: RecordType::A,
            cname: None,
        },
        keep_working: &[],
        hints: &[
            "Nothing changed in account A's zone, and it worked before. What did recreating the zone change in account B?",
            "Compare the parent's NS records for api.example.com with the name servers Route 53 lists for the api.example.com hosted zone now.",
            "A recreated hosted zone gets a new delegation set. Update the NS records in account A's zone to the four new name servers.",
        ],
        explanation: "Deleting and creating a hosted zone again gives it a new delegation set; Route 53 never gives a zone name a set it had before. The parent still named the old servers, which are AWS's and still answer, but no longer for api.example.com: REFUSED, and SERVFAIL for the client. Nothing announces this: it breaks silently, which is why the article calls it out. When a delegated zone is recreated, the parent's NS records must be updated in the same change.",
        quiz: None,
        build: setups::recreated,
    },
    Challenge {
        id: "validation-in-parent",
        title: "The validation CNAME in the parent zone",
        story: "Account B requested a certificate for *.api.example.com. ACM asked for the CNAME _abc123.api.example.com → _def456.acm-validations.aws., and someone added it in account A's example.com zone. The certificate is still pending validation. Make the validation record resolve.",
        symptom: SymptomSpec {
            name: "_abc123.api.example.com",
            rtype: RecordType::CNAME,
            cname: Some("_def456.acm-validations.aws."),
        },
        keep_working: WWW_API,
        hints: &[
            "ACM looks the validation name up like any resolver. Resolve CNAME _abc123.api.example.com: which zone answers?",
            "The name is inside api.example.com, which example.com delegates. Which zone is authoritative for names under a delegation?",
            "Create the CNAME in account B's api.example.com zone (and delete it from account A's zone).",
        ],
        explanation: "After delegation, account B's api.example.com zone is authoritative for every name under api.example.com, _abc123.api.example.com included. The record in account A's zone sat below the delegation, where resolvers never look; the child zone answered NXDOMAIN, so ACM never saw it, and after 72 hours the certificate would have failed. The certificate and its validation record belong with the child zone.",
        quiz: None,
        build: setups::validation_in_parent,
    },
    Challenge {
        id: "wildcard-validation",
        title: "A wildcard certificate that never validates",
        story: "Account B requested a certificate for *.api.example.com and created ACM's validation CNAME _abc123.api.example.com → _def456.acm-validations.aws. in its own api.example.com hosted zone, exactly as the article says. Three days later the certificate is VALIDATION_TIMED_OUT. Make the validation record resolve.",
        symptom: SymptomSpec {
            name: "_abc123.api.example.com",
            rtype: RecordType::CNAME,
            cname: Some("_def456.acm-validations.aws."),
        },
        keep_working: &[],
        hints: &[
            "ACM drops the *. label, so the record for *.api.example.com is the one for api.example.com, and it is in the right zone. Trace CNAME _abc123.api.example.com from the root: who answers?",
            "example.com's servers answer NXDOMAIN for names under api.example.com: they do not know the child zone exists. What tells a parent that a name lives in another zone?",
            "Add NS records for api.example.com in account A's example.com zone, with the api.example.com hosted zone's four name servers.",
        ],
        explanation: "The validation record was in the right zone, but that zone had never been delegated: account A's example.com zone held no NS records for api.example.com, so its servers answered for the whole subtree themselves and said the name does not exist. Creating a hosted zone does not make it reachable; the parent must delegate to it (the article's step 2). A wildcard certificate validates through the same record as its base name, because ACM drops the *. label.",
        quiz: None,
        build: setups::wildcard_validation,
    },
    Challenge {
        id: "trailing-dot",
        title: "The missing trailing dot",
        story: "Account A manages example.com from a zone file. The delegation of api.example.com was typed in from the article's Terraform, without the dots at the end of the name servers. Every lookup under api.example.com now fails. Make www.api.example.com resolve.",
        symptom: SymptomSpec {
            name: "www.api.example.com",
            rtype: RecordType::A,
            cname: None,
        },
        keep_working: &[],
        hints: &[
            "Run dig +trace www.api.example.com. Where does it stop, and what can the resolver not find?",
            "Look closely at the NS records for api.example.com in the example.com zone. What comes after .com in each name?",
            "In a zone file, ns-1.awsdns-00.com without a final dot means ns-1.awsdns-00.com.example.com. Write each name server with its trailing dot.",
        ],
        explanation: "In a zone file a name without a final dot is relative to the zone's origin, so ns-123.awsdns-45.com became ns-123.awsdns-45.com.example.com. (the article's comment: \"note trailing dot — required for FQDN\"). BIND loads such a zone with only a warning; the names do not exist, so the resolver could not find any server's address and gave SERVFAIL. With two of four names right, resolution would have worked through those two: write all four with their dots.",
        quiz: None,
        build: setups::trailing_dot,
    },
    Challenge {
        id: "registrar-ns",
        title: "The registrar still lists the old name servers",
        story: "Account A deleted and recreated the example.com hosted zone to move it between Terraform states. All its records are back, but now nothing under example.com resolves, not even example.com itself. Make example.com resolve.",
        symptom: SymptomSpec {
            name: "example.com",
            rtype: RecordType::A,
            cname: None,
        },
        keep_working: &[],
        hints: &[
            "Everything under example.com fails, not only api: the problem is above account A's zone.",
            "Ask the .com servers: dig +norecurse NS example.com @a.gtld-servers.net, and compare the answer with the example.com hosted zone's name servers.",
            "A registered domain's name servers are set at the registrar (Route 53: Registered domains, Edit name servers). Set them to the hosted zone's four.",
        ],
        explanation: "The .com registry delegated example.com to the name servers of the deleted hosted zone. A new hosted zone gets a new delegation set, and the registry's NS records only change when the registrar is told; the old servers answered REFUSED, so everything under example.com failed. The same rule as for a subdomain holds one level up: the delegation must name the zone's current servers.",
        quiz: None,
        build: setups::registrar,
    },
];

/// The challenge with this id.
pub fn get(id: &str) -> Option<&'static Challenge> {
    CHALLENGES.iter().find(|c| c.id == id)
}
