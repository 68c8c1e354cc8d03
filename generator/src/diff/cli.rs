//! The `specgen diff` command: resolve both sides, compare, print, and set the exit code.

use super::accept::{self, ACCEPT_FILE};
use super::kinds::Severity;
use super::sides::{git_toplevel, resolve, Side};
use super::{compare, report};
use crate::report::Renderer;
use clap::ValueEnum;
use std::path::{Path, PathBuf};

/// Exit code when a side cannot be read.
pub const EXIT_ERROR: u8 = 2;
/// Exit code when `--fail-on` is met.
pub const EXIT_FAIL_ON: u8 = 1;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
    /// GitHub Actions workflow annotations (`::error file=..,line=..::`).
    Github,
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
    /// Reviewed changes that no longer fail `--fail-on` (default: `specs/accepted-changes.yaml`
    /// of the repository, or of the current directory outside one).
    #[arg(long, value_name = "FILE")]
    pub accepted: Option<PathBuf>,
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
    let mut diff = compare(&old.api, &new.api);
    let accept_path = args.accepted.clone().unwrap_or_else(|| {
        git_toplevel(cwd)
            .unwrap_or_else(|| cwd.to_path_buf())
            .join(ACCEPT_FILE)
    });
    let entries = match accept::load(&cwd.join(&accept_path)) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    let applied = accept::apply(&mut diff, &entries);
    for e in &applied.expired {
        eprintln!(
            "note: {}: the accepted `{}` of {} in {} has changed again since it was accepted; it fails again",
            accept_path.display(), e.kind, e.subject, e.operation
        );
    }
    for e in &applied.unused {
        eprintln!(
            "note: {}: the accepted `{}` of {} in {} matches no finding; remove it",
            accept_path.display(),
            e.kind,
            e.subject,
            e.operation
        );
    }
    for d in &diff.diagnostics {
        eprint!("{}", renderer.render(d));
    }
    eprintln!("diff: {} diagnostics", diff.diagnostics.len());
    let sides = report::Sides {
        old: &args.old,
        new: &args.new,
        old_root: &old.root,
        new_root: &new.root,
    };
    let text = match args.format {
        ReportFormat::Markdown => report::markdown(&diff, sides),
        ReportFormat::Github => report::github(&diff),
        ReportFormat::Json => match report::json(&diff, &args.old, &args.new) {
            Ok(text) => text + "\n",
            Err(e) => {
                eprintln!("error: cannot serialise the report: {e}");
                return EXIT_ERROR;
            }
        },
    };
    print!("{text}");
    if args.fail_on.is_met(diff.worst_unaccepted()) {
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
        side.diagnostic_count()
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
