## permitflow catalogue: diag, en.
## Keys start with "diag-". Every key exists in both languages (a test checks).

