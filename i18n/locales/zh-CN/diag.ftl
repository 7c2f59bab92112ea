## permitflow catalogue: diag, zh-CN.
## Keys start with "diag-". Every key exists in both languages (a test checks).

