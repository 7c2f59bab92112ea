## permitflow catalogue: app, en.
## Keys start with "app-". Every key exists in both languages (a test checks).

