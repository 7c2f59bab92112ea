//! The flexible fields of the file types: hand-written serde impls, so a value of the wrong shape
//! gets a message that says which shapes are allowed, and numbers are written whole when they are.

use std::fmt;

use permitflow_i18n::tr;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::file::{FileAfter, FileBound, FileCalendar, FileLinkSpec, FileMaterials, FileNumber};

// ---------------------------------------------------------------------------------------------
// Flexible fields: hand-written visitors so a wrong shape gets a message that says what is allowed.

fn whole_or_float<S: Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(v as i64)
    } else {
        s.serialize_f64(v)
    }
}

impl Serialize for FileNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.source {
            None => whole_or_float(self.value, s),
            Some(src) => {
                #[derive(Serialize)]
                struct Out<'a> {
                    #[serde(serialize_with = "whole_or_float_ref")]
                    value: f64,
                    source: &'a str,
                }
                Out {
                    value: self.value,
                    source: src,
                }
                .serialize(s)
            }
        }
    }
}

fn whole_or_float_ref<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    whole_or_float(*v, s)
}

impl<'de> Deserialize<'de> for FileNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, or a table { value = N, source = \"…\" }")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileNumber, E> {
                Ok(FileNumber {
                    value: v as f64,
                    source: None,
                })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileNumber, E> {
                self.visit_i64(v as i64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<FileNumber, E> {
                Ok(FileNumber {
                    value: v,
                    source: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FileNumber, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct In {
                    value: f64,
                    #[serde(default)]
                    source: Option<String>,
                }
                let i = In::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(FileNumber {
                    value: i.value,
                    source: i.source,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for FileMaterials {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Count(n) => s.serialize_u32(*n),
            Self::Named(v) => v.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FileMaterials {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileMaterials;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a count of documents, or a list of their names")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileMaterials, E> {
                u32::try_from(v)
                    .map(FileMaterials::Count)
                    .map_err(|_| E::custom(tr!("diag-materials-negative", value = v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileMaterials, E> {
                u32::try_from(v)
                    .map(FileMaterials::Count)
                    .map_err(|_| E::custom(tr!("diag-materials-too-large", value = v.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<FileMaterials, A::Error> {
                Vec::<String>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(FileMaterials::Named)
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for FileAfter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(t) => s.serialize_str(t),
            Self::Link(l) => l.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for FileAfter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileAfter;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a predecessor like \"ID\", \"ID+2\", \"ID:SS-1\", or a table { item = \"ID\", type = \"FS\", lag = 0, max_lag = 5 }",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FileAfter, E> {
                Ok(FileAfter::Text(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FileAfter, A::Error> {
                FileLinkSpec::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|l| FileAfter::Link(Box::new(l)))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for FileCalendar {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.files.is_empty() {
            s.serialize_str(&self.base)
        } else {
            #[derive(Serialize)]
            struct Out<'a> {
                base: &'a str,
                files: &'a [String],
            }
            Out {
                base: &self.base,
                files: &self.files,
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for FileCalendar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileCalendar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"cn\", \"weekends\", or { base = \"cn\", files = [\"….json\"] }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FileCalendar, E> {
                Ok(FileCalendar {
                    base: v.to_owned(),
                    files: vec![],
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FileCalendar, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct In {
                    #[serde(default = "cn")]
                    base: String,
                    #[serde(default)]
                    files: Vec<String>,
                }
                fn cn() -> String {
                    "cn".into()
                }
                let i = In::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(FileCalendar {
                    base: i.base,
                    files: i.files,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for FileBound {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(v) => whole_or_float(*v, s),
            Self::Range(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for FileBound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileBound;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of days, or a range as text like \"36.5..54\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileBound, E> {
                Ok(FileBound::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileBound, E> {
                Ok(FileBound::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<FileBound, E> {
                Ok(FileBound::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FileBound, E> {
                Ok(FileBound::Range(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}
