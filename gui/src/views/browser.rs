//! The built-in file browser, shown in the file dialogs where no native dialog answers (no
//! desktop portal, `PERMITFLOW_NATIVE_DIALOGS=0`): the folder of the path typed, folders
//! first, then the files with the dialog's extensions; shortcuts to the parent folder, the
//! home folder and the shipped scenarios. The dialog's path field is its path bar: typing a
//! folder shows it, clicking a folder goes into it, clicking a file puts it in the field,
//! double-clicking opens it.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};
use permitflow_i18n::tr;

use crate::places::{Places, has_extension};

/// One row of the listing.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The file or folder name.
    pub name: String,
    /// Its full path.
    pub path: PathBuf,
    /// A folder (listed first).
    pub is_dir: bool,
}

/// The folder listed and its rows.
#[derive(Debug, Default)]
pub struct Browser {
    /// The folder listed and the extensions it was listed for.
    listed: Option<(PathBuf, Vec<String>)>,
    entries: Vec<Entry>,
    error: Option<String>,
}

/// What the user did in the browser this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    /// Nothing.
    None,
    /// Put this path in the path field.
    Path(String),
    /// Put this path in the field and do the dialog's action.
    Accept(String),
}

/// The folder a typed path shows: the path itself when it is a folder, else its parent when
/// that is one.
pub fn folder_of(text: &str) -> Option<PathBuf> {
    let p = PathBuf::from(text.trim());
    if text.trim().is_empty() {
        return std::env::current_dir().ok();
    }
    if p.is_dir() {
        return Some(p);
    }
    p.parent()
        .map(|d| {
            if d.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                d.to_path_buf()
            }
        })
        .filter(|d| d.is_dir())
}

/// The rows of `dir`: folders, then the files with one of `extensions` (all files when it is
/// empty), each by name without regard to case; hidden ones (`.name`) left out.
pub fn list(dir: &Path, extensions: &[&str]) -> std::io::Result<Vec<Entry>> {
    let mut out: Vec<Entry> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            let is_dir = path.is_dir();
            let wanted = is_dir || extensions.is_empty() || has_extension(&path, extensions);
            (!name.starts_with('.') && wanted).then_some(Entry { name, path, is_dir })
        })
        .collect();
    out.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(out)
}

/// `dir` joined with the file name of `text` (for a save dialog moving to another folder), or
/// `dir` with a trailing separator when `text` names no file.
fn in_folder(dir: &Path, text: &str, keep_name: bool) -> String {
    let t = PathBuf::from(text.trim());
    let name = t
        .file_name()
        .filter(|_| keep_name && !t.is_dir() && !text.trim().ends_with(['/', '\\']));
    match name {
        Some(n) => dir.join(n).display().to_string(),
        None => format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR),
    }
}

impl Browser {
    /// Draws the browser for the path in the dialog's field. `keep_name`: the dialog saves (a
    /// folder clicked keeps the file name typed).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        path_text: &str,
        extensions: &[&str],
        keep_name: bool,
    ) -> Picked {
        let mut picked = Picked::None;
        let folder = folder_of(path_text);
        let key = folder.clone().map(|f| {
            let exts = extensions.iter().map(|x| (*x).to_owned()).collect();
            (f, exts)
        });
        if key != self.listed {
            self.entries.clear();
            self.error = None;
            if let Some((dir, _)) = &key {
                match list(dir, extensions) {
                    Ok(e) => self.entries = e,
                    Err(e) => {
                        self.error = Some(tr!(
                            "gui-browser-cannot-list",
                            folder = dir.display().to_string(),
                            error = e.to_string()
                        ));
                    }
                }
            }
            self.listed = key;
        }
        let go = |dir: PathBuf| Picked::Path(in_folder(&dir, path_text, keep_name));
        ui.horizontal(|ui| {
            let parent = folder
                .as_ref()
                .and_then(|f| std::path::absolute(f).ok())
                .and_then(|f| f.parent().map(Path::to_path_buf));
            if ui
                .add_enabled(parent.is_some(), egui::Button::new(tr!("gui-browser-up")))
                .on_hover_text(tr!("gui-browser-up.tip"))
                .clicked()
                && let Some(p) = parent
            {
                picked = go(p);
            }
            if let Some(home) = dirs::home_dir()
                && ui.button(tr!("gui-browser-home")).clicked()
            {
                picked = go(home);
            }
            if let Some(shipped) = Places::system()
                .shipped_dirs("scenarios")
                .into_iter()
                .next()
                && ui.button(tr!("gui-browser-shipped")).clicked()
            {
                picked = go(shipped);
            }
            let shown = folder
                .as_ref()
                .and_then(|f| std::path::absolute(f).ok())
                .map(|f| f.display().to_string())
                .unwrap_or_default();
            ui.add(egui::Label::new(RichText::new(shown).weak()).truncate());
        });
        let filter = if extensions.is_empty() {
            tr!("gui-browser-all-files")
        } else {
            let list: Vec<String> = extensions.iter().map(|x| format!("*.{x}")).collect();
            tr!("gui-browser-showing", types = list.join(" "))
        };
        ui.label(RichText::new(filter).weak());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .min_scrolled_height(260.0)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(e) = &self.error {
                        ui.label(RichText::new(e).color(crate::widgets::AMBER));
                    } else if self.entries.is_empty() {
                        ui.label(RichText::new(tr!("gui-browser-empty")).weak());
                    }
                    let current = PathBuf::from(path_text.trim());
                    for e in &self.entries {
                        // Folders end in the separator and are drawn strong.
                        let text = if e.is_dir {
                            RichText::new(format!("{}{}", e.name, std::path::MAIN_SEPARATOR))
                                .strong()
                        } else {
                            RichText::new(&e.name)
                        };
                        let selected = !e.is_dir && current == e.path;
                        let r = ui.selectable_label(selected, text);
                        if e.is_dir && r.clicked() {
                            picked = go(e.path.clone());
                        } else if r.double_clicked() {
                            picked = Picked::Accept(e.path.display().to_string());
                        } else if r.clicked() {
                            picked = Picked::Path(e.path.display().to_string());
                        }
                    }
                });
        });
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_first_and_files_are_filtered_by_extension() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        for f in ["b.toml", "A.TOML", "c.csv", "notes.txt", ".hidden.toml"] {
            std::fs::write(d.join(f), "").unwrap();
        }
        std::fs::create_dir(d.join("zeta")).unwrap();
        std::fs::create_dir(d.join("Alpha")).unwrap();
        let names: Vec<String> = list(d, &["toml", "csv"])
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["Alpha", "zeta", "A.TOML", "b.toml", "c.csv"]);
        assert_eq!(list(d, &[]).unwrap().len(), 6);
    }

    #[test]
    fn the_path_field_decides_the_folder_shown() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        let file = d.join("new.toml");
        assert_eq!(folder_of(&d.display().to_string()), Some(d.to_path_buf()));
        // A file not yet written: its folder.
        assert_eq!(
            folder_of(&file.display().to_string()),
            Some(d.to_path_buf())
        );
        assert_eq!(folder_of("/no/such/folder/x.toml"), None);
        // Moving to another folder keeps the name being saved.
        let sub = d.join("sub");
        assert_eq!(
            in_folder(&sub, &file.display().to_string(), true),
            sub.join("new.toml").display().to_string()
        );
        assert_eq!(
            in_folder(&sub, &file.display().to_string(), false),
            format!("{}{}", sub.display(), std::path::MAIN_SEPARATOR)
        );
    }
}
