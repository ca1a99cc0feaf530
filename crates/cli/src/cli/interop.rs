//! `delegation-lab import`, `export`, `share` and `open-link`: the command-line face of
//! [`delegation_lab_engine::scenario::interop`]. Files are read and written here; the functions
//! behind take and return text, as the web app uses them.

use std::path::Path;

use clap::Subcommand;

use delegation_lab_engine::scenario::interop::{
    self, Import, ImportMode, LINK_BUDGET, LinkFocus, MAX_IMPORT_BYTES,
};
use delegation_lab_engine::scenario::{file_name, source};

use super::error::CliError;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// A BIND zone file into a hosted zone: `import zone FILE --zone ZONE --scenario SOURCE --out FILE`.
    Zone {
        /// The zone file (`-` reads standard input).
        file: String,
        #[command(flatten)]
        into: Into,
    },
    /// The output of `aws route53 list-resource-record-sets --output json` into a hosted zone.
    #[command(name = "route53-json")]
    Route53Json {
        /// The JSON file (`-` reads standard input).
        file: String,
        #[command(flatten)]
        into: Into,
    },
}

#[derive(clap::Args)]
pub struct Into {
    /// The hosted zone: its id (Z…) or its name.
    #[arg(long)]
    zone: String,
    /// A preset name, a scenario JSON file or a zone folder.
    #[arg(long)]
    scenario: String,
    /// Where to write the updated scenario.
    #[arg(long, value_name = "FILE")]
    out: String,
    /// Make the zone hold exactly the imported record sets (others are deleted); by default
    /// they are merged in (UPSERT).
    #[arg(long)]
    replace: bool,
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The scenario document (JSON) on standard output.
    Json {
        #[arg(long)]
        scenario: String,
    },
    /// One BIND zone file per hosted zone, written into DIR.
    #[command(name = "zone-files")]
    ZoneFiles {
        dir: String,
        #[arg(long)]
        scenario: String,
    },
    /// The whole world as a zone folder (topology.json and zones/), written into DIR.
    Folder {
        dir: String,
        #[arg(long)]
        scenario: String,
    },
    /// Terraform HCL on standard output.
    Terraform {
        #[arg(long)]
        scenario: String,
    },
    /// AWS CLI commands (a shell script) on standard output.
    Cli {
        #[arg(long)]
        scenario: String,
    },
}

/// `delegation-lab share` options.
#[derive(clap::Args)]
pub struct ShareArgs {
    /// A preset name, a scenario JSON file or a zone folder.
    #[arg(long)]
    scenario: String,
    /// The zone to show selected (its id).
    #[arg(long)]
    zone: Option<String>,
    /// The query to show, such as "dig +trace api.example.com".
    #[arg(long)]
    query: Option<String>,
    /// The step of the trace to show (0-based).
    #[arg(long)]
    step: Option<usize>,
    /// Print the link's size against the budget instead of the link.
    #[arg(long)]
    size: bool,
}

/// Reads the file (or standard input, `-`) to import, at most [`MAX_IMPORT_BYTES`].
fn read_input(file: &str) -> Result<(String, String), CliError> {
    let (label, reader): (String, Box<dyn std::io::Read>) = if file == "-" {
        ("standard input".into(), Box::new(std::io::stdin()))
    } else {
        let opened = std::fs::File::open(file).map_err(|error| CliError::Read {
            path: file.to_string(),
            error,
        })?;
        (file.to_string(), Box::new(opened))
    };
    let mut text = String::new();
    let limit = MAX_IMPORT_BYTES as u64 + 1;
    if let Err(error) =
        std::io::Read::read_to_string(&mut std::io::Read::take(reader, limit), &mut text)
    {
        return Err(CliError::Read { path: label, error });
    }
    if text.len() > MAX_IMPORT_BYTES {
        return Err(CliError::TooLarge { label });
    }
    Ok((label, text))
}

fn write(path: &Path, text: &str) -> Result<(), CliError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|error| CliError::CreateDir {
            path: parent.display().to_string(),
            error,
        })?;
    }
    std::fs::write(path, text).map_err(|error| CliError::Write {
        path: path.display().to_string(),
        error,
    })
}

/// Runs an `import` command: the summary to print, or a one-line error.
pub fn import(cmd: ImportCommand) -> Result<String, CliError> {
    let (file, into, zone_file) = match cmd {
        ImportCommand::Zone { file, into } => (file, into, true),
        ImportCommand::Route53Json { file, into } => (file, into, false),
    };
    let mut s = source::load(&into.scenario)?;
    let (label, text) = read_input(&file)?;
    let mode = if into.replace {
        ImportMode::Replace
    } else {
        ImportMode::Merge
    };
    let import: Import = if zone_file {
        interop::import_zone_file(&s, &into.zone, &label, &text, mode)
    } else {
        interop::import_route53_json(&s, &into.zone, &label, &text, mode)
    }?;
    import.edit.apply(&mut s)?;
    write(Path::new(&into.out), &interop::export_json(&s))?;
    let mut out = import.summary.join("\n");
    out.push_str(&format!("\nWrote {}.\n", into.out));
    Ok(out)
}

/// Runs an `export` command: the text to print, or a one-line error.
pub fn export(cmd: ExportCommand) -> Result<String, CliError> {
    match cmd {
        ExportCommand::Json { scenario } => Ok(interop::export_json(&source::load(&scenario)?)),
        ExportCommand::Terraform { scenario } => Ok(interop::terraform(&source::load(&scenario)?)),
        ExportCommand::Cli { scenario } => Ok(interop::aws_cli(&source::load(&scenario)?)),
        ExportCommand::ZoneFiles { dir, scenario } => {
            let files = interop::export_zone_files(&source::load(&scenario)?);
            write_files(&dir, &files)
        }
        ExportCommand::Folder { dir, scenario } => {
            let files = interop::export_folder(&source::load(&scenario)?);
            write_files(&dir, &files)
        }
    }
}

fn write_files(dir: &str, files: &[(String, String)]) -> Result<String, CliError> {
    let mut out = String::new();
    for (name, text) in files {
        // Exports make safe names; this keeps every file inside DIR whatever they hold.
        let path = Path::new(dir).join(file_name::relative_path(name));
        write(&path, text)?;
        out.push_str(&format!("{}\n", path.display()));
    }
    Ok(out)
}

/// Runs `share`: the fragment (or its size), or a one-line error.
pub fn share(args: ShareArgs) -> Result<String, CliError> {
    let s = source::load(&args.scenario)?;
    let view = LinkFocus {
        zone: args.zone,
        dig: args.query,
        step: args.step,
        play: false,
    };
    let view = (view != LinkFocus::default()).then_some(view);
    if args.size {
        let chars = interop::encoded_size(&s, view.as_ref());
        let json = s.to_json().len();
        return Ok(format!(
            "{chars} characters of {LINK_BUDGET} ({}%); the scenario's JSON is {json} bytes\n",
            chars * 100 / LINK_BUDGET
        ));
    }
    let fragment = interop::share(&s, view.as_ref())?;
    Ok(format!("{fragment}\n"))
}

/// Runs `open-link`: writes the scenario, prints what was opened.
pub fn open_link(link: &str, out: &str) -> Result<String, CliError> {
    let shared = interop::open_link(link)?;
    write(Path::new(out), &interop::export_json(&shared.scenario))?;
    let mut text = format!("Opened \"{}\"; wrote {out}.\n", shared.scenario.title);
    if let Some(focus) = &shared.focus {
        text.push_str(&format!(
            "View: {}\n",
            serde_json::to_string(focus).expect("a view serialises")
        ));
    }
    Ok(text)
}
