//! The serde impl of a name that may be given in two languages: `name = "…"` or
//! `name = { zh = "…", en = "…" }`, with a message that says which shapes are allowed.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::file::{FileLabel, FileName};

impl Serialize for FileName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(t) => s.serialize_str(t),
            Self::Table(l) => l.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FileName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name: text, or a table { zh = \"…\", en = \"…\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FileName, E> {
                Ok(FileName::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<FileName, E> {
                Ok(FileName::Text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FileName, A::Error> {
                FileLabel::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|l| FileName::Table(Box::new(l)))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Serialize)]
    struct T {
        name: FileName,
    }

    #[test]
    fn a_name_is_text_or_a_table_in_two_languages() {
        let t: T = toml::from_str("name = \"审查\"").unwrap();
        assert_eq!(t.name.written(), "审查");
        let t: T = toml::from_str("name = { zh = \"施工许可阶段\", en = \"Construction permit\" }")
            .unwrap();
        assert_eq!(t.name.written(), "施工许可阶段");
        let t: T = toml::from_str("name = { en = \"Construction permit\" }").unwrap();
        assert_eq!(t.name.written(), "Construction permit");
        let e = toml::from_str::<T>("name = { fr = \"x\" }").err().unwrap();
        assert!(e.to_string().contains("unknown field `fr`"), "{e}");
        let e = toml::from_str::<T>("name = 3").err().unwrap();
        assert!(e.to_string().contains("a name: text, or a table"), "{e}");
    }
}
