//! Compile-time tests: misuse of the macros is rejected with a clear, spanned
//! message (`tests/ui/{entity,complex,inheritance,polymorphic,enum,endpoint}/*.rs`
//! with their `.stderr`), and correct use compiles (`tests/ui/pass/*.rs`).
//!
//! Refresh snapshots with `TRYBUILD=overwrite cargo test --test ui`, then read
//! every changed `.stderr` as a user would.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/entity/*.rs");
    cases.compile_fail("tests/ui/complex/*.rs");
    cases.compile_fail("tests/ui/inheritance/*.rs");
    cases.compile_fail("tests/ui/polymorphic/*.rs");
    cases.compile_fail("tests/ui/enum/*.rs");
    cases.compile_fail("tests/ui/endpoint/*.rs");
}
