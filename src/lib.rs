//! Integration tests and examples for graph-core live in `tests/` and `examples/`.
