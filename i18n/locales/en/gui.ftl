## permitflow catalogue: gui, en.
## Keys start with "gui-". Every key exists in both languages (a test checks).

