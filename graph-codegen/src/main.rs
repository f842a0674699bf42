//! `graph-codegen`: writes a crate of bindings for a selection of a CSDL
//! metadata file. Run with `--help` for the options.

use std::path::PathBuf;
use std::process::ExitCode;

use graph_codegen::{cargo_toml, generate, read_metadata, Metadata, Options};

const HELP: &str = "\
graph-codegen: generate bindings from Microsoft Graph's CSDL metadata for the
msgraph-typed runtime (the graph-core folder of this repository)

USAGE:
    cargo run -p graph-codegen -- --metadata FILE --out DIR [SELECTION...] [OPTIONS]

SELECTION (any number, combined):
    --path /users        the endpoints of this path (entity set, singleton or
                         navigation property; `{id}` segments may be left out)
    --tree /drives       this path and everything contained below it
    --type NAME          a type by qualified name (microsoft.graph.user)
    --namespace NS       every type of a namespace (microsoft.graph.callRecords)
    --all                everything; each entity set and singleton becomes a
                         cargo feature (`full` enables all)
    Every selection brings the types it needs: base types, property types,
    and the types derived from them.

OPTIONS:
    --metadata FILE      the CSDL file ($metadata XML), optionally .gz
    --out DIR            where to write Cargo.toml and src/
    --crate-name NAME    the generated package's name (default graph-bindings)
    --graph-core DEP     the runtime's dependency spec in Cargo.toml, written
                         as `msgraph-typed = DEP` (default this version,
                         \"={version}\"; e.g. '{ path = \"../graph-core\" }')
    --depth N            navigation steps below a --tree or --all root (default {depth})
    --derive LIST        the derives of struct types, comma-separated
                         (default {derives})
    --no-endpoints       types only
    --operation NAME     the bound actions and functions named NAME at the
                         selected paths (repeatable)
    --all-operations     every bound action and function at the selected paths
                         (the default with --all; otherwise they are opt-in)
    --no-operations      no bound actions and functions, not even with --all
    --plain-serde        plain serde derives instead of the macros (a baseline
                         for compile-time measurements; loses unknown values)
    --check              write nothing; fail if DIR differs from what would be written
";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("graph-codegen: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut options = Options::default();
    let mut metadata_path = None;
    let mut out = None;
    let mut crate_name = "graph-bindings".to_owned();
    // This project's runtime at exactly this version: `graph-core` on
    // crates.io is another project's.
    let mut graph_core = format!("\"={}\"", env!("CARGO_PKG_VERSION"));
    let mut check = false;
    let mut args = args.iter();
    // The regenerate command in the header: the arguments as given, minus
    // `--check`.
    let mut command = vec!["cargo run -p graph-codegen --".to_owned()];
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value; see --help"))
        };
        match arg.as_str() {
            "--help" | "-h" => {
                // The defaults the library uses, so the two cannot drift.
                let help = HELP
                    .replace("{depth}", &Options::default().depth.to_string())
                    .replace("{version}", env!("CARGO_PKG_VERSION"))
                    .replace("{derives}", &graph_codegen::DEFAULT_DERIVES.join(","));
                print!("{help}");
                return Ok(());
            }
            "--check" => {
                check = true;
                continue;
            }
            "--all" => options.whole = true,
            "--no-endpoints" => options.no_endpoints = true,
            "--no-operations" => options.no_operations = true,
            "--all-operations" => options.all_operations = true,
            "--operation" => options.operations.push(value(arg)?),
            "--plain-serde" => options.plain_serde = true,
            "--path" => options.paths.push(value(arg)?),
            "--tree" => options.trees.push(value(arg)?),
            "--type" => options.types.push(value(arg)?),
            "--namespace" => options.namespaces.push(value(arg)?),
            "--metadata" => metadata_path = Some(PathBuf::from(value(arg)?)),
            "--out" => out = Some(PathBuf::from(value(arg)?)),
            "--crate-name" => {
                crate_name = value(arg)?;
                // Cargo's rule for package names.
                let valid = crate_name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && crate_name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if !valid {
                    return Err(format!(
                        "--crate-name {crate_name:?} is not a package name: write ASCII letters, \
                         digits, `-` and `_`, starting with a letter"
                    ));
                }
            }
            "--graph-core" => graph_core = value(arg)?,
            "--derive" => {
                options.derives = Some(
                    value(arg)?
                        .split(',')
                        .map(|d| d.trim().to_owned())
                        .filter(|d| !d.is_empty())
                        .collect(),
                )
            }
            "--depth" => {
                options.depth = value(arg)?
                    .parse()
                    .map_err(|_| "--depth takes a number".to_owned())?
            }
            other => return Err(format!("unknown argument `{other}`; see --help")),
        }
        command.push(arg.clone());
        if !matches!(
            arg.as_str(),
            "--all" | "--no-endpoints" | "--no-operations" | "--all-operations" | "--plain-serde"
        ) {
            let given = command_value(
                &command,
                arg,
                &options,
                &metadata_path,
                &out,
                &crate_name,
                &graph_core,
            );
            command.push(given);
        }
    }
    let metadata_path = metadata_path.ok_or("--metadata FILE is required; see --help")?;
    let out = out.ok_or("--out DIR is required; see --help")?;
    let (text, sha256) = read_metadata(&metadata_path)
        .map_err(|error| format!("cannot read {}: {error}", metadata_path.display()))?;
    let metadata =
        Metadata::parse(&text).map_err(|error| format!("{}: {error}", metadata_path.display()))?;
    options.source_name = metadata_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    options.source_sha256 = sha256;
    options.command = command.join(" ");
    let output = generate(&metadata, &options)
        .map_err(|error| format!("{}: {error}", metadata_path.display()))?;
    let header = output.files["lib.rs"]
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .to_owned();
    let mut files: Vec<(PathBuf, String)> = vec![(
        out.join("Cargo.toml"),
        cargo_toml(
            &crate_name,
            &graph_core,
            &output,
            &header,
            options.plain_serde,
        ),
    )];
    for (path, source) in &output.files {
        files.push((out.join("src").join(path), source.clone()));
    }
    if check {
        let stale: Vec<String> = files
            .iter()
            .filter(|(path, source)| std::fs::read_to_string(path).ok().as_ref() != Some(source))
            .map(|(path, _)| path.display().to_string())
            .collect();
        if !stale.is_empty() {
            return Err(format!(
                "out of date: {}; regenerate with: {}",
                stale.join(", "),
                options.command
            ));
        }
        return Ok(());
    }
    for (path, source) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(path, source).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let report = &output.report;
    eprintln!(
        "graph-codegen: wrote {} ({} struct types, {} enums, {} polymorphic enums, {} endpoints at {} paths; {} redeclared properties left to their base, {} stream properties not fields)",
        out.display(),
        report.structs,
        report.enums,
        report.polymorphic,
        report.endpoints,
        report.paths,
        report.redeclared.len(),
        report.streams.len()
    );
    if report.operation_endpoints > 0 || !report.operations_skipped.is_empty() {
        eprintln!(
            "graph-codegen: {} of the endpoints are {} bound actions and functions; {} more apply but were left out:",
            report.operation_endpoints,
            report.operations_generated.len(),
            report.operations_skipped.len()
        );
        for (index, reason) in &report.operations_skipped {
            let operation = &metadata.operations[*index];
            eprintln!(
                "    {}.{} bound to {}: {reason}",
                operation.namespace, operation.name, operation.binding.name
            );
        }
    }
    if !report.unknown_types.is_empty() {
        let names: Vec<&str> = report.unknown_types.iter().map(String::as_str).collect();
        eprintln!(
            "graph-codegen: types the metadata references but does not define, read as JsonValue: {}",
            names.join(", ")
        );
    }
    Ok(())
}

/// The value just read for `arg`, quoted for a shell when it needs it.
fn command_value(
    _command: &[String],
    arg: &str,
    options: &Options,
    metadata: &Option<PathBuf>,
    out: &Option<PathBuf>,
    crate_name: &str,
    graph_core: &str,
) -> String {
    let value = match arg {
        "--path" => options.paths.last().cloned(),
        "--tree" => options.trees.last().cloned(),
        "--type" => options.types.last().cloned(),
        "--namespace" => options.namespaces.last().cloned(),
        "--operation" => options.operations.last().cloned(),
        "--metadata" => metadata.as_ref().map(|p| p.display().to_string()),
        "--out" => out.as_ref().map(|p| p.display().to_string()),
        "--crate-name" => Some(crate_name.to_owned()),
        "--graph-core" => Some(graph_core.to_owned()),
        "--depth" => Some(options.depth.to_string()),
        "--derive" => options.derives.as_ref().map(|d| d.join(",")),
        _ => None,
    }
    .unwrap_or_default();
    shell_word(&value)
}

/// `value` as one word of a POSIX shell command line, on one line and
/// readable: as it is when it holds only safe characters, else in single
/// quotes (a `'` written `'\''`), or, when it holds a line break, another
/// control character or an invisible direction or line-separator character
/// (which would end or disguise the header's comment), as `$'...'` with
/// those written `\n`, `\t` or `\xHH` per byte (POSIX.1-2024; bash, zsh,
/// ksh). The header's regenerate line is the command of such words.
fn shell_word(value: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-{}".contains(c);
    if !value.is_empty() && value.chars().all(safe) {
        return value.to_owned();
    }
    if !value.chars().any(graph_codegen::unsafe_in_comment) {
        return format!("'{}'", value.replace('\'', "'\\''"));
    }
    let mut out = String::from("$'");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if graph_codegen::unsafe_in_comment(c) => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("\\x{byte:02x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}
