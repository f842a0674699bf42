//! Nothing here: the tests in `tests/` use `graph-unusual` with every
//! area on.
