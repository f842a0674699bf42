//! Edm primitive types that have no exact Rust standard-library equivalent.
//! (`Edm.Int32` is `i32`, `Edm.Int64` is `i64`, `Edm.String` is `String`.)

mod date_time_offset;

pub use date_time_offset::DateTimeOffset;
