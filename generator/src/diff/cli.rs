//! The `specgen diff` command: resolve both sides, compare, print, and set the exit code.

use super::kinds::Severity;
use super::sides::{resolve, Side};
use super::{compare, report};
use crate::report::Renderer;
use clap::ValueEnum;
use std::path::Path;

/// Exit code when a side cannot be read.
pub const EXIT_ERROR: u8 = 2;
/// Exit code when `--fail-on` is met.
pub const EXIT_FAIL_ON: u8 = 1;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Breaking,
    PotentiallyBreaking,
    Any,
    None,
}

impl FailOn {
    fn is_met(self, worst: Option<Severity>) -> bool {
        match (self, worst) {
            (_, None) | (FailOn::None, _) => false,
            (FailOn::Any, Some(_)) => true,
            (FailOn::Breaking, Some(w)) => w <= Severity::Breaking,
            (FailOn::PotentiallyBreaking, Some(w)) => w <= Severity::PotentiallyBreaking,
        }
    }
}

/// Arguments of `specgen diff`.
#[derive(Clone, Debug, clap::Args)]
pub struct DiffArgs {
    /// The old side: an IR directory, a document or directory of documents, a specs directory,
    /// or a git revision (`HEAD~1`, `main`; `.` is the working tree).
    pub old: String,
    /// The new side, as OLD.
    pub new: String,
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ReportFormat,
    /// Exit with 1 when a change this severe (or worse) is found; 2 means a side could not be read.
    #[arg(long, value_enum, default_value = "none")]
    pub fail_on: FailOn,
}

/// Runs the command and returns the process exit code.
pub fn run(args: &DiffArgs, cwd: &Path, renderer: &mut Renderer) -> u8 {
    let mut sides = Vec::new();
    for arg in [&args.old, &args.new] {
        match resolve(arg, cwd) {
            Ok(side) => {
                report_reading(arg, &side, renderer);
                sides.push(side);
            }
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_ERROR;
            }
        }
    }
    let [old, new] = sides.as_slice() else {
        return EXIT_ERROR;
    };
    let diff = compare(&old.api, &new.api);
    let text = match args.format {
        ReportFormat::Markdown => report::markdown(&diff, &args.old, &args.new),
        ReportFormat::Json => match report::json(&diff, &args.old, &args.new) {
            Ok(text) => text + "\n",
            Err(e) => {
                eprintln!("error: cannot serialise the report: {e}");
                return EXIT_ERROR;
            }
        },
    };
    print!("{text}");
    if args.fail_on.is_met(diff.worst()) {
        EXIT_FAIL_ON
    } else {
        0
    }
}

/// What reading a side reported, on stderr: the report itself goes to stdout.
fn report_reading(arg: &str, side: &Side, renderer: &mut Renderer) {
    for note in &side.notes {
        eprintln!("note: {note}");
    }
    for d in &side.diagnostics {
        eprint!("{}", renderer.render(d));
    }
    eprintln!(
        "{arg}: {} products, {} operations, {} reading diagnostics",
        side.api.products.len(),
        side.api.operation_count(),
        side.diagnostics.len()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_on_thresholds() {
        assert!(FailOn::Breaking.is_met(Some(Severity::Breaking)));
        assert!(!FailOn::Breaking.is_met(Some(Severity::PotentiallyBreaking)));
        assert!(FailOn::PotentiallyBreaking.is_met(Some(Severity::PotentiallyBreaking)));
        assert!(!FailOn::PotentiallyBreaking.is_met(Some(Severity::Compatible)));
        assert!(FailOn::Any.is_met(Some(Severity::DocsOnly)));
        assert!(!FailOn::Any.is_met(None));
        assert!(!FailOn::None.is_met(Some(Severity::Breaking)));
    }
}
