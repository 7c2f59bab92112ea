## permitflow catalogue: cli, en.
## Keys start with "cli-". Every key exists in both languages (a test checks).

