## permitflow catalogue: chart, zh-CN.
## Keys start with "chart-". Every key exists in both languages (a test checks).

