//! What the export dialog offers: the kinds of export and their files (the scenario JSON,
//! one zone file per hosted zone, Terraform, an AWS CLI script), and the diagram as a
//! standalone SVG file. Pure, tested natively; the download is `ui::platform::browser`'s.

use crate::scenario::Scenario;
use crate::scenario::interop::{self, export_json, export_zone_files};

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

/// What the export dialog offers: the engine's exports, the zone folder and the diagram, in
/// the order of its menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportChoice {
    /// One of the engine's exports.
    Engine(ExportKind),
    /// The zone folder: a topology file and one zone file per zone.
    Folder,
    /// The diagram on the page, as an SVG file.
    Svg,
}

impl ExportChoice {
    pub const ALL: [ExportChoice; 6] = [
        Self::Engine(ExportKind::Json),
        Self::Engine(ExportKind::ZoneFiles),
        Self::Folder,
        Self::Engine(ExportKind::Terraform),
        Self::Engine(ExportKind::AwsCli),
        Self::Svg,
    ];

    /// The value of its `<option>`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Engine(kind) => kind.id(),
            Self::Folder => "folder",
            Self::Svg => "svg",
        }
    }

    /// The choice an `<option>` value names (the scenario JSON for anything else).
    pub fn from_id(id: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|c| c.id() == id)
            .unwrap_or(Self::Engine(ExportKind::Json))
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Engine(ExportKind::ZoneFiles) => "Zone file per hosted zone",
            Self::Engine(ExportKind::AwsCli) => "AWS CLI commands",
            Self::Engine(kind) => kind.label(),
            Self::Folder => "Zone folder (topology + zone files)",
            Self::Svg => "Diagram (SVG)",
        }
    }

    /// The name of the archive "Download all" makes of its files.
    pub fn archive_name(self) -> String {
        match self {
            Self::Folder => "delegation-lab-zone-folder.zip".into(),
            Self::Engine(ExportKind::ZoneFiles) => "delegation-lab-zone-files.zip".into(),
            other => format!("delegation-lab-{}.zip", other.id()),
        }
    }

    /// Its files; `diagram_svg` gives the diagram's `<svg>` markup when there is one on the
    /// page (read only for [`ExportChoice::Svg`]).
    pub fn files(
        self,
        doc: &Scenario,
        diagram_svg: impl FnOnce() -> Option<String>,
    ) -> Vec<ExportFile> {
        match self {
            Self::Engine(kind) => export_files(doc, kind),
            Self::Folder => interop::export_folder(doc)
                .into_iter()
                .map(|(name, text)| ExportFile {
                    mime: if name.ends_with(".json") {
                        "application/json"
                    } else {
                        "text/dns"
                    },
                    name,
                    text,
                })
                .collect(),
            Self::Svg => diagram_svg()
                .map(|svg| ExportFile {
                    name: "delegation-lab-diagram.svg".into(),
                    mime: "image/svg+xml",
                    text: svg_file(&svg, DIAGRAM_SVG_CSS),
                })
                .into_iter()
                .collect(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn the_svg_file_has_its_namespace_and_style() {
        assert_eq!(
            svg_file("<svg class=\"d\"><g/></svg>", "g{}"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"d\"><style>g{}</style><g/></svg>\n"
        );
    }

    #[test]
    fn every_choice_reads_back_from_its_option_and_names_its_archive() {
        for choice in ExportChoice::ALL {
            assert_eq!(ExportChoice::from_id(choice.id()), choice);
            assert!(choice.archive_name().ends_with(".zip"));
        }
        assert_eq!(
            ExportChoice::Folder.archive_name(),
            "delegation-lab-zone-folder.zip"
        );
        assert_eq!(
            ExportChoice::Engine(ExportKind::Terraform).archive_name(),
            "delegation-lab-terraform.zip"
        );
        assert_eq!(
            ExportChoice::from_id("nope"),
            ExportChoice::Engine(ExportKind::Json)
        );
        let doc = presets::build("article").unwrap();
        assert!(ExportChoice::Svg.files(&doc, || None).is_empty());
        let svg = ExportChoice::Svg.files(&doc, || Some("<svg></svg>".into()));
        assert_eq!(svg[0].mime, "image/svg+xml");
        let folder = ExportChoice::Folder.files(&doc, || None);
        assert!(folder.iter().any(|f| f.mime == "application/json"));
        assert!(folder.iter().any(|f| f.mime == "text/dns"));
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
}
