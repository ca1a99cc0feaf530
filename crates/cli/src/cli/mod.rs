//! The `delegation-lab` command line: `dig` on a scenario, `check` (the diagnosis), ACM
//! certificates and their validation (`acm`), imports, exports and share links (see
//! [`interop`]), and the list of presets. Errors are one line on stderr with exit code 2.

mod check;

mod acm;
mod error;
mod generate;
mod interop;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand};

use delegation_lab_engine::dns::resolve::Cache;
use delegation_lab_engine::scenario::{dig_command, presets, source};

use error::CliError;

#[derive(Parser)]
#[command(
    name = "delegation-lab",
    version,
    about = "A DNS delegation simulator: Route 53 hosted zones, delegation and resolution, step by step"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ask a question as dig would: `dig [@SERVER] [+trace] [+short] [+norecurse] [+json] [TYPE] NAME --scenario SOURCE`.
    /// Without @SERVER the public recursive resolver (8.8.8.8) answers, with an empty cache.
    /// SOURCE is a preset name, a scenario JSON file or a zone folder (default: the article's preset).
    #[command(disable_help_flag = true)]
    Dig {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, num_args = 0..)]
        args: Vec<String>,
    },
    /// ACM certificates: request, validate on the simulated clock, list, Terraform view.
    Acm {
        #[command(subcommand)]
        command: acm::AcmCommand,
    },
    /// Diagnose a scenario: print its findings (code, severity, explanation, evidence, fixes).
    /// Exits 1 when a finding is an error, 0 otherwise.
    Check {
        /// A preset name, a scenario JSON file or a zone folder.
        #[arg(long, value_name = "SOURCE")]
        scenario: String,
        /// Print the findings as JSON (with each piece of evidence's full dig output).
        #[arg(long)]
        json: bool,
    },
    /// Import record sets into a hosted zone: a BIND zone file or Route 53's JSON listing.
    Import {
        #[command(subcommand)]
        command: interop::ImportCommand,
    },
    /// Export the scenario: JSON, zone files, a zone folder, Terraform or AWS CLI commands.
    Export {
        #[command(subcommand)]
        command: interop::ExportCommand,
    },
    /// Print the share link's fragment (#s1.…) for a scenario.
    Share(interop::ShareArgs),
    /// Open a share link (the fragment or the whole URL) and write its scenario to FILE.
    #[command(name = "open-link")]
    OpenLink {
        link: String,
        #[arg(long, value_name = "FILE")]
        out: String,
    },
    /// List the presets.
    Presets,
    /// Write a generated scenario at scale: `generate big-zone|many-zones --out FILE`.
    Generate {
        #[command(subcommand)]
        command: generate::GenerateCommand,
    },
}

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            e.exit()
        }
        Err(e) => {
            eprintln!("delegation-lab: {}", one_line(&e.to_string()));
            return 2;
        }
    };
    match cli.command {
        Command::Acm { command } => match acm::run(command) {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(e) => {
                eprintln!("delegation-lab acm: {e}");
                2
            }
        },
        Command::Import { command } => report("import", interop::import(command)),
        Command::Export { command } => report("export", interop::export(command)),
        Command::Generate { command } => report("generate", generate::run(command)),
        Command::Share(args) => report("share", interop::share(args)),
        Command::OpenLink { link, out } => report("open-link", interop::open_link(&link, &out)),
        Command::Presets => {
            for p in presets::PRESETS {
                println!("{:<22} {}", p.id, p.title);
            }
            0
        }
        Command::Check { scenario, json } => match check::run(&scenario, json) {
            Ok((text, code)) => {
                print!("{text}");
                code
            }
            Err(e) => {
                eprintln!("delegation-lab check: {e}");
                2
            }
        },
        Command::Dig { args } => match dig(args) {
            Ok((text, code)) => {
                print!("{text}");
                code
            }
            Err(e) => {
                eprintln!("delegation-lab dig: {e}");
                2
            }
        },
    }
}

/// Prints a command's text, or its error as one line on stderr (exit code 2).
fn report(command: &str, result: Result<String, CliError>) -> i32 {
    match result {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(e) => {
            eprintln!("delegation-lab {command}: {}", one_line(&e.to_string()));
            2
        }
    }
}

/// clap's error as one line: the text before its usage block, without the `error:` prefix.
fn one_line(text: &str) -> String {
    let head: Vec<&str> = text
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let joined = head.join(" ");
    joined
        .strip_prefix("error: ")
        .unwrap_or(&joined)
        .to_string()
}

/// Splits `--scenario SOURCE` out of dig's words.
fn take_scenario(args: Vec<String>) -> Result<(String, Vec<String>), CliError> {
    let mut source = None;
    let mut rest = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--scenario" {
            source = Some(it.next().ok_or(CliError::ScenarioMissing)?);
        } else if let Some(v) = a.strip_prefix("--scenario=") {
            source = Some(v.to_string());
        } else if a == "--help" || a == "-h" {
            return Err(CliError::DigUsage);
        } else {
            rest.push(a);
        }
    }
    Ok((source.unwrap_or_else(|| "article".into()), rest))
}

fn dig(args: Vec<String>) -> Result<(String, i32), CliError> {
    let (source, words) = take_scenario(args)?;
    let parsed = dig_command::parse(&words)?;
    let scenario = source::load(&source)?;
    let mut cache = Cache::new();
    let run = dig_command::run(
        &scenario.world,
        &mut cache,
        scenario.clock,
        &parsed,
        &words.join(" "),
    )?;
    Ok((run.text, run.exit_code))
}
