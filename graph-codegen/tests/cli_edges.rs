//! The command line's edges: a misspelt `--operation` is an error, and
//! values that are not plain words (a `'`, a line break, an invisible
//! direction character in `--out`) reach the header's regenerate command
//! and `Cargo.toml` quoted, so both still parse and regenerate the same.

#[allow(dead_code)] // the CLI tests need the document, not the library's output
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TYPES: &str = r#"<EntityType Name="user" BaseType="graph.entity" />
      <Action Name="sendMail" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
        <Parameter Name="Message" Type="Edm.String" />
      </Action>
      <Action Name="sendMailLater" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
      </Action>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="graph.user" />
      </EntityContainer>"#;

/// A directory of its own under the temporary directory, with the
/// metadata written in it.
fn scratch(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("graph-codegen-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let metadata = dir.join("hand.csdl");
    std::fs::write(&metadata, common::csdl(TYPES, "")).unwrap();
    (dir, metadata)
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_graph-codegen"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_misspelt_operation_is_an_error_that_suggests_the_name() {
    let (dir, metadata) = scratch("operation");
    let metadata = metadata.to_str().unwrap();
    let misspelt = run(
        &dir,
        &[
            "--metadata",
            metadata,
            "--out",
            "out",
            "--path",
            "/users",
            "--operation",
            "sendMial",
        ],
    );
    let message = String::from_utf8_lossy(&misspelt.stderr);
    assert!(!misspelt.status.success(), "{message}");
    assert!(message.contains("hand.csdl"), "{message}");
    assert!(message.contains("`sendMial`"), "{message}");
    assert!(message.contains("did you mean `sendMail`"), "{message}");
    assert!(!dir.join("out").exists(), "nothing is written");
    // No close name: no suggestion.
    let unknown = run(
        &dir,
        &[
            "--metadata",
            metadata,
            "--out",
            "out",
            "--path",
            "/users",
            "--operation",
            "frobnicate",
        ],
    );
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(!unknown.status.success());
    assert!(
        message.contains("`frobnicate` is not the name"),
        "{message}"
    );
    assert!(!message.contains("did you mean"), "{message}");
    // Names of the metadata still work.
    let known = run(
        &dir,
        &[
            "--metadata",
            metadata,
            "--out",
            "out",
            "--path",
            "/users",
            "--operation",
            "sendMail",
        ],
    );
    assert!(
        known.status.success(),
        "{}",
        String::from_utf8_lossy(&known.stderr)
    );
    let endpoints = std::fs::read_to_string(dir.join("out/src/endpoints.rs")).unwrap();
    assert!(endpoints.contains("pub UsersItemSendMail {"), "{endpoints}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The arguments bash reads from the header's regenerate command.
fn as_bash_reads(command: &str) -> Vec<String> {
    let rest = command
        .strip_prefix("cargo run -p graph-codegen -- ")
        .expect("the command");
    let words = Command::new("bash")
        .arg("-c")
        .arg(format!("printf '%s\\0' {rest}"))
        .output()
        .unwrap();
    assert!(words.status.success());
    String::from_utf8(words.stdout)
        .unwrap()
        .split_terminator('\0')
        .map(str::to_owned)
        .collect()
}

#[test]
fn values_that_are_not_plain_words_are_quoted_in_the_header_and_cargo_toml() {
    let (dir, metadata) = scratch("quoting");
    let metadata = metadata.to_str().unwrap();
    for out in [
        "it's here",
        "two\nlines",
        "back\\slash",
        "sneaky\u{202e}txt.rs",
        "tab\tand 'quote' and \r",
    ] {
        let args = [
            "--metadata",
            metadata,
            "--out",
            out,
            "--crate-name",
            "my_bindings-2",
            "--path",
            "/users",
        ];
        let generated = run(&dir, &args);
        assert!(
            generated.status.success(),
            "{}",
            String::from_utf8_lossy(&generated.stderr)
        );
        let lib_rs = std::fs::read_to_string(dir.join(out).join("src/lib.rs")).unwrap();
        let header: Vec<&str> = lib_rs.split("\n\n").next().unwrap().lines().collect();
        assert_eq!(header.len(), 3, "{out:?}: {header:#?}");
        assert!(
            header.iter().all(|line| line.starts_with("// ")),
            "{header:#?}"
        );
        assert!(
            !header
                .concat()
                .chars()
                .any(graph_codegen::unsafe_in_comment),
            "{header:#?}"
        );
        let command = header[2].trim_start_matches("// ");
        // The shell reads back exactly what was given.
        assert_eq!(as_bash_reads(command), args, "{command}");
        // Cargo.toml is TOML, with the header as comments and the name as
        // given.
        let cargo_toml = std::fs::read_to_string(dir.join(out).join("Cargo.toml")).unwrap();
        let table: toml::Table = toml::from_str(&cargo_toml)
            .unwrap_or_else(|error| panic!("{out:?}: {error}\n{cargo_toml}"));
        assert_eq!(table["package"]["name"].as_str(), Some("my_bindings-2"));
        assert_eq!(cargo_toml.lines().filter(|l| l.starts_with('#')).count(), 4);
        // And the command regenerates the same files.
        let again = run(
            &dir,
            &[as_bash_reads(command), vec!["--check".into()]]
                .concat()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        assert!(
            again.status.success(),
            "{}",
            String::from_utf8_lossy(&again.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_metadata_file_name_that_is_not_a_plain_word_stays_in_its_comment() {
    let (dir, metadata) = scratch("file-name");
    let odd = dir.join("odd\nname\u{202e}.csdl");
    std::fs::rename(&metadata, &odd).unwrap();
    let generated = run(
        &dir,
        &[
            "--metadata",
            odd.to_str().unwrap(),
            "--out",
            "out",
            "--path",
            "/users",
        ],
    );
    assert!(
        generated.status.success(),
        "{}",
        String::from_utf8_lossy(&generated.stderr)
    );
    let lib_rs = std::fs::read_to_string(dir.join("out/src/lib.rs")).unwrap();
    let header: Vec<&str> = lib_rs.split("\n\n").next().unwrap().lines().collect();
    assert_eq!(header.len(), 3, "{header:#?}");
    assert!(
        header[0].contains("`odd\\u{000a}name\\u{202e}.csdl`"),
        "{header:#?}"
    );
    assert!(!lib_rs.chars().any(|c| c == '\u{202e}'));
    let cargo_toml = std::fs::read_to_string(dir.join("out/Cargo.toml")).unwrap();
    toml::from_str::<toml::Table>(&cargo_toml).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_crate_name_cargo_would_refuse_is_an_error() {
    let (dir, metadata) = scratch("crate-name");
    for name in ["quo\"ted", "a b", "1st", "", "é"] {
        let output = run(
            &dir,
            &[
                "--metadata",
                metadata.to_str().unwrap(),
                "--out",
                "out",
                "--crate-name",
                name,
                "--path",
                "/users",
            ],
        );
        assert!(!output.status.success(), "{name:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("is not a package name"), "{stderr}");
    }
    assert!(!dir.join("out").exists());
}

/// `graph-core` on crates.io is another project's: a crate generated
/// without `--graph-core` depends on this project's package, by its own
/// name, at exactly this version.
#[test]
fn without_graph_core_the_runtime_is_this_package_at_this_version() {
    let (dir, metadata) = scratch("default-runtime");
    let output = run(
        &dir,
        &[
            "--metadata",
            metadata.to_str().unwrap(),
            "--out",
            "out",
            "--path",
            "/users",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let cargo_toml = std::fs::read_to_string(dir.join("out/Cargo.toml")).unwrap();
    let table: toml::Table = toml::from_str(&cargo_toml).unwrap();
    let dependencies = table["dependencies"].as_table().unwrap();
    assert!(!dependencies.contains_key("graph-core"), "{cargo_toml}");
    assert_eq!(
        dependencies["msgraph-typed"].as_str(),
        Some(concat!("=", env!("CARGO_PKG_VERSION"))),
        "{cargo_toml}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
