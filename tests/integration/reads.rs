//! Reads that hold at any input (issue 17, in part): files are read bounded by their content, not
//! their metadata, so `/dev/zero`, FIFOs and endless pipes are refused quickly; `-` reads standard
//! input; hostile .xlsx workbooks are refused before anything is allocated for them; diagnostics
//! are capped, rendered in linear time and never echo an unbounded line. Each refusal is exit 2
//! with a clear message, within seconds, under a 3 GB address-space limit, and leaves existing
//! files byte-identical.

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{permitflow, root, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_permitflow");

/// Runs permitflow under a 3 GB address-space limit (`ulimit -v`), returning its output and how
/// long it took.
fn limited(args: &[&str]) -> (Output, Duration) {
    let t = Instant::now();
    let o = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 3000000; exec \"$0\" \"$@\"")
        .arg(BIN)
        .args(args)
        .current_dir(root())
        .env_remove("PERMITFLOW_LANG")
        .env("LC_ALL", "C")
        .output()
        .expect("run permitflow under sh");
    (o, t.elapsed())
}

/// Runs permitflow with `input` on standard input.
fn with_stdin(args: &[&str], input: Vec<u8>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(root())
        .env_remove("PERMITFLOW_LANG")
        .env("LC_ALL", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run permitflow");
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    o
}

fn refused_quickly(o: &Output, took: Duration, what: &str) -> String {
    let e = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{what}: {e}");
    // A guard against hangs and runaway reads, not a speed test (BENCHMARKS.md measures speed):
    // generous, because a debug build on a loaded two-core machine takes 13–25 s here.
    assert!(took < Duration::from_secs(90), "{what} took {took:?}");
    assert!(!e.contains("panicked"), "{what}: {e}");
    e
}

#[cfg(unix)]
#[test]
fn dev_zero_as_scenario_calendar_file_or_shard_is_refused() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // A scenario.
    let scenario = d.join("zero.toml");
    symlink("/dev/zero", &scenario).unwrap();
    let (o, took) = limited(&["check", scenario.to_str().unwrap()]);
    let e = refused_quickly(&o, took, "scenario");
    assert!(
        e.contains("error[E001]: the input is larger than")
            && e.contains("MB, the most permitflow reads from it; reading stopped there"),
        "{e}"
    );
    assert!(e.contains(&format!("--> {}", scenario.display())), "{e}");

    // A calendar file the scenario names.
    let text = std::fs::read_to_string(root().join("scenarios/industrial.toml")).unwrap();
    let text = text.replacen(
        "calendar = \"cn\"",
        "calendar = { base = \"cn\", files = [\"cn-2027.json\"] }",
        1,
    );
    assert!(text.contains("cn-2027.json"));
    std::fs::write(d.join("cal.toml"), text).unwrap();
    symlink("/dev/zero", d.join("cn-2027.json")).unwrap();
    let (o, took) = limited(&["check", d.join("cal.toml").to_str().unwrap()]);
    let e = refused_quickly(&o, took, "calendar file");
    assert!(e.contains("the input is larger than"), "{e}");
    assert!(e.contains("cn-2027.json"), "{e}");

    // A shard given to merge; the existing output is left as it was.
    let shard = d.join("shard.csv");
    symlink("/dev/zero", &shard).unwrap();
    let out = d.join("merged.csv");
    std::fs::write(&out, "kept\n").unwrap();
    let (o, took) = limited(&[
        "merge",
        shard.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let e = refused_quickly(&o, took, "shard");
    assert!(e.contains("the input is larger than"), "{e}");
    assert_eq!(std::fs::read(&out).unwrap(), b"kept\n");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_read_and_an_endless_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fed.toml");
    mkfifo(&fifo);
    let text = std::fs::read(root().join("scenarios/industrial.toml")).unwrap();
    let path = fifo.clone();
    let feeder = std::thread::spawn(move || {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .write_all(&text)
            .unwrap();
    });
    let o = permitflow(&["check", fifo.to_str().unwrap()]);
    feeder.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("target met"), "{}", stdout(&o));

    // A FIFO that never ends: refused once the limit is read; the writer sees the pipe close.
    let endless = dir.path().join("endless.csv");
    mkfifo(&endless);
    let path = endless.clone();
    let feeder = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        let chunk = vec![b'x'; 1 << 20];
        let mut written = 0usize;
        while f.write_all(&chunk).is_ok() {
            written += chunk.len();
        }
        written
    });
    let (o, took) = limited(&["check", endless.to_str().unwrap()]);
    let written = feeder.join().unwrap();
    let e = refused_quickly(&o, took, "endless FIFO");
    assert!(e.contains("the input is larger than"), "{e}");
    assert!(
        written < 1 << 30,
        "stopped reading early: {written} bytes written"
    );
}

#[test]
fn stdin_reads_toml_json_and_csv_named_stdin() {
    let toml = std::fs::read(root().join("scenarios/industrial.toml")).unwrap();
    let o = with_stdin(&["check", "-"], toml.clone());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = with_stdin(&["compare", "-", "--format", "json"], toml);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let from_stdin: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let o = permitflow(&["compare", "scenarios/industrial.toml", "--format", "json"]);
    let from_file: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(from_stdin["regimes"], from_file["regimes"]);

    // CSV: a first line with commas naming `id`.
    let csv = std::fs::read(root().join("scenarios/construction-permit.csv")).unwrap();
    let args = ["compare", "-", "--start", "2025-03-03", "--format", "json"];
    let o = with_stdin(&args, csv);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["regimes"][2]["working_days"], 8.0);

    // JSON: starts with `{`; problems are named `<stdin>` with line and column.
    let o = with_stdin(
        &["check", "-"],
        b"{\n  \"version\": 1,\n  \"nme\": 2\n}\n".to_vec(),
    );
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("--> <stdin>:"), "{e}");
    assert!(e.contains("found in <stdin>"), "{e}");

    // An endless standard input is refused like an endless file.
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 3000000; exec \"$0\" check -")
        .arg(BIN)
        .env_remove("PERMITFLOW_LANG")
        .env("LC_ALL", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let t = Instant::now();
    let feeder = std::thread::spawn(move || {
        let chunk = vec![b'#'; 1 << 20];
        while pipe.write_all(&chunk).is_ok() {}
    });
    let o = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let e = refused_quickly(&o, t.elapsed(), "endless stdin");
    assert!(
        e.contains("--> <stdin>") && e.contains("larger than"),
        "{e}"
    );
}

/// The shipped workbook with its first sheet's XML replaced.
fn workbook_with_sheet(sheet: impl Fn(&str) -> Vec<u8>) -> Vec<u8> {
    let base = std::fs::read(root().join("tests/data/construction-permit.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(base)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            data = sheet(&String::from_utf8(data).unwrap());
        }
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn hostile_workbooks_are_refused_before_allocation() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: Vec<u8>| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let start = ["--start", "2025-03-03"];

    // A sheet that only claims A1:XFD1048576: the claim is not trusted, the cells are read.
    let claims = write(
        "claims.xlsx",
        workbook_with_sheet(|xml| {
            xml.replace(
                r#"<dimension ref="A1:I5" />"#,
                r#"<dimension ref="A1:XFD1048576" />"#,
            )
            .into_bytes()
        }),
    );
    let (o, took) = limited(&["check", &claims, start[0], start[1]]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(took < Duration::from_secs(20));

    // A value in XFD1048576 (the bounding box is 17 billion cells; calamine alone asks for
    // 512 GB and aborts).
    let far = write(
        "far.xlsx",
        workbook_with_sheet(|xml| {
            xml.replace(
                "</sheetData>",
                r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>"#,
            )
            .into_bytes()
        }),
    );
    let (o, took) = limited(&["check", &far, start[0], start[1]]);
    let e = refused_quickly(&o, took, "far cell");
    assert!(
        e.contains("sheet `审批事项` has a value in cell XFD1048576, outside the 256 columns and"),
        "{e}"
    );
    assert!(e.contains("save the sheet as CSV UTF-8"), "{e}");

    // Stray cells within bounds that make a huge block: 200,000 rows by 256 columns.
    let block = write(
        "block.xlsx",
        workbook_with_sheet(|xml| {
            xml.replace(
                "</sheetData>",
                r#"<row r="200000"><c r="IV200000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>"#,
            )
            .into_bytes()
        }),
    );
    let (o, took) = limited(&["check", &block, start[0], start[1]]);
    let e = refused_quickly(&o, took, "huge block");
    assert!(
        e.contains("sheet `审批事项` uses a block of 200000 rows by 256 columns"),
        "{e}"
    );

    // Padding that unpacks to 300 MB from a small file.
    let padded = write(
        "padded.xlsx",
        workbook_with_sheet(|xml| {
            let mut v = xml.as_bytes().to_vec();
            let at = v.len() - "</worksheet>".len();
            v.splice(at..at, std::iter::repeat_n(b' ', 300 << 20));
            v
        }),
    );
    assert!(std::fs::metadata(&padded).unwrap().len() < 2 << 20);
    let (o, took) = limited(&["check", &padded, start[0], start[1]]);
    let e = refused_quickly(&o, took, "padded sheet");
    assert!(
        e.contains("the workbook unpacks to more than 256 MB (at part `xl/worksheets/sheet1.xml`)"),
        "{e}"
    );
}

#[test]
fn ten_thousand_unknown_columns_give_one_bounded_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cols.csv");
    let extra: Vec<String> = (0..10_000).map(|i| format!("extra{i}")).collect();
    let text = format!(
        "id,name,department,stage,days,after,{}\na,A,D,S,1,{}\n",
        extra.join(","),
        ",".repeat(10_000)
    );
    std::fs::write(&p, text).unwrap();
    let (o, took) = limited(&["check", p.to_str().unwrap()]);
    let e = refused_quickly(&o, took, "unknown columns");
    assert!(e.len() < 10_000, "{} bytes on stderr", e.len());
    assert!(
        e.contains(
            "error[E017]: 10000 unknown columns: `extra0`, `extra1`, `extra2`, `extra3`, `extra4` and 9995 more"
        ),
        "{e}"
    );
    assert!(e.contains("cols.csv:1:37"), "{e}");
    assert!(e.ends_with(&format!("1 problem found in {}\n", p.display())));
}

#[test]
fn a_hundred_thousand_bad_rows_are_capped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.csv");
    let mut text = String::from("id,name,department,stage,days,after\n");
    for i in 0..100_000 {
        text.push_str(&format!("i{i},Item {i},D{},S1,2,missing{i}\n", i % 7));
    }
    std::fs::write(&p, text).unwrap();
    let (o, took) = limited(&["check", p.to_str().unwrap()]);
    let e = refused_quickly(&o, took, "100,000 bad rows");
    assert!(e.len() < 30_000, "{} bytes on stderr", e.len());
    assert_eq!(e.matches("error[E011]: unknown predecessor").count(), 50);
    assert!(
        e.contains("error[E011]: unknown predecessor `missing49`"),
        "{e}"
    );
    assert!(
        e.contains("… and 99950 more problems (100000 in all; the first 50 are shown)\n100000 problems found in"),
        "{e}"
    );
}

#[test]
fn a_one_megabyte_line_is_shown_as_a_window() {
    let dir = tempfile::tempdir().unwrap();
    // TOML: a syntax error at the end of a 1 MB line.
    let p = dir.path().join("long.toml");
    let long = "x".repeat(1 << 20);
    std::fs::write(&p, format!("version = 1\nname = \"{long}\" oops\n")).unwrap();
    let (o, took) = limited(&["check", p.to_str().unwrap()]);
    let e = refused_quickly(&o, took, "1 MB line");
    assert!(
        e.len() < 4_000,
        "{} bytes on stderr:\n{}",
        e.len(),
        &e[..4_000]
    );
    assert!(
        e.contains(&format!("long.toml:2:{}", (1 << 20) + 11)),
        "{e}"
    );
    assert!(e.contains("2 | …xxxx"), "{e}");

    // CSV: a 1 MB predecessor id, echoed cut short.
    let p = dir.path().join("long.csv");
    std::fs::write(
        &p,
        format!("id,name,department,stage,days,after\na,A,D,S,1,{long}\n"),
    )
    .unwrap();
    let (o, took) = limited(&["check", p.to_str().unwrap()]);
    let e = refused_quickly(&o, took, "1 MB id");
    assert!(e.len() < 4_000, "{} bytes on stderr", e.len());
    assert!(
        e.contains(&format!("unknown predecessor `{}…`", "x".repeat(80))),
        "{e}"
    );
    assert!(e.contains("long.csv:2:11"), "{e}");
    assert!(e.contains("2 | a,A,D,S,1,xxx"), "{e}");
}

#[test]
fn a_file_of_commas_is_refused_before_its_cells_fill_memory() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("commas.csv");
    let text = format!(
        "id,name,department,stage,days,after{}\n",
        ",".repeat(60 << 20)
    );
    std::fs::write(&p, text).unwrap();
    let (o, took) = limited(&["check", p.to_str().unwrap()]);
    let e = refused_quickly(&o, took, "60 MB of commas");
    assert!(
        e.contains(
            "error[E003]: this row has more than 16384 cells, the most permitflow reads in a row"
        ),
        "{e}"
    );
    assert!(e.len() < 2_000, "{} bytes on stderr", e.len());
}

#[test]
fn a_parser_message_about_a_huge_value_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("shard.json");
    let value = "x".repeat(1 << 20);
    std::fs::write(
        &shard,
        format!(r#"[{{"file":"a","scenario":"s","regime":"r","working_days":"{value}"}}]"#),
    )
    .unwrap();
    let out = dir.path().join("merged.csv");
    let o = permitflow(&[
        "merge",
        shard.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    // Whatever the parser finds wrong first, the 1 MB value is never echoed whole.
    assert!(e.len() < 1_000, "{} bytes on stderr", e.len());
    assert!(e.contains("shard.json"), "{e}");
    assert!(!out.exists());
}
