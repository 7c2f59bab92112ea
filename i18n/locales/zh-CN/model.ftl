## permitflow catalogue: model, zh-CN.
## Keys start with "model-". Every key exists in both languages (a test checks).

