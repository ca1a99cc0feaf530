//! The app's side of imports, exports, share links and embedding, as pure functions over
//! strings (tested natively): which importer a kind of file goes to, what the export dialog
//! offers, the embed parameters read from `location.search`, and the SVG file of the diagram.
//! The browser calls (files, downloads, clipboard, location) are in `ui::platform::browser`.

use crate::scenario::Scenario;
use crate::scenario::interop::{self, ImportError, ImportMode, export_json, export_zone_files};
use crate::ui::view_state::ViewState;

/// The kinds of file the import dialog reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// A BIND zone file into a chosen hosted zone.
    ZoneFile,
    /// `aws route53 list-resource-record-sets --output json` into a chosen hosted zone.
    Route53Json,
    /// A whole scenario document, opened as the document.
    Scenario,
}

impl ImportKind {
    pub const ALL: [ImportKind; 3] = [Self::ZoneFile, Self::Route53Json, Self::Scenario];

    /// The value of its `<option>`.
    pub fn id(self) -> &'static str {
        match self {
            Self::ZoneFile => "zone",
            Self::Route53Json => "route53",
            Self::Scenario => "scenario",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ZoneFile => "BIND zone file, into a hosted zone",
            Self::Route53Json => "Route 53 JSON (list-resource-record-sets), into a hosted zone",
            Self::Scenario => "Scenario JSON, opened as the document",
        }
    }

    /// Whether the import goes into a chosen hosted zone.
    pub fn needs_zone(self) -> bool {
        !matches!(self, Self::Scenario)
    }
}

/// What a checked import does to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// Apply this edit (one undo step); the sentences say what it does.
    Edit {
        edit: Box<crate::scenario::edit::Edit>,
        /// The hosted zone as the edit leaves it (worked out by the check).
        after: Option<std::sync::Arc<crate::dns::zone::Zone>>,
        summary: Vec<String>,
        changes_nothing: bool,
    },
    /// Open this scenario as the document (one undo step).
    Document(Box<Scenario>),
}

/// Runs the importer of `kind` over `text` (named `file` in messages). Nothing is changed
/// here: the caller applies the result.
pub fn run_import(
    doc: &Scenario,
    kind: ImportKind,
    zone: &str,
    file: &str,
    text: &str,
) -> Result<Imported, ImportError> {
    let file = if file.trim().is_empty() {
        "pasted text"
    } else {
        file
    };
    let import = match kind {
        ImportKind::ZoneFile => {
            interop::import_zone_file(doc, zone, file, text, ImportMode::Merge)?
        }
        ImportKind::Route53Json => {
            interop::import_route53_json(doc, zone, file, text, ImportMode::Merge)?
        }
        ImportKind::Scenario => {
            return Ok(Imported::Document(Box::new(interop::import_scenario(
                file, text,
            )?)));
        }
    };
    Ok(Imported::Edit {
        changes_nothing: import.changes_nothing(),
        after: import.after,
        edit: Box::new(import.edit),
        summary: import.summary,
    })
}

/// One thing the export dialog offers: a title, a file name, a MIME type and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// The kinds of export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Json,
    ZoneFiles,
    Terraform,
    AwsCli,
}

impl ExportKind {
    pub const ALL: [ExportKind; 4] = [Self::Json, Self::ZoneFiles, Self::Terraform, Self::AwsCli];

    pub fn id(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::ZoneFiles => "zones",
            Self::Terraform => "terraform",
            Self::AwsCli => "aws-cli",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Json => "Scenario JSON",
            Self::ZoneFiles => "Zone files",
            Self::Terraform => "Terraform",
            Self::AwsCli => "AWS CLI",
        }
    }
}

/// The files of an export (zone files: one per hosted zone).
pub fn export_files(doc: &Scenario, kind: ExportKind) -> Vec<ExportFile> {
    match kind {
        ExportKind::Json => vec![ExportFile {
            name: "delegation-lab.json".into(),
            mime: "application/json",
            text: export_json(doc),
        }],
        ExportKind::ZoneFiles => export_zone_files(doc)
            .into_iter()
            .map(|(name, text)| ExportFile {
                name,
                mime: "text/dns",
                text,
            })
            .collect(),
        ExportKind::Terraform => vec![ExportFile {
            name: "delegation-lab.tf".into(),
            mime: "text/plain",
            text: interop::terraform(doc),
        }],
        ExportKind::AwsCli => vec![ExportFile {
            name: "delegation-lab.sh".into(),
            mime: "text/x-shellscript",
            text: interop::aws_cli(doc),
        }],
    }
}

/// The panels an embed can show. Panels built elsewhere (trace, dig console, ACM) are named
/// here so their URLs are stable; `Embed` renders those it has and says so for the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedPanel {
    #[default]
    Diagram,
    Records,
    Trace,
    Dig,
    Acm,
}

impl EmbedPanel {
    /// Every panel, in the order the Share dialog offers them.
    pub const ALL: [Self; 5] = [
        Self::Diagram,
        Self::Records,
        Self::Trace,
        Self::Dig,
        Self::Acm,
    ];

    /// The `panel=` value.
    pub fn id(self) -> &'static str {
        match self {
            Self::Diagram => "diagram",
            Self::Records => "records",
            Self::Trace => "trace",
            Self::Dig => "dig",
            Self::Acm => "acm",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Diagram => "Delegation hierarchy",
            Self::Records => "Records of the selected zone",
            Self::Trace => "Resolution, step by step",
            Self::Dig => "dig console",
            Self::Acm => "Certificates (ACM)",
        }
    }

    /// A frame height that shows the panel without scrolling, for the embed code.
    pub fn height(self) -> u32 {
        match self {
            Self::Diagram => 560,
            Self::Records => 560,
            Self::Trace | Self::Dig => 820,
            Self::Acm => 900,
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Some(match id {
            "diagram" => Self::Diagram,
            "records" => Self::Records,
            "trace" => Self::Trace,
            "dig" => Self::Dig,
            "acm" => Self::Acm,
            _ => return None,
        })
    }
}

/// Light or dark, forced by the embedding page (otherwise the reader's preference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// The embed mode's URL parameters (`?embed=1&preset=quiz&panel=diagram&...`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedParams {
    pub preset: Option<String>,
    pub panel: EmbedPanel,
    pub query: Option<String>,
    pub autoplay: bool,
    pub readonly: bool,
    pub theme: Option<Theme>,
}

/// Reads `location.search`: `None` unless `embed=1` (or `embed=true`). Unknown values are
/// ignored (an embed shows its defaults rather than nothing).
pub fn embed_params(search: &str) -> Option<EmbedParams> {
    let pairs: Vec<(String, String)> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    let get = |key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let yes = |key: &str| matches!(get(key), Some("1" | "true" | "yes"));
    if !yes("embed") {
        return None;
    }
    Some(EmbedParams {
        preset: get("preset").filter(|p| !p.is_empty()).map(String::from),
        panel: get("panel")
            .and_then(EmbedPanel::from_id)
            .unwrap_or_default(),
        query: get("query")
            .or_else(|| get("q"))
            .filter(|q| !q.is_empty())
            .map(String::from),
        autoplay: yes("autoplay"),
        readonly: yes("readonly"),
        theme: match get("theme") {
            Some("light") => Some(Theme::Light),
            Some("dark") => Some(Theme::Dark),
            _ => None,
        },
    })
}

/// The address of an embed of the app at `page` (its address; any query or fragment is
/// dropped) with these parameters, the scenario and its view carried by a share link's
/// `fragment` (`#s1.…`; the embed prefers it to a preset). `embed_params` reads it back.
pub fn embed_url(page: &str, params: &EmbedParams, fragment: &str) -> String {
    let base = page.split(['?', '#']).next().unwrap_or_default();
    let mut url = format!("{base}?embed=1&panel={}", params.panel.id());
    if let Some(preset) = &params.preset {
        url.push_str(&format!("&preset={}", percent_encode(preset)));
    }
    if let Some(query) = &params.query {
        url.push_str(&format!("&q={}", percent_encode(query)));
    }
    if params.autoplay {
        url.push_str("&autoplay=1");
    }
    if params.readonly {
        url.push_str("&readonly=1");
    }
    match params.theme {
        Some(Theme::Light) => url.push_str("&theme=light"),
        Some(Theme::Dark) => url.push_str("&theme=dark"),
        None => {}
    }
    url.push_str(fragment);
    url
}

/// The `<iframe>` a page embeds `url` with, titled after the scenario, sized for `panel`.
pub fn embed_snippet(url: &str, scenario_title: &str, panel: EmbedPanel) -> String {
    let attr = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"Delegation Lab: {}\" width=\"900\" height=\"{}\" loading=\"lazy\"></iframe>",
        attr(url),
        attr(scenario_title),
        panel.height()
    )
}

/// Escapes every byte but the unreserved ones (`A-Z a-z 0-9 - _ . ~`) as `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (a space in a query string); invalid escapes stay as typed.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The view state a share link carries: the selected zone, and the resolve panel's query and
/// step when it has them.
pub fn view_state(selected: Option<&str>, query: Option<&str>, step: Option<usize>) -> ViewState {
    ViewState {
        selected_zone: selected.map(String::from),
        query: query.map(String::from),
        step,
        autoplay: false,
    }
}

/// A standalone SVG file of the diagram: the `<svg>` element's markup (`outer_html`) with
/// the XML namespace added and `css` (the diagram's rules, variables resolved) in a `<style>`
/// element inside it, so the file looks the same outside the app.
pub fn svg_file(outer_html: &str, css: &str) -> String {
    let mut svg = outer_html.to_string();
    if !svg.contains("xmlns=") {
        svg = svg.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1);
    }
    let style = format!("<style>{}</style>", css.replace("]]>", "]]&gt;"));
    match svg.find('>') {
        Some(end) => svg.insert_str(end + 1, &style),
        None => svg.push_str(&style),
    }
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n")
}

/// The diagram's look for the SVG file (light colours; the app's CSS variables are not
/// available outside it).
pub const DIAGRAM_SVG_CSS: &str = "\
svg{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#fff}\
.group rect{fill:#f4f6fa;stroke:#c9d1de}\
.group.account rect{fill:#fff7ed;stroke:#f1c48b}\
.group-label{font-size:12px;font-weight:600;fill:#475467}\
.node-box{fill:#fff;stroke:#98a2b3;stroke-width:1.5}\
.node.selected .node-box{stroke:#2563eb;stroke-width:2.5}\
.focus-ring{fill:none;stroke:none}\
.node.ghost .node-box{stroke-dasharray:5 4;fill:#f9fafb}\
.node-title{font-size:14px;font-weight:650;fill:#101828}\
.node-sub{font-size:12px;fill:#475467}\
.edge path{fill:none;stroke-width:2}\
.edge.ok path{stroke:#15803d}.edge.warn path{stroke:#b45309}.edge.bad path{stroke:#b91c1c}\
.edge.dashed path{stroke-dasharray:5 4}\
.arrowhead.ok path{fill:#15803d}.arrowhead.warn path{fill:#b45309}.arrowhead.bad path{fill:#b91c1c}\
.edge-label{font-size:11px;fill:#344054;paint-order:stroke;stroke:#fff;stroke-width:4px}\
.edge.ok .edge-health{fill:#15803d}.edge.warn .edge-health{fill:#b45309}.edge.bad .edge-health{fill:#b91c1c}\
.edge-health{font-weight:650}";

/// The name a zone file's first `$ORIGIN` directive gives, if it has one before its first
/// record (comments and blank lines aside).
pub fn zone_file_origin(text: &str) -> Option<hickory_proto::rr::Name> {
    for line in text.lines() {
        let line = line.split(';').next().unwrap_or_default().trim();
        if line.is_empty() || line.to_ascii_uppercase().starts_with("$TTL") {
            continue;
        }
        let mut words = line.split_whitespace();
        if !words.next()?.eq_ignore_ascii_case("$ORIGIN") {
            return None;
        }
        return crate::dns::name::parse_absolute(words.next()?).ok();
    }
    None
}

/// The hosted zone a zone file belongs in, by its `$ORIGIN`: of the hosted zones of that
/// name, the one the parent delegates to (or the first).
pub fn zone_for_origin(doc: &Scenario, origin: &hickory_proto::rr::Name) -> Option<String> {
    let named: Vec<_> = doc
        .aws
        .hosted_zones
        .iter()
        .filter(|z| z.name == *origin)
        .collect();
    let delegated: Vec<hickory_proto::rr::Name> = doc
        .world
        .parent_zones(origin)
        .filter_map(|p| p.get(origin, hickory_proto::rr::RecordType::NS))
        .flat_map(|set| crate::dns::answer::ns_targets(set.records().iter()))
        .collect();
    named
        .iter()
        .find(|z| z.name_servers().iter().any(|ns| delegated.contains(ns)))
        .or(named.first())
        .map(|z| z.id.clone())
}

/// What an import into `zone_id` would leave where no resolver looks: sentences for the
/// record sets that land below a delegation in that zone (its NS records for a child send
/// resolvers to the child's servers, so they never see them). Empty when nothing does.
pub fn placement_warnings(
    doc: &Scenario,
    zone_id: &str,
    edit: &crate::scenario::edit::Edit,
) -> Vec<String> {
    match edit.applied(doc) {
        Ok((after, _)) => match after.world.zone(zone_id) {
            Some(zone) => placement_warnings_after(doc, zone),
            None => Vec::new(),
        },
        Err(_) => Vec::new(),
    }
}

/// [`placement_warnings`] given the zone as the import leaves it (a checked import keeps
/// it: applying a 25,000-set import again takes a fifth of a second).
pub fn placement_warnings_after(doc: &Scenario, zone: &crate::dns::zone::Zone) -> Vec<String> {
    let occluded = |z: &crate::dns::zone::Zone| -> Vec<(hickory_proto::rr::Name, hickory_proto::rr::RecordType)> {
        z.iter()
            .filter(|set| z.is_occluded(set))
            .map(|set| (set.name.clone(), set.rtype))
            .collect()
    };
    let before: std::collections::HashSet<_> = doc
        .world
        .zone(&zone.id)
        .map(occluded)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let new: Vec<_> = occluded(zone)
        .into_iter()
        .filter(|k| !before.contains(k))
        .collect();
    // Grouped by the delegation they fall under.
    let mut cuts: Vec<(hickory_proto::rr::Name, usize)> = Vec::new();
    for (name, _) in &new {
        if let Some(cut) = zone.cut_for(name) {
            match cuts.iter_mut().find(|(c, _)| *c == cut.name) {
                Some((_, n)) => *n += 1,
                None => cuts.push((cut.name.clone(), 1)),
            }
        }
    }
    cuts.into_iter()
        .map(|(cut, count)| {
            let sets = if count == 1 {
                "1 record set lands".to_string()
            } else {
                format!("{count} record sets land")
            };
            let cut_text = crate::ui::resolve::plain(&cut);
            // The hosted zones are the document's: an import changes record sets only.
            let instead = match zone_for_origin(doc, &cut) {
                Some(id) => format!(" Import them into the hosted zone {cut_text} ({id}) instead."),
                None => String::new(),
            };
            format!(
                "{sets} below the delegation of {cut_text}: this zone's NS records for it send resolvers to {cut_text}'s own servers, so no one ever sees them (Route 53 accepts them all the same).{instead}"
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn embed_parameters_are_read_from_the_query_string() {
        assert_eq!(embed_params("?preset=quiz"), None);
        assert_eq!(
            embed_params(
                "?embed=1&preset=quiz&panel=trace&query=A%20api.example.com&autoplay=1&readonly=1&theme=dark"
            ),
            Some(EmbedParams {
                preset: Some("quiz".into()),
                panel: EmbedPanel::Trace,
                query: Some("A api.example.com".into()),
                autoplay: true,
                readonly: true,
                theme: Some(Theme::Dark),
            })
        );
        assert_eq!(
            embed_params("?embed=1&panel=nope&theme=pink"),
            Some(EmbedParams::default())
        );
    }

    #[test]
    fn an_embed_url_reads_back_as_its_parameters() {
        let params = EmbedParams {
            preset: Some("quiz".into()),
            panel: EmbedPanel::Trace,
            query: Some("dig +trace www.api.example.com A".into()),
            autoplay: true,
            readonly: true,
            theme: Some(Theme::Dark),
        };
        let url = embed_url("https://docs.example/lab/?old=1#s1.old", &params, "#s1.abc");
        assert_eq!(
            url,
            "https://docs.example/lab/?embed=1&panel=trace&preset=quiz\
             &q=dig%20%2Btrace%20www.api.example.com%20A&autoplay=1&readonly=1&theme=dark#s1.abc"
        );
        let search = &url[url.find('?').unwrap()..url.find('#').unwrap()];
        assert_eq!(embed_params(search), Some(params));
        for panel in EmbedPanel::ALL {
            let p = EmbedParams {
                panel,
                ..EmbedParams::default()
            };
            let url = embed_url("/lab/", &p, "");
            assert_eq!(embed_params(&url["/lab/".len()..]), Some(p));
        }
    }

    #[test]
    fn the_embed_code_escapes_its_attributes() {
        assert_eq!(
            embed_snippet(
                "/lab/?embed=1&panel=acm#s1.x",
                "A \"quoted\" <title>",
                EmbedPanel::Acm
            ),
            "<iframe src=\"/lab/?embed=1&amp;panel=acm#s1.x\" title=\"Delegation Lab: A &quot;quoted&quot; &lt;title&gt;\" \
             width=\"900\" height=\"900\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn percent_decoding_keeps_bad_escapes() {
        assert_eq!(percent_decode("a+b%2Fc%zz%4"), "a b/c%zz%4");
    }

    #[test]
    fn a_bad_zone_file_says_where_and_changes_nothing() {
        let doc = presets::build("article").unwrap();
        let before = doc.clone();
        let err = run_import(
            &doc,
            ImportKind::ZoneFile,
            "example.com.",
            "bad.zone",
            "www 300 IN A 192.0.2.1\napi 300 IN A 999.1.1.1\n",
        )
        .unwrap_err();
        assert_eq!(err.file, "bad.zone");
        assert_eq!(err.line, Some(2));
        assert_eq!(doc, before);
    }

    #[test]
    fn a_good_zone_file_is_one_edit() {
        let doc = presets::build("article").unwrap();
        let Imported::Edit { edit, summary, .. } = run_import(
            &doc,
            ImportKind::ZoneFile,
            "example.com.",
            "",
            "imported 300 IN A 192.0.2.77\n",
        )
        .unwrap() else {
            panic!("a zone file is an edit")
        };
        let mut after = doc.clone();
        edit.apply(&mut after).unwrap();
        assert!(after != doc);
        assert!(!summary.is_empty());
    }

    #[test]
    fn the_svg_file_has_its_namespace_and_style() {
        assert_eq!(
            svg_file("<svg class=\"d\"><g/></svg>", "g{}"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"d\"><style>g{}</style><g/></svg>\n"
        );
    }

    #[test]
    fn every_export_has_text() {
        let doc = presets::build("article").unwrap();
        for kind in ExportKind::ALL {
            let files = export_files(&doc, kind);
            assert!(!files.is_empty());
            assert!(
                files
                    .iter()
                    .all(|f| !f.text.is_empty() && !f.name.is_empty())
            );
        }
    }

    #[test]
    fn a_zone_files_origin_picks_its_hosted_zone() {
        let doc = crate::scenario::presets::build("article").unwrap();
        let text =
            "; the child's records\n$TTL 300\n$ORIGIN api.example.com.\nwww IN A 192.0.2.10\n";
        let origin = zone_file_origin(text).unwrap();
        assert_eq!(origin.to_string(), "api.example.com.");
        let id = zone_for_origin(&doc, &origin).unwrap();
        assert_eq!(doc.aws.hosted_zone(&id).unwrap().account, "222222222222");
        // A record before any $ORIGIN: the file does not say.
        assert_eq!(
            zone_file_origin("www IN A 192.0.2.1\n$ORIGIN x.com.\n"),
            None
        );
        assert_eq!(
            zone_for_origin(&doc, &crate::dns::name::n("nowhere.test")),
            None
        );
    }

    #[test]
    fn records_below_a_delegation_are_warned_about() {
        let doc = crate::scenario::presets::build("article").unwrap();
        let parent = zone_for_origin(&doc, &crate::dns::name::n("example.com")).unwrap();
        let child = zone_for_origin(&doc, &crate::dns::name::n("api.example.com")).unwrap();
        let text =
            "$TTL 300\n$ORIGIN api.example.com.\nwww2 IN A 192.0.2.10\nmail IN A 192.0.2.11\n";
        let Ok(Imported::Edit { edit, after, .. }) =
            run_import(&doc, ImportKind::ZoneFile, &parent, "", text)
        else {
            panic!("the import reads");
        };
        let warnings = placement_warnings(&doc, &parent, &edit);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        // From the zone the check left: the same sentences, without applying the edit again.
        assert_eq!(
            placement_warnings_after(&doc, &after.expect("the checked zone")),
            warnings
        );
        assert!(
            warnings[0].starts_with("2 record sets land below the delegation of api.example.com"),
            "{}",
            warnings[0]
        );
        assert!(
            warnings[0].ends_with(&format!("({child}) instead.")),
            "{}",
            warnings[0]
        );
        // Into the child zone itself: nothing to warn about.
        let Ok(Imported::Edit { edit, .. }) =
            run_import(&doc, ImportKind::ZoneFile, &child, "", text)
        else {
            panic!("the import reads");
        };
        assert!(placement_warnings(&doc, &child, &edit).is_empty());
    }
}
