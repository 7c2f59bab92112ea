//! The CSV item list: the shape planners keep in spreadsheets, one row per item. It is read
//! into the scenario file's types and validated by the same rules, so it lives in
//! [`crate::format`]; this module is its public name.

pub use crate::format::item_list::{
    CHINESE_COLUMNS, MAX_CELLS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, header_language,
    parse_item_list, parse_item_list_in_parts,
};
