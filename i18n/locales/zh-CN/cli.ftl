## permitflow catalogue: cli, zh-CN.
## Keys start with "cli-". Every key exists in both languages (a test checks).

