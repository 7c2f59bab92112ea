## permitflow catalogue: model, en.
## Keys start with "model-". Every key exists in both languages (a test checks).

