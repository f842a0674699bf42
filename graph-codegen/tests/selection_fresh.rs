//! The checked-in generated crates (`graph-codegen/selection` and
//! `graph-codegen/unusual`, workspace members that `cargo test --workspace`
//! compiles) are what the generator writes today. Their headers hold the
//! command that regenerates them.

use std::path::Path;
use std::process::Command;

/// `cargo run -p graph-codegen -- ARGS` from a header line, split as a
/// shell would (the generator quotes with `'...'` only).
fn header_args(lib_rs: &str) -> (String, Vec<String>) {
    let command = lib_rs
        .lines()
        .find(|line| line.starts_with("// cargo run -p graph-codegen -- "))
        .expect("the header names the command")
        .trim_start_matches("// ")
        .to_owned();
    let rest = command.trim_start_matches("cargo run -p graph-codegen -- ");
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in rest.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => {
                if !current.is_empty() {
                    args.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        args.push(current);
    }
    (command, args)
}

#[test]
fn the_checked_in_selection_is_up_to_date() {
    assert_fresh("graph-codegen/selection");
}

/// `graph-codegen/unusual`: the crate generated from
/// `tests/fixtures/unusual-names.xml`, names and descriptions that once
/// broke the generated code, which the workspace compiles and
/// the package `tests/unusual-names` uses.
#[test]
fn the_checked_in_unusual_names_crate_is_up_to_date() {
    assert_fresh("graph-codegen/unusual");
}

fn assert_fresh(crate_dir: &str) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let lib_rs = std::fs::read_to_string(workspace.join(crate_dir).join("src/lib.rs"))
        .expect("the checked-in crate");
    let (command, args) = header_args(&lib_rs);
    let check = Command::new(env!("CARGO_BIN_EXE_graph-codegen"))
        .current_dir(workspace)
        .args(&args)
        .arg("--check")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{crate_dir} is stale ({}); regenerate it from the workspace root with:\n\n    {command}\n",
        String::from_utf8_lossy(&check.stderr).trim()
    );
}

#[test]
fn check_mode_reports_a_stale_file_and_the_command() {
    let dir = std::env::temp_dir().join(format!("graph-codegen-stale-{}", std::process::id()));
    let metadata = Path::new(env!("CARGO_MANIFEST_DIR")).join("metadata/v1.0-Prod.csdl.gz");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_graph-codegen"))
            .arg("--metadata")
            .arg(&metadata)
            .arg("--out")
            .arg(&dir)
            .args(["--path", "/users"])
            .args(extra)
            .output()
            .unwrap()
    };
    assert!(run(&[]).status.success());
    assert!(run(&["--check"]).status.success());
    let graph = dir.join("src/graph.rs");
    let text = std::fs::read_to_string(&graph).unwrap();
    std::fs::write(
        &graph,
        text.replace("pub struct User {", "pub struct Usr {"),
    )
    .unwrap();
    let stale = run(&["--check"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!stale.status.success());
    let message = String::from_utf8_lossy(&stale.stderr);
    assert!(message.contains("graph.rs"), "{message}");
    assert!(
        message.contains("regenerate with: cargo run -p graph-codegen -- --metadata"),
        "{message}"
    );
}
