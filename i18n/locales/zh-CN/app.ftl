## permitflow catalogue: app, zh-CN.
## Keys start with "app-". Every key exists in both languages (a test checks).

