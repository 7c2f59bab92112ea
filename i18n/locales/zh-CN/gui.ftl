## permitflow catalogue: gui, zh-CN.
## Keys start with "gui-". Every key exists in both languages (a test checks).

