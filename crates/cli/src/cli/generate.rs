//! `delegation-lab generate big-zone|many-zones --out FILE`: writes a generated scenario at
//! the scale the app is measured at (see `scenario::scale`), so benchmarks of the web app
//! and of the engine load the very same document.

use clap::Subcommand;

use delegation_lab_engine::scenario::{interop, scale};

use super::error::CliError;

#[derive(Subcommand)]
pub enum GenerateCommand {
    /// One hosted zone (example.com) holding SETS record sets.
    #[command(name = "big-zone")]
    BigZone {
        #[arg(long, default_value_t = scale::BIG_ZONE_SETS)]
        sets: usize,
        /// Where to write the scenario JSON.
        #[arg(long, value_name = "FILE")]
        out: String,
    },
    /// ZONES hosted zones over ACCOUNTS accounts, each delegated from example.com.
    #[command(name = "many-zones")]
    ManyZones {
        #[arg(long, default_value_t = scale::MANY_ZONES)]
        zones: usize,
        #[arg(long, default_value_t = scale::MANY_ZONES_ACCOUNTS)]
        accounts: usize,
        /// Where to write the scenario JSON.
        #[arg(long, value_name = "FILE")]
        out: String,
    },
}

/// Generates the scenario and writes it: what was written, or a one-line error.
pub fn run(cmd: GenerateCommand) -> Result<String, CliError> {
    let (scenario, out) = match cmd {
        GenerateCommand::BigZone { sets, out } => {
            if !(2..=1_000_000).contains(&sets) {
                return Err(CliError::Sets(sets));
            }
            (scale::big_zone(sets), out)
        }
        GenerateCommand::ManyZones {
            zones,
            accounts,
            out,
        } => {
            if !(1..=20_000).contains(&zones) || !(1..=1_000).contains(&accounts) {
                return Err(CliError::ZonesAccounts { zones, accounts });
            }
            (scale::many_zones(zones, accounts), out)
        }
    };
    let text = interop::export_json(&scenario);
    std::fs::write(&out, &text).map_err(|error| CliError::Write {
        path: out.clone(),
        error,
    })?;
    Ok(format!(
        "Wrote {out}: \"{}\" ({} hosted zones, {} record sets, {} bytes).\n",
        scenario.title,
        scenario.aws.hosted_zones.len(),
        scenario
            .aws
            .hosted_zones
            .iter()
            .filter_map(|hz| scenario.world.zone(&hz.id))
            .map(|z| z.len())
            .sum::<usize>(),
        text.len()
    ))
}
