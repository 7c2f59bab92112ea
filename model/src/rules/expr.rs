//! The `when` expression language: comparisons of project attributes with numbers, quoted text
//! or yes/no, combined with `and`, `or`, `not` and parentheses. Data only: no functions, no IO.
//!
//! A small recursive-descent parser over a token list. The recursion grows only with nested
//! parentheses, bounded by [`MAX_DEPTH`]; an expression is at most [`MAX_LEN`] bytes, and a run
//! of `not`s is read in a loop and kept as its parity. Precedence: `not` binds tightest, then
//! `and`, then `or` (`a or b and not c` is `a or (b and (not c))`).

use std::ops::Range;

use permitflow_i18n::tr;

use super::{Kind, Value};

/// The longest expression read, in bytes: a condition is a line, not a program.
pub const MAX_LEN: usize = 1_000;
/// The deepest nesting of parentheses read.
pub const MAX_DEPTH: usize = 32;

/// How a comparison compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `=` (also `==`)
    Eq,
    /// `!=`
    Ne,
}

impl Op {
    /// As written in an expression.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::Eq => "=",
            Self::Ne => "!=",
        }
    }

    fn orders(self) -> bool {
        !matches!(self, Self::Eq | Self::Ne)
    }
}

/// A parsed condition. Spans are byte ranges in the expression's text.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// `NAME OP VALUE`.
    Compare {
        /// The attribute.
        name: String,
        /// Where the attribute's name is.
        name_at: Range<usize>,
        /// The comparison.
        op: Op,
        /// What the attribute is compared with.
        value: Value,
        /// Where the value is.
        value_at: Range<usize>,
    },
    /// A yes/no attribute on its own: true when it is yes.
    Flag {
        /// The attribute.
        name: String,
        /// Where its name is.
        at: Range<usize>,
    },
    /// `not E`.
    Not(Box<Expr>),
    /// `E and E and …`.
    And(Vec<Expr>),
    /// `E or E or …`.
    Or(Vec<Expr>),
}

/// A problem in an expression, at a byte range of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    /// Where, in the expression's text.
    pub at: Range<usize>,
    /// What is wrong.
    pub message: String,
}

/// A problem of an expression that parsed, against the scenario's attributes.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeProblem {
    /// The attribute is not declared.
    Unknown {
        /// The name as written.
        name: String,
        /// Where.
        at: Range<usize>,
    },
    /// The value or the comparison does not fit the attribute's type.
    Mismatch {
        /// Where.
        at: Range<usize>,
        /// What is wrong.
        message: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Number(f64),
    Text(String),
    YesNo(bool),
    Op(Op),
    And,
    Or,
    Not,
    Open,
    Close,
}

fn err(at: Range<usize>, message: String) -> ExprError {
    ExprError { at, message }
}

fn tokens(text: &str) -> Result<Vec<(Tok, Range<usize>)>, ExprError> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let start = i;
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let tok = match c {
            '(' => {
                i += 1;
                Tok::Open
            }
            ')' => {
                i += 1;
                Tok::Close
            }
            '<' | '>' | '=' | '!' => {
                let two = b.get(i + 1) == Some(&b'=');
                i += if two { 2 } else { 1 };
                Tok::Op(match (c, two) {
                    ('<', false) => Op::Lt,
                    ('<', true) => Op::Le,
                    ('>', false) => Op::Gt,
                    ('>', true) => Op::Ge,
                    ('=', _) => Op::Eq,
                    ('!', true) => Op::Ne,
                    _ => return Err(err(start..i, tr!("model-rules-expr-bang"))),
                })
            }
            '"' | '\'' => {
                let close = text[i + 1..]
                    .find(c)
                    .ok_or_else(|| err(start..text.len(), tr!("model-rules-expr-unclosed-text")))?;
                let t = text[i + 1..i + 1 + close].to_owned();
                i += close + 2;
                Tok::Text(t)
            }
            c if c.is_ascii_digit() || c == '-' || c == '.' => {
                let end = text[i + 1..]
                    .find(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == '_'))
                    .map_or(text.len(), |e| i + 1 + e);
                let word = text[i..end].replace('_', "");
                i = end;
                match word.parse::<f64>() {
                    Ok(v) if v.is_finite() => Tok::Number(v),
                    _ => {
                        return Err(err(
                            start..end,
                            tr!("model-rules-expr-bad-number", text = &text[start..end]),
                        ));
                    }
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let end = text[i..]
                    .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                    .map_or(text.len(), |e| i + e);
                let word = &text[i..end];
                i = end;
                match word.to_ascii_lowercase().as_str() {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "yes" | "true" => Tok::YesNo(true),
                    "no" | "false" => Tok::YesNo(false),
                    _ => Tok::Ident(word.to_owned()),
                }
            }
            c => {
                return Err(err(
                    start..start + c.len_utf8(),
                    tr!("model-rules-expr-bad-char", char = c.to_string()),
                ));
            }
        };
        out.push((tok, start..i));
    }
    Ok(out)
}

/// Parses a `when` expression.
pub fn parse(text: &str) -> Result<Expr, ExprError> {
    if text.len() > MAX_LEN {
        return Err(err(
            MAX_LEN..text.len(),
            tr!("model-rules-expr-too-long", max = MAX_LEN as u64),
        ));
    }
    let toks = tokens(text)?;
    if toks.is_empty() {
        return Err(err(0..text.len(), tr!("model-rules-expr-empty")));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        len: text.len(),
    };
    let e = p.or(0)?;
    if let Some((_, at)) = p.toks.get(p.pos) {
        return Err(err(at.clone(), tr!("model-rules-expr-trailing")));
    }
    Ok(e)
}

struct Parser {
    toks: Vec<(Tok, Range<usize>)>,
    pos: usize,
    len: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn here(&self) -> Range<usize> {
        self.toks
            .get(self.pos)
            .map_or(self.len..self.len, |(_, at)| at.clone())
    }

    fn or(&mut self, depth: usize) -> Result<Expr, ExprError> {
        let mut parts = vec![self.and(depth)?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            parts.push(self.and(depth)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::Or(parts)
        })
    }

    fn and(&mut self, depth: usize) -> Result<Expr, ExprError> {
        let mut parts = vec![self.not(depth)?];
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            parts.push(self.not(depth)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::And(parts)
        })
    }

    fn not(&mut self, depth: usize) -> Result<Expr, ExprError> {
        let mut nots = 0usize;
        while self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            nots += 1;
        }
        let e = self.primary(depth)?;
        Ok(if nots % 2 == 1 {
            Expr::Not(Box::new(e))
        } else {
            e
        })
    }

    fn primary(&mut self, depth: usize) -> Result<Expr, ExprError> {
        let at = self.here();
        match self.toks.get(self.pos).map(|(t, _)| t.clone()) {
            Some(Tok::Open) => {
                if depth + 1 > MAX_DEPTH {
                    return Err(err(
                        at,
                        tr!("model-rules-expr-too-deep", max = MAX_DEPTH as u64),
                    ));
                }
                self.pos += 1;
                let e = self.or(depth + 1)?;
                if self.peek() != Some(&Tok::Close) {
                    return Err(err(self.here(), tr!("model-rules-expr-expected-close")));
                }
                self.pos += 1;
                Ok(e)
            }
            Some(Tok::Ident(name)) => {
                self.pos += 1;
                let Some(Tok::Op(op)) = self.peek().cloned() else {
                    return Ok(Expr::Flag { name, at });
                };
                self.pos += 1;
                let value_at = self.here();
                let value = match self.peek() {
                    Some(Tok::Number(v)) => Value::Number(*v),
                    Some(Tok::Text(t)) => Value::Text(t.clone()),
                    Some(Tok::YesNo(b)) => Value::YesNo(*b),
                    _ => return Err(err(value_at, tr!("model-rules-expr-expected-value"))),
                };
                self.pos += 1;
                Ok(Expr::Compare {
                    name,
                    name_at: at,
                    op,
                    value,
                    value_at,
                })
            }
            None => Err(err(at, tr!("model-rules-expr-unexpected-end"))),
            Some(_) => Err(err(at, tr!("model-rules-expr-expected-name"))),
        }
    }
}

impl Expr {
    /// Whether the condition holds for the attribute values `value` gives. A comparison whose
    /// attribute has no value, or a value of another type, is false (validation refuses both).
    pub fn eval(&self, value: &dyn Fn(&str) -> Option<Value>) -> bool {
        match self {
            Self::Compare {
                name, op, value: v, ..
            } => value(name).is_some_and(|a| compare(&a, *op, v)),
            Self::Flag { name, .. } => value(name) == Some(Value::YesNo(true)),
            Self::Not(e) => !e.eval(value),
            Self::And(es) => es.iter().all(|e| e.eval(value)),
            Self::Or(es) => es.iter().any(|e| e.eval(value)),
        }
    }

    /// Every attribute named, with the type its use implies, in order of appearance.
    pub fn names(&self) -> Vec<(&str, Kind)> {
        let mut out = Vec::new();
        self.visit(&mut |e| match e {
            Self::Compare { name, value, .. } => out.push((name.as_str(), value.kind())),
            Self::Flag { name, .. } => out.push((name.as_str(), Kind::YesNo)),
            _ => {}
        });
        out
    }

    fn visit<'e>(&'e self, f: &mut dyn FnMut(&'e Expr)) {
        f(self);
        match self {
            Self::Not(e) => e.visit(f),
            Self::And(es) | Self::Or(es) => es.iter().for_each(|e| e.visit(f)),
            _ => {}
        }
    }

    /// The problems of the expression against the declared attributes' types (`kind` of a name,
    /// `None` when undeclared).
    pub fn check(&self, kind: &dyn Fn(&str) -> Option<Kind>) -> Vec<TypeProblem> {
        let mut out = Vec::new();
        self.visit(&mut |e| {
            let (name, at, value) = match e {
                Self::Compare {
                    name,
                    name_at,
                    op,
                    value,
                    value_at,
                } => (name, name_at, Some((*op, value, value_at))),
                Self::Flag { name, at } => (name, at, None),
                _ => return,
            };
            let Some(k) = kind(name) else {
                out.push(TypeProblem::Unknown {
                    name: name.clone(),
                    at: at.clone(),
                });
                return;
            };
            match value {
                None if k != Kind::YesNo => out.push(TypeProblem::Mismatch {
                    at: at.clone(),
                    message: tr!(
                        "model-rules-expr-flag-not-yes-no",
                        name = name.as_str(),
                        kind = k.word()
                    ),
                }),
                None => {}
                Some((op, v, v_at)) if v.kind() != k => out.push(TypeProblem::Mismatch {
                    at: v_at.clone(),
                    message: tr!(
                        "model-rules-expr-wrong-type",
                        name = name.as_str(),
                        kind = k.word(),
                        value = v.to_string(),
                        op = op.symbol()
                    ),
                }),
                Some((op, _, _)) if op.orders() && k != Kind::Number => {
                    out.push(TypeProblem::Mismatch {
                        at: at.clone(),
                        message: tr!(
                            "model-rules-expr-no-order",
                            name = name.as_str(),
                            kind = k.word(),
                            op = op.symbol()
                        ),
                    })
                }
                Some(_) => {}
            }
        });
        out
    }
}

fn compare(a: &Value, op: Op, b: &Value) -> bool {
    use std::cmp::Ordering;
    let ord = match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.partial_cmp(y),
        (Value::Text(x), Value::Text(y)) => Some(x.cmp(y)),
        (Value::YesNo(x), Value::YesNo(y)) => Some(x.cmp(y)),
        _ => None,
    };
    let Some(ord) = ord else { return false };
    match op {
        Op::Lt => ord == Ordering::Less,
        Op::Le => ord != Ordering::Greater,
        Op::Gt => ord == Ordering::Greater,
        Op::Ge => ord != Ordering::Less,
        Op::Eq => ord == Ordering::Equal,
        Op::Ne => ord != Ordering::Equal,
    }
}
